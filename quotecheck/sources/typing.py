"""Source typing: what kind of source a mention makes (a named person or organization, an
anonymous individual or group, a document), and which sources a pronoun can refer to."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice, pairwise
from sys import maxsize
from typing import Literal

from ..lexicons import Lexicon
from ..mentions import (
    POSSESSIVE_MARKS,
    POSSESSIVE_S,
    Mention,
    is_group_quantifier,
    knowledge_tail,
    name_gender,
)
from ..parsing import Parse, Word
from ..vocab import MentionKind, SourceType
from .model import Source

NounClass = Literal["document", "organization", "person", "thing"]


def is_org_name(m: Mention, lex: Lexicon) -> bool:
    """Organization names end in an organization word ("Justice Department") or start with one
    followed by "of" ("Department of Justice"); "House Speaker Paul Ryan" is a person, and so is
    a mention tagged a person (a transcript's "HARMON:" label is no acronym)."""
    if m.ner.endswith("PERSON"):
        return False
    words = [w.strip(".,") for w in m.words if w not in POSSESSIVE_S]
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
    if re.fullmatch(r"[A-Z]{2,6}s?", head) and head not in lex.non_acronyms and not _regnal(words):
        return True  # NATO, FBI, the EU
    if (
        m.words
        and m.words[0].lower() == "the"
        and len(words) > 1
        and not any(_POSSESSIVE.search(w) for w in m.words[:-1])
        and not _titled_after_the(m, lex)
    ):
        # "the Pentagon", "the Kremlin": a proper noun with "the" is not a person ("The Blaze's
        # Matt Walsh" is: the name after the possessive)
        return True
    return m.ner.endswith(("ORG", "NORP", "GPE", "FAC"))


def _regnal(words: Sequence[str]) -> bool:
    """Does a name end in a regnal or generational numeral ("Pope Leo XIV", "Benedict XVI",
    "Charles III")? Such a head is no acronym; numerals with C, D or M are left out ("DC")."""
    return len(words) > 1 and _ROMAN.fullmatch(words[-1]) is not None and words[-2][:1].isupper()


_ROMAN = re.compile(r"(?=[IVXL])L?X{0,3}(?:IX|IV|V?I{0,3})")


def _titled_after_the(m: Mention, lex: Lexicon) -> bool:
    """Is a name "the", a title and a person's name ("the Rev. Al Sharpton", "the Rev Peter
    Wherry")? The title is abbreviated or a given name follows it, so "the Army Corps" stays an
    organization."""
    if len(m.words) < 3 or m.words[1].rstrip(".") not in lex.titles:
        return False
    return m.words[1].endswith(".") or m.words[2] in lex.first_names


def type_of(m: Mention, lex: Lexicon) -> SourceType:
    """The type of source a mention makes, from its kind, head noun and number."""
    if m.kind == MentionKind.PRONOUN:
        return SourceType.UNKNOWN
    if m.kind == MentionKind.NAME:
        if _part_of_people(m, lex):
            return SourceType.ANONYMOUS_GROUP  # "Many of her Republican supporters": no name
        if _state_people(m, lex):
            return SourceType.NAMED_ORGANIZATION  # "the Germans announce": the state speaks
        if _group_name(m, lex):
            return SourceType.ANONYMOUS_GROUP  # "many Americans", "Iowa Evangelicals", "New Yorkers"
        if m.ner.endswith("PERSON"):
            return SourceType.NAMED_PERSON
        if " ".join(w for w in m.words if w not in POSSESSIVE_S) in lex.country_names:
            return SourceType.NAMED_ORGANIZATION  # "Germany has pledged": the state speaks
        return SourceType.NAMED_ORGANIZATION if is_org_name(m, lex) else SourceType.NAMED_PERSON
    return _common_type(m, lex)


_PART_WORDS = frozenset({"many", "most", "some", "several", "all", "few", "none", "both"})


def _part_of_people(m: Mention, lex: Lexicon) -> bool:
    """Is a "name" only a sentence's capitalised quantifier over people ("Many of her Republican
    supporters", "Some of the protesters")? The tagger takes the opening word for a proper noun."""
    words = [w.lower() for w in m.words]
    return len(words) > 2 and words[0] in _PART_WORDS and words[1] == "of" and _people_word(words[-1], lex)


def _group_name(m: Mention, lex: Lexicon) -> bool:
    """Does a name end in a group of people's name ("Americans", "New Yorkers")?"""
    return any(" ".join(m.words[-n:]) in lex.group_names for n in (1, 2) if len(m.words) >= n)


def _state_people(m: Mention, lex: Lexicon) -> bool:
    """Is a name only "the" and a nation's people ("the Germans", "The Russians")? As a speaker
    that is the state, like "Germany"; "many Russians" or "Russians" are people (a group)."""
    return len(m.words) > 1 and m.words[0].lower() == "the" and " ".join(m.words[1:]) in lex.national_groups


def _common_type(m: Mention, lex: Lexicon) -> SourceType:
    """The type a description makes, from its head noun, determiner and number."""
    if is_group_quantifier(m, lex):
        return SourceType.ANONYMOUS_GROUP  # "Some say", "Others argue"
    person = _person_before_head(m, lex)
    if person is not None:
        return person
    head = m.head_lemma
    if head in lex.document_nouns or head in lex.recording_nouns:
        return SourceType.DOCUMENT  # "the report said"; "The clip says": a recording is a document too
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
        # "a commission", "several unions": organizations nobody named, like unnamed people
        # ("police", "the government" are the one the article is about)
        kind = _before_example(m.words)  # "groups like ISIS": a kind of group, ISIS an example of it
        unnamed = (
            bool(kind)
            and (kind[0].lower() in lex.unnamed_org_determiners or _bare_plural(m, lex))
            and not any(w[:1].isupper() for w in kind[1:])  # "an online University of Texas poll"
        )
        return SourceType.ANONYMOUS_GROUP if unnamed else SourceType.NAMED_ORGANIZATION
    # "the car", "his tax returns", "63 percent": whatever said it, it is not a person
    return SourceType.UNKNOWN


def _before_example(words: Sequence[str]) -> Sequence[str]:
    """A description's words before an example it gives ("groups like ISIS", "firms such as
    Apple"): the example is no name of the description's own."""
    for i, w in enumerate(words):
        if i and (w == "like" or (w == "such" and tuple(words[i + 1 : i + 2]) == ("as",))):
            return words[:i]
    return words


def _bare_plural(m: Mention, lex: Lexicon) -> bool:
    """ "TV networks", "unions": organizations in a plural without a determiner or a possessive,
    nobody named ("police" is no such plural: the force the article is about)."""
    first = m.words[0].lower()
    return (
        m.number == "plur"
        and _before_example(m.words)[-1].endswith("s")
        and first not in lex.definite_determiners
        and first not in lex.possessive_determiners
        and not any(w.endswith(POSSESSIVE_S) for w in m.words)
    )


def _person_before_head(m: Mention, lex: Lexicon) -> SourceType | None:
    """The person a description names when the parser took another word for its head: "a person
    close to the Clintons", "one Democrat familiar with the discussion" (the adjective of a
    knowledge tail, ``knowledge_tails``: the parser often makes it the head), "one of his senior
    aides" (one of a group of people: an anonymous individual)."""
    words = [w.lower() for w in m.words]
    at = words.index(m.head_lemma) if m.head_lemma in words else -1
    if at < 0 or at + 1 >= len(words):
        return None
    if m.head_lemma == "one" and words[at + 1] == "of":
        people = _people_word(words[-1], lex) or _plural_pronoun(words[at + 2 :], lex)
        return SourceType.ANONYMOUS_INDIVIDUAL if people else None
    if at == 0 or not knowledge_tail(lex).match(" " + " ".join(m.words[at:])):
        return None
    before = words[at - 1]
    if _people_word(before, lex):
        return SourceType.ANONYMOUS_GROUP
    if is_person_noun(before, lex) or m.words[at - 1] in lex.group_names:
        return SourceType.ANONYMOUS_INDIVIDUAL if not before.endswith("s") else SourceType.ANONYMOUS_GROUP
    return None


def _plural_pronoun(words: Sequence[str], lex: Lexicon) -> bool:
    """Are the words after "one of" a plural pronoun alone ("One of them said the support could be
    channelled ...", after "Two diplomats in the Gulf ... said"): one of the people just named?"""
    return len(words) == 1 and words[0] in lex.pronouns and lex.pronouns[words[0]][2] == "plur"


def identified_role(m: Mention, lex: Lexicon) -> bool:
    """ "the senator", "the Republican presidential nominee", "Connecticut's tax commissioner":
    an office one person holds, with "the" or a name's possessive, in the singular."""
    if m.number != "sing" or m.head_lemma not in lex.identified_roles or not m.words:
        return False
    first, second = m.words[0], m.words[1] if len(m.words) > 1 else ""
    possessive = first.endswith(POSSESSIVE_S) or second in POSSESSIVE_S
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
    return _people_word(words[-1], lex)


def _people_word(word: str, lex: Lexicon) -> bool:
    """Is a lower-case word a plural for people ("officials", "protesters", "aides")?"""
    return word in lex.group_words or (word.endswith("s") and is_person_noun(word[:-1], lex))


_PREPOSITIONS = frozenset({"for", "of", "at", "with", "from", "to"})
_POSSESSIVE_WORDS = frozenset(POSSESSIVE_MARKS)


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
    before = _organization_before(words[:at], text, m.start, lex)
    if before is None:
        before = _proper_noun_before(words[:at], m.number == "sing", text, lex)
    return before if before is not None else _organization_after(words[at + 1 :], lex)


def _proper_noun_before(
    words: Sequence[Word], singular: bool, text: str, lex: Lexicon
) -> tuple[int, int] | None:
    """ "a Twitter spokesman", "a Trump spokeswoman", "Clinton's aides": one spokesperson or
    staffer whose description starts with a proper noun, or staff with a name's possessive,
    speak for what the name names (no side, title or place abbreviation: "a Democratic
    official", "a U.S. official" stay anonymous, and so do "Iraqi officials")."""
    owned = bool(words) and words[-1].text in _POSSESSIVE_WORDS
    words = words[:-1] if owned else words
    # the compact tagger often calls the name an adjective: "a Twitter spokesman", "A Treasury spokesman"
    if not (singular or owned) or not words:
        return None
    if words[-1].upos != "PROPN" and not _org_word(words[-1], lex) and not _possessed_name(words[-1], text):
        return None
    if not (_capitalised(words[-1]) or (owned and words[-1].text[:1].isupper())):
        return None  # "Clinton's aides" may open the sentence; "Pentagon officials" may not
    k = len(words) - 1
    while k > 0 and words[k - 1].upos == "PROPN" and words[k - 1].text[:1].isupper():
        k -= 1  # "a Goldman Sachs spokesman"
    counted = k > 0 and words[k - 1].text.lower() in lex.descriptor_determiners | lex.counting_determiners
    if not (owned or counted):
        return None  # "Rubio spokesman Alex Conant": a title in front of a name
    run = [w for w in words[k:] if w.text.rstrip(".") not in lex.titles]  # "Ms. Merkel's spokesman"
    if not run or any(w.text in lex.side_words or "." in w.text for w in run):
        return None
    return run[0].start, run[-1].end


def _organization_before(
    words: Sequence[Word], text: str, before: int, lex: Lexicon
) -> tuple[int, int] | None:
    """ "Pentagon", "State Department", "Clinton campaign" in front of the head; a bare
    organization noun ("agency officials") only when the article named it before the offset
    ``before`` ("the Metropolitan Transit Agency")."""
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
    # the last name the article gave it: "the Riverton Transit Authority"; or one of the kind's other
    # name endings (lexicon ``organization_aliases``): "Pine Ridge Regional Medical Center" for "hospital"
    kind = _kind_modifiers(words, nouns[-1])
    if kind:  # "a fire department spokesman": a "Fire Department", not "California Department"
        endings = r"\s+".join(re.escape(w.text) for w in (*kind, nouns[-1]))
    else:
        aliases = lex.organization_aliases.get(nouns[-1].lemma.lower(), ())
        endings = "|".join(re.escape(e) for e in (nouns[-1].text, *aliases))
    names = _names_ending(text, endings)
    k = bisect_right(names, before, key=lambda span: span[1])
    if k == 0:
        return None
    named_start, named_end = names[k - 1]
    start = named_start + _sentence_end_within(text[named_start:named_end], lex)
    lead = re.match(r"(?:The|the)\s+", text[start:named_end])
    return start + (lead.end() if lead else 0), named_end


def _kind_modifiers(words: Sequence[Word], noun: Word) -> list[Word]:
    """The lower-case compound nouns right before a bare organization noun that say its kind ("fire"
    in "a fire department spokesman"): the name it stands for must end with them too."""
    i = words.index(noun)
    j = i
    while (
        j > 0
        and words[j - 1].deprel == "compound"
        and words[j - 1].upos == "NOUN"
        and words[j - 1].text.islower()
    ):
        j -= 1
    return list(words[j:i])


@lru_cache(maxsize=16)  # a few endings per article; the texts held are the last few articles
def _names_ending(text: str, endings: str) -> tuple[tuple[int, int], ...]:
    """The spans of the capitalised names in a text that end with one of a pattern's endings
    ("the Riverton Transit Authority"), in order: found once per article and ending, where a
    search of the text before every staff description grew with the square of the article."""
    return tuple(m.span() for m in re.finditer(rf"(?:\b[A-Z][\w’'.-]*\s+)+(?i:{endings})\b", text))


def _sentence_end_within(run: str, lex: Lexicon) -> int:
    """Where the last sentence a run of capitalised words crosses begins: after a word whose
    period ends a sentence, no initial, title or abbreviation ("in San Jose. Cleveland police":
    "Cleveland police"; "U.S. Capitol Police" is one name); 0 when the run crosses none."""
    start = 0
    for word in re.finditer(r"(\S+)\.\s+", run):
        stem = word.group(1)
        if len(stem) > 1 and "." not in stem and stem not in lex.titles and stem not in lex.abbreviations:
            start = word.end()
    return start


def _organization_after(words: Sequence[Word], lex: Lexicon) -> tuple[int, int] | None:
    """ "for the agency", "at Homeland Security Investigations" after the head."""
    if not words or words[0].text.lower() not in _PREPOSITIONS:
        return None
    phrase: list[Word] = []
    for w in words[1:]:
        kept = w.upos in ("DET", "PROPN", "NOUN", "ADJ") or w.text.lower() == "of"
        if not kept and w.text not in _POSSESSIVE_WORDS:  # "for Donald Trump's campaign" goes on
            break
        phrase.append(w)
    if not phrase:
        return None
    caps = [w for w in phrase if w.text[:1].isupper()]
    named = (
        any(_org_word(w, lex) for w in phrase)
        or (phrase[0].text.lower() == "the" and phrase[-1].lemma.lower() in lex.organization_nouns)
        # "for Donald Trump's campaign", "for the Clinton campaign": a named owner's organization
        or (bool(caps) and phrase[-1].lemma.lower() in lex.organization_nouns)
        # a name of two capitalised words or more that is no person's ("Donald Trump")
        or (len(caps) >= 2 and not _person_start(caps[0], lex))
        # "a spokesman for Donald Trump", "aides to Clinton": staff of a named person
        or (words[0].text.lower() in ("for", "to") and bool(caps) and phrase[-1] is caps[-1])
    )
    return (phrase[0].start, phrase[-1].end) if named else None


def named_by_its_staff(m: Mention, text: str, lex: Lexicon) -> bool:
    """Is a one-word name an organization the text gives an unnamed spokesperson or staff ("Google
    announced" beside "a Google spokesperson")? The tagger knows no company names; a person's
    surname in the same layout ("a Trump spokesman") comes with the person's full name or a title
    ("Senator Rubio", "Mr. Rubio")."""
    if m.kind != MentionKind.NAME or len(m.words) != 1 or m.words[0] in lex.first_names:
        return False
    name = re.escape(m.words[0])
    if m.words[0] not in _staffed_names(text, lex.staff_nouns):
        return False
    before = re.finditer(rf"\b([A-Z][a-z]+\.?)\s+{name}\b", text)
    titled = (t.group(1).rstrip(".") in lex.titles for t in before)
    return not any(titled) and not any(full.endswith(f" {m.words[0]}") for full in _full_names(text, lex))


@lru_cache(maxsize=16)  # the texts held are the last few articles
def _staffed_names(text: str, staff_nouns: frozenset[str]) -> frozenset[str]:
    """The words a text writes between "a"/"an"/"one"/"two"/"three" and a staff noun ("a Google
    spokesperson": "Google"), found in one pass per article; a search per one-word name grew with
    the square of the article."""
    staff = "|".join(re.escape(n) for n in sorted(staff_nouns))
    layout = re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree)\s+(?=(\S+)\s+(?:{staff})\b)")
    return frozenset(found.group(1) for found in layout.finditer(text))


# a comma-set description after a name (and the rest of the name's "for"/"of" phrase: "Heritage Action for
# America, the advocacy arm of ..."): the words up to its first "of"/"for"/relative word, the head noun last
_DESCRIPTION_AFTER = re.compile(
    r"(?:[ \t]+(?:for|of)(?:[ \t]+[A-Z][\w’'-]*)+)?,[ \t]+(?:[Tt]he|[Aa]n?|[Ii]ts)[ \t]+([^,;:()\n]*?)"
    r"(?:[ \t]+(?:of|for|in|at|that|which|who)\b|,)"
)


def described_as_organization(m: Mention, text: str, lex: Lexicon) -> bool:
    """Is a name set beside a description whose head noun is an organization's (``organization_nouns``:
    "Heritage Action for America, the advocacy arm of the Heritage Foundation,", "..., the nation's
    largest veterans' organization,")? Not a name with a known given name ("Ann Lee, the group’s
    founder" is a person either way)."""
    if m.kind != MentionKind.NAME or name_gender(m.words, lex) is not None:
        return False
    found = _DESCRIPTION_AFTER.match(text, m.end)
    words = _description_head(found.group(1).split()) if found is not None else []
    if any(_role_word(w, lex) for w, after in pairwise(words) if after == "and"):
        return False  # "the president and publisher of Grand Central Publishing": a person's roles
    return bool(words) and words[-1].lower() in lex.organization_nouns


_HEAD_ENDS = frozenset({"with", "on", "from", "to"})


def _description_head(words: Sequence[str]) -> Sequence[str]:
    """A description's words up to its head noun: before "with", "on", "from" or "to" ("a pollster with
    Mr. Yanukovych's former party", "an organizer with the Philly Coalition": the pollster, the
    organizer)."""
    end = next((i for i, w in enumerate(words) if w in _HEAD_ENDS), len(words))
    return words[:end]


def _role_word(word: str, lex: Lexicon) -> bool:
    """A word naming a person's role ("president", "strategist") coordinated with a noun that
    organizations share ("the president and publisher of")."""
    return word in lex.identified_roles or is_person_noun(word, lex)


def _possessed_name(w: Word, text: str) -> bool:
    """Is the tagger's adjective a name the text also uses with a possessive ("a Google
    spokesperson" beside "Google's shares")? A nationality ("an Iraqi official") never is."""
    if not _capitalised(w):
        return False
    last_run = _WORD_RUN_END.search(w.text).group()  # type: ignore[union-attr]  # \w*\Z always matches
    if last_run not in _possessors(text):
        return False  # no possessive in the text ends with the word's last word-character run
    return re.search(rf"\b{re.escape(w.text)}['’]s\b", text) is not None


_WORD_RUN_END = re.compile(r"\w*\Z")


@lru_cache(maxsize=16)  # the texts held are the last few articles
def _possessors(text: str) -> frozenset[str]:
    """The word-character runs that end right before a possessive "'s" ("Google's": "Google"),
    found in one pass per article: a search per staff description's word grew with the square of
    the article."""
    runs = set()
    for possessive in re.finditer(r"['’]s\b", text):
        start = possessive.start()
        while start and _WORD_CHAR.match(text, start - 1):
            start -= 1
        runs.add(text[start : possessive.start()])
    return frozenset(runs)


_WORD_CHAR = re.compile(r"\w")


def _person_start(w: Word, lex: Lexicon) -> bool:
    """Does a person's name start here: a given name or a title ("Donald", "Sen.")?"""
    return w.text in lex.first_names or w.text.rstrip(".") in lex.titles


def _org_word(w: Word, lex: Lexicon) -> bool:
    """A capitalised word that ends an organization's name ("Department", "Pentagon") or an
    acronym of three letters or more ("NATO", "FBI"; not "U.S.")."""
    if w.text in lex.side_words:
        return False  # "GOP officials": the party's members, like "Republican officials"
    if _acronym(w.text, lex):
        return True  # "FBI officials said": an acronym is a name even where it opens the sentence
    return _capitalised(w) and w.text in lex.organization_words


def _acronym(text: str, lex: Lexicon) -> bool:
    """An acronym of three to six capitals that names an organization ("NATO", "WKOW")."""
    return re.fullmatch(r"[A-Z]{3,6}", text) is not None and text not in lex.non_acronyms


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


# ---------------------------------------------------------------------------------------------
# A second look at a source's type, with the text around its first mention
# ---------------------------------------------------------------------------------------------

# a capitalised word ("Post-ABC", "R.", "O'Neill"); one way only to match a run of them, so that
# a long run that does not fit fails at once ("A. B. C. ..." once matched an initial two ways)
_NAME_WORD = r"(?:[A-Z][\w’'.-]*)"
# "Vann R. Newkirk II, " / "Rep. Jim Jordan (R-Ohio), " / "Kall -- ": a name, then the comma or
# dash that opens an apposition, right before the description
_NAME_BEFORE = re.compile(
    rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})*)(?:\s+\([A-Z][\w.-]*\))?\s*(?:,|--|[—–])\s*(?:(?:him|her)self\s+)?$"
)  # "Silverman, herself a Sanders supporter"
# what may follow an apposition: a comma, a dash, a prepositional phrase or a second description
# ("Steven M. Rosenthal, a tax lawyer and senior fellow at ...")
_AFTER_APPOSITION = re.compile(r"\s*(?:,|--|[—–]|\s(?:of|for|at|with|and)\s)")
_BY_AUTHOR = re.compile(
    rf"^(?:\s+(?P<verb>[a-z]+))?\s+by\s+(?:the\s+)?(?P<name>{_NAME_WORD}(?:\s+(?:of\s+|and\s+)?{_NAME_WORD})*)"
)  # "[released] by the Treasury": the verb must be one of the lexicon's authoring_verbs
_NAME_TAIL = re.compile(rf"(?<![\w.])(?:{_NAME_WORD}\s+)+$")  # capitalised words right before a mention
_NAME_AFTER = re.compile(rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD})+)")  # "retired teacher Alma Ruiz"
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
_WRITER_OWN = frozenset({"my", "our"})


def refine_types(sources: Sequence[Source], text: str, parse: Parse | None, lex: Lexicon) -> None:
    """Retype sources that their first mention alone typed wrongly, from the text around it
    (run once clustering, ground rules and staff typing are done):

    - the writer's own circle ("my father", ``kin_nouns``; "a friend of mine" is not caught) and the end of a
      hyphenated word ("African-Americans") are no source;
    - a description in apposition to a person's name ("Vann R. Newkirk II, a writer for The
      Atlantic, said") is that named person;
    - a capitalised common noun after other capitalised words ("The Charlotte Observer",
      "The New York Post") is an organization's name, not a description;
    - a document whose author the mention names ("Ivana Trump's brief", "a CBS News poll",
      "an analysis by Lily Batchelder", "a report from the SITE Intelligence Group"), or that takes
      up one that named it ("the poll" after "a Quinnipiac University poll"), or that ends in an
      organization's name ("the Post", "a study by economists at Duke University") is its
      author's attribution (docs/labelling.md);
    - a bare title or singular person noun before or after a name ("retired teacher Alma
      Ruiz", "analyst said") is that named person;
    - a first mention like "the senators", "both candidates" refers to people already named;
    - an indefinite description opening the lede, named in the next paragraph ("A former DNC
      chairman says ..."), is that person (:func:`_delayed_lede`).
    - someone only spoken to ("told a young woman who ...") or imagined ("If ..., a reader
      would ask") is no source;
    - a description with a name in apposition after it ("his wife, Laura,") or the name the
      person goes by ("a man calling himself Paul Paul", :func:`_called_by_name`), a lede's
      description named soon after under its title ("A New York judge" ... "Justice Frank
      Nervo"), and a name's possessive description that takes up the person the paragraph
      before is about ("Obama's former campaign strategist" after a paragraph on David
      Axelrod) are those named people.

    A "named person" that is only a plural noun for people opening a sentence ("Demonstrators
    said", "Others argue") is an anonymous group (:func:`_common_plural`), and so is a share of
    the people a poll asked ("67 percent of voters", :func:`_poll_share`), unless its sentence names
    the poll's author (:func:`_poll_author`): then that organization. A one-word "named person"
    that the words after its cue call "it" is an organization (:func:`_one_word_organization`).
    Anonymous sources granted anonymity (a ground rule or a reason) are left as they are."""
    for src in sources:
        if _common_plural(src, sources, text, lex):
            src.type = SourceType.ANONYMOUS_GROUP  # "Demonstrators said": not a name
        elif (host := _group_at_organization(src, text, lex)) is not None:
            src.type, src.description = SourceType.ANONYMOUS_GROUP, host  # "Economists at Morgan Stanley"
        elif _brand_shaped(src):
            src.type = SourceType.NAMED_ORGANIZATION  # "SAfm", "JPMorgan": no person is written so
        elif _poll_share(src, lex):
            author = _poll_author(src, text, lex)
            if author is not None:
                src.type, src.name = SourceType.NAMED_ORGANIZATION, author
            else:
                src.type, src.polled = SourceType.ANONYMOUS_GROUP, True
        elif src.type == SourceType.UNKNOWN and (named := _name_tagged_common(src, text, lex)) is not None:
            src.type, src.name = SourceType.NAMED_PERSON, named  # "Husted said": a surname tagged a noun
        elif _organization_by_role(src, text, lex) or _one_word_organization(src, text, lex):
            src.type = SourceType.NAMED_ORGANIZATION  # "Coca-Cola indicated it would give"
        elif (apposed := _organization_apposed_before(src, text, lex)) is not None:
            src.name = apposed  # "the label said" after "her former label, Big Machine Records,"
    people = [src.name for src in sources if src.type == SourceType.NAMED_PERSON] + _full_names(text, lex)
    layout = _layout_of(sources, text)
    named_from = _person_named_from(text, layout, lex)
    for src in sources:
        first = next((m for m in src.mentions if m.kind != MentionKind.PRONOUN), None)
        if first is None or not (src.anonymous or src.type == SourceType.DOCUMENT):
            continue
        if src.ground_rules or src.anonymity_reason is not None:
            continue
        words = _words_of(first, parse)
        if _writer_own(first, lex) or _fragment(src, first, text):
            src.type = SourceType.UNKNOWN  # "my father often said": the writer's family
            continue
        if src.anonymous and (
            _only_spoken_to(src, parse, lex) or _hypothetical(first, parse) or _only_asked_about(src, parse)
        ):
            src.type = SourceType.UNKNOWN  # "Morial told a young woman ...": she listens
            continue
        retyped = (
            _organization_name(first, words, lex)
            or _apposition_person(first, text, lex)
            or _name_in_apposition(first, text, lex)
            or _titled_name_in_apposition(first, text, lex)
            or _called_by_name(first, text, lex)
            or _named_member(first, text, lex)
            or _coordinated_names(first, text, lex)
            or _document_voice(first, text, lex)
            or _named_person_description(first, text, lex)
            or _named_people_again(first, named_from, text, lex)
        )
        if retyped is None and src.type == SourceType.ANONYMOUS_INDIVIDUAL:
            retyped = (
                _delayed_lede(first, sources, text, layout)
                or _titled_later(first, sources, text, layout, lex)
                or _possessive_topic(first, sources, layout, lex)
                or _spokesperson_after_statement(first, src, sources)
            )
        if retyped is None and src.type == SourceType.DOCUMENT:
            retyped = (
                _document_author(first, words, text, people, lex)
                or _author_from(first, text, people, lex)
                or _trailing_organization(first, text, lex)
                or _earlier_author(first, text, people, lex)
            )
        if retyped is not None:
            src.type, src.name = retyped


def _organization_apposed_before(src: Source, text: str, lex: Lexicon) -> str | None:
    """The name an organization source that is only "the <noun>" ("the label said") gets from
    the nearest earlier apposition to the same noun ("her former label, Big Machine Records,"),
    when no named source took the description up."""
    if src.type != SourceType.NAMED_ORGANIZATION or any(m.kind == MentionKind.NAME for m in src.mentions):
        return None
    first = next((m for m in src.mentions if m.kind != MentionKind.PRONOUN), None)
    if first is None or len(first.words) != 2 or first.words[0].lower() != "the":
        return None
    if not first.words[1].islower():
        return None
    if class_of(first.head_lemma, lex) != "organization":
        return None
    apposed = re.compile(rf"\b{re.escape(first.words[1])},\s+({_PROPER_RUN})")
    hits = list(apposed.finditer(text, 0, first.start))
    return hits[-1].group(1) if hits else None


_PROPER_RUN = r"(?:[A-Z][\w&’'-]*\s+){0,4}[A-Z][\w&’'-]*"


def _spokesperson_after_statement(
    m: Mention, src: Source, sources: Sequence[Source]
) -> tuple[SourceType, str] | None:
    """The named organization a bare "A spokesperson" speaks for when that organization is the
    last source mentioned, in the mention's sentence or the one before ("“...,” the label said in
    a statement. A spokesperson added that ..."): newsrooms treat it as the organization's
    attribution. Any other source mentioned in between leaves it unnamed."""
    if len(m.words) != 2 or m.words[0].lower() not in ("a", "an") or not m.head_lemma.startswith("spokes"):
        return None
    earlier = [
        (x.start, other)
        for other in sources
        if other is not src
        for x in other.mentions
        if x.start < m.start and x.sentence >= m.sentence - 1
    ]
    last = max(earlier, key=lambda e: e[0])[1] if earlier else None
    if last is None or last.type != SourceType.NAMED_ORGANIZATION:
        return None
    return SourceType.NAMED_ORGANIZATION, last.name


def _name_tagged_common(src: Source, text: str, lex: Lexicon) -> str | None:
    """The person's name a source's first mention is when the parser tagged it a common noun,
    so that it was typed unknown: a name after a lower-case title ("former secretary of state
    Hillary Clinton": a given name, then a capitalised surname), or a lone capitalised word the
    article also writes capitalised inside a sentence ("Husted said" ... ", Husted said"), no
    acronym, group, organization word or title, outside the headline; None otherwise."""
    m = next((x for x in src.mentions if x.kind != MentionKind.PRONOUN), None)
    if m is None or m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL):
        return None
    words = [w for w in m.words if w not in POSSESSIVE_S]
    if len(words) >= 2 and words[-2] in lex.first_names and _CAPITALISED_NAME.fullmatch(words[-1]):
        # a title before the name, not a phrase around it ("the mouth of Donald Trump")
        titled = len(words) == 2 or words[-3].lower() not in _PREPOSITIONS
        return f"{words[-2]} {words[-1]}" if titled else None
    if len(words) != 1 or not _CAPITALISED_NAME.fullmatch(words[0]) or m.start < text.find("\n"):
        return None  # a headline's capitalised words are no evidence
    if words[0] in lex.group_names or words[0] in lex.organization_words or words[0] in lex.titles:
        return None  # "Republicans", "State"
    inside = re.search(rf"(?:[a-z,]|[”\"’'])\s+{re.escape(words[0])}\b", text)
    return words[0] if inside is not None else None


_CAPITALISED_NAME = re.compile(r"[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?")
# a name, its cue verb and "it"/"its" opening what it reports ("Coca-Cola indicated it would",
# "Google said Tuesday it would": a capitalised word in between must be a day, lexicon ``calendar_words``)
_SAID_IT = re.compile(r"\s+[a-z]+(?:\s+([A-Z][a-z]+\.?))?(?:\s+that)?\s+its?\b")


def _one_word_organization(src: Source, text: str, lex: Lexicon) -> bool:
    """Is a "named person" an organization's one-word name (:func:`_lone_word_names`) that the words
    after it call "it" (:func:`_name_said_it`) or one of the next sentences takes up
    (:func:`_taken_up_as_organization`)?"""
    names = _lone_word_names(src, text, lex)
    return bool(names) and (_name_said_it(names, text, lex) or _taken_up_as_organization(names, text, lex))


def _name_said_it(names: Sequence[Mention], text: str, lex: Lexicon) -> bool:
    """Do the words after a one-word name call it "it" ("Coca-Cola indicated it would give"; not
    "Trump said it was", which :func:`_lone_word_names` leaves out)?"""
    said = (_SAID_IT.match(text, x.end) for x in names)
    return any(hit is not None and hit[1] in (None, *lex.calendar_words) for hit in said)


def _lone_word_names(src: Source, text: str, lex: Lexicon) -> list[Mention]:
    """The name mentions of a "named person" that may be an organization's one-word name: every
    one a single word, no given name, title, he or she ever going with it, written nowhere after
    another capitalised word (not "Trump" after "Donald Trump"); empty otherwise."""
    if src.type != SourceType.NAMED_PERSON or src.gender is not None:
        return []
    if any(x.kind == MentionKind.PRONOUN and x.head_lemma in ("he", "she") for x in src.mentions):
        return []
    names = [x for x in src.mentions if x.kind == MentionKind.NAME]
    if not names or any(len(x.text.split()) != 1 for x in names):
        return []
    if names[0].text in lex.first_names:
        return []
    lead = _WORD_RUN.match(names[0].text).group()  # type: ignore[union-attr]  # \w* always matches
    if not lead or lead in _after_capitalised(text):  # else neither search below can match
        word = re.escape(names[0].text)
        if re.search(rf"\b[A-Z][\w'’-]*[ \t]+{word}\b", text):
            return []  # "Donald Trump": a person written in full
        titled = re.compile(rf"\b([A-Z][a-z]+)\.?[ \t]+{word}\b")
        if any(t.group(1) in lex.titles for t in titled.finditer(text)):
            return []  # "Mr. Nielsen"
    return names


# the opening of one of the next few sentences: "The group's political bureau member ...", "The group said"
_NEXT_OPENINGS = re.compile(r"[.!?][\"”’]?\s+([\"“])?(The\s+([a-z]+)(['’]s)?\b)?")
_OPENINGS_REACH = 4  # sentences after the name's


def _taken_up_as_organization(names: Sequence[Mention], text: str, lex: Lexicon) -> bool:
    """Does one of the sentences after a one-word name (its first, ``names[0]``) take it up by an
    organization noun's possessive opening it ("Hamas said in a statement that ... The group's
    political bureau member Basem Naim said")? The first "The <noun>" opening decides ("The board
    will vote" is another body); wire copy names a group once, then calls it "the group"."""
    openings = _NEXT_OPENINGS.finditer(text, names[0].end)
    for hit in islice(openings, _OPENINGS_REACH):
        if hit[1] is None and hit[3] is not None:  # not a quotation's opening ("“The occupation is")
            return hit[4] is not None and hit[3] in lex.organization_nouns  # not "The board will vote"
    return False


_WORD_RUN = re.compile(r"\w*")


@lru_cache(maxsize=16)  # the texts held are the last few articles
def _after_capitalised(text: str) -> frozenset[str]:
    """The word-character runs that start right after a capitalised word and spaces or tabs
    ("Donald Trump": "Trump"), found in one pass per article: a name written after one starts
    with such a run, so :func:`_lone_word_names` searches the text for it only then; a search per
    one-word name grew with the square of the article."""
    ends = (m.end() for m in re.finditer(r"\b[A-Z][\w'’.-]*[ \t]+", text))
    return frozenset(_WORD_RUN.match(text, end).group() for end in ends)  # type: ignore[union-attr]


def _organization_by_role(src: Source, text: str, lex: Lexicon) -> bool:
    """Is a "named person" a name that a lower-case organization noun right before it describes
    ("State grid operator Ukrenergo", "the militant group Hezbollah", "public broadcaster NHK")?
    Wire copy introduces organizations as it introduces people, by a role before the name."""
    if src.type != SourceType.NAMED_PERSON or src.gender is not None:
        return False
    m = next((x for x in src.mentions if x.kind == MentionKind.NAME), None)
    if m is None:
        return False
    if m.description is None or m.description[1] > m.start:
        # no role parsed before the name ("According to Finnish broadcaster Yle,"; a description after
        # it, "Kowalczyk, who chairs the board", is no role): the lower-case word written right before
        # the name's capitalised words, inside the mention or before it
        words = m.text.split()
        lower = [i for i, w in enumerate(words) if w[:1].islower()]
        before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
        role = words[lower[-1]] if lower else before.group(1) if before is not None else ""
        named = words[lower[-1] + 1 :] if lower else words
        # "the agency Director Ko" is a person: no title among the name's words
        return role in lex.organization_nouns and bool(named) and not any(w in lex.titles for w in named)
    if text[m.description[1] : m.start].strip():
        return False
    role = text[m.description[0] : m.description[1]].split()
    return bool(role) and role[-1].islower() and role[-1] in lex.organization_nouns


_WORD_BEFORE = re.compile(r"\b([a-z]+)[ \t]+\Z")  # the lower-case word before an offset, on its line


_FULL_NAME = re.compile(r"\b([A-Z][a-z]+)\s+((?:[A-Z]\.\s+)?[A-Z][\w’'-]+)")


def _full_names(text: str, lex: Lexicon) -> list[str]:
    """The people's full names in the text, a given name first ("Rachel Hoff"), whether or not
    they speak: "Hoff's letter" is a person's document once the article names Rachel Hoff."""
    return [f"{g} {rest}" for g, rest in _FULL_NAME.findall(text) if g in lex.first_names]


def _poll_share(src: Source, lex: Lexicon) -> bool:
    """Is an untyped source a share of the people a poll asked ("67 percent of voters", "Another
    22 percent", ``share_nouns``; "six in 10", :data:`_SHARE_RATIO`)? They are an anonymous group
    (docs/labelling.md). Typed after the ground rules are placed, so that a reason for anonymity
    goes to a real anonymous source."""
    first = next((m for m in src.mentions if m.kind != MentionKind.PRONOUN), None)
    return (
        src.type == SourceType.UNKNOWN
        and first is not None
        and first.kind in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL)
        and (first.head_lemma in lex.share_nouns or _SHARE_RATIO.match(first.text) is not None)
    )


# "six in 10", "eight of 10 voters", "nine out of ten": a share of those asked, written as a ratio
_SHARE_RATIO = re.compile(
    r"(?i:(?:another|only|just|nearly|almost|about|roughly)\s+)?"
    r"(?i:\d+|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|of|out\s+of)\s+(?:10|ten)\b"
)


# each word of a "before" run whole ("Post-ABC" is one word, never "Post" and "-ABC"): a long
# hyphenated run not followed by "poll" then fails in linear time, not by trying every split
_POLL_BY = re.compile(
    rf"(?:(?P<before>(?>{_NAME_WORD})(?:[\s/-]+(?>{_NAME_WORD}))*)\s+poll|poll\s+(?:conducted|released|commissioned)\s+by\s+"
    rf"(?:the\s+)?(?P<after>{_NAME_WORD}(?:\s+(?:and\s+(?:the\s+)?)?{_NAME_WORD})*))"
)


def _poll_author(src: Source, text: str, lex: Lexicon) -> str | None:
    """The named author of the poll a share of respondents answered, when the share's sentence
    names it outside the share's mention ("... in a Washington Post-ABC News poll", "In a poll
    conducted by the New York Times and ABC News, 28 percent ..."): that organization speaks."""
    first = next(m for m in src.mentions if m.kind != MentionKind.PRONOUN)
    lo = max(text.rfind(". ", 0, first.start), text.rfind("\n", 0, first.start)) + 1
    ends = [i for i in (text.find(". ", first.end), text.find("\n", first.end)) if i >= 0]
    hi = min(ends) if ends else len(text)
    for found in _POLL_BY.finditer(text, lo, hi):
        if first.start <= found.start() < first.end:
            continue
        name = _without_leading_words((found.group("before") or found.group("after")).split())
        while name and (name[0] in lex.calendar_words or _POSSESSIVE.search(name[0])):
            name = name[1:]  # "a September Washington Post-ABC News poll", "Wednesday's Quinnipiac poll"
        return " ".join(name) if len(" ".join(name)) > 1 else None  # "The poll", "The Q poll": no name
    return None


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“”'‘’(—–-]\s*|\n\s*)$")
_OPENING_WINDOW = 16  # characters before a word searched for a sentence opening (linear work)


def _common_plural(src: Source, sources: Sequence[Source], text: str, lex: Lexicon) -> bool:
    """Is a named person only ever a one-word plural noun for people that the tagger took for a
    proper noun because it opens the sentence ("Demonstrators said", "Proponents, including
    ...", "Others argue")? Not when the word is capitalised inside a sentence anywhere in the
    text or is part of another person's name: "Sanders" and "Rogers" end like person nouns."""
    described = [m for m in src.mentions if m.kind != MentionKind.PRONOUN]
    if src.type != SourceType.NAMED_PERSON or not described:
        return False
    if any(m.kind != MentionKind.NAME or len(m.words) != 1 for m in described):
        return False
    word = described[0].words[0]
    lower = word.lower()
    if any(m.words[0] != word for m in described) or not word[:1].isupper():
        return False
    if not (_people_word(lower, lex) or lower == "others"):
        return False
    if any(
        word in other.name.split()
        for other in sources
        if other is not src and other.type == SourceType.NAMED_PERSON
    ):
        return False
    return all(
        _SENTENCE_OPENING.search(text, max(0, at.start() - _OPENING_WINDOW), at.start())
        for at in re.finditer(rf"\b{re.escape(word)}\b", text)
    )


_GROUP_HOSTS = ("at", "for", "from", "with")  # "Economists at Morgan Stanley", "Analysts for Fitch"


def _group_at_organization(src: Source, text: str, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the organization a "named person" that is only ever a plural noun for people
    opening the sentence works at ("Economists at Morgan Stanley said": "Morgan Stanley"), which
    describes the group; None for any other source. The tagger took the capitalised noun for a
    name; the words are a group of unnamed people (docs/labelling.md: "some economists"), like
    :func:`_common_plural` for the noun alone."""
    described = _named_described(src)
    if not described:
        return None
    for m in described:
        if m.kind != MentionKind.NAME or len(m.words) < 3 or m.words[1] not in _GROUP_HOSTS:
            return None
        if not (_people_word(m.words[0].lower(), lex) and m.words[2][:1].isupper()):
            return None
    first = described[0]
    host = text.index(f" {first.words[1]} ", first.start) + len(first.words[1]) + 2
    return host, first.end


_BRAND = re.compile(r"[A-Z]{2,}[a-z]+[A-Za-z]*")  # "SAfm", "JPMorgan", "NBCUniversal"


def _brand_shaped(src: Source) -> bool:
    """Is a named person only ever one word written like a brand, two capitals or more before
    lower-case letters ("SAfm", "JPMorgan")? People's names are not written so ("McCain",
    "DeSantis" have one capital before the lower case); an organization is (a station, a bank)."""
    described = _named_described(src)
    return bool(described) and all(
        m.kind == MentionKind.NAME and len(m.words) == 1 and _BRAND.fullmatch(m.words[0]) is not None
        for m in described
    )


def _named_described(src: Source) -> list[Mention]:
    """The mentions other than pronouns of a source typed a named person, which the checks for a
    tagger's false name look at; none for any other source."""
    if src.type != SourceType.NAMED_PERSON:
        return []
    return [m for m in src.mentions if m.kind != MentionKind.PRONOUN]


@dataclass(frozen=True)
class _Layout:
    """What the second look at every source asks of the article, computed once: where its
    paragraphs start and where the named people's names are (start, source index), in order."""

    paragraphs: list[int]
    names: list[tuple[int, int]]

    def paragraph(self, offset: int) -> int:
        """The index of the paragraph holding ``offset`` (-1 before the first)."""
        return bisect_right(self.paragraphs, offset) - 1

    def named_between(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The named people's names starting in [lo, hi), in text order."""
        return self.names[bisect_left(self.names, (lo, -1)) : bisect_left(self.names, (hi, -1))]


def _layout_of(sources: Sequence[Source], text: str) -> _Layout:
    paragraphs = [p.start() for p in re.finditer(r"(?:^|\n\s*\n)\s*\S", text)]
    names = sorted(
        (x.start, i)
        for i, src in enumerate(sources)
        if src.type == SourceType.NAMED_PERSON
        for x in src.mentions
        if x.kind == MentionKind.NAME
    )
    return _Layout(paragraphs, names)


def _delayed_lede(
    m: Mention, sources: Sequence[Source], text: str, layout: _Layout
) -> tuple[SourceType, str] | None:
    """ "A former Democratic National Committee chairman says ...", then "..., said Don
    Fowler, who helmed the DNC": an indefinite description that opens the article's first
    paragraph after the headline describes the person the next paragraph names (a delayed
    lede), not an anonymous source."""
    if not m.words or m.words[0].lower() not in ("a", "an"):
        return None
    paragraphs = layout.paragraphs
    here = layout.paragraph(m.start)
    if here not in (0, 1) or text[paragraphs[here] : m.start].strip():
        return None  # not the opening words of the lede (the headline may be paragraph 0)
    if here + 1 >= len(paragraphs):
        return None
    window = (paragraphs[here + 1], paragraphs[here + 2] if here + 2 < len(paragraphs) else len(text))
    named = [
        (x.start, src.name)
        for src in sources
        if src.type == SourceType.NAMED_PERSON
        for x in src.mentions
        if x.kind == MentionKind.NAME and window[0] <= x.start < window[1] and len(src.name.split()) > 1
    ]
    return (SourceType.NAMED_PERSON, min(named)[1]) if named else None


def _writer_own(m: Mention, lex: Lexicon) -> bool:
    """ "my father", "our neighbors": the writer's own family and friends (``kin_nouns``), not
    "our sources" or "my colleagues at the agency"."""
    return bool(m.words) and m.words[0].lower() in _WRITER_OWN and m.head_lemma in lex.kin_nouns


_LATER_PARAGRAPHS = 3  # how far on a description may be named: its own paragraph and two more


def _titled_later(
    m: Mention, sources: Sequence[Source], text: str, layout: _Layout, lex: Lexicon
) -> tuple[SourceType, str] | None:
    """ "A New York judge has rejected ...", then two paragraphs on "Manhattan Supreme Court
    Justice Frank Nervo rejected that argument": an indefinite description that opens the lede
    is the person named within the next paragraphs with a title that is its head noun
    ("Justice" -> judge, ``title_nouns.tsv``), not an anonymous source. (Outside the lede,
    "a Democratic senator" or "a U.S. District Court judge" is often not the senator or the
    judge named next: on the tuning articles both were wrong.)"""
    if not m.words or m.words[0].lower() not in ("a", "an") or m.number != "sing":
        return None
    here = layout.paragraph(m.start)
    if here not in (0, 1) or text[layout.paragraphs[here] : m.start].strip():
        return None  # only a lede's opening description waits to be named (as in _delayed_lede)
    later = here + _LATER_PARAGRAPHS
    limit = layout.paragraphs[later] if later < len(layout.paragraphs) else len(text)
    head = m.head_lemma
    for start, i in layout.named_between(m.end, limit):
        x = next(x for x in sources[i].mentions if x.kind == MentionKind.NAME and x.start == start)
        if any(
            w.lower() == head or head in lex.title_nouns.get(w.rstrip("."), ()) for w in _titles_of(x, text)
        ):
            return SourceType.NAMED_PERSON, sources[i].name
    return None


def _titles_of(x: Mention, text: str) -> list[str]:
    """The words in front of a name's last word, in the mention or right before it on its line
    ("Circuit Court Justice" before "Harold Okon" when the mention is only "Okon")."""
    line_start = text.rfind("\n", 0, x.start) + 1
    lead = _NAME_TAIL.search(text, line_start, x.start)
    return (lead.group(0).split() if lead else []) + list(x.words[:-1])


def _possessive_topic(
    m: Mention, sources: Sequence[Source], layout: _Layout, lex: Lexicon
) -> tuple[SourceType, str] | None:
    """ "David Axelrod on Wednesday called on Howard Dean to apologize ...", then "“...,”
    Obama's former campaign strategist said": a description of one person through another
    named person ("Obama's") in a paragraph that names nobody before it takes up the person
    the paragraph before is about (the first person it names). When that person is the one in
    the possessive ("Pagliano's lawyer" after a paragraph about Pagliano), or its own
    paragraph names someone first, the description is someone else: anonymous unless named."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "sing":
        return None
    owner = _name_owner(m.words)
    if owner is None or not is_person_noun(m.head_lemma, lex):
        return None  # no name's possessive first: "his wife", "the company's lawyer"
    starts = layout.paragraphs
    here = max(layout.paragraph(m.start), 0)
    if not starts:
        return None
    for lo, hi in ((starts[here], m.start), (starts[max(here - 1, 0)], starts[here])):
        named = layout.named_between(lo, hi)
        if named:
            topic = sources[named[0][1]]
            if lo == starts[here] or owner in topic.name.split():
                return None  # someone named just before it is not whom a possessive takes up
            wanted = lex.gendered_nouns.get(m.head_lemma)
            if wanted is not None and topic.gender not in (None, wanted):
                return None
            return SourceType.NAMED_PERSON, topic.name
    return None


def _name_owner(words: Sequence[str]) -> str | None:
    """The last word of the name whose possessive starts a description ("Obama" in "Obama's
    former campaign strategist", "Barack Obama ’s adviser"); None when a name does not start it."""
    for i, w in enumerate(words[:-1]):
        if not w[:1].isupper() and w not in _POSSESSIVE_WORDS:
            return None
        if w in _POSSESSIVE_WORDS:
            return words[i - 1] if i > 0 else None
        if _POSSESSIVE.search(w):
            return _POSSESSIVE.sub("", w) or None
    return None


def _only_spoken_to(src: Source, parse: Parse | None, lex: Lexicon) -> bool:
    """Is every description of an anonymous source the object of a verb whose object listens
    ("Morial told a young woman who ...", ``hearer_verbs.txt``)? Then the source was spoken
    to and said nothing itself: no source. (Passive subjects of other verbs, "four Protestants
    were admitted", were tried too: right on dev and the tuning articles, but they lost a real
    anonymous group on the labelled set.)"""
    described = [m for m in src.mentions if m.kind != MentionKind.PRONOUN]
    if parse is None or not described:
        return False
    return all(_hearer(m, parse, lex) for m in described)


def _hearer(m: Mention, parse: Parse, lex: Lexicon) -> bool:
    """Is the mention's head noun the object of a verb whose object listens ("told"), or what a
    speech verb is said "to" ("as they speak to business and political leaders")?"""
    head = _head_word(m, parse)
    if head is None:
        return False
    sent = parse.sentences[m.sentence]
    if head.deprel.startswith("conj") and (first := sent.head_of(head)) is not None:
        head = first  # "business and political leaders": the first conjunct's relation
    gov = sent.head_of(head)
    if gov is None:
        return False
    if head.deprel in ("obj", "iobj"):
        return gov.lemma.lower() in lex.hearer_verbs
    return (
        head.deprel == "obl"
        and any(k.deprel == "case" and k.lemma.lower() == "to" for k in sent.children(head))
        and gov.lemma.lower() in lex.addressed_verbs
    )


def _head_word(m: Mention, parse: Parse) -> Word | None:
    """The parse word of a mention's head noun, if the mention's sentence has it."""
    if not 0 <= m.sentence < len(parse.sentences):
        return None
    return next((w for w in _words_of(m, parse) if w.lemma.lower() == m.head_lemma), None)


# Words that open a reported question ("explain how his wife became a citizen").
_QUESTION_WORDS = frozenset({"how", "why", "what", "whether", "if", "when", "where", "who"})


def _only_asked_about(src: Source, parse: Parse | None) -> bool:
    """Is every description of an anonymous source the subject of a question reported by a verb
    ("refuses to ... explain how his wife became a citizen")? It is what the question is about, not
    who asks or answers: no source. Or is every one the subject of "asked about" with nothing asked
    ("cutting off a reporter who asked about finances")? A question's topic gives no information:
    the asker is no source (docs/labelling.md)."""
    described = [m for m in src.mentions if m.kind != MentionKind.PRONOUN]
    if parse is None or not described:
        return False
    return all(_asked_about(m, parse) for m in described) or all(_asking_about(m, parse) for m in described)


def _asked_about(m: Mention, parse: Parse) -> bool:
    """Is the mention's head the subject of a clause that a question word opens, itself the
    complement of a verb ("asked Clinton why young people didn't like her")? An adverbial
    clause's subject speaks ("when an Iowa voter asked if ...")."""
    head = _head_word(m, parse)
    if head is None or not head.deprel.startswith("nsubj"):
        return False
    sent = parse.sentences[m.sentence]
    verb = sent.head_of(head)
    if verb is None or verb.deprel not in ("ccomp", "obj"):  # not "when a voter asked" (advcl)
        return False
    opener = min(sent.subtree(verb), key=lambda w: w.index)
    return opener.index < head.index and opener.text.lower() in _QUESTION_WORDS


_ASKED_CONTENT = frozenset({"ccomp", "xcomp", "obj", "parataxis"})


def _asking_about(m: Mention, parse: Parse) -> bool:
    """Is the mention's head the subject of "ask" ("a voter asked about", "a reporter who asked
    about": the relative clause on it) whose only complement is an "about" phrase?"""
    head = _head_word(m, parse)
    if head is None:
        return False
    sent = parse.sentences[m.sentence]
    if head.deprel.startswith("nsubj"):
        verb = sent.head_of(head)
    else:
        verb = next((k for k in sent.children(head) if k.deprel == "acl:relcl"), None)
    if verb is None or verb.lemma.lower() != "ask":
        return False
    kids = sent.children(verb)
    about = any(
        k.deprel == "obl" and any(c.deprel == "case" and c.lemma.lower() == "about" for c in sent.children(k))
        for k in kids
    )
    return about and not any(k.deprel in _ASKED_CONTENT for k in kids)


_CONDITIONAL = frozenset({"would", "might", "could"})


def _hypothetical(m: Mention, parse: Parse | None) -> bool:
    """ "If we lived in normal times, a reader would now ask: ...": the subject of a
    conditional verb in a sentence that opens with "If" is someone imagined, no source."""
    if parse is None or not 0 <= m.sentence < len(parse.sentences):
        return False
    sentence = parse.sentences[m.sentence].words
    head = _head_word(m, parse)
    if head is None or head.deprel != "nsubj" or not sentence or sentence[0].text.lower() != "if":
        return False
    return any(
        w.head == head.head and w.deprel == "aux" and w.lemma.lower() in _CONDITIONAL for w in sentence
    )


def _fragment(src: Source, m: Mention, text: str) -> bool:
    """Is an anonymous source only the end of a hyphenated word ("African-Americans")? (Taking
    the mentions of a two-line headline and deck for fragments lost a real anonymous source
    on the labelled set.)"""
    return src.anonymous and m.start > 0 and text[m.start - 1] == "-"


def _words_of(m: Mention, parse: Parse | None) -> list[Word]:
    """The parse words of a mention (none without a parse)."""
    if parse is None or not 0 <= m.sentence < len(parse.sentences):
        return []
    return [w for w in parse.sentences[m.sentence].words if m.start <= w.start < m.end]


def _organization_name(m: Mention, words: Sequence[Word], lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "The Charlotte Observer", "The New York Post": a description whose every word after the
    determiner is capitalised, the head not first, is a publication's or organization's name."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or len(words) < 2:
        return None
    content = [w for w in words if w.text.lower() not in lex.descriptor_determiners]
    if len(content) < 2 or not all(w.text[:1].isupper() for w in content):
        return None
    if content[0].text.lower() in lex.unnamed_label_words:
        return None  # "UNIDENTIFIED PERSON:", a transcript's label for someone it cannot name
    last = content[-1].text
    if last in lex.group_names or f"{last}s" in lex.group_names or content[-1].lemma.lower() != m.head_lemma:
        return None  # "Fellow Republicans": a group of people; "a New Hampshire Republican": one of them
    return SourceType.NAMED_ORGANIZATION, " ".join(w.text for w in content)


_DEFINITE_PLURAL = re.compile(r"(?i)^(?:the|both)(?:\s+(?:two|three|four|five))?\s+\S+")


def _named_people_again(
    m: Mention, named_from: int, text: str, lex: Lexicon
) -> tuple[SourceType, str] | None:
    """ "the senators", "both candidates", "the two men" as a source's first mention: people
    the article named before, taken up together (an anonymous group is introduced without
    "the"); not "the officials" nor "the sources", which take up an anonymous group, nor "the
    Republicans", nor "all the experts" (a quantifier over a group), nor "the researchers
    wrote" before the article names anyone (before ``named_from``, :func:`_person_named_from`: the
    authors of a study it reports)."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "plur":
        return None
    if not _DEFINITE_PLURAL.match(m.text) or len(m.words) > 4:
        return None
    head = m.head_lemma
    if head in lex.vague_descriptors | lex.staff_nouns | lex.generic_roles or not is_person_noun(head, lex):
        return None
    if m.words[-1] in lex.group_names:
        return None  # "the Republicans": the party's members, a group (docs/labelling.md)
    if m.start < named_from or _document_authors(m, text, lex):
        return None  # nobody named yet, or "A study ... found ... “Q,” the researchers wrote"
    return SourceType.NAMED_PERSON, m.text


_AUTHORS_WINDOW = 400  # characters before "the researchers" that may introduce their study


def _document_authors(m: Mention, text: str, lex: Lexicon) -> bool:
    """ "A study published last year in JAMA found ... According to the paper, ... “Q,” the
    researchers wrote": a definite plural within a few sentences after one document ("a study",
    "the paper"; not "voting records"), with no person named between, is the document's unnamed
    authors (an anonymous group, as before any name), not people the article named before."""
    window = text[max(0, m.start - _AUTHORS_WINDOW) : m.start]
    nouns = "|".join(re.escape(n) for n in sorted(lex.document_nouns))
    found = list(re.finditer(rf"(?i)\b(?:an?|the|this)\s+(?:[\w-]+\s+){{0,2}}(?:{nouns})\b", window))
    if not found:
        return False
    between = window[found[-1].end() :]
    return not any(t.group(1) in lex.first_names for t in _FULL_NAME.finditer(between)) and not any(
        t.group(1) in lex.titles for t in _TITLED.finditer(between)
    )


_TITLED = re.compile(r"\b([A-Z][a-z]+)\.?\s+[A-Z]")  # "Mr. Grassley", "Sen Wong"


def _person_named_from(text: str, layout: _Layout, lex: Lexicon) -> int:
    """The least offset ``at`` such that the article names a person before ``at``: a named
    person's name, a given name and a surname ("Rachel Hoff"), or a title before a capitalised
    word ("Mr. Grassley"); ``sys.maxsize`` if it names none. Computed once: whether a person is
    named in ``text[:at]`` only grows with ``at``, so it is the least end, in the truncated text,
    of the first match of each kind."""
    ends = [layout.names[0][0] + 1] if layout.names else []
    for pattern, known in ((_FULL_NAME, lex.first_names), (_TITLED, lex.titles)):
        found = next((t for t in pattern.finditer(text) if t.group(1) in known), None)
        if found is not None:
            start = found.start()
            ends.append(next(a for a in range(start + 1, found.end() + 1) if pattern.match(text, start, a)))
    return min(ends, default=maxsize)


def _named_person_description(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """Descriptions that newsrooms give named people only: a singular person noun without a
    determiner ("former Pennsylvania governor", "analyst": an apposition or a title next to
    the name) and an apposition that starts with "now" ("now a partner at a law firm").
    ("his wife" stays anonymous: typing relatives as named lost on the labelled set.)"""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "sing" or not m.words:
        return None
    first = m.words[0].lower()
    possessive = first in lex.possessive_determiners or any(w.endswith((*POSSESSIVE_S, "’")) for w in m.words)
    if first == "now":
        return SourceType.NAMED_PERSON, m.text
    determiners = lex.descriptor_determiners | lex.counting_determiners | lex.quantifiers
    # "UNIDENTIFIED MAN:" (a transcript's label for someone it cannot name) is no title
    bare = not possessive and first not in determiners | lex.unnamed_label_words
    one = m.head_lemma not in lex.collective_nouns and m.text.lower().split()[-1] not in lex.group_words
    if bare and one and is_person_noun(m.head_lemma, lex) and m.head_lemma not in lex.vague_descriptors:
        named = _NAME_AFTER.match(text, m.end)  # a title in front of the name it describes
        return SourceType.NAMED_PERSON, named.group("name") if named else m.text
    return None


# ", Laura, who spoke" / ", Steffen Seibert, wrote": a name set off by commas right after a mention
_APPOSED_NAME = re.compile(
    rf"(?:\s+general)?,\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s*(?:,|;|\.(?:\s|$)|\s(?:of|from)\s+[A-Z])"
)  # ", David Woodard of Clemson University, said"


def _name_in_apposition(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "his wife, Laura, who spoke of ...", "Clinton's husband, Bill, effectively ...": a
    description of one person with a name in apposition right after it is that named person
    (also when the parse left "general" out of it: "Florida's attorney general, Pam Bondi,")."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "sing":
        return None
    if not is_person_noun(m.head_lemma, lex) or m.text.split()[-1][:1].isupper():
        return None  # "a gynecologist from Englewood, New Jersey,": the place goes on
    named = _APPOSED_NAME.match(text, m.end)
    if named is None:
        return None
    first = named.group("name").split()[0]
    if first.lower() in lex.calendar_words or first in lex.side_words or first in lex.group_names:
        return None  # ", Tuesday,", ", Republicans,"
    return SourceType.NAMED_PERSON, named.group("name")


# ", Alabama Democratic Party chairwoman Nancy Worley," : a title ending in a lower-case role noun, then
# a name, set off by commas right after a mention
_TITLED_APPOSED_NAME = re.compile(
    rf",\s+(?:[\w’'.-]+\s+){{0,4}}?(?P<role>[a-z]+)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\s*,"
)


def _titled_name_in_apposition(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "One superdelegate, Alabama Democratic Party chairwoman Nancy Worley, pledged": a description
    of one person with a titled name set off by commas right after it is that named person (the
    title's role noun is an office or a person noun, the name starts with a given name)."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "sing":
        return None
    if not is_person_noun(m.head_lemma, lex):
        return None
    named = _TITLED_APPOSED_NAME.match(text, m.end)
    if named is None or named.group("name").split()[0] not in lex.first_names:
        return None
    role = named.group("role")
    if role not in lex.identified_roles and not is_person_noun(role, lex):
        return None
    return SourceType.NAMED_PERSON, named.group("name")


# "a man calling himself Paul Paul", "a user named Roland Zeller", "a woman identified as Ana Ruiz"
_CALLED_NAME = re.compile(
    rf"\s+(?:named|calling\s+(?:himself|herself)|identified\s+as|who\s+(?:called|identified)\s+(?:himself|herself)(?:\s+as)?)"
    rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)


def _called_by_name(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "wrote a man calling himself Paul Paul", "a user named Roland Zeller": a description of
    one person followed by the name the person goes by is that named person."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "sing":
        return None
    if not is_person_noun(m.head_lemma, lex):
        return None
    named = _CALLED_NAME.match(text, m.end)
    if named is None:
        return None
    name = named.group("name")
    return SourceType.NAMED_PERSON, name[:-1] if _SENTENCE_END.search(name) else name  # "Paul Paul."


# ", including Gov. Chris Christie," / ", like Gary Clyde Hufbauer,": a named member set off after a group
_NAMED_MEMBER = re.compile(
    rf",\s+(?:including|like|such\s+as|among\s+them)\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})\s*[,;]"
)


def _named_member(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "New Jersey officials, including Gov. Chris Christie, are hoping", "Some staunch defenders
    of globalization, like Gary Clyde Hufbauer, ... acknowledge": a group of people with one
    person named in apposition is typed by its named member (docs/labelling.md, mixed speakers);
    "groups like ISIS" (no comma: a kind, not a member) stays as it is."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "plur":
        return None
    named = _NAMED_MEMBER.match(text, m.end)
    if named is None:
        return None
    name = named.group("name").split()
    if name[0].rstrip(".") in lex.titles:
        name = name[1:]  # "Gov. Chris Christie": the name after the title
    if len(name) < 2 or name[0] not in lex.first_names:
        return None  # a person's name starts with a given name
    return SourceType.NAMED_PERSON, " ".join(name)


# "China and the United States, " / "Obama and Xi -- ": two names joined by "and", then the comma
# or dash that opens an apposition, right before a description
_NAMES_BEFORE = re.compile(
    rf"(?<![\w’'-])(?P<first>{_NAME_WORD}(?:\s+{_NAME_WORD})*)\s+and\s+(?P<the>the\s+)?"
    rf"(?P<second>{_NAME_WORD}(?:\s+{_NAME_WORD})*)\s*(?:,|--|[—–])\s*$"
)


def _coordinated_names(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "China and the United States, the world's two biggest polluters, which together vowed":
    a definite plural description set off right after two names joined by "and" describes them,
    named sources (organizations when either is a country, an organization's name or a name with
    "the"; people otherwise), not an anonymous group."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "plur":
        return None
    if not m.words or m.words[0].lower() != "the" or not _AFTER_APPOSITION.match(text, m.end):
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    before = _NAMES_BEFORE.search(text, line_start, m.start)
    if before is None:
        return None
    first, second = _without_leading_words(before.group("first").split()), before.group("second").split()
    if not first or any(" ".join(n) in lex.group_names or n[-1] in lex.group_names for n in (first, second)):
        return None  # "Republicans and Democrats, the two parties": groups of people
    state = before.group("the") is not None or any(
        " ".join(n) in lex.country_names or n[-1] in lex.organization_words for n in (first, second)
    )
    kind = SourceType.NAMED_ORGANIZATION if state else SourceType.NAMED_PERSON
    return kind, f"{' '.join(first)} and {before.group('the') or ''}{' '.join(second)}"


# " in the Clinton ad" / " of the video": the document a voice speaks in, right after the voice
_IN_DOCUMENT = re.compile(
    r"\s+(?:in|of)\s+(?:the|a|an|this|that|its|his|her|their)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[a-z]+)\b"
)


_DOCUMENT_REACH = 60  # characters after a mention searched for the document it speaks in
_DOCUMENT_OWNER = re.compile(r"(?i)the\s+(?P<noun>[a-z-]+)\s?(?:’s|'s)\s")


def _document_voice(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "a narrator in the Clinton ad asks", "the ad's narrator says": a person described only as
    the voice of a document speaks the document's words, so the source is that document (its
    author's attribution, docs/labelling.md), not an anonymous person."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL) or m.number != "sing":
        return None
    if not is_person_noun(m.head_lemma, lex) or len(m.words) < 2:
        return None
    nouns = lex.document_nouns | lex.recording_nouns
    after = _IN_DOCUMENT.search(text, m.start, m.end + _DOCUMENT_REACH)  # in the mention or right after it
    if after is not None and after.start() <= m.end and after.group("noun") in nouns:
        return SourceType.DOCUMENT, text[m.start : after.end()]
    owner = _DOCUMENT_OWNER.match(m.text)
    if owner is not None and owner.group("noun").lower() in nouns:
        return SourceType.DOCUMENT, m.text  # "the ad's narrator"
    return None


def _apposition_person(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "Vann R. Newkirk II, a writer for The Atlantic, said": a description set off by a comma or a
    dash right after a person's name (a given name or a title first, or an initial or a suffix
    after the first word) describes that person."""
    if m.kind not in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL):
        return None
    line_start = text.rfind("\n", 0, m.start) + 1
    before = _NAME_BEFORE.search(text, line_start, m.start)
    if before is None or not _AFTER_APPOSITION.match(text, m.end):
        return None
    name = before.group("name").split()
    # the name starts at its given name or title, not at the sentence's first word ("As Steven ...")
    name = name[
        next((i for i, w in enumerate(name) if w in lex.first_names or w.rstrip(".") in lex.titles), 0) :
    ]
    personal = (
        name[0] in lex.first_names
        or name[0].rstrip(".") in lex.titles
        or any(re.fullmatch(r"[A-Z]\.", w) or w.rstrip(".") in lex.name_suffixes for w in name[1:])
    )  # "Vann R. Newkirk II": an initial or a suffix inside says person
    if len(name) < 2 or not personal:
        return None
    return SourceType.NAMED_PERSON, " ".join(name)


def _document_author(
    m: Mention, words: Sequence[Word], text: str, people: Sequence[str], lex: Lexicon
) -> tuple[SourceType, str] | None:
    """The author a document's mention names: a name in front of the head noun ("Ivana Trump's
    brief", "the IMF report", "a new Washington Post-ABC News national poll") or after "by"
    ("an analysis by Lily Batchelder", "a complaint filed by the S.E.C."); a person or an
    organization by :func:`_person_author`."""
    head = next((i for i, w in enumerate(words) if w.lemma.lower() == m.head_lemma), None)
    if head is None:
        return None
    # "Federal Election Commission filings": a filing's name is whom it was filed with, not its author
    author = None if m.head_lemma in lex.filed_documents else _name_before_head(words[:head])
    if author is not None and words and author[0] == words[0].text:
        # the mention may start inside the name: "a new Dayton Daily [News poll]"
        line_start = text.rfind("\n", 0, m.start) + 1
        lead = _NAME_TAIL.search(text, line_start, m.start)
        author = (lead.group(0).split() if lead else []) + author
    if author is None:
        by = _BY_AUTHOR.match(text[words[head].end : m.end + 80])
        if by and by.group("verb") and by.group("verb") not in lex.authoring_verbs:
            by = None  # "a poll taken by surprise"
        author = by.group("name").split() if by else None
    if not author:
        return None
    kind = SourceType.NAMED_PERSON if _person_author(author, people, lex) else SourceType.NAMED_ORGANIZATION
    return kind, re.sub(r" ?([-/]) ?", r"\1", " ".join(author))


# "a report Tuesday from WKOW", "a new poll from USA TODAY/Suffolk University": the author after "from"
_AUTHOR_NAME = rf"{_NAME_WORD}(?:(?:/|\s+(?:of\s+|and\s+)?){_NAME_WORD})*"
_FROM_AUTHOR = re.compile(rf"(?P<gap>(?:\s+[\w’'-]+){{0,3}}?)\s+from\s+(?:the\s+)?(?P<name>{_AUTHOR_NAME})")
_SENTENCE_END = re.compile(r"[a-z]{2,}\.$")  # "Education." ends a sentence; "U.S." and "Jr." do not


def _author_from(m: Mention, text: str, people: Sequence[str], lex: Lexicon) -> tuple[SourceType, str] | None:
    """The author after "from" right behind a document's head noun ("a report from the SITE
    Intelligence Group", "a report Tuesday from WKOW"; only a day or a time word may come
    between), when :func:`_named_author` accepts it (not a place: "exit polls from New Hampshire")."""
    head = re.search(rf"(?i)\b{re.escape(m.head_lemma)}\w*", m.text)
    if head is None:
        return None
    found = _FROM_AUTHOR.match(text, m.start + head.end(), m.end + 80)
    if found is None:
        return None
    gap = found.group("gap").split()
    if any(w not in lex.calendar_words and w.lower() not in lex.time_nouns for w in gap):
        return None  # "a letter to Facebook from ..."
    name = found.group("name").split()
    end = next((i for i, w in enumerate(name) if _SENTENCE_END.search(w)), None)
    return _named_author(name if end is None else [*name[:end], name[end][:-1]], people, lex)


def _named_author(
    author: Sequence[str], people: Sequence[str], lex: Lexicon
) -> tuple[SourceType, str] | None:
    """A document's author when the name says whose it is: a person's (:func:`_person_author`)
    or an organization's (an organization word or an acronym in it: "CBS News", "WKOW")."""
    if not author:
        return None
    if _person_author(author, people, lex):
        return SourceType.NAMED_PERSON, " ".join(author)
    words = re.split(r"[\s/-]", " ".join(author))
    if any(w in lex.organization_words or _acronym(w, lex) for w in words):
        return SourceType.NAMED_ORGANIZATION, " ".join(author)
    return None


_TRAILING_NAME = re.compile(rf"(?:{_NAME_WORD}\s+)*{_NAME_WORD}$")


def _trailing_organization(m: Mention, text: str, lex: Lexicon) -> tuple[SourceType, str] | None:
    """ "the Post", "a study last year by economists at Duke University": a document's mention
    that ends in an organization's name (its last word an organization word) is that
    organization's attribution, its publication or its author's; a one-word name by its
    fullest form in the article (:func:`_fullest_organization`: "The Washington Post")."""
    run = _TRAILING_NAME.search(m.text)
    if run is None or run.group(0).split()[-1] not in lex.organization_words:
        return None
    words = _without_leading_words(run.group(0).split())
    if len(words) == 1:
        words = _fullest_organization(words[0], text)
    return (SourceType.NAMED_ORGANIZATION, " ".join(words)) if words else None


def _fullest_organization(word: str, text: str) -> list[str]:
    """The longest run of capitalised words ending in an organization word written anywhere in
    the article, on one line and without the sentence words before it (up to a "The" or a
    sentence end: "Enter The Washington Post." for "the Post"); the word alone when no run is
    longer."""
    best = [word]
    for at in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = _NAME_RUN_BEFORE.search(text, max(0, at.start() - 200), at.start())
        words = [*(before.group(0).split() if before else []), word]
        cut = max((i for i, w in enumerate(words) if w == "The" or _SENTENCE_END.search(w)), default=-1)
        words = _without_leading_words(words[cut + 1 :])
        if len(words) > len(best) and not any(w.endswith(("’s", "'s")) for w in words):
            best = words
    return best


_NAME_RUN_BEFORE = re.compile(rf"(?:{_NAME_WORD}[ \t]+)+$")  # the capitalised words right before an offset


# the capitalised words right before a head noun, a possessive and two lower-case words allowed:
# "a Quinnipiac University poll", "a Washington Post-ABC News national poll", "Clinton's statement"
_AUTHOR_RUN = re.compile(rf"(?P<name>{_AUTHOR_NAME})(?:’s|'s)?(?:\s+[a-z]+){{0,2}}\s+$")
_LEADING_WORDS = frozenset({"The", "A", "An", "This", "That", "In", "According", "But", "And"})


def _without_leading_words(words: Sequence[str]) -> list[str]:
    """A capitalised run without the sentence words before the name in it ("The", "According"):
    "According to The Gallup Organization" -> "Gallup Organization"; "New" stays ("New York
    Times")."""
    at = 0
    while at < len(words) and words[at] in _LEADING_WORDS:
        at += 1
    return list(words[at:])


def _earlier_author(
    m: Mention, text: str, people: Sequence[str], lex: Lexicon
) -> tuple[SourceType, str] | None:
    """ "the poll found" after "a Quinnipiac University poll shows": a definite document takes
    up the document with the same head noun written last before it; when that one named its
    author in front of the head ("Quinnipiac University", "CBS News", "Clinton's"), so does
    this one (:func:`_named_author`: not "Recent polls")."""
    if not m.words or m.words[0].lower() not in lex.definite_determiners or len(m.words) > 3:
        return None
    earlier = list(re.finditer(rf"\b{re.escape(m.words[-1])}\b", text[: m.start]))
    if not earlier:
        return None
    last = earlier[-1].start()
    run = _AUTHOR_RUN.search(text, text.rfind("\n", 0, last) + 1, last)
    if run is None:
        return None
    return _named_author(_without_leading_words(run.group("name").split()), people, lex)


def _person_author(author: Sequence[str], people: Sequence[str], lex: Lexicon) -> bool:
    """Is a document's author a person: a given name or a title first ("Lily Batchelder",
    "Mrs. Clinton"), or the surname of a person the article names in full ("Lynch notes")?
    Anything else is an organization ("CBS News", "Bloomberg"): calling any two capitalised
    words with no organization word a person lost two organizations on the labelled set."""
    if author[0] in lex.first_names or author[0].rstrip(".") in lex.titles:
        return True
    return any(len(name.split()) > 1 and name.split()[-1] == author[-1] for name in people)


def _name_before_head(words: Sequence[Word]) -> list[str] | None:
    """The last run of proper nouns in front of a head noun, without a possessive ending; a
    capitalised first word counts only when the parser calls it a proper noun or it does not
    start the sentence ("Instant polls" is no author)."""
    run: list[str] = []
    best: list[str] | None = None
    for i, w in enumerate(words):
        proper = w.text[:1].isupper() and (i > 0 or w.upos == "PROPN" or _capitalised(w))
        if proper or (run and w.text in ("-", "/")):  # "Washington Post-ABC News", "CNN/ORC"
            run.append(w.text)
        elif w.text in POSSESSIVE_MARKS and run:
            continue
        else:
            if run:
                best = run
            run = []
    best = run or best
    if not best:
        return None
    best[-1] = _POSSESSIVE.sub("", best[-1])
    return [w for w in best if w] or None
