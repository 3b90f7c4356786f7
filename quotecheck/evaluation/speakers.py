"""Score quotecheck's resolved speakers and source types against hand-labelled gold.

The gold (``benchmarks/gold/polnear-train-speakers.jsonl``, guide: ``docs/labelling.md``)
labels every PolNeAR event of 64 train articles with an article-local source: its type
(:class:`LabelType`) and, when the article names it, the offsets of its fullest name (the
*referents*).  Gold events are matched to report quotations with
:func:`quotecheck.evaluation.polnear.match_greedy` (one-to-one, largest overlap first; every
spoken kind: direct, partial and indirect), and on the events quotecheck found this module
measures:

* **resolved-speaker accuracy**: a named gold source is right when the quote's report source
  is that person or organization (a mention of it overlaps a referent, or its name and the
  referent are the same name by :func:`names_compatible`); an unnamed one is right when the
  report source is not typed ``named_*`` (no speaker at all is right only for
  ``not_a_source``).  Overall, for quoted events, by gold named/unnamed and by
  ``speaker.resolution``;
* **per-type precision and recall of sources**: each gold source is mapped to the report source
  most of its found events went to, each report source gets the type of the gold source most of
  its events belong to;
* **errors**: one row per wrong speaker or wrong type, with the quote's ``cue.pattern`` and
  resolution, and their counts grouped by both.

``python -m quotecheck.evaluation.speakers --agreement DIR`` compares a second labeller's
files with the gold (Cohen's kappa on event types, referent agreement).  The accuracy benchmark
(``benchmarks/accuracy.py --speakers``) runs the scoring on quotecheck's reports.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from quotecheck.evaluation import polnear
from quotecheck.evaluation.polnear import Span
from quotecheck.lexicons import default_lexicon
from quotecheck.vocab import CuePattern, QuoteKind, Resolution, SourceType

DEFAULT_GOLD = polnear.REPO_ROOT / "benchmarks" / "gold" / "polnear-train-speakers.jsonl"
"""The measuring set: 64 labelled train articles that nobody tunes on."""
TUNING_GOLD = polnear.REPO_ROOT / "benchmarks" / "gold" / "polnear-train-speakers-tuning.jsonl"
"""The tuning set: 48 labelled train articles from the part of train that is tuned on."""
GOLD_SPLIT = "train"

SPOKEN_KINDS = frozenset(kind for kind in QuoteKind if kind.spoken)
NO_SPEAKER = "none"
"""The resolution, cue pattern and report type shown for a quote without a speaker (or cue)."""


class LabelType(StrEnum):
    """The gold type of a source (``docs/labelling.md``)."""

    NAMED_PERSON = "named_person"
    NAMED_ORGANIZATION = "named_organization"
    ANONYMOUS_INDIVIDUAL = "anonymous_individual"
    ANONYMOUS_GROUP = "anonymous_group"
    DOCUMENT = "document"
    NOT_A_SOURCE = "not_a_source"


NAMED_REPORT_TYPES = frozenset({SourceType.NAMED_PERSON, SourceType.NAMED_ORGANIZATION})
ANONYMOUS_LABELS = frozenset({LabelType.ANONYMOUS_INDIVIDUAL, LabelType.ANONYMOUS_GROUP})

TYPE_ROWS: dict[str, frozenset[LabelType]] = {
    "anonymous": ANONYMOUS_LABELS,
    LabelType.ANONYMOUS_INDIVIDUAL: frozenset({LabelType.ANONYMOUS_INDIVIDUAL}),
    LabelType.ANONYMOUS_GROUP: frozenset({LabelType.ANONYMOUS_GROUP}),
    LabelType.NAMED_PERSON: frozenset({LabelType.NAMED_PERSON}),
    LabelType.NAMED_ORGANIZATION: frozenset({LabelType.NAMED_ORGANIZATION}),
    LabelType.DOCUMENT: frozenset({LabelType.DOCUMENT}),
    LabelType.NOT_A_SOURCE: frozenset({LabelType.NOT_A_SOURCE}),
}
"""The rows of the source-type table: a name and the gold types (report types mapped by
:func:`report_label`) it covers."""

RESOLUTION_ROWS: tuple[str, ...] = (*(resolution.value for resolution in Resolution), NO_SPEAKER)
RESOLVED = frozenset({Resolution.PRONOUN, Resolution.NOMINAL, Resolution.FLOATING})
"""The resolution cases: a speaker found away from the cue's own name or descriptor."""

# ---------------------------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldSource:
    """A labelled real-world speaker of one article."""

    id: str
    type: LabelType
    referents: tuple[Span, ...]  # its fullest name mention(s); empty: not named in the article

    @property
    def named(self) -> bool:
        return bool(self.referents)


@dataclass(frozen=True)
class GoldEvent(polnear.ContentExtent):
    """A PolNeAR event with its labelled source."""

    id: str
    content_spans: tuple[Span, ...]
    source: str
    quoted: bool
    uncertain: bool = False


@dataclass(frozen=True)
class GoldArticle:
    """One labelled article (a line of the gold file)."""

    name: str
    annotation: str
    sources: Mapping[str, GoldSource]
    events: tuple[GoldEvent, ...]

    def source_of(self, event: GoldEvent) -> GoldSource:
        return self.sources[event.source]


def _spans(raw: Iterable[Sequence[int]]) -> tuple[Span, ...]:
    return tuple((int(start), int(end)) for start, end in raw)


def parse_gold(obj: Mapping[str, Any]) -> GoldArticle:
    """A :class:`GoldArticle` from its JSON object (free-text ``note`` counts as uncertain)."""
    sources = {
        ident: GoldSource(ident, LabelType(raw["type"]), _spans(raw.get("referents") or []))
        for ident, raw in obj["sources"].items()
    }
    events = tuple(
        GoldEvent(
            str(raw["event"]),
            _spans(raw["content"]),
            str(raw["source"]),
            bool(raw.get("quoted")),
            bool(raw.get("uncertain") or raw.get("note")),
        )
        for raw in obj["events"]
    )
    return GoldArticle(str(obj["article"]), str(obj.get("annotation", "")), sources, events)


def load_gold(path: str | Path = DEFAULT_GOLD) -> list[GoldArticle]:
    """The labelled articles of a JSON-lines gold file, in file order."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [parse_gold(json.loads(line)) for line in lines if line.strip()]


def load_gold_dir(directory: str | Path) -> list[GoldArticle]:
    """The labelled articles of a directory of ``<article>.json`` files, by file name."""
    return [
        parse_gold(json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(Path(directory).glob("*.json"))
    ]


# ---------------------------------------------------------------------------------------------
# Names and referents
# ---------------------------------------------------------------------------------------------

_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr"})  # always right before a surname
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = "\"“”‘’'.,;:!?()[]{}#@"


@cache
def _titles() -> frozenset[str]:
    """quotecheck's titles ("Sen", "President"), lower case, without a trailing period."""
    return frozenset(title.lower().rstrip(".") for title in default_lexicon().titles)


@cache
def _organization_words() -> frozenset[str]:
    """Head nouns of organization names ("department", "campaign"), lower case."""
    lexicon = default_lexicon()
    return frozenset(word.lower() for word in lexicon.organization_nouns | lexicon.organization_words)


def _word(raw: str) -> str:
    """A word of a name: accents, possessive and edge punctuation removed, lower case."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", raw) if not unicodedata.combining(c))
    return _POSSESSIVE.sub("", plain.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT).lower()


def _tokens(name: str) -> list[str]:
    """The words of a name without a leading "the"; for a person (a name not ending in an
    organization noun), also without what precedes an honorific ("Mr."), leading titles and
    trailing suffixes ("Jr.")."""
    words = [word for word in map(_word, name.split()) if word]
    if words and words[0] == "the":
        words.pop(0)
    if not words or words[-1] in _organization_words():
        return words
    honorific = max((i for i, word in enumerate(words[:-1]) if word in _HONORIFICS), default=-1)
    words = words[honorific + 1 :]
    while len(words) > 1 and words[0] in _titles():
        words.pop(0)
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def _given_fits(given: str, words: Sequence[str]) -> bool:
    """Whether a given name (or initial) is among ``words``, the other name's words before its
    surname (an initial fits a word with its letter, a word fits an initial of its letter)."""
    if len(given) == 1:
        return any(word[0] == given for word in words)
    return any(word == given or (len(word) == 1 and word == given[0]) for word in words)


def names_compatible(first: str, second: str) -> bool:
    """Whether two names can name the same person or organization.

    People: the same last word and, when both have words before it, the given name of one
    among the other's ("Clinton" fits "Hillary Clinton", "Mrs. Clinton's" and "Former
    Secretary of State Hillary Clinton"; "Bill Clinton" does not fit "Hillary Clinton").
    Organizations (a name ending in an organization noun): the same last word and the same
    first word, so that neither "the Trump campaign" nor "the campaign" fits "the Clinton
    campaign".  Accents, case, possessives, titles and suffixes do not count.
    """
    a, b = _tokens(first), _tokens(second)
    if not a or not b or a[-1] != b[-1]:
        return False
    if a[-1] in _organization_words():
        return a == b or (len(a) > 1 and len(b) > 1 and a[0] == b[0])
    if len(a) == 1 or len(b) == 1:
        return True
    return _given_fits(a[0], b[:-1]) or _given_fits(b[0], a[:-1])


def _span_of(obj: Mapping[str, Any] | None) -> Span | None:
    if not obj or obj.get("start") is None or obj.get("end") is None:
        return None
    return int(obj["start"]), int(obj["end"])


def source_is_referent(
    source: Mapping[str, Any], quote: Mapping[str, Any], referents: Sequence[Span], text: str
) -> bool:
    """Whether a report source is the gold source named at ``referents``: one of its mentions
    (or the quote's speaker mention) overlaps a referent, or its name fits a referent's text."""
    mentions = [*(source.get("mentions") or []), (quote.get("speaker") or {}).get("mention")]
    spans = [span for span in map(_span_of, mentions) if span is not None]
    if any(polnear.overlap(span, referents) > 0 for span in spans):
        return True
    name = str(source.get("name") or "")
    return any(names_compatible(name, text[start:end]) for start, end in referents)


def same_referent(first: Sequence[Span], second: Sequence[Span], text: str) -> bool:
    """Whether two referent lists name the same speaker: overlapping spans or fitting names."""
    if any(polnear.overlap(span, second) > 0 for span in first):
        return True
    return any(names_compatible(text[a:b], text[c:d]) for a, b in first for c, d in second)


# ---------------------------------------------------------------------------------------------
# Matching gold events to report quotes
# ---------------------------------------------------------------------------------------------


def report_label(source: Mapping[str, Any] | None) -> LabelType:
    """The gold type a report source's type stands for (``unknown`` or no speaker: not a source)."""
    kind = None if source is None else source.get("type")
    if kind is None or kind == SourceType.UNKNOWN:
        return LabelType.NOT_A_SOURCE
    return LabelType(str(kind))


@dataclass(frozen=True)
class FoundEvent:
    """A gold event matched to a report quote, with the verdicts on its speaker and type."""

    article: str
    event: GoldEvent
    gold: GoldSource
    quote: Mapping[str, Any]
    source: Mapping[str, Any] | None  # the quote's report source; None: no speaker
    speaker_correct: bool

    @property
    def source_key(self) -> str | None:
        return None if self.source is None else str(self.source.get("id"))

    @property
    def report_type(self) -> LabelType:
        return report_label(self.source)

    @property
    def report_type_name(self) -> str:
        return NO_SPEAKER if self.source is None else str(self.source.get("type"))

    @property
    def type_correct(self) -> bool:
        return self.report_type == self.gold.type

    @property
    def resolution(self) -> str:
        speaker = self.quote.get("speaker")
        return str(speaker.get("resolution")) if speaker else NO_SPEAKER

    @property
    def pattern(self) -> str:
        cue = self.quote.get("cue")
        return str(cue.get("pattern") or NO_SPEAKER) if cue else NO_SPEAKER


def speaker_correct(
    gold: GoldSource, source: Mapping[str, Any] | None, quote: Mapping[str, Any], text: str
) -> bool:
    """Rule 1: a named gold source must be the report source; an unnamed one must not be
    reported as named (and only ``not_a_source`` may be left without a speaker)."""
    if gold.named:
        return source is not None and source_is_referent(source, quote, gold.referents, text)
    if source is None:
        return gold.type == LabelType.NOT_A_SOURCE
    return source.get("type") not in NAMED_REPORT_TYPES


def spoken_quotes(report: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The report quotes a gold event can match: direct, partial and indirect."""
    return [quote for quote in report.get("quotes") or [] if quote.get("kind") in SPOKEN_KINDS]


def match_events(article: GoldArticle, report: Mapping[str, Any], text: str) -> list[FoundEvent]:
    """The gold events quotecheck found, in event order, matched one-to-one to spoken report
    quotes by :func:`polnear.match_greedy` (the events' Content spans against the quote spans)."""
    quotes = spoken_quotes(report)
    sources = {str(source.get("id")): source for source in report.get("sources") or []}
    pairs = polnear.match_greedy(
        [(int(quote["start"]), int(quote["end"])) for quote in quotes],
        [event.content_spans for event in article.events],
    )
    found = []
    for q_index, e_index in sorted(pairs, key=lambda pair: pair[1]):
        event, quote = article.events[e_index], quotes[q_index]
        speaker = quote.get("speaker")
        source = sources.get(str(speaker.get("source_id"))) if speaker else None
        gold = article.source_of(event)
        found.append(
            FoundEvent(article.name, event, gold, quote, source, speaker_correct(gold, source, quote, text))
        )
    return found


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _accuracy(found: Sequence[FoundEvent]) -> dict[str, Any]:
    correct = sum(item.speaker_correct for item in found)
    return {"evaluated": len(found), "correct": correct, "accuracy": polnear.ratio(correct, len(found))}


def _both(found: Sequence[FoundEvent]) -> dict[str, Any]:
    """Accuracy on the quoted events and on all events."""
    return {"quoted": _accuracy([item for item in found if item.event.quoted]), "all": _accuracy(found)}


def speaker_scores(found: Sequence[FoundEvent]) -> dict[str, Any]:
    """Resolved-speaker accuracy overall, by gold named/unnamed and by resolution."""
    return {
        "overall": _both(found),
        "gold_named": _both([item for item in found if item.gold.named]),
        "gold_not_named": _both([item for item in found if not item.gold.named]),
        "resolution_cases": _both([item for item in found if item.resolution in RESOLVED]),
        "by_resolution": {
            resolution: _both([item for item in found if item.resolution == resolution])
            for resolution in RESOLUTION_ROWS
        },
    }


def _majority(values: Iterable[Any]) -> Any:
    """The most common value (the first seen among equals)."""
    return Counter(values).most_common(1)[0][0]


@dataclass
class _TypeTally:
    report_matched: int = 0
    report_all: int = 0
    true_positive: int = 0
    gold: int = 0
    found: int = 0  # gold sources of the type with at least one found event
    recalled: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "report_matched": self.report_matched,
            "report_all": self.report_all,
            "true_positive": self.true_positive,
            "precision": polnear.ratio(self.true_positive, self.report_matched),
            "strict_precision": polnear.ratio(self.true_positive, self.report_all),
            "gold": self.gold,
            "found": self.found,
            "recalled": self.recalled,
            "recall": polnear.ratio(self.recalled, self.gold),
            "found_recall": polnear.ratio(self.recalled, self.found),
        }


def _report_sources(report: Mapping[str, Any]) -> dict[str | None, LabelType]:
    """Every report source by id with its type as a gold type; ``None`` stands for "no speaker"
    when some spoken quote has none."""
    sources: dict[str | None, LabelType] = {
        str(source.get("id")): report_label(source) for source in report.get("sources") or []
    }
    if any(not quote.get("speaker") for quote in spoken_quotes(report)):
        sources[None] = LabelType.NOT_A_SOURCE
    return sources


def _tally_types(
    article: GoldArticle,
    report: Mapping[str, Any],
    found: Sequence[FoundEvent],
    tallies: dict[str, _TypeTally],
) -> None:
    """Add one article's sources to the per-type tallies (rule 2)."""
    report_sources = _report_sources(report)
    gold_of: dict[str | None, LabelType] = {}  # report source -> type of its majority gold source
    for key in report_sources:
        mine = [item.gold.id for item in found if item.source_key == key]
        if mine:
            gold_of[key] = article.sources[_majority(mine)].type
    mapped: dict[str, str | None] = {}  # gold source -> the report source most of its events went to
    for gold_id in article.sources:
        keys = [item.source_key for item in found if item.gold.id == gold_id]
        if keys:
            mapped[gold_id] = _majority(keys)
    for row, labels in TYPE_ROWS.items():
        tally = tallies[row]
        typed = [key for key, label in report_sources.items() if label in labels]
        tally.report_all += len(typed)
        tally.report_matched += sum(key in gold_of for key in typed)
        tally.true_positive += sum(gold_of.get(key) in labels for key in typed)
        for gold_id, source in article.sources.items():
            if source.type in labels:
                tally.gold += 1
                tally.found += gold_id in mapped
                tally.recalled += gold_id in mapped and report_sources.get(mapped[gold_id]) in labels


@dataclass(frozen=True)
class ErrorRow:
    """A found event with a wrong speaker (``kind`` "speaker") or a wrong type ("type")."""

    kind: str
    article: str
    event: str
    start: int
    end: int
    quoted: bool
    gold_type: str
    report_type: str
    pattern: str
    resolution: str
    mention: str | None  # the report's speaker mention as written
    referent: str | None  # the gold referent(s) as written; None: not named


def _error_rows(found: Sequence[FoundEvent], text: str) -> list[ErrorRow]:
    rows: list[ErrorRow] = []
    for item in found:
        kinds = [
            kind for kind, ok in (("speaker", item.speaker_correct), ("type", item.type_correct)) if not ok
        ]
        mention = ((item.quote.get("speaker") or {}).get("mention") or {}).get("text")
        referent = " + ".join(text[s:e] for s, e in item.gold.referents) or None
        rows.extend(
            ErrorRow(
                kind,
                item.article,
                item.event.id,
                item.event.start,
                item.event.end,
                item.event.quoted,
                item.gold.type,
                item.report_type_name,
                item.pattern,
                item.resolution,
                mention,
                referent,
            )
            for kind in kinds
        )
    return rows


@dataclass(frozen=True)
class Evaluation:
    """Everything measured on one set of articles: :func:`evaluate`."""

    scores: dict[str, Any]
    errors: list[ErrorRow]


def _grouped(errors: Sequence[ErrorRow], field: str) -> dict[str, dict[str, int]]:
    """Error counts by ``field`` (pattern or resolution), per kind, most errors first."""
    counts: dict[str, Counter[str]] = {"speaker": Counter(), "type": Counter()}
    for error in errors:
        counts[error.kind][getattr(error, field)] += 1
    values = sorted(
        {getattr(error, field) for error in errors},
        key=lambda value: (-counts["speaker"][value] - counts["type"][value], value),
    )
    return {value: {kind: counts[kind][value] for kind in counts} for value in values}


ISSUE_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("pronoun", "1. pronoun resolved to the wrong source"),
    ("mention", "2. wrong speaker mention for the cue found"),
    ("cue", "3. no cue: the paragraph's speaker or none taken"),
    ("description", "4. description not linked to the right name"),
    ("document", "5. document or its author"),
    ("anonymous_over", "7. typed anonymous, not anonymous"),
    ("anonymous_missed", "7. anonymous, typed otherwise"),
    ("named_untyped", "named person or organization, typed unknown or no speaker"),
    ("person_organization", "named person and organization confused"),
    ("other_type", "other wrong types"),
    ("transcript", "8. transcript or blockquote layout"),
)
"""The error categories of issue 10's root causes (its numbering; nested speech, cause 6, has
no mark of its own in a report and counts under 2), by key, with their table labels."""


def issue_category(error: ErrorRow) -> str:
    """The issue-10 category (a key of :data:`ISSUE_CATEGORIES`) of one error row: layout first
    (transcripts), then documents, then by the kind of error and how the speaker was found."""
    if error.pattern in (CuePattern.TRANSCRIPT, CuePattern.BLOCKQUOTE_FOOTER):
        return "transcript"
    if LabelType.DOCUMENT in (error.gold_type, error.report_type):
        return "document"
    if error.kind == "type":
        gold_anonymous = error.gold_type in ANONYMOUS_LABELS
        report_anonymous = error.report_type in ANONYMOUS_LABELS
        if report_anonymous and not gold_anonymous:
            return "anonymous_over"
        if gold_anonymous:
            return "anonymous_missed"
        named = {LabelType.NAMED_PERSON, LabelType.NAMED_ORGANIZATION}
        if error.gold_type in named:
            return "person_organization" if error.report_type in named else "named_untyped"
        return "other_type"
    by_resolution: dict[str, str] = {
        Resolution.PRONOUN: "pronoun",
        Resolution.NOMINAL: "description",
        Resolution.EXPLICIT: "mention",
    }
    return by_resolution.get(error.resolution, "cue")  # floating or none: no cue of its own


def _by_category(errors: Sequence[ErrorRow], events: Mapping[str, int]) -> dict[str, int]:
    """Error counts by issue category, and the gold events not found (quoted or not)."""
    counts = Counter(issue_category(error) for error in errors)
    return {
        **{key: counts[key] for key, _ in ISSUE_CATEGORIES},
        "not_found_quoted": events["quoted_gold"] - events["quoted_found"],
        "not_found_unquoted": (events["gold"] - events["found"])
        - (events["quoted_gold"] - events["quoted_found"]),
    }


def evaluate(
    gold: Sequence[GoldArticle], reports: Mapping[str, Mapping[str, Any]], texts: Mapping[str, str]
) -> Evaluation:
    """Score the reports (by article name) against the gold; ``texts`` are the article texts.

    ``scores``::

        {"articles": n,
         "events": {"gold", "found", "quoted_gold", "quoted_found"},
         "speaker": {"overall" | "gold_named" | "gold_not_named" | "resolution_cases":
                         {"quoted": {evaluated, correct, accuracy}, "all": {...}},
                     "by_resolution": {resolution or "none": {"quoted": ..., "all": ...}}},
         "types": {row: {report_matched, report_all, true_positive, precision,
                         strict_precision, gold, recalled, recall}},
         "errors": {"by_pattern" | "by_resolution": {value: {"speaker": n, "type": n}},
                    "by_category": {issue category key or "not_found_quoted" |
                                    "not_found_unquoted": n}}}

    Raises KeyError when an article has no report or text.
    """
    found: list[FoundEvent] = []
    errors: list[ErrorRow] = []
    tallies = {row: _TypeTally() for row in TYPE_ROWS}
    for article in gold:
        report, text = reports[article.name], texts[article.name]
        mine = match_events(article, report, text)
        _tally_types(article, report, mine, tallies)
        errors.extend(_error_rows(mine, text))
        found.extend(mine)
    events = [event for article in gold for event in article.events]
    counts = {
        "gold": len(events),
        "found": len(found),
        "quoted_gold": sum(event.quoted for event in events),
        "quoted_found": sum(item.event.quoted for item in found),
    }
    scores = {
        "articles": len(gold),
        "events": counts,
        "speaker": speaker_scores(found),
        "types": {row: tally.as_dict() for row, tally in tallies.items()},
        "errors": {
            "by_pattern": _grouped(errors, "pattern"),
            "by_resolution": _grouped(errors, "resolution"),
            "by_category": _by_category(errors, counts),
        },
    }
    return Evaluation(scores, errors)


# ---------------------------------------------------------------------------------------------
# Markdown
# ---------------------------------------------------------------------------------------------


def _pct(part: Mapping[str, Any], key: str = "accuracy", num: str = "correct", den: str = "evaluated") -> str:
    value = part[key]
    shown = "–" if value is None else f"{100 * value:.1f}"
    return f"{shown} ({part[num]}/{part[den]})"


SPEAKER_ROWS = (
    ("overall", "all found events"),
    ("gold_named", "gold source named"),
    ("gold_not_named", "gold source not named"),
)


def format_speakers(scores: Mapping[str, Any]) -> str:
    """The resolved-speaker table: accuracy in percent (correct/evaluated)."""
    events = scores["events"]
    lines = [
        f"Found {events['found']} of {events['gold']} gold events "
        f"({events['quoted_found']} of {events['quoted_gold']} quoted).",
        "",
        "| events | quoted: accuracy | all: accuracy |",
        "| --- | ---: | ---: |",
    ]
    speaker = scores["speaker"]
    rows = [(label, speaker[key]) for key, label in SPEAKER_ROWS]
    rows += [(f"resolution {name}", part) for name, part in speaker["by_resolution"].items()]
    rows.append(("pronoun + nominal + floating", speaker["resolution_cases"]))
    for label, part in rows:
        lines.append(f"| {label} | {_pct(part['quoted'])} | {_pct(part['all'])} |")
    return "\n".join(lines) + "\n"


def format_types(scores: Mapping[str, Any]) -> str:
    """The source-type table: precision (matched report sources), strict precision (all report
    sources of the type), recall, and recall over the gold sources with a found event (how much
    of the recall gap is typing rather than finding), in percent."""
    lines = [
        "| type | precision | strict precision | recall | recall where found |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for row, part in scores["types"].items():
        lines.append(
            f"| {row} | {_pct(part, 'precision', 'true_positive', 'report_matched')} "
            f"| {_pct(part, 'strict_precision', 'true_positive', 'report_all')} "
            f"| {_pct(part, 'recall', 'recalled', 'gold')} "
            f"| {_pct(part, 'found_recall', 'recalled', 'found')} |"
        )
    return "\n".join(lines) + "\n"


def format_error_counts(scores: Mapping[str, Any]) -> str:
    """Wrong speakers and wrong types counted by cue pattern and by resolution."""
    lines: list[str] = []
    for field, title in (("by_pattern", "cue pattern"), ("by_resolution", "resolution")):
        lines += [f"| {title} | wrong speaker | wrong type |", "| --- | ---: | ---: |"]
        for value, counts in scores["errors"][field].items():
            lines.append(f"| {value} | {counts['speaker']} | {counts['type']} |")
        lines.append("")
    return "\n".join(lines)


def format_categories(scores: Mapping[str, Any]) -> str:
    """The errors counted by issue-10 category, then the gold events not found."""
    counts = scores["errors"]["by_category"]
    lines = ["| category | errors |", "| --- | ---: |"]
    lines += [f"| {label} | {counts[key]} |" for key, label in ISSUE_CATEGORIES]
    lines.append(f"| 3. not found: quoted events | {counts['not_found_quoted']} |")
    lines.append(f"| 3. not found: unquoted events | {counts['not_found_unquoted']} |")
    return "\n".join(lines) + "\n"


def format_markdown(scores: Mapping[str, Any]) -> str:
    """All the tables of an :func:`evaluate` result."""
    return (
        f"{format_speakers(scores)}\n{format_types(scores)}\n"
        f"Errors by issue 10's root causes:\n\n{format_categories(scores)}\n"
        f"Errors by the report's cue pattern and speaker resolution:\n\n{format_error_counts(scores)}"
    )


def format_errors(errors: Sequence[ErrorRow], per_kind: int) -> str:
    """Markdown lists of ``per_kind`` wrong speakers and ``per_kind`` wrong types."""
    out: list[str] = []
    for kind, title in (("speaker", "Wrong resolved speakers"), ("type", "Wrong source types")):
        chosen = [error for error in errors if error.kind == kind][:per_kind]
        out += ["", f"### {title} ({len(chosen)} shown)", ""]
        out += [
            f"- `{e.article}` {e.event} {e.start}-{e.end}{' (quoted)' if e.quoted else ''}: "
            f"gold {e.gold_type} {_quoted(e.referent)}, report {e.report_type} {_quoted(e.mention)}"
            f" [{e.pattern}, {e.resolution}]"
            for e in chosen
        ]
    return "\n".join(out) + "\n"


def _quoted(text: str | None) -> str:
    return "(unnamed)" if text is None else f"“{' '.join(text.split())[:60]}”"


# ---------------------------------------------------------------------------------------------
# Inter-annotator agreement
# ---------------------------------------------------------------------------------------------


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two labellings (``(first, second)`` per item); None without items, 1.0
    when both used one label throughout."""
    if not pairs:
        return None
    observed = sum(a == b for a, b in pairs) / len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[label] * second[label] for label in first) / len(pairs) ** 2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(
    gold: Sequence[GoldArticle], other: Sequence[GoldArticle], texts: Mapping[str, str]
) -> dict[str, Any]:
    """Agreement of a second labelling (``other``) with ``gold`` over the events both label.

    Type agreement is Cohen's kappa over the events' source types; referent agreement is over
    the events that either labeller gave a named source: both named it, and the referents are
    the same speaker by :func:`same_referent` (spans overlap or the names fit).
    """
    by_name = {article.name: article for article in gold}
    pairs: list[tuple[str, str]] = []
    named = agreed = missing = 0
    for second in other:
        first = by_name[second.name]
        theirs = {event.id: event for event in second.events}
        for event in first.events:
            twin = theirs.get(event.id)
            if twin is None:
                missing += 1
                continue
            a, b = first.source_of(event), second.source_of(twin)
            pairs.append((a.type, b.type))
            if a.named or b.named:
                named += 1
                agreed += a.named and b.named and same_referent(a.referents, b.referents, texts[first.name])
    return {
        "articles": len(other),
        "events": len(pairs),
        "events_missing": missing,
        "type_agreed": sum(a == b for a, b in pairs),
        "type_agreement": polnear.ratio(sum(a == b for a, b in pairs), len(pairs)),
        "type_kappa": cohen_kappa(pairs),
        "type_confusions": dict(Counter(f"{a} / {b}" for a, b in pairs if a != b).most_common()),
        "named_events": named,
        "referent_agreed": agreed,
        "referent_agreement": polnear.ratio(agreed, named),
    }


def format_agreement(result: Mapping[str, Any]) -> str:
    """The agreement numbers as markdown lines."""
    kappa = result["type_kappa"]
    missing = result["events_missing"]
    lines = [
        f"- {result['articles']} articles, {result['events']} events labelled by both"
        + (f" ({missing} missing from the second labelling)." if missing else "."),
        f"- Source type: raw agreement {_pct(result, 'type_agreement', 'type_agreed', 'events')}, "
        f"Cohen's kappa {'–' if kappa is None else f'{kappa:.3f}'}.",
        f"- Named referent (same speaker by the surname rule, over the {result['named_events']} "
        f"events either labeller gave a named source): "
        f"{_pct(result, 'referent_agreement', 'referent_agreed', 'named_events')}.",
    ]
    if result["type_confusions"]:
        pieces = ", ".join(f"{pair} ×{count}" for pair, count in result["type_confusions"].items())
        lines.append(f"- Type disagreements (gold / second): {pieces}.")
    return "\n".join(lines) + "\n"


def read_texts(corpus: Path, split: str, names: Iterable[str]) -> dict[str, str]:
    """The article texts ``<corpus>/<split>/text/<name>.txt``."""
    return {name: (corpus / split / "text" / f"{name}.txt").read_text(encoding="utf-8") for name in names}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Inter-annotator agreement of speaker labels.")
    parser.add_argument(
        "--agreement", type=Path, required=True, metavar="DIR", help="second labeller's *.json"
    )
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the gold JSON-lines file")
    parser.add_argument("--corpus", type=Path, default=None, help="PolNeAR directory")
    args = parser.parse_args(argv)
    other = load_gold_dir(args.agreement)
    corpus = args.corpus if args.corpus is not None else polnear.default_corpus_dir()
    texts = read_texts(corpus, GOLD_SPLIT, [article.name for article in other])
    result = agreement(load_gold(args.gold), other, texts)
    print(format_agreement(result), end="")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
