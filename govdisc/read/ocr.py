"""Pages without a text layer, read by OCR: RapidOCR on onnxruntime (the ``ocr`` extra).

A page is rendered grey at :data:`DPI`; RapidOCR's text boxes become chars (each box split across its
characters by their width: CJK one em, others half) with pdfminer-style boxes in page points, and the
table rulings are found in the image (long straight runs of dark pixels), so the pdf reader's table
finder and line builder read the scanned page as they read a text page. Every char carries the
engine's confidence (``ocr_conf``). The engine's models ship in its wheel; nothing is fetched.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import Any

import pypdfium2 as pdfium

from govdisc.model import ReadError
from govdisc.read.pdf_pdfium import Obj, PageObjects

#: Render resolution: digits in a 10.5 pt table read reliably at 200 dpi.
DPI = 200
INSTALL = "pip install 'govdisc[ocr]'"
#: A ruling is at least this long (points) and at most this thick (pixels at DPI).
_MIN_RULING = 24.0
_MAX_THICK = 6


def available() -> bool:
    """True when the OCR engine can be imported."""
    try:
        import rapidocr_onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def no_text(ocr: str) -> ReadError:
    """The error of a pdf without any text; with the install command (and not cached) when OCR could read it."""
    said = "no text: the pdf has no text layer (scanned?)"
    if ocr != "never" and not available():
        return ReadError(f"{said}; OCR is not installed: {INSTALL}", lasting=False)
    return ReadError(said)


def ocr_warning(pages: list[int]) -> str:
    """The warning on a record whose document had pages read by OCR."""
    return f'read by OCR: page(s) {", ".join(map(str, pages))}; its figures carry "ocr": true'


@cache
def _engine() -> Any:
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError:
        raise ReadError(f"OCR is not installed: {INSTALL}", lasting=False) from None
    import logging

    engine = RapidOCR(intra_op_num_threads=1, inter_op_num_threads=1)
    logging.getLogger("RapidOCR").setLevel(logging.CRITICAL + 1)
    logging.getLogger("rapidocr_onnxruntime").setLevel(logging.CRITICAL + 1)
    return engine


def _weight(ch: str) -> float:
    return 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5


def _box_chars(quad: list[list[float]], text: str, conf: float, scale: float, doctop: float) -> list[Obj]:
    """Chars of one OCR text box, spread over its width by character width, in page points."""
    xs = [p[0] / scale for p in quad]
    ys = [p[1] / scale for p in quad]
    x0, x1, top, bottom = min(xs), max(xs), min(ys), max(ys)
    weights = [_weight(ch) for ch in text]
    total = sum(weights) or 1.0
    unit = (x1 - x0) / total
    size = bottom - top
    out: list[Obj] = []
    at = x0
    for ch, w in zip(text, weights, strict=True):
        end = at + w * unit
        if not ch.isspace():
            out.append(
                {
                    "object_type": "char",
                    "text": ch,
                    "x0": at,
                    "x1": end,
                    "top": top,
                    "bottom": bottom,
                    "doctop": doctop + top,
                    "width": end - at,
                    "height": size,
                    "size": size,
                    "upright": True,
                    "fontname": "ocr",
                    "ocr_conf": conf,
                }
            )
        at = end
    return out


def _runs(mask: Any, min_len: int) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of horizontal dark runs at least ``min_len`` pixels long."""
    import cv2

    opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (min_len, 1)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(opened, connectivity=8)
    return [tuple(int(v) for v in stats[i][:4]) for i in range(1, count)]  # type: ignore[misc]


def _line(x0: float, top: float, x1: float, bottom: float, doctop: float) -> Obj:
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": doctop + top,
        "width": x1 - x0,
        "height": bottom - top,
        "stroke": True,
        "fill": False,
        "pts": [(x0, top), (x1, bottom)],
    }


def _rulings(grey: Any, scale: float, doctop: float) -> list[Obj]:
    """Table rulings in the image: horizontal and vertical lines in page points."""
    import numpy as np

    mask = (grey < 160).astype(np.uint8)
    min_len = int(_MIN_RULING * scale)
    out: list[Obj] = []
    for x, y, w, h in _runs(mask, min_len):
        if h <= _MAX_THICK:
            mid = (y + h / 2) / scale
            out.append(_line(x / scale, mid, (x + w) / scale, mid, doctop))
    for y, x, h, w in _runs(np.ascontiguousarray(mask.T), min_len):
        if w <= _MAX_THICK:
            mid = (x + w / 2) / scale
            out.append(_line(mid, y / scale, mid, (y + h) / scale, doctop))
    return out


def ocr_objects(doc: pdfium.PdfDocument, index: int, doctop: float, objects: PageObjects, ocr: str) -> PageObjects:
    """Page ``index`` read by OCR, its own rulings added; ``objects`` unchanged when OCR is not installed and
    ``ocr`` is ``auto`` (the page stays a page without text)."""
    if ocr == "auto" and not available():
        return objects
    page = doc[index]
    try:
        found = ocr_page(page, index + 1, doctop)
    finally:
        page.close()
    found.graphics.extend(objects.graphics)
    return found


def ocr_page(page: pdfium.PdfPage, number: int, doctop: float) -> PageObjects:
    """One page read by OCR: its chars (with ``ocr_conf``) and the rulings seen in its image."""
    engine = _engine()
    import numpy as np

    scale = DPI / 72
    bitmap = page.render(scale=scale, grayscale=True)
    grey = np.ascontiguousarray(bitmap.to_numpy().reshape(bitmap.height, bitmap.width, -1)[:, :, 0])
    width, height = page.get_size()
    result, _ = engine(grey, use_cls=False)
    chars: list[Obj] = []
    boxes: list[tuple[str, float]] = []
    for quad, text, conf in result or []:
        chars.extend(_box_chars(quad, str(text), float(conf), scale, doctop))
        boxes.append((str(text), round(float(conf), 3)))
    return PageObjects(number, (0.0, 0.0, width, height), chars, _rulings(grey, scale, doctop), boxes)
