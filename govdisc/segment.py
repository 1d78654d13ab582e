"""Split a file into its documents: a compilation of many agencies' summaries gives one each.

A document starts at a title line that names its agency
(``蚌埠市公共资源局2022年度政务公开工作总结``). Page headers, contents lists and trailing
"recommended" links are not documents and are dropped, with a warning that says so. Web-page
furniture (来源, 发布机构, breadcrumbs …) is dropped from the text but kept on the
:class:`Segment` it came from, where metadata may read the issuing body from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govdisc.model import Block, Paragraph
from govdisc.patterns import lazy
from govdisc.text import HEADING, YEAR

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
#: Title lines that name the agency: ``<agency><year>年…<kind>``, ``<year>年<agency>政府信息公开…<kind>``,
#: ``<agency>政府信息公开…<kind>（<year>年度）`` and ``<agency>政府信息公开工作<year>年度报告``; the year's 度 never
#: starts the agency's name.
AGENCY_TITLES = (
    re.compile(rf"^(?P<agency>{ORG_NAME})(?:关于)?(?P<year>{YEAR_IN_TITLE})(?P<rest>.{{2,45}}?{TITLE_END})$"),
    re.compile(rf"^(?P<year>{YEAR_IN_TITLE})(?!度)(?P<agency>{ORG_NAME})(?P<rest>{SUBJECT}.{{0,40}}?{TITLE_END})$"),
    re.compile(rf"^(?P<agency>{ORG_NAME})(?P<rest>{SUBJECT}.{{0,30}}?{TITLE_END})[（(](?P<year>{YEAR_IN_TITLE})[）)]$"),
    re.compile(
        rf"^(?!关于)(?P<agency>{ORG_NAME})(?P<subject>{SUBJECT}(?:工作)?)(?P<year>{YEAR_IN_TITLE})"
        rf"(?P<rest>.{{0,10}}?{TITLE_END})$"
    ),
)
#: Lines that are page furniture, never part of a document: links, sharing and print buttons, the
#: 来源/发布时间 line, a breadcrumb (首页 > 政务公开 > 年报), the page's metadata block (索引号,
#: 发布机构, 文号 …) and a document-sharing site's file card (文档编号, 上传时间 …). Spaces inside a
#: field name (``索 引 号``), a leading bullet and the page's date before a field (``2023年01月10日 来源：``) are
#: allowed.
WEB_DEBRIS = re.compile(
    r"^[\s•·●▪◆\-–]*(?:\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s+)?(?:推荐访问|相关阅读|相关推荐|相关文章|相关链接|上一篇|下一篇|分享到|扫一扫|打印本页|关闭窗口|【打印|【关闭|【字体"
    r"|字号[：:]|文章来源|信息来源[：:]|来源[：:]|发布时间|更新时间|时间[：:]\s*\d{4}-|浏览(?:量|次数|数)|责任编辑|当前位置"
    r"|您(?:当前|现在)?的位置|首页\s*[>›»＞]"
    r"|索\s*引\s*号|发\s*布\s*机\s*构|发文机关|发布单位|发布日期|成文日期|公文生成日期|备注/文号|文\s*号\s*[：:|]"
    r"|主题分类|是否有效|有效性[：:]|信息公开元数据"
    r"|文档编号|上传时间|格式[：:]\s*[A-Za-z]|页数[：:]|大小[：:])"
)
#: A breadcrumb whatever its first step (``信息公开专栏 >> 区统计局 >> 年度报告``): three or more
#: short steps between ``>``, ``>>``, ``›`` or ``»``, no sentence punctuation.
BREADCRUMB_LINE = re.compile(r"^[^，。；：>›»＞]{1,30}(?:\s*[>›»＞]{1,2}\s*[^，。；：>›»＞]{1,30}){2,}$")
#: An issuing notice's title (…关于印发〈X〉的通知): the document X it issues follows it, in the same document.
ISSUING_NOTICE = lazy(r"(?:印发|转发|公布)[^，。；]*的?通知$")
#: The quotes around a title named inside a line (《X》, 〈X〉, <X>).
TITLE_QUOTES = lazy(r"[《》〈〉<>]")
NOT_A_TITLE = re.compile(r"汇编|下面是|小编|供大家参考|全文完整|范文|精选")
MAX_TITLE = 60
MIN_BODY_CHARS = 40
#: The longest line that may be one half of a title broken over two lines.
MAX_TITLE_HALF = 40
#: What may stand just before a title run into the text of a flattened page: the start of the
#: line, or a space after a sentence end, the date that closed the previous document, or the last
#: title of a contents list.
RUN_IN_BEFORE = lazy(rf"(?:[。！？；”）)日]|{TITLE_END})$")
#: What the text after a run-in title starts with, after a space: a date, a heading, the opening
#: ``2021年，`` or an opening word. Anything else (a list of titles) is not a document's text.
RUN_IN_BODY = lazy(
    rf"^(?:{YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|{HEADING.pattern}|{YEAR}\s*年(?:度|以来)?\s*[，,]"
    r"|根据|按照|为(?:了|进一步|深入|切实|全面)|今年以来|近年来|本(?:年度)?报告|本年报|现将)"
)
#: Possible ends of a run-in title: a title ending followed by a space.
_RUN_IN_END = re.compile(rf"{TITLE_END}(?=\s)")
_YEAR_SPACE = lazy(rf"({YEAR}\s*年度?)\s+")
#: A space between an agency's name and its title's year, where a page put the name on a line of its own and a
#: flattening joined the lines (``某某县统计局 2018年政府信息公开工作年度报告``).
SPACE_BEFORE_YEAR = re.compile(rf"(?<=[\u4e00-\u9fff）)])\s+(?={YEAR}\s*年)")


@dataclass
class Segment:
    """The blocks of one document inside a file, and the furniture lines dropped from it."""

    index: int
    blocks: list[Block]
    warnings: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)


#: What :func:`clean_line` strips: every character ``\s`` matches, and the cell separators.
_EDGE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + "|｜"


def clean_line(text: str) -> str:
    """A line without the cell separators a flattened web table leaves around it (``标题 | |||``)."""
    return text.strip(_EDGE)


def title_agency(text: str) -> str | None:
    """The agency a title line names, or None when the line is not such a title."""
    if "年" not in text:  # every title form names its year
        return None
    text = SPACE_BEFORE_YEAR.sub("", clean_line(text))
    if len(text) > MAX_TITLE or NOT_A_TITLE.search(text):
        return None
    for pattern in AGENCY_TITLES:
        if m := pattern.match(text):
            return m.group("agency")
    return None


def is_agency_title(text: str) -> bool:
    """Whether a line is a document title that names its agency."""
    return title_agency(text) is not None


def _is_furniture(block: Block) -> bool:
    if not isinstance(block, Paragraph) or len(block.text) >= 100:
        return False
    return WEB_DEBRIS.match(block.text) is not None or BREADCRUMB_LINE.match(block.text.strip()) is not None


def drop_debris(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Remove web page furniture lines (来源, 浏览量, 推荐访问 …)."""
    kept, dropped = _drop_furniture(blocks)
    return kept, _furniture_note(dropped)


def _drop_furniture(blocks: list[Block]) -> tuple[list[Block], list[tuple[int, str]]]:
    """The blocks without furniture, and each dropped line with the number of kept blocks before it."""
    kept: list[Block] = []
    dropped: list[tuple[int, str]] = []
    for b in blocks:
        if _is_furniture(b):
            dropped.append((len(kept), b.text.strip()))  # type: ignore[union-attr]
        else:
            kept.append(b)
    return kept, dropped


def _furniture_note(dropped: list[tuple[int, str]]) -> list[str]:
    if not dropped:
        return []
    shown = "、".join(repr(t[:20]) for _, t in dropped[:3])
    return [f"skipped {len(dropped)} line(s) of web page furniture ({shown})"]


def _run_in_title(text: str, start: int) -> int | None:
    """The end of an agency title starting at ``start`` and run into the text after it, if there is one."""
    for m in _RUN_IN_END.finditer(text, start, start + MAX_TITLE + 1):
        title, rest = text[start : m.end()], text[m.end() :].lstrip()
        if re.search(r"\s", _YEAR_SPACE.sub(r"\1", SPACE_BEFORE_YEAR.sub("", title))):
            break  # a space inside a title only stands around its year (``清水县人民政府2019年 政府信息…``)
        if title_agency(title) and len(rest) >= MIN_BODY_CHARS and RUN_IN_BODY.match(rest):
            return m.end()
    return None


def split_run_in_titles(blocks: list[Block]) -> list[Block]:
    """Put each agency title that a flattened page ran into its text on a line of its own.

    ``2021年马鞍山市公安局政务公开工作总结 2021年12月22日 2021年，市公安局…`` gives the title and the
    text; so does a document's title inside the line, after a sentence, a date or a contents list
    (``…工作思路 安庆市2022年政务公开工作总结 2022年，安庆市坚持…``). A title followed by another title
    (a contents list) is left alone.
    """
    out: list[Block] = []
    for b in blocks:
        if not isinstance(b, Paragraph) or len(b.text) <= MAX_TITLE:
            out.append(b)
            continue
        text = b.text
        starts = [len(text) - len(text.lstrip())]
        starts += [
            m.end() for m in re.finditer(r"\s+", text) if RUN_IN_BEFORE.search(text, max(0, m.start() - 16), m.start())
        ]
        cuts: list[tuple[int, int]] = []
        for s in starts:
            if (cuts and s < cuts[-1][1]) or (end := _run_in_title(text, s)) is None:
                continue
            cuts.append((s, end))
        if not cuts:
            out.append(b)
            continue
        pos = 0
        for s, e in cuts:
            if text[pos:s].strip():
                out.append(Paragraph(text[pos:s].strip(), b.page))
            out.append(Paragraph(text[s:e].strip(), b.page))
            pos = e
        out.append(Paragraph(text[pos:].strip(), b.page))
    return out


def join_split_titles(blocks: list[Block]) -> list[Block]:
    """Join an agency title broken over two lines (``蚌埠市财政局2022`` / ``年政务公开工作总结``), and an
    agency's name on the line above a title that does not name one (``桃江县松木塘镇人民政府`` /
    ``2022年政府信息公开工作年度报告``), into one title line."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        a = blocks[i]
        b = blocks[i + 1] if i + 1 < len(blocks) else None
        if isinstance(a, Paragraph) and isinstance(b, Paragraph):
            first, second = clean_line(a.text), clean_line(b.text)
            if (
                0 < len(first) <= MAX_TITLE_HALF
                and 0 < len(second) <= MAX_TITLE_HALF
                and not first.endswith(("。", "，", "；", "：", ":"))
                and not HEADING.match(second)
                and not is_agency_title(first)
                and not is_agency_title(second)
                and is_agency_title(first + second)
            ):
                out.append(Paragraph(first + second, a.page))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _body_chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks[1:] if isinstance(b, Paragraph)) + sum(
        1000 for b in blocks if not isinstance(b, Paragraph)
    )


def _title_key(block: Block) -> tuple[str, str] | None:
    if not isinstance(block, Paragraph) or (agency := title_agency(block.text)) is None:
        return None
    year = re.search(YEAR, block.text)
    return agency, year.group() if year else ""


def _issued_by(notice: Block, title: Block, between: list[Block]) -> bool:
    """Whether ``title`` is the document an issuing notice issues: the notice's title names it
    (关于印发X的通知), or its text does (现将《X》印发给你们)."""
    if not isinstance(notice, Paragraph) or not isinstance(title, Paragraph):
        return False
    head, name = clean_line(notice.text), TITLE_QUOTES.sub("", clean_line(title.text))
    if not ISSUING_NOTICE.search(head) or len(name) < 4:
        return False
    return name in TITLE_QUOTES.sub("", head) or any(
        isinstance(b, Paragraph) and f"《{name}》" in b.text for b in between
    )


def segment(blocks: list[Block]) -> list[Segment]:
    """Split blocks into documents at titles naming an agency.

    A file whose titles all name one agency and year (a page that repeats its title) is one
    document, and so is a file with fewer than two such titles; an issuing notice and the document
    it issues (关于印发X的通知, then X) are one document. Each document keeps the furniture
    lines dropped from inside it; those before the first document of a compilation belong to the
    page, not to a document.
    """
    blocks, dropped = _drop_furniture(join_split_titles(split_run_in_titles(blocks)))
    notes = _furniture_note(dropped)
    keyed: list[tuple[int, tuple[str, str]]] = []
    for i, block in enumerate(blocks):
        if (k := _title_key(block)) is None:
            continue
        if keyed and _issued_by(blocks[keyed[-1][0]], block, blocks[keyed[-1][0] + 1 : i]):
            continue  # the document a notice issues belongs to the notice
        keyed.append((i, k))
    if len({k for _, k in keyed}) < 2:
        return [Segment(0, blocks, notes, [t for _, t in dropped])]
    starts = [i for n, (i, k) in enumerate(keyed) if n == 0 or keyed[n - 1][1] != k]
    if starts[0] > 0:
        notes.append(f"skipped {starts[0]} line(s) before the first document (page header, contents list)")
    segments: list[Segment] = []
    for a, b in zip(starts, [*starts[1:], len(blocks)], strict=True):
        piece = blocks[a:b]
        if _body_chars(piece) < MIN_BODY_CHARS:
            notes.append(f"skipped a title with no text after it: {piece[0].text!r}")  # type: ignore[union-attr]
            continue
        # A furniture line belongs to the document of the block it followed.
        furniture = [t for pos, t in dropped if a < pos <= b]
        segments.append(Segment(len(segments), piece, furniture=furniture))
    if segments:
        segments[0].warnings[:0] = notes
    return segments
