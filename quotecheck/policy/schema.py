"""The configuration format as JSON Schema: built from the rule registry and the lexicon
manifest (:func:`config_schema`), stored as ``schemas/config.schema.json`` for editors, and
checked against every configuration after the hand checks (:func:`schema_check`)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..documents import FORMATS
from ..lexicons import config_lists
from ..vocab import Level, Severity
from .errors import ConfigError, join

__all__ = ["CONFIG_SCHEMA_ID", "CONFIG_SCHEMA_VERSION", "config_schema", "load_config_schema", "schema_check"]

CONFIG_SCHEMA_VERSION = "1.0.0"
CONFIG_SCHEMA_ID = f"https://quotecheck.dev/schemas/config/{CONFIG_SCHEMA_VERSION}/config.schema.json"
_SCHEMA_FILE = ("schemas", "config.schema.json")


def config_schema() -> dict[str, Any]:
    """The configuration format as JSON Schema 2020-12, built from the rule registry
    (``schemas/config.schema.json`` is this, written out; a test keeps them equal)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": CONFIG_SCHEMA_ID,
        "title": "quotecheck configuration",
        "description": "quotecheck.toml, .quotecheck.toml, or [tool.quotecheck] in pyproject.toml. "
        "See docs/configuration.md.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extends": {
                "type": "string",
                "minLength": 1,
                "pattern": "\\S",
                "description": "A configuration file to inherit from, relative to this one.",
            },
            "fail-on": {
                "$ref": "#/$defs/severity",
                "description": "Exit 1 when a finding at or above this severity is reported.",
            },
            "extensions": {
                "type": "object",
                "propertyNames": {"pattern": "^\\.[A-Za-z0-9][A-Za-z0-9_-]*$"},
                "additionalProperties": {"enum": [*FORMATS, "off"]},
                "description": 'Extension -> input format (text, markdown, html), or "off" '
                "to stop checking files with it.",
            },
            "rules": {"$ref": "#/$defs/rules"},
            "lexicon": {"$ref": "#/$defs/lexicon"},
            "overrides": {
                "type": "array",
                "items": {"$ref": "#/$defs/override"},
                "description": "Settings for files matching glob patterns; later ones win.",
            },
        },
        "$defs": {
            "severity": {"enum": [str(s) for s in Severity]},
            "level": {"enum": [str(level) for level in Level]},
            "rules": {
                "type": "object",
                "additionalProperties": False,
                "properties": _rules(),
                "description": 'Rule id -> "off", a severity, or { severity = ..., <option> = ... }.',
            },
            "lexicon": _lexicon(),
            "override": {
                "type": "object",
                "additionalProperties": False,
                "required": ["paths"],
                "anyOf": [{"required": ["rules"]}, {"required": ["lexicon"]}],
                "properties": {
                    "paths": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "string",
                            "pattern": "^(?!/)(?![A-Za-z]:[\\\\/]).*\\S",
                            "description": "A glob relative to this config's folder; ** "
                            "matches across directories.",
                        },
                    },
                    "rules": {"$ref": "#/$defs/rules"},
                    "lexicon": {"$ref": "#/$defs/lexicon"},
                },
            },
        },
    }


def _rules() -> dict[str, Any]:
    """Every rule id -> a level, or a table of severity and the rule's options."""
    from ..rules import RULES_BY_ID

    rules: dict[str, Any] = {}
    for rule_id, rule in RULES_BY_ID.items():
        table: dict[str, Any] = {"severity": {"$ref": "#/$defs/level"}}
        for option in rule.options:
            prop: dict[str, Any] = {
                "type": {float: "number", int: "integer", bool: "boolean", str: "string"}[option.type],
                "description": option.description,
                "default": option.default,
            }
            if option.minimum is not None:
                prop["minimum"] = option.minimum
            if option.maximum is not None:
                prop["maximum"] = option.maximum
            table[option.name] = prop
        rules[rule_id] = {
            "description": f"{rule.summary} (default severity: {rule.severity})",
            "anyOf": [
                {"$ref": "#/$defs/level"},
                {"type": "object", "additionalProperties": False, "properties": table},
            ],
        }
    return rules


def _lexicon() -> dict[str, Any]:
    """``[lexicon]``: each list a configuration may extend (the lexicon manifest's config keys)."""
    no_regex = "\\\\|()\\[\\]{}*+?^$"
    phrase = {"type": "string", "pattern": f"^(?=.*\\S)[^{no_regex}]+$"}
    word = {"type": "string", "pattern": f"^\\s*[^\\s{no_regex}]+\\s*$"}
    return {
        "type": "object",
        "additionalProperties": False,
        "description": "Entries added to the built-in word lists (plain words and "
        "phrases, not regular expressions).",
        "properties": {
            key: {
                "type": "array",
                "items": word if spec.single_words else phrase,
                "description": spec.config_description,
            }
            for key, spec in config_lists().items()
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


def schema_check(path: Path, table: Mapping[str, Any], prefix: str) -> None:
    """The stored schema as a second line of defence (the hand checks come first and give
    the better messages; a table they accept and the schema rejects is still an error)."""
    from jsonschema.exceptions import best_match

    error = best_match(_schema_validator().iter_errors(table))
    if error is not None:
        key = prefix
        for part in error.absolute_path:
            key = f"{key}[{part}]" if isinstance(part, int) else join(key, str(part))
        raise ConfigError(
            path, key or "(file)", f"expected what schemas/config.schema.json allows ({error.message})"
        )
