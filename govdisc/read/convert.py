"""Legacy word-processor files (.doc, .wps, .rtf, .odt): converted to docx by LibreOffice, then read as docx.

Each conversion runs ``soffice --headless --convert-to docx`` in a private temporary folder with its
own LibreOffice user profile (so conversions running side by side do not share, or lock, one
profile), in a process group of its own that is killed when the time is up. On Linux the converter
also dies with the process that started it, so a worker stopped for running past its time leaves
nothing behind.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from govdisc.confine import PR_SET_PDEATHSIG, WATCHDOG
from govdisc.model import Document, ReadError
from govdisc.read import READERS

#: The file types converted: the extensions govdisc.read routes here.
CONVERTED = tuple(ext for ext, kind in READERS.items() if kind == "convert")

#: What installs LibreOffice's word processor on Debian and Ubuntu (named in the error when it is missing).
INSTALL = "apt-get install libreoffice-writer"

#: LibreOffice's docx export filter, named so that a document LibreOffice opens as a web page
#: (an odt saved from Writer/Web, a .doc that is really html) is written as docx too.
FILTER = "MS Word 2007 XML"

#: How the name of a conversion's private folder begins (the process id of its converter follows).
PREFIX = "govdisc-convert-"

#: Exit status of a LibreOffice that has just made its user profile and asks to be started again.
RESTART = 81


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` (or ``libreoffice``) on PATH; None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        if found := shutil.which(name):
            return Path(found)
    return None


def _command(soffice: Path) -> list[str]:
    """The program to start: ``soffice.bin`` beside a ``soffice`` launcher script, so the process that
    converts is the one started (and killed); else ``soffice`` itself."""
    binary = soffice.resolve().with_name("soffice.bin")
    return [str(binary)] if binary.is_file() and os.access(binary, os.X_OK) else [str(soffice)]


def _dies_with_parent() -> Callable[[], None] | None:
    """A pre-exec hook asking Linux to kill the converter when its parent dies (what a worker of the pool
    needs: it is killed when past its time); None elsewhere, and in a process running threads, where a
    pre-exec hook is not safe. A worker's watchdog thread (:data:`govdisc.confine.WATCHDOG`) does not
    count: it only sleeps and asks for its parent's pid, holding no lock a forked child could need."""
    if not sys.platform.startswith("linux"):
        return None
    if any(t is not threading.current_thread() and t.name != WATCHDOG for t in threading.enumerate()):
        return None
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)

    def hook() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)

    return hook


@functools.lru_cache(maxsize=4)
def installed_version(program: str) -> str | None:
    """The version (``7.4``) of the LibreOffice that ``program`` belongs to, from its registry; None if not found."""
    root = Path(program).resolve().parent.parent
    for xcd in ("share/.registry/main.xcd", "share/registry/main.xcd", "Resources/registry/main.xcd"):
        try:
            text = (root / xcd).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if found := re.search(r'oor:name="ooSetupVersion">\s*<value>([^<]+)</value>', text):
            return found.group(1).strip()
    return None


def seed_profile(profile: Path, soffice: Path) -> None:
    """Start a new LibreOffice user profile as one this version of LibreOffice has run before: a new
    profile otherwise runs LibreOffice's graphics self-tests first, which take most of a conversion's time."""
    version = installed_version(_command(soffice)[0])
    if not version:
        return
    (profile / "user").mkdir(parents=True)
    (profile / "user" / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry">\n'
        '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" oor:op="fuse">'
        f"<value>{version}</value></prop></item>\n</oor:items>\n",
        encoding="utf-8",
    )


def _run(args: list[str], env: dict[str, str], timeout: float | None) -> tuple[int, str]:
    """Run one LibreOffice process; its exit status and output. Its process group is killed after ``timeout`` s."""
    with subprocess.Popen(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
        preexec_fn=_dies_with_parent(),
    ) as proc:
        try:
            out, _ = proc.communicate(timeout=None if timeout is None else max(0.01, timeout))
        except BaseException:  # past its time, or interrupted: LibreOffice does not outlive the conversion
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
    return proc.returncode, out.decode("utf-8", "replace")


def _version(docx: Path) -> str:
    """LibreOffice's version as the docx it wrote records it (``7.4``), or ``""``."""
    try:
        with zipfile.ZipFile(docx) as archive:
            app = archive.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return ""
    found = re.search(r"LibreOffice/(\d+\.\d+)", app)
    return found.group(1) if found else ""


def _reason(output: str) -> str:
    """LibreOffice's own complaint, in one short line."""
    lines = [line.strip() for line in output.splitlines() if line.strip() and "javaldx" not in line]
    errors = [line for line in lines if line.lower().startswith("error")]
    return ((errors or lines or [""])[-1])[:160]


def convert_to_docx(path: Path, folder: Path, timeout: float | None = None) -> Path:
    """Convert ``path`` with LibreOffice into ``folder`` (private, empty); the docx written there.

    Raises ReadError when LibreOffice is missing, fails, or runs past ``timeout`` seconds (None: no limit).
    """
    soffice = find_soffice()
    if soffice is None:
        raise ReadError(f"LibreOffice is not installed: govdisc reads {', '.join(CONVERTED)} files with it "
                        f"(install it with `{INSTALL}`)", lasting=False)  # fmt: skip
    source = folder / f"input{path.suffix.lower()}"
    source.symlink_to(path.resolve())
    out = folder / "out"
    profile = folder / "profile"
    command = _command(soffice)
    seed_profile(profile, soffice)
    env = {**os.environ, "TMPDIR": str(folder), "SAL_USE_VCLPLUGIN": "svp"}
    args = [*command, "--headless", "--norestore", "--nologo", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to", f"docx:{FILTER}", "--outdir", str(out), str(source)]  # fmt: skip
    deadline = None if timeout is None else time.monotonic() + timeout
    output = ""
    try:
        for _ in range(3):  # a new profile is made on the first start, which then asks to be started again
            code, output = _run(args, env, None if deadline is None else deadline - time.monotonic())
            if code != RESTART:
                break
    except subprocess.TimeoutExpired:
        raise ReadError(f"LibreOffice did not convert it within the {timeout or 0:g} s limit "
                        "(raise the limit with --timeout)", lasting=False) from None  # fmt: skip
    except OSError as exc:
        raise ReadError(f"cannot start LibreOffice ({soffice}): {exc.strerror or exc}", lasting=False) from None
    made = out / "input.docx"
    if not made.is_file():
        detail = _reason(output) or f"exit status {code}"
        raise ReadError(f"LibreOffice could not convert it ({detail})")
    return made


def source_format(path: Path) -> str | None:
    """What the file holds, by its first bytes (``Word 97–2003 (.doc)``, ``RTF (.rtf)``, …); None when unknown.

    Told by content, not by name: WPS Office's .wps is a Word 97 file, a .doc saved from a site may
    be a web page, and a result is cached by the file's content.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(512)
    except OSError:
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "Word 97–2003 (.doc)"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "RTF (.rtf)"
    if head.startswith(b"PK\x03\x04"):
        if b"application/vnd.oasis.opendocument.text" in head:
            return "OpenDocument (.odt)"
        return "docx" if b"word/" in head or b"[Content_Types].xml" in head else None
    if re.search(rb"<(!doctype html|html|meta|body)\b", head.lower()):
        return "a web page (html)"
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process
        pass
    return True


def sweep(root: Path) -> None:
    """Remove the conversion folders under ``root`` left by processes that were killed mid-conversion."""
    for folder in root.glob(f"{PREFIX}*-*"):
        pid = folder.name[len(PREFIX) :].split("-", 1)[0]
        try:
            mine = folder.is_dir() and not folder.is_symlink() and folder.stat().st_uid == os.getuid()
        except OSError:
            continue
        if mine and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def read_convert(path: Path, timeout: float | None = None) -> Document:
    """Read a .doc, .wps, .rtf or .odt file: LibreOffice converts it to docx, which the docx reader reads.

    ``timeout`` bounds the conversion (seconds; None: no limit of its own, as in a worker of the pool,
    which is stopped at the per-file limit and LibreOffice with it). The Document
    names the original file, and warns that it was converted and from what (told by content).
    """
    from govdisc.read import check_zip
    from govdisc.read.docx import read_docx

    path = Path(path)
    given = source_format(path)
    sweep(Path(tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-") as tmp:
        docx = convert_to_docx(path, Path(tmp), timeout)
        check_zip(docx)
        doc = read_docx(docx)
        version = _version(docx)
    doc.path = path
    tool = f"LibreOffice {version}" if version else "LibreOffice"
    doc.warnings.append(f"converted from {given} with {tool}" if given else f"converted with {tool}")
    return doc
