"""The extraction cache: results keyed by the SHA-256 of a file's content and govdisc's code, in SQLite.

A result is found by content: a file is hashed, and a file with the same bytes as one extracted
before (a copy, a renamed or touched file) is served from the cache without being extracted.
Hashing is skipped only when the path's size, modification time, status-change time and inode
are all what they were when it was last hashed, and that hash was taken more than
:data:`RACY_NS` after the file's last change (so a change within the clock's resolution of the
hash is never missed). Writing a file always moves its status-change time, which no program can
set back, so a changed file is hashed again and never served the old result. Every result is
committed as soon as it is known, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import govdisc

#: Bumped when the tables change; a cache of another version is emptied of its known files.
SCHEMA_VERSION = 2
SCHEMA = """
create table if not exists files (path text primary key, size integer, mtime_ns integer, ctime_ns integer,
                                  inode integer, sha256 text, hashed_ns integer);
create table if not exists results (sha256 text, code text, payload text, primary key (sha256, code));
"""
#: A hash taken less than this long after a file's last change does not let the next run skip hashing.
RACY_NS = 2_000_000_000


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


@dataclass(frozen=True)
class Seen:
    """A file as it was when hashed: what the next run compares before it skips hashing."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    sha256: str
    hashed_ns: int

    @classmethod
    def of(cls, stat: os.stat_result, sha256: str, hashed_ns: int) -> Seen:
        return cls(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, sha256, hashed_ns)

    def unchanged(self, stat: os.stat_result) -> bool:
        """True when ``stat`` is the file as hashed, and the hash was not taken within :data:`RACY_NS` of a change."""
        same = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino) == (
            self.size, self.mtime_ns, self.ctime_ns, self.inode)  # fmt: skip
        return same and max(stat.st_mtime_ns, stat.st_ctime_ns) + RACY_NS < self.hashed_ns


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    return sqlite3.connect(path, timeout=30)


class Cache:
    """Cached results: ``payload`` is ``{"records": [...]}`` or ``{"error": "..."}``."""

    def __init__(self, directory: Path | None = None, variant: str = "") -> None:
        directory = directory or cache_dir()
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "cache.sqlite"
        self.db = _connect(self.path)
        self.db.execute("pragma journal_mode=wal")
        if self.db.execute("pragma user_version").fetchone()[0] != SCHEMA_VERSION:
            with self.db:  # results stay valid (content and code); only the table of known files changed
                self.db.execute("drop table if exists files")
                self.db.execute(f"pragma user_version = {SCHEMA_VERSION}")
        self.db.executescript(SCHEMA)
        self.code = code_fingerprint() + variant  # variant: options that change results (``+ocr=never``)

    def known_hash(self, path: Path) -> str | None:
        """The content hash of ``path`` without reading it, when it is unchanged since it was hashed."""
        try:
            stat = path.stat()
        except OSError:
            return None
        row = self.db.execute(
            "select size, mtime_ns, ctime_ns, inode, sha256, hashed_ns from files where path = ?",
            (str(path.resolve()),),
        ).fetchone()
        return row[4] if row and Seen(*row).unchanged(stat) else None

    def result(self, sha256: str) -> dict | None:
        """The payload extracted before from content with this hash, by this code; None if none."""
        return result_of(self.db, sha256, self.code)

    def remember(self, path: Path, seen: Seen) -> None:
        """Remember the hash of ``path`` as it was (committed at once)."""
        with self.db:
            self.db.execute(
                "insert or replace into files values (?, ?, ?, ?, ?, ?, ?)",
                (str(path.resolve()), seen.size, seen.mtime_ns, seen.ctime_ns, seen.inode, seen.sha256,
                 seen.hashed_ns),
            )  # fmt: skip

    def store(self, path: Path, seen: Seen, payload: dict) -> None:
        """Remember a file's hash and the result of its content (committed at once)."""
        with self.db:
            self.db.execute(
                "insert or replace into results values (?, ?, ?)",
                (seen.sha256, self.code, json.dumps(payload, ensure_ascii=False)),
            )
        self.remember(path, seen)

    def reader(self) -> CacheReader:
        """A read-only view for another process (a worker): it opens its own connection."""
        return CacheReader(self.path, self.code)

    def close(self) -> None:
        self.db.close()


def result_of(db: sqlite3.Connection, sha256: str, code: str) -> dict | None:
    row = db.execute("select payload from results where sha256 = ? and code = ?", (sha256, code)).fetchone()
    return json.loads(row[0]) if row else None


class CacheReader:
    """Results by content hash, read in a worker process; the connection opens on first use."""

    def __init__(self, path: Path, code: str) -> None:
        self.path, self.code = path, code
        self.db: sqlite3.Connection | None = None

    def __call__(self, sha256: str) -> dict | None:
        try:
            if self.db is None:
                self.db = _connect(self.path, read_only=True)
            return result_of(self.db, sha256, self.code)
        except sqlite3.Error:
            return None  # a cache that cannot be read only means the file is extracted


@dataclass(frozen=True)
class Summary:
    """What the cache holds."""

    path: Path
    bytes: int
    results: int
    files: int

    def line(self) -> str:
        if not self.bytes:
            return f"{self.path} (empty)"
        return f"{self.path} ({self.bytes / (1 << 20):.1f} MB): {self.results} result(s), {self.files} file(s) known"


def summary(directory: Path | None = None) -> Summary:
    """Where the cache is, its size on disk, and how many results and known files it holds."""
    path = (directory or cache_dir()) / "cache.sqlite"
    size = sum(p.stat().st_size for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    if not path.exists():
        return Summary(path, 0, 0, 0)
    try:
        db = _connect(path, read_only=True)
        try:
            results = db.execute("select count(*) from results").fetchone()[0]
            files = db.execute("select count(*) from files").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        results = files = 0
    return Summary(path, size, results, files)


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
