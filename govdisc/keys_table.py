"""The record's vocabulary: every metric key and derived figure with its Chinese and English label.

What ``govdisc keys`` prints, from the catalogue itself (:data:`govdisc.metrics.LABELS` and
:data:`govdisc.metrics.DERIVED`), so the list is never out of date with what govdisc reports.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass

from govdisc.metrics import DERIVED, FAMILIES, LABELS

#: Family of a key: the catalogue module that defines it.
_FAMILY = {key: family.__name__.rsplit(".", 1)[-1] for family in FAMILIES for key in getattr(family, "KEYS", {})}


@dataclass(frozen=True)
class Key:
    """One key: a metric of the record (``kind`` "metric") or a figure compare computes ("derived")."""

    key: str
    kind: str
    zh: str
    en: str
    family: str
    formula: str = ""


def all_keys() -> list[Key]:
    """Every metric key in the order columns are shown, then every derived figure."""
    metrics = [Key(k, "metric", zh, en, _FAMILY.get(k, "")) for k, (zh, en) in LABELS.items()]
    derived = [Key(d.id, "derived", d.zh, d.en, "derived", d.formula) for d in DERIVED.values()]
    return [*metrics, *derived]


def to_csv(keys: list[Key], bom: bool = True) -> str:
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["key", "kind", "zh", "en", "family", "formula"])
    writer.writerows([k.key, k.kind, k.zh, k.en, k.family, k.formula] for k in keys)
    return buf.getvalue()


def to_json(keys: list[Key]) -> str:
    return json.dumps([asdict(k) for k in keys], ensure_ascii=False, indent=1) + "\n"


def to_rich(keys: list[Key]) -> object:
    """A rich table: key, Chinese label, English label, and the formula of a derived figure."""
    from rich.table import Table

    table = Table(header_style="bold")
    for name in ("key", "中文", "English", "formula"):
        table.add_column(name, overflow="fold")
    for k in keys:
        table.add_row(k.key, k.zh, k.en, k.formula)
    return table
