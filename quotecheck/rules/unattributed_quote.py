"""unattributed-quote: a direct quotation with no speaker in reach."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import Severity
from .common import quoted, short
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        a = la.attribution
        if quoted(a.kind) and la.source is None:
            yield ctx.finding_on(f"quotation “{short(a.text, 50)}” has no speaker in reach", a, quote=i)


RULE = Rule(
    id="unattributed-quote",
    severity=Severity.ERROR,
    summary="A direct quotation has no speaker in reach.",
    rationale="A reader cannot weigh words without knowing who said them; a quotation with no speaker "
    "is either an editing slip or an attribution the reporter could not make.",
    basis="AP and Reuters: every quotation is attributed.",
    fires="“We will not back down.”",
    passes="“We will not back down,” the mayor said.",
    check=check,
)
