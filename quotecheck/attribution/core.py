"""Attribution's entry point: :func:`attribute` runs the patterns over every quotation, applies
:data:`REFINEMENTS`, chains and floats the quotations with no cue of their own, and adds
indirect speech."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import accumulate, takewhile

from ..lexicons import Lexicon, default_lexicon
from ..mentions import (
    Mention,
    make_mention,
    name_mention,
)
from ..parsing import Parse, Sentence, Word
from ..quotes import QuoteSpan
from ..transcripts import Turn, superseded, transcript_turns
from ..vocab import CuePattern, MentionKind, QuoteKind, Resolution
from ._base import (
    SUBJECT_RELS,
    Attribution,
    Cue,
    _Context,
    _cut_by_previous,
    _Frame,
    _frame,
    _sentence_bounds,
)
from .cues import (
    _CREDIT_MARKS,
    _agent_past_quotation,
    _as_put_it,
    _can_speak,
    _capitalised_run,
    _choose,
    _clause_subject,
    _climb,
    _colon_before,
    _comma_who_speaker,
    _coordinated_post_cue,
    _coordinated_verb_subject,
    _cue_from_verb,
    _cue_lemma,
    _cue_side_start,
    _cue_word,
    _Found,
    _gerund_own_subject,
    _is_cue_verb,
    _Match,
    _name_before_verb,
    _name_for_thing_subject,
    _name_left_of_verb,
    _name_over_interruption,
    _name_past_described_speaker,
    _non_punct,
    _outer_according_to,
    _outer_cue_before_earlier_quote,
    _participle_after_comma,
    _participle_over_reported_clause,
    _participle_owner,
    _passive_in_later_clause,
    _poll_over_share,
    _post_verb,
    _pre_cue_over_subordinate,
    _preposition_gerund_subject,
    _relative_inner_speaker,
    _reported_after,
    _role_word,
    _sentence_final_cue,
    _sentence_root,
    _speakerless_gerund_cue,
    _speakerless_verb_cue,
    _speaking_earlier_cue,
    _subject_after_opening,
    _subject_before_gerund,
    _subject_mention,
    _subjects,
    _surface_speaker,
    _thing_mention,
    _verb_cues,
    _with_speaking,
)
from .indirect import (
    _indirect,
    _outermost,
    _quote_in,
)
from .kinds import (
    _classify,
    _free_relative_outer_speaker,
    _inverted_after_comma,
    _inverted_without_subject,
    _next_sentence_post_cue,
    _outer_report_verb,
    _owned_speech_noun,
    _subject_before_aside,
    _subject_over_object,
)

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
        cue = _Found(w.start, w.end, w.text, _cue_lemma(ctx.lexicon, w), None).cue(CuePattern.POST_VERB)
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
    return _Match(
        Cue(verb.start, verb.end, text, _cue_lemma(ctx.lexicon, verb), CuePattern.COLON_INTRO), speaker
    )


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


REFINEMENTS: tuple[_Refinement, ...] = (
    _coordinated_post_cue,
    _sentence_final_cue,
    _next_sentence_post_cue,
    _reported_after,
    _outer_according_to,
    _surface_speaker,
    _name_past_described_speaker,
    _name_for_thing_subject,
    _pre_cue_over_subordinate,
    _passive_in_later_clause,
    _agent_past_quotation,
    _name_over_interruption,
    _participle_after_comma,
    _relative_inner_speaker,
    _subject_after_opening,
    _poll_over_share,
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
    _inverted_without_subject,
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
        by_verb = _by_verb(q, kind, inner, para, _actor_paragraph(ctx, q, prev))
        if by_verb is not None:
            out.append(by_verb)
            continue
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
    end = _space_start(ctx, q.start, p_start)
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
    found = None if bounds is None else _root_actor(ctx, *bounds)
    if found is None or found.speaker is None or found.speaker.kind != MentionKind.NAME:
        return None
    return found if _can_speak(ctx, found.speaker) else None


def _root_actor(ctx: _Context, lo: int, period: int) -> _Found | None:
    """The cue at the main verb of the sentence [lo, period) that ends with ``period`` (a speech verb
    or not): its root, when that is a verb in it and not negated ("He didn't suggest retaliation.")."""
    s_idx = ctx.parse.sentence_at(period - 1)
    if s_idx is None:
        return None
    sent = ctx.parse.sentences[s_idx]
    root = _sentence_root(sent)
    if root is None or root.upos != "VERB" or not lo <= root.start < period or _negated(sent, root):
        return None
    return _cue_from_verb(ctx, s_idx, root, lo, period)


def _space_start(ctx: _Context, pos: int, limit: int) -> int:
    """Where the white space that runs back from ``pos`` starts, not before ``limit``: the end of
    the text before ``pos`` (a walk over that white space, not a copy of the paragraph)."""
    while pos > limit and ctx.text[pos - 1].isspace():
        pos -= 1
    return pos


def _actor_paragraph(ctx: _Context, q: QuoteSpan, carried: Attribution | None) -> _Found | None:
    """Layout: Howard continued his scathing remarks.¶“Q” / “Q1,” Trump added. He then had a
    question for the crowd.¶“Q2”. A quotation that opens its paragraph, with no cue of its own,
    right after a paragraph ending in a sentence without quotations whose main verb (a speech verb
    or not, not negated) has a name or a he/she/they/it for its subject: that subject goes on speaking
    (PolNeAR marks it), as :func:`_actor_sentence_before` does within a paragraph. Not when the
    attribution a floating quotation would take its speaker from (``carried``) has that very
    mention ("He said that ....¶“Q”" stays floating)."""
    pi = ctx.paragraph_of(q.start)
    p_start = ctx.paragraphs[pi][0]
    if pi == 0 or _space_start(ctx, q.start, p_start) != p_start:
        return None
    p_lo, p_hi = ctx.paragraphs[pi - 1]
    end = _space_start(ctx, p_hi, p_lo)
    if end == p_lo or ctx.text[end - 1] != ".":
        return None
    period = end - 1
    lo = _sentence_bounds(ctx, period, -1, p_lo)
    found = None if _quote_in(ctx, lo, p_hi) else _root_actor(ctx, lo, period)
    speaker = None if found is None else found.speaker
    if speaker is None or speaker.kind not in (MentionKind.PRONOUN, MentionKind.NAME):
        return None
    if speaker.kind == MentionKind.NAME and speaker.head_upos != "PROPN":
        return None  # a name only when the parse calls its head one: not "Many of the children"
    if carried is not None and carried.speaker == speaker:
        return None
    return found if _can_speak(ctx, speaker) else None


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
    speaker = _label_speaker(ctx, s_idx, label) if turn.named else interviewee
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


def _label_speaker(ctx: _Context, s_idx: int, label: tuple[int, int]) -> Mention:
    """The speaker a turn's label names: a person ("REYES" in capitals is no acronym), or, for a
    label that names no one ("UNIDENTIFIED PERSON:", "UNIDENTIFIED MAN #1:"), an unnamed person
    described by the label."""
    m = name_mention(ctx, s_idx, label, None, ner="S-PERSON")
    words = ctx.text[label[0] : label[1]].lower().split()
    if words[0] not in ctx.lexicon.unnamed_label_words:
        return m
    head = next((w for w in reversed(words) if not w.startswith("#")), words[-1])
    return replace(m, kind=MentionKind.DESCRIPTOR, head_lemma=head, head_upos="NOUN", ner="O")


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


def _chained(ctx: _Context, qi: int, frame: _Frame, out: list[Attribution]) -> Attribution | None:
    """The attributed quotation earlier in the same sentence, if this one's frame is cut by it."""
    if not _cut_by_previous(ctx, qi, frame):
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
    if not _POST_CUE_TAIL.fullmatch(ctx.text, prev.quote.end, q.start):
        return None  # (``out`` holds the attributions of ``ctx.quotes`` so far: prev.quote is one of them)
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
