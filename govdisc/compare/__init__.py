"""``govdisc compare``: agencies and years side by side."""

from __future__ import annotations

from .build import GROUP_LEVELS, Comparison, Filters, build, columns_for
from .figures import DERIVED, PRESET_NAMES, PRESETS
from .render import FORMATS

__all__ = ["DERIVED", "FORMATS", "GROUP_LEVELS", "PRESETS", "PRESET_NAMES", "Comparison", "Filters",
           "build", "columns_for"]  # fmt: skip
