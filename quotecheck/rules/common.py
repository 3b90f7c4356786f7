"""Helpers several rules share: message formatting, what a source's attributions are, and the
loop of the rules that judge each anonymous source."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..sources import Source
from ..vocab import QuoteKind
from .core import Analysis, Context, Finding


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


def attribution_counts(an: Analysis, src: Source) -> tuple[int, int]:
    """(quotations, reported claims) attributed to the source."""
    kinds = [an.sources.attributions[i].attribution.kind for i in src.attributions]
    return sum(quoted(k) for k in kinds), sum(k == QuoteKind.INDIRECT for k in kinds)


def source_name(src: Source) -> str:
    """The source's name in quotation marks, shortened for a message."""
    return f"“{short(src.name, 50)}”"


def anonymous_with_attributions(src: Source) -> bool:
    """An anonymous source something is attributed to: what the anonymity rules judge (not the
    share of people a poll asked: "41 percent of merchants said" needs no reason for anonymity)."""
    return src.anonymous and bool(src.attributions) and not src.polled


def per_anonymous_source(
    an: Analysis, ctx: Context[Any], message: Callable[[Source], str | None]
) -> Iterator[Finding]:
    """A finding for each anonymous source something is attributed to and that ``message``
    finds fault with (None: no fault), at the source's first mention."""
    for src in an.sources.sources:
        if anonymous_with_attributions(src) and (text := message(src)) is not None:
            yield ctx.finding_on(text, src.mentions[0], source=src.index)
