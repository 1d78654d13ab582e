"""What ``compare`` can show: metric presets, and the figures users compute by hand, as data.

A derived figure is a formula over counts. Rates are computed from the counts of the row they
stand in — for a group of agencies, from the summed counts, never by averaging rates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from govdisc.keys import label as metric_label

Counts = Mapping[str, float]

_DENIED = tuple(f"requests.denied.{r}.total" for r in ("state_secret", "law_forbidden", "safety_stability",
                "third_party", "internal_affairs", "process_info", "enforcement_file", "inquiry"))  # fmt: skip


def _ratio(num: float | None, den: float | None) -> float | None:
    if num is None or den is None or den == 0:
        return None
    return round(num / den, 4)


def _get(counts: Counts, *keys: str) -> list[float] | None:
    values = [counts.get(k) for k in keys]
    return None if any(v is None for v in values) else values  # type: ignore[return-value]


def _sum(counts: Counts, keys: tuple[str, ...]) -> float | None:
    values = _get(counts, *keys)
    return None if values is None else sum(values)


def disclosure_rate(c: Counts) -> float | None:
    v = _get(c, "requests.granted.total", "requests.partial.total", "requests.processed_total.total")
    return None if v is None else _ratio(v[0] + v[1], v[2])


def refusal_rate(c: Counts) -> float | None:
    return _ratio(_sum(c, _DENIED), c.get("requests.processed_total.total"))


def legal_person_share(c: Counts) -> float | None:
    v = _get(c, "requests.received.total", "requests.received.natural_person")
    return None if v is None else _ratio(v[0] - v[1], v[0])


def review_correction_rate(c: Counts) -> float | None:
    v = _get(c, "review.corrected", "review.total", "review.pending")
    return None if v is None else _ratio(v[0], v[1] - v[2])


def litigation_total(c: Counts) -> float | None:
    if "litigation.total" in c:
        return c["litigation.total"]
    return _sum(c, ("litigation_direct.total", "litigation_after_review.total"))


@dataclass(frozen=True)
class Derived:
    """A figure computed from counts: its id, labels, formula as said in the docs, and the function."""

    id: str
    zh: str
    en: str
    formula: str
    compute: Callable[[Counts], float | None]
    rate: bool = True


DERIVED: dict[str, Derived] = {
    d.id: d
    for d in (
        Derived("disclosure_rate", "公开率", "disclosure rate",
                "(予以公开 + 部分公开) / 办理结果总计", disclosure_rate),
        Derived("refusal_rate", "不予公开率", "refusal rate", "不予公开 (8 项之和) / 办理结果总计", refusal_rate),
        Derived("legal_person_share", "法人或其他组织申请占比", "share of requests from legal persons",
                "(新收申请总计 − 自然人) / 新收申请总计", legal_person_share),
        Derived("review_correction_rate", "复议纠错率", "reconsideration correction rate",
                "行政复议结果纠正 / (行政复议总计 − 尚未审结)", review_correction_rate),
        Derived("denied_total", "不予公开合计", "denied, total", "不予公开 8 项之和",
                lambda c: _sum(c, _DENIED), rate=False),
        Derived("litigation_all", "行政诉讼合计", "litigation, total",
                "行政诉讼总计, or 未经复议直接起诉总计 + 复议后起诉总计", litigation_total, rate=False),
    )
}  # fmt: skip
YOY_PREFIX = "yoy."

PRESETS: dict[str, tuple[str, ...]] = {
    "summary": ("published.items", "requests.received.total", "requests.granted.total", "requests.partial.total",
                "disclosure_rate", "review.total", "litigation_all"),
    "published": ("published.items", "published.policy_interpretations", "published.press_conferences",
                  "published.responses", "proposals.npc", "proposals.cppcc", "yoy.published.items"),
    "requests": ("requests.received.total", "requests.received.natural_person", "requests.carried_over.total",
                 "requests.processed_total.total", "requests.carried_forward.total", "legal_person_share",
                 "yoy.requests.received.total"),
    "outcomes": ("requests.processed_total.total", "requests.granted.total", "requests.partial.total", "denied_total",
                 "requests.unable.not_held.total", "requests.not_processed.petition.total", "disclosure_rate",
                 "refusal_rate"),
    "litigation": ("review.upheld", "review.corrected", "review.other", "review.pending", "review.total",
                   "litigation_direct.total", "litigation_after_review.total", "litigation_all",
                   "review_correction_rate"),
}  # fmt: skip
PRESET_NAMES = (*PRESETS, "all")


def is_rate(column: str) -> bool:
    """Whether a column holds a ratio (shown as a percentage) rather than a count."""
    return column.startswith(YOY_PREFIX) or (column in DERIVED and DERIVED[column].rate)


def column_label(column: str, lang: str = "zh") -> str:
    """The header of a column: a metric's label, a derived figure's name, or 同比 of a metric."""
    if column.startswith(YOY_PREFIX):
        base = column_label(column[len(YOY_PREFIX) :], lang)
        return f"{base}同比" if lang == "zh" else f"{base}, change on last year"
    if column in DERIVED:
        return DERIVED[column].zh if lang == "zh" else DERIVED[column].en
    return metric_label(column, lang)


def value_of(column: str, counts: Counts, last_year: Counts | None = None) -> float | None:
    """The value of a column for one row's counts (``last_year``: the same agency's previous year)."""
    if column.startswith(YOY_PREFIX):
        base = column[len(YOY_PREFIX) :]
        if last_year is None:
            return None
        now, before = value_of(base, counts), value_of(base, last_year)
        return None if now is None or before is None else _ratio(now - before, before)
    if column in DERIVED:
        return DERIVED[column].compute(counts)
    return counts.get(column)
