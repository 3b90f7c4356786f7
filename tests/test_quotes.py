"""The typography scanner: which marks open and close quotations, on text alone."""

import pytest

from quotecheck.documents.blocks import paragraph_spans
from quotecheck.quotes import scan_quotes


def inner(text: str) -> list[str]:
    quotes, _ = scan_quotes(text)
    return [q.inner_text(text) for q in quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Curly,” he said.", ["Curly,"]),
        ('"Straight," he said.', ["Straight,"]),
        ("''Typewriter,'' said Mr. Burman.", ["Typewriter,"]),
        ("«Guillemets», dit-il.", ["Guillemets"]),
        ('He said "one" and "two".', ["one", "two"]),
        ("Glued to training.”The number", []),  # a closing mark with nothing open
        ("“Ends training.”The number of nations", ["Ends training."]),
        ('“Mixed marks," Chaffetz said.', ["Mixed marks,"]),
        ("“Typo close,“ he said.", ["Typo close,"]),  # “ glued to the word, space after: a close
    ],
)
def test_pairs(text, expected):
    assert inner(text) == expected


def test_multi_paragraph_quotation_reopens_each_paragraph():
    text = "“First paragraph.\n\n“Second paragraph.\n\n“Third,” she said.\n\nAfter."
    quotes, problems = scan_quotes(text)
    assert problems == []
    assert len(quotes) == 1
    q = quotes[0]
    assert q.paragraphs == 3
    assert q.start == 0 and text[q.end - 1] == "”"
    assert [text[i] for i in q.reopen_marks] == ["“", "“"]


def test_paragraph_without_reopening_mark_leaves_quotation_unclosed():
    text = "“Never closed here.\n\nThe next paragraph is narration. “Fine,” he said."
    quotes, problems = scan_quotes(text)
    assert [q.inner_text(text) for q in quotes] == ["Fine,"]
    assert len(problems) == 1
    assert problems[0].offset == 0 and problems[0].reason == "never closed"


def test_closing_mark_with_nothing_open_is_reported_not_raised():
    text = "He said it was over.” Then he left."
    quotes, problems = scan_quotes(text)
    assert quotes == []
    assert [(p.offset, p.reason) for p in problems] == [(text.index("”"), "closes nothing")]


def test_unclosed_at_end_of_text():
    _, problems = scan_quotes("She said, “this never ends")
    assert [p.reason for p in problems] == ["never closed"]


@pytest.mark.parametrize(
    "text, nested",
    [
        ("“He told me ‘no way’ and left,” she said.", ["‘no way’"]),
        ("\"He said 'stop' twice,\" she said.", ["'stop'"]),
        ("“Don’t cite the ’90s or rock ’n’ roll or Jones’ book,” he said.", []),
        ("“The boys’ ‘big idea’ failed,” he said.", ["‘big idea’"]),
    ],
)
def test_nested_single_quotes_are_not_apostrophes(text, nested):
    quotes, problems = scan_quotes(text)
    assert problems == []
    assert len(quotes) == 1
    assert [text[n.start : n.end] for n in quotes[0].nested] == nested


def test_apostrophes_outside_quotations_are_ignored():
    quotes, problems = scan_quotes("Jones’ plan for the ’90s isn’t 'bad', officials said.")
    assert quotes == [] and problems == []


def test_paragraph_spans_skip_blank_lines():
    text = "One.\n\n\nTwo.\r\n\r\nThree."
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["One.", "Two.", "Three."]


@pytest.mark.parametrize(
    "text, expected, unpaired",
    [
        # a “ whose ” is followed by the outer closing mark is nested in the open quotation
        ("“He calls it “hell” and means it,” she said.", ["He calls it “hell” and means it,"], 0),
        (
            '"The question: “Will you accept?” He never answered."',
            ["The question: “Will you accept?” He never answered."],
            0,
        ),
        # a “ followed by an opening mark after its ” starts a new quotation, as before
        ("“One “two” and “three” four.", ["two", "three"], 1),
    ],
)
def test_nested_double_quotations(text, expected, unpaired):
    quotes, problems = scan_quotes(text)
    assert [q.inner_text(text) for q in quotes] == expected
    assert len(problems) == unpaired


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "‘We will deliver,’ said the minister. The government’s plan was called ‘a fantasy’.",
            ["We will deliver,", "a fantasy"],
        ),
        (
            "‘The players’ union is strong,’ he said. ‘Bring it on.’",
            ["The players’ union is strong,", "Bring it on."],
        ),
        ("‘He told me “never”,’ she said. ‘It’s over.’", ["He told me “never”,", "It’s over."]),
        # a US article: double marks outside, a headline's single quotes stay out
        ("Trump Calls Plan ‘Disaster’\n\n“It is bad,” he said. “Very bad.”", ["It is bad,", "Very bad."]),
    ],
)
def test_british_single_quotations(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_british_marks_are_reported_as_written() -> None:
    text = "‘One,’ she said. ‘Two and ‘three.’"
    quotes, problems = scan_quotes(text)
    assert [(q.open_mark, q.close_mark) for q in quotes] == [("‘", "’"), ("‘", "’")]
    assert [(p.offset, p.mark) for p in problems] == [(17, "‘")]
