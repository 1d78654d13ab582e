"""Who issued a document, which year it reports on, and what kind of document it is.

Each field is read from the best place the document offers and left empty when none is sure:

- **agency**: the title (<agency>2022年…报告, <agency>政府信息公开工作2022年度报告, <agency>关于…的通知); the name
  on the line above or below a title that does not name one (a government with its organs, 某某县人民政府机关, is the
  government); the report a news article is about (《<agency>2023年…年度报告》公布); the signature (at the end, or
  above the date of an issuing notice); the opening sentence (现公布 / 特编制 / 特向社会公布 X 2022年…报告, 本报告由 X
  编制, 结合 X 信息公开工作实际, 2022年，(在…指导下，)X坚持…, also after a sub-heading run into its paragraph); the
  contact sentence (请与 X 联系); the page's 发布机构 / 来源 field; its breadcrumb; the site's name before its address
  in the page's header (某某县人民政府 www.… 发布时间). A name read from the text must have the shape of a body's name
  (…局, …委员会, …办公室, …人民政府, …街道, a town as an opening's subject …), never a sentence fragment or a generic
  区统计局. Failing all of them: a generic name the opening gives the body (县统计局坚持…) with the one place of its
  level the page names (嵩明县卫生健康局); a body that calls itself by its kind (中心深入…) with the one full name the
  text gives its website (某某市某某中心官网); a body that speaks as 我局 with the one name it gives a rule of its own
  (我局制定《某某市某某局…制度》); the place a 来源 field names (北京朝阳 → 北京市朝阳区) when the text speaks for the
  place as a whole (全区…) and never as a body (我局…); the place a sentence counts for as a whole (某某市共有…) when
  the text names no other; the place a text speaks for as 我市 (我县, 我区) when it names one place of that level and
  its 人民政府. A name the text also gives in full is given in full (温岭市农水局 → 温岭市农业农村和水利局, 茅坪回族镇
  → 茅坪回族镇人民政府, 某某区政府办公室 → 某某区人民政府办公室). A title a page's 标题 field holds is its title.
- **year**: the title's; the 统计期限 (…年1月1日至…年12月31日); the report named in the opening
  sentence; for a plan or a task table, the year of its own document number, else of its date line; the
  year the text names most, a target's year (到2023年, 2022年底前) not counted; the 12月31日 it counts up to.
- **doc_type**: the title's words; the document an issuing notice issues (现印发给你们, 制定了…，现印发, 附件：);
  the document's structure (the annual report form's headings, also run into their paragraphs (（一）主动公开情况。…,
  （一）“主动公开”工作情况：…), and tables; a report that names itself: 本报告根据…, 本报告包括…, 编制本报告; a task
  table's 责任单位)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from govdisc.model import Block, Paragraph, Table
from govdisc.patterns import lazy
from govdisc.region import resolve, short_name
from govdisc.text import DATE_LINE, HEADING, YEAR, YEAR_NOT_DATE

from .segment import ORG_NAME, TITLE_END, YEAR_IN_TITLE, clean_line, title_agency

# --------------------------------------------------------------------------------------------
# doc_type vocabularies

#: Titles that are rules or guides about reports, not reports (…年度报告制度, …公开指南): ``other``.
NOT_A_REPORT = lazy(r"(?:制度|办法|规定|细则|规则|指南|目录|意见|条例)(?:[（(][^）)]{1,12}[）)])?$")
#: A notice that issues no document (关于做好…编制工作的通知) is ``other``; one that issues a plan,
#: a table or a report (关于印发…要点的通知) takes the type of what it issues.
NOTICE = lazy(r"通知$")
ISSUES = lazy(r"印发|转发|公布")
#: A news article about a report (…发布2022年政府信息公开工作年度报告, 图解…) is ``other``: its
#: title's verbs, and the bylines of its opening.
NEWS_TITLE = lazy(
    r"^(?!关于).{0,30}?(?:发布|公布|出炉|解读)[^，。]{0,30}?(?:年度报告|年报)$|(?:年度报告|年报)[^，。]{0,6}?(?:发布|出炉|解读)"
    r"|图解|一图读懂|答记者问"
)
NEWS_OPENING = lazy(r"本报讯|^[（(【]?记者|通讯员|^(?:日前|近日)[，,]")
#: doc_type by title words, first match wins: a report on how a plan was carried out
#: (工作要点落实情况) is a summary, not the plan; a 总结和…要点 is a summary; a 要点分工方案 or a 任务责任清单
#: a division of tasks; 政府信息公开工作报告 (no 年度) is the annual report all the same.
DOC_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("annual_report", lazy(r"年度报告|年报|信息公开(?:工作)?的?报告")),
    ("work_summary", lazy(r"(?:落实|完成|执行|推进|开展|进展)情况")),
    ("task_division", lazy(r"分工|任务分解|责任分解|分解表|任务清单|责任清单")),
    ("work_summary", lazy(r"总结|自评报告|自查报告|工作报告|工作情况")),
    ("work_plan", lazy(r"要点|计划|安排|实施方案|工作方案|落实措施|措施|思路|打算")),
)
#: Headings of the annual report's form (2019 and 2021 templates, and the older one with 概述),
#: written after their numbering (一、 （一））, or the start of a sub-heading (（一）主动公开成效显著).
#: Two different ones make an annual report.
ANNUAL_HEADINGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("overview", lazy(r"^(?:总体情况|概述|基本情况)$")),
    ("proactive", lazy(r"^(?:政府信息)?主动公开")),
    ("request", lazy(r"^(?:政府信息)?依申请公开|^收到和处理政府信息公开申请")),
    ("management", lazy(r"^政府信息管理(?:工作)?(?:情况)?$")),
    ("platform", lazy(r"^(?:政府信息公开)?平台建设(?:工作)?(?:情况)?$")),
    ("oversight", lazy(r"^监督保障(?:工作)?(?:情况)?$")),
    ("review", lazy(r"行政复议[、和及与].{0,4}行政诉讼.{0,3}情况$")),
    ("fees", lazy(r"收费及减免(?:情况)?$")),
    ("consulting", lazy(r"^(?:政府信息公开)?咨询(?:处理)?情况$")),
    ("problems", lazy(r"^存在的?主要问题(?:及|和)改进(?:情况|措施)$")),
    ("other_matters", lazy(r"^其他需要报告的事项$")),
)  # fmt: skip
#: A sub-heading run into its paragraph (``（一）主动公开情况。通过…``, ``（二）“依申请公开”工作情况：本年度…``): the
#: words before the first 。 or colon read as a heading when they name a part (…情况) in a few words.
RUN_IN_HEADING = lazy(r"^(?P<heading>[^，,。；：:]{2,20}情况)[。：:]")
#: Quotes around a heading's words (（一）“主动公开”工作情况：…): not part of the heading.
QUOTES = lazy(r"[“”\"‘’「」]")
#: Marks of the annual report's tables: the 第二十条 rows of table 2 and the rows of table 3.
ANNUAL_TABLE_MARKS = lazy(
    r"第二十条\s*第\s*[（(]\s*[一二三四五六七八九十]\s*[）)]\s*项|本年新收政府信息公开申请数量|上年结转政府信息公开申请数量"
)
#: A report that speaks of itself as this year's report (本年度报告根据…编制, 本报告包括…六个部分, 现公布…年度报告).
ANNUAL_SELF = lazy(
    r"(?:^|[。！？\s])(?:本(?:年度)?报告|本年报)(?:是|系)?(?:根据|依据|按照|依照|由|所列|包括|包含|分为)"
    r"|(?:现将|现公布|现予公布|现予以公布|现发布|[现特]向社会公布|特编制|现编制)[^。]{0,60}?(?:年度报告|年报|信息公开(?:工作)?的?报告)"
    r"|编制(?:并?(?:发布|公布))?本(?:年度)?(?:报告|年报)"
)
#: A summary's own words for itself (现将…工作总结如下) and its headings: what was done, then what
#: comes next. One of each makes a work summary.
SUMMARY_SELF = lazy(r"现将[^。]{0,50}?(?:总结|开展情况|工作情况|落实情况|完成情况)(?:报告)?如下|(?:总结|汇报)如下")
#: (a summary's headings: what was done …)
SUMMARY_DONE = lazy(
    r"^(?:\d{4}年)?(?:主要)?(?:工作)?(?:开展|推进|完成|落实)?(?:情况|做法|成效|成绩|亮点)(?:及|和|与)?(?:成效|做法|经验)?$"
)
#: (… and what comes next)
SUMMARY_NEXT = lazy(r"^(?:\d{4}年|下一步|下步|明年)(?:工作)?(?:计划|打算|安排|思路|举措|重点|工作)$")
#: A plan's own words for itself (制定本要点, 现将…工作要点印发).
PLAN_SELF = lazy(
    r"制定本(?:要点|计划|方案|实施方案|工作要点)|现将[^。]{0,40}?(?:工作要点|工作计划|实施方案)(?:印发|如下)"
)
#: The column heads of a task table (who does what by when): a division of tasks.
RESPONSIBLE_HEADS = lazy(
    r"^(?:责任|牵头|落实|配合|承办)(?:单位|部门|科室|处室|股室)$|^牵头(?:单位|部门)及责任(?:单位|部门)$"
)
#: (the task columns beside it)
TASK_HEADS = lazy(
    r"^(?:工作任务|重点任务|主要任务|任务|具体要求|工作要求|主要内容|工作措施|完成时限|时限要求|时间要求)$"
)

# --------------------------------------------------------------------------------------------
# title, agency and year vocabularies

#: A line shaped like a title: a year and a title's last word, or a report's kind at its end.
TITLE_LIKE = lazy(
    rf"{YEAR_IN_TITLE}.{{0,40}}?{TITLE_END}$|^.{{2,40}}?(?:年度报告|工作总结|工作要点)(?:[（(]{YEAR_IN_TITLE}[）)])?$"
)
#: What stands before a title on its line: a document number (``京政办发〔2016〕26号《…》``) or a
#: flipbook's page label (``Page 9 - <title>``).
DOC_NUMBER = lazy(
    r"^(?:[\u4e00-\u9fff]{1,10}[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号|[Pp]age\s*\d{1,4}\s*[-–—]\s*)"
)
#: The label of a page's title field (``标题：…``): the title follows it.
TITLE_FIELD = lazy(r"^(?:标\s*题|文件名称|文章标题)\s*[：:]\s*")
#: A line this short is a menu item or a button of the page, never a title: it does not count
#: among the first lines a title is looked for in.
MENU_ITEM = 6
#: The title of a rule or guide about open information (…年度报告制度, 政府信息公开指南).
RULES_TITLE = lazy(r"^[^，。；：]{2,50}?(?:信息公开|政务公开)[^，。；：]{0,20}?(?:制度|办法|规定|细则|规则|指南|目录)$")
#: A line that is only a body's (or a place's) name.
ORG_LINE = lazy(rf"^{ORG_NAME}$")
#: A government named with its organs (城口县人民政府机关: the government and its office, as its report says
#: 以…人民政府及其办公室名义（以下统称县政府机关）): the government.
GOVERNMENT_ORGANS = lazy(r"(?<=人民政府)机关$")
#: Lines below a signature that are not the signature: contacts, attachments, (此件公开发布).
CONTACT_LINE = lazy(r"联系人|联系电话|电话[：:]|附件|^[（(].*[)）]$")
#: What a body's name read from the text ends with: the shape of a name, not of a sentence.
BODY_SUFFIX = lazy(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|办事处|街道|局|委|办|厅|署|中心|院|站|所|队|处|监管局|分局)$"
)
#: Words no body's name holds: a sentence (我局未收到…) or a title (…办公室转发…) cut short.
NOT_IN_A_NAME = lazy(
    r"收到|转发|印发|关于|根据|按照|依据|通过|进行|开展|做好|认真|坚持|以下|简称|情况|报告|要求|现将|现公布|的|[我该]"
)
#: A generic name that says no place (区统计局, 市政府办公室, 本单位, 街道办事处): which body it is stays unknown.
GENERIC_NAME = lazy(r"^(?:[省市区县镇乡州](?!场)|本(?!溪)|全|各|该|街道)")
#: Parenthesised asides inside a name: (以下简称龙华局), （市政务公开办）.
ASIDE = lazy(r"[（(][^）)]{0,20}[）)]")
#: The opening sentence that names the report: 现公布 / 现将 <agency><year>年…报告.
OPENING_TITLE = lazy(
    r"(?:现将|现公布|现予公布|现予以公布|现发布|[现特]向社会公布|特此公布|特编制|现编制)[《〈]?(?P<title>[^，。；：、《》〈〉]{4,90}?(?:报告|总结))"
)
#: The sentence that names who compiled the report: 本(年度)报告(…)由 <agency> (根据…)编制.
COMPILED_BY = lazy(
    rf"(?:^|[。！？\s])本(?:年度)?(?:报告|年报)(?:是|系)?[^。]{{0,80}}?由(?P<agency>{ORG_NAME})(?=根据|依据|按照|依照|编制|负责编制|组织编制)"
)
#: The clauses an opening may put before its subject: 在县委县政府的正确领导下，在…的指导帮助下，….
GUIDED_BY = r"(?:在[^，,。；]{2,40}?(?:领导|指导|关心|支持|部署|带领|帮助)下\s*[，,]\s*){0,3}"
#: The verbs that follow an opening's subject (坚持, 深入 …).
SUBJECT_VERBS = (
    r"(?=坚持|认真|深入|严格|紧紧|紧密|始终|按照|根据|围绕|全面|积极|进一步|持续|高度|以习近平|扎实|不断|切实|大力|着力"
    r"|聚焦)"
)
#: The first sentence whose subject is the body: ``2022年，滨江区统计局坚持…``, ``2022年，在…指导下，某某镇深入…``.
SUBJECT_OPENING = lazy(
    rf"^(?:{YEAR}\s*年(?:度|以来)?\s*[，,]?\s*)?{GUIDED_BY}(?!度)(?P<agency>{ORG_NAME}){SUBJECT_VERBS}"
)
#: The same opening with the body's bare kind as its subject (2024年，中心深入…): the body speaks of itself.
KIND_OPENING = lazy(
    rf"^(?:{YEAR}\s*年(?:度|以来)?\s*[，,]?\s*)?{GUIDED_BY}(?P<kind>中心|局|委员会|办公室|院|站|所){SUBJECT_VERBS}"
)
#: The body's own website after its name (通过某某市某某中心官网主动公开…).
OWN_SITE = r"(?:官网|官方网站|门户网站|政务网站|网站)"
#: How many characters a body's name before its kind may have, at most.
NAME_CHARS = 20
#: The opening's account of whose work the report covers: 结合(2022年)<agency>(政府)信息公开工作实际 / 年度工作情况.
WORK_OF = lazy(
    rf"结合(?:{YEAR}\s*年度?)?(?P<agency>{ORG_NAME})(?:政府)?(?:信息公开|政务公开)(?:年度)?工作(?:实际|情况)"
)
#: A body's name that may be short for a longer one: a place (…区, …县), then two to six characters ending
#: as a body's name ends (农水局, 人社局).
ABBREVIATED = lazy(r"^[\u4e00-\u9fff]{1,12}?[省市区县](?=[\u4e00-\u9fff]{1,5}[局委办厅院]$)")
#: How many characters the full name may add after each of the short name's (人社局 → 人力资源和社会保障局).
MAX_GAP = 6
#: … and before its end, at most: a name that only adds words there (商务局 → 商务综合执法局) is another body.
LAST_GAP = 3
#: The rest of a name's last word in full (发改委 → 发展和改革委员会, 人防办 → 人民防空办公室).
NAME_ENDINGS = {"委": "员会", "办": "公室"}
#: A government named short (永川区政府办公室 for 永川区人民政府办公室, as a page's 发布机构 field may write it).
SHORT_GOVERNMENT = lazy(r"(?<!人民)政府")
#: A town or a 街道 named as its body (茅坪回族镇, 廿三里街道) …
TOWN = lazy(r"(?:镇|乡|街道)$")
#: … and the body's own name after it (…镇人民政府, …街道办事处).
TOWN_BODY = r"(?:人民政府|办事处)"
#: A generic name of a county's, a district's or a city's body (县统计局, 区政府办公室): the place is the one
#: the page names at that level (…县, …区, …市). One body, not two (县委县政府).
PLACE_GENERIC = lazy(r"^[县区市](?!场)(?!.*(?:[省区县]|市(?!场)))")
#: How the text speaks of a place as a whole (全区各级行政机关): a page whose 来源 is a place may be the place's own.
WHOLE_PLACE = "全{}"
#: A sentence whose subject is a place counting as a whole (某某市共有…查阅场所, 某某县全年共…).
PLACE_SUBJECT = lazy(r"(?:^|[。；！？])(?P<place>[\u4e00-\u9fff]{2,8}?[市县区])(?=共有|全年共|共计|累计)")
#: How a body speaks of itself (我局, 本中心): the page is a body's, not a place's.
SELF_AS_BODY = lazy(r"[我本](?:局|委|办|厅|中心|院|所|站|队|处|镇|乡|街道|单位|部门|公司)")
#: How many characters a place's name before its 县/区/市 may have, at most.
PLACE_CHARS = 7
#: A document's title in the form of an official document (<agency>关于…的通知): the agency before 关于.
ISSUER_TITLE = lazy(rf"^(?P<agency>{ORG_NAME})关于[^，。；]{{2,60}}?(?:通知|通报|报告|意见|决定|方案|函)$")
#: The contact sentence of a report: 如对本报告有疑问，请与 <agency>（地址…）联系.
CONTACT = lazy(
    r"(?:疑问|异议|意见|建议)[^。]{0,40}?(?:请|可|直接)(?:与|联系[：:]?)(?P<agency>[^，。；、：:]{2,40}?)(?:[（(][^）)]*[）)])?(?:联系|[。；（(]|$)"
)
#: The page's own fields naming the body that published it (``发布机构：``, ``来源：``, the cells of a
#: metadata table ``发布机构 | 镇安县政府``), best first.
PUBLISHER_FIELDS = (
    lazy(r"(?:发\s*布\s*机\s*构|发文机关|发布单位|发文单位)\s*[：:|]\s*(?P<agency>[^\s|：:]{2,40})"),
    lazy(r"(?:文章来源|信息来源|来源单位|来源)\s*[：:|]\s*(?P<agency>[^\s|：:]{2,40})"),
)
#: A site's name before its address at the top of a page (``中方县人民政府 www.zhongfang.gov.cn 发布时间：…``),
#: the page's date or nothing after it: the body whose site publishes the page (a name ending 网站 names a site).
SITE_HEADER = lazy(
    r"^(?P<agency>[\u4e00-\u9fff（）()]{2,30}?)(?<!网站)(?<!网)\s*(?:https?://)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:cn|com|net|org)/?(?:\s+(?:发布时间|发布日期|时间|日期|来源|\d{4}\s*[-年])|\s*$)",
    re.IGNORECASE,
)
#: A news article's title, or its byline's opening, about a report it names (《某某厅2023年…年度报告》公布, 某某讯
#: 《…》近日公布): the report's body. A sentence that starts with a document's title is not one.
REPORTED = lazy(
    r"^[《〈](?P<title>[^》〉]{4,60})[》〉]\s*(?:正式|全文)?(?:公布|发布|出炉|公开|解读)$"
    r"|^[\u4e00-\u9fff]{1,8}讯\s*[《〈](?P<news>[^》〉]{4,60})[》〉]\s*(?:近日|日前|今日|今天|正式)?(?:公布|发布|出炉|公开)"
)
#: A body that speaks as 我局 (我委, 我办 …) naming a rule of its own after itself (我局制定《某某市某某局…制度》): the
#: name in the rule's title, up to the first word of the kind it speaks as.
OWN_RULE = lazy(
    r"[我本](?P<kind>局|委|办|中心)(?:制定|制订|出台|修订|修改|编制|印发)(?:了|并印发)?[《〈](?P<title>[^》〉]{4,60})[》〉]"
)
#: How a text speaks for a place as a whole (我市各级人民政府, 我县): the place of that level it names.
SELF_AS_PLACE = lazy(r"我(?P<level>[市县区])")
#: A breadcrumb (首页 > 部门信息公开 > 区卫生健康局 > 年报): its steps.
BREADCRUMB = lazy(r"\s*[>›»＞]\s*")
#: The 统计期限 of a report: a whole calendar year (2024年1月1日至2024年12月31日).
STAT_PERIOD = lazy(
    rf"({YEAR})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*[，,]?\s*(?:至|到|—|－|-|~)\s*(?:({YEAR})\s*年\s*)?12\s*月\s*31\s*日"
)
#: A year a plan sets as a target (到2023年, 2022年6月底前, 2020年年底前; not 2022年前三季度): not the year a
#: document is about.
TARGET_YEAR = lazy(
    rf"(?:到|至)\s*{YEAR}\s*年(?:底|末)?|{YEAR}\s*年(?:年底|年末|底|末|\s*\d{{1,2}}\s*月(?:底|末|\s*\d{{1,2}}\s*日)?)?(?:以)?前(?![一二三两四五六七八九十\d半])"
)
#: A document's own number on a line of its own (新政办〔2020〕23号): the year it was issued in.
OWN_NUMBER = lazy(rf"^[\u4e00-\u9fff]{{1,12}}\s*[〔\[［(（]\s*({YEAR})\s*[〕\]］)）]\s*\d{{1,4}}\s*号$")
#: The kinds of document that say what is to be done: dated in the year they are for.
PLAN_TYPES = ("work_plan", "task_division")
#: The day a report counts up to (截止2023年12月31日).
YEAR_END = lazy(rf"({YEAR})\s*年\s*12\s*月\s*31\s*日")
#: The document an issuing notice issues: 《…》已经…同意，现印发给你们 · 制定了…，现印发给你们 · 现将《…》印发 ·
#: 附件：…. A document the notice cites before it makes one (根据《…》要求，制定了…) is not the one issued.
ISSUED = (
    lazy(
        r"[《〈](?P<title>[^》〉]{4,60})[》〉](?:(?!制定|制订|编制)[^。《〈]){0,40}?现(?:予)?(?:印发|转发)(?:给)?你们"
    ),
    lazy(r"(?:制定|制订|编制)了?(?P<title>[^，。；《》〈〉]{4,60}?)[，,]\s*现(?:予)?(?:印发|转发)(?:给)?你们"),
    lazy(r"现将[《〈](?P<title>[^》〉]{4,60})[》〉](?:印发|转发)"),
    lazy(r"^附件\s*\d*\s*[：:]\s*\d*[.、]?\s*(?P<title>.{4,60})$"),
)
#: How many lines (menu items not counted) the title is looked for in.
FIRST_LINES = 6
#: How far an agency's title, or the title after an issuing notice, may stand below the top.
TITLE_SEARCH = 15
#: How many lines at the end the signature is looked for in.
LAST_LINES = 8
#: How many lines the opening sentences and the page's structure are read from.
OPENING_LINES = 10
STRUCTURE_LINES = 80


@dataclass(frozen=True)
class Metadata:
    title: str | None
    agency: str | None
    year: int | None
    doc_type: str


@dataclass(frozen=True)
class Title:
    """The title found among the first lines: its text, whether it is a real title (not merely the
    first line), and the agency's name on a line of its own beside it."""

    text: str | None
    real: bool = False
    agency_line: str | None = None


def _lines(blocks: Sequence[Block]) -> list[str]:
    """The text lines of a document, without table-cell separators; a year broken off its 年
    (``2022`` / ``年政府信息公开…``) is joined back."""
    lines: list[str] = []
    for b in blocks:
        if not isinstance(b, Paragraph) or not (text := clean_line(b.text)):
            continue
        if lines and re.search(rf"{YEAR}$", lines[-1]) and text.startswith("年"):
            lines[-1] += text
        else:
            lines.append(text)
    return lines


def _bare_title(line: str) -> str:
    """A title line without a document number before it and the quotes around it."""
    line = DOC_NUMBER.sub("", TITLE_FIELD.sub("", line)).strip()
    if line.startswith("《") and line.endswith("》"):
        line = line[1:-1]
    return line.strip()


def _is_title(line: str) -> bool:
    return (
        len(line) <= 70
        and not HEADING.match(line)
        and (TITLE_LIKE.search(line) is not None or RULES_TITLE.match(line) is not None)
        and not line.endswith(("。", "：", ":"))
    )


def body_name(name: str | None, *, place: bool = False) -> str | None:
    """``name`` if it has the shape of a body's name, else None.

    Asides in brackets are dropped; a generic name (区统计局) and a sentence or title fragment are
    refused. ``place`` also accepts a place's name (龙岗区), for names read from a title's position.
    """
    if not name:
        return None
    name = ASIDE.sub("", name).strip()
    if not 2 <= len(name) <= 40 or NOT_IN_A_NAME.search(name) or GENERIC_NAME.match(name):
        return None
    if not place and not BODY_SUFFIX.search(name):
        return None
    return name


def find_title(lines: list[str]) -> tuple[str | None, int | None]:
    """The title among the first lines, and its index.

    A title broken over two lines is joined, and so is an agency line just above a title that
    does not name one (``洪泽区人民政府`` / ``2023年政府信息公开工作年度报告``).
    """
    found, index = _find_title(lines)
    return found.text, index


def _find_title(lines: list[str]) -> tuple[Title, int | None]:
    bare = [_bare_title(line) for line in lines]
    first = [i for i, line in enumerate(bare) if len(line) > MENU_ITEM][:FIRST_LINES]
    for i in first:
        line = bare[i]
        if not _is_title(line):
            nxt = bare[i + 1] if i + 1 < len(bare) else ""
            if len(nxt) <= 12 and _is_title(line + nxt) and YEAR_NOT_DATE.search(line):
                return Title(line + nxt, True), i
            continue
        if title_body(line):
            return Title(line, True), i
        above = GOVERNMENT_ORGANS.sub("", bare[i - 1]) if i > 0 else ""
        if ORG_LINE.match(above) and body_name(above, place=True):
            return Title(above + line, True, above), i
        # The agency's name on the line below the title (a page header may repeat the title under it).
        below = next((bare[j] for j in (i + 1, i + 2) if j < len(bare) and ORG_LINE.match(bare[j])), None)
        if below and body_name(below) and below != line:
            return Title(line, True, below), i
        later = _later_title(bare, i + 1)
        if later is not None:
            return later
        return Title(line, True), i
    later = _later_title(bare, first[-1] + 1 if first else 0)
    if later is not None:
        return later
    return Title(lines[0][:70] if lines else None), (0 if lines else None)


def _later_title(bare: list[str], start: int) -> tuple[Title, int] | None:
    """A title further down that names its agency (below a file card or a notice's head)."""
    for i in range(start, min(len(bare), max(TITLE_SEARCH, start + TITLE_SEARCH - FIRST_LINES))):
        if _is_title(bare[i]) and title_body(bare[i]):
            return Title(bare[i], True), i
    return None


def doc_type_of(text: str | None) -> str | None:
    """The doc_type a title's words say, or None."""
    if not text:
        return None
    text = _bare_title(text)
    if NOT_A_REPORT.search(text) or (NOTICE.search(text) and not ISSUES.search(text)):
        return "other"
    if not re.search(r"(?:通知|公告)$", text) and NEWS_TITLE.search(text):
        return "other"
    for name, pattern in DOC_TYPE_RULES:
        if pattern.search(text):
            return name
    return None


def issued_type(lines: list[str]) -> str | None:
    """The doc_type of the document an issuing notice issues (现印发给你们, 附件：…)."""
    for line in lines[:TITLE_SEARCH]:
        for pattern in ISSUED:
            if (m := pattern.search(line)) and (kind := doc_type_of(m.group("title"))):
                return kind
    return None


def _heading_text(line: str) -> str:
    return re.sub(rf"^\s*(?:{HEADING.pattern})\s*", "", line).strip().rstrip("。．.：:；;")


def _cells(blocks: Sequence[Block]) -> list[str]:
    cells: list[str] = []
    for b in blocks:
        if isinstance(b, Table):
            cells += [c.strip() for row in b.rows for c in row if c]
        else:
            cells += [c.strip() for c in b.text.split("|") if c.strip()]
    return cells


def structure_type(lines: list[str], blocks: Sequence[Block]) -> str | None:
    """The doc_type the document's structure shows: the annual report's form (its headings, its
    tables, a report that names itself) or a task table (a 责任单位 column beside the tasks)."""
    head = lines[:STRUCTURE_LINES]
    if any(NEWS_OPENING.search(line) for line in head[:3]):
        return "other"
    text = "\n".join(head)
    table_text = "\n".join(line for b in blocks[:STRUCTURE_LINES] if isinstance(b, Table) for line in b.lines())
    if ANNUAL_TABLE_MARKS.search(text) or ANNUAL_TABLE_MARKS.search(table_text):
        return "annual_report"
    headings = {_heading_text(line) for line in head if len(line) <= 40}
    headings |= {
        m.group("heading") for line in head if HEADING.match(line) and (m := RUN_IN_HEADING.match(_heading_text(line)))
    }
    headings = {QUOTES.sub("", h) for h in headings}
    parts = {name for name, pattern in ANNUAL_HEADINGS for h in headings if pattern.search(h)}
    if len(parts) >= 2 or any(ANNUAL_SELF.search(line) for line in head[:OPENING_LINES]):
        return "annual_report"
    cells = _cells(blocks[:STRUCTURE_LINES])[:40]
    if any(RESPONSIBLE_HEADS.match(c) for c in cells) and any(TASK_HEADS.match(c) for c in cells):
        return "task_division"
    opening = head[:OPENING_LINES]
    if any(PLAN_SELF.search(line) for line in opening):
        return "work_plan"
    done = any(SUMMARY_DONE.match(h) for h in headings)
    if any(SUMMARY_SELF.search(line) for line in opening) or (done and any(SUMMARY_NEXT.match(h) for h in headings)):
        return "work_summary"
    return None


def issued_year(lines: list[str]) -> int | None:
    """The year a document was issued in: its own number's (新政办〔2020〕23号), else its date line's."""
    for line in lines[:TITLE_SEARCH]:
        if m := OWN_NUMBER.match(line):
            return int(m.group(1))
    for line in [*lines[:TITLE_SEARCH], *reversed(lines[-LAST_LINES:])]:
        if DATE_LINE.match(line) and (m := re.search(YEAR, line)):
            return int(m.group())
    return None


def year_of(title: str | None, lines: list[str], *, real_title: bool = True, plan: bool = False) -> int | None:
    """The year reported on: the title's; else the 统计期限; else the year of the report the
    opening names; else, for a plan, the year it was issued in; else the year the body names most (a
    plan's target years not counted); else the 12月31日 it counts up to."""
    if real_title and title and (m := YEAR_NOT_DATE.search(title)):
        return int(m.group(1))
    for line in lines:
        if (m := STAT_PERIOD.search(line)) and m.group(2) in (None, m.group(1)):
            return int(m.group(1))
    for line in lines[:OPENING_LINES]:
        if (m := OPENING_TITLE.search(line)) and (y := YEAR_NOT_DATE.search(m.group("title"))):
            return int(y.group(1))
    if plan and (issued := issued_year(lines)):
        return issued
    if title and (m := YEAR_NOT_DATE.search(title)):
        return int(m.group(1))
    counts = Counter(int(y) for line in lines for y in YEAR_NOT_DATE.findall(TARGET_YEAR.sub("", line)))
    if counts:
        return counts.most_common(1)[0][0]
    ends = Counter(int(y) for line in lines for y in YEAR_END.findall(line))
    return ends.most_common(1)[0][0] if ends else None


def signature(lines: list[str]) -> str | None:
    """The issuing body's name as signed: at the end (the line above the date, or the last line), or
    above the date of an issuing notice's head (``国务院办公厅`` / ``2016年4月2日``)."""
    for line in reversed(lines[-LAST_LINES:]):
        if DATE_LINE.match(line) or CONTACT_LINE.search(line):
            continue
        if ORG_LINE.match(line) and len(line) <= 40 and body_name(line, place=True):
            return line
        break
    for i, line in enumerate(lines[: min(len(lines) - 1, TITLE_SEARCH - 1)]):
        if DATE_LINE.match(lines[i + 1]) and ORG_LINE.match(line) and (name := body_name(line, place=True)):
            return name
    return None


def _sentence_starts(lines: list[str]) -> list[str]:
    """Each line, and the text after a sub-heading run into it (``（四）监督保障情况。2021年，县统计局…``)."""
    starts: list[str] = []
    for line in lines:
        starts.append(line)
        if HEADING.match(line) and (m := RUN_IN_HEADING.match(text := _heading_text(line))):
            starts.append(text[m.end() :])
    return starts


def compiled_by(lines: list[str]) -> str | None:
    """The body the opening sentences name: 现公布 / 特编制 <agency>2022年…报告 · 本报告由 <agency> 编制 ·
    结合 <agency> 信息公开工作实际 · 2022年，<agency>坚持…."""
    head = lines[:OPENING_LINES]
    for line in head:
        for m in OPENING_TITLE.finditer(line):
            if name := body_name(title_agency(ASIDE.sub("", m.group("title"))), place=True):
                return name
    for line in head:
        for m in COMPILED_BY.finditer(line):
            if name := body_name(m.group("agency")):
                return name
    for line in head:
        for m in WORK_OF.finditer(line):
            if name := body_name(m.group("agency"), place=True):
                return name
    for line in _sentence_starts(head):
        if (subject := SUBJECT_OPENING.match(line)) and (name := _subject_body(subject.group("agency"))):
            return name
    return None


def _subject_body(name: str) -> str | None:
    """The body an opening's subject names: a body's name, or a town's or a 街道's (某某镇深入推进…)."""
    return body_name(name) or (body_name(name, place=True) if TOWN.search(ASIDE.sub("", name)) else None)


def _places(lines: list[str], suffix: str) -> set[str]:
    """The names of the places ending in ``suffix`` (县, 区, 市) that the text names."""
    found: set[str] = set()
    for line in lines:
        for m in re.finditer(suffix, line):
            end = m.end()
            for start in range(max(0, end - PLACE_CHARS - 1), end - 1):
                region = resolve(line[start:end])
                if region and line[start:end] in (region["county"], region["city"]):
                    found.add(line[start:end])
                    break
    return found


def own_place_body(lines: list[str]) -> str | None:
    """A generic name the opening gives the body (2021年，县统计局坚持…) with the page's own place: the one
    place of that level the text names (嵩明县 → 嵩明县统计局); none when it names several or none."""
    for line in _sentence_starts(lines[:OPENING_LINES]):
        subject = SUBJECT_OPENING.match(line)
        if subject is None or not PLACE_GENERIC.match(name := ASIDE.sub("", subject.group("agency"))):
            continue
        if NOT_IN_A_NAME.search(name) or not BODY_SUFFIX.search(name):
            return None
        places = _places(lines, name[0])
        rest = re.sub(r"^政府", "人民政府", name[1:])  # 区政府办公室: the district's 人民政府's office
        return body_name(places.pop() + rest) if len(places) == 1 else None
    return None


def _starts_with_place(name: str) -> bool:
    """Whether a name begins with the name of a place (十堰…, 十堰市…), full or short."""
    region = resolve(name)
    units = [u for u in (region or {}).values() if u and not u.isdigit()]
    return any(len(n) >= 2 and name.startswith(n) for u in units for n in (u, short_name(u)))


def own_site_body(lines: list[str]) -> str | None:
    """The body of a page that calls itself by its kind (2024年，中心深入…), named in full where the text names
    its website (通过某某市某某中心官网…): the one such name, beginning with a place; none when there are several."""
    openings = (KIND_OPENING.match(line) for line in _sentence_starts(lines[:OPENING_LINES]))
    kind = next((m.group("kind") for m in openings if m), None)
    if kind is None:
        return None
    found: set[str] = set()
    for line in lines:
        for m in re.finditer(re.escape(kind) + OWN_SITE, line):
            end = m.start() + len(kind)
            for start in range(max(0, end - NAME_CHARS), end - len(kind) - 1):
                if _starts_with_place(name := line[start:end]) and body_name(name):
                    found.add(name)
                    break
    return found.pop() if len(found) == 1 else None


def place_name(value: str) -> str | None:
    """The full name of the place a short value names (北京朝阳 → 北京市朝阳区, 嵩明县), or None when the
    value is not just a county's or a city's name (with its province's or city's before it)."""
    for written in (value, *(value + s for s in "区县市")):
        region = resolve(written)
        unit = region and (region["county"] or region["city"])
        if not region or not unit:
            continue
        stem = unit if written.endswith(unit) else short_name(unit)
        if not written.removesuffix(unit[len(stem) :]).endswith(stem):
            continue
        before = written.removesuffix(unit[len(stem) :])[: -len(stem)]
        above = [n for n in (region["province"], region["city"]) if n and n != unit]
        parent = next((n for n in reversed(above) if before and (n == before or short_name(n) == before)), None)
        if before and parent is None:
            continue
        return (parent or "") + unit
    return None


def page_place(fields: Sequence[str], lines: list[str]) -> str | None:
    """The place the page's 发布机构 / 来源 field names, when the text speaks for the place as a whole
    (全区…) and never as a body (我局…)."""
    if any(SELF_AS_BODY.search(line) for line in lines):
        return None
    for pattern in PUBLISHER_FIELDS:
        for line in fields:
            for m in pattern.finditer(line):
                place = place_name(m.group("agency"))
                if place and any(WHOLE_PLACE.format(place[-1]) in text for text in lines):
                    return place
    return None


def text_place(lines: list[str]) -> str | None:
    """The place a page speaks for when a sentence counts for it as a whole (某某市共有…) and the text names no
    other place and never speaks as a body (我局…)."""
    if any(SELF_AS_BODY.search(line) for line in lines):
        return None
    subjects = {
        m.group("place")
        for line in lines
        for m in PLACE_SUBJECT.finditer(line)
        if (region := resolve(m.group("place"))) and m.group("place") in (region["county"], region["city"])
    }
    if len(subjects) != 1:
        return None
    named = set().union(*(_places(lines, suffix) for suffix in "市县区"))
    return subjects.pop() if named <= subjects else None


def self_place(lines: list[str]) -> str | None:
    """The place a page speaks for as 我市 (我县, 我区) when the text names one place of that level, names its
    government (…人民政府) and never speaks as a body (我局…): 我市各级人民政府… with 厦门市人民政府门户网站 →
    厦门市."""
    if any(SELF_AS_BODY.search(line) for line in lines):
        return None
    levels = {m.group("level") for line in lines for m in SELF_AS_PLACE.finditer(line)}
    if len(levels) != 1:
        return None
    places = _places(lines, levels.pop())
    if len(places) != 1:
        return None
    place = places.pop()
    return place if any(place + "人民政府" in line for line in lines) else None


def own_rule_body(lines: list[str]) -> str | None:
    """The body that speaks as 我局 (我委 …) and names a rule of its own after itself (我局制定《安顺市住房和城乡
    建设局（…）信息公开制度》): the name up to the first word of its kind, beginning with a place; the one such
    name, none when there are several."""
    found: set[str] = set()
    for line in lines:
        for m in OWN_RULE.finditer(line):
            kind, title = m.group("kind"), ASIDE.sub("", m.group("title"))
            end = title.find(kind) + len(kind)
            name = title[:end] if end > len(kind) else ""
            if title[end:].startswith(ending := NAME_ENDINGS.get(kind, "")):
                name += ending  # 我委 … 《某某市发展和改革委员会…》
            if _starts_with_place(name) and body_name(name):
                found.add(name)
    return found.pop() if len(found) == 1 else None


def reported_body(lines: list[str]) -> str | None:
    """The body of the report a news article is about, named in its title or its byline's opening
    (《某某厅2023年…年度报告》公布)."""
    for line in lines[:TITLE_SEARCH]:
        if (m := REPORTED.match(line)) and (name := title_body(m.group("title") or m.group("news"))):
            return name
    return None


def site_header(lines: Sequence[str]) -> str | None:
    """The body whose site the page is on, named before the site's address at the page's top."""
    for line in lines[:TITLE_SEARCH]:
        if (m := SITE_HEADER.match(line)) and (name := body_name(m.group("agency"))):
            return name
    return None


def contact(lines: list[str]) -> str | None:
    """The body the report's contact sentence names (请与 <agency> 联系)."""
    for line in lines:
        for m in CONTACT.finditer(line):
            if name := body_name(m.group("agency")):
                return name
    return None


def publisher(fields: Sequence[str]) -> str | None:
    """The body the page's 发布机构 / 来源 field or breadcrumb names."""
    for pattern in PUBLISHER_FIELDS:
        for line in fields:
            for m in pattern.finditer(line):
                if name := body_name(m.group("agency")):
                    return name
    for line in fields:
        steps = BREADCRUMB.split(line)
        if len(steps) >= 3:
            for step in reversed(steps):
                if name := body_name(step.strip()):
                    return name
    return None


def header(lines: list[str]) -> str | None:
    """The body's name alone on the first line of a page (its header)."""
    if lines and ORG_LINE.match(lines[0]):
        return body_name(lines[0])
    return None


def title_body(title: str) -> str | None:
    """The body a title names: ``<agency>2022年…报告`` and the like, or ``<agency>关于…的通知``."""
    if name := body_name(title_agency(title), place=True):
        return name
    m = ISSUER_TITLE.match(_bare_title(title))
    return body_name(m.group("agency")) if m else None


def full_name(name: str, lines: list[str]) -> str:
    """The full name the text gives a body named short, if it gives one: a government's (某某区政府办公室 →
    某某区人民政府办公室); a town's or a 街道's own body (茅坪回族镇 → 茅坪回族镇人民政府); an abbreviation
    (温岭市农水局 → 温岭市农业农村和水利局): the same place, then the short name's characters in order with the
    words they stand for after them, ending as it ends."""
    if SHORT_GOVERNMENT.search(name):
        full = SHORT_GOVERNMENT.sub("人民政府", name)
        if any(full in line for line in lines):
            return full
    if TOWN.search(name):
        body = re.compile(re.escape(name) + TOWN_BODY)
        return next((m.group() for line in lines if (m := body.search(line))), name)
    place = ABBREVIATED.match(name)
    if place is None:
        return name
    short = name[place.end() :]
    gap = rf"([^\W{re.escape(short[-1])}省区县]{{0,{MAX_GAP}}}?)"
    ending = NAME_ENDINGS.get(short[-1], "")
    pattern = re.compile(re.escape(place.group()) + gap.join(re.escape(c) for c in short) + f"(?:{ending})?")
    for line in lines:
        for m in pattern.finditer(line):
            *inner, last = m.groups()
            # words stand between the short name's characters, not only before its end
            if any(inner) and len(last) <= LAST_GAP and body_name(m.group()):
                return m.group()
    return name


def agency_of(
    title: str | None, lines: list[str], furniture: Sequence[str] = (), beside: str | None = None
) -> str | None:
    """The issuing body: named in the title, or signed (the fuller of the two wins); failing both,
    the name beside the title, the opening sentences, the contact sentence, the page's fields.
    A name the text also gives in full is given in full."""
    named = title_body(title) if title else None
    signed = signature(lines)
    if named and signed and named in signed and len(signed) > len(named):
        return signed
    found = (
        named
        or body_name(beside, place=True)
        or reported_body(lines)
        or signed
        or compiled_by(lines)
        or contact(lines)
        or publisher(furniture)
        or site_header([*furniture, *lines])
        or header(lines)
        or own_place_body(lines)
        or own_site_body(lines)
        or own_rule_body(lines)
        or page_place(furniture, lines)
        or text_place(lines)
        or self_place(lines)
    )
    return full_name(found, lines) if found else None


def _page_fields(blocks: Sequence[Block], furniture: Sequence[str]) -> list[str]:
    """The page's furniture lines, and the lines of a metadata table at its top."""
    tables = [line for b in blocks[:OPENING_LINES] if isinstance(b, Table) for line in b.lines()]
    return [*furniture, *tables]


def metadata(blocks: Sequence[Block], furniture: Sequence[str] = ()) -> Metadata:
    """Title, agency, year and doc_type of one document; ``furniture`` holds the page lines dropped
    from its text (来源, 发布机构, breadcrumb), read for the agency when the text names none."""
    lines = _lines(blocks)
    found, _ = _find_title(lines)
    title = found.text
    doc_type = (
        (doc_type_of(title) if found.real else None) or issued_type(lines) or structure_type(lines, blocks) or "other"
    )
    agency = agency_of(title if found.real else None, lines, _page_fields(blocks, furniture), found.agency_line)
    if agency is None and not found.real:
        agency = title_agency(title) if title else None
    year = year_of(title, lines, real_title=found.real, plan=doc_type in PLAN_TYPES)
    return Metadata(title, agency, year, doc_type)
