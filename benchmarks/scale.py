"""How ``--engine ray`` scales on the PolNeAR dev texts: words/s locally and with 1 and 2 Ray workers.

    python benchmarks/scale.py [--limit N] [--model-dir DIR] [--corpus DIR]

Writes the texts as ``.txt`` files to a temporary folder, then times, end to end with the
model load: (1) the local engine in this process (``Checker.check_texts``, torch 1 thread);
(2) ``check --engine ray`` with 1 worker of 1 thread; (3) with 2 workers of 1 thread each, on
a local Ray cluster. Prints a Markdown table: words/s, the scaling efficiency (the 2-worker
rate over twice the 1-worker rate), Ray's overhead at 1 worker (its time over the local
time, minus 1) and the peak memory of each worker. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from quotecheck.evaluation import accuracy, polnear
from quotecheck.evaluation.speed import count_words, format_machine, machine_info


class MeasuredParser:
    """The stanza parser, recording its process's peak memory (KiB) in ``rss_dir`` per batch."""

    def __init__(self, location, rss_dir: str):
        from quotecheck.parsing import Parser

        self.parser = Parser(location)
        self.model_id = self.parser.model_id
        self.rss_file = Path(rss_dir, str(os.getpid()))

    def parse_texts(self, texts: Sequence[str]) -> list:
        parses = self.parser.parse_texts(texts)
        self.rss_file.write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
        return parses


def time_local(model_dir: str | None, texts: list[str], names: list[str]) -> float:
    import torch

    from quotecheck.api import Checker

    torch.set_num_threads(1)
    started = time.perf_counter()
    Checker(model_dir).check_texts(texts, paths=names)
    return time.perf_counter() - started


def time_ray(model_dir: str | None, folder: Path, workers: int) -> tuple[float, list[float]]:
    """Seconds for a run with ``workers`` workers of 1 thread, and each worker's peak MiB."""
    from functools import partial

    from quotecheck.engines import EngineOptions
    from quotecheck.engines.ray_engine import check_to_folder
    from quotecheck.parsing import resolve_model_dir

    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as rss:
        factory = partial(MeasuredParser, resolve_model_dir(model_dir), rss)
        started = time.perf_counter()
        result = check_to_folder([str(folder)], EngineOptions(workers=workers), out, factory=factory)
        seconds = time.perf_counter() - started
        if result.errors:
            accuracy.progress(f"errors: {result.errors[:3]}")
        peaks = [int(p.read_text()) / 1024 for p in Path(rss).iterdir()]
    return seconds, peaks


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="the first N dev articles only")
    parser.add_argument("--model-dir", default=None)
    parser.add_argument("--corpus", default=None, help="the PolNeAR folder (default: ../shared)")
    parser.add_argument(
        "--batch-articles",
        type=_positive,
        default=None,
        help="articles per worker call (default: the engine's)",
    )
    args = parser.parse_args(argv)
    import ray

    from quotecheck.engines import ray_engine

    if args.batch_articles:
        ray_engine.BATCH_ARTICLES = args.batch_articles
    articles = polnear.load_split(args.corpus or polnear.default_corpus_dir(), "dev", args.limit)
    texts = [a.text for a in articles]
    words = count_words(texts)
    model_dir = args.model_dir or str(accuracy.default_model_dir() or "") or None
    with tempfile.TemporaryDirectory() as folder:
        names = []
        for a in articles:
            Path(folder, f"{a.name}.txt").write_text(a.text, encoding="utf-8")
            names.append(f"{a.name}.txt")
        accuracy.progress(f"{len(texts)} articles, {words} words: local engine")
        local_s = time_local(model_dir, texts, names)
        ray.init(
            num_cpus=max(2, os.cpu_count() or 2) + 1, include_dashboard=False
        )  # +1: Ray Data's own tasks
        accuracy.progress("Ray, 1 worker")
        one_s, one_mem = time_ray(model_dir, Path(folder), 1)
        accuracy.progress("Ray, 2 workers")
        two_s, two_mem = time_ray(model_dir, Path(folder), 2)
        ray.shutdown()
    print(
        f"## Ray scaling on PolNeAR dev ({len(texts)} articles, {words:,} words, model load included, "
        f"{ray_engine.BATCH_ARTICLES} articles per worker call)\n"
    )
    print("| engine | seconds | words/s | memory per worker (MiB) |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| local, 1 thread | {local_s:.1f} | {words / local_s:,.0f} | – |")
    print(
        f"| Ray, 1 worker x 1 thread | {one_s:.1f} | {words / one_s:,.0f} | {max(one_mem, default=0):,.0f} |"
    )
    print(
        f"| Ray, 2 workers x 1 thread | {two_s:.1f} | {words / two_s:,.0f} | {max(two_mem, default=0):,.0f} |"
    )
    print(f"\nScaling efficiency (2-worker rate / twice the 1-worker rate): {one_s / (2 * two_s):.2f}")
    print(f"Ray overhead at 1 worker (its time over the local time, minus 1): {one_s / local_s - 1:.1%}")
    print(f"\nMachine: {format_machine(machine_info())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
