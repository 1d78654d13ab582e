"""Readers: one per file format, all returning the same :class:`~govdisc.model.Document`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govdisc.model import Document, ReadError

from .docx import read_docx
from .html import read_html
from .pdf import read_pdf
from .txt import read_txt

READERS: dict[str, Callable[[Path], Document]] = {
    ".txt": read_txt,
    ".text": read_txt,
    ".docx": read_docx,
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
}

SUPPORTED = tuple(sorted(READERS))


def read_document(path: str | Path) -> Document:
    """Read one file into a Document; raise ReadError with a one-line reason when it cannot be read."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {path.suffix or '(none)'!r} (govdisc reads {', '.join(SUPPORTED)})")
    if not path.is_file():
        raise ReadError("not a regular file")
    if path.stat().st_size == 0:
        raise ReadError("empty file")
    try:
        return reader(path)
    except ReadError:
        raise
    except PermissionError:
        raise ReadError("permission denied") from None
    except Exception as exc:  # a reader's library failed on a broken file
        name = type(exc).__name__
        detail = str(exc).splitlines()[0][:160] if str(exc) else ""
        raise ReadError(f"cannot read {path.suffix.lstrip('.')} ({name}{': ' + detail if detail else ''})") from exc
