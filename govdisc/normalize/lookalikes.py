"""Look-alike code points from PDF text extraction mapped to ordinary characters.

Kangxi radicals (U+2F00–U+2FD5) and CJK compatibility ideographs are folded by NFKC; the
CJK Radicals Supplement (U+2E80–U+2EF3) is not, so it is mapped by the table below.
"""

from __future__ import annotations

import re
import unicodedata

from .fixes import Fix

#: CJK Radicals Supplement characters that stand for an ordinary character in running text.
RADICALS_SUPPLEMENT = {
    "⺁": "厂", "⺇": "几", "⺊": "卜", "⺌": "小", "⺎": "兀", "⺒": "巳", "⺓": "幺", "⺔": "彐",
    "⺖": "忄", "⺗": "心", "⺘": "扌", "⺙": "攵", "⺛": "旡", "⺜": "日", "⺝": "月", "⺟": "母",
    "⺠": "民", "⺡": "氵", "⺢": "氺", "⺣": "灬", "⺤": "爫", "⺥": "爫", "⺦": "丬", "⺨": "犭",
    "⺩": "王", "⺪": "疋", "⺫": "目", "⺬": "示", "⺭": "礻", "⺮": "竹", "⺯": "糸", "⺰": "纟",
    "⺳": "网", "⺶": "羊", "⺷": "羊", "⺹": "耂", "⺺": "肀", "⺼": "肉", "⺽": "臼", "⺾": "艹",
    "⺿": "艹", "⻀": "艹", "⻁": "虎", "⻂": "衤", "⻃": "覀", "⻄": "西", "⻅": "见", "⻆": "角",
    "⻇": "角", "⻈": "讠", "⻉": "贝", "⻊": "足", "⻋": "车", "⻌": "辶", "⻍": "辶", "⻎": "辶",
    "⻏": "阝", "⻐": "金", "⻑": "長", "⻒": "镸", "⻓": "长", "⻔": "门", "⻖": "阝", "⻗": "雨",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻞": "食", "⻟": "食",
    "⻠": "饣", "⻡": "首", "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤",
    "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻫": "斉", "⻬": "齐", "⻭": "齿", "⻯": "竜", "⻰": "龙",
    "⻱": "亀", "⻳": "龟",
}  # fmt: skip


def _ordinary(ch: str) -> str:
    return RADICALS_SUPPLEMENT.get(ch) or unicodedata.normalize("NFKC", ch)


#: Every look-alike and its ordinary character: the table above, plus what NFKC folds among
#: the Kangxi radicals and CJK compatibility ideographs (only characters that really change).
LOOKALIKES = {
    ch: _ordinary(ch)
    for ch in (*RADICALS_SUPPLEMENT, *map(chr, range(0x2F00, 0x2FE0)), *map(chr, range(0xF900, 0xFB00)))
    if _ordinary(ch) != ch
}
_LOOKALIKE = re.compile(f"[{''.join(LOOKALIKES)}]")


def fix_lookalikes(text: str) -> tuple[str, list[Fix]]:
    """Replace radical and compatibility code points with the ordinary characters."""
    found = _LOOKALIKE.findall(text)
    if not found:
        return text, []
    pairs = tuple(f"{c}→{LOOKALIKES[c]}" for c in dict.fromkeys(found))
    fix = Fix("mapped look-alike radicals to ordinary characters", len(found), pairs[:6])
    return _LOOKALIKE.sub(lambda m: LOOKALIKES[m.group()], text), [fix]
