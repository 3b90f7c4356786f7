"""A Markdown summary for a pull-request comment or ``$GITHUB_STEP_SUMMARY`` (GitHub Flavored
Markdown).

Layout::

    ## quotecheck

    | files | quotations | attributed | anonymous share | errors | warnings | info |
    | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
    | 3 | 14 | 92.9% | 21.4% | 1 | 6 | 5 |

    ### fixtures/articles/12-unattributed-unbalanced.txt

    | line:col | severity | rule | message |
    | --- | --- | --- | --- |
    | 5:1 | error | unattributed-quote | quotation “Nobody tells us anything...” has no speaker in reach |

    Anonymous sources:

    - **a senior State Department official** (s2): ground rules: none stated; reason: “because the talks are private” (5:244)
    - **A source** (s4): ground rules: none stated; reason: no reason given

    ### Input errors

    - missing.txt: no such file or directory

The summary table adds an ``input errors`` column when there are any. A section follows for
every article with findings or anonymous sources, in report order; articles with neither are
only counted, in one line at the end.

Everything taken from a report (paths, rule ids and messages, source names, reasons) goes
through :func:`escape_text`: whitespace runs, newlines included, become one space and control
characters go; ``&``, ``<`` and ``>`` become entities, so no raw HTML from an article reaches
the page; ``|`` is escaped (``\\|``) so it cannot split a table cell; the Markdown punctuation
that could start emphasis, code, links or images, or close a heading (``\\ ` * _ [ ] ~ #``),
is backslash-escaped; and an ``@`` gets an invisible WORD JOINER (U+2060) after it, so a
handle quoted in an article does not notify a GitHub user.

GitHub limits a comment to 65,536 characters and a step summary to 1 MiB; this summary is not
cut to fit, so post a very large run's summary in parts.
"""  # noqa: E501  example output lines are verbatim

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..report import Report
from .run_json import SEVERITIES, run_summary, split_error

__all__ = ["escape_text", "render_markdown"]

_SPACE = re.compile(r"\s+")
_BACKSLASHED = frozenset("\\`*_[]~|#")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_WORD_JOINER = "\u2060"
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def escape_text(text: object) -> str:
    """``text`` as inert inline Markdown on one line, safe in a table cell, a list item or a
    heading (see the module docstring)."""
    flat = _SPACE.sub(" ", str(text)).strip()
    out: list[str] = []
    for ch in flat:
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) == "Cc":
            continue
        if ch in _ENTITIES:
            out.append(_ENTITIES[ch])
        elif ch in _BACKSLASHED:
            out.append("\\" + ch)
        elif ch == "@":
            out.append("@" + _WORD_JOINER)
        else:
            out.append(ch)
    return "".join(out)


def _percent(part: int, whole: int) -> str:
    """``80%``, ``33.3%``; an en dash when there is nothing to divide."""
    if not whole:
        return "–"
    text = f"{100 * part / whole:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def _row(cells: Iterable[object]) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _summary_table(reports: Sequence[Report], errors: list[str]) -> list[str]:
    summary = run_summary(reports, errors=errors)
    anonymous = sum(int((r.get("summary") or {}).get("quotes_from_anonymous", 0) or 0) for r in reports)
    header = ["files", "quotations", "attributed", "anonymous share", "errors", "warnings", "info"]
    row: list[object] = [
        summary["checked"],
        summary["quotes"],
        _percent(summary["attributed"], summary["quotes"]),
        _percent(anonymous, summary["quotes"]),
    ]
    row += [summary["findings"][s] for s in SEVERITIES]
    if errors:
        header.append("input errors")
        row.append(len(errors))
    return [_row(header), _row(["---:"] * len(header)), _row(row)]


def _findings_table(findings: Sequence[Mapping[str, Any]]) -> list[str]:
    lines = [_row(["line:col", "severity", "rule", "message"]), _row(["---"] * 4)]
    for f in findings:
        where = f"{f.get('line', '?')}:{f.get('column', '?')}"
        lines.append(
            _row(
                [
                    escape_text(where),
                    escape_text(f.get("severity", "?")),
                    escape_text(f.get("rule", "?")),
                    escape_text(f.get("message", "")),
                ]
            )
        )
    return lines


def _anonymous_source(source: Mapping[str, Any]) -> str:
    """``- **name** (s2): ground rules: background; reason: “...” (5:244)``"""
    rules = [escape_text(r) for r in source.get("ground_rules") or ()]
    reason = source.get("anonymity_reason")
    if isinstance(reason, Mapping) and reason.get("text"):
        where = escape_text(f"{reason.get('line', '?')}:{reason.get('column', '?')}")
        shown = f"“{escape_text(reason['text'])}” ({where})"
    else:
        shown = "no reason given"
    return (
        f"- **{escape_text(source.get('name', '?'))}** ({escape_text(source.get('id', '?'))}): "
        f"ground rules: {', '.join(rules) if rules else 'none stated'}; reason: {shown}"
    )


def render_markdown(reports: Sequence[Report], *, errors: Iterable[str] = ()) -> str:
    """A GitHub Flavored Markdown summary of ``reports`` (one per article) and the input
    ``errors`` (one-line ``"path: reason"`` strings), ending with a newline."""
    error_lines = list(errors)
    lines = ["## quotecheck", "", *_summary_table(reports, error_lines)]
    quiet = 0
    for report in reports:
        findings = list(report.get("findings") or ())
        anonymous = [s for s in report.get("sources") or () if s.get("anonymous")]
        if not findings and not anonymous:
            quiet += 1
            continue
        path = (report.get("document") or {}).get("path") or "<stdin>"
        lines += ["", f"### {escape_text(path)}", ""]
        lines += _findings_table(findings) if findings else ["No findings."]
        if anonymous:
            lines += ["", "Anonymous sources:", ""] + [_anonymous_source(s) for s in anonymous]
    if error_lines:
        lines += ["", "### Input errors", ""]
        for line in error_lines:
            path, reason = split_error(line)
            lines.append(
                f"- {escape_text(path)}: {escape_text(reason)}"
                if path is not None
                else f"- {escape_text(reason)}"
            )
    if quiet:
        lines += [
            "",
            f"{quiet} {'file' if quiet == 1 else 'files'} with no findings and no anonymous sources.",
        ]
    return "\n".join(lines) + "\n"
