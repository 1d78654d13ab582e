"""How runs end and what they say: the cache by content, Ctrl-C, a closed pipe, empty results, a terminal.

These run ``govdisc`` as a real process where the process boundary is the point (a signal, a pipe,
a terminal); timeouts are hang guards only.
"""

from __future__ import annotations

import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers import ROOT, SAMPLES, SEEDS, SHARED, SHARED_ABSENT, cli, invoke_cli, jsonl

ANNUAL = SHARED / "corpus" / "annual"


def _many(folder: Path, copies: int) -> Path:
    """``copies`` × the seeds, each file different, so that a run takes a while and its output is large."""
    folder.mkdir()
    for n in range(copies):
        for seed in SEEDS:
            text = seed.read_text(encoding="utf-8").replace("2022年", f"2022年（第{n}份）", 1)
            (folder / f"{n:03d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


def test_a_copy_is_served_from_the_cache(tmp_path):
    """``cp samples/000_*.txt copy.txt; govdisc extract copy.txt``: the copy is not extracted again."""
    env = {"GOVDISC_CACHE_DIR": str(tmp_path / "cache")}
    [original] = SAMPLES.glob("000_*.txt")
    first = invoke_cli("extract", str(original), "-f", "jsonl", "-v", env=env)
    assert first.exit_code == 0 and "1 extracted" in first.stderr, first.stderr
    copy = tmp_path / "copy.txt"
    shutil.copy(original, copy)
    again = invoke_cli("extract", str(copy), "-f", "jsonl", "-v", env=env)
    assert again.exit_code == 0, again.stderr
    assert "0 extracted, 1 from the cache (0 unchanged, 1 by content)" in again.stderr
    strip = lambda records: [{**r, "file": None} for r in records]  # noqa: E731
    assert strip(jsonl(again.stdout)) == strip(jsonl(first.stdout)) and jsonl(again.stdout)[0]["file"] == str(copy)
    info = invoke_cli("cache", "info", env=env)
    assert "1 result(s), 2 file(s) known" in info.stdout  # one content, two paths


def test_ctrl_c_prints_one_line_and_exits_130(tmp_path):
    """SIGINT to the whole process group (what Ctrl-C does) after the first record: one line, status 130."""
    folder = _many(tmp_path / "docs", 60)
    env = {**os.environ, "GOVDISC_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "govdisc", "extract", str(folder), "-f", "jsonl", "--no-cache", "--workers", "2"]
    # Ctrl-C as an interactive shell sees it: SIGINT not ignored (a shell's background job inherits it ignored)
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # fmt: skip
    assert proc.stdout is not None and proc.stdout.readline().startswith("{")
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert err == "govdisc: interrupted\n"
    for _ in range(300):  # hang guard: the workers are gone with the run
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("worker processes outlived the interrupted run")


def test_a_closed_pipe_is_not_a_failure(tmp_path):
    """``govdisc extract … -f jsonl | head -1``: status 0 and nothing on stderr."""
    folder = _many(tmp_path / "docs", 8)  # 40 files: more output than a pipe holds
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    script = (
        f'"{sys.executable}" -m govdisc extract "{folder}" -f jsonl | head -1; echo "status ${{PIPESTATUS[0]}}" >&2'
    )
    run = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert run.stdout.startswith("{") and len(run.stdout.splitlines()) == 1
    assert run.stderr == "status 0\n"


def test_empty_results_say_so(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "other" / "notes.xyz").write_text("x", encoding="utf-8")
    for folder, said in (("empty", "(no files)"), ("other", "(2 file(s), none of them .")):
        for command in ("extract", "check", "compare"):
            run = cli(command, folder, "--no-cache", cwd=tmp_path)
            assert run.returncode == 1 and run.stdout == "", (command, run.stdout)
            assert run.stderr.startswith(f"govdisc: error: no documents found in {folder} {said}"), run.stderr
            assert run.stderr.count("\n") == 1
    later = cli("compare", str(SAMPLES), "--year", "2030", "-f", "csv")
    assert later.returncode == 1 and later.stdout == ""
    assert later.stderr == "govdisc: error: no records match --year 2030\n"


def _terminal(args: list[str], stdout: Path | None) -> str:
    """Run govdisc with standard error on a terminal (and standard output too, unless ``stdout`` is given)."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "PYTHONPATH": str(ROOT), "TERM": "xterm"}
    with open(stdout, "w") if stdout else open(os.devnull) as sink:
        proc = subprocess.Popen([sys.executable, "-m", "govdisc", *args], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=sink if stdout else follower, stderr=follower)  # fmt: skip
        os.close(follower)
        seen = b""
        while True:
            try:
                block = os.read(leader, 65536)
            except OSError:
                break
            if not block:
                break
            seen += block
        proc.wait(timeout=600)
    os.close(leader)
    return seen.decode("utf-8", "replace")


def test_records_go_to_the_file_while_the_bar_shows(tmp_path):
    """``govdisc extract samples -f jsonl > out.jsonl`` on a terminal: the records are in the file, not on screen."""
    out = tmp_path / "out.jsonl"
    screen = _terminal(["extract", "samples", "-f", "jsonl"], out)
    assert len(jsonl(out.read_text(encoding="utf-8"))) == 15
    assert '"doc_index"' not in screen


@pytest.mark.skipif(not ANNUAL.is_dir(), reason=SHARED_ABSENT)
def test_check_lines_start_their_own_line_on_a_terminal():
    """Check lines print above the progress bar: each starts a line of its own, none glued to the bar."""
    screen = _terminal(["check", str(ANNUAL)], None)
    pieces = re.split(r"[\r\n]+", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen))
    assert any(p.startswith("hongze_2023.pdf: 未通过 table4.review") for p in pieces), pieces
    assert not any("━" in p and "未通过" in p for p in pieces)
    assert any(p.startswith("检查了 8 份文档，3 项检查未通过") for p in pieces)
