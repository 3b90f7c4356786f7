"""The command line: parse options, call the library, pick a renderer, set the exit code.

Exit codes (a contract CI relies on): 0 no finding at or above ``--fail-on``; 1 findings at
or above it; 2 usage, input or model errors (with many files, the readable ones are still
checked and reported).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from . import __version__
from .documents import FORMATS, InputError, document_from_bytes, read_document
from .engines import EngineOptions
from .engines.options import engine_options
from .parsing import ENV_MODEL_DIR, ModelError, download_models, resolve_model_dir
from .render import OUTPUT_FORMATS, RENDERERS, RenderOptions
from .rules import SEVERITY_RANK
from .vocab import SEVERITIES, Engine, Severity

if TYPE_CHECKING:
    from .api import Settings
    from .documents import Document
    from .lexicons import Lexicon
    from .policy import Policy
    from .result import ArticleResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _model_dir_option(f):
    return click.option(
        "--model-dir",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help=f"stanza resources directory (default: ${ENV_MODEL_DIR}, then stanza's own).",
    )(f)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotecheck")
def main() -> None:
    """quotecheck: find every quotation in a news article, attribute it, and check the sourcing."""


def _progress_bar(total_words: int):
    """A progress bar on standard error, for people at a terminal only: it appears after two
    seconds (quick runs stay quiet) and counts parsed words."""
    from tqdm import tqdm

    bar = tqdm(
        total=total_words,
        unit="word",
        unit_scale=True,
        desc="parsing",
        file=sys.stderr,
        delay=2.0,
        leave=False,
        dynamic_ncols=True,
    )

    def advance(batch: Sequence[str]) -> None:
        bar.update(sum(len(t.split()) for t in batch))
        if bar.n >= bar.total:
            bar.close()

    return advance


def _check_inputs(
    paths: Sequence[str],
    input_format: str | None,
    config_file: str | None,
    model_dir: str | None,
    cache: bool = True,
    show_progress: bool = False,
    jobs: int = 1,
    stdin_filename: str | None = None,
) -> tuple[list[ArticleResult], list[Policy], list[str]]:
    """Read, configure and check the articles named on the command line.

    Returns the results (each with its document and report), the policy of each result's file
    and one-line input errors. A bad configuration or a missing model ends the run (exit 2)
    before anything is reported."""
    from .api import Checker
    from .discovery import discover
    from .lexicons import default_lexicon
    from .policy import ConfigError, PolicyCache

    # The newsroom policy that governs each article: its rules, lexicon additions, fail-on, and
    # the extensions that are articles (the policy of the current directory drives discovery).
    policies = PolicyCache()
    try:
        here = policies.policy_for("-", config_file)
        found, problems = discover(paths, extensions=here.extensions)  # globs, !exclusions, ignore files
        errors: list[str] = [str(e) for e in problems]
        docs: list[Document] = []
        chosen: list[Policy] = []
        for path in found:
            name = stdin_filename if path == "-" and stdin_filename else path
            policy = policies.policy_for(name, config_file)
            fmt = input_format or policy.extensions.get(Path(name).suffix.lower())
            try:
                if path == "-" and stdin_filename:  # name stdin for reports, format and configuration
                    doc = document_from_bytes(sys.stdin.buffer.read(), stdin_filename, fmt)
                else:
                    doc = read_document(path, fmt)
            except InputError as e:
                errors.append(str(e))
                continue
            docs.append(doc)
            chosen.append(policy)
    except ConfigError as e:
        _fail(str(e))
    lexicons: dict[tuple[tuple[str, tuple[str, ...]], ...], Lexicon] = {}
    settings: list[Settings] = []
    for policy in chosen:
        key = tuple(sorted(policy.lexicon.items()))
        if key not in lexicons:
            lexicons[key] = default_lexicon().with_additions(policy.lexicon)
        settings.append((lexicons[key], policy.rules))
    for line in errors:
        click.echo(f"quotecheck: {line}", err=True)
    results: list[ArticleResult] = []
    if docs:
        try:
            from .cache import default_cache_dir

            cache_dir = default_cache_dir() if cache else None
            workers = jobs or os.cpu_count() or 1
            results = Checker(model_dir, cache_dir=cache_dir, jobs=workers).check_documents(
                docs, settings, _progress_bar if show_progress else None
            )
        except ModelError as e:
            _fail(str(e))
    return results, chosen, errors


def _fail(message: str) -> NoReturn:
    click.echo(f"quotecheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _check_options(f):
    f = _model_dir_option(f)
    f = click.option(
        "--stdin-filename",
        default=None,
        metavar="PATH",
        help="Name the text read from - (standard input): the report's path, its format "
        "by extension and the configuration that applies to it.",
    )(f)
    f = click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=0),
        default=1,
        show_default=True,
        help="Parse in N worker processes, each loading the model once (0: one per CPU).",
    )(f)
    f = click.option(
        "--cache/--no-cache",
        default=True,
        show_default=True,
        help="Reuse parses stored in the parse cache ($QUOTECHECK_CACHE_DIR, else "
        ".quotecheck-cache at the top of the git work tree).",
    )(f)
    f = click.option(
        "--config",
        "config_file",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        help="Use this configuration file instead of discovering quotecheck.toml, "
        ".quotecheck.toml or pyproject.toml [tool.quotecheck] next to each article.",
    )(f)
    f = click.option(
        "--input-format",
        type=click.Choice(FORMATS),
        default=None,
        help="Read every input as this format (default: by file extension; stdin is text).",
    )(f)
    return f


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="text for people; json (one report, or a run document for several "
    "files), jsonl, sarif, github (workflow annotations), junit, markdown, "
    "html (an annotated page for one article).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(writable=True, path_type=str),
    default=None,
    help="Write the report to this file instead of standard output (--engine ray: the folder "
    "of report parts).",
)
@click.option(
    "--fail-on",
    type=click.Choice([str(s) for s in SEVERITIES]),
    default=None,
    help="Exit 1 when a finding at or above this severity is reported "
    "(default: the configuration's fail-on, else error).",
)
@click.option(
    "--exit-zero", is_flag=True, help="Exit 0 even when findings are reported (errors still exit 2)."
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Report only findings that are not in this baseline (see `quotecheck baseline create`).",
)
@click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal).")
@_check_options
@engine_options
def check(
    paths: tuple[str, ...],
    output_format: str,
    output: str | None,
    input_format: str | None,
    fail_on: str | None,
    exit_zero: bool,
    baseline_file: str | None,
    config_file: str | None,
    color: bool | None,
    stdin_filename: str | None,
    jobs: int,
    cache: bool,
    model_dir: str | None,
    engine: EngineOptions,
) -> None:
    """Check articles (files, directories, or - for standard input)."""
    from . import baseline

    if engine.name is Engine.RAY:
        _engine_check(engine, paths, output, output_format, input_format, config_file, model_dir, fail_on)
    _local_engine_only(engine)
    if output and Path(output).is_dir():
        _fail(f"-o {output} is a folder; the local engine writes one file (--engine ray writes a folder)")
    fmt = RENDERERS[output_format]
    known = None
    if baseline_file:
        try:
            known = baseline.load(baseline_file)
        except baseline.BaselineError as e:
            _fail(str(e))
    # never in machine formats, files or pipes: only for a person watching a terminal
    show_progress = fmt.for_people and sys.stderr.isatty()
    results, chosen, errors = _check_inputs(
        paths, input_format, config_file, model_dir, cache, show_progress, jobs, stdin_filename
    )
    if known is not None:
        results, _ = baseline.apply(results, known)
    if not fmt.several and len(results) != 1:
        _fail(
            f"--format {fmt.name} writes one page per article; {len(results)} articles were checked "
            "(give one file)"
        )

    options = RenderOptions(
        errors=tuple(errors),
        fail_on=Severity(fail_on or next((p.fail_on for p in chosen if p.fail_on), None) or "error"),
        color=color if color is not None else (output is None and sys.stdout.isatty()),
        one_file=len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file()),
    )
    rendered = fmt.render(results, options)
    if output:
        Path(output).write_text(rendered, encoding="utf-8")
    elif rendered.strip():  # nothing to say (jsonl, github with no findings): print nothing
        click.echo(rendered, nl=not rendered.endswith("\n"))

    if errors:
        sys.exit(EXIT_ERROR)

    def fails(result: ArticleResult, policy: Policy) -> bool:
        threshold = SEVERITY_RANK[fail_on or policy.fail_on or "error"]
        return any(SEVERITY_RANK[f["severity"]] >= threshold for f in result.report["findings"])

    # strict=False: Checker.analyze already zips one result per document strictly, and tests
    # stand in a checker that returns no results
    failing = not exit_zero and any(fails(r, p) for r, p in zip(results, chosen, strict=False))
    sys.exit(EXIT_FINDINGS if failing else EXIT_OK)


def _ray_engine():
    """quotecheck.engines.ray_engine, imported only for --engine ray (Ray is an optional extra)."""
    try:
        from .engines import ray_engine
    except ImportError as e:
        _fail(f"--engine ray needs Ray ({e}): pip install 'quotecheck[ray]'")
    return ray_engine


def _local_engine_only(engine: EngineOptions) -> None:
    """Refuse the options that only --engine ray reads."""
    if engine.text_column or engine.id_column:
        _fail("--text-column and --id-column read tables of articles with --engine ray")


def _engine_check(
    engine: EngineOptions,
    paths: Sequence[str],
    output: str | None,
    output_format: str,
    input_format: str | None,
    config_file: str | None,
    model_dir: str | None,
    fail_on: str | None,
) -> NoReturn:
    """check --engine ray: report parts in the -o folder, a one-line account on stderr; the
    exit code as for a local run (1: a report has a finding at or above fail-on, 2: errors)."""
    from .engines import EngineError
    from .policy import ConfigError

    if not output:
        _fail("--engine ray writes report parts to a folder: give -o FOLDER")
    if output_format not in ("json", "jsonl"):
        _fail(f"--engine ray writes JSON reports (--format jsonl), not {output_format}")
    try:
        result = _ray_engine().check_to_folder(
            paths,
            engine,
            output,
            input_format=input_format,
            config_file=config_file,
            model_dir=model_dir,
            fail_on=fail_on,
            show_progress=sys.stderr.isatty(),
        )
    except (ConfigError, ModelError, EngineError) as e:
        _fail(str(e))
    for line in result.errors:
        click.echo(f"quotecheck: {line}", err=True)
    click.echo(
        f"quotecheck: {result.written} report(s) written to {output}, {result.skipped} already there, "
        f"{len(result.errors)} error(s)",
        err=True,
    )
    sys.exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if result.failing else EXIT_OK)


def _saved_reports(paths: Sequence[str]) -> list[str] | None:
    """The saved JSON reports that ``paths`` name, found the way articles are (globs,
    ``!`` exclusions, ignore files, hidden folders skipped), or None when ``paths`` name
    articles. A ``.json`` path is a report; a folder is a folder of reports when it holds
    ``.json`` files and no article."""
    from .discovery import discover

    kinds = set()
    for p in paths:
        if p.startswith("!"):
            continue
        if p.lower().endswith(".json"):
            kinds.add(True)
        elif p != "-" and Path(p).is_dir():
            kinds.add(not discover([p])[0])
        else:
            kinds.add(False)
    if kinds == {True, False}:
        _fail("give either saved JSON reports or articles, not both")
    if kinds != {True}:
        return None
    files, problems = discover(paths, extensions={".json": "json"})
    if problems:
        _fail(str(problems[0]))
    return files


SUMMARY_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".json": "json",
}


@main.command("summarize")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--by",
    "by",
    multiple=True,
    metavar="FIELD",
    help="Group by a front-matter field (section, author, desk, ...) or a date bucket: day, week, "
    "month or year of the date field, or FIELD:UNIT for another date field; repeatable.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html", "csv", "json"]),
    default=None,
    help="markdown (a pull-request comment), html (one self-contained page with charts), csv (one "
    "table, see --table) or json (validated against schemas/summary.schema.json). Default: "
    "from the -o file extension, else markdown.",
)
@click.option(
    "--table",
    type=click.Choice(["sources", "articles", "groups"]),
    default=None,
    help="The table that --format csv writes.  [default: sources]",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=str),
    default=None,
    help="Write the summary to this file instead of standard output.",
)
@_check_options
@engine_options
def summarize_command(
    paths: tuple[str, ...],
    by: tuple[str, ...],
    output_format: str | None,
    table: str | None,
    output: str | None,
    input_format: str | None,
    config_file: str | None,
    stdin_filename: str | None,
    jobs: int,
    cache: bool,
    model_dir: str | None,
    engine: EngineOptions,
) -> None:
    """Sourcing statistics across articles, or across saved JSON reports (no re-parse).

    PATHS are articles and directories of articles (checked, using the parse cache), or JSON
    reports written by quotecheck check --format json (read one at a time, validated); with
    --engine ray, articles or tables checked on the cluster, or a folder of report parts.
    """
    import json

    from .engines import EngineError
    from .policy import ConfigError
    from .summary import SummaryError, load_reports, summarize, validate_summary

    if output_format is None:
        output_format = SUMMARY_FORMATS.get(Path(output).suffix.lower(), "markdown") if output else "markdown"
    if table is not None and output_format != "csv":
        _fail(f"--table applies to --format csv only (the {output_format} summary has every table)")
    report_files = None if engine.name is Engine.RAY else _saved_reports(paths)
    errors: list[str] = []
    if engine.name is Engine.LOCAL:
        _local_engine_only(engine)
    try:
        if engine.name is Engine.RAY:
            summary, errors = _ray_engine().summarize_with_ray(
                paths, engine, by, input_format=input_format, config_file=config_file, model_dir=model_dir
            )
        elif report_files is not None:
            summary = summarize(load_reports(report_files), by=by)  # streamed: one file at a time
        else:
            results, _, errors = _check_inputs(
                paths, input_format, config_file, model_dir, cache, jobs=jobs, stdin_filename=stdin_filename
            )
            summary = summarize((r.report for r in results), by=by)
        validate_summary(summary)
    except (SummaryError, ConfigError, ModelError, EngineError) as e:
        _fail(str(e))
    if output_format == "json":
        rendered = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
    elif output_format == "html":
        from .render.summary_html import render_summary_html

        rendered = render_summary_html(summary)
    elif output_format == "csv":
        from .render.summary_tables import render_summary_csv

        rendered = render_summary_csv(summary, table or "sources")
    else:
        from .render.summary_tables import render_summary_markdown

        rendered = render_summary_markdown(summary)
    if output:
        Path(output).write_text(rendered, encoding="utf-8")
    else:
        click.echo(rendered, nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


@main.group("baseline")
def baseline_group() -> None:
    """Record today's findings so that later runs report only new ones."""


@baseline_group.command("create")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=str),
    default="quotecheck-baseline.json",
    show_default=True,
    help="Where to write the baseline.",
)
@_check_options
def baseline_create(
    paths: tuple[str, ...],
    output: str,
    input_format: str | None,
    config_file: str | None,
    stdin_filename: str | None,
    jobs: int,
    cache: bool,
    model_dir: str | None,
) -> None:
    """Check PATHS and record every finding in a baseline file."""
    import json

    from . import baseline

    results, _, errors = _check_inputs(
        paths, input_format, config_file, model_dir, cache, jobs=jobs, stdin_filename=stdin_filename
    )
    doc = baseline.create(r.report for r in results)
    Path(output).write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    click.echo(f"recorded {len(doc['findings'])} finding(s) from {len(results)} file(s) in {output}")
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


@main.command("rules")
@click.argument("rule_id", required=False)
@click.option("--markdown", is_flag=True, help="Print the whole catalogue as Markdown (docs/rules.md).")
def rules_command(rule_id: str | None, markdown: bool) -> None:
    """List every rule, or explain one."""
    from .rules import RULES_BY_ID
    from .rules.catalogue import explain, rule_table
    from .rules.catalogue import markdown as catalogue_markdown

    if markdown:
        click.echo(catalogue_markdown(), nl=False)
    elif rule_id is None:
        click.echo(rule_table(), nl=False)
    elif rule_id in RULES_BY_ID:
        click.echo(explain(RULES_BY_ID[rule_id]), nl=False)
    else:
        import difflib

        close = difflib.get_close_matches(rule_id, RULES_BY_ID, n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else " `quotecheck rules` lists them."
        click.echo(f"quotecheck: unknown rule {rule_id!r}.{hint}", err=True)
        sys.exit(EXIT_ERROR)


@main.group()
def models() -> None:
    """Where the stanza model comes from; fetch the official one."""


@models.command("info")
@_model_dir_option
def models_info(model_dir: str | None) -> None:
    """Show which stanza model quotecheck would use, and why."""
    try:
        loc = resolve_model_dir(model_dir)
    except ModelError as e:
        click.echo(f"quotecheck: {e}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"model directory: {loc.path}")
    click.echo(f"found through:   {loc.origin}")
    click.echo("processors:      " + ", ".join(f"{k} ({v})" for k, v in loc.processors.items()))
    click.echo(f"model identity:  {loc.model_id}")
    click.echo(
        "named entities:  "
        + ("yes (used as an extra signal for source types)" if "ner" in loc.processors else "no (not needed)")
    )


@models.command("download")
@_model_dir_option
def models_download(model_dir: str | None) -> None:
    """Download the official stanza English models (tokenize, mwt, pos, lemma, depparse, ner)."""
    try:
        loc = download_models(model_dir)
    except ModelError as e:
        click.echo(f"quotecheck: {e}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"downloaded: {loc.describe()}")


# --- quotecheck config: the effective newsroom policy (quotecheck/policy.py) ---------------
@main.command("config")
@click.argument("path", default=".", required=False)
@click.option(
    "--config",
    "config_file",
    default=None,
    metavar="FILE",
    help="Use this configuration file instead of searching from PATH.",
)
@click.option(
    "--format",
    "config_format",
    type=click.Choice(["toml", "json"]),
    default="toml",
    show_default=True,
    help="Output format.",
)
def config_command(path: str, config_file: str | None, config_format: str) -> None:
    """Show the configuration in effect for PATH (default: the current directory): the
    config files applied, fail-on, every rule's severity and options, lexicon additions."""
    import json

    from .policy import ConfigError, load_policy

    try:
        policy = load_policy(path, config_file)
    except ConfigError as e:
        click.echo(f"quotecheck: {e}", err=True)
        sys.exit(EXIT_ERROR)
    if config_format == "json":
        click.echo(json.dumps({"path": path, **policy.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(policy.to_toml(path), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
