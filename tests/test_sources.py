"""Source typing from a speaker mention (quotecheck.sources.typing.type_of, refine_types), without a model.

The fixture articles cover typing in context (fixture 35: role nouns before names, titles
taken up by a later description, a banner as a written source); these pin the lexicon rules.
"""

from __future__ import annotations

import re

import pytest

from quotecheck.lexicons import default_lexicon
from quotecheck.mentions import Mention, given_name, given_names_fit
from quotecheck.parsing import Parse
from quotecheck.rules.common import anonymous_with_attributions
from quotecheck.sources.model import Source
from quotecheck.sources.typing import _fullest_organization, refine_types, type_of
from quotecheck.testing.fake_parse import forged_parse
from quotecheck.vocab import MentionKind, SourceType


def mention(text: str, kind: MentionKind, head: str, number: str = "sing") -> Mention:
    return Mention(
        0,
        len(text),
        text,
        MentionKind(kind),
        head,
        "NOUN",
        number,
        text.lower().startswith("the "),
        0,
        tuple(text.split()),
    )


@pytest.mark.parametrize(
    "text, kind, head, number, expected",
    [
        ("a senior official", "descriptor", "official", "sing", "anonymous_individual"),
        ("officials", "descriptor", "official", "plur", "anonymous_group"),
        ("a longtime pollster", "descriptor", "pollster", "sing", "anonymous_individual"),  # -er
        ("the director", "nominal", "director", "sing", "anonymous_individual"),  # -or
        ("a nominee", "descriptor", "nominee", "sing", "anonymous_individual"),  # lexicon
        ("many Democrats", "descriptor", "democrat", "plur", "anonymous_group"),  # lexicon
        ("her husband", "descriptor", "husband", "sing", "anonymous_individual"),
        ("a banner", "descriptor", "banner", "sing", "document"),
        ("the memo", "nominal", "memo", "sing", "document"),
        # not people, whatever the parse made them say
        ("the car", "nominal", "car", "sing", "unknown"),
        ("his tax returns", "descriptor", "return", "plur", "unknown"),
        ("63 percent", "descriptor", "percent", "sing", "unknown"),
        ("the challenge of transparency", "nominal", "challenge", "sing", "unknown"),
        ("the answers", "nominal", "answer", "plur", "unknown"),  # ends like "-er", is a thing
        ("the guarantee", "nominal", "guarantee", "sing", "unknown"),  # "-ee"
        # an office one person holds: someone the article names, not an anonymous source
        ("the Vermont senator", "nominal", "senator", "sing", "named_person"),
        ("The Republican presidential nominee", "nominal", "nominee", "sing", "named_person"),
        ("a Republican senator", "descriptor", "senator", "sing", "anonymous_individual"),
        ("the senators", "nominal", "senator", "plur", "anonymous_group"),
        # groups named by their members
        ("A chorus of prominent Republicans", "descriptor", "chorus", "sing", "anonymous_group"),
        ("Small groups of protesters", "descriptor", "group", "plur", "anonymous_group"),
        ("union advocates", "descriptor", "advocate", "plur", "anonymous_group"),
        # organizations: unnamed ones are like unnamed people; "the agency" is the one named
        ("several environmental groups", "descriptor", "group", "plur", "anonymous_group"),
        ("a commission", "descriptor", "commission", "sing", "anonymous_group"),
        ("TV networks", "descriptor", "network", "plur", "anonymous_group"),  # a bare plural
        ("their networks", "descriptor", "network", "plur", "named_organization"),
        ("the agency", "nominal", "agency", "sing", "named_organization"),
        ("an online University of Texas", "descriptor", "university", "sing", "named_organization"),
        # names with no NER label: an organization word makes an organization's name
        ("Division of Gaming Enforcement", "name", "division", "sing", "named_organization"),
        ("New Hampshire Public Radio", "name", "radio", "sing", "named_organization"),
        ("Vermont Edition", "name", "edition", "sing", "named_organization"),
        ("Vermont Sanders", "name", "sanders", "sing", "named_person"),
        # a name after a publication's possessive is a person's ("the Pentagon" is no person)
        ("The Blaze's Matt Walsh", "name", "walsh", "sing", "named_person"),
        ("the Pentagon", "name", "pentagon", "sing", "named_organization"),
        # a country speaks as a state: an organization
        ("Germany", "name", "germany", "sing", "named_organization"),
        # "the Germans" alone is the state too; other words make them people, a group
        ("the Germans", "name", "germans", "plur", "named_organization"),
        ("The Russians", "name", "russians", "plur", "named_organization"),
        ("Russians", "name", "russians", "plur", "anonymous_group"),
        ("the Republicans", "name", "republicans", "plur", "anonymous_group"),
        # an example named after a plural organization noun names no organization of its own
        ("groups like ISIS", "descriptor", "group", "plur", "anonymous_group"),
        ("companies such as Apple", "descriptor", "company", "plur", "anonymous_group"),
        ("North Korea", "name", "korea", "sing", "named_organization"),
        # a capitalised quantifier over people that the tagger took for a name
        ("Many of her Republican supporters", "name", "many", "sing", "anonymous_group"),
        ("Most of Wall Street", "name", "most", "sing", "named_person"),  # no people after "of"
    ],
)
def test_nominal_types(text, kind, head, number, expected):
    assert type_of(mention(text, kind, head, number), default_lexicon()) is SourceType(expected)


@pytest.mark.parametrize(
    "text, head, number, expected",
    [
        # the parser's head is the adjective of a knowledge tail or "one": the person before it
        ("a person close to the Clintons", "close", "sing", "anonymous_individual"),
        ("one Democrat familiar with the discussion", "familiar", "sing", "anonymous_individual"),
        ("officials familiar with the talks", "familiar", "plur", "anonymous_group"),
        ("one of his senior aides", "one", "sing", "anonymous_individual"),
        ("one of the bills", "one", "sing", "unknown"),
    ],
)
def test_description_heads_the_parser_missed(text: str, head: str, number: str, expected: str) -> None:
    assert type_of(mention(text, MentionKind.DESCRIPTOR, head, number), default_lexicon()) is SourceType(
        expected
    )


def test_reason_for_anonymity_ends_with_its_clause() -> None:
    """A reason with no comma after it stops before the sentence's own speech verb; a speech
    verb of the reason's own subject stays in it (issue 12)."""
    from quotecheck.sources.evidence import _clause_end

    text = "because he was not authorized to discuss the talks said the European side had agreed."
    assert text[: _clause_end(text, 0)] == "because he was not authorized to discuss the talks"
    own = "because he was not authorized to repeat what he said in private. Then"
    assert own[: _clause_end(own, 0)] == "because he was not authorized to repeat what he said in private"


def _refined(
    text: str,
    phrase: str,
    kind: MentionKind,
    head: str,
    others: tuple[str, ...] = (),
    *,
    number: str = "sing",
    definite: bool = False,
    parse: Parse | None = None,
) -> Source:
    """The source a mention of ``phrase`` in ``text`` makes once refine_types has looked at its
    surroundings (with no parse by default: the rules that need none)."""
    start = text.index(phrase)
    m = Mention(
        start, start + len(phrase), phrase, kind, head, "NOUN", number, definite, 0, tuple(phrase.split())
    )
    lex = default_lexicon()
    src = Source(0, [m], type=type_of(m, lex), name=phrase)
    people = [Source(i + 1, type=SourceType.NAMED_PERSON, name=name) for i, name in enumerate(others)]
    refine_types([src, *people], text, parse, lex)
    return src


@pytest.mark.parametrize(
    "text, phrase, kind, head, expected, name",
    [
        # a description set off after a person's name describes that person
        (
            '"Black folks did their part," Vann R. Newkirk II, a writer for The Atlantic, said.',
            "a writer for The Atlantic",
            "descriptor",
            "writer",
            "named_person",
            "Vann R. Newkirk II",
        ),
        # a second description after "and", a name in apposition followed by "of", "herself"
        (
            "As Steven M. Rosenthal, a tax lawyer and senior fellow at the center, noted.",
            "a tax lawyer",
            "descriptor",
            "lawyer",
            "named_person",
            "Steven M. Rosenthal",
        ),
        (
            "Another pollster, David Woodard of Clemson University, said his survey differed.",
            "Another pollster",
            "descriptor",
            "pollster",
            "named_person",
            "David Woodard",
        ),
        (
            "Sarah Silverman, herself a Sanders supporter, said the crowd was ridiculous.",
            "a Sanders supporter",
            "descriptor",
            "supporter",
            "named_person",
            "Sarah Silverman",
        ),
        # no person's name before the comma: still anonymous
        (
            "In Washington, a senior official said the talks stalled.",
            "a senior official",
            "descriptor",
            "official",
            "anonymous_individual",
            "a senior official",
        ),
        # a title without a determiner goes with the name after it
        (
            "said retired teacher Alma Ruiz, a volunteer.",
            "retired teacher",
            "descriptor",
            "teacher",
            "named_person",
            "Alma Ruiz",
        ),
        ("The plan is vague, analyst said.", "analyst", "descriptor", "analyst", "named_person", "analyst"),
        # a name in apposition right after a description is the person it describes
        ("His wife, Laura, spoke of the museum.", "His wife", "descriptor", "wife", "named_person", "Laura"),
        # the name a person goes by, right after the description
        (
            "'Not here!' wrote a man calling himself Paul Paul.",
            "a man",
            "descriptor",
            "man",
            "named_person",
            "Paul Paul",
        ),
        (
            "A user named Roland Zeller wrote of fear.",
            "A user",
            "descriptor",
            "user",
            "named_person",
            "Roland Zeller",
        ),
        ("A man calling for calm spoke.", "A man", "descriptor", "man", "anonymous_individual", "A man"),
        # also when the parse left "general" out of the description
        (
            "And Florida's Republican attorney general, Pam Bondi, vowed to act.",
            "Florida's Republican attorney",
            "descriptor",
            "attorney",
            "named_person",
            "Pam Bondi",
        ),
        # a place going on after a place is no name of a person
        (
            "A voter from Des Moines, Iowa, said the race was close.",
            "A voter from Des Moines",
            "descriptor",
            "voter",
            "anonymous_individual",
            "A voter from Des Moines",
        ),
        # the writer's family, the end of a hyphenated word: no source
        (
            "My father often said the mill would close.",
            "My father",
            "descriptor",
            "father",
            "unknown",
            "My father",
        ),
        # but "our sources" are sources, anonymous ones
        (
            "Our sources said the mill would close.",
            "Our sources",
            "descriptor",
            "source",
            "anonymous_group",
            "Our sources",
        ),
        (
            "an insult to all African-Americans, lawmakers said",
            "Americans",
            "name",
            "Americans",
            "unknown",
            "Americans",
        ),
    ],
)
def test_refine_types(text, phrase, kind, head, expected, name) -> None:
    src = _refined(text, phrase, MentionKind(kind), head)
    assert (src.type, src.name) == (SourceType(expected), name)


@pytest.mark.parametrize(
    "phrase, head, expected",
    [
        ("the senators", "senator", "named_person"),  # people named before, taken up together
        ("both candidates", "candidate", "named_person"),
        ("the officials", "official", "anonymous_group"),  # takes up anonymous officials
        ("the Republicans", "republican", "anonymous_group"),  # the party's members
        ("all the experts", "expert", "anonymous_group"),
    ],
)
def test_definite_plural_first_mentions(phrase: str, head: str, expected: str) -> None:
    text = f"Mr. Grassley and Mr. Leahy met. {phrase} said the bill was dead."
    src = _refined(text, phrase, MentionKind.NOMINAL, head, number="plur", definite=True)
    assert src.type is SourceType(expected)


def test_definite_plural_before_any_name_is_a_group() -> None:
    """ "the researchers wrote" before the article names anyone: a study's authors, an anonymous
    group, not people named before and taken up together (fixture 200)."""
    text = "A study of nurses in Leeds was published. the researchers wrote that it was large."
    src = _refined(text, "the researchers", MentionKind.NOMINAL, "researcher", number="plur", definite=True)
    assert src.type is SourceType.ANONYMOUS_GROUP


def test_document_author_person_or_organization() -> None:
    """The author after "by": a person with a given name, or the surname of a person the article
    names in full; an organization otherwise."""
    from quotecheck.sources.typing import _person_author

    lex = default_lexicon()
    assert _person_author(["Lily", "Batchelder"], [], lex)
    assert _person_author(["Lynch"], ["Loretta Lynch"], lex)
    assert not _person_author(["Harvard"], ["Loretta Lynch"], lex)
    assert not _person_author(["Lakeside", "Courier"], [], lex)


@pytest.mark.parametrize(
    "text, phrase, expected, name",
    [
        # the author after "from", a day between: an organization's name or a person's
        (
            "Attacks rose, according to a report Tuesday from the SITE Intelligence Group, which tracks it.",
            "a report",
            "named_organization",
            "SITE Intelligence Group",
        ),
        (
            "Loans grew, according to data from the U.S. Department of Education. The debt rose.",
            "data",
            "named_organization",
            "U.S. Department of Education",
        ),
        ("Turnout fell, according to exit polls from New Hampshire.", "exit polls", "document", "exit polls"),
        ("Aid lagged, according to a letter to Facebook from NATO.", "a letter", "document", "a letter"),
        # a definite document takes up the author of the last one with its head noun
        (
            "A Quinnipiac University poll shows a tie.\n\nThe poll found that 43% of voters agree.",
            "The poll",
            "named_organization",
            "Quinnipiac University",
        ),
        ("Recent polls show a tie.\n\nThe polls found that 43% agree.", "The polls", "document", "The polls"),
        # a mention ending in an organization's name: its publication or its author
        ("As the Post reported, the deal died.", "the Post", "named_organization", "Post"),
        (
            "Costs fell, a report by the New York Times found.",
            "a report by the New York Times",
            "named_organization",
            "New York Times",
        ),
        (
            "Costs fell, a study by economists at Duke University found.",
            "a study by economists at Duke University",
            "named_organization",
            "Duke University",
        ),
    ],
)
def test_document_author_from_and_before(text: str, phrase: str, expected: str, name: str) -> None:
    words = re.findall(r"[a-z]+", phrase.lower())
    head = next(w for w in words + [w[:-1] for w in words] if w in default_lexicon().document_nouns)
    src = _refined(text, phrase, MentionKind.DESCRIPTOR, head)
    assert (src.type, src.name) == (SourceType(expected), name)


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("The vote is near.\n\nDemonstrators said they want justice.", "Demonstrators", "anonymous_group"),
        ('Few spoke. "Others argue," it said.', "Others", "anonymous_group"),
        # a surname that ends like a person noun: capitalised inside a sentence too
        ("Polls tightened for Sanders. Sanders said he would stay in.", "Sanders", "named_person"),
    ],
)
def test_sentence_opening_plural_is_no_name(text: str, word: str, expected: str) -> None:
    """A one-word plural person noun the tagger took for a name because it opens a sentence is
    a group of people; a surname is not."""
    start = text.rindex(word)
    m = Mention(start, start + len(word), word, MentionKind.NAME, word, "PROPN", "plur", False, 0, (word,))
    src = Source(0, [m], type=SourceType.NAMED_PERSON, name=word)
    refine_types([src], text, None, default_lexicon())
    assert src.type is SourceType(expected)


@pytest.mark.parametrize(
    "phrase, head, expected",
    [
        ("The Charlotte Observer", "observer", "named_organization"),  # a publication's name
        ("a New Hampshire Republican", "republican", None),  # one of a group of people
        ("Fellow Republicans", "republican", None),
    ],
)
def test_capitalised_description_as_organization_name(phrase: str, head: str, expected: str | None) -> None:
    from quotecheck.parsing import Word
    from quotecheck.sources.typing import _organization_name

    words, at = [], 0
    for i, text in enumerate(phrase.split(), 1):
        lemma = head if text.lower().rstrip("s") == head else text.lower()
        words.append(Word(i, text, lemma, "PROPN", "NNP", "_", 0, "nmod", at, at + len(text)))
        at += len(text) + 1
    m = Mention(
        0, at - 1, phrase, MentionKind.DESCRIPTOR, head, "PROPN", "sing", False, 0, tuple(phrase.split())
    )
    found = _organization_name(m, words, default_lexicon())
    assert (found[0] if found else None) == (SourceType(expected) if expected else None)


def test_delayed_lede_names_the_description() -> None:
    """An indefinite description opening the lede is the person the next paragraph names."""
    text = (
        "Former chairman calls for a plan.\n\n"
        "A former party chairman says the party needs a plan.\n\n"
        '"Now is the time," said Don Fowler, who led the party.\n\n'
        '"We agree," said Ann Lee.'
    )

    def at(phrase: str, kind: MentionKind, head: str) -> Mention:
        start = text.index(phrase)
        return Mention(
            start, start + len(phrase), phrase, kind, head, "NOUN", "sing", False, 0, tuple(phrase.split())
        )

    lex = default_lexicon()
    lede = Source(0, [at("A former party chairman", MentionKind.DESCRIPTOR, "chairman")])
    lede.type = type_of(lede.mentions[0], lex)
    fowler = Source(
        1, [at("Don Fowler", MentionKind.NAME, "Fowler")], type=SourceType.NAMED_PERSON, name="Don Fowler"
    )
    lee = Source(2, [at("Ann Lee", MentionKind.NAME, "Lee")], type=SourceType.NAMED_PERSON, name="Ann Lee")
    refine_types([lede, fowler, lee], text, None, lex)
    assert (lede.type, lede.name) == (SourceType.NAMED_PERSON, "Don Fowler")


def _at(text: str, phrase: str, kind: MentionKind, head: str, lex_type: bool = True) -> Source:
    """A one-mention source for ``phrase`` in ``text``: typed from the mention (``lex_type``) or a
    named person."""
    start = text.index(phrase)
    m = Mention(
        start, start + len(phrase), phrase, kind, head, "NOUN", "sing", False, 0, tuple(phrase.split())
    )
    if lex_type:
        return Source(0, [m], type=type_of(m, default_lexicon()), name=phrase)
    return Source(0, [m], type=SourceType.NAMED_PERSON, name=phrase)


def test_description_named_soon_after_with_its_title() -> None:
    """A lede's "A county judge ..." then, two paragraphs on, "Justice Harold Okon": the named
    judge (title_nouns.tsv: Justice -> judge); another noun, or the same judge later than the
    lede, is not taken."""
    lex = default_lexicon()
    okon = "Circuit Court Justice Harold Okon"
    lede = "A county judge threw out the suit, saying the ballot was fair."
    rest = f"The association had argued otherwise.\n\n{okon} wrote that it was plain."
    for opening, phrase, head, named in [
        ("Ruling stands.\n\n", "A county judge", "judge", True),
        ("Ruling stands.\n\n", "A county lawyer", "lawyer", False),
        ("Ruling stands.\n\nThe levy survived.\n\n", "A county judge", "judge", False),
    ]:
        text = opening + lede.replace("A county judge", phrase) + "\n\n" + rest
        desc = _at(text, phrase, MentionKind.DESCRIPTOR, head)
        refine_types([desc, _at(text, okon, MentionKind.NAME, "Okon", lex_type=False)], text, None, lex)
        assert (desc.type, desc.name) == (
            (SourceType.NAMED_PERSON, okon) if named else (SourceType.ANONYMOUS_INDIVIDUAL, phrase)
        )


@pytest.mark.parametrize(
    "owner, expected",
    [
        ("Obama's", "David Axelrod"),  # the paragraph before is about Axelrod: he is the strategist
        ("Axelrod's", "Axelrod's former campaign strategist"),  # about the owner: someone else
    ],
)
def test_possessive_description_takes_up_the_topic(owner: str, expected: str) -> None:
    text = (
        "David Axelrod on Wednesday called on Howard Dean to apologize.\n\n"
        f'"That was outrageous," {owner} former campaign strategist said.'
    )
    phrase = f"{owner} former campaign strategist"
    desc = _at(text, phrase, MentionKind.DESCRIPTOR, "strategist")
    axelrod = _at(text, "David Axelrod", MentionKind.NAME, "Axelrod", lex_type=False)
    refine_types([desc, axelrod], text, None, default_lexicon())
    assert desc.name == expected
    assert desc.anonymous == (expected != "David Axelrod")


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Sen. Hillary Clinton", "hillary"),
        ("Democrat Hillary Clinton", "hillary"),  # a prefix is no given name
        ("J. Smith", "j"),
        ("Clinton", None),
        ("Mr. Guajardo Villarreal", None),  # not a known given name: maybe a double surname
    ],
)
def test_given_name(words: str, expected: str | None) -> None:
    assert given_name(words.split(), default_lexicon()) == expected


@pytest.mark.parametrize(
    "first, second, fits",
    [("hillary", "bill", False), ("hillary", "hillary", True), ("j", "james", True), (None, "bill", True)],
)
def test_given_names_fit(first: str | None, second: str | None, fits: bool) -> None:
    """ "Ivanka Trump" is not "Donald Trump"; an initial or a missing given name may be anyone's."""
    assert given_names_fit(first, second) is fits


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Sen. Hillary Clinton", "f"),
        ("Democrat Hillary Clinton", "f"),  # a prefix before the given name is skipped
        ("Mr. Bill Clinton", "m"),
        ("Clinton", None),  # a lone surname
        ("J. Smith", None),  # an initial gives no gender
    ],
)
def test_name_gender_comes_from_the_given_name(name: str, gender: str | None) -> None:
    from quotecheck.mentions import name_gender

    assert name_gender(name.split(), default_lexicon()) == gender


@pytest.mark.parametrize(
    "phrase, tags, head, number, expected",
    [
        ("FBI officials", ("ADJ", "NOUN"), "official", "plur", "FBI"),  # an acronym opening the sentence
        ("A Treasury spokesman", ("DET", "ADJ", "NOUN"), "spokesman", "sing", "Treasury"),  # tagged ADJ
        ("Iraqi officials", ("ADJ", "NOUN"), "official", "plur", None),  # a nationality stays anonymous
        ("unnamed GOP officials", ("ADJ", "PROPN", "NOUN"), "official", "plur", None),  # a party's members
    ],
)
def test_staff_of_a_named_organization(
    phrase: str, tags: tuple[str, ...], head: str, number: str, expected: str | None
) -> None:
    from quotecheck.parsing import Word
    from quotecheck.sources.typing import staff_organization

    words, at = [], 0
    for i, (text, tag) in enumerate(zip(phrase.split(), tags, strict=True), 1):
        lemma = head if text.lower().startswith(head) else text
        words.append(Word(i, text, lemma, tag, tag, "_", len(tags), "amod", at, at + len(text)))
        at += len(text) + 1
    m = Mention(
        0, at - 1, phrase, MentionKind.DESCRIPTOR, head, "NOUN", number, False, 0, tuple(phrase.split())
    )
    span = staff_organization(m, words, phrase, default_lexicon())
    assert (phrase[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    "earlier, expected",
    [
        ("Fights broke out last week in San Jose. Cleveland police are ready.", "Cleveland police"),
        ("The U.S. Capitol police are ready.", "U.S. Capitol police"),  # an abbreviation's period
        ("They thanked the St. Louis police.", "St. Louis police"),  # "St." ends no sentence
    ],
)
def test_staff_organization_named_before_starts_after_a_sentence_end(earlier: str, expected: str) -> None:
    """ "Police officials" take the name the article gave the organization last, from its own
    sentence only: "San Jose. Cleveland police" is "Cleveland police"."""
    from quotecheck.parsing import Word
    from quotecheck.sources.typing import staff_organization

    text = f"{earlier}\n\nPolice officials said so."
    at = text.index("Police officials")
    words = [
        Word(1, "Police", "police", "NOUN", "NOUN", "_", 2, "compound", at, at + 6),
        Word(2, "officials", "official", "NOUN", "NOUN", "_", 3, "nsubj", at + 7, at + 16),
    ]
    m = Mention(
        at,
        at + 16,
        "Police officials",
        MentionKind.DESCRIPTOR,
        "official",
        "NOUN",
        "plur",
        False,
        0,
        ("Police", "officials"),
    )
    span = staff_organization(m, words, text, default_lexicon())
    assert (text[span[0] : span[1]] if span else None) == expected


@pytest.mark.parametrize(
    "phrase, head, polled",
    [
        ("67 percent of voters", "percent", True),  # poll respondents: an anonymous group
        ("Another 22 percent", "percent", True),
        ("a majority", "majority", True),
        ("the car", "car", False),  # a thing stays unknown
    ],
)
def test_poll_shares_are_anonymous_groups_with_no_anonymity_to_justify(
    phrase: str, head: str, polled: bool
) -> None:
    src = _refined(f"In the poll, {phrase} said the race was close.", phrase, MentionKind.DESCRIPTOR, head)
    src.attributions.append(0)
    assert src.type == (SourceType.ANONYMOUS_GROUP if polled else SourceType.UNKNOWN)
    assert src.polled is polled
    assert not anonymous_with_attributions(src)  # no anonymity finding either way


@pytest.mark.parametrize(
    "text, phrase, expected",
    [
        (
            "In a poll conducted by the New York Times and ABC News, just 28 percent of voters said no.",
            "just 28 percent of voters",
            ("named_organization", "New York Times and ABC News"),
        ),
        (
            "Sixty-seven percent of Americans said no in a September Washington Post-ABC News poll.",
            "Sixty-seven percent of Americans",
            ("named_organization", "Washington Post-ABC News"),
        ),
        # the poll's author inside the share's own mention, or no author: respondents
        (
            "Then 78 percent of voters in a CBS News poll said no.",
            "78 percent of voters in a CBS News poll",
            ("anonymous_group", "78 percent of voters in a CBS News poll"),
        ),
        (
            "The poll has bad news. Then 25 percent of voters said no.",
            "25 percent of voters",
            ("anonymous_group", "25 percent of voters"),
        ),
    ],
)
def test_shares_of_a_named_poll_are_its_author(text: str, phrase: str, expected) -> None:
    """A share of respondents whose sentence names the poll's author outside the share's own
    mention is that author's attribution (as the tuning labels have it)."""
    src = _refined(text, phrase, MentionKind.DESCRIPTOR, "percent")
    assert (src.type, src.name) == expected


@pytest.mark.parametrize(
    "name, head, expected",
    [
        ("Federal Election Commission", "filing", ("document", "Federal Election Commission filings")),
        ("Quinnipiac University", "poll", ("named_organization", "Quinnipiac University")),
    ],
)
def test_filings_name_where_they_were_filed_not_their_author(name: str, head: str, expected) -> None:
    phrase = f"{name} {head}s"
    text = f"{phrase} show the payments."
    n = len(name.split())  # the name's words, then the head noun (n + 1) and the verb (n + 2)
    rows = [(w, w, "PROPN", n + 1, "compound") for w in name.split()]
    rows += [(f"{head}s", head, "NOUN", n + 2, "nsubj"), ("show", "show", "VERB", 0, "root")]
    rows += [("the", "the", "DET", n + 4, "det"), ("payments", "payment", "NOUN", n + 2, "obj")]
    src = _refined(text, phrase, MentionKind.DESCRIPTOR, head, number="plur", parse=forged_parse(text, rows))
    assert (src.type, src.name) == (SourceType(expected[0]), expected[1])


def test_a_document_of_a_person_the_article_names_in_full_is_hers() -> None:
    text = "Rachel Hoff spoke first and Hoff's letter said the plank failed."
    rows = [
        ("Rachel", "Rachel", "PROPN", 3, "nsubj"),
        ("Hoff", "Hoff", "PROPN", 1, "flat"),
        ("spoke", "speak", "VERB", 0, "root"),
        ("first", "first", "ADV", 3, "advmod"),
        ("and", "and", "CCONJ", 9, "cc"),
        ("Hoff", "Hoff", "PROPN", 8, "nmod:poss"),
        ("'s", "'s", "PART", 6, "case"),
        ("letter", "letter", "NOUN", 9, "nsubj"),
        ("said", "say", "VERB", 3, "conj"),
    ]
    parse = forged_parse(text, rows)
    start = text.index("Hoff's letter")
    m = Mention(
        start,
        start + 13,
        "Hoff's letter",
        MentionKind.DESCRIPTOR,
        "letter",
        "NOUN",
        "sing",
        False,
        0,
        ("Hoff", "'s", "letter"),
    )
    lex = default_lexicon()
    src = Source(
        0, [m], type=type_of(m, lex), name="Hoff's letter"
    )  # no source is Rachel Hoff: she does not speak
    refine_types([src], text, parse, lex)
    assert (src.type, src.name) == (SourceType.NAMED_PERSON, "Hoff")


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Forty percent of voters", None),  # the sentence capitalises the number
        ("Fifteen percent of Democrats", "Democrats"),
        ("Canteen workers", "Canteen"),  # a word ending in "teen" is no number
        ("Twenty-two percent of Democrats", "Democrats"),
        ("a NATO official", "NATO"),
        ("White House officials", "White House"),
        ("administration officials", "administration"),
    ],
)
def test_descriptor_affiliation_skips_an_opening_number(phrase: str, expected: str | None) -> None:
    from quotecheck.sources.descriptor import _affiliation

    assert _affiliation([phrase], default_lexicon()) == expected


@pytest.mark.parametrize(
    "text, phrase, head, expected, name",
    [
        (
            "New Jersey officials, including Gov. Chris Christie, are hoping to win.",
            "New Jersey officials",
            "official",
            "named_person",
            "Chris Christie",
        ),
        (
            "Some defenders of trade, like Gary Clyde Hufbauer, a fellow, also acknowledge it.",
            "Some defenders of trade",
            "defender",
            "named_person",
            "Gary Clyde Hufbauer",
        ),
        # no comma: a kind of group, not a member of it
        ("Critics like Ann Lee say so.", "Critics", "critic", "anonymous_group", "Critics"),
    ],
)
def test_named_member_of_group(text, phrase, head, expected, name) -> None:
    """A group with one person named in apposition ("..., including Gov. Chris Christie,") is
    typed by its named member (docs/labelling.md, mixed speakers)."""
    src = _refined(text, phrase, MentionKind.DESCRIPTOR, head, number="plur")
    assert (src.type, src.name) == (expected, name)


def test_name_runs_fail_fast_on_long_runs_of_initials_and_hyphens() -> None:
    """A long run of capitalised words that does not fit ("A-A-...-A fell", "A. A. ... A. x") once
    took time doubling with each word (a word matched two ways); now it fails at once."""
    from quotecheck.sources.typing import _NAME_TAIL, _POLL_BY

    hyphens = "Sixty percent of residents said " + "-".join(["A"] * 60) + " fell"
    initials = " ".join(["A."] * 60) + " x"
    assert not list(_POLL_BY.finditer(hyphens))
    assert _NAME_TAIL.search(initials) is None
    assert _POLL_BY.search("28 percent said no in a Washington Post-ABC News poll").group("before") == (
        "Washington Post-ABC News"
    )


def test_a_named_owners_descriptor_written_twice_is_one_source() -> None:
    """ "Scott's family" twice is one group; "a spokesman" twice may be two people (an
    indefinite singular descriptor is a new source each time)."""
    from quotecheck.sources.cluster import Clusterer

    text = (
        "Scott's family released the video. Scott's family called for calm. "
        "A spokesman said yes. A spokesman said no."
    )

    def at(phrase: str, nth: int) -> Mention:
        start = [m.start() for m in re.finditer(re.escape(phrase), text)][nth]
        words = tuple(phrase.replace("'s", " 's").split())
        head = phrase.split()[-1].lower()
        return Mention(
            start, start + len(phrase), phrase, MentionKind.DESCRIPTOR, head, "NOUN", "sing", False, 0, words
        )

    cl = Clusterer(text, default_lexicon())
    family = [cl.resolve(at("Scott's family", i))[0] for i in (0, 1)]
    spokesmen = [cl.resolve(at("A spokesman", i))[0] for i in (0, 1)]
    assert family[0] == family[1]
    assert spokesmen[0] != spokesmen[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Enter The Washington Post. The Post responded.", ["Washington", "Post"]),
        ("According to The New York Post, the deal is off.", ["New", "York", "Post"]),
        ("The Post responded.", ["Post"]),  # no longer form written
        ("Clinton's Post Office speech.", ["Post"]),  # a possessive is no newspaper's name
    ],
)
def test_fullest_organization_takes_the_longest_run_after_the(text: str, expected: list[str]) -> None:
    """ "the Post" is the newspaper the article names in full, from after a "The"."""
    assert _fullest_organization("Post", text) == expected


def _names_resolved(text: str, phrases: list[str]) -> list[int]:
    """The source each name mention (the phrases in text order, each found after the one before)
    joins, resolved in order by a parse-less clusterer."""
    from quotecheck.sources.cluster import Clusterer

    cl, at, out = Clusterer(text, default_lexicon()), 0, []
    for phrase in phrases:
        start = text.index(phrase, at)
        at = start + len(phrase)
        words = tuple(phrase.split())
        m = Mention(start, at, phrase, MentionKind.NAME, words[-1], "PROPN", "sing", False, 0, words)
        out.append(cl.resolve(m)[0])
    return out


@pytest.mark.parametrize(
    ("text", "phrases", "joined"),
    [
        # introduced in parentheses: "CDC" is not the initials of the five capitalised words
        (
            "The Centers for Disease Control and Prevention (CDC) said so. The CDC said more.",
            ["The Centers for Disease Control and Prevention", "The CDC"],
            True,
        ),
        (
            "The Centers for Disease Control and Prevention said so. The CDC said more.",
            ["The Centers for Disease Control and Prevention", "The CDC"],
            False,
        ),
        # initials: "and"/"for"/"the" skipped, "of" taken or skipped, "U.S." taken or skipped
        (
            "The National Rifle Association said so. The NRA said more.",
            ["The National Rifle Association", "The NRA"],
            True,
        ),
        (
            "The U.S. Department of Homeland Security said so. DHS said more.",
            ["The U.S. Department of Homeland Security", "DHS"],
            True,
        ),
        (
            "The Department of Justice said so. The DOJ said more.",
            ["The Department of Justice", "The DOJ"],
            True,
        ),
        (
            "The National Endowment for the Arts said so. The NEA said more.",
            ["The National Endowment for the Arts", "The NEA"],
            True,
        ),
        # a content word is never skipped; two organizations with the initials: neither
        (
            "The National Rifle Association said so. The NA said more.",
            ["The National Rifle Association", "The NA"],
            False,
        ),
        (
            "The American Bar Association said so. The Arizona Builders Alliance said no. The ABA said more.",
            ["The American Bar Association", "The Arizona Builders Alliance", "The ABA"],
            False,
        ),
    ],
)
def test_acronym_joins_the_one_organization_it_stands_for(
    text: str, phrases: list[str], joined: bool
) -> None:
    """ "the CDC" after "The Centers for Disease Control and Prevention (CDC)", "the NRA" after
    "the National Rifle Association": one source, when exactly one organization qualifies."""
    sources = _names_resolved(text, phrases)
    assert (sources[-1] in sources[:-1]) == joined


def _nominals_resolved(text: str, phrases: list[str]) -> list[int]:
    """As :func:`_names_resolved`, for definite descriptions ("The American Bar Association" written
    with "The", as the mention builder makes it)."""
    from quotecheck.sources.cluster import Clusterer

    cl, at, out = Clusterer(text, default_lexicon()), 0, []
    for phrase in phrases:
        start = text.index(phrase, at)
        at = start + len(phrase)
        words = tuple(phrase.split())
        head = words[-1].lower()
        m = Mention(start, at, phrase, MentionKind.NOMINAL, head, "NOUN", "sing", True, 0, words)
        out.append(cl.resolve(m)[0])
    return out


def test_a_description_with_other_proper_names_is_another_organization() -> None:
    """ "The American Booksellers Association" after "The American Bar Association" and "the
    association": same head noun, other names, so another source; the bare "the association"
    and the same names written again take up the first."""
    text = (
        "The American Bar Association said so. The association said more. "
        "The American Booksellers Association disagreed. The American Bar Association said it again."
    )
    bar, association, booksellers, again = _nominals_resolved(
        text,
        [
            "The American Bar Association",
            "The association",
            "The American Booksellers Association",
            "The American Bar Association",
        ],
    )
    assert association == bar
    assert booksellers != bar
    assert again == bar


def test_a_sentence_opening_function_word_introduces_no_surname():
    """ "When Khan arrived" is no full name of a "Khan" (its first word is tagged a subordinator),
    "Khizr Khan" is: only the second can rename a person known by the bare surname."""
    from quotecheck.sources.cluster import Clusterer

    text = "When Khan arrived, Khizr Khan spoke."
    rows = [
        ("When", "when", "SCONJ", 3, "mark"),
        ("Khan", "Khan", "PROPN", 3, "nsubj"),
        ("arrived", "arrive", "VERB", 7, "advcl"),
        (",", ",", "PUNCT", 3, "punct"),
        ("Khizr", "Khizr", "PROPN", 7, "nsubj"),
        ("Khan", "Khan", "PROPN", 5, "flat"),
        ("spoke", "speak", "VERB", 0, "root"),
        (".", ".", "PUNCT", 7, "punct"),
    ]
    cl = Clusterer(text, default_lexicon(), parse=forged_parse(text, rows))
    assert [f.group(0) for f in cl._introductions("khan", len(text))] == ["Khizr Khan"]
