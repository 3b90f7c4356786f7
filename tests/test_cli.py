"""The command line without a model: usage and input errors, model commands, exit codes.

Checking itself is covered end to end in test_e2e.py; here the Checker is replaced by one that
reads stored parses, so exit codes and outputs are tested fast and deterministically.
"""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecheck import cli
from quotecheck.parsing import ENV_MODEL_DIR, Parse
from quotecheck.schema import validate_report
from quotecheck.testing import ARTICLES, load_stored


class StoredChecker:
    """Stands in for quotecheck.api.Checker: results from stored fixture parses."""

    instances = 0

    def __init__(self, model_dir=None, **kwargs):
        StoredChecker.instances += 1

    def check_documents(self, docs, settings=None, progress=None, errors=None):
        self.progress = progress
        from quotecheck.api import analyze

        results = []
        for i, doc in enumerate(docs):
            name = doc.path.rsplit("/", 1)[-1]
            # an empty article has nothing to parse (as in Checker.parse_documents)
            parse = Parse((), "stored") if not doc.text.strip() else load_stored(ARTICLES / name)[1]
            lexicon, rules = settings[i] if settings else (None, None)
            results.append(analyze(doc, parse, lexicon, rules))
        return results


@pytest.fixture
def stored(monkeypatch):
    import quotecheck.api

    StoredChecker.instances = 0
    monkeypatch.setattr(quotecheck.api, "Checker", StoredChecker)
    return StoredChecker


def run(*args, input=None):
    return CliRunner().invoke(cli.main, list(args), input=input)


def test_text_report_groups_by_source_and_exit_code_follows_fail_on(stored):
    path = str(ARTICLES / "22-html-port-terminal.html")  # info findings only
    result = run("check", path)
    assert result.exit_code == 0, result.output
    assert "a senior port official" in result.output
    assert run("check", "--fail-on", "warning", path).exit_code == 0
    assert run("check", "--fail-on", "info", path).exit_code == 1
    warned = str(ARTICLES / "05-anonymous-groups-plant-closing.txt")  # warnings, no error
    assert run("check", warned).exit_code == 0
    assert run("check", "--fail-on", "warning", warned).exit_code == 1


def test_unattributed_quote_is_an_error(stored):
    result = run("check", str(ARTICLES / "12-unattributed-unbalanced.txt"))
    assert result.exit_code == 1
    assert "unattributed-quote" in result.output


def test_json_for_one_and_many_files(stored, tmp_path):
    one = tmp_path / "one.json"
    assert (
        run("check", "--format", "json", str(ARTICLES / "01-layouts-said.txt"), "-o", str(one)).exit_code == 0
    )
    validate_report(json.loads(one.read_text()))
    many = tmp_path / "many.json"
    result = run(
        "check",
        "--format",
        "json",
        str(ARTICLES / "01-layouts-said.txt"),
        str(ARTICLES / "18-md-council-rentals.md"),
        "-o",
        str(many),
    )
    assert result.exit_code == 0
    reports = json.loads(many.read_text())["reports"]
    assert [r["document"]["format"] for r in reports] == ["text", "markdown"]
    for r in reports:
        validate_report(r)
    assert stored.instances == 2  # one Checker per run: the model is loaded once per process


def test_bad_inputs_are_reported_and_the_rest_still_checked(stored, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe broken")
    empty = tmp_path / "empty.md"
    empty.write_text("   \n")
    out = tmp_path / "r.json"
    result = run(
        "check",
        "--format",
        "json",
        str(bad),
        str(ARTICLES / "01-layouts-said.txt"),
        str(empty),
        str(tmp_path / "missing.txt"),
        "-o",
        str(out),
    )
    assert result.exit_code == 2
    errors = [line for line in result.output.splitlines() if line.startswith("quotecheck: ")]
    assert len(errors) == 2
    assert any(str(bad) in e and "UTF-8" in e for e in errors)
    assert any("missing.txt" in e for e in errors)
    # an empty article is not an input error: it is checked, with nothing in it (issue 12)
    assert [r["document"]["path"] for r in json.loads(out.read_text())["reports"]] == [
        str(ARTICLES / "01-layouts-said.txt"),
        str(empty),
    ]


def test_empty_article_is_checked_with_nothing_in_it(stored, tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("")
    result = run("check", "--format", "json", str(empty))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    validate_report(report)
    assert report["summary"]["quotes"] == 0 and report["findings"] == []


def test_directory_without_articles(stored, tmp_path):
    (tmp_path / "notes.csv").write_text("a,b\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 2
    assert "no article files" in result.output
    assert stored.instances == 0  # nothing to check: no model is loaded


def test_stdin_is_read_as_the_given_format(stored, monkeypatch):
    html = (ARTICLES / "21-html-ice-storm.html").read_bytes()

    def named(docs):  # the stored parse is looked up by name; stdin has none
        from dataclasses import replace

        return [replace(d, path="21-html-ice-storm.html") for d in docs]

    original = StoredChecker.check_documents
    monkeypatch.setattr(
        StoredChecker,
        "check_documents",
        lambda self, docs, settings=None, progress=None, errors=None: original(self, named(docs), settings),
    )
    result = CliRunner().invoke(
        cli.main, ["check", "--input-format", "html", "--format", "json", "-"], input=html
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["document"]["format"] == "html"
    assert any(q["text"].startswith("This is the worst ice") for q in report["quotes"])


def test_usage_errors_exit_2():
    assert run("check").exit_code == 2
    assert run("check", "--format", "yaml", "x.txt").exit_code == 2
    assert run("check", "--fail-on", "fatal", "x.txt").exit_code == 2


def test_missing_model_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_MODEL_DIR, str(tmp_path / "nowhere"))
    result = run("check", str(ARTICLES / "01-layouts-said.txt"))
    assert result.exit_code == 2
    assert "quotecheck models download" in result.output and "--model-dir" in result.output


def test_models_info_and_failed_download(tmp_path, monkeypatch, model_dir):
    result = run("models", "info", "--model-dir", model_dir)
    assert result.exit_code == 0
    assert "found through:   --model-dir" in result.output and "depparse" in result.output

    import stanza

    def offline(*a, **k):
        raise OSError("network is unreachable")

    monkeypatch.setattr(stanza, "download", offline)
    result = run("models", "download", "--model-dir", str(tmp_path / "m"))
    assert result.exit_code == 2
    assert "network is unreachable" in result.output and ENV_MODEL_DIR in result.output


def _tree(tmp_path, config: str | None, files: dict[str, str]):
    """An article repository: {relative path: fixture name}, plus a quotecheck.toml."""
    import shutil

    for rel, fixture in files.items():
        target = tmp_path / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTICLES / fixture, target)
    if config is not None:
        (tmp_path / "quotecheck.toml").write_text(config)
    return tmp_path


def _findings(result_json: str) -> dict[str, list[tuple[str, str]]]:
    data = json.loads(result_json)
    reports = data.get("reports", [data])
    return {
        r["document"]["path"].rsplit("/", 2)[-2]: [(f["rule"], f["severity"]) for f in r["findings"]]
        for r in reports
    }


def test_config_is_discovered_and_overrides_apply_by_path(stored, tmp_path):
    loaded = "31-opinion-column.md"  # "declared", "laughed", "insisted", "conceded", "claimed", "admitted"
    root = _tree(
        tmp_path,
        """
fail-on = "warning"
[rules]
loaded-attribution-verb = "warning"
[[overrides]]
paths = ["opinion/**"]
rules = { loaded-attribution-verb = "off" }
""",
        {f"news/{loaded}": loaded, f"opinion/{loaded}": loaded},
    )
    result = run("check", "--format", "json", str(root / "news"), str(root / "opinion"))
    found = _findings(result.output)
    assert ("loaded-attribution-verb", "warning") in found["news"]
    assert not any(rule == "loaded-attribution-verb" for rule, _ in found["opinion"])
    assert result.exit_code == 1  # fail-on = "warning" from the configuration
    # the command line wins over the configuration
    assert run("check", "--fail-on", "error", str(root / "news")).exit_code == 0


def test_explicit_config_replaces_discovery(stored, tmp_path):
    root = _tree(
        tmp_path,
        '[rules]\nunattributed-quote = "off"\n',
        {"a/12-unattributed-unbalanced.txt": "12-unattributed-unbalanced.txt"},
    )
    assert run("check", str(root / "a")).exit_code == 0  # discovered: the error rule is off
    other = tmp_path / "strict.toml"
    other.write_text('[rules]\nunbalanced-quote = "error"\n')
    result = run("check", "--config", str(other), "--format", "json", str(root / "a"))
    assert result.exit_code == 1
    rules = dict(_findings(result.output)["a"])
    assert rules["unattributed-quote"] == "error" and rules["unbalanced-quote"] == "error"


def test_bad_config_stops_the_run_with_a_one_line_error(stored, tmp_path):
    root = _tree(
        tmp_path, '[rules]\nanonymous-shar = "warning"\n', {"a/01-layouts-said.txt": "01-layouts-said.txt"}
    )
    result = run("check", str(root / "a"))
    assert result.exit_code == 2
    message = [line for line in result.output.splitlines() if line.startswith("quotecheck: ")]
    assert len(message) == 1
    assert (
        "quotecheck.toml" in message[0] and "anonymous-shar" in message[0] and "anonymous-share" in message[0]
    )
    assert stored.instances == 0  # no model is loaded for a run that cannot proceed


def test_lexicon_additions_from_config_reach_the_analysis(stored, tmp_path):
    root = _tree(
        tmp_path,
        '[lexicon]\nloaded-verbs = ["warned"]\n[rules]\nloaded-attribution-verb = "error"\n',
        {"a/11-partial-quotes-verbs-titles.txt": "11-partial-quotes-verbs-titles.txt"},
    )
    result = run("check", "--format", "json", str(root / "a"))
    report = json.loads(result.output)["reports"][0]
    messages = [f["message"] for f in report["findings"] if f["rule"] == "loaded-attribution-verb"]
    assert any("“warned”" in m for m in messages)


def test_exit_zero_keeps_the_report_but_not_the_failure(stored):
    path = str(ARTICLES / "12-unattributed-unbalanced.txt")
    assert run("check", path).exit_code == 1
    result = run("check", "--exit-zero", path)
    assert result.exit_code == 0 and "unattributed-quote" in result.output


def test_baseline_reports_only_new_findings(stored, tmp_path):
    import shutil

    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(ARTICLES / "12-unattributed-unbalanced.txt", repo / "12-unattributed-unbalanced.txt")
    shutil.copy(ARTICLES / "24-trade-talks-descriptors.txt", repo / "24-trade-talks-descriptors.txt")
    base = tmp_path / "baseline.json"
    created = run("baseline", "create", str(repo / "12-unattributed-unbalanced.txt"), "-o", str(base))
    assert created.exit_code == 0 and "recorded" in created.output
    recorded = json.loads(base.read_text())
    assert {e["rule"] for e in recorded["findings"]} == {"unattributed-quote", "unbalanced-quote"}

    # the old file's findings are known; the other file's are new
    out = tmp_path / "r.json"
    result = run(
        "check",
        "--baseline",
        str(base),
        "--fail-on",
        "warning",
        "--format",
        "json",
        str(repo),
        "-o",
        str(out),
    )
    reports = {Path(r["document"]["path"]).name: r for r in json.loads(out.read_text())["reports"]}
    assert reports["12-unattributed-unbalanced.txt"]["findings"] == []
    assert reports["12-unattributed-unbalanced.txt"]["summary"]["findings"] == {
        "error": 0,
        "warning": 0,
        "info": 0,
    }
    assert reports["24-trade-talks-descriptors.txt"]["findings"]
    assert result.exit_code == 1  # new warnings in the other file
    for r in reports.values():
        validate_report(r)
    assert run("check", "--baseline", str(base), str(repo / "12-unattributed-unbalanced.txt")).exit_code == 0


def test_bad_baseline_is_a_usage_error(stored, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text('{"not": "a baseline"}')
    result = run("check", "--baseline", str(bad), str(ARTICLES / "01-layouts-said.txt"))
    assert result.exit_code == 2 and "not a quotecheck baseline" in result.output


def test_no_progress_bar_when_not_on_a_terminal(stored, monkeypatch):
    seen = []
    original = StoredChecker.check_documents
    monkeypatch.setattr(
        StoredChecker,
        "check_documents",
        lambda self, docs, settings=None, progress=None, errors=None: (
            seen.append(progress) or original(self, docs, settings)
        ),
    )
    assert run("check", str(ARTICLES / "01-layouts-said.txt")).exit_code == 0
    assert seen == [None]  # CliRunner's stderr is not a terminal


def test_progress_bar_counts_words(capsys):
    import io

    from quotecheck.terminal import ArticleProgress

    stream = io.StringIO()
    advance = ArticleProgress(stream).parsing(2, 6)
    advance(["one two three"])
    advance(["four five six"])  # reaching the total closes the bar
    assert "parsing 6 words" in stream.getvalue() and "1/2" in stream.getvalue()


class _ProgressChecker(StoredChecker):
    """Drives its progress display as quotecheck.api.Checker does: the model load, then one
    advance per article."""

    def check_documents(self, docs, settings=None, progress=None, errors=None):
        if progress is not None:
            progress.loading_model("stored model")
            advance = progress.parsing(len(docs), sum(len(d.text.split()) for d in docs))
            for doc in docs:
                advance([doc.text])
        return super().check_documents(docs, settings)


@pytest.mark.parametrize(
    "command",
    [["check"], ["check", "--format", "json"], ["summarize"], ["baseline", "create", "-o", "b.json"]],
)
def test_progress_per_article_with_the_model_load_as_a_step(monkeypatch, tmp_path, command):
    """--progress forces what a terminal gets: the model load, then the bar moving per
    article (issue 12); every checking command has it, and a run shows nothing unasked."""
    import quotecheck.api

    monkeypatch.setattr(quotecheck.api, "Checker", _ProgressChecker)
    monkeypatch.chdir(tmp_path)
    names = [str(ARTICLES / "01-layouts-said.txt"), str(ARTICLES / "03-seed-coast-guard-training.txt")]
    shown = CliRunner().invoke(cli.main, [*command, "--progress", *names])
    assert "quotecheck: loading the model (stored model)..." in shown.stderr
    assert "2/2" in shown.stderr and "article" in shown.stderr
    quiet = CliRunner().invoke(cli.main, [*command, *names])
    assert "loading the model" not in quiet.stderr  # CliRunner's stderr is not a terminal


def test_checker_loads_the_model_as_its_own_step():
    from quotecheck.api import Checker

    events = []

    class Display:
        def loading_model(self, description):
            events.append("loading")

        def parsing(self, articles, words):
            events.append(("parsing", articles, words))
            return lambda batch: events.append(("parsed", len(batch)))

    class Parser:
        def load(self):
            events.append("loaded")

        def parse_parallel(self, texts, jobs, on_batch):
            for t in texts:
                on_batch([t])
            return [Parse((), "m") for _ in texts]

    checker = object.__new__(Checker)
    checker.parser, checker.jobs, checker.cache = Parser(), 1, None
    checker.location = type("Location", (), {"path": "/models", "model_id": "m"})()
    docs = Checker.documents(["One two.", "Three."])
    assert len(checker.parse_documents(docs, Display())) == 2
    assert events == ["loading", "loaded", ("parsing", 2, 3), ("parsed", 1), ("parsed", 1)]


@pytest.mark.parametrize("fmt", ["text", "json", "jsonl", "sarif", "github", "junit", "markdown"])
def test_every_output_format_through_the_cli(stored, tmp_path, fmt):
    import xml.etree.ElementTree as ET

    root = _tree(
        tmp_path,
        None,
        {
            "news/12-unattributed-unbalanced.txt": "12-unattributed-unbalanced.txt",
            "news/01-layouts-said.txt": "01-layouts-said.txt",
        },
    )
    out = tmp_path / f"out.{fmt}"
    result = run("check", "--format", fmt, str(root / "news"), "-o", str(out))
    assert result.exit_code == 1  # the unattributed quotation is an error
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        from quotecheck.render.run_json import validate_run

        doc = json.loads(text)
        validate_run(doc)
        assert doc["summary"]["failing"] is True and len(doc["reports"]) == 2
    elif fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert {r["rule"] for r in rows} == {"unattributed-quote", "unbalanced-quote"}
    elif fmt == "sarif":
        doc = json.loads(text)
        results = doc["runs"][0]["results"]
        assert {r["ruleId"] for r in results} == {"unattributed-quote", "unbalanced-quote"}
        assert all(r["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1 for r in results)
    elif fmt == "github":
        assert any(
            line.startswith("::error file=") and "unattributed-quote" in line for line in text.splitlines()
        )
    elif fmt == "junit":
        suite = ET.fromstring(text).find("testsuite")
        assert suite.get("tests") == "2" and suite.get("failures") == "1"
    elif fmt == "markdown":
        assert "unattributed-quote" in text and text.lstrip().startswith("#")
    else:
        assert "Checked 2 files" in text


def test_stdin_filename_names_the_text_and_picks_format_and_config(stored, tmp_path, monkeypatch):
    root = _tree(
        tmp_path, '[[overrides]]\npaths = ["opinion/**"]\nrules = { loaded-attribution-verb = "off" }\n', {}
    )
    (root / "opinion").mkdir()
    monkeypatch.chdir(root)
    article = (ARTICLES / "31-opinion-column.md").read_bytes()
    result = CliRunner().invoke(
        cli.main,
        ["check", "--format", "json", "--stdin-filename", "opinion/31-opinion-column.md", "-"],
        input=article,
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["document"]["path"] == "opinion/31-opinion-column.md"
    assert report["document"]["format"] == "markdown"  # by the name's extension
    assert not any(f["rule"] == "loaded-attribution-verb" for f in report["findings"])  # its override


def test_configured_extensions_drive_discovery(stored, tmp_path, monkeypatch):
    import shutil

    (tmp_path / "quotecheck.toml").write_text('[extensions]\n".rst" = "text"\n".md" = "off"\n')
    (tmp_path / "news").mkdir()
    shutil.copy(ARTICLES / "01-layouts-said.txt", tmp_path / "news" / "01-layouts-said.rst")
    shutil.copy(ARTICLES / "18-md-council-rentals.md", tmp_path / "news" / "18-md-council-rentals.md")
    monkeypatch.chdir(tmp_path)
    seen: list[tuple[str, str]] = []

    def record(self, docs, settings=None, progress=None, errors=None):
        seen.extend((d.path, d.format) for d in docs)
        return []

    monkeypatch.setattr(StoredChecker, "check_documents", record)
    assert run("check", "news").exit_code == 0
    assert seen == [("news/01-layouts-said.rst", "text")]  # .rst is an article, .md is switched off
    seen.clear()
    assert run("check", "news/18-md-council-rentals.md").exit_code == 0  # a named file is always checked
    assert seen == [("news/18-md-council-rentals.md", "markdown")]  # "off" stops discovery, not reading


def test_baseline_fingerprints_do_not_depend_on_how_the_path_is_written(tmp_path, monkeypatch):
    from quotecheck import baseline

    (tmp_path / ".git").mkdir()
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path / "news")
    finding = {"rule": "vague-source", "message": "anonymous source described only as “A source”"}
    forms = ["a.md", "./a.md", str(tmp_path / "news" / "a.md"), "../news/a.md"]
    assert len({baseline.fingerprint(f, finding) for f in forms}) == 1
    assert baseline.canonical_path("./a.md") == "news/a.md"  # relative to the top of the work tree


def test_html_page_for_one_article(stored, tmp_path):
    out = tmp_path / "page.html"
    result = run(
        "check", "--format", "html", str(ARTICLES / "24-trade-talks-descriptors.txt"), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "<mark" in page and "vague-source" in page and "<script" not in page
    several = run(
        "check",
        "--format",
        "html",
        str(ARTICLES / "01-layouts-said.txt"),
        str(ARTICLES / "02-floating-pronouns.txt"),
    )
    assert several.exit_code == 2 and "one page per article" in several.output
