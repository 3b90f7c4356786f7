"""The pre-commit hook end to end (issue 12): `pre-commit try-repo` installs the hook from this
repository into pre-commit's own environment, with the CPU build of torch, and runs it on
staged files with the ignore files applied (--force-exclude) and findings-only output.

Installing the environment takes about a minute (torch is a large wheel), so the test carries
the ``hook`` marker; CI runs it (``make test`` runs every test). No stanza model is loaded: the
files it checks are an empty article and an ignored file that would be an input error.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from quotecheck.testing import COMPACT_MODEL, ROOT

pytestmark = pytest.mark.hook

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _hook(hook_id: str) -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def test_hook_pins_the_cpu_torch_and_uses_force_exclude_and_quiet() -> None:
    hook = _hook("quotecheck")
    assert any(d.startswith("torch==") and d.endswith("+cpu") for d in hook["additional_dependencies"])
    for h in HOOKS:
        assert "--force-exclude" in h["entry"].split() and "--quiet" in h["entry"].split()


def test_hook_dependencies_resolve_without_cuda(tmp_path: Path) -> None:
    """What pip would install for the hook: the CPU torch, and no nvidia-* (CUDA) wheel."""
    report = tmp_path / "report.json"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--ignore-installed",
         "--report", str(report), str(ROOT), *_hook("quotecheck")["additional_dependencies"]],
        check=True,
        timeout=300,
    )  # fmt: skip
    names = {
        item["metadata"]["name"].lower(): item["metadata"]["version"]
        for item in json.loads(report.read_text())["install"]
    }
    assert names["torch"].endswith("+cpu")
    assert not [n for n in names if n.startswith("nvidia")]


@pytest.mark.skipif(not PRE_COMMIT.exists() or shutil.which("git") is None, reason="needs pre-commit and git")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    repo = tmp_path / "newsroom"
    (repo / "drafts").mkdir(parents=True)
    (repo / "drafts" / "broken.md").write_bytes(b"\xff\xfe not UTF-8")  # an input error if checked
    (repo / ".quotecheckignore").write_text("drafts/\n")
    (repo / "empty.md").write_text("")
    git = ["git", "-c", "user.email=ci@example.org", "-c", "user.name=CI"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "articles"], cwd=repo, check=True)
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "QUOTECHECK_MODEL_DIR": str(COMPACT_MODEL),
        "QUOTECHECK_CACHE_DIR": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [
            str(PRE_COMMIT),
            "try-repo",
            str(ROOT),
            "quotecheck",
            "--verbose",
            "--files",
            "drafts/broken.md",
            "empty.md",
        ],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "quotecheck (sourcing)" in done.stdout and "Passed" in done.stdout
    assert "broken.md" not in done.stdout  # the ignored draft was not checked
