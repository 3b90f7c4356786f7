"""Transcript layouts: question-and-answer interviews whose answers carry no quotation marks.

An interview printed as a transcript labels each turn instead of quoting it::

    Q: Why write a book now?
    A: My granddaughter wanted to know what it was like out there ...
    ELLERY: Fishing is harder on your back.

(in Markdown the labels are often bold: ``**Q:**``; the Markdown reader drops the emphasis, so
the article text reads the same). The answers are the interviewee's words: each labelled answer
paragraph is a markless quotation (:class:`~quotecheck.quotes.QuoteSpan` with empty marks).
Questions ("Q:") are the interviewer's, edited by the newsroom, and are not quotations; a turn
labelled with a name ("ELLERY:", "WALLACE:") is that person's quotation. Attribution
(:mod:`quotecheck.attribution`) gives "A:" answers the interviewee named before the transcript.

Only a layout with at least two labelled answers and a question label, or two speakers' name
labels with one of them used twice, is a transcript: a "Note:" or "UPDATE:" paragraph is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .quotes import QuoteSpan

# a turn label at the start of a paragraph: "Q:", "A:", "Q.", or a name (in capitals, checked
# apart: "ELLERY:", "MIKE PENCE:", "BARRAGÁN:"), then the turn's text
_LABEL = re.compile(r"(?P<label>[^\W\d_][\w.'’-]+(?: [^\W\d_][\w.'’-]+){0,2}|[QA])\s*(?P<sep>[:.])\s+(?=\S)")
QUESTION_LABEL = "Q"
ANSWER_LABEL = "A"
MIN_TURNS = 2  # labelled answers (or name turns) that make a layout a transcript


@dataclass(frozen=True)
class Turn:
    """One labelled answer of a transcript: its label ("A", "ELLERY") and its text as a
    markless quotation."""

    label_start: int
    label_end: int  # just past the colon
    label: str
    answer: QuoteSpan

    @property
    def named(self) -> bool:
        """Is the label the speaker's name (not "A")?"""
        return self.label != ANSWER_LABEL


def _labelled(text: str, start: int, end: int) -> re.Match[str] | None:
    """The turn label opening the paragraph ``text[start:end]``; "Q." and "A." need a colon
    form elsewhere to count, so a period after a name is not a label."""
    m = _LABEL.match(text, start, end)
    if m is None or not m.group("label").isupper():  # a name label is in capitals: "BARRAGÁN:"
        return None
    if m.group("sep") == "." and m.group("label") not in (QUESTION_LABEL, ANSWER_LABEL):
        return None
    return m


def transcript_turns(
    text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[QuoteSpan]
) -> list[Turn]:
    """The answer turns of a transcript layout in the article, in text order; none when the
    article has no transcript. A paragraph holding a quotation mark's quotation is left to the
    quotations (its marks say what was said)."""
    labelled = [(p, m) for p in paragraphs if (m := _labelled(text, *p)) is not None]
    labels = [m.group("label") for _, m in labelled]
    answers = labels.count(ANSWER_LABEL)
    names = [lab for lab in labels if lab not in (QUESTION_LABEL, ANSWER_LABEL)]
    if not (
        (answers >= MIN_TURNS and QUESTION_LABEL in labels)
        or (
            any(names.count(name) >= MIN_TURNS for name in names)
            and len(set(names)) >= MIN_TURNS
            and QUESTION_LABEL not in labels
            and ANSWER_LABEL not in labels
        )
    ):
        return []
    turns: list[Turn] = []
    for (start, end), m in labelled:
        label = m.group("label")
        if label == QUESTION_LABEL or any(q.start < end and start < q.end for q in quotes):
            continue
        turns.append(Turn(m.start(), m.end("sep"), label, QuoteSpan(m.end(), end, "", "")))
    return turns
