"""Rules about quotations themselves: attribution, attribution verbs, typography."""

from __future__ import annotations

from collections.abc import Iterator

from .core import Analysis, Finding, Rule, RuleSettings, short


def unattributed_quote(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        a = la.attribution
        if a.kind in ("direct", "partial") and la.source is None:
            yield rule.finding(settings, f"quotation “{short(a.text, 50)}” has no speaker in reach",
                               a.start, a.end, quote=i)


def loaded_attribution_verb(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        cue = la.attribution.cue
        if cue is None or not {cue.lemma, cue.text.lower()} & an.lexicon.loaded_verbs:
            continue  # a newsroom may list the lemma ("claim") or the form ("claimed")
        who = an.sources.sources[la.source].name if la.source is not None else "the speaker"
        yield rule.finding(settings, f"“{cue.text}” attributes words to {short(who, 40)} with a judgement; "
                                     "prefer “said”", cue.start, cue.end, quote=i,
                           source=la.source)


def unbalanced_quote(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for u in an.unbalanced:
        what = "opens a quotation that never closes" if u.reason == "never closed" else \
            "closes a quotation that was never opened"
        yield rule.finding(settings, f"quotation mark {u.mark} {what}", u.offset, u.offset + len(u.mark))


def reported_by_suppression(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    """unused-suppression and unknown-suppression-rule are found by the suppression stage
    (quotecheck.suppress), which reads the article's comments after the rules have run; the
    registry entry carries their description and configured severity."""
    return iter(())
