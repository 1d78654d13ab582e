"""Lining records up: one row per agency (and year), filters, grouping by region, totals, coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from govdisc.metrics import ordered
from govdisc.model import Check, Record

from .agencies import agency_key, display_names
from .crossyear import cross_year_checks
from .figures import DERIVED, PRESETS, YOY_PREFIX, value_of

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
    """One entry (a line) of the comparison: an agency or region, a year, the summed counts, the shown values."""

    name: str
    year: int | None
    counts: dict[str, float]
    members: int = 1
    values: dict[str, float | None] = field(default_factory=dict)


@dataclass
class Comparison:
    """Everything a renderer needs."""

    columns: list[str]
    rows: list[Entry]
    totals: Entry | None
    by_year: bool
    missing: dict[int | None, list[str]] = field(default_factory=dict)
    cross_year: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


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


def _sum_counts(counted: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Key by key, the sum of what each reports (a key none reports stays absent)."""
    counts: dict[str, float] = {}
    for each in counted:
        for key, value in each.items():
            counts[key] = counts.get(key, 0) + value
    return counts


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
    """The comparison of ``records`` over ``columns``."""
    chosen = [r for r in records if (filters or Filters()).keep(r)]
    chosen, notes = dedupe(chosen)
    years = {r.year for r in chosen}
    by_year = len(years) > 1
    groups: dict[tuple[str, int | None], list[Record]] = defaultdict(list)
    names = display_names(chosen)
    for r in chosen:
        groups[(_group_name(r, group_by, names), r.year if by_year else None)].append(r)
    rows = [
        Entry(name, year, _sum_counts(m.metrics for m in members), len(members))
        for (name, year), members in groups.items()
    ]
    index = {(row.name, row.year): row for row in rows}
    for row in rows:
        last = index.get((row.name, row.year - 1)) if row.year is not None else None
        row.values = {c: value_of(c, row.counts, last.counts if last else None) for c in columns}
    rows.sort(key=lambda row: (row.name, row.year or 0))
    if sort:
        present = [r for r in rows if r.values.get(sort, value_of(sort, r.counts)) is not None]
        absent = [r for r in rows if r not in present]
        present.sort(key=lambda r: r.values.get(sort, value_of(sort, r.counts)) or 0, reverse=desc)
        rows = present + absent
    if top:
        rows = rows[:top]
    totals = Entry("合计", None, _sum_counts(r.counts for r in rows), sum(r.members for r in rows))
    totals.values = {c: None if c.startswith(YOY_PREFIX) else value_of(c, totals.counts) for c in columns}
    return Comparison(
        columns=list(columns),
        rows=rows,
        totals=totals if rows else None,
        by_year=by_year,
        missing=coverage(chosen, expect, (filters or Filters()).years) if expect else {},
        cross_year=cross_year_checks(chosen),
        notes=notes,
    )


def coverage(
    records: Sequence[Record], expected: Sequence[str], years: Sequence[int] = ()
) -> dict[int | None, list[str]]:
    """Expected agencies (matched as substrings of agency names) that have no record.

    With ``years`` (``--year``), one list per year asked for; otherwise one list (key None) of the
    agencies with no record in any year present.
    """

    def lacking(names: list[str]) -> list[str]:
        return [e for e in expected if not any(e in n for n in names)]

    if not years:
        return {None: lacking([r.agency or "" for r in records])}
    return {y: lacking([r.agency or "" for r in records if r.year == y]) for y in years}
