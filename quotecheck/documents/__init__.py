"""Reading articles: plain text, Markdown or HTML in, a :class:`Document` out.

This is the first stage of a one-way pipeline. Later stages (the stanza parse, the quotation
scanner, the attribution rules) only ever see :attr:`Document.text`, the *article text*: the
prose of the article with markup removed, one block (paragraph, heading, list item, table
cell, block quote paragraph...) per chunk, blocks separated by ``"\\n\\n"``. Everything
quotecheck reports must nevertheless point into the *original file* (see
``docs/report-format.md``), so every document carries an exact map from article-text indices
back to source indices, and the blocks with their kinds (:attr:`Document.blocks`).

The package, one concern per module:

* :mod:`.offsets`: the offset map (sorted runs, one bisect per lookup) and source lines.
  ``to_source`` is non-decreasing over the article text, so a span's source offsets are
  ordered; :meth:`Document.source_span` reports the source offset of the span's first
  character and the source end of its last character (for a decoded entity: the end of the
  whole entity). Source line starts (lines end at ``\\n``, ``\\r\\n`` or ``\\r``) are
  precomputed, so :meth:`Document.line_col` is a bisect too.
* :mod:`.blocks`: :class:`Block`, the article's blocks in article-text offsets.
* :mod:`.directives`: suppression comments (``quotecheck-disable`` and friends).
* :mod:`.text`: plain text: the decoded source less any suppression-directive lines.
* :mod:`.front_matter`: YAML (PyYAML) or TOML front matter of Markdown articles.
* :mod:`.markdown`: Markdown, parsed with markdown-it-py (CommonMark plus GFM tables).
* :mod:`.html`: HTML, parsed with the standard library's :class:`html.parser.HTMLParser`.
"""

from __future__ import annotations

import hashlib
import os
import sys
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..files import DEFAULT_MAX_BYTES, UnreadableFile, format_size, printable, read_regular
from ..vocab import BlockKind, InputFormat
from .blocks import Block, paragraph_blocks
from .directives import DIRECTIVE_KINDS, Comment, Directive, collect_directives, parse_directive
from .front_matter import FrontMatterError
from .html import extract_html
from .markdown import extract_markdown
from .offsets import BLOCK_SEPARATOR, OffsetMap, line_starts
from .text import extract_text

__all__ = [
    "BLOCK_SEPARATOR",
    "DIRECTIVE_KINDS",
    "EXTENSIONS",
    "FORMATS",
    "Block",
    "BlockKind",
    "Directive",
    "Document",
    "InputError",
    "detect_format",
    "document_from_bytes",
    "parse_directive",
    "read_document",
]

# Plain strings (the InputFormat values): Document.format goes into reports as it is, and the
# reports are also written with PyYAML's safe dumper, which does not take str subclasses.
_TEXT, _MARKDOWN, _HTML = InputFormat.TEXT.value, InputFormat.MARKDOWN.value, InputFormat.HTML.value
FORMATS: tuple[str, ...] = (_TEXT, _MARKDOWN, _HTML)

EXTENSIONS: dict[str, str] = {
    ".txt": _TEXT,
    ".text": _TEXT,
    ".md": _MARKDOWN,
    ".markdown": _MARKDOWN,
    ".mdx": _MARKDOWN,
    ".html": _HTML,
    ".htm": _HTML,
}

# Extra spellings accepted for an explicit input format (``--input-format md``).
_FORMAT_ALIASES: dict[str, str] = {
    "txt": _TEXT,
    "plain": _TEXT,
    "md": _MARKDOWN,
    "htm": _HTML,
}


class InputError(Exception):
    """Bad input. ``str(err)`` is one line: ``'<path>: <what is wrong>'``, the path's control
    characters escaped (a file name may hold a newline). ``path`` and ``reason`` are kept apart
    for the renderers, which never split the line again (a file name may hold ``": "``)."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{printable(path)}: {self.reason}")


# --------------------------------------------------------------------------------------------
# Document


@dataclass(frozen=True)
class Document:
    """An article: its decoded source, its article text and the map between them."""

    path: str  # as given by the user, or "<stdin>"
    format: str  # one of FORMATS
    source: str  # the file decoded as UTF-8, leading BOM removed, newlines untouched
    text: str  # article text: blocks separated by "\n\n"
    sha256: str  # hex sha256 of the file's raw bytes
    metadata: dict[str, Any] = field(default_factory=dict)  # front matter / <meta> fields
    _offsets: OffsetMap | None = field(default=None, repr=False, compare=False)
    # suppression comments found while reading, in source order (see .directives)
    directives: tuple[Directive, ...] = ()
    # the blocks as the reader found them; None: the text's paragraphs (see .blocks)
    _blocks: tuple[Block, ...] | None = field(default=None, repr=False, compare=False)
    _line_starts: list[int] = field(init=False, default_factory=list, repr=False, compare=False)
    _block_starts: list[int] = field(init=False, default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._offsets is None:
            if self.text != self.source:
                raise ValueError("an offset map is required when text differs from source")
            object.__setattr__(self, "_offsets", OffsetMap.identity(len(self.text)))
        if self._blocks is None:
            object.__setattr__(self, "_blocks", tuple(paragraph_blocks(self.text, BlockKind.PARAGRAPH)))
        object.__setattr__(self, "_line_starts", line_starts(self.source))
        object.__setattr__(self, "_block_starts", [b.start for b in self.blocks])

    @property
    def _map(self) -> OffsetMap:
        assert self._offsets is not None
        return self._offsets

    @property
    def blocks(self) -> tuple[Block, ...]:
        """The article's blocks in article-text offsets: in order, non-overlapping, covering
        every non-whitespace character of :attr:`text`, none holding a blank line."""
        assert self._blocks is not None
        return self._blocks

    def block_at(self, i: int) -> Block | None:
        """The block holding article-text index ``i``; ``None`` between blocks."""
        k = bisect_right(self._block_starts, i) - 1
        if k >= 0 and i < self.blocks[k].end:
            return self.blocks[k]
        return None

    def paragraph_spans(self) -> list[tuple[int, int]]:
        """``(start, end)`` of every block: the article text's paragraphs, whatever their kind
        (what splitting :attr:`text` on blank lines and trimming whitespace gives)."""
        return [(b.start, b.end) for b in self.blocks]

    def to_source(self, i: int) -> int:
        """Source index of article-text index ``i``; ``len(text)`` maps just past the end."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"article-text index {i} out of range 0..{len(self.text)}")
        return self._map.to_source(i)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source ``[s, e)`` of the article-text span ``[start, end)``.

        ``s`` is the source index of the first character; ``e`` is just past the source of the
        last character: ``to_source(end - 1) + 1`` for a verbatim character, the end of the
        whole entity/tag for a decoded one. An empty span gives ``(s, s)``.
        """
        s = self.to_source(start)
        if end <= start:
            return s, s
        if end > len(self.text):
            raise IndexError(f"article-text index {end} out of range 0..{len(self.text)}")
        return s, max(s, self._map.source_end(end - 1))

    def line_col(self, source_index: int) -> tuple[int, int]:
        """1-based line and 1-based column (in characters) of a source index."""
        if not 0 <= source_index <= len(self.source):
            raise IndexError(f"source index {source_index} out of range 0..{len(self.source)}")
        starts = self._line_starts
        line = bisect_right(starts, source_index) - 1
        return line + 1, source_index - starts[line] + 1

    def location(self, start: int, end: int) -> dict[str, int]:
        """``{"start", "end", "line", "column"}`` in source coordinates for a text span."""
        s, e = self.source_span(start, end)
        line, column = self.line_col(s)
        return {"start": s, "end": e, "line": line, "column": column}

    @property
    def line_count(self) -> int:
        """Lines in the source (a final line terminator does not start another line)."""
        if not self.source:
            return 0
        starts = self._line_starts
        return len(starts) - (1 if starts[-1] == len(self.source) else 0)


# --------------------------------------------------------------------------------------------
# Reading


def detect_format(path: str, input_format: str | None = None) -> str:
    """The input format: ``input_format`` if given, else by extension, else ``"text"``."""
    if input_format:
        fmt = input_format.strip().lower()
        fmt = _FORMAT_ALIASES.get(fmt, fmt)
        if fmt not in FORMATS:
            raise ValueError(f"unknown input format {input_format!r} (expected one of {', '.join(FORMATS)})")
        return fmt
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), _TEXT)


def read_document(path: str, input_format: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read and extract one article; ``"-"`` reads standard input (path ``"<stdin>"``).
    Only a regular file (or standard input) of at most ``max_bytes`` is read: anything else is
    an :class:`InputError` naming the file (a FIFO or ``/dev/zero`` must not hang a run)."""
    if path == "-":
        return document_from_bytes(
            read_stdin(max_bytes, "<stdin>"), "<stdin>", detect_format(path, input_format)
        )
    try:
        data = read_regular(path, max_bytes)
    except UnreadableFile as err:
        raise InputError(path, err.reason) from None
    except OSError as err:
        raise InputError(path, f"cannot read file: {err.strerror or err}") from None
    return document_from_bytes(data, path, input_format)


def read_stdin(max_bytes: int, name: str) -> bytes:
    """Standard input, at most ``max_bytes`` (an InputError naming ``name`` beyond that)."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            name, f"standard input is over the {format_size(max_bytes)} limit (raise it with --max-size)"
        )
    return data


def _decode(data: bytes, path: str) -> str:
    """The file's text: UTF-8, leading BOM removed; an :class:`InputError` if unusable. An
    empty or blank file is an article with nothing in it (checked, reported with no quotes)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "UTF-16 encoded file (only UTF-8 is supported)")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(path, f"binary file (NUL byte at byte offset {nul})")
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            path, f"invalid UTF-8 at byte offset {err.start} (byte 0x{data[err.start]:02x})"
        ) from None
    return source[1:] if source.startswith("\ufeff") else source


def document_from_bytes(data: bytes, path: str, input_format: str | None = None) -> Document:
    """Decode and extract an article from the file's raw bytes (``path`` names it in errors)."""
    fmt = detect_format(path, input_format)
    source = _decode(data, path)
    digest = hashlib.sha256(data).hexdigest()

    comments: list[Comment] = []
    if fmt == _TEXT:
        text, text_offsets = extract_text(source, comments)
        return Document(
            path, fmt, source, text, digest, {}, text_offsets, collect_directives(source, comments)
        )
    if fmt == _MARKDOWN:
        try:
            text, offsets, metadata, blocks = extract_markdown(source, comments)
        except FrontMatterError as err:
            raise InputError(path, str(err)) from None
    else:
        text, offsets, metadata, blocks = extract_html(source, comments)
    return Document(
        path, fmt, source, text, digest, metadata, offsets, collect_directives(source, comments), blocks
    )
