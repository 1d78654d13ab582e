"""Administrative reconsideration and litigation: table 4 of both templates, and its prose.

Keys are ``review.<c>``, ``litigation_direct.<c>`` and ``litigation_after_review.<c>``;
prose without the table's split fills ``review.total`` and ``litigation.total`` (both kinds of
litigation together).
"""

from __future__ import annotations

from typing import Any

from govdisc.numbers import NUMBER

from .schema import Concept, Counts, Derived, Identity, ProseRule, Term, concept, count, ratio, total, values, zero
from .vocabulary import CASES, COUNT_ROW, LINK, NONE, NONE_CAUSED, NONE_SHORT, NUMBERED

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

#: A sentence, the one before it or its section heading about open government information.
_ABOUT_DISCLOSURE = r"信息公开|依申请"
#: No office faces a hundred thousand reconsiderations or lawsuits over information in a year.
CASES_LIMIT = 10**5
#: The keys of the reconsideration group: a result (结果维持6件) is read right after one of them.
_REVIEW = tuple(f"review.{c.key}" for c in COLUMNS)
_UPHELD = r"(?:结果)?(?:予以|被|决定)?维持(?:原(?:具体)?行政行为|原决定|原答复|结果)?(?:的)?"
_PENDING = r"(?:尚未审结|未审结|尚未办结|正在审理中?|审理中)(?:的)?"
#: A reconsideration and its results in one sentence, as a district office writes them.
_REVIEW_RESULTS = "全年共收到行政复议1件，维持结果1件，尚未办结0件；未经复议直接诉讼0件，复议后诉讼0件。"
#: A real statement of litigation split as table 4 splits it (a reconsideration first, for the topic).
_LITIGATION_SPLIT = (
    "2023年我局因政府信息公开被行政复议7件。2023年度收到诉讼为3件,其中未经复议直接起诉2件,均尚未审结。"
    "复议后起诉1件,结果维持。"
)
#: Reconsideration and litigation named together without 行政 (相关行政复议、诉讼情况; 未发生…复议、诉讼).
_BOTH = r"复议[、和及与或](?:行政)?诉讼"
#: After 未发生行政复议: an outcome that did not happen (未发生行政复议被纠错案件, 未发生行政复议、诉讼被纠错的)
#: says nothing of how many cases there were.
_NOT_AN_OUTCOME = (
    r"(?!(?:[、和及与或](?:行政)?(?:诉讼|复议)(?:案件)?)?[^，。；,;]{0,3}(?:纠错|纠正|败诉|撤销|确认违法))"
)


#: Reconsideration and litigation counted together (被申请行政复议、提起行政诉讼的案件0件): a figure of
#: neither, unless it is zero, which is a zero of both.
_BOTH_COUNTED = (
    r"(?:(?:行政)?复议[、和及与或](?:被)?(?:提起)?(?:行政)?诉讼|(?:行政)?诉讼[、和及与或](?:被)?(?:申请)?(?:行政)?复议)"
    rf"(?:的)?(?:案件)?(?:数量|数)?{LINK}(?:均)?(?:为)?(?=[0零]\s*{CASES})"
)


def _both_zero(key: str) -> ProseRule:
    """Reconsideration and litigation stated together as zero: ``key`` is zero."""
    return count(
        key,
        rf"{_BOTH_COUNTED}{NUMBER}",
        {
            "因政府信息公开被申请行政复议、行政诉讼数量为0件。": 0,
            "全年发生因政府信息公开而被申请行政复议、提起行政诉讼的案件0件。": 0,
        },
        needs=_ABOUT_DISCLOSURE,
    )


def _case_count(key: str, cue: str, reads: dict[str, int | float], **kw: Any) -> Concept:
    """A count of cases about information: its statements must agree; bounded by :data:`CASES_LIMIT`."""
    kw.setdefault("topic", _ABOUT_DISCLOSURE)
    return concept(key, cue, reads, units=CASES, agree=True, limit=CASES_LIMIT, **kw)


PROSE = (
    _case_count(
        "review.total",
        r"(?:行政复议|信息公开复议|复议申请|复议案件)(?:案件|申请)?(?:数量|数)?",
        reads={
            "2022年市政府办公室收到政府信息公开34件,均为自然人申请,全部已办结。"
            "申请人行政复议1件(被省政府认为答复并无不当,判定维持)。": 1,
            "因政府信息公开被申请行政复议0件、被提起行政诉讼0件。": 0,
            "2023年我局因政府信息公开被行政复议7件,其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。": 7,
            "全年答复办理政府信息公开申请56件,其中涉及行政复议4件,被纠错2件;": 4,
            "处理与省政府有关的信息公开复议19件、行政诉讼案件18件": 19,
        },
        rejects=("行政复议决定维持2件,无纠正。",),
    ),
    _case_count(
        "review.total",
        r"(?:发生|收到|涉及|受理)(?:了)?",
        reads={"其中,发生1起有关政府信息公开的行政复议案件,该案件至本报告发布之时尚未审结。": 1},
        rejects=("2024年,市府办共收到106件信息公开申请,比去年同期增加12件",),
        then=r"[^，。；,;\d]{0,14}?行政复议(?:案件|申请)?(?![^，。；,;]{0,3}(?:纠错|纠正|败诉|撤销|决定))",
    ),
    _case_count(
        "litigation.total",
        r"(?<!败)(?<!胜)(?:行政诉讼|诉讼案件|(?:收到|提起|发生|涉及|被提起)(?:行政)?诉讼)(?:案件)?(?:数量|数)?",
        reads={
            "因政府信息公开被申请行政复议0件、被提起行政诉讼0件。": 0,
            "因政府信息公开引起的行政诉讼案件2件,驳回诉请的2件。": 2,
            _LITIGATION_SPLIT: 3,
        },
        rejects=("涉及行政诉讼3件,败诉0件。",),
        unless=r"败诉|胜诉",
    ),
    _case_count(
        "review.upheld",
        _UPHELD,
        reads={
            "2023年我局因政府信息公开被行政复议7件,其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。": 6,
            f"全年受理依申请信息公开21件。{_REVIEW_RESULTS}": 1,
        },
        rejects=("行政复议决定维持2件,无纠正。",),
        after=_REVIEW,
    ),
    _case_count(
        "review.upheld",
        rf"(?:均|全部|都)?{_UPHELD}",
        reads={"因政府信息公开引起的行政复议案件5件,均予以维持。": 5},
        rejects=("因政府信息公开引起的行政诉讼案件2件,驳回诉请的2件。",),
        after=("review.total",),
        takes_previous=True,
    ),
    _case_count(
        "review.corrected",
        r"(?:结果)?(?:被)?(?:纠正|纠错)(?:的)?",
        reads={
            "2023年我局因政府信息公开被行政复议7件,其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。": 0,
            "全年答复办理政府信息公开申请56件,其中涉及行政复议4件,被纠错2件;": 2,
        },
        after=_REVIEW,
    ),
    _case_count(
        "review.other",
        r"其他结果(?:的)?",
        reads={"2023年我局因政府信息公开被行政复议7件,其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。": 0},
        after=_REVIEW,
    ),
    _case_count(
        "review.pending",
        _PENDING,
        reads={
            "2023年我局因政府信息公开被行政复议7件,其中结果维持6件、结果纠正0件、其他结果0件、尚未审结1件。": 1,
            f"全年受理依申请信息公开21件。{_REVIEW_RESULTS}": 0,
        },
        after=_REVIEW,
    ),
    _case_count(
        "review.pending",
        rf"(?:均|全部|都|该案件?)?[^，。；,;\d]{{0,12}}?(?:{_PENDING}|(?:正在|尚在|仍在)办理中?)",
        reads={
            "其中,发生1起有关政府信息公开的行政复议案件,该案件至本报告发布之时尚未审结。": 1,
            "信息公开类行政复议1起,正在办理中。": 1,
        },
        rejects=("因政府信息公开引起的行政复议案件5件,均予以维持。",),
        after=("review.total",),
        takes_previous=True,
    ),
    _case_count(
        "litigation_direct.total",
        r"未经复议直接(?:起诉|(?:提起)?(?:行政)?诉讼)(?:的)?(?:案件)?",
        reads={_LITIGATION_SPLIT: 2, f"全年受理依申请信息公开21件。{_REVIEW_RESULTS}": 0},
    ),
    _case_count(
        "litigation_direct.pending",
        rf"(?:均|全部|都){_PENDING}",
        reads={_LITIGATION_SPLIT: 2},
        after=("litigation_direct.total",),
        takes_previous=True,
    ),
    _case_count(
        "litigation_after_review.total",
        r"复议后(?:起诉|(?:提起)?(?:行政)?诉讼)(?:的)?(?:案件)?",
        reads={_LITIGATION_SPLIT: 1, f"全年受理依申请信息公开21件。{_REVIEW_RESULTS}": 0},
    ),
    _case_count(
        "litigation_after_review.upheld",
        rf"(?:均|全部|都)?{_UPHELD}",
        reads={_LITIGATION_SPLIT: 1},
        after=("litigation_after_review.total",),
        takes_previous=True,
    ),
    zero(
        "review.total",
        rf"(?:{NONE}|{NONE_CAUSED})[^，。；,;\d]{{0,25}}?(?:行政复议|(?:行政)?诉讼[或和及与、](?:行政)?复议|{_BOTH}){_NOT_AN_OUTCOME}",
        reads=(
            "没有发生信息公开行政复议事项,没有信息公开行政诉讼案件",
            "全年未发生因政府信息公开引起的行政复议和行政诉讼。",
            "无因政府信息公开问题被提起行政诉讼或复议情况。",
            "2010年,未产生针对我局政府信息公开的行政复议与行政诉讼。",
        ),
        rejects=("对未经复议直接起诉的案件进行统计。",),
    ),
    zero(
        "litigation.total",
        rf"(?:{NONE}|{NONE_CAUSED})[^，。；,;\d]{{0,30}}?(?:行政诉讼|{_BOTH}){_NOT_AN_OUTCOME}",
        reads=(
            "没有发生信息公开行政复议事项,没有信息公开行政诉讼案件",
            "本年度我局没有因政府信息公开导致申请行政复议、提起行政诉讼的情况。",
            "无因政府信息公开问题被提起行政诉讼或复议情况。",
        ),
    ),
    _both_zero("review.total"),
    _both_zero("litigation.total"),
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
#: A whole that prose states only by its parts (未经复议直接诉讼0件，复议后诉讼0件): their sum.
PROSE_SUMS = {"litigation.total": LITIGATION}


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
