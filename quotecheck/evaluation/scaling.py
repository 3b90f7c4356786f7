"""How quotecheck's own analysis grows with one article's length (``benchmarks/speed.py --sizes``).

    python benchmarks/speed.py --sizes [0.25,1,2,5] [--cache-dir DIR] [--parse] [--repeat N]
                               [--write-docs]

The long articles are the PolNeAR split's texts (``--corpus``/``--split``, read at run time)
concatenated, as blocks separated by a blank line, over and over until each size (in MB of
UTF-8 text) is reached. The analysis (:func:`quotecheck.api.analyze`: quotations, attribution,
sources, rules, report) is timed on a :class:`~quotecheck.parsing.Parse` built the same way
from each article's own parse, its offsets shifted (:func:`concatenate`), so no 5 MB text goes
through the model: the parses come from a parse cache (``--cache-dir``, as ``quotecheck check``
leaves it; by default the Checker's), and an article missing there gets the model-free
:func:`~quotecheck.testing.fake_parse.fake_parse` (the output says how many did). Time is CPU
time of this process (``time.process_time``: other processes on a shared machine barely change
it), the fastest of ``--repeat`` runs, with the wall-clock time beside it; memory is the
analysis's peak allocation (``tracemalloc``, in a separate run, since tracing slows it down).
``--parse`` also times the model parsing each long text (slow: about 1,300 words a second).
The requirement (issue 13) is that time per MB stays within 1.5x of the smallest size's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from quotecheck.api import analyze
from quotecheck.documents import BLOCK_SEPARATOR, Document, document_from_bytes
from quotecheck.parsing import Parse, Sentence

DEFAULT_SIZES_MB = (0.25, 1.0, 2.0, 5.0)
MAX_RATIO = 1.5  # time per MB at any size, over the smallest size's
MB = 1_000_000
SECTION = "## One long article: analysis time and memory by size"


@dataclass(frozen=True)
class Piece:
    """One article's text and its parse (offsets into that text)."""

    text: str
    parse: Parse


@dataclass(frozen=True)
class SizeRun:
    """The analysis of one long article."""

    size_mb: float  # asked for
    chars: int
    mb: float  # UTF-8 bytes / 1,000,000 of the text built
    words: int
    cpu_s: float
    wall_s: float
    peak_mib: float | None  # tracemalloc's peak during the analysis
    parse_s: float | None = None  # --parse: the model's wall-clock time on the text

    @property
    def s_per_mb(self) -> float:
        return self.cpu_s / self.mb if self.mb else 0.0


def concatenate(pieces: Sequence[Piece], size_bytes: int) -> tuple[str, Parse]:
    """The pieces' texts joined by blank lines, from the first piece round again and again
    until the text has ``size_bytes`` bytes of UTF-8 (at least one piece), and their parses
    as one, every word's offsets shifted to where its piece now stands."""
    texts: list[str] = []
    sentences: list[Sentence] = []
    offset = size = 0
    model_id = pieces[0].parse.model_id if pieces else "unknown"
    while size < size_bytes or not texts:
        piece = pieces[len(texts) % len(pieces)]
        if texts:
            offset += len(BLOCK_SEPARATOR)
            size += len(BLOCK_SEPARATOR)
        for sent in piece.parse.sentences:
            words = tuple(replace(w, start=w.start + offset, end=w.end + offset) for w in sent.words)
            sentences.append(Sentence(words))
        texts.append(piece.text)
        offset += len(piece.text)
        size += len(piece.text.encode("utf-8"))
    return BLOCK_SEPARATOR.join(texts), Parse(tuple(sentences), model_id)


def long_document(text: str) -> Document:
    """The long article as a plain-text document; its article text must be the text itself."""
    doc = document_from_bytes(text.encode("utf-8"), "long-article.txt", "text")
    if doc.text != text:
        raise ValueError("the concatenated text changed when read as a document")
    return doc


def cached_pieces(texts: Sequence[str], cache_dir: Path) -> tuple[list[Piece], int]:
    """Each text with its parse from the parse cache under ``cache_dir`` (whichever model's
    parses it holds most of), else a fake parse; and how many parses came from the cache."""
    from quotecheck.cache import CACHE_FORMAT_VERSION, ParseCache
    from quotecheck.testing.fake_parse import fake_parse

    docs = [article_text(t) for t in texts]
    best: list[Parse | None] = [None] * len(docs)
    models = cache_dir / f"v{CACHE_FORMAT_VERSION}"
    for model_dir in sorted(models.iterdir()) if models.is_dir() else []:
        found = ParseCache(cache_dir, model_dir.name).get_many(docs)
        if sum(p is not None for p in found) > sum(p is not None for p in best):
            best = found
    pieces = [Piece(d, p if p is not None else fake_parse(d)) for d, p in zip(docs, best, strict=True)]
    return pieces, sum(p is not None for p in best)


def article_text(text: str) -> str:
    """An article's text as the Checker sees it (a plain-text document's article text)."""
    return document_from_bytes(text.encode("utf-8"), "article.txt", "text").text


def _timed(doc: Document, parse: Parse) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    analyze(doc, parse)
    return time.process_time() - cpu, time.perf_counter() - wall


def _peak_mib(doc: Document, parse: Parse) -> float:
    tracemalloc.start()
    try:
        analyze(doc, parse)
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def measure(
    pieces: Sequence[Piece],
    sizes_mb: Sequence[float],
    repeat: int = 1,
    memory: bool = True,
    parser: Callable[[str], object] | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> list[SizeRun]:
    """Build each long article and time its analysis (``repeat`` times, keep the fastest);
    ``parser``: also time it on the text (the model's ``parse``)."""
    runs: list[SizeRun] = []
    for size_mb in sizes_mb:
        text, parse = concatenate(pieces, int(size_mb * MB))
        doc = long_document(text)
        times = [_timed(doc, parse) for _ in range(max(1, repeat))]
        cpu_s, wall_s = min(times)
        peak = _peak_mib(doc, parse) if memory else None
        parse_s = None
        if parser is not None:
            started = time.perf_counter()
            parser(text)
            parse_s = time.perf_counter() - started
        run = SizeRun(
            size_mb,
            len(text),
            len(text.encode("utf-8")) / MB,
            len(text.split()),
            cpu_s,
            wall_s,
            peak,
            parse_s,
        )
        progress(f"{size_mb:g} MB: {cpu_s:.2f} s CPU ({run.s_per_mb:.2f} s per MB)")
        runs.append(run)
    return runs


def within_bound(runs: Sequence[SizeRun]) -> bool:
    """Does the time per MB stay within MAX_RATIO of the smallest size's?"""
    if not runs:
        return True
    base = min(runs, key=lambda r: r.mb).s_per_mb
    return all(r.s_per_mb <= MAX_RATIO * base for r in runs)


def format_table(runs: Sequence[SizeRun]) -> str:
    """The markdown table, and whether the time per MB keeps within the bound."""
    base = min(runs, key=lambda r: r.mb).s_per_mb if runs else 0.0
    parse = any(r.parse_s is not None for r in runs)
    head = "| size | MB | words | analysis (CPU s) | wall s | s per MB | × smallest | peak MiB |"
    rule = "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    if parse:
        head, rule = head + " parse (wall s) |", rule + " ---: |"
    rows = [head, rule]
    for r in runs:
        ratio = f"{r.s_per_mb / base:.2f}" if base else "–"
        peak = f"{r.peak_mib:,.0f}" if r.peak_mib is not None else "–"
        row = (
            f"| {r.size_mb:g} MB | {r.mb:.2f} | {r.words:,} | {r.cpu_s:.2f} | {r.wall_s:.2f} "
            f"| {r.s_per_mb:.2f} | {ratio} | {peak} |"
        )
        if parse:
            row += f" {r.parse_s:.1f} |" if r.parse_s is not None else " – |"
        rows.append(row)
    verdict = "within" if within_bound(runs) else "NOT within"
    rows += ["", f"Time per MB is {verdict} {MAX_RATIO}× of the smallest size's."]
    return "\n".join(rows) + "\n"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``benchmarks/speed.py`` that belong to ``--sizes``."""
    parser.add_argument(
        "--sizes",
        nargs="?",
        const=",".join(f"{s:g}" for s in DEFAULT_SIZES_MB),
        default=None,
        metavar="MB,MB,...",
        help="time the analysis of one long article at these sizes (default 0.25,1,2,5) instead",
    )
    parser.add_argument(
        "--cache-dir", type=Path, default=None, help="--sizes: the parse cache holding the articles' parses"
    )
    parser.add_argument("--parse", action="store_true", help="--sizes: also time the model parsing each text")
    parser.add_argument("--no-memory", action="store_true", help="--sizes: skip the tracemalloc run")


def parse_sizes(value: str) -> list[float]:
    """``"0.25,1,2"`` -> [0.25, 1.0, 2.0]."""
    sizes = [float(part) for part in value.split(",") if part.strip()]
    if not sizes or any(s <= 0 for s in sizes):
        raise ValueError(f"--sizes wants positive sizes in MB, got {value!r}")
    return sizes


def render_section(runs: Sequence[SizeRun], source: str, options: str, machine: str) -> str:
    """The docs/performance.md section."""
    return (
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/speed.py --sizes{options} "
        "--write-docs`: one article made "
        f"of {source}, concatenated until each size; quotecheck's own analysis (`api.analyze`: "
        "quotations, attribution, sources, rules, report) of it, from parses (each article's own, "
        "offsets shifted), so the model does not parse 5 MB. Time is CPU seconds of the process "
        "(the fastest run); peak MiB is the analysis's peak allocation (tracemalloc). Before the "
        "indexes of issue 13 the same analysis took 0.9 s at 0.25 MB, 10.8 s at 1 MB, 65 s at 2 MB "
        "and 206 s at 3 MB (about n^2.7).\n\n"
        f"{format_table(runs)}\n"
        f"Machine: {machine}\n"
    )
