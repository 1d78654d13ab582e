"""Records as partitioned Parquet: a folder DuckDB, pandas and pyarrow read directly (needs ``govdisc[dask]``).

The folder holds two datasets, one part per partition of files:

- ``records/part-<key>.parquet``: one row per record (RECORD.md), with ``sha256``, the content hash of
  its file. ``file``, ``doc_index``, ``title``, ``agency``, ``year``, ``doc_type`` and ``template`` are
  columns; ``region``, ``metrics``, ``evidence``, ``checks`` and ``warnings`` are JSON strings, exactly as
  ``extract --format jsonl`` writes them (so an int stays an int and a float a float).
- ``files/part-<key>.parquet``: one row per file written (``file``, ``sha256``, ``size``, ``records``,
  ``error``, ``lasting``): the manifest of what is done. A file is done when its name and content hash are
  in a row that is ``lasting``: read, or refused for its content; an error of a limit that can be raised,
  a tool that can be installed or a time limit is not lasting, and the file is tried again next run.

A part is written to a hidden temporary file and renamed into place, records first, then files: a
records part without its files part is the trace of an interrupted run, and :func:`remove_orphans`
deletes it before the next run writes its files again. ``<key>`` is a hash of the part's files and
their content, so a partition written twice (a task retried) replaces its own part.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from govdisc.model import Record

JSON_FIELDS = ("region", "metrics", "evidence", "checks", "warnings")

RECORDS_SCHEMA = pa.schema(
    [
        ("file", pa.string()),
        ("doc_index", pa.int64()),
        ("sha256", pa.string()),
        ("title", pa.string()),
        ("agency", pa.string()),
        ("year", pa.int64()),
        ("doc_type", pa.string()),
        ("template", pa.string()),
        *[(name, pa.string()) for name in JSON_FIELDS],
    ]
)

FILES_SCHEMA = pa.schema(
    [
        ("file", pa.string()),
        ("sha256", pa.string()),
        ("size", pa.int64()),
        ("records", pa.int64()),
        ("error", pa.string()),
        ("lasting", pa.bool_()),
    ]
)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_row(record: dict[str, Any], sha256: str) -> dict[str, Any]:
    """One row of the records dataset from ``Record.to_dict()``."""
    row = {name: record[name] for name in RECORDS_SCHEMA.names if name in record and name not in JSON_FIELDS}
    row["sha256"] = sha256
    row.update({name: _dumps(record[name]) for name in JSON_FIELDS})
    return row


def row_record(row: dict[str, Any]) -> dict[str, Any]:
    """``Record.to_dict()`` back from a row: the same keys in the same order."""
    return {
        "file": row["file"],
        "doc_index": row["doc_index"],
        "title": row["title"],
        "agency": row["agency"],
        "region": json.loads(row["region"]),
        "year": row["year"],
        "doc_type": row["doc_type"],
        "template": row["template"],
        "metrics": json.loads(row["metrics"]),
        "evidence": json.loads(row["evidence"]),
        "checks": json.loads(row["checks"]),
        "warnings": json.loads(row["warnings"]),
    }


def part_key(done: Sequence[tuple[str, str]]) -> str:
    """The name of the part holding these (file, sha256) pairs."""
    digest = hashlib.sha256()
    for file, sha in sorted(done):
        digest.update(f"{file}\0{sha}\n".encode())
    return digest.hexdigest()[:20]


def _write(table: pa.Table, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, temp)
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)


def write_part(out: Path, records: list[dict[str, Any]], files: list[dict[str, Any]]) -> str | None:
    """Write one partition's rows (records first, then files); its key, or None when there is nothing to write."""
    if not files:
        return None
    key = part_key([(f["file"], f["sha256"]) for f in files])
    _write(pa.Table.from_pylist(records, schema=RECORDS_SCHEMA), out / "records" / f"part-{key}.parquet")
    _write(pa.Table.from_pylist(files, schema=FILES_SCHEMA), out / "files" / f"part-{key}.parquet")
    return key


def _parts(folder: Path) -> list[Path]:
    return sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []


def remove_orphans(out: Path) -> int:
    """Delete records parts whose files part was never written (an interrupted run); how many."""
    done = {p.name for p in _parts(out / "files")}
    orphans = [p for p in _parts(out / "records") if p.name not in done]
    for p in orphans:
        p.unlink()
    return len(orphans)


def manifest(out: Path) -> dict[str, set[str]]:
    """File name → content hashes written for it."""
    written: dict[str, set[str]] = {}
    for part in _parts(out / "files"):
        table = pq.read_table(part, columns=["file", "sha256", "lasting"])
        columns = (table.column(c).to_pylist() for c in ("file", "sha256", "lasting"))
        for file, sha, lasting in zip(*columns, strict=True):
            if lasting:
                written.setdefault(file, set()).add(sha)
    return written


def read_rows(out: Path, dataset: str = "records") -> Iterator[dict[str, Any]]:
    """Every row of ``records`` or ``files`` whose part is complete."""
    done = {p.name for p in _parts(out / "files")}
    for part in _parts(out / dataset):
        if part.name in done:
            yield from pq.read_table(part).to_pylist()


def read_records(out: Path) -> list[Record]:
    """The records of the folder, sorted by file and doc_index."""
    rows = sorted(read_rows(out), key=lambda r: (r["file"], r["doc_index"]))
    return [Record.from_dict(row_record(r)) for r in rows]


def rows_of(records: Iterable[dict[str, Any]], sha256: str) -> list[dict[str, Any]]:
    """Rows of the records dataset for one file's records (``Record.to_dict()``s)."""
    return [record_row(r, sha256) for r in records]
