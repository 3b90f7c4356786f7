"""Speaker mention spans built at a cue (:func:`quotecheck.mentions.make_mention`) on forged
parses of the shapes the compact parser produces: a mention stays inside its sentence and
paragraph, and a name that ends in a month stays whole."""

from __future__ import annotations

import pytest

from quotecheck.lexicons import default_lexicon
from quotecheck.mentions import ArticleText, Mention, MentionFinder, QuotedSpans, is_time_text, make_mention
from quotecheck.testing.fake_parse import forged_parse
from quotecheck.vocab import MentionKind


def _mention(text: str, rows: list[tuple[str, str, str, int, str]], head: int) -> Mention | None:
    parse = forged_parse(text, rows)
    ctx = ArticleText(text, parse, default_lexicon(), [])
    sent = parse.sentences[0]
    return make_mention(ctx, 0, sent.word(head), sent.start, sent.end)


def test_mention_does_not_cross_a_paragraph_break() -> None:
    # the parser ran two paragraphs together and hung "April." on "County"
    text = "The plan was proposed in April.\n\nCounty officials said the budget was late."
    rows = [
        ("The", "the", "DET", 2, "det"),
        ("plan", "plan", "NOUN", 4, "nsubj:pass"),
        ("was", "be", "AUX", 4, "aux:pass"),
        ("proposed", "propose", "VERB", 0, "root"),
        ("in", "in", "ADP", 6, "case"),
        ("April.", "April.", "PROPN", 7, "compound"),
        ("County", "County", "PROPN", 8, "compound"),
        ("officials", "official", "NOUN", 9, "nsubj"),
        ("said", "say", "VERB", 4, "parataxis"),
        ("the", "the", "DET", 11, "det"),
        ("budget", "budget", "NOUN", 13, "nsubj"),
        ("was", "be", "AUX", 13, "cop"),
        ("late", "late", "ADJ", 9, "ccomp"),
        (".", ".", "PUNCT", 4, "punct"),
    ]
    mention = _mention(text, rows, 8)
    assert mention is not None
    assert mention.text == "County officials"


def test_name_ending_in_a_month_stays_whole() -> None:
    text = "Theresa May said the talks would go on."
    rows = [
        ("Theresa", "Theresa", "PROPN", 3, "nsubj"),
        ("May", "May", "PROPN", 1, "flat"),
        ("said", "say", "VERB", 0, "root"),
        ("the", "the", "DET", 5, "det"),
        ("talks", "talk", "NOUN", 7, "nsubj"),
        ("would", "would", "AUX", 7, "aux"),
        ("go", "go", "VERB", 3, "ccomp"),
        ("on", "on", "ADP", 7, "compound:prt"),
        (".", ".", "PUNCT", 3, "punct"),
    ]
    mention = _mention(text, rows, 1)
    assert mention is not None
    assert mention.text == "Theresa May"


def test_date_after_the_head_is_cut() -> None:
    text = "The Trump campaign on Tuesday responded that it had moved."
    rows = [
        ("The", "the", "DET", 3, "det"),
        ("Trump", "Trump", "PROPN", 3, "compound"),
        ("campaign", "campaign", "NOUN", 6, "nsubj"),
        ("on", "on", "ADP", 5, "case"),
        ("Tuesday", "Tuesday", "PROPN", 3, "nmod"),
        ("responded", "respond", "VERB", 0, "root"),
        ("that", "that", "SCONJ", 10, "mark"),
        ("it", "it", "PRON", 10, "nsubj"),
        ("had", "have", "AUX", 10, "aux"),
        ("moved", "move", "VERB", 6, "ccomp"),
        (".", ".", "PUNCT", 6, "punct"),
    ]
    mention = _mention(text, rows, 3)
    assert mention is not None
    assert mention.text == "The Trump campaign"


@pytest.mark.parametrize(
    ("text", "lemma", "with_years", "without_years"),
    [
        ("Tuesday", "Tuesday", True, True),  # a weekday, by its text
        ("June", "June", True, True),  # a month
        ("Sept.", "sept.", True, True),
        ("weeks", "week", True, True),  # a time noun, by its lemma
        ("morning", "morning", True, True),
        ("ago", "ago", True, True),
        ("2016", "2016", True, False),  # a year only where the caller takes years
        ("1850", "1850", True, False),
        ("1750", "1750", False, False),  # outside 1800-2099: a number
        ("20", "20", False, False),
        ("tuesday", "tuesday", False, False),  # calendar words go by their capitalised text
        ("senator", "senator", False, False),
        ("said", "say", False, False),
        ("May", "may", True, True),  # the month's text, whatever the lemma
    ],
)
def test_is_time_text(text: str, lemma: str, with_years: bool, without_years: bool) -> None:
    lex = default_lexicon()
    assert is_time_text(lex, text, lemma, years=True) is with_years
    assert is_time_text(lex, text, lemma, years=False) is without_years


def test_name_misparsed_as_flat_of_a_noun_is_a_person_in_passing() -> None:
    # the compact parser hung "Ayotte" on "campaign" (flat), whose "of" is no preposition of the name
    text = "This is not the kind of campaign Ayotte hoped to be running, she said."
    rows = [
        ("This", "this", "PRON", 5, "nsubj"),
        ("is", "be", "AUX", 5, "cop"),
        ("not", "not", "PART", 5, "advmod"),
        ("the", "the", "DET", 5, "det"),
        ("kind", "kind", "NOUN", 9, "nsubj"),
        ("of", "of", "ADP", 7, "case"),
        ("campaign", "campaign", "NOUN", 5, "nmod"),
        ("Ayotte", "Ayotte", "PROPN", 7, "flat"),
        ("hoped", "hope", "VERB", 0, "root"),
        ("to", "to", "PART", 12, "mark"),
        ("be", "be", "AUX", 12, "aux"),
        ("running", "run", "VERB", 9, "xcomp"),
        (",", ",", "PUNCT", 14, "punct"),
        ("she", "she", "PRON", 15, "nsubj"),
        ("said", "say", "VERB", 9, "parataxis"),
        (".", ".", "PUNCT", 9, "punct"),
    ]
    parse = forged_parse(text, rows)
    finder = MentionFinder(text, parse, default_lexicon(), QuotedSpans([]))
    at = text.index("she")
    pron = Mention(at, at + 3, "she", MentionKind.PRONOUN, "she", "PRON", "sing", True, 0, ("she",))
    run = next(finder.names_before(pron))
    assert run.mention.text == "Ayotte"
    assert finder.looks_like_person(run, lambda key: key == "ayotte")


def test_a_headline_name_does_not_run_on_over_its_capitalised_words() -> None:
    # a headline capitalises every word: "Hammers Wells Fargo CEO" is no part of Warren's name, so the
    # fullest name is the lede's; the parse may hang the headline's words on the name as flat
    text = "Elizabeth Warren Hammers Wells Fargo CEO\n\nMassachusetts Sen. Elizabeth Warren grilled him."
    rows = [
        ("Elizabeth", "Elizabeth", "PROPN", 0, "root"),
        ("Warren", "Warren", "PROPN", 1, "flat"),
        ("Hammers", "Hammers", "PROPN", 1, "flat"),
        ("Wells", "Wells", "PROPN", 1, "flat"),
        ("Fargo", "Fargo", "PROPN", 1, "flat"),
        ("CEO", "CEO", "PROPN", 1, "flat"),
        ("Massachusetts", "Massachusetts", "PROPN", 10, "compound"),
        ("Sen.", "Sen.", "PROPN", 10, "compound"),
        ("Elizabeth", "Elizabeth", "PROPN", 10, "compound"),
        ("Warren", "Warren", "PROPN", 11, "nsubj"),
        ("grilled", "grill", "VERB", 1, "parataxis"),
        ("him", "he", "PRON", 11, "obj"),
        (".", ".", "PUNCT", 11, "punct"),
    ]
    finder = MentionFinder(text, forged_parse(text, rows), default_lexicon(), QuotedSpans([]))
    (span,) = finder.fullest_names([{"warren"}])
    assert span is not None
    assert text[span[0] : span[1]] == "Massachusetts Sen. Elizabeth Warren"


def test_a_full_name_ending_in_the_surname_beats_one_where_it_is_a_middle_name() -> None:
    # "Maryanne Trump Barry": the parse hangs "Barry" on "Maryanne" as flat, so the name runs on past
    # "Trump"; the fullest name of "Mr. Trump" is still the one that ends in it, not the longer one
    text = "Donald J. Trump spoke. His sister, Maryanne Trump Barry, is a judge."
    rows = [
        ("Donald", "Donald", "PROPN", 4, "nsubj"),
        ("J.", "J.", "PROPN", 1, "flat"),
        ("Trump", "Trump", "PROPN", 1, "flat"),
        ("spoke", "speak", "VERB", 0, "root"),
        (".", ".", "PUNCT", 4, "punct"),
        ("His", "his", "PRON", 7, "nmod:poss"),
        ("sister", "sister", "NOUN", 15, "nsubj"),
        (",", ",", "PUNCT", 9, "punct"),
        ("Maryanne", "Maryanne", "PROPN", 7, "appos"),
        ("Trump", "Trump", "PROPN", 9, "flat"),
        ("Barry", "Barry", "PROPN", 9, "flat"),
        (",", ",", "PUNCT", 9, "punct"),
        ("is", "be", "AUX", 15, "cop"),
        ("a", "a", "DET", 15, "det"),
        ("judge", "judge", "NOUN", 4, "parataxis"),
        (".", ".", "PUNCT", 15, "punct"),
    ]
    finder = MentionFinder(text, forged_parse(text, rows), default_lexicon(), QuotedSpans([]))
    (span,) = finder.fullest_names([{"trump"}])
    assert span is not None
    assert text[span[0] : span[1]] == "Donald J. Trump"


def test_a_surname_lemmatised_as_a_noun_is_a_name_after_a_given_name() -> None:
    # the parse lemmatises "Deacon" as the noun "deacon"; an adverb so lemmatised ("Meanwhile,") is no
    # name, but a word the article writes after a known given name ("Colleen Deacon") is a surname
    text = "Colleen Deacon won. Deacon had nothing bad to say, she said."
    rows = [
        ("Colleen", "Colleen", "PROPN", 3, "nsubj"),
        ("Deacon", "deacon", "PROPN", 1, "flat"),
        ("won", "win", "VERB", 0, "root"),
        (".", ".", "PUNCT", 3, "punct"),
        ("Deacon", "deacon", "PROPN", 6, "nsubj"),
        ("had", "have", "VERB", 3, "parataxis"),
        ("nothing", "nothing", "PRON", 6, "obj"),
        ("bad", "bad", "ADJ", 7, "amod"),
        ("to", "to", "PART", 10, "mark"),
        ("say", "say", "VERB", 7, "acl"),
        (",", ",", "PUNCT", 13, "punct"),
        ("she", "she", "PRON", 13, "nsubj"),
        ("said", "say", "VERB", 6, "parataxis"),
        (".", ".", "PUNCT", 6, "punct"),
    ]
    finder = MentionFinder(text, forged_parse(text, rows), default_lexicon(), QuotedSpans([]))
    at = text.index("she")
    pron = Mention(at, at + 3, "she", MentionKind.PRONOUN, "she", "PRON", "sing", True, 0, ("she",))
    assert next(finder.names_before(pron)).mention.text == "Deacon"


def test_a_knowledge_phrase_owner_stops_at_its_verb() -> None:
    # the parser makes "close" the subject and "People" its compound: the mention is the noun and its
    # knowledge phrase ("A person close to Veridian"), which ends before the verb "felt"
    text = "People close to the Clintons felt her projection of anger was over the top."
    rows = [
        ("People", "people", "NOUN", 2, "compound"),
        ("close", "close", "NOUN", 6, "nsubj"),
        ("to", "to", "ADP", 5, "case"),
        ("the", "the", "DET", 5, "det"),
        ("Clintons", "Clintons", "PROPN", 2, "nmod"),
        ("felt", "feel", "VERB", 0, "root"),
        ("her", "her", "PRON", 8, "nmod:poss"),
        ("projection", "projection", "NOUN", 14, "nsubj"),
        ("of", "of", "ADP", 10, "case"),
        ("anger", "anger", "NOUN", 8, "nmod"),
        ("was", "be", "AUX", 14, "cop"),
        ("over", "over", "ADP", 14, "case"),
        ("the", "the", "DET", 14, "det"),
        ("top", "top", "NOUN", 6, "ccomp"),
        (".", ".", "PUNCT", 6, "punct"),
    ]
    m = _mention(text, rows, 2)
    assert m is not None
    assert m.text == "People close to the Clintons"
