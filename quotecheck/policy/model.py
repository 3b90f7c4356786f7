"""What a configuration becomes: the effective :class:`Policy` for one checked file, and the
validated pieces it is resolved from (one file, a chain of files, an override)."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents import EXTENSIONS
from .errors import BARE_KEY
from .globs import Glob

if TYPE_CHECKING:  # the registry is imported lazily (it pulls in every rule module)
    from ..rules.core import RuleSettings

__all__ = ["Chain", "ConfigFile", "Override", "Policy", "RuleSpec", "concat"]


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


@dataclass(frozen=True)
class RuleSpec:
    """What one table says about a rule: a level (``off`` or a severity; None: not set here)
    and option values (only those it sets)."""

    level: str | None
    options: Mapping[str, Any] = field(default_factory=dict)

    def then(self, later: RuleSpec) -> RuleSpec:
        """This spec with a later one on top (key by key)."""
        return RuleSpec(later.level or self.level, {**self.options, **later.options})


@dataclass(frozen=True)
class Override:
    """One ``[[overrides]]`` entry, with the directory its patterns are relative to."""

    base: Path
    globs: tuple[Glob, ...]
    rules: Mapping[str, RuleSpec]
    lexicon: Mapping[str, tuple[str, ...]]

    def matches(self, target: Path) -> bool:
        rel = os.path.relpath(target, self.base).replace(os.sep, "/")
        outside = rel == ".." or rel.startswith("../")
        for glob in self.globs:
            if outside and not glob.pattern.startswith("../"):
                continue  # a file outside the config's folder: only ../ patterns reach it
            if glob.matches(rel):
                return True
        return False


@dataclass(frozen=True)
class ConfigFile:
    """One validated configuration file (not yet combined with what it extends)."""

    path: Path
    extends: Path | None
    extends_key: str
    fail_on: str | None
    rules: Mapping[str, RuleSpec]
    lexicon: Mapping[str, tuple[str, ...]]
    overrides: tuple[Override, ...]
    extensions: Mapping[str, str] = field(default_factory=dict)  # as written: a format or "off"


@dataclass(frozen=True)
class Chain:
    """A configuration combined with everything it extends (base first)."""

    files: tuple[Path, ...] = ()
    fail_on: str | None = None
    rules: Mapping[str, RuleSpec] = field(default_factory=dict)
    lexicon: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    extensions: Mapping[str, str] = field(default_factory=dict)

    def then(self, later: ConfigFile) -> Chain:
        rules = dict(self.rules)
        for rule_id, spec in later.rules.items():
            rules[rule_id] = rules[rule_id].then(spec) if rule_id in rules else spec
        return Chain(
            (*self.files, later.path),
            later.fail_on or self.fail_on,
            rules,
            concat(self.lexicon, later.lexicon),
            self.overrides + later.overrides,
            {**self.extensions, **later.extensions},
        )


def concat(
    first: Mapping[str, tuple[str, ...]], second: Mapping[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """Lexicon additions, first then second, without repeats."""
    out = dict(first)
    for key, values in second.items():
        out[key] = tuple(dict.fromkeys(out.get(key, ()) + tuple(values)))
    return out


# The TOML writer for to_toml. tomli_w cannot replace it: it writes nested tables as [sections]
# (not the inline { severity = ..., <option> = ... } a rule gets here) and breaks long arrays
# over lines, so `quotecheck config` output would change.


def _toml_key(key: str) -> str:
    return key if BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)


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
