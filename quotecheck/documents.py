"""Reading articles: plain text, Markdown or HTML in, a :class:`Document` out.

This is the first stage of a one-way pipeline. Later stages (the stanza parse, the quotation
scanner, the attribution rules) only ever see :attr:`Document.text`, the *article text*: the
prose of the article with markup removed, one block (paragraph, heading, list item, table
cell, block quote paragraph...) per chunk, blocks separated by ``"\\n\\n"``. Everything
quotecheck reports must nevertheless point into the *original file* (see
``docs/report-format.md``), so every document carries an exact map from article-text indices
back to source indices.

The offset map
--------------
The map is a sorted list of *runs* ``(text_start, source_start, width)``, one run covering the
article-text characters from its ``text_start`` up to the next run's ``text_start``. A run
is one of:

* an **identity run** (``width == -1``): the text characters are copied verbatim from the
  source, text index ``text_start + k`` maps to source index ``source_start + k``. Plain-text
  documents are a single identity run; in Markdown and HTML almost all prose is identity runs
  (a run ends where markup was removed);
* an **atomic run** (``width >= 0``): every text character of the run maps to
  ``source_start``, and the run stands for the ``width`` source characters from there. This
  is used for characters that are not copied verbatim: a decoded entity (``&amp;`` gives
  ``&`` mapped to the ``&`` of the entity, width 5), a collapsed HTML whitespace run that is
  not a plain space, a soft line break written as ``\\r\\n``, the curly quotes emitted for an
  HTML ``<q>`` element (mapped to the ``<q>``/``</q>`` tags), and the synthetic ``"\\n\\n"``
  block separators (width 0, mapped to the source position just past the previous block).

The runs are built while extracting, so a lookup is one :func:`bisect.bisect_right` over the
run starts: ``O(log runs)``. Source line starts (lines end at ``\\n``, ``\\r\\n`` or ``\\r``)
are precomputed as well, so :meth:`Document.line_col` is a bisect too.

``to_source`` is non-decreasing over the article text, so a span's source offsets are
ordered; :meth:`Document.source_span` reports the source offset of the span's first character
and the source end of its last character (for a decoded entity: the end of the whole entity).

Formats
-------
* ``text``: the article text is the decoded source itself, less any suppression-directive
  lines (see below).
* ``markdown``: parsed with markdown-it-py (CommonMark preset plus GFM tables); see
  :func:`_extract_markdown` for how inline positions are recovered from block line maps.
* ``html``: parsed with the standard library's :class:`html.parser.HTMLParser`; see
  :class:`_HTMLExtractor`.

Suppression directives
----------------------
While reading, the comments that switch rules off are collected into
:attr:`Document.directives` (:class:`Directive`, with *source* positions), for
:mod:`quotecheck.suppress`:

* Markdown and HTML: an HTML comment ``<!-- quotecheck-disable RULE[, RULE...] -->`` (also
  ``quotecheck-enable``, ``quotecheck-disable-next-line``, ``quotecheck-disable-file``). In
  Markdown only real HTML (an HTML block or inline HTML) counts, never a comment shown in a
  code span or code block, nor one inside an HTML block's ``<script>``/``<pre>``/``<style>``/
  ``<textarea>``. Comments are never article text anyway.
* Plain text: a whole line ``%% quotecheck-disable RULE...`` (optional blanks around). Such a
  line, with its line terminator, is *removed* from the article text; the rest of the source
  is kept as identity runs, so every other character still maps to itself.

Rules are separated by blanks or commas; no rule means every rule; an optional
``-- reason`` after them is ignored. Rule ids are kept as written (an unknown id is reported
by the suppress stage, not here).
"""

from __future__ import annotations

import datetime
import hashlib
import html
import os
import re
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import autolink as _md_autolink
from markdown_it.rules_inline import backtick as _md_backtick
from markdown_it.rules_inline import image as _md_image
from markdown_it.rules_inline import link as _md_link
from markdown_it.token import Token

__all__ = [
    "DIRECTIVE_KINDS",
    "EXTENSIONS",
    "FORMATS",
    "Directive",
    "Document",
    "InputError",
    "detect_format",
    "document_from_bytes",
    "parse_directive",
    "read_document",
]

FORMATS: tuple[str, ...] = ("text", "markdown", "html")

EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
}

# Extra spellings accepted for an explicit input format (``--input-format md``).
_FORMAT_ALIASES: dict[str, str] = {
    "txt": "text",
    "plain": "text",
    "md": "markdown",
    "htm": "html",
}

BLOCK_SEPARATOR = "\n\n"

_IDENTITY = -1  # run width marking an identity run


class InputError(Exception):
    """Bad input. ``str(err)`` is one line: ``'<path>: <what is wrong>'``."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(f"{path}: {self.reason}")


# --------------------------------------------------------------------------------------------
# The offset map


class _OffsetMap:
    """Article-text index -> source index, as sorted runs (see the module docstring)."""

    __slots__ = ("_t", "_s", "_w", "_len")

    def __init__(self, text_starts: list[int], source_starts: list[int], widths: list[int],
                 text_len: int) -> None:
        self._t = text_starts
        self._s = source_starts
        self._w = widths
        self._len = text_len

    @classmethod
    def identity(cls, length: int) -> _OffsetMap:
        return cls([0], [0], [_IDENTITY], length)

    @property
    def run_count(self) -> int:
        return len(self._t)

    def _run(self, i: int) -> int:
        if not 0 <= i < self._len:
            raise IndexError(f"article-text index {i} out of range 0..{self._len}")
        return bisect_right(self._t, i) - 1

    def to_source(self, i: int) -> int:
        if i == self._len:
            return self.source_end(i - 1) if self._len else 0
        k = self._run(i)
        if self._w[k] == _IDENTITY:
            return self._s[k] + (i - self._t[k])
        return self._s[k]

    def source_end(self, i: int) -> int:
        """Exclusive source end of the source text that article character ``i`` stands for."""
        k = self._run(i)
        w = self._w[k]
        if w == _IDENTITY:
            return self._s[k] + (i - self._t[k]) + 1
        return self._s[k] + w


class _Block:
    """One block of article text under construction: pieces of text with source positions.

    A piece is ``(text, source_start, width)`` with the run semantics of :class:`_OffsetMap`
    (``width == _IDENTITY``: copied verbatim; else every character maps to ``source_start``).
    """

    __slots__ = ("pieces", "in_article", "in_main")

    def __init__(self, in_article: bool = False, in_main: bool = False) -> None:
        self.pieces: list[tuple[str, int, int]] = []
        self.in_article = in_article
        self.in_main = in_main

    def add(self, text: str, src: int, width: int = _IDENTITY) -> None:
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
        for ch, p in zip(text, positions):
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
                if width == _IDENTITY:
                    src += len(text) - len(stripped)
                self.pieces[0] = (stripped, src, width)
                return
            self.pieces.pop(0)

    def source_end(self) -> int:
        text, src, width = self.pieces[-1]
        return src + len(text) if width == _IDENTITY else src + width


def _assemble(blocks: Iterable[_Block]) -> tuple[str, _OffsetMap]:
    """Join non-empty blocks with ``"\\n\\n"`` and build the run list, merging runs."""
    parts: list[str] = []
    t_starts: list[int] = []
    s_starts: list[int] = []
    widths: list[int] = []
    n = 0

    def add(text: str, src: int, width: int) -> None:
        nonlocal n
        if t_starts and widths[-1] == width:
            if width == _IDENTITY:
                if s_starts[-1] + (n - t_starts[-1]) == src:  # continues the previous run
                    parts.append(text)
                    n += len(text)
                    return
            elif s_starts[-1] == src:  # same atomic source (e.g. "&NotEqualTilde;" -> 2 chars)
                parts.append(text)
                n += len(text)
                return
        t_starts.append(n)
        s_starts.append(src)
        widths.append(width)
        parts.append(text)
        n += len(text)

    first = True
    previous_end = 0
    for block in blocks:
        block.strip()
        if not block.pieces:
            continue
        if not first:
            add(BLOCK_SEPARATOR, previous_end, 0)
        first = False
        for text, src, width in block.pieces:
            add(text, src, width)
        previous_end = block.source_end()
    return "".join(parts), _OffsetMap(t_starts, s_starts, widths, n)


def _line_starts(source: str) -> list[int]:
    """Start index of every line; lines end at ``\\n``, ``\\r\\n`` or ``\\r``."""
    return [0] + [m.end() for m in re.finditer(r"\r\n?|\n", source)]


# --------------------------------------------------------------------------------------------
# Suppression directives

DIRECTIVE_KINDS: tuple[str, ...] = ("disable", "enable", "disable-next-line", "disable-file")

# The body of a directive: what follows "<!--" (HTML, Markdown) or "%%" (plain text).
_DIRECTIVE_BODY = re.compile(
    r"\s*quotecheck-(disable-next-line|disable-file|disable|enable)(?![\w-])(.*)\Z", re.S)
# "-- reason": a double hyphen standing alone ends the rule list.
_DIRECTIVE_REASON = re.compile(r"(?:^|\s)--(?:\s|\Z)")
_DIRECTIVE_RULE_SEP = re.compile(r"[\s,]+")
# A plain-text directive line: "%% quotecheck-...", blanks allowed around it.
_TEXT_DIRECTIVE_LINE = re.compile(r"[ \t]*(%%([^\r\n]*?))[ \t]*")
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


@dataclass(frozen=True)
class Directive:
    """One suppression comment, as written in the source.

    ``kind`` is one of :data:`DIRECTIVE_KINDS`; ``rules`` the rule ids as written, in order
    (empty: every rule); ``start``/``end`` the source span of the whole comment
    (``<!-- ... -->``, or ``%%`` up to the end of the line's last non-blank character);
    ``line`` the 1-based source line of ``start``.
    """

    kind: str
    rules: tuple[str, ...]
    start: int
    end: int
    line: int


def parse_directive(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``(kind, rules)`` of a comment body such as ``" quotecheck-disable a, b -- why "``.

    ``None`` when the body is not a quotecheck directive (any other comment).
    """
    m = _DIRECTIVE_BODY.match(body)
    if m is None:
        return None
    rest = _DIRECTIVE_REASON.split(m.group(2), maxsplit=1)[0]
    rules = tuple(r for r in _DIRECTIVE_RULE_SEP.split(rest) if r)
    return m.group(1), rules


def _directives(source: str, comments: Iterable[tuple[int, int, str]]) -> tuple[Directive, ...]:
    """Directives among ``(source_start, source_end, body)`` comments, in source order."""
    starts = _line_starts(source)
    found = []
    for start, end, body in comments:
        parsed = parse_directive(body)
        if parsed is not None:
            found.append(Directive(parsed[0], parsed[1], start, end, bisect_right(starts, start)))
    found.sort(key=lambda d: d.start)
    return tuple(found)


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
    _offsets: _OffsetMap | None = field(default=None, repr=False, compare=False)
    # suppression comments found while reading, in source order (see the module docstring)
    directives: tuple[Directive, ...] = ()
    _line_starts: list[int] = field(init=False, default_factory=list, repr=False,
                                    compare=False)

    def __post_init__(self) -> None:
        if self._offsets is None:
            if self.text != self.source:
                raise ValueError("an offset map is required when text differs from source")
            object.__setattr__(self, "_offsets", _OffsetMap.identity(len(self.text)))
        object.__setattr__(self, "_line_starts", _line_starts(self.source))

    @property
    def _map(self) -> _OffsetMap:
        assert self._offsets is not None
        return self._offsets

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
            raise ValueError(
                f"unknown input format {input_format!r} (expected one of {', '.join(FORMATS)})")
        return fmt
    return EXTENSIONS.get(os.path.splitext(path)[1].lower(), "text")


def read_document(path: str, input_format: str | None = None) -> Document:
    """Read and extract one article; ``"-"`` reads standard input (path ``"<stdin>"``)."""
    if path == "-":
        return document_from_bytes(sys.stdin.buffer.read(), "<stdin>",
                                   detect_format(path, input_format))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except FileNotFoundError:
        raise InputError(path, "no such file or directory") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as err:
        raise InputError(path, f"cannot read file: {err.strerror or err}") from None
    return document_from_bytes(data, path, input_format)


def document_from_bytes(data: bytes, path: str, input_format: str | None = None) -> Document:
    """Decode and extract an article from the file's raw bytes (``path`` names it in errors)."""
    fmt = detect_format(path, input_format)
    if not data:
        raise InputError(path, "empty file")
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
    if source.startswith("\ufeff"):
        source = source[1:]
    if not source:
        raise InputError(path, "empty file (only a byte order mark)")
    if not source.strip():
        raise InputError(path, "file contains only whitespace")
    digest = hashlib.sha256(data).hexdigest()

    comments: list[tuple[int, int, str]] = []
    if fmt == "text":
        text, text_offsets = _extract_text(source, comments)
        if not text.strip():
            raise InputError(path, "no article text after removing quotecheck directives")
        return Document(path, fmt, source, text, digest, {}, text_offsets,
                        _directives(source, comments))
    if fmt == "markdown":
        text, offsets, metadata = _extract_markdown(source, comments)
    else:
        text, offsets, metadata = _extract_html(source, comments)
    if not text.strip():
        raise InputError(path, "no article text after removing markup")
    return Document(path, fmt, source, text, digest, metadata, offsets,
                    _directives(source, comments))


# --------------------------------------------------------------------------------------------
# Plain text


def _extract_text(source: str,
                  comments: list[tuple[int, int, str]]) -> tuple[str, _OffsetMap | None]:
    """Article text of a plain-text source: the source less its directive lines.

    A directive line is removed with its line terminator; what is kept is copied verbatim,
    one identity run per kept stretch. Without directive lines the text is the source itself
    and the map is ``None`` (the document's identity map). Each directive line is appended to
    ``comments`` as ``(start of "%%", end of its last non-blank character, body after "%%")``.
    """
    starts = _line_starts(source)
    removed: list[tuple[int, int]] = []
    for k, line_start in enumerate(starts):
        next_start = starts[k + 1] if k + 1 < len(starts) else len(source)
        if line_start == next_start:
            continue
        line_end = next_start
        while line_end > line_start and source[line_end - 1] in "\r\n":
            line_end -= 1
        m = _TEXT_DIRECTIVE_LINE.fullmatch(source, line_start, line_end)
        if m is None or parse_directive(m.group(2)) is None:
            continue
        comments.append((m.start(1), m.end(1), m.group(2)))
        removed.append((line_start, next_start))
    if not removed:
        return source, None
    parts: list[str] = []
    t_starts: list[int] = []
    s_starts: list[int] = []
    n = 0
    kept_from = 0
    for cut_start, cut_end in removed + [(len(source), len(source))]:
        if cut_start > kept_from:
            t_starts.append(n)
            s_starts.append(kept_from)
            parts.append(source[kept_from:cut_start])
            n += cut_start - kept_from
        kept_from = cut_end
    return "".join(parts), _OffsetMap(t_starts, s_starts, [_IDENTITY] * len(t_starts), n)


# --------------------------------------------------------------------------------------------
# Front matter (Markdown)

_FRONT_MATTER_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_YAML_LINE = re.compile(r"([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$")


def _split_front_matter(source: str) -> tuple[int, int, dict[str, Any]]:
    """``(body_start, lines_consumed, metadata)`` of a leading front-matter block, if any.

    A front-matter block is a first line ``---`` (YAML, closed by ``---`` or ``...``) or
    ``+++`` (TOML, closed by ``+++``) up to its closing line; without a closing line there is
    no front matter (a leading ``---`` is then an ordinary thematic break).
    """
    lines = _SourceLines(source)
    opener = lines.text(0).rstrip()
    if opener not in _FRONT_MATTER_FENCES or len(lines) < 2:
        return 0, 0, {}
    closers = _FRONT_MATTER_FENCES[opener]
    for k in range(1, len(lines)):
        if lines.text(k).rstrip() in closers:
            inner = source[lines.starts[1]:lines.starts[k]]
            body_start = lines.starts[k + 1] if k + 1 < len(lines) else len(source)
            if opener == "+++":
                metadata = _parse_toml(inner)
            else:
                metadata = _parse_simple_yaml(inner)
            return body_start, k + 1, metadata
    return 0, 0, {}


def _parse_toml(text: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}  # metadata is a nicety; a broken header does not make the article unreadable
    return {key: _json_friendly(value) for key, value in data.items()}


def _json_friendly(value: Any) -> Any:
    """TOML dates and times as ISO strings so metadata can go into a JSON report."""
    if isinstance(value, (datetime.date, datetime.time)):  # datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return [_json_friendly(v) for v in value]
    if isinstance(value, dict):
        return {k: _json_friendly(v) for k, v in value.items()}
    return value


def _parse_simple_yaml(text: str) -> dict[str, Any]:
    """Top-level ``key: value`` scalars of a YAML header; nested structures are ignored."""
    metadata: dict[str, Any] = {}
    for line in text.splitlines():
        m = _YAML_LINE.fullmatch(line)
        if not m or not m.group(2):
            continue
        value = m.group(2)
        if value[0] in "\"'":
            quote = value[0]
            end = value.find(quote, 1)
            if end < 0:
                continue
            value = value[1:end]
            if quote == "'":
                value = value.replace("''", "'")
        else:
            if value[0] in "[{|>&*!":  # flow collections, block scalars, anchors, tags
                continue
            value = re.sub(r"[ \t]+#.*$", "", value)
        metadata[m.group(1)] = value
    return metadata


# --------------------------------------------------------------------------------------------
# Markdown


def _markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    # Keep escapes and entities as separate ``text_special`` tokens (their source differs from
    # their text); text_join would merge them into the neighbouring text.
    md.disable("text_join")
    return md


_MD = _markdown_parser()


class _SourceLines:
    """Line start/end indices of the source (lines end at \\n, \\r\\n or \\r)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts: list[int] = []
        self.ends: list[int] = []  # index of the line terminator (or len(source))
        pos = 0
        for m in re.finditer(r"\r\n?|\n", source):
            self.starts.append(pos)
            self.ends.append(m.start())
            pos = m.end()
        self.starts.append(pos)
        self.ends.append(len(source))

    def __len__(self) -> int:
        return len(self.starts)

    def text(self, k: int) -> str:
        return self.source[self.starts[k]:self.ends[k]]


def _extract_markdown(source: str, comments: list[tuple[int, int, str]] | None = None
                      ) -> tuple[str, _OffsetMap, dict[str, Any]]:
    """Article text of a Markdown source; its HTML comments are appended to ``comments``.

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
    body_start, fm_lines, metadata = _split_front_matter(source)
    lines = _SourceLines(source)
    env: dict[str, Any] = {}
    tokens = _MD.parse(source[body_start:], env)
    line_cursor: dict[int, int] = {}
    blocks: list[_Block] = []
    cell = False
    for tok in tokens:
        if tok.type in ("th_open", "td_open"):
            cell = True
        elif tok.type in ("th_close", "td_close"):
            cell = False
        elif tok.type == "inline" and tok.map is not None and tok.children is not None:
            first_line = fm_lines + tok.map[0]
            positions = _align_content(tok.content, first_line, lines, line_cursor, cell)
            block = _Block()
            _walk_inline(tok.content, tok.children, positions, source, env, block, comments)
            blocks.append(block)
        elif tok.type == "html_block" and tok.map is not None and comments is not None:
            _block_comments(tok.content, fm_lines + tok.map[0], lines, comments)
    text, offsets = _assemble(blocks)
    return text, offsets, metadata


# HTML blocks whose content is raw text: a "comment" inside them is not a comment.
_RAW_HTML_BLOCK = re.compile(r"[ \t]*<(?:script|pre|style|textarea)(?:[\s>]|\Z)", re.I)


def _block_comments(content: str, first_line: int, lines: _SourceLines,
                    comments: list[tuple[int, int, str]]) -> None:
    """Append the HTML comments of an ``html_block`` token, with their source spans."""
    if "<!--" not in content or _RAW_HTML_BLOCK.match(content):
        return
    positions: list[int] | None = None
    for m in _HTML_COMMENT.finditer(content):
        if positions is None:
            positions = _align_content(content, first_line, lines, {}, False)
        comments.append((positions[m.start()], positions[m.end() - 1] + 1, m.group(1)))


def _align_content(content: str, first_line: int, lines: _SourceLines,
                   line_cursor: dict[int, int], table_cell: bool) -> list[int]:
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
        if off >= 0 and off - lead >= col and line[off - lead:off] == piece[:lead]:
            off -= lead
            core, lead = piece, 0
        if off >= 0:
            for n in range(lead):  # blanks not in the source: map them to the core's start
                positions[ci + n] = start + off
            positions[ci + lead:ci + len(piece)] = range(start + off, start + off + len(core))
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


def _walk_inline(content: str, children: list[Token], positions: list[int], source: str,
                 env: dict[str, Any], block: _Block,
                 comments: list[tuple[int, int, str]] | None = None) -> None:
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
                    block.add_chars(tok.content, positions[at:at + len(tok.markup)])
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
                m = _HTML_COMMENT.fullmatch(tok.content)
                if comments is not None and m is not None:
                    comments.append((positions[at], positions[cursor - 1] + 1, m.group(1)))
        i += 1


# --------------------------------------------------------------------------------------------
# HTML

# Elements that start and end a block of article text.
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "legend", "li",
    "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "xmp",
})
# Elements whose content is never article text.
_SKIP_TAGS = frozenset({
    "script", "style", "head", "nav", "aside", "footer", "noscript", "template",
    # also skipped: embedded non-prose content and form controls
    "svg", "math", "iframe", "object", "canvas", "select", "textarea", "button",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
})
# Start tags that may appear in <head> without implicitly closing it.
_HEAD_CONTENT = frozenset({
    "base", "link", "meta", "noscript", "script", "style", "template", "title",
})
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


def _extract_html(source: str, comments: list[tuple[int, int, str]] | None = None
                  ) -> tuple[str, _OffsetMap, dict[str, Any]]:
    """Article text of an HTML page; its comments are appended to ``comments``."""
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
            text, offsets = _assemble(choice)
            return text, offsets, parser.metadata
    text, offsets = _assemble([])
    return text, offsets, parser.metadata


class _HTMLExtractor(HTMLParser):
    """Article text of an HTML page, with exact source positions.

    This uses the standard library's :class:`html.parser.HTMLParser` (maintained with
    Python itself, no extra dependency) because it reports where every construct starts via
    :meth:`getpos`. ``getpos()`` is ``(line, offset)`` with lines counted on ``\\n`` only and
    the offset in characters of the decoded ``str``; it is turned into a ``str`` index with the
    starts of ``\\n``-terminated lines (so ``\\r\\n`` and lone ``\\r`` files are handled
    exactly). ``convert_charrefs=False`` makes the parser report character references
    separately, so each decoded character can be mapped to its reference's first character.

    Text is collected into :class:`_Block` objects: block-level tags end the current block,
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
        self.blocks: list[_Block] = []
        self.metadata: dict[str, Any] = {}
        self.comments: list[tuple[int, int, str]] = []
        self._block: _Block | None = None
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

    def run(self) -> list[_Block]:
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
    def _current(self) -> _Block:
        if self._block is None:
            self._block = _Block(self._article > 0, self._main > 0)
        return self._block

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
                block.add(" ", p, _IDENTITY if seg[0] == " " else 1)
            else:
                self._quote_block_start(seg[0])
                self._current().add(seg, p)
                self._no_space = False

    def _quote_block_start(self, first: str) -> None:
        """A ``<blockquote>`` is a quotation. When its text carries no quotation marks of its
        own, each of its paragraphs opens with “ (mapped to the ``<blockquote>`` or paragraph
        tag) and the last one closes with ” (mapped to ``</blockquote>``): the typographic
        convention for quotations over several paragraphs, which the quotation scanner reads."""
        if not self._bq or (self._block is not None and self._block.pieces):
            return
        quote = self._bq[-1]
        if quote["state"] == "pending":
            quote["state"] = "authored" if first in "“\"«‘'„" else "marked"
        if quote["state"] == "marked":
            pos, width = quote["tag"]
            self._current().add("“", pos, width)
            quote["block"] = self._block

    def _emit_pre(self, text: str, pos: int) -> None:
        """Preformatted text: kept as is, with \\r\\n and \\r read as \\n."""
        block = self._current()
        start = 0
        for m in re.finditer(r"\r\n?", text):
            block.add(text[start:m.start()], pos + start)
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
                self._quote_block_start(ch)
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
        if tag in _SKIP_TAGS:
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
        if tag in _SKIP_TAGS:
            count = self._skip.get(tag, 0)
            if count:
                self._skip[tag] = count - 1
                self._skipping -= 1
            return
        if self._skipping:
            return
        if tag in _BLOCK_TAGS:
            if tag == "blockquote" and self._bq:
                quote = self._bq.pop()
                block = quote["block"]
                if quote["state"] == "marked" and block is not None:
                    if block is self._block:
                        block.rstrip(_HTML_SPACE)
                    block.add("”", pos, self._end_tag_width(pos))
            self._flush()
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
        text = self.source[pos:pos + len(data)]
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
