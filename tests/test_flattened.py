"""Real reports' tables flattened the ways scraped pages flatten them: every form reads the same figures.

The grids of real reports (html, docx, pdf) are written out again as the text forms found on
government pages — a row a line joined by ``|``, a cell a line ending in ``|`` with a ``|``
closing each row (or padding pipes after the row's last cell), the blank cells as one line of pipes
after the others, ``|`` alone between cells, a cell a paragraph with no separators, cells spaced
out on one line — and read back. Where blank cells still show, every figure of the gold must be
read; where they leave no trace, fewer may be, but never a wrong one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from govdisc.model import Document, Paragraph, Table
from govdisc.pipeline import extract_document
from govdisc.read import read_document
from tests.helpers import FIXTURES

ANNUAL = FIXTURES / "annual"
GOLD = {g["file"]: g for g in json.loads((ANNUAL / "annual.gold.json").read_text(encoding="utf-8"))}
REPORTS = [name for name in ("shanghai_bgt_2019.docx", "shanghai_bgt_2019.html", "hongze_2023.pdf") if name in GOLD]


def _cells(row: tuple[str | None, ...]) -> list[str]:
    """A grid row as a page lists its cells: each merged cell once, line breaks inside a cell gone."""
    return [(c or "").replace("\n", "") for c in row if c is not None]


def row_pipes(cells: list[str]) -> list[str]:
    return [" | ".join(cells) + " |"]


def markdown_pipes(cells: list[str]) -> list[str]:
    return ["| " + " | ".join(cells) + " | "]


def cell_and_pipe(cells: list[str]) -> list[str]:
    return [*(f"{c} |" if c.strip() else "|" for c in cells), "|"]


def padded_cells(cells: list[str]) -> list[str]:
    """A cell a line, spaced, the row's last cell followed by the padding of its merged columns (`` 0  | ||``)."""
    lines = [f" {c}  |" for c in cells]
    lines[-1] += " ||"
    return [*lines, "| "]


def blanks_last(cells: list[str]) -> list[str]:
    """A cell a line for the cells that hold something, then one line of pipes for all the blank ones."""
    blank = sum(not c.strip() for c in cells)
    return [*(f"{c} |" for c in cells if c.strip()), *(["|" * (blank + 1)] if blank else [])]


def pipe_between(cells: list[str]) -> list[str]:
    return [line for c in cells for line in (c, "|")]


def cell_paragraphs(cells: list[str]) -> list[str]:
    return [c for c in cells if c.strip()]


def spaced(cells: list[str]) -> list[str]:
    return ["  ".join(c for c in cells if c.strip())]


#: Each form, and whether its blank cells still show.
FORMS: dict[str, tuple[Callable[[list[str]], list[str]], bool]] = {
    "row_pipes": (row_pipes, True),
    "markdown_pipes": (markdown_pipes, True),
    "cell_and_pipe": (cell_and_pipe, True),
    "padded_cells": (padded_cells, True),
    "pipe_between": (pipe_between, True),
    "blanks_last": (blanks_last, False),
    "cell_paragraphs": (cell_paragraphs, False),
    "spaced": (spaced, False),
}


def flattened(doc: Document, form: Callable[[list[str]], list[str]]) -> Document:
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                if any(c.strip() for c in _cells(row)):
                    lines.extend(form(_cells(row)))
        else:
            lines.append(block.text)
    return Document(doc.path, [Paragraph(line) for line in lines if line.strip()])


def _accepted(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", REPORTS)
def test_flattened_tables_read_the_same(name: str, form: str) -> None:
    flatten, blanks_show = FORMS[form]
    gold = GOLD[name]
    [record] = extract_document(flattened(read_document(ANNUAL / name), flatten), name)
    allowed = {**gold.get("optional", {}), **gold["metrics"]}
    wrong = {k: (v, allowed.get(k)) for k, v in record.metrics.items() if v not in _accepted(allowed.get(k))}
    assert not wrong
    missing = sorted(set(gold["metrics"]) - set(record.metrics))
    if blanks_show:
        assert not missing
    else:
        assert len(missing) < len(gold["metrics"])
