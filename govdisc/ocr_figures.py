"""Figures read by OCR: marked in their evidence, and table 3/4 cells kept only where the identities hold.

A misread digit must not reach a spreadsheet: a table-3 or table-4 cell read by OCR is reported only when
an identity it is a term of holds and none fails; the terms of a failing identity that OCR read are left
out, with a warning naming the row or column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from govdisc.checks import check_identity
from govdisc.metrics import IDENTITIES
from govdisc.model import Evidence
from govdisc.tables import TableFindings

#: Page read by OCR → its text boxes and the engine's confidence in each.
OcrPages = Mapping[int, list[tuple[str, float]]]

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_IDENTITY_TERMS = frozenset(k for i in IDENTITIES for k in i.left + i.right)


def confidence(evidence: Evidence, pages: OcrPages) -> float | None:
    """The lowest confidence among the page's OCR boxes that hold the evidence's number; None off OCR pages."""
    boxes = pages.get(evidence.page) if evidence.page is not None else None
    if boxes is None:
        return None
    shown = evidence.text.rsplit(":", 1)[-1] if evidence.source == "table" else evidence.text
    numbers = _DIGITS.findall(shown)
    if not numbers:
        return min((c for _, c in boxes), default=None)
    found = [c for text, c in boxes if any(n in _DIGITS.findall(text) for n in numbers)]
    return min(found) if found else min((c for _, c in boxes), default=None)


def mark(evidence: Mapping[str, Evidence], pages: OcrPages) -> None:
    """Set ``ocr`` and ``confidence`` on every evidence from a page read by OCR."""
    for ev in evidence.values():
        if ev.page in pages:
            ev.ocr = True
            ev.confidence = confidence(ev, pages)


def keep_consistent(tables: TableFindings, pages: OcrPages) -> None:
    """Leave out the table-3/4 cells read by OCR that no identity confirms (a warning names each part)."""
    read = {k for k, ev in tables.evidence.items() if ev.page in pages and k in _IDENTITY_TERMS}
    if not read:
        return
    failed: list[str] = []
    drop: set[str] = set()
    confirmed: set[str] = set()
    for identity in IDENTITIES:
        check = check_identity(identity, tables.metrics, tables.blank)
        if check is None or check.status == "not_run":
            continue
        terms = set(identity.left + identity.right) & read
        if check.status == "passed":
            confirmed |= terms
        elif terms:
            failed.append(identity.where)
            drop |= terms
    unconfirmed = read - confirmed - drop
    for key in drop | unconfirmed:
        tables.metrics.pop(key, None)
        tables.evidence.pop(key, None)
        tables.blank.discard(key)
    if failed:
        tables.warnings.append(f"OCR: left out the cells of {'; '.join(dict.fromkeys(failed))}: they do not add up")
    if unconfirmed:
        shown = ", ".join(sorted(unconfirmed)[:6]) + (" …" if len(unconfirmed) > 6 else "")
        tables.warnings.append(f"OCR: left out {len(unconfirmed)} table cell(s) no identity confirms: {shown}")
