"""The Jinja2 environment of the HTML pages (``quotecheck/render/templates/*.html.j2``).

Two decisions keep the pages exactly as compact and as safe as before templates:

* Autoescaping is on, and every ``{{ value }}`` that is not already :class:`~markupsafe.Markup`
  goes through :func:`escape` (``finalize``): besides ``& < > " '`` it writes ``=`` and the
  colon of ``://`` as character references, so article text can never put a literal ``src=``
  or ``http://`` in a page (see ``render/html.py``).
* The templates are written one element per line, indented, for reading; the loader joins
  their lines, dropping each line's break and leading indentation, so a page holds only the
  whitespace its template writes inside a line and the whitespace of the data. A line break
  the page needs is written ``{{ "\\n" }}``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

__all__ = ["escape", "template"]


# Characters HTML forbids in text (C0 controls but tab, newline and carriage return; DEL; C1):
# an article may hold them, the page shows U+FFFD instead.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape(value: object) -> str:
    """``value`` escaped for text or a quoted attribute; no literal ``=`` or ``://`` survives,
    and no raw control character (each becomes U+FFFD)."""
    text = _CONTROL.sub("\ufffd", str(value))
    return html.escape(text, quote=True).replace("=", "&#61;").replace("://", "&#58;//")


def _finalize(value: Any) -> Markup:
    """Every value a template writes: markup as it is, anything else through :func:`escape`."""
    return value if isinstance(value, Markup) else Markup(escape(value))


class _JoinedLines(PackageLoader):
    """Loads a template with its lines joined and their leading indentation dropped."""

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool] | None]:
        source, filename, uptodate = super().get_source(environment, template)
        return "".join(line.lstrip() for line in source.splitlines()), filename, uptodate


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=_JoinedLines("quotecheck.render", "templates"),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
    )


def template(name: str) -> Template:
    """The compiled template ``templates/<name>``."""
    return _environment().get_template(name)
