"""``govdisc.read._pdfium_scan``, pdfium's facts read in one call each, equals its pure-Python reference.

The compiled part is optional (an install without a C compiler runs the reference); these tests skip where it
was not built, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from govdisc.read import pdf_pdfium, read_document


@pytest.fixture(scope="module")
def compiled() -> object:
    if pdf_pdfium.COMPILED is None:
        if os.environ.get("CI"):
            pytest.fail("govdisc.read._pdfium_scan was not built")
        pytest.skip("govdisc.read._pdfium_scan was not built (no C compiler at install)")
    return pdf_pdfium.COMPILED


def _drawn_pdf(path: Path, font: str) -> Path:
    """A page with what a report's pdf holds: CJK text, ruled cells, curves, a form XObject, rotated text, a hyphen."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.setFont(font, 12)
    canvas.drawString(72, 760, "本年新收政府信息公开申请数量 859")
    canvas.rect(72, 600, 200, 100)
    canvas.line(72, 650, 272, 650)
    canvas.bezier(300, 600, 320, 680, 380, 520, 400, 600)
    canvas.circle(450, 650, 30, fill=1)
    canvas.beginForm("stamp")
    canvas.setFont(font, 10)
    canvas.drawString(0, 0, "政务公开办")
    canvas.rect(0, -5, 60, 20)
    canvas.endForm()
    canvas.saveState()
    canvas.translate(100, 400)
    canvas.scale(1.5, 1.5)
    canvas.doForm("stamp")
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(400, 300)
    canvas.rotate(90)
    canvas.drawString(0, 0, "竖排文字")
    canvas.restoreState()
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 200, "The open government infor-")
    canvas.drawString(72, 186, "mation report of the year")
    canvas.save()
    return path


def _facts(path: Path) -> tuple[int, int, int]:
    """Check every page of ``path``, compiled against reference; the chars, objects and paths compared."""
    chars = objects = paths = 0
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            address = pdf_pdfium._handle(textpage.raw).value or 0
            scanned = pdf_pdfium.scan_chars(address)
            assert scanned == pdf_pdfium._scan_calls(address)
            chars += len(scanned)
            textpage.close()
            containers = [(pdf_pdfium._handle(page.raw).value or 0, True)]
            while containers:
                container, is_page = containers.pop()
                found = pdf_pdfium.page_objects_of(container, is_page)
                assert found == pdf_pdfium._objects_calls(container, is_page)
                objects += len(found)
                for obj, kind in found:
                    if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                        containers.append((obj, False))
                    elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                        assert pdf_pdfium.path_facts(obj) == pdf_pdfium._path_calls(obj)
                        paths += 1
            page.close()
    finally:
        doc.close()
    return chars, objects, paths


@pytest.mark.parametrize("name", ["hongze_2023.pdf", "hongze_2024.pdf", "huaian_2024.pdf", "shanghai_bgt_2019.pdf"])
def test_compiled_facts_equal_the_reference_on_real_reports(compiled: object, corpus: Path, name: str) -> None:
    chars, objects, paths = _facts(corpus / name)
    assert chars > 1000 and objects > 100 and paths > 10


def test_compiled_facts_equal_the_reference_on_forms_curves_and_rotated_text(
    compiled: object, tmp_path: Path, cjk_font: str
) -> None:
    chars, objects, paths = _facts(_drawn_pdf(tmp_path / "drawn.pdf", cjk_font))
    assert chars > 60 and paths >= 4
    assert objects > paths  # the form's own objects were compared too


def test_a_pdf_reads_the_same_without_the_compiled_part(
    compiled: object, corpus: Path, tmp_path: Path, cjk_font: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [corpus / "shanghai_bgt_2019.pdf", corpus / "hongze_2023.pdf", _drawn_pdf(tmp_path / "d.pdf", cjk_font)]
    fast = [read_document(p) for p in paths]
    monkeypatch.setattr(pdf_pdfium, "scan_chars", pdf_pdfium._scan_calls)
    monkeypatch.setattr(pdf_pdfium, "page_objects_of", pdf_pdfium._objects_calls)
    monkeypatch.setattr(pdf_pdfium, "path_facts", pdf_pdfium._path_calls)
    assert [read_document(p) for p in paths] == fast
    assert all(doc.blocks for doc in fast)
