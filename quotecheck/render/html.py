"""The annotated article page: one self-contained HTML5 file per article.

``render_html(report, source)`` shows the article as published, with every quotation
highlighted in its source's colour, every finding numbered at its location and listed in a
notes column, a sources panel and a header with the article's counts. ``source`` is either a
:class:`~quotecheck.documents.Document` (what ``quotecheck check --format html`` passes) or,
for callers that only have the report and the file text, a string: the original file text
the report's offsets point into (BOM removed), shown as it is (identity map).

Decisions:

* The page is self-contained: inline CSS only, no scripts, no external URLs of any kind (no
  ``src=``, no ``<link>``, no ``url()``), so opening it makes no network request. Internal
  ``#fragment`` links join markers and notes.
* The article shown is the *article text* (:attr:`Document.text`): for Markdown and HTML
  inputs the markup is gone (no ``**``, ``#``, tags, entities or front matter), as a reader
  sees it. The report's offsets are *source* offsets. A source offset ``o`` falls at the first
  text index whose source offset (the Document's forward map, ``Document.to_source``, which is
  non-decreasing) is ``>= o``; it is found by binary search with the forward map as the key
  (:func:`bisect.bisect_left`), so only the span ends are placed, a few characters looked up
  for each, and no per-character map of the article is built. For a span start inside markup
  that has no text character this is the next text character; for a span end it is one past
  the last text character that starts before it. A span that maps to no text character keeps
  its label or finding marker, at that position, but no highlight. Given a plain string, the
  text is the string itself and offsets are used as they are.
* The text is split into paragraphs (``<p>``) at blank lines (the ``"\\n\\n"`` block
  separators of the article text; for a plain string, any run of blank lines); a single line
  break inside a block becomes ``<br>``. Every block stays one ``<p>`` (so spans re-open
  per paragraph the same way), and its :attr:`Document.blocks` kind shapes it: a heading's ``<p>``
  is in a ``<div role="heading" aria-level="2">`` (a heading to assistive technology, set as one), a
  block quote paragraph sits in a ``<blockquote>`` (consecutive ones share it, with the
  attribution block after them), and an
  interview label (``Q:``/``A:``) opening a paragraph is bold. The body is a serif reading
  font, not monospace.
* The header names the article by its title (front matter or ``<title>`` metadata, else its
  first heading block), the file path below it; source types and ground rules are shown in
  words (:attr:`SourceType.label`, :attr:`GroundRule.label`).
* The page is the Jinja2 template ``templates/article.html.j2``; this module works out what
  goes where (the paragraphs as pieces of text, line breaks, opening and closing tags, labels
  and markers; the notes; the sources) and the template writes the HTML. Everything taken from
  the article or the report is escaped by the template's autoescaping
  (:func:`quotecheck.render.templating.escape`: :func:`html.escape`, and on top of that ``=``
  and the colon of ``://`` are written as character references, so article text such as
  ``<img src=...>`` or a link cannot put a literal ``src=`` or ``http://`` in the file).
* Spans may overlap (a finding inside a quotation, an indirect quote containing a partial one)
  and may cross paragraphs. Each paragraph is split at every span boundary inside it; at each
  boundary the open elements that end are closed, with any still-active elements opened after
  them closed too and re-opened, and at the end of a paragraph every open element is closed
  and re-opened in the next one, so the output is always properly nested. Re-opened fragments
  of a quotation keep its colour and title; its source label appears once, after its end. A
  label or marker whose position falls between paragraphs goes at the end of the previous one.
* Quotes: ``direct`` and ``partial`` are ``<mark>`` in the source's colour (a fixed palette
  with dark text, cycled by source index), ``indirect`` are lightly underlined in that colour,
  unattributed ones are grey, anonymous sources' quotes have a dashed outline and an
  "anonymous" label. ``scare`` and ``title`` quotes are not marked.
* The notes column (rule, severity, source line:column, message) is as in the report.
* On narrow screens the notes column moves below the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, SupportsIndex, SupportsInt

from markupsafe import Markup

from ..documents.blocks import paragraph_spans
from ..report import Report
from ..vocab import SEVERITIES, BlockKind, GroundRule, QuoteKind, SourceType
from .templating import escape, template

if TYPE_CHECKING:
    from ..documents import Document

__all__ = ["clip", "escape", "render_html"]


# Light backgrounds that keep black text above WCAG AA contrast; cycled by source index.
PALETTE = (
    "#ffe08a",
    "#a8e6ff",
    "#c5f0a4",
    "#ffc2d1",
    "#d9c8ff",
    "#ffd1a3",
    "#b3f0e0",
    "#e6e6a1",
    "#f5c6f0",
    "#c9d9ff",
)
UNATTRIBUTED = "#dddddd"
MARKED_KINDS = (QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.INDIRECT)
QUOTED = tuple(k for k in QuoteKind if k.quoted)
# A single line break inside a paragraph becomes <br>; paragraphs are the Document's blocks
# (for a plain string, its blank-line paragraphs).
LINE_BREAK = re.compile(r"\r\n?|\n")
# An interview label opening a paragraph ("Q:", "A.", "Q —"), set in bold.
INTERVIEW_LABEL = re.compile(r"[QA](?:[:.]| ?[\u2014\u2013-])")

CSS = """
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 Georgia,serif;color:#111;background:#fff}
header,section{padding:0.75rem 1rem}
header{border-bottom:1px solid #ccc;font-family:system-ui,sans-serif}
header h1{font-size:1.1rem;margin:0 0 .25rem;word-break:break-all}
header p{margin:0;font-size:.9rem}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem;padding:0 1rem}
.article{font:1.125rem/1.65 Georgia,"Times New Roman",Times,serif;max-width:40em;overflow-wrap:break-word;padding-top:.5rem}
.article p{margin:0 0 1em}
.article .hd p{font:700 1.3rem/1.3 system-ui,sans-serif;margin:1.2em 0 .6em}
.article blockquote{margin:0 0 1em;padding-left:1em;border-left:3px solid #bbb}
.notes{font-family:system-ui,sans-serif;font-size:.88rem}
.notes ol{padding-left:1.4rem}
.notes li{margin-bottom:.5rem}
mark{color:inherit;padding:0 .1em;border-radius:2px}
mark.q-indirect{background:transparent!important;text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}
mark.anon{outline:1.5px dashed #333;outline-offset:1px}
sup.lbl{font:600 .68rem/1 system-ui,sans-serif;padding:0 .2em;border-radius:2px;white-space:nowrap}
sup.lbl .anon-tag{font-style:italic}
sup.lbl .cue-tag{font-weight:400}
.cue{text-decoration:underline dotted;text-decoration-thickness:2px;text-underline-offset:3px}
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
@media (max-width:760px){.layout{grid-template-columns:minmax(0,1fr)}.notes{border-top:1px solid #ccc}}
"""  # noqa: E501  the CSS goes into every page byte for byte (pages are compared)


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, an ellipsis marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _text_pieces(text: str) -> list[Piece]:
    """``text`` as pieces, each line break (``\\r\\n``, ``\\r`` or ``\\n``) a ``<br>``."""
    lines = LINE_BREAK.split(text)
    pieces: list[Piece] = [("text", lines[0])]
    for line in lines[1:]:
        pieces += [("br", None), ("text", line)]
    return pieces


def _int(value: object, default: int = 0) -> int:
    """``value`` as an int, ``default`` where ``int()`` refuses it (a saved report may hold anything)."""
    if not isinstance(value, (str, bytes, bytearray, SupportsInt, SupportsIndex)):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass(eq=False)
class _Span:
    """An element over ``text[start:end]`` (article text): ``order`` breaks ties when nesting.

    ``kind`` is ``quote`` (a ``<mark>``), ``cue`` or ``finding`` (a ``<span>``); ``attrs`` are
    what its opening tag in the template shows."""

    start: int
    end: int
    order: int
    kind: str
    attrs: dict[str, Any]


# What the article is made of, in order (see templates/article.html.j2): ("text", str),
# ("br", None), ("bold", str), ("open", _Span), ("close", _Span), ("label", dict), ("marker", dict).
Piece = tuple[str, Any]


def _short_name(source: Mapping[str, Any]) -> str:
    """A label for a superscript: a person's surname, or the first words of a descriptor."""
    name = " ".join(str(source.get("name", "")).split()) or str(source.get("id", "?"))
    if source.get("type") == "named_person":
        return name.split()[-1]
    return name if len(name) <= 24 else name[:22].rstrip() + "…"


class _Shown:
    """The article text shown, and where a report's (source) offset falls in it."""

    def __init__(self, source: str | Document) -> None:
        self.text = source if isinstance(source, str) else source.text
        self.source_length = len(source if isinstance(source, str) else source.source)
        self._to_source = None if isinstance(source, str) else source.to_source  # None: identity
        spans = paragraph_spans(source) if isinstance(source, str) else source.paragraph_spans()
        self.paragraphs = spans or [(0, 0)]  # an empty article is one empty paragraph
        blocks = None if isinstance(source, str) else source.blocks
        self.kinds = [b.kind for b in blocks] if blocks else [BlockKind.PARAGRAPH] * len(self.paragraphs)
        self.title = "" if isinstance(source, str) else _title(source)

    def text_index(self, offset: int) -> int:
        """The first text index whose source offset is ``>= offset`` (``len(text)`` if none)."""
        if self._to_source is None:
            return min(max(offset, 0), len(self.text))
        return bisect_left(range(len(self.text)), offset, key=self._to_source)


def _title(doc: Document) -> str:
    """The article's title: its ``title`` metadata, else its first heading block, else ""."""
    title = doc.metadata.get("title")
    if isinstance(title, str) and title.strip():
        return " ".join(title.split())
    heading = next((b for b in doc.blocks if b.kind == BlockKind.HEADING), None)
    return " ".join(doc.text[heading.start : heading.end].split()) if heading else ""


def _words_for(value: object, vocabulary: type[SourceType] | type[GroundRule]) -> str:
    """A source type or ground rule in words ("named person"); an unknown value as it is."""
    try:
        return vocabulary(str(value)).label
    except ValueError:
        return str(value)


def _bold_label(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` with an interview label at their start (``Q:``, ``A.``) set in bold."""
    first = next((i for i, (kind, _) in enumerate(pieces) if kind == "text"), None)
    if first is None or any(kind in ("open", "close") for kind, _ in pieces[:first]):
        return pieces
    m = INTERVIEW_LABEL.match(pieces[first][1])
    if not m:
        return pieces
    text = pieces[first][1]
    return [*pieces[:first], ("bold", text[: m.end()]), ("text", text[m.end() :]), *pieces[first + 1 :]]


class _Page:
    def __init__(self, report: Report, source: str | Document) -> None:
        self.report = report
        self.shown = _Shown(source)
        self.text = self.shown.text
        self.quotes = [q for q in report.get("quotes") or [] if isinstance(q, Mapping)]
        self.sources = [s for s in report.get("sources") or [] if isinstance(s, Mapping)]
        self.findings = [f for f in report.get("findings") or [] if isinstance(f, Mapping)]
        self.by_id = {str(s.get("id")): s for s in self.sources}
        self.colour = {str(s.get("id")): PALETTE[i % len(PALETTE)] for i, s in enumerate(self.sources)}

    # -- spans -------------------------------------------------------------------------------

    def _clamp(self, item: Mapping[str, Any]) -> tuple[int, int]:
        """The item's source span, clamped to the source."""
        n = self.shown.source_length
        start = min(max(_int(item.get("start")), 0), n)
        end = min(max(_int(item.get("end"), start), start), n)
        return start, end

    def _text_span(self, item: Mapping[str, Any]) -> tuple[int, int, bool]:
        """The item's span in the article text, and whether its source span is non-empty."""
        start, end = self._clamp(item)
        return self.shown.text_index(start), self.shown.text_index(end), start < end

    def _spans(self) -> tuple[list[_Span], dict[int, list[Piece]]]:
        spans: list[_Span] = []
        points: dict[int, list[Piece]] = {}
        order = 0
        for quote in self.quotes:
            kind = str(quote.get("kind"))
            if kind not in MARKED_KINDS:
                continue
            start, end, non_empty = self._text_span(quote)
            if not non_empty:
                continue
            speaker = quote.get("speaker") if isinstance(quote.get("speaker"), Mapping) else None
            source = self.by_id.get(str(speaker.get("source_id"))) if speaker else None
            sid = str(speaker.get("source_id")) if speaker else ""
            colour = self.colour.get(sid, UNATTRIBUTED)
            anonymous = bool(source and source.get("anonymous"))
            classes = (
                ["q", f"q-{kind}"] + (["anon"] if anonymous else []) + ([] if speaker else ["unattributed"])
            )
            who = (
                str(source.get("name"))
                if source
                else str(speaker.get("mention", {}).get("text", sid))
                if speaker
                else "unattributed"
            )
            cue = quote.get("cue") if isinstance(quote.get("cue"), Mapping) else None
            title = f"{kind} quote: {who}" + (" (anonymous)" if anonymous else "")
            title += f", cue \u201c{cue.get('text', '')}\u201d" if cue else ", no cue"
            if speaker:
                title += f", {speaker.get('resolution', '?')}"
            style = f"text-decoration-color:{colour}" if kind == "indirect" else f"background:{colour}"
            if start < end:
                spans.append(
                    _Span(
                        start,
                        end,
                        order,
                        "quote",
                        {
                            "classes": " ".join(classes),
                            "id": quote.get("id", ""),
                            "style": style,
                            "title": title,
                        },
                    )
                )
                order += 1
            cue_text = " ".join(str(cue.get("text", "")).split()) if cue else ""
            if cue:
                c_start, c_end, _ = self._text_span(cue)
                if c_start < c_end:  # the cue in the text, underlined in the source's colour
                    spans.append(
                        _Span(c_start, c_end, order, "cue", {"colour": colour, "id": quote.get("id", "")})
                    )
                    order += 1
            if kind != "indirect":
                short = _short_name(source) if source else ("?" if speaker else "unattributed")
                points.setdefault(end, []).append(
                    (
                        "label",
                        {
                            "colour": colour,
                            "short": short,
                            "anonymous": anonymous,
                            "said": clip(cue_text, 24),
                        },
                    )
                )
        for number, finding in enumerate(self.findings, 1):
            start, end, _ = self._text_span(finding)
            severity = finding.get("severity", "info")
            if start < end:
                spans.append(_Span(start, end, order, "finding", {"severity": severity}))
                order += 1
            points.setdefault(end, []).append(
                ("marker", {"severity": severity, "number": number, "rule": finding.get("rule", "")})
            )
        return spans, points

    def _article(self) -> list[dict[str, Any]]:
        """The article's paragraphs with their block kind and pieces, each span a properly
        nested element."""
        spans, points = self._spans()
        paragraphs = self.shown.paragraphs
        starts = [p[0] for p in paragraphs]
        # each point goes to the paragraph holding it, or ending just before it
        placed: list[dict[int, list[Piece]]] = [{} for _ in paragraphs]
        for pos in sorted(points):
            k = max(bisect_right(starts, pos) - 1, 0)
            p_start, p_end = paragraphs[k]
            placed[k].setdefault(min(max(pos, p_start), p_end), []).extend(points[pos])
        shown = []
        for k, (p_start, p_end) in enumerate(paragraphs):
            pieces = _bold_label(self._paragraph(p_start, p_end, spans, placed[k]))
            kind = self.shown.kinds[k] if k < len(self.shown.kinds) else BlockKind.PARAGRAPH
            shown.append({"kind": str(kind), "pieces": pieces})
        return shown

    def _paragraph(
        self, p_start: int, p_end: int, spans: list[_Span], points: dict[int, list[Piece]]
    ) -> list[Piece]:
        """One paragraph: spans crossing its edges are closed at its end and re-opened in the
        next."""
        inside = [s for s in spans if s.start < p_end and s.end > p_start]
        bounds = sorted(
            {
                p_start,
                p_end,
                *points,
                *(min(max(s.start, p_start), p_end) for s in inside),
                *(min(max(s.end, p_start), p_end) for s in inside),
            }
        )
        out: list[Piece] = []
        stack: list[_Span] = []
        for i, pos in enumerate(bounds):
            nxt = bounds[i + 1] if i + 1 < len(bounds) else None
            active = (
                []
                if nxt is None
                else sorted(
                    (s for s in inside if s.start <= pos and s.end >= nxt),
                    key=lambda s: (s.start, -s.end, s.order),
                )
            )
            keep = 0
            while keep < len(stack) and stack[keep] in active:
                keep += 1
            out.extend(("close", span) for span in reversed(stack[keep:]))
            del stack[keep:]
            out.extend(points.get(pos, ()))
            for span in active:
                if span not in stack:
                    out.append(("open", span))
                    stack.append(span)
            if nxt is not None:
                out.extend(_text_pieces(self.text[pos:nxt]))
        return out

    # -- panels ------------------------------------------------------------------------------

    def _header(self) -> dict[str, Any]:
        document = self.report.get("document") or {}
        summary = self.report.get("summary") or {}
        counts = summary.get("findings") or {}
        return {
            "title": self.shown.title,
            "path": document.get("path", "<unknown>"),
            "words": _int(document.get("words")),
            "quotes": _int(summary.get("quotes")),
            "indirect": _int(summary.get("indirect")),
            "sources": _int(summary.get("sources", len(self.sources))),
            "anonymous": _int(summary.get("anonymous_sources")),
            "share": f"{float(summary.get('anonymous_share', 0) or 0) * 100:.1f}",
            "found": ", ".join(f"{_int(counts.get(s))} {s}" for s in SEVERITIES),
        }

    def _notes(self) -> list[dict[str, Any]]:
        return [
            {
                "number": number,
                "severity": f.get("severity", "info"),
                "rule": f.get("rule", ""),
                "line": _int(f.get("line")),
                "column": _int(f.get("column")),
                "message": f.get("message", ""),
            }
            for number, f in enumerate(self.findings, 1)
        ]

    def _source_rows(self) -> list[dict[str, Any]]:
        rows = []
        for s in self.sources:
            sid = str(s.get("id"))
            quotes = [
                q
                for q in self.quotes
                if q.get("kind") in QUOTED
                and isinstance(q.get("speaker"), Mapping)
                and str(q["speaker"].get("source_id")) == sid
            ]
            if s.get("anonymous"):
                reason = s.get("anonymity_reason")
                reason_text = (
                    f"\u201c{reason.get('text', '')}\u201d"
                    if isinstance(reason, Mapping)
                    else "no reason given"
                )
            else:
                reason_text = "—"
            descriptor = s.get("descriptor")
            rows.append(
                {
                    "colour": self.colour[sid],
                    "name": s.get("name", sid),
                    "description": s.get("description"),
                    "type": _words_for(s.get("type", ""), SourceType),
                    "anonymous": bool(s.get("anonymous")),
                    "ground_rules": ", ".join(_words_for(g, GroundRule) for g in s.get("ground_rules") or [])
                    or "—",
                    "reason": reason_text,
                    "score": (
                        f"{_int(descriptor.get('score'))} of 5" if isinstance(descriptor, Mapping) else "—"
                    ),
                    "quotes": len(quotes),
                }
            )
        return rows

    def render(self) -> str:
        return template("article.html.j2").render(
            path=(self.report.get("document") or {}).get("path", ""),
            css=Markup(CSS),
            header=self._header(),
            paragraphs=self._article(),
            notes=self._notes(),
            sources=self._source_rows(),
        )


def render_html(report: Report, source: str | Document) -> str:
    """The annotated page for one article: ``report`` (see docs/report-format.md) over the
    article as published.

    ``source`` is the article's :class:`~quotecheck.documents.Document` (its article text is
    shown, the report's source offsets mapped into it), or the original file text the report's
    offsets point into (BOM removed), shown as it is.
    """
    return _Page(report, source).render()
