"""Figures that must carry over from one year's report to the next of the same agency."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govdisc.metrics import CARRY_OVER, label
from govdisc.model import Check, Record

from .agencies import agency_key, display_names


@dataclass(frozen=True)
class CrossYear:
    """One carry-over check of one agency's year: the figure it reports and the one last year's report implies."""

    agency: str
    year: int
    key: str
    value: float
    expected: float
    check: Check

    @property
    def id(self) -> str:
        return self.check.id

    @property
    def status(self) -> str:
        return self.check.status

    @property
    def ok(self) -> bool:
        return self.check.ok

    @property
    def message(self) -> str:
        return self.check.message

    def to_dict(self) -> dict[str, object]:
        return {**self.check.to_dict(), "agency": self.agency, "year": self.year, "key": self.key,
                "value": self.value, "expected": self.expected}  # fmt: skip


def cross_year(records: Sequence[Record]) -> list[CrossYear]:
    """Compare each agency's consecutive years: 上年结转 = last year's 结转下年度, 现行有效 = last + 制发 − 废止."""
    by_agency: dict[str, dict[int, Record]] = {}
    names = display_names(list(records))
    for r in records:
        if r.agency and r.year is not None:
            by_agency.setdefault(names[agency_key(r)], {})[r.year] = r
    found: list[CrossYear] = []
    for agency, years in sorted(by_agency.items()):
        for year in sorted(years):
            last = years.get(year - 1)
            if last is None:
                continue
            now = years[year]
            for carry in CARRY_OVER:
                terms = [(k, last) for k in carry.last] + [(k, now) for k in (*carry.plus, *carry.minus)]
                if carry.key not in now.metrics or any(k not in rec.metrics for k, rec in terms):
                    continue
                expected = (
                    sum(last.metrics[k] for k in carry.last)
                    + sum(now.metrics[k] for k in carry.plus)
                    - sum(now.metrics[k] for k in carry.minus)
                )
                got = now.metrics[carry.key]
                said = f"{agency} {year}: {label(carry.key)} {got:g}; from {year - 1}: {expected:g}"
                status = "passed" if abs(got - expected) < 1e-6 else "failed"
                message = said if status == "passed" else f"{said} (differs by {got - expected:g})"
                found.append(CrossYear(agency, year, carry.key, got, expected, Check(carry.id, status, message)))
    return found


def cross_year_checks(records: Sequence[Record]) -> list[Check]:
    """The checks of :func:`cross_year`, as ``govdisc check`` lists them."""
    return [each.check for each in cross_year(records)]
