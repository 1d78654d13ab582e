"""Many files: worker pool, limits, hostile input, cache, resuming, output order."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import govdisc.cache as cache_module
import govdisc.runner as runner
from govdisc.cache import Cache
from govdisc.runner import Limits, run
from tests.helpers import ROOT, SEEDS, invoke_cli, jsonl, run_cli
from tests.hostile import HOSTILE, make_hostile

ENDLESS = "endless.pdf"


def _seed_folder(folder: Path, copies: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8")
            if n:
                text = text.replace("2022年", f"2022年（第{n}份）", 1)  # different content: no two files alike
            (folder / f"{n:03d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", [None, 0])
def test_hostile_files_among_the_seeds(tmp_path, workers):
    """The command over a folder of bad files among good: status 1, one error line per bad file, the good records.

    In this process (the pool of workers it forks is the same): exit statuses of a real process are
    tested in test_cli.py and below. The endless pdf, which only the time limit stops, is left to
    the next test: run here under the default limit, no good file can be slow enough to be stopped
    on a loaded machine.
    """
    folder = _seed_folder(tmp_path / "docs")
    bad = make_hostile(folder)
    (folder / ENDLESS).unlink()
    bad.remove(ENDLESS)
    more = [] if workers is None else ["--workers", str(workers)]
    run = invoke_cli("extract", str(folder), "--format", "jsonl", "--no-cache", *more)
    assert run.exit_code == 1
    errors = [line for line in run.stderr.splitlines() if line.strip()]
    for name in bad:
        assert sum(f" {name}: " in line for line in errors) == 1, (name, errors)
    assert all(line.startswith("govdisc: error: ") for line in errors)
    readable_as_root = os.geteuid() == 0  # root reads a file without read permission
    assert len(jsonl(run.stdout)) == 15 + readable_as_root


def test_a_file_that_never_ends_is_stopped_by_the_time_limit(tmp_path, monkeypatch):
    """A worker still reading a file at the time limit is killed, and the file gets one line.

    The page of endless drawing is read in a few seconds on a fast machine and in more on a slow one, so its
    reading is made endless here (the forked worker inherits it): the limit is what stops it, on any machine.
    Alone, so that the short limit it needs applies to no file that could merely be slow.
    """
    import govdisc.read

    real = govdisc.read.read_document

    def never_ends(path: Path, **options: object) -> object:
        until = time.monotonic() + 60  # past this the limit has failed: the file is read, and the test fails
        while Path(path).name == ENDLESS and time.monotonic() < until:
            time.sleep(0.1)
        return real(path, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(govdisc.read, "read_document", never_ends)
    endless = HOSTILE[ENDLESS](tmp_path / ENDLESS)
    # No memory limit: what stops it here must be the time limit.
    run = invoke_cli("extract", str(endless), "--format", "jsonl", "--no-cache", "--timeout", "1", "--max-memory", "0")
    assert run.exit_code == 1
    assert f"{ENDLESS}: timed out" in run.stderr
    assert run.stdout == ""


def test_parallel_output_is_in_file_order(tmp_path):
    folder = _seed_folder(tmp_path / "docs", copies=3)
    one = [(r.label, [x.to_dict() for x in r.records]) for r in run([folder], workers=0)]
    two = [(r.label, [x.to_dict() for x in r.records]) for r in run([folder], workers=2)]
    assert one == two and [label for label, _ in one] == sorted(label for label, _ in one)


def test_a_crashing_or_hanging_worker_is_replaced(tmp_path, monkeypatch):
    folder = _seed_folder(tmp_path / "docs", copies=2)
    real = runner.work

    def flaky(path: str, label: str, limits: Limits, lookup=None, memory_limit=None):
        if label.startswith("000_001"):
            os._exit(3)
        if label.startswith("001_002"):
            time.sleep(600)
        return real(path, label, limits, lookup, memory_limit)

    monkeypatch.setattr(runner, "work", flaky)
    # A limit far above what a seed takes even on a loaded machine: only the hanging file reaches it.
    results = list(run([folder], workers=2, limits=Limits(timeout=6)))
    errors = {r.label: r.error for r in results if r.error}
    assert set(errors) == {"000_001_b0e6df2b91b6b31c.txt", "001_002_1dc3a79199100544.txt"}
    assert "crashed" in errors["000_001_b0e6df2b91b6b31c.txt"]
    assert "timed out" in errors["001_002_1dc3a79199100544.txt"]
    assert sum(len(r.records) for r in results) == 2 * 15 - 11 - 1


def test_second_run_extracts_nothing(tmp_path, monkeypatch):
    """A second run serves every file from the cache: by content while its hash is fresh, then by path alone."""
    folder = _seed_folder(tmp_path / "docs")
    cache = Cache(tmp_path / "cache")
    first = [(r.label, [x.to_dict() for x in r.records]) for r in run([folder], workers=0, cache=cache)]

    def must_not_extract(*args, **kwargs):
        raise AssertionError("a cached file was extracted again")

    monkeypatch.setattr(runner, "extract_document", must_not_extract)
    fresh = runner.Tally()
    second = [(r.label, [x.to_dict() for x in r.records]) for r in run([folder], workers=0, cache=cache, tally=fresh)]
    assert first == second
    assert (fresh.by_content, fresh.by_path) == (5, 0)  # just written: hashed again, found by content
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # as if the files had been written long before

    def must_not_hash(*args, **kwargs):
        raise AssertionError("an unchanged file was hashed again")

    list(run([folder], workers=0, cache=cache))
    monkeypatch.setattr(runner, "file_sha256", must_not_hash)
    old = runner.Tally()
    third = [(r.label, [x.to_dict() for x in r.records]) for r in run([folder], workers=0, cache=cache, tally=old)]
    assert first == third and (old.by_path, old.by_content, old.extracted) == (5, 0, 0)


def test_changed_file_is_read_again(tmp_path):
    folder = _seed_folder(tmp_path / "docs")
    cache = Cache(tmp_path / "cache")
    list(run([folder], workers=0, cache=cache))
    target = folder / "000_000_51b27ab075c1a92c.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("没有收到政府信息公开申请", "收到政府信息公开申请3件"),
                      encoding="utf-8")  # fmt: skip
    [result] = [r for r in run([folder], workers=0, cache=cache) if r.label == target.name]
    assert result.records[0].metrics["requests.received.total"] == 3


def test_same_size_and_mtime_is_still_read_again(tmp_path, monkeypatch):
    """A change that keeps the size and sets the modification time back moves the status-change time: read again."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # trust the stat as far as it can be trusted
    folder = _seed_folder(tmp_path / "docs")
    target = folder / "000_000_51b27ab075c1a92c.txt"
    os.utime(target, ns=(10**18, 10**18))
    cache = Cache(tmp_path / "cache")
    list(run([folder], workers=0, cache=cache))
    text = target.read_text(encoding="utf-8")
    changed = text.replace("没有收到政府信息公开申请", "没有收到政府信息公开中请")  # same length in bytes
    assert changed != text and len(changed.encode()) == len(text.encode())
    target.write_text(changed, encoding="utf-8")
    os.utime(target, ns=(10**18, 10**18))
    tally = runner.Tally()
    [result] = [r for r in run([folder], workers=0, cache=cache, tally=tally) if r.label == target.name]
    assert tally.by_path == 4 and tally.extracted == 1
    assert "requests.received.total" not in result.records[0].metrics


def _cached(cache_file: Path) -> int:
    import sqlite3

    try:
        with sqlite3.connect(cache_file, timeout=1) as db:
            return db.execute("select count(*) from results").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_run_resumes_to_the_same_output(tmp_path):
    """SIGKILL a real run part way, run it again: the same output as a fresh run, never a half-written file."""
    folder = _seed_folder(tmp_path / "docs", copies=4)  # 20 files
    env = {**os.environ, "GOVDISC_CACHE_DIR": str(tmp_path / "cache")}
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "govdisc", "extract", str(folder), "-o", str(out), "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cache_file = tmp_path / "cache" / "cache.sqlite"
    for _ in range(6000):  # at most about a minute
        if proc.poll() is not None or _cached(cache_file) >= 4:
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be interrupted"
    assert not out.exists()  # never a half-written output
    done_before = _cached(cache_file)
    assert 4 <= done_before < 20
    resumed = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    fresh = invoke_cli("extract", str(folder), "--format", "jsonl", "--no-cache", "--workers", "0")
    assert fresh.exit_code == 0, fresh.stderr
    assert out.read_text(encoding="utf-8") == fresh.stdout


def test_a_new_govdisc_replaces_the_results_of_the_old_one(tmp_path, monkeypatch):
    """Results are made again by new code and take the old ones' place: one result per content and variant."""
    import sqlite3

    folder = _seed_folder(tmp_path / "docs")

    def codes() -> list[str]:
        with sqlite3.connect(tmp_path / "cache" / "cache.sqlite") as db:
            return sorted(code for (code,) in db.execute("select code from results"))

    list(run([folder], workers=0, cache=Cache(tmp_path / "cache")))
    old = codes()
    assert len(old) == 5 and len(set(old)) == 1
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "0123456789abcdef")
    list(run([folder], workers=0, cache=Cache(tmp_path / "cache", variant="+ocr=never")))
    list(run([folder], workers=0, cache=Cache(tmp_path / "cache")))
    assert codes() == ["0123456789abcdef"] * 5 + ["0123456789abcdef+ocr=never"] * 5


def test_the_code_fingerprint_follows_the_compiled_part_and_not_the_bytecode(tmp_path, monkeypatch):
    """A rebuilt compiled module makes other code, as an edited .py does; a written __pycache__ does not."""
    import importlib.machinery

    import govdisc

    package = tmp_path / "govdisc"
    (package / "read" / "__pycache__").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    compiled = package / "read" / f"_pdfium_scan{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    compiled.write_bytes(b"\x7fELF one build")
    monkeypatch.setattr(govdisc, "__file__", str(package / "__init__.py"))

    def fingerprint() -> str:
        cache_module.code_fingerprint.cache_clear()
        return cache_module.code_fingerprint()

    first = fingerprint()
    (package / "read" / "__pycache__" / "pdf.cpython-311.pyc").write_bytes(b"bytecode")
    assert fingerprint() == first
    compiled.write_bytes(b"\x7fELF another build")
    assert fingerprint() != first
    cache_module.code_fingerprint.cache_clear()


@pytest.mark.parametrize("workers", [0, 2])
def test_a_cached_result_is_read_when_its_turn_comes(tmp_path, monkeypatch, workers):
    """A rerun over a cached folder holds one cached result at a time, not the whole folder's before the first."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # as if the files had been written long before
    folder = _seed_folder(tmp_path / "docs", copies=3)
    (folder / "zz_new.txt").write_text(SEEDS[0].read_text(encoding="utf-8") + "\n新增一行\n", encoding="utf-8")
    first = [r.records for r in run([folder], workers=0, cache=Cache(tmp_path / "cache"))]
    (folder / "zz_new.txt").write_text(SEEDS[1].read_text(encoding="utf-8") + "\n又一行\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    reads = []
    real = cache.result
    monkeypatch.setattr(cache, "result", lambda sha: reads.append(sha) or real(sha))
    results = run([folder], workers=workers, cache=cache)
    head = next(results)
    assert len(reads) == 1 and head.records == first[0]
    rest = list(results)
    assert [r.records for r in rest[:-1]] == first[1:-1] and rest[-1].records  # the changed file read again
    assert len(reads) == len(first) - (1 if workers else 0)  # each once; the changed file looked up by content
    # (by the worker, with a pool)


def test_a_result_gone_from_the_cache_before_its_turn_is_extracted_again(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    folder = _seed_folder(tmp_path / "docs")
    first = [r.records for r in run([folder], workers=0, cache=Cache(tmp_path / "cache"))]
    cache = Cache(tmp_path / "cache")
    gone = cache.known_hash(sorted(folder.iterdir())[2])
    real = cache.result
    monkeypatch.setattr(cache, "result", lambda sha: None if sha == gone else real(sha))
    tally = runner.Tally()
    assert [r.records for r in run([folder], workers=0, cache=cache, tally=tally)] == first
    assert (tally.by_path, tally.extracted) == (len(first) - 1, 1)


def test_cache_clear(tmp_path):
    env = {"GOVDISC_CACHE_DIR": str(tmp_path / "cache")}
    assert invoke_cli("extract", str(SEEDS[0]), "--format", "jsonl", "--workers", "0", env=env).exit_code == 0
    assert (tmp_path / "cache" / "cache.sqlite").exists()
    cleared = invoke_cli("cache", "clear", env=env)
    assert cleared.exit_code == 0 and not (tmp_path / "cache" / "cache.sqlite").exists()


def test_no_progress_bar_when_piped():
    run = run_cli("extract", "samples", "--format", "jsonl")  # a real pipe: the process boundary is the point
    assert run.stderr == ""


def test_limits_have_flags(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("政府信息公开" * 2_000, encoding="utf-8")  # 36 KB
    small_limit = invoke_cli("extract", str(big), "--max-size", "0.01", "--format", "jsonl", "--no-cache")
    assert small_limit.exit_code == 1 and "--max-size" in small_limit.stderr
    assert invoke_cli("extract", str(big), "--max-size", "1", "--format", "jsonl", "--no-cache").exit_code == 0
