"""``requests.*`` from prose: requests received and how they were answered (table 3 in words)."""

from __future__ import annotations

from .prose import CountRule, ZeroRule, rx
from .vocabulary import LINK, NONE, NONE_SHORT, N

_REQUEST = r"(?:政府信息公开|依申请公开|信息公开|政府公开)"
_UNIT = r"(?:件|宗|条|个|份|次|例)"
_ABOUT_REQUESTS = rx(r"申请")

RULES = (
    # 收到政府信息公开申请24件 · 收到依申请公开事项1件 · 共受理政府公开申请1宗
    CountRule(
        "requests.received.total",
        rx(
            rf"(?:收到|受理|接收|接到|新收)(?:了)?[^，。；,;\d]{{0,30}}?{_REQUEST}(?:的)?(?:申请|事项)?"
            rf"(?:数量)?{LINK}{N}{_UNIT}"
        ),
    ),
    # 依申请公开方面，全年共收到申请12件 (the topic named elsewhere in the sentence)
    CountRule(
        "requests.received.total",
        rx(rf"(?:收到|受理|接收|接到|新收)(?:了)?(?:各类)?申请{LINK}{N}{_UNIT}"),
        rank=0,
        needs=rx(r"依申请|信息公开"),
    ),
    # 没有收到政府信息公开申请 · 未收到依申请公开内容
    ZeroRule(
        "requests.received.total",
        rx(
            rf"{NONE}(?:收到|受理|接到|接收)?(?:过|到)?(?:任何)?[^，。；,;\d]{{0,20}}?{_REQUEST}(?:的)?(?:申请|事项|内容)"
        ),
    ),
    # 无依申请公开事项
    ZeroRule("requests.received.total", rx(rf"{NONE_SHORT}{_REQUEST}(?:的)?(?:申请|事项)")),
    # 上年结转政府信息公开申请1件
    CountRule(
        "requests.carried_over.total",
        rx(rf"上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?{LINK}{N}{_UNIT}"),
        needs=_ABOUT_REQUESTS,
    ),
    # 结转下年度继续办理2件
    CountRule(
        "requests.carried_forward.total",
        rx(rf"结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?{LINK}{N}{_UNIT}"),
        needs=_ABOUT_REQUESTS,
    ),
    # 同意公开的7件 · 予以公开3件
    CountRule(
        "requests.granted.total",
        rx(rf"(?<!部分)(?<!不)(?:同意公开|予以公开|全部公开)(?:的)?{LINK}{N}{_UNIT}"),
        needs=_ABOUT_REQUESTS,
    ),
    # 部分公开的7件
    CountRule("requests.partial.total", rx(rf"部分(?:同意)?公开(?:的)?{LINK}{N}{_UNIT}"), needs=_ABOUT_REQUESTS),
    # 信息不存在的6件 · 本机关不掌握相关政府信息2件
    CountRule(
        "requests.unable.not_held.total",
        rx(rf"(?:信息不存在|(?:本机关)?不掌握(?:相关)?(?:政府)?信息)(?:的)?{LINK}{N}{_UNIT}"),
        needs=_ABOUT_REQUESTS,
    ),
)
