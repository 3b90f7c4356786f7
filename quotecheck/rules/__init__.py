"""The rule registry: every sourcing rule quotecheck knows, self-describing.

Each rule is a module of this package (``anonymous_share.py`` for ``anonymous-share``) whose
``RULE`` (a :class:`Rule`) has a stable id, a default severity, a one-line summary, a rationale
with its newsroom basis, example articles that fire and that do not (each also a test case in
``fixtures/rules/<id>/``), its options (a dataclass, defaults declared once) and its check.
Configuration (:mod:`quotecheck.policy`) turns rules off, changes severities and sets options;
:func:`run_rules` applies those settings. Two rules (:data:`Stage.SUPPRESSION`) are reported by
the suppression stage (:mod:`quotecheck.suppress`) instead of a check.
"""

from __future__ import annotations

from .core import (
    SEVERITIES,
    SEVERITY_RANK,
    Analysis,
    Context,
    Finding,
    NoOptions,
    Option,
    Rule,
    RuleSettings,
    Stage,
    option,
    run_rules,
    settings_for,
)
from .registry import RULES, RULES_BY_ID

__all__ = [
    "RULES",
    "RULES_BY_ID",
    "SEVERITIES",
    "SEVERITY_RANK",
    "Analysis",
    "Context",
    "Finding",
    "NoOptions",
    "Option",
    "Rule",
    "RuleSettings",
    "Stage",
    "option",
    "run_rules",
    "settings_for",
]
