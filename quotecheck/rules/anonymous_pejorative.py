"""anonymous-pejorative: an anonymous source attacks a person or an institution."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..vocab import Severity
from .common import quoted, source_name
from .core import Analysis, Context, Finding, NoOptions, Rule


def _pejorative_word(text: str, cues: frozenset[str]) -> str | None:
    for word in re.findall(r"[\w’'-]+", text):
        if word.lower() in cues:
            return word
    return None


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        if la.source is None or not an.sources.sources[la.source].anonymous:
            continue
        a = la.attribution
        if not quoted(a.kind):
            continue
        word = _pejorative_word(a.text, an.lexicon.pejorative_cues)
        if word is not None:
            src = an.sources.sources[la.source]
            yield ctx.finding_on(
                f"anonymous source {source_name(src)} attacks with “{word}”: anonymity is not "
                "for personal attacks",
                a,
                quote=i,
                source=src.index,
            )


RULE = Rule(
    id="anonymous-pejorative",
    severity=Severity.WARNING,
    summary="An anonymous source attacks a person or an institution.",
    rationale="Anonymity is for information, not for personal attacks that the source will not put a "
    "name to.",
    basis="NPR, NYT, Reuters: no anonymous pejoratives.",
    fires="“He is a liar and a coward,” a senior aide said of the senator.",
    passes="“The bill costs too much,” a senior aide said.",
    check=check,
)
