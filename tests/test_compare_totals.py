"""compare's 合计 row and group sums: each figure summed over exactly the rows that have it, rates
recomputed from the rows that have every part, approximate figures marked."""

from __future__ import annotations

import json

from govdisc.compare.figures import DERIVED
from govdisc.model import Evidence, Record
from tests.helpers import SAMPLES, cli

RATE_PARTS = ("requests.granted.total", "requests.partial.total", "requests.processed_total.total")


def _compare_json(*args: str) -> dict:
    run = cli("compare", *args, "-f", "json", "-q")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_each_total_is_the_sum_over_the_rows_that_have_it(corpus):
    data = _compare_json(str(corpus), str(SAMPLES), "--year", "2024")
    assert len(data["rows"]) >= 2
    for column in data["columns"]:
        if column["rate"]:
            continue
        got = [r["values"][column["id"]] for r in data["rows"] if r["values"][column["id"]] is not None]
        assert data["totals"]["values"][column["id"]] == (sum(got) if got else None), column["id"]
    # 行政诉讼合计: one report states its total, the other only the two kinds of suit
    litigation = [r["values"]["litigation_all"] for r in data["rows"]]
    assert None not in litigation and data["totals"]["values"]["litigation_all"] == sum(litigation)


def test_the_total_rate_comes_from_the_rows_with_every_part(corpus):
    data = _compare_json(str(corpus), str(SAMPLES), "--metrics", ",".join([*RATE_PARTS, "disclosure_rate"]))
    having = [r["values"] for r in data["rows"] if all(r["values"][k] is not None for k in RATE_PARTS)]
    granted, partial, processed = (sum(v[k] for v in having) for k in RATE_PARTS)
    assert data["totals"]["values"]["disclosure_rate"] == round((granted + partial) / processed, 4)


def test_a_group_sums_its_agencies(corpus):
    agencies = _compare_json(str(corpus), str(SAMPLES), "--year", "2024")
    grouped = _compare_json(str(corpus), str(SAMPLES), "--year", "2024", "--group-by", "city")
    huaian = next(r for r in grouped["rows"] if r["name"].endswith("淮安市"))
    members = [r["values"]["litigation_all"] for r in agencies["rows"] if r["name"].startswith("淮安市")]
    assert len(members) == 2 and huaian["values"]["litigation_all"] == sum(members)


def test_a_total_with_an_approximate_figure_is_marked(corpus):
    data = _compare_json(str(corpus), "--year", "2024", "--metrics", "published.items")
    approx_rows = [r for r in data["rows"] if "published.items" in r["approx"]]
    assert approx_rows, "淮安市人民政府 states 5500余条"
    assert data["totals"]["approx"]["published.items"] == ["余"]
    md = cli("compare", str(corpus), "--year", "2024", "--metrics", "published.items", "-f", "markdown", "-q").stdout
    total_line = next(line for line in md.splitlines() if line.startswith("| 合计"))
    assert "≈" in total_line and "含约数" in md


def _jsonl(records: list[Record]) -> str:
    return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records)


def test_a_row_with_a_numerator_and_no_denominator_is_left_out_of_the_rate():
    whole = Record(
        "a.txt",
        agency="甲县人民政府",
        year=2024,
        doc_type="annual_report",
        metrics={"requests.granted.total": 5, "requests.partial.total": 0, "requests.processed_total.total": 10},
    )
    part = Record("b.txt", agency="乙县人民政府", year=2024, doc_type="annual_report",
                  metrics={"requests.granted.total": 90, "requests.partial.total": 0})  # fmt: skip
    run = cli("compare", "-", "--metrics", "requests.granted.total,disclosure_rate", "-f", "json",
              stdin=_jsonl([whole, part]))  # fmt: skip
    totals = json.loads(run.stdout)["totals"]["values"]
    assert totals == {"requests.granted.total": 95, "disclosure_rate": 0.5}


def test_derived_counts_sum_over_the_records_that_have_them():
    stated = Record("a.txt", agency="甲县人民政府", year=2024, metrics={"litigation.total": 46})
    parts = Record("b.txt", agency="乙县人民政府", year=2024,
                   metrics={"litigation_direct.total": 1, "litigation_after_review.total": 3},
                   evidence={"litigation_direct.total": Evidence("prose", "近1件", approx="近")})  # fmt: skip
    none = Record("c.txt", agency="丙县人民政府", year=2024, metrics={"review.total": 2})
    data = json.loads(cli("compare", "-", "--metrics", "litigation_all,denied_total", "-f", "json",
                          stdin=_jsonl([stated, parts, none])).stdout)  # fmt: skip
    assert data["totals"]["values"] == {"litigation_all": 50, "denied_total": None}
    assert data["totals"]["approx"] == {"litigation_all": ["近"]}
    assert not DERIVED["litigation_all"].rate
