"""Extracting many files: a pool of worker processes, results in file order, limits, cache.

Each file goes to a worker process; a worker that crashes or runs past the time limit is
replaced and its file gets an error. Results come back in the order of the files whatever
order they finish in, with at most a few files per worker in flight, so memory stays bounded
however large the folder.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from govdisc.cache import Cache, file_sha256
from govdisc.model import ReadError, Record
from govdisc.pipeline import FileResult, discover, extract_document

MB = 1 << 20
IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True)
class Limits:
    """Per-file limits; each has a command-line flag to raise it."""

    max_size: int = 200 * MB  # --max-size (MB)
    max_pages: int = 2000  # --max-pages
    timeout: float = 30.0  # --timeout (seconds)


def _size(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / MB:.0f} MB"


def work(path: str, label: str, limits: Limits) -> dict[str, Any]:
    """Extract one file (in a worker): its stat and hash, and ``{"records": …}`` or ``{"error": …}``."""
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
        sha = file_sha256(real)
        doc = read_document(real, max_pages=limits.max_pages)
        records = extract_document(doc, label)
        payload: dict[str, Any] = {"records": [r.to_dict() for r in records]}
        cacheable = True
    except ReadError as exc:
        payload, cacheable = {"error": str(exc)}, "limit" not in str(exc)
    except PermissionError:
        return {**out, "payload": {"error": "permission denied"}}
    except OSError as exc:
        return {**out, "payload": {"error": f"cannot read: {(exc.strerror or str(exc)).lower()}"}}
    except RecursionError:
        payload, cacheable = {"error": "structure nested too deeply to read"}, True
    return {**out, "sha256": sha, "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "payload": payload,
            "cacheable": cacheable}  # fmt: skip


def warm_up() -> None:
    """Load every reader and model once here, so forked workers start ready."""
    from govdisc.normalize import normalize_text
    from govdisc.numbers import to_number
    from govdisc.read import warm_up as import_readers

    import_readers()
    normalize_text("?。ㄒ唬┲鲃庸_情況 區(qū)")
    to_number("三十五")


def _result(path: Path, label: str, payload: dict[str, Any]) -> FileResult:
    if "error" in payload:
        return FileResult(path, label, error=payload["error"])
    records = [Record.from_dict({**d, "file": label}) for d in payload["records"]]
    return FileResult(path, label, records)


def _worker_main(conn: Connection, parent_end: Connection, limits: Limits) -> None:
    parent_end.close()
    parent = os.getppid()
    while True:
        if not conn.poll(1.0):
            if os.getppid() != parent:  # the run was killed: do not outlive it
                return
            continue
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, path, label = task
        conn.send((index, work(path, label, limits)))


class _Worker:
    def __init__(self, ctx: Any, limits: Limits) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, self.conn, limits), daemon=True)
        self.process.start()
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


def run(
    paths: Sequence[str | os.PathLike[str]],
    workers: int | None = None,
    limits: Limits = Limits(),
    cache: Cache | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> Iterator[FileResult]:
    """Extract every file under ``paths``; yield one FileResult per file, in sorted file order.

    ``workers=0`` extracts in this process (no time limit); otherwise a pool of worker processes.
    """
    files = discover(paths)
    workers = default_workers() if workers is None else workers
    done: dict[int, FileResult] = {}
    todo: list[int] = []
    for i, (path, label) in enumerate(files):
        cached = cache.lookup(path) if cache else None
        if cached is not None:
            done[i] = _result(path, label, cached)
        else:
            todo.append(i)

    def finish(i: int, out: dict[str, Any]) -> None:
        path, label = files[i]
        payload = out["payload"]
        if cache is not None and out.get("cacheable") and "sha256" in out:
            cache.store(path, out["size"], out["mtime_ns"], out["sha256"], payload)
        done[i] = _result(path, label, payload)

    next_out = 0

    def flush() -> Iterator[FileResult]:
        nonlocal next_out
        while next_out in done:
            result = done.pop(next_out)
            next_out += 1
            if on_result:
                on_result(result)
            yield result

    if not todo:
        yield from flush()
        return
    if workers <= 0:
        for i in todo:
            finish(i, work(str(files[i][0]), files[i][1], limits))
            yield from flush()
        yield from flush()
        return
    yield from _pool(files, todo, workers, limits, finish, flush)


def _pool(
    files: list[tuple[Path, str]],
    todo: list[int],
    workers: int,
    limits: Limits,
    finish: Callable[[int, dict[str, Any]], None],
    flush: Callable[[], Iterator[FileResult]],
) -> Iterator[FileResult]:
    warm_up()
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    queue = list(reversed(todo))
    pool = [_Worker(ctx, limits) for _ in range(min(workers, len(todo)))]
    window = max(1, workers) * IN_FLIGHT_PER_WORKER
    first_pending = lambda: min([w.task[0] for w in pool if w.task] + ([queue[-1]] if queue else [len(files)]))  # noqa: E731
    try:
        while queue or any(w.task for w in pool):
            for w in pool:
                if w.task is None and queue and queue[-1] < first_pending() + window:
                    i = queue.pop()
                    w.give(i, str(files[i][0]), files[i][1])
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
                        finish(got, out)
                        continue
                if w.process.sentinel in ready or not w.process.is_alive():
                    code = w.process.exitcode
                    finish(index, {"payload": {"error": f"worker crashed (exit code {code}) while reading this file"}})
                    w.stop(kill=True)
                    pool[k] = _Worker(ctx, limits)
                elif now - w.task[1] > limits.timeout:
                    finish(index, {"payload": {"error": f"timed out after {limits.timeout:g} s "
                                                        "(raise the limit with --timeout)"}})  # fmt: skip
                    w.stop(kill=True)
                    pool[k] = _Worker(ctx, limits)
            yield from flush()
        yield from flush()
    finally:
        for w in pool:
            w.stop(kill=bool(w.task))
