"""``--engine ray``: check an archive on a Ray cluster (``pip install 'quotecheck[ray]'``).

A Ray Data dataset streams the articles (file rows found by
:func:`~quotecheck.engines.inputs.file_articles`, or the rows of JSON Lines/Parquet tables,
local or ``s3://``/``gs://``) through a pool of :class:`_Worker` actors. Each actor loads the
model once and checks batches with the local engine's
:class:`~quotecheck.engines.BatchChecker`, so reports are those of a local run. The driver
writes the rows it receives to part files in the output folder
(:class:`~quotecheck.engines.parts.PartsWriter`), never holding more than a part.

Nothing lost, nothing twice: Ray restarts a killed actor and retries its batch (Ray Data's
actor pools use ``max_restarts=-1, max_task_retries=-1``); the driver writes each article key
once; a rerun into the same folder skips the articles that have a report there; an article
that fails gets an error row naming it.

The parse cache: Ray workers neither read nor write it (several machines must not write one
cache at once, and a cluster's workers share no disk); the output folder is what a rerun
reuses instead. Only the driver imports this module, and only for ``--engine ray``.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import partial
from typing import Any

import ray

from ..files import DEFAULT_MAX_BYTES
from . import Article, BatchChecker, EngineError, EngineOptions, ParserLike, SettingsSpec, settings_spec
from .inputs import RunInputs, file_articles, is_parquet
from .parts import PartsWriter, finished_keys, part_files, row_schema

__all__ = [
    "ParserFactory",
    "RunResult",
    "check_to_folder",
    "init_ray",
    "pool_arguments",
    "reports_from_folder",
    "stanza_parser_factory",
    "summarize_with_ray",
]

ParserFactory = Callable[[], ParserLike]
# Articles per worker call: as many as the local engine parses at once (measured on PolNeAR dev:
# the same articles parsed in calls of 8 take 12% more CPU time; see docs/performance.md).
BATCH_ARTICLES = 16
MAX_BLOCKS = 2000  # blocks of file rows (a block holds the small rows that name the batches)


def init_ray(address: str | None) -> None:
    """Connect to the cluster at ``address`` ("auto": the one this machine belongs to), or
    start a local one on this machine's cores; a connection made earlier is reused."""
    if not ray.is_initialized():
        ray.init(address=address, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no "execution finished" lines
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # the driver shows its own, in articles
    context.print_on_execution_start = False


def stanza_parser_factory(model_dir: str | None, device: str) -> ParserFactory:
    """The real parser, resolved here (so a missing model fails before the run) and loaded in
    each worker (the model directory must exist at the same path on every node)."""
    from ..parsing import Parser, resolve_model_dir

    return partial(Parser, resolve_model_dir(model_dir), use_gpu=device == "cuda")


class _Worker:
    """A Ray Data actor: loads the model once, then checks one batch of rows per call."""

    def __init__(
        self,
        factory: ParserFactory,
        settings: list[SettingsSpec],
        done: Any,
        threads: int,
        columns: EngineOptions | None = None,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ):
        import torch

        torch.set_num_threads(threads)
        self.checker = BatchChecker(factory(), settings, max_bytes)
        self.done: Collection[str] = ray.get(done) if done is not None else ()
        self.columns = columns

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = batch.to_pylist()
        if self.columns:
            articles = [_table_article(r, self.columns) for r in rows]
        else:  # a file row holds one batch of articles (see _batches)
            articles = [_file_article(a) for r in rows for a in r["articles"]]
        return pa.Table.from_pylist(self.checker.check(articles, self.done), schema=row_schema())


def _file_article(row: dict[str, Any]) -> Article:
    return Article(row["order"], row["id"], row["path"], row["format"] or None, row["settings"])


def _table_article(row: dict[str, Any], columns: EngineOptions) -> Article:
    """An article from a table row: its text column, id column (else a hash of the text) and
    the metadata columns it has (dates and times as ISO text)."""
    body = row.get(columns.text_column or "")
    data = body.encode("utf-8", "surrogatepass") if isinstance(body, str) else b""
    ident = row.get(columns.id_column) if columns.id_column else None
    name = str(ident) if ident is not None else "sha256:" + hashlib.sha256(data).hexdigest()[:16]
    meta = {c: _plain(row[c]) for c in columns.meta_columns if row.get(c) is not None}
    return Article(0, name, name, None, 0, data, meta)


def _plain(value: Any) -> Any:
    """A table value as report metadata: a midnight timestamp (what a JSON reader makes of
    "2024-06-02") as its date, other dates and times as ISO text."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None and value.time() == datetime.time():
        return value.date().isoformat()
    iso = getattr(value, "isoformat", None)
    return iso() if callable(iso) else value


def _table_dataset(paths: Sequence[str], options: EngineOptions) -> Any:
    """The rows of JSON Lines or Parquet tables. Reading reserves no CPU: the worker pool may
    hold every CPU of the cluster, and a read that waits for one would never start."""
    reader = ray.data.read_parquet if is_parquet(paths) else ray.data.read_json
    ds = reader(list(paths), num_cpus=0)
    columns = ds.columns()
    missing = [c for c in (options.text_column, options.id_column) if c is not None and c not in columns]
    if missing:
        raise EngineError(f"the table has no column {missing[0]!r} (its columns: {', '.join(columns)})")
    # a file is one block: cut it into batches, streamed, so that every worker gets work
    return ds.repartition(target_num_rows_per_block=BATCH_ARTICLES)


def pool_arguments(options: EngineOptions, workers: int | None = None) -> dict[str, Any]:
    """The worker pool of ``map_batches``: how many actors (``workers``, else as many as the
    cluster holds), and each one's CPUs and GPU share."""
    # One task in flight per actor: a task of file rows names a few paths, nothing worth
    # prefetching (table rows carry their texts), and a task queued behind a busy actor would
    # leave another idle at the end of the run.
    return {
        "compute": ray.data.ActorPoolStrategy(
            size=workers or _worker_count(options), max_tasks_in_flight_per_actor=1
        ),
        "num_cpus": options.threads,
        "num_gpus": options.gpus_per_worker if options.device == "cuda" else 0,
    }


def _worker_count(options: EngineOptions) -> int:
    if options.workers:
        return options.workers
    resources = ray.cluster_resources()
    if options.device == "cuda":
        return max(1, int(resources.get("GPU", 0) / options.gpus_per_worker))
    # Tables: one CPU stays free, for Ray Data's Parquet planning tasks (which wait for a
    # whole CPU while a pool holding every CPU waits for their rows).
    spare = 1 if options.text_column else 0
    return max(1, int((resources.get("CPU", 1) - spare) // options.threads))


class RunResult:
    """What a run did: rows written, skipped and failed, and the written rows' failing count."""

    def __init__(self) -> None:
        self.written = self.skipped = self.failing = 0
        self.errors: list[str] = []


def check_to_folder(
    paths: Sequence[str],
    options: EngineOptions,
    output: str,
    *,
    input_format: str | None = None,
    config_file: str | None = None,
    factory: ParserFactory | None = None,
    model_dir: str | None = None,
    fail_on: str | None = None,
    show_progress: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    force_exclude: bool = False,
) -> RunResult:
    """Check the articles (files, or tables with ``options.text_column``) into part files in
    ``output``; the articles whose report is already there are skipped. ``max_bytes`` and
    ``force_exclude`` are ``--max-size`` and ``--force-exclude``, as for a local run. Raises
    :class:`~quotecheck.policy.ConfigError` and :class:`~quotecheck.parsing.ModelError`."""
    from ..policy import PolicyCache

    if options.text_column:
        policy = PolicyCache().policy_for("-", config_file)
        run = RunInputs([], [settings_spec(policy)], [policy.fail_on], [])
    else:
        run = file_articles(paths, input_format, config_file, force_exclude)
    result = RunResult()
    result.errors += run.errors
    factory = factory or stanza_parser_factory(model_dir, options.device)
    init_ray(options.ray_address)
    workers = _worker_count(options)  # once: an autoscaling cluster may answer otherwise later
    if options.text_column:
        ds = _table_dataset(paths, options)
        total = None
    elif run.articles:
        batches = _batches(run.articles, workers)
        file_rows = [{"articles": [_file_row(a) for a in batch]} for batch in batches]
        ds = ray.data.from_items(file_rows, override_num_blocks=_block_count(len(batches), workers))
        total = len(run.articles)
    else:
        return result
    done = finished_keys(output)
    rows = ds.map_batches(
        _Worker,
        fn_constructor_kwargs={
            "factory": factory,
            "settings": run.settings,
            "done": ray.put(done) if done else None,
            "threads": options.threads,
            "columns": options if options.text_column else None,
            "max_bytes": max_bytes,
        },
        batch_size=1 if not options.text_column else BATCH_ARTICLES,  # a file row is a batch
        batch_format="pyarrow",
        **pool_arguments(options, workers),
    )
    _write(rows, output, options.parts_format, run, fail_on, result, show_progress, total)
    return result


def _batches(articles: Sequence[Article], workers: int) -> list[list[Article]]:
    """The articles in batches of about :data:`BATCH_ARTICLES` that take about equally long,
    in a number of batches that the workers share evenly: the articles dealt out largest first,
    one to each batch in turn and back (1 2 3 3 2 1 ...), so each batch mixes long and short
    ones. A run then ends with every worker busy until about the same time, and each batch is
    as large as the local engine's, which stanza parses fastest. ``order`` keeps each
    article's place in the input, for the summary."""
    count = max(1, -(-len(articles) // BATCH_ARTICLES))
    count = min(len(articles), -(-count // workers) * workers)  # a multiple of the workers
    batches: list[list[Article]] = [[] for _ in range(count)]
    ranked = sorted(articles, key=lambda a: -_file_size(a.path))
    for i, article in enumerate(ranked):
        turn, place = divmod(i, count)
        batches[place if turn % 2 == 0 else count - 1 - place].append(article)
    return batches


def _block_count(batches: int, workers: int) -> int:
    """Blocks of file rows: one batch each (a Ray task is a block), up to :data:`MAX_BLOCKS`.
    Past that (about 32,000 articles) the blocks, a multiple of the workers in number, hold
    several batches each, and a killed worker's whole block is retried; on such an archive a
    task is short beside the run, so the workers still end at about the same time."""
    if batches <= MAX_BLOCKS:
        return batches
    return max(workers, MAX_BLOCKS // workers * workers)


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:  # unreadable: its worker writes the error row
        return 0


def _file_row(article: Article) -> dict[str, Any]:
    return {
        "order": article.order,
        "id": article.id,
        "path": article.path,
        "format": article.format or "",
        "settings": article.settings,
    }


def _write(
    rows: Any,
    output: str,
    fmt: str,
    run: RunInputs,
    fail_on: str | None,
    result: RunResult,
    show_progress: bool,
    total: int | None,
) -> None:
    """Stream the workers' rows into part files, each article key once."""
    from tqdm import tqdm

    from ..rules import SEVERITY_RANK

    thresholds = [SEVERITY_RANK[fail_on or f or "error"] for f in run.fail_on]
    settings_of = {a.order: a.settings for a in run.articles}
    seen: set[str] = set()
    writer = PartsWriter(output, fmt)
    bar = tqdm(total=total, unit="article", desc="checking", file=sys.stderr, disable=not show_progress)
    try:
        for batch in rows.iter_batches(batch_size=None, batch_format="pyarrow"):
            for row in batch.to_pylist():
                bar.update(1)
                if row["status"] == "skipped":
                    result.skipped += 1
                    continue
                if row["key"] and row["key"] in seen:
                    continue  # a retried batch that was delivered twice: written once
                seen.add(row["key"])
                writer.add(row)
                if row["status"] == "error":
                    result.errors.append(row["error"])
                    continue
                result.written += 1
                threshold = thresholds[settings_of.get(row["order"], 0)]
                result.failing += _fails(row["report"], threshold)
    finally:
        writer.close()
        bar.close()


def _fails(report_json: str, threshold: int) -> bool:
    import json

    from ..rules import SEVERITY_RANK

    report = json.loads(report_json)
    return any(SEVERITY_RANK[f["severity"]] >= threshold for f in report["findings"])


def reports_from_folder(folder: str) -> Iterator[dict[str, Any]]:
    """The reports in an output folder, in input order (rows sorted by order, id, path, by Ray),
    validated; error rows are skipped."""
    import json

    from ..schema import SCHEMA_VERSION, check_report
    from ..summary import SummaryError

    parts = [str(p) for p in part_files(folder)]
    if not parts:
        return
    reader = ray.data.read_parquet if parts[0].endswith(".parquet") else ray.data.read_json
    from ray.data.expressions import col

    ds = reader(parts).filter(expr=col("status") == "ok").sort(["order", "id", "path"])
    for row in ds.iter_rows():
        report = json.loads(row["report"])
        if report.get("schema_version") != SCHEMA_VERSION:
            raise SummaryError(f"{row['path']}: report schema version {report.get('schema_version')}")
        check_report(report)
        yield report


def summarize_with_ray(
    paths: Sequence[str],
    options: EngineOptions,
    by: Sequence[str],
    *,
    input_format: str | None = None,
    config_file: str | None = None,
    factory: ParserFactory | None = None,
    model_dir: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    force_exclude: bool = False,
) -> tuple[dict[str, Any], list[str]]:
    """The summary of an output folder of reports, or of articles checked on the cluster first
    (into a temporary folder); and the input errors."""
    from ..summary import summarize

    if len(paths) == 1 and part_files(paths[0]):
        init_ray(options.ray_address)
        return summarize(reports_from_folder(paths[0]), by=by), []
    with tempfile.TemporaryDirectory(prefix="quotecheck-ray-") as folder:
        result = check_to_folder(
            paths,
            options,
            os.path.join(folder, "reports"),
            input_format=input_format,
            config_file=config_file,
            factory=factory,
            model_dir=model_dir,
            max_bytes=max_bytes,
            force_exclude=force_exclude,
        )
        return summarize(reports_from_folder(os.path.join(folder, "reports")), by=by), result.errors
