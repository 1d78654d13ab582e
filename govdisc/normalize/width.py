"""Full-width digits and Latin letters (``２０２１``, ``ＰＤＦ``) folded to ASCII; spacing tidied."""

from __future__ import annotations

import re

from govdisc.patterns import compile_guarded

from .fixes import Fix

_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05\uff0e]")
_SPACES = re.compile(r"[ \u00a0\u2002-\u200b\u3000\ufeff]+")
_DIGIT_DATE_SPACE = compile_guarded(r"(?<=\d) +(?=[年月日号])|(?<=[年月第]) +(?=\d)")


def fold_fullwidth(text: str) -> tuple[str, list[Fix]]:
    """Turn full-width digits, letters, ``％`` and ``．`` into their ASCII forms."""
    folded, found = _FULLWIDTH.subn(lambda m: chr(ord(m.group()) - 0xFEE0), text)
    if not found:
        return text, []
    return folded, [Fix("folded full-width digits and letters to ASCII", found)]


def tidy_spaces(text: str) -> tuple[str, list[Fix]]:
    """Collapse runs of spaces (ideographic, no-break, zero-width) and strip each line; keep tabs."""
    # neither pattern reaches across a line break, so both run over the whole text at once
    text = _DIGIT_DATE_SPACE.sub("", _SPACES.sub(" ", text))
    return "\n".join(line.strip(" ") for line in text.split("\n")), []
