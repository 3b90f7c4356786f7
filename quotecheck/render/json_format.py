"""The JSON output of ``quotecheck check --format json``."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..report import Report

__all__ = ["render_json"]


def render_json(report_or_reports: Report | Sequence[Report]) -> str:
    """Serialise one report, or several, as pretty-printed JSON with a trailing newline.

    One report (a mapping, or a sequence holding exactly one) is written as that object, so a
    single article's output validates against ``schemas/report.schema.json`` as it is; any
    other number of reports is written as ``{"reports": [...]}``. Non-ASCII text is kept as is
    (``ensure_ascii=False``) and key order is preserved.
    """
    if isinstance(report_or_reports, Mapping):
        payload: Any = report_or_reports
    else:
        reports = list(report_or_reports)
        payload = reports[0] if len(reports) == 1 else {"reports": reports}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
