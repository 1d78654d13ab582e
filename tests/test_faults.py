"""Faults that must cost one file's line or one warning, never the run: stages, memory, the cache, signals."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import govdisc
import govdisc.cache as cache_module
import govdisc.pipeline as pipeline
import govdisc.runner as runner
from govdisc.cache import Cache
from govdisc.runner import Limits, run
from tests.helpers import ROOT, SAMPLES, invoke_cli, jsonl
from tests.hostile import endless_stream_pdf

BROKEN = "002_1dc3a79199100544.txt"


def _stage_fails_on(monkeypatch, label: str, exc: Exception) -> None:
    """A stage after reading raises ``exc`` on one file (in this process and in forked workers)."""
    real = runner.extract_document

    def extract_document(doc, file):
        if file == label:
            raise exc
        return real(doc, file)

    monkeypatch.setattr(runner, "extract_document", extract_document)


@pytest.mark.parametrize("workers", [0, 2])
def test_an_exception_in_a_stage_is_that_files_error(tmp_path, monkeypatch, workers):
    _stage_fails_on(monkeypatch, BROKEN, UnicodeEncodeError("utf-8", "\ud842", 0, 1, "surrogates not allowed"))
    results = list(run([SAMPLES], workers=workers))
    errors = {r.label: r.error for r in results if r.error}
    assert list(errors) == [BROKEN]
    assert errors[BROKEN].startswith("internal error (UnicodeEncodeError: ")
    assert "Traceback" in (results[2].traceback or "")
    assert sum(len(r.records) for r in results) == 15 - 1


def test_the_library_goes_on_past_a_failing_file(monkeypatch):
    real = pipeline.extract_file
    monkeypatch.setattr(pipeline, "extract_file", lambda p, label=None: (_ for _ in ()).throw(KeyError("x"))
                        if label == BROKEN else real(p, label))  # fmt: skip
    results = list(govdisc.extract_paths([SAMPLES]))
    assert [r.error for r in results if r.error] == ["internal error (KeyError: 'x')"]
    assert sum(len(r.records) for r in results) == 14


def test_debug_prints_the_traceback_after_the_line(monkeypatch):
    _stage_fails_on(monkeypatch, BROKEN, ZeroDivisionError("boom"))
    plain = invoke_cli("extract", str(SAMPLES), "-f", "jsonl", "--no-cache", "-w", "0")
    debug = invoke_cli("extract", str(SAMPLES), "-f", "jsonl", "--no-cache", "-w", "0", "--debug")
    assert plain.exit_code == debug.exit_code == 1
    assert plain.stderr.strip() == f"govdisc: error: {BROKEN}: internal error (ZeroDivisionError: boom)"
    assert "Traceback" not in plain.stderr and "Traceback (most recent call last)" in debug.stderr
    assert len(jsonl(plain.stdout)) == 14


def test_a_worker_over_its_memory_limit_gives_one_line(monkeypatch):
    """The worker's address space is capped: an allocation past it fails there, not in the machine."""
    real = runner.extract_document

    def greedy(doc, file):
        if file == BROKEN:
            return [bytearray(1 << 30)]  # 1 GB, past the 512 MB limit
        return real(doc, file)

    monkeypatch.setattr(runner, "extract_document", greedy)
    results = list(run([SAMPLES], workers=1, limits=Limits(max_memory=512 << 20)))
    errors = [r.error for r in results if r.error]
    assert errors == ["memory limit exceeded (512 MB; raise it with --max-memory)"]
    assert sum(len(r.records) for r in results) == 14


def test_in_process_a_file_over_the_memory_limit_gives_one_line(monkeypatch):
    """With ``--workers 0`` the room is set around each file and lifted after it."""
    import resource

    before = resource.getrlimit(resource.RLIMIT_AS)
    real = runner.extract_document

    def greedy(doc, file):
        if file == BROKEN:
            return [bytearray(1 << 30)]
        return real(doc, file)

    monkeypatch.setattr(runner, "extract_document", greedy)
    results = list(run([SAMPLES], workers=0, limits=Limits(max_memory=512 << 20)))
    assert [r.error for r in results if r.error] == ["memory limit exceeded (512 MB; raise it with --max-memory)"]
    assert sum(len(r.records) for r in results) == 14
    assert resource.getrlimit(resource.RLIMIT_AS) == before


def test_in_process_a_file_past_the_time_limit_gives_one_line(monkeypatch):
    """With ``--workers 0`` a file that never ends is stopped at the time limit; the next files are read."""
    real = runner.extract_document

    def endless(doc, file):
        while file == BROKEN:
            pass
        return real(doc, file)

    monkeypatch.setattr(runner, "extract_document", endless)
    results = list(run([SAMPLES], workers=0, limits=Limits(timeout=0.5)))
    assert [r.error for r in results if r.error] == ["timed out after 0.5 s (raise the limit with --timeout)"]
    assert sum(len(r.records) for r in results) == 14
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def _all_records_one_warning(env: dict[str, str]) -> str:
    done = invoke_cli("extract", str(SAMPLES), "-f", "jsonl", "-w", "0", env=env)
    assert done.exit_code == 0, done.stderr
    assert len(jsonl(done.stdout)) == 15
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("govdisc: warning: cache "), lines
    return lines[0]


def test_a_cache_of_random_bytes_is_moved_aside_and_rebuilt(tmp_path):
    (tmp_path / "cache.sqlite").write_bytes(os.urandom(64 << 10))
    assert "moved aside" in _all_records_one_warning({"GOVDISC_CACHE_DIR": str(tmp_path)})
    assert len(list(tmp_path.glob("cache.sqlite.corrupt-*"))) == 1
    again = invoke_cli("extract", str(SAMPLES), "-f", "jsonl", "-w", "0", env={"GOVDISC_CACHE_DIR": str(tmp_path)})
    assert again.exit_code == 0 and again.stderr == ""  # the new cache works


def test_flipped_bytes_never_serve_a_wrong_result(tmp_path):
    import random

    env = {"GOVDISC_CACHE_DIR": str(tmp_path)}
    fresh = invoke_cli("extract", str(SAMPLES), "-f", "jsonl", "-w", "0", env=env)
    with sqlite3.connect(tmp_path / "cache.sqlite") as db:
        db.execute("pragma wal_checkpoint(truncate)")
    data = bytearray((tmp_path / "cache.sqlite").read_bytes())
    rng = random.Random(5)
    for i in rng.sample(range(100, len(data)), 300):
        data[i] ^= rng.randrange(1, 256)
    (tmp_path / "cache.sqlite").write_bytes(bytes(data))
    done = invoke_cli("extract", str(SAMPLES), "-f", "jsonl", "-w", "0", env=env)
    assert done.exit_code == 0 and done.stdout == fresh.stdout
    assert len(done.stderr.strip().splitlines()) <= 1


def test_a_cache_folder_that_cannot_exist(tmp_path):
    (tmp_path / "file").write_text("x")
    assert "not a directory" in _all_records_one_warning({"GOVDISC_CACHE_DIR": str(tmp_path / "file" / "c")})


def test_a_full_disk(tmp_path, monkeypatch):
    """SQLite's own SQLITE_FULL, made by capping the database at its first pages."""
    real = cache_module._connect

    def capped(path, read_only=False):
        db = real(path, read_only)
        db.execute("pragma max_page_count = 4")
        return db

    monkeypatch.setattr(cache_module, "_connect", capped)
    assert "database or disk is full" in _all_records_one_warning({"GOVDISC_CACHE_DIR": str(tmp_path)})


def test_a_locked_cache(tmp_path, monkeypatch):
    Cache(tmp_path, warn=print).close()
    holder = sqlite3.connect(tmp_path / "cache.sqlite", isolation_level=None)
    holder.execute("begin exclusive")
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT", 0.05)
    try:
        assert "locked" in _all_records_one_warning({"GOVDISC_CACHE_DIR": str(tmp_path)})
    finally:
        holder.execute("rollback")
        holder.close()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def _start(tmp_path: Path, *args: str) -> tuple[subprocess.Popen[str], int]:
    """A real run reading the endless pdf in one worker; the run and the worker's pid."""
    endless = endless_stream_pdf(tmp_path / "endless.pdf")
    cmd = [sys.executable, "-m", "govdisc", "extract", str(endless), "--workers", "1", "--timeout", "600", *args]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "GOVDISC_CACHE_DIR": str(tmp_path / "cache")}, start_new_session=True)  # fmt: skip
    for _ in range(3000):  # a hang guard of about a minute
        if (kids := _children(proc.pid)) and (tmp_path / "cache" / "cache.sqlite").exists():
            return proc, kids[0]
        time.sleep(0.02)
    proc.kill()
    raise AssertionError("the worker never started")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_a_killed_runs_worker_dies_with_it(tmp_path):
    proc, worker = _start(tmp_path, "-f", "jsonl")
    time.sleep(0.5)  # let the worker get into the file
    proc.kill()
    proc.communicate()
    for _ in range(1500):  # hang guard: the kernel ends it at once
        if not _alive(worker):
            break
        time.sleep(0.02)
    else:
        os.kill(worker, signal.SIGKILL)
        raise AssertionError("the worker outlived its run")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_sigterm_removes_the_part_file_and_says_one_line(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    proc, _ = _start(tmp_path, "-o", str(out))
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGTERM)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert stderr == "govdisc: terminated\n"
    assert out.read_text() == "old\n" and not list(tmp_path.glob(".*.part"))


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc")
def test_the_part_file_a_sigkill_leaves_is_removed_by_the_next_write(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    proc, _ = _start(tmp_path, "-o", str(out))
    for _ in range(3000):  # hang guard: the run makes its .part file when it starts writing
        if list(tmp_path.glob(".out.jsonl.*.part")):
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate()
    [left] = tmp_path.glob(".out.jsonl.*.part")
    host, pid = left.name.split(".")[3:5]  # .out.jsonl.<host>.<pid>.<random>.part
    assert not Path(f"/proc/{pid}").exists()  # the killed run
    running = tmp_path / f".out.jsonl.{host}.{os.getpid()}.0.part"
    running.write_text("")  # a writer that still runs (this process) keeps its file
    done = invoke_cli("extract", str(SAMPLES), "-o", str(out), "--no-cache", "-w", "0")
    assert done.exit_code == 0, done.stderr
    assert [p.name for p in tmp_path.glob(".out.jsonl.*.part")] == [running.name]
    assert out.read_text() != "old\n"
