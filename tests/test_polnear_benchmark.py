"""Tests of the PolNeAR benchmark: gold extraction, matching and scoring
(quotecheck.evaluation.polnear) and the accuracy and speed benchmarks (quotecheck.evaluation's
accuracy and speed, run by benchmarks/accuracy.py and benchmarks/speed.py) against a stub Checker.

Everything runs on small synthetic .txt/.ann files written into tmp_path, except
``test_real_dev_split``, which reads the real corpus from ../shared when it is there.
"""

from __future__ import annotations

import os
import re
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from quotecheck.evaluation import accuracy, polnear, speed

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------


def span_of(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th appearance of ``piece`` in ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def tb(ident: str, kind: str, text: str, *spans: tuple[int, int]) -> str:
    offsets = ";".join(f"{s} {e}" for s, e in spans)
    return f"{ident}\t{kind} {offsets}\t{' '.join(text[s:e] for s, e in spans)}"


def write_article(
    root: Path, split: str, name: str, text: str, ann: str | None, annotator: str = "5fec"
) -> None:
    (root / split / "text").mkdir(parents=True, exist_ok=True)
    (root / split / "attributions").mkdir(parents=True, exist_ok=True)
    (root / split / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    if ann is not None:
        (root / split / "attributions" / f"{name}_{annotator}.ann").write_text(ann, encoding="utf-8")


def segments(text: str, *pieces: str) -> list[str]:
    """Quoted segments of a content made of ``pieces`` (each located in ``text``)."""
    spans = [span_of(text, piece) for piece in pieces]
    return [text[s:e] for s, e in polnear.quote_segments(text, spans)]


# ---------------------------------------------------------------------------------------------
# brat parsing
# ---------------------------------------------------------------------------------------------


def test_parse_standoff_folds_multiline_text_and_reads_discontinuous_spans() -> None:
    ann = (
        "T1\tSource 0 3\tHer\n"
        "T2\tContent 10 20;25 40\tfirst line\n"
        "\n"
        "second paragraph\n"
        "T3\tCue 4 8\tsaid\n"
        "#1\tAnnotatorNotes T2\tA note\n"
        "E1\tAttribution:T4 Content:T2 Cue:T3 Source:T1 Content2:T5\n"
    )
    bounds, events = polnear.parse_standoff(ann)
    assert bounds["T2"].spans == ((10, 20), (25, 40))
    assert bounds["T3"] == polnear.TextBound("T3", "Cue", ((4, 8),))
    assert len(events) == 1
    event = events[0]
    assert (event.type, event.trigger) == ("Attribution", "T4")
    assert event.args == (("Content", "T2"), ("Cue", "T3"), ("Source", "T1"), ("Content2", "T5"))


# ---------------------------------------------------------------------------------------------
# quoted segments of a content
# ---------------------------------------------------------------------------------------------


def test_whole_quotation_content() -> None:
    text = "“We will win,” Smith said."
    assert segments(text, "“We will win,”") == ["“We will win,”"]


def test_mixed_quote_inside_paraphrase_and_two_partial_quotes() -> None:
    text = "He said the plan was “a disaster” and “a waste of money.” Then he left."
    content = "the plan was “a disaster” and “a waste of money.”"
    assert segments(text, content) == ["“a disaster”", "“a waste of money.”"]


def test_straight_quotes_and_nested_single_quotes() -> None:
    text = "She said, \"I told him 'no way,' and he laughed.\" Later."
    assert segments(text, "\"I told him 'no way,' and he laughed.\"") == [
        "\"I told him 'no way,' and he laughed.\""
    ]
    text = "\"I've always been insulted with the term 'outreach,' \" he said."
    assert segments(text, "\"I've always been insulted with the term 'outreach,' \"") == [
        "\"I've always been insulted with the term 'outreach,' \""
    ]


def test_nested_double_quotes_stay_in_one_segment() -> None:
    text = 'He said: "Read the question: “Are you worried?” Most said yes." End.'
    content = '"Read the question: “Are you worried?” Most said yes."'
    assert segments(text, content) == [content]


def test_discontinuous_content_with_the_opening_mark_in_the_gap() -> None:
    # annotated as “Trump ... president,” + But ... vote.” (the second “ left in the gap)
    text = "“Trump may emerge,” Graham said. “But it is a barrier.”\n"
    first = "“Trump may emerge,”"
    second = "But it is a barrier.”"
    assert segments(text, first, second) == ["“Trump may emerge,”", "“But it is a barrier.”"]


def test_segment_in_the_gap_only_is_dropped() -> None:
    text = "Officials, the “Gang of Eight” said, want more money."
    assert segments(text, "Officials,", "want more money.") == []


def test_multi_paragraph_quotation_is_one_segment() -> None:
    text = (
        "He wrote:\n\n“The first paragraph goes on.\n\n“The second one ends here.”\n\nThen “something else.”"
    )
    content = "“The first paragraph goes on.\n\n“The second one ends here.”"
    assert segments(text, content) == [content]


def test_quotation_not_continued_ends_with_its_paragraph() -> None:
    text = "“An unclosed quotation\n\nA plain paragraph.\n\n“Closed,” he said."
    content = text[: text.index(" he said")]
    assert segments(text, content) == ["“An unclosed quotation", "“Closed,”"]


def test_content_starting_inside_a_quotation() -> None:
    text = '"Republicans want a photo op. It is not legitimate," said Cummings.'
    content = 'Republicans want a photo op. It is not legitimate,"'
    assert segments(text, content) == [content]


def test_segment_past_the_content_end_is_clipped() -> None:
    text = "He called it “a very bad deal for everyone” and left."
    assert segments(text, "it “a very bad deal") == ["“a very bad deal"]


def test_wrong_glyph_used_as_opening_mark() -> None:
    text = "Barabak wrote:\n\n” … he delivered a mix,” Barabak wrote."
    content = "” … he delivered a mix,”"
    assert segments(text, content) == [content]


def test_doubled_apostrophes_are_double_quotation_marks() -> None:
    text = "''It's a tax cut,'' said Mr. Burman, who called it ''misguided.'' He left."
    assert segments(text, "''It's a tax cut,''") == ["''It's a tax cut,''"]
    assert segments(text, "it ''misguided.''") == ["''misguided.''"]
    text = "He recalled, ''He said, 'Eight years,''' and smiled. ''''Sir,' he said,'' she said."
    assert segments(text, "''He said, 'Eight years,'''") == ["''He said, 'Eight years,'''"]


def test_no_quotation_marks_means_indirect() -> None:
    text = "Clinton said the economy is improving."
    assert segments(text, "the economy is improving") == []


# ---------------------------------------------------------------------------------------------
# loading
# ---------------------------------------------------------------------------------------------

ARTICLE = (
    "“We will win,” Smith said at the rally.\n\n"
    "Jones said the plan was “a disaster” for voters.\n\n"
    "The economy is improving, officials said.\n\n"
    "“Nobody knows,” the memo read.\n"
)


def article_ann(text: str) -> str:
    q1 = span_of(text, "“We will win,”")
    smith = span_of(text, "Smith")
    said1 = span_of(text, "said")
    jones = span_of(text, "Jones")
    said2 = span_of(text, "said", 1)
    mixed = span_of(text, "the plan was “a disaster” for voters")
    indirect = span_of(text, "The economy is improving")
    officials = span_of(text, "officials")
    said3 = span_of(text, "said", 2)
    memo_q = span_of(text, "“Nobody knows,”")
    read = span_of(text, "read")
    lines = [
        tb("T1", "Source", text, smith),
        tb("T2", "Cue", text, said1),
        tb("T3", "Content", text, q1),
        tb("T4", "Attribution", text, said1),
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        tb("T5", "Source", text, jones),
        tb("T6", "Cue", text, said2),
        tb("T7", "Content", text, mixed),
        tb("T8", "Attribution", text, said2),
        "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
        tb("T9", "Content", text, indirect),
        tb("T10", "Source", text, officials),
        tb("T11", "Cue", text, said3),
        tb("T12", "Attribution", text, said3),
        "E3\tAttribution:T12 Content:T9 Source:T10 Cue:T11",
        tb("T13", "Content", text, memo_q),
        tb("T14", "Cue", text, read),
        tb("T15", "Attribution-no-source", text, read),
        "E4\tAttribution-no-source:T15 Content:T13 Cue:T14",
        "E5\tAttribution:T12 Content:T9 Cue:T11",  # reuses E3's content: skipped
        tb("T16", "Discuss", text, span_of(text, "rally")),
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "polnear"
    write_article(root, "dev", "nyt_2016-10-01_test-article", ARTICLE, article_ann(ARTICLE))
    # a second annotator's file that must be ignored (alphabetically later)
    write_article(root, "dev", "nyt_2016-10-01_test-article", ARTICLE, "", annotator="ef2d")
    write_article(root, "dev", "breitbart_2016-10-02_no-annotations", "Nothing here.\n", None)
    return root


def test_load_split(corpus: Path) -> None:
    articles = polnear.load_split(corpus, "dev")
    assert [a.name for a in articles] == [
        "breitbart_2016-10-02_no-annotations",
        "nyt_2016-10-01_test-article",
    ]
    empty, article = articles
    assert empty.attributions == [] and empty.publisher == "breitbart"
    assert article.annotation_file == "nyt_2016-10-01_test-article_5fec.ann"
    assert article.other_annotation_files == ("nyt_2016-10-01_test-article_ef2d.ann",)
    assert article.publisher == "nyt"
    assert article.skipped_events == 1
    assert len(article.attributions) == 4

    quotes = article.quotes
    texts = [article.text[q.start : q.end] for q in quotes]
    assert texts == ["“We will win,”", "“a disaster”", "“Nobody knows,”"]
    assert [article.span_text(q.source_spans) for q in quotes] == ["Smith", "Jones", ""]
    assert [q.mixed for q in quotes] == [False, True, False]
    assert quotes[2].attribution.has_source is False and quotes[2].speaker is None
    assert quotes[0].speaker == (span_of(ARTICLE, "Smith"),)

    (indirect,) = article.indirect
    assert article.span_text(indirect.content_spans) == "The economy is improving"
    assert article.span_text(indirect.source_spans) == "officials"

    stats = polnear.gold_statistics(articles)
    assert stats["direct_quotes"] == 3
    assert stats["indirect"] == 1
    assert stats["direct_quotes_without_source"] == 1
    assert stats["articles_with_several_annotators"] == 1
    assert polnear.load_split(corpus, "dev", limit=1)[0].name.startswith("breitbart")


def test_load_split_missing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        polnear.load_split(tmp_path, "dev")


def test_default_corpus_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(polnear.ENV_CORPUS, raising=False)
    assert polnear.default_corpus_dir(tmp_path / "repo") == tmp_path / "shared/corpora/polnear"
    monkeypatch.setenv(polnear.ENV_CORPUS, str(tmp_path / "elsewhere"))
    assert polnear.default_corpus_dir() == tmp_path / "elsewhere"


# ---------------------------------------------------------------------------------------------
# matching and scoring
# ---------------------------------------------------------------------------------------------


def test_match_greedy_prefers_largest_overlap_one_to_one() -> None:
    predicted = [(0, 100), (40, 60)]
    gold = [[(50, 70)], [(0, 45)]]
    # (0,100) overlaps gold 1 by 45 and gold 0 by 20; (40,60) overlaps gold 0 by 10
    assert polnear.match_greedy(predicted, gold) == [(0, 1), (1, 0)]
    assert polnear.match_greedy([(0, 10)], [[(10, 20)]]) == []
    # one prediction covering two gold quotations matches only one of them
    assert polnear.match_greedy([(0, 100)], [[(0, 10)], [(20, 60)]]) == [(0, 1)]


def test_quotation_covering_two_gold_quotations_counts_one_miss_as_merged(corpus: Path) -> None:
    articles = polnear.load_split(corpus, "dev")[1:]
    text = articles[0].text
    start = text.index("“We will win,”")
    end = text.index("for voters")
    report = {"quotes": [{"start": start, "end": end, "kind": "direct", "speaker": None}]}
    direct = polnear.score(articles, [report])["direct"]
    assert direct["matched"] == 1
    assert direct["missed_by_predicted_kind"] == {"merged": 1, "none": 1}


def mention(text: str, piece: str, occurrence: int = 0) -> dict[str, Any]:
    start, end = span_of(text, piece, occurrence)
    return {"text": piece, "start": start, "end": end, "line": 1, "column": start + 1}


def quote(
    text: str, piece: str, kind: str, speaker: dict[str, Any] | None, occurrence: int = 0
) -> dict[str, Any]:
    start, end = span_of(text, piece, occurrence)
    return {"text": piece.strip("“”"), "start": start, "end": end, "kind": kind, "speaker": speaker}


def make_report(text: str) -> dict[str, Any]:
    """A report for ARTICLE: one right, one cluster-only, one spurious, one indirect."""
    smith = mention(text, "Smith")
    return {
        "quotes": [
            # right quote, right speaker
            quote(
                text,
                "“We will win,”",
                "direct",
                {"source_id": "s1", "mention": smith, "resolution": "explicit"},
            ),
            # overlaps the gold partial quote; local mention wrong ("voters"), cluster right
            quote(
                text,
                "“a disaster” for voters",
                "partial",
                {"source_id": "s2", "mention": mention(text, "voters"), "resolution": "explicit"},
            ),
            # matched indirect attribution with the right speaker
            quote(
                text,
                "the economy is improving".capitalize(),
                "indirect",
                {"source_id": "s3", "mention": mention(text, "officials"), "resolution": "explicit"},
            ),
            # gold has no source; prediction unattributed
            quote(text, "“Nobody knows,”", "direct", None),
            # scare quotes are not scored
            quote(text, "rally", "scare", None),
            # a spurious indirect
            quote(text, "Jones said the plan", "indirect", None),
        ],
        "sources": [
            {"id": "s1", "mentions": [smith]},
            {"id": "s2", "mentions": [mention(text, "voters"), mention(text, "Jones")]},
            {"id": "s3", "mentions": [mention(text, "officials")]},
        ],
    }


def test_score(corpus: Path) -> None:
    articles = polnear.load_split(corpus, "dev")
    reports = [{"quotes": [], "sources": []}, make_report(articles[1].text)]
    scores = polnear.score(articles, reports)
    assert scores["articles"] == 2

    direct = scores["direct"]
    assert (direct["gold"], direct["predicted"], direct["matched"]) == (3, 3, 3)
    assert direct["precision"] == direct["recall"] == direct["f1"] == 1.0
    speaker = direct["speaker"]
    assert speaker["evaluated"] == 2  # the memo quotation has no gold Source
    assert speaker["strict_correct"] == 1 and speaker["strict_accuracy"] == 0.5
    assert speaker["cluster_correct"] == 2 and speaker["cluster_accuracy"] == 1.0
    assert speaker["predicted_null"] == 0
    assert speaker["gold_unsourced_matched"] == 1
    assert speaker["gold_unsourced_predicted_null"] == 1
    assert direct["recall_by_gold_type"]["mixed"] == {"gold": 1, "matched": 1, "recall": 1.0}

    indirect = scores["indirect"]
    assert (indirect["gold"], indirect["predicted"], indirect["matched"]) == (1, 2, 1)
    assert indirect["precision"] == 0.5 and indirect["recall"] == 1.0
    assert indirect["f1"] == pytest.approx(2 / 3)
    assert indirect["speaker"]["strict_accuracy"] == 1.0

    nyt = scores["by_publisher"]["nyt"]["direct"]
    assert nyt["recall"] == 1.0 and nyt["speaker"]["strict_accuracy"] == 0.5
    breitbart = scores["by_publisher"]["breitbart"]["direct"]
    assert breitbart["gold"] == 0 and breitbart["recall"] is None

    table = polnear.format_markdown(scores)
    assert "| direct quotations | 3 | 3 | 3 | 100.0 | 100.0 | 100.0 | 50.0 (1/2) |" in table
    assert "| nyt |" in table and "| breitbart |" in table


def test_score_misses_null_speaker_and_errors(corpus: Path) -> None:
    articles = polnear.load_split(corpus, "dev")[1:]
    text = articles[0].text
    report = {
        "quotes": [
            quote(text, "“We will win,”", "direct", None),  # gold Smith, predicted null
            quote(
                text,
                "“Nobody knows,”",
                "partial",
                {"source_id": "s9", "mention": mention(text, "memo"), "resolution": "explicit"},
            ),
            quote(text, "officials said", "direct", None),  # spurious (overlaps no gold quote)
            quote(text, "“a disaster”", "title", None),  # not scored; explains the miss
        ],
        "sources": [],
    }
    scores = polnear.score(articles, [report])
    direct = scores["direct"]
    assert (direct["gold"], direct["predicted"], direct["matched"]) == (3, 3, 2)
    assert direct["speaker"]["evaluated"] == 1
    assert direct["speaker"]["strict_correct"] == 0
    assert direct["speaker"]["cluster_correct"] == 0
    assert direct["speaker"]["predicted_null"] == 1
    assert scores["indirect"]["predicted"] == 0 and scores["indirect"]["precision"] is None
    assert direct["missed_by_predicted_kind"] == {"title": 1}
    assert scores["indirect"]["missed_by_predicted_kind"] == {"none": 1}
    assert "- Missed gold quotations: 1 reported as title." in polnear.format_markdown(scores)

    errors = polnear.error_examples(articles, [report])
    assert [(e.kind, e.quote_text) for e in errors] == [
        ("speaker", "“We will win,”"),
        ("missed", "“a disaster”"),
        ("spurious", "officials said"),
    ]
    assert errors[0].gold_source_text == "Smith" and errors[0].predicted_mention_text is None
    assert errors[1].gold_source_text == "Jones" and errors[1].predicted_kind == "title"
    missed = polnear.error_examples(articles, [report], kinds=["missed"], categories=["direct", "indirect"])
    assert {(e.category, e.quote_text) for e in missed} == {
        ("direct", "“a disaster”"),
        ("indirect", "The economy is improving"),
    }
    assert len(polnear.error_examples(articles, [report], limit=1)) == 1
    with pytest.raises(ValueError):
        polnear.score(articles, [])


def test_error_lists_group_by_the_cue_pattern(corpus: Path) -> None:
    articles = polnear.load_split(corpus, "dev")[1:]
    text = articles[0].text
    wrong = {"source_id": "s9", "mention": mention(text, "memo"), "resolution": "explicit"}
    report = {
        "quotes": [
            {**quote(text, "“We will win,”", "direct", wrong), "cue": {"pattern": "post-verb"}},
            {**quote(text, "officials said", "direct", None), "cue": {"pattern": "pre-verb"}},
        ],
        "sources": [],
    }
    errors = polnear.error_examples(articles, [report])
    assert [(e.kind, e.pattern) for e in errors if e.kind != "missed"] == [
        ("speaker", "post-verb"),
        ("spurious", "pre-verb"),
    ]
    shown = accuracy.format_errors(errors, 5)
    assert "All 1 by the predicted cue's pattern: post-verb 1." in shown
    assert "[direct, post-verb]" in shown


# ---------------------------------------------------------------------------------------------
# the scripts, against a stub quotecheck.api
# ---------------------------------------------------------------------------------------------

QUOTE = re.compile(r"“[^”]*”")


class StubParser:
    """Stands in for quotecheck.parsing.Parser."""

    def __init__(self) -> None:
        self.parsed: list[int] = []
        self.loaded = False

    def load(self) -> None:
        self.loaded = True

    def parse_texts(self, texts: list[str]) -> list[object]:
        self.parsed.append(len(texts))
        return [object() for _ in texts]


class StubChecker:
    """Stands in for quotecheck.api.Checker: every “...” is an unattributed direct quote."""

    instances: ClassVar[list[StubChecker]] = []

    def __init__(self, model_dir: str | None = None) -> None:
        from quotecheck.parsing import ModelError

        if model_dir is not None and not Path(model_dir).is_dir():
            raise ModelError(f"model directory {model_dir} does not exist")
        self.model_dir = model_dir
        self.parser = StubParser()
        self.calls: list[list[str]] = []
        StubChecker.instances.append(self)

    @staticmethod
    def documents(texts: list[str], paths: list[str] | None = None) -> list[str]:
        return list(texts)

    def check_parsed(self, docs: list[str], parses: list[object]) -> list[dict]:
        assert len(docs) == len(parses)
        self.analysed = getattr(self, "analysed", 0) + len(docs)
        return [{} for _ in docs]

    def check_texts(self, texts: list[str], paths: list[str] | None = None) -> list[types.SimpleNamespace]:
        """Results (as quotecheck.result.ArticleResult: only ``report`` is read) for ``texts``."""
        self.calls.append(list(paths or []))
        return [
            types.SimpleNamespace(
                report={
                    "quotes": [
                        {"start": m.start(), "end": m.end(), "kind": "direct", "speaker": None}
                        for m in QUOTE.finditer(text)
                    ],
                    "sources": [],
                }
            )
            for text in texts
        ]


@pytest.fixture()
def stub_api(monkeypatch: pytest.MonkeyPatch) -> type[StubChecker]:
    module = types.ModuleType("quotecheck.api")
    module.Checker = StubChecker  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "quotecheck.api", module)
    StubChecker.instances = []
    return StubChecker


def test_accuracy_script(
    corpus: Path,
    stub_api: type[StubChecker],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    docs = tmp_path / "docs" / "accuracy.md"
    monkeypatch.setattr(accuracy, "DOCS_FILE", docs)
    model = tmp_path / "my-model"
    model.mkdir()
    code = accuracy.main(
        [
            "--corpus",
            str(corpus),
            "--model-dir",
            str(model),
            "--errors",
            "5",
            "--batch",
            "1",
            "--json",
            str(tmp_path / "out" / "scores.json"),
            "--write-docs",
        ]
    )
    assert code == 0
    (checker,) = stub_api.instances
    assert checker.model_dir == str(model)
    assert checker.calls == [["breitbart_2016-10-02_no-annotations.txt"], ["nyt_2016-10-01_test-article.txt"]]
    out, err = capsys.readouterr()
    assert "| direct quotations | 3 | 3 | 3 | 100.0 | 100.0 | 100.0 | 0.0 (0/2) |" in out
    assert "Matched quotations with a wrong speaker" in out and "“We will win,”" in out
    assert "checked 2/2 articles" in err
    assert (tmp_path / "out" / "scores.json").is_file()
    written = docs.read_text(encoding="utf-8")
    assert "## Method" in written and "`my-model`" in written and str(tmp_path) not in written
    assert "| direct quotations |" in written


def test_accuracy_script_model_error(
    corpus: Path,
    stub_api: type[StubChecker],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = accuracy.main(["--corpus", str(corpus), "--model-dir", str(tmp_path / "absent")])
    assert code == 2
    assert "does not exist" in capsys.readouterr().err


def test_accuracy_script_missing_corpus(tmp_path: Path) -> None:
    assert accuracy.main(["--corpus", str(tmp_path / "nowhere")]) == 2


def test_default_model_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(accuracy.ENV_MODEL_DIR, raising=False)
    repo = tmp_path / "repo"
    assert accuracy.default_model_dir(repo) is None
    shared = tmp_path / "shared" / "models" / accuracy.SHARED_MODEL
    shared.mkdir(parents=True)
    assert accuracy.default_model_dir(repo) == shared
    monkeypatch.setenv(accuracy.ENV_MODEL_DIR, str(tmp_path))
    assert accuracy.default_model_dir(repo) is None


def test_replace_section() -> None:
    doc = "# Performance\n\nIntro.\n\n## Checking the PolNeAR dev set\n\nold\n\n## Other\n\nkeep\n"
    new = accuracy.replace_section(doc, "## Checking the PolNeAR dev set", "new text\n")
    assert new == (
        "# Performance\n\nIntro.\n\n## Checking the PolNeAR dev set\n\nnew text\n\n## Other\n\nkeep\n"
    )
    appended = accuracy.replace_section("# Performance\n", "## A section", "body")
    assert appended == "# Performance\n\n## A section\n\nbody\n"
    # a deeper heading inside the section is part of it
    doc = "## S\n\nold\n\n### sub\n\nold too\n"
    assert accuracy.replace_section(doc, "## S", "x") == "## S\n\nx\n"


def test_speed_script(
    corpus: Path,
    stub_api: type[StubChecker],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    docs = tmp_path / "performance.md"
    docs.write_text("# Performance\n\n## Startup\n\nkept\n", encoding="utf-8")
    monkeypatch.setattr(speed, "DOCS_FILE", docs)
    model = tmp_path / "compact"
    model.mkdir()
    assert speed.main(["--corpus", str(corpus), "--model-dir", str(model), "--write-docs"]) == 0
    (checker,) = stub_api.instances
    assert checker.parser.loaded
    assert checker.parser.parsed == [1, 2]  # warm-up, then (a) on both articles
    assert len(checker.calls) == 1  # (b) once, on both articles
    assert checker.analysed == 2  # (c) once, on the parses of (a)
    out = capsys.readouterr().out
    words = len(ARTICLE.split()) + 2
    assert f"| (a) stanza pipeline: `parser.parse_texts` | {words} |" in out
    assert "peak resident memory" in out and "Machine:" in out
    written = docs.read_text(encoding="utf-8")
    assert written.startswith("# Performance\n\n## Startup\n\nkept\n\n")
    assert "## Checking the PolNeAR dev set" in written and "`compact`" in written


def test_speed_script_repeat(
    corpus: Path,
    stub_api: type[StubChecker],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    model = tmp_path / "compact"
    model.mkdir()
    assert speed.main(["--corpus", str(corpus), "--model-dir", str(model), "--repeat", "2"]) == 0
    (checker,) = stub_api.instances
    assert checker.parser.parsed == [1, 2, 2]
    assert len(checker.calls) == 2
    assert "fastest of 2 runs" in capsys.readouterr().out


def test_speed_overhead_arithmetic() -> None:
    timings = speed.Timings(articles=2, words=1000, load_s=1.0, parse_s=4.0, check_s=5.0, peak_rss_mib=300.0)
    assert timings.overhead_s == 1.0 and timings.overhead_share == pytest.approx(0.2)
    table = speed.format_table(timings)
    assert "| 1.0 | 20.0 % of (b) |" in table and "| 250 |" in table and "| 200 |" in table


# ---------------------------------------------------------------------------------------------
# the real corpus
# ---------------------------------------------------------------------------------------------


def test_real_dev_split() -> None:
    corpus = polnear.default_corpus_dir()
    if not corpus.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"PolNeAR corpus not found at {corpus}: CI runs with ../shared beside the repository")
        pytest.skip(f"PolNeAR corpus not found at {corpus} (set ${polnear.ENV_CORPUS})")
    articles = polnear.load_split(corpus, "dev")
    assert len(articles) == 84
    stats = polnear.gold_statistics(articles)
    assert 800 <= stats["direct_quotes"] <= 1100
    assert 1200 <= stats["indirect"] <= 1800
    assert stats["articles_with_several_annotators"] == 2
    for article in articles:
        for gold in article.quotes:
            assert gold.end > gold.start
            assert article.text[gold.start] in "\"“”'" or article.text[gold.end - 1] in "\"“”'"


def test_write_docs_keeps_other_splits_results() -> None:
    old = (
        "# Accuracy\n\n## Method\n\nold method\n\n## Results: the dev split\n\nold dev\n\n"
        "## Results: the train split (first 200 articles)\n\ntrain table\n"
    )
    new = "# Accuracy\n\n## Method\n\nnew method\n\n## Results: the dev split\n\nnew dev\n"
    merged = accuracy.keep_other_results(old, new)
    assert "new dev" in merged and "old dev" not in merged and "new method" in merged
    assert merged.rstrip().endswith("## Results: the train split (first 200 articles)\n\ntrain table")


def test_write_docs_keeps_the_hand_written_summary_first() -> None:
    old = (
        "# Accuracy\n\n## Before and after: rounds\n\nthe summary table\n\n## Method\n\nold method\n\n"
        "## Results: the dev split\n\nold dev\n"
    )
    new = "# Accuracy\n\n## Method\n\nnew method\n\n## Results: the dev split\n\nnew dev\n"
    merged = accuracy.keep_other_results(old, new)
    assert merged.index("## Before and after: rounds\n\nthe summary table") < merged.index("## Method")
    assert "new dev" in merged and "old dev" not in merged


def test_a_transcript_turn_is_scored_with_the_indirect_gold() -> None:
    # PolNeAR's direct quotations are contents holding quotation marks; a transcript's turn
    # ("PENCE: ...") has none and is annotated as an indirect content
    turn = {"kind": "direct", "cue": {"pattern": "transcript"}}
    assert polnear.scored_as(turn) == "indirect"
    assert polnear.scored_as({"kind": "direct", "cue": {"pattern": "post-verb"}}) == "direct"
    assert polnear.scored_as({"kind": "partial", "cue": None}) == "direct"
    assert polnear.scored_as({"kind": "indirect"}) == "indirect"
    assert polnear.scored_as({"kind": "scare"}) is None
