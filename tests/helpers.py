"""Shared test helpers: paths, the CLI, and documents written with real tools."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
SEEDS = sorted(SAMPLES.glob("*.txt"))


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``govdisc`` as a user would (same interpreter), capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "govdisc", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def seed_lines(path: Path) -> list[str]:
    return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def write_docx(lines: list[str], target: Path) -> Path:
    """A .docx with one paragraph per line, written by python-docx."""
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(target))
    return target


def write_pdf(lines: list[str], target: Path) -> Path:
    """A .pdf with one paragraph per line (long lines wrap), written by reportlab with a CJK font."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=10.5, leading=16, wordWrap="CJK")
    story = [Paragraph(escape(line.replace("\t", " ")), style) for line in lines]
    SimpleDocTemplate(str(target), pagesize=A4).build(story)
    return target
