"""The attribution pattern table: which pattern finds each cue, from stored parses."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quotecheck.attribution import INDIRECT_PATTERNS, POST_PATTERNS, PRE_PATTERNS, attribute
from quotecheck.quotes import scan_quotes
from quotecheck.sources import cluster_sources
from quotecheck.testing import ARTICLES, load_stored
from quotecheck.testing.fake_parse import ForgedRow, forged_attributions, forged_parse
from quotecheck.vocab import CuePattern, Resolution


def patterns(name: str) -> dict[str, CuePattern]:
    """The cue pattern of every attribution in a fixture article, by the start of its text."""
    doc, parse = load_stored(ARTICLES / name)
    return {
        a.text[:30]: a.cue.pattern
        for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])
        if a.cue is not None
    }


@pytest.mark.parametrize(
    "name, start, pattern",
    [
        ("01-layouts-said.txt", "This is the safest street we c", CuePattern.POST_VERB),
        ("01-layouts-said.txt", "Deliveries will still reach ev", CuePattern.PRE_VERB),
        ("01-layouts-said.txt", "the city had not listened to b", CuePattern.INDIRECT_VERB),
        ("11-partial-quotes-verbs-titles.txt", "If this passes, every acre of ", CuePattern.COLON_INTRO),
        ("18-md-council-rentals.md", "Short-term rentals bring 300,0", CuePattern.PREVIOUS_PARAGRAPH_COLON),
        ("03-seed-coast-guard-training.txt", "Training would center on Maren", CuePattern.ACCORDING_TO),
        (
            "28-background-briefing-shipyard.txt",
            "The Navy will move the overhau",
            CuePattern.INDIRECT_CONTENT_FIRST,
        ),
        ("02-floating-pronouns.txt", "that it would add telehealth a", CuePattern.INDIRECT_CLAUSE_AFTER),
        (
            "35-titles-later-descriptions.txt",
            "the department could begin wor",
            CuePattern.INDIRECT_CLAUSE_AFTER,
        ),
        ("13-qa-interview.txt", "Fishing is harder on your back", CuePattern.TRANSCRIPT),
    ],
)
def test_cue_pattern_names_the_layout(name, start, pattern):
    assert patterns(name)[start] is pattern


def test_blockquote_footer_names_the_speaker():
    """An HTML <blockquote>'s <footer> is a block of its own (``BlockKind.ATTRIBUTION``): the
    name in it is the speaker, with or without a dash."""
    doc, parse = load_stored(ARTICLES / "38-blockquote-footer-pier.txt")
    starts = [doc.text.index("— Mayor Dana Whitfield"), doc.text.index("Ray Osei, a commissioner")]
    footers = [(start, doc.text.index("\n", start)) for start in starts]
    found = {
        a.text[:20]: a
        for a in attribute(doc.text, parse, scan_quotes(doc.text)[0], footers=footers)
        if a.quote is not None
    }
    osei = found["Nobody asked the peo"]
    assert osei.cue is not None and osei.cue.pattern is CuePattern.BLOCKQUOTE_FOOTER
    assert osei.speaker is not None and osei.speaker.text == "Ray Osei"
    assert osei.speaker.description is not None
    assert doc.text[slice(*osei.speaker.description)] == "a commissioner who owns a cafe on the pier"
    mayor = found["We will rebuild the "]
    assert mayor.cue is not None and (mayor.cue.pattern, mayor.cue.text) == (
        CuePattern.BLOCKQUOTE_FOOTER,
        "—",
    )
    assert mayor.speaker is not None and mayor.speaker.text == "Mayor Dana Whitfield"
    plain = {a.text[:20]: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    assert plain["We will rebuild the "].cue is None  # plain text: no attribution block


def test_relative_pronoun_is_the_mention_and_stands_for_its_antecedent():
    """A cue verb in a relative clause ("Lena Marsh, who called ...") has "who" as its speaker
    mention, carrying the name it stands for; the source is the antecedent's. A dateline before
    the subject ("SEAVIEW — Mayor Alan Cho, ..., said") is not the speaker."""
    doc, parse = load_stored(ARTICLES / "45-relative-speakers-ferry-fares.txt")
    found = {a.text[:20]: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0]) if a.quote}
    marsh = found["a gift we can no lon"]
    assert marsh.speaker is not None and marsh.speaker.text == "who"
    assert marsh.speaker.antecedent is not None and marsh.speaker.antecedent.text == "Lena Marsh"
    assert marsh.resolution is Resolution.EXPLICIT
    analysis = cluster_sources(doc.text, parse, list(found.values()))
    linked = next(la for la in analysis.attributions if la.attribution is marsh)
    assert linked.source is not None and analysis.sources[linked.source].name == "Lena Marsh"
    assert linked.resolution is Resolution.EXPLICIT
    cho = found["Our commuters will p"].speaker
    assert cho is not None and cho.text == "Mayor Alan Cho"


def test_table_order():
    assert [p.name for p in POST_PATTERNS] == [
        CuePattern.BLOCKQUOTE_FOOTER,
        CuePattern.DASH_BYLINE,
        CuePattern.POST_VERB,
        CuePattern.ACCORDING_TO,
    ]
    assert [p.name for p in PRE_PATTERNS] == [
        CuePattern.PREVIOUS_PARAGRAPH_COLON,
        CuePattern.COLON_INTRO,
        CuePattern.PRE_VERB,
        CuePattern.ACCORDING_TO,
        CuePattern.NOUN_CUE,
    ]
    assert [p.name for p in INDIRECT_PATTERNS] == [
        CuePattern.INDIRECT_VERB,
        CuePattern.INDIRECT_CONTENT_FIRST,
        CuePattern.INDIRECT_CLAUSE_AFTER,
        CuePattern.INDIRECT_OBJECT,
    ]
    assert {p.name for p in POST_PATTERNS + PRE_PATTERNS + INDIRECT_PATTERNS} | {
        CuePattern.CHAINED,
        CuePattern.TRANSCRIPT,
        CuePattern.BLOCKQUOTE_FOOTER,
    } == set(CuePattern)


LAYOUTS = "42-reported-speech-layouts.txt"


@pytest.mark.parametrize(
    "start, pattern",
    [
        ("that cargo volumes will fall 3", CuePattern.INDIRECT_VERB),  # "the fund" can speak
        ("the board expected shipments t", CuePattern.INDIRECT_CLAUSE_AFTER),  # participle + noun
        ("the figures exaggerated", CuePattern.INDIRECT_OBJECT),  # "called X ADJ and ..."
        ("the governor has grown impatie", CuePattern.INDIRECT_CONTENT_FIRST),  # ", advisers say,"
        ("it would move two weekly saili", CuePattern.INDIRECT_VERB),  # "just this month announced"
        ("that the forecast was too gloo", CuePattern.INDIRECT_VERB),  # "said A, arguing that B"
        (
            "that the union was never consu",
            CuePattern.INDIRECT_CLAUSE_AFTER,
        ),  # "insist, most recently ..., that"
        ("The port's losses will shrink ", CuePattern.INDIRECT_CONTENT_FIRST),  # ", noted analyst X."
    ],
)
def test_reported_speech_layouts(start, pattern):
    assert patterns(LAYOUTS)[start] is pattern


def test_reported_speech_layout_speakers():
    """The speakers of the layouts the parse takes apart: the one between commas, the name
    behind a time phrase, the organization noun "fund"."""
    doc, parse = load_stored(ARTICLES / LAYOUTS)
    speakers = {
        a.text[:20]: a.speaker.text
        for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])
        if a.speaker is not None
    }
    assert speakers["that cargo volumes w"] == "the fund"
    assert speakers["the governor has gro"] == "advisers to the governor"
    assert speakers["it would move two we"] == "Coastal Freight"
    assert speakers["the figures exaggera"] == "The dockworkers' union"
    assert speakers["that the forecast wa"] == "Eli Shaw"  # the participle takes the main verb's speaker
    # "I should say that": the writer's own report, "I" its source (round 23, fixture 192)
    assert speakers["that my father worke"] == "I"
    assert speakers["the port lost two sh"] == "the Harbor Gazette"  # "As reported by X, CLAUSE"
    assert speakers["The port handled 41,"] == "corporate records"  # "according to state (VERB) ... records"


def test_phrase_complement_stops_before_a_participle():
    """ "spoke about the crane delay, saying that ...": the phrase ends before the comma."""
    doc, parse = load_stored(ARTICLES / LAYOUTS)
    texts = [a.text for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])]
    assert "the crane delay" in texts
    assert "the board would meet again in May" in texts  # not run on into ", arguing that"


def test_raising_verb_keeps_an_infinitive_cue():
    """Cue "appeared to suggest that": the infinitive still reports; a plain "to suggest" does not."""
    from quotecheck.attribution.indirect import _after_raising_verb, _infinitive_or_passive
    from quotecheck.lexicons import default_lexicon

    doc, parse = load_stored(ARTICLES / LAYOUTS)
    sent = next(s for s in parse.sentences if "appeared to suggest" in doc.text[s.start : s.end])
    suggest = next(w for w in sent.words if w.text == "suggest")
    to = sent.word(suggest.index - 1)
    lex = default_lexicon()
    assert _after_raising_verb(lex, sent, to)
    assert not _infinitive_or_passive(lex, sent, suggest)
    plain = next(s for s in parse.sentences if "shipments to recover" in doc.text[s.start : s.end])
    recover = next(w for w in plain.words if w.text == "recover")
    to = plain.word(recover.index - 1)
    assert to.text == "to" and not _after_raising_verb(lex, plain, to)  # "shipments to recover"
    assert _infinitive_or_passive(lex, plain, recover)


def test_content_stops_before_a_coordinated_cue():
    """Content "said A and suggested that B": the coordinator before "suggested" is where A may end."""
    from quotecheck.attribution.indirect import _coordinator_before

    doc, parse = load_stored(ARTICLES / LAYOUTS)
    sent = next(s for s in parse.sentences if "and suggested" in doc.text[s.start : s.end])
    suggested = next(w for w in sent.words if w.text == "suggested")
    cut = _coordinator_before(sent, suggested.start)
    assert cut is not None and doc.text[cut : suggested.start] == "and "
    said = next(w for w in sent.words if w.text == "said")
    assert _coordinator_before(sent, said.start) is None
    found = {a.text[:20]: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    assert found["that the port would "].text.endswith("by the end of March")


def test_unrecognised_cues_question_and_new_speech_verbs():
    """Speech verbs PolNeAR counts as cues ("pressed", "chanted", "opined") attribute their
    quotations, and a question closed by "?" keeps the verb after it even when that sentence
    runs into a title ("Calder remarked, pointing to ... titled “Ferries for Everyone.”"); a
    sentence ending in a speech verb introduces the quotation after it ("Ray Osei, agreed. “...”"),
    and a gerund cue's noun speaks ("dozens of commuters chanting “...”")."""
    doc, parse = load_stored(ARTICLES / "66-question-cues-chant-press.txt")
    found = {a.text[:12]: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0]) if a.quote}
    assert {
        k: (a.cue.text if a.cue else None, a.speaker.text if a.speaker else None) for k, a in found.items()
    } == {
        "Will the nig": ("asked", "Mayor Ines Calder"),
        "Would the co": ("pressed", "Lena Marsh"),
        "Who will pay": ("remarked", "Calder"),
        "Ferries for ": ("pointing", "Calder"),
        "Keep the nig": ("chanted", "residents"),
        "a fair start": ("opined", "Paul Ostrander"),
        "The winter s": ("said", "Calder"),
        "A smaller bo": ("agreed", "Ray Osei"),
        "Night boat n": ("chanting", "dozens of commuters"),
    }
    assert found["Who will pay"].resolution is Resolution.EXPLICIT


NESTED = "68-nested-reports-headline-cues.txt"


def test_nested_report_is_reported_once_with_the_outer_cue():
    """ "The survey showed that most fishermen said ...": one indirect quotation, the outer one."""
    doc, parse = load_stored(ARTICLES / NESTED)
    found = {a.text[:25]: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    assert found["that most fishermen said "].cue.text == "showed"
    assert found["that the port director sa"].cue.text == "noted"
    assert not any(k.startswith(("the new fees", "the dredging")) for k in found)


def test_headline_cue_reports_the_rest_of_the_line():
    """ "Brooks Claims Harbor Plan Will Pay for Itself": the tagger's long name holds the cue."""
    doc, parse = load_stored(ARTICLES / NESTED)
    first = attribute(doc.text, parse, scan_quotes(doc.text)[0])[0]
    assert first.text == "Harbor Plan Will Pay for Itself"
    assert first.cue is not None and first.cue.pattern is CuePattern.INDIRECT_CLAUSE_AFTER
    assert first.speaker is not None and first.speaker.text == "Brooks"  # the mention stops before the cue


def test_gerund_object_is_the_content():
    """ "The Brooks campaign reported spending $40,000 on ...": the gerund object is what was reported."""
    doc, parse = load_stored(ARTICLES / NESTED)
    found = {a.text: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    made = found["spending $40,000 on harbor mailers last month"]
    assert made.cue is not None and made.cue.pattern is CuePattern.INDIRECT_OBJECT
    assert made.speaker is not None and made.speaker.text == "The Brooks campaign"


def test_outermost_keeps_what_no_other_report_holds():
    """The one-sweep _outermost equals the plain definition: drop a content inside another
    (different) content that starts no later, when the other's cue comes before it."""
    import random

    from quotecheck.attribution import Attribution, Cue
    from quotecheck.attribution.indirect import _outermost
    from quotecheck.vocab import QuoteKind

    def made(start: int, end: int, cue: int) -> Attribution:
        c = Cue(cue, cue + 1, "x", "say", CuePattern.INDIRECT_VERB)
        return Attribution(start, end, QuoteKind.INDIRECT, "", None, c, None, None, 0)

    def plain(found: list[Attribution]) -> list[Attribution]:
        def holds(o: Attribution, a: Attribution) -> bool:
            assert o.cue is not None
            inside = o.start <= a.start and a.end <= o.end and (o.start, o.end) != (a.start, a.end)
            return inside and o.cue.start < a.start

        return [a for a in found if not any(holds(o, a) for o in found if o is not a)]

    rng = random.Random(7)
    dropped = 0
    for _ in range(300):
        found = []
        for _ in range(rng.randint(1, 6)):
            start = rng.randint(0, 30)
            found.append(made(start, start + rng.randint(1, 20), rng.randint(0, 50)))
        assert _outermost(found, set()) == plain(found)
        dropped += len(found) - len(plain(found))
    assert dropped > 50  # the draws do nest


NESTED_CUES = "72-nested-cues-name-colons-ferry.txt"


@pytest.mark.parametrize(
    "start, speaker, pattern",
    [
        # "“Q?” asked X, ... what she calls “Q2”": the sentence goes on, the cue stays Q1's
        ("Is the county running against ", "Mayor Lena Ortiz", CuePattern.POST_VERB),
        # the nearest verb's subject cannot speak: the earlier verb's subject speaks
        ("absolute secrecy.", "Harlan Reed", CuePattern.PRE_VERB),
        # "As X put it in her memo ... explaining the plan, “Q”"
        ("Nobody rides a ferry that neve", "Priya Natarajan", CuePattern.PRE_VERB),
        # the outer source, a document the tagger may call a verb
        ("We are done here,", "audio", CuePattern.ACCORDING_TO),
        # a sentence that is only a name (after a description, before a party label) and a colon
        ("We will keep the boats running", "Ortiz", CuePattern.COLON_INTRO),
        ("Not at this price.", "Harlan Reed", CuePattern.COLON_INTRO),
        # "“Q?” Ortiz asks as ..., saying he is “Q2”": the second verb is Q2's, the first Q1's
        ("Is it two boats? Three?", "Ortiz", CuePattern.POST_VERB),
        # "“Q,” and Natarajan talks about": a clause of its own; the verb before speaks
        ("a bridge that floats,", "Reed", CuePattern.PRE_VERB),
        # "Quill, who has called": "who" for the name where the parse makes no relative clause
        ("a tax on islanders,", "who", CuePattern.PRE_VERB),
        # "released a statement saying “Q”": the statement's author
        ("a betrayal of the islands.", "The Dunmore Ferry Riders Union", CuePattern.PRE_VERB),
    ],
)
def test_nested_cues_and_name_colons(start, speaker, pattern):
    doc, parse = load_stored(ARTICLES / NESTED_CUES)
    found = {a.text[:30]: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    assert found[start].speaker is not None and found[start].speaker.text == speaker
    assert found[start].cue is not None and found[start].cue.pattern is pattern


SAID_OBJECTS = "74-said-object-verbs-ferry-contract.txt"


def test_said_object_verbs_report_their_object():
    """ "The operator denied any wrongdoing": the object of a reporting verb in lexicon
    ``said_object_verbs`` is what was said; "wrote a letter", "added two boats" are not."""
    doc, parse = load_stored(ARTICLES / SAID_OBJECTS)
    found = {a.text: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    for content, cue in (
        ("any wrongdoing", "denied"),
        ("a loss of $2 million on the route last year", "reported"),
    ):
        assert found[content].cue is not None and found[content].cue.text == cue
        assert found[content].cue.pattern is CuePattern.INDIRECT_CLAUSE_AFTER
    assert not any(a.cue is not None and a.cue.lemma in ("write", "add") for a in found.values())


def test_report_inside_a_relative_clause():
    """ "a letter that engineers said was written after ...": the speaker sits between the
    relative word and the verb, the content starts at the finite verb after it."""
    doc, parse = load_stored(ARTICLES / "75-reports-in-relative-clauses-levee.txt")
    found = {a.text: a for a in attribute(doc.text, parse, scan_quotes(doc.text)[0])}
    for content, speaker in (
        ("was written after the spring floods", "engineers"),
        ("will take six weeks", "the contractor"),
    ):
        assert found[content].speaker is not None and found[content].speaker.text == speaker
    assert not any(a.cue is not None and a.cue.lemma == "reject" for a in found.values())


def _quoted(text: str, rows: Sequence[ForgedRow]) -> list[tuple[str, str | None, str | None]]:
    """Each quotation's (text, cue, speaker) on a forged one-sentence parse of ``text``: rows of
    (word, lemma, upos[, xpos], head, deprel), offsets found in the text."""
    return [
        (a.text, a.cue.text if a.cue else None, a.speaker.text if a.speaker else None)
        for a in forged_attributions(text, rows)
        if a.quote
    ]


def _forged(text: str, rows: Sequence[ForgedRow]) -> dict[str, tuple[str | None, str | None]]:
    """Each quotation's (cue, speaker) on a forged one-sentence parse of ``text``, by its text."""
    return {quote: (cue, speaker) for quote, cue, speaker in _quoted(text, rows)}


def _sole_cue_and_speaker(text: str, rows: Sequence[ForgedRow]) -> tuple[str | None, str | None]:
    """The (cue, speaker) of the one quotation on a forged parse of ``text``; fails unless there
    is exactly one."""
    found = _quoted(text, rows)
    assert len(found) == 1
    return found[0][1:]


def test_as_put_it_leaves_a_later_quotation_to_its_own_speaker():
    """ "As Smith put it, “Q1,” and Jones added, “Q2”": Q1 is Smith's, Q2 is Jones's."""
    text = "As Smith put it, “We lost,” and Jones added, “We won.”"
    rows = [
        ("As", "as", "SCONJ", 3, "mark"),
        ("Smith", "Smith", "PROPN", 3, "nsubj"),
        ("put", "put", "VERB", 8, "advcl"),
        ("it", "it", "PRON", 3, "obj"),
        (",", ",", "PUNCT", 3, "punct"),
        ("“", "“", "PUNCT", 8, "punct"),
        ("We", "we", "PRON", 8, "nsubj"),
        ("lost", "lose", "VERB", 0, "root"),
        (",", ",", "PUNCT", 8, "punct"),
        ("”", "”", "PUNCT", 8, "punct"),
        ("and", "and", "CCONJ", 13, "cc"),
        ("Jones", "Jones", "PROPN", 13, "nsubj"),
        ("added", "add", "VERB", 8, "conj"),
        (",", ",", "PUNCT", 13, "punct"),
        ("“", "“", "PUNCT", 17, "punct"),
        ("We", "we", "PRON", 17, "nsubj"),
        ("won", "win", "VERB", 13, "ccomp"),
        (".", ".", "PUNCT", 17, "punct"),
        ("”", "”", "PUNCT", 17, "punct"),
    ]
    found = _forged(text, rows)
    assert found["We won."] == ("added", "Jones")
    assert found["We lost,"][1] == "Smith"


def test_hard_wrapped_line_keeps_the_verb_after_the_quotation():
    """ "“Is the ferry safe?”⏎asked Mayor Smith ...": a next line in lower case goes on the
    sentence, so the verb after the break is the quotation's cue (a capitalised line would be
    the next paragraph)."""
    text = "“Is the ferry safe?”\nasked Mayor Smith at the pier."
    rows = [
        ("“", "“", "PUNCT", 5, "punct"),
        ("Is", "be", "AUX", 5, "cop"),
        ("the", "the", "DET", 4, "det"),
        ("ferry", "ferry", "NOUN", 5, "nsubj"),
        ("safe", "safe", "ADJ", 8, "ccomp"),
        ("?", "?", "PUNCT", 5, "punct"),
        ("”", "”", "PUNCT", 5, "punct"),
        ("asked", "ask", "VERB", 0, "root"),
        ("Mayor", "Mayor", "PROPN", 10, "compound"),
        ("Smith", "Smith", "PROPN", 8, "nsubj"),
        ("at", "at", "ADP", 13, "case"),
        ("the", "the", "DET", 13, "det"),
        ("pier", "pier", "NOUN", 8, "obl"),
        (".", ".", "PUNCT", 8, "punct"),
    ]
    assert _forged(text, rows)["Is the ferry safe?"] == ("asked", "Mayor Smith")


def _colon_rows(words: list[tuple[str, str, str]]) -> list[tuple[str, str, str, int, str]]:
    """Rows for "<words>: “Fund the ferry.”": the words hang on the quotation's verb."""
    n = len(words)
    verb = n + 3  # after the words, the colon and the opening mark
    rows = [(w, lemma, upos, verb, "dep") for w, lemma, upos in words]
    return [
        *rows,
        (":", ":", "PUNCT", verb, "punct"),
        ("“", "“", "PUNCT", verb, "punct"),
        ("Fund", "fund", "VERB", 0, "root"),
        ("the", "the", "DET", verb + 2, "det"),
        ("ferry", "ferry", "NOUN", verb, "obj"),
        (".", ".", "PUNCT", verb, "punct"),
        ("”", "”", "PUNCT", verb, "punct"),
    ]


def test_name_colon_needs_a_role_before_the_name():
    """ "Council member Harlan Reed: “Q”" names the speaker; "The message to Congress: “Q”" does
    not (a description with no word for a person's role)."""
    named = [("Council", "council", "NOUN"), ("member", "member", "NOUN"), ("Harlan", "Harlan", "PROPN")]
    named.append(("Reed", "Reed", "PROPN"))
    text = "Council member Harlan Reed: “Fund the ferry.”"
    assert _forged(text, _colon_rows(named))["Fund the ferry."] == (":", "Harlan Reed")
    message = [("The", "the", "DET"), ("message", "message", "NOUN"), ("to", "to", "ADP")]
    message.append(("Congress", "Congress", "PROPN"))
    text = "The message to Congress: “Fund the ferry.”"
    assert _forged(text, _colon_rows(message))["Fund the ferry."][1] != "Congress"


def test_pull_quote_credit_line_holds_a_name_or_a_role():
    """A pull quote's last line credits it when it holds a name ("Josh Bivens, Economic Policy
    Institute"), not when it is a list's last item ("Better docks")."""
    credited = '"We need more boats.\nJosh Bivens, Economic Policy Institute."'
    rows = [
        ('"', '"', "PUNCT", 3, "punct"),
        ("We", "we", "PRON", 3, "nsubj"),
        ("need", "need", "VERB", 0, "root"),
        ("more", "more", "ADJ", 5, "amod"),
        ("boats", "boat", "NOUN", 3, "obj"),
        (".", ".", "PUNCT", 3, "punct"),
        ("Josh", "Josh", "PROPN", 3, "dep"),
        ("Bivens", "Bivens", "PROPN", 7, "flat"),
        (",", ",", "PUNCT", 13, "punct"),
        ("Economic", "Economic", "PROPN", 13, "compound"),
        ("Policy", "Policy", "PROPN", 13, "compound"),
        ("Institute", "Institute", "PROPN", 13, "compound"),
        (".", ".", "PUNCT", 3, "punct"),
        ('"', '"', "PUNCT", 3, "punct"),
    ]
    rows[11] = ("Institute", "Institute", "PROPN", 7, "appos")
    (found,) = _forged(credited, rows).values()
    assert found[1] == "Josh Bivens"
    listed = '"We need:\nMore boats\nBetter docks."'
    rows = [
        ('"', '"', "PUNCT", 3, "punct"),
        ("We", "we", "PRON", 3, "nsubj"),
        ("need", "need", "VERB", 0, "root"),
        (":", ":", "PUNCT", 3, "punct"),
        ("More", "more", "ADJ", 6, "amod"),
        ("boats", "boat", "NOUN", 3, "obj"),
        ("Better", "better", "ADJ", 8, "amod"),
        ("docks", "dock", "NOUN", 6, "conj"),
        (".", ".", "PUNCT", 3, "punct"),
        ('"', '"', "PUNCT", 3, "punct"),
    ]
    (found,) = _forged(listed, rows).values()
    assert found[1] != "Better docks"


_NAMED_SUBJECT = [("Whitfield", "Whitfield", "PROPN", 2, "nsubj")]
_THING_SUBJECT = [("The", "the", "DET", 2, "det"), ("company", "company", "NOUN", 3, "nsubj")]


@pytest.mark.parametrize(("subject", "speaker"), [(_NAMED_SUBJECT, "Whitfield"), (_THING_SUBJECT, None)])
def test_a_quotation_after_a_comma_takes_the_clause_subject_only_when_named(
    subject: list[tuple[str, str, str, int, str]], speaker: str | None
) -> None:
    """ "Whitfield issued a statement, “We will pay.”": a quotation after a comma, with no speech
    verb, goes to the subject of the verb it hangs on when that subject is a name or a pronoun
    (_clause_subject); "The company issued a statement, “Q”" leaves it to the other layouts."""
    text = f"{' '.join(row[0] for row in subject)} issued a statement, “We will pay.”"
    n = len(subject)
    rows = [
        *subject,
        ("issued", "issue", "VERB", 0, "root"),
        ("a", "a", "DET", n + 3, "det"),
        ("statement", "statement", "NOUN", n + 1, "obj"),
        (",", ",", "PUNCT", n + 1, "punct"),
        ("“", "“", "PUNCT", n + 8, "punct"),
        ("We", "we", "PRON", n + 8, "nsubj"),
        ("will", "will", "AUX", n + 8, "aux"),
        ("pay", "pay", "VERB", n + 1, "parataxis"),
        (".", ".", "PUNCT", n + 8, "punct"),
        ("”", "”", "PUNCT", n + 8, "punct"),
    ]
    assert _forged(text, rows)["We will pay."][1] == speaker


def test_participle_after_a_comma_goes_to_the_main_clause_subject():
    """ "Putin veered close to an admission that soldiers had fought in the war in eastern
    Ukraine, saying, “Q”" where the parse hangs "saying" on a verb inside the quotation: the
    surface noun before the comma ("the war") sits in a prepositional phrase, so the main
    clause's subject speaks (the compact parser's tree, PolNeAR tuning set)."""
    text = (
        "Mr. Putin veered close to an admission that soldiers had fought in the war in eastern Ukraine, "
        "saying, “We never said there were no people there.”"
    )
    rows = [
        ("Mr.", "Mr.", "PROPN", 2, "nmod:desc"),
        ("Putin", "Putin", "PROPN", 3, "nsubj"),
        ("veered", "veer", "VERB", "VBD", 0, "root"),
        ("close", "close", "ADJ", 3, "xcomp"),
        ("to", "to", "ADP", 7, "case"),
        ("an", "a", "DET", 7, "det"),
        ("admission", "admission", "NOUN", 3, "obl"),
        ("that", "that", "SCONJ", 11, "mark"),
        ("soldiers", "soldier", "NOUN", 11, "nsubj"),
        ("had", "have", "AUX", 11, "aux"),
        ("fought", "fight", "VERB", "VBN", 7, "acl:relcl"),
        ("in", "in", "ADP", 14, "case"),
        ("the", "the", "DET", 14, "det"),
        ("war", "war", "NOUN", 11, "obl"),
        ("in", "in", "ADP", 17, "case"),
        ("eastern", "eastern", "ADJ", 17, "amod"),
        ("Ukraine", "Ukraine", "PROPN", 14, "nmod"),
        (",", ",", "PUNCT", 19, "punct"),
        ("saying", "say", "VERB", "VBG", 24, "ccomp"),
        (",", ",", "PUNCT", 19, "punct"),
        ("“", "“", "PUNCT", 24, "punct"),
        ("We", "we", "PRON", 24, "nsubj"),
        ("never", "never", "ADV", 24, "advmod"),
        ("said", "say", "VERB", "VBD", 3, "parataxis"),
        ("there", "there", "PRON", 26, "expl"),
        ("were", "be", "AUX", "VBD", 24, "ccomp"),
        ("no", "no", "DET", 28, "det"),
        ("people", "person", "NOUN", 26, "nsubj"),
        ("there", "there", "ADV", 26, "advmod"),
        (".", ".", "PUNCT", 24, "punct"),
        ("”", "”", "PUNCT", 24, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("saying", "Mr. Putin")


def test_colon_introduction_with_a_date_subject_takes_the_name_before_it():
    """ "Priebus later Thursday told Fox News: “Q”" where the compact parser makes "Thursday" the
    subject and "Priebus" its compound: the speaker mention is the name alone, not "Priebus later
    Thursday" (which names no one the article knows)."""
    text = "Priebus later Thursday told Fox News: “Both men are meeting next week.”"
    rows = [
        ("Priebus", "Priebus", "PROPN", 3, "compound"),
        ("later", "late", "ADJ", 3, "amod"),
        ("Thursday", "Thursday", "PROPN", 4, "nsubj"),
        ("told", "tell", "VERB", "VBD", 0, "root"),
        ("Fox", "Fox", "PROPN", 6, "compound"),
        ("News", "News", "PROPN", 4, "obj"),
        (":", ":", "PUNCT", 12, "punct"),
        ("“", "“", "PUNCT", 12, "punct"),
        ("Both", "both", "DET", 10, "det"),
        ("men", "man", "NOUN", 12, "nsubj"),
        ("are", "be", "AUX", 12, "aux"),
        ("meeting", "meet", "VERB", "VBG", 4, "ccomp"),
        ("next", "next", "ADJ", 14, "amod"),
        ("week", "week", "NOUN", 12, "obl:unmarked"),
        (".", ".", "PUNCT", 12, "punct"),
        ("”", "”", "PUNCT", 12, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("told", "Priebus")


def test_gerund_cue_speaker_is_a_subject_before_it():
    """ "A Chinese official responded by saying Japan should be careful “Q”" where the compact
    parser makes "careful" the root with both "official" and "Japan" its subjects: the speaker of
    "saying" is the subject before it, not the reported clause's subject after it."""
    text = "A Chinese official responded by saying Japan should be careful “not to interfere.”"
    rows = [
        ("A", "a", "DET", 3, "det"),
        ("Chinese", "Chinese", "ADJ", 3, "amod"),
        ("official", "official", "ADJ", 10, "nsubj"),
        ("responded", "respond", "VERB", "VBN", 10, "advcl"),
        ("by", "by", "ADP", 6, "mark"),
        ("saying", "say", "VERB", "VBG", 4, "advcl"),
        ("Japan", "Japan", "PROPN", 10, "nsubj"),
        ("should", "should", "AUX", 10, "aux"),
        ("be", "be", "AUX", 10, "cop"),
        ("careful", "careful", "ADJ", 0, "root"),
        ("“", "“", "PUNCT", 14, "punct"),
        ("not", "not", "PART", 14, "advmod"),
        ("to", "to", "PART", 14, "mark"),
        ("interfere", "interfere", "VERB", "VB", 10, "xcomp"),
        (".", ".", "PUNCT", 10, "punct"),
        ("”", "”", "PUNCT", 10, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("saying", "A Chinese official")


def test_inverted_verb_after_a_comma_speaks_for_the_name_after_it():
    """ "The puzzle of the race, says Carl Benton, historian at ..., is that she was “Q”" where the
    compact parser gives "says" two subjects, the noun before the comma and the name after it: the
    name right after a speech verb that follows a comma is the speaker (PolNeAR tuning set)."""
    text = (
        "The puzzle of the race, says Carl Benton, historian at the State Library, is that she was "
        "“one of the strongest candidates.”"
    )
    rows = [
        ("The", "the", "DET", 2, "det"),
        ("puzzle", "puzzle", "NOUN", 7, "nsubj"),
        ("of", "of", "ADP", 5, "case"),
        ("the", "the", "DET", 5, "det"),
        ("race", "race", "NOUN", 2, "nmod"),
        (",", ",", "PUNCT", 2, "punct"),
        ("says", "say", "VERB", "VBZ", 0, "root"),
        ("Carl", "Carl", "PROPN", "NNP", 7, "nsubj"),
        ("Benton", "Benton", "PROPN", "NNP", 8, "flat"),
        (",", ",", "PUNCT", 11, "punct"),
        ("historian", "historian", "NOUN", 8, "appos"),
        ("at", "at", "ADP", 15, "case"),
        ("the", "the", "DET", 15, "det"),
        ("State", "State", "PROPN", 15, "compound"),
        ("Library", "Library", "PROPN", 11, "nmod"),
        (",", ",", "PUNCT", 2, "punct"),
        ("is", "be", "AUX", "VBZ", 22, "cop"),
        ("that", "that", "SCONJ", 22, "mark"),
        ("she", "she", "PRON", 22, "nsubj"),
        ("was", "be", "AUX", "VBD", 22, "cop"),
        ("“", "“", "PUNCT", 22, "punct"),
        ("one", "one", "NUM", 7, "ccomp"),
        ("of", "of", "ADP", 26, "case"),
        ("the", "the", "DET", 26, "det"),
        ("strongest", "strong", "ADJ", 26, "amod"),
        ("candidates", "candidate", "NOUN", 22, "nmod"),
        (".", ".", "PUNCT", 7, "punct"),
        ("”", "”", "PUNCT", 7, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("says", "Carl Benton")


def test_name_before_a_comma_set_aside_is_the_speaker():
    """ "Washington Post columnist Margaret Sullivan, in an attempt to draw attention to the
    silence, wrote, “Q”" where the compact parser makes a noun of the aside ("attention") the
    subject: the noun phrase that opens the clause, ending in a name, speaks (PolNeAR tuning set)."""
    text = (
        "Washington Post columnist Margaret Sullivan, in an attempt to draw attention to the silence, "
        "wrote, “The candidate answered seven questions.”"
    )
    rows = [
        ("Washington", "Washington", "PROPN", "NNP", 5, "compound"),
        ("Post", "Post", "PROPN", "NNP", 5, "compound"),
        ("columnist", "columnist", "NOUN", "NN", 5, "compound"),
        ("Margaret", "Margaret", "PROPN", "NNP", 5, "compound"),
        ("Sullivan", "Sullivan", "PROPN", "NNP", 17, "dislocated"),
        (",", ",", "PUNCT", 5, "punct"),
        ("in", "in", "ADP", 9, "case"),
        ("an", "a", "DET", 9, "det"),
        ("attempt", "attempt", "NOUN", 17, "obl"),
        ("to", "to", "PART", 11, "mark"),
        ("draw", "draw", "VERB", "VB", 9, "acl"),
        ("attention", "attention", "NOUN", 17, "nsubj"),
        ("to", "to", "ADP", 15, "case"),
        ("the", "the", "DET", 15, "det"),
        ("silence", "silence", "NOUN", 12, "nmod"),
        (",", ",", "PUNCT", 12, "punct"),
        ("wrote", "write", "VERB", "VBD", 0, "root"),
        (",", ",", "PUNCT", 22, "punct"),
        ("“", "“", "PUNCT", 22, "punct"),
        ("The", "the", "DET", 21, "det"),
        ("candidate", "candidate", "NOUN", 22, "nsubj"),
        ("answered", "answer", "VERB", "VBD", 17, "ccomp"),
        ("seven", "seven", "NUM", 24, "nummod"),
        ("questions", "question", "NOUN", 22, "obj"),
        (".", ".", "PUNCT", 17, "punct"),
        ("”", "”", "PUNCT", 17, "punct"),
    ]
    cue, speaker = _sole_cue_and_speaker(text, rows)
    assert cue == "wrote" and speaker is not None and speaker.endswith("Margaret Sullivan")


def test_speech_verb_speaks_for_the_name_on_its_left_not_its_object():
    """ "And Kessler called Bramwell “a real smart guy.”" where the compact parser tags "Kessler"
    an adverb and leaves "called" without a subject: the capitalised word right before a speech
    verb that is not inverted speaks, not the object after it (PolNeAR tuning set)."""
    text = "And Kessler called Bramwell “a real smart guy.”"
    rows = [
        ("And", "and", "CCONJ", "CC", 3, "cc"),
        ("Kessler", "Kessler", "ADV", "RB", 3, "advmod"),
        ("called", "call", "VERB", "VBD", 0, "root"),
        ("Bramwell", "Bramwell", "PROPN", "NNP", 3, "obj"),
        ("“", "“", "PUNCT", 9, "punct"),
        ("a", "a", "DET", 9, "det"),
        ("real", "real", "ADJ", 9, "amod"),
        ("smart", "smart", "ADJ", 9, "amod"),
        ("guy", "guy", "NOUN", 3, "obj"),
        (".", ".", "PUNCT", 3, "punct"),
        ("”", "”", "PUNCT", 3, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("called", "Kessler")


def test_name_with_an_aside_after_a_subordinator_is_the_speaker():
    """ "The dispute began Friday after Mr. Hale, asked about the fees, had said, “Q”" where the
    compact parser hangs "said" on the main verb, whose subject ("The dispute") it then takes: the
    name right after the subordinator, before its comma-set aside, speaks (PolNeAR tuning set)."""
    text = "The dispute began Friday after Mr. Hale, asked about the fees, had said, “We pay what we owe.”"
    rows = [
        ("The", "the", "DET", 2, "det"),
        ("dispute", "dispute", "NOUN", 3, "nsubj"),
        ("began", "begin", "VERB", "VBD", 0, "root"),
        ("Friday", "Friday", "PROPN", "NNP", 3, "obj"),
        ("after", "after", "ADP", "IN", 7, "case"),
        ("Mr.", "Mr.", "PROPN", "NNP", 7, "nmod:desc"),
        ("Hale", "Hale", "PROPN", "NNP", 3, "obl"),
        (",", ",", "PUNCT", 9, "punct"),
        ("asked", "ask", "VERB", "VBN", 3, "advcl"),
        ("about", "about", "ADP", 12, "case"),
        ("the", "the", "DET", 12, "det"),
        ("fees", "fee", "NOUN", 9, "obl"),
        (",", ",", "PUNCT", 15, "punct"),
        ("had", "have", "AUX", "VBD", 15, "aux"),
        ("said", "say", "VERB", "VBN", 3, "parataxis"),
        (",", ",", "PUNCT", 19, "punct"),
        ("“", "“", "PUNCT", 19, "punct"),
        ("We", "we", "PRON", 19, "nsubj"),
        ("pay", "pay", "VERB", "VBP", 3, "parataxis"),
        ("what", "what", "PRON", 19, "obj"),
        ("we", "we", "PRON", 22, "nsubj"),
        ("owe", "owe", "VERB", "VBP", 20, "acl:relcl"),
        (".", ".", "PUNCT", 3, "punct"),
        ("”", "”", "PUNCT", 3, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("said", "Mr. Hale")


def test_pronoun_in_a_free_relative_gives_way_to_the_clause_subject():
    """ "Senator Tom Ekdahl condemned what he called a “brazen breach” of the rules": a quotation
    named in a free relative ("what he called") by a pronoun belongs to the subject of the clause
    it sits in (PolNeAR marks that subject, not the pronoun), when the pronoun can stand for it."""
    text = "Senator Tom Ekdahl condemned what he called a “brazen breach” of the rules."
    rows = [
        ("Senator", "Senator", "PROPN", "NNP", 2, "nmod:desc"),
        ("Tom", "Tom", "PROPN", "NNP", 4, "nsubj"),
        ("Ekdahl", "Ekdahl", "PROPN", "NNP", 2, "flat"),
        ("condemned", "condemn", "VERB", "VBD", 0, "root"),
        ("what", "what", "PRON", "WP", 4, "obj"),
        ("he", "he", "PRON", "PRP", 7, "nsubj"),
        ("called", "call", "VERB", "VBD", 5, "acl:relcl"),
        ("a", "a", "DET", 11, "det"),
        ("“", "“", "PUNCT", 11, "punct"),
        ("brazen", "brazen", "ADJ", 11, "amod"),
        ("breach", "breach", "NOUN", 7, "obj"),
        ("”", "”", "PUNCT", 11, "punct"),
        ("of", "of", "ADP", 15, "case"),
        ("the", "the", "DET", 15, "det"),
        ("rules", "rule", "NOUN", 11, "nmod"),
        (".", ".", "PUNCT", 4, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("called", "Senator Tom Ekdahl")
    she = text.replace(" he ", " she ")  # "she" cannot stand for Tom Ekdahl: the pronoun stays
    rows_she = [("she", "she", "PRON", "PRP", 7, "nsubj") if r[0] == "he" else r for r in rows]
    assert _quoted(she, rows_she)[0][2] == "she"


def test_colon_after_a_later_speech_verb_of_a_relative_document():
    """ "She shared a message from Kim that read: “Q”": a relative "that" closing the colon's
    stretch stands for a document, whose sender speaks through the first verb; "..., to which
    Kim replied: “Q”" gives the words to the later verb's subject (_speaker_closing_colon)."""
    text = "Lee posted a message from Kim that read: “We are ready.”"
    rows = [
        ("Lee", "Lee", "PROPN", 2, "nsubj"),
        ("posted", "post", "VERB", 0, "root"),
        ("a", "a", "DET", 4, "det"),
        ("message", "message", "NOUN", 2, "obj"),
        ("from", "from", "ADP", 6, "case"),
        ("Kim", "Kim", "PROPN", 4, "nmod"),
        ("that", "that", "PRON", 8, "nsubj"),
        ("read", "read", "VERB", "VBD", 4, "acl:relcl"),
        (":", ":", "PUNCT", 13, "punct"),
        ("“", "“", "PUNCT", 13, "punct"),
        ("We", "we", "PRON", 13, "nsubj"),
        ("are", "be", "AUX", 13, "cop"),
        ("ready", "ready", "ADJ", 2, "parataxis"),
        (".", ".", "PUNCT", 13, "punct"),
        ("”", "”", "PUNCT", 13, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("posted", "Lee")
    text = "Lee said it was done, to which Kim replied: “We are ready.”"
    rows = [
        ("Lee", "Lee", "PROPN", 2, "nsubj"),
        ("said", "say", "VERB", 0, "root"),
        ("it", "it", "PRON", 5, "nsubj"),
        ("was", "be", "AUX", 5, "aux:pass"),
        ("done", "do", "VERB", 2, "ccomp"),
        (",", ",", "PUNCT", 10, "punct"),
        ("to", "to", "ADP", 8, "case"),
        ("which", "which", "PRON", 10, "obl"),
        ("Kim", "Kim", "PROPN", 10, "nsubj"),
        ("replied", "reply", "VERB", 5, "advcl"),
        (":", ":", "PUNCT", 15, "punct"),
        ("“", "“", "PUNCT", 15, "punct"),
        ("We", "we", "PRON", 15, "nsubj"),
        ("are", "be", "AUX", 15, "cop"),
        ("ready", "ready", "ADJ", 2, "parataxis"),
        (".", ".", "PUNCT", 15, "punct"),
        ("”", "”", "PUNCT", 15, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("replied", "Kim")


def test_participle_on_the_addressee_of_an_email_is_its_senders():
    """ "Her campaign quickly blasted out an email to supporters stating, “Q.”" with the compact
    parse's tree ("stating" hung on "supporters"): the sender speaks, not the addressees."""
    text = "Her campaign quickly blasted out an email to supporters stating, “Ryan Joins the List.”"
    rows = [
        ("Her", "she", "PRON", "PRP$", 2, "nmod:poss"),
        ("campaign", "campaign", "NOUN", "NN", 4, "nsubj"),
        ("quickly", "quickly", "ADV", "RB", 4, "advmod"),
        ("blasted", "blast", "VERB", "VBD", 0, "root"),
        ("out", "out", "ADP", "RP", 4, "compound:prt"),
        ("an", "a", "DET", "DT", 7, "det"),
        ("email", "email", "NOUN", "NN", 4, "obj"),
        ("to", "to", "ADP", "IN", 9, "case"),
        ("supporters", "supporter", "NOUN", "NNS", 7, "nmod"),
        ("stating", "state", "VERB", "VBG", 9, "acl"),
        (",", ",", "PUNCT", ",", 16, "punct"),
        ("“", "“", "PUNCT", "``", 16, "punct"),
        ("Ryan", "Ryan", "PROPN", "NNP", 14, "nsubj"),
        ("Joins", "join", "VERB", "VBZ", 10, "ccomp"),
        ("the", "the", "DET", "DT", 16, "det"),
        ("List", "list", "PROPN", "NNP", 14, "obj"),
        (".", ".", "PUNCT", ".", 4, "punct"),
        ("”", "”", "PUNCT", "''", 4, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("stating", "Her campaign")


def test_his_aides_speak_for_the_person_his_names():
    """ "Tim Scott pushed the bill, and his aides say it is too early.": "his aides" are staff of
    the named person "his" takes up and speak for him (docs/labelling.md: the labelled set types
    a named person's aides as that person), not anonymous sources nor an organization named
    "Tim Scott"."""
    text = "Tim Scott pushed the bill, and his aides say it is too early."
    rows = [
        ("Tim", "Tim", "PROPN", "NNP", 3, "nsubj"),
        ("Scott", "Scott", "PROPN", "NNP", 1, "flat"),
        ("pushed", "push", "VERB", "VBD", 0, "root"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("bill", "bill", "NOUN", "NN", 3, "obj"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ("and", "and", "CCONJ", "CC", 10, "cc"),
        ("his", "he", "PRON", "PRP$", 9, "nmod:poss"),
        ("aides", "aide", "NOUN", "NNS", 10, "nsubj"),
        ("say", "say", "VERB", "VBP", 3, "conj"),
        ("it", "it", "PRON", "PRP", 14, "nsubj"),
        ("is", "be", "AUX", "VBZ", 14, "cop"),
        ("too", "too", "ADV", "RB", 14, "advmod"),
        ("early", "early", "ADJ", "JJ", 10, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    parse = forged_parse(text, rows)
    found = [a for a in attribute(text, parse, []) if a.speaker is not None and a.speaker.text == "his aides"]
    analysis = cluster_sources(text, parse, found)
    source = analysis.sources[analysis.attributions[0].source]
    assert (source.type, source.name) == ("named_person", "Tim Scott")


def test_inverted_cue_with_no_subject_speaks_for_the_name_after_it():
    """ "Because of how Democrats crafted the schedule, explained Rosenberg, “Q”" where the compact
    parser makes "explained" a conjunct of "crafted" with no subject and "Rosenberg" its complement:
    the verb after the comma is inverted, the name after it speaks, not the earlier clause's
    subject (`_inverted_without_subject`; PolNeAR tuning set)."""
    text = "Because of how Democrats crafted the schedule, explained Rosenberg, “there is a scenario.”"
    rows = [
        ("Because", "because", "SCONJ", "IN", 5, "mark"),
        ("of", "of", "ADP", "IN", 3, "case"),
        ("how", "how", "ADV", "WRB", 5, "advmod"),
        ("Democrats", "Democrats", "PROPN", "NNS", 5, "nsubj"),
        ("crafted", "craft", "VERB", "VBD", 14, "advcl"),
        ("the", "the", "DET", 7, "det"),
        ("schedule", "schedule", "NOUN", 5, "obj"),
        (",", ",", "PUNCT", 5, "punct"),
        ("explained", "explain", "VERB", "VBN", 5, "conj"),
        ("Rosenberg", "Rosenberg", "PROPN", "NNP", 9, "xcomp"),
        (",", ",", "PUNCT", 5, "punct"),
        ("“", "“", "PUNCT", 14, "punct"),
        ("there", "there", "PRON", 14, "expl"),
        ("is", "be", "AUX", "VBZ", 0, "root"),
        ("a", "a", "DET", 16, "det"),
        ("scenario", "scenario", "NOUN", 14, "nsubj"),
        (".", ".", "PUNCT", 14, "punct"),
        ("”", "”", "PUNCT", 14, "punct"),
    ]
    assert _sole_cue_and_speaker(text, rows) == ("explained", "Rosenberg")


def test_name_before_appositions_after_a_nested_closing_mark():
    """Layout: a nested quotation closes with the outer one (''Q - 'Oh, Q2,''' Steve Rosenthal, a former
    director of ..., wrote in an email.): its closing mark is left after the quotation, and the compact
    parser hangs the name on a verb inside it ("wrote" a participle conjunct with no subject); the name
    opening the comma-set appositions is still the speaker (`_APPOSED` lets a closing mark open the
    stretch; NYT tuning set)."""
    text = (
        "''We will defect - 'Oh, men won't vote,''' Steve Rosenthal, a former director of the "
        "A.F.L.-C.I.O. and progressive organizer, wrote in an email."
    )
    rows: list[ForgedRow] = [
        ("''", "''", "PUNCT", 4, "punct"),
        ("We", "we", "PRON", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("defect", "defect", "VERB", "VB", 0, "root"),
        ("-", "-", "PUNCT", 12, "punct"),
        ("'", "'", "PUNCT", 12, "punct"),
        ("Oh", "oh", "INTJ", 12, "discourse"),
        (",", ",", "PUNCT", 7, "punct"),
        ("men", "man", "NOUN", 12, "nsubj"),
        ("wo", "will", "AUX", 12, "aux"),
        ("n't", "not", "PART", 12, "advmod"),
        ("vote", "vote", "VERB", "VB", 4, "parataxis"),
        (",", ",", "PUNCT", 16, "punct"),
        ("'", "'", "PUNCT", 16, "punct"),
        ("''", "''", "PUNCT", 16, "punct"),
        ("Steve", "Steve", "PROPN", "NNP", 12, "nsubj"),
        ("Rosenthal", "Rosenthal", "PROPN", "NNP", 16, "flat"),
        (",", ",", "PUNCT", 21, "punct"),
        ("a", "a", "DET", 21, "det"),
        ("former", "former", "ADJ", 21, "amod"),
        ("director", "director", "NOUN", 16, "appos"),
        ("of", "of", "ADP", 27, "case"),
        ("the", "the", "DET", 27, "det"),
        ("A.F.L.-C.I.O.", "A.F.L.-C.I.O.", "PROPN", "NNP", 27, "compound"),
        ("and", "and", "CCONJ", 26, "cc"),
        ("progressive", "progressive", "ADJ", 24, "conj"),
        ("organizer", "organizer", "NOUN", 21, "nmod"),
        (",", ",", "PUNCT", 29, "punct"),
        ("wrote", "write", "VERB", "VBN", 4, "conj"),
        ("in", "in", "ADP", 32, "case"),
        ("an", "a", "DET", 32, "det"),
        ("email", "email", "NOUN", 29, "obl"),
        (".", ".", "PUNCT", 4, "punct"),
    ]
    (found,) = [a for a in forged_attributions(text, rows) if a.text.startswith("We will defect")]
    assert found.cue is not None and found.cue.text == "wrote"
    assert found.speaker is not None and found.speaker.text == "Steve Rosenthal"
