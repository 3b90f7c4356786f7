"""The output folder of an engine run: report rows in JSON Lines or Parquet part files.

Each row is :data:`~quotecheck.engines.ROW_FIELDS`: ``order`` (the article's place in the
input), ``key`` (:func:`~quotecheck.engines.article_key`), ``id``, ``path``, ``status``
(``ok`` or ``error``), ``error`` (one line naming the article, or empty) and ``report`` (the
JSON report, ``schemas/report.schema.json``, as a string; empty on an error row). The report
is a string so that every part has one flat schema: ``jq '.report | fromjson'`` reads it.

A part is written whole (a temp file, then a rename) every :data:`ROWS_PER_PART` rows and at
the end, so a killed run leaves whole parts only, and a rerun (:func:`finished_keys`) skips
exactly the articles whose rows were written. Parts are read one at a time.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import ROW_FIELDS

__all__ = ["PART_FORMATS", "ROWS_PER_PART", "PartsWriter", "finished_keys", "part_files", "read_rows"]

PART_FORMATS = ("jsonl", "parquet")
ROWS_PER_PART = 500
PART_PREFIX = "part-"


def part_files(folder: str | os.PathLike[str]) -> list[Path]:
    """The finished part files in ``folder``, in name order (temp files are not parts)."""
    root = Path(folder)
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.iterdir() if p.name.startswith(PART_PREFIX) and p.suffix in (".jsonl", ".parquet")
    )


def read_rows(folder: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Every row of every part in ``folder``, one part in memory at a time."""
    for part in part_files(folder):
        if part.suffix == ".jsonl":
            with open(part, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)
        else:
            import pyarrow.parquet as pq

            for batch in pq.ParquetFile(part).iter_batches():
                yield from batch.to_pylist()


def finished_keys(folder: str | os.PathLike[str]) -> set[str]:
    """The keys of the articles that already have a report in ``folder`` (error rows do not
    count: a rerun tries those articles again)."""
    return {row["key"] for row in read_rows(folder) if row.get("status") == "ok"}


class PartsWriter:
    """Writes rows to part files in ``folder``, ``rows_per_part`` at a time."""

    def __init__(
        self, folder: str | os.PathLike[str], fmt: str = "jsonl", rows_per_part: int = ROWS_PER_PART
    ):
        if fmt not in PART_FORMATS:
            raise ValueError(f"unknown part format {fmt!r}; expected one of {', '.join(PART_FORMATS)}")
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.format = fmt
        self.rows_per_part = rows_per_part
        self.run = uuid.uuid4().hex[:12]  # parts of several runs never share a name
        self.parts = 0
        self._rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append({f: row[f] for f in ROW_FIELDS})
        if len(self._rows) >= self.rows_per_part:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows as one part (nothing when there are none)."""
        if not self._rows:
            return
        name = f"{PART_PREFIX}{self.run}-{self.parts:06d}.{self.format}"
        tmp = self.folder / f".{name}.tmp"
        if self.format == "jsonl":
            with open(tmp, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in self._rows)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            pq.write_table(pa.Table.from_pylist(self._rows, schema=row_schema()), tmp)
        os.replace(tmp, self.folder / name)
        self.parts += 1
        self._rows = []

    def close(self) -> None:
        self.flush()


def row_schema():
    """The Arrow schema of a row (Parquet parts)."""
    import pyarrow as pa

    return pa.schema([(f, pa.int64() if f == "order" else pa.string()) for f in ROW_FIELDS])
