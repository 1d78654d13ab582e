"""Table 4 — 行政复议、行政诉讼 — mapped to ``review.*``, ``litigation_direct.*``, ``litigation_after_review.*``."""

from __future__ import annotations

import re

from govdisc.metrics.review import COLUMNS, GROUPS, HEADER

from .cells import parse_cell
from .found import TableFindings
from .rows import Row

WIDTH = len(GROUPS) * len(COLUMNS)
_HEADER = re.compile(HEADER)
LOOK_AHEAD = 12


def read_table4(rows: list[Row], found: TableFindings) -> None:
    """Put the fifteen cells of table 4 into ``found``: the first row of fifteen values after its header."""
    for i, row in enumerate(rows):
        if row.cells or not ("行政复议" in row.key_text and _HEADER.search(row.key_text.replace("行政复议", "", 1))):
            continue
        following = rows[i + 1 : i + 1 + LOOK_AHEAD]
        for k, candidate in enumerate(following):
            if len(candidate.cells) >= WIDTH:
                found.tables.add("table4")
                _put(found, candidate.cells[-WIDTH:], candidate.page)
                return
            if candidate.cells and not candidate.label:
                cells = _wrapped(following[k:])
                if cells is not None:
                    found.tables.add("table4")
                    _put(found, cells, candidate.page)
                    return


def _wrapped(rows: list[Row]) -> tuple[str, ...] | None:
    """Fifteen values printed over consecutive unlabelled lines (a wide row that text layout wrapped)."""
    cells: tuple[str, ...] = ()
    for row in rows:
        if row.label or not row.cells:
            break
        cells += row.cells
        if len(cells) >= WIDTH:
            return cells if len(cells) == WIDTH else None
    return None


def _put(found: TableFindings, cells: tuple[str, ...], page: int | None) -> None:
    parsed = [parse_cell(c) for c in cells]
    n = len(COLUMNS)
    for g, group in enumerate(GROUPS):
        chunk = parsed[g * n : (g + 1) * n]
        total_blank = chunk[-1].blank and chunk[-1].printed == ""
        for col, cell in zip(COLUMNS, chunk, strict=True):
            key = f"{group.key}.{col.key}"
            if col.key == "total" and total_blank and any(not c.blank for c in chunk[:-1]):
                found.derive(key, [f"{group.key}.{c.key}" for c in COLUMNS[:-1]], group.zh, col.zh, page)
            elif not found.put(key, cell, group.zh, col.zh, page):
                found.warnings.append(f"table 4: {group.zh} × {col.zh}: {cell.printed!r} is not a number; left out")
