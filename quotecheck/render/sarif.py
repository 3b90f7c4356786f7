"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis dashboards.

``render_sarif(reports, errors=...)`` writes one SARIF log with one run:

- ``tool.driver``: name ``quotecheck``, the package version, ``informationUri``, and the
  metadata of **every** rule in the registry (not only those that fired), in registry order:
  ``id``; ``name`` in PascalCase (``UnattributedQuote``); ``shortDescription`` (the rule's
  summary); ``fullDescription`` (its rationale); ``help`` as text (what ``quotecheck rules ID``
  prints) and Markdown (rationale, basis, an example that fires and a near miss that does
  not, options); ``helpUri`` (``docs/rules.md#<id>``); ``defaultConfiguration.level``
  (``error`` -> ``error``, ``warning`` -> ``warning``, ``info`` -> ``note``);
- ``artifacts``: every article checked, with its SHA-256 and MIME type;
- ``results``: one per finding, with the level of the finding's own (configured) severity, the
  message, the location (see below), the quote and source ids as properties, and
  ``partialFingerprints`` so GitHub tracks a finding across runs while lines move;
- ``invocations[0]``: ``executionSuccessful`` (false when an input could not be checked) and
  one ``toolExecutionNotifications`` entry, level ``error``, per input error.

Locations. ``artifactLocation.uri`` is the report's ``document.path`` as a URI reference:
forward slashes, percent-encoded, relative paths resolved against ``uriBaseId`` ``%SRCROOT%``
(the repository root, which ``originalUriBaseIds`` gives as a ``file:`` URI when the command
line passes it, as ``check`` does: the git top level or ``--root``; GitHub resolves it to the
checkout); absolute paths become
``file:`` URIs. Columns are counted in characters (``run.columnKind`` is
``unicodeCodePoints``), as the report counts them. ``startLine``/``startColumn`` come straight
from the finding.

The limitation: a finding carries its start line and column and its start/end offsets, but not
the line and column of its end, and a renderer has no access to the file. The end is given
only when the report itself proves the span lies on its start line, so that
``endColumn = column + (end - start)`` (exclusive, as SARIF wants) is exact: the span is at
most one character long; or some other location in the report sits on the same line at or
after the span's last character; or a location on the next line starts after it (every
``offset``/``line``/``column`` triple in the report tells where its line starts); or the span
starts on the file's last line. Otherwise ``endLine``/``endColumn`` are left out and viewers
highlight from the start position only. :func:`span_end` is that reasoning; the GitHub
renderer uses it too.

The renderer is pure: it reads the report dicts it is given and the rule registry, nothing else.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeGuard
from urllib.parse import quote

from .. import __version__
from ..report import Report
from ..rules.catalogue import explain
from ..rules.core import Rule
from ..rules.registry import RULES
from .run_json import split_error

__all__ = [
    "DOCS_URI",
    "INFORMATION_URI",
    "SARIF_SCHEMA_URI",
    "SARIF_VERSION",
    "LineAnchors",
    "artifact_uri",
    "finding_fingerprint",
    "render_sarif",
    "rule_descriptor",
    "span_end",
]

SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://quotecheck.dev/"
DOCS_URI = "https://quotecheck.dev/docs/"  # docs/ of the repository, as published
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "quotecheck/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
MIME_TYPES = {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}
STDIN = "<stdin>"

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


# -- rules --------------------------------------------------------------------------------------


def _pascal(rule_id: str) -> str:
    """``UnattributedQuote`` for ``unattributed-quote``."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-_\s]+", rule_id) if part)


def _help_markdown(rule: Rule) -> str:
    """The rule's help as Markdown: why, basis, an example that fires, a near miss, options."""
    lines = [
        rule.summary,
        "",
        f"**Why.** {rule.rationale}",
        "",
        f"**Basis.** {rule.basis}",
        "",
        f"**Fires:** {rule.fires}",
        "",
        f"**Does not fire:** {rule.passes}",
        "",
        f"**Default severity:** {rule.severity}.",
    ]
    if rule.options:
        lines += ["", "**Options:**", ""]
        for o in rule.options:
            bounds = [
                f"{sign} {value:g}"
                for sign, value in ((">=", o.minimum), ("<=", o.maximum))
                if value is not None
            ]
            kind = ", ".join([o.type.__name__, f"default `{o.default}`", *bounds])
            lines.append(f"- `{o.name}` ({kind}): {o.description}")
    lines += ["", f"[Rule documentation]({DOCS_URI}rules.md#{rule.id})"]
    return "\n".join(lines)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    """The SARIF ``reportingDescriptor`` of a registry rule."""
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale},
        "help": {"text": explain(rule).rstrip("\n"), "markdown": _help_markdown(rule)},
        "helpUri": f"{DOCS_URI}rules.md#{rule.id}",
        "defaultConfiguration": {"level": LEVELS.get(rule.severity, "error")},
        "properties": {"tags": ["sourcing"]},
    }


# -- locations ----------------------------------------------------------------------------------


def artifact_uri(path: str) -> tuple[str, str | None]:
    """``(uri, uriBaseId)`` of a report's ``document.path``.

    Backslashes become forward slashes and ``.``/``..`` steps are folded; a relative path is a
    percent-encoded relative reference against ``%SRCROOT%``; an absolute one (``/x``,
    ``C:/x``) a ``file:`` URI with no base; standard input ``%3Cstdin%3E`` with no base.
    """
    if path == STDIN:
        return quote(path, safe=""), None
    posix = path.replace("\\", "/")
    if _WINDOWS_DRIVE.match(posix):
        return "file:///" + quote(posixpath.normpath(posix), safe="/:"), None
    normalised = posixpath.normpath(posix)
    if posix.startswith("/"):
        return "file://" + quote(normalised, safe="/"), None
    return quote(normalised, safe="/"), SRCROOT


class LineAnchors:
    """What a report tells about its file's lines, from every located item in it.

    Every ``start``/``line``/``column`` triple (quotes, cues, speaker mentions, source mentions,
    ground-rule evidence, reasons, findings) gives the offset where its line starts
    (``start - column + 1``) and a character known to lie on that line (``start``).
    """

    def __init__(self, report: Report) -> None:
        self.line_starts: dict[int, int] = {}  # line -> offset of its first character
        self.furthest: dict[int, int] = {}  # line -> largest offset known to be on it
        lines = (report.get("document") or {}).get("lines")
        self.lines: int | None = lines if isinstance(lines, int) and lines > 0 else None
        for key in ("quotes", "sources", "findings"):
            for item in self._located(report.get(key)):
                start, line, column = item["start"], item["line"], item["column"]
                self.line_starts.setdefault(line, start - column + 1)
                self.furthest[line] = max(self.furthest.get(line, start), start)

    @classmethod
    def _located(cls, value: Any) -> Iterator[Mapping[str, Any]]:
        """Every mapping nested in ``value`` that has a sane start, line and column."""
        if isinstance(value, Mapping):
            start, line, column = value.get("start"), value.get("line"), value.get("column")
            if (
                _is_int(start)
                and _is_int(line)
                and _is_int(column)
                and line >= 1
                and column >= 1
                and start >= column - 1
            ):
                yield value
            for child in value.values():
                if isinstance(child, (Mapping, list)):
                    yield from cls._located(child)
        elif isinstance(value, list):
            for child in value:
                yield from cls._located(child)

    def on_start_line(self, start: int, end: int, line: int) -> bool:
        """Whether the span ``[start, end)`` starting on ``line`` provably ends on it."""
        last = end - 1
        if last <= start:
            return True
        if self.furthest.get(line, -1) >= last:
            return True
        next_start = self.line_starts.get(line + 1)
        if next_start is not None and last < next_start:
            return True
        return self.lines is not None and line >= self.lines


def _is_int(value: object) -> TypeGuard[int]:
    """An int and not a bool (JSON ``true`` is no offset)."""
    return isinstance(value, int) and not isinstance(value, bool)


def span_end(item: Mapping[str, Any], anchors: LineAnchors) -> tuple[int, int] | None:
    """``(end_line, end_column)`` of a located item (``end_column`` exclusive, 1-based), or None
    when the report does not prove the span stays on its start line (see the module docstring).
    """
    start, end = item.get("start"), item.get("end")
    line, column = item.get("line"), item.get("column")
    if not (_is_int(start) and _is_int(end) and _is_int(line) and _is_int(column)):
        return None
    if end < start or line < 1 or column < 1:
        return None
    if not anchors.on_start_line(start, end, line):
        return None
    return line, column + (end - start)


def _region(finding: Mapping[str, Any], anchors: LineAnchors) -> dict[str, int]:
    region: dict[str, int] = {}
    line, column = finding.get("line"), finding.get("column")
    if isinstance(line, int) and line >= 1:
        region["startLine"] = line
        if isinstance(column, int) and column >= 1:
            region["startColumn"] = column
            known = span_end(finding, anchors)
            if known is not None:
                region["endLine"], region["endColumn"] = known
    else:
        region["startLine"] = 1  # a region needs a start; a finding always has one in practice
    return region


def finding_fingerprint(rule: str, path: str, message: str) -> str:
    """Hex SHA-256 of rule id, path (forward slashes) and message: stable while lines move."""
    data = "\0".join((rule, path.replace("\\", "/"), message)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# -- the log ------------------------------------------------------------------------------------


def _location(uri: str, base: str | None, index: int | None = None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if base is not None:
        artifact["uriBaseId"] = base
    if index is not None:
        artifact["index"] = index
    return artifact


def _srcroot(root: str | None) -> dict[str, Any]:
    """``originalUriBaseIds[%SRCROOT%]``: the repository root (as a ``file:`` URI) when known."""
    if root is None:
        return {
            "description": {
                "text": "The directory quotecheck ran in; relative article paths are relative to it."
            }
        }
    uri = (
        "file://"
        + ("" if root.startswith("/") else "/")
        + quote(root.replace("\\", "/").rstrip("/") + "/", safe="/:")
    )
    return {
        "uri": uri,
        "description": {"text": "The repository root; relative article paths are relative to it."},
    }


def render_sarif(reports: Sequence[Report], *, errors: Iterable[str] = (), root: str | None = None) -> str:
    """A SARIF 2.1.0 log (pretty-printed JSON, trailing newline) for ``reports`` (one per
    article) and the input ``errors`` (one-line ``"path: reason"`` strings)."""
    rules: list[dict[str, Any]] = [rule_descriptor(r) for r in RULES]
    rule_index = {r.id: i for i, r in enumerate(RULES)}
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    results: list[dict[str, Any]] = []
    seen: dict[str, int] = {}  # fingerprint -> occurrences so far

    for report in reports:
        document = report.get("document") or {}
        path = str(document.get("path") or STDIN)
        uri, base = artifact_uri(path)
        if path not in artifact_index:
            artifact_index[path] = len(artifacts)
            artifact: dict[str, Any] = {"location": _location(uri, base), "roles": ["analysisTarget"]}
            if isinstance(document.get("sha256"), str):
                artifact["hashes"] = {"sha-256": document["sha256"]}
            if document.get("format") in MIME_TYPES:
                artifact["mimeType"] = MIME_TYPES[document["format"]]
            artifacts.append(artifact)
        anchors = LineAnchors(report)
        for finding in report.get("findings") or ():
            rule_id = str(finding.get("rule", "unknown"))
            if rule_id not in rule_index:  # a rule the registry does not know: still described
                rule_index[rule_id] = len(rules)
                rules.append({"id": rule_id, "name": _pascal(rule_id)})
            message = str(finding.get("message", "")) or rule_id
            digest = finding_fingerprint(rule_id, path, message)
            seen[digest] = seen.get(digest, 0) + 1
            properties = {k: finding[k] for k in ("quote_id", "source_id", "start", "end") if k in finding}
            result: dict[str, Any] = {
                "ruleId": rule_id,
                "ruleIndex": rule_index[rule_id],
                "level": LEVELS.get(str(finding.get("severity")), "error"),
                "message": {"text": message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": _location(uri, base, artifact_index[path]),
                            "region": _region(finding, anchors),
                        }
                    }
                ],
                "partialFingerprints": {FINGERPRINT_KEY: f"{digest}:{seen[digest]}"},
            }
            if properties:
                result["properties"] = properties
            results.append(result)

    notifications: list[dict[str, Any]] = []
    for line in errors:
        path_or_none, reason = split_error(line)
        notification: dict[str, Any] = {
            "level": "error",
            "message": {"text": reason or "input error"},
            "descriptor": {"id": "input-error"},
        }
        if path_or_none is not None:
            uri, base = artifact_uri(path_or_none)
            notification["locations"] = [{"physicalLocation": {"artifactLocation": _location(uri, base)}}]
        notifications.append(notification)

    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "quotecheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "originalUriBaseIds": {SRCROOT: _srcroot(root)},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    log = {"$schema": SARIF_SCHEMA_URI, "version": SARIF_VERSION, "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
