"""The records source clustering produces: sources, their evidence and descriptor profiles,
and each attribution linked to its source."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..attribution import Attribution
from ..mentions import Mention
from ..vocab import GroundRule, Resolution, SourceType


@dataclass(frozen=True)
class Evidence:
    """A phrase in the text that says something about a source."""

    rule: GroundRule | str  # a ground rule, or "reason", "declined_comment", "number"
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Descriptor:
    """How specifically an anonymous source is described (NPR, BBC and WaPo guidance)."""

    affiliation: str | None  # "NATO", "administration"
    seniority: str | None  # "senior"
    role: str | None  # "official", "aide"
    knowledge: str | None  # "familiar with the talks", "who attended the meeting"
    side: str | None  # "Republican"
    bare: bool  # nothing but a vague noun: "a source", "officials"

    @property
    def score(self) -> int:
        return sum(
            x is not None for x in (self.affiliation, self.seniority, self.role, self.knowledge, self.side)
        )


@dataclass
class Source:
    """One entity quoted or cited: its mentions in text order once clustering is done."""

    index: int
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[int] = field(default_factory=list)
    type: SourceType = SourceType.UNKNOWN
    name: str = ""
    description: tuple[int, int] | None = None
    ground_rules: list[Evidence] = field(default_factory=list)
    anonymity_reason: Evidence | None = None
    gender: str | None = None
    descriptor: Descriptor | None = None  # for anonymous sources
    declined_comment: list[Evidence] = field(default_factory=list)
    number_clash: Evidence | None = None  # "sources said" ... later "the source said"
    polled: bool = False  # "41 percent of merchants": poll respondents, no anonymous source to justify

    @property
    def id(self) -> str:
        return f"s{self.index + 1}"

    @property
    def anonymous(self) -> bool:
        return self.type.anonymous

    @property
    def rules(self) -> list[GroundRule]:
        """The source's ground rules, each once, in the order first met."""
        seen: list[GroundRule] = []
        for e in self.ground_rules:
            if e.rule not in seen:
                seen.append(GroundRule(e.rule))
        return seen


@dataclass(frozen=True)
class LinkedAttribution:
    attribution: Attribution
    source: int | None  # index into sources
    resolution: Resolution | None


@dataclass
class SourceAnalysis:
    attributions: list[LinkedAttribution]
    sources: list[Source]
    unattached_evidence: list[Evidence]  # ground-rule phrases that describe no source ("has learned")
