"""Broken and hostile files, made for real in a folder: what a crawl of government sites brings back."""

from __future__ import annotations

import os
import random
import zipfile
from collections.abc import Callable
from pathlib import Path


def zip_bomb_docx(path: Path, megabytes: int = 64) -> Path:
    """A .docx whose document.xml unpacks to ``megabytes`` of nothing from a few hundred KB."""
    # The fastest deflate level: still over 200 times smaller than it unpacks to, a few times faster to write.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def many_pages_pdf(path: Path, pages: int = 3000) -> Path:
    """A pdf of ``pages`` blank pages, written by pdfium."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    pdf.save(str(path))
    return path


def endless_stream_pdf(path: Path, megabytes: int = 48) -> Path:
    """A one-page pdf whose content stream is ``megabytes`` of drawing operators (a page that never ends)."""
    op = b"0 0 m 1 1 l S\n"
    count = (megabytes << 20) // len(op)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        None,  # the content stream, written in chunks rather than built in memory
    ]
    with open(path, "wb") as out:
        offsets = []
        out.write(b"%PDF-1.4\n")
        for n, body in enumerate(objects, 1):
            offsets.append(out.tell())
            out.write(b"%d 0 obj\n" % n)
            if body is None:
                out.write(b"<< /Length %d >>\nstream\n" % (count * len(op)))
                chunk = op * (1 << 16)
                for _ in range(count >> 16):
                    out.write(chunk)
                out.write(op * (count & 0xFFFF))
                out.write(b"\nendstream")
            else:
                out.write(body)
            out.write(b"\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
        out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
        out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return path


def encrypted_pdf(path: Path) -> Path:
    """A pdf that needs a password, written by reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4, encrypt="secret")
    pdf.drawString(72, 720, "annual report")
    pdf.save()
    return path


def nested_html(path: Path, depth: int = 100_000) -> Path:
    path.write_text("<html><body>" + "<div>" * depth + "政府信息公开" + "</div>" * depth + "</body></html>")
    return path


def huge_txt(path: Path, size: int = 2 << 30) -> Path:
    """A 2 GB text file (sparse: it takes no room on disk)."""
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def binary_txt(path: Path) -> Path:
    path.write_bytes(os.urandom(64 << 10))
    return path


def symlink_loop(path: Path) -> Path:
    os.symlink(path.name, path)
    return path


def unreadable(path: Path) -> Path:
    path.write_text("政府信息公开工作年度报告", encoding="utf-8")
    path.chmod(0)
    return path


#: name → maker, one per kind of bad file.
HOSTILE = {
    "bomb.docx": zip_bomb_docx,
    "pages.pdf": many_pages_pdf,
    "endless.pdf": endless_stream_pdf,
    "locked.pdf": encrypted_pdf,
    "nested.html": nested_html,
    "huge.txt": huge_txt,
    "binary.txt": binary_txt,
    "loop.txt": symlink_loop,
    "noperm.txt": unreadable,
}


def make_hostile(folder: Path) -> list[str]:
    """Every hostile file in ``folder``; the names of those that must fail (unreadable only when not root)."""
    names = []
    for name, maker in HOSTILE.items():
        maker(folder / name)
        if name != "noperm.txt" or os.geteuid() != 0:
            names.append(name)
    return names


def gridspan_docx(path: Path, span: int = 20_000_000) -> Path:
    """A real docx (python-docx) whose three table cells claim ``w:gridSpan`` of ``span`` columns."""
    import docx

    document = docx.Document()
    document.add_paragraph("政府信息公开工作年度报告")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("项目", "本年新增", "10"), strict=True):
        cell.text = text
    document.save(str(path))
    return patch_docx(path, lambda xml: xml.replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="%d"/>' % span))


def patch_docx(path: Path, edit: Callable[[bytes], bytes]) -> Path:
    """Rewrite ``word/document.xml`` of a docx through ``edit``."""
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info, edit(data) if info.filename == "word/document.xml" else data)
    return path


def span_html(path: Path, cells: int = 2000, rows: int = 200, span: int = 200) -> Path:
    """A table of ``cells`` cells each spanning ``span`` × ``span``, then ``rows`` plain rows (72 KB)."""
    first = "<tr>" + f"<td colspan={span} rowspan={span}>1</td>" * cells + "</tr>"
    path.write_text(f"<html><body><table>{first}{'<tr><td>a</td><td>b</td></tr>' * rows}</table></body></html>")
    return path


def paragraphs_html(path: Path, count: int = 300_000) -> Path:
    """An html page of ``count`` short paragraphs (6.9 MB at the default)."""
    body = "".join(f"<p>第{i}段申请</p>" for i in range(count))
    path.write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", encoding="utf-8")
    return path


def rows_html(path: Path, count: int = 100_000) -> Path:
    """An html page holding one table of ``count`` rows (6.3 MB at the default)."""
    rows = "".join(f"<tr><td>申请事项{i}</td><td>{i % 1000}</td></tr>" for i in range(count))
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><table>{rows}</table></body></html>",
                    encoding="utf-8")  # fmt: skip
    return path


def lines_txt(path: Path, count: int = 1_000_000) -> Path:
    """A text file of ``count`` short lines (17 MB at the default)."""
    path.write_text("".join(f"第{i}行{i % 13}件\n" for i in range(count)), encoding="utf-8")
    return path


def tounicode_pdf(path: Path, targets: tuple[str, ...] = ("D842DFB7", "D83DDE00", "D800", "0041")) -> Path:
    """A one-page pdf in Helvetica whose ToUnicode maps the glyphs of ``ABCD``… to the UTF-16 codes ``targets``
    (a surrogate pair such as ``D842DFB7`` is 𠮷, a lone ``D800`` is no character at all)."""
    glyphs = "".join(chr(0x41 + i) for i in range(len(targets)))
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CMapName /Hostile def /CMapType 2 def\n1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(targets)} beginbfchar\n"
        + "".join(f"<{0x41 + i:02X}> <{t}>\n" for i, t in enumerate(targets))
        + "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()
    content = f"BT /F1 24 Tf 72 720 Td ({glyphs}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def bad_member_name_docx(path: Path, source: Path) -> Path:
    """A copy of the docx ``source`` whose member names are flagged UTF-8 but begin with a byte 0xFF."""
    data = bytearray(source.read_bytes())
    pos = data.find(b"PK\x01\x02")
    while pos != -1:
        data[pos + 9] |= 0x08  # general purpose flag bit 11: the name is UTF-8
        data[pos + 46] = 0xFF
        pos = data.find(b"PK\x01\x02", pos + 4)
    path.write_bytes(bytes(data))
    return path


#: Characters beyond the BMP and lone surrogates, as a crawl or a broken converter brings them.
ASTRAL = ("𠮷", "😀", "𪚥", "\U0002a6a5", "\ud800", "\udfff")
MUTATIONS = ("flip", "truncate", "move", "member", "span", "attribute", "astral")


def mutant(data: bytes, suffix: str, rng: random.Random) -> tuple[str, bytes]:
    """One damaged copy of a file's bytes, and the name of the damage: byte flips, truncation, a chunk
    moved, a zip member corrupted (docx), huge spans and attributes (docx, html), astral characters."""
    kind = rng.choice(MUTATIONS)
    if kind in ("member", "span") and suffix == ".docx":
        return kind, _mutate_docx(data, kind, rng)
    out = bytearray(data)
    if kind == "truncate":
        return kind, bytes(out[: rng.randrange(1, max(2, len(out)))])
    if kind == "move" and len(out) > 16:
        start = rng.randrange(len(out) - 8)
        chunk = out[start : start + rng.randrange(8, max(9, min(4096, len(out) - start)))]
        del out[start : start + len(chunk)]
        at = rng.randrange(len(out) + 1)
        out[at:at] = chunk
        return kind, bytes(out)
    if kind in ("span", "attribute") and suffix in (".html", ".htm"):
        attr = rng.choice(
            (
                b' colspan="999999999"',
                b' rowspan="65534"',
                b" colspan=200 rowspan=200",
                b' class="' + b"x" * 100_000 + b'"',
            )
        )
        return kind, bytes(out).replace(b"<td", b"<td" + attr, rng.randrange(1, 200))
    if kind == "astral" and suffix in (".txt", ".html", ".htm"):
        at = rng.randrange(len(out) + 1)
        text = "".join(rng.choice(ASTRAL) for _ in range(rng.randrange(1, 20)))
        out[at:at] = text.encode("utf-8", "surrogatepass")
        return kind, bytes(out)
    for _ in range(rng.randrange(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return "flip", bytes(out)


def _mutate_docx(data: bytes, kind: str, rng: random.Random) -> bytes:
    """The docx with one member's bytes flipped (``member``), or its cells given huge spans (``span``)."""
    import io

    source = zipfile.ZipFile(io.BytesIO(data))
    members = [(info, source.read(info)) for info in source.infolist()]
    buffer = io.BytesIO()
    victim = rng.randrange(len(members))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for n, (info, body) in enumerate(members):
            if kind == "span" and info.filename == "word/document.xml":
                value = rng.choice((b"20000000", b"99999999999", b"-5", b"65535"))
                tag = rng.choice((b"w:gridSpan", b"w:gridBefore"))
                body = body.replace(b"<w:tcPr>", b'<w:tcPr><%s w:val="%s"/>' % (tag, value))
                body = body.replace(b"<w:trPr>", b'<w:trPr><w:gridBefore w:val="%s"/>' % value)
            elif kind == "member" and n == victim and body:
                flipped = bytearray(body)
                for _ in range(rng.randrange(1, 10)):
                    flipped[rng.randrange(len(flipped))] = rng.randrange(256)
                body = bytes(flipped)
            archive.writestr(info, body)
    return buffer.getvalue()
