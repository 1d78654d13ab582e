#!/usr/bin/env python3
"""The floors govdisc is measured against, each run as a whole process over a folder, as govdisc is.

    python3 bench/floors.py pdfium FOLDER   # open every pdf, read every char's unicode and box
    python3 bench/floors.py read FOLDER     # read and decode every txt file
    python3 bench/floors.py unzip FOLDER    # read word/document.xml of every docx file

Prints the number of files and of chars (pdfium) or bytes (read, unzip) it went through, so a
floor that read nothing is seen. ``pdftotext -layout``, the other pdf floor, is a process of its
own per file; ``bench/run.py`` runs it in a loop.

Not a test: pytest collects only ``tests/``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def pdfium_chars(files: list[Path]) -> int:
    """Every char of every page: its unicode and its box, through pypdfium2's raw bindings."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    boxes = ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
    get_unicode, get_box = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_GetCharBox
    chars = 0
    for path in files:
        doc = pdfium_c.FPDF_LoadDocument(str(path).encode(), None)
        if not doc:
            raise SystemExit(f"floors: {path}: pdfium cannot open it")
        try:
            for index in range(pdfium_c.FPDF_GetPageCount(doc)):
                page = pdfium_c.FPDF_LoadPage(doc, index)
                text = pdfium_c.FPDFText_LoadPage(page)
                count = pdfium_c.FPDFText_CountChars(text)
                for i in range(count):
                    get_unicode(text, i)
                    get_box(text, i, *boxes)
                chars += count
                pdfium_c.FPDFText_ClosePage(text)
                pdfium_c.FPDF_ClosePage(page)
        finally:
            pdfium_c.FPDF_CloseDocument(doc)
    return chars


def read_text(files: list[Path]) -> int:
    """Every txt file read and decoded."""
    return sum(len(path.read_bytes().decode("utf-8", "replace")) for path in files)


def unzip_docx(files: list[Path]) -> int:
    """Every docx file's body, unzipped."""
    import zipfile

    total = 0
    for path in files:
        with zipfile.ZipFile(path) as archive:
            total += len(archive.read("word/document.xml"))
    return total


FLOORS = {"pdfium": (pdfium_chars, ".pdf"), "read": (read_text, ".txt"), "unzip": (unzip_docx, ".docx")}


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in FLOORS:
        print(__doc__, file=sys.stderr)
        return 2
    floor, suffix = FLOORS[argv[0]]
    files = sorted(p for p in Path(argv[1]).iterdir() if p.suffix == suffix)
    if not files:
        print(f"floors: no {suffix} file in {argv[1]}", file=sys.stderr)
        return 1
    print(len(files), floor(files))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
