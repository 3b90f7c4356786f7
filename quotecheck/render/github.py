"""GitHub Actions workflow commands: one annotation per finding, on the pull request's diff.

Printed in a workflow step, each line becomes an annotation::

    ::error file=articles/fire.txt,line=5,col=1,endLine=5,endColumn=51,title=quotecheck unattributed-quote::quotation “Nobody tells us anything” has no speaker in reach
    ::warning file=articles/fire.txt,line=15,col=107,endLine=15,endColumn=108,title=quotecheck unbalanced-quote::quotation mark “ opens a quotation that never closes
    ::notice file=articles/talks.txt,line=5,col=138,title=quotecheck anonymous-source::anonymous source ...
    ::error file=missing.txt::no such file or directory

Severity ``error`` gives ``::error``, ``warning`` ``::warning`` and ``info`` ``::notice``.
``endLine``/``endColumn`` (exclusive, like SARIF's) appear only when the report proves the span
stays on its start line (see :func:`quotecheck.render.sarif.span_end`); GitHub accepts
``endColumn`` only on a one-line annotation anyway.

Escaping follows the runner's rules (``@actions/core``): in the message ``%`` -> ``%25``,
``\\r`` -> ``%0D``, ``\\n`` -> ``%0A``; in property values also ``:`` -> ``%3A`` and ``,`` ->
``%2C``. So nothing from an article can end a command early or start a new one. Paths are
written with forward slashes, as GitHub matches them against the repository.
"""  # noqa: E501  example output lines are verbatim

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..report import Report
from .run_json import split_error
from .sarif import LineAnchors, span_end

__all__ = ["escape_data", "escape_property", "render_github"]

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


# Control characters other than \r and \n (which are %-escaped): shown as U+FFFD, so no raw
# control character from an article or a file name reaches the runner's log.
_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, ``\\r`` and ``\\n`` escaped (``%`` first), other
    control characters replaced by U+FFFD."""
    return _CONTROL.sub("\ufffd", text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as :func:`escape_data`, and ``:`` and ``,`` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(command: str, properties: Sequence[tuple[str, object]], message: str) -> str:
    """``::command key=value,key=value::message`` with everything escaped."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties)
    return f"::{command}{' ' + props if props else ''}::{escape_data(message)}"


def _path(path: str) -> str:
    return path.replace("\\", "/")


def render_github(reports: Sequence[Report], *, errors: Iterable[str] = ()) -> str:
    """Workflow commands for ``reports`` (one per article): one line per finding, in report
    order, then one ``::error`` line per input error (one-line ``"path: reason"`` strings).
    Empty when there is nothing to annotate; otherwise every line ends with a newline."""
    lines: list[str] = []
    for report in reports:
        path = _path(str((report.get("document") or {}).get("path") or "<stdin>"))
        anchors = LineAnchors(report)
        for finding in report.get("findings") or ():
            rule = str(finding.get("rule", "unknown"))
            props: list[tuple[str, object]] = [("file", path)]
            line, column = finding.get("line"), finding.get("column")
            if isinstance(line, int) and line >= 1:
                props.append(("line", line))
                if isinstance(column, int) and column >= 1:
                    props.append(("col", column))
                    end = span_end(finding, anchors)
                    if end is not None:
                        props += [("endLine", end[0]), ("endColumn", end[1])]
            props.append(("title", f"quotecheck {rule}"))
            command = COMMANDS.get(str(finding.get("severity")), "error")
            lines.append(_command(command, props, str(finding.get("message", "")) or rule))
    for error in errors:
        error_path, reason = split_error(error)
        props = [("file", _path(error_path))] if error_path is not None else []
        lines.append(_command("error", props, reason))
    return "".join(line + "\n" for line in lines)
