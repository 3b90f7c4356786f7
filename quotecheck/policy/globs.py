"""Glob patterns for ``[[overrides]] paths``, matched by :mod:`pathspec` with git's documented
``.gitignore`` semantics (pathspec's ``"gitignore"`` patterns).

As in ``.gitignore``: ``*`` and ``?`` do not cross ``/``; ``[abc]``/``[!abc]`` match one
character from a set; ``**`` as a whole segment matches any number of directories; a pattern
with no ``/`` (but a trailing one) matches a name at any depth (``*.html``); otherwise it is
relative to the configuration's folder; and a pattern that names a directory matches every
file inside it. Two rules are quotecheck's own (docs/configuration.md): a leading ``./`` is
dropped, and a trailing ``/`` means everything inside, relative to the folder (``opinion/`` is
``opinion/**``, where git would match an ``opinion`` folder at any depth). Negations (``!``) and
comments (``#``) have no meaning in a list of paths and are rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pathspec import PathSpec

__all__ = ["Glob", "compile_glob"]

_BRACKETS = re.compile(r"\[[!^]?\]?[^\]/]*\]")  # a complete [...] set within one path segment


@dataclass(frozen=True)
class Glob:
    """One pattern as written and as pathspec compiled it."""

    pattern: str
    spec: PathSpec

    def matches(self, path: str) -> bool:
        """Whether a ``/``-separated path, relative to the pattern's folder, matches."""
        return self.spec.match_file(path)


def compile_glob(pattern: str) -> Glob:
    """A glob pattern, compiled. Raises ValueError (saying why) on one that cannot be used."""
    text = pattern
    while text.startswith("./"):
        text = text[2:]
    if text.endswith("/"):
        text += "**"
    if "[" in _BRACKETS.sub("", text):
        raise ValueError("unclosed '['")  # pathspec would read it as a literal [
    if text.startswith("!"):
        raise ValueError("a leading ! (negation) is not supported; list the paths to match")
    if text.startswith("#"):
        raise ValueError("a leading # makes it a comment; write \\# for a literal #")
    try:
        spec = PathSpec.from_lines("gitignore", [text])
    except re.error as e:  # a bad range such as [z-a]
        raise ValueError(e.msg) from None
    return Glob(pattern, spec)
