#!/usr/bin/env python3
"""The speed checks that used to be wall-clock assertions in the tests, as measurements.

    python3 bench/speed_checks.py               # every check, 5 rounds
    python3 bench/speed_checks.py --repeat 11   # steadier medians
    python3 bench/speed_checks.py --only model resolve

Each check is timed against a floor measured in the same run, the two alternated round after
round (floor, check, floor, check, ...), so a loaded or slow machine moves both alike: read the
ratios, the absolute times are noisy. In-process checks are measured against a fixed amount of
pure-Python work (the CPU floor); checks that start an interpreter against ``python3 -c pass``.
The limit the old test asserted is shown for reference; nothing here fails.

Not a test: pytest collects only ``tests/``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cpu_floor() -> None:
    """A fixed amount of pure-Python work (about 20 ms on the 2-core machine)."""
    total = 0
    for i in range(400_000):
        total += i * i % 7
    assert total


def process_floor() -> None:
    """The cheapest interpreter start: ``python3 -c pass``."""
    subprocess.run([sys.executable, "-c", "pass"], check=True)


def _python(code: str) -> Callable[[], None]:
    def run() -> None:
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)

    return run


def model_load() -> Callable[[], None]:
    """tests/test_mojibake.py::test_model_loads_quickly: the plausibility model, loaded afresh."""
    from govdisc.normalize import plausibility

    return plausibility._model.__wrapped__


def repair_seed_004() -> Callable[[], None]:
    """tests/test_mojibake.py::test_seed_004_is_fast: GBK misalignment repair of seed 004 (warm)."""
    from govdisc.normalize.mojibake import repair_gbk_misalignment

    text = next((ROOT / "samples").glob("004_*.txt")).read_text(encoding="utf-8")
    repair_gbk_misalignment(text)
    return lambda: repair_gbk_misalignment(text)


def resolve_10000() -> Callable[[], None]:
    """tests/test_region.py::test_resolving_is_fast: 10,000 agencies (every table name) with a title."""
    from importlib.resources import files

    from govdisc.region import resolve

    lines = (files("govdisc") / "data" / "gbt2260.tsv").read_text(encoding="utf-8").splitlines()
    names = [line.split("\t")[1] for line in lines if not line.startswith("#")][1:]
    agencies = [name + "人民政府" for name in names]
    agencies = (agencies * (10_000 // len(agencies) + 1))[:10_000]
    resolve("预热")

    def run() -> None:
        for agency in agencies:
            resolve(agency, "2023年政府信息公开工作年度报告")

    return run


def import_cli() -> Callable[[], None]:
    """A new interpreter importing the command line (what every ``govdisc`` run pays first)."""
    return _python("import govdisc.cli")


def worker_warm_up() -> Callable[[], None]:
    """A new interpreter loading every reader and model once (what a run with workers pays before forking)."""
    return _python("import govdisc.cli; from govdisc.runner import warm_up; warm_up()")


def extract_samples() -> Callable[[], None]:
    """``govdisc extract samples --workers 0 --no-cache``: the five seeds, one process, start to finish."""

    def run() -> None:
        cmd = [sys.executable, "-m", "govdisc", "extract", "samples", "-f", "jsonl", "--workers", "0", "--no-cache"]
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)

    return run


@dataclass(frozen=True)
class Check:
    name: str
    setup: Callable[[], Callable[[], None]]
    floor: Callable[[], None]
    old_limit: float | None  # seconds the old test asserted, for reference


CHECKS = [
    Check("model", model_load, cpu_floor, 1.0),
    Check("repair004", repair_seed_004, cpu_floor, 0.1),
    Check("resolve", resolve_10000, cpu_floor, 1.0),
    Check("import", import_cli, process_floor, None),
    Check("warmup", worker_warm_up, process_floor, None),
    Check("samples", extract_samples, process_floor, None),
]


def _timed(fn: Callable[[], None]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(check: Check, repeat: int) -> tuple[float, float, float, float]:
    """(median seconds, median floor seconds, median ratio, lowest ratio) over ``repeat`` alternated rounds."""
    subject = check.setup()
    check.floor()  # one unmeasured round of each: imports, caches, page cache
    subject()
    times, floors, ratios = [], [], []
    for n in range(repeat):
        # Alternate which goes first, so neither always runs right after the other.
        if n % 2:
            t, f = _timed(subject), _timed(check.floor)
        else:
            f, t = _timed(check.floor), _timed(subject)
        times.append(t)
        floors.append(f)
        ratios.append(t / f)
    return statistics.median(times), statistics.median(floors), statistics.median(ratios), min(ratios)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="rounds per check (default 5)")
    parser.add_argument("--only", nargs="*", choices=[c.name for c in CHECKS], help="only these checks")
    args = parser.parse_args()
    chosen = [c for c in CHECKS if not args.only or c.name in args.only]
    print(f"{'check':<10} {'median':>9} {'floor':>9} {'× floor':>8} {'best ×':>7}  floor / old test limit")
    for check in chosen:
        median, floor, ratio, best = measure(check, args.repeat)
        floor_name = "cpu loop" if check.floor is cpu_floor else "python3 -c pass"
        limit = f"; the test asserted < {check.old_limit:g} s" if check.old_limit else ""
        print(f"{check.name:<10} {median:>8.3f}s {floor:>8.3f}s {ratio:>7.1f}× {best:>6.1f}×  {floor_name}{limit}")


if __name__ == "__main__":
    main()
