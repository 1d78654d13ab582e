"""Statistics tables of reports before 2019 (申请总数, 同意公开, 信息不存在 …).

Their shapes vary from body to body; only rows whose label means exactly what a RECORD.md key
means are read, each with a single value (``申请总数 | 件 | 24``). Rows such as 非本机关职责
or 当面申请 have no such key and are left out.
"""

from __future__ import annotations

from .cells import parse_cell
from .found import TableFindings
from .labels import compiled, match_first
from .rows import Row

_COUNT = r"(?:数|数量|总数|总量)?(?:[（(]?(?:件|条|个|次|宗)[）)]?)?$"
#: Row label → key, for labels that mean exactly the key.
PRE2019_ROWS = compiled(
    ("published.items", rf"^(?:[一二三四五六七八九十\d]+[.、．]?)?主动公开政府信息{_COUNT}"),
    (
        "requests.received.total",
        rf"^(?:[一二三四五六七八九十\d]+[.、．]?)?(?:收到)?(?:依申请公开)?申请总数{_COUNT}",
    ),
    ("requests.granted.total", rf"^(?:[（(]?\d+[)）.、．]?)?同意公开(?:答复)?{_COUNT}"),
    ("requests.partial.total", rf"^(?:[（(]?\d+[)）.、．]?)?部分同意公开(?:答复)?{_COUNT}"),
    ("requests.unable.not_held.total", rf"^(?:[（(]?\d+[)）.、．]?)?信息不存在{_COUNT}"),
    ("review.total", rf"^(?:[一二三四五六七八九十\d]+[.、．]?)?(?:因政府信息公开)?(?:申请)?行政复议{_COUNT}"),
    ("litigation.total", rf"^(?:[一二三四五六七八九十\d]+[.、．]?)?(?:因政府信息公开)?(?:提起)?行政诉讼{_COUNT}"),
    (
        "fees.processing_yuan",
        r"^(?:[（(]?\d+[)）.、．]?)?(?:收取)?(?:检索|复制|邮寄)?(?:等)?(?:成本)?费用?(?:总额)?[（(]?(?:元)[）)]?$",
    ),
)


def read_pre2019(rows: list[Row], found: TableFindings) -> None:
    """Put the rows of a pre-2019 table that have a RECORD key into ``found`` (never over a newer table)."""
    if found.tables:
        return
    for row in rows:
        if len(row.cells) != 1:
            continue
        key = match_first(row.key_text, PRE2019_ROWS)
        cell = parse_cell(row.cells[0])
        if key and cell.value is not None and not cell.blank:
            found.put(key, cell, row.label, "数量", row.page)
