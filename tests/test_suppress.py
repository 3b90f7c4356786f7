"""Tests for inline suppression comments: collecting directives, and quotecheck.suppress.apply.

No model: documents come from ``document_from_bytes`` and findings are made by hand, or come
from a fixture article's stored parse (a plain-text directive line is removed from the article
text, so an article with directive lines inserted still matches its stored parse). ``apply``
works on :class:`~quotecheck.rules.Finding` objects; :func:`run` shows its result as a
report's ``findings`` and ``summary`` would.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any

import pytest
from test_documents import assert_faithful

from quotecheck.api import analyze
from quotecheck.attribution import attribute
from quotecheck.documents import (
    DIRECTIVE_KINDS,
    Directive,
    Document,
    document_from_bytes,
    parse_directive,
)
from quotecheck.lexicons import default_lexicon
from quotecheck.parsing import Parse
from quotecheck.quotes import scan_quotes
from quotecheck.report import build_report, summarize
from quotecheck.rules import RULES, RULES_BY_ID, Analysis, Finding, run_rules
from quotecheck.sources import cluster_sources
from quotecheck.suppress import UNKNOWN_RULE, UNUSED_RULE, apply
from quotecheck.testing import ARTICLES, load_stored

KNOWN = frozenset(RULES_BY_ID)


# --------------------------------------------------------------------------------------------
# Helpers


def finding(doc: Document, rule: str, needle: str, occurrence: int = 0, severity: str = "warning") -> Finding:
    """A finding on the ``occurrence``-th ``needle`` of the article text."""
    starts = [m.start() for m in re.finditer(re.escape(needle), doc.text)]
    start = starts[occurrence]
    return Finding(rule, severity, f"{rule} on {needle}", start, start + len(needle))


def as_report(doc: Document, findings: Sequence[Finding]) -> dict[str, Any]:
    """``findings`` laid out as in a report (no quotes or sources), with its summary."""
    items = [
        {"rule": f.rule, "severity": f.severity.value, "message": f.message, **f.location(doc)}
        for f in findings
    ]
    return {"findings": items, "summary": summarize([], [], items)}


def run(findings: Sequence[Finding], doc: Document, **severities: str | None) -> dict[str, Any]:
    """:func:`apply` on the findings, shown as a report."""
    return as_report(doc, apply(findings, doc, KNOWN, **severities))


def rules_of(report: dict[str, Any]) -> list[tuple[str, str]]:
    """``(rule, message)`` of every finding."""
    return [(f["rule"], f["message"]) for f in report["findings"]]


def suppression_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in report["findings"] if f["rule"] in (UNUSED_RULE, UNKNOWN_RULE)]


def comment_text(doc: Document, d: Directive) -> str:
    return doc.source[d.start : d.end]


# --------------------------------------------------------------------------------------------
# Parsing a directive body


@pytest.mark.parametrize(
    "body,expected",
    [
        (" quotecheck-disable vague-source ", ("disable", ("vague-source",))),
        (
            " quotecheck-disable vague-source, weak-descriptor ",
            ("disable", ("vague-source", "weak-descriptor")),
        ),
        ("quotecheck-disable a,b  c", ("disable", ("a", "b", "c"))),
        (" quotecheck-enable ", ("enable", ())),
        (" quotecheck-disable-next-line ", ("disable-next-line", ())),
        (
            " quotecheck-disable-file anonymous-source -- a wire story ",
            ("disable-file", ("anonymous-source",)),
        ),
        (" quotecheck-disable -- only a reason ", ("disable", ())),
        (" quotecheck-disable Vague-Source -- kept as written", ("disable", ("Vague-Source",))),
        (
            "\n  quotecheck-disable\n  vague-source,\n  weak-descriptor\n",
            ("disable", ("vague-source", "weak-descriptor")),
        ),
    ],
)
def test_parse_directive(body: str, expected: tuple[str, tuple[str, ...]]) -> None:
    assert parse_directive(body) == expected
    assert expected[0] in DIRECTIVE_KINDS


@pytest.mark.parametrize(
    "body",
    [
        " a comment ",
        " quotecheck-disabled x ",
        " quotecheck-disable-nextline x ",
        " quotecheck x ",
        " see quotecheck-disable ",
        "",
    ],
)
def test_parse_directive_ignores_other_comments(body: str) -> None:
    assert parse_directive(body) is None


# --------------------------------------------------------------------------------------------
# Collecting directives: Markdown


def test_markdown_directives_every_kind_with_source_positions() -> None:
    src = (
        "---\ntitle: x\n---\n"
        "<!-- quotecheck-disable-file anonymous-source -->\n\n"
        "First paragraph.\n"
        "<!-- quotecheck-disable-next-line vague-source -- wire copy -->\n"
        "“It will pass,” a source said.\n\n"
        "Inline <!-- quotecheck-disable weak-descriptor, vague-source --> here.\n\n"
        "> <!-- quotecheck-enable -->\n> Quoted block.\n"
    )
    doc = document_from_bytes(src.encode(), "a.md")
    kinds = [(d.kind, d.rules, d.line) for d in doc.directives]
    assert kinds == [
        ("disable-file", ("anonymous-source",), 4),
        ("disable-next-line", ("vague-source",), 7),
        ("disable", ("weak-descriptor", "vague-source"), 10),
        ("enable", (), 12),
    ]
    for d in doc.directives:
        text = comment_text(doc, d)
        assert text.startswith("<!--") and text.endswith("-->")
        assert doc.line_col(d.start)[0] == d.line
    assert doc.source.index("<!-- quotecheck-enable") == doc.directives[3].start
    # comments are not article text
    assert "quotecheck" not in doc.text
    assert "It will pass" in doc.text and "Inline" in doc.text and "Quoted block." in doc.text
    assert_faithful(doc)


def test_markdown_comments_in_code_or_front_matter_are_not_directives() -> None:
    src = (
        "---\nnote: <!-- quotecheck-disable-file -->\n---\n"
        "Use `<!-- quotecheck-disable-file -->` to switch rules off.\n\n"
        "```html\n<!-- quotecheck-disable-file -->\n```\n\n"
        "    <!-- quotecheck-disable-file -->\n\n"
        "<script>\n<!-- quotecheck-disable-file -->\n</script>\n\n"
        "<!-- an ordinary comment -->\n\nText.\n"
    )
    doc = document_from_bytes(src.encode(), "a.md")
    assert doc.directives == ()


def test_markdown_multiline_comment_and_crlf() -> None:
    src = (
        "Intro.\r\n\r\n<!--\r\n  quotecheck-disable-next-line\r\n  vague-source\r\n-->\r\n"
        "\r\n“It will pass,” a source said.\r\n"
    )
    doc = document_from_bytes(src.encode(), "a.md")
    (d,) = doc.directives
    assert (d.kind, d.rules, d.line) == ("disable-next-line", ("vague-source",), 3)
    assert comment_text(doc, d) == "<!--\r\n  quotecheck-disable-next-line\r\n  vague-source\r\n-->"
    assert_faithful(doc)


# --------------------------------------------------------------------------------------------
# Collecting directives: HTML


def test_html_directives_every_kind_with_source_positions() -> None:
    src = (
        "<!doctype html>\n<html><head><title>T</title>\n"
        "<!-- quotecheck-disable-file anonymous-source -->\n</head>\n<body><article>\n"
        "<p>AT&#38;T &# said so.</p>\n"
        "<!-- quotecheck-disable-next-line vague-source -->\n"
        "<p>“It will pass,” a source said.</p>\n"
        "<p>Inline <!-- quotecheck-disable weak-descriptor --> text.</p>\n"
        "<!-- quotecheck-enable weak-descriptor -- done -->\n"
        "<script>/* <!-- quotecheck-disable-file --> */</script>\n"
        "</article></body></html>\n"
    )
    doc = document_from_bytes(src.encode(), "a.html")
    kinds = [(d.kind, d.rules, d.line) for d in doc.directives]
    assert kinds == [
        ("disable-file", ("anonymous-source",), 3),
        ("disable-next-line", ("vague-source",), 7),
        ("disable", ("weak-descriptor",), 9),
        ("enable", ("weak-descriptor",), 10),
    ]
    for d in doc.directives:
        assert re.fullmatch(r"<!--.*-->", comment_text(doc, d))
        assert doc.line_col(d.start)[0] == d.line
    assert "quotecheck" not in doc.text
    assert_faithful(doc)


# --------------------------------------------------------------------------------------------
# Collecting directives: plain text (lines removed from the article text)


def test_text_directive_lines_are_removed_with_exact_offsets() -> None:
    src = (
        "Headline\n"
        "%% quotecheck-disable-file anonymous-source\n"
        "\n"
        "  %%quotecheck-disable-next-line vague-source -- wire copy  \r\n"
        "“It will pass,” a source said.\n"
        "%% not a directive, kept\n"
        "%% quotecheck-disable weak-descriptor, vague-source\n"
        "Later “quote” here.\n"
        "%% quotecheck-enable"
    )
    doc = document_from_bytes(src.encode(), "a.txt")
    assert doc.text == (
        "Headline\n\n“It will pass,” a source said.\n%% not a directive, kept\nLater “quote” here.\n"
    )
    assert [(d.kind, d.rules, d.line) for d in doc.directives] == [
        ("disable-file", ("anonymous-source",), 2),
        ("disable-next-line", ("vague-source",), 4),
        ("disable", ("weak-descriptor", "vague-source"), 7),
        ("enable", (), 9),
    ]
    assert comment_text(doc, doc.directives[1]) == (
        "%%quotecheck-disable-next-line vague-source -- wire copy"
    )
    assert doc.line_col(doc.directives[1].start) == (4, 3)
    # every article character is the source character it maps to
    assert_faithful(doc)
    assert all(doc.source[doc.to_source(i)] == c for i, c in enumerate(doc.text))
    # a later quotation is located in SOURCE coordinates
    start = doc.text.index("“quote”")
    assert doc.location(start, start + 7) == {
        "start": src.index("“quote”"),
        "end": src.index("“quote”") + 7,
        "line": 8,
        "column": 7,
    }
    assert doc.to_source(len(doc.text)) == src.index("%% quotecheck-enable")


def test_text_without_directives_is_still_one_identity_run() -> None:
    doc = document_from_bytes(b"a 100%% line\n%%\n", "a.txt")
    assert doc.text == doc.source and doc.directives == ()
    assert doc._offsets is not None and doc._offsets.run_count == 1


def test_text_with_only_directives_has_no_article_text() -> None:
    """An empty article (issue 12: checked, with nothing in it), not an input error."""
    doc = document_from_bytes(b"%% quotecheck-disable-file\n\n%% quotecheck-enable\n", "a.txt")
    assert doc.text.strip() == "" and len(doc.directives) == 2


def test_directives_default_to_empty_for_direct_construction() -> None:
    assert Document("x.txt", "text", "hi", "hi", "0" * 64, {}).directives == ()


def test_markdown_and_html_do_not_use_text_directives() -> None:
    doc = document_from_bytes(b"Para.\n\n%% quotecheck-disable-file\n", "a.md")
    assert doc.directives == () and "%% quotecheck-disable-file" in doc.text


# --------------------------------------------------------------------------------------------
# apply: coverage in every format


FORMAT_SOURCES = {
    "a.md": (
        "<!-- quotecheck-disable-file anonymous-source -->\n\n"
        "One.\n"
        "<!-- quotecheck-disable-next-line vague-source -->\n\n\n"
        "Two “x” a source said.\n\n"
        "<!-- quotecheck-disable weak-descriptor -->\n\n"
        "Three “y” a person said.\n\n"
        "<!-- quotecheck-enable weak-descriptor -->\n\n"
        "Four “z” a person said, a source said.\n"
    ),
    "a.html": (
        "<html><head><!-- quotecheck-disable-file anonymous-source --></head><body>\n"
        "<p>One.</p>\n"
        "<!-- quotecheck-disable-next-line vague-source -->\n\n\n"
        "<p>Two “x” a source said.</p>\n"
        "<!-- quotecheck-disable weak-descriptor -->\n"
        "<p>Three “y” a person said.</p>\n"
        "<!-- quotecheck-enable weak-descriptor -->\n"
        "<p>Four “z” a person said, a source said.</p>\n</body></html>\n"
    ),
    "a.txt": (
        "%% quotecheck-disable-file anonymous-source\n"
        "One.\n"
        "%% quotecheck-disable-next-line vague-source\n\n\n"
        "Two “x” a source said.\n\n"
        "%% quotecheck-disable weak-descriptor\n"
        "Three “y” a person said.\n\n"
        "%% quotecheck-enable weak-descriptor\n"
        "Four “z” a person said, a source said.\n"
    ),
}


@pytest.mark.parametrize("name", sorted(FORMAT_SOURCES))
def test_every_kind_in_every_format(name: str) -> None:
    doc = document_from_bytes(FORMAT_SOURCES[name].encode(), name)
    assert [d.kind for d in doc.directives] == ["disable-file", "disable-next-line", "disable", "enable"]
    findings = [
        finding(doc, "anonymous-source", "One", severity="info"),  # file-level
        finding(doc, "vague-source", "a source"),  # next line (blanks skipped)
        finding(doc, "weak-descriptor", "a person"),  # inside disable ... enable
        finding(doc, "anonymous-source", "Four", severity="info"),  # file-level, after enable
        finding(doc, "weak-descriptor", "a person", 1),  # after enable: kept
        finding(doc, "vague-source", "a source", 1),  # not the next line: kept
        finding(doc, "unattributed-quote", "“y”", severity="error"),  # other rule: kept
    ]
    findings.sort(key=lambda f: f.start)  # the rules' findings are in text order
    out = run(findings, doc)
    assert rules_of(out) == [
        ("unattributed-quote", "unattributed-quote on “y”"),
        ("weak-descriptor", "weak-descriptor on a person"),
        ("vague-source", "vague-source on a source"),
    ]
    assert [doc.source[f["start"] : f["end"]] for f in out["findings"]] == ["“y”", "a person", "a source"]
    assert out["summary"]["findings"] == {"error": 1, "warning": 2, "info": 0}


def _text_doc(body: str) -> Document:
    return document_from_bytes(body.encode(), "a.txt")


def test_bare_disable_and_enable_cover_every_rule() -> None:
    doc = _text_doc("A said.\n%% quotecheck-disable\nB said.\nC said.\n%% quotecheck-enable\nD said.\n")
    findings = [
        finding(doc, r, n)
        for r, n in [
            ("vague-source", "A"),
            ("vague-source", "B"),
            ("weak-descriptor", "C"),
            ("vague-source", "D"),
        ]
    ]
    out = run(findings, doc)
    assert [f["message"] for f in out["findings"]] == ["vague-source on A", "vague-source on D"]


def test_enable_one_rule_after_bare_disable() -> None:
    doc = _text_doc(
        "%% quotecheck-disable\nA said.\n%% quotecheck-enable vague-source\n"
        "B said.\n%% quotecheck-disable vague-source\nC said.\n"
    )
    findings = [
        finding(doc, r, n)
        for r, n in [
            ("vague-source", "A"),
            ("weak-descriptor", "A"),
            ("vague-source", "B"),
            ("weak-descriptor", "B"),
            ("vague-source", "C"),
            ("weak-descriptor", "C"),
        ]
    ]
    out = run(findings, doc)
    assert rules_of(out) == [("vague-source", "vague-source on B")]


def test_listed_rules_cover_only_those_rules() -> None:
    doc = _text_doc("%% quotecheck-disable vague-source weak-descriptor\nA said.\n")
    findings = [finding(doc, r, "A") for r in ("vague-source", "weak-descriptor", "anonymous-source")]
    out = run(findings, doc)
    assert rules_of(out) == [("anonymous-source", "anonymous-source on A")]


def test_disable_without_enable_runs_to_end_and_not_before() -> None:
    doc = _text_doc("A said.\n%% quotecheck-disable vague-source\nB said.\n\n\nC said.\n")
    findings = [finding(doc, "vague-source", n) for n in "ABC"]
    out = run(findings, doc)
    assert [f["message"] for f in out["findings"]] == ["vague-source on A"]


def test_disable_file_covers_findings_before_the_comment() -> None:
    doc = _text_doc("A said.\nB said.\n%% quotecheck-disable-file\n")
    out = run(
        [finding(doc, "vague-source", "A"), finding(doc, "unattributed-quote", "B", severity="error")], doc
    )
    assert out["findings"] == []
    assert out["summary"]["findings"] == {"error": 0, "warning": 0, "info": 0}


def test_next_line_skips_blank_lines_only_and_counts_from_the_comments_last_line() -> None:
    src = (
        "Intro.\n\n<!--\nquotecheck-disable-next-line vague-source\n-->\n \t\n\n"
        "A source said so. A source said it twice.\nA source said more.\n"
    )
    doc = document_from_bytes(src.encode(), "a.md")
    findings = [finding(doc, "vague-source", "A source", k) for k in range(3)]
    assert [f.location(doc)["line"] for f in findings] == [8, 8, 9]
    out = run(findings, doc)
    assert [f["line"] for f in out["findings"]] == [9]


def test_next_line_at_end_of_file_covers_nothing() -> None:
    doc = _text_doc("A said.\n%% quotecheck-disable-next-line vague-source\n\n")
    out = run([finding(doc, "vague-source", "A")], doc)
    assert [f["rule"] for f in out["findings"]] == ["vague-source", UNUSED_RULE]


# --------------------------------------------------------------------------------------------
# apply: findings about the comments


def test_unused_suppression_is_info_at_the_comment() -> None:
    src = "Intro.\n\n<!-- quotecheck-disable-next-line vague-source -->\nNothing here.\n"
    doc = document_from_bytes(src.encode(), "a.md")
    out = run([], doc)
    (f,) = out["findings"]
    at = src.index("<!--")
    assert f == {
        "rule": "unused-suppression",
        "severity": "info",
        "message": "quotecheck-disable-next-line vague-source suppresses nothing",
        "start": at,
        "end": src.index("-->") + 3,
        "line": 3,
        "column": 1,
    }
    assert out["summary"]["findings"] == {"error": 0, "warning": 0, "info": 1}


def test_unused_is_reported_per_listed_rule_and_for_bare_directives() -> None:
    doc = _text_doc(
        "%% quotecheck-disable vague-source, weak-descriptor\nA said.\n"
        "%% quotecheck-disable-file\n  %% quotecheck-disable-next-line\nB said.\n"
    )
    out = run([finding(doc, "vague-source", "A")], doc)
    got = [(f["rule"], f["message"], f["line"], f["column"]) for f in suppression_findings(out)]
    # the finding on A is covered by both the listed disable and the file-level directive
    assert got == [
        (UNUSED_RULE, "quotecheck-disable weak-descriptor suppresses nothing", 1, 1),
        (UNUSED_RULE, "quotecheck-disable-next-line suppresses nothing", 4, 3),
    ]
    assert [f["rule"] for f in out["findings"]] == [UNUSED_RULE, UNUSED_RULE]


def test_enable_that_re_enables_nothing_is_unused() -> None:
    doc = _text_doc(
        "%% quotecheck-disable vague-source\nA said.\n"
        "%% quotecheck-enable vague-source, weak-descriptor\n%% quotecheck-enable\n"
    )
    out = run([finding(doc, "vague-source", "A")], doc)
    assert [(f["message"], f["line"]) for f in out["findings"]] == [
        ("quotecheck-enable weak-descriptor enables nothing", 3),
        ("quotecheck-enable enables nothing", 4),
    ]


def test_unknown_rule_id_is_a_warning_and_covers_nothing() -> None:
    doc = _text_doc("%% quotecheck-disable-file vauge-source\nA said.\n")
    out = run([finding(doc, "vague-source", "A")], doc)
    unknown = [f for f in out["findings"] if f["rule"] == UNKNOWN_RULE]
    assert [(f["severity"], f["message"], f["line"], f["start"]) for f in unknown] == [
        (
            "warning",
            "quotecheck-disable-file names an unknown rule 'vauge-source' (did you mean vague-source?)",
            1,
            0,
        )
    ]
    # not treated as "all rules", and not also reported as unused
    assert [f["rule"] for f in out["findings"]] == [UNKNOWN_RULE, "vague-source"]
    assert out["summary"]["findings"] == {"error": 0, "warning": 2, "info": 0}


def test_unknown_and_known_rules_in_one_comment() -> None:
    src = "<p>A said.</p>\n<!-- quotecheck-disable-next-line vague-source, no-such-rule -->\n<p>B said.</p>\n"
    doc = document_from_bytes(src.encode(), "a.html")
    out = run([finding(doc, "vague-source", "B")], doc)
    assert [(f["rule"], f["line"], f["column"]) for f in out["findings"]] == [(UNKNOWN_RULE, 2, 1)]
    assert "no-such-rule" in out["findings"][0]["message"]


def test_severities_can_be_changed_or_switched_off() -> None:
    doc = _text_doc("%% quotecheck-disable nope\nA said.\n%% quotecheck-disable-file vague-source\n")
    assert run([], doc, unused_severity=None, unknown_severity=None)["findings"] == []
    out = run([], doc, unused_severity="warning", unknown_severity="error")
    assert [(f["rule"], f["severity"]) for f in out["findings"]] == [
        (UNKNOWN_RULE, "error"),
        (UNUSED_RULE, "warning"),
    ]
    assert out["summary"]["findings"] == {"error": 1, "warning": 1, "info": 0}


def test_new_findings_are_merged_in_text_order_and_input_is_untouched() -> None:
    doc = _text_doc(
        "A said.\n%% quotecheck-disable-next-line weak-descriptor\nB said.\n"
        "%% quotecheck-disable-next-line vague-source\nC said.\n"
    )
    findings = [finding(doc, "vague-source", "A"), finding(doc, "vague-source", "B")]
    before = list(findings)
    kept = apply(findings, doc, KNOWN)
    assert findings == before
    assert kept is not findings
    out = as_report(doc, kept)
    assert [(f["rule"], f["line"]) for f in out["findings"]] == [
        ("vague-source", 1),
        (UNUSED_RULE, 2),
        ("vague-source", 3),
        (UNUSED_RULE, 4),
    ]


def test_document_without_directives_keeps_the_report() -> None:
    doc = _text_doc("A said.\n")
    findings = [finding(doc, "vague-source", "A")]
    assert apply(findings, doc, KNOWN) == findings


# --------------------------------------------------------------------------------------------
# A real report (stored parse of a fixture article)


def _with_lines(source: str, inserts: dict[int, str]) -> str:
    """``source`` with a line inserted before each given 1-based line number."""
    lines = source.splitlines(keepends=True)
    out: list[str] = []
    for n, line in enumerate(lines, start=1):
        if n in inserts:
            out.append(inserts[n] + "\n")
        out.append(line)
    return "".join(out)


def _analysis(doc: Document, parse: Parse) -> tuple[Analysis, list[Finding]]:
    """The analysis of a document and its rules' findings, before suppression."""
    lex = default_lexicon()
    quotes, unbalanced = scan_quotes(doc.text)
    sources = cluster_sources(doc.text, parse, attribute(doc.text, parse, quotes, lex), lex)
    analysis = Analysis(doc.text, sources, unbalanced, lex)
    return analysis, run_rules(analysis, RULES)


def test_real_report_in_source_coordinates_and_summary_recomputed() -> None:
    path = ARTICLES / "33-unattributed-apartment-fire.txt"
    original_doc, parse = load_stored(path)
    original = analyze(original_doc, parse).report
    assert original["summary"]["findings"] == {"error": 1, "warning": 2, "info": 2}

    inserts = {
        1: "%% quotecheck-disable-file anonymous-source -- counted elsewhere",
        9: "%% quotecheck-disable weak-descriptor, anonymity-unexplained",
        11: "%% quotecheck-enable",
        15: "%% quotecheck-disable-next-line unattributed-quote -- the chief, in a video",
        17: "%% quotecheck-disable-next-line loaded-attribution-verb",
    }
    source = _with_lines(original_doc.source, inserts)
    doc = document_from_bytes(source.encode(), "33.txt")
    assert doc.text == original_doc.text  # the stored parse still applies
    assert [d.line for d in doc.directives] == [1, 10, 13, 18, 21]
    assert_faithful(doc)
    report = analyze(
        dataclasses.replace(doc, directives=()), parse
    ).report  # the same article, no suppressions

    # every location moved by exactly the directive lines inserted before it
    def shifted(loc: dict[str, Any]) -> dict[str, Any]:
        before = [n for n in inserts if n <= loc["line"]]
        chars = sum(len(inserts[n]) + 1 for n in before)
        return {
            **loc,
            "start": loc["start"] + chars,
            "end": loc["end"] + chars,
            "line": loc["line"] + len(before),
        }

    assert report["quotes"] == [
        {
            **shifted(q),
            "cue": q["cue"] and shifted(q["cue"]),
            "speaker": q["speaker"] and {**q["speaker"], "mention": shifted(q["speaker"]["mention"])},
        }
        for q in original["quotes"]
    ]
    assert report["findings"] == [shifted(f) for f in original["findings"]]
    last = report["quotes"][-1]
    assert doc.source[last["start"] : last["end"]] == "“Everything else can be replaced.”"
    assert last["column"] == original["quotes"][-1]["column"]

    analysis, findings = _analysis(doc, parse)
    assert build_report(doc, analysis, findings) == report
    out = build_report(doc, analysis, apply(findings, doc, KNOWN))
    assert rules_of(out) == [
        (UNUSED_RULE, "quotecheck-disable-next-line loaded-attribution-verb suppresses nothing")
    ]
    assert out["findings"][0]["line"] == 21
    assert out["summary"] == {**report["summary"], "findings": {"error": 0, "warning": 0, "info": 1}}
    assert out["summary"]["quotes"] == original["summary"]["quotes"]
    assert analyze(doc, parse).report == out  # analyze applies the article's suppressions itself
