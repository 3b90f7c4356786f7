"""CONTRIBUTING.md and docs/architecture.md against the code: the recipes and the module map
name only paths, Python names and commands that exist, and every module has a line.

Each check is a function from Markdown text to the problems it finds, so the tests at the end
can show that each one reports a drifted document (a renamed file, a removed function, a
misspelt command, a module without a line, a reordered table).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import shlex
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import click
import pytest
from markdown_it import MarkdownIt

import quotecheck
from quotecheck import cli
from quotecheck.attribution import POST_PATTERNS, PRE_PATTERNS
from quotecheck.sources.cluster import RESOLVERS
from quotecheck.testing import ROOT
from quotecheck.vocab import CuePattern

PACKAGE = ROOT / "quotecheck"
CONTRIBUTING = ROOT / "CONTRIBUTING.md"
ARCHITECTURE = ROOT / "docs" / "architecture.md"
DOCS = (CONTRIBUTING, ARCHITECTURE)

# A path: segments of word characters, dots, dashes, globs and <placeholders>, joined by "/".
_PATH = re.compile(r"[\w.<>*-]+(?:/[\w.<>*-]*)+|[\w.-]+\.(?:py|md)")
_PLACEHOLDER = re.compile(r"[<>*]")
_DOTTED = re.compile(r"(?<![\w./-])([a-z_][a-z_0-9]*(?:\.[A-Za-z_]\w*)+)")
# A dotted word ending in one of these is a file name (lexicons.toml), not a Python name.
_FILE_SUFFIXES = frozenset(
    ("py", "md", "toml", "json", "yml", "yaml", "txt", "tsv", "conllu", "j2", "html", "csv", "xml")
)
_SHELL_OPERATORS = {">", ">>", "<", "|", "&&", "||", ";", "&"}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------
# What a Markdown document has in code


def code_snippets(markdown: str) -> list[str]:
    """The text of every code span, indented code block and fenced block, in order."""
    out: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type in ("code_block", "fence"):
            out.append(token.content)
        for child in token.children or ():
            if child.type == "code_inline":
                out.append(child.content)
    return out


def _words(snippet: str) -> Iterator[str]:
    """The whitespace-separated words of a snippet, without the punctuation around them."""
    for word in snippet.split():
        word = word.strip("()[]{},;:\"'`")
        if word:
            yield word


def _module_names() -> set[str]:
    """The first segment of a short dotted name: every module and package of quotecheck."""
    return {info.name for info in pkgutil.iter_modules(quotecheck.__path__)}


# --------------------------------------------------------------------------------------------
# The checks: each returns the problems it finds in a Markdown text


def _ignored_roots() -> set[str]:
    """Folders that .gitignore names: generated or local (.venv/, test-artifacts/), not files
    a document must find in the repository."""
    lines = _read(ROOT / ".gitignore").splitlines()
    return {line.strip().rstrip("/") for line in lines if line.strip() and not _PLACEHOLDER.search(line)}


def missing_paths(markdown: str) -> list[str]:
    """Repository paths named in code that do not exist. A path with a placeholder
    (``fixtures/rules/<id>/cases.yml``, ``tests/test_golden/*.yml``) needs the folder before the
    placeholder; a bare ``name.py`` or ``name.md`` must exist somewhere in the repository.
    Paths outside it (``../shared``, ``~``, URLs) and git-ignored folders are not checked."""
    ignored = _ignored_roots()
    problems = []
    for snippet in code_snippets(markdown):
        for word in _words(snippet):
            match = _PATH.fullmatch(word.rstrip("."))
            if match is None or word.startswith(("..", "/", "~", "$", "-")) or "://" in word:
                continue
            path = match.group(0)
            parts = path.split("/")
            if any("/".join(parts[:n]) in ignored for n in range(1, len(parts) + 1)):
                continue
            if "/" not in path:
                if not any(_repository_files(path)):
                    problems.append(path)
                continue
            fixed = []
            for part in parts:
                if _PLACEHOLDER.search(part):
                    break
                fixed.append(part)
            if fixed and not (ROOT / "/".join(fixed)).exists():
                problems.append(path)
    return problems


def _repository_files(name: str) -> Iterator[Path]:
    for path in ROOT.rglob(name):
        if not {".git", ".venv", "__pycache__"} & set(path.relative_to(ROOT).parts):
            yield path


def _resolve(dotted: str) -> Any:
    """The object a dotted name names: the longest importable module prefix, then attributes
    (a dataclass field counts as an attribute of its class). Raises LookupError."""
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:n]))
        except ImportError:
            continue
        for attr in parts[n:]:
            if hasattr(obj, attr):
                obj = getattr(obj, attr)
            elif isinstance(obj, type) and is_dataclass(obj) and attr in {f.name for f in fields(obj)}:
                return obj
            else:
                raise LookupError(f"{dotted}: no {attr!r}")
        return obj
    raise LookupError(f"{dotted}: no such module")


def unresolved_names(markdown: str) -> list[str]:
    """Dotted names of quotecheck in code that do not resolve: ``quotecheck.api.Checker``, and
    short ones whose first segment is a module of the package (``suppress.apply``). File names
    (``lexicons.toml``, ``cache.py``) are paths, not names."""
    modules = _module_names()
    problems = []
    for snippet in code_snippets(markdown):
        for dotted in _DOTTED.findall(snippet):
            dotted = dotted.rstrip(".")
            first, _, rest = dotted.partition(".")
            if not rest or rest.rsplit(".", 1)[-1] in _FILE_SUFFIXES:
                continue
            if first != "quotecheck":
                if first not in modules:
                    continue
                dotted = f"quotecheck.{dotted}"
            try:
                _resolve(dotted)
            except LookupError:
                problems.append(dotted)
    return problems


def _command_lines(markdown: str) -> Iterator[list[str]]:
    """The arguments of each ``quotecheck`` (or ``.venv/bin/quotecheck``) command in code, up to
    the end of the line or a shell operator. Only a command counts: the first word of a line
    or after a shell operator (``VAR=value`` words before it allowed), not an argument such as
    ``ruff check quotecheck tests``."""
    for snippet in code_snippets(markdown):
        for line in snippet.splitlines():
            try:
                words = shlex.split(line, comments=True)
            except ValueError:  # an apostrophe in prose
                words = line.split()
            at_start = True
            for i, word in enumerate(words):
                if word in _SHELL_OPERATORS:
                    at_start = True
                elif at_start and re.fullmatch(r"[A-Z_]+=\S*", word):
                    continue
                elif at_start and (word == "quotecheck" or word.endswith("/quotecheck")):
                    rest = words[i + 1 :]
                    end = next((j for j, w in enumerate(rest) if w in _SHELL_OPERATORS), len(rest))
                    yield rest[:end]
                    at_start = False
                else:
                    at_start = False


def _option_names(command: click.Command) -> set[str]:
    names = {"--help", "-h"}
    for param in command.params:
        names.update(param.opts)
        names.update(param.secondary_opts)
    return names


def unknown_commands(markdown: str) -> list[str]:
    """``quotecheck`` command lines in code whose subcommands or options the CLI lacks."""
    problems = []
    for words in _command_lines(markdown):
        command: click.Command = cli.main
        shown = "quotecheck"
        for word in words:
            if _PLACEHOLDER.search(word):
                break
            if isinstance(command, click.Group) and not word.startswith("-"):
                if word not in command.commands:
                    problems.append(f"{shown} {word}: no such command")
                    break
                command = command.commands[word]
                shown += f" {word}"
            elif word.startswith("-") and word != "-" and word.split("=", 1)[0] not in _option_names(command):
                problems.append(f"{shown} {word}: no such option")
    return problems


def _section(markdown: str, heading: str) -> str:
    """The text under a ``## heading``, up to the next one."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", markdown, flags=re.M | re.S)
    assert match is not None, f"no section ## {heading}"
    return match.group(1)


def _table_rows(section: str) -> list[list[str]]:
    """The body rows of the Markdown tables in a section, as lists of cells."""
    rows = []
    for line in section.splitlines():
        if line.startswith("|") and not re.fullmatch(r"[|\s:-]+", line):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return rows[1:] if rows else rows


def _code(cell: str) -> str:
    match = re.fullmatch(r"`([^`]+)`", cell)
    return match.group(1) if match else cell


def module_table(markdown: str) -> set[str]:
    """The first column of the module table: a path under quotecheck/ per row."""
    return {_code(row[0]) for row in _table_rows(_section(markdown, "Modules"))}


def unlisted_modules(markdown: str) -> list[str]:
    """Module files of the package without a line in the module table (a subpackage's
    ``__init__.py`` is listed as its folder, ``quotecheck/rules/``)."""
    listed = module_table(markdown)
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(ROOT).as_posix()
        if path.name == "__init__.py" and path.parent != PACKAGE:
            if name not in listed and f"{path.parent.relative_to(ROOT).as_posix()}/" not in listed:
                problems.append(name)
        elif name not in listed:
            problems.append(name)
    return problems


def pattern_table(markdown: str) -> list[tuple[str, str, str]]:
    """(side, pattern, CuePattern member) rows of the attribution pattern table, in order."""
    rows = _table_rows(_section(markdown, "Attribution patterns"))
    return [(row[0], _code(row[2]), _code(row[3])) for row in rows]


def resolver_table(markdown: str) -> list[tuple[str, str]]:
    """(mention kind, resolver) rows of the source resolver table, in order."""
    return [(_code(row[0]), _code(row[1])) for row in _table_rows(_section(markdown, "Source resolvers"))]


def unknown_diagram_names(markdown: str) -> list[str]:
    """Capitalized names in the flow diagrams (the types on the arrows) that no module of
    quotecheck defines or uses."""
    known: set[str] = set()
    for info in pkgutil.walk_packages(quotecheck.__path__, "quotecheck."):
        if not info.name.endswith("__main__"):  # python -m quotecheck.policy: runs on import
            known.update(vars(importlib.import_module(info.name)))
    diagrams = "\n".join(
        t.content for t in MarkdownIt("commonmark").parse(_section(markdown, "The flow")) if t.type == "fence"
    )
    names = re.findall(r"(?<![\w.])([A-Z][A-Za-z]*[a-z][A-Za-z]*)\b", diagrams)
    return sorted({name for name in names if name not in known})


# --------------------------------------------------------------------------------------------
# The documents as they are


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_path_in_code_exists(doc: Path) -> None:
    assert missing_paths(_read(doc)) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_dotted_name_resolves(doc: Path) -> None:
    assert unresolved_names(_read(doc)) == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_quotecheck_command_exists(doc: Path) -> None:
    assert unknown_commands(_read(doc)) == []


def test_the_documents_name_commands_paths_and_names() -> None:
    """The checks above have something to check (a parser change would make them vacuous)."""
    text = _read(CONTRIBUTING)
    assert ["rules", "--markdown"] in [w[:2] for w in _command_lines(text)]
    assert sum(bool(_PATH.fullmatch(w)) for s in code_snippets(text) for w in _words(s)) >= 20
    assert len(_DOTTED.findall("\n".join(code_snippets(_read(ARCHITECTURE))))) >= 20


def test_every_module_has_a_line_in_the_architecture_table() -> None:
    assert unlisted_modules(_read(ARCHITECTURE)) == [], (
        "add a line to the module table of docs/architecture.md"
    )


def test_the_flow_diagram_names_types_of_the_code() -> None:
    assert unknown_diagram_names(_read(ARCHITECTURE)) == []


def test_the_pattern_table_is_the_order_attribution_tries() -> None:
    rows = pattern_table(_read(ARCHITECTURE))
    assert [p for side, p, _ in rows if side == "after"] == [p.name.value for p in POST_PATTERNS]
    assert [p for side, p, _ in rows if side == "before"] == [p.name.value for p in PRE_PATTERNS]
    assert {p for _, p, _ in rows} == set(CuePattern)
    assert all(CuePattern[member] == pattern for _, pattern, member in rows)


def test_the_resolver_table_is_the_clusterer_table() -> None:
    expected = [(kind.value, resolver.__name__) for kind, resolver in RESOLVERS.items()]
    assert resolver_table(_read(ARCHITECTURE)) == expected


# --------------------------------------------------------------------------------------------
# Each check reports a drifted document


def test_a_missing_path_is_reported() -> None:
    text = (
        "Edit `quotecheck/rules/registry.py`, then `fixtures/rules/<id>/cases.yml`.\n\n"
        "Run `benchmarks/polnear.py` and `fixtures/nowhere/<id>/cases.yml` and `registri.py`.\n\n"
        "    .venv/bin/python fixtures/store_parse.py --rules <id>\n"
    )
    assert missing_paths(text) == [
        "benchmarks/polnear.py",
        "fixtures/nowhere/<id>/cases.yml",
        "registri.py",
        "fixtures/store_parse.py",
    ]


def test_an_unresolved_name_is_reported() -> None:
    text = "`quotecheck.api.analyze`, `quotecheck.api.analyse`, `suppress.apply`, `report.build`, `cache.py`"
    assert unresolved_names(text) == ["quotecheck.api.analyse", "quotecheck.report.build"]


def test_an_unknown_command_or_option_is_reported() -> None:
    text = (
        "`quotecheck rules --markdown > docs/rules.md`, `quotecheck rule`, `quotecheck baseline creat x`\n\n"
        "    .venv/bin/quotecheck check --formats json a.txt\n"
        "    cat a.txt | quotecheck check --input-format text -  # - is standard input\n"
        "    .venv/bin/ruff check quotecheck tests  # quotecheck as an argument is no command\n"
    )
    assert unknown_commands(text) == [
        "quotecheck rule: no such command",
        "quotecheck baseline creat: no such command",
        "quotecheck check --formats: no such option",
    ]


def test_a_module_without_a_line_is_reported() -> None:
    text = _read(ARCHITECTURE)
    row = next(line for line in text.splitlines() if line.startswith("| `quotecheck/cache.py` |"))
    assert unlisted_modules(text.replace(row + "\n", "")) == ["quotecheck/cache.py"]
    package = next(line for line in text.splitlines() if line.startswith("| `quotecheck/sources/` |"))
    assert unlisted_modules(text.replace(package + "\n", "")) == ["quotecheck/sources/__init__.py"]


def test_reordered_tables_and_unknown_types_are_reported() -> None:
    text = _read(ARCHITECTURE)
    first, second = (
        line for line in text.splitlines() if line.startswith(("| after | 1 |", "| after | 2 |"))
    )
    swapped = text.replace(first, "\0").replace(second, first).replace("\0", second)
    after = [p.name.value for p in POST_PATTERNS]
    assert [p for side, p, _ in pattern_table(swapped) if side == "after"] == [after[1], after[0], *after[2:]]
    renamed = resolver_table(text.replace("`_resolve_name`", "`_resolve_names`"))
    assert renamed != [(kind.value, resolver.__name__) for kind, resolver in RESOLVERS.items()]
    assert unknown_diagram_names(text.replace("QuoteSpan list", "QuoteSpans list")) == ["QuoteSpans"]
