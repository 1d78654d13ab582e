"""govdisc: Chinese government open-information documents in, clean comparable numbers out.

>>> import govdisc
>>> records = govdisc.extract_file("samples/004_9ce4a37fc6d0bdf2.txt")
>>> records[0].metrics["published.items"]
64
>>> [row.name for row in govdisc.compare(records)]
['江门市江海区人民政府办公室']

``govdisc.compare`` is the function; the package of that name is imported as ``from govdisc.compare import …``.
Every name here is imported when first used, so that ``import govdisc`` (and ``govdisc --help``) stays quick.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govdisc.model import Check, Document, Evidence, Paragraph, ReadError, Record, Table
    from govdisc.pipeline import FileResult, extract_document, extract_file, extract_paths

    from govdisc.compare import compare  # isort: skip (after the package, so that the name is the function)

__version__ = "0.1.0"

__all__ = [
    "Check",
    "Document",
    "Evidence",
    "FileResult",
    "Paragraph",
    "ReadError",
    "Record",
    "Table",
    "__version__",
    "compare",
    "extract_document",
    "extract_file",
    "extract_paths",
]

#: Each public name → the module that defines it.
_HOMES = {
    **dict.fromkeys(("Check", "Document", "Evidence", "Paragraph", "ReadError", "Record", "Table"), "govdisc.model"),
    **dict.fromkeys(("FileResult", "extract_document", "extract_file", "extract_paths"), "govdisc.pipeline"),
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'govdisc' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """The ``govdisc`` module: ``compare`` stays the function when the package of that name is imported."""

    @property
    def compare(self) -> Any:
        from govdisc.compare.api import compare

        return compare

    @compare.setter
    def compare(self, value: Any) -> None:
        """The import system names the subpackage ``govdisc.compare`` here; the name stays the function."""


sys.modules[__name__].__class__ = _Package
