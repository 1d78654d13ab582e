"""Counts from prose with every rule at once: ranks, other years, false friends, whole sentences.

Each rule's own examples (what it must read, what it must reject) are data in the catalogue and
run alone in ``test_catalogue.py``; these are the sentences where rules meet.
"""

from __future__ import annotations

import pytest

from govdisc.metrics import PROSE_RULES
from govdisc.normalize import normalize_text
from govdisc.parse import find_counts


def counts(text: str, year: int | None = 2022) -> dict[str, int | float]:
    text, _ = normalize_text(text)
    found = find_counts([(line, None) for line in text.split("\n")], PROSE_RULES, year)
    return {k: f.quantity.value for k, f in found.items()}


@pytest.mark.parametrize(
    "sentence",
    [
        "受理群众12315、12345网络平台投诉举报4133件,为群众挽回经济损失83.72万元。",
        "今年,严格遵循公开公正原则招聘新招员工35名。",
        "政务微博1-11月微博发布信息1584条,阅读量达68万次。",
        "积极回应群众关切,主动公开疫情防控类信息149条。",
        "在“高标准市场体系建设信息公开专栏”发布信息82条,其中包括相关文件。",
        "发布上级政策解读36个。",
        "人大建议会办48件(含闭会建议1件)、政协提案会办72件。",
        "对未经复议直接起诉的案件进行统计。",
        "全年共发布公开信息1249条。其中部门文件13条,建议提案办理107条,财政资金224条。",
        "每年至少听取1次政务公开工作汇报。",
        "目前已公开建设实施方案执行情况信息25篇,政策速递栏目12篇。",
        "“江门高新”微信公众号截至目前大概2300条;关注超11万",
    ],
)
def test_false_friends_give_nothing_wrong(sentence):
    got = counts(sentence)
    allowed = {"published.items": {1249}}  # the one real count among them
    assert all(v in allowed.get(k, set()) for k, v in got.items()), got


def test_count_of_another_year_is_not_this_years():
    assert counts("2021年共收到政府信息公开申请12件。", year=2022) == {}
    assert counts("2022年共收到政府信息公开申请12件。", year=2022) == {"requests.received.total": 12}


def test_year_total_wins_over_a_channel_count():
    text = "政务微博发布信息1584条。全年共主动公开政府信息640条。"
    assert counts(text)["published.items"] == 640


def test_zero_does_not_override_inside_a_counted_clause():
    assert "review.total" not in counts("行政复议决定维持2件,无纠正。")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("依申请公开方面,全年共收到申请12件,均已按时办结。", {"requests.received.total": 12}),
        (
            "本年度新收政府信息公开申请3件,上年结转政府信息公开申请1件,结转下年度继续办理2件。",
            {"requests.received.total": 3, "requests.carried_over.total": 1, "requests.carried_forward.total": 2},
        ),
        ("本年度无依申请公开事项。", {"requests.received.total": 0}),
        ("全年无行政复议、行政诉讼案件。", {"review.total": 0, "litigation.total": 0}),
        ("因政府信息公开被申请行政复议0件、被提起行政诉讼0件。", {"review.total": 0, "litigation.total": 0}),
        ("对申请人无正当理由逾期不补正的政府信息公开申请不再处理。", {}),
        ("全年共受理政府信息公开申请十五件,已全部按时办结。", {"requests.received.total": 15}),
    ],
)
def test_whole_sentences(sentence, expected):
    assert counts(sentence, year=None) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("全年累计主动公开政府信息3256条,其中政策文件120条。", {"published.items": 3256}),
        ("今年以来,我局在门户网站发布信息532条。", {"published.items": 532}),
        ("依申请公开政府信息15件,均按时答复。", {}),
        ("对申请予以公开政府信息3件。", {}),
        ("全年未发生因政府信息公开引起的行政复议和行政诉讼。", {"review.total": 0, "litigation.total": 0}),
        ("行政诉讼败诉0件。", {}),
        (
            "开展政策解读32次,发布回应关切信息15条。",
            {"published.policy_interpretations": 32, "published.responses": 15},
        ),
        ("主动公开信息2021年1200条,2022年1500条。", {}),
    ],
)
def test_more_summary_sentences(sentence, expected):
    assert counts(sentence, year=2022) == expected
