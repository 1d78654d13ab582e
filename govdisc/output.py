"""Writing records: JSONL, CSV (Excel/WPS-friendly), or a table on screen; files written whole or not at all."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.table import Table as RichTable

from govdisc.metrics import label, ordered
from govdisc.model import Record

FORMATS = ("table", "jsonl", "csv")
BOM = "\ufeff"
NOT_REPORTED = "—"
#: Identity columns of the CSV, before the metric columns.
CSV_FIELDS = ("file", "doc_index", "title", "agency", "province", "city", "county", "region_code",
              "year", "doc_type", "template")  # fmt: skip
#: Metrics shown in the on-screen table.
TABLE_METRICS = ("published.items", "requests.received.total", "requests.granted.total",
                 "review.total", "litigation.total")  # fmt: skip
_EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".txt": "table"}


def format_for(path: str | None, given: str | None, terminal: bool) -> str:
    """The output format: as given, else from the output file's extension, else by where output goes."""
    if given:
        return given
    if path:
        return _EXTENSIONS.get(Path(path).suffix.lower(), "jsonl")
    return "table" if terminal else "jsonl"


def jsonl_lines(records: Iterable[Record]) -> Iterator[str]:
    """One JSON object per record, per RECORD.md."""
    for record in records:
        yield json.dumps(record.to_dict(), ensure_ascii=False) + "\n"


def csv_text(records: list[Record], bom: bool = True) -> str:
    """One row per document, metric keys as columns; empty cell = not reported."""
    keys = ordered(k for r in records for k in r.metrics)
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([*CSV_FIELDS, *keys, "warnings"])
    for r in records:
        region = r.region or {}
        ident = [r.file, r.doc_index, r.title, r.agency, region.get("province"), region.get("city"),
                 region.get("county"), region.get("code"), r.year, r.doc_type, r.template]  # fmt: skip
        values = [r.metrics.get(k, "") for k in keys]
        writer.writerow([*("" if v is None else v for v in ident), *values, "; ".join(r.warnings)])
    return buf.getvalue()


def rich_table(records: list[Record], lang: str = "zh") -> RichTable:
    """The records as a rich table, ``—`` where a count is not reported."""
    table = RichTable(show_lines=False, header_style="bold")
    table.add_column("file")
    table.add_column("agency")
    table.add_column("year", justify="right")
    table.add_column("type")
    for key in TABLE_METRICS:
        table.add_column(label(key, lang), justify="right")
    table.add_column("metrics", justify="right")
    for r in records:
        cells = [str(r.metrics[k]) if k in r.metrics else NOT_REPORTED for k in TABLE_METRICS]
        name = r.file if r.doc_index == 0 and not _has_siblings(records, r) else f"{r.file}#{r.doc_index}"
        table.add_row(name, r.agency or NOT_REPORTED, str(r.year or NOT_REPORTED), r.doc_type, *cells,
                      str(len(r.metrics)))  # fmt: skip
    return table


def _has_siblings(records: list[Record], record: Record) -> bool:
    return sum(1 for r in records if r.file == record.file) > 1


def render(records: list[Record], fmt: str, bom: bool = True, width: int | None = None) -> str:
    """The whole output as text."""
    if fmt == "jsonl":
        return "".join(jsonl_lines(records))
    if fmt == "csv":
        return csv_text(records, bom)
    console = Console(file=io.StringIO(), width=width or 160, record=True)
    console.print(rich_table(records))
    return console.export_text()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it only when the block completes; nothing is left otherwise."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[IO[str]]:
    """A UTF-8 text file that appears at ``path`` whole, or not at all."""
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as handle:
        yield handle
