"""The comparison as a rich table, CSV (Excel/WPS-friendly), JSON, Markdown or an xlsx workbook."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from pathlib import Path

from rich.table import Table as RichTable

from govdisc.output import BOM, NOT_REPORTED, rich_text

from .build import Comparison, Entry
from .figures import column_label, is_rate

#: What ``compare`` writes.
FORMATS = ("table", "csv", "json", "markdown", "xlsx")


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def shown(column: str, value: float | None) -> str:
    """A value as people read it: ``—`` when not reported, a percentage for rates."""
    if value is None:
        return NOT_REPORTED
    if is_rate(column):
        return f"{value * 100:.1f}%"
    number = _number(value)
    return f"{number:,}" if isinstance(number, int) else f"{number:,.2f}"


def _first_columns(comparison: Comparison, lang: str) -> list[str]:
    name = "机关/地区" if lang == "zh" else "agency / region"
    return [name, "年度" if lang == "zh" else "year"] if comparison.by_year else [name]


def _ident(comparison: Comparison, row: Entry) -> list[str]:
    return [row.name, str(row.year or "")] if comparison.by_year else [row.name]


def _footer(comparison: Comparison, lang: str) -> list[str]:
    lines = []
    for year, names in comparison.missing.items():
        if names:
            when = f"{year}年" if year else ""
            lines.append(f"{when}未见报告 ({len(names)}): {'、'.join(names)}" if lang == "zh" else
                         f"no report{f' for {year}' if year else ''} ({len(names)}): {', '.join(names)}")  # fmt: skip
    for check in comparison.cross_year:
        if not check.ok:
            lines.append(f"跨年核对不符: {check.message}" if lang == "zh" else f"cross-year: {check.message}")
    return lines


def to_rich(comparison: Comparison, lang: str = "zh") -> RichTable:
    """A rich table: numbers right-aligned, ``—`` for not reported, a totals row."""
    missing = sum(len(v) for v in comparison.missing.values())
    caption = "\n".join(_footer(comparison, lang)) or None
    table = RichTable(show_footer=comparison.totals is not None, caption=caption, caption_justify="left")
    totals = comparison.totals
    for i, head in enumerate(_first_columns(comparison, lang)):
        foot = ("合计" if lang == "zh" else "total") if i == 0 else ""
        if i == 0 and missing:
            foot += f" ({'未见报告' if lang == 'zh' else 'missing'} {missing})"
        table.add_column(head, footer=foot if totals else "")
    for column in comparison.columns:
        foot = shown(column, totals.values.get(column)) if totals else ""
        table.add_column(column_label(column, lang), justify="right", footer=foot)
    for row in comparison.rows:
        table.add_row(*_ident(comparison, row), *(shown(c, row.values.get(c)) for c in comparison.columns))
    return table


def to_text(comparison: Comparison, lang: str = "zh", width: int = 200) -> str:
    return rich_text(to_rich(comparison, lang), width)


def _records(comparison: Comparison, lang: str) -> tuple[list[str], list[list[str | float | int | None]]]:
    head = [*_first_columns(comparison, lang), *(column_label(c, lang) for c in comparison.columns)]
    body = [[*_ident(comparison, r), *(_number(r.values.get(c)) for c in comparison.columns)] for r in comparison.rows]
    if comparison.totals:
        t = comparison.totals
        body.append([("合计" if lang == "zh" else "total"), *([""] if comparison.by_year else []),
                     *(_number(t.values.get(c)) for c in comparison.columns)])  # fmt: skip
    return head, body


def to_csv(comparison: Comparison, lang: str = "zh", bom: bool = True) -> str:
    """CSV, UTF-8 with BOM by default; not reported is an empty cell; rates as fractions."""
    head, body = _records(comparison, lang)
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([["" if v is None else v for v in row] for row in body])
    return buf.getvalue()


def to_json(comparison: Comparison, lang: str = "zh") -> str:
    """JSON: rows keyed by column id, null for not reported, plus totals, coverage and cross-year checks."""

    def row_dict(row: Entry) -> dict[str, object]:
        return {"name": row.name, "year": row.year, "documents": row.members,
                "values": {c: _number(row.values.get(c)) for c in comparison.columns}}  # fmt: skip

    data = {
        "columns": [{"id": c, "label": column_label(c, lang), "rate": is_rate(c)} for c in comparison.columns],
        "rows": [row_dict(r) for r in comparison.rows],
        "totals": row_dict(comparison.totals) if comparison.totals else None,
        "missing": {str(k): v for k, v in comparison.missing.items()},
        "cross_year": [c.to_dict() for c in comparison.cross_year],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_markdown(comparison: Comparison, lang: str = "zh") -> str:
    """A Markdown table (numbers right-aligned), ``—`` for not reported."""
    head = [*_first_columns(comparison, lang), *(column_label(c, lang) for c in comparison.columns)]
    lead = len(head) - len(comparison.columns)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * lead + "---:|" * len(comparison.columns)]
    rows = list(comparison.rows) + ([comparison.totals] if comparison.totals else [])
    for row in rows:
        ident = _ident(comparison, row) if row is not comparison.totals else [row.name, *([""] * (lead - 1))]
        cells = [*ident, *(shown(c, row.values.get(c)) for c in comparison.columns)]
        lines.append("| " + " | ".join(cells) + " |")
    lines.extend(f"\n{line}" for line in _footer(comparison, lang))
    return "\n".join(lines) + "\n"


def write_xlsx(sheets: Sequence[tuple[str, Comparison]], path: Path, lang: str = "zh") -> None:
    """An xlsx workbook, one sheet per comparison: header frozen, numbers stored as numbers, rates as %."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    for empty in list(book.worksheets):
        book.remove(empty)
    for title, comparison in sheets:
        sheet = book.create_sheet(title=title[:31])
        head, body = _records(comparison, lang)
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        lead = len(head) - len(comparison.columns)
        for row in body:
            sheet.append([None if v == "" and i >= lead else v for i, v in enumerate(row)])
        for j, column in enumerate(comparison.columns, start=lead + 1):
            if is_rate(column):
                for (cell,) in sheet.iter_rows(min_row=2, min_col=j, max_col=j):
                    cell.number_format = "0.0%"
        sheet.freeze_panes = "A2"
    notes = [line for _, comparison in sheets[:1] for line in _footer(comparison, lang)]
    if notes:
        sheet = book.create_sheet(title="notes")
        for line in notes:
            sheet.append([line])
    book.save(str(path))
