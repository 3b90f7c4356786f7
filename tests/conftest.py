"""pytest fixtures for the compact stanza model.

The helpers for fixture articles and their stored parses (``load_stored``, ``stored_report``,
``require_seed``, the fixture paths) are in :mod:`quotecheck.testing`; tests import them from
there. End-to-end tests (marker ``e2e``) load the compact stanza model from
``../shared/models/stanza-en-compact-2`` or ``$QUOTECHECK_MODEL_DIR``; in CI (``CI`` set) a
missing model is a failure, never a silent skip.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from quotecheck.testing import COMPACT_MODEL, missing

if TYPE_CHECKING:
    from quotecheck.api import Checker


@pytest.fixture(scope="session")
def model_dir() -> str:
    path = os.environ.get("QUOTECHECK_MODEL_DIR") or str(COMPACT_MODEL)
    if not Path(path, "resources.json").is_file():
        missing(f"the stanza model directory {path}")
    return path


@pytest.fixture(scope="session")
def checker(model_dir: str) -> Checker:
    from quotecheck.api import Checker

    return Checker(model_dir)
