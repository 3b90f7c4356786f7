"""The clusterer: speaker mentions joined into sources, one resolver per mention kind.

"Marine Gen. James L. Jones" ... "Jones" ... "he" is one source; "one NATO source" ...
"the source" is another. Walking the attributions in text order, each speaker mention goes
to the resolver for its :class:`~quotecheck.vocab.MentionKind` (:data:`RESOLVERS`):

- a name joins the earlier named source with the same surname (or the same full name), an
  acronym ("the CDC") the one organization it stands for;
- a pronoun joins the nearest earlier source it is compatible with (he/she: a person; they:
  a group, an organization or a plural; it: an organization or a document), or a person
  named in passing nearer to it;
- a definite nominal ("the source", "the official", "the campaign") joins the nearest earlier
  source with the same head noun, or of the same class (anonymous descriptor, organization,
  document); with none, it introduces a new source;
- an indefinite descriptor ("a senior official") is a new source; the same bare plural
  ("officials said" twice) is the same group.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from sys import maxsize

from ..documents.blocks import paragraph_spans
from ..lexicons import Lexicon
from ..mentions import (
    HEADLINE_WORDS,
    NAME_ANTECEDENT_RELS,
    POSSESSIVE_MARKS,
    POSSESSIVE_S,
    WRITER_PRONOUNS,
    Mention,
    MentionFinder,
    NameRun,
    QuotedSpans,
    given_gender,
    given_name,
    given_names_fit,
    name_from_text,
    name_gender,
    normalized,
    surname,
)
from ..parsing import Parse, Sentence, Word
from ..vocab import MentionKind, Resolution, SourceType
from .model import Evidence, Source
from .ranker import FEATURES, Candidate, Layout, Ranker, default_ranker, features
from .typing import (
    class_of,
    definite_person,
    described_as_organization,
    identified_role,
    is_org_name,
    is_person_noun,
    named_by_its_staff,
    pronoun_fits,
    staff_organization,
    type_of,
)

_GENDERED = ("he", "him", "she", "her")
# "in San Diego", "in the Bronx": up to four capitalised words after "in" ("Clinton’s" is one word)
_AFTER_IN = re.compile(r"\b[Ii]n\s+(?:the\s+)?((?:(?:St\.|[A-Z][\w'’-]*)[ \t]+){0,3}[A-Z][\w'’-]*)")
# "Ms. Brainard", "Mr Smith": an honorific and the surname after it
_HONORIFIC = re.compile(r"\b([A-Z][a-z]{1,3})\.?\s+([A-Z][\w'’-]+)")


# parts of speech no given name is tagged with (a sentence-opening "When", "But", "Then")
_CLOSED_CLASSES = frozenset({"ADP", "ADV", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"})


class Clusterer:
    """The sources of one article as they grow, with the indexes resolvers ask: mentions by
    span, earlier mentions nearest first, each source's names and descriptors normalized."""

    def __init__(
        self,
        text: str,
        lex: Lexicon,
        parse: Parse | None = None,
        quoted: list[tuple[int, int]] | None = None,
        paragraphs: Sequence[tuple[int, int]] | None = None,
        ranker: Ranker | None = None,
    ):
        self.text = text
        self.ranker = ranker or default_ranker()
        # when a list: every pronoun resolved, with its candidates (to train the ranker)
        self.trace: list[tuple[Mention, list[Candidate]]] | None = None
        # paragraph starts: the Document's blocks, else the text's blank-line paragraphs
        self._paragraph_starts = [s for s, _ in (paragraph_spans(text) if paragraphs is None else paragraphs)]
        self.lex = lex
        self.parse = parse
        self.quoted = QuotedSpans(quoted or [])
        self.finder = MentionFinder(text, parse, lex, self.quoted)
        self.sources: list[Source] = []
        self._by_span: dict[tuple[int, int], int] = {}
        # every mention, nearest-first order for earlier(): (-start, source, sequence) keys
        self._keys: list[tuple[int, int, int]] = []
        self._pairs: list[tuple[int, Mention]] = []
        # the same two lists for the named mentions with a description ("Peter's wife, Joan"), which
        # "his wife" reads: a long article's thousands of "his wife" would otherwise walk every mention
        self._described_keys: list[tuple[int, int, int]] = []
        self._described_names: list[tuple[int, Mention]] = []
        # and for the mentions that end in name words, with those words (:func:`_trailing_name`), which
        # each new name reads (:func:`_person_first_word`)
        self._trailing_keys: list[tuple[int, int, int]] = []
        self._trailing_names: list[tuple[int, Mention, list[str]]] = []
        self._longest_mention = 0  # characters: only mentions starting this close to an offset end after it
        self._latest: tuple[int, int] | None = None  # (attribution, source) of the latest one linked
        # per source: (normalized text, surname) of its names, normalized text of its descriptors
        self._names: list[list[tuple[str, str | None]]] = []
        self._given: list[set[str]] = []  # per source: the given names of its names ("hillary")
        self._descriptors: list[list[str]] = []
        # the same, the other way round: the first source with a name or descriptor written so,
        # the sources (ascending) with a name of a surname; and each source's mention spans
        self._first_named: dict[str, int] = {}
        self._first_described: dict[str, int] = {}
        self._by_surname: dict[str | None, list[int]] = {}
        self._spans: list[set[tuple[int, int]]] = []
        # the sources all of whose mentions are one writer's pronoun ("i" or "we"): source -> pronoun
        self._writer_only: dict[int, str] = {}
        # (start, end, source) of every mention's description, sorted, and the longest one's length
        self._descriptions: list[tuple[int, int, int]] = []
        self._word_starts: dict[str, list[int]] | None = None  # lower-case word -> its offsets
        self._longest_description = 0
        self._guessed_gender: set[int] = set()  # sources whose gender is a surname guess
        self._written_roles: dict[str, str] = {}  # surname -> the words before each place written
        self._outer_words: dict[tuple[int, int, int], Word | None] = {}  # (sentence, start, end) -> word
        self._closed_class_starts: set[int] | None = None  # offsets of function words (_may_open_name)
        self._family_names: dict[str, bool] = {}  # capitalised word -> family_name()'s answer

    # ------------------------------------------------------------------ growing

    def paragraph_start(self, offset: int, back: int = 0) -> int:
        """Where the paragraph ``back`` paragraphs before the one holding ``offset`` starts (the
        first paragraph's start when there are fewer; 0 in an empty article)."""
        k = bisect_right(self._paragraph_starts, offset) - 1 - back
        return self._paragraph_starts[max(k, 0)] if self._paragraph_starts else 0

    def new(self) -> int:
        """A new, empty source; its index."""
        src = Source(len(self.sources))
        self.sources.append(src)
        self._names.append([])
        self._given.append(set())
        self._descriptors.append([])
        self._spans.append(set())
        return src.index

    def attach(self, idx: int, m: Mention) -> None:
        """Append a mention to a source and index it."""
        self.sources[idx].mentions.append(m)
        key = (-m.start, idx, len(self._keys))
        at = bisect_left(self._keys, key)
        self._keys.insert(at, key)
        self._pairs.insert(at, (idx, m))
        if m.kind == MentionKind.NAME and m.description:
            at = bisect_left(self._described_keys, key)
            self._described_keys.insert(at, key)
            self._described_names.insert(at, (idx, m))
        if trailing := _trailing_name(m, self.lex):
            at = bisect_left(self._trailing_keys, key)
            self._trailing_keys.insert(at, key)
            self._trailing_names.insert(at, (idx, m, trailing))
        self._spans[idx].add((m.start, m.end))
        pronoun = m.head_lemma if m.kind == MentionKind.PRONOUN else None
        if len(self.sources[idx].mentions) == 1 and pronoun in WRITER_PRONOUNS:
            self._writer_only[idx] = m.head_lemma
        elif self._writer_only.get(idx, pronoun) != pronoun:
            del self._writer_only[idx]
        self._longest_mention = max(self._longest_mention, m.end - m.start)
        if m.description:
            insort(self._descriptions, (*m.description, idx))
            self._longest_description = max(self._longest_description, m.description[1] - m.description[0])
        if m.kind == MentionKind.NAME:
            full, last = normalized(m.text), surname(m, self.lex)
            self._names[idx].append((full, last))
            if (given := given_name(m.words, self.lex)) is not None:
                self._given[idx].add(given)
            self._first_named[full] = min(idx, self._first_named.get(full, idx))
            holders = self._by_surname.setdefault(last, [])
            if idx not in holders:
                insort(holders, idx)
        elif m.kind == MentionKind.DESCRIPTOR:
            norm = normalized(m.text)
            self._descriptors[idx].append(norm)
            self._first_described[norm] = min(idx, self._first_described.get(norm, idx))

    def writer_source(self, pronoun: str) -> int | None:
        """The source of the writer's earlier "I" (or "we"): the first one whose every mention is
        that pronoun (indexed as mentions are attached: a column's thousands of "I" would otherwise
        rescan the writer's ever longer list each time). The writer's "I should say that ..." is
        never the words of the person named before it (no antecedent is looked for)."""
        return min((idx for idx, lemma in self._writer_only.items() if lemma == pronoun), default=None)

    def add(self, idx: int, m: Mention) -> int:
        """Make the mention one of the source's (once per span); update its gender and type."""
        src = self.sources[idx]
        if (m.start, m.end) not in self._spans[idx]:
            self.attach(idx, m)
        self._by_span[(m.start, m.end)] = idx
        if m.kind == MentionKind.PRONOUN and m.head_lemma in _GENDERED and src.gender is None:
            src.gender = self.lex.pronouns[m.head_lemma][1]
        if m.kind == MentionKind.NAME:
            self._gender_from_name(src, m)
        if not src.name or (m.kind != MentionKind.PRONOUN and self._typed_from_headline(src, m)):
            self._retype(src)
        return idx

    def _gender_from_name(self, src: Source, m: Mention) -> None:
        """Give a source the gender a name of it gives: its own words' (a given name, "Mr.")
        over a guess from a given name written before its surname elsewhere, which a later
        name's own words correct ("Bush" after "Columba Bush" is a woman until "Mr. Bush")."""
        written = _written_gender(self, m)
        if written is not None and src.index in self._guessed_gender:
            src.gender = written
            self._guessed_gender.discard(src.index)
        elif src.gender is None:
            src.gender = written or self.finder.gender(m)
            if written is None and src.gender is not None:
                self._guessed_gender.add(src.index)

    def _retype(self, src: Source) -> None:
        """Type and name a source from its first mention that is not a pronoun, outside the
        headline when it has one there: a headline's words are a fragment of a sentence,
        not a source's name, and a description only there is no source at all."""
        real = [m for m in src.mentions if m.kind != MentionKind.PRONOUN]
        body = [m for m in real if not self.in_headline(m)]
        first = (body or real or src.mentions)[0]
        src.type = type_of(first, self.lex)
        if src.type == SourceType.NAMED_PERSON and (
            named_by_its_staff(first, self.text, self.lex)
            or described_as_organization(first, self.text, self.lex)
        ):
            src.type = SourceType.NAMED_ORGANIZATION  # "Google announced" beside "a Google spokesperson"
        if src.type == SourceType.ANONYMOUS_INDIVIDUAL and definite_person(first, self.lex):
            src.type = SourceType.NAMED_PERSON  # "the congressman" that nothing took up
        if not body and real and not self.headline_person(first):
            src.type = SourceType.UNKNOWN  # "Riders Say ...", "Lawmakers Rip Donald Trump": a fragment
        names = [m for m in (body or real) if m.kind == MentionKind.NAME]
        name = max(names, key=lambda m: len(m.text)).text if names else first.text
        src.name = re.sub(r"\s*\([A-Z][\w.-]*\)", "", name)  # party tags belong to the mention
        if src.description is None:
            src.description = next((m.description for m in real if m.description), None)
        if src.type == SourceType.NAMED_PERSON and src.gender is None:
            src.gender = next((g for m in real if (g := self.finder.mention_gender(m)) is not None), None)
        for m in real:
            if src.gender is None:  # "Mr. Smith": he
                src.gender = next(
                    (g for h, g in self.lex.honorifics.items() if m.text.startswith((f"{h} ", f"{h}."))), None
                )

    def _typed_from_headline(self, src: Source, m: Mention) -> bool:
        """Is the source still untyped, or typed only from its headline mentions, when a mention
        outside the headline arrives?"""
        if src.type == SourceType.UNKNOWN:
            return True
        return not self.in_headline(m) and all(
            self.in_headline(x) for x in src.mentions if x.kind != MentionKind.PRONOUN and x is not m
        )

    def family_name(self, word: str) -> bool:
        """Is a capitalised word a family's plural ("Garcias", "Ellisons", "Joneses") of a surname
        written after a given name in the article? Answered once per word and article: each "they"
        near "the Garcias" would otherwise search the whole text again."""
        if word not in self._family_names:
            stems = [word[:-2]] if word.endswith("es") else []
            stems += [word[:-1]] if word.endswith("s") else []
            self._family_names[word] = any(
                len(stem) > 1 and re.search(rf"\b[A-Z][a-z]+ {re.escape(stem)}\b", self.text)
                for stem in stems
            )
        return self._family_names[word]

    def headline_person(self, m: Mention) -> bool:
        """Is a headline mention a person's name ("Pat Caddell: ...")? A headline capitalises
        every word, so only a given name or a title in front says so, and no speech verb after
        it ("Mayor Defends Closure": the tagger takes the headline's verb for a name)."""
        return (
            m.kind == MentionKind.NAME
            and bool(m.words)
            and (m.words[0] in self.lex.first_names or m.words[0].rstrip(".") in self.lex.titles)
            and not any(w.endswith("s") and w[:-1].lower() in self.lex.speech_verbs for w in m.words[1:])
        )

    @cached_property
    def _headline(self) -> tuple[int, int] | None:
        """The article's headline: its first paragraph when that is one short line and more
        paragraphs follow (PolNeAR's first line; a Markdown or HTML heading)."""
        starts = self._paragraph_starts
        if len(starts) < 2:
            return None
        first = self.text[starts[0] : starts[1]].strip()
        if "\n" in first or len(first.split()) > HEADLINE_WORDS:
            return None
        return starts[0], starts[0] + len(first)

    @cached_property
    def place_names(self) -> frozenset[str]:
        """Every whole run of capitalised words the article writes after "in" ("in San Diego",
        "in the Bronx"; not "Trump" of "in Trump Tower"): places. One pass over the text."""
        return frozenset(" ".join(found.group(1).split()) for found in _AFTER_IN.finditer(self.text))

    @cached_property
    def honorific_genders(self) -> dict[str | None, str]:
        """The gender an honorific gives each surname anywhere in the article ("Ms. Brainard":
        brainard is "f"), the first one written winning. One pass over the text."""
        genders: dict[str | None, str] = {}
        for found in _HONORIFIC.finditer(self.text):
            gender = self.lex.honorifics.get(found.group(1))
            if gender is not None:
                genders.setdefault(found.group(2).lower(), gender)
        return genders

    def in_headline(self, m: Mention) -> bool:
        """Does the mention lie in the headline?"""
        return self._in_headline_at(m.start)

    def _in_headline_at(self, offset: int) -> bool:
        return self._headline is not None and self._headline[0] <= offset < self._headline[1]

    def type_staff_as_organizations(self) -> None:
        """An unnamed spokesperson or staff on the record for an organization the mention
        names ("a State Department spokesman", "Pentagon officials", "a spokeswoman for the
        agency") is that organization, described by the mention: newsrooms treat it as the
        organization's attribution; a named person's staff ("his aides", "a spokeswoman for
        Trump") are that person (:func:`_staff_owner`, :func:`_person_staffed`), whose source
        they later join. Run once ground rules and reasons are assigned: staff
        granted anonymity ("a senior Pentagon official who spoke on condition of anonymity")
        stay anonymous sources."""
        if self.parse is None:
            return
        for src in self.sources:
            if not src.anonymous or src.ground_rules or src.anonymity_reason is not None:
                continue
            first = next((m for m in src.mentions if m.kind != MentionKind.PRONOUN), None)
            if first is None or _senior_insider(first, self.lex):
                continue
            sentence = self.parse.sentences[first.sentence]
            words = [w for w in sentence.words if first.start <= w.start < first.end]
            org = staff_organization(first, words, self.text, self.lex)
            owner = _staff_owner(self, first, words) if org is None else _person_staffed(self, org)
            if owner is not None:  # "his aides": the person speaking through them (docs/labelling.md)
                src.type, src.name = SourceType.NAMED_PERSON, owner
            elif org is not None:
                src.type, src.name = SourceType.NAMED_ORGANIZATION, self.text[org[0] : org[1]]
            if owner is not None or org is not None:
                src.description = (first.start, first.end)

    # ------------------------------------------------------------------ questions

    def link(self, idx: int, n: int) -> None:
        """Give source ``idx`` attribution ``n`` (attributions are linked in text order)."""
        self.sources[idx].attributions.append(n)
        if self._latest is None or n > self._latest[0]:
            self._latest = (n, idx)

    def last_speaker(self) -> int | None:
        """The source of the latest attribution linked so far (attributions go in text order)."""
        return None if self._latest is None else self._latest[1]

    def layout(self, m: Mention) -> Layout:
        """Where a mention sits (sentence, paragraph, first sentence of it) and its role: the
        relation of its word whose head lies outside it ("" without a parse)."""
        paragraph = bisect_right(self._paragraph_starts, m.start) - 1
        if self.parse is None or not self.parse.sentences:
            return Layout(m.sentence, paragraph, False, "")
        sent = self.parse.sentences[m.sentence]
        outer = self.outer_word(m)
        start = self._paragraph_starts[paragraph] if paragraph >= 0 else 0
        first = self.parse.sentence_at(start) == m.sentence
        return Layout(m.sentence, paragraph, first, _role(sent, outer, self.lex))

    def outer_word(self, m: Mention) -> Word | None:
        """The word of a mention whose head lies outside it (:func:`_outer_word`; needs a parse),
        found once per mention: every pronoun weighs the same earlier mentions again."""
        key = (m.sentence, m.start, m.end)
        if key not in self._outer_words:
            assert self.parse is not None
            self._outer_words[key] = _outer_word(self.parse.sentences[m.sentence], m.start, m.end)
        return self._outer_words[key]

    def places_written(self, key: str) -> list[int]:
        """Where ``key`` ("Clinton", "Hillary Clinton") is written in the text as whole words,
        any case: from an index of the text's words built once (linear in the text, where a
        scan per key would be quadratic)."""
        if self._word_starts is None:
            self._word_starts = {}
            for found in re.finditer(r"\w+", self.text):
                self._word_starts.setdefault(found.group().lower(), []).append(found.start())
        words = re.findall(r"\w+", key.lower())
        if not words:
            return []
        pattern = re.compile(rf"{re.escape(key)}\b", re.IGNORECASE)
        return [
            start
            for start in self._word_starts.get(words[0], [])
            if (start == 0 or not self.text[start - 1].isalnum()) and pattern.match(self.text, start)
        ]

    def written_roles(self, key: str) -> str:
        """Every place ``key`` (a surname) is written, with up to four words before it in its
        line and sentence: what the text says the person is, for :func:`_role_context`. Built
        once per surname (each description weighs every candidate against it)."""
        if key not in self._written_roles:
            parts = []
            for start in self.places_written(key):
                line_start = self.text.rfind("\n", max(0, start - 50), start) + 1
                window = self.text[_role_window(self, max(line_start, start - 50), start) : start]
                before = _front_apposition(window) or window.split()[-4:]
                parts.append(" ".join([*before, self.text[start : start + len(key)]]))
            self._written_roles[key] = " ".join(parts)
        return self._written_roles[key]

    @cached_property
    def side_words(self) -> frozenset[str]:
        """The lexicon's side words, lower-cased (:func:`_sides`)."""
        return frozenset(w.lower() for w in self.lex.side_words)

    def earlier(self, before: int) -> Iterator[tuple[int, Mention]]:
        """(source index, mention) pairs ending before an offset, nearest first."""
        for i in range(bisect_left(self._keys, (-before + 1,)), len(self._pairs)):
            pair = self._pairs[i]
            if pair[1].end <= before:
                yield pair

    def earlier_list(self, before: int) -> list[tuple[int, Mention]]:
        """``list(self.earlier(before))``, most of it one slice: a mention that starts further
        back than the longest mention's length ends before the offset."""
        first = bisect_left(self._keys, (-before + 1,))
        safe = max(first, bisect_right(self._keys, (self._longest_mention - before - 1, maxsize)))
        return [pair for pair in self._pairs[first:safe] if pair[1].end <= before] + self._pairs[safe:]

    def described_names(self, before: int) -> list[tuple[int, Mention]]:
        """The (source index, mention) pairs of :meth:`earlier_list` whose mention is a name with a
        description, in the same order (an index kept as mentions are attached)."""
        first = bisect_left(self._described_keys, (-before + 1,))
        return [pair for pair in self._described_names[first:] if pair[1].end <= before]

    def trailing_names(self, before: int) -> list[tuple[int, Mention, list[str]]]:
        """The (source index, mention, its name words) of the mentions of :meth:`earlier_list` that end
        in name words (:func:`_trailing_name`), in the same order (an index kept as mentions are attached)."""
        first = bisect_left(self._trailing_keys, (-before + 1,))
        return [entry for entry in self._trailing_names[first:] if entry[1].end <= before]

    def starting_between(self, lo: int, hi: int) -> list[tuple[int, Mention]]:
        """(source index, mention) pairs of the mentions starting in [lo, hi), nearest to ``hi``
        first (two bisections)."""
        return self._pairs[
            bisect_right(self._keys, (-hi, maxsize)) : bisect_right(self._keys, (-lo, maxsize))
        ]

    def descriptions_holding(self, offset: int) -> Iterator[tuple[int, int, int]]:
        """(start, end, source index) of the mentions' descriptions that hold an offset, by start."""
        first = bisect_left(self._descriptions, (offset - self._longest_description + 1,))
        for start, end, idx in self._descriptions[
            first : bisect_right(self._descriptions, (offset, maxsize))
        ]:
            if offset < end:
                yield start, end, idx

    def surname(self, m: Mention) -> str | None:
        return surname(m, self.lex)

    def named_source(self, m: Mention) -> int | None:
        """The first source with a name written the same way, or (for a person) with the
        same surname."""
        full, key = normalized(m.text), surname(m, self.lex)
        same = self._first_named.get(full)
        given = given_name(m.words, self.lex)
        person = self.named_person(key, given) if key else None
        if person is not None and given is not None and self._introduced_as_other(person, key, given):
            person = None  # "Ghazala Khan" after a "Khan" that took up "Khizr Khan"
        if (
            person is not None
            and (same is None or person < same or self._headline_fragment(same))
            and not is_org_name(m, self.lex)
        ):
            return person
        return same if same is not None or person is not None else self._person_by_given_name(m)

    def _introduced_as_other(self, idx: int, key: str | None, given: str) -> bool:
        """Was a person known so far by the bare surname introduced, before its first mention, by a
        full name with another given name ("Khizr Khan ... Khan said" is not "Ghazala Khan")?"""
        if self._given[idx] or key is None:
            return False
        introduced = [
            f.group(1).lower() for f in self._introductions(key, self.sources[idx].mentions[0].start)
        ]
        return bool(introduced) and given not in introduced

    def _introductions(self, key: str, before: int) -> list[re.Match[str]]:
        """The full names "Given Surname" of a surname written before an offset, in order ("Khizr
        Khan"; not a title: "Capt. Khan"; not the tail of a hyphenated given name: "Frank-Walter
        Steinmeier" introduces no "Walter Steinmeier")."""
        found = re.compile(rf"(?<!-)\b([A-Z][a-z]{{2,}})[ \t]+((?i:{re.escape(key)}))\b").finditer(
            self.text, 0, before
        )
        return [
            f
            for f in found
            if given_name([f.group(1), f.group(2)], self.lex) and self._may_open_name(f.start())
        ]

    def _may_open_name(self, offset: int) -> bool:
        """Can the word at an offset be a given name: not a word the parse tags a closed-class word
        ("When Khan", "But Khan" at a sentence's start are no introductions of a "Khan")? True
        without a parse or a word starting there."""
        if self._closed_class_starts is None:
            words = self.parse.words if self.parse is not None else ()
            self._closed_class_starts = {w.start for _, w in words if w.upos in _CLOSED_CLASSES}
        return offset not in self._closed_class_starts

    def _introduction_for(self, src: Source, best: tuple[int, int]) -> tuple[int, int]:
        """The full name a person known only by a bare surname was introduced with ("Khizr Khan, the
        father of ..." before "Khan said"), when the fullest name found lies in the person's own
        description and bears another given name ("Khan, a lawyer whose son, Capt. Humayun Khan,
        died"); else the fullest name."""
        key = surname(src.mentions[0], self.lex) if src.type == SourceType.NAMED_PERSON else None
        if key is None or self._given[src.index] or not self._in_own_description(src, best):
            return best
        introduced = self._introductions(key, min(m.start for m in src.mentions))
        fullest = given_name(self.text[best[0] : best[1]].split(), self.lex)
        if not introduced or fullest is None or fullest == introduced[0].group(1).lower():
            return best
        return introduced[0].span()

    @staticmethod
    def _in_own_description(src: Source, span: tuple[int, int]) -> bool:
        """Does a span lie inside the description of one of the source's mentions?"""
        return any(m.description and m.description[0] <= span[0] < m.description[1] for m in src.mentions)

    def _person_by_given_name(self, m: Mention) -> int | None:
        """A lone known given name that is nobody's surname ("Ann" after "Her daughter, Ann Hale"):
        the one named person whose names all bear that given name (not a source that already
        joined "Betsy Ebeling" and "Tom Ebeling"); None when none or several have it."""
        if len(m.words) != 1 or m.words[0] not in self.lex.first_names:
            return None
        given = m.words[0].lower()
        holders = [
            src.index
            for src in self.sources
            if src.type == SourceType.NAMED_PERSON
            and self._given[src.index] == {given}
            and self._may_be_named(src, given)
        ]
        return holders[0] if len(holders) == 1 else None

    def named_person(self, key: str | None, given: str | None = None) -> int | None:
        """The first named person with a name of this surname that may bear this given name
        (:meth:`_may_be_named`: "Ivanka Trump" is not "Donald Trump", nor the "Trump" that "he"
        took up)."""
        holders = self._by_surname.get(key, ())
        return next(
            (
                i
                for i in holders
                if self.sources[i].type == SourceType.NAMED_PERSON
                and self._may_be_named(self.sources[i], given)
            ),
            None,
        )

    def _headline_fragment(self, idx: int) -> bool:
        """Is a source only a headline's untyped name ("Clinton Says ..."), a fragment and no
        source (docs/labelling.md)? The body's later "Clinton said" is then the person the body
        named in full ("Hillary Clinton said"), not the headline's: joining the headline's would
        make it a second "Hillary Clinton"."""
        src = self.sources[idx]
        return src.type == SourceType.UNKNOWN and all(
            self.in_headline(m) for m in src.mentions if m.kind != MentionKind.PRONOUN
        )

    def _may_be_named(self, src: Source, given: str | None) -> bool:
        """Can a person source bear a name with this given name: no other given name among its
        names, and no other gender than its own ("she" is no "Bill")?"""
        if not all(given_names_fit(given, g) for g in self._given[src.index]):
            return False
        gender = given_gender(given, self.lex)
        return src.gender is None or gender is None or gender == src.gender

    def known_surname(self, key: str | None) -> bool:
        """Is this the surname of a named person already quoted?"""
        return self.named_person(key) is not None

    def descriptor_source(self, m: Mention) -> int | None:
        """The first source with a descriptor written the same way ("officials")."""
        return self._first_described.get(normalized(m.text))

    # ------------------------------------------------------------------ resolving

    def resolve(self, m: Mention) -> tuple[int, Resolution | None]:
        """Source index for a mention, and how it was resolved (None: the mention was
        resolved before)."""
        if (m.start, m.end) in self._by_span:
            return self._by_span[(m.start, m.end)], None
        if m.antecedent is not None:  # "Plouffe, who called Trump": the relative is its antecedent's
            idx, how = self.resolve(m.antecedent)
            return self.add(idx, m), how or Resolution.EXPLICIT
        return RESOLVERS[m.kind](self, m)

    def complete_names(self) -> None:
        """Give each named source the fullest form of its name found anywhere in the article
        (outside quotations): "Okafor" ... "Dr. Samuel Okafor, a pulmonologist". The longer
        form becomes a mention of the source and its canonical name."""
        named = [
            src
            for src in self.sources
            if src.type in (SourceType.NAMED_PERSON, SourceType.NAMED_ORGANIZATION)
        ]
        surnames = [{key for _, key in self._names[src.index] if key is not None} for src in named]
        for src, best in zip(named, self.finder.fullest_names(surnames), strict=True):
            if best is None:
                continue
            best = self._introduction_for(src, best)
            candidate = self.text[best[0] : best[1]]
            if len(candidate) < len(src.name) or "\n" in candidate or self._in_headline_at(best[0]):
                continue
            if src.type == SourceType.NAMED_PERSON and not self._may_be_named(
                src, given_name(candidate.split(), self.lex)
            ):
                continue  # "President Bill Clinton" is no fuller name of "Hillary Clinton"
            src.name = candidate
            given = [w for w in candidate.split() if w.rstrip(".") not in self.lex.titles]
            if src.gender is None and len(given) >= 2 and given[0] in self.lex.first_names:
                src.gender = self.lex.first_names[given[0]]
            if not any(m.start <= best[0] < m.end for m in src.mentions):
                assert self.parse is not None
                self.attach(src.index, name_from_text(self.text, best, self.parse.sentence_at(best[0]) or 0))
            if src.description is None:
                src.description = self.finder.description_after(best)


_NAMING_RELS = ("appos", "flat", "compound")  # a name beside the phrase it names


def _role(sent: Sentence, outer: Word | None, lex: Lexicon) -> str:
    """A mention's grammatical role: the relation of its outer word, or, for a name the parse
    attaches to a person's description before it ("Clinton campaign manager Robby Mook
    released", "the ambassador, François Delattre, uttered"), the relation of that description
    ("" without a word); a noun phrase the parse makes its sentence's root, heading more than its
    name, is its subject (the compact parse loses the verb after a long subject)."""
    if outer is None:
        return ""
    head = sent.head_of(outer)
    if (
        outer.deprel in _NAMING_RELS
        and head is not None
        and head.index < outer.index
        and head.upos == "NOUN"
        and is_person_noun(head.lemma.lower(), lex)
    ):
        return head.deprel
    if outer.deprel == "root" and outer.upos in ("PROPN", "NOUN") and _heads_more(sent, outer):
        return "nsubj"  # the verb lost ("Ohio Gov. John Kasich, a Republican contender, predicted")
    return outer.deprel


def _heads_more(sent: Sentence, word: Word) -> bool:
    """Does a word head more than its own name (not a signature line: "Ernie Helton.")?"""
    return any(k.deprel not in ("flat", "compound", "punct") for k in sent.children(word))


_OWNER_PRONOUNS = ("his", "her")


def _staff_owner(cl: Clusterer, m: Mention, words: list[Word]) -> str | None:
    """The name of the person whose staff a mention opening with "his"/"her" is ("his aides",
    "her spokesman", lexicons ``staff_nouns`` and ``personal_staff_nouns``), as the possessive's
    antecedent resolves: the named person speaks through them (docs/labelling.md); None when the
    possessive resolves to no named person."""
    if (
        len(words) < 2
        or words[0].text.lower() not in _OWNER_PRONOUNS
        or m.head_lemma not in cl.lex.staff_nouns | cl.lex.personal_staff_nouns
    ):
        return None
    idx = _possessor_source(cl, m)
    owner_src = cl.sources[idx] if idx is not None else None
    if owner_src is None or owner_src.type != SourceType.NAMED_PERSON:
        return None
    if not any(x.kind == MentionKind.NAME for x in owner_src.mentions):
        return None  # "the harbor master": a person the article does not name
    return owner_src.name


def _person_staffed(cl: Clusterer, span: tuple[int, int]) -> str | None:
    """The named person whose staff speak when the organization a spokesperson or staff speaks
    for is only a person's name ("Grayson's spokeswoman", "a spokeswoman for Trump", "One Clinton
    spokesman"): that person's name, as :func:`_staff_owner` gives for "his aides"; None for an
    organization's name or a name no named person of the article bears."""
    words = [w for w in re.sub(r"['’]s?$", "", cl.text[span[0] : span[1]]).split() if w.lower() != "the"]
    if not words or not all(w[:1].isupper() for w in words) or words[-1] in cl.lex.organization_words:
        return None
    idx = cl.named_person(words[-1].lower(), given_name(words, cl.lex))
    return None if idx is None else cl.sources[idx].name


# ---------------------------------------------------------------------------------- resolvers


def _resolve_name(cl: Clusterer, m: Mention) -> tuple[int, Resolution]:
    """A name joins the earlier source named the same way (or the one organization its acronym
    stands for), else starts a new source; an office written like a name takes its holder's name
    after it (:func:`_office_holder`: "the Minister of Humanitarian Affairs, Dr Nentawe Yilwatda")."""
    holder = _office_holder(cl, m)
    if holder is not None:
        return cl.add(cl.resolve(holder)[0], m), Resolution.EXPLICIT
    national = _national_epithet(cl, m)
    if national is not None:
        return cl.add(cl.resolve(national)[0], m), Resolution.NOMINAL
    idx = cl.named_source(m)
    if idx is None:
        idx = _acronym_source(cl, m)
    if idx is None:
        idx = _organization_first_word(cl, m)
    if idx is None:
        idx = _person_first_word(cl, m)
    force = _force_of_members(cl, m, cl.earlier(m.start)) if idx is None else None
    if force is None and idx is None:  # "Police say ..." at a sentence start
        force = _sole_organization_carrying(cl, m, cl.earlier(m.start))
    if force is not None:  # "Deputies said": a capitalised plural at a sentence start is read as a name
        return cl.add(force, m), Resolution.NOMINAL
    return cl.add(cl.new() if idx is None else idx, m), Resolution.EXPLICIT


def _national_epithet(cl: Clusterer, m: Mention) -> Mention | None:
    """ "Magnus Brunner defended the proposal. “...,” the Austrian told reporters": "the" and one
    national in the singular (lexicon ``nationals``) is the nearest person named before it in its
    sentence and the two before, as a name mention; None for any other mention or no such person."""
    if len(m.words) != 2 or m.words[0].lower() != "the" or m.words[1] not in cl.lex.nationals:
        return None
    for run in cl.finder.names_before(m, 3):
        # a long title before the name ("Commissioner for Internal Affairs and Migration Magnus
        # Brunner") leaves a title word first in the run: a given name inside it will do
        given = any(w in cl.lex.first_names for w in run.mention.words[:-1])
        if given or cl.finder.looks_like_person(run, cl.known_surname):
            return run.mention
    return None


def _organization_first_word(cl: Clusterer, m: Mention) -> int | None:
    """A lone capitalised word, nobody's given name, that opens the name of exactly one
    organization named before it ("Acme" after "Acme Robotics Inc.", "According to Northwind"
    after "Northwind Health"): that organization, where it started a person of its own."""
    if len(m.words) != 1 or not m.words[0][:1].isupper() or m.words[0] in cl.lex.first_names:
        return None
    owners = {
        i
        for i, x in cl.earlier(m.start)
        if len(x.words) > 1 and x.words[0] == m.words[0] and is_org_name(x, cl.lex)
    }
    return owners.pop() if len(owners) == 1 else None


def _person_first_word(cl: Clusterer, m: Mention) -> int | None:
    """The one person, met before, with a full name that holds the lone name of ``m`` before its
    last word, or whose lone name is such a word of ``m``'s full name: a surname written first
    ("Dr Tan" after "Tan See Leng", "Dr Chua" after "Chua Hak Bin") or the given name Malaysian and
    Pakistani papers call a person by ("Hamzah" after "Datuk Seri Hamzah Zainudin", a headline's
    "Anwar" before "Prime Minister Datuk Seri Anwar Ibrahim"); None when none or several fit."""
    own = _trailing_name(m, cl.lex)
    if not own or is_org_name(m, cl.lex):
        return None
    fullest: dict[int, list[str]] = {}
    for i, x, theirs in cl.trailing_names(m.start):  # a mention without name words fits no one
        kind = cl.sources[i].type
        if kind == SourceType.NAMED_PERSON or (kind == SourceType.UNKNOWN and cl.in_headline(x)):
            fullest[i] = max(fullest.get(i, []), theirs, key=len)
    owners = [i for i, theirs in fullest.items() if _opens_name(own, theirs) or _opens_name(theirs, own)]
    return owners[0] if len(owners) == 1 else None


def _opens_name(lone: list[str], full: list[str]) -> bool:
    """Is ``lone`` one word of the longer name ``full``, before its last?"""
    return len(lone) == 1 and len(full) > 1 and lone[0] in full[:-1]


def _trailing_name(m: Mention, lex: Lexicon) -> list[str]:
    """The capitalised words that end a mention after its titles and descriptions, without a
    suffix ("Tan", "See", "Leng" of "Manpower Minister Tan See Leng"; "Aaron", "Sharockman" of
    "PolitiFact Executive Director Aaron Sharockman": a head like Director ends the run too, so
    the organization before it is no first word of his name); empty when another word ends it."""
    run: list[str] = []
    for w in reversed(m.words):
        word = w.strip(".,")
        if word in lex.name_suffixes or word in POSSESSIVE_S:
            continue
        if not word[:1].isupper() or word in lex.titles or word in lex.org_of_heads or word.isupper():
            break
        run.insert(0, word)
    return run


# capitals, one lower-case letter allowed between two ("AfD", "PiS", "BfV": European parties' and
# agencies' short names)
_ACRONYM = re.compile(r"[A-Z](?:[A-Z]|[a-z](?=[A-Z])){0,4}[A-Z]")
_INITIAL_WORDS = ("of", "and")  # lower-case words an acronym may take a letter from ("DOJ") or skip


def _acronym_source(cl: Clusterer, m: Mention) -> int | None:
    """The one named organization an all-capitals name stands for ("the CDC", "DHS"): introduced
    in parentheses after its full name ("... Prevention (CDC)"), or spelling the initials of its
    name's capitalised words ("the NRA" after "the National Rifle Association"); None when no
    organization or several qualify (a short acronym is spelt by many names)."""
    words = [w for w in m.words if w not in POSSESSIVE_S and w.lower() != "the"]
    noun = _acronym_noun(cl, words)
    if noun is not None:  # "HPD police": the acronym, its name carrying "police"
        words = words[:1]
    if len(words) != 1 or not _ACRONYM.fullmatch(words[0]) or words[0] in cl.lex.non_acronyms:
        return None
    carried = re.compile(rf"\b{re.escape(noun or '')}\b", re.IGNORECASE)
    qualifying = {
        src.index
        for src in cl.sources
        if src.type == SourceType.NAMED_ORGANIZATION
        and any(
            n.kind != MentionKind.PRONOUN
            and n.start < m.start
            and _stands_for(cl.text, words[0], n)
            and (noun is None or carried.search(n.text) is not None)
            for n in src.mentions
        )
    }
    return qualifying.pop() if len(qualifying) == 1 else None


def _acronym_noun(cl: Clusterer, words: Sequence[str]) -> str | None:
    """The lower-case organization noun after an acronym ("HPD police", "LAPD police": the
    acronym's own organization speaks when its name carries the noun); None otherwise."""
    if len(words) != 2 or not words[1].islower() or class_of(words[1], cl.lex) != "organization":
        return None
    return words[1] if _ACRONYM.fullmatch(words[0]) else None


def _stands_for(text: str, acronym: str, name: Mention) -> bool:
    """Is the acronym written in parentheses right after the name (or the nominal: "The National
    Rifle Association" is one), or its initials?"""
    if re.match(rf"\s*\(\s*{acronym}\s*\)", text[name.end : name.end + len(acronym) + 8]):
        return True
    words = [w for w in name.words if w not in POSSESSIVE_S and w.lower() != "the"]
    return len(words) > 1 and _spells(acronym, words)


def _spells(letters: str, words: Sequence[str]) -> bool:
    """Do the letters spell the initials of every capitalised word, in order, each lower-case word
    skipped or (for "of"/"and") its initial taken, an abbreviation ("U.S.") taken whole or skipped?"""
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    if first.endswith(".") and first[:1].isupper():
        whole = first.replace(".", "")
        return (letters.startswith(whole) and _spells(letters[len(whole) :], rest)) or _spells(letters, rest)
    if first[:1].isupper():
        return letters[:1] == first[0] and _spells(letters[1:], rest)
    if not first.isalpha():
        return False
    took = first in _INITIAL_WORDS and letters[:1] == first[0].upper() and _spells(letters[1:], rest)
    return took or _spells(letters, rest)


def _resolve_pronoun(cl: Clusterer, m: Mention) -> tuple[int, Resolution]:
    """A pronoun joins its antecedent (:func:`pronoun_source`), the writer's "I" or "we" the
    writer's earlier one (:meth:`Clusterer.writer_source`); else a new source."""
    idx = cl.writer_source(m.head_lemma) if m.head_lemma in WRITER_PRONOUNS else pronoun_source(cl, m)
    return cl.add(cl.new() if idx is None else idx, m), Resolution.PRONOUN


def pronoun_source(cl: Clusterer, m: Mention) -> int | None:
    """The source a pronoun refers to: the candidate the ranker scores highest among those that
    agree with it (:func:`pronoun_candidates`), else a person named further back
    (:func:`_distant_person`); None when there is none. A name met in passing becomes a
    mention of its source (a new one if it has none)."""
    candidates = pronoun_candidates(cl, m)
    if cl.trace is not None:
        cl.trace.append((m, candidates))
    agreeing = [c for c in candidates if c.agrees]
    best = (
        _alone_in_paragraph(m, agreeing) or _subject_just_before(cl, m, agreeing) or cl.ranker.best(agreeing)
    )
    mention = _reporter_of_clause(cl, m) or (best.mention if best is not None else _distant_person(cl, m))
    family = _family_before(cl, m)
    if family is not None and (mention is None or mention.start < family.start):
        mention = family
    if mention is None:
        return None
    idx, _ = cl.resolve(mention)
    return idx if pronoun_fits(m.head_lemma, cl.sources[idx], cl.lex) else None


_PARAGRAPH_DISTANCE = FEATURES.index("paragraph_distance")


def _reporter_of_clause(cl: Clusterer, m: Mention) -> Mention | None:
    """For he/she, the name that is the subject of the speech verb whose reported clause the
    pronoun is the subject of ("Sharaa said in a statement posted on Telegram that he had held a
    “long meeting”"): the reporter speaks of himself, whoever the ranker would favour from the
    sentences before (a speaker quoted there), even when the name is a lone surname that no
    test of a name met in passing takes for a person's. None when the name's gender disagrees."""
    if m.head_lemma not in _GENDERED or cl.parse is None:
        return None
    sent = cl.parse.sentences[m.sentence]
    pron = next((w for w in sent.words if w.start == m.start), None)
    clause = sent.head_of(pron) if pron is not None and pron.deprel == "nsubj" else None
    verb = sent.head_of(clause) if clause is not None and clause.deprel == "ccomp" else None
    if verb is None or verb.lemma.lower() not in cl.lex.speech_verbs:
        return None
    subject = next((w for w in sent.children(verb) if w.deprel == "nsubj"), None)
    if subject is None or subject.upos != "PROPN" or subject.end > m.start:
        return None
    run = next((r for r in cl.finder.names_before(m, reach=1) if r.last.index == subject.index), None)
    if run is None or is_org_name(run.mention, cl.lex) or not _bare_name(cl, run, run.last):
        return None
    gender = cl.finder.gender(run.mention)
    return run.mention if gender in (None, cl.lex.pronouns[m.head_lemma][1]) else None


def _alone_in_paragraph(m: Mention, agreeing: list[Candidate]) -> Candidate | None:
    """For he/she, the one agreeing candidate in the pronoun's own paragraph, when there is
    exactly one ("Suu Kyi's fate is unclear, but she said", after a paragraph quoting someone
    else): it beats the ranker's choice from an earlier paragraph (the last speaker there)."""
    if m.head_lemma not in _GENDERED:
        return None
    here = [c for c in agreeing if c.features[_PARAGRAPH_DISTANCE] == 0.0]
    return here[0] if len(here) == 1 else None


_FAMILY_REACH = 3  # sentences (the pronoun's and two before) a family named as a subject may lie in


def _family_before(cl: Clusterer, m: Mention) -> Mention | None:
    """For "they", a family the writer names as a subject just before ("The Garcias have three
    children ... \"We didn't come here ...,\" they said"): "the" and one plural capitalised word
    whose singular is a surname the article names ("Miguel Garcia"), outside quotations, in the
    pronoun's sentence or the two before it; None when there is none."""
    if m.head_lemma != "they" or cl.parse is None:
        return None
    for s_idx in range(m.sentence, max(-1, m.sentence - _FAMILY_REACH), -1):
        sent = cl.parse.sentences[s_idx]
        for w in reversed(sent.words):
            if w.end > m.start or w.upos != "PROPN" or w.deprel not in ("nsubj", "nsubj:pass"):
                continue
            if w.index < 2 or sent.word(w.index - 1).text.lower() != "the" or cl.quoted.covers(w.start):
                continue
            if cl.family_name(w.text):
                first = sent.word(w.index - 1)
                words = (first.text, w.text)
                text = cl.text[first.start : w.end]
                return Mention(
                    first.start,
                    w.end,
                    text,
                    MentionKind.NAME,
                    w.text,
                    w.upos,
                    "plur",
                    True,
                    s_idx,
                    words,
                    ner="PERSON",
                )
    return None


_SENTENCE_DISTANCE = FEATURES.index("sentence_distance")
_ONE_SENTENCE_BACK = math.log1p(1)


def _subject_just_before(cl: Clusterer, m: Mention, agreeing: list[Candidate]) -> Candidate | None:
    """For he/she, a person named (not yet quoted) as the subject of the sentence right before the
    pronoun's, in its paragraph, whose name gives the pronoun's gender ("\"...,\" Lindqvist said. Her
    business partner, Megan Hale, agreed. \"We're the newcomers,\" she said."): the writer has just
    brought her in, so she beats the last speaker further back, whom the ranker favours. Only for
    the speaker of a quotation before it in its sentence (reported clauses lost by it)."""
    if m.head_lemma not in _GENDERED or not _after_quotation(cl, m):
        return None
    gender = cl.lex.pronouns[m.head_lemma][1]
    for c in agreeing:
        near = math.isclose(c.features[_SENTENCE_DISTANCE], _ONE_SENTENCE_BACK)
        if c.features[_PARAGRAPH_DISTANCE] != 0.0 or not near:
            continue
        if c.source is None and c.gender == gender and _main_subject(cl, c.mention):
            return c
    return None


def _after_quotation(cl: Clusterer, m: Mention) -> bool:
    """Does a pronoun follow a quotation in its sentence ("\"We're the newcomers,\" she said"): the
    speaker of a direct quotation, not a reported clause's?"""
    if cl.parse is None:
        return False
    sent = cl.parse.sentences[m.sentence]
    return any(cl.quoted.covers(w.start) for w in sent.words if w.end <= m.start)


def _main_subject(cl: Clusterer, x: Mention) -> bool:
    """Is a mention the subject of its sentence's root ("Megan Hale ... agreed"), not of a clause
    inside it ("Earnest said that Obama has long called for ...") nor a name before the subject's
    head noun? A name in apposition to the subject counts as the subject."""
    outer = cl.outer_word(x)
    if cl.parse is None or outer is None:
        return False
    sent = cl.parse.sentences[x.sentence]
    if outer.deprel == "appos":  # "Her business partner, Megan Hale, agreed."
        outer = sent.head_of(outer)
    if outer is None or outer.deprel not in ("nsubj", "nsubj:pass"):
        return False
    after = next((w for w in sent.words if w.start >= x.end), None)
    if after is not None and after.upos in ("NOUN", "PROPN"):
        return False  # "Clinton spokeswoman Jennifer Palmieri": the owner of the subject's title
    verb = sent.head_of(outer)
    return verb is not None and verb.deprel == "root"


_DISTANT_REACH = 30  # sentences a he/she with no candidate looks back for a person's name


def _distant_person(cl: Clusterer, m: Mention) -> Mention | None:
    """For a he/she that no candidate agrees with, the nearest person named further back, in
    the 30 sentences before it ("Gov. Terry McAuliffe" eight sentences before the first
    "he said"): a person met in passing by the loose tests of :func:`_person_in_passing` (a
    possessive, a bare name as a subject), not in the headline or a capitalised dateline, whose
    names or honorifics anywhere ("Ms. Brainard") give the pronoun's gender; for "he", also a
    name of no known gender. An unresolved pronoun is a speaker nobody can check."""
    if m.head_lemma not in _GENDERED:
        return None
    gender = cl.lex.pronouns[m.head_lemma][1]
    for run in cl.finder.names_before(m, _DISTANT_REACH):
        if is_org_name(run.mention, cl.lex) or run.last.deprel not in NAME_ANTECEDENT_RELS:
            continue
        if cl.in_headline(run.mention) or run.mention.text.isupper():
            continue  # a headline's capitals, a dateline ("SAN DIEGO —")
        known = cl.named_source(run.mention)
        if known is not None and not pronoun_fits(m.head_lemma, cl.sources[known], cl.lex):
            continue
        key = surname(run.mention, cl.lex)
        named = _named_gender(cl, known, run.mention) or cl.honorific_genders.get(key)
        if named != gender and (named is not None or gender != "m"):
            continue  # unknown gender: maybe a man, as most people quoted in the news are
        if _person_in_passing(cl, run, loose=True):
            return run.mention
    return None


def _person_in_passing(cl: Clusterer, run: NameRun, loose: bool = False) -> bool:
    """Is a name met in passing a person's: by a title, a known given name or a quoted surname
    (:meth:`MentionFinder.looks_like_person`; when ``loose``, a possessive too: "Mr. Ban's
    watch"); or, when the article never writes it after "in" (:func:`_named_as_place`: "San
    Diego will take over the route"), by speaking or a description
    (:func:`_speaks_or_described`), or by being a bare name that is the subject of its clause
    ("Clinton, who had plenty of stories, decided"; one word only when the article also writes it
    after another capitalised word: "Hillary Rodham Clinton"; unless ``loose``, a word really
    capitalised: "Swift has made few public comments" after "Taylor Swift", not "at Apple")."""
    if cl.finder.looks_like_person(run, cl.known_surname, possessive=loose):
        return True
    if _named_as_place(cl, run.mention.text):
        return False
    if _speaks_or_described(cl, run) or _apposed_to_person(cl, run):
        return True
    if run.last.deprel not in ("nsubj", "nsubj:pass") or not _bare_name(cl, run, run.last):
        return False
    words = run.mention.words
    if len(words) > 1:
        return True
    if loose:
        return cl.finder.written_in_full(words[0].lower())  # not "Meanwhile", "Earlier"
    return _after_capitalised_word(cl, words[0])


# "the Federal Reserve", "an Orlando Democrat", "Our Revolution": a determiner before the pair or as
# its first word makes the pair a thing's name or a description, not a given name and a surname
_DETERMINERS = frozenset(
    ("the", "a", "an", "our", "his", "her", "their", "its", "my", "your", "this", "that")
)
_DETERMINED = re.compile(rf"(?i:\b(?:{'|'.join(sorted(_DETERMINERS))})\s+)$")


def _after_capitalised_word(cl: Clusterer, word: str) -> bool:
    """Does the article write a word after another capitalised word ("Taylor Swift" for "Swift"; not
    "and Travis" nor "at Apple", which :meth:`MentionFinder.written_in_full` also counts; nor after a
    determiner: "the Common Core", "a Jupiter Democrat", "Our Revolution" name no person)?"""
    return any(
        f.group(1)[:1].isupper()
        and f.group(1).lower() not in _DETERMINERS
        and not _DETERMINED.search(cl.text, max(0, f.start() - 10), f.start())
        for f in cl.finder.given_name_matches(word.lower())
    )


def _named_as_place(cl: Clusterer, name: str) -> bool:
    """Does the article write the name after "in" somewhere ("in San Diego", "in the
    Bronx"): a place, not a person? ("in Clinton's campaign" is a person's.)"""
    return name in cl.place_names


_MAX_SOURCES = 8  # the sources a pronoun may take up: the nearest eight of the right kind
_PERSON_TYPES = (SourceType.NAMED_PERSON, SourceType.ANONYMOUS_INDIVIDUAL, SourceType.UNKNOWN)


def pronoun_candidates(cl: Clusterer, m: Mention) -> list[Candidate]:
    """The antecedents a pronoun may take, nearest first, with their ranker features: the
    earlier sources of the right kind (for he/she: people, whatever their gender) at their
    nearest mention and, for he/she, the people named in passing before it
    (:func:`_names_in_passing`), which count as their source's mention when they have one.
    ``agrees``: also of the pronoun's gender and number (only those may be chosen)."""
    gendered = m.head_lemma in _GENDERED
    pairs = _antecedents(cl, m, lambda idx: _of_kind(cl, m, idx, gendered), gendered)
    if gendered:
        pairs = _with_descriptions_in_passing(cl, m, pairs)
        kin = [(None, x) for x in _writer_kin_in_passing(cl, m)]
        pairs = sorted([*pairs, *kin], key=lambda pair: -pair[1].start)
    last, here = cl.last_speaker(), cl.layout(m)
    return [_candidate(cl, m, here, rank, source, x, last) for rank, (source, x) in enumerate(pairs)]


def _antecedents(
    cl: Clusterer, m: Mention, fits: Callable[[int], bool], passing: bool
) -> list[tuple[int | None, Mention]]:
    """The earlier sources that ``fits`` accepts (the nearest eight) at their nearest mention
    and, when ``passing``, the people named in passing before ``m`` (a name of a known source
    counts as that source's mention; None: a name with no source yet), nearest first."""
    nearest: dict[int, Mention] = {}
    for idx, x in cl.earlier(m.start):
        if idx not in nearest and fits(idx):
            nearest[idx] = x
            if len(nearest) == _MAX_SOURCES:
                break
    others: list[Mention] = []
    for name in _names_in_passing(cl, m) if passing else ():
        known = cl.named_source(name)
        if known is None:
            others.append(name)
        elif fits(known) and (known not in nearest or name.start > nearest[known].start):
            nearest[known] = name
    pairs: list[tuple[int | None, Mention]] = [*nearest.items(), *((None, x) for x in others)]
    pairs.sort(key=lambda pair: -pair[1].start)
    return pairs


def _candidate(
    cl: Clusterer, m: Mention, here: Layout, rank: int, source: int | None, x: Mention, last: int | None
) -> Candidate:
    """One candidate (a source at its mention ``x``, or a name in passing) with its features
    (``agrees`` for a pronoun ``m``; a description agrees with every candidate); the asker of a
    "when X asked" clause (:func:`_asker`) is neither a subject nor the last speaker."""
    layout, asker = cl.layout(x), _asker(cl, x)
    values = features(
        here,
        dataclasses.replace(layout, deprel="advcl:asker") if asker else layout,
        x,
        rank,
        speaker=source is not None,
        last_speaker=source is not None and source == last and not asker,
        mentions=len(cl.sources[source].mentions) if source is not None else 1,
    )
    gender = _named_gender(cl, source, x)
    agrees = m.kind != MentionKind.PRONOUN or (
        pronoun_fits(m.head_lemma, cl.sources[source], cl.lex)
        if source is not None
        else gender in (None, cl.lex.pronouns[m.head_lemma][1])
    )
    return Candidate(source, x, values, gender, agrees)


def _subject_verb(cl: Clusterer, m: Mention) -> tuple[Sentence, Word] | None:
    """The sentence and the verb (or predicate) whose nominal subject the mention is; None otherwise."""
    if cl.parse is None or not cl.parse.sentences:
        return None
    outer = cl.outer_word(m)
    if outer is None or outer.deprel != "nsubj":
        return None
    sent = cl.parse.sentences[m.sentence]
    verb = sent.head_of(outer)
    return None if verb is None else (sent, verb)


_ASK_MARKS = ("when", "as", "after")  # the clause a question is put in before its answer


def _asker(cl: Clusterer, x: Mention) -> bool:
    """Is a mention the subject of a "when/as/after X asked" clause ("Ryan did not exude
    confidence when Tapper asked whether ..."; ``question_verbs``): the asker, not whoever answers
    in the "he said" that follows? Such a candidate counts as neither a subject nor the last
    speaker (a broader rule over every subordinate subject, or every speech verb, lost)."""
    found = _subject_verb(cl, x)
    if found is None:
        return False
    sent, verb = found
    if verb.deprel != "advcl" or verb.lemma.lower() not in cl.lex.question_verbs:
        return False
    return any(k.deprel in ("mark", "advmod") and k.text.lower() in _ASK_MARKS for k in sent.children(verb))


def _of_kind(cl: Clusterer, m: Mention, idx: int, gendered: bool) -> bool:
    """Is the source of the kind the pronoun refers to (he/she: a person of any gender, not
    a thing that nothing typed: "the piece", "the event", nor only plurals: "they", "46
    percent")?"""
    if gendered:
        src = cl.sources[idx]
        return (
            src.type in _PERSON_TYPES
            and not _thing(cl, idx)
            and not all(x.kind != MentionKind.NAME and x.number == "plur" for x in src.mentions)
        )
    return pronoun_fits(m.head_lemma, cl.sources[idx], cl.lex)


def _thing(cl: Clusterer, idx: int) -> bool:
    """Is an untyped source only descriptions of things ("the piece", "the event", "such a
    list", "46 percent": a determiner or a lower-case last word, and no person noun)? A
    capitalised word tagged a noun ("Husted") is no description."""
    src = cl.sources[idx]
    if src.type != SourceType.UNKNOWN:
        return False
    real = [x for x in src.mentions if x.kind != MentionKind.PRONOUN]
    return bool(real) and all(
        x.kind != MentionKind.NAME
        and x.words[:1] != ()
        and (x.words[0].lower() in cl.lex.descriptor_determiners or not x.words[-1][:1].isupper())
        and class_of(x.head_lemma, cl.lex) != "person"
        for x in real
    )


def _named_gender(cl: Clusterer, idx: int | None, x: Mention) -> str | None:
    """The gender a candidate's names give it, not its pronouns: what a name itself writes (a
    given name, "Mr.") first, then a given name written before its surname elsewhere ("Mr.
    Bush" is a man even where the article also names "Columba Bush")."""
    names = [x] if idx is None else [n for n in cl.sources[idx].mentions if n.kind == MentionKind.NAME]
    written = (_written_gender(cl, name) or _apposed_gender(cl, name) for name in names)
    return next((g for g in written if g is not None), None) or next(
        (g for name in names if (g := cl.finder.gender(name)) is not None), None
    )


_KIN_BEFORE = re.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he) (\w+), $")  # "Her nephew, " before a name


def _apposed_gender(cl: Clusterer, name: Mention) -> str | None:
    """The gender of a gendered noun set beside a name by commas: "Her nephew, Sam Calloway" (a man,
    whoever else is called Calloway), "Ghazala Khan, the captain's mother" (the first such noun)."""
    before = _KIN_BEFORE.search(cl.text[max(0, name.start - 30) : name.start])
    if before is not None and (gender := cl.lex.gendered_nouns.get(before.group(1).lower())) is not None:
        return gender
    if name.description is None:
        return None
    words = re.findall(r"[a-z]+", cl.text[name.description[0] : name.description[1]])
    return next((g for w in words if (g := cl.lex.gendered_nouns.get(w)) is not None), None)


def _written_gender(cl: Clusterer, name: Mention) -> str | None:
    """The gender a name's own words give: its given name ("Ruth Ellery"), else its honorific,
    else a lone given name's (:func:`_lone_given_gender`)."""
    return (
        cl.finder.mention_gender(name)
        or next((g for h, g in cl.lex.honorifics.items() if name.text.startswith((f"{h} ", f"{h}."))), None)
        or _lone_given_gender(cl, name)
    )


def _lone_given_gender(cl: Clusterer, name: Mention) -> str | None:
    """The gender of a known given name written alone ("\"...,\" Travis said" after "Travis Kelce";
    "Meghan, 43,"), as celebrity and royal coverage names people; None when the article also writes
    the word after another capitalised word ("Mark Travis"): then it may be a surname."""
    if len(name.words) != 1 or name.words[0] not in cl.lex.first_names:
        return None
    word = name.words[0]
    return None if _after_capitalised_word(cl, word) else cl.lex.first_names[word]


_PASSING_REACH = 2  # sentences (the pronoun's and the one before) a description in passing may lie in
_PASSING_RELS = ("nsubj", "nsubj:pass", "nmod:poss")  # a subject, or the owner in a subject or object


def _with_descriptions_in_passing(
    cl: Clusterer, m: Mention, pairs: list[tuple[int | None, Mention]]
) -> list[tuple[int | None, Mention]]:
    """The candidates with the named people that definite descriptions in passing just before a
    he/she stand for ("the current GOP nominee's support is unprecedented. While he's said ...":
    Trump, :func:`_described_person`), each at the description when that is its source's nearest
    mention."""
    nearest = {idx: x for idx, x in pairs if idx is not None}
    for x in _descriptions_in_passing(cl, m):
        idx = _described_person(cl, x)
        if idx is None or cl.sources[idx].type != SourceType.NAMED_PERSON:
            continue
        if idx not in nearest or nearest[idx].start < x.start:
            nearest[idx] = x
    kept = [(idx, x) for idx, x in pairs if idx is None]
    out: list[tuple[int | None, Mention]] = [*nearest.items(), *kept]
    out.sort(key=lambda pair: -pair[1].start)
    return out


def _writer_kin_in_passing(cl: Clusterer, m: Mention) -> Iterator[Mention]:
    """The writer's own relative as a subject in a he/she's sentence or the one before ("My father
    rode the old streetcar ... \"They always wait,\" he told me"), of the pronoun's gender
    (``gendered_nouns``), outside quotations: a first-person piece's person, never a source's name,
    who would otherwise lose the pronoun to the last source quoted."""
    if cl.parse is None:
        return
    gender = cl.lex.pronouns[m.head_lemma][1]
    for s_idx in range(m.sentence, max(-1, m.sentence - _PASSING_REACH), -1):
        sent = cl.parse.sentences[s_idx]
        for w in sent.words:
            if w.end > m.start or w.deprel not in ("nsubj", "nsubj:pass") or w.lemma not in cl.lex.kin_nouns:
                continue
            kids = sent.children(w)
            if not kids or kids[0].text.lower() != "my" or kids[0].index != w.index - 1:
                continue
            if cl.lex.gendered_nouns.get(w.lemma, gender) != gender or cl.quoted.covers(w.start):
                continue
            yield Mention(
                kids[0].start,
                w.end,
                cl.text[kids[0].start : w.end],
                MentionKind.NOMINAL,
                w.lemma,
                w.upos,
                "sing",
                True,
                s_idx,
                (kids[0].text, w.text),
            )


def _descriptions_in_passing(cl: Clusterer, m: Mention) -> Iterator[Mention]:
    """Definite descriptions of one person ("the current GOP nominee", :func:`definite_person`)
    that are a clause subject or a possessive owner, outside quotations, in the pronoun's
    sentence before it and the sentence before that, nearest first."""
    if cl.parse is None:
        return
    for s_idx in range(m.sentence, max(-1, m.sentence - _PASSING_REACH), -1):
        sent = cl.parse.sentences[s_idx]
        for w in reversed(sent.words):
            if w.end > m.start or w.upos != "NOUN" or w.deprel not in _PASSING_RELS:
                continue
            x = _description_at(cl, sent, s_idx, w)
            if x is not None and _names_a_person(cl, x) and not cl.quoted.covers(x.start):
                yield x


def _names_a_person(cl: Clusterer, x: Mention) -> bool:
    """Is a description in passing one person's by its head noun: an office ("the nominee",
    :func:`identified_role`) or a listed person noun ("the businessman"), not a noun that only
    ends like one ("the major danger")?"""
    listed = x.head_lemma in cl.lex.anonymous_nouns
    return identified_role(x, cl.lex) or (listed and definite_person(x, cl.lex))


def _description_at(cl: Clusterer, sent: Sentence, s_idx: int, head: Word) -> Mention | None:
    """The noun phrase from a head noun's determiner to the head ("the current GOP nominee"),
    when the determiner is its first child; None without one."""
    kids = [k for k in sent.children(head) if k.index < head.index]
    if not kids or kids[0].deprel != "det":
        return None
    first = kids[0]
    words = tuple(sent.word(i).text for i in range(first.index, head.index + 1))
    return Mention(
        first.start,
        head.end,
        cl.text[first.start : head.end],
        MentionKind.NOMINAL,
        head.lemma.lower(),
        head.upos,
        "plur" if head.feat("Number") == "Plur" else "sing",
        True,
        s_idx,
        words,
    )


def _names_in_passing(cl: Clusterer, m: Mention) -> Iterator[Mention]:
    """People named before a he/she pronoun, outside quotations, nearest first, once per
    surname; a possessive only as the owner of a subject or an object (:func:`_owner`)."""
    seen: set[str | None] = set()
    for run in cl.finder.names_before(m):
        if is_org_name(run.mention, cl.lex) or run.last.deprel not in NAME_ANTECEDENT_RELS:
            continue
        if cl.in_headline(run.mention) and not cl.headline_person(run.mention):
            continue  # "Mayor Defends Closure": a headline's capitals, no person's name
        key = surname(run.mention, cl.lex)
        if key in seen:
            continue
        if _person_in_passing(cl, run, loose=_owner(cl, run)) or _fronted_topic(cl, run):
            seen.add(key)
            yield run.mention


_TOPIC_MARKS = ("for",)  # the preposition of a sentence's fronted topic ("For Smith, Friday is ...")
_DATELINE_DASHES = ("—", "–", "--")  # what ends a dateline before a sentence's first word


def _fronted_topic(cl: Clusterer, run: NameRun) -> bool:
    """Is a person's name (a title or a known given name) the sentence's fronted topic: right after
    its opening "For" (after a dateline's dash too) and followed by a comma ("TOLEDO, Ohio — For
    Miguel Garcia, Friday is the hardest day ... \"People think ...,\" he says")? A feature introduces
    its speaker so, in narrative before the first quotation; the name is a prepositional object by its
    parse, which no other person named in passing may be."""
    sent, first = run.sentence, run.first
    mark = first.index - 1
    if mark < 1 or sent.word(mark).text.lower() not in _TOPIC_MARKS:
        return False
    if mark > 1 and sent.word(mark - 1).text not in _DATELINE_DASHES:
        return False
    after = run.last.index + 1
    if after > len(sent.words) or sent.word(after).text != ",":
        return False
    words = run.mention.words
    return len(words) > 1 and (words[0] in cl.lex.first_names or words[0].rstrip(".") in cl.lex.titles)


def _owner(cl: Clusterer, run: NameRun) -> bool:
    """Is a name a possessive ("'s" follows it) whose noun is no prepositional phrase ("Trump's
    ire - he called her", "Suu Kyi's fate is unclear, but she said"; not "the voice of Mr.
    Tribe's client", "after Mr. Vander Plaats's introduction"): a person named in passing by
    the loose tests, who may be the he/she after it?"""
    if run.last.deprel != "nmod:poss" or not cl.text.startswith(POSSESSIVE_MARKS, run.mention.end):
        return False
    owned = run.sentence.head_of(run.last)
    return owned is not None and not any(
        k.deprel == "case" and k.text not in POSSESSIVE_MARKS for k in run.sentence.children(owned)
    )


# a name's roles as a person named in passing; "root": the compact parse often loses the verb of
# a long subject ("Carole Bower, 75, a retiree in Carthage, Ill., supported ...")
_PASSING_NAME_RELS = (*NAME_ANTECEDENT_RELS, "root")


def _speaks_or_described(cl: Clusterer, run: NameRun) -> bool:
    """A name of two words or more that no title or known given name marks as a person's
    ("Tad Devine", "Aung San Suu Kyi") is one when it is a bare name (:func:`_bare_name`) in
    a subject, object or possessive role, or a description of a person follows it ("Naureen
    Jahangir, a Sanders supporter")."""
    if len(run.mention.words) < 2 or run.last.deprel not in ("nsubj", "flat"):
        return False
    head = run.sentence.head_of(run.last) if run.last.deprel == "flat" else run.last
    if head is not None and head.deprel in _PASSING_NAME_RELS and _bare_name(cl, run, head):
        return True
    description = cl.finder.description_after((run.mention.start, run.mention.end))
    if description is None:
        return False
    words = cl.text[description[0] : description[1]].split()
    return any(is_person_noun(w.strip(",.").lower(), cl.lex) for w in words[1:4])


def _apposed_to_person(cl: Clusterer, run: NameRun) -> bool:
    """ "Her brother, Emeka, is ...", "The novel's narrator, Ada,": a name in apposition to a
    noun for a person (a kin noun or a person noun) is a person's, known given name or not."""
    if run.last.deprel != "appos":
        return False
    head = run.sentence.head_of(run.last)
    if head is None or head.upos != "NOUN":
        return False
    lemma = head.lemma.lower()
    return lemma in cl.lex.kin_nouns or is_person_noun(lemma, cl.lex)


def _bare_name(cl: Clusterer, run: NameRun, head: Word) -> bool:
    """Is a name run every word capitalised (but for a particle hyphen-joined to the next word:
    "Bashar al-Assad"), outside a prepositional phrase ("in San Diego") and a parenthesis, with no
    "the" in front ("the Scarborough Shoal")?"""
    sent, first = run.sentence, run.first
    words = run.mention.words
    particles = cl.lex.name_particles
    if not all(
        w[:1].isupper()
        or (w in particles and words[i + 1 : i + 2] == ["-"])
        or (w == "-" and i > 0 and words[i - 1] in particles)
        for i, w in enumerate(words)
    ):
        return False  # "African-Americans" is no person's name: only a particle takes a hyphen
    if any(
        k.deprel == "case" and k.text not in POSSESSIVE_MARKS
        for word in (first, run.last, head)
        for k in sent.children(word)
    ):
        return False  # "in San Diego"; a possessive "'s" is no preposition
    if cl.text[max(0, first.start - 1) : first.start] == "(":
        return False
    return not (first.index > 1 and sent.word(first.index - 1).text.lower() == "the")


_Step = Callable[[Clusterer, Mention, list[tuple[int, Mention]]], "int | None"]


def _same_head(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """Same head noun and number, of no other side: "one NATO source" ... "the source", not
    "the Democratic nominee" ... "the Republican nominee"."""
    sides = _sides(cl, m.text)
    names = _capitalised_modifiers(m)
    noun = _full_noun(cl.lex, m.head_lemma)
    return next(
        (
            idx
            for idx, x in earlier
            if x.kind != MentionKind.PRONOUN
            and _full_noun(cl.lex, x.head_lemma) == noun
            and x.number == m.number
            and not (sides and (other := _sides(cl, x.text)) and not sides & other)
            and not (names and _capitalised_modifiers(x) != names)
        ),
        None,
    )


def _full_noun(lex: Lexicon, lemma: str) -> str:
    """The full noun a clipped one stands for ("rep": "representative"; lexicon ``noun_short_forms``),
    so "the rep said" takes up "a representative for Okafor"; other nouns as they are."""
    return next(iter(lex.noun_short_forms.get(lemma, ())), lemma)


def _capitalised_modifiers(m: Mention) -> set[str]:
    """The capitalised words before a mention's last word, its first word left out: the proper
    names that tell "The American Bar Association" from "The American Booksellers Association".
    A description with such names takes up only an earlier one with the same names, not a bare
    "the association" of another source."""
    return {w for w in m.words[1:-1] if w[:1].isupper()}


_ONE_OF = re.compile(r"(?i)\bone of\b")  # a description making its person one of a group


def _role_in_description(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """A description naming the role: "Kirby, a Pentagon spokesman" ... "the spokesman"; the
    nominal's capitalised modifiers written in it too ("the Wisconsin Republican" is not "Hough,
    a Utah Republican"); a plural is no one named person ("the researchers wrote" is not "Patel,
    a health policy researcher"), unless one of them ("Autor, one of the paper's authors")."""
    role = re.compile(rf"\b{re.escape(m.head_lemma)}s?\b", re.IGNORECASE)
    modifiers = [re.compile(rf"\b{re.escape(w)}(?!\w)") for w in m.words[1:-1] if w[:1].isupper()]
    for idx, x in earlier:
        src = cl.sources[idx]
        if src.description is None:
            continue
        description = cl.text[src.description[0] : src.description[1]]
        if m.number == "plur" and src.type == SourceType.NAMED_PERSON and not _ONE_OF.search(description):
            continue
        if (
            role.search(description)
            and all(modifier.search(description) for modifier in modifiers)
            and _may_describe(cl, m, idx, x)
        ):
            return idx
    return None


def _titled_person(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """The nearest earlier named person whose name carries the nominal's head noun as a title
    in front of it: "President Obama" ... "the president", "Sen. Maria Alvarez" ... "the
    senator" (``title_nouns.tsv``). Singular nominals only."""
    head = m.head_lemma
    if m.number != "sing":
        return None
    for idx, x in earlier:
        if x.kind != MentionKind.NAME or cl.sources[idx].type != SourceType.NAMED_PERSON:
            continue
        if _title_carries(cl, head, x):
            return idx
    return None


def _anonymous_descriptor(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """A nominal for a person takes up the nearest anonymous descriptor of its number (not
    an office one known person holds: "the senator" is no anonymous source) when its head noun
    says nothing about who the source is ("the source", "the person", "the official": vague
    descriptors and generic roles); a role noun ("the band leader", "the judges") is no
    anonymous descriptor taken up ("a reporter", "election-law experts")."""
    if class_of(m.head_lemma, cl.lex) != "person" or identified_role(m, cl.lex):
        return None
    if m.head_lemma not in cl.lex.vague_descriptors and m.head_lemma not in cl.lex.generic_roles:
        return None
    for idx, x in earlier:
        src = cl.sources[idx]
        if (
            src.anonymous
            and x.kind == MentionKind.DESCRIPTOR
            and (src.type == SourceType.ANONYMOUS_GROUP) == (m.number == "plur")
        ):
            return idx
    return None


def _plural_taken_up(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """ "sources said" ... "the source said": the same sourcing in one number too few,
    recorded on the source as a number clash. Not a plural of other standing ("two employees" ...
    "the former employee": :func:`_other_standing`)."""
    if m.number != "sing":
        return None
    idx = next(
        (
            j
            for j, x in earlier
            if x.head_lemma == m.head_lemma
            and x.number == "plur"
            and cl.sources[j].anonymous
            and not _other_standing(m, x)
        ),
        None,
    )
    if idx is not None and cl.sources[idx].number_clash is None:
        cl.sources[idx].number_clash = Evidence("number", m.start, m.end, m.text)
    return idx


_STANDING = frozenset({"former", "onetime", "retired"})  # one who no longer holds the post the noun names


def _other_standing(m: Mention, x: Mention) -> bool:
    """Does ``m`` say its person no longer holds the post ("the former employee") while ``x`` does
    not ("two employees on the integrity team")? Then ``m`` is none of ``x``'s people."""
    standing = {w.lower() for w in m.words} & _STANDING
    return bool(standing) and not standing & {w.lower() for w in x.words}


def _described_person(cl: Clusterer, m: Mention) -> int | None:
    """A definite description of one identified person ("the former secretary of state", "the
    Vermont senator", "the New York businessman") refers to a person the article names before
    it, of no other gender ("businessman") or side ("the GOP nominee"): the nearest whose title
    or description carries the description's head noun, else the one the pronoun ranker finds
    most salient (as for "he")."""
    if class_of(m.head_lemma, cl.lex) in ("organization", "document"):
        return None  # "the newspaper" ends like a person noun but names an organization
    if not (definite_person(m, cl.lex) or identified_role(m, cl.lex)):
        return None
    pairs = [
        (idx, x)
        for idx, x in _antecedents(cl, m, lambda idx: cl.sources[idx].type == SourceType.NAMED_PERSON, True)
        if _may_describe(cl, m, idx, x)
    ]
    role = next((pair for pair in pairs if _carries_role(cl, m, pair)), None)
    # "Councilman Lund" is no "engineer"; any titled officeholder may be "the Ohio Democrat"
    untitled = [pair for pair in pairs if not _titled(cl, pair[1]) or _party_head(cl, m)]
    untitled = _not_answered(cl, m, untitled)
    if role is None and untitled and not _owned_by_name(m):
        last, here = cl.last_speaker(), cl.layout(m)
        best = cl.ranker.best(
            [_candidate(cl, m, here, k, idx, x, last) for k, (idx, x) in enumerate(untitled)]
        )
        assert best is not None
        role = best.source, best.mention
    if role is None:
        return None
    idx, mention = role
    return cl.resolve(mention)[0] if idx is None else idx


def _not_answered(
    cl: Clusterer, m: Mention, pairs: list[tuple[int | None, Mention]]
) -> list[tuple[int | None, Mention]]:
    """ "'That's not a yes,' Park said. 'It's not a no, either,' the witness responded.": the
    subject of a verb of answering (``reply_verbs``, or a verb with "back": "shot back") is not
    the last speaker it answers; that candidate is dropped while another remains."""
    last = cl.last_speaker()
    if last is None or not _answers(cl, m):
        return pairs
    others = [pair for pair in pairs if pair[0] != last]
    return others or pairs


def _answers(cl: Clusterer, m: Mention) -> bool:
    """Is a mention the subject of a verb of answering ("the witness responded", "he shot back"),
    not one put a question by someone unnamed ("Asked about the memo, he replied")?"""
    found = _subject_verb(cl, m)
    if found is None or found[1].upos != "VERB":
        return False
    sent, verb = found
    children = sent.children(verb)
    if any(k.deprel.startswith("advcl") and k.lemma.lower() in cl.lex.question_verbs for k in children):
        return False  # "Asked about the memo, he replied": he answers an unnamed questioner
    return verb.lemma.lower() in cl.lex.reply_verbs or any(
        k.text.lower() == "back" and k.deprel in ("compound:prt", "advmod") for k in children
    )


def _party_head(cl: Clusterer, m: Mention) -> bool:
    """Does a description end in a capitalised side word ("the Ohio Democrat", "the Texas
    Republican")? It names a politician by party, which a titled person ("Sen. Maria Delgado")
    may be as well as an untitled one."""
    head = m.words[-1] if m.words else ""
    return head[:1].isupper() and head in cl.lex.side_words


def _owned_by_name(m: Mention) -> bool:
    """Does a description open with a name's possessive ("The Guardian's reviewer", "Variety's
    critic")? It is someone of that name's, not whoever is most salient: only a matching role
    (not the pronoun ranker) lets it take up a person named before."""
    return any(
        w.startswith(POSSESSIVE_MARKS) and k > 0 and m.words[k - 1][:1].isupper()
        for k, w in enumerate(m.words)
    )


def _may_describe(cl: Clusterer, m: Mention, idx: int | None, x: Mention) -> bool:
    """Can a description of one person be of this candidate (a source at its mention ``x``, or
    a name in passing)? Not when its head noun gives another gender ("the businessman") or its
    side words another side ("the GOP nominee" for "Democrat Hillary Clinton")."""
    gender = cl.lex.gendered_nouns.get(m.head_lemma)
    if gender is not None and _person_gender(cl, idx, x) not in (None, gender):
        return False
    sides = _sides(cl, m.text)
    other = _sides(cl, _role_context(cl, idx, x)) if sides else set()
    return not (sides and other and not sides & other)


def _person_gender(cl: Clusterer, idx: int | None, x: Mention) -> str | None:
    """A candidate's gender: its source's (names or pronouns so far), else its names'."""
    known = cl.sources[idx].gender if idx is not None else None
    return known or _named_gender(cl, idx, x)


_NON_WORD = re.compile(r"[^\w\s]")


def _sides(cl: Clusterer, text: str) -> set[str]:
    """The side words of a text ("Republican", "GOP": republican), each as its side word."""
    words = set(_NON_WORD.sub("", text).lower().split())  # "GOP," -> "gop"; one pass over the text
    return {a for w in words for a in cl.lex.side_aliases.get(w, (w,)) if a in cl.side_words}


def _role_context(cl: Clusterer, idx: int | None, x: Mention) -> str:
    """What the article says a person is: every place its surname is written, with up to four
    words before it in its line ("Democrat Hillary Clinton", "GOP nominee Donald Trump"), and
    its source's description ("Trump, the Republican nominee")."""
    src = cl.sources[idx] if idx is not None else None
    parts = [cl.written_roles(surname(x, cl.lex) or x.text)]
    if src is not None and src.description is not None:
        parts.append(cl.text[src.description[0] : src.description[1]])
    return " ".join(parts)


# a description set before a person's name by a comma ("The president of Harrow Rovers, Maurice
# Okonjo"): the window before the surname is one phrase, a comma, and at most two given names
_FRONT_APPOSITION = re.compile(r"^\s*(?:[Tt]he|[Ii]ts|[Tt]heir) [^,;:]{3,60}, (?:[A-Z][\w.'’-]* ){0,2}$")


def _front_apposition(window: str) -> list[str] | None:
    """The words of a description set before a name by a comma, when the window before the
    surname (:meth:`Clusterer.written_roles`) is just that ("The president of Harrow Rovers, Maurice
    "): the role noun lies further back than the four words taken otherwise."""
    return window.split() if _FRONT_APPOSITION.match(window) else None


def _role_window(cl: Clusterer, lo: int, start: int) -> int:
    """Where the words in front of a name at ``start`` that may say what the person is begin:
    ``lo``, or later, past the sentence start and the last verb ("The Republican nominee said
    Halvorsen's plan ...": no side of Halvorsen's)."""
    if cl.parse is None or (s_idx := cl.parse.sentence_at(start)) is None:
        return lo
    sent = cl.parse.sentences[s_idx]
    verbs = [w.end for w in sent.words if lo <= w.start and w.end <= start and w.upos in ("VERB", "AUX")]
    return max([lo, sent.start, *verbs])


def _titled(cl: Clusterer, x: Mention) -> bool:
    """Does a name carry a title ("Councilman Victor Lund", "Sen. Sanders", "City Manager Ann
    Olsen")? A titled person is taken up by a description of that title only
    (:func:`_carries_role`)."""
    return any(
        w in cl.lex.titles or w in cl.lex.title_nouns or (w.istitle() and is_person_noun(w.lower(), cl.lex))
        for w in _title_words(x)
    )


def _the_noun(m: Mention) -> bool:
    """Is a mention "the" and one noun in the singular ("the cardinal", "the company")?"""
    return len(m.words) == 2 and m.words[0].lower() == "the" and m.number == "sing"


def _titled_name_before(cl: Clusterer, m: Mention) -> Mention | None:
    """ "Cardinal Blase Cupich praised the document. “...,” the cardinal said": "the" and a title's
    noun in the singular is the nearest person named with that title in its sentence and the two
    before, as a name mention, even one no cue pointed at (:func:`_titled_person` knows only
    earlier sources, and took an earlier cardinal); None for any other mention or no such name."""
    if not _the_noun(m):
        return None
    runs = cl.finder.names_before(m, 3)
    return next((run.mention for run in runs if _title_carries(cl, m.head_lemma, run.mention)), None)


def _title_words(x: Mention) -> list[str]:
    """The words of a name before its last, without periods and commas ("Sen", "Maria")."""
    return [w.rstrip(".,") for w in x.words[:-1]]


def _title_carries(cl: Clusterer, head: str, x: Mention) -> bool:
    """Does a name's title carry a description's head noun ("President Obama" for "the
    president", "Sen. Alvarez" for "the senator": ``title_nouns.tsv``)?"""
    return any(w.lower() == head or head in cl.lex.title_nouns.get(w, ()) for w in _title_words(x))


def _carries_role(cl: Clusterer, m: Mention, pair: tuple[int | None, Mention]) -> bool:
    """Does a person's name carry the description's head noun: as a title ("Sen." for
    "senator"), or in what the article says the person is (:func:`_role_context`:
    "Republican nominee Donald Trump", "Trump, the Republican nominee")?"""
    idx, x = pair
    head = m.head_lemma
    if _title_carries(cl, head, x):
        return True
    return re.search(rf"\b{re.escape(head)}s?\b", _role_context(cl, idx, x), re.IGNORECASE) is not None


_NOT_ORGANIZATIONS = (SourceType.NAMED_PERSON, SourceType.DOCUMENT)


def _class_fits(cl: Clusterer, m: Mention, idx: int) -> bool:
    """Can a nominal be of this source by its class? A nominal naming an organization ("the
    company", "the newspaper", "the campaign") is no named person's and no document's, whatever
    a description says ("Guzzinati, a company spokeswoman" is not "the company")."""
    return class_of(m.head_lemma, cl.lex) != "organization" or cl.sources[idx].type not in _NOT_ORGANIZATIONS


_ORG_REACH = 2  # sentences before a bare "the company" that its named organization is looked for in


def _senior_insider(m: Mention, lex: Lexicon) -> bool:
    """Does an indefinite description rank its person ("a senior White House official", "a top
    Pentagon aide")? That is the formula of background sourcing: an insider who speaks without a name, not
    the organization's on-record voice like "a White House spokesperson" or "Pentagon officials"."""
    opening = m.words[0].lower() if m.words else ""  # not "his chief aide": the named person's staff
    indefinite = opening in lex.descriptor_determiners | lex.counting_determiners
    return indefinite and any(w.lower() in lex.seniority_words for w in m.words[:-1])


def _organization_taken_up(cl: Clusterer, m: Mention, earlier: Iterable[tuple[int, Mention]]) -> int | None:
    """A bare organization noun ("the company", "the agency": two words, singular; or the noun
    alone when the organization's name carries it: "police" after "the Jupiter Police Department")
    takes up the nearest named organization the article named as a source in its sentence or the
    two before it ("Calderon Foods said it would honour its contract. ... the company said"), when
    no other organization source is mentioned in between. Tried before :func:`_same_head`, so that in
    a story about two companies a later "the company" is the one just named, not the first one's
    earlier "the company"."""
    alone = len(m.words) == 1 and m.words[0].islower()
    if not (alone or (len(m.words) == 2 and m.words[0].lower() == "the")) or m.number != "sing":
        return None
    if class_of(m.head_lemma, cl.lex) != "organization":
        return None
    for idx, x in earlier:
        if x.sentence < m.sentence - _ORG_REACH:
            return None
        names = _organization_names(cl, idx, x)
        if names is None and alone and _issued_by(cl, idx, x, m.head_lemma):
            return idx  # "police said" after "a news release from Idaho State Police"
        if names is None:
            continue
        carried = re.compile(rf"\b{re.escape(m.head_lemma)}\b", re.IGNORECASE)
        return idx if names and (not alone or any(carried.search(name) for name in names)) else None
    return None


def _modified_organization_taken_up(
    cl: Clusterer, m: Mention, earlier: Iterable[tuple[int, Mention]]
) -> int | None:
    """ "Halvorsen Foods Inc reported ... The Minneapolis-based company said": a bare organization
    noun with "the" and one or two modifiers that name no other organization (lower-case words,
    "X-based") takes up what the bare noun would (:func:`_organization_taken_up`); not "the Trump
    campaign", whose capitalised modifier names its own."""
    words = tuple(m.text.split())  # "Minneapolis-based" is one word here, three tokens in m.words
    if not 3 <= len(words) <= 4 or words[0].lower() != "the" or not words[-1].islower():
        return None
    if not all(w.islower() or w.endswith("-based") for w in words[1:-1]):
        return None
    return _organization_taken_up(cl, dataclasses.replace(m, words=(words[0], words[-1])), earlier)


def _untagged_name_taken_up(cl: Clusterer, m: Mention, earlier: Iterable[tuple[int, Mention]]) -> int | None:
    """ "Aldmark said it would appeal ... “Q,” the company said": a "the" + organization noun
    (singular, two words) takes up the nearest source in its sentence or the two before it when
    that source is a one-word name the tagger left untagged and no first name (a company's name
    the clusterer took for a person's surname), with no organization source in between; that
    source is then an organization's."""
    if not _the_noun(m):
        return None
    if class_of(m.head_lemma, cl.lex) != "organization":
        return None
    for idx, x in earlier:
        if x.sentence < m.sentence - _ORG_REACH or _organization_names(cl, idx, x) is not None:
            return None
        if _lone_untagged_name(cl, idx):
            cl.sources[idx].type = SourceType.NAMED_ORGANIZATION  # the name is the company's: it fits
            return idx
    return None


def _lone_untagged_name(cl: Clusterer, idx: int) -> bool:
    """Is a person source named only by one word no tagger called a person's, no first name, and
    never written after another capitalised word ("Nervo" of "Justice Frank Nervo" is a surname)?"""
    src = cl.sources[idx]
    names = [y for y in src.mentions if y.kind == MentionKind.NAME]
    return (
        src.type == SourceType.NAMED_PERSON
        and bool(names)
        and all(
            len(y.words) == 1
            and "PER" not in y.ner
            and y.words[0] not in cl.lex.first_names
            and not _after_capitalised_word(cl, y.words[0])
            for y in names
        )
    )


def _issued_by(cl: Clusterer, idx: int, x: Mention, head: str) -> bool:
    """Is a document source's description issued by an organization whose capitalised name carries
    ``head`` ("a news release from Idaho State Police" for "police")? Typing names the document
    after that organization later (:func:`refine_types`), so a bare "police" is its voice too."""
    if cl.sources[idx].type != SourceType.DOCUMENT or x.kind not in _DESCRIPTIONS:
        return False
    found = re.search(rf"\b{re.escape(head)}\b", x.text, re.IGNORECASE)
    return found is not None and found.start() > 0 and x.text[found.start()].isupper()


def _sole_organization_carrying(
    cl: Clusterer, m: Mention, earlier: Iterable[tuple[int, Mention]]
) -> int | None:
    """The one organization source (or document issued by one) named before a bare organization
    noun whose capitalised name carries that noun ("Police say" paragraphs after "Idaho State
    Police" was quoted, with no other police named): the force the article is about, however far
    back (:func:`_organization_taken_up` looks two sentences back only)."""
    if len(m.words) != 1 or class_of(m.head_lemma, cl.lex) != "organization":
        return None
    carried = re.compile(rf"\b{re.escape(m.head_lemma)}\b", re.IGNORECASE)
    return _sole_organization(cl, carried, earlier, issuer=m.head_lemma)


def _sole_organization_named_for(
    cl: Clusterer, m: Mention, earlier: Iterable[tuple[int, Mention]]
) -> int | None:
    """ "The studio confirmed" paragraphs after "Pixar Animation Studios" was quoted: a bare "the"
    + organization noun (singular) takes up the one organization source named before it whose
    capitalised name carries that noun or its plural, however far back (:func:`_organization_taken_up`
    looks two sentences back only); None when no organization or several qualify."""
    if not _the_noun(m):
        return None
    if class_of(m.head_lemma, cl.lex) != "organization":
        return None
    carried = re.compile(rf"\b{re.escape(m.head_lemma)}s?\b", re.IGNORECASE)
    return _sole_organization(cl, carried, earlier, issuer=None)


def _sole_organization(
    cl: Clusterer, carried: re.Pattern[str], earlier: Iterable[tuple[int, Mention]], issuer: str | None
) -> int | None:
    """The one organization source among the earlier mentions whose name ``carried`` matches at a
    capital (with ``issuer``, a document issued by such an organization too: :func:`_issued_by`);
    None when none or several do. Stops at the second, and reads each source's names once."""
    found: set[int] = set()
    read: set[int] = set()  # sources whose answer is the same at every mention (:func:`_read_once`)
    for idx, x in earlier:
        if idx in found or idx in read:
            continue
        names = _organization_names(cl, idx, x)
        if names is None and issuer is not None and _issued_by(cl, idx, x, issuer):
            names = [x.text]
        if any(hit[0][:1].isupper() for name in names or () for hit in carried.finditer(name)):
            found.add(idx)
            if len(found) > 1:
                return None
        elif _read_once(cl, idx):
            read.add(idx)
    return found.pop() if found else None


def _force_of_members(cl: Clusterer, m: Mention, earlier: Iterable[tuple[int, Mention]]) -> int | None:
    """The police force or sheriff's office a bare plural of its members by rank speaks for
    ("Deputies said" after "the Harris County Sheriff's Office", "troopers said" after "a news
    release from Idaho State Police"; lexicon ``force_members``): the nearest earlier organization
    source, or document issued by one, whose capitalised name holds one of the force's words."""
    words = cl.lex.force_members.get(m.head_lemma) if len(m.words) == 1 and m.number == "plur" else None
    if not words:
        return None
    force = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    read: set[int] = set()  # sources whose answer is the same at every mention (:func:`_read_once`)
    for idx, x in earlier:
        if idx in read:
            continue
        names = _organization_names(cl, idx, x)
        if names is None and cl.sources[idx].type == SourceType.DOCUMENT and _holds_proper_name(x):
            names = [x.text]
        if any(found[0][:1].isupper() for name in names or () for found in force.finditer(name)):
            return idx
        if _read_once(cl, idx):
            read.add(idx)
    return None


def _read_once(cl: Clusterer, idx: int) -> bool:
    """Are a source's organization names (:func:`_organization_names`) the same at each of its
    mentions but pronouns, which have none and issue no document: neither an anonymous source (its
    staff description's organization) nor a document (the description it is issued by)? A walk over
    the earlier mentions then reads it once, not once per mention (with all of its names each time)."""
    src = cl.sources[idx]
    return not src.anonymous and src.type != SourceType.DOCUMENT


def _organization_names(cl: Clusterer, idx: int, x: Mention) -> list[str] | None:
    """The names an organization source at its mention ``x`` is written with (none: an unnamed
    organization, "his team"); None when the source is no organization's. Staff of a named
    organization count as the organization (:func:`_staff_of_named`)."""
    src = cl.sources[idx]
    staff = _staff_of_named(cl, x) if src.anonymous else None
    if staff is not None:
        return [staff]
    if src.type != SourceType.NAMED_ORGANIZATION or x.kind == MentionKind.PRONOUN:
        return None
    return [y.text for y in src.mentions if y.kind == MentionKind.NAME or _holds_proper_name(y)]


_DESCRIPTIONS = (MentionKind.NOMINAL, MentionKind.DESCRIPTOR)


def _staff_of_named(cl: Clusterer, x: Mention) -> str | None:
    """The organization's name an anonymous source's description gives it as its staff ("A spokesman
    for the Jupiter Police Department", "Officials at Homeland Security Investigations"), when that
    is a proper name; the source is that organization's (:meth:`Clusterer.type_staff_as_organizations`)."""
    if x.kind != MentionKind.DESCRIPTOR or cl.parse is None:
        return None
    words = [w for w in cl.parse.sentences[x.sentence].words if x.start <= w.start < x.end]
    org = staff_organization(x, words, cl.text, cl.lex)
    name = cl.text[org[0] : org[1]] if org is not None else ""
    return name if any(w[:1].isupper() for w in name.split()) else None


def _holds_proper_name(m: Mention) -> bool:
    """Does a description name its organization, a capitalised word past its first ("A spokesman
    for the Jupiter Police Department", "the nonpartisan Congressional Budget Office"; not "his
    team", "the paper's editorial board")?"""
    return m.kind in _DESCRIPTIONS and any(w[:1].isupper() for w in m.words[1:])


def _authored_document(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """ "Provost Michael Grant said in a statement that ..." ... "“Q,” the statement read": the
    document the article last introduced as the way a source spoke ("in a statement", "in an
    email") is that source's, as "her statement read" is (docs/labelling.md: label the author).
    The nearest earlier word of the same lemma in the three sentences up to the nominal's only;
    None when it is no "in" phrase of a speech verb whose subject is a named source's mention."""
    if cl.parse is None or m.number != "sing" or not m.words or m.words[0].lower() != "the":
        return None
    if m.head_lemma not in cl.lex.document_nouns:
        return None
    sentences = cl.parse.sentences[max(0, m.sentence - 2) : m.sentence + 1]
    words = [(sent, w) for sent in sentences for w in sent.words if w.end <= m.start]
    sent, doc = next(((s, w) for s, w in reversed(words) if w.lemma.lower() == m.head_lemma), (None, None))
    if sent is None or doc is None or doc.deprel != "obl":
        return None
    verb = sent.head_of(doc)
    if verb is None or verb.lemma.lower() not in cl.lex.speech_verbs:
        return None
    if not any(c.deprel == "case" and c.lemma.lower() == "in" for c in sent.children(doc)):
        return None
    subj = next((w for w in sent.children(verb) if w.deprel == "nsubj"), None)
    if subj is None:
        return None
    speaking = (i for i, y in earlier if y.start <= subj.start < y.end and _names_author(cl, i, y))
    return next(speaking, None)


def _names_author(cl: Clusterer, idx: int, x: Mention) -> bool:
    """Does a document's sayer name who wrote it: a named person or organization, or an unnamed
    spokesperson of a named organization ("A spokesperson for Halvorsen said in an emailed statement":
    the statement is Halvorsen's, :func:`_staff_of_named`)?"""
    named = (SourceType.NAMED_PERSON, SourceType.NAMED_ORGANIZATION)
    return cl.sources[idx].type in named or (cl.sources[idx].anonymous and _staff_of_named(cl, x) is not None)


# The ways a nominal takes up an earlier source, in the order tried.
_NOMINAL_STEPS: tuple[_Step, ...] = (
    _authored_document,
    _organization_taken_up,
    _same_head,
    _role_in_description,
    _titled_person,
    _anonymous_descriptor,
    _plural_taken_up,
    _modified_organization_taken_up,
    _untagged_name_taken_up,
    _force_of_members,
    _sole_organization_named_for,
)


_APPOSITION = re.compile(r",[ \t]*")  # what lies between a name and the description after it


def _apposed_name(cl: Clusterer, m: Mention) -> Mention | None:
    """ "Ben Jealous, the former president of the NAACP, said": a definite description right
    after a name and its comma is the same referent when the parse makes it the name's
    apposition or a second subject of the name's verb, or when a person's description follows
    a person's name (not "In Chelsea, the mayor said", "Regardless, the department said"). The
    name (a mention in passing, outside quotations), or None."""
    if not m.words or m.words[0].lower() != "the":
        return None
    return _name_apposed_to(cl, m)


def _name_apposed_to(cl: Clusterer, m: Mention) -> Mention | None:
    """The name right before a description and its comma that the description is in
    apposition to (:func:`_apposed_name`), or None."""
    run = next(cl.finder.names_before(m, 1), None)
    if run is None or not _APPOSITION.fullmatch(cl.text, run.mention.end, m.start):
        return None
    sent = run.sentence
    outer, name = _outer_word(sent, m.start, m.end), _outer_word(sent, run.mention.start, run.mention.end)
    if outer is None or name is None:
        return None
    if _inserted_cue_subject(cl, m, sent):
        return None
    head = sent.head_of(outer)
    if outer.deprel == "appos" and head is not None and run.mention.start <= head.start < run.mention.end:
        return run.mention
    # the compact parse often makes both subjects of one verb ("Jealous, the president, told"),
    # or loses the apposition: a person's name before a person's description is enough
    if (outer.head, outer.deprel) == (name.head, name.deprel):
        return run.mention
    person = class_of(m.head_lemma, cl.lex) == "person" and cl.finder.looks_like_person(run, cl.known_surname)
    return run.mention if person else None


_INSERTED_CUE = re.compile(r"[ \t]+[a-z]+,")  # "Leadership, the aide said, is counting": one verb, a comma


def _inserted_cue_subject(cl: Clusterer, m: Mention, sent: Sentence) -> bool:
    """Is a description the subject of a one-word clause set into a sentence by commas ("Leadership,
    the aide said, is counting on ..."): a reporting verb and a comma right after it. The name before
    it then opens the words reported; it is not the description's apposition."""
    if _INSERTED_CUE.match(cl.text, m.end) is None:
        return False
    verb = next((w for w in sent.words if w.start >= m.end), None)
    return verb is not None and verb.upos == "VERB" and verb.lemma in cl.lex.speech_verbs


def _outer_word(sent: Sentence, start: int, end: int) -> Word | None:
    """The word of a span whose head lies outside it (None: no word in it)."""
    inside = sent.within(start, end)
    indices = {w.index for w in inside}
    return next((w for w in inside if w.head not in indices), None)


# a person's name opening a description: two to four capitalised words ("Brian Sandoval, a
# Republican", "Steffen Seibert, wrote on Twitter"), then a comma, a lower-case word or the end
_NAME_OPENING = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}(?=,|[ \t]+[a-z]|$)")


def _name_after(cl: Clusterer, m: Mention) -> Mention | None:
    """ "Nevada's governor, Brian Sandoval, a Republican, said", "Ms. Merkel's spokesman,
    Steffen Seibert, wrote": the person's name a description's apposition opens with (its
    ``description`` span, right after the description and its comma), as a name mention; None
    when there is none or it names an organization."""
    if m.description is None or m.number != "sing" or cl.parse is None:
        return None
    if not _APPOSITION.fullmatch(cl.text, m.end, m.description[0]):
        return None
    found = _NAME_OPENING.match(cl.text[m.description[0] : m.description[1]])
    if found is None:
        return None
    span = (m.description[0], m.description[0] + found.end())
    name = name_from_text(cl.text, span, m.sentence)
    if is_org_name(name, cl.lex) or not _apposed(cl.parse.sentences[m.sentence], (m.start, m.end), span):
        return None
    return name


def _apposed(sent: Sentence, phrase: tuple[int, int], name: tuple[int, int]) -> bool:
    """Does the parse make a name the apposition of the phrase before it (or a conjunct: the
    compact parse's frequent mistake), or a second subject (or object) of the phrase's verb
    (not "According to exit polls, Mitt Romney had")?"""
    outer, named = _outer_word(sent, *phrase), _outer_word(sent, *name)
    if outer is None or named is None:
        return False
    head = sent.head_of(named)
    if named.deprel in ("appos", "conj") and head is not None and phrase[0] <= head.start < phrase[1]:
        return True
    return (outer.head, outer.deprel) == (named.head, named.deprel)


def _introduced_name(cl: Clusterer, introduced: Mention) -> Mention | None:
    """ "Spain's migration minister, Elma Saiz, said ... The Spanish minister said": the name in
    apposition right after the phrase that introduced a description (the parse must make it the
    phrase's apposition, :func:`_apposed`), as a name mention; None when none follows or it names
    an organization."""
    comma = _APPOSITION.match(cl.text, introduced.end)
    found = None if comma is None or cl.parse is None else _NAME_OPENING.match(cl.text, comma.end())
    if comma is None or found is None or cl.parse is None:
        return None
    span = (comma.end(), found.end())
    name = name_from_text(cl.text, span, introduced.sentence)
    sent = cl.parse.sentences[introduced.sentence]
    if is_org_name(name, cl.lex) or not _apposed(sent, (introduced.start, introduced.end), span):
        return None
    return name


def _named_description(cl: Clusterer, m: Mention) -> int | None:
    """The source of the name right after a description (:func:`_name_after`), or None."""
    name = _name_after(cl, m) or _office_holder(cl, m)
    return None if name is None else cl.resolve(name)[0]


# what lies between an office and its holder's name: the office's own prepositional phrase, a comma,
# an abbreviated honorific ("The President of the Senate, Godswill Akpabio,", "the Minister of
# Humanitarian Affairs, Dr Nentawe Yilwatda,", "The Police Public Relations Officer in Kogi State, SP
# William Aya,", "the lawmaker for Lokoja, Hon. Ahmed Idris,")
_OFFICE_PREPOSITIONS = ("of", "in", "for", "at", "on")
_OFFICE_TAIL = re.compile(
    r"(?:[ \t]+(?:of|in|for|at|on)[ \t]+[^,;:\n\"“”()]{1,60}?)?,[ \t]*(?:[A-Z][a-z]{1,4}\.[ \t]+)?"
)


def _office_holder(cl: Clusterer, m: Mention) -> Mention | None:
    """The person's name set by a comma after "the" + an office and its prepositional phrase, as a
    name mention (Commonwealth and African news name the office first: "The President of the Senate,
    Godswill Akpabio, noted"); the parse often hangs the phrase or the name elsewhere, so the surface
    decides. None when the office is no person's, the name is an organization's, or none follows."""
    if not m.words or m.words[0].lower() != "the" or m.number != "sing":
        return None
    if class_of(m.head_lemma, cl.lex) != "person":
        return None
    tail = _OFFICE_TAIL.match(cl.text, m.end)
    found = None if tail is None else _NAME_OPENING.match(cl.text, tail.end())
    if tail is None or found is None or found.group().endswith(POSSESSIVE_S):
        return None  # "said the mayor, Ann Ruiz's longtime rival": the mayor is Ruiz's rival
    if not tail.group().startswith((" ", "\t")) and not any(w in _OFFICE_PREPOSITIONS for w in m.words):
        return None  # "the president, Ben Carson," with no phrase of its own: :func:`_name_after`'s
    name = name_from_text(cl.text, (tail.end(), found.end()), m.sentence)
    return None if is_org_name(name, cl.lex) else name


_FORMER_LATTER = {"former": 1, "latter": 0}  # which of the last two people named, nearest first


def _former_or_latter(cl: Clusterer, m: Mention) -> Mention | None:
    """ "Engr. Tunde Bakare ... and Prof. Ngozi Eze ... warned. The former said ..., while the latter
    said ...": a bare "the former"/"the latter" is the first/second of the last two people named
    before it (persons by :meth:`MentionFinder.looks_like_person`, one per surname, in its sentence
    and the two before), as a name mention; None for anything else or fewer than two people."""
    if len(m.words) != 2 or m.words[0].lower() != "the" or m.words[1].lower() not in _FORMER_LATTER:
        return None
    people: list[Mention] = []
    for run in cl.finder.names_before(m, 3):
        key = surname(run.mention, cl.lex)
        if cl.finder.looks_like_person(run, cl.known_surname) and all(
            surname(p, cl.lex) != key for p in people
        ):
            people.append(run.mention)
        if len(people) == 2:
            return people[_FORMER_LATTER[m.words[1].lower()]]
    return None


def _resolve_nominal(cl: Clusterer, m: Mention) -> tuple[int, Resolution]:
    """A definite description takes up an earlier source (:data:`_NOMINAL_STEPS`), else the
    indefinite phrase that introduced it ("One furnace operator, who asked not to be named,
    ..."), else a person the article names (:func:`_described_person`), else it is a new
    source; a description a name follows is that name's (:func:`_named_description`)."""
    named = _named_description(cl, m)
    if named is not None:
        return cl.add(named, m), Resolution.EXPLICIT
    paired = _former_or_latter(cl, m)
    if paired is not None:
        return cl.add(cl.resolve(paired)[0], m), Resolution.NOMINAL
    apposed = _apposed_name(cl, m)
    if apposed is None:
        apposed = _titled_name_before(cl, m)
    if apposed is not None:
        return cl.add(cl.resolve(apposed)[0], m), Resolution.NOMINAL
    earlier = cl.earlier_list(m.start)
    for step in _NOMINAL_STEPS:
        idx = step(cl, m, earlier)
        if idx is not None and _class_fits(cl, m, idx):
            return cl.add(idx, m), Resolution.NOMINAL
    introduced = cl.finder.descriptor_antecedent(m)
    if introduced is not None:
        name = _introduced_name(cl, introduced)
        idx = cl.add(cl.new() if name is None else cl.resolve(name)[0], introduced)
        return cl.add(idx, m), Resolution.NOMINAL
    described = _last_person_anonymous(cl, m, earlier)
    if described is None:
        described = _described_person(cl, m)
    if described is not None:
        return cl.add(described, m), Resolution.NOMINAL
    return cl.add(cl.new(), m), Resolution.EXPLICIT


def _last_person_anonymous(cl: Clusterer, m: Mention, earlier: list[tuple[int, Mention]]) -> int | None:
    """ "A former member of the drug safety team, who spoke on condition of anonymity, said ..."
    ... "the former employee said": a definite description of one unnamed person (head noun an
    anonymous noun, no office one known person holds) takes up the last person source before it
    when that is an anonymous individual's descriptor, not a person the article named earlier
    (whom :func:`_described_person` would pick by salience)."""
    if m.number != "sing" or not m.definite or m.head_lemma not in cl.lex.anonymous_nouns:
        return None
    if class_of(m.head_lemma, cl.lex) != "person" or identified_role(m, cl.lex):
        return None
    people = (SourceType.NAMED_PERSON, SourceType.ANONYMOUS_INDIVIDUAL)
    last = next(((idx, x) for idx, x in earlier if cl.sources[idx].type in people), None)
    if last is None or not cl.sources[last[0]].anonymous or last[1].kind != MentionKind.DESCRIPTOR:
        return None
    return last[0]


_POSSESSIVE_PRONOUNS = {"his": "he", "her": "her", "its": "it", "their": "they"}


def _possessor_document(cl: Clusterer, m: Mention) -> int | None:
    """ "her statement read", "his letter says": a document or a statement whose owner is a
    possessive pronoun is its author's: the source the pronoun resolves to (as for "she said").
    None for any other mention, or when the pronoun takes up no earlier source."""
    if m.head_lemma not in cl.lex.document_nouns and m.head_lemma not in cl.lex.speech_nouns:
        return None
    return _possessor_source(cl, m)


def _possessor_source(cl: Clusterer, m: Mention) -> int | None:
    """The source the possessive pronoun opening ``m`` resolves to ("her statement", "his aides":
    as for "she said"); None when ``m`` opens with none or the pronoun takes up no earlier source."""
    owner = m.words[0].lower() if m.words else ""
    if owner not in _POSSESSIVE_PRONOUNS or len(m.words) < 2:
        return None
    pronoun = _POSSESSIVE_PRONOUNS[owner]
    owner_mention = Mention(
        m.start,
        m.start + len(m.words[0]),
        m.words[0],
        MentionKind.PRONOUN,
        pronoun,
        "PRON",
        cl.lex.pronouns[pronoun][2],
        True,
        m.sentence,
        (m.words[0],),
    )
    return pronoun_source(cl, owner_mention)


def _resolve_descriptor(cl: Clusterer, m: Mention) -> tuple[int, Resolution]:
    """An indefinite descriptor is a new source, but the same bare plural ("officials said"
    twice) is the same group; a document of a possessive pronoun ("her statement") is the
    pronoun's source (:func:`_possessor_document`); a descriptor a name follows is that name's
    (:func:`_named_description`), and so is a person's descriptor in apposition after a name
    ("asked Bennett, now a conservative radio host", :func:`_name_apposed_to`); "his wife" is the
    person an earlier "Peter's wife, Joan" introduced (:func:`_possessed_role`)."""
    named = _named_description(cl, m)
    if named is not None:
        return cl.add(named, m), Resolution.EXPLICIT
    author = _possessor_document(cl, m)
    if author is not None:
        return cl.add(author, m), Resolution.PRONOUN
    apposed = _name_apposed_to(cl, m) if class_of(m.head_lemma, cl.lex) == "person" else None
    if apposed is not None:  # "asked Bennett, now a conservative radio host": Bennett
        return cl.add(cl.resolve(apposed)[0], m), Resolution.EXPLICIT
    possessed = _possessed_role(cl, m)
    if possessed is not None:  # "his wife said" after "Peter's wife, Joan, said": Joan
        return cl.add(possessed, m), Resolution.NOMINAL
    # cl.earlier, lazily: only the mentions of the last few sentences are read, not every earlier one
    organization = _organization_taken_up(cl, m, cl.earlier(m.start)) if len(m.words) == 1 else None
    if organization is None:  # "deputies said" after "the Harris County Sheriff's Office"
        organization = _force_of_members(cl, m, cl.earlier(m.start))
    if organization is None and len(m.words) == 1:  # "police said" long after "Idaho State Police"
        organization = _sole_organization_carrying(cl, m, cl.earlier(m.start))
    if organization is None and len(m.words) == 2:  # "HPD police said" after "Houston Police Department"
        organization = _acronym_source(cl, m)
    if organization is not None:  # "police said" after "the Jupiter Police Department"
        return cl.add(organization, m), Resolution.NOMINAL
    first, space, _ = m.text.lower().partition(" ")
    plural = m.number == "plur" and not (space and first in cl.lex.counting_determiners)
    if plural or _named_owner(m):
        idx = cl.descriptor_source(m)
        if idx is not None:
            return cl.add(idx, m), Resolution.EXPLICIT
    return cl.add(cl.new(), m), Resolution.EXPLICIT


def _possessed_role(cl: Clusterer, m: Mention) -> int | None:
    """ "his wife said" after "Peter's wife, Joan, said", "her daughter said" after "Her daughter,
    Ann Hale, said": a person noun after a possessive pronoun takes up the person an earlier
    description in apposition gave the same role (:func:`_role_in_description`), when that
    description's possessor agrees with the pronoun (:func:`_possessor_agrees`). None otherwise."""
    owner = m.words[0].lower() if m.words else ""
    if len(m.words) != 2 or owner not in _POSSESSIVE_PRONOUNS or class_of(m.head_lemma, cl.lex) != "person":
        return None
    earlier = [
        (idx, x)
        for idx, x in cl.described_names(m.start)
        if x.description and _possessor_agrees(cl, owner, x.description)
    ]
    return _role_in_description(cl, m, earlier)


def _possessor_agrees(cl: Clusterer, owner: str, description: tuple[int, int]) -> bool:
    """Does a description open with a possessor a possessive pronoun can take up: the same pronoun
    ("Her daughter" for "her"), or a person's name of no other gender ("Peter's wife" for "his",
    not for "her" or "their")?"""
    first = cl.text[description[0] : description[1]].split(maxsplit=1)[0]
    if first.lower() in _POSSESSIVE_PRONOUNS:
        return first.lower() == owner
    name = first.removesuffix("'s").removesuffix("’s")
    if name == first or not name[:1].isupper() or owner not in ("his", "her"):
        return False
    gender = name_gender((name,), cl.lex)
    return gender is None or gender == cl.lex.pronouns[_POSSESSIVE_PRONOUNS[owner]][1]


def _named_owner(m: Mention) -> bool:
    """Does the descriptor open with a name's possessive ("Scott's family", "Clinton's spokesman")?
    Written the same way twice, it is the same source; "a spokesman" twice may be two people."""
    words = m.words
    owned = words[0].endswith(POSSESSIVE_S) or (len(words) > 2 and words[1] in POSSESSIVE_S)
    return len(words) > 1 and words[0][:1].isupper() and owned


RESOLVERS: dict[MentionKind, Callable[[Clusterer, Mention], tuple[int, Resolution]]] = {
    MentionKind.NAME: _resolve_name,
    MentionKind.PRONOUN: _resolve_pronoun,
    MentionKind.NOMINAL: _resolve_nominal,
    MentionKind.DESCRIPTOR: _resolve_descriptor,
}
