"""``review.total`` and ``litigation.total`` from prose (行政复议, 行政诉讼 without the table-4 split)."""

from __future__ import annotations

from .prose import CountRule, ZeroRule, rx
from .vocabulary import CASES, LINK, NONE, NONE_SHORT, N

RULES = (
    # 申请人行政复议1件 · 行政复议案件2起
    CountRule("review.total", rx(rf"(?:行政复议|复议申请|复议案件)(?:案件|申请)?{LINK}{N}{CASES}")),
    # 行政诉讼1件 · 诉讼案件2起
    CountRule("litigation.total", rx(rf"(?:行政诉讼|诉讼案件)(?:案件)?{LINK}{N}{CASES}")),
    # 没有发生信息公开行政复议事项 · 没有因政府信息公开导致申请行政复议、提起行政诉讼的情况
    ZeroRule("review.total", rx(rf"{NONE}[^，。；,;\d]{{0,25}}?行政复议")),
    ZeroRule("litigation.total", rx(rf"{NONE}[^，。；,;\d]{{0,30}}?行政诉讼")),
    # 无行政复议、行政诉讼案件
    ZeroRule("review.total", rx(rf"{NONE_SHORT}(?:信息公开)?行政复议")),
    ZeroRule("litigation.total", rx(rf"{NONE_SHORT}(?:信息公开)?(?:行政复议[和、及与])?行政诉讼")),
)
