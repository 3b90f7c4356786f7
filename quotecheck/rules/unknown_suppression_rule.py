"""unknown-suppression-rule: a quotecheck-disable comment names a rule that does not exist.

Reported by the suppression stage (:mod:`quotecheck.suppress`), which reads the article's
comments after the other rules have run; this entry carries its description and severity.
"""

from __future__ import annotations

from ..vocab import Severity
from .core import Rule, Stage

RULE = Rule(
    id="unknown-suppression-rule",
    severity=Severity.WARNING,
    summary="A quotecheck-disable comment names a rule that does not exist.",
    rationale="A misspelt rule id suppresses nothing, so the finding it was meant to silence still fires.",
    basis="Linter practice: unknown rule ids in directives are reported.",
    fires="%% quotecheck-disable vauge-source\n“It will pass,” a source said.",
    passes="%% quotecheck-disable vague-source\n“It will pass,” a source said.",
    stage=Stage.SUPPRESSION,
)
