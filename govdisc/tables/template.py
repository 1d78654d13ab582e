"""Which statistics template an annual report follows: ``2021``, ``2019`` or ``pre2019``."""

from __future__ import annotations

import re

from .found import TableFindings

#: Keys only the 〔2021〕30号 template has.
MARKS_2021 = re.compile(r"\.(?:issued|repealed|in_force)$|^requests\.other\.(?:no_correction|unpaid_fee)\.")
#: Keys only the 〔2019〕60号 template has.
MARKS_2019 = re.compile(r"\.(?:new_made|new_published|total_published|prev_items|change)$|^procurement\.")
#: Wording of the tables before 2019 (申请总数, 同意公开 …).
MARKS_PRE2019 = re.compile(r"申请总数|部分同意公开|同意公开|信息不存在|非本机关职责|不属于本机关")


def template_of(found: TableFindings, text: str) -> str | None:
    """The template the tables follow; None when the report has no standard table to tell by."""
    keys = found.metrics.keys()
    if any(MARKS_2021.search(k) for k in keys):
        return "2021"
    if any(MARKS_2019.search(k) for k in keys):
        return "2019"
    if found.tables:
        return None
    return "pre2019" if len(set(MARKS_PRE2019.findall(text))) >= 3 else None
