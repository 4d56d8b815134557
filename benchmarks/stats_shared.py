"""Comparison statistics on an instance (e.g. the whole shared corpus): wall time per call.

    python benchmarks/stats_shared.py --instance /tmp/bench-instance [--reps 3]

Make the instance first: `python -m benchmarks --workdir DIR` leaves it in DIR/instance.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from corpus.db import Catalog
from search.engine import SearchEngine, SearchRequest
from search import stats
from search.stats import collocates, compare, distribution, frequency_list, keywords

CASES = {
    "distribution blockade by year": lambda e: distribution(e, SearchRequest(query="blockade"), "year"),
    "distribution missile by speaker": lambda e: distribution(e, SearchRequest(query="missile"), "speaker"),
    "distribution \"Soviet Union\" by source": lambda e: distribution(e, SearchRequest(query='"Soviet Union"'),
                                                                      "source"),
    "compare blockade quarantine by source": lambda e: compare(
        e, [SearchRequest(query="blockade"), SearchRequest(query="quarantine")], "source"),
    "collocates missile": lambda e: collocates(e, SearchRequest(query="missile")),
    "collocates blockade (filtered 1960-1964)": lambda e: collocates(
        e, SearchRequest(query="blockade", date_from="1960", date_to="1964")),
    "collocates Khrushchev": lambda e: collocates(e, SearchRequest(query="Khrushchev")),
    "keywords wilson vs frus1961-63v05": lambda e: keywords(e, "source:wilson", "source:frus1961-63v05"),
    "keywords JFK vs Khrushchev (speakers)": lambda e: keywords(e, 'speaker:"John F. Kennedy"',
                                                                'speaker:"Nikita Khrushchev"'),
    "keywords news conferences vs ungdc": lambda e: keywords(e, "source:presidential-news-conferences-debates",
                                                             "source:ungdc"),
    "frequencies frus1961-63v05": lambda e: frequency_list(e, "source:frus1961-63v05"),
    "2-grams frus1961-63v05": lambda e: frequency_list(e, "source:frus1961-63v05", n=2),
    "3-grams JFK (speaker)": lambda e: frequency_list(e, 'speaker:"John F. Kennedy"', n=3),
    "words, whole corpus": lambda e: frequency_list(e, ""),
    "2-grams, whole corpus": lambda e: frequency_list(e, "", n=2),
    "3-grams, whole corpus": lambda e: frequency_list(e, "", n=3),
}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--instance", required=True)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    engine = SearchEngine(Catalog.for_instance(Path(args.instance)), Path(args.instance))
    engine.columns()
    out = {}
    for name, case in CASES.items():
        times = []
        for _ in range(args.reps):
            stats._FREQUENCY_CACHE.clear()       # measure counting, not the cache
            started = time.perf_counter()
            case(engine)
            times.append((time.perf_counter() - started) * 1000)
        out[name] = {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
