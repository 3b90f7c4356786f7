"""The rule registry: every sourcing rule quotecheck knows, self-describing.

A :class:`Rule` has a stable id, a default severity, a one-line summary, a rationale with its
newsroom basis, examples that fire and that do not (docs/rules.md is checked against these),
the options a newsroom may set for it, and a check function. Configuration
(:mod:`quotecheck.policy`) turns rules off, changes severities and sets options;
:func:`run_rules` applies those settings.
"""

from __future__ import annotations

from .core import (SEVERITIES, SEVERITY_RANK, Analysis, Finding, Option, Rule, RuleSettings,
                   run_rules)
from .registry import RULES, RULES_BY_ID

__all__ = ["SEVERITIES", "SEVERITY_RANK", "Analysis", "Finding", "Option", "Rule", "RuleSettings",
           "RULES", "RULES_BY_ID", "run_rules"]
