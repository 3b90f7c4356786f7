"""Reading files that may be hostile: regular files only, never more than a size limit, and
file names made safe to print on one line.

A FIFO, a character device (``/dev/zero``) or a 3 GiB file where an article, a baseline or a
cache entry is expected must not hang quotecheck or exhaust its memory: :func:`read_regular`
opens without blocking, refuses anything that is not a regular file and never reads more than
``max_bytes + 1`` bytes. :func:`printable` escapes the control characters of a file name, so
that a name holding a newline cannot start a new line on standard error (where a CI runner
would read ``::error::`` as a workflow command).
"""

from __future__ import annotations

import errno
import os
import re
import stat

__all__ = ["DEFAULT_MAX_BYTES", "UnreadableFile", "format_size", "parse_size", "printable", "read_regular"]

DEFAULT_MAX_BYTES = 5_000_000  # no real article comes near 5 MB (a long feature is ~50 KB)
_UNITS = {"": 1, "B": 1, "KB": 1000, "K": 1000, "MB": 1000**2, "M": 1000**2, "GB": 1000**3, "G": 1000**3}
_SIZE = re.compile(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*")
# C0 and C1 controls, DEL, and the Unicode line and paragraph separators
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class UnreadableFile(Exception):
    """A file that cannot or must not be read; ``reason`` is one line without the file name."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def printable(name: object) -> str:
    """``name`` with every control character written as a Python escape (``\\n``, ``\\x1b``)."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], str(name))


def format_size(size: int) -> str:
    """A byte count for people: ``512 bytes``, ``12.3 KB``, ``5 MB`` (decimal units)."""
    if size < 1000:
        return f"{size} bytes"
    for unit, factor in (("GB", 1000**3), ("MB", 1000**2), ("KB", 1000)):
        if size >= factor:
            return f"{size / factor:.1f}".rstrip("0").rstrip(".") + f" {unit}"
    raise AssertionError("unreachable")  # pragma: no cover


def parse_size(text: str) -> int:
    """Bytes in ``5MB``, ``500 KB``, ``2G`` or a plain number of bytes; ValueError otherwise."""
    m = _SIZE.fullmatch(text)
    if m is None or m.group(2).upper() not in _UNITS:
        raise ValueError(f"{text!r} is not a size (examples: 5MB, 500KB, 200000)")
    size = int(float(m.group(1)) * _UNITS[m.group(2).upper()])
    if size <= 0:
        raise ValueError(f"{text!r}: the size must be above zero")
    return size


def read_regular(
    path: str | os.PathLike[str],
    max_bytes: int,
    *,
    option: str | None = "--max-size",
    follow_symlinks: bool = True,
) -> bytes:
    """The bytes of the regular file ``path``; :class:`UnreadableFile` when it is something else
    (FIFO, device, directory, socket), larger than ``max_bytes`` (the message names ``option``,
    which raises the limit), or cannot be opened, and an OSError from reading. Opening never
    blocks (``O_NONBLOCK``: a FIFO without a writer)."""
    extra = getattr(os, "O_NONBLOCK", 0) | (0 if follow_symlinks else getattr(os, "O_NOFOLLOW", 0))

    def opener(name: str, flags: int) -> int:
        return os.open(name, flags | extra)

    try:
        handle = open(path, "rb", opener=opener)  # noqa: SIM115  closed by the with below
    except FileNotFoundError:
        raise UnreadableFile("no such file or directory") from None
    except IsADirectoryError:
        raise UnreadableFile("is a directory") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise UnreadableFile(
                "a symbolic link (not followed here)" if not follow_symlinks else "symbolic link loop"
            ) from None
        raise UnreadableFile(f"cannot read file: {err.strerror or err}") from None
    with handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(f"not a regular file (a {_kind(info.st_mode)})")
        if info.st_size > max_bytes:
            raise UnreadableFile(_too_large(info.st_size, max_bytes, option))
        data = handle.read(max_bytes + 1)  # the file may have grown since fstat
    if len(data) > max_bytes:
        raise UnreadableFile(_too_large(len(data), max_bytes, option))
    return data


def _too_large(size: int, max_bytes: int, option: str | None) -> str:
    hint = f" (raise it with {option})" if option else ""
    return f"file is {format_size(size)}, over the {format_size(max_bytes)} limit{hint}"


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "FIFO"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return name
    return "special file"
