"""Newsroom policy configuration: discovery, extends, overrides, options, lexicon additions,
the one-line errors (through `quotecheck config`), and the config schema against the registry.

Fast: no model, only temporary folders of TOML files.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from quotecheck import cli
from quotecheck.lexicons import default_lexicon
from quotecheck.policy import (
    CONFIG_NAMES,
    CONFIG_SCHEMA_ID,
    LEXICON_KEYS,
    ConfigError,
    Policy,
    PolicyCache,
    compile_glob,
    config_schema,
    discover_config,
    load_policy,
)
from quotecheck.rules import RULES_BY_ID, RuleSettings
from quotecheck.testing import ROOT

SCHEMA_PATH = ROOT / "schemas" / "config.schema.json"

EXAMPLE = """\
# quotecheck.toml
fail-on = "warning"
[rules]
loaded-attribution-verb = "off"
anonymous-share = { severity = "warning", max = 0.5 }
[lexicon]
anonymity-phrases = ["agreed to speak only if"]
[[overrides]]
paths = ["opinion/**"]
rules = { loaded-attribution-verb = "off" }
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A scratch newsroom folder, also the working directory (messages show relative paths)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_config(*args: str):
    return CliRunner().invoke(cli.main, ["config", *args])


# --- discovery ----------------------------------------------------------------------------


def test_no_config_gives_defaults(tree):
    article = write(tree / "news" / "a.md", "text")
    assert discover_config(article) is None
    policy = load_policy(article)
    assert policy.files == () and policy.fail_on is None
    assert set(policy.rules) == set(RULES_BY_ID)
    assert policy.rules == {rid: r.default_settings() for rid, r in RULES_BY_ID.items()}
    assert set(policy.lexicon) == set(LEXICON_KEYS) and not any(policy.lexicon.values())


def test_closest_config_wins_without_merging_parents(tree):
    top = write(tree / "quotecheck.toml", 'fail-on = "info"\n[rules]\nvague-source = "error"\n')
    near = write(tree / "desk" / "quotecheck.toml", '[rules]\nweak-descriptor = "off"\n')
    assert discover_config(tree / "desk" / "sub" / "a.md") == near
    assert discover_config(tree / "desk") == near  # a directory is searched from itself
    assert discover_config(tree / "other" / "a.md") == top
    policy = load_policy(tree / "desk" / "sub" / "a.md")
    assert policy.files == (str(near),)
    assert policy.fail_on is None  # the parent's fail-on is not merged in
    assert policy.rules["vague-source"] == RULES_BY_ID["vague-source"].default_settings()
    assert policy.rules["weak-descriptor"] is None
    assert load_policy(tree / "a.md").fail_on == "info"


def test_precedence_within_one_directory(tree):
    names = {}
    for name in CONFIG_NAMES:
        body = '[tool.quotecheck]\nfail-on = "info"\n' if name == "pyproject.toml" else 'fail-on = "info"\n'
        names[name] = write(tree / name, body)
    article = tree / "a.md"
    assert discover_config(article) == names["quotecheck.toml"]
    names["quotecheck.toml"].unlink()
    assert discover_config(article) == names[".quotecheck.toml"]
    names[".quotecheck.toml"].unlink()
    assert discover_config(article) == names["pyproject.toml"]
    assert load_policy(article).fail_on == "info"


def test_pyproject_without_table_is_skipped(tree):
    top = write(tree / ".quotecheck.toml", 'fail-on = "warning"\n')
    write(tree / "site" / "pyproject.toml", '[project]\nname = "site"\n\n[tool.ruff]\nline-length = 99\n')
    assert discover_config(tree / "site" / "a.md") == top
    assert load_policy(tree / "site" / "a.md").fail_on == "warning"
    # ... while one with the table is a configuration, even an empty one
    inner = write(tree / "site" / "pyproject.toml", '[project]\nname = "site"\n[tool.quotecheck]\n')
    assert discover_config(tree / "site" / "a.md") == inner
    assert load_policy(tree / "site" / "a.md").fail_on is None


def test_explicit_config_replaces_discovery(tree):
    write(tree / "quotecheck.toml", 'fail-on = "info"\n')
    explicit = write(tree / "policies" / "strict.toml", 'fail-on = "warning"\n')
    policy = load_policy(tree / "a.md", explicit)
    assert policy.files == (str(explicit),) and policy.fail_on == "warning"
    # a pyproject.toml given explicitly is read from its [tool.quotecheck] table
    py = write(tree / "policies" / "pyproject.toml", '[tool.quotecheck]\nfail-on = "error"\n')
    assert load_policy(tree / "a.md", py).fail_on == "error"


def test_stdin_discovers_from_the_working_directory(tree):
    write(
        tree / "quotecheck.toml",
        'fail-on = "info"\n[[overrides]]\npaths = ["**"]\nrules = { vague-source = "off" }\n',
    )
    for name in ("-", "<stdin>"):
        policy = load_policy(name)
        assert policy.fail_on == "info"
        assert policy.rules["vague-source"] is not None  # standard input has no path: no override applies


# --- rules, options, lexicon --------------------------------------------------------------


def test_example_config(tree):
    write(tree / "quotecheck.toml", EXAMPLE)
    policy = load_policy(tree / "news" / "a.md")
    assert policy.fail_on == "warning"
    assert policy.rules["loaded-attribution-verb"] is None
    assert policy.rules["anonymous-share"] == RuleSettings("warning", {"max": 0.5, "min-quotes": 3})
    assert policy.rules["single-anonymous-source"] == RuleSettings("warning", {"lede-paragraphs": 2})
    assert policy.lexicon["anonymity-phrases"] == ("agreed to speak only if",)
    assert load_policy(tree / "opinion" / "a.md").rules["loaded-attribution-verb"] is None


def test_severities_and_options(tree):
    write(
        tree / "quotecheck.toml",
        """\
[rules]
anonymous-source = "warning"
unattributed-quote = "info"
vague-source = "off"
anonymous-share = { max = 0.25, min-quotes = 5 }
single-anonymous-source = { severity = "error", lede-paragraphs = 3 }
weak-descriptor = { severity = "off" }
off-the-record = { }
""",
    )
    rules = load_policy(tree / "a.md").rules
    assert rules["anonymous-source"] == RuleSettings("warning", {})
    assert rules["unattributed-quote"] == RuleSettings("info", {})
    assert rules["vague-source"] is None and rules["weak-descriptor"] is None
    # no severity in the table: the default severity stays
    assert rules["anonymous-share"] == RuleSettings("warning", {"max": 0.25, "min-quotes": 5})
    assert rules["single-anonymous-source"] == RuleSettings("error", {"lede-paragraphs": 3})
    assert rules["off-the-record"] == RULES_BY_ID["off-the-record"].default_settings()


def test_integer_given_for_a_float_option_is_a_float(tree):
    write(tree / "quotecheck.toml", "[rules]\nanonymous-share = { max = 1 }\n")
    value = load_policy(tree / "a.md").rules["anonymous-share"].options["max"]
    assert value == 1.0 and isinstance(value, float)


def test_lexicon_additions(tree):
    write(
        tree / "quotecheck.toml",
        """\
[lexicon]
anonymity-phrases = ["agreed to speak only if", "  spoke   freely on condition "]
reason-clauses = ["feared for their jobs"]
loaded-verbs = ["opine"]
pejorative-cues = ["crook"]
vague-descriptors = ["insider"]
speech-verbs = ["quip"]
titles = ["Supt."]
corroboration-phrases = ["independently confirmed", "agreed to speak only if"]
""",
    )
    lexicon = load_policy(tree / "a.md").lexicon
    assert list(lexicon) == list(LEXICON_KEYS)
    assert lexicon["anonymity-phrases"] == ("agreed to speak only if", "spoke freely on condition")
    assert lexicon["titles"] == ("Supt.",)
    # every key is one the Lexicon itself accepts
    extended = default_lexicon().with_additions(lexicon)
    assert "opine" in extended.loaded_verbs and "Supt" in extended.titles


# --- extends ------------------------------------------------------------------------------


def test_extends_chain_with_relative_paths(tree):
    base = write(
        tree / "shared" / "base.toml",
        """\
fail-on = "info"
[rules]
anonymous-share = { severity = "error", max = 0.3 }
vague-source = "error"
[lexicon]
titles = ["Supt"]
[[overrides]]
paths = ["opinion/**"]
rules = { vague-source = "off" }
""",
    )
    middle = write(
        tree / "shared" / "desk" / "middle.toml",
        'extends = "../base.toml"\n'
        '[rules]\nanonymous-share = { min-quotes = 5 }\n[lexicon]\ntitles = ["Cmdr", "Supt"]\n',
    )
    top = write(
        tree / "news" / "quotecheck.toml",
        """\
extends = "../shared/desk/middle.toml"
fail-on = "warning"
[rules]
vague-source = "warning"
[lexicon]
titles = ["Amb"]
[[overrides]]
paths = ["briefs/*.md"]
rules = { vague-source = "info" }
""",
    )
    policy = load_policy(tree / "news" / "a.md")
    assert policy.files == (str(base), str(middle), str(top))
    assert policy.fail_on == "warning"
    # tables merged key by key: base's severity and max, middle's min-quotes
    assert policy.rules["anonymous-share"] == RuleSettings("error", {"max": 0.3, "min-quotes": 5})
    assert policy.rules["vague-source"] == RuleSettings("warning", {})
    assert policy.lexicon["titles"] == ("Supt", "Cmdr", "Amb")  # concatenated, base first
    assert load_policy(tree / "news" / "briefs" / "b.md").rules["vague-source"] == RuleSettings("info", {})
    # the base's override is relative to the base's folder, not to the file that extends it
    assert load_policy(tree / "news" / "opinion" / "c.md").rules["vague-source"] is not None
    assert load_policy(tree / "shared" / "opinion" / "c.md", top).rules["vague-source"] is None


def test_extends_absolute_path_and_pyproject(tree):
    base = write(tree / "elsewhere" / "base.toml", 'fail-on = "info"\n')
    py = write(tree / "site" / "pyproject.toml", f"[tool.quotecheck]\nextends = {json.dumps(str(base))}\n")
    policy = load_policy(tree / "site" / "a.md")
    assert policy.files == (str(base), str(py)) and policy.fail_on == "info"


def test_extending_file_overrides_base_fail_on_and_off(tree):
    write(tree / "base.toml", 'fail-on = "info"\n[rules]\nvague-source = "off"\n')
    write(
        tree / "quotecheck.toml",
        'extends = "base.toml"\nfail-on = "error"\n[rules]\nvague-source = "error"\n',
    )
    policy = load_policy(tree / "a.md")
    assert policy.fail_on == "error" and policy.rules["vague-source"] == RuleSettings("error", {})


# --- overrides ----------------------------------------------------------------------------


def test_override_turns_rule_off_only_under_its_paths(tree):
    write(
        tree / "quotecheck.toml",
        '[rules]\nloaded-attribution-verb = "warning"\n'
        '[[overrides]]\npaths = ["opinion/**"]\n'
        'rules = { loaded-attribution-verb = "off" }\n'
        'lexicon = { loaded-verbs = ["opine"] }\n',
    )
    on = RuleSettings("warning", {})
    assert load_policy(tree / "news" / "a.md").rules["loaded-attribution-verb"] == on
    assert load_policy(tree / "opinions" / "a.md").rules["loaded-attribution-verb"] == on
    assert load_policy(tree / "a.md").rules["loaded-attribution-verb"] == on
    for path in ("opinion/a.md", "opinion/columns/2024/b.html"):
        policy = load_policy(tree / path)
        assert policy.rules["loaded-attribution-verb"] is None
        assert policy.lexicon["loaded-verbs"] == ("opine",)
    assert load_policy(tree / "news" / "a.md").lexicon["loaded-verbs"] == ()
    # a config applied to files outside its folder: only ../ patterns reach them
    assert (
        load_policy(tree.parent / "opinion" / "a.md", tree / "quotecheck.toml").rules[
            "loaded-attribution-verb"
        ]
        == on
    )


def test_later_overrides_win(tree):
    write(
        tree / "quotecheck.toml",
        """\
[[overrides]]
paths = ["**/*.md"]
rules = { vague-source = "error", anonymous-share = { max = 0.2 } }
[[overrides]]
paths = ["wire/**"]
rules = { vague-source = "info" }
[[overrides]]
paths = ["wire/ap/**"]
rules = { anonymous-share = { severity = "info" } }
""",
    )
    assert load_policy(tree / "local" / "a.md").rules["vague-source"].severity == "error"
    assert load_policy(tree / "local" / "a.txt").rules["vague-source"].severity == "warning"
    wire = load_policy(tree / "wire" / "ap" / "a.md").rules
    assert wire["vague-source"].severity == "info"
    assert wire["anonymous-share"] == RuleSettings("info", {"max": 0.2, "min-quotes": 3})


@pytest.mark.parametrize(
    "pattern,path,matches",
    [
        ("opinion/**", "opinion/a.md", True),
        ("opinion/**", "opinion/x/y/a.md", True),
        ("opinion/**", "opinions/a.md", False),
        ("opinion/**", "news/opinion/a.md", False),
        ("opinion/", "opinion/x/a.md", True),
        ("**/opinion/*.md", "news/opinion/a.md", True),
        ("**/opinion/*.md", "opinion/a.md", True),
        ("**/opinion/*.md", "opinion/x/a.md", False),
        ("a/**/b.md", "a/b.md", True),
        ("a/**/b.md", "a/x/y/b.md", True),
        ("*.html", "deep/down/page.html", True),  # no slash: a file name at any depth
        ("./drafts/*.md", "drafts/a.md", True),
        ("drafts/?.md", "drafts/a.md", True),
        ("drafts/?.md", "drafts/ab.md", False),
        ("drafts/[ab].md", "drafts/b.md", True),
        ("drafts/[!ab].md", "drafts/b.md", False),
        ("drafts/*", "drafts/x/a.md", False),
        # pathspec's "gitignore" semantics: a pattern naming a directory matches the files inside
        ("opinion", "news/opinion/a.md", True),
        ("drafts/x", "drafts/x/a.md", True),
        ("*.md", "a.md/b.txt", True),
        # quotecheck's own: a trailing / stays relative to the config's folder (git: at any depth)
        ("opinion/", "news/opinion/a.md", False),
        ("../shared/*.md", "../shared/a.md", True),
    ],
)
def test_glob_patterns(pattern, path, matches):
    assert compile_glob(pattern).matches(path) is matches


@pytest.mark.parametrize(
    "pattern,why",
    [
        ("drafts/[ab.md", "unclosed '['"),
        ("drafts/[z-a].md", "bad character range z-a"),
        ("!drafts/**", "negation"),
        ("#drafts", "comment"),
    ],
)
def test_unusable_glob_patterns(pattern, why):
    with pytest.raises(ValueError, match=re.escape(why)):
        compile_glob(pattern)


# --- the cache ----------------------------------------------------------------------------


def test_policy_cache_parses_each_config_once(tree, monkeypatch):
    write(tree / "base.toml", 'fail-on = "info"\n')
    write(tree / "quotecheck.toml", 'extends = "base.toml"\n')
    write(tree / "desk" / ".quotecheck.toml", 'extends = "../base.toml"\n[rules]\nvague-source = "off"\n')
    write(tree / "site" / "pyproject.toml", '[project]\nname = "x"\n')  # read while searching, once

    calls: list[int] = []
    real = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text, **kw: calls.append(1) or real(text, **kw))
    cache = PolicyCache()
    paths = [tree / d / f"{i}.md" for d in ("", "desk", "desk/sub", "site", "site/x") for i in range(5)]
    policies = [cache.policy_for(p) for p in paths]
    assert len(calls) == 4  # base.toml, quotecheck.toml, desk/.quotecheck.toml, site/pyproject.toml
    assert all(p.fail_on == "info" for p in policies)
    assert policies[5].rules["vague-source"] is None and policies[0].rules["vague-source"] is not None
    assert cache.policy_for(paths[0]) == policies[0]
    assert len(calls) == 4


def test_errors_are_raised_again_from_a_cache(tree):
    write(tree / "quotecheck.toml", "[rules]\nnope = 'off'\n")
    cache = PolicyCache()
    for _ in range(2):
        with pytest.raises(ConfigError):
            cache.policy_for(tree / "a.md")


# --- the config command -------------------------------------------------------------------


def test_config_command_toml_round_trips(tree):
    write(tree / "quotecheck.toml", EXAMPLE)
    result = run_config("opinion/a.md")
    assert result.exit_code == 0, result.output
    assert str(tree / "quotecheck.toml") in result.output
    document = tomllib.loads(result.output)
    assert document["fail-on"] == "warning"
    assert document["rules"]["loaded-attribution-verb"] == "off"
    assert document["rules"]["anonymous-share"] == {"severity": "warning", "max": 0.5, "min-quotes": 3}
    assert set(document["rules"]) == set(RULES_BY_ID)
    assert not list(Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).iter_errors(document))
    # written out and used as --config, it gives the same policy
    write(tree / "effective.toml", result.output)
    again = load_policy(tree / "x.md", tree / "effective.toml")
    original = load_policy(tree / "opinion" / "a.md")
    assert (again.rules, again.lexicon, again.fail_on) == (original.rules, original.lexicon, original.fail_on)


def test_config_command_without_config_and_fail_on(tree):
    result = run_config()
    assert result.exit_code == 0, result.output
    assert "no config file found" in result.output and "fail-on is not set" in result.output
    assert tomllib.loads(result.output)["rules"]["unattributed-quote"] == "error"


def test_config_command_json(tree):
    write(tree / "quotecheck.toml", EXAMPLE)
    result = run_config("news/a.md", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["path"] == "news/a.md"
    assert data["files"] == [str(tree / "quotecheck.toml")]
    assert data["fail-on"] == "warning"
    assert data["rules"]["loaded-attribution-verb"] == {"severity": "off", "options": {}}
    assert data["rules"]["anonymous-share"] == {
        "severity": "warning",
        "options": {"max": 0.5, "min-quotes": 3},
    }
    assert data["lexicon"]["anonymity-phrases"] == ["agreed to speak only if"]
    assert data == {"path": "news/a.md", **load_policy(tree / "news" / "a.md").to_dict()}


def test_config_command_explicit_config(tree):
    write(tree / "strict.toml", 'fail-on = "info"\n')
    result = run_config("--config", "strict.toml", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.output)["fail-on"] == "info"


# --- errors -------------------------------------------------------------------------------

# (file contents, key named, fragments of the expectation)
ERRORS = [
    ('fail-on = "warning"\n[rules\n', "line 2, column", ["valid TOML"]),
    (
        'fail_on = "warning"\n',
        "fail_on",
        [
            "unknown top-level key",
            "extends, fail-on, extensions, rules, lexicon, overrides",
            "did you mean fail-on",
        ],
    ),
    ('fail-on = "off"\n', "fail-on", ['"error", "warning" or "info"', 'got string "off"']),
    ("fail-on = 1\n", "fail-on", ['"error", "warning" or "info"', "got integer 1"]),
    ('[rules]\nanonymous-shar = "off"\n', "rules.anonymous-shar", ["unknown rule id", "anonymous-share"]),
    (
        '[rules]\nno-such-thing = "off"\n',
        "rules.no-such-thing",
        ["unknown rule id", "unattributed-quote", "unbalanced-quote"],
    ),
    (
        '[rules]\nvague-source = "warn"\n',
        "rules.vague-source",
        ['"off", "error", "warning" or "info"', 'got string "warn"', "did you mean warning"],
    ),
    (
        "[rules]\nvague-source = 2\n",
        "rules.vague-source",
        ['"off", "error", "warning" or "info"', "or a table", "got integer 2"],
    ),
    (
        '[rules]\nanonymous-share = { severity = "high" }\n',
        "rules.anonymous-share.severity",
        ['"off", "error", "warning" or "info"', 'got string "high"'],
    ),
    (
        "[rules]\nanonymous-share = { maximum = 0.2 }\n",
        "rules.anonymous-share.maximum",
        ["unknown option for rule anonymous-share", "severity, max, min-quotes", "did you mean max"],
    ),
    (
        "[rules]\nvague-source = { max = 0.2 }\n",
        "rules.vague-source.max",
        ["takes no options", "only severity"],
    ),
    (
        '[rules]\nanonymous-share = { max = "50%" }\n',
        "rules.anonymous-share.max",
        ["a number from 0 to 1", 'got string "50%"'],
    ),
    (
        "[rules]\nanonymous-share = { max = true }\n",
        "rules.anonymous-share.max",
        ["a number from 0 to 1", "got boolean true"],
    ),
    (
        "[rules]\nanonymous-share = { min-quotes = 2.5 }\n",
        "rules.anonymous-share.min-quotes",
        ["an integer >= 1", "got float 2.5"],
    ),
    (
        "[rules]\nanonymous-share = { max = 1.5 }\n",
        "rules.anonymous-share.max",
        ["a number from 0 to 1", "got float 1.5", "out of range"],
    ),
    (
        "[rules]\nsingle-anonymous-source = { lede-paragraphs = 0 }\n",
        "rules.single-anonymous-source.lede-paragraphs",
        ["an integer >= 1", "got integer 0", "out of range"],
    ),
    ('rules = "off"\n', "rules", ["a table of rule ids"]),
    (
        '[lexicon]\nanonymity-phrase = ["x"]\n',
        "lexicon.anonymity-phrase",
        ["unknown lexicon key", "corroboration-phrases", "did you mean anonymity-phrases"],
    ),
    ('[lexicon]\ntitles = "Supt"\n', "lexicon.titles", ["a list of single words", 'got string "Supt"']),
    ('[lexicon]\ntitles = ["Supt", 3]\n', "lexicon.titles[1]", ["a string", "got integer 3"]),
    ('[lexicon]\nreason-clauses = ["   "]\n', "lexicon.reason-clauses[0]", ["a non-empty string"]),
    (
        '[lexicon]\nanonymity-phrases = ["spoke (only )?on background"]\n',
        "lexicon.anonymity-phrases[0]",
        ["a plain phrase, not a regular expression", "( ) ?"],
    ),
    ('[lexicon]\nloaded-verbs = ["lashed out"]\n', "lexicon.loaded-verbs[0]", ["a single word"]),
    ("lexicon = []\n", "lexicon", ["a table of word lists", "got an array"]),
    ('[overrides]\npaths = ["a/**"]\n', "overrides", ["an array of tables ([[overrides]])", "got a table"]),
    (
        '[[overrides]]\nrules = { vague-source = "off" }\n',
        "overrides[0].paths",
        ["a list of glob patterns", "missing"],
    ),
    (
        '[[overrides]]\npaths = "opinion/**"\nrules = { vague-source = "off" }\n',
        "overrides[0].paths",
        ["a non-empty list of glob patterns", 'got string "opinion/**"'],
    ),
    (
        '[[overrides]]\npaths = []\nrules = { vague-source = "off" }\n',
        "overrides[0].paths",
        ["a non-empty list of glob patterns", "got an array"],
    ),
    (
        '[[overrides]]\npaths = ["a/**"]\nrules = {}\n[[overrides]]\npaths = ["/abs/**"]\nrules = {}\n',
        "overrides[1].paths[0]",
        ["relative to the config's folder", '"/abs/**"'],
    ),
    (
        '[[overrides]]\npaths = ["a/**", 7]\nrules = {}\n',
        "overrides[0].paths[1]",
        ["a glob pattern", "got integer 7"],
    ),
    (
        '[[overrides]]\npaths = ["drafts/[ab.md"]\nrules = {}\n',
        "overrides[0].paths[0]",
        ["a valid glob pattern", "unclosed '['"],
    ),
    ('[[overrides]]\npaths = ["a/**"]\n', "overrides[0]", ["rules or lexicon"]),
    (
        '[[overrides]]\npath = ["a/**"]\nrules = {}\n',
        "overrides[0].path",
        ["unknown override key", "paths, rules, lexicon", "did you mean paths"],
    ),
    (
        '[[overrides]]\npaths = ["a/**"]\nrules = { vague-sorce = "off" }\n',
        "overrides[0].rules.vague-sorce",
        ["unknown rule id", "vague-source"],
    ),
    (
        '[[overrides]]\npaths = ["a/**"]\nlexicon = { titels = ["x"] }\n',
        "overrides[0].lexicon.titels",
        ["unknown lexicon key", "did you mean titles"],
    ),
    ("extends = 3\n", "extends", ["the path of a configuration file", "got integer 3"]),
    (
        'extends = "missing/base.toml"\n',
        "extends",
        ["an existing configuration file", "missing/base.toml", "does not exist"],
    ),
    ('extends = "quotecheck.toml"\n', "extends", ["without a cycle", "quotecheck.toml -> quotecheck.toml"]),
]


@pytest.mark.parametrize("text,key,expected", ERRORS, ids=[e[1] + f"-{i}" for i, e in enumerate(ERRORS)])
def test_config_errors_through_the_cli(tree, text, key, expected):
    write(tree / "quotecheck.toml", text)
    write(tree / "news" / "a.md", "text")
    for args in (["news/a.md"], ["--config", "quotecheck.toml", "news/a.md"]):
        result = run_config(*args)
        assert result.exit_code == 2, result.output
        message = result.output.strip()
        assert "\n" not in message
        assert message.startswith(f"quotecheck: quotecheck.toml: {key}"), message
        for fragment in expected:
            assert fragment in message, (fragment, message)


def test_error_in_pyproject_names_the_tool_table(tree):
    write(
        tree / "pyproject.toml",
        '[project]\nname = "x"\n[tool.quotecheck.rules]\nanonymous-share = { max = 3 }\n',
    )
    result = run_config()
    assert result.exit_code == 2
    assert result.output.strip() == (
        "quotecheck: pyproject.toml: tool.quotecheck.rules.anonymous-share.max: "
        "expected a number from 0 to 1, got integer 3 (out of range)"
    )
    write(tree / "pyproject.toml", '[tool]\nquotecheck = "strict"\n')
    result = run_config()
    assert result.exit_code == 2 and "pyproject.toml: tool.quotecheck: expected a table" in result.output


def test_explicit_pyproject_without_table(tree):
    write(tree / "pyproject.toml", '[project]\nname = "x"\n')
    result = run_config("--config", "pyproject.toml")
    assert result.exit_code == 2
    assert "pyproject.toml: tool.quotecheck: expected a [tool.quotecheck] table" in result.output


def test_missing_explicit_config(tree):
    result = run_config("--config", "nope.toml")
    assert result.exit_code == 2
    assert (
        result.output.strip() == "quotecheck: nope.toml: --config: expected a configuration file, not found"
    )


def test_extends_cycle_across_files(tree):
    write(tree / "a.toml", 'extends = "b/b.toml"\n')
    write(tree / "b" / "b.toml", 'extends = "../a.toml"\n')
    write(tree / "quotecheck.toml", 'extends = "a.toml"\n')
    result = run_config()
    assert result.exit_code == 2
    message = result.output.strip()
    assert message.startswith(
        "quotecheck: b/b.toml: extends: expected a chain of configurations without a cycle"
    )
    assert "a.toml -> b/b.toml -> a.toml" in message


def test_error_in_a_base_names_the_base(tree):
    write(tree / "shared" / "base.toml", "[rules]\nanonymous-share = { max = -1 }\n")
    write(tree / "quotecheck.toml", 'extends = "shared/base.toml"\n')
    result = run_config()
    assert result.exit_code == 2
    assert result.output.startswith("quotecheck: shared/base.toml: rules.anonymous-share.max: ")


def test_file_outside_the_working_directory_is_named_absolutely(tmp_path, monkeypatch):
    bad = write(tmp_path / "cfg" / "quotecheck.toml", 'fail-on = "never"\n')
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    with pytest.raises(ConfigError) as info:
        load_policy("-", bad)
    assert str(info.value).startswith(f"{bad}: fail-on: expected ")
    assert (info.value.file, info.value.key) == (str(bad), "fail-on")


def test_bad_extends_to_a_pyproject_without_table(tree):
    write(tree / "other" / "pyproject.toml", "[project]\n")
    write(tree / "quotecheck.toml", 'extends = "other/pyproject.toml"\n')
    result = run_config()
    assert result.exit_code == 2
    assert "other/pyproject.toml: tool.quotecheck: expected a [tool.quotecheck] table" in result.output


# --- the schema ---------------------------------------------------------------------------


def stored_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_schema_is_strict_2020_12_with_versioned_id():
    schema = stored_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert (
        schema["$id"] == CONFIG_SCHEMA_ID == "https://quotecheck.dev/schemas/config/1.0.0/config.schema.json"
    )
    assert schema["additionalProperties"] is False
    for name in ("rules", "lexicon", "override"):
        assert schema["$defs"][name]["additionalProperties"] is False


def test_schema_rules_and_options_match_the_registry():
    schema = stored_schema()
    rules = schema["$defs"]["rules"]["properties"]
    assert list(rules) == list(RULES_BY_ID)
    for rule_id, rule in RULES_BY_ID.items():
        table = next(alt for alt in rules[rule_id]["anyOf"] if alt.get("type") == "object")
        assert table["additionalProperties"] is False
        assert list(table["properties"]) == ["severity", *(o.name for o in rule.options)], rule_id
        for option in rule.options:
            prop = table["properties"][option.name]
            assert (
                prop["type"] == {float: "number", int: "integer", bool: "boolean", str: "string"}[option.type]
            )
            assert (prop.get("minimum"), prop.get("maximum"), prop["default"]) == (
                option.minimum,
                option.maximum,
                option.default,
            )
    assert list(schema["$defs"]["lexicon"]["properties"]) == list(LEXICON_KEYS)


def test_stored_schema_is_the_generated_one():
    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("description", "title")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    assert strip(stored_schema()) == strip(config_schema()), (
        "regenerate: .venv/bin/python -m quotecheck.policy schema > schemas/config.schema.json"
    )


def test_example_validates_against_the_schema():
    validator = Draft202012Validator(stored_schema())
    assert not list(validator.iter_errors(tomllib.loads(EXAMPLE)))


@pytest.mark.parametrize(
    "text",
    [
        'fail_on = "warning"\n',
        '[rules]\nanonymous-shar = "off"\n',
        "[rules]\nanonymous-share = { max = 1.5 }\n",
        "[rules]\nanonymous-share = { maximum = 0.5 }\n",
        '[rules]\nvague-source = "warn"\n',
        '[lexicon]\ntitles = ["Supt", 3]\n',
        '[lexicon]\nanonymity-phrases = ["\\\\bspoke"]\n',
        '[[overrides]]\npaths = ["/abs/**"]\nrules = {}\n',
        '[[overrides]]\npaths = ["a/**"]\n',
    ],
)
def test_schema_rejects_what_policy_rejects(tree, text):
    assert list(Draft202012Validator(stored_schema()).iter_errors(tomllib.loads(text)))
    write(tree / "quotecheck.toml", text)
    with pytest.raises(ConfigError):
        load_policy(tree / "a.md")


def test_policy_is_frozen_and_error_is_one_line(tree):
    write(tree / "quotecheck.toml", '[rules]\nvague-source = "off"\n')
    policy = load_policy(tree / "a.md")
    assert isinstance(policy, Policy)
    with pytest.raises(AttributeError):
        policy.fail_on = "info"  # type: ignore[misc]
    err = ConfigError("x.toml", "rules.a", "expected\nsomething")
    assert str(err) == "x.toml: rules.a: expected something"


def test_extensions_map_and_switch_off_formats(tmp_path):
    (tmp_path / "quotecheck.toml").write_text('[extensions]\n".rst" = "text"\n".txt" = "off"\n')
    policy = load_policy(tmp_path / "a.md")
    assert policy.extensions[".rst"] == "text" and ".txt" not in policy.extensions
    assert policy.extensions[".md"] == "markdown"
    assert policy.to_dict()["extensions"][".rst"] == "text"
    (tmp_path / "quotecheck.toml").write_text('[extensions]\n".rst" = "restructured"\n')
    with pytest.raises(ConfigError, match=r"extensions\.\"\.rst\": expected .*\"off\""):
        load_policy(tmp_path / "a.md")
    (tmp_path / "quotecheck.toml").write_text('[extensions]\nrst = "text"\n')
    with pytest.raises(ConfigError, match="with its dot"):
        load_policy(tmp_path / "a.md")
