"""govdisc compare: layout, formats, derived figures, filters, coverage, cross-year checks."""

from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from govdisc.compare import Filters, build
from govdisc.compare.figures import DERIVED, value_of
from govdisc.model import Record
from tests.helpers import cli, jsonl

SEED_001_AGENCIES = ("安庆市", "蚌埠市公共资源局", "蚌埠市住房公积金管理中心", "滁州市水利局", "固原市市场监管局",
                     "淮南市教体局", "淮南市人社局", "马鞍山市商务局", "桐城市商务局", "温岭市发改局", "温岭市融媒体中心")  # fmt: skip


@pytest.fixture(scope="module")
def samples_jsonl() -> str:
    run = cli("extract", "samples", "--format", "jsonl")
    assert run.returncode == 0
    return run.stdout


def _pipe(records_text: str, *args: str) -> subprocess.CompletedProcess[str]:
    return cli("compare", "-", *args, stdin=records_text)


def test_compare_samples_table():
    run = cli("compare", "samples")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    for agency in (*SEED_001_AGENCIES, "江门市江海区人民政府办公室", "从化区"):
        assert any(agency in line for line in lines), agency
    tongcheng = next(line for line in lines if "桐城市商务局" in line)
    assert " 0 " in tongcheng and "—" in tongcheng  # reported as zero, and not reported
    assert any("合计" in line for line in lines)


def test_csv_from_stdin_reads_back(tmp_path, samples_jsonl):
    out = tmp_path / "out.csv"
    run = _pipe(samples_jsonl, "--preset", "requests", "--format", "csv", "-o", str(out))
    assert run.returncode == 0, run.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    head, body = rows[0], rows[1:-1]
    column = head.index("本年新收申请(总计)")
    by_agency = {r[0]: r for r in body}
    for rec in jsonl(samples_jsonl):
        row = by_agency[rec["agency"]]
        value = rec["metrics"].get("requests.received.total")
        assert row[column] == ("" if value is None else str(value))


def test_xlsx_numbers_and_frozen_header(tmp_path):
    import openpyxl

    out = tmp_path / "out.xlsx"
    run = cli("compare", "samples", "--format", "xlsx", "-o", str(out))
    assert run.returncode == 0, run.stderr
    sheet = openpyxl.load_workbook(out).active
    assert sheet.freeze_panes == "C2"  # header, and the name and year of each row
    head = [c.value for c in sheet[1]]
    col = head.index("主动公开信息") + 1
    values = [sheet.cell(row=r, column=col).value for r in range(2, sheet.max_row + 1)]
    assert 892 in values and all(v is None or isinstance(v, (int, float)) for v in values)


def test_xlsx_preset_all_has_a_sheet_per_preset(tmp_path):
    import openpyxl

    out = tmp_path / "all.xlsx"
    assert cli("compare", "samples", "--preset", "all", "-o", str(out)).returncode == 0
    names = openpyxl.load_workbook(out).sheetnames
    assert {"全部", "概览", "主动公开", "依申请公开", "办理结果", "复议诉讼"} <= set(names)
    assert cli("compare", "samples", "--preset", "all", "--lang", "en", "-o", str(out)).returncode == 0
    names = openpyxl.load_workbook(out).sheetnames
    assert {"all", "summary", "published", "requests", "outcomes", "litigation"} <= set(names)


def test_json_and_markdown_show_not_reported(samples_jsonl):
    data = json.loads(_pipe(samples_jsonl, "--format", "json").stdout)
    rows = {r["name"]: r for r in data["rows"]}
    assert rows["桐城市商务局"]["values"]["requests.received.total"] == 0
    assert rows["桐城市商务局"]["values"]["published.items"] is None
    md = _pipe(samples_jsonl, "--format", "markdown", "--lang", "en").stdout
    assert md.startswith("| agency / region") and "—" in md and "---:" in md


def test_expect_lists_exactly_the_missing(tmp_path, samples_jsonl):
    roster = tmp_path / "roster.txt"
    names = [r["agency"] for r in jsonl(samples_jsonl)]
    roster.write_text("\n".join([*names, "某某市不存在局"]), encoding="utf-8")
    data = json.loads(_pipe(samples_jsonl, "--expect", str(roster), "--format", "json").stdout)
    assert data["missing"] == {"None": ["某某市不存在局"]}
    table = _pipe(samples_jsonl, "--expect", str(roster)).stdout
    assert "某某市不存在局" in table and "未见报告 1" in table
    per_year = json.loads(_pipe(samples_jsonl, "--expect", str(roster), "--year", "2021", "--format", "json").stdout)
    assert "某某市不存在局" in per_year["missing"]["2021"] and "安庆市" in per_year["missing"]["2021"]


def test_filters_sort_top(samples_jsonl):
    data = json.loads(_pipe(samples_jsonl, "--year", "2022", "--sort", "published.items", "--desc", "--top", "3",
                            "--format", "json").stdout)  # fmt: skip
    assert [r["values"]["published.items"] for r in data["rows"]] == [1490, 1249, 892]
    data = json.loads(_pipe(samples_jsonl, "--agency", "温岭", "--format", "json").stdout)
    assert {r["name"] for r in data["rows"]} == {"温岭市发改局", "温岭市融媒体中心"}


def _rec(agency: str, year: int, **metrics: float) -> Record:
    return Record(file=f"{agency}{year}.txt", agency=agency, year=year, doc_type="annual_report",
                  metrics={k.replace("__", "."): v for k, v in metrics.items()})  # fmt: skip


def test_derived_rates_and_zero_denominators():
    counts = {"requests.granted.total": 3, "requests.partial.total": 1, "requests.processed_total.total": 8,
              "requests.received.total": 10, "requests.received.natural_person": 7, "review.corrected": 1,
              "review.total": 5, "review.pending": 1}  # fmt: skip
    assert value_of("disclosure_rate", counts) == 0.5
    assert value_of("legal_person_share", counts) == 0.3
    assert value_of("review_correction_rate", counts) == 0.25
    zero = {**counts, "requests.processed_total.total": 0, "requests.received.total": 0, "review.total": 1}
    assert value_of("disclosure_rate", zero) is None
    assert value_of("legal_person_share", zero) is None
    assert value_of("review_correction_rate", zero) is None
    assert value_of("refusal_rate", counts) is None  # denied rows not reported: no rate
    for d in DERIVED.values():
        assert d.formula


def test_rates_of_a_group_are_recomputed_from_sums():
    records = [_rec("甲局", 2022, requests__granted__total=1, requests__partial__total=0, requests__processed_total__total=1),
               _rec("乙局", 2022, requests__granted__total=0, requests__partial__total=0, requests__processed_total__total=9)]  # fmt: skip
    comparison = build(records, ["disclosure_rate"])
    assert comparison.totals.values["disclosure_rate"] == 0.1  # not the mean of 100% and 0%


def test_year_over_year_and_cross_year_check():
    records = [
        _rec("甲局", 2022, requests__received__total=10, requests__carried_forward__total=2, rules__in_force=5),
        _rec("甲局", 2023, requests__received__total=15, requests__carried_over__total=3, rules__in_force=6,
             rules__issued=2, rules__repealed=1),
    ]  # fmt: skip
    comparison = build(records, ["requests.received.total", "yoy.requests.received.total"], Filters())
    assert comparison.by_year
    row_2023 = next(r for r in comparison.rows if r.year == 2023)
    assert row_2023.values["yoy.requests.received.total"] == 0.5
    statuses = {c.id: c.status for c in comparison.cross_year}
    failed = next(c for c in comparison.cross_year if not c.ok)
    assert (failed.agency, failed.year, failed.value, failed.expected) == ("甲局", 2023, 3, 2)
    assert statuses == {"crossyear.carried_over": "failed", "crossyear.rules.in_force": "passed"}


def test_check_reports_cross_year_differences(tmp_path):
    def report(year: int, carried_over: int, carried_forward: int) -> str:
        row = lambda label, v: " | ".join([label, str(v), "", "", "", "", "", str(v)]) + " |"  # noqa: E731
        return "\n".join([f"某某县人民政府{year}年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
                          row("一、本年新收政府信息公开申请数量", 4), row("二、上年结转政府信息公开申请数量", carried_over),
                          row("（一）予以公开", 4 + carried_over - carried_forward), row("（七）总计", 4 + carried_over - carried_forward),
                          row("四、结转下年度继续办理", carried_forward)])  # fmt: skip

    (tmp_path / "2022.txt").write_text(report(2022, 0, 2), encoding="utf-8")
    (tmp_path / "2023.txt").write_text(report(2023, 1, 0), encoding="utf-8")
    run = cli("check", str(tmp_path), "--lang", "en")
    assert run.returncode == 1
    assert "FAILED crossyear.carried_over" in run.stdout and "2023" in run.stdout


def test_group_by_province_sums_anhui(samples_jsonl):
    data = json.loads(_pipe(samples_jsonl, "--group-by", "province", "--format", "json").stdout)
    anhui = [r for r in data["rows"] if r["name"] == "安徽省"]
    assert len(anhui) == 1
    members = [r for r in jsonl(samples_jsonl) if (r["region"] or {}).get("province") == "安徽省"]
    assert anhui[0]["documents"] == len(members) == 8
    assert anhui[0]["values"]["published.items"] == sum(r["metrics"].get("published.items", 0) for r in members)


def test_same_body_under_two_names_is_one_agency():
    a = _rec("洪泽区人民政府", 2023, requests__carried_forward__total=2)
    b = _rec("淮安市洪泽区人民政府", 2024, requests__carried_over__total=2)
    for r in (a, b):
        r.region = {"province": "江苏省", "city": "淮安市", "county": "洪泽区", "code": "320813"}
    comparison = build([a, b], ["requests.carried_over.total"])
    assert {r.name for r in comparison.rows} == {"淮安市洪泽区人民政府"}
    assert [c.status for c in comparison.cross_year] == ["passed"]
