"""Indirect-speech layout rules pinned to the (wrong) trees the compact parser gives."""

from __future__ import annotations

import pytest

from quotecheck.testing.fake_parse import forged_attributions

Row = tuple[str, str, str, str, int, str]  # word, lemma, upos, xpos, head, deprel: the rules read Penn tags


def _reports(text: str, rows: list[Row]) -> dict[str, str | None]:
    """Each indirect report's content and its speaker's text."""
    return {
        a.text: (a.speaker.text if a.speaker else None) for a in forged_attributions(text, rows, quotes=False)
    }


def test_content_ends_where_the_next_report_opens():
    """ "Most voters say A; 30 percent say B" with B's verb hung inside A's clause: A ends at the
    semicolon and B is a report of its own (not held under A's content)."""
    text = "Most voters say the plan costs too much; 30 percent say they have not followed it."
    rows: list[Row] = [
        ("Most", "most", "ADJ", "JJS", 2, "amod"),
        ("voters", "voter", "NOUN", "NNS", 3, "nsubj"),
        ("say", "say", "VERB", "VBP", 0, "root"),
        ("the", "the", "DET", "DT", 5, "det"),
        ("plan", "plan", "NOUN", "NN", 6, "nsubj"),
        ("costs", "cost", "VERB", "VBZ", 3, "ccomp"),
        ("too", "too", "ADV", "RB", 8, "advmod"),
        ("much", "much", "ADJ", "JJ", 6, "advmod"),
        (";", ";", "PUNCT", ":", 12, "punct"),
        ("30", "30", "NUM", "CD", 11, "nummod"),
        ("percent", "percent", "NOUN", "NN", 12, "nsubj"),
        ("say", "say", "VERB", "VBP", 6, "conj"),
        ("they", "they", "PRON", "PRP", 16, "nsubj"),
        ("have", "have", "AUX", "VBP", 16, "aux"),
        ("not", "not", "PART", "RB", 16, "advmod"),
        ("followed", "follow", "VERB", "VBN", 12, "ccomp"),
        ("it", "it", "PRON", "PRP", 16, "obj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    assert _reports(text, rows) == {
        "the plan costs too much": "Most voters",
        "they have not followed it": "30 percent",
    }


def test_next_report_cut_reads_an_ing_verb_by_its_stem():
    """ "Smith said the plan had failed, with officials warning that costs would rise": the
    compact lemmatizer keeps "warning" as its own lemma; read by its stem (as the reports
    themselves are), it is the next report, so Smith's content ends at the comma."""
    text = "Smith said the plan had failed, with officials warning that costs would rise."
    rows: list[Row] = [
        ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("plan", "plan", "NOUN", "NN", 6, "nsubj"),
        ("had", "have", "AUX", "VBD", 6, "aux"),
        ("failed", "fail", "VERB", "VBN", 2, "ccomp"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ("with", "with", "ADP", "IN", 9, "case"),
        ("officials", "official", "NOUN", "NNS", 10, "nsubj"),
        ("warning", "warning", "VERB", "VBG", 6, "advcl"),
        ("that", "that", "SCONJ", "IN", 14, "mark"),
        ("costs", "cost", "NOUN", "NNS", 14, "nsubj"),
        ("would", "would", "AUX", "MD", 14, "aux"),
        ("rise", "rise", "VERB", "VB", 10, "ccomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {"the plan had failed": "Smith", "that costs would rise": "officials"}


def test_reporting_verb_tagged_a_noun_after_a_plural_subject():
    """ "Some GOP strategists predict that ...": the tagger calls "predict" a noun and hangs the
    subject on it as a compound; the layout (a plural subject, the verb's plain form, "that")
    still makes it a cue, and the speaker's mention ends before it."""
    text = "Some GOP strategists predict that support will fall further."
    rows: list[Row] = [
        ("Some", "some", "DET", "DT", 4, "det"),
        ("GOP", "GOP", "ADJ", "JJ", 4, "amod"),
        ("strategists", "strategist", "NOUN", "NNS", 4, "compound"),
        ("predict", "predict", "NOUN", "NN", 0, "root"),
        ("that", "that", "SCONJ", "WDT", 8, "mark"),
        ("support", "support", "NOUN", "NN", 8, "nsubj"),
        ("will", "will", "AUX", "MD", 8, "aux"),
        ("fall", "fall", "VERB", "VB", 4, "acl:relcl"),
        ("further", "further", "ADJ", "JJ", 8, "advmod"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert _reports(text, rows) == {"that support will fall further": "Some GOP strategists"}


def test_content_ends_before_a_quotation_with_its_own_verb():
    """'Diaz said he backs the bill, which he called “a cartel for colleges.”': the content ends
    at the comma before the relative clause that introduces the quotation (before, the content
    ran into the quotation and was dropped as quoted text)."""
    text = "Diaz said he backs the bill, which he called “a cartel for colleges.”"
    rows: list[Row] = [
        ("Diaz", "Diaz", "PROPN", "NNP", 2, "nsubj"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        ("he", "he", "PRON", "PRP", 4, "nsubj"),
        ("backs", "back", "VERB", "VBZ", 2, "ccomp"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("bill", "bill", "NOUN", "NN", 4, "obj"),
        (",", ",", "PUNCT", ",", 10, "punct"),
        ("which", "which", "PRON", "WDT", 10, "obj"),
        ("he", "he", "PRON", "PRP", 10, "nsubj"),
        ("called", "call", "VERB", "VBD", 6, "acl:relcl"),
        ("“", "“", "PUNCT", "``", 13, "punct"),
        ("a", "a", "DET", "DT", 13, "det"),
        ("cartel", "cartel", "NOUN", "NN", 10, "xcomp"),
        ("for", "for", "ADP", "IN", 15, "case"),
        ("colleges", "college", "NOUN", "NNS", 13, "nmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
        ("”", "”", "PUNCT", "''", 2, "punct"),
    ]
    found = {a.text: a for a in forged_attributions(text, rows)}
    assert found["he backs the bill"].kind == "indirect"
    assert found["he backs the bill"].speaker.text == "Diaz"


def test_clause_after_the_verb_wins_over_a_subjects_relative_clause():
    """ "Ann Ruiz and Tom Lee, who are both on the panel, said on the record that it would be
    unfair": the parse hangs the relative clause on "said" as its complement; the "that" clause
    after the verb is what they said."""
    text = "Ann Ruiz and Tom Lee, who are both on the panel, said on the record that it would be unfair."
    rows: list[Row] = [
        ("Ann", "Ann", "PROPN", "NNP", 14, "nsubj"),
        ("Ruiz", "Ruiz", "PROPN", "NNP", 1, "flat"),
        ("and", "and", "CCONJ", "CC", 4, "cc"),
        ("Tom", "Tom", "PROPN", "NNP", 1, "conj"),
        ("Lee", "Lee", "PROPN", "NNP", 4, "flat"),
        (",", ",", "PUNCT", ",", 9, "punct"),
        ("who", "who", "PRON", "WP", 9, "nsubj"),
        ("are", "be", "AUX", "VBP", 9, "cop"),
        ("both", "both", "DET", "DT", 14, "ccomp"),
        ("on", "on", "ADP", "IN", 12, "case"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("panel", "panel", "NOUN", "NN", 9, "nmod"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        ("on", "on", "ADP", "IN", 17, "case"),
        ("the", "the", "DET", "DT", 17, "det"),
        ("record", "record", "NOUN", "NN", 14, "obl"),
        ("that", "that", "SCONJ", "WDT", 22, "mark"),
        ("it", "it", "PRON", "PRP", 22, "nsubj"),
        ("would", "would", "AUX", "MD", 22, "aux"),
        ("be", "be", "AUX", "VB", 22, "cop"),
        ("unfair", "unfair", "ADJ", "JJ", 17, "acl:relcl"),
        (".", ".", "PUNCT", ".", 14, "punct"),
    ]
    assert list(_reports(text, rows)) == ["that it would be unfair"]


def test_speech_noun_with_a_named_owner_and_a_that_clause():
    """ "Despite Ms. Ruiz's claims that the budget is balanced, ...": a speech noun (lexicon
    ``content_nouns``) owned by a name, then "that": the clause up to the comma is her report."""
    text = "Despite Ms. Ruiz's claims that the budget is balanced, the council voted no."
    rows: list[Row] = [
        ("Despite", "despite", "ADP", "IN", 5, "case"),
        ("Ms.", "Ms.", "PROPN", "NNP", 3, "compound"),
        ("Ruiz", "Ruiz", "PROPN", "NNP", 5, "nmod:poss"),
        ("'s", "'s", "PART", "POS", 3, "case"),
        ("claims", "claim", "NOUN", "NNS", 14, "obl"),
        ("that", "that", "SCONJ", "IN", 10, "mark"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("budget", "budget", "NOUN", "NN", 10, "nsubj"),
        ("is", "be", "AUX", "VBZ", 10, "cop"),
        ("balanced", "balanced", "ADJ", "JJ", 5, "acl"),
        (",", ",", "PUNCT", ",", 14, "punct"),
        ("the", "the", "DET", "DT", 13, "det"),
        ("council", "council", "NOUN", "NN", 14, "nsubj"),
        ("voted", "vote", "VERB", "VBD", 0, "root"),
        ("no", "no", "ADV", "RB", 14, "advmod"),
        (".", ".", "PUNCT", ".", 14, "punct"),
    ]
    assert _reports(text, rows) == {"that the budget is balanced": "Ms. Ruiz"}


def test_went_on_to_say_reports_like_continued_to():
    """ "Ruiz went on to say the plan costs too much.": an infinitive cue after the phrase "go on"
    (lexicon ``raising_verbs``) still reports what its subject said, also when the parse loses
    the reported clause (its subject taken for the verb's object); after "went up to" it does not."""
    text = "Ruiz went on to say the plan costs too much."
    rows: list[Row] = [
        ("Ruiz", "Ruiz", "PROPN", "NNP", 2, "nsubj"),
        ("went", "go", "VERB", "VBD", 0, "root"),
        ("on", "on", "ADP", "IN", 2, "advmod"),
        ("to", "to", "PART", "TO", 5, "mark"),
        ("say", "say", "VERB", "VB", 2, "xcomp"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("plan", "plan", "NOUN", "NN", 5, "obj"),
        ("costs", "cost", "VERB", "VBZ", 5, "parataxis"),
        ("too", "too", "ADV", "RB", 10, "advmod"),
        ("much", "much", "ADJ", "JJ", 8, "advmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {"the plan costs too much": "Ruiz"}
    up = [*rows[:2], ("up", "up", "ADP", "IN", 2, "advmod"), *rows[3:]]
    assert _reports(text.replace(" on ", " up "), up) == {}


def test_declined_to_confirm_reports_like_continued_to():
    """ "Harbor officials declined to confirm the sale.": an infinitive cue after a verb of the
    subject's own refused or awaited report ("decline", "refuse", "have yet to", "is expected to":
    lexicon ``raising_verbs``) is the subject's report, as PolNeAR marks it; after "wanted to"
    (what the subject wishes, not what it says) it is none."""
    text = "Harbor officials declined to confirm the sale."
    rows: list[Row] = [
        ("Harbor", "harbor", "NOUN", "NN", 2, "compound"),
        ("officials", "official", "NOUN", "NNS", 3, "nsubj"),
        ("declined", "decline", "VERB", "VBD", 0, "root"),
        ("to", "to", "PART", "TO", 5, "mark"),
        ("confirm", "confirm", "VERB", "VB", 3, "xcomp"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("sale", "sale", "NOUN", "NN", 5, "obj"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    assert _reports(text, rows) == {"the sale": "Harbor officials"}
    wanted = [*rows[:2], ("wanted", "want", "VERB", "VBD", 0, "root"), *rows[3:]]
    assert _reports(text.replace("declined", "wanted"), wanted) == {}


def test_passive_cue_with_a_named_agent_reports_its_subject():
    """ "The delay was first reported by the Riverton Ledger.": the passive subject is what the
    named agent reported; "by the steep price" (no name: a cause) makes no report."""
    text = "The delay was first reported by the Riverton Ledger."
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det"),
        ("delay", "delay", "NOUN", "NN", 5, "nsubj:pass"),
        ("was", "be", "AUX", "VBD", 5, "aux:pass"),
        ("first", "first", "ADV", "RB", 5, "advmod"),
        ("reported", "report", "VERB", "VBN", 0, "root"),
        ("by", "by", "ADP", "IN", 9, "case"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("Riverton", "Riverton", "PROPN", "NNP", 9, "compound"),
        ("Ledger", "Ledger", "PROPN", "NNP", 5, "obl:agent"),
        (".", ".", "PUNCT", ".", 5, "punct"),
    ]
    assert _reports(text, rows) == {"The delay": "the Riverton Ledger"}
    price = [
        *rows[:7],
        ("steep", "steep", "ADJ", "JJ", 9, "amod"),
        ("price", "price", "NOUN", "NN", 5, "obl:agent"),
        rows[9],
    ]
    assert _reports(text.replace("Riverton Ledger", "steep price"), price) == {}
    # people with no name are no agent either (a thing's cause or a crowd): no report
    officials = [
        *rows[:6],
        ("local", "local", "ADJ", "JJ", 8, "amod"),
        ("officials", "official", "NOUN", "NNS", 5, "obl:agent"),
        rows[9],
    ]
    assert _reports(text.replace("the Riverton Ledger", "local officials"), officials) == {}


def test_passive_hearer_verb_with_an_agent_makes_no_report():
    """ "The mayor was told by Lee Ortiz about the fare.": a verb with a hearer (``hearer_verbs``)
    has its hearer for a subject, not what was said."""
    text = "The mayor was told by Lee Ortiz about the fare."
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det"),
        ("mayor", "mayor", "NOUN", "NN", 4, "nsubj:pass"),
        ("was", "be", "AUX", "VBD", 4, "aux:pass"),
        ("told", "tell", "VERB", "VBN", 0, "root"),
        ("by", "by", "ADP", "IN", 7, "case"),
        ("Lee", "Lee", "PROPN", "NNP", 7, "compound"),
        ("Ortiz", "Ortiz", "PROPN", "NNP", 4, "obl:agent"),
        ("about", "about", "ADP", "IN", 10, "case"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("fare", "fare", "NOUN", "NN", 4, "obl"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert "The mayor" not in _reports(text, rows)


def test_hearer_phrase_between_the_verb_and_its_introducer():
    """ "Smith spoke to CNN about the budget cuts": a hearer phrase may stand between the verb
    and the introducer its frame names ("about"), the content after it; not when the introducer
    hangs on a noun of that phrase ("spoke to groups of voters about ...")."""
    text = "Smith spoke to CNN about the budget cuts."
    rows: list[Row] = [
        ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 0, "root"),
        ("to", "to", "ADP", "IN", 4, "case"),
        ("CNN", "CNN", "PROPN", "NNP", 2, "obl"),
        ("about", "about", "ADP", "IN", 8, "case"),
        ("the", "the", "DET", "DT", 8, "det"),
        ("budget", "budget", "NOUN", "NN", 8, "compound"),
        ("cuts", "cut", "NOUN", "NNS", 2, "obl"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {"the budget cuts": "Smith"}
    text = "Smith spoke to groups of voters about the budget cuts."
    rows = [
        ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 0, "root"),
        ("to", "to", "ADP", "IN", 4, "case"),
        ("groups", "group", "NOUN", "NNS", 2, "obl"),
        ("of", "of", "ADP", "IN", 6, "case"),
        ("voters", "voter", "NOUN", "NNS", 4, "nmod"),
        ("about", "about", "ADP", "IN", 10, "case"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("budget", "budget", "NOUN", "NN", 10, "compound"),
        ("cuts", "cut", "NOUN", "NNS", 6, "nmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {}


def test_speech_noun_with_for_reports_what_follows_it():
    """ "Despite Ms. Ruiz's call for a new vote, ...": for a speech noun whose content opens with
    "for" (lexicon ``content_nouns``), the content is what follows "for", up to the comma."""
    text = "Despite Ms. Ruiz's call for a new vote, the council voted no."
    rows: list[Row] = [
        ("Despite", "despite", "ADP", "IN", 5, "case"),
        ("Ms.", "Ms.", "PROPN", "NNP", 3, "compound"),
        ("Ruiz", "Ruiz", "PROPN", "NNP", 5, "nmod:poss"),
        ("'s", "'s", "PART", "POS", 3, "case"),
        ("call", "call", "NOUN", "NN", 13, "obl"),
        ("for", "for", "ADP", "IN", 9, "case"),
        ("a", "a", "DET", "DT", 9, "det"),
        ("new", "new", "ADJ", "JJ", 9, "amod"),
        ("vote", "vote", "NOUN", "NN", 5, "nmod"),
        (",", ",", "PUNCT", ",", 13, "punct"),
        ("the", "the", "DET", "DT", 12, "det"),
        ("council", "council", "NOUN", "NN", 13, "nsubj"),
        ("voted", "vote", "VERB", "VBD", 0, "root"),
        ("no", "no", "ADV", "RB", 13, "advmod"),
        (".", ".", "PUNCT", ".", 13, "punct"),
    ]
    assert _reports(text, rows) == {"a new vote": "Ms. Ruiz"}


def test_question_put_ends_with_the_phrase_its_introducer_marks():
    """ "Asked by Lauer about the email server Clinton said she regretted it": the question put
    to Clinton is Lauer's, and it ends with the phrase "about" marks (_question_end), not at the
    clause end the compact parse gives (no comma: the answer would join the question)."""
    text = "Asked by Lauer about the email server Clinton said she regretted it."
    rows: list[Row] = [
        ("Asked", "ask", "VERB", "VBN", 9, "advcl"),
        ("by", "by", "ADP", "IN", 3, "case"),
        ("Lauer", "Lauer", "PROPN", "NNP", 1, "obl"),
        ("about", "about", "ADP", "IN", 7, "case"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("email", "email", "NOUN", "NN", 7, "compound"),
        ("server", "server", "NOUN", "NN", 1, "obl"),
        ("Clinton", "Clinton", "PROPN", "NNP", 9, "nsubj"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        ("she", "she", "PRON", "PRP", 11, "nsubj"),
        ("regretted", "regret", "VERB", "VBD", 9, "ccomp"),
        ("it", "it", "PRON", "PRP", 11, "obj"),
        (".", ".", "PUNCT", ".", 9, "punct"),
    ]
    assert _reports(text, rows) == {"about the email server": "Lauer", "she regretted it": "Clinton"}


def _indirect(text: str, rows: list[Row]) -> dict[str, str | None]:
    """Each indirect report's content and its speaker's text, the text's quotations scanned."""
    found = forged_attributions(text, rows)
    return {a.text: (a.speaker.text if a.speaker else None) for a in found if a.kind == "indirect"}


# "“We will appeal,” said Skelly,": the root inside the quotation, its verb's subject after it
_SAID_SKELLY: list[Row] = [
    ("“", "“", "PUNCT", "``", 4, "punct"),
    ("We", "we", "PRON", "PRP", 4, "nsubj"),
    ("will", "will", "AUX", "MD", 4, "aux"),
    ("appeal", "appeal", "VERB", "VB", 0, "root"),
    (",", ",", "PUNCT", ",", 4, "punct"),
    ("”", "”", "PUNCT", "''", 4, "punct"),
    ("said", "say", "VERB", "VBD", 4, "parataxis"),
    ("Skelly", "Skelly", "PROPN", "NNP", 7, "nsubj"),
]


def test_participle_after_a_quotation_skips_a_modifying_participle():
    """ "“...,” said Skelly, a lawyer hired by the firm, explaining that ...": the cue hangs on the
    quoted root, so its speaker is the subject of the last clause verb before it
    (_participle_after_clause); "hired" modifies "lawyer" (acl), no clause of its own, so it is
    skipped and Skelly speaks, not "a lawyer hired by the firm"."""
    text = (
        "“We will appeal,” said Skelly, a lawyer hired by the firm, "
        "explaining that the ruling ignored the deal."
    )
    rows: list[Row] = [
        *_SAID_SKELLY,
        (",", ",", "PUNCT", ",", 11, "punct"),
        ("a", "a", "DET", "DT", 11, "det"),
        ("lawyer", "lawyer", "NOUN", "NN", 8, "appos"),
        ("hired", "hire", "VERB", "VBN", 11, "acl"),
        ("by", "by", "ADP", "IN", 15, "case"),
        ("the", "the", "DET", "DT", 15, "det"),
        ("firm", "firm", "NOUN", "NN", 12, "obl"),
        (",", ",", "PUNCT", ",", 17, "punct"),
        ("explaining", "explain", "VERB", "VBG", 4, "advcl"),
        ("that", "that", "SCONJ", "IN", 21, "mark"),
        ("the", "the", "DET", "DT", 20, "det"),
        ("ruling", "ruling", "NOUN", "NN", 21, "nsubj"),
        ("ignored", "ignore", "VERB", "VBD", 17, "ccomp"),
        ("the", "the", "DET", "DT", 23, "det"),
        ("deal", "deal", "NOUN", "NN", 21, "obj"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert _indirect(text, rows) == {"that the ruling ignored the deal": "Skelly"}


def test_participle_after_a_quotation_leaves_a_wh_clause_alone():
    """ "“...,” said Skelly, explaining why the ruling was wrong": the clause patterns would report
    "the ruling was wrong" without its "why" (a claim Skelly never made), so
    _participle_after_clause gives no speaker and no report is made."""
    text = "“We will appeal,” said Skelly, explaining why the ruling was wrong."
    rows: list[Row] = [
        *_SAID_SKELLY,
        (",", ",", "PUNCT", ",", 10, "punct"),
        ("explaining", "explain", "VERB", "VBG", 4, "advcl"),
        ("why", "why", "ADV", "WRB", 15, "advmod"),
        ("the", "the", "DET", "DT", 13, "det"),
        ("ruling", "ruling", "NOUN", "NN", 15, "nsubj"),
        ("was", "be", "AUX", "VBD", 15, "cop"),
        ("wrong", "wrong", "ADJ", "JJ", 10, "ccomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert _indirect(text, rows) == {}


def test_participle_speaker_after_the_cue_is_not_taken():
    """ "Asked about the ruling, arguing that the judge erred, Skelly declined to comment." where
    the parse hangs "arguing" on "declined" as a complement (so it has no subject of its own):
    the last clause verb before the cue ("Asked") takes its subject from "declined", which comes
    after the cue, so _participle_after_clause gives no speaker; taken, it made a report whose
    content ("that the judge erred, Skelly declined to comment") runs over its own speaker."""
    text = "Asked about the ruling, arguing that the judge erred, Skelly declined to comment."
    rows: list[Row] = [
        ("Asked", "ask", "VERB", "VBN", 13, "advcl"),
        ("about", "about", "ADP", "IN", 4, "case"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("ruling", "ruling", "NOUN", "NN", 1, "obl"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ("arguing", "argue", "VERB", "VBG", 13, "ccomp"),
        ("that", "that", "SCONJ", "IN", 10, "mark"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("judge", "judge", "NOUN", "NN", 10, "nsubj"),
        ("erred", "err", "VERB", "VBD", 6, "ccomp"),
        (",", ",", "PUNCT", ",", 13, "punct"),
        ("Skelly", "Skelly", "PROPN", "NNP", 13, "nsubj"),
        ("declined", "decline", "VERB", "VBD", 0, "root"),
        ("to", "to", "PART", "TO", 15, "mark"),
        ("comment", "comment", "VERB", "VB", 13, "xcomp"),
        (".", ".", "PUNCT", ".", 13, "punct"),
    ]
    found = forged_attributions(text, rows)
    assert not any(a.speaker is not None and a.start <= a.speaker.start < a.end for a in found)


_ASIDES: list[tuple[str, list[Row], dict[str, str | None]]] = [
    (  # a semicolon: "estimates A; the foundation puts B"
        "The center estimates that taxes would rise sharply; the foundation puts the figure lower.",
        [
            ("The", "the", "DET", "DT", 2, "det"),
            ("center", "center", "NOUN", "NN", 3, "nsubj"),
            ("estimates", "estimate", "VERB", "VBZ", 0, "root"),
            ("that", "that", "SCONJ", "IN", 7, "mark"),
            ("taxes", "tax", "NOUN", "NNS", 7, "nsubj"),
            ("would", "would", "AUX", "MD", 7, "aux"),
            ("rise", "rise", "VERB", "VB", 3, "ccomp"),
            ("sharply", "sharply", "ADV", "RB", 7, "advmod"),
            (";", ";", "PUNCT", ":", 12, "punct"),
            ("the", "the", "DET", "DT", 11, "det"),
            ("foundation", "foundation", "NOUN", "NN", 12, "nsubj"),
            ("puts", "put", "VERB", "VBZ", 7, "conj"),
            ("the", "the", "DET", "DT", 14, "det"),
            ("figure", "figure", "NOUN", "NN", 12, "obj"),
            ("lower", "low", "ADV", "RBR", 12, "advmod"),
            (".", ".", "PUNCT", ".", 3, "punct"),
        ],
        {"that taxes would rise sharply": "The center"},
    ),
    (  # a comma and a subordinator: "reported A, although B"
        "Smith said the protest was peaceful, although dozens of people were cited.",
        [
            ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 0, "root"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("protest", "protest", "NOUN", "NN", 6, "nsubj"),
            ("was", "be", "AUX", "VBD", 6, "cop"),
            ("peaceful", "peaceful", "ADJ", "JJ", 2, "ccomp"),
            (",", ",", "PUNCT", ",", 13, "punct"),
            ("although", "although", "SCONJ", "IN", 13, "mark"),
            ("dozens", "dozen", "NOUN", "NNS", 13, "nsubj:pass"),
            ("of", "of", "ADP", "IN", 11, "case"),
            ("people", "people", "NOUN", "NNS", 9, "nmod"),
            ("were", "be", "AUX", "VBD", 13, "aux:pass"),
            ("cited", "cite", "VERB", "VBN", 6, "advcl"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        {"the protest was peaceful": "Smith"},
    ),
    (  # "even as": "acknowledged A even as he defended B"
        "Jones acknowledged the campaign made mistakes even as he defended its staff.",
        [
            ("Jones", "Jones", "PROPN", "NNP", 2, "nsubj"),
            ("acknowledged", "acknowledge", "VERB", "VBD", 0, "root"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("campaign", "campaign", "NOUN", "NN", 5, "nsubj"),
            ("made", "make", "VERB", "VBD", 2, "ccomp"),
            ("mistakes", "mistake", "NOUN", "NNS", 5, "obj"),
            ("even", "even", "ADV", "RB", 10, "advmod"),
            ("as", "as", "SCONJ", "IN", 10, "mark"),
            ("he", "he", "PRON", "PRP", 10, "nsubj"),
            ("defended", "defend", "VERB", "VBD", 5, "advcl"),
            ("its", "its", "PRON", "PRP$", 12, "nmod:poss"),
            ("staff", "staff", "NOUN", "NN", 10, "obj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        {"the campaign made mistakes": "Jones"},
    ),
    (  # a participle the parse hangs on the cue: "said A, citing B"
        "Smith said the plan would fail, citing a lack of money.",
        [
            ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 0, "root"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("plan", "plan", "NOUN", "NN", 6, "nsubj"),
            ("would", "would", "AUX", "MD", 6, "aux"),
            ("fail", "fail", "VERB", "VB", 2, "advcl"),
            (",", ",", "PUNCT", ",", 8, "punct"),
            ("citing", "cite", "VERB", "VBG", 2, "advcl"),
            ("a", "a", "DET", "DT", 10, "det"),
            ("lack", "lack", "NOUN", "NN", 8, "obj"),
            ("of", "of", "ADP", "IN", 12, "case"),
            ("money", "money", "NOUN", "NN", 10, "nmod"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        {"the plan would fail": "Smith"},
    ),
    (  # "but" before a clause of its own: "claimed A but officials have doubted it"
        "Smith said the group planned the attack but officials have doubted that.",
        [
            ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 0, "root"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("group", "group", "NOUN", "NN", 5, "nsubj"),
            ("planned", "plan", "VERB", "VBD", 2, "ccomp"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("attack", "attack", "NOUN", "NN", 5, "obj"),
            ("but", "but", "CCONJ", "CC", 11, "cc"),
            ("officials", "official", "NOUN", "NNS", 11, "nsubj"),
            ("have", "have", "AUX", "VBP", 11, "aux"),
            ("doubted", "doubt", "VERB", "VBN", 5, "conj"),
            ("that", "that", "PRON", "DT", 11, "obj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        {"the group planned the attack": "Smith"},
    ),
    (  # "and" before a verb coordinated with the cue: "insists A and refuses to answer"
        "Smith insists that he will stay in the race and refuses every question.",
        [
            ("Smith", "Smith", "PROPN", "NNP", 2, "nsubj"),
            ("insists", "insist", "VERB", "VBZ", 0, "root"),
            ("that", "that", "SCONJ", "IN", 6, "mark"),
            ("he", "he", "PRON", "PRP", 6, "nsubj"),
            ("will", "will", "AUX", "MD", 6, "aux"),
            ("stay", "stay", "VERB", "VB", 2, "advcl"),
            ("in", "in", "ADP", "IN", 9, "case"),
            ("the", "the", "DET", "DT", 9, "det"),
            ("race", "race", "NOUN", "NN", 6, "obl"),
            ("and", "and", "CCONJ", "CC", 11, "cc"),
            ("refuses", "refuse", "VERB", "VBZ", 2, "conj"),
            ("every", "every", "DET", "DT", 13, "det"),
            ("question", "question", "NOUN", "NN", 11, "obj"),
            (".", ".", "PUNCT", ".", 2, "punct"),
        ],
        {"that he will stay in the race": "Smith"},
    ),
]


@pytest.mark.parametrize(("text", "rows", "expected"), _ASIDES, ids=lambda v: str(v)[:20])
def test_content_ends_before_the_writers_aside(text: str, rows: list[Row], expected: dict[str, str | None]):
    """A content after its cue ends where the writer's own words begin (a semicolon, ", although",
    "even as", ", citing", "but" with a clause of its own, "and" with a verb coordinated with the
    cue): _end_before_aside. Where the parse hangs the reported clause as an adverbial, the content
    runs to the sentence end unless the aside ends it."""
    assert _reports(text, rows) == expected


def test_recalling_takes_its_object_as_content():
    """ "He echoed that comment, recalling an anecdote about the race.": "recall" (lexicon
    ``complement_verbs``, frame "-") reports a noun phrase, not only a clause; the participle's
    speaker is the clause's subject."""
    text = "He echoed that comment, recalling an anecdote about the race."
    rows: list[Row] = [
        ("He", "he", "PRON", "PRP", 2, "nsubj"),
        ("echoed", "echoe", "VERB", "VBD", 0, "root"),
        ("that", "that", "DET", "DT", 4, "det"),
        ("comment", "comment", "NOUN", "NN", 2, "obj"),
        (",", ",", "PUNCT", ",", 6, "punct"),
        ("recalling", "recall", "VERB", "VBG", 2, "advcl"),
        ("an", "a", "DET", "DT", 8, "det"),
        ("anecdote", "anecdote", "NOUN", "NN", 6, "obj"),
        ("about", "about", "ADP", "IN", 11, "case"),
        ("the", "the", "DET", "DT", 11, "det"),
        ("race", "race", "NOUN", "NN", 8, "nmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {"an anecdote about the race": "He"}


_PEREZ_ROWS: list[Row] = [
    ("It", "it", "PRON", "PRP", 3, "nsubj:pass"),
    ("was", "be", "AUX", "VBD", 3, "aux:pass"),
    ("negotiated", "negotiate", "VERB", "VBN", 0, "root"),
    ("with", "with", "ADP", "IN", 5, "case"),
    ("help", "help", "NOUN", "NN", 3, "obl"),
    ("from", "from", "ADP", "IN", 8, "case"),
    ("Thomas", "Thomas", "PROPN", "NNP", 8, "compound"),
    ("Perez", "Perez", "PROPN", "NNP", 5, "nmod"),
    (",", ",", "PUNCT", ",", 11, "punct"),
    ("who", "who", "PRON", "WP", 11, "nsubj"),
    ("said", "say", "VERB", "VBD", 3, "conj"),
    ("he", "he", "PRON", "PRP", 13, "nsubj"),
    ("expects", "expect", "VERB", "VBZ", 11, "ccomp"),
    ("a", "a", "DET", "DT", 15, "det"),
    ("deal", "deal", "NOUN", "NN", 13, "obj"),
    ("soon", "soon", "ADV", "RB", 13, "advmod"),
    (".", ".", "PUNCT", ".", 3, "punct"),
]


def test_relative_who_speaks_for_the_name_before_it():
    """ "..., Thomas Perez, who said he expects a deal soon.": the compact parser hangs "said" as a
    conjunct, not a relative clause, and "who" makes no mention of its own; read off the layout,
    the pronoun speaks for the name before the comma (PolNeAR marks "who" as the source)."""
    text = "It was negotiated with help from Thomas Perez, who said he expects a deal soon."
    made = forged_attributions(text, _PEREZ_ROWS, quotes=False)
    assert [(a.text, a.speaker.text if a.speaker else None) for a in made] == [
        ("he expects a deal soon", "who")
    ]
    assert made[0].speaker is not None and made[0].speaker.antecedent is not None
    assert made[0].speaker.antecedent.text == "Thomas Perez"


def test_relative_who_after_a_thing_is_not_a_speaker():
    """ "..., the rain, who said ...": after a noun that cannot speak, "who" gives no report."""
    text = "It was negotiated with help from the rain, who said he expects a deal soon."
    rows = [
        ("the", "the", "DET", "DT", 8, "det")
        if r[0] == "Thomas"
        else ("rain", "rain", "NOUN", "NN", 5, "nmod")
        if r[0] == "Perez"
        else r
        for r in _PEREZ_ROWS
    ]
    assert _reports(text, rows) == {}


_TOLD_AGENTS: list[Row] = [
    ("Jones", "Jones", "PROPN", "NNP", 2, "nsubj"),
    ("told", "tell", "VERB", "VBD", 0, "root"),
    ("the", "the", "DET", "DT", 4, "det"),
    ("agents", "agent", "NOUN", "NNS", 2, "obj"),
    ("that", "that", "PRON", "WDT", 8, "nsubj"),
    ("in", "in", "ADP", "IN", 8, "case"),
    ("the", "the", "DET", "DT", 8, "det"),
    ("spring", "spring", "NOUN", "NN", 4, "nmod"),
    (",", ",", "PUNCT", ",", 11, "punct"),
    ("he", "he", "PRON", "PRP", 11, "nsubj"),
    ("deleted", "delete", "VERB", "VBD", 2, "parataxis"),
    ("the", "the", "DET", "DT", 13, "det"),
    ("files", "file", "NOUN", "NNS", 11, "obj"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_that_taken_for_a_relative_subject_opens_the_report():
    """ "Jones told the agents that in the spring, he deleted the files": the compact parser takes
    the complementizer for the subject of a relative clause on "spring"; no verb follows it, so
    it opens what Jones told them (tuning set: "The Platte River employee told FBI agents that
    sometime in the week that followed, he realized ...")."""
    text = "Jones told the agents that in the spring, he deleted the files."
    assert _reports(text, _TOLD_AGENTS) == {"that in the spring, he deleted the files": "Jones"}


def test_that_after_a_plain_present_form_stays_a_relative():
    """The same layout after a plain present form, which the tagger also gives nouns ("a New York
    Times report from over the weekend that ..."), is left to the parse: no report."""
    text = "Jones tell the agents that in the spring, he deleted the files."
    rows = [(*r[:3], "VBP", *r[4:]) if r[0] == "told" else r for r in _TOLD_AGENTS]
    rows = [("tell", *r[1:]) if r[0] == "told" else r for r in rows]
    assert _reports(text, rows) == {}


def test_object_then_quoted_predicate_is_what_is_called():
    """ "Reed calls Medicaid ‘broken system’ during stop": a headline's "calls" with an object and
    then a quoted predicate, no article; the compact parser makes the quoted words the object
    (dev: "Bill Clinton calls Obamacare ‘crazy system’ during campaign stop"). The opening
    mark after the object shows what Reed calls it."""
    text = "Reed calls Medicaid ‘broken system’ during stop."
    rows: list[Row] = [
        ("Reed", "Reed", "PROPN", "NNP", 2, "nsubj"),
        ("calls", "call", "VERB", "VBZ", 0, "root"),
        ("Medicaid", "Medicaid", "PROPN", "NNP", 6, "compound"),
        ("‘", "'", "PUNCT", "POS", 3, "punct"),
        ("broken", "broken", "ADJ", "JJ", 6, "amod"),
        ("system", "system", "NOUN", "NN", 2, "obj"),
        ("’", "'s", "PART", "POS", 6, "case"),
        ("during", "during", "ADP", "IN", 9, "case"),
        ("stop", "stop", "NOUN", "NN", 2, "obl"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {"Medicaid ‘broken system’ during stop": "Reed"}


def test_title_case_headline_verb_is_a_cue():
    """ "Lopez Tells Senators Tax Plan Is Dead.": the compact lemmatizer leaves a headline's
    title-case verb as written ("Tells") and the parser hangs it in the name; read as "tell" it is
    a cue, and the speaker's mention ends before it (tuning set: "Maher Tells Guest Muslim
    Violence is Beyond Compare.", "Trump Said The 11 Words Everyone Was Thinking.")."""
    text = "Lopez Tells Senators Tax Plan Is Dead."
    rows: list[Row] = [
        ("Lopez", "Lopez", "PROPN", "NNP", 7, "nsubj"),
        ("Tells", "Tells", "PROPN", "VBZ", 1, "flat"),
        ("Senators", "Senators", "PROPN", "NNPS", 5, "compound"),
        ("Tax", "Tax", "PROPN", "NNP", 5, "compound"),
        ("Plan", "Plan", "PROPN", "NNP", 7, "nsubj"),
        ("Is", "be", "AUX", "VBZ", 7, "cop"),
        ("Dead", "dead", "ADJ", "JJ", 0, "root"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    assert _reports(text, rows) == {"Senators Tax Plan Is Dead": "Lopez"}


def test_participle_in_a_subject_reports_no_predicate():
    """ "Taxpayers reporting capital gains held for two years would pay their rate." with the
    compact parse's tree ("reporting" a modifier of the subject "taxpayers", "held" the root):
    the words after "reporting" are the taxpayers' own predicate, not a report of theirs."""
    text = "Taxpayers reporting capital gains held for two years would pay their rate."
    rows: list[Row] = [
        ("Taxpayers", "taxpayer", "NOUN", "NNS", 5, "nsubj"),
        ("reporting", "report", "VERB", "VBG", 1, "acl"),
        ("capital", "capital", "ADJ", "JJ", 4, "amod"),
        ("gains", "gain", "NOUN", "NNS", 2, "obj"),
        ("held", "hold", "VERB", "VBD", 0, "root"),
        ("for", "for", "ADP", "IN", 8, "case"),
        ("two", "two", "NUM", "CD", 8, "nummod"),
        ("years", "year", "NOUN", "NNS", 10, "obl"),
        ("would", "would", "AUX", "MD", 10, "aux"),
        ("pay", "pay", "VERB", "VB", 5, "advcl"),
        ("their", "their", "PRON", "PRP$", 12, "nmod:poss"),
        ("rate", "rate", "NOUN", "NN", 10, "obj"),
        (".", ".", "PUNCT", ".", 5, "punct"),
    ]
    assert _indirect(text, rows) == {}


def test_question_word_and_infinitive_is_an_instruction():
    """ "Readers may not let editorials tell them how to vote." (the compact parse's tree): "how
    to vote" is what to do, not a claim, so "tell" reports nothing (once gave "Readers" as an
    anonymous source)."""
    text = "Readers may not let editorials tell them how to vote."
    rows: list[Row] = [
        ("Readers", "reader", "NOUN", "NNS", 4, "nsubj"),
        ("may", "may", "AUX", "MD", 4, "aux"),
        ("not", "not", "PART", "RB", 4, "advmod"),
        ("let", "let", "VERB", "VB", 0, "root"),
        ("editorials", "editorial", "NOUN", "NNS", 4, "obj"),
        ("tell", "tell", "VERB", "VB", 4, "xcomp"),
        ("them", "they", "PRON", "PRP", 6, "iobj"),
        ("how", "how", "ADV", "WRB", 10, "advmod"),
        ("to", "to", "PART", "TO", 10, "mark"),
        ("vote", "vote", "VERB", "VB", 6, "ccomp"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert _indirect(text, rows) == {}


def test_verb_after_and_goes_on_from_the_nearer_clause():
    """ "Some people were yawning as he mentioned the wage and described her plans for new
    rules." with the compact parse's tree ("described" coordinated with "yawning"): the
    description is his, the subject of the nearer "mentioned", not the yawning people's."""
    text = "Some people were yawning as he mentioned the wage and described her plans for new rules."
    rows: list[Row] = [
        ("Some", "some", "DET", "DT", 2, "det"),
        ("people", "people", "NOUN", "NNS", 4, "nsubj"),
        ("were", "be", "AUX", "VBD", 4, "aux"),
        ("yawning", "yawn", "VERB", "VBG", 0, "root"),
        ("as", "as", "SCONJ", "IN", 7, "mark"),
        ("he", "he", "PRON", "PRP", 7, "nsubj"),
        ("mentioned", "mention", "VERB", "VBD", 4, "advcl"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("wage", "wage", "NOUN", "NN", 7, "obj"),
        ("and", "and", "CCONJ", "CC", 11, "cc"),
        ("described", "describe", "VERB", "VBD", 4, "conj"),
        ("her", "she", "PRON", "PRP$", 13, "nmod:poss"),
        ("plans", "plan", "NOUN", "NNS", 11, "obj"),
        ("for", "for", "ADP", "IN", 16, "case"),
        ("new", "new", "ADJ", "JJ", 16, "amod"),
        ("rules", "rule", "NOUN", "NNS", 11, "obl"),
        (".", ".", "PUNCT", ".", 4, "punct"),
    ]
    assert set(_indirect(text, rows).values()) == {"he"}


def test_person_nouns_outside_the_role_lists_speak():
    """ "The dean of the journalism school said that ...": a head noun that names a person (lexicon
    ``speaker_nouns``), an office one person holds (``identified_roles``: "the Republican
    incumbent") or someone of a person's circle ("Santilli's girlfriend told") can speak; before,
    only the role, anonymous, document and organization nouns could (tuning set: "Steve Coll, the
    dean of the journalism school, said", "The NFL legend said", "Each side said")."""
    text = "The dean of the journalism school said that he had examined the allegations."
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det"),
        ("dean", "dean", "NOUN", "NN", 7, "nsubj"),
        ("of", "of", "ADP", "IN", 6, "case"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("journalism", "journalism", "NOUN", "NN", 6, "compound"),
        ("school", "school", "NOUN", "NN", 2, "nmod"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        ("that", "that", "SCONJ", "IN", 11, "mark"),
        ("he", "he", "PRON", "PRP", 11, "nsubj"),
        ("had", "have", "AUX", "VBD", 11, "aux"),
        ("examined", "examine", "VERB", "VBN", 7, "ccomp"),
        ("the", "the", "DET", "DT", 13, "det"),
        ("allegations", "allegation", "NOUN", "NNS", 11, "obj"),
        (".", ".", "PUNCT", ".", 7, "punct"),
    ]
    assert _reports(text, rows) == {
        "that he had examined the allegations": "The dean of the journalism school",
    }


def test_relative_clause_report_speaks_through_its_pronoun():
    """ "... hired a lawyer who said he was stiffed": the parse gives the relative clause's subject
    as the antecedent ("a lawyer"); the speaker's mention is the relative pronoun standing for it,
    as PolNeAR marks it (dev and tune: 62 matched reports had "who" as gold source and the
    antecedent as speaker mention)."""
    text = "The firm hired a lawyer who said he was stiffed."
    rows: list[Row] = [
        ("The", "the", "DET", "DT", 2, "det"),
        ("firm", "firm", "NOUN", "NN", 3, "nsubj"),
        ("hired", "hire", "VERB", "VBD", 0, "root"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("lawyer", "lawyer", "NOUN", "NN", 3, "obj"),
        ("who", "who", "PRON", "WP", 7, "nsubj"),
        ("said", "say", "VERB", "VBD", 5, "acl:relcl"),
        ("he", "he", "PRON", "PRP", 10, "nsubj:pass"),
        ("was", "be", "AUX", "VBD", 10, "aux:pass"),
        ("stiffed", "stiff", "VERB", "VBN", 7, "ccomp"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    found = forged_attributions(text, rows, quotes=False)
    assert [(a.text, a.speaker.text if a.speaker else None) for a in found] == [("he was stiffed", "who")]
    speaker = found[0].speaker
    assert speaker is not None and speaker.antecedent is not None and speaker.antecedent.text == "a lawyer"


def test_reporting_verb_tagged_a_noun_after_its_subject_is_a_cue():
    """ "O'Malley spoke of a recent visit to a mosque.": the compact tagger calls "spoke" a noun
    (and "calls" in "Former DNC chairman calls for ..."); an irregular past form (lexicon
    ``past_tense_forms``) or "-s" form of a reporting verb right after a name, singular noun or
    pronoun and before a preposition is the cue, and its speaker is the word before it."""
    text = "O'Malley spoke of a recent visit to a mosque."
    rows: list[Row] = [
        ("O'Malley", "O'Malley", "PROPN", "NNP", 2, "compound"),
        ("spoke", "speak", "NOUN", "NN", 0, "root"),
        ("of", "of", "ADP", "IN", 6, "case"),
        ("a", "a", "DET", "DT", 6, "det"),
        ("recent", "recent", "ADJ", "JJ", 6, "amod"),
        ("visit", "visit", "NOUN", "NN", 2, "nmod"),
        ("to", "to", "ADP", "IN", 9, "case"),
        ("a", "a", "DET", "DT", 9, "det"),
        ("mosque", "mosque", "NOUN", "NN", 6, "nmod"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows) == {"a recent visit to a mosque": "O'Malley"}


def test_plain_reporting_verb_tagged_a_noun_after_a_plural_subject_reads_as_a_verb():
    """ "..., many local farmers insist there was fraud in the vote.": the compact tagger calls
    "insist" a noun (a complementizer's dependent of the clause's verb), so no parse pattern
    took the clause; in the plural-subject layout the word reads as a present-tense verb and the
    clause after it is the report, spoken by the plural noun before it."""
    text = "Even after the recount, many local farmers insist there was fraud in the vote."
    rows: list[Row] = [
        ("Even", "even", "ADV", "RB", 4, "advmod"),
        ("after", "after", "ADP", "IN", 4, "case"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("recount", "recount", "NOUN", "NN", 11, "obl"),
        (",", ",", "PUNCT", ",", 4, "punct"),
        ("many", "many", "ADJ", "JJ", 8, "amod"),
        ("local", "local", "ADJ", "JJ", 8, "amod"),
        ("farmers", "farmer", "NOUN", "NNS", 4, "nmod"),
        ("insist", "insist", "NOUN", "IN", 11, "mark"),
        ("there", "there", "PRON", "EX", 11, "expl"),
        ("was", "be", "AUX", "VBD", 0, "root"),
        ("fraud", "fraud", "NOUN", "NN", 11, "nsubj"),
        ("in", "in", "ADP", "IN", 15, "case"),
        ("the", "the", "DET", "DT", 15, "det"),
        ("vote", "vote", "NOUN", "NN", 12, "nmod"),
        (".", ".", "PUNCT", ".", 11, "punct"),
    ]
    assert _reports(text, rows) == {"there was fraud in the vote": "many local farmers"}


def test_subject_with_an_apposition_and_a_relative_clause_is_no_content():
    """ "Jane Doe, a lawyer for the Tenants Union, which is made up of renters, said many ...":
    a name, then an apposition and a relative clause each set off by commas, is the verb's own
    subject, not a clause it reports; the report is what follows the verb (the parse makes
    "landlords" a verb, so the phrase after "said" stops at "that" and looked like a speaker)."""
    text = (
        "Jane Doe, a lawyer for the Tenants Union, which is made up of renters, "
        "said many of the cases that landlords cite failed to show harm."
    )
    rows: list[Row] = [
        ("Jane", "Jane", "PROPN", "NNP", 18, "nsubj"),
        ("Doe", "Doe", "PROPN", "NNP", 1, "flat"),
        (",", ",", "PUNCT", ",", 5, "punct"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("lawyer", "lawyer", "NOUN", "NN", 1, "appos"),
        ("for", "for", "ADP", "IN", 9, "case"),
        ("the", "the", "DET", "DT", 9, "det"),
        ("Tenants", "Tenants", "PROPN", "NNPS", 9, "compound"),
        ("Union", "Union", "PROPN", "NNP", 5, "nmod"),
        (",", ",", "PUNCT", ",", 13, "punct"),
        ("which", "which", "PRON", "WDT", 13, "nsubj:pass"),
        ("is", "be", "AUX", "VBZ", 13, "aux:pass"),
        ("made", "make", "VERB", "VBN", 9, "acl:relcl"),
        ("up", "up", "ADP", "RP", 13, "compound:prt"),
        ("of", "of", "ADP", "IN", 16, "case"),
        ("renters", "renter", "NOUN", "NNS", 13, "obl"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        ("many", "many", "ADJ", "JJ", 18, "obj"),
        ("of", "of", "ADP", "IN", 22, "case"),
        ("the", "the", "DET", "DT", 22, "det"),
        ("cases", "case", "NOUN", "NNS", 19, "nmod"),
        ("that", "that", "PRON", "WDT", 24, "nsubj"),
        ("landlords", "landlord", "VERB", "VBZ", 22, "acl:relcl"),
        ("cite", "cite", "NOUN", "NN", 24, "obj"),
        ("failed", "fail", "VERB", "VBN", 25, "acl"),
        ("to", "to", "PART", "TO", 28, "mark"),
        ("show", "show", "VERB", "VB", 26, "xcomp"),
        ("harm", "harm", "NOUN", "NN", 28, "obj"),
        (".", ".", "PUNCT", ".", 18, "punct"),
    ]
    assert _reports(text, rows) == {"many of the cases that landlords cite failed to show harm": "Jane Doe"}


def test_light_verb_voices_a_speech_noun():
    """ "Cruz made an unprompted call for an end to sugar subsidies, calling them wasteful": a
    speech noun after "a"/"an" that a light verb voices (lexicon ``voiced_nouns``) reports what
    follows its preposition, up to the comma, for the verb's subject; "as" opening a clause ends it."""
    text = "Cruz made an unprompted call for an end to sugar subsidies as he spoke, calling them wasteful."
    rows: list[Row] = [
        ("Cruz", "Cruz", "PROPN", "NNP", 2, "nsubj"),
        ("made", "make", "VERB", "VBD", 0, "root"),
        ("an", "a", "DET", "DT", 5, "det"),
        ("unprompted", "unprompted", "NOUN", "NN", 5, "compound"),
        ("call", "call", "NOUN", "NN", 2, "obj"),
        ("for", "for", "ADP", "IN", 8, "case"),
        ("an", "a", "DET", "DT", 8, "det"),
        ("end", "end", "NOUN", "NN", 5, "nmod"),
        ("to", "to", "ADP", "IN", 11, "case"),
        ("sugar", "sugar", "NOUN", "NN", 11, "compound"),
        ("subsidies", "subsidy", "NOUN", "NNS", 8, "nmod"),
        ("as", "as", "SCONJ", "IN", 14, "mark"),
        ("he", "he", "PRON", "PRP", 14, "nsubj"),
        ("spoke", "speak", "VERB", "VBD", 2, "advcl"),
        (",", ",", "PUNCT", ",", 16, "punct"),
        ("calling", "call", "VERB", "VBG", 2, "advcl"),
        ("them", "they", "PRON", "PRP", 16, "obj"),
        ("wasteful", "wasteful", "ADJ", "JJ", 16, "xcomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _reports(text, rows).get("an end to sugar subsidies") == "Cruz"


def test_content_ends_at_full_stop_before_a_run_on_quotation():
    """ "Mr. Lee said, the industry was over-supplied. ''It was waiting for a recession,'' he said.":
    the compact parser runs the sentence on into the quotation after it; the report after its cue
    ends before the full stop that precedes the quotation, not inside the quotation (no report)."""
    text = "Mr. Lee said, the industry was over-supplied. ''It was waiting for a recession,'' he said."
    rows: list[Row] = [
        ("Mr.", "Mr.", "PROPN", "NNP", 2, "nmod:desc"),
        ("Lee", "Lee", "PROPN", "NNP", 3, "nsubj"),
        ("said", "say", "VERB", "VBD", 0, "root"),
        (",", ",", "PUNCT", ",", 8, "punct"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("industry", "industry", "NOUN", "NN", 8, "nsubj:pass"),
        ("was", "be", "AUX", "VBD", 8, "aux:pass"),
        ("over-supplied", "over-supply", "VERB", "VBN", 3, "ccomp"),
        (".", ".", "PUNCT", ".", 13, "punct"),
        ("''", "''", "PUNCT", "''", 13, "punct"),
        ("It", "it", "PRON", "PRP", 13, "nsubj"),
        ("was", "be", "AUX", "VBD", 13, "aux"),
        ("waiting", "wait", "VERB", "VBG", 3, "ccomp"),
        ("for", "for", "ADP", "IN", 16, "case"),
        ("a", "a", "DET", "DT", 16, "det"),
        ("recession", "recession", "NOUN", "NN", 13, "obl"),
        (",", ",", "PUNCT", ",", 20, "punct"),
        ("''", "''", "PUNCT", "``", 20, "punct"),
        ("he", "he", "PRON", "PRP", 20, "nsubj"),
        ("said", "say", "VERB", "VBD", 3, "parataxis"),
        (".", ".", "PUNCT", ".", 3, "punct"),
    ]
    found = forged_attributions(text, rows)
    indirect = {a.text: a.speaker.text if a.speaker else None for a in found if a.kind == "indirect"}
    assert indirect == {"the industry was over-supplied": "Mr. Lee"}
