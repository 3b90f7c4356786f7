"""Sourcing statistics across many reports: the core of ``quotecheck summarize``.

:func:`summarize` consumes an iterable of report dicts (``schemas/report.schema.json``) exactly
once and keeps only counters, so memory grows with the number of groups and of distinct named
sources, never with the number of reports. The result validates against
``schemas/summary.schema.json`` (``$id``
``https://quotecheck.dev/schemas/summary/1.0.0/summary.schema.json``).

:func:`load_reports` reads saved JSON reports (a single report, or a run document
``{"reports": [...]}``) one file at a time, validating every report.

Definitions (all over direct + partial quotations, as in a report's ``summary``):

- ``quotations``: quotes of kind ``direct`` or ``partial``; ``attributed``: those with a speaker;
- ``named_sources``: sources of type ``named_person`` or ``named_organization`` (documents and
  unknown sources count only in ``sources``); ``anonymous_sources``: ``anonymous`` true;
- ``quotations_from_anonymous``: quotations whose speaker is an anonymous source;
- ``vague_descriptors``: anonymous sources whose ``descriptor.bare`` is true;
- shares are rounded to 4 places and are 0 when the denominator is 0.

Grouping: each ``by`` field is a front-matter key of ``document.metadata`` ("section",
"author"), or ``date:day`` / ``date:week`` / ``date:month``, which bucket
``document.metadata["date"]`` parsed as an ISO date (``2024-03-12``, ``2024-W11``,
``2024-03``). A missing value, and a date that does not parse, go to group ``"(none)"``.

``top_sources``: named sources merged across articles by canonical name (case- and
whitespace-insensitive; the spelling first seen is shown), ranked by quotations (descending),
then name; only sources with at least one quotation; the first 20.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from os import PathLike
from typing import Any

from quotecheck.schema import SCHEMA_VERSION, ReportValidationError, validate_report

__all__ = [
    "NONE_GROUP",
    "SUMMARY_SCHEMA_ID",
    "SUMMARY_SCHEMA_VERSION",
    "TOP_SOURCES",
    "SummaryError",
    "load_reports",
    "load_summary_schema",
    "summarize",
    "validate_summary",
]

SUMMARY_SCHEMA_VERSION = "1.0.0"
SUMMARY_SCHEMA_ID = (f"https://quotecheck.dev/schemas/summary/{SUMMARY_SCHEMA_VERSION}"
                     "/summary.schema.json")
NONE_GROUP = "(none)"
TOP_SOURCES = 20
GROUND_RULES = ("background", "deep_background", "not_for_attribution", "off_the_record",
                "anonymity_granted")
SEVERITIES = ("error", "warning", "info")
DATE_FIELDS = ("date:day", "date:week", "date:month")
QUOTATION_KINDS = frozenset({"direct", "partial"})
NAMED_TYPES = frozenset({"named_person", "named_organization"})
_SPACE = re.compile(r"\s+")


class SummaryError(ValueError):
    """Reports that cannot be summarized: unreadable, invalid, or of another schema version."""


# ----------------------------------------------------------------------------- counters

class _Counters:
    __slots__ = ("articles", "quotations", "attributed", "sources", "named", "anonymous",
                 "from_anonymous", "with_anonymous", "with_reason", "without_reason",
                 "ground_rules", "vague", "rules", "severities")

    def __init__(self) -> None:
        self.articles = self.quotations = self.attributed = 0
        self.sources = self.named = self.anonymous = self.from_anonymous = 0
        self.with_anonymous = self.with_reason = self.without_reason = self.vague = 0
        self.ground_rules: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()

    def add(self, a: "_Article") -> None:
        self.articles += 1
        self.quotations += a.quotations
        self.attributed += a.attributed
        self.sources += a.sources
        self.named += a.named
        self.anonymous += a.anonymous
        self.from_anonymous += a.from_anonymous
        self.with_anonymous += 1 if a.anonymous else 0
        self.with_reason += a.with_reason
        self.without_reason += a.anonymous - a.with_reason
        self.vague += a.vague
        self.ground_rules.update(a.ground_rules)
        self.rules.update(a.rules)
        self.severities.update(a.severities)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quotations": self.quotations,
            "attributed": self.attributed,
            "attributed_share": _share(self.attributed, self.quotations),
            "sources": self.sources,
            "named_sources": self.named,
            "anonymous_sources": self.anonymous,
            "quotations_from_anonymous": self.from_anonymous,
            "anonymous_share": _share(self.from_anonymous, self.quotations),
            "articles_with_anonymous": {"count": self.with_anonymous,
                                        "share": _share(self.with_anonymous, self.articles)},
            "anonymous_with_reason": self.with_reason,
            "anonymous_without_reason": self.without_reason,
            "ground_rules": {r: self.ground_rules[r] for r in GROUND_RULES},
            "vague_descriptors": self.vague,
            "findings": {
                "by_rule": {r: self.rules[r] for r in sorted(self.rules)},
                "by_severity": {s: self.severities[s] for s in SEVERITIES},
            },
        }


class _Article:
    """The counts of one report (computed once, added to the totals and to its group)."""

    __slots__ = ("quotations", "attributed", "sources", "named", "anonymous", "from_anonymous",
                 "with_reason", "vague", "ground_rules", "rules", "severities", "named_quotes")

    def __init__(self, report: Mapping[str, Any]) -> None:
        sources = report.get("sources") or []
        anonymous_ids = {s["id"] for s in sources if s.get("anonymous")}
        per_source: Counter[str] = Counter()
        self.quotations = self.attributed = self.from_anonymous = 0
        for q in report.get("quotes") or []:
            if q.get("kind") not in QUOTATION_KINDS:
                continue
            self.quotations += 1
            speaker = q.get("speaker")
            if speaker:
                self.attributed += 1
                sid = speaker.get("source_id")
                per_source[sid] += 1
                if sid in anonymous_ids:
                    self.from_anonymous += 1
        self.sources = len(sources)
        self.named = self.anonymous = self.with_reason = self.vague = 0
        self.ground_rules: Counter[str] = Counter()
        self.named_quotes: list[tuple[str, int]] = []
        for s in sources:
            if s.get("anonymous"):
                self.anonymous += 1
                if s.get("anonymity_reason"):
                    self.with_reason += 1
                if (s.get("descriptor") or {}).get("bare"):
                    self.vague += 1
                self.ground_rules.update(set(s.get("ground_rules") or ()))
            elif s.get("type") in NAMED_TYPES:
                self.named += 1
                self.named_quotes.append((s.get("name", ""), per_source[s["id"]]))
        findings = report.get("findings") or []
        self.rules = Counter(f["rule"] for f in findings)
        self.severities = Counter(f["severity"] for f in findings)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0


# ----------------------------------------------------------------------------- grouping

def _check_by(by: Sequence[str]) -> tuple[str, ...]:
    if isinstance(by, str):
        by = (by,)
    fields = tuple(by)
    for f in fields:
        if not isinstance(f, str) or not f.strip():
            raise SummaryError(f"group field must be a non-empty string, not {f!r}")
        if f.startswith("date:") and f not in DATE_FIELDS:
            raise SummaryError(f"unknown date grouping {f!r}; use one of {', '.join(DATE_FIELDS)}")
    if len(set(fields)) != len(fields):
        raise SummaryError(f"group fields repeat: {', '.join(fields)}")
    return fields


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _scalar(value: Any) -> str:
    if value is None:
        return NONE_GROUP
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(_scalar(v) for v in value) or NONE_GROUP
    text = _SPACE.sub(" ", str(value)).strip()
    return text or NONE_GROUP


def _group_value(metadata: Mapping[str, Any], field: str) -> str:
    if field in DATE_FIELDS:
        d = _parse_date(metadata.get("date"))
        if d is None:
            return NONE_GROUP
        if field == "date:day":
            return d.isoformat()
        if field == "date:month":
            return f"{d.year:04d}-{d.month:02d}"
        year, week, _ = d.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return _scalar(metadata.get(field))


def _canonical(name: str) -> str:
    return _SPACE.sub(" ", name).strip().casefold()


# ----------------------------------------------------------------------------- summarize

def summarize(reports: Iterable[Mapping[str, Any]], *, by: Sequence[str] = ()) -> dict[str, Any]:
    """Aggregate sourcing statistics over ``reports`` (consumed once); see the module doc."""
    fields = _check_by(by)
    totals = _Counters()
    groups: dict[tuple[str, ...], _Counters] = {}
    named: dict[str, list[Any]] = {}  # canonical -> [shown name, quotations, articles]
    for report in reports:
        article = _Article(report)
        totals.add(article)
        if fields:
            metadata = (report.get("document") or {}).get("metadata") or {}
            key = tuple(_group_value(metadata, f) for f in fields)
            group = groups.get(key)
            if group is None:
                group = groups[key] = _Counters()
            group.add(article)
        seen: set[str] = set()
        for name, quotations in article.named_quotes:
            canon = _canonical(name)
            if not canon:
                continue
            entry = named.get(canon)
            if entry is None:
                entry = named[canon] = [_SPACE.sub(" ", name).strip(), 0, 0]
            entry[1] += quotations
            if canon not in seen:
                seen.add(canon)
                entry[2] += 1
    # A source merged in several articles counts in each article it appears in, but only
    # named sources actually quoted make the ranking.
    quoted = [(e[0], e[1], e[2], c) for c, e in named.items() if e[1] > 0]
    quoted.sort(key=lambda t: (-t[1], t[3], t[0]))
    return {
        "schema_version": SUMMARY_SCHEMA_VERSION,
        "report_schema_version": SCHEMA_VERSION,
        "by": list(fields),
        "totals": totals.as_dict(),
        "groups": [
            {"key": dict(zip(fields, key)), **groups[key].as_dict()}
            for key in sorted(groups)
        ],
        "top_sources": [
            {"name": name, "quotations": q, "articles": a}
            for name, q, a, _ in quoted[:TOP_SOURCES]
        ],
    }


# ----------------------------------------------------------------------------- loading

def load_reports(paths: Iterable[str | PathLike[str]]) -> Iterator[dict[str, Any]]:
    """Yield every report in ``paths``, one file at a time, each validated.

    A file holds one report, or a document with ``"reports": [...]`` (``--format json`` for
    several files, or ``--format run-json``). Raises :class:`SummaryError` for a file that
    cannot be read or parsed, a report of another schema version, or an invalid report.
    """
    for path in paths:
        try:
            with open(path, encoding="utf-8-sig") as handle:
                data = json.load(handle)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SummaryError(f"{path}: cannot read a JSON report: {exc}") from exc
        if isinstance(data, dict) and isinstance(data.get("reports"), list) \
                and "quotes" not in data:
            items = data["reports"]  # a run document (its own schema_version is not a report's)
        else:
            items = [data]
        for report in items:
            if not isinstance(report, dict):
                raise SummaryError(f"{path}: a report must be a JSON object")
            version = report.get("schema_version")
            if version != SCHEMA_VERSION:
                raise SummaryError(
                    f"{path}: report schema version {version}, expected {SCHEMA_VERSION}")
            try:
                validate_report(report)
            except ReportValidationError as exc:
                raise SummaryError(f"{path}: {exc}") from exc
            yield report
        del data, items


# ----------------------------------------------------------------------------- schema

def load_summary_schema() -> dict[str, Any]:
    """The summary schema (``schemas/summary.schema.json``), a fresh dict on every call."""
    resource = resources.files("quotecheck").joinpath("schemas", "summary.schema.json")
    return json.loads(resource.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _summary_validator():
    from jsonschema import Draft202012Validator

    schema = load_summary_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def validate_summary(summary: Any) -> None:
    """Raise :class:`SummaryError` unless ``summary`` matches the summary schema."""
    errors = sorted(_summary_validator().iter_errors(summary), key=lambda e: list(map(str, e.path)))
    if errors:
        lines = [f"$.{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]
        raise SummaryError("summary does not match schema "
                           f"{SUMMARY_SCHEMA_VERSION}:\n  " + "\n  ".join(lines))


def render_summary_markdown(summary: Mapping[str, Any]) -> str:
    """The summary as Markdown tables (for a pull-request comment or a report)."""
    def row(name: str, c: Mapping[str, Any]) -> str:
        return (f"| {name} | {c['articles']} | {c['quotations']} | {c['attributed_share']:.0%} | "
                f"{c['named_sources']} | {c['anonymous_sources']} | {c['anonymous_share']:.0%} | "
                f"{c['articles_with_anonymous']['share']:.0%} | {c['anonymous_without_reason']} | "
                f"{c['vague_descriptors']} |")

    header = ("| | articles | quotations | attributed | named sources | anonymous sources | "
              "quotations from anonymous | articles with anonymous | anonymous without reason | "
              "vague descriptors |\n| --- |" + " ---: |" * 9)
    lines = ["# Sourcing summary", "", header, row("all", summary["totals"])]
    for group in summary.get("groups", []):
        name = ", ".join(f"{k} {v}" for k, v in group["key"].items()).replace("|", "\\|")
        lines.append(row(name, group))
    findings = summary["totals"]["findings"]["by_rule"]
    if findings:
        lines += ["", "| rule | findings |", "| --- | ---: |"]
        lines += [f"| {rule} | {n} |" for rule, n in sorted(findings.items(), key=lambda kv: (-kv[1], kv[0]))]
    if summary.get("top_sources"):
        lines += ["", "| most-quoted named source | quotations | articles |", "| --- | ---: | ---: |"]
        lines += ["| " + s["name"].replace("|", "\\|") + f" | {s['quotations']} | {s['articles']} |"
                  for s in summary["top_sources"]]
    return "\n".join(lines) + "\n"
