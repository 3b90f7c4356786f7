"""Sourcing statistics across many reports: the core of ``quotecheck summarize``.

:func:`summarize` consumes an iterable of report dicts (``schemas/report.schema.json``) exactly
once. It never holds more than one report: it keeps counters, one small row per article and one
row per source (named sources merged across articles), so memory grows with the number of
articles and sources, never with the size of the reports. The result validates against
``schemas/summary.schema.json`` (``$id``
``https://quotecheck.dev/schemas/summary/1.2.0/summary.schema.json``).

:func:`load_reports` reads saved JSON reports (a single report, or a run document
``{"reports": [...]}``) one file at a time, validating every report.

Definitions (all over direct + partial quotations, as in a report's ``summary``):

- ``quotations``: quotes of kind ``direct`` or ``partial``; ``attributed``: those with a speaker;
- ``named_sources``: sources of type ``named_person`` or ``named_organization`` (documents and
  unknown sources count only in ``sources`` and ``sources_by_type``); ``anonymous_sources``:
  ``anonymous`` true;
- ``quotations_from_anonymous``: quotations whose speaker is an anonymous source;
- ``vague_descriptors``: anonymous sources whose ``descriptor.bare`` is true;
- shares are rounded to 4 places and are 0 when the denominator is 0.

Grouping (``by``): each field is a front-matter key of ``document.metadata`` ("section",
"author", "desk"), or a date bucket ``FIELD:UNIT`` with UNIT one of ``day``, ``week``,
``month``, ``year`` (``published:month``); a bare ``day``, ``week``, ``month`` or ``year``
means ``date:UNIT``. A field value is read as an ISO date (``2024-03-12``, or a date-time), else
as a date the way newsrooms write them (``June 2, 2024``, ``2 June 2024``, ``2024/06/02``,
``Sun, 02 Jun 2024 10:00:00 GMT``; ``06/02/2024`` is month first) by
:func:`dateutil.parser.parse`; a date without a day is the first of its month, one without a
year is no date. It is bucketed as ``2024-03-12``, ``2024-W11`` (ISO week), ``2024-03`` or ``2024``. A missing
value, and a date that does not parse, go to group ``"(none)"``. Group keys are named by the
field exactly as given. A field that no article has is a :class:`SummaryError` with a "did
you mean" (``--by sectoin``), not a group of ``(none)``.

``unreadable_dates``: the articles whose ``date`` is there but is not a date, by path and the
value as written, so they are not silently left out of the timeline (schema 1.2.0).

``articles``: one row per report, in input order. ``sources``: named sources
(``named_person``, ``named_organization``) merged across articles by canonical name, and one
row for every other source (anonymous, document, unknown: these cannot be told apart
across articles); ranked by quotations (descending), then articles (descending), then name,
then the first article's path. ``top_sources``: the first 20 named sources with at least one
quotation, in that order.

The canonical name ignores case and spacing and a leading "the"; for people it also drops the
titles and describing words in front of the name (``titles.txt``, ``name_prefixes.txt``:
"Massachusetts Sen. Elizabeth Warren", "Democrat Elizabeth Warren" and "Elizabeth Warren" are
one source), and a one-word name ("Obama") joins the only longer name that ends in it, if there
is exactly one. The spelling with the most quotations is shown; the type first seen is kept. An
article that names one person in two ways its own report did not join counts twice in that
person's ``articles``.

``timeline``: the articles with a parseable ``date``, bucketed by day when they span at most
31 days, by ISO week up to 26 weeks, by month up to 20 years, else by year; every period
between the first and the last is listed, empty ones with zero articles.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from os import PathLike
from typing import Any

from dateutil.parser import parse as parse_datetime

from quotecheck.schema import SCHEMA_VERSION, ReportValidationError, check_report
from quotecheck.vocab import GroundRule, QuoteKind, Severity, SourceType

__all__ = [
    "DATE_UNITS",
    "GROUND_RULES",
    "NONE_GROUP",
    "SEVERITIES",
    "SOURCE_TYPES",
    "SUMMARY_SCHEMA_ID",
    "SUMMARY_SCHEMA_VERSION",
    "TOP_SOURCES",
    "Summary",
    "SummaryError",
    "load_reports",
    "load_summary_schema",
    "summarize",
    "validate_summary",
]

SUMMARY_SCHEMA_VERSION = "1.2.0"
SUMMARY_SCHEMA_ID = f"https://quotecheck.dev/schemas/summary/{SUMMARY_SCHEMA_VERSION}/summary.schema.json"
NONE_GROUP = "(none)"
TOP_SOURCES = 20
# Plain strings from the vocabulary, in its order: the summary is data (JSON, YAML) keyed by them.
GROUND_RULES: tuple[str, ...] = tuple(g.value for g in GroundRule)
SEVERITIES: tuple[str, ...] = tuple(s.value for s in Severity)
SOURCE_TYPES: tuple[str, ...] = tuple(t.value for t in SourceType)
DATE_UNITS = ("day", "week", "month", "year")
QUOTATION_KINDS = frozenset(k.value for k in QuoteKind if k.quoted)
NAMED_TYPES = frozenset({SourceType.NAMED_PERSON.value, SourceType.NAMED_ORGANIZATION.value})
_SPACE = re.compile(r"\s+")
# What dateutil fills in for the parts a date leaves out, instead of today's: the first day, the
# first month, and year 1, which no article date has (a date without its year is no date).
_DATE_DEFAULT = datetime(1, 1, 1)

#: A summary as :func:`summarize` returns it (``schemas/summary.schema.json``): what renderers read.
Summary = Mapping[str, Any]


class SummaryError(ValueError):
    """Reports that cannot be summarized: unreadable, invalid, or of another schema version."""


# ----------------------------------------------------------------------------- one article


# The counts of an article that its totals, group and period add up (numbers and Counters).
_SUMMED = (
    "anonymous",
    "attributed",
    "from_anonymous",
    "ground_rules",
    "named",
    "quotations",
    "rules",
    "severities",
    "sources",
    "types",
    "vague",
    "with_reason",
)


class _Article:
    """The counts of one report (computed once, added to the totals, its group and its day)."""

    __slots__ = (*_SUMMED, "source_rows")

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
        self.types: Counter[str] = Counter(s.get("type") for s in sources)
        # (name, type, quotations, ground rules, reason text or None, vague or None)
        self.source_rows: list[tuple[str, str, int, tuple[str, ...], str | None, bool | None]] = []
        for s in sources:
            rules = tuple(r for r in GROUND_RULES if r in (s.get("ground_rules") or ()))
            reason = (s.get("anonymity_reason") or {}).get("text")
            vague = None
            if s.get("anonymous"):
                self.anonymous += 1
                self.with_reason += 1 if reason else 0
                vague = bool((s.get("descriptor") or {}).get("bare"))
                self.vague += vague
                self.ground_rules.update(rules)
            elif s.get("type") in NAMED_TYPES:
                self.named += 1
            self.source_rows.append(
                (s.get("name", ""), s.get("type", "unknown"), per_source[s.get("id")], rules, reason, vague)
            )
        findings = report.get("findings") or []
        self.rules = Counter(f["rule"] for f in findings)
        self.severities = Counter(f["severity"] for f in findings)


def _counters_for(table: dict[Any, _Counters], key: Any) -> _Counters:
    counters = table.get(key)
    if counters is None:
        counters = table[key] = _Counters()
    return counters


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


# ----------------------------------------------------------------------------- counters


class _Counters:
    __slots__ = (*_SUMMED, "articles", "with_anonymous", "without_reason")

    def __init__(self) -> None:
        self.articles = self.quotations = self.attributed = 0
        self.sources = self.named = self.anonymous = self.from_anonymous = 0
        self.with_anonymous = self.with_reason = self.without_reason = self.vague = 0
        self.ground_rules: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.rules: Counter[str] = Counter()
        self.severities: Counter[str] = Counter()

    def add(self, a: _Article) -> None:
        """Count one more article."""
        self._add(a, _SUMMED)
        self.articles += 1
        self.with_anonymous += 1 if a.anonymous else 0
        self.without_reason += a.anonymous - a.with_reason

    def merge(self, other: _Counters) -> None:
        """Add another set of counters to these."""
        self._add(other, self.__slots__)

    def _add(self, other: _Article | _Counters, slots: Sequence[str]) -> None:
        for slot in slots:
            mine = getattr(self, slot)
            if isinstance(mine, Counter):
                mine.update(getattr(other, slot))
            else:
                setattr(self, slot, mine + getattr(other, slot))

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quotations": self.quotations,
            "attributed": self.attributed,
            "attributed_share": _share(self.attributed, self.quotations),
            "sources": self.sources,
            "sources_by_type": {t: self.types[t] for t in SOURCE_TYPES},
            "named_sources": self.named,
            "anonymous_sources": self.anonymous,
            "quotations_from_anonymous": self.from_anonymous,
            "anonymous_share": _share(self.from_anonymous, self.quotations),
            "articles_with_anonymous": {
                "count": self.with_anonymous,
                "share": _share(self.with_anonymous, self.articles),
            },
            "anonymous_with_reason": self.with_reason,
            "anonymous_without_reason": self.without_reason,
            "ground_rules": {r: self.ground_rules[r] for r in GROUND_RULES},
            "vague_descriptors": self.vague,
            "findings": {
                "by_rule": {r: self.rules[r] for r in sorted(self.rules)},
                "by_severity": {s: self.severities[s] for s in SEVERITIES},
            },
        }


# ----------------------------------------------------------------------------- grouping


def _parse_by(by: Sequence[str] | str) -> tuple[tuple[str, str, str | None], ...]:
    """``(as given, metadata field, date unit or None)`` for every grouping field."""
    if isinstance(by, str):
        by = (by,)
    fields = tuple(by)
    parsed: list[tuple[str, str, str | None]] = []
    for f in fields:
        if not isinstance(f, str) or not f.strip():
            raise SummaryError(f"group field must be a non-empty string, not {f!r}")
        if f in DATE_UNITS:
            parsed.append((f, "date", f))
            continue
        name, colon, unit = f.partition(":")
        if colon:
            if unit not in DATE_UNITS or not name.strip():
                raise SummaryError(
                    f"unknown date grouping {f!r}: use FIELD:UNIT with UNIT one of "
                    f"{', '.join(DATE_UNITS)} (date:month), or a bare unit (month)"
                )
            parsed.append((f, name, unit))
        else:
            parsed.append((f, f, None))
    if len(set(fields)) != len(fields):
        raise SummaryError(f"group fields repeat: {', '.join(fields)}")
    return tuple(parsed)


def _parse_date(value: Any) -> date | None:
    """The date of a metadata value (see the module docstring), or None."""
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
        pass
    try:
        parsed = parse_datetime(text, default=_DATE_DEFAULT)
    except (ValueError, OverflowError):  # dateutil's ParserError is a ValueError
        return None
    return None if parsed.year == _DATE_DEFAULT.year else parsed.date()


def _bucket(d: date, unit: str) -> str:
    if unit == "day":
        return d.isoformat()
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{d.year:04d}"
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _scalar(value: Any) -> str:
    if value is None:
        return NONE_GROUP
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(_scalar(v) for v in value) or NONE_GROUP
    text = _SPACE.sub(" ", str(value)).strip()
    return text or NONE_GROUP


def _group_value(metadata: Mapping[str, Any], field: str, unit: str | None) -> str:
    if unit is None:
        return _scalar(metadata.get(field))
    d = _parse_date(metadata.get(field))
    return NONE_GROUP if d is None else _bucket(d, unit)


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    from quotecheck.lexicons import default_lexicon

    lexicon = default_lexicon()
    return frozenset(w.casefold() for w in lexicon.titles | lexicon.name_prefixes)


def _canonical(name: str, type_: str) -> str:
    """The key that merges a named source across articles: spacing and case ignored, a leading
    "the" dropped, and for people every word up to the last title or describing word in front
    of the name ("Massachusetts Sen. Elizabeth Warren" and "Elizabeth Warren" are one key)."""
    tokens = name.split()
    if tokens and tokens[0].casefold() == "the":
        tokens = tokens[1:]
    if type_ == "named_person":
        prefixes = _name_prefixes()
        start = 0
        for i, token in enumerate(tokens[:-1]):
            if token.rstrip(".,").casefold() in prefixes:
                start = i + 1
        tokens = tokens[start:]
    return " ".join(tokens).casefold()


# ----------------------------------------------------------------------------- timeline


def _periods(first: date, last: date, unit: str) -> list[str]:
    """Every bucket label from ``first`` to ``last`` inclusive."""
    labels: list[str] = []
    d = first
    while d <= last:
        label = _bucket(d, unit)
        if not labels or labels[-1] != label:
            labels.append(label)
        if unit == "day":
            d += timedelta(days=1)
        elif unit == "week":
            d += timedelta(days=7 - d.weekday())  # next Monday
        elif unit == "month":
            d = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        else:
            d = date(d.year + 1, 1, 1)
    return labels


def _timeline(days: dict[date, _Counters], undated: int) -> dict[str, Any]:
    if not days:
        return {"unit": "month", "undated": undated, "periods": []}
    first, last = min(days), max(days)
    span = (last - first).days
    unit = "day" if span <= 31 else "week" if span <= 26 * 7 else "month" if span <= 20 * 366 else "year"
    buckets = {label: _Counters() for label in _periods(first, last, unit)}
    for d, c in days.items():
        buckets[_bucket(d, unit)].merge(c)
    keys = (
        "articles",
        "quotations",
        "quotations_from_anonymous",
        "anonymous_share",
        "articles_with_anonymous",
    )
    periods = []
    for label, b in buckets.items():
        counts = b.as_dict()
        periods.append({"period": label, **{k: counts[k] for k in keys}})
    return {"unit": unit, "undated": undated, "periods": periods}


# ----------------------------------------------------------------------------- summarize


class _Source:
    __slots__ = (
        "articles",
        "first_article",
        "ground_rules",
        "name",
        "quotations",
        "reason",
        "type",
        "vague",
    )

    def __init__(self, name: str, type_: str, path: str) -> None:
        self.name, self.type, self.first_article = name, type_, path
        self.quotations = self.articles = 0
        self.ground_rules = 0  # a bit per GROUND_RULES entry: small, for many thousand rows
        self.reason: str | None = None
        self.vague: bool | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "anonymous": self.type.startswith("anonymous"),
            "quotations": self.quotations,
            "articles": self.articles,
            "first_article": self.first_article,
            "ground_rules": [r for i, r in enumerate(GROUND_RULES) if self.ground_rules >> i & 1],
            "anonymity_reason": self.reason,
            "vague": self.vague,
        }


class _NamedSource(_Source):
    """A named source, merged over articles by its canonical name."""

    __slots__ = ("spellings",)

    def __init__(self, name: str, type_: str, path: str) -> None:
        super().__init__(name, type_, path)
        self.spellings: Counter[str] = Counter()  # quotations per spelling


def _merge_surnames(named: dict[str, _NamedSource]) -> None:
    """Fold a person known by one word ("Obama") into the only longer name ending in it
    ("barack obama"), when there is exactly one."""
    by_last: dict[str, list[str]] = {}
    for key, source in named.items():
        words = key.split(" ")
        if source.type == "named_person" and len(words) > 1:
            by_last.setdefault(words[-1], []).append(key)
    for key in [k for k, s in named.items() if s.type == "named_person" and " " not in k]:
        full = by_last.get(key, [])
        if len(full) == 1:
            source, into = named.pop(key), named[full[0]]
            into.quotations += source.quotations
            into.articles += source.articles
            into.ground_rules |= source.ground_rules
            into.spellings.update(source.spellings)


def _article_row(
    report: Mapping[str, Any], a: _Article, key: dict[str, str], day: date | None
) -> dict[str, Any]:
    document = report.get("document") or {}
    title = (document.get("metadata") or {}).get("title")
    return {
        "path": document.get("path", ""),
        "title": _SPACE.sub(" ", title).strip() if isinstance(title, str) and title.strip() else None,
        "date": day.isoformat() if day else None,
        "key": key,
        "quotations": a.quotations,
        "attributed": a.attributed,
        "sources": a.sources,
        "named_sources": a.named,
        "anonymous_sources": a.anonymous,
        "quotations_from_anonymous": a.from_anonymous,
        "anonymous_share": _share(a.from_anonymous, a.quotations),
        "anonymous_without_reason": a.anonymous - a.with_reason,
        "vague_descriptors": a.vague,
        "findings": {s: a.severities[s] for s in SEVERITIES},
    }


def summarize(reports: Iterable[Mapping[str, Any]], *, by: Sequence[str] | str = ()) -> dict[str, Any]:
    """Aggregate sourcing statistics over ``reports`` (consumed once); see the module doc."""
    fields = _parse_by(by)
    totals = _Counters()
    groups: dict[tuple[str, ...], _Counters] = {}
    days: dict[date, _Counters] = {}
    undated = 0
    articles: list[dict[str, Any]] = []
    named: dict[str, _NamedSource] = {}
    others: list[_Source] = []
    present: set[str] = set()  # metadata fields some article has
    unreadable: list[dict[str, str]] = []
    for report in reports:
        a = _Article(report)
        totals.add(a)
        metadata = (report.get("document") or {}).get("metadata") or {}
        present.update(metadata)
        key = tuple(_group_value(metadata, field, unit) for _, field, unit in fields)
        if fields:
            _counters_for(groups, key).add(a)
        day = _parse_date(metadata.get("date"))
        if day is None:
            undated += 1
            if _scalar(metadata.get("date")) != NONE_GROUP:
                path = str((report.get("document") or {}).get("path", ""))
                unreadable.append({"path": path, "date": _scalar(metadata["date"])})
        else:
            _counters_for(days, day).add(a)
        row = _article_row(report, a, {given: v for (given, _, _), v in zip(fields, key, strict=True)}, day)
        articles.append(row)
        seen: set[str] = set()
        for name, type_, quotations, rules, reason, vague in a.source_rows:
            shown = _SPACE.sub(" ", name).strip()
            canon = _canonical(shown, type_) if type_ in NAMED_TYPES else ""
            source: _Source
            if canon:
                known = named.get(canon)
                if known is None:
                    known = named[canon] = _NamedSource(shown, type_, row["path"])
                if canon not in seen:
                    seen.add(canon)
                    known.articles += 1
                known.spellings[shown] += quotations
                source = known
            else:
                source = _Source(shown or "(unnamed)", type_, row["path"])
                source.articles = 1
                source.reason, source.vague = reason, vague
                others.append(source)
            source.quotations += quotations
            source.ground_rules |= sum(1 << GROUND_RULES.index(r) for r in rules)
    if articles:
        _check_fields_exist(fields, present)
    _merge_surnames(named)
    for entry in named.values():
        # the spelling with the most quotations (the first seen on a tie) names the source
        entry.name = max(entry.spellings, key=entry.spellings.__getitem__)
    sources = sorted(
        (*named.values(), *others),
        key=lambda s: (-s.quotations, -s.articles, s.name.casefold(), s.name, s.first_article),
    )
    top = [s for s in sources if s.type in NAMED_TYPES and s.quotations > 0][:TOP_SOURCES]
    return {
        "schema_version": SUMMARY_SCHEMA_VERSION,
        "report_schema_version": SCHEMA_VERSION,
        "by": [given for given, _, _ in fields],
        "totals": totals.as_dict(),
        "groups": [
            {"key": {given: v for (given, _, _), v in zip(fields, key, strict=True)}, **groups[key].as_dict()}
            for key in sorted(groups)
        ],
        "timeline": _timeline(days, undated),
        "top_sources": [{"name": s.name, "quotations": s.quotations, "articles": s.articles} for s in top],
        "articles": articles,
        "sources": [s.as_dict() for s in sources],
        "unreadable_dates": unreadable,
    }


def _check_fields_exist(fields: Sequence[tuple[str, str, str | None]], present: set[str]) -> None:
    """A :class:`SummaryError` for a grouping field that no article has (a misspelling,
    usually), naming the closest fields the articles do have."""
    import difflib

    for given, name, _ in fields:
        if name not in present:
            close = difflib.get_close_matches(name, sorted(present), n=3)
            known = (
                f"did you mean {', '.join(close)}?"
                if close
                else (
                    f"the articles have {', '.join(sorted(present))}"
                    if present
                    else "the articles have no front matter"
                )
            )
            raise SummaryError(f"--by {given}: no article has a {name!r} field; {known}")


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
        if isinstance(data, dict) and isinstance(data.get("reports"), list) and "quotes" not in data:
            items = data["reports"]  # a run document (its own schema_version is not a report's)
        else:
            items = [data]
        for report in items:
            if not isinstance(report, dict):
                raise SummaryError(f"{path}: a report must be a JSON object")
            version = report.get("schema_version")
            if version != SCHEMA_VERSION:
                raise SummaryError(f"{path}: report schema version {version}, expected {SCHEMA_VERSION}")
            try:
                check_report(report)
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


@lru_cache(maxsize=1)
def _fast_summary_validator():
    from quotecheck.schema import compile_schema

    return compile_schema(load_summary_schema())


def validate_summary(summary: Any) -> None:
    """Raise :class:`SummaryError` unless ``summary`` matches the summary schema.

    The compiled validator accepts a valid summary quickly (a summary of 10,000 articles holds
    tens of thousands of rows); one it rejects goes through jsonschema, whose verdict stands
    and whose messages name every problem."""
    import fastjsonschema

    try:
        _fast_summary_validator()(summary)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(_summary_validator().iter_errors(summary), key=lambda e: list(map(str, e.path)))
    if errors:
        lines = [f"$.{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]
        raise SummaryError(
            f"summary does not match schema {SUMMARY_SCHEMA_VERSION}:\n  " + "\n  ".join(lines)
        )
