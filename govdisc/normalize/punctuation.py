"""Punctuation: doubled marks left by scraping, and ASCII marks inside Chinese text.

Scraped pages often show ``，`` as ``,,`` and ``、`` as ``,、``; the rules below say, as data,
what each damaged sequence stands for.
"""

from __future__ import annotations

import re

from govdisc.patterns import compile_guarded

from .fixes import Fix

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "、，。；：！？"

#: A run such as ``, ,,`` needs a second pass once its first pair is joined.
MAX_PASSES = 4
#: (what the rule repairs, pattern, replacement), applied in order.
PUNCTUATION_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("dropped a stray comma before a Chinese mark (,、 → 、)", compile_guarded(rf"(?:,[ ]?)+(?=[{_CJK_PUNCT}])"), ""),
    ("joined comma + semicolon (,; → ；)", compile_guarded(r",;"), "；"),
    ("joined doubled commas (,, → ，)", compile_guarded(r"[,，]{2,}"), "，"),
    ("joined doubled marks (、、 → 、)", compile_guarded(r"、{2,}"), "、"),
    ("joined doubled full stops (。。 → 。)", compile_guarded(r"。{2,}"), "。"),
    (
        "made ASCII commas in Chinese text full-width",
        compile_guarded(rf"(?<=[{_CJK}）》”])[ ]?,(?!\d{{3}}\b)|,[ ]?(?=[{_CJK}（《“])"),
        "，",
    ),
    (
        "made ASCII semicolons in Chinese text full-width",
        compile_guarded(rf"(?<=[{_CJK}）》”\d])[ ]?;|;[ ]?(?=[{_CJK}（《“])"),
        "；",
    ),
    ("made ASCII colons after Chinese text full-width", compile_guarded(rf"(?<=[{_CJK}])[ ]?:(?!//)"), "："),
)


#: What a rule of :data:`PUNCTUATION_RULES` (by position) cannot match without: one of these is in the text.
_NEEDS: tuple[tuple[str, ...], ...] = (
    (",",),
    (",;",),
    (",,", ",，", "，,", "，，"),
    ("、、",),
    ("。。",),
    (",",),
    (";",),
    (":",),
)


def fix_punctuation(text: str) -> tuple[str, list[Fix]]:
    """Repair doubled punctuation and give Chinese text its full-width marks (until nothing changes)."""
    counts: dict[str, int] = {}
    for _ in range(MAX_PASSES):
        changed = False
        for (what, pattern, replacement), needs in zip(PUNCTUATION_RULES, _NEEDS, strict=True):
            if not any(n in text for n in needs):
                continue
            text, n = pattern.subn(replacement, text)
            if n:
                counts[what] = counts.get(what, 0) + n
                changed = True
        if not changed:
            break
    return text, [Fix(what, n) for what, n in counts.items()]
