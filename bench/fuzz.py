#!/usr/bin/env python3
"""Mutants of the corpus files through ``govdisc extract``: tracebacks, timeouts, error lines, records.

    python bench/fuzz.py --per-file 100          # 100 mutants of every file of samples/ and the corpus
    python bench/fuzz.py --per-file 10 --seed 7 --workers 0

Makes the mutants (tests/hostile.py ``mutant``: byte flips, truncation, chunk moves, zip member
corruption, huge spans and attributes, astral characters) in a temporary folder, runs
``govdisc extract --no-cache -f jsonl`` over it with the default limits, and counts: tracebacks on
stderr, files that timed out, files with an error line, records (every stdout line must be JSON),
and files that gave neither a record nor an error line, and the peak memory of the largest process.
Exits 1 when any of these is wrong: a traceback, a timeout, an invalid JSON line, a file with neither,
a line on stderr that is not govdisc's, or a process past the memory limit (``--max-memory``, 2048 MB).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hostile import mutant  # noqa: E402

SOURCES = [*sorted((ROOT / "samples").iterdir()), *sorted((ROOT.parent / "shared" / "corpus" / "annual").iterdir())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-file", type=int, default=100, help="mutants of each source file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=None, help="govdisc's --workers (default: its own)")
    parser.add_argument("--keep", type=Path, default=None, help="write the mutants into this folder and keep them")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) if args.keep is None else args.keep
        folder.mkdir(parents=True, exist_ok=True)
        kinds: dict[str, int] = {}
        for source in SOURCES:
            if not source.is_file():
                continue
            data = source.read_bytes()
            for n in range(args.per_file):
                kind, body = mutant(data, source.suffix.lower(), rng)
                kinds[kind] = kinds.get(kind, 0) + 1
                (folder / f"{source.stem}.{n:03d}.{kind}{source.suffix}").write_bytes(body)
        names = {p.name for p in folder.iterdir()}
        start = time.perf_counter()
        command = [sys.executable, "-m", "govdisc", "extract", str(folder), "--no-cache", "-q", "-f", "jsonl"]
        if args.workers is not None:
            command += ["--workers", str(args.workers)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - start
    bad_json = 0
    recorded: set[str] = set()
    for line in done.stdout.splitlines():
        try:
            recorded.add(Path(json.loads(line)["file"]).name)
        except (ValueError, KeyError):
            bad_json += 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("govdisc: error:")]
    errored = {name for name in names if any(f" {name}:" in line or f"/{name}:" in line for line in errors)}
    made = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
    print(f"{len(names)} mutants ({made}) in {seconds:.0f} s, exit {done.returncode}")
    slow = [e.removeprefix("govdisc: error: ").split(": ", 1)[0] for e in errors if "timed out" in e]
    timeouts = len(slow)
    print(f"tracebacks {done.stderr.count('Traceback')}, timeouts {timeouts}, "
          f"error lines {len(errors)}, files with records {len(recorded)}, invalid JSON lines {bad_json}, "
          f"files with neither {len(names - recorded - errored)}")  # fmt: skip
    if slow:
        print("timed out: " + ", ".join(Path(s).name for s in slow[:20]))
    other = [line for line in done.stderr.splitlines() if line.strip() and not line.startswith("govdisc:")]
    print(f"other stderr lines {len(other)}" + (f", e.g. {other[0][:160]!r}" if other else ""))
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of the largest process {peak:.0f} MB (limit 2048 MB per worker)")
    bad = (done.stderr.count("Traceback") or timeouts or bad_json or len(names - recorded - errored) or other
           or peak > 2048 or done.returncode not in (0, 1))  # fmt: skip
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
