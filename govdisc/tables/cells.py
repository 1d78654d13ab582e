"""Table cell values: printed numbers, and the marks that stand for zero in a filled table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from govdisc.numbers import to_number

#: Marks that, inside a table that has figures, mean zero (an empty cell is one too).
BLANK_MARKS = ("", "/", "／", "-", "－", "—", "——", "–", "无", "\\")
_UNIT = re.compile(r"(万元|元|件|条|个|项)$")
#: A lost character (``?``, ``�``) printed apart from a cell's value: ``? 0`` is the value 0.
#: Touching the digits it may stand for a lost digit (``1?3``), and the cell is not read.
_DEBRIS = re.compile(r"^\s*[?？�]+\s+(?=\S)|(?<=\S)\s+[?？�]+\s*$")


@dataclass(frozen=True)
class Cell:
    """One value cell: its text as printed, and what it counts as."""

    printed: str
    value: int | float | None  # None: not a number (text, or unreadable)
    blank: bool = False  # reported as 0 from an empty cell or a mark such as ``/``
    unit: str | None = None


def clean(text: str | None) -> str:
    """Cell text without line breaks and spaces (labels wrap and PDFs space characters out)."""
    return "".join(text.split()) if text else ""  # str.split splits at what \s matches


@lru_cache(maxsize=8192)
def parse_cell(text: str | None) -> Cell:
    """A value cell as printed: ``821``, ``7730.28``, ``251000元``, ``-3``, blank or ``/`` (→ 0).

    (A table repeats its few printed values, and every reader of a table asks for them again: each
    is parsed once.)
    """
    printed = clean(text)
    readable = clean(_DEBRIS.sub("", text or ""))
    if readable in BLANK_MARKS and readable == printed:
        return Cell(printed, 0, blank=True)
    unit = None
    if m := _UNIT.search(readable):
        unit, printed_number = m.group(1), readable[: m.start()]
    else:
        printed_number = readable
    value = to_number(printed_number, chinese=False)
    return Cell(printed, value, unit=unit if value is not None else None)


def is_value(text: str | None) -> bool:
    """Whether a cell holds a value (a number or a blank mark) rather than a label."""
    return parse_cell(text).value is not None
