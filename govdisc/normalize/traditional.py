"""Traditional → simplified Chinese with OpenCC, only when the text is traditional.

OpenCC's ``t2s`` changes glyphs only, which is what mainland documents that arrived in
traditional glyphs want (``tw2sp`` would also rewrite vocabulary).
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import ne

import opencc

_HAN = re.compile(r"[\u3400-\u9fff]")
#: Share of Chinese characters that must change under t2s for a text to count as traditional.
TRADITIONAL_SHARE = 0.04
MIN_CHANGED = 3


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


_SURROGATE = re.compile("([\ud800-\udfff])")


def to_simplified(text: str) -> str:
    """Convert with OpenCC t2s, unconditionally; a lone surrogate (which OpenCC cannot take) is kept
    as it is and the text around it converted."""
    try:
        return _t2s().convert(text)
    except UnicodeEncodeError:
        parts = _SURROGATE.split(text)
        parts[::2] = [_t2s().convert(part) if part else part for part in parts[::2]]
        return "".join(parts)


#: Detection looks at this many characters at most: enough to tell, cheap on long documents.
SAMPLE = 8000


def traditional_share(text: str) -> tuple[int, int]:
    """(characters t2s would change, Chinese characters) in (a sample of) ``text``."""
    text = text[:SAMPLE]
    return _share(text, to_simplified(text))


def _share(text: str, converted: str) -> tuple[int, int]:
    han = _HAN.subn("", text)[1]
    if len(converted) != len(text):
        return han, han
    return sum(map(ne, text, converted)), han


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written in traditional glyphs (detected, not assumed)."""
    text = text[:SAMPLE]
    converted = to_simplified(text)
    if converted == text:  # the common case: nothing to count
        return False
    changed, han = _share(text, converted)
    return changed >= MIN_CHANGED and changed >= TRADITIONAL_SHARE * han
