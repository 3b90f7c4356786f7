"""Layouts pinned to the compact parser's trees (issue 10, round 21): a capitalised word after a
quotation is part of a name ("Menachem Begin."), not a mistagged cue verb."""

from __future__ import annotations

from quotecheck.attribution import attribute
from quotecheck.quotes import scan_quotes
from quotecheck.testing.fake_parse import forged_parse

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
    found = [a for a in attribute(NAME, forged_parse(NAME, NAME_ROWS), scan_quotes(NAME)[0]) if a.quote]
    assert found
    assert all(a.cue is None or a.cue.text != "Begin" for a in found)
