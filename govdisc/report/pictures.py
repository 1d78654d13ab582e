"""Pictures of a pdf page around a table's cells, so a reader sees the printed table without opening the pdf.

The pdf reader's table finder (:func:`govdisc.read.pdf.page_layout`) finds the ruled table holding the
cells' row labels; pypdfium2 renders that region, and the labels found are outlined.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Rendering scale: 2 = 144 dpi, legible on a phone and in print.
SCALE = 2.0
MARGIN = 4.0  # points around the table
AROUND = 140.0  # points above and below a label when no ruled table holds it
_NUMBERING = re.compile(r"^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*")

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (points, from the top of the page)


def _needle(row: str) -> str | None:
    """The start of a printed row label, enough to find it (numbering and spaces dropped)."""
    text = re.sub(r"\s+", "", _NUMBERING.sub("", row.split("-")[0]))
    return text[:6] or None


def _inside(box: Box, hit: Box) -> bool:
    x, y = (hit[0] + hit[2]) / 2, (hit[1] + hit[3]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _hits(chars: Sequence[dict[str, Any]], rows: Sequence[str], tables: list[Box]) -> list[Box]:
    """Where each row label is printed: its first place inside a ruled table, else its first place at all."""
    printed = [c for c in chars if c["text"].strip()]
    text = "".join(c["text"] for c in printed)
    boxes: list[Box] = []
    for needle in dict.fromkeys(n for n in map(_needle, rows) if n):
        places = []
        start = text.find(needle)
        while start >= 0:
            run = printed[start : start + len(needle)]
            places.append(
                (
                    min(c["x0"] for c in run),
                    min(c["top"] for c in run),
                    max(c["x1"] for c in run),
                    max(c["bottom"] for c in run),
                )
            )
            start = text.find(needle, start + 1)
        held = [b for b in places if any(_inside(t, b) for t in tables)]
        boxes.extend((held or places)[:1])
    return boxes


def _region(tables: list[Box], hits: list[Box], width: float, height: float) -> Box:
    inside = _inside
    holding = [t for t in tables if any(inside(t, h) for h in hits)]
    if holding:
        x0, top = min(t[0] for t in holding), min(t[1] for t in holding)
        x1, bottom = max(t[2] for t in holding), max(t[3] for t in holding)
    elif hits:
        x0, x1 = 0.0, width
        top, bottom = min(h[1] for h in hits) - AROUND, max(h[3] for h in hits) + AROUND
    else:
        return (0.0, 0.0, width, height)
    return (max(0.0, x0 - MARGIN), max(0.0, top - MARGIN), min(width, x1 + MARGIN), min(height, bottom + MARGIN))


def page_picture(path: Path, page_number: int, rows: Sequence[str]) -> str | None:
    """A PNG data URI of page ``page_number`` (1-based) around the rows named; None when it cannot be drawn."""
    import pypdfium2 as pdfium
    from PIL import ImageDraw

    from govdisc.read.pdf import page_layout

    try:
        document = pdfium.PdfDocument(str(path))
        try:
            if not 1 <= page_number <= len(document):
                return None
            page = document[page_number - 1]
            width, height = page.get_size()
            chars, tables = page_layout(page, page_number)
            hits = _hits(chars, rows, tables)
            x0, top, x1, bottom = _region(tables, hits, width, height)
            image = page.render(scale=SCALE, crop=(x0, height - bottom, width - x1, top)).to_pil().convert("RGB")
        finally:
            document.close()
    except Exception:  # a picture is a convenience: a pdf that will not draw leaves the check without one
        return None
    draw = ImageDraw.Draw(image)
    for hx0, htop, hx1, hbottom in hits:
        box = ((hx0 - x0) * SCALE - 3, (htop - top) * SCALE - 3, (hx1 - x0) * SCALE + 3, (hbottom - top) * SCALE + 3)
        draw.rectangle(box, outline=(204, 0, 0), width=3)
    buffer = io.BytesIO()
    image.quantize(colors=64).save(buffer, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
