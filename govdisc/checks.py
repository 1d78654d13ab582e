"""Consistency checks: the identities the standard tables must satisfy, and prose against tables.

Each identity is data — an id, the keys on each side, and how to say it — so that a report
that does not add up is named with the identity that broke and the column it broke in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from govdisc.keys import REQUEST_ROWS, label
from govdisc.model import Check, Record
from govdisc.parse import Found
from govdisc.tables import TableFindings
from govdisc.tables.labels import TABLE3_COLUMNS, TABLE3_OUTCOMES, TABLE4_COLUMNS, TABLE4_GROUPS

#: Outcome rows a table may leave out without the sum being incomplete (2019 has no （六） sub-rows).
OPTIONAL_OUTCOMES = ("other.no_correction", "other.unpaid_fee")


@dataclass(frozen=True)
class Identity:
    """``sum(left) == sum(right)``, for the part of a table named by ``where``."""

    id: str
    where: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    optional: tuple[str, ...] = ()  # terms that may be absent without stopping the check
    names: tuple[tuple[str, str], ...] = ()  # term → its short label in this identity

    def name(self, key: str) -> str:
        return dict(self.names).get(key) or label(key)


def _identities() -> tuple[Identity, ...]:
    out: list[Identity] = []
    rows = ("received", "carried_over", *TABLE3_OUTCOMES, "processed_total", "carried_forward")
    for col, col_label in TABLE3_COLUMNS:
        names = tuple((f"requests.{row}.{col}", REQUEST_ROWS[row][0]) for row in rows)
        r = f"requests.{{}}.{col}".format
        where = f"table 3, column {col_label}"
        out.append(Identity(f"table3.balance.{col}", where, (r("received"), r("carried_over")),
                            (r("processed_total"), r("carried_forward")), names=names))  # fmt: skip
        out.append(Identity(f"table3.outcomes.{col}", where, (r("processed_total"),),
                            tuple(r(row) for row in TABLE3_OUTCOMES),
                            tuple(r(row) for row in OPTIONAL_OUTCOMES), names))  # fmt: skip
    for row in rows:
        names = tuple((f"requests.{row}.{col}", col_label) for col, col_label in TABLE3_COLUMNS)
        parts = tuple(f"requests.{row}.{col}" for col, _ in TABLE3_COLUMNS[:-1])
        out.append(Identity(f"table3.total.{row}", f"table 3, row {REQUEST_ROWS[row][0]}",
                            (f"requests.{row}.total",), parts, names=names))  # fmt: skip
    for group, group_label in TABLE4_GROUPS:
        names = tuple((f"{group}.{col}", col_label) for col, col_label in TABLE4_COLUMNS)
        parts = tuple(f"{group}.{col}" for col, _ in TABLE4_COLUMNS[:-1])
        out.append(Identity(f"table4.{group}", f"table 4, {group_label}", (f"{group}.total",), parts, names=names))
    return tuple(out)


IDENTITIES = _identities()
#: Prose counts checked against the table cell that states the same thing.
PROSE_VS_TABLE = {
    "requests.received.total": ("requests.received.total",),
    "requests.carried_over.total": ("requests.carried_over.total",),
    "requests.carried_forward.total": ("requests.carried_forward.total",),
    "requests.granted.total": ("requests.granted.total",),
    "requests.partial.total": ("requests.partial.total",),
    "review.total": ("review.total",),
    "litigation.total": ("litigation_direct.total", "litigation_after_review.total"),
}


def _side(identity: Identity, keys: tuple[str, ...], metrics: Mapping[str, float]) -> str:
    said = " + ".join(f"{identity.name(k)} {metrics[k]:g}" for k in keys)
    return said if len(keys) == 1 else f"{said} = {sum(metrics[k] for k in keys):g}"


def check_identity(identity: Identity, metrics: Mapping[str, float], blank: set[str]) -> Check | None:
    """Run one identity; None when the table it concerns is not in the record at all."""
    terms = identity.left + identity.right
    present = [k for k in terms if k in metrics]
    if not present:
        return None
    missing = [k for k in terms if k not in metrics and k not in identity.optional]
    if missing:
        shown = "、".join(identity.name(k) for k in missing[:4])
        return Check(identity.id, "not_run", f"{identity.where}: cannot check, cells missing ({shown})")
    left = tuple(k for k in identity.left if k in metrics)
    right = tuple(k for k in identity.right if k in metrics)
    a, b = sum(metrics[k] for k in left), sum(metrics[k] for k in right)
    if abs(a - b) < 1e-6:
        return Check(identity.id, "passed", f"{identity.where}: {_side(identity, left, metrics)} = "
                                            f"{_side(identity, right, metrics)}")  # fmt: skip
    short = left if a < b else right  # a blank cell on the short side may hide what is missing
    status = "doubtful" if any(k in blank for k in short) else "failed"
    said = f"{identity.where}: {_side(identity, left, metrics)} ≠ {_side(identity, right, metrics)}"
    return Check(identity.id, status, f"{said} (off by {abs(a - b):g})")


def run_checks(record: Record, tables: TableFindings, prose: Mapping[str, Found]) -> list[Check]:
    """Every identity of the tables the record has, then prose against tables."""
    checks = [c for i in IDENTITIES if (c := check_identity(i, tables.metrics, tables.blank)) is not None]
    for key, cells in PROSE_VS_TABLE.items():
        if key not in prose or not all(c in tables.metrics for c in cells):
            continue
        stated = prose[key].quantity
        value = sum(tables.metrics[c] for c in cells)
        said = f"prose says {stated.approx or ''}{stated.value:g} ({prose[key].evidence.text}); table says {value:g}"
        if stated.approx or abs(stated.value - value) < 1e-6:
            checks.append(Check(f"prose.{key}", "passed", said))
        else:
            status = "doubtful" if any(c in tables.blank for c in cells) else "failed"
            checks.append(Check(f"prose.{key}", status, said))
    return checks
