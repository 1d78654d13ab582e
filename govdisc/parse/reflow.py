"""Running text for the prose rules: wrapped lines joined back into paragraphs, digits unspaced.

Text laid out by pdftotext (or copied from a PDF) breaks sentences at the end of every line
and spaces numbers out (``政府信息 1136 条``); the rules want ``政府信息1136条``. Scraped pages
join wrapped lines with a space (``全年 主动公开``), dropped too.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable

from govdisc.model import Block, Paragraph
from govdisc.patterns import compile_guarded
from govdisc.text import HEADING, PAGE_NUMBER, ends_paragraph, line_joint

_DIGIT_SPACE = compile_guarded(r"(?<=[\u4e00-\u9fff，、（(])\s+(?=\d)|(?<=\d)\s+(?=[\u4e00-\u9fff，。、；）)])")
#: Spaces between Chinese characters: a wrapped line joined with a space (依托市政府信息公开专栏全年 主动公开).
_CJK_SPACE = compile_guarded(r"(?<=[\u4e00-\u9fff，。、；：）”])[ \t\u3000]+(?=[\u4e00-\u9fff（“])")
#: A line this close to the usual full line length is taken to wrap onto the next.
FULL_LINE = 0.8


def compact(text: str) -> str:
    """Drop the spaces PDF text and scraped pages put between Chinese characters and digits."""
    return _CJK_SPACE.sub("", _DIGIT_SPACE.sub("", text))


def _full_width(lines: list[str]) -> float:
    lengths = sorted(len(t) for t in lines if len(t) >= 10)
    if len(lengths) < 5:
        return float("inf")
    return statistics.quantiles(lengths, n=10)[-1]


def prose_paragraphs(blocks: Iterable[Block]) -> list[tuple[str, int | None]]:
    """(text, page) of each paragraph, with wrapped lines joined and page-number lines dropped."""
    paragraphs = [(b.text.strip(), b.page) for b in blocks if isinstance(b, Paragraph) and b.text.strip()]
    paragraphs = [(t, p) for t, p in paragraphs if not PAGE_NUMBER.match(t)]
    full = _full_width([t for t, _ in paragraphs])
    out: list[tuple[list[str], int | None]] = []  # each paragraph's pieces, joined once at the end
    joinable = False
    for text, page in paragraphs:
        if joinable and not HEADING.match(text):
            pieces = out[-1][0]
            pieces += (line_joint(pieces[-1], text), text)
        else:
            out.append(([text], page))
        joinable = len(text) >= FULL_LINE * full and not ends_paragraph(text)
    return [(compact("".join(t)), p) for t, p in out]
