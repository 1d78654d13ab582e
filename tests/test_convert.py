""".doc, .wps, .rtf and .odt: converted by LibreOffice, then read as docx.

The corpus docx and html are saved by LibreOffice as .doc, .rtf and .odt once per run (one
LibreOffice start per format), and a .doc is named .wps as WPS Office writes it (its .wps is a Word
97 file); govdisc reads the folder once, through its worker pool and cache, and the tests compare.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from govdisc.model import ReadError
from govdisc.read import convert
from tests.helpers import cli, jsonl

needs_soffice = pytest.mark.skipif(
    convert.find_soffice() is None, reason=f"LibreOffice is not installed ({convert.INSTALL})"
)

ORIGINALS = ("shanghai_bgt_2019.docx", "shanghai_bgt_2019.html")
#: LibreOffice's export filter for each format the originals are saved as.
SAVE_AS = {"doc": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}
#: What the warning says each file held: told by content, so a .wps from WPS Office is a Word 97 file.
HOLDS = {"doc": "Word 97–2003 (.doc)", "wps": "Word 97–2003 (.doc)", "rtf": "RTF (.rtf)", "odt": "OpenDocument (.odt)"}


def _converted_name(original: str, ext: str) -> str:
    stem, kind = original.rsplit(".", 1)
    return f"{stem}_{kind}.{ext}"


@pytest.fixture(scope="session")
def saved(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the originals and of their copies saved by LibreOffice, named ``<stem>_<kind>.<ext>``."""
    folder = tmp_path_factory.mktemp("saved")
    sources = tmp_path_factory.mktemp("sources")
    for name in ORIGINALS:
        shutil.copy(corpus / name, folder / name)
        stem, kind = name.rsplit(".", 1)
        (sources / f"{stem}_{kind}.{kind}").symlink_to(corpus / name)
    profile = tmp_path_factory.mktemp("profile")
    soffice = convert.find_soffice()
    assert soffice is not None
    convert.seed_profile(profile, soffice)
    for ext, export in SAVE_AS.items():
        subprocess.run(
            [str(soffice), "--headless", f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
             f"{ext}:{export}", "--outdir", str(folder), *sorted(map(str, sources.iterdir()))],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip
    wps = folder / _converted_name(ORIGINALS[0], "wps")
    shutil.copy(folder / _converted_name(ORIGINALS[0], "doc"), wps)
    return folder


@pytest.fixture(scope="session")
def records(saved: Path) -> dict[str, dict]:
    """Every file of ``saved`` read once by ``govdisc extract`` (into the run's cache): its one record by name."""
    run = cli("extract", str(saved), "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    got = {r["file"]: r for r in jsonl(run.stdout)}
    assert len(got) == len(ORIGINALS) * (1 + len(SAVE_AS)) + 1
    return got


def _cases() -> list[tuple[str, str]]:
    cases = [(name, _converted_name(name, ext)) for name in ORIGINALS for ext in SAVE_AS]
    return [*cases, (ORIGINALS[0], _converted_name(ORIGINALS[0], "wps"))]


@needs_soffice
@pytest.mark.parametrize(("original", "converted"), _cases())
def test_a_saved_copy_gives_the_metrics_of_its_original(records, original, converted):
    """Metrics, metadata and where each number came from (a table cell, a sentence) are the original's;
    the warnings say the file was converted."""
    a, b = records[original], records[converted]
    assert len(a["metrics"]) > 150
    assert b["metrics"] == a["metrics"]
    for field in ("agency", "year", "doc_type", "title", "template"):
        assert b[field] == a[field], field
    assert {k: e["source"] for k, e in b["evidence"].items()} == {k: e["source"] for k, e in a["evidence"].items()}
    held = HOLDS[converted.rsplit(".", 1)[1]]
    assert re.fullmatch(rf"converted from {re.escape(held)} with LibreOffice \d+\.\d+", b["warnings"][0])
    assert not any(w.startswith("converted") for w in a["warnings"])


@needs_soffice
def test_a_conversion_is_cached_like_any_result(records, saved, monkeypatch, tmp_path):
    """A second run takes every converted file from the cache: it needs no LibreOffice and gives the same records."""
    monkeypatch.setenv("PATH", str(tmp_path))
    again = cli("extract", str(saved), "--format", "jsonl")
    assert again.returncode == 0, again.stderr
    assert {r["file"]: r for r in jsonl(again.stdout)} == records


def test_without_libreoffice_the_error_names_the_install_command(monkeypatch, tmp_path):
    """No LibreOffice on PATH: one error line naming the file, the reason and the command that installs it."""
    report = tmp_path / "report.rtf"
    report.write_bytes(rb"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}} \f0 2019\'c4\'ea\par}")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    run = cli("extract", str(report), "--format", "jsonl", "--no-cache")
    assert run.returncode == 1
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"govdisc: error: {report}: LibreOffice is not installed: govdisc reads .doc, .wps, .rtf, .odt files "
        "with it (install it with `apt-get install libreoffice-writer`)"
    ]


@needs_soffice
def test_a_conversion_past_its_time_is_killed(saved, monkeypatch, tmp_path):
    """Past its time the converter is killed, its whole process group with it, and the file gets a reason naming the limit.

    A worker that the pool kills for running past ``--timeout`` takes its converter with it; the
    folder it was converting in is removed by the next conversion.
    """
    started: list[int] = []
    popen = subprocess.Popen

    class Recorded(popen):  # type: ignore[valid-type,misc]
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            started.append(self.pid)

    monkeypatch.setattr(convert.subprocess, "Popen", Recorded)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    doc = saved / _converted_name(ORIGINALS[0], "doc")
    with pytest.raises(ReadError, match=r"within the 0\.05 s limit \(raise the limit with --timeout\)"):
        convert.read_convert(doc, timeout=0.05)
    assert started
    assert _gone(lambda: [p for pid in started for p in _in_group(pid)])

    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(doc, folder)
    monkeypatch.setenv("PATH", f"{_hung_soffice(tmp_path / 'bin')}{os.pathsep}{os.environ['PATH']}")
    run = cli("extract", str(folder), "--format", "jsonl", "--no-cache", "--workers", "1", "--timeout", "0.5")
    assert run.returncode == 1
    assert f"{doc.name}: timed out after 0.5 s" in run.stderr
    assert _gone(lambda: _converters(tmp_path))


def _hung_soffice(folder: Path) -> Path:
    """A folder holding an ``soffice`` that never finishes (a LibreOffice hung on a file): what a worker
    past its time must take with it, however fast the real LibreOffice converts on this machine."""
    folder.mkdir()
    hung = folder / "soffice"
    hung.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(3600)\n", encoding="utf-8")
    hung.chmod(0o755)
    return folder


def test_folders_of_killed_conversions_are_removed(tmp_path):
    """A conversion first removes the folders of conversions whose process is gone, and only those."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    stale = tmp_path / f"{convert.PREFIX}{dead.pid}-abc"
    live = tmp_path / f"{convert.PREFIX}{os.getpid()}-def"
    for folder in (stale, live):
        (folder / "profile").mkdir(parents=True)
    convert.sweep(tmp_path)
    assert not stale.exists()
    assert live.exists()


def _gone(find: Callable[[], list[int]]) -> bool:
    """Whether the processes ``find`` lists are all gone: a killed process may take a moment to exit."""
    for _ in range(300):
        if not find():
            return True
        time.sleep(0.1)
    return False


def _in_group(pgid: int) -> list[int]:
    """Live (not zombie) processes of process group ``pgid``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            found.append(int(stat.parent.name))
    return found


def _converters(folder: Path) -> list[int]:
    """Live processes whose command line names ``folder`` (LibreOffice converting in a folder under it)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes()
            state = (cmdline.parent / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if str(folder).encode() in args and b"soffice" in args and state != "Z":
            found.append(int(cmdline.parent.name))
    return found


@needs_soffice
def test_the_missing_libreoffice_error_is_not_remembered(saved, monkeypatch, tmp_path):
    """A file read while LibreOffice was missing is read again once it is there: the error was not cached."""
    doc = next(p for p in saved.iterdir() if p.suffix == ".doc")
    monkeypatch.setenv("GOVDISC_CACHE_DIR", str(tmp_path / "cache"))
    path = os.environ["PATH"]
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    assert cli("extract", str(doc), "--format", "jsonl").returncode == 1
    monkeypatch.setenv("PATH", path)
    again = cli("extract", str(doc), "--format", "jsonl")
    assert again.returncode == 0, again.stderr
    assert jsonl(again.stdout) and jsonl(again.stdout)[0]["metrics"]
