"""background-source: a source spoke on background, deep background or not for attribution."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import GroundRule, Severity
from .common import short, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule

_RULE_WORDS = {
    GroundRule.BACKGROUND: "spoke on background",
    GroundRule.DEEP_BACKGROUND: "is on deep background",
    GroundRule.NOT_FOR_ATTRIBUTION: "spoke not for attribution",
}


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for src in an.sources.sources:
        for ev in src.ground_rules:
            if ev.rule in _RULE_WORDS:
                words = _RULE_WORDS[GroundRule(ev.rule)]
                yield ctx.finding_on(
                    f"{source_name(src)} {words} (“{short(ev.text, 40)}”)", ev, source=src.index
                )
    for ev in an.sources.unattached_evidence:
        if ev.rule in _RULE_WORDS:
            yield ctx.finding_on(
                f"material on {GroundRule(ev.rule).label} attributed to no one (“{short(ev.text, 40)}”)",
                ev,
            )


RULE = Rule(
    id="background-source",
    severity=Severity.WARNING,
    summary="A source spoke on background, deep background or not for attribution.",
    rationale="Background ground rules let a source avoid responsibility for a claim; editors should see "
    "each one.",
    basis="Newsroom ground-rule policies (AP, WaPo); the mission of quotecheck.",
    fires="The ships will be late, according to one Navy official who spoke on background.",
    passes="The briefing was on the record, the spokesman said.",
    check=check,
)
