"""Modules imported the first time one of their names is used.

A module that needs a library only on some paths (:mod:`govdisc.runner` needs :mod:`multiprocessing` only
when it starts a pool of workers) names it with :func:`module` instead of ``import``, so that the other
paths do not pay for its import.
"""

from __future__ import annotations

import importlib
from typing import Any


class _Later:
    """Stands for the module ``name``: imports it when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"later({self._name!r})"


def module(name: str) -> Any:
    """The module ``name``, imported when first used."""
    return _Later(name)
