"""The pronoun ranker (quotecheck.sources.ranker) and the candidates the rules give it, without a
model: the weights file, scoring, fixture 02's "she" after a man named in passing, and fixture 46's
pronouns with no candidate nearby (a person further back, not a place), and fixture 59 (name genders,
appositions, organization nominals)."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from quotecheck.attribution import attribute
from quotecheck.lexicons import default_lexicon
from quotecheck.mentions import Mention
from quotecheck.parsing import Parse, Sentence
from quotecheck.quotes import scan_quotes
from quotecheck.sources import cluster_sources
from quotecheck.sources.cluster import Clusterer
from quotecheck.sources.ranker import (
    FEATURES,
    WEIGHTS_PATH,
    Candidate,
    Ranker,
    default_ranker,
    ranker_from_json,
)
from quotecheck.testing import ARTICLES, article_paths, load_stored, stored_report
from quotecheck.testing.fake_parse import forged_parse
from quotecheck.vocab import MentionKind

Rows = list[tuple[str, str, str, int, str]]


def _speaker_of_last_quotation(text: str, sentences: list[Rows]) -> str | None:
    """The source name of the last quotation of ``text`` on a forged parse: one
    :func:`forged_parse` sentence per rows list, each found in the text after the one before."""
    forged: list[Sentence] = []
    at = 0
    for rows in sentences:
        words = forged_parse(text[at:], rows).sentences[0].words
        forged.append(Sentence(tuple(replace(w, start=w.start + at, end=w.end + at) for w in words)))
        at = forged[-1].words[-1].end
    parse = Parse(tuple(forged), "forged")
    analysis = cluster_sources(text, parse, attribute(text, parse, scan_quotes(text)[0]))
    quoted = [la for la in analysis.attributions if la.attribution.quote is not None]
    return None if quoted[-1].source is None else analysis.sources[quoted[-1].source].name


def _we_said(word: str, lemma: str, pronoun: str) -> Rows:
    """The rows of "“We <word>,” <pronoun> said.": the quotation a test's pronoun speaks."""
    return [
        ("“", "“", "PUNCT", 3, "punct"),
        ("We", "we", "PRON", 3, "nsubj"),
        (word, lemma, "VERB", 7, "ccomp"),
        (",", ",", "PUNCT", 3, "punct"),
        ("”", "”", "PUNCT", 3, "punct"),
        (pronoun, pronoun, "PRON", 7, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        (".", ".", "PUNCT", 7, "punct"),
    ]


def _at(text: str, phrase: str, kind: MentionKind, head: str, upos: str, number: str = "sing") -> Mention:
    """A mention of ``phrase`` where it first stands in ``text``, its words split at spaces."""
    start = text.index(phrase)
    return Mention(
        start, start + len(phrase), phrase, kind, head, upos, number, False, 0, tuple(phrase.split())
    )


def _candidate(start: int, values: dict[str, float]) -> Candidate:
    m = Mention(start, start + 4, "Xxxx", MentionKind.NAME, "xxxx", "PROPN", "sing", False, 0, ("Xxxx",))
    return Candidate(None, m, tuple(values.get(name, 0.0) for name in FEATURES), None, True)


def test_the_shipped_weights_load_and_name_every_feature() -> None:
    obj = json.loads(WEIGHTS_PATH.read_text(encoding="utf-8"))
    assert obj["features"] == list(FEATURES)
    assert len(default_ranker().weights) == len(FEATURES)


def test_weights_for_other_features_are_refused() -> None:
    with pytest.raises(ValueError, match="features"):
        ranker_from_json({"features": ["distance"], "weights": [1.0]})


def test_the_best_candidate_scores_highest_and_ties_go_to_the_nearest() -> None:
    w = [0.0] * len(FEATURES)
    w[FEATURES.index("subject")] = 2.0
    w[FEATURES.index("recency_rank")] = -1.0
    ranker = Ranker(tuple(w))
    near = _candidate(50, {"recency_rank": 0})
    subject = _candidate(10, {"recency_rank": 1, "subject": 1})
    assert ranker.best([near, subject]) is subject
    assert Ranker(tuple(0.0 for _ in FEATURES)).best([near, subject]) is near  # the nearest first
    assert ranker.best([]) is None


def test_a_pronoun_skips_a_person_of_the_other_gender_named_in_passing() -> None:
    """Fixture 02: "... had asked Hill to help ..." then "“...,” she said": Hugh Hill is the nearest
    person but a man; the candidates list him (for training) but only Kowalczyk agrees."""
    (path,) = [p for p in article_paths() if p.name == "02-floating-pronouns.txt"]
    doc, parse = load_stored(path)
    lex = default_lexicon()
    paragraphs = doc.paragraph_spans()
    quotes, _ = scan_quotes(doc.text, paragraphs)
    trace: list[tuple[Mention, list[Candidate]]] = []
    analysis = cluster_sources(
        doc.text, parse, attribute(doc.text, parse, quotes, lex, paragraphs), lex, paragraphs, trace
    )
    she = [(m, cands) for m, cands in trace if m.text == "she"][-1]
    first, *rest = she[1]
    assert first.mention.text == "Hill" and first.gender == "m" and not first.agrees
    chosen = next(c for c in rest if c.agrees)
    assert chosen.mention.text == "Kowalczyk"
    linked = next(la for la in analysis.attributions if la.attribution.speaker == she[0])
    assert analysis.sources[linked.source].name.endswith("Kowalczyk")


def test_the_trained_weights_prefer_the_last_speaker_in_subject_position_to_a_nearer_object() -> None:
    """What the shipped weights learned beyond the nearest rule: "Smith said ... He met Jones.
    “...,” he said" goes back to Smith, the subject who spoke last, not to Jones, a nearer object
    named in passing."""
    nearer_object = _candidate(
        80,
        {
            "sentence_distance": math.log1p(1),
            "object": 1,
            "in_passing": 1,
            "name": 1,
            "mentions": math.log1p(1),
        },
    )
    last_speaker = _candidate(
        40,
        {
            "sentence_distance": math.log1p(2),
            "recency_rank": 1,
            "subject": 1,
            "speaker": 1,
            "last_speaker": 1,
            "name": 1,
            "mentions": math.log1p(2),
        },
    )
    assert default_ranker().best([nearer_object, last_speaker]) is last_speaker


def _speakers(name: str) -> list[tuple[str, str, str]]:
    """(speaker mention, source name, resolution) of each quotation of a fixture article."""
    report = stored_report(ARTICLES / name)
    names = {s["id"]: s["name"] for s in report["sources"]}
    return [
        (q["speaker"]["mention"]["text"], names[q["speaker"]["source_id"]], q["speaker"]["resolution"])
        for q in report["quotes"]
    ]


def test_a_pronoun_with_no_candidate_looks_further_back_and_skips_places() -> None:
    """Fixture 46: "she" eight sentences after "Ruth Calloway" (and after "San Diego will take
    over ...", a place the article writes after "in"); "her letter said" is Calloway's; "he"
    after "Wrona, who is 71, sold his nets", a bare surname as a subject."""
    assert _speakers("46-distant-speakers-places.txt") == [
        ("she", "Ruth Calloway", "pronoun"),
        ("her letter", "Ruth Calloway", "pronoun"),
        ("he", "Tadeusz Wrona", "pronoun"),
    ]


def test_place_names_are_whole_runs_after_in() -> None:
    text = "Riders came from hotels in San Diego. He met them in Trump Tower and worked in Clinton’s office."
    places = Clusterer(text, default_lexicon()).place_names
    assert {"San Diego", "Trump Tower"} <= places
    assert "Trump" not in places and "Clinton" not in places


def test_honorifics_give_surnames_a_gender() -> None:
    text = "Ms. Brainard met Mr Sperling. Later Mrs. Sperling arrived."
    assert Clusterer(text, default_lexicon()).honorific_genders == {"brainard": "f", "sperling": "m"}


def test_name_genders_appositions_and_organization_nominals() -> None:
    """Fixture 59: "Mr. Barlow" makes Barlow a man although the article names "Ellen Barlow", so
    "he" takes him up; "the bureau's president, Dale Whitcomb," is a subject (the parse makes the
    name an apposition), so the next "he" is Whitcomb's, not Barlow's who spoke last; "the
    company" and "the newspaper" are no named person's."""
    assert _speakers("59-gender-titles-organization-nominals.txt") == [
        ("Barlow", "Barlow", "explicit"),
        ("Mr. Barlow", "Barlow", "explicit"),
        ("he", "Barlow", "pronoun"),
        ("he", "Dale Whitcomb", "pronoun"),
        ("Lena Marsh", "Lena Marsh", "explicit"),
        ("The company", "The company", "explicit"),
        ("the newspaper", "the newspaper", "explicit"),
    ]


def test_a_description_after_a_name_and_its_comma_is_that_name() -> None:
    """Fixture 60: "Jay Ruskin, the director of the state health board, told" is Ruskin, not Sam
    Ortiz ("the county's health director") quoted before; "In Millbrook, the mayor said" is no
    apposition: the mayor is Mayor Ann Patel. Since round 24 the report's speaker mention is the name
    itself (`indirect._name_over_apposition`), still resolved to Ruskin."""
    assert _speakers("60-descriptions-after-names.txt")[3:] == [
        ("Jay Ruskin", "Jay Ruskin", "explicit"),
        ("the mayor", "Mayor Ann Patel", "nominal"),
    ]


def test_he_and_she_take_no_source_of_plurals_only() -> None:
    """A source whose mentions are all plural ("they", "Public colleges") is no he/she
    candidate; a name the tagger calls plural ("Sanders") still is."""
    from quotecheck.sources.cluster import _of_kind

    text = "They said so. Sanders said so. He said so."
    cl = Clusterer(text, default_lexicon())
    group, person = cl.new(), cl.new()
    cl.attach(group, _at(text, "They", MentionKind.PRONOUN, "they", "X", "plur"))
    cl.attach(person, _at(text, "Sanders", MentionKind.NAME, "sanders", "X", "plur"))
    he = _at(text, "He", MentionKind.PRONOUN, "he", "X")
    assert not _of_kind(cl, he, group, True)
    assert _of_kind(cl, he, person, True)


def test_he_and_she_take_no_untyped_source_of_things_without_a_determiner() -> None:
    """A source whose only mentions are descriptions of things with no determiner in front
    ("46 percent", "such a list") is no he/she candidate, as "the piece" is not; a capitalised
    word tagged a noun ("Husted") still is."""
    from quotecheck.sources.cluster import _of_kind

    text = "46 percent said so. Husted said so. She said so."
    cl = Clusterer(text, default_lexicon())
    share, person = cl.new(), cl.new()
    cl.add(share, _at(text, "46 percent", MentionKind.NOMINAL, "percent", "NOUN"))
    cl.add(person, _at(text, "Husted", MentionKind.NOMINAL, "husted", "NOUN"))
    she = _at(text, "She", MentionKind.PRONOUN, "she", "NOUN")
    assert not _of_kind(cl, she, share, True)
    assert _of_kind(cl, she, person, True)


def test_a_name_of_the_other_gender_is_no_source_of_that_surname() -> None:
    """ "Mr. Trump" is a man: "Ivanka Trump" later is another person, though no given name of
    the first source clashes with hers; "Donald Trump" joins it."""
    text = "Mr. Trump said so. Ivanka Trump said so. Donald Trump said so."

    def name(phrase: str) -> Mention:
        return _at(text, phrase, MentionKind.NAME, "trump", "PROPN")

    cl = Clusterer(text, default_lexicon())
    trump = cl.resolve(name("Mr. Trump"))[0]
    assert cl.sources[trump].gender == "m"
    assert cl.resolve(name("Ivanka Trump"))[0] != trump
    assert cl.resolve(name("Donald Trump"))[0] == trump


def test_a_name_the_parse_makes_the_root_is_a_person_named_in_passing() -> None:
    """ "Carole Bower, 75, a retiree, supported Kasich.": the compact parse loses the verb of the
    long subject and makes the name the sentence's root; a bare two-word name there is still a
    person named in passing, whom the "she" of the next quotation takes up."""
    text = "Carole Bower, 75, a retiree, supported Kasich. “We lost,” she said."
    first: Rows = [
        ("Carole", "Carole", "PROPN", 0, "root"),
        ("Bower", "Bower", "PROPN", 1, "flat"),
        (",", ",", "PUNCT", 4, "punct"),
        ("75", "75", "NUM", 1, "nmod:unmarked"),
        (",", ",", "PUNCT", 7, "punct"),
        ("a", "a", "DET", 7, "det"),
        ("retiree", "retiree", "NOUN", 1, "appos"),
        (",", ",", "PUNCT", 9, "punct"),
        ("supported", "support", "VERB", 1, "acl"),
        ("Kasich", "Kasich", "PROPN", 9, "obj"),
        (".", ".", "PUNCT", 1, "punct"),
    ]
    second = _we_said("lost", "lose", "she")
    assert _speaker_of_last_quotation(text, [first, second]) == "Carole Bower"


def test_a_name_the_parse_tags_a_common_noun_is_still_named_before_a_pronoun() -> None:
    """ "Sen. Sanders, who won, went home.": the compact parse tags a name opening a sentence a
    noun (its lemma keeps the capital); the "he" of the next quotation still takes it up."""
    text = "Sen. Sanders, who won, went home. “We won,” he said."
    first: Rows = [
        ("Sen.", "Sen.", "PROPN", 2, "compound"),
        ("Sanders", "Sanders", "NOUN", 8, "nsubj"),
        (",", ",", "PUNCT", 5, "punct"),
        ("who", "who", "PRON", 5, "nsubj"),
        ("won", "win", "VERB", 2, "acl:relcl"),
        (",", ",", "PUNCT", 5, "punct"),
        ("went", "go", "VERB", 8, "aux"),
        ("home", "home", "ADV", 0, "root"),
        (".", ".", "PUNCT", 8, "punct"),
    ]
    second = _we_said("won", "win", "he")
    assert _speaker_of_last_quotation(text, [first, second]) == "Sen. Sanders"


def test_an_owner_named_before_a_pronoun_is_a_candidate() -> None:
    """ "Ms. Ayotte drew Mr. Trump's ire. “Weak,” he said.": the owner of an object is a person
    named in passing whom the "he" takes up (not Mr. Khan, named further back); the owner in a
    prepositional phrase ("the ire of Mr. Trump's aide") is none."""
    praised: Rows = [
        ("Ms.", "Ms.", "PROPN", 2, "compound"),
        ("Ayotte", "Ayotte", "PROPN", 3, "nsubj"),
        ("praised", "praise", "VERB", 0, "root"),
        ("Mr.", "Mr.", "PROPN", 5, "compound"),
        ("Khan", "Khan", "PROPN", 3, "obj"),
        (".", ".", "PUNCT", 3, "punct"),
    ]
    quoted: Rows = [
        ("“", "“", "PUNCT", 2, "punct"),
        ("Weak", "weak", "ADJ", 6, "ccomp"),
        (",", ",", "PUNCT", 2, "punct"),
        ("”", "”", "PUNCT", 2, "punct"),
        ("he", "he", "PRON", 6, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        (".", ".", "PUNCT", 6, "punct"),
    ]
    text = "Ms. Ayotte praised Mr. Khan. Ms. Ayotte drew Mr. Trump's ire. “Weak,” he said."
    drew: Rows = [
        ("Ms.", "Ms.", "PROPN", 2, "compound"),
        ("Ayotte", "Ayotte", "PROPN", 3, "nsubj"),
        ("drew", "draw", "VERB", 0, "root"),
        ("Mr.", "Mr.", "PROPN", 5, "compound"),
        ("Trump", "Trump", "PROPN", 7, "nmod:poss"),
        ("'s", "'s", "PART", 5, "case"),
        ("ire", "ire", "NOUN", 3, "obj"),
        (".", ".", "PUNCT", 3, "punct"),
    ]
    assert _speaker_of_last_quotation(text, [praised, drew, quoted]) == "Mr. Trump"
    text = "Ms. Ayotte praised Mr. Khan. Ms. Ayotte drew the ire of Mr. Trump's aide. “Weak,” he said."
    drew_of: Rows = [
        ("Ms.", "Ms.", "PROPN", 2, "compound"),
        ("Ayotte", "Ayotte", "PROPN", 3, "nsubj"),
        ("drew", "draw", "VERB", 0, "root"),
        ("the", "the", "DET", 5, "det"),
        ("ire", "ire", "NOUN", 3, "obj"),
        ("of", "of", "ADP", 10, "case"),
        ("Mr.", "Mr.", "PROPN", 8, "compound"),
        ("Trump", "Trump", "PROPN", 10, "nmod:poss"),
        ("'s", "'s", "PART", 8, "case"),
        ("aide", "aide", "NOUN", 5, "nmod"),
        (".", ".", "PUNCT", 3, "punct"),
    ]
    assert _speaker_of_last_quotation(text, [praised, drew_of, quoted]) == "Mr. Khan"


def test_a_name_the_parse_makes_the_root_is_a_subject_unless_it_stands_alone() -> None:
    """ "Ohio Gov. John Kasich, a contender, predicted ...": the compact parse loses the verb
    and makes the name the root; its role (the ranker's subject feature) is a subject. A name
    alone in its sentence (a signature, "Ernie Helton.") stays a root."""
    from quotecheck.sources.cluster import _role

    text = "John Kasich, a contender, predicted a win."
    rows: Rows = [
        ("John", "John", "PROPN", 0, "root"),
        ("Kasich", "Kasich", "PROPN", 1, "flat"),
        (",", ",", "PUNCT", 5, "punct"),
        ("a", "a", "DET", 5, "det"),
        ("contender", "contender", "NOUN", 1, "appos"),
        (",", ",", "PUNCT", 5, "punct"),
        ("predicted", "predict", "VERB", 1, "acl"),
        ("a", "a", "DET", 9, "det"),
        ("win", "win", "NOUN", 7, "obj"),
        (".", ".", "PUNCT", 1, "punct"),
    ]
    sent = forged_parse(text, rows).sentences[0]
    assert _role(sent, sent.word(1), default_lexicon()) == "nsubj"
    alone = forged_parse(
        "Ernie Helton.",
        [
            ("Ernie", "Ernie", "PROPN", 0, "root"),
            ("Helton", "Helton", "PROPN", 1, "flat"),
            (".", ".", "PUNCT", 1, "punct"),
        ],
    ).sentences[0]
    assert _role(alone, alone.word(1), default_lexicon()) == "root"


def test_a_description_a_name_follows_is_that_name() -> None:
    """ "“...,” Ms. Merkel's spokesman, Steffen Seibert, wrote": the compact parse makes the
    description a conjunct inside the quotation and the name a conjunct of the description; the
    quotation's source is named Steffen Seibert (not Ms. Merkel's description)."""
    text = "“We stand together,” Ms. Merkel's spokesman, Steffen Seibert, wrote."
    rows: Rows = [
        ("“", "“", "PUNCT", 3, "punct"),
        ("We", "we", "PRON", 3, "nsubj"),
        ("stand", "stand", "VERB", 0, "root"),
        ("together", "together", "ADV", 3, "advmod"),
        (",", ",", "PUNCT", 3, "punct"),
        ("”", "”", "PUNCT", 3, "punct"),
        ("Ms.", "Ms.", "PROPN", 10, "nmod:poss"),
        ("Merkel", "Merkel", "PROPN", 7, "flat"),
        ("'s", "'s", "PART", 8, "case"),
        ("spokesman", "spokesman", "NOUN", 3, "conj"),
        (",", ",", "PUNCT", 12, "punct"),
        ("Steffen", "Steffen", "PROPN", 10, "conj"),
        ("Seibert", "Seibert", "PROPN", 12, "flat"),
        (",", ",", "PUNCT", 15, "punct"),
        ("wrote", "write", "VERB", 10, "acl"),
        (".", ".", "PUNCT", 3, "punct"),
    ]
    assert _speaker_of_last_quotation(text, [rows]) == "Steffen Seibert"


def test_a_name_opening_a_description_that_is_not_apposed_is_not_that_name() -> None:
    """ "“...,” said the mayor, Ann Ruiz's longtime rival.": a name opens what follows the
    description and its comma, but the parse makes it the possessor inside the apposition, not
    the apposition itself nor a second subject of "said" (_apposed): the mayor is Ruiz's rival,
    not Ann Ruiz, so the quotation's source is the mayor."""
    text = "“We object,” said the mayor, Ann Ruiz's longtime rival."
    rows: Rows = [
        ("“", "“", "PUNCT", 3, "punct"),
        ("We", "we", "PRON", 3, "nsubj"),
        ("object", "object", "VERB", 6, "ccomp"),
        (",", ",", "PUNCT", 3, "punct"),
        ("”", "”", "PUNCT", 3, "punct"),
        ("said", "say", "VERB", 0, "root"),
        ("the", "the", "DET", 8, "det"),
        ("mayor", "mayor", "NOUN", 6, "nsubj"),
        (",", ",", "PUNCT", 14, "punct"),
        ("Ann", "Ann", "PROPN", 14, "nmod:poss"),
        ("Ruiz", "Ruiz", "PROPN", 10, "flat"),
        ("'s", "'s", "PART", 10, "case"),
        ("longtime", "longtime", "ADJ", 14, "amod"),
        ("rival", "rival", "NOUN", 8, "appos"),
        (".", ".", "PUNCT", 6, "punct"),
    ]
    assert _speaker_of_last_quotation(text, [rows]) == "the mayor"


@pytest.mark.parametrize("described", ["a Utah Republican", "a Utah-born Republican"])
def test_a_role_in_a_description_carries_the_nominals_capitalised_modifiers(described: str) -> None:
    """ "Bruce Hough, a Utah Republican, said" ... "The Wisconsin Republican did": the role
    ("Republican") is in Hough's description but the place ("Wisconsin") is not, so the nominal
    is not Hough; "the Utah Republican" is, also after "a Utah-born Republican" (a word of the
    description, not only a whole space-separated token)."""
    from quotecheck.sources.cluster import _role_in_description

    text = f"Bruce Hough, {described}, said so. The Wisconsin Republican did. The Utah Republican did."
    description = (text.index(described), text.index(", said"))
    hough = Mention(
        0,
        11,
        "Bruce Hough",
        MentionKind.NAME,
        "hough",
        "PROPN",
        "sing",
        False,
        0,
        ("Bruce", "Hough"),
        description=description,
    )

    def nominal(phrase: str) -> Mention:
        start = text.index(phrase)
        words = tuple(phrase.split())
        return Mention(
            start,
            start + len(phrase),
            phrase,
            MentionKind.NOMINAL,
            "republican",
            "PROPN",
            "sing",
            True,
            0,
            words,
        )

    cl = Clusterer(text, default_lexicon())
    idx = cl.resolve(hough)[0]
    wisconsin, utah = nominal("The Wisconsin Republican"), nominal("The Utah Republican")
    assert _role_in_description(cl, wisconsin, cl.earlier_list(wisconsin.start)) is None
    assert _role_in_description(cl, utah, cl.earlier_list(utah.start)) == idx


def test_the_asker_of_a_when_clause_is_not_the_he_who_answers() -> None:
    """ "Ryan did not smile when Tapper asked whether they would win. “We run,” he said.": Tapper,
    the subject of a "when ... asked" clause (``question_verbs``), is the asker, not the nearest
    subject the answer goes to; the "he" is Ryan, the subject of the main clause."""
    text = "Ryan did not smile when Tapper asked whether they would win. “We run,” he said."
    asked: Rows = [
        ("Ryan", "Ryan", "PROPN", 4, "nsubj"),
        ("did", "do", "AUX", 4, "aux"),
        ("not", "not", "PART", 4, "advmod"),
        ("smile", "smile", "VERB", 0, "root"),
        ("when", "when", "ADV", 7, "advmod"),
        ("Tapper", "Tapper", "PROPN", 7, "nsubj"),
        ("asked", "ask", "VERB", 4, "advcl"),
        ("whether", "whether", "SCONJ", 11, "mark"),
        ("they", "they", "PRON", 11, "nsubj"),
        ("would", "would", "AUX", 11, "aux"),
        ("win", "win", "VERB", 7, "ccomp"),
        (".", ".", "PUNCT", 4, "punct"),
    ]
    assert _speaker_of_last_quotation(text, [asked, _we_said("run", "run", "he")]) == "Ryan"


@pytest.mark.parametrize(
    "phrase, head, taken",
    [
        ("the source", "source", True),  # says nothing about who: the reporter taken up
        ("the person", "person", True),
        ("the band leader", "leader", False),  # a role: someone else than "a reporter"
        ("the judge", "judge", False),
    ],
)
def test_only_a_vague_nominal_takes_up_an_anonymous_descriptor(phrase: str, head: str, taken: bool) -> None:
    """ "A reporter asked ... the band leader said": a nominal takes up the nearest anonymous
    descriptor only when its head noun is vague (``vague_descriptors``, ``generic_roles``)."""
    from quotecheck.sources.cluster import _anonymous_descriptor

    text = f"A reporter asked about the song. Later {phrase} said it was old."

    def at(words: str, kind: MentionKind, lemma: str) -> Mention:
        start = text.index(words)
        return Mention(
            start, start + len(words), words, kind, lemma, "NOUN", "sing", False, 0, tuple(words.split())
        )

    cl = Clusterer(text, default_lexicon())
    reporter = cl.resolve(at("A reporter", MentionKind.DESCRIPTOR, "reporter"))[0]
    assert cl.sources[reporter].anonymous
    nominal = at(phrase, MentionKind.NOMINAL, head)
    found = _anonymous_descriptor(cl, nominal, cl.earlier_list(nominal.start))
    assert found == (reporter if taken else None)


@pytest.mark.parametrize("second, expected", [("", "Suu Kyi"), (" Ms. Lee agreed.", "Ganguly")])
def test_the_one_person_in_the_pronouns_paragraph_beats_the_last_speaker_before_it(
    second: str, expected: str
) -> None:
    """ "... said Ganguly. // Suu Kyi's fate is unclear. But she said so.": even with a ranker
    that trusts the last speaker (Ganguly, a paragraph back) above all, the only person of the
    pronoun's own paragraph is its antecedent; with two people there, the ranker decides."""
    from quotecheck.sources.cluster import pronoun_source

    weights = tuple(5.0 if name == "last_speaker" else 0.0 for name in FEATURES)
    text = f'"We lost," said Ganguly.\n\nSuu Kyi\'s fate is unclear.{second} But she said so.'

    def at(phrase: str, kind: MentionKind, lemma: str, sentence: int) -> Mention:
        start = text.index(phrase)
        words = tuple(phrase.split())
        return Mention(
            start, start + len(phrase), phrase, kind, lemma, "PROPN", "sing", False, sentence, words
        )

    cl = Clusterer(text, default_lexicon(), ranker=Ranker(weights))
    ganguly = cl.resolve(at("Ganguly", MentionKind.NAME, "ganguly", 0))[0]
    cl.link(ganguly, 0)
    cl.resolve(at("Suu Kyi", MentionKind.NAME, "kyi", 1))
    if second:
        cl.resolve(at("Ms. Lee", MentionKind.NAME, "lee", 2))
    found = pronoun_source(cl, at("she", MentionKind.PRONOUN, "she", 3 if second else 2))
    assert found is not None and cl.sources[found].name == expected
