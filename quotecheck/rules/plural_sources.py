"""plural-sources: an article cites "sources" but later "the source"."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import Severity
from .common import short
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for src in an.sources.sources:
        ev = src.number_clash
        if ev is not None:
            yield ctx.finding_on(
                f"“{short(ev.text, 30)}” (one source) after the article cited "
                f"several: how many sources are there?",
                ev,
                source=src.index,
            )


RULE = Rule(
    id="plural-sources",
    severity=Severity.WARNING,
    summary="An article cites “sources” but later “the source”.",
    rationale="Plural sources that turn into one source overstate the sourcing.",
    basis="Reuters: do not say sources when there is one.",
    fires="The deal is near, according to sources close to the team. “It's done,” the source said.",
    passes="The deal is near, according to two people close to the team. “It's done,” one of them said.",
    check=check,
)
