"""Inline suppression comments: drop the findings a ``quotecheck-disable`` comment covers.

This stage runs on the rules' :class:`~quotecheck.rules.Finding` objects, before the report is
built (:func:`quotecheck.api.analyze`), with the :class:`~quotecheck.documents.Document` they
were found in. The document carries the suppression comments found while reading
(:attr:`Document.directives`, source positions); a finding's article-text span is mapped to
the source (:meth:`Finding.location`), so all the matching is done in source coordinates.

Coverage (a directive that lists rules covers only those; one that lists none covers all):

* ``disable`` ... ``enable``: a finding whose source ``start`` lies after a ``disable`` and
  before the next ``enable`` for its rule (or for all rules), or after a ``disable`` that is
  never re-enabled. ``enable RULE`` after a bare ``disable`` re-enables just that rule; a bare
  ``enable`` re-enables everything;
* ``disable-next-line``: a finding whose source ``line`` is the first non-blank source line
  after the comment's last line;
* ``disable-file``: every finding in the file, wherever the comment is.

A finding covered by several directives counts as used by each of them. The stage also
reports on the comments themselves (findings located at the comment, ``in_source``); these
are the findings of the registry's two :data:`~quotecheck.rules.Stage.SUPPRESSION` rules:

* ``unused-suppression`` (info): a disabling directive, or one of its listed rules, that
  suppressed nothing (``"quotecheck-disable-next-line vague-source suppresses nothing"``),
  and an ``enable`` (or one of its rules) that had nothing to re-enable;
* ``unknown-suppression-rule`` (warning): a rule id not in ``known_rules``. Such an id covers
  nothing (a directive listing only unknown ids does *not* fall back to all rules).

These two findings are not themselves suppressible by comments; a caller can switch them off
or change their severity through the keyword arguments of :func:`apply`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from .documents import Directive, Document
from .rules import Finding
from .rules.unknown_suppression_rule import RULE as _UNKNOWN
from .rules.unused_suppression import RULE as _UNUSED
from .vocab import Severity

__all__ = ["SUPPRESSION_RULES", "UNKNOWN_RULE", "UNUSED_RULE", "apply"]

UNUSED_RULE = _UNUSED.id
UNKNOWN_RULE = _UNKNOWN.id
SUPPRESSION_RULES: tuple[str, ...] = (UNUSED_RULE, UNKNOWN_RULE)

_LINE_BREAK = re.compile(r"\r\n?|\n")  # the same line terminators as Document.line_col

# A usage key: (index of the directive in doc.directives, rule id or None for "all rules").
_Key = tuple[int, str | None]


@dataclass(frozen=True)
class _Resolved:
    """A directive with its rule list split into known ids (deduplicated) and unknown ones."""

    index: int
    directive: Directive
    all_rules: bool  # the comment names no rule at all
    rules: tuple[str, ...]  # known ids, in the order written
    unknown: tuple[str, ...]  # unknown ids, in the order written

    def suppression_keys(self) -> list[_Key]:
        """The (directive index, rule or None) keys this directive suppresses or enables."""
        return [(self.index, None)] if self.all_rules else [(self.index, r) for r in self.rules]

    def covers(self, rule: str) -> _Key | None:
        if self.all_rules:
            return (self.index, None)
        return (self.index, rule) if rule in self.rules else None


def apply(
    findings: Sequence[Finding],
    doc: Document,
    known_rules: Collection[str],
    *,
    unused_severity: Severity | str | None = _UNUSED.severity,
    unknown_severity: Severity | str | None = _UNKNOWN.severity,
) -> list[Finding]:
    """The findings not covered by ``doc.directives``, plus the findings about the comments.

    ``findings``: the rules' findings, in text order. ``known_rules``: every rule id quotecheck
    knows (all of them, not just those switched on for this file, so that a comment naming a
    rule the policy turned off is not "unknown"). ``unused_severity`` / ``unknown_severity``:
    the severities of the ``unused-suppression`` and ``unknown-suppression-rule`` findings,
    ``None`` to leave them out.

    The kept findings keep their order, with the new findings inserted in source order.
    """
    if not doc.directives:
        return list(findings)
    known = frozenset(known_rules)
    resolved = [_resolve(i, d, known) for i, d in enumerate(doc.directives)]
    regions = [r for r in resolved if r.directive.kind in ("disable", "enable")]
    targets = _next_line_targets(doc, resolved)

    used: set[_Key] = set()
    kept: list[Finding] = []
    for finding in findings:
        covering = _covering(finding, doc, resolved, regions, targets)
        if covering:
            used.update(covering)
        else:
            kept.append(finding)
    extra = _unknown_findings(resolved, known, unknown_severity) + _unused_findings(
        resolved, regions, used, unused_severity
    )
    return _merge(doc, kept, extra)


# --------------------------------------------------------------------------------------------
# Coverage


def _resolve(index: int, d: Directive, known: frozenset[str]) -> _Resolved:
    rules: list[str] = []
    unknown: list[str] = []
    for rule in d.rules:
        bucket = rules if rule in known else unknown
        if rule not in bucket:
            bucket.append(rule)
    return _Resolved(index, d, not d.rules, tuple(rules), tuple(unknown))


def _next_line_targets(doc: Document, resolved: Sequence[_Resolved]) -> dict[int, int | None]:
    """For each ``disable-next-line`` directive: the 1-based line it covers (None: none)."""
    targets: dict[int, int | None] = {}
    lines: list[str] | None = None
    for r in resolved:
        if r.directive.kind != "disable-next-line":
            continue
        if lines is None:
            lines = _LINE_BREAK.split(doc.source)
        d = r.directive
        last_line = doc.line_col(max(d.start, d.end - 1))[0]
        targets[r.index] = next(
            (n for n in range(last_line + 1, len(lines) + 1) if lines[n - 1].strip()), None
        )
    return targets


def _covering(
    finding: Finding,
    doc: Document,
    resolved: Sequence[_Resolved],
    regions: Sequence[_Resolved],
    targets: dict[int, int | None],
) -> list[_Key]:
    """The usage keys of every directive that covers ``finding`` (empty: it is kept)."""
    where = finding.location(doc)
    keys: list[_Key] = []
    for r in resolved:
        kind = r.directive.kind
        if kind == "disable-file" or (kind == "disable-next-line" and targets[r.index] == where["line"]):
            key = r.covers(finding.rule)
            if key is not None:
                keys.append(key)
    keys.extend(_region_state(regions, where["start"], finding.rule))
    return keys


def _region_state(regions: Sequence[_Resolved], position: int, rule: str) -> list[_Key]:
    """Keys of the ``disable`` directives in force for ``rule`` at source ``position``.

    The ``disable``/``enable`` comments before ``position`` are replayed in source order:
    a bare ``disable`` disables every rule, a listed one its rules; a bare ``enable``
    re-enables everything, a listed one its rules (also as exceptions to a bare ``disable``).
    """
    all_by: _Key | None = None
    rule_by: _Key | None = None
    excepted = False  # re-enabled by name while a bare disable is in force
    for r in regions:
        if r.directive.start >= position:
            break
        if r.directive.kind == "disable":
            if r.all_rules:
                all_by, excepted = (r.index, None), False
            elif rule in r.rules:
                rule_by, excepted = (r.index, rule), False
        elif r.all_rules:  # bare enable
            all_by, rule_by, excepted = None, None, False
        elif rule in r.rules:
            rule_by = None
            excepted = all_by is not None
    keys = [rule_by] if rule_by is not None else []
    if all_by is not None and not excepted:
        keys.append(all_by)
    return keys


def _idle_enables(regions: Sequence[_Resolved]) -> set[_Key]:
    """Usage keys of ``enable`` directives (or their listed rules) that re-enable nothing."""
    idle: set[_Key] = set()
    bare_disable = False
    excepted: set[str] = set()
    disabled: set[str] = set()
    for r in regions:
        if r.directive.kind == "disable":
            if r.all_rules:
                bare_disable, excepted = True, set()
            else:
                disabled.update(r.rules)
                excepted.difference_update(r.rules)
        elif r.all_rules:
            if not bare_disable and not disabled:
                idle.add((r.index, None))
            bare_disable, excepted, disabled = False, set(), set()
        else:
            for rule in r.rules:
                if rule not in disabled and not (bare_disable and rule not in excepted):
                    idle.add((r.index, rule))
                disabled.discard(rule)
                if bare_disable:
                    excepted.add(rule)
    return idle


# --------------------------------------------------------------------------------------------
# Findings about the comments


def _unknown_findings(
    resolved: Sequence[_Resolved], known: frozenset[str], severity: Severity | str | None
) -> list[Finding]:
    """An ``unknown-suppression-rule`` finding per unknown rule id in a comment."""
    if severity is None:
        return []
    return [
        _at(r.directive, UNKNOWN_RULE, severity, _unknown_message(r.directive, rule, known))
        for r in resolved
        for rule in r.unknown
    ]


def _unused_findings(
    resolved: Sequence[_Resolved],
    regions: Sequence[_Resolved],
    used: set[_Key],
    severity: Severity | str | None,
) -> list[Finding]:
    """An ``unused-suppression`` finding per directive (or listed rule) that did nothing."""
    if severity is None:
        return []
    idle_enables = _idle_enables(regions)
    out: list[Finding] = []
    for r in resolved:
        d = r.directive
        if d.kind == "enable":
            unused = [k for k in r.suppression_keys() if k in idle_enables]
            verb = "enables nothing"
        else:
            unused = [k for k in r.suppression_keys() if k not in used]
            verb = "suppresses nothing"
        for _, rule in unused:
            named = f" {rule}" if rule is not None else ""
            out.append(_at(d, UNUSED_RULE, severity, f"quotecheck-{d.kind}{named} {verb}"))
    return out


def _at(d: Directive, rule: str, severity: Severity | str, message: str) -> Finding:
    """A finding located at the comment ``d`` (source offsets)."""
    return Finding(rule, Severity(severity), message, d.start, d.end, in_source=True)


def _unknown_message(d: Directive, rule: str, known: frozenset[str]) -> str:
    close = difflib.get_close_matches(rule, sorted(known), n=1)
    hint = f" (did you mean {close[0]}?)" if close else ""
    return f"quotecheck-{d.kind} names an unknown rule {rule!r}{hint}"


def _merge(doc: Document, kept: list[Finding], extra: list[Finding]) -> list[Finding]:
    """``kept`` in its own order, with ``extra`` inserted by source ``(start, rule)``."""

    def key(f: Finding) -> tuple[int, str]:
        return f.location(doc)["start"], f.rule

    pending = sorted(((key(f), f) for f in extra), key=lambda kf: kf[0])
    out: list[Finding] = []
    j = 0
    for f in kept:
        at = key(f)
        while j < len(pending) and pending[j][0] < at:
            out.append(pending[j][1])
            j += 1
        out.append(f)
    out.extend(f for _, f in pending[j:])
    return out
