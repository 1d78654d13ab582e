"""The hostile files of the readers, each made for real: bounded memory, honest decoding, whole characters."""

from __future__ import annotations

import contextlib
import logging
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisc
from govdisc.model import ReadError
from govdisc.normalize import STEPS, normalize_text
from govdisc.normalize.mojibake import document_budget, repair_gbk_misalignment
from govdisc.normalize.traditional import to_simplified
from govdisc.read import read_document
from govdisc.read.limits import MAX_CELLS
from tests import hostile
from tests.conftest import CORPUS
from tests.helpers import ROOT, SHARED_ABSENT, cli, jsonl

SAMPLE_001 = next((ROOT / "samples").glob("001_*.txt"))


def test_docx_with_gridspan_20000000_reads_within_its_grid(tmp_path: Path) -> None:
    doc = read_document(hostile.gridspan_docx(tmp_path / "span.docx"))
    tables = [b for b in doc.blocks if isinstance(b, govdisc.Table)]
    (row,) = tables[0].rows
    assert len(row) <= 2 * 3  # no span reaches past the grid's three columns
    assert [c for c in row if c] == ["项目", "本年新增", "10"]


def test_docx_with_absurd_gridspan_digits_reads(tmp_path: Path) -> None:
    doc = read_document(hostile.gridspan_docx(tmp_path / "span.docx", span=99999999999))
    assert max(len(row) for b in doc.blocks if isinstance(b, govdisc.Table) for row in b.rows) <= 2 * 3


def test_html_with_2000_cells_of_colspan_and_rowspan_200_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=f"past {MAX_CELLS:,} grid cells"):
        read_document(hostile.span_html(tmp_path / "span.html"))


def test_html_spans_within_the_limit_still_read(tmp_path: Path) -> None:
    doc = read_document(hostile.span_html(tmp_path / "span.html", cells=3, rows=2, span=2))
    table = next(b for b in doc.blocks if isinstance(b, govdisc.Table))
    assert table.rows[1] == (None,) * 6 + ("a", "b")  # the second row stands beside the rowspans
    assert len(table.rows) == 3 and len(table.rows[0]) == 8


def test_txt_001_with_one_0xff_appended_gives_the_same_records(tmp_path: Path) -> None:
    bad = tmp_path / SAMPLE_001.name
    bad.write_bytes(SAMPLE_001.read_bytes() + b"\xff")
    original, damaged = govdisc.extract_file(SAMPLE_001), govdisc.extract_file(bad)
    assert len(damaged) == len(original) == 11
    assert [r.metrics for r in damaged] == [r.metrics for r in original]
    assert [r.title for r in damaged] == [r.title for r in original]
    size = SAMPLE_001.stat().st_size
    assert f"1 invalid UTF-8 byte sequence(s) replaced (at byte {size:,})" in damaged[0].warnings


def test_txt_001_cut_in_the_middle_of_a_character_stays_utf8(tmp_path: Path) -> None:
    data = SAMPLE_001.read_bytes()
    cut = len(data) // 2
    while data[cut] < 0x80:
        cut += 1
    bad = tmp_path / "cut.txt"
    bad.write_bytes(data[: cut + 1])
    doc = read_document(bad)
    assert doc.encoding == "utf-8"
    assert any("invalid UTF-8" in w for w in doc.warnings)
    assert doc.blocks[0] == read_document(SAMPLE_001).blocks[0]


def test_gb18030_text_is_not_taken_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes(SAMPLE_001.read_text(encoding="utf-8").encode("gb18030"))
    assert read_document(path).encoding == "gb18030"


def test_mojibake_repair_of_a_garbled_document_stops_at_its_budget() -> None:
    garbled = SAMPLE_001.read_bytes().decode("gb18030", "replace")[:6000]
    with document_budget(limit=5):
        _text, notes = repair_gbk_misalignment(garbled)
        again, more = repair_gbk_misalignment(garbled)
    assert notes[-1] == "GBK misalignment repair stopped after 5 garbled runs; the rest is left as is"
    assert (again, more) == (garbled, [])


def test_pdf_tounicode_surrogate_pair_is_one_character(tmp_path: Path) -> None:
    doc = read_document(hostile.tounicode_pdf(tmp_path / "astral.pdf"))
    assert [b.text for b in doc.blocks] == ["𠮷😀\ufffdA"]
    assert doc.warnings == []  # the lone D800 is U+FFFD already from pdfium's own reading
    records = govdisc.extract_file(tmp_path / "astral.pdf")
    assert records[0].title == "𠮷😀\ufffdA"


def test_docx_member_name_flagged_utf8_but_not_utf8_is_a_read_error(tmp_path: Path) -> None:
    source = hostile.gridspan_docx(tmp_path / "good.docx", span=1)
    with pytest.raises(ReadError, match="member name flagged UTF-8"):
        read_document(hostile.bad_member_name_docx(tmp_path / "bad.docx", source))


def test_library_loggers_are_silenced_at_the_reader() -> None:
    for name in ("pdfminer", "pdfminer.pdffont", "jieba"):
        assert not logging.getLogger(name).isEnabledFor(logging.CRITICAL)


PIECES = st.one_of(st.sampled_from([*hostile.ASTRAL, "政府", "公開", "１２", "?", "ㄒ唬"]), st.characters(codec=None))
SURROGATE_TEXT = st.lists(PIECES, max_size=20).map("".join)


@settings(max_examples=30, deadline=None)
@given(SURROGATE_TEXT)
def test_every_normalizer_is_safe_on_astral_and_surrogate_text(text: str) -> None:
    for step in STEPS:
        step(text)
    assert to_simplified(text).count("\ud800") == text.count("\ud800")
    normalize_text(text)


FUZZ_SOURCES = [*sorted((ROOT / "samples").glob("*.txt"))[:2], *(sorted(CORPUS.iterdir()) if CORPUS.is_dir() else [])]


@pytest.mark.parametrize("source", FUZZ_SOURCES, ids=lambda p: p.name)
def test_mutants_of_a_corpus_file_read_or_fail_with_read_error(source: Path, tmp_path: Path) -> None:
    if not source.is_file():
        pytest.skip(SHARED_ABSENT)
    rng = random.Random(source.name)
    for n in range(1):
        kind, body = hostile.mutant(source.read_bytes(), source.suffix.lower(), rng)
        path = tmp_path / f"{n}.{kind}{source.suffix}"
        path.write_bytes(body)
        with contextlib.suppress(ReadError):
            govdisc.extract_file(path)


def test_text_of_a_million_short_lines_is_read_to_the_line_limit(tmp_path: Path) -> None:
    """``lines_txt`` at a small size: past ``max_lines`` the rest is left unread, and the warning says so."""
    path = hostile.lines_txt(tmp_path / "lines.txt", count=300)
    doc = read_document(path, max_lines=100)
    assert len(doc.blocks) == 100
    assert doc.warnings[-1] == "300 lines: only the first 100 read (raise the limit with --max-lines)"
    assert read_document(path, max_lines=300).warnings == read_document(path).warnings == []


def test_html_table_of_many_rows_is_cut_inside_the_table(tmp_path: Path) -> None:
    doc = read_document(hostile.rows_html(tmp_path / "rows.html", count=500), max_lines=120)
    (table,) = [b for b in doc.blocks if isinstance(b, govdisc.Table)]
    assert len(table.rows) == 120 - sum(isinstance(b, govdisc.Paragraph) for b in doc.blocks)
    assert table.rows[0] == ("申请事项0", "0")
    assert "500 lines: only the first 120 read" in doc.warnings[-1]


def test_the_line_limit_is_an_option_and_a_warning_of_the_record(tmp_path: Path) -> None:
    path = hostile.lines_txt(tmp_path / "lines.txt", count=300)
    run = cli("extract", str(path), "--no-cache", "-w", "0", "-f", "jsonl", "--max-lines", "50")
    assert run.returncode == 0, run.stderr
    assert "300 lines: only the first 50 read (raise the limit with --max-lines)" in jsonl(run.stdout)[0]["warnings"]


def test_pdf_page_of_endless_drawing_is_read_without_its_drawings(tmp_path: Path) -> None:
    """A page holding more objects than MAX_DRAWINGS is not walked object by object (minutes for millions)."""
    import pypdfium2 as pdfium

    from govdisc.read.pdf_pdfium import MAX_DRAWINGS, page_objects

    path = hostile.endless_stream_pdf(tmp_path / "endless.pdf", megabytes=2)
    pdf = pdfium.PdfDocument(str(path))
    page = pdf[0]
    objects = page_objects(page, 1, 0.0)
    assert objects is not None and objects.graphics == []
    assert objects.drawings > MAX_DRAWINGS
    page.close()
    pdf.close()
    with pytest.raises(
        ReadError, match=r"^no text; page 1 holds [\d,]+ objects \(over 100,000\): .*not rendered for OCR"
    ):
        read_document(path)  # nor rendered for OCR, which would take as long


def _alignments_by_trying_each(cells: tuple[str, ...], width: int, blanks_shown: bool) -> list[tuple[str, ...]]:
    """Every cut of ``extra`` blank cells from the two ends, tried one by one (the definition)."""
    extra = len(cells) - width
    if extra < 0 or (extra and not blanks_shown):
        return []
    cuts = [cells[lead : len(cells) - (extra - lead)] for lead in range(extra + 1)
            if all(not c.strip() for c in (*cells[:lead], *cells[len(cells) - (extra - lead) :]))]  # fmt: skip
    return list(dict.fromkeys(cuts))


@given(st.lists(st.sampled_from(["", " ", "0", "12", "合计"]), max_size=12), st.integers(0, 8), st.booleans())
def test_alignments_are_every_cut_of_blank_ends(cells: list[str], width: int, blanks_shown: bool) -> None:
    from govdisc.tables.rows import alignments

    expected = _alignments_by_trying_each(tuple(cells), width, blanks_shown)
    assert alignments(tuple(cells), width, blanks_shown) == expected


def test_html_table3_row_of_colspan_200_rowspan_200_is_read_in_one_pass(tmp_path: Path) -> None:
    """The corpus html with ``colspan=200 rowspan=200`` on its cells (a fuzz mutant): rows 25,610 cells
    wide, each fitted to the 7 columns of table 3 once, not once per way of cutting its padding."""
    from govdisc.tables.rows import alignments

    row = ("",) * 12_800 + ("1", "0", "0", "0", "0", "0", "1") + ("",) * 12_803
    assert alignments(row, 7) == [("1", "0", "0", "0", "0", "0", "1")]
    source = (CORPUS / "shanghai_bgt_2019.html").read_bytes()
    path = tmp_path / "spans.html"
    path.write_bytes(source.replace(b"<td", b"<td colspan=200 rowspan=200", 60))
    (record,) = govdisc.extract_file(path)
    assert record.title  # read to the end; what its spans make of the tables is not certain, so not asserted
