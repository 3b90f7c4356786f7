"""Rules about anonymous sources: disclosure, ground rules, descriptors, reliance."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..sources import Source
from .core import Analysis, Finding, Rule, RuleSettings, short

_QUOTED = ("direct", "partial")


def _first(src: Source) -> tuple[int, int]:
    m = src.mentions[0]
    return m.start, m.end


def _counts(an: Analysis, src: Source) -> tuple[int, int]:
    kinds = [an.sources.attributions[i].attribution.kind for i in src.attributions]
    quoted = sum(k in _QUOTED for k in kinds)
    return quoted, sum(k == "indirect" for k in kinds)


def _name(src: Source) -> str:
    return f"“{short(src.name, 50)}”"


def anonymous_source(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        if src.anonymous and src.attributions:
            quoted, cited = _counts(an, src)
            what = f"{quoted} quotation(s)" + (f" and {cited} reported claim(s)" if cited else "")
            yield rule.finding(settings, f"anonymous source {_name(src)} ({src.type.replace('_', ' ')}): {what}",
                               *_first(src), source=src.index)


def anonymity_unexplained(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        if src.anonymous and src.attributions and src.anonymity_reason is None:
            granted = [e for e in src.ground_rules if e.rule != "off_the_record"]
            how = f" {short(granted[0].text, 40)};" if granted else ""
            yield rule.finding(settings, f"anonymous source {_name(src)}{how} the article gives no reason for "
                                         "anonymity", *_first(src), source=src.index)


_RULE_WORDS = {"background": "spoke on background", "deep_background": "is on deep background",
               "not_for_attribution": "spoke not for attribution"}


def background_source(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        for ev in src.ground_rules:
            if ev.rule in _RULE_WORDS:
                yield rule.finding(settings, f"{_name(src)} {_RULE_WORDS[ev.rule]} (“{short(ev.text, 40)}”)",
                                   ev.start, ev.end, source=src.index)
    for ev in an.sources.unattached_evidence:
        if ev.rule in _RULE_WORDS:
            yield rule.finding(settings, f"material on {ev.rule.replace('_', ' ')} attributed to no one "
                                         f"(“{short(ev.text, 40)}”)", ev.start, ev.end)


def off_the_record(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        for ev in src.ground_rules:
            if ev.rule == "off_the_record":
                yield rule.finding(settings, f"off-the-record material from {_name(src)} appears in copy",
                                   ev.start, ev.end, source=src.index)
    for ev in an.sources.unattached_evidence:
        if ev.rule == "off_the_record":
            yield rule.finding(settings, "“off the record” appears in copy: was this material publishable?",
                               ev.start, ev.end)


_REPORTEDLY = re.compile(r"\breportedly\b", re.IGNORECASE)


def vague_source(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        if src.anonymous and src.attributions and src.descriptor is not None and src.descriptor.bare:
            yield rule.finding(settings, f"anonymous source described only as {_name(src)}: say who they are "
                                         "and how they know", *_first(src), source=src.index)
    for ev in an.sources.unattached_evidence:
        if ev.rule == "deep_background":
            yield rule.finding(settings, f"“{short(ev.text, 30)}” attributes the claim to no one",
                               ev.start, ev.end)
    quoted = [(a.attribution.start, a.attribution.end) for a in an.sources.attributions
              if a.attribution.quote is not None]
    for m in _REPORTEDLY.finditer(an.text):
        if not any(s <= m.start() < e for s, e in quoted):
            yield rule.finding(settings, "“reportedly” attributes the claim to no one: reported by whom?",
                               m.start(), m.end())


def weak_descriptor(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        d = src.descriptor
        if not (src.anonymous and src.attributions and d is not None) or d.bare:
            continue  # a bare descriptor is vague-source's finding
        if d.affiliation is None and d.seniority is None and d.knowledge is None:
            yield rule.finding(settings, f"anonymous source {_name(src)} is described without affiliation, "
                                         "seniority or how they know", *_first(src), source=src.index)


def plural_sources(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        ev = src.number_clash
        if ev is not None:
            yield rule.finding(settings, f"“{short(ev.text, 30)}” (one source) after the article cited "
                                         f"several: how many sources are there?", ev.start, ev.end,
                               source=src.index)


def anonymous_declined_comment(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for src in an.sources.sources:
        if src.anonymous and src.declined_comment and any(
                an.sources.attributions[i].attribution.kind in _QUOTED + ("indirect",) for i in src.attributions):
            ev = src.declined_comment[0]
            yield rule.finding(settings, f"anonymous source {_name(src)} is quoted but also “{short(ev.text, 30)}”",
                               ev.start, ev.end, source=src.index)


def _pejorative_word(text: str, cues: frozenset[str]) -> str | None:
    for word in re.findall(r"[\w’'-]+", text):
        if word.lower() in cues:
            return word
    return None


def anonymous_pejorative(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        if la.source is None or not an.sources.sources[la.source].anonymous:
            continue
        a = la.attribution
        if a.kind not in _QUOTED:
            continue
        word = _pejorative_word(a.text, an.lexicon.pejorative_cues)
        if word is not None:
            src = an.sources.sources[la.source]
            yield rule.finding(settings, f"anonymous source {_name(src)} attacks with “{word}”: anonymity is not "
                                         "for personal attacks", a.start, a.end, quote=i, source=src.index)


def single_anonymous_source(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    lede_paras = set(range(int(settings.options.get("lede-paragraphs", 2))))
    anonymous = [src for src in an.sources.sources if src.anonymous and src.attributions]
    if len(anonymous) != 1 or anonymous[0].type != "anonymous_individual":
        return
    src = anonymous[0]
    in_lede = [i for i in src.attributions if an.sources.attributions[i].attribution.paragraph in lede_paras]
    if not in_lede:
        return
    if any(p.search(an.text) for p in an.lexicon.corroboration_phrases):
        return
    a = an.sources.attributions[in_lede[0]].attribution
    yield rule.finding(settings, f"the lede rests on one anonymous source, {_name(src)}, with no "
                                 "corroboration in the article", a.start, a.end, quote=in_lede[0],
                       source=src.index)


def anonymous_share(an: Analysis, rule: Rule, settings: RuleSettings) -> Iterator[Finding]:
    limit = float(settings.options.get("max", 0.5))
    minimum = int(settings.options.get("min-quotes", 3))
    quoted = [(i, la) for i, la in enumerate(an.sources.attributions) if la.attribution.kind in _QUOTED]
    if len(quoted) < minimum:
        return
    anon = [(i, la) for i, la in quoted if la.source is not None and an.sources.sources[la.source].anonymous]
    share = len(anon) / len(quoted)
    if share > limit and anon:
        i, la = anon[0]
        yield rule.finding(settings, f"{len(anon)} of {len(quoted)} quotations ({share:.0%}) come from anonymous "
                                     f"sources (newsroom limit {limit:.0%})", la.attribution.start,
                           la.attribution.end, quote=i)
