"""Ingest all of ../shared/corpus into a fresh instance and report counts and throughput.

    python benchmarks/ingest_shared.py [--shared ../shared/corpus] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from collections import Counter
from pathlib import Path

from sqlalchemy import func, select

from corpus.db import Catalog
from corpus.ingest import ingest
from corpus.models import Document, Passage, Source


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))
    ap.add_argument("--keep", help="instance folder to keep (default: a temporary one)")
    args = ap.parse_args()
    instance = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    catalog = Catalog.for_instance(instance)
    started = time.perf_counter()
    report = ingest(catalog, [Path(args.shared)])
    wall = time.perf_counter() - started
    with catalog.session() as s:
        by_source = dict(s.execute(select(Source.key, func.count(Document.id))
                                   .join(Document, Document.source_id == Source.id).group_by(Source.key)).all())
        passages = s.scalar(select(func.count()).select_from(Passage))
        attributed = s.scalar(select(func.count()).select_from(Passage).where(Passage.speaker_id.is_not(None)))
    summary = {k: v for k, v in report.to_json().items() if not k.endswith(("_ids", "_list"))}
    print(json.dumps({"wall_seconds": round(wall, 1), **summary, "documents_by_source": by_source,
                      "passages": passages, "passages_with_speaker": attributed}, indent=2))
    reasons = Counter(p.reason.split(":")[0] for p in report.rejected)
    print("rejected by reason:", dict(reasons))
    for p in report.rejected[:40]:
        print("  REJECTED", p.line())
    for p in report.skipped:
        print("  skipped", p.line())
    for p in report.duplicates[:20]:
        print("  duplicate", p.line())
    catalog.dispose()
    if not args.keep:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    main()
