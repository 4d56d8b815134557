"""`corpus check`: does the index hold exactly what the catalog holds?"""
from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from whoosh import index as whoosh_index
from whoosh import query as wq

from corpus.db import Catalog
from corpus.models import Document

from corpus.text import TOKENIZER_VERSION

from .indexer import Indexer, index_tokenizer, outdated_tokenizer_message, read_ledger
from . import generations, positions
from .tokenstore import TokenStore


@dataclass
class Drift:
    catalog_documents: int = 0
    index_documents: int = 0
    missing: list[str] = field(default_factory=list)     # in the catalog, not in the index
    extra: list[str] = field(default_factory=list)       # in the index, not in the catalog
    stale: list[str] = field(default_factory=list)       # indexed from an older version of the document
    damaged: list[str] = field(default_factory=list)     # entry count differs from what was written
    no_index: bool = False
    no_token_store: bool = False                         # token store missing (older index) or unreadable
    stale_positions: bool = False                        # position arrays missing or of another generation
    old_tokenizer: int = 0                               # the older tokenizer version the index was built with
    damaged_files: list[str] = field(default_factory=list)   # files missing, truncated or not matching their checksum
    no_manifest: bool = False                            # written before manifests: its files cannot be checked

    @property
    def ok(self) -> bool:
        return not (self.missing or self.extra or self.stale or self.damaged or self.no_index
                    or self.no_token_store or self.stale_positions or self.old_tokenizer or self.damaged_files)

    @property
    def notes(self) -> list[str]:
        """What is wrong beyond lists of documents, one sentence each."""
        if not self.old_tokenizer:
            return []
        message = outdated_tokenizer_message(self.old_tokenizer)
        return [message[0].upper() + message[1:] + "."]

    def to_json(self) -> dict:
        return {"ok": self.ok, "catalog_documents": self.catalog_documents,
                "index_documents": self.index_documents, "no_index": self.no_index,
                "no_token_store": self.no_token_store, "stale_positions": self.stale_positions,
                "old_tokenizer": self.old_tokenizer, "notes": self.notes,
                "missing": self.missing, "extra": self.extra, "stale": self.stale, "damaged": self.damaged,
                "damaged_files": self.damaged_files, "no_manifest": self.no_manifest}


def check(catalog: Catalog, instance: Path) -> Drift:
    drift = Drift()
    with catalog.session() as s:
        rows = s.execute(select(Document.id, Document.extra, Document.token_count)).all()
    hashes = {doc_id: extra.get("record_hash") for doc_id, extra, _ in rows}
    with_words = {doc_id for doc_id, _, tokens in rows if tokens}
    drift.catalog_documents = len(hashes)
    folder = generations.current(instance)
    if folder is not None:
        found = generations.problems(folder, full=True)
        drift.no_manifest = found is None
        drift.damaged_files = found or []
    if folder is None or not whoosh_index.exists_in(str(folder)):
        drift.no_index = bool(hashes) and not drift.damaged_files
        drift.missing = sorted(hashes)
        return drift
    ledger = read_ledger(folder)
    try:
        ix = whoosh_index.open_dir(str(folder))
        with ix.searcher() as searcher:
            indexed = _entries_per_document(searcher)
    except Exception as exc:         # damaged beyond reading: reported, and --repair rebuilds it
        drift.damaged_files = drift.damaged_files or [f"the index cannot be read ({exc.__class__.__name__}: {exc})"]
        drift.missing = sorted(hashes)
        return drift
    drift.index_documents = len(indexed)
    version = index_tokenizer(folder)
    if indexed and version < TOKENIZER_VERSION:
        drift.old_tokenizer = version
    drift.missing = sorted(set(hashes) - set(indexed))
    drift.extra = sorted(set(indexed) - set(hashes))
    for doc_id in sorted(set(hashes) & set(indexed)):
        written = ledger.get(doc_id)
        if written is None or written[0] != hashes[doc_id]:
            drift.stale.append(doc_id)
        elif written[1] != indexed[doc_id]:
            drift.damaged.append(doc_id)
    _check_token_store(drift, folder, set(indexed), set(hashes), with_words)
    if not drift.no_token_store and indexed:
        pointer = positions.current(folder)
        drift.stale_positions = pointer is None or pointer.get("generation") != ix.latest_generation() \
            or _arrays(folder) is None
    return drift


def _arrays(folder: Path):
    """The position arrays, or None when missing or damaged (damage is in damaged_files)."""
    try:
        return positions.load(folder)
    except generations.IndexDamaged:
        return None


def _check_token_store(drift: Drift, folder: Path, indexed: set[str], catalog: set[str], with_words: set[str]) -> None:
    """Every indexed document with words has its entries in the token store, and nothing else does."""
    store = TokenStore(folder)
    if not store.exists():
        drift.no_token_store = bool(indexed)
        return
    try:
        with closing(sqlite3.connect(f"file:{store.path}?mode=ro", uri=True)) as conn:
            stored = {doc_id for (doc_id,) in conn.execute("SELECT DISTINCT doc FROM unit")}
    except sqlite3.DatabaseError:
        drift.no_token_store = bool(indexed)
        return
    known = set(drift.missing) | set(drift.stale) | set(drift.damaged)
    lost = sorted((indexed & with_words) - stored - known)
    drift.damaged = sorted(set(drift.damaged) | set(lost))
    drift.extra = sorted(set(drift.extra) | (stored - indexed - catalog))


def _entries_per_document(searcher) -> dict[str, int]:
    """Live (not deleted) index entries per document id."""
    reader = searcher.reader()
    counts = {}
    for term in reader.lexicon("doc"):
        doc_id = term.decode("utf-8") if isinstance(term, bytes) else term
        n = sum(1 for _ in searcher.docs_for_query(wq.Term("doc", doc_id)))
        if n:
            counts[doc_id] = n
    return counts


def repair(catalog: Catalog, instance: Path, drift: Drift) -> int:
    """Bring the index in line with the catalog; returns the number of documents re-indexed or removed."""
    indexer = Indexer(catalog, instance)
    if drift.no_index or drift.no_token_store or drift.old_tokenizer or drift.damaged_files:
        indexer.rebuild()
        return drift.catalog_documents
    todo = drift.missing + drift.stale + drift.damaged
    if todo or drift.extra or drift.stale_positions:
        indexer.update(todo, drift.extra)       # a new generation, with its position arrays
    return len(todo) + len(drift.extra)
