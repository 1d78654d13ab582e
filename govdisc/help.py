"""How ``govdisc … --help`` reads: values named as a user types them, and examples at the end.

Typer names each value by its Python type (``<bool>``, ``<list[Path]>``) and a required argument
in braces (``{paths}``); :class:`Command` names them as command-line tools do: a flag takes no
value, ``PATH...`` for files and folders, ``N`` for a number, ``TEXT`` for words, or the value's
own metavar (``zh|en``) where a command gives one. Every command ends its help with examples
(:func:`examples`).

A help text may name a list of the catalogue by a marker (:data:`DERIVED_LIST`, :data:`PRESET_LIST`,
:data:`DOC_TYPE_LIST`),
filled in when the command's help is shown or its options are read: starting ``govdisc`` loads no
catalogue.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path
from typing import Any

from typer.core import TyperCommand

from govdisc import rich_help
from govdisc.argv import quicken

_NAMES: dict[Any, str] = {Path: "PATH", int: "N", float: "N", str: "TEXT"}

#: Markers for the derived figures of compare (``disclosure_rate, …``), its presets (``summary|…``) and the
#: record's document types (``annual_report|…``).
DERIVED_LIST = "<derived figures>"
PRESET_LIST = "<presets>"
DOC_TYPE_LIST = "<document types>"


def _derived() -> str:
    from govdisc.metrics import DERIVED

    return ", ".join(DERIVED)


def _presets() -> str:
    from govdisc.compare.figures import PRESET_NAMES

    return "|".join(PRESET_NAMES)


def _doc_types() -> str:
    from govdisc.model import DOC_TYPES

    return "|".join(DOC_TYPES)


_LISTS = {DERIVED_LIST: _derived, PRESET_LIST: _presets, DOC_TYPE_LIST: _doc_types}


def fill_in(text: str) -> str:
    """``text`` with each list marker replaced by the list it names."""
    for marker, listed in _LISTS.items():
        if marker in text:
            text = text.replace(marker, listed())
    return text


# Parameters are told apart by param_type_name, not isinstance: typer may build on its own copy of click.


def _value_name(param: Any) -> str:
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if typing.get_origin(annotation) is list:
        annotation = typing.get_args(annotation)[0]
    if annotation in _NAMES:
        return _NAMES[annotation]
    return str(getattr(param.type, "name", "value")).upper()


def tidy(param: Any) -> None:
    """Give ``param`` the metavar help shows (none for a flag, else a name for its value) and its full help."""
    if param.help and "<" in param.help:
        param.help = fill_in(param.help)
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


class Tidy:
    """What every govdisc command and the group share: tidy metavars, plain values converted quickly,
    help formatted without loading what it does not show."""

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            tidy(param)
            quicken(param)
        return params

    def format_help(self, ctx: Any, formatter: Any) -> None:
        rich_help.load()
        super().format_help(ctx, formatter)  # type: ignore[misc]


class Command(Tidy, TyperCommand):
    """A govdisc command: tidy metavars, and a usage line as ``govdisc extract [OPTIONS] PATH...``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = (param.metavar or param.name or "").upper() + ("..." if param.nargs != 1 else "")
                pieces.append(name if param.required else f"[{name}]")
        return pieces


_MARKUP = re.compile(r"(\\*)(\[[a-z#/@][^[]*?])")


def escape(text: str) -> str:
    """``text`` safe in rich markup, as :func:`rich.markup.escape` makes it (without importing rich at start)."""
    text = _MARKUP.sub(lambda m: f"{m.group(1)}{m.group(1)}\\{m.group(2)}", text)
    return text + "\\" if text.endswith("\\") and not text.endswith("\\\\") else text


def examples(*lines: tuple[str, str]) -> str:
    """An epilog of examples, each a command and what it does, in rich markup."""
    shown = "\n".join(f"  {escape(command)}  [dim]# {escape(said)}[/dim]" for command, said in lines)
    return f"[bold]Examples[/bold]\n\n{shown}"
