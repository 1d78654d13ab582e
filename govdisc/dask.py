"""Extracting a corpus on Dask: partitions of files mapped over a cluster, written as partitioned Parquet.

Needs ``pip install 'govdisc[dask]'``. Import it as ``from govdisc.dask import extract_bag``::

    from dask.distributed import Client
    from govdisc.dask import extract_bag

    with Client("tcp://scheduler:8786"):
        outcomes = extract_bag(["/data/reports"], "/data/govdisc-out").compute()

Each task extracts one partition of files the way ``govdisc extract`` does one file (hash, read with
the size and page limits, extract) and writes the partition's rows as one part of the output folder
(see :mod:`govdisc.parquet`). The folder is the cache: a file whose name and content hash are in its
manifest is hashed, found there and not extracted again, so a rerun (or a run after new files were
added) writes only what is new. Run one extraction at a time per output folder, on a folder every
worker can write (a shared file system).

Limits: ``max_size`` and ``max_pages`` hold in every task. The time limit needs a process to kill:
with ``pool_workers=0`` (the default) a file is extracted in the task's own thread and has no time
limit; with ``pool_workers=1`` or more each partition runs through govdisc's worker pool
(:func:`govdisc.runner.run`), whose processes are killed past ``limits.timeout``, the file getting an
error row. That needs Dask workers allowed to start processes (``distributed.worker.daemon: false``,
or ``dask worker --no-nanny``); a worker process that crashes on a file is restarted by Dask, which
retries the task on another worker. Extraction is not thread-safe (pdfium): give each Dask worker
one thread (``dask worker --nthreads 1 --nworkers <cores>``); several threads of one worker extract
one file at a time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import dask.bag as db

from govdisc import parquet
from govdisc.cache import file_sha256
from govdisc.pipeline import discover
from govdisc.runner import Limits, run, work

#: Files per partition (one task, one part of each dataset) unless told.
PARTITION_SIZE = 64
#: pdfium is not safe to call from two threads at once: a Dask worker with several threads extracts one
#: file at a time (give workers one thread each, ``--nthreads 1``, and as many processes as cores).
_ONE_AT_A_TIME = threading.Lock()


def _outcome(file: str, sha256: str | None, records: int, error: str | None, skipped: bool) -> dict[str, Any]:
    return {"file": file, "sha256": sha256, "records": records, "error": error, "skipped": skipped}


def _extract_in_task(path: str, label: str, limits: Limits) -> tuple[str | None, int, dict[str, Any]]:
    with _ONE_AT_A_TIME:
        out = work(path, label, limits)
    seen = out.get("seen")
    payload = out["payload"]
    if "error" in payload:
        payload = {**payload, "lasting": bool(out.get("cacheable"))}
    return (seen.sha256 if seen else None), (seen.size if seen else 0), payload


def _extract_in_pool(items: list[tuple[str, str]], limits: Limits, workers: int) -> list[dict[str, Any]]:
    payloads = []
    results = run([p for p, _ in items], workers=workers, limits=limits)
    for (_, label), result in zip(items, results, strict=True):
        if result.error is not None:  # the pool does not say whether an error lasts: tried again next run
            payloads.append({"error": result.error, "lasting": False})
        else:
            payloads.append({"records": [replace(r, file=label).to_dict() for r in result.records]})
    return payloads


def extract_partition(
    items: Sequence[tuple[str, str]], out: str, written: dict[str, set[str]], limits: Limits, pool_workers: int
) -> list[dict[str, Any]]:
    """Extract one partition of (path, label) and write its part; one outcome per file.

    ``written`` maps a label to the content hashes already in the output: such a file is skipped.
    """
    outcomes: list[dict[str, Any]] = []
    todo: list[tuple[str, str, str, int]] = []  # path, label, sha256, size
    for path, label in items:
        try:
            real = Path(path).resolve(strict=True)
            sha, size = file_sha256(real), real.stat().st_size
        except (OSError, RuntimeError) as exc:
            outcomes.append(_outcome(label, None, 0, f"cannot read: {exc}", False))
            continue
        if sha in written.get(label, ()):
            outcomes.append(_outcome(label, sha, 0, None, True))
        else:
            todo.append((path, label, sha, size))
    if pool_workers > 0:
        payloads = _extract_in_pool([(p, lb) for p, lb, _, _ in todo], limits, pool_workers)
    else:
        payloads = []
        for i, (path, label, _, _) in enumerate(todo):
            read_sha, size, payload = _extract_in_task(path, label, limits)
            if read_sha is not None:  # hashed again as it was read: the rows carry the content extracted
                todo[i] = (path, label, read_sha, size)
            payloads.append(payload)
    record_rows: list[dict[str, Any]] = []
    file_rows: list[dict[str, Any]] = []
    for (_, label, sha, size), payload in zip(todo, payloads, strict=True):
        records = payload.get("records", [])
        error = payload.get("error")
        record_rows += parquet.rows_of(records, sha)
        lasting = error is None or bool(payload.get("lasting"))
        file_rows.append({"file": label, "sha256": sha, "size": size, "records": len(records), "error": error,
                          "lasting": lasting})  # fmt: skip
        outcomes.append(_outcome(label, sha, len(records), error, False))
    parquet.write_part(Path(out), record_rows, file_rows)
    return outcomes


def extract_bag(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    partition_size: int = PARTITION_SIZE,
    limits: Limits | None = None,
    pool_workers: int = 0,
) -> db.Bag:
    """A lazy bag of one outcome per file under ``paths``; computing it writes the Parquet parts to ``out``.

    Files are found and labelled as ``govdisc extract`` does (sorted, relative to the folder given).
    An outcome is ``{"file", "sha256", "records", "error", "skipped"}``; ``skipped`` is True for a file
    already in the output. The manifest is read (and an interrupted run's leftovers removed) when the
    bag is made; compute it on any Dask scheduler (a ``dask.distributed.Client`` in scope, or none).
    """
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    parquet.remove_orphans(target)
    written = parquet.manifest(target)
    items = [(str(path.absolute()), label) for path, label in discover(paths)]
    if not items:
        return db.from_sequence([], npartitions=1)
    chunks = [items[i : i + partition_size] for i in range(0, len(items), max(1, partition_size))]
    known = [{lb: written[lb] for _, lb in chunk if lb in written} for chunk in chunks]
    bag = db.from_sequence(list(zip(chunks, known, strict=True)), npartitions=len(chunks))
    return bag.map_partitions(_partition_task, str(target), limits or Limits(), pool_workers)


def _partition_task(
    parts: list[tuple[list[tuple[str, str]], dict[str, set[str]]]], out: str, limits: Limits, pool_workers: int
) -> list[dict[str, Any]]:
    outcomes: list[dict[str, Any]] = []
    for items, written in parts:
        outcomes += extract_partition(items, out, written, limits, pool_workers)
    return outcomes
