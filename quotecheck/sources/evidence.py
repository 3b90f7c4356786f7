"""Evidence about sources: ground rules ("spoke on background"), reasons for anonymity
("because he was not authorized to speak") and declined comment ("declined to comment"),
matched by the lexicon's regular expressions and given to the source they describe: the one
whose description contains them, else the source mentioned in the same sentence, else the
source the sentence's subject refers back to."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicons import Lexicon
from ..mentions import Mention
from ..parsing import Parse, Word
from ..vocab import GroundRule, MentionKind, SourceType
from .cluster import Clusterer
from .model import Evidence, Source
from .typing import pronoun_fits

_CLAUSE_END = re.compile(r"[.;,”\"\n]|\s[—–]\s")
_MAIN_SPEECH_VERB = re.compile(r"\b(?P<before>\w+)(?=\s+(?:said|says|told)\b)")
# Words before a speech verb that make it the reason's own ("what he said", "who had told")
_VERB_SUBJECTS = frozenset(
    {"i", "you", "he", "she", "we", "they", "it", "who", "what", "which", "that"}
    | {"had", "has", "have", "was", "were", "is", "are", "never", "not", "also"}
)
_BLANKET = re.compile(r"\b(?:others|all|those|everyone|each)\b", re.IGNORECASE)  # a reason for everyone


def _sentence_span(parse: Parse, offset: int) -> tuple[int, int] | None:
    i = parse.sentence_at(offset)
    if i is None:
        return None
    s = parse.sentences[i]
    return s.start, s.end


def _in_description(cl: Clusterer, start: int, end: int) -> int | None:
    """The source with a mention whose description contains the phrase ("one NATO source who
    spoke on background")."""
    return min((idx for _, d_end, idx in cl.descriptions_holding(start) if end <= d_end + 40), default=None)


def _in_sentence(cl: Clusterer, span: tuple[int, int], start: int, prefer_anonymous: bool) -> int | None:
    """The source mentioned in the same sentence: the nearest one before the phrase, else the
    nearest after it; with ``prefer_anonymous``, anonymous sources only."""
    s_lo, s_hi = span
    nearest: tuple[tuple[int, int], int] | None = None  # ((0 before | 1 after, distance), source)
    for idx, m in cl.starting_between(s_lo, s_hi):
        if prefer_anonymous and not cl.sources[idx].anonymous:
            continue  # a named source in the same sentence is not the one granted anonymity
        key = ((0, start - m.start) if m.start <= start else (1, m.start - start), idx)
        if nearest is None or key < nearest:
            nearest = key
    return None if nearest is None else nearest[1]


def _subject_refers_back(
    cl: Clusterer, parse: Parse, s_lo: int, start: int, prefer_anonymous: bool
) -> int | None:
    """The earlier source the sentence's subject refers back to: "The official spoke on
    condition of anonymity", "He asked not to be named"."""
    # as the other callers of sentence_at: an offset before the first sentence is in the first
    sent = parse.sentences[parse.sentence_at(start) or 0]
    for w in sent.words:
        if w.deprel in ("nsubj", "nsubj:pass") and w.start < start:
            lemma = w.lemma.lower()
            for idx, x in cl.earlier(s_lo):
                src = cl.sources[idx]
                if (
                    w.upos == "PRON"
                    and lemma in cl.lex.pronouns
                    and (src.anonymous or not prefer_anonymous)
                    and pronoun_fits(w.text.lower(), src, cl.lex)
                ):
                    return idx
                # the tagger calls "official" in "The official asked not to be named" an adjective
                if w.upos in ("NOUN", "ADJ") and (
                    x.head_lemma == lemma or (src.anonymous and lemma in cl.lex.anonymous_nouns)
                ):
                    return idx
            break
    return None


def _nearby_anonymous(cl: Clusterer, text: str, start: int) -> int | None:
    """The nearest earlier anonymous source in this or the previous paragraph."""
    para_start = cl.paragraph_start(start, back=1)
    for idx, x in cl.earlier(start):
        if cl.sources[idx].anonymous and x.start >= para_start:
            return idx
    return None


def target_source(
    text: str, parse: Parse, cl: Clusterer, start: int, end: int, prefer_anonymous: bool, nearby: bool = False
) -> int | None:
    """The source a ground-rule phrase or reason at [start, end) describes: in a mention's
    description, else in the same sentence, else the subject's referent, else (reasons only,
    ``nearby``) the nearest earlier anonymous source."""
    found = _in_description(cl, start, end)
    if found is not None:
        return found
    span = _sentence_span(parse, start)
    if span is None:
        return None
    found = _in_sentence(cl, span, start, prefer_anonymous)
    if found is None:
        found = _subject_refers_back(cl, parse, span[0], start, prefer_anonymous)
    if found is None and prefer_anonymous and nearby:
        found = _nearby_anonymous(cl, text, start)
    return found


def assign_ground_rules(text: str, parse: Parse, cl: Clusterer, lex: Lexicon) -> list[Evidence]:
    """Give every ground-rule phrase and reason for anonymity to its source; return the
    ground-rule phrases that describe no source ("has learned")."""
    unattached: list[Evidence] = []
    rule_targets: dict[int, int] = {}  # sentence start -> source that took a ground rule there
    for ev in _ground_rule_hits(text, lex):
        target = target_source(text, parse, cl, ev.start, ev.end, prefer_anonymous=True)
        if target is None:
            unattached.append(ev)
            continue
        cl.sources[target].ground_rules.append(ev)
        span = _sentence_span(parse, ev.start)
        if span:
            rule_targets[span[0]] = target
    _assign_reasons(text, parse, cl, lex, rule_targets)
    return unattached


def _ground_rule_hits(text: str, lex: Lexicon) -> list[Evidence]:
    """Every ground-rule phrase in the text, in text order; a longer phrase listed first for
    a rule claims its spot."""
    claimed: list[tuple[int, int]] = []
    hits: list[Evidence] = []
    for rule, pattern in lex.ground_rules:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in claimed):
                continue  # a longer phrase for the same rule already covers this spot
            claimed.append((m.start(), m.end()))
            hits.append(Evidence(GroundRule(rule), m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda e: e.start)
    return hits


def _assign_reasons(
    text: str, parse: Parse, cl: Clusterer, lex: Lexicon, rule_targets: dict[int, int]
) -> None:
    """A reason goes to the source granted anonymity in its sentence, else to the source it
    describes; the earliest reason of a source is its reason."""
    spare: list[Evidence] = []  # reasons that name nobody in reach
    for pattern in lex.anonymity_reasons:
        group = "reason" if "reason" in pattern.groupindex else 0
        for m in pattern.finditer(text):
            start = m.start(group)
            span = _sentence_span(parse, start)
            target = rule_targets.get(span[0]) if span else None
            if target is None:
                target = target_source(text, parse, cl, start, m.end(), prefer_anonymous=True, nearby=True)
            # the reason runs from the match to the end of its clause
            end = _clause_end(text, m.end())
            ev = Evidence("reason", start, end, text[start:end])
            if target is None or not cl.sources[target].anonymous:
                spare.append(ev)
                continue
            src = cl.sources[target]
            if src.anonymity_reason is None or ev.start < src.anonymity_reason.start:
                src.anonymity_reason = ev
    _assign_spare_reasons(text, parse, cl, spare)
    _members_share_reasons(cl)


_PARTITIVE = re.compile(r"(?i)^(\w+) of (?:the|those|these) (\w+)")


def _members_share_reasons(cl: Clusterer) -> None:
    """ "according to three people familiar with the discussions, who spoke on the condition of
    anonymity ... “Q,” one of the people said": a member of a group the article introduced
    speaks under the group's terms, so an unexplained member (:func:`_group_test`) takes the
    reason of the latest earlier explained anonymous group it belongs to."""
    for src in cl.sources:
        first = src.mentions[0] if src.mentions else None
        if first is None or not src.anonymous or src.anonymity_reason is not None:
            continue
        belongs = _group_test(cl, first)
        if belongs is None:
            continue
        groups = [g for g in _explained_groups(cl, src, first) if belongs(g)]
        if groups:
            src.anonymity_reason = max(groups, key=lambda g: g.mentions[0].start).anonymity_reason


def _explained_groups(cl: Clusterer, src: Source, first: Mention) -> list[Source]:
    """The anonymous sources other than ``src`` with a reason, introduced before ``first``."""
    return [
        g
        for g in cl.sources
        if g is not src
        and g.anonymous
        and g.anonymity_reason is not None
        and g.mentions
        and g.mentions[0].start < first.start
    ]


_ONE_OF_THEM = re.compile(r"(?i)^one of them$")  # a member of the latest explained group
_ONE_MEMBER = re.compile(r"(?i)^one \w+$")  # "one nurse"; "an official" is a new source, no member


def _group_test(cl: Clusterer, first: Mention) -> Callable[[Source], bool] | None:
    """Which groups a member's first mention belongs to: "one of the people" (a counting word, a
    partitive) to those whose description has "people"; "one of them" to any anonymous group;
    "one nurse" to an anonymous group headed "nurse" ("Several nurses at Pine Ridge, who spoke on
    the condition of anonymity ... “Q,” one nurse said"). None for no member: not "An official
    said" after "Two officials ..., who requested anonymity", a new source."""
    found = _PARTITIVE.match(first.text)
    if found is not None:
        if found.group(1).lower() not in cl.lex.counting_determiners:  # "one", "two", "some"
            return None
        noun = found.group(2).lower()
        return lambda g: noun in (w.lower() for w in g.mentions[0].words)
    if _ONE_OF_THEM.match(first.text) is not None:  # "One of them said", right after the group
        return lambda g: g.type == SourceType.ANONYMOUS_GROUP
    if _ONE_MEMBER.match(first.text) is None or first.number != "sing":
        return None
    return lambda g: g.type == SourceType.ANONYMOUS_GROUP and g.mentions[0].head_lemma == first.head_lemma


def _assign_spare_reasons(text: str, parse: Parse, cl: Clusterer, spare: list[Evidence]) -> None:
    """A reason stated for everyone ("like others interviewed, spoke on condition of anonymity
    because ...") or when only one anonymous source lacks one: about a third of reasons come
    after the first quotation, far from any mention."""
    unexplained = [src for src in cl.sources if src.anonymous and src.anonymity_reason is None]
    for ev in spare:
        sentence = _sentence_span(parse, ev.start) or (ev.start, ev.end)
        blanket = _BLANKET.search(text[sentence[0] : ev.start])
        if blanket:
            for src in unexplained:
                src.anonymity_reason = ev
            unexplained = []
        elif len(unexplained) == 1:
            unexplained[0].anonymity_reason = ev
            unexplained = []


def assign_declined_comment(text: str, parse: Parse, cl: Clusterer, lex: Lexicon) -> None:
    """ "The official declined to comment": give the evidence to the source that is the
    subject of the sentence (same head noun with "the", a pronoun, or a name)."""
    for pattern in lex.declined_comment:
        for m in pattern.finditer(text):
            if cl.quoted.covers(m.start()):
                continue
            s_idx = parse.sentence_at(m.start())
            if s_idx is None:
                continue
            sent = parse.sentences[s_idx]
            before = [
                w for w in sent.words if w.end <= m.start() and w.upos in ("NOUN", "PROPN", "PRON", "ADJ")
            ]
            if not before:
                continue
            target = _declining_source(cl, before[-1], m.start())
            if target is not None:
                cl.sources[target].declined_comment.append(
                    Evidence("declined_comment", m.start(), m.end(), m.group(0))
                )


def _declining_source(cl: Clusterer, w: Word, before: int) -> int | None:
    """The nearest earlier source the word before "declined to comment" refers to."""
    lemma = w.lemma.lower()
    for idx, x in cl.earlier(before):
        src = cl.sources[idx]
        if w.upos == "PRON" and lemma in cl.lex.pronouns and pronoun_fits(w.text.lower(), src, cl.lex):
            return idx
        if w.upos == "PROPN" and x.kind == MentionKind.NAME and cl.surname(x) == w.text.lower():
            return idx
        if w.upos in ("NOUN", "ADJ") and x.kind != MentionKind.PRONOUN and x.head_lemma == lemma:
            return idx
    return None


def _clause_end(text: str, pos: int) -> int:
    """Where the clause going on at ``pos`` ends: at punctuation, or where the sentence's own
    speech verb follows a reason that has no comma after it ("because he was not authorized
    to discuss the talks said ..."); a speech verb of the reason's own subject ("what he
    said") does not end it."""
    m = _CLAUSE_END.search(text, pos)
    end = m.start() if m else len(text)
    for verb in _MAIN_SPEECH_VERB.finditer(text, pos, end):
        if verb.group("before").lower() not in _VERB_SUBJECTS:
            return verb.end()  # the reason ends with the word before the verb
    return end
