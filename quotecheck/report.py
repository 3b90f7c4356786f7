"""The report: the analysis of one article as a JSON-ready dict (see docs/report-format.md).

This is the only place where article-text offsets become source-file locations
(``Document.location``), so every stage before it works on the article text alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TypeAlias

from . import __version__
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:  # renderers import Report from here without loading the analysis modules
    from .documents import Document
    from .rules import Analysis, Finding
    from .sources import SourceAnalysis

QUOTE_KINDS = ("direct", "partial", "indirect", "scare", "title")

# The JSON report of one article as renderers read it (schemas/report.schema.json). Renderers
# take it read-only and tolerate missing keys, so it is a Mapping, not a TypedDict.
Report: TypeAlias = Mapping[str, Any]


def _loc(doc: Document, start: int, end: int, text: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if text is not None:
        out["text"] = text
    out.update(doc.location(start, end))
    return out


def _span_text(doc: Document, start: int, end: int) -> str:
    return doc.text[start:end]


def _metadata_value(value: Any) -> str:
    """A front-matter value as report text: a list (``section: [a, b]``) as ``a, b``."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_metadata_value(v) for v in value)
    return str(value)


def build_report(doc: Document, analysis: Analysis, findings: list[Finding]) -> dict[str, Any]:
    """The JSON report (schema version :data:`SCHEMA_VERSION`) for one analysed article."""
    sa: SourceAnalysis = analysis.sources
    quote_ids = {i: f"q{n + 1}" for n, i in enumerate(range(len(sa.attributions)))}
    quotes = []
    for i, la in enumerate(sa.attributions):
        a = la.attribution
        q: dict[str, Any] = {"id": quote_ids[i], "text": a.text}
        q.update(doc.location(a.start, a.end))
        q["kind"] = a.kind
        q["paragraphs"] = a.quote.paragraphs if a.quote is not None else 1
        q["cue"] = (
            None
            if a.cue is None
            else {
                "text": a.cue.text,
                "lemma": a.cue.lemma,
                "pattern": a.cue.pattern,
                **doc.location(a.cue.start, a.cue.end),
            }
        )
        if la.source is None or a.speaker is None:
            q["speaker"] = None
        else:
            m = a.speaker
            q["speaker"] = {
                "source_id": sa.sources[la.source].id,
                "mention": _loc(doc, m.start, m.end, m.text),
                "resolution": la.resolution,
            }
        quotes.append(q)

    sources = []
    for src in sa.sources:
        desc = None if src.description is None else _span_text(doc, *src.description)
        reason = (
            None
            if src.anonymity_reason is None
            else _loc(doc, src.anonymity_reason.start, src.anonymity_reason.end, src.anonymity_reason.text)
        )
        sources.append(
            {
                "id": src.id,
                "name": src.name,
                "type": src.type,
                "anonymous": src.anonymous,
                "description": desc,
                "ground_rules": src.rules,
                "ground_rule_evidence": [
                    {"rule": e.rule, **_loc(doc, e.start, e.end, e.text)} for e in src.ground_rules
                ],
                "anonymity_reason": reason,
                "descriptor": None
                if src.descriptor is None
                else {
                    "affiliation": src.descriptor.affiliation,
                    "seniority": src.descriptor.seniority,
                    "role": src.descriptor.role,
                    "knowledge": src.descriptor.knowledge,
                    "side": src.descriptor.side,
                    "bare": src.descriptor.bare,
                    "score": src.descriptor.score,
                },
                "mentions": [{**_loc(doc, m.start, m.end, m.text), "kind": m.kind} for m in src.mentions],
                "quote_ids": [quote_ids[i] for i in src.attributions],
            }
        )

    out_findings = []
    for f in findings:
        item: dict[str, Any] = {"rule": f.rule, "severity": f.severity.value, "message": f.message}
        item.update(f.location(doc))
        if f.quote is not None:
            item["quote_id"] = quote_ids[f.quote]
        if f.source is not None:
            item["source_id"] = sa.sources[f.source].id
        out_findings.append(item)

    document: dict[str, Any] = {
        "path": doc.path,
        "sha256": doc.sha256,
        "format": doc.format,
        "characters": len(doc.text),
        "words": len(doc.text.split()),
        "lines": doc.line_count,
    }
    if doc.metadata:
        document["metadata"] = {k: _metadata_value(v) for k, v in doc.metadata.items()}
    return _plain(
        {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "quotecheck", "version": __version__},
            "document": document,
            "quotes": quotes,
            "sources": sources,
            "findings": out_findings,
            "summary": summarize(quotes, sources, out_findings),
        }
    )


def _plain(value: Any) -> Any:
    """The report as plain data: vocabulary enums (``quotecheck.vocab``) become the strings
    they equal, so that dumpers which do not know StrEnum (YAML) write them as strings."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, StrEnum):
        return value.value
    return value


def summarize(quotes: list[dict], sources: list[dict], findings: list[dict]) -> dict[str, Any]:
    kinds = {k: sum(1 for q in quotes if q["kind"] == k) for k in QUOTE_KINDS}
    quoted = [q for q in quotes if q["kind"] in ("direct", "partial")]
    anonymous_ids = {s["id"] for s in sources if s["anonymous"]}
    attributed = [q for q in quoted if q["speaker"] is not None]
    from_anon = [q for q in attributed if q["speaker"]["source_id"] in anonymous_ids]
    return {
        "quotes": len(quoted),
        **kinds,
        "attributed": len(attributed),
        "unattributed": len(quoted) - len(attributed),
        "sources": len(sources),
        "anonymous_sources": len(anonymous_ids),
        "quotes_from_anonymous": len(from_anon),
        "anonymous_share": round(len(from_anon) / len(quoted), 4) if quoted else 0,
        "findings": {
            sev: sum(1 for f in findings if f["severity"] == sev) for sev in ("error", "warning", "info")
        },
    }
