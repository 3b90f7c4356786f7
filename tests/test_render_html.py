"""The annotated HTML page: well-formed, self-contained, escaped, every quote and finding shown."""

from __future__ import annotations

import copy
import re
from html.parser import HTMLParser

import pytest

from quotecheck.documents import Document, document_from_bytes
from quotecheck.render.html import render_html
from quotecheck.testing import ARTICLES, load_stored, require_seed, stored_report

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}
FIXTURES = [
    "03-seed-coast-guard-training.txt",
    "24-trade-talks-descriptors.txt",
    "21-html-ice-storm.html",
    "18-md-council-rentals.md",
]


class _Checker(HTMLParser):
    """Checks nesting; collects each quote's text (labels and markers left out), all text, and
    the text of each paragraph of the article (labels and markers left out; ``<br>`` as a
    line break)."""

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
        self.article_depth: int | None = None  # stack depth of <div class="article">
        self.paragraphs: list[str] = []
        self.in_p = False

    def _in_article(self) -> bool:
        return self.article_depth is not None and len(self.stack) >= self.article_depth

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "br":
            self._add_text("\n")
        if tag in VOID:
            return
        if tag == "p" and self._in_article():
            if self.in_p:
                self.errors.append("<p> inside <p>")
            self.in_p = True
            self.paragraphs.append("")
            for fragments in self.marks.values():  # a quotation may go on in this paragraph
                fragments.append("\n")
        self.stack.append(tag)
        if tag == "div" and attrs.get("class") == "article":
            self.article_depth = len(self.stack)
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
        if tag == "div" and self.article_depth is not None and len(self.stack) < self.article_depth:
            self.article_depth = None
        if tag == "p" and self.in_p and self._in_article():
            self.in_p = False
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
        self._add_text(data)

    def _add_text(self, data):
        if self.sup_depth:
            return
        if self.in_p:
            self.paragraphs[-1] += data
        for qid in {q for q in self.open_marks if q}:
            self.marks.setdefault(qid, []).append(data)


def _check(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.errors == []
    assert checker.stack == []
    return checker


def _squash(text: str) -> str:
    """``text`` without any whitespace (paragraph breaks and ``<br>`` leave none)."""
    return "".join(text.split())


def _words(text: str) -> str:
    return " ".join(text.split())


def _text_slice(source: str | Document, start: int, end: int) -> str:
    """The article text the source span ``[start, end)`` covers: every text character whose
    source offset lies in it (the identity for a plain string)."""
    if isinstance(source, str):
        return source[start:end]
    inside = [i for i in range(len(source.text)) if start <= source.to_source(i) < end]
    return source.text[inside[0] : inside[-1] + 1] if inside else ""


def _assert_page(report: dict, source: str | Document) -> str:
    page = render_html(report, source)
    assert page.startswith("<!DOCTYPE html>")
    assert 'name="viewport"' in page
    lowered = page.lower()
    for banned in ("http://", "https://", "src=", "<link", "<script", "url("):
        assert banned not in lowered, banned
    checker = _check(page)
    text = "".join(checker.text)
    shown = source if isinstance(source, str) else source.text
    # the article is shown paragraph by paragraph, as published
    blocks = [_words(b) for b in re.split(r"\n[ \t]*\n", shown) if b.strip()]
    assert [_words(p) for p in checker.paragraphs] == (blocks or [""])
    for quote in report["quotes"]:
        if quote["kind"] not in ("direct", "partial", "indirect"):
            continue
        inside = "".join(checker.marks.get(quote["id"], []))
        assert _squash(inside) == _squash(_text_slice(source, quote["start"], quote["end"])), quote["id"]
        if (report["document"]["format"] == "text" or not isinstance(source, str)) and quote[
            "kind"
        ] != "indirect":
            assert _words(quote["text"]) in _words(inside), quote["id"]
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
    _assert_page(report, doc)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_pages_from_source_text(name):
    """The two-argument call with the file text still works: the text is shown as it is."""
    doc, _ = load_stored(ARTICLES / name)
    _assert_page(stored_report(ARTICLES / name), doc.source)


def test_seed_page():
    seed = require_seed()
    doc, _ = load_stored(seed)
    page = _assert_page(stored_report(seed), doc)
    assert "anonymous" in page
    assert page == render_html(stored_report(seed), doc.source)  # plain text: identity map


def test_speaker_and_cue_beside_each_quotation():
    """Each label names the speaker and the cue; the cue itself is underlined in the text."""
    name = "03-seed-coast-guard-training.txt"
    report = stored_report(ARTICLES / name)
    doc, _ = load_stored(ARTICLES / name)
    page = render_html(report, doc)
    labels = re.findall(r'<sup class="lbl"[^>]*>(.*?)</sup>', page)
    direct = [q for q in report["quotes"] if q["kind"] in ("direct", "partial")]
    assert len(labels) == len(direct)
    for quote, label in zip(direct, labels, strict=True):
        if quote["cue"]:
            assert f"\u00b7 {' '.join(quote['cue']['text'].split())}" in label
    cues = re.findall(r'<span class="cue" style="[^"]+" title="cue of (q\d+)">([^<]*)</span>', page)
    with_cue = {q["id"]: q["cue"]["text"] for q in report["quotes"] if q["cue"]}
    assert cues and all(with_cue[qid].startswith(text) for qid, text in cues)
    assert {qid for qid, _ in cues} == set(with_cue)


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
            {
                "id": "q1",
                "kind": "indirect",
                "text": "the plan will fail badly",
                "start": 8,
                "end": q_end,
                "speaker": None,
                "cue": None,
            },
            {
                "id": "q2",
                "kind": "partial",
                "text": "will fail badly",
                "start": q_start,
                "end": q_end,
                "speaker": None,
                "cue": None,
            },
        ],
        "sources": [],
        "findings": [
            {
                "rule": "r-one",
                "severity": "warning",
                "message": "crosses the quote edge",
                "start": 3,
                "end": q_start + 5,
                "line": 1,
                "column": 4,
            },
            {
                "rule": "r-two",
                "severity": "info",
                "message": "empty span",
                "start": 0,
                "end": 0,
                "line": 1,
                "column": 1,
            },
        ],
    }
    page = _assert_page(report, source)
    assert page.count('data-q="q1"') >= 1


PUBLISHED = ["18-md-council-rentals.md", "23-html-nursing-home-lawsuit.html"]


def _article_html(page: str) -> str:
    start = page.index('<div class="article">')
    return page[start : page.index("</main>", start)]


def _strip_tags(fragment: str) -> str:
    """Text of an HTML fragment: labels and markers (``<sup>``) dropped, tags removed,
    references decoded, whitespace collapsed."""
    from html import unescape

    fragment = re.sub(r"<sup\b.*?</sup>", "", fragment)
    fragment = re.sub(r"<br>", " ", fragment)
    return " ".join(unescape(re.sub(r"<[^>]*>", "", fragment)).split())


@pytest.mark.parametrize("name", PUBLISHED)
def test_markup_articles_shown_as_published(name):
    path = ARTICLES / name
    doc, _ = load_stored(path)
    report = stored_report(path)
    page = _assert_page(report, doc)
    article = _article_html(page)
    paragraphs = [_strip_tags(p) for p in re.findall(r"<p>(.*?)</p>", article, re.S)]
    # no raw markup of the source file: emphasis, tags (escaped), entities, links, front matter,
    # heading markers
    assert "**" not in page and "&lt;p&gt;" not in page
    for raw in ("&lt;", "&amp;#", "&amp;ldquo;", "]("):
        assert raw not in article, raw
    for front_matter in ("---", "author:", "title:", "date:"):
        assert not any(front_matter in p for p in paragraphs), front_matter
    assert not any(re.match(r"#{1,6} ", p) for p in paragraphs)
    # a reading font, not the file shown as code
    article_css = re.search(r"\.article\{[^}]*\}", page).group()
    assert "serif" in article_css and "monospace" not in article_css
    assert "pre-wrap" not in page
    # every direct quote's text is inside its <mark> (tags between stripped)
    direct = [q for q in report["quotes"] if q["kind"] == "direct"]
    assert direct
    for quote in direct:
        opens = list(re.finditer(rf'<mark [^>]*data-q="{quote["id"]}"[^>]*>', article))
        assert opens, quote["id"]
        end = article.index("</mark>", opens[-1].end())
        assert " ".join(quote["text"].split()) in _strip_tags(article[opens[0].end() : end])
    # the published text of every block appears, each block its own <p>, in order
    assert paragraphs == [" ".join(b.split()) for b in doc.text.split("\n\n")]


def test_paragraph_breaks_close_and_reopen_spans():
    """A quotation and a finding crossing a paragraph break are split into nested fragments."""
    source = "He said: \u201cOne thing.\n\nAnother thing.\u201d Then\nhe left."
    q_start = source.index("\u201c")
    q_end = source.index("\u201d") + 1
    report = {
        "document": {"path": "p.txt", "format": "text", "words": 9},
        "summary": {"quotes": 1},
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "text": "One thing. Another thing.",
                "start": q_start,
                "end": q_end,
                "speaker": {"source_id": "s1", "resolution": "explicit", "mention": {"text": "He"}},
                "cue": {"text": "said"},
            }
        ],
        "sources": [
            {
                "id": "s1",
                "name": "Sam Doe",
                "type": "named_person",
                "anonymous": False,
                "anonymity_reason": None,
            }
        ],
        "findings": [
            {
                "rule": "r-cross",
                "severity": "warning",
                "message": "crosses",
                "start": source.index("thing"),
                "end": source.index("Another") + 7,
                "line": 1,
                "column": 15,
            }
        ],
    }
    page = _assert_page(report, source)
    article = _article_html(page)
    assert article.count("<p>") == 2
    assert article.count('data-q="q1"') == 2 and article.count('class="f f-warning"') == 2
    assert article.count('>Doe <span class="cue-tag">\u00b7 said</span></sup>') == 1
    assert "Then<br>he left." in article
    first, second = re.findall(r"<p>(.*?)</p>", article)
    assert first.endswith("</span></mark>") and second.startswith("<mark ")


def test_spans_in_markup_snap_to_text():
    """Offsets inside markup snap: a start to the next text character, an end to just after
    the previous one; a span with no text keeps its marker."""
    source = "# Title\n\nHe said **\u201cbold words\u201d** today.\nNext line.\n"
    doc = document_from_bytes(source.encode(), "snap.md")
    assert doc.text == "Title\n\nHe said \u201cbold words\u201d today.\nNext line."
    start = source.index("**")  # the markup before the quotation
    end = source.index("**", start + 2) + 2  # just past the markup after it
    report = {
        "document": {"path": "snap.md", "format": "markdown", "words": 7},
        "summary": {"quotes": 1},
        "quotes": [
            {
                "id": "q1",
                "kind": "direct",
                "text": "bold words",
                "start": start,
                "end": end,
                "speaker": None,
                "cue": None,
            }
        ],
        "sources": [],
        "findings": [
            {
                "rule": "r-heading",
                "severity": "info",
                "message": "on the heading marker",
                "start": 0,
                "end": 2,
                "line": 1,
                "column": 1,
            },
            {
                "rule": "r-quote",
                "severity": "warning",
                "message": "on the quotation",
                "start": start,
                "end": end,
                "line": 3,
                "column": 9,
            },
        ],
    }
    page = _assert_page(report, doc)
    article = _article_html(page)
    checker = _check(page)
    assert "".join(checker.marks["q1"]) == "\u201cbold words\u201d"
    assert "**" not in page and "# Title" not in article
    assert '<p><sup class="fn fn-info" id="m1">' in article  # the heading marker: no text
    assert article.count('class="f f-') == 1
    assert "today.<br>Next line." in article


# -- issue 12: the page reads as the article does ----------------------------------------------

INTERVIEW_MD = (
    '---\ntitle: Mayor says "no" to the bridge\n---\n'
    "# Mayor says no\n\nThe mayor spoke on Monday.\n\n"
    "> We will not rebuild the bridge.\n>\n> Not this year.\n\n"
    "**Q:** Why not?\n\n**A:** There is no money.\n"
)


def _md_page(source: str) -> tuple[Document, str]:
    doc = document_from_bytes(source.encode(), "interview.md")
    report = {"document": {"path": "interview.md", "format": "markdown", "words": 20}, "quotes": []}
    return doc, render_html(report, doc)


def test_page_shows_headings_block_quotes_and_interview_labels():
    """Headings, block quotes and bold Q:/A: labels survive into the page (Document.blocks)."""
    _, page = _md_page(INTERVIEW_MD)
    article = _article_html(page)
    assert '<div class="hd" role="heading" aria-level="2"><p>Mayor says no</p></div>' in article
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", article, re.S)
    assert len(quotes) == 1 and quotes[0].count("<p>") == 2 and "Not this year." in quotes[0]
    assert "<p><strong>Q:</strong> Why not?</p>" in article
    assert "<p><strong>A:</strong> There is no money.</p>" in article
    _check(page)


def test_page_header_names_the_article_by_its_title():
    _, page = _md_page(INTERVIEW_MD)
    assert "<h1>Mayor says &quot;no&quot; to the bridge</h1>" in page
    assert "interview.md" in page  # the path is still shown, below the title
    _, untitled = _md_page("# First heading\n\nBody.\n")
    assert "<h1>First heading</h1>" in untitled


def test_source_types_and_ground_rules_in_words():
    name = "16-off-record-not-for-attribution.txt"
    doc, _ = load_stored(ARTICLES / name)
    page = render_html(stored_report(ARTICLES / name), doc)
    cells = " | ".join(_check(page).cells)
    assert "named_person" not in cells and "anonymous_individual" not in cells
    assert "not_for_attribution" not in cells and "off_the_record" not in cells
    assert "not for attribution" in cells or "off the record" in cells
