"""Engines: where a run's articles are parsed and analysed, one batch at a time.

The local engine is this module: :class:`BatchChecker` turns a batch of :class:`Article` rows
into report rows (:data:`ROW_FIELDS`) with one parser, reusing :func:`quotecheck.api.analyze`
for everything after the parse. :mod:`quotecheck.engines.ray_engine` runs the same
:class:`BatchChecker` inside each Ray worker (``quotecheck check --engine ray``), so both
engines give the same reports; nothing here imports Ray.

A report row is keyed by :func:`article_key`: the sha256 of the article's bytes, its path,
format and metadata, the model and the quotecheck version, and the effective configuration
(:func:`config_fingerprint`). A rerun skips the articles whose key already has a row.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from .. import __version__
from ..files import DEFAULT_MAX_BYTES
from ..vocab import Engine, RowStatus

if TYPE_CHECKING:
    from ..documents import Document
    from ..lexicons import Lexicon
    from ..parsing import Parse
    from ..policy import Policy
    from ..rules import RuleSettings

__all__ = [
    "DEFAULT_META_COLUMNS",
    "ROW_FIELDS",
    "Article",
    "BatchChecker",
    "EngineError",
    "EngineOptions",
    "ParserLike",
    "SettingsSpec",
    "article_key",
    "check_articles",
    "config_fingerprint",
    "settings_spec",
]

DEFAULT_META_COLUMNS = ("date", "section", "outlet")  # table columns that become report metadata
ROW_FIELDS = ("order", "key", "id", "path", "status", "error", "report")


class EngineError(Exception):
    """A run that cannot start: a table without the named column, say (one line)."""


@dataclass(frozen=True)
class EngineOptions:
    """The engine options of ``check`` and ``summarize`` (see :mod:`quotecheck.engines.options`)."""

    name: Engine = Engine.LOCAL
    ray_address: str | None = None
    workers: int = 0  # 0: one per CPU (one per GPU with --device cuda)
    threads: int = 1  # torch threads per worker
    device: str = "cpu"
    gpus_per_worker: float = 1.0
    text_column: str | None = None
    id_column: str | None = None
    meta_columns: tuple[str, ...] = DEFAULT_META_COLUMNS
    parts_format: str = "jsonl"


class ParserLike(Protocol):
    """What a worker parses with: :class:`quotecheck.parsing.Parser`, or stored parses in tests."""

    @property
    def model_id(self) -> str: ...

    def parse_texts(self, texts: Sequence[str]) -> list[Parse]: ...


# the lexicon additions and rule settings of one policy: plain data, sent to every worker once
SettingsSpec = tuple[dict[str, tuple[str, ...]], dict[str, "RuleSettings | None"]]


def settings_spec(policy: Policy) -> SettingsSpec:
    """The part of a policy that changes an article's report."""
    return dict(policy.lexicon), dict(policy.rules)


def config_fingerprint(spec: SettingsSpec) -> str:
    """A stable hash of the effective configuration (rules with options, lexicon additions)."""
    lexicon, rules = spec
    plain = {
        "lexicon": {k: list(v) for k, v in sorted(lexicon.items())},
        "rules": {
            k: None if s is None else [str(s.severity), dict(s.options)] for k, s in sorted(rules.items())
        },
    }
    return hashlib.sha256(json.dumps(plain, sort_keys=True, default=str).encode()).hexdigest()


def article_key(
    data: bytes, path: str, fmt: str | None, metadata: Mapping[str, Any], model_id: str, config: str
) -> str:
    """The key of an article's report: its content, how it is read, the model, quotecheck's
    version and the configuration (:func:`config_fingerprint`). Any change gives a new key."""
    digest = hashlib.sha256()
    head = [__version__, model_id, config, path, fmt or "", json.dumps(metadata, sort_keys=True, default=str)]
    for part in head:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Article:
    """One article to check: a file (``data`` read by the worker from ``path`` when None) or a
    table row (``data`` the text column, UTF-8). ``settings``: an index into the run's
    :data:`SettingsSpec` list. ``order``: its place in the input, which summaries keep."""

    order: int
    id: str
    path: str
    format: str | None
    settings: int = 0
    data: bytes | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    def read(self, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
        """The article's bytes (the file is read now when the row holds no text), read as the
        local engine reads files: a regular file of at most ``max_bytes`` (``--max-size``), else
        an :class:`~quotecheck.documents.InputError` naming it (a FIFO must not hang a worker)."""
        if self.data is not None:
            return self.data
        from ..documents import InputError
        from ..files import UnreadableFile, read_regular

        try:
            return read_regular(self.path, max_bytes)
        except UnreadableFile as err:
            raise InputError(self.path, err.reason) from None


def _row(article: Article, key: str, status: RowStatus, error: str = "", report: str = "") -> dict[str, Any]:
    values = (article.order, key, article.id, article.path, str(status), error, report)
    return dict(zip(ROW_FIELDS, values, strict=True))


class BatchChecker:
    """Checks batches of articles with one parser (loaded once) and the run's settings.

    Used in-process by :func:`check_articles` and by every Ray worker. An article that
    cannot be read, parsed or analysed gets an error row naming it; the batch goes on."""

    def __init__(
        self, parser: ParserLike, settings: Sequence[SettingsSpec], max_bytes: int = DEFAULT_MAX_BYTES
    ):
        from ..lexicons import default_lexicon

        self.parser = parser
        self.max_bytes = max_bytes  # --max-size: a larger article (a dump, a binary) is an error row
        self._settings: list[tuple[Lexicon, dict[str, RuleSettings | None]]] = [
            (default_lexicon().with_additions(lex), rules) for lex, rules in settings
        ]
        self._configs = [config_fingerprint(s) for s in settings]

    def check(self, articles: Sequence[Article], done: Collection[str] = ()) -> list[dict[str, Any]]:
        """One row per article, in order: skipped when its key is in ``done``."""
        rows: list[dict[str, Any] | None] = [None] * len(articles)
        todo: list[tuple[int, str, Document]] = []
        for i, article in enumerate(articles):
            key = ""
            try:
                data = article.read(self.max_bytes)
                key = article_key(
                    data,
                    article.path,
                    article.format,
                    article.metadata,
                    self.parser.model_id,
                    self._configs[article.settings],
                )
                if key in done:
                    rows[i] = _row(article, key, RowStatus.SKIPPED)
                else:
                    todo.append((i, key, self._document(article, data, self.max_bytes)))
            except Exception as err:  # one bad article must not stop the run
                rows[i] = _row(article, key, RowStatus.ERROR, _error(article, err))
        for (i, key, doc), parse in zip(todo, self._parse([d for _, _, d in todo]), strict=True):
            article = articles[i]
            try:
                if isinstance(parse, Exception):
                    raise parse
                lexicon, rules = self._settings[article.settings]
                from ..api import analyze

                report = analyze(doc, parse, lexicon, rules).report
                rows[i] = _row(article, key, RowStatus.OK, report=json.dumps(report, ensure_ascii=False))
            except Exception as err:
                rows[i] = _row(article, key, RowStatus.ERROR, _error(article, err))
        return [r for r in rows if r is not None]

    @staticmethod
    def _document(article: Article, data: bytes, max_bytes: int) -> Document:
        from ..documents import InputError, document_from_bytes
        from ..files import format_size

        if len(data) > max_bytes:  # a table row's text
            raise InputError(
                article.path, f"text is {format_size(len(data))}, over the {format_size(max_bytes)} limit"
            )
        doc = document_from_bytes(data, article.path, article.format)
        return replace(doc, metadata={**doc.metadata, **article.metadata}) if article.metadata else doc

    def _parse(self, docs: Sequence[Document]) -> list[Parse | Exception]:
        """The batch's parses; when the batch fails, each text alone, so that only the
        failing article gets an error."""
        texts = [d.text for d in docs]
        try:
            return list(self.parser.parse_texts(texts))
        except Exception:
            out: list[Parse | Exception] = []
            for text in texts:
                try:
                    out.append(self.parser.parse_texts([text])[0])
                except Exception as err:
                    out.append(err)
            return out


def _error(article: Article, err: Exception) -> str:
    """A one-line error naming the article (an InputError already starts with its path)."""
    from ..documents import InputError

    message = str(err) if isinstance(err, InputError) else f"{article.path}: {type(err).__name__}: {err}"
    return " ".join(message.split())


def check_articles(
    articles: Iterable[Article],
    parser: ParserLike,
    settings: Sequence[SettingsSpec],
    *,
    batch_size: int = 16,
    done: Collection[str] = (),
) -> Iterator[dict[str, Any]]:
    """The local engine: report rows for ``articles``, in order, checked in this process."""
    checker = BatchChecker(parser, settings)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == batch_size:
            yield from checker.check(batch, done)
            batch = []
    if batch:
        yield from checker.check(batch, done)
