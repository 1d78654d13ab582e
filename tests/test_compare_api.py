"""govdisc.compare(records, ...) from Python: rows as data classes, names checked as the command checks them."""

from __future__ import annotations

import dataclasses
import json

import pytest

import govdisc
from govdisc.choices import ChoiceError
from tests.helpers import SAMPLES, cli, jsonl


@pytest.fixture(scope="module")
def records() -> list[govdisc.Record]:
    return [r for found in govdisc.extract_paths([SAMPLES]) for r in found.records]


def test_compare_returns_the_rows_the_command_shows(records):
    rows = govdisc.compare(
        records, ["主动公开信息", "disclosure_rate"], years=[2022], sort="published.items", desc=True
    )
    shown = json.loads(cli("compare", "samples", "--metrics", "published.items,disclosure_rate", "--year", "2022",
                           "--sort", "published.items", "--desc", "-f", "json").stdout)  # fmt: skip
    assert [row.to_dict() for row in rows] == shown["rows"]
    assert rows.totals is not None and rows.totals.to_dict() == shown["totals"]
    first = next(iter(rows))
    assert dataclasses.is_dataclass(first) and first.values["published.items"] == max(
        r["metrics"].get("published.items", 0) for r in jsonl(cli("extract", "samples", "-f", "jsonl").stdout)
    )


def test_unknown_names_raise(records):
    with pytest.raises(ChoiceError, match=r"did you mean 'requests\.received\.total'"):
        govdisc.compare(records, ["requests.recieved.total"])
    with pytest.raises(ValueError, match="unknown document type 'annual'"):
        govdisc.compare(records, doc_types=["annual"])


def test_record_repr_is_one_short_line(records):
    record = next(r for r in records if r.agency == "江门市江海区人民政府办公室")
    said = repr(record)
    assert "\n" not in said and len(said) < 120
    assert all(part in said for part in (record.file, f"#{record.doc_index}", record.agency, str(record.year),
                                         f"{len(record.metrics)} metrics"))  # fmt: skip
