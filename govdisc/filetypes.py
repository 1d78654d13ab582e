"""The file types govdisc reads, by extension: kept apart from the readers so that a run served from the
cache can tell what a folder holds without importing them (:mod:`govdisc.read` imports a reader when
first needed)."""

from __future__ import annotations

#: File extension → reader module of :mod:`govdisc.read` (imported when first needed: pdf and docx
#: libraries cost time to import, and a folder of txt files needs neither).
READERS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".doc": "convert",  # the four below: converted to docx by LibreOffice (read/convert.py)
    ".wps": "convert",
    ".rtf": "convert",
    ".odt": "convert",
}

#: Every extension govdisc reads, sorted.
SUPPORTED = tuple(sorted(READERS))
