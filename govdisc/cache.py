"""The extraction cache: results keyed by file content hash and govdisc's code, in one SQLite file.

A file whose path, size and modification time are unchanged is not read again at all; a file
whose content is unchanged (renamed, copied, touched) is not extracted again. Every result is
committed as soon as it is known, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from pathlib import Path

import govdisc

SCHEMA = """
create table if not exists files (path text primary key, size integer, mtime_ns integer, sha256 text);
create table if not exists results (sha256 text, code text, payload text, primary key (sha256, code));
"""


def cache_dir() -> Path:
    """``$GOVDISC_CACHE_DIR``, else ``$XDG_CACHE_HOME/govdisc``, else ``~/.cache/govdisc``."""
    if given := os.environ.get("GOVDISC_CACHE_DIR"):
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govdisc"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """govdisc's version and the state of its own files: a result made by other code is not reused."""
    root = Path(govdisc.__file__).parent
    digest = hashlib.sha1(govdisc.__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv") and "__pycache__" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


class Cache:
    """Cached results: ``payload`` is ``{"records": [...]}`` or ``{"error": "..."}``."""

    def __init__(self, directory: Path | None = None) -> None:
        directory = directory or cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "cache.sqlite"
        self.db = sqlite3.connect(self.path, timeout=30)
        self.db.execute("pragma journal_mode=wal")
        self.db.executescript(SCHEMA)
        self.code = code_fingerprint()

    def lookup(self, path: Path) -> dict | None:
        """The cached payload of a file whose path, size and mtime are unchanged; None otherwise."""
        try:
            stat = path.stat()
        except OSError:
            return None
        row = self.db.execute(
            "select r.payload from files f join results r on r.sha256 = f.sha256 and r.code = ?"
            " where f.path = ? and f.size = ? and f.mtime_ns = ?",
            (self.code, str(path.resolve()), stat.st_size, stat.st_mtime_ns),
        ).fetchone()
        return json.loads(row[0]) if row else None

    def store(self, path: Path, size: int, mtime_ns: int, sha256: str, payload: dict) -> None:
        """Remember a result; committed at once."""
        with self.db:
            key = (str(path.resolve()), size, mtime_ns, sha256)
            self.db.execute("insert or replace into files values (?, ?, ?, ?)", key)
            self.db.execute(
                "insert or replace into results values (?, ?, ?)",
                (sha256, self.code, json.dumps(payload, ensure_ascii=False)),
            )

    def close(self) -> None:
        self.db.close()


def clear(directory: Path | None = None) -> int:
    """Delete the cache; the number of bytes freed."""
    directory = directory or cache_dir()
    freed = 0
    for name in ("cache.sqlite", "cache.sqlite-wal", "cache.sqlite-shm"):
        path = directory / name
        if path.exists():
            freed += path.stat().st_size
            path.unlink()
    return freed
