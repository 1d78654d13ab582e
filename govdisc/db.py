"""``extract``'s records as an SQLite database, the form sqlite-utils, Datasette and any SQL client open.

Tables: ``documents`` (one row per record), ``facts`` (one row per document × metric key, the long shape
of ``--long``), ``checks`` and ``warnings``; ``doc_id`` joins them. Written into a path the caller makes
appear whole (:func:`govdisc.output.atomic_path`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from govdisc.model import Record
from govdisc.output import FACT_COLUMNS, IDENTITY, fact_rows

SCHEMA = """
create table documents (doc_id integer primary key, file text not null, doc_index integer not null, title text,
    agency text, province text, city text, county text, region_code text, year integer, doc_type text not null,
    template text);
create table facts (doc_id integer not null references documents(doc_id), key text not null, label text,
    value numeric not null, approx text, source text, page integer, snippet text, derived integer not null,
    ocr integer not null, primary key (doc_id, key));
create table checks (doc_id integer not null references documents(doc_id), check_id text not null,
    status text not null, ok integer not null, message text);
create table warnings (doc_id integer not null references documents(doc_id), message text not null);
create index documents_agency on documents(agency);
create index documents_year on documents(year);
create index facts_key on facts(key);
create index checks_doc on checks(doc_id);
create index warnings_doc on warnings(doc_id);
"""  # fmt: skip


def write_sqlite(records: Iterable[Record], path: Path, lang: str = "zh") -> int:
    """Write the records into a new database at ``path`` (an existing file there is emptied); how many."""
    Path(path).write_bytes(b"")
    db = sqlite3.connect(path)
    try:
        db.executescript(SCHEMA)
        idents = ", ".join(field for field, _, _ in IDENTITY)
        facts = ", ".join(field for field, _, _ in FACT_COLUMNS)
        count = 0
        for doc_id, record in enumerate(records, 1):
            region = record.region or {}
            db.execute(f"insert into documents (doc_id, {idents}) values ({', '.join('?' * (len(IDENTITY) + 1))})",
                       (doc_id, record.file, record.doc_index, record.title, record.agency, region.get("province"),
                        region.get("city"), region.get("county"), region.get("code"), record.year, record.doc_type,
                        record.template))  # fmt: skip
            db.executemany(f"insert into facts (doc_id, {facts}) values ({', '.join('?' * (len(FACT_COLUMNS) + 1))})",
                           [(doc_id, *row) for row in fact_rows(record, lang)])  # fmt: skip
            db.executemany("insert into checks values (?, ?, ?, ?, ?)",
                           [(doc_id, c.id, c.status, int(c.ok), c.message) for c in record.checks])  # fmt: skip
            db.executemany("insert into warnings values (?, ?)", [(doc_id, w) for w in record.warnings])
            count = doc_id
        db.commit()
    finally:
        db.close()
    return count
