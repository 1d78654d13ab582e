"""Regex fragments the families of the catalogue share: numbers, units, the words that mark false friends."""

from __future__ import annotations

from govdisc.numbers import NUMBER

N = NUMBER
#: Words between a verb and the number: ``共``, ``达``, ``为``, ``了``.
LINK = r"(?:共计|共|合计|总计|累计|达到|达|为|了)?"
#: Counting units.
ITEMS = r"(?:条|篇|件|则|个)"
CASES = r"(?:件|起|宗|次|个|例)"
#: Before a match in the same clause, these make a count a part, another channel, or a period.
PART_OR_CHANNEL = (
    r"其中|专栏|专题|专区|微博|微信|公众号|抖音|快手|头条|视频号|客户端|小程序|APP|App|今日|本月|当月|每周|每月|"
    r"季度|上半年|下半年|\d+\s*[-—至]\s*\d+\s*月"
)
#: Negations that state zero, with room for words before the thing negated
#: (not 未经, which is the 未经复议直接起诉 column of table 4).
NONE = r"(?:没有|未发生|未出现|未收到|未接到|未受理|未有|未因|未曾|未被|均未|尚未)"
#: 无, which states zero only right before the thing (无行政复议), never across 无正当理由….
NONE_SHORT = r"(?:均无|无)(?:发生|因政府信息公开(?:引起|导致|产生)?的?)?"

#: A row label's numbering in the tables before 2019 (一、 2. （3）), and the count words after it.
NUMBERED = r"^(?:[一二三四五六七八九十\d]+[.、．]?)?"
SUB_NUMBERED = r"^(?:[（(]?\d+[)）.、．]?)?"
COUNT_ROW = r"(?:数|数量|总数|总量)?(?:[（(]?(?:件|条|个|次|宗)[）)]?)?$"
