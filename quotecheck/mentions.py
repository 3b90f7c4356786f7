"""Mentions: where a text refers to a possible source, found from the parse and the surface.

A :class:`Mention` is one reference as written: a name ("Gen. James Jones"), a descriptor
("a NATO source who spoke on background"), a pronoun ("he") or a nominal ("the source").
Attribution (:mod:`quotecheck.attribution`) builds the speaker mention at each cue with
:func:`make_mention`; source clustering (:mod:`quotecheck.sources`) asks a
:class:`MentionFinder` for mentions no cue points at: the name a pronoun takes up, the
indefinite phrase that introduced a nominal's referent, the fullest form of a name, the gender
a given name implies. The word lists (pronouns, name particles, calendar words, determiners)
are :class:`~quotecheck.lexicons.Lexicon` fields.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .documents.blocks import paragraph_spans
from .lexicons import Lexicon
from .parsing import Parse, Sentence, Word
from .quotes import QuoteSpan
from .vocab import MentionKind

# Dependency relations of a noun phrase's own words, and of the descriptions hanging on it.
MENTION_RELS = {
    "det",
    "amod",
    "compound",
    "flat",
    "flat:name",
    "nummod",
    "nmod:poss",
    "det:poss",
    "case",
    "nmod",
    "nmod:npmod",
    "advmod",
    "obl",
    "fixed",
    "goeswith",
    "compound:prt",
    "nmod:tmod",
    "acl",
    "cc:preconj",
}
DESCRIPTION_RELS = {"appos", "acl:relcl"}
# The relations a proper noun can have to be the name a later pronoun takes up.
NAME_ANTECEDENT_RELS = ("nsubj", "nsubj:pass", "flat", "appos", "compound", "conj", "obj", "nmod:poss")
# A possessive ending the parser tags as a case marker ("Mr. Ban's watch"): no preposition.
POSSESSIVE_S = ("'s", "’s")  # the possessive ending as a token or a word's end
POSSESSIVE_MARKS = (*POSSESSIVE_S, "'", "’")  # also the bare apostrophe ("the Smiths'")
WRITER_PRONOUNS = ("i", "we")  # outside quotations: the writer (or the newsroom), whom no source stands for


@dataclass(frozen=True)
class Mention:
    """A mention of a source as written: a name, a descriptor, a pronoun or a nominal."""

    start: int
    end: int
    text: str
    kind: MentionKind
    head_lemma: str
    head_upos: str
    number: str  # "sing" | "plur"
    definite: bool
    sentence: int
    words: tuple[str, ...] = ()  # the words of the mention (for name matching)
    ner: str = "O"
    description: tuple[int, int] | None = None  # span of an apposition / relative clause
    # for a relative pronoun ("Plouffe, who called Trump “...”"): the mention it stands for
    antecedent: Mention | None = None


@dataclass
class ArticleText:
    """An article's text with its parse and quotations, indexed for the questions mention
    building asks: which words lie between two offsets, is a span inside a quotation."""

    text: str
    parse: Parse
    lexicon: Lexicon
    quotes: list[QuoteSpan]  # sorted by start
    word_starts: list[int] = field(default_factory=list)
    flat_words: list[tuple[int, Word]] = field(default_factory=list)
    quote_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.flat_words = list(self.parse.words)
        self.word_starts = [w.start for _, w in self.flat_words]
        self.quote_starts = [q.start for q in self.quotes]

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """Does [start, end) lie inside (or overlap) a quotation?"""
        end = start + 1 if end is None else end
        i = bisect_right(self.quote_starts, start) - 1
        return any(q.start < end and start < q.end for q in self.quotes[max(0, i) : i + 2])

    def words_between(self, start: int, end: int) -> list[tuple[int, Word]]:
        """(sentence index, word) pairs for the words starting in [start, end)."""
        i = bisect_left(self.word_starts, start)
        out = []
        while i < len(self.flat_words) and self.flat_words[i][1].start < end:
            out.append(self.flat_words[i])
            i += 1
        return out


@lru_cache(maxsize=8)
def _knowledge_tail(tails: tuple[str, ...], stops: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\s+(?:{'|'.join(tails)})\b(?:\s+(?!(?:{'|'.join(stops)})\b)[\w’'-]+){{1,6}}")


def knowledge_tail(lex: Lexicon) -> re.Pattern:
    """The pattern of a knowledge phrase right after a descriptor (" familiar with the talks"):
    one of ``lex.knowledge_tails`` and up to six more words, none a stop word."""
    return _knowledge_tail(lex.knowledge_tails, lex.knowledge_tail_stops)


# ---------------------------------------------------------------------------------- at a cue


def _capitalised_office(words: Sequence[Word], head: Word, lex: Lexicon) -> bool:
    """ "the Prime Minister", "the Taoiseach", "the Premier": British and Commonwealth papers
    capitalise an office after "the"; it is a description of the person who holds it (like
    "the prime minister"), not an organization's name like "the Pentagon"."""
    return (
        len(words) > 1
        and words[0].text.lower() == "the"
        and words[-1] is head
        and head.text.lower() in lex.identified_roles
        and all(w.text[:1].isupper() for w in words[1:])
    )


def _collect_mention_words(sent: Sentence, head: Word, lo: int, hi: int, lex: Lexicon) -> list[Word]:
    """The head and its noun-phrase dependents (not appositions or relative clauses),
    restricted to [lo, hi)."""
    keep = [head]
    stack = [head]
    while stack:
        w = stack.pop()
        for c in sent.children(w):
            if c.deprel in DESCRIPTION_RELS or c.deprel == "punct":
                continue
            joining = c.deprel.startswith("conj") or c.deprel == "cc"
            if joining and not _joined_in_name(head, w, c, lex):
                continue
            clause = c.deprel == "acl" and _clause_verb(sent, c, lex)
            office = _office_word(head, w, c, lex)
            if not joining and not office and (c.deprel not in MENTION_RELS or clause):
                continue
            # "Alternative for Germany (AfD)": a short name in brackets after the phrase closes one name
            if (
                head.upos == "PROPN"
                and c.deprel in ("nmod", "acl", "obl")
                and c.start > head.end
                and not (
                    c.deprel == "nmod"
                    and _named_by(sent, c)
                    and (head.text in lex.org_of_heads or _bracketed_short_name(sent, c.index + 1))
                )
            ):
                # "Jones of ..." / "Jones, who ...": keep names short ("Department of Health" stays)
                continue
            if c.start < lo or c.end > hi:
                continue
            keep.append(c)
            stack.append(c)
    keep.sort(key=lambda w: w.index)
    # keep the contiguous run around the head
    idx = {w.index for w in keep}
    first = last = head.index
    while first - 1 in idx or (
        first - 1 >= 1
        and sent.word(first - 1).deprel == "punct"
        and first - 2 in idx
        and sent.word(first - 1).end - sent.word(first - 1).start == 1
        and sent.word(first - 1).lemma in "-.'’"
    ):
        first -= 1
    while last + 1 in idx or (
        last + 1 <= len(sent.words)
        and last + 2 in idx
        and (
            (sent.word(last + 1).deprel == "punct" and sent.word(last + 1).lemma in "-.'’")
            or _title_between(sent.word(last + 1), idx)
        )
    ):
        last += 1
        if _bracketed_short_name(sent, last + 1) and last + 4 in idx:
            last += 3  # "Federation of ... Associations (Fomca) president ...": the run goes on
    return [w for w in sent.words if first <= w.index <= last]


def _correlative_opening(sent: Sentence, words: list[Word], text: str, lex: Lexicon) -> bool:
    """Does the run open with the first word of a correlative pair that the compact parse took for
    a name ("Neither Delgado nor Nguyen would say": "Neither" a proper noun lemmatised "neither",
    heading "Delgado")? Such a word (lexicon ``quantifiers``) is no part of the name when a proper
    word follows it and its "nor"/"or" comes later in the sentence."""
    if len(words) < 2 or not _lowered_propn(words[0], text, lex) or words[0].lemma not in lex.quantifiers:
        return False
    pair = {"neither": "nor", "either": "or"}.get(words[0].lemma)
    return _proper_word(words[1], text, lex) and any(
        w.lemma == pair and w.deprel == "cc" for w in sent.words if w.index > words[1].index
    )


def _bracketed_short_name(sent: Sentence, index: int) -> bool:
    """Are the words from ``index`` one capitalised word in brackets, an organization's short
    name written after its full name ("Federation of Malaysian Consumers Associations (Fomca)")?"""
    if index + 2 > len(sent.words):
        return False
    opening, short, closing = sent.word(index), sent.word(index + 1), sent.word(index + 2)
    return opening.text == "(" and closing.text == ")" and short.upos == "PROPN" and short.text[:1].isupper()


def _named_by(sent: Sentence, nmod: Word) -> bool:
    """Is a phrase after an organization's head part of its name: "of" or "for" ("Department of
    Health and Human Services"; also a phrase the parse gave no preposition), not a host or place
    ("the Roper Center for Public Opinion Research at Cornell University")?"""
    return all(k.lemma.lower() in ("of", "for") for k in sent.children(nmod) if k.deprel == "case")


def _office_word(head: Word, parent: Word, child: Word, lex: Lexicon) -> bool:
    """Is a capitalised word the parse hung as a description (``nmod:desc``) on a word below a
    title's head part of the titled name: "Superintendent of Police S. K. Gupta", where the
    compact parse makes "Police" describe the initial "S." after it? Below the head only: what
    describes the head itself is no part of its name."""
    return (
        child.deprel == "nmod:desc"
        and parent is not head
        and head.text in lex.org_of_heads
        and child.upos == "PROPN"
        and child.text[:1].isupper()
    )


def _joined_in_name(head: Word, parent: Word, child: Word, lex: Lexicon) -> bool:
    """Is a conjunct (or its "and") inside the phrase an organization's name keeps ("Centers for
    Disease Control and Prevention", "Department of Health and Human Services"): below a word of
    that phrase, not below the name's head, where "and" joins two sources? Or a company's
    abbreviated suffix after "and" (:func:`_company_conjunct`: "Pacific Gas and Electric Co.")?"""
    if _company_conjunct(head, parent if child.deprel == "cc" else child, lex):
        return True
    if _organization_conjunct(head, parent, child, lex):
        return True
    if parent is head or head.upos != "PROPN" or head.text not in lex.org_of_heads:
        return False
    return child.deprel == "cc" or (child.upos == "PROPN" and child.text[:1].isupper())


def _organization_conjunct(head: Word, parent: Word, child: Word, lex: Lexicon) -> bool:
    """ "The UK's Competition and Markets Authority": the parse makes the name's first word (a
    capitalised common noun, no name of its own) the head and the rest after "and" its conjunct.
    A proper-noun conjunct of such a head that is an organization word, or the "and" right after
    the head inside that conjunct, belongs to one organization's name, not to a second source."""
    if not (head.upos in ("NOUN", "PROPN") and head.text[:1].isupper() and head.lemma[:1].islower()):
        return False
    if child.deprel == "cc":
        return parent is not head and parent.index > head.index and child.index == head.index + 1
    return (
        child.deprel == "conj"
        and parent is head
        and child.upos == "PROPN"
        and child.text in lex.organization_words
        and child.index <= head.index + 4
    )


def _company_conjunct(head: Word, conj: Word, lex: Lexicon) -> bool:
    """Is ``conj`` a conjunct of a proper-noun head that is an abbreviated company suffix, both
    an abbreviation and an organization word ("Co.", "Inc.", "Corp.", "Ltd."): the end of one
    company's name ("Pacific Gas and Electric Co."), not a second source after "and"?"""
    suffix = conj.text.rstrip(".")
    return (
        conj.deprel == "conj"
        and conj.head == head.index
        and head.upos == "PROPN"
        and conj.upos == "PROPN"
        and suffix in lex.abbreviations
        and suffix in lex.organization_words
    )


# Dependents that make a participle the verb of its own clause, not a modifier of the noun before
# it: a reported clause, a subject, a particle or object ("aides insisted in June that ...",
# "the affidavit cited interviews", "Ryan's campaign shrugged off ...").
_CLAUSE_VERB_RELS = ("ccomp", "nsubj", "nsubj:pass", "obj", "compound:prt", "aux", "aux:pass")


def _clause_verb(sent: Sentence, verb: Word, lex: Lexicon) -> bool:
    """Is this verb the parser hung on a noun (``acl``) the clause's own verb rather than a
    participle describing the noun: a finite form ("his competitors called"), a past form with a
    clause, subject, particle or object of its own, or a "that" clause right after it that the
    parser hung elsewhere ("campaign aides insisted in June that ...")?
    A mention never runs on over its sentence's verb. A date the parser makes an object is no
    object ("a city audit released Wednesday")."""
    if verb.upos not in ("VERB", "AUX"):
        return False
    if verb.xpos in ("VBD", "VBZ", "VBP", "MD"):
        return True
    if verb.xpos != "VBN":
        return False
    own = {w.index for w in sent.subtree(verb)}
    after = verb.index + 1  # "insisted in June | that the mayor ..."
    while after in own:
        after += 1
    if after <= len(sent.words) and sent.word(after).deprel == "mark" and sent.word(after).lemma == "that":
        return True
    return any(
        k.deprel in _CLAUSE_VERB_RELS and not is_time_word(lex, k, years=False) for k in sent.children(verb)
    )


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def is_time_text(lex: Lexicon, text: str, lemma: str, *, years: bool) -> bool:
    """Do a word's text and lower-cased lemma make it a time or date: a weekday or month by its
    text ("Wednesday", "June"), a time noun by its lemma ("week", "morning", "ago") and, with
    ``years``, a year from 1800 to 2099 by its text ("2016"). The one test behind attribution's
    time words and tails (``years=True``) and the mention finder's dates (``years=False``, as they
    always were: a year ends a mention through its NUM tag, and a year object still makes a
    participle a clause verb)."""
    return (
        text in lex.calendar_words or lemma in lex.time_nouns or (years and _YEAR.fullmatch(text) is not None)
    )


def is_time_word(lex: Lexicon, w: Word, *, years: bool) -> bool:
    """:func:`is_time_text` for a parsed word."""
    return is_time_text(lex, w.text, w.lemma.lower(), years=years)


def _before_date(lex: Lexicon, words: list[Word], head: Word) -> list[Word]:
    """The words of a mention up to a date that ends it after its head ("The Trump campaign on
    Tuesday", "Sean Spicer on Thursday evening", "a judge in October"): the compact parser hangs
    a time phrase on the noun before the verb; a date describing a participle stays ("a poll
    released Thursday"), and so does one inside the phrase ("a report Tuesday from the ...")."""
    if head not in words:
        return words
    at = words.index(head)
    for i in range(at + 1, len(words)):
        w = words[i]
        if w.upos in ("VERB", "AUX"):
            break
        if w.text in lex.calendar_words and all(
            is_time_word(lex, x, years=False) or x.upos in ("NUM", "PUNCT") for x in words[i + 1 :]
        ):
            if words[i - 1].upos in ("ADP", "ADV") and i - 1 > at:
                return _strip_edges(words[: i - 1])
            if words[i - 1].upos != "PROPN":  # "Theresa May", "Yin Myint May" are names
                return _strip_edges(words[:i])
    return words


_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def _within_sentence(text: str, words: list[Word], head: Word) -> list[Word]:
    """The run of a mention's words around its head that crosses no paragraph break and no
    sentence-final mark: a parse that runs two paragraphs together ("... in April.\n\nCounty
    officials said") must not make "April. County" a name."""
    if head not in words:
        return words
    at = words.index(head)
    first, last = at, at
    while first > 0 and not _break_between(text, words[first - 1], words[first]):
        first -= 1
    while last + 1 < len(words) and not _break_between(text, words[last], words[last + 1]):
        last += 1
    return words[first : last + 1]


def _break_between(text: str, left: Word, right: Word) -> bool:
    """Is there a paragraph break between two adjacent words, or does a sentence end at the left one
    (a full stop, question or exclamation mark as a word of its own)?"""
    return _paragraph_break(text, left.end, right.start) or (
        left.upos == "PUNCT" and left.text in (".", "?", "!")
    )


def _proper_word(w: Word, text: str, lex: Lexicon) -> bool:
    """A proper noun, or a capitalised noun whose lemma keeps its capital: the compact parse
    tags a name opening a sentence as a noun ("Sanders, who has made ..., went"). Not a word
    tagged a proper noun but lemmatised in lower case: an adverb opening a sentence ("Meanwhile,
    sources in the ... Office told")."""
    if w.upos == "PROPN":
        return not _lowered_propn(w, text, lex)
    return w.upos == "NOUN" and w.text[:1].isupper() and w.lemma == w.text


def _lowered_propn(w: Word, text: str, lex: Lexicon) -> bool:
    """Is ``w`` tagged a proper noun but lemmatised in lower case ("Meanwhile" -> "meanwhile"), and
    not a surname the article writes after a known given name ("Deacon had nothing bad to say" after
    "Colleen Deacon": the parse lemmatises a surname that is also a noun in lower case; "New York
    Primary" is no name)?"""
    return (
        w.upos == "PROPN"
        and w.lemma.islower()
        and not w.text.islower()
        and not any(f.group(1) in lex.first_names for f in given_name_index(text).matches(w.text.lower()))
    )


def _paragraph_break(text: str, start: int, end: int) -> bool:
    """Is there a blank line in ``text[start:end]``? (A line break alone may wrap a line.)"""
    return _PARAGRAPH_BREAK.search(text, start, end) is not None


def _title_between(w: Word, idx: set[int]) -> bool:
    """Is ``w`` a capitalised proper noun hung on a word of the mention, between two of its words
    ("Colombian President Gustavo Petro" parsed with "Colombian" as the head, "Gustavo Petro" flat
    on it and "President" on "Gustavo"): part of the mention, not a gap in it?"""
    return w.upos == "PROPN" and w.text[:1].isupper() and w.head in idx


def _strip_edges(words: list[Word]) -> list[Word]:
    while words and (words[0].upos in ("PUNCT", "ADP", "CCONJ", "SCONJ") and words[0].lemma not in ("one",)):
        words = words[1:]
    while (
        words
        and words[-1].upos in ("PUNCT", "ADP", "CCONJ", "SCONJ", "PART")
        and words[-1].text not in POSSESSIVE_S
    ):
        words = words[:-1]
    return words


def _shared_subject_conjunct(sent: Sentence, clause: list[Word]) -> list[Word]:
    """A verb phrase coordinated right after a relative clause, with no subject of its own, whose
    subject is the clause's relative pronoun ("who spoke on background but declined to be
    named"): the compact parser often hangs it on the main verb instead; its words, else none."""
    last = max(clause, key=lambda w: w.index)
    if last.index + 2 > len(sent.words):
        return []
    cc, verb = sent.words[last.index], sent.words[last.index + 1]  # the two words after the clause
    if cc.upos != "CCONJ" or verb.upos not in ("VERB", "AUX") or verb.deprel != "conj":
        return []
    if any(c.deprel.startswith("nsubj") for c in sent.children(verb)):
        return []
    return [cc, *sent.subtree(verb)]


def _description_span(
    ctx: ArticleText, sent: Sentence, head: Word, mention_end: int, hi: int
) -> tuple[int, int] | None:
    """Apposition or relative clause describing the head noun ("commander of NATO's military arm",
    "who spoke on background but declined to be named")."""
    parts = [c for c in sent.children(head) if c.deprel in DESCRIPTION_RELS and c.start >= mention_end]
    words: list[Word] = []
    for c in parts:
        words.extend(sent.subtree(c))
        if c.deprel == "acl:relcl":
            words.extend(_shared_subject_conjunct(sent, sent.subtree(c)))
    words = [w for w in words if w.start >= mention_end and w.end <= hi]
    if words:
        words.sort(key=lambda w: w.index)
        for i in range(1, len(words) - 1):  # "who wrote the measure, insisted that ...": stop at ", insisted"
            if (
                words[i].lemma == ","
                and words[i + 1].upos in ("VERB", "AUX")
                and words[i + 1].deprel not in ("acl", "acl:relcl", "conj")
            ):
                words = words[:i]
                break
        words = _strip_edges(words)
        if words:
            return _balance(ctx.text, words[0].start, words[-1].end, hi)
    # Surface fallback: "said Hugh Hill, a doctor at the clinic." / "Jones, a doctor, said".
    # The description runs from the comma to the sentence end, or to a comma before a verb.
    rest = ctx.text[mention_end:hi]
    m = re.match(r",\s+", rest)
    if not m:
        return None
    start = mention_end + m.end()
    after = [w for _, w in ctx.words_between(start, hi)]
    if not after or (
        after[0].upos in ("VERB", "AUX", "SCONJ", "CCONJ", "ADV", "PART", "PRON")
        and after[0].text.lower() not in ("who", "whose")
    ):
        return None
    end = start
    for i, w in enumerate(after):
        if (
            w.upos == "PUNCT"
            and w.lemma in (",", ";")
            and i + 1 < len(after)
            and after[i + 1].upos in ("VERB", "AUX")
            and after[i + 1].deprel not in ("acl", "acl:relcl")
        ):
            break
        if w.upos == "PUNCT" and w.lemma in (".", ";", "?", "!"):
            break
        end = w.end
    if end <= start or ctx.in_quote(start, end):
        return None
    return start, end


def _balance(text: str, start: int, end: int, hi: int) -> tuple[int, int]:
    """Extend a span to close a parenthesis it opens ("Sen. Lewis Tran (D-Wash.)")."""
    if text.count("(", start, end) > text.count(")", start, end):
        close = text.find(")", end, hi)
        if close >= 0:
            return start, close + 1
    return start, end


def _name_before(ctx: ArticleText, sent: Sentence, start: int, lo: int) -> tuple[int, int] | None:
    """ "Earline Moss, a retired schoolteacher who ..., said": the proper name right before a
    descriptor set off by a comma, if there is one."""
    if ctx.text[max(lo, start - 2) : start] != ", ":
        return None
    prev = sent.within(lo, start - 2)
    run: list[Word] = []
    for w in reversed(prev):
        if w.text in ctx.lexicon.calendar_words:
            break  # "At a briefing Thursday, two Navy officials said": a date names no one
        if run and _paragraph_break(ctx.text, w.end, run[0].start):
            break  # a name does not run over a paragraph break
        if _lowered_propn(w, ctx.text, ctx.lexicon):
            break  # "Meanwhile, sources in the ... Office told": an adverb the tagger made a name
        if w.upos == "PROPN" or (run and w.text.rstrip(".") in ctx.lexicon.titles and w.text[:1].isupper()):
            run.insert(0, w)
        else:
            if run and _governed(prev, w):
                return None  # "talked to Mary Smith, a teacher": an object, not the speaker
            if run and w.text == "-" and w.end == run[0].start:
                return None  # "an insult to all African-Americans, top black lawmakers said": a word's tail
            break
    if not run:
        return None
    return run[0].start, run[-1].end


def _governed(prev: list[Word], w: Word) -> bool:
    """Is ``w``, the word right before a name, a verb or preposition that makes the name its
    object? Past a determiner, only a hearer's: "In a statement to The Verge, a Google
    spokesperson said" names the outlet, not the spokesperson ("In a survey by the Harbor
    Institute, 54 percent of voters said" names the poll's author). Past an adjective, a
    preposition's: "an attack in southern Lebanon, his spokesman said" names a place."""
    earlier = [v for v in prev if v.end <= w.start]
    if w.upos == "ADJ":
        return bool(earlier) and earlier[-1].upos == "ADP"
    if w.upos != "DET":
        return w.upos in ("VERB", "ADP")
    return bool(earlier) and (earlier[-1].upos == "VERB" or earlier[-1].lemma.lower() in _HEARER_PREPOSITIONS)


_HEARER_PREPOSITIONS = ("to", "with")


def name_mention(
    ctx: ArticleText, s_idx: int, span: tuple[int, int], description: tuple[int, int] | None, ner: str = "O"
) -> Mention:
    """A name mention taken from the surface: an appositive name, a name before a descriptor,
    a dash byline."""
    words = [w for _, w in ctx.words_between(*span)] or None
    last = words[-1] if words else None
    text = ctx.text[span[0] : span[1]]
    capitalised = text[:1].isupper()
    return Mention(
        span[0],
        span[1],
        text,
        MentionKind.NAME if capitalised else MentionKind.DESCRIPTOR,
        last.lemma.lower() if last else text.split()[-1].lower(),
        last.upos if last else "PROPN",
        "sing",
        False,
        s_idx,
        tuple(w.text for w in words or ()),
        ner,
        description,
    )


def is_group_quantifier(m: Mention, lex: Lexicon) -> bool:
    """Is the mention a quantifier alone ("Some say", "Most believe that", "Others argue")? It
    stands for unnamed people: a group that can speak, an anonymous source. On the tuning labels
    this found 2 more anonymous sources (anonymous recall 37.0 -> 38.5)."""
    return len(m.words) == 1 and m.words[0].lower() in lex.group_quantifiers


@lru_cache(maxsize=8)
def _knowledge_gap(tails: tuple[str, ...]) -> re.Pattern:
    return re.compile(rf"\s+(?:{'|'.join(tails)})\s+(?:[\w’'-]+\s+){{0,5}}")


def _knowledge_owner(ctx: ArticleText, sent: Sentence, head: Word, lo: int) -> Word | None:
    """The describing noun whose knowledge phrase ``head`` ends in ("two sources familiar with the
    plans tell Axios", "people briefed on the talks said": the compact parser makes "plans" or
    "talks" the verb's subject): the source is the noun before the phrase, not what it knows."""
    lex = ctx.lexicon
    noun = next(
        (w for w in reversed(sent.words) if lo <= w.start and w.end <= head.start and w.upos == "NOUN"),
        None,
    )
    if noun is None or noun.lemma.lower() not in lex.anonymous_nouns:
        return None
    gap = _knowledge_gap(lex.knowledge_tails).fullmatch(ctx.text, noun.end, head.start)
    return noun if gap else None


def _tail_word_owner(ctx: ArticleText, sent: Sentence, head: Word) -> Word | None:
    """The describing noun right before a head that opens its knowledge phrase ("A person close
    to Veridian said": the compact parser tags "close" a noun, the subject, with "person" its
    compound): the source is that noun, and its mention runs on through the phrase."""
    lex = ctx.lexicon
    if head.index < 2 or head.lemma.lower() in lex.anonymous_nouns:
        return None
    noun = sent.word(head.index - 1)
    if noun.upos != "NOUN" or noun.lemma.lower() not in lex.anonymous_nouns:
        return None
    return noun if knowledge_tail(lex).match(ctx.text, noun.end) else None


def make_mention(ctx: ArticleText, s_idx: int, head: Word, lo: int, hi: int) -> Mention | None:
    sent = ctx.parse.sentences[s_idx]
    owner = _knowledge_owner(ctx, sent, head, lo)
    if owner is not None:  # the mention ends with what the source knows, not in the verb's clause
        head, hi = owner, min(hi, head.end)
    tail_owner = _tail_word_owner(ctx, sent, head)
    if tail_owner is not None:
        if head.head > head.index:  # "People close to the Clintons felt her ...": no further than its verb
            hi = min(hi, sent.word(head.head).start)
        head = tail_owner
    if head.upos == "PRON" or (head.lemma.lower() in ctx.lexicon.pronouns and head.upos in ("PRON", "DET")):
        key = head.text.lower()
        if key not in ctx.lexicon.pronouns:
            return None
        _, _, number = ctx.lexicon.pronouns[key]
        return Mention(
            head.start,
            head.end,
            ctx.text[head.start : head.end],
            MentionKind.PRONOUN,
            key,
            "PRON",
            number,
            True,
            s_idx,
            (head.text,),
            head.ner,
        )
    words = _widen(
        ctx,
        sent,
        _strip_edges(_collect_mention_words(sent, head, lo, hi, ctx.lexicon)),
        head,
        lo,
        hi,
    )
    words = _before_date(ctx.lexicon, _within_sentence(ctx.text, words, head), head)
    if _correlative_opening(sent, words, ctx.text, ctx.lexicon):
        words = words[1:]
        head = head if head in words else words[0]
    if not words:
        return None
    words = [*words, *_titled_name_after(ctx, sent, head, words, hi)]
    words = _hyphenated_title(ctx, sent, words, hi)
    tagged = _person_noun_tagged_adjective(ctx, sent, words[-1], hi)
    if tagged is not None:
        words, head = [*words, tagged], tagged
    start, end = words[0].start, words[-1].end
    if ctx.in_quote(start, end):
        return None
    # "A district official": the tagger calls "official" an adjective hanging on "district";
    # in an English noun phrase a modifier does not follow its noun, so the later word is the head.
    tail = [
        w
        for w in words
        if w.start > head.start
        and w.head == head.index
        and w.deprel in ("amod", "compound")
        and w.upos in ("ADJ", "NOUN")
    ]
    if tail and tail[-1] is words[-1]:
        head = tail[-1]
    first = words[0].text.lower()
    number = "plur" if (head.feat("Number") == "Plur" or head.xpos in ("NNS", "NNPS")) else "sing"
    lex = ctx.lexicon
    if head.lemma.lower() in lex.plural_lemmas:
        number = "plur"
    common = (
        head.lemma.lower() in lex.anonymous_nouns
        or head.lemma.lower() in lex.document_nouns
        or head.lemma.lower() in lex.organization_nouns
    ) and not (head.text[:1].isupper() and head.text.rstrip(".") in lex.titles)  # "Judge Ito"
    other_names = []  # proper nouns right after the head ("Leader Craig Detweiler"), not in a phrase after it
    for w in words[words.index(head) + 1 :] if head in words else []:
        if w.text == "-" and _capitalised_hyphen(sent, w.index - 1):
            continue  # "Leader Yves-François Blanchet": one given name the tokenizer split in three
        if w.upos != "PROPN":
            break
        other_names.append(w)
    other_names = [w for w in other_names if w.text not in lex.calendar_words]
    role: tuple[int, int] | None = None  # "longtime Democratic pollster": describes the name after it
    if other_names and (
        common
        or (
            head.upos in ("NOUN", "PROPN") and head.text[:1].islower() and head.text not in lex.name_particles
        )
    ):
        # "House Minority Leader Craig Detweiler" parsed with head "Leader", "longtime Democratic
        # pollster Pat Caddell" with head "pollster": the name is the head
        head, common = other_names[-1], False
        # the name ends the mention: "a speech Mrs. Clinton delivered at ..." is Mrs. Clinton's
        words = words[: words.index(head) + 1]
        end = head.end
    is_name = not common and (
        head.upos == "PROPN" or (head.text[:1].isupper() and head.upos in ("NOUN", "X", "ADJ"))
    )
    if is_name and _capitalised_office(words, head, lex):
        is_name = False
    if is_name and head in words:
        # "longtime Democratic pollster Pat Caddell", "Trump's lawyer Marc Kasowitz": the name
        # after the last lower-case noun is the mention; the words before it describe it
        at = words.index(head)
        cut = next(
            (
                i
                for i in range(at - 1, -1, -1)
                if words[i].upos in ("NOUN", "PROPN")
                and words[i].text[:1].islower()
                and words[i].text not in lex.name_particles
            ),
            None,
        )
        if cut is not None and all(
            w.upos == "PROPN" or w.text[:1].isupper() for w in words[cut + 1 : at + 1]
        ):
            role = (start, words[cut].end)
            words = words[cut + 1 :]
            start = words[0].start
    at_name = _person_after_role(words, head, lex)
    if at_name is not None:  # "Federation of Free Farmers national manager Raul Montemayor"
        role = (start, words[at_name - 1].end)
        words = words[at_name:]
        head, start, end, number, is_name = words[-1], words[0].start, words[-1].end, "sing", True
    definite = first in lex.definite_determiners
    bare_group = len(words) == 1 and head.text.lower() in lex.group_quantifiers
    if bare_group:  # "Some say", "Most believe that": unnamed people, never a name ("Most" opening)
        number = "plur"
    if is_name and not bare_group:
        kind = MentionKind.NAME
    elif definite:
        kind = MentionKind.NOMINAL
    else:
        kind = MentionKind.DESCRIPTOR
    if (
        kind != MentionKind.NAME
    ):  # "a person familiar with the matter": the parser often makes the adjective the head
        follow = knowledge_tail(lex).match(ctx.text, end, hi)
        if follow and not ctx.in_quote(end, follow.end()):
            end = follow.end()
    desc = _description_span(ctx, sent, head, end, hi) or role
    ner = next((w.ner for w in words if w.ner != "O"), "O")
    if kind == MentionKind.DESCRIPTOR:
        named = _name_before(ctx, sent, start, lo)
        if named is not None:
            return name_mention(ctx, s_idx, named, (start, desc[1] if desc else end), ner)
    if kind != MentionKind.NAME and desc is not None:
        named = _appositive_name(ctx, desc)
        if named is not None:  # "Rennick's attorney, Paul Stavros, told reporters"
            return name_mention(ctx, s_idx, named, (start, end), ner)
    return Mention(
        start,
        end,
        ctx.text[start:end],
        kind,
        head.lemma.lower(),
        head.upos,
        number,
        definite,
        s_idx,
        tuple(w.text for w in words),
        ner,
        desc,
    )


def _titled_name_after(
    ctx: ArticleText, sent: Sentence, head: Word, words: list[Word], hi: int
) -> list[Word]:
    """The words of a person's name the parse hung on a title's head as a "for" phrase,
    right after the mention's words ("Gauteng MEC for Community Safety Faith Mazibuko": "Faith"
    hangs on "Gauteng"; :func:`_collect_mention_words` keeps names short and leaves it out): the
    phrase when it is capitalised words ending in a given name and its surname, else none."""
    lex = ctx.lexicon
    if not any(w.text.rstrip(".") in lex.titles for w in words):
        return []
    for c in sent.children(head):
        if c.deprel != "nmod" or c.start <= words[-1].end or c.text not in lex.first_names:
            continue
        tail = [*sent.words[words[-1].index : c.index]] + [
            w for w in sent.children(c) if w.deprel == "flat" and w.index > c.index
        ]
        if not tail or tail[-1] is c or tail[-1].end > hi or ctx.in_quote(tail[0].start, tail[-1].end):
            return []
        title = tail[0].lemma.lower() == "for" and all(
            w.upos == "PROPN" and w.text[:1].isupper() for w in tail[1:]
        )
        contiguous = [w.index for w in tail] == list(range(tail[0].index, tail[-1].index + 1))
        return tail if title and contiguous else []
    return []


def _person_after_role(words: list[Word], head: Word, lex: Lexicon) -> int | None:
    """Where a person's name (a given name and more capitalised words) ends a mention whose head is
    before it, after a lower-case role ("Federation of Free Farmers national manager Raul
    Montemayor") or a title's "for" phrase ("Gauteng MEC for Community Safety Faith Mazibuko"; an
    "of" phrase stays in the name: "Superintendent of Police Arvind Tandon"): the person is the
    name at the end; the words before describe them. None otherwise."""
    k = len(words)
    while k > 0 and words[k - 1].upos == "PROPN" and words[k - 1].text[:1].isupper():
        k -= 1
    at = next((i for i in range(k, len(words) - 1) if words[i].text in lex.first_names), None)
    if at is None and 0 < k < len(words) - 1 and words[k - 1].lemma.lower() in lex.identified_roles:
        at = k  # "... (Fomca) president Tan Sri Dr Azman Hashim": the whole name after the role
    if at is None or at == 0 or head.index >= words[at].index:
        return None
    before = words[at - 1]
    role = (
        before.upos == "NOUN"
        and before.text[:1].islower()
        and before.text not in lex.name_particles
        and head.text[:1].isupper()  # an organization's name in front: "Federation of Free Farmers"
    )
    joint = next((i for i in range(at - 1, -1, -1) if words[i].text == "for"), None)
    titled = (
        joint is not None
        and all(w.text[:1].isupper() for w in words[joint + 1 : at])
        and any(w.text.rstrip(".") in lex.titles for w in words[:joint])
    )
    return at if role or titled else None


def _hyphenated_title(ctx: ArticleText, sent: Sentence, words: list[Word], hi: int) -> list[Word]:
    """Keep a hyphenated title whole when the tokenizer split it and the parser hung its tail
    elsewhere: "UNRWA's commissioner-general, Philippe Lazzarini, wrote" is cut at "commissioner"
    otherwise, and the name in apposition after the title is lost (also director-general,
    attorney-general, secretary-general)."""
    last = words[-1]
    if last.upos != "NOUN" and last.text not in ctx.lexicon.titles:
        return words
    if not _hyphen_joined(sent, last.index):
        return words
    dash, tail = sent.word(last.index + 1), sent.word(last.index + 2)
    if (
        tail.text.isalpha()
        and tail.upos in ("ADJ", "NOUN")
        and tail.end <= hi
        and not ctx.in_quote(tail.start)
    ):
        return [*words, dash, tail]
    return words


def _person_noun_tagged_adjective(ctx: ArticleText, sent: Sentence, last: Word, hi: int) -> Word | None:
    """ "A senior Conservative campaign official, speaking on background, said": the tagger made
    "official" an adjective hung on the verb, and the mention ended at "campaign". A source noun
    (``anonymous_nouns``) tagged as an adjective right after a mention's last noun, before a
    punctuation mark or a verb, is the noun phrase's head: the word that ends the mention."""
    if last.upos != "NOUN" or last.index + 1 >= len(sent.words):
        return None
    word, after = sent.word(last.index + 1), sent.word(last.index + 2)
    if (
        word.upos != "ADJ"
        or word.lemma.lower() not in ctx.lexicon.anonymous_nouns
        or word.end > hi
        or ctx.in_quote(word.start)
    ):
        return None
    return word if after.upos in ("PUNCT", "VERB", "AUX") else None


def _capitalised_hyphen(sent: Sentence, index: int, particles: frozenset[str] = frozenset()) -> bool:
    """Are the word at ``index`` and the one two after it capitalised words joined by a hyphen with
    no space ("Secretary-General", "Director-General"), which the tokenizer split into three? With
    ``particles`` (name particles), also a particle joined to a capitalised name ("Ahmed al-Sharaa",
    "Mohamed el-Erian"): one name, not "Ahmed al" and "Sharaa"."""
    if not _hyphen_joined(sent, index) or not sent.word(index + 2).text[:1].isupper():
        return False
    left = sent.word(index).text
    return left[:1].isupper() or left.lower() in particles


def _hyphen_joined(sent: Sentence, index: int) -> bool:
    """Is the word at ``index`` joined to the one two after it by a hyphen with no space, one
    hyphenated word the tokenizer split into three ("commissioner-general")?"""
    if index < 1 or index + 2 > len(sent.words):
        return False
    return _no_space_hyphen(sent.word(index), sent.word(index + 1), sent.word(index + 2))


def _no_space_hyphen(left: Word, dash: Word, right: Word) -> bool:
    """Is ``dash`` a hyphen between ``left`` and ``right`` with no space on either side?"""
    return dash.text == "-" and left.end == dash.start and dash.end == right.start


def _widen(ctx: ArticleText, sent: Sentence, words: list[Word], head: Word, lo: int, hi: int) -> list[Word]:
    """Add adjacent words on the left that the parser hung on the same verb instead of on the
    head noun ("a senior defense official" parsed as two subjects; "County Prosecutor Anne
    Mulgrew"), and names on the right, inside [lo, hi)."""
    if not words:
        return words
    first = words[0]
    while first.index > 1:
        prev = sent.word(first.index - 1)
        if (
            prev.start < lo
            or ctx.in_quote(prev.start)
            or prev.upos not in ("DET", "ADJ", "NOUN", "PROPN", "NUM")
        ):
            break
        if prev.head not in (head.index, head.head) and not (first.index <= prev.head <= words[-1].index):
            break
        words = [prev, *words]
        first = prev
    last = words[-1]
    while head.upos == "PROPN" and last.index < len(sent.words):
        nxt = sent.word(last.index + 1)  # "said Tom Reyes" parsed as two subjects: Tom, Reyes
        if (
            nxt.upos != "PROPN"
            or nxt.end > hi
            or ctx.in_quote(nxt.start)
            or nxt.head not in (head.index, head.head, last.index)
        ):
            break
        words = [*words, nxt]
        last = nxt
    return words


def _hyphen_joined_words(words: Sequence[Word], k: int) -> bool:
    """Are ``words[k]`` and the two after it one hyphenated word the tokenizer split ("Jae-myung"):
    a hyphen with no space on either side (:func:`_no_space_hyphen`), and letters after it?"""
    return k + 2 < len(words) and _no_space_hyphen(*words[k : k + 3]) and words[k + 2].text.isalpha()


_NAME_RUN = re.compile(r"(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'-]*\.?(?:\s*\([A-Z][\w.-]*\))?")


def _appositive_name(ctx: ArticleText, desc: tuple[int, int]) -> tuple[int, int] | None:
    """The span of a description that is just a proper name ("Paul Stavros"), if it is one."""
    text = ctx.text[desc[0] : desc[1]]
    parts = text.split(" ")  # "Paylinq's founder, Jeroen de Vries, told": an inner "de" is in the name
    inner = [
        w.capitalize() if 0 < i < len(parts) - 1 and w in ctx.lexicon.name_particles else w
        for i, w in enumerate(parts)
    ]
    capitalised = " ".join(inner)
    if _NAME_RUN.fullmatch(capitalised) is None or len(text.split()) > 6:
        return None
    words = [w for _, w in ctx.words_between(*desc)]
    if not words or not any(w.upos == "PROPN" for w in words):
        return None
    return desc


def np_head(sent: Sentence, word: Word, lo: int, hi: int) -> Word:
    """Climb from a word to the head of its noun phrase while staying inside [lo, hi)."""
    cur = word
    for _ in range(6):
        h = sent.head_of(cur)
        if h is None or not (lo <= h.start and h.end <= hi):
            break
        if cur.deprel in (
            "compound",
            "flat",
            "flat:name",
            "amod",
            "det",
            "nummod",
            "nmod:poss",
            "case",
            "det:poss",
            "punct",
            "fixed",
        ) and h.upos in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
            cur = h
            continue
        break
    return cur


# ---------------------------------------------------------------------------------- names


def surname(m: Mention, lex: Lexicon) -> str | None:
    """The last capitalised word of a name that is no title or suffix, lower-cased."""
    words = [w.strip(".,") for w in m.words if w[:1].isupper() and w.strip(".") not in lex.titles]
    words = [w for w in words if w not in lex.name_suffixes]
    for w in reversed(words):
        if w not in POSSESSIVE_S:
            return w.lower()
    return None


def normalized(text: str) -> str:
    """A mention's text lower-cased, without a leading article (to compare descriptors)."""
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip().lower())


def given_gender(given: str | None, lex: Lexicon) -> str | None:
    """The gender ("m", "f") of a given name as :func:`given_name` gives it ("jen" -> "f");
    None for no name, an initial or an unknown name."""
    return lex.first_names.get(given.capitalize()) if given else None


def name_gender(words: Sequence[str], lex: Lexicon) -> str | None:
    """The gender of a name's known given name ("Sen. Jen Castillo" -> "f"); None for a lone
    surname or an unknown given name."""
    return given_gender(given_name(words, lex), lex)


def given_name(words: Sequence[str], lex: Lexicon) -> str | None:
    """The known given name (``first_names``) or initial in front of a surname, lower-cased,
    without its period: "hillary" of "Sen. Hillary Clinton" and of "Democrat Hillary Clinton" (a
    prefix is skipped); an unknown first word counts only in a two-word name ("Khizr" of "Khizr
    Khan", not "Guajardo" of "Mr. Guajardo Villarreal"); None for a lone surname or an unknown first word
    in a longer name."""
    given = [
        w for w in words if w[:1].isupper() and w.rstrip(".") not in lex.titles and w not in lex.name_prefixes
    ]
    given = [w for w in given if w.strip(".,") not in lex.name_suffixes and w not in POSSESSIVE_S]
    if len(given) == 2 and _given_shaped(given[0]) and not set(words) & _COURTESY_TITLES:
        return given[0].lower()  # "Ghazala Khan" is not "Humayun Khan", known names or not
    if len(given) < 2 or not (given[0] in lex.first_names or re.fullmatch(r"[A-Z]\.", given[0])):
        return None
    return given[0].rstrip(".").lower()


_COURTESY_TITLES = frozenset({"Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms"})  # before surnames only


def _given_shaped(word: str) -> bool:
    """Is a word written like a given name: a capital and two or more lower-case letters
    ("Khizr"; not "GOP", "J." or "McCain")?"""
    return re.fullmatch(r"[A-Z][a-z]{2,}", word) is not None


def given_names_fit(first: str | None, second: str | None) -> bool:
    """Can two given names be the same person's: either missing, equal, or one the other's
    initial ("J." and "James")?"""
    if first is None or second is None or first == second:
        return True
    return (len(first) == 1 and second.startswith(first)) or (len(second) == 1 and first.startswith(second))


def name_from_text(text: str, span: tuple[int, int], sentence: int) -> Mention:
    """A name mention for a name found on the surface only ("Dr. Samuel Okafor")."""
    name = text[span[0] : span[1]]
    return Mention(
        span[0],
        span[1],
        name,
        MentionKind.NAME,
        name.split()[-1].lower(),
        "PROPN",
        "sing",
        False,
        sentence,
        tuple(name.split()),
    )


@dataclass(frozen=True)
class NameRun:
    """A run of proper nouns (with titles in front) ending at ``last``, as a name mention."""

    mention: Mention
    sentence: Sentence
    first: Word
    last: Word


class QuotedSpans:
    """The quotations' spans, merged and sorted, for a bisect per question."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans: list[tuple[int, int]] = []
        for a, b in sorted(spans):
            if self.spans and a <= self.spans[-1][1]:
                self.spans[-1] = (self.spans[-1][0], max(self.spans[-1][1], b))
            else:
                self.spans.append((a, b))
        self._starts = [a for a, _ in self.spans]

    def covers(self, offset: int) -> bool:
        """Is the offset inside a quotation?"""
        i = bisect_right(self._starts, offset) - 1
        return i >= 0 and offset < self.spans[i][1]


# A word that may be a given name, its whitespace and an optional initial ("Ruth ", "Jen K. "),
# in front of the surname that GivenNameIndex.matches looks for.
_GIVEN_NAME_AHEAD = re.compile(r"\b(?=([A-Z][a-zé]+\s+)([A-Z]\.\s+)?)", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")
# The only non-ASCII characters that IGNORECASE matches to an ASCII letter: İ ı (i), ſ (s), K (k).
_FOLD_WILD = str.maketrans("iskIKS", "??????")


def _fold(run: str) -> str:
    """A key under which every spelling that IGNORECASE equates lands on the same string (more
    spellings may share it: :meth:`GivenNameIndex.matches` checks each candidate with the regex)."""
    if run.isascii():
        return run.lower().translate(_FOLD_WILD)
    return "".join(c.lower().translate(_FOLD_WILD) if c.isascii() else "?" for c in run)


class GivenNameIndex:
    """Where a surname stands after a capitalised word ("Ruth Ellery", "Jen K. Castillo"),
    indexed once per article, so that looking up the given name of each of an article's
    surnames costs the surname's occurrences, not a scan of the whole text per surname.

    :meth:`matches` yields exactly what ``re.finditer`` of the surname's pattern over the
    whole text yields: the index only narrows the starts the pattern is tried at."""

    def __init__(self, text: str):
        self.text = text
        self._starts: dict[str, list[int]] = {}
        for m in _GIVEN_NAME_AHEAD.finditer(text):
            after = m.start() + len(m.group(1))  # the surname without an initial, or the initial
            spots = (after, after + len(m.group(2))) if m.group(2) else (after,)
            for key in {_fold(w.group()) for spot in spots if (w := _WORD_RUN.match(text, spot))}:
                self._starts.setdefault(key, []).append(m.start())

    @staticmethod
    def pattern(key: str) -> re.Pattern[str]:
        """A capitalised word (a given name, group 1), an optional initial, then the surname."""
        return re.compile(rf"\b([A-Z][a-zé]+)\s+(?:[A-Z]\.\s+)?{re.escape(key)}\b", re.IGNORECASE)

    def matches(self, key: str) -> Iterator[re.Match[str]]:
        """The non-overlapping matches of :meth:`pattern` in the text, in order."""
        pattern = self.pattern(key)
        lead = _WORD_RUN.match(key)
        if lead is None or lead.start() != 0:  # a surname that does not start with a letter: scan
            yield from pattern.finditer(self.text)
            return
        end = 0  # as finditer: the next match starts where the last one ended
        for start in self._starts.get(_fold(lead.group()), ()):
            if start >= end and (m := pattern.match(self.text, start)) is not None:
                end = m.end()
                yield m


@lru_cache(maxsize=1)
def given_name_index(text: str) -> GivenNameIndex:
    """The article's :class:`GivenNameIndex`, built once: attribution (a speaker's gender) and
    the source stage (:class:`MentionFinder`) both ask for it, in that order, on the same text."""
    return GivenNameIndex(text)


def given_name_gender(key: str, lex: Lexicon, names: GivenNameIndex) -> str | None:
    """The gender of the first known given name written before a surname (``key``) in the text
    ("Jen" of "Jen Castillo" for "castillo"), or None."""
    return next(
        (
            lex.first_names[f.group(1)]
            for f in names.matches(key)
            if f.group(1)[:1].isupper() and f.group(1) in lex.first_names
        ),
        None,
    )


HEADLINE_WORDS = 16  # a first paragraph of one line and at most this many words is a headline


@lru_cache(maxsize=16)  # the texts held are the last few articles
def headline_end(text: str) -> int:
    """Where the article's headline ends, 0 when it has none: its first paragraph when that is one
    short line and more paragraphs follow (PolNeAR's first line; a Markdown or HTML heading)."""
    spans = paragraph_spans(text)
    if len(spans) < 2:
        return 0
    start, end = spans[0]
    first = text[start:end]
    return 0 if "\n" in first or len(first.split()) > HEADLINE_WORDS else end


class MentionFinder:
    """Mentions of one article that no cue points at, outside its quotations: the names and
    noun phrases earlier in the text that pronouns and nominals take up, the fullest form of
    a name, and the gender a given name implies (cached per surname)."""

    def __init__(self, text: str, parse: Parse | None, lex: Lexicon, quoted: QuotedSpans):
        self.text = text
        self.parse = parse
        self.lex = lex
        self.quoted = quoted
        self._surname_gender: dict[str, str | None] = {}

    def gender(self, m: Mention) -> str | None:
        """Gender from a given name in the mention, or (for a name written without one) in the
        fullest earlier form of the name ("Castillo" after "Jen Castillo")."""
        given = given_name(m.words, self.lex)
        gender = given_gender(given, self.lex)
        if gender is not None:
            return gender
        key = surname(m, self.lex)
        if not key or given is not None:  # "Sam Calloway" takes no gender from "Ruth Calloway"
            return None
        if key not in self._surname_gender:
            self._surname_gender[key] = given_name_gender(key, self.lex, self._given_names)
        return self._surname_gender[key]

    @property
    def _given_names(self) -> GivenNameIndex:
        return given_name_index(self.text)

    def written_in_full(self, key: str) -> bool:
        """Is a surname (lower-cased) written somewhere after another capitalised word ("Tadeusz
        Wrona" for "Wrona")?"""
        return next(self._given_names.matches(key), None) is not None

    def given_name_matches(self, key: str) -> Iterator[re.Match[str]]:
        """Where a word (lower-cased) is written after another word, either case ("and Travis" too):
        :meth:`GivenNameIndex.matches`, group 1 the word before."""
        return self._given_names.matches(key)

    def mention_gender(self, m: Mention) -> str | None:
        """Gender from a given name written in the mention itself ("Ruth Ellery")."""
        return name_gender(m.words, self.lex)

    def names_before(self, pron: Mention, reach: int = 6) -> Iterator[NameRun]:
        """Proper-name runs before a pronoun, nearest first, outside quotations, in its
        sentence and the ``reach - 1`` before it; the run ends at a proper noun not followed by
        another capitalised word and reaches back over proper nouns and titles."""
        if self.parse is None:
            return
        for s_idx in range(pron.sentence, max(-1, pron.sentence - reach), -1):
            sent = self.parse.sentences[s_idx]
            words = [w for w in sent.words if w.end <= pron.start and not self.quoted.covers(w.start)]
            for w in reversed(words):
                if (
                    not _proper_word(w, self.text, self.lex)
                    or w.text in self.lex.calendar_words
                    or self._name_goes_on(sent, w, pron)
                ):
                    continue
                j = w.index
                while j > 1:
                    if _capitalised_hyphen(sent, j - 2, self.lex.name_particles):
                        j -= 2  # "Secretary-General Antonio Guterres": one title
                        continue
                    before = sent.word(j - 1)
                    if not (
                        (before.upos == "PROPN" or before.text.rstrip(".") in self.lex.titles)
                        and before.text[:1].isupper()
                        and not _paragraph_break(self.text, before.end, sent.word(j).start)
                    ):
                        break
                    j -= 1
                first = sent.word(j)
                cand = Mention(
                    first.start,
                    w.end,
                    self.text[first.start : w.end],
                    MentionKind.NAME,
                    w.lemma.lower(),
                    "PROPN",
                    "sing",
                    False,
                    s_idx,
                    tuple(x.text for x in sent.words[j - 1 : w.index]),
                    w.ner,
                )
                yield NameRun(cand, sent, first, w)

    def _name_goes_on(self, sent: Sentence, w: Word, pron: Mention) -> bool:
        """Is the word followed by another capitalised word before the pronoun (not the end
        of the name run), or by a hyphen joining it to one ("al-Shaibani"), or by a particle
        hyphen-joined to one ("Asaad al-Shaibani")?"""
        particles = self.lex.name_particles
        return (
            w.index < len(sent.words)
            and (
                sent.word(w.index + 1).text[:1].isupper() or _capitalised_hyphen(sent, w.index + 1, particles)
            )
            and sent.word(w.index + 1).end <= pron.start
        ) or _capitalised_hyphen(sent, w.index, particles)

    def looks_like_person(
        self, run: NameRun, known_surname: Callable[[str | None], bool], possessive: bool = False
    ) -> bool:
        """A name met in passing is a person if it carries a title or a known given name, or is
        the surname of a person already quoted (``known_surname``); and it is not inside a
        prepositional phrase ("lives in Austin, Texas") or a parenthesis ("(D-Ore.)"), nor, unless
        ``possessive``, a possessive ("Mr. Ban's watch": its "'s" is a case marker too)."""
        endings = POSSESSIVE_MARKS if possessive else ()
        sent, first, last = run.sentence, run.first, run.last
        head = sent.head_of(last) if last.deprel in ("flat", "compound") else last
        if last.deprel == "flat" and head is not None and head.upos == "NOUN":
            head = last  # "the kind of campaign Ayotte hoped": a name misparsed as part of a noun
        for word in (first, last, head):
            if word is not None and any(
                k.deprel == "case" and k.text not in endings for k in sent.children(word)
            ):
                return False
        if self.text[max(0, first.start - 1) : first.start] == "(":
            return False
        if first.index > 1 and sent.word(first.index - 1).text.lower() == "the":
            return False  # "her old boat, the Margaret E.": a proper name after "the" is not a person
        words = [w for w in run.mention.words if w[:1].isupper()]
        if any(w.rstrip(".") in self.lex.titles for w in words[:-1]) or (
            words and words[0] in self.lex.first_names
        ):
            return True
        if self.gender(run.mention) is not None:
            return True  # "Ellery", with "Ruth Ellery" earlier in the article
        return known_surname(surname(run.mention, self.lex))

    def descriptor_antecedent(self, m: Mention) -> Mention | None:
        """An earlier indefinite noun phrase with the same head noun ("a senior aide to the
        governor" ... "the aide"), outside quotations, for a nominal with no earlier source."""
        if self.parse is None:
            return None
        definite = self.lex.definite_determiners | self.lex.possessive_determiners
        for s_idx in range(m.sentence, max(-1, m.sentence - 12), -1):
            sent = self.parse.sentences[s_idx]
            for w in reversed(sent.words):
                if (
                    w.end > m.start
                    or w.lemma.lower() != m.head_lemma
                    or w.upos not in ("NOUN", "ADJ")
                    or self.quoted.covers(w.start)
                ):
                    continue
                kids = sent.children(w)
                det = next(
                    (k for k in kids if k.deprel in ("det", "nummod", "nmod:poss") and k.index < w.index),
                    None,
                )
                plural = w.feat("Number") == "Plur" or w.xpos in ("NNS", "NNPS") or w.text.lower() == "people"
                if plural != (m.number == "plur"):
                    continue
                if (det is None and not plural) or (det is not None and det.text.lower() in definite):
                    continue  # "people briefed on the talks" (a bare plural) introduces; "the aide" does not
                return self._introduction(sent, s_idx, w, kids, m)
        return None

    def _introduction(self, sent: Sentence, s_idx: int, w: Word, kids: Sequence[Word], m: Mention) -> Mention:
        """The indefinite noun phrase headed by ``w``, with its modifiers and a knowledge
        phrase after it ("a senior aide to the governor", "people briefed on the talks")."""
        left = min(
            [k.index for k in kids if k.index < w.index and k.deprel not in ("punct", "case")] + [w.index]
        )
        right = w.index
        for k in kids:  # "to the governor", "familiar with the talks"
            if (
                k.index > w.index
                and k.deprel in ("nmod", "amod", "acl")
                and "," not in self.text[w.end : k.start]
            ):
                right = max(right, max(x.index for x in sent.subtree(k)))
        words = sent.words[left - 1 : right]
        while words and words[-1].upos == "PUNCT":
            words = words[:-1]
        start, end = words[0].start, words[-1].end
        tail = knowledge_tail(self.lex).match(self.text, end, sent.end)
        if tail:  # "people briefed on the talks"
            end = tail.end()
        return Mention(
            start,
            end,
            self.text[start:end],
            MentionKind.DESCRIPTOR,
            m.head_lemma,
            w.upos,
            m.number,
            False,
            s_idx,
            tuple(x.text for x in words),
            w.ner,
        )

    def fullest_names(self, surname_sets: list[set[str]]) -> list[tuple[int, int] | None]:
        """For each set of surnames, the span of the longest name ending in one of them, not
        written in lower case, anywhere outside quotations, widened over the titles and given names in front
        ("Okafor" ... "Dr. Samuel Okafor"); None where a surname occurs nowhere."""
        if self.parse is None:
            return [None for _ in surname_sets]
        wanted = set().union(*surname_sets)
        # every occurrence of a wanted surname outside quotations, found in one pass
        found: dict[str, list[tuple[Sequence[Word], int]]] = {}
        for s_idx, sent in enumerate(self.parse.sentences if wanted else ()):
            for i, w in enumerate(sent.words):
                key = w.text.lower()
                if (
                    key in wanted
                    and w.upos in ("PROPN", "NOUN", "X", "ADJ")
                    and not w.text[:1].islower()  # "forecasters" writes no name "Forecasters"
                    and not self.quoted.covers(w.start)
                ):
                    found.setdefault(key, []).append(self._across_split(self.parse.sentences, s_idx, i))
        # a headline capitalises every word ("Elizabeth Warren Hammers Wells Fargo CEO"):
        # no name runs on after the surname there
        headline = headline_end(self.text)
        out: list[tuple[int, int] | None] = []
        for surnames in surname_sets:
            best: tuple[int, int] | None = None
            best_rank = (False, 0)
            for words, i in sorted(
                (hit for key in surnames for hit in found.get(key, ())), key=lambda hit: hit[0][hit[1]].start
            ):
                start = self._name_start(words, i)
                end = i if words[i].start < headline else self._name_end(words, start, i)
                span = (words[start].start, words[end].end)
                # a given name and the short form ("Donald J. Trump") name it before a name that runs
                # on past it ("Maryanne Trump Barry": there "Trump" is a middle name); not a title
                # and the short form ("President Yoon" is no fuller than "Yoon Suk Yeol")
                given = any(w.text.rstrip(".") not in self.lex.titles for w in words[start:i])
                rank = (given and end == i, span[1] - span[0])
                if best is None or rank > best_rank:
                    best, best_rank = span, rank
            out.append(best)
        return out

    def _across_split(self, sentences: Sequence[Sentence], s_idx: int, i: int) -> tuple[Sequence[Word], int]:
        """The words a surname at word ``i`` of sentence ``s_idx`` is read in, and its place there:
        its sentence, with the previous sentence's last word in front when the splitter cut a name
        in two ("Norland Chief Executive Susan | Park told analysts"): for a surname opening its
        sentence, after a capitalised given name one space before it (and the title before that)."""
        words = sentences[s_idx].words
        if i > 0 or s_idx == 0:
            return words, i
        before = sentences[s_idx - 1].words
        if before[-1].text in self.lex.first_names and self.text[before[-1].end : words[0].start] == " ":
            return [*before, *words], len(before)
        return words, i

    def _name_start(self, words: Sequence[Word], i: int) -> int:
        """Widen a surname at ``words[i]`` to the titles and given names in front."""
        j = i
        while True:
            if j > 1 and self._hyphenated_given_name(words, j):
                j -= 2  # "Frank-Walter Steinmeier": one given name the tokenizer split in three
                continue
            if not self._widens_over(words, i, j):
                return j
            j -= 1

    def _hyphenated_given_name(self, words: Sequence[Word], j: int) -> bool:
        """Do ``words[j - 2 : j + 1]`` spell one capitalised hyphenated name ("Frank-Walter",
        "Jean-Claude") whose tail ``words[j]`` is a word of the name being widened?"""
        first = words[j - 2]
        return (
            _hyphen_joined_words(words, j - 2)
            and first.upos == "PROPN"
            and first.text[:1].isupper()
            and first.text.isalpha()
            and words[j].text[:1].isupper()
            and not _paragraph_break(self.text, first.end, words[j].start)
        )

    def _widens_over(self, words: Sequence[Word], i: int, j: int) -> bool:
        """Does the name widened to ``words[j]`` take in the word before it?"""
        return (
            j > 0
            and (
                words[j - 1].upos == "PROPN"
                or words[j - 1].text.rstrip(".") in self.lex.titles
                or self._mistagged_given_name(words[j - 1])
            )
            and words[j - 1].text[:1].isupper()
            and not words[j - 1].text.endswith(POSSESSIVE_S)
            and not _paragraph_break(self.text, words[j - 1].end, words[j].start)
            and not (j < i and self._name_opens(words, j))
        )

    def _name_end(self, words: Sequence[Word], start: int, i: int) -> int:
        """Widen a name ending at the short form ``words[i]`` over the names the parse hangs on it
        after it: a family name written first ("Yoon Suk Yeol" ... "Yoon", "Kishida Fumio"), a
        second family name ("Ricardo Monreal Ávila" ... "Monreal"), a hyphenated given name
        ("Lee Jae-myung"). Only "flat" name words count: "Trump Tower" and "Clinton Foundation"
        are the heads of their own phrases, not the rest of a name."""
        k = i
        while k + 1 < len(words):
            nxt = words[k + 1]
            if not self._name_continues(words, start, k, nxt) or self.quoted.covers(nxt.start):
                break
            k += 1
            if _hyphen_joined_words(words, k):
                k += 2  # "Jae-myung", "Yo-jong": one given name the tokenizer split in three
        return k

    def _name_continues(self, words: Sequence[Word], start: int, k: int, nxt: Word) -> bool:
        """Is ``nxt`` (right after ``words[k]``, separated by one space) one more word of the name
        ``words[start..k]``: a capitalised proper noun the parse calls part of it?"""
        joined = _hyphen_joined_words(words, k + 1)  # nxt is words[k + 1]
        particle = nxt.text in self.lex.name_particles and k + 2 < len(words)
        particle = particle and words[k + 2].text[:1].isupper()
        return (
            nxt.upos == "PROPN"
            and (nxt.text[:1].isupper() or particle)  # "Lula da Silva"
            and self.text[words[k].end : nxt.start] == " "
            and nxt.text not in self.lex.calendar_words
            and nxt.text.rstrip(".") not in self.lex.titles
            and (
                (nxt.deprel == "flat" and words[start].index <= nxt.head <= words[k].index)
                or (joined and nxt.deprel in ("flat", "compound"))
            )
        )

    def _name_opens(self, words: Sequence[Word], j: int) -> bool:
        """Does the given name at ``words[j]`` open the name, the capitalised words before it being
        the field of a title's "for" phrase ("Gauteng MEC for Community Safety Faith Mazibuko": not
        "Community Safety Faith Mazibuko")? Titles and "of" phrases stay ("Superintendent of
        Police Arvind Tandon")."""
        if words[j].text not in self.lex.first_names or words[j - 1].text in self.lex.first_names:
            return False
        k = j
        while k > 0 and words[k - 1].upos == "PROPN" and words[k - 1].text[:1].isupper():
            if words[k - 1].text.rstrip(".") in self.lex.titles:
                return False
            k -= 1
        return k < j and k > 0 and words[k - 1].text == "for"

    def _mistagged_given_name(self, w: Word) -> bool:
        """A known given name that the tagger calls an adjective or noun ("Marcus Webb led ...":
        "Marcus" ADJ): still part of the name behind it."""
        return w.upos in ("ADJ", "NOUN", "X") and w.text in self.lex.first_names

    def description_after(self, span: tuple[int, int]) -> tuple[int, int] | None:
        """ "Dr. Samuel Okafor, a pulmonologist": the descriptive phrase after a name's comma."""
        assert self.parse is not None
        sent = self.parse.sentences[self.parse.sentence_at(span[0]) or 0]
        rest = self.text[span[1] : sent.end]
        m = re.match(r",\s+((?:a|an|the|who)\b[^,;]*?)(?:,|\.(?:\s|$)|;|$)", rest)
        if m and not re.match(r"(?:said|says|told|added)\b", m.group(1)):
            return span[1] + m.start(1), span[1] + m.end(1)
        return None
