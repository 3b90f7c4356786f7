"""Source typing: what kind of source a mention makes (a named person or organization, an
anonymous individual or group, a document), and which sources a pronoun can refer to."""

from __future__ import annotations

import re
from typing import Literal

from ..lexicons import Lexicon
from ..mentions import Mention
from ..vocab import MentionKind, SourceType
from .model import Source

NounClass = Literal["document", "organization", "person"]


def is_org_name(m: Mention, lex: Lexicon) -> bool:
    """Organization names end in an organization word ("Justice Department") or start with one
    followed by "of" ("Department of Justice"); "House Speaker Paul Ryan" is a person."""
    words = [w.strip(".,") for w in m.words if w not in ("’s", "'s")]
    if words and words[-1] in lex.organization_words:
        return True
    if len(words) > 2 and words[0] in lex.organization_words and "of" in words[1:3]:
        return True
    if (
        len(words) > 2
        and any(w in lex.organization_words for w in words[:-1])
        and not any(w.strip(".") in lex.titles for w in words)
        and words[-1][:1].isupper()
        and "of" in words
    ):
        return True
    head = m.text.split()[-1].strip(".,’'s")
    if re.fullmatch(r"[A-Z]{2,6}s?", head) and head not in lex.non_acronyms:
        return True  # NATO, FBI, the EU
    if m.words and m.words[0].lower() == "the" and len(words) > 1:
        return True  # "the Pentagon", "the Kremlin": a proper noun with "the" is not a person
    return m.ner.endswith(("ORG", "NORP", "GPE", "FAC"))


def type_of(m: Mention, lex: Lexicon) -> SourceType:
    """The type of source a mention makes, from its kind, head noun and number."""
    if m.kind == MentionKind.PRONOUN:
        return SourceType.UNKNOWN
    if m.kind == MentionKind.NAME:
        if m.ner.endswith("PERSON"):
            return SourceType.NAMED_PERSON
        return SourceType.NAMED_ORGANIZATION if is_org_name(m, lex) else SourceType.NAMED_PERSON
    head = m.head_lemma
    if head in lex.document_nouns:
        return SourceType.DOCUMENT
    if m.definite and head in lex.organization_nouns:
        return SourceType.NAMED_ORGANIZATION
    plural = m.number == "plur" or m.text.lower().split()[-1] in lex.group_words
    if head in lex.anonymous_nouns or (
        head.endswith(lex.person_suffixes) and not head.endswith(lex.non_person_endings)
    ):
        return SourceType.ANONYMOUS_GROUP if plural else SourceType.ANONYMOUS_INDIVIDUAL
    if head in lex.organization_nouns:
        return SourceType.NAMED_ORGANIZATION
    # "the car", "his tax returns", "63 percent": whatever said it, it is not a person
    return SourceType.UNKNOWN


def class_of(head: str, lex: Lexicon) -> NounClass:
    """What a common noun names: a document, an organization, else a person."""
    if head in lex.document_nouns:
        return "document"
    if head in lex.organization_nouns:
        return "organization"
    return "person"


def pronoun_fits(pron: str, src: Source, lex: Lexicon) -> bool:
    """Can the pronoun refer to the source? he/she: a person of no other gender; it: an
    organization or a document; they: a group, an organization or a plural."""
    kind, gender, number = lex.pronouns.get(pron, ("any", None, "sing"))
    if kind == "person":
        if src.type not in (SourceType.NAMED_PERSON, SourceType.ANONYMOUS_INDIVIDUAL, SourceType.UNKNOWN):
            return False
        return gender is None or src.gender in (None, gender)
    if kind == "thing":
        return src.type in (SourceType.NAMED_ORGANIZATION, SourceType.DOCUMENT)
    if number == "plur":
        return src.type in (SourceType.ANONYMOUS_GROUP, SourceType.NAMED_ORGANIZATION) or any(
            m.number == "plur" for m in src.mentions
        )
    return True
