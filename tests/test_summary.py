"""quotecheck.summary: sourcing statistics aggregated over many reports.

Expected numbers are computed here independently from the reports (straight from quotes[] and
sources[]), and a few are literal values read off the fixture articles.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

import fastjsonschema
import pytest
from jsonschema import Draft202012Validator

from quotecheck.schema import SCHEMA_VERSION
from quotecheck.summary import (
    NONE_GROUP,
    SOURCE_TYPES,
    SUMMARY_SCHEMA_ID,
    SummaryError,
    load_reports,
    load_summary_schema,
    summarize,
    validate_summary,
)
from quotecheck.testing import ARTICLES, ROOT, stored_report

SEED_LIKE = "03-seed-coast-guard-training.txt"
NAMES = [
    SEED_LIKE,
    "04-anonymous-official-reasons.txt",
    "15-deep-background.txt",
    "16-off-record-not-for-attribution.txt",
    "18-md-council-rentals.md",
    "19-md-ambulance-data.md",
    "20-md-rescue-profile.md",
    "34-md-suppressions.md",
]


@pytest.fixture(scope="module")
def reports() -> dict[str, dict]:
    return {name: stored_report(ARTICLES / name) for name in NAMES}


def expected_counters(reports: list[dict]) -> dict:
    """The counters of ``summarize``, computed the long way."""
    quotations = attributed = from_anon = with_anon = 0
    sources = named = anon = reason = vague = 0
    rules: Counter = Counter()
    sev: Counter = Counter()
    ground: Counter = Counter()
    types: Counter = Counter()
    for r in reports:
        types.update(s["type"] for s in r["sources"])
        anon_ids = {s["id"] for s in r["sources"] if s["anonymous"]}
        for q in r["quotes"]:
            if q["kind"] in ("direct", "partial"):
                quotations += 1
                if q["speaker"]:
                    attributed += 1
                    from_anon += q["speaker"]["source_id"] in anon_ids
        sources += len(r["sources"])
        named += sum(s["type"] in ("named_person", "named_organization") for s in r["sources"])
        anon += len(anon_ids)
        with_anon += bool(anon_ids)
        for s in r["sources"]:
            if s["anonymous"]:
                reason += s["anonymity_reason"] is not None
                vague += s["descriptor"]["bare"]
                ground.update(s["ground_rules"])
        rules.update(f["rule"] for f in r["findings"])
        sev.update(f["severity"] for f in r["findings"])
        # cross-check against the report's own summary
        assert r["summary"]["quotes_from_anonymous"] == sum(
            1
            for q in r["quotes"]
            if q["kind"] in ("direct", "partial") and q["speaker"] and q["speaker"]["source_id"] in anon_ids
        )
    n = len(reports)
    return {
        "articles": n,
        "quotations": quotations,
        "attributed": attributed,
        "attributed_share": round(attributed / quotations, 4) if quotations else 0,
        "sources": sources,
        "sources_by_type": {t: types[t] for t in SOURCE_TYPES},
        "named_sources": named,
        "anonymous_sources": anon,
        "quotations_from_anonymous": from_anon,
        "anonymous_share": round(from_anon / quotations, 4) if quotations else 0,
        "articles_with_anonymous": {"count": with_anon, "share": round(with_anon / n, 4) if n else 0},
        "anonymous_with_reason": reason,
        "anonymous_without_reason": anon - reason,
        "ground_rules": {
            g: ground[g]
            for g in (
                "background",
                "deep_background",
                "not_for_attribution",
                "off_the_record",
                "anonymity_granted",
            )
        },
        "vague_descriptors": vague,
        "findings": {
            "by_rule": dict(sorted(rules.items())),
            "by_severity": {s: sev[s] for s in ("error", "warning", "info")},
        },
    }


def test_totals_match_hand_computation(reports):
    out = summarize(reports.values())
    assert out["totals"] == expected_counters(list(reports.values()))
    assert out["groups"] == [] and out["by"] == []
    validate_summary(out)


def test_seed_like_literal_values(reports):
    t = summarize([reports[SEED_LIKE]])["totals"]
    # Fixture 03: Vice Adm. Strand (8 quotations; a 9th attribution is indirect) and
    # "one alliance source who spoke on background but declined to be named" (4 quotations).
    assert t["articles"] == 1 and t["quotations"] == 12 and t["attributed"] == 12
    assert t["sources"] == 2 and t["named_sources"] == 1 and t["anonymous_sources"] == 1
    assert t["quotations_from_anonymous"] == 4 and t["anonymous_share"] == 0.3333
    assert t["ground_rules"] == {
        "background": 1,
        "deep_background": 0,
        "not_for_attribution": 0,
        "off_the_record": 0,
        "anonymity_granted": 1,
    }
    assert t["anonymous_with_reason"] == 0 and t["anonymous_without_reason"] == 1
    assert t["articles_with_anonymous"] == {"count": 1, "share": 1.0}
    assert t["vague_descriptors"] == 0
    assert t["findings"]["by_severity"]["error"] == 0


def test_literal_values_across_fixtures(reports):
    t = summarize(reports.values())["totals"]
    # 04: two anonymous sources, each with a stated reason; 15: two on deep background;
    # 16: one with a reason, one not for attribution, one off the record; 34: "a source said".
    assert t["ground_rules"]["deep_background"] == 2
    assert t["ground_rules"]["off_the_record"] == 1
    assert t["ground_rules"]["not_for_attribution"] == 1
    assert t["vague_descriptors"] == 1
    assert t["articles"] == 8


def test_top_sources(reports):
    out = summarize(reports.values())
    top = out["top_sources"]
    assert top[0] == {"name": "Vice Adm. Helena M. Strand", "quotations": 8, "articles": 1}
    keys = [(-s["quotations"], s["name"].casefold()) for s in top]
    assert keys == sorted(keys) and len(top) <= 20
    # merged across articles, case- and whitespace-insensitively
    a = copy.deepcopy(reports[SEED_LIKE])
    b = copy.deepcopy(reports[SEED_LIKE])
    for s in b["sources"]:
        if s["name"] == "Vice Adm. Helena M. Strand":
            s["name"] = "  vice adm.  HELENA m. strand "
    merged = summarize([a, b, reports["18-md-council-rentals.md"]])["top_sources"]
    assert merged[0] == {"name": "Vice Adm. Helena M. Strand", "quotations": 16, "articles": 2}
    assert all(s["name"] != "one alliance source" for s in merged)  # anonymous: never listed


def test_top_sources_capped_at_twenty(reports):
    base = reports["18-md-council-rentals.md"]
    many = []
    for i in range(30):
        r = copy.deepcopy(base)
        for s in r["sources"]:
            s["name"] = f"{s['name']} {i:02d}"
        many.append(r)
    top = summarize(many)["top_sources"]
    assert len(top) == 20
    assert [s["quotations"] for s in top] == sorted((s["quotations"] for s in top), reverse=True)
    tied = [s["name"] for s in top if s["quotations"] == top[-1]["quotations"]]
    assert tied == sorted(tied, key=str.casefold)


def test_group_by_section(reports):
    out = summarize(reports.values(), by=["section"])
    validate_summary(out)
    by_key = {g["key"]["section"]: g for g in out["groups"]}
    assert list(by_key) == sorted(by_key)
    # 18 and 34 are Local, 19 Data, 20 Features; the plain-text fixtures have no front matter
    assert set(by_key) == {"Local", "Data", "Features", NONE_GROUP}
    assert by_key["Local"]["articles"] == 2 and by_key[NONE_GROUP]["articles"] == 4
    groups = {
        "Local": ["18-md-council-rentals.md", "34-md-suppressions.md"],
        "Data": ["19-md-ambulance-data.md"],
        "Features": ["20-md-rescue-profile.md"],
        NONE_GROUP: NAMES[:4],
    }
    for key, names in groups.items():
        g = dict(by_key[key])
        assert g.pop("key") == {"section": key}
        assert g == expected_counters([reports[n] for n in names])
    assert sum(g["articles"] for g in out["groups"]) == out["totals"]["articles"]


def test_group_by_date_month_and_author(reports):
    extra = []
    for date, author in (
        ("2024-03-28", "Priya Castellanos"),
        ("2024-05-01T09:30:00Z", "X"),
        ("not a date", "Priya Castellanos"),
    ):
        r = copy.deepcopy(reports["20-md-rescue-profile.md"])
        r["document"]["metadata"]["date"] = date
        r["document"]["metadata"]["author"] = author
        extra.append(r)
    pool = [reports[n] for n in NAMES[4:7]] + extra
    out = summarize(pool, by=["date:month"])
    validate_summary(out)
    months = {g["key"]["date:month"]: g["articles"] for g in out["groups"]}
    assert months == {"2024-03": 2, "2024-05": 2, "2024-10": 1, NONE_GROUP: 1}
    march = next(g for g in out["groups"] if g["key"] == {"date:month": "2024-03"})
    assert march["quotations"] == 6 + 6  # fixture 18 (6) + a copy of fixture 20 (6)

    two = summarize(pool, by=["author", "date:day"])
    keys = [g["key"] for g in two["groups"]]
    assert {"author": "Priya Castellanos", "date:day": "2024-03-12"} in keys
    assert {"author": "Priya Castellanos", "date:day": NONE_GROUP} in keys
    assert len(keys) == 6
    week = summarize([reports["18-md-council-rentals.md"]], by=["date:week"])
    assert week["groups"][0]["key"] == {"date:week": "2024-W11"}


def test_bad_group_field(reports):
    for bad in (["date:fortnight"], [":month"], ["section", "section"], [""]):
        with pytest.raises(SummaryError):
            summarize([], by=bad)
    out = summarize([], by=["section"])
    assert out["totals"]["articles"] == 0 and out["totals"]["anonymous_share"] == 0
    validate_summary(out)


def test_streaming_consumes_once(reports):
    pulled = []

    def gen():
        for name in NAMES:
            pulled.append(name)
            yield reports[name]

    g = gen()
    out = summarize(g, by=["section"])
    assert pulled == NAMES and next(g, None) is None
    assert out["totals"]["articles"] == len(NAMES)


def test_streaming_ten_thousand(reports):
    base = reports[SEED_LIKE]
    months = [f"2024-{m:02d}-15" for m in range(1, 13)]

    def gen():
        for i in range(10_000):
            r = copy.copy(base)
            r["document"] = dict(base["document"], metadata={"date": months[i % 12]})
            yield r

    out = summarize(gen(), by=["date:month"])  # (speed is measured in benchmarks/, not asserted here)
    assert out["totals"]["articles"] == 10_000
    assert out["totals"]["quotations"] == 120_000
    assert out["totals"]["quotations_from_anonymous"] == 40_000
    assert len(out["groups"]) == 12
    assert out["top_sources"] == [
        {"name": "Vice Adm. Helena M. Strand", "quotations": 80_000, "articles": 10_000}
    ]
    validate_summary(out)


def test_schema_is_valid_and_rejects_bad_output(reports):
    schema = load_summary_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SUMMARY_SCHEMA_ID
    assert schema["$id"] == "https://quotecheck.dev/schemas/summary/1.2.0/summary.schema.json"
    file_schema = json.loads((ROOT / "schemas" / "summary.schema.json").read_text("utf-8"))
    assert file_schema == schema
    out = summarize(reports.values(), by=["section"])
    assert out["schema_version"] == "1.2.0"
    validate_summary(json.loads(json.dumps(out)))
    bad = copy.deepcopy(out)
    bad["totals"]["surprise"] = 1
    with pytest.raises(SummaryError):
        validate_summary(bad)
    bad = copy.deepcopy(out)
    bad["groups"][0]["anonymous_share"] = 2
    with pytest.raises(SummaryError):
        validate_summary(bad)


def test_load_reports_single_and_run_document(reports, tmp_path: Path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps(reports[SEED_LIKE]), encoding="utf-8")
    run = tmp_path / "run.json"
    run.write_text(
        json.dumps(
            {
                "schema_version": "1.0.0",
                "tool": {"name": "quotecheck"},
                "reports": [reports[n] for n in NAMES[4:]],
                "errors": [],
            }
        ),
        encoding="utf-8",
    )
    loaded = list(load_reports([one, run]))
    assert len(loaded) == 1 + 4
    assert summarize(load_reports([one, run]), by=["section"]) == summarize(
        [reports[SEED_LIKE]] + [reports[n] for n in NAMES[4:]], by=["section"]
    )


def test_load_reports_version_mismatch(reports, tmp_path: Path):
    old = copy.deepcopy(reports[SEED_LIKE])
    old["schema_version"] = "1.0.0"
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    with pytest.raises(SummaryError) as info:
        list(load_reports([path]))
    assert str(info.value) == (f"{path}: report schema version 1.0.0, expected {SCHEMA_VERSION}")


def test_load_reports_invalid_report(reports, tmp_path: Path):
    bad = copy.deepcopy(reports[SEED_LIKE])
    del bad["quotes"][0]["kind"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(SummaryError, match=r"bad\.json"):
        list(load_reports([path]))
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(SummaryError, match=r"broken\.json"):
        list(load_reports([broken]))


def test_load_reports_is_lazy(reports, tmp_path: Path):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(reports[SEED_LIKE]), encoding="utf-8")
    it = load_reports([good, tmp_path / "missing.json"])
    assert next(it)["document"]["path"].endswith(SEED_LIKE)  # the second file not yet opened
    with pytest.raises(SummaryError, match=r"missing\.json"):
        next(it)


def test_summarize_command_from_saved_reports(tmp_path):
    from click.testing import CliRunner

    from quotecheck import cli

    paths = []
    for name in ("03-seed-coast-guard-training.txt", "18-md-council-rentals.md", "19-md-ambulance-data.md"):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(stored_report(ARTICLES / name)), encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "summary.json"
    result = CliRunner().invoke(
        cli.main, ["summarize", "--format", "json", "--by", "section", *paths, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(out.read_text())
    validate_summary(summary)
    assert summary["totals"]["articles"] == 3 and summary["by"] == ["section"]
    md = CliRunner().invoke(cli.main, ["summarize", *paths])
    assert md.exit_code == 0 and md.output.startswith("# Sourcing summary")
    assert "| all | 3 |" in md.output and "Vice Adm. Helena M. Strand" in md.output
    old = tmp_path / "old.json"
    old.write_text(json.dumps(dict(stored_report(ARTICLES / "01-layouts-said.txt"), schema_version="0.9.0")))
    bad = CliRunner().invoke(cli.main, ["summarize", str(old)])
    assert bad.exit_code == 2 and "report schema version 0.9.0" in bad.output


def test_bare_date_units_and_other_date_fields(reports):
    pool = [reports[n] for n in NAMES[4:7]]
    bare = summarize(pool, by=["month"])
    assert bare["by"] == ["month"]
    assert [g["key"] for g in bare["groups"]] == [
        {"month": "2024-03"},
        {"month": "2024-05"},
        {"month": "2024-10"},
    ]
    assert [g["articles"] for g in bare["groups"]] == [
        g["articles"] for g in summarize(pool, by=["date:month"])["groups"]
    ]
    year = summarize(pool, by=["year"])
    assert [(g["key"]["year"], g["articles"]) for g in year["groups"]] == [("2024", 3)]
    moved = copy.deepcopy(reports["18-md-council-rentals.md"])
    moved["document"]["metadata"]["published"] = moved["document"]["metadata"].pop("date")
    other = summarize([moved], by=["published:week"])
    assert other["groups"][0]["key"] == {"published:week": "2024-W11"}
    assert other["timeline"]["undated"] == 1  # the timeline reads the date field only


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("June 2, 2024", "2024-06-02"),
        ("2024/06/02", "2024-06-02"),
        ("2 June 2024", "2024-06-02"),
        ("Sun, 02 Jun 2024 10:00:00 GMT", "2024-06-02"),
        ("06/02/2024", "2024-06-02"),  # month first
        ("June 2024", "2024-06-01"),  # no day: the first of the month, not today's day
        ("2024-03-12T23:30:00-05:00", "2024-03-12"),
        ("2024-03-12 (updated)", "2024-03-12"),
        ("June 2", None),
        ("yesterday", None),
        ("5", None),
        ("", None),  # no year: no date
    ],
)
def test_dates_as_newsrooms_write_them(reports, written, day):
    r = copy.copy(reports[SEED_LIKE])
    r["document"] = dict(r["document"], metadata={"date": written})
    out = summarize([r], by=["date:day"])
    assert out["articles"][0]["date"] == day
    assert out["groups"][0]["key"] == {"date:day": day or NONE_GROUP}
    assert out["timeline"]["undated"] == (0 if day else 1)


def test_timeline_units_and_gaps(reports):
    base = reports[SEED_LIKE]

    def dated(*days):
        for d in days:
            r = copy.copy(base)
            r["document"] = dict(base["document"], metadata={"date": d})
            yield r

    day = summarize(dated("2024-03-01", "2024-03-03", "2024-03-03"))["timeline"]
    assert day["unit"] == "day" and day["undated"] == 0
    assert [(p["period"], p["articles"]) for p in day["periods"]] == [
        ("2024-03-01", 1),
        ("2024-03-02", 0),
        ("2024-03-03", 2),
    ]
    assert day["periods"][2]["quotations"] == 24 and day["periods"][2]["anonymous_share"] == 0.3333
    assert day["periods"][1]["articles_with_anonymous"] == {"count": 0, "share": 0.0}
    week = summarize(dated("2024-03-01", "2024-04-15"))["timeline"]
    assert week["unit"] == "week"
    assert [p["period"] for p in week["periods"]][:2] == ["2024-W09", "2024-W10"]
    assert week["periods"][-1]["period"] == "2024-W16" and len(week["periods"]) == 8
    month = summarize(dated("2023-08-20", "2024-03-01", "not a date"))["timeline"]
    assert month["unit"] == "month" and month["undated"] == 1
    assert [p["period"] for p in month["periods"]] == [
        "2023-08",
        "2023-09",
        "2023-10",
        "2023-11",
        "2023-12",
        "2024-01",
        "2024-02",
        "2024-03",
    ]
    year = summarize(dated("1990-01-01", "2024-03-01"))["timeline"]
    assert year["unit"] == "year" and len(year["periods"]) == 35
    assert summarize([])["timeline"] == {"unit": "month", "undated": 0, "periods": []}


def test_article_rows(reports):
    out = summarize(reports.values(), by=["section"])
    rows = {Path(a["path"]).name: a for a in out["articles"]}
    assert list(rows) == NAMES  # input order
    seed = rows[SEED_LIKE]
    assert seed["title"] is None and seed["date"] is None and seed["key"] == {"section": NONE_GROUP}
    assert (
        seed["quotations"],
        seed["anonymous_sources"],
        seed["quotations_from_anonymous"],
        seed["anonymous_share"],
        seed["anonymous_without_reason"],
    ) == (12, 1, 4, 0.3333, 1)
    assert seed["findings"] == {
        s: sum(f["severity"] == s for f in reports[SEED_LIKE]["findings"])
        for s in ("error", "warning", "info")
    }
    council = rows["18-md-council-rentals.md"]
    assert council["title"] == "Council delays vote on short-term rental limits"
    assert council["date"] == "2024-03-12" and council["key"] == {"section": "Local"}
    for name, row in rows.items():
        c = expected_counters([reports[name]])
        assert (
            row["quotations"],
            row["attributed"],
            row["sources"],
            row["named_sources"],
            row["anonymous_sources"],
            row["vague_descriptors"],
        ) == (
            c["quotations"],
            c["attributed"],
            c["sources"],
            c["named_sources"],
            c["anonymous_sources"],
            c["vague_descriptors"],
        )


def test_source_rows(reports):
    a = copy.deepcopy(reports[SEED_LIKE])
    b = copy.deepcopy(reports[SEED_LIKE])
    out = summarize([a, b])
    sources = out["sources"]
    validate_summary(out)
    # the named admiral is merged; the anonymous source is one row per article
    assert [(s["name"], s["articles"], s["quotations"]) for s in sources] == [
        ("Vice Adm. Helena M. Strand", 2, 16),
        ("one alliance source", 1, 4),
        ("one alliance source", 1, 4),
    ]
    anon = sources[1]
    assert anon["anonymous"] and anon["type"] == "anonymous_individual"
    assert anon["ground_rules"] == ["background", "anonymity_granted"]
    assert anon["anonymity_reason"] is None and anon["vague"] is False
    assert sources[0]["vague"] is None and sources[0]["anonymous"] is False
    every = summarize(reports.values())
    assert len(every["sources"]) == sum(
        1
        for r in reports.values()
        for s in r["sources"]
        if s["type"] not in ("named_person", "named_organization")
    ) + len(
        {
            " ".join(s["name"].split()).casefold()
            for r in reports.values()
            for s in r["sources"]
            if s["type"] in ("named_person", "named_organization")
        }
    )
    assert sum(s["quotations"] for s in every["sources"]) == every["totals"]["attributed"]
    reasons = [s for s in every["sources"] if s["anonymity_reason"]]
    assert len(reasons) == every["totals"]["anonymous_with_reason"]
    keys = [(-s["quotations"], -s["articles"], s["name"].casefold()) for s in every["sources"]]
    assert keys == sorted(keys)


def test_people_merge_across_titles_and_surnames(reports):
    def one(name: str, quotations: int) -> dict:
        r = copy.deepcopy(reports[SEED_LIKE])
        r["sources"] = [s for s in r["sources"] if s["type"] == "named_person"]
        r["sources"][0]["name"] = name
        sid = r["sources"][0]["id"]
        quotes = [
            q
            for q in r["quotes"]
            if q["speaker"] and q["speaker"]["source_id"] == sid and q["kind"] == "direct"
        ]
        r["quotes"] = quotes[:quotations]
        for s in r["sources"]:
            s["quote_ids"] = [q["id"] for q in r["quotes"]]
        return r

    out = summarize(
        [
            one("Massachusetts Sen. Elizabeth Warren", 1),
            one("Elizabeth Warren", 2),
            one("Democrat Elizabeth Warren", 3),
            one("Warren", 1),
            one("Sen. Elizabeth Warren", 1),
        ]
    )
    validate_summary(out)
    assert [(s["name"], s["quotations"], s["articles"]) for s in out["top_sources"]] == [
        ("Democrat Elizabeth Warren", 8, 5)
    ]  # the spelling quoted most names her
    # a one-word name joins a longer one only when that is the only candidate
    two = summarize([one("Elizabeth Warren", 2), one("Rick Warren", 1), one("Warren", 1)])
    assert sorted((s["name"], s["quotations"]) for s in two["top_sources"]) == [
        ("Elizabeth Warren", 2),
        ("Rick Warren", 1),
        ("Warren", 1),
    ]
    # only words in front of the name go: a title as the last word is the name itself
    assert [s["name"] for s in summarize([one("Mayor", 1), one("Smith", 1)])["top_sources"]] == [
        "Mayor",
        "Smith",
    ]


def test_summary_schema_keeps_to_keywords_the_compiled_validator_shares(reports):
    from test_schema import schema_keywords

    from quotecheck.schema import FAST_KEYWORDS
    from quotecheck.summary import _fast_summary_validator

    assert schema_keywords(load_summary_schema()) <= FAST_KEYWORDS
    out = summarize(reports.values(), by=["section"])
    _fast_summary_validator()(out)
    for mutate in (
        lambda s: s["totals"].update(key={"x": "y"}),  # only groups have a key
        lambda s: s["groups"][0].update(surprise=1),
        lambda s: s["articles"][0].update(date="12 March"),
        lambda s: s["sources"][0].update(type="person"),
    ):
        bad = copy.deepcopy(out)
        mutate(bad)
        with pytest.raises(fastjsonschema.JsonSchemaValueException):
            _fast_summary_validator()(bad)
        with pytest.raises(SummaryError):
            validate_summary(bad)


# -- issue 12: front matter and dates end to end, unknown fields -------------------------------

FRONT_MATTER_CASES = {
    "quoted.md": (
        'title: "Mayor says \\"no\\""\nsection: [metro, politics]\ndate: June 2, 2024\n',
        "2024-06-02",
    ),
    "block.md": (
        "title: >\n  A folded\n  title\nsection:\n  - metro\n  - schools\ndate: 2024/06/02\n",
        "2024-06-02",
    ),
    "bad-date.md": ("title: Plain\nsection: sports\ndate: next Tuesday\n", None),
}


def _front_matter_reports() -> list[dict]:
    from quotecheck.api import analyze
    from quotecheck.documents import document_from_bytes
    from quotecheck.parsing import Parse

    reports = []
    for name, (front, _) in FRONT_MATTER_CASES.items():
        doc = document_from_bytes(f"---\n{front}---\nNo quotations here.\n".encode(), name)
        reports.append(analyze(doc, Parse((), "none")).report)
    return reports


def test_front_matter_values_reach_the_summary():
    out = summarize(_front_matter_reports(), by=["section"])
    validate_summary(out)
    rows = {r["path"]: r for r in out["articles"]}
    assert rows["quoted.md"]["title"] == 'Mayor says "no"'
    assert rows["block.md"]["title"] == "A folded title"
    assert {name: rows[name]["date"] for name in FRONT_MATTER_CASES} == {
        name: day for name, (_, day) in FRONT_MATTER_CASES.items()
    }
    keys = {g["key"]["section"] for g in out["groups"]}
    assert keys == {"metro, politics", "metro, schools", "sports"}
    assert out["unreadable_dates"] == [{"path": "bad-date.md", "date": "next Tuesday"}]
    assert out["timeline"]["undated"] == 1


def test_group_field_no_article_has_is_an_error():
    with pytest.raises(SummaryError, match=r"no article has a 'sectoin' field; did you mean section\?"):
        summarize(_front_matter_reports(), by=["sectoin"])
