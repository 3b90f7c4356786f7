"""The vocabulary enums and the JSON schemas name the same values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotecheck.vocab import (
    CuePattern,
    GroundRule,
    InputFormat,
    MentionKind,
    QuoteKind,
    Resolution,
    Severity,
    SourceType,
)

SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


def _report_schema() -> dict:
    return json.loads((SCHEMAS / "report.schema.json").read_text(encoding="utf-8"))


def _enum_at(schema: dict, *path: str) -> list[str]:
    node = schema
    for key in path:
        node = node[key]
    return node["enum"]


@pytest.mark.parametrize(
    "enum, path",
    [
        (Severity, ("$defs", "finding", "properties", "severity")),
        (QuoteKind, ("$defs", "quote", "properties", "kind")),
        (SourceType, ("$defs", "source", "properties", "type")),
        (GroundRule, ("$defs", "groundRule")),
        (MentionKind, ("$defs", "mention", "properties", "kind")),
        (Resolution, ("$defs", "speaker", "properties", "resolution")),
        (InputFormat, ("$defs", "document", "properties", "format")),
        (CuePattern, ("$defs", "cue", "properties", "pattern")),
    ],
)
def test_report_schema_enums_match_vocab(enum, path):
    assert _enum_at(_report_schema(), *path) == [m.value for m in enum]


def test_anonymous_types_match_schema_condition():
    schema = _report_schema()
    anonymous = _enum_at(schema, "$defs", "source", "if", "properties", "type")
    assert anonymous == [t.value for t in SourceType if t.anonymous]


def test_members_are_their_strings():
    assert Severity.ERROR == "error" and json.dumps(SourceType.NAMED_PERSON) == '"named_person"'
    assert [s.rank for s in Severity] == [0, 1, 2]
    assert Resolution.of_mention("pronoun") is Resolution.PRONOUN
    assert Resolution.of_mention(MentionKind.NAME) is Resolution.EXPLICIT
