"""Counts from prose: the rules, their false friends, zeros and approximations."""

from __future__ import annotations

import pytest

from govdisc.normalize import normalize_text
from govdisc.parse import PROSE_RULES, find_counts


def counts(text: str, year: int | None = 2022) -> dict[str, int | float]:
    text, _ = normalize_text(text)
    found = find_counts([(line, None) for line in text.split("\n")], PROSE_RULES, year)
    return {k: f.quantity.value for k, f in found.items()}


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("2021年,区政府办公室通过政府信息公开平台主动公开政府信息64条,其中部门文件类信息20条", "published.items", 64),
        ("全年共发布公开信息892条。", "published.items", 892),
        ("市商务局共主动在政务公开网公开政务信息近500篇,形成了多层次的格局。", "published.items", 500),
        ("截止2022年11月,年度公开网信息总量达1490余条,设主栏目12个", "published.items", 1490),
        ("全年在市政府信息公开网站上公开信息六十八条。", "published.items", 68),
        ("2022年,共发布政策解读76个。", "published.policy_interpretations", 76),
        ("我局举办定时定主题新闻发布会4次,主要负责人参加2次", "published.press_conferences", 4),
        ("2022年,共发布回应关切275条。", "published.responses", 275),
        ("2022年市政府办公室收到政府信息公开34件,均为自然人申请", "requests.received.total", 34),
        ("我局共收到公民、法人和其他组织通过各种渠道提出的政府信息公开申请共24件", "requests.received.total", 24),
        ("本年度提出申请的24件中,同意公开的7件,部分公开的7件", "requests.granted.total", 7),
        ("本年度提出申请的24件中,同意公开的7件,部分公开的5件", "requests.partial.total", 5),
        ("区政府牵头承办的市人大代表建议5件(含民生“微实事”3件)、政协委员提案3件", "proposals.npc", 5),
        ("区政府牵头承办的市人大代表建议5件(含民生“微实事”3件)、政协委员提案3件", "proposals.cppcc", 3),
        ("申请人行政复议1件(被省政府认为答复并无不当,判定维持)。", "review.total", 1),
        ("本年度收取信息处理费380元。", "fees.processing_yuan", 380),
        ("全年共发布公开信息1.2万条。", "published.items", 12000),
    ],
)
def test_count_is_read(sentence, key, value):
    assert counts(sentence).get(key) == value


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("2021年我委没有收到政府信息公开申请,但我委已制定严格规章制度", "requests.received.total"),
        ("截止至2022年12月16日,我局未收到依申请公开内容。", "requests.received.total"),
        ("没有发生信息公开行政复议事项,没有信息公开行政诉讼案件", "review.total"),
        ("没有发生信息公开行政复议事项,没有信息公开行政诉讼案件", "litigation.total"),
        ("本年度我局没有因政府信息公开导致申请行政复议、提起行政诉讼的情况。", "litigation.total"),
        ("政府信息公开相关费用全部在行政经费中列支,没有收取申请人任何费用。", "fees.processing_yuan"),
    ],
)
def test_statement_of_zero(sentence, key):
    assert counts(sentence, year=None).get(key) == 0


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
