"""Quotation spans from typography alone (no parse needed).

The scanner reads the article text once, left to right, keeping one open double quotation at
a time (US style: double quotes outside, single quotes nested inside). It knows that:

- curly “ opens and ” closes; a straight " opens or closes by its neighbours (space or
  bracket before and a word after: opens; a word or punctuation before: closes), and by
  whether a quotation is open;
- a quotation may run over several paragraphs: a paragraph that ends inside a quotation and a
  next paragraph that starts with an opening mark continue the same quotation;
- a closing mark can be glued to the next word (``training.”The number``);
- a “ inside an open quotation nests in it (double marks in double marks) when its ” is followed
  by the outer quotation's closing mark before any other opening mark in the paragraph;
- single quotes only matter inside a double quotation, and ’ between letters (don’t), after
  an s before a space (Jones’ plan) or before digits (’90s) is an apostrophe;
- guillemets « » are a pair too, and two apostrophes ``''`` (typewriter style, common in
  wire and archive copy) are a straight double quote;
- British style (single curly quotes outside, double inside: ‘We will deliver,’ said the
  minister) is read by swapping the two kinds of curly marks when the article opens more
  quotations with ‘ than with double marks (:func:`single_outer`).

What cannot be paired becomes an :class:`Unbalanced` record (never an exception): an opening
mark whose quotation never closes, or a closing mark with nothing open.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from .documents.blocks import paragraph_spans

OPEN_DOUBLE = "“«"
CLOSE_DOUBLE = "”»"
STRAIGHT = '"'
TYPEWRITER = "''"
PAIRS = {"“": "”", "«": "»", '"': '"'}
OPEN_SINGLE = "‘"
AMBIGUOUS_SINGLE = "’'"
_OPEN_CONTEXT = set(" \t\n\r([{—–-/") | {"\u00a0"}


@dataclass(frozen=True)
class NestedQuote:
    start: int  # offset of the opening single mark
    end: int  # offset just past the closing single mark


@dataclass(frozen=True)
class QuoteSpan:
    """One quotation: ``start`` is its opening mark, ``end`` is just past its closing mark."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    paragraphs: int = 1
    reopen_marks: tuple[int, ...] = ()  # offsets of the marks reopening later paragraphs
    nested: tuple[NestedQuote, ...] = field(default_factory=tuple)

    @property
    def inner_start(self) -> int:
        return self.start + len(self.open_mark)

    @property
    def inner_end(self) -> int:
        return self.end - len(self.close_mark)

    def inner_text(self, text: str) -> str:
        return text[self.inner_start : self.inner_end]


class Imbalance(StrEnum):
    """Why a quotation mark could not be paired."""

    NEVER_CLOSED = "never closed"  # an opening mark
    CLOSES_NOTHING = "closes nothing"  # a closing mark


@dataclass(frozen=True)
class Unbalanced:
    """A quotation mark that could not be paired."""

    offset: int
    mark: str
    reason: Imbalance


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _straight_role(text: str, i: int, inside: bool, width: int = 1) -> str:
    """'open' or 'close' for a straight double quote (``"`` or ``''``) at i."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + width] if i + width < len(text) else ""
    opens = (before == "" or before in _OPEN_CONTEXT) and not _is_space(after)
    closes = (before != "" and not before.isspace()) and (_is_space(after) or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "close" if inside else "open"


def _curly_open_is_close(text: str, i: int) -> bool:
    """A “ typed where ” was meant: glued to the word before, followed by space or end."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before) and not before.isspace() and before not in "([{—–" and _is_space(after)


def _nested_double_end(text: str, i: int, end: int, outer: str) -> int | None:
    """Where a double quotation opened by the “ at ``i`` inside an open one (opened by ``outer``)
    ends, if it is nested in it: its ” is followed, before any other opening mark in the
    paragraph (``text[:end]``), by the mark closing the outer one (“I’d rather live in what he
    calls “hell” than ...”; "... read you the question: “As you know, ...?” Forty-three, yes.").
    None: the “ opens a new quotation."""
    if outer not in ("“", STRAIGHT):
        return None
    first = text.find("”", i + 1, end)
    if first < 0:
        return None
    marks = [j for j in (text.find(m, first + 1, end) for m in ("“", "”", STRAIGHT)) if j >= 0]
    if not marks:
        return None
    nxt = min(marks)
    closes = (
        text[nxt] == "”"
        if outer == "“"
        else text[nxt] == STRAIGHT and _straight_role(text, nxt, True) == "close"
    )
    return first + 1 if closes else None


def _find_nested(text: str, start: int, end: int) -> tuple[NestedQuote, ...]:
    """Single-quoted stretches inside the double quotation text[start:end]."""
    out: list[NestedQuote] = []
    i = start
    while i < end:
        ch = text[i]
        if text.startswith("''", i):
            i += 2
            continue
        if ch in OPEN_SINGLE or ch == "'":
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else ""
            if (before.isspace() or before in '“"(—–' or i == start) and after and after.isalpha():
                close = _find_single_close(text, i + 1, end)
                if close is not None:
                    out.append(NestedQuote(i, close + 1))
                    i = close + 1
                    continue
        i += 1
    return tuple(out)


def _find_single_close(text: str, i: int, end: int) -> int | None:
    while i < end:
        ch = text[i]
        if ch in AMBIGUOUS_SINGLE:
            before = text[i - 1]
            after = text[i + 1] if i + 1 < len(text) else ""
            apostrophe = before.isalpha() and after.isalpha()  # don’t, rock ’n’ roll
            if not apostrophe and not before.isspace() and (not after.isalnum()):
                return i
        elif ch in '“”"' or text.startswith("\n\n", i) or text.startswith("''", i):
            return None
        i += 1
    return None


_SINGLE_OUTER_MIN = 2  # ‘ openings an article needs before it is read as British style
_SINGLE_MARK = re.compile(OPEN_SINGLE)
_DOUBLE_MARK = re.compile(f"[{re.escape(OPEN_DOUBLE + STRAIGHT)}]")
_CLOSE_SINGLE_MARK = re.compile("’")
_SWAP = str.maketrans({"‘": "“", "“": "‘", "”": "’"})


def _opens_at(text: str, i: int) -> bool:
    """The mark at ``i`` stands where a quotation opens: after a space, bracket or dash (or at
    the start) and before a word, digit or quotation mark."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return (before == "" or before in _OPEN_CONTEXT) and (after.isalnum() or after in '“‘"')


def single_outer(text: str) -> bool:
    """The article quotes in British style: more quotations open with ‘ than with “, « or a
    straight double quote (a US headline's ‘Q’ among double-quoted paragraphs does not count)."""
    singles = sum(_opens_at(text, m.start()) for m in _SINGLE_MARK.finditer(text))
    if singles < _SINGLE_OUTER_MIN:
        return False
    doubles = sum(_opens_at(text, m.start()) for m in _DOUBLE_MARK.finditer(text))
    return singles > doubles


def _closes_single(text: str, i: int) -> bool:
    """The ’ at ``i`` closes a quotation rather than being an apostrophe: not between letters
    (don’t), not before a digit (’90s), not a plural possessive before a lowercase word (the
    players’ union), and after a word or punctuation mark."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    nxt = text[i + 2] if i + 2 < len(text) else ""
    if not before or before.isspace() or after.isalnum():
        return False
    return not (before in "sS" and after == " " and nxt.islower())


def _swap_single_double(text: str) -> str:
    """``text`` with British marks turned into US ones, offsets unchanged: ‘ and a closing ’
    become “ and ”, and the double marks nested in them become ‘ and ’."""
    chars = list(text.translate(_SWAP))
    for m in _CLOSE_SINGLE_MARK.finditer(text):
        if _closes_single(text, m.start()):
            chars[m.start()] = "”"
    return "".join(chars)


def scan_quotes(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None
) -> tuple[list[QuoteSpan], list[Unbalanced]]:
    """All quotations in ``text`` (in order) and the marks that could not be paired: double
    quotations, or single ones in an article quoted in British style (:func:`single_outer`).

    ``paragraphs``: the article's paragraphs (``Document.paragraph_spans()``, from its blocks);
    a quotation may run on into the next paragraph only if that one reopens it. Without them,
    ``text`` is split on blank lines."""
    if not single_outer(text):
        return _scan_double(text, paragraphs)
    quotes, problems = _scan_double(_swap_single_double(text), paragraphs)
    return (
        [
            replace(q, open_mark=text[q.start : q.inner_start], close_mark=text[q.inner_end : q.end])
            for q in quotes
        ],
        [replace(p, mark=text[p.offset : p.offset + len(p.mark)]) for p in problems],
    )


def _scan_double(
    text: str, paragraphs: Sequence[tuple[int, int]] | None = None
) -> tuple[list[QuoteSpan], list[Unbalanced]]:
    """All double quotations in ``text`` (in order) and the marks that could not be paired."""
    quotes: list[QuoteSpan] = []
    problems: list[Unbalanced] = []
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    open_at: int | None = None
    open_mark = ""
    reopens: list[int] = []

    def close(at: int, mark: str) -> None:
        nonlocal open_at, reopens
        assert open_at is not None
        inner = (open_at + len(open_mark), at)
        quotes.append(
            QuoteSpan(
                open_at,
                at + len(mark),
                open_mark,
                mark,
                1 + len(reopens),
                tuple(reopens),
                _find_nested(text, *inner),
            )
        )
        open_at, reopens = None, []

    for n, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if open_at is not None:
            # A quotation left open by the previous paragraph continues only if this one
            # reopens with a mark; otherwise it was never closed.
            first = text[p_start]
            width = 2 if text.startswith(TYPEWRITER, p_start) else 1
            if first in OPEN_DOUBLE or (
                (first == STRAIGHT or width == 2) and _straight_role(text, p_start, False, width) == "open"
            ):
                reopens.append(p_start)
                i = p_start + width
            else:
                problems.append(Unbalanced(open_at, open_mark, Imbalance.NEVER_CLOSED))
                open_at, reopens = None, []
        while i < p_end:
            ch = text[i]
            if ch in OPEN_DOUBLE:
                if open_at is None:
                    open_at, open_mark = i, ch
                elif ch == "“" and _curly_open_is_close(text, i):
                    close(i, ch)
                elif ch == "“" and (inner_end := _nested_double_end(text, i, p_end, open_mark)) is not None:
                    i = inner_end  # “... he calls “hell” than ...”: a double quotation nested in one
                    continue
                else:
                    problems.append(Unbalanced(open_at, open_mark, Imbalance.NEVER_CLOSED))
                    open_at, open_mark, reopens = i, ch, []
            elif ch in CLOSE_DOUBLE:
                if open_at is not None:
                    close(i, ch)
                elif (
                    ch == "”"
                    and i + 1 < p_end
                    and not text[i + 1].isspace()
                    and (i == p_start or text[i - 1].isspace())
                ):
                    open_at, open_mark = i, ch  # ” typed as an opening mark (also Swedish style)
                else:
                    problems.append(Unbalanced(i, ch, Imbalance.CLOSES_NOTHING))
            elif ch == STRAIGHT or text.startswith(TYPEWRITER, i):
                mark = ch if ch == STRAIGHT else TYPEWRITER
                role = _straight_role(text, i, open_at is not None, len(mark))
                if role == "open":
                    if open_at is not None:
                        problems.append(Unbalanced(open_at, open_mark, Imbalance.NEVER_CLOSED))
                        reopens = []
                    open_at, open_mark = i, mark
                elif open_at is not None:
                    close(i, mark)
                else:
                    problems.append(Unbalanced(i, mark, Imbalance.CLOSES_NOTHING))
                i += len(mark)
                continue
            i += 1
        if open_at is not None:
            nxt = paragraphs[n + 1][0] if n + 1 < len(paragraphs) else None
            if nxt is None:
                problems.append(Unbalanced(open_at, open_mark, Imbalance.NEVER_CLOSED))
                open_at, reopens = None, []
    problems.sort(key=lambda p: p.offset)
    return quotes, problems
