"""The seed article, from its stored parse: the minimum quotecheck must get exactly right."""

from seed_expectations import check_seed

from quotecheck.schema import validate_report
from quotecheck.testing import require_seed, stored_report


def test_seed_article_from_stored_parse():
    report = stored_report(require_seed())
    validate_report(report)
    check_seed(report)


def test_seed_offsets_point_into_the_file():
    path = require_seed()
    source = path.read_text(encoding="utf-8")
    report = stored_report(path)
    for q in report["quotes"]:
        if q["kind"] in ("direct", "partial"):
            assert source[q["start"]] == "“" and source[q["end"] - 1] == "”"
            assert source[q["start"] + 1 : q["end"] - 1] == q["text"]
        line = source.splitlines()[q["line"] - 1]
        assert line[q["column"] - 1 :].startswith(source[q["start"] : q["end"]].split("\n")[0][:20])
    glued = next(q for q in report["quotes"] if q["text"].startswith("We’d be contributing"))
    assert source[glued["end"] : glued["end"] + 10] == "The number"  # training.”The number
