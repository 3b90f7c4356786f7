"""Support for quotecheck's tests and benchmarks: fixture articles and their stored parses.

Attribution tests read the compact model's parses stored under ``fixtures/parses`` (CoNLL-U,
written by ``fixtures/store_parses.py``), so they need no model. Each stored parse starts with
the sha256 of the article text it was made from; :func:`load_stored` refuses a stale one.

The paths are those of the source checkout this package lives in (tests and benchmarks run
from a checkout with an editable install) and of ``../shared`` beside it, which holds the seed
article and the models. :mod:`quotecheck.testing.browser` opens rendered HTML pages in headless
Chromium.

pytest is imported only by the helpers that skip or fail a test (:func:`require_seed`,
:func:`missing`), so benchmarks and scripts can use the rest without it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from quotecheck.documents import Document
    from quotecheck.parsing import Parse

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"
ARCHIVE = FIXTURES / "archive"  # the summary archive: articles with front matter (test_summary_golden)
PARSES = FIXTURES / "parses"
SHARED = ROOT.parent / "shared"
COMPACT_MODEL = SHARED / "models" / "stanza-en-compact-2"
SEED = SHARED / "seeds" / "nato-iraq-training.txt"
# The seed article is read from ../shared (not copied); only its parse is stored here.
SEEDS = (SEED,)
SHA_PREFIX = "# quotecheck_text_sha256 = "


def text_sha256(text: str) -> str:
    """The hex sha256 of an article text, as recorded in the first line of its stored parse."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_path(article: Path) -> Path:
    """Where the stored parse of ``article`` lives (archive articles have their own folder)."""
    folder = PARSES / "archive" if article.parent == ARCHIVE else PARSES
    return folder / (article.name + ".conllu")


def archive_paths() -> list[Path]:
    """The summary archive's articles (its EXPECTED.md is the spec, not an article)."""
    return sorted(
        p
        for p in ARCHIVE.iterdir()
        if p.is_file() and p.suffix in (".md", ".html") and p.name != "EXPECTED.md"
    )


def article_paths(names: list[str] | None = None) -> list[Path]:
    """Every article with a stored parse (fixture articles, the archive, the seed when present);
    only those whose name or stem is in ``names`` when given."""
    paths = sorted(p for p in ARTICLES.iterdir() if p.is_file() and not p.name.startswith("."))
    paths += archive_paths()
    paths += [p for p in SEEDS if p.is_file()]
    if names:
        paths = [p for p in paths if p.name in names or p.stem in names]
    return paths


def article_names() -> list[str]:
    """The file names of the fixture articles in ``fixtures/articles``."""
    return [p.name for p in article_paths() if p.parent == ARTICLES]


def relative_path(path: Path) -> str:
    """The path a report names: relative to the repository (for articles) or to shared/."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return "shared/" + path.relative_to(SHARED).as_posix()


class StaleParseError(AssertionError):
    """A stored parse was made from another text than the article's (an AssertionError, so a
    test reports it as a failure)."""


def write_stored(parse_file: Path, text: str, conllu: str) -> None:
    """Store a parse of ``text`` (CoNLL-U) under a first line recording the text's sha256."""
    parse_file.parent.mkdir(exist_ok=True)
    parse_file.write_text(SHA_PREFIX + text_sha256(text) + "\n" + conllu, encoding="utf-8")


def read_stored(parse_file: Path, text: str, name: str | None = None) -> str:
    """The CoNLL-U stored for ``text`` (``name``: the article, for the message);
    :class:`StaleParseError` when it was made from another text."""
    first, _, conllu = parse_file.read_text(encoding="utf-8").partition("\n")
    if first != SHA_PREFIX + text_sha256(text):
        raise StaleParseError(
            f"the stored parse of {name or parse_file.name} is stale: run "
            "`.venv/bin/python fixtures/store_parses.py` (with --rules for a rule case)"
        )
    return conllu


def load_stored(path: Path) -> tuple[Document, Parse]:
    """(Document, Parse) for a fixture article or the seed, from its stored parse.

    Raises :class:`StaleParseError` when the article changed since its parse was stored.
    """
    from quotecheck.documents import document_from_bytes
    from quotecheck.parsing import from_conllu

    doc = document_from_bytes(path.read_bytes(), relative_path(path))
    return doc, from_conllu(read_stored(parse_path(path), doc.text, path.name))


def stored_report(path: Path) -> dict[str, Any]:
    """The report quotecheck makes of a fixture article from its stored parse (no model)."""
    from quotecheck.api import analyze

    return dict(analyze(*load_stored(path)).report)


def missing(what: str) -> NoReturn:
    """Skip the calling test because ``what`` is not on this machine; fail it instead in CI
    (``$CI`` set), which must run with ``../shared`` beside the repository."""
    import pytest

    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; CI must run with ../shared beside the repository")
    pytest.skip(f"{what} is not available on this machine")


def require_seed() -> Path:
    """The seed article in ``../shared``; skips (or, in CI, fails) the test when it is absent."""
    if not SEED.is_file():
        missing(f"the seed article {SEED}")
    return SEED
