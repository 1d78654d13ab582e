"""Table 2 — 主动公开政府信息情况 — mapped to ``rules.*``, ``normative_docs.*``, ``licensing.*`` …

Each block of the table has a header row naming its columns (本年制发件数, 上一年项目数量 …);
the rows below it name their subject (规章, 行政许可 …). Keys are ``<subject>.<field>``, for
the pairs RECORD.md defines. Where a header is cut, wrapped or garbled (``本年新 | 本年新 |
对外公开总数量``), the form decides: the template's layout of the subject
(:data:`govdisc.metrics.disclosure.FORMS`) with as many fields as the row has cells, consistent
with the header words that can be read and with the template the rest of the table shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from govdisc.metrics.disclosure import BLOCK_HEADING, FIELDS, FORMS, HEADER_START, KEYS, SUBJECTS, TEN_THOUSAND_YUAN
from govdisc.metrics.schema import first_term, term_matches

from .cells import parse_cell
from .found import TableFindings
from .rows import Row, fit, zeros_only


@dataclass(frozen=True)
class Column:
    """A column of a block as its header names it: the field, its header text, whether it is in 万元."""

    field: str
    printed: str
    ten_thousand: bool = False


def header_columns(text: str) -> list[Column]:
    """The columns a header names, in printed order (each with the header text up to the next one)."""
    return list(_header_columns(text))


@lru_cache(maxsize=4096)
def _header_columns(text: str) -> tuple[Column, ...]:
    hits = sorted((m.start(), m.end(), term.key) for term, m in term_matches(text, FIELDS))
    columns = []
    for n, (start, _, key) in enumerate(hits):
        upto = hits[n + 1][0] if n + 1 < len(hits) else len(text)
        printed = text[start:upto]
        columns.append(Column(key, printed, re.search(TEN_THOUSAND_YUAN, printed) is not None))
    return tuple(columns)


@lru_cache(maxsize=1)
def _only_in() -> dict[str, frozenset[str]]:
    """Template → the fields and subjects only its form has."""
    words = {t: {*form, *(f for fields in form.values() for f in fields)} for t, form in FORMS.items()}
    return {t: frozenset(w - set().union(*(o for u, o in words.items() if u != t))) for t, w in words.items()}


def template_hint(rows: list[Row]) -> str | None:
    """The template table 2 follows, from the fields and subjects only one form has; None if unclear."""
    seen: set[str] = set()
    for row in rows:
        seen.update(c.field for c in header_columns(row.key_text))
        if subject := first_term(row.key_text, SUBJECTS):
            seen.add(subject.key)
    marked = [t for t, only in _only_in().items() if seen & only]
    return marked[0] if len(marked) == 1 else None


def layout(
    subject: str, named: list[Column], row: Row, hint: str | None
) -> tuple[list[Column], tuple[str, ...]] | None:
    """The columns of a subject row and its cells fitted to them; None when the reading is not certain."""
    if named and all(f"{subject}.{c.field}" in KEYS for c in named):
        fitted = fit(row.at_width(len(named)), len(named))
        if fitted is not None:
            return named, fitted
    options = []
    for template, form in FORMS.items():
        fields = form.get(subject)
        if fields is None or (hint and template != hint):
            continue
        read = [c.field for c in named]
        if read and [f for f in fields if f in read] != read:
            continue  # the header words that can be read say otherwise
        fitted = fit(row.at_width(len(fields)), len(fields))
        if fitted is not None:
            by_field = {c.field: c for c in named}
            options.append(([by_field.get(f, Column(f, f)) for f in fields], fitted))
    return options[0] if len(options) == 1 else None


def read_table2(rows: list[Row], found: TableFindings) -> None:
    """Put every readable cell of table 2 into ``found``.

    A subject row of text where blank cells leave no trace, with fewer values than its fields and
    every one 0, is all 0 — but not the last subject row, which may be a row cut short.
    """
    hint = template_hint(rows)
    last = max((i for i, r in enumerate(rows) if r.cells and first_term(r.key_text, SUBJECTS)), default=-1)
    header: list[str] = []  # the header text of the current block, piece by piece
    collecting = False
    subjects = 0
    for i, row in enumerate(rows):
        subject = first_term(row.key_text, SUBJECTS)
        if subject is None:
            text = row.key_text
            if re.search(BLOCK_HEADING, text):
                header, collecting = [], False
            if re.search(HEADER_START, text) or (collecting and not any(c.strip() for c in row.cells)):
                if re.search(HEADER_START, text):
                    header = []
                header.append(text)
                collecting = True
            elif header_columns(text) and not row.cells:
                header, collecting = [text], True
            continue
        collecting = False
        subjects += 1
        if not row.cells:
            continue
        found.tables.add("table2")
        _put_row(found, subject.key, row, header_columns("".join(header)), hint, last_row=i == last)
    if subjects >= 2 and "table2" not in found.tables:
        found.printed_blank("table2")  # its rows are there, with no cell after them


def _put_row(found: TableFindings, subject: str, row: Row, named: list[Column], hint: str | None,
             last_row: bool = False) -> None:  # fmt: skip
    """Put one subject row, or say why it was left out.

    A short row of zeros whose blanks leave no trace is all zeros (not the ``last_row``, which may be cut short).
    """
    placed = layout(subject, named, row, hint)
    widths = {len(form[subject]) for t, form in FORMS.items() if subject in form and (not hint or t == hint)}
    if placed is None and not last_row and len(widths) == 1 and zeros_only(row.at_width(width := widths.pop())):
        placed = layout(subject, named, Row(row.label, ("",) * width, row.page), hint)
        if placed is not None:
            found.warnings.append(f"table 2: row {row.label!r} printed {len(row.cells)} values, all 0 (its blank "
                                      "cells left no trace): every cell read as 0")  # fmt: skip
    if placed is None:
        found.warnings.append(f"table 2: row {row.label!r} has {len(row.cells)} values that cannot be placed "
                              "in its columns with certainty; left out")  # fmt: skip
        return
    columns, cells = placed
    for column, text in zip(columns, cells, strict=True):
        key = f"{subject}.{column.field}"
        cell = parse_cell(text)
        if key not in KEYS or cell.value is None:
            continue
        if column.field == "amount_yuan" and (cell.unit == "万元" or column.ten_thousand) and not cell.blank:
            cell = replace(cell, value=round(cell.value * 10_000, 2), unit="元")
        found.put(key, cell, row.label, column.printed, row.page)
