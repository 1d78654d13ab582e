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

import contextlib
import hashlib
import importlib.machinery
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import govdisc

#: Bumped when the tables change; a cache of another version is emptied.
SCHEMA_VERSION = 3
SCHEMA = """
create table if not exists files (path text primary key, size integer, mtime_ns integer, ctime_ns integer,
                                  inode integer, sha256 text, hashed_ns integer);
create table if not exists results (sha256 text, code text, payload text, checksum text,
                                    primary key (sha256, code));
"""
T = TypeVar("T")
#: A hash taken less than this long after a file's last change does not let the next run skip hashing.
RACY_NS = 2_000_000_000


def cache_dir() -> Path:
    """``$GOVDISC_CACHE_DIR``, else ``$XDG_CACHE_HOME/govdisc``, else ``~/.cache/govdisc``."""
    if given := os.environ.get("GOVDISC_CACHE_DIR"):
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govdisc"


#: The files whose state is govdisc's code: its Python, its data tables and its compiled part.
CODE_SUFFIXES = (".py", ".tsv", *importlib.machinery.EXTENSION_SUFFIXES)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """govdisc's version and the state of its own files: a result made by other code is not reused."""
    root = os.path.dirname(govdisc.__file__)
    files = []
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = [d for d in subfolders if d != "__pycache__"]
        files += [os.path.join(folder, name) for name in names if name.endswith(CODE_SUFFIXES)]
    digest = hashlib.sha1(govdisc.__version__.encode())
    for path in sorted(files):
        stat = os.stat(path)
        digest.update(f"{os.path.relpath(path, root)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
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
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT)


#: Seconds to wait for another run's write to finish before the cache counts as locked.
BUSY_TIMEOUT = 30.0


class Corrupt(sqlite3.DatabaseError):
    """A cached result whose checksum does not match: the file was damaged."""


#: SQLite's primary result codes for a cache that is fine but cannot be used here and now: no permission,
#: busy or locked, out of memory, read-only, an I/O error, full, cannot be opened, too large for the system.
_CANNOT_USE = {3, 5, 6, 7, 8, 10, 13, 14, 22, 23}


def _is_damaged(exc: Exception) -> bool:
    """True when the database file is damaged, rather than full, locked, read-only or out of reach.

    Any failure that is not one of those counts as damage (a broken schema reads as ``no such column``,
    broken text as a UnicodeDecodeError): the file is then replaced, which costs only a rebuild.
    """
    if isinstance(exc, OSError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    return not (isinstance(exc, sqlite3.OperationalError) and code is not None and code & 0xFF in _CANNOT_USE)


def _checksum(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


#: Called with a one-line warning when the cache cannot be used.
Warn = Callable[[str], None]


def _to_stderr(message: str) -> None:
    sys.stderr.write(f"govdisc: warning: {message}\n")


class Cache:
    """Cached results: ``payload`` is ``{"records": [...]}`` or ``{"error": "..."}``.

    An accelerator, never a point of failure: a cache that cannot be opened, read or written (a full
    disk, a read-only or missing folder, a lock held too long) gives one warning through ``warn`` and
    the run goes on without it (:attr:`usable` turns False); a damaged file is moved aside as
    ``cache.sqlite.corrupt-<time>`` and a new one is started in its place.
    """

    def __init__(self, directory: Path | None = None, variant: str = "", warn: Warn = _to_stderr) -> None:
        directory = directory or cache_dir()
        self.path = directory / "cache.sqlite"
        #: The code that makes results here, and with the variant (options that change results,
        #: ``+ocr=never``) what a result is stored under.
        self.fingerprint = code_fingerprint()
        self.code = self.fingerprint + variant
        self.warn = warn
        self.warned = False
        self.db: sqlite3.Connection | None = None
        try:
            self._open()
        except Exception as exc:  # whatever it is, the run goes on without the cache
            self._failed(exc)

    @property
    def usable(self) -> bool:
        return self.db is not None

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = _connect(self.path)
        try:
            db.execute("pragma journal_mode=wal")
            if db.execute("pragma user_version").fetchone()[0] != SCHEMA_VERSION:
                with db:  # a result of another layout is dropped: results are cheap to make again
                    db.execute("drop table if exists files")
                    db.execute("drop table if exists results")
                    db.execute(f"pragma user_version = {SCHEMA_VERSION}")
            db.executescript(SCHEMA)
        except BaseException:
            db.close()
            raise
        self.db = db

    def _say(self, message: str) -> None:
        if not self.warned:
            self.warned = True
            self.warn(message)

    def _failed(self, exc: Exception) -> None:
        """Go on without the cache, or, when its file is damaged, with a new one in its place."""
        reason = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)).lower()
        if self.db is not None:
            with contextlib.suppress(Exception):
                self.db.close()
            self.db = None
        if _is_damaged(exc) and not self.warned:
            aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
            try:
                os.replace(self.path, aside)
                for suffix in ("-wal", "-shm"):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(f"{self.path}{suffix}")
                self._open()
            except Exception as again:
                self.db = None
                self._say(f"cache {self.path} is damaged ({reason}) and cannot be replaced "
                          f"({again}); reading every file without it")  # fmt: skip
            else:
                self._say(f"cache {self.path} was damaged ({reason}): moved aside to {aside.name}, "
                          "starting a new one")  # fmt: skip
            return
        self._say(f"cache {self.path} cannot be used ({reason}); reading every file without it")

    def _safely(self, action: Callable[[sqlite3.Connection], T], default: T) -> T:
        if self.db is None:
            return default
        try:
            return action(self.db)
        except Exception as exc:  # the cache is never a point of failure
            self._failed(exc)
            return default

    def known_hash(self, path: Path) -> str | None:
        """The content hash of ``path`` without reading it, when it is unchanged since it was hashed."""
        try:
            stat = path.stat()
            key = str(path.resolve())
        except (OSError, RuntimeError):
            return None
        row = self._safely(lambda db: db.execute(
            "select size, mtime_ns, ctime_ns, inode, sha256, hashed_ns from files where path = ?", (key,)
        ).fetchone(), None)  # fmt: skip
        try:
            return row[4] if row and Seen(*row).unchanged(stat) else None
        except TypeError:  # a row of the wrong types: as good as none
            return None

    def has_result(self, sha256: str) -> bool:
        """Whether a result of content with this hash, by this code, is stored (it is not read)."""
        row = self._safely(lambda db: db.execute(
            "select 1 from results where sha256 = ? and code = ?", (sha256, self.code)
        ).fetchone(), None)  # fmt: skip
        return row is not None

    def result(self, sha256: str) -> dict | None:
        """The payload extracted before from content with this hash, by this code; None if none."""
        return self._safely(lambda db: result_of(db, sha256, self.code), None)

    def remember(self, path: Path, seen: Seen) -> None:
        """Remember the hash of ``path`` as it was (committed at once)."""

        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "insert or replace into files values (?, ?, ?, ?, ?, ?, ?)",
                    (str(path.resolve()), seen.size, seen.mtime_ns, seen.ctime_ns, seen.inode, seen.sha256,
                     seen.hashed_ns),
                )  # fmt: skip

        self._safely(write, None)

    def store(self, path: Path, seen: Seen, payload: dict) -> None:
        """Remember a file's hash and the result of its content (committed at once).

        Results of the same content made by other code (an earlier govdisc) go: the cache holds one
        result per content and variant, not one more copy of the corpus for each upgrade.
        """
        text = json.dumps(payload, ensure_ascii=False)

        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute("delete from results where sha256 = ? and substr(code, 1, ?) != ?",
                           (seen.sha256, len(self.fingerprint), self.fingerprint))  # fmt: skip
                db.execute("insert or replace into results values (?, ?, ?, ?)",
                           (seen.sha256, self.code, text, _checksum(text)))  # fmt: skip

        self._safely(write, None)
        self.remember(path, seen)

    def reader(self) -> CacheReader | None:
        """A read-only view for another process (a worker), which opens its own connection; None when unusable."""
        return CacheReader(self.path, self.code) if self.db is not None else None

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def result_of(db: sqlite3.Connection, sha256: str, code: str) -> dict | None:
    """The payload cached for this content and code; raises :class:`Corrupt` when it was damaged."""
    row = db.execute("select payload, checksum from results where sha256 = ? and code = ?", (sha256, code)).fetchone()
    if row is None:
        return None
    payload, checksum = row
    if not isinstance(payload, str) or checksum != _checksum(payload):
        raise Corrupt("a cached result does not match its checksum")
    found = json.loads(payload)
    if not isinstance(found, dict):
        raise Corrupt("a cached result is not a result")
    return found


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
        except Exception:
            return None  # a cache that cannot be read only means the file is extracted (the main process says why)


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
