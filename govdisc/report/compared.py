"""What the report takes from ``govdisc compare``: the one place it touches compare's functions.

The report's comparison, its CSV and xlsx are compare's own (``govdisc compare … -f csv`` and
``-o x.xlsx`` with the same records and options write the same), so they are built here and only here.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from govdisc.compare import DERIVED, Comparison, Filters, build, columns_for
from govdisc.compare.agencies import agency_key, display_names
from govdisc.compare.build import coverage, dedupe
from govdisc.compare.crossyear import cross_year_checks
from govdisc.compare.figures import YOY_PREFIX, column_label, is_rate, value_of
from govdisc.compare.render import shown, to_csv
from govdisc.compare.workbook import write_xlsx
from govdisc.model import Check, Record

#: The preset the comparison shows (compare's default).
PRESET = "summary"
#: The key figures the charts rank.
RANKED = ("requests.received.total", "disclosure_rate", "review_correction_rate")

__all__ = [
    "DERIVED",
    "PRESET",
    "RANKED",
    "YOY_PREFIX",
    "Compared",
    "column_label",
    "comparison",
    "cross_year",
    "group_totals",
    "is_rate",
    "missing",
    "shown",
    "value_of",
]


@dataclass
class Compared:
    """Compare's comparison of the records, with the records behind each of its rows."""

    comparison: Comparison
    chart: Comparison  # the same rows over :data:`RANKED`
    records: dict[tuple[str, int | None], Record]
    csv: str
    xlsx: bytes


def comparison(records: Sequence[Record], filters: Filters, expect: Sequence[str], lang: str) -> Compared:
    """``govdisc compare`` of ``records`` (preset summary), its CSV (with BOM) and xlsx, and each row's record."""
    main = build(records, columns_for(records, PRESET, None), filters, expect=expect)
    chart = build(records, list(RANKED), filters)
    kept, _ = dedupe([r for r in records if filters.keep(r)])
    names = display_names(kept)
    behind = {(names[agency_key(r)], r.year if main.by_year else None): r for r in kept}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "comparison.xlsx"
        write_xlsx([(PRESET, main)], path, lang)
        xlsx = path.read_bytes()
    return Compared(main, chart, behind, to_csv(main, lang), xlsx)


def group_totals(records: Sequence[Record], filters: Filters, level: str, column: str) -> list[tuple[str, float]]:
    """Each region's total of ``column`` (compare ``--group-by``), largest first; regions not reporting it left out."""
    grouped = build(records, [column], filters, level)
    got = [(f"{e.name} {e.year}" if e.year else e.name, e.values.get(column)) for e in grouped.rows]
    return sorted(((n, v) for n, v in got if v is not None), key=lambda p: -p[1])


def missing(records: Sequence[Record], expect: Sequence[str], years: Sequence[int]) -> dict[int | None, list[str]]:
    """Roster names with no record, per year (compare's coverage, matched by identity)."""
    return coverage(records, expect, years)[0]


def cross_year(records: Sequence[Record], filters: Filters) -> tuple[list[Check], dict[str, dict[int, Record]]]:
    """Compare's cross-year checks of the records kept, and each agency's records by year they speak of."""
    kept, _ = dedupe([r for r in records if filters.keep(r)])
    names = display_names(kept)
    by_agency: dict[str, dict[int, Record]] = {}
    for r in kept:
        if r.agency and r.year is not None:
            by_agency.setdefault(names[agency_key(r)], {})[r.year] = r
    return cross_year_checks(kept), by_agency
