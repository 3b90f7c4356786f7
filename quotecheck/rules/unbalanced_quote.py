"""unbalanced-quote: a quotation mark is never closed, or closes nothing."""

from __future__ import annotations

from collections.abc import Iterator

from ..quotes import Imbalance
from ..vocab import Severity
from .core import Analysis, Context, Finding, NoOptions, Rule

_WHAT = {
    Imbalance.NEVER_CLOSED: "opens a quotation that never closes",
    Imbalance.CLOSES_NOTHING: "closes a quotation that was never opened",
}


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for u in an.unbalanced:
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
