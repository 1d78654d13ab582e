"""``extract``'s records as an xlsx workbook: the columns of its CSV, ready to filter and sort."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from govdisc.model import Record
from govdisc.output import DEFAULT_SHAPE, Shape, record_rows
from govdisc.spreadsheet import write_sheet

#: The sheet's name: one row per document, or one per figure (``--long``).
SHEET_NAMES = {("zh", False): "记录", ("en", False): "records", ("zh", True): "数据", ("en", True): "facts"}


def write_records_xlsx(records: Sequence[Record], path: Path, shape: Shape = DEFAULT_SHAPE) -> None:
    """One sheet of the records in ``shape``, as :func:`~govdisc.spreadsheet.write_sheet` writes it."""
    head, rows, figures = record_rows(records, shape)
    write_sheet(path, SHEET_NAMES[(shape.lang, shape.long)], head, rows, figures)
