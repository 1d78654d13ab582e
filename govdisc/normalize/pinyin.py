"""Pinyin that scraped pages leave after characters: ``區(qū)`` → ``區``.

Only a parenthesised syllable written in lowercase pinyin with a tone mark, right after a
Chinese character, is removed. Real parentheses such as ``(含民生“微实事”3件)`` are untouched.
"""

from __future__ import annotations

from govdisc.patterns import compile_guarded

from .fixes import Fix

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_SYLLABLE = rf"[a-zü{_TONED}]{{0,5}}[{_TONED}][a-zü{_TONED}]{{0,4}}"

#: A toned syllable in parentheses after a CJK character; an unclosed one at the end of a
#: garbled run (``建設(shè``) is removed too.
PINYIN_ANNOTATION = compile_guarded(
    rf"(?<=[\u3400-\u9fff\uf900-\ufaff?？])[(（]{_SYLLABLE}(?:[)）]|(?=[^a-zü{_TONED}])|$)"
)


def remove_pinyin(text: str) -> tuple[str, list[Fix]]:
    """Remove pinyin annotations; explain what was removed."""
    found = PINYIN_ANNOTATION.findall(text)
    if not found:
        return text, []
    fix = Fix("removed pinyin left after characters", len(found), tuple(dict.fromkeys(found))[:6])
    return PINYIN_ANNOTATION.sub("", text), [fix]
