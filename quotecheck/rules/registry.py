"""Every rule quotecheck knows, in the order `quotecheck rules` and docs/rules.md list them.

Each rule is one module of this package with a module-level ``RULE``; a test checks that every
such module is listed here.
"""

from __future__ import annotations

from types import ModuleType

from . import (
    anonymity_unexplained,
    anonymous_declined_comment,
    anonymous_pejorative,
    anonymous_share,
    anonymous_source,
    background_source,
    loaded_attribution_verb,
    off_the_record,
    plural_sources,
    single_anonymous_source,
    unattributed_quote,
    unbalanced_quote,
    unknown_suppression_rule,
    unused_suppression,
    vague_source,
    weak_descriptor,
)
from .core import Rule

RULE_MODULES: tuple[ModuleType, ...] = (
    unattributed_quote,
    anonymous_source,
    anonymity_unexplained,
    background_source,
    vague_source,
    weak_descriptor,
    off_the_record,
    plural_sources,
    anonymous_declined_comment,
    loaded_attribution_verb,
    anonymous_pejorative,
    single_anonymous_source,
    anonymous_share,
    unused_suppression,
    unknown_suppression_rule,
    unbalanced_quote,
)
RULES: tuple[Rule, ...] = tuple(m.RULE for m in RULE_MODULES)
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
