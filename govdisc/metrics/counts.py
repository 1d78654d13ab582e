"""Counts stated only in prose: items published, interpretations, press conferences, responses,
NPC and CPPCC proposals, information processing fees.

Where they are read: the prose rules below (the ``总体情况`` part of annual reports, work
summaries), and the rows of pre-2019 tables that mean exactly one of these keys.
"""

from __future__ import annotations

from typing import Any

from .schema import Concept, Term, concept, zero
from .vocabulary import (
    AUDIT,
    COUNT_ROW,
    CUMULATIVE,
    NEW_MEDIA,
    NEW_MEDIA_BEFORE,
    NUMBERED,
    PART_OR_CHANNEL,
    SUB_NUMBERED,
)

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
_VERB = r"(?<!申请)(?<!予以)(?<!部分)(?<!不予)(?:主动)?(?:公开|发布|公布|刊发|推送|新增|更新)(?:发布|公开)?(?:了)?"
#: What is published: information (政府信息, 政务信息, 各类(重要)信息, 信息数, 信息件数) or the documents of a
#: township (政务文件).
_INFO = r"(?:(?:各类|各项)(?:重要)?)?(?:政府|政务)?(?:公开)?信息(?:件数|条数|数|数量|总数|总量)?|政务文件"
#: Right before 信息主动公开: the clause start, a year or the body (本单位信息主动公开), never a topic (财政信息).
_OWN = r"(?:^|(?<=[年度镇乡道局委办区县市府位关心所站]))"
#: Between the verb and what is published: more verbs (采集、发布、修订信息; 新增和更新) and the owner
#: (市局政务信息), never a topic (就业信息, 疫情防控类信息 are a part).
_GAP = r"(?:[、和及与](?:采集|修订|更新|发布|公开|报送|新增)){0,3}(?:本级|本单位|本机关|我局|本局|市局|县局|区局)?"
_ITEM_UNITS = r"条|篇|件|则|个|份"
#: The units of a list of things published (政府文件、政策解读等信息55条), never of the parts of a report
#: (概述、……、存在问题和改进措施6个部分) or of files.
_LIST_UNITS = r"条|篇|则"
_INTERPRETATION_UNIT = r"个|条|篇|次|件|期|份"
_PROPOSAL_UNIT = r"件|条|个|份"
#: Suggestions and proposals counted together (人大代表建议和政协提案N件): a figure of neither.
_COMBINED = r"(?:建议|议案)[和及与、](?:市|区|县)?政协|提案[和及与、](?:市|区|县)?人大"
#: Handling proposals, said before their number (办理10件人大建议); the level of the congress (市人大).
_HANDLED = r"(?:办理|承办|答复|收到|接收)(?:了)?"
_LEVEL = r"(?:省|市|区|县)?"
#: What stops an items count from being the year's: another channel or a part, an audit.
_NOT_ITEMS = f"{PART_OR_CHANNEL}|{AUDIT}"
#: What stops an items count from being the year's, said anywhere before it in its sentence: a
#: cumulative figure, new-media channels (通过美篇、微信等平台，……，发布信息N条).
_NOT_ITEMS_BEFORE = f"{CUMULATIVE}|{NEW_MEDIA_BEFORE}"
#: The section of an annual report on managing information (（三）政府信息管理): what it counts (a column's
#: entries, catalogues updated, files marked void) is not what the year published.
_NOT_ITEMS_SECTION = r"政府信息管理"
#: One thing of a list of what is published (政府文件、政策解读、财政预决算公开).
_LISTED = r"[^，。；,;\d、等]{1,12}"
#: A list of what is published, its things summed: ``A、B、C等(方面)(信息)`` or ``A、B和C信息``.
_LIST = (
    rf"(?:涉及|关于|围绕)?(?:{_LISTED}、)+{_LISTED}?"
    rf"(?:等(?:方面|领域|类)?(?:的)?(?:{_INFO})?|(?:方面|领域|类)?(?:的)?(?:{_INFO}))"
)
#: Decisions published as a list of their own (行政许可、行政处罚信息; 核准意见): not the items the office publishes.
_DECISIONS = r"许可|处罚|强制|核准|双公示"
#: A count beside another count of items in its sentence (工作动态信息270条，人事信息28条) is a category of a list.
_ITEMS_COUNT = r"\d\s*(?:余|多)?\s*(?:条|篇)"
#: The bounds above which a count read from prose cannot be right (no office publishes ten
#: million items a year; a province's interpretations or press conferences stay far below a million).
ITEMS_LIMIT = 10**7
EVENTS_LIMIT = 10**6
PROPOSALS_LIMIT = 10**5
FEES_LIMIT = 10**7


def _items(cue: str, reads: dict[str, int | float], **kw: Any) -> Concept:
    """A count of items published: never a cumulative or new-media figure, nor one of managing information."""
    kw.setdefault("unless_before", _NOT_ITEMS_BEFORE)
    return concept("published.items", cue, reads, unless_heading=_NOT_ITEMS_SECTION, limit=ITEMS_LIMIT, **kw)


def _each_of_both(key: str) -> Concept:
    """A count said of each of NPC suggestions and CPPCC proposals (人大代表建议和政协提案各5件): ``key`` is it."""
    return concept(
        key,
        r"人大(?:代表)?建议[和及与、]政协(?:委员)?提案各",
        reads={"分别收到市人大代表建议和政协提案各5件,均在平台规定期限内答复办理。": 5},
        rejects=("人大代表建议、政协委员提案办理结果17篇,以及我市户籍服务、治安管理等特色栏目信息300余篇。",),
        units=_PROPOSAL_UNIT,
        limit=PROPOSALS_LIMIT,
    )


PROSE = (
    _items(
        rf"{_VERB}(?:的)?{_GAP}(?:{_INFO})",
        reads={
            "全年共发布公开信息892条。": 892,
            "全年在市政府信息公开网站上公开信息六十八条。": 68,
            "全年共发布公开信息1.2万条。": 12000,
            "全年累计主动公开政府信息3256条,其中政策文件120条。": 3256,
            "2021年,区政府办公室通过政府信息公开平台主动公开政府信息64条,其中部门文件类信息20条": 64,
            "市商务局共主动在政务公开网公开政务信息近500篇,形成了多层次的格局。": 500,
            "今年以来,我局在门户网站发布信息532条。": 532,
            "2013年度主动公开信息的有5条;": 5,
            "2011年度主动公开信息数53条。": 53,
            "《怀化统计信息网》全年共采集、发布、修订信息616条,外网总访问量39万人次": 616,
            "主动公开政务文件11份,开展政策解读活动15次。": 11,
            "其中,通过廿三里街道政务信息公开专栏发布信息359条,通过微信公众号“人文廿三里”发布信息1088条。": 359,
            "2021年市局依托市政府信息公开专栏全年主动公开市局政务信息600余篇。": 600,
            "2024年,深汕网共新增和更新政府信息7194条,答复群众留言175条。": 7194,
            "2018年,共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条,不予公开信息1535条。": 1027,
            "2019年,通过政府门户网站、政务公开栏、档案查询点、广播、电视、短信平台、电子屏、社会活动日、新媒体平台等形式"
            "主动公开政府信息8769条。": 8769,
        },
        rejects=(
            "政务微博1-11月微博发布信息1584条,阅读量达68万次。",
            "对申请予以公开政府信息3件。",
            "在“高标准市场体系建设信息公开专栏”发布信息82条,其中包括相关文件。",
            "依申请公开政府信息15件,均按时答复。",
            "今年共开展两次全面政务公开信息排查,共排查各单位今年在政府网站上公布信息24875条",
            "截至2019年底,累计主动公开政府信息64627条。",
            "区级政务微信发布信息1321条,总阅读数49.7万",
            "二是通过美篇、微信等发布信息168条;",
            "在“龙岗政府在线”门户网站公开重点领域信息1397条",
            "2013年度没有依申请公开信息的情况。不予公开信息有10条",
            "2022年,共发布就业信息92条。",
            "积极回应群众关切,主动公开疫情防控类信息149条。",
        ),
        units=_ITEM_UNITS,
        unless=_NOT_ITEMS,
    ),
    _items(
        rf"(?:政府|政务)信息(?:主动)?公开|{_OWN}信息主动公开",
        reads={
            "2022年,全镇政府信息公开566条,一是利用镇安县人民政府门户网站等政务公开栏平台公开政务信息38条": 566,
            "2019年度完成政府信息公开301条。": 301,
        },
        rejects=("全年新收政府信息公开申请数量0件",),
        units="条|篇",
        unless=f"{_NOT_ITEMS}|申请",
    ),
    _items(
        r"信息(?:发布|公开)?(?:总量|总数)",
        reads={
            "截止2022年11月,年度公开网信息总量达1490余条,设主栏目12个": 1490,
            "2020年,省政府入口網站信息發布總數為3.5萬條,其中發布省政府常務會議62條": 35000,
        },
        units=_ITEM_UNITS,
        rank=2,
        unless=_NOT_ITEMS,
    ),
    _items(
        r"主动公开[^，。；,;\d]{0,24}?[和及与、][^，。；,;\d]{0,16}?(?=共)",
        reads={"2024年,主动公开政府信息公开目录和我局专题专栏共188条。": 188},
        rejects=("二是通过美篇、微信等发布信息168条;",),
        units=_ITEM_UNITS,
        unless=f"{NEW_MEDIA}|{AUDIT}",
    ),
    _items(
        rf"{_VERB}{_LIST}",
        reads={
            "2022年,通过政府网站公开政府文件、政策解读、财政预决算公开等信息55条。": 55,
        },
        rejects=(
            "于重点项目栏目公开可行性研究报告、初步设计报告、节能评估审查意见等批准信息559条",
            "(一)通过信用(蓬江)网依法公开投资建设项目基本信息、招标项目基本信息及项目招标核准意见、人防报建核准等信息27条。",
        ),
        units=_LIST_UNITS,
        rank=0,
        unless=rf"{_NOT_ITEMS}|(?<!各)栏目|{_DECISIONS}",
    ),
    _items(
        r"(?<!申请)(?<!予以)(?<!部分)(?<!不予)(?:主动)?(?:公开|发布|公布|发送|推送)(?:了)?",
        reads={"202012月31日,团结乡政府门户网站共发送9条信息。": 9},
        rejects=("2021年共发布10条政策类文件,解读材料同步", "全年通过“多彩金平”微信公众号累计发布相关工作信息78条"),
        units="条|篇",
        then=r"(?:政府|政务)?信息(?![^，。；,;]{0,4}(?:申请|公开申请))",
        unless=_NOT_ITEMS,
    ),
    _items(
        r"(?<![已属])主动公开(?:文件|公文)?",
        reads={
            "截止2020年12月31日,我办在政府信息公开专栏主动公开文件共5件。": 5,
            "2021年共收到审核公文117件,不予公开18件,依申请公开16件,主动公开83件。": 83,
        },
        rejects=(
            "主动公开行政规范性文件42件,人事任免文件106件,其他文件113件。",
            "在對申請答復(fù)的1677件中,屬已主動公開的243件,屬同意公開的318件",
        ),
        units="件|条|篇|份",
        rank=0,
        unless=_NOT_ITEMS,
    ),
    _items(
        rf"{_VERB}{_GAP}(?:工作|政务)?动态(?:类)?(?:信息)?",
        reads={"公开动态信息270条,群众依申请公开信息的申请0次。": 270},
        rejects=("2023年,共主动公开信息197篇,其中公开政务(工作)动态类信息67篇,公开征求意见2篇",),
        units="条|篇",
        then=rf"(?![^。]*?{_ITEMS_COUNT})",
        rank=-1,
        unless=_NOT_ITEMS,
        unless_before=rf"{_NOT_ITEMS_BEFORE}|{_ITEMS_COUNT}",
    ),
    concept(
        "published.policy_interpretations",
        r"(?:发布|公开|开展|制作|推出|编发|撰写|刊发)(?:了)?(?:(?:相应|相关|配套)?(?:的)?(?:各类|各种)?(?:形式)?(?:的)?政策解读(?:材料|信息|文章|稿件|稿)?"
        r"|[^，。；,;\d、上及和与件]{0,8}?解读(?:信息|材料|文章|稿件))",
        reads={
            "2022年,共发布政策解读76个。": 76,
            "共发布各类政策解读6条": 6,
            "开展政策解读32次": 32,
            "依托政府网站“解读专栏”,共发布政策解读稿件40次,促进相关政策落地生效。": 40,
            "组织在线访谈24场,征求公众意见2次,发布解读信息2条": 2,
            "通过区政府新闻办公室举办新闻发布会19次,发布图文音频各类解读信息96条。": 96,
            "2019年,县本级公开解读信息128条,其中上级政策解读信息80条,县本级政策解读信息48条。": 128,
        },
        rejects=("发布上级政策解读36个。",),
        units=_INTERPRETATION_UNIT,
        unless=PART_OR_CHANNEL,
        limit=EVENTS_LIMIT,
    ),
    concept(
        "published.policy_interpretations",
        r"(?:政策)?解读(?:信息|材料|稿件)(?:发布|公开)(?:了)?",
        reads={"解读信息发布7条": 7},
        units=_INTERPRETATION_UNIT,
        unless=PART_OR_CHANNEL,
        limit=EVENTS_LIMIT,
    ),
    concept(
        "published.policy_interpretations",
        r"^、?政策解读(?:信息|材料|稿件|文章|文件)?",
        reads={
            "1.主动公开方面。全年发布规范性文件39件,政策解读42条,常务会议22条,人事信息20条": 42,
            "全年主动公开政府信息643条,其中行政规范性文件9条,政策解读12条,政府文件19条": 12,
            "通过门户网站发布消息3597条,其中工作动态1441条、公告150条、政策解读文件3条、各业务栏目1840条。": 3,
        },
        rejects=("发布上级政策解读36个。",),
        units=_INTERPRETATION_UNIT,
        topic=r"(?:公开|发布|公布)",
        limit=EVENTS_LIMIT,
    ),
    concept(
        "published.press_conferences",
        r"(?:举办|召开|举行|组织|直播)(?:了)?(?:“[^”]{1,40}”、?){0,8}(?:等)?[^，。；、,;]{0,10}?新闻发布会",
        reads={
            "我局举办定时定主题新闻发布会4次,主要负责人参加2次": 4,
            "召开了“优化营商环境”“乡村振兴”等新闻发布会12场": 12,
            "2023年,及时准确发布政策文件436件,直播新闻发布会150余场。": 150,
        },
        units="次|场|期",
        unless=PART_OR_CHANNEL,
        limit=EVENTS_LIMIT,
    ),
    concept(
        "published.press_conferences",
        r"(?:举办|召开|举行)(?:了)?",
        reads={"全年共举办191场市政府新闻发布活动,市政府领导出席新闻发布会共计25人次": 191},
        rejects=("市政府领导出席新闻发布会共计25人次",),
        units="次|场",
        then=r"[^，。；,;\d]{0,12}?新闻发布(?:会|活动)",
        unless=PART_OR_CHANNEL,
        limit=EVENTS_LIMIT,
    ),
    concept(
        "published.responses",
        r"(?:主动)?回应(?:社会|公众|群众|网民)?(?:关切|热点|关注)(?:热点)?(?:问题|信息|事项)?",
        reads={"2022年,共发布回应关切275条。": 275, "发布回应关切信息15条。": 15},
        units="条|次|件|个|篇",
        unless=PART_OR_CHANNEL,
        limit=EVENTS_LIMIT,
    ),
    concept(
        "proposals.npc",
        r"(?:人大代表|人大|(?<!政协)(?<!委员)代表)建议",
        reads={
            "区政府牵头承办的市人大代表建议5件(含民生“微实事”3件)、政协委员提案3件": 5,
            "今年共办理有关农水工作的代表建议106件,面商率、满意率均达100%": 106,
        },
        rejects=("人大建议会办48件(含闭会建议1件)、政协提案会办72件。",),
        units=_PROPOSAL_UNIT,
        unless=_COMBINED,
        limit=PROPOSALS_LIMIT,
    ),
    concept(
        "proposals.npc",
        _HANDLED,
        reads={"高质量办理10件人大建议和28件政协提案,沟通率、办结率、满意率均为100%。": 10},
        rejects=("推进政协建议提案信息公开,主动公开我局收到的6件建议提案,公开率达到100%",),
        units=_PROPOSAL_UNIT,
        then=rf"{_LEVEL}(?:人大代表|人大)建议(?![和及与、]{_LEVEL}政协)",
        limit=PROPOSALS_LIMIT,
    ),
    _each_of_both("proposals.npc"),
    concept(
        "proposals.cppcc",
        r"政协(?:委员)?提案",
        reads={"区政府牵头承办的市人大代表建议5件(含民生“微实事”3件)、政协委员提案3件": 3},
        rejects=("人大建议会办48件(含闭会建议1件)、政协提案会办72件。",),
        units=_PROPOSAL_UNIT,
        unless=_COMBINED,
        limit=PROPOSALS_LIMIT,
    ),
    concept(
        "proposals.cppcc",
        rf"{_HANDLED}|^{_LEVEL}(?:人大代表|人大)建议[和及与、]",
        reads={"高质量办理10件人大建议和28件政协提案,沟通率、办结率、满意率均为100%。": 28},
        rejects=("推进政协建议提案信息公开,主动公开我局收到的6件建议提案,公开率达到100%",),
        units=_PROPOSAL_UNIT,
        then=rf"{_LEVEL}政协(?:委员)?提案",
        limit=PROPOSALS_LIMIT,
    ),
    _each_of_both("proposals.cppcc"),
    concept(
        "fees.processing_yuan",
        r"收取(?:了)?[^，。；,;\d]{0,12}?(?:信息处理费|处理费|费用)",
        reads={"本年度收取信息处理费380元。": 380},
        units="元",
        limit=FEES_LIMIT,
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
