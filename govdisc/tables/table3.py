"""Table 3 — 收到和处理政府信息公开申请情况 — mapped to ``requests.<row>.<column>``.

Rows are found by the meaning of their labels (:data:`govdisc.metrics.requests.ROWS`), in
whatever form the table came; a row whose own label is missing or garbled takes the label
pieces printed just above it (wrapped labels) or, failing that, just below it.
"""

from __future__ import annotations

from govdisc.metrics.requests import COLUMNS, OUTCOMES, ROWS, key
from govdisc.metrics.schema import first_term

from .cells import Cell, parse_cell
from .found import EMPTY, TableFindings
from .rows import Row, fit, zeros_only

WIDTH = len(COLUMNS)


def row_key(text: str) -> str | None:
    """The row of table 3 a printed label names."""
    term = first_term(text, ROWS)
    return term.key if term else None


def _region(rows: list[Row]) -> list[Row]:
    """The rows of table 3: from its 本年新收 row to the 结转下年度 row.

    A table whose start is not in the text (a page of a longer document) starts at its first
    complete row: a label of table 3 with a value for each column.
    """
    start = next((i for i, r in enumerate(rows) if row_key(r.key_text) == "received"), None)
    if start is None:
        start = next((i for i, r in enumerate(rows) if row_key(r.key_text) and fit(r, WIDTH)), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(rows)) if row_key(rows[i].key_text) == "carried_forward"),
               min(len(rows) - 1, start + 60))  # fmt: skip
    if not rows[end].cells and end + 1 < len(rows) and rows[end + 1].cells and not rows[end + 1].label:
        end += 1  # the label stands on its own line, its values below it
    return rows[start : end + 1]


def _label_for(region: list[Row], i: int, taken: set[int]) -> tuple[str | None, str]:
    """The row key and printed label of value row ``i``.

    Its own label first; then with the label pieces printed above it (a wrapped label), below
    it, or on both sides (pdftotext prints the numbers on the middle line of a wrapped label).
    """
    row = region[i]
    before: list[int] = []
    j = i - 1
    while j >= 0 and not region[j].cells and j not in taken and len(before) < 3:
        before.insert(0, j)
        j -= 1
    after: list[int] = []
    j = i + 1
    while j < len(region) and not region[j].cells and len(after) < 2:
        after.append(j)
        j += 1
    tries: list[list[int]] = [[]] + [before[k:] for k in range(len(before) - 1, -1, -1)]
    tries += [after[: k + 1] for k in range(len(after))]
    tries += [before + after[: k + 1] for k in range(len(after))] if before else []
    for pieces in tries:
        up = [k for k in pieces if k < i]
        down = [k for k in pieces if k > i]
        text = "".join(region[k].key_text for k in up) + row.key_text + "".join(region[k].key_text for k in down)
        if named := row_key(text):
            taken.update(pieces)
            printed = " ".join(region[k].label for k in [*up, i, *down] if region[k].label)
            return named, printed
    return None, row.label


def read_table3(rows: list[Row], found: TableFindings) -> None:
    """Put every readable cell of table 3 into ``found``."""
    region = _region(rows)
    if not region:
        return
    if not any(row.cells for row in region):
        if sum(row_key(row.key_text) is not None for row in region) >= 3:
            found.printed_blank("table3")  # its rows are there, with no cell after them
        return
    found.tables.add("table3")
    taken: set[int] = set()
    last = max(i for i, row in enumerate(region) if row.cells)
    totals: dict[str, tuple[str, Row]] = {}  # short rows whose last value is the sum of the others
    for i, row in enumerate(region):
        if not row.cells:
            continue
        row_name, label = _label_for(region, i, taken)
        if row_name is None:
            found.warnings.append(
                f"table 3: a row with values but no label that could be read was left out: {row.cells}"
            )
            continue
        row = row.at_width(WIDTH)
        cells = fit(row, WIDTH) or row.cells
        if len(cells) > WIDTH:
            found.warnings.append(f"table 3: row {label!r} has {len(row.cells)} values for {WIDTH} columns; "
                                  "which are its cells is not certain, left out")  # fmt: skip
            continue
        if len(cells) < WIDTH and i < last and zeros_only(row):
            found.warnings.append(f"table 3: row {label!r} printed {len(row.cells)} values, all 0, for {WIDTH} "
                                  "columns (its blank cells left no trace): every cell read as 0")  # fmt: skip
            cells = ("",) * WIDTH
        if len(cells) < WIDTH:
            if row_total(row) is not None and row_name not in totals:
                totals[row_name] = (label, row)
                continue
            found.warnings.append(f"table 3: row {label!r} has {len(row.cells)} values for {WIDTH} columns; left out")
            continue
        if any(key(row_name, col.key) in found.metrics for col in COLUMNS):
            found.warnings.append(f"table 3: row {label!r} read twice; the first reading is kept")
            continue
        _put_row(found, row_name, label, cells, row.page)
    _put_balanced_totals(found, totals)
    _derive_processed_total(found)


def row_total(row: Row) -> int | float | None:
    """The 总计 of a short row of text where blank cells leave no trace, when its last value is the sum
    of the others (总计 is the last column of the form); None otherwise."""
    if row.blanks_shown or len(row.cells) < 2:
        return None
    values = [v for c in row.cells if (v := parse_cell(c).value) is not None]
    if len(values) < len(row.cells):
        return None
    *parts, last = values
    return last if abs(sum(parts) - last) < 1e-6 and last else None


#: The rows of the 总计 column's balance: 新收 + 上年结转 = 办理结果总计 + 结转下年度.
_BALANCE = (("received", "carried_over"), ("processed_total", "carried_forward"))


def _put_balanced_totals(found: TableFindings, totals: dict[str, tuple[str, Row]]) -> None:
    """Put the 总计 of short rows (:func:`row_total`) only where the 总计 column then balances.

    A row whose blank cells left no trace cannot be placed column by column, but its last value
    is its 总计 when it is the sum of the others; the balance of the column confirms the reading.
    """
    if not totals:
        return
    value: dict[str, int | float] = {}
    for row in (*_BALANCE[0], *_BALANCE[1]):
        got = found.metrics.get(key(row, "total"))
        if got is None and row in totals:
            got = row_total(totals[row][1])
        if got is not None:
            value[row] = got
    if len(value) == 4 and abs(sum(value[r] for r in _BALANCE[0]) - sum(value[r] for r in _BALANCE[1])) < 1e-6:
        for row, (label, r) in totals.items():
            total = row_total(r)
            if row in value and total is not None and key(row, "total") not in found.metrics:
                shown = f"{total:g}（该行印出 {len(r.cells)} 个数，空白格未显示；末数等于其余之和）"
                found.put(key(row, "total"), Cell(shown, total), label, COLUMNS[-1].zh, r.page)
        found.warnings.append("table 3: rows whose blank cells left no trace give only their 总计 (the last value, "
                              "the sum of the others), read because the 总计 column balances")  # fmt: skip
        return
    for row, (label, r) in totals.items():
        if key(row, "total") not in found.metrics:
            found.warnings.append(f"table 3: row {label!r} has {len(r.cells)} values for {WIDTH} columns; left out")


def _put_row(found: TableFindings, row: str, label: str, cells: tuple[str, ...], page: int | None) -> None:
    parsed = [parse_cell(c) for c in cells]
    total_blank = parsed[-1].blank and parsed[-1].printed == ""
    parts_filled = any(not p.blank for p in parsed[:-1])
    for col, cell in zip(COLUMNS, parsed, strict=True):
        metric = key(row, col.key)
        if col.key == "total" and total_blank and parts_filled:
            parts = [key(row, c.key) for c in COLUMNS[:-1]]
            if all(p in found.metrics for p in parts):
                found.derive(metric, parts, label, col.zh, page)
            continue
        if not found.put(metric, cell, label, col.zh, page):
            found.warnings.append(f"table 3: {label} × {col.zh}: {cell.printed!r} is not a number; left out")


def _derive_processed_total(found: TableFindings) -> None:
    """An empty （七）总计 cell whose outcome rows hold figures: the sum of those rows.

    The row's own 总计, when it too was empty, is then summed again from the filled-in cells.
    """
    for col in COLUMNS:
        metric = key("processed_total", col.key)
        ev = found.evidence.get(metric)
        if ev is None:
            continue
        if col.key == "total" and ev.derived:
            parts = [key("processed_total", c.key) for c in COLUMNS[:-1]]
            if all(p in found.metrics for p in parts):
                found.derive(metric, parts, "（七）总计", col.zh, ev.page)
            continue
        if ev.derived or not ev.text.endswith(f"{EMPTY} → 0"):
            continue
        parts = [key(row, col.key) for row in OUTCOMES if key(row, col.key) in found.metrics]
        if any(found.metrics[p] for p in parts):
            found.derive(metric, parts, "（七）总计", col.zh, ev.page)
