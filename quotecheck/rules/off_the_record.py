"""off-the-record: off-the-record material appears in copy."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import GroundRule, Severity
from .common import source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for src in an.sources.sources:
        for ev in src.ground_rules:
            if ev.rule == GroundRule.OFF_THE_RECORD:
                yield ctx.finding_on(
                    f"off-the-record material from {source_name(src)} appears in copy",
                    ev,
                    source=src.index,
                )
    for ev in an.sources.unattached_evidence:
        if ev.rule == GroundRule.OFF_THE_RECORD:
            yield ctx.finding(
                "“off the record” appears in copy: was this material publishable?", ev.start, ev.end
            )


RULE = Rule(
    id="off-the-record",
    severity=Severity.WARNING,
    summary="Off-the-record material appears in copy.",
    rationale="Material given off the record is not for publication; its appearance in copy is a red flag "
    "for a broken agreement or a mislabelled ground rule.",
    basis="WaPo: off-the-record material is not published.",
    fires="The remark, made off the record, was widely repeated.",
    passes="The remark was made on the record.",
    check=check,
)
