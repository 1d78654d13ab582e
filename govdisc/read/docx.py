"""Word (.docx) reader: body paragraphs and tables in document order, merged cells resolved."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from lxml import etree

from govdisc.model import Block, Document, Paragraph, ReadError, Table
from govdisc.read.limits import CellBudget

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = frozenset({f"{W}delText", f"{W}txbxContent", f"{MC}Fallback", f"{W}instrText", f"{W}del"})
_CONTAINERS = frozenset({f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}smartTag"})


def _check_package(path: Path) -> None:
    """Raise ReadError unless the file is a zip holding word/document.xml."""
    if not zipfile.is_zipfile(path):
        raise ReadError("not a docx (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile as exc:
        raise ReadError(f"not a docx (broken zip: {exc})") from None
    if "word/document.xml" not in names:
        raise ReadError("not a docx (no word/document.xml)")


def paragraph_text(p: etree._Element) -> str:
    """Visible text of one w:p: runs, hyperlinks, tabs and breaks; deleted text and text boxes skipped."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag == f"{W}tab":
                parts.append("\t")
            elif tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag != f"{W}pPr" and tag != f"{W}rPr":
                walk(child)

    walk(p)
    return "".join(parts)


def iter_content(parent: etree._Element) -> Iterator[etree._Element]:
    """The w:p and w:tbl children of a body or cell, looking through content controls and similar wrappers."""
    for child in parent:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in _CONTAINERS:
            yield from iter_content(child)


def _span(tc: etree._Element) -> int:
    """The w:gridSpan of a cell (1 when absent or malformed)."""
    node = tc.find(f"{W}tcPr/{W}gridSpan")
    return max(1, _int(node)) if node is not None else 1


def _row_spans(tr: etree._Element, cells: list[etree._Element], width: int) -> tuple[int, list[int]]:
    """A row's skipped columns and its cells' spans, no span reaching past the grid's ``width`` (each cell
    keeps at least its own column)."""
    before = _grid_before(tr, width)
    spans = []
    column = before
    for tc in cells:
        span = max(1, min(_span(tc), width - column))
        spans.append(span)
        column += span
    return before, spans


def _int(node: etree._Element | None) -> int:
    """The w:val of a node as a number (0 when absent or malformed); never more digits than a grid can use."""
    value = (node.get(f"{W}val") or "").strip() if node is not None else ""
    return int(value) if value.isdigit() and len(value) <= 9 else 0


def _continues_vmerge(tc: etree._Element) -> bool:
    """True for a cell that continues a vertical merge from the row above."""
    node = tc.find(f"{W}tcPr/{W}vMerge")
    return node is not None and node.get(f"{W}val", "continue") != "restart"


def _grid_before(tr: etree._Element, width: int) -> int:
    """Number of grid columns skipped at the start of a row (w:gridBefore), at most the table's ``width``."""
    return min(_int(tr.find(f"{W}trPr/{W}gridBefore")), width)


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """The ``tag`` children of ``parent``, looking through content controls."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _row_cells(tr: etree._Element) -> Iterator[etree._Element]:
    """The w:tc elements of a row."""
    return _children(tr, f"{W}tc")


def _table_rows(tbl: etree._Element) -> Iterator[etree._Element]:
    """The w:tr elements of a table."""
    return _children(tbl, f"{W}tr")


def cell_text(tc: etree._Element, budget: CellBudget) -> str:
    """A cell's paragraphs joined by newlines; a nested table contributes one line per row."""
    lines: list[str] = []
    for el in iter_content(tc):
        if el.tag == f"{W}p":
            lines.append(paragraph_text(el).strip())
        else:
            for row in table_grid(el, budget):
                text = " ".join(c.replace("\n", " ") for c in row if c)
                lines.append(text)
    return "\n".join(lines).strip()


def table_grid(tbl: etree._Element, budget: CellBudget) -> list[list[str | None]]:
    """The table as a grid: merge origins hold text, positions covered by gridSpan/vMerge hold None.

    The grid is as wide as the table's w:tblGrid or its longest row of cells, whichever is wider; no span
    or skip reaches past that width, and the cells count against the document's ``budget``.
    """
    rows = [(tr, list(_row_cells(tr))) for tr in _table_rows(tbl)]
    columns = tbl.find(f"{W}tblGrid")
    declared = len(columns.findall(f"{W}gridCol")) if columns is not None else 0
    width = max(declared, max((len(cells) for _, cells in rows), default=0), 1)
    spans = [_row_spans(tr, cells, width) for tr, cells in rows]
    longest = max((before + sum(row) for before, row in spans), default=0)
    budget.charge(len(rows) * longest, len(rows), longest)
    grid: list[list[str | None]] = []
    for (_, cells), (before, widths) in zip(rows, spans, strict=True):
        row: list[str | None] = [""] * before
        for tc, span in zip(cells, widths, strict=True):
            row.append(None if _continues_vmerge(tc) else cell_text(tc, budget))
            row.extend([None] * (span - 1))
        grid.append(row)
    return grid


def body_blocks(body: etree._Element) -> list[Block]:
    """Paragraphs and tables of the document body in order."""
    blocks: list[Block] = []
    budget = CellBudget()
    for el in iter_content(body):
        if el.tag == f"{W}p":
            text = paragraph_text(el).strip()
            if text:
                blocks.append(Paragraph(text))
        else:
            grid = table_grid(el, budget)
            if any(c for row in grid for c in row):
                blocks.append(Table.from_rows(grid))
    return blocks


def read_docx(path: Path) -> Document:
    """Read a .docx body: paragraphs and tables in order (headers, footers, text boxes not included)."""
    path = Path(path)
    _check_package(path)
    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise ReadError(f"broken docx ({type(exc).__name__}: {str(exc)[:120]})") from None
    return Document(path, body_blocks(document.element.body))
