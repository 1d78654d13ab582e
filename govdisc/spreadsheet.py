"""What goes into a cell of a CSV or xlsx file that a spreadsheet program opens."""

from __future__ import annotations

#: A cell starting with one of these is read as a formula by Excel, WPS and LibreOffice (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """``value`` unchanged, unless it is text a spreadsheet would run as a formula: then with a leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
