"""Bounds on what a document may make govdisc build: table grids are capped by a cell budget per document."""

from __future__ import annotations

from govdisc.model import ReadError

#: Grid cells (spanned positions included) one document's tables may hold in all; a table whose spans or
#: rows × columns would take the total past this makes the file unreadable rather than fill the memory.
MAX_CELLS = 4_000_000


class CellBudget:
    """The grid cells a document has left; :meth:`charge` raises ReadError once they run out."""

    def __init__(self, limit: int = MAX_CELLS) -> None:
        self.limit = limit
        self.used = 0

    def charge(self, cells: int, rows: int, columns: int) -> None:
        """Count ``cells`` more grid cells of a table of ``rows`` × ``columns``."""
        self.used += cells
        if self.used > self.limit:
            raise ReadError(
                f"tables too large: a table of {rows:,} rows × {columns:,} columns takes the document past "
                f"{self.limit:,} grid cells (inflated spans?)"
            )
