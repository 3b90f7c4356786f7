"""Properties over random articles (issue 13): hypothesis mixes quotation marks, speech verbs,
names and markup; every report must validate, every offset must point into the input, quote
spans must neither overlap nor leave the text, and every output format must stay inert.

The parse is :class:`~quotecheck.testing.fake_parse.FakeParser` (no model: a cheap rule-based
tokenizer with flat trees through the real chunking code), which keeps the whole module well
under a minute. The hypothesis profile is derandomized with a modest ``max_examples``, so CI
runs the same examples every time.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from itertools import pairwise
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotecheck.api import analyze
from quotecheck.documents import InputError, document_from_bytes
from quotecheck.render import RENDERERS, RenderOptions
from quotecheck.render.run_json import ErrorLine
from quotecheck.result import ArticleResult
from quotecheck.schema import validate_report
from quotecheck.testing.fake_parse import FakeParser

PROFILE = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    database=None,
)

PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        "«",
        "»",
        " said ",
        " says ",
        " told reporters ",
        " according to ",
        "Ann Lee",
        "Mr. Bo",
        "the official",
        "a spokesman",
        "he",
        "she",
        ", ",
        ". ",
        "\n\n",
        "\n",
        "\r\n",
        "<b>",
        "</b>",
        "<q>",
        "> ",
        "# ",
        "*",
        "[link](http://x.y)",
        "<!-- quotecheck-disable -->",
        "&amp;",
        "\t",
        "\u200b",
        "\x1b[31m",
        "::error::",
        "</script>",
        "é",
        "🎉",
    ]
)
WORDS = st.text(alphabet="abcdefghij ", min_size=0, max_size=12)
TEXTS = st.lists(st.one_of(PIECES, WORDS), min_size=1, max_size=60).map("".join)
FORMATS = st.sampled_from(["a.txt", "a.md", "a.html"])


def _check(text: str, name: str) -> ArticleResult | None:
    try:
        doc = document_from_bytes(text.encode("utf-8"), name)
    except InputError:
        return None  # markup only, blank: an input error, which test_hostile covers
    [parse] = FakeParser().parse_texts([doc.text])
    return analyze(doc, parse)


def _locations(report: dict[str, Any]) -> list[dict[str, Any]]:
    """Every object of the report with a start and an end."""
    out = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
                out.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(report)
    return out


@PROFILE
@given(TEXTS, FORMATS)
def test_random_articles_give_valid_reports_with_exact_offsets(text: str, name: str) -> None:
    result = _check(text, name)
    if result is None:
        return
    report = dict(result.report)
    validate_report(report)
    source = result.document.source
    for where in _locations(report):
        assert 0 <= where["start"] <= where["end"] <= len(source), where
        if "line" in where:
            assert (where["line"], where["column"]) == result.document.line_col(where["start"])
    spans = sorted((q["start"], q["end"]) for q in report["quotes"])
    for (_, end), (start, _) in pairwise(spans):
        assert end <= start, spans  # quotation spans never overlap


HOSTILE = (
    "“Stop </script><script>alert(1)</script> now,” said Ann Lee. "
    "“%0A::error::pwned\n::warning file=x::y,” Bo said. ‘\x1b[31m\x07red’ said Lee. "
    "“| a | b |\n]]><!-- x --> &amp; {{ 7*7 }}” a spokesman said."
)


@pytest.fixture(scope="module")
def hostile_result() -> ArticleResult:
    result = _check(HOSTILE, "evil\n::error::name: x.txt")
    assert result is not None and result.report["quotes"]
    return result


def _render(fmt: str, result: ArticleResult) -> str:
    error = ErrorLine.of(InputError("bad\n::error::name: y.txt", "invalid UTF-8 at byte offset 0"))
    options = RenderOptions(errors=(error,) if RENDERERS[fmt].several else ())
    return RENDERERS[fmt].render([result], options)


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_every_output_format_is_inert_for_hostile_text(fmt: str, hostile_result: ArticleResult) -> None:
    out = _render(fmt, hostile_result)
    if fmt in ("json", "sarif"):
        json.loads(out)
    elif fmt == "jsonl":
        assert all(json.loads(line) for line in out.splitlines())
    elif fmt == "junit":
        ET.fromstring(out.split("\n", 1)[1])
    elif fmt == "github":
        assert all(line.startswith(("::notice ", "::warning ", "::error ")) for line in out.splitlines())
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)  # no raw control character
        assert "file=bad%0A%3A%3Aerror%3A%3Aname%3A y.txt::invalid" in out  # the exact name, escaped
    elif fmt == "html":
        assert "<script>alert(1)" not in out and "</script><script>" not in out
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", out)  # no raw control character
    elif fmt == "markdown":
        assert "</script><script>" not in out
    elif fmt == "text":
        assert "\x1b" not in out and "\x07" not in out
    if fmt != "html":
        for line in out.splitlines():
            assert not line.startswith("::error::"), line  # nothing starts a workflow command
