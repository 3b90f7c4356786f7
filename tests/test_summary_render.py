"""Summary renderers (Markdown, CSV, HTML) and the summarize command's options.

The numbers themselves are checked in test_summary.py and by the archive goldens
(test_summary_golden.py); here: shapes, escaping, CSV safety and option handling.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecheck import cli
from quotecheck.render.summary_html import render_summary_html
from quotecheck.render.summary_tables import CSV_TABLES, render_summary_csv, render_summary_markdown
from quotecheck.summary import summarize, validate_summary
from quotecheck.testing import ARTICLES, stored_report

NAMES = [
    "03-seed-coast-guard-training.txt",
    "04-anonymous-official-reasons.txt",
    "18-md-council-rentals.md",
    "19-md-ambulance-data.md",
    "20-md-rescue-profile.md",
]


@pytest.fixture(scope="module")
def reports() -> list[dict]:
    return [stored_report(ARTICLES / n) for n in NAMES]


@pytest.fixture(scope="module")
def summary(reports) -> dict:
    return summarize(reports, by=["section", "month"])


def hostile(reports: list[dict]) -> dict:
    """A summary whose names, titles and group values try markup and spreadsheet formulas."""
    r = copy.deepcopy(reports[2])
    r["document"]["metadata"].update(
        section="<script>window.__pwned=1</script>", title='=HYPERLINK("http://evil.example")'
    )
    for s in r["sources"]:
        if s["type"] == "named_person":
            s["name"] = "<img src=x onerror=alert(1)> @Evil"
            break
    return summarize([r, reports[0]], by=["section"])


def read_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# ----------------------------------------------------------------------------- csv


def test_csv_sources_table(summary):
    rows = read_csv(render_summary_csv(summary, "sources"))
    assert len(rows) == len(summary["sources"])
    assert rows[0] == {
        "name": "Vice Adm. Helena M. Strand",
        "type": "named_person",
        "anonymous": "false",
        "quotations": "8",
        "articles": "1",
        "first_article": summary["sources"][0]["first_article"],
        "ground_rules": "",
        "anonymity_reason": "",
        "vague": "",
    }
    anon = next(r for r in rows if r["name"] == "one alliance source")
    assert anon["ground_rules"] == "background; anonymity_granted" and anon["vague"] == "false"


def test_csv_articles_and_groups_tables(summary):
    articles = read_csv(render_summary_csv(summary, "articles"))
    assert [a["path"] for a in articles] == [a["path"] for a in summary["articles"]]
    assert list(articles[0])[:5] == ["path", "title", "date", "section", "month"]
    council = next(a for a in articles if a["path"].endswith("18-md-council-rentals.md"))
    assert (council["section"], council["month"], council["date"]) == ("Local", "2024-03", "2024-03-12")
    groups = read_csv(render_summary_csv(summary, "groups"))
    assert len(groups) == len(summary["groups"])
    assert sum(int(g["articles"]) for g in groups) == summary["totals"]["articles"]
    rule_columns = [c for c in groups[0] if c.startswith("rule:")]
    assert rule_columns == [f"rule:{r}" for r in sorted(summary["totals"]["findings"]["by_rule"])]
    for column in rule_columns:
        rule = column[5:]
        assert sum(int(g[column]) for g in groups) == summary["totals"]["findings"]["by_rule"][rule]
    ungrouped = read_csv(render_summary_csv(summarize([]), "groups"))
    assert len(ungrouped) == 1 and ungrouped[0]["group"] == "all" and ungrouped[0]["articles"] == "0"


def test_csv_every_table_has_a_header_and_unix_newlines(summary):
    for table in CSV_TABLES:
        text = render_summary_csv(summary, table)
        assert "\r" not in text and text.endswith("\n")
    with pytest.raises(ValueError, match="unknown summary table"):
        render_summary_csv(summary, "quotes")


def test_csv_neutralizes_formulas(reports):
    out = hostile(reports)
    names = [r["name"] for r in read_csv(render_summary_csv(out, "sources"))]
    assert "<img src=x onerror=alert(1)> @Evil" in names  # text kept as is
    titles = [r["title"] for r in read_csv(render_summary_csv(out, "articles"))]
    assert '\'=HYPERLINK("http://evil.example")' in titles
    assert not any(t.startswith(("=", "+", "-", "@")) for t in titles)


# ----------------------------------------------------------------------------- markdown


def test_markdown_tables(summary):
    md = render_summary_markdown(summary)
    assert md.startswith("# Sourcing summary\n")
    assert "| section Local, month 2024-03 | 1 | 6 |" in md
    assert "| anonymous individual |" in md and "| anonymity granted |" in md
    assert "| Vice Adm. Helena M. Strand | 8 | 1 |" in md
    for line in md.splitlines():
        if line.startswith("|"):
            assert line.endswith("|")


def test_markdown_escapes_pipes(reports):
    r = copy.deepcopy(reports[2])
    r["document"]["metadata"]["section"] = "Local | Metro"
    md = render_summary_markdown(summarize([r], by=["section"]))
    assert "| section Local \\| Metro |" in md


# ----------------------------------------------------------------------------- html


def test_html_page_is_self_contained(summary):
    page = render_summary_html(summary)
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"\b(src|href)\s*=", page, re.I)
    assert "<link" not in page and "url(" not in page and "@import" not in page
    urls = set(re.findall(r"https?://[^\"'\s<>]+", page))
    assert urls == {"http://www.w3.org/2000/svg"}  # the SVG namespace name, never fetched
    assert page.count("<script>") == 1  # the inline table sorter
    assert page.count("<svg") == 4  # timeline, sources by type, reasons by group, findings
    assert 'name="viewport"' in page


def test_html_escapes_article_text(reports):
    page = render_summary_html(hostile(reports))
    assert "<script>window" not in page and "<img" not in page
    assert "&lt;script&gt;window.__pwned&#61;1&lt;/script&gt;" in page
    assert "&lt;img src&#61;x onerror&#61;alert(1)&gt; @Evil" in page


def test_html_tables_and_caps(summary, reports):
    page = render_summary_html(summary)
    assert page.count('<table class="sortable">') == 4  # groups, top sources, anonymous, articles
    assert 'data-v="0.3333"' in page  # shares sort by value
    many = summarize([reports[0]] * 7)
    capped = render_summary_html(many, max_rows=5)
    assert "The first 5 of 7 articles" in capped and "--table articles" in capped
    assert "The first 5 of 7 sources" in capped  # seven anonymous rows, one per article


def test_html_without_dates_or_findings(reports):
    bare = copy.deepcopy(reports[0])
    bare["findings"] = []
    page = render_summary_html(summarize([bare]))
    assert "No article has a date" in page and "No findings." in page
    assert page.count("<svg") == 1  # sources by type; no groups, so no reasons chart


def test_html_timeline_gap(reports):
    a, b = copy.deepcopy(reports[2]), copy.deepcopy(reports[2])
    b["document"]["metadata"]["date"] = "2024-05-20"  # April has no article
    page = render_summary_html(summarize([a, b]))
    chart = page[page.index("Anonymous sourcing over time") : page.index("Sources by type")]
    paths = re.findall(r'<path d="([^"]+)"', chart)
    assert paths and all(p.count("M") == 2 for p in paths)  # each line is broken at April


# ----------------------------------------------------------------------------- command


@pytest.fixture()
def saved(reports, tmp_path) -> list[str]:
    paths = []
    for name, report in zip(NAMES, reports, strict=True):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(report), encoding="utf-8")
        paths.append(str(path))
    return paths


def run(*args: str):
    return CliRunner().invoke(cli.main, ["summarize", *args])


def test_format_from_output_extension(saved, tmp_path):
    for suffix, check in (
        (".html", lambda t: t.startswith("<!DOCTYPE html>")),
        (".csv", lambda t: t.startswith("name,type,anonymous,")),
        (".json", lambda t: validate_summary(json.loads(t)) is None),
        (".md", lambda t: t.startswith("# Sourcing summary")),
        (".txt", lambda t: t.startswith("# Sourcing summary")),
    ):
        out = tmp_path / f"summary{suffix}"
        result = run(*saved, "-o", str(out))
        assert result.exit_code == 0, result.output
        assert check(out.read_text("utf-8")), suffix
    forced = run(*saved, "--format", "json", "-o", str(tmp_path / "summary.html"))
    assert forced.exit_code == 0 and (tmp_path / "summary.html").read_text().startswith("{")


def test_csv_table_option(saved):
    result = run(*saved, "--format", "csv", "--table", "groups", "--by", "section")
    assert result.exit_code == 0 and result.output.startswith("section,articles,")
    wrong = run(*saved, "--format", "html", "--table", "groups")
    assert wrong.exit_code == 2 and "--table applies to --format csv only" in wrong.output
    unknown = run(*saved, "--format", "csv", "--table", "quotes")
    assert unknown.exit_code == 2


def test_reports_and_articles_do_not_mix(saved):
    result = run(saved[0], str(ARTICLES / NAMES[0]))
    assert result.exit_code == 2 and "not both" in result.output


def test_bad_grouping_is_a_usage_error(saved):
    result = run(*saved, "--by", "date:fortnight")
    assert result.exit_code == 2 and "unknown date grouping 'date:fortnight'" in result.output


def test_stdout_html_and_bare_month(saved):
    result = run(*saved, "--format", "html", "--by", "month")
    assert result.exit_code == 0
    assert '<th scope="col" class="k"><button type="button">month</button></th>' in result.output
    assert Path(saved[0]).exists()


def test_a_folder_of_saved_reports(saved, tmp_path):
    folder = Path(saved[0]).parent
    (folder / "more").mkdir()
    Path(saved[-1]).rename(folder / "more" / Path(saved[-1]).name)
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "notes.txt").write_text("ignored", encoding="utf-8")
    result = run(str(folder), "--format", "json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["totals"]["articles"] == len(NAMES)
    # a folder with anything but reports is a folder of articles (where .json is just data)
    mixed = run(str(folder), str(ARTICLES / NAMES[0]))
    assert mixed.exit_code == 2 and "not both" in mixed.output
