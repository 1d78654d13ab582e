"""``fees.processing_yuan``: information processing fees charged to applicants, in 元."""

from __future__ import annotations

from .prose import CountRule, ZeroRule, rx
from .vocabulary import LINK, N

RULES = (
    # 收取信息处理费380元
    CountRule("fees.processing_yuan", rx(rf"收取(?:了)?[^，。；,;\d]{{0,12}}?(?:信息处理费|处理费|费用){LINK}{N}元")),
    # 没有收取申请人任何费用
    ZeroRule(
        "fees.processing_yuan",
        rx(r"(?:没有|未|均未|不曾)收取[^，。；,;\d]{0,10}?(?:信息处理费|处理费|任何费用|费用)"),
    ),
)
