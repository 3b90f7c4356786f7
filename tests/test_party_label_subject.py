"""A party label's letter is no speaker: the compact parser makes the "D" of "(D-Calif.)" (or the
"I" of "(I-Vt.)") the subject of the cue verb; the name before the parenthesis speaks (issue 10,
round 19: held-out +3 direct speakers)."""

from __future__ import annotations

from quotecheck.testing.fake_parse import forged_attributions

TEXT = "Sen. Ana Ruiz (D-Calif.) said, “The harbor deal is a giveaway.”"
ROWS = [  # the compact parser's tree: "Sen." an oblique, "D" the subject of "said"
    ("Sen.", "Sen.", "PROPN", "NNP", 9, "obl"),
    ("Ana", "Ana", "PROPN", "NNP", 1, "flat"),
    ("Ruiz", "Ruiz", "PROPN", "NNP", 1, "flat"),
    ("(", "(", "PUNCT", "-LRB-", 5, "punct"),
    ("D", "D", "PROPN", "NNP", 9, "nsubj"),
    ("-", "-", "PUNCT", "HYPH", 5, "punct"),
    ("Calif.", "Calif.", "PROPN", "NNP", 5, "flat"),
    (")", ")", "PUNCT", "-RRB-", 5, "punct"),
    ("said", "say", "VERB", "VBD", 0, "root"),
    (",", ",", "PUNCT", ",", 9, "punct"),
    ("“", "“", "PUNCT", "``", 15, "punct"),
    ("The", "the", "DET", "DT", 14, "det"),
    ("harbor", "harbor", "NOUN", "NN", 14, "compound"),
    ("deal", "deal", "NOUN", "NN", 15, "nsubj"),
    ("giveaway", "giveaway", "NOUN", "NN", 9, "ccomp"),
    (".", ".", "PUNCT", ".", 9, "punct"),
    ("”", "”", "PUNCT", "''", 9, "punct"),
]


def test_party_label_letter_is_no_subject() -> None:
    found = [a for a in forged_attributions(TEXT, ROWS) if a.quote]
    assert len(found) == 1
    assert found[0].speaker is not None and found[0].speaker.text == "Sen. Ana Ruiz"
