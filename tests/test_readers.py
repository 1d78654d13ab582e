"""The four readers on files written by real tools (python-docx, reportlab, codecs) and on real reports."""

from __future__ import annotations

import random
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from govdisc.model import Document, Paragraph, ReadError, Table
from govdisc.read import read_document
from govdisc.read.docx import read_docx
from govdisc.read.html import read_html
from govdisc.read.pdf import Line, PageContent, page_content, paragraphs, plumber_objects, read_pdf
from govdisc.read.pdf_pdfium import page_objects
from govdisc.read.txt import read_txt

SAMPLES = sorted((Path(__file__).parents[1] / "samples").glob("*.txt"))

LONG = (
    "本年度共收到政府信息公开申请一百二十件，其中自然人申请九十八件，法人或其他组织申请二十二件，"
    "全部在法定期限内予以答复，答复率达到百分之百，群众满意度进一步提升，依申请公开工作更加规范。"
) * 2


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def kinds(doc: Document) -> str:
    return "".join("T" if isinstance(b, Table) else "P" for b in doc.blocks)


# --- txt -------------------------------------------------------------------------------------------

GB_TEXT = "2023年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请12件，均已按时答复。"
BIG5_TEXT = "臺北市政府資訊公開工作年度報告\n一、總體情況\n本年度共收到申請12件，處理結果詳見附表。"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (GB_TEXT, "utf-8", "utf-8"),
        (GB_TEXT, "utf-8-sig", "utf-8-sig"),
        (GB_TEXT, "gb18030", "gb18030"),
        (GB_TEXT, "gbk", "gb18030"),
        (GB_TEXT, "gb2312", "gb18030"),
        (BIG5_TEXT, "big5", "big5"),
        (GB_TEXT, "utf-16", "utf-16"),
        (GB_TEXT, "utf-16-be", "utf-16-be"),
        ("Annual report 2023\n第一行 line one\n第二行 line two", "utf-16-le", "utf-16-le"),
        ("政府信息公开", "gb18030", "gb18030"),
        ("資訊公開報告", "big5", "big5"),
    ],
)
def test_txt_encodings(tmp_path: Path, text: str, codec: str, expected: str) -> None:
    path = tmp_path / f"{codec}.txt"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    doc = read_txt(path)
    assert texts(doc) == text.splitlines()
    assert doc.encoding is not None and doc.encoding.startswith(expected)
    assert doc.warnings == []


def test_txt_lines_keep_indent_and_tabs(tmp_path: Path) -> None:
    path = tmp_path / "lines.txt"
    path.write_bytes("  第一行  \r\n\r\n\t工作任务\t具体要求\r\n \u3000 \r\n第三行\r\n".encode())
    assert texts(read_txt(path)) == ["  第一行", "\t工作任务\t具体要求", "第三行"]


def test_txt_lossy_gb18030_warns(tmp_path: Path) -> None:
    path = tmp_path / "lossy.txt"
    path.write_bytes(GB_TEXT.encode("gb18030") + b"\x80" + "答复率百分之百。".encode("gb18030"))
    doc = read_txt(path)
    assert doc.encoding == "gb18030"
    assert doc.warnings
    assert texts(doc)[0] == "2023年政府信息公开工作年度报告"


@pytest.mark.parametrize("data", [bytes(range(256)) * 20, random.Random(7).randbytes(5000)])
def test_txt_binary_is_rejected(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError, match="binary data, not text"):
        read_txt(path)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name[:3])
def test_seed_samples_read(path: Path) -> None:
    doc = read_document(path)
    assert len(texts(doc)) >= 10
    assert doc.warnings == []


# --- docx ------------------------------------------------------------------------------------------


def _write_docx(path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("一、总体情况")
    document.add_paragraph("表格之前的段落。")
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(0, 1)).text = "申请人情况"
    table.cell(0, 2).text = "总"
    table.cell(0, 2).add_paragraph("计")
    table.cell(1, 0).merge(table.cell(2, 0)).text = "自然人"
    for (r, c), value in {(1, 1): "821", (1, 2): "859", (2, 1): "35", (2, 2): "18"}.items():
        table.cell(r, c).text = value
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "嵌套"
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "甲", (0, 1): "1", (1, 0): "乙", (1, 1): "2"}.items():
        inner.cell(r, c).text = value
    after = document.add_paragraph("表格之后的段落。")
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    after._p.addnext(sdt)
    document.save(str(path))


def test_docx_body_order_and_merges(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    _write_docx(path)
    doc = read_docx(path)
    assert kinds(doc) == "PPTTPP"
    assert texts(doc) == ["一、总体情况", "表格之前的段落。", "表格之后的段落。", "控件中的段落"]
    merged, nested = tables(doc)
    assert merged.rows == (
        ("申请人情况", None, "总\n计"),
        ("自然人", "821", "859"),
        (None, "35", "18"),
    )
    assert nested.rows == (("嵌套", "甲 1\n乙 2"),)
    assert merged.page is None


def test_docx_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.docx"
    path.write_text("这不是一个 Word 文件", encoding="utf-8")
    with pytest.raises(ReadError, match=r"not a docx \(not a zip archive\)"):
        read_docx(path)


def test_docx_zip_without_document(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match=r"no word/document.xml"):
        read_docx(path)


# --- pdf -------------------------------------------------------------------------------------------


def _write_pdf(path: Path, font: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, SimpleDocTemplate, TableStyle
    from reportlab.platypus import Paragraph as RLParagraph
    from reportlab.platypus import Table as RLTable

    style = ParagraphStyle("zh", fontName=font, fontSize=12, leading=18, wordWrap="CJK", spaceAfter=8)
    grid = RLTable(
        [["信息内容", "本年新\n制作数量", "对外公开总数量"], ["规章", "13", "524"], ["规范性文件", "60", ""]],
        style=TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("SPAN", (1, 2), (2, 2)),
            ]
        ),
    )

    def footer(canvas, document) -> None:
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")

    story = [
        RLParagraph("一、总体情况", style),
        RLParagraph(LONG, style),
        RLParagraph("（一）主动公开", style),
        grid,
        RLParagraph("二、其他事项", style),
        PageBreak(),
        RLParagraph("第二页的内容。", style),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)


def test_pdf_paragraphs_tables_pages(tmp_path: Path, cjk_font: str) -> None:
    path = tmp_path / "report.pdf"
    _write_pdf(path, cjk_font)
    with pdfplumber.open(path) as pdf:
        assert LONG not in pdf.pages[0].extract_text().splitlines()
    doc = read_pdf(path)
    assert kinds(doc) == "PPPTPP"
    assert texts(doc) == ["一、总体情况", LONG, "（一）主动公开", "二、其他事项", "第二页的内容。"]
    (table,) = tables(doc)
    assert table.rows == (
        ("信息内容", "本年新\n制作数量", "对外公开总数量"),
        ("规章", "13", "524"),
        ("规范性文件", "60", None),
    )
    assert table.page == 1
    assert [b.page for b in doc.blocks] == [1, 1, 1, 1, 1, 2]
    assert not any(re.fullmatch(r"- \d+ -", t) for t in texts(doc))


def test_pdf_line_joining_rules() -> None:
    full = [Line("本年度共收到申请一百件，其中自然人申请九十件，法人申请", 50, 500, 100, 112)]
    heading = Line("（二）依申请公开情况", 50, 170, 118, 130)
    wrapped = Line("十件。", 50, 86, 118, 130)
    assert [t for _, t in paragraphs([*full, heading], 500, 50)] == [full[0].text, heading.text]
    assert [t for _, t in paragraphs([*full, wrapped], 500, 50)] == [full[0].text + wrapped.text]
    short = Line("短行。", 50, 86, 100, 112)
    assert len(paragraphs([short, wrapped], 500, 50)) == 2


def test_pdf_encrypted(tmp_path: Path, cjk_font: str) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "locked.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    canvas.setFont(cjk_font, 12)
    canvas.drawString(72, 720, "加密文件")
    canvas.save()
    with pytest.raises(ReadError, match="pdf is encrypted"):
        read_pdf(path)


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "scan.pdf"
    canvas = Canvas(str(path))
    canvas.rect(72, 72, 300, 400, fill=1)
    canvas.save()
    with pytest.raises(ReadError, match=r"no text: the pdf has no text layer \(scanned\?\)"):
        read_pdf(path)


def test_pdf_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.pdf"
    path.write_bytes(random.Random(3).randbytes(4096).replace(b"%PDF", b"...."))
    with pytest.raises(ReadError, match=r"not a pdf \(no %PDF header\)"):
        read_pdf(path)


def test_pdf_truncated(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + random.Random(5).randbytes(2048))
    with pytest.raises(ReadError):
        read_document(path)


def _contents_both_ways(path: Path) -> list[tuple[PageContent | None, PageContent]]:
    """Each page's content read through pdfium and through pdfplumber alone; pdfium's is None where it defers."""
    import pypdfium2 as pdfium

    out = []
    doc = pdfium.PdfDocument(str(path))
    with pdfplumber.open(path) as pdf:
        doctop = 0.0
        for index, page in enumerate(pdf.pages):
            objects = page_objects(doc[index], index + 1, doctop)
            doctop += page.height
            out.append((objects and page_content(objects), page_content(plumber_objects(page))))
    doc.close()
    return out


def _assert_same_content(fast: PageContent | None, slow: PageContent) -> None:
    assert fast is not None
    assert [rows for _, rows in fast.tables] == [rows for _, rows in slow.tables]
    assert [top for top, _ in fast.tables] == pytest.approx([top for top, _ in slow.tables], abs=0.01)
    assert [ln.text for ln in fast.lines] == [ln.text for ln in slow.lines]


def test_pdf_pdfium_pages_match_pdfplumber(tmp_path: Path, cjk_font: str) -> None:
    path = tmp_path / "report.pdf"
    _write_pdf(path, cjk_font)
    for fast, slow in _contents_both_ways(path):
        _assert_same_content(fast, slow)


def test_pdf_hyphen_mark_is_read_as_a_hyphen(tmp_path: Path) -> None:
    """pdfium marks a hyphen that ends a line 0x02: read as "-", the line joined to the next."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(tmp_path / "hyphen.pdf"))
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "The open government infor-")
    canvas.drawString(72, 686, "mation report of the year")
    canvas.save()
    assert (
        read_document(tmp_path / "hyphen.pdf").blocks[0].text == "The open government infor-mation report of the year"
    )


def test_pdf_max_pages(tmp_path: Path, cjk_font: str) -> None:
    path = tmp_path / "report.pdf"
    _write_pdf(path, cjk_font)
    with pytest.raises(ReadError, match=r"^too many pages \(2 > 1; raise the limit with --max-pages\)$"):
        read_pdf(path, max_pages=1)
    assert texts(read_pdf(path, max_pages=2)) == texts(read_pdf(path))


def test_pdf_glyph_pdfium_cannot_measure(tmp_path: Path, cjk_font: str) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "colon.pdf"
    canvas = Canvas(str(path))
    canvas.setFont(cjk_font, 12)
    canvas.drawString(72, 720, "现将工作情况总结如下")
    canvas.drawString(72, 700, "：")
    canvas.drawString(72, 680, "一、总体情况")
    canvas.save()
    assert "：" in "".join(texts(read_pdf(path)))


def test_pdf_rotated_page(tmp_path: Path, cjk_font: str) -> None:
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "rotated.pdf"
    canvas = Canvas(str(path))
    canvas.setFont(cjk_font, 12)
    canvas.drawString(72, 720, "第一页")
    canvas.showPage()
    canvas.setPageRotation(90)
    canvas.setFont(cjk_font, 12)
    canvas.drawString(72, 720, "旋转的页面")
    canvas.save()
    doc = read_pdf(path)
    assert [(b.text, b.page) for b in doc.blocks] == [("第一页", 1), ("旋转的页面", 2)]


# --- html ------------------------------------------------------------------------------------------

HTML_GBK = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>页面标题</title><style>.x {color: red}</style>
<script>var s = "脚本文字";</script></head>
<body>
<nav><a href="/">首页</a><a href="/x">导航文字</a></nav>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>
<div id="content">
<h1>2023年政府信息公开工作年度报告</h1>
<p>本年度&nbsp;&nbsp;收到申请<b>12</b>件，&lt;条例&gt; &amp; 规定&#x3002;</p>
<p>第一行<br>第二行</p>
<table border="1">
<tr><td rowspan="2">申请人情况</td><td colspan="2">自然人</td></tr>
<tr><td>821</td><td>35</td></tr>
<tr><th>总计</th><td>859</td><td>18</td></tr>
</table>
<p>政府
   信息公开\u3000\u3000工作 </p>
</div>
<div class="footer">版权所有</div>
</body></html>"""


def test_html_gbk_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(HTML_GBK.encode("gbk"))
    doc = read_html(path)
    assert doc.encoding == "gb18030"
    assert kinds(doc) == "PPPPTP"
    assert texts(doc) == [
        "2023年政府信息公开工作年度报告",
        "本年度 收到申请12件，<条例> & 规定。",
        "第一行",
        "第二行",
        "政府信息公开 工作",
    ]
    (table,) = tables(doc)
    assert table.rows == (
        ("申请人情况", "自然人", None),
        (None, "821", "35"),
        ("总计", "859", "18"),
    )
    joined = "\n".join(texts(doc))
    for absent in ("脚本", "导航", "当前位置", "版权所有", "页面标题", "821", "申请人情况"):
        assert absent not in joined


def test_html_nested_table_flattened(tmp_path: Path) -> None:
    path = tmp_path / "nested.htm"
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        "<table><tr><td>项目</td><td>明细</td></tr>"
        "<tr><td>收费</td><td><table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    path.write_text(page, encoding="utf-8")
    doc = read_html(path)
    assert doc.encoding == "utf-8"
    (table,) = tables(doc)
    assert table.rows == (("项目", "明细"), ("收费", "甲 1\n乙 2"))
    assert texts(doc) == []


# --- the shared corpus -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["shanghai_bgt_2019.docx", "shanghai_bgt_2019.html", "shanghai_bgt_2019.pdf", "hongze_2023.pdf"]
)
def test_corpus_reports(corpus: Path, name: str) -> None:
    doc = read_document(corpus / name)
    found = tables(doc)
    assert found and len(texts(doc)) >= 5
    if name.endswith(".pdf"):
        assert all(isinstance(t.page, int) and t.page >= 1 for t in found)
        assert all(isinstance(b.page, int) for b in doc.blocks)


@pytest.mark.parametrize("name", ["hongze_2023.pdf", "hongze_2024.pdf", "huaian_2024.pdf", "shanghai_bgt_2019.pdf"])
def test_corpus_pdf_pdfium_matches_pdfplumber(corpus: Path, name: str) -> None:
    for fast, slow in _contents_both_ways(corpus / name):
        _assert_same_content(fast, slow)
