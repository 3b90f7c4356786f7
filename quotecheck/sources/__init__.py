"""Sources: speaker mentions clustered into entities, typed, with ground rules and reasons.

- :mod:`.cluster`: the clusterer, one resolver per mention kind (names, descriptors,
  pronouns, nominals); a floating quotation joins the source of the quotation it follows;
- :mod:`.typing`: what type of source a mention makes (:class:`~quotecheck.vocab.SourceType`);
- :mod:`.evidence`: ground rules, reasons for anonymity and declined comment, given to the
  source they describe;
- :mod:`.descriptor`: how specifically an anonymous source is described;
- :mod:`.model`: the records (:class:`Source`, :class:`SourceAnalysis`, ...).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..attribution import Attribution
from ..lexicons import Lexicon, default_lexicon
from ..mentions import Mention
from ..parsing import Parse
from ..vocab import MentionKind, Resolution, SourceType
from .cluster import Clusterer
from .descriptor import describe
from .evidence import assign_declined_comment, assign_ground_rules
from .model import Descriptor, Evidence, LinkedAttribution, Source, SourceAnalysis
from .ranker import Candidate
from .typing import refine_types

__all__ = [
    "Descriptor",
    "Evidence",
    "LinkedAttribution",
    "Source",
    "SourceAnalysis",
    "cluster_sources",
    "describe",
]


def cluster_sources(
    text: str,
    parse: Parse,
    attributions: list[Attribution],
    lexicon: Lexicon | None = None,
    paragraphs: Sequence[tuple[int, int]] | None = None,
    trace: list[tuple[Mention, list[Candidate]]] | None = None,
) -> SourceAnalysis:
    """Link every attribution's speaker to a source; type sources; find ground rules and reasons.

    ``paragraphs``: the article's paragraphs (``Document.paragraph_spans()``); without them the
    text is split on blank lines. ``trace``: a list that gets every pronoun resolved with its
    candidates (``benchmarks/train_ranker.py`` learns from them)."""
    lex = lexicon or default_lexicon()
    quoted = [(a.start, a.end) for a in attributions if a.quote is not None]
    cl = Clusterer(text, lex, parse, quoted, paragraphs)
    cl.trace = trace
    linked: list[LinkedAttribution] = []
    for n, a in enumerate(attributions):
        linked.append(_link(cl, n, a, linked))
    cl.complete_names()
    unattached = assign_ground_rules(text, parse, cl, lex)
    assign_declined_comment(text, parse, cl, lex)
    cl.type_staff_as_organizations()
    refine_types(cl.sources, text, parse, lex)
    linked = _merge_renamed(cl.sources, linked)
    for src in cl.sources:
        if src.anonymous:
            src.descriptor = describe(src, text, lex)
    return _in_text_order(cl.sources, linked, unattached)


def _link(cl: Clusterer, n: int, a: Attribution, linked: list[LinkedAttribution]) -> LinkedAttribution:
    """The source of attribution ``n``: a floating quotation's is its antecedent's; else its
    speaker mention's, resolved."""
    if a.speaker is None:
        return LinkedAttribution(a, None, None)
    antecedent = None if a.antecedent is None else linked[a.antecedent].source
    if a.resolution == Resolution.FLOATING and antecedent is not None:
        idx = antecedent
        cl.link(idx, n)
        return LinkedAttribution(a, idx, Resolution.FLOATING)
    idx, how = cl.resolve(a.speaker)
    resolution = a.resolution if how is None else how
    if a.resolution == Resolution.FLOATING:
        resolution = Resolution.FLOATING
    cl.link(idx, n)
    return LinkedAttribution(a, idx, resolution)


_NAMED = (SourceType.NAMED_PERSON, SourceType.NAMED_ORGANIZATION)


def _merge_renamed(sources: list[Source], linked: list[LinkedAttribution]) -> list[LinkedAttribution]:
    """Join each source that typing named after someone without any name among its mentions ("A
    federal judge" named "Judge Gonzalo Curiel", "an affidavit written by Marc Bujnowski" named
    for its author) to the source of that type that bears the name in its mentions: one person
    is one source in the report, not two of the same name. Drops the joined sources from
    ``sources`` (in place) and returns ``linked`` pointing at the kept ones."""
    named: dict[tuple[SourceType, str], int] = {}
    for i, src in enumerate(sources):
        if src.type in _NAMED and any(m.kind == MentionKind.NAME for m in src.mentions):
            named.setdefault((src.type, src.name), i)
    into: dict[int, int] = {}
    for i, src in enumerate(sources):
        target = named.get((src.type, src.name))
        if target is not None and not any(m.kind == MentionKind.NAME for m in src.mentions):
            into[i] = target
            _absorb(sources[target], src)
    if not into:
        return linked
    kept = [i for i in range(len(sources)) if i not in into]
    position = {old: new for new, old in enumerate(kept)}
    position.update({old: position[target] for old, target in into.items()})
    sources[:] = [sources[i] for i in kept]
    return [
        LinkedAttribution(la.attribution, None if la.source is None else position[la.source], la.resolution)
        for la in linked
    ]


def _absorb(target: Source, donor: Source) -> None:
    """Give a source another's mentions (those it lacks), attributions and declined comment (its
    own description stays: "a Google spokesperson" does not describe Google)."""
    spans = {(m.start, m.end) for m in target.mentions}
    target.mentions.extend(m for m in donor.mentions if (m.start, m.end) not in spans)
    target.attributions.extend(donor.attributions)
    target.declined_comment.extend(donor.declined_comment)


def _in_text_order(
    sources: list[Source], linked: list[LinkedAttribution], unattached: list[Evidence]
) -> SourceAnalysis:
    """Number sources by their first mention and sort each source's mentions and quotes."""
    order = sorted(range(len(sources)), key=lambda i: min(m.start for m in sources[i].mentions))
    remap = {old: new for new, old in enumerate(order)}
    ordered = [sources[i] for i in order]
    for new, src in enumerate(ordered):
        src.index = new
        src.mentions.sort(key=lambda m: m.start)
        src.attributions = sorted(set(src.attributions))
    linked = [
        LinkedAttribution(la.attribution, None if la.source is None else remap[la.source], la.resolution)
        for la in linked
    ]
    return SourceAnalysis(linked, ordered, unattached)
