"""Split a file into its documents: a compilation of many agencies' summaries gives one each.

A document starts at a title line that names its agency
(``蚌埠市公共资源局2022年度政务公开工作总结``). Page headers, contents lists and trailing
"recommended" links are not documents and are dropped, with a warning that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdisc.model import Block, Paragraph
from govdisc.text import YEAR

#: What an issuing body's name ends with.
ORG_SUFFIX = (
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|局|委|办|厅|署|中心|公司|集团|院|所|站|队|处|会|社|馆|台"
    r"|部|省|市|区|县|州|盟|旗|镇|乡|街道|园区|新区|开发区)"
)
ORG_NAME = rf"[\u4e00-\u9fff（）()·]{{1,38}}?{ORG_SUFFIX}"
YEAR_IN_TITLE = rf"{YEAR}\s*年度?"
#: What a document title ends with.
TITLE_END = r"(?:报告|总结|要点|计划|方案|措施|思路|安排|情况|打算|通知)(?:[（(][^）)]{1,12}[）)])?"
#: What follows the agency in a title that puts the year first.
SUBJECT = r"(?:政府信息公开|政务信息公开|政务公开|信息公开|政府公开)"
#: Title lines that name the agency: ``<agency><year>年…<kind>``, ``<year>年<agency>政府信息公开…<kind>``
#: and ``<agency>政府信息公开…<kind>（<year>年度）``.
AGENCY_TITLES = (
    re.compile(rf"^(?P<agency>{ORG_NAME})(?:关于)?(?P<year>{YEAR_IN_TITLE})(?P<rest>.{{2,45}}?{TITLE_END})$"),
    re.compile(rf"^(?P<year>{YEAR_IN_TITLE})(?P<agency>{ORG_NAME})(?P<rest>{SUBJECT}.{{0,40}}?{TITLE_END})$"),
    re.compile(rf"^(?P<agency>{ORG_NAME})(?P<rest>{SUBJECT}.{{0,30}}?{TITLE_END})[（(](?P<year>{YEAR_IN_TITLE})[）)]$"),
)
#: Lines that are page furniture, never part of a document.
WEB_DEBRIS = re.compile(
    r"^(?:推荐访问|相关阅读|相关推荐|相关文章|相关链接|上一篇|下一篇|分享到|扫一扫|打印本页|关闭窗口|【打印|【关闭|【字体"
    r"|字号[：:]|文章来源|信息来源[：:]|来源[：:]|发布时间|更新时间|时间[：:]\s*\d{4}-|浏览(?:量|次数|数)|责任编辑|当前位置)"
)
NOT_A_TITLE = re.compile(r"汇编|下面是|小编|供大家参考|全文完整|范文|精选")
MAX_TITLE = 60
MIN_BODY_CHARS = 40


@dataclass
class Segment:
    """The blocks of one document inside a file."""

    index: int
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)


def title_agency(text: str) -> str | None:
    """The agency a title line names, or None when the line is not such a title."""
    text = text.strip()
    if len(text) > MAX_TITLE or NOT_A_TITLE.search(text):
        return None
    for pattern in AGENCY_TITLES:
        if m := pattern.match(text):
            return m.group("agency")
    return None


def is_agency_title(text: str) -> bool:
    """Whether a line is a document title that names its agency."""
    return title_agency(text) is not None


def drop_debris(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Remove web page furniture lines (来源, 浏览量, 推荐访问 …)."""
    kept: list[Block] = []
    dropped: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph) and len(b.text) < 100 and WEB_DEBRIS.match(b.text):
            dropped.append(b.text)
        else:
            kept.append(b)
    if not dropped:
        return blocks, []
    shown = "、".join(repr(t[:20]) for t in dropped[:3])
    return kept, [f"skipped {len(dropped)} line(s) of web page furniture ({shown})"]


def _body_chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks[1:] if isinstance(b, Paragraph)) + sum(
        1000 for b in blocks if not isinstance(b, Paragraph)
    )


def _title_key(block: Block) -> tuple[str, str] | None:
    if not isinstance(block, Paragraph) or (agency := title_agency(block.text)) is None:
        return None
    year = re.search(YEAR, block.text)
    return agency, year.group() if year else ""


def segment(blocks: list[Block]) -> list[Segment]:
    """Split blocks into documents at titles naming an agency.

    A file whose titles all name one agency and year (a page that repeats its title) is one
    document, and so is a file with fewer than two such titles.
    """
    blocks, notes = drop_debris(blocks)
    keyed = [(i, k) for i, b in enumerate(blocks) if (k := _title_key(b)) is not None]
    if len({k for _, k in keyed}) < 2:
        return [Segment(0, blocks, notes)]
    starts = [i for n, (i, k) in enumerate(keyed) if n == 0 or keyed[n - 1][1] != k]
    if starts[0] > 0:
        notes.append(f"skipped {starts[0]} line(s) before the first document (page header, contents list)")
    pieces = [blocks[a:b] for a, b in zip(starts, [*starts[1:], len(blocks)], strict=True)]
    segments: list[Segment] = []
    for piece in pieces:
        if _body_chars(piece) < MIN_BODY_CHARS:
            notes.append(f"skipped a title with no text after it: {piece[0].text!r}")  # type: ignore[union-attr]
            continue
        segments.append(Segment(len(segments), piece))
    if segments:
        segments[0].warnings[:0] = notes
    return segments
