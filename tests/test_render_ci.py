"""The machine output formats for CI: SARIF, GitHub workflow commands, JUnit XML, Markdown,
JSON Lines and the run JSON document (quotecheck.render.{sarif,github,junit,markdown,jsonl,
run_json}).

Reports are real: built from the stored parses of fixture articles (no model needed). A
"hostile" copy of one of them carries markup, ampersands, quotation marks, pipes, percent
signs, emoji and line separators in its path, messages and source names, to check escaping.
"""

from __future__ import annotations

import copy
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from jsonschema import Draft202012Validator
from jsonschema.validators import validator_for
from referencing import Registry, Resource

from quotecheck import __version__
from quotecheck.render.github import escape_data, escape_property, render_github
from quotecheck.render.jsonl import render_jsonl
from quotecheck.render.junit import render_junit
from quotecheck.render.markdown import escape_text, render_markdown
from quotecheck.render.run_json import (
    RUN_SCHEMA_ID,
    RunValidationError,
    build_run,
    render_run_json,
    split_error,
    validate_run,
)
from quotecheck.render.sarif import LineAnchors, artifact_uri, render_sarif, span_end
from quotecheck.rules.registry import RULES
from quotecheck.schema import SCHEMA_ID, validate_report
from quotecheck.testing import ARTICLES, ROOT, SHARED, stored_report

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
NAMES = (
    "12-unattributed-unbalanced.txt",  # an error and a warning
    "24-trade-talks-descriptors.txt",  # warnings and info, five anonymous sources
    "21-html-ice-storm.html",  # HTML, no findings
    "22-html-port-terminal.html",  # HTML with findings
    "17-crlf-multibyte.txt",  # CRLF line ends, non-ASCII text
    "19-md-ambulance-data.md",  # Markdown with findings
)
ERRORS = ["missing.txt: no such file or directory", "data/bad.txt: binary file (NUL byte at byte offset 12)"]
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
RANK = {"info": 0, "warning": 1, "error": 2}
NASTY = 'Quote “<script>alert(1)</script>” & "x" | 50%, a: b 🎉 @octocat \u2028end'
HOSTILE_PATH = "news/a,b:c 50% <tag> & “q” 🎉.txt"


@pytest.fixture(scope="module")
def reports() -> list[dict[str, Any]]:
    return [stored_report(ARTICLES / name) for name in NAMES]


@pytest.fixture(scope="module")
def hostile(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """A schema-valid copy of the trade-talks report with awkward text everywhere."""
    report = copy.deepcopy(reports[1])
    report["document"]["path"] = HOSTILE_PATH
    for i, finding in enumerate(report["findings"]):
        finding["message"] = f"{NASTY} #{i}"
    for source in report["sources"]:
        source["name"] = f"<b>{source['name']}</b> | & 🎉"
    validate_report(report)
    return report


@pytest.fixture(scope="module")
def raw_hostile(hostile: dict[str, Any]) -> dict[str, Any]:
    """As :func:`hostile`, with line breaks and control characters no valid report has."""
    report = copy.deepcopy(hostile)
    report["findings"][0]["message"] = "line one\nline two\r\nthree\x0b\x1b[31m"
    return report


def all_findings(reports: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    return [(r["document"]["path"], f) for r in reports for f in r["findings"]]


def test_fixture_choice_covers_every_severity(reports: list[dict[str, Any]]) -> None:
    severities = {f["severity"] for _, f in all_findings(reports)}
    assert severities == {"error", "warning", "info"}
    assert any(not r["findings"] for r in reports)


def test_split_error() -> None:
    assert split_error("missing.txt: no such file or directory") == (
        "missing.txt",
        "no such file or directory",
    )
    assert split_error("a.txt: cannot read file: Permission denied") == (
        "a.txt",
        "cannot read file: Permission denied",
    )
    assert split_error("no separator here") == (None, "no separator here")
    assert split_error("x.txt: two\nlines") == ("x.txt", "two lines")


# -- SARIF --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator() -> Any:
    """A validator for the official SARIF 2.1.0 schema, of the draft the schema declares."""
    if not SARIF_SCHEMA.is_file():
        if os.environ.get("CI"):
            pytest.fail(
                f"the SARIF schema {SARIF_SCHEMA} is missing; "
                "CI must run with ../shared beside the repository"
            )
        pytest.skip(f"the official SARIF schema {SARIF_SCHEMA} is not available on this machine")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    assert cls in (jsonschema.Draft4Validator, jsonschema.Draft7Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_sarif(validator: Any, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` (lines end at \\n, \\r\\n or \\r)."""
    line, line_start = 1, 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        if match.end() > offset:
            break
        line, line_start = line + 1, match.end()
    return line, offset - line_start + 1


def test_sarif_validates_against_the_official_schema(
    sarif_validator: Any, reports: list[dict[str, Any]], hostile: dict[str, Any]
) -> None:
    for subset, errors in (
        (reports, ERRORS),
        (reports, []),
        ([], ERRORS),
        ([], []),
        ([hostile], ["no path"]),
    ):
        log = json.loads(render_sarif(subset, errors=errors))
        assert_valid_sarif(sarif_validator, log)


def test_sarif_log_and_driver(reports: list[dict[str, Any]]) -> None:
    out = render_sarif(reports)
    assert out.endswith("}\n")
    log = json.loads(out)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "quotecheck"
    assert driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    assert run["columnKind"] == "unicodeCodePoints"
    assert [a["location"]["uri"] for a in run["artifacts"]] == [r["document"]["path"] for r in reports]
    assert [a["hashes"]["sha-256"] for a in run["artifacts"]] == [r["document"]["sha256"] for r in reports]
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


def test_sarif_describes_every_rule(reports: list[dict[str, Any]]) -> None:
    rules = json.loads(render_sarif([]))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in RULES]
    for descriptor, rule in zip(rules, RULES, strict=True):
        assert re.fullmatch(r"(?:[A-Z][a-z0-9]*)+", descriptor["name"])
        assert descriptor["name"].lower() == rule.id.replace("-", "")
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"] == rule.rationale
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[rule.severity]
        assert descriptor["helpUri"].startswith("https://")
        assert descriptor["helpUri"].endswith(f"docs/rules.md#{rule.id}")
        for part in (rule.basis, rule.fires, rule.passes):
            assert part in descriptor["help"]["text"]
            assert part in descriptor["help"]["markdown"]
    assert rules[0]["name"] == "UnattributedQuote"


def test_sarif_has_a_result_per_finding_at_the_right_place(reports: list[dict[str, Any]]) -> None:
    run = json.loads(render_sarif(reports))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    expected = all_findings(reports)
    assert len(results) == len(expected) > 0
    ended = 0
    for result, (path, finding) in zip(results, expected, strict=True):
        assert result["ruleId"] == finding["rule"]
        assert rules[result["ruleIndex"]]["id"] == finding["rule"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == path
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert run["artifacts"][physical["artifactLocation"]["index"]]["location"]["uri"] == path
        region = physical["region"]
        assert (region["startLine"], region["startColumn"]) == (finding["line"], finding["column"])
        # The end, when given, is exact: checked against the file itself.
        text = (ROOT / path).read_bytes().decode("utf-8").removeprefix("\ufeff")
        assert line_column(text, finding["start"]) == (finding["line"], finding["column"])
        if "endColumn" in region:
            ended += 1
            end_line, end_column = line_column(text, finding["end"] - 1)
            assert (region["endLine"], region["endColumn"]) == (end_line, end_column + 1)
        else:
            assert "endLine" not in region
        assert result["properties"]["start"] == finding["start"]
        assert result["properties"].get("quote_id") == finding.get("quote_id")
        assert result["properties"].get("source_id") == finding.get("source_id")
    assert ended >= len(results) // 2  # most spans are provably on one line


def test_sarif_fingerprints_are_stable_and_distinct(reports: list[dict[str, Any]]) -> None:
    def fingerprints(subset: list[dict[str, Any]]) -> list[str]:
        results = json.loads(render_sarif(subset))["runs"][0]["results"]
        return [r["partialFingerprints"]["quotecheck/v1"] for r in results]

    first = fingerprints(reports)
    assert first == fingerprints(copy.deepcopy(reports))
    assert len(set(first)) == len(first)
    assert all(re.fullmatch(r"[0-9a-f]{64}:[0-9]+", f) for f in first)
    # Lines move (text added above): the fingerprints stay.
    moved = copy.deepcopy(reports[0])
    for finding in moved["findings"]:
        finding["line"] += 3
        finding["start"] += 120
        finding["end"] += 120
    assert fingerprints([moved]) == fingerprints([reports[0]])
    # Another message, another fingerprint.
    changed = copy.deepcopy(reports[0])
    changed["findings"][0]["message"] += " (edited)"
    assert fingerprints([changed])[0] != fingerprints([reports[0]])[0]


def test_sarif_input_errors_are_notifications(reports: list[dict[str, Any]]) -> None:
    invocation = json.loads(render_sarif(reports, errors=[*ERRORS, "no path at all"]))["runs"][0][
        "invocations"
    ][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error"] * 3
    assert [n["message"]["text"] for n in notes] == [
        "no such file or directory",
        "binary file (NUL byte at byte offset 12)",
        "no path at all",
    ]
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {
        "uri": "missing.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert "locations" not in notes[2]


def test_sarif_uris() -> None:
    assert artifact_uri("articles/a.txt") == ("articles/a.txt", "%SRCROOT%")
    assert artifact_uri("./articles//b.md") == ("articles/b.md", "%SRCROOT%")
    assert artifact_uri("articles\\win\\c.html") == ("articles/win/c.html", "%SRCROOT%")
    assert artifact_uri("my story #1.txt") == ("my%20story%20%231.txt", "%SRCROOT%")
    assert artifact_uri("/srv/news/a.txt") == ("file:///srv/news/a.txt", None)
    assert artifact_uri("C:\\news\\a.txt") == ("file:///C:/news/a.txt", None)
    assert artifact_uri("<stdin>") == ("%3Cstdin%3E", None)


def test_sarif_hostile_text(hostile: dict[str, Any]) -> None:
    run = json.loads(render_sarif([hostile]))["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "news/a%2Cb%3Ac%2050%25%20%3Ctag%3E%20%26%20%E2%80%9Cq%E2%80%9D%20%F0%9F%8E%89.txt"
    assert run["results"][0]["message"]["text"] == NASTY + " #0"


def test_span_end_is_given_only_when_the_report_proves_it() -> None:
    def report(findings: list[dict[str, Any]], lines: int = 10) -> dict[str, Any]:
        return {"document": {"lines": lines}, "quotes": [], "sources": [], "findings": findings}

    lone = {"start": 100, "end": 130, "line": 3, "column": 5}
    assert span_end(lone, LineAnchors(report([lone]))) is None  # nothing known after it
    assert span_end(lone, LineAnchors(report([lone], lines=3))) == (3, 35)  # the last line
    one_char = {"start": 100, "end": 101, "line": 3, "column": 5}
    assert span_end(one_char, LineAnchors(report([one_char]))) == (3, 6)
    later_same_line = {"start": 140, "end": 141, "line": 3, "column": 45}
    assert span_end(lone, LineAnchors(report([lone, later_same_line]))) == (3, 35)
    next_line = {"start": 131, "end": 132, "line": 4, "column": 1}  # line 4 starts at 131
    assert span_end(lone, LineAnchors(report([lone, next_line]))) == (3, 35)
    too_early = {"start": 120, "end": 121, "line": 4, "column": 1}  # line 4 starts inside it
    assert span_end(lone, LineAnchors(report([lone, too_early]))) is None


# -- GitHub workflow commands -------------------------------------------------------------------


COMMAND_LINE = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")


def unescape(text: str) -> str:
    return (
        text.replace("%2C", ",")
        .replace("%3A", ":")
        .replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
    )


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND_LINE.fullmatch(line)
    assert match, line
    props = {}
    for item in (match.group(2) or "").split(","):
        if item:
            key, _, value = item.partition("=")
            props[key] = unescape(value)
    return match.group(1), props, unescape(match.group(3))


def test_github_one_command_per_finding_and_error(reports: list[dict[str, Any]]) -> None:
    out = render_github(reports, errors=ERRORS)
    lines = out.splitlines()
    expected = all_findings(reports)
    assert out.endswith("\n")
    assert len(lines) == len(expected) + len(ERRORS)
    for line, (path, finding) in zip(lines, expected, strict=False):  # the error lines follow
        command, props, message = parse_command(line)
        assert command == COMMANDS[finding["severity"]]
        assert props["file"] == path
        assert (int(props["line"]), int(props["col"])) == (finding["line"], finding["column"])
        assert props["title"] == f"quotecheck {finding['rule']}"
        assert message == finding["message"]
        if "endColumn" in props:
            assert props["endLine"] == props["line"]
            assert int(props["endColumn"]) == finding["column"] + finding["end"] - finding["start"]
    assert lines[len(expected) :] == [
        "::error file=missing.txt::no such file or directory",
        "::error file=data/bad.txt::binary file (NUL byte at byte offset 12)",
    ]
    assert render_github([]) == ""


def test_github_exact_lines(reports: list[dict[str, Any]]) -> None:
    lines = render_github([reports[0]]).splitlines()
    assert lines == [
        "::error file=fixtures/articles/12-unattributed-unbalanced.txt,line=5,col=1,"
        "title=quotecheck unattributed-quote::quotation “Nobody tells us anything until the sign goes up.” "
        "has no speaker in reach",
        "::warning file=fixtures/articles/12-unattributed-unbalanced.txt,line=15,col=107,endLine=15,"
        "endColumn=108,title=quotecheck unbalanced-quote::"
        "quotation mark “ opens a quotation that never closes",
    ]


def test_github_escaping(raw_hostile: dict[str, Any]) -> None:
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("50% a\r\nb: c, d") == "50%25 a%0D%0Ab%3A c%2C d"
    out = render_github([raw_hostile], errors=["a:b,c.txt: odd, path: yes"])
    lines = out.split("\n")[:-1]
    assert len(lines) == len(raw_hostile["findings"]) + 1
    assert "\r" not in out
    first = lines[0]
    assert first.startswith("::notice file=news/a%2Cb%3Ac 50%25 <tag> & “q” 🎉.txt,line=")
    # raw control characters never reach the runner: each one is U+FFFD (issue 13)
    assert first.endswith("::line one%0Aline two%0D%0Athree\ufffd\ufffd[31m")
    for line, finding in zip(lines, raw_hostile["findings"], strict=False):  # the error line follows
        _, props, message = parse_command(line)
        assert props["file"] == HOSTILE_PATH
        # the message round-trips, its control characters (but \r and \n) shown as U+FFFD
        assert message == re.sub(
            "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]", "\ufffd", finding["message"]
        )
    assert lines[-1] == "::error file=a%3Ab%2Cc.txt::odd, path: yes"


# -- JUnit XML ----------------------------------------------------------------------------------


def failing(finding: Mapping[str, Any], fail_on: str) -> bool:
    return RANK[finding["severity"]] >= RANK[fail_on]


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_junit_counts(reports: list[dict[str, Any]], fail_on: str) -> None:
    out = render_junit(reports, fail_on=fail_on, errors=ERRORS)
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 1 and suites[0].get("name") == "quotecheck"
    suite = suites[0]
    cases = suite.findall("testcase")
    failed_cases = sum(any(failing(f, fail_on) for f in r["findings"]) for r in reports)
    for element in (root, suite):
        assert element.get("tests") == str(len(reports) + len(ERRORS)) == str(len(cases))
        assert element.get("failures") == str(failed_cases)
        assert element.get("errors") == str(len(ERRORS))
    for case, report in zip(cases, reports, strict=False):  # the error cases follow
        path = report["document"]["path"]
        assert case.get("classname") == "quotecheck" and case.get("name") == path
        above = [f for f in report["findings"] if failing(f, fail_on)]
        below = [f for f in report["findings"] if not failing(f, fail_on)]
        failures = case.findall("failure")
        assert [x.get("type") for x in failures] == [f["rule"] for f in above]
        assert [x.get("message") for x in failures] == [f"{f['rule']}: {f['message']}" for f in above]
        assert [x.text for x in failures] == [
            f"{path}:{f['line']}:{f['column']}: {f['severity']} {f['rule']}: {f['message']}" for f in above
        ]
        out_element = case.find("system-out")
        if below:
            assert out_element is not None and out_element.text is not None
            assert len(out_element.text.splitlines()) == len(below)
            assert all(f"{path}:{f['line']}:{f['column']}: " in out_element.text for f in below)
        else:
            assert out_element is None
        assert case.find("error") is None
    error_cases = cases[len(reports) :]
    assert [c.get("name") for c in error_cases] == ["missing.txt", "data/bad.txt"]
    assert [c.find("error").get("message") for c in error_cases] == [  # type: ignore[union-attr]
        "no such file or directory",
        "binary file (NUL byte at byte offset 12)",
    ]
    assert ET.fromstring(out).tag == "testsuites"  # as str too


def test_junit_round_trips_awkward_text(hostile: dict[str, Any], raw_hostile: dict[str, Any]) -> None:
    root = ET.fromstring(render_junit([hostile], fail_on="info").encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("name") == HOSTILE_PATH
    messages = [x.get("message") for x in case.findall("failure")]
    # One line each: the U+2028 in the messages became a space.
    assert messages == [f"{f['rule']}: {' '.join(f['message'].split())}" for f in hostile["findings"]]
    assert "<script>" in messages[0] and "🎉" in messages[0] and '"x"' in messages[0]
    # Line breaks become spaces, characters XML cannot carry become U+FFFD: still parseable.
    root = ET.fromstring(render_junit([raw_hostile], fail_on="info").encode("utf-8"))
    first = root.find("testsuite/testcase/failure")
    assert first is not None
    assert first.get("message") == f"{raw_hostile['findings'][0]['rule']}: line one line two three \ufffd[31m"


def test_junit_rejects_an_unknown_threshold(reports: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError, match="fail_on"):
        render_junit(reports, fail_on="fatal")


def test_junit_empty_run() -> None:
    root = ET.fromstring(render_junit([]))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("0", "0", "0")


# -- Markdown -----------------------------------------------------------------------------------


def table_cells(row: str) -> list[str]:
    """The cells of a GFM table row (``\\|`` does not split)."""
    assert row.startswith("| ") and row.endswith(" |"), row
    return [c.strip() for c in re.split(r"(?<!\\)\|", row[1:-1])]


def percent(part: int, whole: int) -> str:
    text = f"{100 * part / whole:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def test_markdown_summary_table(reports: list[dict[str, Any]]) -> None:
    lines = render_markdown(reports, errors=ERRORS).splitlines()
    assert lines[0] == "## quotecheck"
    header, rule, row = lines[2:5]
    assert table_cells(header) == [
        "files",
        "quotations",
        "attributed",
        "anonymous share",
        "errors",
        "warnings",
        "info",
        "input errors",
    ]
    assert set(table_cells(rule)) == {"---:"}
    quotes = sum(r["summary"]["quotes"] for r in reports)
    attributed = sum(r["summary"]["attributed"] for r in reports)
    anonymous = sum(r["summary"]["quotes_from_anonymous"] for r in reports)
    counts = [sum(r["summary"]["findings"][s] for r in reports) for s in ("error", "warning", "info")]
    assert table_cells(row) == [
        str(len(reports)),
        str(quotes),
        percent(attributed, quotes),
        percent(anonymous, quotes),
    ] + [str(c) for c in counts] + ["2"]
    assert "input errors" not in render_markdown(reports)


def test_markdown_sections(reports: list[dict[str, Any]]) -> None:
    out = render_markdown(reports, errors=ERRORS)
    lines = out.splitlines()
    for report in reports:
        heading = f"### {escape_text(report['document']['path'])}"
        anonymous = [s for s in report["sources"] if s["anonymous"]]
        if not report["findings"] and not anonymous:
            assert heading not in lines
            continue
        start = lines.index(heading)
        if report["findings"]:
            assert table_cells(lines[start + 2]) == ["line:col", "severity", "rule", "message"]
            rows = lines[start + 4 : start + 4 + len(report["findings"])]
            for row, finding in zip(rows, report["findings"], strict=True):
                assert table_cells(row) == [
                    f"{finding['line']}:{finding['column']}",
                    finding["severity"],
                    finding["rule"],
                    escape_text(finding["message"]),
                ]
    assert "1 file with no findings and no anonymous sources." in lines  # the ice storm
    assert lines[lines.index("### Input errors") + 2 :][:2] == [
        "- missing.txt: no such file or directory",
        "- data/bad.txt: binary file (NUL byte at byte offset 12)",
    ]
    talks = [line for line in lines if line.startswith("- **")]
    assert "- **A source** (s4): ground rules: none stated; reason: no reason given" in talks
    assert (
        "- **Two officials familiar with the negotiations** (s3): ground rules: anonymity\\_granted; "
        "reason: “because the negotiations are confidential” (9:210)"
    ) in talks


def test_markdown_escapes_article_text(raw_hostile: dict[str, Any]) -> None:
    out = render_markdown([raw_hostile], errors=["<img src=x>: bad | file"])
    assert "<" not in out and ">" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "&lt;b&gt;" in out and "&amp;" in out
    assert "\x1b" not in out and "\x0b" not in out and "\u2028" not in out
    assert "@\u2060octocat" in out
    lines = out.splitlines()
    rows = [line for line in lines if line.startswith("| ") and "quotecheck" not in line]
    findings_rows = rows[rows.index("| line:col | severity | rule | message |") + 2 :]
    assert len(findings_rows) == len(raw_hostile["findings"])
    for row in findings_rows:
        assert len(table_cells(row)) == 4  # a | in a message is escaped, a newline flattened
    assert table_cells(findings_rows[0])[3] == "line one line two three \\[31m"
    assert table_cells(findings_rows[1])[3] == escape_text(raw_hostile["findings"][1]["message"])
    assert "\\| 50%, a: b 🎉" in findings_rows[1]
    assert (
        escape_text("a*b*_c_ `d` [e](f) ![g](h) ~~i~~ #j")
        == "a\\*b\\*\\_c\\_ \\`d\\` \\[e\\](f) !\\[g\\](h) \\~\\~i\\~\\~ \\#j"
    )


def test_markdown_empty_run() -> None:
    out = render_markdown([])
    assert table_cells(out.splitlines()[4]) == ["0", "0", "–", "–", "0", "0", "0"]


# -- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_one_object_per_finding_then_errors(reports: list[dict[str, Any]]) -> None:
    out = render_jsonl(reports, errors=ERRORS)
    lines = out.splitlines()
    expected = all_findings(reports)
    assert out.endswith("\n")
    assert len(lines) == len(expected) + len(ERRORS)
    for line, (path, finding) in zip(lines, expected, strict=False):  # the error lines follow
        record = json.loads(line)
        assert record == {"path": path, **finding}
        assert list(record)[:8] == ["path", "rule", "severity", "message", "line", "column", "start", "end"]
    assert [json.loads(line) for line in lines[len(expected) :]] == [
        {"path": "missing.txt", "error": "no such file or directory"},
        {"path": "data/bad.txt", "error": "binary file (NUL byte at byte offset 12)"},
    ]
    assert json.loads(render_jsonl([], errors=["odd line"])) == {"path": None, "error": "odd line"}
    assert render_jsonl([]) == ""


def test_jsonl_lines_survive_every_line_splitter(raw_hostile: dict[str, Any]) -> None:
    raw = copy.deepcopy(raw_hostile)
    raw["findings"][1]["message"] += "\x85\u2029"
    out = render_jsonl([raw], errors=ERRORS)
    assert "🎉" in out and "“" in out  # ensure_ascii=False
    lines = out.splitlines()
    assert lines == out.split("\n")[:-1]
    assert len(lines) == len(raw["findings"]) + len(ERRORS)
    decoded = [json.loads(line) for line in lines[: len(raw["findings"])]]
    assert [d["message"] for d in decoded] == [f["message"] for f in raw["findings"]]


# -- the run document ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def run_validator() -> Draft202012Validator:
    """The run schema with the report schema beside it in a referencing registry."""
    run_schema = json.loads((ROOT / "schemas" / "run.schema.json").read_text(encoding="utf-8"))
    report_schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    assert run_schema["$id"] == RUN_SCHEMA_ID == "https://quotecheck.dev/schemas/run/1.0.0/run.schema.json"
    assert run_schema["properties"]["reports"]["items"] == {"$ref": report_schema["$id"]}
    assert report_schema["$id"] == SCHEMA_ID
    registry: Registry = Registry().with_resources(
        [(s["$id"], Resource.from_contents(s)) for s in (run_schema, report_schema)]
    )
    Draft202012Validator.check_schema(run_schema)
    return Draft202012Validator(run_schema, registry=registry)


def test_run_json_validates(
    reports: list[dict[str, Any]], hostile: dict[str, Any], run_validator: Draft202012Validator
) -> None:
    for subset, errors in (([*reports, hostile], [*ERRORS, "no path"]), ([], []), (reports, [])):
        out = render_run_json(subset, errors=errors)
        assert out.endswith("}\n")
        doc = json.loads(out)
        assert not list(run_validator.iter_errors(doc))
        validate_run(doc)
        assert doc["reports"] == subset


def test_run_json_summary(reports: list[dict[str, Any]]) -> None:
    doc = json.loads(render_run_json(reports, errors=ERRORS))
    assert doc["schema_version"] == "1.0.0"
    assert doc["tool"] == {"name": "quotecheck", "version": __version__}
    quotes = sum(r["summary"]["quotes"] for r in reports)
    anonymous = sum(r["summary"]["quotes_from_anonymous"] for r in reports)
    assert doc["summary"] == {
        "files": len(reports) + 2,
        "checked": len(reports),
        "input_errors": 2,
        "quotes": quotes,
        "attributed": sum(r["summary"]["attributed"] for r in reports),
        "anonymous_share": round(anonymous / quotes, 4),
        "findings": {
            s: sum(r["summary"]["findings"][s] for r in reports) for s in ("error", "warning", "info")
        },
        "fail_on": "error",
        "failing": True,
    }
    assert doc["errors"] == [
        {"path": "missing.txt", "reason": "no such file or directory"},
        {"path": "data/bad.txt", "reason": "binary file (NUL byte at byte offset 12)"},
    ]


def test_run_json_failing() -> None:
    talks = stored_report(ARTICLES / "24-trade-talks-descriptors.txt")  # warnings and info only
    ice = stored_report(ARTICLES / "21-html-ice-storm.html")  # no findings
    assert build_run([talks])["summary"]["failing"] is False
    assert build_run([talks], fail_on="warning")["summary"]["failing"] is True
    assert build_run([ice], fail_on="info")["summary"]["failing"] is False
    assert build_run([ice], errors=ERRORS)["summary"]["failing"] is True  # unreadable input
    assert build_run([])["summary"]["anonymous_share"] == 0
    with pytest.raises(ValueError, match="fail_on"):
        build_run([ice], fail_on="never")


def test_validate_run_names_the_problem(reports: list[dict[str, Any]]) -> None:
    doc = build_run(reports)
    broken = copy.deepcopy(doc)
    del broken["reports"][1]["summary"]
    broken["summary"]["failing"] = "no"
    with pytest.raises(RunValidationError) as info:
        validate_run(broken)
    assert any(e.startswith("$.reports[1]:") and "summary" in e for e in info.value.errors)
    assert any(e.startswith("$.summary.failing:") for e in info.value.errors)
    other_version = copy.deepcopy(doc)
    other_version["reports"][0]["schema_version"] = "2.0.0"
    with pytest.raises(RunValidationError):
        validate_run(other_version)


def test_schema_file_is_package_data() -> None:
    from quotecheck.render.run_json import load_run_schema

    assert load_run_schema() == json.loads(
        Path(ROOT, "schemas", "run.schema.json").read_text(encoding="utf-8")
    )
