"""Every form a table comes in, turned into one stream of rows: a label and its value cells.

Grid tables (html, docx, pdf) give their rows directly. Scraped text gives them in several
flattened forms, each kept as it was found on real pages:

- a row a line, cells joined by ``|`` (``规章 | 0 | 0 | 0 |``), runs of ``||`` for blank cells;
- a cell a line, each ending in ``|`` (``规章 |`` / ``0 |``), a line of pipes alone for blank cells;
- a cell a line with ``|`` alone on the lines between the cells;
- a cell a line (or a paragraph) with no pipes at all — where a blank cell leaves no trace;
- numbers separated by spaces after the label, as pdf text lays a row out.

Cell lines are read as one stream of cells (:func:`cell_stream`): a label starts a row, the
values after it are its cells. Where blank cells leave no trace (no pipes, spaced numbers) the
row says so (``blanks_shown``), so a short row is never placed column by column.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from govdisc.model import Block, Table

from .cells import clean, is_value, parse_cell

_SPACED_NUMBERS = re.compile(
    r"^(?P<label>.*?)(?P<values>(?:(?<=\s)|^)[+-]?\d[\d,.]*(?:元|万元)?(?:\s+[+-]?\d[\d,.]*(?:元|万元)?)*)\s*$"
)
#: A text line longer than this is running text, not a table row.
MAX_ROW = 300
#: A cell on a line of its own is at most this long (a wrapped row label included).
MAX_CELL = 60
#: A short line ending so is a piece of running text, not a cell.
_CLAUSE_END = ("。", "；", "，", "：", ":", ";", ",")
_LONE_NUMBER = re.compile(r"^[+-]?\d[\d,.]*(?:元|万元)?$")
_PIPES_ONLY = re.compile(r"^[|\s]+$")


@dataclass(frozen=True)
class Row:
    """A table row: its label text as printed, its value cells, where it was found.

    ``blanks_shown`` is False for text where an empty cell leaves no trace (numbers separated
    by spaces, one cell a line without separators), so a short row cannot be placed column by column.
    """

    label: str
    cells: tuple[str, ...]
    page: int | None = None
    blanks_shown: bool = True
    #: Where the blank cells after the row's last value start, when they came as one line of pipes
    #: (``3 |`` ``3 |`` ``|||||||``): padding, or the row's own blanks moved to its end.
    padding_from: int | None = None

    @cached_property
    def key_text(self) -> str:
        """The label without spaces and line breaks, for matching."""
        return clean(self.label)

    def at_width(self, width: int) -> Row:
        """The row as a table of ``width`` columns reads it.

        Blank cells that came as one line of pipes after the last value are padding when the
        cells before them fill the row; when they do not, they may be the row's own blanks moved
        to its end, so where its blanks stand is not known (``blanks_shown`` False).
        """
        if self.padding_from is None:
            return self
        core = self.cells[: self.padding_from]
        if len(core) >= width:
            return replace(self, cells=core, padding_from=None)
        return replace(self, cells=tuple(c for c in core if c.strip()), blanks_shown=False, padding_from=None)


def alignments(cells: tuple[str, ...], width: int, blanks_shown: bool = True) -> list[tuple[str, ...]]:
    """Every way ``cells`` can be the ``width`` cells of a row.

    Blank cells beyond ``width`` are the padding flattened tables leave — after the last value
    (``| 0 | ||``), or before the first where the row above ended in a pipe of its own — so any of
    them may go, from either end. Where blanks leave no trace, only exactly ``width`` values fit.
    """
    extra = len(cells) - width
    if extra < 0 or (extra and not blanks_shown):
        return []
    blank = [not c.strip() for c in cells]
    leading = next((i for i, b in enumerate(blank) if not b), len(cells))  # blanks before the first value
    trailing = next((i for i, b in enumerate(reversed(blank)) if not b), len(cells))  # and after the last
    # ``lead`` blanks dropped from the front and ``extra - lead`` from the back, each within its run
    leads = range(max(0, extra - trailing), min(extra, leading) + 1)
    return list(dict.fromkeys(cells[lead : len(cells) - (extra - lead)] for lead in leads))


def fit(row: Row, width: int) -> tuple[str, ...] | None:
    """A row's cells as ``width`` cells when it starts at its own label: padding dropped from the end.

    (The blank cells right after a row's label are its own; only a row that took over another's
    label, as table 4's values take the last header cell, needs :func:`alignments`.)
    """
    row = row.at_width(width)
    found = alignments(row.cells, width, row.blanks_shown)
    return found[0] if found else None


def zeros_only(row: Row) -> bool:
    """A short row of text where blank cells leave no trace, every printed value 0: all its cells are 0.

    (Not where blanks show: there a short row is a row cut short.)
    """
    return not row.blanks_shown and bool(row.cells) and all(parse_cell(c).value == 0 for c in row.cells)


def grid_rows(table: Table) -> Iterator[Row]:
    """Rows of a grid: leading text cells are the label, the cells after them the values."""
    for raw in table.rows:
        cells = list(raw)
        last_text = max((i for i, c in enumerate(cells) if c is not None and c.strip() and not is_value(c)),
                        default=-1)  # fmt: skip
        label = " ".join(c.strip() for c in cells[: last_text + 1] if c and c.strip())
        values = tuple(c for c in cells[last_text + 1 :] if c is not None)
        if label or any(v.strip() for v in values):
            yield Row(label, values if any(v.strip() for v in values) or label else (), table.page)


def _pieces(line: str) -> list[str]:
    """The cells of a ``|``-joined line: no piece before a leading ``|`` or after a trailing one."""
    pieces = line.split("|")
    if line.startswith("|"):
        pieces = pieces[1:]
    if line.endswith("|"):
        pieces = pieces[:-1]
    return [p.strip() for p in pieces]


def is_cell_line(text: str) -> bool:
    """Whether a line holds one table cell (or blank cells only) rather than a row or running text."""
    line = text.strip()
    if not line:
        return False
    if _PIPES_ONLY.match(line):
        return True
    if "|" in line:  # one cell, perhaps with blank cells after it (``0 | ||``)
        content = [p for p in _pieces(line) if p]
        return len(content) == 1 and _pieces(line)[0] == content[0] and len(content[0]) <= MAX_CELL
    if _LONE_NUMBER.match(line) or (is_value(line) and not re.search(r"\d", line)):
        return True  # a number, or a mark that stands for zero
    return len(line) <= MAX_CELL and not _SPACED_NUMBERS.match(line) and not line.endswith(_CLAUSE_END)


def cell_stream(lines: list[str]) -> tuple[list[tuple[str, bool]], bool]:
    """The cells of consecutive cell lines, in order, each with whether it came in a line of several
    blank cells; and whether blank cells show in them at all.

    A cell ends at a ``|`` or, where a line has no ``|`` of its own, at the end of its line; a
    line of pipes alone holds one blank cell per pipe, except the pipe that ends the cell of
    the line before it; pipes written together (``||||``) are a run of blank cells.
    """
    cells: list[tuple[str, bool]] = []
    open_cell = False  # the last line's cell has not been ended by a pipe yet
    piped = any("|" in line for line in lines)
    for raw in lines:
        line = raw.strip()
        if _PIPES_ONLY.match(line):
            for group in line.split():  # ``| ||``: a blank cell, then a run of them
                blanks = len(group) - (1 if open_cell else 0)
                cells.extend([("", blanks > 1)] * blanks)
                open_cell = False
            continue
        cells.extend((piece, False) for piece in _pieces(line))
        open_cell = not line.endswith("|")
    return cells, piped


def stream_rows(lines: list[str], page: int | None) -> list[Row]:
    """Rows of a run of cell lines: each label cell starts a row, the value cells after it are its cells."""
    cells, blanks_shown = cell_stream(lines)
    rows: list[Row] = []
    label: str | None = None
    values: list[tuple[str, bool]] = []

    def flush() -> None:
        if label is None and not values:
            return
        texts = tuple(text for text, _ in values)
        tail = len(texts)
        while tail and not texts[tail - 1].strip():
            tail -= 1
        run_at = next((k for k in range(tail, len(values)) if values[k][1]), None)  # the first run after the last value
        rows.append(Row(label or "", texts, page, blanks_shown, run_at))

    for cell, run in cells:
        if cell and not is_value(cell):
            flush()
            label, values = cell, []
        elif cell or blanks_shown:
            values.append((cell, run))
    flush()
    return rows


def text_rows(text: str, page: int | None) -> Row | None:
    """One line of scraped text as a row, or None when it is running text."""
    line = text.strip()
    if line.count("|") >= 1 and len(line) < 400:
        cells = _pieces(line) if line.strip("|").strip() else [""]
        last_text = max((i for i, c in enumerate(cells) if c and not is_value(c)), default=-1)
        return Row(" ".join(c for c in cells[: last_text + 1] if c), tuple(cells[last_text + 1 :]), page)
    if _LONE_NUMBER.match(line):
        return Row("", (line,), page, blanks_shown=False)
    m = _SPACED_NUMBERS.match(line) if len(line) <= MAX_ROW else None
    if m and len(m.group("label")) <= 60:
        values = tuple(m.group("values").split())
        label = m.group("label").strip()
        if len(values) >= 2 or (label and len(label) <= 40 and not label.endswith(("。", "，", "："))):
            return Row(label, values, page, blanks_shown=False)
    if len(line) <= 60 and not line.endswith(("。", "；")):
        return Row(line, (), page)
    return None


def rows_from_blocks(blocks: Iterable[Block]) -> list[Row]:
    """The row stream of a document, in reading order; running text ends nothing, it is skipped.

    Runs of cell lines (a cell a line, in any of its forms) are read as one stream of cells;
    every other line is a row of its own.
    """
    rows: list[Row] = []
    run: list[str] = []
    run_page: int | None = None

    def flush() -> None:
        nonlocal run
        if run:
            rows.extend(stream_rows(run, run_page))
            run = []

    for block in blocks:
        if isinstance(block, Table):
            flush()
            rows.extend(grid_rows(block))
            continue
        if is_cell_line(block.text):
            if not run:
                run_page = block.page
            run.append(block.text)
            continue
        flush()
        row = text_rows(block.text, block.page)
        rows.append(row if row is not None else Row("", (), block.page))  # a break: running text between tables
    flush()
    return rows
