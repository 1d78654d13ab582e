"""What a run allows each file: the per-file limits, each with a command-line flag to raise it.

Apart from :mod:`govdisc.runner`, so that the command line can show their defaults without loading the
worker pool.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1 << 20

#: Which pdf pages OCR reads (``--ocr``): those without a text layer, every page, none.
OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class Limits:
    """Per-file limits; each has a command-line flag to raise it."""

    max_size: int = 200 * MB  # --max-size (MB)
    max_pages: int = 2000  # --max-pages
    timeout: float = 30.0  # --timeout (seconds)
    ocr: str = "auto"  # --ocr: which pdf pages OCR reads (auto: those without text, always, never)
    max_memory: int = 2048 * MB  # --max-memory (MB): each worker's address space; 0 for no limit
    max_lines: int = 50_000  # --max-lines: lines (paragraphs and table rows) of a file read; 0 for no limit

    @property
    def cache_variant(self) -> str:
        """What the cache adds to its code key for these limits: results read with another --ocr or
        --max-lines differ."""
        ocr = "" if self.ocr == "auto" else f"+ocr={self.ocr}"
        return ocr + ("" if self.max_lines == Limits.max_lines else f"+lines={self.max_lines}")
