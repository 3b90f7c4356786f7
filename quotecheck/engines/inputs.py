"""What an engine run checks: article files (found as ``check`` finds them) or table rows.

:func:`file_articles` discovers the files exactly as the local ``check`` does (globs, ``!``
exclusions, ignore files, the extensions of the current folder's policy) and gives each the
policy that governs its path. Tables (JSON Lines or Parquet files of articles, with a text
column) are read by the engine itself; :func:`table_paths` tells them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import Article, SettingsSpec, settings_spec

__all__ = ["RunInputs", "file_articles", "is_parquet"]


@dataclass
class RunInputs:
    """The articles of a run, the settings they index, each setting's fail-on, input errors."""

    articles: list[Article]
    settings: list[SettingsSpec]
    fail_on: list[str | None]
    errors: list[str]


def file_articles(
    paths: Sequence[str], input_format: str | None, config_file: str | None, force_exclude: bool = False
) -> RunInputs:
    """The article files named by ``paths``, each with the index of its policy's settings
    (``force_exclude``: ignore files apply to named files too, as ``--force-exclude``).
    Raises :class:`~quotecheck.policy.ConfigError` for a bad configuration."""
    from ..discovery import discover
    from ..policy import PolicyCache

    policies = PolicyCache()
    here = policies.policy_for("-", config_file)
    found, problems = discover(paths, extensions=here.extensions, force_exclude=force_exclude)
    run = RunInputs([], [], [], [str(e) for e in problems])
    index: dict[str, int] = {}
    for path in found:
        if path == "-":
            run.errors.append("-: standard input cannot be read by an engine's workers; give files")
            continue
        policy = policies.policy_for(path, config_file)
        spec = settings_spec(policy)
        fingerprint = repr((sorted(spec[0].items()), sorted(spec[1].items(), key=lambda kv: kv[0])))
        if fingerprint not in index:
            index[fingerprint] = len(run.settings)
            run.settings.append(spec)
            run.fail_on.append(policy.fail_on)
        fmt = input_format or policy.extensions.get(Path(path).suffix.lower())
        run.articles.append(Article(len(run.articles), path, path, fmt, index[fingerprint]))
    return run


def is_parquet(paths: Sequence[str]) -> bool:
    """Whether a table input is Parquet (else JSON Lines): by the first path's extension, or a
    folder of ``.parquet`` files."""
    first = paths[0].rstrip("/")
    if Path(first).is_dir():
        return any(Path(first).glob("*.parquet"))
    return first.lower().endswith(".parquet")
