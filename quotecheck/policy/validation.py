"""The hand checks: a configuration table key by key, each problem a one-line
:class:`~quotecheck.policy.errors.ConfigError` naming the key and what was expected (the
stored JSON Schema runs after them as a second line of defence)."""

from __future__ import annotations

import difflib
import json
import math
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..documents import FORMATS
from ..lexicons import config_lists
from ..vocab import Level, Severity
from .errors import ConfigError, choices, describe, did_you_mean, either, join
from .globs import Glob, compile_glob
from .model import ConfigFile, Override, RuleSpec
from .schema import schema_check

if TYPE_CHECKING:  # the registry is imported lazily (it pulls in every rule module)
    from ..rules.core import Option, Rule

__all__ = ["LEVELS", "LEXICON_KEYS", "PHRASE_KEYS", "SEVERITIES", "WORD_KEYS", "validate"]

#: Lexicon lists a configuration may extend (quotecheck/lexicons/lexicons.toml). Phrase lists are
#: matched as words in order (any whitespace between); word lists hold single words (verbs and
#: descriptors as lemmas).
LEXICON_KEYS = tuple(config_lists())
WORD_KEYS = frozenset(k for k, spec in config_lists().items() if spec.single_words)
PHRASE_KEYS = frozenset(LEXICON_KEYS) - WORD_KEYS

SEVERITIES: tuple[Severity, ...] = tuple(Severity)  # what fail-on may be
LEVELS: tuple[Level, ...] = tuple(Level)  # what a rule may be set to: off or a severity
TOP_KEYS = ("extends", "fail-on", "extensions", "rules", "lexicon", "overrides")
OVERRIDE_KEYS = ("paths", "rules", "lexicon")
_REGEX_CHARS = "\\|()[]{}*+?^$"  # a lexicon entry holding one of these looks like a regex
_EXTENSION = re.compile(r"\.[A-Za-z0-9][A-Za-z0-9_-]*")


def validate(path: Path, table: Any, prefix: str) -> ConfigFile:
    """Check one configuration table key by key (precise messages), then against the schema."""

    def err(key: str, expected: str) -> ConfigError:
        return ConfigError(path, key, expected)

    if not isinstance(table, dict):
        raise err(prefix or "(file)", f"expected a table, got {describe(table)}")
    _check_keys(path, table, prefix, TOP_KEYS, "top-level key")

    extends: Path | None = None
    extends_key = join(prefix, "extends")
    if "extends" in table:
        value = table["extends"]
        if not isinstance(value, str) or not value.strip():
            raise err(
                extends_key,
                f"expected the path of a configuration file to extend (a string), got {describe(value)}",
            )
        extends = Path(os.path.normpath(path.parent / Path(value).expanduser()))

    fail_on = None
    if "fail-on" in table:
        fail_on = table["fail-on"]
        if fail_on not in SEVERITIES:
            raise err(
                join(prefix, "fail-on"),
                f"expected {choices(SEVERITIES)}, got {describe(fail_on)}"
                + did_you_mean(fail_on, SEVERITIES),
            )

    rules = _rules(path, table.get("rules", {}), join(prefix, "rules"))
    lexicon = _lexicon(path, table.get("lexicon", {}), join(prefix, "lexicon"))
    extensions = _extensions(path, table.get("extensions", {}), join(prefix, "extensions"))
    overrides = _overrides(path, table.get("overrides", []), join(prefix, "overrides"))
    schema_check(path, table, prefix)
    return ConfigFile(path, extends, extends_key, fail_on, rules, lexicon, overrides, extensions)


def _overrides(path: Path, raw: Any, key: str) -> tuple[Override, ...]:
    """``[[overrides]]``: each needs paths and rules or lexicon."""
    overrides: list[Override] = []
    for entry, okey in _items(path, raw, key, "an array of tables ([[overrides]])"):
        if not isinstance(entry, dict):
            raise ConfigError(
                path, okey, f"expected a table with paths and rules or lexicon, got {describe(entry)}"
            )
        _check_keys(path, entry, okey, OVERRIDE_KEYS, "override key")
        if "paths" not in entry:
            raise ConfigError(path, join(okey, "paths"), "expected a list of glob patterns (missing)")
        if "rules" not in entry and "lexicon" not in entry:
            raise ConfigError(
                path, okey, "expected rules or lexicon beside paths (this override changes nothing)"
            )
        globs = _paths(path, entry["paths"], join(okey, "paths"))
        overrides.append(
            Override(
                path.parent,
                globs,
                _rules(path, entry.get("rules", {}), join(okey, "rules")),
                _lexicon(path, entry.get("lexicon", {}), join(okey, "lexicon")),
            )
        )
    return tuple(overrides)


def _check_keys(path: Path, table: Mapping[str, Any], prefix: str, allowed: Sequence[str], what: str) -> None:
    for key in table:
        _check_key(path, key, prefix, allowed, what)


def _check_key(path: Path, key: str, prefix: str, allowed: Sequence[str], what: str) -> None:
    if key not in allowed:
        raise ConfigError(
            path,
            join(prefix, key),
            f"unknown {what}; expected one of {', '.join(allowed)}" + did_you_mean(key, allowed),
        )


def _entries(path: Path, table: Any, prefix: str, expected: str) -> Iterator[tuple[str, Any, str]]:
    """``(name, value, key)`` for each entry of a table; ConfigError when ``table`` is no table."""
    if not isinstance(table, dict):
        raise ConfigError(path, prefix, f"expected {expected}, got {describe(table)}")
    for name, value in table.items():
        yield name, value, join(prefix, name)


def _items(
    path: Path, array: Any, key: str, expected: str, *, empty: bool = True
) -> Iterator[tuple[Any, str]]:
    """``(value, key)`` for each item of an array; ConfigError when ``array`` is no array, or is
    empty where ``empty`` is false."""
    if not isinstance(array, list) or not (array or empty):
        raise ConfigError(path, key, f"expected {expected}, got {describe(array)}")
    for i, value in enumerate(array):
        yield value, f"{key}[{i}]"


def _rules(path: Path, table: Any, prefix: str) -> dict[str, RuleSpec]:
    from ..rules import RULES_BY_ID

    out: dict[str, RuleSpec] = {}
    for rule_id, value, key in _entries(path, table, prefix, "a table of rule ids"):
        rule = RULES_BY_ID.get(rule_id)
        if rule is None:
            close = difflib.get_close_matches(rule_id, RULES_BY_ID, n=3, cutoff=0.6)
            listing = (
                f"did you mean {either(close)}?" if close else f"expected one of {', '.join(RULES_BY_ID)}"
            )
            raise ConfigError(path, key, f"unknown rule id; {listing} (`quotecheck rules` lists them)")
        if isinstance(value, str):
            out[rule_id] = RuleSpec(_level(path, value, key))
        elif isinstance(value, dict):
            out[rule_id] = _rule_table(path, rule, value, key)
        else:
            raise ConfigError(
                path,
                key,
                f"expected {choices(LEVELS)}, or a table "
                f"{{ severity = ..., <option> = ... }}, got {describe(value)}",
            )
    return out


def _level(path: Path, value: Any, key: str) -> str:
    if value not in LEVELS:
        raise ConfigError(
            path, key, f"expected {choices(LEVELS)}, got {describe(value)}" + did_you_mean(value, LEVELS)
        )
    return str(value)


def _rule_table(path: Path, rule: Rule, table: Mapping[str, Any], key: str) -> RuleSpec:
    options = {o.name: o for o in rule.options}
    level: str | None = None
    values: dict[str, Any] = {}
    for name, value in table.items():
        okey = join(key, name)
        if name == "severity":
            level = _level(path, value, okey)
        elif name in options:
            values[name] = _option_value(path, options[name], value, okey)
        elif options:
            allowed = ("severity", *options)
            raise ConfigError(
                path,
                okey,
                f"unknown option for rule {rule.id}; expected one of "
                f"{', '.join(allowed)}" + did_you_mean(name, allowed),
            )
        else:
            raise ConfigError(
                path, okey, f"unknown option: rule {rule.id} takes no options; expected only severity"
            )
    return RuleSpec(level, values)


def _option_value(path: Path, option: Option, value: Any, key: str) -> Any:
    kind = option.type
    ok = (isinstance(value, kind) and not (kind is int and isinstance(value, bool))) or (
        kind is float and isinstance(value, int) and not isinstance(value, bool)
    )
    if not ok:
        raise ConfigError(path, key, f"expected {_option_expectation(option)}, got {describe(value)}")
    given = value
    if kind is float:
        value = float(value)
        if math.isnan(value):
            raise ConfigError(path, key, f"expected {_option_expectation(option)}, got nan")
    if kind in (int, float) and (
        (option.minimum is not None and value < option.minimum)
        or (option.maximum is not None and value > option.maximum)
    ):
        raise ConfigError(
            path, key, f"expected {_option_expectation(option)}, got {describe(given)} (out of range)"
        )
    return value


def _option_expectation(option: Option) -> str:
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
    out: dict[str, tuple[str, ...]] = {}
    for name, values, key in _entries(path, table, prefix, "a table of word lists"):
        _check_key(path, name, prefix, LEXICON_KEYS, "lexicon key")
        out[name] = _lexicon_entries(path, name, values, key)
    return out


def _lexicon_entries(path: Path, name: str, values: Any, key: str) -> tuple[str, ...]:
    """One ``[lexicon]`` list: plain words or phrases (never regexes), whitespace collapsed."""
    single = name in WORD_KEYS
    expected = "a list of single words" if single else "a list of plain phrases"
    entries: list[str] = []
    for value, ekey in _items(path, values, key, f"{expected} (strings)"):
        if not isinstance(value, str):
            raise ConfigError(
                path,
                ekey,
                f"expected a string (a plain {'word' if single else 'phrase'}), got {describe(value)}",
            )
        text = " ".join(value.split())
        if not text:
            raise ConfigError(path, ekey, "expected a non-empty string, got an empty one")
        bad = sorted({c for c in text if c in _REGEX_CHARS})
        if bad:
            shown = json.dumps(value, ensure_ascii=False)
            raise ConfigError(
                path,
                ekey,
                f"expected a plain {'word' if single else 'phrase'}, not a regular "
                f"expression (found {' '.join(bad)} in {shown})",
            )
        if single and " " in text:
            raise ConfigError(
                path,
                ekey,
                f"expected a single word ({name} are matched word by word), "
                f"got {json.dumps(value, ensure_ascii=False)}",
            )
        entries.append(text)
    return tuple(dict.fromkeys(entries))


def _paths(path: Path, value: Any, key: str) -> tuple[Glob, ...]:
    expected = "a non-empty list of glob patterns (strings, relative to the config's folder)"
    globs: list[Glob] = []
    for pattern, pkey in _items(path, value, key, expected, empty=False):
        if not isinstance(pattern, str) or not pattern.strip():
            raise ConfigError(
                path, pkey, f"expected a glob pattern (a non-empty string), got {describe(pattern)}"
            )
        if pattern.startswith("/") or re.match(r"[A-Za-z]:[\\/]", pattern):
            raise ConfigError(
                path,
                pkey,
                f"expected a pattern relative to the config's folder, got the absolute {json.dumps(pattern)}",
            )
        try:
            globs.append(compile_glob(pattern))
        except ValueError as e:
            raise ConfigError(
                path, pkey, f"expected a valid glob pattern, got {json.dumps(pattern)} ({e})"
            ) from None
    return tuple(globs)


def _extensions(path: Path, table: Any, key: str) -> dict[str, str]:
    """``[extensions]``: ".rst" = "text", ".txt" = "off" (stop checking an extension)."""
    out: dict[str, str] = {}
    for ext, fmt, k in _entries(path, table, key, "a table of extension = format"):
        if not _EXTENSION.fullmatch(ext):
            raise ConfigError(path, k, 'expected a file extension with its dot, such as ".rst"')
        if fmt not in (*FORMATS, "off"):
            raise ConfigError(
                path,
                k,
                f"expected {choices((*FORMATS, 'off'))}, got {describe(fmt)}"
                + did_you_mean(fmt, (*FORMATS, "off")),
            )
        out[ext.lower()] = fmt
    return out
