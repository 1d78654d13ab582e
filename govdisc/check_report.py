"""What ``govdisc check`` prints and writes: each check as a row a department can act on.

A row names the document, the table, the row and the column the check concerns, the pages of
its cells, and says what does not add up — in Chinese by default, in English with ``lang="en"``.
The identities come from the catalogue (:data:`govdisc.metrics.IDENTITIES`), so a row is built
from the record's own cells and their evidence, not from the check's message text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from govdisc.formats import CHECK_FORMATS as FORMATS  # noqa: F401 (check_report.FORMATS: what check writes)
from govdisc.metrics import CARRY_OVER, IDENTITIES, PROSE_VS_TABLE, label
from govdisc.metrics.schema import Identity
from govdisc.model import Check, Record
from govdisc.spreadsheet import neutralize, write_sheet

BY_ID: dict[str, Identity] = {i.id: i for i in IDENTITIES}
CARRIES = {c.id for c in CARRY_OVER}
STATUS = {
    "zh": {"failed": "未通过", "doubtful": "存疑", "not_run": "未能检查", "passed": "通过"},
    "en": {"failed": "FAILED", "doubtful": "DOUBTFUL", "not_run": "NOT RUN", "passed": "PASSED"},
}
TABLES = {"zh": {"3": "表三", "4": "表四"}, "en": {"3": "table 3", "4": "table 4"}}
#: Row fields, in the order of CSV columns, with their Chinese and English headers.
FIELDS = (
    ("file", "文件", "file"),
    ("doc_index", "文档序号", "doc_index"),
    ("agency", "机关", "agency"),
    ("year", "年度", "year"),
    ("status", "结果", "status"),
    ("table", "表格", "table"),
    ("row", "行", "row"),
    ("column", "列", "column"),
    ("pages", "页码", "pages"),
    ("said", "说明", "message"),
    ("id", "检查项", "check id"),
)
_PROSE = re.compile(r"prose says (?P<stated>\S+) \((?P<snippet>.*)\); table says (?P<table>\S+)$")


@dataclass(frozen=True)
class CheckRow:
    """One check of one document (``record`` None for a check across years)."""

    file: str
    doc_index: int | None
    agency: str
    year: int | None
    status: str
    table: str
    row: str
    column: str
    pages: str
    said: str
    id: str
    failed: bool

    def line(self, lang: str = "zh") -> str:
        """The row as one line on screen: document, result, check, where, what."""
        page = (f"第{self.pages}页" if lang == "zh" else f"p. {self.pages}") if self.pages else ""
        where = " · ".join(p for p in (self.table, self.row, self.column, page) if p)
        return f"{self.file}: {self.status} {self.id}" + (f" ({where})" if where else "") + f": {self.said}"


def _pages(record: Record, keys: Iterable[str]) -> str:
    pages = sorted({p for k in keys if (e := record.evidence.get(k)) and (p := e.page) is not None})
    if not pages:
        return ""
    return str(pages[0]) if len(pages) == 1 else f"{pages[0]}-{pages[-1]}"


def _term(identity: Identity, key: str, lang: str) -> str:
    return (dict(identity.names).get(key) or label(key)) if lang == "zh" else label(key, "en")


def _side(identity: Identity, keys: Sequence[str], metrics: dict[str, float], lang: str) -> tuple[str, float]:
    shown = [k for k in keys if k in metrics]
    said = " + ".join(f"{_term(identity, k, lang)} {metrics[k]:g}" for k in shown)
    total = sum(metrics[k] for k in shown)
    return (said if len(shown) == 1 else f"{said} = {total:g}"), total


def _identity_row(identity: Identity, record: Record, check: Check, lang: str) -> dict[str, str]:
    """Where an identity is in its table, and what it found."""
    number, _, place = identity.where.removeprefix("table ").partition(", ")
    row = column = ""
    if place.startswith("column "):
        column = place.removeprefix("column ")
    elif place.startswith("row "):
        row = place.removeprefix("row ")
    else:
        column = place  # table 4: each kind of case is a group of columns
    if lang == "en":
        row, column = (label(identity.left[0], "en"), "") if row else ("", column)
    metrics = {k: float(v) for k, v in record.metrics.items()}
    terms = (*identity.left, *identity.right)
    if check.status == "not_run":
        missing = [_term(identity, k, lang) for k in terms if k not in metrics and k not in identity.optional]
        said = ("缺少单元格，无法检查：" if lang == "zh" else "cannot check, cells missing: ") + "、".join(missing[:4])
    else:
        left, a = _side(identity, identity.left, metrics, lang)
        right, b = _side(identity, identity.right, metrics, lang)
        if check.status == "passed":
            said = f"{left} = {right}"
        elif lang == "zh":
            blank = "（短缺一侧有空白或“/”单元格）" if check.status == "doubtful" else ""
            said = f"{left} ≠ {right}，相差 {abs(a - b):g}{blank}"
        else:
            said = f"{left} ≠ {right}, off by {abs(a - b):g}" + (" (a blank or / cell on the short side)"
                                                                   if check.status == "doubtful" else "")  # fmt: skip
    return {"table": TABLES[lang].get(number, identity.where), "row": row, "column": column,
            "pages": _pages(record, terms), "said": said}  # fmt: skip


def _prose_row(key: str, record: Record, check: Check, lang: str) -> dict[str, str]:
    cells = PROSE_VS_TABLE.get(key, (key,))
    table = "4" if key.startswith(("review", "litigation")) else "3"
    found = _PROSE.match(check.message)
    if found is None:
        said = check.message
    elif lang == "zh":
        said = f"正文为 {found['stated']}（{found['snippet']}），表中为 {found['table']}"
    else:
        said = f"the text says {found['stated']} ({found['snippet']}); the table says {found['table']}"
    where = "正文与" if lang == "zh" else "text against "
    return {"table": where + TABLES[lang][table], "row": label(key, lang), "column": "",
            "pages": _pages(record, cells), "said": said}  # fmt: skip


def check_row(record: Record | None, check: Check, lang: str = "zh", name: str | None = None) -> CheckRow:
    """One check as a row: ``name`` is how the document is named (its file, ``file#index`` in a compilation)."""
    if record is not None and check.id in BY_ID:
        place = _identity_row(BY_ID[check.id], record, check, lang)
    elif record is not None and check.id.startswith("prose."):
        place = _prose_row(check.id.removeprefix("prose."), record, check, lang)
    else:
        across = ("跨年度" if lang == "zh" else "across years") if check.id in CARRIES else ""
        place = {"table": across, "row": "", "column": "", "pages": "", "said": check.message}
    return CheckRow(
        file=name or (record.file if record else ("跨年度" if lang == "zh" else "across years")),
        doc_index=record.doc_index if record else None,
        agency=(record.agency or "") if record else "",
        year=record.year if record else None,
        status=STATUS[lang].get(check.status, check.status),
        id=check.id,
        failed=check.status == "failed",
        **place,
    )


def headers(lang: str) -> list[str]:
    return [zh if lang == "zh" else en for _, zh, en in FIELDS]


def _values(row: CheckRow, numbers: bool = False) -> list[object]:
    """The row's cells in :data:`FIELDS` order; with ``numbers``, a single page as a number (for xlsx)."""
    d = asdict(row)
    if numbers and str(d["pages"]).isdigit():
        d["pages"] = int(d["pages"])
    return ["" if d[name] is None else d[name] for name, _, _ in FIELDS]


def to_csv(rows: Sequence[CheckRow], lang: str = "zh", bom: bool = True) -> str:
    """The rows as CSV (UTF-8 with BOM by default, for Excel and WPS), headers in ``lang``."""
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(headers(lang))
    writer.writerows([neutralize(v) for v in _values(r)] for r in rows)
    return buf.getvalue()


def to_jsonl(rows: Sequence[CheckRow]) -> str:
    return "".join(json.dumps({n: asdict(r)[n] for n, _, _ in FIELDS}, ensure_ascii=False) + "\n" for r in rows)


def write_xlsx(rows: Sequence[CheckRow], path: Path, lang: str = "zh") -> None:
    """The rows as one sheet (bold frozen header, an autofilter, widths from the content), a page as a number."""
    write_sheet(path, "检查结果" if lang == "zh" else "checks", headers(lang), [_values(r, numbers=True) for r in rows])


def summary_line(documents: int, failed: int, lang: str = "zh") -> str:
    if lang == "zh":
        return f"检查了 {documents} 份文档，{failed} 项检查未通过"
    return f"{documents} document(s) checked, {failed} failed check(s)"
