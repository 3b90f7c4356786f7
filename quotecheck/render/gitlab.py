"""GitLab Code Quality: the JSON array a ``codequality`` report artifact holds.

One issue per finding, with the fields GitLab reads (https://docs.gitlab.com/ci/testing/
code_quality/#code-quality-report-format): ``description`` (the message), ``check_name`` (the
rule id), ``fingerprint`` (the baseline fingerprint: rule, file and subject, so an issue keeps
its identity while lines move and counts change), ``severity`` (``info``, ``minor`` or
``major`` for quotecheck's info, warning and error) and ``location.path`` with
``location.lines.begin``. Paths are as the reports give them (the registry makes them relative
to the repository root). Input errors are not issues: they go to standard error and exit 2.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..vocab import Severity

if TYPE_CHECKING:
    from ..result import ArticleResult

__all__ = ["GITLAB_SEVERITY", "render_gitlab"]

GITLAB_SEVERITY = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


def render_gitlab(results: Sequence[ArticleResult], paths: Sequence[str]) -> str:
    """The Code Quality issues of ``results``; ``paths[i]`` is how results[i]'s file is named."""
    from ..baseline import fingerprint

    issues = []
    for result, path in zip(results, paths, strict=True):
        for f in result.report["findings"]:
            issues.append(
                {
                    "description": f"{f['message']} ({f['rule']})",
                    "check_name": f["rule"],
                    "fingerprint": fingerprint(path, f, result.document),
                    "severity": GITLAB_SEVERITY[Severity(f["severity"])],
                    "location": {"path": path, "lines": {"begin": int(f.get("line", 1))}},
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
