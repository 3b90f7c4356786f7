"""The rule catalogue as text: `quotecheck rules`, `quotecheck rules ID` and docs/rules.md."""

from __future__ import annotations

from .core import Rule, Stage
from .registry import RULES

_SUPPRESSION_NOTE = (
    "Reported by the suppression stage, which reads the article's quotecheck-disable "
    "comments after the other rules have run; it is configured like any other rule."
)


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
    """`quotecheck rules ID`: everything the registry says about one rule (examples verbatim)."""
    lines = [
        f"{rule.id} (default severity: {rule.severity})",
        "",
        rule.summary,
        "",
        f"Why: {rule.rationale}",
        f"Basis: {rule.basis}",
    ]
    if rule.stage is Stage.SUPPRESSION:
        lines.append(f"Note: {_SUPPRESSION_NOTE}")
    lines += [_labelled("Fires: ", rule.fires), _labelled("Passes:", rule.passes)]
    if rule.options:
        lines += ["", "Options:"] + [o.replace("`", "") for o in _options(rule)]
    return "\n".join(lines) + "\n"


def _labelled(label: str, text: str) -> str:
    """``label text`` for a one-line example; a longer one starts on the next line."""
    return f"{label} {text}" if "\n" not in text else f"{label.rstrip()}\n{text}"


def _example(label: str, text: str) -> list[str]:
    """An example article: inline when it is one line, else a text block (its lines matter)."""
    if "\n" not in text:
        return [f"**{label}** {text}"]
    return [f"**{label}**", "", "```text", text, "```"]


def markdown() -> str:
    """docs/rules.md, one section per rule."""
    lines = [
        "# Sourcing rules",
        "",
        "Generated from the rule registry by `quotecheck rules --markdown > docs/rules.md`; a test",
        "checks that this file matches the code. Severities are defaults: a newsroom changes them,",
        "turns rules off and sets their options in its configuration (see docs/configuration.md).",
        "",
        "Each rule is one module of `quotecheck/rules/`. Its examples are test cases: with the other",
        "cases in `fixtures/rules/<rule>/cases.yml`, they run through the whole analysis in",
        "`tests/test_rules.py`.",
        "",
        "| rule | default severity | summary |",
        "| --- | --- | --- |",
    ]
    lines += [f"| [`{r.id}`](#{r.id}) | {r.severity} | {r.summary} |" for r in RULES]
    for r in RULES:
        lines += [
            "",
            f"## {r.id}",
            "",
            f"**Default severity:** {r.severity}. {r.summary}",
            "",
            f"**Why.** {r.rationale}",
            "",
            f"**Basis.** {r.basis}",
            "",
        ]
        if r.stage is Stage.SUPPRESSION:
            lines += [f"**Stage.** {_SUPPRESSION_NOTE}", ""]
        lines += [*_example("Fires:", r.fires), "", *_example("Does not fire:", r.passes)]
        if r.options:
            lines += ["", "**Options:**", "", *_options(r)]
    return "\n".join(lines) + "\n"
