"""The word lists quotecheck reads: data files in this folder, described by ``lexicons.toml``
and loaded once.

``lexicons.toml`` (the manifest) has one table per list: its data file, its kind (how the file
is read: ``words``, ``names``, ``sequence``, ``patterns``, ``pairs``, ``tagged-patterns``,
``gendered-names``, ``pronouns``), a description and, for a list a newsroom configuration may extend, its
``[lexicon]`` key and how configured entries are added. In the data files ``#`` starts a
comment line. :func:`default_lexicon` loads every list the manifest names,
:meth:`Lexicon.with_additions` adds a configuration's entries (plain phrases and words, never
regexes), and :mod:`quotecheck.policy` takes its ``[lexicon]`` keys, their validation and
their JSON Schema from the manifest too.

To add a list:

1. write the data file in this folder (a header comment saying what it holds);
2. add a table to ``lexicons.toml`` named as the new field, with ``file``, ``kind`` and
   ``description`` (plus ``config-key``, ``config-entry``, ``config-description`` if
   configurations may extend it, then regenerate ``schemas/config.schema.json``:
   ``python -m quotecheck.policy schema > schemas/config.schema.json``);
3. add the field to :class:`Lexicon`, at the same position as the table, typed as
   :data:`KIND_TYPES` says for its kind.

``tests/test_lexicons.py`` checks that the three agree and that every file here is listed.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Literal, cast, get_args

__all__ = [
    "KIND_TYPES",
    "MANIFEST",
    "Lexicon",
    "ListSpec",
    "config_lists",
    "default_lexicon",
    "manifest",
    "phrase_pattern",
]

MANIFEST = "lexicons.toml"

Kind = Literal[
    "words", "names", "sequence", "patterns", "pairs", "tagged-patterns", "gendered-names", "pronouns"
]
ConfigEntry = Literal["phrase", "word", "title"]

#: The annotation of a :class:`Lexicon` field holding a list of each kind.
KIND_TYPES: dict[str, str] = {
    "words": "frozenset[str]",
    "names": "frozenset[str]",
    "sequence": "tuple[str, ...]",
    "patterns": "tuple[re.Pattern[str], ...]",
    "pairs": "Mapping[str, tuple[str, ...]]",
    "tagged-patterns": "tuple[tuple[str, re.Pattern[str]], ...]",
    "gendered-names": "Mapping[str, str]",
    "pronouns": "Mapping[str, tuple[str, str | None, str]]",
}

#: The kinds a configured entry of each sort may be added to.
_ENTRY_KINDS: dict[str, tuple[str, ...]] = {
    "phrase": ("patterns", "tagged-patterns"),
    "word": ("words",),
    "title": ("names",),
}
_REQUIRED = ("file", "kind", "description")
_CONFIG = ("config-key", "config-entry", "config-description")
_OPTIONAL = (*_CONFIG, "config-tag")


@dataclass(frozen=True)
class ListSpec:
    """One table of the manifest: a list, its file and kind, and how a configuration extends it."""

    field: str  # the Lexicon field (the table's name)
    file: str
    kind: Kind
    description: str
    config_key: str | None = None  # its key in a configuration's [lexicon] (None: not configurable)
    config_entry: ConfigEntry | None = None
    config_tag: str | None = None  # tagged-patterns: the tag configured phrases get
    config_description: str | None = None

    @property
    def single_words(self) -> bool:
        """Configured entries are single words (not phrases)."""
        return self.config_entry in ("word", "title")


def _text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def manifest() -> tuple[ListSpec, ...]:
    """Every list, in the manifest's order. Raises ValueError on a malformed manifest."""
    return tuple(_spec(name, table) for name, table in tomllib.loads(_text(MANIFEST)).items())


def _spec(name: str, table: Any) -> ListSpec:
    """One manifest table, checked (the manifest is edited by hand as lists are added)."""

    def bad(why: str) -> ValueError:
        return ValueError(f"{MANIFEST}: [{name}]: {why}")

    if not isinstance(table, dict):
        raise bad("expected a table")
    unknown = sorted(set(table) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        raise bad(f"unknown keys {unknown}")
    missing = [k for k in _REQUIRED if k not in table]
    if missing:
        raise bad(f"missing keys {missing}")
    if not all(isinstance(v, str) and v for v in table.values()):
        raise bad("expected non-empty strings")
    if table["kind"] not in get_args(Kind):
        raise bad(f"unknown kind {table['kind']!r}")
    configured = [k for k in _CONFIG if k in table]
    if configured and len(configured) < len(_CONFIG):
        raise bad(f"a configurable list needs all of {', '.join(_CONFIG)}")
    entry = table.get("config-entry")
    if entry is not None and table["kind"] not in _ENTRY_KINDS.get(entry, ()):
        raise bad(f"config-entry {entry!r} cannot be added to a list of kind {table['kind']!r}")
    if ("config-tag" in table) != (entry is not None and table["kind"] == "tagged-patterns"):
        raise bad("config-tag goes with (and only with) a configurable tagged-patterns list")
    return ListSpec(
        name,
        table["file"],
        cast(Kind, table["kind"]),
        table["description"],
        table.get("config-key"),
        cast("ConfigEntry | None", entry),
        table.get("config-tag"),
        table.get("config-description"),
    )


@lru_cache(maxsize=1)
def config_lists() -> dict[str, ListSpec]:
    """The lists a configuration may extend, by ``[lexicon]`` key, in the manifest's order."""
    return {spec.config_key: spec for spec in manifest() if spec.config_key is not None}


def _lines(name: str) -> list[str]:
    out = []
    for line in _text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _pairs(lines: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """``key<TAB>value, value`` lines as a dict (``title_nouns.tsv``)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in lines:
        key, _, values = line.partition("\t")
        out[key.strip()] = tuple(v.strip() for v in values.split(",") if v.strip())
    return out


def _tagged(lines: Sequence[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``tag<TAB>regex`` lines (``ground_rules.tsv``)."""
    out = []
    for line in lines:
        tag, _, pattern = line.partition("\t")
        out.append((tag.strip(), re.compile(pattern.strip(), re.IGNORECASE)))
    return tuple(out)


def _gendered(lines: Sequence[str]) -> dict[str, str]:
    """``name<TAB>m|f`` lines (``first_names.tsv``)."""
    out: dict[str, str] = {}
    for line in lines:
        name, gender = line.split("\t")[:2]
        out[name] = gender
    return out


def _pronouns(lines: Sequence[str]) -> dict[str, tuple[str, str | None, str]]:
    """``pronoun<TAB>kind<TAB>gender<TAB>number`` lines (``pronouns.tsv``; gender ``-``: none)."""
    out: dict[str, tuple[str, str | None, str]] = {}
    for line in lines:
        pronoun, kind, gender, number = line.split("\t")
        out[pronoun] = (kind, None if gender == "-" else gender, number)
    return out


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


#: How the lines of a list's file are read, by its kind.
_READERS: dict[str, Callable[[Sequence[str]], object]] = {
    "words": lambda lines: frozenset(line.lower() for line in lines),
    "names": frozenset,
    "sequence": tuple,
    "patterns": _compile,
    "pairs": _pairs,
    "tagged-patterns": _tagged,
    "gendered-names": _gendered,
    "pronouns": _pronouns,
}


def _load(spec: ListSpec) -> object:
    """A list's file read as its kind says."""
    return _READERS[spec.kind](_lines(spec.file))


def phrase_pattern(phrase: str) -> str:
    """A plain phrase from a configuration as a regex: words in order, any whitespace between."""
    words = [re.escape(w) for w in phrase.split()]
    return r"\b" + r"\s+".join(words) + r"\b"


def _extended(spec: ListSpec, current: Any, values: Sequence[str]) -> object:
    """``current`` (the list ``spec`` describes) with configured entries added as the manifest says."""
    if spec.config_entry == "phrase":
        patterns = _compile([phrase_pattern(v) for v in values])
        if spec.config_tag is not None:
            return current + tuple((spec.config_tag, p) for p in patterns)
        return current + patterns
    if spec.config_entry == "word":
        return current | frozenset(v.strip().lower() for v in values)
    return current | frozenset(v.strip().rstrip(".") for v in values)


@dataclass(frozen=True)
class Lexicon:
    """Every list, as a field named and ordered as in ``lexicons.toml``."""

    ground_rules: tuple[tuple[str, re.Pattern[str]], ...]  # (ground rule, phrase granting it)
    anonymity_reasons: tuple[re.Pattern[str], ...]
    loaded_verbs: frozenset[str]
    pejorative_cues: frozenset[str]
    vague_descriptors: frozenset[str]
    speech_verbs: frozenset[str]
    titles: frozenset[str]
    corroboration_phrases: tuple[re.Pattern[str], ...]
    speech_nouns: frozenset[str]
    indirect_verbs: frozenset[str]
    title_nouns: Mapping[str, tuple[str, ...]]  # "Sen" -> ("senator",): a title as a later noun
    name_prefixes: frozenset[str]  # words describing a person before the name ("Democrat")
    anonymous_nouns: frozenset[str]
    staff_nouns: frozenset[str]
    document_nouns: frozenset[str]
    organization_words: frozenset[str]
    organization_nouns: frozenset[str]
    first_names: Mapping[str, str]  # given name -> "m" or "f"
    knowledge_phrases: tuple[re.Pattern[str], ...]
    seniority_words: frozenset[str]
    side_words: frozenset[str]
    affiliation_words: frozenset[str]
    declined_comment: tuple[re.Pattern[str], ...]
    # Words for finding and typing mentions (quotecheck/mentions.py, quotecheck/sources/).
    pronouns: Mapping[str, tuple[str, str | None, str]]  # "he" -> ("person", "m", "sing")
    calendar_words: frozenset[str]
    org_of_heads: frozenset[str]
    name_particles: frozenset[str]
    definite_determiners: frozenset[str]
    possessive_determiners: frozenset[str]
    group_words: frozenset[str]
    person_suffixes: tuple[str, ...]
    non_person_endings: tuple[str, ...]
    non_person_nouns: frozenset[str]
    identified_roles: frozenset[str]
    collective_nouns: frozenset[str]
    group_names: frozenset[str]
    generic_roles: frozenset[str]
    descriptor_determiners: frozenset[str]
    knowledge_tails: tuple[str, ...]  # regexes, in the order tried
    knowledge_tail_stops: tuple[str, ...]
    abbreviations: frozenset[str]
    title_small_words: frozenset[str]
    name_suffixes: frozenset[str]
    non_acronyms: frozenset[str]
    counting_determiners: frozenset[str]
    speaker_noun_endings: tuple[str, ...]
    honorifics: Mapping[str, str]  # "Mr" -> "m": the pronoun gender of the bearer
    plural_lemmas: frozenset[str]
    hearer_verbs: frozenset[str]  # "told the council": the object listens
    object_content_verbs: Mapping[str, tuple[str, ...]]  # "call" -> ("for", "on"); (): right after the verb
    time_nouns: frozenset[str]  # "last week": a time expression, never a speaker
    share_nouns: frozenset[str]  # "19 percent said": a share of the people asked speaks
    complement_verbs: Mapping[str, tuple[str, ...]]  # "describe" -> ("-", "as"); "-": an object
    gendered_nouns: Mapping[str, str]  # "businessman" -> "m": a description's head noun gives a gender
    side_aliases: Mapping[str, tuple[str, ...]]  # "gop" -> ("republican",): a side word spelled otherwise
    kin_nouns: frozenset[str]  # "father": after my/our, the writer's own circle, no source
    unnamed_org_determiners: frozenset[str]  # "several unions": an organization nobody named
    quantifiers: frozenset[str]  # "each analyst": no bare title before a name
    authoring_verbs: frozenset[str]  # "a poll conducted by Gallup": the document's author follows
    raising_verbs: frozenset[str]  # "continues to insist that", "declined to confirm": the infinitive reports
    stance_verbs: frozenset[str]  # "many Republicans fear that": a group's view is attributed to it
    said_object_verbs: frozenset[str]  # "said the driver accelerated": what follows was said
    addressed_verbs: frozenset[str]  # "speak to business leaders": the "to" phrase listens
    content_nouns: Mapping[str, tuple[str, ...]]  # "promise" -> ("that", "to"): "his promise to build"
    voiced_nouns: Mapping[str, tuple[str, ...]]  # "sound note" -> ("about", ...): "sounded a note about"
    country_names: frozenset[str]  # "Germany has pledged": the state speaks, an organization
    filed_documents: frozenset[str]  # "FEC filings": the name in front is where it was filed
    national_groups: frozenset[str]  # "the Germans announce": the state speaks, an organization
    nationals: frozenset[str]  # "the Austrian told reporters": the person just named, not a state
    gloss_nouns: frozenset[str]  # "“innovative solutions,” a phrase capitals use": names the words quoted
    question_verbs: frozenset[str]  # "when Tapper asked": the asker is not the one who answers
    reply_verbs: frozenset[str]  # "the witness responded": in an exchange, not the last speaker
    group_quantifiers: frozenset[str]  # "Some say", "Most believe that": unnamed people, a group
    stance_adjectives: frozenset[str]  # "some backers are concerned that": a group's view
    past_tense_forms: Mapping[str, tuple[str, ...]]  # "said" -> ("say",): a headline verb left as written
    recording_nouns: frozenset[str]  # "ad", "video": what a narrator or announcer speaks in
    personal_staff_nouns: frozenset[str]  # "his aides": staff of the person the possessive names
    speaker_nouns: frozenset[str]  # "the dean said that": a speaker of reported speech
    force_members: Mapping[str, tuple[str, ...]]  # "deputy" -> ("sheriff",): the named force speaking
    unnamed_label_words: frozenset[str]  # "UNIDENTIFIED PERSON:": a transcript turn of no one named
    organization_aliases: Mapping[str, tuple[str, ...]]  # "hospital" -> ("medical center", ...)
    noun_short_forms: Mapping[str, tuple[str, ...]]  # "rep" -> ("representative",): the same person noun

    def with_additions(self, additions: Mapping[str, Sequence[str]]) -> Lexicon:
        """A copy with a configuration's ``[lexicon]`` entries added (keys as in the config,
        :func:`config_lists`; blank entries skipped). Raises KeyError on an unknown key with
        entries."""
        lists = config_lists()
        changes: dict[str, object] = {}
        for key, values in additions.items():
            values = [v for v in values if v.strip()]
            if not values:
                continue
            if key not in lists:
                raise KeyError(f"unknown lexicon key {key!r}")
            spec = lists[key]
            changes[spec.field] = _extended(spec, getattr(self, spec.field), values)
        # mypy cannot follow a field's type through the manifest (see default_lexicon)
        return replace(self, **changes) if changes else self  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The built-in lists, every one the manifest names."""
    # mypy cannot follow a field's type through the manifest's kind; tests/test_lexicons.py
    # checks that each field is annotated as KIND_TYPES says for its kind.
    return Lexicon(**{spec.field: _load(spec) for spec in manifest()})  # type: ignore[arg-type]
