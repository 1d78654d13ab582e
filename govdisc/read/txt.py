"""Plain-text reader: detected encoding, one Paragraph per non-empty line."""

from __future__ import annotations

from pathlib import Path

from govdisc.model import Document, Paragraph

from .encoding import decode_bytes


def text_lines(text: str) -> list[str]:
    """Non-empty lines with trailing whitespace removed; leading indentation and tabs kept."""
    out = []
    for line in text.splitlines():
        line = line.rstrip()
        if line.strip():
            out.append(line)
    return out


def read_txt(path: Path) -> Document:
    """Read a text file of any common Chinese encoding; each non-empty line becomes a Paragraph."""
    decoded = decode_bytes(Path(path).read_bytes())
    blocks = [Paragraph(line) for line in text_lines(decoded.text)]
    return Document(Path(path), list(blocks), decoded.warnings, decoded.encoding)
