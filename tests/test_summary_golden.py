"""Golden summaries of the fixture archive (fixtures/archive/, spec: fixtures/archive/EXPECTED.md).

Eight articles with front matter (one HTML page with <meta> fields), summarized by section and
month from their stored parses: the JSON (schema-validated), Markdown, the three CSV tables
and the HTML page are goldens, and the figures that EXPECTED.md computed by hand are asserted
literally, so a golden cannot drift from the spec unnoticed.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from click.testing import CliRunner

from quotecheck import cli
from quotecheck.render.summary_html import render_summary_html
from quotecheck.render.summary_tables import CSV_TABLES, render_summary_csv, render_summary_markdown
from quotecheck.summary import summarize, validate_summary
from quotecheck.testing import FIXTURES, archive_paths, stored_report

ARCHIVE = FIXTURES / "archive"
BY = ("section", "month")


@lru_cache(maxsize=1)
def archive_reports() -> tuple[dict, ...]:
    return tuple(stored_report(p) for p in archive_paths())


def archive_summary(by=BY) -> dict:
    return summarize(archive_reports(), by=by)


def test_archive_has_eight_articles():
    assert [p.name for p in archive_paths()] == [
        "01-md-later-start-times.md",
        "02-md-teacher-contract-talks.md",
        "03-md-principal-on-leave.md",
        "04-md-pool-closing.md",
        "05-html-water-main.html",
        "06-md-landfill-fees.md",
        "07-md-creamery-expansion.md",
        "08-md-harvest-festival.md",
    ]


def test_totals_computed_by_hand():
    """The "Totals (computed by hand)" table of fixtures/archive/EXPECTED.md."""
    t = archive_summary()["totals"]
    assert (t["articles"], t["quotations"], t["attributed"], t["attributed_share"]) == (8, 31, 30, 0.9677)
    assert t["sources"] == 19
    assert t["sources_by_type"] == {
        "named_person": 11,
        "named_organization": 1,
        "anonymous_individual": 5,
        "anonymous_group": 2,
        "document": 0,
        "unknown": 0,
    }
    assert (t["named_sources"], t["anonymous_sources"], t["quotations_from_anonymous"]) == (12, 7, 7)
    assert t["anonymous_share"] == 0.2258
    assert t["articles_with_anonymous"] == {"count": 6, "share": 0.75}
    assert (t["anonymous_with_reason"], t["anonymous_without_reason"]) == (3, 4)
    assert t["ground_rules"] == {
        "background": 1,
        "deep_background": 0,
        "not_for_attribution": 0,
        "off_the_record": 0,
        "anonymity_granted": 5,
    }
    assert t["vague_descriptors"] == 1
    rules = t["findings"]["by_rule"]
    assert (
        rules["anonymous-source"],
        rules["anonymity-unexplained"],
        rules["background-source"],
        rules["unattributed-quote"],
        rules.get("unbalanced-quote", 0),
    ) == (7, 4, 1, 1, 0)


@pytest.mark.parametrize(
    "by, expected",
    [
        (
            "section",
            {
                "Education": (3, 14, 14, 6, 3, 3, 2, 1, 2),
                "Local": (3, 10, 9, 4, 2, 2, 0, 2, 2),
                "Business": (1, 4, 4, 1, 1, 1, 1, 0, 1),
                "(none)": (1, 3, 3, 1, 1, 1, 0, 1, 1),
            },
        ),
        (
            "month",
            {
                "2024-09": (3, 13, 12, 6, 1, 1, 0, 1, 1),
                "2024-10": (2, 8, 8, 3, 3, 3, 2, 1, 2),
                "2024-11": (2, 7, 7, 2, 2, 2, 1, 1, 2),
                "(none)": (1, 3, 3, 1, 1, 1, 0, 1, 1),
            },
        ),
        (
            "author",
            {
                "Dana Whitcombe": (4, 16, 15, 7, 2, 2, 0, 2, 2),
                "Ruth Abernathy": (2, 8, 8, 3, 3, 3, 2, 1, 2),
                "Marcus Ortega": (2, 7, 7, 2, 2, 2, 1, 1, 2),
            },
        ),
    ],
)
def test_groups_computed_by_hand(by, expected):
    """The per-section, per-month and per-author tables of EXPECTED.md."""
    groups = {
        g["key"][by]: (
            g["articles"],
            g["quotations"],
            g["attributed"],
            g["named_sources"],
            g["anonymous_sources"],
            g["quotations_from_anonymous"],
            g["anonymous_with_reason"],
            g["anonymous_without_reason"],
            g["articles_with_anonymous"]["count"],
        )
        for g in archive_summary(by=(by,))["groups"]
    }
    assert groups == expected


def test_top_sources_computed_by_hand():
    top = [(s["name"], s["quotations"], s["articles"]) for s in archive_summary()["top_sources"]]
    assert top[0] == ("Renata Voss", 4, 2)
    assert sorted(top[1:3]) == [("Gil Haraway", 3, 1), ("Jonah Pruitt", 3, 1)]
    # ties by name, case-insensitively; the district keeps the "the" it was introduced with
    assert [n for n, q, _ in top if q == 2] == [
        "Marcy Okafor",
        "Mayor Lorraine Pike",
        "Paul Ferreira",
        "the Cedar Hollow School District",
        "Tom Bergstrom",
    ]
    assert [n for n, q, _ in top if q == 1] == ["Alicia Brandt", "Howard Lin", "Nora Kessler"]
    assert sum(q for _, q, _ in top) == 23 and len(top) == 11


def test_timeline():
    timeline = archive_summary()["timeline"]
    assert timeline["unit"] == "week" and timeline["undated"] == 1  # 3 Sept. to 19 Nov.
    assert sum(p["articles"] for p in timeline["periods"]) == 7
    assert timeline["periods"][0]["period"] == "2024-W36" and timeline["periods"][-1]["period"] == "2024-W47"


def test_json_golden(data_regression):
    summary = archive_summary()
    validate_summary(summary)
    data_regression.check(summary)


def test_markdown_golden(file_regression):
    file_regression.check(render_summary_markdown(archive_summary()), extension=".md")


@pytest.mark.parametrize("table", CSV_TABLES)
def test_csv_golden(table, file_regression):
    file_regression.check(
        render_summary_csv(archive_summary(), table), extension=".csv", basename=f"test_csv_golden_{table}"
    )


def test_html_golden(file_regression):
    file_regression.check(render_summary_html(archive_summary()), extension=".html")


def test_saved_reports_give_the_same_summary(tmp_path):
    paths = []
    for i, report in enumerate(archive_reports()):
        path = tmp_path / f"{i}.json"
        path.write_text(json.dumps(report), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "summary.json"
    result = CliRunner().invoke(
        cli.main, ["summarize", *paths, "--by", "section", "--by", "month", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text("utf-8")) == archive_summary()
