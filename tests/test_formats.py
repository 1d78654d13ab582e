"""The seeds written as .docx (python-docx), .pdf (reportlab) and GB18030 .txt give the same metrics."""

from __future__ import annotations

import pytest

import govdisc
from tests.helpers import SEEDS, seed_lines, write_docx, write_pdf


def _metrics(path, label) -> list[tuple[int, str | None, int | None, str, dict]]:
    return [(r.doc_index, r.agency, r.year, r.doc_type, r.metrics) for r in govdisc.extract_file(path, label)]


@pytest.fixture(scope="module")
def originals():
    return {p.stem: _metrics(p, p.name) for p in SEEDS}


def _gb18030(lines, target):
    target.write_bytes("\r\n".join(lines).encode("gb18030"))
    return target


WRITERS = {"docx": write_docx, "pdf": write_pdf, "gb18030.txt": _gb18030}


@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_same_metrics_in_every_format(tmp_path, originals, kind, seed):
    target = WRITERS[kind](seed_lines(seed), tmp_path / f"{seed.stem}.{kind}")
    got = _metrics(target, target.name)
    assert got == originals[seed.stem]


def test_pdf_evidence_has_pages(tmp_path):
    seed = next(p for p in SEEDS if p.name.startswith("001"))
    target = write_pdf(seed_lines(seed), tmp_path / "001.pdf")
    pages = {ev.page for r in govdisc.extract_file(target) for ev in r.evidence.values()}
    assert pages and None not in pages and max(pages) > 1
