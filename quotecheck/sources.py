"""Sources: speaker mentions clustered into entities, typed, with ground rules and reasons.

"Marine Gen. James L. Jones" ... "Jones" ... "he" is one source; "one NATO source" ...
"the source" is another. Walking the attributions in text order:

- a name joins the earlier named source with the same surname (or the same full name);
- a pronoun joins the nearest earlier source it is compatible with (he/she: a person; they:
  a group, an organization or a plural; it: an organization or a document);
- a definite nominal ("the source", "the official", "the campaign") joins the nearest earlier
  source with the same head noun, or of the same class (anonymous descriptor, organization,
  document); with none, it introduces a new source;
- an indefinite descriptor ("a senior official") is a new source; the same bare plural
  ("officials said" twice) is the same group;
- a floating quotation joins the source of the quotation it follows.

Ground rules ("spoke on background", "on condition of anonymity") and reasons for anonymity
("because he was not authorized to speak") are matched by the lexicon's regular expressions
and given to the source they describe: the one whose description contains them, else the
source mentioned in the same sentence, else the source the sentence's subject refers back to.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .attribution import CALENDAR_WORDS, KNOWLEDGE_TAIL, PRONOUNS, Attribution, Mention
from .lexicons import Lexicon, default_lexicon
from .parsing import Parse

SOURCE_TYPES = ("named_person", "named_organization", "anonymous_individual", "anonymous_group",
                "document", "unknown")
ANONYMITY_RULES = ("background", "deep_background", "not_for_attribution", "anonymity_granted")
DEFINITE = {"the", "this", "that", "these", "those", "his", "her", "their", "its"}
# Endings of nouns for people ("pollster", "activist", "economist", "director", "nominee");
# other common nouns (anonymous_nouns.txt lists the rest) do not make an anonymous source.
PERSON_SUFFIXES = ("man", "woman", "person", "er", "ist", "ian", "ant", "ent", "or", "ee", "ess")
# ... but not these endings, which make things ("statement", "percent", "event", "content").
NON_PERSON_ENDINGS = ("ment", "cent", "event", "tent", "plant", "grant", "want")
GROUP_WORDS = {"people", "officials", "sources", "aides", "members", "staffers", "diplomats",
               "lawmakers", "experts", "analysts", "advisers", "advisors", "residents", "witnesses"}


@dataclass(frozen=True)
class Evidence:
    rule: str  # a ground rule, or "reason"
    start: int
    end: int
    text: str


@dataclass
class Source:
    index: int
    mentions: list[Mention] = field(default_factory=list)
    attributions: list[int] = field(default_factory=list)
    type: str = "unknown"
    name: str = ""
    description: tuple[int, int] | None = None
    ground_rules: list[Evidence] = field(default_factory=list)
    anonymity_reason: Evidence | None = None
    gender: str | None = None
    descriptor: "Descriptor | None" = None  # for anonymous sources
    declined_comment: list[Evidence] = field(default_factory=list)
    number_clash: Evidence | None = None  # "sources said" ... later "the source said"

    @property
    def id(self) -> str:
        return f"s{self.index + 1}"

    @property
    def anonymous(self) -> bool:
        return self.type in ("anonymous_individual", "anonymous_group")

    @property
    def rules(self) -> list[str]:
        seen: list[str] = []
        for e in self.ground_rules:
            if e.rule not in seen:
                seen.append(e.rule)
        return seen


@dataclass(frozen=True)
class Descriptor:
    """How specifically an anonymous source is described (NPR, BBC and WaPo guidance)."""

    affiliation: str | None  # "NATO", "administration"
    seniority: str | None  # "senior"
    role: str | None  # "official", "aide"
    knowledge: str | None  # "familiar with the talks", "who attended the meeting"
    side: str | None  # "Republican"
    bare: bool  # nothing but a vague noun: "a source", "officials"

    @property
    def score(self) -> int:
        return sum(x is not None for x in (self.affiliation, self.seniority, self.role, self.knowledge, self.side))


_GENERIC_ROLES = {"source", "person", "people", "someone", "individual", "insider", "figure", "man", "woman"}
_DETERMINERS = {"a", "an", "the", "one", "two", "three", "four", "several", "some", "another", "many",
                "other", "these", "those", "this", "that", "multiple", "few"}


def describe(src: "Source", text: str, lex: Lexicon) -> Descriptor:
    """The descriptor profile of an anonymous source, from its descriptor mentions and its
    description (ground-rule phrases and reasons do not describe anybody)."""
    phrases = [m.text for m in src.mentions if m.kind in ("descriptor", "nominal")]
    desc = text[src.description[0]:src.description[1]] if src.description else ""
    for ev in src.ground_rules + ([src.anonymity_reason] if src.anonymity_reason else []):
        desc = desc.replace(ev.text, " ")
    body = " ".join(phrases + [desc])
    tokens = re.findall(r"[\w’'-]+", body)
    affiliation = seniority = side = None
    for phrase in phrases + [desc]:
        words = re.findall(r"[\w’'-]+", phrase)
        caps: list[str] = []
        for i, w in enumerate(words):
            upper = w[:1].isupper() and not (i == 0 and w.lower() in _DETERMINERS | {"who", "whose"})
            if upper and w not in lex.side_words and w.rstrip(".") not in lex.titles:
                caps.append(w)
            elif caps:
                break
        if caps and affiliation is None:
            affiliation = " ".join(caps)
        if affiliation is None:
            affiliation = next((w for w in words if w.lower() in lex.affiliation_words), None)
    seniority = next((w for w in tokens if w.lower() in lex.seniority_words), None)
    side = next((w for w in tokens if w in lex.side_words or w.lower() in lex.side_words), None)
    knowledge = None
    for pattern in lex.knowledge_phrases:
        m = pattern.search(body)
        if m:
            knowledge = _clause(body, m.start())
            break
    heads = [m.head_lemma for m in src.mentions if m.kind in ("descriptor", "nominal")]
    role = next((h for h in heads if h in lex.anonymous_nouns and h not in _GENERIC_ROLES), None)
    first = next((m for m in src.mentions if m.kind == "descriptor"), None) or \
        next((m for m in src.mentions if m.kind != "pronoun"), None)
    bare = False
    if first is not None:
        content = [w for w in re.findall(r"[\w’'-]+", first.text) if w.lower() not in _DETERMINERS]
        bare = len(content) == 1 and first.head_lemma in lex.vague_descriptors and not desc.strip(" ,")
    return Descriptor(affiliation, seniority, role, knowledge, side, bare)


def _clause(text: str, start: int) -> str:
    end = re.compile(r"[,.;]").search(text, start)
    return text[start:end.start() if end else len(text)].strip()


@dataclass(frozen=True)
class LinkedAttribution:
    attribution: Attribution
    source: int | None  # index into sources
    resolution: str | None


@dataclass
class SourceAnalysis:
    attributions: list[LinkedAttribution]
    sources: list[Source]
    unattached_evidence: list[Evidence]  # ground-rule phrases that describe no source ("has learned")


def _surname(m: Mention, lex: Lexicon) -> str | None:
    words = [w.strip(".,") for w in m.words if w[:1].isupper() and w.strip(".") not in lex.titles]
    words = [w for w in words if w not in ("Jr", "Sr", "II", "III", "The")]
    for w in reversed(words):
        if w not in ("’s", "'s"):
            return w.lower()
    return None


def _norm(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip().lower())


def _is_org_name(m: Mention, lex: Lexicon) -> bool:
    """Organization names end in an organization word ("Justice Department") or start with one
    followed by "of" ("Department of Justice"); "House Speaker Paul Ryan" is a person."""
    words = [w.strip(".,") for w in m.words if w not in ("’s", "'s")]
    if words and words[-1] in lex.organization_words:
        return True
    if len(words) > 2 and words[0] in lex.organization_words and "of" in words[1:3]:
        return True
    if len(words) > 2 and any(w in lex.organization_words for w in words[:-1]) and \
            not any(w.strip(".") in lex.titles for w in words) and words[-1][:1].isupper() and "of" in words:
        return True
    head = m.text.split()[-1].strip(".,’'s")
    if re.fullmatch(r"[A-Z]{2,6}s?", head) and head not in ("II", "III", "IV", "JR"):
        return True  # NATO, FBI, the EU
    if m.words and m.words[0].lower() == "the" and len(words) > 1:
        return True  # "the Pentagon", "the Kremlin": a proper noun with "the" is not a person
    if m.ner.endswith(("ORG", "NORP", "GPE", "FAC")):
        return True
    return False


def _type_of(m: Mention, lex: Lexicon) -> str:
    if m.kind == "pronoun":
        return "unknown"
    if m.kind == "name":
        if m.ner.endswith("PERSON"):
            return "named_person"
        return "named_organization" if _is_org_name(m, lex) else "named_person"
    head = m.head_lemma
    if head in lex.document_nouns:
        return "document"
    if m.definite and head in lex.organization_nouns:
        return "named_organization"
    plural = m.number == "plur" or m.text.lower().split()[-1] in GROUP_WORDS
    if head in lex.anonymous_nouns or (head.endswith(PERSON_SUFFIXES)
                                       and not head.endswith(NON_PERSON_ENDINGS)):
        return "anonymous_group" if plural else "anonymous_individual"
    if head in lex.organization_nouns:
        return "named_organization"
    # "the car", "his tax returns", "63 percent": whatever said it, it is not a person
    return "unknown"


def _pronoun_fits(pron: str, src: Source) -> bool:
    kind, gender, number = PRONOUNS.get(pron, ("any", None, "sing"))
    if kind == "person":
        if src.type not in ("named_person", "anonymous_individual", "unknown"):
            return False
        return gender is None or src.gender in (None, gender)
    if kind == "thing":
        return src.type in ("named_organization", "document")
    if number == "plur":
        return src.type in ("anonymous_group", "named_organization") or any(
            m.number == "plur" for m in src.mentions)
    return True


def _class_of(head: str, lex: Lexicon) -> str:
    if head in lex.document_nouns:
        return "document"
    if head in lex.organization_nouns:
        return "organization"
    return "person"


class _Clusterer:
    def __init__(self, text: str, lex: Lexicon, parse: Parse | None = None,
                 quoted: list[tuple[int, int]] | None = None):
        self.text = text
        self.lex = lex
        self.parse = parse
        # the quotations' spans, merged and sorted, for a bisect in _quoted
        self.quoted: list[tuple[int, int]] = []
        for a, b in sorted(quoted or []):
            if self.quoted and a <= self.quoted[-1][1]:
                self.quoted[-1] = (self.quoted[-1][0], max(self.quoted[-1][1], b))
            else:
                self.quoted.append((a, b))
        self._quoted_starts = [a for a, _ in self.quoted]
        self.sources: list[Source] = []
        self.by_span: dict[tuple[int, int], int] = {}
        self._surname_gender: dict[str, str | None] = {}

    def new(self, m: Mention) -> int:
        src = Source(len(self.sources))
        self.sources.append(src)
        return src.index

    def add(self, idx: int, m: Mention) -> int:
        src = self.sources[idx]
        if all((x.start, x.end) != (m.start, m.end) for x in src.mentions):
            src.mentions.append(m)
        self.by_span[(m.start, m.end)] = idx
        if m.kind == "pronoun" and m.head_lemma in ("he", "him", "she", "her") and src.gender is None:
            src.gender = PRONOUNS[m.head_lemma][1]
        if m.kind == "name" and src.gender is None:
            src.gender = self._given_name_gender(m)
        if not src.name or (m.kind != "pronoun" and src.type == "unknown"):
            self._retype(src)
        return idx

    def _retype(self, src: Source) -> None:
        real = [m for m in src.mentions if m.kind != "pronoun"]
        first = real[0] if real else src.mentions[0]
        src.type = _type_of(first, self.lex)
        names = [m for m in real if m.kind == "name"]
        name = max(names, key=lambda m: len(m.text)).text if names else first.text
        src.name = re.sub(r"\s*\([A-Z][\w.-]*\)", "", name)  # party tags belong to the mention
        if src.description is None:
            src.description = next((m.description for m in real if m.description), None)
        if src.type == "named_person" and src.gender is None:
            for m in real:
                given = [w for w in m.words if w[:1].isupper() and w.rstrip(".") not in self.lex.titles]
                if len(given) >= 2 and given[0] in self.lex.first_names:
                    src.gender = self.lex.first_names[given[0]]
                    break
        for m in real:
            if m.text[:3] in ("Mr ", "Mr.") and src.gender is None:
                src.gender = "m"
            elif m.text[:3] in ("Ms ", "Ms.", "Mrs") and src.gender is None:
                src.gender = "f"

    def _earlier(self, before: int) -> list[tuple[int, Mention]]:
        """(source index, mention) pairs before an offset, nearest first."""
        pairs = [(i, m) for i, s in enumerate(self.sources) for m in s.mentions if m.end <= before]
        pairs.sort(key=lambda p: p[1].start, reverse=True)
        return pairs

    def _given_name_gender(self, m: Mention) -> str | None:
        """Gender from a given name in the mention, or in the fullest earlier form of the name
        ("Castillo" after "Jen Castillo")."""
        given = [w for w in m.words if w[:1].isupper() and w.rstrip(".") not in self.lex.titles]
        if len(given) >= 2 and given[0] in self.lex.first_names:
            return self.lex.first_names[given[0]]
        surname = _surname(m, self.lex)
        if not surname:
            return None
        if surname not in self._surname_gender:  # one scan of the article per surname
            pattern = re.compile(rf"\b([A-Z][a-zé]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b",
                                 re.IGNORECASE)
            self._surname_gender[surname] = next(
                (self.lex.first_names[f.group(1)] for f in pattern.finditer(self.text)
                 if f.group(1)[:1].isupper() and f.group(1) in self.lex.first_names), None)
        return self._surname_gender[surname]

    def _name_antecedent(self, m: Mention) -> Mention | None:
        """The nearest proper name before a he/she/they pronoun, outside quotations."""
        if self.parse is None or m.head_lemma not in ("he", "she", "they"):
            return None
        for s_idx in range(m.sentence, max(-1, m.sentence - 6), -1):
            sent = self.parse.sentences[s_idx]
            words = [w for w in sent.words if w.end <= m.start and not self._quoted(w.start)]
            for w in reversed(words):
                if w.upos != "PROPN" or w.text in CALENDAR_WORDS or (w.index < len(sent.words) and sent.word(w.index + 1).text[:1].isupper()
                                         and sent.word(w.index + 1).end <= m.start):
                    continue  # not the end of the name run
                j = w.index
                while j > 1 and (sent.word(j - 1).upos == "PROPN" or sent.word(j - 1).text.rstrip(".") in self.lex.titles) \
                        and sent.word(j - 1).text[:1].isupper():
                    j -= 1
                first = sent.word(j)
                text = self.text[first.start:w.end]
                cand = Mention(first.start, w.end, text, "name", w.lemma.lower(), "PROPN", "sing", False, s_idx,
                               tuple(x.text for x in sent.words[j - 1:w.index]), w.ner)
                if _is_org_name(cand, self.lex) or w.deprel not in ("nsubj", "nsubj:pass", "flat", "appos",
                                                                     "compound", "conj", "obj", "nmod:poss"):
                    continue
                if m.head_lemma != "they" and not self._looks_like_person(cand, sent, first, w):
                    continue
                if m.head_lemma == "they" and not _is_org_name(cand, self.lex):
                    continue
                return cand
        return None

    def _descriptor_antecedent(self, m: Mention) -> Mention | None:
        """An earlier indefinite noun phrase with the same head noun ("a senior aide to the
        governor" ... "the aide"), outside quotations, for a nominal with no earlier source."""
        if self.parse is None:
            return None
        for s_idx in range(m.sentence, max(-1, m.sentence - 12), -1):
            sent = self.parse.sentences[s_idx]
            for w in reversed(sent.words):
                if w.end > m.start or w.lemma.lower() != m.head_lemma or w.upos not in ("NOUN", "ADJ") \
                        or self._quoted(w.start):
                    continue
                kids = sent.children(w)
                det = next((k for k in kids if k.deprel in ("det", "nummod", "nmod:poss") and k.index < w.index), None)
                plural = w.feat("Number") == "Plur" or w.xpos in ("NNS", "NNPS") or w.text.lower() == "people"
                if plural != (m.number == "plur"):
                    continue
                if (det is None and not plural) or (det is not None and det.text.lower() in DEFINITE):
                    continue  # "people briefed on the talks" (a bare plural) introduces; "the aide" does not
                left = min([k.index for k in kids if k.index < w.index and k.deprel not in ("punct", "case")]
                           + [w.index])
                right = w.index
                for k in kids:  # "to the governor", "familiar with the talks"
                    if k.index > w.index and k.deprel in ("nmod", "amod", "acl") and \
                            "," not in self.text[w.end:k.start]:
                        right = max(right, max(x.index for x in sent.subtree(k)))
                words = sent.words[left - 1:right]
                while words and words[-1].upos == "PUNCT":
                    words = words[:-1]
                start, end = words[0].start, words[-1].end
                tail = KNOWLEDGE_TAIL.match(self.text, end, sent.end)
                if tail:  # "people briefed on the talks"
                    end = tail.end()
                return Mention(start, end, self.text[start:end], "descriptor", m.head_lemma, w.upos,
                               m.number, False, s_idx, tuple(x.text for x in words), w.ner)
        return None

    def _looks_like_person(self, cand: Mention, sent, first, last) -> bool:
        """A name met in passing is a person if it carries a title or a known given name, or is
        the surname of a person already quoted; and it is not inside a prepositional phrase
        ("lives in Austin, Texas") or a parenthesis ("(D-Ore.)")."""
        head = sent.head_of(last) if last.deprel in ("flat", "compound") else last
        for word in {first, last, head} - {None}:
            if any(k.deprel == "case" for k in sent.children(word)):
                return False
        if self.text[max(0, first.start - 1):first.start] == "(":
            return False
        if first.index > 1 and sent.word(first.index - 1).text.lower() == "the":
            return False  # "her old boat, the Margaret E.": a proper name after "the" is not a person
        words = [w for w in cand.words if w[:1].isupper()]
        if any(w.rstrip(".") in self.lex.titles for w in words[:-1]) or (words and words[0] in self.lex.first_names):
            return True
        if self._given_name_gender(cand) is not None:
            return True  # "Ellery", with "Ruth Ellery" earlier in the article
        surname = _surname(cand, self.lex)
        return any(src.type == "named_person" and any(_surname(x, self.lex) == surname
                                                      for x in src.mentions if x.kind == "name")
                   for src in self.sources)

    def _titled_person(self, m: Mention, candidates: list[tuple[int, Mention]]) -> int | None:
        """The nearest earlier named person whose name carries the nominal's head noun as a
        title in front of it: "President Obama" ... "the president", "Sen. Maria Alvarez" ...
        "the senator" (``title_nouns.tsv``). Singular nominals only."""
        head = m.head_lemma
        if m.number != "sing":
            return None
        for idx, x in candidates:
            if x.kind != "name" or self.sources[idx].type != "named_person":
                continue
            words = [w.rstrip(".,") for w in x.words[:-1]]
            if any(w.lower() == head or head in self.lex.title_nouns.get(w, ()) for w in words):
                return idx
        return None

    def _quoted(self, offset: int) -> bool:
        i = bisect_right(self._quoted_starts, offset) - 1
        return i >= 0 and offset < self.quoted[i][1]

    def resolve(self, m: Mention) -> tuple[int, str]:
        """Source index for a mention, and how it was resolved."""
        if (m.start, m.end) in self.by_span:
            idx = self.by_span[(m.start, m.end)]
            return idx, "same"
        if m.kind == "name":
            key = _surname(m, self.lex)
            full = _norm(m.text)
            for src in self.sources:
                for x in src.mentions:
                    if x.kind != "name":
                        continue
                    if _norm(x.text) == full or (key and _surname(x, self.lex) == key
                                                  and src.type == "named_person" and not _is_org_name(m, self.lex)):
                        return self.add(src.index, m), "explicit"
            return self.add(self.new(m), m), "explicit"
        if m.kind == "pronoun":
            # the nearest compatible earlier mention: of a source, or of a person named in passing
            known = next(((idx, x) for idx, x in self._earlier(m.start)
                          if _pronoun_fits(m.head_lemma, self.sources[idx])), None)
            named = self._name_antecedent(m)
            if named is not None and (known is None or named.start > known[1].start):
                idx, _ = self.resolve(named)
                if _pronoun_fits(m.head_lemma, self.sources[idx]):
                    return self.add(idx, m), "pronoun"
            if known is not None:
                return self.add(known[0], m), "pronoun"
            return self.add(self.new(m), m), "pronoun"
        if m.kind == "nominal":
            cls = _class_of(m.head_lemma, self.lex)
            candidates = self._earlier(m.start)
            for idx, x in candidates:  # same head noun: "one NATO source" ... "the source"
                if x.kind != "pronoun" and x.head_lemma == m.head_lemma and x.number == m.number:
                    return self.add(idx, m), "nominal"
            for idx, x in candidates:  # a description naming the role: "Kirby, a Pentagon spokesman" ... "the spokesman"
                src = self.sources[idx]
                if src.description and re.search(rf"\b{re.escape(m.head_lemma)}s?\b",
                                                 self.text[src.description[0]:src.description[1]], re.I):
                    return self.add(idx, m), "nominal"
            titled = self._titled_person(m, candidates)
            if titled is not None:  # "Sen. Bernie Sanders" ... "the Vermont senator"
                return self.add(titled, m), "nominal"
            for idx, x in candidates:  # same class, for anonymous descriptors only
                src = self.sources[idx]
                if cls == "person" and src.anonymous and x.kind == "descriptor" and \
                        (src.type == "anonymous_group") == (m.number == "plur"):
                    return self.add(idx, m), "nominal"
            plural = next((j for j, x in candidates if x.head_lemma == m.head_lemma and x.number == "plur"
                           and m.number == "sing" and self.sources[j].anonymous), None)
            if plural is not None:  # "sources said" ... "the source said": the same sourcing, in one number too few
                if self.sources[plural].number_clash is None:
                    self.sources[plural].number_clash = Evidence("number", m.start, m.end, m.text)
                return self.add(plural, m), "nominal"
            introduced = self._descriptor_antecedent(m)
            if introduced is not None:  # "One furnace operator, who asked not to be named, ..."
                idx = self.add(self.new(introduced), introduced)
                return self.add(idx, m), "nominal"
            return self.add(self.new(m), m), "explicit"
        # descriptor: the same bare plural is the same group; anything else is new
        if m.number == "plur" and not m.text.lower().startswith(("a ", "an ", "one ", "two ", "three ", "several ", "some ")):
            for src in self.sources:
                if any(x.kind == "descriptor" and _norm(x.text) == _norm(m.text) for x in src.mentions):
                    return self.add(src.index, m), "explicit"
        return self.add(self.new(m), m), "explicit"


def cluster_sources(text: str, parse: Parse, attributions: list[Attribution],
                    lexicon: Lexicon | None = None) -> SourceAnalysis:
    """Link every attribution's speaker to a source; type sources; find ground rules and reasons."""
    lex = lexicon or default_lexicon()
    cl = _Clusterer(text, lex, parse, [(a.start, a.end) for a in attributions if a.quote is not None])
    linked: list[LinkedAttribution] = []
    for n, a in enumerate(attributions):
        if a.speaker is None:
            linked.append(LinkedAttribution(a, None, None))
            continue
        if a.resolution == "floating" and a.antecedent is not None and linked[a.antecedent].source is not None:
            idx = linked[a.antecedent].source
            cl.sources[idx].attributions.append(n)
            linked.append(LinkedAttribution(a, idx, "floating"))
            continue
        idx, how = cl.resolve(a.speaker)
        resolution = a.resolution if how == "same" else how
        if a.resolution == "floating":
            resolution = "floating"
        cl.sources[idx].attributions.append(n)
        linked.append(LinkedAttribution(a, idx, resolution))
    _full_names(text, parse, cl, lex)
    unattached = _assign_ground_rules(text, parse, cl, lex)
    _assign_declined_comment(text, parse, cl, lex)
    for src in cl.sources:
        if src.anonymous:
            src.descriptor = describe(src, text, lex)
    order = sorted(range(len(cl.sources)), key=lambda i: min(m.start for m in cl.sources[i].mentions))
    remap = {old: new for new, old in enumerate(order)}
    sources = [cl.sources[i] for i in order]
    for new, src in enumerate(sources):
        src.index = new
        src.mentions.sort(key=lambda m: m.start)
    linked = [LinkedAttribution(la.attribution, None if la.source is None else remap[la.source], la.resolution)
              for la in linked]
    for src in sources:
        src.attributions = sorted(set(src.attributions))
    return SourceAnalysis(linked, sources, unattached)


def _full_names(text: str, parse: Parse, cl: _Clusterer, lex: Lexicon) -> None:
    """Give each named person the fullest form of their name found anywhere in the article
    (outside quotations): "Okafor" ... "Dr. Samuel Okafor, a pulmonologist". The longer form
    becomes a mention of the source and its canonical name."""
    named = [(src, {_surname(m, lex) for m in src.mentions if m.kind == "name"} - {None})
             for src in cl.sources if src.type in ("named_person", "named_organization")]
    wanted = set().union(*(surnames for _, surnames in named))
    # every occurrence of a wanted surname outside quotations, found in one pass
    found: dict[str, list[tuple[tuple, int]]] = {}
    for sent in parse.sentences if wanted else ():
        for i, w in enumerate(sent.words):
            key = w.text.lower()
            if key in wanted and w.upos in ("PROPN", "NOUN", "X", "ADJ") and not cl._quoted(w.start):
                found.setdefault(key, []).append((sent.words, i))
    for src, surnames in named:
        best: tuple[int, int] | None = None
        for words, i in sorted((hit for key in surnames for hit in found.get(key, ())),
                               key=lambda hit: hit[0][hit[1]].start):
            j = i  # widen to the titles and given names in front: "Dr. Samuel Okafor"
            while j > 0 and (words[j - 1].upos == "PROPN" or words[j - 1].text.rstrip(".") in lex.titles) \
                    and words[j - 1].text[:1].isupper() and not words[j - 1].text.endswith(("’s", "'s")):
                j -= 1
            span = (words[j].start, words[i].end)
            if best is None or span[1] - span[0] > best[1] - best[0]:
                best = span
        if best is None:
            continue
        candidate = text[best[0]:best[1]]
        if len(candidate) < len(src.name) or "\n" in candidate:
            continue
        src.name = candidate
        given = [w for w in candidate.split() if w.rstrip(".") not in lex.titles]
        if src.gender is None and len(given) >= 2 and given[0] in lex.first_names:
            src.gender = lex.first_names[given[0]]
        if not any(m.start <= best[0] < m.end for m in src.mentions):
            sent_idx = parse.sentence_at(best[0]) or 0
            src.mentions.append(Mention(best[0], best[1], candidate, "name", candidate.split()[-1].lower(),
                                        "PROPN", "sing", False, sent_idx, tuple(candidate.split())))
        if src.description is None:
            sent = parse.sentences[parse.sentence_at(best[0]) or 0]
            rest = text[best[1]:sent.end]
            m = re.match(r",\s+((?:a|an|the|who)\b[^,;]*?)(?:,|\.(?:\s|$)|;|$)", rest)
            if m and not re.match(r"(?:said|says|told|added)\b", m.group(1)):
                src.description = (best[1] + m.start(1), best[1] + m.end(1))


def _sentence_span(parse: Parse, offset: int) -> tuple[int, int] | None:
    i = parse.sentence_at(offset)
    if i is None:
        return None
    s = parse.sentences[i]
    return s.start, s.end


def _target_source(text: str, parse: Parse, cl: _Clusterer, start: int, end: int,
                   prefer_anonymous: bool, nearby: bool = False) -> int | None:
    """The source a ground-rule phrase or reason at [start, end) describes."""
    # 1. inside a mention's description: "one NATO source who spoke on background"
    for src in cl.sources:
        for m in src.mentions:
            if m.description and m.description[0] <= start and end <= m.description[1] + 40:
                if m.description[0] <= start < m.description[1]:
                    return src.index
    span = _sentence_span(parse, start)
    if span is None:
        return None
    s_lo, s_hi = span
    # 2. a source mentioned in the same sentence: the nearest one before the phrase, else after
    in_sentence = [(abs(m.start - start) if m.start <= start else 10_000 + m.start - start, src.index)
                   for src in cl.sources for m in src.mentions if s_lo <= m.start < s_hi]
    if prefer_anonymous:  # a named source in the same sentence is not the one granted anonymity
        in_sentence = [p for p in in_sentence if cl.sources[p[1]].anonymous]
    if in_sentence:
        return min(in_sentence)[1]
    # 3. the sentence's subject refers back: "The official spoke on condition of anonymity"
    sent = parse.sentences[parse.sentence_at(start)]
    for w in sent.words:
        if w.deprel in ("nsubj", "nsubj:pass") and w.start < start:
            lemma = w.lemma.lower()
            for idx, x in cl._earlier(s_lo):
                src = cl.sources[idx]
                if w.upos == "PRON" and lemma in PRONOUNS and _pronoun_fits(w.text.lower(), src) and \
                        (src.anonymous or not prefer_anonymous):
                    return idx
                if w.upos == "NOUN" and (x.head_lemma == lemma or (src.anonymous and lemma in cl.lex.anonymous_nouns)):
                    return idx
            break
    # 4. (reasons only) the nearest earlier anonymous source in this or the previous paragraph
    if prefer_anonymous and nearby:
        para_start = text.rfind("\n\n", 0, text.rfind("\n\n", 0, start) if text.rfind("\n\n", 0, start) > 0 else 0)
        for idx, x in cl._earlier(start):
            if cl.sources[idx].anonymous and x.start >= max(0, para_start):
                return idx
    return None


def _assign_ground_rules(text: str, parse: Parse, cl: _Clusterer, lex: Lexicon) -> list[Evidence]:
    unattached: list[Evidence] = []
    claimed: list[tuple[int, int]] = []
    hits: list[Evidence] = []
    for rule, pattern in lex.ground_rules:
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in claimed):
                continue  # a longer phrase for the same rule already covers this spot
            claimed.append((m.start(), m.end()))
            hits.append(Evidence(rule, m.start(), m.end(), m.group(0)))
    hits.sort(key=lambda e: e.start)
    rule_targets: dict[int, int] = {}  # sentence start -> source that took a ground rule there
    for ev in hits:
        target = _target_source(text, parse, cl, ev.start, ev.end, prefer_anonymous=True)
        if target is None:
            unattached.append(ev)
            continue
        src = cl.sources[target]
        src.ground_rules.append(ev)
        span = _sentence_span(parse, ev.start)
        if span:
            rule_targets[span[0]] = target
    spare: list[Evidence] = []  # reasons that name nobody in reach
    for pattern in lex.anonymity_reasons:
        group = "reason" if "reason" in pattern.groupindex else 0
        for m in pattern.finditer(text):
            start = m.start(group)
            span = _sentence_span(parse, start)
            target = rule_targets.get(span[0]) if span else None
            if target is None:
                target = _target_source(text, parse, cl, start, m.end(), prefer_anonymous=True, nearby=True)
            # the reason runs from the match to the end of its clause
            end = _clause_end(text, m.end())
            ev = Evidence("reason", start, end, text[start:end])
            if target is None or not cl.sources[target].anonymous:
                spare.append(ev)
                continue
            src = cl.sources[target]
            if src.anonymity_reason is None or ev.start < src.anonymity_reason.start:
                src.anonymity_reason = ev
    # A reason stated for everyone ("like others interviewed, spoke on condition of anonymity
    # because ...") or when only one anonymous source lacks one: about a third of reasons come
    # after the first quotation, far from any mention.
    unexplained = [src for src in cl.sources if src.anonymous and src.anonymity_reason is None]
    for ev in spare:
        sentence = _sentence_span(parse, ev.start) or (ev.start, ev.end)
        blanket = re.search(r"\b(?:others|all|those|everyone|each)\b", text[sentence[0]:ev.start], re.I)
        if blanket:
            for src in unexplained:
                src.anonymity_reason = ev
            unexplained = []
        elif len(unexplained) == 1:
            unexplained[0].anonymity_reason = ev
            unexplained = []
    return unattached


def _assign_declined_comment(text: str, parse: Parse, cl: _Clusterer, lex: Lexicon) -> None:
    """ "The official declined to comment": give the evidence to the source that is the
    subject of the sentence (same head noun with "the", a pronoun, or a name)."""
    for pattern in lex.declined_comment:
        for m in pattern.finditer(text):
            if cl._quoted(m.start()):
                continue
            s_idx = parse.sentence_at(m.start())
            if s_idx is None:
                continue
            sent = parse.sentences[s_idx]
            before = [w for w in sent.words if w.end <= m.start() and w.upos in ("NOUN", "PROPN", "PRON", "ADJ")]
            if not before:
                continue
            w = before[-1]
            lemma = w.lemma.lower()
            target = None
            for idx, x in cl._earlier(m.start()):
                src = cl.sources[idx]
                if w.upos == "PRON" and lemma in PRONOUNS and _pronoun_fits(w.text.lower(), src):
                    target = idx
                elif w.upos == "PROPN" and x.kind == "name" and _surname(x, lex) == w.text.lower():
                    target = idx
                elif w.upos in ("NOUN", "ADJ") and x.kind != "pronoun" and x.head_lemma == lemma:
                    target = idx
                if target is not None:
                    break
            if target is not None:
                cl.sources[target].declined_comment.append(Evidence("declined_comment", m.start(), m.end(),
                                                                    m.group(0)))


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[.;,”\"\n]|\s[—–]\s").search(text, pos)
    return m.start() if m else len(text)
