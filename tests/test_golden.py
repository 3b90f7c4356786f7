"""Golden reports for every fixture article, from stored parses (no model needed).

Each golden (tests/test_golden/*.yml) is a spec: it was read by a person against
fixtures/EXPECTED.md. Regenerate with `pytest tests/test_golden.py --force-regen` only after
an intended change, and read the diff.
"""

import pytest

from quotecheck.schema import validate_report
from quotecheck.testing import ARTICLES, article_names, stored_report


def normalized(report: dict) -> dict:
    """The report without what changes for reasons other than behaviour (tool version)."""
    out = dict(report)
    out["tool"] = {"name": report["tool"]["name"], "version": "<version>"}
    return out


@pytest.mark.parametrize("name", article_names())
def test_golden_report(name, data_regression):
    report = stored_report(ARTICLES / name)
    validate_report(report)
    data_regression.check(normalized(report), basename=name.replace(".", "_"))


def test_there_are_enough_fixtures_in_every_format():
    names = article_names()
    assert len(names) >= 15
    assert sum(n.endswith(".md") for n in names) >= 3
    assert sum(n.endswith(".html") for n in names) >= 3
