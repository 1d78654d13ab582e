"""Reading records back: every format ``govdisc extract`` writes, in the encodings files really come in.

JSONL, a JSON array, CSV (any of its header styles, one row per document or per figure), an xlsx
workbook and an SQLite database, told apart by their content. Text may be UTF-8 (with or without a
byte-order mark), UTF-16 or UTF-32 (PowerShell 5's ``>`` writes UTF-16LE with a BOM) or GB18030 (cmd's
``>`` on a Chinese Windows). Anything that is not a record raises :class:`RecordsError` naming the file
and line.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from govdisc.metrics import LABELS
from govdisc.model import Record
from govdisc.output import APPROX_HEADER, EVIDENCE_COLUMNS, EXTENSIONS, FACT_COLUMNS, IDENTITY, WARNINGS_HEADER
from govdisc.spreadsheet import FORMULA_STARTS

#: Formats of records files (their extensions are in :data:`govdisc.output.EXTENSIONS`).
RECORD_FILE_FORMATS = ("jsonl", "json", "csv", "xlsx", "sqlite")
NUMBER = re.compile(r"-?\d+(\.\d+)?")
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


class RecordsError(ValueError):
    """Input that is not govdisc records: ``FILE, line N: reason``."""


def is_records_file(name: str | os.PathLike[str]) -> bool:
    """Whether a path given to ``compare`` names a file of records (by its extension) rather than a document."""
    return EXTENSIONS.get(Path(name).suffix.lower()) in RECORD_FILE_FORMATS


def read_records(path: str | os.PathLike[str]) -> list[Record]:
    """The records in ``path`` (``-``: standard input), whatever format ``extract`` wrote them in."""
    name = str(path)
    if name == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
    else:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise RecordsError(f"{name}: {(exc.strerror or str(exc)).lower()}") from None
    return parse_records(data, name)


def parse_records(data: bytes, name: str) -> list[Record]:
    """Records from the bytes of a records file called ``name``."""
    if data.startswith(b"SQLite format 3\x00"):
        return _from_sqlite(data, name)
    if data.startswith(b"PK\x03\x04"):
        return [Record.from_dict(d) for d in _from_table(_xlsx_rows(data, name), name)]
    text = decode(data, name)
    start = text.lstrip()[:1]
    if start == "[":
        return _from_json_array(text, name)
    if start in ("{", ""):
        return _from_jsonl(text, name)
    return [Record.from_dict(d) for d in _from_table(_csv_rows(text), name)]


def decode(data: bytes, name: str) -> str:
    """Text from bytes: by the byte-order mark, else UTF-16 by its zero bytes, else UTF-8, else GB18030."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, name)
    head = data[:2]
    if len(head) == 2 and head[1] == 0 and head[0] != 0:
        return _decode(data, "utf-16-le", name)
    if len(head) == 2 and head[0] == 0 and head[1] != 0:
        return _decode(data, "utf-16-be", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode(data, "gb18030", name)


def _decode(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 if "16" not in encoding else None
        where = f", line {line}" if line else ""
        raise RecordsError(f"{name}{where}: not text (neither UTF-8, UTF-16 nor GB18030)") from None


def _record(value: Any, where: str) -> Record:
    """A record from a parsed JSON value, or :class:`RecordsError` saying why it is not one."""
    if not isinstance(value, dict) or not isinstance(value.get("file"), str) or not isinstance(value.get("metrics"),
                                                                                               dict):  # fmt: skip
        raise RecordsError(f"{where}: not a govdisc record (a JSON object with 'file' and 'metrics')")
    for key, number in value["metrics"].items():
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise RecordsError(f"{where}: not a govdisc record (metric {key!r} is not a number)")
    try:
        return Record.from_dict(value)
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise RecordsError(f"{where}: not a govdisc record ({exc})") from None


def _from_jsonl(text: str, name: str) -> list[Record]:
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                value = json.loads(line)
            except json.JSONDecodeError as exc:
                raise RecordsError(f"{name}, line {n}: not JSON ({exc.msg})") from None
            records.append(_record(value, f"{name}, line {n}"))
    return records


def _from_json_array(text: str, name: str) -> list[Record]:
    try:
        values = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RecordsError(f"{name}, line {exc.lineno}: not JSON ({exc.msg})") from None
    if not isinstance(values, list):
        raise RecordsError(f"{name}: not a JSON array of records")
    return [_record(v, f"{name}, record {i}") for i, v in enumerate(values, 1)]


def _csv_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text))
    for row in reader:
        yield reader.line_num, row


def _xlsx_rows(data: bytes, name: str) -> Iterator[tuple[int, list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise RecordsError(f"{name}: not an xlsx workbook ({exc})") from None
    for n, row in enumerate(book.worksheets[0].iter_rows(values_only=True), 1):
        yield n, ["" if v is None else str(v) for v in row]


def _headers() -> dict[str, tuple[str, str]]:
    """Every header ``extract`` writes → (kind, name): ``ident``, ``metric``, ``fact`` or an evidence part."""
    known: dict[str, tuple[str, str]] = {}
    for names in (*IDENTITY, WARNINGS_HEADER, APPROX_HEADER):
        known.update((h, ("ident", names[0])) for h in names)
    for key, pair in LABELS.items():
        for head in (key, *pair):
            known.setdefault(head, ("metric", key))
            for en, zh in EVIDENCE_COLUMNS:
                known.setdefault(f"{head}/{en}", (en, key))
                known.setdefault(f"{head}/{zh}", (en, key))
    for names in FACT_COLUMNS:
        for head in names:
            known.setdefault(head, ("fact", names[0]))
    return known


def _plain(text: str) -> str:
    """A cell's text with the ``'`` that kept it from being a formula taken off."""
    return text[1:] if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_STARTS else text


def _number(text: str, where: str) -> int | float:
    if not NUMBER.fullmatch(text.replace(",", "")):
        raise RecordsError(f"{where}: {text!r} is not a number")
    return float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))


def _from_table(rows: Iterable[tuple[int, list[str]]], name: str) -> Iterator[dict[str, Any]]:
    """Record dicts from the rows of ``extract``'s CSV or xlsx: one per document, or one per figure."""
    it = iter(rows)
    first = next(it, None)
    if first is None:
        return
    known = _headers()
    head = [known.get(_plain(h).lstrip("\ufeff").strip(), ("unknown", h)) for h in first[1]]
    unknown = [h for h, (kind, _) in zip(first[1], head, strict=True) if kind == "unknown"]
    if unknown or not any(k == ("ident", "file") for k in head):
        raise RecordsError(f"{name}, line {first[0]}: not a govdisc header (unknown column {unknown[:1] or 'file'})")
    long = ("fact", "key") in head
    documents: dict[tuple[str, int], dict[str, Any]] = {}
    for n, cells in it:
        where = f"{name}, line {n}"
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(head):
            raise RecordsError(f"{where}: {len(cells)} cells under {len(head)} headers")
        row = {kind_name: _plain(c) for kind_name, c in zip(head, cells, strict=True)}
        ident = {field: row.get(("ident", field), "") for field, _, _ in IDENTITY}
        try:
            doc_index = int(ident["doc_index"] or 0)
            year = int(ident["year"]) if ident["year"] else None
        except ValueError:
            raise RecordsError(f"{where}: doc_index and year must be whole numbers") from None
        record = documents.setdefault((ident["file"], doc_index), _identity(ident, doc_index, year, row))
        if long:
            key = row[("fact", "key")]
            record["metrics"][key] = _number(row[("fact", "value")], where)
            record["evidence"][key] = {"source": row.get(("fact", "source")) or "table",
                                       "text": row.get(("fact", "snippet"), ""),
                                       "page": int(row[("fact", "page")]) if row.get(("fact", "page")) else None,
                                       "approx": row.get(("fact", "approx")) or None,
                                       "derived": row.get(("fact", "derived")) in ("1", "True", "true")}  # fmt: skip
            continue
        for (kind, key), text in row.items():
            if kind == "metric" and text.strip():
                record["metrics"][key] = _number(text.strip(), where)
        for mark in filter(None, row.get(("ident", "approximations"), "").split("; ")):
            header, _, approx = mark.rpartition(":")
            kind, key = known.get(header, ("unknown", header))
            if kind != "metric" or key not in record["metrics"]:
                raise RecordsError(f"{where}: {mark!r} names no figure of this row")
            record["evidence"].setdefault(key, {"source": "table", "text": "", "page": None, "approx": None})
            record["evidence"][key]["approx"] = approx
        for (kind, key), text in row.items():
            if kind in ("evidence", "page", "approx") and key in record["metrics"] and text:
                ev = record["evidence"].setdefault(key, {"source": "table", "text": "", "page": None, "approx": None})
                ev["text" if kind == "evidence" else kind] = int(text) if kind == "page" else text
    yield from documents.values()


def _identity(ident: dict[str, str], doc_index: int, year: int | None, row: dict[tuple[str, str], str]) -> dict:
    region = {k: ident[f] or None for k, f in (("province", "province"), ("city", "city"), ("county", "county"),
                                               ("code", "region_code"))}  # fmt: skip
    warnings = row.get(("ident", "warnings"), "")
    return {"file": ident["file"], "doc_index": doc_index, "title": ident["title"] or None,
            "agency": ident["agency"] or None, "region": region if any(region.values()) else None, "year": year,
            "doc_type": ident["doc_type"] or "other", "template": ident["template"] or None, "metrics": {},
            "evidence": {}, "checks": [], "warnings": warnings.split("; ") if warnings else []}  # fmt: skip


def _from_sqlite(data: bytes, name: str) -> list[Record]:
    """Records from the database ``extract -o FILE.db`` writes."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "records.db"
        copy.write_bytes(data)
        db = sqlite3.connect(copy)
        db.row_factory = sqlite3.Row
        try:
            documents = {}
            for r in db.execute("select * from documents order by doc_id"):
                ident = {k: "" if r[k] is None else str(r[k]) for k in r.keys()}  # noqa: SIM118 (a Row iterates values)
                documents[r["doc_id"]] = _identity(ident, r["doc_index"], r["year"], {})
            for r in db.execute("select * from facts"):
                doc = documents[r["doc_id"]]
                doc["metrics"][r["key"]] = r["value"]
                doc["evidence"][r["key"]] = {"source": r["source"], "text": r["snippet"] or "", "page": r["page"],
                                             "approx": r["approx"], "derived": bool(r["derived"])}  # fmt: skip
            for r in db.execute("select * from checks"):
                documents[r["doc_id"]]["checks"].append({"id": r["check_id"], "status": r["status"],
                                                         "message": r["message"] or ""})  # fmt: skip
            for r in db.execute("select * from warnings"):
                documents[r["doc_id"]]["warnings"].append(r["message"])
        except (sqlite3.Error, KeyError, IndexError) as exc:
            raise RecordsError(f"{name}: not a govdisc database ({exc})") from None
        finally:
            db.close()
    return [Record.from_dict(d) for d in documents.values()]
