"""unused-suppression: a quotecheck-disable comment that suppresses nothing.

Reported by the suppression stage (:mod:`quotecheck.suppress`), which reads the article's
comments after the other rules have run; this entry carries its description and severity.
"""

from __future__ import annotations

from ..vocab import Severity
from .core import Rule, Stage

RULE = Rule(
    id="unused-suppression",
    severity=Severity.INFO,
    summary="A quotecheck-disable comment suppresses nothing.",
    rationale="A suppression that no longer matches anything hides the next real problem in its place; "
    "remove it.",
    basis="Linter practice (eslint --report-unused-disable-directives, ruff RUF100).",
    fires="%% quotecheck-disable-next-line vague-source\n“It will pass,” Sen. Maria Alvarez said.",
    passes="%% quotecheck-disable-next-line vague-source\n“It will pass,” a source said.",
    stage=Stage.SUPPRESSION,
)
