"""weak-descriptor: an anonymous source described without affiliation, seniority or knowledge."""

from __future__ import annotations

from collections.abc import Iterator

from ..sources import Source
from ..vocab import Severity
from .common import per_anonymous_source, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def _weak(src: Source) -> str | None:
    d = src.descriptor
    if d is None or d.bare:
        return None  # a bare descriptor is vague-source's finding
    if d.affiliation is not None or d.seniority is not None or d.knowledge is not None:
        return None
    return f"anonymous source {source_name(src)} is described without affiliation, seniority or how they know"


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    return per_anonymous_source(an, ctx, _weak)


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
