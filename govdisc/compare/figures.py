"""What ``compare`` can show: metric presets, derived figures and their change on last year.

A derived figure (:data:`govdisc.metrics.DERIVED`, defined with the family it belongs to) is a
formula over counts. Over several records (a region, the 合计 row) a count or a derived count is the
sum over exactly the records that report it, and a rate is recomputed from the summed counts of
the records that have all its parts — never an average of rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from govdisc.choices import choose
from govdisc.metrics import DERIVED, LABELS
from govdisc.metrics import label as metric_label
from govdisc.metrics.schema import Counts, ratio
from govdisc.model import Record

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


def sum_counts(counted: Iterable[Mapping[str, float]]) -> dict[str, float]:
    """Key by key, the sum of what each reports (a key none reports stays absent)."""
    counts: dict[str, float] = {}
    for each in counted:
        for key, value in each.items():
            counts[key] = counts.get(key, 0) + value
    return counts


def figure(column: str, members: Sequence[Counts]) -> float | None:
    """A column (not a change on last year) over several records' counts.

    A count, or a derived count, is summed over the records that have it; a rate is computed from the
    summed counts of the records whose own rate can be computed (they have every part).
    """
    if column in DERIVED and DERIVED[column].rate:
        having = [m for m in members if value_of(column, m) is not None]
        return value_of(column, sum_counts(having)) if having else None
    got = [v for v in (value_of(column, m) for m in members) if v is not None]
    return sum(got) if got else None


def depends_on(column: str, counts: Counts) -> set[str]:
    """The reported keys a column's value for these counts is computed from."""
    base = column[len(YOY_PREFIX) :] if column.startswith(YOY_PREFIX) else column
    if base not in DERIVED:
        return {base} if base in counts else set()
    value = DERIVED[base].compute(counts)
    if value is None:
        return set()
    big = sum(abs(v) for v in counts.values()) + 1
    return {k for k in counts if DERIVED[base].compute({**counts, k: counts[k] + big}) != value}


def approximate(column: str, records: Iterable[Record]) -> list[str]:
    """The qualifiers (近, 余, 超, 约) of the approximate figures that go into a column over these records."""
    marks: list[str] = []
    for record in records:
        if value_of(column, record.metrics) is None:
            continue
        for key in sorted(depends_on(column, record.metrics)):
            evidence = record.evidence.get(key)
            if evidence is not None and evidence.approx and evidence.approx not in marks:
                marks.append(evidence.approx)
    return marks


def _spellings() -> dict[str, str]:
    """Every name a column is accepted by: its id, and its header in Chinese and in English."""
    names: dict[str, str] = {}
    bases = [*LABELS, *DERIVED]
    for base in bases:
        for column in (base, YOY_PREFIX + base):
            names[column] = column
            for lang in ("zh", "en"):
                names.setdefault(column_label(column, lang), column)
    return names


#: Every accepted spelling of a column → its id.
SPELLINGS = _spellings()
#: How the columns are named in an error: the short forms.
COLUMN_FORMS = (*DERIVED, "yoy.<column>", "any metric key of RECORD.md", "or a header as shown")


def column_id(name: str, what: str = "column", shown: Sequence[str] = ()) -> str:
    """The column ``name`` stands for (an id, or a header as shown in either language).

    Raises :class:`govdisc.choices.ChoiceError` for a name that is no column, with the nearest names
    and the forms a column takes (``shown``: the columns on screen, listed first).
    """
    return choose(name.strip(), SPELLINGS, what, listed=[*shown, *COLUMN_FORMS])
