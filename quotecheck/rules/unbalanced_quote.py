"""unbalanced-quote: a quotation mark is never closed, or closes nothing.

The marks of a transcript quoted paragraph by paragraph ("\"WALLACE: ..." / "\"PENCE: ...", each
turn opened by a mark, :mod:`quotecheck.transcripts`) are that layout's, not an unclosed quotation."""

from __future__ import annotations

from collections.abc import Iterator

from ..quotes import Imbalance
from ..transcripts import OPENING_MARKS
from ..vocab import CuePattern, Severity
from .core import Analysis, Context, Finding, NoOptions, Rule

_WHAT = {
    Imbalance.NEVER_CLOSED: "opens a quotation that never closes",
    Imbalance.CLOSES_NOTHING: "closes a quotation that was never opened",
}


def _quoted_turns(an: Analysis) -> list[tuple[int, int]]:
    """The spans of a quoted transcript's turns, from the mark before each label to the mark
    that may close the turn."""
    spans = []
    for linked in an.sources.attributions:
        a, cue = linked.attribution, linked.attribution.cue
        if (
            cue is not None
            and cue.pattern == CuePattern.TRANSCRIPT
            and an.text[cue.start - 1 : cue.start] in OPENING_MARKS
        ):
            spans.append((cue.start - 1, a.end + 1))
    return spans


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    turns = _quoted_turns(an)
    for u in an.unbalanced:
        if any(start <= u.offset < end for start, end in turns):
            continue
        yield ctx.finding(f"quotation mark {u.mark} {_WHAT[u.reason]}", u.offset, u.offset + len(u.mark))


RULE = Rule(
    id="unbalanced-quote",
    severity=Severity.WARNING,
    summary="A quotation mark is never closed, or closes nothing.",
    rationale="An unclosed quotation leaves the reader unsure where a source's words end.",
    basis="Quotation typography (AP Stylebook, quotation marks).",
    fires="“We will not back down, the mayor said.",
    passes="“We will not back down,” the mayor said.",
    check=check,
)
