"""An on-disk cache of parses, so unchanged articles are not parsed again.

The stanza parse is the only expensive stage (about 1,200 words/s); everything after it takes
milliseconds. CI runs quotecheck over the same articles on every pull request, so a
:class:`ParseCache` keeps each :class:`~quotecheck.parsing.Parse` on disk, keyed by the
article text and the model that parsed it.

Layout, under the cache root (:func:`default_cache_dir`)::

    <root>/CACHEDIR.TAG                      so backup tools skip the cache
    <root>/.gitignore                        "*", so git ignores it
    <root>/v1/<model_id>/<key[:2]>/<key>.conllu
    <root>/results-v1/<key[:2]>/<key>.result  finished results (quotecheck.result_cache)

One entry is three parts, UTF-8::

    # quotecheck_cache = {"format": 1, "model": "<model_id>", "text_sha256": "<hex>"}
    <to_conllu(parse)>
    # end <sha256 of the to_conllu body>

Reading checks everything that can go wrong with a file on disk: the trailer (truncation or
corruption), the header (format version, model, the sha256 of the text asked for) and that
every word's offsets lie within the text. An entry that fails any check is a miss and is
removed. Writing is atomic (a temp file in the same directory, fsync, ``os.replace``), so
readers never see half an entry, concurrent writers of one key both complete (the last one
wins), and a killed writer leaves at most a stray temp file, which :meth:`ParseCache.prune`
removes once it is an hour old.

The cache never fails a check: a directory that cannot be written warns once
(:class:`CacheWarning`) and from then on writes are no-ops; a bad entry is a miss.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import re
import shutil
import stat
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .files import UnreadableFile, read_regular
from .parsing import Parse, from_conllu, to_conllu

T = TypeVar("T")

__all__ = [
    "CACHEDIR_TAG_SIGNATURE",
    "CACHE_FORMAT_VERSION",
    "DEFAULT_CACHE_DIR_NAME",
    "ENV_CACHE_DIR",
    "CacheStats",
    "CacheWarning",
    "ParseCache",
    "default_cache_dir",
    "prepare_root",
]

DEFAULT_CACHE_DIR_NAME = ".quotecheck-cache"
ENV_CACHE_DIR = "QUOTECHECK_CACHE_DIR"
CACHE_FORMAT_VERSION = 1
CACHEDIR_TAG_SIGNATURE = "Signature: 8a477f597d28d172789f06886806bc55"
CACHEDIR_TAG = (
    CACHEDIR_TAG_SIGNATURE + "\n"
    "# This file is a cache directory tag created by quotecheck.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)
GITIGNORE = "# Created by quotecheck: this directory is a cache.\n*\n"

ENTRY_SUFFIX = ".conllu"
RESULT_SUFFIX = ".result"  # an entry of the results cache (quotecheck.result_cache)
TEMP_SUFFIX = ".tmp"
TEMP_MAX_AGE_S = 3600.0  # stray temp files older than this are removed by prune()
HEADER_PREFIX = "# quotecheck_cache = "
TRAILER_PREFIX = b"# end "

_SAFE_COMPONENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_VERSION_DIR = re.compile(r"(?:results-)?v[0-9]+")  # parses: v1/; finished results: results-v1/
_ENCODING = "utf-8"
_ERRORS = "surrogatepass"  # a str with lone surrogates still hashes and round-trips

log = logging.getLogger(__name__)


class CacheWarning(UserWarning):
    """The parse cache cannot be used (for example, its directory cannot be written)."""


@dataclass
class CacheStats:
    """Counters of one :class:`ParseCache` since it was created."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    corrupt: int = 0  # entries that failed a check on read (counted as misses too) and were dropped

    def __str__(self) -> str:
        return f"{self.hits} hits, {self.misses} misses, {self.writes} writes" + (
            f", {self.corrupt} corrupt" if self.corrupt else ""
        )


def default_cache_dir(start: str | os.PathLike[str] | None = None) -> Path:
    """Where the cache lives: ``$QUOTECHECK_CACHE_DIR`` if set, else ``.quotecheck-cache`` in the
    git root (the first directory at or above ``start``, default the current directory, that
    contains ``.git``, a directory or, in worktrees and submodules, a file), else in the
    current directory."""
    env = os.environ.get(ENV_CACHE_DIR)
    if env:
        return Path(env).expanduser()
    cwd = Path.cwd()
    here = Path(start).expanduser() if start is not None else cwd
    here = (cwd / here) if not here.is_absolute() else here
    here = Path(os.path.abspath(here))
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder / DEFAULT_CACHE_DIR_NAME
    return cwd / DEFAULT_CACHE_DIR_NAME


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encode(text: str) -> bytes:
    return text.encode(_ENCODING, _ERRORS)


def _model_component(model_id: str) -> str:
    """``model_id`` as one safe path component: itself when it is plain ASCII (``stanza-<hex>``,
    ``unknown``), else a readable prefix plus a hash of the full id."""
    if _SAFE_COMPONENT.fullmatch(model_id) and model_id not in (".", ".."):
        return model_id
    readable = re.sub(r"[^A-Za-z0-9._-]+", "_", model_id).strip("._-")[:48] or "model"
    return f"{readable}-{_sha256(_encode(model_id))[:16]}"


def _fits(parse: Parse, text_length: int) -> bool:
    """Whether every sentence is non-empty and numbered 1..n, every head points into its
    sentence, and every word's offsets lie within the text."""
    try:
        for sent in parse.sentences:
            n = len(sent.words)
            if n == 0:
                return False
            for i, w in enumerate(sent.words, 1):
                if w.index != i or not 0 <= w.head <= n or not 0 <= w.start <= w.end <= text_length:
                    return False
    except (TypeError, AttributeError):  # a hand-built parse with None offsets, say
        return False
    return True


def _max_entry_bytes(text: str) -> int:
    """The largest entry a parse of ``text`` can make (CoNLL-U takes well under 100 bytes per
    character of text); a larger file is not read."""
    return 64 * 1024 + 200 * len(text)


def _fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX); a no-op where directories cannot be opened."""
    flags = getattr(os, "O_DIRECTORY", 0) | os.O_RDONLY
    try:
        fd = os.open(directory, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes, prefix: str) -> None:
    """Write ``data`` to ``path`` via a temp file in the same directory, fsync, ``os.replace``.
    Raises OSError; on failure the temp file is removed (unless the process is killed)."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            with suppress(OSError, AttributeError):  # no fchmod on Windows
                os.fchmod(f.fileno(), 0o644)  # mkstemp makes 0600; entries are ordinary files
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _clear_squatter(path: Path) -> None:
    """Remove a directory (or special file) that occupies an entry's path, so that one bad
    path does not turn the cache off for every later run. Only ever inside the cache."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if stat.S_ISDIR(info.st_mode):
        shutil.rmtree(path, ignore_errors=True)
        if os.path.lexists(path):
            raise IsADirectoryError(errno.EISDIR, "a directory occupies the entry", str(path))
    elif not stat.S_ISREG(info.st_mode):
        with suppress(OSError):
            os.unlink(path)  # os.replace would write through nothing: a link or FIFO is replaced


def prepare_root(root: Path) -> None:
    """Create the cache root, with CACHEDIR.TAG and a ``*`` .gitignore. A root that already
    holds other files (a misconfigured $QUOTECHECK_CACHE_DIR pointing at a project, say) is
    used but not tagged, so it is never hidden from backups or git."""
    root.mkdir(parents=True, exist_ok=True)
    ours = {"CACHEDIR.TAG", ".gitignore"}
    foreign = [
        n
        for n in os.listdir(root)
        if n not in ours and not _VERSION_DIR.fullmatch(n) and not n.endswith(TEMP_SUFFIX)
    ]
    if foreign:
        log.warning(
            "parse cache: %s holds other files (%s); not tagging it as a cache directory",
            root,
            ", ".join(sorted(foreign)[:3]),
        )
        return
    for name, content in (("CACHEDIR.TAG", CACHEDIR_TAG), (".gitignore", GITIGNORE)):
        if not (root / name).exists():
            _write_atomic(root / name, content.encode("ascii"), prefix=f".{name}.")


def read_entry(
    path: Path, max_bytes: int, deserialize: Callable[[bytes], T | None], stats: CacheStats, cache: str
) -> T | None:
    """The value stored at ``path``, or None: a missing, truncated or corrupt entry is a miss and
    a bad one is removed; a hit refreshes the entry's mtime (see :meth:`ParseCache.prune`). Only a
    regular file is read (not a link, FIFO or device such as /dev/zero), up to ``max_bytes``."""
    try:
        identity = os.lstat(path)
        data = read_regular(path, max_bytes, option=None, follow_symlinks=False)
    except (OSError, UnreadableFile):  # missing, unreadable, a directory, a FIFO, too large...
        stats.misses += 1
        return None
    value = deserialize(data)
    if value is None:
        stats.misses += 1
        stats.corrupt += 1
        log.debug("%s: discarding bad entry %s", cache, path)
        ParseCache._discard(path, identity)
        return None
    with suppress(OSError):
        os.utime(path)
    stats.hits += 1
    return value


class ParseCache:
    """Parses on disk under ``directory``, for one model (``model_id``, as in
    :attr:`~quotecheck.parsing.ModelLocation.model_id`): a changed model never sees another
    model's parses.

    ``get``/``put`` never raise for problems with the disk: a bad entry is a miss, and an
    unwritable directory warns once (:class:`CacheWarning`) and turns writes into no-ops.
    Entries are still read from it, so a read-only copy of a cache still gives hits.
    """

    def __init__(self, directory: str | os.PathLike[str], model_id: str):
        self.directory = Path(directory)
        self.model_id = model_id
        self.stats = CacheStats()
        self._model_dir = self.directory / f"v{CACHE_FORMAT_VERSION}" / _model_component(model_id)
        self._key_prefix = (f"quotecheck-cache\0{CACHE_FORMAT_VERSION}\0{len(model_id)}:{model_id}\0").encode(
            _ENCODING, _ERRORS
        )
        self._root_ready = False
        self._disabled: OSError | None = None  # the error that turned writes off

    def __repr__(self) -> str:
        return f"ParseCache({str(self.directory)!r}, {self.model_id!r})"

    @property
    def writable(self) -> bool:
        """False once a write failed (and warned); later writes are no-ops."""
        return self._disabled is None

    # -------------------------------------------------------------------------- keys, paths

    def key(self, text: str) -> str:
        """The entry key: sha256 (hex) over the cache format version, the model id and the text."""
        return _sha256(self._key_prefix + _encode(text))

    def entry_path(self, text: str) -> Path:
        """Where the entry for ``text`` lives (whether or not it exists)."""
        return self._path(self.key(text))

    def _path(self, key: str) -> Path:
        return self._model_dir / key[:2] / (key + ENTRY_SUFFIX)

    def _header(self, text_sha256: str) -> bytes:
        meta = {"format": CACHE_FORMAT_VERSION, "model": self.model_id, "text_sha256": text_sha256}
        return (HEADER_PREFIX + json.dumps(meta, ensure_ascii=True)).encode("ascii")

    # -------------------------------------------------------------------------- entries

    def _serialize(self, text: str, parse: Parse) -> bytes:
        body = _encode(to_conllu(parse))
        return b"".join(
            (
                self._header(_sha256(_encode(text))),
                b"\n",
                body,
                TRAILER_PREFIX,
                _sha256(body).encode("ascii"),
                b"\n",
            )
        )

    def _deserialize(self, data: bytes, text: str) -> Parse | None:
        """The parse stored in ``data`` if it is an intact entry for ``text``, else None."""
        if not data.endswith(b"\n"):
            return None  # truncated
        nl = data.find(b"\n")
        header, rest = data[:nl], data[nl + 1 :]
        cut = rest.rfind(b"\n", 0, len(rest) - 1)
        if cut < 0:
            return None  # no body, or no trailer
        body, trailer = rest[: cut + 1], rest[cut + 1 : -1]
        if trailer != TRAILER_PREFIX + _sha256(body).encode("ascii"):
            return None  # truncated or corrupted body
        if header != self._header(_sha256(_encode(text))):
            return None  # another format, model or text
        try:
            parse = from_conllu(body.decode(_ENCODING, _ERRORS))
        except (ValueError, IndexError):  # UnicodeDecodeError is a ValueError
            return None
        return parse if _fits(parse, len(text)) else None

    def get(self, text: str) -> Parse | None:
        """The stored parse of ``text``, or None. A missing, truncated or corrupt entry is a
        miss; a bad one is removed. A hit refreshes the entry's mtime (see :meth:`prune`)."""
        return read_entry(
            self.entry_path(text),
            _max_entry_bytes(text),
            lambda data: self._deserialize(data, text),
            self.stats,
            "parse cache",
        )

    @staticmethod
    def _discard(path: Path, identity: os.stat_result) -> None:
        """Remove a bad entry, unless a writer has replaced it with a new file meanwhile."""
        try:
            now = os.stat(path)
            if (now.st_dev, now.st_ino, now.st_mtime_ns) == (
                identity.st_dev,
                identity.st_ino,
                identity.st_mtime_ns,
            ):
                os.unlink(path)
        except OSError:
            pass

    def put(self, text: str, parse: Parse) -> None:
        """Store the parse of ``text``, atomically. A parse whose offsets do not fit the text is
        not stored (it warns: that is a caller's bug, but no reason to fail a check)."""
        if self._disabled is not None:
            return
        if not _fits(parse, len(text)):
            warnings.warn(
                f"parse cache: not storing a parse that does not fit its text ({len(text)} characters)",
                CacheWarning,
                stacklevel=2,
            )
            return
        try:
            data = self._serialize(text, parse)
        except (UnicodeError, TypeError, AttributeError) as err:
            warnings.warn(f"parse cache: cannot serialize a parse: {err}", CacheWarning, stacklevel=2)
            return
        key = self.key(text)
        path = self._path(key)
        try:
            self._prepare_root()
            path.parent.mkdir(parents=True, exist_ok=True)
            _clear_squatter(path)
            _write_atomic(path, data, prefix=f".{key}.")
        except IsADirectoryError:  # a directory we could not remove: skip this entry only
            log.debug("parse cache: a directory occupies %s; entry not stored", path)
            return
        except OSError as err:
            self._disable(err)
            return
        self.stats.writes += 1

    def get_many(self, texts: Iterable[str]) -> list[Parse | None]:
        """:meth:`get` for each text, in order."""
        return [self.get(t) for t in texts]

    def put_many(self, texts: Sequence[str], parses: Sequence[Parse]) -> None:
        """:meth:`put` for each (text, parse) pair; the two sequences must have one length."""
        if len(texts) != len(parses):
            raise ValueError(f"put_many: {len(texts)} texts but {len(parses)} parses")
        for text, parse in zip(texts, parses, strict=True):
            if self._disabled is not None:
                return
            self.put(text, parse)

    # -------------------------------------------------------------------------- the root

    def _prepare_root(self) -> None:
        """Create and tag the cache root on first write (see :func:`prepare_root`)."""
        if not self._root_ready:
            prepare_root(self.directory)
            self._root_ready = True

    def _disable(self, err: OSError) -> None:
        self._disabled = err
        warnings.warn(
            f"parse cache disabled: cannot write to {self.directory} "
            f"({type(err).__name__}: {err}); parses will not be cached in this run",
            CacheWarning,
            stacklevel=3,
        )

    # -------------------------------------------------------------------------- pruning

    def prune(self, keep_days: int = 30) -> int:
        """Remove entries not read (nor written) for ``keep_days`` days, and stray temp files
        older than an hour, for every model and format version under the cache root, finished
        results included (a parse of a replaced model is never read again, so it ages out).
        Returns how many files went."""
        if keep_days < 0:
            raise ValueError(f"keep_days must be >= 0, got {keep_days}")
        now = time.time()
        entry_cutoff = now - keep_days * 86400.0
        temp_cutoff = now - TEMP_MAX_AGE_S
        removed = 0
        try:
            names = os.listdir(self.directory)
        except OSError:
            return 0
        tops = [self.directory / n for n in names if _VERSION_DIR.fullmatch(n)]
        for name in names:  # a killed writer of CACHEDIR.TAG/.gitignore
            if name.startswith((".CACHEDIR.TAG.", ".gitignore.")) and name.endswith(TEMP_SUFFIX):
                removed += self._remove_if_older(self.directory / name, temp_cutoff)
        for top in tops:
            for folder, _dirs, files in os.walk(top):
                for name in files:
                    if name.endswith(TEMP_SUFFIX):
                        cutoff = temp_cutoff
                    elif name.endswith((ENTRY_SUFFIX, RESULT_SUFFIX)):
                        cutoff = entry_cutoff
                    else:
                        continue
                    removed += self._remove_if_older(Path(folder, name), cutoff)
        return removed

    @staticmethod
    def _remove_if_older(path: Path, cutoff: float) -> int:
        """Remove ``path`` if its mtime is before ``cutoff``; 1 if it was removed, else 0."""
        try:
            if os.lstat(path).st_mtime < cutoff:
                os.unlink(path)
                return 1
        except OSError:
            pass
        return 0
