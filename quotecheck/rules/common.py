"""Helpers several rules share: message formatting and what a source's attributions are."""

from __future__ import annotations

from ..sources import Source
from ..vocab import QuoteKind
from .core import Analysis


def short(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for messages."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def counted(n: int, word: str) -> str:
    """``1 quotation``, ``2 quotations``: a count with its noun in the right number."""
    return f"{n} {word if n == 1 else word + 's'}"


def quoted(kind: str) -> bool:
    """A source's own words in quotation marks (a direct or partial quotation)."""
    return QuoteKind(kind).quoted


def first_mention(src: Source) -> tuple[int, int]:
    """Article-text span of the source's first mention: where its findings point."""
    m = src.mentions[0]
    return m.start, m.end


def attribution_counts(an: Analysis, src: Source) -> tuple[int, int]:
    """(quotations, reported claims) attributed to the source."""
    kinds = [an.sources.attributions[i].attribution.kind for i in src.attributions]
    return sum(quoted(k) for k in kinds), sum(k == QuoteKind.INDIRECT for k in kinds)


def source_name(src: Source) -> str:
    """The source's name in quotation marks, shortened for a message."""
    return f"“{short(src.name, 50)}”"


def anonymous_with_attributions(src: Source) -> bool:
    """An anonymous source something is attributed to: what the anonymity rules judge."""
    return src.anonymous and bool(src.attributions)
