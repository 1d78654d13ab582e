"""The words the catalogue is written in, as regex fragments the families share.

Units, the words that link a verb to its number, the words that make a count a part, another
channel, an audit, a cumulative figure or another kind of matter, and the negations that state
zero. The prose engine (``govdisc/parse/prose.py``) holds no word of its own: it reads
:data:`COUNT_UNITS`, :data:`WHOLE`, :data:`PART` and :data:`CLAUSE_MARKS` from here.
"""

from __future__ import annotations

from govdisc.numbers import NUMBER

N = NUMBER
#: Words between a verb (or noun) and its number: ``共``, ``达``, ``为``, ``了``, ``的有``.
LINK = r"(?:的)?(?:共计|共|合计|总计|累计|达到|达|为|计|有|了)?"
#: Counting units of items of information.
ITEMS = r"(?:条|篇|件|则|个)"
#: Counting units of cases (reconsideration, litigation).
CASES = r"(?:件|起|宗|次|个|例)"
#: Counting units of requests (件 宗 条 份 起 项 …).
REQUEST_UNITS = r"(?:件|宗|条|个|份|次|例|起|项)"
#: Every unit after which a number is a count the prose engine reads. Longer units come first so
#: that ``人次`` is not taken for ``次`` nor ``万元`` for ``元``; units no concept takes (人次,
#: 万元, 个工作日) still end the words before the next count.
COUNT_UNITS = r"(?:万人次|人次|万元|亿元|个工作日|个月|个百分点|件|条|篇|次|场|宗|起|个|项|份|则|期|例|元)"
#: The units of the counts concepts read unless they say otherwise (not 元, 人次, 万元).
COUNTS = r"(?:件|条|篇|次|场|宗|起|个|项|份|则|期|例)"
#: Marks inside a sentence that end the words before a number (a clause, a bracket; not 、, which
#: joins the verbs and nouns of one clause: 采集、发布、修订信息616条).
CLAUSE_MARKS = "，,；;：:（）()"
#: A stated whole: a count with these words right before it states the year's (or the body's) total.
WHOLE = r"全年|全(?:省|市|区|县|镇|乡|局|委|办)|(?<![公中])共(?![享同建青产性])|合计|总计"
#: A list of several (区新闻网、区人大网…等): a whole word after it in a count's lead sums that list, not the year.
LISTED = r"、[^，。；,;]{1,30}?等"
#: A part: a count after these words in its sentence is a part of something stated before it.
PART = r"其中|包括|包含|含(?!有)"
#: New-media channels: accounts and apps beside the government website.
NEW_MEDIA = r"微博|微信|公众号|新媒体|抖音|快手|头条|视频号|美篇|客户端|小程序|APP|App"
#: One channel of a list, named with a new-media word (微信公众号“人文廿三里”, 政务微博).
_NEW_MEDIA_ITEM = rf"[^、，。；,;等和及与\d]{{0,8}}?(?:{NEW_MEDIA})[^、，。；,;等和及与\d]{{0,8}}"
#: Channels that are all new media, used as the channel of what follows (美篇、微信等; 微信公众号、
#: 视频号、抖音号等新媒体平台): though it ends in 等, such a list is one kind of channel.
_NEW_MEDIA_CHANNELS = rf"(?:{_NEW_MEDIA_ITEM}[、和及与])*{_NEW_MEDIA_ITEM}(?=等|平台|账号|矩阵|发布|推送|上)"
#: The words that introduce the channel of a count (通过政府网站, 利用…平台).
_BY = r"通过|依托|利用|借助|运用|在"
#: Before a count, in the words before its number, these make it another channel, a subset or a period.
#: A channel or a thematic column (not the 政府信息公开专栏 itself); one named in a list of several that
#: are not all new media (政府网站、微信公众号等平台; 新媒体平台等形式) is one of those summed.
#: A column of the website that is one kind of information (规划计划类栏目), not its disclosure column or all of them.
_COLUMN = r"(?<![各全])(?<!政府信息公开)(?<!政务信息公开)(?<!政务公开)(?<!信息公开)栏目"
CHANNEL = (
    r"(?:(?<!政府信息公开)(?<!政务信息公开)(?<!政务公开)专栏|专题|专区|"
    rf"{NEW_MEDIA}|{_COLUMN})(?![^，。；,;]{{0,6}}等)|(?:^|{_BY}){_NEW_MEDIA_CHANNELS}"
)
#: New-media channels named earlier in a count's sentence, with no semicolon between: the count is theirs
#: (通过美篇、微信等平台，……，发布信息N条).
NEW_MEDIA_BEFORE = rf"(?:{_BY}){_NEW_MEDIA_CHANNELS}[^；;]*$"
PART_OR_CHANNEL = rf"{CHANNEL}|今日|本月|当月|每周|每月|季度|上半年|下半年|重点领域|\d+\s*[-—至]\s*\d+\s*月"
#: Audits and clean-ups count what was checked, not what was published.
AUDIT = r"排查|清理|检查|核查|自查|抽查|巡查|梳理|整改|普查"
#: Figures that add up years (截至…累计, 建站以来): not the year's count.
CUMULATIVE = r"(?:截至|截止|至今|迄今|(?:建站|开通|上线|成立|运行)以来)[^。]*累计|累计至今|历年累计|累计已"
#: Matters that are not requests for information: hotlines, complaints, letters, services, approvals, and
#: 依申请公开信息 as a class of information (not when its handling follows: 依申请公开信息的受理、办理, nor
#: when it is what was received: 收到依申请公开信息3条).
OTHER_MATTERS = (
    r"热线|12345|12315|工单|投诉|举报|信访|来信|来电|来访|咨询|留言|建议|提案|服务事项|政务服务|办件|审批|许可|"
    r"诉求|求助|(?<!收到)(?<!受理)(?<!接收)(?<!接到)依申请公开信息(?!(?:的)?(?:办理|受理|申请|答复|处理))"
)
#: A kind of requester or channel: a zero said of one of them (未收到法人或其他组织的申请, 未收到当面申请)
#: is not a zero of all requests (公民、法人和其他组织 together are all of them).
SOME_REQUESTS = r"自然人|企业|机构|当面|网络|网上|信函|邮寄|传真|邮件|线下|线上|(?<!公民、)(?<!公民)法人"
#: Negations that state zero, with room for words before the thing negated
#: (not 未经, which is the 未经复议直接起诉 column of table 4).
NONE = r"(?:没有|未发生|未出现|未收到|未接到|未接收|未受理|未有|未因|未曾|未被|均未|尚未|未产生|没有产生|未涉及)"
#: 无, which states zero only right before the thing (无行政复议), never across 无正当理由….
NONE_SHORT = r"(?:均无|无)(?:发生|因政府信息公开(?:引起|导致|产生)?的?)?"
#: 无因…, a negation of matters arising from a cause (无因政府信息公开问题被提起行政诉讼).
NONE_CAUSED = r"无因"

#: A row label's numbering in the tables before 2019 (一、 2. （3）), and the count words after it.
NUMBERED = r"^(?:[一二三四五六七八九十\d]+[.、．]?)?"
SUB_NUMBERED = r"^(?:[（(]?\d+[)）.、．]?)?"
COUNT_ROW = r"(?:数|数量|总数|总量)?(?:[（(]?(?:件|条|个|次|宗)[）)]?)?$"
