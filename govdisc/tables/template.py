"""Which statistics template an annual report follows: ``2021``, ``2019`` or ``pre2019``."""

from __future__ import annotations

import re
from functools import lru_cache

from govdisc.metrics import TEMPLATE_KEYS
from govdisc.metrics.requests import PRE2019_WORDING

from .found import TableFindings


@lru_cache(maxsize=1)
def _marks() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Template → one pattern of the keys only it has (〔2021〕30号 first, then 〔2019〕60号)."""
    return tuple((template, re.compile("|".join(patterns))) for template, patterns in TEMPLATE_KEYS.items())


def template_of(found: TableFindings, text: str) -> str | None:
    """The template the tables follow; None when the report has no standard table to tell by."""
    keys = found.metrics.keys()
    for template, marks in _marks():
        if any(marks.search(k) for k in keys):
            return template
    if found.tables:
        return None
    return "pre2019" if len(set(re.findall(PRE2019_WORDING, text))) >= 3 else None
