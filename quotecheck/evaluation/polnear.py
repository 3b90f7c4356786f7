"""Load the PolNeAR attribution corpus and score quotecheck reports against it.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution in 1,008 political
news articles as brat standoff: a Source span (who), a Cue span ("said") and a Content span
(what), tied together by an event ``E``.  This module turns those annotations into the gold
standard quotecheck is measured against:

* **gold direct quotations**: for each attribution whose Content contains double quotation
  marks (``"``, ``“``, ``”``, or the ``''`` that some New York Times texts use), every quoted
  segment of the content, from its opening mark to its closing mark (marks included).  A
  segment that runs past the content is clipped to it; a content that begins inside a
  quotation (its opening mark left outside the span) yields a segment from the content start
  to the closing mark.  The attribution's Source spans are the gold speaker (``None`` for the
  corpus's ``Attribution-no-source`` events).
* **gold indirect attributions**: the Contents without any quotation mark.

and compares them with the JSON reports quotecheck writes (``docs/report-format.md``):
quotation detection (precision, recall, F1 with greedy one-to-one matching by overlap), speaker
accuracy on the matched quotations (strict: the quote's own speaker mention overlaps a gold
Source span; cluster: any mention of the predicted source does), the same for indirect
attributions, a per-publisher breakdown and error examples for debugging.

The corpus is not part of the repository; it is read at run time from ``--corpus DIR``, the
``QUOTECHECK_POLNEAR`` environment variable, or ``<repo>/../shared/corpora/polnear``.

Used by ``quotecheck.evaluation.accuracy`` (``benchmarks/accuracy.py``), the other benchmarks
and the tests; the checker itself never imports it.
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import Any

from quotecheck.vocab import CuePattern, QuoteKind

Span = tuple[int, int]
"""A character span ``(start, end)`` into the article text, ``end`` exclusive."""

REPO_ROOT = Path(__file__).resolve().parents[2]
"""The source checkout this package lives in (the benchmarks run from a checkout, editable install)."""
ENV_CORPUS = "QUOTECHECK_POLNEAR"

# The report quote kinds scored against gold direct quotations and gold indirect attributions
# (scare quotes and titles are not scored).
DIRECT_KINDS = frozenset({QuoteKind.DIRECT, QuoteKind.PARTIAL})
INDIRECT_KINDS = frozenset({QuoteKind.INDIRECT})

# ---------------------------------------------------------------------------------------------
# Corpus location and brat standoff parsing
# ---------------------------------------------------------------------------------------------


def default_corpus_dir(repo_root: Path | None = None) -> Path:
    """The PolNeAR directory: ``$QUOTECHECK_POLNEAR``, else ``<repo>/../shared/corpora/polnear``."""
    env = os.environ.get(ENV_CORPUS)
    if env:
        return Path(env)
    root = repo_root if repo_root is not None else REPO_ROOT
    return root.parent / "shared" / "corpora" / "polnear"


@dataclass(frozen=True)
class TextBound:
    """A brat text-bound annotation (``T12  Content 10 20;25 40  text``)."""

    id: str
    type: str
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Event:
    """A brat event (``E3  Attribution:T12 Cue:T11 Source:T10 Content:T9``)."""

    id: str
    type: str
    trigger: str
    args: tuple[tuple[str, str], ...]  # (role, text-bound id), trigger excluded


_RECORD = re.compile(r"^[TERAMN#*]\d*\t")


def parse_standoff(data: str) -> tuple[dict[str, TextBound], list[Event]]:
    """Parse a brat ``.ann`` file into its text-bound annotations and events.

    A text-bound whose text runs over a line break continues on the following physical lines
    (PolNeAR has a few multi-paragraph contents); such continuation lines are folded into the
    record before parsing.  Relations, attributes and annotator notes are ignored.
    """
    records: list[str] = []
    for line in data.split("\n"):
        if _RECORD.match(line) or not records:
            records.append(line)
        else:
            records[-1] += "\n" + line
    bounds: dict[str, TextBound] = {}
    events: list[Event] = []
    for record in records:
        if record.startswith("T"):
            ident, middle = record.split("\t", 2)[:2]
            kind, _, offsets = middle.partition(" ")
            spans = tuple(
                (int(start), int(end)) for start, end in (part.split() for part in offsets.split(";"))
            )
            bounds[ident] = TextBound(ident, kind, spans)
        elif record.startswith("E"):
            ident, body = record.split("\t")[:2]
            parts = [part.split(":", 1) for part in body.split() if ":" in part]
            if not parts:
                continue
            (event_type, trigger), rest = parts[0], parts[1:]
            events.append(Event(ident, event_type, trigger, tuple((role, ref) for role, ref in rest)))
    return bounds, events


# ---------------------------------------------------------------------------------------------
# Quotation marks
# ---------------------------------------------------------------------------------------------

# Double quotation marks: straight, curly, and the doubled apostrophe of some NYT texts.
_DOUBLE_MARK = re.compile(r"'{2,}|[\"“”]")
_OPENS_BEFORE = frozenset("([{—–/")  # a mark right after these (or a space) opens
_CLOSES_AFTER = frozenset(".,;:!?)]}—–…'’")  # a mark right before these (or a space) closes


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str  # "open", "close" or "either"


def _marks(text: str, lo: int, hi: int) -> list[_Mark]:
    """The double quotation marks starting in ``text[lo:hi]``, classified by their context.

    A mark with a space (or an opening bracket or dash) before it and a word after it opens;
    one with a word before and a space or punctuation after closes; anything else ("either")
    is decided by the pairing state, whatever its glyph (PolNeAR texts contain ``”`` used as
    an opening mark).  A run of three apostrophes is a single quote next to a double one:
    ``'''Sir`` opens double then single, ``case,'''`` closes single then double.
    """
    marks: list[_Mark] = []
    for match in _DOUBLE_MARK.finditer(text, lo, hi):
        start, end = match.span()
        if match.group().startswith("'"):
            run = end - start
            if run == 2:
                pass
            elif run == 3:
                before_is_word = start > 0 and not text[start - 1].isspace()
                start, end = (start + 1, end) if before_is_word else (start, start + 2)
            else:
                continue
        before = text[start - 1] if start > 0 else "\n"
        after = text[end] if end < len(text) else "\n"
        opens = before.isspace() or before in _OPENS_BEFORE
        closes = after.isspace() or after in _CLOSES_AFTER
        if opens and not closes:
            kind = "open"
        elif closes and not opens:
            kind = "close"
        else:
            kind = "either"
        marks.append(_Mark(start, end, kind))
    return marks


def _paragraph_end(text: str, pos: int, hi: int) -> int:
    """End of the paragraph (line) holding ``pos``, trailing spaces excluded, at most ``hi``."""
    newline = text.find("\n", pos, hi)
    end = hi if newline < 0 else newline
    while end > pos and text[end - 1].isspace():
        end -= 1
    return end


def quote_segments(text: str, spans: Sequence[Span]) -> list[Span]:
    """The quoted segments of a (possibly discontinuous) Content, marks included.

    Marks are paired over the content's hull (first start to last end), so that a quotation
    whose opening mark sits in the gap of a discontinuous span (``“A,” he said. “B”`` annotated
    as ``“A,”`` + ``B”``) is still found; segments that do not touch the content's own spans
    are dropped.  Rules:

    * nested double quotation marks stay inside the outer segment;
    * a quotation left open at the end of a paragraph continues when the next paragraph starts
      with an opening mark (the multi-paragraph convention) and otherwise ends with its
      paragraph;
    * a closing mark before any opening mark closes a quotation that began before the content
      (the segment starts at the content start);
    * a segment still open at the content end is clipped to it.
    """
    if not spans:
        return []
    lo = min(start for start, _ in spans)
    hi = max(end for _, end in spans)
    segments: list[Span] = []
    depth = 0
    seg_start = lo
    last_end = lo  # end of the last mark seen
    for mark in _marks(text, lo, hi):
        newline = text.find("\n", last_end, mark.start) if depth else -1
        if newline >= 0:
            # the quotation was left open at a paragraph end: it goes on only when the very
            # next paragraph starts with this (opening) mark
            if mark.kind != "close" and not text[newline : mark.start].strip():
                depth, last_end = 1, mark.end  # the quotation goes on in this paragraph
                continue
            segments.append((seg_start, _paragraph_end(text, last_end, hi)))
            depth = 0
        if mark.kind == "open" or (mark.kind == "either" and depth == 0):
            if depth == 0:
                seg_start = mark.start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                segments.append((seg_start, mark.end))
        elif not segments and text[lo : mark.start].strip():
            segments.append((lo, mark.end))  # the quotation began before the content
        # else: a stray closing mark (or a closing mark with nothing before it), ignored
        last_end = mark.end
    if depth:
        end = _paragraph_end(text, last_end, hi) if "\n" in text[last_end:hi] else hi
        segments.append((seg_start, end))
    return [
        (start, end)
        for start, end in segments
        if end > start and any(start < s_end and s_start < end for s_start, s_end in spans)
    ]


# ---------------------------------------------------------------------------------------------
# Articles and gold attributions
# ---------------------------------------------------------------------------------------------


# What the accuracy floor calls "indirect speech with a speech verb": a gold attribution whose cue
# holds one of these reporting-verb forms, or is "according to". Fixed here, not taken from
# quotecheck's lexicon, so that growing the lexicon cannot grow the measure's gold set.
SPEECH_CUE_FORMS = frozenset(
    f"{stem}{ending}"
    for stem, endings in {
        "say": ("", "s", "ing"),
        "said": ("",),
        "tell": ("", "s", "ing"),
        "told": ("",),
        "add": ("", "s", "ed", "ing"),
        "explain": ("", "s", "ed", "ing"),
        "note": ("", "s", "d"),
        "noting": ("",),
        "state": ("", "s", "d"),
        "stating": ("",),
        "announce": ("", "s", "d"),
        "announcing": ("",),
        "claim": ("", "s", "ed", "ing"),
        "argue": ("", "s", "d"),
        "arguing": ("",),
        "insist": ("", "s", "ed", "ing"),
        "write": ("", "s"),
        "wrote": ("",),
        "written": ("",),
        "writing": ("",),
        "tweet": ("", "s", "ed", "ing"),
        "report": ("", "s", "ed", "ing"),
        "warn": ("", "s", "ed", "ing"),
        "declare": ("", "s", "d"),
        "declaring": ("",),
        "contend": ("", "s", "ed", "ing"),
        "assert": ("", "s", "ed", "ing"),
        "acknowledge": ("", "s", "d"),
        "acknowledging": ("",),
        "admit": ("", "s", "ted", "ting"),
        "suggest": ("", "s", "ed", "ing"),
        "predict": ("", "s", "ed", "ing"),
        "promise": ("", "s", "d"),
        "promising": ("",),
        "recall": ("", "s", "ed", "ing"),
        "reply": ("",),
        "replies": ("",),
        "replied": ("",),
        "respond": ("", "s", "ed", "ing"),
        "confirm": ("", "s", "ed", "ing"),
        "deny": ("",),
        "denies": ("",),
        "denied": ("",),
        "estimate": ("", "s", "d"),
        "testify": ("",),
        "testified": ("",),
        "emphasize": ("", "s", "d"),
        "stress": ("", "es", "ed"),
        "observe": ("", "s", "d"),
        "remark": ("", "s", "ed"),
        "complain": ("", "s", "ed", "ing"),
        "ask": ("", "s", "ed"),
        "speak": ("", "s"),
        "spoke": ("",),
        "describe": ("", "s", "d"),
        "call": ("", "s", "ed"),
        "accuse": ("", "s", "d"),
        "predicting": ("",),
        "according": ("",),
    }.items()
    for ending in endings
)


def is_speech_cue(cue_text: str) -> bool:
    """A gold cue that is a reporting verb ("said", "has told", "according to")."""
    return any(word in SPEECH_CUE_FORMS for word in re.findall(r"[a-z]+", cue_text.lower()))


class ContentExtent:
    """What an annotation's content reaches: ``start`` of its first span to ``end`` of its last."""

    content_spans: tuple[Span, ...]

    @property
    def start(self) -> int:
        return min(start for start, _ in self.content_spans)

    @property
    def end(self) -> int:
        return max(end for _, end in self.content_spans)


@dataclass(frozen=True)
class GoldAttribution(ContentExtent):
    """One annotated attribution (a brat event) with its gold direct quotations."""

    source_spans: tuple[Span, ...]  # empty: the annotators marked no source
    cue_spans: tuple[Span, ...]
    content_spans: tuple[Span, ...]  # Content and Content2 spans, in text order
    quote_spans: tuple[Span, ...]  # quoted segments of the content; empty: indirect
    id: str = ""  # the brat event id ("E12")

    @property
    def is_direct(self) -> bool:
        """True when the content contains a quotation (a direct or mixed quote)."""
        return bool(self.quote_spans)

    @property
    def has_source(self) -> bool:
        return bool(self.source_spans)

    @property
    def speaker(self) -> tuple[Span, ...] | None:
        """The gold speaker's Source spans, or None when no Source was annotated."""
        return self.source_spans or None


@dataclass(frozen=True)
class GoldQuote:
    """A gold direct quotation: one quoted segment of an attribution's content."""

    start: int
    end: int
    attribution: GoldAttribution
    mixed: bool  # the content also has words outside quotation marks ("said it was “true”")

    @property
    def source_spans(self) -> tuple[Span, ...]:
        return self.attribution.source_spans

    @property
    def speaker(self) -> tuple[Span, ...] | None:
        """The gold speaker's Source spans, or None when no Source was annotated."""
        return self.attribution.speaker


@dataclass(frozen=True)
class Article:
    """A PolNeAR article: its text and the attributions of one annotator."""

    name: str
    text: str
    attributions: list[GoldAttribution]
    annotation_file: str = ""
    other_annotation_files: tuple[str, ...] = ()
    skipped_events: int = 0  # events without a Content, or reusing another event's Content

    @property
    def publisher(self) -> str:
        return self.name.split("_", 1)[0]

    @property
    def date(self) -> str:
        """The publication date in the file name (``nyt_2016-10-05_...``), ISO; "" if none."""
        parts = self.name.split("_", 2)
        return parts[1] if len(parts) > 2 else ""

    @cached_property
    def quotes(self) -> list[GoldQuote]:
        """Gold direct quotations in text order."""
        quotes = [
            GoldQuote(start, end, attribution, _is_mixed(self.text, attribution))
            for attribution in self.attributions
            for start, end in attribution.quote_spans
        ]
        return sorted(quotes, key=lambda quote: (quote.start, quote.end))

    @cached_property
    def indirect(self) -> list[GoldAttribution]:
        """Gold indirect attributions (contents without quotation marks) in text order."""
        return [attribution for attribution in self.attributions if not attribution.is_direct]

    def span_text(self, spans: Iterable[Span]) -> str:
        return " … ".join(self.text[start:end] for start, end in spans)


def _is_mixed(text: str, attribution: GoldAttribution) -> bool:
    outside = []
    for start, end in attribution.content_spans:
        pos = start
        for q_start, q_end in attribution.quote_spans:
            if q_end <= pos or q_start >= end:
                continue
            outside.append(text[pos : max(pos, q_start)])
            pos = max(pos, q_end)
        outside.append(text[pos:end])
    return any(re.search(r"\w", piece) for piece in outside)


def _role_base(role: str) -> str:
    return role.rstrip("0123456789")


def build_attributions(
    text: str, bounds: Mapping[str, TextBound], events: Sequence[Event]
) -> tuple[list[GoldAttribution], int]:
    """Gold attributions from parsed standoff; returns them and the number of skipped events.

    An event without a Content is skipped, and so is an event whose Content an earlier event
    already used (PolNeAR has a handful: "That style" earned adulation from some and hostility
    from others), so that no quotation is counted twice.
    """
    attributions: list[GoldAttribution] = []
    used_contents: set[str] = set()
    skipped = 0
    for event in events:
        spans: dict[str, list[Span]] = defaultdict(list)
        contents: list[str] = []
        for role, ref in event.args:
            bound = bounds.get(ref)
            if bound is None:
                continue
            base = _role_base(role)
            spans[base].extend(bound.spans)
            if base == "Content":
                contents.append(ref)
        if not contents or used_contents.intersection(contents):
            skipped += 1
            continue
        used_contents.update(contents)
        content_spans = tuple(sorted(spans["Content"]))
        attributions.append(
            GoldAttribution(
                source_spans=tuple(sorted(spans["Source"])),
                cue_spans=tuple(sorted(spans["Cue"])),
                content_spans=content_spans,
                quote_spans=tuple(quote_segments(text, content_spans)),
                id=event.id,
            )
        )
    attributions.sort(key=lambda attribution: (attribution.start, attribution.end))
    return attributions, skipped


def load_article(text_path: Path, ann_paths: Sequence[Path]) -> Article:
    """Load one article with the first (alphabetically) of its annotators' files."""
    ordered = sorted(ann_paths, key=lambda path: path.name)
    text = text_path.read_text(encoding="utf-8")
    bounds, events = parse_standoff(ordered[0].read_text(encoding="utf-8"))
    attributions, skipped = build_attributions(text, bounds, events)
    return Article(
        name=text_path.stem,
        text=text,
        attributions=attributions,
        annotation_file=ordered[0].name,
        other_annotation_files=tuple(path.name for path in ordered[1:]),
        skipped_events=skipped,
    )


_ANNOTATOR_SUFFIX = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


def load_split(corpus_dir: str | os.PathLike[str], split: str, limit: int | None = None) -> list[Article]:
    """Load the articles of ``split`` (``train`` or ``dev``), sorted by name.

    Raises ``FileNotFoundError`` when the split's ``text/`` directory is missing.  An article
    without an annotation file gets no attributions; an annotation file without an article is
    ignored.
    """
    split_dir = Path(corpus_dir) / split
    text_dir = split_dir / "text"
    if not text_dir.is_dir():
        raise FileNotFoundError(f"no PolNeAR split {split!r} at {split_dir}")
    ann_files: dict[str, list[Path]] = defaultdict(list)
    ann_dir = split_dir / "attributions"
    if ann_dir.is_dir():
        for path in ann_dir.glob("*.ann"):
            match = _ANNOTATOR_SUFFIX.match(path.name)
            ann_files[match["article"] if match else path.stem].append(path)
    articles: list[Article] = []
    for text_path in sorted(text_dir.glob("*.txt")):
        if limit is not None and len(articles) >= limit:
            break
        paths = ann_files.get(text_path.stem)
        if paths:
            articles.append(load_article(text_path, paths))
        else:
            text = text_path.read_text(encoding="utf-8")
            articles.append(Article(text_path.stem, text, []))
    return articles


# ---------------------------------------------------------------------------------------------
# Matching and scoring
# ---------------------------------------------------------------------------------------------


def overlap(span: Span, spans: Iterable[Span]) -> int:
    """Characters of ``span`` that fall inside ``spans``."""
    start, end = span
    return sum(max(0, min(end, s_end) - max(start, s_start)) for s_start, s_end in spans)


def match_greedy(predicted: Sequence[Span], gold: Sequence[Sequence[Span]]) -> list[tuple[int, int]]:
    """One-to-one matching of predicted spans to gold span lists, largest overlap first.

    Returns ``(predicted index, gold index)`` pairs; pairs without overlap never match.  Ties
    go to the earlier predicted, then the earlier gold item.
    """
    candidates = []
    for p_index, span in enumerate(predicted):
        for g_index, gold_spans in enumerate(gold):
            shared = overlap(span, gold_spans)
            if shared > 0:
                candidates.append((-shared, p_index, g_index))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p_index, g_index in candidates:
        if p_index not in used_p and g_index not in used_g:
            used_p.add(p_index)
            used_g.add(g_index)
            pairs.append((p_index, g_index))
    return sorted(pairs)


def _span_of(obj: Mapping[str, Any] | None) -> Span | None:
    if not obj or obj.get("start") is None or obj.get("end") is None:
        return None
    return int(obj["start"]), int(obj["end"])


def speaker_verdict(
    quote: Mapping[str, Any], report: Mapping[str, Any], gold_source: Sequence[Span]
) -> tuple[bool, bool]:
    """``(strict, cluster)`` correctness of a predicted quote's speaker against gold spans.

    Strict: the quote's ``speaker.mention`` overlaps a gold Source span.  Cluster: that, or
    any mention of the predicted source (its ``sources[]`` entry) overlaps one.  A null
    speaker is wrong under both.
    """
    speaker = quote.get("speaker")
    if not speaker:
        return False, False
    mention = _span_of(speaker.get("mention"))
    strict = mention is not None and overlap(mention, gold_source) > 0
    if strict:
        return True, True
    source_id = speaker.get("source_id")
    for source in report.get("sources") or []:
        if source.get("id") == source_id:
            for other in source.get("mentions") or []:
                span = _span_of(other)
                if span is not None and overlap(span, gold_source) > 0:
                    return False, True
    return False, False


@dataclass
class _Tally:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_evaluated: int = 0  # matched, gold has a Source
    speaker_strict: int = 0
    speaker_cluster: int = 0
    speaker_null: int = 0  # of the evaluated: predicted speaker null
    unsourced_matched: int = 0  # matched, gold has no Source
    unsourced_predicted_null: int = 0  # of those: predicted speaker null as well
    by_mix: Counter[str] = field(default_factory=Counter)  # gold/matched by pure/mixed
    missed_as: Counter[str] = field(default_factory=Counter)  # unmatched gold by what covers it
    speech_gold: int = 0  # indirect only: gold attributions whose cue is a speech verb
    speech_matched: int = 0  # of those, matched by a predicted attribution

    def add(self, other: _Tally) -> None:
        for item in fields(self):
            mine, theirs = getattr(self, item.name), getattr(other, item.name)
            if isinstance(mine, Counter):
                mine.update(theirs)
            else:
                setattr(self, item.name, mine + theirs)

    def as_dict(self) -> dict[str, Any]:
        precision = ratio(self.matched, self.predicted)
        recall = ratio(self.matched, self.gold)
        f1 = (
            None
            if precision is None or recall is None or precision + recall == 0
            else 2 * precision * recall / (precision + recall)
        )
        result: dict[str, Any] = {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speaker": {
                "evaluated": self.speaker_evaluated,
                "strict_correct": self.speaker_strict,
                "strict_accuracy": ratio(self.speaker_strict, self.speaker_evaluated),
                "cluster_correct": self.speaker_cluster,
                "cluster_accuracy": ratio(self.speaker_cluster, self.speaker_evaluated),
                "predicted_null": self.speaker_null,
                "gold_unsourced_matched": self.unsourced_matched,
                "gold_unsourced_predicted_null": self.unsourced_predicted_null,
            },
        }
        result["missed_by_predicted_kind"] = {kind: self.missed_as[kind] for kind in sorted(self.missed_as)}
        if self.speech_gold:
            result["speech_verb"] = {
                "gold": self.speech_gold,
                "matched": self.speech_matched,
                "recall": ratio(self.speech_matched, self.speech_gold),
            }
        if self.by_mix:
            result["recall_by_gold_type"] = {
                kind: {
                    "gold": self.by_mix[kind],
                    "matched": self.by_mix[f"{kind}_matched"],
                    "recall": ratio(self.by_mix[f"{kind}_matched"], self.by_mix[kind]),
                }
                for kind in ("pure", "mixed")
            }
        return result


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``; None when there is nothing to divide by."""
    return numerator / denominator if denominator else None


@dataclass(frozen=True)
class ErrorExample:
    """One scoring error, for debugging (see :func:`error_examples`)."""

    article: str
    category: str  # "direct" or "indirect"
    kind: str  # "missed", "spurious" or "speaker"
    start: int
    end: int
    quote_text: str
    gold_source_text: str | None  # None: no gold (spurious) or no Source annotated
    predicted_mention_text: str | None  # None: no prediction (missed) or null speaker
    predicted_kind: str | None = None  # missed: what covers it (see missed_by_predicted_kind)
    pattern: str | None = None  # speaker and spurious: the predicted cue's pattern (cue.pattern)


@dataclass
class _ArticleResult:
    tallies: dict[str, _Tally]
    errors: list[ErrorExample]


def _covering_kind(quotes: Sequence[Mapping[str, Any]], spans: Sequence[Span], category: str) -> str:
    """What the report made of an unmatched gold item: the kind of the predicted quote that
    overlaps it most (``scare``, ``title``, ...), ``merged`` when that quote is scored in the
    gold item's ``category`` (it was matched to another gold item), ``none`` when nothing
    overlaps."""
    best, best_overlap = "none", 0
    for quote in quotes:
        shared = overlap((int(quote["start"]), int(quote["end"])), spans)
        if shared > best_overlap:
            best_overlap = shared
            best = "merged" if scored_as(quote) == category else str(quote.get("kind"))
    return best


def _pattern(quote: Mapping[str, Any]) -> str | None:
    """The attribution pattern that found a predicted quotation's cue (None: no cue)."""
    cue = quote.get("cue")
    return str(cue.get("pattern")) if isinstance(cue, Mapping) and cue.get("pattern") else None


def scored_as(quote: Mapping[str, Any]) -> str | None:
    """The gold a predicted quote is matched with: "direct", "indirect" or none (scare quotes,
    titles). A transcript's turn ("PENCE: ...") is a quotation without marks, and PolNeAR, whose
    direct quotations are the contents holding quotation marks, annotates it as indirect."""
    if _pattern(quote) == CuePattern.TRANSCRIPT:
        return "indirect"
    kind = quote.get("kind")
    return "direct" if kind in DIRECT_KINDS else "indirect" if kind in INDIRECT_KINDS else None


def _evaluate_article(article: Article, report: Mapping[str, Any]) -> _ArticleResult:
    quotes = list(report.get("quotes") or [])
    tallies: dict[str, _Tally] = {}
    errors: list[ErrorExample] = []
    gold_sets: dict[str, list[tuple[tuple[Span, ...], GoldAttribution, bool | None]]] = {
        "direct": [(((quote.start, quote.end),), quote.attribution, quote.mixed) for quote in article.quotes],
        "indirect": [(attribution.content_spans, attribution, None) for attribution in article.indirect],
    }
    for category, gold in gold_sets.items():
        predicted = [quote for quote in quotes if scored_as(quote) == category]
        pred_spans = [(int(quote["start"]), int(quote["end"])) for quote in predicted]
        pairs = match_greedy(pred_spans, [spans for spans, _, _ in gold])
        tally = _Tally(gold=len(gold), predicted=len(predicted), matched=len(pairs))
        for _, _, mixed in gold:
            if mixed is not None:
                tally.by_mix["mixed" if mixed else "pure"] += 1
        matched_p = {p for p, _ in pairs}
        matched_g = {g for _, g in pairs}
        if category == "indirect":
            speech = [
                g
                for g, (_, attribution, _) in enumerate(gold)
                if is_speech_cue(article.span_text(attribution.cue_spans))
            ]
            tally.speech_gold = len(speech)
            tally.speech_matched = sum(g in matched_g for g in speech)
        for p_index, g_index in pairs:
            quote = predicted[p_index]
            spans, attribution, mixed = gold[g_index]
            if mixed is not None:
                tally.by_mix["mixed_matched" if mixed else "pure_matched"] += 1
            mention = (quote.get("speaker") or {}).get("mention") or {}
            mention_text = mention.get("text") if quote.get("speaker") else None
            if not attribution.has_source:
                tally.unsourced_matched += 1
                tally.unsourced_predicted_null += not quote.get("speaker")
                continue
            strict, cluster = speaker_verdict(quote, report, attribution.source_spans)
            tally.speaker_evaluated += 1
            tally.speaker_strict += strict
            tally.speaker_cluster += cluster
            tally.speaker_null += not quote.get("speaker")
            if not strict:
                start, end = spans[0][0], spans[-1][1]
                errors.append(
                    ErrorExample(
                        article.name,
                        category,
                        "speaker",
                        start,
                        end,
                        article.span_text(spans),
                        article.span_text(attribution.source_spans),
                        mention_text,
                        quote.get("kind"),
                        _pattern(quote),
                    )
                )
        for g_index, (spans, attribution, _) in enumerate(gold):
            if g_index not in matched_g:
                covered_by = _covering_kind(quotes, spans, category)
                tally.missed_as[covered_by] += 1
                errors.append(
                    ErrorExample(
                        article.name,
                        category,
                        "missed",
                        spans[0][0],
                        spans[-1][1],
                        article.span_text(spans),
                        article.span_text(attribution.source_spans) if attribution.has_source else None,
                        None,
                        covered_by,
                    )
                )
        for p_index, quote in enumerate(predicted):
            if p_index not in matched_p:
                start, end = pred_spans[p_index]
                mention = (quote.get("speaker") or {}).get("mention") or {}
                errors.append(
                    ErrorExample(
                        article.name,
                        category,
                        "spurious",
                        start,
                        end,
                        article.text[start:end],
                        None,
                        mention.get("text"),
                        quote.get("kind"),
                        _pattern(quote),
                    )
                )
        tallies[category] = tally
    errors.sort(key=lambda error: (error.start, error.end))
    return _ArticleResult(tallies, errors)


def _evaluate(articles: Sequence[Article], reports: Sequence[Mapping[str, Any]]) -> list[_ArticleResult]:
    if len(articles) != len(reports):
        raise ValueError(f"{len(articles)} articles but {len(reports)} reports")
    return [_evaluate_article(article, report) for article, report in zip(articles, reports, strict=True)]


def score(articles: Sequence[Article], reports: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Score quotecheck reports against the gold annotations; ``reports[i]`` is for ``articles[i]``.

    Returns a JSON-serialisable dict::

        {"articles": n,
         "direct":   {gold, predicted, matched, precision, recall, f1,
                      speaker: {evaluated, strict_correct, strict_accuracy, cluster_correct,
                                cluster_accuracy, predicted_null, gold_unsourced_matched,
                                gold_unsourced_predicted_null},
                      missed_by_predicted_kind: {scare: n, title: n, merged: n, none: n, ...},
                      recall_by_gold_type: {pure: {...}, mixed: {...}}},
         "indirect": {... the same, without recall_by_gold_type},
         "by_publisher": {publisher: {"direct": {...}, "indirect": {...}}}}

    Ratios are ``None`` when their denominator is 0.
    """
    results = _evaluate(articles, reports)
    totals = {"direct": _Tally(), "indirect": _Tally()}
    publishers: dict[str, dict[str, _Tally]] = defaultdict(lambda: {"direct": _Tally(), "indirect": _Tally()})
    for article, result in zip(articles, results, strict=True):
        for category, tally in result.tallies.items():
            totals[category].add(tally)
            publishers[article.publisher][category].add(tally)
    return {
        "articles": len(articles),
        "direct": totals["direct"].as_dict(),
        "indirect": totals["indirect"].as_dict(),
        "by_publisher": {
            publisher: {category: tally.as_dict() for category, tally in tallies.items()}
            for publisher, tallies in sorted(publishers.items())
        },
    }


def error_examples(
    articles: Sequence[Article],
    reports: Sequence[Mapping[str, Any]],
    kinds: Iterable[str] = ("missed", "spurious", "speaker"),
    categories: Iterable[str] = ("direct",),
    limit: int | None = None,
) -> list[ErrorExample]:
    """Scoring errors for debugging, in article and text order.

    ``kinds``: ``missed`` (gold quote not matched), ``spurious`` (predicted quote not
    matched), ``speaker`` (matched, gold has a Source, strict speaker check failed);
    ``categories``: ``direct`` and/or ``indirect``.
    """
    wanted_kinds = set(kinds)
    wanted_categories = set(categories)
    examples = [
        error
        for result in _evaluate(articles, reports)
        for error in result.errors
        if error.kind in wanted_kinds and error.category in wanted_categories
    ]
    return examples if limit is None else examples[:limit]


def gold_statistics(articles: Sequence[Article]) -> dict[str, int]:
    """Counts describing the gold standard of a split (for documentation and sanity checks)."""
    quotes = [quote for article in articles for quote in article.quotes]
    attributions = [attribution for article in articles for attribution in article.attributions]
    return {
        "articles": len(articles),
        "attributions": len(attributions),
        "direct_attributions": sum(attribution.is_direct for attribution in attributions),
        "direct_quotes": len(quotes),
        "direct_quotes_mixed": sum(quote.mixed for quote in quotes),
        "direct_quotes_without_source": sum(not quote.attribution.has_source for quote in quotes),
        "indirect": len(attributions) - sum(a.is_direct for a in attributions),
        "indirect_without_source": sum(
            not attribution.has_source for attribution in attributions if not attribution.is_direct
        ),
        "articles_with_several_annotators": sum(bool(article.other_annotation_files) for article in articles),
        "skipped_events": sum(article.skipped_events for article in articles),
    }


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def format_markdown(scores: Mapping[str, Any]) -> str:
    """Markdown tables for a :func:`score` result (percentages, with counts)."""
    lines = [
        "| task | gold | predicted | matched | precision | recall | F1 "
        "| speaker (strict) | speaker (cluster) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    labels = {"direct": "direct quotations", "indirect": "indirect attributions"}
    for category in ("direct", "indirect"):
        part = scores[category]
        speaker = part["speaker"]
        lines.append(
            f"| {labels[category]} | {part['gold']} | {part['predicted']} | {part['matched']} "
            f"| {_pct(part['precision'])} | {_pct(part['recall'])} | {_pct(part['f1'])} "
            f"| {_pct(speaker['strict_accuracy'])} "
            f"({speaker['strict_correct']}/{speaker['evaluated']}) "
            f"| {_pct(speaker['cluster_accuracy'])} "
            f"({speaker['cluster_correct']}/{speaker['evaluated']}) |"
        )
    speech = scores["indirect"].get("speech_verb")
    if speech:
        lines.append(
            f"| indirect, speech-verb cue | {speech['gold']} | | {speech['matched']} "
            f"| {_pct(scores['indirect']['precision'])} | {_pct(speech['recall'])} | | | |"
        )
    direct = scores["direct"]
    speaker = direct["speaker"]
    notes = [
        "",
        f"- Speaker accuracy is over the {speaker['evaluated']} matched direct quotations "
        f"whose gold attribution has a Source; quotecheck gave {speaker['predicted_null']} of "
        f"them no speaker. {speaker['gold_unsourced_matched']} matched quotations have no "
        f"gold Source ({speaker['gold_unsourced_predicted_null']} of them unattributed by "
        "quotecheck too).",
    ]
    missed = direct["missed_by_predicted_kind"]
    if missed:
        labels_missed = {
            "merged": "inside a quotation matched to another gold one",
            "none": "not reported at all",
        }
        pieces = [
            f"{count} {labels_missed.get(kind, f'reported as {kind}')}"
            for kind, count in sorted(missed.items(), key=lambda item: -item[1])
        ]
        notes.append(f"- Missed gold quotations: {', '.join(pieces)}.")
    by_type = direct.get("recall_by_gold_type")
    if by_type:
        notes.append(
            f"- Recall on quotations that make up their whole attribution content: "
            f"{_pct(by_type['pure']['recall'])} "
            f"({by_type['pure']['matched']}/{by_type['pure']['gold']}); "
            f"on quotations inside paraphrase (mixed): {_pct(by_type['mixed']['recall'])} "
            f"({by_type['mixed']['matched']}/{by_type['mixed']['gold']})."
        )
    lines.extend(notes)
    lines += [
        "",
        "| publisher | direct: gold | P | R | F1 | speaker (strict) | speaker (cluster) "
        "| indirect: gold | R | speaker (strict) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for publisher, parts in scores["by_publisher"].items():
        d, i = parts["direct"], parts["indirect"]
        lines.append(
            f"| {publisher} | {d['gold']} | {_pct(d['precision'])} | {_pct(d['recall'])} "
            f"| {_pct(d['f1'])} | {_pct(d['speaker']['strict_accuracy'])} "
            f"| {_pct(d['speaker']['cluster_accuracy'])} | {i['gold']} | {_pct(i['recall'])} "
            f"| {_pct(i['speaker']['strict_accuracy'])} |"
        )
    return "\n".join(lines) + "\n"
