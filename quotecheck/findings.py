"""Findings: the sourcing problems an editor should see, each with a rule id and a location.

Every rule is a self-describing :class:`Rule` in :data:`RULES` (id, default severity, summary)
and a check function that reads the analysis (quotations, sources, unbalanced marks) and
yields :class:`Finding` records. Findings never reach back into the parse or the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .quotes import Unbalanced
from .sources import SourceAnalysis

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    message: str
    start: int  # article-text offsets of the evidence
    end: int
    quote: int | None = None  # index into the analysis' attributions
    source: int | None = None  # index into the analysis' sources


@dataclass(frozen=True)
class Analysis:
    """Everything the rules read about one article."""

    text: str
    sources: SourceAnalysis
    unbalanced: list[Unbalanced]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    summary: str
    check: Callable[[Analysis, "Rule"], Iterator[Finding]]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _unattributed(an: Analysis, rule: Rule) -> Iterator[Finding]:
    for i, la in enumerate(an.sources.attributions):
        a = la.attribution
        if a.kind in ("direct", "partial") and la.source is None:
            yield Finding(rule.id, rule.severity,
                          f"quotation “{_short(a.text, 50)}” has no speaker in reach",
                          a.start, a.end, quote=i)


def _anonymous(an: Analysis, rule: Rule) -> Iterator[Finding]:
    for src in an.sources.sources:
        if not src.anonymous:
            continue
        quotes = [i for i in src.attributions
                  if an.sources.attributions[i].attribution.kind in ("direct", "partial")]
        cited = len(src.attributions) - len(quotes)
        first = src.mentions[0]
        what = f"{len(quotes)} quotation(s)" + (f" and {cited} indirect attribution(s)" if cited else "")
        yield Finding(rule.id, rule.severity,
                      f"anonymous source “{_short(src.name, 50)}” ({src.type.replace('_', ' ')}): {what}",
                      first.start, first.end, source=src.index)


_RULE_WORDS = {"background": "spoke on background", "deep_background": "is on deep background",
               "not_for_attribution": "spoke not for attribution", "off_the_record": "spoke off the record"}


def _background(an: Analysis, rule: Rule) -> Iterator[Finding]:
    for src in an.sources.sources:
        for ev in src.ground_rules:
            if ev.rule in ("background", "deep_background", "not_for_attribution"):
                yield Finding(rule.id, rule.severity,
                              f"“{_short(src.name, 50)}” {_RULE_WORDS[ev.rule]} (“{_short(ev.text, 40)}”)",
                              ev.start, ev.end, source=src.index)
    for ev in an.sources.unattached_evidence:
        if ev.rule in ("background", "deep_background", "not_for_attribution"):
            yield Finding(rule.id, rule.severity,
                          f"material attributed on {ev.rule.replace('_', ' ')} to no one (“{_short(ev.text, 40)}”)",
                          ev.start, ev.end)


def _unexplained(an: Analysis, rule: Rule) -> Iterator[Finding]:
    for src in an.sources.sources:
        if src.anonymous and src.anonymity_reason is None:
            granted = [e for e in src.ground_rules if e.rule in ("background", "anonymity_granted",
                                                                  "not_for_attribution", "deep_background")]
            how = f" {_short(granted[0].text, 40)};" if granted else ""
            first = src.mentions[0]
            yield Finding(rule.id, rule.severity,
                          f"anonymous source “{_short(src.name, 50)}”{how} the article gives no reason for anonymity",
                          first.start, first.end, source=src.index)


def _unbalanced(an: Analysis, rule: Rule) -> Iterator[Finding]:
    for u in an.unbalanced:
        what = "opens a quotation that never closes" if u.reason == "never closed" else \
            "closes a quotation that was never opened"
        yield Finding(rule.id, rule.severity, f"quotation mark {u.mark} {what}", u.offset, u.offset + 1)


RULES: tuple[Rule, ...] = (
    Rule("unattributed-quote", "error", "A direct quotation has no speaker in reach.", _unattributed),
    Rule("anonymous-source", "info", "A quotation or claim rests on an anonymous source.", _anonymous),
    Rule("background-source", "warning", "A source spoke on background, deep background or not for attribution.",
         _background),
    Rule("anonymity-unexplained", "warning", "An anonymous source has no stated reason for anonymity.",
         _unexplained),
    Rule("unbalanced-quote", "warning", "A quotation mark is never closed, or closes nothing.", _unbalanced),
)
RULES_BY_ID = {r.id: r for r in RULES}


def run_rules(analysis: Analysis, rules: tuple[Rule, ...] = RULES) -> list[Finding]:
    findings = [f for rule in rules for f in rule.check(analysis, rule)]
    findings.sort(key=lambda f: (f.start, f.rule))
    return findings
