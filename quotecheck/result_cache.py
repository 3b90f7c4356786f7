"""An on-disk cache of finished results, so a CI run over unchanged articles does no analysis.

The parse cache (:mod:`quotecheck.cache`) saves the model's work; this one saves everything
after it too. A :class:`ResultCache` keeps, per article, what the command line needs to
rebuild an :class:`~quotecheck.result.ArticleResult` for every output format, baselines and
summaries: the JSON report and the rule findings (the document is read again anyway). A
result from the cache has no attributions or sources objects (``None``): no renderer reads
them.

The key is a sha256 over everything that can change a report:

- the document: its raw bytes' sha256, its article text, its path and its input format;
- the model identity (:attr:`~quotecheck.parsing.ModelLocation.model_id`);
- quotecheck's version and a hash of the package's own files (code, lexicons, schemas, ranker
  weights: :func:`code_fingerprint`, once per process), so an edited checkout never reuses a
  result of other code;
- the effective configuration of the article: the lexicon in effect (a newsroom's additions
  included) and the rule settings (:func:`settings_fingerprint`).

Layout, in the parse cache's root (same CACHEDIR.TAG and .gitignore)::

    <root>/results-v1/<key[:2]>/<key>.result

One entry is a JSON line, then a trailer with the sha256 of that line::

    {"format": 1, "key": "<key>", "report": {...}, "findings": [{...}, ...]}
    # end <sha256 of the JSON line>

Reading checks the trailer (truncation, corruption), that the entry names the key asked for
(an entry copied under another name), and that the report and findings have the shapes and
offsets the document allows; anything else is a miss, and the entry is removed. Writing is
atomic, as for parses, so kill -9 and concurrent runs leave either a whole entry or none.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import re
import warnings
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .cache import RESULT_SUFFIX as ENTRY_SUFFIX
from .cache import (
    CacheStats,
    CacheWarning,
    _clear_squatter,
    _write_atomic,
    prepare_root,
    read_entry,
)
from .result import ArticleResult
from .rules import Finding
from .vocab import Severity

if TYPE_CHECKING:
    from .documents import Document

__all__ = ["RESULT_FORMAT_VERSION", "ResultCache", "code_fingerprint", "settings_fingerprint"]

RESULT_FORMAT_VERSION = 1
TRAILER_PREFIX = b"# end "
_PACKAGE = Path(__file__).resolve().parent
_SKIPPED_DIRS = frozenset({"__pycache__"})
_SKIPPED_SUFFIXES = (".pyc", ".pyo")
_FINDING_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the path and bytes of every file of the installed package (its code and
    data, the linked ``schemas`` folder included; bytecode skipped), once per process: a code
    change that does not bump the version still changes every key."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(_PACKAGE, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith(_SKIPPED_SUFFIXES):
                continue
            path = Path(folder, name)
            try:
                data = path.read_bytes()
            except OSError:
                data = b"<unreadable>"
            relative = path.relative_to(_PACKAGE).as_posix().encode("utf-8", "surrogatepass")
            digest.update(b"%d:%s%d:" % (len(relative), relative, len(data)))
            digest.update(data)
    return digest.hexdigest()


def _plain_form(value: Any) -> Any:
    """What :func:`_digest` writes for a value JSON has no form of: a dataclass by its type and
    fields, a pattern with its flags, a set sorted, a read-only mapping as a dict; a TypeError
    for anything else, so that a setting this module does not understand disables the cache
    instead of being ignored."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
        return {"dataclass": type(value).__qualname__, "fields": fields}
    if isinstance(value, re.Pattern):
        return {"re": value.pattern, "flags": value.flags}
    if isinstance(value, (set, frozenset)):
        items = list(value)
        plain = all(isinstance(v, str) for v in items)
        return {"set": sorted(items) if plain else sorted(items, key=_dumps)}
    if isinstance(value, Mapping):
        return {"mapping": dict(value)}
    raise TypeError(f"no canonical form for {type(value).__name__}")


def _dumps(value: Any) -> str:
    """``value`` as JSON with one spelling per meaning (keys and sets sorted)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=True, default=_plain_form)


def _digest(value: object) -> str:
    """sha256 of :func:`_dumps` (a TypeError or ValueError when ``value`` has no JSON form)."""
    return hashlib.sha256(_dumps(value).encode("ascii")).hexdigest()


def settings_fingerprint(lexicon: object, rules: Mapping[str, object] | None) -> str:
    """A digest of an article's effective configuration: the whole lexicon in effect (a
    newsroom's additions included) and the configured rule settings (None: every rule's
    defaults). TypeError when a value has no canonical form (see :func:`_plain_form`)."""
    return f"{_digest(lexicon)}:{_digest(rules)}"


def _field(name: str, value: str) -> bytes:
    data = value.encode("utf-8", "surrogatepass")
    return b"%s=%d:%s\0" % (name.encode("ascii"), len(data), data)


def _finding_to_json(finding: Finding) -> dict[str, Any]:
    return {name: getattr(finding, name) for name in _FINDING_FIELDS}  # a StrEnum is written as its string


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _finding_from_json(item: Any, doc: Document) -> Finding | None:
    """The finding stored in ``item`` when it has every field, of the right type, with offsets
    inside the document; else None."""
    if not isinstance(item, dict) or set(item) != set(_FINDING_FIELDS):
        return None
    rule, severity, message = item["rule"], item["severity"], item["message"]
    start, end, in_source = item["start"], item["end"], item["in_source"]
    if not (isinstance(rule, str) and isinstance(message, str) and isinstance(in_source, bool)):
        return None
    if severity not in set(Severity) or not (_int(start) and _int(end) and start <= end):
        return None
    if end > len(doc.source if in_source else doc.text):
        return None
    if not all(item[k] is None or _int(item[k]) for k in ("quote", "source")):
        return None
    return Finding(rule, Severity(severity), message, start, end, item["quote"], item["source"], in_source)


def _report_fits(report: Any, findings: list[Finding], doc: Document) -> bool:
    """Whether ``report`` is a report of ``doc`` whose findings are ``findings``, in order."""
    if not isinstance(report, dict) or not isinstance(report.get("summary"), dict):
        return False
    document, listed = report.get("document"), report.get("findings")
    if not isinstance(document, dict) or not isinstance(report.get("quotes"), list):
        return False
    if (document.get("path"), document.get("sha256"), document.get("format")) != (
        doc.path,
        doc.sha256,
        doc.format,
    ):
        return False
    if (
        not isinstance(listed, list)
        or len(listed) != len(findings)
        or not isinstance(report.get("sources"), list)
    ):
        return False
    return all(
        isinstance(item, dict) and (item.get("rule"), item.get("message")) == (f.rule, f.message)
        for item, f in zip(listed, findings, strict=True)
    )


class ResultCache:
    """Finished results on disk under ``directory`` (the parse cache's root), for one model.

    ``get``/``put`` never raise for problems with the disk or the settings: a bad entry is a
    miss, settings without a canonical form are not cached, and an unwritable directory warns
    once (:class:`~quotecheck.cache.CacheWarning`) and turns writes into no-ops.
    """

    def __init__(self, directory: str | os.PathLike[str], model_id: str):
        self.directory = Path(directory)
        self.model_id = model_id
        self.stats = CacheStats()
        self._folder = self.directory / f"results-v{RESULT_FORMAT_VERSION}"
        self._prefix = b"".join(
            (
                _field("namespace", "quotecheck-results"),
                _field("format", str(RESULT_FORMAT_VERSION)),
                _field("version", __version__),
                _field("code", code_fingerprint()),
                _field("model", model_id),
            )
        )
        self._settings: dict[int, tuple[object, str | None]] = {}  # id -> (the object, its fingerprint)
        self._root_ready = False
        self._disabled: OSError | None = None

    def __repr__(self) -> str:
        return f"ResultCache({str(self.directory)!r}, {self.model_id!r})"

    # -------------------------------------------------------------------------- keys

    def _fingerprint(self, lexicon: object, rules: Mapping[str, object] | None) -> str | None:
        """:func:`settings_fingerprint`, once per settings object (the CLI shares them between
        articles); None when the settings cannot be fingerprinted."""
        parts = []
        for value in (lexicon, rules):
            known = self._settings.get(id(value))
            if known is None or known[0] is not value:
                try:
                    fp: str | None = _digest(value)
                except (TypeError, ValueError) as err:
                    log.debug("results cache: settings not cached: %s", err)
                    fp = None
                known = (value, fp)
                self._settings[id(value)] = known
            if known[1] is None:
                return None
            parts.append(known[1])
        return ":".join(parts)

    def key(self, doc: Document, lexicon: object, rules: Mapping[str, object] | None) -> str | None:
        """The entry key of ``doc`` checked with these settings, or None when they cannot be
        fingerprinted (then nothing is cached for it)."""
        settings = self._fingerprint(lexicon, rules)
        if settings is None:
            return None
        text = hashlib.sha256(doc.text.encode("utf-8", "surrogatepass")).hexdigest()
        fields = (
            _field("sha256", doc.sha256),
            _field("text", text),
            _field("path", doc.path),
            _field("input_format", str(doc.format)),
            _field("settings", settings),
        )
        return hashlib.sha256(self._prefix + b"".join(fields)).hexdigest()

    def entry_path(self, doc: Document, lexicon: object, rules: Mapping[str, object] | None) -> Path | None:
        """Where the entry for ``doc`` with these settings lives (whether or not it exists)."""
        key = self.key(doc, lexicon, rules)
        return None if key is None else self._path(key)

    def _path(self, key: str) -> Path:
        return self._folder / key[:2] / (key + ENTRY_SUFFIX)

    # -------------------------------------------------------------------------- entries

    @staticmethod
    def _serialize(key: str, result: ArticleResult) -> bytes:
        entry = {
            "format": RESULT_FORMAT_VERSION,
            "key": key,
            "report": result.report,
            "findings": [_finding_to_json(f) for f in result.findings],
        }
        line = json.dumps(entry, ensure_ascii=True, allow_nan=False, separators=(",", ":")).encode("ascii")
        return line + b"\n" + TRAILER_PREFIX + hashlib.sha256(line).hexdigest().encode("ascii") + b"\n"

    @staticmethod
    def _deserialize(data: bytes, key: str, doc: Document) -> ArticleResult | None:
        """The result stored in ``data`` if it is an intact entry for ``key`` that fits ``doc``."""
        line, nl, trailer = data.partition(b"\n")
        if not nl or trailer != TRAILER_PREFIX + hashlib.sha256(line).hexdigest().encode("ascii") + b"\n":
            return None  # truncated or corrupted
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):
            return None
        if (
            not isinstance(entry, dict)
            or entry.get("format") != RESULT_FORMAT_VERSION
            or entry.get("key") != key
        ):
            return None  # another format, or an entry copied under another name
        stored = entry.get("findings")
        if not isinstance(stored, list):
            return None
        findings = [_finding_from_json(item, doc) for item in stored]
        kept = [f for f in findings if f is not None]
        if len(kept) != len(findings) or not _report_fits(entry.get("report"), kept, doc):
            return None
        return ArticleResult(doc, None, None, kept, entry["report"])

    @staticmethod
    def _max_entry_bytes(doc: Document) -> int:
        """The largest entry a report of ``doc`` can make; a larger file is not read."""
        return 1024 * 1024 + 200 * len(doc.source)

    def get(self, doc: Document, lexicon: object, rules: Mapping[str, object] | None) -> ArticleResult | None:
        """The stored result of ``doc`` with these settings, or None. A missing, truncated,
        corrupt or foreign entry is a miss; a bad one is removed. A hit refreshes its mtime
        (see :meth:`~quotecheck.cache.ParseCache.prune`, which prunes results too)."""
        key = self.key(doc, lexicon, rules)
        if key is None:
            self.stats.misses += 1
            return None
        return read_entry(
            self._path(key),
            self._max_entry_bytes(doc),
            lambda data: self._deserialize(data, key, doc),
            self.stats,
            "results cache",
        )

    def put(self, result: ArticleResult, lexicon: object, rules: Mapping[str, object] | None) -> None:
        """Store ``result`` (checked with these settings), atomically."""
        if self._disabled is not None:
            return
        key = self.key(result.document, lexicon, rules)
        if key is None:
            return
        try:
            data = self._serialize(key, result)
        except (TypeError, ValueError) as err:  # a report value JSON cannot hold
            log.debug("results cache: cannot serialize a result: %s", err)
            return
        path = self._path(key)
        try:
            if not self._root_ready:
                prepare_root(self.directory)
                self._root_ready = True
            path.parent.mkdir(parents=True, exist_ok=True)
            _clear_squatter(path)
            _write_atomic(path, data, prefix=f".{key}.")
        except IsADirectoryError:
            log.debug("results cache: a directory occupies %s; entry not stored", path)
            return
        except OSError as err:
            self._disabled = err
            warnings.warn(
                f"results cache disabled: cannot write to {self.directory} "
                f"({type(err).__name__}: {err}); results will not be cached in this run",
                CacheWarning,
                stacklevel=2,
            )
            return
        self.stats.writes += 1
