"""The comparison as a table on a terminal of a given width: the name column kept readable, headers
wrapped, and the columns that do not fit left out with a note saying how to see them."""

from __future__ import annotations

from rich.table import Table as RichTable

from govdisc.output import rich_text
from govdisc.screen import HEADER_WIDTH, NAME_WIDTH, widest, wrap_header

from .build import Comparison
from .figures import column_label
from .render import cells, first_columns, footer, total_label

YEAR_WIDTH = 4


def to_rich(comparison: Comparison, lang: str = "zh", width: int | None = None) -> RichTable:
    """A rich table at most ``width`` cells wide (no limit when None): numbers right-aligned, ``—`` for not
    reported, a totals row; columns that do not fit are left out, and the caption says how many."""
    totals = comparison.totals
    rows = [cells(comparison, row) for row in comparison.rows]
    foot = cells(comparison, totals) if totals else ["" for _ in comparison.columns]
    missing = sum(len(v) for v in comparison.missing.values())
    name_foot = total_label(lang) if totals else ""
    if totals and missing:
        name_foot += f" ({'未见报告' if lang == 'zh' else 'missing'} {missing})"
    lead = first_columns(comparison, lang)
    names = [lead[0], name_foot, *(row.name for row in comparison.rows)]
    name_width = widest(names)
    if width is not None:
        name_width = min(name_width, max(NAME_WIDTH, width // 3))
    used = 1 + name_width + 3 + ((YEAR_WIDTH + 3) if comparison.by_year else 0)
    kept: list[tuple[int, str, int]] = []
    for j, column in enumerate(comparison.columns):
        values = [r[j] for r in rows] + [foot[j]]
        head = wrap_header(column_label(column, lang), max(HEADER_WIDTH, widest(values)))
        need = max(widest(values), widest([head]))
        if width is not None and used + need + 3 > width:
            break
        used += need + 3
        kept.append((j, head, need))
    dropped = len(comparison.columns) - len(kept)
    notes = footer(comparison, lang)
    if dropped:
        notes.insert(0, f"另有 {dropped} 列未显示: --metrics 选列, 或 -o x.xlsx 看全部" if lang == "zh" else
                     f"+{dropped} more: choose with --metrics, or all with -o x.xlsx")  # fmt: skip
    table = RichTable(show_footer=totals is not None, caption="\n".join(notes) or None, caption_justify="left")
    table.add_column(lead[0], footer=name_foot, width=name_width, overflow="fold")
    if comparison.by_year:
        table.add_column(wrap_header(lead[1], YEAR_WIDTH), footer="", width=YEAR_WIDTH, no_wrap=True)
    for j, head, need in kept:
        table.add_column(head, justify="right", footer=foot[j], width=need, no_wrap=True)
    for row, shown_cells in zip(comparison.rows, rows, strict=True):
        year = [str(row.year or "")] if comparison.by_year else []
        table.add_row(row.name, *year, *(shown_cells[j] for j, _, _ in kept))
    return table


def table_width(comparison: Comparison, lang: str = "zh") -> int:
    """How wide the whole table is, every column shown."""
    table = to_rich(comparison, lang)
    return 1 + sum((c.width or 0) + 3 for c in table.columns)


def to_text(comparison: Comparison, lang: str = "zh") -> str:
    """The whole table as plain text, every column shown (for ``-o x.txt``)."""
    return rich_text(to_rich(comparison, lang), max(table_width(comparison, lang), 80))
