"""Regular expressions compiled the first time they are used.

A module that holds many patterns for rare cases (:mod:`govdisc.metadata` has seventy, of which a
document meets about twenty) writes them with :func:`lazy` instead of :func:`re.compile`, so that a
run compiles only those it uses.
"""

from __future__ import annotations

import re
from typing import Any, cast

try:  # the parser of the re module, for first_chars (Python 3.11 on)
    from re import _constants, _parser  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _constants
    import sre_parse as _parser


class _Lazy:
    """Stands for ``re.compile(source, flags)``: compiles on first use, then is the compiled pattern's methods."""

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags = source, flags

    def __getattr__(self, name: str) -> Any:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(self._source, self._flags)
            for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self._source!r})"


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _Lazy(source, flags))


_CATEGORIES = {
    _constants.CATEGORY_DIGIT: r"\d",
    _constants.CATEGORY_NOT_DIGIT: r"\D",
    _constants.CATEGORY_SPACE: r"\s",
    _constants.CATEGORY_NOT_SPACE: r"\S",
    _constants.CATEGORY_WORD: r"\w",
    _constants.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = tuple(
    getattr(_constants, op) for op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_constants, op)
)
_ATOMIC_GROUP = getattr(_constants, "ATOMIC_GROUP", None)  # Python 3.11 on, as possessive repeats
_ZERO_WIDTH = (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT)


def _char(code: int) -> str:
    return f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}"


def _class_items(items: list[tuple[Any, Any]]) -> list[str] | None:
    """The members of a character class as class syntax; None for a negated one."""
    out: list[str] = []
    for op, av in items:
        if op is _constants.LITERAL:
            out.append(_char(av))
        elif op is _constants.RANGE:
            out.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is _constants.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            return None
    return out


def _starts(sequence: Any) -> tuple[list[str], bool] | None:
    """What the first character a sequence consumes can be (class members), and whether it may consume none;
    None when it could be any character."""
    found: list[str] = []
    for op, av in sequence:
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return [*found, _char(av)], False
        if op is _constants.IN:
            items = _class_items(av)
            if items is None:
                return None
            return found + items, False
        if op is _constants.BRANCH:
            parts = [_starts(branch) for branch in av[1]]
            if any(part is None for part in parts):
                return None
            found += [item for part in parts if part for item in part[0]]
            if not any(part[1] for part in parts if part):
                return found, False
        elif op is _constants.SUBPATTERN:
            if av[1] or av[2]:  # local flags: not worth following
                return None
            part = _starts(av[3])
            if part is None:
                return None
            found += part[0]
            if not part[1]:
                return found, False
        elif op in _REPEATS or op is _ATOMIC_GROUP:
            part = _starts(av[2] if op in _REPEATS else av)
            if part is None:
                return None
            found += part[0]
            if not part[1] and (op is _ATOMIC_GROUP or av[0] > 0):
                return found, False
        else:
            return None
    return found, True


def _parsed(source: str, flags: int) -> Any:
    try:
        parsed = _parser.parse(source, flags)
    except re.error:
        return None
    return None if parsed.state.flags & ~re.UNICODE else parsed


def first_chars(source: str, flags: int = 0) -> str | None:
    """A character class (``[…]``) holding every character a match of ``source`` can start with,
    or None when that cannot be told (it may start anywhere, match nothing, or set flags)."""
    parsed = _parsed(source, flags)
    return None if parsed is None else _first_class(parsed)


def _first_class(parsed: Any) -> str | None:
    found = _starts(parsed.data)
    if found is None or found[1] or not found[0]:
        return None
    return "[" + "".join(dict.fromkeys(found[0])) + "]"


def _scanned(sequence: Any) -> bool:
    """Whether :mod:`re` itself skips to where ``sequence`` can start (it begins with a character, a
    class, a run of either, or alternatives that each begin with a character)."""
    while sequence and sequence[0][0] is _constants.SUBPATTERN and not any(sequence[0][1][1:3]):
        sequence = sequence[0][1][3]
    if not sequence:
        return False
    op, av = sequence[0]
    if op in (_constants.LITERAL, _constants.IN):
        return True
    if (
        op is _constants.ASSERT
        and av[0] == 1
        and len(av[1]) == 1
        and av[1][0][0] in (_constants.LITERAL, _constants.IN)
    ):
        return True  # guarded already
    if op in _REPEATS:  # a run of one character or class: tried at once at each place
        return av[0] >= 1 and len(av[2]) == 1 and av[2][0][0] in (_constants.LITERAL, _constants.IN)
    return op is _constants.BRANCH and all(branch and branch[0][0] is _constants.LITERAL for branch in av[1])


def guarded(source: str, flags: int = 0) -> str:
    """``source`` behind a lookahead for the characters a match can start with, when they can be told
    and :mod:`re` would not skip to them by itself.

    The answers are the same; a search for a pattern that starts with a lookbehind or a long
    alternation then stops at once at each place no match could start, instead of trying it there.
    """
    parsed = _parsed(source, flags)
    if parsed is None or _scanned(parsed.data):
        return source
    first = _first_class(parsed)
    return source if first is None else f"(?={first})(?:{source})"


def compile_guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(guarded(source, flags), flags)``."""
    return re.compile(guarded(source, flags), flags)
