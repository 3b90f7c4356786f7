"""The library entry points: analyse a parsed document, or check files and texts end to end.

    from quotecheck.api import Checker
    checker = Checker(model_dir=None)          # --model-dir, $QUOTECHECK_MODEL_DIR, stanza default
    results = checker.check_texts(texts)       # model loaded once, texts parsed in batches
    reports = [r.report for r in results]      # the JSON reports

:func:`analyze` is the model-free half: a :class:`~quotecheck.documents.Document` and its
:class:`~quotecheck.parsing.Parse` in, an :class:`~quotecheck.result.ArticleResult` (the
analysis and its JSON report) out. Tests call it with stored parses.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from sys import maxsize
from typing import Protocol, runtime_checkable

from . import suppress
from .attribution import Attribution, attribute
from .cache import ParseCache
from .documents import Document, InputError, document_from_bytes
from .lexicons import Lexicon, default_lexicon
from .parsing import ModelError, Parse, Parser, rejoin_split_names, resolve_model_dir
from .quotes import scan_quotes
from .report import build_report
from .result import ArticleResult
from .result_cache import ResultCache
from .rules import RULES, RULES_BY_ID, Analysis, RuleSettings, run_rules, settings_for
from .sources import cluster_sources
from .vocab import BlockKind, Severity

Settings = tuple[Lexicon, "Mapping[str, RuleSettings | None] | None"]
Progress = Callable[[int], "Callable[[Sequence[str]], None] | None"]


@runtime_checkable
class ParseProgress(Protocol):
    """A progress display that shows the model load as its own step and counts articles
    (the CLI's :class:`quotecheck.terminal.ArticleProgress`); a plain :data:`Progress`
    callable is still accepted."""

    def loading_model(self, description: str) -> None:
        """Called just before the model loads (in this process)."""

    def parsing(self, articles: int, words: int) -> Callable[[Sequence[str]], None] | None:
        """Called once with what is left to parse; returns a callback given each parsed batch."""


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``offset`` lies in one of ``spans`` (blocks: in text order, disjoint; one
    bisection). A caption (an HTML ``<figcaption>``, a Markdown image's text) describes a
    picture: a quotation or report in it repeats the article's or credits nobody the article
    quotes, so it is no attribution of the article."""
    i = bisect_right(spans, (offset, maxsize)) - 1
    return i >= 0 and offset < spans[i][1]


def _outside(attributions: list[Attribution], captions: list[tuple[int, int]]) -> list[Attribution]:
    """``attributions`` less the reports inside a caption (see :func:`_inside`), antecedent
    indexes renumbered (one whose antecedent is dropped keeps none)."""
    kept = [i for i, a in enumerate(attributions) if not _inside(a.start, captions)]
    if len(kept) == len(attributions):
        return attributions
    new_index = {old: new for new, old in enumerate(kept)}
    return [
        replace(a, antecedent=None if a.antecedent is None else new_index.get(a.antecedent))
        for a in (attributions[i] for i in kept)
    ]


def analyze(
    doc: Document,
    parse: Parse,
    lexicon: Lexicon | None = None,
    rules: Mapping[str, RuleSettings | None] | None = None,
) -> ArticleResult:
    """Quotations, attribution, sources and findings for a parsed document, with its report.

    ``lexicon``: the word lists in effect (a newsroom's additions included); ``rules``: the
    configured settings per rule id (None: off; missing: the rule's defaults)."""
    lex = lexicon or default_lexicon()
    parse = rejoin_split_names(parse)
    paragraphs = doc.paragraph_spans()  # the reader's blocks: no stage splits the text again
    quotes, unbalanced = scan_quotes(doc.text, paragraphs)
    footers = [(b.start, b.end) for b in doc.blocks if b.kind == BlockKind.ATTRIBUTION]
    captions = [(b.start, b.end) for b in doc.blocks if b.kind == BlockKind.CAPTION]
    quotes = [q for q in quotes if not _inside(q.start, captions)]
    attributions = _outside(attribute(doc.text, parse, quotes, lex, paragraphs, footers), captions)
    sources = cluster_sources(doc.text, parse, attributions, lex, paragraphs)
    analysis = Analysis(doc.text, sources, unbalanced, lex, doc.blocks)

    def severity(rule_id: str) -> Severity | None:
        chosen = settings_for(RULES_BY_ID[rule_id], rules)
        return None if chosen is None else chosen.severity

    # quotecheck-disable comments: drop the findings they cover; report the ones that cover nothing
    findings = suppress.apply(
        run_rules(analysis, RULES, rules),
        doc,
        RULES_BY_ID,
        unused_severity=severity(suppress.UNUSED_RULE),
        unknown_severity=severity(suppress.UNKNOWN_RULE),
    )
    return ArticleResult(doc, attributions, sources, findings, build_report(doc, analysis, findings))


def article_error(doc: Document, err: BaseException) -> InputError:
    """The one-line error of an article that could not be checked (the cause kept for
    ``--verbose``): the run goes on with the other articles."""
    detail = " ".join(str(err).split())[:200]
    error = InputError(
        doc.path, f"could not be checked: {type(err).__name__}" + (f": {detail}" if detail else "")
    )
    error.__cause__ = err
    return error


class Checker:
    """Checks documents with one stanza pipeline, loaded on first use."""

    def __init__(
        self,
        model_dir: str | os.PathLike | None = None,
        *,
        lexicon: Lexicon | None = None,
        batch_docs: int = 16,
        cache_dir: str | os.PathLike | None = None,
        jobs: int = 1,
        parser: Parser | None = None,
        cache_results: bool = False,
    ):
        """``cache_dir``: where parses are kept between runs (None: no cache). The model itself
        is loaded only when a text is not in the cache. ``cache_results``: also keep finished
        results there (:mod:`quotecheck.result_cache`), so that :meth:`check_documents` does
        not analyse (nor parse) an unchanged article again; such a result has no attributions
        or sources objects (the command line's choice; off by default for library callers).
        ``parser``: use this parser (a test's stand-in) instead of one for the model that
        ``model_dir`` finds."""
        self.parser = (
            parser if parser is not None else Parser(resolve_model_dir(model_dir), batch_docs=batch_docs)
        )
        self.location = self.parser.location
        self.lexicon = lexicon or default_lexicon()
        self.cache = ParseCache(cache_dir, self.location.model_id) if cache_dir is not None else None
        self.results = (
            ResultCache(cache_dir, self.location.model_id)
            if cache_dir is not None and cache_results
            else None
        )
        self.jobs = jobs

    def parse_documents(
        self, docs: Sequence[Document], progress: Progress | ParseProgress | None = None
    ) -> list[Parse]:
        """Parses of the documents' texts: from the cache where possible, the rest in batches.
        ``progress(total_words)`` is called once with the words to parse and returns a callback
        that receives each parsed batch; a :class:`ParseProgress` is also told when the model
        loads and how many articles are left (see the CLI's progress display). The first text
        that cannot be parsed raises its error."""
        parses = self._parse_each(docs, progress)
        for parse in parses:
            if isinstance(parse, Exception):
                raise parse
        return [p for p in parses if isinstance(p, Parse)]

    def _parse_each(
        self, docs: Sequence[Document], progress: Progress | ParseProgress | None
    ) -> list[Parse | Exception]:
        """One parse, or the error that parsing it raised, per document (an empty article has
        an empty parse). When a batch fails, its texts are parsed again one at a time, so a
        failure costs only its own article."""
        texts = [d.text for d in docs]
        found: list[Parse | Exception | None] = list(
            self.cache.get_many(texts) if self.cache is not None else [None] * len(texts)
        )
        for i, text in enumerate(texts):
            if found[i] is None and not text.strip():  # an empty article: nothing to parse
                found[i] = Parse((), self.location.model_id)
        missing = [i for i, p in enumerate(found) if p is None]
        if missing:
            todo = [texts[i] for i in missing]
            on_batch = self._start_progress(progress, todo)
            fresh: list[Parse | Exception]
            try:
                fresh = list(self.parser.parse_parallel(todo, self.jobs, on_batch))
            except ModelError:
                raise
            except Exception:
                fresh = [self._parse_alone(t) for t in todo]
            if self.cache is not None:
                good = [(t, p) for t, p in zip(todo, fresh, strict=True) if isinstance(p, Parse)]
                self.cache.put_many([t for t, _ in good], [p for _, p in good])
            for i, parse in zip(missing, fresh, strict=True):
                found[i] = parse
        return [p for p in found if p is not None]

    def _parse_alone(self, text: str) -> Parse | Exception:
        try:
            return self.parser.parse_texts([text])[0]
        except ModelError:
            raise
        except Exception as err:  # MemoryError, RuntimeError from the scorer, RecursionError...
            return err

    def _start_progress(
        self, progress: Progress | ParseProgress | None, todo: Sequence[str]
    ) -> Callable[[Sequence[str]], None] | None:
        """Tell ``progress`` what is to be parsed (loading the model first, as its own step,
        when it is loaded in this process); the per-batch callback it returns."""
        words = sum(len(t.split()) for t in todo)
        if isinstance(progress, ParseProgress):
            if self.jobs <= 1:
                progress.loading_model(str(self.location.path))
                self.parser.load()
            return progress.parsing(len(todo), words)
        return progress(words) if progress is not None else None

    def check_documents(
        self,
        docs: Sequence[Document],
        settings: Sequence[Settings] | None = None,
        progress: Progress | ParseProgress | None = None,
        errors: list[InputError] | None = None,
    ) -> list[ArticleResult]:
        """Parse all documents in batches, then analyse each with its own settings (the
        lexicon and rule settings of the newsroom policy that governs its path).

        ``errors``: when given, an article that fails for any reason (parse or analysis) adds
        a one-line :class:`InputError` naming it here and is left out of the results, and the
        others are still checked; without it, the first failure raises."""
        chosen = list(settings) if settings is not None else [(self.lexicon, None)] * len(docs)
        stored = self._stored_results(docs, chosen)
        todo = [i for i, r in enumerate(stored) if r is None]
        parses = iter(self._parse_each([docs[i] for i in todo], progress) if todo else [])
        results: list[ArticleResult] = []
        for doc, result, (lex, rules) in zip(docs, stored, chosen, strict=True):
            if result is not None:
                results.append(result)
                continue
            try:
                parse = next(parses)
                if isinstance(parse, Exception):
                    raise parse
                result = analyze(doc, parse, lex, rules)
            except ModelError:
                raise
            except Exception as err:
                if errors is None:
                    raise
                errors.append(article_error(doc, err))
                continue
            if self.results is not None:
                self.results.put(result, lex, rules)
            results.append(result)
        return results

    def _stored_results(
        self, docs: Sequence[Document], chosen: Sequence[Settings]
    ) -> list[ArticleResult | None]:
        """Each document's result from the results cache (checked with its settings), or None."""
        if self.results is None:
            return [None] * len(docs)
        return [self.results.get(doc, lex, rules) for doc, (lex, rules) in zip(docs, chosen, strict=True)]

    def check_parsed(
        self, docs: Sequence[Document], parses: Sequence[Parse], settings: Sequence[Settings] | None = None
    ) -> list[ArticleResult]:
        """Everything after the parse: quotations, attribution, sources, rules, report (one
        :class:`~quotecheck.result.ArticleResult` per document)."""
        chosen = settings if settings is not None else [(self.lexicon, None)] * len(docs)
        return [analyze(d, p, lex, rules) for d, p, (lex, rules) in zip(docs, parses, chosen, strict=True)]

    @staticmethod
    def documents(
        texts: Sequence[str], paths: Sequence[str] | None = None, input_format: str = "text"
    ) -> list[Document]:
        """Documents from article texts (plain text unless ``input_format`` says otherwise)."""
        names = list(paths) if paths is not None else [f"<text {i + 1}>" for i in range(len(texts))]
        return [
            document_from_bytes(t.encode("utf-8"), name, input_format)
            for t, name in zip(texts, names, strict=True)
        ]

    def check_texts(
        self, texts: Sequence[str], paths: Sequence[str] | None = None, input_format: str = "text"
    ) -> list[ArticleResult]:
        """Check article texts (plain text unless ``input_format`` says otherwise)."""
        return self.check_documents(self.documents(texts, paths, input_format))
