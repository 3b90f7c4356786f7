"""vague-source: an anonymous source described by a bare noun, or a claim attributed to no one."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..mentions import QuotedSpans
from ..sources import Source
from ..vocab import GroundRule, Severity
from .common import per_anonymous_source, short, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule

_REPORTEDLY = re.compile(r"\breportedly\b", re.IGNORECASE)


def _bare(src: Source) -> str | None:
    if src.descriptor is None or not src.descriptor.bare:
        return None
    return f"anonymous source described only as {source_name(src)}: say who they are and how they know"


def _claims_by_no_one(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for ev in an.sources.unattached_evidence:
        if ev.rule == GroundRule.DEEP_BACKGROUND:
            yield ctx.finding_on(f"“{short(ev.text, 30)}” attributes the claim to no one", ev)
    quoted = QuotedSpans(
        [
            (a.attribution.start, a.attribution.end)
            for a in an.sources.attributions
            if a.attribution.quote is not None
        ]
    )
    for m in _REPORTEDLY.finditer(an.text):
        if not quoted.covers(m.start()):
            yield ctx.finding(
                "“reportedly” attributes the claim to no one: reported by whom?", m.start(), m.end()
            )


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    yield from per_anonymous_source(an, ctx, _bare)
    yield from _claims_by_no_one(an, ctx)


RULE = Rule(
    id="vague-source",
    severity=Severity.WARNING,
    summary="An anonymous source is described by a bare noun, or a claim by no one.",
    rationale="“A source said”, “officials say”, “reportedly” and “has learned” tell the reader nothing "
    "about who is speaking or how they know.",
    basis="AP and NPR: describe anonymous sources as precisely as possible.",
    fires="“It will pass,” a source said.",
    passes="“It will pass,” two officials familiar with the negotiations said.",
    check=check,
)
