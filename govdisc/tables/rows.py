"""Every form a table comes in, turned into one stream of rows: a label and its value cells.

Grid tables (html, docx, pdf) give their rows directly; scraped text gives rows as lines with
cells joined by ``|``, one cell per line, or numbers separated by spaces (pdftotext).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from govdisc.model import Block, Table

from .cells import clean, is_value

_SPACED_NUMBERS = re.compile(
    r"^(?P<label>.*?)(?P<values>(?:(?<=\s)|^)[+-]?\d[\d,.]*(?:元|万元)?(?:\s+[+-]?\d[\d,.]*(?:元|万元)?)*)\s*$"
)
#: A text line longer than this is running text, not a table row.
MAX_ROW = 300
_LONE_NUMBER = re.compile(r"^[+-]?\d[\d,.]*(?:元|万元)?$")


@dataclass(frozen=True)
class Row:
    """A table row: its label text as printed, its value cells, where it was found.

    ``blanks_shown`` is False for text where an empty cell leaves no trace (numbers separated
    by spaces), so a short row cannot be placed column by column.
    """

    label: str
    cells: tuple[str, ...]
    page: int | None = None
    blanks_shown: bool = True

    @property
    def key_text(self) -> str:
        """The label without spaces and line breaks, for matching."""
        return clean(self.label)


def grid_rows(table: Table) -> Iterator[Row]:
    """Rows of a grid: leading text cells are the label, the cells after them the values."""
    for raw in table.rows:
        cells = list(raw)
        last_text = max((i for i, c in enumerate(cells) if c is not None and c.strip() and not is_value(c)),
                        default=-1)  # fmt: skip
        label = " ".join(c.strip() for c in cells[: last_text + 1] if c and c.strip())
        values = tuple(c for c in cells[last_text + 1 :] if c is not None)
        if label or any(v.strip() for v in values):
            yield Row(label, values if any(v.strip() for v in values) or label else (), table.page)


def text_rows(text: str, page: int | None) -> Row | None:
    """One line of scraped text as a row, or None when it is running text."""
    line = text.strip()
    if line.count("|") >= 1 and len(line) < 400:
        cells = [c.strip() for c in line.strip("|").split("|")]
        last_text = max((i for i, c in enumerate(cells) if c and not is_value(c)), default=-1)
        return Row(" ".join(c for c in cells[: last_text + 1] if c), tuple(cells[last_text + 1 :]), page)
    if _LONE_NUMBER.match(line):
        return Row("", (line,), page, blanks_shown=False)
    m = _SPACED_NUMBERS.match(line) if len(line) <= MAX_ROW else None
    if m and len(m.group("label")) <= 60:
        values = tuple(m.group("values").split())
        label = m.group("label").strip()
        if len(values) >= 2 or (label and len(label) <= 40 and not label.endswith(("。", "，", "："))):
            return Row(label, values, page, blanks_shown=False)
    if len(line) <= 60 and not line.endswith(("。", "；")):
        return Row(line, (), page)
    return None


def rows_from_blocks(blocks: Iterable[Block]) -> list[Row]:
    """The row stream of a document, in reading order; running text ends nothing, it is skipped.

    Consecutive lone numbers on their own lines (one cell per line) are gathered into one row.
    """
    rows: list[Row] = []
    for block in blocks:
        if isinstance(block, Table):
            rows.extend(grid_rows(block))
            continue
        row = text_rows(block.text, block.page)
        if row is None:
            rows.append(Row("", (), block.page))  # a break: running text between tables
            continue
        prev = rows[-1] if rows else None
        if prev is not None and not row.label and not prev.label and not prev.blanks_shown and len(row.cells) == 1 \
                and len(prev.cells) >= 1 and _LONE_NUMBER.match(prev.cells[-1]) and len(prev.cells) < 15:  # fmt: skip
            rows[-1] = Row("", prev.cells + row.cells, prev.page, blanks_shown=False)
        else:
            rows.append(row)
    return rows
