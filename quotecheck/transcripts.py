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

Only a layout with at least two labelled answers and a question label, a question label and one
name label used at least twice ("Q:" / "TARRANT:"), or two speakers' name labels with one of them
used twice, is a transcript: a "Note:" or "UPDATE:" paragraph is not.

A transcript may also be quoted paragraph by paragraph, the way a long quotation runs over
several paragraphs (each opens with a quotation mark, only the last one closes)::

    Partial transcript as follows:
    "WALLACE: Will Gennifer Flowers be there?
    "PENCE: Gennifer Flowers will not be attending the debate.
    "Donald Trump's not about that. ...

Each labelled paragraph is then a turn too, running on over the unlabelled paragraphs after it
(but not over a stage direction such as "(CROSSTALK.)"), and its marks are the transcript's, not
a quotation's: :func:`superseded` names the quotations the marks made, which the turns replace.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .quotes import QuoteSpan

# a turn label at the start of a paragraph: "Q:", "A:", "Q.", or a name (in capitals, checked
# apart: "ELLERY:", "MIKE PENCE:", "BARRAGÁN:"), then the turn's text; an opening quotation
# mark before the label makes it a turn of a quoted transcript
_WORDS = r"[^\W\d_][\w.'’-]+(?: [^\W\d_][\w.'’-]+){0,2}"
_LABEL = re.compile(
    r"(?P<mark>[\"“])?"
    rf"(?P<label>{_WORDS}(?: #\d+)?|[QA])(?:, (?P<role>{_WORDS}))?\s*(?P<sep>[:.])(?:\s+(?=\S)|\s*\Z)"
)
QUESTION_LABEL = "Q"
ANSWER_LABEL = "A"
MIN_TURNS = 2  # labelled answers (or name turns) that make a layout a transcript
OPENING_MARKS = ('"', "“")  # the marks that may open a quoted transcript's turn
_CLOSING_MARKS = ('"', "”")


@dataclass(frozen=True)
class Turn:
    """One labelled answer of a transcript: its label ("A", "ELLERY") and its text as a
    markless quotation."""

    label_start: int
    label_end: int  # just past the colon
    label: str
    answer: QuoteSpan
    quoted: bool = False  # a turn of a transcript quoted paragraph by paragraph ("\"PENCE: ...")

    @property
    def named(self) -> bool:
        """Is the label the speaker's name (not "A")?"""
        return self.label != ANSWER_LABEL


def _labelled(text: str, start: int, end: int) -> re.Match[str] | None:
    """The turn label opening the paragraph ``text[start:end]``; "Q." and "A." need a colon
    form elsewhere to count, so a period after a name is not a label."""
    m = _LABEL.match(text, start, end)
    if m is None:
        return None
    named = m.group("label") not in (QUESTION_LABEL, ANSWER_LABEL)
    if m.group("sep") == "." and (named or m.group("role")):
        return None  # checked first: "Yes." opens many a paragraph, and _named_before reads all before it
    if not (m.group("label").isupper() or _named_before(text, m.group("label"), start)):
        return None
    if m.group("role") and not (named and m.group("role").isupper()):  # "STEVE INSKEEP, HOST:"
        return None
    if _label_only(m, end) and (not named or m.group("mark")):
        return None
    return m


def _label_only(m: re.Match[str], end: int) -> bool:
    """Is the label its paragraph's only text? A broadcast transcript sets a speaker's first label,
    with the role, apart from the turn ("STEVE INSKEEP, HOST:" and the turn in the next paragraph)."""
    return m.end() >= end or not m.string[m.end() : end].strip()


def _named_before(text: str, label: str, start: int) -> bool:
    """Is a label not in capitals ("Mathe:", "SAfm:") a one-word name the article wrote, with a
    capital, before the paragraph it opens ("spokesperson Athlenda Mathe said", "Speaking on SAfm")?
    Radio and TV transcripts label turns with the speaker's surname as written: "Note:" or
    "Update:" name nobody earlier."""
    if " " in label or not label[:1].isupper() or label in (QUESTION_LABEL, ANSWER_LABEL):
        return False
    return re.compile(rf"(?<![\w.]){re.escape(label)}(?![\w:])").search(text, 0, start) is not None


def transcript_turns(
    text: str, paragraphs: Sequence[tuple[int, int]], quotes: Sequence[QuoteSpan]
) -> list[Turn]:
    """The answer turns of a transcript layout in the article, in text order; none when the
    article has no transcript. A paragraph holding a quotation mark's quotation is left to the
    quotations (its marks say what was said)."""
    labelled = [(k, m) for k, p in enumerate(paragraphs) if (m := _labelled(text, *p)) is not None]
    labels = [m.group("label") for _, m in labelled]
    answers = labels.count(ANSWER_LABEL)
    # "STEVE INSKEEP" then "INSKEEP": a broadcast labels a speaker in full once, by surname after
    names = [lab.split()[-1] for lab in labels if lab not in (QUESTION_LABEL, ANSWER_LABEL)]
    if not (
        (answers >= MIN_TURNS and QUESTION_LABEL in labels)
        or (QUESTION_LABEL in labels and ANSWER_LABEL not in labels and _one_named_answerer(names))
        or (
            any(names.count(name) >= MIN_TURNS for name in names)
            and len(set(names)) >= MIN_TURNS
            and QUESTION_LABEL not in labels
            and ANSWER_LABEL not in labels
        )
    ):
        return []
    turns: list[Turn] = []
    labelled_starts = {paragraphs[k][0] for k, _ in labelled}
    for k, m in labelled:
        start, end = paragraphs[k]
        label = m.group("label")
        if label == QUESTION_LABEL:
            continue
        if m.group("mark"):
            answer = _quoted_answer(text, paragraphs, k, m.end(), labelled_starts)
            turns.append(Turn(m.start("label"), m.end("sep"), label, answer, quoted=True))
        elif _label_only(m, end):
            following = _next_paragraph_answer(text, paragraphs, k, labelled_starts, quotes)
            if following is not None:
                turns.append(Turn(m.start(), m.end("sep"), label, following))
        elif not any(q.start < end and start < q.end for q in quotes):
            turns.append(Turn(m.start(), m.end("sep"), label, QuoteSpan(m.end(), end, "", "")))
    return turns


def _next_paragraph_answer(
    text: str,
    paragraphs: Sequence[tuple[int, int]],
    own: int,
    labelled: set[int],
    quotes: Sequence[QuoteSpan],
) -> QuoteSpan | None:
    """The turn of a label set in a paragraph of its own: the next paragraph, unless that one is
    labelled itself, a stage direction ("(SOUNDBITE OF MUSIC)") or holds a quotation mark's
    quotation."""
    if own + 1 >= len(paragraphs):
        return None
    start, end = paragraphs[own + 1]
    if start in labelled or text.startswith("(", start):
        return None
    if any(q.start < end and start < q.end for q in quotes):
        return None
    return QuoteSpan(start, end, "", "")


def _one_named_answerer(names: Sequence[str]) -> bool:
    """Do "Q:" questions get their answers under one name label used at least twice ("**Q:** ...
    / **TARRANT:** ...")? A newsroom's interview labels its own questions "Q" and the
    interviewee's answers by name."""
    return len(set(names)) == 1 and len(names) >= MIN_TURNS


def _quoted_answer(
    text: str, paragraphs: Sequence[tuple[int, int]], own: int, start: int, labelled: set[int]
) -> QuoteSpan:
    """The answer of a quoted transcript's turn, from its label to the end of its paragraph and of
    the unlabelled paragraphs after it that open with a quotation mark (the turn goes on); a
    stage direction ("(CROSSTALK.)") or a paragraph with no mark ends it, and the closing mark
    of the whole transcript stays outside. ``own`` is the index of the turn's paragraph (in text
    order, as ``paragraphs`` are), ``start`` where its answer starts: only the paragraphs after it
    are read."""
    end = paragraphs[own][1]
    reopen: list[int] = []
    for p_start, p_end in (paragraphs[k] for k in range(own + 1, len(paragraphs))):
        if p_start in labelled or not text.startswith(OPENING_MARKS, p_start):
            break
        if text[p_start + 1 : p_end].lstrip().startswith("("):
            break
        reopen.append(p_start)
        end = p_end
    close = end - 1 if end - 1 > start and text[end - 1] in _CLOSING_MARKS else end
    return QuoteSpan(start, close, "", "", paragraphs=1 + len(reopen), reopen_marks=tuple(reopen))


def superseded(turns: Sequence[Turn], quotes: Sequence[QuoteSpan]) -> list[QuoteSpan]:
    """The quotations that a quoted transcript's marks made and its turns replace: every one that
    overlaps a quoted turn (from the mark before its label to its end) without lying inside its
    answer. A quotation inside an answer ("an episode of “Shark Tank.”") stays."""
    spans = [(t.label_start - 1, t.answer.end, t.answer) for t in turns if t.quoted]
    return [
        q
        for q in quotes
        if any(
            q.start < end and start < q.end and not (a.start <= q.start and q.end <= a.end)
            for start, end, a in spans
        )
    ]
