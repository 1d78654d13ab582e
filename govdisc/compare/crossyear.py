"""Figures that must carry over from one year's report to the next of the same agency."""

from __future__ import annotations

from collections.abc import Sequence

from govdisc.metrics import CARRY_OVER, label
from govdisc.model import Check, Record

from .agencies import agency_key, display_names


def cross_year_checks(records: Sequence[Record]) -> list[Check]:
    """Compare each agency's consecutive years: 上年结转 = last year's 结转下年度, 现行有效 = last + 制发 − 废止."""
    by_agency: dict[str, dict[int, Record]] = {}
    names = display_names(list(records))
    for r in records:
        if r.agency and r.year is not None:
            by_agency.setdefault(names[agency_key(r)], {})[r.year] = r
    checks: list[Check] = []
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
                checks.append(
                    Check(carry.id, status, said if status == "passed" else f"{said} (differs by {got - expected:g})")
                )
    return checks
