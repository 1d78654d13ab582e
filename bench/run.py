#!/usr/bin/env python3
"""govdisc's start-up, throughput, memory and cache benefit, each against a floor measured in the same run.

    python3 bench/run.py                        # everything: a few minutes on 2 cores
    python3 bench/run.py --quick                # smaller corpora, fewer start-up rounds, no memory or cache run
    python3 bench/run.py --startup-only         # only the start-up lines (the first three targets)
    python3 bench/run.py --docs 600 --pdfs 120 --repeats 5 --json bench.json
    python3 bench/run.py --small 0 --no-cache-benefit   # no 10,000-small-files memory run, no cache run

Every command is a whole process, govdisc and floor alike, and every one is checked: a command that
exits with a status other than 0, a cached run that extracted something or a run with the wrong
number of records stops the bench with its stderr, so a failing command is never timed. govdisc is
run as ``sys.executable -m govdisc`` with this checkout first on PYTHONPATH (checked before anything
is timed), never a ``govdisc`` on PATH; ``python3 -c pass`` is the same interpreter. Bytecode is kept
in the bench's folder (PYTHONPYCACHEPREFIX, whatever PYTHONDONTWRITEBYTECODE says), as an installed
package has it.

The commands of a section run in rounds, one of each per round, in an order rotated round after
round (so a loaded machine slows each alike); ``--repeats`` rounds (at least 3), and every time is a
median with min–max. A ratio is taken within each round (govdisc's time over its floor's in the
same round) and its median and min–max are printed.

1. **Start-up** (``--startup-repeats`` rounds, default 10): ``python3 -c pass``, ``govdisc --help``,
   a fully cached ``govdisc extract ../shared/corpus/annual samples -v`` (its cache filled first,
   its ``-v`` line checked to say ``0 extracted``), and ``govdisc extract samples/000_*.txt
   --no-cache --workers 0``.
2. **Throughput**, per part (txt, docx, pdf), over two corpus sizes, N and 2N files, the second
   half the same mix as the first, every file's content unique (nothing is cached by accident):
   ``govdisc extract FOLDER --no-cache --workers 1`` and ``--workers 2``, and the floors: for pdf
   a ``pdftotext -layout FILE -`` process per file (a loop) and a pypdfium2 char loop (one process
   reading every char's unicode and box, ``bench/floors.py pdfium``); for txt and docx a bare read
   (``bench/floors.py read`` / ``unzip``). The marginal cost per file, (t(2N) − t(N)) / N, leaves
   out process start; documents are records (a compilation file holds several). The pdf part is
   ``--pdfs`` distinct copies of the four corpus pdfs (``\\n%copy K\\n`` appended), as the target
   defines; txt and docx are ``--docs`` files, two thirds txt, made from ``samples/`` and the corpus.
   Then txt over **distinct real documents**: every txt of the corpus (excerpts, annual) and of
   ``samples/`` once each, ``--workers 1``, less a one-file run of the same rounds: documents/s
   per core that no memo of a repeated text can flatter (the bench mix repeats its sources).
3. **Cache benefit** (``--no-cache-benefit`` skips it): the N corpus, all parts, extracted with an
   empty cache then again with the filled one, a fresh cache each round.
4. **Memory** (``--small N``, default 10,000; 0 skips it): peak RSS of the largest process over N
   small txt files, once.

Last, the speed targets as a table: target, measured, pass? (``--help`` and the cached run ≤ 3×
``python3 -c pass``; the small file ≤ 0.5 s; the pdfs ≤ 2.5× the ``pdftotext`` loop with 1 worker
and ≤ 1.5× with 2, whole runs; txt ≥ 300 documents/s per core, ``--workers 1``, marginal).
``--json FILE`` writes every measurement (each run's seconds too) as JSON. Read the ratios: absolute
times are noisy. Peak RSS is that of the largest process (``wait4``), workers included.

Not a test: pytest collects only ``tests/``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus" / "annual"
EXCERPTS = ROOT.parent / "shared" / "corpus" / "excerpts"
FLOORS = Path(__file__).resolve().parent / "floors.py"
PYTHON = sys.executable


class BenchError(Exception):
    """A command that failed or did not do what it is measured for: the bench stops."""


@dataclass(frozen=True)
class Run:
    """One whole process: wall seconds, CPU seconds, peak RSS (MB, largest process), lines printed, stderr."""

    seconds: float
    cpu: float
    rss_mb: float
    lines: int
    stderr: str


@dataclass
class Command:
    """A command timed in rounds; ``check`` says what is wrong with a run that exited 0, if anything."""

    name: str
    argv: list[str]
    env: dict[str, str]
    check: Callable[[Run], str | None] | None = None
    runs: list[Run] = field(default_factory=list)

    def times(self) -> list[float]:
        return [r.seconds for r in self.runs]


def execute(command: Command) -> Run:
    """Run ``command`` once, a process of its own; :class:`BenchError` unless it exits 0 and passes its check."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        try:
            proc = subprocess.Popen(command.argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=command.env)
        except OSError as exc:
            raise BenchError(f"{command.name}: cannot start {command.argv[0]}: {exc}") from exc
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().count(b"\n")
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    if code != 0:
        tail = "\n".join(stderr.strip().splitlines()[-8:])
        raise BenchError(f"{command.name}: exit {code}: {' '.join(command.argv)}\n{tail}")
    run = Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, lines, stderr)
    problem = command.check(run) if command.check else None
    if problem:
        raise BenchError(f"{command.name}: {problem}: {' '.join(command.argv)}\n{stderr.strip()}")
    return run


def rounds(commands: list[Command], repeats: int, warm: bool = False) -> None:
    """``repeats`` rounds of one run of each command, the order rotated each round; ``warm``: one unmeasured first."""
    if warm:
        for command in commands:
            execute(command)
    for r in range(repeats):
        shift = r % len(commands)
        for command in commands[shift:] + commands[:shift]:
            command.runs.append(execute(command))


def stats(values: list[float]) -> dict[str, float]:
    finite = [v for v in values if math.isfinite(v)]
    if not finite:
        return {"median": math.nan, "min": math.nan, "max": math.nan}
    return {"median": statistics.median(finite), "min": min(finite), "max": max(finite)}


def said(values: list[float], unit: str = "", scale: float = 1.0, digits: int = 2) -> str:
    """``median (min–max)unit`` of ``values`` times ``scale``."""
    s = stats([v * scale for v in values])
    if not math.isfinite(s["median"]):
        return "n/a"
    return f"{s['median']:.{digits}f}{unit} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def per_round(a: list[float], b: list[float]) -> list[float]:
    """a / b of each round (nan where b is not positive)."""
    return [x / y if y > 0 else math.nan for x, y in zip(a, b, strict=True)]


def govdisc_env(cache: Path) -> dict[str, str]:
    """The environment every command runs in: this checkout first on PYTHONPATH, the bench's own cache."""
    drop = ("GOVDISC_", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    env["PYTHONPYCACHEPREFIX"] = str(cache.parent / "pycache")  # bytecode kept, as an installed package has it
    env["GOVDISC_CACHE_DIR"] = str(cache)
    return env


def govdisc(env: dict[str, str], name: str, *args: str, check: Callable[[Run], str | None] | None = None) -> Command:
    return Command(name, [PYTHON, "-m", "govdisc", *args], env, check)


def check_checkout(env: dict[str, str]) -> None:
    """govdisc, as the bench runs it, is this checkout's (not an installed copy)."""
    probe = Command("import govdisc", [PYTHON, "-c", "import govdisc; print(govdisc.__file__)"], env)
    with tempfile.TemporaryFile() as out:
        proc = subprocess.run(probe.argv, env=env, stdout=out, stderr=subprocess.PIPE, check=False)
        out.seek(0)
        where = out.read().decode().strip()
    if proc.returncode != 0:
        raise BenchError(f"cannot import govdisc from {ROOT}: {proc.stderr.decode(errors='replace').strip()}")
    if not Path(where).resolve().is_relative_to(ROOT / "govdisc"):
        raise BenchError(f"{PYTHON} imports govdisc from {where}, not from this checkout {ROOT}")


def none_extracted(run: Run) -> str | None:
    return None if " 0 extracted," in run.stderr else "not fully cached (its -v line does not say '0 extracted')"


def none_cached(run: Run) -> str | None:
    return None if " 0 from the cache" in run.stderr else "served from the cache (its -v line says so)"


# --- the corpus ------------------------------------------------------------------------------------------


def vary(text: str, n: int) -> str:
    """The same document under another title, so its content is unique."""
    return text.replace("2022年", f"2022年(第{n}批)", 1).replace("2021年", f"2021年(第{n}批)", 1) + f"\n编号{n}\n"


def corpus_pdfs() -> list[Path]:
    pdfs = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
    if not pdfs:
        raise BenchError(f"no pdf in {CORPUS}: the pdf part and the cached run need the corpus beside the checkout")
    return pdfs


def build_part(kind: str, n: int, small: Path, large: Path, scratch: Path) -> None:
    """``n`` files of ``kind`` in ``small`` and ``2n`` in ``large``: file k and file n + k come from the same source."""
    small.mkdir(parents=True)
    large.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    if kind == "txt":
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))] if CORPUS.is_dir() else []

        def make(i: int, target: Path) -> None:
            target.write_text(vary(texts[i % n % len(texts)], i), encoding="utf-8")

    elif kind == "docx":
        from tests.helpers import write_docx

        sources = [write_docx(vary(t, 0).splitlines(), scratch / f"seed{k}.docx") for k, t in enumerate(texts)]
        sources += sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []

        def make(i: int, target: Path) -> None:
            shutil.copy(sources[i % n % len(sources)], target)
            with zipfile.ZipFile(target, "a") as archive:  # unique content, the same document
                archive.writestr("docProps/custom-bench.xml", f"<n>{i}</n>")

    else:
        pdfs = [p.read_bytes() for p in corpus_pdfs()]

        def make(i: int, target: Path) -> None:
            target.write_bytes(pdfs[i % n % len(pdfs)] + f"\n%copy {i}\n".encode())

    for i in range(2 * n):
        target = large / f"{i:05d}.{kind}"
        make(i, target)
        if i < n:
            shutil.copy(target, small / target.name)


# --- the sections ----------------------------------------------------------------------------------------


def startup(work: Path, repeats: int) -> dict[str, object]:
    """Start-up, alternated: ``python3 -c pass``, ``--help``, a fully cached run, one small txt uncached."""
    env = govdisc_env(work / "cache-startup")
    one = sorted(str(p) for p in SAMPLES.glob("000_*.txt"))
    cached_paths = [str(CORPUS), str(SAMPLES)] if CORPUS.is_dir() else [str(SAMPLES)]
    fill = govdisc(env, "fill the cache", "extract", *cached_paths, "-v")
    execute(fill)
    commands = [
        Command("python3 -c pass", [PYTHON, "-c", "pass"], env),
        govdisc(env, "govdisc --help", "--help"),
        govdisc(env, "cached run: annual + samples", "extract", *cached_paths, "-v", check=none_extracted),
        govdisc(env, "extract 000_*.txt --no-cache -w 0", "extract", *one, "--no-cache", "--workers", "0"),
    ]
    rounds(commands, repeats, warm=True)
    floor = commands[0].times()
    print(f"start-up: {repeats} rounds, alternated; seconds, median (min–max); × python3 -c pass per round")
    result: dict[str, object] = {}
    for command in commands:
        ratio = per_round(command.times(), floor)
        note = "" if command is commands[0] else f"  {said(ratio, '×')}"
        print(f"  {command.name:38} {said(command.times(), ' s', digits=3):28}{note}")
        result[command.name] = {"argv": command.argv, "seconds": command.times(), "x_python": ratio}
    return result


@dataclass
class Part:
    """One part of the throughput section: its floors and govdisc's commands, each over N and 2N files."""

    kind: str
    files: int
    records: dict[str, tuple[int, int]] = field(default_factory=dict)
    pairs: dict[str, tuple[Command, Command]] = field(default_factory=dict)

    def marginal(self, name: str) -> list[float]:
        """Seconds per file beyond the first N, per round."""
        small, large = self.pairs[name]
        return [(b - a) / self.files for a, b in zip(small.times(), large.times(), strict=True)]


def floor_commands(kind: str, folder: Path) -> list[tuple[str, list[str]]]:
    """The floors of one part over one folder: (name, argv)."""
    if kind == "pdf":
        loop = 'for f in "$1"/*.pdf; do pdftotext -layout "$f" - >/dev/null || exit 1; done'
        return [
            ("pdftotext loop", ["sh", "-c", loop, "sh", str(folder)]),
            ("pdfium char loop", [PYTHON, str(FLOORS), "pdfium", str(folder)]),
        ]
    if kind == "txt":
        return [("bare read", [PYTHON, str(FLOORS), "read", str(folder)])]
    return [("bare unzip", [PYTHON, str(FLOORS), "unzip", str(folder)])]


def throughput(kind: str, n: int, work: Path, repeats: int) -> Part:
    """govdisc with 1 and 2 workers and the floors over N and 2N files of one kind, alternated."""
    if kind == "pdf" and not shutil.which("pdftotext"):
        raise BenchError("pdftotext is not installed (poppler-utils): it is the pdf floor")
    what = {"pdf": "the 4 corpus pdfs, distinct copies", "txt": "samples/ and the corpus txt, each made unique",
            "docx": "samples/ written as docx and the corpus docx, each made unique"}[kind]  # fmt: skip
    print(f"\n{kind}: {n} and {2 * n} files ({what}); {repeats} rounds; seconds, median (min–max)", flush=True)
    small, large = work / kind / "n", work / kind / "2n"
    build_part(kind, n, small, large, work)
    env = govdisc_env(work / "cache-unused")
    part = Part(kind, n)
    for (name, argv_n), (_, argv_2n) in zip(floor_commands(kind, small), floor_commands(kind, large), strict=True):
        part.pairs[name] = (Command(f"{name} ({kind}, {n})", argv_n, env),
                            Command(f"{name} ({kind}, {2 * n})", argv_2n, env))  # fmt: skip
    for workers in (1, 2):
        name = f"govdisc -w {workers}"
        a, b = (govdisc(env, f"{name} ({kind}, {len(list(folder.iterdir()))})", "extract", str(folder), "--no-cache",
                        "--quiet", "-f", "jsonl", "--workers", str(workers)) for folder in (small, large))  # fmt: skip
        part.pairs[name] = (a, b)
    for name, (a, _) in part.pairs.items():  # the floors once first: their imports compiled, pdftotext loaded
        if not name.startswith("govdisc"):
            execute(a)
    rounds([c for pair in part.pairs.values() for c in pair], repeats)
    for name, (a, b) in part.pairs.items():
        if name.startswith("govdisc"):
            ra, rb = a.runs[0].lines, b.runs[0].lines
            if ra == 0 or rb != 2 * ra or any(r.lines != ra for r in a.runs) or any(r.lines != rb for r in b.runs):
                raise BenchError(f"{name} ({kind}): {ra} and {rb} records from {n} and {2 * n} files, not x and 2x")
            part.records[name] = (ra, rb)
    return part


def print_part(part: Part) -> dict[str, object]:
    n = part.files
    floors = [name for name in part.pairs if not name.startswith("govdisc")]
    print(f"  {'command':18} {f'{n} files':24} {f'{2 * n} files':24} {'marginal ms/file':24} {'files/s':>8} "
          f"{'docs/s':>8} {'CPU ms/file':>11} {'RSS MB':>7}")  # fmt: skip
    result: dict[str, object] = {"files": n}
    for name, (a, b) in part.pairs.items():
        marginal = part.marginal(name)
        cpu = [(y.cpu - x.cpu) / n for x, y in zip(a.runs, b.runs, strict=True)]
        docs = ""
        rss = max(r.rss_mb for r in a.runs + b.runs)
        entry: dict[str, object] = {"seconds_n": a.times(), "seconds_2n": b.times(), "marginal_s": marginal,
                                    "cpu_marginal_s": cpu, "rss_mb": rss}  # fmt: skip
        if name in part.records:
            ra, rb = part.records[name]
            per_s = [(rb - ra) / (y - x) if y > x else math.nan for x, y in zip(a.times(), b.times(), strict=True)]
            docs = f"{stats(per_s)['median']:8.1f}"
            entry.update(records_n=ra, records_2n=rb, docs_per_s=per_s)
        files_s = stats([1 / m if m > 0 else math.nan for m in marginal])["median"]
        print(f"  {name:18} {said(a.times()):24} {said(b.times()):24} {said(marginal, scale=1000, digits=1):24} "
              f"{files_s:8.1f} {docs:>8} {stats(cpu)['median'] * 1000:11.1f} {rss:7.0f}")  # fmt: skip
        result[name] = entry
    print(f"  govdisc over the floor, per round: whole run of {n} files; marginal per file")
    ratios: dict[str, object] = {}
    for name in part.pairs:
        if not name.startswith("govdisc"):
            continue
        for floor in floors:
            whole = per_round(part.pairs[name][0].times(), part.pairs[floor][0].times())
            marginal = per_round(part.marginal(name), part.marginal(floor))
            noise = not all(math.isfinite(x) for x in marginal)
            shown = "n/a (the floor's marginal is within the noise)" if noise else said(marginal, "×", digits=1)
            print(f"    {name} / {floor:18} {said(whole, '×', digits=1):24} {shown}")
            ratios[f"{name} / {floor}"] = {"whole": whole, "marginal": marginal}
    result["ratios"] = ratios
    return result


def distinct(work: Path, repeats: int) -> dict[str, object]:
    """txt documents/s per core over real documents each read once: what a per-text memo cannot flatter.

    The bench mix repeats a few sources under other titles; a national corpus does not. Every txt of the
    corpus (the excerpts, the annual reports) and of ``samples/``, once each, with ``--workers 1``; the
    start-up is a run over ``samples/000_*.txt`` alone, in the same rounds, taken off.
    """
    folder = work / "distinct"
    folder.mkdir()
    sources = sorted(SAMPLES.glob("*.txt")) + sorted(CORPUS.glob("*.txt")) + sorted(EXCERPTS.glob("*.txt"))
    for source in sources:
        shutil.copy(source, folder / f"{source.parent.name}-{source.name}")
    env = govdisc_env(work / "cache-unused")
    one = sorted(str(p) for p in folder.glob("samples-000_*.txt"))
    args = ("--no-cache", "--quiet", "-f", "jsonl", "--workers", "1")
    every = govdisc(env, f"govdisc -w 1 ({len(sources)} distinct)", "extract", str(folder), *args)
    single = govdisc(env, "govdisc -w 1 (one of them)", "extract", *one, *args)
    rounds([every, single], repeats, warm=True)
    docs = every.runs[0].lines - single.runs[0].lines
    per_s = [docs / (a - b) if a > b else math.nan for a, b in zip(every.times(), single.times(), strict=True)]
    print(f"\ntxt, distinct real documents: {len(sources)} files ({every.runs[0].lines} records), each read once, "
          f"-w 1: {said(every.times(), ' s')}; one of them {said(single.times(), ' s')}; "
          f"{said(per_s, digits=0)} documents/s per core beyond start-up")  # fmt: skip
    return {"files": len(sources), "records": every.runs[0].lines, "seconds": every.times(),
            "one_file_seconds": single.times(), "documents_per_s": per_s}  # fmt: skip


def cache_benefit(work: Path, folders: list[Path], repeats: int) -> dict[str, object]:
    """The N corpus with an empty cache, then again with it filled; a fresh cache each round."""
    first: list[float] = []
    second: list[float] = []
    for r in range(repeats):
        env = govdisc_env(work / f"cache-benefit-{r}")
        paths = [str(p) for p in folders]
        first.append(execute(govdisc(env, "first run", "extract", *paths, "-q", "-v", check=none_cached)).seconds)
        second.append(execute(govdisc(env, "cached run", "extract", *paths, "-q", "-v", check=none_extracted)).seconds)
    speedup = per_round(first, second)
    print(f"\ncache: {repeats} rounds over the {len(folders)} folders of N files: first run {said(first, ' s')}, "
          f"second {said(second, ' s')}: {said(speedup, '×', digits=1)} faster")  # fmt: skip
    return {"first_s": first, "second_s": second, "speedup": speedup}


def memory(work: Path, count: int) -> dict[str, object]:
    """Peak RSS of the largest process over ``count`` small txt files, with the machine's cores."""
    folder = work / "small"
    folder.mkdir()
    text = sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"{i:05d}.txt").write_text(vary(text, i), encoding="utf-8")
    out = work / "small.jsonl"
    env = govdisc_env(work / "cache-unused")

    def all_records(run: Run) -> str | None:
        lines = out.read_bytes().count(b"\n") if out.exists() else 0
        return None if lines >= count else f"{lines} records from {count} files"

    run = execute(govdisc(env, "small files", "extract", str(folder), "--no-cache", "-q", "-f", "jsonl", "-o", str(out),
                          check=all_records))  # fmt: skip
    print(f"\nmemory: {count} small txt files in {run.seconds:.1f} s ({count / run.seconds:.0f} files/s, "
          f"{os.cpu_count()} workers), peak RSS {run.rss_mb:.0f} MB (the largest process)")  # fmt: skip
    return {"files": count, "seconds": run.seconds, "rss_mb": run.rss_mb}


# --- the targets ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    name: str
    target: str
    measured: float
    unit: str
    limit: float
    at_most: bool
    note: str = ""

    @property
    def passed(self) -> bool | None:
        if not math.isfinite(self.measured):
            return None
        return self.measured <= self.limit if self.at_most else self.measured >= self.limit


def targets(start: dict[str, object], parts: dict[str, Part]) -> list[Line]:
    def median_of(name: str, key: str) -> float:
        entry = start[name]
        assert isinstance(entry, dict)
        return stats(entry[key])["median"]

    helped = median_of("govdisc --help", "x_python")
    cached = median_of("cached run: annual + samples", "x_python")
    one = median_of("extract 000_*.txt --no-cache -w 0", "seconds")
    lines = [
        Line("govdisc --help / python3 -c pass", "≤ 3×", helped, "×", 3, True),
        Line("cached run annual + samples / python3 -c pass", "≤ 3×", cached, "×", 3, True),
        Line("extract 000_*.txt --no-cache -w 0", "≤ 0.5 s", one, " s", 0.5, True),
    ]
    if "pdf" in parts:
        pdf = parts["pdf"]
        for workers, limit in ((1, 2.5), (2, 1.5)):
            name = f"govdisc -w {workers}"
            whole = stats(per_round(pdf.pairs[name][0].times(), pdf.pairs["pdftotext loop"][0].times()))["median"]
            marginal = stats(per_round(pdf.marginal(name), pdf.marginal("pdftotext loop")))["median"]
            lines.append(Line(f"{pdf.files} pdfs -w {workers} --no-cache / pdftotext loop", f"≤ {limit}×", whole, "×",
                              limit, True, f"marginal {marginal:.1f}×"))  # fmt: skip
    if "txt" in parts:
        txt = parts["txt"]
        ra, rb = txt.records["govdisc -w 1"]
        small, large = txt.pairs["govdisc -w 1"]
        per_s = [(rb - ra) / (y - x) if y > x else math.nan for x, y in zip(small.times(), large.times(), strict=True)]
        lines.append(Line("txt documents/s per core (-w 1, marginal)", "≥ 300", stats(per_s)["median"], "", 300, False,
                          f"{ra} records in {txt.files} files"))  # fmt: skip
    return lines


def print_targets(lines: list[Line]) -> None:
    print("\ntargets")
    print(f"  {'target':52} {'':8} {'measured':>10}  pass?")
    for line in lines:
        verdict = {True: "yes", False: "no", None: "n/a"}[line.passed]
        digits = 0 if line.unit == "" else 2
        measured = f"{line.measured:.{digits}f}{line.unit}"
        note = f"  ({line.note})" if line.note else ""
        print(f"  {line.name:52} {line.target:8} {measured:>10}  {verdict}{note}")


def write_json(path: Path, report: dict[str, object]) -> None:
    """The report, written whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(part, path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=240, help="txt and docx files in the smaller corpus, two thirds txt "
                    "(default 240; the larger has twice as many)")  # fmt: skip
    ap.add_argument("--pdfs", type=int, default=60, help="pdfs in the smaller corpus (default 60, as the target)")
    ap.add_argument("--repeats", type=int, default=3, help="rounds of each corpus command (>= 3, default 3)")
    ap.add_argument("--startup-repeats", type=int, default=10, help="rounds of each start-up command (default 10)")
    ap.add_argument("--small", type=int, default=10_000, help="small files for the memory run (default 10000; 0: skip)")
    ap.add_argument("--cache-benefit", action=argparse.BooleanOptionalAction, default=True,
                    help="time a first and a cached run over the N corpus (default: yes)")  # fmt: skip
    ap.add_argument("--quick", action="store_true", help="--docs 60 --pdfs 20 --startup-repeats 5 --small 0 "
                    "--no-cache-benefit")  # fmt: skip
    ap.add_argument("--startup-only", action="store_true", help="only the start-up lines")
    ap.add_argument("--json", type=Path, metavar="FILE", help="write every measurement to FILE as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the folder of corpora and caches")
    args = ap.parse_args()
    if args.quick:
        args.docs, args.pdfs, args.startup_repeats, args.small, args.cache_benefit = 60, 20, 5, 0, False
    if args.repeats < 3:
        ap.error("--repeats must be at least 3")
    if args.startup_repeats < 1 or args.docs < 0 or args.pdfs < 0 or args.small < 0:
        ap.error("counts must not be negative (and --startup-repeats at least 1)")

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # the work folder is removed on SIGTERM too
    work = Path(tempfile.mkdtemp(prefix="govdisc-bench-"))
    started = time.perf_counter()
    report: dict[str, object] = {
        "python": PYTHON, "checkout": str(ROOT), "cores": os.cpu_count(), "load": os.getloadavg(),
        "platform": platform.platform(), "options": {k: str(v) for k, v in vars(args).items()},
    }  # fmt: skip
    try:
        sys.path.insert(0, str(ROOT))  # tests.helpers writes the docx seeds
        check_checkout(govdisc_env(work / "cache-unused"))
        print(f"govdisc from {ROOT}, run by {PYTHON} -m govdisc; {os.cpu_count()} cores, load "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}; work folder {work}\n")  # fmt: skip
        start = startup(work, args.startup_repeats)
        report["startup"] = start
        parts: dict[str, Part] = {}
        if not args.startup_only:
            n_docx = args.docs // 3
            sizes = {"txt": args.docs - n_docx, "docx": n_docx, "pdf": args.pdfs}
            measured: dict[str, object] = {}
            report["parts"] = measured
            for kind, n in sizes.items():
                if n:
                    parts[kind] = throughput(kind, n, work, args.repeats)
                    measured[kind] = print_part(parts[kind])
            if sizes["txt"] and EXCERPTS.is_dir():
                report["distinct"] = distinct(work, args.repeats)
            if args.cache_benefit and parts:
                report["cache"] = cache_benefit(work, [work / kind / "n" for kind in parts], args.repeats)
            if args.small:
                report["memory"] = memory(work, args.small)
        lines = targets(start, parts)
        print_targets(lines)
        report["targets"] = [{"name": x.name, "target": x.target, "measured": x.measured, "pass": x.passed,
                                 "note": x.note} for x in lines]  # fmt: skip
        report["bench_seconds"] = time.perf_counter() - started
        print(f"\nbench: {report['bench_seconds']:.0f} s")
        if args.json:
            write_json(args.json, report)
        return 0
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
