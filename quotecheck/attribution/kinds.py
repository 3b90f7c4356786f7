"""Attribution: what kind of quotation each span is (direct, partial, scare, title) and the
quotations embedded in a reported clause."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection

from ..mentions import (
    POSSESSIVE_S,
    Mention,
    given_name_gender,
    make_mention,
    name_gender,
    name_mention,
    surname,
)
from ..parsing import Word
from ..quotes import QuoteSpan
from ..vocab import CuePattern, MentionKind, QuoteKind
from ._base import (
    _FINITE_XPOS,
    _OVER_OBJECT_XPOS,
    DIRECT_MIN_WORDS,
    Cue,
    _Context,
    _cut_by_previous,
    _Frame,
)
from .cues import (
    _RELATIVE_WORDS,
    _SUBORDINATORS,
    _VERB_PATTERNS,
    PRE_PATTERNS,
    _capitalised_run,
    _climb,
    _comma_before,
    _cue_from_verb,
    _cue_word,
    _described_name_after,
    _embedded,
    _first_match,
    _is_time_word,
    _joins_clause,
    _main_clause_subject,
    _Match,
    _name_after_verb,
    _name_left_of_verb,
    _non_punct,
    _opening_stretch,
    _passive_agent,
    _role_word,
    _span_head,
    _subject_mention,
    _subject_of,
    _subjects,
    _thing_mention,
    _verb_cues,
    _with_speaker,
    _writer_or_it,
)


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
        return QuoteKind.TITLE if _titled(inner, ctx.lexicon.title_small_words) else QuoteKind.SCARE
    if runs_on or n_words >= DIRECT_MIN_WORDS or re.search(r"[.!?…,]$", inner) or has_cue:
        return QuoteKind.DIRECT
    return QuoteKind.TITLE if _titled(inner, ctx.lexicon.title_small_words) else QuoteKind.SCARE


def _titled(inner: str, small_words: frozenset[str]) -> bool:
    """A name in quotation marks inside the writer's sentence: a title in title case, or one
    capitalised word ("Netflix has canceled “Starfall,” its space opera"; a show, film or
    product), where scare quotes hold lower-case words ("so-called “reform”")."""
    return _title_case(inner, small_words) or _TITLE_WORD.fullmatch(inner) is not None


_TITLE_WORD = re.compile(r"[A-Z][\w’'-]*[A-Za-z0-9][,.]?")


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


def _verb_after_speaker(
    ctx: _Context, match: _Match | None, patterns: Collection[CuePattern]
) -> tuple[int, Word] | None:
    """The sentence and cue verb of ``match`` when its pattern is one of ``patterns``, the verb is
    no gerund and the matched speaker stands before it: where both inverted-verb layouts start."""
    if match is None or match.speaker is None or match.cue.pattern not in patterns:
        return None
    s_idx, verb = _cue_word(ctx, match.cue)
    if s_idx is None or verb is None or verb.xpos == "VBG" or match.speaker.end > verb.start:
        return None
    return s_idx, verb


def _inverted_after_comma(ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None) -> _Match | None:
    """Layout: "The paradox of Nancy, says Carl Anthony, historian at ..., is that"; "“Q” for the
    EU, said Geert Wilders, founder of ...". A speech verb right after a comma, with a name right
    after it that the parse also makes its subject, is set off as an inverted aside: the name is
    the speaker, not a noun before the comma (which the parse gives the verb as a second subject)."""
    found = _verb_after_speaker(ctx, match, _VERB_PATTERNS)
    if match is None or found is None:
        return match
    s_idx, verb = found
    sent = ctx.parse.sentences[s_idx]
    if verb.index < 2 or sent.word(verb.index - 1).lemma != ",":
        return match
    end = min(sent.end, q.start if verb.end <= q.start else frame.post[1])
    mention = _name_after_verb(ctx, s_idx, verb, end)
    if mention is None or ctx.text[mention.end : mention.end + 1] not in _INVERTED_NAME_ENDS:
        return match  # "Steve Huhn, ..., said Fiorina “was ...”": the name opens the reported clause
    subjects = [c for c in _subjects(sent, verb) if mention.start <= c.start < mention.end]
    return _Match(match.cue, mention) if subjects else match


_INVERTED_CUE_PATTERNS = (CuePattern.PRE_VERB, CuePattern.POST_VERB, CuePattern.COLON_INTRO)


def _inverted_without_subject(
    ctx: _Context, q: QuoteSpan, frame: _Frame, match: _Match | None
) -> _Match | None:
    """Layout: "In other words, explained CBS moderator Nancy Cordes: “Q”"; "Because of how
    Democrats crafted the schedule, explained Rosenberg, “Q”". A speech verb right after a comma
    (or a comma and a closing mark) that the parse gives no subject at all, with a name right after
    it closed by punctuation, is inverted: the name speaks, not a noun before the comma (the
    parse took the name for the verb's object or complement)."""
    found = _verb_after_speaker(ctx, match, _INVERTED_CUE_PATTERNS)
    if match is None or found is None:
        return match
    s_idx, verb = found
    sent = ctx.parse.sentences[s_idx]
    if verb.upos != "VERB" or _comma_before(sent, verb) is None or _subjects(sent, verb):
        return match
    if verb.lemma.lower() in ctx.lexicon.hearer_verbs:
        return match  # "an intelligence source, who was not authorized ..., told Fox News."
    end = min(sent.end, q.start if verb.end <= q.start else frame.post[1])
    colon = ctx.text.find(":", verb.end, end)
    end = end if colon < 0 else colon  # "explained Nancy Cordes: “Q”": the name stops at the colon
    runs = (_capitalised_run(ctx, s_idx, verb.end, end), _described_name_after(ctx, s_idx, verb.end, end))
    mention = next((m for m in runs if m and ctx.text[m.end : m.end + 1] in _INVERTED_NAME_ENDS), None)
    if mention is None or any(_is_time_word(ctx, w) for w in sent.within(mention.start, mention.end)):
        return match  # "McConnell, R-Ky., said Tuesday."
    return _Match(match.cue, mention)


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
    return None if _cut_by_previous(ctx, bisect_left(ctx.quote_starts, q.start), frame) else match


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
