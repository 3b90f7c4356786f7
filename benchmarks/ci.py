"""Time ``quotecheck check`` the way CI runs it: the real CLI over a repository of articles.

    python benchmarks/ci.py [--files N] [--model-dir DIR] [--keep DIR] [--repeat N] [--write-docs]

Builds a repository of ``--files`` articles (default 200) from ``fixtures/articles``: copies in
nested folders (``news/local/2021/03/...``), Markdown, HTML and text, each copy with small text
variations (a weekday changed, an editor's note added) so that no two article texts are the
same and the parse cache cannot share an entry between them. A ``quotecheck.toml`` at the top
sets ``fail-on = "warning"`` and turns loaded verbs off under ``opinion/``.

Then it times the installed CLI (``quotecheck`` next to this Python, as subprocesses, one at a
time, ``--format json -o ... --exit-zero .`` in the repository):

1. a cold run with ``--jobs 1`` and one with ``--jobs 2``, each with a fresh, empty
   ``QUOTECHECK_CACHE_DIR`` (when the CLI has no ``--jobs`` option, one cold run without it,
   and the table says so);
2. a warm run: every parse and every finished result in the cache (that of the last cold run);
3. a warm run after changing one article.

"model loaded?" comes from the parse cache: every parse is written to it, so the entries a run
adds are the articles it parsed, and the CLI loads the model only to parse. "analysed" comes
from the results cache the same way: the results a run adds are the articles it analysed. A
warm run adds neither. Prints a markdown table; ``--write-docs`` writes it into ``docs/performance.md`` under
"CI runs over a repository of articles" (replacing that section, keeping the rest).
Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from quotecheck.documents import read_document
from quotecheck.evaluation.accuracy import replace_section
from quotecheck.evaluation.speed import format_machine, machine_info

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures" / "articles"
DOCS_FILE = REPO_ROOT / "docs" / "performance.md"
SHARED_MODEL = REPO_ROOT.parent / "shared" / "models" / "stanza-en-compact-2"
HEADING = "## CI runs over a repository of articles"
EXTENSIONS = (".txt", ".md", ".html")

SECTIONS = (
    "news/local",
    "news/national",
    "news/world",
    "business",
    "sports",
    "opinion/columns",
    "features/longform",
    "investigations",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
CORRECTIONS = (
    "the spelling of a street name",
    "a council member's title",
    "the date of a hearing",
    "the number of homes without power",
    "the name of a school",
    "a company's name",
    "the year a plant was built",
    "the location of a shelter",
)
QUOTECHECK_TOML = """\
fail-on = "warning"

[[overrides]]
paths = ["opinion/**"]
rules = { loaded-attribution-verb = "off" }
"""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- the repository ------------------------------------------------------------------------------


def fixture_articles() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in EXTENSIONS and p.is_file())


def vary(text: str, suffix: str, index: int, copy: int) -> str:
    """``text`` with a weekday changed and an editor's note added, both depending on ``index``
    and ``copy``, written in the file's own format and line endings."""
    newline = "\r\n" if "\r\n" in text else "\n"
    shift = 1 + (index + copy) % 6
    text = re.sub(
        r"\b(" + "|".join(WEEKDAYS) + r")\b",
        lambda m: WEEKDAYS[(WEEKDAYS.index(m.group(1)) + shift) % 7],
        text,
        count=1,
    )
    note = (
        f"Editor’s note: This article was updated on {MONTHS[(index + copy) % 12]} "
        f"{1 + index % 28}, {2018 + copy} to correct {CORRECTIONS[index % len(CORRECTIONS)]} "
        f"(copy {copy + 1}, item {index + 1})."
    )
    if suffix == ".html":
        tag = f'<p class="editors-note">{note.replace("’", "&rsquo;")}</p>{newline}'
        for closing in ("</article>", "</main>", "</body>"):
            at = text.rfind(closing)
            if at >= 0:
                return text[:at] + tag + text[at:]
        return text + newline + tag
    if suffix == ".md":
        note = f"*{note}*"
    return text.rstrip("\r\n") + newline + newline + note + newline


def generate(root: Path, files: int) -> list[Path]:
    """Write ``files`` article files under ``root``; returns their paths."""
    sources = fixture_articles()
    if not sources:
        raise SystemExit(f"no fixture articles in {FIXTURES}")
    root.mkdir(parents=True, exist_ok=True)
    (root / "quotecheck.toml").write_text(QUOTECHECK_TOML, encoding="utf-8")
    written = []
    for i in range(files):
        source = sources[i % len(sources)]
        copy = i // len(sources)
        section = SECTIONS[(i + copy) % len(SECTIONS)]
        folder = root / section / str(2018 + copy) / f"{1 + (i * 7) % 12:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        stem = re.sub(r"^\d+-", "", source.stem)
        path = folder / f"{stem}-{i + 1:03d}{source.suffix}"
        text = source.read_bytes().decode("utf-8")
        path.write_bytes(vary(text, source.suffix, i, copy).encode("utf-8"))
        written.append(path)
    return written


def change_one(path: Path) -> None:
    """Add a sentence to one article, as a pull request would."""
    text = path.read_text(encoding="utf-8")
    sentence = "This paragraph was added in a later edit to the story."
    at = text.rfind("</body>") if path.suffix == ".html" else -1
    if path.suffix == ".html":
        at = at if at >= 0 else len(text)
        text = text[:at] + f"<p>{sentence}</p>\n" + text[at:]
    else:
        text = text.rstrip("\n") + "\n\n" + sentence + "\n"
    path.write_text(text, encoding="utf-8")


# -- the runs ------------------------------------------------------------------------------------


@dataclass
class Run:
    name: str
    files: int
    seconds: float
    parsed: int  # parse cache entries the run added: the articles it parsed
    analysed: int  # results cache entries the run added: the articles it analysed


def cli_command() -> list[str]:
    exe = Path(sys.executable).with_name("quotecheck")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "quotecheck.cli"]


def has_jobs_option(env: dict[str, str]) -> bool:
    done = subprocess.run(
        [*cli_command(), "check", "--help"], capture_output=True, text=True, env=env, check=False
    )
    return "--jobs" in done.stdout


def cache_entries(cache: Path, suffix: str = ".conllu") -> int:
    """Entries in the cache: parses (``.conllu``) or finished results (``.result``)."""
    return sum(1 for _ in cache.rglob(f"*{suffix}")) if cache.is_dir() else 0


def timed_run(
    name: str, repo: Path, cache: Path, env: dict[str, str], model_dir: str, extra: Sequence[str] = ()
) -> Run:
    out = repo.parent / "run.json"
    run_env = dict(env, QUOTECHECK_CACHE_DIR=str(cache))
    cmd = [
        *cli_command(),
        "check",
        "--format",
        "json",
        "-o",
        str(out),
        "--exit-zero",
        "--model-dir",
        model_dir,
        *extra,
        ".",
    ]
    before, results_before = cache_entries(cache), cache_entries(cache, ".result")
    progress(f"{name}: {' '.join(cmd[1:])}")
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=repo, env=run_env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{name}: quotecheck exited {done.returncode}:\n{done.stderr}")
    summary = json.loads(out.read_text(encoding="utf-8"))["summary"]
    analysed = cache_entries(cache, ".result") - results_before
    run = Run(name, summary["checked"], seconds, cache_entries(cache) - before, analysed)
    progress(f"  {run.files} files in {seconds:.2f} s, {run.parsed} parsed, {run.analysed} analysed")
    return run


def fastest(runs: Sequence[Run]) -> Run:
    """The fastest of repeated runs: on a shared machine other processes only slow a run down."""
    if len({r.parsed for r in runs}) > 1:
        progress(f"warning: repeats of {runs[0].name} parsed {sorted(r.parsed for r in runs)} articles")
    return min(runs, key=lambda r: r.seconds)


def run_all(
    repo: Path, work: Path, env: dict[str, str], model_dir: str, files: list[Path], repeat: int = 1
) -> tuple[list[Run], bool]:
    jobs = has_jobs_option(env)
    # Untimed: one article with a throwaway cache, so that the first timed run does not also
    # pay for reading the model and the Python packages from disk into the page cache.
    progress("warm-up (untimed): one article, model loaded")
    subprocess.run(
        [*cli_command(), "check", "--format", "json", "--exit-zero", "--model-dir", model_dir, str(files[0])],
        cwd=repo,
        env=dict(env, QUOTECHECK_CACHE_DIR=str(work / "cache-warm-up")),
        capture_output=True,
        check=False,
    )
    runs = []
    cold = (
        [("cold, `--jobs 1`", ["--jobs", "1"]), ("cold, `--jobs 2`", ["--jobs", "2"])]
        if jobs
        else [("cold (this CLI has no `--jobs` option)", [])]
    )
    cache = work / "cache"
    for name, extra in cold:
        tries = []
        for _ in range(repeat):
            shutil.rmtree(cache, ignore_errors=True)  # a fresh, empty cache for every cold run
            tries.append(timed_run(name, repo, cache, env, model_dir, extra))
        runs.append(fastest(tries))
    runs.append(
        fastest([timed_run("warm, nothing changed", repo, cache, env, model_dir) for _ in range(repeat)])
    )
    tries = []
    for r in range(repeat):
        change_one(files[(len(files) // 2 + r) % len(files)])
        tries.append(timed_run("warm, one article changed", repo, cache, env, model_dir))
    runs.append(fastest(tries))
    return runs, jobs


# -- the table -----------------------------------------------------------------------------------


def format_table(runs: Sequence[Run]) -> str:
    lines = [
        "| run | files | seconds | seconds per 100 files | model loaded? | analysed |",
        "| --- | ---: | ---: | ---: | --- | ---: |",
    ]
    for r in runs:
        per100 = r.seconds * 100 / r.files if r.files else 0.0
        loaded = f"yes ({r.parsed} parsed)" if r.parsed else "no"
        lines.append(f"| {r.name} | {r.files} | {r.seconds:.2f} | {per100:.2f} | {loaded} | {r.analysed} |")
    return "\n".join(lines) + "\n"


def machine_line() -> str:
    try:
        return format_machine(machine_info())
    except Exception as err:  # pragma: no cover - the docs line is a nicety
        return f"unknown ({type(err).__name__}: {err})."


def render_section(
    runs: Sequence[Run],
    jobs: bool,
    files: int,
    formats: dict[str, int],
    words: int,
    model: str,
    machine: str,
    repeat: int = 1,
) -> str:
    mix = ", ".join(f"{n} {kind}" for kind, n in formats.items())
    options = f" --repeat {repeat}" if repeat > 1 else ""
    note = (
        ""
        if jobs
        else "The installed CLI had no `--jobs` option, so the cold run is single-process and "
        "there is no `--jobs 2` row.\n\n"
    )
    return (
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/ci.py --files {files}"
        f"{options} --write-docs`: a generated repository of {files} articles ({mix}; "
        f"{words:,} words) "
        "copied from `fixtures/articles` into nested folders, each copy with small text "
        "variations so that no two texts are the same, with a `quotecheck.toml` at the top. "
        "Each run is the installed `quotecheck check --format json -o run.json --exit-zero .` "
        f"as a subprocess, start-up included, model `{model}`. A cold run starts with an empty "
        "`QUOTECHECK_CACHE_DIR`; the warm runs reuse the last cold run's cache. \"model "
        'loaded?" counts the entries each run added to the parse cache: the CLI loads the '
        'model only when an article is not in the cache. "analysed" counts the entries it '
        "added to the results cache: an article whose file, configuration, model and "
        "quotecheck are unchanged is neither parsed nor analysed. Before the results cache "
        "(issue 11) a warm run analysed every article again from its cached parse: 0.67 s "
        "per 100 files on 2026-11-24."
        + (
            f" Every row is the fastest of {repeat} runs (each cold one with a fresh cache; "
            'each "one article changed" run changes another article).'
            if repeat > 1
            else ""
        )
        + "\n\n"
        f"{format_table(runs)}\n"
        f"{note}"
        f"Machine: {machine}\n"
    )


# -- main ----------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Time the quotecheck CLI over a repository of articles.")
    parser.add_argument("--files", type=int, default=200, help="articles to generate (default 200)")
    parser.add_argument(
        "--model-dir",
        type=Path,
        default=None,
        help="stanza model directory (default: $QUOTECHECK_MODEL_DIR, else "
        "../shared/models/stanza-en-compact-2)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        metavar="DIR",
        help="build the repository and the caches in DIR and keep them "
        "(default: a temporary directory, removed afterwards)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="time every run N times (cold ones with a fresh cache each time) and keep the fastest",
    )
    parser.add_argument("--write-docs", action="store_true", help="update docs/performance.md")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if args.files < 1:
        parser.error("--files must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    model_dir = args.model_dir or (
        Path(os.environ["QUOTECHECK_MODEL_DIR"]) if os.environ.get("QUOTECHECK_MODEL_DIR") else SHARED_MODEL
    )
    if not (model_dir / "resources.json").is_file():
        progress(f"error: no stanza model in {model_dir} (give --model-dir)")
        return 2
    env = dict(os.environ, QUOTECHECK_MODEL_DIR=str(model_dir))
    for var in ("QUOTECHECK_CACHE_DIR", "QUOTECHECK_JOBS"):
        env.pop(var, None)

    if args.keep is not None:
        work = args.keep.resolve()
        if work.exists() and any(work.iterdir()):
            progress(f"error: --keep {work} is not empty")
            return 2
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="quotecheck-ci-bench-"))
    try:
        repo = work / "articles"
        files = generate(repo, args.files)
        formats: dict[str, int] = {}
        for p in files:
            kind = {".txt": "text", ".md": "Markdown", ".html": "HTML"}[p.suffix]
            formats[kind] = formats.get(kind, 0) + 1
        texts = [read_document(str(p)).text for p in files]
        if len(set(texts)) != len(texts):
            progress("warning: some generated articles have the same text")
        words = sum(len(t.split()) for t in texts)
        progress(f"generated {len(files)} articles ({words:,} words) in {repo}")
        runs, jobs = run_all(repo, work, env, str(model_dir), files, args.repeat)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)

    machine = machine_line()
    print(f"## quotecheck CLI over {args.files} articles (model {model_dir.name})\n")
    print(format_table(runs))
    if not jobs:
        print("(no --jobs option in this CLI: one cold run without it)\n")
    print(f"Machine: {machine}")
    if args.write_docs:
        existing = DOCS_FILE.read_text(encoding="utf-8") if DOCS_FILE.exists() else "# Performance\n"
        section = render_section(runs, jobs, args.files, formats, words, model_dir.name, machine, args.repeat)
        DOCS_FILE.write_text(replace_section(existing, HEADING, section), encoding="utf-8")
        progress(f"wrote {DOCS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
