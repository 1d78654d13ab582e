"""Statistics tables of reports before 2019 (申请总数, 同意公开, 信息不存在 …).

Their shapes vary from body to body; only rows whose label means exactly what a RECORD.md key
means are read, each with a single value (``申请总数 | 件 | 24``). Rows such as 非本机关职责
or 当面申请 have no such key and are left out.
"""

from __future__ import annotations

from govdisc.metrics import PRE2019_ROWS
from govdisc.metrics.schema import first_term

from .cells import parse_cell
from .found import TableFindings
from .rows import Row


def read_pre2019(rows: list[Row], found: TableFindings) -> None:
    """Put the rows of a pre-2019 table that have a RECORD key into ``found`` (never over a newer table)."""
    if found.tables:
        return
    for row in rows:
        if len(row.cells) != 1:
            continue
        term = first_term(row.key_text, PRE2019_ROWS)
        cell = parse_cell(row.cells[0])
        if term and cell.value is not None and not cell.blank:
            found.put(term.key, cell, row.label, "数量", row.page)
