"""``published.*``: what the body proactively published (items, interpretations, conferences, responses)."""

from __future__ import annotations

from .prose import CountRule, rx
from .vocabulary import ITEMS, LINK, PART_OR_CHANNEL, N

#: 公开 as a verb of proactive publication; not 依申请公开, 予以公开, 部分公开, 不予公开 (answers to requests).
_VERB = r"(?<!申请)(?<!予以)(?<!部分)(?<!不予)(?:主动)?(?:公开|发布|公布)(?:发布|公开)?(?:了)?"
_INFO = r"(?:各类|各项)?(?:政府|政务)?(?:公开)?信息"
_WHOLE_YEAR = r"(?:全年|共|累计|合计|总计|本年度|年度内)"
_UNLESS = rx(PART_OR_CHANNEL)

RULES = (
    # 全年共发布公开信息892条 · 全年在市政府信息公开网站上公开信息68条
    CountRule("published.items", rx(rf"{_WHOLE_YEAR}[^，。；,;]{{0,14}}?{_VERB}{_INFO}{LINK}{N}{ITEMS}"), 2, _UNLESS),
    # 年度公开网信息总量达1490余条
    CountRule("published.items", rx(rf"信息(?:总量|总数){LINK}{N}{ITEMS}"), 2, _UNLESS),
    # 主动公开政府信息64条 · 主动在政务公开网公开政务信息近500篇
    CountRule("published.items", rx(rf"{_VERB}{_INFO}{LINK}{N}{ITEMS}"), 1, _UNLESS),
    # 共发布政策解读76个 · 共发布各类政策解读6条
    CountRule(
        "published.policy_interpretations",
        rx(
            rf"(?:发布|公开|开展|制作|推出|编发|撰写)(?:了)?(?:各类|各种)?政策解读(?:材料|信息|文章|稿件|稿)?{LINK}{N}"
            rf"(?:个|条|篇|次|件|期|份)"
        ),
        1,
        _UNLESS,
    ),
    # 解读信息发布7条
    CountRule(
        "published.policy_interpretations",
        rx(rf"(?:政策)?解读(?:信息|材料|稿件)(?:发布|公开)(?:了)?{LINK}{N}(?:个|条|篇|次|件|期|份)"),
        1,
        _UNLESS,
    ),
    # 举办定时定主题新闻发布会4次 · 召开了“…”“…”等新闻发布会12场
    CountRule(
        "published.press_conferences",
        rx(
            rf"(?:举办|召开|举行|组织)(?:了)?(?:“[^”]{{1,40}}”、?){{0,8}}(?:等)?[^，。；、,;]{{0,10}}?新闻发布会{LINK}{N}(?:次|场|期)"
        ),
        1,
        _UNLESS,
    ),
    # 共发布回应关切275条
    CountRule(
        "published.responses",
        rx(rf"回应(?:社会|公众|群众|网民)?关切(?:问题|信息|事项)?{LINK}{N}(?:条|次|件|个|篇)"),
        1,
        _UNLESS,
    ),
)
