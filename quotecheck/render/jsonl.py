"""JSON Lines: one JSON object per finding and per input error, for log pipelines and ``jq``.

Each finding, in report order, is one line::

    {"path": "articles/fire.txt", "rule": "unattributed-quote", "severity": "error", "message": "...", "line": 5, "column": 1, "start": 359, "end": 409, "quote_id": "q1"}

(``quote_id`` and ``source_id`` only when the finding has them); then each input error::

    {"path": "missing.txt", "error": "no such file or directory"}

(``path`` is null when the error line names no path). Objects are compact, keys in that order,
non-ASCII text as is (``ensure_ascii=False``). Every line is one complete JSON value ending in
``\\n``: JSON escapes the control characters, and the three other characters that some
line splitters (Python's :meth:`str.splitlines` among them) take for line breaks, U+0085,
U+2028 and U+2029, are written as ``\\u`` escapes as well. No findings and no errors: empty
output.
"""  # noqa: E501  example output lines are verbatim

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..report import Report
from .run_json import split_error

__all__ = ["finding_record", "render_jsonl"]

_FIELDS = ("rule", "severity", "message", "line", "column", "start", "end")
_OPTIONAL = ("quote_id", "source_id")
_LINE_BREAKS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def finding_record(path: str, finding: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON Lines object of one finding of the article at ``path``."""
    record: dict[str, Any] = {"path": path}
    record.update({key: finding.get(key) for key in _FIELDS})
    record.update({key: finding[key] for key in _OPTIONAL if finding.get(key) is not None})
    return record


def _dumps(value: Mapping[str, Any]) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _LINE_BREAKS.items():  # only ever inside strings in JSON text
        text = text.replace(char, escaped)
    return text


def render_jsonl(reports: Sequence[Report], *, errors: Iterable[str] = ()) -> str:
    """One JSON object per line: every finding of ``reports`` (one per article), then every
    input error (one-line ``"path: reason"`` strings)."""
    lines: list[str] = []
    for report in reports:
        path = str((report.get("document") or {}).get("path") or "<stdin>")
        lines += [_dumps(finding_record(path, f)) for f in report.get("findings") or ()]
    for error in errors:
        error_path, reason = split_error(error)
        lines.append(_dumps({"path": error_path, "error": reason}))
    return "".join(line + "\n" for line in lines)
