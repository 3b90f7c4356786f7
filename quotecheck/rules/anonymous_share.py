"""anonymous-share: too large a share of the article's quotations come from anonymous sources."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..vocab import Severity
from .common import quoted
from .core import Analysis, Context, Finding, Rule, option


@dataclass(frozen=True)
class Options:
    max: float = option(
        0.5, "Largest acceptable share of quotations from anonymous sources.", minimum=0.0, maximum=1.0
    )
    min_quotes: int = option(3, "Judge only articles with at least this many quotations.", minimum=1)


def check(an: Analysis, ctx: Context[Options]) -> Iterator[Finding]:
    limit = ctx.options.max
    quotes = [(i, la) for i, la in enumerate(an.sources.attributions) if quoted(la.attribution.kind)]
    if len(quotes) < ctx.options.min_quotes:
        return
    anon = [(i, la) for i, la in quotes if la.source is not None and an.sources.sources[la.source].anonymous]
    share = len(anon) / len(quotes)
    if share > limit and anon:
        i, la = anon[0]
        yield ctx.finding_on(
            f"{len(anon)} of {len(quotes)} quotations ({share:.0%}) come from anonymous "
            f"sources (newsroom limit {limit:.0%})",
            la.attribution,
            quote=i,
        )


RULE = Rule(
    id="anonymous-share",
    severity=Severity.WARNING,
    summary="Too large a share of the article's quotations come from anonymous sources.",
    rationale="A newsroom may cap how much of a story rests on anonymous sources.",
    basis="Sourcing studies (share of anonymous attributions); newsroom policy.",
    fires="“The plan is dead,” a senior official said. “Nobody wants it,” a Senate aide said. "
    "“We will try again,” Sen. Maria Alvarez said.",
    passes="“The plan is dead,” a senior official said. “Nobody wants it,” Rep. Tom Reyes said. "
    "“We will try again,” Sen. Maria Alvarez said.",
    check=check,
    options_type=Options,
)
