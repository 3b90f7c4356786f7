"""The blocks of an article: paragraphs, headings, quotations, ... in article-text offsets.

Each reader records the structure it knows (markdown-it's block tokens, HTML tags) as a
:class:`Block` per block of article text; plain text has only paragraphs. A block never
holds a paragraph break: a structural block whose text has blank lines in it (an HTML
``<br><br>``, a ``<pre>`` with empty lines) is one block per paragraph, all of its kind. So
the blocks are exactly the paragraphs that splitting the article text on blank lines gives,
each trimmed of surrounding whitespace, and each with a kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocab import BlockKind

# A paragraph break: a line terminator followed by one or more blank lines (lines end at
# "\n", "\r\n" or "\r", as everywhere in quotecheck.documents).
PARAGRAPH_BREAK = re.compile(r"(?:\r\n?|\n)(?:[ \t\f\v]*(?:\r\n?|\n))+")
# What a block quote's paragraphs open with, for the HTML and Markdown readers: a mark when the
# quotation carries its own marks; a dash when the paragraph is the quotation's credit.
OPENING_MARKS = "“\"«‘'„"
CREDIT_DASHES = "\u2014\u2013"  # — and –


@dataclass(frozen=True)
class Block:
    """One block of article text: ``text[start:end]``, no surrounding whitespace."""

    kind: BlockKind
    start: int
    end: int


def paragraph_blocks(text: str, kind: BlockKind, start: int = 0, end: int | None = None) -> list[Block]:
    """Blocks of ``kind`` for ``text[start:end]``, one per paragraph (split on blank lines)."""
    end = len(text) if end is None else end
    found: list[Block] = []
    pos = start
    for m in PARAGRAPH_BREAK.finditer(text, start, end):
        _add_trimmed(found, text, kind, pos, m.start())
        pos = m.end()
    _add_trimmed(found, text, kind, pos, end)
    return found


def _add_trimmed(found: list[Block], text: str, kind: BlockKind, start: int, end: int) -> None:
    """Append ``text[start:end]`` less surrounding whitespace as a block, unless it is blank."""
    piece = text[start:end]
    core = piece.strip()
    if core:
        lead = len(piece) - len(piece.lstrip())
        found.append(Block(kind, start + lead, start + lead + len(core)))


Spans = list[tuple[int, int]]


def paragraph_spans(text: str) -> Spans:
    """``(start, end)`` of every paragraph of ``text`` (split on blank lines, trimmed): the
    spans of a plain-text article's blocks. Stages given no Document's blocks use this."""
    return [(b.start, b.end) for b in paragraph_blocks(text, BlockKind.PARAGRAPH)]
