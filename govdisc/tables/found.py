"""What the table readers find: cell values with their evidence, and notes on what they left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from govdisc.model import Evidence

from .cells import Cell

#: How an empty cell is shown in evidence.
EMPTY = "空白"
#: The tables' names as the warnings say them.
TABLE_NAMES = {"table2": "table 2 (主动公开政府信息情况)", "table3": "table 3 (收到和处理政府信息公开申请情况)",
               "table4": "table 4 (行政复议、行政诉讼)"}  # fmt: skip


@dataclass
class TableFindings:
    """Metrics read from tables, the cells they came from, and what could not be read."""

    metrics: dict[str, int | float] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    blank: set[str] = field(default_factory=set)  # keys reported as 0 from an empty cell or a mark
    warnings: list[str] = field(default_factory=list)
    tables: set[str] = field(default_factory=set)  # which tables were found: "table2", "table3", "table4"

    def put(self, key: str, cell: Cell, row_label: str, column_label: str, page: int | None) -> bool:
        """Record one cell (the first reading of a key wins); False when the cell is not a number."""
        if cell.value is None or key in self.metrics:
            return False
        shown = cell.printed if not cell.blank else f"{cell.printed or EMPTY} → 0"
        text = f"{row_label} × {column_label}: {shown}"
        self.metrics[key] = cell.value
        self.evidence[key] = Evidence("table", text, page)
        if cell.blank:
            self.blank.add(key)
        return True

    def derive(self, key: str, parts: list[str], row_label: str, column_label: str, page: int | None) -> None:
        """An empty total cell whose parts hold figures: the sum of its parts, marked derived."""
        value = sum(self.metrics[p] for p in parts)
        self.metrics[key] = value
        self.evidence[key] = Evidence("table", f"{row_label} × {column_label}: {EMPTY}, 由各项相加 = {value}", page,
                                      derived=True)  # fmt: skip
        self.blank.add(key)

    def printed_blank(self, table: str) -> None:
        """Say that ``table`` is in the document but holds no figure (a form left blank)."""
        said = f"{TABLE_NAMES[table]} was printed blank (no cell holds a figure); nothing read from it"
        if said not in self.warnings:
            self.warnings.append(said)
