"""``--engine ray``: the same reports and summaries as the local engine, nothing lost, nothing twice.

A local Ray cluster is started once for the module; runs use 2 workers. The workers parse with
:class:`~quotecheck.testing.stored_parser.StoredParser` (the fixtures' stored parses), so
the local engine's reports are :func:`~quotecheck.testing.stored_report`; one e2e test runs the
real compact model on two articles.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install -e '.[ray]')")

from click.testing import CliRunner  # noqa: E402

from quotecheck import cli  # noqa: E402
from quotecheck.documents import read_document  # noqa: E402
from quotecheck.engines import EngineOptions  # noqa: E402
from quotecheck.engines import ray_engine as engine  # noqa: E402
from quotecheck.engines.parts import read_rows  # noqa: E402
from quotecheck.summary import summarize  # noqa: E402
from quotecheck.testing import ARCHIVE, ARTICLES, ROOT, archive_paths, article_paths, stored_report  # noqa: E402
from quotecheck.testing.stored_parser import StoredParser  # noqa: E402

TWO = EngineOptions(workers=2)
BY = ("section", "month")

# A hard limit per test (pytest-timeout, in the test extra): a Ray run that stalls, Ray Data
# tasks waiting for a CPU that a worker pool holds, fails here in minutes with its stack
# instead of hanging CI. Each test takes 5-25 s on a loaded 2-core machine.
pytestmark = pytest.mark.timeout(240)


@pytest.fixture(scope="module", autouse=True)
def cluster(request):
    # 8 logical CPUs for 2 workers: Ray Data's file listing and Parquet planning tasks each
    # wait for a whole CPU, and must not wait behind pools that hold them all (the pool of a
    # run whose worker was killed may outlive its test).
    ray.init(num_cpus=8, include_dashboard=False, log_to_driver=False)
    # a finalizer: the local cluster's processes (raylet, GCS, workers) end with the module,
    # also when a test failed or timed out
    request.addfinalizer(ray.shutdown)


@pytest.fixture(autouse=True)
def in_repository(monkeypatch):
    monkeypatch.chdir(ROOT)  # reports name fixtures/... as the stored reports do


def local_reports(paths: list[Path]) -> list[dict]:
    """The local engine's reports, normalized (through JSON, as the parts hold them)."""
    return [json.loads(json.dumps(stored_report(p), ensure_ascii=False)) for p in paths]


def rows_by_path(folder: Path) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in read_rows(folder):
        out.setdefault(row["path"], []).append(row)
    return out


def test_fixture_archive_gives_the_local_reports_and_summary(tmp_path):
    paths = [p for p in article_paths() if p.parent in (ARTICLES, ARCHIVE)]
    result = engine.check_to_folder(
        ["fixtures/articles", "fixtures/archive"], TWO, str(tmp_path), factory=StoredParser
    )
    assert (result.written, result.skipped, result.errors) == (len(paths), 0, [])
    expected = local_reports(paths)
    got = list(engine.reports_from_folder(str(tmp_path)))
    assert [r["document"]["path"] for r in got] == [r["document"]["path"] for r in expected]
    assert got == expected
    summary, errors = engine.summarize_with_ray([str(tmp_path)], TWO, BY)
    assert errors == []
    assert summary == summarize(expected, by=BY)


def test_summarize_from_articles_and_parquet_parts(tmp_path):
    options = EngineOptions(workers=2, parts_format="parquet")
    summary, errors = engine.summarize_with_ray(["fixtures/archive"], options, BY, factory=StoredParser)
    assert errors == []
    assert summary == summarize(local_reports(archive_paths()), by=BY)
    engine.check_to_folder(["fixtures/archive"], options, str(tmp_path), factory=StoredParser)
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".parquet"]
    assert len(list(read_rows(tmp_path))) == len(archive_paths())


def test_rerun_skips_reports_already_written_and_errors_name_the_article(tmp_path):
    archive = tmp_path / "archive"
    shutil.copytree(ARCHIVE, archive)
    (archive / "99-bad-encoding.md").write_bytes(b"\xff\xfe\x00bad")
    (archive / "98-unparsed.md").write_text("A text with no stored parse, said Jones.\n", encoding="utf-8")
    out = tmp_path / "reports"
    first = engine.check_to_folder([str(archive)], TWO, str(out), factory=StoredParser)
    assert first.written == len(archive_paths())
    assert len(first.errors) == 2
    assert any("99-bad-encoding.md" in e for e in first.errors)
    assert any("98-unparsed.md" in e and "no stored parse" in e for e in first.errors)
    again = engine.check_to_folder([str(archive)], TWO, str(out), factory=StoredParser)
    assert (again.written, again.skipped, len(again.errors)) == (0, len(archive_paths()), 2)
    (archive / "01-md-later-start-times.md").unlink()
    shutil.copy(ARCHIVE / "01-md-later-start-times.md", archive / "01-md-later-start-times.md")
    with open(archive / "04-md-pool-closing.md", "a", encoding="utf-8") as f:
        f.write("\nThe pool reopens in June.\n")  # a changed article is checked again
    third = engine.check_to_folder([str(archive)], TWO, str(out), factory=StoredParser)
    assert third.skipped == len(archive_paths()) - 1
    assert any("04-md-pool-closing.md" in e for e in third.errors)  # no stored parse of the new text


def test_a_killed_worker_is_retried_and_every_article_has_one_report(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "BATCH_ARTICLES", 2)
    pids = tmp_path / "pids"
    pids.mkdir()
    paths = [p for p in article_paths() if p.parent in (ARTICLES, ARCHIVE)]
    killed: list[int] = []

    def kill_one() -> None:
        deadline = time.monotonic() + 60
        while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # mid-run: both workers have batches in flight
        pid = int(sorted(pids.iterdir())[0].name)
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    killer = threading.Thread(target=kill_one)
    killer.start()
    factory = partial(StoredParser, delay=0.4, pid_dir=str(pids))
    out = tmp_path / "reports"
    result = engine.check_to_folder(["fixtures/articles", "fixtures/archive"], TWO, str(out), factory=factory)
    killer.join()
    assert killed
    assert len(list(pids.iterdir())) >= 3  # the killed worker was restarted
    rows = rows_by_path(out)
    assert sorted(rows) == sorted(r["document"]["path"] for r in local_reports(paths))
    assert all(len(r) == 1 and r[0]["status"] == "ok" for r in rows.values())
    assert result.written == len(paths)


def test_tables_of_articles(tmp_path):
    texts = sorted(p for p in ARTICLES.glob("*.txt"))[:6]
    records = [
        {"id": p.stem, "body": p.read_text(encoding="utf-8"), "section": "metro", "date": "2024-06-02"}
        for p in texts
    ]
    table = tmp_path / "articles.jsonl"
    table.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(records), tmp_path / "articles.parquet")
    options = EngineOptions(workers=2, text_column="body", id_column="id")
    for name in ("articles.jsonl", "articles.parquet"):
        out = tmp_path / f"reports-{name}"
        result = engine.check_to_folder([str(tmp_path / name)], options, str(out), factory=StoredParser)
        assert (result.written, result.errors) == (len(texts), [])
        got = {r["document"]["path"]: r for r in engine.reports_from_folder(str(out))}
        for path in texts:
            report = got[path.stem]
            assert report["document"]["metadata"] == {"section": "metro", "date": "2024-06-02"}
            expected = local_reports([path])[0]
            assert report["quotes"] == expected["quotes"]
            assert report["findings"] == expected["findings"]
    with pytest.raises(engine.EngineError, match="no column 'text'"):
        engine.check_to_folder(
            [str(table)], EngineOptions(text_column="text"), str(tmp_path / "x"), factory=StoredParser
        )


def test_worker_pool_options_without_a_gpu(model_dir):
    cpu = engine.pool_arguments(EngineOptions(workers=3, threads=2))
    assert (cpu["compute"].min_size, cpu["num_cpus"], cpu["num_gpus"]) == (3, 2, 0)
    assert cpu["compute"].max_tasks_in_flight_per_actor == 1  # no batch queued behind a busy worker
    assert engine.pool_arguments(EngineOptions(), workers=5)["compute"].min_size == 5  # counted once
    assert [engine._block_count(n, 3) for n in (7, 2000, 2001)] == [7, 2000, 1998]  # a multiple of 3
    cuda = engine.pool_arguments(EngineOptions(workers=4, device="cuda", gpus_per_worker=0.5))
    assert (cuda["compute"].min_size, cuda["num_gpus"]) == (4, 0.5)
    assert engine.pool_arguments(EngineOptions())["compute"].min_size == 8  # one per CPU of the cluster
    assert engine.pool_arguments(EngineOptions(text_column="text"))["compute"].min_size == 7
    factory = engine.stanza_parser_factory(model_dir, "cuda")
    assert factory.keywords == {"use_gpu": True}  # the model loads in the worker, not here


def test_batches_mix_long_and_short_articles_and_the_workers_share_them_evenly(tmp_path, monkeypatch):
    from quotecheck.engines import Article

    monkeypatch.setattr(engine, "BATCH_ARTICLES", 3)
    articles = []
    for order in range(9):  # sizes 100, 200, ... 900 bytes
        (tmp_path / f"{order}.txt").write_text("x" * (100 * (order + 1)))
        articles.append(Article(order, f"{order}.txt", str(tmp_path / f"{order}.txt"), None))
    articles.append(Article(9, "gone.txt", str(tmp_path / "gone.txt"), None))  # its worker names the error
    batches = engine._batches(articles, workers=2)
    assert len(batches) == 4  # ceil(10 / 3) = 4 batches, a multiple of the 2 workers
    assert sorted(a.order for b in batches for a in b) == list(range(10))  # each article once
    # dealt largest first, 1 2 3 4 4 3 2 1 1 2: every batch gets one of the four largest
    assert [[a.order for a in b] for b in batches] == [[8, 1, 0], [7, 2, 9], [6, 3], [5, 4]]
    assert len(engine._batches(articles, workers=4)) == 4
    assert len(engine._batches(articles[:3], workers=8)) == 3  # never an empty batch


def test_cli_check_and_summarize_with_the_ray_engine(tmp_path, monkeypatch):
    monkeypatch.setattr(engine, "stanza_parser_factory", lambda model_dir, device: StoredParser)
    out = tmp_path / "reports"
    runner = CliRunner()
    args = [
        "check",
        "--engine",
        "ray",
        "--workers",
        "2",
        "fixtures/archive",
        "--format",
        "jsonl",
        "-o",
        str(out),
    ]
    result = runner.invoke(cli.main, args)
    assert result.exit_code in (0, 1), result.output
    assert f"{len(archive_paths())} report(s) written" in result.output
    summary_file = tmp_path / "summary.json"
    result = runner.invoke(
        cli.main, ["summarize", "--engine", "ray", str(out), "--by", "section", "-o", str(summary_file)]
    )
    assert result.exit_code == 0, result.output
    expected = summarize(local_reports(archive_paths()), by=("section",))
    assert json.loads(summary_file.read_text(encoding="utf-8")) == expected
    result = runner.invoke(cli.main, ["check", "--engine", "ray", "fixtures/archive"])
    assert result.exit_code == 2
    assert "give -o FOLDER" in result.output
    result = runner.invoke(cli.main, ["check", "--text-column", "body", "fixtures/archive"])
    assert result.exit_code == 2
    assert "--engine ray" in result.output


def test_cli_ray_output_options(tmp_path, monkeypatch):
    """-o is a folder for --engine ray (a file there is refused) and a file for a local run;
    the local run's --output-dir, --baseline and --jobs are refused; --max-size applies to the workers."""
    monkeypatch.setattr(engine, "stanza_parser_factory", lambda model_dir, device: StoredParser)
    runner = CliRunner()
    ray_check = ["check", "--engine", "ray", "--workers", "2", "fixtures/archive"]
    (tmp_path / "file").write_text("x", encoding="utf-8")
    for extra, message in (
        (["-o", str(tmp_path / "file")], "not a folder"),
        (["-o", str(tmp_path / "a"), "--output-dir", str(tmp_path / "b")], "--output-dir and --baseline"),
        (["-o", str(tmp_path / "a"), "--format", "sarif"], "not sarif"),
        (["-o", str(tmp_path / "a"), "--jobs", "2"], "--jobs is for the local engine"),
    ):
        result = runner.invoke(cli.main, [*ray_check, *extra])
        assert result.exit_code == 2 and message in result.stderr, result.output
    result = runner.invoke(cli.main, ["summarize", "--engine", "ray", "--jobs", "2", "fixtures/archive"])
    assert result.exit_code == 2 and "--jobs is for the local engine" in result.stderr
    result = runner.invoke(cli.main, ["check", "-o", str(tmp_path), "fixtures/archive"])
    assert result.exit_code == 2 and "is a directory" in result.stderr  # local: -o is a file
    out = tmp_path / "small"
    result = runner.invoke(cli.main, [*ray_check, "-o", str(out), "--max-size", "200"])
    assert result.exit_code == 2
    assert f"0 report(s) written to {out}, 0 already there, {len(archive_paths())} error(s)" in result.stderr
    assert "over the 200 bytes limit (raise it with --max-size)" in result.stderr


def test_a_local_check_never_imports_ray(model_dir):
    script = """
import sys
import quotecheck.api
from quotecheck import cli
from quotecheck.testing import stored_report, ARTICLES
from quotecheck.testing.stored_parser import StoredParser
quotecheck.api.Checker.parse_documents = lambda self, docs, progress=None: StoredParser().parse_texts(
    [d.text for d in docs])
try:
    cli.main(["check", "--no-cache", "--format", "json", str(ARTICLES / "01-layouts-said.txt")])
except SystemExit as e:
    assert e.code in (0, 1), e.code
print("ray imported:", "ray" in sys.modules, "pyarrow imported:", "pyarrow" in sys.modules, file=sys.stderr)
"""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QUOTECHECK_MODEL_DIR=model_dir)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert '"schema_version"' in done.stdout  # the check ran and printed its report
    assert "ray imported: False pyarrow imported: False" in done.stderr


@pytest.mark.e2e
@pytest.mark.timeout(600)  # loads the real model in a worker
def test_real_model_on_two_articles_matches_the_local_engine(tmp_path, checker, model_dir):
    names = ["01-layouts-said.txt", "18-md-council-rentals.md"]
    paths = [f"fixtures/articles/{n}" for n in names]
    out = tmp_path / "reports"
    options = EngineOptions(workers=1)
    result = engine.check_to_folder(paths, options, str(out), model_dir=model_dir)
    assert (result.written, result.errors) == (2, [])
    docs = [read_document(p) for p in paths]
    local = [json.loads(json.dumps(r.report, ensure_ascii=False)) for r in checker.check_documents(docs)]
    assert list(engine.reports_from_folder(str(out))) == local
