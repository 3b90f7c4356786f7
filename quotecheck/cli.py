"""The command line: parse options, call the library, pick a renderer, set the exit code.

Exit codes (a contract CI relies on): 0 no finding at or above ``--fail-on``; 1 findings at
or above it; 2 usage, input or model errors, and any unexpected error (one line on standard
error; the traceback with ``--verbose`` or ``QUOTECHECK_DEBUG=1``). With many files, an
article that cannot be read or checked is named in one line and the others are still
checked and reported (see docs/reliability.md).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import __version__
from .documents import FORMATS, InputError, document_from_bytes, read_document, read_stdin
from .engines import EngineOptions
from .engines.options import engine_options
from .files import DEFAULT_MAX_BYTES, format_size, parse_size, printable
from .parsing import (
    DEFAULT_BATCH_DOCS,
    ENV_MODEL_DIR,
    ModelError,
    ModelLocation,
    download_models,
    resolve_model_dir,
)
from .render import OUTPUT_FORMATS, RENDERERS, OutputFormat, RenderOptions, format_for_file
from .render.run_json import ErrorLine
from .rules import SEVERITY_RANK
from .vocab import SEVERITIES, ColorChoice, Engine, Severity

if TYPE_CHECKING:
    from .api import Settings
    from .documents import Document
    from .lexicons import Lexicon
    from .policy import Policy
    from .result import ArticleResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
ENV_DEBUG = "QUOTECHECK_DEBUG"


class _Main(click.Group):
    """The command group: an unexpected error ends the run with one line and exit 2 (never 1,
    which CI reads as findings); its traceback only with --verbose or $QUOTECHECK_DEBUG."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as err:  # a bug, MemoryError, an OSError nobody foresaw...
            if _debug():
                import traceback

                traceback.print_exc(file=sys.stderr)
            detail = " ".join(str(err).split())
            hint = "" if _debug() else f" (--verbose or {ENV_DEBUG}=1 shows the traceback)"
            _fail(f"unexpected error: {type(err).__name__}{': ' + detail if detail else ''}{hint}")


def _debug() -> bool:
    """Whether tracebacks are wanted: --verbose, or $QUOTECHECK_DEBUG set to anything but 0."""
    ctx = click.get_current_context(silent=True)
    verbose = bool(ctx is not None and ctx.find_root().params.get("verbose"))
    return verbose or os.environ.get(ENV_DEBUG, "0") not in ("", "0")


class _Size(click.ParamType):
    """A byte count: 5MB, 500KB, 200000."""

    name = "size"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as e:
            self.fail(str(e), param, ctx)


def _model_dir_option(f):
    return click.option(
        "--model-dir",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help=f"stanza resources directory (default: ${ENV_MODEL_DIR}, then stanza's own).",
    )(f)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quotecheck")
@click.option(
    "-v", "--verbose", is_flag=True, help=f"Show the traceback of an unexpected error (also: {ENV_DEBUG}=1)."
)
def main(verbose: bool) -> None:
    """quotecheck: find every quotation in a news article, attribute it, and check the sourcing."""


@dataclass(frozen=True)
class _Inputs:
    """How the articles named on the command line are read and checked: the options every
    checking command takes (:func:`_check_options`)."""

    input_format: str | None
    config_file: str | None
    stdin_filename: str | None
    jobs: int
    cache: bool
    model_dir: str | None
    max_size: int
    progress: bool | None  # --progress/--no-progress; None: on a terminal, for the formats people read
    force_exclude: bool


@dataclass
class _Articles:
    """The articles read for a run, nothing parsed yet: each document with its policy and
    settings, the policy of the current directory, and the input errors met so far."""

    docs: list[Document]
    chosen: list[Policy]
    settings: list[Settings]
    here: Policy
    errors: list[InputError]


def _read_inputs(paths: Sequence[str], inputs: _Inputs, output: str | None = None) -> _Articles:
    """Find, read and configure the articles named on the command line (nothing is parsed).

    A bad configuration or an ``output`` that is one of the inputs ends the run (exit 2)
    before anything is checked or written."""
    from .discovery import discover
    from .lexicons import default_lexicon
    from .policy import ConfigError, PolicyCache

    # The newsroom policy that governs each article: its rules, lexicon additions, fail-on, and
    # the extensions that are articles (the policy of the current directory drives discovery).
    policies = PolicyCache()
    try:
        here = policies.policy_for("-", inputs.config_file)
        # globs, !exclusions, ignore files (for named files too with --force-exclude)
        found, problems = discover(paths, extensions=here.extensions, force_exclude=inputs.force_exclude)
        _refuse_overwriting_inputs(output, found)
        errors: list[InputError] = list(problems)
        docs: list[Document] = []
        chosen: list[Policy] = []
        for path in found:
            stdin_name = inputs.stdin_filename if path == "-" else None
            name = stdin_name or path
            policy = policies.policy_for(name, inputs.config_file)
            fmt = inputs.input_format or policy.extensions.get(Path(name).suffix.lower())
            try:
                if stdin_name:  # name stdin for reports, format and configuration
                    doc = document_from_bytes(read_stdin(inputs.max_size, stdin_name), stdin_name, fmt)
                else:
                    doc = read_document(path, fmt, inputs.max_size)
            except InputError as e:
                errors.append(e)
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
    return _Articles(docs, chosen, settings, here, errors)


def _check_read(
    inputs: _Inputs, articles: _Articles, for_people: bool = True
) -> tuple[list[ArticleResult], list[Policy], list[ErrorLine]]:
    """Parse and check the articles read: the results (each with its document and report),
    the policy of each result's file and one-line errors (an article that cannot be read or
    checked: the others still are). Input errors are printed before the parse, those met
    while checking after it. A missing model ends the run (exit 2). Progress shows on a
    terminal for the formats people read, or when asked (``--progress``)."""
    from .api import Checker
    from .terminal import ArticleProgress, wants_progress

    errors = list(articles.errors)
    _print_errors(errors)
    results: list[ArticleResult] = []
    if articles.docs:
        show = wants_progress(inputs.progress) if inputs.progress is not None or for_people else False
        try:
            from .cache import default_cache_dir

            cache_dir = default_cache_dir() if inputs.cache else None
            workers = inputs.jobs or os.cpu_count() or 1
            # one article per batch while someone watches, so the bar moves per article
            batch = 1 if show else DEFAULT_BATCH_DOCS
            checker = Checker(
                inputs.model_dir,
                cache_dir=cache_dir,
                jobs=workers,
                batch_docs=batch,
                cache_results=inputs.cache,
            )
            progress = ArticleProgress() if show else None
            results = checker.check_documents(articles.docs, articles.settings, progress, errors=errors)
        except ModelError as e:
            _fail(str(e))
    _print_errors(errors[len(articles.errors) :])
    policy_of = {id(doc): policy for doc, policy in zip(articles.docs, articles.chosen, strict=True)}
    chosen = [policy_of.get(id(r.document), articles.here) for r in results]  # the failed ones left out
    return results, chosen, [ErrorLine.of(e) for e in errors]


def _check_inputs(
    paths: Sequence[str], inputs: _Inputs, output: str | None = None
) -> tuple[list[ArticleResult], list[Policy], list[ErrorLine]]:
    """Read, configure and check the articles named on the command line (see
    :func:`_read_inputs` and :func:`_check_read`)."""
    return _check_read(inputs, _read_inputs(paths, inputs, output))


def _print_errors(errors: Sequence[InputError]) -> None:
    """One line per error on standard error (the cause's traceback too with ``--verbose``)."""
    for error in errors:
        click.echo(f"quotecheck: {error}", err=True)  # str(InputError) escapes the path
        if _debug() and error.__cause__ is not None:
            import traceback

            traceback.print_exception(error.__cause__, file=sys.stderr)


def _refuse_overwriting_inputs(output: str | None, inputs: Sequence[str]) -> None:
    """Exit 2 when ``output`` is one of the input files (by identity: through a link too),
    before anything is checked or written."""
    if output is None:
        return
    try:
        target = os.stat(output)
    except OSError:
        return  # not there yet: it cannot be an input
    for path in inputs:
        if path == "-":
            continue
        try:
            info = os.stat(path)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) == (target.st_dev, target.st_ino):
            _fail(f"-o {printable(output)} is the input file {printable(path)}; refusing to overwrite it")


def _check_output(output: str | None) -> None:
    """Exit 2 now, before any work, when ``-o`` cannot be written: a missing folder, a folder
    under a file, a directory, no write permission."""
    if output is None:
        return
    target = Path(output)
    folder = target.parent
    problem = None
    if target.is_dir():
        problem = "is a directory"
    elif not folder.is_dir():
        problem = (
            f"its folder {printable(folder)} does not exist"
            if not folder.exists()
            else (f"{printable(folder)} is not a folder")
        )
    elif target.exists() and not os.access(target, os.W_OK):
        problem = "permission denied"
    elif not target.exists() and not os.access(folder, os.W_OK | os.X_OK):
        problem = f"permission denied in {printable(folder)}"
    if problem:
        _fail(f"cannot write the output {printable(output)}: {problem}")


def _write_output(output: str, text: str) -> None:
    """Write ``text`` to ``output``; one line and exit 2 when that fails (a full disk,
    /dev/full)."""
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as e:
        _fail(f"cannot write the output {printable(output)}: {e.strerror or e}")


_INPUT_OPTIONS = tuple(f.name for f in dataclasses.fields(_Inputs))


def _fail(message: str) -> NoReturn:
    click.echo(f"quotecheck: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _check_options(run):
    """The options of :class:`_Inputs`, handed to the command as one ``inputs`` argument."""

    @functools.wraps(run)
    def command(**kwargs: Any) -> Any:
        inputs = _Inputs(**{name: kwargs.pop(name) for name in _INPUT_OPTIONS})
        return run(inputs=inputs, **kwargs)

    f = _model_dir_option(command)
    f = click.option(
        "--max-size",
        type=_Size(),
        default=DEFAULT_MAX_BYTES,
        show_default=format_size(DEFAULT_MAX_BYTES),
        help="Refuse an article file larger than this (5MB, 500KB, or bytes); it is named as an input error.",
    )(f)
    f = click.option(
        "--force-exclude",
        is_flag=True,
        help="Apply ignore files (.quotecheckignore, .gitignore) and exclusions to files named "
        "on the command line too, as ruff does (for pre-commit, which names every staged file).",
    )(f)
    f = click.option(
        "--progress/--no-progress",
        default=None,
        help="Show the model load and a per-article progress bar on standard error "
        "(default: when standard error is a terminal).",
    )(f)
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
        help="Reuse parses and finished results stored in the cache ($QUOTECHECK_CACHE_DIR, else "
        ".quotecheck-cache at the top of the git work tree): an unchanged article with the same "
        "model, configuration and quotecheck is neither parsed nor analysed again.",
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


def _output_option(help: str, default: str | None = None, folder_ok: bool = False):
    """``-o/--output``: the file a command writes (default: standard output, or ``default``);
    ``folder_ok``: or a folder (``check --engine ray``; a local run refuses one in
    :func:`_check_output`)."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=folder_ok, writable=True, path_type=str),
        default=default,
        show_default=default is not None,
        help=help,
    )


def _output_options(f):
    """Where ``check`` writes its report, in what format and how it looks."""
    f = click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Make sarif, github and gitlab paths relative to this directory (default: the top "
        "of the git work tree, else the working directory).",
    )(f)
    f = click.option("--no-color", "no_color", is_flag=True, hidden=True, help="Same as --color never.")(f)
    f = click.option(
        "--color",
        type=click.Choice([str(c) for c in ColorChoice]),
        default=str(ColorChoice.AUTO),
        show_default=True,
        help="Colour the text report: auto (on a terminal, unless NO_COLOR is set; FORCE_COLOR "
        "forces it), always (pipes and files too), never.",
    )(f)
    f = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="Findings only, one line each (--format concise), and no progress display.",
    )(f)
    f = click.option(
        "--output-dir",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="Write one report per article into this directory (its path with the format's "
        "extension): one annotated page per article with --format html.",
    )(f)
    f = _output_option(
        "Write the report to this file instead of standard output; without --format, the format "
        "comes from its extension (.html, .sarif, .json, .xml, ...; text for a name without one). "
        "--engine ray: the folder of report parts.",
        folder_ok=True,
    )(f)
    return click.option(
        "--format",
        "--output-format",
        "output_format",
        type=click.Choice(OUTPUT_FORMATS),
        default=None,
        help="text for people (the default); concise (findings only); json (one report, or a run "
        "document for several files), jsonl, sarif, github (workflow annotations), gitlab "
        "(Code Quality), junit, markdown, html (an annotated page for one article).",
    )(f)


def _choose_format(output_format: str | None, output: str | None, quiet: bool) -> OutputFormat:
    """The output format: ``--format``; else the ``-o`` file's extension (an unknown one is a
    usage error; a name without one, such as /dev/stdout, gets the default); else concise
    with ``--quiet``, text otherwise."""
    if output_format is not None:
        return RENDERERS[output_format]
    if output is not None and Path(output).suffix:
        chosen = format_for_file(output)
        if chosen is None:
            _fail(
                f"cannot tell the output format from {printable(output)}; "
                f"give --format ({', '.join(OUTPUT_FORMATS)})"
            )
        return chosen
    return RENDERERS["concise" if quiet else "text"]


def _color(color: str, no_color: bool, output: str | None) -> bool:
    """Whether the report is coloured (see quotecheck.terminal.use_color)."""
    from .terminal import use_color

    choice = ColorChoice.NEVER if no_color else ColorChoice(color)
    return use_color(choice, output is None and sys.stdout.isatty())


def _write_each(
    fmt: OutputFormat, results: Sequence[ArticleResult], options: RenderOptions, folder: str
) -> None:
    """``--output-dir``: each article's report in ``folder``, under the article's relative path
    (its file name for a path outside the working directory) with the format's extension."""
    extension = fmt.extensions[0] if fmt.extensions else f".{fmt.name}"
    for result in results:
        path = Path(str(result.report["document"]["path"]).lstrip("<").rstrip(">"))
        relative = Path(os.path.relpath(path.resolve())) if not path.is_absolute() else Path(path.name)
        if relative.parts and relative.parts[0] == "..":
            relative = Path(path.name)
        target = Path(folder) / relative.with_name(relative.name + extension)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            _fail(f"cannot write the output {printable(target)}: {e.strerror or e}")
        _write_output(str(target), fmt.render([result], dataclasses.replace(options, one_file=True)))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_output_options
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
@_check_options
@engine_options
def check(
    paths: tuple[str, ...],
    output_format: str | None,
    output: str | None,
    output_dir: str | None,
    quiet: bool,
    color: str,
    no_color: bool,
    root: str | None,
    fail_on: str | None,
    exit_zero: bool,
    baseline_file: str | None,
    inputs: _Inputs,
    engine: EngineOptions,
) -> None:
    """Check articles (files, directories, or - for standard input)."""
    from . import baseline

    if engine.name is Engine.RAY:
        _engine_check(
            engine, paths, inputs, output, output_format, output_dir, baseline_file, quiet, fail_on, exit_zero
        )
    _local_engine_only(engine)
    if output and output_dir:
        _fail("give -o FILE or --output-dir DIR, not both")
    _check_output(output)
    fmt = _choose_format(output_format, output, quiet)
    known = None
    if baseline_file:
        try:
            known = baseline.load(baseline_file)
        except baseline.BaselineError as e:
            _fail(str(e))
    if quiet:
        inputs = dataclasses.replace(inputs, progress=False)
    articles = _read_inputs(paths, inputs, output)
    given = len(articles.docs) + len(articles.errors)
    if not fmt.several and not output_dir and given != 1:
        _fail(  # before anything is parsed
            f"--format {fmt.name} writes one page per article; {given} articles were given "
            "(give one file, or --output-dir DIR for one page each)"
        )
    results, chosen, errors = _check_read(inputs, articles, fmt.for_people)
    if known is not None:
        results, _ = baseline.apply(results, known)
    if not fmt.several and not output_dir and len(results) != 1:
        _fail(f"--format {fmt.name} writes one page per article; {len(results)} articles were checked")

    colored = _color(color, no_color, output)
    options = RenderOptions(
        errors=tuple(errors),
        fail_on=Severity(fail_on or next((p.fail_on for p in chosen if p.fail_on), None) or "error"),
        color=colored,
        one_file=len(paths) == 1 and (paths[0] == "-" or Path(paths[0]).is_file()),
        root=os.path.abspath(root) if root else str(baseline.repository_root()),
    )
    if output_dir:
        _write_each(fmt, results, options, output_dir)
    else:
        rendered = fmt.render(results, options)
        if output:
            _write_output(output, rendered)
        elif rendered.strip():  # nothing to say (jsonl, github with no findings): print nothing
            click.echo(rendered, nl=not rendered.endswith("\n"), color=colored)

    if errors:
        sys.exit(EXIT_ERROR)

    def fails(result: ArticleResult, policy: Policy) -> bool:
        threshold = SEVERITY_RANK[fail_on or policy.fail_on or "error"]
        return any(SEVERITY_RANK[f["severity"]] >= threshold for f in result.report["findings"])

    failing = not exit_zero and any(fails(r, p) for r, p in zip(results, chosen, strict=True))
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
    inputs: _Inputs,
    output: str | None,
    output_format: str | None,
    output_dir: str | None,
    baseline_file: str | None,
    quiet: bool,
    fail_on: str | None,
    exit_zero: bool,
) -> NoReturn:
    """check --engine ray: report parts in the -o folder, a one-line account on stderr; the
    exit code as for a local run (1: a report has a finding at or above fail-on, 2: errors).
    The local run's output options that have no meaning for a folder of parts are refused."""
    from .engines import EngineError
    from .policy import ConfigError
    from .terminal import wants_progress

    if output_dir or baseline_file:
        _fail("--output-dir and --baseline are for the local engine (--engine ray writes parts to -o FOLDER)")
    _refuse_jobs(inputs)
    if not output:
        _fail("--engine ray writes report parts to a folder: give -o FOLDER")
    if os.path.exists(output) and not os.path.isdir(output):
        _fail(f"cannot write the output {printable(output)}: not a folder (--engine ray writes a folder)")
    if output_format not in (None, "json", "jsonl"):
        _fail(f"--engine ray writes JSON reports (--format jsonl), not {output_format}")
    try:
        result = _ray_engine().check_to_folder(
            paths,
            engine,
            output,
            input_format=inputs.input_format,
            config_file=inputs.config_file,
            model_dir=inputs.model_dir,
            fail_on=fail_on,
            show_progress=not quiet and wants_progress(inputs.progress),
            max_bytes=inputs.max_size,
            force_exclude=inputs.force_exclude,
        )
    except (ConfigError, ModelError, EngineError) as e:
        _fail(str(e))
    for line in result.errors:
        click.echo(f"quotecheck: {line}", err=True)
    click.echo(
        f"quotecheck: {result.written} report(s) written to {printable(output)}, {result.skipped} already "
        f"there, {len(result.errors)} error(s)",
        err=True,
    )
    sys.exit(EXIT_ERROR if result.errors else EXIT_FINDINGS if result.failing and not exit_zero else EXIT_OK)


def _refuse_jobs(inputs: _Inputs) -> None:
    """--jobs (the local engine's parse processes) has no meaning for --engine ray."""
    if inputs.jobs != 1:
        _fail("--jobs is for the local engine: --engine ray runs --workers N workers")


def _ray_summary(
    paths: Sequence[str], engine: EngineOptions, by: Sequence[str], inputs: _Inputs
) -> tuple[dict[str, Any], list[str]]:
    """summarize --engine ray: the summary of a folder of report parts, or of the articles
    checked on the cluster; the input errors are printed, one line each."""
    _refuse_jobs(inputs)
    summary, errors = _ray_engine().summarize_with_ray(
        paths,
        engine,
        by,
        input_format=inputs.input_format,
        config_file=inputs.config_file,
        model_dir=inputs.model_dir,
        max_bytes=inputs.max_size,
        force_exclude=inputs.force_exclude,
    )
    for line in errors:
        click.echo(f"quotecheck: {line}", err=True)
    return summary, errors


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
    ".txt": "markdown",  # Markdown reads as plain text
}


def _summary_format(output: str | None) -> str:
    """The summary format of ``-o FILE`` by its extension (markdown without -o, or for a name
    without an extension such as /dev/stdout); an extension no summary format has is a usage
    error."""
    if output is None or not Path(output).suffix:
        return "markdown"
    fmt = SUMMARY_FORMATS.get(Path(output).suffix.lower())
    if fmt is None:
        _fail(
            f"cannot tell the summary format from {printable(output)}; give --format (markdown, html, "
            f"csv, json) or an extension ({', '.join(SUMMARY_FORMATS)})"
        )
    return fmt


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
@_output_option("Write the summary to this file instead of standard output.")
@_check_options
@engine_options
def summarize_command(
    paths: tuple[str, ...],
    by: tuple[str, ...],
    output_format: str | None,
    table: str | None,
    output: str | None,
    inputs: _Inputs,
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

    _check_output(output)
    if output_format is None:
        output_format = _summary_format(output)
    if table is not None and output_format != "csv":
        _fail(f"--table applies to --format csv only (the {output_format} summary has every table)")
    report_files = None if engine.name is Engine.RAY else _saved_reports(paths)
    errors: Sequence[str] = []
    if engine.name is Engine.LOCAL:
        _local_engine_only(engine)
    try:
        if engine.name is Engine.RAY:
            summary, errors = _ray_summary(paths, engine, by, inputs)
        elif report_files is not None:
            _refuse_overwriting_inputs(output, report_files)
            summary = summarize(load_reports(report_files), by=by)  # streamed: one file at a time
        else:
            results, _, errors = _check_inputs(paths, inputs, output=output)
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
        _write_output(output, rendered)
    else:
        click.echo(rendered, nl=False)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


@main.group("baseline")
def baseline_group() -> None:
    """Record today's findings so that later runs report only new ones."""


@baseline_group.command("create")
@click.argument("paths", nargs=-1, required=True)
@_output_option("Where to write the baseline.", default="quotecheck-baseline.json")
@_check_options
def baseline_create(
    paths: tuple[str, ...],
    output: str,
    inputs: _Inputs,
) -> None:
    """Check PATHS and record every finding in a baseline file."""
    import json

    from . import baseline

    _check_output(output)
    results, _, errors = _check_inputs(paths, inputs, output=output)
    doc = baseline.create(results)
    _write_output(output, json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    shown = printable(output)
    click.echo(f"recorded {len(doc['findings'])} finding(s) from {len(results)} file(s) in {shown}")
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
        _fail(f"unknown rule {rule_id!r}.{hint}")


@main.group()
def models() -> None:
    """Where the stanza model comes from; fetch the official one."""


def _model_location(find: Callable[[str | None], ModelLocation], model_dir: str | None) -> ModelLocation:
    """The model directory that ``find`` settles on; a model error ends the run (exit 2)."""
    try:
        return find(model_dir)
    except ModelError as e:
        _fail(str(e))


@models.command("info")
@_model_dir_option
def models_info(model_dir: str | None) -> None:
    """Show which stanza model quotecheck would use, and why."""
    loc = _model_location(resolve_model_dir, model_dir)
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
    loc = _model_location(download_models, model_dir)
    click.echo(f"downloaded: {loc.describe()}")


# --- quotecheck config: the effective newsroom policy (quotecheck/policy/) ------------------
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
        _fail(str(e))
    if config_format == "json":
        click.echo(json.dumps({"path": path, **policy.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(policy.to_toml(path), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
