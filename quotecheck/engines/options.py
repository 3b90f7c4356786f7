"""The engine options of ``check`` and ``summarize`` as one click decorator, :func:`engine_options`.

The options arrive in the command as one :class:`~quotecheck.engines.EngineOptions` value
(the ``engine`` parameter), so commands gain one parameter, not ten. Nothing here imports Ray.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from ..vocab import Engine
from . import DEFAULT_META_COLUMNS, EngineOptions
from .parts import PART_FORMATS

__all__ = ["engine_options"]

_OPTIONS = (
    click.option(
        "--engine",
        type=click.Choice([str(e) for e in Engine]),
        default=str(Engine.LOCAL),
        show_default=True,
        help="local: this process; ray: a Ray cluster (pip install 'quotecheck[ray]'), writing one "
        "report row per article to part files in the -o folder.",
    ),
    click.option(
        "--ray-address",
        default=None,
        metavar="ADDRESS",
        help="The Ray cluster to join (auto: the one this machine is part of; default: start a local one).",
    ),
    click.option(
        "--workers",
        type=click.IntRange(min=0),
        default=0,
        help="Ray workers, each loading the model once (default 0: one per CPU, or per GPU share).",
    ),
    click.option(
        "--threads",
        type=click.IntRange(min=1),
        default=1,
        show_default=True,
        help="Torch threads (and CPUs reserved) per Ray worker.",
    ),
    click.option(
        "--device",
        type=click.Choice(["cpu", "cuda"]),
        default="cpu",
        show_default=True,
        help="Where Ray workers run the parser; cuda reserves --gpus-per-worker of a GPU each.",
    ),
    click.option(
        "--gpus-per-worker",
        type=click.FloatRange(min=0.0, min_open=True, max=8.0),
        default=1.0,
        show_default=True,
        help="The GPU share of each Ray worker with --device cuda (0.5: two workers per GPU).",
    ),
    click.option(
        "--text-column",
        default=None,
        metavar="NAME",
        help="PATHS are tables (JSON Lines or Parquet, local or s3://, gs://) with the article "
        "text in this column (--engine ray).",
    ),
    click.option(
        "--id-column",
        default=None,
        metavar="NAME",
        help="The tables' article id column: each report's path (default: a hash of the text).",
    ),
    click.option(
        "--meta-column",
        "meta_columns",
        multiple=True,
        metavar="NAME",
        help="A table column that becomes report metadata for summarize --by; repeatable "
        f"(default: {', '.join(DEFAULT_META_COLUMNS)}, where present).",
    ),
    click.option(
        "--parts-format",
        type=click.Choice(PART_FORMATS),
        default="jsonl",
        show_default=True,
        help="The part files --engine ray writes into the -o folder.",
    ),
)
_NAMES = (
    "engine",
    "ray_address",
    "workers",
    "threads",
    "device",
    "gpus_per_worker",
    "text_column",
    "id_column",
    "meta_columns",
    "parts_format",
)


def engine_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add the engine options to a click command, passed to it as ``engine: EngineOptions``."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        values = {name: kwargs.pop(name) for name in _NAMES}
        values["name"] = Engine(values.pop("engine"))
        values["meta_columns"] = tuple(values["meta_columns"]) or DEFAULT_META_COLUMNS
        return command(*args, engine=EngineOptions(**values), **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
