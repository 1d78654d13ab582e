"""A check that failed (or is doubtful), said in words a department can act on: the identity, the printed
cells with their pages, the sums and the difference."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from govdisc.checks import term_name
from govdisc.metrics import CARRY_OVER, IDENTITIES, PROSE_VS_TABLE, label
from govdisc.metrics.schema import Identity
from govdisc.model import Check, Record

_IDENTITY = {i.id: i for i in IDENTITIES}
_CARRY = {c.id: c for c in CARRY_OVER}
_PROSE = re.compile(r"prose says (?P<approx>[近余超约]?)(?P<value>-?[\d.]+) \((?P<text>.*)\); table says")
_WHERE = re.compile(r"^table (?P<n>\d+), (?:(?P<kind>column|row) )?(?P<part>.+)$")


@dataclass
class Cell:
    """One printed cell of a check: its label, value, the page and file it is printed on, which side it stands."""

    label: str
    value: float
    page: int | None
    file: str
    side: str  # "left" | "right"
    row: str = ""  # the printed row label, to find the cell on its page
    year: int | None = None


@dataclass
class Finding:
    """One failed or doubtful check of one department."""

    agency: str
    year: int | None
    file: str
    check: Check
    identity: str  # the identity in words
    where: str
    cells: list[Cell] = field(default_factory=list)
    left: float | None = None
    right: float | None = None
    cross_year: bool = False
    pictures: list[tuple[str, int, str]] = field(default_factory=list)  # (file, page, PNG data URI)

    @property
    def difference(self) -> float | None:
        return None if self.left is None or self.right is None else self.left - self.right

    @property
    def pages(self) -> list[tuple[str, int]]:
        """The (file, page) of the cells, in order of first appearance."""
        seen: dict[tuple[str, int], None] = {}
        for c in self.cells:
            if c.page is not None:
                seen.setdefault((c.file, c.page), None)
        return list(seen)


def where_words(where: str, lang: str) -> str:
    """``table 3, column 自然人`` as ``表3 · 自然人列``."""
    m = _WHERE.match(where)
    if not m or lang != "zh":
        return where
    part = m["part"] + {"column": "列", "row": "行"}.get(m["kind"] or "", "")
    return f"表{m['n']} · {part}"


def _cell(record: Record, key: str, side: str, name: str) -> Cell:
    ev = record.evidence.get(key)
    row = ev.text.split(" × ")[0] if ev and ev.source == "table" else ""
    return Cell(name, float(record.metrics[key]), ev.page if ev else None, record.file, side, row, record.year)


def _table_finding(agency: str, record: Record, check: Check, identity: Identity, lang: str) -> Finding:
    left = [k for k in identity.left if k in record.metrics]
    right = [k for k in identity.right if k in record.metrics]
    words = " + ".join(term_name(identity, k) for k in identity.left) + " = "
    words += " + ".join(term_name(identity, k) for k in identity.right)
    cells = [_cell(record, k, "left", term_name(identity, k)) for k in left]
    cells += [_cell(record, k, "right", term_name(identity, k)) for k in right]
    return Finding(
        agency,
        record.year,
        record.file,
        check,
        words,
        where_words(identity.where, lang),
        cells,
        sum(c.value for c in cells if c.side == "left"),
        sum(c.value for c in cells if c.side == "right"),
    )


def _prose_finding(agency: str, record: Record, check: Check, lang: str) -> Finding:
    key = check.id.removeprefix("prose.")
    cells = [_cell(record, k, "right", label(k)) for k in PROSE_VS_TABLE.get(key, ()) if k in record.metrics]
    said = _PROSE.match(check.message)
    words = f"正文所述{label(key)} = 表中所列" if lang == "zh" else f"{label(key, 'en')} in the text = in the table"
    finding = Finding(
        agency, record.year, record.file, check, words, "正文与表格" if lang == "zh" else "text and table"
    )
    if said:
        prose = record.evidence.get(key)
        text = f"{'正文' if lang == 'zh' else 'text'}: {said['text']}"
        finding.cells.append(Cell(text, float(said["value"]), prose.page if prose else None, record.file, "left"))
        finding.left = float(said["value"])
    finding.cells.extend(cells)
    finding.right = sum(c.value for c in cells) if cells else None
    return finding


def record_findings(agency: str, record: Record, lang: str) -> list[Finding]:
    """The record's failed and doubtful checks, each in words with its cells."""
    found = []
    for check in record.checks:
        if check.status not in ("failed", "doubtful"):
            continue
        identity = _IDENTITY.get(check.id)
        if identity is not None:
            found.append(_table_finding(agency, record, check, identity, lang))
        elif check.id.startswith("prose."):
            found.append(_prose_finding(agency, record, check, lang))
        else:
            found.append(Finding(agency, record.year, record.file, check, check.message, ""))
    return found


def cross_year_findings(checks: Sequence[Check], by_agency: dict[str, dict[int, Record]], lang: str) -> list[Finding]:
    """Failed cross-year checks: this year's figure against last year's report (and this year's changes)."""
    found = []
    for check in checks:
        if check.ok or check.id not in _CARRY:
            continue
        carry = _CARRY[check.id]
        pair = next(
            (
                (agency, years[y], years[y - 1])
                for agency, years in by_agency.items()
                for y in years
                if y - 1 in years and check.message.startswith(f"{agency} {y}:")
            ),
            None,
        )
        if pair is None:
            continue
        agency, now, last = pair
        this, before = ("本年", "上年报告") if lang == "zh" else ("this year", "last year's report")
        cells = [_cell(now, carry.key, "left", f"{this} {label(carry.key, lang)}")]
        cells += [_cell(last, k, "right", f"{before} {label(k, lang)}") for k in carry.last]
        cells += [_cell(now, k, "right", f"{this} {label(k, lang)}") for k in carry.plus]
        minus = [_cell(now, k, "right", f"{this} {label(k, lang)}") for k in carry.minus]
        for c in minus:
            c.value = -c.value
        cells += minus
        words = f"{cells[0].label} = " + " + ".join(c.label for c in cells[1 : len(cells) - len(minus)])
        words += "".join(f" − {c.label}" for c in minus)
        where = f"{last.year} → {now.year}"
        found.append(
            Finding(
                agency,
                now.year,
                now.file,
                check,
                words,
                where,
                cells,
                cells[0].value,
                sum(c.value for c in cells[1:]),
                cross_year=True,
            )
        )
    return found
