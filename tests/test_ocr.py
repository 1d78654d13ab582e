"""Scanned pdfs: pages without a text layer read by OCR (the ``ocr`` extra), figures marked and checked.

The scan is made as a scanner would: a corpus pdf rasterized by ``pdftoppm -r 150 -gray`` and the page
image written into an image-only pdf by Pillow. One part of one page (table 4 of hongze_2024) keeps
the OCR run short; the full pdfs are measured by ``bench/ocr.py``.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from govdisc.normalize import normalize_document
from govdisc.ocr_figures import keep_consistent, mark
from govdisc.read import ocr, read_document
from govdisc.segment import segment
from govdisc.tables import read_tables
from tests.helpers import ROOT, cli, jsonl

TABLE4 = {"review.upheld": 1, "review.corrected": 1, "review.other": 0, "review.pending": 0, "review.total": 2,
          "litigation_direct.upheld": 1, "litigation_direct.total": 1, "litigation_after_review.upheld": 2,
          "litigation_after_review.other": 1, "litigation_after_review.total": 3}  # fmt: skip


def _needs_ocr() -> None:
    if not ocr.available():
        if os.environ.get("CI"):
            pytest.fail(f"OCR is not installed (.ci/run installs it: {ocr.INSTALL})")
        pytest.skip(f"OCR is not installed ({ocr.INSTALL})")


def _scan(pdf: Path, page: int, target: Path, crop: tuple[int, int, int, int] | None = None) -> Path:
    """An image-only pdf of one page of ``pdf``, rasterized grey at 150 dpi (``crop``: x, y, w, h pixels)."""
    from PIL import Image

    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm is not installed (.ci/run installs poppler-utils)")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    stem = target.with_suffix("")
    args = ["pdftoppm", "-r", "150", "-gray", "-f", str(page), "-l", str(page), "-singlefile"]
    if crop is not None:
        args += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
    subprocess.run([*args, str(pdf), str(stem)], check=True, capture_output=True)
    Image.open(stem.with_suffix(".pgm")).save(target, resolution=150.0)
    return target


@pytest.fixture(scope="module")
def scanned(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Table 4 of hongze_2024 (page 4, from its heading to the table's foot), scanned."""
    folder = tmp_path_factory.mktemp("scan")
    return _scan(corpus / "hongze_2024.pdf", 4, folder / "hongze_2024_table4.pdf", (0, 614, 1241, 360))


@pytest.fixture(scope="module")
def read(scanned: Path) -> dict:
    _needs_ocr()
    run = cli("extract", str(scanned), "--no-cache", "-f", "jsonl", "--timeout", "600")
    assert run.returncode == 0, run.stderr
    (record,) = jsonl(run.stdout)
    return record


def test_a_scanned_table_is_read_by_ocr(read: dict) -> None:
    assert {k: read["metrics"].get(k) for k in TABLE4} == TABLE4
    evidence = read["evidence"]["review.total"]
    assert evidence["ocr"] is True and 0 < evidence["confidence"] <= 1 and evidence["page"] == 1
    assert all(e["ocr"] for e in read["evidence"].values())
    assert 'read by OCR: page(s) 1; its figures carry "ocr": true' in read["warnings"]
    assert {c["id"] for c in read["checks"] if c["status"] == "passed"} >= {"table4.review"}


def test_ocr_never_leaves_a_scan_unread(scanned: Path) -> None:
    run = cli("extract", str(scanned), "--no-cache", "--ocr", "never")
    assert run.returncode == 1
    assert run.stderr.strip().endswith("no text: the pdf has no text layer (scanned?)")


def test_without_the_extra_the_error_names_the_install(scanned: Path, tmp_path: Path) -> None:
    """One error line naming the install, and not cached: once the extra is installed the file is read."""
    blocked = tmp_path / "blocked" / "rapidocr_onnxruntime"
    blocked.mkdir(parents=True)
    (blocked / "__init__.py").write_text("raise ImportError('not installed')\n")
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(blocked.parent), str(ROOT)]),
           "GOVDISC_CACHE_DIR": str(cache)}  # fmt: skip
    for ocr_mode, said in (("auto", "no text: the pdf has no text layer (scanned?); OCR is not installed"),
                           ("always", "OCR is not installed")):  # fmt: skip
        run = subprocess.run([sys.executable, "-m", "govdisc", "extract", str(scanned), "--ocr", ocr_mode],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)  # fmt: skip
        lines = run.stderr.strip().splitlines()
        assert run.returncode == 1 and len(lines) == 1, run.stderr
        assert lines[0] == f"govdisc: error: {scanned}: {said}: pip install 'govdisc[ocr]'"
    with sqlite3.connect(cache / "cache.sqlite") as db:
        assert db.execute("select count(*) from results").fetchone() == (0,)


def test_a_misread_cell_drops_its_row_and_column(corpus: Path) -> None:
    """Table 3 of the text pdf, its pages taken as read by OCR and one cell misread: what does not add up
    is left out with a warning naming it, and what still adds up is kept."""
    doc = normalize_document(read_document(corpus / "hongze_2024.pdf"))
    (seg,) = segment(doc.blocks)
    tables = read_tables(seg.blocks)
    pages = {ev.page: [("9", 0.9)] for ev in tables.evidence.values() if ev.page is not None}
    assert tables.metrics["requests.partial.total"] == 9
    tables.metrics["requests.partial.total"] = 6  # the 9 read as 6, as OCR did on the 150 dpi scan
    keep_consistent(tables, pages)
    for gone in ("requests.partial.natural_person", "requests.partial.total", "requests.granted.total",
                 "requests.processed_total.total"):  # fmt: skip
        assert gone not in tables.metrics
    assert tables.metrics["requests.received.total"] == 95
    assert tables.metrics["requests.granted.natural_person"] == 50
    assert any("row 部分公开" in w and "column 总计" in w and "do not add up" in w for w in tables.warnings)
    mark(tables.evidence, pages)
    ev = tables.evidence["requests.received.total"]
    assert ev.ocr and ev.confidence == 0.9
    assert json.loads(json.dumps(ev.to_dict()))["ocr"] is True
