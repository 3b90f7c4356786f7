"""The parse stage: a stanza dependency parse of the article text, and its CoNLL-U form.

The rest of quotecheck never touches stanza objects. It reads a :class:`Parse`: sentences
of :class:`Word` records (one per syntactic word, multi-word tokens already expanded) whose
``start``/``end`` are character offsets into the article text. A parse can be written to and
read back from CoNLL-U (:func:`to_conllu`, :func:`from_conllu`), which is how test fixtures
store parses and how the parse cache keeps them, so everything after this stage runs
without a model.

Model location, in order: an explicit directory (``--model-dir``), the environment variable
``QUOTECHECK_MODEL_DIR``, then stanza's default resources directory. A directory is a stanza
resources directory: ``resources.json`` plus ``en/<processor>/<package>.pt`` files.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from dataclasses import replace as dataclass_replace
from functools import cached_property
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # stanza loads torch: imported where a pipeline is built, not at import time
    from stanza import Pipeline

ENV_MODEL_DIR = "QUOTECHECK_MODEL_DIR"
LANG = "en"
REQUIRED_PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse")
OPTIONAL_PROCESSORS = ("ner",)
DEFAULT_BATCH_DOCS = 16
# Bounds on what the parser sees (its memory grows with the square of a sentence's length and
# the tokenizer's time with the square of a word's): see plan_chunks.
MAX_SENTENCE_TOKENS = 150  # tokens (estimated) in one sentence, at most
MAX_TOKEN_CHARS = 500  # a longer run without whitespace is not tokenized: it is one word
MAX_CHUNK_CHARS = 20_000  # a longer text is parsed in pieces cut at paragraph breaks
_TOKEN = re.compile(r"\w+|[^\w\s]")  # an over-estimate of the tokens stanza makes
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
_SENTENCE_END = frozenset(".!?")


class ModelError(Exception):
    """No usable stanza model, or a failed download. The message says what to run or set."""


@dataclass(frozen=True, slots=True)
class Word:
    """One syntactic word of a sentence (CoNLL-U columns plus character offsets)."""

    index: int  # 1-based position in its sentence
    text: str
    lemma: str
    upos: str
    xpos: str
    feats: str  # "_" when empty
    head: int  # 0 for the root
    deprel: str
    start: int  # character offsets into the article text
    end: int
    ner: str = "O"  # BIOES tag when the model has NER, else "O"

    def feat(self, name: str) -> str | None:
        """Value of one morphological feature (``feat("Number") -> "Plur"``) or None."""
        if self.feats in ("_", ""):
            return None
        for item in self.feats.split("|"):
            key, _, value = item.partition("=")
            if key == name:
                return value
        return None


@dataclass(frozen=True)
class Sentence:
    words: tuple[Word, ...]

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def word(self, index: int) -> Word:
        """Word by its 1-based CoNLL-U index."""
        return self.words[index - 1]

    def within(self, start: int, end: int) -> list[Word]:
        """The words lying wholly inside the character span ``[start, end)``, in order."""
        return [w for w in self.words if start <= w.start and w.end <= end]

    def head_of(self, word: Word) -> Word | None:
        return None if word.head == 0 else self.words[word.head - 1]

    @cached_property
    def _children(self) -> dict[int, tuple[Word, ...]]:
        kids: dict[int, list[Word]] = {}
        for w in self.words:
            kids.setdefault(w.head, []).append(w)
        return {k: tuple(v) for k, v in kids.items()}

    def children(self, word: Word) -> tuple[Word, ...]:
        return self._children.get(word.index, ())

    def subtree(self, word: Word) -> list[Word]:
        """The word and all its descendants, in sentence order (each once, even in a forged
        parse whose heads form a cycle)."""
        out, stack, seen = [], [word], {word.index}
        while stack:
            w = stack.pop()
            out.append(w)
            for child in self.children(w):
                if child.index not in seen:
                    seen.add(child.index)
                    stack.append(child)
        return sorted(out, key=lambda w: w.index)

    def tree_error(self) -> str | None:
        """Why the words do not form a dependency tree (indices 1..n, heads within the
        sentence, every word reaching the root without a cycle), or None when they do."""
        n = len(self.words)
        for i, w in enumerate(self.words, 1):
            if w.index != i:
                return f"word {i} is numbered {w.index}"
            if not 0 <= w.head <= n:
                return f"word {i} has head {w.head}, outside the sentence"
        reaches_root = {0}
        for w in self.words:
            path: list[int] = []
            cur = w.index
            while cur not in reaches_root:
                if cur in path:
                    return f"word {cur} is its own ancestor (a cycle)"
                path.append(cur)
                cur = self.words[cur - 1].head
            reaches_root.update(path)
        return None

    def ancestors(self, word: Word) -> list[Word]:
        out: list[Word] = []
        seen = {word.index}
        cur = self.head_of(word)
        while cur is not None and cur.index not in seen:
            out.append(cur)
            seen.add(cur.index)
            cur = self.head_of(cur)
        return out


@dataclass(frozen=True)
class Parse:
    """The dependency parse of one article text."""

    sentences: tuple[Sentence, ...]
    model_id: str = "unknown"

    @cached_property
    def words(self) -> tuple[tuple[int, Word], ...]:
        """Every word with its sentence number, in text order."""
        return tuple((i, w) for i, s in enumerate(self.sentences) for w in s.words)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (or the last one starting before it)."""
        from bisect import bisect_right

        i = bisect_right(self._starts, offset) - 1
        return i if i >= 0 else None


# ---------------------------------------------------------------------------------- CoNLL-U


# words the tokenizer rightly splits in two with no space between ("gon na", "Can not"): kept apart;
# and "Its", which it cuts as "It s" and attribution reads whole (cues._name_after_split_its)
_SPLIT_WORDS = frozenset({"cannot", "gonna", "wanna", "gotta", "gimme", "lemme", "dunno", "its"})


def rejoin_split_names(parse: Parse) -> Parse:
    """The parse with each capitalised word that the tokenizer cut in two rejoined ("Don" + "na" of
    "Kelce's mother, Donna, told reporters", read as "gon na"): a name's span must be the whole
    written word. Two alphabetic words with no space between, the first capitalised and the second
    lower-case, become one word with the first's tag and place in the tree (the second's where the
    first hangs on it; a compound of the proper noun after them where the second hung on that:
    "Donna Kelce"); "Cannot", "Gonna" stay two. The same parse when nothing is cut."""
    cuts = [_cut_at(sent) for sent in parse.sentences]
    if not any(cuts):
        return parse
    return Parse(tuple(map(_rejoined, parse.sentences, cuts)), parse.model_id)


def _cut_at(sent: Sentence) -> list[int]:
    """The indices of the first halves of a sentence's cut capitalised words."""
    words = sent.words
    return [
        a.index
        for a, b in pairwise(words)
        if a.end == b.start
        and a.text[:1].isupper()
        and a.text.isalpha()
        and b.text.isalpha()
        and b.text.islower()
        and (a.text + b.text).lower() not in _SPLIT_WORDS
    ]


def _rejoined(sent: Sentence, cuts: list[int]) -> Sentence:
    """A sentence with its cut words (``cuts``, from :func:`_cut_at`) rejoined, renumbered and
    re-headed."""
    for first in reversed(cuts):  # from the end: earlier indices stay valid
        sent = _join(sent, first)
    return sent


def _join(sent: Sentence, first: int) -> Sentence:
    """A sentence with word ``first`` and the word after it made one word."""
    a, b = sent.word(first), sent.word(first + 1)
    head, deprel = (b.head, b.deprel) if a.head == b.index else (a.head, a.deprel)
    after = sent.word(b.index + 1) if b.index < len(sent.words) else None
    if after is not None and b.head == after.index and after.upos == "PROPN" and after.head != a.index:
        head, deprel = after.index, "compound"  # "Donna Kelce said": "na" hung on the surname

    def moved(i: int) -> int:
        return first if i == b.index else i - 1 if i > b.index else i

    joined = dataclass_replace(
        a, text=a.text + b.text, lemma=a.text + b.text, end=b.end, head=head, deprel=deprel
    )
    words = [joined if w is a else w for w in sent.words if w is not b]
    return Sentence(tuple(dataclass_replace(w, index=moved(w.index), head=moved(w.head)) for w in words))


def _misc(w: Word) -> str:
    parts = [f"start_char={w.start}", f"end_char={w.end}"]
    if w.ner != "O":
        parts.append(f"ner={w.ner}")
    return "|".join(parts)


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ") or "_"


def to_conllu(parse: Parse) -> str:
    """CoNLL-U text of a parse; offsets and NER tags travel in the MISC column."""
    lines = [f"# quotecheck_model = {parse.model_id}"]
    for n, sent in enumerate(parse.sentences, 1):
        lines.append(f"# sent_id = {n}")
        for w in sent.words:
            cols = (
                str(w.index),
                _clean(w.text),
                _clean(w.lemma),
                w.upos or "_",
                w.xpos or "_",
                w.feats or "_",
                str(w.head),
                w.deprel or "_",
                "_",
                _misc(w),
            )
            lines.append("\t".join(cols))
        lines.append("")
    return "\n".join(lines) + "\n"


def from_conllu(text: str) -> Parse:
    """Read a parse written by :func:`to_conllu` (or any CoNLL-U with start_char/end_char).
    A ValueError when a line is malformed or a sentence is not a tree (a forged or damaged
    file: a word heading itself would send tree walks round forever)."""
    model_id = "unknown"
    sentences: list[Sentence] = []
    words: list[Word] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("#"):
            if line.startswith("# quotecheck_model = "):
                model_id = line.split("=", 1)[1].strip()
            continue
        if not line.strip():
            if words:
                sentences.append(Sentence(tuple(words)))
                words = []
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"CoNLL-U line {lineno}: expected 10 columns, got {len(cols)}")
        if "-" in cols[0] or "." in cols[0]:
            continue  # multi-word token range or empty node
        misc = dict(item.partition("=")[::2] for item in cols[9].split("|") if "=" in item)
        try:
            start, end = int(misc["start_char"]), int(misc["end_char"])
        except KeyError:
            raise ValueError(f"CoNLL-U line {lineno}: MISC has no start_char/end_char") from None
        words.append(
            Word(
                int(cols[0]),
                cols[1],
                cols[2],
                cols[3],
                cols[4],
                cols[5],
                int(cols[6]),
                cols[7],
                start,
                end,
                misc.get("ner", "O"),
            )
        )
    if words:
        sentences.append(Sentence(tuple(words)))
    for n, sent in enumerate(sentences, 1):
        problem = sent.tree_error()
        if problem is not None:
            raise ValueError(f"CoNLL-U sentence {n} is not a tree: {problem}")
    return Parse(tuple(sentences), model_id)


# ---------------------------------------------------------------------------------- chunks


@dataclass(frozen=True, slots=True)
class Chunk:
    """A span ``[start, end)`` of a text that is parsed on its own; ``opaque``: a run without
    whitespace longer than MAX_TOKEN_CHARS, which becomes one word instead of being tokenized."""

    start: int
    end: int
    opaque: bool = False


def plan_chunks(text: str) -> list[Chunk]:
    """The pieces the parser sees for ``text``, in order, covering every non-space character.

    An ordinary article is one piece, the whole text. Otherwise: a run without whitespace
    longer than MAX_TOKEN_CHARS is an opaque piece; a stretch of more than MAX_SENTENCE_TOKENS
    tokens without a sentence end is cut (at the last whitespace before the limit when there
    is one, else between two tokens), which ends a sentence there; and a text longer than
    MAX_CHUNK_CHARS is cut at paragraph breaks (then sentence ends) into pieces about that
    long. Cuts only ever move sentence boundaries: offsets stay exact."""
    chunks: list[Chunk] = []
    at = 0
    for run in _LONG_RUN.finditer(text):
        chunks += _pieces(text, at, run.start())
        chunks.append(Chunk(run.start(), run.end(), opaque=True))
        at = run.end()
    chunks += _pieces(text, at, len(text))
    if len(chunks) == 1 and not chunks[0].opaque:
        return [Chunk(0, len(text))]  # untouched: the parse is what the whole text gives
    return chunks


def _pieces(text: str, start: int, end: int) -> list[Chunk]:
    """Pieces of ``text[start:end]`` (no opaque run inside): sentences bounded, size bounded."""
    out: list[Chunk] = []
    piece = start  # where the current piece starts
    run = 0  # tokens since the last sentence end (followed by whitespace), paragraph break or cut
    safe, since_safe = start, 0  # the latest token start after whitespace; tokens from it on
    paragraph = sentence = start  # the latest token starts after a paragraph break, a sentence end
    prev_end = start
    after_end = False
    for m in _TOKEN.finditer(text, start, end):
        gap = text[prev_end : m.start()]  # whitespace only: the tokens cover everything else
        prev_end = m.end()
        if gap.count("\n") >= 2:
            run, paragraph = 0, m.start()
        if after_end and gap:  # a sentence end then whitespace: a new sentence starts here
            run, sentence = 0, m.start()
        after_end = False
        if gap:
            safe, since_safe = m.start(), 0
        since_safe += 1
        run += 1
        if m.end() - piece > MAX_CHUNK_CHARS:
            pause = paragraph if paragraph > piece else sentence
            if pause > piece:
                out.append(Chunk(piece, pause))
                piece = pause
        if run > MAX_SENTENCE_TOKENS:
            cut = safe if safe > piece and since_safe <= MAX_SENTENCE_TOKENS else m.start()
            out.append(Chunk(piece, cut))
            piece, run = cut, (since_safe if cut == safe else 1)
        if m.group() in _SENTENCE_END:
            after_end = True  # (closing marks right after it still belong to the sentence)
    out.append(Chunk(piece, end))
    return [c for c in out if text[c.start : c.end].strip()]


# ---------------------------------------------------------------------------------- models


def stanza_default_dir() -> Path:
    """stanza's own default resources directory (``STANZA_RESOURCES_DIR`` or ~/stanza_resources)."""
    from stanza.resources.common import DEFAULT_MODEL_DIR

    return Path(DEFAULT_MODEL_DIR)


@dataclass(frozen=True)
class ModelLocation:
    """A stanza resources directory, where it came from, and which English packages it has."""

    path: Path
    origin: str  # "--model-dir", "$QUOTECHECK_MODEL_DIR", "stanza default"
    processors: dict[str, str] = field(default_factory=dict)  # processor -> package name
    model_id: str = ""

    def describe(self) -> str:
        procs = ", ".join(f"{k}={v}" for k, v in self.processors.items())
        return f"{self.path} (from {self.origin}; {procs})"


def _how_to_fix() -> str:
    return (
        "Run `quotecheck models download` to fetch the official English models, or point "
        f"quotecheck at a stanza resources directory with --model-dir DIR or {ENV_MODEL_DIR}=DIR."
    )


def inspect_model_dir(path: Path, origin: str) -> ModelLocation:
    """Check that ``path`` holds the English processors quotecheck needs; raise ModelError if not."""
    resources = path / "resources.json"
    if not path.is_dir():
        raise ModelError(f"model directory {path} (from {origin}) does not exist. {_how_to_fix()}")
    if not resources.is_file():
        raise ModelError(
            f"model directory {path} (from {origin}) has no resources.json, so it is "
            f"not a stanza resources directory. {_how_to_fix()}"
        )
    try:
        meta = json.loads(resources.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"cannot read {resources}: {err}") from None
    lang = meta.get(LANG) or {}
    defaults = lang.get("default_processors") or {}
    processors: dict[str, str] = {}
    missing: list[str] = []
    for proc in REQUIRED_PROCESSORS + OPTIONAL_PROCESSORS:
        package = defaults.get(proc)
        if isinstance(package, dict):  # some resources.json name {"package": ...}
            package = next(iter(package.values()), None)
        if package and (path / LANG / proc / f"{package}.pt").is_file():
            processors[proc] = package
        elif proc in REQUIRED_PROCESSORS:
            missing.append(proc)
    if missing:
        raise ModelError(
            f"model directory {path} (from {origin}) lacks the English "
            f"{', '.join(missing)} model(s). {_how_to_fix()}"
        )
    digest = hashlib.sha256()
    for proc, package in sorted(processors.items()):
        md5 = (lang.get(proc, {}).get(package, {}) or {}).get("md5", "")
        digest.update(f"{proc}:{package}:{md5};".encode())
    digest.update(str(meta.get("stanza_version", "")).encode())
    return ModelLocation(path, origin, processors, "stanza-" + digest.hexdigest()[:16])


def resolve_model_dir(model_dir: str | os.PathLike | None = None) -> ModelLocation:
    """Find the model: explicit directory, then $QUOTECHECK_MODEL_DIR, then stanza's default."""
    if model_dir:
        return inspect_model_dir(Path(model_dir).expanduser(), "--model-dir")
    env = os.environ.get(ENV_MODEL_DIR)
    if env:
        return inspect_model_dir(Path(env).expanduser(), f"${ENV_MODEL_DIR}")
    default = stanza_default_dir()
    if not (default / "resources.json").is_file():
        raise ModelError(
            f"no stanza model found: --model-dir was not given, {ENV_MODEL_DIR} is "
            f"not set, and stanza's default directory {default} has no models. " + _how_to_fix()
        )
    return inspect_model_dir(default, "stanza default")


def download_models(model_dir: str | os.PathLike | None = None) -> ModelLocation:
    """Fetch the official English models through stanza (which shows progress bars)."""
    import stanza

    target = (
        Path(model_dir).expanduser()
        if model_dir
        else (
            Path(os.environ[ENV_MODEL_DIR]).expanduser()
            if os.environ.get(ENV_MODEL_DIR)
            else stanza_default_dir()
        )
    )
    try:
        stanza.download(
            LANG,
            model_dir=str(target),
            processors=",".join(REQUIRED_PROCESSORS + OPTIONAL_PROCESSORS),
            logging_level="INFO",
        )
    except Exception as err:  # network errors come in many types (requests, OSError, ...)
        raise ModelError(
            f"downloading the stanza English models into {target} failed: "
            f"{type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}. "
            "Check the network connection, or copy a stanza resources directory to this machine "
            f"and point quotecheck at it with --model-dir DIR or {ENV_MODEL_DIR}=DIR."
        ) from None
    return inspect_model_dir(target, "download")


# ---------------------------------------------------------------------------------- parser


class Parser:
    """A stanza pipeline loaded once; parses many texts in batches."""

    def __init__(
        self, location: ModelLocation, *, batch_docs: int = DEFAULT_BATCH_DOCS, use_gpu: bool = False
    ):
        self.location = location
        self.batch_docs = batch_docs
        self.use_gpu = use_gpu
        self._nlp: Pipeline | None = None

    @property
    def model_id(self) -> str:
        return self.location.model_id

    def _pipeline(self) -> Pipeline:
        if self._nlp is None:
            import stanza

            processors = [
                p for p in REQUIRED_PROCESSORS + OPTIONAL_PROCESSORS if p in self.location.processors
            ]
            try:
                self._nlp = stanza.Pipeline(
                    LANG,
                    dir=str(self.location.path),
                    processors=",".join(processors),
                    download_method=None,
                    logging_level="WARN",
                    use_gpu=self.use_gpu,
                )
            except Exception as err:
                raise ModelError(
                    f"loading the stanza models from {self.location.describe()} "
                    f"failed: {type(err).__name__}: {err}. {_how_to_fix()}"
                ) from None
        return self._nlp

    def load(self) -> None:
        """Load the pipeline now (otherwise it loads on the first parse)."""
        self._pipeline()

    def parse_texts(
        self, texts: Sequence[str], on_batch: Callable[[Sequence[str]], None] | None = None
    ) -> list[Parse]:
        """Parse texts in batches of ``batch_docs`` documents; one Parse per text.
        ``on_batch`` is called with each batch's texts once it is parsed (progress bars).
        Each text is parsed in the bounded pieces :func:`plan_chunks` gives."""
        out: list[Parse] = []
        for i in range(0, len(texts), self.batch_docs):
            batch = texts[i : i + self.batch_docs]
            plans = [plan_chunks(t) for t in batch]
            pieces = [
                (c.start, t[c.start : c.end])
                for t, plan in zip(batch, plans, strict=True)
                for c in plan
                if not c.opaque
            ]
            parsed = iter(self.parse_pieces(pieces))
            for text, plan in zip(batch, plans, strict=True):
                sentences: list[Sentence] = []
                for chunk in plan:
                    sentences += [_opaque_sentence(text, chunk)] if chunk.opaque else next(parsed)
                out.append(Parse(tuple(sentences), self.model_id))
            if on_batch is not None:
                on_batch(batch)
        return out

    def parse_pieces(self, pieces: Sequence[tuple[int, str]]) -> list[list[Sentence]]:
        """The sentences of each ``(offset, text)`` piece, their offsets shifted by ``offset``;
        stanza takes ``batch_docs`` pieces at a time. (The one place stanza parses: a test's
        stand-in parser replaces this method.)"""
        if not pieces:
            return []
        import stanza

        nlp = self._pipeline()
        out: list[list[Sentence]] = []
        for i in range(0, len(pieces), self.batch_docs):
            group = pieces[i : i + self.batch_docs]
            docs = nlp.bulk_process([stanza.Document([], text=t) for _, t in group])
            out += [self._convert(doc, offset) for doc, (offset, _) in zip(docs, group, strict=True)]
        return out

    def parse_parallel(
        self, texts: Sequence[str], jobs: int, on_batch: Callable[[Sequence[str]], None] | None = None
    ) -> list[Parse]:
        """Parse with ``jobs`` worker processes, each loading the model once; results in input
        order. One job (or a single batch) parses in this process."""
        batches = [list(texts[i : i + self.batch_docs]) for i in range(0, len(texts), self.batch_docs)]
        if jobs <= 1 or len(batches) <= 1:
            return self.parse_texts(texts, on_batch)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        threads = max(1, (os.cpu_count() or 1) // jobs)  # the workers share the cores
        context = multiprocessing.get_context("spawn")  # torch and fork do not mix safely
        out: list[Parse] = []
        with ProcessPoolExecutor(
            min(jobs, len(batches)),
            mp_context=context,
            initializer=_worker_start,
            initargs=(self.location, self.batch_docs, threads, self.use_gpu, os.getpid()),
        ) as pool:
            for batch, future in [(b, pool.submit(_worker_parse, b)) for b in batches]:
                out.extend(future.result())
                if on_batch is not None:
                    on_batch(batch)
        return out

    def parse(self, text: str) -> Parse:
        return self.parse_texts([text])[0]

    @staticmethod
    def _convert(doc, offset: int = 0) -> list[Sentence]:
        """quotecheck's sentences of a stanza document, offsets shifted by ``offset``."""
        sentences = []
        for sent in doc.sentences:
            words = []
            for token in sent.tokens:
                ner = getattr(token, "ner", None) or "O"
                for w in token.words:
                    start = w.start_char if w.start_char is not None else token.start_char
                    end = w.end_char if w.end_char is not None else token.end_char
                    words.append(
                        Word(
                            w.id,
                            w.text,
                            w.lemma or w.text,
                            w.upos or "_",
                            w.xpos or "_",
                            w.feats or "_",
                            w.head or 0,
                            w.deprel or "dep",
                            start + offset,
                            end + offset,
                            ner,
                        )
                    )
            if words:
                sentences.append(Sentence(tuple(words)))
        return sentences


def _opaque_sentence(text: str, chunk: Chunk) -> Sentence:
    """An over-long run without whitespace as a sentence of one word (not tokenized: see
    MAX_TOKEN_CHARS)."""
    word = text[chunk.start : chunk.end]
    return Sentence((Word(1, word, word, "X", "_", "_", 0, "root", chunk.start, chunk.end),))


_WORKER: Parser | None = None


PARENT_POLL_S = 0.5  # how often a worker looks for its parent


def watch_parent(parent: int, poll_s: float = PARENT_POLL_S) -> None:
    """End this process as soon as ``parent`` (its parent's pid) is gone, so that --jobs
    workers (about 500 MB each) never outlive a killed run: a daemon thread polls the parent
    pid, which changes when the parent dies and the worker is re-parented. (Not prctl's
    PR_SET_PDEATHSIG: it fires when the *thread* that started the worker ends.)"""

    def poll() -> None:
        while os.getppid() == parent:
            threading.Event().wait(poll_s)
        os._exit(1)

    if os.getppid() != parent:  # the parent died before the watch began
        os._exit(1)
    threading.Thread(target=poll, name="quotecheck-parent-watch", daemon=True).start()


def _worker_start(location: ModelLocation, batch_docs: int, threads: int, use_gpu: bool, parent: int) -> None:
    """Initializer of a --jobs worker process: watch the parent, load the model once."""
    global _WORKER
    watch_parent(parent)
    import torch

    torch.set_num_threads(threads)
    _WORKER = Parser(location, batch_docs=batch_docs, use_gpu=use_gpu)
    _WORKER.load()


def _worker_parse(texts: list[str]) -> list[Parse]:
    assert _WORKER is not None, "worker not started"
    return _WORKER.parse_texts(texts)
