"""compare --expect: roster names matched with the identity de-duplication uses, near misses shown."""

from __future__ import annotations

import json

from govdisc.compare.agencies import name_key, near_misses
from tests.helpers import cli


def test_roster_matches_the_same_body_not_another(corpus, tmp_path):
    roster = tmp_path / "r.txt"
    roster.write_text("淮安市洪泽区人民政府\n上海市人民政府\n", encoding="utf-8")
    run = cli("compare", str(corpus), "--expect", str(roster), "--year", "2023", "-q")
    assert run.returncode == 0, run.stderr
    missing = next(line for line in run.stdout.splitlines() if "未见报告 (" in line)
    assert "上海市人民政府" in missing and "淮安市洪泽区人民政府" not in missing
    data = json.loads(cli("compare", str(corpus), "--expect", str(roster), "--year", "2023", "-f", "json", "-q").stdout)
    assert data["missing"] == {"2023": ["上海市人民政府"]}


def test_another_body_of_the_same_place_is_a_near_miss_not_a_match(corpus, tmp_path):
    roster = tmp_path / "r.txt"
    roster.write_text("上海市人民政府\n洪泽区人民政府\n", encoding="utf-8")
    data = json.loads(cli("compare", str(corpus), "--expect", str(roster), "--year", "2019", "-f", "json", "-q").stdout)
    assert data["missing"] == {"2019": ["上海市人民政府", "洪泽区人民政府"]}
    assert data["near_misses"]["2019"] == {"上海市人民政府": ["上海市人民政府办公厅"]}
    table = cli("compare", str(corpus), "--expect", str(roster), "--year", "2019", "-q").stdout
    said = " ".join(line.strip() for line in table.splitlines())  # the note may wrap at the screen's width
    assert "上海市人民政府 (近似: 上海市人民政府办公厅)" in said


def test_identity_of_a_roster_name():
    assert name_key("淮安市洪泽区人民政府") == name_key("洪泽区人民政府")
    assert name_key("上海市人民政府") != name_key("上海市人民政府办公厅")
    assert name_key("某某市不存在局") == "某某市不存在局"
    reported = {name_key(n): n for n in ("上海市人民政府办公厅", "淮安市人民政府")}
    assert near_misses("上海市人民政府", reported) == ["上海市人民政府办公厅"]
    assert near_misses("某某市不存在局", reported) == []
