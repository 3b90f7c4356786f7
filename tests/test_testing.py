"""The test and benchmark helpers of quotecheck.testing: where stored parses live, and that a
stale one is refused rather than silently analysed."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotecheck import testing
from quotecheck.testing import ARCHIVE, ARTICLES, PARSES, StaleParseError, load_stored, parse_path


def test_every_fixture_article_has_a_stored_parse() -> None:
    names = testing.article_names()
    assert "01-layouts-said.txt" in names
    for path in testing.article_paths():
        assert parse_path(path).is_file(), f"no stored parse for {path.name}"


def test_parse_path_keeps_archive_parses_apart() -> None:
    assert parse_path(ARTICLES / "a.txt") == PARSES / "a.txt.conllu"
    assert parse_path(ARCHIVE / "b.md") == PARSES / "archive" / "b.md.conllu"


def test_article_paths_filters_by_name_or_stem() -> None:
    assert [p.name for p in testing.article_paths(["01-layouts-said"])] == ["01-layouts-said.txt"]


def test_relative_path_names_repository_and_shared_files() -> None:
    assert testing.relative_path(ARTICLES / "a.txt") == "fixtures/articles/a.txt"
    assert testing.relative_path(testing.SHARED / "seeds" / "s.txt") == "shared/seeds/s.txt"


def test_load_stored_refuses_a_stale_parse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article = ARTICLES / "01-layouts-said.txt"
    doc, parse = load_stored(article)
    assert doc.text and parse.sentences
    stale = tmp_path / "stale.conllu"
    stored = parse_path(article).read_text(encoding="utf-8")
    stale.write_text(testing.SHA_PREFIX + "0" * 64 + stored[stored.index("\n") :], encoding="utf-8")
    monkeypatch.setattr(testing, "parse_path", lambda _: stale)
    with pytest.raises(StaleParseError, match=r"01-layouts-said\.txt is stale"):
        load_stored(article)
