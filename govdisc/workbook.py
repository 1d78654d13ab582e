"""``extract``'s records as an xlsx workbook: the columns of its CSV, ready to filter and sort."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

from govdisc.model import Record
from govdisc.output import DEFAULT_SHAPE, Cell, Shape, record_rows
from govdisc.spreadsheet import neutralize

#: The sheet's name: one row per document, or one per figure (``--long``).
SHEET_NAMES = {("zh", False): "记录", ("en", False): "records", ("zh", True): "数据", ("en", True): "facts"}
MIN_WIDTH, MAX_WIDTH = 6, 60


def display_width(value: Cell) -> int:
    """How many columns ``value`` takes on screen: two for a wide (CJK) character."""
    text = "" if value is None else f"{value:,}" if isinstance(value, int) else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_records_xlsx(records: Sequence[Record], path: Path, shape: Shape = DEFAULT_SHAPE) -> None:
    """One sheet: header bold and frozen, an autofilter, widths from the content, numbers as numbers
    (figures with thousands separators), text that would run as a formula neutralized."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    head, rows, figures = record_rows(records, shape)
    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = SHEET_NAMES[(shape.lang, shape.long)]
    sheet.append([neutralize(h) for h in head])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralize(v) for v in row])
    for j, name in enumerate(head):
        letter = get_column_letter(j + 1)
        widest = max([display_width(name), *(display_width(row[j]) for row in rows)])
        sheet.column_dimensions[letter].width = min(max(widest + 2, MIN_WIDTH), MAX_WIDTH)
        if j in figures:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
                if isinstance(cell.value, int):
                    cell.number_format = "#,##0"
                elif isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(str(path))
