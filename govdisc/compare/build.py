"""Lining records up: one row per agency (and year), filters, grouping by region, totals, coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from govdisc.metrics import ordered
from govdisc.metrics.schema import ratio
from govdisc.model import Record

from .agencies import agency_key, display_names, name_key, near_misses
from .crossyear import CrossYear, cross_year
from .figures import DERIVED, PRESETS, YOY_PREFIX, approximate, figure, sum_counts

GROUP_LEVELS = ("province", "city", "county")
UNKNOWN_REGION = "(地区不详)"


@dataclass
class Filters:
    """Which records to compare."""

    years: Sequence[int] = ()
    doc_types: Sequence[str] = ()
    agency: str | None = None

    def keep(self, record: Record) -> bool:
        return (
            (not self.years or record.year in self.years)
            and (not self.doc_types or record.doc_type in self.doc_types)
            and (not self.agency or self.agency in (record.agency or ""))
        )


@dataclass
class Entry:
    """One row of the comparison: an agency or region, a year, its documents, the values of its columns.

    ``counts`` are the documents' counts summed key by key; ``values`` the shown value of each column
    (None: not reported); ``approx`` the columns whose value includes an approximate figure (近500,
    1490余), each with the qualifiers found.
    """

    name: str
    year: int | None
    counts: dict[str, float]
    members: int = 1
    values: dict[str, float | None] = field(default_factory=dict)
    approx: dict[str, list[str]] = field(default_factory=dict)
    records: list[Record] = field(default_factory=list, repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data: name, year, documents, values by column id, approximate columns."""
        values = {c: _plain(v) for c, v in self.values.items()}
        return {"name": self.name, "year": self.year, "documents": self.members, "values": values,
                "approx": dict(self.approx)}  # fmt: skip


#: A row of :func:`govdisc.compare`'s result.
Row = Entry


def _plain(value: float | None) -> float | int | None:
    return int(value) if value is not None and float(value).is_integer() else value


@dataclass
class Comparison:
    """Everything a renderer needs; iterating over it gives its rows."""

    columns: list[str]
    rows: list[Entry]
    totals: Entry | None
    by_year: bool
    missing: dict[int | None, list[str]] = field(default_factory=dict)
    near: dict[int | None, dict[str, list[str]]] = field(default_factory=dict)
    cross_year: list[CrossYear] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


def columns_for(records: Sequence[Record], preset: str | None, metrics: Sequence[str] | None) -> list[str]:
    """The columns to show: the keys asked for, a preset's, or (``all``) every metric present and every derived one."""
    if metrics:
        return list(metrics)
    if preset == "all":
        return [*ordered(k for r in records for k in r.metrics), *DERIVED]
    return list(PRESETS[preset or "summary"])


def dedupe(records: Iterable[Record]) -> tuple[list[Record], list[str]]:
    """One record per agency and year: the one with most figures (the same report in html and pdf)."""
    best: dict[tuple[str, int | None], Record] = {}
    notes = []
    for r in records:
        key = (agency_key(r), r.year)
        old = best.get(key)
        if old is not None:
            keep = r if len(r.metrics) > len(old.metrics) else old
            notes.append(f"{r.agency} {key[1] or ''}: two documents ({old.file}, {r.file}); kept {keep.file}")
            best[key] = keep
        else:
            best[key] = r
    return list(best.values()), notes


def _group_name(record: Record, level: str | None, names: dict[str, str]) -> str:
    if level is None:
        return names[agency_key(record)]
    from govdisc.region import region_key, resolve

    region = record.region or resolve(record.agency, record.title or "")
    return region_key(region, level) or UNKNOWN_REGION


def _fill(entry: Entry, columns: Sequence[str], last: Entry | None) -> None:
    """The values of ``entry``'s columns over its records (``last``: the same name's previous year)."""
    counts = [r.metrics for r in entry.records]
    for column in columns:
        if column.startswith(YOY_PREFIX):
            base = column[len(YOY_PREFIX) :]
            before = figure(base, [r.metrics for r in last.records]) if last else None
            now = figure(base, counts)
            entry.values[column] = None if now is None or before is None else ratio(now - before, before)
            marks = approximate(base, [*entry.records, *(last.records if last else [])])
        else:
            entry.values[column] = figure(column, counts)
            marks = approximate(column, entry.records)
        if marks and entry.values[column] is not None:
            entry.approx[column] = marks


def build(
    records: Sequence[Record],
    columns: Sequence[str],
    filters: Filters | None = None,
    group_by: str | None = None,
    sort: str | None = None,
    desc: bool = False,
    top: int | None = None,
    expect: Sequence[str] = (),
) -> Comparison:
    """The comparison of ``records`` over ``columns`` (ids: see :func:`govdisc.compare.figures.column_id`)."""
    chosen = [r for r in records if (filters or Filters()).keep(r)]
    chosen, notes = dedupe(chosen)
    years = {r.year for r in chosen}
    by_year = len(years) > 1
    groups: dict[tuple[str, int | None], list[Record]] = defaultdict(list)
    names = display_names(chosen)
    for r in chosen:
        groups[(_group_name(r, group_by, names), r.year if by_year else None)].append(r)
    rows = [
        Entry(name, year, sum_counts(m.metrics for m in members), len(members), records=members)
        for (name, year), members in groups.items()
    ]
    index = {(row.name, row.year): row for row in rows}
    for row in rows:
        _fill(row, columns, index.get((row.name, row.year - 1)) if row.year is not None else None)
    rows.sort(key=lambda row: (row.name, row.year or 0))
    if sort:

        def key(row: Entry) -> float | None:
            return row.values[sort] if sort in row.values else figure(sort, [r.metrics for r in row.records])

        present = [r for r in rows if key(r) is not None]
        absent = [r for r in rows if key(r) is None]
        present.sort(key=lambda r: key(r) or 0, reverse=desc)
        rows = present + absent
    if top:
        rows = rows[:top]
    counted = [r for row in rows for r in row.records]
    totals = Entry("合计", None, sum_counts(r.metrics for r in counted), len(counted), records=counted)
    _fill(totals, columns, None)  # a change on last year has no total
    missing, near = coverage(chosen, expect, (filters or Filters()).years) if expect else ({}, {})
    return Comparison(
        columns=list(columns),
        rows=rows,
        totals=totals if rows else None,
        by_year=by_year,
        missing=missing,
        near=near,
        cross_year=cross_year(chosen),
        notes=notes,
    )


def coverage(
    records: Sequence[Record], expected: Sequence[str], years: Sequence[int] = ()
) -> tuple[dict[int | None, list[str]], dict[int | None, dict[str, list[str]]]]:
    """Expected agencies that have no record, and for each the bodies with a record it may have meant.

    A roster name matches a record of the same identity as de-duplication uses (region code + the rest
    of the name): 淮安市洪泽区人民政府 is matched by a report of 洪泽区人民政府, 上海市人民政府 is not by one
    of 上海市人民政府办公厅. With ``years`` (``--year``), one list per year asked for; otherwise one list
    (key None) of the agencies with no record in any year present.
    """
    missing: dict[int | None, list[str]] = {}
    near: dict[int | None, dict[str, list[str]]] = {}
    asked: list[int | None] = [*years] if years else [None]
    for year in asked:
        present = [r for r in records if year is None or r.year == year]
        reported = display_names(present)
        lacking = [e for e in expected if name_key(e) not in reported]
        missing[year] = lacking
        close = {e: found for e in lacking if (found := near_misses(e, reported))}
        if close:
            near[year] = close
    return missing, near
