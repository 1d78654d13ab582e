"""PDF reader: ruled tables and rebuilt paragraphs, in top-to-bottom order per page."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.utils.exceptions import PdfminerException

from govdisc.model import Block, Document, Paragraph, ReadError, Table

HEADING = re.compile(
    r"^\s*(?:"
    r"第[一二三四五六七八九十百零〇\d]+[章节条部分篇]"
    r"|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]+[)）]"
    r"|\d{1,2}[、.．](?!\d)"
    r"|[①-⑳]"
    r"|附件|附表"
    r")"
)
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－−]\s*\d{1,4}\s*[-—–－−]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)
_SENTENCE_END = tuple("。！？；：”」』）)!?;:")
_LATIN_END = re.compile(r"[A-Za-z,]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


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


def _check_header(path: Path) -> None:
    """Raise ReadError unless %PDF appears in the first KiB."""
    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        raise ReadError("not a pdf (no %PDF header)")


def _open_pdfium(path: Path) -> pdfium.PdfDocument | None:
    """Open with pdfium to detect password protection; None when pdfium cannot parse the file."""
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise ReadError("pdf is encrypted") from None
        return None


def _is_password_error(exc: BaseException) -> bool:
    """True when pdfminer failed because the file needs a password."""
    inner = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    name = type(inner).__name__
    return name in ("PDFPasswordIncorrect", "PDFEncryptionError") or "password" in str(inner).lower()


def _keeps_ruling(obj: dict[str, Any]) -> bool:
    """Drop filled, unstroked boxes (text shading) so they are not taken for table rulings."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return min(obj.get("width", 0), obj.get("height", 0)) <= 2


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    """True when the object's centre lies in one of the boxes."""
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 - 1 <= cx <= x1 + 1 and top - 1 <= cy <= bottom + 1 for x0, top, x1, bottom in boxes)


def _is_data_table(rows: list[list[str | None]]) -> bool:
    """A real table has at least two columns and some text; single-column boxes are framed prose."""
    width = max((len(r) for r in rows), default=0)
    return width >= 2 and any(c and c.strip() for r in rows for c in r)


def _clean_cell(cell: str | None) -> str | None:
    """Cell text with each wrapped line stripped; None stays None."""
    if cell is None:
        return None
    return "\n".join(s for s in (part.strip() for part in cell.split("\n")) if s)


def page_content(page: pdfplumber.page.Page) -> PageContent:
    """Find ruled tables on a page and the text lines outside them."""
    has_text = bool(page.chars)
    page = page.dedupe_chars()
    tables = []
    boxes = []
    for found in page.filter(_keeps_ruling).find_tables():
        rows = [[_clean_cell(c) for c in row] for row in found.extract()]
        if _is_data_table(rows):
            tables.append((found.bbox[1], rows))
            boxes.append(found.bbox)
    text_page = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes)) if boxes else page
    lines = [
        Line(d["text"], d["x0"], d["x1"], d["top"], d["bottom"])
        for d in text_page.extract_text_lines(return_chars=False)
        if d["text"].strip()
    ]
    return PageContent(page.page_number, lines, tables, has_text)


def _join(a: str, b: str) -> str:
    """Join two wrapped lines: no space for CJK, one space between Latin words."""
    if _LATIN_END.search(a) and _LATIN_START.search(b):
        return f"{a} {b}"
    return a + b


def _continues(cur: Line, nxt: Line, right: float, left: float, gap_limit: float) -> bool:
    """True when ``nxt`` continues the paragraph whose last line is ``cur``."""
    size = max(cur.size, nxt.size)
    if cur.x1 < right - 1.5 * size:
        return False
    if HEADING.match(nxt.text):
        return False
    if nxt.top - cur.bottom > gap_limit:
        return False
    return not (nxt.x0 > left + size and cur.text.rstrip().endswith(_SENTENCE_END))


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
            text = _join(text, nxt.text.strip())
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
            blocks[-1] = Paragraph(_join(tail.text, head.text), tail.page)
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


def _pdfium_blocks(doc: pdfium.PdfDocument) -> list[Block]:
    """Plain text lines from pdfium, one Paragraph per line, used when pdfminer cannot parse the file."""
    blocks: list[Block] = []
    for index in range(len(doc)):
        textpage = doc[index].get_textpage()
        for line in textpage.get_text_range().splitlines():
            if line.strip():
                blocks.append(Paragraph(line.strip(), index + 1))
    return blocks


def _read_pages(path: Path) -> list[PageContent]:
    """Page contents via pdfplumber; ReadError for password-protected files."""
    try:
        with pdfplumber.open(path) as pdf:
            return [page_content(page) for page in pdf.pages]
    except PdfminerException as exc:
        if _is_password_error(exc):
            raise ReadError("pdf is encrypted") from None
        raise


def read_pdf(path: Path) -> Document:
    """Read a text PDF: paragraphs rebuilt from wrapped lines and ruled tables, each with its page number."""
    path = Path(path)
    _check_header(path)
    pdfium_doc = _open_pdfium(path)
    warnings: list[str] = []
    try:
        pages = _read_pages(path)
    except ReadError:
        raise
    except Exception as exc:
        if pdfium_doc is None:
            raise ReadError(f"broken pdf ({type(exc).__name__})") from None
        blocks = _pdfium_blocks(pdfium_doc)
        if not blocks:
            raise ReadError("no text: the pdf has no text layer (scanned?)") from None
        warnings.append(f"pdfminer failed ({type(exc).__name__}); plain text from pdfium, tables not detected")
        return Document(path, blocks, warnings)
    finally:
        if pdfium_doc is not None:
            pdfium_doc.close()
    if not any(p.has_text for p in pages):
        raise ReadError("no text: the pdf has no text layer (scanned?)")
    empty = [str(p.number) for p in pages if not p.has_text]
    if empty:
        warnings.append(f"no text layer on page(s) {', '.join(empty)}")
    blocks = merge_pages(
        [page_blocks(content, right) for content, right in zip(pages, _right_edges(pages), strict=True)]
    )
    if any("(cid:" in b.text for b in blocks if isinstance(b, Paragraph)):
        warnings.append("some glyphs have no unicode mapping and appear as (cid:N)")
    return Document(path, blocks, warnings)
