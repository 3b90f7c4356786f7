"""Shared test helpers: fixture articles with their stored parses, and the compact model.

Attribution tests read the parses stored under fixtures/parses (CoNLL-U), so they need no
model. End-to-end tests (marker ``e2e``) load the compact stanza model from
``../shared/models/stanza-en-compact`` or ``$QUOTECHECK_MODEL_DIR``; in CI (``CI`` set) a
missing model is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
ARTICLES = FIXTURES / "articles"
PARSES = FIXTURES / "parses"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "nato-iraq-training.txt"
COMPACT_MODEL = SHARED / "models" / "stanza-en-compact"

sys.path.insert(0, str(FIXTURES))
import store_parses  # noqa: E402  (fixtures/store_parses.py: the one place parses are stored)


def article_names() -> list[str]:
    return [p.name for p in store_parses.article_paths() if p.parent == ARTICLES]


def relative_path(path: Path) -> str:
    """The path a report names: relative to the repository (for articles) or to shared/."""
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:
        return "shared/" + path.relative_to(SHARED).as_posix()


def load_stored(path: Path):
    """(Document, Parse) for a fixture article or the seed, from its stored parse."""
    from quotecheck.documents import document_from_bytes
    from quotecheck.parsing import from_conllu

    doc = document_from_bytes(path.read_bytes(), relative_path(path))
    stored = store_parses.parse_path(path).read_text(encoding="utf-8")
    first, _, conllu = stored.partition("\n")
    assert first == store_parses.SHA_PREFIX + store_parses.text_sha256(doc.text), (
        f"the stored parse of {path.name} is stale: run `.venv/bin/python fixtures/store_parses.py {path.name}`")
    return doc, from_conllu(conllu)


def stored_report(path: Path) -> dict:
    from quotecheck.api import analyze

    return analyze(*load_stored(path)).report


def require_seed() -> Path:
    if not SEED.is_file():
        _missing(f"the seed article {SEED}")
    return SEED


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing; CI must run with ../shared beside the repository")
    pytest.skip(f"{what} is not available on this machine")


@pytest.fixture(scope="session")
def model_dir() -> str:
    path = os.environ.get("QUOTECHECK_MODEL_DIR") or str(COMPACT_MODEL)
    if not Path(path, "resources.json").is_file():
        _missing(f"the stanza model directory {path}")
    return path


@pytest.fixture(scope="session")
def checker(model_dir):
    from quotecheck.api import Checker

    return Checker(model_dir)
