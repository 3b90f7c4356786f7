"""Suppression directives: the comments that switch rules off, read with their source spans.

While reading, the comments that switch rules off are collected into
:attr:`~quotecheck.documents.Document.directives` (:class:`Directive`, with *source*
positions), for :mod:`quotecheck.suppress`:

* Markdown and HTML: an HTML comment ``<!-- quotecheck-disable RULE[, RULE...] -->`` (also
  ``quotecheck-enable``, ``quotecheck-disable-next-line``, ``quotecheck-disable-file``). In
  Markdown only real HTML (an HTML block or inline HTML) counts, never a comment shown in a
  code span or code block, nor one inside an HTML block's ``<script>``/``<pre>``/``<style>``/
  ``<textarea>``. Comments are never article text anyway.
* Plain text: a whole line ``%% quotecheck-disable RULE...`` (optional blanks around). Such a
  line, with its line terminator, is *removed* from the article text; the rest of the source
  is kept as identity runs, so every other character still maps to itself.

Rules are separated by blanks or commas; no rule means every rule; an optional
``-- reason`` after them is ignored. Rule ids are kept as written (an unknown id is reported
by the suppress stage, not here).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .offsets import line_starts

DIRECTIVE_KINDS: tuple[str, ...] = ("disable", "enable", "disable-next-line", "disable-file")

# A comment as the readers collect it: (source_start, source_end, body).
Comment = tuple[int, int, str]

# The body of a directive: what follows "<!--" (HTML, Markdown) or "%%" (plain text).
_DIRECTIVE_BODY = re.compile(
    r"\s*quotecheck-(disable-next-line|disable-file|disable|enable)(?![\w-])(.*)\Z", re.S
)
# "-- reason": a double hyphen standing alone ends the rule list.
_DIRECTIVE_REASON = re.compile(r"(?:^|\s)--(?:\s|\Z)")
_DIRECTIVE_RULE_SEP = re.compile(r"[\s,]+")
# A plain-text directive line: "%% quotecheck-...", blanks allowed around it.
TEXT_DIRECTIVE_LINE = re.compile(r"[ \t]*(%%([^\r\n]*?))[ \t]*")
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)


@dataclass(frozen=True)
class Directive:
    """One suppression comment, as written in the source.

    ``kind`` is one of :data:`DIRECTIVE_KINDS`; ``rules`` the rule ids as written, in order
    (empty: every rule); ``start``/``end`` the source span of the whole comment
    (``<!-- ... -->``, or ``%%`` up to the end of the line's last non-blank character);
    ``line`` the 1-based source line of ``start``.
    """

    kind: str
    rules: tuple[str, ...]
    start: int
    end: int
    line: int


def parse_directive(body: str) -> tuple[str, tuple[str, ...]] | None:
    """``(kind, rules)`` of a comment body such as ``" quotecheck-disable a, b -- why "``.

    ``None`` when the body is not a quotecheck directive (any other comment).
    """
    m = _DIRECTIVE_BODY.match(body)
    if m is None:
        return None
    rest = _DIRECTIVE_REASON.split(m.group(2), maxsplit=1)[0]
    rules = tuple(r for r in _DIRECTIVE_RULE_SEP.split(rest) if r)
    return m.group(1), rules


def collect_directives(source: str, comments: Iterable[Comment]) -> tuple[Directive, ...]:
    """Directives among ``(source_start, source_end, body)`` comments, in source order."""
    starts = line_starts(source)
    found = []
    for start, end, body in comments:
        parsed = parse_directive(body)
        if parsed is not None:
            found.append(Directive(parsed[0], parsed[1], start, end, bisect_right(starts, start)))
    found.sort(key=lambda d: d.start)
    return tuple(found)
