"""Cost that grows with the input, not faster (issue 13, item 13), checked by structure, not by
the clock: the indexes that replaced whole-article scans give the same answers as the scans.
"""

from __future__ import annotations

import cProfile
import pstats
import random
from pathlib import Path

import pytest

from quotecheck.api import analyze
from quotecheck.evaluation import speed
from quotecheck.evaluation.scaling import Piece, concatenate, long_document
from quotecheck.mentions import GivenNameIndex
from quotecheck.parsing import Parse
from quotecheck.testing import article_paths, load_stored

_WORDS = (
    "Ann", "Lee", "lee", "LEE", "J.", "K.", "Jen", "O'Brien", "o'brien", "Kim", "Kım", "İvan", "ſmith",
    "Smith", "said", ",", "Müller", "MÜLLER", "Jones-Lee", "Ann-Lee", "Éa", "\n\n",
)  # fmt: skip
_SURNAMES = ("lee", "o'brien", "kim", "smith", "müller", "ivan", "jones-lee", "'s", "j", "éa", "ea")


@pytest.mark.parametrize("seed", range(4))
def test_given_name_index_finds_what_a_scan_finds(seed: int) -> None:
    """Mixed case, the non-ASCII letters IGNORECASE equates with ASCII ones (İ ı ſ K), initials,
    a surname right after itself ("Lee Lee"): the index yields the scan's matches exactly."""
    rng = random.Random(seed)
    found = 0
    for _ in range(300):
        text = "".join(
            rng.choice(_WORDS) + rng.choice((" ", "  ", "\n", "", ".")) for _ in range(rng.randint(1, 25))
        )
        index = GivenNameIndex(text)
        for key in _SURNAMES:
            expected = [(m.span(), m.group(1)) for m in index.pattern(key).finditer(text)]
            assert [(m.span(), m.group(1)) for m in index.matches(key)] == expected, (text, key)
            found += len(expected)
    assert found > 100  # the texts do contain given names before surnames


def _fixture_pieces() -> list[Piece]:
    """The plain-text fixture articles with their stored parses (the model's, no model needed)."""
    return [Piece(*_text_and_parse(path)) for path in article_paths() if path.suffix == ".txt"]


def _text_and_parse(path: Path) -> tuple[str, Parse]:
    doc, parse = load_stored(path)
    return doc.text, parse


def test_concatenate_shifts_every_word_onto_its_own_text() -> None:
    pieces = _fixture_pieces()[:3]
    size = sum(len(p.text.encode("utf-8")) for p in pieces) * 2
    text, parse = concatenate(pieces, size)
    assert text.count(pieces[0].text) >= 2 and len(text.encode("utf-8")) >= size
    originals = [w.text for _ in range(2) for p in pieces for _, w in p.parse.words]
    assert [w.text for _, w in parse.words][: len(originals)] == originals
    assert all(text[w.start : w.end] == w.text for _, w in parse.words if " " not in w.text)
    assert long_document(text).text == text


def _calls(doc_text: str, parse: Parse) -> int:
    profile = cProfile.Profile()
    profile.runcall(analyze, long_document(doc_text), parse)
    return sum(calls for calls, *_ in pstats.Stats(profile).stats.values())  # type: ignore[attr-defined]


def test_analysis_work_grows_linearly() -> None:
    """Four times the text makes at most four times the Python calls: no stage scans
    every quotation, mention or source once per quotation, mention or source."""
    pieces = _fixture_pieces()
    one = sum(len(p.text.encode("utf-8")) for p in pieces)
    small, large = _calls(*concatenate(pieces, one)), _calls(*concatenate(pieces, 4 * one))
    assert small > 10_000
    assert large <= 4 * small, (small, large)  # 3.3 now; 4.1 before the indexes (issue 13)


def test_sizes_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``benchmarks/speed.py --sizes`` on a tiny corpus without cached parses (fake parses)."""
    texts = tmp_path / "polnear" / "dev" / "text"
    texts.mkdir(parents=True)
    for path in article_paths()[:4]:
        if path.suffix == ".txt":
            (texts / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    argv = ["--sizes", "0.01,0.02", "--corpus", str(tmp_path / "polnear"), "--cache-dir", str(tmp_path / "c")]
    assert speed.main(argv) == 0
    out = capsys.readouterr().out
    assert "0 parses from the parse cache" in out
    rows = [line for line in out.splitlines() if line.startswith("| 0.0")]
    assert [row.split("|")[1].strip() for row in rows] == ["0.01 MB", "0.02 MB"]
    assert "Time per MB is" in out
