"""Extracting many files: a pool of worker processes, results in file order, limits, cache.

Each file goes to a worker process; a worker that crashes or runs past the time limit is
replaced and its file gets an error, and any exception while reading or extracting a file
becomes that file's error (:func:`govdisc.pipeline.failure`). Each worker runs under an
address-space limit (``--max-memory``), so a file that would take more gets the error
``memory limit exceeded`` instead of the machine's memory. Results come back in the order of
the files whatever order they finish in, with at most a few files per worker in flight, so
memory stays bounded however large the folder. Workers ignore SIGINT and take the default
action of SIGTERM (Ctrl-C or a ``kill`` ends the run in the main process, which stops them),
print nothing, and end when the run's process ends, even in the middle of a file (on Linux the
kernel kills them, elsewhere a watchdog thread notices). A file is hashed (in its worker)
before it is extracted, and served from the cache when its content was extracted before.
With ``workers=0`` the files are read in this process, each under the same two limits
(:mod:`govdisc.confine`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from govdisc.cache import Cache, Seen, file_sha256
from govdisc.confine import PR_SET_PDEATHSIG, WATCHDOG, TimedOut, confined, limit_memory
from govdisc.limits import MB as MB
from govdisc.limits import OCR_MODES as OCR_MODES
from govdisc.limits import Limits as Limits
from govdisc.model import Record
from govdisc.pipeline import FileResult, discover, extract_document, failure, out_of_memory, trace_of

if TYPE_CHECKING:
    import ctypes
    import multiprocessing as mp
    from multiprocessing.connection import Connection, wait
else:  # imported when a pool of workers starts: a cached run, or one in this process, needs neither
    from govdisc.later import module

    ctypes, mp = module("ctypes"), module("multiprocessing")

    def wait(*args: Any, **kwargs: Any) -> Any:
        from multiprocessing.connection import wait as waited

        return waited(*args, **kwargs)


IN_FLIGHT_PER_WORKER = 4


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / MB:.0f} MB"


#: Looks a content hash up in the cache: the payload extracted before, or None.
Lookup = Callable[[str], Optional[dict[str, Any]]]  # noqa: UP045 (an alias is evaluated at run time)


def work(
    path: str, label: str, limits: Limits, lookup: Lookup | None = None, memory_limit: int | None = None
) -> dict[str, Any]:
    """Hash one file and extract it unless ``lookup`` knows its content (``memory_limit``: the room
    in bytes it runs under, named in the error when it runs out).

    Returns its path, ``seen`` (stat and hash), ``payload`` (``{"records": …}`` or ``{"error": …}``),
    ``cached`` (served by content) and ``cacheable``.
    """
    from govdisc.read import read_document

    p = Path(path)
    out: dict[str, Any] = {"path": path}
    try:
        real = p.resolve(strict=True)
        stat = real.stat()
    except RuntimeError:
        return {**out, "payload": {"error": "symbolic link loop"}}
    except OSError as exc:
        reason = "symbolic link loop" if exc.errno == 40 else (exc.strerror or str(exc)).lower()
        return {**out, "payload": {"error": f"cannot open: {reason}"}}
    if stat.st_size > limits.max_size:
        return {**out, "payload": {"error": f"file too large ({_size(stat.st_size)} > {_size(limits.max_size)} limit; "
                                            "raise it with --max-size)"}}  # fmt: skip
    try:
        hashed_ns = time.time_ns()
        seen = Seen.of(stat, file_sha256(real), hashed_ns)
    except PermissionError:
        return {**out, "payload": {"error": "permission denied"}}
    except OSError as exc:
        return {**out, "payload": {"error": f"cannot read: {(exc.strerror or str(exc)).lower()}"}}
    try:
        if lookup is not None and (known := lookup(seen.sha256)) is not None:
            return {**out, "seen": seen, "payload": known, "cached": True, "cacheable": True}
        doc = read_document(real, max_pages=limits.max_pages, ocr=limits.ocr, max_lines=limits.max_lines)
        records = extract_document(doc, label)
        payload: dict[str, Any] = {"records": [r.to_dict() for r in records]}
        cacheable = True
    except Exception as exc:  # one file's failure, whatever it is, is that file's error
        error, cacheable = failure(exc)
        payload = {"error": error}
        if out_of_memory(exc) and memory_limit is not None:
            payload["error"] = f"memory limit exceeded ({_size(memory_limit)}; raise it with --max-memory)"
        elif error.startswith("internal"):
            payload["traceback"] = trace_of(exc)
    return {**out, "seen": seen, "payload": payload, "cacheable": cacheable}


def warm_up(paths: Sequence[str | os.PathLike[str]] | None = None) -> None:
    """Load the readers of ``paths``' file types (every reader when None), the character table, OpenCC and the
    region index once here, so forked workers start ready.

    The word model that scores mojibake repairs is not loaded: it takes a third of a second and most runs need
    it for no file (a pdf, a docx); a worker that meets a garbled line loads it then.
    """
    from govdisc.normalize import normalize_text
    from govdisc.numbers import to_number
    from govdisc.read import warm_up as import_readers
    from govdisc.region import resolve

    import_readers(None if paths is None else [os.fspath(p) for p in paths])
    normalize_text("主動公開情況（一）")
    to_number("三十五")
    resolve("广东省广州市")  # the region index, built once here rather than in every worker


def _timed_out(limits: Limits) -> str:
    return f"timed out after {limits.timeout:g} s (raise the limit with --timeout)"


def _result(path: Path, label: str, payload: dict[str, Any]) -> FileResult:
    if "error" in payload:
        return FileResult(path, label, error=payload["error"], traceback=payload.get("traceback"))
    records = [Record.from_dict({**d, "file": label}) for d in payload["records"]]
    return FileResult(path, label, records)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _die_with_parent(parent: int) -> None:
    """End this worker as soon as the process that started it ends, whatever the worker is doing.

    On Linux the kernel sends SIGKILL (``PR_SET_PDEATHSIG``); a watchdog thread checks the parent
    too, on every system, even while the worker is busy with a file.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it ended before the kernel was told
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name=WATCHDOG).start()


def _worker_main(conn: Connection, parent_end: Connection, limits: Limits, lookup: Lookup | None) -> None:
    # Ctrl-C and a kill reach the whole process group: the run ends in the main process, which stops its
    # workers; a SIGTERM ends a worker at once, without the main process's handler (govdisc.exits).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    parent_end.close()
    parent = os.getppid()
    try:
        _die_with_parent(parent)
        memory_limit = limits.max_memory if limit_memory(limits.max_memory) is not None else None
        while True:
            task = conn.recv()
            if task is None:
                return
            index, path, label = task
            conn.send((index, work(path, label, limits, lookup, memory_limit)))
    except BaseException:  # the run went away (a closed pipe) or stopped it: a worker prints nothing
        os._exit(1)


class _Worker:
    def __init__(self, ctx: Any, limits: Limits, lookup: Lookup | None) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, self.conn, limits, lookup), daemon=True)
        # SIGINT and SIGTERM are held back while the worker starts, so that neither arrives before the
        # worker has set how it takes them.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        child.close()
        self.task: tuple[int, float] | None = None  # (index, started)

    def give(self, index: int, path: str, label: str) -> None:
        self.conn.send((index, path, label))
        self.task = (index, time.monotonic())

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except (BrokenPipeError, OSError):
                self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


@dataclass
class Tally:
    """How a run got each file's result: extracted, or from the cache by path or by content."""

    files: int = 0
    extracted: int = 0
    by_path: int = 0  # unchanged since last hashed: not read at all
    by_content: int = 0  # hashed, and the same bytes were extracted before (a copy, a renamed or touched file)
    errors: int = 0

    def line(self) -> str:
        cached = self.by_path + self.by_content
        return (f"{self.files} file(s): {self.extracted} extracted, {cached} from the cache "
                f"({self.by_path} unchanged, {self.by_content} by content), {self.errors} unreadable")  # fmt: skip


def run(
    paths: Sequence[str | os.PathLike[str]],
    workers: int | None = None,
    limits: Limits = Limits(),
    cache: Cache | None = None,
    on_result: Callable[[FileResult], None] | None = None,
    tally: Tally | None = None,
) -> Iterator[FileResult]:
    """Extract every file under ``paths``; yield one FileResult per file, in sorted file order.

    ``workers=0`` extracts in this process, each file under the time and memory limits when this is
    the main thread of a POSIX process (:func:`govdisc.confine.confined`); otherwise a pool of
    worker processes.
    With a ``cache``, a file is served from it when its content was extracted before, its result read
    from the cache when its turn to be yielded comes (a rerun over a million cached files holds a few
    results at a time, not all of them); ``tally`` counts how each result was got.
    """
    files = discover(paths)
    workers = default_workers() if workers is None else workers
    tally = tally if tally is not None else Tally()
    tally.files += len(files)
    done: dict[int, FileResult] = {}
    known: dict[int, str] = {}  # file → the hash of its content, whose result is read when its turn comes
    todo: list[int] = []
    for i, (path, _) in enumerate(files):
        sha = cache.known_hash(path) if cache else None
        if cache and sha and cache.has_result(sha):
            known[i] = sha
        else:
            todo.append(i)
    lookup = cache.result if cache else None

    def finish(i: int, out: dict[str, Any]) -> None:
        path, label = files[i]
        payload = out["payload"]
        if out.get("cached"):
            tally.by_content += 1
        elif "seen" in out:
            tally.extracted += 1
        if cache is not None and "seen" in out:
            if out.get("cached"):
                cache.remember(path, out["seen"])
            elif out.get("cacheable"):
                cache.store(path, out["seen"], payload)
        done[i] = _result(path, label, payload)
        tally.errors += "error" in payload

    def here(i: int) -> None:
        """Extract file ``i`` in this process, under the limits where they can be set."""
        try:
            with confined(limits.timeout, limits.max_memory) as limited:
                out = work(str(files[i][0]), files[i][1], limits, lookup, limits.max_memory if limited else None)
        except TimedOut:
            out = {"payload": {"error": _timed_out(limits)}}
        finish(i, out)

    def served(i: int) -> FileResult:
        """File ``i``'s result from the cache, read now; extracted here if it went from the cache meanwhile."""
        assert cache is not None
        payload = cache.result(known.pop(i))
        if payload is None:
            here(i)
            return done.pop(i)
        tally.by_path += 1
        return _result(files[i][0], files[i][1], payload)

    next_out = 0

    def flush() -> Iterator[FileResult]:
        nonlocal next_out
        while next_out in done or next_out in known:
            result = done.pop(next_out) if next_out in done else served(next_out)
            next_out += 1
            if on_result:
                on_result(result)
            yield result

    if not todo:
        yield from flush()
        return
    if workers <= 0:
        for i in todo:
            yield from flush()  # the cached results before it first
            here(i)
        yield from flush()
        return
    yield from _pool(files, todo, workers, limits, finish, flush, cache.reader() if cache else None)


def _pool(
    files: list[tuple[Path, str]],
    todo: list[int],
    workers: int,
    limits: Limits,
    finish: Callable[[int, dict[str, Any]], None],
    flush: Callable[[], Iterator[FileResult]],
    lookup: Lookup | None,
) -> Iterator[FileResult]:
    warm_up([files[i][0] for i in todo])
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    queue = list(reversed(todo))
    pool = [_Worker(ctx, limits, lookup) for _ in range(min(workers, len(todo)))]
    window = max(1, workers) * IN_FLIGHT_PER_WORKER
    first_pending = lambda: min([w.task[0] for w in pool if w.task] + ([queue[-1]] if queue else [len(files)]))  # noqa: E731

    def feed(k: int) -> None:
        """Give worker ``k`` the next file, if it is idle and the file is within the window."""
        w = pool[k]
        if w.task is None and queue and queue[-1] < first_pending() + window:
            if not w.process.is_alive():  # it ended between files
                w.stop(kill=True)
                pool[k] = w = _Worker(ctx, limits, lookup)
            i = queue.pop()
            w.give(i, str(files[i][0]), files[i][1])

    try:
        while queue or any(w.task for w in pool):
            yield from flush()  # cached results before the first file still being read go out now
            for k in range(len(pool)):
                feed(k)
            busy = [w for w in pool if w.task]
            deadline = min(w.task[1] + limits.timeout for w in busy)  # type: ignore[index]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy],
                         timeout=max(0.0, deadline - time.monotonic()))  # fmt: skip
            now = time.monotonic()
            for k, w in enumerate(pool):
                if w.task is None:
                    continue
                index = w.task[0]
                if w.conn in ready:
                    try:
                        got, out = w.conn.recv()
                    except (EOFError, OSError):
                        got, out = index, None
                    if out is not None:
                        w.task = None
                        feed(k)  # the worker goes on with the next file while this one's result is taken in
                        finish(got, out)
                        continue
                if w.process.sentinel in ready or not w.process.is_alive():
                    code = w.process.exitcode
                    said = f"worker crashed (exit code {code}) while reading this file"
                    if limits.max_memory:  # a library that cannot allocate aborts rather than raise MemoryError
                        said += f"; if it needed more memory than {_size(limits.max_memory)}, raise --max-memory"
                    finish(index, {"payload": {"error": said}})
                    w.stop(kill=True)
                    pool[k] = _Worker(ctx, limits, lookup)
                elif now - w.task[1] > limits.timeout:
                    finish(index, {"payload": {"error": _timed_out(limits)}})
                    w.stop(kill=True)
                    pool[k] = _Worker(ctx, limits, lookup)
            yield from flush()
        yield from flush()
    finally:
        for w in pool:
            w.stop(kill=bool(w.task))


def nothing_to_read(paths: Sequence[str | os.PathLike[str]]) -> str | None:
    """Why folders given hold no document govdisc reads ("no documents found in …"); None when they do.

    Files named directly are always read (and an unsupported one gets its own error).
    """
    from govdisc.filetypes import SUPPORTED

    if any(not Path(p).is_dir() for p in paths):
        return None
    files = discover(paths)
    if any(path.suffix.lower() in SUPPORTED for path, _ in files):
        return None
    where = ", ".join(str(p) for p in paths)
    if not files:
        return f"no documents found in {where} (no files)"
    return f"no documents found in {where} ({len(files)} file(s), none of them {', '.join(SUPPORTED)})"
