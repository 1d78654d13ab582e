"""README.md names every command and every option of the command line (found from the typer app itself).

A new command or option fails here until README.md mentions it. Those not documented yet are listed in
UNDOCUMENTED and expected to fail (strictly: once documented, remove them from the list).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main

from govdisc.cli import app
from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")

#: (command, long flag) not in README.md yet; a flag of its own is (command, None) for a command.
UNDOCUMENTED: set[tuple[str, str | None]] = set()


def _commands(command: Any, path: str) -> Iterator[tuple[str, Any]]:
    """``(path, click command)`` of a command and of every command under it, recursively."""
    yield path, command
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        if not sub.hidden:
            yield from _commands(sub, f"{path} {name}")


COMMANDS = list(_commands(typer.main.get_command(app), "govdisc"))


def _flags() -> Iterator[tuple[str, str]]:
    """``(command path, long flag)`` of every option of every command (``--no-x`` too for ``--x/--no-x``)."""
    for path, command in COMMANDS:
        for param in command.params:
            # param_type_name, not isinstance: typer may build on its own copy of click.
            if param.param_type_name == "option" and not param.hidden:
                names = [*param.opts, *param.secondary_opts]
                longs = [n for n in names if n.startswith("--")]
                yield from ((path, flag) for flag in longs or names[:1])


FLAGS = list(_flags())


def _mentioned(text: str) -> bool:
    """``text`` in the README as a whole word: ``--sort`` is not found in ``--sort-by``, nor ``cache`` in ``caches``."""
    return re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", README) is not None


def _case(key: tuple[str, str | None], *values: str) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason="not documented yet")] if key in UNDOCUMENTED else []
    return pytest.param(*values, id=" ".join(v for v in key if v), marks=marks)


@pytest.mark.parametrize("command", [_case((path, None), path) for path, _ in COMMANDS[1:]])
def test_every_command_is_in_the_readme(command: str) -> None:
    assert _mentioned(command), f"README.md does not mention `{command}`"


@pytest.mark.parametrize(("command", "flag"), [_case((path, flag), path, flag) for path, flag in FLAGS])
def test_every_option_is_in_the_readme(command: str, flag: str) -> None:
    assert _mentioned(flag), f"README.md does not mention `{flag}` (an option of `{command}`)"


def test_commands_and_options_were_found() -> None:
    """The walk above sees the CLI: its commands, sub-commands and the options they share."""
    paths = [path for path, _ in COMMANDS]
    assert {"govdisc extract", "govdisc cache", "govdisc cache info", "govdisc cache clear"} <= set(paths)
    assert ("govdisc extract", "--max-pages") in FLAGS and ("govdisc compare", "--max-pages") in FLAGS


def test_undocumented_names_only_what_exists() -> None:
    """Every entry of UNDOCUMENTED is a command or option the CLI has (no stale entries)."""
    known = {(path, None) for path, _ in COMMANDS} | set(FLAGS)
    assert not UNDOCUMENTED - known, f"not commands or options of the CLI: {UNDOCUMENTED - known}"
