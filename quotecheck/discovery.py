"""Finding the article files a run should check, the way ruff, markdownlint-cli2 and Vale do.

``quotecheck check [PATHS...]`` takes files, directories, globs and ``!``-prefixed exclusions;
:func:`discover` turns them into the list of article files to read, plus one
:class:`~quotecheck.documents.InputError` per argument that could not be used.

The rules
---------
* An explicitly named **file** is always checked, whatever its extension and even when an
  ignore file matches it, unless a ``!`` exclusion matches it. ``"-"`` (stdin) passes through.
  With ``force_exclude`` (``--force-exclude``, ruff's name and meaning) the ignore files apply
  to named files too, as they would in a walk from the top of the work tree: what pre-commit
  needs, since it names every staged file.
* A **directory** is walked recursively in sorted order (by path components, so the order is
  the same on every machine). It keeps the files whose extension (lower-cased) is a key of
  ``extensions`` and skips hidden files and directories (a name starting with ``"."``), the
  directories in :data:`VENDORED_DIRS`, and whatever the ignore files (below) ignore.
  Symbolic links to directories are not followed (no cycles, no walking out of the tree);
  symbolic links to files are kept.
* A **glob** (an argument containing ``*``, ``?`` or ``[`` that is not an existing path) is
  expanded relative to the working directory (:func:`glob.glob` with ``recursive=True``, so
  ``**`` spans directories). Only files are kept, filtered like a walk's files. Components
  written literally in the pattern are exempt from the hidden and vendored checks
  (``.drafts/*.md`` and ``vendor/**/*.md`` do what they say).
* ``!PATTERN`` **excludes** every file matching ``PATTERN``, a gitignore-style pattern relative
  to the working directory (``!drafts/**``, ``!*.txt``), whatever argument found the file and
  wherever the exclusion stands on the command line.

Ignore files
------------
Patterns use git's syntax and semantics, as implemented by the ``pathspec`` library
(:class:`pathspec.GitIgnoreSpec`); each file's patterns are relative to its own directory.

* ``.gitignore`` files count only inside a git work tree (a directory with a ``.git`` entry,
  found by looking upwards; git itself is never run): the work tree's root one, those in the
  directories between it and the walked directory, and nested ones met while walking, plus
  ``.git/info/exclude``. As in git, a deeper file overrides a shallower one, so it can
  re-include with ``!``; a directory that is ignored hides its contents and its own
  ``.gitignore`` is not read (git cannot re-include a file inside an excluded directory).
  A nested repository (a directory with its own ``.git``) starts afresh with its own rules.
  The user-wide ``core.excludesFile`` is not read, so that a CI run and a laptop agree.
  ``respect_gitignore=False`` turns all of this off.
* ``.quotecheckignore`` files (:data:`IGNORE_FILE`) use the same syntax. They are read in the
  walked directories and in their parents up to the git work tree's root or, outside a work
  tree, up to the working directory. Like ripgrep's ``.ignore``, they take precedence over
  the git rules: a ``!`` line in a ``.quotecheckignore`` re-includes an article that a
  ``.gitignore`` ignores (but not one inside a directory that the git rules cut off).

A directory named on the command line (or the literal start of a glob, such as ``drafts`` in
``drafts/**/*.md``) is always walked, even when it is hidden, vendored or ignored, just as an
explicit file is always checked; patterns of outer ignore files that match the directory
itself are then disregarded inside it. Everything below it follows the rules above.

Output
------
Paths are reported in first-seen order, each once (two spellings of the same file count as
one), in the form the user typed: ``articles`` gives ``articles/world/a.md``, ``./articles``
gives ``./articles/world/a.md`` and an absolute argument gives absolute paths.

Errors (one ``"<path>: <reason>"`` line each) never stop the other arguments: a path that
does not exist, a directory or glob without article files (the message lists the extensions
in effect), an unreadable directory or ignore file, an empty ``!`` exclusion.
"""

from __future__ import annotations

import errno
import glob
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pathspec import GitIgnoreSpec

from .documents import EXTENSIONS, InputError

__all__ = ["GITIGNORE", "IGNORE_FILE", "VENDORED_DIRS", "discover"]

VENDORED_DIRS: frozenset[str] = frozenset(
    {
        "node_modules",
        "vendor",
        "bower_components",
        "site-packages",
        "__pycache__",
        "_site",
        "dist",
        "build",
        ".venv",
        "venv",
    }
)
"""Directory names never entered while walking (dependencies, build output, caches)."""

IGNORE_FILE = ".quotecheckignore"
"""quotecheck's own ignore file (gitignore syntax)."""

GITIGNORE = ".gitignore"

STDIN = "-"

_GLOB_CHARS = frozenset("*?[")


def discover(
    paths: Sequence[str],
    *,
    extensions: Mapping[str, str] = EXTENSIONS,
    cwd: Path | None = None,
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> tuple[list[str], list[InputError]]:
    """The article files named by command-line ``paths``, and the problems found on the way.

    ``paths`` holds files, directories, globs, ``"-"`` and ``!PATTERN`` exclusions (see the
    module docstring for the rules). ``extensions`` maps the file extensions a walk or a glob
    keeps (``".md"``, compared lower-cased) to input formats. Relative paths and globs are
    taken relative to ``cwd`` (default: the process's working directory).
    ``respect_gitignore=False`` ignores ``.gitignore`` files and ``.git/info/exclude``
    (``.quotecheckignore`` files still count). ``force_exclude``: skip a named file that the
    ignore files ignore.

    Returns ``(files, errors)``: unique paths in first-seen order, in the form the user typed
    them, and one :class:`InputError` per problem, in the order found.
    """
    base = os.path.normpath(os.path.abspath(cwd if cwd is not None else Path.cwd()))
    exclusions: list[str] = []
    errors: list[InputError] = []
    for arg in paths:
        if arg.startswith("!"):
            pattern = arg[1:]
            while pattern.startswith("./"):
                pattern = pattern[2:]
            if pattern.strip():
                exclusions.append(pattern)
            else:
                errors.append(InputError(arg, "empty exclusion pattern"))
    run = _Discovery(base, extensions, respect_gitignore, exclusions, errors)
    run.force_exclude = force_exclude
    for arg in paths:
        if not arg.startswith("!"):
            run.add_argument(arg)
    return run.found, run.errors


# --------------------------------------------------------------------------------------------
# Ignore files


@dataclass(frozen=True)
class _IgnoreFile:
    """The patterns of one ignore file; they apply to paths below ``base``."""

    base: str  # absolute, normalized directory the patterns are relative to
    lines: tuple[str, ...]
    spec: GitIgnoreSpec
    own: bool  # a .quotecheckignore (True) or a git source (False)
    has_negation: bool

    @classmethod
    def parse(cls, base: str, lines: Sequence[str], own: bool) -> _IgnoreFile:
        spec = GitIgnoreSpec.from_lines(list(lines))
        negation = any(pattern.include is False for pattern in spec.patterns)
        return cls(base, tuple(lines), spec, own, negation)

    def relative(self, path: str) -> str | None:
        """``path`` relative to :attr:`base` with ``/`` separators; ``None`` if not below it."""
        prefix = os.path.join(self.base, "")
        if not path.startswith(prefix) or len(path) == len(prefix):
            return None
        return path[len(prefix) :].replace(os.sep, "/")

    def verdict(self, path: str, is_dir: bool) -> bool | None:
        """``True``: ignored, ``False``: re-included by a ``!`` line, ``None``: no pattern."""
        rel = self.relative(path)
        if rel is None:
            return None
        return self.spec.check_file(rel + "/" if is_dir else rel).include

    def detached_from(self, root: str) -> _IgnoreFile:
        """These patterns as seen inside the explicitly named directory ``root``.

        Patterns matching ``root`` itself (or a directory above it) would otherwise ignore,
        or re-include, everything inside it; the user named it, so they are dropped.
        """
        rel = self.relative(root)
        if rel is None:
            return self
        probe = rel + "/"
        if self.spec.check_file(probe).include is None:
            return self
        kept = [
            line for line in self.lines if GitIgnoreSpec.from_lines([line]).check_file(probe).include is None
        ]
        return _IgnoreFile.parse(self.base, kept, self.own)


def _is_ignored(sources: Sequence[_IgnoreFile], path: str, is_dir: bool) -> bool:
    """Whether ``path`` is ignored. ``sources`` run from shallow to deep (the last match wins);
    a verdict of the ``.quotecheckignore`` files beats that of the git sources."""
    own: bool | None = None
    git: bool | None = None
    for source in sources:
        verdict = source.verdict(path, is_dir)
        if verdict is None:
            continue
        if source.own:
            own = verdict
        else:
            git = verdict
    return own if own is not None else bool(git)


@dataclass(frozen=True)
class _Dir:
    """A directory being walked: where it is, how to print it, which rules apply inside."""

    path: str  # absolute, normalized
    shown: str  # the form reported, built from what the user typed
    sources: tuple[_IgnoreFile, ...]  # ignore files applying to its entries, shallow first
    in_git: bool  # inside a git work tree
    in_ignored: bool  # inside an ignored directory (walked for re-includes)


def _os_reason(err: OSError) -> str:
    if isinstance(err, PermissionError):
        return "permission denied"
    return f"cannot read directory: {err.strerror or err}"


def _sort_key(path: str) -> tuple[str, ...]:
    return tuple(path.replace(os.sep, "/").split("/"))


class _Discovery:
    """The state of one :func:`discover` call: caches, results and errors."""

    def __init__(
        self,
        cwd: str,
        extensions: Mapping[str, str],
        respect_gitignore: bool,
        exclusions: list[str],
        errors: list[InputError],
    ) -> None:
        self.cwd = cwd
        self.extensions = frozenset(ext.lower() for ext in extensions)
        self.extension_list = ", ".join(extensions)
        self.respect_gitignore = respect_gitignore
        self.exclude = GitIgnoreSpec.from_lines(exclusions) if exclusions else None
        self.exclude_prunes = self.exclude is not None and not any(
            pattern.include is False for pattern in self.exclude.patterns
        )
        self.found: list[str] = []
        self.errors = errors
        self.force_exclude = False  # apply the ignore files to named files too
        self._seen: set[str] = set()
        self._ignore_files: dict[tuple[str, bool], _IgnoreFile | None] = {}
        self._git_roots: dict[str, str | None] = {}

    # -- arguments -----------------------------------------------------------------------------
    def add_argument(self, arg: str) -> None:
        if arg == STDIN:
            self._add(arg, arg)
            return
        path = self._absolute(arg)
        if os.path.isdir(path):
            self._expect_some(arg, self._walk(self._root(path, arg)))
        elif os.path.exists(path):
            if not self._excluded(path, is_dir=False) and not (
                self.force_exclude and self._ignored_file(path)
            ):
                self._add(arg, path)
        elif _GLOB_CHARS.intersection(arg):
            self._expect_some(arg, self._glob(arg))
        else:
            self.errors.append(InputError(arg, "no such file or directory"))

    def _ignored_file(self, path: str) -> bool:
        """Whether the ignore files ignore the named file ``path``, walking down to it from the
        top of its work tree (else the working directory, else its folder) as a walk would;
        hidden and vendored folders on the way are not skipped (the user named the file)."""
        folder = os.path.dirname(path)
        inside_cwd = folder == self.cwd or folder.startswith(os.path.join(self.cwd, ""))
        top = self._git_root(folder) or (self.cwd if inside_cwd else folder)
        directory: _Dir | None = self._root(top, top)
        for name in [] if folder == top else os.path.relpath(folder, top).split(os.sep):
            assert directory is not None
            directory = self._child(directory, name, literal=frozenset({name}))
            if directory is None:
                return True  # an ignored folder nothing below can be re-included from
        assert directory is not None
        return _is_ignored(directory.sources, path, False)

    def _expect_some(self, arg: str, files: Iterator[tuple[str, str]]) -> None:
        count = 0
        errors = len(self.errors)
        for shown, path in files:
            count += 1
            self._add(shown, path)
        if not count and len(self.errors) == errors:  # else the error says why
            self.errors.append(InputError(arg, f"no article files ({self.extension_list}) found"))

    def _add(self, shown: str, path: str) -> None:
        key = os.path.normcase(path)
        if key not in self._seen:
            self._seen.add(key)
            self.found.append(shown)

    def _absolute(self, path: str) -> str:
        return os.path.normpath(os.path.join(self.cwd, path))

    # -- directories ---------------------------------------------------------------------------
    def _walk(self, directory: _Dir) -> Iterator[tuple[str, str]]:
        """``(shown, absolute)`` article files below ``directory``, in sorted order."""
        try:
            with os.scandir(directory.path) as it:
                entries = sorted(it, key=lambda entry: entry.name)
        except OSError as err:
            self.errors.append(InputError(directory.shown, _os_reason(err)))
            return
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                child = self._child(directory, entry.name)
                if child is not None:
                    yield from self._walk(child)
            elif self._is_file(directory, entry) and self._keeps_file(directory, entry.name):
                yield os.path.join(directory.shown, entry.name), entry.path

    def _is_file(self, directory: _Dir, entry: os.DirEntry[str]) -> bool:
        """Whether ``entry`` is a file or a link to one. A link that cannot be followed (a
        loop of symbolic links) is an error, if it would have been an article."""
        try:
            return entry.is_file()
        except OSError as err:
            if self._keeps_file(directory, entry.name):
                reason = "symbolic link loop" if err.errno == errno.ELOOP else _os_reason(err)
                self.errors.append(InputError(os.path.join(directory.shown, entry.name), reason))
            return False

    def _keeps_file(self, directory: _Dir, name: str, literal: frozenset[str] = frozenset()) -> bool:
        if name.startswith(".") and name not in literal:
            return False
        if os.path.splitext(name)[1].lower() not in self.extensions:
            return False
        path = os.path.join(directory.path, name)
        return not _is_ignored(directory.sources, path, False) and not self._excluded(path, False)

    def _child(self, parent: _Dir, name: str, literal: frozenset[str] = frozenset()) -> _Dir | None:
        """The subdirectory ``name`` of ``parent``, or ``None`` if it is not to be entered."""
        if (name.startswith(".") or name in VENDORED_DIRS) and name not in literal:
            return None
        path = os.path.join(parent.path, name)
        if self.exclude_prunes and self._excluded(path, is_dir=True):
            return None
        ignored = _is_ignored(parent.sources, path, True)
        if ignored and not any(source.has_negation for source in parent.sources):
            return None  # nothing below can be re-included: prune
        sources, in_git = parent.sources, parent.in_git
        if not (ignored or parent.in_ignored):
            if self.respect_gitignore and os.path.lexists(os.path.join(path, ".git")):
                # a nested repository: the outer repository's rules stop here
                sources = tuple(s for s in sources if s.own) + self._exclude_file(path)
                in_git = True
            sources += self._load(path, own=False, git=in_git) + self._load(path, own=True)
        return _Dir(path, os.path.join(parent.shown, name), sources, in_git, parent.in_ignored or ignored)

    def _root(self, path: str, shown: str) -> _Dir:
        """An explicitly named directory, with the ignore files of the directories above."""
        git_root = self._git_root(path)
        if git_root is not None:
            top = git_root
        elif path == self.cwd or path.startswith(os.path.join(self.cwd, "")):
            top = self.cwd
        else:
            top = path
        chain = [path]
        while chain[-1] != top:
            chain.append(os.path.dirname(chain[-1]))
        chain.reverse()
        in_git = git_root is not None
        sources = self._exclude_file(git_root) if git_root is not None else ()
        for directory in chain:
            sources += self._load(directory, own=False, git=in_git)
        for directory in chain:
            sources += self._load(directory, own=True)
        detached = tuple(source.detached_from(path) for source in sources)
        return _Dir(path, shown, detached, in_git, False)

    # -- ignore files --------------------------------------------------------------------------
    def _load(self, directory: str, *, own: bool, git: bool = False) -> tuple[_IgnoreFile, ...]:
        """The ``.quotecheckignore`` (``own``) or ``.gitignore`` of ``directory``, if any."""
        if not own and not (git and self.respect_gitignore):
            return ()
        loaded = self._read(os.path.join(directory, IGNORE_FILE if own else GITIGNORE), directory, own)
        return (loaded,) if loaded is not None else ()

    def _read(self, file: str, base: str, own: bool) -> _IgnoreFile | None:
        key = (file, own)
        if key not in self._ignore_files:
            loaded = None
            if os.path.isfile(file):
                try:
                    with open(file, encoding="utf-8-sig", errors="replace") as handle:
                        lines = handle.read().splitlines()
                except OSError as err:
                    reason = (
                        "permission denied"
                        if isinstance(err, PermissionError)
                        else (f"cannot read ignore file: {err.strerror or err}")
                    )
                    self.errors.append(InputError(file, reason))
                else:
                    loaded = _IgnoreFile.parse(base, lines, own)
            self._ignore_files[key] = loaded
        return self._ignore_files[key]

    def _git_root(self, path: str) -> str | None:
        """The work tree containing ``path`` (the nearest directory with a ``.git``)."""
        seen: list[str] = []
        current = path
        root: str | None = None
        while True:
            if current in self._git_roots:
                root = self._git_roots[current]
                break
            seen.append(current)
            if os.path.lexists(os.path.join(current, ".git")):
                root = current
                break
            parent = os.path.dirname(current)
            if parent == current:
                break
            current = parent
        for directory in seen:
            self._git_roots[directory] = root
        return root

    def _exclude_file(self, work_tree: str) -> tuple[_IgnoreFile, ...]:
        """``info/exclude`` of the repository whose work tree is ``work_tree``."""
        if not self.respect_gitignore:
            return ()
        git_dir = os.path.join(work_tree, ".git")
        if os.path.isfile(git_dir):  # a worktree or submodule: "gitdir: <path>"
            try:
                with open(git_dir, encoding="utf-8") as handle:
                    first = handle.readline().strip()
            except OSError:
                return ()
            if not first.startswith("gitdir:"):
                return ()
            git_dir = os.path.normpath(os.path.join(work_tree, first[len("gitdir:") :].strip()))
            try:
                with open(os.path.join(git_dir, "commondir"), encoding="utf-8") as handle:
                    git_dir = os.path.normpath(os.path.join(git_dir, handle.read().strip()))
            except OSError:
                pass
        loaded = self._read(os.path.join(git_dir, "info", "exclude"), work_tree, own=False)
        return (loaded,) if loaded is not None else ()

    def _excluded(self, path: str, is_dir: bool) -> bool:
        """Whether a ``!`` exclusion matches ``path``."""
        if self.exclude is None:
            return False
        rel = os.path.relpath(path, self.cwd).replace(os.sep, "/")
        if rel == ".":
            return False
        return bool(self.exclude.check_file(rel + "/" if is_dir else rel).include)

    # -- globs ---------------------------------------------------------------------------------
    def _glob(self, pattern: str) -> Iterator[tuple[str, str]]:
        """``(shown, absolute)`` article files matching ``pattern``, in sorted order."""
        parts = pattern.replace(os.sep, "/").split("/")
        prefix: list[str] = []
        for part in parts[:-1]:
            if glob.has_magic(part):
                break
            prefix.append(part)
        literal = frozenset(part for part in parts if part and not glob.has_magic(part))
        base_shown = "/".join(prefix) or ("/" if pattern.startswith("/") else ".")
        base = self._absolute(base_shown)
        if not os.path.isdir(base):
            return
        states: dict[str, _Dir | None] = {base: self._root(base, base_shown)}
        matches = glob.glob(pattern, root_dir=self.cwd, recursive=True)
        for shown in sorted(matches, key=_sort_key):
            path = self._absolute(shown)
            if not os.path.isfile(path):
                continue
            directory = self._glob_dir(states, base, os.path.dirname(path), literal)
            if directory is not None and self._keeps_file(directory, os.path.basename(path), literal):
                yield shown, path

    def _glob_dir(
        self, states: dict[str, _Dir | None], base: str, path: str, literal: frozenset[str]
    ) -> _Dir | None:
        """The walk state of directory ``path`` below a glob's literal ``base``."""
        if path in states:
            return states[path]
        rel = os.path.relpath(path, base)
        if rel == os.pardir or rel.startswith(os.pardir + os.sep):  # outside the base
            state: _Dir | None = self._root(path, path)
        else:
            parent = self._glob_dir(states, base, os.path.dirname(path), literal)
            state = None if parent is None else self._child(parent, os.path.basename(path), literal)
        states[path] = state
        return state
