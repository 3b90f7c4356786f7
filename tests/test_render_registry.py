"""The output-format registry (quotecheck.render.RENDERERS) and the ArticleResult it renders."""

from __future__ import annotations

from collections import Counter

import pytest

from quotecheck import baseline, cli
from quotecheck.api import analyze
from quotecheck.render import OUTPUT_FORMATS, RENDERERS, RenderOptions
from quotecheck.render.github import render_github
from quotecheck.render.html import render_html
from quotecheck.render.json_format import render_json
from quotecheck.render.jsonl import render_jsonl
from quotecheck.render.junit import render_junit
from quotecheck.render.markdown import render_markdown
from quotecheck.render.run_json import render_run_json
from quotecheck.render.sarif import render_sarif
from quotecheck.render.text import render_text
from quotecheck.result import ArticleResult
from quotecheck.testing import ARTICLES, load_stored
from quotecheck.vocab import Severity

NAMES = ["05-anonymous-groups-plant-closing.txt", "18-md-council-rentals.md", "21-html-ice-storm.html"]
ERRORS = ("missing.txt: no such file or directory",)


@pytest.fixture(scope="module")
def results() -> list[ArticleResult]:
    return [analyze(*load_stored(ARTICLES / name)) for name in NAMES]


def test_analyze_returns_the_analysis_with_its_report(results):
    result = results[0]
    assert result.document.path.endswith(NAMES[0])
    assert result.attributions and len(result.sources.attributions) == len(result.report["quotes"])
    assert [s["id"] for s in result.report["sources"]] == [s.id for s in result.sources.sources]
    assert {f.rule for f in result.findings} >= {f["rule"] for f in result.report["findings"]}


def test_the_formats_are_the_registry():
    assert (
        OUTPUT_FORMATS
        == tuple(RENDERERS)
        == ("text", "json", "jsonl", "sarif", "github", "junit", "markdown", "html", "concise", "gitlab")
    )
    check_format = next(p for p in cli.check.params if p.name == "output_format")
    assert tuple(check_format.type.choices) == OUTPUT_FORMATS
    assert [name for name, f in RENDERERS.items() if not f.several] == ["html"]
    assert [name for name, f in RENDERERS.items() if f.for_people] == ["text"]
    assert RENDERERS["html"].extensions == (".html", ".htm")
    assert all(f.name == name and f.extensions for name, f in RENDERERS.items())


def test_registry_output_is_the_renderers_output(results):
    reports = [r.report for r in results]
    options = RenderOptions(errors=ERRORS, fail_on=Severity.WARNING, color=True)
    expected = {
        "text": render_text(reports, color=True, errors=ERRORS),
        "json": render_run_json(reports, errors=ERRORS, fail_on="warning"),
        "jsonl": render_jsonl(reports, errors=ERRORS),
        "sarif": render_sarif(reports, errors=ERRORS),
        "github": render_github(reports, errors=ERRORS),
        "junit": render_junit(reports, fail_on="warning", errors=ERRORS),
        "markdown": render_markdown(reports, errors=ERRORS),
    }
    for name, text in expected.items():
        assert RENDERERS[name].render(results, options) == text, name


def test_json_of_one_file_is_its_report_and_html_takes_one_article(results):
    one = RenderOptions(one_file=True)
    assert RENDERERS["json"].render(results[:1], one) == render_json(results[0].report)
    assert RENDERERS["json"].render([], one) == render_run_json([])
    page = RENDERERS["html"].render(results[1:2], RenderOptions())
    assert page == render_html(results[1].report, results[1].document)
    with pytest.raises(ValueError, match="one article"):
        RENDERERS["html"].render(results, RenderOptions())


def test_baseline_keeps_findings_and_report_in_step(results):
    result = results[0]
    first, *rest = result.report["findings"]
    known = Counter([baseline.fingerprint(result.report["document"]["path"], first, result.document)])
    (filtered,), removed = baseline.apply([result], known)
    assert removed == 1
    assert filtered.report["findings"] == rest
    assert sum(filtered.report["summary"]["findings"].values()) == len(rest)
    assert len(filtered.findings) == len(result.findings) - 1
    assert first["rule"] in {f.rule for f in result.findings}
    assert baseline.apply([result], Counter()) == ([result], 0)  # nothing known: unchanged
