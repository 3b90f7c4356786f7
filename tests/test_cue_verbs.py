"""Speech verbs that PolNeAR marks as the cue of a direct quotation and that quotecheck only
knows from the lexicon (``speech_verbs.txt``): each must make the verb after a quotation its cue
and that verb's subject its speaker, on a forged parse of the compact parser's kind of tree."""

from __future__ import annotations

import pytest

from quotecheck.lexicons import default_lexicon
from quotecheck.testing.fake_parse import forged_attributions

# (form in the text, lemma): "“Q,” remembered Roy Verley, HP's former chief corporate spokesman."
# and the like in the PolNeAR tuning set; not in the lexicon, such a verb followed by a name and
# an apposition (too long for the any-verb layout) leaves the quotation without a speaker.
CUE_VERBS = [
    ("remembered", "remember"),
    ("retweeted", "retweet"),
    ("cracked", "crack"),
    ("railed", "rail"),
    ("referenced", "reference"),
    ("implied", "imply"),
    ("identified", "identify"),
    ("groused", "grouse"),
    ("defended", "defend"),
    ("ridiculed", "ridicule"),
    ("chided", "chide"),
    ("credited", "credit"),
    ("challenged", "challenge"),
    ("rejected", "reject"),
    ("ripped", "rip"),
    ("knocked", "knock"),
]


# Issue 10's own list of missing speech verbs, with the lemma the compact lemmatizer gives (it
# mangles the rarer ones: "implored" -> "implor", "echoed" -> "echoe"): the inflected form must
# still find the lexicon lemma.
ISSUE_VERBS = [
    ("blurted", "blurt"),
    ("echoed", "echoe"),
    ("repeated", "repeat"),
    ("implored", "implor"),
    ("fumed", "fume"),
    ("assured", "assure"),
    ("interjected", "interject"),
    ("reiterated", "reiterate"),
    ("quipped", "quipp"),
    ("slammed", "slamm"),
    ("implies", "implie"),
    ("cries", "crie"),
]


@pytest.mark.parametrize(("form", "lemma"), CUE_VERBS + ISSUE_VERBS)
def test_lexicon_verb_after_a_quotation_names_its_speaker(form: str, lemma: str) -> None:
    text = f"“We will win this fight,” {form} Roy Verley, a former spokesman."
    rows = [
        ("“", "“", "PUNCT", 4, "punct"),
        ("We", "we", "PRON", 4, "nsubj"),
        ("will", "will", "AUX", 4, "aux"),
        ("win", "win", "VERB", 9, "ccomp"),
        ("this", "this", "DET", 6, "det"),
        ("fight", "fight", "NOUN", 4, "obj"),
        (",", ",", "PUNCT", 4, "punct"),
        ("”", "”", "PUNCT", 4, "punct"),
        (form, lemma, "VERB", "VBD", 0, "root"),
        ("Roy", "Roy", "PROPN", 9, "nsubj"),
        ("Verley", "Verley", "PROPN", 10, "flat"),
        (",", ",", "PUNCT", 15, "punct"),
        ("a", "a", "DET", 15, "det"),
        ("former", "former", "ADJ", 15, "amod"),
        ("spokesman", "spokesman", "NOUN", 10, "appos"),
        (".", ".", "PUNCT", 9, "punct"),
    ]
    found = [a for a in forged_attributions(text, rows) if a.quote]
    assert len(found) == 1
    assert found[0].cue is not None and found[0].cue.text == form
    assert found[0].cue.lemma in default_lexicon().speech_verbs  # "implore", not the parse's "implor"
    assert found[0].speaker is not None and found[0].speaker.text == "Roy Verley"
