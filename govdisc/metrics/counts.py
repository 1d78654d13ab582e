"""Counts stated only in prose: items published, interpretations, press conferences, responses,
NPC and CPPCC proposals, information processing fees.

Where they are read: the prose rules below (the ``总体情况`` part of annual reports, work
summaries), and the rows of pre-2019 tables that mean exactly one of these keys.
"""

from __future__ import annotations

from .schema import Term, count, zero
from .vocabulary import COUNT_ROW, ITEMS, LINK, NUMBERED, PART_OR_CHANNEL, SUB_NUMBERED, N

KEYS = {
    "published.items": ("主动公开信息", "items published"),
    "published.policy_interpretations": ("政策解读", "policy interpretations"),
    "published.press_conferences": ("新闻发布会", "press conferences"),
    "published.responses": ("回应关切", "responses to concerns"),
    "proposals.npc": ("人大代表建议", "NPC suggestions"),
    "proposals.cppcc": ("政协提案", "CPPCC proposals"),
    "fees.processing_yuan": ("信息处理费(元)", "processing fees (yuan)"),
}

#: 公开 as a verb of proactive publication; not 依申请公开, 予以公开, 部分公开, 不予公开 (answers to requests).
_VERB = r"(?<!申请)(?<!予以)(?<!部分)(?<!不予)(?:主动)?(?:公开|发布|公布)(?:发布|公开)?(?:了)?"
_INFO = r"(?:各类|各项)?(?:政府|政务)?(?:公开)?信息"
_WHOLE_YEAR = r"(?:全年|共|累计|合计|总计|本年度|年度内)"
_INTERPRETATION_UNIT = r"(?:个|条|篇|次|件|期|份)"
_PROPOSAL_UNIT = r"(?:件|条|个|份)"

PROSE = (
    count(
        "published.items",
        rf"{_WHOLE_YEAR}[^，。；,;]{{0,14}}?{_VERB}{_INFO}{LINK}{N}{ITEMS}",
        reads={
            "全年共发布公开信息892条。": 892,
            "全年在市政府信息公开网站上公开信息六十八条。": 68,
            "全年共发布公开信息1.2万条。": 12000,
            "全年累计主动公开政府信息3256条,其中政策文件120条。": 3256,
        },
        rejects=("政务微博1-11月微博发布信息1584条,阅读量达68万次。", "对申请予以公开政府信息3件。"),
        rank=2,
        unless=PART_OR_CHANNEL,
    ),
    count(
        "published.items",
        rf"信息(?:总量|总数){LINK}{N}{ITEMS}",
        reads={"截止2022年11月,年度公开网信息总量达1490余条,设主栏目12个": 1490},
        rank=2,
        unless=PART_OR_CHANNEL,
    ),
    count(
        "published.items",
        rf"{_VERB}{_INFO}{LINK}{N}{ITEMS}",
        reads={
            "2021年,区政府办公室通过政府信息公开平台主动公开政府信息64条,其中部门文件类信息20条": 64,
            "市商务局共主动在政务公开网公开政务信息近500篇,形成了多层次的格局。": 500,
            "今年以来,我局在门户网站发布信息532条。": 532,
        },
        rejects=(
            "在“高标准市场体系建设信息公开专栏”发布信息82条,其中包括相关文件。",
            "依申请公开政府信息15件,均按时答复。",
            "对申请予以公开政府信息3件。",
        ),
        unless=PART_OR_CHANNEL,
    ),
    count(
        "published.policy_interpretations",
        rf"(?:发布|公开|开展|制作|推出|编发|撰写)(?:了)?(?:各类|各种)?政策解读(?:材料|信息|文章|稿件|稿)?{LINK}{N}"
        rf"{_INTERPRETATION_UNIT}",
        reads={"2022年,共发布政策解读76个。": 76, "共发布各类政策解读6条": 6, "开展政策解读32次": 32},
        rejects=("发布上级政策解读36个。",),
        unless=PART_OR_CHANNEL,
    ),
    count(
        "published.policy_interpretations",
        rf"(?:政策)?解读(?:信息|材料|稿件)(?:发布|公开)(?:了)?{LINK}{N}{_INTERPRETATION_UNIT}",
        reads={"解读信息发布7条": 7},
        unless=PART_OR_CHANNEL,
    ),
    count(
        "published.press_conferences",
        rf"(?:举办|召开|举行|组织)(?:了)?(?:“[^”]{{1,40}}”、?){{0,8}}(?:等)?[^，。；、,;]{{0,10}}?新闻发布会{LINK}{N}"
        r"(?:次|场|期)",
        reads={
            "我局举办定时定主题新闻发布会4次,主要负责人参加2次": 4,
            "召开了“优化营商环境”“乡村振兴”等新闻发布会12场": 12,
        },
        unless=PART_OR_CHANNEL,
    ),
    count(
        "published.responses",
        rf"回应(?:社会|公众|群众|网民)?关切(?:问题|信息|事项)?{LINK}{N}(?:条|次|件|个|篇)",
        reads={"2022年,共发布回应关切275条。": 275, "发布回应关切信息15条。": 15},
        unless=PART_OR_CHANNEL,
    ),
    count(
        "proposals.npc",
        rf"人大(?:代表)?建议{LINK}{N}{_PROPOSAL_UNIT}",
        reads={"区政府牵头承办的市人大代表建议5件(含民生“微实事”3件)、政协委员提案3件": 5},
        rejects=("人大建议会办48件(含闭会建议1件)、政协提案会办72件。",),
    ),
    count(
        "proposals.cppcc",
        rf"政协(?:委员)?提案{LINK}{N}{_PROPOSAL_UNIT}",
        reads={"区政府牵头承办的市人大代表建议5件(含民生“微实事”3件)、政协委员提案3件": 3},
        rejects=("人大建议会办48件(含闭会建议1件)、政协提案会办72件。",),
    ),
    count(
        "fees.processing_yuan",
        rf"收取(?:了)?[^，。；,;\d]{{0,12}}?(?:信息处理费|处理费|费用){LINK}{N}元",
        reads={"本年度收取信息处理费380元。": 380},
    ),
    zero(
        "fees.processing_yuan",
        r"(?:没有|未|均未|不曾)收取[^，。；,;\d]{0,10}?(?:信息处理费|处理费|任何费用|费用)",
        reads=("政府信息公开相关费用全部在行政经费中列支,没有收取申请人任何费用。",),
    ),
)


#: Rows of the tables before 2019 that mean exactly one of these keys, each with one value.
PRE2019_ROWS = (
    Term("published.items", printed=rf"{NUMBERED}主动公开政府信息{COUNT_ROW}", examples=("一、主动公开政府信息数",)),
    Term(
        "fees.processing_yuan",
        printed=rf"{SUB_NUMBERED}(?:收取)?(?:检索|复制|邮寄)?(?:等)?(?:成本)?费用?(?:总额)?[（(]?(?:元)[）)]?$",
        examples=("收取费用（元）",),
    ),
)
