"""What Chinese running text looks like, in one place: sentence ends, years, headings, page numbers.

The readers (rebuilding paragraphs from pdf lines), the prose reflow and the prose rules all
use these, so a line or a sentence ends in the same places everywhere.
"""

from __future__ import annotations

import re

#: Marks that end a sentence.
SENTENCE_END = "。！？!?；;"
#: What a line that ends its paragraph ends with: a sentence end, a colon, a closing quote or bracket.
LINE_END = (*SENTENCE_END, "：", ":", "”", "」", "』", "）", ")")
#: A sentence boundary (a line break is one too).
SENTENCE_BREAK = re.compile(rf"[{SENTENCE_END}\n]")

#: A year of the reports' era, as a regex fragment.
YEAR = r"(?:19|20)\d{2}"
#: A year written as a year (``2023年``, ``2023 年``), the year in group 1.
YEAR_WRITTEN = re.compile(rf"({YEAR})\s*年")
#: A year that is not the start of a full date (``2023年`` but not ``2023年1月5日``).
YEAR_NOT_DATE = re.compile(rf"({YEAR})\s*年(?!\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日)")
#: A line that is only a date (``2024年1月20日``).
DATE_LINE = re.compile(rf"^\s*{YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*$")

#: A line that starts a heading (一、 （一） 1. 第一条 附件 …): never the continuation of a wrapped line.
HEADING = re.compile(
    r"^\s*(?:"
    r"第[一二三四五六七八九十百零〇\d]+[章节条部分篇]"
    r"|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]+[)）]"
    r"|\d{1,2}[、.．](?!\d)"
    r"|[①-⑳]"
    r"|附件|附表"
    r")"
)
#: A line that is only a page number (- 5 -, 第5页, 5/12, Page 5).
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－−]\s*\d{1,4}\s*[-—–－−]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)

_LATIN_END = re.compile(r"[A-Za-z,]$")
_LATIN_START = re.compile(r"^[A-Za-z]")


def join_lines(a: str, b: str) -> str:
    """Join a wrapped line to the next: no space between Chinese characters, one between Latin words."""
    return a + line_joint(a, b) + b


def line_joint(a: str, b: str) -> str:
    """What goes between a wrapped line ``a`` and the next, ``b`` (only their ends are looked at)."""
    return " " if _LATIN_END.search(a[-2:]) and _LATIN_START.search(b[:1]) else ""


def ends_paragraph(line: str) -> bool:
    """Whether a line ends with a mark after which a paragraph ends (a wrapped line never does)."""
    return line.rstrip().endswith(LINE_END)
