"""Attribution: the cue and the speaker mention of every quotation, plus indirect speech.

Input: the article text, its :class:`~quotecheck.parsing.Parse` and the quotation spans from
:mod:`quotecheck.quotes`. Output: :class:`Attribution` records in text order. No model is
needed here: tests feed stored parses.

The compact parser attaches about one word in five wrongly, so every pattern is anchored on
the surface layout around the quotation and asks the parse only local questions ("what is the
subject of this verb", "how far does this noun phrase reach"):

- the *frame* of a quotation is the text of its own sentence outside the quotation: the
  stretch before the opening mark back to the previous quotation or sentence end, and the
  stretch after the closing mark up to the next quotation or sentence end;
- a *cue* is a speech verb from the lexicon in the frame ("said", "added"), "according to",
  or a colon that introduces the quotation;
- the *speaker* is the cue verb's subject ("Jones said", "said Jones", "he said"), the object
  of "according to", or the subject of the clause before a colon;
- a quotation with no cue in its frame *floats*: it takes the speaker of the previous
  quotation in the same or the previous paragraph.

Each pattern is a short function whose docstring names the layout it matches.
:data:`POST_PATTERNS` and :data:`PRE_PATTERNS` list them in the order they are tried after and
before a quotation, and :func:`_choose` says which side's candidate wins; :data:`REFINEMENTS`
then correct its cue or speaker where a layout says the parse is wrong; the name of the
pattern that matched is the cue's ``pattern`` (:class:`~quotecheck.vocab.CuePattern`), as are
"chained" (a second quotation sharing the first one's cue), "indirect-verb" and "transcript" (the
answers of a Q&A transcript, :mod:`quotecheck.transcripts`: "A:" goes to the interviewee).

The package's modules, in the order they build on each other: :mod:`._base` (the records and
the article context), :mod:`.cues` (cue verbs, speakers at a cue, the direct patterns and the
choice between them), :mod:`.kinds` (direct, partial, scare and title quotations),
:mod:`.indirect` (indirect speech) and :mod:`.core` (:func:`attribute`, the refinements,
chaining and floating quotations).
"""

from ._base import Attribution, Cue
from .core import REFINEMENTS, attribute
from .cues import POST_PATTERNS, PRE_PATTERNS
from .indirect import INDIRECT_PATTERNS

__all__ = [
    "INDIRECT_PATTERNS",
    "POST_PATTERNS",
    "PRE_PATTERNS",
    "REFINEMENTS",
    "Attribution",
    "Cue",
    "attribute",
]
