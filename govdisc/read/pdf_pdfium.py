"""Page objects from pdfium, shaped like pdfplumber's: chars with pdfminer-style boxes, lines, rects and curves.

:func:`page_objects` returns None for a page pdfium cannot describe the way pdfminer would (rotated page or
text, offset boxes, glyphs without a unicode mapping, glyphs pdfium drops); the caller reads that page with
pdfplumber instead.

What pdfium tells of a page's chars, of its objects and of each path is read in one call each by the compiled
``govdisc.read._pdfium_scan`` (``_pdfium_scan.c``) where it was built at install, else by its pure-Python
reference here (``_scan_calls``, ``_objects_calls``, ``_path_calls``: one ctypes call per fact); both give
the same tuples, and the rest of the reader is the same Python either way.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

Obj = dict[str, Any]
Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_MAX_FORM_DEPTH = 8
_BAD_UNICODE = frozenset({0, 0xFFFD, 0xFFFE, 0xFFFF})
_MAYBE_GENERATED = frozenset(" \r\n")
_PDFIUM_HYPHEN = 0x02
_BEZIERTO = pdfium_c.FPDF_SEGMENT_BEZIERTO
_OPERATORS = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}


@dataclass
class PageObjects:
    """One page's chars and graphics in pdfplumber's dict shapes, top-down coordinates."""

    number: int
    bbox: tuple[float, float, float, float]
    chars: list[Obj]
    graphics: list[Obj] = field(default_factory=list)
    ocr: list[tuple[str, float]] | None = None  # read by OCR: its text boxes and their confidence
    drawings: int = 0  # objects of a page whose drawings were left unread: more than MAX_DRAWINGS


#: Drawing objects (paths) read from one page at most. A page of a report draws a few thousand (its
#: tables' rules, a chart); one with more is a map, a scan traced as vectors, or an attack, and
#: reading millions of them would take minutes: past this its drawings are not read (no ruled table
#: is found on it) and the reader says so.
MAX_DRAWINGS = 100_000


class _Pointer(ctypes.c_void_p):
    """A pointer from pdfium kept as a ctypes object (a subclass is not turned into an int), passed back as is."""


def _bare(function: Any, restype: Any = ctypes.c_int) -> Any:
    """pdfium's ``function`` without argument conversion: about 4× faster per call than pypdfium2's binding.

    Arguments go as C takes them untyped: ints as ``int``, ctypes objects (``_Pointer``, ``c_void_p``,
    ``byref``) as they are; so only int, pointer and ``byref`` arguments are passed, never a float, nor a
    pointer as an int.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    return ctypes.CFUNCTYPE(restype)(address)


def _handle(raw: Any) -> ctypes.c_void_p:
    """A pypdfium2 handle (page, text page) as a plain pointer, the quickest kind to pass."""
    return ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)


# the calls made once per char, path segment or page object; the rest go through pypdfium2
_COUNT_OBJECTS = _bare(pdfium_c.FPDFPage_CountObjects)
_OBJECT = _bare(pdfium_c.FPDFPage_GetObject, _Pointer)
_FORM_COUNT = _bare(pdfium_c.FPDFFormObj_CountObjects)
_FORM_OBJECT = _bare(pdfium_c.FPDFFormObj_GetObject, _Pointer)
_OBJECT_TYPE = _bare(pdfium_c.FPDFPageObj_GetType)
_OBJECT_MATRIX = _bare(pdfium_c.FPDFPageObj_GetMatrix)
_OBJECT_BOUNDS = _bare(pdfium_c.FPDFPageObj_GetBounds)
_TEXT_FONT = _bare(pdfium_c.FPDFTextObj_GetFont, _Pointer)
_FONT_EMBEDDED = _bare(pdfium_c.FPDFFont_GetIsEmbedded)
_DRAW_MODE = _bare(pdfium_c.FPDFPath_GetDrawMode)
_COUNT_SEGMENTS = _bare(pdfium_c.FPDFPath_CountSegments)
_SEGMENT = _bare(pdfium_c.FPDFPath_GetPathSegment, _Pointer)
_SEGMENT_TYPE = _bare(pdfium_c.FPDFPathSegment_GetType)
_SEGMENT_POINT = _bare(pdfium_c.FPDFPathSegment_GetPoint)
_SEGMENT_CLOSES = _bare(pdfium_c.FPDFPathSegment_GetClose)
_COUNT_CHARS = _bare(pdfium_c.FPDFText_CountChars)
_UNICODE = _bare(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
_IS_GENERATED = _bare(pdfium_c.FPDFText_IsGenerated)
_MAP_ERROR = _bare(pdfium_c.FPDFText_HasUnicodeMapError)
_TEXT_OBJECT = _bare(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)  # an int: the char's owner, a dict key
_LOOSE_BOX = _bare(pdfium_c.FPDFText_GetLooseCharBox)
_CHAR_MATRIX = _bare(pdfium_c.FPDFText_GetMatrix)
_FONT_SIZE = _bare(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_ADDRESS_BYTES = ctypes.sizeof(ctypes.c_void_p)


class _Buffers:
    """Out-parameters for pdfium's calls, allocated once per page rather than once per call."""

    def __init__(self) -> None:
        self.matrix = pdfium_c.FS_MATRIX()
        self.matrix_ref = ctypes.byref(self.matrix)


def _mul(m: Matrix, n: Matrix) -> Matrix:
    """The matrix applying ``m`` first, then ``n``."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def _matrix(obj: Any, buffers: _Buffers) -> Matrix:
    if not _OBJECT_MATRIX(obj, buffers.matrix_ref):
        return _IDENTITY
    fs = buffers.matrix
    return (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f)


def _walk(page: int, buffers: _Buffers) -> Iterator[tuple[int, int, Matrix]]:
    """Every page object (its address) with its type and the matrix of the forms around it."""
    stack: list[tuple[list[tuple[int, int]], int, Matrix, int]] = [(page_objects_of(page, True), 0, _IDENTITY, 0)]
    while stack:
        children, index, outer, depth = stack.pop()
        for i in range(index, len(children)):
            obj, kind = children[i]
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
                stack.append((children, i + 1, outer, depth))
                inner = _mul(_matrix(ctypes.c_void_p(obj), buffers), outer)
                stack.append((page_objects_of(obj, False), 0, inner, depth + 1))
                break
            yield obj, kind, outer


def _segments(raw: list[PathSegment]) -> list[tuple[str, Point, bool]]:
    """A path's points as (operator, point, closes) in the path's own space; a Bézier keeps its end point."""
    out: list[tuple[str, Point, bool]] = []
    bezier = 0
    for kind, x, y, closes in raw:
        if kind == _BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue
        else:
            bezier = 0
        out.append((_OPERATORS.get(kind, "l"), (x, y), closes))
    return out


def _subpaths(segments: list[tuple[str, Point, bool]]) -> Iterator[tuple[str, list[Point]]]:
    """Subpaths as pdfminer paints them: a shape string (``mlllh``...) and one point per operator."""
    shape = ""
    pts: list[Point] = []
    for op, pt, closes in segments:
        if op == "m" and shape:
            yield shape, pts
            shape, pts = "", []
        shape += op
        pts.append(pt)
        if closes:
            shape += "h"
            pts.append(pts[0])
    if shape:
        yield shape, pts


def _graphic(shape: str, pts: list[Point], height: float, stroke: bool, fill: bool) -> Obj | None:
    """A pdfplumber line, rect or curve from one subpath in page space (pdfminer's classification)."""
    if not shape.startswith("m") or len(pts) < 2:
        return None
    if len(shape) > 3 and shape.endswith("lh") and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts = pts[:-1]
    kind = "curve"
    if shape in ("mlh", "ml"):
        kind = "line"
        pts = pts[:2]
    elif shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            kind = "rect"
    xs = [p[0] for p in (pts if kind != "rect" else (pts[0], pts[2]))]
    ys = [p[1] for p in (pts if kind != "rect" else (pts[0], pts[2]))]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    obj: Obj = {
        "object_type": kind,
        "x0": x0,
        "x1": x1,
        "y0": y0,
        "y1": y1,
        "top": height - y1,
        "bottom": height - y0,
        "doctop": height - y1,
        "width": x1 - x0,
        "height": y1 - y0,
        "stroke": stroke,
        "fill": fill,
    }
    if kind != "rect":
        obj["pts"] = [(x, height - y) for x, y in pts]
    return obj


def _path_graphics(path: int, outer: Matrix, height: float, doctop: float) -> list[Obj]:
    fill, stroke, matrix, raw = path_facts(path)
    m = matrix or _IDENTITY
    if outer is not _IDENTITY:
        m = _mul(m, outer)
    out = []
    for shape, pts in _subpaths(_segments(raw)):
        obj = _graphic(shape, pts if m == _IDENTITY else [_apply(m, x, y) for x, y in pts], height, stroke, fill)
        if obj is not None:
            obj["doctop"] += doctop
            out.append(obj)
    return out


def _lost(obj: Any) -> bool:
    """True when pdfium cannot measure a text object's glyphs (a font it lacks) and so drops them.

    Whitespace has no extent either, but only in embedded fonts; glyphs of a missing font are lost text.
    """
    if _FONT_EMBEDDED(_TEXT_FONT(obj)):
        return False
    box = [ctypes.c_float() for _ in range(4)]
    _OBJECT_BOUNDS(obj, *(ctypes.byref(v) for v in box))
    left, bottom, right, top = (v.value for v in box)
    return right <= left and top <= bottom


def _style(inputs: Style, strict: bool) -> tuple[float, float, bytes] | None:
    """Font size in page units and in text space, and a font identity, from a char's :data:`Style`; None if rotated."""
    a, b, c, d, font_size, font = inputs
    if strict and (b or c or a <= 0 or d <= 0):
        return None
    scale = d if not b and not c and d > 0 else abs(a * d - b * c) ** 0.5
    return font_size * scale, font_size, font.to_bytes(_ADDRESS_BYTES, sys.byteorder)


def _place(char: Obj, x0: float, x1: float, y0: float, height: float, doctop: float) -> None:
    """Set a char's box: from ``x0`` to ``x1``, ``size`` tall above ``y0`` (PDF space)."""
    top = height - y0 - char["size"]
    char.update(x0=x0, x1=x1, top=top, bottom=height - y0, doctop=doctop + top, width=x1 - x0)


def _stand_up(chars: list[Obj], indices: list[int], textpage: Any, height: float, doctop: float) -> None:
    """Give vertically written chars pdfminer's box: one em square whose lower left is pdfium's origin."""
    ox, oy = ctypes.c_double(), ctypes.c_double()
    for char, index in zip(chars, indices, strict=True):
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, ox, oy)
        _place(char, ox.value, ox.value + char["size"], oy.value, height, doctop)


#: What a char's style is read from: its matrix's a, b, c, d, its font size and its font's address.
Style = tuple[float, float, float, float, float, int]
#: What pdfium tells of one char: its code unit, whether pdfium generated it, whether its glyph has no unicode
#: mapping, its text object's address (0 for none), its loose box's left, right and bottom, and its
#: :data:`Style` when its text object is not the one of the char before (else None).
Scanned = tuple[int, bool, bool, int, float, float, float, Style | None]


def _scan_calls(textpage: int) -> list[Scanned]:
    """Each char of a text page as :data:`Scanned`, one pdfium call per fact: the reference of ``scan``."""
    page = ctypes.c_void_p(textpage)
    buffers = _Buffers()
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    out: list[Scanned] = []
    previous = None
    for i in range(_COUNT_CHARS(page)):
        code, generated, unmapped = _UNICODE(page, i), bool(_IS_GENERATED(page, i)), bool(_MAP_ERROR(page, i))
        owner = _TEXT_OBJECT(page, i) or 0
        style: Style | None = None
        if i == 0 or owner != previous:
            _CHAR_MATRIX(page, i, buffers.matrix_ref)
            fs = buffers.matrix
            size = _FONT_SIZE(page, i)
            font = (_TEXT_FONT(ctypes.c_void_p(owner)).value or 0) if owner else 0
            style = (fs.a, fs.b, fs.c, fs.d, size, font)
        previous = owner
        _LOOSE_BOX(page, i, rect_ref)
        out.append((code, generated, unmapped, owner, rect.left, rect.right, rect.bottom, style))
    return out


def _objects_calls(container: int, is_page: bool) -> list[tuple[int, int]]:
    """The objects of a page (``is_page``) or of a form object, as (address, type): the reference of ``objects``."""
    parent = ctypes.c_void_p(container)
    count, get = (_COUNT_OBJECTS, _OBJECT) if is_page else (_FORM_COUNT, _FORM_OBJECT)
    out = []
    for i in range(count(parent)):
        obj = get(parent, i)
        out.append((obj.value or 0, _OBJECT_TYPE(obj) if obj.value else 0))
    return out


#: A path segment as pdfium tells it: its type, its point's x and y, and whether it closes the subpath.
PathSegment = tuple[int, float, float, bool]


def _path_calls(path: int) -> tuple[bool, bool, Matrix | None, list[PathSegment]]:
    """A path's fill and stroke, its matrix (None if pdfium has none) and segments: the reference of ``path``."""
    obj = ctypes.c_void_p(path)
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    _DRAW_MODE(obj, ctypes.byref(fill), ctypes.byref(stroke))
    fs = pdfium_c.FS_MATRIX()
    matrix = (fs.a, fs.b, fs.c, fs.d, fs.e, fs.f) if _OBJECT_MATRIX(obj, ctypes.byref(fs)) else None
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    segments: list[PathSegment] = []
    for i in range(_COUNT_SEGMENTS(obj)):
        seg = _SEGMENT(obj, i)
        if not seg.value:
            segments.append((-1, 0.0, 0.0, False))
            continue
        kind = _SEGMENT_TYPE(seg)
        x.value = y.value = 0.0
        _SEGMENT_POINT(seg, x_ref, y_ref)
        segments.append((kind, x.value, y.value, bool(_SEGMENT_CLOSES(seg))))
    return bool(fill.value), bool(stroke.value), matrix, segments


#: The pdfium functions ``_pdfium_scan`` calls, in the order its ``bind`` takes them.
_COMPILED_CALLS = (
    pdfium_c.FPDFText_CountChars,
    pdfium_c.FPDFText_GetUnicode,
    pdfium_c.FPDFText_IsGenerated,
    pdfium_c.FPDFText_HasUnicodeMapError,
    pdfium_c.FPDFText_GetTextObject,
    pdfium_c.FPDFText_GetLooseCharBox,
    pdfium_c.FPDFText_GetMatrix,
    pdfium_c.FPDFText_GetFontSize,
    pdfium_c.FPDFTextObj_GetFont,
    pdfium_c.FPDFPage_CountObjects,
    pdfium_c.FPDFPage_GetObject,
    pdfium_c.FPDFFormObj_CountObjects,
    pdfium_c.FPDFFormObj_GetObject,
    pdfium_c.FPDFPageObj_GetType,
    pdfium_c.FPDFPageObj_GetMatrix,
    pdfium_c.FPDFPath_GetDrawMode,
    pdfium_c.FPDFPath_CountSegments,
    pdfium_c.FPDFPath_GetPathSegment,
    pdfium_c.FPDFPathSegment_GetType,
    pdfium_c.FPDFPathSegment_GetPoint,
    pdfium_c.FPDFPathSegment_GetClose,
)


def _load_compiled() -> Any:
    """``govdisc.read._pdfium_scan`` bound to pdfium's functions, or None where it was not built."""
    try:
        from govdisc.read import _pdfium_scan
    except ImportError:
        return None
    _pdfium_scan.bind([ctypes.cast(f, ctypes.c_void_p).value for f in _COMPILED_CALLS])
    return _pdfium_scan


COMPILED = _load_compiled()
#: Each char of a text page (by address) as :data:`Scanned`.
scan_chars: Callable[[int], list[Scanned]] = COMPILED.scan if COMPILED else _scan_calls
#: The objects of a page or form object (by address), as (address, type).
page_objects_of: Callable[[int, bool], list[tuple[int, int]]] = COMPILED.objects if COMPILED else _objects_calls
#: A path object's fill, stroke, matrix and segments.
path_facts: Callable[[int], tuple[bool, bool, Matrix | None, list[PathSegment]]] = (
    COMPILED.path if COMPILED else _path_calls
)


def _chars(textpage: Any, height: float, doctop: float, strict: bool) -> tuple[list[Obj], set[int]] | None:
    """Chars with pdfminer-style boxes and the addresses of the text objects they come from; None if unsure.

    A box is the glyph's advance wide and the font size tall, from the font's descent; vertical writing
    gets one em square.
    """
    scanned = scan_chars(_handle(textpage).value or 0)
    styles: dict[int, tuple[float, float, bytes]] = {}
    made: dict[Style, tuple[float, float, bytes] | None] = {}  # a style read once per page, not per text object
    out: list[Obj] = []
    owners: list[int] = []
    indices: list[int] = []
    vertical: set[int] = set()
    last: dict[int, tuple[float, float]] = {}
    count = len(scanned)
    inputs: Style | None = None
    low = 0
    for i, (code, generated, unmapped, owner, x0, x1, y0, run_style) in enumerate(scanned):
        if run_style is not None:  # the first char of a text object's run
            inputs = run_style
        if low:  # the low half of a surrogate pair, already taken into the char before
            low = 0
            continue
        if 0xD800 <= code <= 0xDBFF and i + 1 < count and 0xDC00 <= (low := scanned[i + 1][0]) <= 0xDFFF:
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        else:
            low = 0
        if code == _PDFIUM_HYPHEN:
            text = "-"
        elif code < 0xD800 or 0xDFFF < code < 0x110000:
            text = chr(code)
        else:
            text = "\ufffd"
        if generated and text in _MAYBE_GENERATED:
            continue
        if strict and (code in _BAD_UNICODE or unmapped):
            return None
        style = styles.get(owner)
        if style is None:
            assert inputs is not None  # the first char always carries its style
            style = made.get(inputs)
            if style is None:
                style = made[inputs] = _style(inputs, strict)
            if style is None:
                return None
            styles[owner] = style
        size, font_size, font = style
        width = x1 - x0
        prev = last.get(owner)
        if (size != font_size and abs(width - font_size) < 1e-3 * font_size) or (
            prev is not None and abs(x0 - prev[0]) < 0.01 and abs(y0 - prev[1]) > size / 2
        ):
            vertical.add(owner)
        last[owner] = (x0, y0)
        top = height - y0 - size
        out.append(
            {
                "object_type": "char",
                "text": text,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": top + size,
                "doctop": doctop + top,
                "width": width,
                "height": size,
                "size": size,
                "upright": True,
                "fontname": font,
            }
        )
        owners.append(owner)
        indices.append(i)
    if vertical:
        picked = [k for k, owner in enumerate(owners) if owner in vertical]
        _stand_up([out[k] for k in picked], [indices[k] for k in picked], textpage, height, doctop)
    return out, set(styles)


def _plain_geometry(page: pdfium.PdfPage) -> bool:
    """True for an unrotated page whose crop box is its media box, with the origin at the bottom left."""
    if page.get_rotation():
        return False
    media = page.get_mediabox()
    return media[0] == 0 and media[1] == 0 and tuple(page.get_cropbox()) == tuple(media)


def page_objects(page: pdfium.PdfPage, number: int, doctop: float, strict: bool = True) -> PageObjects | None:
    """Chars and graphics of one page as pdfplumber would report them.

    None when pdfplumber should read the page instead; with ``strict=False`` a best effort, never None.
    """
    if strict and not _plain_geometry(page):
        return None
    left, bottom, right, height = page.get_mediabox()
    textpage = page.get_textpage()
    try:
        found = _chars(textpage.raw, height, doctop, strict)
    finally:
        textpage.close()
    if found is None:
        return None
    chars, addresses = found
    box = (0.0, 0.0, right - left, height - bottom)
    handle = _handle(page.raw)
    if (count := _COUNT_OBJECTS(handle)) > MAX_DRAWINGS:  # not even walked: millions take minutes
        return PageObjects(number, box, chars, [], drawings=count)
    graphics: list[Obj] = []
    drawn = 0
    buffers = _Buffers()
    for obj, kind, outer in _walk(handle.value or 0, buffers):
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            drawn += 1
            if drawn <= MAX_DRAWINGS:
                graphics.extend(_path_graphics(obj, outer, height, doctop))
        elif strict and kind == pdfium_c.FPDF_PAGEOBJ_TEXT and obj not in addresses and _lost(ctypes.c_void_p(obj)):
            return None
    if drawn > MAX_DRAWINGS:
        return PageObjects(number, box, chars, [], drawings=drawn)
    return PageObjects(number, box, chars, graphics)
