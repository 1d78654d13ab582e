"""Shared test helpers: paths, the CLI, and documents written with real tools."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import click.testing

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FIXTURES = ROOT / "tests" / "fixtures"
#: The shared corpus beside this checkout. ``GOVDISC_NO_SHARED=1`` runs the tests as if it were absent
#: (a path that can never exist), to see what skips without it.
SHARED = Path(os.devnull, "shared") if os.environ.get("GOVDISC_NO_SHARED") else ROOT.parent / "shared"
#: The reason every test that needs ``SHARED`` gives when it skips (conftest.py counts these).
SHARED_ABSENT = "../shared corpus not present"
SEEDS = sorted(SAMPLES.glob("*.txt"))


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """Run ``govdisc`` as a user would (same interpreter), capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "govdisc", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def invoke_cli(*args: str, env: dict[str, str] | None = None) -> click.testing.Result:
    """Run ``govdisc`` in this process through typer's CliRunner: for tests where the process boundary
    (a real pipe, a signal, the interpreter starting) is not what is tested. Exceptions propagate."""
    from typer.testing import CliRunner

    from govdisc.cli import app

    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def cli(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``govdisc`` in this process (:func:`invoke_cli`) from ``cwd``, the result shaped as :func:`run_cli`'s:
    for tests of what a command writes and exits with, where the process boundary is not the point."""
    from typer.testing import CliRunner

    from govdisc.cli import app

    before = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(app, list(args), input=stdin, catch_exceptions=False)
    finally:
        os.chdir(before)
    return subprocess.CompletedProcess(["govdisc", *args], result.exit_code, result.stdout, result.stderr)


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
