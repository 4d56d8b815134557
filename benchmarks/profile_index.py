"""Profile a rebuild of an instance's index: where the indexing time goes.

    python -m benchmarks.profile_index INSTANCE [--limit-mb N] [--top 18]

Rebuilds INSTANCE's index from its catalog under cProfile and prints the wall time, the
functions with the most time of their own, and the cumulative time of the indexing steps
(Whoosh's add_document and commit, the word variants, the token store, the position arrays).
--limit-mb sets the Whoosh writer's memory limit (default: search.indexer.writer_limit_mb()).
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from corpus.db import Catalog
from search import indexer

STEPS = ("add_document", "add_postings", "commit", "update_from", "add_stream", "split_words", "publish")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.profile_index", description=__doc__.split("\n\n")[0])
    ap.add_argument("instance", type=Path, help="an instance folder with a catalog (it is reindexed)")
    ap.add_argument("--limit-mb", type=int, help="the writer's memory limit in MB")
    ap.add_argument("--top", type=int, default=18, help="how many functions to list (default: 18)")
    args = ap.parse_args(argv)
    if args.limit_mb:
        indexer.WRITER_LIMIT_MB = args.limit_mb
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.runcall(indexer.Indexer(Catalog.for_instance(args.instance), args.instance).rebuild)
    print(f"rebuild {time.perf_counter() - started:.1f} s, writer limit {indexer.writer_limit_mb()} MB")
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(args.top)
    for (path, line, name), row in stats.stats.items():
        if name in STEPS:
            print(f"{name:14s} {path.split('site-packages/')[-1]}:{line}  cumulative {row[3]:.2f} s")


if __name__ == "__main__":
    main()
