"""The lexicon manifest (quotecheck/lexicons/lexicons.toml): it, the Lexicon dataclass and the
data files agree, each kind loads as its field's type says, and configured entries are added
as the manifest says.

Fast: no model.
"""

from __future__ import annotations

import dataclasses
import re
from importlib import resources

import pytest

from quotecheck.lexicons import (
    KIND_TYPES,
    MANIFEST,
    Lexicon,
    _lines,
    _spec,
    config_lists,
    default_lexicon,
    manifest,
    phrase_pattern,
)
from quotecheck.policy import LEXICON_KEYS
from quotecheck.vocab import GroundRule

FOLDER = resources.files("quotecheck.lexicons")


def test_lexicon_fields_are_the_manifest_tables_in_order():
    assert [f.name for f in dataclasses.fields(Lexicon)] == [spec.field for spec in manifest()]


def test_each_field_is_typed_as_its_kind():
    types = {f.name: f.type for f in dataclasses.fields(Lexicon)}
    assert {spec.field: KIND_TYPES[spec.kind] for spec in manifest()} == types


def test_every_file_in_the_folder_is_in_the_manifest():
    files = {p.name for p in FOLDER.iterdir() if p.is_file() and p.name not in ("__init__.py", MANIFEST)}
    listed = [spec.file for spec in manifest()]
    assert sorted(listed) == sorted(files)  # and none twice


WORD_LISTS = [spec for spec in manifest() if spec.kind in ("words", "names")]


@pytest.mark.parametrize("spec", WORD_LISTS, ids=lambda s: s.field)
def test_a_word_list_writes_each_entry_once(spec):
    """A second copy of a word changes nothing (the list is a set) but hides which line to edit."""
    entries = [line.lower() if spec.kind == "words" else line for line in _lines(spec.file)]
    assert sorted({e for e in entries if entries.count(e) > 1}) == []


@pytest.mark.parametrize("spec", manifest(), ids=lambda s: s.field)
def test_each_list_loads_as_its_kind(spec):
    value = getattr(default_lexicon(), spec.field)
    assert value, f"{spec.file} is empty"
    if spec.kind in ("words", "names"):
        assert isinstance(value, frozenset) and all(isinstance(v, str) and v for v in value)
        if spec.kind == "words":
            assert all(v == v.lower() for v in value)
    elif spec.kind == "patterns":
        assert all(isinstance(p, re.Pattern) and p.flags & re.IGNORECASE for p in value)
    elif spec.kind == "tagged-patterns":
        assert all(GroundRule(tag) and isinstance(p, re.Pattern) for tag, p in value)
    elif spec.kind == "pairs":
        assert all(isinstance(v, tuple) and all(v) for v in value.values())  # () allowed: no value
    elif spec.kind == "sequence":
        assert isinstance(value, tuple) and all(isinstance(v, str) and v for v in value)
    elif spec.kind == "pronouns":
        assert all(
            kind in ("person", "thing", "any") and gender in ("m", "f", None) and number in ("sing", "plur")
            for kind, gender, number in value.values()
        )
    else:
        assert spec.kind == "gendered-names" and set(value.values()) <= {"m", "f"}


def test_the_policy_takes_its_lexicon_keys_from_the_manifest():
    assert (
        LEXICON_KEYS
        == tuple(config_lists())
        == (
            "anonymity-phrases",
            "reason-clauses",
            "loaded-verbs",
            "pejorative-cues",
            "vague-descriptors",
            "speech-verbs",
            "titles",
            "corroboration-phrases",
        )
    )
    assert all(GroundRule(spec.config_tag) for spec in manifest() if spec.config_tag)


def test_configured_entries_are_added_as_the_manifest_says():
    base = default_lexicon()
    lex = base.with_additions(
        {
            "anonymity-phrases": ["agreed  to speak", "  "],
            "reason-clauses": ["was not cleared"],
            "loaded-verbs": [" Opine "],
            "titles": ["Supt.", "Insp"],
            "corroboration-phrases": [],
        }
    )
    assert lex.ground_rules[:-1] == base.ground_rules
    tag, pattern = lex.ground_rules[-1]
    assert (tag, pattern.pattern) == ("anonymity_granted", phrase_pattern("agreed to speak"))
    assert pattern.search("She AGREED to\nspeak") and not pattern.search("disagreed to speak")
    assert lex.anonymity_reasons[-1].pattern == r"\bwas\s+not\s+cleared\b"
    assert lex.loaded_verbs == base.loaded_verbs | {"opine"}
    assert lex.titles == base.titles | {"Supt", "Insp"}
    assert lex.corroboration_phrases is base.corroboration_phrases
    assert base.with_additions({"titles": [" "]}) is base
    with pytest.raises(KeyError, match="unknown lexicon key 'nope'"):
        base.with_additions({"nope": ["x"]})


@pytest.mark.parametrize(
    "table,problem",
    [
        ({"file": "a.txt", "kind": "words"}, "missing keys ['description']"),
        ({"file": "a.txt", "kind": "words", "description": "d", "colour": "red"}, "unknown keys ['colour']"),
        ({"file": "a.txt", "kind": "lists", "description": "d"}, "unknown kind 'lists'"),
        ({"file": "a.txt", "kind": "words", "description": "d", "config-key": "a"}, "needs all of"),
        (
            {
                "file": "a.txt",
                "kind": "words",
                "description": "d",
                "config-key": "a",
                "config-entry": "phrase",
                "config-description": "d",
            },
            "cannot be added to a list of kind 'words'",
        ),
        (
            {
                "file": "a.tsv",
                "kind": "tagged-patterns",
                "description": "d",
                "config-key": "a",
                "config-entry": "phrase",
                "config-description": "d",
            },
            "config-tag goes with",
        ),
    ],
)
def test_a_malformed_manifest_table_is_an_error(table, problem):
    with pytest.raises(ValueError, match=re.escape("lexicons.toml: [x]: ") + ".*" + re.escape(problem)):
        _spec("x", table)
