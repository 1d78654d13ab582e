"""The metric keys of RECORD.md, in reading order, with their Chinese and English labels."""

from __future__ import annotations

from collections.abc import Iterable

#: Table 3 applicant columns.
REQUEST_COLUMNS = {
    "natural_person": ("自然人", "natural persons"),
    "commercial": ("商业企业", "commercial enterprises"),
    "research": ("科研机构", "research institutions"),
    "social_org": ("社会公益组织", "public-interest organisations"),
    "legal_service": ("法律服务机构", "legal service agencies"),
    "other_org": ("其他", "other"),
    "total": ("总计", "total"),
}
#: Table 3 rows.
REQUEST_ROWS = {
    "received": ("本年新收申请", "requests received"),
    "carried_over": ("上年结转申请", "carried over from last year"),
    "granted": ("予以公开", "granted"),
    "partial": ("部分公开", "partly granted"),
    "denied.state_secret": ("不予公开-国家秘密", "denied: state secret"),
    "denied.law_forbidden": ("不予公开-法律行政法规禁止", "denied: forbidden by law"),
    "denied.safety_stability": ("不予公开-三安全一稳定", "denied: safety and stability"),
    "denied.third_party": ("不予公开-第三方合法权益", "denied: third-party rights"),
    "denied.internal_affairs": ("不予公开-内部事务信息", "denied: internal affairs"),
    "denied.process_info": ("不予公开-过程性信息", "denied: process information"),
    "denied.enforcement_file": ("不予公开-行政执法案卷", "denied: enforcement file"),
    "denied.inquiry": ("不予公开-行政查询事项", "denied: inquiry matter"),
    "unable.not_held": ("无法提供-本机关不掌握", "unable: not held"),
    "unable.need_create": ("无法提供-需另行制作", "unable: would need creating"),
    "unable.unclear": ("无法提供-内容不明确", "unable: unclear after correction"),
    "not_processed.petition": ("不予处理-信访举报投诉", "not processed: petition"),
    "not_processed.repeat": ("不予处理-重复申请", "not processed: repeat"),
    "not_processed.publication": ("不予处理-公开出版物", "not processed: publication"),
    "not_processed.mass_repeat": ("不予处理-大量反复申请", "not processed: mass repeat"),
    "not_processed.confirm": ("不予处理-确认或重新出具", "not processed: confirmation"),
    "other.no_correction": ("其他处理-逾期不补正", "other: no correction"),
    "other.unpaid_fee": ("其他处理-逾期未缴费", "other: fee unpaid"),
    "other.other": ("其他处理-其他", "other: other"),
    "processed_total": ("办理结果总计", "processed, total"),
    "carried_forward": ("结转下年度", "carried forward"),
}
REVIEW_GROUPS = {
    "review": ("行政复议", "administrative review"),
    "litigation_direct": ("未经复议直接起诉", "litigation without review"),
    "litigation_after_review": ("复议后起诉", "litigation after review"),
}
REVIEW_COLUMNS = {
    "upheld": ("结果维持", "upheld"),
    "corrected": ("结果纠正", "corrected"),
    "other": ("其他结果", "other result"),
    "pending": ("尚未审结", "pending"),
    "total": ("总计", "total"),
}
OTHER_KEYS = {
    "published.items": ("主动公开信息", "items published"),
    "published.policy_interpretations": ("政策解读", "policy interpretations"),
    "published.press_conferences": ("新闻发布会", "press conferences"),
    "published.responses": ("回应关切", "responses to concerns"),
    "proposals.npc": ("人大代表建议", "NPC suggestions"),
    "proposals.cppcc": ("政协提案", "CPPCC proposals"),
    "fees.processing_yuan": ("信息处理费(元)", "processing fees (yuan)"),
    "litigation.total": ("行政诉讼总计", "litigation, total"),
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


def _labels() -> dict[str, tuple[str, str]]:
    labels: dict[str, tuple[str, str]] = {}
    for key in ("published.items", "published.policy_interpretations", "published.press_conferences",
                "published.responses"):  # fmt: skip
        labels[key] = OTHER_KEYS[key]
    for row, (zh_row, en_row) in REQUEST_ROWS.items():
        for col, (zh_col, en_col) in REQUEST_COLUMNS.items():
            labels[f"requests.{row}.{col}"] = (f"{zh_row}({zh_col})", f"{en_row} ({en_col})")
    for group, (zh_g, en_g) in REVIEW_GROUPS.items():
        for col, (zh_c, en_c) in REVIEW_COLUMNS.items():
            labels[f"{group}.{col}"] = (f"{zh_g}-{zh_c}", f"{en_g}: {en_c}")
    for key, pair in OTHER_KEYS.items():
        labels.setdefault(key, pair)
    return labels


#: Every known metric key → (Chinese label, English label), in the order columns are shown.
LABELS = _labels()
KEY_ORDER = {key: i for i, key in enumerate(LABELS)}


def ordered(keys: Iterable[str]) -> list[str]:
    """Metric keys in RECORD.md's reading order; unknown keys after, alphabetically."""
    return sorted(set(keys), key=lambda k: (KEY_ORDER.get(k, len(KEY_ORDER)), k))


def label(key: str, lang: str = "zh") -> str:
    """The column label of a metric key (the key itself when it has none)."""
    pair = LABELS.get(key)
    return key if pair is None else pair[0 if lang == "zh" else 1]
