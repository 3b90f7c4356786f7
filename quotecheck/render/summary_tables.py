"""A sourcing summary (``quotecheck.summary.summarize``) as Markdown or as CSV tables.

Markdown is for a pull-request comment: the totals and every group in one table, sources by
type, ground rules, findings by rule and the most-quoted named sources. Every cell is made
inert as in ``check --format markdown`` (``render.markdown.escape_text``).

CSV is one table per call (``--table``):

- ``sources``: every row of ``summary["sources"]`` (named sources merged across articles);
- ``articles``: one row per article, with a column per grouping field;
- ``groups``: one row per group, or a single row ``all`` when there is no grouping; counts by
  ground rule, source type, severity and rule (``rule:<id>``) get a column each.

CSV decisions: a header row, ``\\n`` line ends, UTF-8 without BOM; list values are joined with
``"; "``; booleans are ``true``/``false``, missing values empty; shares are fractions (0.3333).
A text cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends against CSV
injection: names and titles come from articles, which the tool does not trust.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any, NamedTuple

from quotecheck.render.markdown import escape_text
from quotecheck.summary import GROUND_RULES, SEVERITIES, SOURCE_TYPES, Summary

__all__ = [
    "CSV_TABLES",
    "GROUP_FIGURES",
    "Figure",
    "figures_of",
    "percent",
    "render_summary_csv",
    "render_summary_markdown",
]

CSV_TABLES = ("sources", "articles", "groups")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# ----------------------------------------------------------------------------- markdown


class Figure(NamedTuple):
    """A column of the tables with a row per group: its header, its value in a group's (or the
    totals') counts, and whether that value is a share (shown as a percentage)."""

    header: str
    value: Callable[[Mapping[str, Any]], Any]
    share: bool = False


#: The figures of a group, in the order the Markdown and HTML summaries show them.
GROUP_FIGURES: tuple[Figure, ...] = (
    Figure("articles", itemgetter("articles")),
    Figure("quotations", itemgetter("quotations")),
    Figure("attributed", itemgetter("attributed_share"), share=True),
    Figure("named sources", itemgetter("named_sources")),
    Figure("anonymous sources", itemgetter("anonymous_sources")),
    Figure("quotations from anonymous", itemgetter("anonymous_share"), share=True),
    Figure("articles with anonymous", lambda counts: counts["articles_with_anonymous"]["share"], share=True),
    Figure("anonymous with reason", itemgetter("anonymous_with_reason")),
    Figure("anonymous without reason", itemgetter("anonymous_without_reason")),
    Figure("vague descriptors", itemgetter("vague_descriptors")),
)
# A pull-request comment stays narrow: "anonymous without reason" says enough there.
_MARKDOWN_FIGURES = tuple(f for f in GROUP_FIGURES if f.header != "anonymous with reason")


def figures_of(
    counts: Mapping[str, Any], share: Callable[[float], object], figures: Sequence[Figure] = GROUP_FIGURES
) -> list[object]:
    """The cells of ``figures`` for one group's ``counts``, each share written by ``share``."""
    return [share(f.value(counts)) if f.share else f.value(counts) for f in figures]


def percent(share: float) -> str:
    """A share (0.3333) as a whole percentage (\"33%\")."""
    return f"{share:.0%}"


def _md_table(header: Sequence[str], rows: Iterable[Sequence[object]], align: str) -> list[str]:
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |",
    ]
    lines += ["| " + " | ".join(escape_text(c) for c in row) + " |" for row in rows]
    return lines


def _group_label(key: Mapping[str, str]) -> str:
    return ", ".join(f"{k} {v}" for k, v in key.items())


def render_summary_markdown(summary: Summary) -> str:
    """The summary as Markdown tables (for a pull-request comment or a report)."""

    def row(name: str, counts: Mapping[str, Any]) -> list[object]:
        return [name, *figures_of(counts, percent, _MARKDOWN_FIGURES)]

    totals = summary["totals"]
    lines = ["# Sourcing summary", ""]
    lines += _md_table(
        ["", *(f.header for f in _MARKDOWN_FIGURES)],
        [row("all", totals)] + [row(_group_label(g["key"]), g) for g in summary["groups"]],
        "l" + "r" * len(_MARKDOWN_FIGURES),
    )
    lines += [
        "",
        *_md_table(
            ["source type", "sources"],
            [[t.replace("_", " "), totals["sources_by_type"][t]] for t in SOURCE_TYPES],
            "lr",
        ),
    ]
    lines += [
        "",
        *_md_table(
            ["ground rule", "anonymous sources"],
            [[g.replace("_", " "), totals["ground_rules"][g]] for g in GROUND_RULES],
            "lr",
        ),
    ]
    by_rule: Mapping[str, int] = totals["findings"]["by_rule"]
    if by_rule:
        most_first = sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))
        lines += ["", *_md_table(["rule", "findings"], most_first, "lr")]
    if summary["top_sources"]:
        lines += [
            "",
            *_md_table(
                ["most-quoted named source", "quotations", "articles"],
                [[s["name"], s["quotations"], s["articles"]] for s in summary["top_sources"]],
                "lrr",
            ),
        ]
    if summary.get("unreadable_dates"):
        lines += [
            "",
            *_md_table(
                ["date that could not be read (not in the timeline)", "article"],
                [[d["date"], d["path"]] for d in summary["unreadable_dates"]],
                "ll",
            ),
        ]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- csv


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _sources_table(summary: Summary) -> tuple[list[str], list[list[object]]]:
    header = [
        "name",
        "type",
        "anonymous",
        "quotations",
        "articles",
        "first_article",
        "ground_rules",
        "anonymity_reason",
        "vague",
    ]
    return header, [[s[h] for h in header] for s in summary["sources"]]


def _articles_table(summary: Summary) -> tuple[list[str], list[list[object]]]:
    by = list(summary["by"])
    counts = [
        "quotations",
        "attributed",
        "sources",
        "named_sources",
        "anonymous_sources",
        "quotations_from_anonymous",
        "anonymous_share",
        "anonymous_without_reason",
        "vague_descriptors",
    ]
    header = ["path", "title", "date", *by, *counts, *(f"findings_{s}" for s in SEVERITIES)]
    rows = [
        [
            a["path"],
            a["title"],
            a["date"],
            *(a["key"][f] for f in by),
            *(a[c] for c in counts),
            *(a["findings"][s] for s in SEVERITIES),
        ]
        for a in summary["articles"]
    ]
    return header, rows


def _groups_table(summary: Summary) -> tuple[list[str], list[list[object]]]:
    by = list(summary["by"]) or ["group"]
    groups = summary["groups"] if summary["by"] else [dict(summary["totals"], key={"group": "all"})]
    rules = sorted(summary["totals"]["findings"]["by_rule"])
    counts = [
        "articles",
        "quotations",
        "attributed",
        "attributed_share",
        "sources",
        "named_sources",
        "anonymous_sources",
        "quotations_from_anonymous",
        "anonymous_share",
    ]
    after = ["anonymous_with_reason", "anonymous_without_reason", "vague_descriptors"]
    header = [
        *by,
        *counts,
        "articles_with_anonymous",
        "articles_with_anonymous_share",
        *after,
        *(f"ground_rule_{g}" for g in GROUND_RULES),
        *(f"type_{t}" for t in SOURCE_TYPES),
        *(f"findings_{s}" for s in SEVERITIES),
        *(f"rule:{r}" for r in rules),
    ]
    rows = [
        [
            *(g["key"][f] for f in by),
            *(g[c] for c in counts),
            g["articles_with_anonymous"]["count"],
            g["articles_with_anonymous"]["share"],
            *(g[c] for c in after),
            *(g["ground_rules"][r] for r in GROUND_RULES),
            *(g["sources_by_type"][t] for t in SOURCE_TYPES),
            *(g["findings"]["by_severity"][s] for s in SEVERITIES),
            *(g["findings"]["by_rule"].get(r, 0) for r in rules),
        ]
        for g in groups
    ]
    return header, rows


_TABLES = {"sources": _sources_table, "articles": _articles_table, "groups": _groups_table}


def render_summary_csv(summary: Summary, table: str = "sources") -> str:
    """One table of the summary as CSV (see the module doc); ``table`` is one of CSV_TABLES."""
    if table not in _TABLES:
        raise ValueError(f"unknown summary table {table!r} (expected one of {', '.join(CSV_TABLES)})")
    header, rows = _TABLES[table](summary)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()
