"""Charts as inline SVG: horizontal bars (rankings, totals), grouped bars (years) and stacked bars (coverage).

Each chart scales to the width of the page (``viewBox``, width 100%) and prints as drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

WIDTH = 640
ROW = 22
LABEL = 210  # room for the names on the left
VALUE = 70  # room for the value on the right
PALETTE = ("#2f6db5", "#e08a1e", "#3a9a5b", "#b83b3b", "#7a5ab5", "#5a8f9a")


def _svg(height: float, body: str, title: str) -> str:
    return (
        f'<svg class="chart" role="img" viewBox="0 0 {WIDTH} {height:.0f}" width="100%" '
        f'aria-label="{escape(title)}"><title>{escape(title)}</title>'
        f"{body}</svg>"
    )


def _short(name: str, limit: int = 16) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def bars(items: Sequence[tuple[str, float]], shown: Callable[[float], str], title: str) -> str:
    """One bar per item, longest first as given, its value printed at its end."""
    top = max((abs(v) for _, v in items), default=0) or 1
    span = WIDTH - LABEL - VALUE
    parts = []
    for i, (name, value) in enumerate(items):
        y = i * ROW + 6
        length = max(abs(value) / top * span, 1 if value else 0)
        colour = PALETTE[0] if value >= 0 else PALETTE[3]
        parts.append(
            f"<g><title>{escape(name)}: {escape(shown(value))}</title>"
            f'<text x="{LABEL - 6}" y="{y + 14}" text-anchor="end" class="lbl">{escape(_short(name))}</text>'
            f'<rect x="{LABEL}" y="{y + 2}" width="{length:.1f}" height="{ROW - 6}" fill="{colour}"/>'
            f'<text x="{LABEL + length + 4:.1f}" y="{y + 14}" class="val">{escape(shown(value))}</text></g>'
        )
    return _svg(len(items) * ROW + 12, "".join(parts), title)


def grouped(groups: Sequence[tuple[str, Sequence[tuple[str, float, str]]]], title: str) -> str:
    """For each group (an agency), one bar per member (a year) with its text, the members' names in a legend."""
    members = list(dict.fromkeys(m for _, values in groups for m, _, _ in values))
    colour = {m: PALETTE[i % len(PALETTE)] for i, m in enumerate(members)}
    top = max((v for _, values in groups for _, v, _ in values), default=0) or 1
    span = WIDTH - LABEL - VALUE
    parts, y = [], 4.0
    for i, m in enumerate(members):
        parts.append(
            f'<rect x="{LABEL + i * 70}" y="{y}" width="12" height="12" fill="{colour[m]}"/>'
            f'<text x="{LABEL + i * 70 + 16}" y="{y + 11}" class="lbl">{escape(m)}</text>'
        )
    y += 22
    bar = 14
    for name, values in groups:
        height = bar * len(values) + 8
        parts.append(
            f'<text x="{LABEL - 6}" y="{y + height / 2 + 4:.1f}" text-anchor="end" class="lbl">'
            f"<title>{escape(name)}</title>{escape(_short(name))}</text>"
        )
        for j, (member, value, text) in enumerate(values):
            length = max(value / top * span, 1 if value else 0)
            by = y + 4 + j * bar
            parts.append(
                f"<g><title>{escape(name)} {escape(member)}: {escape(text)}</title>"
                f'<rect x="{LABEL}" y="{by:.1f}" width="{length:.1f}" height="{bar - 2}" fill="{colour[member]}"/>'
                f'<text x="{LABEL + length + 4:.1f}" y="{by + 11:.1f}" class="val">{escape(text)}</text></g>'
            )
        y += height + 6
    return _svg(y + 4, "".join(parts), title)


def stacked(rows: Sequence[tuple[str, Sequence[float]]], series: Sequence[str], title: str) -> str:
    """One bar per row (a year) made of its series (reported, not reported, …) end to end, counts printed."""
    top = max((sum(v) for _, v in rows), default=0) or 1
    span = WIDTH - LABEL - VALUE
    parts = []
    for i, name in enumerate(series):
        parts.append(
            f'<rect x="{LABEL + i * 120}" y="4" width="12" height="12" fill="{PALETTE[i]}"/>'
            f'<text x="{LABEL + i * 120 + 16}" y="15" class="lbl">{escape(name)}</text>'
        )
    for r, (name, values) in enumerate(rows):
        y = 26 + r * (ROW + 4)
        parts.append(f'<text x="{LABEL - 6}" y="{y + 15}" text-anchor="end" class="lbl">{escape(name)}</text>')
        x = float(LABEL)
        for i, value in enumerate(values):
            length = value / top * span
            if value:
                parts.append(
                    f"<g><title>{escape(name)} {escape(series[i])}: {value:g}</title>"
                    f'<rect x="{x:.1f}" y="{y}" width="{length:.1f}" height="{ROW - 2}" fill="{PALETTE[i]}"/>'
                    f'<text x="{x + length / 2:.1f}" y="{y + 15}" text-anchor="middle" class="in">{value:g}</text></g>'
                )
            x += length
    return _svg(26 + len(rows) * (ROW + 4) + 6, "".join(parts), title)
