"""Who issued a document, which year it reports on, and what kind of document it is."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from govdisc.model import Block, Paragraph
from govdisc.text import DATE_LINE, YEAR_NOT_DATE

from .segment import ORG_NAME, TITLE_END, YEAR_IN_TITLE, is_agency_title, title_agency

#: doc_type by title words, first match wins (a 总结和…要点 is a summary; a 要点分工方案 a division of tasks).
DOC_TYPE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("annual_report", re.compile(r"年度报告|年报")),
    ("task_division", re.compile(r"分工|任务分解|责任分解|分解表|任务清单")),
    ("work_summary", re.compile(r"总结|自评报告|自查报告|工作报告|工作情况")),
    ("work_plan", re.compile(r"要点|计划|安排|实施方案|工作方案|落实措施|措施|思路|打算")),
)
TITLE_LIKE = re.compile(
    rf"{YEAR_IN_TITLE}.{{0,40}}?{TITLE_END}$|^.{{2,40}}?(?:年度报告|工作总结|工作要点)(?:[（(]{YEAR_IN_TITLE}[）)])?$"
)
ORG_LINE = re.compile(rf"^{ORG_NAME}$")
CONTACT_LINE = re.compile(r"联系人|联系电话|电话[：:]|附件|^[（(].*[)）]$")
FIRST_LINES = 6
LAST_LINES = 8


@dataclass(frozen=True)
class Metadata:
    title: str | None
    agency: str | None
    year: int | None
    doc_type: str


def _lines(blocks: list[Block]) -> list[str]:
    return [b.text.strip() for b in blocks if isinstance(b, Paragraph) and b.text.strip()]


def _is_title(line: str) -> bool:
    return len(line) <= 70 and TITLE_LIKE.search(line) is not None and not line.endswith(("。", "：", ":"))


def find_title(lines: list[str]) -> tuple[str | None, int | None]:
    """The title among the first lines, and its index.

    A title broken over two lines is joined, and so is an agency line just above a title that
    does not name one (``洪泽区人民政府`` / ``2023年政府信息公开工作年度报告``).
    """
    for i, line in enumerate(lines[:FIRST_LINES]):
        if not _is_title(line):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if len(nxt) <= 12 and _is_title(line + nxt) and YEAR_NOT_DATE.search(line):
                return line + nxt, i
            continue
        if i > 0 and ORG_LINE.match(lines[i - 1]) and not is_agency_title(line):
            return lines[i - 1] + line, i
        return line, i
    return (lines[0][:70] if lines else None), (0 if lines else None)


def doc_type_of(text: str | None) -> str | None:
    for name, pattern in DOC_TYPE_RULES:
        if text and pattern.search(text):
            return name
    return None


def year_of(title: str | None, lines: list[str]) -> int | None:
    """The year reported on: the first year of the title, else the year the body names most."""
    if title and (m := YEAR_NOT_DATE.search(title)):
        return int(m.group(1))
    counts = Counter(int(y) for line in lines for y in YEAR_NOT_DATE.findall(line))
    return counts.most_common(1)[0][0] if counts else None


def signature(lines: list[str]) -> str | None:
    """The issuing body's name as signed at the end (the line above the date, or the last line)."""
    for line in reversed(lines[-LAST_LINES:]):
        if DATE_LINE.match(line) or CONTACT_LINE.search(line):
            continue
        return line if ORG_LINE.match(line) and len(line) <= 40 else None
    return None


#: The opening sentence of an annual report that names who compiled it (本报告由…根据…编制).
COMPILED_BY = re.compile(rf"^本(?:年度)?报告(?:是)?由(?P<agency>{ORG_NAME})(?:根据|依据|按照|依照|编制)")


def compiled_by(lines: list[str]) -> str | None:
    """The body an annual report's first lines say compiled it."""
    for line in lines[:FIRST_LINES]:
        if m := COMPILED_BY.match(line):
            return m.group("agency")
    return None


def agency_of(title: str | None, lines: list[str]) -> str | None:
    """The issuing body: named in the title, or signed at the end (the fuller of the two wins);
    failing both, the body the opening sentence says compiled the report."""
    named = title_agency(title) if title else None
    signed = signature(lines)
    if named and signed and signed.endswith(named) and len(signed) > len(named):
        return signed
    return named or signed or compiled_by(lines)


def metadata(blocks: list[Block]) -> Metadata:
    """Title, agency, year and doc_type of one document."""
    lines = _lines(blocks)
    title, _ = find_title(lines)
    body = " ".join(lines[:40])
    doc_type = doc_type_of(title) or doc_type_of(body[:400]) or "other"
    return Metadata(title, agency_of(title, lines), year_of(title, lines), doc_type)
