"""Front matter of a Markdown article: a leading YAML (``---``) or TOML (``+++``) block.

YAML is read with PyYAML's safe loader, with one change: no implicit typing. Every plain
scalar is kept as the string it is written as (``date: 2024-06-02`` is ``"2024-06-02"``,
``draft: yes`` is ``"yes"``, ``time: 12:30`` is ``"12:30"``, not a date, a boolean and the
sexagesimal integer 750), which is what the metadata always held, so reports keep saying
what the file says. Quoted scalars, escapes, lists (flow and block), nested mappings and
folded/literal block scalars are read as YAML reads them. A key with no value is left out.

TOML is read with the standard library's :mod:`tomllib`; its dates and times become ISO
strings so the metadata can go into a JSON report.

Front matter that does not parse is a :class:`FrontMatterError`, which the reader turns
into an :class:`~quotecheck.documents.InputError` naming the file.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from typing import Any

import yaml

from .offsets import SourceLines

_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_TOML_POSITION = re.compile(r"(.*) \(at line (\d+), column (\d+)\)\Z", re.S)


class FrontMatterError(ValueError):
    """Front matter that does not parse; ``str(err)`` says where (file line) and why."""


class _StringScalarLoader(yaml.SafeLoader):
    """The safe loader without implicit typing: a plain scalar is a string; empty is null."""


_StringScalarLoader.yaml_implicit_resolvers = {}
_StringScalarLoader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"\A\Z"), [""])


def split_front_matter(source: str) -> tuple[int, int, dict[str, Any]]:
    """``(body_start, lines_consumed, metadata)`` of a leading front-matter block, if any.

    A front-matter block is a first line ``---`` (YAML, closed by ``---`` or ``...``) or
    ``+++`` (TOML, closed by ``+++``) up to its closing line; without a closing line there is
    no front matter (a leading ``---`` is then an ordinary thematic break).
    """
    lines = SourceLines(source)
    opener = lines.text(0).rstrip()
    if opener not in _FRONT_MATTER_FENCES or len(lines) < 2:
        return 0, 0, {}
    closers = _FRONT_MATTER_FENCES[opener]
    for k in range(1, len(lines)):
        if lines.text(k).rstrip() in closers:
            inner = source[lines.starts[1] : lines.starts[k]]
            body_start = lines.starts[k + 1] if k + 1 < len(lines) else len(source)
            metadata = parse_toml(inner) if opener == "+++" else parse_yaml(inner)
            return body_start, k + 1, metadata
    return 0, 0, {}


def parse_yaml(text: str) -> dict[str, Any]:
    """The top-level keys of a YAML header that have a value; {} if it is not a mapping.

    ``text`` starts on the file's second line (after ``---``), which error messages count in.
    """
    try:
        data = yaml.load(text, Loader=_StringScalarLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f" at line {mark.line + 2}, column {mark.column + 1}" if mark else ""
        raise FrontMatterError(f"malformed YAML front matter{where}: {err.problem or err.context}") from None
    except yaml.YAMLError as err:
        raise FrontMatterError(f"malformed YAML front matter: {err}") from None
    except RecursionError:
        raise FrontMatterError("YAML front matter nested too deeply") from None
    if not isinstance(data, dict):
        return {}  # empty, or a lone scalar or list: nothing to name
    return {str(key): _json_friendly(value) for key, value in data.items() if value is not None}


def parse_toml(text: str) -> dict[str, Any]:
    """The keys of a TOML header, dates and times as ISO strings.

    ``text`` starts on the file's second line (after ``+++``), which error messages count in.
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        m = _TOML_POSITION.match(str(err))
        if m is None:
            raise FrontMatterError(f"malformed TOML front matter: {err}") from None
        raise FrontMatterError(
            f"malformed TOML front matter at line {int(m.group(2)) + 1}, column {m.group(3)}: {m.group(1)}"
        ) from None
    except RecursionError:
        raise FrontMatterError("TOML front matter nested too deeply") from None
    return {key: _json_friendly(value) for key, value in data.items()}


def _json_friendly(value: Any) -> Any:
    """Dates and times (TOML's, YAML's ``!!timestamp``) as ISO strings, for JSON reports."""
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return [_json_friendly(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_friendly(v) for k, v in value.items()}
    return value
