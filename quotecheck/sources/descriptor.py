"""The descriptor profile of an anonymous source: how specifically it is described."""

from __future__ import annotations

import re

from ..lexicons import Lexicon
from ..vocab import MentionKind
from .model import Descriptor, Source

_DESCRIBING = (MentionKind.DESCRIPTOR, MentionKind.NOMINAL)


def describe(src: Source, text: str, lex: Lexicon) -> Descriptor:
    """The descriptor profile of an anonymous source, from its descriptor mentions and its
    description (ground-rule phrases and reasons do not describe anybody)."""
    phrases = [m.text for m in src.mentions if m.kind in _DESCRIBING]
    desc = text[src.description[0] : src.description[1]] if src.description else ""
    for ev in src.ground_rules + ([src.anonymity_reason] if src.anonymity_reason else []):
        desc = desc.replace(ev.text, " ")
    body = " ".join([*phrases, desc])
    tokens = re.findall(r"[\w’'-]+", body)
    affiliation = _affiliation([*phrases, desc], lex)
    seniority = next((w for w in tokens if w.lower() in lex.seniority_words), None)
    side = next((w for w in tokens if w in lex.side_words or w.lower() in lex.side_words), None)
    knowledge = None
    for pattern in lex.knowledge_phrases:
        m = pattern.search(body)
        if m:
            knowledge = _clause(body, m.start())
            break
    heads = [m.head_lemma for m in src.mentions if m.kind in _DESCRIBING]
    role = next((h for h in heads if h in lex.anonymous_nouns and h not in lex.generic_roles), None)
    first = next((m for m in src.mentions if m.kind == MentionKind.DESCRIPTOR), None) or next(
        (m for m in src.mentions if m.kind != MentionKind.PRONOUN), None
    )
    bare = False
    if first is not None:
        content = [
            w for w in re.findall(r"[\w’'-]+", first.text) if w.lower() not in lex.descriptor_determiners
        ]
        bare = len(content) == 1 and first.head_lemma in lex.vague_descriptors and not desc.strip(" ,")
    return Descriptor(affiliation, seniority, role, knowledge, side, bare)


_NUMBER_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|twenty|thirty|forty|fifty"
    r"|sixty|seventy|eighty|ninety|hundred)(?:-\w+)?",
    re.IGNORECASE,
)
"""A spelled-out number ("Forty", "Twenty-two"): opening a sentence, it is capitalised but no name."""


def _affiliation(phrases: list[str], lex: Lexicon) -> str | None:
    """The first run of capitalised words that are no side or title ("NATO", "White House"),
    else the first affiliation word ("administration"). A determiner or a spelled-out number
    that opens the phrase is capitalised by the sentence, not by a name ("Forty percent of
    voters")."""
    affiliation = None
    leading = lex.descriptor_determiners | lex.group_quantifiers | {"who", "whose"}  # "Others say"
    for phrase in phrases:
        words = re.findall(r"[\w’'-]+", phrase)
        caps: list[str] = []
        for i, w in enumerate(words):
            opening = i == 0 and (w.lower() in leading or _NUMBER_WORD.fullmatch(w) is not None)
            upper = w[:1].isupper() and not opening
            if upper and w not in lex.side_words and w.rstrip(".") not in lex.titles:
                caps.append(w)
            elif caps:
                break
        if caps and affiliation is None:
            affiliation = " ".join(caps)
        if affiliation is None:
            affiliation = next((w for w in words if w.lower() in lex.affiliation_words), None)
    return affiliation


def _clause(text: str, start: int) -> str:
    end = re.compile(r"[,.;]").search(text, start)
    return text[start : end.start() if end else len(text)].strip()
