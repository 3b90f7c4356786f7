"""The result of checking one article: what the analysis found, and the report built from it.

:func:`quotecheck.api.analyze` returns an :class:`ArticleResult`; the command line hands it to
the renderers (``quotecheck.render.RENDERERS``). Data flows one way: document -> attributions
-> sources -> findings -> report. Nothing downstream recomputes an earlier stage, and the
annotated HTML page takes the article text from :attr:`ArticleResult.document` instead of
rebuilding it from the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from .report import Report, summarize

if TYPE_CHECKING:
    from .attribution import Attribution
    from .documents import Document
    from .rules import Finding
    from .sources import SourceAnalysis

__all__ = ["ArticleResult"]


def _finding_key(finding: Mapping[str, Any]) -> tuple[str, str, int, int]:
    """What identifies a report finding: rule, message and source span."""
    return finding["rule"], finding["message"], finding["start"], finding["end"]


@dataclass(frozen=True)
class ArticleResult:
    """One checked article.

    ``document``: the article as read (source, article text, offset map); ``attributions``:
    every quotation and indirect attribution, in text order; ``sources``: the sources they were
    linked to (with the linked attributions); ``findings``: the rule findings the report lists
    (article-text offsets); ``report``: the JSON report built once from all of these
    (``schemas/report.schema.json``, source-file offsets). A result reused from the results
    cache (:mod:`quotecheck.result_cache`) has no ``attributions`` or ``sources`` (None): the
    report and the findings are all that renderers, baselines and summaries read.
    """

    document: Document
    attributions: Sequence[Attribution] | None
    sources: SourceAnalysis | None
    findings: Sequence[Finding]
    report: Report

    def keep_report_findings(self, kept: Sequence[Mapping[str, Any]]) -> ArticleResult:
        """This result with only the ``kept`` report findings (a sub-list of
        ``report["findings"]``, as a baseline leaves it): the report's summary is recomputed
        and :attr:`findings` keeps the findings still reported, so the two stay in step."""
        if len(kept) == len(self.report["findings"]):
            return self
        wanted = Counter(_finding_key(f) for f in kept)
        findings = []
        for finding in self.findings:
            where = self.document.location(finding.start, finding.end)
            key = (finding.rule, finding.message, where["start"], where["end"])
            if wanted[key] > 0:
                wanted[key] -= 1
                findings.append(finding)
        report = dict(self.report, findings=list(kept))
        report["summary"] = summarize(report["quotes"], report["sources"], report["findings"])
        return replace(self, findings=findings, report=report)
