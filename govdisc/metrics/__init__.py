"""The metric catalogue: every key of RECORD.md, where it is read from, and what must hold of it.

One module per family, each holding its keys with their Chinese and English labels, the
labels of its table rows and columns, its prose rules (each with the examples it must read and
the false friends it must reject), the identities the checks use and what ``compare`` needs:

- :mod:`.disclosure` — proactive disclosure, table 2 (``rules.*``, ``licensing.*`` …);
- :mod:`.requests` — requests and how they were answered, table 3 and its prose (``requests.*``);
- :mod:`.review` — reconsideration and litigation, table 4 and its prose (``review.*``, ``litigation*``);
- :mod:`.counts` — counts stated only in prose (``published.*``, ``proposals.*``, ``fees.processing_yuan``).

The readers of tables and prose (``govdisc/tables``, ``govdisc/parse``) are machinery that takes
this catalogue as data.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import counts, disclosure, requests, review
from .schema import CarryOver, Derived, Identity, Rule, Term

FAMILIES = (disclosure, requests, review, counts)


def _labels() -> dict[str, tuple[str, str]]:
    """Every key → (Chinese, English) label, in RECORD.md's reading order."""
    published = {k: v for k, v in counts.KEYS.items() if k.startswith("published.")}
    tables = {k: v for k, v in review.KEYS.items() if k not in review.PROSE_ONLY}
    rest = {k: v for k, v in {**counts.KEYS, **review.KEYS}.items() if k not in published and k not in tables}
    return {**published, **requests.KEYS, **tables, **rest, **disclosure.KEYS}


#: Every metric key → (Chinese label, English label), in the order columns are shown.
LABELS = _labels()
KEY_ORDER = {key: i for i, key in enumerate(LABELS)}
#: Every prose rule of every family.
PROSE_RULES: tuple[Rule, ...] = (*counts.PROSE, *requests.PROSE, *review.PROSE, *disclosure.PROSE)
#: Rows of pre-2019 tables that mean exactly one key.
PRE2019_ROWS: tuple[Term, ...] = (*counts.PRE2019_ROWS, *requests.PRE2019_ROWS, *review.PRE2019_ROWS)
#: The identities of tables 3 and 4.
IDENTITIES: tuple[Identity, ...] = (*requests.IDENTITIES, *review.IDENTITIES)
#: Prose count → the table cells that state the same thing.
PROSE_VS_TABLE: dict[str, tuple[str, ...]] = {**requests.PROSE_VS_TABLE, **review.PROSE_VS_TABLE}
#: Whole → its parts, for wholes prose may state only by their parts.
PROSE_SUMS: dict[str, tuple[str, ...]] = {**review.PROSE_SUMS}
#: Figures that carry from one year's report to the next.
CARRY_OVER: tuple[CarryOver, ...] = (*requests.CARRY_OVER, *disclosure.CARRY_OVER)
#: Figures ``compare`` computes from counts, by id.
DERIVED: dict[str, Derived] = {d.id: d for d in (*requests.DERIVED, *review.DERIVED)}
#: The keys each standard table holds.
TABLE_KEYS: dict[str, frozenset[str]] = {
    "table2": frozenset(disclosure.KEYS),
    "table3": frozenset(requests.KEYS),
    "table4": frozenset(k for k in review.KEYS if k not in review.PROSE_ONLY),
}
#: Template → the patterns of keys only that template has.
TEMPLATE_KEYS: dict[str, tuple[str, ...]] = {
    template: tuple(f.TEMPLATE_KEYS[template] for f in (disclosure, requests) if template in f.TEMPLATE_KEYS)
    for template in ("2021", "2019")
}


def ordered(keys: Iterable[str]) -> list[str]:
    """Metric keys in RECORD.md's reading order; unknown keys after, alphabetically."""
    return sorted(set(keys), key=lambda k: (KEY_ORDER.get(k, len(KEY_ORDER)), k))


def label(key: str, lang: str = "zh") -> str:
    """The column label of a metric key (the key itself when it has none)."""
    pair = LABELS.get(key)
    return key if pair is None else pair[0 if lang == "zh" else 1]


__all__ = [
    "CARRY_OVER",
    "DERIVED",
    "FAMILIES",
    "IDENTITIES",
    "KEY_ORDER",
    "LABELS",
    "PRE2019_ROWS",
    "PROSE_RULES",
    "PROSE_SUMS",
    "PROSE_VS_TABLE",
    "TABLE_KEYS",
    "TEMPLATE_KEYS",
    "label",
    "ordered",
]
