"""Requests for information and how they were answered: table 3 of both templates, and its prose.

Keys are ``requests.<row>.<column>`` (RECORD.md); the prose of a report fills the ``total``
column. Also here: the identities table 3 must satisfy, the carry-over from one year to the
next, and the figures ``compare`` derives from these counts.
"""

from __future__ import annotations

from typing import Any

from .schema import CarryOver, Concept, Counts, Derived, Identity, Rule, Term, concept, ratio, total, values, zero
from .vocabulary import COUNT_ROW, NONE, NONE_SHORT, NUMBERED, OTHER_MATTERS, REQUEST_UNITS, SOME_REQUESTS, SUB_NUMBERED

#: The applicant columns (申请人情况), in the order the forms print them.
COLUMNS = (
    Term("natural_person", "自然人", "natural persons", r"自然人"),
    Term("commercial", "商业企业", "commercial enterprises", r"商业企业"),
    Term("research", "科研机构", "research institutions", r"科研机构"),
    Term("social_org", "社会公益组织", "public-interest organisations", r"社会公益组织"),
    Term("legal_service", "法律服务机构", "legal service agencies", r"法律服务机构"),
    Term("other_org", "其他", "other", r"^其他$"),
    Term("total", "总计", "total", r"总计"),
)

#: The rows, in the order the forms print them; ``printed`` is tried in this order.
ROWS = (
    Term("received", "本年新收申请", "requests received", r"本年(?:度)?新收",
         ("一、本年新收政府信息公开申请数量",)),
    Term("carried_over", "上年结转申请", "carried over from last year", r"上年(?:度)?结转",
         ("二、上年结转政府信息公开申请数量",)),
    Term("granted", "予以公开", "granted", r"(?<![不分])予以公开|^[（(]一[）)]同意公开",
         ("（一）予以公开", "三、本年度办理结果（一）予以公开")),
    Term("partial", "部分公开", "partly granted", r"部分公开",
         ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）",)),
    Term("denied.state_secret", "不予公开-国家秘密", "denied: state secret", r"国家秘密",
         ("1.属于国家秘密", "（三）不予公开1.属于国家秘密")),
    Term("denied.law_forbidden", "不予公开-法律行政法规禁止", "denied: forbidden by law",
         r"法律行政法规禁止|其他法律行政|法规禁止公开", ("2.其他法律行政法规禁止公开",)),
    Term("denied.safety_stability", "不予公开-三安全一稳定", "denied: safety and stability", r"三安全一稳定|危及",
         ("3.危及“三安全一稳定”",)),
    Term("denied.third_party", "不予公开-第三方合法权益", "denied: third-party rights", r"第三方合法权益|保护第三方",
         ("4.保护第三方合法权益",)),
    Term("denied.internal_affairs", "不予公开-内部事务信息", "denied: internal affairs", r"内部事务",
         ("5.属于三类内部事务信息",)),
    Term("denied.process_info", "不予公开-过程性信息", "denied: process information", r"过程性信息",
         ("6.属于四类过程性信息",)),
    Term("denied.enforcement_file", "不予公开-行政执法案卷", "denied: enforcement file", r"执法案卷",
         ("7.属于行政执法案卷",)),
    Term("denied.inquiry", "不予公开-行政查询事项", "denied: inquiry matter", r"行政查询",
         ("8.属于行政查询事项",)),
    Term("unable.not_held", "无法提供-本机关不掌握", "unable: not held", r"不掌握",
         ("1.本机关不掌握相关政府信息", "（四）无法提供1.本机关不掌握相关政府信息")),
    Term("unable.need_create", "无法提供-需另行制作", "unable: would need creating", r"另行制作|没有现成信息",
         ("2.没有现成信息需要另行制作",)),
    Term("unable.unclear", "无法提供-内容不明确", "unable: unclear after correction", r"仍不明确|补正后申请内容",
         ("3.补正后申请内容仍不明确",)),
    Term("not_processed.petition", "不予处理-信访举报投诉", "not processed: petition", r"信访|举报投诉",
         ("1.信访举报投诉类申请", "（五）不予处理1.信访举报投诉类申请")),
    Term("not_processed.repeat", "不予处理-重复申请", "not processed: repeat", r"重复申请",
         ("2.重复申请",)),
    Term("not_processed.publication", "不予处理-公开出版物", "not processed: publication", r"公开出版物",
         ("3.要求提供公开出版物",)),
    Term("not_processed.mass_repeat", "不予处理-大量反复申请", "not processed: mass repeat", r"大量反复",
         ("4.无正当理由大量反复申请",)),
    Term("not_processed.confirm", "不予处理-确认或重新出具", "not processed: confirmation", r"确认或重新出具|重新出具",
         ("5.要求行政机关确认或重新出具已获取信息",)),
    Term("other.no_correction", "其他处理-逾期不补正", "other: no correction", r"逾期不补正|无正当理由.{0,4}不补正",
         ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",)),
    Term("other.unpaid_fee", "其他处理-逾期未缴费", "other: fee unpaid", r"收费通知|缴纳费用|未按.{0,6}缴纳",
         ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",)),
    Term("other.other", "其他处理-其他", "other: other", r"(?:^|[）)\d][.、．]?)其他(?:处理)?$|^[（(]六[）)]其他处理",
         ("3.其他", "（六）其他处理")),
    Term("processed_total", "办理结果总计", "processed, total", r"[（(]七[）)]总计|^总计$|^合计$",
         ("（七）总计",)),
    Term("carried_forward", "结转下年度", "carried forward", r"结转下(?:一)?年度?",
         ("四、结转下年度继续办理",)),
)  # fmt: skip
ROW_KEYS = tuple(row.key for row in ROWS)
#: The outcome rows that add up to （七）总计.
OUTCOMES = tuple(k for k in ROW_KEYS if k.split(".")[0] in ("granted", "partial", "denied", "unable",
                                                           "not_processed", "other"))  # fmt: skip
#: Outcome rows a table may leave out without the sum being incomplete (2019 has no （六） sub-rows).
OPTIONAL_OUTCOMES = ("other.no_correction", "other.unpaid_fee")
#: Header words that mark table 3.
HEADER = r"申请人情况|勾稽关系|商业企业|自然人"
#: Keys only one template has.
TEMPLATE_KEYS = {"2021": r"^requests\.other\.(?:no_correction|unpaid_fee)\."}
#: Wording of the request tables before 2019.
PRE2019_WORDING = r"申请总数|部分同意公开|同意公开|信息不存在|非本机关职责|不属于本机关"


def key(row: str, column: str) -> str:
    """The metric key of one cell of table 3."""
    return f"requests.{row}.{column}"


KEYS = {key(r.key, c.key): (f"{r.zh}({c.zh})", f"{r.en} ({c.en})") for r in ROWS for c in COLUMNS}
#: The eight reasons for refusal, as totals.
DENIED = tuple(key(k, "total") for k in ROW_KEYS if k.startswith("denied."))

_REQUEST = r"(?:政府信息公开|依申请公开|信息公开|政府公开)"
_UNIT = REQUEST_UNITS
#: Verbs of receiving a request; 收 alone only right before the request it receives (收政府信息公开申请).
_RECEIVE = r"(?:新)?(?:收到|受理|接收|接到|新收|(?<![接征验回没未])收(?=政府|依申请|信息公开))"
#: A sentence, the one before it or its section heading about requests.
_ABOUT_REQUESTS = r"申请"
#: Counts that are not of requests for information: other matters, and cases arising from requests.
_NOT_REQUESTS = f"{OTHER_MATTERS}|复议|诉讼|因"
_GAP = r"[^，。；,;\d因]"
#: After 申请: the cases that arise from requests (申请引起的行政复议; 有关…申请的行政复议、诉讼), not the requests.
_ARISING = r"引起|导致|产生|(?:行政)?复议|(?:行政)?诉讼"
#: What a request asks, said as a verb phrase (要求公开政府信息的申请, 申请公开的信息);
#: not 不予公开, 予以公开, 主动公开, 部分公开 政府信息 (answers, or proactive publication).
_ASKED = r"(?:(?:要求|申请)?(?<![不予以动分])公开政府信息|(?:要求|申请)公开(?:其[它他])?(?:的)?(?:政府)?(?:信息)?)"
#: 公开申请: a request for disclosure named without what it asks (未收到公开申请); not 主动公开, 予以公开,
#: 不予公开, 部分公开 nor 公开申请人 (publishing an applicant's details).
_DISCLOSURE_REQUEST = r"(?<![动予以分不])公开(?=(?:的)?申请(?!人))"
#: Right after a count, how what it counts was answered (，其中，予以公开2件; ，公开0件): the count is of
#: requests. Not a class of information beside it (依申请公开政府信息N件，不予公开政府信息M件).
_ANSWERS_NEXT = (
    r"(?=[，,：:]?(?:其中)?[，,：:]?"
    r"(?:(?:予以|同意|部分|不予)?公开(?!(?:的)?(?:政府)?信息)|无法提供|(?:本机关)?不掌握))"
)
#: The reasons for refusal as prose names them (因涉及国家秘密而不予公开53件; 属于行政执法案卷5起):
#: reason, its words, a real clause it reads and one it must not.
_DENIED_PROSE = (
    (
        "state_secret",
        "国家秘密",
        ("所有政府信息公开申请已全部办理完毕。其中,同意公开1000件,因涉及国家秘密而不予公开53件", 53),
        "公开政府信息前，要对拟公开的政府信息进行保密性审查，不得公开涉及国家秘密、商业秘密、个人隐私等政府信息",
    ),
    (
        "enforcement_file",
        r"(?:行政)?执法案卷",
        ("2023年度,我局共收到信息公开申请22起。其中公开1起,属于行政执法案卷5起", 5),
        "通过平度交警抖音、平度交警微信等网络渠道主动发布信息400余条",
    ),
)
#: No number of requests an office receives or answers in a year comes near a million.
REQUESTS_LIMIT = 10**6


def _request_count(key: str, cue: str, reads: dict[str, int | float], **kw: Any) -> Concept:
    """A count of requests: its statements must agree, and it is bounded by :data:`REQUESTS_LIMIT`."""
    kw.setdefault("unless", _NOT_REQUESTS)
    kw.setdefault("units", _UNIT)
    return concept(key, cue, reads, agree=True, limit=REQUESTS_LIMIT, **kw)


PROSE: tuple[Rule, ...] = (
    _request_count(
        "requests.received.total",
        rf"{_RECEIVE}(?:了)?{_GAP}{{0,30}}?(?:{_REQUEST}(?:的)?(?:办理)?(?:申请|事项|件)?(?:(?<=依申请公开)(?:的)?(?:政府)?信息)?"
        rf"|{_ASKED}(?:的)?申请|{_DISCLOSURE_REQUEST}(?:的)?申请)(?:数量|总数|数)?",
        reads={
            "收到依申请公开事项1件": 1,
            "共受理政府公开申请1宗": 1,
            "2022年市政府办公室收到政府信息公开34件,均为自然人申请": 34,
            "我局共收到公民、法人和其他组织通过各种渠道提出的政府信息公开申请共24件": 24,
            "全年共受理政府信息公开申请十五件,已全部按时办结。": 15,
            "本年度新收政府信息公开申请3件,上年结转政府信息公开申请1件": 3,
            "2022年,廿三里街道共收到信息公开申请7件,上年度结转1件;予以公开3件": 7,
            "2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件": 0,
            "今年来,共接收办理依申请公开4件,已完成答复4件。": 4,
            "全年收政府信息公开申请464件,结转上年度政府信息公开申请3件": 464,
            "2023年度,我局共收到信息公开申请22起,比2022年(31起)下降29%,答复22起。": 22,
            "收到政府信息公开申请3项全部予以公开,无上年结转政府信息公开申请。": 3,
            "全年共收到公开申请1466件(上年度结转16件,结转下年度9件,": 1466,
            "主动公开政府信息30832条,受理依申请公开政府信息125件,均依法依规答复。": 125,
            "全年收到依申请公开信息3条,答复率100%。": 3,
        },
        rejects=(
            "受理群众12315、12345网络平台投诉举报4133件,为群众挽回经济损失83.72万元。",
            "2019年,共受理各类服务事项144350件,办结率100%。",
            "全年收到因政府信息公开申请引起的行政复议1件(已办结)",
            "收到群众留言3条全部办结,征集并公布调查意见6期。",
            "2018年,共制作政府信息3021条,其中主动公开信息1027条,依申请公开信息459条,不予公开信息1535条。",
        ),
    ),
    _request_count(
        "requests.received.total",
        r"依申请公开(?:政府信息)?(?:申请)?(?:受理|收到|接收)(?:了)?",
        reads={"依申请公开受理6件,办结6件,行政复议0件、行政诉讼0件;": 6},
        rejects=("依申请公开政府信息15件,均按时答复。",),
    ),
    _request_count(
        "requests.received.total",
        rf"(?:本年(?:度)?|全年)?新(?:接)?收(?:到)?(?:的)?(?:{_REQUEST})?(?:的)?申请(?:数量|数)?",
        reads={
            "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件,上年结转申请数9件)": 112,
            "全年新收政府信息公开申请数量0件,上年结转政府信息公开申请数量0件。": 0,
        },
        rank=4,
    ),
    _request_count(
        "requests.received.total",
        r"(?:本年(?:度)?|全年)?新(?:接)?收(?:到)?",
        reads={"2025年本机关共受理政府信息公开申请15件，其中新收到14件，结转上年度办理1件，办结13件": 14},
        rejects=("全年新收到群众来信12件。",),
        topic=_ABOUT_REQUESTS,
        rank=4,
    ),
    _request_count(
        "requests.received.total",
        r"依申请公开(?:政府信息|事项)?",
        reads={
            "2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件,因政府信息依申请公开引起行政复议0件,行政诉讼0件": 0
        },
        rejects=("依申请公开政府信息15件,均按时答复。",),
        then=_ANSWERS_NEXT,
        unless_before="主动公开",
    ),
    _request_count(
        "requests.received.total",
        rf"{_RECEIVE}(?:了)?(?:各类)?申请",
        reads={
            "依申请公开方面,全年共收到申请12件,均已按时办结。": 12,
            "2018年省受理政府信息公开申请数量大幅增长,全省全年受理申请11428件,较上年增长26.49%。": 11428,
        },
        topic=r"依申请|信息公开",
    ),
    _request_count(
        "requests.received.total",
        rf"{_RECEIVE}(?:了)?",
        reads={
            "2024年,市府办共收到106件信息公开申请,比去年同期增加12件": 106,
            "2022年,区政府办公室共收到26份政府信息依申请公开件,其中申请人自行撤销2件": 26,
            "2023年,区政府办公室共受理36件政府信息公开申请(均为自然人提交)": 36,
        },
        rejects=("全年收到因政府信息公开申请引起的行政复议1件(已办结)",),
        then=rf"(?:的)?{_GAP}{{0,10}}?{_REQUEST}(?:的)?(?:申请|件)(?![^，。；,;]{{0,4}}(?:引起|导致|产生))",
    ),
    zero(
        "requests.received.total",
        rf"{NONE}(?:收到|受理|接到|接收)?(?:过|到)?(?:任何)?(?![^，。；,;]{{0,20}}?(?:{SOME_REQUESTS})){_GAP}{{0,20}}?(?:{_REQUEST}|{_ASKED}|{_DISCLOSURE_REQUEST})"
        rf"(?:(?:的)?(?:政府)?(?:信息)?(?:的)?(?:申请|事项|内容|件|情况)|(?:的)?(?:政府)?(?:信息)?(?<=信息)(?=[，。；,;]|$))"
        rf"(?![^，。；,;]{{0,4}}(?:{_ARISING}))",
        reads=(
            "2021年我委没有收到政府信息公开申请,但我委已制定严格规章制度",
            "截止至2022年12月16日,我局未收到依申请公开内容。",
            "2013年度没有依申请公开信息的情况。",
            "全年未收到或其他形式要求公开政府信息的申请。",
            "2022年未收到依申请公开件。",
        ),
        rejects=(
            "全年收到因政府信息公开申请引起的行政复议1件(已办结),未收到因政府信息公开申请引起的行政诉讼。",
            "全年未收到因政府信息公开申请引起的行政复议和行政诉讼情况。",
        ),
    ),
    zero(
        "requests.received.total",
        rf"{NONE_SHORT}{_REQUEST}(?:的)?(?:申请|事项|政府信息)",
        reads=("本年度无依申请公开事项。", "三、依申请公开政府信息:无依申请公开的政府信息。"),
        rejects=("对申请人无正当理由逾期不补正的政府信息公开申请不再处理。",),
    ),
    _request_count(
        "requests.carried_over.total",
        rf"(?:(?:上年(?:度)?|去年|上一年度?)(?:的)?结转|结转(?:自)?(?:上年(?:度)?|去年|上一年度?)(?:办理)?)"
        rf"(?:的)?(?:{_REQUEST})?(?:的)?(?:申请)?(?:数量|数)?",
        reads={
            "本年度新收政府信息公开申请3件,上年结转政府信息公开申请1件,结转下年度继续办理2件。": 1,
            "全年新收政府信息公开申请数量0件,上年结转政府信息公开申请数量0件。": 0,
            "2022年,廿三里街道共收到信息公开申请7件,上年度结转1件;予以公开3件": 1,
            "全年共办理完结信息公开申请105件(包含去年结转3件),尚在办理中的4件。": 3,
            "2025年本机关共受理政府信息公开申请15件，其中新收到14件，结转上年度办理1件，办结13件": 1,
        },
        topic=_ABOUT_REQUESTS,
    ),
    _request_count(
        "requests.carried_forward.total",
        r"结转(?:至|到)?(?:下一?年度?|次年|(?:19|20)\d{2}年度?)(?:继续)?(?:办理|处理)?(?:的)?(?:申请)?",
        reads={
            "本年度新收政府信息公开申请3件,上年结转政府信息公开申请1件,结转下年度继续办理2件。": 2,
            "2022年,廿三里街道共收到信息公开申请7件,上年度结转1件;予以公开3件,无法提供4件,结转下年继续办理1件。": 1,
            "共收到政府信息公开申请162件,上年度结转1件,办结159件,结转下年度办理4件。": 4,
        },
        topic=_ABOUT_REQUESTS,
    ),
    _request_count(
        "requests.carried_forward.total",
        r"(?:尚在|仍在|正在)(?:办理|处理|答复)(?:中|过程中)?(?:的)?",
        reads={"全年共办理完结信息公开申请105件(包含去年结转3件),尚在办理中的4件。": 4},
        topic=_ABOUT_REQUESTS,
    ),
    _request_count(
        "requests.carried_forward.total",
        r"^(?:另|另有|尚有|还有|有|剩余|其余)?",
        reads={
            "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件,上年结转申请数9件),已答复119件,"
            "属于同意公开的60件,部分公开13件,不同意公开的6件,无法提供的26件,不予处理3件,其他处理11件,"
            "另2件结转下一年处理。": 2,
            "答覆13870件(含上年結轉申請397件,另有810件順延到下年度答覆)": 810,
        },
        then=r"(?:申请)?(?:结转|转|顺延)(?:至|到|入)?(?:下一?年度?|次年|(?:19|20)\d{2}年度?)",
        topic=_ABOUT_REQUESTS,
    ),
    zero(
        "requests.carried_forward.total",
        r"(?:无|没有|未有)(?:需要?)?结转(?:至|到)?(?:下一?年度?|次年|(?:19|20)\d{2}年度?)(?:继续)?(?:办理|处理)?(?:的)?(?:申请|件|事项)",
        reads=("其中按期办结36件,按期办结率达100%,无结转2024年继续办理件。",),
    ),
    zero(
        "requests.carried_over.total",
        rf"(?:无|没有|未有)(?:(?:上年(?:度)?|去年|上一年度?)(?:的)?结转|结转(?:自)?(?:上年(?:度)?|去年|上一年度?))(?:的)?(?:{_REQUEST})?(?:的)?(?:申请|件|事项)",
        reads=("收到政府信息公开申请3项全部予以公开,无上年结转政府信息公开申请。",),
    ),
    _request_count(
        "requests.processed_total.total",
        rf"(?<![未没])(?:已|共|均|全部|按期|依法|依规|依法依规)*(?:办结|答复|办理完结|办理完毕|办理完成|完成答复|答复办理|答复处理|处理完毕|办理(?:总)?(?:数量|数))(?:了)?"
        rf"(?:的)?(?:{_GAP}{{0,8}}?{_REQUEST}(?:的)?申请)?",
        reads={
            "共收到政府信息公开申请162件,上年度结转1件,办结159件,结转下年度办理4件。": 159,
            "全年共办理完结信息公开申请105件(包含去年结转3件),尚在办理中的4件。": 105,
            "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件,上年结转申请数9件),已答复119件": 119,
            "收到110件依申请公开件,办理完成108件,结转下年度继续办理2件": 108,
        },
        rejects=(
            "2024年,深汕网共新增和更新政府信息7194条,答复群众留言175条。",
            "全年受理依申请信息公开21件。全年共收到行政复议1件，维持结果1件，尚未办结0件。",
        ),
        topic=_ABOUT_REQUESTS,
    ),
    _request_count(
        "requests.granted.total",
        r"(?<!部分)(?<!不)(?:同意公开|予以公开|全部公开)(?:答复)?[”\"]?(?:的)?",
        reads={
            "本年度提出申请的24件中,同意公开的7件,部分公开的7件": 7,
            "2022年,廿三里街道共收到信息公开申请7件,上年度结转1件;予以公开3件,无法提供4件": 3,
            "2023年共受理政府信息依申请公开121件(其中本年度新收申请数112件,上年结转申请数9件),已答复119件,"
            "属于同意公开的60件,部分公开13件,不同意公开的6件": 60,
        },
        rejects=("对申请予以公开政府信息3件。",),
        topic=_ABOUT_REQUESTS,
    ),
    _request_count(
        "requests.granted.total",
        r"^公开",
        reads={"2022年我镇全年共收到依申请公开0件,公开0件,不予公开0件": 0},
        topic=_ABOUT_REQUESTS,
        after=("requests.received.total",),
    ),
    _request_count(
        "requests.granted.total",
        r"(?:均|全部|都)(?:予以|同意)公开",
        reads={
            "收到政府信息公开申请3项全部予以公开,无上年结转政府信息公开申请。": 3,
            "本年度市政府依申請公開信息辦理數39件,全部同意公開。": 39,
        },
        rejects=("收到群众留言3条全部办结,征集并公布调查意见6期。",),
        topic=_ABOUT_REQUESTS,
        after=("requests.received.total", "requests.processed_total.total"),
        takes_previous=True,
    ),
    _request_count(
        "requests.granted.total",
        r"^其中公开",
        reads={"2023年度,我局共收到信息公开申请22起,答复22起。其中公开1起,不属于政府信息4起": 1},
        rejects=("2023年,共主动公开信息197篇,其中公开政务(工作)动态类信息67篇,公开征求意见2篇",),
        units=r"件|起|宗|份",
        topic=_ABOUT_REQUESTS,
        unless_before="主动",
    ),
    _request_count(
        "requests.partial.total",
        r"部分(?:同意)?公开(?:的)?",
        reads={"本年度提出申请的24件中,同意公开的7件,部分公开的5件": 5},
        topic=_ABOUT_REQUESTS,
        unless=rf"{_NOT_REQUESTS}|(?:同意|予以|全部)公开(?:的)?[及和与、或]",
    ),
    *(
        _request_count(
            key(f"denied.{reason}", "total"),
            rf"(?:因)?(?:属于|涉及|系)?{words}(?:类)?(?:的)?(?:信息)?(?:而)?(?:不予公开|不公开)?(?:的)?",
            dict([example]),
            rejects=(reject,),
            topic=_ABOUT_REQUESTS,
            unless=rf"{OTHER_MATTERS}|复议|诉讼|审查|审核",
        )
        for reason, words, example, reject in _DENIED_PROSE
    ),
    _request_count(
        "requests.unable.not_held.total",
        r"(?:信息不存在|(?:本机关)?不掌握(?:相关)?(?:政府)?信息)(?:的)?",
        reads={"本年度提出申请的24件中,同意公开的7件,部分公开的7件,信息不存在的6件,其他(不属于本机关公开)的3件": 6},
        topic=_ABOUT_REQUESTS,
    ),
)


#: Rows of the tables before 2019 that mean exactly one of these keys, each with one value.
PRE2019_ROWS = (
    Term("requests.received.total", printed=rf"{NUMBERED}(?:收到)?(?:依申请公开)?申请总数{COUNT_ROW}",
         examples=("二、申请总数",)),
    Term("requests.granted.total", printed=rf"{SUB_NUMBERED}同意公开(?:答复)?{COUNT_ROW}", examples=("1.同意公开",)),
    Term("requests.partial.total", printed=rf"{SUB_NUMBERED}部分同意公开(?:答复)?{COUNT_ROW}",
         examples=("2.部分同意公开",)),
    Term("requests.unable.not_held.total", printed=rf"{SUB_NUMBERED}信息不存在{COUNT_ROW}", examples=("3.信息不存在",)),
)  # fmt: skip


def _identities() -> tuple[Identity, ...]:
    out: list[Identity] = []
    rows = ("received", "carried_over", *OUTCOMES, "processed_total", "carried_forward")
    row_names = {r.key: r.zh for r in ROWS}
    for col in COLUMNS:
        names = tuple((key(row, col.key), row_names[row]) for row in rows)
        where = f"table 3, column {col.zh}"
        cell = lambda row, c=col.key: key(row, c)  # noqa: E731
        out.append(Identity(f"table3.balance.{col.key}", where, (cell("received"), cell("carried_over")),
                            (cell("processed_total"), cell("carried_forward")), names=names))  # fmt: skip
        out.append(Identity(f"table3.outcomes.{col.key}", where, (cell("processed_total"),),
                            tuple(cell(row) for row in OUTCOMES), tuple(cell(row) for row in OPTIONAL_OUTCOMES),
                            names))  # fmt: skip
    for row in rows:
        names = tuple((key(row, col.key), col.zh) for col in COLUMNS)
        parts = tuple(key(row, col.key) for col in COLUMNS[:-1])
        out.append(Identity(f"table3.total.{row}", f"table 3, row {row_names[row]}", (key(row, "total"),), parts,
                            names=names))  # fmt: skip
    return tuple(out)


#: What table 3 must satisfy: each column balances, the outcomes add up to （七）总计, each row to its 总计.
IDENTITIES = _identities()
#: Prose counts checked against the table cells that state the same thing.
PROSE_VS_TABLE = {
    k: (k,)
    for k in ("requests.received.total", "requests.carried_over.total", "requests.carried_forward.total",
              "requests.granted.total", "requests.partial.total")
}  # fmt: skip
#: This year's 上年结转 is last year's 结转下年度.
CARRY_OVER = (CarryOver("crossyear.carried_over", "requests.carried_over.total", ("requests.carried_forward.total",)),)


def _disclosure_rate(c: Counts) -> float | None:
    v = values(c, "requests.granted.total", "requests.partial.total", "requests.processed_total.total")
    return None if v is None else ratio(v[0] + v[1], v[2])


def _legal_person_share(c: Counts) -> float | None:
    v = values(c, "requests.received.total", "requests.received.natural_person")
    return None if v is None else ratio(v[0] - v[1], v[0])


DERIVED = (
    Derived("disclosure_rate", "公开率", "disclosure rate", "(予以公开 + 部分公开) / 办理结果总计", _disclosure_rate),
    Derived("refusal_rate", "不予公开率", "refusal rate", "不予公开 (8 项之和) / 办理结果总计",
            lambda c: ratio(total(c, DENIED), c.get("requests.processed_total.total"))),
    Derived("legal_person_share", "法人或其他组织申请占比", "share of requests from legal persons",
            "(新收申请总计 − 自然人) / 新收申请总计", _legal_person_share),
    Derived("denied_total", "不予公开合计", "denied, total", "不予公开 8 项之和", lambda c: total(c, DENIED),
            rate=False),
)  # fmt: skip
