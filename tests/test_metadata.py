"""Metadata and segmentation on real forms that need more than one line of a case file."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdisc.metadata import body_name
from govdisc.model import Document, Paragraph
from govdisc.pipeline import extract_document
from govdisc.segment import segment, title_agency
from tests.helpers import SAMPLES

COMPILATION = SAMPLES / "001_b0e6df2b91b6b31c.txt"


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _summary(lines: list[str]) -> list[tuple[str | None, int | None, str, dict[str, int | float]]]:
    records = extract_document(Document(Path("x.txt"), [Paragraph(line) for line in lines]), "x.txt")
    return [(r.agency, r.year, r.doc_type, r.metrics) for r in records]


def test_a_compilation_printed_as_one_line_splits_like_the_file() -> None:
    """Sample 001 (eleven summaries) as a page that prints all its text on one line: every title
    run into the text after it starts a document, and each keeps its own counts."""
    lines = _lines(COMPILATION)
    as_file = _summary(lines)
    assert len(as_file) == 11
    assert _summary([" ".join(lines)]) == as_file


def test_a_contents_list_on_one_line_is_not_split() -> None:
    """The contents line of sample 001 (titles separated by spaces) holds no document."""
    contents = next(line for line in _lines(COMPILATION) if line.startswith("安庆市2022年政务公开工作总结 蚌埠市"))
    blocks = segment([Paragraph(contents)])
    assert [b.text for s in blocks for b in s.blocks if isinstance(b, Paragraph)] == [contents]


def test_furniture_is_dropped_from_the_text_and_kept_on_its_document() -> None:
    """excerpts/a19_jiangmen_pengjiang_fgj_2024_trad.txt, lines 1-3 (in simplified glyphs)."""
    source = "来源:蓬江区发展和改革局 发布时间:2025-01-20"
    lines = ["蓬江区发展和改革局2024年度政府信息公开工作年度报告", source, "一、总体情况"]
    (seg,) = segment([Paragraph(line) for line in lines])
    assert source in seg.furniture
    assert source not in [b.text for b in seg.blocks if isinstance(b, Paragraph)]


def test_furniture_before_the_first_document_of_a_compilation_belongs_to_no_document() -> None:
    """Sample 001's page line ``时间:… 浏览量:`` stands above every document."""
    segments = segment([Paragraph(line) for line in _lines(COMPILATION)])
    assert len(segments) == 11
    assert not any(line.startswith("时间:") for s in segments for line in s.furniture)


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("深圳市市场监督管理局龙华监管局", "深圳市市场监督管理局龙华监管局"),  # a14, opening sentence
        ("益阳市人民政府办公室(市政务公开办)", "益阳市人民政府办公室"),  # a21, contact sentence
        ("我局未收到政府", None),  # a10: a sentence
        ("区统计局", None),  # a26: no district named
        ("市市场监督管理局龙华监管局", None),  # a14's breadcrumb: no city named
        ("本单位政府信息公开受理机构", None),  # s12's contact sentence
        ("网友投稿", None),  # s21's 来源: not a body
    ],
)
def test_only_a_name_with_the_shape_of_a_body_is_an_agency(name: str, want: str | None) -> None:
    assert body_name(name) == want


def test_the_year_s_du_never_starts_an_agency() -> None:
    """``2022年度政府信息公开年度报告``, the report named in excerpts/a17_zhenan_maoping_2022.txt, line 4:
    no agency (not ``度政府``)."""
    assert title_agency("2022年度政府信息公开年度报告") is None
    assert title_agency("2022年度螅镇政府信息公开工作年度报告") == "螅镇"  # a18, line 2
