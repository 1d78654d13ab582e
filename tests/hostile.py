"""Broken and hostile files, made for real in a folder: what a crawl of government sites brings back."""

from __future__ import annotations

import os
import zipfile
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
