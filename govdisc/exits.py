"""How a command ends when it is interrupted or its reader goes away.

- Ctrl-C: one line, ``govdisc: interrupted``, and exit status 130 (128 + SIGINT), as shells expect.
  Worker processes ignore SIGINT (:mod:`govdisc.runner`); the main process stops them.
- SIGTERM (``kill``): one line, ``govdisc: terminated``, and exit status 143 (128 + SIGTERM).
  Either way an output file being written (``-o``) is left as it was: its temporary ``.part`` file
  beside it is removed (:func:`govdisc.output.atomic_path`). Only SIGKILL, which no program can
  catch, leaves a ``.part`` file behind.
- A closed pipe (``govdisc extract … | head -1``): the reader has what it wanted, so the command
  stops quietly with status 0 — not 1, which means a file could not be read.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import sys
import threading
from collections.abc import Iterator
from typing import Any

import typer
from typer.core import TyperGroup

from govdisc import rich_help
from govdisc.help import Tidy

INTERRUPTED = 130
TERMINATED = 143


class Terminated(BaseException):
    """SIGTERM arrived: raised where the main process is, so that it unwinds as for Ctrl-C.

    Not an :class:`Exception`, so that no handler of a file's failure takes it for one.
    """


def _terminate(signum: int, frame: Any) -> None:
    raise Terminated


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated` (in the main thread; elsewhere it is left alone)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop(message: str) -> None:
    sys.stderr.write(("\n" if sys.stderr.isatty() else "") + f"govdisc: {message}\n")  # after the ^C echo
    sys.stderr.flush()


def _silence_stdout() -> None:
    """Point standard output at the null device, so that flushing what is left at exit cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


class Group(Tidy, TyperGroup):
    """The ``govdisc`` command group: every command ends through :meth:`invoke`; its help reads as a command's."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except Exception as exc:
            _usage_error(exc)
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            try:
                with _sigterm_raises():
                    return super().invoke(ctx)
            finally:
                sys.stdout.flush()
        except KeyboardInterrupt:
            _stop("interrupted")
            raise typer.Exit(INTERRUPTED) from None
        except Terminated:
            _stop("terminated")
            raise typer.Exit(TERMINATED) from None
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            _silence_stdout()
            raise typer.Exit(0) from None
        except Exception as exc:
            _usage_error(exc)
            raise


def _usage_error(exc: Exception) -> None:
    """Before typer shows a usage error (an exception that can show itself), load its formatter the quick way."""
    if hasattr(exc, "show"):
        rich_help.load()
