"""The files a CI or pre-commit integration reads: .pre-commit-hooks.yaml and docs/ci.md."""

import re

import yaml

from quotecheck.cli import OUTPUT_FORMATS
from quotecheck.documents import EXTENSIONS
from quotecheck.testing import ROOT


def test_pre_commit_hooks_run_the_cli_on_every_article_extension():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} == {"quotecheck", "quotecheck-system"}
    for hook in hooks:
        # the CLI, with the ignore files applied to the staged files and findings-only output
        assert hook["entry"] == "quotecheck check --force-exclude --quiet" and hook["require_serial"] is True
        files = re.compile(hook["files"])
        for ext in EXTENSIONS:
            if ext in (".text",):
                continue
            assert files.search(f"articles/world/a{ext}"), ext
        assert not files.search("src/app.py")


def test_ci_doc_uses_only_formats_and_options_that_exist():
    doc = (ROOT / "docs" / "ci.md").read_text()
    for fmt in re.findall(r"--format (\w+)", doc):
        assert fmt in OUTPUT_FORMATS
    assert "upload-sarif" in doc and "junit: quotecheck.xml" in doc and "--baseline" in doc


def test_github_action_installs_the_cpu_torch_caches_and_uploads_sarif():
    """action.yml (issue 12): a composite action that sets up Python, installs quotecheck from
    this repository after the CPU torch, caches the model and the parse cache, writes SARIF and
    uploads it, and annotates with --format github."""
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "").split("@")[0] for s in steps]
    assert uses[0] == "actions/setup-python" and "github/codeql-action/upload-sarif" in uses
    cached = [s["with"]["path"] for s in steps if s.get("uses", "").startswith("actions/cache")]
    assert cached == ["${{ inputs.model-dir }}", ".quotecheck-cache"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "download.pytorch.org/whl/cpu" in runs and '"${{ github.action_path }}"' in runs
    assert runs.index("torch==") < runs.index("github.action_path")
    assert "--format sarif -o quotecheck.sarif" in runs and "--format github" in runs
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "quotecheck.sarif"


def test_ci_doc_has_no_placeholder_urls():
    doc = (ROOT / "docs" / "ci.md").read_text()
    assert "example.org" not in doc and "example.com" not in doc
    assert "codequality: gl-code-quality-report.json" in doc and "--format gitlab" in doc


def test_shell_completion_as_documented():
    from click.testing import CliRunner

    from quotecheck.cli import main

    assert "_QUOTECHECK_COMPLETE=bash_source quotecheck" in (ROOT / "README.md").read_text()
    script = CliRunner().invoke(main, [], env={"_QUOTECHECK_COMPLETE": "bash_source"}, prog_name="quotecheck")
    assert "complete " in script.output and "_QUOTECHECK_COMPLETE" in script.output
