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
        assert hook["entry"] == "quotecheck check" and hook["require_serial"] is True
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
