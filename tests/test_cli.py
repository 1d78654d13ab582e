"""The command line: formats, output files, exit codes, and bad input among good."""

from __future__ import annotations

import csv
import io
import os
import shutil

import pytest

from tests.helpers import SAMPLES, SEEDS, cli, jsonl, run_cli

RECORD_FIELDS = {"file", "doc_index", "title", "agency", "region", "year", "doc_type", "template", "metrics",
                 "evidence", "checks", "warnings"}  # fmt: skip


@pytest.fixture(scope="module")
def samples_jsonl():
    run = run_cli("extract", "samples", "--format", "jsonl")  # a real process: the console entry point
    assert run.returncode == 0, run.stderr
    return jsonl(run.stdout)


def test_extract_samples_jsonl(samples_jsonl):
    assert len(samples_jsonl) == 15
    for rec in samples_jsonl:
        assert set(rec) == RECORD_FIELDS
        assert not rec["file"].startswith("samples")  # relative to the folder given
        for key, value in rec["metrics"].items():
            assert isinstance(value, (int, float)) and key in rec["evidence"]
            assert set(rec["evidence"][key]) >= {"source", "text", "page", "approx"}


def test_csv_has_bom_and_reads_back(tmp_path, samples_jsonl):
    out = tmp_path / "out.csv"
    run = cli("extract", "samples", "-o", str(out), "--keys")
    assert run.returncode == 0, run.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 15
    for row, rec in zip(rows, samples_jsonl, strict=True):
        assert row["agency"] == (rec["agency"] or "")
        for key, value in rec["metrics"].items():
            assert float(row[key]) == value
        reported = {k for k, v in row.items() if "." in k and v != ""}
        assert reported == set(rec["metrics"])


def test_no_bom(tmp_path):
    run = cli("extract", "samples", "--format", "csv", "--no-bom")
    assert run.returncode == 0 and not run.stdout.startswith("\ufeff")


def test_table_format():
    run = cli("extract", "samples", "--format", "table")
    assert run.returncode == 0
    assert "蚌埠市公共资源局" in run.stdout and "—" in run.stdout


def test_output_is_whole_or_nothing(tmp_path):
    target = tmp_path / "missing-dir" / "out.jsonl"
    run = cli("extract", "samples", "-o", str(target))
    assert run.returncode == 2 and not target.exists() and "no such directory" in run.stderr
    good = tmp_path / "out.jsonl"
    assert cli("extract", "samples", "-o", str(good)).returncode == 0
    assert len(jsonl(good.read_text(encoding="utf-8"))) == 15
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left


def test_usage_errors_exit_2(tmp_path):
    assert cli("extract", str(tmp_path / "nope")).returncode == 2
    assert cli("extract", "samples", "--format", "xml").returncode == 2
    assert cli("frobnicate").returncode == 2


def _bad_folder(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.pdf").write_bytes(os.urandom(4096))
    (folder / "notzip.docx").write_bytes("这不是一个docx文件".encode() * 50)
    (folder / "data.xyz").write_text("unsupported", encoding="utf-8")
    return folder


def test_bad_files_among_good(tmp_path):
    folder = _bad_folder(tmp_path)
    run = cli("extract", str(folder), "--format", "jsonl")
    assert run.returncode == 1
    errors = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(errors) == 4, run.stderr
    for name in ("empty.txt", "random.pdf", "notzip.docx", "data.xyz"):
        assert sum(name in line for line in errors) == 1
    assert len(jsonl(run.stdout)) == 15


def test_library_api():
    import govdisc

    records = govdisc.extract_file(SAMPLES / "004_9ce4a37fc6d0bdf2.txt")
    assert records[0].metrics["published.items"] == 64
    assert records[0].agency == "江门市江海区人民政府办公室"
    with pytest.raises(govdisc.ReadError):
        govdisc.extract_file(SAMPLES / "does-not-exist.txt")
