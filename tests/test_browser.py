"""quotecheck's HTML pages in headless Chromium: no console error, no uncaught exception, no
request but the page's own file, no horizontal overflow on a phone, a screenshot kept in
``test-artifacts/`` (or ``$QUOTECHECK_ARTIFACTS``); and the harness itself can fail.

Skipped without Chromium, failed instead when ``QUOTECHECK_REQUIRE_BROWSER=1`` (as in CI).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from quotecheck.render.html import render_html
from quotecheck.testing import ARTICLES, load_stored, stored_report
from quotecheck.testing.browser import assert_charts, assert_clean, check_page, open_page, require_chromium

ANNOTATED = [
    "03-seed-coast-guard-training.txt",
    "18-md-council-rentals.md",
    "23-html-nursing-home-lawsuit.html",
]
# Each payload sets window.__pwned if the page lets it run; the image would also be requested.
EVIL_TEXT = "<script>window.__pwned=1</script>"
EVIL_IMAGE = "<img src=http://example.com/x.png onerror=window.__pwned=2>"


@pytest.fixture(autouse=True)
def _chromium() -> None:
    require_chromium()


@pytest.mark.parametrize("name", ANNOTATED)
def test_annotated_page(name: str, tmp_path: Path) -> None:
    doc, _ = load_stored(ARTICLES / name)
    page = tmp_path / f"{Path(name).stem}.html"
    page.write_text(render_html(stored_report(ARTICLES / name), doc), encoding="utf-8")
    check_page(page, f"annotated-{Path(name).stem}")


def test_annotated_page_runs_no_injected_markup(tmp_path: Path) -> None:
    name = "24-trade-talks-descriptors.txt"
    doc, _ = load_stored(ARTICLES / name)
    report = copy.deepcopy(stored_report(ARTICLES / name))
    last = max(max(q["end"] for q in report["quotes"]), max(f["end"] for f in report["findings"]))
    source = f"{doc.source[:last]} {EVIL_TEXT} {EVIL_IMAGE} {doc.source[last:]}"
    report["document"]["path"] = "<script>window.__pwned=3</script>.txt"
    report["sources"][0]["name"] = '"><script>window.__pwned=4</script>'
    page = tmp_path / "injected.html"
    page.write_text(render_html(report, source), encoding="utf-8")
    shown = (
        f"[typeof window.__pwned, document.body.textContent.includes({EVIL_TEXT!r}),"
        f" document.body.textContent.includes({EVIL_IMAGE!r})]"
    )
    for result in check_page(page, "annotated-injected-markup", evaluate=shown).values():
        assert result.evaluated == ["undefined", True, True]


def test_harness_reports_requests_errors_and_exceptions(tmp_path: Path) -> None:
    page = tmp_path / "noisy.html"
    page.write_text(
        '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png">'
        '<script>console.error("boom"); throw new Error("kaboom")</script>'
        "</body></html>",
        encoding="utf-8",
    )
    result = open_page(page)
    assert result.requests == [result.url, "http://127.0.0.1:9/x.png"]
    assert "boom" in result.console_errors
    assert any("kaboom" in exception for exception in result.exceptions)
    with pytest.raises(AssertionError):
        assert_clean(result)


def test_harness_chart_check(tmp_path: Path) -> None:
    page = tmp_path / "charts.html"
    page.write_text(
        '<!DOCTYPE html><html><body><svg width="120" height="60"></svg>'
        '<svg width="120" height="60"><rect width="40" height="30"/></svg>'
        "</body></html>",
        encoding="utf-8",
    )
    svgs = open_page(page, width=390, mobile=True).svgs
    assert [svg["drawn"] for svg in svgs] == [0, 1]
    assert_charts(svgs[1:])
    with pytest.raises(AssertionError, match="draws nothing"):
        assert_charts(svgs)


def test_annotated_page_long_words_fit_a_phone(tmp_path: Path) -> None:
    name = "03-seed-coast-guard-training.txt"
    doc, _ = load_stored(ARTICLES / name)
    url = "https://www.example.org/" + "Averylongpathsegmentwithoutbreaks" * 6  # no break point
    page = tmp_path / "long-words.html"
    page.write_text(
        render_html(stored_report(ARTICLES / name), doc.source + "\n\n" + url + "\n"), encoding="utf-8"
    )
    check_page(page, "annotated-long-words")  # overflow_x is asserted at 390 px


def test_summary_page(tmp_path: Path) -> None:
    from test_summary_golden import archive_summary

    from quotecheck.render.summary_html import render_summary_html

    page = tmp_path / "summary.html"
    page.write_text(render_summary_html(archive_summary()), encoding="utf-8")
    # clicking a header sorts its table: the articles table by quotations, ascending then descending
    sort = (
        "(() => { const t = [...document.querySelectorAll('table.sortable')].pop();"
        " const col = [...t.tHead.rows[0].cells].findIndex(c => c.textContent === 'quotations');"
        " const read = () => [...t.tBodies[0].rows].map(r => +r.cells[col].dataset.v);"
        " const b = t.tHead.rows[0].cells[col].querySelector('button');"
        " b.click(); const up = read(); b.click(); return [up, read(),"
        " document.querySelectorAll('svg').length]; })()"
    )
    for result in check_page(page, "summary-archive", charts=True, evaluate=sort).values():
        up, down, svgs = result.evaluated
        assert up == sorted(up) and down == sorted(up, reverse=True) and len(up) == 8
        assert svgs == 4 and len(result.svgs) == 4


def test_annotated_page_shows_the_article_structure(tmp_path: Path) -> None:
    """Issue 12: the title heads the page, headings are headings to the browser (the
    accessibility role), block quotes are indented quotations, Q:/A: labels are bold, an HTML
    block quote's footer stays as its attribution, and the sources table speaks in words."""
    from quotecheck.documents import document_from_bytes

    source = (
        "<html><head><title>Bridge vote</title></head><body><h1>Mayor backs bridge</h1>"
        "<p>The council met on Monday.</p>"
        "<blockquote><p>We will rebuild the bridge.</p>"
        "<footer>\u2014 <cite>Jane Smith</cite>, mayor</footer></blockquote>"
        "<p><b>Q:</b> When?</p><p><b>A:</b> Next year.</p></body></html>"
    )
    doc = document_from_bytes(source.encode(), "bridge.html")
    report = {
        "document": {"path": "bridge.html", "format": "html", "words": 20},
        "quotes": [],
        "sources": [{"id": "s1", "name": "a council aide", "type": "anonymous_individual", "anonymous": True,
                     "ground_rules": ["not_for_attribution"], "anonymity_reason": None}],
    }  # fmt: skip
    page = tmp_path / "structure.html"
    page.write_text(render_html(report, doc), encoding="utf-8")
    shown = (
        "(() => { const q = s => [...document.querySelectorAll(s)].map(e => e.textContent.trim());"
        " const bq = document.querySelector('blockquote');"
        " return [q('header h1'), q('[role=heading]'), q('blockquote p'),"
        " getComputedStyle(bq).borderLeftStyle, q('.article strong'),"
        " getComputedStyle(document.querySelector('[role=heading] p')).fontWeight,"
        " q('.sources td').join(' | ')]; })()"
    )
    for result in check_page(page, "annotated-structure", evaluate=shown).values():
        title, headings, quoted, border, bold, weight, cells = result.evaluated
        assert title == ["Bridge vote"] and headings == ["Mayor backs bridge"]
        assert quoted == ["\u201cWe will rebuild the bridge.\u201d", "\u2014 Jane Smith, mayor"]
        assert border == "solid"
        assert bold == ["Q:", "A:"] and int(weight) >= 600
        assert "anonymous individual" in cells and "not for attribution" in cells
        assert "anonymous_individual" not in cells
