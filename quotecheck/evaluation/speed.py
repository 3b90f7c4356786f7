"""Time quotecheck on a PolNeAR split: stanza's share and quotecheck's own overhead.

    python benchmarks/speed.py [--split dev] [--limit N] [--model-dir DIR] [--corpus DIR]
                               [--repeat N] [--write-docs]
    python benchmarks/speed.py --sizes [0.25,1,2,5] [--cache-dir DIR] [--parse] [--no-memory] ...

In one process: load the model once (``quotecheck.api.Checker``, plus a one-sentence warm-up),
then time (a) stanza's pipeline alone, ``checker.parser.parse_texts(texts)``, with the same
batching quotecheck uses, and (b) ``checker.check_texts(texts)`` end to end, which parses
again.  quotecheck's own overhead is (b) - (a).  ``--repeat N`` runs (a) and (b) N times,
alternately, and keeps the fastest of each: on a shared machine other processes only ever
slow a run down.  Prints a markdown table (words are
whitespace-separated words of the article texts) with peak resident memory and the machine;
``--write-docs`` writes the section "Checking the PolNeAR <split> set" of
``docs/performance.md``, leaving the rest of that file alone.  Progress goes to stderr.

``--sizes`` times quotecheck's own analysis of one long article made of the split's texts at
each size instead (:mod:`quotecheck.evaluation.scaling`; ``--write-docs`` writes its section).

``benchmarks/speed.py`` runs :func:`main`; ``benchmarks/ci.py`` reuses the machine description.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quotecheck.evaluation import accuracy, polnear, scaling

DOCS_FILE = polnear.REPO_ROOT / "docs" / "performance.md"
WARM_UP_TEXT = "The model is warming up, a spokesman said."


@dataclass(frozen=True)
class Timings:
    """One benchmark run."""

    articles: int
    words: int
    load_s: float  # Checker construction + model load + one-sentence warm-up
    parse_s: float  # (a) checker.parser.parse_texts
    check_s: float  # (b) checker.check_texts
    peak_rss_mib: float
    repeat: int = 1  # parse_s and check_s are the fastest of this many runs
    own_s: float | None = None  # (c) quotecheck's own stages alone, on the parses of (a)

    @property
    def overhead_s(self) -> float:
        return self.check_s - self.parse_s

    @property
    def overhead_share(self) -> float:
        return self.overhead_s / self.check_s if self.check_s > 0 else 0.0


def peak_rss_mib() -> float:
    """Peak resident set size of this process in MiB (``ru_maxrss`` is KiB on Linux)."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def machine_info() -> dict[str, str]:
    """nproc, CPU model, torch threads and versions, for the docs."""
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        nproc = os.cpu_count() or 0
    info = {"nproc": str(nproc), "cpu": cpu, "python": platform.python_version()}
    try:
        import torch

        info["torch"] = torch.__version__
        info["torch_threads"] = str(torch.get_num_threads())
        info["cuda"] = "available" if torch.cuda.is_available() else "not available"
    except ImportError:  # pragma: no cover - stanza always brings torch
        pass
    try:
        import stanza

        info["stanza"] = stanza.__version__
    except ImportError:  # pragma: no cover
        pass
    return info


def count_words(texts: Sequence[str]) -> int:
    return sum(len(text.split()) for text in texts)


def run(checker_factory: Any, texts: Sequence[str], names: Sequence[str], repeat: int = 1) -> Timings:
    """Load the model via ``checker_factory()``, then time (a) parsing and (b) checking,
    ``repeat`` times each (alternately), keeping the fastest."""
    started = time.perf_counter()
    checker = checker_factory()
    parser = checker.parser
    load = getattr(parser, "load", None)
    if callable(load):
        load()
    parser.parse_texts([WARM_UP_TEXT])
    load_s = time.perf_counter() - started
    accuracy.progress(f"model loaded in {load_s:.1f} s; parsing {len(texts)} articles")

    parse_times: list[float] = []
    check_times: list[float] = []
    own_times: list[float] = []
    for round_ in range(1, max(1, repeat) + 1):
        started = time.perf_counter()
        parses = parser.parse_texts(list(texts))
        parse_times.append(time.perf_counter() - started)
        accuracy.progress(f"[{round_}] (a) parse_texts: {parse_times[-1]:.1f} s")

        started = time.perf_counter()
        checker.check_parsed(checker.documents(list(texts), list(names)), parses)
        own_times.append(time.perf_counter() - started)
        accuracy.progress(f"[{round_}] (c) check_parsed: {own_times[-1]:.2f} s")

        started = time.perf_counter()
        checker.check_texts(list(texts), paths=list(names))
        check_times.append(time.perf_counter() - started)
        accuracy.progress(f"[{round_}] (b) check_texts: {check_times[-1]:.1f} s")
    return Timings(
        len(texts),
        count_words(texts),
        load_s,
        min(parse_times),
        min(check_times),
        peak_rss_mib(),
        len(parse_times),
        min(own_times),
    )


def format_table(timings: Timings) -> str:
    """The markdown table of a run."""
    t = timings

    def rate(seconds: float) -> str:
        return f"{t.words / seconds:,.0f}" if seconds > 0 else "–"

    rows = [
        "| stage | words | seconds | words/second |",
        "| --- | ---: | ---: | ---: |",
        f"| model load (with a one-sentence warm-up) | – | {t.load_s:.1f} | – |",
        f"| (a) stanza pipeline: `parser.parse_texts` | {t.words:,} | {t.parse_s:.1f} | {rate(t.parse_s)} |",
        f"| (b) quotecheck end to end: `check_texts` | {t.words:,} | {t.check_s:.1f} | {rate(t.check_s)} |",
        f"| difference (b) − (a), parse-time noise included | – | {t.overhead_s:.1f} "
        f"| {100 * t.overhead_share:.1f} % of (b) |",
    ]
    if t.own_s is not None:
        rows.append(
            f"| (c) quotecheck's own stages alone: `check_parsed` on the parses of (a) | {t.words:,} "
            f"| {t.own_s:.2f} | {rate(t.own_s)} |"
        )
    rows += [
        "",
        f"{t.articles} articles"
        + (f"; (a) and (b) are the fastest of {t.repeat} runs each" if t.repeat > 1 else "")
        + f"; peak resident memory (ru_maxrss) {t.peak_rss_mib:,.0f} MiB.",
    ]
    if t.overhead_s < 0:
        rows.append(
            "(b) was faster than (a): `check_texts` probably reused cached parses, so the "
            "overhead is not meaningful."
        )
    return "\n".join(rows) + "\n"


def format_machine(info: dict[str, str]) -> str:
    parts = [f"{info.get('nproc', '?')} CPUs available (nproc), {info.get('cpu', 'unknown CPU')}"]
    if "torch_threads" in info:
        parts.append(f"torch {info['torch']} with {info['torch_threads']} threads")
    if "cuda" in info:
        parts.append(f"CUDA {info['cuda']}")
    versions = ", ".join(f"{name} {info[name]}" for name in ("python", "stanza") if name in info)
    return "; ".join(parts) + (f"; {versions}" if versions else "") + "."


def section_heading(split: str) -> str:
    return f"## Checking the PolNeAR {split} set"


def render_section(
    split: str,
    timings: Timings,
    model: str,
    info: dict[str, str],
    limit: int | None,
    repeat: int = 1,
) -> str:
    scope = f"the first {limit} articles" if limit else "all articles"
    options = (f" --limit {limit}" if limit else "") + (f" --repeat {repeat}" if repeat > 1 else "")
    return (
        f"Measured {dt.date.today().isoformat()} with "
        f"`python benchmarks/speed.py --split {split}{options} "
        f"--write-docs` on {scope} of the PolNeAR {split} split, model `{model}`, in one "
        "process: the model is loaded once, then (a) stanza's pipeline alone parses the texts "
        "with quotecheck's batching, then (b) `check_texts` checks them end to end (parsing "
        "again). Words are whitespace-separated words of the article texts.\n\n"
        f"{format_table(timings)}\n"
        f"Machine: {format_machine(info)}\n"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = accuracy.corpus_parser("Time quotecheck on a PolNeAR split.")
    parser.add_argument("--repeat", type=int, default=1, help="time (a) and (b) N times, keep the fastest")
    parser.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    scaling.add_arguments(parser)
    return parser.parse_args(argv)


def write_section(heading: str, section: str) -> None:
    """Replace (or add) one section of docs/performance.md, leaving the rest alone."""
    existing = DOCS_FILE.read_text(encoding="utf-8") if DOCS_FILE.exists() else "# Performance\n"
    DOCS_FILE.parent.mkdir(parents=True, exist_ok=True)
    DOCS_FILE.write_text(accuracy.replace_section(existing, heading, section), encoding="utf-8")
    accuracy.progress(f"wrote {DOCS_FILE}")


def main_sizes(args: argparse.Namespace, articles: Sequence[polnear.Article]) -> int:
    """``--sizes``: the analysis of one long article at each size (see :mod:`.scaling`)."""
    from quotecheck.cache import default_cache_dir

    try:
        sizes = scaling.parse_sizes(args.sizes)
    except ValueError as err:
        accuracy.progress(f"error: {err}")
        return 2
    cache_dir = args.cache_dir if args.cache_dir is not None else default_cache_dir()
    pieces, cached = scaling.cached_pieces([a.text for a in articles], cache_dir)
    source = (
        f"the {len(pieces)} PolNeAR {args.split} texts ({cached} parses from the parse cache, "
        f"{len(pieces) - cached} fake parses)"
    )
    accuracy.progress(f"{source}; sizes {sizes} MB")
    parse = None
    if args.parse:
        model_dir = args.model_dir if args.model_dir is not None else accuracy.default_model_dir()
        parser = accuracy.make_checker(model_dir).parser
        parse = lambda text: parser.parse_texts([text])  # noqa: E731
    runs = scaling.measure(pieces, sizes, args.repeat, not args.no_memory, parse, accuracy.progress)
    machine = format_machine(machine_info())
    print(f"## quotecheck's analysis of one long article: {source}\n")
    print(scaling.format_table(runs))
    print(f"Machine: {machine}")
    if args.write_docs:
        options = (
            "" if args.sizes == ",".join(f"{s:g}" for s in scaling.DEFAULT_SIZES_MB) else f" {args.sizes}"
        )
        options += f" --repeat {args.repeat}" if args.repeat > 1 else ""
        write_section(scaling.SECTION, scaling.render_section(runs, source, options, machine))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    articles = accuracy.load_articles(args)
    if articles is None:
        return 2
    if args.sizes is not None:
        return main_sizes(args, articles)
    texts = [article.text for article in articles]
    names = [f"{article.name}.txt" for article in articles]
    model_dir = args.model_dir if args.model_dir is not None else accuracy.default_model_dir()

    checkers: list[Any] = []

    def factory() -> Any:
        checkers.append(accuracy.make_checker(model_dir))
        return checkers[-1]

    try:
        timings = run(factory, texts, names, repeat=args.repeat)
    except accuracy.model_error_types() as err:
        accuracy.progress(f"error: {err}")
        return 2
    model = accuracy.model_name(checkers[0], model_dir)
    info = machine_info()
    print(f"## quotecheck speed on PolNeAR {args.split} (model {model})\n")
    print(format_table(timings))
    print(f"Machine: {format_machine(info)}")

    if args.write_docs:
        section = render_section(args.split, timings, model, info, args.limit, args.repeat)
        write_section(section_heading(args.split), section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
