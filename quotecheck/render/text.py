"""The human-readable report an editor reads before publication.

For each article: a header line, the quotes grouped by source (who the source is, whether it
is anonymous, under which ground rules and why), the quotes nobody is credited with, the scare
quotes and titles on one line, and the findings in the ``path:line:col`` form editors and
terminals can jump to. One summary line over all articles ends the report, after any input
errors. Example (no colour)::

    articles/nato.md: 127 words, 5 quotes, 1 indirect, 2 sources (1 anonymous)
      Marine Gen. James L. Jones  [s1, named_person]
        commander of NATO's military arm
        10:1    direct    "We are not going to lose this one,"  (explicit, "said")
      Unattributed
        18:1    direct    "The mission is in trouble, and everyone in that room knows it."  (no cue)
      Scare quotes: "surge" (20:25)
    articles/nato.md:18:1  warning  unattributed-quote  Quotation has no speaker.

    Checked 1 file: 5 quotes, 80% attributed, 40% from anonymous sources; 0 errors, 1 warning, 2 info

Without colour the layout is plain ASCII (straight quotation marks, ``...`` for an elision); only
the article's own words may bring other characters. Text taken from a report is put on one line
(runs of whitespace become one space) and stripped of control characters, so a report cannot
break the layout or smuggle terminal escapes. Nothing is wrapped; long quotes and descriptions
are cut at a word boundary.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import click

from ..report import Report
from ..vocab import QuoteKind, Severity

__all__ = ["render_concise", "render_text"]

QUOTE_CHARS = 70  # quoted words shown per quote line
DESCRIPTION_CHARS = 100  # characters of a source description
INLINE_CHARS = 30  # characters of a scare quote or title in the one-line list
INDENT = "  "
SEVERITIES: tuple[str, ...] = tuple(s.value for s in Severity)
SEVERITY_STYLE: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow"},
    "info": {"fg": "cyan"},
}
SPEECH_KINDS = (QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.INDIRECT)

_SPACE = re.compile(r"\s+")
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# -- text helpers ------------------------------------------------------------------------------


def _clean(text: object) -> str:
    """``text`` on one line: whitespace runs become one space, control characters go."""
    flat = _SPACE.sub(" ", str(text)).strip()
    return "".join(ch for ch in flat if ch not in _BIDI_CONTROLS and unicodedata.category(ch) != "Cc")


def _shorten(text: object, limit: int) -> str:
    """``text`` cleaned and cut to about ``limit`` characters at a word boundary, ``...`` added."""
    flat = _clean(text)
    if len(flat) <= limit:
        return flat
    cut = flat[:limit]
    space = cut.rfind(" ")
    if space >= limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "..."


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """``1 quote``, ``2 quotes``."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _percent(part: int, whole: int) -> str:
    """``80%``, ``33.3%``: one decimal, none when it is zero."""
    text = f"{100 * part / whole:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def _loc(item: Mapping[str, Any]) -> str:
    """``line:column`` of a span."""
    return f"{item.get('line', '?')}:{item.get('column', '?')}"


@dataclass(frozen=True)
class _Style:
    """Applies terminal styles with :func:`click.style`, or leaves text alone."""

    color: bool

    def __call__(self, text: str, **styles: Any) -> str:
        """``text`` with ``styles`` (click.style keywords) when colour is on."""
        return click.style(text, **styles) if self.color and text else text

    def severity(self, severity: str, text: str | None = None) -> str:
        """``text`` (default: the severity's name) in the severity's colour."""
        return self(text if text is not None else severity, **SEVERITY_STYLE.get(severity, {}))

    def count(self, severity: str, n: int) -> str:
        """``3 warnings``, coloured when there are any."""
        text = _plural(n, severity, "info" if severity == "info" else None)
        return self.severity(severity, text) if n else text


# -- one article -------------------------------------------------------------------------------


_DIMENSIONS = ("affiliation", "seniority", "role", "knowledge", "side")


def _descriptor(d: Mapping[str, Any]) -> str:
    """ "affiliation NATO; no seniority, role, knowledge, side (1 of 5)" """
    have = [f"{k} {_shorten(d[k], 40)}" for k in _DIMENSIONS if d.get(k)]
    missing = [k for k in _DIMENSIONS if not d.get(k)]
    parts = have + ([f"no {', '.join(missing)}"] if missing else [])
    return (
        "; ".join(parts) + f" ({d.get('score', len(have))} of 5)" + (", a bare noun" if d.get("bare") else "")
    )


def _quote_text(quote: Mapping[str, Any]) -> str:
    """The quoted words as shown: in straight quotation marks, except reported speech."""
    words = _shorten(quote.get("text", ""), QUOTE_CHARS)
    return words if quote.get("kind") == "indirect" else f'"{words}"'


def _quote_note(quote: Mapping[str, Any]) -> str:
    """``(explicit, "said")``: how the speaker was found and the attribution cue."""
    cue = quote.get("cue")
    cue_text = f'"{_clean(cue.get("text", ""))}"' if cue else "no cue"
    speaker = quote.get("speaker")
    parts = [_clean(speaker.get("resolution", "?")), cue_text] if speaker else [cue_text]
    if not speaker and cue:
        parts.append("speaker not found")
    paragraphs = quote.get("paragraphs", 1)
    if isinstance(paragraphs, int) and paragraphs > 1:
        parts.append(f"{paragraphs} paragraphs")
    return "(" + ", ".join(parts) + ")"


class _ArticleRenderer:
    """Renders one report; columns are aligned over the whole article."""

    def __init__(self, report: Report, style: _Style) -> None:
        self.report = report
        self.style = style
        self.quotes: list[Mapping[str, Any]] = list(report.get("quotes") or [])
        self.sources: list[Mapping[str, Any]] = list(report.get("sources") or [])
        self.path = _clean(report.get("document", {}).get("path", "<unknown>"))
        listed = [q for q in self.quotes if q.get("kind") in SPEECH_KINDS]
        self.loc_width = max((len(_loc(q)) for q in listed), default=0)
        self.kind_width = max((len(str(q.get("kind", ""))) for q in listed), default=0)

    def render(self) -> list[str]:
        """The article's lines: header, sources, unattributed quotes, scare quotes, findings."""
        lines = [self._header()]
        lines += self._sources()
        lines += self._unattributed()
        lines += self._scare_and_titles()
        lines += self._findings()
        return lines

    def _header(self) -> str:
        summary = self.report.get("summary", {})
        document = self.report.get("document", {})
        parts = [
            _plural(int(document.get("words", 0)), "word"),
            _plural(int(summary.get("quotes", 0)), "quote"),
        ]
        if summary.get("indirect"):
            parts.append(f"{summary['indirect']} indirect")
        sources = _plural(int(summary.get("sources", len(self.sources))), "source")
        if summary.get("anonymous_sources"):
            sources += f" ({summary['anonymous_sources']} anonymous)"
        parts.append(sources)
        return f"{self.style(self.path, bold=True)}: {', '.join(parts)}"

    def _quote_line(self, quote: Mapping[str, Any]) -> str:
        loc = _loc(quote).ljust(self.loc_width)
        kind = _clean(quote.get("kind", "?")).ljust(self.kind_width)
        note = self.style(_quote_note(quote), dim=True)
        return f"{INDENT * 2}{loc}  {kind}  {_quote_text(quote)}  {note}"

    def _sources(self) -> list[str]:
        by_source: dict[str, list[Mapping[str, Any]]] = {}
        for quote in self.quotes:
            speaker = quote.get("speaker")
            if speaker and quote.get("kind") in SPEECH_KINDS:
                by_source.setdefault(str(speaker.get("source_id")), []).append(quote)
        lines: list[str] = []
        known: set[str] = set()
        for source in self.sources:
            known.add(str(source.get("id")))
            lines += self._source(source, by_source.get(str(source.get("id")), []))
        for source_id, quotes in by_source.items():  # a speaker missing from sources[]
            if source_id not in known:
                name = quotes[0]["speaker"].get("mention", {}).get("text", source_id)
                stray = {"id": source_id, "name": name, "type": "not in sources"}
                lines += self._source(stray, quotes)
        if not self.quotes:
            lines.append(f"{INDENT}No quotations.")
        return lines

    def _source(self, source: Mapping[str, Any], quotes: list[Mapping[str, Any]]) -> list[str]:
        tags = [_clean(source.get("id", "?")), _clean(source.get("type", "?"))]
        if source.get("anonymous"):
            tags.append(self.style("ANONYMOUS", fg="magenta", bold=True))
        name = self.style(_clean(source.get("name", "?")), bold=True)
        lines = [f"{INDENT}{name}  [{', '.join(tags)}]"]
        detail = INDENT * 2
        if source.get("description"):
            lines.append(detail + _shorten(source["description"], DESCRIPTION_CHARS))
        rules = self._ground_rules(source)
        if rules:
            lines.append(f"{detail}ground rules: {rules}")
        if source.get("anonymous"):
            reason = source.get("anonymity_reason")
            if reason:
                shown = f'"{_shorten(reason.get("text", ""), QUOTE_CHARS)}" ({_loc(reason)})'
            else:
                shown = self.style("no reason given", fg="yellow")
            lines.append(f"{detail}reason for anonymity: {shown}")
            descriptor = source.get("descriptor")
            if descriptor:
                lines.append(f"{detail}described by: {_descriptor(descriptor)}")
        lines += [self._quote_line(q) for q in quotes]
        if not quotes:
            lines.append(f"{detail}(cited, not quoted)")
        return lines

    @staticmethod
    def _ground_rules(source: Mapping[str, Any]) -> str:
        """``background (12:111), anonymity_granted (12:22)``: each rule and where it is set."""
        evidence: dict[str, Mapping[str, Any]] = {}
        for item in source.get("ground_rule_evidence") or []:
            evidence.setdefault(str(item.get("rule")), item)
        shown = []
        for rule in source.get("ground_rules") or []:
            where = evidence.get(str(rule))
            shown.append(_clean(rule) + (f" ({_loc(where)})" if where else ""))
        return ", ".join(shown)

    def _unattributed(self) -> list[str]:
        quotes = [q for q in self.quotes if q.get("kind") in SPEECH_KINDS and not q.get("speaker")]
        if not quotes:
            return []
        return [INDENT + self.style("Unattributed", fg="yellow", bold=True)] + [
            self._quote_line(q) for q in quotes
        ]

    def _scare_and_titles(self) -> list[str]:
        groups = []
        for kind, label in (("scare", "Scare quotes"), ("title", "Titles")):
            items = [
                f'"{_shorten(q.get("text", ""), INLINE_CHARS)}" ({_loc(q)})'
                for q in self.quotes
                if q.get("kind") == kind
            ]
            if items:
                groups.append(f"{label}: {', '.join(items)}")
        return [INDENT + "  ".join(groups)] if groups else []

    def _findings(self) -> list[str]:
        findings = list(self.report.get("findings") or [])
        if not findings:
            return [f"{INDENT}No findings."]
        where = [f"{self.path}:{_loc(f)}" for f in findings]
        where_width = max(len(w) for w in where)
        rule_width = max(len(_clean(f.get("rule", ""))) for f in findings)
        sev_width = max(len(s) for s in SEVERITIES)
        lines = []
        for w, finding in zip(where, findings, strict=True):
            severity = _clean(finding.get("severity", "?"))
            sev = self.style.severity(severity) + " " * (sev_width - len(severity))
            rule = _clean(finding.get("rule", "?")).ljust(rule_width)
            lines.append(f"{w.ljust(where_width)}  {sev}  {rule}  {_clean(finding.get('message', ''))}")
        return lines


# -- all articles ------------------------------------------------------------------------------


def _summary_line(reports: Sequence[Report], input_errors: int, style: _Style) -> str:
    """``Checked 2 files: 9 quotes, 78% attributed, 22% from anonymous sources; 1 error, ...``"""

    def total(key: str) -> int:
        return sum(int(r.get("summary", {}).get(key, 0) or 0) for r in reports)

    quotes = total("quotes")
    head = f"Checked {_plural(len(reports), 'file')}: {_plural(quotes, 'quote')}"
    if quotes:
        head += (
            f", {_percent(total('attributed'), quotes)} attributed"
            f", {_percent(total('quotes_from_anonymous'), quotes)} from anonymous sources"
        )
    counts = {
        sev: sum(int(r.get("summary", {}).get("findings", {}).get(sev, 0) or 0) for r in reports)
        for sev in SEVERITIES
    }
    tail = ", ".join(style.count(sev, counts[sev]) for sev in SEVERITIES)
    if input_errors:
        tail += ", " + style(_plural(input_errors, "input error"), fg="red", bold=True)
    return f"{head}; {tail}"


def render_text(reports: Sequence[Report], *, color: bool = False, errors: Iterable[str] = ()) -> str:
    """The terminal report for ``reports`` (one per article), ending with a summary line.

    ``errors`` are one-line messages about inputs that could not be checked (a missing file,
    an undecodable one); they are printed after the articles, before the summary. With
    ``color`` the output is styled with :func:`click.style` (severities in colour, source names
    in bold); without it, it holds no escape sequences.
    """
    style = _Style(color)
    input_errors = [_clean(e) for e in errors]
    lines: list[str] = []
    for report in reports:
        lines += _ArticleRenderer(report, style).render()
        lines.append("")
    for message in input_errors:
        lines.append(f"{style.severity('error')}: {message}")
    if input_errors:
        lines.append("")
    lines.append(_summary_line(reports, len(input_errors), style))
    return "\n".join(lines) + "\n"


def render_concise(reports: Sequence[Report], *, color: bool = False, errors: Iterable[str] = ()) -> str:
    """Findings only, one line each (``path:line:col: severity rule message``), then the input
    errors: ``--output-format concise`` and ``--quiet``, for hooks and editors. Nothing at all
    when there is nothing to report."""
    style = _Style(color)
    lines = [
        f"{_clean(r.get('document', {}).get('path', '<stdin>'))}:{_loc(f)}: "
        f"{style.severity(_clean(f.get('severity', '?')))} {_clean(f.get('rule', '?'))} "
        + _clean(f.get("message", ""))
        for r in reports
        for f in r.get("findings") or []
    ]
    lines += [f"{style.severity('error')}: {_clean(e)}" for e in errors]
    return "".join(line + "\n" for line in lines)
