"""anonymity-unexplained: an anonymous source with no stated reason for anonymity."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import GroundRule, Severity
from .common import anonymous_with_attributions, first_mention, short, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for src in an.sources.sources:
        if anonymous_with_attributions(src) and src.anonymity_reason is None:
            granted = [e for e in src.ground_rules if GroundRule(e.rule).anonymity]
            how = (
                f" {short(granted[0].text, 40)};" if granted else ":"
            )  # name: reason / name, ground rule; reason
            yield ctx.finding(
                f"anonymous source {source_name(src)}{how} the article gives no reason for anonymity",
                *first_mention(src),
                source=src.index,
            )


RULE = Rule(
    id="anonymity-unexplained",
    severity=Severity.WARNING,
    summary="An anonymous source has no stated reason for anonymity.",
    rationale="Readers are owed the reason a source was granted anonymity; the reason may appear anywhere "
    "in the article.",
    basis="AP, SPJ, NPR, NYT: explain why anonymity was granted.",
    fires="“The plan is dead,” a senior official said.",
    passes="“The plan is dead,” said a senior official, who spoke on condition of anonymity because he was "
    "not authorized to discuss the talks.",
    check=check,
)
