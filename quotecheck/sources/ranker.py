"""A learned ranker for the antecedent of a speaker pronoun ("he said", "she added").

The rules propose the candidates (:func:`quotecheck.sources.cluster.pronoun_candidates`: the
sources met so far and the people named in passing before the pronoun, each at its nearest
mention, already filtered by agreement); this module scores each candidate with a logistic
model over layout and parse features (:data:`FEATURES`) and picks the best.  Agreement (he/she
for people, gender, number) stays a hard rule: the model only ranks what agrees, by salience.

The weights are a small JSON file shipped with the package (``pronoun_ranker.json``), written by
``benchmarks/train_ranker.py`` (fixed seed, reproducible) and loaded once per process.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..mentions import Mention
from ..vocab import MentionKind

WEIGHTS_PATH = Path(__file__).with_name("pronoun_ranker.json")

FEATURES: tuple[str, ...] = (
    "sentence_distance",  # log(1 + sentences between candidate and pronoun)
    "paragraph_distance",  # paragraphs back, capped at 3
    "same_sentence",
    "recency_rank",  # 0 for the nearest candidate, capped at 3
    "subject",  # the candidate mention is a clause subject
    "object",  # an object or a prepositional object
    "possessive",  # "Smith's campaign"
    "speaker",  # the candidate is a source already (it spoke before)
    "last_speaker",  # the candidate spoke the attribution right before the pronoun
    "in_passing",  # a person named in passing, not (yet) a source
    "mentions",  # log(1 + mentions of the candidate so far)
    "name",  # the candidate's nearest mention is a name
    "nominal",  # ... a definite description or a descriptor
    "pronoun",  # ... a pronoun
    "paragraph_first",  # the candidate's mention lies in the first sentence of its paragraph
    "pronoun_paragraph_first",  # the pronoun opens its paragraph's first sentence
)
"""The features of a (pronoun, candidate) pair, in the order of the weights."""


@dataclass(frozen=True)
class Candidate:
    """A possible antecedent: an existing source (``source``) or a person named in passing
    (``source`` None until it is resolved), at its mention nearest before the pronoun."""

    source: int | None
    mention: Mention
    features: tuple[float, ...]
    gender: str | None  # the gender its names give it ("m", "f"; None: unknown)
    agrees: bool  # it agrees with the pronoun in kind, gender and number


@dataclass(frozen=True)
class Layout:
    """Where a mention sits: its sentence, its paragraph and whether it is in the paragraph's
    first sentence, and its grammatical role (the deprel of its last word)."""

    sentence: int
    paragraph: int
    paragraph_first: bool
    deprel: str


_SUBJECT = ("nsubj", "nsubj:pass", "csubj")
_OBJECT = ("obj", "iobj", "obl", "nmod", "obl:agent")


def features(
    pron: Layout,
    cand: Layout,
    mention: Mention,
    rank: int,
    *,
    speaker: bool,
    last_speaker: bool,
    mentions: int,
) -> tuple[float, ...]:
    """The feature vector of one candidate for one pronoun (:data:`FEATURES` order)."""
    sentences = max(0, pron.sentence - cand.sentence)
    kind = mention.kind
    return (
        math.log1p(sentences),
        float(min(max(0, pron.paragraph - cand.paragraph), 3)),
        float(sentences == 0),
        float(min(rank, 3)),
        float(cand.deprel in _SUBJECT),
        float(cand.deprel in _OBJECT),
        float(cand.deprel == "nmod:poss"),
        float(speaker),
        float(last_speaker),
        float(not speaker),
        math.log1p(mentions),
        float(kind == MentionKind.NAME),
        float(kind in (MentionKind.NOMINAL, MentionKind.DESCRIPTOR)),
        float(kind == MentionKind.PRONOUN),
        float(cand.paragraph_first),
        float(pron.paragraph_first),
    )


@dataclass(frozen=True)
class Ranker:
    """A logistic scorer: ``bias + weights · features``."""

    weights: tuple[float, ...]
    bias: float = 0.0

    def score(self, values: Sequence[float]) -> float:
        return self.bias + sum(w * x for w, x in zip(self.weights, values, strict=True))

    def best(self, candidates: Sequence[Candidate]) -> Candidate | None:
        """The highest-scoring candidate (the nearest among equals); None without candidates."""
        return max(candidates, key=lambda c: self.score(c.features), default=None)

    def as_json(self, extra: Mapping[str, object] | None = None) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            **(extra or {}),
        }


def ranker_from_json(obj: Mapping[str, object]) -> Ranker:
    """A :class:`Ranker` from its JSON object; its feature names must be :data:`FEATURES`."""
    names = obj.get("features")
    if names != list(FEATURES):
        raise ValueError(f"ranker weights are for features {names}, not {list(FEATURES)}")
    weights = obj["weights"]
    bias = obj.get("bias", 0.0)
    assert isinstance(weights, list) and isinstance(bias, (int, float))
    return Ranker(tuple(float(w) for w in weights), float(bias))


@cache
def default_ranker() -> Ranker:
    """The shipped ranker, loaded once."""
    return ranker_from_json(json.loads(WEIGHTS_PATH.read_text(encoding="utf-8")))
