"""The bar search is held to: SQLite FTS5 over the same index units, same query classes.

    python benchmarks/fts5_baseline.py --instance /tmp/bench-instance [--reps 3]

Builds an FTS5 table (in a temporary file) from the catalog's passages/units, then times, per
query: the total (hits as matching units), facets by source and year, and the first 20 rows in
date order — the FTS5 equivalent of a results page.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from corpus.db import Catalog
from corpus.models import Document
from search.indexer import units_of

from search_shared import PHRASES, WORDS, percentile  # noqa: E402


def build(catalog: Catalog, path: Path) -> float:
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE u USING fts5(body, doc UNINDEXED, source UNINDEXED, dstart UNINDEXED, "
               "tokenize='unicode61')")
    started = time.perf_counter()
    with catalog.session() as s:
        for doc in s.scalars(select(Document).options(selectinload(Document.passages),
                                                     selectinload(Document.source))):
            rows = [(doc.text[u.start:u.end], doc.id, doc.source.key, doc.date_start.isoformat()
                     if doc.date_start else "9999") for u in units_of(doc)]
            db.executemany("INSERT INTO u VALUES (?, ?, ?, ?)", rows)
    db.commit()
    return time.perf_counter() - started, db


def page(db, match: str) -> None:
    db.execute("SELECT count(*) FROM u WHERE u MATCH ?", (match,)).fetchone()
    db.execute("SELECT source, count(*) FROM u WHERE u MATCH ? GROUP BY source", (match,)).fetchall()
    db.execute("SELECT substr(dstart,1,4), count(*) FROM u WHERE u MATCH ? GROUP BY 1", (match,)).fetchall()
    db.execute("SELECT doc, highlight(u, 0, '[', ']') FROM u WHERE u MATCH ? ORDER BY dstart LIMIT 20",
               (match,)).fetchall()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instance", required=True)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    catalog = Catalog.for_instance(Path(args.instance))
    with tempfile.TemporaryDirectory() as tmp:
        seconds, db = build(catalog, Path(tmp) / "fts.sqlite")
        out = {"fts5_build_seconds": round(seconds, 1)}
        classes = {"word": [f'"{w}"' for w in WORDS], "phrase": PHRASES}
        for name, queries in classes.items():
            times = []
            for q in queries:
                for _ in range(args.reps):
                    started = time.perf_counter()
                    page(db, q)
                    times.append((time.perf_counter() - started) * 1000)
            out[name] = {"median_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 95), 1)}
        print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
