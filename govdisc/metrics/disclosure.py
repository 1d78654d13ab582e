"""Proactive disclosure: table 2 (主动公开政府信息情况) of the 2021 and the 2019 template.

Each block of the table names its columns in a header row (本年制发件数, 上一年项目数量 …) and
its subjects in the rows below (规章, 行政许可 …); keys are ``<subject>.<field>``, for the
pairs RECORD.md defines. Also here: what carries over from one year to the next.
"""

from __future__ import annotations

from typing import Any

from .schema import CarryOver, Concept, Term, concept
from .vocabulary import AUDIT, CUMULATIVE

#: A note in brackets after a subject (规章（县级无此项）).
_NOTE = r"(?:[（(][^）)]{0,20}[）)])?$"
#: The subjects (row labels) of table 2.
SUBJECTS = (
    Term("rules", "规章", "rules", rf"^规章{_NOTE}", ("规章", "规章（县级无此项）")),
    Term("normative_docs", "规范性文件", "normative documents", rf"^(?:行政)?规范性文件{_NOTE}",
         ("行政规范性文件", "规范性文件")),
    Term("licensing", "行政许可", "licensing", rf"^行政许可{_NOTE}", ("行政许可",)),
    Term("other_services", "其他对外管理服务", "other services", rf"^其他对外管理服务事项{_NOTE}",
         ("其他对外管理服务事项",)),
    Term("penalty", "行政处罚", "penalties", rf"^行政处罚{_NOTE}", ("行政处罚",)),
    Term("coercion", "行政强制", "coercion", rf"^行政强制{_NOTE}", ("行政强制",)),
    Term("fees", "行政事业性收费", "fees", rf"^行政事业性收费{_NOTE}", ("行政事业性收费",)),
    Term("procurement", "政府集中采购", "procurement", rf"^政府集中采购{_NOTE}", ("政府集中采购",)),
)  # fmt: skip
#: The fields (column headers) of table 2.
FIELDS = (
    Term("issued", "本年制发", "issued", r"本年制发", ("本年制发件数",)),
    Term("repealed", "本年废止", "repealed", r"本年废止", ("本年废止件数",)),
    Term("in_force", "现行有效", "in force", r"现行有效", ("现行有效件数",)),
    Term("new_made", "本年新制作", "newly made", r"本年新制作", ("本年新制作数量",)),
    Term("new_published", "本年新公开", "newly published", r"本年新公开", ("本年新公开数量",)),
    Term("total_published", "对外公开总数", "published, total", r"对外公开总数", ("对外公开总数量",)),
    Term("prev_items", "上年项目数", "last year's items", r"上一年项目数", ("上一年项目数量",)),
    Term("change", "本年增减", "change", r"本年增.?减", ("本年增/减",)),
    Term("decisions", "处理决定数", "decisions", r"处理决定数", ("本年处理决定数量", "处理决定数量")),
    Term("amount_10k_yuan", "收费金额(万元)", "fees collected (10k yuan)", r"收费金额",
         ("本年收费金额（单位：万元）",)),
    Term("projects", "采购项目数", "projects", r"采购项目数", ("采购项目数量",)),
    Term("amount_yuan", "采购金额(元)", "amount (yuan)", r"采购总金额", ("采购总金额",)),
)  # fmt: skip

KEYS = {
    "rules.issued": ("规章-本年制发", "rules issued"),
    "rules.repealed": ("规章-本年废止", "rules repealed"),
    "rules.in_force": ("规章-现行有效", "rules in force"),
    "normative_docs.issued": ("规范性文件-本年制发", "normative documents issued"),
    "normative_docs.repealed": ("规范性文件-本年废止", "normative documents repealed"),
    "normative_docs.in_force": ("规范性文件-现行有效", "normative documents in force"),
    "rules.new_made": ("规章-本年新制作", "rules newly made"),
    "rules.new_published": ("规章-本年新公开", "rules newly published"),
    "rules.total_published": ("规章-对外公开总数", "rules published, total"),
    "normative_docs.new_made": ("规范性文件-本年新制作", "normative documents newly made"),
    "normative_docs.new_published": ("规范性文件-本年新公开", "normative documents newly published"),
    "normative_docs.total_published": ("规范性文件-对外公开总数", "normative documents published, total"),
    "licensing.prev_items": ("行政许可-上年项目数", "licensing: last year's items"),
    "licensing.change": ("行政许可-本年增减", "licensing: change"),
    "licensing.decisions": ("行政许可-处理决定数", "licensing decisions"),
    "other_services.prev_items": ("其他对外管理服务-上年项目数", "other services: last year's items"),
    "other_services.change": ("其他对外管理服务-本年增减", "other services: change"),
    "other_services.decisions": ("其他对外管理服务-处理决定数", "other services decisions"),
    "penalty.prev_items": ("行政处罚-上年项目数", "penalties: last year's items"),
    "penalty.change": ("行政处罚-本年增减", "penalties: change"),
    "penalty.decisions": ("行政处罚-处理决定数", "penalty decisions"),
    "coercion.prev_items": ("行政强制-上年项目数", "coercion: last year's items"),
    "coercion.change": ("行政强制-本年增减", "coercion: change"),
    "coercion.decisions": ("行政强制-处理决定数", "coercion decisions"),
    "fees.prev_items": ("行政事业性收费-上年项目数", "fees: last year's items"),
    "fees.change": ("行政事业性收费-本年增减", "fees: change"),
    "fees.amount_10k_yuan": ("行政事业性收费金额(万元)", "fees collected (10k yuan)"),
    "procurement.projects": ("政府集中采购项目数", "procurement projects"),
    "procurement.amount_yuan": ("政府集中采购金额(元)", "procurement amount (yuan)"),
}
#: Each template's table 2, as its form lays it out: subject → its fields, in printed order.
#: A row is read by this layout when its header is cut or garbled (本年新 | 本年新 | 对外公开总数量).
FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "rules": ("issued", "repealed", "in_force"),
        "normative_docs": ("issued", "repealed", "in_force"),
        "licensing": ("decisions",),
        "penalty": ("decisions",),
        "coercion": ("decisions",),
        "fees": ("amount_10k_yuan",),
    },
    "2019": {
        "rules": ("new_made", "new_published", "total_published"),
        "normative_docs": ("new_made", "new_published", "total_published"),
        "licensing": ("prev_items", "change", "decisions"),
        "other_services": ("prev_items", "change", "decisions"),
        "penalty": ("prev_items", "change", "decisions"),
        "coercion": ("prev_items", "change", "decisions"),
        "fees": ("prev_items", "change"),
        "procurement": ("projects", "amount_yuan"),
    },
}
#: Header words that say a cell is in 万元 (a field in 元 is converted).
TEN_THOUSAND_YUAN = r"万元"
#: The heading of a block of table 2 (第二十条第（一）项).
BLOCK_HEADING = r"第二十条第?[（(][一二三四五六七八九十]+[)）]项"
#: The header cell that opens a block's header row.
HEADER_START = r"^信息内容"

#: Keys only one template has.
TEMPLATE_KEYS = {
    "2021": r"^(?:rules|normative_docs)\.(?:issued|repealed|in_force)$",
    "2019": r"\.(?:new_made|new_published|total_published|prev_items|change)$|^procurement\.",
}
#: This year's 现行有效件数 is last year's plus 本年制发 minus 本年废止.
CARRY_OVER = tuple(
    CarryOver(f"crossyear.{s}.in_force", f"{s}.in_force", (f"{s}.in_force",), (f"{s}.issued",), (f"{s}.repealed",))
    for s in ("rules", "normative_docs")
)

#: A document of a subject as prose names it: 行政规范性文件, 规范性文件; 规章 (never 规章制度).
_DOCS = {"normative_docs": r"(?:行政)?规范性文件", "rules": r"(?:政府)?规章(?!制度)"}
#: Making a document (制发, 新制定, 制定发布) and repealing one (废止, 宣布失效).
_MADE = r"(?:新)?(?:制发|制定|出台|印发)(?:并)?(?:发布|公布)?(?:了)?"
_REPEALED = r"(?:废止|废除|宣布失效)(?:了)?"
#: Between the verb and the document: who made it (制发的省政府规章; 省政府及省政府办公厅行政规范性文件),
#: never a second item of a list (、), a title (《》) or a quotation.
_ISSUER = r"(?:的)?[^，。；,;、\d《》“”]{0,10}?"
_UNITS = r"(?:件|份|个|部|项)"
#: No body makes, repeals or keeps in force a hundred thousand rules or normative documents.
DOCS_LIMIT = 10**5
#: Real sentences that state what was made and repealed, rules and normative documents in one list.
_MADE_BOTH = "主动公开本年度制发的省政府规章5件、省政府及省政府办公厅行政规范性文件5件,废止省政府规章9件。"
_MADE_BOTH_AGAIN = "做好省政府规章、行政规范性文件公开工作,全年制定发布省政府规章21件、行政规范性文件31件。"


def _docs_count(key: str, cue: str, reads: dict[str, int | float], **kw: Any) -> Concept:
    """A count of rules or normative documents, bounded by :data:`DOCS_LIMIT`."""
    return concept(key, cue, reads, units=_UNITS, limit=DOCS_LIMIT, **kw)


def _listed_after(field: str, subject: str, other: str, reads: dict[str, int | float]) -> Concept:
    """``subject``'s ``field`` named right after ``other``'s in one list (规章5件、规范性文件5件): one verb for both."""
    return _docs_count(
        f"{subject}.{field}",
        rf"^、{_ISSUER}{_DOCS[subject]}",
        reads,
        rejects=("2019年，通过“中国上海”门户网站等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件",),
        after=(f"{other}.{field}",),
        unless=AUDIT,
    )


#: Table 2's figures as a report states them in its 总体情况: 制发行政规范性文件2件，废止…10件，现行有效件数14件.
PROSE = (
    _docs_count(
        "normative_docs.issued",
        rf"{_MADE}{_ISSUER}{_DOCS['normative_docs']}",
        {
            "制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件。": 2,
            "通过区政府门户网站及其政务新媒体主动公开2025年新制定的区政府行政规范性文件17件、宣布废止失效文件8件": 17,
        },
        rejects=("主动公开行政规范性文件42件,人事任免文件106件,其他文件113件。",),
        unless=AUDIT,
    ),
    _listed_after("issued", "normative_docs", "rules", {_MADE_BOTH: 5, _MADE_BOTH_AGAIN: 31}),
    _docs_count(
        "rules.issued",
        rf"{_MADE}{_ISSUER}{_DOCS['rules']}",
        {_MADE_BOTH: 5, _MADE_BOTH_AGAIN: 21},
        rejects=("2019年，通过“中国上海”门户网站等平台主动公开规章13件，行政规范性文件60件，市政府其他文件162件",),
        unless=AUDIT,
    ),
    _docs_count(
        "normative_docs.repealed",
        rf"{_REPEALED}{_ISSUER}{_DOCS['normative_docs']}",
        {"制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件。": 10},
    ),
    _docs_count(
        "rules.repealed",
        rf"{_REPEALED}{_ISSUER}{_DOCS['rules']}",
        {_MADE_BOTH: 9},
        rejects=("主动公开市政府规章13件(含新制定5件,修改4件,废止4件)",),
    ),
    _docs_count(
        "normative_docs.in_force",
        rf"现行有效(?:的)?(?:{_DOCS['normative_docs']})?(?:件数|数量|数)?",
        {"制发行政规范性文件2件,废止行政规范性文件10件,现行有效件数14件。": 14},
        topic=_DOCS["normative_docs"],
        unless=rf"{AUDIT}|{CUMULATIVE}",
        unless_before=r"规章(?!制度)",
    ),
    _docs_count(
        "penalty.decisions",
        r"行政处罚(?:的)?处理决定(?:数量|件数|数)",
        {"本年度内单位行政处罚处理决定数量39件,不存在其他情况。": 39},
        rejects=("2023年,对主动公开规范性文件进行全面清理,制发行政规范性文件2件",),
    ),
)
