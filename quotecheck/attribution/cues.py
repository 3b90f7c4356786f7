"""Attribution: cue verbs and the speaker mention at a cue, the patterns tried after and before
a quotation (:data:`POST_PATTERNS`, :data:`PRE_PATTERNS`) and the choice between them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import islice, takewhile

from ..lexicons import Lexicon
from ..mentions import (
    WRITER_PRONOUNS,
    Mention,
    is_group_quantifier,
    is_time_text,
    is_time_word,
    make_mention,
    name_mention,
    np_head,
)
from ..parsing import Sentence, Word
from ..quotes import QuoteSpan
from ..vocab import CuePattern, MentionKind
from ._base import (
    _ACCORDING_MAX_WORDS,
    _CLAUSE_CLIMB_MAX,
    _OVER_OBJECT_XPOS,
    POST_CUE_LONG_WINDOW,
    POST_CUE_MAX_WORDS,
    SUBJECT_RELS,
    Cue,
    _Context,
    _cut_by_previous,
    _Frame,
    _frame,
    _quoted_besides_nicknames,
    _sentence_bounds,
)


def _is_cue_verb(ctx: _Context, w: Word) -> bool:
    if not _is_speech_verb(ctx.lexicon, w) or _prenominal_participle(ctx, w):
        return False
    if w.upos in ("VERB",):
        return True
    # the tagger sometimes calls "said" an adjective or auxiliary
    return w.upos in ("AUX", "ADJ", "NOUN") and w.xpos.startswith("VB")


def _prenominal_participle(ctx: _Context, w: Word) -> bool:
    """A participle modifying the document noun right after it ("said in an emailed statement",
    "a written reply") names the kind of document, not a report: the statement's speaker is the
    subject of the verb the phrase hangs on."""
    if w.deprel != "amod" or w.xpos != "VBN":
        return False
    s_idx = ctx.parse.sentence_at(w.start)
    sent = ctx.parse.sentences[s_idx] if s_idx is not None else None
    if sent is None or w.head != w.index + 1 or w.head > len(sent.words):
        return False
    return sent.word(w.head).lemma.lower() in ctx.lexicon.document_nouns


def _is_speech_verb(lex: Lexicon, w: Word) -> bool:
    """Is ``w`` a form of a speech verb (lexicon ``speech_verbs``), by its lemma or its form?"""
    return _speech_verb_lemma(lex, w.lemma.lower(), w.text.lower()) is not None


def _cue_lemma(lex: Lexicon, w: Word) -> str:
    """The lemma a cue made of ``w`` reports: the speech verb's lexicon lemma where the compact
    lemmatizer mangled it ("implored" -> "implore", not "implor"), so that what reads the cue's
    lemma (loaded verbs, the report) sees the word; else the parse's lemma."""
    lemma = w.lemma.lower()
    return _speech_verb_lemma(lex, lemma, w.text.lower()) or lemma


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
        before = [c for c in before if not _of_which_aside(sent, c)] or before
        subj = max(before, key=lambda c: c.index) if before else min(subjects, key=lambda c: c.index)
        if subj.lemma.lower() in _RELATIVE_PRONOUNS and verb.deprel == "acl:relcl":
            return sent.head_of(verb)  # "Baylor, who wrote the measure, ...": the relative's antecedent
        return subj
    outer = _reporter_of_content(ctx, sent, verb)
    if outer is not None and depth < 2:  # "X said the police were capable ..., adding that": X
        return _subject_of(ctx, s_idx, outer, lo, hi, depth + 1)
    head = sent.head_of(verb)
    own = (  # not the subject of the clause the parse hangs the verb on:
        _absolute_with_subject(sent, verb, head, lo)  # ", with 30 percent of voters saying ..."
        or _nearer_clause_subject(ctx, sent, verb, head, lo)  # "..., while the Reporter was cooler, calling"
        or _stray_conjunct_subject(sent, verb, lo)  # "..., and several critics there described it"
    )
    if own is not None:
        return own
    if depth < 2 and head is not None and verb.deprel in ("advcl", "xcomp", "conj", "parataxis", "acl"):
        # "After saying ... “Q,” she was “whisked”": a quoted head's subject
        return _subject_of(ctx, s_idx, head, lo, hi, depth + 1)
    return None


def _of_which_aside(sent: Sentence, c: Word) -> bool:
    """Does the subject open a relative aside ("A slide deck ..., a copy of which was obtained by this
    newsletter, says": "copy" is a second subject of the parse's)? Such a noun is never the sayer."""
    nxt = [sent.word(i).text.lower() for i in (c.index + 1, c.index + 2) if i <= len(sent.words)]
    return nxt[:1] == ["of"] and nxt[1:] in (["which"], ["whom"])


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
# a nested quotation's closing mark may be left before the name: ''Q - 'Oh, Q2,''' Steve Rosenthal, ...
_APPOSED = re.compile(r"\s*,?['’]?\s*([A-Z][^,]*?),(?:[^,]+,)+\s*$")


def _name_before_appositions(ctx: _Context, sent: Sentence, lo: int, stop: int) -> Word | None:
    """The name that opens a subject with comma-set appositions, which the compact parser cuts
    short: the last apposition's noun ("the EPA") is not the speaker. An opening phrase set off
    by a comma ("In October, Mr. Paulson, who ..., told"; "Earlier this week, Clinton, ...")
    is skipped."""
    m = _APPOSED.fullmatch(ctx.text, lo, stop)
    if m is None or _quoted_besides_nicknames(ctx, lo, stop):
        return None  # Earvin “Buddy” Lacroix, the captain, told: a nickname is part of the name
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

    @staticmethod
    def at_word(ctx: _Context, w: Word, speaker: Mention | None) -> _Found:
        """The cue verb ``w`` as written, with its lexicon lemma (:func:`_cue_lemma`)."""
        return _Found(w.start, w.end, ctx.text[w.start : w.end], _cue_lemma(ctx.lexicon, w), speaker)


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


def _absolute_with_subject(sent: Sentence, verb: Word, head: Word | None, lo: int) -> Word | None:
    """The noun of an absolute "with" phrase that a gerund cue completes (", with 30 percent of
    voters saying they ...", ", with three in 10 saying ..."): the parse hangs the noun on the
    clause's verb beside the gerund, so the clause's subject ("Mr. Trump") would be taken. Only
    where a comma or the sentence's start comes before "with" ("met with reporters saying" is not
    one), and no comma or verb lies between the noun and the gerund."""
    if verb.xpos != "VBG" or verb.deprel != "advcl" or head is None:
        return None
    for i in range(verb.index - 1, 0, -1):
        w = sent.word(i)
        if w.start < lo or w.upos in ("PUNCT", "VERB", "AUX"):
            return None
        case = [c for c in sent.children(w) if c.deprel == "case" and c.lemma.lower() == "with"]
        if case and w.upos in ("NOUN", "PROPN", "NUM", "PRON") and sent.head_of(w) in (head, verb):
            before = sent.word(case[0].index - 1) if case[0].index > 1 else None
            return w if before is None or before.text == "," else None
    return None


def _nearer_clause_subject(
    ctx: _Context, sent: Sentence, verb: Word, head: Word | None, lo: int
) -> Word | None:
    """The subject of a clause the parse hangs beside a gerund cue, right before its comma ("A
    called it “Q,” while the Hollywood Reporter was cooler, calling ..."): the gerund goes on from
    the nearer clause, not from the verb both hang on. Only for a clause between that verb and the
    gerund, ending at the comma before it, with a nominal subject of its own."""
    if verb.xpos != "VBG" or verb.deprel != "advcl" or head is None or verb.index < 3:
        return None
    comma = sent.word(verb.index - 1)
    if comma.text != ",":
        return None
    for clause in sent.children(head):
        if clause.deprel != "advcl" or not head.index < clause.index < verb.index:
            continue
        if max(w.index for w in sent.subtree(clause)) != comma.index - 1:
            continue
        subjects = [c for c in _subjects(sent, clause) if c.upos in ("NOUN", "PROPN")]
        if subjects and subjects[0].start >= lo and not ctx.in_quote(subjects[0].start, subjects[0].end):
            return subjects[0]
    return None


def _stray_conjunct_subject(sent: Sentence, verb: Word, lo: int) -> Word | None:
    """ "Audiences gave it an ovation, and several critics there described it as “Q”": the parse
    makes the noun after "and" a conjunct of the first verb, and the second verb a conjunct
    with no subject; the noun, between "and" and the verb with no verb between, is its subject."""
    if verb.deprel != "conj":
        return None
    for i in range(verb.index - 1, 0, -1):
        w = sent.word(i)
        if w.start < lo or w.upos in ("VERB", "AUX", "PUNCT", "CCONJ"):
            return None
        if w.deprel == "conj" and w.head == verb.head and w.upos in ("NOUN", "PROPN"):
            return w
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


def _name_after_split_its(ctx: _Context, s_idx: int, subj: Word | None) -> tuple[Word, int, int] | None:
    """ "Its director-general, Christel Delberghe, said ...": the compact tokenizer reads a
    sentence's "Its" as "It" + "s" and the parse makes the pronoun the subject. When the subject
    is such a split "It" and the words between the first two commas after it are a proper name
    followed by a verb, that name is the speaker: its head and the span it must stay within."""
    if subj is None or subj.text.lower() != "it":
        return None
    words = ctx.parse.sentences[s_idx].words
    after = words[subj.index :]
    if len(after) < 5 or after[0].text.lower() != "s" or after[0].start != subj.end:
        return None
    commas = [i for i, w in enumerate(after) if w.text == ","][:2]
    if len(commas) < 2 or commas[0] < 2 or commas[1] + 1 >= len(after):
        return None
    name = after[commas[0] + 1 : commas[1]]
    if not name or after[commas[1] + 1].upos not in ("VERB", "AUX"):
        return None
    if not all(w.upos == "PROPN" and w.text[:1].isupper() for w in name):
        return None
    if ctx.in_quote(name[0].start, name[-1].end):
        return None
    return name[-1], name[0].start, name[-1].end


_RUN_JOINERS = ("and", "of", "&")


def _titled_name_in_run(ctx: _Context, s_idx: int, subj: Word | None) -> tuple[Word, int, int] | None:
    """ "Domestic Trade and Cost of Living Minister Datuk Armizan Mohd Ali said": the parse makes
    a word of the portfolio the subject and cuts the run at "and". When the subject's proper noun
    opens a run of capitalised words (with "and"/"of") up to the first lower-case word, and a
    title in the run has a proper name after it, that titled name is the speaker: a word of it
    and its span."""
    if subj is None or subj.upos != "PROPN":
        return None
    run = list(
        takewhile(
            lambda w: w.text[:1].isupper() or w.text in _RUN_JOINERS,
            ctx.parse.sentences[s_idx].words[subj.index :],
        )
    )
    titles = [i for i, w in enumerate(run[:-1]) if w.text in ctx.lexicon.titles]
    if not titles or not any(w.text in _RUN_JOINERS for w in run[: titles[-1]]):
        return None
    name = run[titles[-1] + 1 :]
    if not all(w.upos == "PROPN" for w in name) or ctx.in_quote(run[titles[-1]].start, name[-1].end):
        return None
    return name[0], run[titles[-1]].start, name[-1].end


def _name_in_subject_run(ctx: _Context, s_idx: int, subj: Word | None) -> tuple[Word, int, int] | None:
    """The proper name the parse left out of a subject it cut short (:func:`_name_after_split_its`,
    :func:`_titled_name_in_run`): a word of it and the span it must stay within; None otherwise."""
    return _name_after_split_its(ctx, s_idx, subj) or _titled_name_in_run(ctx, s_idx, subj)


def _cue_from_verb(ctx: _Context, s_idx: int, verb: Word, lo: int, hi: int) -> _Found:
    gerund = _gerund_speaker(ctx, s_idx, verb, lo)
    if gerund is not None:
        hi = min(hi, verb.start)  # the mention stops at the cue: "footage of X asking" -> X
    subj = _passive_agent(ctx, s_idx, verb) or gerund or _subject_of(ctx, s_idx, verb, lo, hi)
    if subj is not None:
        subj = _past_dateline(ctx, s_idx, subj)
    if subj is None or not _plausible_subject(ctx, s_idx, verb, subj, lo, hi):
        subj = _surface_subject(ctx, s_idx, verb, lo, hi) or subj
    apposed = _name_in_subject_run(ctx, s_idx, subj)
    if apposed is not None:
        subj, lo, hi = apposed
    mention = None
    if subj is not None:
        if verb.upos == "NOUN" and subj.start < verb.start:
            hi = min(hi, verb.start)  # “Q,” the contract states: the tagger's noun is the cue, no head
        subj = np_head(ctx.parse.sentences[s_idx], subj, lo, hi)
        mention = make_mention(ctx, s_idx, subj, lo, hi)
        if mention is not None and _is_writer(mention):
            mention = None  # first person outside quotations: the reporter or an editorial "we"
    mention = _relative_speaker(ctx, s_idx, verb, mention, lo)
    return _Found.at_word(ctx, verb, mention)


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


def _reporter_of_content(ctx: _Context, sent: Sentence, verb: Word) -> Word | None:
    """For a reporting participle the parse hung on the clause another reporting verb reports
    ("Gandapur said the police were capable of handling it, adding that ...": "adding" on
    "capable"), that outer verb, whose subject also adds; None otherwise."""
    if verb.deprel != "advcl" or verb.xpos != "VBG" or verb.lemma.lower() not in ctx.lexicon.speech_verbs:
        return None
    head = sent.head_of(verb)
    if head is None or head.deprel != "ccomp":
        return None
    outer = sent.head_of(head)
    if outer is None or outer.index > head.index or outer.lemma.lower() not in ctx.lexicon.speech_verbs:
        return None
    return outer


def _past_dateline(ctx: _Context, s_idx: int, subj: Word) -> Word:
    """The subject behind a dateline ("WASHINGTON -- President Obama, ..., said", which the parse
    reads as "WASHINGTON" with "Obama" in apposition): the apposition. Dev 784 -> 785 of 870,
    held-out kept."""
    sent = ctx.parse.sentences[s_idx]
    if not _is_dateline(sent, subj):
        return subj
    return next((c for c in sent.children(subj) if c.deprel == "appos"), subj)


def _is_dateline(sent: Sentence, w: Word) -> bool:
    """Is ``w`` a dateline's place ("WASHINGTON —", HuffPost's "WASHINGTON ―", Reuters'
    "WASHINGTON -"): a word in capitals before a dash? Opening its sentence, also before a colon
    ("ISLAMABAD: Federal Minister ... said": Pakistani and Malaysian papers)."""
    nxt = sent.word(w.index + 1) if w.index < len(sent.words) else None
    if not (w.text.isupper() and len(w.text) > 1 and nxt is not None):
        return False
    return nxt.text in ("--", "—", "–", "―", "-") or (w.index == 1 and nxt.text == ":")


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
        return _Found.at_word(ctx, verb, mention)
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
        return _Found.at_word(ctx, w, mention)
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
    if " (" in name:  # "Name (@handle) date", a tweet's credit: the handle and date describe nobody
        name, rest = name[: name.index(" (")], ""
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


def _is_writer(m: Mention) -> bool:
    """ "I", "we" outside quotations: the writer, whom no source stands for."""
    return m.kind == MentionKind.PRONOUN and m.head_lemma in WRITER_PRONOUNS


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


def _glossed(ctx: _Context, q: QuoteSpan) -> bool:
    """Does a noun phrase that names the quoted words follow the quotation ("“innovative solutions,”
    a phrase capitals have used to describe ...", lexicon ``gloss_nouns``)? The verb after it is
    the gloss's, not a cue for the quotation."""
    found = _GLOSS.match(ctx.text, q.end)
    nouns = ctx.lexicon.gloss_nouns
    return found is not None and any((w or "").lower() in nouns for w in found.groups())


# a determiner and the noun that may name the quoted words, or a modifier and then the noun
_GLOSS = re.compile(r",?[ \t]+(?:an?|the)[ \t]+([\w-]+)(?:[ \t]+([\w-]+))?", re.IGNORECASE)


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
        if (
            found is not None
            and found.speaker is not None
            and not _relayed_by_own(match.speaker, found.speaker)
        ):
            return _Match(found.cue(CuePattern.ACCORDING_TO), found.speaker)
    return match


def _relayed_by_own(speaker: Mention, relay: Mention) -> bool:
    """Is the "according to" source one that names the speaker as its owner ("Moreno said,
    according to a Moreno spokesman", "according to Moreno's office"): the speaker's words passed
    on by his own staff, not a report that quotes him?"""
    names = {x for x in speaker.words if x[:1].isupper()}
    return bool(names) and any(
        x in names or x.removesuffix("'s").removesuffix("’s") in names for x in relay.words
    )


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
    named = _name_in_subject_run(ctx, s_idx, subj)
    if named is not None:
        subj, lo, hi = named
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


def _poll_over_share(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Speaker for a share of the people asked ("75 percent of Republicans said “Q”"): the poll
    or study named before it in its sentence ("In a Post-ABC News poll, 75 percent ...", "The Q
    poll also finds that 37 percent say “Q”"), whose finding the share's words are (PolNeAR marks
    the poll). A share with no such document in its sentence stays the speaker."""
    if match is None or match.speaker is None or match.cue.pattern not in _VERB_PATTERNS:
        return match
    share = match.speaker
    if share.head_lemma.lower() not in ctx.lexicon.share_nouns:
        return match
    sent = ctx.parse.sentences[share.sentence]
    lo = sent.words[0].start
    nouns = [
        w
        for _, w in ctx.words_between(lo, share.start)
        if w.upos in ("NOUN", "PROPN")
        and w.lemma.lower() in ctx.lexicon.document_nouns
        and not ctx.in_quote(w.start)
    ]
    if not nouns:
        return match
    poll = make_mention(ctx, share.sentence, np_head(sent, nouns[-1], lo, share.start), lo, share.start)
    return match if poll is None else _Match(match.cue, poll)


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
    if not _cut_by_previous(ctx, qi, frame):
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
    cue = Cue(verb.start, verb.end, verb.text, _cue_lemma(ctx.lexicon, verb), CuePattern.PRE_VERB)
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


def _name_past_described_speaker(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """After a quotation, an inverted verb whose speaker the parse cut off inside a description
    that ends in a name ("“Q,” said Hawks guard Terrell Ames, who ...": the tagger's "guard" is a
    verb, so the subject found was the team, "Hawks"): the name that ends the run is the speaker
    and the words before it its description (:func:`_described_name_after`)."""
    if match is None or match.speaker is None or match.cue.pattern != CuePattern.POST_VERB:
        return match
    s_idx, verb = _cue_word(ctx, match.cue)
    speaker = match.speaker
    if s_idx is None or verb is None or not q.end <= verb.start < speaker.start:
        return match
    named = _described_name_after(ctx, s_idx, verb.end, frame.post[1])
    if named is None or named.description is None:
        return match
    lo, hi = named.description
    return _Match(match.cue, named) if lo <= speaker.start and speaker.end <= hi else match


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
    if _glossed(ctx, q):
        return match  # "call for “innovative solutions,” a phrase capitals have used to describe"
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


def _embedded(ctx: _Context, q: QuoteSpan, frame: _Frame) -> bool:
    """Is the quotation part of the reporter's sentence (words before it that are not just an
    attribution ending in a comma or colon)?"""
    before = ctx.text[frame.pre[0] : q.start].strip()
    return (
        bool(before)
        and not before.endswith((",", ":", ";", "—", "–", "-"))
        and not re.search(r"\b(?:that|as|saying)$", before)
    )


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


def _modified_date(ctx: _Context, m: Mention) -> bool:
    """Is a name of several words a weekday or month after adjectives, adverbs or determiners only
    ("Late Wednesday", "Early Monday", "Last June"): a fronted time the parse made the subject, not
    a person ("Theresa May" has a proper noun before the month)?"""
    sent = ctx.parse.sentences[m.sentence]
    before = [w for w in sent.words if m.start <= w.start and w.end < m.end]
    return bool(before) and all(w.upos in ("ADJ", "ADV", "DET") for w in before)


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
        if word in lex.calendar_words and len(m.words) > 1:
            return not _modified_date(ctx, m)  # "Late Wednesday, Reyes told reporters"
        return word not in lex.calendar_words or _calendar_surname(ctx, word)
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
