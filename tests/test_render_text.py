"""The terminal report (quotecheck.render.text) and the JSON output (render.json_format).

Reports are hand-built with :class:`ReportBuilder`, which finds every span in the article
text, so locations are real; each built report is checked against the report schema too.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

import click
import pytest
from report_examples import NATO_ARTICLE

from quotecheck.render.json_format import render_json
from quotecheck.render.text import render_text
from quotecheck.schema import validate_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ANONYMOUS_TYPES = ("anonymous_individual", "anonymous_group")


class ReportBuilder:
    """Builds a schema-valid report for ``text`` from the words of its spans.

    Spans are found by their text (``nth`` picks a later occurrence); quotes must be added in
    text order. The summary is computed in :meth:`build`.
    """

    def __init__(self, text: str, path: str = "articles/story.txt", fmt: str = "text") -> None:
        self.text = text
        self.path = path
        self.fmt = fmt
        self.quotes: list[dict[str, Any]] = []
        self.sources: list[dict[str, Any]] = []
        self.findings: list[dict[str, Any]] = []

    def loc(self, needle: str, nth: int = 0) -> dict[str, int]:
        """start, end, line and column of the ``nth`` occurrence of ``needle``."""
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        line_start = max(self.text.rfind(c, 0, start) for c in "\n\r") + 1
        return {
            "start": start,
            "end": start + len(needle),
            "line": len(re.findall(r"\r\n|\r|\n", self.text[:start])) + 1,
            "column": start - line_start + 1,
        }

    def span(self, needle: str, nth: int = 0) -> dict[str, Any]:
        return {"text": needle, **self.loc(needle, nth)}

    def source(
        self,
        name: str,
        type_: str = "named_person",
        *,
        mention: str | None = None,
        description: str | None = None,
        ground_rules: dict[str, str] | None = None,
        reason: str | None = None,
    ) -> str:
        """Add a source; ``ground_rules`` maps each rule to the words that set it."""
        sid = f"s{len(self.sources) + 1}"
        rules = ground_rules or {}
        mention_text = mention or name
        self.sources.append(
            {
                "id": sid,
                "name": name,
                "type": type_,
                "anonymous": type_ in ANONYMOUS_TYPES,
                "description": description,
                "ground_rules": list(rules),
                "ground_rule_evidence": [{"rule": r, **self.span(w)} for r, w in rules.items()],
                "anonymity_reason": self.span(reason) if reason else None,
                "mentions": [
                    {**self.span(mention_text), "kind": "descriptor" if type_ in ANONYMOUS_TYPES else "name"}
                ],
                "quote_ids": [],
            }
        )
        return sid

    def quote(
        self,
        needle: str,
        kind: str = "direct",
        *,
        source: str | None = None,
        cue: str | None = "said",
        cue_nth: int = 0,
        resolution: str = "explicit",
        mention: str | None = None,
        paragraphs: int = 1,
    ) -> str:
        """Add a quote (``needle`` with its quotation marks, except for ``indirect``)."""
        qid = f"q{len(self.quotes) + 1}"
        speaker = None
        if source is not None:
            src = next(s for s in self.sources if s["id"] == source)
            src["quote_ids"].append(qid)
            speaker = {
                "source_id": source,
                "mention": self.span(mention or src["mentions"][0]["text"]),
                "resolution": resolution,
            }
        self.quotes.append(
            {
                "id": qid,
                "text": needle if kind == "indirect" else needle[1:-1],
                **self.loc(needle),
                "kind": kind,
                "paragraphs": paragraphs,
                "cue": {
                    "text": cue,
                    "lemma": "say" if cue == "said" else cue,
                    "pattern": "post-verb",
                    **self.loc(cue, cue_nth),
                }
                if cue
                else None,
                "speaker": speaker,
            }
        )
        return qid

    def finding(self, rule: str, severity: str, message: str, needle: str, **ids: str) -> None:
        self.findings.append(
            {"rule": rule, "severity": severity, "message": message, **self.loc(needle), **ids}
        )

    def build(self) -> dict[str, Any]:
        speech = [q for q in self.quotes if q["kind"] in ("direct", "partial")]
        anonymous = {s["id"] for s in self.sources if s["anonymous"]}
        from_anonymous = sum(1 for q in speech if q["speaker"] and q["speaker"]["source_id"] in anonymous)
        summary: dict[str, Any] = {"quotes": len(speech)}
        summary |= {
            k: sum(q["kind"] == k for q in self.quotes)
            for k in ("direct", "partial", "indirect", "scare", "title")
        }
        summary |= {
            "attributed": sum(q["speaker"] is not None for q in speech),
            "unattributed": sum(q["speaker"] is None for q in speech),
            "sources": len(self.sources),
            "anonymous_sources": len(anonymous),
            "quotes_from_anonymous": from_anonymous,
            "anonymous_share": round(from_anonymous / len(speech), 4) if speech else 0,
            "findings": {
                s: sum(f["severity"] == s for f in self.findings) for s in ("error", "warning", "info")
            },
        }
        document: dict[str, Any] = {
            "path": self.path,
            "sha256": hashlib.sha256(self.text.encode("utf-8")).hexdigest(),
            "format": self.fmt,
        }
        body, metadata = self.text, {}
        front = re.match(r"---\n(.*?)\n---\n", self.text, re.S)
        if front:  # front matter: metadata, not article text
            body = self.text[front.end() :]
            metadata = dict(line.split(": ", 1) for line in front.group(1).splitlines())
        article = re.sub(r"^#+ ", "", body, flags=re.M)  # Markdown heading marks are not text
        document |= {
            "characters": len(article),
            "words": len(article.split()),
            "lines": len(self.text.splitlines()),
        }
        if metadata:
            document["metadata"] = metadata
        return {
            "schema_version": "1.3.0",
            "tool": {"name": "quotecheck", "version": "0.1.0"},
            "document": document,
            "quotes": self.quotes,
            "sources": self.sources,
            "findings": self.findings,
            "summary": summary,
        }


# -- reports -----------------------------------------------------------------------------------

NATO = NATO_ARTICLE


def nato_report() -> dict[str, Any]:
    """The example article: a named source, an anonymous one, every kind of quote."""
    b = ReportBuilder(NATO, path="articles/nato-troops.md", fmt="markdown")
    jones = b.source(
        "Marine Gen. James L. Jones",
        mention="Marine Gen. James L. Jones",
        description="commander of NATO’s military arm",
    )
    nato = b.source(
        "one NATO source",
        "anonymous_individual",
        mention="One NATO source",
        description="who spoke on condition of anonymity because he was not authorized to discuss the talks",
        ground_rules={"anonymity_granted": "spoke on condition of anonymity", "background": "on background"},
        reason="because he was not authorized to discuss the talks",
    )
    b.quote(
        "the alliance would need more troops in southern Afghanistan",
        "indirect",
        source=jones,
        mention="NATO’s top commander",
    )
    b.quote("“We are not going to lose this one,”", source=jones, cue_nth=1)
    q3 = b.quote("“It is a matter of political will.”", source=jones, cue=None, resolution="floating")
    b.quote("“a matter of weeks”", "partial", source=nato, cue_nth=2)
    b.quote(
        "“Nobody wants to be the country that says no,”",
        source=nato,
        cue_nth=3,
        resolution="nominal",
        mention="the source",
    )
    q6 = b.quote("“The mission is in trouble, and everyone in that room knows it.”", cue=None)
    q7 = b.quote("“surge”", "scare", cue=None)
    b.quote("“Afghanistan 2010,”", "title", cue=None)
    b.finding(
        "floating-quote",
        "info",
        "Quotation has no attribution cue; attributed to the previous speaker, Marine Gen. James L. Jones.",
        "“It is a matter",
        quote_id=q3,
        source_id=jones,
    )
    b.finding(
        "unattributed-quote",
        "warning",
        "Quotation has no speaker: no attribution cue in its sentence or the one before.",
        "“The mission",
        quote_id=q6,
    )
    b.finding(
        "scare-quote",
        "info",
        "Scare quotes around “surge”: attribute the term or drop the quotation marks.",
        "“surge”",
        quote_id=q7,
    )
    return b.build()


COUNCIL = (
    "The council voted 5-2 on Monday to close the Elm Street library.\n"
    '"We had no choice," said Mayor Ann Ruiz. "The roof is failing."\n'
    'A city official said the building "would not survive another winter."\n'
    "Officials said the decision was final, according to a memo seen by the Herald.\n"
    "Residents packed the meeting.\n"
    '"This is a betrayal of the neighborhood."\n'
)


def council_report() -> dict[str, Any]:
    """An ASCII-only article: an anonymous source with no reason, a cited document, an
    unattributed quote."""
    b = ReportBuilder(COUNCIL, path="local/library.txt")
    ruiz = b.source("Mayor Ann Ruiz")
    official = b.source("a city official", "anonymous_individual", mention="A city official")
    b.source("a memo seen by the Herald", "document")
    b.quote('"We had no choice,"', source=ruiz)
    b.quote('"The roof is failing."', source=ruiz, cue=None, resolution="floating")
    b.quote('"would not survive another winter."', "partial", source=official, cue_nth=1)
    b.quote('"This is a betrayal of the neighborhood."', cue=None)
    b.finding(
        "anonymous-without-reason",
        "warning",
        "Anonymous source gives no reason for anonymity.",
        "A city official",
        source_id=official,
    )
    b.finding(
        "unattributed-quote", "error", "Quotation has no speaker.", '"This is a betrayal', quote_id="q4"
    )
    return b.build()


@pytest.fixture
def nato() -> dict[str, Any]:
    return nato_report()


@pytest.fixture
def council() -> dict[str, Any]:
    return council_report()


@pytest.mark.parametrize("build", [nato_report, council_report])
def test_built_reports_are_valid(build: Any) -> None:
    validate_report(build())


def _lines(out: str) -> list[str]:
    return out.splitlines()


def _index(lines: list[str], fragment: str) -> int:
    """Index of the only line containing ``fragment``."""
    found = [n for n, line in enumerate(lines) if fragment in line]
    assert len(found) == 1, (fragment, found)
    return found[0]


# -- one article -------------------------------------------------------------------------------


def test_header_line(nato: dict[str, Any]) -> None:
    first = _lines(render_text([nato]))[0]
    assert first == "articles/nato-troops.md: 127 words, 5 quotes, 1 indirect, 2 sources (1 anonymous)"


def test_quotes_are_grouped_by_source(nato: dict[str, Any]) -> None:
    lines = _lines(render_text([nato]))
    jones = _index(lines, "Marine Gen. James L. Jones  [")
    source = _index(lines, "one NATO source  [")
    unattributed = _index(lines, "Unattributed")
    assert (
        jones
        < _index(lines, "the alliance would need")
        < _index(lines, "lose this one")
        < _index(lines, "political will")
        < source
    )
    assert source < _index(lines, "a matter of weeks") < _index(lines, "says no") < unattributed
    assert unattributed < _index(lines, "The mission is in trouble")
    assert lines[jones] == "  Marine Gen. James L. Jones  [s1, named_person]"
    assert lines[jones + 1] == "    commander of NATO’s military arm"


def test_source_flags(nato: dict[str, Any], council: dict[str, Any]) -> None:
    lines = _lines(render_text([nato]))
    assert "  one NATO source  [s2, anonymous_individual, ANONYMOUS]" in lines
    assert "    ground rules: anonymity_granted (12:22), background (12:111)" in lines
    assert '    reason for anonymity: "because he was not authorized to discuss the talks" (12:54)' in lines
    assert not any("ANONYMOUS" in line for line in lines if "Jones" in line)

    lines = _lines(render_text([council]))
    official = _index(lines, "a city official  [")
    assert lines[official] == "  a city official  [s2, anonymous_individual, ANONYMOUS]"
    assert lines[official + 1] == "    reason for anonymity: no reason given"
    memo = _index(lines, "a memo seen by the Herald  [")
    assert lines[memo : memo + 2] == [
        "  a memo seen by the Herald  [s3, document]",
        "    (cited, not quoted)",
    ]
    assert not any("ground rules" in line or "reason for anonymity" in line for line in lines[:official])


def test_quote_lines(nato: dict[str, Any]) -> None:
    lines = _lines(render_text([nato]))
    assert '    10:1    direct    "We are not going to lose this one,"  (explicit, "said")' in lines
    assert '    10:105  direct    "It is a matter of political will."  (floating, no cue)' in lines
    assert '    12:151  partial   "a matter of weeks"  (explicit, "said")' in lines
    assert '    14:1    direct    "Nobody wants to be the country that says no,"  (nominal, "said")' in lines
    # reported speech is not put in quotation marks
    assert (
        "    8:51    indirect  the alliance would need more troops in southern Afghanistan"
        '  (explicit, "said")'
    ) in lines
    assert (
        '    18:1    direct    "The mission is in trouble, and everyone in that room knows it."  (no cue)'
    ) in lines


def test_unattributed_quote_with_a_cue() -> None:
    b = ReportBuilder('"Mistakes were made," it was said.\n')
    b.quote('"Mistakes were made,"')
    lines = _lines(render_text([b.build()]))
    assert lines[1:3] == [
        "  Unattributed",
        '    1:1  direct  "Mistakes were made,"  ("said", speaker not found)',
    ]


def test_scare_quotes_and_titles_share_one_line(nato: dict[str, Any]) -> None:
    lines = _lines(render_text([nato]))
    assert '  Scare quotes: "surge" (20:25)  Titles: "Afghanistan 2010," (20:73)' in lines
    assert not any(re.match(r"\s+\d+:\d+\s+(scare|title)", line) for line in lines)


def test_findings_lines(nato: dict[str, Any]) -> None:
    findings = [
        line for line in _lines(render_text([nato])) if re.match(r"articles/nato-troops\.md:\d+:\d+ ", line)
    ]
    assert [re.split(r"\s{2,}", line) for line in findings] == [
        [
            "articles/nato-troops.md:10:105",
            "info",
            "floating-quote",
            "Quotation has no attribution cue; "
            "attributed to the previous speaker, Marine Gen. James L. Jones.",
        ],
        [
            "articles/nato-troops.md:18:1",
            "warning",
            "unattributed-quote",
            "Quotation has no speaker: no attribution cue in its sentence or the one before.",
        ],
        [
            "articles/nato-troops.md:20:25",
            "info",
            "scare-quote",
            "Scare quotes around “surge”: attribute the term or drop the quotation marks.",
        ],
    ]
    # columns are aligned
    assert (
        len({line.index("  info") if "  info" in line else line.index("  warning") for line in findings}) == 1
    )


def test_long_and_multiline_quotes_stay_on_one_short_line() -> None:
    words = " ".join(f"word{n}" for n in range(40))
    text = f"“{words[:120]}\n\n“{words[120:]}” she said.\n"
    b = ReportBuilder(text)
    b.source("Maria Lopez", mention="she")
    b.quote(text[: text.index("” she") + 1], source="s1", resolution="pronoun", paragraphs=2)
    report = b.build()
    validate_report(report)
    line = next(line for line in _lines(render_text([report])) if "word0" in line)
    shown = re.search(r'"(.*)"  \(', line)
    assert shown and shown.group(1).endswith("...") and len(shown.group(1)) <= 73
    assert "word1 word2" in shown.group(1)
    assert line.endswith('(pronoun, "said", 2 paragraphs)')


def test_control_characters_in_report_text_are_dropped() -> None:
    b = ReportBuilder('"Evil \x1b[31mred\x1b[0m text\x07," said Bob.\n')
    b.source("Bob")
    b.quote('"Evil \x1b[31mred\x1b[0m text\x07,"', source="s1")
    out = render_text([b.build()])
    assert "\x1b" not in out and "\x07" not in out
    assert '"Evil [31mred[0m text,"' in out


def test_article_without_quotes_or_findings() -> None:
    report = ReportBuilder("Nothing quoted here.\n").build()
    out = render_text([report])
    assert _lines(out) == [
        "articles/story.txt: 3 words, 0 quotes, 0 sources",
        "  No quotations.",
        "  No findings.",
        "",
        "Checked 1 file: 0 quotes; 0 errors, 0 warnings, 0 info",
    ]


# -- several articles, input errors, the summary ----------------------------------------------


def test_summary_line_over_all_articles(nato: dict[str, Any], council: dict[str, Any]) -> None:
    lines = _lines(render_text([nato, council]))
    # 5 + 4 quotes; 4 + 3 attributed; 2 + 1 from anonymous sources
    assert lines[-1] == (
        "Checked 2 files: 9 quotes, 77.8% attributed, 33.3% from anonymous sources; "
        "1 error, 2 warnings, 2 info"
    )
    assert lines.count("") == 2  # one blank line after each article
    assert _index(lines, "articles/nato-troops.md: ") < _index(lines, "local/library.txt: ")


def test_summary_of_one_article_uses_its_counts(council: dict[str, Any]) -> None:
    last = _lines(render_text([council]))[-1]
    assert last == (
        "Checked 1 file: 4 quotes, 75% attributed, 25% from anonymous sources; 1 error, 1 warning, 0 info"
    )


def test_input_errors_come_last_before_the_summary(council: dict[str, Any]) -> None:
    out = render_text(
        [council], errors=["missing.md: file not found", "bad.html: not valid UTF-8\n(byte 0xff at 12)"]
    )
    assert _lines(out)[-4:] == [
        "error: missing.md: file not found",
        "error: bad.html: not valid UTF-8 (byte 0xff at 12)",
        "",
        "Checked 1 file: 4 quotes, 75% attributed, 25% from anonymous sources; "
        "1 error, 1 warning, 0 info, 2 input errors",
    ]


def test_only_input_errors() -> None:
    assert render_text([], errors=["a.md: file not found"]) == (
        "error: a.md: file not found\n\n"
        "Checked 0 files: 0 quotes; 0 errors, 0 warnings, 0 info, 1 input error\n"
    )


# -- colour ------------------------------------------------------------------------------------


def test_no_escapes_without_colour_and_ascii_layout(nato: dict[str, Any], council: dict[str, Any]) -> None:
    out = render_text([nato, council], errors=["x.md: file not found"])
    assert "\x1b" not in out
    assert render_text([council], errors=["x.md: file not found"]).isascii()


def test_colour_styles_severities_and_names(nato: dict[str, Any], council: dict[str, Any]) -> None:
    plain = render_text([nato, council], errors=["x.md: file not found"])
    coloured = render_text([nato, council], color=True, errors=["x.md: file not found"])
    assert ANSI.search(coloured)
    assert click.unstyle(coloured) == plain
    assert click.style("Marine Gen. James L. Jones", bold=True) in coloured
    assert click.style("warning", fg="yellow") in coloured
    assert click.style("error", fg="red", bold=True) in coloured
    assert click.style("info", fg="cyan") in coloured


# -- golden ------------------------------------------------------------------------------------


def test_golden_example(nato: dict[str, Any], file_regression: Any) -> None:
    file_regression.check(render_text([nato]), extension=".txt")


def test_golden_several_articles(nato: dict[str, Any], council: dict[str, Any], file_regression: Any) -> None:
    out = render_text([nato, council], errors=["articles/missing.md: file not found"])
    file_regression.check(out, extension=".txt")


# -- JSON --------------------------------------------------------------------------------------


def test_render_json_one_report(nato: dict[str, Any]) -> None:
    out = render_json(nato)
    assert out.endswith("}\n") and '\n  "schema_version": "1.3.0",' in out
    assert "commander of NATO’s military arm" in out  # ensure_ascii=False
    assert json.loads(out) == nato
    assert render_json([nato]) == out


def test_render_json_several_reports(nato: dict[str, Any], council: dict[str, Any]) -> None:
    out = render_json([nato, council])
    assert json.loads(out) == {"reports": [nato, council]}
    assert json.loads(render_json([])) == {"reports": []}


def test_descriptor_of_anonymous_sources_is_shown():
    from quotecheck.testing import require_seed, stored_report

    out = render_text([stored_report(require_seed())])
    line = next(x for x in out.splitlines() if "described by:" in x)
    assert "affiliation NATO" in line and "no seniority" in line and "(1 of 5)" in line
    assert sum("described by:" in x for x in out.splitlines()) == 1  # named sources have none
