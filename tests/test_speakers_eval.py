"""Tests of the speaker and source-type scoring (quotecheck.evaluation.speakers) and of
``benchmarks/accuracy.py --speakers``, on a hand-built article, gold and report (no model, no
corpus: the script test writes its one-article corpus into tmp_path and stubs the Checker)."""

from __future__ import annotations

import dataclasses
import json
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from quotecheck.evaluation import accuracy, polnear, speakers
from quotecheck.evaluation.speakers import LabelType, names_compatible

NAME = "nyt_2016-01-01_speakers-test"
TEXT = (
    "Hillary Clinton campaigned in Ohio, where Bill Clinton joined her.\n"
    "“We will win,” she said.\n"
    "Clinton said the polls were wrong.\n"
    "“Not now,” Clinton added.\n"
    "Officials said the vote was close.\n"
    "“It is done,” a senior aide said.\n"
    "The report said costs rose.\n"
    "“Maybe,” it seemed.\n"
    "Critics said the plan “failed.”\n"
)


def span(piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(piece, start + 1)
    return start, start + len(piece)


def pos(piece: str, occurrence: int = 0) -> dict[str, Any]:
    start, end = span(piece, occurrence)
    return {"text": piece, "start": start, "end": end}


def event(ident: str, content: str, source: str, quoted: bool) -> dict[str, Any]:
    return {"event": ident, "content": [list(span(content))], "source": source, "quoted": quoted}


GOLD = {
    "article": NAME,
    "annotation": f"{NAME}_5fec.ann",
    "sources": {
        "S1": {"type": "named_person", "referents": [list(span("Hillary Clinton"))]},
        "S2": {"type": "anonymous_group", "referents": []},
        "S3": {"type": "anonymous_individual", "referents": []},
        "S4": {"type": "document", "referents": []},
        "S5": {"type": "not_a_source", "referents": []},
        "S6": {"type": "anonymous_group", "referents": []},
    },
    "events": [
        event("E1", "“We will win,”", "S1", True),
        event("E2", "the polls were wrong", "S1", False),
        event("E3", "“Not now,”", "S1", True),
        event("E4", "the vote was close", "S2", False),
        event("E5", "“It is done,”", "S3", True),
        event("E6", "costs rose", "S4", False),
        event("E7", "“Maybe,”", "S5", True),
        event("E8", "the plan “failed.”", "S6", True),
    ],
}


def quote(
    ident: str,
    piece: str,
    kind: str,
    source: str | None,
    mention: dict[str, Any] | None = None,
    resolution: str = "explicit",
    pattern: str | None = "post-verb",
) -> dict[str, Any]:
    start, end = span(piece)
    speaker = None if source is None else {"source_id": source, "mention": mention, "resolution": resolution}
    cue = None if pattern is None else {"text": "said", "pattern": pattern}
    return {"id": ident, "start": start, "end": end, "kind": kind, "cue": cue, "speaker": speaker}


def source(ident: str, name: str, kind: str, *mentions: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "name": name, "type": kind, "mentions": list(mentions)}


REPORT = {
    "quotes": [
        quote("q1", "“We will win,”", "direct", "s1", pos("she"), "pronoun"),
        quote("q2", "the polls were wrong", "indirect", "s2", pos("Clinton", 2), pattern="indirect-verb"),
        # "Clinton" here is Hillary (gold S1) but quotecheck clustered it with Bill Clinton
        quote("q3", "“Not now,”", "direct", "s4", pos("Clinton", 3)),
        quote("q4", "the vote was close", "indirect", "s3", pos("Officials"), pattern="indirect-verb"),
        quote("q5", "“It is done,”", "direct", "s1", pos("she"), "floating", pattern=None),
        quote("q6", "costs rose", "indirect", None, pattern="indirect-verb"),
        quote("q7", "“Maybe,”", "direct", None, pattern=None),
        quote("q8", "“failed.”", "scare", None, pattern=None),  # not speech: E8 is not found
    ],
    "sources": [
        source("s1", "Hillary Clinton", "named_person", pos("Hillary Clinton"), pos("she")),
        source("s2", "Clinton", "named_person", pos("Clinton", 2)),
        source("s3", "Officials", "anonymous_group", pos("Officials")),
        source("s4", "Bill Clinton", "named_person", pos("Bill Clinton"), pos("Clinton", 3)),
        source("s5", "a senior aide", "anonymous_individual", pos("a senior aide")),
    ],
}


@pytest.fixture()
def evaluation() -> speakers.Evaluation:
    gold = [speakers.parse_gold(GOLD)]
    return speakers.evaluate(gold, {NAME: REPORT}, {NAME: TEXT})


def counts(part: dict[str, Any]) -> tuple[int, int]:
    return part["correct"], part["evaluated"]


# ---------------------------------------------------------------------------------------------
# names
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("Clinton", "Hillary Clinton", True),
        ("Mrs. Clinton's", "Hillary Rodham Clinton", True),
        ("Mr. Trump", "Donald J. Trump", True),
        ("Sen. Bernie Sanders", "Bernie Sanders", True),
        ("H. Clinton", "Hillary Clinton", True),
        ("Martin Luther King Jr.", "King", True),
        ("François Hollande", "Francois Hollande", True),
        ("#Franceisstrong Mr. Trump", "Donald Trump", True),
        ("Wisconsin Rep. Reid Ribble", "Reid Ribble", True),
        ("Former Secretary of State Hillary Clinton", "Hillary Clinton", True),
        ("Trump's campaign", "the Trump campaign", True),
        ("Bill Clinton", "Hillary Clinton", False),  # the surname alone is not enough
        ("B. Clinton", "Hillary Clinton", False),
        ("the Trump campaign", "the Clinton campaign", False),
        ("the campaign", "the Clinton campaign", False),
        ("the Justice Department", "the State Department", False),
        ("Sanders", "Clinton", False),
        ("", "Clinton", False),
    ],
)
def test_names_compatible(first: str, second: str, expected: bool) -> None:
    assert names_compatible(first, second) is expected
    assert names_compatible(second, first) is expected


# ---------------------------------------------------------------------------------------------
# rule 1: resolved speakers
# ---------------------------------------------------------------------------------------------


def test_found_events_and_verdicts(evaluation: speakers.Evaluation) -> None:
    found = speakers.match_events(speakers.parse_gold(GOLD), REPORT, TEXT)
    verdicts = {item.event.id: item.speaker_correct for item in found}
    assert verdicts == {
        "E1": True,  # a mention of the source overlaps the referent
        "E2": True,  # no overlap, but "Clinton" fits "Hillary Clinton"
        "E3": False,  # "Bill Clinton" does not fit "Hillary Clinton"
        "E4": True,  # unnamed gold, anonymous report source
        "E5": False,  # unnamed gold, named report source
        "E6": False,  # a document left without a speaker
        "E7": True,  # not a source, no speaker
    }
    assert evaluation.scores["events"] == {"gold": 8, "found": 7, "quoted_gold": 5, "quoted_found": 4}


def test_speaker_accuracy_quoted_all_and_by_resolution(evaluation: speakers.Evaluation) -> None:
    speaker = evaluation.scores["speaker"]
    assert counts(speaker["overall"]["quoted"]) == (2, 4)
    assert counts(speaker["overall"]["all"]) == (4, 7)
    assert counts(speaker["gold_named"]["all"]) == (2, 3)
    assert counts(speaker["gold_not_named"]["all"]) == (2, 4)
    by_resolution = {name: counts(part["all"]) for name, part in speaker["by_resolution"].items()}
    assert by_resolution == {
        "explicit": (2, 3),
        "pronoun": (1, 1),
        "nominal": (0, 0),
        "floating": (0, 1),
        "none": (1, 2),
    }
    assert counts(speaker["resolution_cases"]["all"]) == (1, 2)
    assert speaker["by_resolution"]["nominal"]["all"]["accuracy"] is None


def test_unnamed_gold_rules() -> None:
    unnamed = speakers.GoldSource("S", LabelType.DOCUMENT, ())
    no_quote: dict[str, Any] = {}
    assert speakers.speaker_correct(unnamed, {"type": "document"}, no_quote, TEXT)
    assert speakers.speaker_correct(unnamed, {"type": "unknown"}, no_quote, TEXT)
    assert not speakers.speaker_correct(unnamed, {"type": "named_organization"}, no_quote, TEXT)
    assert not speakers.speaker_correct(unnamed, None, no_quote, TEXT)
    nothing = speakers.GoldSource("S", LabelType.NOT_A_SOURCE, ())
    assert speakers.speaker_correct(nothing, None, no_quote, TEXT)
    named = speakers.GoldSource("S", LabelType.NAMED_PERSON, (span("Hillary Clinton"),))
    assert not speakers.speaker_correct(named, None, no_quote, TEXT)


# ---------------------------------------------------------------------------------------------
# rule 2: source types
# ---------------------------------------------------------------------------------------------


def test_source_type_precision_and_recall(evaluation: speakers.Evaluation) -> None:
    types_ = evaluation.scores["types"]
    anonymous = types_["anonymous"]
    # s3 (found, gold anonymous) is right; s5 matches no event: only strict precision counts it
    assert (anonymous["true_positive"], anonymous["report_matched"], anonymous["report_all"]) == (1, 1, 2)
    assert anonymous["precision"] == 1.0 and anonymous["strict_precision"] == 0.5
    # S2 -> s3 (anonymous); S3 -> s1 (named); S6 never found
    assert (anonymous["recalled"], anonymous["gold"]) == (1, 3)
    # S2 and S3 have found events, S6 none: typing is right for one of the two found
    assert (anonymous["found"], anonymous["found_recall"]) == (2, 0.5)
    individual = types_["anonymous_individual"]
    assert individual["precision"] is None and individual["strict_precision"] == 0.0
    assert (individual["recalled"], individual["gold"]) == (0, 1)
    person = types_["named_person"]
    assert (person["true_positive"], person["report_matched"], person["recalled"], person["gold"]) == (
        3,
        3,
        1,
        1,
    )
    # quotes without a speaker take E6 (document, first) and E7 (not a source): typed document
    nothing = types_["not_a_source"]
    assert (nothing["true_positive"], nothing["report_matched"], nothing["recalled"], nothing["gold"]) == (
        0,
        1,
        1,
        1,
    )
    document = types_["document"]
    assert (document["report_all"], document["recalled"], document["gold"]) == (0, 0, 1)


# ---------------------------------------------------------------------------------------------
# rule 3: errors
# ---------------------------------------------------------------------------------------------


def test_error_rows_and_groups(evaluation: speakers.Evaluation) -> None:
    rows = {(error.kind, error.event): error for error in evaluation.errors}
    assert set(rows) == {
        ("speaker", "E3"),
        ("speaker", "E5"),
        ("speaker", "E6"),
        ("type", "E5"),
        ("type", "E6"),
    }
    e5 = rows["type", "E5"]
    assert (e5.gold_type, e5.report_type, e5.pattern, e5.resolution) == (
        "anonymous_individual",
        "named_person",
        "none",
        "floating",
    )
    assert (e5.start, e5.end) == span("“It is done,”")
    assert rows["speaker", "E3"].referent == "Hillary Clinton" and rows["speaker", "E3"].mention == "Clinton"
    assert rows["type", "E6"].report_type == "none"
    grouped = evaluation.scores["errors"]
    assert grouped["by_pattern"] == {
        "indirect-verb": {"speaker": 1, "type": 1},
        "none": {"speaker": 1, "type": 1},
        "post-verb": {"speaker": 1, "type": 0},
    }
    assert grouped["by_resolution"]["explicit"] == {"speaker": 1, "type": 0}
    listed = speakers.format_errors(evaluation.errors, 1)
    assert "Wrong resolved speakers (1 shown)" in listed and "[post-verb, explicit]" in listed


def test_errors_by_issue_category(evaluation: speakers.Evaluation) -> None:
    categories = {(error.kind, error.event): speakers.issue_category(error) for error in evaluation.errors}
    assert categories == {
        ("speaker", "E3"): "mention",  # "Clinton" at the cue, explicit, but the wrong Clinton
        ("speaker", "E5"): "cue",  # floating: no cue of its own
        ("type", "E5"): "anonymous_missed",  # gold anonymous individual, report named person
        ("speaker", "E6"): "document",  # gold document, no speaker
        ("type", "E6"): "document",
    }
    counts = evaluation.scores["errors"]["by_category"]
    assert (counts["mention"], counts["cue"], counts["document"], counts["pronoun"]) == (1, 1, 2, 0)
    # 8 gold events, 7 found; the one not found is quoted (5 quoted, 4 found)
    assert (counts["not_found_quoted"], counts["not_found_unquoted"]) == (1, 0)
    table = speakers.format_categories(evaluation.scores)
    assert "| 5. document or its author | 2 |" in table and "| 3. not found: quoted events | 1 |" in table


def test_issue_category_of_type_errors() -> None:
    def row(gold: str, report: str, pattern: str = "post-verb") -> speakers.ErrorRow:
        return speakers.ErrorRow("type", "a", "E1", 0, 1, True, gold, report, pattern, "explicit", None, None)

    assert speakers.issue_category(row("named_person", "anonymous_group")) == "anonymous_over"
    assert speakers.issue_category(row("named_person", "unknown")) == "named_untyped"
    assert speakers.issue_category(row("named_organization", "named_person")) == "person_organization"
    assert speakers.issue_category(row("not_a_source", "named_person")) == "other_type"
    assert speakers.issue_category(row("named_person", "unknown", "transcript")) == "transcript"


def test_markdown_tables(evaluation: speakers.Evaluation) -> None:
    text = speakers.format_markdown(evaluation.scores)
    assert "Found 7 of 8 gold events (4 of 5 quoted)." in text
    assert "| all found events | 50.0 (2/4) | 57.1 (4/7) |" in text
    assert "| pronoun + nominal + floating | 50.0 (1/2) | 50.0 (1/2) |" in text
    assert "| anonymous | 100.0 (1/1) | 50.0 (1/2) | 33.3 (1/3) |" in text
    assert "| post-verb | 1 | 0 |" in text


# ---------------------------------------------------------------------------------------------
# agreement
# ---------------------------------------------------------------------------------------------


def test_cohen_kappa() -> None:
    assert speakers.cohen_kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")]) == pytest.approx(0.5)
    assert speakers.cohen_kappa([("a", "a")]) == 1.0
    assert speakers.cohen_kappa([]) is None


def test_agreement() -> None:
    other = json.loads(json.dumps(GOLD))
    other["sources"]["S1"]["referents"] = [list(span("Clinton", 2))]  # the same person by name
    other["sources"]["S3"]["type"] = "anonymous_group"
    other["sources"]["S7"] = {"type": "named_person", "referents": [list(span("Bill Clinton"))]}
    other["events"][2]["source"] = "S7"  # E3: Bill, not Hillary
    result = speakers.agreement([speakers.parse_gold(GOLD)], [speakers.parse_gold(other)], {NAME: TEXT})
    assert (result["events"], result["type_agreed"]) == (8, 7)
    assert result["type_confusions"] == {"anonymous_individual / anonymous_group": 1}
    assert (result["referent_agreed"], result["named_events"]) == (2, 3)
    assert result["type_kappa"] is not None and 0 < result["type_kappa"] < 1
    assert "Cohen's kappa" in speakers.format_agreement(result)


# ---------------------------------------------------------------------------------------------
# benchmarks/accuracy.py --speakers, against a stub Checker
# ---------------------------------------------------------------------------------------------


class StubChecker:
    """Stands in for quotecheck.api.Checker: the hand-built report for every text."""

    instances: ClassVar[list[StubChecker]] = []

    def __init__(self, model_dir: str | None = None, cache_dir: str | None = None) -> None:
        self.model_dir, self.cache_dir = model_dir, cache_dir
        self.paths: list[str] = []
        StubChecker.instances.append(self)

    def check_texts(self, texts: list[str], paths: list[str]) -> list[types.SimpleNamespace]:
        self.paths.extend(paths)
        return [types.SimpleNamespace(report=REPORT) for _ in texts]


@pytest.fixture()
def labelled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-article labelled train split (plus an unlabelled article) and its gold file."""
    text_dir = tmp_path / "polnear" / "train" / "text"
    text_dir.mkdir(parents=True)
    (text_dir / f"{NAME}.txt").write_text(TEXT, encoding="utf-8")
    (text_dir / "breitbart_2016-01-01_unlabelled.txt").write_text("Nothing.\n", encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text(json.dumps(GOLD) + "\n", encoding="utf-8")
    module = types.ModuleType("quotecheck.api")
    module.Checker = StubChecker  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quotecheck.api", module)
    StubChecker.instances = []
    return tmp_path


def test_accuracy_script_speakers(
    labelled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = labelled / "accuracy.md"
    docs.write_text("# Accuracy\n\n## Method\n\nmethod\n\n## Results: the dev split\n\ndev table\n")
    monkeypatch.setattr(accuracy, "DOCS_FILE", docs)
    (labelled / "model").mkdir()
    argv = ["--corpus", str(labelled / "polnear"), "--split", "train", "--speakers", "--gold"]
    argv += [str(labelled / "gold.jsonl"), "--model-dir", str(labelled / "model"), "--errors", "2"]
    argv += ["--cache-dir", str(labelled / "cache"), "--write-docs"]
    assert accuracy.main(argv) == 0
    (checker,) = StubChecker.instances
    assert checker.paths == [f"{NAME}.txt"] and checker.cache_dir == str(labelled / "cache")
    out = capsys.readouterr().out
    assert "| direct quotations |" in out and "## Speakers and source types (1 labelled articles)" in out
    assert "| anonymous | 100.0 (1/1) | 50.0 (1/2) | 33.3 (1/3) |" in out
    assert "### Wrong source types (2 shown)" in out
    written = docs.read_text(encoding="utf-8")
    assert "## Results: the dev split\n\ndev table\n" in written  # the other sections stay as they were
    assert written.count(accuracy.SPEAKERS_HEADING) == 1 and "| all found events |" in written
    assert accuracy.main(argv) == 0  # a second run replaces its section
    assert docs.read_text(encoding="utf-8").count(accuracy.SPEAKERS_HEADING) == 1


def test_accuracy_script_tuning_labels_have_their_own_section(
    labelled: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--labelled tuning`` reads the tuning gold and writes its own docs section, leaving the
    measuring set's section as it was."""
    docs = labelled / "accuracy.md"
    docs.write_text(f"# Accuracy\n\n## Method\n\nmethod\n\n{accuracy.SPEAKERS_HEADING}\n\nmeasuring tables\n")
    monkeypatch.setattr(accuracy, "DOCS_FILE", docs)
    tuning = accuracy.LABELLED_SETS["tuning"]
    monkeypatch.setitem(
        accuracy.LABELLED_SETS, "tuning", dataclasses.replace(tuning, gold=labelled / "gold.jsonl")
    )
    (labelled / "model").mkdir()
    argv = ["--corpus", str(labelled / "polnear"), "--split", "train", "--speakers", "--labelled", "tuning"]
    argv += ["--model-dir", str(labelled / "model"), "--write-docs"]
    assert accuracy.main(argv) == 0
    written = docs.read_text(encoding="utf-8")
    assert f"{accuracy.SPEAKERS_HEADING}\n\nmeasuring tables\n" in written
    assert written.count(accuracy.TUNING_SPEAKERS_HEADING) == 1
    assert "polnear-train-speakers-tuning.jsonl" in written and "| all found events |" in written
    assert "A gold event is *found*" not in written  # the method is the measuring set's section's
    assert accuracy.main(argv) == 0  # a second run replaces its own section
    assert docs.read_text(encoding="utf-8").count(accuracy.TUNING_SPEAKERS_HEADING) == 1


def test_labelled_set_needs_speakers(capsys: pytest.CaptureFixture[str]) -> None:
    """``--labelled`` or ``--gold`` without ``--speakers`` is an error, not silently ignored."""
    with pytest.raises(SystemExit) as exit_info:
        accuracy.parse_args(["--labelled", "tuning"])
    assert exit_info.value.code == 2 and "add --speakers" in capsys.readouterr().err
    assert accuracy.parse_args(["--speakers"]).labelled == "measuring"


def test_labelled_sets_are_apart() -> None:
    """The tuning labels and the measuring labels share no article, and neither touches the
    200 held-out train articles (``sorted(train)[:200]``): tuning on one never leaks into the
    other.  Article names sort like the corpus files."""
    measuring = {item.name for item in speakers.load_gold(speakers.DEFAULT_GOLD)}
    tuning = {item.name for item in speakers.load_gold(speakers.TUNING_GOLD)}
    assert len(measuring) == 64 and len(tuning) == 48 and not measuring & tuning
    corpus = polnear.default_corpus_dir()
    names = sorted(path.stem for path in (corpus / "train" / "text").glob("*.txt"))
    assert len(names) > 700, corpus
    held_out = set(names[:200])
    assert not (measuring | tuning) & held_out


def test_accuracy_script_speakers_missing_article(labelled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (labelled / "polnear" / "train" / "text" / f"{NAME}.txt").unlink()
    argv = ["--corpus", str(labelled / "polnear"), "--split", "train", "--speakers"]
    assert accuracy.main([*argv, "--gold", str(labelled / "gold.jsonl")]) == 2
    assert "not in the train split" in capsys.readouterr().err


def test_docs_rewrite_keeps_the_speakers_section() -> None:
    old = f"# A\n\n## Method\n\nold\n\n{accuracy.SPEAKERS_HEADING}\n\nspeaker tables\n"
    merged = accuracy.keep_other_results(old, "# A\n\n## Method\n\nnew\n")
    assert "new" in merged and "old" not in merged and merged.rstrip().endswith("speaker tables")
