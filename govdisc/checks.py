"""Consistency checks: the identities the standard tables must satisfy, and prose against tables.

Each identity is data in the catalogue (:data:`govdisc.metrics.IDENTITIES`) — an id, the keys on
each side, and how to say it — so that a report that does not add up is named with the identity
that broke and the column it broke in.
"""

from __future__ import annotations

from collections.abc import Mapping

from govdisc.metrics import IDENTITIES, PROSE_VS_TABLE, label
from govdisc.metrics.schema import Identity
from govdisc.model import Check, Record
from govdisc.parse import Found
from govdisc.tables import TableFindings


def term_name(identity: Identity, key: str) -> str:
    """A term's short label in this identity (``自然人``, ``本年新收申请``), else the catalogue's label."""
    return identity.labels.get(key) or label(key)


def _side(identity: Identity, keys: tuple[str, ...], metrics: Mapping[str, float]) -> str:
    said = " + ".join(f"{term_name(identity, k)} {metrics[k]:g}" for k in keys)
    return said if len(keys) == 1 else f"{said} = {sum(metrics[k] for k in keys):g}"


def check_identity(identity: Identity, metrics: Mapping[str, float], blank: set[str]) -> Check | None:
    """Run one identity; None when the table it concerns is not in the record at all."""
    terms = identity.left + identity.right
    if not any(k in metrics for k in terms):
        return None
    missing = [k for k in terms if k not in metrics and k not in identity.optional]
    if missing:
        shown = "、".join(term_name(identity, k) for k in missing[:4])
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
