"""Writing results, for every command: formats, the file extensions that name them, files written whole.

Each command lists the formats it writes, by name in :mod:`govdisc.formats` (``RECORD_FORMATS`` for
``extract``, ``CHECK_FORMATS`` for ``check``, ``COMPARE_FORMATS`` for ``compare``);
:func:`choose_format` picks one from ``--format``, the extension of ``-o`` (:data:`EXTENSIONS`, the one
map of extensions for every command) or where output goes. :func:`check_target` says before any work
whether ``-o`` can be written; :func:`write` puts text on standard output (always UTF-8) or into a file
that appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Union

from govdisc.formats import BINARY_FORMATS as BINARY_FORMATS
from govdisc.formats import RECORD_FORMATS as RECORD_FORMATS
from govdisc.model import Record

if TYPE_CHECKING:
    from rich.table import Table as RichTable

# The catalogue (govdisc.metrics), rich's tables and cell widths are imported by the writers that need them:
# choosing a format and checking -o come before any work, and must be quick.

#: File extension → format, for every command.
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".xlsx": "xlsx",
              ".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite",
              ".md": "markdown", ".markdown": "markdown", ".txt": "table", ".html": "html", ".htm": "html"}  # fmt: skip
BOM = "\ufeff"
NOT_REPORTED = "—"
#: Identity columns of a record, before its metric columns: (field, Chinese header, English header).
IDENTITY = (("file", "文件", "file"), ("doc_index", "序号", "doc index"), ("title", "标题", "title"),
            ("agency", "机关", "agency"), ("province", "省", "province"), ("city", "市", "city"),
            ("county", "县", "county"), ("region_code", "区划代码", "region code"), ("year", "年度", "year"),
            ("doc_type", "文档类型", "document type"), ("template", "模板", "template"))  # fmt: skip
#: The identity fields (the CSV headers of ``--keys``).
CSV_FIELDS = tuple(field for field, _, _ in IDENTITY)
#: Columns each figure adds with ``--evidence``: (suffix with ``--keys``/``--lang en``, Chinese suffix).
EVIDENCE_COLUMNS = (("evidence", "依据"), ("page", "页码"), ("approx", "约数"))
#: Columns of the long shape after the identity: (field, Chinese header, English header).
FACT_COLUMNS = (("key", "指标代码", "key"), ("label", "指标", "label"), ("value", "数值", "value"),
                ("approx", "约数", "approx"), ("source", "来源", "source"), ("page", "页码", "page"),
                ("snippet", "依据", "snippet"), ("derived", "推算", "derived"), ("ocr", "OCR", "ocr"))  # fmt: skip
WARNINGS_HEADER = ("warnings", "警告", "warnings")
#: Without ``--evidence``: the figures of a record that are approximate (近500, 1490余), as ``header:mark; …``.
APPROX_HEADER = ("approximations", "约数项", "approximate figures")
#: Metrics shown in the on-screen table.
TABLE_METRICS = ("published.items", "requests.received.total", "requests.granted.total",
                 "review.total", "litigation.total")  # fmt: skip

Cell = Union[str, int, float, None]  # noqa: UP007 (a runtime alias on Python 3.10)


class FormatError(ValueError):
    """A format a command does not write, named by ``--format`` or by the extension of ``-o``."""


class OutputError(ValueError):
    """An ``-o`` target that cannot be written: ``cannot write PATH: reason``."""


def choose_format(given: str | None, output: str | os.PathLike[str] | None, choices: tuple[str, ...],
                  default: str) -> str:  # fmt: skip
    """The output format: ``given``, else the one the extension of ``output`` names, else ``default`` (also for
    an ``output`` with no extension that is not a regular file, such as ``/dev/null``).

    Raises :class:`FormatError` for a format not in ``choices`` or an extension that names none of them.
    """
    if given:
        if given not in choices:
            raise FormatError(f"unknown format {given!r} (choose from {', '.join(choices)})")
        return given
    suffix = Path(output).suffix.lower() if output is not None else ""
    if output is None or (not suffix and _is_stream(output)):  # standard output, /dev/null, a FIFO
        return default
    named = EXTENSIONS.get(suffix)
    if named not in choices:
        raise FormatError(f"cannot tell the format from {suffix or 'a name without extension'!r} "
                          f"(use one of {', '.join(extensions_for(choices))}, or --format)")  # fmt: skip
    return named


def extensions_for(choices: Iterable[str]) -> list[str]:
    """The extensions that name one of ``choices``, sorted."""
    wanted = set(choices)
    return sorted(ext for ext, fmt in EXTENSIONS.items() if fmt in wanted)


def check_target(path: str | os.PathLike[str]) -> None:
    """Raise :class:`OutputError` unless ``path`` can be written: checked before any work is done.

    A regular file (or a new one) is written through a temporary file beside it, so its folder must take
    a new file; anything else that exists (a FIFO, ``/dev/null``) must be writable itself.
    """
    target = _followed(path)

    def fail(reason: str) -> OutputError:
        return OutputError(f"cannot write {path}: {reason}")

    try:
        found = target.stat()
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise fail(_reason(exc)) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise fail("is a directory")
    if found is not None and not stat.S_ISREG(found.st_mode):
        if not os.access(target, os.W_OK):
            raise fail("permission denied")
        return
    folder = target.parent
    if not folder.exists():
        raise fail("no such directory")
    if not folder.is_dir():
        raise fail(f"{folder} is not a directory")
    try:
        probe = _create_temp(target)
    except OSError as exc:
        raise fail(_reason(exc)) from None
    probe.unlink()


def _followed(path: str | os.PathLike[str]) -> Path:
    """``path``, or where it points when it is a symbolic link: the file a write replaces."""
    return Path(os.path.realpath(path)) if os.path.islink(path) else Path(path)


def _reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _is_stream(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` exists and is not a regular file (a FIFO, a device): written directly, not replaced."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return False


def _temp_prefix(target: Path) -> str:
    """The start of the temporary names of ``target``'s writers on this host: ``.<name>.<host>.``."""
    import socket

    host = "".join(c if c.isalnum() or c in "-_" else "_" for c in socket.gethostname()) or "host"
    return f".{target.name}.{host}."


def _sweep_temps(target: Path, prefix: str) -> None:
    """Remove the temporary files beside ``target`` left by writers on this host that no longer run
    (a run killed with SIGKILL cannot remove its own); those of running writers are kept."""
    try:
        names = [n for n in os.listdir(target.parent) if n.startswith(prefix) and n.endswith(".part")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) :].split(".", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # still running (or another user's process of that number): keep it
        except ProcessLookupError:
            pass
        except (PermissionError, OverflowError, OSError):
            continue
        with contextlib.suppress(OSError):
            os.unlink(target.parent / name)


def _create_temp(target: Path) -> Path:
    """A new empty file beside ``target``, with the mode a new file gets (the user's umask applies),
    named ``.<name>.<host>.<pid>.<random>.part``; stale ones of dead writers are removed first."""
    prefix = _temp_prefix(target)
    _sweep_temps(target, prefix)
    for _ in range(100):
        tmp = target.parent / f"{prefix}{os.getpid()}.{os.urandom(4).hex()}.part"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")


@dataclass(frozen=True)
class Shape:
    """How records become rows: ``headers`` ``zh``, ``en`` or ``keys``; evidence columns; one row per figure."""

    headers: str = "zh"
    evidence: bool = False
    long: bool = False

    def header(self, names: tuple[str, str, str]) -> str:
        """A column's header from its (field, Chinese, English) names."""
        return {"keys": names[0], "zh": names[1]}.get(self.headers, names[2])

    def metric_header(self, key: str) -> str:
        from govdisc.metrics import label

        return key if self.headers == "keys" else label(key, self.headers)

    @property
    def lang(self) -> str:
        return "zh" if self.headers == "zh" else "en"


#: One row per document, Chinese headers, no evidence columns.
DEFAULT_SHAPE = Shape()


def _identity(record: Record) -> list[Cell]:
    region = record.region or {}
    return [record.file, record.doc_index, record.title, record.agency, region.get("province"), region.get("city"),
            region.get("county"), region.get("code"), record.year, record.doc_type, record.template]  # fmt: skip


def fact_rows(record: Record, lang: str = "zh") -> Iterator[list[Cell]]:
    """One row per figure of ``record``, the fields of :data:`FACT_COLUMNS`."""
    from govdisc.metrics import label, ordered

    for key in ordered(record.metrics):
        ev = record.evidence.get(key)
        yield [key, label(key, lang), record.metrics[key], ev.approx if ev else None, ev.source if ev else None,
               ev.page if ev else None, ev.text if ev else None, int(bool(ev and ev.derived)),
               int(bool(getattr(ev, "ocr", False)))]  # fmt: skip


def record_rows(
    records: Sequence[Record], shape: Shape = DEFAULT_SHAPE
) -> tuple[list[str], list[list[Cell]], set[int]]:
    """Headers, rows (``None`` = empty) and the indexes of the figure columns of records in ``shape``."""
    from govdisc.metrics import ordered

    ident = [shape.header(names) for names in IDENTITY]
    if shape.long:
        head = [*ident, *(shape.header(names) for names in FACT_COLUMNS)]
        rows = [[*_identity(r), *fact] for r in records for fact in fact_rows(r, shape.lang)]
        return head, rows, {len(ident) + 2}
    keys = ordered(k for r in records for k in r.metrics)
    head, figures = list(ident), set()
    for key in keys:
        figures.add(len(head))
        name = shape.metric_header(key)
        head.append(name)
        if shape.evidence:
            head.extend(f"{name}/{en if shape.lang == 'en' else zh}" for en, zh in EVIDENCE_COLUMNS)
    head.append(shape.header(WARNINGS_HEADER))
    if not shape.evidence:
        head.append(shape.header(APPROX_HEADER))
    rows = []
    for r in records:
        row = _identity(r)
        for key in keys:
            row.append(r.metrics.get(key))
            if shape.evidence:
                ev = r.evidence.get(key) if key in r.metrics else None
                row.extend([ev.text, ev.page, ev.approx] if ev else [None, None, None])
        row.append("; ".join(r.warnings) or None)
        if not shape.evidence:
            marks = [f"{shape.metric_header(k)}:{ev.approx}" for k in keys if (ev := r.evidence.get(k)) and ev.approx]
            row.append("; ".join(marks) or None)
        rows.append(row)
    return head, rows, figures


def jsonl_lines(records: Iterable[Record]) -> Iterator[str]:
    """One JSON object per record, per RECORD.md."""
    for record in records:
        yield json.dumps(record.to_dict(), ensure_ascii=False) + "\n"


def json_text(records: Iterable[Record]) -> str:
    """The records as one JSON array."""
    return json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=1) + "\n"


def csv_text(records: Sequence[Record], bom: bool = True, shape: Shape = DEFAULT_SHAPE) -> str:
    """One row per document (per figure with ``shape.long``); an empty cell = not reported; no formulas."""
    import csv

    from govdisc.spreadsheet import neutralize

    head, rows, _ = record_rows(records, shape)
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([neutralize(h) for h in head])
    writer.writerows([["" if v is None else neutralize(v) for v in row] for row in rows])
    return buf.getvalue()


#: On a narrow screen the names fold to these shares of its width (never narrower than the minimum).
FILE_SHARE, AGENCY_SHARE, FILE_WIDTH = 6, 4, 12


def rich_table(records: list[Record], lang: str = "zh", width: int | None = None) -> RichTable:
    """The records as a rich table at most ``width`` cells wide (no limit when None), ``—`` where a count
    is not reported. File and agency names fold rather than being cut and headers wrap; the figures come
    before the document type and the count of metrics, and the columns that do not fit are left out,
    the caption saying how many and how to see them."""
    from rich.table import Table as RichTable

    from govdisc.metrics import label
    from govdisc.screen import HEADER_WIDTH, NAME_WIDTH, widest, wrap_header

    rows = []
    for r in records:
        name = r.file if r.doc_index == 0 and not _has_siblings(records, r) else f"{r.file}#{r.doc_index}"
        cells = [str(r.metrics[k]) if k in r.metrics else NOT_REPORTED for k in TABLE_METRICS]
        rows.append([name, r.agency or NOT_REPORTED, str(r.year or NOT_REPORTED), *cells, r.doc_type,
                     str(len(r.metrics))])  # fmt: skip
    heads = ["file", "agency", "year", *(label(k, lang) for k in TABLE_METRICS), "type", "metrics"]
    needs = [widest([h, *(row[j] for row in rows)]) for j, h in enumerate(heads)]
    if width is not None:
        needs[0] = min(needs[0], max(FILE_WIDTH, width // FILE_SHARE))
        needs[1] = min(needs[1], max(NAME_WIDTH, width // AGENCY_SHARE))
    used = 1 + sum(needs[j] + 3 for j in (0, 1, 2))
    kept = []
    for j in range(3, len(heads)):
        values = widest([row[j] for row in rows])
        head = heads[j] if j >= len(heads) - 2 else wrap_header(heads[j], max(HEADER_WIDTH, values))
        need = max(widest([head]), values)
        if width is not None and used + need + 3 > width:
            continue
        used += need + 3
        kept.append((j, head, need))
    dropped = [heads[j] for j in range(3, len(heads) - 2) if j not in {k for k, _, _ in kept}]
    caption = None
    if dropped:
        caption = (f"另有 {len(dropped)} 列未显示: -o x.xlsx 看全部" if lang == "zh" else
                   f"+{len(dropped)} more: all with -o x.xlsx")  # fmt: skip
    table = RichTable(show_lines=False, header_style="bold", caption=caption, caption_justify="left")
    table.add_column("file", width=needs[0], overflow="fold")
    table.add_column("agency", width=needs[1], overflow="fold")
    table.add_column("year", justify="right", no_wrap=True)
    for j, head, need in kept:
        table.add_column(head, justify="left" if heads[j] == "type" else "right", width=need, no_wrap=True)
    for row in rows:
        table.add_row(*row[:3], *(row[j] for j, _, _ in kept))
    return table


def _has_siblings(records: list[Record], record: Record) -> bool:
    return sum(1 for r in records if r.file == record.file) > 1


def render(
    records: list[Record], fmt: str, bom: bool = True, width: int | None = None, shape: Shape = DEFAULT_SHAPE
) -> str:
    """The whole output as text (every format but xlsx and sqlite)."""
    if fmt == "jsonl":
        return "".join(jsonl_lines(records))
    if fmt == "json":
        return json_text(records)
    if fmt == "csv":
        return csv_text(records, bom, shape)
    return rich_text(rich_table(records, shape.lang, width), width or 160)


def write_records(records: Iterable[Record], fmt: str, output: str | os.PathLike[str] | None,
                  bom: bool = True, shape: Shape = DEFAULT_SHAPE) -> None:  # fmt: skip
    """Records in ``fmt`` to ``output`` (standard output when None): JSONL streams as records arrive."""
    if fmt == "jsonl":
        write(jsonl_lines(records), output)
    elif fmt in BINARY_FORMATS:
        if output is None:
            raise FormatError(f"{fmt} needs -o FILE")
        with atomic_path(output) as tmp:
            if fmt == "xlsx":
                from govdisc.workbook import write_records_xlsx

                write_records_xlsx(list(records), tmp, shape)
            else:
                from govdisc.db import write_sqlite

                write_sqlite(records, tmp)
    else:
        write(render(list(records), fmt, bom=bom, shape=shape), output)


def rich_text(renderable: Any, width: int) -> str:
    """A rich renderable as plain text."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, record=True)
    console.print(renderable)
    return console.export_text()


def write(text: str | Iterable[str], output: str | os.PathLike[str] | None, utf8: bool = True) -> None:
    """Text (or its pieces, written as they come) on standard output, or into ``output`` whole.

    Standard output gets UTF-8 whatever the console's encoding (``utf8=False``: the console's, for text
    meant for a person); a byte-order mark goes only into a regular file, never into a stream or a pipe.
    """
    pieces = iter([text] if isinstance(text, str) else text)
    if output is None:
        _to_stdout(_without_bom(pieces), utf8)
    elif _is_stream(output):
        with open(output, "w", encoding="utf-8", newline="") as handle:
            for piece in _without_bom(pieces):
                handle.write(piece)
                handle.flush()
    else:
        with atomic_writer(output) as handle:
            handle.writelines(pieces)


def _without_bom(pieces: Iterator[str]) -> Iterator[str]:
    first = next(pieces, None)
    if first is not None:
        yield first.removeprefix(BOM)
        yield from pieces


def _to_stdout(pieces: Iterable[str], utf8: bool) -> None:
    out = sys.stdout
    binary = getattr(out, "buffer", None) if utf8 else None
    for piece in pieces:
        if binary is None:
            out.write(piece)
        else:
            binary.write(piece.encode("utf-8"))
            binary.flush()
    out.flush()


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it only when the block completes; nothing is left otherwise.

    The file gets the mode of the file it replaces, or a new file's (the user's umask); a symbolic link keeps
    pointing at the new file. When ``path`` is not a regular file (a FIFO, ``/dev/null``), what was written is
    copied into it instead of replacing it.
    """
    target = _followed(path)
    stream = _is_stream(target)
    tmp = _create_temp(target)
    try:
        with contextlib.suppress(FileNotFoundError):
            if not stream:
                os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
        yield tmp
        if stream:
            with open(tmp, "rb") as source, open(target, "wb") as sink:
                shutil.copyfileobj(source, sink)
            os.unlink(tmp)
        else:
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
