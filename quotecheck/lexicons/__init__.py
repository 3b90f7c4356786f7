"""The word lists quotecheck reads: data files in this folder, loaded once.

Plain lists (``*.txt``) hold one entry per line; ``#`` starts a comment. ``ground_rules.tsv``
holds ``rule<TAB>regex`` lines. Regular expressions are matched case-insensitively.
A newsroom extends a lexicon with :meth:`Lexicon.extended` (its configuration adds entries).
"""

from __future__ import annotations

import re
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


def _compile(patterns: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@dataclass(frozen=True)
class Lexicon:
    speech_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    indirect_verbs: frozenset[str]
    titles: frozenset[str]
    anonymous_nouns: frozenset[str]
    document_nouns: frozenset[str]
    organization_words: frozenset[str]
    organization_nouns: frozenset[str]
    first_names: dict[str, str]
    ground_rules: tuple[tuple[str, re.Pattern], ...]
    anonymity_reasons: tuple[re.Pattern, ...]

    def extended(self, **additions: list[str]) -> "Lexicon":
        """A copy with entries added: ``speech_verbs=[...]``, ``ground_rules=[("background", regex)]``..."""
        changes = {}
        for key, values in additions.items():
            current = getattr(self, key)
            if key == "ground_rules":
                changes[key] = current + tuple((rule, re.compile(p, re.IGNORECASE)) for rule, p in values)
            elif key == "anonymity_reasons":
                changes[key] = current + _compile(list(values))
            else:
                changes[key] = current | frozenset(values)
        return replace(self, **changes)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    rules = []
    for line in _lines("ground_rules.tsv"):
        rule, _, pattern = line.partition("\t")
        rules.append((rule.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
    names = dict(line.split("\t")[:2] for line in _lines("first_names.tsv"))
    return Lexicon(
        first_names=names,
        speech_verbs=frozenset(_lines("speech_verbs.txt")),
        speech_nouns=frozenset(_lines("speech_nouns.txt")),
        indirect_verbs=frozenset(_lines("indirect_verbs.txt")),
        titles=frozenset(_lines("titles.txt")),
        anonymous_nouns=frozenset(_lines("anonymous_nouns.txt")),
        document_nouns=frozenset(_lines("document_nouns.txt")),
        organization_words=frozenset(_lines("organization_words.txt")),
        organization_nouns=frozenset(_lines("organization_nouns.txt")),
        ground_rules=tuple(rules),
        anonymity_reasons=_compile(_lines("anonymity_reasons.txt")),
    )
