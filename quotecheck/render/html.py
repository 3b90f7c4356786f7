"""The annotated article page: one self-contained HTML5 file per article.

``render_html(report, source)`` shows the article as published (``source``, the original file
text the report's offsets point into) with every quotation highlighted in its source's colour,
every finding numbered at its location and listed in a notes column, a sources panel and a
header with the article's counts.

Decisions:

* The page is self-contained: inline CSS only, no scripts, no external URLs of any kind (no
  ``src=``, no ``<link>``, no ``url()``), so opening it makes no network request. Internal
  ``#fragment`` links join markers and notes.
* For Markdown and HTML inputs the raw markup is shown as text (escaped), since the report's
  offsets point into the source file; rendering the markup itself is left for later.
* Everything taken from the article or the report is escaped with :func:`html.escape`; on top
  of that ``=`` and the colon of ``://`` are written as character references, so article text
  such as ``<img src=...>`` or a link cannot put a literal ``src=`` or ``http://`` in the file.
* Spans may overlap (a finding inside a quotation, an indirect quote containing a partial one).
  The text is split at every span boundary; at each boundary the open elements that end are
  closed, with any still-active elements opened after them closed too and re-opened, so the
  output is always properly nested. Re-opened fragments of a quotation keep its colour and
  title; its source label appears once, after its end.
* Quotes: ``direct`` and ``partial`` are ``<mark>`` in the source's colour (a fixed palette
  with dark text, cycled by source index), ``indirect`` are lightly underlined in that colour,
  unattributed ones are grey, anonymous sources' quotes have a dashed outline and an
  "anonymous" label. ``scare`` and ``title`` quotes are not marked.
* On narrow screens the notes column moves below the text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["render_html"]

Report = Mapping[str, Any]

# Light backgrounds that keep black text above WCAG AA contrast; cycled by source index.
PALETTE = ("#ffe08a", "#a8e6ff", "#c5f0a4", "#ffc2d1", "#d9c8ff",
           "#ffd1a3", "#b3f0e0", "#e6e6a1", "#f5c6f0", "#c9d9ff")
UNATTRIBUTED = "#dddddd"
MARKED_KINDS = ("direct", "partial", "indirect")
SEVERITIES = ("error", "warning", "info")

CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 Georgia,serif;color:#111;background:#fff}
header,section{padding:0.75rem 1rem}
header{border-bottom:1px solid #ccc;font-family:system-ui,sans-serif}
header h1{font-size:1.1rem;margin:0 0 .25rem;word-break:break-all}
header p{margin:0;font-size:.9rem}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem;padding:0 1rem}
.article{white-space:pre-wrap;overflow-wrap:anywhere;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92rem}
.notes{font-family:system-ui,sans-serif;font-size:.88rem}
.notes ol{padding-left:1.4rem}
.notes li{margin-bottom:.5rem}
mark{color:inherit;padding:0 .1em;border-radius:2px}
mark.q-indirect{background:transparent!important;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}
mark.anon{outline:1.5px dashed #333;outline-offset:1px}
sup.lbl{font:600 .68rem/1 system-ui,sans-serif;padding:0 .2em;border-radius:2px;white-space:nowrap}
sup.lbl .anon-tag{font-style:italic}
span.f{border-bottom:2px dotted #888}
span.f-error{border-bottom-color:#b00020}
span.f-warning{border-bottom-color:#a15c00}
sup.fn a{font:700 .7rem/1 system-ui,sans-serif;color:#fff;background:#555;border-radius:.6em;padding:0 .35em;text-decoration:none}
.sev{font-weight:700;text-transform:uppercase;font-size:.75rem;padding:0 .3em;border-radius:2px;color:#fff}
.sev-error,sup.fn-error a{background:#b00020}
.sev-warning,sup.fn-warning a{background:#8a4b00}
.sev-info,sup.fn-info a{background:#24527a}
.rule{font-family:ui-monospace,Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;font-family:system-ui,sans-serif;font-size:.88rem}
th,td{border:1px solid #ccc;padding:.3rem .4rem;text-align:left;vertical-align:top}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle;margin-right:.3em}
.table-wrap{overflow-x:auto}
@media (max-width:760px){.layout{grid-template-columns:1fr}.notes{border-top:1px solid #ccc}}
"""


def _esc(value: object) -> str:
    """``value`` escaped for text or a quoted attribute; no literal ``=`` or ``://`` survives."""
    return html.escape(str(value), quote=True).replace("=", "&#61;").replace("://", "&#58;//")


def _int(value: object, default: int = 0) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


@dataclass
class _Span:
    """An element over ``source[start:end]``: ``order`` breaks ties when nesting."""

    start: int
    end: int
    order: int
    open_tag: str
    close_tag: str


def _short_name(source: Mapping[str, Any]) -> str:
    """A label for a superscript: a person's surname, or the first words of a descriptor."""
    name = " ".join(str(source.get("name", "")).split()) or str(source.get("id", "?"))
    if source.get("type") == "named_person":
        return name.split()[-1]
    return name if len(name) <= 24 else name[:22].rstrip() + "…"


class _Page:
    def __init__(self, report: Report, source: str) -> None:
        self.report = report
        self.source = source
        self.quotes = [q for q in report.get("quotes") or [] if isinstance(q, Mapping)]
        self.sources = [s for s in report.get("sources") or [] if isinstance(s, Mapping)]
        self.findings = [f for f in report.get("findings") or [] if isinstance(f, Mapping)]
        self.by_id = {str(s.get("id")): s for s in self.sources}
        self.colour = {str(s.get("id")): PALETTE[i % len(PALETTE)]
                       for i, s in enumerate(self.sources)}

    # -- spans -------------------------------------------------------------------------------

    def _clamp(self, item: Mapping[str, Any]) -> tuple[int, int]:
        n = len(self.source)
        start = min(max(_int(item.get("start")), 0), n)
        end = min(max(_int(item.get("end"), start), start), n)
        return start, end

    def _spans(self) -> tuple[list[_Span], dict[int, list[str]]]:
        spans: list[_Span] = []
        points: dict[int, list[str]] = {}
        order = 0
        for quote in self.quotes:
            kind = str(quote.get("kind"))
            if kind not in MARKED_KINDS:
                continue
            start, end = self._clamp(quote)
            if start >= end:
                continue
            speaker = quote.get("speaker") if isinstance(quote.get("speaker"), Mapping) else None
            source = self.by_id.get(str(speaker.get("source_id"))) if speaker else None
            sid = str(speaker.get("source_id")) if speaker else ""
            colour = self.colour.get(sid, UNATTRIBUTED)
            anonymous = bool(source and source.get("anonymous"))
            classes = ["q", f"q-{kind}"] + (["anon"] if anonymous else []) + (
                [] if speaker else ["unattributed"])
            who = (str(source.get("name")) if source else
                   str(speaker.get("mention", {}).get("text", sid)) if speaker else "unattributed")
            cue = quote.get("cue") if isinstance(quote.get("cue"), Mapping) else None
            title = f"{kind} quote: {who}" + (" (anonymous)" if anonymous else "")
            title += f", cue \u201c{cue.get('text', '')}\u201d" if cue else ", no cue"
            if speaker:
                title += f", {speaker.get('resolution', '?')}"
            style = (f"text-decoration-color:{colour}" if kind == "indirect"
                     else f"background:{colour}")
            open_tag = (f'<mark class="{" ".join(classes)}" data-q="{_esc(quote.get("id", ""))}"'
                        f' style="{style}" title="{_esc(title)}">')
            spans.append(_Span(start, end, order, open_tag, "</mark>"))
            order += 1
            if kind != "indirect":
                short = _short_name(source) if source else ("?" if speaker else "unattributed")
                anon = ' <span class="anon-tag">anonymous</span>' if anonymous else ""
                points.setdefault(end, []).append(
                    f'<sup class="lbl" style="background:{colour}">{_esc(short)}{anon}</sup>')
        for number, finding in enumerate(self.findings, 1):
            start, end = self._clamp(finding)
            severity = _esc(finding.get("severity", "info"))
            if start < end:
                spans.append(_Span(start, end, order, f'<span class="f f-{severity}">', "</span>"))
                order += 1
            points.setdefault(end, []).append(
                f'<sup class="fn fn-{severity}" id="m{number}"><a href="#n{number}"'
                f' title="{_esc(finding.get("rule", ""))}">{number}</a></sup>')
        return spans, points

    def _article(self) -> str:
        """The source with every span as a properly nested element."""
        spans, points = self._spans()
        bounds = sorted({0, len(self.source), *points,
                         *(s.start for s in spans), *(s.end for s in spans)})
        out: list[str] = []
        stack: list[_Span] = []
        for i, pos in enumerate(bounds):
            nxt = bounds[i + 1] if i + 1 < len(bounds) else None
            active = [] if nxt is None else sorted(
                (s for s in spans if s.start <= pos and s.end >= nxt),
                key=lambda s: (s.start, -s.end, s.order))
            keep = 0
            while keep < len(stack) and stack[keep] in active:
                keep += 1
            for span in reversed(stack[keep:]):
                out.append(span.close_tag)
            del stack[keep:]
            out.extend(points.get(pos, ()))
            for span in active:
                if span not in stack:
                    out.append(span.open_tag)
                    stack.append(span)
            if nxt is not None:
                out.append(_esc(self.source[pos:nxt]))
        for span in reversed(stack):  # pragma: no cover (nothing is active past the end)
            out.append(span.close_tag)
        return "".join(out)

    # -- panels ------------------------------------------------------------------------------

    def _header(self) -> str:
        document = self.report.get("document") or {}
        summary = self.report.get("summary") or {}
        share = float(summary.get("anonymous_share", 0) or 0)
        counts = summary.get("findings") or {}
        found = ", ".join(f"{_int(counts.get(s))} {s}" for s in SEVERITIES)
        return (f'<header><h1>{_esc(document.get("path", "<unknown>"))}</h1>'
                f'<p>{_int(document.get("words"))} words · {_int(summary.get("quotes"))} quotes'
                f' · {_int(summary.get("indirect"))} indirect'
                f' · {_int(summary.get("sources", len(self.sources)))} sources'
                f' ({_int(summary.get("anonymous_sources"))} anonymous)'
                f' · anonymous share {share * 100:.1f}% · findings: {_esc(found)}</p></header>')

    def _notes(self) -> str:
        if not self.findings:
            return '<aside class="notes"><h2>Findings</h2><p>No findings.</p></aside>'
        items = []
        for number, f in enumerate(self.findings, 1):
            severity = _esc(f.get("severity", "info"))
            items.append(
                f'<li id="n{number}"><a href="#m{number}">{number}</a>'
                f' <span class="sev sev-{severity}">{severity}</span>'
                f' <span class="rule">{_esc(f.get("rule", ""))}</span>'
                f' <small>({_int(f.get("line"))}:{_int(f.get("column"))})</small><br>'
                f'{_esc(f.get("message", ""))}</li>')
        return ('<aside class="notes"><h2>Findings</h2><ol>' + "".join(items) + "</ol></aside>")

    def _sources_panel(self) -> str:
        if not self.sources:
            return '<section class="sources"><h2>Sources</h2><p>No sources.</p></section>'
        rows = []
        for s in self.sources:
            sid = str(s.get("id"))
            quotes = [q for q in self.quotes if q.get("kind") in ("direct", "partial")
                      and isinstance(q.get("speaker"), Mapping)
                      and str(q["speaker"].get("source_id")) == sid]
            if s.get("anonymous"):
                reason = s.get("anonymity_reason")
                reason_text = (f"\u201c{reason.get('text', '')}\u201d"
                               if isinstance(reason, Mapping) else "no reason given")
            else:
                reason_text = "—"
            descriptor = s.get("descriptor")
            score = (f"{_int(descriptor.get('score'))} of 5" if isinstance(descriptor, Mapping)
                     else "—")
            name = _esc(s.get("name", sid))
            if s.get("description"):
                name += f'<br><small>{_esc(s["description"])}</small>'
            rows.append(
                f'<tr><td><span class="swatch" style="background:{self.colour[sid]}"></span>'
                f'{name}</td><td>{_esc(s.get("type", ""))}'
                f'{" (anonymous)" if s.get("anonymous") else ""}</td>'
                f'<td>{_esc(", ".join(map(str, s.get("ground_rules") or [])) or "—")}</td>'
                f'<td>{_esc(reason_text)}</td><td>{score}</td><td>{len(quotes)}</td></tr>')
        return ('<section class="sources"><h2>Sources</h2><div class="table-wrap"><table>'
                '<thead><tr><th>Source</th><th>Type</th><th>Ground rules</th>'
                '<th>Reason for anonymity</th><th>Descriptor score</th><th>Quotes</th></tr>'
                '</thead><tbody>' + "".join(rows) + "</tbody></table></div></section>")

    def render(self) -> str:
        title = _esc(f"quotecheck: {(self.report.get('document') or {}).get('path', '')}")
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<title>{title}</title><style>{CSS}</style></head><body>"
                + self._header()
                + '<div class="layout"><main><div class="article">' + self._article()
                + "</div></main>" + self._notes() + "</div>"
                + self._sources_panel() + "</body></html>\n")


def render_html(report: Report, source: str) -> str:
    """The annotated page for one article: ``report`` (see docs/report-format.md) over
    ``source``, the original file text its offsets point into (BOM removed)."""
    return _Page(report, source).render()
