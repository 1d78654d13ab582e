"""HTML tags and entities left inside text by scraping (``<p>…</p>``, ``&nbsp;``)."""

from __future__ import annotations

import html
import re

from .fixes import Fix

#: An HTML tag: a known element name, so that ``<5件>`` or ``《条例》`` never match.
HTML_TAG = re.compile(
    r"</?(?:p|br|span|div|font|b|i|u|strong|em|a|img|table|tbody|thead|tr|td|th|li|ul|ol|h[1-6]|sup|sub"
    r"|center|section|article|o:p)\b[^<>]{0,300}?/?>",
    re.IGNORECASE,
)
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")
_BREAKS = ("<br", "</p", "<p", "</div", "<div", "</li", "<li", "</h")


def strip_html_debris(text: str) -> tuple[str, list[Fix]]:
    """Remove HTML tags (a block tag becomes a line break) and decode entities inside plain text."""
    if "<" not in text and "&" not in text:  # neither a tag nor an entity
        return text, []
    fixes = []
    tags = HTML_TAG.findall(text)
    if tags:
        text = HTML_TAG.sub(lambda m: "\n" if m.group().lower().startswith(_BREAKS) else "", text)
        names = tuple(dict.fromkeys(t.split()[0].rstrip(">") + ">" for t in tags))
        fixes.append(Fix("removed HTML tags left in the text", len(tags), names[:6]))
    entities = [e for e in HTML_ENTITY.findall(text) if html.unescape(e) != e]
    if entities:
        text = HTML_ENTITY.sub(lambda m: html.unescape(m.group()), text)  # unknown ones stay as they are
        fixes.append(Fix("decoded HTML entities", len(entities), tuple(dict.fromkeys(entities))[:6]))
    return text, fixes
