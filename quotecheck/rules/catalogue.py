"""The rule catalogue as text: `quotecheck rules`, `quotecheck rules ID` and docs/rules.md."""

from __future__ import annotations

from .core import Rule
from .registry import RULES


def rule_table() -> str:
    width = max(len(r.id) for r in RULES)
    lines = [f"{'rule'.ljust(width)}  {'severity':8}  summary"]
    lines += [f"{r.id.ljust(width)}  {r.severity:8}  {r.summary}" for r in RULES]
    return "\n".join(lines) + "\n"


def _options(rule: Rule) -> list[str]:
    out = []
    for o in rule.options:
        bounds = []
        if o.minimum is not None:
            bounds.append(f">= {o.minimum:g}")
        if o.maximum is not None:
            bounds.append(f"<= {o.maximum:g}")
        rng = f", {' and '.join(bounds)}" if bounds else ""
        out.append(f"- `{o.name}` ({o.type.__name__}, default `{o.default}`{rng}): {o.description}")
    return out


def explain(rule: Rule) -> str:
    lines = [f"{rule.id} (default severity: {rule.severity})", "", rule.summary, "", f"Why: {rule.rationale}",
             f"Basis: {rule.basis}", f"Fires:  {rule.fires}", f"Passes: {rule.passes}"]
    if rule.options:
        lines += ["", "Options:"] + [o.replace("`", "") for o in _options(rule)]
    return "\n".join(lines) + "\n"


def markdown() -> str:
    """docs/rules.md, one section per rule."""
    lines = ["# Sourcing rules", "",
             "Generated from the rule registry by `quotecheck rules --markdown > docs/rules.md`; a test",
             "checks that this file matches the code. Severities are defaults: a newsroom changes them,",
             "turns rules off and sets their options in its configuration (see docs/configuration.md).", "",
             "| rule | default severity | summary |", "| --- | --- | --- |"]
    lines += [f"| [`{r.id}`](#{r.id}) | {r.severity} | {r.summary} |" for r in RULES]
    for r in RULES:
        lines += ["", f"## {r.id}", "", f"**Default severity:** {r.severity}. {r.summary}", "",
                  f"**Why.** {r.rationale}", "", f"**Basis.** {r.basis}", "",
                  f"**Fires:** {r.fires}", "", f"**Does not fire:** {r.passes}"]
        if r.options:
            lines += ["", "**Options:**", ""] + _options(r)
    return "\n".join(lines) + "\n"
