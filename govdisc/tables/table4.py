"""Table 4 — 行政复议、行政诉讼 — mapped to ``review.*``, ``litigation_direct.*``, ``litigation_after_review.*``."""

from __future__ import annotations

import re

from govdisc.metrics.review import COLUMNS, GROUPS, HEADER

from .cells import parse_cell
from .found import TableFindings
from .rows import Row, alignments

WIDTH = len(GROUPS) * len(COLUMNS)
_HEADER = re.compile(HEADER)
#: How many rows the header of table 4 may take (a header cell a line: three groups, fifteen columns).
HEADER_SPAN = 24
LOOK_AHEAD = 12 + HEADER_SPAN


def _is_header(rows: list[Row], i: int) -> bool:
    """Whether row ``i`` starts the header of table 4: 行政复议 with 行政诉讼 or a column word after it."""
    text = rows[i].key_text
    if any(c.strip() for c in rows[i].cells) or "行政复议" not in text:
        return False
    after = text.replace("行政复议", "", 1)
    if not _HEADER.search(after):
        after += "".join(r.key_text for r in rows[i + 1 : i + 1 + HEADER_SPAN] if not r.cells)
    return _HEADER.search(after) is not None


def read_table4(rows: list[Row], found: TableFindings) -> None:
    """Put the fifteen cells of table 4 into ``found``: the first row of fifteen values after its header."""
    for i in range(len(rows)):
        if not _is_header(rows, i):
            continue
        following = rows[i + 1 : i + 1 + LOOK_AHEAD]
        for k, candidate in enumerate(following):
            if len(candidate.cells) >= WIDTH:
                seen = candidate.at_width(WIDTH)
                cells = _balanced(alignments(seen.cells, WIDTH, seen.blanks_shown))
                if cells is None:
                    found.warnings.append(f"table 4: a row of {len(candidate.cells)} values for {WIDTH} columns; "
                                          "which are its cells is not certain, left out")  # fmt: skip
                    return
                found.tables.add("table4")
                _put(found, cells, candidate.page)
                return
            if candidate.cells and not candidate.label:
                wrapped = _wrapped(following[k:])
                if wrapped is not None:
                    found.tables.add("table4")
                    _put(found, wrapped, candidate.page)
                    return


def _balanced(options: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The one reading of a row's cells; of several, the one reading where each group's 总计 is the sum of
    its results (a printed 总计 that is off, or several such readings, leave the row unread)."""
    if len(options) <= 1:
        return options[0] if options else None
    n = len(COLUMNS)

    def balances(cells: tuple[str, ...]) -> bool:
        values = [v for c in cells if (v := parse_cell(c).value) is not None]
        if len(values) < len(cells):
            return False
        groups = [values[g * n : (g + 1) * n] for g in range(len(GROUPS))]
        return all(abs(sum(group[:-1]) - group[-1]) < 1e-6 for group in groups)

    kept = [cells for cells in options if balances(cells)]
    return kept[0] if len(kept) == 1 else None


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
