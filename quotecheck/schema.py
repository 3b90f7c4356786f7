"""The JSON Schema of the sourcing report, and validation against it.

The schema lives in ``schemas/report.schema.json`` at the top of the repository; the package
reaches it through ``quotecheck/schemas``, a symbolic link to that folder (installed as package
data). See ``docs/report-format.md`` for the report format, field by field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

__all__ = [
    "SCHEMA_ID",
    "SCHEMA_VERSION",
    "ReportValidationError",
    "check_report",
    "compile_schema",
    "iter_report_errors",
    "load_report_schema",
    "validate_report",
]

SCHEMA_VERSION = "1.3.0"
SCHEMA_ID = f"https://quotecheck.dev/schemas/report/{SCHEMA_VERSION}/report.schema.json"
_SCHEMA_FILE = ("schemas", "report.schema.json")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MAX_LISTED = 5  # errors spelled out in a ReportValidationError message


class ReportValidationError(ValueError):
    """A report does not conform to the report schema.

    ``errors`` holds every problem found, one readable line each (``$.path: message``); the
    exception message is the first few of them.
    """

    def __init__(self, errors: list[str]) -> None:
        self.errors = list(errors)
        shown = self.errors[:_MAX_LISTED]
        more = len(self.errors) - len(shown)
        lines = [f"report does not match schema {SCHEMA_VERSION}:"]
        lines += [f"  {e}" for e in shown]
        if more:
            lines.append(f"  ... and {more} more")
        super().__init__("\n".join(lines))


def load_report_schema() -> dict[str, Any]:
    """Read the report schema from the package data (a fresh dict on every call)."""
    resource = resources.files("quotecheck").joinpath(*_SCHEMA_FILE)
    return json.loads(resource.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    """The report validator, built once: schema checked, format checking on."""
    schema = load_report_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def json_path(parts: Iterable[str | int]) -> str:
    """``$.quotes[2].speaker`` for the path ``("quotes", 2, "speaker")``."""
    out = "$"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _PLAIN_KEY.fullmatch(part):
            out += f".{part}"
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


def error_sort_key(error: ValidationError) -> tuple[tuple[int, int | str], ...]:
    """Order errors by where they are in the report (list indices numerically)."""
    return tuple((0, p) if isinstance(p, int) else (1, str(p)) for p in error.absolute_path)


def _flatten(error: ValidationError) -> Iterator[ValidationError]:
    """The errors worth showing for ``error``.

    A nullable object (``oneOf: [object, null]``) that is an object but an invalid one fails
    ``oneOf`` with the unhelpful message "... is not valid under any of the given schemas";
    what the reader needs are the errors of the object branch, so those are reported instead.
    """
    if error.validator == "oneOf" and error.context and isinstance(error.instance, dict):
        branches = error.validator_value
        inner = [e for e in error.context if branches[e.relative_schema_path[0]] != {"type": "null"}]
        if inner:
            for e in inner:
                yield from _flatten(e)
            return
    yield error


def iter_report_errors(report: Any) -> list[str]:
    """Every schema violation in ``report``, one line each (``$.path: message``), in report
    order; an empty list when the report is valid."""
    errors = [e for top in _validator().iter_errors(report) for e in _flatten(top)]
    errors.sort(key=error_sort_key)
    return [f"{json_path(e.absolute_path)}: {e.message}" for e in errors]


def validate_report(report: Any) -> None:
    """Raise :class:`ReportValidationError` unless ``report`` matches the report schema."""
    errors = iter_report_errors(report)
    if errors:
        raise ReportValidationError(errors)


# Keywords that mean the same in draft-07 and 2020-12. While a schema keeps to them (tests
# check both schemas), a draft-07 validator compiled by fastjsonschema gives the same verdict
# as jsonschema's 2020-12 validator, 10 to 20 times faster.
FAST_KEYWORDS = frozenset(
    {
        "$defs",
        "$id",
        "$ref",
        "$schema",
        "additionalProperties",
        "allOf",
        "const",
        "description",
        "else",
        "enum",
        "if",
        "items",
        "maximum",
        "minLength",
        "maxItems",
        "minimum",
        "oneOf",
        "pattern",
        "properties",
        "propertyNames",
        "required",
        "then",
        "title",
        "type",
        "uniqueItems",
    }
)


def compile_schema(schema: dict[str, Any]) -> Callable[[Any], Any]:
    """A fast validator for ``schema`` (which keeps to FAST_KEYWORDS): it raises
    ``fastjsonschema.JsonSchemaException`` on the first problem it finds."""
    import fastjsonschema

    return fastjsonschema.compile(dict(schema, **{"$schema": "http://json-schema.org/draft-07/schema#"}))


@lru_cache(maxsize=1)
def _fast_validator() -> Callable[[Any], Any]:
    return compile_schema(load_report_schema())


def check_report(report: Any) -> None:
    """:func:`validate_report` for many reports (``quotecheck summarize`` over saved ones).

    A valid report is accepted by the compiled validator alone; a report it rejects goes
    through :func:`validate_report`, whose verdict stands and whose error lists every problem.
    """
    import fastjsonschema

    try:
        _fast_validator()(report)
    except fastjsonschema.JsonSchemaException:
        validate_report(report)
