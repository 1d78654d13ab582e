#!/usr/bin/env python3
"""OCR on scanned renderings of the corpus pdfs, scored against the gold labels.

    python bench/ocr.py                       # the four pdfs of ../shared/corpus/annual
    python bench/ocr.py --corpus DIR --gold GOLD.json

Each pdf is rasterized (``pdftoppm -r 150 -gray``) and its page images written into an image-only pdf
(Pillow), which govdisc reads with ``--ocr auto``. Prints per file the seconds per page (wall and CPU),
metadata (agency, year, type) and the warnings OCR gave, then two scores by the corpus's score script:
table 2/3/4 values only (the keys the text pdfs read from tables) and every metric.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from govdisc.pipeline import extract_document  # noqa: E402
from govdisc.read import read_document  # noqa: E402

SHARED = ROOT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"


def scan(pdf: Path, out: Path, dpi: int = 150) -> Path:
    """An image-only pdf of ``pdf``: its pages rasterized grey at ``dpi``."""
    from PIL import Image

    work = out / pdf.stem
    work.mkdir()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", str(pdf), str(work / "p")], check=True)
    images = [Image.open(p) for p in sorted(work.glob("p-*.pgm"), key=lambda p: int(p.stem.split("-")[1]))]
    target = out / pdf.name
    images[0].save(target, save_all=True, append_images=images[1:], resolution=float(dpi))
    return target


def score(gold: list[dict], preds: list[dict], keys: set[str] | None, folder: Path, label: str) -> None:
    """Run the score script on ``preds`` against ``gold``, both cut to ``keys`` (None: all)."""

    def cut(d: dict) -> dict:
        if keys is None:
            return d
        return {**d, **{f: {k: v for k, v in (d.get(f) or {}).items() if k in keys} for f in ("metrics", "optional")}}

    gold_file, pred_file = folder / f"gold-{label}.json", folder / f"pred-{label}.jsonl"
    gold_file.write_text(json.dumps([cut(g) for g in gold], ensure_ascii=False))
    pred_file.write_text("".join(json.dumps(cut(p), ensure_ascii=False) + "\n" for p in preds))
    line = subprocess.run([sys.executable, str(SCORE), str(gold_file), str(folder), "--pred", str(pred_file), "-v"],
                          capture_output=True, text=True).stdout  # fmt: skip
    print(f"--- {label}")
    print("\n".join(s for s in line.splitlines() if s.strip()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "annual")
    parser.add_argument("--gold", type=Path, default=SHARED / "corpus" / "annual.gold.json")
    args = parser.parse_args()
    pdfs = sorted(args.corpus.glob("*.pdf"))
    names = {p.name for p in pdfs}
    gold = [g for g in json.loads(args.gold.read_text()) if g["file"] in names]
    table_keys: set[str] = set()
    for pdf in pdfs:
        for rec in extract_document(read_document(pdf), pdf.name):
            table_keys |= {k for k, ev in rec.evidence.items() if ev.source == "table"}
    preds: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for pdf in pdfs:
            scanned = scan(pdf, folder)
            wall, cpu = time.perf_counter(), time.process_time()
            doc = read_document(scanned, ocr="auto")
            records = extract_document(doc, pdf.name)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            pages = len(doc.ocr)
            for rec in records:
                preds.append(rec.to_dict())
                print(f"{pdf.name}: {pages} page(s), {wall / max(pages, 1):.1f} s/page wall, "
                      f"{cpu / max(pages, 1):.1f} s/page CPU; agency={rec.agency} year={rec.year} "
                      f"type={rec.doc_type}; {len(rec.metrics)} metrics")  # fmt: skip
                for w in rec.warnings:
                    if "OCR" in w:
                        print(f"    {w}")
        score(gold, preds, table_keys, folder, "tables")
        score(gold, preds, None, folder, "all")


if __name__ == "__main__":
    main()
