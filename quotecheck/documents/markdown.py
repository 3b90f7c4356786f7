"""Markdown: article text from markdown-it-py tokens, positions recovered from line maps.

Parsed with markdown-it-py (CommonMark preset plus GFM tables); see
:func:`extract_markdown` for how inline positions are recovered from block line maps. Each
inline token (a paragraph, heading, table cell...) is one block of article text; its kind
comes from the block tokens around it (see :func:`_block_kind`). A leading front-matter
block is read by :mod:`.front_matter`.

:func:`_walk_inline` runs a few of markdown-it's inline rules (``markdown_it.rules_inline``,
not a documented API) in silent mode to skip link destinations, images, code spans and
autolinks; pyproject.toml bounds markdown-it-py below the next major version for that.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import autolink as _md_autolink
from markdown_it.rules_inline import backtick as _md_backtick
from markdown_it.rules_inline import image as _md_image
from markdown_it.rules_inline import link as _md_link
from markdown_it.token import Token

from ..vocab import BlockKind
from .blocks import CREDIT_DASHES, OPENING_MARKS, Block
from .directives import HTML_COMMENT, Comment
from .front_matter import split_front_matter
from .offsets import OffsetMap, SourceLines, TextBlock, assemble

# Block quotes are article text at any depth. markdown-it stops nesting blocks at maxNesting
# (commonmark's 20: deeper text silently vanished) and recurses in Python per level, so lines
# quoted deeper than MAX_QUOTE_DEPTH are parsed as if quoted that deep (see _cap_quote_depth).
MAX_NESTING = 100
MAX_QUOTE_DEPTH = 40
_QUOTE_MARKER = re.compile(r"[ ]{0,3}>[ \t]?")


def _cap_quote_depth(body: str) -> str:
    """``body`` with every line's block-quote markers beyond MAX_QUOTE_DEPTH removed. The lines
    stay in place and keep their content as a suffix, which is all the alignment against the
    original source needs (see :func:`extract_markdown`). Linear: one marker match at a time."""
    if body.count(">") <= MAX_QUOTE_DEPTH:
        return body
    lines = body.split("\n")
    for i, line in enumerate(lines):
        if line.count(">") <= MAX_QUOTE_DEPTH:
            continue
        at, depth, keep = 0, 0, 0
        while (m := _QUOTE_MARKER.match(line, at)) is not None:
            at, depth = m.end(), depth + 1
            if depth == MAX_QUOTE_DEPTH:
                keep = at
        if depth > MAX_QUOTE_DEPTH:
            lines[i] = line[:keep] + line[at:]
    return "\n".join(lines)


def _markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    # Keep escapes and entities as separate ``text_special`` tokens (their source differs from
    # their text); text_join would merge them into the neighbouring text.
    md.disable("text_join")
    return md


_MD = _markdown_parser()


def extract_markdown(
    source: str, comments: list[Comment] | None = None
) -> tuple[str, OffsetMap, dict[str, Any], tuple[Block, ...]]:
    """Article text, offset map, front-matter metadata and blocks of a Markdown source.

    The source's HTML comments are appended to ``comments``.

    markdown-it gives each block a line range (``token.map``) and the block's inline
    ``content`` (the block's lines with container prefixes such as ``> `` and list
    indentation removed), but no character offsets. Positions are recovered in two steps:

    1. :func:`_align_content` maps every character of the inline ``content`` to the source:
       content line ``j`` belongs to source line ``map[0] + j`` and is that line's suffix
       (paragraphs), or is found in it left to right from a per-line cursor (headings, table
       cells, several cells sharing a line); a character-by-character forward match is the
       fallback (tab expansion, ``\\|`` in table cells).
    2. :func:`_walk_inline` walks the inline tokens over ``content`` with a cursor, finding
       each text token at or after the cursor. Constructs whose source is dropped (link
       destinations and titles, images, code spans, autolinks, inline HTML) are skipped with
       markdown-it's own inline rules run in silent mode, so a later word cannot be matched
       inside a URL or a link title.

    HTML comments (for suppression directives) are taken from ``html_block`` tokens (aligned
    like inline content) and ``html_inline`` tokens (positioned by the inline walk), as
    ``(source_start, source_end, body)``.
    """
    body_start, fm_lines, metadata = split_front_matter(source)
    lines = SourceLines(source)
    env: dict[str, Any] = {}
    tokens = _MD.parse(_cap_quote_depth(source[body_start:]), env)
    line_cursor: dict[int, int] = {}
    blocks: list[TextBlock] = []
    open_tokens: list[str] = []  # types of the block tokens enclosing the current one
    quotes: list[list[TextBlock]] = []  # each outermost block quote's blocks
    for tok in tokens:
        if tok.nesting == 1:
            if tok.type == "blockquote_open" and "blockquote_open" not in open_tokens:
                quotes.append([])
            open_tokens.append(tok.type)
        elif tok.nesting == -1 and open_tokens:
            open_tokens.pop()
        elif tok.type == "inline" and tok.map is not None and tok.children is not None:
            first_line = fm_lines + tok.map[0]
            cell = open_tokens[-1:] in (["th_open"], ["td_open"])
            positions = _align_content(tok.content, first_line, lines, line_cursor, cell)
            block = TextBlock(_block_kind(open_tokens, tok.children))
            _walk_inline(tok.content, tok.children, positions, source, env, block, comments)
            blocks.append(block)
            if "blockquote_open" in open_tokens:
                quotes[-1].append(block)
        elif tok.type == "html_block" and tok.map is not None and comments is not None:
            _block_comments(tok.content, fm_lines + tok.map[0], lines, comments)
    for quoted in filter(None, quotes):  # a block quote with no text has no credit
        _dash_credit(quoted, source)
    text, offsets, found = assemble(blocks)
    return text, offsets, metadata, found


def _dash_credit(quoted: list[TextBlock], source: str) -> None:
    """A block quote whose last paragraph opens with a dash ("> — Ingrid Solberg, board chair")
    is a quotation with its credit, as an HTML ``<blockquote>`` with a ``<footer>`` is: unless
    its text carries quotation marks of its own, each paragraph before the credit opens with “
    (mapped to the ``>`` marker on its first line) and the last one closes with ” (mapped to
    the credit line's ``>``), and the credit becomes an attribution block."""
    for block in quoted:
        block.strip()
    body, credit = [b for b in quoted[:-1] if b.pieces], quoted[-1]
    if not body or not credit.pieces or credit.pieces[0][0][0] not in CREDIT_DASHES:
        return
    if any(b.pieces[0][0][0] in OPENING_MARKS for b in body):
        return
    opening = [_marker_before(source, b.pieces[0][1]) for b in body]
    closing = _marker_before(source, credit.pieces[0][1])
    ends = [-1] + [b.source_end() for b in body]
    if closing < ends[-1] or any(m < end for m, end in zip(opening, ends, strict=False)):
        return  # no marker of its own before a paragraph (table cells sharing a line): leave it
    for block, marker in zip(body, opening, strict=True):
        block.pieces.insert(0, ("“", marker, 1))
    body[-1].add("”", closing, 1)
    credit.kind = BlockKind.ATTRIBUTION


def _marker_before(source: str, pos: int) -> int:
    """The source index of the last block-quote ``>`` on ``pos``'s line before ``pos``; -1 if none."""
    line_start = max(source.rfind("\n", 0, pos), source.rfind("\r", 0, pos)) + 1
    return source.rfind(">", line_start, pos)


# The block tokens that say what the text inside them is; innermost wins.
_KIND_OF_TOKEN = {
    "heading_open": BlockKind.HEADING,
    "th_open": BlockKind.TABLE_CELL,
    "td_open": BlockKind.TABLE_CELL,
    "list_item_open": BlockKind.LIST_ITEM,
    "blockquote_open": BlockKind.BLOCKQUOTE,
}


def _block_kind(open_tokens: list[str], children: list[Token]) -> BlockKind:
    """The kind of an inline token's block, from its enclosing block tokens.

    Markdown has no caption syntax; a paragraph that opens with an image is taken to be the
    image with its caption (the image itself is not article text), as in
    ``![Photo](p.jpg) The mayor on Tuesday.``
    """
    first = next(
        (c for c in children if c.type != "softbreak" and not (c.type == "text" and not c.content.strip())),
        None,
    )
    if open_tokens[-1:] == ["paragraph_open"] and first is not None and first.type == "image":
        return BlockKind.CAPTION
    for kind in reversed(open_tokens):
        if kind in _KIND_OF_TOKEN:
            return _KIND_OF_TOKEN[kind]
    return BlockKind.PARAGRAPH


# HTML blocks whose content is raw text: a "comment" inside them is not a comment.
_RAW_HTML_BLOCK = re.compile(r"[ \t]*<(?:script|pre|style|textarea)(?:[\s>]|\Z)", re.I)


def _block_comments(content: str, first_line: int, lines: SourceLines, comments: list[Comment]) -> None:
    """Append the HTML comments of an ``html_block`` token, with their source spans."""
    if "<!--" not in content or _RAW_HTML_BLOCK.match(content):
        return
    positions: list[int] | None = None
    for m in HTML_COMMENT.finditer(content):
        if positions is None:
            positions = _align_content(content, first_line, lines, {}, False)
        comments.append((positions[m.start()], positions[m.end() - 1] + 1, m.group(1)))


def _align_content(
    content: str, first_line: int, lines: SourceLines, line_cursor: dict[int, int], table_cell: bool
) -> list[int]:
    """Source index of every character of a block's inline ``content`` (see step 1 above)."""
    positions = [0] * len(content)
    ci = 0
    content_lines = content.split("\n")
    last = len(lines) - 1
    for j, piece in enumerate(content_lines):
        k = min(first_line + j, last)
        start, end = lines.starts[k], lines.ends[k]
        line = lines.text(k)
        col = line_cursor.get(k, 0)
        # Leading blanks of a content line may be spaces markdown-it made from a tab.
        core = piece.lstrip(" \t")
        lead = len(piece) - len(core)
        off = _find_in_line(core, line, col, table_cell)
        if off >= 0 and off - lead >= col and line[off - lead : off] == piece[:lead]:
            off -= lead
            core, lead = piece, 0
        if off >= 0:
            for n in range(lead):  # blanks not in the source: map them to the core's start
                positions[ci + n] = start + off
            positions[ci + lead : ci + len(piece)] = range(start + off, start + off + len(core))
            line_cursor[k] = off + len(core)
        else:
            # Forward character match; a character with no counterpart maps to the cursor.
            for n, ch in enumerate(piece):
                f = line.find(ch, col)
                if f < 0:
                    positions[ci + n] = start + min(col, len(line))
                else:
                    positions[ci + n] = start + f
                    col = f + 1
            line_cursor[k] = col
        ci += len(piece)
        if j < len(content_lines) - 1:
            positions[ci] = end  # the line break maps to the source line terminator
            ci += 1
    return positions


def _find_in_line(piece: str, line: str, col: int, table_cell: bool) -> int:
    """Where content text ``piece`` starts in source ``line`` (at or after ``col``), or -1.

    Paragraph lines are suffixes of their source line (the container prefix removed; the
    block's last line may have lost trailing blanks); headings and table cells are found
    left to right.
    """
    if not table_cell:
        if line.endswith(piece) and len(line) - len(piece) >= col:
            return len(line) - len(piece)
        trimmed = line.rstrip()
        if trimmed.endswith(piece) and len(trimmed) - len(piece) >= col:
            return len(trimmed) - len(piece)
    return line.find(piece, col)


def _newline_width(source: str, src: int) -> int:
    """Width of an atomic "\\n" standing for the line terminator at ``src``."""
    if source.startswith("\r\n", src):
        return 2
    return 1


def _walk_inline(
    content: str,
    children: list[Token],
    positions: list[int],
    source: str,
    env: dict[str, Any],
    block: TextBlock,
    comments: list[Comment] | None = None,
) -> None:
    """Emit the article text of one inline token into ``block`` (see step 2 above).

    Inline HTML comments are appended to ``comments`` (when given) with their source span.
    """
    state = StateInline(content, _MD, env, [])
    cursor = 0
    link_ends: list[int] = []

    def skip_with(rule: Any, at: int) -> int:
        """End of the construct starting at content index ``at``, via a silent rule."""
        state.pos, state.posMax = at, len(content)
        if at >= 0 and rule(state, True):
            return int(state.pos)
        return -1

    def emit_newline(at: int) -> None:
        src = positions[at]
        if src < len(source) and source[src] == "\n":
            block.add("\n", src)
        else:
            block.add("\n", src, _newline_width(source, src))

    i = 0
    while i < len(children):
        tok = children[i]
        kind = tok.type
        if kind == "text":
            at = content.find(tok.content, cursor)
            if at < 0:  # should not happen; keep the text, mapped to the cursor
                block.add(tok.content, positions[min(cursor, len(positions) - 1)], 0)
            else:
                end = at + len(tok.content)
                block.add_chars(tok.content, positions[at:end])
                cursor = end
        elif kind == "text_special":
            at = content.find(tok.markup, cursor)
            if at >= 0:
                if tok.content == tok.markup:  # "\\é": not an escape, kept as written
                    block.add_chars(tok.content, positions[at : at + len(tok.markup)])
                elif tok.info == "escape" and len(tok.markup) == 2:
                    block.add(tok.content, positions[at + 1])  # the escaped char itself
                else:
                    src = positions[at]
                    width = positions[at + len(tok.markup) - 1] - src + 1
                    block.add(tok.content, src, width)
                cursor = at + len(tok.markup)
        elif kind in ("softbreak", "hardbreak"):
            at = content.find("\n", cursor)
            if at >= 0:
                emit_newline(at)
                cursor = at + 1
        elif kind in ("em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"):
            at = content.find(tok.markup, cursor)
            if at >= 0:
                cursor = at + len(tok.markup)
        elif kind == "link_open":
            if tok.markup in ("autolink", "linkify") or tok.info == "auto":
                # <https://...>: a URL, not prose; drop it with its text.
                end = skip_with(_md_autolink, content.find("<", cursor))
                while i + 1 < len(children) and children[i + 1].type != "link_close":
                    i += 1
                i += 1
                if end > 0:
                    cursor = end
            else:
                at = content.find("[", cursor)
                end = skip_with(_md_link, at)
                link_ends.append(end)
                if at >= 0:
                    cursor = at + 1
        elif kind == "link_close":
            end = link_ends.pop() if link_ends else -1
            if end > cursor:
                cursor = end  # past "](destination "title")" or "][ref]"
        elif kind == "image":
            end = skip_with(_md_image, content.find("![", cursor))
            if end > 0:
                cursor = end
        elif kind == "code_inline":
            end = skip_with(_md_backtick, content.find(tok.markup, cursor))
            if end > 0:
                cursor = end
        elif kind == "html_inline":
            at = content.find(tok.content, cursor)
            if at >= 0:
                cursor = at + len(tok.content)
                m = HTML_COMMENT.fullmatch(tok.content)
                if comments is not None and m is not None:
                    comments.append((positions[at], positions[cursor - 1] + 1, m.group(1)))
        i += 1
