"""How ``govdisc … --help`` reads: values named as a user types them, and examples at the end.

Typer names each value by its Python type (``<bool>``, ``<list[Path]>``) and a required argument
in braces (``{paths}``); :class:`Command` names them as command-line tools do: a flag takes no
value, ``PATH...`` for files and folders, ``N`` for a number, ``TEXT`` for words, or the value's
own metavar (``zh|en``) where a command gives one. Every command ends its help with examples
(:func:`examples`).
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from rich.markup import escape
from typer.core import TyperCommand

_NAMES: dict[Any, str] = {Path: "PATH", int: "N", float: "N", str: "TEXT"}


# Parameters are told apart by param_type_name, not isinstance: typer may build on its own copy of click.


def _value_name(param: Any) -> str:
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if typing.get_origin(annotation) is list:
        annotation = typing.get_args(annotation)[0]
    if annotation in _NAMES:
        return _NAMES[annotation]
    return str(getattr(param.type, "name", "value")).upper()


def tidy(param: Any) -> None:
    """Give ``param`` the metavar help shows: none for a flag, else a name for its value."""
    if param.metavar is not None:
        return
    if param.param_type_name == "option" and (param.is_flag or param.count):
        param.metavar = ""
    elif param.param_type_name == "argument":
        param.metavar = "PATH" if param.name in ("path", "paths") else str(param.name).upper()
    else:
        param.metavar = _value_name(param)
    if param.param_type_name == "argument":  # its name says what it takes; typer would add <list[Path]>
        setattr(param, "display_type_rich", lambda ctx: None)  # noqa: B010


class Command(TyperCommand):
    """A govdisc command: tidy metavars, and a usage line as ``govdisc extract [OPTIONS] PATH...``."""

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)
        for param in params:
            tidy(param)
        return params

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.metavar or param.name or "").upper() + ("..." if param.nargs != 1 else "")
                pieces.append(name if param.required else f"[{name}]")
        return pieces


def examples(*lines: tuple[str, str]) -> str:
    """An epilog of examples, each a command and what it does, in rich markup."""
    shown = "\n".join(f"  {escape(command)}  [dim]# {escape(said)}[/dim]" for command, said in lines)
    return f"[bold]Examples[/bold]\n\n{shown}"
