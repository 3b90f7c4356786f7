"""single-anonymous-source: the article's central claim rests on one uncorroborated unnamed source."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..vocab import Severity, SourceType
from .common import anonymous_with_attributions, source_name
from .core import Analysis, Context, Finding, Rule, option


@dataclass(frozen=True)
class Options:
    lede_paragraphs: int = option(2, "How many opening paragraphs make up the lede.", minimum=1)


def check(an: Analysis, ctx: Context[Options]) -> Iterator[Finding]:
    lede_paras = set(range(ctx.options.lede_paragraphs))
    anonymous = [src for src in an.sources.sources if anonymous_with_attributions(src)]
    if len(anonymous) != 1 or anonymous[0].type != SourceType.ANONYMOUS_INDIVIDUAL:
        return
    src = anonymous[0]
    in_lede = [i for i in src.attributions if an.sources.attributions[i].attribution.paragraph in lede_paras]
    if not in_lede or any(p.search(an.text) for p in an.lexicon.corroboration_phrases):
        return
    a = an.sources.attributions[in_lede[0]].attribution
    yield ctx.finding_on(
        f"the lede rests on one anonymous source, {source_name(src)}, with no corroboration in the article",
        a,
        quote=in_lede[0],
        source=src.index,
    )


RULE = Rule(
    id="single-anonymous-source",
    severity=Severity.WARNING,
    summary="The article's central claim rests on one unnamed source with no corroboration.",
    rationale="A lede resting on one anonymous source, uncorroborated, is the riskiest kind of story.",
    basis="AP and BBC: single anonymous sources need corroboration or a clear justification.",
    fires="The plant will close next year, according to a company official.",
    passes="The plant will close next year, according to a company official. Two other employees "
    "confirmed the plan.",
    check=check,
    options_type=Options,
)
