"""PDF reader: ruled tables and rebuilt paragraphs, in top-to-bottom order per page.

pdfium supplies each page's chars (with pdfminer-style boxes) and rulings; pdfplumber's table finder
(:mod:`govdisc.read.pdf_tables`, over plain tuples) and pdfplumber's word and line building
(:mod:`govdisc.read.pdf_text`, one pass per cell or page) run on them, so tables and text lines match a
pdfplumber-only read; pdfplumber itself is imported only when a page needs it: it parses a page only where pdfium
would describe it differently (rotated or offset page, rotated text, unmapped glyphs, glyphs of a font pdfium
lacks).
"""

from __future__ import annotations

import statistics
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from operator import itemgetter
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from govdisc.model import Block, Document, Paragraph, ReadError, Table
from govdisc.read.ocr import no_text, ocr_objects, ocr_warning
from govdisc.read.pdf_pdfium import MAX_DRAWINGS, Obj, PageObjects, page_objects
from govdisc.read.pdf_tables import Table as RuledTable
from govdisc.read.pdf_tables import find_tables
from govdisc.read.pdf_text import cell_text, text_lines
from govdisc.text import HEADING, PAGE_NUMBER, ends_paragraph, join_lines

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Line:
    """One text line outside tables, with its position on the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def size(self) -> float:
        """Approximate font size (line height), the width of one CJK character."""
        return max(self.bottom - self.top, 1.0)


@dataclass
class PageContent:
    """Text lines and tables found on one page."""

    number: int
    lines: list[Line]
    tables: list[tuple[float, list[list[str | None]]]]
    has_text: bool
    ocr: list[tuple[str, float]] | None = None  # read by OCR: its text boxes and their confidence
    drawings: int = 0  # objects of a page whose drawings were left unread (see :data:`MAX_DRAWINGS`)


def _crowded(number: int, objects: int) -> str:
    """What a page too full of objects to walk is told: its drawings are not read."""
    return (f"page {number} holds {objects:,} objects (over {MAX_DRAWINGS:,}): its drawings are not read "
            "(no ruled table is found on it, and it is not rendered for OCR)")  # fmt: skip


def _check_header(path: Path) -> None:
    """Raise ReadError unless %PDF appears in the first KiB."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        raise ReadError("not a pdf (no %PDF header)")


def _open_pdfium(path: Path) -> pdfium.PdfDocument | None:
    """Open with pdfium; ReadError when it needs a password, None when pdfium cannot parse the file."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("pdf is encrypted") from None
        return None


def _is_password_error(exc: BaseException) -> bool:
    """True when pdfminer failed because the file needs a password."""
    wrapped = type(exc).__name__ == "PdfminerException"  # pdfplumber's wrapper, named to leave pdfplumber unloaded
    inner = exc.args[0] if wrapped and exc.args else exc
    name = type(inner).__name__
    return name in ("PDFPasswordIncorrect", "PDFEncryptionError") or "password" in str(inner).lower()


def _keeps_ruling(obj: Obj) -> bool:
    """Drop filled, unstroked boxes (text shading) so they are not taken for table rulings."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return min(obj.get("width", 0), obj.get("height", 0)) <= 2


def _outside(chars: list[Obj], boxes: list[tuple[float, float, float, float]]) -> list[Obj]:
    """The chars whose centre lies in none of the boxes (each widened by 1 point)."""
    wide = [(x0 - 1, top - 1, x1 + 1, bottom + 1) for x0, top, x1, bottom in boxes]
    out = []
    for c in chars:
        cx = (c["x0"] + c["x1"]) / 2
        cy = (c["top"] + c["bottom"]) / 2
        for x0, top, x1, bottom in wide:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                break
        else:
            out.append(c)
    return out


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """A real table has at least two columns and some text; single-column boxes are framed prose."""
    width = max((len(r) for r in rows), default=0)
    return width >= 2 and any(c and c.strip() for r in rows for c in r)


def _clean_cell(cell: str | None) -> str | None:
    """Cell text with each wrapped line stripped; None stays None."""
    if cell is None:
        return None
    return "\n".join(s for s in (part.strip() for part in cell.split("\n")) if s)


def _chains(objs: list[Obj], attr: str, tolerance: float) -> list[list[Obj]]:
    """Objects sorted by ``attr`` and split where consecutive values differ by more than ``tolerance``."""
    ordered = sorted(objs, key=itemgetter(attr))
    out = [[ordered[0]]]
    for prev, cur in pairwise(ordered):
        if cur[attr] <= prev[attr] + tolerance:
            out[-1].append(cur)
        else:
            out.append([cur])
    return out


_DEDUPE_KEY = itemgetter("upright", "text", "fontname", "size")


def dedupe_chars(chars: list[Obj], tolerance: float = 1) -> list[Obj]:
    """pdfplumber's ``dedupe_chars``: drop chars repeating the text, font and size of one within ``tolerance``.

    Chars are grouped by text, font and size in one pass; a group whose chars lie more than ``tolerance`` apart
    from top to bottom (the common case: one glyph on several lines) keeps them all without further sorting.
    """
    groups: dict[tuple[Any, ...], list[Obj]] = {}
    for c in chars:
        key = _DEDUPE_KEY(c)
        group = groups.get(key)
        if group is None:
            groups[key] = [c]
        else:
            group.append(c)
    first = itemgetter("doctop", "x0")
    dropped: set[int] = set()
    for members in groups.values():
        if len(members) == 1:
            continue
        for row in _chains(members, "doctop", tolerance):
            if len(row) == 1:
                continue
            for cluster in _chains(row, "x0", tolerance):
                if len(cluster) > 1:
                    best = min(cluster, key=first)
                    dropped.update(id(c) for c in cluster if c is not best)
    if not dropped:
        return chars
    return [c for c in chars if id(c) not in dropped]


def _data_tables(objects: PageObjects, chars: list[Obj]) -> list[tuple[Box, list[list[str | None]]]]:
    """The ruled data tables of a page: each one's box and rows of cells."""
    rulings = [g for g in objects.graphics if _keeps_ruling(g)]
    if not rulings:
        return []
    found_tables = []
    heights = _Heights(chars)
    for found in find_tables(rulings):
        rows = [[_clean_cell(c) for c in row] for row in _extract(found, chars, heights)]
        if _is_data_table(rows):
            found_tables.append((found.bbox, rows))
    return found_tables


def page_layout(page: pdfium.PdfPage, number: int) -> tuple[list[Obj], list[Box]]:
    """A page's chars and the boxes of its ruled data tables as the reader finds them (points, from the top)."""
    objects = page_objects(page, number, 0.0, strict=False)
    assert objects is not None  # never None when not strict
    chars = dedupe_chars(objects.chars)
    return chars, [box for box, _ in _data_tables(objects, chars)]


def page_content(objects: PageObjects) -> PageContent:
    """Find ruled tables on a page and the text lines outside them."""
    chars = dedupe_chars(objects.chars)
    tables = []
    boxes = []
    for box, rows in _data_tables(objects, chars):
        tables.append((box[1], rows))
        boxes.append(box)
    text_chars = _outside(chars, boxes) if boxes else chars
    lines = [
        Line(d["text"], d["x0"], d["x1"], d["top"], d["bottom"])
        for d in text_lines(text_chars, objects.bbox)
        if d["text"].strip()
    ]
    return PageContent(objects.number, lines, tables, bool(objects.chars), objects.ocr, objects.drawings)


class _Heights:
    """A page's chars ordered by the height of their centre, to take a table's band of them by bisection."""

    def __init__(self, chars: list[Obj]) -> None:
        centres = [(c["top"] + c["bottom"]) / 2 for c in chars]
        self.order = sorted(range(len(chars)), key=centres.__getitem__)
        self.centres = [centres[k] for k in self.order]

    def band(self, top: float, bottom: float) -> list[int]:
        """The indices, in page order, of the chars whose centre lies in [top, bottom)."""
        return sorted(self.order[bisect_left(self.centres, top) : bisect_left(self.centres, bottom)])


def _extract(found: RuledTable, chars: list[Obj], heights: _Heights | None = None) -> list[list[str | None]]:
    """``found.extract()``: each cell's text from the chars whose centre lies in its half-open box, in page order.

    Each char of the table's band (``heights``, built here when not given) is placed once on the grid of the
    table's cell edges (by bisection); a cell takes the chars of the grid slots it covers.
    """
    rows = found.rows
    boxes = [cell for row in rows for cell in row if cell is not None]
    xs = sorted({v for box in boxes for v in (box[0], box[2])})
    ys = sorted({v for box in boxes for v in (box[1], box[3])})
    slots: dict[tuple[int, int], list[int]] = {}
    last_x, last_y = len(xs) - 1, len(ys) - 1
    for k in (heights or _Heights(chars)).band(ys[0], ys[-1]):
        c = chars[k]
        col = bisect_right(xs, (c["x0"] + c["x1"]) / 2) - 1
        if col < 0 or col >= last_x:
            continue
        line = bisect_right(ys, (c["top"] + c["bottom"]) / 2) - 1
        if 0 <= line < last_y:
            slots.setdefault((line, col), []).append(k)
    col_of = {v: n for n, v in enumerate(xs)}
    line_of = {v: n for n, v in enumerate(ys)}
    out: list[list[str | None]] = []
    for row in rows:
        cells: list[str | None] = []
        for cell in row:
            if cell is None:
                cells.append(None)
                continue
            x0, x1, top, bottom = col_of[cell[0]], col_of[cell[2]], line_of[cell[1]], line_of[cell[3]]
            if x1 - x0 == 1 and bottom - top == 1:
                picked = slots.get((top, x0), [])
            else:
                picked = sorted(k for i in range(top, bottom) for j in range(x0, x1) for k in slots.get((i, j), ()))
            cells.append(cell_text([chars[k] for k in picked]))
        out.append(cells)
    return out


def _continues(cur: Line, nxt: Line, right: float, left: float, gap_limit: float) -> bool:
    """True when ``nxt`` continues the paragraph whose last line is ``cur``."""
    size = max(cur.size, nxt.size)
    if cur.x1 < right - 1.5 * size:
        return False
    if HEADING.match(nxt.text):
        return False
    if nxt.top - cur.bottom > gap_limit:
        return False
    return not (nxt.x0 > left + size and ends_paragraph(cur.text))


@dataclass
class PageBlocks:
    """One page's blocks, plus whether its text runs on from the previous page and into the next one."""

    blocks: list[Block]
    continues: bool
    open_end: bool


def paragraphs(lines: list[Line], right: float, left: float) -> list[tuple[float, str]]:
    """Rebuild paragraphs from consecutive lines; returns (top, text) pairs."""
    if not lines:
        return []
    gaps = [b.top - a.bottom for a, b in pairwise(lines) if b.top > a.top]
    typical_gap = statistics.median(gaps) if gaps else 0.0
    size = statistics.median(line.size for line in lines)
    gap_limit = max(typical_gap, 0.0) + 0.8 * size
    out: list[tuple[float, str]] = []
    top, text = lines[0].top, lines[0].text.strip()
    for cur, nxt in pairwise(lines):
        if _continues(cur, nxt, right, left, gap_limit):
            text = join_lines(text, nxt.text.strip())
        else:
            out.append((top, text))
            top, text = nxt.top, nxt.text.strip()
    out.append((top, text))
    return out


def _body_lines(lines: list[Line]) -> list[Line]:
    """Lines in top-to-bottom order without page-number lines at the top or bottom of the page."""
    ordered = sorted(lines, key=lambda ln: ln.top)
    while ordered and PAGE_NUMBER.match(ordered[-1].text):
        ordered.pop()
    while ordered and PAGE_NUMBER.match(ordered[0].text):
        ordered.pop(0)
    return ordered


def page_blocks(content: PageContent, right: float) -> PageBlocks:
    """Tables and paragraphs of one page ordered by their top coordinate."""
    lines = _body_lines(content.lines)
    left = min((line.x0 for line in lines), default=0.0)
    items: list[tuple[float, int, Block]] = []
    run: list[Line] = []
    pending = sorted(content.tables, key=lambda t: t[0])

    def flush() -> None:
        for top, text in paragraphs(run, right, left):
            items.append((top, 1, Paragraph(text, content.number)))
        run.clear()

    for line in lines:
        while pending and pending[0][0] <= line.top:
            flush()
            top, rows = pending.pop(0)
            items.append((top, 0, Table.from_rows(rows, content.number)))
        run.append(line)
    flush()
    items.extend((top, 0, Table.from_rows(rows, content.number)) for top, rows in pending)
    items.sort(key=lambda item: (item[0], item[1]))
    blocks = [block for _, _, block in items]
    first_table = min((t[0] for t in content.tables), default=float("inf"))
    last_table = max((t[0] for t in content.tables), default=float("-inf"))
    continues = bool(lines) and lines[0].top < first_table and _opens_midway(lines[0], left)
    open_end = bool(lines) and lines[-1].top > last_table and lines[-1].x1 >= right - 1.5 * lines[-1].size
    return PageBlocks(blocks, continues, open_end)


def _opens_midway(line: Line, left: float) -> bool:
    """True when a page's first line looks like the continuation of a sentence: not indented, no heading."""
    return line.x0 <= left + 0.5 * line.size and not HEADING.match(line.text)


def merge_pages(pages: list[PageBlocks]) -> list[Block]:
    """Concatenate pages, joining a paragraph that runs over a page break (it keeps its first page)."""
    blocks: list[Block] = []
    prev_open = False
    for page in pages:
        items = list(page.blocks)
        tail = blocks[-1] if blocks else None
        head = items[0] if items else None
        if prev_open and page.continues and isinstance(tail, Paragraph) and isinstance(head, Paragraph):
            blocks[-1] = Paragraph(join_lines(tail.text, head.text), tail.page)
            items = items[1:]
        blocks.extend(items)
        prev_open = page.open_end
    return blocks


def _page_right(lines: list[Line]) -> float:
    """Right edge of a page's text block: 90th percentile of line ends, so overhanging lines are ignored."""
    if not lines:
        return 0.0
    ends = sorted(line.x1 for line in lines)
    return ends[min(len(ends) - 1, int(0.9 * len(ends)))]


def _right_edges(pages: list[PageContent]) -> list[float]:
    """Right edge per page, never less than the document's typical edge (short last pages)."""
    edges = [_page_right(p.lines) for p in pages]
    known = [e for e in edges if e]
    typical = statistics.median(known) if known else 0.0
    return [max(e, typical) for e in edges]


def plumber_objects(page: Any) -> PageObjects:
    """A pdfplumber page's chars and graphics."""
    return PageObjects(page.page_number, tuple(page.bbox), page.chars, page.lines + page.rects + page.curves)


class _Plumber:
    """pdfplumber on the same file, opened on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.pdf: Any = None

    def page(self, number: int) -> PageObjects:
        if self.pdf is None:
            import pdfplumber

            self.pdf = pdfplumber.open(self.path)
        return plumber_objects(self.pdf.pages[number - 1])

    def close(self) -> None:
        if self.pdf is None:
            return
        try:
            self.pdf.close()
        except Exception:
            self.pdf.stream.close()


def _check_pages(count: int, max_pages: int | None) -> None:
    if max_pages is not None and count > max_pages:
        raise ReadError(f"too many pages ({count} > {max_pages}; raise the limit with --max-pages)", lasting=False)


def _page_objects(
    doc: pdfium.PdfDocument, index: int, doctop: float, plumber: _Plumber, warnings: list[str]
) -> PageObjects:
    """One page's objects from pdfium, else from pdfplumber, else pdfium's best effort (with a warning)."""
    number = index + 1
    try:
        page = doc[index]
    except pdfium.PdfiumError:
        page = None
    try:
        objects = page_objects(page, number, doctop) if page is not None else None
        if objects is not None:
            if objects.drawings:
                warnings.append(_crowded(number, objects.drawings))
            return objects
        try:
            return plumber.page(number)
        except Exception as exc:
            warnings.append(f"pdfminer failed on page {number} ({type(exc).__name__}); text from pdfium")
            fallback = page_objects(page, number, doctop, strict=False) if page is not None else None
            return fallback or PageObjects(number, (0.0, 0.0, 0.0, 0.0), [])
    finally:
        if page is not None:
            page.close()


def _pdfium_pages(doc: pdfium.PdfDocument, path: Path, warnings: list[str], ocr: str) -> list[PageContent]:
    """Page contents from pdfium, with pdfplumber for the pages pdfium cannot describe like pdfminer, and OCR
    for pages without text (``ocr`` ``auto``) or for every page (``always``)."""
    plumber = _Plumber(path)
    contents = []
    doctop = 0.0
    try:
        for index in range(len(doc)):
            objects = _page_objects(doc, index, doctop, plumber, warnings)
            # a page too full of objects to walk is too full to render in time: OCR reads it only when asked
            if ocr == "always" or (ocr == "auto" and not objects.chars and not objects.drawings):
                objects = ocr_objects(doc, index, doctop, objects, ocr)
            contents.append(page_content(objects))
            doctop += objects.bbox[3] - objects.bbox[1]
    finally:
        plumber.close()
    return contents


def _plumber_pages(path: Path, max_pages: int | None) -> list[PageContent]:
    """Page contents via pdfplumber alone, for files pdfium cannot parse."""
    import pdfplumber
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        with pdfplumber.open(path) as pdf:
            _check_pages(len(pdf.pages), max_pages)
            return [page_content(plumber_objects(page)) for page in pdf.pages]
    except PdfminerException as exc:
        if _is_password_error(exc):
            raise ReadError("pdf is encrypted") from None
        raise


def _read_pages(path: Path, max_pages: int | None, warnings: list[str], ocr: str) -> list[PageContent]:
    doc = _open_pdfium(path)
    if doc is None:
        try:
            return _plumber_pages(path, max_pages)
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"broken pdf ({type(exc).__name__})") from None
    try:
        _check_pages(len(doc), max_pages)
        return _pdfium_pages(doc, path, warnings, ocr)
    finally:
        doc.close()


def read_pdf(path: Path, max_pages: int | None = None, ocr: str = "auto") -> Document:
    """Read a PDF: paragraphs rebuilt from wrapped lines and ruled tables, each with its page number.

    ``max_pages`` refuses longer files with a ReadError; None reads any length. ``ocr`` (``auto``, ``always``,
    ``never``) says which pages are read by OCR (:mod:`govdisc.read.ocr`): those without text, all, none.
    """
    path = Path(path)
    _check_header(path)
    warnings: list[str] = []
    pages = _read_pages(path, max_pages, warnings, ocr)
    if not any(p.has_text for p in pages):
        crowded = next((p for p in pages if p.drawings), None)
        raise ReadError(f"no text; {_crowded(crowded.number, crowded.drawings)}") if crowded else no_text(ocr)
    empty = [str(p.number) for p in pages if not p.has_text]
    if empty:
        warnings.append(f"no text layer on page(s) {', '.join(empty)}")
    blocks = merge_pages(
        [page_blocks(content, right) for content, right in zip(pages, _right_edges(pages), strict=True)]
    )
    if any("(cid:" in b.text for b in blocks if isinstance(b, Paragraph)):
        warnings.append("some glyphs have no unicode mapping and appear as (cid:N)")
    read_by_ocr = {p.number: p.ocr for p in pages if p.ocr is not None}
    if read_by_ocr:
        warnings.append(ocr_warning(sorted(read_by_ocr)))
    return Document(path, blocks, warnings, ocr=read_by_ocr)
