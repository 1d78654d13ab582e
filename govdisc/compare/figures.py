"""What ``compare`` can show: metric presets, derived figures and their change on last year.

A derived figure (:data:`govdisc.metrics.DERIVED`, defined with the family it belongs to) is a
formula over counts. Rates are computed from the counts of the row they stand in — for a group
of agencies, from the summed counts, never by averaging rates.
"""

from __future__ import annotations

from govdisc.metrics import DERIVED
from govdisc.metrics import label as metric_label
from govdisc.metrics.schema import Counts, ratio

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
        return None if now is None or before is None else ratio(now - before, before)
    if column in DERIVED:
        return DERIVED[column].compute(counts)
    return counts.get(column)
