"""Tests for quotecheck.documents: reading articles and mapping article text to the source."""

from __future__ import annotations

import hashlib
import html
import io
import re
import sys
from pathlib import Path

import pytest

from quotecheck.documents import (
    EXTENSIONS,
    FORMATS,
    BlockKind,
    Document,
    InputError,
    detect_format,
    document_from_bytes,
    read_document,
)
from quotecheck.documents.blocks import paragraph_spans

_Q_TAG = re.compile(r"</?q\b[^>]*>", re.I)
_BLOCK_QUOTE_TAG = re.compile(
    r"</(?:blockquote|p|div)\s*>|<(?:blockquote|p|div|footer)\b[^>]*>", re.IGNORECASE
)
_BR_TAG = re.compile(r"<br\b[^>]*>", re.I)


def assert_faithful(doc: Document) -> None:
    """Every article-text character is accounted for by the source text it maps to.

    - ``to_source`` is non-decreasing and in range;
    - a character copied verbatim maps to the same character;
    - a decoded entity / character reference maps to a source span that decodes to it;
    - a newline maps to a line terminator (soft break), or to a ``<br>`` tag;
    - an HTML collapsed-whitespace space maps to one whitespace character;
    - curly quotes made for ``<q>`` map to the ``<q>``/``</q>`` tags, and those opening and
      closing an unmarked ``<blockquote>`` to its tags, its paragraphs' opening tags or the
      ``<footer>`` (its attribution) that ends it, or the end tag before a dash-led credit;
      those of a Markdown block quote with a dash-led credit to its ``>`` markers;
    - the "\\n\\n" block separators map (empty span) to the end of the previous character's
      source.
    """
    text, source = doc.text, doc.source
    previous = 0
    previous_end = 0
    for i, c in enumerate(text):
        s = doc.to_source(i)
        a, b = doc.source_span(i, i + 1)
        assert a == s
        assert previous <= s <= len(source), (i, c, s, previous)
        raw = source[a:b]
        if raw == "":  # synthetic block separator
            assert c == "\n", (i, c)
            assert text[i - 1 : i + 1] == "\n\n" or text[i : i + 2] == "\n\n"
            assert s == previous_end, (i, s, previous_end)
        elif (
            raw == c
            or (c == "\n" and raw in ("\r\n", "\r"))
            or (c == "\n" and _BR_TAG.fullmatch(raw))
            or (c == " " and len(raw) == 1 and raw in " \t\n\r\f")
            or (raw.startswith("&") and c in html.unescape(raw) and html.unescape(raw) != raw)
            or (c in "“”‘’" and _Q_TAG.fullmatch(raw))
            or (c in "“”" and _BLOCK_QUOTE_TAG.fullmatch(raw))
            or (c in "“”" and raw == ">")  # a Markdown block quote's marks: its > markers
        ):
            pass
        else:
            pytest.fail(f"article char {i} {c!r} maps to source {a}:{b} {raw!r}")
        previous = s
        if raw:
            previous_end = b
    assert doc.to_source(len(text)) >= doc.to_source(len(text) - 1) + 1


def loc(doc: Document, needle: str, occurrence: int = 0) -> dict[str, int]:
    """Source location of the ``occurrence``-th ``needle`` in the article text."""
    starts = [m.start() for m in re.finditer(re.escape(needle), doc.text)]
    start = starts[occurrence]
    return doc.location(start, start + len(needle))


def md(source: str, name: str = "a.md") -> Document:
    return document_from_bytes(source.encode("utf-8"), name)


def htm(source: str, name: str = "a.html") -> Document:
    return document_from_bytes(source.encode("utf-8"), name)


# --------------------------------------------------------------------------------------------
# Interface constants and format detection


def test_formats_and_extensions() -> None:
    assert FORMATS == ("text", "markdown", "html")
    assert EXTENSIONS == {
        ".txt": "text",
        ".text": "text",
        ".md": "markdown",
        ".markdown": "markdown",
        ".mdx": "markdown",
        ".html": "html",
        ".htm": "html",
    }


@pytest.mark.parametrize(
    "path,explicit,expected",
    [
        ("a.txt", None, "text"),
        ("dir/a.MD", None, "markdown"),
        ("a.markdown", None, "markdown"),
        ("a.mdx", None, "markdown"),
        ("a.htm", None, "html"),
        ("a.HTML", None, "html"),
        ("a.rst", None, "text"),
        ("noext", None, "text"),
        ("-", None, "text"),
        ("a.md", "html", "html"),
        ("a.html", "text", "text"),
        ("a.txt", "markdown", "markdown"),
    ],
)
def test_detect_format(path: str, explicit: str | None, expected: str) -> None:
    assert detect_format(path, explicit) == expected


def test_detect_format_rejects_unknown_explicit_format() -> None:
    with pytest.raises(ValueError, match="pdf"):
        detect_format("a.md", "pdf")


# --------------------------------------------------------------------------------------------
# Plain text


def test_plain_text_is_identity() -> None:
    raw = "Line one “quoted” é 😀\r\nLine two\rLine three\n".encode()
    doc = document_from_bytes(raw, "story.txt")
    assert doc.format == "text"
    assert doc.path == "story.txt"
    assert doc.text == doc.source == raw.decode()
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.metadata == {}
    assert all(doc.to_source(i) == i for i in range(len(doc.text) + 1))
    assert doc.source_span(5, 8) == (5, 8)
    assert doc._offsets is not None and doc._offsets.run_count == 1
    assert_faithful(doc)


def test_line_col_crlf_cr_lf_and_multibyte() -> None:
    source = "ab\r\ncé😀d\re\nf"
    doc = document_from_bytes(source.encode(), "t.txt")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(2) == (1, 3)  # the \r of \r\n
    assert doc.line_col(3) == (1, 4)  # the \n of \r\n is still on line 1
    assert doc.line_col(4) == (2, 1)
    assert doc.line_col(source.index("d")) == (2, 4)  # é and 😀 are one character each
    assert doc.line_col(source.index("e")) == (3, 1)  # lone \r ends a line
    assert doc.line_col(source.index("f")) == (4, 1)
    assert doc.line_col(len(source)) == (4, 2)
    assert doc.line_count == 4
    with pytest.raises(IndexError):
        doc.line_col(len(source) + 1)


@pytest.mark.parametrize(
    "source,lines",
    [
        ("a", 1),
        ("a\n", 1),
        ("a\nb", 2),
        ("a\nb\n", 2),
        ("a\r\n\r\nb\r\n", 3),
        ("a\n\n", 2),
    ],
)
def test_line_count(source: str, lines: int) -> None:
    assert document_from_bytes(source.encode(), "t.txt").line_count == lines


def test_bom_is_removed_but_hashed() -> None:
    raw = b"\xef\xbb\xbfHello\nworld"
    doc = document_from_bytes(raw, "t.txt")
    assert doc.source == "Hello\nworld"
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.location(6, 11) == {"start": 6, "end": 11, "line": 2, "column": 1}


def test_to_source_bounds_and_location() -> None:
    doc = document_from_bytes(b"abc\ndef", "t.txt")
    assert doc.to_source(len(doc.text)) == len(doc.source)
    with pytest.raises(IndexError):
        doc.to_source(-1)
    with pytest.raises(IndexError):
        doc.to_source(len(doc.text) + 1)
    assert doc.location(4, 7) == {"start": 4, "end": 7, "line": 2, "column": 1}
    assert doc.source_span(2, 2) == (2, 2)


def test_document_constructed_directly() -> None:
    doc = Document("x.txt", "text", "hi there", "hi there", "0" * 64, {})
    assert doc.to_source(3) == 3 and doc.location(3, 8)["column"] == 4
    with pytest.raises(ValueError):
        Document("x.md", "markdown", "*hi*", "hi", "0" * 64, {})


# --------------------------------------------------------------------------------------------
# Errors


def _error(tmp_path, name: str, data: bytes) -> InputError:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_document(str(path))
    err = info.value
    assert err.path == str(path)
    assert str(err) == f"{path}: {err.reason}"
    assert "\n" not in str(err)
    return err


def test_error_missing_file(tmp_path) -> None:
    path = str(tmp_path / "nope.md")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}: no such file or directory"


def test_error_directory(tmp_path) -> None:
    with pytest.raises(InputError) as info:
        read_document(str(tmp_path))
    assert str(info.value) == f"{tmp_path}: is a directory"


def test_error_permission_denied(tmp_path, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError) as info:
        read_document(str(path))
    assert str(info.value) == f"{path}: permission denied"


def test_error_invalid_utf8_names_byte_offset(tmp_path) -> None:
    err = _error(tmp_path, "bad.txt", "café ".encode() + b"\xff tail")
    assert err.reason == "invalid UTF-8 at byte offset 6 (byte 0xff)"


def test_error_latin1_file(tmp_path) -> None:
    err = _error(tmp_path, "latin.md", "d\xe9j\xe0 vu".encode("latin-1"))
    assert err.reason.startswith("invalid UTF-8 at byte offset 1 ")


def test_error_binary_file(tmp_path) -> None:
    err = _error(tmp_path, "img.txt", b"GIF89a\x00\x01\x02")
    assert err.reason == "binary file (NUL byte at byte offset 6)"


def test_error_utf16_file(tmp_path) -> None:
    err = _error(tmp_path, "u16.txt", "hello".encode("utf-16"))
    assert "UTF-16" in err.reason


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b" \n\t\r\n  "])
def test_empty_and_blank_files_are_empty_articles(tmp_path, data: bytes) -> None:
    """An empty article is checked as an article with nothing in it, not an input error."""
    path = tmp_path / "e.txt"
    path.write_bytes(data)
    doc = read_document(str(path))
    assert doc.text.strip() == "" and doc.blocks == ()


@pytest.mark.parametrize(
    "name,data",
    [
        ("code.md", b"```\nprint('hi')\n```\n\n    indented\n"),
        ("fm.md", b"---\ntitle: Only metadata\n---\n"),
        ("html.md", b"<div>\n<p>an HTML block</p>\n</div>\n\n<!-- comment -->\n"),
        ("img.md", b"![just an image](pic.png)\n"),
        ("script.html", b"<html><head><title>T</title></head><body><script>x()</script></body>"),
        ("nav.html", b"<nav>Home | World</nav><!-- nothing -->"),
    ],
)
def test_markup_without_article_text_is_an_empty_article(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(str(path))
    assert (doc.text, doc.blocks) == ("", ())


def test_read_document_from_file_and_stdin(tmp_path, monkeypatch) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"# Title\n\nBody *text*.\n")
    doc = read_document(str(path))
    assert (doc.path, doc.format, doc.text) == (str(path), "markdown", "Title\n\nBody text.")
    assert read_document(str(path), "text").text == "# Title\n\nBody *text*.\n"

    class FakeStdin:
        buffer = io.BytesIO(b"<p>From &amp; stdin</p>")

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    doc = read_document("-", "html")
    assert (doc.path, doc.format, doc.text) == ("<stdin>", "html", "From & stdin")

    FakeStdin.buffer = io.BytesIO(b"")
    assert (read_document("-").path, read_document("-").text) == ("<stdin>", "")


# --------------------------------------------------------------------------------------------
# Markdown

RICH_MD = """---
title: "Troops: the long view"
author: Jane Roe
date: 2024-05-01
section: World  # a comment
tags:
  - nato
---
# NATO *expands* training ##

The general said: “We will **not** leave,” according to [a *NATO* statement](https://nato.int/said "said it")
and added that Iraq\\*s army &amp; police need &ldquo;time&rdquo; — café, naïve, 😀.

> “This is a *block* quote,” he said.
> It runs over two lines.

- First item with `code said` inside
  - Nested item said
- Second item<br>with inline HTML

1. Ordered [ref link][r] said
2. ![photo said](p.png) Caption said

| Name | Said |
|------|------|
| Jones | “Yes” \\| no |

```python
print("fenced code said")
```

    indented code said

<div>
HTML block said
</div>

<!-- a comment said -->

[r]: https://example.com/said "said"

Final paragraph.
"""


def test_markdown_rich_text_and_faithful() -> None:
    doc = md(RICH_MD)
    assert doc.format == "markdown"
    blocks = doc.text.split("\n\n")
    assert blocks == [
        "NATO expands training",
        "The general said: “We will not leave,” according to a NATO statement\n"
        "and added that Iraq*s army & police need “time” — café, naïve, 😀.",
        "“This is a block quote,” he said.\nIt runs over two lines.",
        "First item with  inside",
        "Nested item said",
        "Second itemwith inline HTML",
        "Ordered ref link said",
        "Caption said",
        "Name",
        "Said",
        "Jones",
        "“Yes” | no",
        "Final paragraph.",
    ]
    assert_faithful(doc)


def test_markdown_front_matter_metadata_and_positions() -> None:
    doc = md(RICH_MD)
    assert doc.metadata == {
        "title": "Troops: the long view",
        "author": "Jane Roe",
        "date": "2024-05-01",
        "section": "World",
        "tags": ["nato"],  # a block list (the hand-written parser before PyYAML dropped it)
    }
    # "NATO" of the heading is on line 9 (after 8 front-matter lines), column 3
    assert loc(doc, "NATO") == {
        "start": RICH_MD.index("NATO"),
        "end": RICH_MD.index("NATO") + 4,
        "line": 9,
        "column": 3,
    }
    final = RICH_MD.index("Final paragraph.")
    assert loc(doc, "Final paragraph.") == {
        "start": final,
        "end": final + 16,
        "line": RICH_MD[:final].count("\n") + 1,
        "column": 1,
    }


def test_markdown_skips_code_urls_html_and_definitions() -> None:
    doc = md(RICH_MD)
    for dropped in [
        "fenced code",
        "indented code",
        "HTML block",
        "a comment",
        "https://",
        "nato.int",
        "example.com",
        "p.png",
        "photo",
        "code said",
        "<br>",
        "```",
        "tags",
        "nato\n",
    ]:
        assert dropped not in doc.text, dropped


def test_markdown_said_occurrences_map_to_prose() -> None:
    """Every "said" in the article text maps to a "said" in prose, never into a URL, link
    title, code span, image or definition that precedes it."""
    doc = md(RICH_MD)
    prose_said = [
        RICH_MD.index("general said") + 8,
        RICH_MD.index("he said") + 3,
        RICH_MD.index("Nested item said") + 12,
        RICH_MD.index("][r] said") + 5,
        RICH_MD.index("Caption said") + 8,
        RICH_MD.index("| Said |") + 2,
    ]
    expected = sorted(prose_said)
    got = [doc.to_source(m.start()) for m in re.finditer(r"(?i)said", doc.text)]
    assert got == expected


def test_markdown_emphasis_link_escape_entity_positions() -> None:
    src = "A *b* __c__ [d *e*](http://x/f) g\\*h &amp; i &#8220;j&#x201D;"
    doc = md(src)
    assert doc.text == "A b c d e g*h & i “j”"
    for word in "Abcdegij":
        assert src[loc(doc, word)["start"]] == word
    star = doc.text.index("*")
    assert doc.to_source(star) == src.index("\\*") + 1  # the escaped char itself
    amp = doc.text.index("&")
    assert doc.source_span(amp, amp + 1) == (src.index("&amp;"), src.index("&amp;") + 5)
    q = doc.text.index("“")
    assert doc.source_span(q, q + 3) == (src.index("&#8220;"), len(src))
    assert_faithful(doc)


def test_markdown_repeated_words_map_forward() -> None:
    src = "said said *said* [said](said) said `said` said"
    doc = md(src)
    assert doc.text == "said said said said said  said"
    got = [doc.to_source(m.start()) for m in re.finditer("said", doc.text)]
    assert got == [0, 5, 11, 18, 30, 42]


@pytest.mark.parametrize(
    "src,expected",
    [
        ('[a](/u "he said") said', 18),
        ("[a](</my said>) said", 16),
        ("![a [said] c](u) said", 17),
        ("![photo said](p.png) said", 21),
        ("`said` said", 7),
        ("`he said` said", 10),
        ('<span title="said">x</span> said', 28),
        ("<http://said.com> said", 18),
        ("[x][r] said\n\n[r]: /said", 7),
        ("[link](http://x.com/said)\nsaid", 26),
    ],
)
def test_markdown_dropped_constructs_do_not_capture_next_word(src: str, expected: int) -> None:
    doc = md(src)
    assert doc.to_source(doc.text.rindex("said")) == expected


def test_markdown_list_marker_digits_and_heading_markers() -> None:
    doc = md("1. 1\n2. 2 said\n\n# # tag #\n")
    assert doc.text == "1\n\n2 said\n\n# tag"
    assert doc.to_source(0) == 3
    assert doc.to_source(doc.text.index("2")) == 8
    assert doc.to_source(doc.text.index("# tag")) == 18
    assert_faithful(doc)


def test_markdown_blockquotes_are_article_text() -> None:
    src = "Intro.\n\n> “We stay,” she said.\n> > Nested quote.\n>\n> Back out.\n"
    doc = md(src)
    assert doc.text == "Intro.\n\n“We stay,” she said.\n\nNested quote.\n\nBack out."
    assert ">" not in doc.text
    assert loc(doc, "“We") == {"start": 10, "end": 13, "line": 3, "column": 3}
    assert loc(doc, "Nested")["column"] == 5
    assert loc(doc, "Back")["line"] == 6


def test_markdown_lazy_blockquote_continuation() -> None:
    src = "> > Nested quote\n> lazy line said\n"
    doc = md(src)
    assert doc.text == "Nested quote\nlazy line said"  # CommonMark: a lazy continuation
    assert loc(doc, "lazy") == {"start": 19, "end": 23, "line": 2, "column": 3}
    assert_faithful(doc)
    assert_faithful(doc)


def test_markdown_nested_lists_and_multiline_items() -> None:
    src = "- one\n  continued here\n  - two\n    - three said\n\n    para in three\n"
    doc = md(src)
    assert doc.text == "one\ncontinued here\n\ntwo\n\nthree said\n\npara in three"
    assert loc(doc, "continued") == {"start": 8, "end": 17, "line": 2, "column": 3}
    assert loc(doc, "three said")["column"] == 7
    assert loc(doc, "para in three") == {
        "start": src.index("para"),
        "end": len(src) - 1,
        "line": 6,
        "column": 5,
    }
    assert_faithful(doc)


def test_markdown_crlf_and_multibyte() -> None:
    src = "---\r\ntitle: “Curly” é\r\n---\r\nÉlan said “ok”\r\nnext 😀 line\r\n\r\nLast.\r\n"
    doc = md(src)
    assert doc.metadata == {"title": "“Curly” é"}
    assert doc.text == "Élan said “ok”\nnext 😀 line\n\nLast."
    assert loc(doc, "“ok”") == {
        "start": src.index("“ok”"),
        "end": src.index("“ok”") + 4,
        "line": 4,
        "column": 11,
    }
    assert loc(doc, "line") == {
        "start": src.index("line"),
        "end": src.index("line") + 4,
        "line": 5,
        "column": 8,
    }
    assert loc(doc, "Last.")["line"] == 7
    soft = doc.text.index("\n")
    assert doc.source_span(soft, soft + 1) == (src.index("\r\nnext"), src.index("next"))
    assert_faithful(doc)


def test_markdown_lone_cr_line_endings() -> None:
    src = "One\rtwo “three”\r\r> four\r"
    doc = md(src)
    assert doc.text == "One\ntwo “three”\n\nfour"
    assert loc(doc, "four") == {
        "start": src.index("four"),
        "end": src.index("four") + 4,
        "line": 4,
        "column": 3,
    }
    assert_faithful(doc)


def test_markdown_tables_cells_are_blocks() -> None:
    src = "| a | a |\n|---|---|\n| b \\| c | a |\nd | a\na | a\n"
    doc = md(src)
    assert doc.text == "a\n\na\n\nb | c\n\na\n\nd\n\na\n\na\n\na"
    got = [doc.to_source(m.start()) for m in re.finditer("a", doc.text)]
    assert got == [2, 6, 31, 39, 41, 45]
    assert doc.to_source(doc.text.index("|")) == src.index("\\|") + 1
    assert_faithful(doc)


def test_markdown_toml_front_matter() -> None:
    src = '+++\ntitle = "T"\ndate = 2024-01-02T03:04:05Z\nauthors = ["A", "B"]\n+++\n\nBody.\n'
    doc = md(src)
    assert doc.metadata == {"title": "T", "date": "2024-01-02T03:04:05+00:00", "authors": ["A", "B"]}
    assert doc.text == "Body."
    assert loc(doc, "Body.") == {
        "start": src.index("Body"),
        "end": src.index("Body") + 5,
        "line": 7,
        "column": 1,
    }


def test_markdown_unclosed_front_matter_is_not_metadata() -> None:
    doc = md("---\ntitle: x\n\nText.\n")
    assert doc.metadata == {}
    assert doc.text == "title: x\n\nText."


def test_markdown_hard_breaks_and_trailing_spaces() -> None:
    src = "one  \ntwo\\\nthree   \nfour"
    doc = md(src)
    assert doc.text == "one\ntwo\nthree\nfour"
    assert [doc.to_source(m.start()) for m in re.finditer(r"\n", doc.text)] == [5, 10, 19]
    assert_faithful(doc)


def test_markdown_tabs_in_list_items() -> None:
    src = "-\tTabbed item said\n\n\tstill item\n"
    doc = md(src)
    assert doc.text == "Tabbed item said\n\nstill item"
    assert doc.to_source(0) == 2
    assert loc(doc, "still")["column"] == 2
    assert_faithful(doc)


def test_markdown_large_document_is_fast_enough() -> None:
    para = (
        "The minister said “we will not *comply*” with [the rules](http://x.org/said) "
        "&amp; é 😀, officials said. "
    ) * 8
    src = "\n\n".join(para for _ in range(120))  # about 100 KB
    doc = md(src)
    assert len(src) > 90_000
    assert doc.text.count("\n\n") == 119
    said = [doc.to_source(m.start()) for m in re.finditer("said", doc.text)]
    assert all(src[s : s + 4] == "said" for s in said)
    assert len(said) == 120 * 8 * 2
    assert doc._offsets is not None and doc._offsets.run_count < len(doc.text) / 8


# --------------------------------------------------------------------------------------------
# HTML

RICH_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <title>Troops &amp; Training | The Daily</title>
  <meta name="author" content="Jane Roe">
  <meta name="date" content="2024-05-01">
  <meta property="article:section" content="World">
  <style>p { color: red; } /* said */</style>
  <script>var said = "<p>not text</p>";</script>
</head>
<body>
  <nav><a href="/">Home</a> said</nav>
  <header><p>Site banner</p></header>
  <main>
    <p>Main but outside article</p>
    <article>
      <h1>NATO  <em>expands</em>
          training</h1>
      <p>The general said: &ldquo;We will <strong>not</strong> leave,&rdquo; according to
         <a href="https://nato.int/said">a NATO statement</a>.</p>
      <p>Caf&eacute; &amp; na&#239;ve &#x1F600; &mdash; <q>we <q>quote</q> it</q>, he said.</p>
      <!-- <p>commented out said</p> -->
      <blockquote><p>First line<br>second   line</p></blockquote>
      <ul><li>One said<li>Two</ul>
      <table><tr><th>Name</th><td>Jones</td></tr></table>
      <aside><p>Related: other story said</p></aside>
      <noscript>Enable JS said</noscript>
      <template><p>template said</p></template>
      <figure><img src="x.png" alt="alt said"><figcaption>A caption.</figcaption></figure>
      <footer>Copyright said</footer>
    </article>
  </main>
  <footer>Site footer said</footer>
</body>
</html>
"""


def test_html_rich_text_and_faithful() -> None:
    doc = htm(RICH_HTML)
    assert doc.format == "html"
    assert doc.text.split("\n\n") == [
        "NATO expands training",
        "The general said: “We will not leave,” according to a NATO statement.",
        "Café & naïve 😀 — “we ‘quote’ it”, he said.",
        "“First line\nsecond line”",  # a <blockquote> is a quotation: marks mapped to its tags
        "One said",
        "Two",
        "Name",
        "Jones",
        "A caption.",
    ]
    assert_faithful(doc)


def test_html_metadata() -> None:
    doc = htm(RICH_HTML)
    assert doc.metadata == {
        "title": "Troops & Training | The Daily",
        "author": "Jane Roe",
        "date": "2024-05-01",
        "section": "World",
    }


def test_html_skipped_elements() -> None:
    doc = htm(RICH_HTML)
    for dropped in [
        "not text",
        "color",
        "Home",
        "Site banner",
        "Main but outside",
        "commented",
        "Related",
        "Enable JS",
        "template",
        "alt said",
        "Copyright",
        "Site footer",
        "<",
        "&amp;",
    ]:
        assert dropped not in doc.text, dropped
    # only prose "said"s remain, and they map onto prose
    said = [doc.to_source(m.start()) for m in re.finditer("said", doc.text)]
    assert said == [
        RICH_HTML.index("general said") + 8,
        RICH_HTML.index("he said") + 3,
        RICH_HTML.index("One said") + 4,
    ]


def test_html_positions() -> None:
    doc = htm(RICH_HTML)
    start = RICH_HTML.index("expands")
    line = RICH_HTML[:start].count("\n") + 1
    column = start - RICH_HTML.rindex("\n", 0, start)
    assert loc(doc, "expands") == {"start": start, "end": start + 7, "line": line, "column": column}
    # the collapsed whitespace between "expands</em>" and "training" maps to its first char
    space = doc.text.index(" training")
    assert doc.to_source(space) == RICH_HTML.index("\n          training")
    # a decoded entity spans the whole reference
    e = doc.text.index("é")
    assert doc.source_span(e, e + 1) == (RICH_HTML.index("&eacute;"), RICH_HTML.index("&eacute;") + 8)
    emoji = doc.text.index("😀")
    assert doc.source[doc.to_source(emoji) :].startswith("&#x1F600;")
    # the quotation “We will not leave,” spans from &ldquo; to the end of &rdquo;
    q = doc.text.index("“We")
    q_end = doc.text.index("”", q) + 1
    s, e2 = doc.source_span(q, q_end)
    assert RICH_HTML[s:e2].startswith("&ldquo;We will <strong>not</strong> leave,")
    assert RICH_HTML[s:e2].endswith("&rdquo;")


def test_html_q_elements_become_curly_quotes() -> None:
    src = '<p>He said <q cite="x">we   stay</q> and <q>we <q>really</q> go</q>.</p>'
    doc = htm(src)
    assert doc.text == "He said “we stay” and “we ‘really’ go”."
    o = doc.text.index("“")
    assert doc.source_span(o, o + 1) == (
        src.index('<q cite="x">'),
        src.index('<q cite="x">') + len('<q cite="x">'),
    )
    c = doc.text.index("”")
    assert doc.source_span(c, c + 1) == (src.index("</q>"), src.index("</q>") + 4)
    assert doc.source_span(o, c + 1) == (src.index("<q "), src.index("</q>") + 4)
    inner_open = doc.text.index("‘")
    assert doc.to_source(inner_open) == src.index("<q>really")
    assert_faithful(doc)


def test_html_q_whitespace_inside_is_trimmed() -> None:
    doc = htm("<p>a <q> spaced words </q> b</p>")
    assert doc.text == "a “spaced words” b"
    assert_faithful(doc)


def test_html_prefers_article_then_main_then_body() -> None:
    article = htm(
        "<body><p>Outside</p><main><p>Main</p><article><p>Story</p></article>"
        "</main><article><p>Second story</p></article></body>"
    )
    assert article.text == "Story\n\nSecond story"
    main = htm("<body><p>Outside</p><main><p>Main text</p></main><p>After</p></body>")
    assert main.text == "Main text"
    body = htm("<html><body><div>Just <b>body</b></div><p>More</p></body></html>")
    assert body.text == "Just body\n\nMore"
    fragment = htm("Loose text <em>with</em> markup")
    assert fragment.text == "Loose text with markup"


def test_html_article_inside_skipped_element_does_not_count() -> None:
    doc = htm("<body><aside><article><p>Teaser</p></article></aside><p>Real story</p></body>")
    assert doc.text == "Real story"


def test_html_empty_article_falls_back_to_body() -> None:
    doc = htm("<body><article><script>x()</script></article><p>Story</p></body>")
    assert doc.text == "Story"


def test_html_whitespace_entities_and_unknown_references() -> None:
    src = "<p>\n  AT&T &foo; &amp &nbsp;x&#32;y  &lt;b&gt; &#8220;q&#8221;\t</p>"
    doc = htm(src)
    assert doc.text == "AT&T &foo; & \xa0x y <b> “q”"
    assert doc.to_source(0) == src.index("AT")
    amp = doc.text.index("& ")
    assert doc.source_span(amp, amp + 1) == (src.index("&amp "), src.index("&amp ") + 4)
    assert_faithful(doc)


def test_html_broken_numeric_reference_does_not_swallow_tags() -> None:
    doc = htm("<p>Tag &#foo; here</p><p>Next <b>bold</b></p>")
    assert doc.text == "Tag &#foo; here\n\nNext bold"
    assert_faithful(doc)


def test_html_br_and_blocks() -> None:
    src = "<div>a<div>b</div>c</div><p>one <br> two<br/><br>three<br></p><ul><li>x<li>y</ul>"
    doc = htm(src)
    assert doc.text == "a\n\nb\n\nc\n\none\ntwo\n\nthree\n\nx\n\ny"
    first_br = doc.text.index("one\n") + 3
    assert doc.source_span(first_br, first_br + 1) == (src.index("<br>"), src.index("<br>") + 4)
    assert_faithful(doc)


def test_html_pre_keeps_whitespace() -> None:
    src = "<pre>\r\n  a  b\r\n c\rd</pre><p>after</p>"
    doc = htm(src)
    assert doc.text == "a  b\n c\nd\n\nafter"
    assert doc.to_source(0) == src.index("a  b")
    assert_faithful(doc)


def test_html_crlf_and_cr_positions() -> None:
    src = "<html>\r\n<body>\r\n<p>Hello\r\n  “world” é😀 said</p>\r\n<p>two</p></body></html>"
    doc = htm(src)
    assert doc.text == "Hello “world” é😀 said\n\ntwo"
    assert loc(doc, "said") == {
        "start": src.index("said"),
        "end": src.index("said") + 4,
        "line": 4,
        "column": 14,
    }
    assert loc(doc, "two") == {"start": src.index("two"), "end": src.index("two") + 3, "line": 5, "column": 4}
    cr = "<p>one\r<b>two</b>\rthree</p>\r<p>four &amp; five</p>"
    doc = htm(cr)
    assert doc.text == "one two three\n\nfour & five"
    assert loc(doc, "three") == {
        "start": cr.index("three"),
        "end": cr.index("three") + 5,
        "line": 3,
        "column": 1,
    }
    assert loc(doc, "five") == {
        "start": cr.index("five"),
        "end": cr.index("five") + 4,
        "line": 4,
        "column": 15,
    }
    assert_faithful(doc)


def test_html_mixed_line_endings() -> None:
    # HTMLParser counts lines on \n only; a lone \r before a \n must not shift positions
    src = "<p>one\rtwo</p>\n<p>three\r\nfour</p>\r<p>five</p>"
    doc = htm(src)
    assert doc.text == "one two\n\nthree four\n\nfive"
    for word, line, column in [("two", 2, 1), ("three", 3, 4), ("four", 4, 1), ("five", 5, 4)]:
        start = src.index(word)
        assert loc(doc, word) == {"start": start, "end": start + len(word), "line": line, "column": column}
    assert_faithful(doc)


def test_html_head_without_end_tag_is_closed_by_body_content() -> None:
    doc = htm("<html><head><title>T</title><p>Implicit body</p>")
    assert doc.text == "Implicit body"
    assert doc.metadata == {"title": "T"}


def test_html_unclosed_title_ends_at_body_content() -> None:
    doc = htm("<title>Headline <p>Story text</p>")
    assert doc.metadata == {"title": "Headline"}
    assert doc.text == "Story text"


def test_html_large_document() -> None:
    para = "<p>The minister said &ldquo;we will <em>not</em> comply&rdquo;, officials said.</p>\n"
    src = "<html><body><article>" + para * 1200 + "</article></body></html>"
    doc = htm(src)
    assert len(src) > 90_000
    said = [doc.to_source(m.start()) for m in re.finditer("said", doc.text)]
    assert len(said) == 2400 and all(src[s : s + 4] == "said" for s in said)
    assert doc.line_count == 1201


# --------------------------------------------------------------------------------------------
# Robustness: random markup soup never crashes and always maps faithfully

_MD_PIECES = [
    "said",
    " ",
    "\n",
    "\r\n",
    "\r",
    "*",
    "_",
    "**",
    "[",
    "]",
    "(",
    ")",
    "![",
    "`",
    "``",
    "<b>",
    "</b>",
    "<http://x.y>",
    "&amp;",
    "&#8220;",
    "&bogus;",
    "\\",
    "\\*",
    "\\é",
    "> ",
    "- ",
    "1. ",
    "# ",
    "|",
    "---",
    "\t",
    "    ",
    "“",
    "é",
    "😀",
    '"t"',
    "<!-- c -->",
    "[r]: /u\n",
    "\n\n",
    "&",
    "#",
    "```\n",
]
_HTML_PIECES = [
    "said",
    " ",
    "\n",
    "\r\n",
    "\r",
    "<p>",
    "</p>",
    "<q>",
    "</q>",
    "<br>",
    "<article>",
    "</article>",
    "<main>",
    "<script>",
    "</script>",
    "&amp;",
    "&#8220;",
    "&#x;",
    "&#",
    "&bogus;",
    "&",
    "<",
    ">",
    "<!-- c -->",
    "<pre>",
    "</pre>",
    "<em>",
    "</em>",
    "<nav>",
    "</nav>",
    "<div>",
    "é",
    "😀",
    "<title>",
    "</title>",
    "\t",
    "<![CDATA[x]]>",
    "<?pi?>",
    "<!DOCTYPE html>",
    "</br>",
    "<q/>",
]


@pytest.mark.parametrize("name,pieces", [("soup.md", _MD_PIECES), ("soup.html", _HTML_PIECES)])
def test_random_markup_maps_faithfully(name: str, pieces: list[str]) -> None:
    import random

    rng = random.Random(20240501)
    checked = 0
    for _ in range(400):
        src = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        doc = document_from_bytes(src.encode(), name)
        if not doc.text.strip():  # no article text: an empty article, nothing to map
            continue
        assert_faithful(doc)
        for i in range(len(doc.text)):
            location = doc.location(i, i + 1)
            assert doc.line_col(location["start"]) == (location["line"], location["column"])
        checked += 1
    assert checked > 200


# --------------------------------------------------------------------------------------------
# YAML front matter (PyYAML)


def test_yaml_front_matter_escaped_quotes() -> None:
    doc = md("---\ntitle: \"Mayor says \\\"no\\\"\"\nkicker: 'It''s over'\n---\n\nBody.\n")
    assert doc.metadata == {"title": 'Mayor says "no"', "kicker": "It's over"}


def test_yaml_front_matter_flow_and_block_lists() -> None:
    doc = md("---\nsection: [a, b]\ntags:\n  - city hall\n  - 'budget: 2025'\n---\nBody.\n")
    assert doc.metadata == {"section": ["a", "b"], "tags": ["city hall", "budget: 2025"]}


def test_yaml_front_matter_folded_and_literal_scalars() -> None:
    doc = md("---\nsummary: >\n  The council voted\n  on Tuesday.\nnote: |\n  one\n  two\n---\nBody.\n")
    assert doc.metadata == {"summary": "The council voted on Tuesday.\n", "note": "one\ntwo\n"}


def test_yaml_front_matter_scalars_stay_as_written() -> None:
    """Plain scalars are the strings they are written as, as before PyYAML: no dates,
    booleans, numbers or nulls made up from them; a key without a value is left out."""
    doc = md(
        "---\ndate: 2024-06-02\nupdated: 2024-06-02T10:00:00Z\ndraft: yes\nlive: true\n"
        "count: 007\ntime: 12:30\nnothing: null\nempty:\nsection: World  # a comment\n"
        "---\nBody.\n"
    )
    assert doc.metadata == {
        "date": "2024-06-02",
        "updated": "2024-06-02T10:00:00Z",
        "draft": "yes",
        "live": "true",
        "count": "007",
        "time": "12:30",
        "nothing": "null",
        "section": "World",
    }


def test_yaml_front_matter_nested_mapping_and_crlf() -> None:
    doc = md("---\r\nauthor:\r\n  name: Jane Roe\r\n  desk: metro\r\n---\r\nBody.\r\n")
    assert doc.metadata == {"author": {"name": "Jane Roe", "desk": "metro"}}
    assert doc.text == "Body."


@pytest.mark.parametrize("inner", ["", "just a line\n", "- a\n- b\n"])
def test_yaml_front_matter_that_is_no_mapping_gives_no_metadata(inner: str) -> None:
    doc = md(f"---\n{inner}---\nBody.\n")
    assert doc.metadata == {}
    assert doc.text == "Body."


def test_malformed_yaml_front_matter_names_file_and_line(tmp_path) -> None:
    err = _error(tmp_path, "story.md", b"---\ntitle: ok\nsection: [a, b\n---\nBody.\n")
    assert str(err).startswith(f"{tmp_path / 'story.md'}: malformed YAML front matter at line 4")
    assert "\n" not in str(err)
    err = _error(tmp_path, "colon.md", b"---\ntitle: Breaking: fire\n---\nBody.\n")
    assert err.reason == (
        "malformed YAML front matter at line 2, column 16: mapping values are not allowed here"
    )


def test_malformed_toml_front_matter_names_file_and_line(tmp_path) -> None:
    err = _error(tmp_path, "story.md", b'+++\ntitle = "T"\ndate = \n+++\nBody.\n')
    assert err.path == str(tmp_path / "story.md")
    assert err.reason.startswith("malformed TOML front matter at line 3, column 8: ")


# --------------------------------------------------------------------------------------------
# Blocks


def kinds(doc: Document) -> list[tuple[str, str]]:
    """``(kind, text)`` of every block."""
    return [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]


def assert_blocks_sound(doc: Document) -> None:
    """Blocks are in order, non-overlapping, trimmed, never hold a paragraph break, and cover
    every non-whitespace character of the article text; ``block_at`` finds them."""
    covered = [False] * len(doc.text)
    previous_end = 0
    for b in doc.blocks:
        assert isinstance(b.kind, BlockKind)
        assert previous_end <= b.start < b.end <= len(doc.text), b
        piece = doc.text[b.start : b.end]
        assert piece == piece.strip() and not re.search(r"\n[ \t]*\n", piece), b
        covered[b.start : b.end] = [True] * (b.end - b.start)
        assert doc.block_at(b.start) == doc.block_at(b.end - 1) == b
        previous_end = b.end
    assert all(c or doc.text[i].isspace() for i, c in enumerate(covered))
    assert doc.paragraph_spans() == [(b.start, b.end) for b in doc.blocks]


def trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` less their surrounding whitespace."""
    out = []
    for s, e in spans:
        piece = text[s:e]
        s += len(piece) - len(piece.lstrip())
        out.append((s, s + len(piece.strip())))
    return out


def test_plain_text_blocks_are_paragraphs() -> None:
    src = "  First line\nsecond line.  \n\nNext.\r\n \t\r\nThird\rpart.\r\rLast.\n\n\n"
    doc = document_from_bytes(src.encode(), "a.txt")
    assert kinds(doc) == [
        ("paragraph", "First line\nsecond line."),
        ("paragraph", "Next."),
        ("paragraph", "Third\rpart."),
        ("paragraph", "Last."),
    ]
    assert_blocks_sound(doc)
    assert doc.block_at(0) is None  # leading blanks are in no block
    assert doc.block_at(src.index("\n\n")) is None
    assert doc.block_at(src.index("Next.") + 2) == doc.blocks[1]


def test_plain_text_blocks_skip_directive_lines() -> None:
    doc = document_from_bytes(b"One.\n%% quotecheck-disable\n\nTwo.\n", "a.txt")
    assert kinds(doc) == [("paragraph", "One."), ("paragraph", "Two.")]


def test_directly_constructed_document_has_paragraph_blocks() -> None:
    doc = Document("x.txt", "text", "a\n\nb", "a\n\nb", "0" * 64, {})
    assert doc.paragraph_spans() == [(0, 1), (3, 4)]


def test_markdown_blocks() -> None:
    src = (
        "---\ntitle: T\n---\n# Heading *one*\n\nA paragraph\nover two lines.\n\n"
        "> Quoted **text**.\n>\n> - quoted item\n\n- Item one\n- Item two\n\n  Loose part.\n\n"
        "1. ![Photo](p.jpg)\n   The mayor, Tuesday.\n\n| Name | Said |\n|---|---|\n| Jo | Yes |\n\n"
        "```\ncode is no text\n```\n\nSetext\n------\n"
    )
    doc = md(src)
    assert kinds(doc) == [
        ("heading", "Heading one"),
        ("paragraph", "A paragraph\nover two lines."),
        ("blockquote", "Quoted text."),
        ("list_item", "quoted item"),  # the innermost container wins
        ("list_item", "Item one"),
        ("list_item", "Item two"),
        ("list_item", "Loose part."),
        ("caption", "The mayor, Tuesday."),  # a paragraph that opens with an image
        ("table_cell", "Name"),
        ("table_cell", "Said"),
        ("table_cell", "Jo"),
        ("table_cell", "Yes"),
        ("heading", "Setext"),
    ]
    assert_blocks_sound(doc)


def test_html_blocks() -> None:
    src = (
        "<html><head><title>Page</title></head><body><nav><p>Home</p></nav><article>\n"
        "<h1>Big  <em>news</em></h1>\n<p>By Jo</p>\n<p>First<br><br>second part.</p>\n"
        "<blockquote><p>We will not leave.</p><p>Never.</p></blockquote>\n"
        "<figure><img src=x.jpg><figcaption>The <b>mayor</b>.</figcaption></figure>\n"
        "<ul><li>One<li><p>Two</p></ul>\n<table><caption>Votes</caption><tr><td>Yes<td>4"
        "</table>\n<pre>a  b\n\nc</pre>\nLoose text\n<footer><p>© Daily</p></footer>"
        "</article><aside><p>More</p></aside></body></html>"
    )
    doc = htm(src)
    assert kinds(doc) == [
        ("heading", "Big news"),
        ("paragraph", "By Jo"),
        ("paragraph", "First"),
        ("paragraph", "second part."),  # <br><br>: a paragraph break
        ("blockquote", "“We will not leave."),
        ("blockquote", "“Never.”"),
        ("caption", "The mayor."),
        ("list_item", "One"),
        ("list_item", "Two"),
        ("caption", "Votes"),
        ("table_cell", "Yes"),
        ("table_cell", "4"),
        ("preformatted", "a  b"),
        ("preformatted", "c"),
        ("paragraph", "Loose text"),
    ]
    assert_blocks_sound(doc)
    assert_faithful(doc)


def test_html_unclosed_block_tags_end_with_their_container() -> None:
    doc = htm("<div><ul><li>One<li>Two</div><p>After</p><h2>Head<p>In heading</h2><p>Out")
    assert kinds(doc) == [
        ("list_item", "One"),
        ("list_item", "Two"),
        ("paragraph", "After"),
        ("heading", "Head"),
        ("heading", "In heading"),
        ("paragraph", "Out"),
    ]


def _fixture_paths() -> list[str]:
    root = Path(__file__).resolve().parent.parent / "fixtures"
    return sorted(str(p) for p in root.glob("*/*") if p.suffix in (".txt", ".md", ".html"))


@pytest.mark.parametrize("path", _fixture_paths(), ids=lambda p: p.rsplit("/", 1)[-1])
def test_fixture_blocks_are_the_quote_scanners_paragraphs(path: str) -> None:
    """Later stages will take paragraphs from Document.blocks instead of splitting the text
    themselves: on every fixture the blocks are ``quotes.paragraph_spans`` less surrounding
    whitespace (the only difference: a plain-text paragraph span there keeps the blanks and
    line terminator at its end)."""
    doc = read_document(path)
    assert_blocks_sound(doc)
    assert doc.paragraph_spans() == trimmed(doc.text, paragraph_spans(doc.text))
    if doc.format != "text":  # the readers' blocks are already trimmed
        assert doc.paragraph_spans() == paragraph_spans(doc.text)


@pytest.mark.parametrize(
    "name,pieces", [("soup.md", _MD_PIECES), ("soup.html", _HTML_PIECES), ("soup.txt", _MD_PIECES)]
)
def test_random_markup_blocks_are_sound(name: str, pieces: list[str]) -> None:
    import random

    rng = random.Random(20240502)
    for _ in range(300):
        src = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        try:
            doc = document_from_bytes(src.encode(), name)
        except InputError:
            continue
        assert_blocks_sound(doc)
        if "\r" not in doc.text:  # quotes.paragraph_spans sees no line end in a lone "\r"
            assert doc.paragraph_spans() == trimmed(doc.text, paragraph_spans(doc.text))


# --------------------------------------------------------------------------------------------
# Markup that names speakers and structures the article (issue 12)

QUOTED_HTML = (
    "<html><head><title>Bridge vote</title></head><body><h1>Mayor backs bridge</h1>"
    "<p>The council met on Monday.</p>"
    "<blockquote><p>We will rebuild the bridge.</p>"
    "<footer>\u2014 <cite>Jane Smith</cite>, mayor</footer></blockquote>"
    "<footer>Copyright 2024 The Bayport Gazette</footer></body></html>"
)


def test_html_blockquote_footer_is_the_quotations_attribution() -> None:
    """A <footer> inside a <blockquote> names the speaker: it stays in the article text as a
    block of its own (kind attribution), outside the quotation; other footers are skipped."""
    doc = document_from_bytes(QUOTED_HTML.encode(), "a.html")
    shown = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert shown == [
        (BlockKind.HEADING, "Mayor backs bridge"),
        (BlockKind.PARAGRAPH, "The council met on Monday."),
        (BlockKind.BLOCKQUOTE, "\u201cWe will rebuild the bridge.\u201d"),
        (BlockKind.ATTRIBUTION, "\u2014 Jane Smith, mayor"),
    ]
    assert "Copyright" not in doc.text
    assert_faithful(doc)


@pytest.mark.parametrize(
    "name,data",
    [
        (
            "h.md",
            b"---\ntitle: Lawmakers Rip Donald Trump\n---\n# Lawmakers Rip Donald Trump\n\nHam said no.\n",
        ),
        ("h.html", b"<h2>Lawmakers Rip Donald Trump</h2><p>Ham said no.</p>"),
    ],
)
def test_headings_reach_the_analysis_marked_as_headings(name: str, data: bytes, monkeypatch) -> None:
    """A headline is a heading block in the Document and in what the rules read."""
    import quotecheck.api
    from quotecheck.parsing import Parse

    seen = []
    real = quotecheck.api.run_rules
    monkeypatch.setattr(quotecheck.api, "run_rules", lambda an, *a: seen.append(an) or real(an, *a))
    doc = document_from_bytes(data, name)
    quotecheck.api.analyze(doc, Parse((), "none"))
    (analysis,) = seen
    kinds = [(b.kind, analysis.text[b.start : b.end]) for b in analysis.blocks]
    assert kinds == [(BlockKind.HEADING, "Lawmakers Rip Donald Trump"), (BlockKind.PARAGRAPH, "Ham said no.")]


def test_html_tweet_embed_credit_is_the_quotations_attribution() -> None:
    """An embedded tweet's "&mdash; Name (@handle) date" after its quoted paragraph is the
    quotation's credit (an attribution block), not quoted text; the ” maps to the </p>."""
    src = (
        '<article><p>Intro.</p><blockquote class="twitter-tweet"><p lang="en">Thanks for nothing.</p>'
        '&mdash; Lena Ferris (@lenaferris) <a href="https://x/1">March 2, 2026</a></blockquote></article>'
    )
    doc = document_from_bytes(src.encode(), "t.html")
    shown = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert shown[1:] == [
        (BlockKind.BLOCKQUOTE, "\u201cThanks for nothing.\u201d"),
        (BlockKind.ATTRIBUTION, "\u2014 Lena Ferris (@lenaferris) March 2, 2026"),
    ]
    close = doc.to_source(doc.text.index("\u201d"))
    assert src.startswith("</p>", close)
    assert_faithful(doc)


def test_markdown_blockquote_dash_credit_is_the_quotations_attribution() -> None:
    """A Markdown block quote whose last paragraph opens with a dash is a quotation (marks mapped
    to its > markers) with that paragraph as its attribution block; one without stays unquoted."""
    src = "Intro.\n\n> We lost the books.\n>\n> It is gone.\n>\n> \u2014 Ingrid Solberg, chair\n\n> Plain.\n"
    doc = md(src)
    shown = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert shown[1:] == [
        (BlockKind.BLOCKQUOTE, "\u201cWe lost the books."),
        (BlockKind.BLOCKQUOTE, "\u201cIt is gone.\u201d"),
        (BlockKind.ATTRIBUTION, "\u2014 Ingrid Solberg, chair"),
        (BlockKind.BLOCKQUOTE, "Plain."),
    ]
    assert loc(doc, "\u201cWe")["column"] == 1
    assert_faithful(doc)
