"""Numbers as Chinese reports write them: ``64``, ``1,490``, ``-3``, ``三十五``, ``1.2万``, ``近500``, ``1490余``.

One parser for prose and table cells: :func:`to_number` reads a token, :func:`quantity` a match
of :data:`NUMBER` with its approximation mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Qualifiers before a number, mapped to the ``approx`` mark of RECORD.md.
APPROX_BEFORE = {"将近": "近", "接近": "近", "近": "近", "超过": "超", "超": "超", "逾": "超",
                 "大约": "约", "约": "约", "大概": "约"}  # fmt: skip
#: Qualifiers after a number.
APPROX_AFTER = {"余": "余", "多": "余"}

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
#: The number part of a count, as a regex fragment with named groups (pre, num, post).
NUMBER = (
    r"(?P<pre>将近|接近|超过|大约|大概|近|超|逾|约)?"
    rf"(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?(?:万|亿)?|[{_CN_DIGITS}]+(?:万|亿)?|[{_CN_DIGITS}]*[万亿])"
    r"(?P<post>余|多)?"
)
NUMBER_RE = re.compile(NUMBER)
_MULTIPLIER = {"万": 10_000, "亿": 100_000_000}
#: Arabic digits as a table prints them: a sign, thousands separators, decimals.
_ARABIC = re.compile(r"[+-]?\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass(frozen=True)
class Quantity:
    """A parsed count: its value and the approximation mark, if any."""

    value: int | float
    approx: str | None = None


_ONES = dict(zip("一二三四五六七八九", range(1, 10), strict=True))
#: Chinese numerals below a hundred (``三``, ``十五``, ``二十``, ``九十九``), read without importing cn2an
#: (a tenth of a second or more); they are what cn2an reads them as (tests/test_startup.py checks every one).
SMALL_CHINESE: dict[str, int] = {
    **_ONES, "零": 0, "〇": 0, "两": 2, "十": 10,
    **{f"十{o}": 10 + v for o, v in _ONES.items()},
    **{f"{t}十": 10 * v for t, v in _ONES.items()},
    **{f"{t}十{o}": 10 * v + w for t, v in _ONES.items() for o, w in _ONES.items()},
}  # fmt: skip

#: No count in a report comes near this; longer tokens are not numbers to report.
MAX_DIGITS = 15


def to_number(token: str, chinese: bool = True) -> int | float | None:
    """Parse one number token; None if it is not one.

    Arabic digits (with a sign, thousands separators, decimals, 万/亿), and with ``chinese``
    Chinese numerals too (三十五, 两万零五百). Whole numbers stay exact integers; a token of
    more than :data:`MAX_DIGITS` digits is not taken for a count.
    """
    token = token.strip()
    if not chinese and not _ARABIC.fullmatch(token):
        return None
    token = token.replace(",", "")
    if not token or len(token) > 2 * MAX_DIGITS or sum(ch.isdigit() for ch in token) > MAX_DIGITS:
        return None
    sign = -1 if token[0] in "-−" else 1
    if token[0] in "+-−":
        token = token[1:]
        if not token[:1].isdigit():
            return None
    multiplier = 1
    if token[-1] in _MULTIPLIER and (token[:-1].replace(".", "", 1).isdigit()):
        multiplier, token = _MULTIPLIER[token[-1]], token[:-1]
    try:
        if token.isdigit() and token.isascii():
            return sign * int(token) * multiplier
        if token in SMALL_CHINESE:
            return sign * SMALL_CHINESE[token] * multiplier
        if re.fullmatch(r"\d+\.\d+", token):
            value: float = float(token) * multiplier
        else:
            import cn2an  # imported when first needed: it takes a tenth of a second

            converted = cn2an.cn2an(token, "normal")
            if isinstance(converted, int):
                return sign * converted * multiplier
            value = float(converted) * multiplier
    except (ValueError, KeyError, TypeError, OverflowError):
        return None
    value *= sign
    return int(value) if value.is_integer() else round(value, 4)


def quantity(match: re.Match[str]) -> Quantity | None:
    """The Quantity of a match of a pattern that embeds :data:`NUMBER`."""
    value = to_number(match.group("num"))
    if value is None:
        return None
    pre, post = match.group("pre"), match.group("post")
    approx = APPROX_BEFORE.get(pre or "") or APPROX_AFTER.get(post or "")
    return Quantity(value, approx)
