"""Source typing: what kind of source a mention makes (a named person or organization, an
anonymous individual or group, a document), and which sources a pronoun can refer to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from ..lexicons import Lexicon
from ..mentions import Mention
from ..parsing import Word
from ..vocab import MentionKind, SourceType
from .model import Source

NounClass = Literal["document", "organization", "person", "thing"]


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
        if _group_name(m, lex):
            return SourceType.ANONYMOUS_GROUP  # "many Americans", "Iowa Evangelicals", "New Yorkers"
        if m.ner.endswith("PERSON"):
            return SourceType.NAMED_PERSON
        return SourceType.NAMED_ORGANIZATION if is_org_name(m, lex) else SourceType.NAMED_PERSON
    return _common_type(m, lex)


def _group_name(m: Mention, lex: Lexicon) -> bool:
    """Does a name end in a group of people's name ("Americans", "New Yorkers")?"""
    return any(" ".join(m.words[-n:]) in lex.group_names for n in (1, 2) if len(m.words) >= n)


def _common_type(m: Mention, lex: Lexicon) -> SourceType:
    """The type a description makes, from its head noun, determiner and number."""
    head = m.head_lemma
    if head in lex.document_nouns:
        return SourceType.DOCUMENT
    if m.definite and head in lex.organization_nouns:
        return SourceType.NAMED_ORGANIZATION
    if identified_role(m, lex):
        return SourceType.NAMED_PERSON  # "the senator": someone the article names
    plural = m.number == "plur" or m.text.lower().split()[-1] in lex.group_words
    if is_person_noun(head, lex):
        return SourceType.ANONYMOUS_GROUP if plural else SourceType.ANONYMOUS_INDIVIDUAL
    if head in lex.collective_nouns and _people_after_of(m, lex):
        return SourceType.ANONYMOUS_GROUP  # "a chorus of prominent Republicans"
    if head in lex.organization_nouns:
        return SourceType.NAMED_ORGANIZATION
    # "the car", "his tax returns", "63 percent": whatever said it, it is not a person
    return SourceType.UNKNOWN


def identified_role(m: Mention, lex: Lexicon) -> bool:
    """ "the senator", "the Republican presidential nominee", "Connecticut's tax commissioner":
    an office one person holds, with "the" or a name's possessive, in the singular."""
    if m.number != "sing" or m.head_lemma not in lex.identified_roles or not m.words:
        return False
    first, second = m.words[0], m.words[1] if len(m.words) > 1 else ""
    possessive = first.endswith(("’s", "'s")) or second in ("’s", "'s")
    return first.lower() == "the" or (first[:1].isupper() and possessive)


def definite_person(m: Mention, lex: Lexicon) -> bool:
    """ "the congressman", "the real estate developer": when a definite description of one
    person starts a source (no anonymous source introduced before took it up), it refers to
    someone the article identifies; "the source", "the official", "the man" may still be an
    anonymous source whose introduction was missed. (The clusterer asks: out of context,
    "the director" is an anonymous individual.)"""
    return (
        m.number == "sing"
        and m.words[:1] in (("the",), ("The",))
        and is_person_noun(m.head_lemma, lex)
        and m.head_lemma not in lex.vague_descriptors | lex.generic_roles | lex.staff_nouns
    )


def is_person_noun(head: str, lex: Lexicon) -> bool:
    """Does a common noun (a lemma) name a person: a listed one, or one with a person ending
    ("-er", "-ist") that is not a thing's ("statement", "answer")?"""
    return head in lex.anonymous_nouns or (
        head.endswith(lex.person_suffixes)
        and not head.endswith(lex.non_person_endings)
        and head not in lex.non_person_nouns
    )


def _people_after_of(m: Mention, lex: Lexicon) -> bool:
    """ "groups of protesters": the last word after "of" is a plural person noun."""
    words = [w.lower() for w in m.words]
    if "of" not in words[:-1]:
        return False
    last = words[-1]
    return last in lex.group_words or (last.endswith("s") and is_person_noun(last[:-1], lex))


_PREPOSITIONS = frozenset({"for", "of", "at", "with", "from"})


def staff_organization(m: Mention, words: Sequence[Word], text: str, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the organization an unnamed spokesperson or staff speaks for, when the
    mention names it ("a State Department spokesman", "Pentagon officials", "a spokeswoman for
    the agency", "campaign officials" once "the Clinton campaign" is named): newsrooms treat
    that as the organization's attribution. ``words``: the parse words of the mention."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.head_lemma not in lex.staff_nouns:
        return None
    at = next((i for i, w in enumerate(words) if w.lemma.lower() == m.head_lemma), None)
    if at is None:
        return None
    before = _organization_before(words[:at], text[: m.start], lex)
    return before if before is not None else _organization_after(words[at + 1 :], lex)


def _organization_before(words: Sequence[Word], earlier: str, lex: Lexicon) -> tuple[int, int] | None:
    """ "Pentagon", "State Department", "Clinton campaign" in front of the head; a bare
    organization noun ("agency officials") only when the article named it before ("the
    Metropolitan Transit Agency")."""
    start: int | None = None
    end = 0
    for i, w in enumerate(words):
        noun = w.lemma.lower() in lex.organization_nouns and w.text[:1].islower()
        if _org_word(w, lex) or (noun and i > 0 and _capitalised(words[i - 1])):
            k = i
            while k > 0 and _capitalised(words[k - 1]) and words[k - 1].text not in lex.side_words:
                k -= 1  # "Clinton campaign", "Homeland Security Department": the whole name
            start = words[k].start if start is None else start
            end = w.end
    if start is not None:
        return start, end
    nouns = [w for w in words if w.lemma.lower() in lex.organization_nouns and not _capitalised(w)]
    if not nouns:
        return None
    # the last name the article gave it: "the Riverton Transit Authority"
    names = list(re.finditer(rf"(?:\b[A-Z][\w’'.-]*\s+)+(?i:{re.escape(nouns[-1].text)})\b", earlier))
    if not names:
        return None
    named = names[-1]
    lead = re.match(r"(?:The|the)\s+", named.group(0))
    return named.start() + (lead.end() if lead else 0), named.end()


def _organization_after(words: Sequence[Word], lex: Lexicon) -> tuple[int, int] | None:
    """ "for the agency", "at Homeland Security Investigations" after the head."""
    if not words or words[0].text.lower() not in _PREPOSITIONS:
        return None
    phrase: list[Word] = []
    for w in words[1:]:
        if w.upos not in ("DET", "PROPN", "NOUN", "ADJ") and w.text.lower() != "of":
            break
        phrase.append(w)
    if not phrase:
        return None
    caps = [w for w in phrase if w.text[:1].isupper()]
    named = (
        any(_org_word(w, lex) for w in phrase)
        or (phrase[0].text.lower() == "the" and phrase[-1].lemma.lower() in lex.organization_nouns)
        # a name of two capitalised words or more that is no person's ("Donald Trump")
        or (len(caps) >= 2 and not _person_start(caps[0], lex))
    )
    return (phrase[0].start, phrase[-1].end) if named else None


def _person_start(w: Word, lex: Lexicon) -> bool:
    """Does a person's name start here: a given name or a title ("Donald", "Sen.")?"""
    return w.text in lex.first_names or w.text.rstrip(".") in lex.titles


def _org_word(w: Word, lex: Lexicon) -> bool:
    """A capitalised word that ends an organization's name ("Department", "Pentagon") or an
    acronym of three letters or more ("NATO", "FBI"; not "U.S.")."""
    if not _capitalised(w):
        return False
    return (w.text in lex.organization_words and w.text not in lex.side_words) or bool(
        re.fullmatch(r"[A-Z]{3,6}", w.text) and w.text not in lex.non_acronyms
    )


def _capitalised(w: Word) -> bool:
    """Capitalised for a name, not for opening the sentence ("Administration officials said")."""
    return w.text[:1].isupper() and w.index > 1


def class_of(head: str, lex: Lexicon) -> NounClass:
    """What a common noun names: a document, an organization, a person, else a thing ("the
    clip", "the ad": no anonymous person's description takes it up)."""
    if head in lex.document_nouns:
        return "document"
    if head in lex.organization_nouns:
        return "organization"
    return "person" if is_person_noun(head, lex) else "thing"


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
