"""Attribution's shared ground: the records it produces (:class:`Attribution`, :class:`Cue`),
the article context it reads (:class:`_Context`) and the frame of each quotation."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

from ..documents.blocks import paragraph_spans
from ..lexicons import Lexicon
from ..mentions import (
    ArticleText,
    GivenNameIndex,
    Mention,
    given_name_index,
)
from ..parsing import Word
from ..quotes import QuoteSpan
from ..vocab import CuePattern, QuoteKind, Resolution

SUBJECT_RELS = ("nsubj", "nsubj:pass")
SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’')\]]|$)")
DIRECT_MIN_WORDS = 9  # an embedded quotation this long is a full quotation, not a partial one
POST_CUE_MAX_WORDS = 8  # a cue after a quotation that ends its sentence sits this close
POST_CUE_LONG_WINDOW = 40  # after "Q," the cue may follow a long apposition


@dataclass(frozen=True)
class Cue:
    """The words that attribute a quotation ("said", "according to", ":"), and the pattern
    (:data:`POST_PATTERNS`, :data:`PRE_PATTERNS`) that found them."""

    start: int
    end: int
    text: str
    lemma: str
    pattern: CuePattern


@dataclass(frozen=True)
class Attribution:
    """One quotation (or indirect attribution) with its cue and speaker."""

    start: int  # span of the quotation, marks included; for indirect: the reported clause
    end: int
    kind: QuoteKind
    text: str
    quote: QuoteSpan | None
    cue: Cue | None
    speaker: Mention | None
    resolution: Resolution | None  # explicit, pronoun, nominal or floating (the source is linked later)
    paragraph: int
    antecedent: int | None = None  # for floating: index of the attribution it takes its speaker from


@dataclass
class _Context(ArticleText):
    """The article as attribution reads it: mention indexes plus paragraphs."""

    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    footers: list[tuple[int, int]] = field(default_factory=list)  # blocks that say who a block quote is by
    quote_ends: list[int] = field(default_factory=list)  # every quotation's end, sorted
    quote_reach: list[int] = field(default_factory=list)  # [i]: the furthest end of quotes[: i + 1]
    post_verbs: dict[tuple[int, int, int], tuple[int, Word] | None] = field(default_factory=dict)
    # (quote start, frame after it): the first speech verb there (_post_verb_word; asked 2-4 times)
    calendar_surnames: dict[str, bool] = field(default_factory=dict)  # _calendar_surname, per word

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.paragraphs:  # no Document blocks given: the text's blank-line paragraphs
            self.paragraphs = paragraph_spans(self.text) or [(0, len(self.text))]
        self.para_starts = [s for s, _ in self.paragraphs]
        self.quote_ends = sorted(q.end for q in self.quotes)
        self.quote_reach = list(accumulate((q.end for q in self.quotes), max))

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.para_starts, offset) - 1)

    def given_names(self) -> GivenNameIndex:
        """Where the article writes a surname after a given name, indexed once (a scan of the
        whole text) on first use and shared with the source stage (:func:`given_name_index`)."""
        return given_name_index(self.text)


def _sentence_bounds(ctx: _Context, pos: int, direction: int, limit: int) -> int:
    """Walk from ``pos`` to the sentence end (direction +1) or start (-1), not past ``limit``,
    skipping text inside quotations."""
    text = ctx.text
    if direction > 0:
        i = pos
        while i < limit:
            if ctx.in_quote(i):
                i += 1
                continue
            if (
                text[i] in ".!?"
                and (
                    i + 1 >= len(text)
                    or text[i + 1].isspace()
                    or text[i + 1] in "”\"’')"
                    or (text[i + 1].isupper() and not text[i - 1 : i].isupper())
                )
                and not _is_abbreviation(text, i, ctx.lexicon)
            ):
                # "Jones said.Training would" (glued) ends the sentence too; "U.S." does not
                return i
            i += 1
        return limit
    i = pos - 1
    while i >= limit:
        if not ctx.in_quote(i) and text[i] in ".!?" and not _is_abbreviation(text, i, ctx.lexicon):
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if not nxt or nxt.isspace() or nxt.isupper() or nxt in '“"':
                return i + 1
        i -= 1
    return limit


def _is_abbreviation(text: str, i: int, lex: Lexicon) -> bool:
    """Is the period at ``i`` part of an abbreviation or initial (Gen., L., U.S.)?"""
    if text[i] != ".":
        return False
    before = text[max(0, i - 6) : i]
    m = re.search(r"([A-Za-z.]+)$", before)
    if not m:
        return False
    word = m.group(1)
    if word.rstrip(".") in lex.titles:
        return True
    if re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True
    return word in lex.abbreviations


@dataclass(frozen=True)
class _Frame:
    pre: tuple[int, int]  # [start, quote.start)
    post: tuple[int, int]  # [quote.end, end)


def _frame(ctx: _Context, qi: int) -> _Frame:
    q = ctx.quotes[qi]
    p_start = ctx.paragraphs[ctx.paragraph_of(q.start)][0]
    qs, text = ctx.quotes, ctx.text  # a nickname inside a name ends no frame: look past it, not past more
    before = next((qs[i] for i in range(qi - 1, -1, -1) if not _is_nickname(text, qs[i])), None)
    after = next((qs[i] for i in range(qi + 1, len(qs)) if not _is_nickname(text, qs[i])), None)
    prev_end = before.end if before else 0
    next_start = after.start if after else len(ctx.text)
    lo = max(p_start, prev_end)
    pre_start = _sentence_bounds(ctx, q.start, -1, lo)
    end_para = ctx.paragraphs[ctx.paragraph_of(q.end - 1)][1]
    hi = min(end_para, next_start, _line_break_after(ctx, q))
    post_end = _sentence_bounds(ctx, q.end, +1, hi)
    return _Frame((pre_start, q.start), (q.end, post_end))


_NICKNAME = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?")
_NICKNAME_NEIGHBOUR = re.compile(r"^[A-Z][\w.'-]*$")


def _is_nickname(text: str, q: QuoteSpan) -> bool:
    """Layout: Del. Marcia “Cia” Price / Earvin "Magic" Johnson. One or two capitalised words
    quoted between a capitalised word and the next: a nickname inside a name, which neither ends
    the frame of the quotation before it nor starts that of the one after it (“Q!” Marcia “Cia”
    Price shouted: the cue lies past the nickname)."""
    if not _NICKNAME.fullmatch(text[q.inner_start : q.inner_end]):
        return False
    left, right = text[max(0, q.start - 40) : q.start], text[q.end : q.end + 40]
    if not left.endswith(" ") or not right.startswith(" "):
        return False
    prev_word = left.rstrip().rsplit(maxsplit=1)[-1:]
    next_word = right.split(maxsplit=1)[:1]
    return bool(
        prev_word
        and next_word
        and _NICKNAME_NEIGHBOUR.match(prev_word[0])
        and _NICKNAME_NEIGHBOUR.match(next_word[0].rstrip(",.;:)"))
    )


def _quoted_besides_nicknames(ctx: _Context, lo: int, hi: int) -> bool:
    """Does a quotation other than a nickname (:func:`_is_nickname`) overlap [lo, hi)?"""
    if not ctx.in_quote(lo, hi):
        return False
    near = slice(max(0, bisect_right(ctx.quote_starts, lo) - 1), bisect_left(ctx.quote_starts, hi))
    return any(lo < q.end and not _is_nickname(ctx.text, q) for q in ctx.quotes[near])


def _cut_by_previous(ctx: _Context, qi: int, frame: _Frame) -> bool:
    """Whether the quotation before ``ctx.quotes[qi]`` cuts its frame: the frame before it opens
    right where that one closes (the two share a sentence)."""
    return qi > 0 and frame.pre[0] == ctx.quotes[qi - 1].end


_ENDS_SENTENCE = re.compile(r"[.!?][\s”\"’']*$")


def _line_break_after(ctx: _Context, q: QuoteSpan) -> int:
    """Layout: “... Peterson Foundation!”⏎Alpert’s metaphor is telling. A quotation that ends its
    sentence and its line: the next line is the next paragraph (many sites put one line break
    between paragraphs), so the frame after the quotation stops at the break, unless the next line
    goes on in lower case (hard-wrapped text). Else the text's end."""
    rest = ctx.text[q.end : q.end + 200]
    gap = len(rest) - len(rest.lstrip(" \t\u00a0"))
    if rest[gap : gap + 1] != "\n" or not _ENDS_SENTENCE.search(ctx.text[q.inner_start : q.inner_end]):
        return len(ctx.text)
    if rest[gap:].lstrip()[:1].islower():
        return len(ctx.text)  # a hard-wrapped line: “Is it safe?”⏎asked Smith.
    return q.end + gap


_OVER_OBJECT_XPOS = ("VBD", "VBZ", "VBP", "VBN")  # the tagger often calls "called" VBN


_CLAUSE_CLIMB_MAX = 3  # "blamed the court's “four liberal justices”": quotation -> noun -> verb
_FINITE_XPOS = ("VBD", "VBZ", "VBP", "MD")


_ACCORDING_MAX_WORDS = 4
