"""Administrative reconsideration and litigation: table 4 of both templates, and its prose.

Keys are ``review.<c>``, ``litigation_direct.<c>`` and ``litigation_after_review.<c>``;
prose without the table's split fills ``review.total`` and ``litigation.total`` (both kinds of
litigation together).
"""

from __future__ import annotations

from .schema import Counts, Derived, Identity, Term, count, ratio, total, values, zero
from .vocabulary import CASES, COUNT_ROW, LINK, NONE, NONE_SHORT, NUMBERED, N

#: The three groups of table 4, in the order the forms print them.
GROUPS = (
    Term("review", "行政复议", "administrative review"),
    Term("litigation_direct", "未经复议直接起诉", "litigation without review"),
    Term("litigation_after_review", "复议后起诉", "litigation after review"),
)
#: The five columns of each group, in the order the forms print them.
COLUMNS = (
    Term("upheld", "结果维持", "upheld"),
    Term("corrected", "结果纠正", "corrected"),
    Term("other", "其他结果", "other result"),
    Term("pending", "尚未审结", "pending"),
    Term("total", "总计", "total"),
)
#: Header words that mark table 4 (besides 行政复议).
HEADER = r"行政复议|行政诉讼|复议后起诉|结果维持"

KEYS = {
    **{f"{g.key}.{c.key}": (f"{g.zh}-{c.zh}", f"{g.en}: {c.en}") for g in GROUPS for c in COLUMNS},
    "litigation.total": ("行政诉讼总计", "litigation, total"),
}
#: Keys only prose states (table 4 splits litigation in two).
PROSE_ONLY = ("litigation.total",)
#: Litigation of both kinds, as table 4 splits it.
LITIGATION = ("litigation_direct.total", "litigation_after_review.total")

PROSE = (
    count(
        "review.total",
        rf"(?:行政复议|复议申请|复议案件)(?:案件|申请)?{LINK}{N}{CASES}",
        reads={
            "申请人行政复议1件(被省政府认为答复并无不当,判定维持)。": 1,
            "行政复议案件2起": 2,
            "因政府信息公开被申请行政复议0件、被提起行政诉讼0件。": 0,
        },
    ),
    count(
        "litigation.total",
        rf"(?:行政诉讼|诉讼案件)(?:案件)?{LINK}{N}{CASES}",
        reads={"行政诉讼1件": 1, "诉讼案件2起": 2, "因政府信息公开被申请行政复议0件、被提起行政诉讼0件。": 0},
        rejects=("行政诉讼败诉0件。",),
    ),
    zero(
        "review.total",
        rf"{NONE}[^，。；,;\d]{{0,25}}?行政复议",
        reads=(
            "没有发生信息公开行政复议事项,没有信息公开行政诉讼案件",
            "全年未发生因政府信息公开引起的行政复议和行政诉讼。",
        ),
        rejects=("对未经复议直接起诉的案件进行统计。",),
    ),
    zero(
        "litigation.total",
        rf"{NONE}[^，。；,;\d]{{0,30}}?行政诉讼",
        reads=(
            "没有发生信息公开行政复议事项,没有信息公开行政诉讼案件",
            "本年度我局没有因政府信息公开导致申请行政复议、提起行政诉讼的情况。",
        ),
    ),
    zero("review.total", rf"{NONE_SHORT}(?:信息公开)?行政复议", reads=("全年无行政复议、行政诉讼案件。",)),
    zero(
        "litigation.total",
        rf"{NONE_SHORT}(?:信息公开)?(?:行政复议[和、及与])?行政诉讼",
        reads=("全年无行政复议、行政诉讼案件。",),
    ),
)


#: Rows of the tables before 2019 that mean exactly one of these keys, each with one value.
PRE2019_ROWS = (
    Term("review.total", printed=rf"{NUMBERED}(?:因政府信息公开)?(?:申请)?行政复议{COUNT_ROW}",
         examples=("三、因政府信息公开申请行政复议数",)),
    Term("litigation.total", printed=rf"{NUMBERED}(?:因政府信息公开)?(?:提起)?行政诉讼{COUNT_ROW}",
         examples=("四、因政府信息公开提起行政诉讼数",)),
)  # fmt: skip


def _identities() -> tuple[Identity, ...]:
    out = []
    for g in GROUPS:
        names = tuple((f"{g.key}.{c.key}", c.zh) for c in COLUMNS)
        parts = tuple(f"{g.key}.{c.key}" for c in COLUMNS[:-1])
        out.append(Identity(f"table4.{g.key}", f"table 4, {g.zh}", (f"{g.key}.total",), parts, names=names))
    return tuple(out)


#: Each group's 总计 is the sum of its four results.
IDENTITIES = _identities()
#: Prose counts checked against the table cells that state the same thing.
PROSE_VS_TABLE = {"review.total": ("review.total",), "litigation.total": LITIGATION}


def _review_correction_rate(c: Counts) -> float | None:
    v = values(c, "review.corrected", "review.total", "review.pending")
    return None if v is None else ratio(v[0], v[1] - v[2])


def _litigation_all(c: Counts) -> float | None:
    return c["litigation.total"] if "litigation.total" in c else total(c, LITIGATION)


DERIVED = (
    Derived("review_correction_rate", "复议纠错率", "reconsideration correction rate",
            "行政复议结果纠正 / (行政复议总计 − 尚未审结)", _review_correction_rate),
    Derived("litigation_all", "行政诉讼合计", "litigation, total",
            "行政诉讼总计, or 未经复议直接起诉总计 + 复议后起诉总计", _litigation_all, rate=False),
)  # fmt: skip
