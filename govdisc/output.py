"""Writing results, for every command: formats, the file extensions that name them, files written whole.

Each command lists the formats it writes (:data:`RECORD_FORMATS` for ``extract``,
:data:`CHECK_FORMATS` for ``check``, ``compare``'s in :mod:`govdisc.compare.render`);
:func:`choose_format` picks one from ``--format``, the extension of ``-o`` or where output goes,
and :func:`write` puts the text on standard output or into a file that appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from rich.console import Console
from rich.table import Table as RichTable

from govdisc.metrics import label, ordered
from govdisc.model import Check, Record

#: What ``extract`` writes.
RECORD_FORMATS = ("table", "jsonl", "json", "csv")
#: What ``check`` writes.
CHECK_FORMATS = ("table", "jsonl", "csv")
#: File extension → format, for every command.
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".xlsx": "xlsx",
              ".md": "markdown", ".markdown": "markdown", ".txt": "table"}  # fmt: skip
BOM = "\ufeff"
NOT_REPORTED = "—"
#: Identity columns of the CSV, before the metric columns.
CSV_FIELDS = ("file", "doc_index", "title", "agency", "province", "city", "county", "region_code",
              "year", "doc_type", "template")  # fmt: skip
#: Metrics shown in the on-screen table.
TABLE_METRICS = ("published.items", "requests.received.total", "requests.granted.total",
                 "review.total", "litigation.total")  # fmt: skip


class FormatError(ValueError):
    """A format a command does not write, named by ``--format`` or by the extension of ``-o``."""


def choose_format(given: str | None, output: str | os.PathLike[str] | None, choices: tuple[str, ...],
                  default: str) -> str:  # fmt: skip
    """The output format: ``given``, else the one the extension of ``output`` names, else ``default``.

    Raises :class:`FormatError` for a format not in ``choices`` or an extension that names none of them.
    """
    if given:
        if given not in choices:
            raise FormatError(f"unknown format {given!r} (choose from {', '.join(choices)})")
        return given
    if output is None:
        return default
    suffix = Path(output).suffix.lower()
    named = EXTENSIONS.get(suffix)
    if named not in choices:
        known = ", ".join(sorted(ext for ext, fmt in EXTENSIONS.items() if fmt in choices))
        raise FormatError(f"cannot tell the format from {suffix or 'a name without extension'!r} "
                          f"(use one of {known}, or --format)")  # fmt: skip
    return named


def jsonl_lines(records: Iterable[Record]) -> Iterator[str]:
    """One JSON object per record, per RECORD.md."""
    for record in records:
        yield json.dumps(record.to_dict(), ensure_ascii=False) + "\n"


def json_text(records: Iterable[Record]) -> str:
    """The records as one JSON array."""
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1) + "\n"


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
    if fmt == "json":
        return json_text(records)
    if fmt == "csv":
        return csv_text(records, bom)
    return rich_text(rich_table(records), width or 160)


def rich_text(renderable: Any, width: int) -> str:
    """A rich renderable as plain text."""
    console = Console(file=io.StringIO(), width=width, record=True)
    console.print(renderable)
    return console.export_text()


#: Columns of ``check``'s CSV and keys of its JSONL.
CHECK_FIELDS = ("file", "doc_index", "agency", "year", "id", "status", "message")


def check_line(where: str, check: Check) -> str:
    """One check as ``check`` prints it: ``file: STATUS id: message``."""
    return f"{where}: {check.status.upper().replace('_', ' ')} {check.id}: {check.message}"


def check_rows(checked: Iterable[tuple[Record | None, Check]]) -> Iterator[dict[str, Any]]:
    """One dict per check (:data:`CHECK_FIELDS`); a check across years has no record."""
    for record, check in checked:
        yield {
            "file": record.file if record else None,
            "doc_index": record.doc_index if record else None,
            "agency": record.agency if record else None,
            "year": record.year if record else None,
            "id": check.id,
            "status": check.status,
            "message": check.message,
        }


def checks_text(checked: list[tuple[Record | None, Check]], fmt: str, bom: bool = True) -> str:
    """Checks as JSONL or CSV (UTF-8 with BOM by default)."""
    rows = list(check_rows(checked))
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.DictWriter(buf, fieldnames=CHECK_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in row.items()} for row in rows)
    return buf.getvalue()


def write(text: str | Iterable[str], output: str | os.PathLike[str] | None) -> None:
    """Text (or its pieces, written as they come) on standard output, or into ``output`` whole."""
    pieces = [text] if isinstance(text, str) else text
    if output is None:
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    with atomic_writer(output) as handle:
        handle.writelines(pieces)


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
