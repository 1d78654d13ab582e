"""Hypothesis strategies for fuzzing govdisc: Chinese-heavy text, damaged seed lines, tables, documents."""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from govdisc.model import Block, Paragraph, Table
from govdisc.normalize.mojibake import misalign
from tests.helpers import FIXTURES, SAMPLES

#: Seed files written in clean simplified Chinese (004 is traditional and garbled on purpose).
CLEAN_SEEDS = [*sorted(SAMPLES.glob("00[0-3]_*.txt")), *sorted((FIXTURES / "annual").glob("*.txt"))]
ALL_SEEDS = sorted({*CLEAN_SEEDS, *SAMPLES.glob("*.txt")})


def _lines(paths: list[Path]) -> list[str]:
    return [line for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


#: Every non-blank line of the seed texts.
SEED_LINES = _lines(ALL_SEEDS)
#: Seed lines that need no repair but punctuation and spacing: clean simplified text, no HTML markup.
CLEAN_LINES = [line for line in _lines(CLEAN_SEEDS) if "<" not in line and "&" not in line]
#: Short seed lines, cheap to damage many times over.
SHORT_LINES = [line for line in SEED_LINES if len(line) <= 160]

_PUNCTUATION = "，。、；：（）《》“”！？,.;:()|\t\n?-/—%〔〕·*"
_PINYIN = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"

#: One character of the kinds the readers meet in real pages.
CHARS = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from("政府信息公开申请件条年度报告工作总结局市区县人民办公室行政复议诉讼主动收到同意部分不予处理结转"),
    st.sampled_from(_PUNCTUATION),
    st.sampled_from("0123456789"),
    st.sampled_from("零〇一二两三四五六七八九十百千万亿近余超约多"),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(_PINYIN),
    st.sampled_from(" \u3000\u00a0\u200b\ufeff\r"),
    st.characters(min_codepoint=0x2F00, max_codepoint=0x2FD5),
    st.characters(min_codepoint=0x2E80, max_codepoint=0x2EF3),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),
    st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
    st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF),
    st.characters(codec="utf-8"),
)

#: Pieces of text that exercise particular repairs and rules.
FRAGMENTS = (
    "<p>", "</p>", "<br/>", "<span style=\"x\">", "</div>", "<o:p></o:p>", "&nbsp;", "&amp;", "&lt;p&gt;",
    "&#12288;", "&#x4e00;", "&foo;", "區(qū)", "務(wù)", "(shè", "（wù）", ",,", ",、", ",;", "，，", "、、", "。。",
    "?。ㄒ唬┲鲃庸_情況", "２０２１", "ＰＤＦ", "⼀⽐⻓⻔⺠", " | ", "|", "2021年", "2022年度", "近", "余", "超过", "约",
    "件", "条", "宗", "次", "个", "元", "万", "1,490", "1.2万", "三十五", "两万零五百",
    "收到政府信息公开申请", "全年共发布公开信息", "主动公开政府信息", "发布政策解读", "举办新闻发布会",
    "回应关切", "同意公开的", "部分公开", "信息不存在的", "上年结转", "结转下年度继续办理", "行政复议",
    "行政诉讼", "没有收到政府信息公开申请", "未发生行政复议", "无行政诉讼", "人大代表建议", "政协委员提案",
    "收取信息处理费", "没有收取任何费用", "其中", "微博", "共", "达", "为", "。", "，", "；", "\n",
)  # fmt: skip

#: Random text: characters and fragments mixed.
TEXT = st.lists(st.one_of(st.text(CHARS, max_size=8), st.sampled_from(FRAGMENTS)), max_size=24).map("".join)


def _drop_byte(text: str, at: int) -> str:
    raw = text.encode("gb18030")
    if not raw:
        return text
    at %= len(raw)
    return (raw[:at] + raw[at + 1 :]).decode("gb18030", errors="replace")


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A seed line with random insertions, deletions, replacements and GB18030 byte damage."""
    text = draw(st.sampled_from(SHORT_LINES))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("insert", "delete", "replace", "drop_byte", "misalign", "splice")))
        at = draw(st.integers(0, len(text)))
        if op == "insert":
            text = text[:at] + draw(st.one_of(st.sampled_from(FRAGMENTS), st.text(CHARS, max_size=4))) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 6)) :]
        elif op == "replace" and at < len(text):
            text = text[:at] + draw(CHARS) + text[at + 1 :]
        elif op == "drop_byte":
            text = _drop_byte(text, draw(st.integers(0, 4 * len(text) + 4)))
        elif op == "misalign" and at < len(text):
            end = min(len(text), at + draw(st.integers(2, 40)))
            text = text[:at] + misalign(text[at:end]) + text[end:]
        elif op == "splice":
            text = text[:at] + draw(st.sampled_from(SHORT_LINES))
    return text


#: Random or damaged text of one line or a few.
ANY_TEXT = st.one_of(TEXT, mutated(), st.sampled_from(SHORT_LINES))

TABLE3_LABELS = (
    "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计",
    "一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量",
    "上年结转政府信息公开申请数量", "三、本年度办理结果", "（一）予以公开", "(一)予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（三）不予公开", "1.属于国家秘密",
    "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息",
    "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项", "（四）无法提供", "1.本机关不掌握相关政府信息",
    "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请",
    "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息", "（六）其他处理",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "合计",
    "四、结转下年度继续办理", "结转下年度继续办理",
)  # fmt: skip
TABLE4_LABELS = ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果",
                 "尚未审结", "总计")  # fmt: skip
TABLE2_LABELS = (
    "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
    "规范性文件", "第二十条第（五）项", "本年处理决定数量", "行政许可", "行政处罚", "行政强制", "第二十条第（八）项",
    "本年收费金额（单位：万元）", "行政事业性收费", "本年新制作数量", "本年新公开数量", "对外公开总数量",
    "上一年项目数量", "本年增/减", "处理决定数量", "其他对外管理服务事项", "政府集中采购", "采购项目数量",
    "采购总金额", "申请总数", "同意公开", "部分同意公开", "信息不存在", "主动公开政府信息数", "收取费用（元）",
)  # fmt: skip
LABELS = TABLE3_LABELS + TABLE4_LABELS + TABLE2_LABELS

#: A value cell as tables print it.
NUMBER_CELL = st.one_of(
    st.integers(0, 10**6).map(str),
    st.integers(-50, 50).map(lambda n: f"{n:+d}"),
    st.sampled_from(("7730.28", "1,234", "251000元", "5万元", "0.5", "12件", "3条", "1.2.3", "1,2", "007")),
)
BLANK_CELL = st.sampled_from(("", "/", "／", "-", "—", "——", "无", "\\", " "))
CELL = st.one_of(
    NUMBER_CELL, NUMBER_CELL, BLANK_CELL, st.sampled_from(LABELS), st.text(CHARS, max_size=6), st.just(None)
)


@st.composite
def random_grid(draw: st.DrawFn) -> Table:
    """A grid of random cells, labels from the real vocabulary among them."""
    width = draw(st.integers(1, 17))
    rows = draw(st.lists(st.lists(CELL, min_size=1, max_size=width), min_size=1, max_size=12))
    return Table.from_rows(rows, draw(st.one_of(st.none(), st.integers(1, 9))))


#: The rows of table 3 in the template's order (2021 template, with the 2019 （六）其他处理 row).
TABLE3_ORDER = TABLE3_LABELS[9:]
#: A value cell of a filled table: mostly numbers, sometimes blank.
FILLED_CELL = st.one_of(*[NUMBER_CELL] * 6, st.just(""), st.just(""), BLANK_CELL)


def _values(draw: st.DrawFn, width: int) -> list[str | None]:
    """``width`` value cells; now and then one too many or too few, or a label among them."""
    n = max(width + draw(st.sampled_from((0, 0, 0, 0, 0, 0, -1, 1))), 0)
    cells: list[str | None] = draw(st.lists(FILLED_CELL, min_size=n, max_size=n))
    if cells and not draw(st.integers(0, 7)):
        cells[draw(st.integers(0, n - 1))] = draw(st.one_of(st.sampled_from(LABELS), st.text(CHARS, max_size=4)))
    return cells


def _some(draw: st.DrawFn, labels: tuple[str, ...]) -> list[str]:
    """``labels`` in order, some dropped, now and then one repeated or swapped."""
    kept = [label for label in labels if draw(st.integers(0, 9))]
    if kept and not draw(st.integers(0, 4)):
        i, j = draw(st.integers(0, len(kept) - 1)), draw(st.integers(0, len(kept) - 1))
        kept[i], kept[j] = kept[j], kept[i]
    if kept and not draw(st.integers(0, 4)):
        kept.insert(draw(st.integers(0, len(kept))), draw(st.sampled_from(kept)))
    return kept


@st.composite
def table3_rows(draw: st.DrawFn) -> list[list[str | None]]:
    """Table 3 as the templates lay it out, with random figures, blanks and slips."""
    rows: list[list[str | None]] = [
        ["申请人情况", None, "自然人", "法人或其他组织", None, None, None, None, "总计"],
        [None, None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None],
    ]
    rows += [[label, None, *_values(draw, 7)] for label in _some(draw, TABLE3_ORDER)]
    return rows


@st.composite
def table4_rows(draw: st.DrawFn) -> list[list[str | None]]:
    """Table 4: the group headers, the column headers, one row of fifteen figures."""
    return [
        ["行政复议", None, None, None, None, "行政诉讼", *[None] * 9],
        [*[None] * 5, "未经复议直接起诉", *[None] * 4, "复议后起诉", *[None] * 4],
        list(TABLE4_LABELS[4:] * 3),
        _values(draw, 15),
    ]


@st.composite
def table2_rows(draw: st.DrawFn) -> list[list[str | None]]:
    """Table 2 of the 2021 or the 2019 template, blocks and subjects sometimes dropped."""
    if draw(st.booleans()):
        blocks = [
            (["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
            (["信息内容", "本年处理决定数量"], ["行政许可", "行政处罚", "行政强制"]),
            (["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费"]),
        ]
    else:
        blocks = [
            (["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], ["规章", "规范性文件"]),
            (
                ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
                ["行政许可", "其他对外管理服务事项", "行政处罚", "行政强制"],
            ),
            (["信息内容", "上一年项目数量", "本年增/减"], ["行政事业性收费"]),
            (["信息内容", "采购项目数量", "采购总金额"], ["政府集中采购"]),
        ]
    rows: list[list[str | None]] = []
    for header, subjects in blocks:
        if draw(st.integers(0, 5)):
            rows.append(list(header))
            rows += [[subject, *_values(draw, len(header) - 1)] for subject in _some(draw, tuple(subjects))]
    return rows


#: The rows of one standard table.
TABLE_ROWS = st.one_of(table3_rows(), table4_rows(), table2_rows())


@st.composite
def shaped_grid(draw: st.DrawFn) -> Table:
    """A table 2, 3 or 4 as a grid."""
    return Table.from_rows(draw(TABLE_ROWS), draw(st.one_of(st.none(), st.integers(1, 9))))


def as_lines(rows: list[list[str | None]], form: str) -> list[str]:
    """Table rows as scraped text: cells joined by `` | ``, spaced numbers, or one cell per line."""
    cells = [[c for c in row if c is not None] for row in rows]
    if form == "pipes":
        return [" | ".join(row) for row in cells if row]
    if form == "spaces":
        return [" ".join(c for c in row if c.strip()) for row in cells if any(c.strip() for c in row)]
    return [c for row in cells for c in row if c.strip()]


@st.composite
def table_text(draw: st.DrawFn) -> list[str]:
    """A standard table as the lines of a scraped page."""
    return as_lines(draw(TABLE_ROWS), draw(st.sampled_from(("pipes", "spaces", "cells"))))


#: Degenerate grids: no rows, an empty row, only merged positions, only blanks.
EMPTY_GRIDS = (
    Table.from_rows([]),
    Table.from_rows([[]]),
    Table.from_rows([[None, None], [None]]),
    Table.from_rows([["", " "]]),
)
GRID = st.one_of(random_grid(), shaped_grid(), shaped_grid(), st.sampled_from(EMPTY_GRIDS))


@st.composite
def table_line(draw: st.DrawFn) -> str:
    """One line of a scraped table: cells joined by `` | ``, spaced numbers, or a lone number."""
    form = draw(st.sampled_from(("pipes", "spaces", "lone", "label")))
    label = draw(st.sampled_from(LABELS))
    if form == "pipes":
        return " | ".join([label, *draw(st.lists(st.one_of(NUMBER_CELL, BLANK_CELL), max_size=16))])
    if form == "spaces":
        return " ".join([label, *draw(st.lists(st.integers(0, 9999).map(str), max_size=16))])
    if form == "lone":
        return draw(NUMBER_CELL)
    return label


AGENCIES = ("某某市某某局", "蚌埠市公共资源局", "江门市江海区人民政府办公室", "滁州市水利局", "洪泽区人民政府",
            "固原市市场监管局", "淮安市人民政府", "上海市人民政府办公厅")  # fmt: skip
KINDS = ("政务公开工作总结", "政府信息公开工作年度报告", "政务公开工作要点", "政务公开工作任务分工方案",
         "政府信息公开工作情况", "政务公开工作总结和2023年工作要点")  # fmt: skip


@st.composite
def title_line(draw: st.DrawFn) -> str:
    """A document title naming an agency and a year, the way compilations print them."""
    agency, kind = draw(st.sampled_from(AGENCIES)), draw(st.sampled_from(KINDS))
    year = draw(st.integers(2015, 2025))
    return draw(st.sampled_from((f"{agency}{year}年{kind}", f"{year}年{agency}{kind}", f"{agency}{year}年度{kind}")))


LINE = st.one_of(title_line(), table_line(), table_line(), mutated(), st.sampled_from(SEED_LINES), TEXT)


ANNUAL_TITLE = st.builds("{}{}年政府信息公开工作年度报告".format, st.sampled_from(AGENCIES), st.integers(2015, 2025))


@st.composite
def document_blocks(draw: st.DrawFn) -> list[Block]:
    """The blocks of a random document: titles, prose, tables as grids and as text, with pages or not."""
    parts: list[list[str] | Table] = [[draw(ANNUAL_TITLE)]] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            parts.append(draw(GRID))
        elif kind == 1:
            parts.append(draw(table_text()))
        else:
            parts.append(draw(st.lists(LINE, min_size=1, max_size=3)))
    paged = draw(st.booleans())
    blocks: list[Block] = []
    for part in parts:
        page = len(blocks) // 8 + 1 if paged else None
        if isinstance(part, Table):
            blocks.append(Table(part.rows, page))
        else:
            blocks += [Paragraph(line, page) for line in part]
    return blocks
