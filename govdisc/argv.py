"""Command-line values as Python values, quickly for the plain ones.

Typer checks every value with a pydantic type adapter, and importing pydantic and building the
adapters costs more than the rest of a small run. govdisc's options are plain (text, whole numbers,
decimals, flags, paths, lists of these): :func:`quicken` gives such a parameter a converter that
takes a well-formed value directly and hands anything else (a bad number, an unusual form) to
typer's own, so that what is accepted and every error message stay typer's.

Typer builds every command's parameters before it runs one; :func:`only_the_command_named` has it
build only the command the command line names (all of them for the group's help or a usage error).
"""

from __future__ import annotations

import contextlib
import re
import typing
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

_INT = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_SLOW = object()  # this value is for typer's own converter


def _plain(annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
    """``value`` as ``annotation``, or :data:`_SLOW` when it is not plainly well formed."""
    if annotation is str:
        return value if isinstance(value, str) else _SLOW
    if annotation is bool:
        return value if isinstance(value, bool) else _SLOW
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return int(value) if isinstance(value, str) and _INT.fullmatch(value) else _SLOW
    if annotation is float:
        if isinstance(value, float):
            return value
        return float(value) if isinstance(value, str) and _DECIMAL.fullmatch(value) else _SLOW
    if annotation is Path and isinstance(value, (str, Path)) and value != "":
        from typer._param_types import coerce_cli_path

        info = param.type_descriptor.parameter_info
        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
    if typing.get_origin(annotation) is list and isinstance(value, (list, tuple)):
        (item,) = typing.get_args(annotation)
        items = [_plain(item, v, param, ctx) for v in value]
        return _SLOW if any(i is _SLOW for i in items) else items
    return _SLOW


class _Quick:
    """A parameter's converter: plain values here, the rest by typer's."""

    def __init__(self, param: Any) -> None:
        self.param = param
        self.annotation = param.type_descriptor.annotation
        self.full: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        if value is None:
            return () if param.multiple or param.nargs == -1 else None
        if not isinstance(value, str) or not (param.multiple or param.nargs == -1):
            plain = _plain(self.annotation, value, param, ctx)
            if plain is not _SLOW:
                return plain
        if self.full is None:
            from typer._coercion import build_runtime_param

            self.full = build_runtime_param(param.type_descriptor)
        return self.full.coerce(value, param=param, ctx=ctx)


def quicken(param: Any) -> None:
    """Give a typer parameter of plain values the quick converter (any other parameter is left as it is)."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or getattr(param, "_runtime_param", "absent") is not None:
        return
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None or info.min is not None:
        return
    if info.max is not None or getattr(info, "click_type", None) is not None or info.path_type not in (None, Path):
        return
    param._runtime_param = _Quick(param)


def _name(info: Any) -> str:
    """The name a registered typer command or group is called by (typer's rule: ``_`` becomes ``-``)."""
    return info.name or info.callback.__name__.lower().replace("_", "-")


@contextlib.contextmanager
def only_the_command_named(app: Any, argv: Sequence[str]) -> Iterator[None]:
    """While the block runs, ``app`` has only the command or group named first in ``argv`` (when it has one
    of that name; every command otherwise, so that the group's help and its errors list them all)."""
    first = argv[0] if argv and not argv[0].startswith("-") else None
    commands, groups = app.registered_commands, app.registered_groups
    kept_commands = [c for c in commands if _name(c) == first]
    kept_groups = [g for g in groups if g.name == first]
    if kept_commands or kept_groups:
        app.registered_commands, app.registered_groups = kept_commands, kept_groups
    try:
        yield
    finally:
        app.registered_commands, app.registered_groups = commands, groups
