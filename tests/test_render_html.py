"""The annotated HTML page: well-formed, self-contained, escaped, every quote and finding shown."""

from __future__ import annotations

import copy
from html.parser import HTMLParser

import pytest

from conftest import ARTICLES, load_stored, require_seed, stored_report
from quotecheck.render.html import render_html

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
FIXTURES = ["03-seed-coast-guard-training.txt", "24-trade-talks-descriptors.txt",
            "21-html-ice-storm.html", "18-md-council-rentals.md"]


class _Checker(HTMLParser):
    """Checks nesting; collects each quote's text (labels and markers left out) and all text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: dict[str, list[str]] = {}
        self.open_marks: list[str | None] = []
        self.sup_depth = 0
        self.cells: list[str] = []
        self.in_td = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append(tag)
        attrs = dict(attrs)
        if tag == "mark":
            self.open_marks.append(attrs.get("data-q"))
        if tag == "sup":
            self.sup_depth += 1
        if tag == "td":
            self.in_td += 1
            self.cells.append("")

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.errors.append(f"self-closing <{tag}/>")

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag == "mark":
            self.open_marks.pop()
        if tag == "sup":
            self.sup_depth -= 1
        if tag == "td":
            self.in_td -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self.in_td:
            self.cells[-1] += data
        if self.sup_depth:
            return
        for qid in {q for q in self.open_marks if q}:
            self.marks.setdefault(qid, []).append(data)


def _check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def _assert_page(report: dict, source: str) -> str:
    page = render_html(report, source)
    assert page.startswith("<!DOCTYPE html>")
    assert 'name="viewport"' in page
    lowered = page.lower()
    for banned in ("http://", "https://", "src=", "<link", "<script", "url("):
        assert banned not in lowered, banned
    checker = _check(page)
    text = "".join(checker.text)
    for quote in report["quotes"]:
        if quote["kind"] not in ("direct", "partial", "indirect"):
            continue
        inside = "".join(checker.marks.get(quote["id"], []))
        assert inside == source[quote["start"]:quote["end"]], quote["id"]
        if report["document"]["format"] == "text" and quote["kind"] != "indirect":
            assert quote["text"] in inside
    for finding in report["findings"]:
        assert finding["message"] in text
        assert finding["rule"] in text
    cells = " | ".join(checker.cells)
    for source_item in report["sources"]:
        assert source_item["name"] in cells
        if source_item["anonymous"] and not source_item["anonymity_reason"]:
            assert "no reason given" in cells
    assert report["document"]["path"] in text
    return page


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_pages(name):
    doc, _ = load_stored(ARTICLES / name)
    report = stored_report(ARTICLES / name)
    assert report["quotes"]
    _assert_page(report, doc.source)


def test_seed_page():
    seed = require_seed()
    doc, _ = load_stored(seed)
    page = _assert_page(stored_report(seed), doc.source)
    assert "anonymous" in page


def test_anonymous_quotes_marked_distinctly():
    report = stored_report(ARTICLES / "24-trade-talks-descriptors.txt")
    doc, _ = load_stored(ARTICLES / "24-trade-talks-descriptors.txt")
    page = render_html(report, doc.source)
    assert 'class="q q-direct anon"' in page
    assert '<span class="anon-tag">anonymous</span>' in page


def test_injected_script_is_escaped():
    name = "24-trade-talks-descriptors.txt"
    doc, _ = load_stored(ARTICLES / name)
    report = copy.deepcopy(stored_report(ARTICLES / name))
    last = max(max(q["end"] for q in report["quotes"]), max(f["end"] for f in report["findings"]))
    evil = "<script>alert(1)</script> <img src=x onerror=alert(2)> https://evil.example/"
    source = doc.source[:last] + evil + doc.source[last:]
    report["document"]["path"] = "<script>alert(3)</script>.txt"
    report["sources"][0]["name"] = '"><script>alert(4)</script>'
    page = _assert_page(report, source)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(3)" in page
    assert "alert(2)" in "".join(_check(page).text)


def test_overlapping_spans_nest():
    source = "He said the plan \u201cwill fail badly\u201d and more."
    q_start = source.index("\u201c")
    q_end = source.index("\u201d") + 1
    report = {
        "document": {"path": "x.txt", "format": "text", "words": 8},
        "summary": {"quotes": 1, "anonymous_share": 0},
        "quotes": [
            {"id": "q1", "kind": "indirect", "text": "the plan will fail badly",
             "start": 8, "end": q_end, "speaker": None, "cue": None},
            {"id": "q2", "kind": "partial", "text": "will fail badly",
             "start": q_start, "end": q_end, "speaker": None, "cue": None},
        ],
        "sources": [],
        "findings": [
            {"rule": "r-one", "severity": "warning", "message": "crosses the quote edge",
             "start": 3, "end": q_start + 5, "line": 1, "column": 4},
            {"rule": "r-two", "severity": "info", "message": "empty span",
             "start": 0, "end": 0, "line": 1, "column": 1},
        ],
    }
    page = _assert_page(report, source)
    assert page.count('data-q="q1"') >= 1
