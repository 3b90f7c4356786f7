"""Train the pronoun ranker (``quotecheck/sources/pronoun_ranker.json``) on PolNeAR.

    python benchmarks/train_ranker.py --model-dir ../shared/models/stanza-en-compact-2 \\
        --cache-dir /tmp/qc/cache-stanza-en-compact-2 [--cached-only] [--write]

Supervision.  PolNeAR marks the Source span next to each cue, never its antecedent, so the
labels are made where the text itself settles the antecedent: a he/she pronoun that is a
PolNeAR Source, whose candidates (:func:`quotecheck.sources.cluster.pronoun_candidates`, all
people before it whatever their gender) include exactly one whose *names* give the pronoun's
gender ("Ruth Ellery", "Mr. Jones") and at least one whose names give the other gender.  The
positive is that one, the negatives the other-gender ones, kept nearest first as at run time
(where the nearest wins among equal scores); candidates of unknown gender are left out.
Gender is not a feature, so the model learns what else makes the antecedent (distance, subject
position, speaking before, paragraph layout), which is what it ranks at run time among
the candidates that agree.

Data discipline: training articles are PolNeAR train from index 200 on, minus the 64 labelled
ones (``benchmarks/gold``); validation is dev; the 200 held-out train articles and the labelled
ones are never read.  The model is a conditional logit (softmax over each pronoun's candidates)
fitted by full-batch gradient descent with L2, from zero weights: deterministic (seed fixed for
the record).  Prints the top-1 accuracy on train and validation beside the nearest-candidate rule.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from quotecheck.api import Checker
from quotecheck.attribution import attribute
from quotecheck.documents import Document
from quotecheck.evaluation import polnear, speakers
from quotecheck.lexicons import Lexicon
from quotecheck.mentions import Mention
from quotecheck.parsing import Parse
from quotecheck.quotes import scan_quotes
from quotecheck.sources import cluster_sources
from quotecheck.sources.ranker import FEATURES, WEIGHTS_PATH, Candidate, Ranker

SEED = 10
HELD_OUT = 200
Instance = tuple[np.ndarray, int]  # candidate feature rows, index of the positive


def articles(corpus: Path) -> tuple[list[polnear.Article], list[polnear.Article]]:
    """(train, validation): train[200:] minus the labelled articles, and dev."""
    labelled = {article.name for article in speakers.load_gold(speakers.DEFAULT_GOLD)}
    train = [a for a in polnear.load_split(corpus, "train")[HELD_OUT:] if a.name not in labelled]
    return train, polnear.load_split(corpus, "dev")


def instances(checker: Checker, arts: Sequence[polnear.Article], cached_only: bool) -> list[Instance]:
    """The labelled pronoun instances of some articles (see the module docstring)."""
    docs = checker.documents([a.text for a in arts], [a.name + ".txt" for a in arts])
    parses: Sequence[Parse | None]
    if cached_only:
        assert checker.cache is not None, "--cached-only needs --cache-dir"
        parses = checker.cache.get_many([d.text for d in docs])
    else:
        parses = checker.parse_documents(docs)
    out: list[Instance] = []
    used = 0
    for article, doc, parse in zip(arts, docs, parses, strict=True):
        if parse is not None:
            used += 1
            out.extend(_article_instances(checker.lexicon, article, doc, parse))
    print(f"  {used}/{len(arts)} articles parsed, {len(out)} instances", file=sys.stderr)
    return out


def _article_instances(lex: Lexicon, article: polnear.Article, doc: Document, parse: Parse) -> list[Instance]:
    """One article's instances: its speaker he/she pronouns that are PolNeAR Sources and whose
    candidates' names settle the antecedent."""
    paragraphs = doc.paragraph_spans()
    quotes, _ = scan_quotes(doc.text, paragraphs)
    attributions = attribute(doc.text, parse, quotes, lex, paragraphs)
    trace: list[tuple[Mention, list[Candidate]]] = []
    cluster_sources(doc.text, parse, attributions, lex, paragraphs, trace=trace)
    gold_sources = [span for a in article.attributions for span in a.source_spans]
    out: list[Instance] = []
    for m, candidates in trace:
        if m.head_lemma not in ("he", "she") or polnear.overlap((m.start, m.end), gold_sources) == 0:
            continue
        gender = lex.pronouns[m.head_lemma][1]
        pos = [c for c in candidates if c.gender == gender]
        kept = [c for c in candidates if c.gender is not None]  # nearest first, as at run time
        if len(pos) == 1 and len(kept) > 1:
            out.append((np.array([c.features for c in kept], dtype=float), kept.index(pos[0])))
    return out


def fit(data: Sequence[Instance], l2: float = 0.01, steps: int = 2000, rate: float = 0.5) -> np.ndarray:
    """Conditional-logit weights by full-batch gradient descent (deterministic)."""
    w = np.zeros(len(FEATURES))
    for _ in range(steps):
        grad = l2 * w
        for rows, pos in data:
            scores = rows @ w
            p = np.exp(scores - scores.max())
            p /= p.sum()
            grad -= (rows[pos] - p @ rows) / len(data)
        w -= rate * grad
    return w


def top1(data: Sequence[Instance], w: np.ndarray) -> float:
    """How often the positive is the ranker's choice (the nearest among equal scores, as at
    run time: candidates come nearest first)."""
    if not data:
        return float("nan")
    return sum(int(np.argmax(rows @ w)) == pos for rows, pos in data) / len(data)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model-dir", required=True)
    parser.add_argument("--cache-dir", required=True)
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--cached-only", action="store_true", help="skip articles without a cached parse")
    parser.add_argument("--write", action="store_true", help=f"write the weights to {WEIGHTS_PATH.name}")
    args = parser.parse_args(argv)
    np.random.seed(SEED)
    checker = Checker(args.model_dir, cache_dir=args.cache_dir)
    train_arts, dev_arts = articles(args.corpus or polnear.default_corpus_dir())
    print("train:", file=sys.stderr)
    train = instances(checker, train_arts, args.cached_only)
    print("validation (dev):", file=sys.stderr)
    dev = instances(checker, dev_arts, args.cached_only)
    nearest = np.zeros(len(FEATURES))
    nearest[FEATURES.index("recency_rank")] = -1.0
    w = fit(train)
    print(f"instances: train {len(train)}, validation {len(dev)}")
    print(f"top-1 train: ranker {top1(train, w):.3f}, nearest {top1(train, nearest):.3f}")
    print(f"top-1 validation: ranker {top1(dev, w):.3f}, nearest {top1(dev, nearest):.3f}")
    for name, value in zip(FEATURES, w, strict=True):
        print(f"  {name:26} {value:+.3f}")
    if args.write:
        extra = {"trained_on": len(train), "validated_on": len(dev), "seed": SEED}
        WEIGHTS_PATH.write_text(
            json.dumps(Ranker(tuple(w)).as_json(extra), indent=1) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
