"""What goes into a CSV or xlsx file that a spreadsheet program opens: cells, widths, one plain sheet."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path
from typing import Any

from rich.cells import cell_len

#: A cell starting with one of these is read as a formula by Excel, WPS and LibreOffice (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Column widths, in characters: never narrower, never wider.
MIN_WIDTH, MAX_WIDTH = 6, 60


def neutralize(value: object) -> object:
    """``value`` unchanged, unless it is text a spreadsheet would run as a formula: then with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def shown_width(value: object, rate: bool = False) -> int:
    """How many columns ``value`` takes as a spreadsheet shows it (a wide character takes two)."""
    if value is None:
        return 0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return len(f"{value * 100:.1f}%") if rate else len(f"{value:,}" if isinstance(value, int) else f"{value:,.2f}")
    return cell_len(str(value))


def set_widths(sheet: Any, widths: Sequence[int], max_width: int = MAX_WIDTH) -> None:
    """Give each column of ``sheet`` the width of its widest cell, within :data:`MIN_WIDTH` and ``max_width``."""
    from openpyxl.utils import get_column_letter

    for j, w in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(j)].width = min(max(w + 2, MIN_WIDTH), max_width)


def write_sheet(
    path: Path, title: str, head: Sequence[str], rows: Sequence[Sequence[Any]], figures: Collection[int] = ()
) -> None:
    """One sheet: header bold and frozen, an autofilter, widths from the content, numbers as numbers (the
    ``figures`` columns with thousands separators), text that would run as a formula neutralized."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.worksheets[0]
    sheet.title = title[:31]
    sheet.append([neutralize(h) for h in head])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralize(v) for v in row])
    set_widths(sheet, [max([shown_width(name), *(shown_width(row[j]) for row in rows)]) for j, name in enumerate(head)])
    for j in figures:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=j + 1, max_col=j + 1):
            if isinstance(cell.value, int):
                cell.number_format = "#,##0"
            elif isinstance(cell.value, float):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    book.save(str(path))
