"""loaded-attribution-verb: an attribution verb other than a neutral "said"."""

from __future__ import annotations

from collections.abc import Iterator

from ..vocab import Severity
from .common import short
from .core import Analysis, Context, Finding, NoOptions, Rule


def check(an: Analysis, ctx: Context[NoOptions]) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        cue = la.attribution.cue
        if cue is None or not {cue.lemma, cue.text.lower()} & an.lexicon.loaded_verbs:
            continue  # a newsroom may list the lemma ("claim") or the form ("claimed")
        who = an.sources.sources[la.source].name if la.source is not None else "the speaker"
        yield ctx.finding_on(
            f"“{cue.text}” attributes words to {short(who, 40)} with a judgement; prefer “said”",
            cue,
            quote=i,
            source=la.source,
        )


RULE = Rule(
    id="loaded-attribution-verb",
    severity=Severity.INFO,
    summary="An attribution verb other than a neutral “said”.",
    rationale="“Claimed”, “admitted”, “conceded”, “insisted” judge the statement; “smiled” and “laughed” "
    "are not speech.",
    basis="AP Stylebook and newsroom style guides: “said” is almost always right.",
    fires="“I did nothing wrong,” the mayor claimed.",
    passes="“I did nothing wrong,” the mayor said.",
    check=check,
)
