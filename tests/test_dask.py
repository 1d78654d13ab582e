"""govdisc on Dask: records written as partitioned Parquet on a LocalCluster equal a local run; a rerun writes nothing.

Needs ``govdisc[dask]``; skips without it, except in CI (``CI`` set), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    import dask.distributed
    import duckdb
    import pandas
    import pyarrow.parquet as pq
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip("govdisc[dask] is not installed", allow_module_level=True)

import govdisc
from govdisc import parquet
from govdisc.dask import extract_bag
from govdisc.runner import Limits
from tests.helpers import SAMPLES


@pytest.fixture(scope="module")
def client() -> Iterator[dask.distributed.Client]:
    """One small in-process cluster: one worker, one thread."""
    with (
        dask.distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as c,
        dask.distributed.Client(c) as client,
    ):
        yield client


def local_lines(paths: list[Path]) -> list[str]:
    """JSON lines of a local run, sorted by file and doc_index."""
    records = [r for result in govdisc.extract_paths(paths) for r in result.records]
    records.sort(key=lambda r: (r.file, r.doc_index))
    return [json.dumps(r.to_dict(), ensure_ascii=False) for r in records]


def parquet_lines(out: Path) -> list[str]:
    rows = sorted(parquet.read_rows(out), key=lambda r: (r["file"], r["doc_index"]))
    return [json.dumps(parquet.row_record(r), ensure_ascii=False) for r in rows]


def snapshot(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in sorted(out.rglob("*"))}


def test_corpus_on_a_cluster_equals_a_local_run_and_a_rerun_writes_nothing(
    client: dask.distributed.Client, corpus: Path, tmp_path: Path
) -> None:
    paths = [SAMPLES, corpus]
    out = tmp_path / "out"
    outcomes = extract_bag(paths, out, partition_size=3).compute()
    files = [label for _, label in govdisc.pipeline.discover(paths)]
    assert sorted(o["file"] for o in outcomes) == sorted(files)
    assert not any(o["skipped"] or o["error"] for o in outcomes)
    expected = local_lines(paths)
    assert len(expected) > len(files)  # a compilation gives several records
    assert parquet_lines(out) == expected
    assert [r.to_dict() for r in parquet.read_records(out)] == [json.loads(line) for line in expected]
    assert len(list((out / "records").glob("part-*.parquet"))) == -(-len(files) // 3)

    before = snapshot(out)
    again = extract_bag(paths, out, partition_size=3).compute()
    assert all(o["skipped"] for o in again) and len(again) == len(files)
    assert snapshot(out) == before


def test_duckdb_and_pandas_read_the_folder(client: dask.distributed.Client, tmp_path: Path) -> None:
    out = tmp_path / "out"
    extract_bag([SAMPLES], out, partition_size=2).compute()
    expected = local_lines([SAMPLES])
    frame = pandas.read_parquet(out / "records").sort_values(["file", "doc_index"])
    assert len(frame) == len(expected)
    assert [json.loads(m) for m in frame["metrics"]] == [json.loads(line)["metrics"] for line in expected]
    con = duckdb.connect()
    glob = str(out / "records" / "*.parquet")
    got = con.execute(
        f"select m.value::bigint from read_parquet('{glob}'), json_each(metrics) m "
        "where file = '004_9ce4a37fc6d0bdf2.txt' and m.key = 'published.items'"
    ).fetchall()
    assert got == [(64,)]
    assert con.execute(f"select count(*) from read_parquet('{out / 'files' / '*.parquet'}')").fetchone() == (
        len(list(SAMPLES.iterdir())),
    )


def test_a_rerun_extracts_only_new_and_changed_files(client: dask.distributed.Client, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    out = tmp_path / "out"
    extract_bag([docs], out, partition_size=2).compute()
    shutil.copy(SAMPLES / "004_9ce4a37fc6d0bdf2.txt", docs / "copy.txt")
    changed = docs / "000_51b27ab075c1a92c.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n主动公开政府信息12条。\n", encoding="utf-8")
    again = extract_bag([docs], out, partition_size=2).compute()
    assert sorted(o["file"] for o in again if not o["skipped"]) == ["000_51b27ab075c1a92c.txt", "copy.txt"]
    rows = list(parquet.read_rows(out, "files"))
    assert sorted(r["file"] for r in rows).count("000_51b27ab075c1a92c.txt") == 2  # each content, its own hash
    assert len({r["sha256"] for r in rows if r["file"] == "000_51b27ab075c1a92c.txt"}) == 2


def test_limits_hold_and_only_lasting_errors_are_done(client: dask.distributed.Client, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "big.txt").write_text("主动公开政府信息64条。" * 200, encoding="utf-8")
    (docs / "notes.xyz").write_text("not a document", encoding="utf-8")
    out = tmp_path / "out"
    limits = Limits(max_size=1000)
    first = {o["file"]: o for o in extract_bag([docs], out, limits=limits).compute()}
    assert "file too large" in first["big.txt"]["error"]
    assert first["notes.xyz"]["error"]
    again = {o["file"]: o for o in extract_bag([docs], out, limits=limits).compute()}
    assert not again["big.txt"]["skipped"]  # a limit can be raised: tried again
    assert again["notes.xyz"]["skipped"]  # unsupported for its content: done
    raised = {o["file"]: o for o in extract_bag([docs], out).compute()}
    assert raised["big.txt"]["error"] is None and raised["big.txt"]["records"] == 1


def test_partitions_through_the_worker_pool_give_the_same_records(
    client: dask.distributed.Client, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    outcomes = extract_bag([SAMPLES], out, partition_size=3, pool_workers=1).compute()
    assert not any(o["error"] for o in outcomes)
    assert parquet_lines(out) == local_lines([SAMPLES])


def test_an_interrupted_part_is_removed_and_its_files_written_again(
    client: dask.distributed.Client, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    extract_bag([SAMPLES], out, partition_size=2).compute()
    first_files = sorted((out / "files").glob("part-*.parquet"))
    lost = first_files[0]
    lost_names = pq.read_table(lost, columns=["file"]).column("file").to_pylist()
    lost.unlink()  # as if the run stopped between the records part and its files part
    assert len(parquet_lines(out)) < len(local_lines([SAMPLES]))  # an incomplete part is not read
    again = extract_bag([SAMPLES], out, partition_size=2).compute()
    assert sorted(o["file"] for o in again if not o["skipped"]) == sorted(lost_names)
    assert parquet_lines(out) == local_lines([SAMPLES])
