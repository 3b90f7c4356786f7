"""The command line as new users meet it (issue 12): colour, output formats chosen by the -o
extension, one page per article, ignore files for named files, concise output, paths relative
to the repository root, baselines that survive changed counts, GitLab Code Quality, summary
errors. The Checker is replaced by one that reads stored parses (see test_cli.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import StoredChecker
from test_render_ci import assert_valid_sarif, sarif_validator  # noqa: F401  (a fixture)

from quotecheck import cli
from quotecheck.terminal import use_color
from quotecheck.testing import ARTICLES

WARNED = "05-anonymous-groups-plant-closing.txt"  # findings, no error
SHARE = "04-anonymous-official-reasons.txt"  # an anonymous-share finding


@pytest.fixture
def stored(monkeypatch):
    import quotecheck.api

    StoredChecker.instances = 0
    monkeypatch.setattr(quotecheck.api, "Checker", StoredChecker)
    return StoredChecker


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli.main, list(args), env=env)


def _repo(tmp_path: Path, files: dict[str, str]) -> Path:
    """A git work tree (a .git folder is enough) with articles copied from the fixtures."""
    (tmp_path / ".git").mkdir()
    for rel, fixture in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ARTICLES / fixture, tmp_path / rel)
    return tmp_path


# -- 3. colour ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "choice,terminal,env,expected",
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": "0"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_choice(choice, terminal, env, expected):
    assert use_color(choice, terminal, env) is expected


def test_color_always_colours_a_pipe_and_never_or_no_color_does_not(stored):
    path = str(ARTICLES / WARNED)
    assert "\x1b[" in run("check", "--color", "always", path).stdout
    assert "\x1b[" in run("check", path, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("check", "--color", "never", path, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("check", "--no-color", path, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" not in run("check", path).stdout


# -- 7. the format from the -o extension ---------------------------------------------------------


@pytest.mark.parametrize(
    "name,check",
    [
        ("page.html", lambda text: text.startswith("<!DOCTYPE html>")),
        ("qc.sarif", lambda text: json.loads(text)["version"] == "2.1.0"),
        ("report.json", lambda text: json.loads(text)["document"]["format"] == "text"),
        ("report.xml", lambda text: text.startswith("<?xml")),
    ],
)
def test_output_format_from_the_extension(stored, tmp_path, name, check):
    out = tmp_path / name
    result = run("check", str(ARTICLES / WARNED), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert check(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("command", ["check", "summarize"])
def test_unknown_output_extension_is_a_usage_error(stored, tmp_path, command):
    result = run(command, str(ARTICLES / WARNED), "-o", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2
    assert "x.pdf" in result.stderr and "--format" in result.stderr
    assert not (tmp_path / "x.pdf").exists()
    assert stored.instances == 0  # refused before anything was checked


def test_output_name_without_an_extension_gets_the_default_format(stored, tmp_path):
    """A name with no extension (a device such as /dev/stdout, or `report`) is no unknown
    extension: check writes text and summarize Markdown, as without -o."""
    report, summary = tmp_path / "report", tmp_path / "summary"
    assert run("check", str(ARTICLES / WARNED), "-o", str(report)).exit_code == 0
    assert report.read_text(encoding="utf-8") == run("check", str(ARTICLES / WARNED)).stdout
    assert run("summarize", str(ARTICLES / WARNED), "-o", str(summary)).exit_code == 0
    assert summary.read_text(encoding="utf-8").startswith("# ")


def test_html_over_several_files_fails_before_parsing(stored, tmp_path):
    result = run("check", "--format", "html", str(ARTICLES / WARNED), str(ARTICLES / SHARE))
    assert result.exit_code == 2 and "--output-dir" in result.stderr
    assert stored.instances == 0  # nothing was parsed


def test_output_dir_writes_one_page_per_article(stored, tmp_path, monkeypatch):
    repo = _repo(tmp_path, {f"news/{WARNED}": WARNED, f"news/{SHARE}": SHARE})
    monkeypatch.chdir(repo)
    result = run("check", "--format", "html", "news", "--output-dir", "pages")
    assert result.exit_code == 0, result.output
    pages = sorted(p.relative_to(repo).as_posix() for p in (repo / "pages").rglob("*.html"))
    assert pages == sorted([f"pages/news/{SHARE}.html", f"pages/news/{WARNED}.html"])
    assert "<!DOCTYPE html>" in (repo / f"pages/news/{WARNED}.html").read_text()


# -- 6. --force-exclude and concise output -------------------------------------------------------


def test_force_exclude_applies_ignore_files_to_named_files(stored, tmp_path, monkeypatch):
    repo = _repo(tmp_path, {f"drafts/{WARNED}": WARNED, f"news/{SHARE}": SHARE})
    (repo / ".quotecheckignore").write_text("drafts/\n")
    monkeypatch.chdir(repo / "news")
    named = [f"../drafts/{WARNED}", SHARE]
    both = run("check", "--format", "json", *named)
    assert len(json.loads(both.stdout)["reports"]) == 2  # a named file is checked by default
    forced = run("check", "--format", "json", "--force-exclude", *named)
    assert [r["document"]["path"] for r in json.loads(forced.stdout)["reports"]] == [SHARE]


def test_quiet_prints_findings_only(stored):
    path = str(ARTICLES / WARNED)
    quiet = run("check", "--quiet", path)
    concise = run("check", "--output-format", "concise", path)
    assert quiet.stdout == concise.stdout
    lines = quiet.stdout.splitlines()
    assert lines and all(line.startswith(f"{path}:") for line in lines)
    assert "Checked" not in quiet.stdout  # no summary line, no per-source sections


# -- 8. paths relative to the repository root ---------------------------------------------------


def test_sarif_and_github_paths_are_relative_to_the_repository_root(
    stored,
    tmp_path,
    monkeypatch,
    sarif_validator,  # noqa: F811
):
    repo = _repo(tmp_path, {f"site/news/{WARNED}": WARNED})
    monkeypatch.chdir(repo / "site")
    sarif = run("check", "--format", "sarif", f"news/{WARNED}")
    log = json.loads(sarif.stdout)
    assert_valid_sarif(sarif_validator, log)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]
    }
    assert uris == {f"site/news/{WARNED}"}
    assert log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    github = run("check", "--format", "github", f"news/{WARNED}")
    assert f"file=site/news/{WARNED}," in github.stdout
    rooted = run("check", "--format", "github", "--root", ".", f"news/{WARNED}")
    assert f"file=news/{WARNED}," in rooted.stdout


# -- 9. baselines ---------------------------------------------------------------------------------


def test_baseline_survives_a_changed_count(stored, tmp_path, monkeypatch):
    """The anonymous-share message carries counts; a changed count is not a new finding."""
    import quotecheck.api

    monkeypatch.chdir(_repo(tmp_path, {SHARE: SHARE}))
    assert run("baseline", "create", SHARE).exit_code == 0
    recorded = json.loads(Path("quotecheck-baseline.json").read_text())
    assert recorded["quotecheck_baseline"] == 2

    class CountChanged(StoredChecker):
        def check_documents(self, docs, settings=None, progress=None, errors=None):
            results = super().check_documents(docs, settings)
            for r in results:
                for f in r.report["findings"]:
                    f["message"] = f["message"].replace("4 of 5", "5 of 6")
            return results

    monkeypatch.setattr(quotecheck.api, "Checker", CountChanged)
    result = run("check", "--format", "json", "--baseline", "quotecheck-baseline.json", SHARE)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_old_baseline_asks_to_be_recreated(stored, tmp_path):
    old = tmp_path / "b.json"
    old.write_text(json.dumps({"quotecheck_baseline": 1, "findings": []}))
    result = run("check", "--baseline", str(old), str(ARTICLES / WARNED))
    assert result.exit_code == 2 and "recreate it with `quotecheck baseline create`" in result.stderr


# -- 10. GitLab Code Quality -----------------------------------------------------------------------


def test_gitlab_code_quality_shape(stored, tmp_path, monkeypatch):
    """The fields GitLab documents for a Code Quality report, with their types."""
    monkeypatch.chdir(_repo(tmp_path, {f"news/{WARNED}": WARNED}))
    result = run("check", "--format", "gitlab", f"news/{WARNED}")
    issues = json.loads(result.stdout)
    assert issues and isinstance(issues, list)
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == f"news/{WARNED}"
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert all(
            isinstance(issue[k], str) and issue[k] for k in ("description", "check_name", "fingerprint")
        )
    assert len({i["fingerprint"] for i in issues}) == len(issues)


# -- 12. summarize --by a field no article has ------------------------------------------------------


def test_summarize_by_a_misspelt_field(stored, tmp_path, monkeypatch):
    monkeypatch.chdir(_repo(tmp_path, {"18-md-council-rentals.md": "18-md-council-rentals.md"}))
    result = run("summarize", "--by", "sectoin", "18-md-council-rentals.md")
    assert result.exit_code == 2
    assert "did you mean section?" in result.stderr
