"""Finding article files: walks, globs, exclusions, .gitignore and .quotecheckignore."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quotecheck.discovery import IGNORE_FILE, VENDORED_DIRS, discover
from quotecheck.documents import EXTENSIONS, InputError


def make(root: Path, *files: str, content: str = "text\n") -> Path:
    """Create ``files`` (paths relative to ``root``; a trailing "/" makes a directory)."""
    for name in files:
        path = root / name
        if name.endswith("/"):
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    return root


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def git_repo(root: Path) -> Path:
    """Mark ``root`` as a git work tree, as ``git init`` would (no git needed)."""
    (root / ".git" / "info").mkdir(parents=True, exist_ok=True)
    return root


def found(tmp_path: Path, *paths: str, **kwargs: object) -> list[str]:
    files, errors = discover(list(paths), cwd=tmp_path, **kwargs)  # type: ignore[arg-type]
    assert errors == [], [str(e) for e in errors]
    return files


# --- directory walks ----------------------------------------------------------------------


def test_walk_keeps_known_extensions_in_sorted_order(tmp_path: Path) -> None:
    make(
        tmp_path / "articles",
        "b.md",
        "a.txt",
        "c.HTML",
        "d.htm",
        "e.markdown",
        "f.mdx",
        "notes.docx",
        "image.png",
        "README",
        "world/z.md",
        "world/a.html",
        "a/x.md",
    )
    assert found(tmp_path, "articles") == [
        "articles/a/x.md",
        "articles/a.txt",
        "articles/b.md",
        "articles/c.HTML",
        "articles/d.htm",
        "articles/e.markdown",
        "articles/f.mdx",
        "articles/world/a.html",
        "articles/world/z.md",
    ]


def test_walk_keeps_the_form_the_user_typed(tmp_path: Path) -> None:
    make(tmp_path, "articles/world/a.md")
    assert found(tmp_path, "articles/") == ["articles/world/a.md"]
    assert found(tmp_path, "./articles") == ["./articles/world/a.md"]
    absolute = str(tmp_path / "articles")
    assert found(tmp_path, absolute) == [os.path.join(absolute, "world", "a.md")]
    assert found(tmp_path / "articles", "world") == ["world/a.md"]


def test_walk_skips_hidden_and_vendored(tmp_path: Path) -> None:
    make(tmp_path, "a.md", ".hidden.md", ".drafts/b.md", "sub/.c.md", "sub/d.md")
    for name in VENDORED_DIRS:
        make(tmp_path, f"{name}/x.md", f"sub/{name}/y.md")
    assert found(tmp_path, ".") == ["./a.md", "./sub/d.md"]


def test_named_directory_is_walked_even_if_hidden_or_vendored(tmp_path: Path) -> None:
    make(tmp_path, ".drafts/a.md", "vendor/b.md", "vendor/node_modules/c.md")
    assert found(tmp_path, ".drafts") == [".drafts/a.md"]
    assert found(tmp_path, "vendor") == ["vendor/b.md"]  # vendored below it still skipped


def test_custom_extensions(tmp_path: Path) -> None:
    make(tmp_path, "a.rst", "b.md", "c.txt")
    extensions = {**EXTENSIONS, ".RST": "text"}
    assert found(tmp_path, ".", extensions=extensions) == ["./a.rst", "./b.md", "./c.txt"]
    files, errors = discover(["."], cwd=tmp_path, extensions={".adoc": "text"})
    assert files == []
    assert [str(e) for e in errors] == [".: no article files (.adoc) found"]


def test_symlinked_directories_are_not_followed(tmp_path: Path) -> None:
    make(tmp_path, "real/a.md")
    try:
        (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
        (tmp_path / "real" / "loop").symlink_to(tmp_path, target_is_directory=True)
    except OSError:
        pytest.skip("no symlinks here")
    assert found(tmp_path, ".") == ["./real/a.md"]
    assert found(tmp_path, "link") == ["link/a.md"]  # named explicitly: followed


# --- .gitignore ------------------------------------------------------------------------------


def test_root_gitignore_applies_inside_a_work_tree(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "a.md", "b.html", "drafts/c.md", "site/d.md", "site/keep.html")
    write(tmp_path / ".gitignore", "# generated\n*.html\n!keep.html\ndrafts/\n")
    assert found(tmp_path, ".") == ["./a.md", "./site/d.md", "./site/keep.html"]
    assert found(tmp_path, "site") == ["site/d.md", "site/keep.html"]  # rules from above


def test_gitignore_outside_a_work_tree_is_not_read(tmp_path: Path) -> None:
    make(tmp_path, "a.md", "b.md")
    write(tmp_path / ".gitignore", "b.md\n")
    assert found(tmp_path, ".") == ["./a.md", "./b.md"]


def test_respect_gitignore_false(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "a.md", "b.md")
    write(tmp_path / ".gitignore", "b.md\n")
    write(tmp_path / ".git" / "info" / "exclude", "a.md\n")
    files, errors = discover(["."], cwd=tmp_path)
    assert files == [] and len(errors) == 1
    assert found(tmp_path, ".", respect_gitignore=False) == ["./a.md", "./b.md"]


def test_nested_gitignore_is_relative_to_its_directory_and_can_re_include(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(
        tmp_path,
        "top.md",
        "old.md",
        "world/old.md",
        "world/keep.html",
        "world/x.html",
        "world/europe/a.md",
        "world/europe/b.md",
        "sport/old.md",
    )
    write(tmp_path / ".gitignore", "*.html\n/old.md\n")
    write(tmp_path / "world" / ".gitignore", "!keep.html\nold.md\n/europe/b.md\n")
    assert found(tmp_path, ".") == [
        "./sport/old.md",
        "./top.md",
        "./world/europe/a.md",
        "./world/keep.html",
    ]


def test_ignored_directory_hides_its_gitignore(tmp_path: Path) -> None:
    # git cannot re-include a file inside an excluded directory
    git_repo(tmp_path)
    make(tmp_path, "a.md", "drafts/b.md", "drafts/keep.md")
    write(tmp_path / ".gitignore", "drafts/\n")
    write(tmp_path / "drafts" / ".gitignore", "!keep.md\n")
    assert found(tmp_path, ".") == ["./a.md"]


def test_whitelist_style_gitignore(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "a.md", "a.txt", "sub/b.md", "sub/b.txt")
    write(tmp_path / ".gitignore", "*\n!*/\n!*.md\n")
    assert found(tmp_path, ".") == ["./a.md", "./sub/b.md"]


def test_git_info_exclude(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "a.md", "local/b.md", "sub/c.md")
    write(tmp_path / ".git" / "info" / "exclude", "local/\n")
    assert found(tmp_path, ".") == ["./a.md", "./sub/c.md"]
    assert found(tmp_path, "sub") == ["sub/c.md"]


def test_worktree_git_file_points_at_info_exclude(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    git_dir = tmp_path / "gitdirs" / "wt"
    write(git_dir / "info" / "exclude", "b.md\n")
    make(repo, "a.md", "b.md")
    write(repo / ".git", f"gitdir: {git_dir}\n")
    assert found(tmp_path, "repo") == ["repo/a.md"]


def test_nested_repository_starts_afresh(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "a.md", "inner/b.md", "inner/c.md")
    write(tmp_path / ".gitignore", "b.md\n")
    git_repo(tmp_path / "inner")
    write(tmp_path / "inner" / ".gitignore", "c.md\n")
    assert found(tmp_path, ".") == ["./a.md", "./inner/b.md"]


def test_gitignore_above_the_named_directory_up_to_the_work_tree(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    make(repo, "desk/world/a.md", "desk/world/b.md")
    write(repo / ".gitignore", "b.md\n")
    write(tmp_path / ".gitignore", "a.md\n")  # outside the work tree: not read
    assert found(repo / "desk", "world") == ["world/a.md"]


def test_named_ignored_directory_is_walked(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "drafts/a.md", "drafts/b.txt")
    write(tmp_path / ".gitignore", "drafts/\n*.txt\n")
    files, errors = discover(["."], cwd=tmp_path)
    assert files == [] and [e.path for e in errors] == ["."]
    assert found(tmp_path, "drafts") == ["drafts/a.md"]  # *.txt still applies inside


# --- .quotecheckignore -------------------------------------------------------------------------


def test_quotecheckignore_in_walked_directories(tmp_path: Path) -> None:
    make(tmp_path, "a.md", "b.md", "wire/c.md", "wire/d.md", "archive/e.md")
    write(tmp_path / IGNORE_FILE, "archive/\nb.md\n")
    write(tmp_path / "wire" / IGNORE_FILE, "c.md\n")
    assert found(tmp_path, ".") == ["./a.md", "./wire/d.md"]


def test_quotecheckignore_in_parents_up_to_the_cwd(tmp_path: Path) -> None:
    make(tmp_path, "desk/world/a.md", "desk/world/b.md")
    write(tmp_path / IGNORE_FILE, "world/b.md\n")  # not anchored at desk: no match
    write(tmp_path / "desk" / IGNORE_FILE, "/world/b.md\n")
    assert found(tmp_path, "desk/world") == ["desk/world/a.md"]


def test_quotecheckignore_in_parents_up_to_the_git_root(tmp_path: Path) -> None:
    repo = git_repo(tmp_path / "repo")
    make(repo, "desk/world/a.md", "desk/world/b.md")
    write(repo / IGNORE_FILE, "b.md\n")
    write(tmp_path / IGNORE_FILE, "a.md\n")  # above the work tree: not read
    assert found(repo / "desk", "world") == ["world/a.md"]


def test_quotecheckignore_beats_gitignore(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "a.md", "generated/b.md", "generated/c.md")
    write(tmp_path / ".gitignore", "generated/*.md\n")
    write(tmp_path / IGNORE_FILE, "!generated/b.md\n")
    assert found(tmp_path, ".") == ["./a.md", "./generated/b.md"]


# --- globs -----------------------------------------------------------------------------------


def test_glob_with_double_star(tmp_path: Path) -> None:
    make(
        tmp_path,
        "articles/a.md",
        "articles/b.txt",
        "articles/world/c.md",
        "articles/world/deep/d.md",
        "articles/.hidden/e.md",
        "articles/vendor/f.md",
        "articles/world/g.png",
        "other/h.md",
    )
    assert found(tmp_path, "articles/**/*.md") == [
        "articles/a.md",
        "articles/world/c.md",
        "articles/world/deep/d.md",
    ]
    assert found(tmp_path, "articles/**") == [
        "articles/a.md",
        "articles/b.txt",
        "articles/world/c.md",
        "articles/world/deep/d.md",
    ]
    assert found(tmp_path, "*/a.md", "**/h.md") == ["articles/a.md", "other/h.md"]
    assert found(tmp_path, "articles/vendor/*.md") == ["articles/vendor/f.md"]  # literal


def test_glob_respects_ignore_files(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "articles/a.md", "articles/b.md", "articles/tmp/c.md")
    write(tmp_path / ".gitignore", "b.md\ntmp/\n")
    assert found(tmp_path, "articles/**/*.md") == ["articles/a.md"]
    assert found(tmp_path, "**/*.md") == ["articles/a.md"]


def test_glob_without_article_files_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, "a.png")
    files, errors = discover(["*.md", "*.png"], cwd=tmp_path)
    assert files == []
    message = f"no article files ({', '.join(EXTENSIONS)}) found"
    assert [str(e) for e in errors] == [f"*.md: {message}", f"*.png: {message}"]


# --- exclusions --------------------------------------------------------------------------------


def test_exclusions(tmp_path: Path) -> None:
    make(tmp_path, "a.md", "b.txt", "drafts/c.md", "drafts/deep/d.md", "world/drafts/e.md")
    assert found(tmp_path, ".", "!drafts/**", "!*.txt") == ["./a.md", "./world/drafts/e.md"]
    # exclusions apply wherever they stand, to globs and explicit files too
    assert found(tmp_path, "!*.txt", "b.txt", "*.md", "drafts/c.md", "!drafts/") == ["a.md"]
    assert found(tmp_path, "!./drafts/deep", "drafts") == ["drafts/c.md"]


def test_empty_exclusion_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, "a.md")
    files, errors = discover(["a.md", "!"], cwd=tmp_path)
    assert files == ["a.md"]
    assert [str(e) for e in errors] == ["!: empty exclusion pattern"]


# --- explicit files ----------------------------------------------------------------------------


def test_explicit_file_overrides_ignores_and_extensions(tmp_path: Path) -> None:
    git_repo(tmp_path)
    make(tmp_path, "notes.docx", ".hidden.md", "drafts/a.md", "vendor/b.md", "c.md")
    write(tmp_path / ".gitignore", "drafts/\n")
    write(tmp_path / IGNORE_FILE, "c.md\n")
    assert found(tmp_path, "notes.docx", ".hidden.md", "drafts/a.md", "vendor/b.md", "c.md") == [
        "notes.docx",
        ".hidden.md",
        "drafts/a.md",
        "vendor/b.md",
        "c.md",
    ]


def test_stdin_passes_through(tmp_path: Path) -> None:
    assert found(tmp_path, "-", "-", "!*") == ["-"]


def test_paths_are_unique_in_first_seen_order(tmp_path: Path) -> None:
    make(tmp_path, "articles/a.md", "articles/b.md", "c.md")
    assert found(
        tmp_path,
        "c.md",
        "articles/b.md",
        "articles",
        "./c.md",
        "articles/*.md",
        str(tmp_path / "articles" / "a.md"),
    ) == [
        "c.md",
        "articles/b.md",
        "articles/a.md",
    ]


def test_order_is_deterministic(tmp_path: Path) -> None:
    names = [f"d{i % 7}/f{i}.md" for i in range(40)] + ["a.md", "d3.md", "Z.md"]
    make(tmp_path, *reversed(names))
    first = found(tmp_path, ".")
    assert first == found(tmp_path, ".")
    key = [tuple(p.split("/")) for p in first]
    assert key == sorted(key)
    assert len(first) == len(names)


# --- errors ------------------------------------------------------------------------------------


def test_errors_do_not_stop_the_other_paths(tmp_path: Path) -> None:
    make(tmp_path, "articles/a.md", "empty/", "only-images/x.png", "b.md")
    files, errors = discover(
        ["missing.md", "articles", "empty", "only-images", "nope/", "b.md"], cwd=tmp_path
    )
    assert files == ["articles/a.md", "b.md"]
    exts = ", ".join(EXTENSIONS)
    assert [str(e) for e in errors] == [
        "missing.md: no such file or directory",
        f"empty: no article files ({exts}) found",
        f"only-images: no article files ({exts}) found",
        "nope/: no such file or directory",
    ]
    assert all(isinstance(e, InputError) for e in errors)


def test_directory_whose_files_are_all_ignored_is_an_error(tmp_path: Path) -> None:
    make(tmp_path, "a.md")
    write(tmp_path / IGNORE_FILE, "*.md\n")
    files, errors = discover(["."], cwd=tmp_path)
    assert files == [] and [e.path for e in errors] == ["."]


def test_unreadable_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make(tmp_path, "a.md", "locked/b.md")
    locked = str(tmp_path / "locked")
    real_scandir = os.scandir

    def scandir(path: str) -> object:  # chmod 0 does not stop root, so refuse by hand
        if os.path.normpath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    files, errors = discover([".", "locked"], cwd=tmp_path)
    assert files == ["./a.md"]
    assert [str(e) for e in errors] == [
        "./locked: permission denied",
        "locked: permission denied",  # and no "no article files" on top
    ]
