"""Two layouts pinned to the compact parser's trees (issue 10, round 21): a cue that opens a
contrasting clause with its own subject ("..., though he said, “Q”") reports its own words, not
the earlier verb's; a capitalised word after a quotation is part of a name ("Menachem Begin."),
not a mistagged cue verb."""

from __future__ import annotations

from quotecheck.testing.fake_parse import forged_attributions

CONTRAST = "“I'm not there right now,” Moore said last week on CNN, though he said, “I hope to.”"
CONTRAST_ROWS = [  # the compact parser hangs "he said" on "hope", inside the report of "Moore said"
    ("“", "“", "PUNCT", "``", 5, "punct"),
    ("I", "I", "PRON", "PRP", 5, "nsubj"),
    ("'m", "be", "AUX", "VBP", 5, "cop"),
    ("not", "not", "PART", "RB", 5, "advmod"),
    ("there", "there", "ADV", "EX", 11, "ccomp"),
    ("right", "right", "ADV", "RB", 7, "advmod"),
    ("now", "now", "ADV", "RB", 5, "advmod"),
    (",", ",", "PUNCT", ",", 11, "punct"),
    ("”", "”", "PUNCT", "''", 11, "punct"),
    ("Moore", "Moore", "PROPN", "NNP", 11, "nsubj"),
    ("said", "say", "VERB", "VBD", 0, "root"),
    ("last", "last", "ADJ", "JJ", 13, "amod"),
    ("week", "week", "NOUN", "NN", 11, "obl:unmarked"),
    ("on", "on", "ADP", "IN", 15, "case"),
    ("CNN", "CNN", "PROPN", "NNP", 13, "nmod"),
    (",", ",", "PUNCT", ",", 19, "punct"),
    ("though", "though", "SCONJ", "IN", 19, "mark"),
    ("he", "he", "PRON", "PRP", 19, "nsubj"),
    ("said", "say", "VERB", "VBD", 23, "advcl"),
    (",", ",", "PUNCT", ",", 23, "punct"),
    ("“", "“", "PUNCT", "``", 23, "punct"),
    ("I", "I", "PRON", "PRP", 23, "nsubj"),
    ("hope", "hope", "VERB", "VBP", 5, "parataxis"),
    ("to", "to", "PART", "TO", 23, "xcomp"),
    (".", ".", "PUNCT", ".", 11, "punct"),
    ("”", "”", "PUNCT", "''", 5, "punct"),
]


def test_contrasting_clause_keeps_its_own_cue() -> None:
    found = [a for a in forged_attributions(CONTRAST, CONTRAST_ROWS)]
    last = next(a for a in found if a.quote is not None and CONTRAST[a.quote.start :].startswith("“I hope"))
    assert last.speaker is not None and last.speaker.text == "he"
    assert last.cue is not None and last.cue.start == CONTRAST.index("he said") + 3


NAME = "A textbook for graders explains “the advantages of peace“ with a photograph of Menachem Begin."
NAME_ROWS = [  # "explains" tagged a noun: no cue before the quotation
    ("A", "a", "DET", "DT", 2, "det"),
    ("textbook", "textbook", "NOUN", "NN", 0, "root"),
    ("for", "for", "ADP", "IN", 4, "case"),
    ("graders", "grader", "NOUN", "NNS", 5, "compound"),
    ("explains", "explain", "NOUN", "NNS", 2, "nmod"),
    ("“", "“", "PUNCT", "``", 8, "punct"),
    ("the", "the", "DET", "DT", 8, "det"),
    ("advantages", "advantage", "NOUN", "NNS", 2, "parataxis"),
    ("of", "of", "ADP", "IN", 10, "case"),
    ("peace", "peace", "NOUN", "NN", 8, "nmod"),
    ("“", "“", "PUNCT", "``", 14, "punct"),
    ("with", "with", "ADP", "IN", 14, "case"),
    ("a", "a", "DET", "DT", 14, "det"),
    ("photograph", "photograph", "NOUN", "NN", 2, "obl"),
    ("of", "of", "ADP", "IN", 17, "case"),
    ("Menachem", "Menachem", "PROPN", "NNP", 17, "compound"),
    ("Begin", "Begin", "PROPN", "NNP", 14, "nmod"),
    (".", ".", "PUNCT", ".", 2, "punct"),
]


def test_capitalised_name_part_is_no_cue() -> None:
    found = [a for a in forged_attributions(NAME, NAME_ROWS) if a.quote]
    assert found
    assert all(a.cue is None or a.cue.text != "Begin" for a in found)
