"""What every rule shares: findings, the analysis rules read, rule and option descriptions."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..quotes import Unbalanced
from ..sources import SourceAnalysis

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
    """Everything the rules read about one article (never the parse or the file)."""

    text: str
    sources: SourceAnalysis
    unbalanced: list[Unbalanced]
    lexicon: Any = None  # quotecheck.lexicons.Lexicon in effect for this article


@dataclass(frozen=True)
class Option:
    """A setting a newsroom may give a rule in its configuration."""

    name: str
    type: type  # float, int, bool or str
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True)
class RuleSettings:
    """A rule as configured for one file: its severity and option values."""

    severity: str
    options: Mapping[str, Any] = field(default_factory=dict)


Check = Callable[[Analysis, "Rule", RuleSettings], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str  # default severity
    summary: str  # one line, for `quotecheck rules`
    rationale: str  # why a standards editor cares
    basis: str  # the newsroom policies behind it
    fires: str  # an example that fires
    passes: str  # a near miss that does not
    check: Check
    options: tuple[Option, ...] = ()

    def default_settings(self) -> RuleSettings:
        return RuleSettings(self.severity, {o.name: o.default for o in self.options})

    def finding(self, settings: RuleSettings, message: str, start: int, end: int, *,
                quote: int | None = None, source: int | None = None) -> Finding:
        return Finding(self.id, settings.severity, message, start, end, quote, source)


def run_rules(analysis: Analysis, rules: tuple[Rule, ...],
              settings: Mapping[str, RuleSettings | None] | None = None) -> list[Finding]:
    """Run every rule that is not switched off (``settings[id] is None``), in text order."""
    findings: list[Finding] = []
    for rule in rules:
        chosen = rule.default_settings() if settings is None or rule.id not in settings else settings[rule.id]
        if chosen is None:
            continue
        findings.extend(rule.check(analysis, rule, chosen))
    findings.sort(key=lambda f: (f.start, f.rule))
    return findings


def short(text: str, limit: int = 60) -> str:
    """One line of at most ``limit`` characters, for messages."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
