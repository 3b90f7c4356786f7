"""The one error a configuration can raise, and how its messages name files, keys and values."""

from __future__ import annotations

import difflib
import json
import os
import re
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["ConfigError"]

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")  # a TOML key that needs no quotes


class ConfigError(Exception):
    """A configuration file that cannot be used.

    ``str(err)`` is one line, ``"<file>: <key>: <expected ...>"``: the file (relative to the
    working directory when inside it), the dotted key (``rules.anonymous-share.max``,
    ``overrides[0].paths``; ``line L, column C`` for a TOML syntax error) and what was expected.
    """

    def __init__(self, file: str | os.PathLike[str], key: str, expected: str) -> None:
        self.file = display(file)
        self.key = key
        self.expected = " ".join(expected.split())
        super().__init__(f"{self.file}: {self.key}: {self.expected}")


def display(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: relative to the working directory when inside it."""
    text = os.fspath(path)
    try:
        absolute = os.path.abspath(text)
        rel = os.path.relpath(absolute, os.getcwd())
    except ValueError:  # another drive
        return text
    return absolute if rel == ".." or rel.startswith(".." + os.sep) else rel


def join(prefix: str, key: str) -> str:
    """A dotted key as messages show it (``rules.anonymous-share``; odd keys quoted)."""
    key = key if BARE_KEY.fullmatch(key) else json.dumps(key, ensure_ascii=False)
    return f"{prefix}.{key}" if prefix else key


def describe(value: Any) -> str:
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


def choices(values: Iterable[str]) -> str:
    """Quoted values joined with commas and a final "or"."""
    return either([f'"{v}"' for v in values])


def either(values: Sequence[str]) -> str:
    """Values joined with commas and a final "or"."""
    values = list(values)
    return values[0] if len(values) == 1 else ", ".join(values[:-1]) + " or " + values[-1]


def did_you_mean(value: Any, allowed: Iterable[str]) -> str:
    """`` (did you mean X?)`` for a string close to one allowed, else empty."""
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""
