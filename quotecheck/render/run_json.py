"""One JSON document for a whole run: every report, the input errors and a run summary.

``render_run_json`` writes the document that ``schemas/run.schema.json`` validates
(``$id`` ``https://quotecheck.dev/schemas/run/1.0.0/run.schema.json``, JSON Schema 2020-12)::

    {"schema_version": "1.0.0",
     "tool": {"name": "quotecheck", "version": "0.1.0"},
     "summary": {"files": 3, "checked": 2, "input_errors": 1, "quotes": 14, "attributed": 13,
                 "anonymous_share": 0.2143, "findings": {"error": 1, "warning": 6, "info": 5},
                 "fail_on": "error", "failing": true},
     "reports": [ ...one per article, each a schemas/report.schema.json report... ],
     "errors": [{"path": "missing.txt", "reason": "no such file or directory"}]}

Unlike ``--format json`` (one report as is, several as ``{"reports": [...]}``), the shape does not
depend on how many files were checked, so a CI step can always read ``summary.failing``.

The module also holds what the CI renderers (SARIF, GitHub, JUnit, Markdown, JSON Lines) share
about a run: :func:`split_error` for the one-line input errors, :func:`run_summary` and
:func:`at_or_above`. Every function here is pure: it reads the report dicts it is given and
nothing else (no file, no model).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .. import __version__
from ..files import printable
from ..report import Report
from ..vocab import Severity

__all__ = [
    "RUN_SCHEMA_ID",
    "RUN_SCHEMA_VERSION",
    "ErrorLine",
    "RunValidationError",
    "at_or_above",
    "build_run",
    "check_fail_on",
    "iter_run_errors",
    "load_run_schema",
    "render_run_json",
    "run_summary",
    "split_error",
    "validate_run",
]

RUN_SCHEMA_VERSION = "1.0.0"
RUN_SCHEMA_ID = f"https://quotecheck.dev/schemas/run/{RUN_SCHEMA_VERSION}/run.schema.json"
SEVERITIES: tuple[str, ...] = tuple(s.value for s in Severity)  # plain strings: JSON keys
# The same order as quotecheck.rules.core.SEVERITY_RANK; kept here so that rendering a run does
# not import the analysis modules.
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
_MAX_LISTED = 5  # errors spelled out in a RunValidationError message


# -- what the CI renderers share ----------------------------------------------------------------


class ErrorLine(str):
    """A one-line input error ``"path: reason"`` (the path's control characters escaped) that
    keeps its path and reason apart, so that no renderer splits the line again: a file name may
    hold ``": "`` or a newline. :func:`split_error` returns the parts as they are."""

    path: str | None
    reason: str

    def __new__(cls, path: str | None, reason: str) -> ErrorLine:
        reason = " ".join(reason.split())
        line = super().__new__(cls, f"{printable(path)}: {reason}" if path is not None else reason)
        line.path, line.reason = path, reason
        return line

    @classmethod
    def of(cls, error: object) -> ErrorLine:
        """The line of an error with ``path`` and ``reason`` (an ``InputError``), else of its text."""
        path, reason = getattr(error, "path", None), getattr(error, "reason", None)
        if isinstance(reason, str):
            return cls(None if path is None else str(path), reason)
        return cls(None, str(error))


def split_error(line: str) -> tuple[str | None, str]:
    """``(path, reason)`` of a one-line input error ``"path: reason"``.

    An :class:`ErrorLine` gives its own parts (the path exactly as the file is named). A plain
    string is split at the first ``": "`` (input errors are written ``f"{path}: {reason}"``, and
    the reason never starts the line). A line without that separator has no known path:
    ``(None, line)``. Whitespace runs (newlines included) become one space, so the reason is
    always one line.
    """
    if isinstance(line, ErrorLine):
        return line.path, line.reason
    flat = " ".join(str(line).split())
    path, sep, reason = flat.partition(": ")
    if not sep or not path:
        return None, flat
    return path, reason


def check_fail_on(fail_on: str) -> str:
    """``fail_on`` itself when it is a severity; a :class:`ValueError` otherwise."""
    if fail_on not in SEVERITY_RANK:
        raise ValueError(f"fail_on must be one of {', '.join(SEVERITIES)}, not {fail_on!r}")
    return fail_on


def at_or_above(severity: str, fail_on: str) -> bool:
    """Whether a finding of ``severity`` is at or above the ``fail_on`` threshold.

    An unknown severity counts as ``error`` (the safe side); an unknown ``fail_on`` is a
    :class:`ValueError`.
    """
    check_fail_on(fail_on)
    return SEVERITY_RANK.get(severity, SEVERITY_RANK["error"]) >= SEVERITY_RANK[fail_on]


def _count(report: Report, key: str) -> int:
    value = (report.get("summary") or {}).get(key, 0)
    return int(value) if isinstance(value, (int, float)) else 0


def run_summary(
    reports: Sequence[Report], *, errors: Iterable[str] = (), fail_on: str = "error"
) -> dict[str, Any]:
    """The summary of a run over ``reports`` (one per article) and the input ``errors``.

    ``files`` is every input named (checked + input errors); ``quotes`` and ``attributed`` add up
    the reports' direct and partial quotations; ``anonymous_share`` is quotations from anonymous
    sources over ``quotes`` (0 when there are none), rounded to 4 places like a report's;
    ``findings`` counts the findings themselves by severity. ``failing`` is true when the run
    should fail a build, as the CLI's exit status does: a finding at or above ``fail_on``, or an
    input that could not be checked.
    """
    check_fail_on(fail_on)
    error_lines = list(errors)
    quotes = sum(_count(r, "quotes") for r in reports)
    anonymous = sum(_count(r, "quotes_from_anonymous") for r in reports)
    counts = dict.fromkeys(SEVERITIES, 0)
    failing = bool(error_lines)
    for report in reports:
        for finding in report.get("findings") or ():
            severity = str(finding.get("severity", "error"))
            counts[severity if severity in counts else "error"] += 1
            failing = failing or at_or_above(severity, fail_on)
    return {
        "files": len(reports) + len(error_lines),
        "checked": len(reports),
        "input_errors": len(error_lines),
        "quotes": quotes,
        "attributed": sum(_count(r, "attributed") for r in reports),
        "anonymous_share": round(anonymous / quotes, 4) if quotes else 0.0,
        "findings": counts,
        "fail_on": fail_on,
        "failing": failing,
    }


# -- the run document ---------------------------------------------------------------------------


def build_run(
    reports: Sequence[Report], *, errors: Iterable[str] = (), fail_on: str = "error"
) -> dict[str, Any]:
    """The run document as a dict (see the module docstring); the reports are included as
    given, so each one should already validate against ``schemas/report.schema.json``."""
    error_lines = list(errors)
    listed = []
    for line in error_lines:
        path, reason = split_error(line)
        listed.append({"path": path, "reason": reason})
    return {
        "schema_version": RUN_SCHEMA_VERSION,
        "tool": {"name": "quotecheck", "version": __version__},
        "summary": run_summary(reports, errors=error_lines, fail_on=fail_on),
        "reports": [dict(r) for r in reports],
        "errors": listed,
    }


def render_run_json(reports: Sequence[Report], *, errors: Iterable[str] = (), fail_on: str = "error") -> str:
    """The run document for ``reports`` and the input ``errors`` (one-line ``"path: reason"``
    strings), pretty-printed with a trailing newline, non-ASCII text kept as is."""
    doc = build_run(reports, errors=errors, fail_on=fail_on)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# -- validation ---------------------------------------------------------------------------------


class RunValidationError(ValueError):
    """A run document does not conform to the run schema; ``errors`` lists every problem, one
    line each (``$.path: message``)."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        shown = self.errors[:_MAX_LISTED]
        lines = [f"run document does not match schema {RUN_SCHEMA_VERSION}:"]
        lines += [f"  {e}" for e in shown]
        if len(self.errors) > len(shown):
            lines.append(f"  ... and {len(self.errors) - len(shown)} more")
        super().__init__("\n".join(lines))


def load_run_schema() -> dict[str, Any]:
    """Read ``schemas/run.schema.json`` from the package data (a fresh dict on every call)."""
    resource = resources.files("quotecheck").joinpath("schemas", "run.schema.json")
    return json.loads(resource.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Any:
    """A 2020-12 validator for the run schema, with the report schema in its registry so the
    ``$ref`` to the report schema's ``$id`` resolves without any network access."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    from ..schema import load_report_schema

    run_schema = load_run_schema()
    report_schema = load_report_schema()
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in (run_schema, report_schema)
    )
    Draft202012Validator.check_schema(run_schema)
    return Draft202012Validator(
        run_schema, registry=registry, format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def iter_run_errors(doc: Any) -> list[str]:
    """Every schema violation in the run document ``doc``, one line each, in document order;
    an empty list when it is valid."""
    from ..schema import error_sort_key, json_path

    errors = sorted(_validator().iter_errors(doc), key=error_sort_key)
    return [f"{json_path(e.absolute_path)}: {e.message}" for e in errors]


def validate_run(doc: Any) -> None:
    """Raise :class:`RunValidationError` unless ``doc`` (a parsed run document) matches
    ``schemas/run.schema.json``, each report included matching ``schemas/report.schema.json``."""
    errors = iter_run_errors(doc)
    if errors:
        raise RunValidationError(errors)
