"""typer's help formatter, imported without the parts of rich that govdisc's help never uses.

``typer.rich_utils`` imports ``rich.markdown`` (markdown-it) and ``rich.traceback`` (pygments) at the
top, for help written in Markdown and for tracebacks; they are most of the time ``govdisc --help``
takes. govdisc's help is rich markup, so :func:`load` imports the formatter with stand-ins for those
two names, each importing the real one the first time it is used.
"""

from __future__ import annotations

import importlib
import sys
import types
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


def load() -> None:
    """Import ``typer.rich_utils``, if not yet imported, without importing rich.markdown and rich.traceback."""
    if "typer.rich_utils" in sys.modules:
        return
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
