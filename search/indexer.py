"""The only writer of the index: updates it from the catalog after ingest, rebuilds it on reindex.

The index lives in <instance>/index, a link to the published generation (search/generations.py):
every update or rebuild writes a new generation beside it and publishes it by one rename, under
the instance's writer lock. It holds one entry per passage (plus entries for any stretch of
text no passage covers, so every word of the catalog is searchable).
"""
from __future__ import annotations

import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import LockError

from corpus.db import Catalog
from corpus.models import Document, Participant
from corpus.text import TOKENIZER_VERSION, count_tokens, paragraph_spans

from .errors import IndexBusy, IndexMissing
from .schema import build_schema
from . import generations, positions
from .generations import IndexDamaged, IndexWriteError, busy_message, writer_lock  # noqa: F401 (the CLI's)
from .tokenstore import TokenStore, split_words
from .variants import Variants

INDEX_DIR = generations.INDEX_DIR
META_FILE = "crisis-meta.json"
LEDGER_FILE = "crisis-ledger.json"     # doc id -> [record hash, entries]: what `corpus check` compares
BATCH = 200
WRITER_LIMIT_MB: int | None = None     # None: writer_limit_mb() decides


def writer_limit_mb() -> int:
    """How much Whoosh's writer may hold in memory, by its own estimate (the process peaks near
    that figure). Once the postings outgrow it, Whoosh sorts them to disk in runs, and then
    every posting is pickled out and read back at commit: a third of the indexing time
    (presidential news conferences, 4.4M words: 55 s at 256 MB, 37 s in memory). On the shared
    corpus doubled (39M words, `python -m benchmarks --scale 2`) the index build took 502 s at
    3 GB against 355 s at 8 GB, peaking at 7.5 GB. A third of the physical memory, 256 MB-8 GB."""
    if WRITER_LIMIT_MB:
        return WRITER_LIMIT_MB
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):    # no sysconf (Windows) or no such name
        return 256
    return int(min(8192, max(256, physical / 3 / 2 ** 20)))


def index_dir(instance: Path) -> Path:
    """<instance>/index: the published index (a link to its generation's folder)."""
    return Path(instance) / INDEX_DIR


@dataclass
class Unit:
    """One index entry: a passage, or a stretch of text between passages."""
    start: int
    end: int
    passage_id: int          # 0 for text no passage covers
    speaker_id: int          # 0 for none
    position: int


def units_of(doc: Document) -> list[Unit]:
    """The document's passages in order, with uncovered paragraphs filled in as extra units."""
    units = []
    passages = sorted(doc.passages, key=lambda p: (p.start, p.position))
    for para_start, para_end in _uncovered(doc.text, [(p.start, p.end) for p in passages]):
        units.append(Unit(para_start, para_end, 0, 0, 0))
    for p in passages:
        units.append(Unit(p.start, p.end, p.id, p.speaker_id or 0, 0))
    units.sort(key=lambda u: u.start)
    for pos, unit in enumerate(units):
        unit.position = pos
    return units


def _uncovered(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Paragraph pieces of `text` that no span covers."""
    i = 0
    for para_start, para_end in paragraph_spans(text):
        pos = para_start
        while i < len(spans) and spans[i][1] <= pos:
            i += 1
        j = i
        while pos < para_end:
            if j < len(spans) and spans[j][0] <= pos < spans[j][1]:
                pos = spans[j][1]
                j += 1
                continue
            nxt = spans[j][0] if j < len(spans) and spans[j][0] < para_end else para_end
            if text[pos:nxt].strip():
                yield pos + (len(text[pos:nxt]) - len(text[pos:nxt].lstrip())), nxt
            pos = nxt


class Codes:
    """Integer codes for string facet values (language, doc type); 0 is "none"."""

    def __init__(self, path: Path):
        self.path = path
        self.values: dict[str, dict[str, int]] = json.loads(path.read_text()) if path.exists() else {}

    def code(self, facet: str, value: str | None) -> int:
        if not value:
            return 0
        table = self.values.setdefault(facet, {})
        if value not in table:
            table[value] = len(table) + 1
        return table[value]

    def save(self) -> None:
        # Replaced, never rewritten in place: the file may be a hard link into the published index.
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.values, ensure_ascii=False, indent=1))
        tmp.replace(self.path)

    def names(self, facet: str) -> dict[int, str]:
        return {v: k for k, v in self.values.get(facet, {}).items()}


def open_index(instance: Path, create: bool = True):
    """The published index (Whoosh), or IndexMissing; `create` publishes an empty one first."""
    folder = generations.current(instance)
    if folder is not None and whoosh_index.exists_in(str(folder)):
        return whoosh_index.open_dir(str(folder))
    if not create:
        raise IndexMissing(f"there is no index in {index_dir(instance)}; run `corpus reindex` to build it")
    publish_empty(instance)
    return whoosh_index.open_dir(str(generations.current(instance)))


def publish_empty(instance: Path) -> None:
    """Publish an index with no documents (so that searching works before anything is indexed)."""
    with writer_lock(instance):
        building = generations.begin(instance, None)
        try:
            whoosh_index.create_in(str(building), build_schema()).writer().commit()
            TokenStore(building).writer().commit()
            positions.publish(building, whoosh_index.open_dir(str(building)).latest_generation())
            _write_json(building / META_FILE, {"corpus_version": 0, "documents": 0, "updated_at": time.time(),
                                               "tokenizer": TOKENIZER_VERSION})
            generations.publish(instance, building, {"documents": 0})
        except BaseException as exc:
            generations.discard(building)
            _raise_write_failure(exc, building)
            raise


def read_ledger(folder: Path) -> dict[str, list]:
    path = Path(folder) / LEDGER_FILE
    return json.loads(path.read_text()) if path.exists() else {}


def _write_json(path: Path, data) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data))
    tmp.replace(path)


def read_meta(instance: Path) -> dict:
    return _read_meta_in(index_dir(instance))


def _read_meta_in(folder: Path) -> dict:
    path = Path(folder) / META_FILE
    try:
        return json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return {}


def index_tokenizer(folder: Path) -> int:
    """The version of corpus.text's tokenizer the index in `folder` was built with (1: before
    versions were recorded, when hyphens and periods did not split words)."""
    return int(_read_meta_in(folder).get("tokenizer", 1))


def outdated_tokenizer_message(version: int) -> str:
    return (f"the index was built with an older tokenizer (version {version}; this version of "
            f"crisis-corpus splits words at hyphens and periods, version {TOKENIZER_VERSION}), so "
            "searches and counts would miss words; run `corpus reindex` (or `corpus check --repair`)")


def _raise_write_failure(exc: BaseException, where: Path) -> None:
    """Raise the clear IndexWriteError for a disk failure; return for anything else."""
    failure = generations.write_failure(exc, where)
    if failure is not None:
        raise failure from exc


class Indexer:
    def __init__(self, catalog: Catalog, instance: Path, progress: Callable[[int], None] | None = None):
        self.catalog = catalog
        self.instance = Path(instance)
        self.progress = progress or (lambda _n: None)

    # -- public

    def update(self, add_ids: Iterable[str], remove_ids: Iterable[str] = ()) -> int:
        """Replace the entries of `add_ids` and delete those of `remove_ids` in a new generation
        (a copy of the published one), then publish it; returns units written. With no usable
        published index (none, or damaged) the whole catalog is indexed instead."""
        add_ids, remove_ids = list(dict.fromkeys(add_ids)), list(dict.fromkeys(remove_ids))
        with writer_lock(self.instance):
            self._check_whoosh_lock()
            base = generations.current(self.instance)
            if base is None or not whoosh_index.exists_in(str(base)) \
                    or generations.problems(base, full=False, part=generations.is_core_file):
                return self._rebuild()
            return self._build(base, lambda ix, folder: self._write(ix, folder, add_ids, remove_ids, fresh=False))

    def rebuild(self) -> int:
        """Build a fresh index from the whole catalog in a new generation, then publish it."""
        with writer_lock(self.instance):
            self._check_whoosh_lock()
            return self._rebuild()

    def pending(self) -> tuple[list[str], list[str]]:
        """What the published index lacks: (documents to index again: new, changed or never
        indexed, in catalog order; documents to remove), from the index's ledger of record
        hashes. An ingest killed between storing a batch and indexing it leaves these."""
        folder = generations.current(self.instance)
        ledger = read_ledger(folder) if folder is not None else {}
        with self.catalog.session() as s:
            rows = s.execute(select(Document.id, Document.extra).order_by(Document.seq)).all()
        stale = [doc_id for doc_id, extra in rows
                 if (ledger.get(doc_id) or [None])[0] != (extra or {}).get("record_hash")]
        known = {doc_id for doc_id, _ in rows}
        return stale, sorted(set(ledger) - known)

    def catch_up(self) -> tuple[int, int, int]:
        """Index what the catalog holds and the published index does not (publishing an index,
        empty if need be, when there is none); returns (documents indexed, removed, entries)."""
        with writer_lock(self.instance):
            if generations.current(self.instance) is None:
                if not self._catalog_documents():
                    publish_empty(self.instance)
                    return 0, 0, 0
                return self._catalog_documents(), 0, self.rebuild()
            stale, gone = self.pending()
            if not stale and not gone:
                return 0, 0, 0
            return len(stale), len(gone), self.update(stale, gone)

    @contextmanager
    def exclusive(self):
        """Hold the writer lock for a sequence of writes (IndexBusy at once if another process
        writes the index): an ingest holds it from its first catalog write to its last index
        update, so that a second ingest is refused instead of interleaving with it."""
        with writer_lock(self.instance):
            self._check_whoosh_lock()
            yield self

    def busy(self) -> bool:
        """True if another process is writing the index right now."""
        if generations.lock_held_elsewhere(self.instance):
            return True
        try:
            self._check_whoosh_lock()
        except IndexBusy:
            return True
        return False

    def _catalog_documents(self) -> int:
        from sqlalchemy import func
        with self.catalog.session() as s:
            return s.scalar(select(func.count()).select_from(Document))

    def _rebuild(self) -> int:
        """Index the whole catalog into a new generation (the caller holds the writer lock). When
        the published index was built by an older tokenizer, the catalog's word counts were made
        by it too: they are recounted first."""
        published = generations.current(self.instance)
        if published is not None and whoosh_index.exists_in(str(published)) \
                and index_tokenizer(published) < TOKENIZER_VERSION:
            self._recount_words()

        def write(_ix, folder):
            ix = whoosh_index.create_in(str(folder), build_schema())
            with self.catalog.session() as s:
                ids = list(s.scalars(select(Document.id).order_by(Document.seq)))
            return self._write(ix, folder, ids, [], fresh=True)
        return self._build(None, write)

    def _build(self, base: Path | None, write) -> int:
        """Write a generation (a copy of `base`, or empty) with `write(ix, folder)`, publish it."""
        building = generations.begin(self.instance, base)
        try:
            ix = whoosh_index.open_dir(str(building)) if base is not None else None
            written = write(ix, building)
            generations.publish(self.instance, building, {"documents": len(read_ledger(building))})
        except BaseException as exc:
            generations.discard(building)
            _raise_write_failure(exc, building)
            raise
        return written

    def _recount_words(self) -> int:
        """Recount every document's words with the current tokenizer (an index built by an older
        one means the catalog's counts were made by it too); returns how many counts changed."""
        changed = 0
        with self.catalog.session() as s:
            ids = list(s.scalars(select(Document.id).order_by(Document.seq)))
        for start in range(0, len(ids), BATCH):
            with self.catalog.session() as s:
                for doc in s.scalars(select(Document).where(Document.id.in_(ids[start:start + BATCH]))):
                    words = count_tokens(doc.text)
                    if words != doc.token_count:
                        doc.token_count = words
                        changed += 1
                s.commit()
        return changed

    # -- writing

    def _check_whoosh_lock(self) -> None:
        """Refuse to write while a Whoosh writer is open on the published folder itself (a
        writer of an older version of crisis-corpus, or a tool)."""
        folder = generations.current(self.instance)
        if folder is None:
            return
        # Only the lock file, not a writer: opening a writer would write files into the folder.
        lock = FileStorage(str(folder)).lock(f"{whoosh_index._DEF_INDEX_NAME}_WRITELOCK")
        try:
            taken = lock.acquire(blocking=False)
        except OSError:           # a read-only folder: no writer can be in it either
            return
        if not taken:
            raise IndexBusy(busy_message())
        lock.release()

    def _write(self, ix, folder: Path, add_ids: list[str], remove_ids: list[str], fresh: bool) -> int:
        try:
            writer = ix.writer(timeout=0, limitmb=writer_limit_mb())
        except LockError:
            raise IndexBusy(busy_message()) from None
        codes = Codes(folder / "codes.json")
        ledger = {} if fresh else read_ledger(folder)
        tokenizer = self._tokenizer_after_write(ix, folder, fresh)
        tokens = None
        written = 0
        try:
            tokens = self._token_writer(ix, folder, fresh)
            if not fresh:
                for doc_id in [*remove_ids, *add_ids]:
                    writer.delete_by_term("doc", doc_id)
                    ledger.pop(doc_id, None)
                if tokens:
                    tokens.delete_documents([*remove_ids, *add_ids])
            for start in range(0, len(add_ids), BATCH):
                for doc in self._load(add_ids[start:start + BATCH]):
                    entries = self._add_document(writer, codes, doc, tokens)
                    ledger[doc.id] = [doc.extra.get("record_hash"), entries]
                    written += entries
                    self.progress(1)
            writer.commit(optimize=fresh)
        except BaseException:
            writer.cancel()
            if tokens:
                tokens.rollback()
            raise
        if tokens:
            tokens.commit()
        codes.save()
        _write_json(folder / LEDGER_FILE, ledger)
        with ix.reader() as reader:
            Variants(folder).update_from(reader)
        if tokens:
            positions.publish(folder, whoosh_index.open_dir(str(folder)).latest_generation())
        with self.catalog.session() as s:
            version = self.catalog.corpus_version(s)
        _write_json(folder / META_FILE, {"corpus_version": version, "documents": len(ledger),
                                         "updated_at": time.time(), "tokenizer": tokenizer})
        return written

    @staticmethod
    def _tokenizer_after_write(ix, folder: Path, fresh: bool) -> int:
        """The tokenizer version to stamp: the current one for a new or empty index; an update
        keeps the stamp of the entries already there (updating an index built by an older
        tokenizer leaves it older: only a rebuild makes it current)."""
        if fresh or not ix.doc_count_all():
            return TOKENIZER_VERSION
        return index_tokenizer(folder)

    @staticmethod
    def _token_writer(ix, folder: Path, fresh: bool):
        """The token store's writer; None when an index built before the store existed is being
        updated (a store holding only the new documents would give wrong counts: the reader asks
        for `corpus reindex` instead)."""
        store = TokenStore(folder)
        if not fresh and not store.exists() and ix.doc_count_all():
            return None
        return store.writer()

    def _load(self, ids: list[str]) -> list[Document]:
        with self.catalog.session() as s:
            docs = s.scalars(select(Document).where(Document.id.in_(ids)).options(
                selectinload(Document.passages), selectinload(Document.source),
                selectinload(Document.participants))).all()
        order = {doc_id: i for i, doc_id in enumerate(ids)}
        return sorted(docs, key=lambda d: order[d.id])

    def _add_document(self, writer, codes: Codes, doc: Document, tokens) -> int:
        participants = " ".join(sorted({f"p{p.person_id}" for p in doc.participants}))
        shared = dict(
            doc=doc.id, participants=participants, source_key=doc.source.key, dseq=doc.seq,
            source=doc.source_id, lang=codes.code("lang", doc.language), dtype=codes.code("type", doc.doc_type),
            archive=codes.code("archive", doc.archive),
            dstart=doc.date_start.toordinal() if doc.date_start else 0,
            dend=doc.date_end.toordinal() if doc.date_end else 0,
        )
        units = units_of(doc)
        for unit in units:
            # One tokenization serves the index, the word count and the token store. Whoosh
            # indexes a list of words as given, at positions 0, 1, 2 ...: the same terms and
            # positions its analyzer (the same tokenizer, lower-cased) gives for the text.
            words, stream = split_words(doc.text[unit.start:unit.end])
            writer.add_document(text=words, speakers=f"p{unit.speaker_id}" if unit.speaker_id else "",
                                pid=unit.passage_id, speaker=unit.speaker_id, ustart=unit.start,
                                upos=unit.position, utok=len(words), **shared)
            if tokens:
                tokens.add_stream(doc.id, doc.seq, unit.start, stream)
        return len(units)


