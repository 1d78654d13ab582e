"""``govdisc compare``: agencies and years side by side."""

from __future__ import annotations

from .api import compare
from .build import GROUP_LEVELS, Comparison, Entry, Filters, Row, build, columns_for
from .figures import DERIVED, PRESET_NAMES, PRESETS, column_id

__all__ = ["DERIVED", "GROUP_LEVELS", "PRESETS", "PRESET_NAMES", "Comparison", "Entry", "Filters",
           "Row", "build", "column_id", "columns_for", "compare"]  # fmt: skip
