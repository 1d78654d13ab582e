#!/usr/bin/env python3
"""How reading time grows with size: large html, long text and inflated tables, at n and 2n.

    python bench/readers.py            # the sizes of the hostile files, and half of them
    python bench/readers.py --scale 0.2

For each kind, builds a file of n and of 2n units (tests/hostile.py makes them), times (in CPU
seconds, steady on a busy machine) reading (read_document), normalizing and extracting (the
whole pipeline, in process) and prints each stage's seconds and the ratio 2n/n: about 2 is linear,
about 4 is quadratic. Then reads the
span bombs and the one-bad-byte text once each, with their time and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govdisc.model import ReadError  # noqa: E402
from govdisc.normalize import normalize_document  # noqa: E402
from govdisc.pipeline import extract_document  # noqa: E402
from govdisc.read import read_document  # noqa: E402
from tests import hostile  # noqa: E402

#: kind → (maker, units at full scale, file name)
KINDS: dict[str, tuple[Callable[[Path, int], Path], int, str]] = {
    "html paragraphs": (hostile.paragraphs_html, 300_000, "p.html"),
    "html table rows": (hostile.rows_html, 100_000, "rows.html"),
    "text lines": (hostile.lines_txt, 1_000_000, "lines.txt"),
}


def stages(path: Path) -> tuple[float, float, float]:
    """Seconds to read, to normalize and to extract the file."""
    start = time.process_time()
    doc = read_document(path)
    read = time.process_time()
    normalize_document(doc)
    normalized = time.process_time()
    extract_document(doc, path.name)
    return read - start, normalized - read, time.process_time() - normalized


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.5, help="size of the larger file, as a share of the full one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for kind, (maker, units, name) in KINDS.items():
            big = max(2, int(units * args.scale))
            times = []
            for n in (big // 2, big):
                path = maker(folder / f"{n}_{name}", n)
                times.append(stages(path))
                size = path.stat().st_size / 1e6
            ratios = " ".join(f"{label} {b:.2f}s (×{b / max(a, 1e-3):.1f})" for label, a, b in
                              zip(("read", "normalize", "extract"), *times, strict=True))  # fmt: skip
            print(f"{kind:16} {big:>9,} units {size:6.1f} MB: {ratios}")
        for name, maker in (("span.docx", hostile.gridspan_docx), ("span.html", hostile.span_html)):
            path = maker(folder / name)
            start = time.process_time()
            try:
                outcome = f"{len(read_document(path).blocks)} blocks"
            except ReadError as exc:
                outcome = f"ReadError: {exc}"
            print(f"{name:16} {time.process_time() - start:.2f}s {outcome}")
        sample = next((ROOT / "samples").glob("001_*.txt"))
        bad = folder / "ff.txt"
        bad.write_bytes(sample.read_bytes() + b"\xff")
        start = time.process_time()
        records = extract_document(read_document(bad), bad.name)
        metrics = sum(len(r.metrics) for r in records)
        print(f"{'001 + one 0xff':16} {time.process_time() - start:.2f}s {len(records)} records, {metrics} metrics")
    print(f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10} MB")


if __name__ == "__main__":
    main()
