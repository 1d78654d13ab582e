"""typer's help formatter, imported without the parts of rich that govdisc's help never uses.

``typer.rich_utils`` imports ``rich.markdown`` (markdown-it) and ``rich.traceback`` (pygments) at the
top, for help written in Markdown and for tracebacks; they are most of the time ``govdisc --help``
takes. govdisc's help is rich markup, so :func:`load` imports the formatter with stand-ins for those
two names, each importing the real one the first time it is used. Likewise rich's table of emoji
codes (``:smile:``), which rich loads to render any markup, is read only when a text holds such a code.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import Iterator, Mapping
from typing import Any


def _stand_in(module: str, name: str) -> type:
    """A class named ``name`` that builds (and answers ``from_exception`` with) the real one of ``module``."""

    def real() -> Any:
        return getattr(importlib.import_module(module), name)

    def new(cls: type, *args: Any, **kwargs: Any) -> Any:
        return real()(*args, **kwargs)

    def from_exception(cls: type, *args: Any, **kwargs: Any) -> Any:
        return real().from_exception(*args, **kwargs)

    return type(name, (), {"__new__": new, "from_exception": classmethod(from_exception)})


_STANDS_IN = (("rich.markdown", "Markdown"), ("rich.traceback", "Traceback"))

_EMOJI_CODES = "rich._emoji_codes"


class _Emoji(Mapping[str, str]):
    """rich's ``EMOJI`` table, read from its module the first time a code is looked up."""

    def _table(self) -> Mapping[str, str]:
        stand_in = sys.modules.pop(_EMOJI_CODES, None)
        try:
            table: Mapping[str, str] = importlib.import_module(_EMOJI_CODES).EMOJI  # the real one, from now on
        except BaseException:
            if stand_in is not None:
                sys.modules[_EMOJI_CODES] = stand_in
            raise
        self.__dict__["_real"] = table
        return table

    def _codes(self) -> Mapping[str, str]:
        return self.__dict__.get("_real") or self._table()

    def __getitem__(self, name: str) -> str:
        return self._codes()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes())

    def __len__(self) -> int:
        return len(self._codes())


def _emoji_later() -> None:
    """Put a stand-in for ``rich._emoji_codes`` whose table loads on the first lookup (none in govdisc's help)."""
    if _EMOJI_CODES not in sys.modules:
        stand_in = types.ModuleType(_EMOJI_CODES)
        stand_in.EMOJI = _Emoji()  # type: ignore[attr-defined]
        sys.modules[_EMOJI_CODES] = stand_in


def load() -> None:
    """Import ``typer.rich_utils``, if not yet imported, without importing rich.markdown and rich.traceback."""
    if "typer.rich_utils" in sys.modules:
        return
    _emoji_later()
    placed: dict[str, types.ModuleType] = {}
    for module, name in _STANDS_IN:
        if module not in sys.modules:
            placed[module] = types.ModuleType(module)
            setattr(placed[module], name, _stand_in(module, name))
    sys.modules.update(placed)
    try:
        importlib.import_module("typer.rich_utils")
    finally:
        for module, stand_in in placed.items():
            if sys.modules.get(module) is stand_in:
                del sys.modules[module]
