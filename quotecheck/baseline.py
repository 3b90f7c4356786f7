"""Baselines: adopt quotecheck on an existing archive by recording today's findings.

`quotecheck baseline create PATHS -o quotecheck-baseline.json` records a fingerprint for every
finding; `quotecheck check --baseline quotecheck-baseline.json PATHS` then reports only findings
that are not in it. A fingerprint is the rule id, the file path and the finding's subject: the
words of the article it points at (the source's mention, the quotation, the verb), whitespace
folded; for a rule that judges the whole article (``anonymous-share``) no subject at all. Never
a line number and never the message, which carries counts ("4 of 5 quotations"), so neither
edits elsewhere in the article nor a changed count resurrect an old finding; a finding that
occurs twice is recorded twice (a multiset), so a second identical problem added later is still
reported. Baseline files of version 1 (fingerprints by message) are refused with a message
that says to recreate them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .files import UnreadableFile, printable, read_regular

if TYPE_CHECKING:
    from .documents import Document
    from .result import ArticleResult

BASELINE_VERSION = 2
MAX_BASELINE_BYTES = 200_000_000  # read whole into memory: a bound, far above any real archive's
# Rules with one finding per article whose location moves with the counts: no subject.
ARTICLE_WIDE_RULES = frozenset({"anonymous-share"})


class BaselineError(Exception):
    """An unreadable or malformed baseline file; str() is one line naming the file."""


def canonical_path(path: str) -> str:
    """The path as the repository knows it: relative to the top of the git work tree around
    the working directory (else to the working directory), with forward slashes, so that
    `articles/a.md`, `./articles/a.md` and an absolute path give the same fingerprint."""
    if path.startswith("<"):  # <stdin>, <text 1>
        return path
    root = _git_root()
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, Path.cwd())).as_posix()


def repository_root() -> Path:
    """The top of the git work tree around the working directory, else the working directory
    (what SARIF, GitHub and GitLab paths are relative to unless ``--root`` says otherwise)."""
    return _git_root()


def _git_root() -> Path:
    """The top of the git work tree around the working directory, else the working directory."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def subject(finding: Mapping[str, Any], document: Document | None) -> str:
    """What the finding is about: the source text of its span, whitespace folded ("" for an
    article-wide rule, or without the document)."""
    if document is None or finding["rule"] in ARTICLE_WIDE_RULES:
        return ""
    start, end = int(finding.get("start", 0)), int(finding.get("end", 0))
    return " ".join(document.source[start:end].split())


def fingerprint(path: str, finding: Mapping[str, Any], document: Document | None = None) -> str:
    """The finding's key in a baseline: path, rule and subject (see the module docstring)."""
    key = "\x1f".join((canonical_path(path), finding["rule"], subject(finding, document)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def create(results: Iterable[ArticleResult]) -> dict[str, Any]:
    """The baseline document for these results (JSON-ready, sorted for stable diffs)."""
    entries = []
    for result in results:
        path = result.report["document"]["path"]
        for f in result.report["findings"]:
            entries.append(
                {
                    "path": canonical_path(path),
                    "rule": f["rule"],
                    "fingerprint": fingerprint(path, f, result.document),
                    "message": f["message"],
                }
            )
    entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"]))
    return {"quotecheck_baseline": BASELINE_VERSION, "tool_version": __version__, "findings": entries}


def load(path: str | Path) -> Counter[str]:
    """Fingerprints recorded in a baseline file (with their multiplicity)."""
    shown = printable(path)
    try:
        data = json.loads(read_regular(path, MAX_BASELINE_BYTES, option=None).decode("utf-8"))
    except UnreadableFile as err:
        raise BaselineError(f"{shown}: cannot read baseline: {err.reason}") from None
    except OSError as err:
        raise BaselineError(f"{shown}: cannot read baseline: {err.strerror or err}") from None
    except ValueError as err:
        raise BaselineError(f"{shown}: not a JSON baseline file: {err}") from None
    except RecursionError:
        raise BaselineError(f"{shown}: not a quotecheck baseline (JSON nested too deeply)") from None
    if isinstance(data, dict) and data.get("quotecheck_baseline") == 1:
        raise BaselineError(
            f"{shown}: a version 1 baseline (findings matched by message, which changes with "
            "counts); recreate it with `quotecheck baseline create`"
        )
    if (
        not isinstance(data, dict)
        or data.get("quotecheck_baseline") != BASELINE_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(
            f"{shown}: not a quotecheck baseline (version {BASELINE_VERSION}); "
            "create one with `quotecheck baseline create`"
        )
    try:
        return Counter(str(e["fingerprint"]) for e in data["findings"])
    except (KeyError, TypeError):
        raise BaselineError(f"{shown}: a baseline entry has no fingerprint") from None


def apply(results: Sequence[ArticleResult], known: Counter[str]) -> tuple[list[ArticleResult], int]:
    """Results without the findings the baseline knows; the number of findings removed.
    Each report's summary is recomputed so it still describes what it shows."""
    remaining = Counter(known)
    out, removed = [], 0
    for result in results:
        path = result.report["document"]["path"]
        kept = []
        for f in result.report["findings"]:
            fp = fingerprint(path, f, result.document)
            if remaining[fp] > 0:
                remaining[fp] -= 1
                removed += 1
            else:
                kept.append(f)
        out.append(result.keep_report_findings(kept))
    return out, removed
