"""The standard statistics tables of annual reports, read from every form they come in."""

from __future__ import annotations

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
    read_pre2019(rows, found)
    return found
