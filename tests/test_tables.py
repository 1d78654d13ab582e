"""The standard statistics tables, read from every form they come in, and the checks on them."""

from __future__ import annotations

import json
import shutil

import docx
import pytest

import govdisc
from govdisc.model import Paragraph, Table
from govdisc.tables import read_tables
from govdisc.tables.rows import rows_from_blocks
from tests.helpers import FIXTURES, SHARED, cli

ANNUAL = FIXTURES / "annual"
GOLD = json.loads((ANNUAL / "annual.gold.json").read_text(encoding="utf-8"))


def _accepted(value):
    return value if isinstance(value, list) else [value]


def _compare(gold: dict, record: govdisc.Record) -> None:
    assert record.year == gold["year"] and record.doc_type == gold["doc_type"]
    wrong = {k: (record.metrics.get(k), v) for k, v in gold["metrics"].items()
             if record.metrics.get(k) not in _accepted(v)}  # fmt: skip
    assert not wrong
    optional = gold.get("optional", {})
    wrong = {k: (record.metrics[k], v) for k, v in optional.items() if k in record.metrics and
             record.metrics[k] not in _accepted(v)}  # fmt: skip
    assert not wrong
    spurious = set(record.metrics) - set(gold["metrics"]) - set(optional)
    assert not spurious


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g["file"])
def test_fixture_reports_match_gold(gold):
    [record] = govdisc.extract_file(ANNUAL / gold["file"], gold["file"])
    _compare(gold, record)


@pytest.mark.skipif(not (SHARED / "corpus" / "annual.gold.json").exists(), reason="../shared corpus not present")
@pytest.mark.parametrize(
    "gold",
    json.loads((SHARED / "corpus" / "annual.gold.json").read_text(encoding="utf-8"))
    if (SHARED / "corpus" / "annual.gold.json").exists()
    else [],
    ids=lambda g: g["file"],
)
def test_shared_corpus_matches_gold(gold):
    [record] = govdisc.extract_file(SHARED / "corpus" / "annual" / gold["file"], gold["file"])
    _compare(gold, record)


def test_templates():
    assert govdisc.extract_file(ANNUAL / "shanghai_bgt_2019.html")[0].template == "2019"
    assert govdisc.extract_file(ANNUAL / "huaian_2024_pdftotext.txt")[0].template == "2021"
    assert govdisc.extract_file(ANNUAL / "hongze_2023.pdf")[0].template == "2021"


def test_evidence_names_row_column_and_page():
    [pdf] = govdisc.extract_file(ANNUAL / "hongze_2023.pdf")
    ev = pdf.evidence["requests.received.natural_person"]
    assert ev.source == "table" and ev.page == 3
    assert "本年新收政府信息公开申请数量" in ev.text and "自然人" in ev.text and "21" in ev.text
    [html] = govdisc.extract_file(ANNUAL / "shanghai_bgt_2019.html")
    blank = html.evidence["requests.received.research"]
    assert html.metrics["requests.received.research"] == 0 and "空白" in blank.text
    derived = html.evidence["requests.granted.total"]
    assert derived.derived and html.metrics["requests.granted.total"] == 272


def test_row_lost_at_a_page_break_is_recovered():
    """hongze_2023.pdf: the row 2.没有现成信息… fell out of the ruled table, printed as text."""
    [record] = govdisc.extract_file(ANNUAL / "hongze_2023.pdf")
    assert record.metrics["requests.unable.need_create.total"] == 3
    assert record.evidence["requests.unable.need_create.total"].page == 3


def test_unbalanced_report_fails_its_check():
    [record] = govdisc.extract_file(ANNUAL / "hongze_2023.pdf")
    failed = {c.id for c in record.checks if c.status == "failed"}
    assert failed == {"table4.review", "table4.litigation_after_review"}
    assert record.metrics["review.total"] == 0  # printed as printed


def test_balanced_reports_pass(tmp_path):
    for name in ("shanghai_bgt_2019.html", "shanghai_bgt_2019.docx", "shanghai_bgt_2019_flat.txt",
                 "huaian_2024_pdftotext.txt"):  # fmt: skip
        shutil.copy(ANNUAL / name, tmp_path / name)
    run = cli("check", str(tmp_path), "--lang", "en")
    assert run.returncode == 0, run.stdout
    assert "4 document(s) checked, 0 failed" in run.stdout


def _check_fails(path):
    run = cli("check", str(path), "--lang", "en")
    assert run.returncode == 1
    assert "FAILED table3.balance.natural_person" in run.stdout and "自然人" in run.stdout
    assert "FAILED table3.total.received" in run.stdout
    return run


def test_changed_cell_in_html_fails(tmp_path):
    html = (ANNUAL / "shanghai_bgt_2019.html").read_text(encoding="utf-8")
    assert html.count(">821<") == 1
    target = tmp_path / "changed.html"
    target.write_text(html.replace(">821<", ">822<"), encoding="utf-8")
    _check_fails(target)


def test_changed_cell_in_docx_fails(tmp_path):
    document = docx.Document(str(ANNUAL / "shanghai_bgt_2019.docx"))
    cells = [c for t in document.tables for row in t.rows for c in row.cells if c.text.strip() == "821"]
    assert cells
    cells[0].paragraphs[0].runs[0].text = "822"
    target = tmp_path / "changed.docx"
    document.save(str(target))
    _check_fails(target)


def _table3_text(sep: str, blanks: bool = True) -> list[str]:
    rows = [
        ("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 0, 6]),
        ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
        ("（一）予以公开", [3, 1, 0, 0, 0, 0, 4]),
        ("（二）部分公开", [1, 0, 0, 0, 0, 0, 1]),
        ("（六）其他处理", [0, 0, 0, 0, 0, 0, 0]),
        ("（七）总计", [4, 1, 0, 0, 0, 0, 5]),
        ("四、结转下年度继续办理", [2, 0, 0, 0, 0, 0, 2]),
    ]
    out = [
        "三、收到和处理政府信息公开申请情况",
        f"自然人{sep}商业企业{sep}科研机构{sep}社会公益组织{sep}法律服务机构{sep}其他{sep}总计",
    ]
    for label, values in rows:
        shown = ["" if (v == 0 and blanks) else str(v) for v in values]
        out.append(sep.join([label, *shown]) + (" |" if "|" in sep else ""))
    return out


@pytest.mark.parametrize(("sep", "blanks"), [(" | ", True), ("   ", False)])
def test_flattened_table3(sep, blanks):
    found = read_tables([Paragraph(line) for line in _table3_text(sep, blanks)])
    assert found.metrics["requests.received.natural_person"] == 5
    assert found.metrics["requests.granted.total"] == 4
    assert found.metrics["requests.other.other.commercial"] == 0
    assert found.metrics["requests.carried_forward.total"] == 2


def test_one_cell_per_line():
    lines = ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6", "四、结转下年度继续办理",
             "2", "0", "0", "0", "0", "0", "2"]  # fmt: skip
    found = read_tables([Paragraph(line) for line in lines])
    assert found.metrics["requests.received.total"] == 6
    assert found.metrics["requests.carried_forward.natural_person"] == 2


def test_grid_labels_with_spaces_and_wraps():
    grid = Table.from_rows([
        ["一、本年新收政府信息公开申请数量", "2", "1", "0", "0", "0", "0", "3"],
        ["（三）不予公开 2.其他法律\n行政法规禁止公开", "1", "", "/", "—", "", "", ""],
        ["（五）不予处理 4.无正当理由大量 反复申请", "0", "0", "0", "0", "0", "0", "0"],
    ])  # fmt: skip
    found = read_tables([grid])
    assert found.metrics["requests.denied.law_forbidden.natural_person"] == 1
    assert found.metrics["requests.denied.law_forbidden.research"] == 0
    assert found.evidence["requests.denied.law_forbidden.research"].text.endswith("/ → 0")
    assert found.evidence["requests.denied.law_forbidden.total"].derived
    assert "requests.not_processed.repeat.total" not in found.metrics
    assert found.metrics["requests.not_processed.mass_repeat.total"] == 0


def test_rows_of_a_pipe_line():
    [row] = rows_from_blocks([Paragraph("三、本年度办理结果 | （一）予以公开 | 258 | 12 |  |  | 1 | 1 |  |")])
    assert row.label == "三、本年度办理结果 （一）予以公开" and len(row.cells) == 7


def test_doubtful_when_only_blank_cells_break_it(tmp_path):
    lines = _table3_text(" | ")
    lines[-1] = "四、结转下年度继续办理 |  |  |  |  |  |  | 2 |"  # the 2 belongs in a cell left blank
    target = tmp_path / "report.txt"
    target.write_text("某某区人民政府2022年政府信息公开工作年度报告\n" + "\n".join(lines), encoding="utf-8")
    [record] = govdisc.extract_file(target)
    statuses = {c.id: c.status for c in record.checks}
    assert statuses["table3.total.carried_forward"] == "doubtful"
    assert statuses["table3.balance.natural_person"] == "doubtful"
    assert statuses["table3.balance.total"] == "passed"
    assert cli("check", str(target)).returncode == 0


def test_pre2019_table_maps_only_what_means_the_same(tmp_path):
    document = docx.Document()
    document.add_paragraph("某某县人民政府办公室2017年政府信息公开工作年度报告")
    document.add_paragraph("二、依申请公开政府信息情况")
    rows = [("指标", "单位", "数量"), ("一、主动公开政府信息数", "条", "1200"), ("二、申请总数", "件", "24"),
            ("1.同意公开", "件", "7"), ("2.部分同意公开", "件", "3"), ("3.信息不存在", "件", "6"),
            ("4.非本机关职责", "件", "2"), ("三、因政府信息公开申请行政复议数", "件", "0")]  # fmt: skip
    table = document.add_table(rows=len(rows), cols=3)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(str(tmp_path / "2017.docx"))
    [record] = govdisc.extract_file(tmp_path / "2017.docx")
    assert record.template == "pre2019" and record.year == 2017
    assert record.metrics == {
        "published.items": 1200,
        "requests.received.total": 24,
        "requests.granted.total": 7,
        "requests.partial.total": 3,
        "requests.unable.not_held.total": 6,
        "review.total": 0,
    }


def test_table4_row_wrapped_over_two_lines():
    lines = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议   行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计",
             "3  1  0  0  4  2  0  0  0", "2  1  0  0  0  1"]  # fmt: skip
    found = read_tables([Paragraph(line) for line in lines])
    assert found.metrics["review.total"] == 4 and found.metrics["litigation_direct.total"] == 2
    assert found.metrics["litigation_after_review.total"] == 1
