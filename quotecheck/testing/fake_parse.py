"""A stand-in for the stanza parser: a cheap rule-based tokenizer and flat trees, no model.

Tests that need *a* parse of a text nobody stored (generated hostile inputs, hypothesis's
random texts) use :class:`FakeParser`: it replaces only :meth:`Parser.parse_pieces`, the one
method that runs stanza, so the real chunking (:func:`quotecheck.parsing.plan_chunks`), offset
shifting, cache and isolation code all run. Its parses are structurally like stanza's (words
numbered 1..n, one root per sentence, exact character offsets) but linguistically crude: a
capitalized word is a proper noun, a speech verb is the root, everything else hangs from it.
:attr:`FakeParser.longest` records the longest sentence it was ever asked to parse, so a test
can assert the bound on what the parser sees without loading a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quotecheck.parsing import _TOKEN, ModelLocation, Parse, Parser, Sentence, Word

if TYPE_CHECKING:
    from quotecheck.attribution import Attribution

__all__ = ["FAKE_MODEL_ID", "FakeParser", "fake_parse", "forged_parse"]

FAKE_MODEL_ID = "fake-parser-1"
_VERBS = frozenset({"said", "says", "say", "told", "tells", "added", "asked", "stated", "wrote"})
_ENDS = frozenset(".!?")


def _upos(token: str) -> str:
    if not token[0].isalnum():
        return "PUNCT"
    if token.lower() in _VERBS:
        return "VERB"
    if token[0].isupper():
        return "PROPN"
    return "NOUN"


def _sentence(tokens: list[tuple[str, int, int]]) -> Sentence:
    """One sentence of ``(text, start, end)`` tokens: the first verb (else the first word) is
    the root, every other word depends on it."""
    tags = [_upos(t) for t, _, _ in tokens]
    root = next((i for i, tag in enumerate(tags) if tag == "VERB"), 0) + 1
    words = []
    for i, ((text, start, end), tag) in enumerate(zip(tokens, tags, strict=True), 1):
        head = 0 if i == root else root
        deprel = "root" if i == root else ("punct" if tag == "PUNCT" else "nsubj" if i < root else "obj")
        lemma = text.lower() if tag != "PROPN" else text
        ner = "S-PERSON" if tag == "PROPN" else "O"
        words.append(Word(i, text, lemma, tag, "_", "_", head, deprel, start, end, ner))
    return Sentence(tuple(words))


def fake_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text`` (split after ``.``, ``!`` and ``?``), offsets shifted by ``offset``."""
    out: list[Sentence] = []
    tokens: list[tuple[str, int, int]] = []
    for m in _TOKEN.finditer(text):
        tokens.append((m.group(), m.start() + offset, m.end() + offset))
        if m.group() in _ENDS:
            out.append(_sentence(tokens))
            tokens = []
    if tokens:
        out.append(_sentence(tokens))
    return out


def fake_parse(text: str) -> Parse:
    """A parse of the whole of ``text`` in one piece (no chunking)."""
    return Parse(tuple(fake_sentences(text)), FAKE_MODEL_ID)


class FakeParser(Parser):
    """A :class:`~quotecheck.parsing.Parser` whose stanza step is :func:`fake_sentences`."""

    def __init__(self, batch_docs: int = 16) -> None:
        super().__init__(ModelLocation(Path("fake-model"), "tests", {}, FAKE_MODEL_ID), batch_docs=batch_docs)
        self.longest = 0  # words in the longest sentence parsed so far
        self.pieces: list[str] = []  # every piece parsed, in order

    def load(self) -> None:
        """Nothing to load."""

    def parse_pieces(self, pieces: Sequence[tuple[int, str]]) -> list[list[Sentence]]:
        out = []
        for offset, text in pieces:
            self.pieces.append(text)
            sentences = fake_sentences(text, offset)
            self.longest = max([self.longest] + [len(s.words) for s in sentences])
            out.append(sentences)
        return out


ForgedRow = tuple[str, str, str, int, str] | tuple[str, str, str, str, int, str]
"""(word, lemma, upos, head, deprel), or (word, lemma, upos, xpos, head, deprel) for a rule that
reads the Penn tag."""


def forged_parse(text: str, rows: Sequence[ForgedRow]) -> Parse:
    """A one-sentence parse of ``text`` written by hand: :data:`ForgedRow` rows, each word's
    offsets found in the text after the one before. Tests use it to pin a rule to the exact
    (often wrong) tree the compact parser gives."""
    from quotecheck.parsing import from_conllu

    lines, at = [], 0
    for n, row in enumerate(rows, 1):
        word, lemma, upos = row[0], row[1], row[2]
        xpos = row[3] if len(row) == 6 else "_"
        head, deprel = row[-2], row[-1]
        start = text.index(word, at)
        at = start + len(word)
        lines.append(
            f"{n}\t{word}\t{lemma}\t{upos}\t{xpos}\t_\t{head}\t{deprel}\t_\tstart_char={start}|end_char={at}"
        )
    return from_conllu("\n".join(lines) + "\n")


def forged_attributions(text: str, rows: Sequence[ForgedRow], *, quotes: bool = True) -> list[Attribution]:
    """What attribution makes of ``text`` on a :func:`forged_parse` of it: with its quotations
    scanned from the typography (``quotes``), or with none (indirect speech alone)."""
    from quotecheck.attribution import attribute
    from quotecheck.quotes import scan_quotes

    return attribute(text, forged_parse(text, rows), scan_quotes(text)[0] if quotes else [])
