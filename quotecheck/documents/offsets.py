"""The offset map from article text back to the source, and source lines and columns.

The map is a sorted list of *runs* ``(text_start, source_start, width)``, one run covering the
article-text characters from its ``text_start`` up to the next run's ``text_start``. A run
is one of:

* an **identity run** (``width == IDENTITY``): the text characters are copied verbatim from
  the source, text index ``text_start + k`` maps to source index ``source_start + k``.
  Plain-text documents are a single identity run; in Markdown and HTML almost all prose is
  identity runs (a run ends where markup was removed);
* an **atomic run** (``width >= 0``): every text character of the run maps to
  ``source_start``, and the run stands for the ``width`` source characters from there. This
  is used for characters that are not copied verbatim: a decoded entity (``&amp;`` gives
  ``&`` mapped to the ``&`` of the entity, width 5), a collapsed HTML whitespace run that is
  not a plain space, a soft line break written as ``\\r\\n``, the curly quotes emitted for an
  HTML ``<q>`` element (mapped to the ``<q>``/``</q>`` tags), and the synthetic ``"\\n\\n"``
  block separators (width 0, mapped to the source position just past the previous block).

The runs are built while extracting (:class:`TextBlock` pieces joined by :func:`assemble`),
so a lookup is one :func:`bisect.bisect_right` over the run starts: ``O(log runs)``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from ..vocab import BlockKind
from .blocks import Block, paragraph_blocks

BLOCK_SEPARATOR = "\n\n"

IDENTITY = -1  # run width marking an identity run

_LINE_BREAK = re.compile(r"\r\n?|\n")


class OffsetMap:
    """Article-text index -> source index, as sorted runs (see the module docstring)."""

    __slots__ = ("_len", "_s", "_t", "_w")

    def __init__(
        self, text_starts: list[int], source_starts: list[int], widths: list[int], text_len: int
    ) -> None:
        self._t = text_starts
        self._s = source_starts
        self._w = widths
        self._len = text_len

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        """The map of a text that is its source."""
        return cls([0], [0], [IDENTITY], length)

    @property
    def run_count(self) -> int:
        return len(self._t)

    def _run(self, i: int) -> int:
        if not 0 <= i < self._len:
            raise IndexError(f"article-text index {i} out of range 0..{self._len}")
        return bisect_right(self._t, i) - 1

    def to_source(self, i: int) -> int:
        """Source index of article-text index ``i``; ``len(text)`` maps just past the end."""
        if i == self._len:
            return self.source_end(i - 1) if self._len else 0
        k = self._run(i)
        if self._w[k] == IDENTITY:
            return self._s[k] + (i - self._t[k])
        return self._s[k]

    def source_end(self, i: int) -> int:
        """Exclusive source end of the source text that article character ``i`` stands for."""
        k = self._run(i)
        w = self._w[k]
        if w == IDENTITY:
            return self._s[k] + (i - self._t[k]) + 1
        return self._s[k] + w


class TextBlock:
    """One block of article text under construction: pieces of text with source positions.

    A piece is ``(text, source_start, width)`` with the run semantics of :class:`OffsetMap`
    (``width == IDENTITY``: copied verbatim; else every character maps to ``source_start``).
    ``kind`` is what the block is in the document's structure (it becomes a
    :class:`~quotecheck.documents.blocks.Block`); ``in_article``/``in_main`` say whether an
    HTML block was inside ``<article>``/``<main>``.
    """

    __slots__ = ("in_article", "in_main", "kind", "pieces")

    def __init__(
        self, kind: BlockKind = BlockKind.PARAGRAPH, in_article: bool = False, in_main: bool = False
    ) -> None:
        self.pieces: list[tuple[str, int, int]] = []
        self.kind = kind
        self.in_article = in_article
        self.in_main = in_main

    def add(self, text: str, src: int, width: int = IDENTITY) -> None:
        if text:
            self.pieces.append((text, src, width))

    def add_chars(self, text: str, positions: list[int]) -> None:
        """Add ``text`` whose character ``k`` was copied from source index ``positions[k]``."""
        n = len(text)
        if not n:
            return
        first = positions[0]
        if positions[-1] - first == n - 1 and positions == list(range(first, first + n)):
            self.add(text, first)  # copied as one contiguous piece
            return
        for ch, p in zip(text, positions, strict=True):
            self.add(ch, p)

    @property
    def last_char(self) -> str:
        return self.pieces[-1][0][-1] if self.pieces else ""

    def rstrip(self, chars: str | None = None) -> None:
        """Remove trailing characters in ``chars`` (default: whitespace)."""
        while self.pieces:
            text, src, width = self.pieces[-1]
            stripped = text.rstrip(chars)
            if stripped == text:
                return
            if stripped:
                self.pieces[-1] = (stripped, src, width)
                return
            self.pieces.pop()

    def strip(self) -> None:
        self.rstrip()
        while self.pieces:
            text, src, width = self.pieces[0]
            stripped = text.lstrip()
            if stripped == text:
                return
            if stripped:
                if width == IDENTITY:
                    src += len(text) - len(stripped)
                self.pieces[0] = (stripped, src, width)
                return
            self.pieces.pop(0)

    def source_end(self) -> int:
        text, src, width = self.pieces[-1]
        return src + len(text) if width == IDENTITY else src + width


class _RunBuilder:
    """Article text and its runs, built piece by piece; adjacent runs that continue each
    other are merged."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.t_starts: list[int] = []
        self.s_starts: list[int] = []
        self.widths: list[int] = []
        self.n = 0

    def _continues(self, src: int, width: int) -> bool:
        if not self.t_starts or self.widths[-1] != width:
            return False
        if width == IDENTITY:
            return self.s_starts[-1] + (self.n - self.t_starts[-1]) == src
        return self.s_starts[-1] == src  # same atomic source (e.g. "&NotEqualTilde;" -> 2 chars)

    def add(self, text: str, src: int, width: int) -> None:
        if not self._continues(src, width):
            self.t_starts.append(self.n)
            self.s_starts.append(src)
            self.widths.append(width)
        self.parts.append(text)
        self.n += len(text)

    def result(self) -> tuple[str, OffsetMap]:
        return "".join(self.parts), OffsetMap(self.t_starts, self.s_starts, self.widths, self.n)


def assemble(blocks: Iterable[TextBlock]) -> tuple[str, OffsetMap, tuple[Block, ...]]:
    """Join non-empty blocks with ``"\\n\\n"``: the article text, its run list, its blocks.

    A block whose text holds blank lines (``<br><br>``, a ``<pre>`` paragraph break) gives one
    :class:`Block` per paragraph, so that no block holds a paragraph break.
    """
    out = _RunBuilder()
    spans: list[tuple[BlockKind, int, int]] = []
    previous_end = 0
    for block in blocks:
        block.strip()
        if not block.pieces:
            continue
        if spans:
            out.add(BLOCK_SEPARATOR, previous_end, 0)
        start = out.n
        for text, src, width in block.pieces:
            out.add(text, src, width)
        spans.append((block.kind, start, out.n))
        previous_end = block.source_end()
    text, offsets = out.result()
    found = [b for kind, s, e in spans for b in paragraph_blocks(text, kind, s, e)]
    return text, offsets, tuple(found)


def line_starts(source: str) -> list[int]:
    """Start index of every line; lines end at ``\\n``, ``\\r\\n`` or ``\\r``."""
    return [0] + [m.end() for m in _LINE_BREAK.finditer(source)]


class SourceLines:
    """Line start/end indices of the source (lines end at \\n, \\r\\n or \\r)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts: list[int] = []
        self.ends: list[int] = []  # index of the line terminator (or len(source))
        pos = 0
        for m in _LINE_BREAK.finditer(source):
            self.starts.append(pos)
            self.ends.append(m.start())
            pos = m.end()
        self.starts.append(pos)
        self.ends.append(len(source))

    def __len__(self) -> int:
        return len(self.starts)

    def text(self, k: int) -> str:
        return self.source[self.starts[k] : self.ends[k]]
