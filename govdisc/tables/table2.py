"""Table 2 — 主动公开政府信息情况 — mapped to ``rules.*``, ``normative_docs.*``, ``licensing.*`` …

Each block of the table has a header row naming its columns (本年制发件数, 上一年项目数量 …);
the rows below it name their subject (规章, 行政许可 …). Keys are ``<subject>.<field>``, kept
only when RECORD.md defines them.
"""

from __future__ import annotations

from govdisc.metrics.disclosure import FIELDS, KEYS, SUBJECTS
from govdisc.metrics.schema import first_term

from .cells import parse_cell
from .found import TableFindings
from .rows import Row


def header_fields(text: str) -> list[tuple[str, str]]:
    """The (field, printed label) columns a header row names, in printed order."""
    hits = []
    for term in FIELDS:
        if m := term.regex.search(text):
            hits.append((m.start(), term.key, m.group()))
    return [(key, printed) for _, key, printed in sorted(hits)]


def read_table2(rows: list[Row], found: TableFindings) -> None:
    """Put every readable cell of table 2 into ``found``."""
    fields: list[tuple[str, str]] = []
    for row in rows:
        if not row.cells:
            if row.key_text and (named := header_fields(row.key_text)):
                fields = named
            continue
        subject = first_term(row.key_text, SUBJECTS)
        if subject is None or not fields:
            continue
        found.tables.add("table2")
        cells = row.cells
        if len(cells) != len(fields):
            found.warnings.append(
                f"table 2: row {row.label!r} has {len(cells)} values for {len(fields)} columns; left out"
            )
            continue
        for (field, printed), text in zip(fields, cells, strict=True):
            key = f"{subject.key}.{field}"
            cell = parse_cell(text)
            if key not in KEYS or cell.value is None:
                continue
            if field == "amount_yuan" and cell.unit == "万元":
                cell = type(cell)(cell.printed, round(cell.value * 10_000, 2), cell.blank, "元")
            found.put(key, cell, row.label, printed, row.page)
