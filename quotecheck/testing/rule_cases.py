"""The rule test cases: ``fixtures/rules/<rule-id>/cases.yml``, read into :class:`RuleCase`.

Each file lists the articles on which its rule must fire (``fires``) and near misses on which
it must not (``passes``). A case is one of:

* ``example: fires`` or ``example: passes``: the rule's own example (``RULE.fires`` /
  ``RULE.passes`` in its module, shown in docs/rules.md), as a plain-text article;
* ``name: NAME`` with ``text:`` (and ``format:``, default ``text``): an article written here;
* ``article: FILE``: a fixture article (fixtures/articles) or the seed article.

Examples and inline articles have their parse stored beside cases.yml as ``<name>.conllu``
(``example-fires.conllu`` ...), written by ``fixtures/store_parses.py --rules``; fixture
articles use their parse in fixtures/parses. Optional keys:

* ``source``: only findings tied to a source whose name starts with this count (for
  ``passes``: the rule must not fire on that source, it may fire elsewhere);
* ``at``: (``fires`` only) the source text every finding of the rule points at, in order,
  so also how many findings there are;
* ``options``: rule options for this case (configuration keys, e.g. ``max: 0.7``).

tests/test_rules.py runs every case through ``quotecheck.api.analyze``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from . import FIXTURES

CASES = FIXTURES / "rules"
EXPECTATIONS = ("fires", "passes")
_EXTENSIONS = {"text": "txt", "markdown": "md", "html": "html"}
_KEYS = {"example", "name", "text", "format", "article", "source", "at", "options"}


@dataclass(frozen=True)
class RuleCase:
    """One article and what the rule must do on it."""

    rule: str
    expect: str  # "fires" or "passes"
    name: str  # unique within the rule: the parse file's stem, or the fixture article's name
    text: str | None = None  # the article (None: a fixture article)
    format: str = "text"
    article: str | None = None  # a fixture article's file name
    example: str | None = None  # "fires"/"passes": the rule's own example of that name
    source: str | None = None
    at: tuple[str, ...] | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The pytest id: ``rule:fires:name``, with the options a case sets."""
        options = "".join(f"[{k}={v}]" for k, v in self.options.items())
        return f"{self.rule}:{self.expect}:{self.name}{options}"

    @property
    def parse_file(self) -> Path:
        """Where the stored parse of an example or inline article lives."""
        return CASES / self.rule / f"{self.name}.conllu"

    @property
    def path(self) -> str:
        """The path the case's report names (an inline article's notional file)."""
        return f"fixtures/rules/{self.rule}/{self.name}.{_EXTENSIONS[self.format]}"


def rule_ids() -> list[str]:
    """Every rule with a cases folder, sorted."""
    return sorted(p.name for p in CASES.iterdir() if (p / "cases.yml").is_file())


def load_cases(rule: str) -> list[RuleCase]:
    """The cases of one rule, ``fires`` first, in file order."""
    data = yaml.safe_load((CASES / rule / "cases.yml").read_text(encoding="utf-8")) or {}
    unknown = set(data) - set(EXPECTATIONS)
    if unknown:
        raise ValueError(f"{rule}/cases.yml: unknown keys {sorted(unknown)}")
    return [_case(rule, expect, raw) for expect in EXPECTATIONS for raw in data.get(expect) or []]


def all_cases() -> list[RuleCase]:
    return [case for rule in rule_ids() for case in load_cases(rule)]


def inline_cases(rules: list[str] | None = None) -> list[RuleCase]:
    """The cases whose parse is stored beside cases.yml (examples and inline articles),
    one per parse file (an example used by several cases is listed once)."""
    seen: dict[Path, RuleCase] = {}
    for case in all_cases():
        if case.text is not None and (not rules or case.rule in rules):
            seen.setdefault(case.parse_file, case)
    return list(seen.values())


def _case(rule: str, expect: str, raw: dict[str, Any]) -> RuleCase:
    extra = set(raw) - _KEYS
    if extra:
        raise ValueError(f"{rule}/cases.yml: unknown case keys {sorted(extra)}")
    case = RuleCase(
        rule,
        expect,
        "",
        source=raw.get("source"),
        at=tuple(raw["at"]) if "at" in raw else None,
        options=dict(raw.get("options") or {}),
    )
    if "example" in raw:
        which = raw["example"]
        return replace(case, name=f"example-{which}", text=_example_text(rule, which), example=which)
    if "article" in raw:
        return replace(case, name=raw["article"], article=raw["article"])
    return replace(case, name=raw["name"], text=raw["text"], format=raw.get("format", "text"))


def _example_text(rule: str, which: str) -> str:
    from quotecheck.rules import RULES_BY_ID

    if which not in EXPECTATIONS:
        raise ValueError(f"{rule}/cases.yml: example must be one of {EXPECTATIONS}, not {which!r}")
    return str(getattr(RULES_BY_ID[rule], which))
