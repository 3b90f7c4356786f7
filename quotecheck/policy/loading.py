"""Finding, reading and resolving configurations: the closest ``quotecheck.toml``,
``.quotecheck.toml`` or ``[tool.quotecheck]`` walking up from a checked file, the chain of
files it ``extends``, and the effective :class:`~quotecheck.policy.model.Policy` for one file
(defaults, then the chain, then each matching override)."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from ..documents import EXTENSIONS
from ..files import UnreadableFile, read_regular
from ..vocab import Severity
from .errors import ConfigError, display
from .model import Chain, ConfigFile, Policy, RuleSpec, concat
from .validation import LEXICON_KEYS, validate

__all__ = ["CONFIG_NAMES", "PolicyCache", "discover_config", "load_policy"]

CONFIG_NAMES = ("quotecheck.toml", ".quotecheck.toml", "pyproject.toml")
_STDIN = ("-", "<stdin>")
MAX_EXTENDS = 32  # configurations in one extends chain (a longer one is surely a mistake)
MAX_CONFIG_BYTES = 1_000_000
_TOML_POSITION = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)\s*$")


class PolicyCache:
    """Policies for many checked files in one run: each configuration file is read and
    validated once, each directory searched once."""

    def __init__(self) -> None:
        self._toml: dict[Path, dict[str, Any]] = {}
        self._files: dict[Path, ConfigFile] = {}
        self._chains: dict[Path, Chain] = {}
        self._found: dict[Path, Path | None] = {}

    def policy_for(
        self, path: str | os.PathLike[str], config: str | os.PathLike[str] | None = None
    ) -> Policy:
        """The effective policy for ``path`` (``-`` or ``<stdin>``: standard input, found from
        the working directory, no overrides apply), from ``config`` when given, else from the
        closest configuration file."""
        stdin = str(path) in _STDIN
        if config is not None:
            explicit = _absolute(config)
            if not explicit.is_file():
                what = "a directory" if explicit.is_dir() else "not found"
                raise ConfigError(explicit, "--config", f"expected a configuration file, {what}")
            chain = self._chain(explicit)
        else:
            found = self.discover(Path.cwd() if stdin else path)
            chain = self._chain(found) if found is not None else Chain()
        return _resolve(chain, None if stdin else _absolute(path))

    def discover(self, path: str | os.PathLike[str]) -> Path | None:
        """The closest configuration file for a file or a directory, or None."""
        start = _absolute(path)
        directory = start if start.is_dir() else start.parent
        visited: list[Path] = []
        found: Path | None = None
        for d in (directory, *directory.parents):
            if d in self._found:
                found = self._found[d]
                break
            visited.append(d)
            found = self._config_in(d)
            if found is not None:
                break
        for d in visited:
            self._found[d] = found
        return found

    def _config_in(self, directory: Path) -> Path | None:
        for name in CONFIG_NAMES:
            candidate = directory / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            tool = self._read(candidate).get("tool")
            if isinstance(tool, dict) and "quotecheck" in tool:
                return candidate
        return None

    def _read(self, path: Path) -> dict[str, Any]:
        """A TOML document, parsed once."""
        key = path.resolve()
        if key not in self._toml:
            try:
                text = read_regular(path, MAX_CONFIG_BYTES, option=None).decode("utf-8")
            except UnreadableFile as e:
                raise ConfigError(
                    path, "(file)", f"expected a readable configuration file ({e.reason})"
                ) from None
            except OSError as e:
                raise ConfigError(path, "(file)", f"expected a readable file ({e.strerror or e})") from None
            except UnicodeDecodeError:
                raise ConfigError(path, "(file)", "expected UTF-8 text") from None
            try:
                self._toml[key] = tomllib.loads(text)
            except tomllib.TOMLDecodeError as e:
                message = str(e)
                where = _TOML_POSITION.search(message)
                position = where.group(1) if where else "(file)"
                reason = message[: where.start()] if where else message
                raise ConfigError(path, position, f"expected valid TOML ({reason})") from None
            except RecursionError:
                raise ConfigError(path, "(file)", "expected TOML nested less deeply") from None
        return self._toml[key]

    def _file(self, path: Path) -> ConfigFile:
        key = path.resolve()
        if key not in self._files:
            document = self._read(path)
            if path.name == "pyproject.toml":
                tool = document.get("tool")
                if not isinstance(tool, dict) or "quotecheck" not in tool:
                    raise ConfigError(
                        path,
                        "tool.quotecheck",
                        "expected a [tool.quotecheck] table (this pyproject.toml has none)",
                    )
                table, prefix = tool["quotecheck"], "tool.quotecheck"
            else:
                table, prefix = document, ""
            self._files[key] = validate(path, table, prefix)
        return self._files[key]

    def _chain(self, path: Path, stack: tuple[tuple[Path, ConfigFile], ...] = ()) -> Chain:
        key = path.resolve()
        if key in self._chains:
            return self._chains[key]
        for i, (seen, _) in enumerate(stack):
            if seen == key:
                cycle = " -> ".join(display(p) for p, _ in stack[i:]) + f" -> {display(key)}"
                last = stack[-1][1]
                raise ConfigError(
                    last.path,
                    last.extends_key,
                    f"expected a chain of configurations without a cycle, got {cycle}",
                )
        if len(stack) >= MAX_EXTENDS:
            last = stack[-1][1]
            raise ConfigError(
                last.path,
                last.extends_key,
                f"expected a chain of at most {MAX_EXTENDS} configurations through extends",
            )
        config = self._file(path)
        base = Chain()
        if config.extends is not None:
            target = config.extends
            if not target.is_file():
                what = "is a directory" if target.is_dir() else "does not exist"
                where = display(path.parent) or "."
                raise ConfigError(
                    path,
                    config.extends_key,
                    f"expected an existing configuration file "
                    f"(relative to {where}), but {display(target)} {what}",
                )
            base = self._chain(target, (*stack, (key, config)))
        chain = base.then(config)
        self._chains[key] = chain
        return chain


def discover_config(path: str | os.PathLike[str]) -> Path | None:
    """The closest configuration file for a file or a directory (None: built-in defaults)."""
    return PolicyCache().discover(path)


def load_policy(path: str | os.PathLike[str], config: str | os.PathLike[str] | None = None) -> Policy:
    """The effective policy for one checked file (see :meth:`PolicyCache.policy_for`)."""
    return PolicyCache().policy_for(path, config)


def _resolve(chain: Chain, target: Path | None) -> Policy:
    """Defaults, then the chain's rules, then each override matching ``target`` in order."""
    from ..rules import RULES_BY_ID
    from ..rules.core import RuleSettings

    specs = [chain.rules]
    lexicon = dict(chain.lexicon)
    for override in chain.overrides:
        if target is not None and override.matches(target):
            specs.append(override.rules)
            lexicon = concat(lexicon, override.lexicon)
    rules: dict[str, RuleSettings | None] = {}
    for rule_id, rule in RULES_BY_ID.items():
        spec = RuleSpec(rule.severity, rule.default_settings().options)
        for table in specs:
            if rule_id in table:
                spec = spec.then(table[rule_id])
        rules[rule_id] = (
            None if spec.level == "off" else RuleSettings(Severity(str(spec.level)), dict(spec.options))
        )
    extensions = dict(EXTENSIONS)
    for ext, fmt in chain.extensions.items():
        if fmt == "off":
            extensions.pop(ext, None)
        else:
            extensions[ext] = fmt
    return Policy(
        tuple(str(p) for p in chain.files),
        chain.fail_on,
        rules,
        {k: tuple(lexicon.get(k, ())) for k in LEXICON_KEYS},
        extensions,
    )


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(os.fspath(path)))
