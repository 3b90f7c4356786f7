"""End to end on the real stanza pipeline with the compact model (marker ``e2e``).

A smaller set than the stored-parse tests: the seed article through the installed CLI, the
fixture articles through one in-process Checker (their reports must equal the ones from the
stored parses, so the stored parses are what the model produces), and the CLI on many files,
on stdin and with a bad file among good ones.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from seed_expectations import check_seed

from quotecheck.documents import read_document
from quotecheck.schema import validate_report
from quotecheck.testing import ARTICLES, article_names, require_seed, stored_report

pytestmark = pytest.mark.e2e


CACHE = tempfile.mkdtemp(prefix="quotecheck-e2e-cache-")  # a fresh parse cache for this test run


def cli(*args, model_dir, input=None, cwd=None):
    exe = Path(sys.executable).with_name("quotecheck")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "quotecheck.cli"]
    env = dict(os.environ, QUOTECHECK_MODEL_DIR=model_dir, QUOTECHECK_CACHE_DIR=CACHE)
    return subprocess.run(cmd + list(args), input=input, capture_output=True, env=env, cwd=cwd, timeout=300)


def test_seed_article_through_the_cli(model_dir, tmp_path):
    seed = require_seed()
    out = tmp_path / "seed.json"
    done = cli("check", "--format", "json", str(seed), "-o", str(out), model_dir=model_dir)
    assert done.returncode == 0, done.stderr.decode()  # warnings and info only
    report = json.loads(out.read_text(encoding="utf-8"))
    validate_report(report)
    check_seed(report)

    text = cli("check", str(seed), model_dir=model_dir)
    assert text.returncode == 0
    shown = text.stdout.decode()
    assert "Marine Gen. James L. Jones" in shown and "one NATO source" in shown
    assert "anonymity-unexplained" in shown and "\x1b[" not in shown  # no colour in a pipe


def test_fixture_reports_from_the_live_model_match_the_stored_parses(checker):
    names = article_names()
    docs = [read_document(str(ARTICLES / n)) for n in names]
    live = [result.report for result in checker.check_documents(docs)]
    for name, report in zip(names, live, strict=True):
        validate_report(report)
        stored = stored_report(ARTICLES / name)
        for key in ("quotes", "sources", "findings", "summary"):
            assert report[key] == stored[key], (
                f"{name}: {key} differ between the live model and the stored parse"
            )


def test_directory_stdin_and_bad_files(model_dir, tmp_path):
    tree = tmp_path / "articles"
    (tree / "world").mkdir(parents=True)
    shutil.copy(ARTICLES / "02-floating-pronouns.txt", tree / "a.txt")
    shutil.copy(ARTICLES / "18-md-council-rentals.md", tree / "world" / "b.md")
    shutil.copy(ARTICLES / "22-html-port-terminal.html", tree / "world" / "c.html")
    (tree / "world" / "broken.txt").write_bytes(b"binary\x00data")
    out = tmp_path / "all.json"
    done = cli("check", "--format", "json", str(tree), "-o", str(out), model_dir=model_dir)
    assert done.returncode == 2  # the broken file
    assert "broken.txt" in done.stderr.decode() and "binary" in done.stderr.decode()
    reports = json.loads(out.read_text())["reports"]
    assert sorted(Path(r["document"]["path"]).name for r in reports) == ["a.txt", "b.md", "c.html"]
    for r in reports:
        validate_report(r)

    html = (ARTICLES / "21-html-ice-storm.html").read_bytes()
    piped = cli("check", "--input-format", "html", "--format", "json", "-", input=html, model_dir=model_dir)
    assert piped.returncode == 0, piped.stderr.decode()
    report = json.loads(piped.stdout)
    assert report["document"]["path"] == "<stdin>"
    html_text = html.decode("utf-8")
    worst = next(q for q in report["quotes"] if q["text"].startswith("This is the worst ice"))
    # offsets point into the HTML source, where the quotation mark is an entity
    assert html_text[worst["start"] :].startswith(("&ldquo;", "&#8220;", "“"))


def test_warm_cache_gives_the_same_reports_without_loading_the_model(model_dir, tmp_path):
    from quotecheck.api import Checker

    docs = [read_document(str(ARTICLES / n)) for n in ("01-layouts-said.txt", "21-html-ice-storm.html")]
    cold = Checker(model_dir, cache_dir=tmp_path)
    first = cold.check_documents(docs)
    assert cold.parser._nlp is not None and cold.cache.stats.writes == 2
    warm = Checker(model_dir, cache_dir=tmp_path)
    second = warm.check_documents(docs)
    assert warm.parser._nlp is None  # every parse came from the cache: the model never loaded
    assert warm.cache.stats.hits == 2 and second == first
    edited = [docs[0], read_document(str(ARTICLES / "02-floating-pronouns.txt"))]
    third = Checker(model_dir, cache_dir=tmp_path)
    third.check_documents(edited)
    assert third.cache.stats.hits == 1 and third.cache.stats.misses == 1  # only the new text is parsed


def test_parallel_jobs_give_the_same_parses_in_order(model_dir):
    from quotecheck.parsing import Parser, resolve_model_dir, to_conllu

    texts = [read_document(str(ARTICLES / n)).text for n in article_names()[:6]]
    serial = Parser(resolve_model_dir(model_dir), batch_docs=2)
    parallel = Parser(resolve_model_dir(model_dir), batch_docs=2)
    seen = []
    two = parallel.parse_parallel(texts, jobs=2, on_batch=seen.append)
    assert parallel._nlp is None  # the parent process never loaded the model: the workers did
    assert [len(b) for b in seen] == [2, 2, 2]
    assert [to_conllu(p) for p in two] == [to_conllu(p) for p in serial.parse_texts(texts)]


def test_summarize_an_archive_from_articles(model_dir, tmp_path):
    """summarize on a directory of articles: discovery (.quotecheckignore keeps the spec out),
    the live model, then the same summary as the stored parses give (test_summary_golden)."""
    from test_summary_golden import archive_summary

    from quotecheck.testing import ROOT

    out = tmp_path / "summary.json"
    done = cli(
        "summarize",
        "fixtures/archive",
        "--by",
        "section",
        "--by",
        "month",
        "-o",
        str(out),
        model_dir=model_dir,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(out.read_text(encoding="utf-8")) == archive_summary()
    md = cli("summarize", "fixtures/archive", model_dir=model_dir, cwd=ROOT)  # warm: cached parses
    assert md.returncode == 0 and md.stdout.decode().startswith("# Sourcing summary")
    assert "| all | 8 | 31 |" in md.stdout.decode()
