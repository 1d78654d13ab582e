"""The row and column labels of the standard tables, as data: what each printed label means.

Patterns are matched against labels with spaces and line breaks removed. They are tried in
order, most specific first, so ``1.申请人无正当理由逾期不补正…`` is never taken for
``大量反复申请``, nor ``（二）部分公开（…不计其他情形）`` for ``其他``.
"""

from __future__ import annotations

import re

from govdisc.keys import REQUEST_ROWS

LabelTable = tuple[tuple[str, re.Pattern[str]], ...]


def compiled(*pairs: tuple[str, str]) -> LabelTable:
    """(key, pattern) pairs with the patterns compiled."""
    return tuple((key, re.compile(pattern)) for key, pattern in pairs)


# Table 3 — 收到和处理政府信息公开申请情况: row key → pattern.
TABLE3_ROWS = compiled(
    ("received", r"本年(?:度)?新收"),
    ("carried_over", r"上年(?:度)?结转"),
    ("carried_forward", r"结转下(?:一)?年度?"),
    ("partial", r"部分公开"),
    ("denied.state_secret", r"国家秘密"),
    ("denied.law_forbidden", r"法律行政法规禁止|其他法律行政|法规禁止公开"),
    ("denied.safety_stability", r"三安全一稳定|危及"),
    ("denied.third_party", r"第三方合法权益|保护第三方"),
    ("denied.internal_affairs", r"内部事务"),
    ("denied.process_info", r"过程性信息"),
    ("denied.enforcement_file", r"执法案卷"),
    ("denied.inquiry", r"行政查询"),
    ("unable.not_held", r"不掌握"),
    ("unable.need_create", r"另行制作|没有现成信息"),
    ("unable.unclear", r"仍不明确|补正后申请内容"),
    ("not_processed.petition", r"信访|举报投诉"),
    ("not_processed.mass_repeat", r"大量反复"),
    ("not_processed.repeat", r"重复申请"),
    ("not_processed.publication", r"公开出版物"),
    ("not_processed.confirm", r"确认或重新出具|重新出具"),
    ("other.unpaid_fee", r"收费通知|缴纳费用|未按.{0,6}缴纳"),
    ("other.no_correction", r"逾期不补正|无正当理由.{0,4}不补正"),
    ("other.other", r"(?:^|[）)\d][.、．]?)其他(?:处理)?$|^[（(]六[）)]其他处理"),
    ("processed_total", r"[（(]七[）)]总计|^总计$|^合计$"),
    ("granted", r"(?<![不分])予以公开|^[（(]一[）)]同意公开"),
)
#: The seven applicant columns of table 3, in the standard order, as printed.
TABLE3_COLUMNS: tuple[tuple[str, str], ...] = (
    ("natural_person", "自然人"),
    ("commercial", "商业企业"),
    ("research", "科研机构"),
    ("social_org", "社会公益组织"),
    ("legal_service", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
)
#: Outcome rows that add up to （七）总计, in the template's order.
TABLE3_OUTCOMES = tuple(k for k in REQUEST_ROWS if k.split(".")[0] in
                        ("granted", "partial", "denied", "unable", "not_processed", "other"))  # fmt: skip
#: Header words that mark table 3.
TABLE3_HEADER = re.compile(r"申请人情况|勾稽关系|商业企业|自然人")

# Table 4 — 行政复议、行政诉讼: three groups of five columns, in the standard order.
TABLE4_GROUPS: tuple[tuple[str, str], ...] = (
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
)
TABLE4_COLUMNS: tuple[tuple[str, str], ...] = (
    ("upheld", "结果维持"),
    ("corrected", "结果纠正"),
    ("other", "其他结果"),
    ("pending", "尚未审结"),
    ("total", "总计"),
)
TABLE4_HEADER = re.compile(r"行政复议|行政诉讼|复议后起诉|结果维持")

# Table 2 — 主动公开政府信息情况: subjects (row labels) and fields (column headers).
TABLE2_SUBJECTS = compiled(
    ("rules", r"^规章$"),
    ("normative_docs", r"^(?:行政)?规范性文件$"),
    ("licensing", r"^行政许可$"),
    ("other_services", r"^其他对外管理服务事项$"),
    ("penalty", r"^行政处罚$"),
    ("coercion", r"^行政强制$"),
    ("fees", r"^行政事业性收费$"),
    ("procurement", r"^政府集中采购$"),
)
TABLE2_FIELDS = compiled(
    ("issued", r"本年制发"),
    ("repealed", r"本年废止"),
    ("in_force", r"现行有效"),
    ("new_made", r"本年新制作"),
    ("new_published", r"本年新公开"),
    ("total_published", r"对外公开总数"),
    ("prev_items", r"上一年项目数"),
    ("change", r"本年增.?减"),
    ("decisions", r"处理决定数"),
    ("amount_10k_yuan", r"收费金额"),
    ("projects", r"采购项目数"),
    ("amount_yuan", r"采购总金额"),
)


def match_first(text: str, table: LabelTable) -> str | None:
    """The key of the first pattern that matches ``text``."""
    return next((key for key, pattern in table if pattern.search(text)), None)
