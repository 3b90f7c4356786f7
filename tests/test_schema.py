"""The report schema (schemas/report.schema.json) and quotecheck.schema.

``EXAMPLE_REPORT`` is a complete, hand-built report for ``ARTICLE`` (a Markdown file with front
matter): a named source, an anonymous source with ground rules, their evidence and a stated
reason, an indirect attribution, a floating quote, an unattributed quote, a scare quote, a title
and findings. Its offsets are real: a test checks them against the article.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import fastjsonschema
import pytest
from jsonschema import Draft202012Validator
from report_examples import NATO_ARTICLE

from quotecheck import schema as schema_module
from quotecheck.schema import (
    FAST_KEYWORDS,
    SCHEMA_ID,
    ReportValidationError,
    check_report,
    iter_report_errors,
    load_report_schema,
    validate_report,
)

REPO = Path(__file__).resolve().parents[1]

ARTICLE = NATO_ARTICLE

_JONES = {"text": "Marine Gen. James L. Jones", "start": 292, "end": 318, "line": 10, "column": 43}
_TOP_COMMANDER = {"text": "NATO’s top commander", "start": 149, "end": 169, "line": 8, "column": 12}
_NATO_SOURCE = {"text": "One NATO source", "start": 391, "end": 406, "line": 12, "column": 1}
_THE_SOURCE = {"text": "the source", "start": 615, "end": 625, "line": 14, "column": 48}

EXAMPLE_REPORT: dict[str, Any] = {
    "schema_version": "1.3.0",
    "tool": {"name": "quotecheck", "version": "0.1.0"},
    "document": {
        "path": "articles/nato-troops.md",
        "sha256": "3c7384f64981008cc57fa72235bcee123cadf89529879a1fb7df20b5b104917f",
        "format": "markdown",
        "characters": 741,
        "words": 127,
        "lines": 20,
        "metadata": {
            "title": "NATO weighs more troops for Afghanistan",
            "byline": "Staff reporter",
            "date": "2006-09-12",
        },
    },
    "quotes": [
        {
            "id": "q1",
            "kind": "indirect",
            "paragraphs": 1,
            "text": "the alliance would need more troops in southern Afghanistan",
            "start": 188,
            "end": 247,
            "line": 8,
            "column": 51,
            "cue": {
                "text": "said",
                "lemma": "say",
                "pattern": "post-verb",
                "start": 170,
                "end": 174,
                "line": 8,
                "column": 33,
            },
            "speaker": {"source_id": "s1", "mention": _TOP_COMMANDER, "resolution": "explicit"},
        },
        {
            "id": "q2",
            "kind": "direct",
            "paragraphs": 1,
            "text": "We are not going to lose this one,",
            "start": 250,
            "end": 286,
            "line": 10,
            "column": 1,
            "cue": {
                "text": "said",
                "lemma": "say",
                "pattern": "post-verb",
                "start": 287,
                "end": 291,
                "line": 10,
                "column": 38,
            },
            "speaker": {"source_id": "s1", "mention": _JONES, "resolution": "explicit"},
        },
        {
            "id": "q3",
            "kind": "direct",
            "paragraphs": 1,
            "text": "It is a matter of political will.",
            "start": 354,
            "end": 389,
            "line": 10,
            "column": 105,
            "cue": None,
            "speaker": {"source_id": "s1", "mention": _JONES, "resolution": "floating"},
        },
        {
            "id": "q4",
            "kind": "partial",
            "paragraphs": 1,
            "text": "a matter of weeks",
            "start": 541,
            "end": 560,
            "line": 12,
            "column": 151,
            "cue": {
                "text": "said",
                "lemma": "say",
                "pattern": "post-verb",
                "start": 496,
                "end": 500,
                "line": 12,
                "column": 106,
            },
            "speaker": {"source_id": "s2", "mention": _NATO_SOURCE, "resolution": "explicit"},
        },
        {
            "id": "q5",
            "kind": "direct",
            "paragraphs": 1,
            "text": "Nobody wants to be the country that says no,",
            "start": 568,
            "end": 614,
            "line": 14,
            "column": 1,
            "cue": {
                "text": "said",
                "lemma": "say",
                "pattern": "post-verb",
                "start": 626,
                "end": 630,
                "line": 14,
                "column": 59,
            },
            "speaker": {"source_id": "s2", "mention": _THE_SOURCE, "resolution": "nominal"},
        },
        {
            "id": "q6",
            "kind": "direct",
            "paragraphs": 1,
            "text": "The mission is in trouble, and everyone in that room knows it.",
            "start": 661,
            "end": 725,
            "line": 18,
            "column": 1,
            "cue": None,
            "speaker": None,
        },
        {
            "id": "q7",
            "kind": "scare",
            "paragraphs": 1,
            "text": "surge",
            "start": 751,
            "end": 758,
            "line": 20,
            "column": 25,
            "cue": None,
            "speaker": None,
        },
        {
            "id": "q8",
            "kind": "title",
            "paragraphs": 1,
            "text": "Afghanistan 2010,",
            "start": 799,
            "end": 818,
            "line": 20,
            "column": 73,
            "cue": None,
            "speaker": None,
        },
    ],
    "sources": [
        {
            "id": "s1",
            "name": "Marine Gen. James L. Jones",
            "type": "named_person",
            "anonymous": False,
            "description": "commander of NATO’s military arm",
            "ground_rules": [],
            "ground_rule_evidence": [],
            "anonymity_reason": None,
            "mentions": [
                {**_TOP_COMMANDER, "kind": "descriptor"},
                {**_JONES, "kind": "name"},
            ],
            "quote_ids": ["q1", "q2", "q3"],
        },
        {
            "id": "s2",
            "name": "one NATO source",
            "type": "anonymous_individual",
            "anonymous": True,
            "description": "who spoke on condition of anonymity because he was not authorized "
            "to discuss the talks",
            "ground_rules": ["anonymity_granted", "background"],
            "ground_rule_evidence": [
                {
                    "rule": "anonymity_granted",
                    "text": "spoke on condition of anonymity",
                    "start": 412,
                    "end": 443,
                    "line": 12,
                    "column": 22,
                },
                {
                    "rule": "background",
                    "text": "on background",
                    "start": 501,
                    "end": 514,
                    "line": 12,
                    "column": 111,
                },
            ],
            "anonymity_reason": {
                "text": "because he was not authorized to discuss the talks",
                "start": 444,
                "end": 494,
                "line": 12,
                "column": 54,
            },
            "mentions": [
                {**_NATO_SOURCE, "kind": "descriptor"},
                {"text": "he", "start": 452, "end": 454, "line": 12, "column": 62, "kind": "pronoun"},
                {**_THE_SOURCE, "kind": "nominal"},
            ],
            "quote_ids": ["q4", "q5"],
        },
    ],
    "findings": [
        {
            "rule": "floating-quote",
            "severity": "info",
            "message": "Quotation has no attribution cue; attributed to the previous speaker, "
            "Marine Gen. James L. Jones.",
            "start": 354,
            "end": 389,
            "line": 10,
            "column": 105,
            "quote_id": "q3",
            "source_id": "s1",
        },
        {
            "rule": "unattributed-quote",
            "severity": "warning",
            "message": "Quotation has no speaker: no attribution cue in its sentence or the one before.",
            "start": 661,
            "end": 725,
            "line": 18,
            "column": 1,
            "quote_id": "q6",
        },
        {
            "rule": "scare-quote",
            "severity": "info",
            "message": "Scare quotes around “surge”: attribute the term or drop the quotation marks.",
            "start": 751,
            "end": 758,
            "line": 20,
            "column": 25,
            "quote_id": "q7",
        },
    ],
    "summary": {
        "quotes": 5,
        "direct": 4,
        "partial": 1,
        "indirect": 1,
        "scare": 1,
        "title": 1,
        "attributed": 4,
        "unattributed": 1,
        "sources": 2,
        "anonymous_sources": 1,
        "quotes_from_anonymous": 2,
        "anonymous_share": 0.4,
        "findings": {"error": 0, "warning": 1, "info": 2},
    },
}


@pytest.fixture
def report() -> dict[str, Any]:
    """A fresh deep copy of the example report, free to mutate."""
    return copy.deepcopy(EXAMPLE_REPORT)


# -- the schema itself -------------------------------------------------------------------------


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = load_report_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID == "https://quotecheck.dev/schemas/report/1.3.0/report.schema.json"
    assert schema["title"] and schema["description"]
    for name in ("span", "cue", "speaker", "quote", "source", "mention", "finding", "summary"):
        assert name in schema["$defs"], name


def test_package_schema_is_the_top_level_file() -> None:
    top = json.loads((REPO / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert load_report_schema() == top


def _objects(node: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``node``, itself included."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_every_object_schema_is_closed() -> None:
    for obj in _objects(load_report_schema()):
        if obj.get("type") == "object" and "properties" in obj:
            assert obj.get("additionalProperties") is False, obj.get("description", obj)


def test_load_report_schema_returns_a_fresh_copy(report: dict[str, Any]) -> None:
    load_report_schema()["properties"].clear()
    assert load_report_schema()["properties"]
    report["bogus"] = 1
    assert iter_report_errors(report)


# -- the example report ------------------------------------------------------------------------


def test_example_report_validates(report: dict[str, Any]) -> None:
    validate_report(report)
    assert iter_report_errors(report) == []


def test_example_report_offsets_point_into_the_article() -> None:
    """The fixture is realistic: every span's text, line and column match the article."""
    assert hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest() == EXAMPLE_REPORT["document"]["sha256"]
    assert ARTICLE.count("\n") == EXAMPLE_REPORT["document"]["lines"]
    checked = 0
    for obj in _objects(EXAMPLE_REPORT):
        if not {"start", "end", "line", "column"} <= obj.keys():
            continue
        start, end = obj["start"], obj["end"]
        assert 0 <= start <= end <= len(ARTICLE)
        assert obj["line"] == ARTICLE.count("\n", 0, start) + 1
        assert obj["column"] == start - (ARTICLE.rfind("\n", 0, start) + 1) + 1
        if "id" in obj:  # a quote: outer quotation marks are in the span, not in the text
            expected = obj["text"] if obj["kind"] == "indirect" else f"“{obj['text']}”"
            assert ARTICLE[start:end] == expected
        elif "text" in obj:
            assert ARTICLE[start:end] == obj["text"]
        checked += 1
    assert checked > 20


def test_example_report_summary_is_consistent() -> None:
    """The summary counts follow their definitions in docs/report-format.md."""
    quotes, sources = EXAMPLE_REPORT["quotes"], EXAMPLE_REPORT["sources"]
    anonymous = {s["id"] for s in sources if s["anonymous"]}
    speech = [q for q in quotes if q["kind"] in ("direct", "partial")]
    from_anonymous = [q for q in speech if q["speaker"] and q["speaker"]["source_id"] in anonymous]
    expected = {
        kind: sum(q["kind"] == kind for q in quotes)
        for kind in ("direct", "partial", "indirect", "scare", "title")
    }
    expected |= {
        "quotes": len(speech),
        "attributed": sum(q["speaker"] is not None for q in speech),
        "unattributed": sum(q["speaker"] is None for q in speech),
        "sources": len(sources),
        "anonymous_sources": len(anonymous),
        "quotes_from_anonymous": len(from_anonymous),
        "anonymous_share": round(len(from_anonymous) / len(speech), 4),
        "findings": {
            sev: sum(f["severity"] == sev for f in EXAMPLE_REPORT["findings"])
            for sev in ("error", "warning", "info")
        },
    }
    assert EXAMPLE_REPORT["summary"] == expected
    for source in sources:
        assert source["quote_ids"] == [
            q["id"] for q in quotes if q["speaker"] and q["speaker"]["source_id"] == source["id"]
        ]


# -- variants ----------------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    """Set the value at a dotted path (list indices as numbers): ``quotes.0.kind``."""
    *parents, last = path.split(".")

    def mutate(report: dict[str, Any]) -> None:
        node: Any = report
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str) -> Mutation:
    """Remove the key at a dotted path."""
    *parents, last = path.split(".")

    def mutate(report: dict[str, Any]) -> None:
        node: Any = report
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        del node[last]

    return mutate


VALID_VARIANTS: dict[str, Mutation] = {
    "no metadata": _delete("document.metadata"),
    "empty metadata": _set("document.metadata", {}),
    "stdin path": _set("document.path", "<stdin>"),
    "html format": _set("document.format", "html"),
    "finding without ids": lambda r: [r["findings"][0].pop(k) for k in ("quote_id", "source_id")],
    "null description": _set("sources.0.description", None),
    "null anonymity reason": _set("sources.1.anonymity_reason", None),
    "null cue on attributed quote": _set("quotes.1.cue", None),
    "unknown source type": lambda r: r["sources"][0].update(type="unknown", anonymous=False),
    "anonymous group": _set("sources.1.type", "anonymous_group"),
    "multi-paragraph quote": _set("quotes.5.paragraphs", 3),
    "share of one": _set("summary.anonymous_share", 1),
    "no quotes at all": lambda r: r.update(quotes=[], sources=[], findings=[]),
}


@pytest.mark.parametrize("mutate", VALID_VARIANTS.values(), ids=VALID_VARIANTS.keys())
def test_valid_variants(report: dict[str, Any], mutate: Mutation) -> None:
    mutate(report)
    assert iter_report_errors(report) == []
    schema_module._fast_validator()(report)  # the compiled validator agrees
    check_report(report)


# (mutation, the path of the error, a word of its message)
INVALID_VARIANTS: dict[str, tuple[Mutation, str, str]] = {
    # missing fields
    "missing summary": (_delete("summary"), "$", "'summary' is a required property"),
    "missing tool version": (_delete("tool.version"), "$.tool", "'version' is a required"),
    "missing document sha256": (_delete("document.sha256"), "$.document", "'sha256' is a required"),
    "missing quote cue": (_delete("quotes.0.cue"), "$.quotes[0]", "'cue' is a required"),
    "missing speaker resolution": (
        _delete("quotes.1.speaker.resolution"),
        "$.quotes[1].speaker",
        "'resolution' is a required",
    ),
    "missing cue lemma": (_delete("quotes.1.cue.lemma"), "$.quotes[1].cue", "'lemma' is a required"),
    "missing source ground rules": (
        _delete("sources.0.ground_rules"),
        "$.sources[0]",
        "'ground_rules' is a required",
    ),
    "missing mention kind": (
        _delete("sources.1.mentions.0.kind"),
        "$.sources[1].mentions[0]",
        "'kind' is a required",
    ),
    "missing finding message": (_delete("findings.0.message"), "$.findings[0]", "'message' is a required"),
    "missing summary count": (_delete("summary.findings.info"), "$.summary.findings", "'info' is a required"),
    # extra fields
    "extra top-level field": (_set("extra", 1), "$", "'extra' was unexpected"),
    "extra document field": (_set("document.encoding", "utf-8"), "$.document", "'encoding' was unexpected"),
    "extra quote field": (_set("quotes.0.confidence", 0.9), "$.quotes[0]", "'confidence' was unexpected"),
    "extra cue field": (_set("quotes.0.cue.tense", "past"), "$.quotes[0].cue", "'tense' was unexpected"),
    "extra mention field": (
        _set("quotes.0.speaker.mention.kind", "descriptor"),
        "$.quotes[0].speaker.mention",
        "'kind' was unexpected",
    ),
    "extra evidence field": (
        _set("sources.1.ground_rule_evidence.0.note", "x"),
        "$.sources[1].ground_rule_evidence[0]",
        "'note' was unexpected",
    ),
    "extra finding field": (_set("findings.1.fix", "attribute it"), "$.findings[1]", "'fix' was unexpected"),
    "extra summary field": (_set("summary.score", 3), "$.summary", "'score' was unexpected"),
    "non-string metadata": (_set("document.metadata.date", 2006), "$.document.metadata.date", "not of type"),
    # enums
    "bad quote kind": (_set("quotes.0.kind", "paraphrase"), "$.quotes[0].kind", "is not one of"),
    "bad resolution": (
        _set("quotes.1.speaker.resolution", "guessed"),
        "$.quotes[1].speaker.resolution",
        "is not one of",
    ),
    "bad source type": (_set("sources.0.type", "expert"), "$.sources[0].type", "is not one of"),
    "bad ground rule": (
        _set("sources.1.ground_rules.0", "embargoed"),
        "$.sources[1].ground_rules[0]",
        "is not one of",
    ),
    "bad evidence rule": (
        _set("sources.1.ground_rule_evidence.1.rule", "on background"),
        "$.sources[1].ground_rule_evidence[1].rule",
        "is not one of",
    ),
    "bad mention kind": (
        _set("sources.0.mentions.1.kind", "nickname"),
        "$.sources[0].mentions[1].kind",
        "is not one of",
    ),
    "bad severity": (_set("findings.0.severity", "fatal"), "$.findings[0].severity", "is not one of"),
    "bad format": (_set("document.format", "pdf"), "$.document.format", "is not one of"),
    "bad tool name": (_set("tool.name", "quotelint"), "$.tool.name", "was expected"),
    # numbers
    "negative offset": (_set("quotes.0.start", -1), "$.quotes[0].start", "less than the minimum"),
    "negative cue end": (_set("quotes.1.cue.end", -4), "$.quotes[1].cue.end", "less than the minimum"),
    "negative finding offset": (_set("findings.2.start", -1), "$.findings[2].start", "less than the minimum"),
    "line zero": (_set("quotes.2.line", 0), "$.quotes[2].line", "less than the minimum"),
    "column zero": (
        _set("sources.0.mentions.0.column", 0),
        "$.sources[0].mentions[0].column",
        "less than the minimum",
    ),
    "offset as string": (_set("quotes.0.end", "247"), "$.quotes[0].end", "is not of type 'integer'"),
    "fractional offset": (_set("quotes.0.end", 24.5), "$.quotes[0].end", "is not of type 'integer'"),
    "zero paragraphs": (_set("quotes.0.paragraphs", 0), "$.quotes[0].paragraphs", "less than the minimum"),
    "negative count": (_set("summary.direct", -1), "$.summary.direct", "less than the minimum"),
    "share above one": (
        _set("summary.anonymous_share", 1.5),
        "$.summary.anonymous_share",
        "greater than the maximum",
    ),
    "share as percent string": (
        _set("summary.anonymous_share", "40%"),
        "$.summary.anonymous_share",
        "not of type",
    ),
    # versions, ids, digests
    "wrong schema version": (_set("schema_version", "2.0.0"), "$.schema_version", "'1.3.0' was expected"),
    "short schema version": (_set("schema_version", "1.0"), "$.schema_version", "'1.3.0' was expected"),
    "bad quote id": (_set("quotes.0.id", "Q1"), "$.quotes[0].id", "does not match"),
    "bad source id": (_set("sources.0.id", "source-1"), "$.sources[0].id", "does not match"),
    "bad speaker source id": (
        _set("quotes.1.speaker.source_id", "1"),
        "$.quotes[1].speaker.source_id",
        "does not match",
    ),
    "bad quote id in source": (
        _set("sources.0.quote_ids.0", "q-1"),
        "$.sources[0].quote_ids[0]",
        "does not match",
    ),
    "duplicate quote id in source": (
        _set("sources.0.quote_ids", ["q1", "q1"]),
        "$.sources[0].quote_ids",
        "non-unique",
    ),
    "bad finding quote id": (_set("findings.0.quote_id", "3"), "$.findings[0].quote_id", "does not match"),
    "bad rule id": (_set("findings.0.rule", "Floating_Quote"), "$.findings[0].rule", "does not match"),
    "short sha256": (_set("document.sha256", "3c7384f6"), "$.document.sha256", "does not match"),
    "upper-case sha256": (
        _set("document.sha256", EXAMPLE_REPORT["document"]["sha256"].upper()),
        "$.document.sha256",
        "does not match",
    ),
    # cross-field rules
    "speaker on scare quote": (
        _set("quotes.6.speaker", EXAMPLE_REPORT["quotes"][1]["speaker"]),
        "$.quotes[6].speaker",
        "is not of type 'null'",
    ),
    "anonymous named person": (
        _set("sources.0.anonymous", True),
        "$.sources[0].anonymous",
        "False was expected",
    ),
    "anonymous source not flagged": (
        _set("sources.1.anonymous", False),
        "$.sources[1].anonymous",
        "True was expected",
    ),
    "multi-line finding message": (
        _set("findings.0.message", "one\ntwo"),
        "$.findings[0].message",
        "does not match",
    ),
    # wrong types
    "quotes not a list": (_set("quotes", {}), "$.quotes", "is not of type 'array'"),
    "speaker as string": (_set("quotes.1.speaker", "s1"), "$.quotes[1].speaker", "is not valid under any"),
    "boolean anonymous as string": (
        _set("sources.0.anonymous", "no"),
        "$.sources[0].anonymous",
        "is not of type 'boolean'",
    ),
}


@pytest.mark.parametrize(("mutate", "path", "words"), INVALID_VARIANTS.values(), ids=INVALID_VARIANTS.keys())
def test_invalid_variants(report: dict[str, Any], mutate: Mutation, path: str, words: str) -> None:
    mutate(report)
    errors = iter_report_errors(report)
    assert any(e.startswith(f"{path}: ") and words in e for e in errors), errors
    with pytest.raises(ReportValidationError) as info:
        validate_report(report)
    assert info.value.errors == errors
    assert errors[0] in str(info.value)
    with pytest.raises(fastjsonschema.JsonSchemaValueException):  # the compiled one agrees
        schema_module._fast_validator()(report)
    with pytest.raises(ReportValidationError) as fast:
        check_report(report)
    assert fast.value.errors == errors  # and the messages are the full validator's


def test_invalid_nullable_object_reports_the_object_errors(report: dict[str, Any]) -> None:
    """A nullable object that is present but wrong names its own problems, not just "oneOf"."""
    report["quotes"][1]["cue"] = {
        "text": "said",
        "pattern": "post-verb",
        "start": -1,
        "end": 291,
        "line": 10,
        "column": 38,
    }
    assert iter_report_errors(report) == [
        "$.quotes[1].cue: 'lemma' is a required property",
        "$.quotes[1].cue.start: -1 is less than the minimum of 0",
    ]


def test_errors_are_in_report_order_and_the_message_is_bounded(report: dict[str, Any]) -> None:
    for n, quote in enumerate(report["quotes"]):
        quote["start"] = -1 - n
    errors = iter_report_errors(report)
    assert [e.split(":")[0] for e in errors] == [f"$.quotes[{n}].start" for n in range(8)]
    with pytest.raises(ReportValidationError) as info:
        validate_report(report)
    message = str(info.value)
    assert message.splitlines()[0] == "report does not match schema 1.3.0:"
    assert "$.quotes[4].start" in message and "$.quotes[5].start" not in message
    assert message.endswith("... and 3 more")


def test_validate_report_rejects_non_objects() -> None:
    with pytest.raises(ReportValidationError, match=r"\$: \[\] is not of type 'object'"):
        validate_report([])  # type: ignore[arg-type]


def schema_keywords(schema: Any) -> set[str]:
    """Every keyword a schema uses (property names and enum values are not keywords)."""
    used: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                used.add(key)
                if key in ("properties", "$defs"):
                    for sub in value.values():
                        walk(sub)
                elif key not in ("const", "enum", "description", "title"):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema)
    return used


def test_schema_keeps_to_keywords_the_compiled_validator_shares() -> None:
    """check_report's compiled draft-07 validator agrees with the 2020-12 one only while the
    schema uses keywords that mean the same in both."""
    used = schema_keywords(load_report_schema())
    assert used <= FAST_KEYWORDS, sorted(used - FAST_KEYWORDS)
