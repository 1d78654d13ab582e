"""Page layout patterns shared by the pdf reader and by reflowing text laid out as pages."""

from __future__ import annotations

import re

#: A line that starts a heading (一、 （一） 1. 第一条 附件 …): never the continuation of a wrapped line.
HEADING = re.compile(
    r"^\s*(?:"
    r"第[一二三四五六七八九十百零〇\d]+[章节条部分篇]"
    r"|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]+[)）]"
    r"|\d{1,2}[、.．](?!\d)"
    r"|[①-⑳]"
    r"|附件|附表"
    r")"
)
#: A line that is only a page number (- 5 -, 第5页, 5/12, Page 5).
PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–－−]\s*\d{1,4}\s*[-—–－−]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)\s*$"
)
