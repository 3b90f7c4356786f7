"""quotecheck as a newsroom's CI runs it: the real CLI, as a subprocess, over a git repository
of articles (marker ``e2e``; the compact model from the ``model_dir`` fixture).

The repository is built once for the module in a temporary folder: Markdown with YAML front
matter, HTML and text articles copied from ``fixtures/articles`` into nested folders, a
``quotecheck.toml`` (``fail-on = "warning"``, loaded verbs off under ``opinion/``), and articles
that discovery must skip (``.gitignore``, ``.quotecheckignore``, a hidden folder,
``node_modules``). The first run parses every article and fills a parse cache in
``tmp_path``; every later run reads the cache, and each test checks that nothing was parsed
again, except the baseline test, which edits one article and so parses exactly that one.
The model is loaded twice in the whole module.

Covered: exit codes 0/1/2 and ``--exit-zero`` in every output format, ``-o`` equal to
standard output, skipped files absent from every format, locations that point into the
source files (the quotation mark at a quote finding's line and column, the cue verb or the
source's mention at the others'), the ``[[overrides]]`` for ``opinion/**``, SARIF against the
SARIF 2.1.0 schema, the run document against ``schemas/run.schema.json``, JUnit XML, GitHub
annotations, the Markdown summary and ``quotecheck baseline create`` / ``--baseline``.
Suppression comments are covered too when ``quotecheck.suppress`` exists.
"""

from __future__ import annotations

import importlib.util
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from quotecheck.testing import ARTICLES, SHARED, missing

pytestmark = pytest.mark.e2e

HAS_SUPPRESS = importlib.util.find_spec("quotecheck.suppress") is not None

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "markdown")
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
LOADED = "loaded-attribution-verb"
QUOTE_RULES = {"unattributed-quote", "unbalanced-quote"}
# Rules whose message quotes, first, the words at the finding's location: the cue verb, or the
# source's mention (cut with "…" when long).
MENTION_RULES = {LOADED, "anonymous-source", "anonymity-unexplained", "vague-source", "weak-descriptor"}
QUOTE_MARKS = '"“”‘’«»„‹›'
QUOTE_ENTITIES = (
    "&ldquo;",
    "&rdquo;",
    "&lsquo;",
    "&rsquo;",
    "&quot;",
    "&#8220;",
    "&#8221;",
    "&#x201c;",
    "&#x201d;",
    "&#34;",
    "&laquo;",
    "&raquo;",
)

QUOTECHECK_TOML = """\
# The newsroom's policy: fail on warnings; opinion pieces may use loaded verbs.
fail-on = "warning"

[[overrides]]
paths = ["opinion/**"]
rules = { loaded-attribution-verb = "off" }
"""

# 12-unattributed-unbalanced.txt as a web page: the unattributed quotation is written with
# entities, so its location must point at "&ldquo;" in the file.
WATER_HTML = """\
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Boil-water notice, again | The Hollis Herald</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>Boil-water notice, again</h1>
<p>HOLLIS CROSSING, Ark. &mdash; For the third time this summer, residents woke up Monday to a boil-water notice taped to the door of the post office.</p>
<p>&ldquo;Nobody tells us anything until the sign goes up.&rdquo;</p>
<p>Judith Pryor, a member of the town council, said the town had applied three times for a state loan. &#8220;What we don&rsquo;t have is $9 million,&#8221; Pryor said.</p>
</article>
</body>
</html>
"""  # noqa: E501  the page's lines are the input whose locations the tests assert

FRONT_MATTER = """\
---
title: "Boil-water notice, again"
author: Staff
date: 2025-07-14
tags: [water, hollis-crossing]
---

"""

# Checked: path (relative to the repository) -> where it comes from.
CHECKED = {
    "features/stadium.md": "31-opinion-column.md",  # loaded verbs stay on here
    "news/local/water-plant.txt": "12-unattributed-unbalanced.txt",
    "news/local/2025/07/water-plant-update.md": None,  # 12 with YAML front matter
    "news/local/water-web.html": None,  # WATER_HTML
    "news/weather/ice-storm.html": "21-html-ice-storm.html",
    "news/world/trade/talks.txt": "24-trade-talks-descriptors.txt",
    "opinion/columns/stadium.md": "31-opinion-column.md",  # loaded verbs off here
}
SUPPRESSED = "features/stadium-suppressed.md"
if HAS_SUPPRESS:
    CHECKED[SUPPRESSED] = None
# Skipped by discovery; each would fail the run if it were checked (an unattributed quote).
SKIPPED = {
    "drafts/boil-water.txt": ".gitignore",
    "drafts/2025/stadium.md": ".gitignore",
    "archive/2019/old-water.txt": ".quotecheckignore",
    "news/world/trade/talks.wip.txt": ".quotecheckignore",
    ".private/leak.txt": "hidden folder",
    "news/.scratch/notes.md": "hidden folder",
    "node_modules/newsroom-theme/README.md": "node_modules",
    "node_modules/newsroom-theme/sample.txt": "node_modules",
}
SKIPPED_MARKERS = ("drafts/", "archive/", ".wip.", ".private/", ".scratch/", "node_modules/")


def _suppressed_column(text: str) -> str:
    """31-opinion-column.md with the "laughed" finding suppressed by a comment."""
    target = "“Attendance follows the product,” Caldwell laughed"
    assert target in text
    comment = f"<!-- quotecheck-disable-next-line {LOADED} -->\n"
    return text.replace(target, comment + target, 1)


# -- the repository and the CLI --------------------------------------------------------------


@dataclass
class Repo:
    root: Path
    env: dict[str, str]
    cache: Path
    run: dict  # the run document of the first, cold run over "."
    entries: int  # parse cache entries after it

    def cli(self, *args: str, cwd: Path | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
        exe = Path(sys.executable).with_name("quotecheck")
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "quotecheck.cli"]
        return subprocess.run(
            cmd + list(args),
            cwd=cwd or self.root,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
        )

    def cached_entries(self) -> int:
        return sum(1 for _ in self.cache.rglob("*.conllu"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def _fixture(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def build_repository(root: Path) -> None:
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    _write(root / ".gitignore", "# unpublished\ndrafts/\n")
    _write(root / ".quotecheckignore", "# never checked\narchive/\n*.wip.txt\n")
    _write(root / "quotecheck.toml", QUOTECHECK_TOML)
    _write(root / "README.txt.bak", "not an article (extension)\n")
    for rel, source in CHECKED.items():
        if source is not None:
            _write(root / rel, _fixture(source))
    _write(
        root / "news/local/2025/07/water-plant-update.md",
        FRONT_MATTER + _fixture("12-unattributed-unbalanced.txt"),
    )
    _write(root / "news/local/water-web.html", WATER_HTML)
    if HAS_SUPPRESS:
        _write(root / SUPPRESSED, _suppressed_column(_fixture("31-opinion-column.md")))
    bad = _fixture("12-unattributed-unbalanced.txt")
    for rel in SKIPPED:
        _write(root / rel, FRONT_MATTER + bad if rel.endswith(".md") else bad)


@pytest.fixture(scope="module")
def repo(model_dir, tmp_path_factory) -> Repo:
    base = tmp_path_factory.mktemp("ci-repo")
    root = base / "newsroom"
    build_repository(root)
    cache = base / "parse-cache"
    env = dict(os.environ, QUOTECHECK_MODEL_DIR=model_dir, QUOTECHECK_CACHE_DIR=str(cache))
    for var in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "QUOTECHECK_JOBS"):
        env.pop(var, None)
    repo = Repo(root, env, cache, {}, 0)
    out = base / "cold.json"
    done = repo.cli("check", "--format", "json", "-o", str(out), ".")
    assert done.returncode == 1, done.stderr
    repo.run = json.loads(out.read_text(encoding="utf-8"))
    repo.entries = repo.cached_entries()
    # one entry per distinct article text (the cache is keyed by the text, not the path: the
    # two copies of the opinion column share one, and so may the text file and its Markdown copy)
    from quotecheck.documents import read_document

    texts = {read_document(str(root / rel)).text for rel in CHECKED}
    assert repo.entries == len(texts), "every checked article is parsed once and cached"
    return repo


def _norm(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/"))


def _findings(run: dict) -> dict[str, list[dict]]:
    return {_norm(r["document"]["path"]): r["findings"] for r in run["reports"]}


def _line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset``; lines end at \\n, \\r\\n or \\r."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    line = max(i for i, s in enumerate(starts) if s <= offset)
    return line + 1, offset - starts[line] + 1


def _at_line_col(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


def _first_quoted(message: str) -> str:
    match = re.search(r"“([^”]*)”", message)
    assert match, message
    return match.group(1)


# -- the cold run: discovery, the policy, locations -----------------------------------------


def test_discovery_checks_the_articles_and_skips_ignored_hidden_and_vendored(repo):
    assert sorted(_findings(repo.run)) == sorted(CHECKED)
    assert repo.run["errors"] == []
    summary = repo.run["summary"]
    assert summary["checked"] == summary["files"] == len(CHECKED)
    assert summary["fail_on"] == "warning" and summary["failing"] is True
    for rel in SKIPPED:
        assert (repo.root / rel).is_file()


def test_run_document_validates(repo):
    from quotecheck.render.run_json import validate_run

    validate_run(repo.run)


def test_every_location_points_into_its_source_file(repo):
    checked = 0
    for rel, findings in _findings(repo.run).items():
        text = (repo.root / rel).read_bytes().decode("utf-8")
        for f in findings:
            start, end, line, column = f["start"], f["end"], f["line"], f["column"]
            assert 0 <= start <= end <= len(text), (rel, f)
            assert _line_col(text, start) == (line, column), (rel, f)
            assert _at_line_col(text, line, column) == start
            if f["rule"] in QUOTE_RULES:
                at = text[start:]
                assert at[:1] in QUOTE_MARKS or at.lower().startswith(QUOTE_ENTITIES), (rel, f, at[:12])
                checked += 1
            elif f["rule"] in MENTION_RULES:
                quoted = _first_quoted(f["message"])
                if quoted.endswith("…"):
                    assert text[start:end].startswith(quoted[:-1]), (rel, f)
                else:
                    assert text[start:end] == quoted, (rel, f, text[start:end])
                checked += 1
    assert checked >= 20


def test_quote_findings_in_text_markdown_and_html(repo):
    found = _findings(repo.run)
    opening = {}
    for rel in (
        "news/local/water-plant.txt",
        "news/local/2025/07/water-plant-update.md",
        "news/local/water-web.html",
    ):
        rules = [f["rule"] for f in found[rel]]
        assert rules.count("unattributed-quote") == 1, (rel, rules)
        f = next(f for f in found[rel] if f["rule"] == "unattributed-quote")
        opening[rel] = (repo.root / rel).read_text(encoding="utf-8")[f["start"] : f["start"] + 7]
    assert opening["news/local/water-plant.txt"].startswith("“Nobody")
    assert opening["news/local/2025/07/water-plant-update.md"].startswith("“Nobody")
    assert opening["news/local/water-web.html"] == "&ldquo;"
    # the unbalanced mark: in the text file and in its Markdown copy (front matter above it)
    for rel, shift in (
        ("news/local/water-plant.txt", 0),
        ("news/local/2025/07/water-plant-update.md", FRONT_MATTER.count("\n")),
    ):
        f = next(f for f in found[rel] if f["rule"] == "unbalanced-quote")
        assert f["severity"] == "warning" and (f["line"], f["column"]) == (15 + shift, 107)


def test_opinion_override_turns_loaded_verbs_off_only_under_opinion(repo):
    found = _findings(repo.run)
    column = [f for f in found["opinion/columns/stadium.md"]]
    feature = [f for f in found["features/stadium.md"]]
    verbs = sorted(_first_quoted(f["message"]) for f in feature if f["rule"] == LOADED)
    assert verbs == sorted(["declared", "laughed", "insisted", "conceded", "claimed", "admitted"])
    assert not [f for f in column if f["rule"] == LOADED]
    # the same article: everything else is the same in both places
    assert [f for f in feature if f["rule"] != LOADED] == column
    for rel, findings in found.items():
        if rel.startswith("opinion/"):
            assert all(f["rule"] != LOADED for f in findings)
    # and `quotecheck config` agrees (no model needed)
    done = repo.cli("config", "--format", "json", "opinion/columns/stadium.md")
    assert done.returncode == 0, done.stderr
    assert "quotecheck.toml" in done.stdout and '"off"' in done.stdout


if HAS_SUPPRESS:

    def test_suppression_comment_silences_the_next_line_only(repo):
        found = _findings(repo.run)
        plain = sorted(f["message"] for f in found["features/stadium.md"] if f["rule"] == LOADED)
        quiet = sorted(f["message"] for f in found[SUPPRESSED] if f["rule"] == LOADED)
        assert [m for m in plain if "“laughed”" not in m] == quiet
        assert len(quiet) == len(plain) - 1


# -- every format, exit codes ----------------------------------------------------------------


def _all_findings(repo: Repo) -> list[tuple[str, dict]]:
    return [(rel, f) for rel, fs in _findings(repo.run).items() for f in fs]


def _assert_no_skipped(output: str) -> None:
    for marker in SKIPPED_MARKERS:
        assert marker not in output, marker


def _check_output(fmt: str, out: str, repo: Repo) -> None:
    findings = _all_findings(repo)
    if fmt == "json":
        doc = json.loads(out)
        from quotecheck.render.run_json import validate_run

        validate_run(doc)
        assert doc["reports"] == repo.run["reports"]
    elif fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines() if line.strip()]
        assert len(records) == len(findings)
        got = {(_norm(r["path"]), r["rule"], r["line"], r["column"]) for r in records}
        assert got == {(rel, f["rule"], f["line"], f["column"]) for rel, f in findings}
    elif fmt == "sarif":
        _check_sarif(json.loads(out), findings)
    elif fmt == "github":
        pattern = re.compile(
            r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+)"
            r"(?:,endLine=\d+,endColumn=\d+)?,title=quotecheck ([a-z-]+)::"
        )
        got = set()
        lines = [line for line in out.splitlines() if line.strip()]
        for line in lines:
            m = pattern.match(line)
            assert m, line
            got.add((_norm(m.group(2)), m.group(5), int(m.group(3)), int(m.group(4)), m.group(1)))
        level = {"error": "error", "warning": "warning", "info": "notice"}
        assert len(lines) == len(findings)
        assert got == {(rel, f["rule"], f["line"], f["column"], level[f["severity"]]) for rel, f in findings}
    elif fmt == "junit":
        _check_junit(out)
    elif fmt == "markdown":
        assert out.startswith("## quotecheck")
        for _, f in findings:
            assert f"{f['line']}:{f['column']}" in out
        for rel, fs in _findings(repo.run).items():
            if fs:
                assert re.search(rf"^### .*{re.escape(posixpath.basename(rel))}", out, re.M), rel
    elif fmt == "text":
        for rel, f in findings:
            assert re.search(
                rf"{re.escape(rel)}:{f['line']}:{f['column']}\s+{f['severity']}\s+{f['rule']}", out
            ), (rel, f)
    _assert_no_skipped(out)


def _check_sarif(log: dict, findings: list[tuple[str, dict]]) -> None:
    if not SARIF_SCHEMA.is_file():
        missing(f"the SARIF 2.1.0 schema {SARIF_SCHEMA}")
    from jsonschema import Draft4Validator

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    errors = sorted(Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]
    (run,) = log["runs"]
    assert sorted(_norm(a["location"]["uri"]) for a in run["artifacts"]) == sorted(CHECKED)
    got = []
    for result in run["results"]:
        (loc,) = result["locations"]
        region = loc["physicalLocation"]["region"]
        uri = _norm(loc["physicalLocation"]["artifactLocation"]["uri"])
        got.append((uri, result["ruleId"], region["startLine"], region["startColumn"]))
        if "endColumn" in region:
            assert region["endLine"] == region["startLine"]
            assert (
                region["endColumn"] - region["startColumn"]
                == result["properties"]["end"] - result["properties"]["start"]
            )
    assert sorted(got) == sorted((rel, f["rule"], f["line"], f["column"]) for rel, f in findings)
    assert run["invocations"][0]["executionSuccessful"] is True


def _check_junit(out: str) -> None:
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    cases = {_norm(c.get("name")): c for c in root.iter("testcase")}
    assert sorted(cases) == sorted(CHECKED)
    failing = {rel for rel, c in cases.items() if c.find("failure") is not None}
    # fail-on = "warning" from quotecheck.toml: errors and warnings fail, info does not
    assert failing == {
        "news/local/water-plant.txt",
        "news/local/2025/07/water-plant-update.md",
        "news/local/water-web.html",
        "news/world/trade/talks.txt",
    }
    assert int(root.get("failures")) == len(failing) and int(root.get("errors")) == 0
    assert int(root.get("tests")) == len(CHECKED)
    feature = cases["features/stadium.md"]
    assert LOADED in (feature.findtext("system-out") or "")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_exit_codes_and_output(repo, fmt, tmp_path):
    done = repo.cli("check", "--format", fmt, ".")
    assert done.returncode == 1, done.stderr  # errors and warnings; fail-on = "warning"
    assert done.stderr == ""
    _check_output(fmt, done.stdout, repo)

    out = tmp_path / f"report.{fmt}"
    quiet = repo.cli("check", "--format", fmt, "--exit-zero", "-o", str(out), ".")
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == ""
    assert out.read_text(encoding="utf-8").rstrip("\n") == done.stdout.rstrip("\n")

    # an input error: exit 2, even with --exit-zero; the other articles are still reported
    broken = repo.cli("check", "--format", fmt, "--exit-zero", ".", "news/missing.txt")
    assert broken.returncode == 2
    assert "news/missing.txt" in broken.stderr
    assert "water-plant.txt" in broken.stdout
    assert repo.cached_entries() == repo.entries, "a warm run parsed something again"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["news/weather/ice-storm.html"], 0),  # no findings at all
        (["opinion"], 0),  # only loaded verbs, turned off
        (["features"], 0),  # info findings only
        (["news/world/trade"], 1),  # warnings, config fail-on warning
        (["--fail-on", "error", "news/world/trade"], 0),  # the command line wins
        (["--fail-on", "info", "features"], 1),
        (["news/local/water-web.html"], 1),  # an error
        (["--exit-zero", "news/local"], 0),
        ([".", "!news/**"], 0),  # exclusions leave no warnings
        (["drafts"], 1),  # a directory named is walked
        (["no-such-folder"], 2),
        (["--fail-on", "nope", "."], 2),  # usage error
    ],
)
def test_exit_codes(repo, args, expected):
    done = repo.cli("check", "--format", "json", *args)
    assert done.returncode == expected, (args, done.stderr)
    if args == ["drafts"]:
        assert "drafts/boil-water.txt" in done.stdout
    if args[0] == "." and expected == 0:
        assert "news/" not in done.stdout and "features/stadium.md" in done.stdout


def test_a_broken_configuration_exits_2_and_names_it(repo, tmp_path):
    bad = tmp_path / "strict.toml"
    bad.write_text('fail-on = "warn"\n', encoding="utf-8")
    done = repo.cli("check", "--config", str(bad), ".")
    assert done.returncode == 2
    assert "strict.toml" in done.stderr and "fail-on" in done.stderr
    assert done.stdout == ""


def test_json_for_one_file_is_a_report(repo):
    from quotecheck.schema import validate_report

    done = repo.cli("check", "--format", "json", "news/world/trade/talks.txt")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    validate_report(report)
    assert report["findings"] == _findings(repo.run)["news/world/trade/talks.txt"]


# -- baselines ------------------------------------------------------------------------------


NEW_PROBLEM = "“Nobody will say who pays for the new mills.”"


def test_baseline_reports_only_the_new_finding(repo, tmp_path):
    root = tmp_path / "newsroom"
    shutil.copytree(repo.root, root, symlinks=True)
    created = repo.cli("baseline", "create", ".", "-o", "quotecheck-baseline.json", cwd=root)
    assert created.returncode == 0, created.stderr
    total = sum(len(fs) for fs in _findings(repo.run).values())
    assert f"recorded {total} finding(s) from {len(CHECKED)} file(s)" in created.stdout
    baseline = json.loads((root / "quotecheck-baseline.json").read_text(encoding="utf-8"))
    assert len(baseline["findings"]) == total
    assert not any(m in json.dumps(baseline) for m in SKIPPED_MARKERS)

    clean = repo.cli("check", "--baseline", "quotecheck-baseline.json", "--format", "json", ".", cwd=root)
    assert clean.returncode == 0, clean.stderr
    assert all(not r["findings"] for r in json.loads(clean.stdout)["reports"])

    # a new unattributed quotation near the top: every later line moves down two lines
    talks = root / "news/world/trade/talks.txt"
    first, rest = talks.read_text(encoding="utf-8").split("\n\n", 1)
    talks.write_text(f"{first}\n\n{NEW_PROBLEM}\n\n{rest}", encoding="utf-8")
    for fmt in ("jsonl", "github"):
        done = repo.cli("check", "--baseline", "quotecheck-baseline.json", "--format", fmt, ".", cwd=root)
        assert done.returncode == 1, done.stderr
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        assert len(lines) == 1, lines
        if fmt == "jsonl":
            (record,) = map(json.loads, lines)
            assert _norm(record["path"]) == "news/world/trade/talks.txt"
            assert record["rule"] == "unattributed-quote" and (record["line"], record["column"]) == (3, 1)
            text = talks.read_text(encoding="utf-8")
            assert text[record["start"] : record["end"]] == NEW_PROBLEM
        else:
            assert lines[0].startswith("::error file=./news/world/trade/talks.txt,line=3,col=1,")
    # only the edited article was parsed again (the model loaded once for it)
    assert repo.cached_entries() == repo.entries + 1
    # the baseline does not hide the finding from a run without it
    full = repo.cli("check", "--format", "jsonl", "news/world/trade", cwd=root)
    assert full.returncode == 1
    assert len(full.stdout.splitlines()) == len(_findings(repo.run)["news/world/trade/talks.txt"]) + 1
