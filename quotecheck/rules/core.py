"""What every rule shares: findings, the analysis rules read, rules, typed options, settings.

A rule module (one per rule, e.g. :mod:`quotecheck.rules.anonymous_share`) defines a check
function and a module-level ``RULE = Rule(...)`` that carries everything else about it. Its
options are a frozen dataclass whose fields are declared with :func:`option`: the default is
written once, there, and the check reads typed values (``ctx.options.max``).
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Generic, Protocol, TypeVar

from ..documents import Block, Document
from ..lexicons import Lexicon
from ..quotes import Unbalanced
from ..sources import SourceAnalysis
from ..vocab import SEVERITIES, Severity

# Higher is more severe (info 0, warning 1, error 2): `--fail-on` compares against it.
SEVERITY_RANK: dict[str, int] = {s: len(SEVERITIES) - 1 - s.rank for s in Severity}


@dataclass(frozen=True)
class Finding:
    """One problem a rule found.

    ``start``/``end`` are article-text offsets of the evidence, except for a finding about a
    suppression comment (``in_source``), which is located at the comment in the source file:
    comments are not part of the article text.
    """

    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    quote: int | None = None  # index into the analysis' attributions
    source: int | None = None  # index into the analysis' sources
    in_source: bool = False  # start/end are source-file offsets, not article-text offsets

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", Severity(self.severity))

    def location(self, doc: Document) -> dict[str, int]:
        """``{"start", "end", "line", "column"}`` in source coordinates (the report's layout)."""
        if not self.in_source:
            return doc.location(self.start, self.end)
        line, column = doc.line_col(self.start)
        return {"start": self.start, "end": self.end, "line": line, "column": column}


@dataclass(frozen=True)
class Analysis:
    """Everything the rules read about one article (never the parse or the file)."""

    text: str
    sources: SourceAnalysis
    unbalanced: list[Unbalanced]
    lexicon: Lexicon  # the word lists in effect for this article (a configuration's additions included)
    # the article's blocks with their kinds: a heading or caption
    # is not reported speech; empty when the caller has text only
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class Option:
    """A setting a newsroom may give a rule in its configuration (derived from a rule's
    options dataclass; ``name`` is the configuration key, the field name in kebab case)."""

    name: str
    type: type  # float, int, bool or str
    default: Any
    description: str
    minimum: float | None = None
    maximum: float | None = None


def option(
    default: Any, description: str, *, minimum: float | None = None, maximum: float | None = None
) -> Any:
    """A field of a rule's options dataclass: its default, description and bounds."""
    return field(
        default=default, metadata={"description": description, "minimum": minimum, "maximum": maximum}
    )


@dataclass(frozen=True)
class NoOptions:
    """The options of a rule that takes none."""


def _options_of(cls: type) -> tuple[Option, ...]:
    hints = typing.get_type_hints(cls)
    return tuple(
        Option(
            f.name.replace("_", "-"),
            hints[f.name],
            f.default,
            f.metadata["description"],
            f.metadata["minimum"],
            f.metadata["maximum"],
        )
        for f in dataclasses.fields(cls)
    )


@dataclass(frozen=True)
class RuleSettings:
    """A rule as configured for one file: its severity and option values by configuration key."""

    severity: Severity
    options: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "severity", Severity(self.severity))


OptionsT = TypeVar("OptionsT")


class Spanned(Protocol):
    """Anything with article-text offsets: a mention, evidence, an attribution, a cue."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Context(Generic[OptionsT]):
    """What a check receives besides the analysis: its rule id, severity and typed options."""

    rule: str
    severity: Severity
    options: OptionsT

    def finding(
        self, message: str, start: int, end: int, *, quote: int | None = None, source: int | None = None
    ) -> Finding:
        """A finding of this rule at its configured severity (article-text offsets)."""
        return Finding(self.rule, self.severity, message, start, end, quote, source)

    def finding_on(
        self, message: str, span: Spanned, *, quote: int | None = None, source: int | None = None
    ) -> Finding:
        """A finding at the article-text span of ``span`` (a mention, evidence, a quotation, a cue)."""
        return self.finding(message, span.start, span.end, quote=quote, source=source)


Check = Callable[[Analysis, Context[Any]], Iterable[Finding]]


class Stage(StrEnum):
    """Where a rule's findings come from."""

    RULES = "rules"  # its check runs on the analysis (run_rules)
    SUPPRESSION = "suppression"  # quotecheck.suppress reports it while applying comments


@dataclass(frozen=True)
class Rule:
    """A sourcing rule: its description, options and check.

    ``fires`` and ``passes`` are example articles (plain text); each is also a test case
    (``fixtures/rules/<id>/cases.yml``), so the documented examples are known to behave as
    documented. A rule of :attr:`Stage.SUPPRESSION` has no check: the suppression stage emits
    its findings, and the registry entry carries its description and configured severity.
    """

    id: str
    severity: Severity  # default severity
    summary: str  # one line, for `quotecheck rules`
    rationale: str  # why a standards editor cares
    basis: str  # the newsroom policies behind it
    fires: str  # an example article on which it fires
    passes: str  # a near miss on which it does not
    check: Check | None = None
    options_type: type = NoOptions  # a frozen dataclass of option() fields
    stage: Stage = Stage.RULES
    options: tuple[Option, ...] = field(init=False)

    def __post_init__(self) -> None:
        if (self.check is None) != (self.stage is Stage.SUPPRESSION):
            raise ValueError(f"rule {self.id}: a check is required exactly when the rules stage runs it")
        object.__setattr__(self, "options", _options_of(self.options_type))

    def default_settings(self) -> RuleSettings:
        return RuleSettings(self.severity, {o.name: o.default for o in self.options})

    def context(self, settings: RuleSettings) -> Context[Any]:
        """The check's context: configured values (typed as declared), defaults for the rest."""
        values = {
            o.name.replace("-", "_"): o.type(settings.options.get(o.name, o.default)) for o in self.options
        }
        return Context(self.id, settings.severity, self.options_type(**values))


def settings_for(rule: Rule, settings: Mapping[str, RuleSettings | None] | None) -> RuleSettings | None:
    """The settings of ``rule`` in ``settings`` (None: off; missing: the rule's defaults)."""
    if settings is None or rule.id not in settings:
        return rule.default_settings()
    return settings[rule.id]


def run_rules(
    analysis: Analysis, rules: Iterable[Rule], settings: Mapping[str, RuleSettings | None] | None = None
) -> list[Finding]:
    """Run every rules-stage rule that is not switched off, findings in text order."""
    findings: list[Finding] = []
    for rule in rules:
        chosen = settings_for(rule, settings)
        if rule.check is not None and chosen is not None:
            findings.extend(rule.check(analysis, rule.context(chosen)))
    findings.sort(key=lambda f: (f.start, f.rule))
    return findings
