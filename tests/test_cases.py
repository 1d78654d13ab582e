"""Odd real forms as data: each case in ``tests/cases/*.json`` is cut from a real document and names it.

A case is ``{"name", "source", "lines", ...expectations}``: ``lines`` are the document's lines as
a reader gives them (one paragraph each); the expectations are ``metrics`` (key → value, each
must be read so), ``absent`` (keys that must not be read), ``agency``, ``year``, ``doc_type``,
``documents`` (how many records the lines give) and ``warning`` (words one warning must hold).
``doc_index`` picks the record the expectations are about (default 0).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from govdisc.model import Document, Paragraph, Record
from govdisc.pipeline import extract_document

CASES_DIR = Path(__file__).parent / "cases"
EXPECTATIONS = ("metrics", "absent", "agency", "year", "doc_type", "documents", "warning")


def _cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            out.append((f"{path.stem}: {case['name']}", case))
    return out


CASES = _cases()


def records_of(case: dict[str, Any]) -> list[Record]:
    lines = [line for line in case["lines"] if line.strip()]  # as the txt reader gives them
    doc = Document(Path(case.get("file", "case.txt")), [Paragraph(line) for line in lines])
    return extract_document(doc, case.get("file", "case.txt"))


@pytest.mark.parametrize("case", [c for _, c in CASES], ids=[name for name, _ in CASES])
def test_case(case: dict[str, Any]) -> None:
    assert case.get("source"), "every case names the real document or form it was cut from"
    assert any(k in case for k in EXPECTATIONS), "a case without expectations cannot fail"
    records = records_of(case)
    if "documents" in case:
        assert len(records) == case["documents"]
    record = records[case.get("doc_index", 0)]
    got = {k: record.metrics.get(k) for k in case.get("metrics", {})}
    assert got == case.get("metrics", {})
    assert not set(case.get("absent", ())) & set(record.metrics), {k: record.metrics[k] for k in case["absent"]
                                                                   if k in record.metrics}  # fmt: skip
    for field in ("agency", "year", "doc_type"):
        if field in case:
            assert getattr(record, field) == case[field], field
    if "warning" in case:
        assert any(case["warning"] in w for w in record.warnings), record.warnings
    for key in record.metrics:
        assert record.evidence[key].text, key  # every number carries its evidence


def test_cases_are_unique() -> None:
    names = [name for name, _ in CASES]
    assert len(names) == len(set(names))
