"""Time to first byte of the results page (/search?q=<phrase>) on an existing instance.

    python benchmarks/web_ttfb.py --instance /tmp/bench                 # full shared corpus
    python benchmarks/web_ttfb.py --instance /tmp/bench --reps 10 --port 5077

The app is created on the instance (read only: the secret key is passed in, nothing is ingested
or indexed) and served by Werkzeug's threaded server on 127.0.0.1 in a background thread, as
`corpus serve` does. Each request opens a new connection; the clock runs from just before the
request is sent until the first byte of the body has arrived (http.client + time.perf_counter).
The first request of each query is reported apart (cold: searcher and columns not yet loaded).
Prints one JSON document: median / p95 / max in ms over all warm requests and per query.
"""
from __future__ import annotations

import argparse
import logging
import http.client
import json
import secrets
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PHRASES = ['"Soviet missile bases"', '"naval blockade"', '"the President"', '"United Nations"',
           '"nuclear weapons"', '"Soviet Union"', '"peaceful coexistence"', '"in the"']


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * (len(values) - 1))))
    return values[k]


def ttfb(host: str, port: int, path: str) -> tuple[float, float, int, int]:
    """(ms to first body byte, ms to the whole body, HTTP status, body bytes) of one GET."""
    conn = http.client.HTTPConnection(host, port, timeout=120)
    try:
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        first = response.read(1)
        first_byte = time.perf_counter()
        rest = response.read()
        done = time.perf_counter()
        return ((first_byte - started) * 1000, (done - started) * 1000, response.status,
                len(first) + len(rest))
    finally:
        conn.close()


def summary(values: list[float]) -> dict:
    return {"median_ms": round(statistics.median(values), 1), "p95_ms": round(percentile(values, 95), 1),
            "max_ms": round(max(values), 1)}


def measure(host: str, port: int, phrases: list[str], reps: int) -> dict:
    warm_all, cold_all, per_query = [], [], []
    for phrase in phrases:
        path = "/search?" + urlencode({"q": phrase})
        runs = [ttfb(host, port, path) for _ in range(reps + 1)]
        statuses = {status for _, _, status, _ in runs}
        if statuses != {200}:
            raise SystemExit(f"{path} answered {sorted(statuses)}")
        warm = [first for first, _, _, _ in runs[1:]]
        cold_all.append(runs[0][0])
        warm_all.extend(warm)
        per_query.append({"query": phrase, **summary(warm), "cold_ms": round(runs[0][0], 1),
                          "full_body_median_ms": round(statistics.median(r[1] for r in runs[1:]), 1),
                          "bytes": runs[-1][3]})
    return {"ttfb_warm": summary(warm_all), "ttfb_cold_median_ms": round(statistics.median(cold_all), 1),
            "queries": per_query}


def document_count(app) -> int:
    from sqlalchemy import func, select

    from corpus.models import Document
    from web import services

    with app.app_context(), services().catalog.session() as session:
        return session.scalar(select(func.count(Document.id)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--instance", required=True, help="an instance folder with a catalog and an index")
    ap.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    ap.add_argument("--reps", type=int, default=10, help="warm requests per query (default 10)")
    ap.add_argument("--query", action="append", help="a query to time instead of the default phrases")
    args = ap.parse_args()
    instance = Path(args.instance)
    if not (instance / "catalog.sqlite").exists():
        raise SystemExit(f"{instance} has no catalog.sqlite")

    from web import create_app
    logging.getLogger("werkzeug").setLevel(logging.WARNING)   # no line per request
    app = create_app({"INSTANCE": str(instance), "SECRET_KEY": secrets.token_hex(16)})
    server = make_server("127.0.0.1", args.port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        report = measure("127.0.0.1", server.server_port, args.query or PHRASES, args.reps)
    finally:
        server.shutdown()
        server.server_close()
    report = {"instance": str(instance.resolve()), "documents": document_count(app),
              "reps": args.reps, **report}
    print(json.dumps(report, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
