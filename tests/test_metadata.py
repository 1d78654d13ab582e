"""Metadata and segmentation on real forms that need more than one line of a case file."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisc.metadata import (
    body_name,
    full_name,
    metadata,
    own_place_body,
    own_rule_body,
    own_site_body,
    page_place,
    place_name,
    reported_body,
    self_place,
    site_header,
    text_place,
    year_of,
)
from govdisc.model import Document, Paragraph
from govdisc.pipeline import extract_document
from govdisc.segment import segment, title_agency
from tests.helpers import SAMPLES

COMPILATION = SAMPLES / "001_b0e6df2b91b6b31c.txt"


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _summary(lines: list[str]) -> list[tuple[str | None, int | None, str, dict[str, int | float]]]:
    records = extract_document(Document(Path("x.txt"), [Paragraph(line) for line in lines]), "x.txt")
    return [(r.agency, r.year, r.doc_type, r.metrics) for r in records]


def test_a_compilation_printed_as_one_line_splits_like_the_file() -> None:
    """Sample 001 (eleven summaries) as a page that prints all its text on one line: every title
    run into the text after it starts a document, and each keeps its own counts."""
    lines = _lines(COMPILATION)
    as_file = _summary(lines)
    assert len(as_file) == 11
    assert _summary([" ".join(lines)]) == as_file


def test_a_contents_list_on_one_line_is_not_split() -> None:
    """The contents line of sample 001 (titles separated by spaces) holds no document."""
    contents = next(line for line in _lines(COMPILATION) if line.startswith("安庆市2022年政务公开工作总结 蚌埠市"))
    blocks = segment([Paragraph(contents)])
    assert [b.text for s in blocks for b in s.blocks if isinstance(b, Paragraph)] == [contents]


def test_furniture_is_dropped_from_the_text_and_kept_on_its_document() -> None:
    """excerpts/a19_jiangmen_pengjiang_fgj_2024_trad.txt, lines 1-3 (in simplified glyphs)."""
    source = "来源:蓬江区发展和改革局 发布时间:2025-01-20"
    lines = ["蓬江区发展和改革局2024年度政府信息公开工作年度报告", source, "一、总体情况"]
    (seg,) = segment([Paragraph(line) for line in lines])
    assert source in seg.furniture
    assert source not in [b.text for b in seg.blocks if isinstance(b, Paragraph)]


def test_furniture_before_the_first_document_of_a_compilation_belongs_to_no_document() -> None:
    """Sample 001's page line ``时间:… 浏览量:`` stands above every document."""
    segments = segment([Paragraph(line) for line in _lines(COMPILATION)])
    assert len(segments) == 11
    assert not any(line.startswith("时间:") for s in segments for line in s.furniture)


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("深圳市市场监督管理局龙华监管局", "深圳市市场监督管理局龙华监管局"),  # a14, opening sentence
        ("益阳市人民政府办公室(市政务公开办)", "益阳市人民政府办公室"),  # a21, contact sentence
        ("我局未收到政府", None),  # a10: a sentence
        ("区统计局", None),  # a26: no district named
        ("市市场监督管理局龙华监管局", None),  # a14's breadcrumb: no city named
        ("本单位政府信息公开受理机构", None),  # s12's contact sentence
        ("网友投稿", None),  # s21's 来源: not a body
        ("廿三里街道", "廿三里街道"),  # a04, line 5: a 街道 is a body
        ("街道办事处", None),  # no 街道 named
    ],
)
def test_only_a_name_with_the_shape_of_a_body_is_an_agency(name: str, want: str | None) -> None:
    assert body_name(name) == want


def test_the_year_s_du_never_starts_an_agency() -> None:
    """``2022年度政府信息公开年度报告``, the report named in excerpts/a17_zhenan_maoping_2022.txt, line 4:
    no agency (not ``度政府``)."""
    assert title_agency("2022年度政府信息公开年度报告") is None
    assert title_agency("2022年度螅镇政府信息公开工作年度报告") == "螅镇"  # a18, line 2


def test_a_title_with_its_year_after_the_subject() -> None:
    """The report http://www.zs.gov.cn/zrzyj/zwdt/content/post_2222516.html names (line 1); a cited notice's title cut at its year
    (https://tunchang.hainan.gov.cn/tunchangxxgkzl/xgbmxxgk/xghwyh/zfxxgknb/201812/t20181225_1984209.html, line 2) names no body."""
    assert title_agency("中山市自然资源局政府信息公开工作2022年度报告") == "中山市自然资源局"
    assert title_agency("关于做好政府信息公开2015年度报告") is None


def test_a_news_article_names_the_report_it_is_about() -> None:
    """https://www.szxxw.com/xinxi/20269.html: its byline's opening names the report; a report's own
    sentence that starts with a document's title names no report of its own."""
    report = "《江苏省人民政府办公厅2023年政府信息公开工作年度报告》"
    assert reported_body(["交汇点讯 " + report + "近日公布。"]) == "江苏省人民政府办公厅"
    assert reported_body([report + "公布后，我局认真学习。"]) is None


def test_a_site_header_names_the_site_s_body() -> None:
    """http://www.zhongfang.gov.cn/zhongfang/c133071/202212/1ddcec6132874706894c8c2fd3f33d8b.shtml, line 3; a website's name, or a sentence that
    names a site (https://www.xm.gov.cn/zfxxgk/zfxxgkndbg/szfbgt/201702/t20170208_1529811.htm, line 1), is no header."""
    assert site_header(["中方县人民政府 www.zhongfang.gov.cn 发布时间: 2022-07-24 16:50 【字体:"]) == "中方县人民政府"
    assert site_header(["厦门市人民政府门户网站 www.xm.gov.cn"]) is None
    assert site_header(["本年报电子版在厦门市人民政府门户网站 www.xm.gov.cn 上公布"]) is None


def test_a_body_s_own_rule_names_it() -> None:
    """我局制定《<body>…制度》 (http://www.anshun.gov.cn/zfxxgk/zfxxgknb/2020year/202101/t20210128_66596863.html?isMobile=true, line 6); two names (the rules of
    https://sucai198.com/gongzuozongjie/2023/01/42517.html, one short) or a rule named for its place only give none."""
    own = "我局制定《安顺市住房和城乡建设局(安顺市城市管理综合行政执法局)信息公开制度》,成立工作领导小组"
    assert own_rule_body([own]) == "安顺市住房和城乡建设局"
    assert own_rule_body([own, "我局出台《上城区投促局舆情处置应急制度》"]) is None
    assert own_rule_body(["我局印发《安顺市政府信息公开工作制度》"]) is None


def test_a_page_that_speaks_for_its_city() -> None:
    """我市 with the one city's 人民政府 named (https://www.xm.gov.cn/zfxxgk/zfxxgkndbg/szfbgt/201702/t20170208_1529811.htm); not when the page also
    speaks as a body, names another city or never names the city's government."""
    lines = [
        "结合我市各级人民政府和政府各工作部门年度政府信息公开工作实际编制。",
        "本年报电子版在厦门市人民政府门户网站公布。",
    ]
    assert self_place(lines) == "厦门市"
    assert self_place([*lines, "我局主动公开信息100条。"]) is None
    assert self_place([*lines, "按照福州市有关要求。"]) is None
    assert self_place(["结合我县工作实际，起草了《威县2023年政务公开工作要点》。"]) is None


def _meta(lines: list[str]) -> tuple[str | None, int | None, str]:
    (seg,) = segment([Paragraph(line) for line in lines])
    meta = metadata(seg.blocks, seg.furniture)
    return meta.agency, meta.year, meta.doc_type


def test_a_breadcrumb_is_furniture_whatever_its_first_step() -> None:
    """A breadcrumb of ``>>`` steps that starts with a column's name, not 首页: dropped from the text (not
    taken for a rules title), and the body it names read from it."""
    crumb = "某某区政府信息公开专栏 >> 某某区统计局 >> 政府信息公开制度"
    lines = [crumb, "2022年政府信息公开工作年度报告", "一、总体情况"]
    (seg,) = segment([Paragraph(line) for line in lines])
    assert seg.furniture == [crumb]
    assert _meta(lines) == ("某某区统计局", 2022, "annual_report")


def test_the_page_s_date_before_its_source_field_is_furniture() -> None:
    lines = ["2023年01月10日 来源：某某区统计局", "2022年政府信息公开工作年度报告", "一、总体情况"]
    (seg,) = segment([Paragraph(line) for line in lines])
    assert seg.furniture == [lines[0]]
    assert _meta(lines)[0] == "某某区统计局"


def test_a_notice_and_the_document_it_issues_are_one_document() -> None:
    """关于印发X的通知, its text and signature, then X: one record, the notice's agency, X's type."""
    lines = [
        "某某县人民政府办公室关于印发某某县2022年政务公开工作要点的通知",
        "各乡镇人民政府，县政府各部门：",
        "现将《某某县2022年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。",
        "某某县人民政府办公室",
        "2022年7月1日",
        "某某县2022年政务公开工作要点",
        "一、总体要求",
        "以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，进一步提升政务公开质量。",
    ]
    assert _summary(lines) == [("某某县人民政府办公室", 2022, "work_plan", {})]


@pytest.mark.parametrize(
    ("lines", "agency"),
    [
        # 特编制 <agency><year>年…年度报告: the opening names the report and its body.
        (
            ["根据《中华人民共和国政府信息公开条例》要求，特编制某某市档案馆2023年政府信息公开工作年度报告。"],
            "某某市档案馆",
        ),
        # <year>年<街道> with no comma, and the 街道's 办事处 named further on.
        (
            ["一、总体情况", "2025年某某街道积极推进政府信息公开工作。", "某某街道办事处按要求公开了部门预算。"],
            "某某街道办事处",
        ),
        # 特向社会公布 <agency><year>年…年度报告.
        (
            [
                "根据《中华人民共和国政府信息公开条例》的要求，特向社会公布某某县统计局2020年度政府信息公开工作年度报告。"
            ],
            "某某县统计局",
        ),
        # The subject after the clauses of guidance before it; a town speaks as its body.
        (
            [
                "2021年，在镇党委政府的正确领导下，在县政务公开办的指导下，某某镇深入推进政务公开工作。",
                "现将我镇2021年度政务公开工作情况总结如下：",
            ],
            "某某镇",
        ),
        # A generic subject after a sub-heading run into its paragraph, with the one county named.
        (
            ["（四）监督保障情况。2021年，县统计局积极完善工作机制。", "通过嵩明县人民政府网站公开信息。"],
            "嵩明县统计局",
        ),
    ],
)
def test_agency_from_the_opening_forms(lines: list[str], agency: str) -> None:
    assert _meta(lines)[0] == agency


def test_a_generic_name_with_two_places_of_its_level_stays_unknown() -> None:
    assert own_place_body(["2022年，县统计局坚持依法公开。", "嵩明县和富民县"]) is None
    assert own_place_body(["2022年，县统计局坚持依法公开。", "嵩明县和昆明市"]) == "嵩明县统计局"


@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("北京朝阳", "北京市朝阳区"),  # a city's short name, then a district's
        ("云南嵩明", "云南省嵩明县"),
        ("嵩明县", "嵩明县"),
        ("鼓楼", None),  # several 鼓楼区: which one is unknown
        ("网友投稿", None),  # s21's 来源
        ("北京发布", None),  # a place, then words that are not a place
    ],
)
def test_the_place_a_source_field_names(value: str, want: str | None) -> None:
    assert place_name(value) == want


def test_a_place_as_source_is_the_page_s_only_when_the_text_speaks_for_the_place() -> None:
    fields = ["来源：北京朝阳"]
    assert page_place(fields, ["全区各级行政机关共受理政府信息公开申请20件。"]) == "北京市朝阳区"
    assert page_place(fields, ["我局共受理政府信息公开申请20件。"]) is None  # a body's page
    assert page_place(fields, ["共受理政府信息公开申请20件。"]) is None  # nothing says whose


def test_a_short_name_is_given_in_full_when_the_text_gives_it() -> None:
    assert full_name("某某区文旅局", ["2022年，某某区文化和旅游局认真落实条例。"]) == "某某区文化和旅游局"
    # Seeds 001: 人民政府 stands between the place and the name, so the short name's characters do not
    # follow the place: kept as the title gives it.
    assert full_name("温岭市发改局", ["温岭市人民政府发展和改革局"]) == "温岭市发改局"
    assert full_name("某某区统计局", ["某某区统计局"]) == "某某区统计局"
    # A page's 发布机构 field writes the government short; the text gives its 人民政府.
    assert full_name("某某区政府办公室", ["某某市某某区人民政府办公室关于印发…的通知"]) == "某某区人民政府办公室"
    assert full_name("某某区政府办公室", ["区政府各部门："]) == "某某区政府办公室"


def test_a_page_s_title_field_holds_the_title() -> None:
    """``标题：<agency>关于印发…的通知`` in a page's metadata block: the title, whose issuer beats the short name
    of the 发布机构 field."""
    lines = [
        "发布机构：某某县政府办公室",
        "标题：某某县人民政府办公室关于印发某某县2022年政务公开工作要点的通知",
        "各乡镇人民政府，县政府各部门：",
        "现将《某某县2022年政务公开工作要点》印发给你们，请认真贯彻执行。",
    ]
    assert _meta(lines) == ("某某县人民政府办公室", 2022, "work_plan")


def test_the_issuer_on_the_line_above_a_notice_s_title() -> None:
    """A notice's head under its number: the issuer on a line of its own, then 关于印发…的通知 (which names no
    body)."""
    lines = [
        "某政办发〔2022〕5号",
        "某某县人民政府办公室",
        "关于印发某某县2022年政务公开工作要点的通知",
        "各乡镇人民政府，县政府各部门：",
        "现将《某某县2022年政务公开工作要点》印发给你们，请认真贯彻执行。",
    ]
    assert _meta(lines) == ("某某县人民政府办公室", 2022, "work_plan")


def test_an_agency_title_with_a_space_before_its_year() -> None:
    """A page that put the agency on a line above the title, flattened to one line: the title is split off the
    text, and its body beats the one the contact sentence names."""
    assert title_agency("某某县统计局 2018年政府信息公开工作年度报告") == "某某县统计局"
    line = (
        "某某县统计局 2018年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》要求，编制本年度报告。"
        "如对本报告有任何疑问，请与某某县经济和信息化局联系。"
    )
    assert _meta([line]) == ("某某县统计局", 2018, "annual_report")


def test_a_body_that_calls_itself_by_its_kind_is_named_by_its_website() -> None:
    """2023年，中心…: the one full name the text gives the body's website; a report by its self-description."""
    lines = [
        "2023年，中心认真落实政府信息公开条例。本报告包括总体情况、主动公开政府信息情况等六个部分。",
        "通过昆明住房公积金管理中心官网主动公开信息100条。",
    ]
    assert _meta(lines) == ("昆明住房公积金管理中心", 2023, "annual_report")
    assert own_site_body([*lines, "在昆明市政务服务中心网站同步发布。"]) is None  # two names: which is unknown
    assert own_site_body(["2023年，局认真落实条例。", "通过昆明住房公积金管理中心官网公开。"]) is None


def test_a_place_counted_as_a_whole() -> None:
    """某某市共有…: the page speaks for the place, when it names no other and never speaks as a body."""
    assert text_place(["昆明市共有政府信息查阅场所120个。", "全年共召开新闻发布会12场。"]) == "昆明市"
    assert text_place(["昆明市共有政府信息查阅场所120个。", "我局召开新闻发布会12场。"]) is None
    assert text_place(["昆明市共有政府信息查阅场所120个，其中嵩明县10个。"]) is None


def test_a_plan_s_year_is_the_year_it_was_issued_not_its_targets() -> None:
    lines = [
        "某某县人民政府办公室关于印发某某县政务公开标准化规范化工作实施方案的通知",
        "某政办〔2020〕23号",
        "各乡镇人民政府，县政府各部门：",
        "《某某县政务公开标准化规范化工作实施方案》已经县政府同意，现印发给你们。",
        "某某县人民政府办公室",
        "2020年6月2日",
        "到2023年，基本建成政务公开标准体系。",
        "2023年底前，全面完成目录编制。",
        "2022年6月底前，制定公开标准。",
    ]
    assert _meta(lines) == ("某某县人民政府办公室", 2020, "work_plan")
    # A year set as a target is not counted among the years the text names.
    assert year_of(None, ["2021年，推进试点。", "到2023年，基本建成。", "2023年底前完成。"], real_title=False) == 2021


def test_the_document_a_notice_makes_is_the_one_it_issues() -> None:
    """根据《…要点的通知》要求，制定了…责任清单，现印发给你们: the cited notice is not what is issued."""
    lines = [
        "各县市区人民政府，市政府各部门：",
        "根据《某某省人民政府办公厅关于印发2022年某某省政务公开工作要点的通知》要求，结合我市实际，"
        "制定了全市2022年政务公开任务分解责任清单，现印发给你们。",
    ]
    assert _meta(lines)[1:] == (2022, "task_division")
