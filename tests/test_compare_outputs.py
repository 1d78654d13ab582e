"""What compare writes for people: a table that fits an 80-column terminal, a workbook that needs no fixing
by hand, CSV with its lists, cells a spreadsheet would run as formulas neutralized."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rich.cells import cell_len
from rich.console import Console

from govdisc.compare import build, columns_for
from govdisc.compare.screen import to_rich, wrap_header
from govdisc.model import Record
from govdisc.spreadsheet import neutralize
from tests.helpers import SAMPLES, cli, invoke_cli


@pytest.fixture(scope="module")
def records_file(tmp_path_factory, corpus) -> str:
    path = tmp_path_factory.mktemp("records") / "all.jsonl"
    run = cli("extract", str(corpus), str(SAMPLES), "-f", "jsonl", "-o", str(path), "-q")
    assert run.returncode == 0, run.stderr
    return str(path)


def _records(path: str) -> list[Record]:
    return [Record.from_dict(json.loads(line)) for line in open(path, encoding="utf-8")]


def _screen(*args: str) -> list[str]:
    run = invoke_cli("compare", *args, env={"COLUMNS": "80"})
    assert run.exit_code == 0, run.stderr
    return run.stdout.splitlines()


def test_the_table_fits_80_columns_and_keeps_names_whole(records_file):
    lines = _screen(records_file, "--year", "2024")
    assert max(cell_len(line) for line in lines) <= 80
    names = [line.split("│")[1].strip() for line in lines if line.startswith("│")]
    assert {"淮安市人民政府", "淮安市洪泽区人民政府"} <= set(names)
    assert not any("…" in line for line in lines)
    assert any("另有" in line and "-o x.xlsx" in line for line in lines)


def test_preset_all_shows_the_columns_that_fit_and_says_how_many_are_left(records_file):
    lines = _screen(records_file, "--preset", "all", "--year", "2024")
    assert max(cell_len(line) for line in lines) <= 80
    top = lines[0]
    widths = [len(part) for part in top.strip("┏┓").split("┳")]
    assert len(widths) >= 4 and min(widths) >= 6  # no column squeezed to nothing
    assert any(line.startswith("另有 ") and "列未显示" in line for line in lines)


def test_rich_console_of_80_columns():
    records = _records_of_long_names()
    comparison = build(records, columns_for(records, "requests", None))
    console = Console(file=io.StringIO(), width=80, record=True)
    console.print(to_rich(comparison, "en", console.width))
    text = console.export_text()
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "+" in text and "more: choose with --metrics, or all with -o x.xlsx" in text
    folded = "".join(line.split("│")[1].strip() for line in text.splitlines() if line.startswith("│"))
    assert "佛山中德工业服务区（三龙湾）管理委员会" in folded


def _records_of_long_names() -> list[Record]:
    return [Record("a.txt", agency="佛山中德工业服务区（三龙湾）管理委员会", year=2021,
                   metrics={"requests.received.total": 1234567, "requests.received.natural_person": 3}),
            Record("b.txt", agency="淮安市人民政府", year=2021, metrics={"requests.received.total": 7})]  # fmt: skip


def test_headers_wrap_at_natural_breaks():
    assert wrap_header("本年新收申请(总计)", 8) == "本年新收\n申请\n(总计)"
    assert wrap_header("行政复议-总计", 8) == "行政复议\n-总计"
    assert all(cell_len(line) <= 10 for line in wrap_header("processed, total (total)", 8).split("\n"))


def test_workbook_needs_no_fixing(records_file, tmp_path):
    import openpyxl

    roster = tmp_path / "roster.txt"
    roster.write_text("上海市人民政府\n淮安市人民政府\n", encoding="utf-8")
    out = tmp_path / "c.xlsx"
    run = cli("compare", records_file, "--expect", str(roster), "-o", str(out))
    assert run.returncode == 0, run.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "概览" and "未见报告" in book.sheetnames
    sheet = book["概览"]
    head = [c.value for c in sheet[1]]
    assert head[:2] == ["机关/地区", "年度"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    blank = rows.index((None,) * len(head))
    agencies, total = rows[:blank], rows[blank + 1]
    assert total[0] == "合计" and sheet.cell(row=blank + 3, column=1).font.b
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(head)).column_letter}{blank + 1}"
    assert all(isinstance(r[1], int) for r in agencies)  # 年度 as a number
    col = head.index("主动公开信息")
    cell = next(sheet.cell(row=i + 2, column=col + 1) for i, r in enumerate(agencies) if r[0] == "淮安市人民政府")
    assert cell.value == 5500 and cell.number_format == '"≈"#,##0'
    plain = next(sheet.cell(row=i + 2, column=col + 1) for i, r in enumerate(agencies) if r[0] == "温岭市发改局")
    assert plain.number_format == "#,##0"
    rate = sheet.cell(row=2, column=head.index("公开率") + 1)
    assert rate.value is None or rate.number_format.endswith("0.0%")
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert widths["A"] >= 2 * len("淮安市洪泽区人民政府") and widths["B"] < widths["A"]
    missing = list(book["未见报告"].iter_rows(values_only=True))
    assert missing[0][:2] == ("年度", "机关") and missing[1][:2] == (None, "上海市人民政府")
    assert "上海市人民政府办公厅" in missing[1][2] and len(missing) == 2


def test_workbook_and_csv_list_cross_year_failures_one_agency_a_row(tmp_path):
    import openpyxl

    def rec(year: int, **metrics: int) -> str:
        metrics = {k.replace("__", "."): v for k, v in metrics.items()}
        return json.dumps(Record(f"{year}.txt", agency="甲县人民政府", year=year, metrics=metrics).to_dict()) + "\n"

    stdin = rec(2022, requests__carried_forward__total=2) + rec(2023, requests__carried_over__total=3)
    out = tmp_path / "x.xlsx"
    assert cli("compare", "-", "--lang", "en", "-o", str(out), stdin=stdin).returncode == 0
    sheet = openpyxl.load_workbook(out)["cross-year checks failed"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("agency", "year", "figure", "reported", "from last year", "difference")
    assert rows[1][:6] == ("甲县人民政府", 2023, "carried over from last year (total)", 3, 2, 1)
    text = cli("compare", "-", "-f", "csv", stdin=stdin).stdout
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    at = table.index(["跨年核对不符"])
    assert table[at - 1] == [] and table[at + 1][:3] == ["机关", "年度", "指标"]
    assert table[at + 2][:2] == ["甲县人民政府", "2023"]


def test_formulas_are_neutralized_in_csv_and_xlsx(tmp_path):
    import openpyxl

    hostile = Record("a.txt", agency='=HYPERLINK("http://x","y")', year=2024, metrics={"published.items": 3})
    stdin = json.dumps(hostile.to_dict(), ensure_ascii=False) + "\n"
    text = cli("compare", "-", "-f", "csv", stdin=stdin).stdout
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")'
    out = tmp_path / "h.xlsx"
    assert cli("compare", "-", "-o", str(out), stdin=stdin).returncode == 0
    cell = openpyxl.load_workbook(out).active["A2"]
    assert cell.data_type == "s" and cell.value.startswith("'=")


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_neutralize(start):
    assert neutralize(f"{start}1+1") == f"'{start}1+1"
    assert neutralize("淮安市") == "淮安市" and neutralize(-3) == -3 and neutralize(None) is None
