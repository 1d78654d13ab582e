"""Readers: one per file format, all returning the same :class:`~govdisc.model.Document`."""

from __future__ import annotations

import importlib
import logging
import re
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from govdisc.filetypes import READERS as READERS
from govdisc.filetypes import SUPPORTED as SUPPORTED
from govdisc.model import Block, Document, Paragraph, ReadError, Table

#: Libraries the readers use log their complaints about a file (pdfminer's ``Could not get FontBBox``,
#: jieba's loading messages); govdisc reports what matters itself, so they never reach stderr.
for _name in ("pdfminer", "pdfplumber", "jieba", "charset_normalizer", "PIL", "docx"):
    logging.getLogger(_name).setLevel(logging.CRITICAL + 1)


def reader(kind: str) -> Callable[..., Document]:
    """The ``read_<kind>`` function of module ``kind``."""
    return getattr(importlib.import_module(f"{__name__}.{kind}"), f"read_{kind}")


def warm_up(paths: Iterable[str | Path] | None = None) -> None:
    """Import the readers of ``paths``' file types now (every reader when None), before worker processes are
    forked from this one: a folder of txt files loads neither the pdf nor the docx libraries."""
    kinds = set(READERS.values()) if paths is None else {READERS.get(Path(p).suffix.lower()) for p in paths}
    for kind in sorted(k for k in kinds if k is not None):
        reader(kind)


#: A docx that unpacks to more than this, or to a large size at a ratio above MAX_RATIO, is refused.
MAX_UNPACKED = 512 << 20
MAX_RATIO = 100


def check_zip(path: Path) -> None:
    """Refuse a docx that is not a zip, or that would unpack to far more than it holds (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise ReadError("not a docx (not a zip archive)") from None
    except UnicodeDecodeError:
        raise ReadError("broken docx (a member name flagged UTF-8 is not UTF-8)") from None
    unpacked = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    if unpacked > MAX_UNPACKED or (unpacked > (32 << 20) and unpacked / packed > MAX_RATIO):
        raise ReadError(f"refused: the docx would unpack to {unpacked >> 20} MB from {packed >> 10} KB (a zip bomb?)")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrub(text: str) -> tuple[str, int]:
    return _SURROGATE.subn("\ufffd", text)


def without_surrogates(doc: Document) -> Document:
    """The document with every lone surrogate (half of a UTF-16 pair, not a character) as U+FFFD, and a
    warning counting them; the same document when it has none."""
    blocks: list[Block] = []
    lost = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text, n = _scrub(block.text)
            blocks.append(Paragraph(text, block.page) if n else block)
        else:
            rows = [[None if c is None else _scrub(c) for c in row] for row in block.rows]
            n = sum(c[1] for row in rows for c in row if c is not None)
            cells = [[None if c is None else c[0] for c in row] for row in rows]
            blocks.append(Table.from_rows(cells, block.page) if n else block)
        lost += n
    if not lost:
        return doc
    note = f"{lost} lone surrogate code point(s) (not characters) replaced by U+FFFD"
    return Document(doc.path, blocks, [*doc.warnings, note], doc.encoding, doc.ocr)


def within_lines(doc: Document, max_lines: int) -> Document:
    """The document's first ``max_lines`` lines (a paragraph is one, a table row one), with a warning
    saying how many there were; the same document when it has no more (or ``max_lines`` is 0).

    Past tens of thousands of lines a file is no report but a dump or an attack, and reading all of it
    would take minutes: what is read of it stays right, what is cut is missing, and the warning says so.
    """
    if max_lines <= 0:
        return doc
    lines = sum(1 if isinstance(b, Paragraph) else max(1, len(b.rows)) for b in doc.blocks)
    if lines <= max_lines:
        return doc
    kept: list[Block] = []
    room = max_lines
    for block in doc.blocks:
        if room <= 0:
            break
        if isinstance(block, Paragraph):
            kept.append(block)
            room -= 1
        elif len(block.rows) <= room:
            kept.append(block)
            room -= max(1, len(block.rows))
        else:
            kept.append(Table.from_rows([list(r) for r in block.rows[:room]], block.page))
            room = 0
    note = f"{lines:,} lines: only the first {max_lines:,} read (raise the limit with --max-lines)"
    return Document(doc.path, kept, [*doc.warnings, note], doc.encoding, doc.ocr)


def read_document(
    path: str | Path,
    max_pages: int | None = None,
    timeout: float | None = None,
    ocr: str = "auto",
    max_lines: int = 0,
) -> Document:
    """Read one file into a Document; raise ReadError with a one-line reason when it cannot be read.

    ``max_pages`` limits a pdf's pages (None: no limit); ``timeout`` bounds a LibreOffice conversion
    (seconds; None: no limit of its own); ``ocr`` says which pdf pages OCR reads (``auto``: those without
    text, ``always``, ``never``); ``max_lines`` cuts the document after that many lines
    (:func:`within_lines`; 0: no limit).
    """
    return within_lines(_read(path, max_pages, timeout, ocr), max_lines)


def _read(path: str | Path, max_pages: int | None, timeout: float | None, ocr: str) -> Document:
    path = Path(path)
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        raise ReadError(f"unsupported file type {path.suffix or '(none)'!r} (govdisc reads {', '.join(SUPPORTED)})")
    if not path.is_file():
        raise ReadError("not a regular file")
    if path.stat().st_size == 0:
        raise ReadError("empty file")
    if kind == "docx":
        check_zip(path)
    read = reader(kind)
    try:
        if kind == "pdf" and (max_pages is not None or ocr != "auto"):
            return without_surrogates(read(path, max_pages=max_pages, ocr=ocr))
        if kind == "convert":
            return without_surrogates(read(path, timeout=timeout))
        return without_surrogates(read(path))
    except ReadError:
        raise
    except PermissionError:
        raise ReadError("permission denied") from None
    except Exception as exc:  # a reader's library failed on a broken file
        name = type(exc).__name__
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        if lines and lines[0].startswith("Traceback"):  # a library that put a whole traceback in its message
            lines = lines[-1:]
        detail = lines[0][:160] if lines else ""
        raise ReadError(f"cannot read {path.suffix.lstrip('.')} ({name}{': ' + detail if detail else ''})") from exc
