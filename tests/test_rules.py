"""The rule registry, its catalogue, and rule settings (severity, off, options)."""

import re

import pytest

from click.testing import CliRunner

from quotecheck.testing import ARTICLES, ROOT, load_stored, require_seed
from quotecheck import cli
from quotecheck.api import analyze
from quotecheck.rules import RULES, RULES_BY_ID, RuleSettings
from quotecheck.rules.catalogue import markdown


def test_docs_rules_md_is_the_catalogue_of_the_code():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert text == markdown(), "docs/rules.md is stale: run `quotecheck rules --markdown > docs/rules.md`"
    sections = re.findall(r"^## (\S+)$", text, flags=re.M)
    assert sections == [r.id for r in RULES]
    for rule in RULES:
        body = text.split(f"## {rule.id}\n", 1)[1].split("\n## ", 1)[0]
        assert "**Fires:**" in body and "**Does not fire:**" in body and "**Basis.**" in body


def test_registry_is_complete_and_well_formed():
    assert set(RULES_BY_ID) == {
        "unattributed-quote", "anonymous-source", "anonymity-unexplained", "background-source",
        "vague-source", "weak-descriptor", "off-the-record", "plural-sources",
        "anonymous-declined-comment", "loaded-attribution-verb", "anonymous-pejorative",
        "single-anonymous-source", "anonymous-share", "unbalanced-quote", "unused-suppression",
        "unknown-suppression-rule"}
    for rule in RULES:
        assert rule.severity in ("error", "warning", "info")
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id)
        assert rule.summary.endswith(".") and "\n" not in rule.summary


def test_rules_command_lists_and_explains():
    runner = CliRunner()
    listed = runner.invoke(cli.main, ["rules"])
    assert listed.exit_code == 0
    for rule in RULES:
        assert re.search(rf"^{re.escape(rule.id)}\s+{rule.severity}\s", listed.output, flags=re.M)
    one = runner.invoke(cli.main, ["rules", "anonymous-share"])
    assert one.exit_code == 0 and "max (float, default 0.5" in one.output and "Fires:" in one.output
    typo = runner.invoke(cli.main, ["rules", "anonymus-share"])
    assert typo.exit_code == 2 and "anonymous-share" in typo.output


def _rules_fired(report):
    return [f["rule"] for f in report["findings"]]


def test_settings_switch_off_change_severity_and_set_options():
    doc, parse = load_stored(ARTICLES / "05-anonymous-groups-plant-closing.txt")
    default = analyze(doc, parse).report
    assert "anonymous-share" in _rules_fired(default)  # 4 of 5 quotations, limit 50%
    relaxed = analyze(doc, parse, rules={"anonymous-share": RuleSettings("warning", {"max": 0.9, "min-quotes": 3})}).report
    assert "anonymous-share" not in _rules_fired(relaxed)
    off = analyze(doc, parse, rules={"vague-source": None}).report
    assert "vague-source" in _rules_fired(default) and "vague-source" not in _rules_fired(off)
    louder = analyze(doc, parse, rules={"vague-source": RuleSettings("error", {})}).report
    assert {f["severity"] for f in louder["findings"] if f["rule"] == "vague-source"} == {"error"}


def test_lexicon_additions_change_what_is_found():
    doc, parse = load_stored(ARTICLES / "11-partial-quotes-verbs-titles.txt")
    from quotecheck.lexicons import default_lexicon

    before = [f for f in analyze(doc, parse).report["findings"] if f["rule"] == "loaded-attribution-verb"]
    lex = default_lexicon().with_additions({"loaded-verbs": ["warn", "explain"]})
    after = [f for f in analyze(doc, parse, lexicon=lex).report["findings"] if f["rule"] == "loaded-attribution-verb"]
    assert len(after) > len(before)
    assert any("warned" in f["message"] for f in after)


def test_seed_descriptor_and_findings():
    doc, parse = load_stored(require_seed())
    report = analyze(doc, parse).report
    nato = next(s for s in report["sources"] if s["anonymous"])
    rules = {f["rule"] for f in report["findings"] if f.get("source_id") == nato["id"]}
    assert rules == {"anonymous-source", "background-source", "anonymity-unexplained"}


# rule -> (fixture, source name it fires on, or None for a finding tied to no source / a quote),
#         and the near misses: (fixture, source name that must NOT get it, or None: nowhere in the file)
FIRES = {
    "unattributed-quote": [("12-unattributed-unbalanced.txt", None), ("33-unattributed-apartment-fire.txt", None)],
    "anonymous-source": [("24-trade-talks-descriptors.txt", "a senior State Department official")],
    "anonymity-unexplained": [("24-trade-talks-descriptors.txt", "A source")],
    "background-source": [("28-background-briefing-shipyard.txt", "two Navy officials")],
    "vague-source": [("24-trade-talks-descriptors.txt", "A source"), ("24-trade-talks-descriptors.txt", "An official")],
    "weak-descriptor": [("24-trade-talks-descriptors.txt", "an aide"), ("33-unattributed-apartment-fire.txt", "A person")],
    "off-the-record": [("26-off-record-hospital-declined.txt", "a member of the hospital"),
                       ("16-off-record-not-for-attribution.txt", "a trustee")],
    "plural-sources": [("25-plural-sources-hockey-arena.txt", "sources close to the team")],
    "anonymous-declined-comment": [("26-off-record-hospital-declined.txt", "A hospital administrator")],
    "loaded-attribution-verb": [("27-loaded-verbs-overtime-audit.txt", "Police Chief Ronald Esposito"),
                                ("31-opinion-column.md", "Mayor Brian Caldwell")],
    "anonymous-pejorative": [("29-anonymous-pejorative-senate.txt", "A senior Republican aide")],
    "single-anonymous-source": [("30-single-anonymous-superintendent.txt", "a district official")],
    "anonymous-share": [("30-single-anonymous-superintendent.txt", None)],
    "unbalanced-quote": [("12-unattributed-unbalanced.txt", None)],
    "unused-suppression": [("34-md-suppressions.md", None)],
    "unknown-suppression-rule": [("34-md-suppressions.md", None)],
}
NEAR_MISSES = {
    "unattributed-quote": [("32-corroborated-prison-closing.txt", None)],
    "anonymous-source": [("31-opinion-column.md", None)],
    "anonymity-unexplained": [("27-loaded-verbs-overtime-audit.txt", "A police sergeant"),  # reason comes last
                              ("06-reason-stated-later.txt", None)],
    "background-source": [("28-background-briefing-shipyard.txt", "Rep. Carol Danforth")],
    "weak-descriptor": [("24-trade-talks-descriptors.txt", "a senior State Department official"),
                        ("30-single-anonymous-superintendent.txt", None), ("nato-iraq-training.txt", None)],
    "off-the-record": [("01-layouts-said.txt", None)],
    "plural-sources": [("25-plural-sources-hockey-arena.txt", "Two people involved in the Cedar Falls talks")],
    "anonymous-declined-comment": [("25-plural-sources-hockey-arena.txt", None), ("31-opinion-column.md", None)],
    "loaded-attribution-verb": [("24-trade-talks-descriptors.txt", None)],
    "anonymous-pejorative": [("29-anonymous-pejorative-senate.txt", "A Democratic staff member"),
                             ("29-anonymous-pejorative-senate.txt", "Sen. Dolores Vance")],
    "single-anonymous-source": [("32-corroborated-prison-closing.txt", None)],
    "anonymous-share": [("32-corroborated-prison-closing.txt", None)],
    "unbalanced-quote": [("01-layouts-said.txt", None)],
    "unused-suppression": [("01-layouts-said.txt", None)],
    "unknown-suppression-rule": [("01-layouts-said.txt", None)],
    # the suppressed vague source in 34: the comment before its paragraph covers the finding
    "vague-source": [("24-trade-talks-descriptors.txt", "Two officials familiar with the negotiations"),
                     ("25-plural-sources-hockey-arena.txt", None), ("nato-iraq-training.txt", None),
                     ("34-md-suppressions.md", None)],
}


def _report(name):
    path = require_seed() if name == "nato-iraq-training.txt" else ARTICLES / name
    return analyze(*load_stored(path)).report


def _hits(report, rule, source_name):
    names = {s["id"]: s["name"] for s in report["sources"]}
    hits = [f for f in report["findings"] if f["rule"] == rule]
    if source_name is None:
        return hits
    return [f for f in hits if names.get(f.get("source_id"), "").startswith(source_name)]


@pytest.mark.parametrize("rule, name, source", [(r, n, s) for r, cases in FIRES.items() for n, s in cases])
def test_rule_fires(rule, name, source):
    assert _hits(_report(name), rule, source), f"{rule} should fire in {name} on {source or 'the article'}"


@pytest.mark.parametrize("rule, name, source", [(r, n, s) for r, cases in NEAR_MISSES.items() for n, s in cases])
def test_rule_near_miss(rule, name, source):
    assert not _hits(_report(name), rule, source), f"{rule} must not fire in {name} on {source or 'the article'}"


def test_every_rule_has_a_firing_fixture_and_a_near_miss():
    assert set(FIRES) == set(NEAR_MISSES) == set(RULES_BY_ID)
