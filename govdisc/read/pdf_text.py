"""pdfplumber's word and line building for upright chars, in one pass without its per-call setup.

:func:`cell_text` gives what ``pdfplumber.utils.extract_text(chars)`` gives and :func:`text_lines` what
``chars_to_textmap(chars).extract_text_lines(strip=True, return_chars=False)`` gives, with pdfplumber's
defaults (3-point tolerances, ligatures expanded, spaces splitting words). Chars that are not all upright,
or whose text is empty or mixes whitespace with other letters, go to pdfplumber itself.
"""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import Any

Obj = dict[str, Any]
Word = tuple[str, float, float, float, float]  # text, x0, top, x1, bottom

#: pdfplumber's ``DEFAULT_X_TOLERANCE``, ``DEFAULT_Y_TOLERANCE`` and ``LIGATURES`` (pdfplumber itself is
#: imported only for the chars it must lay out: ``tests/test_pdf_parity.py`` checks these are its values).
_X_TOL = 3
_Y_TOL = 3
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}
_X0 = itemgetter("x0")


def _plain(chars: list[Obj]) -> bool:
    """True when every char is upright and its text one letter, or letters without whitespace."""
    for c in chars:
        text = c["text"]
        if not c["upright"] or not isinstance(text, str) or not text:
            return False
        if len(text) > 1 and not text.isspace() and any(ch.isspace() for ch in text):
            return False
    return True


def _cluster_ids(values: list[float], tolerance: float) -> dict[float, int]:
    """pdfplumber's ``make_cluster_dict``: distinct values in order, a new cluster past ``tolerance``."""
    ids: dict[float, int] = {}
    cid = -1
    last = 0.0
    for v in sorted(set(values)):
        if cid < 0 or v > last + tolerance:
            cid += 1
        ids[v] = cid
        last = v
    return ids


def _words(chars: list[Obj]) -> list[Word]:
    """Words in pdfplumber's order: chars clustered into lines by top, each line sorted by x0, split at gaps."""
    ids = _cluster_ids([c["top"] for c in chars], _Y_TOL)
    lines: dict[int, list[Obj]] = {}
    for c in chars:  # each line's chars in their order, as a stable sort by line would leave them
        cid = ids[c["top"]]
        line = lines.get(cid)
        if line is None:
            lines[cid] = [c]
        else:
            line.append(c)
    out: list[Word] = []
    for cid in sorted(lines):
        _line_words(sorted(lines[cid], key=_X0), out)
    return out


def _line_words(line: list[Obj], out: list[Word]) -> None:
    """The words of one line of chars sorted by x0, split at spaces and gaps, added to ``out``."""
    word: list[Obj] = []
    for c in line:
        if c["text"].isspace():
            if word:
                out.append(_merge(word))
            word = []
            continue
        if word:
            prev = word[-1]
            if c["x0"] < prev["x0"] or c["x0"] > prev["x1"] + _X_TOL or abs(c["top"] - prev["top"]) > _Y_TOL:
                out.append(_merge(word))
                word = []
        word.append(c)
    if word:
        out.append(_merge(word))


def _one_line(chars: list[Obj]) -> bool:
    """True when the chars' tops lie within the tolerance: pdfplumber's clustering makes them one line."""
    tops = [c["top"] for c in chars]
    return max(tops) - min(tops) <= _Y_TOL


def _merge(chars: list[Obj]) -> Word:
    """One word from its chars: their text (ligatures expanded) and the box around them."""
    first = chars[0]
    x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
    texts = [first["text"]]
    for c in chars[1:]:
        texts.append(c["text"])
        if c["x0"] < x0:
            x0 = c["x0"]
        if c["top"] < top:
            top = c["top"]
        if c["x1"] > x1:
            x1 = c["x1"]
        if c["bottom"] > bottom:
            bottom = c["bottom"]
    return "".join([LIGATURES.get(t) or t for t in texts]), x0, top, x1, bottom


def cell_text(chars: list[Obj]) -> str:
    """``extract_text(chars)``: words joined by spaces, lines (words clustered by top) by newlines."""
    if not chars:
        return ""
    if not _plain(chars):
        from pdfplumber.utils import extract_text

        return str(extract_text(chars))
    if _one_line(chars):  # most cells: their words in x order, joined by spaces
        line: list[Word] = []
        _line_words(sorted(chars, key=_X0), line)
        return " ".join(w[0] for w in line)
    words = _words(chars)
    ids = _cluster_ids([w[2] for w in words], _Y_TOL)
    words.sort(key=lambda w: ids[w[2]])
    return "\n".join(" ".join(w[0] for w in line) for _, line in groupby(words, key=lambda w: ids[w[2]]))


def text_lines(chars: list[Obj], bbox: tuple[float, float, float, float]) -> list[Obj]:
    """pdfplumber's ``extract_text_lines(strip=True, return_chars=False)`` on a list of chars."""
    if not chars:
        return []
    if not _plain(chars):
        from pdfplumber.utils import chars_to_textmap

        x0, top, x1, bottom = bbox
        textmap = chars_to_textmap(chars, layout_bbox=bbox, layout_width=x1 - x0, layout_height=bottom - top)
        return list(textmap.extract_text_lines(strip=True, return_chars=False))
    words = _words(chars)
    ids = _cluster_ids([w[2] for w in words], _Y_TOL)
    out: list[Obj] = []
    for _, group in groupby(words, key=lambda w: ids[w[2]]):
        line = list(group)
        out.append(
            {
                "text": " ".join(w[0] for w in line),
                "x0": min(w[1] for w in line),
                "top": min(w[2] for w in line),
                "x1": max(w[3] for w in line),
                "bottom": max(w[4] for w in line),
            }
        )
    return out
