"""The pdf reader's own word, line, cell and table building gives exactly what pdfplumber's gives."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from pdfplumber.table import Table, TableFinder
from pdfplumber.utils import chars_to_textmap, curve_to_edges, extract_text, line_to_edge, rect_to_edges
from pdfplumber.utils import dedupe_chars as plumber_dedupe
from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES

from govdisc.read import pdf_text
from govdisc.read.pdf import _extract, _keeps_ruling, dedupe_chars, plumber_objects
from govdisc.read.pdf_pdfium import PageObjects
from govdisc.read.pdf_tables import find_tables
from govdisc.read.pdf_text import cell_text, text_lines

CORPUS_PDFS = ["hongze_2023.pdf", "hongze_2024.pdf", "huaian_2024.pdf", "shanghai_bgt_2019.pdf"]


def _plumber_lines(chars: list[dict], bbox: tuple[float, float, float, float]) -> list[dict]:
    x0, top, x1, bottom = bbox
    textmap = chars_to_textmap(chars, layout_bbox=bbox, layout_width=x1 - x0, layout_height=bottom - top)
    return textmap.extract_text_lines(strip=True, return_chars=False)


@dataclass
class _TablePage:
    """What pdfplumber's TableFinder and Table read from a page."""

    chars: list[dict]
    edges: list[dict]
    bbox: tuple[float, float, float, float]


def _plumber_edges(graphics: list[dict]) -> list[dict]:
    """pdfplumber's ``page.edges``: lines, then rect sides, then curve segments."""
    kinds = [[g for g in graphics if g["object_type"] == kind] for kind in ("line", "rect", "curve")]
    return (
        [line_to_edge(g) for g in kinds[0]]
        + [e for g in kinds[1] for e in rect_to_edges(g)]
        + [e for g in kinds[2] for e in curve_to_edges(g)]
    )


def _plumber_cells(cells, chars: list[dict]) -> list[list[str | None]]:
    """pdfplumber's ``Table.extract`` of a table of these cells, on the given chars."""
    return Table(_TablePage(chars, [], (0, 0, 0, 0)), cells).extract()


def _assert_page_parity(objects: PageObjects, rng: random.Random) -> int:
    """Check one page; returns how many ruled tables it has."""
    chars = dedupe_chars(objects.chars)
    assert chars == plumber_dedupe(objects.chars)
    assert text_lines(chars, objects.bbox) == _plumber_lines(chars, objects.bbox)
    assert cell_text(chars) == extract_text(chars)
    x0, top, x1, bottom = objects.bbox
    for _ in range(8):  # arbitrary boxes: the text of a cell cut anywhere on the page
        left, upper = rng.uniform(x0, x1), rng.uniform(top, bottom)
        width, height = rng.uniform(5, 300), rng.uniform(5, 200)
        picked = [
            c
            for c in chars
            if left <= (c["x0"] + c["x1"]) / 2 < left + width and upper <= (c["top"] + c["bottom"]) / 2 < upper + height
        ]
        assert cell_text(picked) == extract_text(picked)
    rulings = [g for g in objects.graphics if _keeps_ruling(g)]
    if not rulings:
        return 0
    ours = find_tables(rulings)
    theirs = TableFinder(_TablePage(chars, _plumber_edges(rulings), objects.bbox)).tables  # type: ignore[arg-type]
    assert [t.cells for t in ours] == [t.cells for t in theirs]
    for found, plumbers in zip(ours, theirs, strict=True):
        assert found.bbox == plumbers.bbox
        assert found.rows == [row.cells for row in plumbers.rows]
        assert _extract(found, chars) == _plumber_cells(found.cells, chars)
    return len(ours)


@pytest.mark.parametrize("name", CORPUS_PDFS)
def test_corpus_pages_match_pdfplumber(corpus: Path, name: str) -> None:
    rng = random.Random(name)
    tables = 0
    with pdfplumber.open(corpus / name) as pdf:
        for page in pdf.pages:
            tables += _assert_page_parity(plumber_objects(page), rng)
    assert tables  # every corpus report has ruled tables, so the cell path is exercised


def _write_mixed_pdf(path: Path, font: str) -> None:
    """Ligatures, spaces, overprinted (bold-by-repeat) glyphs, rotated text and a ruled table with merged cells."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 780, "e\ufb01cient \ufb02ow   of  o\ufb00ice work")
    canvas.setFont(font, 12)
    for dx in (0.0, 0.3, 0.6):  # the same glyphs printed three times a fraction apart
        canvas.drawString(72 + dx, 760, "政府信息公开工作年度报告")
    canvas.drawString(72, 740, "主动公开 12 条  依申请公开 3 件")
    canvas.drawString(74, 741.5, "上标")  # a line a little above the last: one line for pdfplumber
    canvas.saveState()
    canvas.translate(500, 600)
    canvas.rotate(90)
    canvas.drawString(0, 0, "竖排旁注")
    canvas.restoreState()
    xs, ys = [72, 200, 300, 400], [700, 680, 660, 640]
    for x in xs:
        canvas.line(x, ys[0], x, ys[-1])
    for y in ys:
        canvas.line(xs[0], y, xs[-1], y)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(201, 661, 98, 18, stroke=0, fill=1)  # hides part of a ruling: a merged cell
    canvas.setFillColorRGB(0, 0, 0)
    for row, y in enumerate(ys[1:]):
        for col, x in enumerate(xs[:-1]):
            canvas.drawString(x + 4, y + 5, f"格{row}{col} 数 {row * 3 + col}")
    canvas.save()


def test_generated_page_matches_pdfplumber(tmp_path: Path, cjk_font: str) -> None:
    path = tmp_path / "mixed.pdf"
    _write_mixed_pdf(path, cjk_font)
    with pdfplumber.open(path) as pdf:
        objects = plumber_objects(pdf.pages[0])
        assert any(not c["upright"] for c in objects.chars)  # the rotated note takes pdfplumber's own path
        _assert_page_parity(objects, random.Random(0))
        upright = PageObjects(1, objects.bbox, [c for c in objects.chars if c["upright"]], objects.graphics)
        assert _assert_page_parity(upright, random.Random(1)) == 1


def test_tolerances_and_ligatures_are_pdfplumbers() -> None:
    assert (pdf_text._X_TOL, pdf_text._Y_TOL) == (DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE)
    assert pdf_text.LIGATURES == LIGATURES
