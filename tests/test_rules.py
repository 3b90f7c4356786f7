"""The rule registry, its catalogue, rule settings (severity, off, options) and the rule cases."""

import dataclasses
import importlib
import pkgutil
import re

import pytest
from click.testing import CliRunner

from quotecheck import cli
from quotecheck.api import analyze
from quotecheck.documents import document_from_bytes
from quotecheck.parsing import from_conllu
from quotecheck.rules import RULES, RULES_BY_ID, RuleSettings, Stage
from quotecheck.rules.catalogue import markdown
from quotecheck.rules.registry import RULE_MODULES
from quotecheck.testing import ARTICLES, ROOT, SEED, load_stored, read_stored, require_seed, rule_cases
from quotecheck.vocab import Severity


def test_docs_rules_md_is_the_catalogue_of_the_code():
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert text == markdown(), "docs/rules.md is stale: run `quotecheck rules --markdown > docs/rules.md`"
    sections = re.findall(r"^## (\S+)$", text, flags=re.MULTILINE)
    assert sections == [r.id for r in RULES]
    for rule in RULES:
        body = text.split(f"## {rule.id}\n", 1)[1].split("\n## ", 1)[0]
        assert "**Fires:**" in body and "**Does not fire:**" in body and "**Basis.**" in body


def test_registry_is_complete_and_well_formed():
    assert set(RULES_BY_ID) == {
        "unattributed-quote",
        "anonymous-source",
        "anonymity-unexplained",
        "background-source",
        "vague-source",
        "weak-descriptor",
        "off-the-record",
        "plural-sources",
        "anonymous-declined-comment",
        "loaded-attribution-verb",
        "anonymous-pejorative",
        "single-anonymous-source",
        "anonymous-share",
        "unbalanced-quote",
        "unused-suppression",
        "unknown-suppression-rule",
    }
    for rule in RULES:
        assert rule.severity in ("error", "warning", "info")
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id)
        assert rule.summary.endswith(".") and "\n" not in rule.summary


def test_rules_command_lists_and_explains():
    runner = CliRunner()
    listed = runner.invoke(cli.main, ["rules"])
    assert listed.exit_code == 0
    for rule in RULES:
        assert re.search(rf"^{re.escape(rule.id)}\s+{rule.severity}\s", listed.output, flags=re.MULTILINE)
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
    relaxed = analyze(
        doc, parse, rules={"anonymous-share": RuleSettings("warning", {"max": 0.9, "min-quotes": 3})}
    ).report
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
    after = [
        f
        for f in analyze(doc, parse, lexicon=lex).report["findings"]
        if f["rule"] == "loaded-attribution-verb"
    ]
    assert len(after) > len(before)
    assert any("warned" in f["message"] for f in after)


def test_seed_descriptor_and_findings():
    doc, parse = load_stored(require_seed())
    report = analyze(doc, parse).report
    nato = next(s for s in report["sources"] if s["anonymous"])
    rules = {f["rule"] for f in report["findings"] if f.get("source_id") == nato["id"]}
    assert rules == {"anonymous-source", "background-source", "anonymity-unexplained"}


# --------------------------------------------------------------------------------------------
# Rule cases (fixtures/rules/<rule-id>/cases.yml): every one runs through the real analysis


def _load(case: rule_cases.RuleCase):
    """(Document, Parse) of a case: a fixture article's stored parse, or the case's own."""
    if case.article is not None:
        return load_stored(require_seed() if case.article == SEED.name else ARTICLES / case.article)
    assert case.text is not None
    doc = document_from_bytes(case.text.encode("utf-8"), case.path, case.format)
    return doc, from_conllu(read_stored(case.parse_file, doc.text))


def _settings(case: rule_cases.RuleCase) -> dict[str, RuleSettings] | None:
    if not case.options:
        return None
    rule = RULES_BY_ID[case.rule]
    return {rule.id: RuleSettings(rule.severity, {**rule.default_settings().options, **case.options})}


def _hits(report, rule, source_name):
    names = {s["id"]: s["name"] for s in report["sources"]}
    hits = [f for f in report["findings"] if f["rule"] == rule]
    if source_name is None:
        return hits
    return [f for f in hits if names.get(f.get("source_id"), "").startswith(source_name)]


CASES = rule_cases.all_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.label for c in CASES])
def test_rule_case(case: rule_cases.RuleCase) -> None:
    doc, parse = _load(case)
    hits = _hits(analyze(doc, parse, rules=_settings(case)).report, case.rule, case.source)
    article = case.path if case.text is not None else case.article
    where = f"{case.rule} in {article} on {case.source or 'the article'}"
    if case.expect == "passes":
        assert not hits, f"{where} must not fire: {[f['message'] for f in hits]}"
        return
    assert hits, f"{where} should fire"
    if case.at is not None:
        assert [doc.source[f["start"] : f["end"]] for f in hits] == list(case.at)


def test_every_rule_has_cases_and_its_examples_are_cases():
    assert rule_cases.rule_ids() == sorted(RULES_BY_ID)
    for rule in RULES:
        cases = rule_cases.load_cases(rule.id)
        for expect in rule_cases.EXPECTATIONS:
            assert any(c.expect == expect and c.example == expect and not c.options for c in cases), (
                f"{rule.id}: its {expect} example must be a {expect} case"
            )


def test_every_stored_case_parse_belongs_to_a_case():
    stored = set(rule_cases.CASES.glob("*/*.conllu"))
    assert stored == {c.parse_file for c in rule_cases.inline_cases()}


def test_a_stale_case_parse_fails():
    case = next(c for c in CASES if c.text is not None)
    with pytest.raises(AssertionError, match="is stale"):
        read_stored(case.parse_file, case.text + " Edited.")


def test_case_files_are_checked():
    with pytest.raises(ValueError, match="unknown case keys"):
        rule_cases._case("vague-source", "fires", {"article": "x.txt", "sources": "A"})


# --------------------------------------------------------------------------------------------
# Rule modules


def test_every_rule_module_is_registered_under_its_id():
    package = importlib.import_module("quotecheck.rules")
    with_rule = [
        name
        for _, name, _ in pkgutil.iter_modules(package.__path__)
        if hasattr(importlib.import_module(f"quotecheck.rules.{name}"), "RULE")
    ]
    assert sorted(with_rule) == sorted(m.__name__.rsplit(".", 1)[1] for m in RULE_MODULES)
    for module in RULE_MODULES:
        assert module.__name__.rsplit(".", 1)[1] == module.RULE.id.replace("-", "_")


def test_options_are_declared_once_and_typed():
    share = RULES_BY_ID["anonymous-share"]
    assert [(o.name, o.type, o.default) for o in share.options] == [
        ("max", float, 0.5),
        ("min-quotes", int, 3),
    ]
    ctx = share.context(RuleSettings("error", {"max": 1}))
    assert ctx.options.max == 1.0 and isinstance(ctx.options.max, float)
    assert ctx.options.min_quotes == 3  # the declared default fills what the settings leave out
    assert ctx.severity is Severity.ERROR
    assert share.default_settings() == RuleSettings("warning", {"max": 0.5, "min-quotes": 3})


def test_suppression_rules_are_reported_by_the_suppression_stage():
    staged = [r.id for r in RULES if r.stage is Stage.SUPPRESSION]
    assert staged == ["unused-suppression", "unknown-suppression-rule"]
    assert all((r.check is None) == (r.stage is Stage.SUPPRESSION) for r in RULES)
    with pytest.raises(ValueError, match="check is required"):
        dataclasses.replace(RULES_BY_ID["vague-source"], check=None)


def test_messages_count_in_words_and_punctuate_the_name() -> None:
    """ "1 quotation", "2 reported claims" (no "(s)"); the anonymous source's name is followed by
    a colon or its ground rule before "the article gives no reason" (issue 12)."""
    from quotecheck.testing import stored_report

    messages = [f["message"] for p in sorted(ARTICLES.iterdir()) for f in stored_report(p)["findings"]]
    assert not [m for m in messages if "(s)" in m]
    assert any(re.search(r": 1 quotation(?: and|$)", m) for m in messages)
    unexplained = [m for m in messages if "the article gives no reason" in m]
    assert unexplained and all(re.search(r"[;:] the article gives no reason", m) for m in unexplained)
    assert any("”: the article gives no reason" in m for m in unexplained)
