"""What the command line shows a person at a terminal: colour, and progress on long runs.

Colour (``--color auto|always|never``) follows the conventions of https://no-color.org and
https://force-color.org: ``never`` and ``always`` are obeyed as given (``always`` colours a
pipe too); ``auto`` colours a terminal unless ``NO_COLOR`` is set to a non-empty value, and
colours anything when ``FORCE_COLOR`` is set to a non-empty value other than ``0``.

Progress (:class:`ArticleProgress`) is shown on standard error when it is a terminal (or when
``--progress`` asks for it): the model load as its own step, then a bar that moves once per
parsed article. Machine formats, files and pipes get none unless asked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import IO, Any

import click

from .vocab import ColorChoice

__all__ = ["ArticleProgress", "use_color"]


def use_color(choice: ColorChoice | str, is_terminal: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to colour output: ``choice`` from ``--color``, ``is_terminal`` whether the
    output goes to a terminal, ``environ`` the environment (default: the process's)."""
    env = os.environ if environ is None else environ
    if choice == ColorChoice.ALWAYS:
        return True
    if choice == ColorChoice.NEVER:
        return False
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return is_terminal


def wants_progress(asked: bool | None, stream: IO[Any] | None = None) -> bool:
    """``--progress``/``--no-progress`` as given, else whether ``stream`` (standard error) is
    a terminal."""
    if asked is not None:
        return asked
    return (stream or sys.stderr).isatty()


class ArticleProgress:
    """Progress of a check on standard error: ``loading the model`` as its own step, then a
    bar counting parsed articles (see :class:`quotecheck.api.ParseProgress`)."""

    def __init__(self, stream: IO[Any] | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.bar: Any = None

    def loading_model(self, description: str) -> None:
        """Say that the model is loading (about ten seconds, before any article is parsed)."""
        click.echo(f"quotecheck: loading the model ({description})...", file=self.stream)

    def parsing(self, articles: int, words: int) -> Any:
        """Start the bar over ``articles`` articles (``words`` words); return the callback
        that advances it by each parsed batch of article texts."""
        from tqdm import tqdm

        self.bar = tqdm(
            total=articles,
            unit="article",
            desc=f"parsing {words} words",
            file=self.stream,
            leave=False,
            dynamic_ncols=True,
            mininterval=0,  # an article takes seconds: show every one
        )

        def advance(batch: Sequence[str]) -> None:
            self.bar.update(len(batch))
            if self.bar.n >= self.bar.total:
                self.bar.close()

        return advance
