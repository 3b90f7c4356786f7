"""anonymous-source: list every anonymous source something is attributed to."""

from __future__ import annotations

from collections.abc import Iterator

from ..sources import Source
from ..vocab import Severity, SourceType
from .common import attribution_counts, counted, per_anonymous_source, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    def listing(src: Source) -> str:
        quotes, cited = attribution_counts(an, src)
        what = counted(quotes, "quotation") + (f" and {counted(cited, 'reported claim')}" if cited else "")
        return f"anonymous source {source_name(src)} ({SourceType(src.type).label}): {what}"

    return per_anonymous_source(an, ctx, listing)


RULE = Rule(
    id="anonymous-source",
    severity=Severity.INFO,
    summary="A quotation or claim rests on an anonymous source.",
    rationale="Every anonymous source is a decision a standards editor signs off on; listing them all "
    "keeps the decision visible.",
    basis="AP, Reuters, NPR, NYT, WaPo, SPJ: anonymity is the exception and must be justified.",
    fires="“The plan is dead,” a senior official said.",
    passes="“The plan is dead,” Sen. Maria Alvarez said.",
    check=check,
)
