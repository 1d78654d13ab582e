"""HTML reader: visible text as paragraphs and data tables as grids, page chrome left out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import lxml.html
from lxml import etree

from govdisc.model import Block, Document, Paragraph, ReadError, Table

from .encoding import declared_charset, decode_bytes
from .limits import CellBudget

DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "select",
    }
    | {"button", "head", "object", "embed", "svg", "canvas", "audio", "video", "map", "input", "textarea"}
)
BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article"}
    | {
        "main",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "center",
        "hr",
        "body",
        "html",
        "caption",
    }
    | {"tr", "td", "th", "tbody", "thead", "tfoot", "table", "fieldset", "details", "summary", "title"}
)
_BOILERPLATE = re.compile(
    r"^(?:nav\w*|\w*nav|menu\w*|\w*menu|bread\w*|\w*crumbs?|footer|foot|header|sidebar|share\w*|\w*share)$"
)
_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_WS = re.compile(r"[\s\u00a0\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
BREAK = None


class _Free:
    """A grid position no cell or span has taken yet."""


_FREE = _Free()
Token = str | Table | None


def is_cjk(ch: str) -> bool:
    """True for CJK ideographs, CJK punctuation and full-width forms."""
    return bool(ch) and ("\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef")


def collapse_ws(text: str) -> str:
    """One space for each whitespace run (nbsp and ideographic space included), none for a source line
    break between two CJK characters; stripped at both ends."""
    text = _ZERO_WIDTH.sub("", text)

    def repl(m: re.Match[str]) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if ("\n" in m.group() or "\r" in m.group()) and is_cjk(before) and is_cjk(after):
            return ""
        return " "

    return _WS.sub(repl, text).strip()


def _tokens(value: str) -> list[str]:
    """Lower-cased words of a class or id value (split on punctuation and camelCase)."""
    return [w.lower() for w in _WORDS.findall(value)] + [w.lower() for w in re.split(r"[\s_-]+", value) if w]


def is_boilerplate(el: etree._Element) -> bool:
    """True when the id or class marks navigation, menus, breadcrumbs, headers, footers or sharing."""
    value = f"{el.get('id', '')} {el.get('class', '')}".strip()
    return bool(value) and any(_BOILERPLATE.match(token) for token in _tokens(value))


def is_hidden(el: etree._Element) -> bool:
    """True for elements hidden by the hidden attribute, aria-hidden or an inline display:none style."""
    return el.get("hidden") is not None or bool(_HIDDEN.search(el.get("style", "")))


def _in_article(el: etree._Element) -> bool:
    """True when the element sits inside an <article> or <main> (its <header> is the article's title)."""
    return any(True for _ in el.iterancestors("article", "main"))


def _droppable(el: etree._Element) -> bool:
    """Tags that never carry content, plus hidden elements (an article's own <header> is kept)."""
    if el.tag == "header" and _in_article(el):
        return False
    return el.tag in DROP_TAGS or is_hidden(el)


def _detached(el: etree._Element, root: etree._Element) -> bool:
    """True when an ancestor was already removed, so the element no longer hangs under root."""
    return not any(anc is root for anc in el.iterancestors())


def prune(root: etree._Element) -> None:
    """Remove non-content elements in place: scripts, forms, page chrome, hidden and boilerplate blocks.

    A block marked as boilerplate by its id/class is kept when it holds an <h1> or 40% of the page text.
    """
    for el in [el for el in root.iter() if isinstance(el.tag, str) and _droppable(el)]:
        if not _detached(el, root):
            _html(el).drop_tree()
    total = len(_html(root).text_content())
    marked = [el for el in root.iter() if isinstance(el.tag, str) and el.tag not in ("html", "body")]
    for el in marked:
        if not is_boilerplate(el) or _detached(el, root) or el.find(".//h1") is not None:
            continue
        if len(_html(el).text_content()) < 0.4 * total:
            _html(el).drop_tree()


def _html(el: etree._Element) -> lxml.html.HtmlElement:
    """An element of a page parsed by lxml.html (which has ``drop_tree`` and ``text_content``)."""
    return cast(lxml.html.HtmlElement, el)


def _elements(found: object) -> list[etree._Element]:
    """The elements an XPath query returned."""
    return [el for el in cast(list[object], found) if isinstance(el, etree._Element)]


_SECTIONS = ("thead", "tbody", "tfoot")


def _table_rows(table: etree._Element) -> list[etree._Element]:
    """The rows that belong to this table (not to tables nested in its cells), in document order."""
    rows = []
    for child in table:
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _SECTIONS:
            rows.extend(row for row in child if row.tag == "tr")
    return rows


def _cells(tr: etree._Element) -> list[etree._Element]:
    """The cells of one row."""
    return [cell for cell in tr if cell.tag in ("td", "th")]


def _span(cell: etree._Element, name: str) -> int:
    """rowspan/colspan as a sane positive integer (at most 200)."""
    value = str(cell.get(name, "1")).strip()
    return min(max(int(value), 1), 200) if value.isdigit() and len(value) <= 9 else 1


def is_layout_table(table: etree._Element) -> bool:
    """Layout tables: role=presentation, a single cell, or one row/column wrapping another table."""
    if table.get("role") == "presentation":
        return True
    rows = _table_rows(table)
    cells = [c for tr in rows for c in _cells(tr)]
    if len(cells) <= 1:
        return True
    nested = any(c.find(".//table") is not None for c in cells)
    width = max((len(_cells(tr)) for tr in rows), default=0)
    return nested and (len(rows) == 1 or width == 1)


def table_grid(table: etree._Element, budget: CellBudget) -> list[list[str | None]]:
    """The table as a grid: a spanning cell's text at its origin, None where the span covers.

    The positions each span covers, then rows × columns of the grid, count against the document's
    ``budget`` (a rowspan never reaches past the table's last row).
    """
    rows = _table_rows(table)
    grid: list[list[str | _Free | None]] = [[] for _ in rows]
    for r, tr in enumerate(rows):
        c = 0
        for cell in _cells(tr):
            while c < len(grid[r]) and grid[r][c] is not _FREE:
                c += 1
            rowspan = min(_span(cell, "rowspan"), len(rows) - r)
            colspan = _span(cell, "colspan")
            budget.charge(rowspan * colspan, len(rows), c + colspan)
            for covered in grid[r : r + rowspan]:
                covered.extend([_FREE] * (c + colspan - len(covered)))
                covered[c : c + colspan] = [None if isinstance(v, _Free) else v for v in covered[c : c + colspan]]
            grid[r][c] = cell_text(cell, budget)
            c += colspan
    width = max(map(len, grid), default=0)
    budget.charge(len(rows) * width, len(rows), width)
    return [["" if isinstance(v, _Free) else v for v in row] + [""] * (width - len(row)) for row in grid]


def cell_text(cell: etree._Element, budget: CellBudget) -> str:
    """A cell's paragraphs joined by newlines; nested tables give one line per row."""
    tokens: list[Token] = []
    _walk_children(cell, tokens, True, budget)
    return "\n".join(p.text for p in assemble(tokens) if isinstance(p, Paragraph))


def _flatten(table: etree._Element, budget: CellBudget) -> list[Token]:
    """A nested table as text: one line per row, cells separated by spaces."""
    out: list[Token] = [BREAK]
    for row in table_grid(table, budget):
        out += [" ".join(c.replace("\n", " ") for c in row if c), BREAK]
    return out


def _walk_children(el: etree._Element, out: list[Token], in_cell: bool, budget: CellBudget) -> None:
    """Walk the element's text and children."""
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out, in_cell, budget)
        if child.tail:
            out.append(child.tail)


def _walk(el: etree._Element, out: list[Token], in_cell: bool, budget: CellBudget) -> None:
    """Append the element's text, paragraph breaks and tables to ``out`` (its tail is the caller's);
    table grids count against the document's cell ``budget``."""
    if not isinstance(el.tag, str):
        return
    tag = el.tag.lower()
    if tag == "br":
        out.append(BREAK)
    elif tag == "table" and not is_layout_table(el):
        out.append(BREAK)
        if in_cell:
            out.extend(_flatten(el, budget))
        else:
            for caption in _elements(el.xpath("./caption")):
                _walk(caption, out, in_cell, budget)
            grid = table_grid(el, budget)
            if any(c for row in grid for c in row):
                out.append(Table.from_rows(grid))
        out.append(BREAK)
    elif tag in BLOCK_TAGS:
        out.append(BREAK)
        _walk_children(el, out, in_cell, budget)
        out.append(BREAK)
    else:
        _walk_children(el, out, in_cell, budget)


def assemble(tokens: list[Token]) -> list[Block]:
    """Turn walked tokens into blocks: text between breaks becomes one whitespace-collapsed Paragraph."""
    blocks: list[Block] = []
    buf: list[str] = []

    def flush() -> None:
        text = collapse_ws("".join(buf))
        if text:
            blocks.append(Paragraph(text))
        buf.clear()

    for token in tokens:
        if isinstance(token, str):
            buf.append(token)
        else:
            flush()
            if isinstance(token, Table):
                blocks.append(token)
    flush()
    return blocks


def parse_html(text: str) -> etree._Element:
    """Parse markup (a whole page or a fragment) into an lxml document tree."""
    text = _XML_DECL.sub("", text).replace("\x00", "")
    if not text.strip():
        raise ReadError("no text: the html is empty")
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except etree.ParserError as exc:
        raise ReadError(f"cannot parse html ({exc})") from None
    if any("Excessive depth" in e.message for e in parser.error_log):
        raise ReadError("html nested too deeply (over 256 levels): refused")
    return root


def html_blocks(root: etree._Element) -> list[Block]:
    """Paragraphs and tables of a parsed page in document order."""
    prune(root)
    body = root.find("body")
    tokens: list[Token] = []
    _walk(body if body is not None else root, tokens, False, CellBudget())
    return assemble(tokens)


def read_html(path: Path) -> Document:
    """Read an HTML page: charset from BOM, meta or detection; text paragraphs and tables in order."""
    path = Path(path)
    data = path.read_bytes()
    decoded = decode_bytes(data, declared=declared_charset(data))
    blocks = html_blocks(parse_html(decoded.text))
    return Document(path, blocks, decoded.warnings, decoded.encoding)
