"""Counts from prose with every rule at once: ranks, other years, false friends, whole sentences.

Each rule's own examples (what it must read, what it must reject) are data in the catalogue and
run alone in ``test_catalogue.py``; these are the sentences where rules meet.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from govdisc import metrics, pipeline
from govdisc.metrics import PROSE_RULES
from govdisc.metrics.schema import Concept, Rule
from govdisc.metrics.vocabulary import CHANNEL
from govdisc.model import Document, Paragraph
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


@pytest.mark.parametrize(
    ("lead", "channel"),
    [
        ("二是通过美篇、微信等发布信息", True),  # a17: new media only
        ("区级政务微信发布信息", True),  # s18
        ("我局通过政府网站、微信公众号、抖音等平台发布各类信息", False),  # samples 001: the website among them
        ("2022年,廿三里街道通过义乌市政府门户网站政务信息公开专栏、政务微信等平台发布信息", False),  # a04
        (
            "通过政府门户网站、政务公开栏、档案查询点、广播、电视、短信平台、电子屏、社会活动日、新媒体平台等形式主动公开政府信息",
            False,
        ),
    ],
)
def test_a_list_of_channels_is_one_channel_only_when_all_are_new_media(lead, channel):
    assert bool(re.search(CHANNEL, lead)) is channel


def test_counts_in_the_section_on_managing_information_are_not_items_published():
    line = "经开区政府信息公开日常工作完成情况良好,2021年共发布10条政策类文件,解读材料同步发布,并进行关联。公开动态信息270条,群众依申请公开信息的申请0次。"  # s18
    assert counts(line, year=2021) == {"published.items": 270}
    assert counts(f"(三)政府信息管理\n{line}", year=2021) == {}


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


def test_results_after_litigation_are_not_reconsiderations():
    """结果维持 belongs to the count right before it: after 行政诉讼46件 it is no review result."""
    text = (
        "政府信息公开行政复议351件，其中结果维持72件，结果纠正64件，其他结果178件，尚未审结37件；"
        "政府信息公开行政诉讼46件，其中结果维持25件，结果纠正5件，其他结果9件，尚未审结7件。"
    )  # huaian_2024, 总体情况
    assert counts(text) == {
        "review.total": 351,
        "review.upheld": 72,
        "review.corrected": 64,
        "review.other": 178,
        "review.pending": 37,
        "litigation.total": 46,
    }


def test_statements_of_one_key_that_disagree_leave_it_out_with_a_warning():
    text = (
        "省政府及其部门受理政府信息公开申请1784件，在对申请答复的1677件中，属同意公开的318件。"
        "市、县(市、区)政府及其部门和乡镇政府受理政府信息公开申请9644件，在对申请答复的9213件中，属同意公开的2845件。"
    )  # a12, by level with no province-wide figure
    warnings: list[str] = []
    found = find_counts([(text, None)], PROSE_RULES, 2018, warnings)
    assert "requests.granted.total" not in found and "requests.received.total" not in found
    assert any("requests.granted.total" in w and "318" in w and "2845" in w for w in warnings)


def _with_limit(key: str, limit: float) -> tuple[Rule, ...]:
    return tuple(
        dataclasses.replace(r, limit=limit) if isinstance(r, Concept) and r.key == key else r for r in PROSE_RULES
    )


def test_a_magnitude_that_cannot_be_right_is_left_out_with_a_warning():
    """The bound is the concept's ``limit``; lowered here so that a real sentence crosses it."""
    sentence = "2025年,在“龙岗政府在线”门户网站主动公开政府信息57551条,更新新闻动态4797条。"  # a20
    warnings: list[str] = []
    found = find_counts([(sentence, None)], _with_limit("published.items", 10_000), 2025, warnings)
    assert "published.items" not in found
    assert warnings == [
        "prose: published.items = 57551 cannot be right (≥ 10000), left out: "
        "在“龙岗政府在线”门户网站主动公开政府信息57551条"
    ]


def test_the_magnitude_warning_reaches_the_record(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(
        metrics, "PROSE_RULES", _with_limit("published.items", 10_000)
    )  # the pipeline reads it per document
    lines = ["2025年政府信息公开工作年度报告", "2025年,在“龙岗政府在线”门户网站主动公开政府信息57551条。"]
    (record,) = pipeline.extract_document(Document(Path("a.txt"), [Paragraph(t) for t in lines]), "a.txt")
    assert "published.items" not in record.metrics
    assert any("published.items = 57551" in w for w in record.warnings)


def test_the_catalogues_bounds():
    """Counts read from prose are bounded per family: items 10^7, requests 10^6, cases 10^5."""
    limits = {r.key: r.limit for r in PROSE_RULES if isinstance(r, Concept)}
    assert limits["published.items"] == 10**7
    assert limits["requests.received.total"] == 10**6
    assert limits["review.total"] == limits["litigation.total"] == 10**5
    assert all(limit is not None for limit in limits.values())


@pytest.mark.parametrize(
    "phrase", ["未发生行政复议被纠错案件", "未发生行政复议、诉讼被纠错案件", "未发生行政诉讼败诉案件"]
)
def test_an_outcome_that_did_not_happen_is_no_zero_of_cases(phrase):
    """No corrected (or lost) case says nothing of how many cases there were."""
    assert counts(f"2022年{phrase}。", year=None) == {}


def test_a_whole_word_after_a_list_sums_the_list_not_the_year():
    """合计 after a list of several (…、…等) sums that list (excerpts/a17, its 四是 clause): no stated whole."""
    from govdisc.parse.prose import _states_whole

    assert not _states_whole(
        "四是通过机关及各村的政务、村务公开栏公开低保评议发放、扶贫领域、安全知识等方面的政务信息合计"
    )
    assert _states_whole("2022年,全镇政府信息公开")
    assert _states_whole("全年共发布公开信息")
