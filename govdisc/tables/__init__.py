"""The standard statistics tables of annual reports, read from every form they come in."""

from __future__ import annotations

from govdisc.metrics import TABLE_KEYS
from govdisc.model import Block

from .found import TableFindings
from .pre2019 import read_pre2019
from .rows import Row, rows_from_blocks
from .table2 import read_table2
from .table3 import read_table3
from .table4 import read_table4

__all__ = ["Row", "TableFindings", "read_tables", "rows_from_blocks"]


def read_tables(blocks: list[Block]) -> TableFindings:
    """Tables 2, 3 and 4 of one document."""
    rows = rows_from_blocks(blocks)
    found = TableFindings()
    read_table2(rows, found)
    read_table3(rows, found)
    read_table4(rows, found)
    drop_blank_tables(found)
    read_pre2019(rows, found)
    return found


def drop_blank_tables(found: TableFindings) -> None:
    """A table that holds no figure at all — every cell empty or a mark such as ``/`` — gives no keys.

    Blank cells are 0 only inside a table that has figures (RECORD.md); a form circulated empty,
    or a table a report left blank, says nothing, and a warning says which table was printed blank.
    """
    for table, keys in TABLE_KEYS.items():
        read = [k for k in found.metrics if k in keys]
        if read and all(k in found.blank for k in read):
            for k in read:
                del found.metrics[k]
                del found.evidence[k]
                found.blank.discard(k)
            found.tables.discard(table)
            found.printed_blank(table)
