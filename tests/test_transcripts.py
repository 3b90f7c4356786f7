"""Transcript layouts: which paragraphs are a Q&A transcript's answers (text only, no parse)."""

from __future__ import annotations

from quotecheck.documents.blocks import paragraph_spans
from quotecheck.quotes import scan_quotes
from quotecheck.transcripts import superseded, transcript_turns


def turns(text: str) -> list[tuple[str, str]]:
    """(label, answer text) of every answer turn the text's layout has."""
    paragraphs = paragraph_spans(text)
    found = transcript_turns(text, paragraphs, scan_quotes(text, paragraphs)[0])
    return [(t.label, t.answer.inner_text(text)) for t in found]


def test_q_and_a_answers_are_turns_and_questions_are_not():
    text = "Jane Roe spoke to us.\n\nQ: Why now?\n\nA: Because it is time.\n\nQ: And then?\n\nA: We rest."
    assert turns(text) == [("A", "Because it is time."), ("A", "We rest.")]


def test_name_labels_in_capitals_are_turns_of_each_speaker():
    text = (
        "Intro.\n\nREYES: Bad night?\n\nBARRAGÁN: Like a wall.\n\nREYES: Ever turn back?\n\nBARRAGÁN: Twice."
    )
    assert [label for label, _ in turns(text)] == ["REYES", "BARRAGÁN", "REYES", "BARRAGÁN"]


def test_surname_labels_as_written_are_turns_when_the_article_named_them_before():
    text = (
        "Speaking on SAfm, spokesperson Athlenda Mathe said leads were followed.\n\n"
        "SAfm: Any arrests?\n\nMathe: Not yet.\n\nSAfm: And commuters?\n\nMathe: Report anything."
    )
    assert turns(text) == [
        ("SAfm", "Any arrests?"),
        ("Mathe", "Not yet."),
        ("SAfm", "And commuters?"),
        ("Mathe", "Report anything."),
    ]
    unnamed = "The vote moved.\n\nNote: One.\n\nUpdate: Two.\n\nNote: Three.\n\nUpdate: Four."
    assert turns(unnamed) == []


def test_one_label_or_notes_are_no_transcript():
    assert turns("UPDATE: The vote moved.\n\nNOTE: A name was misspelled.\n\nShe said no.") == []
    assert turns("Q: One question?\n\nA: One answer.") == []


def test_an_answer_with_quotation_marks_is_left_to_the_quotations():
    text = "Q: What did he say?\n\nA: He said “no.”\n\nQ: And you?\n\nA: Nothing.\n\nA: Really."
    assert turns(text) == [("A", "Nothing."), ("A", "Really.")]


QUOTED = (
    "Partial transcript as follows:\n\n"
    '"WALLACE: Will she be there?\n\n'
    '"PENCE: She will not. He was mocking an “episode of Shark Tank.”\n\n'
    '"That is all it was.\n\n'
    '"(CROSSTALK.)\n\n'
    '"WALLACE: Governor, I want to get —.\n\n'
    '"PENCE: And that is why he will win."'
)


def test_a_transcript_quoted_paragraph_by_paragraph_has_turns_that_run_on():
    assert turns(QUOTED) == [
        ("WALLACE", "Will she be there?"),
        ("PENCE", 'She will not. He was mocking an “episode of Shark Tank.”\n\n"That is all it was.'),
        ("WALLACE", "Governor, I want to get —."),
        ("PENCE", "And that is why he will win."),
    ]


def test_the_marks_of_a_quoted_transcript_make_no_quotations_but_quotations_inside_a_turn_stay():
    paragraphs = paragraph_spans(QUOTED)
    quotes = scan_quotes(QUOTED, paragraphs)[0]
    found = transcript_turns(QUOTED, paragraphs, quotes)
    gone = superseded(found, quotes)
    kept = [q.inner_text(QUOTED) for q in quotes if q not in gone]
    assert gone
    assert kept == ["episode of Shark Tank."]
    assert [t.quoted for t in found] == [True] * 4


def test_an_unquoted_transcript_supersedes_nothing():
    text = "Intro.\n\nREYES: Bad night? She said “never.”\n\nBARRAGÁN: Like a wall.\n\nREYES: Twice."
    paragraphs = paragraph_spans(text)
    quotes = scan_quotes(text, paragraphs)[0]
    assert superseded(transcript_turns(text, paragraphs, quotes), quotes) == []


BROADCAST = (
    "Heat pumps are selling fast.\n\n"
    "STEVE INSKEEP, HOST:\n\n"
    "Americans bought more heat pumps.\n\n"
    "CAMILA ORTEGA, BYLINE: At six in the morning it is cold.\n\n"
    "(SOUNDBITE OF ARCHIVED RECORDING)\n\n"
    "UNIDENTIFIED MAN #1: Who pays?\n\n"
    "ORTEGA: Regulators decide.\n\n"
    "INSKEEP: Thanks."
)


def test_broadcast_labels_with_a_role_or_in_a_paragraph_of_their_own_are_turns():
    # NPR's first label names the speaker and the role, often apart from the turn it opens
    assert turns(BROADCAST) == [
        ("STEVE INSKEEP", "Americans bought more heat pumps."),
        ("CAMILA ORTEGA", "At six in the morning it is cold."),
        ("UNIDENTIFIED MAN #1", "Who pays?"),
        ("ORTEGA", "Regulators decide."),
        ("INSKEEP", "Thanks."),
    ]


def test_a_lone_label_before_a_stage_direction_or_a_role_in_lower_case_makes_no_turn():
    text = "Intro.\n\nREYES:\n\n(SOUNDBITE OF MUSIC)\n\nREYES: Bad night?\n\nBARRAGÁN, host: Like a wall."
    assert turns(text) == []
