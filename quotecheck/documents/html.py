"""HTML: article text from the standard library's HTML parser, with exact source positions.

See :class:`_HTMLExtractor`. Only the article is article text: the blocks inside
``<article>`` if there are any, else those inside ``<main>``, else every block; navigation,
asides, footers (but for a ``<footer>`` inside a ``<blockquote>``: the quotation's attribution,
a block of its own), scripts and the like never are. ``<title>`` and ``<meta>`` give metadata.
Each block's kind comes from the innermost tag around it that says what it is (a heading,
a list item, a table cell, a caption, preformatted text, a block quotation, its attribution).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

from ..vocab import BlockKind
from .blocks import CREDIT_DASHES, OPENING_MARKS, Block
from .directives import Comment
from .offsets import IDENTITY, OffsetMap, TextBlock, assemble

# Elements that start and end a block of article text.
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "listing",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "xmp",
    }
)
# Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "head",
        "nav",
        "aside",
        "footer",
        "noscript",
        "template",
        # also skipped: embedded non-prose content and form controls
        "svg",
        "math",
        "iframe",
        "object",
        "canvas",
        "select",
        "textarea",
        "button",
    }
)
_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Start tags that may appear in <head> without implicitly closing it.
_HEAD_CONTENT = frozenset(
    {
        "base",
        "link",
        "meta",
        "noscript",
        "script",
        "style",
        "template",
        "title",
    }
)
# Block tags that say what the text inside them is; the innermost open one wins.
_KIND_OF_TAG = {
    **{f"h{n}": BlockKind.HEADING for n in range(1, 7)},
    "pre": BlockKind.PREFORMATTED,
    "listing": BlockKind.PREFORMATTED,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "td": BlockKind.TABLE_CELL,
    "th": BlockKind.TABLE_CELL,
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.BLOCKQUOTE,
    "footer": BlockKind.ATTRIBUTION,  # only inside a <blockquote>: elsewhere a footer is skipped
}
_META_NAMES = {
    "author": "author",
    "article:author": "author",
    "date": "date",
    "article:published_time": "date",
    "section": "section",
    "article:section": "section",
    "title": "title",
}
_HTML_SPACE = " \t\n\r\f"
_HTML_WS_OR_WORD = re.compile(r"[ \t\n\r\f]+|[^ \t\n\r\f]+")
_CHARREF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);?")
_ENTITYREF = re.compile(r"&[a-zA-Z][-.a-zA-Z0-9]*;?")
# "&#" not starting a numeric reference: HTMLParser (convert_charrefs=False) gives up on such
# input and hands the rest of the document over as one text chunk, tags included. We feed
# the parser a same-length copy with the "#" replaced; text is always read from the source.
_BROKEN_CHARREF = re.compile(r"&#(?![0-9]|[xX][0-9a-fA-F])")


def extract_html(
    source: str, comments: list[Comment] | None = None
) -> tuple[str, OffsetMap, dict[str, Any], tuple[Block, ...]]:
    """Article text, offset map, metadata and blocks of an HTML page.

    The page's comments are appended to ``comments``.
    """
    parser = _HTMLExtractor(source)
    blocks = parser.run()
    if comments is not None:
        comments.extend(parser.comments)
    for choice in (
        [b for b in blocks if b.in_article],
        [b for b in blocks if b.in_main],
        blocks,
    ):
        for b in choice:
            b.strip()
        if any(b.pieces for b in choice):
            text, offsets, found = assemble(choice)
            return text, offsets, parser.metadata, found
    text, offsets, found = assemble([])
    return text, offsets, parser.metadata, found


class _HTMLExtractor(HTMLParser):
    """Article text of an HTML page, with exact source positions.

    This uses the standard library's :class:`html.parser.HTMLParser` (maintained with
    Python itself, no extra dependency) because it reports where every construct starts via
    :meth:`getpos`. ``getpos()`` is ``(line, offset)`` with lines counted on ``\\n`` only and
    the offset in characters of the decoded ``str``; it is turned into a ``str`` index with the
    starts of ``\\n``-terminated lines (so ``\\r\\n`` and lone ``\\r`` files are handled
    exactly). ``convert_charrefs=False`` makes the parser report character references
    separately, so each decoded character can be mapped to its reference's first character.

    Text is collected into :class:`TextBlock` objects: block-level tags end the current block,
    whitespace runs collapse to one space (mapped to the first whitespace character), ``<br>``
    is a newline, ``<q>`` becomes curly quotes mapped to the tags. Each block remembers
    whether it was inside an ``<article>`` or ``<main>`` so the caller can choose.

    Every comment, wherever it is (``<head>`` and skipped elements included), is kept in
    :attr:`comments` as ``(source_start, source_end, body)`` for suppression directives.
    """

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self._nl_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.blocks: list[TextBlock] = []
        self.metadata: dict[str, Any] = {}
        self.comments: list[Comment] = []
        self._block: TextBlock | None = None
        self._skip: dict[str, int] = {}
        self._skipping = 0
        self._article = 0
        self._main = 0
        self._pre = 0
        self._pre_start = -1  # source index just after a <pre> start tag
        self._q = 0
        self._bq: list[dict[str, Any]] = []  # open <blockquote>s: see _quote_block_start
        self._no_space = False  # drop the next collapsible space (after an opening quote)
        self._title: list[str] | None = None
        self._cursor = 0
        self._open: list[str] = []  # open block tags (outside skipped elements), outermost first

    def run(self) -> list[TextBlock]:
        self.feed(_BROKEN_CHARREF.sub("&\x01", self.source))
        self.close()
        self._flush()
        return self.blocks

    # -- positions -------------------------------------------------------------------------
    def _pos(self) -> int:
        line, offset = self.getpos()
        return self._nl_starts[line - 1] + offset

    def _end_tag_width(self, pos: int) -> int:
        gt = self.source.find(">", pos)
        return (gt + 1 - pos) if gt >= 0 else len(self.source) - pos

    # -- blocks ----------------------------------------------------------------------------
    def _current(self) -> TextBlock:
        if self._block is None:
            self._block = TextBlock(self._kind(), self._article > 0, self._main > 0)
        return self._block

    def _kind(self) -> BlockKind:
        """What a block starting now is: the kind of the innermost open block tag with one."""
        for tag in reversed(self._open):
            if tag in _KIND_OF_TAG:
                return _KIND_OF_TAG[tag]
        return BlockKind.PARAGRAPH

    def _close_block_tag(self, tag: str) -> None:
        """Close ``tag`` and every block tag opened inside it and left unclosed."""
        if tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag) :]

    def _flush(self) -> None:
        if self._block is not None:
            self._block.strip()
            if self._block.pieces:
                self.blocks.append(self._block)
        self._block = None
        self._no_space = False

    def _emit_text(self, text: str, pos: int) -> None:
        """Emit source text ``text`` found at source index ``pos`` (no references in it)."""
        if self._pre:
            if pos == self._pre_start and text.startswith(("\r\n", "\n", "\r")):
                skip = 2 if text.startswith("\r\n") else 1  # newline right after <pre>
                text, pos = text[skip:], pos + skip
            self._emit_pre(text, pos)
            return
        for m in _HTML_WS_OR_WORD.finditer(text):
            seg = m.group()
            p = pos + m.start()
            if seg[0] in _HTML_SPACE:
                block = self._block
                if block is None or not block.pieces or self._no_space:
                    continue
                if block.last_char in _HTML_SPACE:
                    continue
                block.add(" ", p, IDENTITY if seg[0] == " " else 1)
            else:
                self._quote_block_start(seg[0], p, 1)
                self._current().add(seg, p)
                self._no_space = False

    def _quote_block_start(self, first: str, pos: int, width: int) -> None:
        """A ``<blockquote>`` is a quotation. When its text carries no quotation marks of its
        own, each of its paragraphs opens with “ (mapped to the ``<blockquote>`` or paragraph
        tag) and the last one closes with ” (mapped to ``</blockquote>``): the typographic
        convention for quotations over several paragraphs, which the quotation scanner reads.
        ``first`` is the block's first character, at source ``pos`` (``width`` source chars)."""
        if not self._bq or (self._block is not None and self._block.pieces) or "footer" in self._open:
            return
        quote = self._bq[-1]
        if first in CREDIT_DASHES and quote["state"] == "marked" and quote["block"] is not None:
            self._dash_credit()
            return
        if quote["state"] == "pending":
            quote["state"] = "authored" if first in OPENING_MARKS else "marked"
        if quote["state"] == "marked":
            pos, width = quote["tag"]
            self._current().add("“", pos, width)
            quote["block"] = self._block

    def _dash_credit(self) -> None:
        """A block opening with a dash after a quoted paragraph of the same ``<blockquote>``
        is the quotation's credit, as a ``<footer>`` would be: "— Name (@handle) date" in an
        embedded tweet (``<blockquote class="twitter-tweet">``), "— Name, role" in a quotation
        set as a block. The quotation ends before it and the block is
        an attribution block, not quoted text. The ” maps to the last tag before the credit
        inside the ``<blockquote>`` (the quoted paragraph's end tag or the credit's start tag)."""
        quote = self._bq[-1]
        self._end_marked_quote(*max(quote["tag"], quote.get("end", quote["tag"])))
        self._block = TextBlock(BlockKind.ATTRIBUTION, self._article > 0, self._main > 0)

    def _end_marked_quote(self, pos: int, width: int) -> None:
        """Close the innermost ``<blockquote>``'s added quotation marks with ” mapped to
        ``pos`` (its end tag, or the start of its ``<footer>``, so the attribution after it
        is not quoted and source offsets stay in order)."""
        quote = self._bq[-1]
        quoted: TextBlock | None = quote["block"]
        if quote["state"] == "marked" and quoted is not None:
            if quoted is self._block:
                quoted.rstrip(_HTML_SPACE)
            quoted.add("”", pos, width)
        if quote["state"] == "marked":
            quote["state"] = "closed"

    def _emit_pre(self, text: str, pos: int) -> None:
        """Preformatted text: kept as is, with \\r\\n and \\r read as \\n."""
        block = self._current()
        start = 0
        for m in re.finditer(r"\r\n?", text):
            block.add(text[start : m.start()], pos + start)
            if m.group() == "\r\n":
                start = m.start() + 1  # the "\n" of "\r\n" is copied verbatim
            else:
                block.add("\n", pos + m.start(), 1)
                start = m.end()
        block.add(text[start:], pos + start)
        self._no_space = False

    def _emit_decoded(self, decoded: str, pos: int, width: int) -> None:
        """Emit the decoded text of a character reference spanning ``width`` source chars."""
        for ch in decoded:
            if ch in _HTML_SPACE and not self._pre:
                block = self._block
                if block is None or not block.pieces or self._no_space:
                    continue
                if block.last_char in _HTML_SPACE:
                    continue
                block.add(" ", pos, width)
            else:
                self._quote_block_start(ch, pos, width)
                self._current().add(ch, pos, width)
                self._no_space = False

    # -- HTMLParser callbacks ----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pos = self._pos()
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "title" and not (self._skip.get("svg") or self._skip.get("math")):
            self._title = []
            return
        if self._title is not None and tag in _BLOCK_TAGS:
            self._end_title()  # an unclosed <title> ends where body content starts
        if self._skip.get("head") and tag not in _HEAD_CONTENT:
            self._skipping -= self._skip.pop("head")  # body content implicitly closes <head>
        if tag == "footer" and self._bq and not self._skipping:
            # the quotation ends where its attribution starts: its ” maps to the <footer> tag
            self._end_marked_quote(pos, len(self.get_starttag_text() or "<footer>"))
        elif tag in _SKIP_TAGS:
            if tag in _BLOCK_TAGS and not self._skipping:
                self._flush()
            self._skip[tag] = self._skip.get(tag, 0) + 1
            self._skipping += 1
            return
        if self._skipping:
            return
        if tag == "br":
            block = self._block
            if block is not None and block.pieces:
                block.rstrip(" ")
                block.add("\n", pos, len(self.get_starttag_text() or "<br>"))
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            if tag not in _VOID_TAGS:
                self._open.append(tag)
            width = len(self.get_starttag_text() or f"<{tag}>")
            if tag == "blockquote":
                self._bq.append({"state": "pending", "tag": (pos, width), "block": None})
            elif self._bq:
                self._bq[-1]["tag"] = (pos, width)  # a paragraph inside: its mark maps to its tag
            if tag == "article":
                self._article += 1
            elif tag == "main":
                self._main += 1
            elif tag in ("pre", "listing"):
                self._pre += 1
                self._pre_start = pos + len(self.get_starttag_text() or "")
        elif tag == "q":
            mark = "“" if self._q % 2 == 0 else "‘"
            self._q += 1
            block = self._current()
            block.add(mark, pos, len(self.get_starttag_text() or "<q>"))
            self._no_space = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        pos = self._pos()
        if tag == "title" and self._title is not None:
            self._end_title()
            return
        if tag in _SKIP_TAGS and (tag != "footer" or self._skip.get(tag, 0)):  # see handle_starttag
            count = self._skip.get(tag, 0)
            if count:
                self._skip[tag] = count - 1
                self._skipping -= 1
            return
        if self._skipping:
            return
        if tag in _BLOCK_TAGS:
            if tag == "blockquote" and self._bq:
                self._end_marked_quote(pos, self._end_tag_width(pos))
                self._bq.pop()
            elif self._bq:
                self._bq[-1]["end"] = (pos, self._end_tag_width(pos))  # see _dash_credit
            self._flush()
            self._close_block_tag(tag)
            if tag == "article" and self._article:
                self._article -= 1
            elif tag == "main" and self._main:
                self._main -= 1
            elif tag in ("pre", "listing") and self._pre:
                self._pre -= 1
        elif tag == "q" and self._q:
            self._q -= 1
            mark = "”" if self._q % 2 == 0 else "’"
            block = self._current()
            block.rstrip(_HTML_SPACE)
            block.add(mark, pos, self._end_tag_width(pos))
            self._no_space = False

    def handle_data(self, data: str) -> None:
        pos = self._pos()
        text = self.source[pos : pos + len(data)]
        if len(text) != len(data):  # not expected; find the text from the last position
            found = self.source.find(data, self._cursor)
            if found < 0:
                return
            pos, text = found, data
        self._cursor = pos + len(data)
        if self._title is not None:
            self._title.append(text)
            return
        if self._skipping:
            return
        self._emit_text(text, pos)

    def _handle_reference(self, pattern: re.Pattern[str]) -> None:
        pos = self._pos()
        m = pattern.match(self.source, pos)
        if m is None:
            return
        raw = m.group()
        self._cursor = pos + len(raw)
        decoded = html.unescape(raw)
        if self._title is not None:
            self._title.append(decoded)
            return
        if self._skipping:
            return
        if decoded == raw:  # not a known reference ("AT&T"): literal text
            self._emit_text(raw, pos)
        else:
            self._emit_decoded(decoded, pos, len(raw))

    def handle_comment(self, data: str) -> None:
        pos = self._pos()
        # The body is read from the source: the parser was fed a copy with "&#" altered.
        body_start = pos + 4 if self.source.startswith("<!--", pos) else pos + 2
        body_end = body_start + len(data)
        gt = self.source.find(">", body_end)
        end = gt + 1 if gt >= 0 else len(self.source)
        self.comments.append((pos, end, self.source[body_start:body_end]))

    def handle_entityref(self, name: str) -> None:
        self._handle_reference(_ENTITYREF)

    def handle_charref(self, name: str) -> None:
        self._handle_reference(_CHARREF)

    def _end_title(self) -> None:
        title = " ".join("".join(self._title or []).split())
        if title:
            self.metadata.setdefault("title", title)
        self._title = None

    def _meta(self, attrs: dict[str, str | None]) -> None:
        name = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        content = attrs.get("content")
        if not name or content is None:
            return
        key = _META_NAMES.get(name.strip().lower())
        content = " ".join(content.split())
        if key and content:
            self.metadata.setdefault(key, content)
