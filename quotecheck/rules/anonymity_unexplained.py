"""anonymity-unexplained: an anonymous source with no stated reason for anonymity."""

from __future__ import annotations

from collections.abc import Iterator

from ..sources import Source
from ..vocab import GroundRule, Severity
from .common import per_anonymous_source, short, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def _unexplained(src: Source) -> str | None:
    if src.anonymity_reason is not None:
        return None
    granted = [e for e in src.ground_rules if GroundRule(e.rule).anonymity]
    how = f" {short(granted[0].text, 40)};" if granted else ":"  # name: reason / name, ground rule; reason
    return f"anonymous source {source_name(src)}{how} the article gives no reason for anonymity"


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    return per_anonymous_source(an, ctx, _unexplained)


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
