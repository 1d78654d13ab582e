"""Files carried inside the page as data URIs: the comparison (CSV, xlsx) and the check list (xlsx)."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable

from .findings import Finding

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv;charset=utf-8"

CHECK_HEAD = {
    "zh": ("部门", "年度", "文件", "核对", "位置", "等式", "状态", "左边", "右边", "差额", "页码", "说明"),
    "en": (
        "department",
        "year",
        "file",
        "check",
        "where",
        "identity",
        "status",
        "left",
        "right",
        "difference",
        "pages",
        "message",
    ),
}
STATUS = {"zh": {"failed": "不符", "doubtful": "存疑"}, "en": {"failed": "failed", "doubtful": "doubtful"}}


def data_uri(content: bytes, media: str) -> str:
    return f"data:{media};base64,{base64.b64encode(content).decode('ascii')}"


def _number(value: float | None) -> float | int | None:
    return None if value is None else int(value) if float(value).is_integer() else value


def checks_xlsx(findings: Iterable[Finding], lang: str = "zh") -> bytes:
    """The check list as a workbook: one row per failed or doubtful check, header frozen, numbers as numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "核对" if lang == "zh" else "checks"
    sheet.append(CHECK_HEAD[lang])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for f in findings:
        pages = "、".join(str(p) if len({file for file, _ in f.pages}) == 1 else f"{file} {p}" for file, p in f.pages)
        sheet.append(
            [
                f.agency,
                f.year,
                f.file,
                f.check.id,
                f.where,
                f.identity,
                STATUS[lang].get(f.check.status),
                _number(f.left),
                _number(f.right),
                _number(f.difference),
                pages,
                f.check.message,
            ]
        )
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
