"""anonymous-declined-comment: an anonymous source is quoted and also said to have declined comment."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import QuoteKind, Severity
from .common import short, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for src in an.sources.sources:
        if (
            src.anonymous
            and src.declined_comment
            and any(QuoteKind(an.sources.attributions[i].attribution.kind).spoken for i in src.attributions)
        ):
            ev = src.declined_comment[0]
            yield ctx.finding_on(
                f"anonymous source {source_name(src)} is quoted but also “{short(ev.text, 30)}”",
                ev,
                source=src.index,
            )


RULE = Rule(
    id="anonymous-declined-comment",
    severity=Severity.WARNING,
    summary="An anonymous source is quoted and also said to have declined to comment.",
    rationale="A source who declined to comment cannot also be quoted anonymously without misleading "
    "the reader.",
    basis="AP: do not quote a source anonymously after saying the source declined to comment.",
    fires="“Once the nurses go, the decision makes itself,” a hospital administrator said. "
    "The administrator declined to comment on whether other departments would be cut.",
    passes="“Once the nurses go, the decision makes itself,” a hospital administrator said. "
    "A spokesman, Tom Reyes, declined to comment.",
    check=check,
)
