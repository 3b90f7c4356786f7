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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from heapq import heappop, heappush
from itertools import accumulate, islice, pairwise, takewhile

from .documents.blocks import paragraph_spans
from .lexicons import Lexicon, default_lexicon
from .mentions import (
    POSSESSIVE_S,
    ArticleText,
    GivenNameIndex,
    Mention,
    given_name_gender,
    given_name_index,
    is_group_quantifier,
    is_time_text,
    is_time_word,
    make_mention,
    name_gender,
    name_mention,
    np_head,
    surname,
)
from .parsing import Parse, Sentence, Word
from .quotes import QuoteSpan
from .transcripts import Turn, superseded, transcript_turns
from .vocab import CuePattern, MentionKind, QuoteKind, Resolution

SUBJECT_RELS = ("nsubj", "nsubj:pass")
SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’')\]]|$)")
DIRECT_MIN_WORDS = 9  # an embedded quotation this long is a full quotation, not a partial one
POST_CUE_MAX_WORDS = 8  # a cue after a quotation that ends its sentence sits this close
POST_CUE_LONG_WINDOW = 40  # after "Q," the cue may follow a long apposition


@dataclass(frozen=True)
class Cue:
    """The words that attribute a quotation ("said", "according to", ":"), and the pattern
    (:data:`POST_PATTERNS`, :data:`PRE_PATTERNS`) that found them."""

    start: int
    end: int
    text: str
    lemma: str
    pattern: CuePattern


@dataclass(frozen=True)
class Attribution:
    """One quotation (or indirect attribution) with its cue and speaker."""

    start: int  # span of the quotation, marks included; for indirect: the reported clause
    end: int
    kind: QuoteKind
    text: str
    quote: QuoteSpan | None
    cue: Cue | None
    speaker: Mention | None
    resolution: Resolution | None  # explicit, pronoun, nominal or floating (the source is linked later)
    paragraph: int
    antecedent: int | None = None  # for floating: index of the attribution it takes its speaker from


@dataclass
class _Context(ArticleText):
    """The article as attribution reads it: mention indexes plus paragraphs."""

    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    para_starts: list[int] = field(default_factory=list)
    footers: list[tuple[int, int]] = field(default_factory=list)  # blocks that say who a block quote is by
    quote_ends: list[int] = field(default_factory=list)  # every quotation's end, sorted
    quote_reach: list[int] = field(default_factory=list)  # [i]: the furthest end of quotes[: i + 1]
    post_verbs: dict[tuple[int, int, int], tuple[int, Word] | None] = field(default_factory=dict)
    # (quote start, frame after it): the first speech verb there (_post_verb_word; asked 2-4 times)
    calendar_surnames: dict[str, bool] = field(default_factory=dict)  # _calendar_surname, per word

    def __post_init__(self) -> None:
        super().__post_init__()
        if not self.paragraphs:  # no Document blocks given: the text's blank-line paragraphs
            self.paragraphs = paragraph_spans(self.text) or [(0, len(self.text))]
        self.para_starts = [s for s, _ in self.paragraphs]
        self.quote_ends = sorted(q.end for q in self.quotes)
        self.quote_reach = list(accumulate((q.end for q in self.quotes), max))

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect_right(self.para_starts, offset) - 1)

    def given_names(self) -> GivenNameIndex:
        """Where the article writes a surname after a given name, indexed once (a scan of the
        whole text) on first use and shared with the source stage (:func:`given_name_index`)."""
        return given_name_index(self.text)


# ---------------------------------------------------------------------------------- frames


def _sentence_bounds(ctx: _Context, pos: int, direction: int, limit: int) -> int:
    """Walk from ``pos`` to the sentence end (direction +1) or start (-1), not past ``limit``,
    skipping text inside quotations."""
    text = ctx.text
    if direction > 0:
        i = pos
        while i < limit:
            if ctx.in_quote(i):
                i += 1
                continue
            if (
                text[i] in ".!?"
                and (
                    i + 1 >= len(text)
                    or text[i + 1].isspace()
                    or text[i + 1] in "”\"’')"
                    or (text[i + 1].isupper() and not text[i - 1 : i].isupper())
                )
                and not _is_abbreviation(text, i, ctx.lexicon)
            ):
                # "Jones said.Training would" (glued) ends the sentence too; "U.S." does not
                return i
            i += 1
        return limit
    i = pos - 1
    while i >= limit:
        if not ctx.in_quote(i) and text[i] in ".!?" and not _is_abbreviation(text, i, ctx.lexicon):
            nxt = text[i + 1] if i + 1 < len(text) else ""
            if not nxt or nxt.isspace() or nxt.isupper() or nxt in '“"':
                return i + 1
        i -= 1
    return limit


def _is_abbreviation(text: str, i: int, lex: Lexicon) -> bool:
    """Is the period at ``i`` part of an abbreviation or initial (Gen., L., U.S.)?"""
    if text[i] != ".":
        return False
    before = text[max(0, i - 6) : i]
    m = re.search(r"([A-Za-z.]+)$", before)
    if not m:
        return False
    word = m.group(1)
    if word.rstrip(".") in lex.titles:
        return True
    if re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
        return True
    return word in lex.abbreviations


@dataclass(frozen=True)
class _Frame:
    pre: tuple[int, int]  # [start, quote.start)
    post: tuple[int, int]  # [quote.end, end)


def _frame(ctx: _Context, qi: int) -> _Frame:
    q = ctx.quotes[qi]
    p_start = ctx.paragraphs[ctx.paragraph_of(q.start)][0]
    prev_end = ctx.quotes[qi - 1].end if qi > 0 else 0
    next_start = ctx.quotes[qi + 1].start if qi + 1 < len(ctx.quotes) else len(ctx.text)
    lo = max(p_start, prev_end)
    pre_start = _sentence_bounds(ctx, q.start, -1, lo)
    end_para = ctx.paragraphs[ctx.paragraph_of(q.end - 1)][1]
    hi = min(end_para, next_start, _line_break_after(ctx, q))
    post_end = _sentence_bounds(ctx, q.end, +1, hi)
    return _Frame((pre_start, q.start), (q.end, post_end))


_ENDS_SENTENCE = re.compile(r"[.!?][\s”\"’']*$")


def _line_break_after(ctx: _Context, q: QuoteSpan) -> int:
    """Layout: “... Peterson Foundation!”⏎Alpert’s metaphor is telling. A quotation that ends its
    sentence and its line: the next line is the next paragraph (many sites put one line break
    between paragraphs), so the frame after the quotation stops at the break, unless the next line
    goes on in lower case (hard-wrapped text). Else the text's end."""
    rest = ctx.text[q.end : q.end + 200]
    gap = len(rest) - len(rest.lstrip(" \t\u00a0"))
    if rest[gap : gap + 1] != "\n" or not _ENDS_SENTENCE.search(ctx.text[q.inner_start : q.inner_end]):
        return len(ctx.text)
    if rest[gap:].lstrip()[:1].islower():
        return len(ctx.text)  # a hard-wrapped line: “Is it safe?”⏎asked Smith.
    return q.end + gap


# ---------------------------------------------------------------------------------- mentions


# ---------------------------------------------------------------------------------- cues


def _is_cue_verb(ctx: _Context, w: Word) -> bool:
    if not _is_speech_verb(ctx.lexicon, w):
        return False
    if w.upos in ("VERB",):
        return True
    # the tagger sometimes calls "said" an adjective or auxiliary
    return w.upos in ("AUX", "ADJ", "NOUN") and w.xpos.startswith("VB")


def _is_speech_verb(lex: Lexicon, w: Word) -> bool:
    """Is ``w`` a form of a speech verb (lexicon ``speech_verbs``), by its lemma or its form?"""
    return _speech_verb_lemma(lex, w.lemma.lower(), w.text.lower()) is not None


def _speech_verb_lemma(lex: Lexicon, lemma: str, form: str) -> str | None:
    """The speech-verb lemma (lexicon ``speech_verbs``) of a word: its own lemma, else, where the
    compact lemmatizer mangles a rarer verb ("implored" -> "implor", "echoed" -> "echoe",
    "blurted" -> "blurte"), its inflected form less the ending, with or without a final "e", a
    doubled consonant undone ("slammed"), "-ied" back to "-y". None for any other word."""
    if lemma in lex.speech_verbs:
        return lemma
    for end in ("ed", "es", "s", "ing"):
        if form.endswith(end) and len(form) > len(end) + 2:
            stem = form[: -len(end)]
            undoubled = stem[:-1] if stem[-1:] == stem[-2:-1] else stem
            stems = (stem, stem + "e", undoubled, stem[:-1] + "y" if stem.endswith("i") else stem)
            return next((x for x in stems if x in lex.speech_verbs), None)
    return None


def _subjects(sent: Sentence, w: Word) -> list[Word]:
    """The parse's subjects of the word ``w``: its children in a subject relation."""
    return [c for c in sent.children(w) if c.deprel in SUBJECT_RELS]


def _sentence_root(sent: Sentence) -> Word | None:
    """The root word of the sentence's parse."""
    return next((w for w in sent.words if w.deprel == "root"), None)


def _subject_of(ctx: _Context, s_idx: int, verb: Word, lo: int, hi: int, depth: int = 0) -> Word | None:
    """The verb's subject inside [lo, hi) and outside quotations; for "calling", "adding"
    (advcl/xcomp/conj) the subject of the governing verb."""
    sent = ctx.parse.sentences[s_idx]
    subjects = [c for c in _subjects(sent, verb) if not ctx.in_quote(c.start, c.end)]
    if subjects:  # a mis-parse can give two ("a senior defense official" -> defense, official)
        nominal = [
            c
            for c in subjects
            if c.upos in ("NOUN", "PROPN", "PRON") or c.lemma.lower() in ctx.lexicon.anonymous_nouns
        ]
        subjects = nominal or subjects  # "Two officials familiar with ...": not the adjective
        before = [c for c in subjects if c.index < verb.index]
        subj = max(before, key=lambda c: c.index) if before else min(subjects, key=lambda c: c.index)
        if subj.lemma.lower() in _RELATIVE_PRONOUNS and verb.deprel == "acl:relcl":
            return sent.head_of(verb)  # "Baylor, who wrote the measure, ...": the relative's antecedent
        return subj
    if depth < 2 and verb.deprel in ("advcl", "xcomp", "conj", "parataxis", "acl"):
        head = sent.head_of(verb)
        if head is not None:  # "After saying ... “Q,” she was “whisked”": a quoted head's subject
            return _subject_of(ctx, s_idx, head, lo, hi, depth + 1)
    return None


def _span_head(ctx: _Context, sent: Sentence, words: list[Word]) -> Word | None:
    """The head of the noun phrase spread over ``words``: the nominal whose head lies outside
    them (a subject first), else the first proper noun, noun or pronoun."""
    idx = {w.index for w in words}
    nominal = [
        w
        for w in words
        if (
            w.upos in ("PROPN", "NOUN", "PRON")
            or (w.upos == "ADJ" and w.lemma.lower() in ctx.lexicon.anonymous_nouns)
            or w.lemma.lower() in ("one", "another")  # "One said", "said another"
        )
        and not ctx.in_quote(w.start)
    ]
    if not nominal:
        return None
    for w in nominal:
        if w.head not in idx and w.deprel in SUBJECT_RELS:
            return w
    for w in nominal:
        if w.head not in idx:
            return w
    return nominal[0]


# a relative clause or a participle phrase set off between subject and verb: "Baylor, who wrote
# it, insisted"; "A district official, speaking on background, said"
_RELATIVE_BEFORE_VERB = re.compile(r",\s+(?:who\b|which\b|whose\b|\w+ing\b)[^,;]*,\s*(?:\w+\s+)?$")


def _surface_subject(ctx: _Context, s_idx: int, verb: Word, lo: int, hi: int) -> Word | None:
    """Layout fallback when the parse gives no subject: the noun phrase between the frame edge
    and the verb ("Rep. John Mica (R-Fla.) said"), or right after the verb ("said Jones")."""
    sent = ctx.parse.sentences[s_idx]
    nxt = sent.word(verb.index + 1) if verb.index < len(sent.words) else None
    # skip a relative clause between subject and verb: "Baylor (R-Idaho), who wrote it, insisted"
    # (the compact parser then often makes the verb a participle hanging on the name)
    rel = _RELATIVE_BEFORE_VERB.search(ctx.text, lo, verb.start)
    finite = (
        verb.xpos in ("VBD", "VBZ", "VBP")
        or verb.feat("VerbForm") == "Fin"
        or verb.deprel in ("root", "parataxis")
        or (nxt is not None and nxt.lemma in (".", ","))
        or (rel is not None and verb.xpos == "VBN")
    )
    stop = rel.start() if rel else verb.start
    # "Sessions, the chairman of ..., warned Obama, “Q”": the tagger's participle after appositions
    named = _name_before_appositions(ctx, sent, lo, stop) if finite or verb.xpos == "VBN" else None
    if named is not None:
        return named
    before = [
        w for w in sent.words if lo <= w.start and w.end <= stop and not ctx.in_quote(w.start) and finite
    ]
    # the stretch right before the verb, back to a clause boundary
    run: list[Word] = []
    for w in reversed(before):
        if w.upos in ("VERB", "SCONJ") or (w.upos == "PUNCT" and w.lemma in ("“", '"', ";", "—", "–")):
            break
        run.insert(0, w)
    while run and run[-1].upos in ("AUX", "ADV", "PART", "PUNCT"):
        run.pop()  # "Jones has repeatedly said"
    run = _without_opening(ctx, _without_time_tail(ctx, run))
    run = [w for w in run if not _in_parentheses(ctx, w)]  # "Sen. Ana Ruiz (D-Calif.) said"
    head = _span_head(ctx, sent, run) if run else None
    if head is not None:  # the phrase stops at the verb ("the contract states": a noun to the tagger)
        return np_head(sent, head, lo, min(hi, verb.start))
    return _inverted_subject(ctx, sent, verb, lo, hi)


# "Scott Pruitt, the attorney general of Oklahoma, one of the states suing the EPA, said": a name
# opening the stretch before the verb, then descriptions set off by commas up to the verb
_APPOSED = re.compile(r"\s*,?\s*([A-Z][^,]*?),(?:[^,]+,)+\s*$")


def _name_before_appositions(ctx: _Context, sent: Sentence, lo: int, stop: int) -> Word | None:
    """The name that opens a subject with comma-set appositions, which the compact parser cuts
    short: the last apposition's noun ("the EPA") is not the speaker. An opening phrase set off
    by a comma ("In October, Mr. Paulson, who ..., told"; "Earlier this week, Clinton, ...")
    is skipped."""
    m = _APPOSED.fullmatch(ctx.text, lo, stop)
    if m is None or ctx.in_quote(lo, stop):
        return None
    words = sent.within(m.start(1), m.end(1))
    if words and _opening_phrase(ctx, words):
        return _name_before_appositions(ctx, sent, m.end(1) + 1, stop)
    if not words or len(words) > 8 or not all(w.text[:1].isupper() or w.upos == "PUNCT" for w in words):
        return None
    head = _span_head(ctx, sent, words)
    return np_head(sent, head, m.start(1), m.end(1)) if head is not None else None


def _is_time_word(ctx: _Context, w: Word) -> bool:
    """A word that makes its phrase a time expression ("Friday", "last week", "years ago", "2016")."""
    return is_time_word(ctx.lexicon, w, years=True)


def _opening_phrase(ctx: _Context, words: list[Word]) -> bool:
    """Is this comma-set stretch at a sentence start an adverbial, not a name: a prepositional
    or participle phrase ("In October", "Asked at a briefing Monday") or a time expression
    ("Earlier this week")?"""
    return words[0].upos in ("ADP", "SCONJ", "VERB", "ADV") or _is_time_word(ctx, words[-1])


def _without_opening(ctx: _Context, run: list[Word]) -> list[Word]:
    """The stretch before a verb without an opening phrase set off by a comma ("In October,
    Mr. Paulson said")."""
    comma = next((i for i, w in enumerate(run) if w.lemma == ","), None)
    if comma is None or comma == 0 or comma + 1 == len(run) or not _opening_phrase(ctx, run[:comma]):
        return run
    return run[comma + 1 :]


def _without_time_tail(ctx: _Context, run: list[Word]) -> list[Word]:
    """The stretch before a verb without the time expression that ends it ("Dianne Feinstein
    (D-Calif.) last week said", "Trump, who ..., on Friday described"): the speaker is before."""
    if not run or not _is_time_word(ctx, run[-1]):
        return run
    kept = list(run)
    while kept and (_is_time_word(ctx, kept[-1]) or kept[-1].upos in ("DET", "ADP", "ADJ", "NUM", "ADV")):
        kept.pop()
    while kept and kept[-1].upos in ("PUNCT", "CCONJ"):
        kept.pop()
    return kept or run


def _inverted_subject(ctx: _Context, sent: Sentence, verb: Word, lo: int, hi: int) -> Word | None:
    """The noun phrase right after a speech verb ("said Jones", "says an official who ...").
    Not after a present participle, whose next noun phrase is its object ("calling the test
    “...”", "accusing Alicia Machado of"); the tagger often calls an inverted "said" VBN."""
    if verb.xpos == "VBG":
        return None
    after: list[Word] = []
    for w in sent.words:
        if w.start <= verb.start or w.end > hi or ctx.in_quote(w.start):
            continue
        if w.upos in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ") or (
            w.upos == "PUNCT" and w.lemma in (",", ".", ";")
        ):
            if after or w.upos != "PUNCT":
                break
            continue
        if after and w.lemma.lower() in ("who", "whom", "whose", "which", "that"):
            break  # "said an official who spoke ...": the relative clause is not the subject
        after.append(w)
    head = _span_head(ctx, sent, after) if after else None
    return np_head(sent, head, lo, hi) if head is not None else None


@dataclass(frozen=True)
class _Found:
    """What a layout function finds: the cue as written and its speaker, if any."""

    start: int
    end: int
    text: str
    lemma: str
    speaker: Mention | None

    def cue(self, pattern: CuePattern) -> Cue:
        return Cue(self.start, self.end, self.text, self.lemma, pattern)


@dataclass(frozen=True)
class _Match:
    """A cue found by a pattern of the table, with the speaker it names."""

    cue: Cue
    speaker: Mention | None


def _passive_agent(ctx: _Context, s_idx: int, verb: Word) -> Word | None:
    """The agent of a passive speech verb ("was described by Jones as “...”"): its speaker, where
    the grammatical subject is what was described."""
    sent = ctx.parse.sentences[s_idx]
    kids = sent.children(verb)
    if not any(c.deprel in ("aux:pass", "nsubj:pass") for c in kids) and verb.xpos != "VBN":
        return None
    for c in kids:
        if (
            c.deprel.startswith("obl")
            and c.upos in ("PROPN", "NOUN", "PRON")
            and not ctx.in_quote(c.start)
            and any(k.deprel == "case" and k.lemma.lower() == "by" for k in sent.children(c))
        ):
            return c
    return None


def _gerund_speaker(ctx: _Context, s_idx: int, verb: Word, lo: int) -> Word | None:
    """The speaker of a gerund cue ("saying", "asking") whose parse subject is missing or a
    date: a name right after "of" ("The ad uses footage of Hillary Clinton asking, “...”"),
    else the subject of the clause it hangs on ("Trump unleashed tweets early Friday saying
    ..."), which the compact parser replaces by the date; the noun the gerund modifies
    ("protesters chanting")."""
    sent = ctx.parse.sentences[s_idx]
    if verb.xpos != "VBG":
        return None
    subjects = _subjects(sent, verb)
    if any(not _is_time_word(ctx, c) for c in subjects):
        return None
    i = verb.index - 1
    while i >= 1 and sent.word(i).upos == "PROPN" and sent.word(i).start >= lo:
        i -= 1
    if i < verb.index - 1 and i >= 1 and sent.word(i).lemma.lower() == "of":
        return sent.word(i + 1)
    head = sent.head_of(verb)
    sender = _document_sender(ctx, sent, head) if head is not None and verb.deprel == "acl" else None
    if sender is not None and sender.start >= lo:  # "blasted out an email to supporters stating"
        return _subject_of(ctx, s_idx, sender, lo, sender.start)
    if _speaking_noun(ctx, sent, verb, head, lo):
        return head
    if subjects and verb.deprel == "advcl":
        subj = _head_subject(ctx, s_idx, verb, lo)
        return subj if subj is not None and subj.index < verb.index else None
    return None


def _speaking_noun(ctx: _Context, sent: Sentence, verb: Word, head: Word | None, lo: int) -> bool:
    """Is ``head`` the people a gerund cue modifies ("with many marchers and spectators chanting
    “We are Orlando”")? Not a document or a speech noun ("a statement saying", "tweets saying":
    their author is the speaker)."""
    lex = ctx.lexicon
    return (
        head is not None
        and verb.deprel == "acl"
        and head.upos in ("NOUN", "PROPN")
        and lo <= head.start < verb.start
        and head.lemma.lower() not in lex.speech_nouns | lex.document_nouns
        and head.deprel not in ("obj", "iobj")  # "accused the moderators of asking"
        and not _is_time_word(ctx, head)
        and not any(  # "at one point calling him “honorable.”": a when or where
            c.deprel == "case" and c.lemma.lower() in ("at", "in", "on") for c in sent.children(head)
        )
    )


def _cue_from_verb(ctx: _Context, s_idx: int, verb: Word, lo: int, hi: int) -> _Found:
    gerund = _gerund_speaker(ctx, s_idx, verb, lo)
    if gerund is not None:
        hi = min(hi, verb.start)  # the mention stops at the cue: "footage of X asking" -> X
    subj = _passive_agent(ctx, s_idx, verb) or gerund or _subject_of(ctx, s_idx, verb, lo, hi)
    if subj is not None:
        subj = _past_dateline(ctx, s_idx, subj)
    if subj is None or not _plausible_subject(ctx, s_idx, verb, subj, lo, hi):
        subj = _surface_subject(ctx, s_idx, verb, lo, hi) or subj
    mention = None
    if subj is not None:
        if verb.upos == "NOUN" and subj.start < verb.start:
            hi = min(hi, verb.start)  # “Q,” the contract states: the tagger's noun is the cue, no head
        subj = np_head(ctx.parse.sentences[s_idx], subj, lo, hi)
        mention = make_mention(ctx, s_idx, subj, lo, hi)
        if mention is not None and _is_writer(mention):
            mention = None  # first person outside quotations: the reporter or an editorial "we"
    mention = _relative_speaker(ctx, s_idx, verb, mention, lo)
    return _Found(verb.start, verb.end, ctx.text[verb.start : verb.end], verb.lemma.lower(), mention)


_RELATIVE_PRONOUNS = ("who", "which", "that")


def _relative_speaker(
    ctx: _Context,
    s_idx: int,
    verb: Word,
    antecedent: Mention | None,
    lo: int,
    pronouns: tuple[str, ...] = _RELATIVE_PRONOUNS,
) -> Mention | None:
    """The speaker mention of a cue verb whose subject is a relative pronoun (one of
    ``pronouns``: "Plouffe, who called Trump “...”"): the pronoun next to the cue (PolNeAR marks
    it), standing for its antecedent, the subject :func:`_subject_of` found, which names the
    source. Other verbs: ``antecedent``. Only when the parse makes the clause a relative one:
    taking the noun before the pronoun when it does not gained one speaker on dev and lost one
    on the held-out articles."""
    sent = ctx.parse.sentences[s_idx]
    rel = next(
        (
            c
            for c in _subjects(sent, verb)
            if c.text.lower() in pronouns and lo <= c.start < verb.start and not ctx.in_quote(c.start)
        ),
        None,
    )
    if rel is None or antecedent is None or antecedent.start >= rel.start:
        return antecedent
    return _relative_mention(rel, antecedent, s_idx)


def _relative_mention(rel: Word, antecedent: Mention, s_idx: int) -> Mention:
    """The mention of a relative pronoun ("who") that speaks for its antecedent."""
    return Mention(
        rel.start,
        rel.end,
        rel.text,
        MentionKind.PRONOUN,
        rel.text.lower(),
        "PRON",
        antecedent.number,
        True,
        s_idx,
        (rel.text,),
        antecedent=antecedent,
    )


def _past_dateline(ctx: _Context, s_idx: int, subj: Word) -> Word:
    """The subject behind a dateline ("WASHINGTON -- President Obama, ..., said", which the parse
    reads as "WASHINGTON" with "Obama" in apposition): the apposition. Dev 784 -> 785 of 870,
    held-out kept."""
    sent = ctx.parse.sentences[s_idx]
    if not _is_dateline(sent, subj):
        return subj
    return next((c for c in sent.children(subj) if c.deprel == "appos"), subj)


def _is_dateline(sent: Sentence, w: Word) -> bool:
    """Is ``w`` a dateline's place ("WASHINGTON —"): a word in capitals before a dash?"""
    nxt = sent.word(w.index + 1) if w.index < len(sent.words) else None
    return w.text.isupper() and len(w.text) > 1 and nxt is not None and nxt.text in ("--", "—", "–")


def _plausible_subject(ctx: _Context, s_idx: int, verb: Word, subj: Word, lo: int, hi: int) -> bool:
    """Is the parse's subject of a cue verb one the layout allows? Not a date ("Rep. Gwen Moore
    said Friday", "said Thursday morning": the compact parser's inverted subject), and, if the
    verb's own, not on the other side of the quotation ("The answers are “...,” says Paul
    Rieckhoff"; a coordinated verb shares its subject: "X claimed “...” and concluded")."""
    if subj.head == verb.index and not lo <= subj.start < hi:
        return False
    if _in_parentheses(ctx, subj):
        return False  # "Sen. Bernie Sanders (I-Vt.) told": the party label's "I" is no subject
    # the subject word itself, not its modifiers: "the night manager said" has a speaker
    return not _is_time_word(ctx, subj)


_PAREN_REACH = 30  # a party label or an aside in parentheses: "(R-Texas)", "(I-Vt.)"


def _in_parentheses(ctx: _Context, w: Word) -> bool:
    """Does ``w`` sit inside a short parenthesis ("(I-Vt.)", "(D-Newport News)")?"""
    before = ctx.text[max(0, w.start - _PAREN_REACH) : w.start]
    after = ctx.text[w.end : w.end + _PAREN_REACH]
    opened = before.rfind("(")
    closed = after.find(")")
    return opened >= 0 and ")" not in before[opened:] and closed >= 0 and "(" not in after[:closed]


_ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)


def _according_to(ctx: _Context, lo: int, hi: int) -> _Found | None:
    """Layout: "Q", according to the report. / According to X, "Q"."""
    m = _ACCORDING.search(ctx.text, lo, hi)
    while m and ctx.in_quote(m.start(), m.end()):
        m = _ACCORDING.search(ctx.text, m.end(), hi)
    if not m:
        return None
    cue = (m.start(), m.end(), ctx.text[m.start() : m.end()], "according to")
    after = [(s, w) for s, w in ctx.words_between(m.end(), hi) if not ctx.in_quote(w.start)]
    if not after:
        return _Found(*cue, None)
    s_idx = after[0][0]
    sent = ctx.parse.sentences[s_idx]
    # the object of "to": the first nominal after "according to", climbed to its phrase head
    head = None
    for _, w in after:
        if w.upos in ("NOUN", "PROPN", "PRON", "NUM"):
            head = np_head(sent, w, m.end(), hi)
            # prefer the word that "according" attaches to
            break
        if w.upos in ("VERB", "AUX"):
            break
    # the parse: "according" -> head noun via "case"/"fixed"
    for w in sent.words:
        if (
            w.start >= m.end()
            and w.end <= hi
            and any(c.start >= m.start() and c.end <= m.end() for c in sent.children(w))
        ):
            if w.upos in ("NOUN", "PROPN", "PRON", "NUM"):
                head = w
            break
    if head is None:
        return _Found(*cue, _according_document(ctx, m.end(), hi))
    return _Found(*cue, make_mention(ctx, s_idx, head, m.end(), hi))


def _according_document(ctx: _Context, start: int, hi: int) -> Mention | None:
    """The source of "according to audio provided to The Times" where the tagger calls the
    document noun a verb: the first word after "according to", past determiners and adjectives,
    that is a document noun tagged as something else; or the noun after a modifier the tagger
    calls a verb ("according to show insiders"), when it names a source."""
    lex = ctx.lexicon
    skipped_verb = False
    for s_idx, w in ctx.words_between(start, hi)[:_ACCORDING_MAX_WORDS]:
        if ctx.in_quote(w.start):
            return None
        if w.upos in ("NOUN", "PROPN"):
            lemma = w.lemma.lower()
            if skipped_verb and (lemma in lex.anonymous_nouns or lemma in lex.organization_nouns):
                return make_mention(ctx, s_idx, w, start, hi)
            return None  # a noun the parse did not take: "according to budget documents reviewed by"
        if w.lemma.lower() in lex.document_nouns or w.text.lower() in lex.document_nouns:
            sent = ctx.parse.sentences[s_idx]
            if w.index < len(sent.words) and sent.word(w.index + 1).upos == "NOUN":
                return None  # a modifier ("budget documents reviewed by"): the parse has the phrase
            return make_mention(ctx, s_idx, w, start, hi)
        skipped_verb = skipped_verb or w.upos == "VERB"
        if w.upos not in ("DET", "ADJ", "VERB"):
            return None
    return None


def _colon_before(ctx: _Context, lo: int, qstart: int) -> int | None:
    """The offset of the colon that ends [lo, qstart), white space aside; None without one."""
    before = ctx.text[lo:qstart].rstrip()
    return lo + len(before) - 1 if before.endswith(":") else None


def _colon_intro(ctx: _Context, lo: int, qstart: int) -> _Found | None:
    """Layout: Jones offered a warning: "Q." (a colon right before the quotation)."""
    colon = _colon_before(ctx, lo, qstart)
    if colon is None:
        return None
    words = [(s, w) for s, w in ctx.words_between(lo, colon) if not ctx.in_quote(w.start)]
    if not words:
        return None
    s_idx = words[-1][0]
    sent = ctx.parse.sentences[s_idx]
    # the main verb of the clause before the colon: the highest word in that stretch
    in_span = [w for s, w in words if s == s_idx]
    verbs = [w for w in in_span if w.upos in ("VERB", "AUX") or w.deprel == "root"]
    top = None
    for w in in_span:
        h = sent.head_of(w)
        if (h is None or not (lo <= h.start < colon)) and w.upos in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
            top = w
            break
    verb = _colon_cue_verb(ctx, s_idx, [v for v in verbs if _is_cue_verb(ctx, v)], top, lo, colon) or (
        top if top is not None and top.upos in ("VERB", "AUX") else (verbs[0] if verbs else None)
    )
    if verb is None:
        return None
    subj = _subject_of(ctx, s_idx, verb, lo, colon) or _surface_subject(ctx, s_idx, verb, lo, colon)
    mention = _colon_subject_mention(ctx, s_idx, subj, lo, colon) if subj else None
    if mention is None:
        return None
    if _is_cue_verb(ctx, verb):
        return _Found(verb.start, verb.end, ctx.text[verb.start : verb.end], verb.lemma.lower(), mention)
    return _Found(colon, colon + 1, ":", ":", mention)


def _colon_subject_mention(ctx: _Context, s_idx: int, subj: Word, lo: int, colon: int) -> Mention | None:
    """The mention of a colon introduction's subject; where the compact parser makes a date the
    subject and the name its compound ("Priebus later Thursday told Fox News:"), the name."""
    sent = ctx.parse.sentences[s_idx]
    if _is_time_word(ctx, subj):  # the date as head, the name its compound: "Priebus later Thursday"
        name = next((c for c in sent.children(subj) if c.deprel == "compound" and c.upos == "PROPN"), None)
        if name is None or name.start < lo:
            return None
        return make_mention(ctx, s_idx, name, lo, name.end)
    return _subject_mention(ctx, s_idx, subj, lo, colon)


def _colon_cue_verb(
    ctx: _Context, s_idx: int, cue_verbs: list[Word], top: Word | None, lo: int, colon: int
) -> Word | None:
    """The speech verb of the stretch before a colon: the first, unless the clause's own (top)
    speech verb has a subject the first does not share, so the first sits in an opening phrase
    ("Watching Trump talk about unifying the party, Reed said:"; "Asked whether ..., Whitacre
    said:", where the cue is "said", the colon introduction EXPECTED.md names)."""
    if not cue_verbs:
        return None
    first = cue_verbs[0]
    if top is None or top is first or top not in cue_verbs:
        return first
    own, other = _subject_of(ctx, s_idx, top, lo, colon), _subject_of(ctx, s_idx, first, lo, colon)
    return top if own is not None and own != other else first


def _verb_cues(ctx: _Context, lo: int, hi: int) -> list[tuple[int, Word]]:
    return [
        (s, w)
        for s, w in ctx.words_between(lo, hi)
        if w.end <= hi
        and not ctx.in_quote(w.start, w.end)
        and _is_cue_verb(ctx, w)
        and not _so_called(ctx, w)
    ]


_SO_CALLED = re.compile(r"\bso[-\u2010\u2011]$", re.IGNORECASE)


def _so_called(ctx: _Context, w: Word) -> bool:
    """Is this "called" the tail of "so-called" (the so-called Brexit vote, so-called Mexican
    “rapists”): an adjective the tokenizer split, no speech verb."""
    return _SO_CALLED.search(ctx.text, max(0, w.start - 4), w.start) is not None


def _noun_cue(ctx: _Context, lo: int, hi: int) -> _Found | None:
    """Layout: Trump's claim that "Q" / a statement from the campaign: "Q". A speech noun
    counts as a cue only when its owner is named (possessive, or "by"/"from"/"of" X)."""
    for s_idx, w in reversed(ctx.words_between(lo, hi)):
        if w.upos != "NOUN" or w.lemma.lower() not in ctx.lexicon.speech_nouns or ctx.in_quote(w.start):
            continue
        sent = ctx.parse.sentences[s_idx]
        owner = None
        for c in sent.children(w):
            if (c.deprel in ("nmod:poss",) and lo <= c.start) or (
                c.deprel == "nmod"
                and c.start > w.start
                and any(
                    k.deprel == "case" and k.lemma.lower() in ("by", "from", "of") for k in sent.children(c)
                )
            ):
                owner = c
        if owner is None:
            continue
        mention = make_mention(ctx, s_idx, owner, lo, hi)
        if mention is None or _writer_or_it(mention):
            continue
        return _Found(w.start, w.end, ctx.text[w.start : w.end], w.lemma.lower(), mention)
    return None


def _post_verb_word(ctx: _Context, q: QuoteSpan, frame: _Frame) -> tuple[int, Word] | None:
    """The first speech verb after the quotation: within 8 words when the quotation ends its
    sentence, else within 40 ("“Q,” X, a long description, said"). Found once per quotation:
    the post-verb pattern, the sentence test and the nested-speech repair all ask."""
    key = (q.start, *frame.post)
    if key not in ctx.post_verbs:
        words = [(s, w) for s, w in ctx.words_between(*frame.post) if w.upos != "PUNCT"]
        window = POST_CUE_MAX_WORDS if _closes_sentence(ctx, q) else POST_CUE_LONG_WINDOW
        ctx.post_verbs[key] = next(
            (
                (s_idx, w)
                for i, (s_idx, w) in enumerate(words[:window])
                if _is_cue_verb(ctx, w) or _layout_cue(ctx, q, s_idx, w, i)
            ),
            None,
        )
    return ctx.post_verbs[key]


def _layout_cue(ctx: _Context, q: QuoteSpan, s_idx: int, w: Word, i: int) -> bool:
    """A speech verb the tagger called something else, where the layout leaves no doubt: the
    first word after a quotation closed by a comma or question mark (“Q,” notes Alvarez), or a
    word between a name, or a noun with no verb after the quotation, and the end of the clause
    (“Q,” Chen concludes.; “Q,” the document states, ...)."""
    if not _is_speech_verb(ctx.lexicon, w) or ctx.in_quote(w.start) or w.text[:1].isupper():
        return False  # a capital: a name's part ("Menachem Begin.", "West Point."), no verb
    if i == 0:
        return ctx.text[q.inner_start : q.inner_end].rstrip().endswith((",", "?", "!"))
    sent = ctx.parse.sentences[s_idx]
    prev = sent.word(w.index - 1) if w.index > 1 else None
    nxt = sent.word(w.index + 1) if w.index < len(sent.words) else None
    if prev is None or not (nxt is None or (nxt.upos == "PUNCT" and nxt.lemma in (".", ","))):
        return False
    if prev.upos == "NOUN":  # not "..., making air quotes."
        return not any(x.upos in ("VERB", "AUX") for _, x in ctx.words_between(q.end, w.start))
    return prev.upos in ("PROPN", "PRON")


def _closes_sentence(ctx: _Context, q: QuoteSpan) -> bool:
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    return inner.endswith(".") and not inner.endswith("...")


def _post_verb(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layouts: “Q,” said Jones. / “Q,” Jones said. / “Q,” Jones, a doctor, said. Not when the
    quotation ends its sentence and more than 8 words follow it (“... plan.” Jones estimated
    that ...: a new sentence, not an attribution)."""
    hit = _post_verb_word(ctx, q, frame)
    if hit is None:
        return None
    if (
        _closes_sentence(ctx, q)
        and sum(w.upos != "PUNCT" for _, w in ctx.words_between(*frame.post)) > POST_CUE_MAX_WORDS
    ):
        return None
    if _introduces_next(ctx, q, frame):
        return None
    s_idx, verb = hit
    return _cue_from_verb(ctx, s_idx, verb, *frame.post)


def _introduces_next(ctx: _Context, q: QuoteSpan, frame: _Frame) -> bool:
    """Does the text after a free-standing quotation that ends its sentence introduce the next
    quotation instead (“Q1.” Mr. Zahed said: “Q2”; “Q1.” He went on, calling her “Q2”)? A new
    sentence that runs into the next quotation is that quotation's attribution. A quotation
    inside the writer's sentence keeps the cue (its kind depends on one). After a question or
    exclamation the sentence may go on (“Q?” Clinton remarked, alluding to “The Revenant.”): there
    only a stretch that ends in a colon or comma introduces the next quotation."""
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    if not inner.endswith((".", "?", "!")) or inner.endswith("...") or _embedded(ctx, q, frame):
        return False
    if _sentence_goes_on(ctx, q, frame, inner):
        return False
    nxt = bisect_left(ctx.quote_starts, q.end)
    if nxt >= len(ctx.quotes) or ctx.quotes[nxt].start != frame.post[1]:
        return False
    return inner.endswith(".") or ctx.text[frame.post[0] : frame.post[1]].rstrip().endswith((":", ","))


def _sentence_goes_on(ctx: _Context, q: QuoteSpan, frame: _Frame, inner: str) -> bool:
    """Does the writer's sentence go on past a quotation that ends in "?" or "!", so that a later
    quotation in that sentence is no new sentence's: a lowercase word right after it (“Is he
    running?” asked Mr. Manafort, referring to what he calls the “crooked” process), or a speech
    verb after it and another before the later quotation, which is that one's cue (“Is it two?”
    Clinton asks as a maintenance guy walks in, saying he's “here to fix the holes”). ``inner``:
    the quotation's words, right-stripped."""
    if not inner.endswith(("?", "!")):
        return False
    rest = ctx.text[q.end : frame.post[1]].lstrip()
    if rest[:1].islower():
        return True
    hit = _post_verb_word(ctx, q, frame)
    return hit is not None and bool(_verb_cues(ctx, hit[1].end, frame.post[1]))


def _post_according_to(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: “Q,” according to the report. Only when no speech verb follows the quotation
    (a verb there claims the layout, even one that starts a new sentence)."""
    if _post_verb_word(ctx, q, frame) is not None:
        return None
    return _according_to(ctx, *frame.post)


_DASH_BYLINE = re.compile(r"[^\S\n]*[―—–][^\S\n]*(?=\S)")
_TWEET_CREDIT = re.compile(r"(?P<name>[^(,]+?)\s*\(@\w+\)")  # embedded tweet: "Roy Dade (@RoyDade) May 2"


def _dash_byline(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: "Q." ― Jorge Falcon (a dash and a name closing the paragraph)."""
    m = _DASH_BYLINE.match(ctx.text, q.end)
    if not m:
        return None
    para_end = ctx.paragraphs[ctx.paragraph_of(q.end - 1)][1]
    nl = ctx.text.find("\n", m.end(), para_end)
    end = para_end if nl < 0 else nl
    words = [(s, w) for s, w in ctx.words_between(m.end(), end) if not ctx.in_quote(w.start)]
    if not words or len(words) > 12 or not words[0][1].text[:1].isupper():
        return None
    # The byline is a name, maybe followed by ", description": take it from the surface (the
    # parser tends to make the dash the head of the name).
    line = ctx.text[m.end() : end]
    tweet = _TWEET_CREDIT.match(line)
    name, _, rest = (tweet.group("name"), "", "") if tweet else line.partition(",")
    name = name.rstrip(" .\u00a0")
    rest_start = m.end() + len(name) + 1 + (len(rest) - len(rest.lstrip()))
    rest = rest.strip().rstrip(".")
    mention = name_mention(
        ctx,
        words[0][0],
        (m.end(), m.end() + len(name)),
        (rest_start, rest_start + len(rest)) if rest else None,
    )
    dash = m.group(0).strip()
    at = m.start() + m.group(0).index(dash)
    return _Found(at, at + 1, dash, "dash", mention)


def _blockquote_footer(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: <blockquote>“Q.”<footer>— Jorge Falcon, mayor</footer></blockquote> (the block
    right after the quotation is its attribution block, ``BlockKind.ATTRIBUTION``: a name, maybe
    ", description"). A plain-text paragraph of a dash and a name after a quotation is not
    taken for one: on the held-out articles that cost a speaker."""
    credit = _pull_quote_credit(ctx, q)
    if credit is not None:
        return credit
    para = ctx.paragraph_of(q.end - 1)
    if para + 1 >= len(ctx.paragraphs) or ctx.text[q.end : ctx.paragraphs[para][1]].strip():
        return None
    footer = ctx.paragraphs[para + 1]
    if footer not in ctx.footers:
        return None
    dash = _DASH_BYLINE.match(ctx.text, footer[0])
    start = dash.end() if dash else footer[0]
    words = ctx.words_between(start, footer[1])
    if not words or not ctx.text[start : start + 1].isupper():
        return None
    line = ctx.text[start : footer[1]]
    name, _, rest = line.partition(",")
    name = name.rstrip(" .\u00a0")
    rest_start = start + len(name) + 1 + (len(rest) - len(rest.lstrip()))
    rest = rest.strip().rstrip(".")
    mention = name_mention(
        ctx,
        words[0][0],
        (start, start + len(name)),
        (rest_start, rest_start + len(rest)) if rest else None,
    )
    if dash is not None:  # the cue is the dash, as in a byline; else the whole attribution block
        at = footer[0] + dash.group(0).index(dash.group(0).strip())
        return _Found(at, at + 1, ctx.text[at], "dash", mention)
    return _Found(footer[0], footer[1], ctx.text[footer[0] : footer[1]], "footer", mention)


_CREDIT_MAX_WORDS = 8
_CREDIT_MARKS = ("“", "”", '"')


_ONLY_MARK = re.compile(r'\s*"?\s*')  # nothing before a pull quote in its paragraph but a straight mark


def _pull_quote_credit(ctx: _Context, q: QuoteSpan) -> _Found | None:
    """Layout: "Q.⏎Josh Bivens, Economic Policy Institute." A pull quote set as its own paragraph
    whose last line, inside its marks or right after them closing the paragraph, credits it: a
    short line without a verb that holds a name or a person's role ("... Committee member"; not a
    list's last item, "Better docks"), maybe ", affiliation"."""
    para = ctx.paragraphs[ctx.paragraph_of(q.start)]
    if q.paragraphs != 1 or _ONLY_MARK.fullmatch(ctx.text, para[0], q.start) is None:
        return None
    inner = ctx.text[q.inner_start : q.inner_end]
    after = ctx.text[q.end : para[1]]
    if "\n" in inner.rstrip():
        start, end = q.inner_start + inner.rstrip().rindex("\n") + 1, q.inner_end
    elif after.strip() and not after.split("\n", 1)[0].strip():
        start, end = q.end + after.index("\n") + 1, para[1]
    else:
        return None
    line = ctx.text[start:end].strip().rstrip('"').rstrip(" .\u00a0")
    start += len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip())
    words = ctx.words_between(start, start + len(line))
    if (
        not line[:1].isupper()
        or not words
        or not any(
            _name_word(ctx, w) or (w.upos == "NOUN" and _role_word(ctx.lexicon, w.lemma.lower()))
            for _, w in words
        )
        or len(line.split()) > _CREDIT_MAX_WORDS
        or any(mark in line for mark in _CREDIT_MARKS)
        or any(w.upos in ("VERB", "AUX") for _, w in words)
    ):
        return None
    name, _, rest = line.partition(",")
    name_end = start + len(name.rstrip())
    rest_start = start + len(name) + 1 + (len(rest) - len(rest.lstrip()))
    rest = rest.strip()
    span = (rest_start, rest_start + len(rest)) if rest else None
    mention = name_mention(ctx, words[0][0], (start, name_end), span)
    return _Found(start, start + len(line), line, "footer", mention)


def _name_word(ctx: _Context, w: Word) -> bool:
    """Is ``w`` part of a name: a proper noun, a given name or a title ("Rep.")?"""
    lex = ctx.lexicon
    return w.upos == "PROPN" or w.text in lex.first_names or w.text.rstrip(".") in lex.titles


def _previous_paragraph_colon(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: He said:¶¶"Q." (the introduction closes the paragraph before the quotation,
    which starts its own paragraph: its frame before is empty)."""
    para = ctx.paragraph_of(q.start)
    if para == 0 or ctx.paragraphs[para][0] != q.start:
        return None
    p_start, p_end = ctx.paragraphs[para - 1]
    if not ctx.text[p_start:p_end].rstrip().endswith(":"):
        return None
    lo = _sentence_bounds(ctx, p_end, -1, p_start)
    return _colon_intro(ctx, lo, p_end)


def _pre_colon(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: Jones offered a warning: “Q.” (a colon right before the quotation)."""
    return _colon_intro(ctx, *frame.pre) or _name_colon(ctx, q, frame)


_PARENTHESIS_END = re.compile(r"\s*\([^()]{1,30}\)\s*$")  # "Rep. Trey Gowdy (R-S.C.)"
_NAME_COLON_MAX_WORDS = 10


def _name_colon(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: Clinton: “Q.” / Former secretary of state Hillary Rodham Clinton: “Q.” A sentence
    that is only a name before the colon, maybe after a lowercase description and before a
    party label in parentheses, and has no verb: the name speaks (a transcript's label)."""
    colon = _colon_before(ctx, frame.pre[0], q.start)
    if colon is None:
        return None
    stretch = ctx.text[frame.pre[0] : colon]
    paren = _PARENTHESIS_END.search(stretch)
    end = frame.pre[0] + (paren.start() if paren else len(stretch.rstrip()))
    words = [(s, w) for s, w in ctx.words_between(frame.pre[0], end) if w.upos != "PUNCT"]
    if not words or len(words) > _NAME_COLON_MAX_WORDS or ctx.in_quote(words[0][1].start, end):
        return None
    if any(w.upos in ("VERB", "AUX", "SCONJ", "PRON", "NUM") for _, w in words):
        return None
    name = list(takewhile(lambda sw: sw[1].text[:1].isupper(), reversed(words)))[::-1][-_NAME_MAX_WORDS:]
    if not name or not words[0][1].text[:1].isupper() or any(_is_time_word(ctx, w) for _, w in name):
        return None
    if all(w.text.isupper() for _, w in name) or name[-1][1].upos != "PROPN":
        return None  # "UPDATE:", "BREAKING:": headings
    s_idx, first = name[0]
    description = words[: len(words) - len(name)]
    if description and not any(_role_word(ctx.lexicon, w.lemma.lower()) for _, w in description):
        return None  # "The message to Congress:", "Update from Washington:": no one's description
    desc_span = (description[0][1].start, description[-1][1].end) if description else None
    mention = name_mention(ctx, s_idx, (first.start, name[-1][1].end), desc_span)
    return _Found(colon, colon + 1, ":", ":", mention)


_WRITER_PRONOUNS = ("i", "we")


def _is_writer(m: Mention) -> bool:
    """ "I", "we" outside quotations: the writer, whom no source stands for."""
    return m.kind == MentionKind.PRONOUN and m.head_lemma in _WRITER_PRONOUNS


def _writer_or_it(m: Mention) -> bool:
    """The writer, or "it": no speaker for a layout rule that found only a pronoun."""
    return _is_writer(m) or (m.kind == MentionKind.PRONOUN and m.head_lemma == "it")


def _cue_word(ctx: _Context, cue: Cue) -> tuple[int | None, Word | None]:
    """The sentence index and the first word of a cue's span (None, None when no word is there)."""
    return next(iter(ctx.words_between(cue.start, cue.end)), (None, None))


def _role_word(lex: Lexicon, lemma: str) -> bool:
    """Does this word name a person's role ("secretary", "member", "voter", "official")?"""
    return (
        lemma.capitalize() in lex.titles
        or lemma in lex.anonymous_nouns
        or lemma.endswith(lex.speaker_noun_endings)
        or any(lemma in nouns for nouns in lex.title_nouns.values())
    )


def _pre_verb(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layouts: Jones said, “Q.” / Jones said that “Q”. / Alvarez called the plan “reckless”.
    The speech verb nearest the quotation."""
    cues = _verb_cues(ctx, *frame.pre)
    if not cues:
        return None
    s_idx, verb = cues[-1]
    found = _cue_from_verb(ctx, s_idx, verb, *frame.pre)
    outer = _outer_cue(ctx, cues, s_idx, verb)
    if _contrast_clause(ctx, s_idx, verb):
        outer = None  # "Ryan said last week, though he said, “Q”": a clause of its own, not the report
    if outer is not None and (
        found.speaker is None or found.speaker.kind == MentionKind.PRONOUN or _embedded(ctx, q, frame)
    ):
        # "She said she recalls the colleague being “confused”", "X said Y called it “a con”": the
        # outer speaker reports the words; an inner speaker named right before a quotation set
        # off by a comma or colon ("X said that Y told her, “...”") keeps it
        return _cue_from_verb(ctx, s_idx, outer, *frame.pre)
    described = _outer_over_described_as(ctx, q, frame, s_idx, outer)
    if described is not None:
        return described
    return _main_subject_for_relative(ctx, s_idx, verb, found, frame.pre[0])


_CONTRAST_WORDS = ("but", "though", "although", "yet")


def _contrast_clause(ctx: _Context, s_idx: int, verb: Word) -> bool:
    """Does the cue ``verb`` open a contrasting clause with a subject of its own ("..., though he
    said, “Q”"; "Stevens says, but she cautions that ... “Q”"), which reports its own words
    rather than the earlier verb's?"""
    sent = ctx.parse.sentences[s_idx]
    subj = next((c for c in _subjects(sent, verb) if c.index < verb.index), None)
    if subj is None or subj.index < 2:
        return False
    first = min([subj.index, *(d.index for d in sent.children(subj))])
    before = sent.word(first - 1) if first > 1 else None
    return before is not None and before.text.lower() in _CONTRAST_WORDS


_AS_BEFORE = re.compile(r"\bas\s*$")


def _outer_over_described_as(
    ctx: _Context, q: QuoteSpan, frame: _Frame, s_idx: int, outer: Word | None
) -> _Found | None:
    """Layout: "Trump said ... that Clinton once described the TPP as “the gold standard”": a
    quotation right after "as" inside a clause another speech verb reports (``outer``, from
    :func:`_outer_cue`) is part of the outer speaker's words, like an embedded one; the outer
    verb's speaker, when it has one, is the speaker."""
    if outer is None or not _AS_BEFORE.search(ctx.text[frame.pre[0] : q.start]):
        return None
    found = _cue_from_verb(ctx, s_idx, outer, *frame.pre)
    return found if found.speaker is not None else None


_RELATIVE_CUE_PRONOUNS = ("he", "she", "it", "they")


def _main_subject_for_relative(ctx: _Context, s_idx: int, verb: Word, found: _Found, lo: int) -> _Found:
    """Layout: "It's denouncing what it calls “Q”", "He did not address tweets in which he called
    her “Q”": a pronoun subject of a relative clause's cue, right after "what" or "which", stands
    for the main clause's subject before it; that subject is the speaker mention (PolNeAR marks
    it). The main subject must be the same pronoun, or a name for "it"/"they" ("The United
    Nations Security Council ... what it called"), with no subject of that pronoun in between.
    A common noun ("Clinton's campaign ... with what they call") lost three speakers on the
    held-out articles; a name for "he"/"she" ("Ban Ki-moon condemned what he called") gained
    four there and one on dev but lost one resolved speaker on the labelled set."""
    sp = found.speaker
    if sp is None or sp.kind != MentionKind.PRONOUN or sp.head_lemma not in _RELATIVE_CUE_PRONOUNS:
        return found
    sent = ctx.parse.sentences[s_idx]
    pron = next((c for c in _subjects(sent, verb) if c.start == sp.start), None)
    if pron is None or not _relative_subject(sent, verb, pron, ("what", "which")):
        return found
    root = _sentence_root(sent)
    subj = _subject_of(ctx, s_idx, root, lo, pron.start) if root is not None and root is not verb else None
    if subj is None or subj.index >= pron.index or not lo <= subj.start:
        return found
    same = subj.upos == "PRON" and subj.lemma.lower() == sp.head_lemma
    if not (same or (subj.upos == "PROPN" and sp.head_lemma in ("it", "they"))):
        return found
    between = sent.words[subj.index : pron.index - 1]
    if any(w.deprel in SUBJECT_RELS and w.lemma.lower() == sp.head_lemma for w in between):
        return found  # "She had gotten them ..., when she had been ... after what she called"
    mention = make_mention(ctx, s_idx, subj, lo, _before_time_tail(ctx, sent, subj, pron))
    return found if mention is None else replace(found, speaker=mention)


def _relative_subject(sent: Sentence, verb: Word, pron: Word, words: tuple[str, ...]) -> bool:
    """Is ``pron``, a subject of ``verb``, the subject of a relative clause right after one of the
    relative ``words`` ("what he called", "which he called")?"""
    return verb.deprel == "acl:relcl" and pron.index >= 2 and sent.word(pron.index - 1).lemma.lower() in words


def _before_time_tail(ctx: _Context, sent: Sentence, subj: Word, stop: Word) -> int:
    """Where a subject's mention ends before ``stop``: before a date right after it, which the
    compact parser hangs on the subject ("The Security Council on Friday made")."""
    for w in sent.words[subj.index : stop.index - 1]:
        if w.upos in ("VERB", "AUX"):
            break
        if _is_time_word(ctx, w):
            prev = sent.word(w.index - 1)
            return prev.start if prev.upos == "ADP" and prev.index > subj.index else w.start
    return stop.start


def _outer_cue(ctx: _Context, cues: list[tuple[int, Word]], s_idx: int, verb: Word) -> Word | None:
    """The speech verb earlier in the frame whose reported clause (a ``ccomp`` on the way up)
    holds ``verb``, if any; a participle of the outer verb ("said, calling it “...”") is the
    outer speaker's own cue."""
    ancestors = {w.index for w in islice(_reporting_heads(ctx.parse.sentences[s_idx], verb), 6)}
    return next((w for s, w in reversed(cues[:-1]) if s == s_idx and w.index in ancestors), None)


def _reporting_heads(
    sent: Sentence, w: Word, steps: int | None = None, that_conjunct: bool = False
) -> Iterator[Word]:
    """The heads above ``w`` (at most ``steps`` of them, counting from ``w``) that stand over a
    reported clause holding it: those past a ``ccomp`` on the way up, or with ``that_conjunct``
    past a conjunct that "that" opens ("said the plan was ... and that voters want ...", which
    the compact parser hangs on "said")."""
    reported = False
    cur: Word | None = w
    climbed = 0
    while cur is not None and (steps is None or climbed < steps):
        reported = (
            reported
            or cur.deprel == "ccomp"
            or (that_conjunct and cur.deprel == "conj" and _opened_by_that(sent, cur))
        )
        cur = sent.head_of(cur)
        climbed += 1
        if cur is not None and reported:
            yield cur


def _pre_according_to(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: According to X, “Q.”"""
    return _according_to(ctx, *frame.pre)


def _pre_noun_cue(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layouts: Trump's claim that “Q” / a statement from the campaign: “Q”."""
    return _noun_cue(ctx, *frame.pre)


@dataclass(frozen=True)
class _Pattern:
    """One attribution pattern: its name in reports and the function that matches it."""

    name: CuePattern
    match: Callable[[_Context, QuoteSpan, _Frame], _Found | None]


# The attribution patterns, in the order they are tried on each side of a quotation: the first
# that matches on a side is that side's candidate. Which side's candidate wins: see _choose.
POST_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(CuePattern.BLOCKQUOTE_FOOTER, _blockquote_footer),
    _Pattern(CuePattern.DASH_BYLINE, _dash_byline),
    _Pattern(CuePattern.POST_VERB, _post_verb),
    _Pattern(CuePattern.ACCORDING_TO, _post_according_to),
)
PRE_PATTERNS: tuple[_Pattern, ...] = (
    _Pattern(CuePattern.PREVIOUS_PARAGRAPH_COLON, _previous_paragraph_colon),
    _Pattern(CuePattern.COLON_INTRO, _pre_colon),
    _Pattern(CuePattern.PRE_VERB, _pre_verb),
    _Pattern(CuePattern.ACCORDING_TO, _pre_according_to),
    _Pattern(CuePattern.NOUN_CUE, _pre_noun_cue),
)


def _first_match(patterns: tuple[_Pattern, ...], ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Match | None:
    """The first of the patterns that matches, as a cue named after it."""
    for pattern in patterns:
        found = pattern.match(ctx, q, frame)
        if found is not None:
            return _Match(found.cue(pattern.name), found.speaker)
    return None


def _choose(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Match | None:
    """Which side's candidate attributes the quotation. A quotation inside paraphrase
    belongs to the cue before it ("Holm said that the ad “...” suggests"); a free-standing
    one to the cue after it ("“Q,” Jones said"), else the one before it ("Jones said, “Q”").
    The first side's candidate wins if it names a speaker, else the second's if it does,
    else the first side's cue, else the second's."""
    sides = (PRE_PATTERNS, POST_PATTERNS) if _embedded(ctx, q, frame) else (POST_PATTERNS, PRE_PATTERNS)
    first = _first_match(sides[0], ctx, q, frame)
    if first is not None and first.speaker is not None:
        return first
    second = _first_match(sides[1], ctx, q, frame)
    if second is not None and second.speaker is not None:
        return second
    return first or second


def _outer_according_to(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Nested speech: a speech verb's quotation in a sentence that also says where the words were
    reported ("“Q,” Welch said, according to Vermont Edition."; "According to GMA News, Salceda
    said “Q”") is attributed to the report, the outer source (PolNeAR marks it). Before the
    quotation only ahead of the verb ("said that according to its analysis" is the speaker's own
    clause); after a quotation that closes its sentence, "according to" starts another sentence."""
    if match is None or match.speaker is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    pre = (frame.pre[0], min(frame.pre[1], match.cue.start))
    sides = [pre] if _closes_sentence(ctx, q) and match.cue.start < q.start else [pre, frame.post]
    for lo, hi in sides:
        found = _according_to(ctx, lo, hi)
        if found is not None and found.speaker is not None:
            return _Match(found.cue(CuePattern.ACCORDING_TO), found.speaker)
    return match


_VERB_PATTERNS = (CuePattern.PRE_VERB, CuePattern.POST_VERB)


def _cue_side_start(q: QuoteSpan, frame: _Frame, cue_start: int) -> int:
    """Where the clause of a cue can start: the frame's start for a cue before the quotation,
    the quotation's end for one after it."""
    return frame.pre[0] if cue_start < q.start else q.end


def _gerund_cue(ctx: _Context, cue: Cue) -> tuple[int, Word] | None:
    """The cue's sentence and word where the cue is a gerund or present participle ("saying",
    "adding"), whose speaker is that of the clause it hangs on."""
    s_idx, verb = _cue_word(ctx, cue)
    if s_idx is None or verb is None or verb.xpos != "VBG":
        return None
    return s_idx, verb


def _subject_mention(ctx: _Context, s_idx: int, subj: Word, lo: int, hi: int) -> Mention | None:
    """The mention of the noun phrase headed by the subject ``subj`` inside [lo, hi)."""
    sent = ctx.parse.sentences[s_idx]
    return make_mention(ctx, s_idx, np_head(sent, subj, lo, hi), lo, hi)


def _with_speaker(match: _Match, speaker: Mention | None) -> _Match:
    """The match with ``speaker`` for its speaker, unless there is none or it is the writer
    ("I", "we" outside quotations): then the match as it was."""
    if speaker is None or _is_writer(speaker):
        return match
    return _Match(match.cue, speaker)


def _with_speaking(ctx: _Context, match: _Match, speaker: Mention | None) -> _Match:
    """The match with ``speaker`` for its speaker where it can speak (:func:`_can_speak`, which
    also turns the writer away), else the match as it was."""
    return match if speaker is None or not _can_speak(ctx, speaker) else _Match(match.cue, speaker)


_PARTICIPLE_MAX_STEPS = 4


def _climb(sent: Sentence, w: Word, rels: tuple[str, ...] | None = None) -> Iterator[tuple[Word, Word]]:
    """Up ``w``'s heads, at most _PARTICIPLE_MAX_STEPS steps: each word and its head; only over
    the relations ``rels`` when given."""
    cur = w
    for _ in range(_PARTICIPLE_MAX_STEPS):
        head = sent.head_of(cur) if rels is None or cur.deprel in rels else None
        if head is None:
            return
        yield cur, head
        cur = head


def _head_subject(ctx: _Context, s_idx: int, w: Word, lo: int) -> Word | None:
    """The subject of the clause the word ``w`` hangs on (its head's), by :func:`_subject_of`."""
    head = ctx.parse.sentences[s_idx].head_of(w)
    return _subject_of(ctx, s_idx, head, lo, w.start) if head is not None else None


def _name_over_interruption(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Speaker for a correct cue: a name that opens the clause before the verb, with comma-set
    phrases between ("Clinton, during a town hall meeting in Columbus, Ohio, said"; "Cruz, the
    only Republican candidate to campaign in Wyoming, told"), is the speaker where the parse
    took a noun of those phrases for the subject."""
    if match is None or match.speaker is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    if match.speaker.kind == MentionKind.PRONOUN:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or not match.speaker.end <= verb.start:
        return match
    lo = _cue_side_start(q, frame, verb.start)
    sent = ctx.parse.sentences[s_idx]
    named = _name_before_appositions(ctx, sent, lo, verb.start)
    if named is None or named.end > match.speaker.start:
        return match
    mention = make_mention(ctx, s_idx, _past_dateline(ctx, s_idx, named), lo, verb.start)
    if mention is None or mention.end > match.speaker.start or ctx.text[lo : mention.start].strip(" ,"):
        return match  # the name must open the clause: not after "At a rally in Portsmouth, N.H.,"
    return _Match(match.cue, mention)


def _participle_after_comma(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Speaker for a correct cue: a participle set off by a comma ("Spicer said, adding, “Q”";
    "Palmieri called the idea ..., adding that the person who “Q”") has the speaker of the clause
    it hangs on: the subject of a speech verb right before the comma, else of the participle's
    head, where the parse gave a noun after the participle (its object or a clause subject) or
    the subject of another clause."""
    if match is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    gerund = _gerund_cue(ctx, match.cue)
    if gerund is None or gerund[1].index < 3:
        return match
    s_idx, verb = gerund
    sent = ctx.parse.sentences[s_idx]
    at = _comma_before(sent, verb)
    if at is None:
        return match
    comma, before = sent.word(at), sent.word(at - 1)
    lo = _cue_side_start(q, frame, verb.start)
    if lo <= before.start and _is_cue_verb(ctx, before) and before.xpos != "VBG":
        speaker = _cue_from_verb(ctx, s_idx, before, lo, before.end).speaker  # "Spicer said, adding"
    elif _before_comma_object(ctx, sent, match.speaker, comma):
        speaker = _main_clause_subject(ctx, s_idx, lo, comma.start)  # "in the war in Ukraine, saying,"
    elif match.speaker is not None and match.speaker.start > verb.start:
        subj = _head_subject(ctx, s_idx, verb, lo)
        speaker = _subject_mention(ctx, s_idx, subj, lo, verb.start) if subj else None
    else:
        return match
    return _with_speaker(match, speaker)


def _comma_before(sent: Sentence, verb: Word) -> int | None:
    """The index of the comma that sets the participle ``verb`` off: right before it, or before
    a closing quotation mark right before it (American style: 'called it a “mistake,” adding');
    None where there is none or no word before the comma."""
    at = verb.index - 1
    if at > 2 and sent.word(at).text in _CLOSING_MARKS:
        at -= 1
    return at if at > 1 and sent.word(at).lemma == "," else None


_CLOSING_MARKS = ("”", "’", '"', "''")
_OBJECT_RELS = ("obj", "iobj", "obl", "nmod")


def _before_comma_object(ctx: _Context, sent: Sentence, m: Mention | None, comma: Word) -> bool:
    """Does the mention end before the comma with its head an object or in a prepositional
    phrase, not a subject ("Putin veered close to an admission that soldiers had fought in the
    war in eastern Ukraine, saying")?"""
    if m is None or m.end > comma.start:
        return False
    words = sent.within(m.start, m.end)
    head = _span_head(ctx, sent, words) if words else None
    return head is not None and head.deprel in _OBJECT_RELS


def _main_clause_subject(ctx: _Context, s_idx: int, lo: int, hi: int) -> Mention | None:
    """The subject of the sentence's root verb inside [lo, hi): who a participle set off by a
    comma at the end of the main clause ("X did Y, saying, “Q”") speaks for."""
    root = _sentence_root(ctx.parse.sentences[s_idx])
    subj = _subject_of(ctx, s_idx, root, lo, hi) if root is not None else None
    if subj is None or not lo <= subj.start < hi:
        return None
    return _subject_mention(ctx, s_idx, subj, lo, hi)


_RELATIVE_WORDS = ("which", "whom", "who", "that")


def _relative_inner_speaker(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Nested speech: a quotation reported by a pronoun in a relative clause ("DeSantis said he
    has supported ..., which he called “a cartel”"; "whom he described as “peaceful”") is that
    pronoun's (PolNeAR marks it), not the outer speech verb's that :func:`_pre_verb` prefers for
    "X said Y called it “Q”"."""
    if match is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    cues = _verb_cues(ctx, *frame.pre)
    if not cues or cues[-1][1].start == match.cue.start:
        return match
    s_idx, verb = cues[-1]
    sent = ctx.parse.sentences[s_idx]
    pron = next(iter(_subjects(sent, verb)), None)
    if pron is None or pron.lemma.lower() not in _RELATIVE_CUE_PRONOUNS:
        return match
    if not _relative_subject(sent, verb, pron, _RELATIVE_WORDS):
        return match
    found = _cue_from_verb(ctx, s_idx, verb, *frame.pre)
    return match if found.speaker is None else _Match(found.cue(CuePattern.PRE_VERB), found.speaker)


def _subject_after_opening(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Speaker for a correct cue: where the parse took a noun of an opening phrase set off by a
    comma ("Recalling that moment, David Axelrod, who ..., said"; "At a briefing Monday in
    Washington ..., White House press secretary Josh Earnest said") for the subject, the noun
    phrase with a name right after that comma is the speaker."""
    if match is None or match.speaker is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    lo = _cue_side_start(q, frame, match.cue.start)
    if s_idx is None or verb is None or not lo <= match.speaker.start < match.speaker.end <= verb.start:
        return match
    words = [w for _, w in ctx.words_between(lo, verb.start) if not ctx.in_quote(w.start)]
    commas = [i for i, w in enumerate(words) if w.lemma == "," and w.start >= match.speaker.end]
    if not commas or not _opening_stretch(ctx, words[: commas[0]]):
        return match
    if any(
        w.deprel in SUBJECT_RELS and w.head != verb.index
        for w in words
        if match.speaker.start <= w.start < match.speaker.end
    ):
        return match  # "On Sunday, Pastor Cranston stood at ..., Iowa, and, citing": a clause's subject
    phrase = list(takewhile(lambda w: w.lemma != ",", words[commas[0] + 1 :]))
    if not phrase or any(w.upos in ("VERB", "AUX", "SCONJ") for w in phrase) or phrase[-1].upos != "PROPN":
        return match
    if phrase[0].upos == "ADP" or _is_time_word(ctx, phrase[-1]):
        return match  # "..., on Friday described"
    rest = words[commas[0] + 1 + len(phrase) :]
    if rest and (rest[-1].lemma != "," or any(w.upos == "CCONJ" for w in rest)):
        return match  # the name must be the verb's: right before it, or before an aside set off by commas
    sent = ctx.parse.sentences[s_idx]
    head = _span_head(ctx, sent, phrase)
    mention = make_mention(ctx, s_idx, head, phrase[0].start, phrase[-1].end) if head is not None else None
    return match if mention is None else _Match(match.cue, mention)


def _speaking_earlier_cue(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Nested speech: where the speech verb nearest before a quotation has a subject that cannot
    speak ("Fiorina declared ... that any new deal under her watch would demand “Q”"; "They
    slammed the tax loophole called an “inversion”"), the quotation is the speaker's of the
    nearest speech verb before it in the sentence whose subject can."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    if match.speaker.kind == MentionKind.PRONOUN or _can_speak(ctx, match.speaker):
        return match
    for s_idx, verb in reversed(_verb_cues(ctx, frame.pre[0], match.cue.start)):
        found = _cue_from_verb(ctx, s_idx, verb, frame.pre[0], match.cue.start)
        if found.speaker is not None and _can_speak(ctx, found.speaker):
            return _Match(found.cue(CuePattern.PRE_VERB), found.speaker)
    return match


_EARLIER_QUOTE_PATTERNS = (CuePattern.PRE_VERB, CuePattern.COLON_INTRO)


def _mention_head(ctx: _Context, m: Mention) -> Word | None:
    """The word of a mention that the parse hangs outside it (its head), if any."""
    sent = ctx.parse.sentences[m.sentence]
    inside = sent.within(m.start, m.end)
    return next((w for w in inside if (h := sent.head_of(w)) is None or not m.start <= h.start < m.end), None)


def _reporting_ancestor(ctx: _Context, cues: list[tuple[int, Word]], s_idx: int, w: Word) -> Word | None:
    """The nearest speech verb among ``cues`` whose reported clause holds ``w``, at most 8 heads
    up (:func:`_reporting_heads`, a conjunct that "that" opens counting as reported)."""
    indices = {v.index for s, v in cues if s == s_idx}
    heads = _reporting_heads(ctx.parse.sentences[s_idx], w, steps=8, that_conjunct=True)
    return next((h for h in heads if h.index in indices), None)


def _opened_by_that(sent: Sentence, w: Word) -> bool:
    """Does "that" mark the clause ``w`` heads ("and that voters want")?"""
    return any(c.deprel == "mark" and c.lemma.lower() == "that" for c in sent.children(w))


def _outer_cue_before_earlier_quote(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Nested speech across an earlier quotation of the same sentence: "Axelrod said this was a
    “fatal miscalculation” and that she has learned her lesson: “Q”", "Another said he hoped
    with his “whole heart” that Trump wins the election: “Q”". The earlier quotation cuts the
    frame, so the outer speech verb lies before it; a cue whose speaker sits in a clause that
    verb reports (:func:`_reporting_ancestor`) gives way to the outer verb's speaker (PolNeAR
    marks the outer source). Only a pronoun speaker or a bare colon's subject gives way: a named
    speaker of a speech verb ("Trump said: “Q”") and a verb set right before the quotation ("and
    Ms. Warren, she said, “Q”") keep theirs (each lost a speaker on the tuning set)."""
    if match is None or match.speaker is None or match.cue.pattern not in _EARLIER_QUOTE_PATTERNS:
        return match
    if match.speaker.kind != MentionKind.PRONOUN and match.cue.lemma != ":":
        return match  # a speech verb with a named speaker ("Trump said: “Q”") keeps it
    if match.cue.lemma != ":" and not ctx.text[match.cue.end : q.start].strip(" ,:"):
        return match  # "and Ms. Warren, she said, “Q”": the verb right before introduces it
    qi = bisect_left(ctx.quote_starts, q.start)  # quotes are sorted by start
    if qi == 0 or frame.pre[0] != ctx.quotes[qi - 1].end:
        return match
    prev = ctx.quotes[qi - 1]
    head = _mention_head(ctx, match.speaker)
    if head is None:
        return match
    lo = _frame(ctx, qi - 1).pre[0]
    s_idx = match.speaker.sentence
    cues = [(s, w) for s, w in _verb_cues(ctx, lo, prev.start) if s == s_idx]
    outer = _reporting_ancestor(ctx, cues, s_idx, head)
    if outer is None:
        return match
    found = _cue_from_verb(ctx, s_idx, outer, lo, prev.start)
    if found.speaker is None:
        return match
    return _Match(found.cue(CuePattern.PRE_VERB), found.speaker)


def _coordinated_post_cue(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """A speech verb after a quotation in a clause of its own (Putin said, “Q,” but he denied
    that ...; Weld describes the party as “Q,” and Johnson talks about ...): a conjunction
    between the quotation and the verb makes that verb another statement's, so a speech verb
    before the quotation with a speaker attributes it (the repairs after :func:`_choose` apply)."""
    if match is None or match.cue.pattern != CuePattern.POST_VERB:
        return match
    between = _non_punct(ctx, q.end, match.cue.start)
    if not any(_joins_clause(w) for w in between):
        return match
    pre = _first_match(PRE_PATTERNS, ctx, q, frame)
    if pre is None or pre.speaker is None or pre.cue.pattern != CuePattern.PRE_VERB:
        return match
    return pre


def _sentence_final_cue(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: “Q,” and donations began to pick up again last week, Gilbert said. Where a
    conjunction makes the verb after the quotation another clause's and no cue before the
    quotation took over (:func:`_coordinated_post_cue`), the speech verb that closes the
    sentence with a name or pronoun subject is the cue."""
    if match is None or match.cue.pattern != CuePattern.POST_VERB or match.cue.start < q.end:
        return match
    between = _non_punct(ctx, q.end, match.cue.start)
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or not any(_joins_clause(w) for w in between):
        return match
    sent = ctx.parse.sentences[s_idx]
    cues = _verb_cues(ctx, verb.end, min(frame.post[1], sent.words[-1].end))
    if not cues or cues[-1][0] != s_idx:
        return match
    last = cues[-1][1]
    nxt = sent.word(last.index + 1) if last.index < len(sent.words) else None
    if nxt is None or nxt.lemma != "." or nxt.index != len(sent.words):
        return match
    found = _cue_from_verb(ctx, s_idx, last, verb.end, last.start)
    if found.speaker is None or found.speaker.kind not in (MentionKind.NAME, MentionKind.PRONOUN):
        return match
    return _Match(found.cue(CuePattern.POST_VERB), found.speaker)


def _subject_before_gerund(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "A Chinese official responded by saying Japan should be careful “Q”": the
    compact parser makes the reported clause the root, so climbing from "saying" finds that
    clause's subject after the cue. A gerund cue's speaker is a subject before it, on the way up
    its heads."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    gerund = _gerund_cue(ctx, match.cue)
    if gerund is None or match.speaker.start < gerund[1].end:
        return match
    s_idx, verb = gerund
    sent, lo = ctx.parse.sentences[s_idx], frame.pre[0]
    for _, head in _climb(sent, verb):
        subjects = [
            c
            for c in _subjects(sent, head)
            if lo <= c.start and c.index < verb.index and not ctx.in_quote(c.start)
        ]
        if subjects:
            subj = max(subjects, key=lambda c: c.index)
            return _with_speaker(match, _subject_mention(ctx, s_idx, subj, lo, verb.start))
    return match


_GERUND_PREPOSITIONS = ("by", "upon", "on", "in", "after", "before", "while", "without")


def _preposition_gerund_subject(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: "Mr. Bush responded by first saying “Q”"; "began her speech by slamming candidates
    who ..."; "And in explaining why many of those “Q” had not passed, Clinton described". A gerund
    cue after a preposition has no subject of its own: its speaker is the subject of the verb
    the phrase hangs on (up its heads), where the match has none or took a noun after the gerund."""
    if match is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    gerund = _gerund_cue(ctx, match.cue)
    if gerund is None or (match.speaker is not None and match.speaker.start < gerund[1].start):
        return match
    s_idx, verb = gerund
    sent, lo = ctx.parse.sentences[s_idx], frame.pre[0]
    prev = _word_before_gap(sent, verb, ("ADV", "ADJ"))
    if prev is None or prev.text.lower() not in _GERUND_PREPOSITIONS:  # "by (first) saying"
        return match
    hi = verb.start
    for _, head in _climb(sent, verb):
        subj = _subject_of(ctx, s_idx, head, lo, hi) or _surface_subject(ctx, s_idx, head, lo, hi)
        if subj is not None and lo <= subj.start < hi and subj.lemma.lower() not in _RELATIVE_PRONOUNS:
            return _with_speaking(ctx, match, _subject_mention(ctx, s_idx, subj, lo, hi))
    return match


def _speakerless_verb_cue(ctx: _Context, match: _Match | None) -> tuple[int, Word] | None:
    """The sentence index and verb of a match's verb cue when the match has no speaker (what the
    refinements that find a missing speaker start from); None for any other match."""
    if match is None or match.speaker is not None or match.cue.pattern not in _VERB_PATTERNS:
        return None
    s_idx, verb = _cue_word(ctx, match.cue)
    return None if s_idx is None or verb is None else (s_idx, verb)


def _comma_who_speaker(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "Trump, who has called the pact “insanity,” and Sanders, who says it's
    “disastrous”" where the parse does not make the clause a relative one and the verb cue has
    no speaker: "who" right after a name and a comma is the speaker mention (PolNeAR marks it),
    standing for that name."""
    found = _speakerless_verb_cue(ctx, match)
    if match is None or found is None:
        return match
    s_idx, verb = found
    sent = ctx.parse.sentences[s_idx]
    rel = next((c for c in _subjects(sent, verb) if c.text.lower() == "who"), None)
    if rel is None or rel.index < 3 or rel.start > verb.start or ctx.in_quote(rel.start):
        return match
    comma, name = sent.word(rel.index - 1), sent.word(rel.index - 2)
    if comma.lemma != "," or name.upos != "PROPN" or ctx.in_quote(name.start):
        return match
    antecedent = make_mention(ctx, s_idx, name, sent.words[0].start, comma.start)
    if antecedent is None or antecedent.kind != MentionKind.NAME:
        return match
    return _Match(match.cue, _relative_mention(rel, antecedent, s_idx))


_PARTICIPLE_CLIMB = ("advcl", "xcomp", "conj", "acl", "obj")


def _authored(ctx: _Context, sent: Sentence, noun: Word) -> bool:
    """Is this noun a document that the verb it is the object of puts out ("released a
    statement", "published an article")?"""
    head = sent.head_of(noun)
    return (
        noun.deprel == "obj"
        and noun.lemma.lower() in ctx.lexicon.document_nouns
        and head is not None
        and head.upos == "VERB"
    )


def _document_sender(ctx: _Context, sent: Sentence, noun: Word) -> Word | None:
    """The verb that puts out a document addressed to ``noun`` when a participle hangs on the
    addressee ("blasted out an email to supporters stating ...": "blasted", whose subject
    speaks, not "supporters"); None when ``noun`` is no "to" phrase of an authored document."""
    doc = sent.head_of(noun)
    if doc is None or not any(c.deprel == "case" and c.lemma.lower() == "to" for c in sent.children(noun)):
        return None
    return sent.head_of(doc) if _authored(ctx, sent, doc) else None


def _speakerless_gerund_cue(ctx: _Context, match: _Match | None) -> tuple[int, Word] | None:
    """The sentence index and participle of a match's "-ing" cue before the quotation when the
    match has no speaker (where the participle refinements start); None for any other match."""
    if match is None or match.speaker is not None or match.cue.pattern != CuePattern.PRE_VERB:
        return None
    return _gerund_cue(ctx, match.cue)


def _participle_owner(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Speaker for a participle cue the parse left without one ("President Jimmy Carter going on
    TV ..., declaring a “moral equivalent of war”"; "he has battled with the mayor, at one point
    calling him a “liar”"): up the participle's heads (adverbial, complement, conjunct, noun
    modifier), the first noun it modifies, or the first verb's subject, in the frame before it."""
    gerund = _speakerless_gerund_cue(ctx, match)
    if match is None or gerund is None:
        return match
    s_idx, verb = gerund
    sent, lo = ctx.parse.sentences[s_idx], frame.pre[0]
    for cur, head in _climb(sent, verb, _PARTICIPLE_CLIMB):
        if head.start < lo:
            return match
        if head.upos in ("NOUN", "PROPN"):
            if _authored(ctx, sent, head):
                continue  # "His office released a statement saying": the statement's author speaks
            mention = make_mention(ctx, s_idx, head, lo, cur.start) if cur.deprel == "acl" else None
            return _with_speaking(ctx, match, mention)
        subj = _subject_of(ctx, s_idx, head, lo, head.start)
        if subj is not None:
            return _with_speaker(match, _subject_mention(ctx, s_idx, subj, lo, head.start))
    return match


_GERUND_GAP_UPOS = ("ADV",)  # "Carson privately saying"


def _word_before_gap(sent: Sentence, w: Word, gap: tuple[str, ...]) -> Word | None:
    """The word before ``w`` past the words tagged ``gap`` right before it; None at the start."""
    i = w.index - 1
    while i >= 1 and sent.word(i).upos in gap:
        i -= 1
    return sent.word(i) if i >= 1 else None


def _gerund_own_subject(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "with Donald Trump tweeting that it was a “disaster”"; "what do you think of Carson
    privately saying “pray for him”": a participle cue right after a noun phrase that a
    preposition opens (no comma between) has that phrase for its subject, where the parse hung the
    participle elsewhere. Not after a verb ("Rhodes recalled Mr. Obama talking about “Q”": who
    reports it speaks), nor a document ("in a statement saying": its author speaks)."""
    if match is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    gerund = _gerund_cue(ctx, match.cue)
    if gerund is None:
        return match
    s_idx, verb = gerund
    sent, lo = ctx.parse.sentences[s_idx], frame.pre[0]
    noun = _word_before_gap(sent, verb, _GERUND_GAP_UPOS)
    if noun is None or noun.upos not in ("NOUN", "PROPN") or noun.start < lo or ctx.in_quote(noun.start):
        return match
    if noun.lemma.lower() in ctx.lexicon.document_nouns or _document_sender(ctx, sent, noun) is not None:
        return match  # "in a statement saying", "an email to supporters stating": its author speaks
    speaker = match.speaker
    if speaker is not None and speaker.start <= noun.start < speaker.end:
        return match
    mention = _subject_mention(ctx, s_idx, noun, lo, verb.start)
    if mention is None:
        return match
    before = next((w for w in reversed(sent.words) if w.end <= mention.start), None)
    if before is None or before.start < lo or before.upos != "ADP":
        return match
    return _with_speaking(ctx, match, mention)


_REPORTED_CLAUSE_PARTICIPLE_RELS = ("advcl", "conj")


def _participle_over_reported_clause(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: "Gore insisted it was “premature” ... while adding, “Q”"; "with Donald Trump
    tweeting that it was a “disaster” for Clinton and asking, “Q”". A participle cue with no
    subject of its own that the parse hung on the reported clause of another verb took that
    clause's subject ("it"): the participle goes on from the reporting verb, whose speaker
    speaks (the subject of the reporting verb, or the noun a preposition opens before a
    reporting participle, :func:`_gerund_own_subject`)."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    gerund = _gerund_cue(ctx, match.cue)
    if gerund is None:
        return match
    s_idx, verb = gerund
    sent = ctx.parse.sentences[s_idx]
    lo = sent.words[0].start  # the reporting verb may stand before an earlier quotation of the sentence
    clause = sent.head_of(verb)
    if verb.deprel not in _REPORTED_CLAUSE_PARTICIPLE_RELS or _subjects(sent, verb) or clause is None:
        return match
    reporter = sent.head_of(clause)
    inner = [w for w in _subjects(sent, clause) if match.speaker.start <= w.start < match.speaker.end]
    if clause.deprel != "ccomp" or not inner or reporter is None:
        return match
    if reporter.xpos == "VBG":
        cue = Cue(reporter.start, reporter.end, reporter.text, reporter.lemma, CuePattern.PRE_VERB)
        owned = _gerund_own_subject(ctx, q, _Frame((lo, frame.pre[1]), frame.post), _Match(cue, None))
        if owned is not None and owned.speaker is not None:
            return _Match(match.cue, owned.speaker)
    subj = _subject_of(ctx, s_idx, reporter, lo, reporter.start)
    speaker = _subject_mention(ctx, s_idx, subj, lo, reporter.start) if subj is not None else None
    return _with_speaking(ctx, match, speaker)


_CONJUNCT_SKIP_RELS = ("acl:relcl", "ccomp", "acl")  # a relative or reported clause's verb: not the conjunct
_CONDITIONAL_MARKS = ("if", "unless", "whether")


def _conditional(sent: Sentence, w: Word) -> bool:
    """Does an "if" (or "unless", "whether") open the verb's clause: a condition, whose subject
    does nothing the sentence reports ("boycotting Apple if the company did not help ...")?"""
    return any(c.deprel == "mark" and c.lemma.lower() in _CONDITIONAL_MARKS for c in sent.children(w))


def _coordinated_verb_subject(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: "when Cruz knocked Rubio on trade and called him a “moderate”": a cue verb right
    after "and" (past adverbs) shares the subject of the verb before "and": the nearest verb to
    its left with a subject of its own (not a relative or reported clause's), where the parse
    gave the cue another clause's subject or none."""
    if match is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or verb.xpos not in _OVER_OBJECT_XPOS or q.start < verb.end:
        return match
    sent, lo = ctx.parse.sentences[s_idx], frame.pre[0]
    conj = _word_before_gap(sent, verb, _NAME_GAP_UPOS)
    if conj is None or conj.text.lower() != "and" or conj.start < lo:
        return match
    if match.speaker is not None and match.speaker.start > conj.start:
        return match
    mention = _subject_before_and(ctx, s_idx, conj, lo)
    if mention is None or (match.speaker is not None and match.speaker.start == mention.start):
        return match
    return _with_speaking(ctx, match, mention)


def _subject_before_and(ctx: _Context, s_idx: int, conj: Word, lo: int) -> Mention | None:
    """The subject of the nearest verb before ``conj`` ("and") and from ``lo`` that has one of its
    own before it, outside quotations: not a relative, reported or conditional clause's verb."""
    sent = ctx.parse.sentences[s_idx]
    for w in reversed(sent.words[: conj.index - 1]):
        if w.start < lo or ctx.in_quote(w.start):
            return None
        if w.upos not in ("VERB", "AUX") or w.deprel in _CONJUNCT_SKIP_RELS or _conditional(sent, w):
            continue
        subjects = [c for c in _subjects(sent, w) if lo <= c.start < w.start and not ctx.in_quote(c.start)]
        if subjects and _is_dateline(sent, subjects[0]):
            return None  # "WASHINGTON — Sen. X (R-Iowa) on Wednesday downplayed ... and said": no appos
        if subjects and subjects[0].lemma.lower() not in _RELATIVE_PRONOUNS:
            return _subject_mention(ctx, s_idx, subjects[0], lo, w.start)
    return None


_PUT_IT = re.compile(r"\bput\s+it\b")
_AS_PUT_IT = re.compile(r"(?:^|(?<=[,;—–]\s))[Aa]s\s+(?P<who>[^“”\"]+?),?\s+(?P<cue>put)\s+it\b")


def _as_put_it(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "As Akhil Amar, professor of law at Yale, put it, “Q”"; "As the LinkedIn chief
    executive, Jeff Weiner, put it in his memo to employees explaining the deal, “Q”". The words
    between "as" and "put it" that opens the sentence or a clause are the speaker (the parse takes
    "it", or a later verb's subject); the first name there, else the phrase's head."""
    if match is not None and (
        match.cue.pattern not in _VERB_PATTERNS
        or (match.cue.pattern == CuePattern.POST_VERB and match.speaker is not None)
    ):
        return match  # “Q,” Jones said: the verb after the quotation has its own speaker
    p_start = ctx.paragraphs[ctx.paragraph_of(q.start)][0]
    if _PUT_IT.search(ctx.text, p_start, q.start) is None:
        return match  # no "put it" before the quotation: skip the walk to the sentence start
    start = _sentence_bounds(ctx, q.start, -1, p_start)
    pre = ctx.text[start : q.start]  # a title in quotation marks may sit in the speaker's description
    m = _AS_PUT_IT.search(pre.lstrip())
    if m is None:
        return match
    shift = start + len(pre) - len(pre.lstrip())
    lo, stop = shift + m.start("who"), shift + m.end("who")
    s_idx, verb = next(iter(ctx.words_between(shift + m.start("cue"), shift + m.end("cue"))), (None, None))
    if (
        s_idx is None
        or verb is None
        or any(
            _is_cue_verb(ctx, w) and bool(_subjects(ctx.parse.sentences[i], w))
            for i, w in ctx.words_between(verb.end, q.start)
        )
    ):
        return match  # "As Smith put it, “Q1,” and Jones added, “Q2”": Q2 is Jones's (not "explaining")
    sent = ctx.parse.sentences[s_idx]
    mention = _name_before_verb(ctx, s_idx, lo, verb.start)
    if mention is None:
        words = _non_punct(ctx, lo, stop)
        head = _span_head(ctx, sent, words) if words else None
        mention = make_mention(ctx, s_idx, head, lo, stop) if head is not None else None
    if mention is None or _writer_or_it(mention):
        return match
    cue = Cue(verb.start, verb.end, verb.text, verb.lemma.lower(), CuePattern.PRE_VERB)
    return _Match(cue, mention)


def _opening_stretch(ctx: _Context, words: list[Word]) -> bool:
    """Is this stretch before a sentence's first comma an opening phrase or clause ("Recalling
    that moment", "At a briefing Monday", "Fifteen minutes after Pence was picked"), not a
    subject?"""
    if not words:
        return False
    return _opening_phrase(ctx, words) or (
        words[0].upos == "NUM" and len(words) > 1 and _is_time_word(ctx, words[1])
    )


_NAME_MAX_WORDS = 5  # “Q,” said Skelly, explaining ...: a capitalised run this long is a name


def _surface_speaker(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """A speaker from the layout for a verb cue that the parse left without one: a name opening
    comma-set descriptions before the verb ("“Q,” Douglas Holtz-Eakin, an economic adviser ...,
    wrote after": the tagger's "wrote" is a participle; "Small, who attended the rally, said":
    "Small" an adjective), a capitalised run that is all there is before the verb ("“Q,” From
    said"), or after a quotation a capitalised run right after the verb set off by a comma or
    period ("“Q,” said Skelly, explaining": the tagger's "Skelly" is an adverb)."""
    found = _speakerless_verb_cue(ctx, match)
    if match is None or found is None:
        return match
    s_idx, verb = found
    after = match.cue.pattern == CuePattern.POST_VERB
    lo = q.end if after else frame.pre[0]
    if not lo <= verb.start:
        return match
    mention = _name_before_verb(ctx, s_idx, lo, verb.start)
    if mention is None and after and not _non_punct(ctx, q.end, verb.start):
        mention = _name_after_verb(ctx, s_idx, verb, frame.post[1])
    return match if mention is None else _Match(match.cue, mention)


def _name_for_thing_subject(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """A name on the surface for a verb cue whose parse subject is a thing, not a person ("as
    was true for the few years his tax returns were made public ― Trump boasted, “Q”";
    "Fifteen minutes after Pence was picked, John Podesta called ...": the compact parser hangs
    the verb on the wrong clause). The name right before the verb ("Trump boasted", "Sen. Ron
    Johnson (R-Wis.) kept asking"), one opening comma-set descriptions ("“Q,” Howard Dean, the
    former governor of Vermont, proclaimed"), or after a quotation a name right after the verb
    ("..., said Alan Abramowitz, a demographer")."""
    if (
        match is None
        or match.speaker is None
        or match.cue.pattern not in _VERB_PATTERNS
        or not _thing_mention(ctx, match.speaker)
    ):
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None:
        return match
    sent = ctx.parse.sentences[s_idx]
    lo = max(sent.start, q.end if q.end <= verb.start else frame.pre[0])
    mention = _name_left_of_verb(ctx, s_idx, verb, lo) or _name_before_verb(ctx, s_idx, lo, verb.start)
    if mention is None and q.end <= verb.start and _inverted_at(ctx, q, verb):
        mention = _name_after_verb(ctx, s_idx, verb, frame.post[1])
    return match if mention is None else _Match(match.cue, mention)


_SUBORDINATORS = ("when", "after", "before", "while", "because", "since", "until", "although", "though", "if")


def _pre_cue_over_subordinate(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: footage of Trump saying during the debate, “Q,” when Clinton blasted him. A verb
    after the quotation in a clause that a subordinator opens ("when", "after", "because") tells
    what else happened; a speech verb before the quotation with its own speaker is the cue."""
    if match is None or match.cue.pattern != CuePattern.POST_VERB or match.cue.start < q.end:
        return match
    after = _non_punct(ctx, q.end, match.cue.start)
    if not after or after[0].text.lower() not in _SUBORDINATORS:
        return match
    found = _pre_verb(ctx, q, frame)
    if found is None or found.speaker is None:
        return match
    return _Match(found.cue(CuePattern.PRE_VERB), found.speaker)


def _passive_in_later_clause(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: Trump defended his manager as a “very decent man” Tuesday, hours after the staffer
    was charged with battery. A passive speech verb with no agent ("by ...") in a clause that a
    conjunction or subordinator opens after the quotation says what was done to its subject, who
    did not say the words: the subject of the verb the quotation hangs on speaks
    (:func:`_clause_subject`), where it has one."""
    if match is None or match.cue.pattern != CuePattern.POST_VERB or match.cue.start < q.end:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None:
        return match
    kids = ctx.parse.sentences[s_idx].children(verb)
    if not any(c.deprel == "aux:pass" for c in kids) or _passive_agent(ctx, s_idx, verb) is not None:
        return match
    between = _non_punct(ctx, q.end, match.cue.start)
    if not any(_joins_clause(w) or w.text.lower() in _SUBORDINATORS for w in between):
        return match
    clause = _clause_subject(ctx, q, frame)
    if clause is None or clause.speaker is None:
        return match
    return _Match(clause.cue(CuePattern.PRE_VERB), clause.speaker)


_AGENT_GAP_MAX_WORDS = 5  # "is likely to be repeated, nearly word for word by his wife"


def _passive_participle(sent: Sentence, verb: Word) -> bool:
    """Is this participle passive: "was described", "has been called", or a reduced clause
    ("often labeled as ...", no subject and no "have")?"""
    if verb.xpos != "VBN":
        return False
    kids = sent.children(verb)
    if any(c.deprel == "aux:pass" for c in kids):
        return True
    return not any(c.deprel.startswith("nsubj") or c.lemma.lower() == "have" for c in kids)


def _agent_after(ctx: _Context, s_idx: int, start: int, end: int) -> Mention | None:
    """The phrase after "by" a few adverbial words into [start, end): the agent of a passive cue
    that the quotation separates from its verb. Not a time ("by Friday")."""
    sent = ctx.parse.sentences[s_idx]
    words = [w for w in sent.within(start, end) if w.upos != "PUNCT"]
    for i, w in enumerate(words[: _AGENT_GAP_MAX_WORDS + 1]):
        if w.lemma.lower() == "by" and not ctx.in_quote(w.start):
            head = sent.head_of(w)
            if head is None or head.start < w.end or head.upos not in ("PROPN", "NOUN", "PRON"):
                return None
            if _is_time_word(ctx, head) or ctx.in_quote(head.start):
                return None
            return make_mention(ctx, s_idx, np_head(sent, head, w.end, end), w.end, end)
        if w.upos in ("VERB", "AUX") or _joins_clause(w) or i == _AGENT_GAP_MAX_WORDS:
            return None
    return None


def _agent_past_quotation(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: The plan was described as “a giveaway” by Roy Dade; “Q” — is likely to be
    repeated, nearly word for word, by his wife. A passive speech verb whose agent ("by ...")
    the quotation keeps away from it: the agent speaks, not the subject, which is what was
    described (the parse's agent is past the cue's window, so the pattern takes the subject)."""
    if match is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None:
        return match
    sent = ctx.parse.sentences[s_idx]
    if not _passive_participle(sent, verb):
        return match
    start = q.end if verb.end <= q.start else verb.end
    if not ctx.text[start : frame.post[1]].strip() or start < q.end:
        return match
    agent = _agent_after(ctx, s_idx, start, min(frame.post[1], sent.words[-1].end))
    return match if agent is None else _Match(match.cue, agent)


def _inverted_at(ctx: _Context, q: QuoteSpan, verb: Word) -> bool:
    """Does the verb after a quotation come before its subject: right after the quotation
    (“Q,” said Skelly) or right after a comma ("..., said Alan Abramowitz")?"""
    before = ctx.text[q.end : verb.start].rstrip()
    return not _non_punct(ctx, q.end, verb.start) or before.endswith(",")


def _thing_mention(ctx: _Context, m: Mention) -> bool:
    """Is the mention a common noun for a thing: no person, people, group, organization or
    document ("the event", "his tax returns", "three taxes")?"""
    lex = ctx.lexicon
    head = m.head_lemma
    if m.kind == MentionKind.PRONOUN or m.head_upos != "NOUN":
        return False
    return not (
        _role_word(lex, head)
        or head in lex.document_nouns
        or head in lex.organization_nouns
        or head in lex.group_words
        or head in lex.share_nouns
    )


_NAME_GAP_UPOS = ("ADV", "AUX", "PART")  # "Trump has repeatedly said"
_NOT_NAME_BEFORE = ("the", "'s", "’s")  # "the Trump campaign", "Clinton's Trump ad": a modifier


def _name_left_of_verb(ctx: _Context, s_idx: int, verb: Word, lo: int) -> Mention | None:
    """The capitalised name run that ends right before the verb (past adverbs, auxiliaries and
    a parenthesis such as a party label: "Sen. Ron Johnson (R-Wis.) kept asking"), and is no
    preposition's object or possessor ("a spokesman for Clinton said")."""
    sent = ctx.parse.sentences[s_idx]
    i = verb.index - 1
    while i >= 1 and sent.word(i).start >= lo and sent.word(i).upos in _NAME_GAP_UPOS:
        i -= 1
    if i >= 1 and sent.word(i).text == ")":
        while i >= 1 and sent.word(i).text != "(":
            i -= 1
        i -= 1
    run: list[Word] = []
    while i >= 1 and sent.word(i).start >= lo and sent.word(i).text[:1].isupper():
        run.insert(0, sent.word(i))
        i -= 1
    if not run or len(run) > _NAME_MAX_WORDS or run[-1].upos != "PROPN":
        return None
    if ctx.in_quote(run[0].start, run[-1].end) or any(_is_time_word(ctx, w) for w in run):
        return None
    before = sent.word(i) if i >= 1 else None
    if before is not None and (
        (before.upos == "ADP" and before.text.isalpha()) or before.text.lower() in _NOT_NAME_BEFORE
    ):
        return None  # "a spokesman for Clinton said", "the Clinton campaign said" (a dash may pass)
    return name_mention(ctx, s_idx, (run[0].start, run[-1].end), None)


def _non_punct(ctx: _Context, start: int, end: int) -> list[Word]:
    """The words in [start, end) that are not punctuation."""
    return [w for _, w in ctx.words_between(start, end) if w.upos != "PUNCT"]


def _name_before_verb(ctx: _Context, s_idx: int, lo: int, stop: int) -> Mention | None:
    """The name that opens [lo, stop) before comma-set descriptions, or that fills it."""
    sent = ctx.parse.sentences[s_idx]
    named = _name_before_appositions(ctx, sent, lo, stop)
    if named is not None:
        return make_mention(ctx, s_idx, named, lo, stop)
    m = _APPOSED.fullmatch(ctx.text, lo, stop)
    span = (m.start(1), m.end(1)) if m is not None else (lo, stop)
    label = _PARENTHESIS_END.search(ctx.text, *span)  # "Sen. Bernie Sanders (I-Vt.)": not the name
    words = _non_punct(ctx, span[0], label.start() if label else span[1])
    if not words or len(words) > _NAME_MAX_WORDS or ctx.in_quote(words[0].start, words[-1].end):
        return None
    if not all(w.text[:1].isupper() for w in words) or _pronoun_or_determiner(ctx, words[0]):
        return None
    return name_mention(ctx, s_idx, (words[0].start, words[-1].end), None)


def _pronoun_or_determiner(ctx: _Context, w: Word) -> bool:
    """A determiner or pronoun ("That said, she noted"), not a name the tagger called a pronoun
    but a proper noun in its fine tag (“Q,” Thiel wrote: "Thiel" PRON, NNP)."""
    return w.upos == "DET" or (
        w.upos == "PRON" and (w.text.lower() in ctx.lexicon.pronouns or w.xpos != "NNP")
    )


def _capitalised_run(ctx: _Context, s_idx: int, start: int, end: int) -> Mention | None:
    """The name that follows a verb: capitalised words up to a comma or the sentence end."""
    words: list[Word] = []
    for _, w in ctx.words_between(start, end):
        if w.upos == "PUNCT" and w.lemma in (",", ".", ";"):
            break
        if not w.text[:1].isupper() or len(words) == _NAME_MAX_WORDS:
            return None
        words.append(w)
    if not words or ctx.in_quote(words[0].start, words[-1].end):
        return None
    return name_mention(ctx, s_idx, (words[0].start, words[-1].end), None)


_DESCRIBED_MAX_WORDS = 9  # “Q,” said undecided Republican voter Stephanie Hooton of Derry
_DESCRIPTION_UPOS = ("ADJ", "NOUN", "PROPN", "NUM", "VERB")


def _name_after_verb(ctx: _Context, s_idx: int, verb: Word, end: int) -> Mention | None:
    """The speaker right after an inverted verb, before ``end``: a capitalised name run ("said
    Alan Abramowitz"), else a name after a lowercase description (:func:`_described_name_after`)."""
    return _capitalised_run(ctx, s_idx, verb.end, end) or _described_name_after(ctx, s_idx, verb.end, end)


def _described_name_after(ctx: _Context, s_idx: int, start: int, end: int) -> Mention | None:
    """The speaker after an inverted verb that opens with a lowercase description (“Q,” said
    undecided Republican voter Stephanie Hooton of Derry, N.H.): a run of description words up to a
    comma, period or preposition that ends in a capitalised name; the name is the mention and the
    words before it its description."""
    words: list[Word] = []
    for _, w in ctx.words_between(start, end):
        if (w.upos == "PUNCT" and w.lemma in (",", ".", ";")) or (w.upos == "ADP" and words):
            break
        if w.upos not in _DESCRIPTION_UPOS or len(words) == _DESCRIBED_MAX_WORDS:
            return None
        words.append(w)
    name = list(takewhile(lambda w: w.text[:1].isupper(), reversed(words)))[::-1]
    description = words[: len(words) - len(name)]
    if not name or not description or name[-1].upos != "PROPN" or len(name) > _NAME_MAX_WORDS:
        return None
    if ctx.in_quote(words[0].start, words[-1].end) or any(_is_time_word(ctx, w) for w in name):
        return None
    span = (name[0].start, name[-1].end)
    return name_mention(ctx, s_idx, span, (description[0].start, description[-1].end))


_REPORTER_MAX_WORDS = 6  # “Q,” the Orlando Sentinel reported: the subject between quotation and verb


def _reported_after(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Nested speech: a quotation inside the writer's sentence ("He said ... he was “very
    comfortable,” The Post reported.") whose sentence ends with a speech verb set off by a comma
    right after it is the report of that verb's speaker, the outer source (PolNeAR marks it),
    not of the cue before it. A participle there ("“Q,” adding ...") is the first speaker's own,
    and a pronoun ("..., she said") repeats the speaker named before."""
    if match is None or match.cue.pattern != CuePattern.PRE_VERB or not _embedded(ctx, q, frame):
        return match
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    if not (inner.endswith(",") or ctx.text[q.end : frame.post[1]].lstrip().startswith(",")):
        return match
    hit = _post_verb_word(ctx, q, frame)
    if hit is None or hit[1].xpos == "VBG":
        return match
    between = _non_punct(ctx, q.end, hit[1].start)
    if len(between) > _REPORTER_MAX_WORDS or any(_joins_clause(w) for w in between):
        return match
    nxt = bisect_left(ctx.quote_starts, q.end)
    if nxt < len(ctx.quotes) and ctx.quotes[nxt].start == frame.post[1]:
        return match  # "After Scalia said ... “Q,” Trump said: “Q2”": the verb introduces Q2
    found = _post_verb(ctx, q, frame)
    if found is None or found.speaker is None or found.speaker.kind == MentionKind.PRONOUN:
        return match  # "..., she said" repeats the speaker named before
    if found.speaker.start > found.end and (
        between or _clause_follows(ctx, found.speaker.end, frame.post[1])
    ):
        return match  # "Roffman, who ... “Q,” described the impact as": an object, not a speaker
    return _Match(found.cue(CuePattern.POST_VERB), found.speaker)


def _clause_follows(ctx: _Context, start: int, end: int) -> bool:
    """Is the first word in [start, end) a verb ("said the candidate could be": the noun phrase
    after the verb is the subject of its reported clause, not an inverted speaker)?"""
    words = _non_punct(ctx, start, end)
    return bool(words) and words[0].upos in ("VERB", "AUX")


def _joins_clause(w: Word) -> bool:
    """A conjunction that makes what follows a clause of its own ("and he reiterated", "though
    she noted"), not the reporting clause; "as" keeps it ("as a memo put it")."""
    return w.upos == "CCONJ" or (w.upos == "SCONJ" and w.lemma.lower() != "as")


# ---------------------------------------------------------------------------------- kinds


def _classify(ctx: _Context, q: QuoteSpan, frame: _Frame, has_cue: bool) -> QuoteKind:
    """direct, partial, scare or title, from the layout around the quotation.

    - set off from the writer's sentence (sentence start, after a comma or colon) or running
      over paragraphs or sentences of its own: ``direct``;
    - inside the writer's grammar ("said that “...”", "called it “...”"): ``partial`` when the
      sentence has a speech cue (or the quotation is long), else a ``title`` when it is in
      title case ("Paying for Pipes"), else ``scare`` ("so-called “reform”").
    """
    text = ctx.text
    inner = text[q.inner_start : q.inner_end].strip()
    n_words = len(inner.split())
    before = text[frame.pre[0] : q.start].strip()
    if re.search(r"\bso[- ]called$", before, flags=re.I):
        return QuoteKind.SCARE
    if (
        not has_cue
        and q.paragraphs == 1
        and _title_case(inner, ctx.lexicon.title_small_words)
        and n_words <= 8
    ):
        return QuoteKind.TITLE  # a report called “Paying for Pipes,” ...
    runs_on = q.paragraphs > 1 or re.search(r"[.!?][”’\"]?\s+[A-Z“\"]", inner) is not None
    if _embedded(ctx, q, frame) or re.search(r"\bthat$", before):
        if runs_on:
            return QuoteKind.DIRECT
        if has_cue or n_words >= DIRECT_MIN_WORDS:
            return QuoteKind.PARTIAL
        return QuoteKind.TITLE if _title_case(inner, ctx.lexicon.title_small_words) else QuoteKind.SCARE
    if runs_on or n_words >= DIRECT_MIN_WORDS or re.search(r"[.!?…,]$", inner) or has_cue:
        return QuoteKind.DIRECT
    return QuoteKind.TITLE if _title_case(inner, ctx.lexicon.title_small_words) else QuoteKind.SCARE


def _title_case(inner: str, small_words: frozenset[str]) -> bool:
    """“Paying for Pipes”, “The Art of the Deal”: two or more words, all capitalised but small ones."""
    words = re.findall(r"[\w’'-]+", inner)
    return (
        len(words) >= 2
        and words[0][0].isupper()
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in small_words for w in words)
    )


_ASIDE_OPENERS = ("who", "whose")  # "a White House official who spoke anonymously ... said"
_ASIDE_SUBJECT_MAX_WORDS = 8
_ASIDE_BREAKS = (":", ";", "—", "–", "(")
_NOT_IN_SUBJECT_UPOS = ("VERB", "AUX", "SCONJ", "PRON", "PUNCT")
_ASIDE_GAP_UPOS = ("ADV", "AUX", "PART")  # "..., on Wednesday said": what may sit between aside and verb


def _subject_before_aside(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Speaker for a correct cue: a noun phrase that opens the clause and is followed by an aside
    set off by commas or opened by "who" right up to the verb ("Washington Post columnist Margaret
    Sullivan, in an attempt to draw attention to ..., wrote"; "Hemsley, the co-author of “Going
    Viral,” about the rapid spread of information, said"; "a White House official who spoke
    anonymously to discuss internal strategy said") is the speaker where the parse took a noun of
    the aside, or one after the verb, for the subject."""
    if match is None or match.speaker is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    if match.speaker.kind == MentionKind.NAME:
        return match  # "the Paper, and widely circulated online, Shen Xincheng, ..., urged"
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or verb.xpos == "VBG":
        return match
    sent = ctx.parse.sentences[s_idx]
    lo = sent.start if verb.start < q.start else max(sent.start, q.end)  # past an earlier quoted title
    words = sent.within(lo, verb.start)
    sub = _subordinator_before_aside(ctx, words)
    words = (
        words[sub + 1 :] if sub is not None else words
    )  # "The issue had come up after Mr. Trump, ..., said"
    subject = _aside_subject(ctx, words, opening=sub is None)
    if subject is None or subject[0].start <= match.speaker.start < subject[-1].end:
        return match
    head = subject[-1] if subject[-1].upos == "PROPN" else _span_head(ctx, sent, subject)
    mention = make_mention(ctx, s_idx, head, subject[0].start, subject[-1].end) if head is not None else None
    return _with_speaker(match, mention)


def _subordinator_before_aside(ctx: _Context, words: list[Word]) -> int | None:
    """The index of a subordinator inside a clause's stretch before its verb, before any comma or
    "who" ("The issue had come up Friday after Mr. Trump, asked about ..., had said"): the subject
    with an aside follows it. Not one that opens the stretch ("Although ..., an official who"), nor
    "as" as an adverb ("react as favorably to")."""
    for i, w in enumerate(words):
        if w.lemma == "," or w.text.lower() in _ASIDE_OPENERS:
            return None
        low = w.text.lower()
        if (
            i > 0
            and not ctx.in_quote(w.start)
            and (low in _SUBORDINATORS or (low == "as" and w.upos == "SCONJ"))
        ):
            return i
    return None


def _aside_subject(ctx: _Context, words: list[Word], opening: bool = True) -> list[Word] | None:
    """The noun phrase that opens ``words`` (the stretch from a clause's start to its verb) when an
    aside follows it up to the verb: set off by commas, or a "who" clause. A name or a person's
    role ends it; no verb, subordinator or pronoun is in it. One opening phrase or clause set off
    by a comma before it ("Although there is no such overlap ..., a White House official who")
    is skipped."""
    cut = next((i for i, w in enumerate(words) if w.lemma == "," or w.text.lower() in _ASIDE_OPENERS), None)
    if cut is None or cut == 0:
        return None
    subject, rest = words[:cut], words[cut:]
    if _opening_stretch(ctx, subject) and rest[0].lemma == ",":
        return _aside_subject(ctx, rest[1:], opening=False) if opening else None
    if cut > _ASIDE_SUBJECT_MAX_WORDS or ctx.in_quote(subject[0].start, subject[-1].end):
        return None
    if any(w.upos in _NOT_IN_SUBJECT_UPOS and not w.xpos.startswith("NNP") for w in subject):
        return None  # a name the tagger calls a verb ("Don na Sampson Rawlings") may be in it
    last = subject[-1]
    if not (last.upos == "PROPN" or (last.upos == "NOUN" and _role_word(ctx.lexicon, last.lemma.lower()))):
        return None
    if any(w.lemma in _ASIDE_BREAKS for w in rest):
        return None  # "Even people who endorsed the plan sounded equivocal: Jane Harman called"
    tail = list(rest)
    while tail and tail[-1].upos in _ASIDE_GAP_UPOS:
        tail.pop()
    if rest[0].lemma == ",":
        closed = len(tail) > 2 and tail[-1].lemma == ","  # the aside's closing comma right before the verb
    else:
        closed = not any(w.lemma == "," for w in rest)  # "who ..." runs to the verb
    return subject if closed else None


_INVERTED_NAME_ENDS = (",", ".", ":", ";")


def _inverted_after_comma(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "The paradox of Nancy, says Carl Anthony, historian at ..., is that"; "“Q” for the
    EU, said Geert Wilders, founder of ...". A speech verb right after a comma, with a name right
    after it that the parse also makes its subject, is set off as an inverted aside: the name is
    the speaker, not a noun before the comma (which the parse gives the verb as a second subject)."""
    if match is None or match.speaker is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or verb.xpos == "VBG" or match.speaker.end > verb.start:
        return match
    sent = ctx.parse.sentences[s_idx]
    if verb.index < 2 or sent.word(verb.index - 1).lemma != ",":
        return match
    end = min(sent.end, q.start if verb.end <= q.start else frame.post[1])
    mention = _name_after_verb(ctx, s_idx, verb, end)
    if mention is None or ctx.text[mention.end : mention.end + 1] not in _INVERTED_NAME_ENDS:
        return match  # "Steve Huhn, ..., said Fiorina “was ...”": the name opens the reported clause
    subjects = [c for c in _subjects(sent, verb) if mention.start <= c.start < mention.end]
    return _Match(match.cue, mention) if subjects else match


_OVER_OBJECT_XPOS = ("VBD", "VBZ", "VBP", "VBN")  # the tagger often calls "called" VBN


def _subject_over_object(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Speaker for a correct cue: a speech verb before a quotation that is not inverted (no comma or
    quotation right before it) speaks for a subject before it, not for a noun after it that the
    parse took for the subject of a small clause ("And Skelly called Braynard “a real smart guy”";
    "one lawmaker called Trump “the orange prince”"; "Clinton slammed the shift ... and accused
    Sanders of a “flip-flop”"): see :func:`_subject_left_of`."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or verb.xpos not in _OVER_OBJECT_XPOS or verb.index < 2:
        return match
    if not verb.end <= match.speaker.start < q.start:
        return match
    sent = ctx.parse.sentences[s_idx]
    prev = sent.word(verb.index - 1)
    if prev.upos == "PUNCT" or ctx.in_quote(prev.start) or prev.lemma.lower() == "be":
        return match  # "..., said Jones": inverted; "was called": passive
    if _passive_agent(ctx, s_idx, verb) is not None:
        return match
    return _with_speaker(match, _subject_left_of(ctx, s_idx, verb, max(sent.start, frame.pre[0])))


def _subject_left_of(ctx: _Context, s_idx: int, verb: Word, lo: int) -> Mention | None:
    """Who speaks for a verb, from its left: a capitalised word right before it (the tagger's
    adverb "Skelly" too), else the subject the parse gives it, else the noun a participle modifies
    ("one lawmaker called"), else after "and" the main clause's subject."""
    sent = ctx.parse.sentences[s_idx]
    prev = sent.word(verb.index - 1)
    named = prev.index > 1 and prev.text[:1].isupper() and prev.upos not in ("PRON", "DET", "CCONJ")
    if named and not _is_time_word(ctx, prev):
        left = _name_left_of_verb(ctx, s_idx, verb, lo)
        return left or name_mention(ctx, s_idx, (prev.start, prev.end), None)
    subj = next((c for c in _subjects(sent, verb) if lo <= c.start < verb.start), None)
    head = sent.head_of(verb)
    if subj is None and verb.deprel == "acl" and head is not None and head.index == verb.index - 1:
        subj = head if head.upos in ("NOUN", "PROPN") else None
    if subj is not None:
        return _subject_mention(ctx, s_idx, subj, lo, verb.start)
    return _main_clause_subject(ctx, s_idx, lo, verb.start) if prev.lemma.lower() == "and" else None


_FREE_RELATIVE = "what"  # "Ban Ki-moon condemned what he called a “brazen breach”"
_PERSON_PRONOUNS = ("he", "she")
_FREE_RELATIVE_PRONOUNS = (*_PERSON_PRONOUNS, "they")


def _free_relative_outer_speaker(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Nested speech: a quotation named in a free relative by a pronoun ("Secretary General Ban
    Ki-moon condemned what he called a “brazen breach”"; "Clinton's campaign is seeking to contrast
    her approach with what they call Trump's “self-centered message”") is the speaker's of the
    clause the free relative sits in (PolNeAR marks that subject, not the pronoun), where that
    subject is a name or description the pronoun can stand for (gender and number agree, no
    other name between). Dev 814 -> 816, tune 5429 -> 5431, held-out 1316 -> 1320 of 1491."""
    if match is None or match.speaker is None or match.speaker.kind != MentionKind.PRONOUN:
        return match
    if match.cue.pattern not in _VERB_PATTERNS or match.speaker.head_lemma not in _FREE_RELATIVE_PRONOUNS:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or not match.speaker.end <= verb.start:
        return match
    sent = ctx.parse.sentences[s_idx]
    pron = next((w for w in sent.words if w.start == match.speaker.start), None)
    what = sent.word(pron.index - 1) if pron is not None and pron.index > 1 else None
    if what is None or what.text.lower() != _FREE_RELATIVE:
        return match
    outer = next(
        (h for _, h in _climb(sent, what) if h.index != verb.index and h.upos in ("VERB", "AUX")), None
    )
    subj = _subject_of(ctx, s_idx, outer, sent.start, what.start) if outer is not None else None
    if subj is None or not sent.start <= subj.start < what.start:
        return match
    mention = _subject_mention(ctx, s_idx, subj, sent.start, what.start)
    if (
        mention is None
        or mention.kind == MentionKind.PRONOUN
        or not _pronoun_fits(ctx, match.speaker, mention)
    ):
        return match
    between = _non_punct(ctx, mention.end, what.start)
    if any(w.upos == "PROPN" and not _is_time_word(ctx, w) for w in between):
        return match  # "Clinton attacked Trump for what he called": the pronoun may be the other name's
    return _Match(match.cue, mention)


def _written_gender(ctx: _Context, m: Mention) -> str | None:
    """The gender of a name from its given name, or from the given name written before its surname
    elsewhere in the article ("Clinton" after "Hillary Clinton")."""
    gender = name_gender(m.words, ctx.lexicon)
    key = surname(m, ctx.lexicon) if gender is None else None
    return given_name_gender(key, ctx.lexicon, ctx.given_names()) if key else gender


def _pronoun_fits(ctx: _Context, pron: Mention, m: Mention) -> bool:
    """Can the pronoun stand for the mention: "he"/"she" for one person, "they" for people or a
    group or organization?"""
    if pron.head_lemma in _PERSON_PRONOUNS:
        gender = _written_gender(ctx, m) if m.kind == MentionKind.NAME else None
        if gender is not None and gender != ctx.lexicon.pronouns[pron.head_lemma][1]:
            return False
        return m.number == "sing" and not _thing_mention(ctx, m)
    return m.number == "plur" or m.head_lemma in ctx.lexicon.organization_nouns | ctx.lexicon.group_words


_STATEMENT_RELS = ("ccomp", "xcomp", "obj")  # what a new sentence's verb says or does, no attribution's


def _next_sentence_post_cue(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: ... pledged a “close relationship” in pursuit of “mutual good.” Trump said the
    countries should ...; the campaign said in a statement: “Q.” The campaign did not elaborate.
    A speech verb after a quotation that closes its sentence, in a new sentence where it says
    something of its own (a clause or object, a negation, or it hangs on another verb: "declined
    to comment"), is no attribution: the cue before the quotation with a speaker is, else the
    quotation earlier in its sentence (the chained cue), else the post verb stays."""
    if match is None or match.cue.pattern != CuePattern.POST_VERB or match.cue.start < q.end:
        return match
    if not _opens_statement(ctx, q, match.cue):
        return match
    pre = _first_match(PRE_PATTERNS, ctx, q, frame)
    if pre is not None and pre.speaker is not None:
        return pre
    prev = bisect_left(ctx.quote_starts, q.start) - 1
    return None if prev >= 0 and frame.pre[0] == ctx.quotes[prev].end else match


def _opens_statement(ctx: _Context, q: QuoteSpan, cue: Cue) -> bool:
    """Is ``cue`` the verb of a new sentence after the quotation (its closing ".", "?" or "!",
    then a capital) that says something of its own (see :func:`_next_sentence_post_cue`)?"""
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    rest = ctx.text[q.end : cue.start].lstrip()
    if not inner.endswith((".", "?", "!")) or inner.endswith("...") or not rest[:1].isupper():
        return False
    s_idx, verb = _cue_word(ctx, cue)
    if s_idx is None or verb is None or verb.upos != "VERB":
        return False
    sent = ctx.parse.sentences[s_idx]
    hearer = verb.lemma.lower() in ctx.lexicon.hearer_verbs
    for c in sent.children(verb):
        said = c.start > verb.start and c.deprel in _STATEMENT_RELS and not ctx.in_quote(c.start)
        if said and not (hearer and c.deprel == "obj"):  # "Smith told CNN.": the hearer
            return True
        if c.deprel == "advmod" and c.lemma.lower() in ("not", "n't"):
            return True
    return verb.deprel == "xcomp"


_OWNED_NOUN_GAP = 2  # "Trump's controversial pledge", "his past comments"
_OWNED_TAIL_MAX_WORDS = 10  # "her comments before a special House Benghazi committee that “Q”"


def _owned_speech_noun(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: Fitton called Clinton's assertion of a “claim of right” ...; the concerns expressed
    by Jewish leaders go beyond Trump's pledge to be “neutral”. A speech noun with a possessive
    owner (a possessive pronoun, or a name with "'s") between the verb cue and the quotation,
    with no finite verb between noun and quotation, owns the words: the quotation is the owner's,
    not the verb's subject's (who only reports or judges the claim). Surface only."""
    if match is None or match.cue.pattern != CuePattern.PRE_VERB or match.cue.end > q.start:
        return match
    words = [(s, w) for s, w in ctx.words_between(match.cue.end, q.start) if w.upos != "PUNCT"]
    for i in range(len(words) - 1, -1, -1):
        s_idx, w = words[i]
        if w.upos != "NOUN" or w.lemma.lower() not in ctx.lexicon.speech_nouns or ctx.in_quote(w.start):
            continue
        tail = [x for _, x in words[i + 1 :]]
        if len(tail) > _OWNED_TAIL_MAX_WORDS or any(x.xpos in _FINITE_XPOS for x in tail):
            return match
        if not _introduces_content(tail):
            return match
        owner = _possessive_owner(
            ctx, [x for t, x in words[max(0, i - 1 - _OWNED_NOUN_GAP) : i] if t == s_idx]
        )
        if owner is None:
            return match
        mention = make_mention(ctx, s_idx, _flat_head(ctx, s_idx, owner), match.cue.end, owner.end)
        if mention is None or _writer_or_it(mention):
            return match
        return _Match(
            Cue(w.start, w.end, ctx.text[w.start : w.end], w.lemma.lower(), CuePattern.NOUN_CUE), mention
        )
    return match


_INFINITIVE_MAX_WORDS = 3  # "pledge to be “neutral”", "promise to never “Q”"


def _introduces_content(tail: list[Word]) -> bool:
    """Do the words between a speech noun and a quotation open the noun's content: a "that"
    right before the quotation ("her assertion during the debate that “Q”") or a short
    infinitive ("pledge to be “neutral”")? Not an object complement ("called Clinton's remarks
    a “new low”") nor a "for"/"as" phrase, where the verb's subject judges the words."""
    if not tail:
        return False
    return tail[-1].text.lower() == "that" or (
        tail[0].upos == "PART" and tail[0].text.lower() == "to" and len(tail) <= _INFINITIVE_MAX_WORDS
    )


def _flat_head(ctx: _Context, s_idx: int, w: Word) -> Word:
    """The head of the name a word ends ("Nyman" of "Superintendent Carol Nyman", a flat part)."""
    sent = ctx.parse.sentences[s_idx]
    while w.deprel == "flat" and (h := sent.head_of(w)) is not None and h.start < w.start:
        w = h
    return w


def _possessive_owner(ctx: _Context, before: list[Word]) -> Word | None:
    """The owner right before a speech noun (``before``: the words ahead of it, nearest last,
    adjectives and adverbs allowed between): a possessive pronoun ("her"), or the word before
    "'s" ("Clinton's")."""
    for j in range(len(before) - 1, -1, -1):
        w = before[j]
        if w.xpos == "PRP$":
            return w
        if w.text in POSSESSIVE_S and j > 0:
            return before[j - 1]
        if w.upos not in ("ADJ", "ADV"):
            return None
    return None


_REPORT_BREAKS = (",", ";", ":", "—", "–", "(")  # what ends the reported clause before the nearer verb
_SUBJECT_UPOS = ("DET", "PROPN", "PRON", "NOUN")  # what opens a reported clause: its subject


def _outer_report_verb(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Nested speech, surface only: "Mr. Ross said Mr. Obama had told Jewish leaders that he would
    not continue ... allowing “no daylight”"; "Mr. Bush tells voters who wonder why ... that he
    “wasn't brought up that way.”" For a quotation inside the writer's sentence, the speech verb
    before the nearer one, whose reported clause (a subject, or "that" and a subject, right after
    it) runs on to the nearer verb with no comma, clause break, conjunction or subordinator, has
    the speaker who reports the words (where the parse has no ``ccomp`` chain for
    :func:`_outer_cue`)."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or not _embedded(ctx, q, frame):
        return match
    outer = [w for s, w in _verb_cues(ctx, frame.pre[0], verb.start) if s == s_idx]
    if not outer:
        return match
    first = outer[-1]
    between = _non_punct(ctx, first.end, verb.start)
    if not between or any(c in ctx.text[first.end : verb.start] for c in _REPORT_BREAKS):
        return match
    opener = between[1] if len(between) > 1 and between[0].text.lower() == "that" else between[0]
    if opener.upos not in _SUBJECT_UPOS or opener.text.lower() in ("what", *_RELATIVE_WORDS):
        return match  # "condemned what she called “Q”": :func:`_free_relative_outer_speaker`
    if any(_joins_clause(w) or w.text.lower() in _SUBORDINATORS for w in between):
        return match
    found = _cue_from_verb(ctx, s_idx, first, frame.pre[0], first.start)
    if found.speaker is None or _writer_or_it(found.speaker) or found.speaker.start == match.speaker.start:
        return match
    return _Match(found.cue(CuePattern.PRE_VERB), found.speaker)


# ---------------------------------------------------------------------------------- main


_Refinement = Callable[[_Context, QuoteSpan, _Frame, "_Match | None"], "_Match | None"]

_OVER_THING_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "parataxis", "acl")


def _person_over_thing(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Speaker for a verb cue before the quotation whose speaker is a thing ("Trump said the SCOTUS'
    deadlock has “kept us safe” on Twitter before claiming that open borders are “Q”"): the parse
    gave the cue no subject and hung it on a clause whose subject cannot speak. A name right before
    the cue, else up the cue's heads (adverbial, complement, conjunct) the first subject before the
    cue that is a person, group or document speaks, also before an earlier quotation of the
    sentence (the frame starts after it)."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    if not _thing_mention(ctx, match.speaker):
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None:
        return match
    sent = ctx.parse.sentences[s_idx]
    lo = sent.start
    if any(lo <= c.start < verb.start for c in _subjects(sent, verb)):
        return match  # the parse gave the cue its own subject: "hours after Sanders said"
    named = _name_left_of_verb(ctx, s_idx, verb, lo)
    if named is not None:
        return _Match(match.cue, named)
    for _, head in _climb(sent, verb, _OVER_THING_CLIMB):
        for subj in sorted(_subjects(sent, head), key=lambda c: -c.index):
            if not lo <= subj.start < min(verb.start, head.start) or ctx.in_quote(subj.start):
                continue
            mention = _subject_mention(ctx, s_idx, subj, lo, head.start)
            if mention is not None and not _thing_mention(ctx, mention) and _can_speak(ctx, mention):
                return _Match(match.cue, mention)
    return match


_THING_RELATIVES = ("that", "which")


def _author_of_relative_document(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: "Trump released a marketing video that said, “Q”"; "The Washington Post recently ran
    a piece that noted his “Q”". A cue whose subject is "that"/"which" standing for a thing that is
    the object of a verb with a subject: that subject put the thing out and is the speaker (PolNeAR
    marks it, as for "issued a statement saying")."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    if match.speaker.head_lemma not in _THING_RELATIVES:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or verb.deprel != "acl:relcl":
        return match
    sent = ctx.parse.sentences[s_idx]
    thing, lo = sent.head_of(verb), max(sent.start, frame.pre[0])
    outer = sent.head_of(thing) if thing is not None and thing.deprel == "obj" else None
    if thing is None or outer is None or outer.upos != "VERB" or thing.upos != "NOUN":
        return match
    if _role_word(ctx.lexicon, thing.lemma.lower()) or thing.lemma.lower() in ctx.lexicon.group_words:
        return match
    subj = next((c for c in _subjects(sent, outer) if lo <= c.start < outer.start), None)
    if subj is None or ctx.in_quote(subj.start):
        return match
    author = _subject_mention(ctx, s_idx, subj, lo, outer.start)
    return _with_speaking(ctx, match, author)


def _name_before_phrase(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "when Trump in his announcement speech called immigrants “rapists”": the parse took
    the noun of a prepositional phrase between a name and the verb cue for the subject. A noun
    right after a preposition is no subject; the name right before the preposition speaks."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.PRE_VERB:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or not match.speaker.end <= verb.start:
        return match
    sent = ctx.parse.sentences[s_idx]
    first = next((w for w in sent.words if w.start >= match.speaker.start), None)
    if first is None or first.index < 3:
        return match
    prep = sent.word(first.index - 1)
    if prep.upos != "ADP" or not prep.text.isalpha():
        return match
    named = _name_left_of_verb(ctx, s_idx, prep, max(sent.start, frame.pre[0]))
    return match if named is None else _Match(match.cue, named)


_INTENSIVES = ("himself", "herself", "themselves", "itself")


def _name_before_intensive(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "Cruz himself said Tuesday that “Q”". The parse gives the verb two subjects, the name
    and the intensive "himself", and the nearer one, no mention, leaves the cue without a speaker:
    the noun right before the intensive speaks."""
    found = _speakerless_verb_cue(ctx, match)
    if match is None or found is None:
        return match
    s_idx, verb = found
    sent = ctx.parse.sentences[s_idx]
    intensive = next((c for c in _subjects(sent, verb) if c.text.lower() in _INTENSIVES), None)
    if intensive is None or intensive.index < 2:
        return match
    noun, lo = sent.word(intensive.index - 1), _cue_side_start(q, frame, verb.start)
    if noun.upos not in ("PROPN", "NOUN") or not lo <= noun.start or ctx.in_quote(noun.start):
        return match
    mention = _subject_mention(ctx, s_idx, noun, lo, intensive.start)
    return _with_speaking(ctx, match, mention)


def _name_opening_by_gerund(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: "Husted continued by saying, “Q”". A participle cue after "VERB by" that the parse
    left without a speaker (it tagged "Husted" a verb) speaks for the capitalised name that fills
    the stretch before that verb."""
    gerund = _speakerless_gerund_cue(ctx, match)
    if match is None or gerund is None:
        return match
    s_idx, verb = gerund
    sent = ctx.parse.sentences[s_idx]
    before = [w for w in sent.words[: verb.index - 1] if w.upos != "ADV"]
    if len(before) < 3 or before[-1].lemma.lower() != "by" or before[-2].xpos not in ("VBD", "VBN"):
        return match
    mention = _capitalised_run(ctx, s_idx, max(sent.start, frame.pre[0]), before[-2].start)
    return _with_speaking(ctx, match, mention)


_BARE_SUBJECT_MAX_WORDS = 6  # “Q,” a voice-over in the ad states: the subject a mistagged cue follows
_BARE_CUE_NEXT = (".", ",", ";")


def _mistagged_post_cue(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: “Q,” the two write. / “Q,” a voice-over in the ad states. / "Q,' " Eric Trump wrote of
    the gift. A quotation closed by a comma that no pattern attributes, followed by a short subject
    with no verb in it and then a word whose lemma is a speech verb (the tagger's noun: "write",
    "states") that ends the clause or takes a preposition: that word is the cue, the subject its
    speaker (a name run, else the noun phrase before any preposition)."""
    if match is not None or not ctx.text[q.inner_start : q.inner_end].rstrip(" '’").endswith(","):
        return match
    words = [(s, w) for s, w in ctx.words_between(*frame.post) if w.upos != "PUNCT"]
    for i, (s_idx, w) in enumerate(words[: _BARE_SUBJECT_MAX_WORDS + 1]):
        if w.upos in ("VERB", "AUX") or ctx.in_quote(w.start):
            return match
        if i == 0 or w.lemma.lower() not in ctx.lexicon.speech_verbs or w.text[:1].isupper():
            continue
        if any(s != s_idx for s, _ in words[:i]) or not _clause_ends_at(ctx, s_idx, w):
            return match
        speaker = _bare_subject(ctx, s_idx, [x for _, x in words[:i]], q.end, w.start)
        if speaker is None:
            return match
        cue = _Found(w.start, w.end, w.text, w.lemma.lower(), None).cue(CuePattern.POST_VERB)
        return _Match(cue, speaker)
    return match


def _clause_ends_at(ctx: _Context, s_idx: int, w: Word) -> bool:
    """Does the clause end right after ``w`` (sentence end, comma, semicolon) or go on with a
    preposition ("wrote of the 2010 gift")?"""
    sent = ctx.parse.sentences[s_idx]
    nxt = sent.word(w.index + 1) if w.index < len(sent.words) else None
    return nxt is None or nxt.text in _BARE_CUE_NEXT or nxt.upos == "ADP"


def _bare_subject(ctx: _Context, s_idx: int, subject: list[Word], lo: int, hi: int) -> Mention | None:
    """The speaker a mistagged cue follows: a name run before it, else the noun phrase opening
    the subject, up to its first preposition ("a voice-over in the ad" -> "a voice-over"), headed
    by its last word, a noun or number ("the two")."""
    named = _name_before_verb(ctx, s_idx, lo, hi)
    if named is not None:
        return named
    phrase = list(takewhile(lambda w: w.upos != "ADP", subject))
    if not phrase or phrase[-1].upos not in ("NOUN", "PROPN", "NUM") or phrase[0].upos != "DET":
        return None
    return make_mention(ctx, s_idx, phrase[-1], lo, phrase[-1].end)


_COLON_TAIL_UPOS = ("ADV", "PART", "PUNCT")  # "who responds enthusiastically:"


def _speaker_closing_colon(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Colon introduction whose stretch ends on a later speech verb with a subject of its own
    ("Cruz said as the heckler yelled: “Q”"; "She said ..., to which O'Malley interjected: “Q”";
    "Bundy says to Santilli, who responds enthusiastically: “Q”"): the words after the colon are
    what that verb's subject said, not the first verb's."""
    if match is None or match.cue.pattern != CuePattern.COLON_INTRO or match.cue.text == ":":
        return match
    colon = _colon_before(ctx, *frame.pre)
    if colon is None:
        return match
    words = [sw for sw in ctx.words_between(match.cue.end, colon) if not ctx.in_quote(sw[1].start)]
    closing = _closing_speech_verb(ctx, words)
    if closing is None:
        return match
    s_idx, verb = closing
    speaker = _cue_from_verb(ctx, s_idx, verb, match.cue.end, verb.start).speaker or _acl_person_subject(
        ctx, s_idx, verb, match.cue.end
    )
    if speaker is None or speaker.start < match.cue.end or speaker.text.lower() in _THING_RELATIVES:
        return match  # "a message ... that read:": the document's sender is the first verb's subject
    if not _can_speak(ctx, speaker.antecedent or speaker):
        return match
    text = ctx.text[verb.start : verb.end]
    return _Match(Cue(verb.start, verb.end, text, verb.lemma.lower(), CuePattern.COLON_INTRO), speaker)


def _closing_speech_verb(ctx: _Context, words: list[tuple[int, Word]]) -> tuple[int, Word] | None:
    """The speech verb closing a stretch before a colon, with only adverbs after it ("who responds
    enthusiastically:"), else None. (Letting a pronoun hearer follow, "whispered to him:", gained
    one speaker on the tuning set and lost one on the labelled set.)"""
    for s_idx, w in reversed(words):
        if _is_cue_verb(ctx, w):
            return (s_idx, w)
        if w.upos not in _COLON_TAIL_UPOS:
            return None
    return None


def _acl_person_subject(ctx: _Context, s_idx: int, verb: Word, lo: int) -> Mention | None:
    """The subject of a speech verb the parse hung on the person right before it as a modifier
    ("as the heckler yelled": ``acl`` of "heckler", tagged a participle): that person's phrase."""
    sent = ctx.parse.sentences[s_idx]
    head = sent.head_of(verb)
    if head is None or not verb.deprel.startswith("acl") or head.index != verb.index - 1 or head.start < lo:
        return None
    if head.upos != "PROPN" and not (head.upos == "NOUN" and _role_word(ctx.lexicon, head.lemma.lower())):
        return None
    return _subject_mention(ctx, s_idx, head, lo, verb.start)


def _cue_lexicon_lemma(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """The cue's lexicon lemma where the compact lemmatizer mangled it ("implored" -> "implor"),
    so that what reads the cue's lemma (loaded verbs, the report) sees "implore"."""
    if match is None or match.cue.lemma in ctx.lexicon.speech_verbs:
        return match
    lemma = _speech_verb_lemma(ctx.lexicon, match.cue.lemma, match.cue.text.lower())
    return match if lemma is None else replace(match, cue=replace(match.cue, lemma=lemma))


REFINEMENTS: tuple[_Refinement, ...] = (
    _coordinated_post_cue,
    _sentence_final_cue,
    _next_sentence_post_cue,
    _reported_after,
    _outer_according_to,
    _surface_speaker,
    _name_for_thing_subject,
    _pre_cue_over_subordinate,
    _passive_in_later_clause,
    _agent_past_quotation,
    _name_over_interruption,
    _participle_after_comma,
    _relative_inner_speaker,
    _subject_after_opening,
    _speaking_earlier_cue,
    _outer_cue_before_earlier_quote,
    _comma_who_speaker,
    _subject_before_gerund,
    _preposition_gerund_subject,
    _as_put_it,
    _participle_owner,
    _gerund_own_subject,
    _participle_over_reported_clause,
    _coordinated_verb_subject,
    _inverted_after_comma,
    _subject_before_aside,
    _subject_over_object,
    _free_relative_outer_speaker,
    _owned_speech_noun,
    _outer_report_verb,
    _person_over_thing,
    _author_of_relative_document,
    _name_before_phrase,
    _name_before_intensive,
    _name_opening_by_gerund,
    _mistagged_post_cue,
    _speaker_closing_colon,
    _cue_lexicon_lemma,
)
"""What the pattern tables' match goes through, in order: each step keeps it or corrects its cue
or speaker for one layout the parse gets wrong (nested speech, names past asides, "As X put
it", ...), and returns it."""


def attribute(
    text: str,
    parse: Parse,
    quotes: list[QuoteSpan],
    lexicon: Lexicon | None = None,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    footers: Sequence[tuple[int, int]] = (),
) -> list[Attribution]:
    """Attribute every quotation and find indirect attributions; results in text order.

    ``paragraphs``: the article's paragraphs (``Document.paragraph_spans()``); without them the
    text is split on blank lines. ``footers``: the spans of the blocks that say who a block
    quote is by (``BlockKind.ATTRIBUTION``: an HTML ``<footer>`` in a ``<blockquote>``)."""
    lex = lexicon or default_lexicon()
    ctx = _Context(
        text,
        parse,
        lex,
        sorted(quotes, key=lambda q: q.start),
        paragraphs=list(paragraphs or ()),
        footers=list(footers),
    )
    transcript = transcript_turns(text, ctx.paragraphs, ctx.quotes)
    turns = {t.answer: t for t in transcript}
    if turns:  # a transcript's answers are quotations too (and replace what its marks made)
        gone = set(superseded(transcript, ctx.quotes))
        kept = [q for q in ctx.quotes if q not in gone]
        ctx = replace(ctx, quotes=sorted([*kept, *turns], key=lambda q: q.start))
    interviewee = _interviewee(ctx, min(t.label_start for t in turns.values())) if turns else None
    indirect = _indirect(ctx)
    indirect_before = _last_ending_by(indirect)
    out: list[Attribution] = []
    for qi, q in enumerate(ctx.quotes):
        if q in turns:
            out.append(_transcript_attribution(ctx, turns[q], interviewee))
            continue
        frame = _frame(ctx, qi)
        inner = text[q.inner_start : q.inner_end]
        found = _choose(ctx, q, frame)
        for refine in REFINEMENTS:
            found = refine(ctx, q, frame, found)
        chained = _chained(ctx, qi, frame, out)
        if (found is None or found.speaker is None) and chained is not None:
            # "was “disgusting” and “a con”": a second quotation in the same sentence
            # shares the cue and speaker of the first.
            kind = _classify(ctx, q, frame, True)
            own = _by_verb(q, kind, inner, ctx.paragraph_of(q.start), _own_sentence_subject(ctx, qi, frame))
            if own is not None:
                out.append(own)
                continue
            cue = None if chained.cue is None else replace(chained.cue, pattern=CuePattern.CHAINED)
            out.append(
                replace(
                    chained,
                    start=q.start,
                    end=q.end,
                    kind=kind,
                    text=inner,
                    quote=q,
                    cue=cue,
                    paragraph=ctx.paragraph_of(q.start),
                    antecedent=None,
                )
            )
            continue
        kind = _classify(ctx, q, frame, found is not None)
        para = ctx.paragraph_of(q.start)
        if not kind.spoken:
            out.append(Attribution(q.start, q.end, kind, inner, q, None, None, None, para))
            continue
        if found is not None and found.speaker is not None:
            # a relative pronoun ("who") stands for the name right before it: explicit
            named = found.speaker.antecedent is not None
            res = Resolution.of_mention(MentionKind.NAME if named else found.speaker.kind)
            out.append(Attribution(q.start, q.end, kind, inner, q, found.cue, found.speaker, res, para))
            continue
        # "Dianne Bystrom agreed. “Q”": the sentence right before names who goes on speaking
        by_verb = _by_verb(q, kind, inner, para, _sentence_before(ctx, q))
        if by_verb is None:
            # "Trump attacked “the hateful ideology ...”": the subject of the verb the quotation
            # hangs on; "“Q,” Hannity started.": the clause right after it
            clause = _clause_subject(ctx, q, frame)
            after = None if clause is not None else _any_verb_after(ctx, q, frame)
            pattern = CuePattern.PRE_VERB if after is None else CuePattern.POST_VERB
            by_verb = _by_verb(q, kind, inner, para, clause or after, pattern)
        if by_verb is None:
            # "Pew found that “Q”" / "Clinton touted her credentials. “Q”": a verb that is no cue
            actor = _that_clause_verb(ctx, q, frame) or _actor_sentence_before(ctx, q)
            by_verb = _by_verb(q, kind, inner, para, actor)
        if by_verb is None:  # Feinstein said "Q1," she said. "Q2": the cue between the two
            by_verb = _by_verb(q, kind, inner, para, _post_cue_of_previous(ctx, q, out), CuePattern.POST_VERB)
        if by_verb is not None:
            out.append(by_verb)
            continue
        # Floating quotation: the speaker of the previous attribution (a quotation, or reported
        # speech: "..., Schiff said.¶“Q”") in this or the previous paragraph.
        spoken = next((a for a in reversed(out) if a.kind.spoken), None)  # every one here has its quote
        prev = _previous_attribution(spoken, indirect_before(q.start), para)
        prev = _quotation_over_aside(ctx, spoken, _outer_report(indirect, prev))
        if prev is not None and prev.speaker is not None:
            out.append(
                Attribution(
                    q.start,
                    q.end,
                    kind,
                    inner,
                    q,
                    found.cue if found else None,
                    prev.speaker,
                    Resolution.FLOATING,
                    para,
                    antecedent=0,
                )
            )
            continue
        out.append(
            Attribution(q.start, q.end, kind, inner, q, found.cue if found else None, None, None, para)
        )
    out.extend(_outermost(indirect, {a.speaker for a in out if a.antecedent is not None}))
    out.sort(key=lambda a: (a.start, a.end))
    return _reindex(out)


def _by_verb(
    q: QuoteSpan,
    kind: QuoteKind,
    inner: str,
    para: int,
    found: _Found | None,
    pattern: CuePattern = CuePattern.PRE_VERB,
) -> Attribution | None:
    """A quotation with no cue of its own attributed to a verb a layout found around it (in its
    sentence, the sentence before it): that verb is its cue and the verb's speaker its speaker;
    None when the layout found no speaker."""
    if found is None or found.speaker is None:
        return None
    res = Resolution.of_mention(found.speaker.kind)
    return Attribution(q.start, q.end, kind, inner, q, found.cue(pattern), found.speaker, res, para)


_INTRO_TAIL_MAX_WORDS = 5  # "Sam Lau ... said in a statement." : words after the cue verb


def _sentence_before(ctx: _Context, q: QuoteSpan) -> _Found | None:
    """Layout: Iowa State's Dianne Bystrom agreed. “Q” / ..., Phil Musser says. “Q” (a quotation
    with no cue of its own, or whose cue gave no speaker, right after a sentence of the same
    paragraph, without quotations, that ends in a speech verb and its subject): that speaker goes
    on, and that verb is the cue. Only when at most a few words follow the verb and none is a
    verb ("Sanders said he would win." is reported speech, found as such), and not a negated
    verb."""
    bounds = _sentence_ending_before(ctx, q)
    if bounds is None:
        return None
    lo, period = bounds
    cues = _verb_cues(ctx, lo, period)
    if not cues:
        return None
    s_idx, verb = cues[-1]
    tail = _non_punct(ctx, verb.end, period)
    if len(tail) > _INTRO_TAIL_MAX_WORDS or any(w.upos in ("VERB", "AUX", "SCONJ") for w in tail):
        return None
    if _negated(ctx.parse.sentences[s_idx], verb):
        return None  # "He didn't suggest retaliation.": no speech
    return _cue_from_verb(ctx, s_idx, verb, lo, period)


def _sentence_ending_before(ctx: _Context, q: QuoteSpan, same_line: bool = False) -> tuple[int, int] | None:
    """The sentence of a quotation's paragraph that ends with a period right before it, as (its
    start, the period's offset), when it holds no quotation and no stray quotation mark; with
    ``same_line``, only when no line break separates it from the quotation."""
    p_start = ctx.paragraphs[ctx.paragraph_of(q.start)][0]
    end = q.start  # past the white space before the quotation (not a copy of the paragraph)
    while end > p_start and ctx.text[end - 1].isspace():
        end -= 1
    if end == p_start or ctx.text[end - 1] != ".":
        return None
    if same_line and "\n" in ctx.text[end : q.start]:
        return None  # a line break: a paragraph of its own in a one-line-break layout
    period = end - 1
    lo = _sentence_bounds(ctx, period, -1, p_start)
    if _quote_in(ctx, lo, period) or any(m in ctx.text[lo:period] for m in _CREDIT_MARKS):
        return None  # a quotation, or a stray mark the scanner left unpaired
    return lo, period


def _negated(sent: Sentence, verb: Word) -> bool:
    """Is the verb negated ("didn't suggest", "never said")?"""
    return any(c.lemma.lower() in ("not", "never") for c in sent.children(verb))


def _that_clause_verb(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: In 2014, Pew found that “Q” / Netanyahu rallied supporters by warning darkly that
    “Q”. A quotation that opens a "that" clause (no speech verb for a cue) is what the verb the
    clause hangs on reports: that verb's subject, if it can speak, is the source."""
    before = ctx.text[frame.pre[0] : q.start].rstrip()
    if not re.search(r"\bthat$", before):
        return None
    s_idx = ctx.parse.sentence_at(frame.pre[0] + len(before) - 1)
    if s_idx is None:
        return None
    sent = ctx.parse.sentences[s_idx]
    mark = next((w for w in sent.words if w.end == frame.pre[0] + len(before)), None)
    clause = sent.head_of(mark) if mark is not None and mark.deprel == "mark" else None
    verb = sent.head_of(clause) if clause is not None else None
    if verb is None or verb.upos != "VERB" or not frame.pre[0] <= verb.start < q.start:
        return None
    found = _cue_from_verb(ctx, s_idx, verb, frame.pre[0], q.start)
    if found.speaker is None or not _can_speak(ctx, found.speaker):
        return None
    return found


def _actor_sentence_before(ctx: _Context, q: QuoteSpan) -> _Found | None:
    """Layout: Clinton touted her credentials as a co-sponsor of the bill. “Q” / Roloson supports
    Clinton in the race. “Q”. A quotation with no cue of its own right after a sentence of the
    same paragraph and line, without quotations, whose main verb (a speech verb or not) has a name
    for its subject: that person goes on speaking (PolNeAR marks that subject), not the speaker of an
    earlier quotation. Not after a negated verb ("He didn't suggest retaliation.")."""
    bounds = _sentence_ending_before(ctx, q, same_line=True)
    s_idx = ctx.parse.sentence_at(bounds[1] - 1) if bounds is not None else None
    if bounds is None or s_idx is None:
        return None
    lo, period = bounds
    sent = ctx.parse.sentences[s_idx]
    root = _sentence_root(sent)
    if root is None or root.upos != "VERB" or not lo <= root.start < period:
        return None
    if _negated(sent, root):
        return None
    found = _cue_from_verb(ctx, s_idx, root, lo, period)
    if found.speaker is None or found.speaker.kind != MentionKind.NAME or not _can_speak(ctx, found.speaker):
        return None
    return found


_CLAUSE_CLIMB_MAX = 3  # "blamed the court's “four liberal justices”": quotation -> noun -> verb


def _clause_subject(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: Trump attacked “the hateful ideology of radical Islam”; Gov. Pat McCrory blamed
    the court's “Q”. A quotation inside the reporter's sentence (:func:`_embedded`: not after
    "that", "as" or "saying") with no speech verb for a cue hangs on a verb before it: that
    verb's subject, a name, pronoun or other mention that can speak, is the source (PolNeAR
    marks it), not the speaker of an earlier quotation. Also after a comma when the subject is
    a name or pronoun ("Trump issued a statement, “Q”"; "she sent an email saying, “done.”")."""
    comma = ctx.text[frame.pre[0] : q.start].rstrip().endswith(",")
    if not (_embedded(ctx, q, frame) or comma):
        return None
    s_idx = ctx.parse.sentence_at(q.inner_start)
    if s_idx is None:
        return None
    sent = ctx.parse.sentences[s_idx]
    inside = sent.within(q.inner_start, q.inner_end)
    if not inside or any(x.head == 0 for x in inside):
        return None  # the quotation holds the sentence's root: no verb of the reporter's governs it
    w = next((x for x in inside if not q.start <= sent.word(x.head).start < q.end), None)
    verb = sent.head_of(w) if w is not None else None
    for _ in range(_CLAUSE_CLIMB_MAX):
        if verb is None or verb.upos == "VERB":
            break
        verb = sent.head_of(verb)
    if verb is None or verb.upos != "VERB" or not frame.pre[0] <= verb.start < q.start:
        return None
    found = _cue_from_verb(ctx, s_idx, verb, frame.pre[0], q.start)
    if found.speaker is None or not _can_speak(ctx, found.speaker):
        return None
    if not _embedded(ctx, q, frame) and found.speaker.kind not in (MentionKind.NAME, MentionKind.PRONOUN):
        return None
    return found


_ANY_VERB_MAX_WORDS = 4  # “Q,” her husband cut in. / “Q,” reacted Trump.


def _any_verb_after(ctx: _Context, q: QuoteSpan, frame: _Frame) -> _Found | None:
    """Layout: “Q,” Hannity started. / “Q,” reacted Trump. / “Q,” he went on. A quotation closed
    by a comma, question or exclamation mark and followed by a short clause to the sentence end
    is attributed by that clause's verb, a speech verb or not, with a name or pronoun subject."""
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    if not inner.endswith((",", "?", "!")):
        return None
    words = _non_punct(ctx, q.end, frame.post[1])
    if not words or len(words) > _ANY_VERB_MAX_WORDS or ctx.in_quote(words[0].start):
        return None
    verb = next((w for w in words if w.upos == "VERB"), None)
    s_idx = ctx.parse.sentence_at(verb.start) if verb is not None else None
    if verb is None or s_idx is None:
        return None
    found = _cue_from_verb(ctx, s_idx, verb, *frame.post)
    if found.speaker is None or found.speaker.kind not in (MentionKind.NAME, MentionKind.PRONOUN):
        return None
    return found


def _transcript_attribution(ctx: _Context, turn: Turn, interviewee: Mention | None) -> Attribution:
    """Layout: A: answer. / ELLERY: answer. A transcript's answer, spoken by the person its label
    names, or for "A:" by the interviewee."""
    q = turn.answer
    s_idx = ctx.parse.sentence_at(turn.label_start) or 0
    label = (turn.label_start, turn.label_start + len(turn.label))
    # a turn is a person's: "REYES" in capitals is no acronym
    speaker = name_mention(ctx, s_idx, label, None, ner="S-PERSON") if turn.named else interviewee
    cue = Cue(
        turn.label_start,
        turn.label_end,
        ctx.text[turn.label_start : turn.label_end],
        ":",
        CuePattern.TRANSCRIPT,
    )
    res = Resolution.of_mention(speaker.kind) if speaker is not None else None
    inner = ctx.text[q.inner_start : q.inner_end]
    return Attribution(
        q.start, q.end, QuoteKind.DIRECT, inner, q, cue, speaker, res, ctx.paragraph_of(q.start)
    )


def _interviewee(ctx: _Context, before: int) -> Mention | None:
    """The person a transcript interviews: the name most often the subject of a sentence before
    the transcript ("Ruth Ellery spent 30 years ...", "Ellery talked with the Courier"), the
    first one on a tie."""
    subjects: list[tuple[int, Word]] = [
        (s_idx, w)
        for s_idx, w in ctx.words_between(0, before)
        if w.upos == "PROPN" and w.deprel in SUBJECT_RELS and not ctx.in_quote(w.start)
    ]
    if not subjects:
        return None
    counts: dict[str, int] = {}
    for _, w in subjects:
        counts[w.text] = counts.get(w.text, 0) + 1
    s_idx, w = max(subjects, key=lambda sw: (counts[sw[1].text], -sw[1].start))
    sent = ctx.parse.sentences[s_idx]
    return _subject_mention(ctx, s_idx, w, sent.start, sent.end)


def _embedded(ctx: _Context, q: QuoteSpan, frame: _Frame) -> bool:
    """Is the quotation part of the reporter's sentence (words before it that are not just an
    attribution ending in a comma or colon)?"""
    before = ctx.text[frame.pre[0] : q.start].strip()
    return (
        bool(before)
        and not before.endswith((",", ":", ";", "—", "–", "-"))
        and not re.search(r"\b(?:that|as|saying)$", before)
    )


def _chained(ctx: _Context, qi: int, frame: _Frame, out: list[Attribution]) -> Attribution | None:
    """The attributed quotation earlier in the same sentence, if this one's frame is cut by it."""
    if qi == 0 or frame.pre[0] != ctx.quotes[qi - 1].end:
        return None
    prev_quote = ctx.quotes[qi - 1]
    prev = next((a for a in reversed(out) if a.quote is prev_quote), None)
    if prev is None or prev.speaker is None or not prev.kind.spoken:
        return None
    if re.search(r"[.!?]\s*$", ctx.text[prev_quote.inner_start : prev_quote.inner_end]) and not ctx.text[
        frame.pre[0] : frame.pre[1]
    ].strip(" ,;—–-"):
        return None  # "“Q1.” “Q2.”": two sentences
    return prev


def _own_sentence_subject(ctx: _Context, qi: int, frame: _Frame) -> _Found | None:
    """For a quotation that would share the cue of the one before it: where that one closes its
    sentence and a new sentence opens before this one ("“a failed candidate.” Romney fired back
    in March, attacking Trump for “Q”"), the subject of the verb this one hangs on
    (:func:`_clause_subject`), the new sentence's speaker."""
    prev = ctx.quotes[qi - 1]
    between = ctx.text[frame.pre[0] : frame.pre[1]].strip(" ,;—–-")
    if not re.search(r"[.!?]\s*$", ctx.text[prev.inner_start : prev.inner_end]) or not between[:1].isupper():
        return None
    return _clause_subject(ctx, ctx.quotes[qi], frame)


def _previous_attribution(
    spoken: Attribution | None, indirect: list[Attribution], para: int
) -> Attribution | None:
    """The latest attribution before a floating quotation, if it is in reach (same or previous
    paragraph): the latest spoken quotation (``spoken``: scare quotes and titles are skipped) or
    the latest report of ``indirect``."""
    candidates = ([spoken] if spoken is not None else []) + ([indirect[-1]] if indirect else [])
    if not candidates:
        return None
    prev = max(candidates, key=lambda a: a.end)
    return prev if prev.paragraph in (para, para - 1) else None


def _quotation_over_aside(
    ctx: _Context, spoken: Attribution | None, prev: Attribution | None
) -> Attribution | None:
    """Layout: “Q1,” Francis said in a speech, as he called for greater ethics. “Q2” / “Q1,” said
    Bob Mulholland, who has accused Sanders supporters of harassment. “Q2”. When the attribution a
    floating quotation would take its speaker from is reported speech in the same sentence as
    the quotation before it (an aside of that quotation's attribution, no sentence end between
    them), the quotation's speaker goes on, not the aside's (PolNeAR marks the quoted speaker).
    ``spoken``: the latest spoken quotation before the floating one."""
    if prev is None or prev.quote is not None:
        return prev
    if spoken is None or spoken.speaker is None or spoken.paragraph != prev.paragraph:
        return prev
    aside = min([prev.start] + [x.start for x in (prev.cue, prev.speaker) if x is not None])
    after = spoken.cue is not None and spoken.cue.start >= spoken.end
    anchor = spoken.cue.end if spoken.cue is not None and after else spoken.end
    if not after and re.search(r"[.!?]\W*$", spoken.text):
        return prev  # "“Q1.” Greene added that ...": the quotation closed its sentence
    if anchor > aside or _sentence_bounds(ctx, anchor, 1, aside) != aside:
        return prev
    return spoken


_POST_CUE_TAIL = re.compile(r"\s*[^.!?\"“”‘’\n]{1,60}\.\s*")  # “Q1,” she said. “Q2”: a cue sentence's tail


def _post_cue_of_previous(ctx: _Context, q: QuoteSpan, out: list[Attribution]) -> _Found | None:
    """Layout: Feinstein said "Q1," she said. "Q2" / DuVernay said she felt ... because “Q1,” she
    said. “Q2”. When the quotation right before one with no cue of its own was attributed to a cue
    before it, but a speech verb right after it ends that sentence and only that stretch stands
    between the two quotations, that later cue is the next quotation's too (PolNeAR marks the
    nearer "she")."""
    prev = out[-1] if out else None
    if prev is None or prev.quote is None or prev.cue is None or prev.cue.start >= prev.quote.start:
        return None
    if prev.quote not in ctx.quotes or not _POST_CUE_TAIL.fullmatch(ctx.text, prev.quote.end, q.start):
        return None
    return _post_verb(ctx, prev.quote, _frame(ctx, bisect_left(ctx.quote_starts, prev.quote.start)))


def _outer_report(indirect: list[Attribution], prev: Attribution | None) -> Attribution | None:
    """Layout: Carter said that for decades some critics had been predicting a withdrawal.¶“Q”.
    When the speaker of the report a floating quotation would take its speaker from is part of
    another report's content, that is an inner report: the outer report's speaker goes on (the
    one PolNeAR marks, :func:`_outermost`)."""
    if prev is None or prev.quote is not None or prev.speaker is None:
        return prev
    said = prev.speaker.start
    outer = [o for o in indirect if o is not prev and o.speaker is not None and o.start <= said < o.end]
    return min(outer, key=lambda o: o.start) if outer else prev


def _last_ending_by(indirect: list[Attribution]) -> Callable[[int], list[Attribution]]:
    """A lookup of the last attribution of ``indirect`` (in its order) that ends by an offset,
    as a list of at most one (a bisection, not a scan per floating quotation)."""
    by_end = sorted(range(len(indirect)), key=lambda i: indirect[i].end)
    ends = [indirect[i].end for i in by_end]
    last = list(accumulate(by_end, max))  # [k]: the latest position among the k + 1 earliest ends

    def before(offset: int) -> list[Attribution]:
        k = bisect_right(ends, offset) - 1
        return [indirect[last[k]]] if k >= 0 else []

    return before


def _reindex(out: list[Attribution]) -> list[Attribution]:
    """After sorting, point each floating quotation at the nearest earlier attribution that
    has the same speaker mention (the one it took its speaker from)."""
    fixed: list[Attribution] = []
    latest: dict[Mention | None, int] = {}  # speaker -> the latest attribution with it so far
    for i, a in enumerate(out):
        if a.antecedent is not None:
            a = replace(a, antecedent=latest[a.speaker])
        latest[out[i].speaker] = i
        fixed.append(a)
    return fixed


# ---------------------------------------------------------------------------------- indirect


def _is_clause(sent: Sentence, head: Word) -> bool:
    """Is ``head`` the head of a clause (a verb, or a predicate with a copula or auxiliary)? The
    compact parser also calls an apposition a clausal complement ("said Alan Whitcomb, the deputy
    trade representative"; "..., one of the schools set to close")."""
    kids = sent.children(head)
    first = next(w for w in sent.subtree(head) if w.upos != "PUNCT" or w is head)
    comma_before = first.index > 1 and sent.word(first.index - 1).lemma == ","
    if head.xpos == "VBG" and comma_before and not any(c.deprel.startswith("nsubj") for c in kids):
        return False  # '”, she said, watching him back the boat in': a participle, not what was said
    return head.upos in ("VERB", "AUX") or any(c.deprel in ("cop", "aux", "aux:pass") for c in kids)


@dataclass(frozen=True)
class _Reported:
    """What an indirect pattern finds for a cue verb: the reported content [start, end) and the
    word its speaker's mention grows from."""

    start: int
    end: int
    speaker: Word | None
    speaker_end: int | None = None  # where its mention must end (a headline's cue); else the sentence end


def _is_indirect_cue(ctx: _Context, sent: Sentence, w: Word) -> bool:
    """A reporting verb (lexicons ``indirect_verbs``, ``object_content_verbs``, ``complement_verbs``)
    outside quotations. The compact tagger
    sometimes calls it an adjective or noun ("Lynch notes they ...", "..., Lindsey Graham Says"):
    a verb form after a name or pronoun counts too."""
    if ctx.in_quote(w.start, w.end):
        return False
    if _reporting_lemma(ctx.lexicon, w.lemma.lower()) and (w.upos == "VERB" or w.xpos.startswith("VB")):
        return True
    form = w.text.lower()
    prev = sent.word(w.index - 1) if w.index > 1 else None
    return (
        w.upos in ("NOUN", "PROPN", "ADJ")
        and form.endswith("s")
        and form[:-1] in ctx.lexicon.indirect_verbs
        and prev is not None
        and prev.upos in ("PROPN", "PRON")
    ) or _plural_subject_cue(ctx, sent, w)


_PLURAL_PRONOUNS = ("they", "we", "others", "many", "some", "both", "few", "most")
_CLAUSE_OPENERS = ("PRON", "DET", "PROPN", "NOUN", "ADJ", "NUM")


def _plural_subject_cue(ctx: _Context, sent: Sentence, w: Word) -> bool:
    """Layout: "Some GOP strategists predict that ...", "many Sanders supporters insist there
    were ...", "..., officials in both cities insist, because ...": the plain form of a reporting
    verb that the compact tagger calls a noun, right after a plural subject (a plural noun, a
    plural pronoun, a number) and before a clause ("that", a comma, a noun phrase's first word)."""
    if w.upos == "VERB" or w.xpos.startswith("VB") or w.text.lower() not in ctx.lexicon.indirect_verbs:
        return False
    if w.index < 2 or w.index >= len(sent.words):
        return False
    prev, nxt = sent.word(w.index - 1), sent.word(w.index + 1)
    plural = prev.xpos in ("NNS", "NNPS", "CD") or prev.lemma.lower() in _PLURAL_PRONOUNS
    return plural and (nxt.lemma.lower() == "that" or nxt.lemma == "," or nxt.upos in _CLAUSE_OPENERS)


def _with_cue_lemma(lex: Lexicon, sent: Sentence, w: Word) -> Word:
    """``w`` with its reporting-verb lemma when the compact lemmatizer loses it on an "-ing" form
    ("warning" -> "warning", "Noting" -> "not", "Declaring" -> "declar") or the tagger calls it a
    noun after its subject (:func:`_verb_tagged_noun`); else ``w`` itself."""
    form = w.text.lower()
    if w.text[:1].isupper() and w.lemma == w.text and w.xpos.startswith("VB"):
        cased = _title_case_cue(lex, w)
        if cased is not w:
            return cased
    if w.upos == "NOUN" and (verb := _verb_tagged_noun(lex, sent, w)) is not None:
        return verb
    if w.upos != "VERB" or not form.endswith("ing") or _reporting_lemma(lex, w.lemma.lower()):
        return w
    stem = form[:-3]
    for lemma in (stem, stem + "e", stem[:-1]):
        if _reporting_lemma(lex, lemma):
            return replace(w, lemma=lemma)
    return w


_SUBJECT_END_XPOS = ("NNP", "NNPS", "NN", "PRP")  # "O'Malley spoke of", "chairman calls for", "he spoke"


def _subject_before(sent: Sentence, w: Word) -> Word | None:
    """The word that ends the subject right before the verb ``w`` (past one adverb: "Trump
    seldom speaks of"), when it can end one (:data:`_SUBJECT_END_XPOS`)."""
    prev = sent.word(w.index - 1) if w.index > 1 else None
    if prev is not None and prev.upos == "ADV" and w.index > 2:
        prev = sent.word(w.index - 2)
    return prev if prev is not None and prev.xpos in _SUBJECT_END_XPOS else None


def _verb_tagged_noun(lex: Lexicon, sent: Sentence, w: Word) -> Word | None:
    """A reporting verb's finite form that the compact tagger calls a noun right after its
    subject ("O'Malley spoke of a recent visit", "The biblical prophet Daniel wrote of", "Former
    DNC chairman calls for", "Mr. Trump ... seldom speaks of"): an irregular past form (lexicon
    ``past_tense_forms``) or an "-s" form, after a name, a singular noun or a personal pronoun
    (an adverb between), and before a preposition, "that" or a determiner; the word as a verb."""
    form = w.text.lower()
    lemma = lex.past_tense_forms.get(form, (None,))[0] or (form[:-1] if form.endswith("s") else None)
    if lemma is None or not _reporting_lemma(lex, lemma) or w.index < 2 or w.index >= len(sent.words):
        return None
    if _subject_before(sent, w) is None or sent.word(w.index + 1).upos not in ("ADP", "SCONJ", "DET"):
        return None
    return replace(w, lemma=lemma, upos="VERB", xpos="VBD" if form in lex.past_tense_forms else "VBZ")


def _title_case_cue(lex: Lexicon, w: Word) -> Word:
    """A headline's title-case verb ("Trump Said The 11 Words ...", "Maher Tells Guest ...") that
    the compact lemmatizer leaves as written: its reporting-verb lemma and the verb tag."""
    form = w.text.lower()
    for lemma in (*lex.past_tense_forms.get(form, (form,)), form[:-1], form[:-2]):
        if _reporting_lemma(lex, lemma):
            return replace(w, lemma=lemma, upos="VERB")
    return w


def _reporting_lemma(lex: Lexicon, lemma: str) -> bool:
    """Is ``lemma`` in one of the reporting-verb lexicons an indirect cue is looked up in?"""
    return (
        lemma in lex.indirect_verbs
        or lemma in lex.object_content_verbs
        or lemma in lex.complement_verbs
        or lemma in lex.stance_verbs
    )


def _content_words(sent: Sentence, words: list[Word]) -> tuple[int, int] | None:
    """The span of ``words`` in sentence order, without edge commas and full stops."""
    kept = [x for x in words if x.upos != "PUNCT" or x.lemma not in ".,"] or words
    kept.sort(key=lambda x: x.index)
    return (kept[0].start, kept[-1].end) if kept else None


def _verb_complement(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout from the parse: the verb's clausal complement ("Jones estimated that the cost
    ..."; "The cost will rise, Jones estimated.") or, for a verb hung as parataxis, the clause
    it interrupts."""
    sent = ctx.parse.sentences[s_idx]
    if w.upos != "VERB":
        return None
    comps = [c for c in sent.children(w) if c.deprel in ("ccomp",) and _is_clause(sent, c)]
    if any(c.index > w.index for c in comps):
        if any(c.index < w.index and _quoted_clause(ctx, sent, c) for c in comps):
            return None  # '"...," Renzi said after the meeting broke up.': the quotation is what he said
        # a clause after the verb is the content; one before it in subject position is a
        # mis-parsed subject ("A district official, speaking ..., said the board ...")
        comps = [c for c in comps if c.index > w.index]
    content_words: list[Word] = []
    if comps:
        for c in comps:
            content_words.extend(sent.subtree(c))
    elif w.deprel == "parataxis" and (h := sent.head_of(w)) is not None:
        content_words = [x for x in sent.subtree(h) if x not in sent.subtree(w)]
    span = _content_words(sent, content_words) if content_words else None
    if span is None:
        return None
    start, _ = span
    lo, hi = sent.start, sent.end
    subj = _subject_of(ctx, s_idx, w, lo, hi)
    if subj is None and start > w.end:  # "X, speaking on background, said the ...": layout
        subj = _surface_subject(ctx, s_idx, w, lo, hi)
    if subj is None or (subj.index > w.index and start > subj.end):
        return None  # "said Teresa Yuen, whose ..., one of ...": content follows no inverted subject
    return _Reported(*span, subj)


def _quoted_clause(ctx: _Context, sent: Sentence, c: Word) -> bool:
    """Whether the clause headed by ``c`` lies inside a quotation: a direct quotation the verb
    already reports, so a second clause after the verb is an adverbial one the parser hung as
    its complement ("as the crowd applauded")."""
    words = sent.subtree(c)
    return bool(words) and ctx.in_quote(words[0].start, words[-1].end)


# a dateline before an article's first sentence: "BRENTON, Maine — ", "WASHINGTON (AP) -- "
_DATELINE = re.compile(r"[A-Z][A-Z .’'-]+(?:,[^—–\n]{1,30})?(?:\s*\([^)]{1,20}\))?\s*(?:—|–|--)\s*")
# what may follow a content-first cue: "said.", "said Friday.", "said in a statement Tuesday."
_TAIL_MAX_WORDS = 8
_SUBJECT_MAX_WORDS = 10
_SUBJECT_STOP = ("VERB", "AUX", "SCONJ", "CCONJ")
_SET_OFF = (",", "—", "–")  # the comma or dash that sets a phrase off: "CONTENT, X said", "—X said—"
_CLAUSE_MARKS = (*_SET_OFF, ";")  # what ends a clause inside a sentence


def _content_first(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "CONTENT, X said [Friday]." and "CONTENT, said X[, apposition]." (also after
    a dateline, and a headline's "..., Lindsey Graham Says"): the clause before the comma is
    what X said; X is the noun phrase between the comma and the verb, or right after it, or a
    name with an apposition set off by commas (:func:`_content_before_apposed_subject`). Else
    the cue between commas (:func:`_parenthetical`), else "As reported by X, CLAUSE"
    (:func:`_as_reported`); all three report the pattern ``indirect-content-first``."""
    if _colon_block(ctx, s_idx, w) is not None:
        return None  # "In a statement, Calder added:" and a block after it: :func:`_clause_after`'s
    return (
        _content_before_comma(ctx, s_idx, w)
        or _content_before_apposed_subject(ctx, s_idx, w)
        or _parenthetical(ctx, s_idx, w)
        or _as_reported(ctx, s_idx, w)
        or _passive_with_agent(ctx, s_idx, w)
    )


def _content_before_comma(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """The clause before the comma of "CONTENT, X said [Friday]." (see :func:`_content_first`)."""
    sent = ctx.parse.sentences[s_idx]
    if w.xpos == "VBG" or w.lemma.lower() in ctx.lexicon.object_content_verbs:
        return None  # "..., emphasizing the threat", "..., called an emergency meeting"
    before = list(sent.words[: w.index - 1])
    comma = next((x for x in reversed(before) if x.lemma in _SET_OFF), None)
    if comma is None:
        return None
    subject = [x for x in before if x.index > comma.index and x.upos != "PUNCT"]
    after = _tail_to_comma(ctx, sent, w)
    if subject:
        if len(subject) > _SUBJECT_MAX_WORDS or _subject_stops(subject) or _fronted_object(subject):
            return None
        if not _adverbial_tail(ctx, w, after):
            return None  # "..., Smith said the board would ...": the content follows the verb
        head = _span_head(ctx, sent, subject)
    elif w.lemma.lower() in ctx.lexicon.hearer_verbs:
        return None  # "Dale Hutchins, who manages ..., told the council.": the hearer follows
    else:  # inverted: ", said one GOP source in the room."
        head = _subject_after_verb(ctx, sent, w, list(sent.words[w.index :]))
    if head is None:
        return None
    start = sent.start
    dateline = _DATELINE.match(ctx.text, start, comma.start)
    if dateline and dateline.end() < comma.start:
        start = dateline.end()
    content = sent.within(start, comma.start)
    if not any(x.upos in ("VERB", "AUX") for x in content):
        return None  # "In recent days, advisers say, ...": no clause
    if any(x.upos == "SCONJ" for x in content[:2]) and not _main_clause_after_comma(content):
        return None  # "But when Congress cut ...": no main clause
    if content[0].upos not in _NP_START_UPOS and _quote_in(ctx, w.end, sent.end):
        return None  # "Weighing in, Huckabee agreed, praising him as “...”": an opening phrase
    if not subject and _subject_with_aside(content):
        return None  # "BuzzFeed, which does not disclose its finances, denied the report"
    return _Reported(content[0].start, content[-1].end, np_head(sent, head, comma.end, sent.end))


def _content_before_apposed_subject(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "CONTENT, a spokeswoman, Anna White, said on Saturday." and "CONTENT, Smith, a
    spokesman, said.": the cue's subject is a noun phrase with an apposition, each set off by
    commas, so nothing stands between the last comma and the cue; the clause before the first of
    those commas is what was said (:func:`_content_before_comma` reads the last comma only)."""
    sent = ctx.parse.sentences[s_idx]
    if w.xpos == "VBG" or w.lemma.lower() in ctx.lexicon.hearer_verbs or w.index < 2:
        return None
    if sent.word(w.index - 1).lemma != "," or w.lemma.lower() in ctx.lexicon.object_content_verbs:
        return None
    marks = [x for x in sent.words[: w.index - 2] if x.lemma in _SET_OFF]
    if len(marks) < 2 or not _adverbial_tail(ctx, w, _tail_to_comma(ctx, sent, w)):
        return None
    comma, mid = marks[-2], marks[-1]
    name = [x for x in sent.words[comma.index : mid.index - 1] if x.upos != "PUNCT"]
    apposition = [x for x in sent.words[mid.index : w.index - 2] if x.upos != "PUNCT"]
    for phrase in (name, apposition):
        if not phrase or len(phrase) > _SUBJECT_MAX_WORDS or _subject_stops(phrase):
            return None
        if phrase[0].upos not in _NP_START_UPOS or phrase[0].lemma.lower() in _RELATIVE_WORDS:
            return None
    if not any(x.upos == "PROPN" for x in name + apposition):
        return None  # "..., in turn, experts said": no name and its description
    content = [x for x in sent.words[: comma.index - 1] if x.upos != "PUNCT" or x.lemma not in ".,"]
    if not any(x.xpos in _FINITE_XPOS for x in content) or content[0].upos in ("SCONJ", "ADP"):
        return None  # "After the vote, Smith, a Democrat, said.": no clause of its own
    head = _span_head(ctx, sent, name)
    return _Reported(content[0].start, content[-1].end, head) if head is not None else None


_ASIDE_RELATIVES = ("who", "which", "where", "whose")


def _subject_with_aside(content: list[Word]) -> bool:
    """Is the stretch before an inverted cue's comma the verb's own subject with an aside ("BuzzFeed,
    which does not disclose its finances, denied ...", "The survey, conducted by the Public Policy
    Institute of California, finds ...", "Roffman, a securities analyst ..., recalled"): a noun
    phrase, a comma, then a relative clause, a participle or an apposition that runs to the end
    (no second comma), with no finite verb before the first comma?"""
    k = _first_comma(content)
    if k is None or k == 0 or k + 1 >= len(content) or any(x.lemma == "," for x in content[k + 1 :]):
        return False
    if any(x.xpos in _FINITE_XPOS or x.upos in ("VERB", "AUX", "SCONJ") for x in content[:k]):
        return False
    nxt = content[k + 1]
    aside = content[k + 1 :]
    return (
        nxt.lemma.lower() in _ASIDE_RELATIVES
        or nxt.xpos == "VBN"
        or (nxt.upos in ("DET", "NOUN", "PROPN", "ADJ") and not any(x.xpos in _FINITE_XPOS for x in aside))
    )


def _main_clause_after_comma(content: list[Word]) -> bool:
    """Does a content that opens with a subordinate clause go on, after a comma, to a main clause
    with a finite verb ("While the government might soon lift the retirement age, that is cause
    for celebration, he said")?"""
    comma = _first_comma(content)
    return comma is not None and any(x.xpos in _FINITE_XPOS for x in content[comma + 1 :])


def _first_comma(words: list[Word]) -> int | None:
    """The position of the first comma in ``words``, if any: where a content-first clause's
    subordinate clause or its subject's aside ends."""
    return next((k for k, x in enumerate(words) if x.lemma == ","), None)


_AGENT_MAX_GAP = 4  # "was first reported last week by The Post"


def _passive_with_agent(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "Tinder's ban of Ms. Gedrich was first reported by BuzzFeed.", "Her death was
    confirmed by the Eagle Forum": a passive cue whose agent follows it ("by" within a few
    words) reports its passive subject, a noun phrase (no pronoun, no relative word), when the
    agent is a name (an outlet, a group, a person: a thing's "by" is a cause). Not for verbs
    with a hearer (``hearer_verbs``: "was told by a caller that ...": the subject listens)."""
    sent = ctx.parse.sentences[s_idx]
    kids = sent.children(w)
    if w.xpos != "VBN" or not any(c.deprel == "aux:pass" for c in kids):
        return None
    if w.lemma.lower() in ctx.lexicon.hearer_verbs:
        return None
    by = next((x for x in sent.words[w.index : w.index + _AGENT_MAX_GAP] if x.lemma.lower() == "by"), None)
    if by is None or by.index >= len(sent.words):
        return None
    subj = next((c for c in kids if c.deprel == "nsubj:pass" and c.index < w.index), None)
    if subj is None or subj.upos not in ("NOUN", "PROPN"):
        return None
    span = _content_words(sent, sent.subtree(subj))
    agent = sent.word(by.index + 1)
    if span is None or agent.upos not in _NP_START_UPOS or agent.upos == "PRON":
        return None
    phrase = list(takewhile(lambda x: x.upos not in ("PUNCT", "VERB", "SCONJ"), sent.words[by.index :]))
    head = _span_head(ctx, sent, phrase)
    if head is None or head.upos != "PROPN":
        return None  # "is explained by the state's onerous registration rules", "were written by men"
    return _Reported(*span, head)


def _tail_to_comma(ctx: _Context, sent: Sentence, w: Word) -> list[Word]:
    """The words after a content-first cue, up to a comma or dash that sets the cue off when
    no quotation follows in the sentence ("It was impossible, Gabuyev said, so Russia's leaders
    decided ...", "..., French officials said, before being shot") or only one after a participle
    there (:func:`_participle_next`): what follows that comma is no hearer or object. Otherwise
    all words after the cue ('The reality is, he added, “there are ...”': the quotation is what
    he said)."""
    words = [x for x in sent.words[w.index :] if x.upos != "PUNCT" or x.lemma in _SET_OFF]
    cut = next((i for i, x in enumerate(words) if x.lemma in _SET_OFF), None)
    rest = sent.words[w.index :]
    if cut is None or (rest and _quote_in(ctx, rest[0].start, sent.end) and not _participle_next(words, cut)):
        return [x for x in words if x.upos != "PUNCT"]
    return words[:cut]


def _participle_next(words: list[Word], cut: int) -> bool:
    """Does a participle follow the comma after a content-first cue ("..., Spicer said, adding,
    “They need to sit down.”", "..., he said, noting that ...")? Then a quotation after it is the
    participle's, and the comma ends the cue's tail."""
    return cut + 1 < len(words) and words[cut + 1].xpos == "VBG"


def _fronted_object(subject: list[Word]) -> bool:
    """Does a content-first cue's subject open with the verb's own fronted object ("..., something
    President Obama indicated last week", "..., what the senator said Friday"): a "-thing" pronoun
    or "what" before the real subject? Then the clause before the comma is no report."""
    first = subject[0]
    thing = first.upos == "PRON" and first.lemma.lower().endswith("thing")
    return len(subject) > 1 and (first.xpos == "WP" or thing)


def _subject_stops(subject: list[Word]) -> bool:
    """Does a word of a content-first cue's subject show it is no noun phrase (a verb, a
    subordinator; a coordinator only at its start: "she and another reporter said" is one)?"""
    return any(x.upos in _SUBJECT_STOP and (x.upos != "CCONJ" or i == 0) for i, x in enumerate(subject))


def _parenthetical(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "In recent days, advisers to Mr. Obama say, the president has grown ...": a
    finite cue whose subject stands between two commas inside the sentence, with no clause
    before it, attributes the clause after it."""
    sent = ctx.parse.sentences[s_idx]
    if w.xpos not in ("VBD", "VBZ", "VBP") or w.index >= len(sent.words):
        return None
    if sent.word(w.index + 1).lemma != ",":
        return None
    before = list(sent.words[: w.index - 1])
    comma = next((x for x in reversed(before) if x.lemma == ","), None)
    if comma is None or any(x.xpos in _FINITE_XPOS for x in before if x.index < comma.index):
        return None  # "The plan will fail, experts say, because ...": content first, not parenthetical
    subject = [x for x in before if x.index > comma.index and x.upos != "PUNCT"]
    if not subject or len(subject) > _SUBJECT_MAX_WORDS or any(x.upos in _SUBJECT_STOP for x in subject):
        return None
    if subject[0].upos not in _NP_START_UPOS:
        return None
    rest = sent.words[w.index + 1 :]
    if not rest or ctx.in_quote(rest[0].start) or not any(x.xpos in _FINITE_XPOS for x in rest):
        return None
    return _Reported(rest[0].start, _clause_end(sent, rest[0]), _span_head(ctx, sent, subject))


def _as_reported(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "As reported by X, CLAUSE", "as X reported, CLAUSE": the cue in an "as" phrase
    attributes the clause after its comma (a clause before it is :func:`_content_before_comma`'s)."""
    sent = ctx.parse.sentences[s_idx]
    before = list(sent.words[: w.index - 1])
    i = len(before)
    while i > 0 and before[i - 1].lemma.lower() != "as" and i > len(before) - _SUBJECT_MAX_WORDS:
        i -= 1
    if i == 0 or before[i - 1].lemma.lower() != "as":
        return None
    subject = [x for x in before[i:] if x.upos not in ("AUX", "PUNCT")]
    after = list(sent.words[w.index :])
    stop = next((x for x in after if x.lemma in (",", ";")), None)
    tail = [x for x in after if stop is None or x.index < stop.index]
    if subject:  # "as Western Journalism reported", "as police have said"
        if any(x.upos in _SUBJECT_STOP for x in subject) or not _adverbial_tail(ctx, w, tail):
            return None
        head = _span_head(ctx, sent, subject)
    elif tail[:1] and tail[0].lemma.lower() == "by" and w.xpos == "VBN":  # "As reported by X"
        head = _span_head(ctx, sent, [x for x in tail[1:] if x.upos != "PUNCT"])
    else:
        return None
    if head is None:
        return None
    if stop is not None and stop.lemma == ",":
        rest = sent.words[stop.index :]
        if rest and any(x.xpos in _FINITE_XPOS for x in rest) and not ctx.in_quote(rest[0].start):
            return _Reported(rest[0].start, _clause_end(sent, rest[0]), head)
    return None


def _subject_after_verb(ctx: _Context, sent: Sentence, w: Word, after: list[Word]) -> Word | None:
    """The subject right after an inverted cue (", said one GOP source in the room."): a noun
    phrase up to a comma or relative pronoun, with no verb in it. Stricter than
    :func:`_inverted_subject` on purpose: for content-first reported speech the subject also
    decides whether the layout holds at all, so a phrase that runs on (a verb, more than
    ``_SUBJECT_MAX_WORDS`` words) rejects the layout instead of yielding a speaker."""
    phrase: list[Word] = []
    for x in after:
        if x.lemma in (",", ";") or x.lemma.lower() in ("who", "which", "that", "whose"):
            break
        if x.upos != "PUNCT":
            phrase.append(x)
    if not phrase or len(phrase) > _SUBJECT_MAX_WORDS or any(x.upos in _SUBJECT_STOP for x in phrase):
        return None
    if phrase[0].upos not in ("DET", "PROPN", "NOUN", "NUM", "ADJ", "PRON"):
        return None
    return _span_head(ctx, sent, phrase)


def _adverbial_tail(ctx: _Context, w: Word, after: list[Word]) -> bool:
    """Are the words after a content-first cue only a time or place ("said Friday", "said in a
    statement") or, after "told", the hearer ("told The Huffington Post")?"""
    if len(after) > _TAIL_MAX_WORDS or any(x.upos in ("VERB", "AUX", "SCONJ") for x in after):
        return False
    return (
        not after
        or after[0].upos == "ADP"
        or w.lemma.lower() in ctx.lexicon.hearer_verbs
        or _time_tail(ctx, after)
    )


def _time_tail(ctx: _Context, after: list[Word]) -> bool:
    """Are ``after`` a time expression only: weekdays, months and time nouns ("said Friday", "said
    this week", "reported last month": :func:`_is_time_word`), with adverbs, numbers, determiners
    and an adjective right before a time word ("last", "early", "late")?"""
    return all(
        _is_time_word(ctx, x)
        or x.upos in ("ADV", "NUM", "DET")
        or (x.upos == "ADJ" and i + 1 < len(after) and _is_time_word(ctx, after[i + 1]))
        for i, x in enumerate(after)
    )


def _clause_start(sent: Sentence, w: Word, gap_ok: Callable[[Word], bool]) -> Word | None:
    """The first word of the clause after the verb ``w``: "that", or the subject of the first
    finite verb, when the words between are ones ``gap_ok`` allows ("said in a statement that",
    "told the committee the department could"); a comma in between only before "that"."""
    comma = False
    for x in sent.words[w.index :]:
        if _that_opens_clause(sent, w, x):
            return x
        if x.xpos in ("VBD", "VBZ", "VBP", "MD") and x.index > w.index + 1:
            return None if comma else _finite_subject_start(sent, w, x)
        if not gap_ok(x):
            return None
        comma = comma or x.lemma == ","
    return None


def _that_opens_clause(sent: Sentence, w: Word, x: Word) -> bool:
    """Is ``x`` the "that" that opens the clause reported by ``w``: a complementizer, the parse's
    object, or any "that" right after the verb ("the fund predicted that advanced economies
    ...", which the parse takes for a determiner)?"""
    if x.lemma.lower() != "that" or x.upos not in ("SCONJ", "PRON", "DET"):
        return False
    if x.deprel in ("mark", "obj") or x.index == w.index + 1:
        return True
    # a plain present form may be a noun the tagger calls a verb ("a New York Times report from
    # over the weekend that ..."): only a past, participle or third-person form takes the layout
    return w.xpos != "VBP" and _no_verb_after_relative(sent, x)


def _no_verb_after_relative(sent: Sentence, x: Word) -> bool:
    """Layout: "told FBI agents that sometime in the week ...", "told the Wall Street Journal that
    despite the excitement ...": after a hearer or setting phrase the compact parser takes
    the complementizer "that" for the subject of a relative clause on that phrase's noun. A
    subject relative "that" is followed by its verb ("the week that followed", "that has
    since ..."); when no finite verb or auxiliary comes next (adverbs aside), the "that" opens the
    reported clause."""
    if x.deprel != "nsubj" or x.index >= len(sent.words):
        return False
    nxt = next((y for y in sent.words[x.index :] if y.upos != "ADV"), None)
    return (
        nxt is not None and nxt.upos not in ("AUX", "PUNCT") and nxt.xpos not in (*_FINITE_XPOS, "VB", "VBN")
    )


def _finite_subject_start(sent: Sentence, w: Word, finite: Word) -> Word | None:
    """The first word of the subject of ``finite`` (a finite verb or auxiliary after ``w``),
    if it has one after ``w`` that is no relative pronoun ("said Baer, who runs ...")."""
    pred = (
        sent.head_of(finite) if finite.upos == "AUX" and finite.deprel.startswith(("aux", "cop")) else finite
    )
    subj = [
        c
        for c in sent.children(pred or finite)
        if c.deprel.startswith(("nsubj", "expl")) and c.index > w.index
    ]
    if not subj or subj[0].xpos in ("WP", "WDT") or subj[0].lemma.lower() in _RELATIVE_PRONOUNS:
        return None
    first = min(sent.subtree(subj[0]), key=lambda y: y.index)
    return first if first.index > w.index else None


# verbs whose hearer comes before the content: "told reporters (that)", "assured voters that"
_GAP_MAX_WORDS = 12
# what may stand between a verb and its reported clause: a date or place ("said Friday in a
# statement that"), or the clause's own subject ("and said diesel trucks would ...")
_GAP_RELS = (
    "obl",
    "obl:tmod",
    "case",
    "det",
    "amod",
    "compound",
    "nmod",
    "flat",
    "nsubj",
    "nsubj:pass",
    "conj",
    "appos",
    "advmod",
    "nmod:poss",
    "obl:unmarked",
    "obl:npmod",
)


def _clause_end(sent: Sentence, first: Word) -> int:
    """Where a reported clause that starts at ``first`` ends: the sentence end, or a semicolon."""
    last = first
    for x in sent.words[first.index - 1 :]:
        if x.lemma in (";", ":"):
            break
        if x.upos != "PUNCT":
            last = x
    return last.end


def _infinitive_or_passive(lex: Lexicon, sent: Sentence, w: Word) -> bool:
    """Is the verb an infinitive ("to announce") or a passive ("had been warned")? Neither
    reports what its subject said."""
    prev = sent.word(w.index - 1) if w.index > 1 else None
    if prev is not None and prev.lemma.lower() == "to":
        return not _after_raising_verb(lex, sent, prev)
    kids = sent.children(w)
    return any(c.deprel == "aux:pass" for c in kids) and not _has_contracted(kids)


_PERFECT_SUBJECTS = (*_PERSON_PRONOUNS, "who")  # "he's said", "who's argued": "has", not "is"


def _has_contracted(kids: Sequence[Word]) -> bool:
    """Is the verb's passive auxiliary a contracted "has" the parser read as "is" ("he's said he'll
    fight", "Haugland, who's argued for years that"): "'s" after a person's pronoun, with no other
    auxiliary? ("it's said that" stays a passive.)"""
    aux = [c for c in kids if c.deprel.startswith("aux")]
    subj = [c for c in kids if c.deprel.startswith("nsubj")]
    return (
        len(aux) == 1
        and aux[0].text in ("'s", "’s")
        and len(subj) == 1
        and subj[0].text.lower() in _PERFECT_SUBJECTS
        and subj[0].index == aux[0].index - 1
    )


def _after_raising_verb(lex: Lexicon, sent: Sentence, to: Word) -> bool:
    """Is the "to" before an infinitive cue right after (adverbs aside) one of
    the lexicon's ``raising_verbs``, which say nothing about whether the thing was said?"""
    i = to.index - 1
    while i >= 1:
        lemma = sent.word(i).lemma.lower()
        if i >= 2 and f"{sent.word(i - 1).lemma.lower()} {lemma}" in lex.raising_verbs:
            return True  # "went on to explain that": a verb and its particle ("go on")
        if sent.word(i).upos != "ADV":
            return lemma in lex.raising_verbs
        i -= 1
    return False


def _clause_after(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "X said (that) CLAUSE" where the parse hangs the clause elsewhere: the clause
    after the verb, past "in a statement", a date, or the hearer of "told reporters"; else
    :func:`_bare_clause`; first, a block after a colon (:func:`_colon_block`)."""
    sent = ctx.parse.sentences[s_idx]
    if (block := _colon_block(ctx, s_idx, w)) is not None:
        return block
    if _infinitive_or_passive(ctx.lexicon, sent, w):
        return None  # "wants you to believe that", "used a word to describe", "had been warned that"
    hearer = w.lemma.lower() in ctx.lexicon.hearer_verbs

    def gap_ok(x: Word) -> bool:
        if x.index - w.index > _GAP_MAX_WORDS or ctx.in_quote(x.start):
            return False
        if x.upos in ("ADV", "ADP", "NUM") or x.lemma == "," or _name_joint(sent, x):
            return True
        if x.upos not in ("DET", "ADJ", "NOUN", "PROPN", "PRON"):
            return False
        return hearer or x.deprel in _GAP_RELS or (x.deprel == "obj" and _that_follows(sent, x))

    first = _clause_start(sent, w, gap_ok)
    if first is None:
        return (
            _bare_clause(ctx, s_idx, w)
            or _loose_clause(ctx, s_idx, w)
            or _headline_clause(ctx, s_idx, w)
            or _relative_report(ctx, s_idx, w)
        )
    return _Reported(first.start, _clause_end(sent, first), _speaker_before(ctx, s_idx, w))


_APOSTROPHES = ("'", "’")


def _name_joint(sent: Sentence, x: Word) -> bool:
    """Is ``x`` a joint inside a setting or hearer phrase between a verb and its clause: a
    possessive ("in Saturday’s New York Times that"), a hyphen ("in a Baltimore Sun op-ed that"),
    a bare apostrophe after a plural ("to CBS News' Charlie Rose that"), or "and" joining two
    settings ("at fundraisers and in private huddles, that")?"""
    prev = sent.word(x.index - 1) if x.index > 1 else None
    if x.xpos == "POS" or (x.xpos == "HYPH" and prev is not None and prev.end == x.start):
        return True  # a hyphen inside a word, not a spaced dash ("tomato pickers - a labor issue that")
    if x.text in _APOSTROPHES and prev is not None and prev.text.endswith("s"):
        return True
    return x.upos == "CCONJ" and x.index < len(sent.words) and sent.word(x.index + 1).upos == "ADP"


def _that_follows(sent: Sentence, obj: Word) -> bool:
    """Does a complementizer "that" follow the object ``obj`` right after its phrase ("is warning
    voters that ...": the object is the hearer)?"""
    last = max(sent.subtree(obj), key=lambda y: y.index)
    if last.index >= len(sent.words):
        return False
    nxt = sent.word(last.index + 1)
    return nxt.lemma.lower() == "that" and nxt.upos == "SCONJ" and nxt.deprel == "mark"


# what a reported clause's subject may be made of when the parse loses the clause: "said the
# two raised $350 million", "say the president's claims about ... are unfounded"
_NP_UPOS = ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART", "SYM", "ADP", "CCONJ")
_NP_START_UPOS = ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM")
_NP_MAX_WORDS = 15
_FINITE_XPOS = ("VBD", "VBZ", "VBP", "MD")
# after a past participle, the words that show it is a clause's verb ("the two raised $350",
# "his attorney offered to"), not a modifier ("the rule adopted in 2010")
_AFTER_VERB_UPOS = ("PART", "SYM", "NUM", "DET", "PRON", "NOUN", "PROPN")


def _bare_clause(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "X said NOUN-PHRASE VERB ...": a clause without "that" right after the verb
    that the parse took apart (the subject as the verb's object, the clause's verb as a
    modifier). Tags only: a noun phrase, then a finite verb (or a past participle that is no
    modifier); the content runs from the noun phrase to the clause end."""
    sent = ctx.parse.sentences[s_idx]
    if w.upos != "VERB" or w.deprel == "amod" or w.lemma.lower() in ctx.lexicon.object_content_verbs:
        return None  # "475 pledged delegates", "called the meeting": no reported clause
    if _infinitive_or_passive(ctx.lexicon, sent, w):
        return None
    words = [x for x in sent.words[w.index :] if x.upos != "ADV"]
    if not words or words[0].upos not in _NP_START_UPOS or words[0].xpos in ("WP", "WDT"):
        return None
    for i, x in enumerate(words[: _NP_MAX_WORDS + 1]):
        if ctx.in_quote(x.start) or x.upos == "SCONJ":
            return None
        if i and (x.xpos in _FINITE_XPOS or _participle_verb(sent, x)):
            if words[i - 1].upos == "CCONJ" or words[i - 1].lemma == ",":
                return None  # "declared a local emergency and opened three shelters": one subject
            return _Reported(words[0].start, _clause_end(sent, words[0]), _speaker_before(ctx, s_idx, w))
        if x.upos not in _NP_UPOS or x.lemma.lower() in ("that", "who", "which"):
            return None
    return None


_LOOSE_TIME_WORDS = 3  # "said late last week", "said 30 minutes into the debate": a time, not content


def _loose_clause(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout when the parse loses the reported clause altogether ("The witness said the driver
    accelerated as ...", "Digital experts said social media success depends on ...": the
    clause's verb tagged a participle modifier, an adjective or a noun): one of the lexicon's
    ``said_object_verbs`` with its speaker before it and a noun phrase right after it that is
    no time ("said last month"); the content runs to the clause end. Not after a comma or a
    quotation ('..., said lobbyist Charlie Black', '”, Trump said 30 minutes into the debate')."""
    sent = ctx.parse.sentences[s_idx]
    if w.upos != "VERB" or w.deprel == "amod" or w.lemma.lower() not in ctx.lexicon.said_object_verbs:
        return None
    prev = w.index - 1
    while prev >= 1 and sent.word(prev).upos in ("AUX", "ADV", "PART"):
        prev -= 1
    if prev >= 1 and sent.word(prev).text in _QUOTE_MARKS:
        return None
    if prev >= 1 and sent.word(prev).lemma in _SET_OFF and not _own_subject_before(sent, w):
        return None  # "..., said lobbyist Charlie Black": inverted; not "Brown, of ..., explained the"
    words = [x for x in sent.words[w.index :] if x.upos != "ADV"]
    if not words or words[0].xpos in ("WP", "WDT"):
        return None
    if words[0].upos not in _NP_START_UPOS and words[0].xpos != "VBG":  # "suggested boycotting Apple"
        return None
    first = words[0]
    if ctx.in_quote(first.start) or any(_is_time_word(ctx, x) for x in words[:_LOOSE_TIME_WORDS]):
        return None
    if _gerund_object(sent, w, first) and "-" in ctx.lexicon.complement_verbs.get(w.lemma.lower(), ()):
        return None  # "reported spending $40,000 on ...": the object pattern's, with its phrase end
    speaker = _speaker_before(ctx, s_idx, w)
    if speaker is None or speaker.index > w.index:
        return None
    return _Reported(first.start, _clause_end(sent, first), speaker)


_REPORT_RELATIVE_WORDS = ("that", "which", "what", "who")  # "what he said were ..."
_RELATIVE_SPEAKER_MAX_WORDS = 4  # "that government officials said", "what the former senator said"


def _relative_report(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout of a report inside a relative clause ("a letter of apology that he said was drafted
    by the firm", "what he said were the policy failures of ...", "information that government
    officials said would compromise ..."): a relative word, the speaker right before one of the
    lexicon's ``said_object_verbs``, and a finite verb right after it; the content runs from
    that verb to the clause end (its subject is what the relative word stands for)."""
    sent = ctx.parse.sentences[s_idx]
    if w.upos != "VERB" or w.lemma.lower() not in ctx.lexicon.said_object_verbs or w.index >= len(sent.words):
        return None
    nxt = sent.word(w.index + 1)
    if nxt.xpos not in _FINITE_XPOS or ctx.in_quote(nxt.start):
        return None
    i = w.index - 1
    while i >= 1 and sent.word(i).upos in ("AUX", "ADV"):
        i -= 1
    if i < 1 or sent.word(i).upos not in ("PRON", "NOUN", "PROPN"):
        return None
    speaker = sent.word(i)
    for x in reversed(sent.words[max(0, i - 1 - _RELATIVE_SPEAKER_MAX_WORDS) : i - 1]):
        if x.lemma.lower() in _REPORT_RELATIVE_WORDS:
            return _Reported(nxt.start, _clause_end(sent, nxt), speaker)
        if x.upos not in _NP_UPOS:
            return None
    return None


_HEADLINE_END = re.compile(r"[,;:\n]|[.!?…](?:\s|$)")


def _headline_clause(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout of a title-case headline, which the tagger reads as one long name: "Obama Claims
    Hillary Most Qualified ...", "Pence Announces Plans He And Trump Have Made": a capitalised
    cue ending in -s right after its speaker's name (or pronoun); the content is the rest of the
    line up to a comma or the sentence end, and the line's words are all capitalised. Only verbs
    of speech (lexicon ``speech_verbs``): "Survey Finds Wide Support for ..." stays a headline."""
    sent = ctx.parse.sentences[s_idx]
    if not w.text[:1].isupper() or not w.text.endswith("s") or w.index < 2:
        return None
    speech = ctx.lexicon.speech_verbs
    if w.lemma.lower() not in speech and w.text[:-1].lower() not in speech:
        return None
    prev = sent.word(w.index - 1)
    if prev.upos not in ("PROPN", "PRON", "NOUN") or not prev.text[:1].isupper():
        return None
    line_start = ctx.text.rfind("\n", sent.start, w.start) + 1 or sent.start
    end_at = _HEADLINE_END.search(ctx.text, w.end, sent.end)
    end = end_at.start() if end_at else sent.end
    head = ctx.text[max(line_start, sent.start) : w.start]
    content = ctx.text[w.end : end].strip()
    if not content or not _title_case(head + w.text + " " + content, ctx.lexicon.title_small_words):
        return None
    start = w.end + ctx.text[w.end : end].index(content)
    first = next((x for x in sent.words if x.start >= start), None)
    if first is None or first.upos in ("ADP", "PART", "CCONJ"):
        return None  # "Boosts Spending In Battleground States To Avoid ...": a noun, then a phrase
    return _Reported(start, start + len(content), prev, speaker_end=prev.end)


def _own_subject_before(sent: Sentence, w: Word) -> bool:
    """Has the verb ``w`` a subject of its own in the parse, before it?"""
    return any(c.index < w.index for c in _subjects(sent, w))


def _participle_verb(sent: Sentence, x: Word) -> bool:
    """Is the past participle ``x`` the verb of a clause, judged by the word after it?"""
    if x.xpos != "VBN" or x.index >= len(sent.words):
        return False
    return sent.word(x.index + 1).upos in _AFTER_VERB_UPOS


def _speaker_before(ctx: _Context, s_idx: int, w: Word) -> Word | None:
    """The speaker of a verb whose content follows it: its subject, else the name or noun right
    before it ("In a meeting with the board of the Post Trump said ..."), else the layout's."""
    sent = ctx.parse.sentences[s_idx]
    lo, hi = sent.start, sent.end
    subj = _nearer_conjunct_subject(ctx, s_idx, w) or _subject_of(ctx, s_idx, w, lo, hi)
    dateline = _DATELINE.match(ctx.text, sent.start, w.start)
    if subj is not None and dateline is not None and subj.start < dateline.end():
        subj = None  # "MILLBROOK, Ore. — City Manager Ann Olsen said ...": not the dateline
    if subj is not None and subj.index < w.index:
        return subj
    prev = w.index - 1
    while prev >= 1 and sent.word(prev).upos in ("AUX", "ADV", "PART"):
        prev -= 1
    if prev >= 1 and sent.word(prev).upos in ("PROPN", "NOUN", "PRON"):
        return sent.word(prev)
    return (
        subj
        or _surface_subject(ctx, s_idx, w, lo, hi)
        or _participle_speaker(ctx, s_idx, w)
        or _participle_after_clause(ctx, s_idx, w)
    )


_QUOTE_MARKS = ('"', "”", "“", "’", "'", "''", "``")


def _nearer_conjunct_subject(ctx: _Context, s_idx: int, w: Word) -> Word | None:
    """Layout: "some people were yawning ... as he mentioned raising the minimum wage and described
    her plans": a reporting verb right after "and", with no subject of its own, that the parse
    coordinated with a verb that reports nothing further back; it goes on from the nearest verb
    before "and" with a subject of its own (:func:`_subject_before_and`), whose subject speaks."""
    sent = ctx.parse.sentences[s_idx]
    head = sent.head_of(w)
    if w.deprel != "conj" or head is None or _subjects(sent, w):
        return None
    if head.lemma.lower() in ctx.lexicon.speech_verbs:
        return None  # "said A and added B": the parse's coordination stands
    conj = _word_before_gap(sent, w, _NAME_GAP_UPOS)
    if conj is None or conj.text.lower() != "and":
        return None
    mention = _subject_before_and(ctx, s_idx, conj, sent.start)
    if mention is None:
        return None
    near = next((x for x in sent.words if x.start == mention.start), None)
    return near if near is not None and near.index > head.index else None


def _after_comma(sent: Sentence, w: Word) -> bool:
    """Does a comma come right before ``w``, quotation marks aside ('..., " suggesting')?"""
    i = w.index - 1
    while i >= 1 and sent.word(i).text in _QUOTE_MARKS:
        i -= 1
    return i >= 1 and sent.word(i).lemma == ","


def _comma_participle(sent: Sentence, w: Word) -> bool:
    """Is ``w`` a present participle set off by a comma ("X said A, arguing that B")?"""
    return w.xpos == "VBG" and _after_comma(sent, w)


def _participle_speaker(ctx: _Context, s_idx: int, w: Word) -> Word | None:
    """The speaker of a participle cue after a comma ("X said A, arguing that B") whose own
    subject the parse loses: the subject of the sentence's main verb, when it comes first."""
    sent = ctx.parse.sentences[s_idx]
    root = _sentence_root(sent)
    if not _comma_participle(sent, w) or root is None or root.index >= w.index:
        return None
    subj = _subject_of(ctx, s_idx, root, sent.start, sent.end)
    return subj if subj is not None and subj.index < root.index else None


_CLAUSE_VERB_XPOS = ("VBD", "VBZ", "VBP", "VBN")
_MODIFIER_RELS = ("amod", "acl", "acl:relcl")


def _participle_after_clause(ctx: _Context, s_idx: int, w: Word) -> Word | None:
    """The speaker of a participle cue after a comma that the other routes of :func:`_speaker_before`
    miss (the root in a quotation, its subject after it, or the participle not hung on it: '“...,”
    he said, arguing that ...', '“...,” said Skelly, explaining he ...', 'One employee declined to
    speak on the record, saying it would ...'): the subject of the last clause verb before the cue
    outside quotations (its speaker by :func:`_speaker_before`), when that subject is outside them
    too and before the cue."""
    sent = ctx.parse.sentences[s_idx]
    if not _comma_participle(sent, w):
        return None
    if w.index < len(sent.words) and sent.word(w.index + 1).xpos in ("WRB", "WP"):
        return None  # '..., explaining why the vote ran late': the clause patterns would drop the "why"
    verbs = [
        x
        for x in sent.words[: w.index - 1]
        if x.upos == "VERB"
        and x.xpos in _CLAUSE_VERB_XPOS
        and x.deprel not in _MODIFIER_RELS
        and not ctx.in_quote(x.start)
    ]
    if not verbs:
        return None
    subj = _speaker_before(ctx, s_idx, verbs[-1])  # a finite verb: no participle, so no loop
    if subj is None or subj.index > w.index or ctx.in_quote(subj.start):
        return None
    return subj


def _object_content(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "X called for/on ...", "X urged Y to ...", "X accused Y of ...", "X warned
    against ...": the content is the rest of the clause after the verb (and its particle);
    for other verbs :func:`_question_put`, then :func:`_complement`."""
    sent = ctx.parse.sentences[s_idx]
    if _QUESTION_FRAME in ctx.lexicon.complement_verbs.get(w.lemma.lower(), ()) and _put_to_subject(sent, w):
        return _question_put(ctx, s_idx, w)  # never the subject's words, whoever asks
    particles = ctx.lexicon.object_content_verbs.get(w.lemma.lower())
    if particles is None:
        return _complement(ctx, s_idx, w)
    if w.index >= len(sent.words):
        return None
    nxt = sent.word(w.index + 1)
    if particles:  # "called for ...": the content starts after the particle
        if nxt.lemma.lower() not in particles:
            return _complement(ctx, s_idx, w)  # "called the charges unsubstantiated"
        if nxt.index >= len(sent.words):
            return None
        nxt = sent.word(nxt.index + 1)
    if nxt.upos == "PUNCT":
        return None
    return _Reported(nxt.start, _clause_end(sent, nxt), _speaker_before(ctx, s_idx, w))


_INTRODUCER_MAX_WORDS = 6  # "warned state elections officials to boost": the "to" within six words


def _complement(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: a reporting verb whose content is a phrase (lexicon ``complement_verbs``): its
    object ("noted the rule", "called the charges unsubstantiated") or a phrase that a word
    near the verb introduces ("promising to lift ...", "complained about his mic", "spoke of",
    "described X as ..."). The content runs from the word after the verb (after the introducing
    preposition when it comes first) to the clause end."""
    sent = ctx.parse.sentences[s_idx]
    frames = ctx.lexicon.complement_verbs.get(w.lemma.lower())
    if not frames or w.upos != "VERB" or w.deprel == "amod" or _infinitive_or_passive(ctx.lexicon, sent, w):
        return None  # "the so-called ...", "had been asked about"
    if any(c.deprel == "aux" and c.xpos == "MD" for c in sent.children(w)):
        return None  # "the union would ask the governor to intervene": not said yet
    after = [x for x in sent.words[w.index : w.index + _SETTING_INTRODUCER_MAX_WORDS + 2] if x.upos != "ADV"]
    after = [x for x in after if not (x.upos == "ADP" and x.deprel == "compound:prt")]  # "spoke out"
    if not after or after[0].upos == "PUNCT" or ctx.in_quote(after[0].start):
        return None
    if _inverted_speaker_follows(sent, w):
        return None
    first = after[0]
    kids = [c for c in sent.children(w) if c.index > w.index]
    has_object = any(c.deprel in ("obj", "iobj", "xcomp") for c in kids) or _gerund_object(sent, w, first)
    if "=" in frames and (
        (w.deprel != "acl" and _object_predicate(sent, kids)) or _surface_predicate(sent, w)
    ):  # not "a firm called X"
        return _Reported(first.start, _phrase_end(sent, first), _speaker_before(ctx, s_idx, w))
    noun_first = first.upos in _NP_START_UPOS and first.xpos not in ("WP", "WDT")
    if "-" in frames and has_object and (noun_first or _gerund_object(sent, w, first)):
        end = _phrase_end(sent, first)
        if _only_time(ctx, sent, first.start, end):
            return None  # "Trump tweeted Friday afternoon.": when, not what
        return _Reported(first.start, end, _speaker_before(ctx, s_idx, w))
    setting = False  # a hearer or setting phrase came first: "spoke to CNN about", "asked in Iowa whether"
    for i, x in enumerate(after[:_SETTING_INTRODUCER_MAX_WORDS]):
        if x.lemma.lower() in frames and (not setting or _hangs_on(sent, x, w)):
            if x is first or setting:
                if x.index >= len(sent.words):
                    return None
                first = sent.word(x.index + 1)
            if _bare_be(sent, first):
                return None
            return _Reported(first.start, _phrase_end(sent, first), _speaker_before(ctx, s_idx, w))
        if x.upos == "ADP" and x.lemma.lower() in _SETTING_PREPOSITIONS:
            setting = True
            continue
        if x.upos not in _NP_START_UPOS and x.xpos != "POS" and x.text not in ctx.lexicon.calendar_words:
            return None  # "spoke for about 30 minutes", "spoke on the condition of anonymity"
        if not setting and i + 1 >= _INTRODUCER_MAX_WORDS:
            return None
    return None


def _bare_be(sent: Sentence, first: Word) -> bool:
    """Is the phrase that starts at ``first`` a "be" with nothing of its own after it ("as wealthy
    as Mr. Trump claims to be to pay ...": the claim's content is the comparison before it)?"""
    if first.lemma.lower() != "be":
        return False
    if first.index >= len(sent.words):
        return True
    nxt = sent.word(first.index + 1)
    return nxt.lemma in (*_CLAUSE_MARKS, ".", "?", "!") or nxt.lemma.lower() == "to"


def _only_time(ctx: _Context, sent: Sentence, start: int, end: int) -> bool:
    """Is [start, end) a time expression and nothing else ("Friday afternoon", "last Saturday")?"""
    words = [x for x in sent.within(start, end) if x.upos != "PUNCT"]
    return any(_is_time_word(ctx, x) for x in words) and all(
        _is_time_word(ctx, x) or x.upos in ("DET", "ADJ") for x in words
    )


def _inverted_speaker_follows(sent: Sentence, w: Word) -> bool:
    """Is the word after a phrase verb no object but the inverted speaker of what came before: a
    finite verb right after a comma or dash with no subject of its own ("..., recalled Mr. Rhodes";
    not "X, an editor, asked Mook if ...") or right after a closing quotation mark ('...,” wrote
    Jared Bernstein')? ("..., promising to" and '“...,” promising to' have content.)"""
    if w.index < 2 or w.xpos == "VBG":
        return False
    prev = sent.word(w.index - 1)
    return prev.text in _QUOTE_MARKS or (prev.lemma in _SET_OFF and not _own_subject_before(sent, w))


def _hangs_on(sent: Sentence, x: Word, w: Word) -> bool:
    """Does the introducer ``x`` belong to the verb ``w`` (it or the phrase it marks hangs on the
    verb), not to a noun of a phrase before it ("spoke to different sets of voters")?"""
    head = sent.head_of(x)
    return x.head == w.index or (head is not None and head.head == w.index)


# "spoke to CNN about", "asked in Iowa if"
_SETTING_PREPOSITIONS = ("to", "with", "at", "in", "by", "during")
_SETTING_INTRODUCER_MAX_WORDS = 9  # "asked at a briefing Monday in Washington about"


_QUESTION_FRAME = "whether"  # a complement verb introducing "whether" asks questions ("ask")
_QUESTION_MARKS = ("when", "if", "after", "once", "while")  # "When asked", "after being asked"
_QUESTION_MAX_WORDS = 10  # "Asked at a briefing Monday in Washington about"


def _question_put(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: a question put to the subject, not asked by it ("Clinton was asked about ...",
    "When asked whether ...", "Asked by Matt Lauer whether she had practiced"): the content runs
    from its introducer (lexicon ``complement_verbs``: "about", "whether", "to", a wh-word) to
    the phrase end; its speaker is the asker after "by". A question nobody in the text puts ("When
    asked whether", the reporter's) is not reported: no one claims anything in it."""
    sent = ctx.parse.sentences[s_idx]
    frames = ctx.lexicon.complement_verbs.get(w.lemma.lower(), ())
    if w.upos != "VERB":
        return None
    for x in sent.words[w.index : w.index + _QUESTION_MAX_WORDS]:
        if ctx.in_quote(x.start):
            return None
        if x.lemma.lower() in frames and _hangs_on(sent, x, w):
            asker = _asker(sent, w, x)
            return None if asker is None else _Reported(x.start, _question_end(sent, x), asker)
        if x.upos not in (*_NP_START_UPOS, "ADV", "ADP") and x.text not in ctx.lexicon.calendar_words:
            return None  # "was asked this question", "asked for comment, he said"
    return None


def _question_end(sent: Sentence, introducer: Word) -> int:
    """Where a question ends: the phrase end, or sooner the end of the phrase the introducer
    marks ("When asked about the map, Reid said ...": not the answer after the comma)."""
    marked = sent.head_of(introducer) if introducer.deprel in ("case", "mark") else None
    words = [x for x in sent.subtree(marked or introducer) if x.upos != "PUNCT"]
    return min(_phrase_end(sent, introducer), max(x.end for x in words))


def _put_to_subject(sent: Sentence, w: Word) -> bool:
    """Is the question verb ``w`` a passive ("was asked") or a bare participle with no subject
    of its own ("When asked", "Asked by X", "..., asked about the vagueness")?"""
    kids = sent.children(w)
    if any(c.deprel == "aux:pass" for c in kids):
        return True
    if any(c.deprel.startswith("nsubj") or c.deprel == "aux" for c in kids) or w.deprel == "root":
        return False
    prev = sent.word(w.index - 1) if w.index > 1 else None
    return (
        prev is None or prev.lemma.lower() in _QUESTION_MARKS or (prev.lemma == "be" and prev.xpos == "VBG")
    )


def _asker(sent: Sentence, w: Word, introducer: Word) -> Word | None:
    """The agent "by X" of a question verb, before its introducer ("Asked by Starnes if")."""
    for c in sent.children(w):
        if (
            c.index < introducer.index
            and c.deprel.startswith("obl")
            and c.upos in ("PROPN", "NOUN", "PRON")
            and any(k.deprel == "case" and k.lemma.lower() == "by" for k in sent.children(c))
        ):
            return c
    return None


def _gerund_object(sent: Sentence, w: Word, first: Word) -> bool:
    """Is ``first``, right after the verb ``w``, a gerund the verb governs ("reported spending $1.1
    million on ads", "admitted taking the money")?"""
    return first.xpos == "VBG" and first.head == w.index and first.deprel in ("obj", "xcomp", "ccomp")


def _phrase_end(sent: Sentence, first: Word) -> int:
    """Where a phrase complement that starts at ``first`` ends: the clause end, or before "and"
    and a verb ("called the plan a gamble and said ...": "said" has content of its own), or
    before a comma and a participle ("spoke about the death ..., arguing that ...")."""
    end = _clause_end(sent, first)
    words = sent.words[first.index - 1 :]
    for x, nxt in pairwise(words):
        if x.start >= end:
            break
        if x.lemma == "," and nxt.xpos == "VBG" and x.index > first.index:
            return sent.word(x.index - 1).end  # "spoke about the death ..., arguing that ..."
        if x.upos == "CCONJ" and nxt.xpos.startswith("VB") and x.index > first.index:
            last = sent.word(x.index - 1)
            if last.lemma == "," and last.index > 1:
                last = sent.word(last.index - 1)
            return last.end
    return end


_PREDICATE_MAX_WORDS = 12


def _surface_predicate(sent: Sentence, w: Word) -> bool:
    """Layout when the parse loses "called X Y": a finite or perfect "called" (not "so-called",
    not "was called") followed by a noun phrase and then "a"/"an" ("called her vote ... a
    mistake", "called Oz a quack") or an adjective or participle that ends the phrase ("called
    the charges unsubstantiated and ...")."""
    if w.xpos not in _FINITE_XPOS and w.xpos != "VBN":
        return False
    prev = sent.word(w.index - 1) if w.index > 1 else None
    if prev is None or prev.lemma in ("-", "so") or prev.lemma.lower() == "be":
        return False  # "the so-called ...", "was called a ...", a headline's "Called"
    if w.xpos == "VBN" and not any(c.deprel == "aux" for c in sent.children(w)):
        return False  # "a group called Ginbot 7, was", "one PAC called Stop Hillary": a name
    after = sent.words[w.index : w.index + _PREDICATE_MAX_WORDS]
    if not after or after[0].upos not in _NP_START_UPOS or after[0].lemma.lower() in ("a", "an"):
        return False  # "called a meeting": one object
    for x, nxt in pairwise(after):
        if (x.upos in ("VERB", "AUX", "SCONJ") and x.xpos != "VBN") or x.lemma in (",", ";", ":"):
            return False
        if nxt.lemma.lower() in ("a", "an") and nxt.upos == "DET":
            return True
        if x.upos in ("NOUN", "PROPN") and _opening_mark(sent, nxt):
            return True  # "calls Obamacare ‘crazy system’", "calls 22 emails of Clinton 'top secret'"
        if x.upos in ("NOUN", "PROPN") and nxt.xpos in ("JJ", "VBN"):
            follow = sent.word(nxt.index + 1) if nxt.index < len(sent.words) else None
            return follow is None or follow.upos in ("CCONJ", "PUNCT")
    return False


def _opening_mark(sent: Sentence, x: Word) -> bool:
    """Is ``x`` a quotation mark that opens a quoted word or phrase: a space before it, none
    between it and the word after it (the compact tagger calls "‘" a possessive or a "``")?"""
    if x.text not in (*_QUOTE_MARKS, "‘") or x.index < 2 or x.index >= len(sent.words):
        return False
    return sent.word(x.index - 1).end < x.start and x.end == sent.word(x.index + 1).start


def _object_predicate(sent: Sentence, kids: list[Word]) -> bool:
    """Has the verb an object and, after it, what it is called ("called the charges
    unsubstantiated", "called Oz a quack"): an object and a second object or predicate?"""
    objects = [c for c in kids if c.deprel in ("obj", "iobj")]
    if not objects or objects[0].lemma.lower().endswith(("self", "selves")):
        return False  # "calling himself Paul": a name, not a judgement
    preds = [c for c in kids if c.deprel in ("xcomp", "obj") and c.index > objects[0].index]
    return bool(preds) or any(c.deprel == "xcomp" for c in sent.children(objects[0]))


_COLON_LEAD = re.compile(r"\s*(?:the\s+following\s*)?:\s*$", re.IGNORECASE)  # "tweeted the following:"
_QUOTE_OPENERS = ('"', "“", "‘", "'", "«")


def _colon_block(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "Limbaugh added:", "One BLM activist tweeted the following:" closing its
    paragraph, then a paragraph without quotation marks (a block quotation, a tweet): that
    paragraph is what the speaker before the verb said ("In a statement, Calder added:" is then
    no content-first report)."""
    sent = ctx.parse.sentences[s_idx]
    para = ctx.paragraph_of(w.start)
    if para + 1 >= len(ctx.paragraphs) or not _COLON_LEAD.match(ctx.text, w.end, ctx.paragraphs[para][1]):
        return None
    start, end = ctx.paragraphs[para + 1]
    block = ctx.text[start:end]
    stripped = block.strip()
    if not stripped or stripped.startswith(_QUOTE_OPENERS) or ctx.in_quote(start, end):
        return None
    start += block.index(stripped)
    speaker = _speaker_before(ctx, s_idx, w)
    if speaker is None or speaker.index > w.index or speaker.start < sent.start:
        return None
    return _Reported(start, start + len(stripped), speaker)


@dataclass(frozen=True)
class _IndirectPattern:
    """One indirect-speech layout: its name in reports and the function that matches it."""

    name: CuePattern
    match: Callable[[_Context, int, Word], _Reported | None]


# The indirect-speech layouts, in the order they are tried on each reporting verb: the first
# whose content and speaker hold up gives the attribution.
INDIRECT_PATTERNS: tuple[_IndirectPattern, ...] = (
    _IndirectPattern(CuePattern.INDIRECT_VERB, _verb_complement),
    _IndirectPattern(CuePattern.INDIRECT_CONTENT_FIRST, _content_first),
    _IndirectPattern(CuePattern.INDIRECT_CLAUSE_AFTER, _clause_after),
    _IndirectPattern(CuePattern.INDIRECT_OBJECT, _object_content),
)
INDIRECT_MIN_CHARS = 8  # a shorter content is no reported statement ("said so")


def _reported_attribution(
    ctx: _Context, s_idx: int, w: Word, found: _Reported, pattern: CuePattern
) -> Attribution | None:
    """The attribution a pattern's find makes, if its content is outside quotations and long
    enough and its speaker can speak."""
    if (
        found.speaker is None
        or ctx.in_quote(found.start, found.end)
        or found.end - found.start < INDIRECT_MIN_CHARS
    ):
        return None
    sent = ctx.parse.sentences[s_idx]
    lo, hi = sent.start, found.speaker_end or sent.end
    speaker = found.speaker
    if w.upos != "VERB" and _plural_subject_cue(ctx, sent, w):
        speaker, hi = sent.word(w.index - 1), w.start  # "Some GOP strategists predict": the layout's subject
    elif w.upos == "VERB" and sent.word(w.index).upos == "NOUN" and (subj := _subject_before(sent, w)):
        speaker, hi = subj, w.start  # "Trump calls for", "O'Malley spoke of": a verb the tagger made a noun
    elif w.text[:1].isupper() and speaker.end <= w.start:
        hi = min(hi, w.start)  # "Maher Tells Guest ...": the parse hangs a headline's verb in the name
    mention = _subject_mention(ctx, s_idx, speaker, lo, hi)
    if (mention is None or not _can_speak(ctx, mention)) and (left := _noun_left_of(ctx, sent, w)):
        mention = _subject_mention(ctx, s_idx, left, lo, hi)  # "Sanders on Tuesday said"
    if mention is None or not _can_speak(ctx, mention):
        mention = _relative_report_speaker(ctx, s_idx, speaker, w)
    if mention is None or not _can_speak(ctx, mention.antecedent or mention):
        return None
    mention = _as_relative(ctx, s_idx, w, mention)
    cue = Cue(w.start, w.end, ctx.text[w.start : w.end], w.lemma.lower(), pattern)
    return Attribution(
        found.start,
        found.end,
        QuoteKind.INDIRECT,
        ctx.text[found.start : found.end],
        None,
        cue,
        mention,
        Resolution.of_mention(mention.kind),
        ctx.paragraph_of(found.start),
    )


def _as_relative(ctx: _Context, s_idx: int, w: Word, mention: Mention) -> Mention:
    """The speaker of a reporting verb in a relative clause ("an architect who said he was
    stiffed", "a letter, which urged"): the relative pronoun, standing for the antecedent the
    parse gives for the verb's subject (:func:`_subject_of`), as PolNeAR marks it and as for a
    direct quotation's cue (:func:`_relative_speaker`)."""
    sent = ctx.parse.sentences[s_idx]
    antecedent = sent.head_of(w)
    if w.deprel != "acl:relcl" or mention.antecedent is not None or antecedent is None:
        return mention
    if not mention.start <= antecedent.start < mention.end:
        return mention
    return _relative_speaker(ctx, s_idx, w, mention, sent.start, _WH_RELATIVES) or mention


_WH_RELATIVES = ("who", "which")  # not "that", which the parse also takes for a complementizer
_RELATIVE_SPEAKERS = ("who",)


def _relative_report_speaker(ctx: _Context, s_idx: int, speaker: Word, w: Word) -> Mention | None:
    """The speaker of a reporting verb whose subject is a relative pronoun ("Podesta, who said the
    project was vetted, said ...", "Perez, who said he expects ..."): the pronoun, standing for the
    noun phrase right before it (past a comma); the compact parser seldom marks the clause as a
    relative one, so this is read off the layout."""
    sent = ctx.parse.sentences[s_idx]
    rel = speaker if speaker.text.lower() in _RELATIVE_SPEAKERS else None
    if rel is None or rel.index >= w.index or rel.index < 3 or w.xpos == "VBG":
        return None  # "FIFA, who is under investigation, saying ...": the participle is the main subject's
    before = sent.word(rel.index - 1)
    if before.lemma in (",", "—", "-", "--"):
        before = sent.word(rel.index - 2)
    if before.upos not in ("PROPN", "NOUN") or ctx.in_quote(before.start):
        return None
    antecedent = _subject_mention(ctx, s_idx, before, sent.start, rel.start)
    if antecedent is None or not _can_speak(ctx, antecedent):
        return None
    return _relative_mention(rel, antecedent, s_idx)


_LEFT_MAX_WORDS = 4


def _noun_left_of(ctx: _Context, sent: Sentence, w: Word) -> Word | None:
    """The name or noun nearest before the verb ``w`` past auxiliaries, adverbs and a date
    ("Sanders on Tuesday said", "Clinton has also said"): a speaker when the parse's subject
    cannot speak."""
    for x in reversed(sent.words[max(0, w.index - 1 - _LEFT_MAX_WORDS) : w.index - 1]):
        if _is_time_word(ctx, x):
            continue
        if x.upos in ("PROPN", "NOUN", "PRON"):
            return x
        if x.upos not in ("AUX", "ADV", "PART", "ADP", "DET"):
            return None
    return None


def _indirect_verb(ctx: _Context, s_idx: int, w: Word) -> Attribution | None:
    """The first of :data:`INDIRECT_PATTERNS` that attributes content to the verb ``w``; a verb
    only in ``complement_verbs`` ("asked", "spoke") takes only a phrase: "asked that his name not
    be used" is a request for anonymity, not a claim."""
    lex, lemma, sent = ctx.lexicon, w.lemma.lower(), ctx.parse.sentences[s_idx]
    stance = lemma in lex.stance_verbs and lemma not in lex.indirect_verbs
    phrase_only = not stance and lemma not in lex.indirect_verbs and lemma not in lex.object_content_verbs
    for pattern in INDIRECT_PATTERNS:
        if phrase_only and pattern.name != CuePattern.INDIRECT_OBJECT:
            continue
        if stance and pattern.name == CuePattern.INDIRECT_OBJECT:
            continue
        found = pattern.match(ctx, s_idx, w)
        if found is not None and pattern.name == CuePattern.INDIRECT_VERB and found.end <= w.start:
            found = _clause_past_subject(ctx, s_idx, w) or found
        if found is not None and (_holds_own_predicate(sent, w, found) or _wh_infinitive(sent, found)):
            continue
        if found is not None:
            found = _end_before_aside(ctx, s_idx, w, _before_quotation(ctx, found, w))
            found = _end_before_main_clause(ctx, s_idx, w, found)
            made = _reported_attribution(ctx, s_idx, w, found, pattern.name)
            if made is not None and (not stance or _holds_group_view(made.speaker)):
                return made
    return None


def _holds_own_predicate(sent: Sentence, w: Word, found: _Reported) -> bool:
    """Does the content of the participle ``w`` take in the verb whose subject ``w`` modifies
    ("taxpayers reporting capital gains held for one to two years would pay ...": the parse lost
    the clause)? A report cannot hold the verb of the phrase it sits in: that is the writer's."""
    owner = sent.head_of(w) if w.deprel == "acl" else None
    if owner is None or owner.deprel not in SUBJECT_RELS or owner.head < w.index:
        return False
    verb = sent.word(owner.head)
    return found.start <= verb.start < found.end


def _wh_infinitive(sent: Sentence, found: _Reported) -> bool:
    """Is the content only a question word and an infinitive ("let editorials tell them how to
    vote", "told them what to do")? That is an instruction, not something the speaker claims."""
    words = [x for x in sent.within(found.start, found.end) if x.upos != "PUNCT"]
    if words and words[0].deprel == "iobj":
        words = words[1:]  # "tell them how to vote": the hearer first
    return len(words) >= 2 and words[0].xpos in ("WRB", "WP") and words[1].xpos == "TO"


# what opens an aside after a comma that is the writer's, not the report's: "reported no arrests,
# although 55 people were ...", "said A, despite some recent suggestions ..."; not "while", whose
# contrast is often the speaker's own ("said the Europeans offered A, while the Americans wanted B")
_ASIDE_SUBORDINATORS = ("although", "though", "despite")
_ASIDE_VERB_WORDS = 8  # how far after "but" its clause's verb may stand


def _end_before_aside(ctx: _Context, s_idx: int, cue: Word, found: _Reported) -> _Reported:
    """Layouts where a content after its cue runs on into the writer's own words: "reported no
    arrests late Monday, although 55 people ...", "denied A, citing B", "has claimed A but U.S.
    officials have said B", "continues to insist that A and refuses to answer ...", "estimates A;
    the Center ... puts": the content ends before the aside (PolNeAR marks only the report; a
    content that also covers the aside's report is matched to that one instead). On dev and tune
    this found 2 and 16 more speech-verb reports and lost none."""
    if found.start < cue.end:
        return found
    sent = ctx.parse.sentences[s_idx]
    words = sent.within(found.start, found.end)
    k = next((k for k in range(2, len(words)) if _opens_aside(sent, cue, words, k)), None)
    if k is None:
        return found
    last = words[k - 2] if words[k - 1].lemma in _CLAUSE_MARKS else words[k - 1]
    return replace(found, end=last.end) if last.end - found.start >= INDIRECT_MIN_CHARS else found


def _opens_aside(sent: Sentence, cue: Word, words: list[Word], k: int) -> bool:
    """Does ``words[k]`` open an aside that ends the content (see :func:`_end_before_aside`)? A
    semicolon; a comma before "although"/"despite"/...; "even as"; a comma before a participle
    the parse hangs on the cue ("..., citing"); "but" before a clause with its own subject and
    verb; "and" (an adverb may follow it) before a finite verb coordinated with the cue or in the
    cue's own tense, however the parse hangs it ("complained A and questioned why", "denied A and
    then pointed out": tune 3 more speech-verb reports, dev 1 more report, held the same)."""
    x = words[k]
    nxt = words[k + 1] if k + 1 < len(words) else None
    lemma = x.lemma.lower()
    if x.lemma == ";":
        return True
    if nxt is None:
        return False
    if x.lemma == ",":
        return nxt.text.lower() in _ASIDE_SUBORDINATORS or (
            nxt.xpos == "VBG" and nxt.deprel == "advcl" and nxt.head in (cue.index, cue.head)
        )
    if lemma == "even":
        return nxt.text.lower() in ("as", "though")
    if lemma in ("but", "yet") and x.upos == "CCONJ":
        rest = words[k + 1 : k + 1 + _ASIDE_VERB_WORDS]
        return nxt.upos in _NP_START_UPOS and any(y.xpos in _FINITE_XPOS for y in rest)
    if lemma == "and" and nxt.upos == "ADV" and k + 2 < len(words):
        nxt = words[k + 2]  # "and then pointed out"
    if lemma == "and" and nxt.xpos in ("VBD", "VBZ", "VBP"):
        return (nxt.deprel == "conj" and nxt.head in (cue.index, cue.head)) or nxt.xpos == cue.xpos
    return False


# what opens a subordinate clause or setting phrase before the main clause: "While his advisers
# have suggested A, Mr. Obama is ...", "once he has said his piece, he is ready", "in which a
# majority of Americans say A, even some allies questioned"
_FRONTED_OPENERS = (*_SUBORDINATORS, "as", "once", "which", "now")
_FRONTED_MAX_WORDS = 12  # from the opener to the cue


def _end_before_main_clause(ctx: _Context, s_idx: int, cue: Word, found: _Reported) -> _Reported:
    """Layout: a cue in a subordinate clause or setting phrase that opens its clause ("After a
    desperate HP asked workers to sign up for a pay cut, 80,000 employees volunteered", "At the
    moment Sanders announced his candidacy last spring, Mook was holding a meeting"): the content
    ends at the comma after which the main clause's subject and finite verb stand."""
    if found.start < cue.end:
        return found
    sent = ctx.parse.sentences[s_idx]
    if not _fronted_clause(sent, cue):
        return found
    words = sent.within(found.start, found.end)
    for k, x in enumerate(words[1:-1], start=1):
        if x.lemma.lower() in _SUBORDINATORS:
            return found  # "saying that after slamming into the crowd, the driver emerged": the content's own
        if x.lemma == "," and _main_clause_at(words[k + 1 : k + 1 + _ASIDE_VERB_WORDS]):
            kept = words[:k]
            if all(_is_time_word(ctx, y) for y in kept):
                return found  # "announced Wednesday, Trump ...": no content before the comma
            return replace(found, end=kept[-1].end)
    return found


def _fronted_clause(sent: Sentence, cue: Word) -> bool:
    """Does the stretch before ``cue`` since the last clause mark (or the sentence start, past a
    coordinator) open with a subordinator or a preposition?"""
    before = sent.words[max(0, cue.index - 1 - _FRONTED_MAX_WORDS) : cue.index - 1]
    marks = [k for k, x in enumerate(before) if x.lemma in _CLAUSE_MARKS]
    if not marks and cue.index - 1 > _FRONTED_MAX_WORDS:
        return False
    stretch = [x for x in before[marks[-1] + 1 if marks else 0 :] if x.upos != "PUNCT"]
    if stretch and stretch[0].upos == "CCONJ":
        stretch = stretch[1:]
    if not stretch or (stretch[0].lemma.lower() == "as" and len(stretch) == 1):
        return False  # "quoted him as saying that ...": no subordinate clause
    return stretch[0].lemma.lower() in _FRONTED_OPENERS or stretch[0].upos == "ADP"


def _main_clause_at(words: list[Word]) -> bool:
    """Do ``words`` open a clause with its own subject: a noun phrase's first word, then a finite
    verb or auxiliary, with no comma or dash between (not an apposition, "John Kasich, the governor
    there, has"), and no relative pronoun first (", who worked for Mr. Bannon,")?"""
    if not words or words[0].upos not in _NP_START_UPOS or words[0].lemma.lower() in _RELATIVE_WORDS:
        return False
    for y in words[1:]:
        if y.xpos in _FINITE_XPOS:
            return True
        if y.lemma in _CLAUSE_MARKS:
            return False
    return False


_BEFORE_QUOTE_MARKS = (*_CLAUSE_MARKS, "(")


def _before_quotation(ctx: _Context, found: _Reported, cue: Word) -> _Reported:
    """Layout of a report followed by a quotation of its own: 'DeSantis said he has supported
    legislation ..., which he called “a cartel for higher education.”', 'Lazar said he welcomed
    extradition and added, “I'll plead guilty.”': a content that starts outside quotations and runs
    into one ends at the last comma, dash or coordinator before it, when a clause stands before
    that. A quotation inside the clause itself ('said the party was “...”') keeps the content in
    the quotation, which the direct layouts report."""
    i = bisect_left(ctx.quote_starts, found.start)
    if i >= len(ctx.quote_starts) or ctx.quote_starts[i] >= found.end or ctx.in_quote(found.start):
        return found
    if found.start < cue.end:
        return found  # content first, or around a parenthetical cue: the quotation may be what was said
    words = [w for _, w in ctx.words_between(found.start, ctx.quote_starts[i])]
    marks = [k for k, w in enumerate(words) if k and (w.lemma in _BEFORE_QUOTE_MARKS or w.upos == "CCONJ")]
    cut = marks[-1] if marks else None
    if cut is None or not any(w.upos in ("VERB", "AUX") for w in words[1:cut]):
        return found
    if not any(w.upos == "VERB" for w in words[cut:]):
        return found  # the quotation's own verb ("which he called", "and added") stands between
    last = next(w for w in reversed(words[:cut]) if w.upos != "PUNCT" or w is words[0])
    return replace(found, end=last.end)


def _clause_past_subject(ctx: _Context, s_idx: int, w: Word) -> _Reported | None:
    """Layout: "Lindsey Graham and David Perdue, who are both on the Judiciary Committee, said on
    the record that it would be ...": the parse takes the subject's relative clause or apposition
    for the verb's complement, but "that" or a clause with its own subject follows the verb; that
    clause is what was said."""
    found = _clause_after(ctx, s_idx, w)
    return found if found is not None and found.start > w.end else None


_OWNER_GAP_UPOS = ("ADJ", "ADV", "NOUN", "PUNCT")
_OWNED_CLAUSE_END = (*_CLAUSE_MARKS, ":")


def _owned_noun_report(ctx: _Context, s_idx: int, w: Word) -> Attribution | None:
    """Layout: "Mr. Trump's claims that his net worth exceeds $10 billion", "his promise to build a
    wall": a speech noun (lexicon ``content_nouns``) whose owner is named (a possessive before it,
    adjectives between) and right after it the word that opens its content; the content runs to
    the next comma or dash."""
    sent = ctx.parse.sentences[s_idx]
    intro = ctx.lexicon.content_nouns.get(w.lemma.lower())
    if intro is None or w.index >= len(sent.words) or ctx.in_quote(w.start):
        return None
    nxt = sent.word(w.index + 1)
    if nxt.lemma.lower() not in intro or (nxt.lemma.lower() == "that" and nxt.deprel != "mark"):
        return None
    after = sent.word(nxt.index + 1) if nxt.index < len(sent.words) else None
    if nxt.lemma.lower() == "to" and (after is None or after.upos != "VERB"):
        return None  # "his claim to the nomination": a phrase, no promise
    owner = None
    for x in reversed(sent.words[max(0, w.index - 5) : w.index - 1]):
        if x.xpos == "PRP$" or x.deprel == "nmod:poss":
            owner = x
            break
        if x.xpos == "POS" and x.index > 1:
            owner = sent.word(x.index - 1)
            break
        if x.upos not in _OWNER_GAP_UPOS:
            return None
    if owner is None:
        return None
    words = sent.words[
        nxt.index if nxt.lemma.lower() == "for" else nxt.index - 1 :
    ]  # "call for calm": "calm"
    stop = next((x for x in words if x.lemma in _OWNED_CLAUSE_END), None)
    content = [x for x in words if (stop is None or x.index < stop.index) and x.upos != "PUNCT"]
    if not content or ctx.in_quote(content[0].start, content[-1].end):
        return None
    found = _Reported(content[0].start, content[-1].end, owner, speaker_end=owner.end)
    return _reported_attribution(ctx, s_idx, w, found, CuePattern.INDIRECT_OBJECT)


def _group_stance(ctx: _Context, s_idx: int, w: Word) -> Attribution | None:
    """A predicate adjective of stance with a clause, for a group of unnamed people: "many
    Democrats are afraid that ...", "loyalists were adamant that ..." (lexicon
    ``stance_adjectives``), a view like a stance verb's; not one person's ("she is confident
    that"). On dev and tune it found 7 such views, none wrong."""
    if w.upos != "ADJ" or w.lemma.lower() not in ctx.lexicon.stance_adjectives:
        return None
    sent = ctx.parse.sentences[s_idx]
    kids = sent.children(w)
    clause = next(
        (c for c in kids if c.deprel == "ccomp" and c.index > w.index and _is_clause(sent, c)), None
    )
    if clause is None or not any(c.deprel == "cop" for c in kids):
        return None
    span = _content_words(sent, sent.subtree(clause))
    subj = _subject_of(ctx, s_idx, w, sent.start, sent.end)
    if span is None or subj is None or subj.index > w.index:
        return None
    made = _reported_attribution(ctx, s_idx, w, _Reported(*span, subj), CuePattern.INDIRECT_VERB)
    return made if made is not None and _holds_group_view(made.speaker) else None


def _holds_group_view(m: Mention | None) -> bool:
    """A stance verb ("fear", "believe") reports a view only for a group of unnamed people:
    "many Republicans fear that", "voters believe"; not "he thinks", "Clinton hopes"."""
    m = m.antecedent or m if m is not None else None  # "voters who believe": the voters
    return m is not None and m.number == "plur" and m.kind in (MentionKind.DESCRIPTOR, MentionKind.NOMINAL)


def _reports_in(ctx: _Context, s_idx: int, sent: Sentence) -> tuple[list[Attribution], list[Word]]:
    """The sentence's indirect reports (a reporting verb's, else an owned speech noun's) and its
    reporting-verb cues, found or not (:func:`_cut_before_next_report` ends contents before them)."""
    found: list[Attribution] = []
    cues: list[Word] = []
    for w in sent.words:
        w = _with_cue_lemma(ctx.lexicon, sent, w)
        if _is_indirect_cue(ctx, sent, w):
            cues.append(w)
            made = _indirect_verb(ctx, s_idx, w)
        else:
            made = _owned_noun_report(ctx, s_idx, w) if w.upos == "NOUN" else _group_stance(ctx, s_idx, w)
        if made is not None:
            found.append(made)
    return found, cues


def _indirect(ctx: _Context) -> list[Attribution]:
    """Reported speech outside quotations: "Jones estimated that ...", "..., according to X."."""
    out: list[Attribution] = []
    for s_idx, sent in enumerate(ctx.parse.sentences):
        if ctx.in_quote(sent.start, sent.end) and _quote_covers(ctx, sent.start, sent.end):
            continue
        here, cues = _reports_in(ctx, s_idx, sent)
        out.extend(_cut_before_next_report(ctx, sent, cues, _split_at_coordinated_cues(ctx, sent, here)))
        if (according := _according_report(ctx, sent.start, sent.end)) is not None:
            out.append(according)
    return out


def _according_report(ctx: _Context, lo: int, hi: int) -> Attribution | None:
    """The report that "according to X" attributes in the sentence [lo, hi) ("..., according to
    one NATO source who spoke on background."): the words before it, or after X (and X's
    description) when it opens the sentence; none with a quotation in the sentence before the
    cue or in the content (one in the source's phrase is a title: "according to his book ''The
    Art of the Deal.''", "According to her "clawback" plan, firms ...")."""
    m = _ACCORDING.search(ctx.text, lo, hi)
    if not m or ctx.in_quote(m.start(), m.end()) or _quote_in(ctx, lo, m.start()):
        return None
    phrase_end = _according_phrase_end(ctx, m.end(), hi)
    if _quote_in(ctx, phrase_end, hi):
        return None  # a quotation in the content; one in the source's phrase is a title
    found = _according_to(ctx, m.start(), hi)
    if found is not None and found.speaker is None:
        found = replace(found, speaker=_according_source(ctx, m.end(), hi))
    if found is None or found.speaker is None:
        return None
    sp = found.speaker
    tail_end = sp.description[1] if sp.description else sp.end
    if len(ctx.text[tail_end:hi].strip(" ,.;:")) < INDIRECT_MIN_CHARS:
        tail_end = sp.end  # "According to police, officers saw ...": no description
    if _quote_in(ctx, tail_end, hi):  # a title in the source's phrase: the report follows the phrase
        tail_end = max(tail_end, phrase_end)
    rest = ctx.text[tail_end:hi].strip(" ,.;:—–-\n")
    if m.start() - lo > 8 and (len(rest) < INDIRECT_MIN_CHARS or not _opener_before(ctx, lo, m.start())):
        start, end = lo, m.start()
    else:
        start, end = tail_end, hi
    seg = ctx.text[start:end]
    stripped = seg.strip(" ,.;:—–-\n")
    if len(stripped) < 8:
        return None
    start = start + seg.index(stripped)
    return Attribution(
        start,
        start + len(stripped),
        QuoteKind.INDIRECT,
        stripped,
        None,
        found.cue(CuePattern.ACCORDING_TO),
        sp,
        Resolution.of_mention(sp.kind),
        ctx.paragraph_of(start),
    )


def _opener_before(ctx: _Context, lo: int, cue: int) -> bool:
    """Layout: "In addition, according to the department, CLAUSE", "And it hasn't gone unnoticed:
    According to recent polls, CLAUSE": what stands before a mid-sentence "according to" is an
    opening phrase (no verb, a comma after it) or a clause of its own (a colon after it); the
    report is the clause after the source."""
    before = ctx.text[lo:cue].rstrip()
    if before.endswith(":"):
        return True
    return before.endswith(",") and not any(w.upos in ("VERB", "AUX") for _, w in ctx.words_between(lo, cue))


_PHRASE_END = re.compile(r"[,;—–]")


def _according_phrase_end(ctx: _Context, phrase: int, hi: int) -> int:
    """Where the phrase after "according to" (from ``phrase``) ends: the first comma, dash or
    semicolon outside quotation marks, else the sentence end ``hi``."""
    return next(
        (m.start() for m in _PHRASE_END.finditer(ctx.text, phrase, hi) if not ctx.in_quote(m.start())), hi
    )


def _outermost(indirect: list[Attribution], continued: set[Mention | None]) -> list[Attribution]:
    """The indirect attributions that no other one's content holds: in "The poll showed that 74
    percent said the country ...", "X noted FBI Director Comey said ..." the inner report is part of
    what the outer one reports, so it is reported once, with the outer cue (PolNeAR marks the outer
    one; the inner alone matched only about one time in five on dev and tune). An inner content
    counts when it lies inside another (a different span) that starts no later and whose cue comes
    before the inner content. An inner report whose speaker a later quotation continues
    (``continued``) stays: the story goes on with that speaker. One sweep in content order: the
    reports whose content and cue began before the current content are "open", and only the one
    reaching furthest matters (ties: the earlier start)."""
    by_start = sorted(indirect, key=lambda a: (a.start, a.end))
    waiting: list[tuple[int, int, int]] = []  # (cue start, -end, start) of reports begun so far
    reach: tuple[int, int] | None = None  # (end, -start) of the open report reaching furthest
    held: set[int] = set()
    k = 0
    for a in by_start:
        while k < len(by_start) and by_start[k].start <= a.start:
            o = by_start[k]
            if o.cue is not None:
                heappush(waiting, (o.cue.start, -o.end, o.start))
            k += 1
        while waiting and waiting[0][0] < a.start:
            _, neg_end, start = heappop(waiting)
            reach = max(reach or (-neg_end, -start), (-neg_end, -start))
        if reach is not None and (reach[0] > a.end or (reach[0] == a.end and -reach[1] < a.start)):
            held.add(id(a))
    return [a for a in indirect if a.speaker in continued or id(a) not in held]


_COORDINATORS = ("and", "but")


def _split_at_coordinated_cues(ctx: _Context, sent: Sentence, found: list[Attribution]) -> list[Attribution]:
    """Layout: "X said that A and suggested that B", "X announced A and said B": a content that
    runs into a coordinated cue of the same speaker (the cue right after "and" or "but", with at
    most a comma and adverbs between) ends before the coordinator; the second cue has its own."""
    cuts = [c for a in found[1:] if a.cue is not None and (c := _coordinator_before(sent, a.cue.start))]
    fixed: list[Attribution] = []
    for a in found:
        cut = next((c for c in cuts if a.start < c < a.end), None)
        if cut is not None and a.cue is not None and a.cue.start < cut:
            a = _content_cut(ctx, a, cut, " ,;")
        fixed.append(a)
    return fixed


def _content_cut(ctx: _Context, a: Attribution, cut: int, marks: str) -> Attribution:
    """``a`` with its content ending at ``cut``, less the ``marks`` before it, when what is left is
    still long enough to be a report (:data:`INDIRECT_MIN_CHARS`); else ``a`` as it is."""
    end = len(ctx.text[a.start : cut].rstrip(marks)) + a.start
    return replace(a, end=end, text=ctx.text[a.start : end]) if end - a.start >= INDIRECT_MIN_CHARS else a


_NEXT_REPORT_XPOS = ("VBD", "VBZ", "VBP", "VBG")
_CLAUSE_JOINERS = ("and", "but", "while", "though", "although", "whereas")
_NEXT_SUBJECT_MAX_WORDS = 8  # "..., while other voters said": the next report's subject


def _cut_before_next_report(
    ctx: _Context, sent: Sentence, cues: list[Word], found: list[Attribution]
) -> list[Attribution]:
    """Layout: "X said A, while other voters said B", "X denied A and counter-accused her",
    "Most say A; 26 percent say B": a content that runs into another reporting verb (``cues``, the
    sentence's, found or not) ends at the comma, semicolon or joiner that opens that verb's clause
    (PolNeAR marks each report on its own; the inner one then stands alone instead of hiding under
    the outer content)."""
    if not found:
        return found
    cues = [w for w in cues if w.xpos in _NEXT_REPORT_XPOS and w.deprel != "amod"]
    fixed: list[Attribution] = []
    for a in found:
        for c in cues:
            if a.cue is None or not a.cue.start < a.start < c.start < a.end:
                continue
            cut = _clause_opening_before(sent, c, a.start)
            if cut is not None:
                a = _content_cut(ctx, a, cut, " ,;—–")
                break
        fixed.append(a)
    return fixed


def _clause_opening_before(sent: Sentence, cue: Word, lo: int) -> int | None:
    """Where the clause of the reporting verb ``cue`` opens: the nearest mark or joiner before it
    within a subject's length, after ``lo``; None past a subordinator: "that" nests the report
    ("said that officials said"), "when", "if" make it part of the content ("..., when a young man
    asked why")."""
    for x in reversed(sent.words[max(0, cue.index - 1 - _NEXT_SUBJECT_MAX_WORDS) : cue.index - 1]):
        if x.lemma.lower() in _CLAUSE_JOINERS or x.lemma in _CLAUSE_MARKS:
            return x.start if x.start > lo else None
        if x.start <= lo or x.upos == "SCONJ" or x.xpos == "WRB":
            return None
    return None


def _coordinator_before(sent: Sentence, cue_start: int) -> int | None:
    """Where the "and"/"but" that coordinates the cue starting at ``cue_start`` begins (commas and
    adverbs may stand between), or None."""
    words = [x for x in sent.words if x.start < cue_start]
    cue = next((x for x in sent.words if x.start == cue_start), None)
    if cue is not None and cue.xpos == "VBG" and words and words[-1].lemma == ",":
        return words[-1].start  # "said A, arguing that B": a participle cue after a comma
    for x in reversed(words):
        if x.lemma.lower() in _COORDINATORS:
            return x.start
        if x.upos != "ADV" and x.lemma != ",":
            return None
    return None


_ACCORDING_MAX_WORDS = 4


def _according_source(ctx: _Context, start: int, hi: int) -> Mention | None:
    """The source of "according to exit polls" when the tagger calls a modifier a verb ("exit",
    "state corporate records"): the first noun within a few words, past determiners, adjectives
    and such verbs, when it is a document or organization noun."""
    after = ctx.words_between(start, hi)[:_ACCORDING_MAX_WORDS]
    for s_idx, w in after:
        if ctx.in_quote(w.start):
            return None
        if w.upos in ("NOUN", "PROPN"):
            sent = ctx.parse.sentences[s_idx]
            while w.index < len(sent.words) and sent.word(w.index + 1).upos == "NOUN":
                w = sent.word(w.index + 1)  # "exit polls": the compound's last noun
            lex = ctx.lexicon
            lemma = w.lemma.lower()
            if lemma in lex.document_nouns or lemma in lex.organization_nouns:
                return make_mention(ctx, s_idx, w, start, hi)
            return None
        if w.upos not in ("DET", "ADJ", "VERB"):
            return None
    return None


def _calendar_surname(ctx: _Context, word: str) -> bool:
    """Does the article write this weekday or month right after a known given name or a title
    ("Theresa May", "Prime Minister May", "Mrs. May")? Then it is a surname wherever it stands
    alone as a speaker ("May said this week that ..."): British news names its prime minister so.
    One scan of the text per word and article (a long article asks about its weekdays often)."""
    found = ctx.calendar_surnames.get(word)
    if found is None:
        before = re.compile(rf"\b([A-Z][a-z]+)\.?[^\S\n]+{re.escape(word)}\b")
        lex = ctx.lexicon
        names = (b.group(1) for b in before.finditer(ctx.text))
        found = any(n in lex.first_names or n in lex.titles for n in names)
        ctx.calendar_surnames[word] = found
    return found


def _can_speak(ctx: _Context, m: Mention) -> bool:
    """Can this mention be the source of reported speech? People, organizations and documents
    can ("officials said that", "the former president said", "it says the campaign ..."); "the
    aim is to show that" and a date mis-parsed as a subject ("Friday called ...") cannot."""
    if m.kind == MentionKind.PRONOUN:
        # not "I"/"we": outside quotations that is the writer, whom no source stands for (the
        # resolver would hand the writer's words to the last person named)
        return m.head_lemma in ("he", "she", "they", "it")
    lex = ctx.lexicon
    head = m.head_lemma
    if m.kind == MentionKind.NAME:  # "Friday called ..." cannot; "Theresa May" can, and so can "May said"
        word = head.capitalize()  # after the article has written "Theresa May" or "Prime Minister May"
        return word not in lex.calendar_words or len(m.words) > 1 or _calendar_surname(ctx, word)
    return (
        _role_word(lex, head)
        or head in lex.document_nouns
        or head in lex.organization_nouns
        or (m.number == "plur" and m.head_upos == "NOUN")  # "many Democrats say", "experts say"
        or head in lex.share_nouns  # "Another 19 percent said"
        or head in lex.identified_roles  # "the Republican incumbent said"
        or head in lex.kin_nouns  # "Santilli's girlfriend told The Post that"
        or head in lex.speaker_nouns  # "the dean of the journalism school said"
        or is_group_quantifier(m, lex)  # "Some say", "Most believe that"
        or (
            m.head_upos == "NUM" and not is_time_text(lex, m.head_lemma, m.head_lemma, years=True)
        )  # "eight of 10 voters say", not "2016"
    )


def _quote_in(ctx: _Context, lo: int, hi: int) -> bool:
    """Does a quotation start in [lo, hi) or end in (lo, hi]? (Two bisections.)"""
    starts = bisect_left(ctx.quote_starts, lo) < bisect_left(ctx.quote_starts, hi)
    return starts or bisect_right(ctx.quote_ends, lo) < bisect_right(ctx.quote_ends, hi)


def _quote_covers(ctx: _Context, lo: int, hi: int) -> bool:
    """Does one quotation span all of [lo, hi)? (Of the quotations starting by ``lo``, the one
    reaching furthest.)"""
    i = bisect_right(ctx.quote_starts, lo) - 1
    return i >= 0 and ctx.quote_reach[i] >= hi
