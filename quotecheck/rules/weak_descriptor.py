"""weak-descriptor: an anonymous source described without affiliation, seniority or knowledge."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import Severity
from .common import anonymous_with_attributions, first_mention, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for src in an.sources.sources:
        d = src.descriptor
        if not anonymous_with_attributions(src) or d is None or d.bare:
            continue  # a bare descriptor is vague-source's finding
        if d.affiliation is None and d.seniority is None and d.knowledge is None:
            yield ctx.finding(
                f"anonymous source {source_name(src)} is described without affiliation, "
                "seniority or how they know",
                *first_mention(src),
                source=src.index,
            )


RULE = Rule(
    id="weak-descriptor",
    severity=Severity.WARNING,
    summary="An anonymous source is described without affiliation, seniority or how they know.",
    rationale="A descriptor should place the source (affiliation), weigh them (seniority) and say how "
    "they know; the report scores every anonymous source on these dimensions.",
    basis="NPR, BBC, WaPo guidance on describing anonymous sources.",
    fires="“It will pass,” a person who spoke to reporters said.",
    passes="The cap is the sticking point, according to a senior State Department official who attended "
    "the meeting.",
    check=check,
)
