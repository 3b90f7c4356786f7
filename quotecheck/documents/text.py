"""Plain text: the article text is the source less its suppression-directive lines."""

from __future__ import annotations

from .directives import TEXT_DIRECTIVE_LINE, Comment, parse_directive
from .offsets import IDENTITY, OffsetMap, line_starts


def extract_text(source: str, comments: list[Comment]) -> tuple[str, OffsetMap | None]:
    """Article text of a plain-text source: the source less its directive lines.

    A directive line is removed with its line terminator; what is kept is copied verbatim,
    one identity run per kept stretch. Without directive lines the text is the source itself
    and the map is ``None`` (the document's identity map). Each directive line is appended to
    ``comments`` as ``(start of "%%", end of its last non-blank character, body after "%%")``.
    Blocks are not returned: they are the text's paragraphs, the document's default.
    """
    removed = _directive_lines(source, comments)
    if not removed:
        return source, None
    parts: list[str] = []
    t_starts: list[int] = []
    s_starts: list[int] = []
    n = 0
    kept_from = 0
    for cut_start, cut_end in [*removed, (len(source), len(source))]:
        if cut_start > kept_from:
            t_starts.append(n)
            s_starts.append(kept_from)
            parts.append(source[kept_from:cut_start])
            n += cut_start - kept_from
        kept_from = cut_end
    return "".join(parts), OffsetMap(t_starts, s_starts, [IDENTITY] * len(t_starts), n)


def _directive_lines(source: str, comments: list[Comment]) -> list[tuple[int, int]]:
    """Source spans of the directive lines (terminators included); their comments are
    appended to ``comments``."""
    starts = line_starts(source)
    removed: list[tuple[int, int]] = []
    for k, line_start in enumerate(starts):
        next_start = starts[k + 1] if k + 1 < len(starts) else len(source)
        if line_start == next_start:
            continue
        line_end = next_start
        while line_end > line_start and source[line_end - 1] in "\r\n":
            line_end -= 1
        m = TEXT_DIRECTIVE_LINE.fullmatch(source, line_start, line_end)
        if m is None or parse_directive(m.group(2)) is None:
            continue
        comments.append((m.start(1), m.end(1), m.group(2)))
        removed.append((line_start, next_start))
    return removed
