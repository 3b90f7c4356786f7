"""The results cache (quotecheck/result_cache.py), without a model: the stand-in parser
(quotecheck.testing.fake_parse) parses, the real analysis and renderers do the rest."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import time
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

import quotecheck.api
from quotecheck import result_cache as rc
from quotecheck.api import analyze
from quotecheck.cache import CacheWarning, ParseCache
from quotecheck.cli import main
from quotecheck.documents import Document, document_from_bytes
from quotecheck.lexicons import default_lexicon
from quotecheck.render import OUTPUT_FORMATS
from quotecheck.result import ArticleResult
from quotecheck.result_cache import ResultCache, code_fingerprint, settings_fingerprint
from quotecheck.rules import RuleSettings
from quotecheck.testing import ARTICLES
from quotecheck.testing.fake_parse import FAKE_MODEL_ID, FakeParser, fake_parse

TEXT = "“We will rebuild the bridge,” Mayor Ann Lee said on Monday. “It matters,” a resident said.\n"
LEX = default_lexicon()


def doc_of(text: str = TEXT, path: str = "news/bridge.txt", fmt: str | None = None) -> Document:
    return document_from_bytes(text.encode("utf-8"), path, fmt)


def result_of(doc: Document, rules=None) -> ArticleResult:
    return analyze(doc, fake_parse(doc.text), LEX, rules)


@pytest.fixture
def cache(tmp_path: Path) -> ResultCache:
    return ResultCache(tmp_path / "cache", FAKE_MODEL_ID)


def stored(cache: ResultCache, doc: Document | None = None, rules=None) -> ArticleResult:
    """Put the result of ``doc`` (default :data:`TEXT`) into ``cache``; return it."""
    result = result_of(doc or doc_of(), rules)
    cache.put(result, LEX, rules)
    return result


# --------------------------------------------------------------------------- hits and misses


def test_miss_then_hit(cache: ResultCache):
    doc = doc_of()
    assert cache.get(doc, LEX, None) is None
    result = stored(cache, doc)
    assert result.report["findings"], "the article has findings to round-trip"
    hit = cache.get(doc_of(), LEX, None)
    assert hit is not None
    assert hit.report == result.report and list(hit.findings) == list(result.findings)
    assert hit.attributions is None and hit.sources is None, "a cached result carries no analysis objects"
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (1, 1, 1)
    path = cache.entry_path(doc, LEX, None)
    assert path is not None and path.parent.parent.name == "results-v1" and path.suffix == ".result"


def test_a_new_cache_object_reads_what_another_wrote(tmp_path: Path):
    result = stored(ResultCache(tmp_path, FAKE_MODEL_ID))
    hit = ResultCache(tmp_path, FAKE_MODEL_ID).get(doc_of(), LEX, None)
    assert hit is not None and hit.report == result.report


def test_key_depends_on_content_path_and_format(cache: ResultCache):
    stored(cache)
    assert cache.get(doc_of(TEXT.replace("Monday", "Tuesday")), LEX, None) is None
    assert cache.get(doc_of(path="news/other.txt"), LEX, None) is None
    assert cache.get(doc_of(fmt="markdown"), LEX, None) is None
    assert cache.get(doc_of(TEXT.replace("\n", "\r\n")), LEX, None) is None, "bytes, not just the text"
    assert cache.get(doc_of(), LEX, None) is not None


def test_key_depends_on_the_configuration(cache: ResultCache):
    stored(cache)
    more = LEX.with_additions({"loaded-verbs": ["bellowed"]})
    assert cache.get(doc_of(), more, None) is None, "lexicon additions"
    rules = {"loaded-attribution-verb": None}
    assert cache.get(doc_of(), LEX, rules) is None, "a rule turned off"
    warn = {"unattributed-quote": RuleSettings("info")}
    assert cache.get(doc_of(), LEX, warn) is None, "a rule's severity"
    assert settings_fingerprint(LEX, warn) != settings_fingerprint(
        LEX, {"unattributed-quote": RuleSettings("error")}
    )
    a = {"anonymous-share": RuleSettings("warning", {"max-share": 0.5})}
    b = {"anonymous-share": RuleSettings("warning", {"max-share": 0.25})}
    assert settings_fingerprint(LEX, a) != settings_fingerprint(LEX, b), "a rule's option"
    assert settings_fingerprint(LEX, None) == settings_fingerprint(default_lexicon(), None), "stable"
    assert cache.get(doc_of(), LEX, None) is not None


def test_the_stored_result_is_the_configured_one(cache: ResultCache):
    rules = {"unattributed-quote": RuleSettings("info")}
    plain, configured = stored(cache), stored(cache, rules=rules)
    assert plain.report != configured.report
    hit = cache.get(doc_of(), LEX, rules)
    assert hit is not None and hit.report == configured.report


def test_key_depends_on_model_version_and_code(cache: ResultCache, monkeypatch, tmp_path: Path):
    stored(cache)
    assert ResultCache(cache.directory, "stanza-other").get(doc_of(), LEX, None) is None
    monkeypatch.setattr(rc, "__version__", "99.0")
    assert ResultCache(cache.directory, FAKE_MODEL_ID).get(doc_of(), LEX, None) is None
    monkeypatch.undo()
    monkeypatch.setattr(rc, "code_fingerprint", lambda: "0" * 64)
    assert ResultCache(cache.directory, FAKE_MODEL_ID).get(doc_of(), LEX, None) is None
    monkeypatch.undo()
    assert ResultCache(cache.directory, FAKE_MODEL_ID).get(doc_of(), LEX, None) is not None


def test_code_fingerprint_covers_every_package_file(monkeypatch, tmp_path: Path):
    package = tmp_path / "quotecheck"
    shutil.copytree(rc._PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rc, "_PACKAGE", package)
    fingerprint = code_fingerprint.__wrapped__
    before = fingerprint()
    assert fingerprint() == before
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.cpython-311.pyc").write_bytes(b"bytecode")
    assert fingerprint() == before, "bytecode is not source"
    for changed in ("rules/core.py", "lexicons/loaded_verbs.txt"):
        original = (package / changed).read_bytes()
        (package / changed).write_bytes(original + b"\n")
        assert fingerprint() != before, changed
        (package / changed).write_bytes(original)
    (package / "new_module.py").write_text("X = 1\n")
    assert fingerprint() != before
    assert len(code_fingerprint()) == 64 and code_fingerprint() is code_fingerprint()


def test_settings_without_a_canonical_form_are_not_cached(cache: ResultCache):
    rules = {"unattributed-quote": RuleSettings("warning", {"odd": object()})}
    result = result_of(doc_of())
    cache.put(result, LEX, rules)
    assert cache.get(doc_of(), LEX, rules) is None
    assert cache.stats.writes == 0 and not cache.directory.exists()


# --------------------------------------------------------------------------- bad entries


def entry_bytes(cache: ResultCache, doc: Document | None = None) -> bytes:
    doc = doc or doc_of()
    stored(cache, doc)
    path = cache.entry_path(doc, LEX, None)
    assert path is not None
    return path.read_bytes()


def assert_bad(cache: ResultCache, data: bytes | None, doc: Document | None = None) -> None:
    doc = doc or doc_of()
    path = cache.entry_path(doc, LEX, None)
    assert path is not None
    if data is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    corrupt = cache.stats.corrupt
    assert cache.get(doc, LEX, None) is None
    assert cache.stats.corrupt == corrupt + 1
    assert not path.exists(), "a bad entry is removed"


def forged(line: dict) -> bytes:
    """An entry with a correct trailer around ``line``."""
    raw = json.dumps(line).encode()
    return raw + b"\n# end " + hashlib.sha256(raw).hexdigest().encode() + b"\n"


def test_truncated_and_corrupt_entries_are_misses_and_removed(cache: ResultCache):
    data = entry_bytes(cache)
    for cut in (0, 1, len(data) // 2, len(data) - 10, len(data) - 1):
        assert_bad(cache, data[:cut])
    for i in (5, len(data) // 2, len(data) - 30):
        flipped = bytearray(data)
        flipped[i] ^= 0x01
        assert_bad(cache, bytes(flipped))
    for garbage in (os.urandom(3000), b"\n\n", b"{}\n# end x\n", forged([]), forged({"format": 1})):
        assert_bad(cache, garbage)
    stored(cache)
    assert cache.get(doc_of(), LEX, None) is not None, "a good entry is written again after a bad one"


def test_forged_entries_are_misses(cache: ResultCache):
    doc = doc_of()
    good = json.loads(entry_bytes(cache, doc).split(b"\n", 1)[0])
    other = doc_of(path="news/other.txt")
    assert_bad(cache, entry_bytes(cache, other), doc)  # an intact entry of another key

    def variant(**changes) -> dict:
        return {**good, **changes}

    def first(items: list, **changes) -> list:
        """``items`` with its first item changed."""
        return [{**items[0], **changes}, *items[1:]]

    report, findings = good["report"], good["findings"]
    for line in (
        variant(format=2),
        variant(key="0" * 64),
        variant(report=[]),
        variant(report={**report, "document": {**report["document"], "sha256": "0" * 64}}),
        variant(report={**report, "findings": report["findings"][1:]}),
        variant(report={**report, "findings": first(report["findings"], rule="x")}),
        variant(findings=first(findings, end=len(doc.text) + 1)),
        variant(findings=first(findings, start=-1)),
        variant(findings=first(findings, severity="fatal")),
        variant(findings=first(findings, quote="q1")),
        variant(findings=first(findings, extra=1)),
        variant(findings=None),
    ):
        assert_bad(cache, forged(line), doc)
    assert_bad(cache, forged(good)[:-1] + b"x\n", doc)


def test_oversized_and_special_entries_are_misses(cache: ResultCache, tmp_path: Path):
    doc = doc_of()
    path = cache.entry_path(doc, LEX, None)
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b" " * (cache._max_entry_bytes(doc) + 1))
    assert cache.get(doc, LEX, None) is None
    path.unlink()
    target = tmp_path / "elsewhere.result"
    target.write_bytes(entry_bytes(ResultCache(tmp_path / "other", FAKE_MODEL_ID)))
    path.symlink_to(target)
    assert cache.get(doc, LEX, None) is None, "links are not followed"
    path.unlink()
    path.mkdir()
    assert cache.get(doc, LEX, None) is None
    stored(cache)
    assert cache.get(doc, LEX, None) is not None, "a directory at an entry's path is cleared on write"


def _writer(directory: str, rounds: int) -> int:
    """Write one key many times, reading back in between; the number of reads that saw
    something other than nothing or the right result."""
    c = ResultCache(directory, FAKE_MODEL_ID)
    expected = result_of(doc_of()).report
    errors = 0
    for _ in range(rounds):
        stored(c)
        got = c.get(doc_of(), LEX, None)
        errors += got is not None and got.report != expected
    return errors + c.stats.corrupt


def test_concurrent_writers(tmp_path: Path):
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(3) as pool:
        assert pool.starmap(_writer, [(str(tmp_path), 30)] * 3) == [0, 0, 0]
    assert not list(tmp_path.rglob("*.tmp")), "finished writers leave no temp files"
    assert len(list(tmp_path.rglob("*.result"))) == 1


def _killed_writer(directory: str) -> None:
    """Put an entry but die (no cleanup) after its data is written, before the rename."""

    def die(fd: int) -> None:
        os._exit(3)

    os.fsync = die
    stored(ResultCache(directory, FAKE_MODEL_ID))


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_killed_writer_leaves_at_most_a_temp_file(tmp_path: Path):
    stored(ResultCache(tmp_path, FAKE_MODEL_ID), doc_of(path="news/earlier.txt"))  # the root is tagged
    proc = multiprocessing.get_context("fork").Process(target=_killed_writer, args=(str(tmp_path),))
    proc.start()
    proc.join(30)
    assert proc.exitcode == 3
    c = ResultCache(tmp_path, FAKE_MODEL_ID)
    path = c.entry_path(doc_of(), LEX, None)
    assert path is not None and not path.exists()
    assert len(list(path.parent.glob("*.tmp"))) == 1
    assert c.get(doc_of(), LEX, None) is None
    stored(c)
    assert c.get(doc_of(), LEX, None) is not None


def test_unwritable_directory_is_a_noop_with_one_warning(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    c = ResultCache(blocker / "cache", FAKE_MODEL_ID)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            stored(c)
        assert c.get(doc_of(), LEX, None) is None
    relevant = [w for w in caught if issubclass(w.category, CacheWarning)]
    assert len(relevant) == 1 and "cannot write" in str(relevant[0].message)


def test_shares_the_parse_cache_root_and_its_pruning(tmp_path: Path):
    c = ResultCache(tmp_path, FAKE_MODEL_ID)
    stored(c)
    parses = ParseCache(tmp_path, FAKE_MODEL_ID)
    parses.put(TEXT, fake_parse(TEXT))
    assert (tmp_path / "CACHEDIR.TAG").exists() and (tmp_path / ".gitignore").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_dir()) == ["results-v1", "v1"]
    path = c.entry_path(doc_of(), LEX, None)
    assert path is not None
    old = time.time() - 40 * 86400
    os.utime(path, (old, old))
    assert parses.prune(keep_days=30) == 1 and not path.exists()
    assert parses.get(TEXT) is not None


# --------------------------------------------------------------------------- the command line


@pytest.fixture
def cli(monkeypatch, tmp_path: Path):
    """Run ``quotecheck`` in a copy of a few fixture articles with the real Checker, the
    stand-in parser and a cache under tmp_path; returns (run, parsers, analysed), where
    ``analysed`` counts the calls of the analysis."""
    real_checker, real_analyze = quotecheck.api.Checker, quotecheck.api.analyze
    parsers: list[FakeParser] = []
    analysed: list[str] = []

    def make(model_dir=None, **kwargs):
        parsers.append(FakeParser())
        return real_checker(model_dir, parser=parsers[-1], **kwargs)

    def counting(doc, *args, **kwargs):
        analysed.append(doc.path)
        return real_analyze(doc, *args, **kwargs)

    monkeypatch.setattr(quotecheck.api, "Checker", make)
    monkeypatch.setattr(quotecheck.api, "analyze", counting)
    monkeypatch.setenv("QUOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("01-layouts-said.txt", "18-md-council-rentals.md", "21-html-ice-storm.html"):
        shutil.copy(ARTICLES / name, repo / name)
    monkeypatch.chdir(repo)

    def run(*args: str) -> tuple[int, str]:
        done = CliRunner().invoke(main, list(args), catch_exceptions=False)
        return done.exit_code, done.stdout

    return run, parsers, analysed


def test_a_warm_run_neither_parses_nor_analyses(cli):
    run, parsers, analysed = cli
    first = run("check", "--format", "json", ".")
    assert len(analysed) == 3 and parsers[-1].pieces
    second = run("check", "--format", "json", ".")
    assert second == first
    assert len(analysed) == 3, "no analysis in the warm run"
    assert not parsers[-1].pieces, "nothing parsed in the warm run"


@pytest.mark.parametrize("fmt", [f for f in OUTPUT_FORMATS if f != "html"])
def test_cold_and_warm_output_are_identical(cli, fmt: str):
    run, _, analysed = cli
    cold = run("check", "--format", fmt, "--exit-zero", ".")
    warm = run("check", "--format", fmt, "--exit-zero", ".")
    assert len(analysed) == 3
    assert warm == cold


def test_cold_and_warm_html_pages_baselines_and_summaries_are_identical(cli, tmp_path: Path):
    run, _, analysed = cli
    commands = (
        ("check", "--format", "html", "21-html-ice-storm.html"),
        ("baseline", "create", "-o", str(tmp_path / "baseline.json"), "."),
        ("check", "--format", "json", "--baseline", str(tmp_path / "baseline.json"), "."),
        ("summarize", "--format", "json", "."),
    )
    cold = [run(*c) for c in commands]
    cold_baseline = (tmp_path / "baseline.json").read_bytes()
    count = len(analysed)
    (Path("18-md-council-rentals.md")).write_text("A new article. “Yes,” said someone.\n")
    partial = run("check", "--format", "json", "--baseline", str(tmp_path / "baseline.json"), ".")
    assert len(analysed) == count + 1, "only the changed article is analysed"
    assert partial[0] in (0, 1)
    shutil.copy(ARTICLES / "18-md-council-rentals.md", "18-md-council-rentals.md")
    warm = [run(*c) for c in commands]
    assert len(analysed) == count + 1
    assert warm == cold
    assert (tmp_path / "baseline.json").read_bytes() == cold_baseline


def test_a_configuration_change_is_a_miss(cli):
    run, _, analysed = cli
    cold = run("check", "--format", "json", "--exit-zero", ".")
    Path("quotecheck.toml").write_text('[rules]\nunattributed-quote = "off"\nanonymous-share = "off"\n')
    configured = run("check", "--format", "json", "--exit-zero", ".")
    assert len(analysed) == 6 and configured != cold
    Path("quotecheck.toml").write_text('[lexicon]\nloaded-verbs = ["bellowed"]\n')
    run("check", "--format", "json", "--exit-zero", ".")
    assert len(analysed) == 9
    Path("quotecheck.toml").unlink()
    assert run("check", "--format", "json", "--exit-zero", ".") == cold
    assert len(analysed) == 9, "the first configuration's results are still there"


def test_no_cache_uses_neither_cache(cli, tmp_path: Path):
    run, parsers, analysed = cli
    run("check", "--format", "json", "--no-cache", ".")
    run("check", "--format", "json", "--no-cache", ".")
    assert len(analysed) == 6 and parsers[-1].pieces
    assert not (tmp_path / "cache").exists()
