"""Source typing from a speaker mention (quotecheck.sources.typing.type_of), without a model.

The fixture articles cover typing in context (fixture 35: role nouns before names, titles
taken up by a later description, a banner as a written source); these pin the lexicon rules.
"""

from __future__ import annotations

import pytest

from quotecheck.lexicons import default_lexicon
from quotecheck.mentions import Mention, given_name, given_names_fit
from quotecheck.sources.typing import type_of
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
    ],
)
def test_nominal_types(text, kind, head, number, expected):
    assert type_of(mention(text, kind, head, number), default_lexicon()) is SourceType(expected)


def test_reason_for_anonymity_ends_with_its_clause() -> None:
    """A reason with no comma after it stops before the sentence's own speech verb; a speech
    verb of the reason's own subject stays in it (issue 12)."""
    from quotecheck.sources.evidence import _clause_end

    text = "because he was not authorized to discuss the talks said the European side had agreed."
    assert text[: _clause_end(text, 0)] == "because he was not authorized to discuss the talks"
    own = "because he was not authorized to repeat what he said in private. Then"
    assert own[: _clause_end(own, 0)] == "because he was not authorized to repeat what he said in private"


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
