"""The build steps, each run in its own process so that its peak memory is its own:

    python -m benchmarks.build ingest --instance DIR PATH...   # corpus.ingest.ingest, timed
    python -m benchmarks.build index --instance DIR            # Indexer.rebuild, timed
    python -m benchmarks.build copies --instance DIR --copies K   # the k-times corpus (see add_copies)

Each prints one JSON object on stdout (seconds, sizes, peak RSS); progress goes to stderr.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from corpus.db import CATALOG_FILE, Catalog
from corpus.ingest import ingest
from corpus.models import Document, Participant, Passage
from search.indexer import Indexer, index_dir

SCALE_FILE = "benchmark-scale.json"      # in the instance: the 1x documents' highest seq, copies made


class BuildFailed(Exception):
    """A build step's process failed; the message holds the end of its error output."""


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in Path(folder).rglob("*") if f.is_file())


def catalog_bytes(instance: Path) -> int:
    return sum(f.stat().st_size for f in Path(instance).glob(CATALOG_FILE + "*") if f.is_file())


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)     # KB on Linux


def corpus_figures(catalog: Catalog) -> dict:
    """Documents, words (the catalog's token counts) and UTF-8 bytes of the texts."""
    with catalog.session() as s:
        documents, words = s.execute(select(func.count(Document.id),
                                            func.coalesce(func.sum(Document.token_count), 0))).one()
        text_bytes = s.scalar(text("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM document"))
    return {"documents": documents, "words": int(words), "text_bytes": int(text_bytes)}


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- steps


def step_ingest(instance: Path, paths: list[Path]) -> dict:
    catalog = Catalog.for_instance(instance)
    files = [0]

    def progress(_path: str) -> None:
        files[0] += 1
        if files[0] % 250 == 0:
            say(f"  ingesting… {files[0]} files")
    started = time.perf_counter()
    report = ingest(catalog, paths, progress=progress)
    seconds = time.perf_counter() - started
    out = {"ingest_s": round(seconds, 2), **corpus_figures(catalog), "files": report.files,
           "added": len(report.added), "rejected": len(report.rejected), "duplicates": len(report.duplicates),
           "catalog_bytes": catalog_bytes(instance), "ingest_peak_rss_mb": peak_rss_mb()}
    out["ingest_words_per_s"] = round(out["words"] / seconds) if seconds else None
    catalog.dispose()
    return out


def step_index(instance: Path) -> dict:
    catalog = Catalog.for_instance(instance)
    done = [0]

    def progress(n: int) -> None:
        done[0] += n
        if done[0] % 2000 == 0:
            say(f"  indexing… {done[0]} documents")
    started = time.perf_counter()
    entries = Indexer(catalog, instance, progress=progress).rebuild()
    seconds = time.perf_counter() - started
    figures = corpus_figures(catalog)
    catalog.dispose()
    return {"index_s": round(seconds, 2), "index_entries": entries, "index_bytes": folder_bytes(index_dir(instance)),
            "index_words_per_s": round(figures["words"] / seconds) if seconds else None,
            "catalog_bytes": catalog_bytes(instance), **figures, "index_peak_rss_mb": peak_rss_mb()}


def step_copies(instance: Path, copies: int) -> dict:
    catalog = Catalog.for_instance(instance)
    started = time.perf_counter()
    made = add_copies(catalog, instance, copies)
    seconds = time.perf_counter() - started
    figures = corpus_figures(catalog)
    catalog.dispose()
    return {"copy_s": round(seconds, 2), "copies_added": made, **figures, "catalog_bytes": catalog_bytes(instance)}


def add_copies(catalog: Catalog, instance: Path, copies: int) -> int:
    """Make the catalog hold `copies` copies of the 1x corpus: copy k of a document gets the id
    `<id>~k`, native id `<native>~k`, seq + (k - 1) x the 1x highest seq, and copies of its
    passages and participants (same speakers, dates, sources). Returns how many copies it added."""
    state_file = Path(instance) / SCALE_FILE
    with catalog.session() as s:
        state = json.loads(state_file.read_text()) if state_file.exists() else {
            "base_seq": s.scalar(select(func.max(Document.seq))) or 0, "copies": 1}
    added = 0
    with catalog.engine.begin() as conn:
        for k in range(state["copies"] + 1, copies + 1):
            params = {"suffix": f"~{k}", "offset": (k - 1) * state["base_seq"], "base": state["base_seq"]}
            conn.execute(text(_copy_documents_sql()), params)
            for table in (Passage.__table__, Participant.__table__):
                conn.execute(text(_copy_children_sql(table)), params)
            added += 1
    state["copies"] = max(state["copies"], copies)
    state_file.write_text(json.dumps(state))
    return added


def _copy_documents_sql() -> str:
    special = {"id": "id || :suffix", "native_id": "native_id || :suffix", "seq": "seq + :offset"}
    names = [c.name for c in Document.__table__.columns]
    cols = ", ".join(f'"{n}"' for n in names)
    values = ", ".join(special.get(n, f'"{n}"') for n in names)
    return f"INSERT INTO document ({cols}) SELECT {values} FROM document WHERE seq <= :base"


def _copy_children_sql(table) -> str:
    names = [c.name for c in table.columns if c.name != "id"]
    cols = ", ".join(f'"{n}"' for n in names)
    values = ", ".join("document_id || :suffix" if n == "document_id" else f'"{n}"' for n in names)
    return (f"INSERT INTO {table.name} ({cols}) SELECT {values} FROM {table.name} "
            "WHERE document_id IN (SELECT id FROM document WHERE seq <= :base)")


# ---------------------------------------------------------------- running a step from the harness


def run_step(*args: str) -> dict:
    """Run one step in a child process (stderr passed through) and return its JSON."""
    done = subprocess.run([sys.executable, "-m", "benchmarks.build", *args], stdout=subprocess.PIPE,
                          text=True, cwd=Path(__file__).resolve().parents[1])
    if done.returncode != 0:
        raise BuildFailed(f"the {args[0]} step (python -m benchmarks.build {args[0]} …) failed with exit "
                          f"status {done.returncode}; its error is printed above")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.build")
    ap.add_argument("step", choices=("ingest", "index", "copies"))
    ap.add_argument("--instance", required=True, type=Path)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("paths", nargs="*", type=Path)
    args = ap.parse_intermixed_args(argv)
    if args.step == "ingest":
        out = step_ingest(args.instance, args.paths)
    elif args.step == "index":
        out = step_index(args.instance)
    else:
        out = step_copies(args.instance, args.copies)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
