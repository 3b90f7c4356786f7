"""Measure quotecheck's attribution accuracy on the PolNeAR corpus.

    python benchmarks/accuracy.py [--split dev] [--limit N] [--model-dir DIR] [--errors N]
                                  [--corpus DIR] [--json FILE] [--write-docs] [--cache-dir DIR]
                                  [--speakers [--labelled {measuring,tuning}] [--gold FILE]]

Runs quotecheck in-process (``quotecheck.api.Checker``, model loaded once) on every article of
the split, scores the reports against the gold annotations (see
``quotecheck/evaluation/polnear.py`` for what counts as gold and how quotations are matched) and
prints markdown tables to stdout.  Progress goes to stderr.  ``--errors N`` also prints N error
examples per kind (missed, spurious, wrong speaker); ``--json FILE`` writes the scores as JSON;
``--write-docs`` rewrites ``docs/accuracy.md``; ``--cache-dir DIR`` keeps the parses between runs.

``--speakers`` restricts the run to the articles of a hand-labelled speaker gold of the train
split and adds the resolved-speaker and source-type tables of
:mod:`quotecheck.evaluation.speakers` (and, with ``--errors N``, N wrong speakers and N wrong
types); with ``--write-docs`` it replaces only that set's speakers section of
``docs/accuracy.md``.  ``--labelled`` names the set (:data:`LABELLED_SETS`): ``measuring``
(default, ``benchmarks/gold/polnear-train-speakers.jsonl``, never tuned on) or ``tuning``
(``benchmarks/gold/polnear-train-speakers-tuning.jsonl``); ``--gold FILE`` replaces its file.

The corpus is read from ``--corpus``, ``$QUOTECHECK_POLNEAR`` or
``<repo>/../shared/corpora/polnear``.  The model is ``--model-dir``, else
``$QUOTECHECK_MODEL_DIR``, else ``<repo>/../shared/models/stanza-en-compact-2`` when it exists,
else stanza's default directory.

``benchmarks/accuracy.py`` runs :func:`main`; the helpers above the benchmark proper (model
directory, progress, markdown sections) are shared with the other benchmarks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotecheck.evaluation import polnear, speakers

REPO_ROOT = polnear.REPO_ROOT
ENV_MODEL_DIR = "QUOTECHECK_MODEL_DIR"
SHARED_MODEL = "stanza-en-compact-2"
DOCS_FILE = REPO_ROOT / "docs" / "accuracy.md"
DEFAULT_BATCH = 16
KEPT_SECTIONS = ("## Before and after", "## Results:", "## Speakers")
"""Headings of the sections a ``--write-docs`` run keeps from the old file unless it wrote them."""
LEAD_SECTION = "## Before and after"
"""The hand-written summary a ``--write-docs`` run keeps first, before the method."""
SPEAKERS_HEADING = "## Speakers and source types: the labelled train articles"
TUNING_SPEAKERS_HEADING = "## Speakers and source types: the labelled tuning articles"


# ---------------------------------------------------------------------------------------------
# Helpers shared with the other benchmarks (speed, ci, summaries)
# ---------------------------------------------------------------------------------------------


def default_model_dir(repo_root: Path = REPO_ROOT) -> Path | None:
    """The model directory to pass to ``Checker`` when ``--model-dir`` is not given.

    ``None`` when ``$QUOTECHECK_MODEL_DIR`` is set (the Checker reads it) or when the shared
    compact model is absent (the Checker falls back to stanza's default directory).
    """
    if os.environ.get(ENV_MODEL_DIR):
        return None
    shared = repo_root.parent / "shared" / "models" / SHARED_MODEL
    return shared if shared.is_dir() else None


def model_name(checker: Any, model_dir: Path | None) -> str:
    """The model directory's name (never its absolute path) for reports and docs."""
    location = getattr(getattr(checker, "parser", None), "location", None)
    path = getattr(location, "path", None)
    if path is not None:
        return Path(path).name
    if model_dir is not None:
        return Path(model_dir).name
    env = os.environ.get(ENV_MODEL_DIR)
    return Path(env).name if env else "stanza default"


def make_checker(model_dir: Path | None, cache_dir: Path | None = None) -> Any:
    """``quotecheck.api.Checker(model_dir=..., cache_dir=...)`` (``cache_dir`` only when given);
    imported here so the module loads without it."""
    from quotecheck.api import Checker

    model = str(model_dir) if model_dir is not None else None
    if cache_dir is None:
        return Checker(model_dir=model)
    return Checker(model_dir=model, cache_dir=str(cache_dir))


def model_error_types() -> tuple[type[BaseException], ...]:
    """The errors a missing or broken model raises, caught to exit with a message."""
    from quotecheck.parsing import ModelError

    return (ModelError,)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def keep_other_results(old: str, new: str) -> str:
    """``new`` plus every section of ``old`` headed by one of :data:`KEPT_SECTIONS` ("## Results:
    ...", "## Speakers ...") that ``new`` does not have; the :data:`LEAD_SECTION` goes before
    the method, the others after what ``new`` holds."""
    present = {line.strip() for line in new.splitlines() if line.startswith(KEPT_SECTIONS)}
    lines = old.splitlines()
    for i, line in enumerate(lines):
        if line.startswith(KEPT_SECTIONS) and line.strip() not in present:
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("## ")), len(lines))
            body = "\n".join(lines[i + 1 : end]).strip("\n")
            if line.startswith(LEAD_SECTION) and "\n## Method" in new:
                at = new.index("\n## Method") + 1
                new = f"{new[:at]}{line.strip()}\n\n{body}\n\n{new[at:]}"
            else:
                new = replace_section(new, line.strip(), body)
    return new


def replace_section(document: str, heading: str, body: str) -> str:
    """Replace the markdown section titled ``heading`` (up to the next heading of the same or
    a higher level) with ``heading`` + ``body``, or append it when absent."""
    level = len(heading) - len(heading.lstrip("#"))
    lines = document.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == heading.strip()), None)
    section = [heading, "", *body.strip("\n").splitlines()]
    if start is None:
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join([*lines, "", *section]).lstrip("\n") + "\n"
    end = len(lines)
    for i in range(start + 1, len(lines)):
        stripped = lines[i].lstrip()
        hashes = len(stripped) - len(stripped.lstrip("#"))
        if 0 < hashes <= level and stripped[hashes : hashes + 1] == " ":
            end = i
            break
    tail = lines[end:]
    return "\n".join([*lines[:start], *section, *([""] if tail else []), *tail]) + "\n"


# ---------------------------------------------------------------------------------------------
# The benchmark
# ---------------------------------------------------------------------------------------------


def run_checker(
    checker: Any, articles: Sequence[polnear.Article], batch: int = DEFAULT_BATCH
) -> list[dict[str, Any]]:
    """Reports for all articles, checked ``batch`` at a time with progress on stderr."""
    reports: list[dict[str, Any]] = []
    started = time.perf_counter()
    for i in range(0, len(articles), batch):
        chunk = articles[i : i + batch]
        results = checker.check_texts(
            [article.text for article in chunk],
            paths=[f"{article.name}.txt" for article in chunk],
        )
        reports.extend(result.report for result in results)
        progress(f"checked {len(reports)}/{len(articles)} articles ({time.perf_counter() - started:.1f} s)")
    return reports


def format_errors(examples: Sequence[polnear.ErrorExample], per_kind: int) -> str:
    """Markdown lists of error examples, ``per_kind`` of each kind."""
    out: list[str] = []
    titles = {
        "missed": "Missed gold quotations",
        "spurious": "Predicted quotations with no gold match",
        "speaker": "Matched quotations with a wrong speaker (strict)",
    }
    for kind, title in titles.items():
        of_kind = [example for example in examples if example.kind == kind]
        chosen = of_kind[:per_kind]
        out += ["", f"### {title} ({len(chosen)} shown)", ""]
        if kind != "missed":
            by_pattern = Counter(example.pattern or "no cue" for example in of_kind)
            counts = ", ".join(f"{pattern} {n}" for pattern, n in by_pattern.most_common())
            out += [f"All {len(of_kind)} by the predicted cue's pattern: {counts}.", ""]
        for example in chosen:
            quote = _clip(example.quote_text)
            tags = ", ".join(t for t in (example.predicted_kind, example.pattern) if t)
            out.append(
                f"- `{example.article}` {example.start}-{example.end}"
                f"{f' [{tags}]' if tags else ''}: {quote}"
                f" — gold source: {_show(example.gold_source_text)}"
                f"; predicted: {_show(example.predicted_mention_text)}"
            )
    return "\n".join(out) + "\n"


def _clip(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _show(text: str | None) -> str:
    return "(none)" if text is None else f"“{_clip(text, 60)}”"


def gold_summary(stats: dict[str, int]) -> str:
    return (
        f"{stats['articles']} articles, {stats['attributions']} attributions: "
        f"{stats['direct_quotes']} gold direct quotations (in {stats['direct_attributions']} "
        f"attributions; {stats['direct_quotes_mixed']} inside paraphrase, "
        f"{stats['direct_quotes_without_source']} without a Source) and "
        f"{stats['indirect']} gold indirect attributions "
        f"({stats['indirect_without_source']} without a Source)."
    )


METHOD = """\
## Method

`benchmarks/accuracy.py` runs quotecheck in-process on every article of a split of PolNeAR
(Newell, Margolin and Ruths, LREC 2018; political news from seven US publishers). It checks
the plain `.txt` files, so report offsets are offsets into the corpus text, and scores the
JSON reports against the corpus's attribution annotations with `quotecheck/evaluation/polnear.py`. The
corpus is read at run time from `../shared/corpora/polnear` (or `--corpus`,
`$QUOTECHECK_POLNEAR`); none of it is copied into the repository.

**Gold.** PolNeAR annotates each attribution as Source, Cue and Content spans tied by an
event. An attribution whose Content contains double quotation marks (`"`, `“ ”`, or the `''`
of the New York Times texts) yields one gold *direct quotation* per quoted segment of the
content, from the opening to the closing mark, marks included; a segment running past the
content is clipped to it. Nested quotation marks stay inside their segment, a quotation left
open at a paragraph end continues when the next paragraph opens with a quotation mark, and a
content that begins inside a quotation yields a segment from the content start to the
closing mark. The attribution's Source spans are the gold speaker; attributions annotated
without a Source have no gold speaker. Contents with no quotation mark are gold *indirect
attributions*. Where several annotators annotated an article (18 of the 924 train and dev
articles, five or six files each) the alphabetically first annotation file is used.
Quotation marks outside every Content (scare quotes, titles) are not gold, and quotecheck's
`scare` and `title` quotes are not scored.

**Matching.** Predicted quotes of kind `direct` or `partial` are matched one-to-one to gold
quotations, greedily by the largest character overlap (any overlap counts); precision, recall
and F1 follow. Predicted `indirect` quotes are matched the same way to gold indirect contents,
and so are the turns of a transcript ("PENCE: ...", cue pattern `transcript`): their content
holds no quotation mark, and PolNeAR annotates them as indirect (since round 5).

**Speaker.** On matched quotations whose gold attribution has a Source: *strict* is correct
when the quote's `speaker.mention` overlaps a gold Source span; *cluster* is correct when
that or any mention of the predicted source (`sources[].mentions`) does. A null speaker is
wrong. A gold Source is often a pronoun ("he") or a descriptor, since PolNeAR marks the
mention the cue attaches to.

**Caveats.** The gold standard follows the annotation, not typography. Quoted titles and
names inside an attributed content become gold quotations (roughly 2%: "an episode of
“Shark Tank.”"), and a quotation inside a nested report ("He did not address the tweets in
which he called her “disgusting”") has the outer Source ("He") as its gold speaker. PolNeAR's
annotation is nearly but not quite exhaustive: in the dev texts a dozen quotations of four
words or more lie outside every attribution and count against precision when quotecheck
reports them. Transcripts quoted paragraph by paragraph ("PENCE: ...") are often annotated
without their opening quotation marks and then count as indirect. Per-publisher numbers
rest on a dozen articles each.
"""


def render_docs(
    split: str,
    scores: dict[str, Any],
    stats: dict[str, int],
    model: str,
    seconds: float,
    limit: int | None,
) -> str:
    today = dt.date.today().isoformat()
    scope = f"the first {limit} articles of the {split} split" if limit else f"the {split} split"
    return (
        "# Accuracy on PolNeAR\n\n"
        "quotecheck's quotation detection and speaker attribution measured against the "
        "PolNeAR attribution corpus. The dev split is the one quotecheck was developed against; "
        "the first 200 articles of the train split are held out (scored while developing, but their "
        "errors were never inspected or tuned on) "
        "and show how well the numbers carry over. Regenerate with "
        "`python benchmarks/accuracy.py --split dev --write-docs` and "
        "`python benchmarks/accuracy.py --split train --limit 200 --write-docs`; each run "
        "replaces its own results section.\n\n"
        f"{METHOD}\n"
        f"## Results: {scope}\n\n"
        f"Run on {today} with the model `{model}`; checking took {seconds:.0f} s "
        f"(model load included).\n\n"
        f"Gold: {gold_summary(stats)}\n\n"
        "Precision, recall, F1 and speaker accuracy in percent.\n\n"
        f"{polnear.format_markdown(scores)}"
    )


def corpus_parser(description: str) -> argparse.ArgumentParser:
    """A command line with the options that choose the articles and the model: ``--split``,
    ``--limit``, ``--model-dir``, ``--corpus`` (what :func:`load_articles` reads)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--split", default="dev", help="corpus split (default: dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--model-dir", type=Path, default=None, help="stanza model directory")
    parser.add_argument("--corpus", type=Path, default=None, help="PolNeAR directory")
    return parser


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = corpus_parser("Score quotecheck against the PolNeAR attribution corpus.")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N error examples per kind")
    parser.add_argument("--batch", type=int, default=DEFAULT_BATCH, help="articles per check_texts call")
    parser.add_argument("--json", type=Path, default=None, help="write the scores as JSON")
    parser.add_argument("--write-docs", action="store_true", help="rewrite docs/accuracy.md")
    parser.add_argument("--cache-dir", type=Path, default=None, help="keep parses here between runs")
    parser.add_argument(
        "--speakers", action="store_true", help="only the speaker-labelled articles, with speaker tables"
    )
    parser.add_argument(
        "--labelled",
        choices=sorted(LABELLED_SETS),
        default=None,
        help="which labelled set --speakers scores (default: measuring, never tuned on)",
    )
    parser.add_argument(
        "--gold", type=Path, default=None, help="speaker gold for --speakers (JSON lines; default: the set's)"
    )
    args = parser.parse_args(argv)
    if not args.speakers and (args.labelled is not None or args.gold is not None):
        parser.error("--labelled and --gold choose the labelled set of --speakers; add --speakers")
    args.labelled = args.labelled or "measuring"
    return args


def load_articles(args: argparse.Namespace) -> list[polnear.Article] | None:
    """The split named by ``--split``/``--limit`` from ``--corpus`` (or the default corpus);
    None, with a message, when the corpus is missing."""
    corpus = args.corpus if args.corpus is not None else polnear.default_corpus_dir()
    try:
        return polnear.load_split(corpus, args.split, limit=args.limit)
    except FileNotFoundError as err:
        progress(f"error: {err} (set --corpus DIR or ${polnear.ENV_CORPUS})")
        return None


def load_labelled(
    args: argparse.Namespace,
) -> tuple[list[polnear.Article], list[speakers.GoldArticle]] | None:
    """``--speakers``: the split's articles that the speaker gold labels (the first ``--limit``
    of them) and their gold, in gold order; None, with a message, when the corpus or the gold
    file is missing or the split lacks a labelled article."""
    limit, args.limit = args.limit, None
    articles = load_articles(args)
    args.limit = limit
    if articles is None:
        return None
    try:
        gold = speakers.load_gold(args.gold or LABELLED_SETS[args.labelled].gold)[:limit]
    except FileNotFoundError as err:
        progress(f"error: {err}")
        return None
    by_name = {article.name: article for article in articles}
    absent = [item.name for item in gold if item.name not in by_name]
    if absent:
        progress(
            f"error: {len(absent)} labelled articles are not in the {args.split} split: {absent[0]}, ..."
        )
        return None
    return [by_name[item.name] for item in gold], gold


SPEAKERS_METHOD = """\
A gold event is *found* when its Content matches a direct, partial or indirect report quote
(the one-to-one overlap matching above). On found events, a speaker is correct when the gold
source is named in the article and the quote's report source is it (one of the source's
mentions overlaps the gold name, or the two names have the same last word and, where both
have words before it, the given name of one is among the other's: "Clinton" and "Former
Secretary Hillary Clinton" fit "Hillary Clinton", "Bill Clinton" does not; organization names
need the same first word too), or when the gold source is unnamed (anonymous, a document, not
a source) and the report source is not typed as named; a quote without a speaker is correct
only for `not_a_source`. The rows by resolution use the report's `speaker.resolution`.
Most unfound events are indirect attributions quotecheck does not report (see the indirect
recall above), so the "all" column leans on the quoted events.

Source types: each gold source is mapped to the report source most of its found events are
attributed to, and each report source takes the type of the gold source most of its events
belong to (`unknown` and no speaker stand for `not_a_source`). Precision counts the report
sources of a type that have a found event; strict precision counts all report sources of
the type (those that match no gold event are false positives, among them sources that are
only mentioned). Recall is over all gold sources of the type; one with no found event is a
miss. *Recall where found* is over the gold sources of the type that have at least one found
event: it separates typing errors from attributions quotecheck does not find. Percentages with
counts.

The errors are then counted by issue 10's root causes: a wrong speaker by how it was found (a
pronoun, a description, the mention at the cue, or no cue of its own: the paragraph's speaker),
a wrong type by what was confused (anonymous over-counted or missed, a named source left
unknown, person and organization), documents and transcript layouts first; and the gold events
not found at all. Nested speech has no mark of its own in a report and counts with the
mention at the cue.
"""


@dataclass(frozen=True)
class LabelledSet:
    """A hand-labelled speaker gold: its file, its docs section and what the section says first."""

    gold: Path
    heading: str
    intro: str
    method: bool = True  # False: the intro points to the method of the measuring set's section


LABELLED_SETS = {
    "measuring": LabelledSet(
        speakers.DEFAULT_GOLD,
        SPEAKERS_HEADING,
        """\
Resolved speakers and source types, scored against blind hand labels of every PolNeAR event
in 64 train articles (`benchmarks/gold/polnear-train-speakers.jsonl`, labelling guide and
agreement in `docs/labelling.md`) with `quotecheck/evaluation/speakers.py`. Nobody tunes on
these articles: they are read for these numbers only. Regenerate with
`python benchmarks/accuracy.py --split train --speakers --write-docs`.
""",
    ),
    "tuning": LabelledSet(
        speakers.TUNING_GOLD,
        TUNING_SPEAKERS_HEADING,
        """\
The same tables on the tuning labels: 48 train articles from the part of train that rules are
tuned on (`benchmarks/gold/polnear-train-speakers-tuning.jsonl`, labelled blind with the same
guide, `docs/labelling.md`), scored as in the section above. Resolution and typing errors are
read and fixed on these; the section above is the unseen check. Regenerate with
`python benchmarks/accuracy.py --split train --speakers --labelled tuning --write-docs`.
""",
        method=False,
    ),
}
"""The labelled sets ``--labelled`` chooses from."""


def render_speakers(evaluation: speakers.Evaluation, model: str, labelled: LabelledSet) -> str:
    """The body of the docs' speakers section for the ``labelled`` set."""
    today = dt.date.today().isoformat()
    method = f"{SPEAKERS_METHOD}\n" if labelled.method else ""
    return (
        f"{labelled.intro}\n{method}"
        f"Run on {today} with the model `{model}` over {evaluation.scores['articles']} articles.\n\n"
        f"{speakers.format_markdown(evaluation.scores)}"
    )


def write_docs(document: str) -> None:
    """Write ``docs/accuracy.md``, keeping the old file's results of other runs."""
    DOCS_FILE.parent.mkdir(parents=True, exist_ok=True)
    if DOCS_FILE.exists():  # keep the results of the other splits (a held-out train check)
        document = keep_other_results(DOCS_FILE.read_text(encoding="utf-8"), document)
    DOCS_FILE.write_text(document, encoding="utf-8")
    progress(f"wrote {DOCS_FILE}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    gold: list[speakers.GoldArticle] = []
    if args.speakers:
        labelled = load_labelled(args)
        if labelled is None:
            return 2
        articles, gold = labelled
    else:
        loaded = load_articles(args)
        if loaded is None:
            return 2
        articles = loaded
    stats = polnear.gold_statistics(articles)
    progress(f"{args.split}: {gold_summary(stats)}")

    model_dir = args.model_dir if args.model_dir is not None else default_model_dir()
    started = time.perf_counter()
    try:
        checker = make_checker(model_dir, args.cache_dir)
        reports = run_checker(checker, articles, batch=max(1, args.batch))
    except model_error_types() as err:
        progress(f"error: {err}")
        return 2
    seconds = time.perf_counter() - started
    model = model_name(checker, model_dir)

    scores = polnear.score(articles, reports)
    print(f"## quotecheck on PolNeAR {args.split} ({len(articles)} articles, model {model})\n")
    print(polnear.format_markdown(scores), end="")
    evaluation = None
    if gold:
        texts = {article.name: article.text for article in articles}
        by_name = {article.name: report for article, report in zip(articles, reports, strict=True)}
        evaluation = speakers.evaluate(gold, by_name, texts)
        print(f"\n## Speakers and source types ({len(gold)} labelled articles)\n")
        print(speakers.format_markdown(evaluation.scores), end="")
    if args.errors > 0:
        examples = polnear.error_examples(articles, reports)
        print(format_errors(examples, args.errors), end="")
        if evaluation is not None:
            print(speakers.format_errors(evaluation.errors, args.errors), end="")
    progress(f"done in {seconds:.1f} s")

    if args.json is not None:
        output = scores if evaluation is None else {**scores, "speakers": evaluation.scores}
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
        progress(f"wrote {args.json}")
    if args.write_docs and evaluation is not None:
        old = DOCS_FILE.read_text(encoding="utf-8") if DOCS_FILE.exists() else "# Accuracy on PolNeAR\n"
        labelled_set = LABELLED_SETS[args.labelled]
        body = render_speakers(evaluation, model, labelled_set)
        write_docs(replace_section(old, labelled_set.heading, body))
    elif args.write_docs:
        write_docs(render_docs(args.split, scores, stats, model, seconds, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
