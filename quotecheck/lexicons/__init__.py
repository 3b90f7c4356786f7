"""The word lists quotecheck reads: data files in this folder, loaded once.

Plain lists (``*.txt``) hold one entry per line; ``#`` starts a comment. ``ground_rules.tsv``
holds ``rule<TAB>regex`` lines, ``first_names.tsv`` ``name<TAB>m|f`` lines. Files of phrases
(ground rules, reasons, knowledge, corroboration, declined comment) hold case-insensitive
regular expressions. A newsroom adds entries from its configuration
(:meth:`Lexicon.with_additions`); configured entries are plain phrases, never regexes.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _pairs(name: str) -> dict[str, tuple[str, ...]]:
    """A ``key<TAB>value, value`` file as a dict (``title_nouns.tsv``)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(name):
        key, _, values = line.partition("\t")
        out[key.strip()] = tuple(v.strip() for v in values.split(",") if v.strip())
    return out


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def phrase_pattern(phrase: str) -> str:
    """A plain phrase from a configuration as a regex: words in order, any whitespace between."""
    words = [re.escape(w) for w in phrase.split()]
    return r"\b" + r"\s+".join(words) + r"\b"


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    indirect_verbs: frozenset[str]
    titles: frozenset[str]
    title_nouns: Mapping[str, tuple[str, ...]]  # "Sen" -> ("senator",): a title as a later noun
    name_prefixes: frozenset[str]  # words describing a person before the name ("Democrat")
    anonymous_nouns: frozenset[str]
    document_nouns: frozenset[str]
    organization_words: frozenset[str]
    organization_nouns: frozenset[str]
    first_names: dict[str, str]
    ground_rules: tuple[tuple[str, re.Pattern], ...]
    anonymity_reasons: tuple[re.Pattern, ...]
    loaded_verbs: frozenset[str]
    pejorative_cues: frozenset[str]
    vague_descriptors: frozenset[str]
    knowledge_phrases: tuple[re.Pattern, ...]
    seniority_words: frozenset[str]
    side_words: frozenset[str]
    affiliation_words: frozenset[str]
    corroboration_phrases: tuple[re.Pattern, ...]
    declined_comment: tuple[re.Pattern, ...]
    # Words for finding and typing mentions (quotecheck/mentions.py, quotecheck/sources/).
    pronouns: Mapping[str, tuple[str, str | None, str]]  # "he" -> ("person", "m", "sing")
    calendar_words: frozenset[str]
    org_of_heads: frozenset[str]
    name_particles: frozenset[str]
    definite_determiners: frozenset[str]
    possessive_determiners: frozenset[str]
    group_words: frozenset[str]
    person_suffixes: tuple[str, ...]
    non_person_endings: tuple[str, ...]
    generic_roles: frozenset[str]
    descriptor_determiners: frozenset[str]
    knowledge_tails: tuple[str, ...]  # regexes, in the order tried
    knowledge_tail_stops: tuple[str, ...]
    abbreviations: frozenset[str]
    title_small_words: frozenset[str]

    def with_additions(self, additions: Mapping[str, Sequence[str]]) -> "Lexicon":
        """A copy with a configuration's ``[lexicon]`` entries added (keys as in the config:
        ``anonymity-phrases``, ``reason-clauses``, ``loaded-verbs``, ``pejorative-cues``,
        ``vague-descriptors``, ``speech-verbs``, ``titles``, ``corroboration-phrases``)."""
        changes: dict = {}
        for key, values in additions.items():
            values = [v for v in values if v.strip()]
            if not values:
                continue
            if key == "anonymity-phrases":
                changes["ground_rules"] = self.ground_rules + tuple(
                    ("anonymity_granted", re.compile(phrase_pattern(v), re.IGNORECASE)) for v in values)
            elif key == "reason-clauses":
                changes["anonymity_reasons"] = self.anonymity_reasons + _compile([phrase_pattern(v) for v in values])
            elif key == "corroboration-phrases":
                changes["corroboration_phrases"] = self.corroboration_phrases + _compile(
                    [phrase_pattern(v) for v in values])
            elif key in ("loaded-verbs", "pejorative-cues", "vague-descriptors", "speech-verbs"):
                field = key.replace("-", "_")
                changes[field] = getattr(self, field) | frozenset(v.strip().lower() for v in values)
            elif key == "titles":
                changes["titles"] = self.titles | frozenset(v.strip().rstrip(".") for v in values)
            else:
                raise KeyError(f"unknown lexicon key {key!r}")
        return replace(self, **changes) if changes else self


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    rules = []
    for line in _lines("ground_rules.tsv"):
        rule, _, pattern = line.partition("\t")
        rules.append((rule.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
    names = dict(line.split("\t")[:2] for line in _lines("first_names.tsv"))
    return Lexicon(
        speech_verbs=frozenset(_lines("speech_verbs.txt")),
        speech_nouns=frozenset(_lines("speech_nouns.txt")),
        indirect_verbs=frozenset(_lines("indirect_verbs.txt")),
        titles=frozenset(_lines("titles.txt")),
        title_nouns=_pairs("title_nouns.tsv"),
        name_prefixes=frozenset(_lines("name_prefixes.txt")),
        anonymous_nouns=frozenset(_lines("anonymous_nouns.txt")),
        document_nouns=frozenset(_lines("document_nouns.txt")),
        organization_words=frozenset(_lines("organization_words.txt")),
        organization_nouns=frozenset(_lines("organization_nouns.txt")),
        first_names=names,
        ground_rules=tuple(rules),
        anonymity_reasons=_compile(_lines("anonymity_reasons.txt")),
        loaded_verbs=frozenset(_lines("loaded_verbs.txt")),
        pejorative_cues=frozenset(_lines("pejorative_cues.txt")),
        vague_descriptors=frozenset(_lines("vague_descriptors.txt")),
        knowledge_phrases=_compile(_lines("knowledge_phrases.txt")),
        seniority_words=frozenset(_lines("seniority_words.txt")),
        side_words=frozenset(_lines("side_words.txt")),
        affiliation_words=frozenset(_lines("affiliation_words.txt")),
        corroboration_phrases=_compile(_lines("corroboration_phrases.txt")),
        declined_comment=_compile(_lines("declined_comment.txt")),
        # Words for finding and typing mentions.
        pronouns={p: (kind, None if gender == "-" else gender, number) for p, kind, gender, number
                  in (line.split("\t") for line in _lines("pronouns.tsv"))},
        calendar_words=frozenset(_lines("calendar_words.txt")),
        org_of_heads=frozenset(_lines("org_of_heads.txt")),
        name_particles=frozenset(_lines("name_particles.txt")),
        definite_determiners=frozenset(_lines("definite_determiners.txt")),
        possessive_determiners=frozenset(_lines("possessive_determiners.txt")),
        group_words=frozenset(_lines("group_words.txt")),
        person_suffixes=tuple(_lines("person_suffixes.txt")),
        non_person_endings=tuple(_lines("non_person_endings.txt")),
        generic_roles=frozenset(_lines("generic_roles.txt")),
        descriptor_determiners=frozenset(_lines("descriptor_determiners.txt")),
        knowledge_tails=tuple(_lines("knowledge_tails.txt")),
        knowledge_tail_stops=tuple(_lines("knowledge_tail_stops.txt")),
        abbreviations=frozenset(_lines("abbreviations.txt")),
        title_small_words=frozenset(_lines("title_small_words.txt")),
    )
