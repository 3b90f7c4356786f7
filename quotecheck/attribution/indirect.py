"""Attribution: indirect speech ("X said that ...", "according to X"), with its content span
and its speaker (:data:`INDIRECT_PATTERNS`)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from heapq import heappop, heappush
from itertools import pairwise, takewhile

from ..lexicons import Lexicon
from ..mentions import (
    Mention,
    make_mention,
    np_head,
)
from ..parsing import Sentence, Word
from ..vocab import CuePattern, MentionKind, QuoteKind, Resolution
from ._base import (
    _ACCORDING_MAX_WORDS,
    _FINITE_XPOS,
    SUBJECT_RELS,
    Attribution,
    Cue,
    _Context,
)
from .cues import (
    _ACCORDING,
    _NAME_GAP_UPOS,
    _RELATIVE_PRONOUNS,
    _RELATIVE_WORDS,
    _SUBORDINATORS,
    _according_to,
    _can_speak,
    _is_time_word,
    _is_writer,
    _name_before_appositions,
    _past_dateline,
    _relative_mention,
    _relative_speaker,
    _sentence_root,
    _span_head,
    _subject_before_and,
    _subject_mention,
    _subject_of,
    _subjects,
    _surface_subject,
    _word_before_gap,
)
from .kinds import (
    _PERSON_PRONOUNS,
    _title_case,
)


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
    ) or _plural_subject_cue(ctx.lexicon, sent, w)


_PLURAL_PRONOUNS = ("they", "we", "others", "many", "some", "both", "few", "most")
_CLAUSE_OPENERS = ("PRON", "DET", "PROPN", "NOUN", "ADJ", "NUM")


def _plural_subject_cue(lex: Lexicon, sent: Sentence, w: Word) -> bool:
    """Layout: "Some GOP strategists predict that ...", "many Sanders supporters insist there
    were ...", "..., officials in both cities insist, because ...": the plain form of a reporting
    verb that the compact tagger calls a noun, right after a plural subject (a plural noun, a
    plural pronoun, a number) and before a clause ("that", a comma, a noun phrase's first word)."""
    if w.upos == "VERB" or w.xpos.startswith("VB") or w.text.lower() not in lex.indirect_verbs:
        return False
    if w.index < 2 or w.index >= len(sent.words):
        return False
    prev, nxt = sent.word(w.index - 1), sent.word(w.index + 1)
    plural = prev.xpos in ("NNS", "NNPS", "CD") or prev.lemma.lower() in _PLURAL_PRONOUNS
    return plural and (nxt.lemma.lower() == "that" or nxt.lemma == "," or nxt.upos in _CLAUSE_OPENERS)


def _with_cue_lemma(lex: Lexicon, sent: Sentence, w: Word) -> Word:
    """``w`` with its reporting-verb lemma when the compact lemmatizer loses it on an "-ing" or "-ed"
    form ("warning" -> "warning", "Noting" -> "not", "Declaring" -> "declar", "averred" -> "averr")
    or the tagger calls it a noun after its subject (:func:`_verb_tagged_noun`); else ``w`` itself."""
    form = w.text.lower()
    if w.text[:1].isupper() and w.lemma == w.text and w.xpos.startswith("VB"):
        cased = _title_case_cue(lex, w)
        if cased is not w:
            return cased
    if w.upos == "NOUN" and (verb := _verb_tagged_noun(lex, sent, w)) is not None:
        return verb
    if _plural_subject_cue(lex, sent, w) and form not in lex.organization_nouns:
        return replace(w, lemma=form, upos="VERB", xpos="VBP")  # "many Sanders supporters insist there were"
    ending = next((end for end in ("ing", "ed") if form.endswith(end)), None)
    if w.upos != "VERB" or ending is None or _reporting_lemma(lex, w.lemma.lower()):
        return w
    stem = form[: -len(ending)]
    for lemma in (stem, stem + "e", stem[:-1]):  # "averred" -> "averr": "aver"
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
        if all(_adverbial_after_comma(sent, w, c) for c in comps):
            comps = []
    content_words: list[Word] = []
    if comps:
        for c in comps:
            content_words.extend(sent.subtree(c))
        content_words.extend(_subject_taken_by_cue(sent, w, comps))
        content_words = _past_cue_only(sent, w, comps, content_words)
    elif w.deprel == "parataxis" and (h := sent.head_of(w)) is not None and not _after_semicolon(sent, w):
        h = _interrupted_clause(sent, h, w)
        cue = set(sent.subtree(w))
        content_words = [x for x in sent.subtree(h) if x not in cue]
    span = _content_words(sent, _past_cue_time(ctx, sent, w, content_words)) if content_words else None
    if span is None:
        return None
    if span[0] == sent.start:
        span = (_after_dateline(ctx, *span), span[1])  # "BOISE, Idaho — A woman is ..., police said."
    label = _LEAD_LABEL.match(ctx.text, sent.start, span[1])
    if label and span[0] < label.end():
        span = (label.end(), span[1])  # "What's next: Kessler is expected ..., an aide said.": not the label
    start, _ = span
    lo, hi = sent.start, sent.end
    subj = _subject_of(ctx, s_idx, w, lo, hi)
    subj = subj and _past_wire_dateline(ctx, sent, subj)
    if subj is None and start > w.end:  # "X, speaking on background, said the ...": layout
        subj = _surface_subject(ctx, s_idx, w, lo, hi)
    if subj is None or (subj.index > w.index and start > subj.end):
        return None  # "said Teresa Yuen, whose ..., one of ...": content follows no inverted subject
    return _Reported(*span, subj)


_REPORTED_OPENERS = ("that", "if", "whether")  # what opens a reported clause, after a comma too


def _adverbial_after_comma(sent: Sentence, w: Word, c: Word) -> bool:
    """Is a clause the parse hung on the cue as its complement an adverbial clause after a comma
    that follows the cue ("Israeli air strikes killed 27 people, the health ministry said on
    Tuesday, as negotiators struggled to revive talks"): opened by a subordinator or preposition
    ("as", "while", "after"; "as" the parse made its subject's preposition), not by "that"? The
    content is then the clause before the cue."""
    first = sent.word(min(x.index for x in sent.subtree(c) if x.upos != "PUNCT"))
    if first.index < 2 or first.lemma.lower() in _REPORTED_OPENERS:
        return False
    opened = sent.head_of(first)
    if not (
        first.upos == "SCONJ" or (first.upos == "ADP" and opened is not None and opened.deprel == "nsubj")
    ):
        return False  # "Now, he says, at least seven of ... have signed on": a subject, not "as"
    comma = sent.word(first.index - 1)
    return comma.lemma == "," and comma.index > w.index and _set_off_subject(sent, w)


def _set_off_subject(sent: Sentence, w: Word) -> bool:
    """Does a comma set the verb's subject off from words before it (", the health ministry in Gaza
    said"): the layout that puts the content before the subject?"""
    subjects = [x for x in sent.children(w) if x.deprel in ("nsubj", "nsubj:pass") and x.index < w.index]
    if not subjects:
        return False
    subj = subjects[-1]  # the nearest: the parse may make the content's subject one too
    opening = min(x.index for x in sent.subtree(subj))
    return opening > 1 and sent.word(opening - 1).lemma == ","


def _past_wire_dateline(ctx: _Context, sent: Sentence, subj: Word) -> Word:
    """The subject behind a dateline the parse made the subject, with the real one as its
    apposition ("WASHINGTON (Reuters) - Democratic presidential candidate Hillary Clinton said
    ..."): the first apposition after the dateline (the name a title in it carries), else ``subj``.
    Tune indirect speaker 91.3 -> 91.4, held-out 92.2 -> 92.5 (with the dateline's spaced hyphen)."""
    dateline = _DATELINE.match(ctx.text, sent.start, sent.end)
    if dateline is None or subj.start >= dateline.end():
        return subj
    appositions = (  # the parse also hangs the name on the dateline as a "list" item
        c for c in sent.children(subj) if c.deprel in ("appos", "list") and c.start >= dateline.end()
    )
    real = next(appositions, subj)
    names = (c for c in sent.children(real) if c.deprel in ("flat", "appos") and c.upos == "PROPN")
    return next(names, real) if real.upos == "NOUN" else real


def _past_cue_only(sent: Sentence, w: Word, comps: list[Word], words: list[Word]) -> list[Word]:
    """A content clause after the cue holds no words between the cue's subject and the cue: "A
    committee aide, speaking on condition of anonymity because the vote count was not final, said two
    Democrats were ...": the parse hung the "because" clause on the content's verb. Words before
    the subject stay ("Climate change, Mr. Obama often says, is the greatest ...")."""
    subjects = [k for k in sent.children(w) if k.deprel.startswith("nsubj") and k.index < w.index]
    if not subjects or not all(c.index > w.index for c in comps):
        return words
    return [x for x in words if not subjects[0].index < x.index < w.index]


def _subject_taken_by_cue(sent: Sentence, w: Word, comps: list[Word]) -> list[Word]:
    """The subject of a fronted clause that the parse gave to the cue, which has its own subject
    after the clause ("A driver who saw the pickup ... called 911 ..., dispatchers said.": "driver"
    as a second subject of "said"): the words of a subject before a subjectless clause before the
    cue, when another subject stands between that clause and the cue."""
    if len(comps) != 1 or comps[0].index > w.index:
        return []
    c = comps[0]
    if any(k.deprel.startswith(("nsubj", "expl")) for k in sent.children(c)):
        return []
    subjects = [k for k in sent.children(w) if k.deprel.startswith("nsubj")]
    before = [k for k in subjects if k.index < c.index]
    if len(before) != 1 or not any(c.index < k.index < w.index for k in subjects):
        return []
    return list(sent.subtree(before[0]))


def _past_cue_time(ctx: _Context, sent: Sentence, w: Word, words: list[Word]) -> list[Word]:
    """The clause's words without a time expression right after the cue that the parse hung inside
    the clause ("said Tuesday it would review ...": "Tuesday" as the object of "review"): the time
    words that follow the verb directly, when they are no part of the clause's subject and a word
    that is no possessive follows them."""
    inside = {x.index for x in words}
    subjects = [x for x in words if x.deprel.startswith("nsubj")]
    subject = {
        y.index
        for x in subjects
        if not any(z.head == x.head and z.index > x.index for z in subjects)  # "said Tuesday it would"
        for y in sent.subtree(x)
    }
    lead: list[Word] = []
    for x in sent.words[w.index :]:
        if x.index not in inside or (not _is_time_word(ctx, x) and x.upos not in ("ADV", "DET", "ADJ")):
            break
        lead.append(x)
    while lead and not _is_time_word(ctx, lead[-1]):
        lead.pop()  # "said Tuesday the ...": the subject's determiner stays
    if not lead or not _time_tail(ctx, lead) or lead[-1].index >= len(sent.words):
        return words
    if any(x.index in subject for x in lead):
        return words  # "said 2016 has seen ...", "said each year of education yields ...": the subject
    nxt = sent.word(lead[-1].index + 1)
    if nxt.index not in inside or nxt.xpos == "POS" or nxt.upos == "PUNCT":
        return words  # "said Tuesday's vote was ...": the time word opens the subject
    return [x for x in words if x.index > lead[-1].index]


def _after_semicolon(sent: Sentence, w: Word) -> bool:
    """Does the parataxis cue's clause open right after a semicolon ("Platformer reached out to X for
    comment; the company replied with an automated message")? A semicolon joins two statements of the
    writer's: the clause before it is no content of the verb after it (that takes a comma or dash)."""
    first = min(x.index for x in sent.subtree(w) if x.upos != "PUNCT")
    return first > 1 and sent.word(first - 1).text == ";"


def _interrupted_clause(sent: Sentence, h: Word, w: Word) -> Word:
    """The clause a parataxis cue reports: its head ``h``, or the main clause above it when the
    parser hung the cue on a clause inside that one ("A woman is in custody after a man was
    stabbed, police said.": the whole sentence, not "after a man was stabbed"); only for a cue set
    off by a comma or dash that closes a sentence without quotation marks, and when every word
    before the cue belongs to that main clause."""
    top = h
    while (up := sent.head_of(top)) is not None and up.index < w.index:
        top = up
    if top is h or top.deprel != "root" or any(x.text in _QUOTE_MARKS or x.text == "‘" for x in sent.words):
        return h  # a quotation in the sentence: the parser has often joined two sentences
    subtree = sent.subtree(w)
    cue = {x.index for x in subtree}
    first = min(x.index for x in subtree if x.upos != "PUNCT")
    set_off = first > 1 and sent.words[first - 2].lemma in _SET_OFF
    if not set_off or any(x.upos != "PUNCT" for x in sent.words[max(cue) :]):
        return h  # not "..., police said." closing its sentence: "the woman he hopes will succeed him"
    inside = {x.index for x in sent.subtree(top)}
    before = [x for x in sent.words if x.index < w.index and x.upos != "PUNCT" and x.index not in cue]
    return top if all(x.index in inside for x in before) else h


def _quoted_clause(ctx: _Context, sent: Sentence, c: Word) -> bool:
    """Whether the clause headed by ``c`` lies inside a quotation: a direct quotation the verb
    already reports, so a second clause after the verb is an adverbial one the parser hung as
    its complement ("as the crowd applauded")."""
    words = sent.subtree(c)
    return bool(words) and ctx.in_quote(words[0].start, words[-1].end)


# a dateline before an article's first sentence: "BRENTON, Maine — ", "WASHINGTON (AP) -- ", and
# Reuters' spaced hyphen, "PARIS, Aug 31 (Reuters) - ", and HuffPost's horizontal bar, "WASHINGTON ― "
_CAPITAL = "A-ZÀ-ÖØ-Þ"  # capitals, with the accented ones of Latin-1: "BOGOTÁ", "SÃO PAULO", "MONTRÉAL"
_DATELINE = re.compile(
    rf"[{_CAPITAL}][{_CAPITAL} .’'-]+(?:,[^—–―\n]{{1,30}})?(?:\s*\([^)]{{1,20}}\))?(?:\s*/[\w .-]{{2,30}}/)?"
    r"(?:\s*(?:—|–|―|--|(?<=\s)-(?=\s))\s*|:\s+)"
)  # "MILLBROOK, Ore. —", "PITTSBURGH, Pa., Nov. 3, 2026 /PRNewswire/ --" (a wire's credit), and
# Asian papers' "ISLAMABAD: ", "SINGAPORE - "


def _after_dateline(ctx: _Context, lo: int, hi: int) -> int:
    """Where a stretch ``lo``-``hi`` starts once a dateline opening it is left out: the dateline's
    end when one opens the stretch and ends before ``hi``, else ``lo``."""
    dateline = _DATELINE.match(ctx.text, lo, hi)
    return dateline.end() if dateline and dateline.end() < hi else lo


# a web explainer's bold lead-in label opening a paragraph ("**Why it matters:**", "Driving the news:")
_LEAD_LABEL = re.compile(r"[A-Z][a-z’']*(?: [a-z’']+){1,4}:\s+(?=[A-Z])")
# a live blog entry's time stamp opening the sentence: "11:20 a.m. About 40,000 homes ..., according to X"
_TIMESTAMP = re.compile(r"\d{1,2}:\d{2}(?:\s*[ap]\.m\.)?\s+(?=[A-Z])")
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
    content = sent.within(_after_dateline(ctx, sent.start, comma.start), comma.start)
    if not any(x.upos in ("VERB", "AUX") for x in content):
        return None  # "In recent days, advisers say, ...": no clause
    if any(_subordinator(x) for x in content[:2]) and not _main_clause_after_comma(content):
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
    """Is the stretch before an inverted cue's comma the verb's own subject with asides ("BuzzFeed,
    which does not disclose its finances, denied ...", "The survey, conducted by the Public Policy
    Institute of California, finds ...", "Angelique Brunner, a Washington-based developer ..., which
    is made up of investors and developers, said"): a noun phrase with no finite verb, then after each
    comma a relative clause, a participle or an apposition (:func:`_is_aside`) that runs to the next
    comma or the end?"""
    k = _first_comma(content)
    if k is None or k == 0 or k + 1 >= len(content):
        return False
    if any(x.xpos in _FINITE_XPOS or x.upos in ("VERB", "AUX", "SCONJ") for x in content[:k]):
        return False
    asides: list[list[Word]] = [[]]
    for x in content[k + 1 :]:
        if x.lemma == ",":
            asides.append([])
        else:
            asides[-1].append(x)
    return all(_is_aside(aside) for aside in asides)


def _is_aside(aside: list[Word]) -> bool:
    """Is ``aside`` (the words between two commas) a relative clause, a participle phrase or an
    apposition without a finite verb?"""
    if not aside:
        return False
    nxt = aside[0]
    return (
        nxt.lemma.lower() in _ASIDE_RELATIVES
        or nxt.xpos == "VBN"
        or (nxt.upos in ("DET", "NOUN", "PROPN", "ADJ") and not any(x.xpos in _FINITE_XPOS for x in aside))
    )


def _subordinator(x: Word) -> bool:
    """Does a word open a subordinate clause: a conjunction, or "when" (tagged an adverb, WRB:
    "When the flour shortage hit last spring, the town council promised help")?"""
    return x.upos == "SCONJ" or (x.xpos == "WRB" and x.lemma.lower() == "when")


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
    if ctx.in_quote(comma.start):
        return None  # "“…,” Roque said, code-switching to ...": a quotation's cue, its aside no report
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
    if i == 0 or before[i - 1].lemma.lower() != "as" or ctx.in_quote(before[i - 1].start):
        return None  # '“... as far left as Bernie,” she said, recalling ...': the "as" is quoted
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
    if len(after) > _TAIL_MAX_WORDS or any(
        x.upos in ("VERB", "AUX", "SCONJ") and not _noun_in_ing(after, i) for i, x in enumerate(after)
    ):
        return False
    return (
        not after
        or after[0].upos == "ADP"
        or w.lemma.lower() in ctx.lexicon.hearer_verbs
        or _time_tail(ctx, after)
    )


def _noun_in_ing(after: list[Word], i: int) -> bool:
    """Is ``after[i]`` a noun in -ing the tagger took for a participle, inside a prepositional
    phrase after a determiner or noun ("said in a press briefing on Monday", "at the hearing")?"""
    x = after[i]
    return (
        x.xpos == "VBG" and i > 1 and after[0].upos == "ADP" and after[i - 1].upos in ("DET", "NOUN", "ADJ")
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
        if x.xpos in ("VBD", "VBZ", "VBP", "MD") and x.index > w.index + 1 and not _news_noun(x):
            return None if comma else _finite_subject_start(sent, w, x)
        if not gap_ok(x):
            return None
        comma = comma or x.lemma == ","
    return None


def _news_noun(x: Word) -> bool:
    """Is a word tagged a verb the noun "news" ("told Reuters news agency", "told the AFP news
    agency": the compact tagger reads "news" as a present verb and the hearer as its subject)?"""
    return x.text.lower() == "news"


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
        if _seen_by_aside(sent, x):
            return True
        if x.upos == "PART" and x.lemma.lower() == "to" and x.index > w.index + 1:
            return True  # "wrote in a note to clients that": a preposition the tagger took for "to" + verb
        if x.upos == "VERB" and x.text[:1].isupper() and x.deprel in ("amod", "compound"):
            return True  # "told The Associated Press that": a name's word the tagger took for a participle
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


def _seen_by_aside(sent: Sentence, x: Word) -> bool:
    """Is ``x`` part of a comma-set "seen by POLITICO" aside between a verb's setting and its
    clause ("warned in an internal opinion, seen by POLITICO, that such a move ..."): "seen",
    "obtained" or "reviewed" right after a comma and before "by", or the agent the parse hangs
    on that participle?"""
    if x.deprel == "obl:agent":
        head = sent.head_of(x)
        return head is not None and head is not x and _seen_by_aside(sent, head)
    if x.xpos != "VBN" or x.lemma.lower() not in _SEEN_BY or x.index < 2 or x.index >= len(sent.words):
        return False
    return sent.word(x.index - 1).text == "," and sent.word(x.index + 1).lemma.lower() == "by"


_SEEN_BY = ("see", "obtain", "review")  # how a newsroom says it has read a document it cites


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
        if i and (x.xpos in _FINITE_XPOS or _participle_verb(sent, x)) and not _news_noun(x):
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
    dateline = _DATELINE.match(ctx.text, lo, w.start) or _LEAD_LABEL.match(ctx.text, lo, w.start)
    if dateline is not None:
        lo = dateline.end()  # "Driving the news: Sen. Mark Ellery told ...": not the label
        if subj is not None and subj.start < lo:
            subj = _past_dateline(ctx, s_idx, subj)  # "ISLAMABAD: Minister X said": the apposition
            if subj.start < lo:
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


def _name_over_apposition(ctx: _Context, sent: Sentence, subj: Word, w: Word) -> Word:
    """The name that opens the stretch before the cue when the parse's subject is a common noun
    in a comma-set apposition after it, the comma right before the cue ("Rep. Dana Whitfield
    (R-Ohio), the chair of the House Energy Committee, said the vote ..."; "Marta Oyelaran, the
    president of the council, urged ..."): the compact parser makes the description the subject,
    and a quotation carried from this report would go to the description. Every aside after the
    name must start in lower case ("the", "a", "63"): in "Meanwhile, the sports minister, Greta
    Lindqvist, said" the name is the last aside, and the parse's subject mention holds it."""
    stop = _past_time_words(ctx, sent, w)
    if subj.upos != "NOUN" or subj.index > w.index or not ctx.text[subj.end : stop].rstrip().endswith(","):
        return subj
    named = _name_before_appositions(ctx, sent, _after_dateline(ctx, sent.start, stop), stop)
    if named is None or named.upos != "PROPN" or named.end >= subj.start:
        return subj
    asides = ctx.text[ctx.text.index(",", named.end, stop) + 1 : stop].split(",")
    return subj if any(a.strip()[:1].isupper() for a in asides) else named


def _past_time_words(ctx: _Context, sent: Sentence, w: Word) -> int:
    """Where the stretch before a cue ends once the time words right before it are left out: the
    start of "today" in "Acme Robotics Inc., a leading provider of ..., today announced" (a
    press release's opening), else the cue's own start."""
    stop = w.start
    for x in reversed(sent.words[: w.index - 1]):
        if x.upos not in ("NOUN", "PROPN", "ADV") or not _is_time_word(ctx, x):
            break
        stop = x.start
    return stop


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


def _writer_reports(sent: Sentence, mention: Mention, speaker: Word, w: Word) -> bool:
    """Layout: "I tell myself that ...", "We asked our followers what ...", "I would like to
    announce ...": the writer ("I", "we") as the active subject of the cue itself, or of the verb
    whose infinitive it is. PolNeAR marks first-person narrators of columns, blog posts and Q&As
    as sources (dev +3, tune +9 reports). Not: "we" inside another clause ("proposed we “wake up”
    and said ..."), "I was told that", and a writer's verb in a subordinate clause ("Caldwell
    laughed when I asked him about the gap": the column's question, no source's report)."""
    cue = sent.word(w.index)
    if not _is_writer(mention) or speaker.deprel != "nsubj" or cue.deprel == "advcl":
        return False
    return speaker.head == cue.index or (cue.deprel == "xcomp" and speaker.head == cue.head)


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
    speaker = _name_over_apposition(ctx, sent, _past_dateline(ctx, s_idx, found.speaker), w)
    if _plural_subject_cue(ctx.lexicon, sent, sent.word(w.index)):
        speaker, hi = sent.word(w.index - 1), w.start  # "Some GOP strategists predict": the layout's subject
    elif w.upos == "VERB" and sent.word(w.index).upos == "NOUN" and (subj := _subject_before(sent, w)):
        speaker, hi = subj, w.start  # "Trump calls for", "O'Malley spoke of": a verb the tagger made a noun
    elif w.text[:1].isupper() and speaker.end <= w.start:
        hi = min(hi, w.start)  # "Maher Tells Guest ...": the parse hangs a headline's verb in the name
    mention = _subject_mention(ctx, s_idx, speaker, lo, hi)
    if mention is None or not _writer_reports(sent, mention, speaker, w):
        if (mention is None or not _can_speak(ctx, mention)) and (left := _noun_left_of(ctx, sent, w)):
            mention = _subject_mention(ctx, s_idx, left, lo, hi)  # "Sanders on Tuesday said"
        if (mention is None or not _can_speak(ctx, mention)) and (
            past := _past_fronted_date(ctx, sent, speaker)
        ):
            mention = _subject_mention(
                ctx, s_idx, past, lo, hi
            )  # "Earlier Tuesday, his campaign manager, ..."
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


def _past_fronted_date(ctx: _Context, sent: Sentence, subject: Word) -> Word | None:
    """The speaker the parse hung on a fronted date it made the subject ("Earlier Tuesday, his
    campaign manager, Jeff Weaver, says"; "Late Wednesday, Reyes told"): the date's conjunct or
    apposition, and that word's own apposed name when it has one."""
    if not _is_time_word(ctx, subject):
        return None
    rels = ("appos", "conj")
    found = next(
        (c for c in sent.children(subject) if c.deprel in rels and c.upos in ("PROPN", "NOUN")), None
    )
    if found is None:
        return None
    return next((c for c in sent.children(found) if c.deprel == "appos" and c.upos == "PROPN"), found)


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
            found = _before_run_on_quotation(ctx, found, w)
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


_FULL_STOPS = (".", "?", "!")


def _before_run_on_quotation(ctx: _Context, found: _Reported, cue: Word) -> _Reported:
    """Layout of a sentence the parser ran on into the quotation after it ("Mr. DiPietro said,
    the golf industry was vastly over-supplied with courses. ''It was just waiting ...,'' he
    said."): a content after its cue that holds a full stop right before a quotation opens ends
    before that stop."""
    if found.start < cue.end:
        return found
    words = [x for _, x in ctx.words_between(found.start, found.end)]
    for k, x in enumerate(words[1:-1], start=1):
        nxt = words[k + 1]
        if x.lemma in _FULL_STOPS and ctx.in_quote(nxt.start) and not ctx.in_quote(x.start):
            return replace(found, end=words[k - 1].end)
    return found


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


_VOICED_GAP_UPOS = ("ADJ", "ADV", "NOUN")  # "a cautious note" (tagged NOUN), "an unusually blunt call"
_VOICED_GAP_MAX_WORDS = 3


def _voiced_noun_report(ctx: _Context, s_idx: int, w: Word) -> Attribution | None:
    """Layout: "Pence sounded a positive note about the jobs report", "Cruz made an unprompted call
    for an end to sugar subsidies": a speech noun after "a"/"an" (adjectives between) that a light
    verb voices (lexicon ``voiced_nouns``: the verb and noun, and the prepositions that open the
    content); the speaker is the verb's subject, the content what follows the preposition, up to
    the next comma or dash."""
    sent = ctx.parse.sentences[s_idx]
    if w.index < 3 or w.index >= len(sent.words) or ctx.in_quote(w.start):
        return None
    before = sent.words[max(0, w.index - 2 - _VOICED_GAP_MAX_WORDS) : w.index - 1]  # one past the longest gap
    gap = list(takewhile(lambda x: x.upos in _VOICED_GAP_UPOS, reversed(before)))
    det_at = w.index - 1 - len(gap)
    if len(gap) > _VOICED_GAP_MAX_WORDS or det_at < 2 or sent.word(det_at).lemma.lower() not in ("a", "an"):
        return None
    verb, prep = sent.word(det_at - 1), sent.word(w.index + 1)
    openers = ctx.lexicon.voiced_nouns.get(f"{verb.lemma.lower()} {w.lemma.lower()}", ())
    if verb.upos != "VERB" or prep.lemma.lower() not in openers:
        return None
    subj = _subject_of(ctx, s_idx, verb, sent.start, verb.start)
    words = sent.words[prep.index :]
    stop = next((x for x in words if x.lemma in _OWNED_CLAUSE_END or _opens_adverbial(x)), None)
    content = [x for x in words if (stop is None or x.index < stop.index) and x.upos != "PUNCT"]
    if subj is None or not content or ctx.in_quote(content[0].start, content[-1].end):
        return None
    found = _Reported(content[0].start, content[-1].end, subj, speaker_end=verb.start)
    return _reported_attribution(ctx, s_idx, w, found, CuePattern.INDIRECT_OBJECT)


def _opens_adverbial(x: Word) -> bool:
    """Does ``x`` open an adverbial clause ("... on Monday as he issued a statement", "while",
    "because"), which ends a voiced noun's content? Not "that", which opens the content's own
    clause ("a plea to accept that he's bringing ...")."""
    return x.upos == "SCONJ" and x.lemma.lower() != "that"


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
            made = (
                _owned_noun_report(ctx, s_idx, w) or _voiced_noun_report(ctx, s_idx, w)
                if w.upos == "NOUN"
                else _group_stance(ctx, s_idx, w)
            )
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
        # "TORONTO (Reuters) — CLAUSE, according to X"; "**11:20 a.m.** CLAUSE, according to X"
        dateline = _DATELINE.match(ctx.text, lo, m.start()) or _TIMESTAMP.match(ctx.text, lo, m.start())
        start, end = dateline.end() if dateline else lo, m.start()
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


_PHRASE_END = re.compile(f"[{''.join(_CLAUSE_MARKS)}]")  # a comma, dash or semicolon: :data:`_CLAUSE_MARKS`


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


def _quote_in(ctx: _Context, lo: int, hi: int) -> bool:
    """Does a quotation start in [lo, hi) or end in (lo, hi]? (Two bisections.)"""
    starts = bisect_left(ctx.quote_starts, lo) < bisect_left(ctx.quote_starts, hi)
    return starts or bisect_right(ctx.quote_ends, lo) < bisect_right(ctx.quote_ends, hi)


def _quote_covers(ctx: _Context, lo: int, hi: int) -> bool:
    """Does one quotation span all of [lo, hi)? (Of the quotations starting by ``lo``, the one
    reaching furthest.)"""
    i = bisect_right(ctx.quote_starts, lo) - 1
    return i >= 0 and ctx.quote_reach[i] >= hi
