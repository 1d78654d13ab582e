"""Output files of extract and check: the format their extension names, targets that are not regular files,
targets that cannot be written, encodings, formulas in cells, the columns of CSV and xlsx, SQLite."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from govdisc.metrics import label
from govdisc.output import EXTENSIONS, IDENTITY
from govdisc.records_io import read_records
from govdisc.spreadsheet import neutralize
from tests.helpers import ROOT, SAMPLES, cli, invoke_cli, jsonl


@pytest.fixture(scope="module")
def records() -> list[dict]:
    run = cli("extract", "samples", "-f", "jsonl")
    assert run.returncode == 0, run.stderr
    return jsonl(run.stdout)


def _process(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[bytes]:
    """``govdisc`` in a process of its own, output as bytes (the encoding is what is tested)."""
    return subprocess.run([sys.executable, "-m", "govdisc", *args], cwd=cwd, capture_output=True, timeout=600,
                          env={**os.environ, **(env or {})})  # fmt: skip


def _sheet(path: Path) -> tuple[list[str], list[tuple]]:
    from openpyxl import load_workbook

    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    return list(rows[0]), rows[1:]


# 4. The format follows the extension of -o.


def test_xlsx_holds_the_numbers_of_the_jsonl(tmp_path, records):
    target = tmp_path / "r.xlsx"
    assert cli("extract", "samples", "-o", str(target)).returncode == 0
    head, rows = _sheet(target)
    assert len(rows) == len(records) == 15
    for row, rec in zip(rows, records, strict=True):
        cells = dict(zip(head, row, strict=True))
        assert cells["机关"] == rec["agency"] and cells["年度"] == rec["year"]
        for key, value in rec["metrics"].items():
            assert cells[label(key)] == value and isinstance(cells[label(key)], (int, float))
        shown = {h for h, v in cells.items() if v is not None} - {names[1] for names in IDENTITY} - {"警告", "约数项"}
        assert shown == {label(k) for k in rec["metrics"]}
        marks = {f"{label(k)}:{ev['approx']}" for k, ev in rec["evidence"].items() if ev["approx"]}
        assert set(filter(None, (cells["约数项"] or "").split("; "))) == marks


def test_json_is_one_array_of_the_records(tmp_path, records):
    target = tmp_path / "r.json"
    assert cli("extract", "samples", "-o", str(target)).returncode == 0
    assert json.loads(target.read_text(encoding="utf-8")) == records


@pytest.mark.parametrize("command", ["extract", "check"])
@pytest.mark.parametrize("suffix", [".xls", ".tsv", ".parquet", ""])
def test_an_unknown_extension_is_a_usage_error(tmp_path, command, suffix):
    target = tmp_path / f"out{suffix}"
    run = cli(command, "samples", "-o", str(target))
    assert run.returncode == 2 and not target.exists()
    assert ".csv" in run.stderr and ".jsonl" in run.stderr


def test_every_listed_format_has_an_extension():
    from govdisc.check_report import FORMATS as CHECK_FORMATS
    from govdisc.output import RECORD_FORMATS

    assert {f for f in (*RECORD_FORMATS, *CHECK_FORMATS)} <= set(EXTENSIONS.values())


# 6. -o onto something that is not a regular file.


def test_fifo_is_written_into_not_replaced(tmp_path):
    fifo, got = tmp_path / "p", tmp_path / "got"
    os.mkfifo(fifo)
    with open(got, "wb") as sink:
        reader = subprocess.Popen(["cat", str(fifo)], stdout=sink)
        run = cli("extract", "samples", "-f", "jsonl", "-o", str(fifo))
        reader.wait(timeout=60)
    assert run.returncode == 0, run.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert len(jsonl(got.read_text(encoding="utf-8"))) == 15
    assert sorted(p.name for p in tmp_path.iterdir()) == ["got", "p"]


def test_dev_null_stays_a_device():
    for args in (["-o", os.devnull], ["-o", os.devnull, "-f", "csv"]):
        run = cli("extract", "samples", *args)
        assert run.returncode == 0, run.stderr
        assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_link_keeps_pointing_at_the_new_file(tmp_path):
    real, link = tmp_path / "real.csv", tmp_path / "link.csv"
    real.write_text("old", encoding="utf-8")
    link.symlink_to(real)
    assert cli("extract", "samples", "-o", str(link)).returncode == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"\xef\xbb\xbf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "real.csv"]


# 7. A target that cannot be written: one line before any work, exit 2; files get the umask.


def _refused(target: str, tmp_path: Path) -> str:
    cache = tmp_path / "fresh-cache"
    result = invoke_cli("extract", str(SAMPLES), "-o", target, env={"GOVDISC_CACHE_DIR": str(cache)})
    assert result.exit_code == 2
    assert not cache.exists()  # nothing was extracted: the cache was never opened
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_missing_folder_is_one_line(tmp_path):
    os.chdir(tmp_path)
    try:
        assert _refused("nodir/x.csv", tmp_path) == "govdisc: error: cannot write nodir/x.csv: no such directory"
    finally:
        os.chdir(ROOT)
    assert not (tmp_path / "nodir").exists()


def test_a_folder_is_refused(tmp_path):
    (tmp_path / "d.csv").mkdir()
    assert _refused(str(tmp_path / "d.csv"), tmp_path).endswith("d.csv: is a directory")


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_place_that_takes_no_files_is_refused(tmp_path):
    assert _refused("/proc/x.csv", tmp_path).startswith("govdisc: error: cannot write /proc/x.csv: ")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert _refused(str(folder / "x.csv"), tmp_path).endswith("x.csv: permission denied")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("name", ["r.jsonl", "r.csv", "r.xlsx", "r.db"])
def test_output_files_get_the_umask(tmp_path, name):
    old = os.umask(0o027)
    try:
        assert cli("extract", "samples", "-o", str(tmp_path / name)).returncode == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / name).st_mode) == 0o640


# 8. Encodings: UTF-8 out whatever the console; every encoding and format extract writes read back.


def test_stdout_is_utf8_whatever_the_console(tmp_path):
    for fmt in ("jsonl", "csv"):
        gbk = _process("extract", "samples", "-f", fmt, env={"PYTHONIOENCODING": "gbk"})
        assert gbk.returncode == 0 and gbk.stdout == invoke_cli("extract", str(SAMPLES), "-f", fmt).stdout_bytes
        assert not gbk.stdout.startswith(b"\xef\xbb\xbf")  # no BOM into a pipe
        (tmp_path / f"g.{fmt}").write_bytes(gbk.stdout)
        assert _compared(tmp_path / f"g.{fmt}")["rows"]


def test_bom_goes_into_csv_files_only(tmp_path):
    assert cli("extract", "samples", "-o", str(tmp_path / "r.csv")).returncode == 0
    assert (tmp_path / "r.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not cli("extract", "samples", "-f", "csv").stdout.startswith("\ufeff")


def _compared(path: Path) -> dict:
    run = cli("compare", str(path), "-f", "json", "--preset", "all")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "gb18030"])
def test_compare_reads_records_in_the_encodings_windows_writes(tmp_path, records, encoding):
    text = "".join(json.dumps(r, ensure_ascii=False) + "\r\n" for r in records)
    plain, other = tmp_path / "plain.jsonl", tmp_path / "other.jsonl"
    plain.write_text(text, encoding="utf-8")
    other.write_bytes(text.encode(encoding))
    assert _compared(other) == _compared(plain)


@pytest.mark.parametrize(
    "args",
    [["-o", "r.json"], ["-o", "r.csv"], ["-o", "r.csv", "--keys"], ["-o", "r.csv", "--lang", "en", "--evidence"],
     ["-o", "r.csv", "--long"], ["-o", "r.xlsx"], ["-o", "r.xlsx", "--long"], ["-o", "r.db"]],
    ids=lambda a: " ".join(a),
)  # fmt: skip
def test_compare_reads_every_format_extract_writes(tmp_path, records, args):
    target = tmp_path / args[1]
    assert cli("extract", "samples", "-o", str(target), *args[2:]).returncode == 0
    kept = [r for r in records if r["metrics"] or "--long" not in args]  # the long shape has rows for figures only
    plain = tmp_path / "plain.jsonl"
    plain.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    assert _compared(target) == _compared(plain)


def test_a_line_that_is_not_a_record_is_one_line(tmp_path, records):
    bad = tmp_path / "b.jsonl"
    bad.write_text(json.dumps(records[0], ensure_ascii=False) + '\n{"x": 1}\n', encoding="utf-8")
    run = cli("compare", str(bad))
    assert run.returncode == 2
    assert (
        run.stderr.strip()
        == f"govdisc: error: {bad}, line 2: not a govdisc record (a JSON object with 'file' and 'metrics')"
    )
    bad.write_text("not json\n", encoding="utf-8")
    run = cli("compare", str(bad))
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1 and "line 1" in run.stderr


# 9. Text that a spreadsheet would run as a formula.


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_text_is_neutralized(value):
    assert neutralize(value) == "'" + value


@pytest.mark.parametrize("value", ["江海区", "", 12, -3, 1.5, None, "a=b"])
def test_other_values_are_kept(value):
    assert neutralize(value) == value


def test_formula_title_is_plain_text_in_csv_and_xlsx(tmp_path):
    seed = SAMPLES / "004_9ce4a37fc6d0bdf2.txt"
    evil = tmp_path / "evil.txt"
    evil.write_bytes(b'=HYPERLINK("http://example.com")' + seed.read_bytes())
    title = jsonl(cli("extract", str(evil), "-f", "jsonl").stdout)[0]["title"]
    assert title.startswith("=HYPERLINK")
    assert cli("extract", str(evil), "-o", str(tmp_path / "r.csv")).returncode == 0
    assert cli("extract", str(evil), "-o", str(tmp_path / "r.xlsx")).returncode == 0
    row = next(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert row["标题"] == "'" + title
    from openpyxl import load_workbook

    cell = load_workbook(tmp_path / "r.xlsx").worksheets[0]["C2"]
    assert cell.data_type == "s" and cell.value == "'" + title
    assert [r.title for r in read_records(tmp_path / "r.csv")] == [title]  # read back, the mark taken off
    assert [r.title for r in read_records(tmp_path / "r.xlsx")] == [title]


# 13. The columns of extract's CSV and xlsx.


def _csv(*args: str) -> list[dict[str, str]]:
    run = cli("extract", "samples", "-f", "csv", *args)
    assert run.returncode == 0, run.stderr
    return list(csv.DictReader(io.StringIO(run.stdout)))


def test_csv_headers_chinese_english_or_keys(records):
    metrics = {k for r in records for k in r["metrics"]}
    for args, lang in (((), "zh"), (("--lang", "en"), "en"), (("--keys",), None)):
        rows = _csv(*args)
        names = {(names[0] if lang is None else names[1 if lang == "zh" else 2]) for names in IDENTITY}
        assert names <= set(rows[0])
        for row, rec in zip(rows, records, strict=True):
            for key in metrics:
                cell = row[key if lang is None else label(key, lang)]
                assert (float(cell) if cell else None) == rec["metrics"].get(key)


def test_evidence_columns(records):
    rows = _csv("--evidence")
    for row, rec in zip(rows, records, strict=True):
        for key, ev in rec["evidence"].items():
            name = label(key)
            assert row[f"{name}/依据"] == ev["text"]
            assert row[f"{name}/页码"] == ("" if ev["page"] is None else str(ev["page"]))
            assert row[f"{name}/约数"] == (ev["approx"] or "")
    approx = [ev["approx"] for r in records for ev in r["evidence"].values() if ev["approx"]]
    shown = [v for row in rows for h, v in row.items() if h.endswith("/约数") and v]
    assert sorted(shown) == sorted(approx)


def test_xlsx_is_ready_to_filter_and_sort(tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "r.xlsx"
    assert cli("extract", "samples", "-o", str(target), "--evidence").returncode == 0
    sheet = load_workbook(target).worksheets[0]
    head = [c.value for c in sheet[1]]
    assert head == next(csv.reader(io.StringIO(cli("extract", "samples", "-f", "csv", "--evidence").stdout)))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == sheet.dimensions
    assert all(c.font.bold for c in sheet[1])
    title = sheet.column_dimensions["C"].width
    assert title > sheet.column_dimensions["B"].width  # widths from the content
    figures = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, int) and c.column > 11]
    assert figures and all(c.number_format == "#,##0" for c in figures)
    assert all(isinstance(sheet.cell(r, 9).value, int) for r in range(2, sheet.max_row + 1))  # 年度
    assert sheet.title == "记录"


@pytest.mark.parametrize("flag", ["--keys", "--evidence", "--long"])
def test_column_options_are_for_csv_and_xlsx_only(flag):
    assert cli("extract", "samples", "-f", "jsonl", flag).returncode == 2


def test_jsonl_is_unchanged_by_the_lang(records):
    assert jsonl(cli("extract", "samples", "-f", "jsonl", "--lang", "en").stdout) == records


# 18. SQLite and the long shape.


def test_sqlite_has_a_fact_per_metric(tmp_path, records):
    target = tmp_path / "r.db"
    assert cli("extract", "samples", "-o", str(target)).returncode == 0
    assert [p.name for p in tmp_path.iterdir()] == ["r.db"]
    db = sqlite3.connect(target)
    assert db.execute("select count(*) from facts").fetchone()[0] == sum(len(r["metrics"]) for r in records)
    assert db.execute("select count(*) from documents").fetchone()[0] == len(records)
    assert db.execute("select count(*) from checks").fetchone()[0] == sum(len(r["checks"]) for r in records)
    assert db.execute("select count(*) from warnings").fetchone()[0] == sum(len(r["warnings"]) for r in records)
    got = {(f, i, k): (v, a, s, p, t)
           for f, i, k, v, a, s, p, t in db.execute("select file, doc_index, key, value, approx, source, page, snippet "
                                                    "from facts join documents using (doc_id)")}  # fmt: skip
    want = {(r["file"], r["doc_index"], k): (v, r["evidence"][k]["approx"], r["evidence"][k]["source"],
                                             r["evidence"][k]["page"], r["evidence"][k]["text"])
            for r in records for k, v in r["metrics"].items()}  # fmt: skip
    assert got == want
    indexed = {row[0] for row in db.execute("select sql from sqlite_master where type = 'index' and sql is not null")}
    assert any("(agency)" in s for s in indexed) and any("(year)" in s for s in indexed)
    assert any("(key)" in s for s in indexed)


def test_long_csv_and_xlsx_have_a_row_per_metric(tmp_path, records):
    facts = sum(len(r["metrics"]) for r in records)
    rows = _csv("--long", "--keys")
    assert len(rows) == facts
    assert {(r["file"], int(r["doc_index"]), r["key"], float(r["value"])) for r in rows} == {
        (r["file"], r["doc_index"], k, v) for r in records for k, v in r["metrics"].items()
    }
    target = tmp_path / "r.xlsx"
    assert cli("extract", "samples", "-o", str(target), "--long").returncode == 0
    head, body = _sheet(target)
    assert len(body) == facts and {"指标代码", "指标", "数值", "约数", "来源", "页码", "依据"} <= set(head)


def test_extract_table_on_80_columns_keeps_agencies_whole_and_says_what_it_left_out():
    from rich.cells import cell_len

    run = invoke_cli("extract", "samples", "-f", "table", env={"COLUMNS": "80"})
    assert run.exit_code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    agencies = "".join(line.split("│")[2].strip() for line in lines if line.startswith("│"))
    assert "佛山中德工业服务区（三龙湾）管理委员会" in agencies and "江门市江海区人民政府办公室" in agencies
    assert not any("…" in line for line in lines)
    assert "主动公开" in run.stdout  # the first figure is shown, its header wrapped
    assert any("另有" in line and "-o x.xlsx" in line for line in lines)
    wide = invoke_cli("extract", "samples", "-f", "table", env={"COLUMNS": "250"})
    assert "另有" not in wide.stdout and "work_summary" in wide.stdout
