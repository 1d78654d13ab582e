"""What ``keys``, ``check`` and every ``--help`` print."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil

import pytest

from govdisc.metrics import DERIVED, LABELS
from tests.helpers import ROOT, SHARED, SHARED_ABSENT, cli
from tests.test_docs import COMMANDS

ANNUAL = SHARED / "corpus" / "annual"


def test_keys_lists_every_key_and_derived_figure(tmp_path):
    listed = json.loads(cli("keys", "-f", "json").stdout)
    assert [k["key"] for k in listed] == [*LABELS, *DERIVED]
    by_key = {k["key"]: k for k in listed}
    assert (by_key["requests.received.total"]["zh"], by_key["disclosure_rate"]["zh"]) == (
        "本年新收申请(总计)",
        "公开率",
    )
    assert by_key["disclosure_rate"]["kind"] == "derived" and by_key["disclosure_rate"]["formula"]
    assert all(k["zh"] and k["en"] for k in listed)
    assert cli("keys", "-o", str(tmp_path / "keys.csv")).returncode == 0
    text = (tmp_path / "keys.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert text.startswith("\ufeffkey,") and len(rows) == len(listed) and rows[0]["zh"] == listed[0]["zh"]
    table = cli("keys").stdout
    assert "公开率" in table and "review.total" in table
    assert cli("keys", "-o", str(tmp_path / "keys.xls")).returncode == 2


def test_the_record_contract_ships_with_the_project():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/RECORD.md)" in readme and "../shared/spec" not in readme
    shipped = (ROOT / "docs" / "RECORD.md").read_text(encoding="utf-8")
    assert "## Fields" in shipped and "`doc_index`" in shipped
    if (SHARED / "spec" / "RECORD.md").exists():
        assert shipped == (SHARED / "spec" / "RECORD.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def annual(tmp_path_factory):
    if not ANNUAL.is_dir():
        pytest.skip(SHARED_ABSENT)
    folder = tmp_path_factory.mktemp("annual")
    for name in ("hongze_2023.pdf", "hongze_2024.pdf"):
        shutil.copy(ANNUAL / name, folder / name)
    return folder


def test_check_says_where_in_chinese(annual):
    run = cli("check", str(annual))
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert lines[0] == ("hongze_2023.pdf: 未通过 table4.review (表四 · 行政复议 · 第4页): 总计 0 ≠ 结果维持 10 + "
                        "结果纠正 1 + 其他结果 0 + 尚未审结 0 = 11，相差 11")  # fmt: skip
    assert any(line.startswith("hongze_2024.pdf: 未通过 prose.requests.received.total (正文与表三") for line in lines)
    assert lines[-1] == "检查了 2 份文档，3 项检查未通过"
    english = cli("check", str(annual), "--lang", "en")
    assert "hongze_2023.pdf: FAILED table4.review (table 4 · 行政复议 · p. 4)" in english.stdout
    assert english.stdout.splitlines()[-1] == "2 document(s) checked, 3 failed check(s)"


def test_check_writes_a_sheet_an_office_can_send_back(annual, tmp_path):
    from openpyxl import load_workbook

    assert cli("check", str(annual), "-o", str(tmp_path / "checks.csv")).returncode == 1
    text = (tmp_path / "checks.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff文件,")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert [(r["文件"], r["表格"], r["列"], r["页码"], r["结果"]) for r in rows[:2]] == [
        ("hongze_2023.pdf", "表四", "行政复议", "4", "未通过"), ("hongze_2023.pdf", "表四", "复议后起诉", "4", "未通过")]  # fmt: skip
    assert cli("check", str(annual), "-o", str(tmp_path / "checks.xlsx")).returncode == 1
    sheet = load_workbook(tmp_path / "checks.xlsx").active
    got = [[c.value for c in row] for row in sheet.iter_rows()]
    assert sheet.title == "检查结果" and got[0][0] == "文件" and len(got) == len(rows) + 1
    assert got[1][:4] == ["hongze_2023.pdf", 0, "洪泽区人民政府", 2023] and got[1][8] == 4
    assert sheet.auto_filter.ref and sheet.freeze_panes == "A2"


ARTEFACTS = re.compile(r"<(bool|str|int|float|path|list\[[^]]*\])>|\{\w+\}|``")


@pytest.mark.parametrize("path", [path for path, _ in COMMANDS])
def test_every_help_reads_cleanly_and_ends_with_examples(path):
    """No type metavars, no braces, no rst quotes, no paragraph broken mid-sentence, and 2–3 examples at the end."""
    run = cli(*path.split()[1:], "--help")
    assert run.returncode == 0
    text = run.stdout
    assert not ARTEFACTS.search(text), ARTEFACTS.search(text)
    lines = [line.strip() for line in text.splitlines()]
    assert "Examples" in lines
    examples = [line for line in lines[lines.index("Examples") + 1 :] if line]
    assert 2 <= len(examples) <= 3 and all("govdisc " in e for e in examples), examples
    intro = lines[lines.index(next(line for line in lines if line.startswith("Usage:"))) + 1 :]
    intro = intro[: next(i for i, line in enumerate(intro) if line.startswith("╭"))] if any(
        line.startswith("╭") for line in intro) else intro  # fmt: skip
    for line, after in itertools.pairwise(intro):
        if line and after:  # a line that wraps on must have been filled: a short one is a break in the source
            assert len(line) > 40, (line, after)
