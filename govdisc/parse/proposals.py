"""``proposals.*``: NPC deputies' suggestions and CPPCC proposals handled as the lead office."""

from __future__ import annotations

from .prose import CountRule, rx
from .vocabulary import LINK, N

_UNIT = r"(?:件|条|个|份)"

RULES = (
    # 承办的市人大代表建议5件 (not 人大建议会办48件: the number must follow 建议)
    CountRule("proposals.npc", rx(rf"人大(?:代表)?建议{LINK}{N}{_UNIT}")),
    # 政协委员提案3件
    CountRule("proposals.cppcc", rx(rf"政协(?:委员)?提案{LINK}{N}{_UNIT}")),
)
