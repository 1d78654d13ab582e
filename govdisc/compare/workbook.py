"""The comparison as an xlsx workbook that needs no fixing by hand.

One sheet per comparison: the header frozen with the names, an autofilter over the agencies' rows
only, the 合计 row below an empty row (so that sorting and filtering leave it alone) and in bold,
numbers stored as numbers with thousands separators, rates as percentages, ``≈`` shown before an
approximate figure (the cell still a number), widths from the content. The agencies with no report,
the cross-year checks that fail and the notes are sheets of their own, one agency a row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from govdisc.spreadsheet import neutralize, set_widths, shown_width

from .build import Comparison
from .figures import is_rate
from .render import APPROX_MARK, Section, first_columns, footer, sections, table_rows

#: Sheet titles of the presets (Chinese, English).
SHEET_TITLES = {"summary": ("概览", "summary"), "published": ("主动公开", "published"),
                "requests": ("依申请公开", "requests"), "outcomes": ("办理结果", "outcomes"),
                "litigation": ("复议诉讼", "litigation"), "all": ("全部", "all")}  # fmt: skip
MAX_WIDTH = 40


def sheet_title(name: str, lang: str) -> str:
    """A sheet's title: a preset's in ``lang``, else ``name`` cut to the 31 characters xlsx allows."""
    pair = SHEET_TITLES.get(name)
    return (pair[0 if lang == "zh" else 1] if pair else name)[:31]


def _format(value: object, rate: bool, approx: bool) -> str:
    mark = f'"{APPROX_MARK}"' if approx else ""
    if rate:
        return f"{mark}0.0%"
    return f"{mark}#,##0" if isinstance(value, int) else f"{mark}#,##0.00"


def _comparison_sheet(book: Any, title: str, comparison: Comparison, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title=title)
    head, body = table_rows(comparison, lang)
    lead = len(first_columns(comparison, lang))
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    entries = list(comparison.rows)
    widths = [min(cell_len(h), 20) for h in head]
    data = body[: len(entries)]
    for row, values in zip(entries, data, strict=True):
        sheet.append([neutralize(v) for v in values])
        _style_values(sheet, sheet.max_row, comparison, row.approx, values, lead)
    for values in data:
        widths = [max(w, shown_width(v, j >= lead and is_rate(comparison.columns[j - lead])))
                  for j, (w, v) in enumerate(zip(widths, values, strict=True))]  # fmt: skip
    last = get_column_letter(len(head))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 2)}"
    if comparison.totals:
        values = body[-1]
        sheet.append([])
        sheet.append([neutralize(v) for v in values])
        r = sheet.max_row
        _style_values(sheet, r, comparison, comparison.totals.approx, values, lead)
        for cell in sheet[r]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="EEEEEE")
            cell.border = Border(top=Side(style="thin"))
        widths = [max(w, shown_width(v, j >= lead and is_rate(comparison.columns[j - lead])))
                  for j, (w, v) in enumerate(zip(widths, values, strict=True))]  # fmt: skip
    sheet.freeze_panes = f"{get_column_letter(lead + 1)}2"
    set_widths(sheet, widths, MAX_WIDTH)


def _style_values(sheet: Any, r: int, comparison: Comparison, approx: dict[str, list[str]], values: list[Any],
                  lead: int) -> None:  # fmt: skip
    for j, column in enumerate(comparison.columns, start=lead):
        if values[j] is not None:
            sheet.cell(row=r, column=j + 1).number_format = _format(values[j], is_rate(column), column in approx)


def _list_sheet(book: Any, section: Section) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(title=section.title[:31])
    sheet.append(section.head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in section.rows:
        sheet.append([neutralize(v) for v in row])
    widths = [max([cell_len(h)] + [shown_width(row[j], False) for row in section.rows])
              for j, h in enumerate(section.head)]  # fmt: skip
    sheet.freeze_panes = "A2"
    if section.rows:
        sheet.auto_filter.ref = sheet.dimensions
    set_widths(sheet, widths, MAX_WIDTH)


def write_xlsx(sheets: Sequence[tuple[str, Comparison]], path: Path, lang: str = "zh") -> None:
    """The workbook: one sheet per (name, comparison), then the lists of the first comparison and its notes."""
    from openpyxl import Workbook

    book = Workbook()
    for empty in list(book.worksheets):
        book.remove(empty)
    for name, comparison in sheets:
        _comparison_sheet(book, sheet_title(name, lang), comparison, lang)
    first = sheets[0][1]
    for section in sections(first, lang):
        if section.kind != "approx":  # shown by the cells' ≈, and said in the notes
            _list_sheet(book, section)
    notes = [line for line in footer(first, lang) if line.startswith(APPROX_MARK)] + first.notes
    if notes:
        sheet = book.create_sheet(title="说明" if lang == "zh" else "notes")
        for line in notes:
            sheet.append([neutralize(line)])
        set_widths(sheet, [max(cell_len(n) for n in notes)], MAX_WIDTH)
    book.save(str(path))
