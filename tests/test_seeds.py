"""The five seed documents, end to end, against their hand-checked answers."""

from __future__ import annotations

import json

import pytest

import govdisc
from tests.helpers import FIXTURES, SAMPLES, SEEDS

GOLD = json.loads((FIXTURES / "seeds.gold.json").read_text(encoding="utf-8"))


def _accepted(value):
    return value if isinstance(value, list) else [value]


@pytest.fixture(scope="module")
def records() -> dict[tuple[str, int], govdisc.Record]:
    out = {}
    for path in SEEDS:
        for rec in govdisc.extract_file(path, path.name):
            out[(rec.file, rec.doc_index)] = rec
    return out


def test_fifteen_documents(records):
    assert len(records) == 15
    assert sorted(records) == sorted((g["file"], g["doc_index"]) for g in GOLD)


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: f"{g['file'][:3]}#{g['doc_index']}")
def test_seed_document(records, gold):
    rec = records[(gold["file"], gold["doc_index"])]
    assert rec.year == gold["year"]
    assert rec.doc_type in _accepted(gold["doc_type"])
    assert rec.agency and (gold["agency"] in rec.agency or rec.agency in gold["agency"]), rec.agency
    for key, want in gold["metrics"].items():
        assert rec.metrics.get(key) in _accepted(want), (key, rec.metrics.get(key), want)
    for key, allowed in gold.get("optional", {}).items():
        if key in rec.metrics:
            assert rec.metrics[key] in _accepted(allowed), (key, rec.metrics[key], allowed)
    spurious = set(rec.metrics) - set(gold["metrics"]) - set(gold.get("optional", {}))
    assert not spurious, {k: rec.metrics[k] for k in spurious}


def test_every_number_has_evidence(records):
    for rec in records.values():
        assert set(rec.evidence) == set(rec.metrics)
        for key, ev in rec.evidence.items():
            assert ev.source == "prose" and ev.text
            assert str(int(rec.metrics[key])) in ev.text or rec.metrics[key] == 0 or ev.approx


def test_approximation_is_kept():
    recs = {r.agency: r for r in govdisc.extract_file(SAMPLES / "001_b0e6df2b91b6b31c.txt")}
    assert recs["马鞍山市商务局"].evidence["published.items"].approx == "近"
    assert recs["滁州市水利局"].evidence["published.items"].approx == "余"
    assert recs["蚌埠市公共资源局"].evidence["published.items"].approx is None


def test_zero_is_reported_not_absent():
    recs = {r.agency: r for r in govdisc.extract_file(SAMPLES / "001_b0e6df2b91b6b31c.txt")}
    assert recs["桐城市商务局"].metrics["requests.received.total"] == 0
    assert "没有收到" in recs["桐城市商务局"].evidence["requests.received.total"].text
    assert "requests.received.total" not in recs["淮南市人社局"].metrics  # answered, but no count stated


@pytest.mark.parametrize(
    ("lines", "agency", "year", "doc_type"),
    [
        # <agency>关于<year>年…: a form AGENCY_TITLES reads; the corpus holds no instance of it yet.
        (["某某市商务局关于2022年政府信息公开工作年度报告", "一、总体情况"], "某某市商务局", 2022, "annual_report"),
        # <year>年度<agency>…: excerpts/a18_jiaxian_xizhen_2022_emptytables.txt, line 2.
        (["2022年度螅镇政府信息公开工作年度报告", "一、总体情况"], "螅镇", 2022, "annual_report"),
        # 本年度报告…由<agency>编制而成, year from its 统计期限:
        # excerpts/a09_wuhai_gongxinju_2020.txt, line 4 and two sentences of line 5.
        (
            [
                "一、总体情况",
                "本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)要求,由乌海市工业和信息化局编制而成。"
                "本报告所列数据的统计期限自2020年1月1日起至2020年12月31日。",
            ],
            "乌海市工业和信息化局",
            2020,
            "annual_report",
        ),
        # a title without the agency, signed at the end: excerpts/a23_sanya_haitang_2015.txt, lines 3, 5, 13-14.
        (
            [
                "2015年政府信息公开工作年度报告",
                "一、主动公开政府信息情况",
                "三亚市海棠区人民政府",
                "2015年3月15日",
            ],
            "三亚市海棠区人民政府",
            2015,
            "annual_report",
        ),
        # <agency>…（<year>年度）: a form AGENCY_TITLES reads; the corpus holds no instance of it yet.
        (["某某市教育局政府信息公开工作年度报告（2022年度）", "一、总体情况"], "某某市教育局", 2022, "annual_report"),
    ],
)
def test_metadata_of_common_title_forms(lines, agency, year, doc_type):
    from govdisc.metadata import metadata
    from govdisc.model import Paragraph

    meta = metadata([Paragraph(line) for line in lines])
    assert (meta.agency, meta.year, meta.doc_type) == (agency, year, doc_type)
