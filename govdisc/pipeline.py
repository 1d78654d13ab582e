"""read → normalize → segment → parse → check, for one file or many.

Each stage is imported when the first document reaches it: a command that reads no document
(``govdisc --help``, ``cache info``, a usage error) does not load them.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govdisc.model import Document, Paragraph, ReadError, Record

if TYPE_CHECKING:
    from govdisc.ocr_figures import OcrPages
    from govdisc.segment import Segment

#: Document kinds whose counts are facts about the year (plans state intentions, not counts).
REPORTING_TYPES = ("annual_report", "work_summary", "other")


def parse_segment(seg: Segment, file: str, ocr: OcrPages | None = None) -> Record:
    """One document's record: metadata and the counts its prose states.

    ``ocr``: the pages read by OCR, whose figures are marked and whose table-3/4 cells must add up.
    """
    from govdisc.checks import run_checks
    from govdisc.metadata import metadata
    from govdisc.metrics import PROSE_RULES, PROSE_SUMS, ordered
    from govdisc.ocr_figures import keep_consistent, mark
    from govdisc.parse import find_counts
    from govdisc.parse.reflow import prose_paragraphs
    from govdisc.region import resolve
    from govdisc.tables import read_tables
    from govdisc.tables.template import template_of

    meta = metadata(seg.blocks, seg.furniture)
    record = Record(
        file=file,
        doc_index=seg.index,
        title=meta.title,
        agency=meta.agency,
        region=resolve(meta.agency, f"{meta.title or ''} {file}"),
        year=meta.year,
        doc_type=meta.doc_type,
        warnings=list(seg.warnings),
    )
    if meta.doc_type not in REPORTING_TYPES:
        return record
    paragraphs = prose_paragraphs(seg.blocks)
    prose = find_counts(paragraphs, PROSE_RULES, meta.year, record.warnings, PROSE_SUMS)
    tables = read_tables(seg.blocks)
    if ocr:
        keep_consistent(tables, ocr)
    for key, found in sorted(prose.items()):
        if key not in tables.metrics:
            record.metrics[key] = found.quantity.value
            record.evidence[key] = found.evidence
    record.metrics.update(tables.metrics)
    record.evidence.update(tables.evidence)
    record.metrics = {k: record.metrics[k] for k in ordered(record.metrics)}
    record.evidence = {k: record.evidence[k] for k in record.metrics}
    record.warnings.extend(tables.warnings)
    if meta.doc_type == "annual_report":
        text = " ".join(b.text if isinstance(b, Paragraph) else " ".join(b.lines()) for b in seg.blocks)
        record.template = template_of(tables, text)
    record.checks = run_checks(record, tables, prose)
    if ocr:
        mark(record.evidence, ocr)
    return record


def extract_document(doc: Document, file: str) -> list[Record]:
    """Records of every document inside an already-read file."""
    from govdisc.normalize import normalize_document
    from govdisc.segment import segment

    doc = normalize_document(doc)
    records = [parse_segment(seg, file, doc.ocr) for seg in segment(doc.blocks)]
    if records:
        records[0].warnings[:0] = doc.warnings
    return records


def extract_file(path: str | os.PathLike[str], file: str | None = None) -> list[Record]:
    """Read one file and return its records (one per document inside it).

    Raises :class:`~govdisc.model.ReadError` when the file cannot be read.
    """
    from govdisc.read import read_document  # not imported by a run served from the cache

    path = Path(path)
    return extract_document(read_document(path), file if file is not None else str(path))


@dataclass
class FileResult:
    """The outcome for one input file: its records, or the reason it could not be read."""

    path: Path
    label: str
    records: list[Record] = field(default_factory=list)
    error: str | None = None
    traceback: str | None = None  # for an internal error: where it happened (printed under ``--debug``)


def failure(exc: BaseException) -> tuple[str, bool]:
    """The one-line error a file gets for an exception raised while reading or extracting it, and whether
    that result may be cached (it is a fact about the file's content, not about this run's limits).

    Anything but a :class:`~govdisc.model.ReadError` is a fault of govdisc or of a library it uses: named
    ``internal error (Type: message)``, and never cached.
    """
    if out_of_memory(exc):
        return "out of memory", False
    if isinstance(exc, ReadError):
        return str(exc), exc.lasting
    if isinstance(exc, RecursionError):
        return "structure nested too deeply to read", True
    if isinstance(exc, PermissionError):
        return "permission denied", False
    if isinstance(exc, OSError):
        return f"cannot read: {(exc.strerror or str(exc)).lower()}", False
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:199] + "…"
    return f"internal error ({type(exc).__name__}{': ' + message if message else ''})", False


def out_of_memory(exc: BaseException) -> bool:
    """True for a MemoryError, or a reader's error that one caused (a C++ library's ``std::bad_alloc``
    reaches Python as its own exception type, naming it)."""
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, MemoryError) or "std::bad_alloc" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def failed(path: Path, label: str, exc: Exception) -> FileResult:
    """The result of a file whose reading or extraction raised ``exc``."""
    error = failure(exc)[0]
    return FileResult(path, label, error=error, traceback=trace_of(exc) if error.startswith("internal") else None)


def trace_of(exc: BaseException) -> str:
    """The traceback of ``exc``, as Python prints it."""
    return "".join(traceback.format_exception(exc))


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str]]:
    """Every file to read, as (path, label): a folder's files sorted, labelled relative to it.

    Hidden files and folders (``.name``) are skipped; a path given directly is labelled as given.
    """
    found: list[tuple[Path, str]] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    if not name.startswith("."):
                        p = Path(dirpath) / name
                        found.append((p, p.relative_to(root).as_posix()))
        else:
            found.append((root, str(given)))
    return found


def extract_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[FileResult]:
    """Extract every file under ``paths`` in sorted order, in this process.

    A file that cannot be read, or whose extraction fails in any way, gives a result with its ``error``
    (see :func:`failure`) and the others go on.
    """
    for path, label in discover(paths):
        try:
            records = extract_file(path, label)
        except Exception as exc:  # one file's failure is that file's error, whatever it is
            yield failed(path, label, exc)
        else:
            yield FileResult(path, label, records)
