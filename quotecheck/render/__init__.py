"""The output formats of ``quotecheck check``, by name: :data:`RENDERERS`.

Every format has one renderer signature, ``render(results, options) -> str``: the checked
articles (:class:`~quotecheck.result.ArticleResult`, in input order) and the
:class:`RenderOptions` of the run. The registry also states what the command line needs to
know about each format (:class:`OutputFormat`). Each renderer imports its module when first
called, so looking a format up costs nothing (the SARIF module loads the rule registry, the HTML
page loads Jinja2).

The modules themselves (``render.text``, ``render.sarif``, ...) keep their own functions over
report dicts, for library callers that have reports only.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..vocab import Severity

if TYPE_CHECKING:
    from ..report import Report
    from ..result import ArticleResult

__all__ = ["OUTPUT_FORMATS", "RENDERERS", "OutputFormat", "RenderOptions", "Renderer", "format_for_file"]


@dataclass(frozen=True)
class RenderOptions:
    """What a run tells its renderer besides the results.

    ``errors``: one-line input errors (``"path: reason"``) of the files that could not be
    checked; ``fail_on``: the run's threshold (JUnit failures, the run document's
    ``failing``); ``color``: style the text report for a terminal; ``one_file``: one file was
    asked for, so ``json`` writes its report as it is instead of a run document; ``root``:
    the repository root (absolute) that ``sarif``, ``github`` and ``gitlab`` paths are made
    relative to (None: paths as given, relative to the working directory).
    """

    errors: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    color: bool = False
    one_file: bool = False
    root: str | None = None


Renderer = Callable[["Sequence[ArticleResult]", RenderOptions], str]


@dataclass(frozen=True)
class OutputFormat:
    """One output format: its renderer and the facts the command line acts on.

    ``extensions``: the file name endings its output is saved under; ``several``: whether one
    output covers several articles (``html`` is one page per article); ``for_people``: read by
    a person at a terminal, so a progress bar may show while parsing.
    """

    name: str
    render: Renderer
    extensions: tuple[str, ...]
    several: bool = True
    for_people: bool = False


def _reports(results: Sequence[ArticleResult]) -> list[Report]:
    return [r.report for r in results]


def _from_root(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` with forward slashes; as it is when there is no root,
    for ``<stdin>``, or outside the root."""
    if root is None or path.startswith("<"):
        return path
    relative = os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/")
    if relative.startswith("..") or relative == os.path.normpath(path).replace(os.sep, "/"):
        return path  # outside the root, or already relative to it: as the user wrote it
    return relative


def _rooted(results: Sequence[ArticleResult], options: RenderOptions) -> tuple[list[Report], tuple[str, ...]]:
    """The reports and input errors with their paths relative to ``options.root`` (each error
    an :class:`~quotecheck.render.run_json.ErrorLine` again, its path and reason kept apart)."""
    from .run_json import ErrorLine, split_error

    reports: list[Report] = []
    for r in results:
        path = _from_root(str(r.report["document"]["path"]), options.root)
        reports.append({**r.report, "document": {**r.report["document"], "path": path}})
    errors = []
    for line in options.errors:
        where, reason = split_error(line)
        errors.append(line if where is None else ErrorLine(_from_root(where, options.root), reason))
    return reports, tuple(errors)


def _text(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .text import render_text

    return render_text(_reports(results), color=options.color, errors=options.errors)


def _concise(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .text import render_concise

    return render_concise(_reports(results), color=options.color, errors=options.errors)


def _json(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    """One file asked for: its report (schemas/report.schema.json); several, a directory or a
    glob: one run document (schemas/run.schema.json), even when only one file could be read,
    so the shape depends on the command line only."""
    from .json_format import render_json
    from .run_json import render_run_json

    if options.one_file and results:
        return render_json(results[0].report)
    return render_run_json(_reports(results), errors=options.errors, fail_on=options.fail_on)


def _jsonl(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .jsonl import render_jsonl

    return render_jsonl(_reports(results), errors=options.errors)


def _sarif(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .sarif import render_sarif

    reports, errors = _rooted(results, options)
    return render_sarif(reports, errors=errors, root=options.root)


def _github(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .github import render_github

    reports, errors = _rooted(results, options)
    return render_github(reports, errors=errors)


def _gitlab(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .gitlab import render_gitlab

    reports, _ = _rooted(results, options)
    return render_gitlab(results, [str(r["document"]["path"]) for r in reports])


def _junit(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .junit import render_junit

    return render_junit(_reports(results), fail_on=options.fail_on, errors=options.errors)


def _markdown(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    from .markdown import render_markdown

    return render_markdown(_reports(results), errors=options.errors)


def _html(results: Sequence[ArticleResult], options: RenderOptions) -> str:
    """The annotated page of the one article in ``results``, shown as published."""
    from .html import render_html

    if len(results) != 1:
        raise ValueError(f"the html page shows one article, not {len(results)}")
    return render_html(results[0].report, results[0].document)


RENDERERS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("text", _text, (".txt",), for_people=True),
        OutputFormat("json", _json, (".json",)),
        OutputFormat("jsonl", _jsonl, (".jsonl",)),
        OutputFormat("sarif", _sarif, (".sarif", ".sarif.json")),
        OutputFormat("github", _github, (".txt",)),
        OutputFormat("junit", _junit, (".xml",)),
        OutputFormat("markdown", _markdown, (".md",)),
        OutputFormat("html", _html, (".html", ".htm"), several=False),
        OutputFormat("concise", _concise, (".txt",)),  # for hooks and editors: no progress display
        OutputFormat("gitlab", _gitlab, (".json",)),
    )
}
OUTPUT_FORMATS = tuple(RENDERERS)


def format_for_file(path: str) -> OutputFormat | None:
    """The format whose output is saved under ``path``'s extension (``page.html``: html,
    ``qc.sarif`` or ``qc.sarif.json``: sarif), the longest matching extension winning; None
    when no format claims it. On a tie the format registered first wins (.txt: text, .json: json)."""
    name = path.lower()
    matches = [(len(ext), f) for f in RENDERERS.values() for ext in f.extensions if name.endswith(ext)]
    return max(matches, key=lambda m: m[0])[1] if matches else None
