#!/usr/bin/env python3
"""govdisc's throughput, memory and cache benefit, against the floor of doing almost nothing.

    python bench/run.py --docs 1000            # txt, docx and pdf, 1 and 2 workers, the floor, the cache
    python bench/run.py --docs 200 --small 0   # quicker: no 10,000-small-files memory run
    python bench/run.py --startup-only         # only the start-up times: --help and one small file

Builds a corpus of N documents from samples/ and ../shared/corpus/ (every file's content made
unique, so nothing is cached by accident), runs ``govdisc extract --no-cache`` over each part
with 1 and 2 workers, and in the same run the floor: ``pdftotext`` over the same pdfs and a bare
read of the txt/docx files. Prints files/s, documents/s (records: a compilation file holds several), MB/s, peak RSS, and
govdisc's time as a multiple of
the floor; then a second run with the cache, and peak RSS over many small files.

First, the start-up: ``govdisc --help``, ``python3 -c pass`` and ``govdisc extract`` of one small
txt with no cache and no workers, run in turn (alternated, so a loaded machine slows each alike),
each ``--repeats`` times; medians with min–max, and ``--help`` as a multiple of ``python3 -c pass``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "annual"
sys.path.insert(0, str(ROOT))

RSS_PROBE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); p = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode,\n"
    "      p.stdout.count(b'\\n'))\n"
)


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, int]:
    """(seconds, peak RSS of the largest process in MB, exit code, lines printed) of a command."""
    out = subprocess.run([sys.executable, "-c", RSS_PROBE, *cmd], capture_output=True, text=True, env=env, check=True)
    seconds, rss_kb, code, lines = out.stdout.split()
    return float(seconds), int(rss_kb) / 1024, int(code), int(lines)


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]


def vary(text: str, n: int) -> str:
    """The same document under another agency and title, so its content is unique."""
    return text.replace("2022年", f"2022年(第{n}批)", 1).replace("2021年", f"2021年(第{n}批)", 1) + f"\n编号{n}\n"


def build_corpus(folder: Path, docs: int) -> dict[str, list[Path]]:
    """``docs`` documents: half txt, a quarter docx, a quarter pdf (real reports and seeds)."""
    from tests.helpers import write_docx, write_pdf

    parts: dict[str, list[Path]] = {"txt": [], "docx": [], "pdf": []}
    for kind in parts:
        (folder / kind).mkdir(parents=True)
    texts = seed_texts()
    real_txt = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    real_docx = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    real_pdf = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    n_pdf, n_docx = docs // 4, docs // 4
    n_txt = docs - n_pdf - n_docx
    texts_all = texts + [p.read_text(encoding="utf-8") for p in real_txt]
    for i in range(n_txt):
        path = folder / "txt" / f"{i:05d}.txt"
        path.write_text(vary(texts_all[i % len(texts_all)], i), encoding="utf-8")
        parts["txt"].append(path)
    made_docx = [write_docx(vary(t, 0).splitlines(), folder / f"seed{k}.docx") for k, t in enumerate(texts)]
    for i in range(n_docx):
        sources = made_docx + real_docx
        path = folder / "docx" / f"{i:05d}.docx"
        shutil.copy(sources[i % len(sources)], path)
        with zipfile.ZipFile(path, "a") as archive:  # unique content, same document
            archive.writestr("docProps/custom-bench.xml", f"<n>{i}</n>")
        parts["docx"].append(path)
    made_pdf = [write_pdf(vary(t, 0).splitlines(), folder / f"seed{k}.pdf") for k, t in enumerate(texts[:3])]
    for i in range(n_pdf):
        sources = real_pdf + made_pdf
        path = folder / "pdf" / f"{i:05d}.pdf"
        path.write_bytes(sources[i % len(sources)].read_bytes() + f"\n%bench {i}\n".encode())
        parts["pdf"].append(path)
    for extra in folder.glob("seed*"):
        extra.unlink()
    return parts


def floor_seconds(kind: str, files: list[Path]) -> tuple[float, str]:
    """The time to do almost nothing with these files: pdftotext for pdf, a bare read otherwise."""
    started = time.perf_counter()
    if kind == "pdf":
        if not shutil.which("pdftotext"):
            return float("nan"), "pdftotext (not installed)"
        for path in files:
            subprocess.run(["pdftotext", "-layout", str(path), "-"], stdout=subprocess.DEVNULL, check=False)
        return time.perf_counter() - started, "pdftotext"
    for path in files:
        if kind == "docx":
            with zipfile.ZipFile(path) as archive:
                archive.read("word/document.xml")
        else:
            path.read_bytes()
    return time.perf_counter() - started, "bare read"


def govdisc(*args: str) -> list[str]:
    exe = shutil.which("govdisc")
    return [exe, *args] if exe else [sys.executable, "-m", "govdisc", *args]


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds a whole process takes, from start to exit."""
    started = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - started


def startup(repeats: int, env: dict[str, str]) -> dict[str, dict[str, float]]:
    """Start-up times, alternated: ``govdisc --help``, ``python3 -c pass``, one small txt uncached."""
    python = shutil.which("python3") or sys.executable
    one = sorted(str(p) for p in SAMPLES.glob("000_*.txt"))
    commands = {
        "govdisc --help": govdisc("--help"),
        "python3 -c pass": [python, "-c", "pass"],
        "extract 000_*.txt --no-cache -w 0": govdisc("extract", *one, "--no-cache", "--workers", "0", "-f", "jsonl"),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # once each first: nothing is measured cold
        wall(cmd, env)
    for _ in range(repeats):
        for name, cmd in commands.items():
            times[name].append(wall(cmd, env))
    floor = statistics.median(times["python3 -c pass"])
    said: dict[str, dict[str, float]] = {}
    print(f"start-up ({repeats} runs each, alternated; median, min–max):")
    for name, runs in times.items():
        median = statistics.median(runs)
        said[name] = {"median_s": median, "min_s": min(runs), "max_s": max(runs), "x_python": median / floor}
        print(f"  {name:36} {median:6.3f} s  ({min(runs):.3f}–{max(runs):.3f})  {median / floor:5.2f}× python3 -c pass")
    return said


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=1000, help="documents in the corpus (default 1000)")
    ap.add_argument("--small", type=int, default=10_000, help="small files for the memory run (0: skip)")
    ap.add_argument("--keep", action="store_true", help="keep the corpus folder")
    ap.add_argument("--repeats", type=int, default=10, help="runs of each start-up command (default 10)")
    ap.add_argument("--startup-only", action="store_true", help="only the start-up times")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="govdisc-bench-"))
    env = {**os.environ, "GOVDISC_CACHE_DIR": str(work / "cache")}
    report: dict[str, object] = {}
    try:
        report["startup"] = startup(args.repeats, env)
        if args.startup_only:
            print(json.dumps(report))
            return
        t = time.perf_counter()
        parts = build_corpus(work / "corpus", args.docs)
        print(f"corpus: {args.docs} documents in {time.perf_counter() - t:.1f} s "
              f"({', '.join(f'{len(v)} {k}' for k, v in parts.items())}) at {work}")  # fmt: skip
        print(f"{'part':6} {'workers':>7} {'files/s':>8} {'docs/s':>8} {'MB/s':>7} {'peak RSS':>9} {'floor':>8} "
              f"{'× floor':>8}")  # fmt: skip
        for kind, files in parts.items():
            if not files:
                continue
            megabytes = sum(p.stat().st_size for p in files) / 2**20
            floor, floor_name = floor_seconds(kind, files)
            for workers in (1, 2):
                cmd = govdisc("extract", str(work / "corpus" / kind), "--no-cache", "--quiet", "--format", "jsonl",
                              "--workers", str(workers))  # fmt: skip
                seconds, rss, code, docs = timed(cmd, env)
                ratio = seconds / floor if floor == floor and floor > 0 else float("nan")
                print(f"{kind:6} {workers:>7} {len(files) / seconds:>8.1f} {docs / seconds:>8.1f} "
                      f"{megabytes / seconds:>7.2f} {rss:>7.0f}MB {floor:>7.2f}s {ratio:>7.1f}×  "
                      f"(floor: {floor_name}, exit {code})")  # fmt: skip
                report[f"{kind}.{workers}"] = {"seconds": seconds, "files_per_s": len(files) / seconds,
                                               "docs_per_s": docs / seconds, "rss_mb": rss, "floor_s": floor,
                                               "x_floor": ratio}  # fmt: skip
        everything = str(work / "corpus")
        first, _, _, _ = timed(govdisc("extract", everything, "--quiet", "--format", "jsonl"), env)
        second, _, _, _ = timed(govdisc("extract", everything, "--quiet", "--format", "jsonl"), env)
        print(f"cache: first run {first:.2f} s, second run {second:.2f} s: {first / second:.1f}× faster")
        report["cache"] = {"first_s": first, "second_s": second, "speedup": first / second}
        if args.small:
            small = work / "small"
            small.mkdir()
            text = seed_texts()[0]
            for i in range(args.small):
                (small / f"{i:05d}.txt").write_text(vary(text, i), encoding="utf-8")
            seconds, rss, _, _ = timed(govdisc("extract", str(small), "--no-cache", "--quiet", "--format", "jsonl",
                                               "-o", str(work / "small.jsonl")), env)  # fmt: skip
            print(f"small files: {args.small} in {seconds:.1f} s ({args.small / seconds:.0f} docs/s), "
                  f"peak RSS {rss:.0f} MB")  # fmt: skip
            report["small"] = {"files": args.small, "seconds": seconds, "rss_mb": rss}
        print(json.dumps(report))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
