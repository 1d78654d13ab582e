"""Word (.docx) reader: body paragraphs and tables in document order, merged cells resolved."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from lxml import etree

from govdisc.model import Block, Document, Paragraph, ReadError, Table

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
    try:
        return max(1, int(node.get(f"{W}val") or "")) if node is not None else 1
    except (TypeError, ValueError):
        return 1


def _continues_vmerge(tc: etree._Element) -> bool:
    """True for a cell that continues a vertical merge from the row above."""
    node = tc.find(f"{W}tcPr/{W}vMerge")
    return node is not None and node.get(f"{W}val", "continue") != "restart"


def _grid_before(tr: etree._Element) -> int:
    """Number of grid columns skipped at the start of a row (w:gridBefore)."""
    node = tr.find(f"{W}trPr/{W}gridBefore")
    try:
        return int(node.get(f"{W}val") or "") if node is not None else 0
    except (TypeError, ValueError):
        return 0


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


def cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs joined by newlines; a nested table contributes one line per row."""
    lines: list[str] = []
    for el in iter_content(tc):
        if el.tag == f"{W}p":
            lines.append(paragraph_text(el).strip())
        else:
            for row in table_grid(el):
                text = " ".join(c.replace("\n", " ") for c in row if c)
                lines.append(text)
    return "\n".join(lines).strip()


def table_grid(tbl: etree._Element) -> list[list[str | None]]:
    """The table as a grid: merge origins hold text, positions covered by gridSpan/vMerge hold None."""
    grid: list[list[str | None]] = []
    for tr in _table_rows(tbl):
        row: list[str | None] = [""] * _grid_before(tr)
        for tc in _row_cells(tr):
            span = _span(tc)
            row.append(None if _continues_vmerge(tc) else cell_text(tc))
            row.extend([None] * (span - 1))
        grid.append(row)
    return grid


def body_blocks(body: etree._Element) -> list[Block]:
    """Paragraphs and tables of the document body in order."""
    blocks: list[Block] = []
    for el in iter_content(body):
        if el.tag == f"{W}p":
            text = paragraph_text(el).strip()
            if text:
                blocks.append(Paragraph(text))
        else:
            grid = table_grid(el)
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
