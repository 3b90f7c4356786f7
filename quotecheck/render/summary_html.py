"""A sourcing summary as one self-contained HTML page: figures, SVG charts and sortable tables.

``render_summary_html(summary)`` takes the output of ``quotecheck.summary.summarize``.

Decisions:

* The page is the Jinja2 template ``templates/summary.html.j2``: this module computes the
  figures, the charts' marks and coordinates and the table cells; the template writes the HTML
  and SVG.
* Self-contained: inline CSS, inline SVG and one small inline script (table sorting); no
  external URL of any kind, so opening the page makes no network request. Without scripts the
  page is complete; only sorting needs them.
* Charts are SVG written by the template, not drawn by a plotting library: four simple charts do not
  justify a dependency, and the output stays byte-for-byte deterministic for golden tests.
  Each chart has a ``viewBox`` and scales to the screen width, a ``<title>`` and
  ``aria-label``, and a ``<title>`` on every mark with its exact numbers.
  - anonymous share over time (``summary["timeline"]``): share of quotations from anonymous
    sources and share of articles with an anonymous source per period; a period without
    articles is a gap in the lines, not a zero;
  - sources by type;
  - anonymous sources with and without a stated reason, per group (when grouped);
  - findings by rule.
* Tables sort on a click of their column header (numbers by value, text alphabetically);
  ``aria-sort`` tells assistive technology the order. The source and article tables show at
  most ``max_rows`` rows (the CSV output has them all) and say so.
* Everything that comes from articles (names, titles, paths, group values) is escaped by the
  template's autoescaping (``render/templating.py``).
* No date or time of generation, so the same summary always gives the same page.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from quotecheck.render.html import clip
from quotecheck.render.summary_tables import GROUP_FIGURES, figures_of, percent
from quotecheck.render.templating import template
from quotecheck.summary import GROUND_RULES, SOURCE_TYPES, Summary

__all__ = ["render_summary_html"]

BLUE, ORANGE, GREY = "#1f6fb2", "#c2571a", "#8a8a8a"
TYPE_COLOURS = {
    "named_person": "#1f6fb2",
    "named_organization": "#4c9bd6",
    "anonymous_individual": "#c2571a",
    "anonymous_group": "#e39a5b",
    "document": "#5b8c3a",
    "unknown": "#8a8a8a",
}
WIDTH = 480  # chart viewBox width: on a 390 px phone the text stays about 10 px high
FONT = 13

CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111;background:#fff}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:0 0 .2rem}
h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.sub{color:#555;margin:0 0 1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.6rem}
.card{border:1px solid #ddd;border-radius:6px;padding:.6rem .7rem}
.card b{display:block;font-size:1.5rem;line-height:1.2}
.card span{color:#444;font-size:.85rem}
.charts{display:grid;align-items:start;grid-template-columns:repeat(auto-fit,minmax(min(100%,440px),1fr));gap:1rem}
figure{margin:0;border:1px solid #ddd;border-radius:6px;padding:.6rem}
figure h2{margin:0 0 .4rem;font-size:1rem}
figcaption{color:#555;font-size:.82rem;margin-top:.3rem}
svg{display:block;width:100%;height:auto}
svg text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;fill:#222}
.legend{display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.85rem;margin:0 0 .3rem}
.key{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin-right:.3em;vertical-align:-.05em}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.88rem}
th,td{border-bottom:1px solid #e2e2e2;padding:.35rem .45rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.k{white-space:nowrap}
td.t{min-width:11em}
th{background:#f5f5f5;white-space:nowrap}
th button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:inherit}
th[aria-sort=ascending] button::after{content:" \\25B2"}
th[aria-sort=descending] button::after{content:" \\25BC"}
.note{color:#555;font-size:.85rem}
@media (max-width:600px){main{padding:.6rem}.card b{font-size:1.25rem}}
"""

SCRIPT = """
(function () {
  function key(cell) {
    var v = cell.getAttribute("data-v");
    return v === null ? cell.textContent.trim().toLowerCase() : parseFloat(v);
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      th.querySelector("button").addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[i]), y = key(b.cells[i]);
          return x < y ? (asc ? -1 : 1) : x > y ? (asc ? 1 : -1) : 0;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
"""


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


# ----------------------------------------------------------------------------- charts
# Each chart is a dict of marks with their coordinates, written by templates/summary.html.j2.


def _bars(title: str, rows: Sequence[tuple[str, Sequence[tuple[int, str, str]]]]) -> dict[str, Any]:
    """Horizontal (stacked) bars: ``rows`` of (label, [(value, colour, series name), ...])."""
    label_w, right, row_h, bar_h = 210.0, 40.0, 26.0, 16.0
    plot_w = WIDTH - label_w - right
    top = max((sum(v for v, _, _ in parts) for _, parts in rows), default=0) or 1
    shown = []
    for i, (label, parts) in enumerate(rows):
        y = 6 + i * row_h
        x = label_w
        rects = []
        for value, colour, series in parts:
            w = plot_w * value / top
            if value:
                rects.append(
                    {
                        "x": _num(x),
                        "y": _num(y),
                        "width": _num(max(w, 1)),
                        "height": _num(bar_h),
                        "colour": colour,
                        "value": value,
                        "series": series,
                    }
                )
            x += w
        shown.append(
            {
                "label": label,
                "short": clip(label, 27),
                "y": _num(y + bar_h - 3),
                "rects": rects,
                "total_x": _num(x + 5),
                "total": sum(v for v, _, _ in parts),
            }
        )
    return {
        "kind": "bars",
        "title": title,
        "width": WIDTH,
        "height": _num(12 + len(rows) * row_h),
        "font": FONT,
        "label_x": _num(label_w - 6),
        "axis_x": _num(label_w),
        "axis_y": _num(8 + len(rows) * row_h),
        "rows": shown,
    }


def _timeline_chart(timeline: Mapping[str, Any]) -> dict[str, Any]:
    periods = timeline["periods"]
    left, right, top, bottom, height = 44.0, 12.0, 12.0, 40.0, 240.0
    plot_w, plot_h = WIDTH - left - right, height - top - bottom
    n = len(periods)
    step = plot_w / n

    def x(i: int) -> float:
        return left + (i + 0.5) * step

    def y(share: float) -> float:
        return top + plot_h * (1 - share)

    ticks = [
        {
            "x1": _num(left),
            "x2": _num(WIDTH - right),
            "y": _num(y(tick)),
            "stroke": "#999" if tick == 0 else "#e4e4e4",
            "label_x": _num(left - 5),
            "label_y": _num(y(tick) + 4),
            "label": percent(tick),
        }
        for tick in (0, 0.25, 0.5, 0.75, 1)
    ]
    every = max(1, math.ceil(n / 6))
    labels = [
        {"x": _num(x(i)), "y": _num(height - bottom + 18), "period": p["period"]}
        for i, p in enumerate(periods)
        if i % every == 0
    ]
    series = (
        (
            "quotations from anonymous sources",
            BLUE,
            lambda p: (
                p["anonymous_share"],
                f"{p['quotations_from_anonymous']} of {p['quotations']} quotations",
            ),
        ),
        (
            "articles with an anonymous source",
            ORANGE,
            lambda p: (
                p["articles_with_anonymous"]["share"],
                f"{p['articles_with_anonymous']['count']} of {p['articles']} articles",
            ),
        ),
    )
    lines = []
    for name, colour, value in series:
        path, points = [], []
        pen_up = True
        for i, p in enumerate(periods):
            if not p["articles"] or (name.startswith("quotations") and not p["quotations"]):
                pen_up = True
                continue
            share, detail = value(p)
            path.append(f"{'M' if pen_up else 'L'}{_num(x(i))} {_num(y(share))}")
            pen_up = False
            points.append(
                {
                    "x": _num(x(i)),
                    "y": _num(y(share)),
                    "period": p["period"],
                    "share": percent(share),
                    "detail": detail,
                }
            )
        lines.append({"name": name, "colour": colour, "path": " ".join(path), "points": points})
    return {
        "kind": "timeline",
        "title": f"Anonymous sourcing by {timeline['unit']}",
        "width": WIDTH,
        "height": _num(height),
        "font": FONT,
        "ticks": ticks,
        "labels": labels,
        "lines": lines,
    }


def _charts(summary: Summary) -> list[dict[str, Any]]:
    """The figures: each a title, a chart (or a ``note`` instead), a caption, a legend."""
    totals = summary["totals"]
    timeline = summary["timeline"]
    figures: list[dict[str, Any]] = []
    undated = f" {timeline['undated']} articles have no date." if timeline["undated"] else ""
    unreadable = summary.get("unreadable_dates") or []
    if unreadable:
        undated += (
            " Dates that could not be read: "
            + "; ".join(f"{d['path']} ({d['date']})" for d in unreadable)
            + "."
        )
    if timeline["periods"]:
        figures.append(
            {
                "title": "Anonymous sourcing over time",
                "chart": _timeline_chart(timeline),
                "caption": f"Share per {timeline['unit']}; a gap is a {timeline['unit']} without "
                "articles." + undated,
                "legend": [
                    ("quotations from anonymous sources", BLUE),
                    ("articles with an anonymous source", ORANGE),
                ],
            }
        )
    else:
        figures.append(
            {
                "title": "Anonymous sourcing over time",
                "note": f"No article has a date in its front matter or metadata.{undated}",
            }
        )
    figures.append(
        {
            "title": "Sources by type",
            "chart": _bars(
                "Sources by type",
                [
                    (t.replace("_", " "), [(totals["sources_by_type"][t], TYPE_COLOURS[t], "sources")])
                    for t in SOURCE_TYPES
                ],
            ),
            "caption": f"{totals['sources']} sources in {totals['articles']} articles; named sources "
            "are counted once per article.",
        }
    )
    groups = [g for g in summary["groups"] if g["anonymous_sources"]]
    if groups:
        groups.sort(key=lambda g: (-g["anonymous_sources"], _group_name(g["key"])))
        shown = groups[:30]
        more = f" The 30 groups with the most anonymous sources of {len(groups)}." if len(groups) > 30 else ""
        figures.append(
            {
                "title": "Is anonymity explained?",
                "chart": _bars(
                    "Anonymous sources with and without a stated reason",
                    [
                        (
                            _group_name(g["key"]),
                            [
                                (g["anonymous_with_reason"], BLUE, "with a reason"),
                                (g["anonymous_without_reason"], ORANGE, "without a reason"),
                            ],
                        )
                        for g in shown
                    ],
                ),
                "caption": "Anonymous sources per group." + more,
                "legend": [("reason stated", BLUE), ("no reason stated", ORANGE)],
            }
        )
    by_rule = sorted(totals["findings"]["by_rule"].items(), key=lambda kv: (-kv[1], kv[0]))
    if by_rule:
        figures.append(
            {
                "title": "Findings by rule",
                "chart": _bars("Findings by rule", [(rule, [(n, GREY, "findings")]) for rule, n in by_rule]),
                "caption": f"{sum(totals['findings']['by_severity'].values())} findings: "
                + ", ".join(f"{n} {s}" for s, n in totals["findings"]["by_severity"].items())
                + ".",
            }
        )
    else:
        figures.append({"title": "Findings by rule", "note": "No findings."})
    return figures


# ----------------------------------------------------------------------------- tables


def _group_name(key: Mapping[str, str]) -> str:
    return ", ".join(key.values())


def _table(
    caption: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]], note: str = ""
) -> dict[str, Any]:
    """A sortable table. ``columns`` are (header, kind): ``n`` a number (a cell is an int or a
    ``(shown, value)`` pair), ``k`` a short key kept on one line (a date, a group value),
    ``t`` free text (names, titles) that wraps."""
    cells = []
    for row in rows:
        shown = []
        for (_, kind), cell in zip(columns, row, strict=True):
            if kind == "n":
                text, value = cell if isinstance(cell, tuple) else (cell, cell)
                shown.append({"kind": kind, "text": text, "value": value})
            else:
                shown.append({"kind": kind, "text": "" if cell is None else cell})
        cells.append(shown)
    return {"caption": caption, "note": note, "columns": columns, "rows": cells}


def _share_cell(share: float) -> tuple[str, float]:
    return percent(share), share


def _groups_table(summary: Summary) -> list[dict[str, Any]]:
    if not summary["by"]:
        return []
    columns = [(f, "k") for f in summary["by"]] + [(f.header, "n") for f in GROUP_FIGURES]
    rows = [[*(g["key"][f] for f in summary["by"]), *figures_of(g, _share_cell)] for g in summary["groups"]]
    return [_table("By " + ", ".join(summary["by"]), columns, rows)]


def _capped(items: Sequence[Any], max_rows: int, what: str) -> tuple[Sequence[Any], str]:
    if len(items) <= max_rows:
        return items, ""
    return items[:max_rows], (
        f"The first {max_rows} of {len(items)} {what}; "
        f"quotecheck summarize --format csv --table {what} lists them all."
    )


def _sources_tables(summary: Summary, max_rows: int) -> list[dict[str, Any]]:
    out = []
    if summary["top_sources"]:
        out.append(
            _table(
                "Most-quoted named sources",
                [("source", "t"), ("quotations", "n"), ("articles", "n")],
                [[s["name"], s["quotations"], s["articles"]] for s in summary["top_sources"]],
                "Merged across articles by name.",
            )
        )
    anonymous = [s for s in summary["sources"] if s["anonymous"]]
    if anonymous:
        shown, note = _capped(anonymous, max_rows, "sources")
        out.append(
            _table(
                "Anonymous sources",
                [
                    ("descriptor", "t"),
                    ("type", "k"),
                    ("quotations", "n"),
                    ("article", "t"),
                    ("ground rules", "t"),
                    ("reason given", "t"),
                    ("vague", "k"),
                ],
                [
                    [
                        s["name"],
                        s["type"].replace("_", " "),
                        s["quotations"],
                        s["first_article"],
                        ", ".join(g.replace("_", " ") for g in s["ground_rules"]),
                        s["anonymity_reason"] or "",
                        "vague" if s["vague"] else "",
                    ]
                    for s in shown
                ],
                note,
            )
        )
    return out


def _articles_table(summary: Summary, max_rows: int) -> dict[str, Any]:
    shown, note = _capped(summary["articles"], max_rows, "articles")
    columns = [
        ("article", "t"),
        ("date", "k"),
        *((f, "k") for f in summary["by"]),
        *(
            (h, "n")
            for h in (
                "quotations",
                "named",
                "anonymous",
                "from anonymous",
                "anonymous without reason",
                "errors",
                "warnings",
            )
        ),
    ]
    rows = [
        [
            a["title"] or a["path"],
            a["date"] or "",
            *(a["key"][f] for f in summary["by"]),
            a["quotations"],
            a["named_sources"],
            a["anonymous_sources"],
            _share_cell(a["anonymous_share"]),
            a["anonymous_without_reason"],
            a["findings"]["error"],
            a["findings"]["warning"],
        ]
        for a in shown
    ]
    return _table("Articles", columns, rows, note)


def _cards(totals: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The headline figures: (the figure, what it counts)."""
    cards = [
        (str(totals["articles"]), "articles"),
        (str(totals["quotations"]), f"quotations, {percent(totals['attributed_share'])} attributed"),
        (
            percent(totals["anonymous_share"]),
            f"of quotations from anonymous sources ({totals['quotations_from_anonymous']})",
        ),
        (
            percent(totals["articles_with_anonymous"]["share"]),
            f"of articles have an anonymous source ({totals['articles_with_anonymous']['count']})",
        ),
        (
            f"{totals['anonymous_without_reason']} of {totals['anonymous_sources']}",
            "anonymous sources without a stated reason",
        ),
        (str(totals["vague_descriptors"]), "vague descriptors (\u201ca source said\u201d)"),
    ]
    rules = ", ".join(f"{n} {g.replace('_', ' ')}" for g in GROUND_RULES if (n := totals["ground_rules"][g]))
    if rules:
        cards.append((str(sum(totals["ground_rules"].values())), f"ground rules: {rules}"))
    return cards


def render_summary_html(summary: Summary, *, title: str = "Sourcing summary", max_rows: int = 500) -> str:
    """The summary as one self-contained HTML page (see the module doc)."""
    grouped = f", grouped by {', '.join(summary['by'])}" if summary["by"] else ""
    return template("summary.html.j2").render(
        title=title,
        css=Markup(CSS),
        script=Markup(SCRIPT),
        articles=summary["totals"]["articles"],
        grouped=grouped,
        cards=_cards(summary["totals"]),
        figures=_charts(summary),
        tables=[
            *_groups_table(summary),
            *_sources_tables(summary, max_rows),
            _articles_table(summary, max_rows),
        ],
    )
