"""The rule registry, its catalogue, and rule settings (severity, off, options)."""

import re

from click.testing import CliRunner

from conftest import ARTICLES, ROOT, load_stored, require_seed
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
        "single-anonymous-source", "anonymous-share", "unbalanced-quote"}
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
    default = analyze(doc, parse)
    assert "anonymous-share" in _rules_fired(default)  # 4 of 5 quotations, limit 50%
    relaxed = analyze(doc, parse, rules={"anonymous-share": RuleSettings("warning", {"max": 0.9, "min-quotes": 3})})
    assert "anonymous-share" not in _rules_fired(relaxed)
    off = analyze(doc, parse, rules={"vague-source": None})
    assert "vague-source" in _rules_fired(default) and "vague-source" not in _rules_fired(off)
    louder = analyze(doc, parse, rules={"vague-source": RuleSettings("error", {})})
    assert {f["severity"] for f in louder["findings"] if f["rule"] == "vague-source"} == {"error"}


def test_lexicon_additions_change_what_is_found():
    doc, parse = load_stored(ARTICLES / "11-partial-quotes-verbs-titles.txt")
    from quotecheck.lexicons import default_lexicon

    before = [f for f in analyze(doc, parse)["findings"] if f["rule"] == "loaded-attribution-verb"]
    lex = default_lexicon().with_additions({"loaded-verbs": ["warn", "explain"]})
    after = [f for f in analyze(doc, parse, lexicon=lex)["findings"] if f["rule"] == "loaded-attribution-verb"]
    assert len(after) > len(before)
    assert any("warned" in f["message"] for f in after)


def test_seed_descriptor_and_findings():
    doc, parse = load_stored(require_seed())
    report = analyze(doc, parse)
    nato = next(s for s in report["sources"] if s["anonymous"])
    rules = {f["rule"] for f in report["findings"] if f.get("source_id") == nato["id"]}
    assert rules == {"anonymous-source", "background-source", "anonymity-unexplained"}
