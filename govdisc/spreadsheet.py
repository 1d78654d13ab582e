"""What goes into a spreadsheet cell: text a spreadsheet would run as a formula is made plain text."""

from __future__ import annotations

#: First characters that make Excel, WPS or LibreOffice read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """``value`` unchanged, unless it is text starting with a formula character: then ``'`` + ``value``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
