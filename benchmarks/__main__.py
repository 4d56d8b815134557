"""The project's benchmark: ingest and index a real corpus, build FTS5 and brute-force baselines from
the same entries, time a seeded query set on all three, check the engine's counts against brute
force, and write BENCHMARKS.md plus a JSON file.

    python -m benchmarks                       # all of ../shared/corpus (~20M words), 3 timed runs
    python -m benchmarks --quick --workdir /tmp/bq --out /tmp/bq/BENCHMARKS.md
    python -m benchmarks --scale 4             # also at 2x and 4x the corpus

Progress goes to stderr. Run from the repository root.
"""
from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from corpus.db import Catalog
from corpus.models import Person
from search.engine import SearchEngine

from . import report, sections
from .baselines import BruteForce, Fts5, load_entries, person_ids
from .build import BuildFailed, peak_rss_mb, run_step
from .queryset import QuerySet, choose, top_speaker
from .runner import Contenders, run_classes, run_context_sort, run_distribution

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
QUICK_FOLDERS = ("seed", "wilson-center", "frus-1961-63v05-text")
QUICK_SPEECHES = Path("ungdc") / "TXT" / "Session 17 - 1962"     # 92 UN General Debate speeches of 1962
RESULTS = REPO / "benchmarks" / "results"             # git-ignored
FULL_REPORT = REPO / "BENCHMARKS.md"
QUICK_REPORT = RESULTS / "BENCHMARKS-quick.md"
INSTANCE_MARK = "benchmark-instance"
SCALES = (1, 2, 4)


class BenchmarkError(Exception):
    """A problem with the benchmark's inputs (a missing corpus, a work folder in use)."""


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="a 5 MB subset (seed, wilson-center, FRUS vol. V text, the 1962 UN General Debate), "
                    "1 timed run, 3 queries per kind, no scaling (well under two minutes)")
    ap.add_argument("--corpus", nargs="+", type=Path, metavar="DIR",
                    help=f"folders or files to ingest (default: {SHARED_CORPUS})")
    ap.add_argument("--scale", type=int, choices=SCALES, default=1,
                    help="also run at 2x (and 4x) the corpus, made by copying its documents")
    ap.add_argument("--reps", type=int, help="timed runs per query (default 3; 1 with --quick)")
    ap.add_argument("--queries", type=int, help="queries per kind (default 10; 3 with --quick)")
    ap.add_argument("--workdir", type=Path, help="where the instance and the FTS5 file go (kept); "
                    "default: a temporary folder, removed at the end")
    ap.add_argument("--out", type=Path, help=f"the Markdown report (default: {FULL_REPORT}; "
                    f"with --quick {QUICK_REPORT}, so a quick run never replaces the full report)")
    ap.add_argument("--json", type=Path, help="every number, the query set and per-query counts "
                    f"(default: {RESULTS / 'latest.json'}; with --quick {RESULTS / 'quick.json'})")
    args = ap.parse_args(argv)
    args.out = args.out or (QUICK_REPORT if args.quick else FULL_REPORT)
    args.json = args.json or RESULTS / ("quick.json" if args.quick else "latest.json")
    args.reps = args.reps or (1 if args.quick else 3)
    args.queries = args.queries or (3 if args.quick else 10)
    if args.quick:
        args.scale = 1
    return args


class Clock:
    """Progress lines on stderr, with the time since the start."""

    def __init__(self):
        self.started = time.perf_counter()

    def __call__(self, message: str) -> None:
        print(f"[{time.perf_counter() - self.started:7.1f} s] {message}", file=sys.stderr, flush=True)


def corpus_paths(args: argparse.Namespace) -> list[Path]:
    if args.corpus:
        missing = [p for p in args.corpus if not p.exists()]
        if missing:
            raise BenchmarkError(f"no such corpus folder or file: {', '.join(map(str, missing))}")
        return [p.resolve() for p in args.corpus]
    if not SHARED_CORPUS.is_dir():
        raise BenchmarkError(f"the shared corpus is not at {SHARED_CORPUS}; give the folders to ingest "
                             "with --corpus DIR ...")
    if not args.quick:
        return [SHARED_CORPUS]
    # The speeches are named one by one so that the reader finds ungdc/Speakers_by_session.csv
    # above them (a folder given as the root of an ingest stops that search).
    speeches = sorted((SHARED_CORPUS / QUICK_SPEECHES).glob("*.txt"))
    return [SHARED_CORPUS / name for name in QUICK_FOLDERS] + speeches


def fresh_instance(workdir: Path) -> Path:
    """workdir/instance, emptied if an earlier benchmark left it; refused if something else is there."""
    instance = workdir / "instance"
    if instance.exists():
        if not (instance / INSTANCE_MARK).exists():
            raise BenchmarkError(f"{instance} exists and was not made by the benchmark; choose another --workdir")
        shutil.rmtree(instance)
    instance.mkdir(parents=True)
    (instance / INSTANCE_MARK).write_text("made by python -m benchmarks; removed by the next run\n")
    return instance


# ---------------------------------------------------------------- one scale


def build_corpus(scale: int, instance: Path, paths: list[Path], say: Clock) -> dict:
    """Ingest (1x) or copy (kx), then rebuild the index; each step in its own process."""
    if scale == 1:
        say(f"ingesting {len(paths)} path(s)…")
        built = run_step("ingest", "--instance", str(instance), *map(str, paths))
        say(f"ingested {built['documents']:,} documents, {built['words']:,} words in {built['ingest_s']} s")
    else:
        say(f"copying the catalog to {scale}x…")
        built = run_step("copies", "--instance", str(instance), "--copies", str(scale))
        say(f"{scale}x catalog: {built['documents']:,} documents, {built['words']:,} words ({built['copy_s']} s)")
    say("indexing…")
    indexed = run_step("index", "--instance", str(instance))
    say(f"indexing {indexed['index_s']} s, {indexed['index_entries']:,} entries")
    return {**built, **indexed}


def run_scale(scale: int, instance: Path, workdir: Path, paths: list[Path], args, qset: QuerySet | None,
              say: Clock) -> tuple[dict, QuerySet]:
    build = build_corpus(scale, instance, paths, say)
    measured, qset = measure(instance, workdir, args.reps, args.queries, qset, say)
    measured["build"] = {**build, **measured["build"]}
    return {"scale": scale, **measured}, qset


def measure(instance: Path, workdir: Path, reps: int, per_kind: int, qset: QuerySet | None,
            say=lambda _m: None) -> tuple[dict, QuerySet]:
    """Build the baselines from an indexed instance and time everything on it; the query set is
    chosen here when `qset` is None. Returns ({build, classes, context_sort, distribution}, qset)."""
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    fts = Fts5(workdir / "fts5.sqlite")
    try:
        say("reading the index entries for the baselines…")
        entries = load_entries(catalog)
        say(f"FTS5 build… ({len(entries.items):,} entries)")
        fts.build(entries)
        brute = BruteForce(entries)
        build = {"fts5_build_s": round(fts.seconds, 2), "brute_build_s": round(brute.seconds, 2),
                 **{f"fts5_{k}": v for k, v in fts.sizes().items()}}
        say(f"FTS5 {fts.seconds:.1f} s; brute force {brute.seconds:.1f} s")
        if qset is None:
            qset = pick_queries(catalog, engine, entries.items, per_kind)
            say(f"query set: {len(qset.queries)} queries x {len(qset.variants)} variants")
        contenders = Contenders(engine, fts, brute)
        classes = run_classes(contenders, qset, reps, say)
        say(f"KWIC sorted by R1 over every hit of {qset.top_word!r}…")
        context = run_context_sort(contenders, qset.top_word, reps)
        say(f"distribution by year of {qset.top_word!r}…")
        dist = run_distribution(contenders, qset.top_word, reps)
        build["harness_peak_rss_mb"] = peak_rss_mb()
    finally:
        fts.close()
        engine.close()
        catalog.dispose()
    return {"build": build, "classes": classes, "context_sort": context, "distribution": dist}, qset


def pick_queries(catalog: Catalog, engine: SearchEngine, entries, per_kind: int) -> QuerySet:
    """The seeded query set, with the speaker who has the most entries."""
    speaker_id = top_speaker(entries)
    name = None
    if speaker_id:
        with catalog.session() as s:
            name = s.get(Person, speaker_id).name
    ids = person_ids(catalog, name) if name else frozenset()
    return choose(engine, entries, per_kind, (name, ids))


# ---------------------------------------------------------------- the run


def run(args: argparse.Namespace, say: Clock) -> dict:
    paths = corpus_paths(args)
    temporary = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="corpus-bench-")) if temporary else args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    instance = fresh_instance(workdir)
    command = " ".join(["python -m benchmarks", *map(shlex.quote, sys.argv[1:])])
    scales, qset = [], None
    try:
        for scale in [s for s in SCALES if s <= args.scale]:
            say(f"— scale {scale}x —")
            scale_result, qset = run_scale(scale, instance, workdir, paths, args, qset, say)
            scales.append(scale_result)
    finally:
        if temporary:
            shutil.rmtree(workdir, ignore_errors=True)
    return results_of(command, args.quick, args.reps, _shown_paths(paths), scales, qset)


def results_of(command: str, quick: bool, reps: int, paths: list[str], scales: list[dict], qset: QuerySet) -> dict:
    """The whole run as the JSON file holds it (BENCHMARKS.md is made from this)."""
    first = scales[0]["build"]
    return {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "command": command,
            "machine": report.machine(), "quick": quick, "reps": reps,
            "corpus": {"paths": paths, "documents": first["documents"], "words": first["words"],
                       "text_bytes": first["text_bytes"]},
            "agreement": all(c["agreement"] for s in scales for c in s["classes"].values())
            and all(s["distribution"]["agreement"] for s in scales),
            "query_set": qset.to_json(), "scales": scales}


def _shown_paths(paths: list[Path]) -> list[str]:
    """The corpus paths for the report, the 92 speech files as one folder."""
    shown = []
    for p in paths:
        name = str(p.parent) + "/*.txt" if p.is_file() and p.parent.name == QUICK_SPEECHES.name else str(p)
        if name not in shown:
            shown.append(name)
    return shown


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    say = Clock()
    try:
        results = run(args, say)
    except (BenchmarkError, BuildFailed) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    report.write_json(results, args.json)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    previous = args.out.read_text(encoding="utf-8") if args.out.is_file() else ""
    args.out.write_text(sections.carry_over(previous, report.markdown(results)), encoding="utf-8")
    say(f"wrote {args.out} and {args.json}; agreement: {'yes' if results['agreement'] else 'NO (see the report)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
