"""The comparison as CSV (Excel/WPS-friendly), JSON or Markdown; the screen table is in :mod:`.screen`,
the workbook in :mod:`.workbook`.

What every format shares: a value as people read it (``—`` not reported, rates as percentages,
``≈`` before a figure that includes an approximate one), the lists under the table (agencies with no
report, cross-year checks that fail, approximate figures).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass

from govdisc.output import BOM, NOT_REPORTED
from govdisc.spreadsheet import neutralize

from .build import Comparison, Entry
from .figures import column_label, is_rate

#: Put before a value that includes an approximate figure (近500, 1490余).
APPROX_MARK = "≈"


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def shown(column: str, value: float | None, approx: bool = False) -> str:
    """A value as people read it: ``—`` when not reported, a percentage for rates, ``≈`` when approximate."""
    if value is None:
        return NOT_REPORTED
    mark = APPROX_MARK if approx else ""
    if is_rate(column):
        return f"{mark}{value * 100:.1f}%"
    number = _number(value)
    return mark + (f"{number:,}" if isinstance(number, int) else f"{number:,.2f}")


def cells(comparison: Comparison, row: Entry) -> list[str]:
    """A row's values as shown."""
    return [shown(c, row.values.get(c), c in row.approx) for c in comparison.columns]


def total_label(lang: str) -> str:
    return "合计" if lang == "zh" else "total"


def first_columns(comparison: Comparison, lang: str) -> list[str]:
    name = "机关/地区" if lang == "zh" else "agency / region"
    return [name, "年度" if lang == "zh" else "year"] if comparison.by_year else [name]


def ident(comparison: Comparison, row: Entry) -> list[str | int | None]:
    """The name (and year) of a row; the 合计 row has no year."""
    return [row.name, row.year] if comparison.by_year else [row.name]


@dataclass(frozen=True)
class Section:
    """A list under the table, one item a row: what it lists (missing, cross_year, approx), its title, its
    header and its rows."""

    kind: str
    title: str
    head: list[str]
    rows: Sequence[Sequence[object]]


def sections(comparison: Comparison, lang: str) -> list[Section]:
    """The agencies with no report, the cross-year checks that fail and the approximate figures, as lists."""
    zh = lang == "zh"
    out = []
    missing = [[year, name, "、".join(comparison.near.get(year, {}).get(name, []))]
               for year, names in comparison.missing.items() for name in names]  # fmt: skip
    if missing:
        head = ["年度", "机关", "近似名称(已报告)"] if zh else ["year", "agency", "near misses (reported)"]
        out.append(Section("missing", "未见报告" if zh else "missing reports", head, missing))
    failed = [[c.agency, c.year, column_label(c.key, lang), _number(c.value), _number(c.expected),
               _number(c.value - c.expected), c.id] for c in comparison.cross_year if not c.ok]  # fmt: skip
    if failed:
        head = (["机关", "年度", "指标", "本年报告", "据上年推算", "差额", "核对"] if zh else
                ["agency", "year", "figure", "reported", "from last year", "difference", "check"])  # fmt: skip
        out.append(Section("cross_year", "跨年核对不符" if zh else "cross-year checks failed", head, failed))
    rows = [*comparison.rows, *([comparison.totals] if comparison.totals else [])]
    approx = [[row.name if row is not comparison.totals else total_label(lang), row.year, column_label(c, lang),
               "、".join(marks)] for row in rows for c, marks in row.approx.items()]  # fmt: skip
    if approx:
        head = ["机关/地区", "年度", "列", "约数"] if zh else ["agency / region", "year", "column", "qualifier"]
        title = f"含约数的数字 ({APPROX_MARK})" if zh else f"figures including approximate ones ({APPROX_MARK})"
        out.append(Section("approx", title, head, approx))
    return out


def footer(comparison: Comparison, lang: str) -> list[str]:
    """The lines under a table on screen and in Markdown."""
    zh = lang == "zh"
    lines = []
    for year, names in comparison.missing.items():
        if not names:
            continue
        near = comparison.near.get(year, {})
        said = [f"{n} ({'近似' if zh else 'near'}: {'、'.join(near[n])})" if n in near else n for n in names]
        when = f"{year}年" if zh and year else f" for {year}" if year else ""
        lines.append(f"{when}未见报告 ({len(names)}): {'、'.join(said)}" if zh else
                     f"no report{when} ({len(names)}): {', '.join(said)}")  # fmt: skip
    for check in comparison.cross_year:
        if not check.ok:
            lines.append(f"跨年核对不符: {check.message}" if zh else f"cross-year: {check.message}")
    if any(row.approx for row in [*comparison.rows, *([comparison.totals] if comparison.totals else [])]):
        lines.append(f"{APPROX_MARK}: 含约数 (近、余、超、约)" if zh else
                     f"{APPROX_MARK}: includes an approximate figure (近, 余, 超, 约)")  # fmt: skip
    return lines


def table_rows(comparison: Comparison, lang: str) -> tuple[list[str], list[list[str | float | int | None]]]:
    """The header and the rows as values (numbers as numbers, None for not reported); the 合计 row last."""
    head = [*first_columns(comparison, lang), *(column_label(c, lang) for c in comparison.columns)]
    body = [[*ident(comparison, r), *(_number(r.values.get(c)) for c in comparison.columns)] for r in comparison.rows]
    if comparison.totals:
        t = comparison.totals
        body.append([total_label(lang), *([None] if comparison.by_year else []),
                     *(_number(t.values.get(c)) for c in comparison.columns)])  # fmt: skip
    return head, body


def to_csv(comparison: Comparison, lang: str = "zh", bom: bool = True) -> str:
    """CSV, UTF-8 with BOM by default; not reported is an empty cell; rates as fractions; the 合计 row last.

    The lists of :func:`sections` follow, each after an empty row, as a title row, a header and one
    row per agency. Text that a spreadsheet would run as a formula is neutralized.
    """
    head, body = table_rows(comparison, lang)
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([["" if v is None else neutralize(v) for v in row] for row in body])
    for section in sections(comparison, lang):
        writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.head)
        writer.writerows([["" if v is None else neutralize(v) for v in row] for row in section.rows])
    return buf.getvalue()


def to_json(comparison: Comparison, lang: str = "zh") -> str:
    """JSON: rows keyed by column id, null for not reported, plus totals, coverage and cross-year checks."""
    data = {
        "columns": [{"id": c, "label": column_label(c, lang), "rate": is_rate(c)} for c in comparison.columns],
        "rows": [r.to_dict() for r in comparison.rows],
        "totals": comparison.totals.to_dict() if comparison.totals else None,
        "missing": {str(k): v for k, v in comparison.missing.items()},
        "near_misses": {str(k): v for k, v in comparison.near.items()},
        "cross_year": [c.to_dict() for c in comparison.cross_year],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def to_markdown(comparison: Comparison, lang: str = "zh") -> str:
    """A Markdown table (numbers right-aligned), ``—`` for not reported, the lists under it."""
    head = [*first_columns(comparison, lang), *(column_label(c, lang) for c in comparison.columns)]
    lead = len(head) - len(comparison.columns)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * lead + "---:|" * len(comparison.columns)]
    for row in comparison.rows:
        named = [str(v) if v is not None else "" for v in ident(comparison, row)]
        lines.append("| " + " | ".join([*named, *cells(comparison, row)]) + " |")
    if comparison.totals:
        named = [total_label(lang), *([""] * (lead - 1))]
        lines.append("| " + " | ".join([*named, *cells(comparison, comparison.totals)]) + " |")
    lines.extend(f"\n{line}" for line in footer(comparison, lang))
    return "\n".join(lines) + "\n"
