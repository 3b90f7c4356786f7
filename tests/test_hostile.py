"""Hostile, huge and broken input (issue 13): one bad article never costs the others.

Every input is generated here (no large file in the repository). The parse is the test
stand-in :class:`~quotecheck.testing.fake_parse.FakeParser` (no model): it replaces only the
stanza call, so the real chunking, cache, isolation and CLI code run. docs/reliability.md
names the test holding each promise.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotecheck import cli
from quotecheck.cache import ParseCache
from quotecheck.files import printable
from quotecheck.parsing import _TOKEN, MAX_SENTENCE_TOKENS, MAX_TOKEN_CHARS, Parse, plan_chunks, to_conllu
from quotecheck.render.run_json import validate_run
from quotecheck.schema import validate_report
from quotecheck.testing import ARTICLES
from quotecheck.testing.fake_parse import FakeParser

NORMAL = "01-layouts-said.txt"
EXPLODE = "PARSER-EXPLODES-HERE"  # the stand-in parser fails on a text holding this
NEWLINE_NAME = "evil\n::error::injected: x.txt"


class ExplodingParser(FakeParser):
    """A FakeParser that fails like the biaffine scorer on one article."""

    def parse_pieces(self, pieces):
        if any(EXPLODE in text for _, text in pieces):
            raise RuntimeError("CUDA out of memory (simulated)\nsecond line")
        return super().parse_pieces(pieces)


@pytest.fixture
def fake_checker(monkeypatch, tmp_path):
    """The real Checker (real cache under tmp_path) with the stand-in parser."""
    import quotecheck.api

    real = quotecheck.api.Checker
    parsers: list[FakeParser] = []

    def make(model_dir=None, **kwargs):
        parsers.append(ExplodingParser())
        return real(model_dir, parser=parsers[-1], **kwargs)

    monkeypatch.setattr(quotecheck.api, "Checker", make)
    monkeypatch.setenv("QUOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    return parsers


def _bad_inputs() -> dict[str, bytes | None]:
    """Every bad input, by file name: bytes written, or None for the special files."""
    return {
        "latin1.txt": "caf\xe9 said".encode("latin-1"),
        "utf16.txt": "“Hi,” she said.".encode("utf-16"),
        "binary.txt": b"\x7fELF\x00\x01\x02",
        "deep-toml.md": b"+++\na = " + b"[" * 5000 + b"]" * 5000 + b"\n+++\nText said Ann.\n",
        "deep-yaml.md": b"---\na: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nText said Ann.\n",
        "too-big.txt": b"x " * 150_000,  # 300 KB, over --max-size 200KB
        f"explodes-{EXPLODE}.txt": f"“Boom,” said Ann. {EXPLODE}.".encode(),
        NEWLINE_NAME: b"\xff bad bytes",
        "loop-a.txt": None,
        "loop-b.txt": None,
        "fifo.txt": None,
        "zero.txt": None,
    }


def _good_inputs() -> dict[str, bytes]:
    """Inputs that are hostile but are articles: they must be checked and reported."""
    words = " ".join(f"word{i}" for i in range(2000))
    return {
        "long-sentence.txt": f"“It went on,” said Ann Lee, {words} and then it ended.".encode(),
        "long-word.txt": ("“Yes,” said Bo. " + "x" * 100_000 + " end.").encode(),
        "controls.txt": "“A\x00\x07\x1b[31m\u200b\u200d\ufeffb,” said Ann Lee.\x0c\n".encode().replace(
            b"\x00", b""
        ),
        "deep.html": ("<div>" * 10_000 + "“Deep,” said Ann Lee." + "</div>" * 10_000).encode(),
        "nested-quotes.txt": ("“" * 500 + "Nested, said Ann Lee." + "”" * 500).encode(),
        "crlf.txt": b"\xe2\x80\x9cOne,\xe2\x80\x9d said Ann.\r\n\r\nTwo said Bo.\r\n",
        "lone-cr.txt": b"\xe2\x80\x9cOne,\xe2\x80\x9d said Ann.\r\rTwo said Bo.\r",
        "deep-quote.md": ("Intro said Bo.\n\n" + "> " * 30 + "“Deep,” said Ann Lee.\n").encode(),
        "colon: name.txt": "“Hi,” said Ann.".encode(),
        # no article text: checked as empty articles, not input errors (issue 12)
        "empty.txt": b"",
        "blank.txt": b" \n\t\n",
        "markup-only.html": b"<html><body><div><span></span></div></body></html>",
        "markup-only.md": b"<!-- nothing -->\n",
    }


def _make_inputs(folder: Path) -> dict[str, bytes | None]:
    folder.mkdir()
    (folder / NORMAL).write_bytes((ARTICLES / NORMAL).read_bytes())
    made: dict[str, bytes | None] = {**_bad_inputs(), **_good_inputs()}
    for name, data in made.items():
        if data is not None:
            (folder / name).write_bytes(data)
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.mkfifo(folder / "fifo.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    return made


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every entry's content hash (regular files) or kind and link target (the others)."""
    out = {}
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.is_symlink():
            out[entry.name] = "link:" + os.readlink(entry.path)
        elif entry.is_file(follow_symlinks=False):
            out[entry.name] = hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()
        else:
            out[entry.name] = f"mode:{entry.stat(follow_symlinks=False).st_mode:o}"
    return out


def test_one_run_over_every_hostile_input_reports_the_good_ones(tmp_path, fake_checker, monkeypatch):
    folder = tmp_path / "in"
    made = _make_inputs(folder)
    before = _fingerprint(folder)
    monkeypatch.chdir(tmp_path)
    paths = ["in", "in/fifo.txt", "in/zero.txt", f"in/{NEWLINE_NAME}", "in/missing.txt"]
    result = CliRunner().invoke(cli.main, ["check", "--format", "json", "--max-size", "200KB", *paths])

    assert "Traceback" not in result.output
    assert result.exit_code == 2, result.output  # input errors: exit 2, the others still reported
    errors = [line for line in result.stderr.splitlines() if line]
    assert all(line.startswith("quotecheck: ") for line in errors)  # nothing starts a CI command
    bad = [n for n, d in _bad_inputs().items()] + ["missing.txt"]
    for name in bad:
        named = [line for line in errors if f"in/{printable(name)}: " in line]
        assert len(named) == 1, (name, errors)
    assert len(errors) == len(bad)
    assert "could not be checked: RuntimeError: CUDA out of memory (simulated) second line" in result.stderr
    assert "file is 300 KB, over the 200 KB limit (raise it with --max-size)" in result.stderr

    run = json.loads(result.stdout)
    validate_run(run)
    reported = {r["document"]["path"] for r in run["reports"]}
    assert f"in/{NORMAL}" in reported
    assert {f"in/{name}" for name in _good_inputs()} <= reported
    for report in run["reports"]:
        validate_report(report)
    assert {e["path"] for e in run["errors"]} == {f"in/{name}" for name in bad}  # exact names
    assert set(made) | {NORMAL} == set(os.listdir(folder))
    assert _fingerprint(folder) == before  # inputs untouched
    assert fake_checker[-1].longest <= MAX_SENTENCE_TOKENS  # the parser never saw a long sentence


def test_the_parser_sees_bounded_sentences_and_words():
    words = " ".join(f"w{i}" for i in range(2000))
    text = f"Intro. He said {words} and stopped.\n\nA " + "y" * 100_000 + " word."
    parser = FakeParser()
    [parse] = parser.parse_texts([text])
    assert parser.longest <= MAX_SENTENCE_TOKENS
    assert max(len(p) for p in parser.pieces) < 20_000  # the 100 KB word never reaches the tokenizer
    for _, word in parse.words:
        assert text[word.start : word.end] == word.text  # offsets stay exact across pieces
    assert any(w.text == "y" * 100_000 and w.upos == "X" for _, w in parse.words)
    assert [w.text for _, w in parse.words if w.text.startswith("w")][:3] == ["w0", "w1", "w2"]


def test_plan_chunks_leaves_an_ordinary_article_whole_and_cuts_long_ones():
    article = (ARTICLES / NORMAL).read_text()
    assert [(c.start, c.end) for c in plan_chunks(article)] == [(0, len(article))]
    long = ("A sentence of a few words, said Ann. " * 30 + "\n\n") * 60  # ~67 KB
    chunks = plan_chunks(long)
    assert len(chunks) > 3 and all(c.end - c.start <= 20_000 for c in chunks)
    assert all(long[c.start - 2 : c.start] == "\n\n" for c in chunks[1:])  # cut at paragraph breaks
    marks = "“" * 400  # no whitespace, under the word limit: cut between tokens
    assert max(c.end - c.start for c in plan_chunks(marks)) <= MAX_SENTENCE_TOKENS
    assert plan_chunks("x" * (MAX_TOKEN_CHARS + 1))[0].opaque
    closing = "“" * 400 + "Nested, said Ann." + "”" * 400  # stanza keeps closing marks with "Ann."
    assert (
        max(len(_TOKEN.findall(closing[c.start : c.end])) for c in plan_chunks(closing))
        <= MAX_SENTENCE_TOKENS
    )


def test_output_is_checked_before_any_work(tmp_path, fake_checker, monkeypatch):
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "a.txt"
    article.write_bytes((ARTICLES / NORMAL).read_bytes())
    original = article.read_bytes()
    (tmp_path / "file").write_text("x")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    cases = {
        "missing/out.json": "does not exist",
        "file/out.json": "is not a folder",
        str(tmp_path): "is a directory",
        "a.txt": "is the input file",
        str(link): "is the input file",
    }
    for output, reason in cases.items():
        for command in (["check"], ["summarize"], ["baseline", "create"]):
            result = CliRunner().invoke(cli.main, [*command, "-o", output, "a.txt"])
            assert result.exit_code == 2, (command, output, result.output)
            assert reason in result.stderr and "Traceback" not in result.output, result.stderr
            assert not fake_checker or "a.txt" not in str(fake_checker[-1].pieces)
    assert article.read_bytes() == original
    if os.path.exists("/dev/full"):
        result = CliRunner().invoke(cli.main, ["check", "-o", "/dev/full", "a.txt"])
        assert result.exit_code == 2 and "cannot write the output /dev/full" in result.stderr
        assert "Traceback" not in result.output


def test_an_unexpected_error_exits_2_with_one_line(tmp_path, monkeypatch):
    import quotecheck.api

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(quotecheck.api, "Checker", broken)
    article = tmp_path / "a.txt"
    article.write_bytes((ARTICLES / NORMAL).read_bytes())
    result = CliRunner().invoke(cli.main, ["check", "--exit-zero", str(article)])
    assert result.exit_code == 2
    assert result.stderr == (
        "quotecheck: unexpected error: ZeroDivisionError: a bug "
        "(--verbose or QUOTECHECK_DEBUG=1 shows the traceback)\n"
    )
    verbose = CliRunner().invoke(cli.main, ["--verbose", "check", str(article)])
    assert verbose.exit_code == 2 and "Traceback" in verbose.stderr
    monkeypatch.setenv("QUOTECHECK_DEBUG", "1")
    assert "Traceback" in CliRunner().invoke(cli.main, ["check", str(article)]).stderr


def test_deep_and_endless_configuration_and_baselines(tmp_path, fake_checker, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_bytes((ARTICLES / NORMAL).read_bytes())
    for i in range(1500):
        (tmp_path / f"c{i}.toml").write_text(f'extends = "c{i + 1}.toml"\n')
    (tmp_path / "c1500.toml").write_text("")
    result = CliRunner().invoke(cli.main, ["check", "--config", "c0.toml", "a.txt"])
    assert result.exit_code == 2 and "at most 32 configurations" in result.stderr
    (tmp_path / "deep.toml").write_text("a = " + "[" * 5000 + "]" * 5000 + "\n")
    result = CliRunner().invoke(cli.main, ["check", "--config", "deep.toml", "a.txt"])
    assert result.exit_code == 2 and "deep.toml" in result.stderr and "Traceback" not in result.output
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    os.mkfifo(tmp_path / "fifo.json")
    for baseline in ("deep.json", "fifo.json"):
        result = CliRunner().invoke(cli.main, ["check", "--baseline", baseline, "a.txt"])
        assert result.exit_code == 2 and baseline in result.stderr, result.output
        assert len(result.stderr.splitlines()) == 1


def test_the_cache_survives_special_files_forged_trees_and_squatters(tmp_path):
    text = "“Hi,” said Ann."
    parse = FakeParser().parse_texts([text])[0]
    cache = ParseCache(tmp_path, "m")
    entry = cache.entry_path(text)
    entry.parent.mkdir(parents=True)
    os.mkfifo(entry)  # a FIFO: must not hang
    assert cache.get(text) is None
    entry.unlink()
    entry.symlink_to("/dev/zero")  # endless: must not be read
    assert cache.get(text) is None
    entry.unlink()
    entry.mkdir()  # a squatting directory: replaced, and the cache stays on
    (entry / "junk").write_text("x")
    cache.put(text, parse)
    assert cache.writable and cache.get(text) == parse
    forged = to_conllu(parse).replace("\t0\troot\t", "\t1\troot\t")  # the root heads itself
    entry.write_bytes(cache._serialize(text, parse).replace(to_conllu(parse).encode(), forged.encode()))
    assert cache.get(text) is None  # the forged tree is refused (trailer or tree check)
    huge = cache._serialize(text, parse) + b"#" * 10_000_000
    entry.write_bytes(huge)
    assert cache.get(text) is None


def test_a_forged_tree_is_refused_and_subtree_terminates():
    from quotecheck.parsing import Sentence, Word, from_conllu

    looped = (
        Word(1, "a", "a", "X", "_", "_", 2, "dep", 0, 1),
        Word(2, "b", "b", "X", "_", "_", 1, "dep", 2, 3),
    )
    sentence = Sentence(looped)
    assert sentence.tree_error() is not None
    assert [w.index for w in sentence.subtree(looped[0])] == [1, 2]
    with pytest.raises(ValueError, match="not a tree"):
        from_conllu(to_conllu(Parse((sentence,))))


def test_jobs_workers_exit_when_the_parent_is_killed(tmp_path):
    """A parent starts a spawn pool whose workers watch it (as --jobs workers do), then is
    killed with SIGKILL: the workers must go too."""
    script = tmp_path / "parent.py"
    script.write_text(
        textwrap.dedent(
            """
            import multiprocessing, os, sys, time
            from concurrent.futures import ProcessPoolExecutor
            from quotecheck.parsing import watch_parent

            if __name__ == "__main__":
                ctx = multiprocessing.get_context("spawn")
                pool = ProcessPoolExecutor(2, mp_context=ctx, initializer=watch_parent,
                                           initargs=(os.getpid(), 0.1))
                pids = [pool.submit(os.getpid).result() for _ in range(4)]
                print(" ".join(map(str, set(pids))), flush=True)
                time.sleep(600)
            """
        )
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=env)
    assert parent.stdout is not None
    workers = [int(p) for p in parent.stdout.readline().split()]
    assert workers
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    alive = workers
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = [pid for pid in workers if _alive(pid)]
    assert not alive


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split()[2] != "Z"
    except OSError:
        return False
