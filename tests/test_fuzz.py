"""Random and damaged input for every normalizer and parser: nothing raises, every record keeps RECORD.md."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cn2an
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govdisc.metrics import LABELS, PROSE_RULES
from govdisc.metrics import requests as request_family
from govdisc.metrics import review as review_family
from govdisc.model import CHECK_STATUSES, DOC_TYPES, Document, Paragraph, Record, Table
from govdisc.normalize import STEPS, Fix, normalize_blocks, normalize_text
from govdisc.normalize.html_debris import strip_html_debris
from govdisc.normalize.lookalikes import RADICALS_SUPPLEMENT, fix_lookalikes
from govdisc.normalize.pinyin import remove_pinyin
from govdisc.normalize.punctuation import fix_punctuation
from govdisc.normalize.width import fold_fullwidth, tidy_spaces
from govdisc.numbers import MAX_DIGITS, NUMBER_RE, quantity, to_number
from govdisc.parse import Found, find_counts
from govdisc.parse.prose import Clauses
from govdisc.pipeline import extract_document
from govdisc.tables import TableFindings, read_tables
from govdisc.tables.cells import parse_cell
from govdisc.tables.rows import text_rows
from tests.strategies import (
    ANY_TEXT,
    CLEAN_LINES,
    GRID,
    LINE,
    TEXT,
    document_blocks,
    mutated,
    table_line,
    table_text,
)

APPROX = (None, "近", "余", "超", "约")
RECORD_FIELDS = {"file", "doc_index", "title", "agency", "region", "year", "doc_type", "template", "metrics",
                 "evidence", "checks", "warnings"}  # fmt: skip
TEMPLATES = (None, "2021", "2019", "pre2019")
LARGEST = 10**MAX_DIGITS - 1  # the largest number govdisc takes for a count
_NOT_PLAIN_DIGITS = re.compile(r"[零〇一二两三四五六七八九十百千万亿,]")

#: The examples of the loaded profile (conftest.py): cheap properties draw more, whole documents fewer.
N = settings.default.max_examples
FAST = settings(max_examples=N, deadline=None)
MEDIUM = settings(max_examples=max(10, N // 2), deadline=None)
#: Whole documents are large draws by design; the size check would only reject the interesting ones.
SLOW = settings(
    max_examples=max(10, N // 3),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HUGE = "9" * 400
_UNNORMALIZED = re.compile(
    f"[\u2f00-\u2fd5\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\u2002-\u200b\ufeff{''.join(RADICALS_SUPPLEMENT)}]|  "
)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _check_fixes(fixes: object) -> None:
    assert isinstance(fixes, list)
    for fix in fixes:
        assert isinstance(fix, Fix)
        assert isinstance(str(fix), str) and str(fix)


def _step_name(step: Callable[..., Any]) -> str:
    return step.__name__


# --- normalize ----------------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS, ids=_step_name)
@FAST
@given(text=ANY_TEXT)
def test_every_step_gives_text_and_fixes(step: Callable[[str], tuple[str, list[Fix]]], text: str) -> None:
    """Each step returns (str, list of Fix) and says what it changed (tidy_spaces changes silently)."""
    result = step(text)
    assert isinstance(result, tuple) and len(result) == 2
    out, fixes = result
    assert isinstance(out, str)
    _check_fixes(fixes)
    if step is not tidy_spaces:
        assert fixes or out == text


@pytest.mark.parametrize("step", [fold_fullwidth, fix_lookalikes, tidy_spaces], ids=_step_name)
@FAST
@given(text=ANY_TEXT)
def test_character_steps_are_idempotent(step: Callable[[str], tuple[str, list[Fix]]], text: str) -> None:
    """Folding width, mapping look-alikes and tidying spaces leave nothing for a second pass."""
    once, _ = step(text)
    twice, fixes = step(once)
    assert twice == once
    if step is not fix_lookalikes:
        assert fixes == []


@pytest.mark.parametrize("step", [remove_pinyin, fold_fullwidth, fix_punctuation], ids=_step_name)
@FAST
@given(text=ANY_TEXT)
def test_a_reported_fix_changed_the_text(step: Callable[[str], tuple[str, list[Fix]]], text: str) -> None:
    """These steps report a fix only when the text changed."""
    out, fixes = step(text)
    assert not fixes or out != text


@FAST
@given(text=st.text(st.sampled_from("文件,，、 "), max_size=12))
@example(text="，，，")
@example(text="文,,,件")
def test_fix_punctuation_is_idempotent(text: str) -> None:
    """The punctuation step leaves no doubled comma for a second pass to join."""
    once, _ = fix_punctuation(text)
    assert fix_punctuation(once)[0] == once


@pytest.mark.parametrize(("step", "tricky"), [(strip_html_debris, "&foo;"), (fix_lookalikes, "\ufa0e")])
@FAST
@given(text=ANY_TEXT)
def test_steps_report_only_what_they_changed(step, tricky: str, text: str) -> None:
    """A step that says it fixed something changed the text (an unknown entity, an ordinary character)."""
    for sample in (tricky, text):
        out, fixes = step(sample)
        assert not fixes or out != sample


@MEDIUM
@given(text=ANY_TEXT)
def test_normalize_text_never_raises(text: str) -> None:
    """The whole chain leaves no look-alike radicals, full-width alphanumerics or odd spaces."""
    out, fixes = normalize_text(text)
    assert isinstance(out, str)
    _check_fixes(fixes)
    assert len({f.what for f in fixes}) == len(fixes)
    assert not _UNNORMALIZED.search(out)
    assert all(line == line.strip(" ") for line in out.split("\n"))


@FAST
@given(lines=st.lists(st.sampled_from(CLEAN_LINES), min_size=1, max_size=4))
def test_clean_seed_text_gets_only_width_punctuation_and_spacing(lines: list[str]) -> None:
    """Clean simplified text is changed only by the width, punctuation and spacing steps."""
    text = "\n".join(lines)
    expected = tidy_spaces(fix_punctuation(fold_fullwidth(text)[0])[0])[0]
    assert normalize_text(text)[0] == expected


@MEDIUM
@given(blocks=st.lists(st.one_of(ANY_TEXT.map(Paragraph), GRID), max_size=6))
def test_normalize_blocks_keeps_shapes(blocks: list[Paragraph | Table]) -> None:
    """Paragraphs become non-blank single lines; tables keep their shape and merged cells."""
    out, fixes = normalize_blocks(blocks)
    _check_fixes(fixes)
    tables_in = [b for b in blocks if isinstance(b, Table)]
    tables_out = [b for b in out if isinstance(b, Table)]
    assert len(tables_in) == len(tables_out)
    for before, after in zip(tables_in, tables_out, strict=True):
        assert len(after.rows) == len(before.rows)
        for row_before, row_after in zip(before.rows, after.rows, strict=True):
            assert [c is None for c in row_before] == [c is None for c in row_after]
            assert all(c is None or isinstance(c, str) for c in row_after)
    for block in out:
        if isinstance(block, Paragraph):
            assert isinstance(block.text, str) and block.text.strip() and "\n" not in block.text


# --- numbers ------------------------------------------------------------------------------------


@FAST
@given(token=st.one_of(TEXT, st.text(st.sampled_from("0123456789,.万亿零〇一二两三四五六七八九十百千 "), max_size=24)))
def test_to_number_never_raises(token: str) -> None:
    value = to_number(token)
    assert value is None or (_is_number(value) and math.isfinite(value))


@settings(max_examples=max(10, N // 4), deadline=None)
@given(digit=st.sampled_from("9九"), digits=st.integers(309, 600))
@example(digit="9", digits=400)
@example(digit="九", digits=400)
def test_to_number_survives_very_long_digit_runs(digit: str, digits: int) -> None:
    value = to_number(digit * digits)
    assert value is None or (_is_number(value) and math.isfinite(value))


@FAST
@given(n=st.integers(0, LARGEST))
def test_to_number_reads_arabic_integers(n: int) -> None:
    assert to_number(str(n)) == n
    assert to_number(f"{n:,}") == n


@settings(max_examples=max(10, N // 4), deadline=None)
@given(n=st.integers(10 ** (MAX_DIGITS - 1), 10**MAX_DIGITS - 1), extra=st.integers(1, 30))
@example(n=123456789012345, extra=1)
def test_to_number_reads_large_integers_exactly(n: int, extra: int) -> None:
    """Up to MAX_DIGITS digits a whole number is exact; a longer run of digits is no count at all."""
    assert to_number(str(n)) == n
    assert to_number(str(n) + "9" * extra) is None


@FAST
@given(n=st.integers(0, 10**8 - 1))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert to_number(cn2an.an2cn(n)) == n


@FAST
@given(text=ANY_TEXT)
def test_quantity_of_every_number_match(text: str) -> None:
    for m in NUMBER_RE.finditer(text):
        q = quantity(m)
        if q is not None:
            assert _is_number(q.value) and q.value >= 0 and math.isfinite(q.value)
            assert q.approx in APPROX


# --- prose --------------------------------------------------------------------------------------


def _check_found(found: dict[str, Found], paragraphs: list[tuple[str, int | None]]) -> None:
    for key, f in found.items():
        assert key == f.key and key in LABELS
        value = f.quantity.value
        assert _is_number(value) and value >= 0 and math.isfinite(value)
        assert f.quantity.approx in APPROX and f.evidence.approx == f.quantity.approx
        ev = f.evidence
        assert ev.source == "prose" and isinstance(ev.text, str) and ev.text
        assert any(ev.text in text and ev.page == page for text, page in paragraphs)
        digits = "".join(re.findall(r"\d", ev.text))
        plain = digits.isascii() and not _NOT_PLAIN_DIGITS.search(ev.text)
        if isinstance(value, int) and 0 < value <= LARGEST and plain:
            assert str(value) in ev.text


@FAST
@given(
    paragraphs=st.lists(st.tuples(ANY_TEXT, st.one_of(st.none(), st.integers(1, 50))), max_size=6),
    year=st.one_of(st.none(), st.integers(2015, 2025)),
)
def test_find_counts_on_random_text(paragraphs: list[tuple[str, int | None]], year: int | None) -> None:
    _check_found(find_counts(paragraphs, PROSE_RULES, year), paragraphs)


_COUNT_SENTENCES = (
    "全年共发布公开信息{n}条", "收到政府信息公开申请{n}件", "同意公开的{n}件", "举办新闻发布会{n}次",
    "发布政策解读{n}个", "行政复议{n}件", "人大代表建议{n}件", "收取信息处理费{n}元", "年度公开网信息总量达{n}余条",
)  # fmt: skip


@FAST
@given(
    before=ANY_TEXT,
    after=ANY_TEXT,
    sentence=st.sampled_from(_COUNT_SENTENCES),
    n=st.one_of(st.integers(0, 10**7).map(str), st.sampled_from(("三十五", "1.2万", "1,490", "两万零五百"))),
)
def test_find_counts_on_rule_sentences_in_noise(before: str, after: str, sentence: str, n: str) -> None:
    """Counts the rules know, wrapped in random text."""
    paragraphs = [(f"{before}{sentence.format(n=n)}{after}", 3)]
    _check_found(find_counts(paragraphs, PROSE_RULES, None), paragraphs)


def test_find_counts_survives_a_very_long_number() -> None:
    paragraphs = [(f"全年共发布公开信息{HUGE}条", None)]
    _check_found(find_counts(paragraphs, PROSE_RULES, None), paragraphs)


@FAST
@given(sentence=st.text(st.sampled_from("文件，,：:。1"), max_size=40), pos=st.integers(0, 40))
def test_clause_bounds_match_a_plain_scan(sentence: str, pos: int) -> None:
    """Clause lookups by bisection agree with scanning the sentence for the nearest marks."""
    pos = min(pos, len(sentence))
    marks = [i for i, ch in enumerate(sentence) if ch in "，,：:"]
    clauses = Clauses(sentence)
    assert clauses.start(pos) == max([i + 1 for i in marks if i < pos], default=0)
    assert clauses.end(pos) == min([i for i in marks if i >= pos], default=len(sentence))


def test_many_skipped_matches_in_one_sentence_are_all_skipped() -> None:
    """Another year's figures, thousands in one sentence, give nothing (and each is looked at once)."""
    text = "2021年行政复议1件，" * 4000
    assert find_counts([(text, None)], PROSE_RULES, 2022) == {}


# --- tables -------------------------------------------------------------------------------------


def _is_total(key: str) -> bool:
    return key.endswith(".total") or key.startswith("requests.processed_total.")


def _derived_sums(found: TableFindings, key: str) -> list[float]:
    """What a derived total may equal: the sum of its row's parts, or of the outcome rows of its column."""
    metrics = found.metrics
    group, col = key.rsplit(".", 1)
    sums = []
    if col == "total":
        siblings = [f"{group}.{c.key}" for c in review_family.COLUMNS[:-1]]
        if group.startswith("requests."):
            siblings = [f"{group}.{c.key}" for c in request_family.COLUMNS[:-1]]
        sums.append(sum(metrics[k] for k in siblings if k in metrics))
    if group == "requests.processed_total":
        sums.append(sum(metrics[k] for row in request_family.OUTCOMES if (k := f"requests.{row}.{col}") in metrics))
    return sums


def _check_findings(found: TableFindings, all_derived: bool = False) -> None:
    """Findings are well formed; a derived total is the sum of its parts (always for ``all_derived``)."""
    assert set(found.metrics) == set(found.evidence)
    assert found.blank <= set(found.metrics)
    assert found.tables <= {"table2", "table3", "table4"}
    assert all(isinstance(w, str) and w for w in found.warnings)
    for key, value in found.metrics.items():
        assert key in LABELS
        assert _is_number(value) and math.isfinite(value)
        ev = found.evidence[key]
        assert ev.source == "table" and isinstance(ev.text, str) and ev.text
        assert ev.approx is None
        if ev.derived:
            assert _is_total(key)
            if all_derived or key != "requests.processed_total.total":
                assert any(abs(value - t) < 1e-6 for t in _derived_sums(found, key)), key


_TABLE_BLOCKS = st.lists(
    st.one_of(GRID, table_line().map(Paragraph), LINE.map(Paragraph), st.builds(Paragraph, ANY_TEXT)), max_size=24
)


@MEDIUM
@given(blocks=_TABLE_BLOCKS)
def test_read_tables_on_random_grids_and_lines(blocks: list[Paragraph | Table]) -> None:
    _check_findings(read_tables(blocks))


@FAST
@given(grid=GRID)
def test_read_tables_on_one_grid_and_as_text(grid: Table) -> None:
    """A grid, and the same grid flattened to ``|`` lines, both read cleanly."""
    _check_findings(read_tables([grid]))
    _check_findings(read_tables([Paragraph(line) for line in grid.lines()]))


@FAST
@given(lines=table_text(), noise=st.lists(ANY_TEXT, max_size=3))
def test_read_tables_on_scraped_tables(lines: list[str], noise: list[str]) -> None:
    """A standard table as scraped lines (``|``, spaced numbers, one cell a line), with running text after it."""
    _check_findings(read_tables([Paragraph(line, 2) for line in [*lines, *noise]]))


@FAST
@given(text=st.one_of(table_line(), ANY_TEXT))
def test_text_rows_and_cells(text: str) -> None:
    row = text_rows(text, None)
    if row is not None:
        assert isinstance(row.label, str) and all(isinstance(c, str) for c in row.cells)
        for cell in row.cells:
            parsed = parse_cell(cell)
            assert parsed.value is None or _is_number(parsed.value)


def test_a_line_longer_than_a_row_is_running_text() -> None:
    """A 10k-character line of spaced numbers is never parsed as a table row."""
    row = text_rows("1 " * 5000 + "x", None)
    assert row is None or not row.cells


_STALE_TOTAL = Table.from_rows([
    ["申请人情况", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
    ["一、本年新收政府信息公开申请数量", "5", "3", "0", "0", "0", "0", "8"],
    ["（一）予以公开", "5", "3", "0", "0", "0", "0", "8"],
    ["（七）总计", "", "3", "0", "0", "0", "0", ""],
    ["四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"],
])  # fmt: skip


@FAST
@given(grid=GRID)
@example(grid=_STALE_TOTAL)
def test_read_tables_derives_the_processed_total_from_its_final_parts(grid: Table) -> None:
    _check_findings(read_tables([grid]), all_derived=True)


def test_read_tables_keeps_values_finite() -> None:
    _check_findings(read_tables([Table.from_rows([["申请总数", HUGE]])]))


# --- pipeline -----------------------------------------------------------------------------------


def _check_records(records: list[Record]) -> None:
    assert isinstance(records, list)
    assert [r.doc_index for r in records] == list(range(len(records)))
    for record in records:
        d = record.to_dict()
        assert set(d) == RECORD_FIELDS
        assert d["file"] == "x.txt"
        assert d["title"] is None or isinstance(d["title"], str)
        assert d["agency"] is None or isinstance(d["agency"], str)
        assert d["region"] is None or (
            isinstance(d["region"], dict) and all(v is None or isinstance(v, str) for v in d["region"].values())
        )
        assert d["year"] is None or (isinstance(d["year"], int) and not isinstance(d["year"], bool))
        assert d["doc_type"] in DOC_TYPES
        assert d["template"] in TEMPLATES
        if d["doc_type"] != "annual_report":
            assert d["template"] is None
        assert list(d["evidence"]) == list(d["metrics"])
        for key, value in d["metrics"].items():
            assert key in LABELS
            assert _is_number(value) and math.isfinite(value)
            ev = d["evidence"][key]
            assert {"source", "text", "page", "approx"} <= set(ev)
            assert ev["source"] in ("table", "prose")
            assert isinstance(ev["text"], str) and ev["text"]
            assert ev["page"] is None or isinstance(ev["page"], int)
            assert ev["approx"] in APPROX
            if ev.get("derived"):
                assert ev["source"] == "table" and _is_total(key)
        for check in d["checks"]:
            assert {"id", "ok", "message"} <= set(check)
            assert isinstance(check["id"], str) and isinstance(check["message"], str)
            assert isinstance(check["ok"], bool)
            assert check["status"] in CHECK_STATUSES and check["ok"] == (check["status"] == "passed")
        assert all(isinstance(w, str) for w in d["warnings"])
        dumped = json.dumps(d, ensure_ascii=False, allow_nan=False)
        assert json.loads(dumped) == d
        assert Record.from_dict(d).to_dict() == d


@SLOW
@given(blocks=document_blocks())
def test_extract_document_on_random_documents(blocks: list[Paragraph | Table]) -> None:
    _check_records(extract_document(Document(Path("x.txt"), blocks), "x.txt"))


@SLOW
@given(lines=st.lists(st.one_of(LINE, mutated()), max_size=40))
def test_extract_document_on_random_lines(lines: list[str]) -> None:
    doc = Document(Path("x.txt"), [Paragraph(line) for line in lines])
    _check_records(extract_document(doc, "x.txt"))


def test_extract_document_survives_a_very_long_number() -> None:
    lines = ["某某市某某局2022年政务公开工作总结", f"全年共发布公开信息{HUGE}条。"]
    _check_records(extract_document(Document(Path("x.txt"), [Paragraph(line) for line in lines]), "x.txt"))
