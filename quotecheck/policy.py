"""Newsroom policy: configuration files that turn rules off, change severities, set options,
extend the lexicons and do all of that per folder.

A configuration is ``quotecheck.toml``, ``.quotecheck.toml`` (keys at the top level) or the
``[tool.quotecheck]`` table of a ``pyproject.toml``. For each checked file quotecheck walks up
from the file's directory and uses the closest one (in one directory: quotecheck.toml, then
.quotecheck.toml, then a pyproject.toml that has the table; a pyproject.toml without it is not
a configuration and the walk goes on up). ``--config FILE`` replaces the search. The closest
configuration wins: parents are not merged in unless it says ``extends = "path.toml"``.

Every problem in a configuration is a :class:`ConfigError`, one line naming the file, the key
and what was expected; nothing is silently ignored. ``schemas/config.schema.json`` describes
the same format for editors (:func:`config_schema` builds it from the rule registry, and every
file is also checked against it). See docs/configuration.md.

Run ``python -m quotecheck.policy schema > schemas/config.schema.json`` after adding a rule or
an option.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .documents import EXTENSIONS, FORMATS
from .lexicons import config_lists

if TYPE_CHECKING:  # the registry is imported lazily (it pulls in every rule module)
    from .rules.core import Rule, RuleSettings

__all__ = [
    "CONFIG_NAMES",
    "CONFIG_SCHEMA_ID",
    "CONFIG_SCHEMA_VERSION",
    "ConfigError",
    "LEXICON_KEYS",
    "Policy",
    "PolicyCache",
    "config_schema",
    "discover_config",
    "load_config_schema",
    "load_policy",
]

CONFIG_NAMES = ("quotecheck.toml", ".quotecheck.toml", "pyproject.toml")
CONFIG_SCHEMA_VERSION = "1.0.0"
CONFIG_SCHEMA_ID = f"https://quotecheck.dev/schemas/config/{CONFIG_SCHEMA_VERSION}/config.schema.json"

#: Lexicon lists a configuration may extend (quotecheck/lexicons/lexicons.toml). Phrase lists are
#: matched as words in order (any whitespace between); word lists hold single words (verbs and
#: descriptors as lemmas).
LEXICON_KEYS = tuple(config_lists())
WORD_KEYS = frozenset(k for k, spec in config_lists().items() if spec.single_words)
PHRASE_KEYS = frozenset(LEXICON_KEYS) - WORD_KEYS

TOP_KEYS = ("extends", "fail-on", "extensions", "rules", "lexicon", "overrides")
OVERRIDE_KEYS = ("paths", "rules", "lexicon")
_SEVERITIES = ("error", "warning", "info")
LEVELS = ("off",) + _SEVERITIES  # what a rule may be set to
_STDIN = ("-", "<stdin>")
_REGEX_CHARS = "\\|()[]{}*+?^$"  # a lexicon entry holding one of these looks like a regex
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_TOML_POSITION = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)\s*$")
_SCHEMA_FILE = ("schemas", "config.schema.json")


class ConfigError(Exception):
    """A configuration file that cannot be used.

    ``str(err)`` is one line, ``"<file>: <key>: <expected ...>"``: the file (relative to the
    working directory when inside it), the dotted key (``rules.anonymous-share.max``,
    ``overrides[0].paths``; ``line L, column C`` for a TOML syntax error) and what was expected.
    """

    def __init__(self, file: str | os.PathLike[str], key: str, expected: str) -> None:
        self.file = _display(file)
        self.key = key
        self.expected = " ".join(expected.split())
        super().__init__(f"{self.file}: {self.key}: {self.expected}")


# --- the result ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    """The effective configuration for one checked file."""

    files: tuple[str, ...]  # config files applied, base first (empty: built-in defaults)
    fail_on: str | None  # None when no config sets it (the command line decides)
    rules: dict[str, RuleSettings | None]  # every rule id -> its settings here (None: off)
    lexicon: dict[str, tuple[str, ...]]  # additions for every LEXICON_KEYS key (maybe empty)
    extensions: dict[str, str] = field(default_factory=lambda: dict(EXTENSIONS))  # ".md" -> "markdown"

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``files``, ``fail-on``, ``rules`` (id -> ``{"severity", "options"}``,
        severity ``"off"`` with no options for a rule that is off) and ``lexicon``."""
        rules: dict[str, Any] = {}
        for rule_id, settings in self.rules.items():
            if settings is None:
                rules[rule_id] = {"severity": "off", "options": {}}
            else:
                rules[rule_id] = {"severity": settings.severity, "options": dict(settings.options)}
        return {
            "files": list(self.files),
            "fail-on": self.fail_on,
            "rules": rules,
            "lexicon": {k: list(v) for k, v in self.lexicon.items()},
            "extensions": dict(self.extensions),
        }

    def to_toml(self, path: str | None = None) -> str:
        """The effective configuration as a configuration file (overrides already applied for
        ``path``): it validates, and used as ``--config`` it gives the same rules and lexicon."""
        lines = ["# Effective quotecheck configuration" + (f" for {path}" if path else "")]
        if self.files:
            lines.append("# config files applied (base first):")
            lines += [f"#   {f}" for f in self.files]
        else:
            lines.append("# no config file found: built-in defaults")
        if self.fail_on is None:
            lines.append('# fail-on is not set: the command line\'s --fail-on applies (default "error")')
        else:
            lines.append(f"fail-on = {_toml_value(self.fail_on)}")
        lines += ["", "[rules]"]
        for rule_id, settings in self.rules.items():
            if settings is None:
                lines.append(f'{rule_id} = "off"')
            elif not settings.options:
                lines.append(f"{rule_id} = {_toml_value(settings.severity)}")
            else:
                parts = [f"severity = {_toml_value(settings.severity)}"]
                parts += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in settings.options.items()]
                lines.append(f"{rule_id} = {{ {', '.join(parts)} }}")
        lines += ["", "[lexicon]"]
        lines += [f"{key} = {_toml_value(list(values))}" for key, values in self.lexicon.items()]
        return "\n".join(lines) + "\n"


# --- parsed configuration files -----------------------------------------------------------


@dataclass(frozen=True)
class _RuleSpec:
    """What one table says about a rule: a level (``off`` or a severity; None: not set here)
    and option values (only those it sets)."""

    level: str | None
    options: Mapping[str, Any] = field(default_factory=dict)

    def then(self, later: _RuleSpec) -> _RuleSpec:
        """This spec with a later one on top (key by key)."""
        return _RuleSpec(later.level or self.level, {**self.options, **later.options})


@dataclass(frozen=True)
class _Override:
    """One ``[[overrides]]`` entry, with the directory its patterns are relative to."""

    base: Path
    patterns: tuple[str, ...]
    regexes: tuple[re.Pattern[str], ...]
    rules: Mapping[str, _RuleSpec]
    lexicon: Mapping[str, tuple[str, ...]]

    def matches(self, target: Path) -> bool:
        rel = os.path.relpath(target, self.base).replace(os.sep, "/")
        outside = rel == ".." or rel.startswith("../")
        for pattern, regex in zip(self.patterns, self.regexes):
            if outside and not pattern.startswith("../"):
                continue  # a file outside the config's folder: only ../ patterns reach it
            if regex.fullmatch(rel):
                return True
        return False


@dataclass(frozen=True)
class _ConfigFile:
    """One validated configuration file (not yet combined with what it extends)."""

    path: Path
    extends: Path | None
    extends_key: str
    fail_on: str | None
    rules: Mapping[str, _RuleSpec]
    lexicon: Mapping[str, tuple[str, ...]]
    overrides: tuple[_Override, ...]
    extensions: Mapping[str, str] = field(default_factory=dict)  # as written: a format or "off"


@dataclass(frozen=True)
class _Chain:
    """A configuration combined with everything it extends (base first)."""

    files: tuple[Path, ...] = ()
    fail_on: str | None = None
    rules: Mapping[str, _RuleSpec] = field(default_factory=dict)
    lexicon: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    overrides: tuple[_Override, ...] = ()
    extensions: Mapping[str, str] = field(default_factory=dict)

    def then(self, later: _ConfigFile) -> _Chain:
        rules = dict(self.rules)
        for rule_id, spec in later.rules.items():
            rules[rule_id] = rules[rule_id].then(spec) if rule_id in rules else spec
        return _Chain(self.files + (later.path,), later.fail_on or self.fail_on, rules,
                      _concat(self.lexicon, later.lexicon), self.overrides + later.overrides,
                      {**self.extensions, **later.extensions})


# --- discovery, loading, resolving --------------------------------------------------------


class PolicyCache:
    """Policies for many checked files in one run: each configuration file is read and
    validated once, each directory searched once."""

    def __init__(self) -> None:
        self._toml: dict[Path, dict[str, Any]] = {}
        self._files: dict[Path, _ConfigFile] = {}
        self._chains: dict[Path, _Chain] = {}
        self._found: dict[Path, Path | None] = {}

    def policy_for(self, path: str | os.PathLike[str], config: str | os.PathLike[str] | None = None) -> Policy:
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
            chain = self._chain(found) if found is not None else _Chain()
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
                text = path.read_bytes().decode("utf-8")
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
                reason = message[:where.start()] if where else message
                raise ConfigError(path, position, f"expected valid TOML ({reason})") from None
        return self._toml[key]

    def _file(self, path: Path) -> _ConfigFile:
        key = path.resolve()
        if key not in self._files:
            document = self._read(path)
            if path.name == "pyproject.toml":
                tool = document.get("tool")
                if not isinstance(tool, dict) or "quotecheck" not in tool:
                    raise ConfigError(path, "tool.quotecheck", "expected a [tool.quotecheck] table "
                                      "(this pyproject.toml has none)")
                table, prefix = tool["quotecheck"], "tool.quotecheck"
            else:
                table, prefix = document, ""
            self._files[key] = _validate(path, table, prefix)
        return self._files[key]

    def _chain(self, path: Path, stack: tuple[tuple[Path, _ConfigFile], ...] = ()) -> _Chain:
        key = path.resolve()
        if key in self._chains:
            return self._chains[key]
        for i, (seen, _) in enumerate(stack):
            if seen == key:
                cycle = " -> ".join(_display(p) for p, _ in stack[i:]) + f" -> {_display(key)}"
                last = stack[-1][1]
                raise ConfigError(last.path, last.extends_key, f"expected a chain of configurations "
                                  f"without a cycle, got {cycle}")
        config = self._file(path)
        base = _Chain()
        if config.extends is not None:
            target = config.extends
            if not target.is_file():
                what = "is a directory" if target.is_dir() else "does not exist"
                raise ConfigError(path, config.extends_key, f"expected an existing configuration file "
                                  f"(relative to {_display(path.parent) or '.'}), but {_display(target)} {what}")
            base = self._chain(target, stack + ((key, config),))
        chain = base.then(config)
        self._chains[key] = chain
        return chain


def discover_config(path: str | os.PathLike[str]) -> Path | None:
    """The closest configuration file for a file or a directory (None: built-in defaults)."""
    return PolicyCache().discover(path)


def load_policy(path: str | os.PathLike[str], config: str | os.PathLike[str] | None = None) -> Policy:
    """The effective policy for one checked file (see :meth:`PolicyCache.policy_for`)."""
    return PolicyCache().policy_for(path, config)


def _resolve(chain: _Chain, target: Path | None) -> Policy:
    """Defaults, then the chain's rules, then each override matching ``target`` in order."""
    from .rules import RULES_BY_ID
    from .rules.core import RuleSettings

    specs = [chain.rules]
    lexicon = dict(chain.lexicon)
    for override in chain.overrides:
        if target is not None and override.matches(target):
            specs.append(override.rules)
            lexicon = _concat(lexicon, override.lexicon)
    rules: dict[str, RuleSettings | None] = {}
    for rule_id, rule in RULES_BY_ID.items():
        spec = _RuleSpec(rule.severity, rule.default_settings().options)
        for table in specs:
            if rule_id in table:
                spec = spec.then(table[rule_id])
        rules[rule_id] = None if spec.level == "off" else RuleSettings(str(spec.level), dict(spec.options))
    extensions = dict(EXTENSIONS)
    for ext, fmt in chain.extensions.items():
        if fmt == "off":
            extensions.pop(ext, None)
        else:
            extensions[ext] = fmt
    return Policy(tuple(str(p) for p in chain.files), chain.fail_on, rules,
                  {k: tuple(lexicon.get(k, ())) for k in LEXICON_KEYS}, extensions)


def _concat(first: Mapping[str, tuple[str, ...]], second: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Lexicon additions, first then second, without repeats."""
    out = dict(first)
    for key, values in second.items():
        out[key] = tuple(dict.fromkeys(out.get(key, ()) + tuple(values)))
    return out


# --- validation ---------------------------------------------------------------------------


def _validate(path: Path, table: Any, prefix: str) -> _ConfigFile:
    """Check one configuration table key by key (precise messages), then against the schema."""
    def err(key: str, expected: str) -> ConfigError:
        return ConfigError(path, key, expected)

    if not isinstance(table, dict):
        raise err(prefix or "(file)", f"expected a table, got {_describe(table)}")
    _check_keys(path, table, prefix, TOP_KEYS, "top-level key")

    extends: Path | None = None
    extends_key = _join(prefix, "extends")
    if "extends" in table:
        value = table["extends"]
        if not isinstance(value, str) or not value.strip():
            raise err(extends_key, f"expected the path of a configuration file to extend (a string), "
                                   f"got {_describe(value)}")
        extends = Path(os.path.normpath(path.parent / Path(value).expanduser()))

    fail_on = None
    if "fail-on" in table:
        fail_on = table["fail-on"]
        if fail_on not in _SEVERITIES:
            raise err(_join(prefix, "fail-on"), f"expected {_choices(_SEVERITIES)}, got {_describe(fail_on)}"
                      + _did_you_mean(fail_on, _SEVERITIES))

    rules = _rules(path, table.get("rules", {}), _join(prefix, "rules"))
    lexicon = _lexicon(path, table.get("lexicon", {}), _join(prefix, "lexicon"))
    extensions = _extensions(path, table.get("extensions", {}), _join(prefix, "extensions"))

    overrides: list[_Override] = []
    key = _join(prefix, "overrides")
    raw = table.get("overrides", [])
    if not isinstance(raw, list):
        raise err(key, f"expected an array of tables ([[overrides]]), got {_describe(raw)}")
    for i, entry in enumerate(raw):
        okey = f"{key}[{i}]"
        if not isinstance(entry, dict):
            raise err(okey, f"expected a table with paths and rules or lexicon, got {_describe(entry)}")
        _check_keys(path, entry, okey, OVERRIDE_KEYS, "override key")
        if "paths" not in entry:
            raise err(_join(okey, "paths"), "expected a list of glob patterns (missing)")
        if "rules" not in entry and "lexicon" not in entry:
            raise err(okey, "expected rules or lexicon beside paths (this override changes nothing)")
        patterns, regexes = _paths(path, entry["paths"], _join(okey, "paths"))
        overrides.append(_Override(path.parent, patterns, regexes,
                                   _rules(path, entry.get("rules", {}), _join(okey, "rules")),
                                   _lexicon(path, entry.get("lexicon", {}), _join(okey, "lexicon"))))

    _schema_check(path, table, prefix)
    return _ConfigFile(path, extends, extends_key, fail_on, rules, lexicon, tuple(overrides), extensions)


def _check_keys(path: Path, table: Mapping[str, Any], prefix: str, allowed: Sequence[str], what: str) -> None:
    for key in table:
        if key not in allowed:
            raise ConfigError(path, _join(prefix, key), f"unknown {what}; expected one of {', '.join(allowed)}"
                              + _did_you_mean(key, allowed))


def _rules(path: Path, table: Any, prefix: str) -> dict[str, _RuleSpec]:
    from .rules import RULES_BY_ID

    if not isinstance(table, dict):
        raise ConfigError(path, prefix, f"expected a table of rule ids, got {_describe(table)}")
    out: dict[str, _RuleSpec] = {}
    for rule_id, value in table.items():
        key = _join(prefix, rule_id)
        rule = RULES_BY_ID.get(rule_id)
        if rule is None:
            close = difflib.get_close_matches(rule_id, RULES_BY_ID, n=3, cutoff=0.6)
            listing = (f"did you mean {_or(close)}?" if close else
                       f"expected one of {', '.join(RULES_BY_ID)}")
            raise ConfigError(path, key, f"unknown rule id; {listing} (`quotecheck rules` lists them)")
        if isinstance(value, str):
            out[rule_id] = _RuleSpec(_level(path, value, key))
        elif isinstance(value, dict):
            out[rule_id] = _rule_table(path, rule, value, key)
        else:
            raise ConfigError(path, key, f"expected {_choices(LEVELS)}, or a table "
                              f"{{ severity = ..., <option> = ... }}, got {_describe(value)}")
    return out


def _level(path: Path, value: Any, key: str) -> str:
    if value not in LEVELS:
        raise ConfigError(path, key, f"expected {_choices(LEVELS)}, got {_describe(value)}"
                          + _did_you_mean(value, LEVELS))
    return str(value)


def _rule_table(path: Path, rule: Rule, table: Mapping[str, Any], key: str) -> _RuleSpec:
    options = {o.name: o for o in rule.options}
    level: str | None = None
    values: dict[str, Any] = {}
    for name, value in table.items():
        okey = _join(key, name)
        if name == "severity":
            level = _level(path, value, okey)
        elif name in options:
            values[name] = _option_value(path, options[name], value, okey)
        elif options:
            allowed = ("severity", *options)
            raise ConfigError(path, okey, f"unknown option for rule {rule.id}; expected one of "
                              f"{', '.join(allowed)}" + _did_you_mean(name, allowed))
        else:
            raise ConfigError(path, okey, f"unknown option: rule {rule.id} takes no options; expected only severity")
    return _RuleSpec(level, values)


def _option_value(path: Path, option: Any, value: Any, key: str) -> Any:
    kind = option.type
    ok = (isinstance(value, kind) and not (kind is int and isinstance(value, bool))) or (
        kind is float and isinstance(value, int) and not isinstance(value, bool))
    if not ok:
        raise ConfigError(path, key, f"expected {_option_expectation(option)}, got {_describe(value)}")
    given = value
    if kind is float:
        value = float(value)
        if math.isnan(value):
            raise ConfigError(path, key, f"expected {_option_expectation(option)}, got nan")
    if kind in (int, float) and ((option.minimum is not None and value < option.minimum)
                                 or (option.maximum is not None and value > option.maximum)):
        raise ConfigError(path, key, f"expected {_option_expectation(option)}, got {_describe(given)} "
                                     "(out of range)")
    return value


def _option_expectation(option: Any) -> str:
    kind = option.type
    noun = {float: "a number", int: "an integer", bool: "true or false", str: "a string"}[kind]
    lo, hi = option.minimum, option.maximum
    fmt = (lambda x: str(int(x))) if kind is int else (lambda x: f"{float(x):g}")
    if kind in (int, float):
        if lo is not None and hi is not None:
            noun += f" from {fmt(lo)} to {fmt(hi)}"
        elif lo is not None:
            noun += f" >= {fmt(lo)}"
        elif hi is not None:
            noun += f" <= {fmt(hi)}"
    return noun


def _lexicon(path: Path, table: Any, prefix: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(table, dict):
        raise ConfigError(path, prefix, f"expected a table of word lists, got {_describe(table)}")
    out: dict[str, tuple[str, ...]] = {}
    for name, values in table.items():
        key = _join(prefix, name)
        if name not in LEXICON_KEYS:
            raise ConfigError(path, key, f"unknown lexicon key; expected one of {', '.join(LEXICON_KEYS)}"
                              + _did_you_mean(name, LEXICON_KEYS))
        single = name in WORD_KEYS
        expected = "a list of single words" if single else "a list of plain phrases"
        if not isinstance(values, list):
            raise ConfigError(path, key, f"expected {expected} (strings), got {_describe(values)}")
        entries: list[str] = []
        for i, value in enumerate(values):
            ekey = f"{key}[{i}]"
            if not isinstance(value, str):
                raise ConfigError(path, ekey, f"expected a string (a plain {'word' if single else 'phrase'}), "
                                              f"got {_describe(value)}")
            text = " ".join(value.split())
            if not text:
                raise ConfigError(path, ekey, "expected a non-empty string, got an empty one")
            bad = sorted({c for c in text if c in _REGEX_CHARS})
            if bad:
                raise ConfigError(path, ekey, f"expected a plain {'word' if single else 'phrase'}, not a regular "
                                  f"expression (found {' '.join(bad)} in {json.dumps(value, ensure_ascii=False)})")
            if single and " " in text:
                raise ConfigError(path, ekey, f"expected a single word ({name} are matched word by word), "
                                              f"got {json.dumps(value, ensure_ascii=False)}")
            entries.append(text)
        out[name] = tuple(dict.fromkeys(entries))
    return out


def _paths(path: Path, value: Any, key: str) -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    if not isinstance(value, list) or not value:
        raise ConfigError(path, key, f"expected a non-empty list of glob patterns (strings, relative to "
                                     f"the config's folder), got {_describe(value)}")
    patterns: list[str] = []
    regexes: list[re.Pattern[str]] = []
    for i, pattern in enumerate(value):
        pkey = f"{key}[{i}]"
        if not isinstance(pattern, str) or not pattern.strip():
            raise ConfigError(path, pkey, f"expected a glob pattern (a non-empty string), got {_describe(pattern)}")
        if pattern.startswith("/") or re.match(r"[A-Za-z]:[\\/]", pattern):
            raise ConfigError(path, pkey, f"expected a pattern relative to the config's folder, got the "
                                          f"absolute {json.dumps(pattern)}")
        try:
            regexes.append(re.compile(glob_regex(pattern)))
        except ValueError as e:
            raise ConfigError(path, pkey, f"expected a valid glob pattern, got {json.dumps(pattern)} ({e})") from None
        patterns.append(pattern)
    return tuple(patterns), tuple(regexes)


def glob_regex(pattern: str) -> str:
    """A regex for a glob pattern matched against a ``/``-separated relative path.

    ``*`` matches within one path segment, ``?`` one character, ``[abc]``/``[!abc]`` a set,
    ``**`` as a whole segment any number of segments (``a/**`` also matches ``a`` itself).
    A trailing ``/`` means everything inside; a pattern with no ``/`` matches a file name at
    any depth (``*.html``). Raises ValueError on an unclosed ``[``.
    """
    while pattern.startswith("./"):
        pattern = pattern[2:]
    if pattern.endswith("/"):
        pattern += "**"
    anywhere = "/" not in pattern
    segments = pattern.split("/")
    out: list[str] = []
    for i, seg in enumerate(segments):
        last = i == len(segments) - 1
        if seg == "**":
            if last:
                out.append("(?:/.*)?" if i else ".*")
            else:
                out.append("(?:.*/)?" if i == 0 else "/(?:.*/)?")
            continue
        if i and segments[i - 1] != "**":
            out.append("/")
        out.append(_segment_regex(seg))
    regex = "".join(out)
    return f"(?:.*/)?{regex}" if anywhere else regex


def _segment_regex(seg: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(seg):
        c = seg[i]
        if c == "*":
            while i + 1 < len(seg) and seg[i + 1] == "*":
                i += 1
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            j = i + 1
            if j < len(seg) and seg[j] in "!^":
                j += 1
            if j < len(seg) and seg[j] == "]":
                j += 1
            while j < len(seg) and seg[j] != "]":
                j += 1
            if j >= len(seg):
                raise ValueError("unclosed '['")
            body = seg[i + 1:j]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            out.append("[" + ("^/" if negate else "") + body.replace("\\", "\\\\").replace("[", "\\[") + "]")
            i = j
        else:
            out.append(re.escape(c))
        i += 1
    return "".join(out)


# --- the JSON Schema ----------------------------------------------------------------------


_EXTENSION = re.compile(r"\.[A-Za-z0-9][A-Za-z0-9_-]*")


def _extensions(path: Path, table: Any, key: str) -> dict[str, str]:
    """``[extensions]``: ".rst" = "text", ".txt" = "off" (stop checking an extension)."""
    if not isinstance(table, dict):
        raise ConfigError(path, key, f"expected a table of extension = format, got {_describe(table)}")
    out: dict[str, str] = {}
    for ext, fmt in table.items():
        k = _join(key, ext)
        if not _EXTENSION.fullmatch(ext):
            raise ConfigError(path, k, 'expected a file extension with its dot, such as ".rst"')
        if fmt not in FORMATS + ("off",):
            raise ConfigError(path, k, f"expected {_choices(FORMATS + ('off',))}, got {_describe(fmt)}"
                              + _did_you_mean(fmt, FORMATS + ("off",)))
        out[ext.lower()] = fmt
    return out


def config_schema() -> dict[str, Any]:
    """The configuration format as JSON Schema 2020-12, built from the rule registry
    (``schemas/config.schema.json`` is this, written out; a test keeps them equal)."""
    from .rules import RULES_BY_ID

    no_regex = "\\\\|()\\[\\]{}*+?^$"
    phrase = {"type": "string", "pattern": f"^(?=.*\\S)[^{no_regex}]+$"}
    word = {"type": "string", "pattern": f"^\\s*[^\\s{no_regex}]+\\s*$"}
    rules: dict[str, Any] = {}
    for rule_id, rule in RULES_BY_ID.items():
        table: dict[str, Any] = {"severity": {"$ref": "#/$defs/level"}}
        for option in rule.options:
            prop: dict[str, Any] = {
                "type": {float: "number", int: "integer", bool: "boolean", str: "string"}[option.type],
                "description": option.description, "default": option.default}
            if option.minimum is not None:
                prop["minimum"] = option.minimum
            if option.maximum is not None:
                prop["maximum"] = option.maximum
            table[option.name] = prop
        rules[rule_id] = {
            "description": f"{rule.summary} (default severity: {rule.severity})",
            "anyOf": [{"$ref": "#/$defs/level"},
                      {"type": "object", "additionalProperties": False, "properties": table}]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CONFIG_SCHEMA_ID,
        "title": "quotecheck configuration",
        "description": "quotecheck.toml, .quotecheck.toml, or [tool.quotecheck] in pyproject.toml. "
                       "See docs/configuration.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extends": {"type": "string", "minLength": 1, "pattern": "\\S",
                        "description": "A configuration file to inherit from, relative to this one."},
            "fail-on": {"$ref": "#/$defs/severity",
                        "description": "Exit 1 when a finding at or above this severity is reported."},
            "extensions": {"type": "object", "propertyNames": {"pattern": "^\\.[A-Za-z0-9][A-Za-z0-9_-]*$"},
                           "additionalProperties": {"enum": list(FORMATS) + ["off"]},
                           "description": "Extension -> input format (text, markdown, html), or \"off\" "
                                          "to stop checking files with it."},
            "rules": {"$ref": "#/$defs/rules"},
            "lexicon": {"$ref": "#/$defs/lexicon"},
            "overrides": {"type": "array", "items": {"$ref": "#/$defs/override"},
                          "description": "Settings for files matching glob patterns; later ones win."},
        },
        "$defs": {
            "severity": {"enum": list(_SEVERITIES)},
            "level": {"enum": list(LEVELS)},
            "rules": {"type": "object", "additionalProperties": False, "properties": rules,
                      "description": "Rule id -> \"off\", a severity, or { severity = ..., <option> = ... }."},
            "lexicon": {"type": "object", "additionalProperties": False,
                        "description": "Entries added to the built-in word lists (plain words and "
                                       "phrases, not regular expressions).",
                        "properties": {k: {"type": "array", "items": word if k in WORD_KEYS else phrase,
                                           "description": spec.config_description}
                                       for k, spec in config_lists().items()}},
            "override": {
                "type": "object", "additionalProperties": False, "required": ["paths"],
                "anyOf": [{"required": ["rules"]}, {"required": ["lexicon"]}],
                "properties": {
                    "paths": {"type": "array", "minItems": 1,
                              "items": {"type": "string", "pattern": "^(?!/)(?![A-Za-z]:[\\\\/]).*\\S",
                                        "description": "A glob relative to this config's folder; ** "
                                                       "matches across directories."}},
                    "rules": {"$ref": "#/$defs/rules"},
                    "lexicon": {"$ref": "#/$defs/lexicon"},
                },
            },
        },
    }


@lru_cache(maxsize=1)
def load_config_schema() -> dict[str, Any]:
    """The stored schema, ``schemas/config.schema.json`` (package data)."""
    resource = resources.files("quotecheck").joinpath(*_SCHEMA_FILE)
    return json.loads(resource.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _schema_validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_config_schema())


def _schema_check(path: Path, table: Mapping[str, Any], prefix: str) -> None:
    """The stored schema as a second line of defence (the checks above come first and give
    the better messages; a table they accept and the schema rejects is still an error)."""
    from jsonschema.exceptions import best_match

    error = best_match(_schema_validator().iter_errors(table))
    if error is not None:
        key = prefix
        for part in error.absolute_path:
            key = f"{key}[{part}]" if isinstance(part, int) else _join(key, str(part))
        raise ConfigError(path, key or "(file)", f"expected what schemas/config.schema.json allows ({error.message})")


# --- small helpers ------------------------------------------------------------------------


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.abspath(os.fspath(path)))


def _display(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    text = os.fspath(path)
    try:
        absolute = os.path.abspath(text)
        rel = os.path.relpath(absolute, os.getcwd())
    except ValueError:  # another drive
        return text
    return absolute if rel == ".." or rel.startswith(".." + os.sep) else rel


def _join(prefix: str, key: str) -> str:
    key = key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)
    return f"{prefix}.{key}" if prefix else key


def _describe(value: Any) -> str:
    """A TOML value as an error message names it."""
    if isinstance(value, bool):
        return f"boolean {str(value).lower()}"
    if isinstance(value, str):
        text = json.dumps(value, ensure_ascii=False)
        return f"string {text if len(text) <= 60 else text[:57] + '...'}"
    if isinstance(value, int):
        return f"integer {value}"
    if isinstance(value, float):
        return f"float {value!r}"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return f"{type(value).__name__} {value}"  # dates and times


def _choices(values: Iterable[str]) -> str:
    return _or([f'"{v}"' for v in values])


def _or(values: Sequence[str]) -> str:
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


def _did_you_mean(value: Any, choices: Iterable[str]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON escapes are valid TOML basic-string escapes
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["schema"]:
        print(json.dumps(config_schema(), indent=2, ensure_ascii=False))
    else:
        sys.exit("usage: python -m quotecheck.policy schema > schemas/config.schema.json")
