"""Timing the query set on the engine and the two baselines, and checking the engine's counts.

Protocol per query: the engine and FTS5 run once untimed (warm-up), then `reps` timed runs;
brute force has nothing to warm (its texts are in memory) and runs `reps` timed runs. A class's
median and p95 are over all timed runs of its queries. The engine's unit of work is one
search() call with limit=50: totals, facets and the first KWIC page.

Agreement: for every query the engine's total_hits must equal brute force's count; the first
page is compared too (document, character offsets of each line). A mismatch is listed with both
numbers, never hidden.
"""
from __future__ import annotations

import sqlite3
import statistics
import time
from dataclasses import dataclass
from typing import Callable

from search.engine import SearchEngine, SearchRequest
from search.errors import SearchError
from search.stats import distribution

from .baselines import PAGE, BruteForce, Fts5
from .queryset import KINDS, BenchQuery, QuerySet, Variant

Progress = Callable[[str], None]


@dataclass
class Contenders:
    engine: SearchEngine
    fts: Fts5
    brute: BruteForce


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100)."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def timed(fn, reps: int, warm_up: bool = True, errors=(SearchError,)) -> tuple[object, list[float], str | None]:
    """(last result, milliseconds of the timed runs, the message if the call raised one of `errors`)."""
    result = None
    try:
        if warm_up:
            result = fn()
        times = []
        for _ in range(reps):
            started = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - started) * 1000)
    except errors as exc:
        return None, [], f"{exc.__class__.__name__}: {exc}"
    return result, times, None


def summary(times: list[float]) -> dict:
    if not times:
        return {"median_ms": None, "p95_ms": None, "runs": 0}
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 95), 2),
            "runs": len(times)}


def ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a is not None and b else None


# ---------------------------------------------------------------- query classes


def run_classes(c: Contenders, qset: QuerySet, reps: int, progress: Progress = lambda _m: None) -> dict:
    """{class name: summary} for every kind x variant, e.g. "phrase2 / date"."""
    out = {}
    for kind in KINDS:
        queries = [q for q in qset.queries if q.kind == kind]
        for variant in qset.variants:
            name = f"{kind} / {variant.name}"
            rows, times = [], {"ours": [], "fts5": [], "brute": []}
            for i, q in enumerate(queries, start=1):
                progress(f"queries: {name} {i}/{len(queries)}")
                rows.append(run_query(c, qset, q, variant, reps, times))
            out[name] = _class_summary(kind, variant, rows, times)
    return out


def run_query(c: Contenders, qset: QuerySet, q: BenchQuery, variant: Variant, reps: int,
              times: dict[str, list]) -> dict:
    filters = qset.filters(variant)
    request = variant.request(q.text, limit=PAGE)
    ours, ours_ms, error = timed(lambda: c.engine.search(request), reps)
    fts, fts_ms, fts_error = timed(lambda: c.fts.search(q.fts5, filters), reps, errors=(sqlite3.Error,))
    brute, brute_ms, _ = timed(lambda: c.brute.search(q.kind, q.words, q.slop, filters), reps, warm_up=False)
    times["ours"] += ours_ms
    times["fts5"] += fts_ms
    times["brute"] += brute_ms
    ours_hits = ours.total_hits if ours else None
    ours_page = [(h.doc_id, h.start, h.end) for h in ours.hits] if ours else None
    brute_page = [(line.doc_id, line.start, line.end) for line in brute.lines]
    return {"query": q.text, "band": q.band, "frequency": q.frequency, "fts5": q.fts5,
            "ours_hits": ours_hits, "ours_documents": ours.total_documents if ours else None,
            "brute_hits": brute.hits, "fts5_rows": fts.rows if fts else None,
            "agree": ours_hits == brute.hits, "page_agrees": ours_page == brute_page,
            "ours_ms": _median(ours_ms), "fts5_ms": _median(fts_ms), "brute_ms": _median(brute_ms),
            "error": error, "fts5_error": fts_error}


def _median(times: list[float]) -> float | None:
    return round(statistics.median(times), 2) if times else None


def _class_summary(kind: str, variant: Variant, rows: list[dict], times: dict[str, list]) -> dict:
    ours, fts, brute = summary(times["ours"]), summary(times["fts5"]), summary(times["brute"])
    mismatches = [{"query": r["query"], "ours": r["ours_hits"], "brute": r["brute_hits"], "error": r["error"]}
                  for r in rows if not r["agree"]]
    return {"kind": kind, "variant": variant.name, "queries": len(rows),
            "ours": ours, "fts5": fts, "brute": brute,
            "ours_over_fts5": ratio(ours["median_ms"], fts["median_ms"]),
            "ours_over_brute": ratio(ours["median_ms"], brute["median_ms"]),
            "ours_p95_over_fts5_p95": ratio(ours["p95_ms"], fts["p95_ms"]),
            "agreement": not mismatches, "mismatches": mismatches,
            "pages_agreeing": sum(r["page_agrees"] for r in rows), "rows": rows}


# ---------------------------------------------------------------- KWIC sorted by right context


def run_context_sort(c: Contenders, word: str, reps: int) -> dict:
    """The first page of every hit of `word` sorted by the next word (R1)."""
    request = SearchRequest(query=word, sort="R1", limit=PAGE)
    ours, ours_ms, error = timed(lambda: c.engine.search(request), reps)
    brute, brute_ms, _ = timed(lambda: c.brute.context_sorted(word), reps, warm_up=False)
    hits, lines = brute
    return {"word": word, "hits": hits, "ours": summary(ours_ms), "brute": summary(brute_ms),
            "ours_over_brute": ratio(summary(ours_ms)["median_ms"], summary(brute_ms)["median_ms"]),
            "ours_error": error, "ours_hits": ours.total_hits if ours else None,
            "ours_first_line": _first(ours.hits) if ours else None,
            "brute_first_line": _first(lines)}


def _first(lines) -> str | None:
    return f"{lines[0].left} [{lines[0].match}] {lines[0].right}" if lines else None


# ---------------------------------------------------------------- distribution by year


def run_distribution(c: Contenders, word: str, reps: int) -> dict:
    """Hits of `word` per year: search.stats.distribution against counting per entry."""
    request = SearchRequest(query=word)
    ours, ours_ms, error = timed(lambda: distribution(c.engine, request, "year"), reps)
    brute, brute_ms, _ = timed(lambda: c.brute.distribution_by_year("word", (word,)), reps, warm_up=False)
    ours_rows = {r.value: r.hits for r in ours.rows} if ours else {}
    brute_rows = {k: v["hits"] for k, v in brute.items()}
    differing = {k: {"ours": ours_rows.get(k), "brute": brute_rows.get(k)}
                 for k in sorted(set(ours_rows) | set(brute_rows)) if ours_rows.get(k) != brute_rows.get(k)}
    return {"word": word, "years": len(brute_rows), "ours": summary(ours_ms), "brute": summary(brute_ms),
            "ours_over_brute": ratio(summary(ours_ms)["median_ms"], summary(brute_ms)["median_ms"]),
            "ours_error": error, "agreement": not differing and error is None, "differing": differing}
