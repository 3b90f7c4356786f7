"""The parse cache (quotecheck/cache.py), without a model: parses are built by hand."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
import warnings
from pathlib import Path

import pytest

from quotecheck import cache as cache_mod
from quotecheck.cache import (
    CACHEDIR_TAG_SIGNATURE,
    DEFAULT_CACHE_DIR_NAME,
    ENV_CACHE_DIR,
    CacheWarning,
    ParseCache,
    default_cache_dir,
)
from quotecheck.parsing import Parse, Sentence, Word, from_conllu, to_conllu

MODEL = "stanza-0123456789abcdef"
TEXT = "“We go,” Jones said. He left."


def make_parse(text: str = TEXT, model_id: str = MODEL) -> Parse:
    """A small parse of ``text``: one word per whitespace-separated token, one sentence per
    token ending in a period (offsets are real offsets into ``text``)."""
    sentences: list[Sentence] = []
    words: list[Word] = []
    pos = 0
    for token in text.split():
        start = text.index(token, pos)
        pos = start + len(token)
        head = 0 if not words else 1
        words.append(
            Word(
                len(words) + 1,
                token,
                token.lower(),
                "X",
                "_",
                "_",
                head,
                "root" if head == 0 else "dep",
                start,
                pos,
                "S-PERSON" if token == "Jones" else "O",
            )
        )
        if token.endswith("."):
            sentences.append(Sentence(tuple(words)))
            words = []
    if words:
        sentences.append(Sentence(tuple(words)))
    return Parse(tuple(sentences), model_id)


LITERAL = """# quotecheck_model = stanza-0123456789abcdef
# sent_id = 1
1\tWe\twe\tPRON\tPRP\tCase=Nom|Number=Plur\t2\tnsubj\t_\tstart_char=0|end_char=2
2\tgo\tgo\tVERB\tVBP\t_\t0\troot\t_\tstart_char=3|end_char=5

"""


@pytest.fixture
def cache(tmp_path: Path) -> ParseCache:
    return ParseCache(tmp_path / "cache", MODEL)


# --------------------------------------------------------------------------- hits and misses


def test_miss_then_hit(cache: ParseCache):
    parse = make_parse()
    assert cache.get(TEXT) is None
    cache.put(TEXT, parse)
    assert cache.get(TEXT) == parse
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (1, 1, 1)


def test_hit_from_a_literal_conllu(cache: ParseCache):
    parse = from_conllu(LITERAL)
    cache.put("We go", parse)
    got = cache.get("We go")
    assert got == parse and got.model_id == MODEL
    assert to_conllu(got) == LITERAL


def test_a_new_cache_object_reads_what_another_wrote(tmp_path: Path):
    ParseCache(tmp_path, MODEL).put(TEXT, make_parse())
    assert ParseCache(tmp_path, MODEL).get(TEXT) == make_parse()


def test_layout(cache: ParseCache):
    cache.put(TEXT, make_parse())
    key = cache.key(TEXT)
    path = cache.directory / "v1" / MODEL / key[:2] / f"{key}.conllu"
    assert cache.entry_path(TEXT) == path and path.is_file()
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# quotecheck_cache = ")
    assert hashlib.sha256(TEXT.encode()).hexdigest() in lines[0] and MODEL in lines[0]
    assert lines[-1] == "" and lines[-2].startswith("# end ")
    body = "\n".join(lines[1:-2]) + "\n"
    assert body == to_conllu(make_parse())
    assert lines[-2] == "# end " + hashlib.sha256(body.encode()).hexdigest()


def test_key_depends_on_text_and_model(tmp_path: Path):
    a, b = ParseCache(tmp_path, MODEL), ParseCache(tmp_path, "stanza-other")
    assert len(a.key(TEXT)) == 64 and a.key(TEXT) == ParseCache(tmp_path / "x", MODEL).key(TEXT)
    assert a.key(TEXT) != a.key(TEXT + " ")
    assert a.key(TEXT) != b.key(TEXT)
    a.put(TEXT, make_parse())
    assert b.get(TEXT) is None
    assert a.get(TEXT + " ") is None


def test_odd_model_ids_make_safe_directories(tmp_path: Path):
    for model_id in ("../../escape", "a/b", "", "with space", "..", "ünïcode"):
        c = ParseCache(tmp_path / "c", model_id)
        c.put(TEXT, make_parse(model_id="m"))
        path = c.entry_path(TEXT)
        assert path.resolve().is_relative_to((tmp_path / "c" / "v1").resolve())
        assert path.parent.parent.parent == tmp_path / "c" / "v1"
        assert c.get(TEXT) == make_parse(model_id="m")
    assert len(list((tmp_path / "c" / "v1").iterdir())) == 6


def test_get_many_put_many(cache: ParseCache):
    texts = [f"Text number {i}." for i in range(5)]
    parses = [make_parse(t) for t in texts]
    cache.put_many(texts[:3], parses[:3])
    assert cache.get_many(texts) == [*parses[:3], None, None]
    assert (cache.stats.hits, cache.stats.misses, cache.stats.writes) == (3, 2, 3)
    with pytest.raises(ValueError):
        cache.put_many(texts, parses[:2])


def test_overwrite_last_one_wins(cache: ParseCache):
    cache.put(TEXT, make_parse(model_id="first"))
    cache.put(TEXT, make_parse(model_id="second"))
    assert cache.get(TEXT).model_id == "second"


def test_a_parse_that_does_not_fit_its_text_is_not_stored(cache: ParseCache):
    with pytest.warns(CacheWarning):
        cache.put("short", make_parse())
    assert cache.stats.writes == 0 and not cache.entry_path("short").exists()


# --------------------------------------------------------------------------- bad entries


def entry_bytes(cache: ParseCache, text: str = TEXT) -> bytes:
    cache.put(text, make_parse(text))
    return cache.entry_path(text).read_bytes()


def assert_bad(cache: ParseCache, text: str, data: bytes | None) -> None:
    path = cache.entry_path(text)
    if data is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    corrupt = cache.stats.corrupt
    assert cache.get(text) is None
    assert cache.stats.corrupt == corrupt + 1
    assert not path.exists(), "a bad entry is removed"


def test_truncated_entries_are_misses_and_removed(cache: ParseCache):
    data = entry_bytes(cache)
    for cut in (1, 2, len(data) // 3, len(data) // 2, len(data) - 10, len(data) - 1):
        assert_bad(cache, TEXT, data[:cut])
    assert_bad(cache, TEXT, b"")


def test_corrupt_entries_are_misses_and_removed(cache: ParseCache):
    data = entry_bytes(cache)
    body_at = data.index(b"\n") + 1
    for i in (body_at + 5, len(data) // 2, len(data) - 70):
        flipped = bytearray(data)
        flipped[i] ^= 0x01
        assert_bad(cache, TEXT, bytes(flipped))
    cache.put(TEXT, make_parse())
    assert cache.get(TEXT) == make_parse(), "a good entry is written again after a bad one"


def test_garbage_entries_are_misses_and_removed(cache: ParseCache):
    for garbage in (
        os.urandom(2000),
        b"\n\n\n",
        b"\xff\xfe\n# end x\n",
        b"hello\n",
        b"# quotecheck_cache = {}\n# end " + hashlib.sha256(b"").hexdigest().encode() + b"\n",
    ):
        assert_bad(cache, TEXT, garbage)


def test_header_hash_mismatch(cache: ParseCache):
    other = "Another text, longer than the first one, so offsets fit."
    data = entry_bytes(cache, TEXT)  # intact entry (valid trailer) for TEXT...
    assert_bad(cache, other, data)  # ...placed where `other` is looked up


def test_other_model_in_header(tmp_path: Path):
    a, b = ParseCache(tmp_path, MODEL), ParseCache(tmp_path, "stanza-other")
    assert_bad(b, TEXT, entry_bytes(a))


def forged(cache: ParseCache, text: str, body: str) -> bytes:
    """An entry with a correct header and trailer around ``body``."""
    header = entry_bytes(cache, text).split(b"\n", 1)[0]
    raw = body.encode()
    return header + b"\n" + raw + b"# end " + hashlib.sha256(raw).hexdigest().encode() + b"\n"


def test_offsets_beyond_the_text_are_misses(cache: ParseCache):
    text = "We go"
    assert_bad(cache, text, forged(cache, text, LITERAL.replace("end_char=5", "end_char=6")))
    assert_bad(cache, text, forged(cache, text, LITERAL.replace("start_char=0", "start_char=-1")))
    assert_bad(cache, text, forged(cache, text, LITERAL.replace("\t2\tnsubj", "\t7\tnsubj")))
    assert_bad(cache, text, forged(cache, text, LITERAL.replace("\tstart_char=0|end_char=2", "\t_")))
    assert_bad(cache, text, forged(cache, text, "1\tonly\tthree\n"))
    assert cache.get(text) is None


def test_an_entry_that_is_a_directory_is_a_miss(cache: ParseCache):
    path = cache.entry_path(TEXT)
    path.mkdir(parents=True)
    assert cache.get(TEXT) is None


# --------------------------------------------------------------------------- writers


def _writer(directory: str, worker: int, rounds: int) -> int:
    """Write a shared key and a key of one's own many times, reading back in between; the
    number of reads that saw something other than nothing or the right parse."""
    c = ParseCache(directory, MODEL)
    shared = "Shared text said by everyone."
    own = f"Text of worker {worker}, said alone."
    errors = 0
    for i in range(rounds):
        c.put(shared, make_parse(shared))
        c.put(own, make_parse(own, model_id=f"w{worker}"))
        c.put(f"Text {i % 7} of many.", make_parse(f"Text {i % 7} of many."))
        for text, expected in ((shared, make_parse(shared)), (own, make_parse(own, model_id=f"w{worker}"))):
            got = c.get(text)
            errors += got is not None and got != expected
    return errors if c.writable else -1


def test_concurrent_writers(tmp_path: Path):
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(4) as pool:
        results = pool.starmap(_writer, [(str(tmp_path), w, 60) for w in range(4)])
    assert results == [0, 0, 0, 0]
    c = ParseCache(tmp_path, MODEL)
    texts = ["Shared text said by everyone."] + [f"Text {i} of many." for i in range(7)]
    assert c.get_many(texts) == [make_parse(t) for t in texts]
    for w in range(4):
        own = f"Text of worker {w}, said alone."
        assert c.get(own) == make_parse(own, model_id=f"w{w}")
    assert c.stats.corrupt == 0
    assert not list(tmp_path.rglob("*.tmp")), "finished writers leave no temp files"
    assert len(list(tmp_path.rglob("*.conllu"))) == 12


def test_leftover_temp_and_half_written_entry_are_ignored(cache: ParseCache):
    data = entry_bytes(cache)
    path = cache.entry_path(TEXT)
    path.unlink()
    stray = path.parent / f".{cache.key(TEXT)}.abcd1234.tmp"
    stray.write_bytes(data[: len(data) // 2])
    assert cache.get(TEXT) is None and stray.exists()
    path.write_bytes(data[: data.rindex(b"# end ")])  # everything but the trailer
    assert_bad(cache, TEXT, None)
    cache.put(TEXT, make_parse())
    assert cache.get(TEXT) == make_parse()


def _killed_writer(directory: str) -> None:
    """Put an entry but die (no cleanup) after its data is written, before the rename (the
    cache root is already tagged, so the first fsync is the entry's temp file)."""

    def die(fd: int) -> None:
        os._exit(3)

    os.fsync = die
    ParseCache(directory, MODEL).put(TEXT, make_parse())


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_killed_writer_leaves_at_most_a_temp_file(tmp_path: Path):
    ParseCache(tmp_path, MODEL).put("An earlier article.", make_parse("An earlier article."))
    proc = multiprocessing.get_context("fork").Process(target=_killed_writer, args=(str(tmp_path),))
    proc.start()
    proc.join(30)
    assert proc.exitcode == 3
    c = ParseCache(tmp_path, MODEL)
    assert not c.entry_path(TEXT).exists()
    temps = list(tmp_path.rglob("*.tmp"))
    assert len(temps) == 1 and temps[0].parent == c.entry_path(TEXT).parent
    assert temps[0].name.startswith(f".{c.key(TEXT)}.") and temps[0].stat().st_size > 0
    assert c.get(TEXT) is None
    c.put(TEXT, make_parse())
    assert c.get(TEXT) == make_parse()
    old = time.time() - 2 * 3600
    os.utime(temps[0], (old, old))
    assert c.prune() == 1 and not temps[0].exists()


# --------------------------------------------------------------------------- the directory


def test_unwritable_directory_is_a_noop_with_one_warning(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    c = ParseCache(blocker / "cache", MODEL)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c.put(TEXT, make_parse())
        c.put_many(["x", "y"], [make_parse("x"), make_parse("y")])
        c.put(TEXT, make_parse())
        assert c.get(TEXT) is None
        assert c.get_many(["x"]) == [None]
    relevant = [w for w in caught if issubclass(w.category, CacheWarning)]
    assert len(relevant) == 1 and "cannot write" in str(relevant[0].message)
    assert not c.writable
    assert (c.stats.hits, c.stats.misses, c.stats.writes) == (0, 2, 0)
    assert c.prune() == 0


def test_cachedir_tag_and_gitignore(cache: ParseCache):
    assert not cache.directory.exists()
    cache.put(TEXT, make_parse())
    tag = (cache.directory / "CACHEDIR.TAG").read_bytes()
    assert tag.startswith(CACHEDIR_TAG_SIGNATURE.encode()) and len(CACHEDIR_TAG_SIGNATURE) == 43
    ignore = (cache.directory / ".gitignore").read_text().splitlines()
    assert "*" in ignore
    assert not list(cache.directory.glob("*.tmp"))


def test_a_foreign_directory_is_not_tagged(tmp_path: Path):
    (tmp_path / "README.md").write_text("a project")
    c = ParseCache(tmp_path, MODEL)
    c.put(TEXT, make_parse())
    assert c.get(TEXT) == make_parse()
    assert not (tmp_path / "CACHEDIR.TAG").exists() and not (tmp_path / ".gitignore").exists()


def set_age(path: Path, days: float) -> None:
    t = time.time() - days * 86400
    os.utime(path, (t, t))


def test_prune(tmp_path: Path):
    c = ParseCache(tmp_path, MODEL)
    other = ParseCache(tmp_path, "stanza-retired")
    texts = [f"Article {i} text." for i in range(4)]
    c.put_many(texts, [make_parse(t) for t in texts])
    other.put(texts[0], make_parse(texts[0]))
    set_age(c.entry_path(texts[0]), 40)
    set_age(c.entry_path(texts[1]), 40)
    set_age(other.entry_path(texts[0]), 31)
    set_age(c.entry_path(texts[2]), 10)
    old_tmp = c.entry_path(texts[3]).parent / ".deadbeef.x.tmp"
    new_tmp = c.entry_path(texts[3]).parent / ".cafe.y.tmp"
    old_tmp.write_bytes(b"partial")
    new_tmp.write_bytes(b"partial")
    set_age(old_tmp, 2 / 24)
    assert c.get(texts[1]) == make_parse(texts[1])  # a read refreshes the entry
    assert c.prune(keep_days=30) == 3  # texts[0], the retired model's entry, the old temp file
    assert c.get_many(texts) == [None] + [make_parse(t) for t in texts[1:]]
    assert new_tmp.exists() and not old_tmp.exists()
    assert (tmp_path / "CACHEDIR.TAG").exists()
    set_age(c.entry_path(texts[2]), 10)
    assert c.prune(keep_days=5) == 1 and c.get(texts[2]) is None
    assert ParseCache(tmp_path / "missing", MODEL).prune() == 0
    with pytest.raises(ValueError):
        c.prune(-1)


# --------------------------------------------------------------------------- default_cache_dir


def test_default_cache_dir_from_env(monkeypatch, tmp_path: Path):
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "ci-cache"))
    assert default_cache_dir() == tmp_path / "ci-cache"
    assert default_cache_dir(tmp_path) == tmp_path / "ci-cache"


def test_default_cache_dir_at_the_git_root(monkeypatch, tmp_path: Path):
    monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    repo = tmp_path / "repo"
    deep = repo / "articles" / "2024"
    deep.mkdir(parents=True)
    (repo / ".git").mkdir()
    article = deep / "story.md"
    article.write_text("text")
    assert default_cache_dir(deep) == repo / DEFAULT_CACHE_DIR_NAME
    assert default_cache_dir(article) == repo / DEFAULT_CACHE_DIR_NAME
    monkeypatch.chdir(deep)
    assert default_cache_dir() == repo / DEFAULT_CACHE_DIR_NAME
    assert default_cache_dir(Path("..")) == repo / DEFAULT_CACHE_DIR_NAME
    worktree = tmp_path / "worktree"
    (worktree / "sub").mkdir(parents=True)
    (worktree / ".git").write_text("gitdir: /elsewhere\n")  # worktrees have a .git file
    assert default_cache_dir(worktree / "sub") == worktree / DEFAULT_CACHE_DIR_NAME


def test_default_cache_dir_without_git_is_the_cwd(monkeypatch, tmp_path: Path):
    monkeypatch.delenv(ENV_CACHE_DIR, raising=False)
    if any((p / ".git").exists() for p in (tmp_path, *tmp_path.parents)):
        pytest.skip("the temporary directory is inside a git checkout")
    monkeypatch.chdir(tmp_path)
    assert default_cache_dir() == tmp_path / DEFAULT_CACHE_DIR_NAME
    (tmp_path / "elsewhere").mkdir()
    assert default_cache_dir(tmp_path / "elsewhere") == tmp_path / DEFAULT_CACHE_DIR_NAME


def test_module_constants():
    assert cache_mod.DEFAULT_CACHE_DIR_NAME == ".quotecheck-cache"
    assert cache_mod.ENV_CACHE_DIR == "QUOTECHECK_CACHE_DIR"
    assert cache_mod.CACHE_FORMAT_VERSION == 1
