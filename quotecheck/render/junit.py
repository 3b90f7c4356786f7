"""JUnit XML, for CI systems that show test results (Jenkins, GitLab, Azure DevOps, ...).

Each article is a test case; findings at or above ``fail_on`` fail it::

    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="quotecheck" tests="3" failures="1" errors="1">
      <testsuite name="quotecheck" tests="3" failures="1" errors="1" skipped="0">
        <testcase classname="quotecheck" name="articles/fire.txt">
          <failure message="unattributed-quote: quotation ... has no speaker in reach"
                   type="unattributed-quote">articles/fire.txt:5:1: error unattributed-quote: ...</failure>
          <system-out>articles/fire.txt:15:107: warning unbalanced-quote: ...</system-out>
        </testcase>
        <testcase classname="quotecheck" name="articles/talks.txt" />
        <testcase classname="quotecheck" name="missing.txt">
          <error message="no such file or directory" type="input-error">missing.txt: no such file or directory</error>
        </testcase>
      </testsuite>
    </testsuites>

- one ``<testcase classname="quotecheck" name=PATH>`` per article, in report order, then one
  per input error, holding an ``<error>``;
- one ``<failure>`` per finding at or above ``fail_on`` (``message`` = ``"RULE: message"``,
  ``type`` = the rule id, the text ``path:line:col: severity rule: message``); findings below
  the threshold are listed the same way in the test case's ``<system-out>``;
- ``tests`` counts test cases, ``failures`` the test cases with at least one failure and
  ``errors`` the input errors (JUnit counts tests, not failure elements, so ``failures +
  errors <= tests`` always holds); the single ``<testsuite name="quotecheck">`` is wrapped in
  a ``<testsuites>`` root carrying the same counts, which every common consumer reads.

The XML is built with :mod:`xml.etree.ElementTree`, so ``<``, ``&`` and quotation marks in
article text are escaped correctly; characters XML 1.0 cannot carry at all (most C0 control
characters) are replaced by U+FFFD. The output is a ``str`` whose declaration says UTF-8:
write it encoded as UTF-8.
"""  # noqa: E501  example output lines are verbatim

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..report import Report
from .run_json import at_or_above, check_fail_on, split_error

__all__ = ["render_junit"]

SUITE = "quotecheck"
# Characters outside XML 1.0's Char production (lone surrogates included).
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: object) -> str:
    """``text`` with the characters XML 1.0 cannot represent replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", str(text))


def _one_line(text: object) -> str:
    """``text`` on one line (whitespace runs become one space), fit for XML."""
    return _xml_text(" ".join(str(text).split()))


def _finding_line(path: str, finding: Mapping[str, Any]) -> str:
    """``path:line:col: severity rule: message``."""
    where = f"{path}:{finding.get('line', '?')}:{finding.get('column', '?')}"
    return (
        f"{where}: {_one_line(finding.get('severity', '?'))} "
        f"{_one_line(finding.get('rule', '?'))}: {_one_line(finding.get('message', ''))}"
    )


def render_junit(reports: Sequence[Report], *, fail_on: str = "error", errors: Iterable[str] = ()) -> str:
    """JUnit XML for ``reports`` (one per article) and the input ``errors`` (one-line
    ``"path: reason"`` strings); findings at or above ``fail_on`` are failures."""
    check_fail_on(fail_on)
    root = ET.Element("testsuites", {"name": SUITE})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE})
    tests = failed = errored = 0

    for report in reports:
        path = _one_line((report.get("document") or {}).get("path") or "<stdin>")
        case = ET.SubElement(suite, "testcase", {"classname": SUITE, "name": path})
        tests += 1
        below: list[str] = []
        failures = 0
        for finding in report.get("findings") or ():
            line = _finding_line(path, finding)
            if at_or_above(str(finding.get("severity")), fail_on):
                rule = _one_line(finding.get("rule", "unknown"))
                failure = ET.SubElement(
                    case,
                    "failure",
                    {
                        "message": f"{rule}: {_one_line(finding.get('message', ''))}",
                        "type": rule,
                    },
                )
                failure.text = line
                failures += 1
            else:
                below.append(line)
        if below:
            ET.SubElement(case, "system-out").text = "\n".join(below)
        failed += 1 if failures else 0

    for error in errors:
        error_path, reason = split_error(error)
        name = _one_line(error_path) if error_path is not None else "(input)"
        case = ET.SubElement(suite, "testcase", {"classname": SUITE, "name": name})
        element = ET.SubElement(case, "error", {"message": _one_line(reason), "type": "input-error"})
        element.text = _one_line(error)
        tests += 1
        errored += 1

    counts = {"tests": str(tests), "failures": str(failed), "errors": str(errored)}
    root.attrib.update(counts)
    suite.attrib.update({**counts, "skipped": "0"})
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"
