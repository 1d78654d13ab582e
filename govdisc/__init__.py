"""govdisc: Chinese government open-information documents in, clean comparable numbers out.

>>> import govdisc
>>> records = govdisc.extract_file("samples/004_9ce4a37fc6d0bdf2.txt")
>>> records[0].metrics["published.items"]
64
>>> [row.name for row in govdisc.compare(records)]
['江门市江海区人民政府办公室']

``govdisc.compare`` is the function; the package of that name is imported as ``from govdisc.compare import …``.
"""

from __future__ import annotations

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
