"""Tables on a terminal of a given width: headers wrapped, name columns kept readable."""

from __future__ import annotations

import re

from rich.cells import cell_len

#: Headers wrap to lines this wide (in terminal cells, a Chinese character being two), or the widest value.
HEADER_WIDTH = 8
#: A name column is never made narrower than this, nor wider than a third of the screen beyond it.
NAME_WIDTH = 16


def wrap_header(text: str, width: int) -> str:
    """A header in lines at most ``width`` cells wide, broken after ``-``, ``、`` or a space, or before ``(``
    where it can, else between characters (a word of Latin letters is never cut: the line is as wide as it)."""
    width = max([width, *(len(word) for word in re.findall(r"[\x21-\x7e]+", text))])
    lines: list[str] = []
    line = ""
    for piece in (p for p in re.split(r"(?<=[-、 ])|(?=[(（])", text) if p):
        while piece:
            if cell_len(line + piece.rstrip()) <= width:
                line, piece = line + piece, ""
            elif line:
                lines.append(line.rstrip())
                line = ""
            else:
                cut = 1
                while cut < len(piece) and cell_len(piece[: cut + 1]) <= width:
                    cut += 1
                lines.append(piece[:cut])
                piece = piece[cut:]
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def widest(texts: list[str]) -> int:
    """The widest line of ``texts``, in terminal cells."""
    return max((cell_len(line) for t in texts for line in t.split("\n")), default=0)
