"""Time and memory limits on reading one file, in the process that reads it.

A worker process of the pool runs under :func:`limit_memory` for its whole life and is killed by
the pool past the time limit. With ``--workers 0`` the file is read in the run's own process,
which cannot be killed: :func:`confined` then sets both limits around that one file and lifts
them after it — an alarm that raises :class:`TimedOut` in the middle of the work (POSIX, main
thread only; the work is Python code between short C calls, so the alarm is taken within
moments) and a soft ``RLIMIT_AS`` that makes an allocation past the room fail with MemoryError.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Iterator
from typing import Any

PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent dies

#: The name of a worker's watchdog thread, the one thread beside the worker's own.
WATCHDOG = "govdisc-watchdog"


class TimedOut(BaseException):
    """The time limit of one file ran out (a BaseException, so no reader's ``except Exception`` takes it)."""


def address_space() -> int:
    """The bytes of address space this process holds now (0 where the system does not say)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def limit_memory(room: int) -> tuple[int, int] | None:
    """Let this process's address space grow by at most ``room`` bytes beyond what it holds now (never
    above a hard limit already set). Returns the limits it replaced, or None when none was set
    (``room`` ≤ 0, not a POSIX system, or the system refused)."""
    try:
        import resource
    except ImportError:
        return None
    if room <= 0:
        return None
    old = resource.getrlimit(resource.RLIMIT_AS)
    hard = old[1]
    cap = address_space() + room
    cap = cap if hard == resource.RLIM_INFINITY else min(cap, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        return None
    return old


def _restore_memory(old: tuple[int, int] | None) -> None:
    if old is not None:
        import resource

        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_AS, old)


def can_confine() -> bool:
    """Whether :func:`confined` can set its limits here: a POSIX system, in the main thread."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def confined(seconds: float, room: int) -> Iterator[bool]:
    """Run the block with at most ``seconds`` of time (0: none) and ``room`` bytes more address space
    (0: none); yields whether the memory limit was set. Outside the main thread of a POSIX process,
    neither limit is set."""
    if not can_confine():
        yield False
        return

    def alarm(signum: int, frame: Any) -> None:
        raise TimedOut

    previous = signal.signal(signal.SIGALRM, alarm) if seconds > 0 else None
    if seconds > 0:
        signal.setitimer(signal.ITIMER_REAL, seconds)
    old = limit_memory(room)
    try:
        yield old is not None
    finally:
        if seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _restore_memory(old)
