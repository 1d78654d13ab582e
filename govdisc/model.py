"""The data that flows between govdisc's stages.

read → :class:`Document` (blocks in reading order) → normalize → segment → parse → :class:`Record`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DOC_TYPES = ("annual_report", "work_summary", "work_plan", "task_division", "other")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (or one line, for plain text) of running text."""

    text: str
    page: int | None = None


@dataclass(frozen=True)
class Table:
    """A table as a grid of cell texts, one list per row, all rows as wide as the widest.

    A position covered by a merged cell (the cell spans into it from the left or from above)
    holds ``None``; an empty cell holds ``""``. ``page`` is the page the table starts on.
    """

    rows: tuple[tuple[str | None, ...], ...]
    page: int | None = None

    @classmethod
    def from_rows(cls, rows: list[list[str | None]], page: int | None = None) -> Table:
        width = max((len(r) for r in rows), default=0)
        grid = tuple(tuple(r) + (None,) * (width - len(r)) for r in rows)
        return cls(grid, page)

    def lines(self) -> list[str]:
        """The table flattened to text, one row a line, cells joined by `` | ``."""
        out = []
        for row in self.rows:
            cells = [c for c in row if c is not None]
            if any(c.strip() for c in cells):
                out.append(" | ".join(c.strip() for c in cells))
        return out


Block = Paragraph | Table


@dataclass
class Document:
    """What a reader returns: the blocks of one file in reading order."""

    path: Path
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)
    encoding: str | None = None
    ocr: dict[int, list[tuple[str, float]]] = field(default_factory=dict)  # page read by OCR → its text boxes


@dataclass
class Evidence:
    """Where a number came from."""

    source: str  # "table" | "prose"
    text: str
    page: int | None = None
    approx: str | None = None  # 近 | 余 | 超 | 约
    derived: bool = False
    ocr: bool = False  # read by OCR from a page without a text layer
    confidence: float | None = None  # the OCR engine's confidence in it (0-1), with ``ocr``

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"source": self.source, "text": self.text, "page": self.page, "approx": self.approx}
        if self.derived:
            d["derived"] = True
        if self.ocr:
            d["ocr"] = True
            d["confidence"] = self.confidence
        return d


CHECK_STATUSES = ("passed", "failed", "doubtful", "not_run")


@dataclass
class Check:
    """One consistency check run on a record.

    ``status`` is ``passed``, ``failed``, ``doubtful`` (it fails only through cells printed blank
    or ``/``, or derived from them) or ``not_run`` (cells it needs are missing); ``ok`` is True
    only when it passed.
    """

    id: str
    status: str
    message: str

    @property
    def ok(self) -> bool:
        return self.status == "passed"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "ok": self.ok, "message": self.message, "status": self.status}
        if self.status == "doubtful":
            d["doubtful"] = True
        return d


@dataclass
class Record:
    """One document's extraction, as RECORD.md defines it."""

    file: str
    doc_index: int = 0
    title: str | None = None
    agency: str | None = None
    region: dict[str, str | None] | None = None
    year: int | None = None
    doc_type: str = "other"
    template: str | None = None
    metrics: dict[str, int | float] = field(default_factory=dict)
    evidence: dict[str, Evidence] = field(default_factory=dict)
    checks: list[Check] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return (f"Record({self.file!r}#{self.doc_index}, agency={self.agency!r}, year={self.year}, "
                f"{len(self.metrics)} metrics)")  # fmt: skip

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        """A record read back from ``extract --format jsonl``."""
        evidence = {
            k: Evidence(
                v.get("source", "prose"),
                v.get("text", ""),
                v.get("page"),
                v.get("approx"),
                bool(v.get("derived")),
                bool(v.get("ocr")),
                v.get("confidence"),
            )
            for k, v in (d.get("evidence") or {}).items()
        }
        checks = [Check(c["id"], c.get("status") or ("passed" if c.get("ok") else "failed"), c.get("message", ""))
                  for c in d.get("checks") or []]  # fmt: skip
        return cls(
            file=d.get("file", ""),
            doc_index=int(d.get("doc_index") or 0),
            title=d.get("title"),
            agency=d.get("agency"),
            region=d.get("region"),
            year=d.get("year"),
            doc_type=d.get("doc_type") or "other",
            template=d.get("template"),
            metrics=dict(d.get("metrics") or {}),
            evidence=evidence,
            checks=checks,
            warnings=list(d.get("warnings") or []),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "doc_index": self.doc_index,
            "title": self.title,
            "agency": self.agency,
            "region": self.region,
            "year": self.year,
            "doc_type": self.doc_type,
            "template": self.template,
            "metrics": dict(self.metrics),
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
            "checks": [c.to_dict() for c in self.checks],
            "warnings": list(self.warnings),
        }


class ReadError(Exception):
    """A file that could not be read; the message says why, in one line.

    ``lasting`` is False when the reason is not the file's content alone — a limit that can be raised,
    a tool that can be installed — so that the error is not remembered for the file.
    """

    def __init__(self, message: str, lasting: bool = True) -> None:
        super().__init__(message)
        self.lasting = lasting
