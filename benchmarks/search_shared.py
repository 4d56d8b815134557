"""Search latency on the whole shared corpus: index build time, then median / p95 per query class.

    python benchmarks/search_shared.py --instance /tmp/bench-instance        # ingest + index if empty
    python benchmarks/search_shared.py --instance /tmp/bench-instance --reps 5

Each query returns totals, facets and its first KWIC page (20 lines), in one warm process
(the web server's situation); the first run of each query is reported separately (cold).
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from sqlalchemy import func, select

from corpus.db import Catalog
from corpus.ingest import ingest
from corpus.models import Document
from search.engine import SearchEngine, SearchRequest
from search.indexer import Indexer, index_dir

WORDS = ["missile", "blockade", "quarantine", "Khrushchev", "Cuba", "peace", "defeat", "inspection",
         "retreat", "the", "disarmament", "Berlin"]
PHRASES = ['"Soviet missile bases"', '"naval blockade"', '"the President"', '"United Nations"',
           '"nuclear weapons"', '"Soviet Union"', '"peaceful coexistence"', '"in the"']
FILTERED = [
    dict(query="missile", date_from="1962-10-16", date_to="1962-10-28"),
    dict(query="blockade", date_from="1962"),
    dict(query="Cuba", speaker="John F. Kennedy"),
    dict(query='"nuclear weapons"', source="ungdc"),
    dict(query="peace", type="memcon"),
    dict(query='"Soviet Union" year:1962'),
    dict(query="war", speaker="Khrushchev", date_from="1960", date_to="1964"),
    dict(query="disarmament", lang="English", date_from="1955", date_to="1965"),
]


def percentile(values, p):
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def run_class(engine, requests, reps):
    cold, warm, totals = [], [], []
    for kw in requests:
        times = []
        for _ in range(reps + 1):
            started = time.perf_counter()
            result = engine.search(SearchRequest(limit=20, **kw))
            times.append((time.perf_counter() - started) * 1000)
        cold.append(times[0])
        warm.extend(times[1:])
        totals.append((kw.get("query"), result.total_hits, result.total_documents))
    return {"median_ms": round(statistics.median(warm), 1), "p95_ms": round(percentile(warm, 95), 1),
            "max_ms": round(max(warm), 1), "first_run_median_ms": round(statistics.median(cold), 1),
            "queries": totals}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instance", required=True)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    instance = Path(args.instance)
    catalog = Catalog.for_instance(instance)
    out = {}
    with catalog.session() as s:
        empty = s.scalar(select(func.count()).select_from(Document)) == 0
    if empty:
        started = time.perf_counter()
        report = ingest(catalog, [Path(args.shared)])
        out["ingest_seconds"] = round(time.perf_counter() - started, 1)
        out["documents"] = report.documents_read
        out["words"] = report.tokens_read
    if empty or not index_dir(instance).exists():
        started = time.perf_counter()
        entries = Indexer(catalog, instance).rebuild()
        out["index_build_seconds"] = round(time.perf_counter() - started, 1)
        out["index_entries"] = entries
    out["index_mb"] = round(sum(f.stat().st_size for f in index_dir(instance).iterdir()) / 1e6, 1)
    engine = SearchEngine(catalog, instance)
    started = time.perf_counter()
    engine.columns()
    out["open_columns_ms"] = round((time.perf_counter() - started) * 1000, 1)
    out["word"] = run_class(engine, [dict(query=w) for w in WORDS], args.reps)
    out["phrase"] = run_class(engine, [dict(query=p) for p in PHRASES], args.reps)
    out["filtered"] = run_class(engine, FILTERED, args.reps)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
