"""Regular expressions compiled the first time they are used.

A module that holds many patterns for rare cases (:mod:`govdisc.metadata` has seventy, of which a
document meets about twenty) writes them with :func:`lazy` instead of :func:`re.compile`, so that a
run compiles only those it uses.
"""

from __future__ import annotations

import re
from typing import Any, cast


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
