"""A stand-in parser for engine tests: the stored parses of the fixture articles, no model.

:class:`StoredParser` has the :class:`~quotecheck.engines.ParserLike` interface. It knows the
parse of every article in ``fixtures/parses`` by the article's text, so a Ray worker given it
checks the fixture archive in milliseconds and gives the reports of :func:`stored_report`.
``delay`` slows each batch (a run long enough to kill a worker in); ``pid_dir`` receives a
file named by each process that builds one (the worker processes a test may kill).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from . import article_paths, load_stored

if TYPE_CHECKING:
    from quotecheck.parsing import Parse

__all__ = ["STORED_MODEL_ID", "StoredParser"]

STORED_MODEL_ID = "stored-fixture-parses"


@cache
def _parses_by_text() -> dict[str, Parse]:
    return {doc.text: parse for doc, parse in map(load_stored, article_paths())}


class StoredParser:
    """Parses looked up by text; a text with no stored parse raises KeyError (an error row)."""

    model_id = STORED_MODEL_ID

    def __init__(self, delay: float = 0.0, pid_dir: str | None = None):
        self.delay = delay
        if pid_dir is not None:
            Path(pid_dir, str(os.getpid())).touch()

    def parse_texts(self, texts: Sequence[str]) -> list[Parse]:
        if self.delay:
            time.sleep(self.delay)
        known = _parses_by_text()
        missing = [t for t in texts if t not in known]
        if missing:
            raise KeyError(f"no stored parse of a text of {len(missing[0])} characters")
        return [known[t] for t in texts]
