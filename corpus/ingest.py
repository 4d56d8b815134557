"""The ingest pipeline: files -> readers -> normalized records -> speakers -> catalog.

Each file is ingested in its own transaction, so a rejected or interrupted file leaves
nothing half-written; re-ingesting an unchanged file (same bytes, same options) does nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from sqlalchemy import delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from . import people, speakers
from .db import Catalog
from .errors import CatalogError, CorpusError, NotADocument, ReaderError
from .models import (CorpusState, Document, IngestRun, Participant, Passage, Person, PersonAlias,
                     Source, SourceFile, utcnow)
from .readers import ReadOptions, pick_reader, read_file, size_limit, smallest_size_limit
from .record import DocumentRecord, RejectedRecord
from .text import UTF16_BOMS, count_tokens, decode_text, is_probably_binary, scrub

MAX_FILE_BYTES = 200 * 1024 * 1024
# Files are stored in batches, each handed to Ingester.on_batch (the index update) once stored: the
# first batch is the first file that changes anything, later ones hold at least BATCH_MIN_WORDS
# words and at least BATCH_GROWTH times the words stored before them, so that a first ingest of a
# large corpus is indexed in a few batches (each update reads the whole token store again).
BATCH_MIN_WORDS = 200_000
BATCH_GROWTH = 1.0
HEAD_CHARS = 65536
DOC_FILE_NAMES = re.compile(r"^(readme|source|license|licence|changelog|copying)(\.[a-z]+)?$", re.I)


@dataclass
class Problem:
    """A rejected (or skipped) file or record, with a one-line reason."""
    where: str
    reason: str

    def line(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    files: int = 0
    documents_read: int = 0
    tokens_read: int = 0
    seconds: float = 0.0
    corpus_version: int = 0
    run_id: int | None = None
    resumed: bool = False       # finishing the corpus version an interrupted ingest had started

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def throughput(self) -> dict:
        secs = max(self.seconds, 1e-9)
        return {"documents_per_second": round(self.documents_read / secs, 1),
                "words_per_second": round(self.tokens_read / secs)}

    def to_json(self) -> dict:
        return {
            "added": len(self.added), "updated": len(self.updated), "unchanged": self.unchanged,
            "removed": len(self.removed), "duplicates": len(self.duplicates),
            "rejected": len(self.rejected), "skipped": len(self.skipped),
            "files": self.files, "documents_read": self.documents_read, "tokens_read": self.tokens_read,
            "seconds": round(self.seconds, 3), **self.throughput(),
            "corpus_version": self.corpus_version, "run_id": self.run_id, "resumed": self.resumed,
            "added_ids": self.added, "updated_ids": self.updated, "removed_ids": self.removed,
            "duplicate_list": [asdict(p) for p in self.duplicates],
            "rejected_list": [asdict(p) for p in self.rejected],
            "skipped_list": [asdict(p) for p in self.skipped],
        }


@dataclass
class IngestOptions:
    format: str = "auto"
    source: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    max_file_bytes: int = MAX_FILE_BYTES

    def key(self) -> str:
        """What, besides the bytes, decides how a file is read: changing it re-reads the file."""
        blob = json.dumps([self.format, self.source, sorted(self.mapping.items())])
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


# ---------------------------------------------------------------- finding files

def iter_files(paths: Iterable[Path], report: IngestReport) -> Iterator[tuple[Path, Path | None]]:
    """(file, root folder or None) for every file named or found below a named folder."""
    for path in paths:
        path = Path(path)
        if path.is_file():
            yield path, None
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts) or not child.is_file():
                    continue
                if DOC_FILE_NAMES.match(child.name):
                    report.skipped.append(Problem(str(child), "documentation file, not a document "
                                                  "(name it on the command line to ingest it)"))
                    continue
                yield child, path
        else:
            report.rejected.append(Problem(str(path), "no such file or folder"))


def slug(value: str) -> str:
    """A source key made from a folder name: lower case, no spaces or punctuation."""
    return re.sub(r"[^a-z0-9._-]+", "-", value.lower()).strip("-") or "documents"


def clean_key(value: str) -> str:
    """A source key as given (case kept, as FRUS writes `frus1918Russiav03`), without ':' or spaces."""
    return re.sub(r"[\s:/]+", "-", value.strip()).strip("-") or "documents"


def folder_source_key(path: Path, root: Path | None) -> str:
    """Source key from the folders: the nearest folder (up to the named root) with a README or
    SOURCE file describing a data set, else the named folder, else the file's own folder."""
    return _folder_source_key(path.parent.resolve(), root.resolve() if root else None)


@lru_cache(maxsize=1024)
def _folder_source_key(folder: Path, root: Path | None) -> str:
    """folder_source_key for every file of `folder`, cached so that a folder of 2,000 texts is
    listed once, not once per file (Ingester.run clears the cache: a README may appear between runs)."""
    stop = root or folder
    while True:
        if any(DOC_FILE_NAMES.match(p.name) for p in folder.iterdir() if p.is_file()):
            return slug(folder.name)
        if folder == stop or folder.parent == folder:
            break
        folder = folder.parent
    return slug(stop.name)


# ---------------------------------------------------------------- reading one file

def read_file_bytes(path: Path, limit: int, fmt: str = "auto") -> tuple[bytes, str]:
    """The file's bytes and decoded text, or ReaderError saying why it is not a text document.

    Memory stays within the limits whatever the file: its size is checked before anything is
    read, a file its reader refuses at that size (TEI XML over 50 MB) is refused after reading
    only its head, and never more than `limit` bytes are read (the file may grow meanwhile)."""
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limit:
            raise ReaderError(_too_large(size, limit))
        head = handle.read(min(HEAD_CHARS, limit + 1))
        if is_probably_binary(head):
            raise ReaderError("binary file, not text")
        _check_reader_limit(path, head, size, fmt)
        # What the size says and one byte more (read(n) allocates n bytes up front, so not the
        # whole limit for every file); a file that grew meanwhile is read on up to the limit.
        data = head + handle.read(max(min(size, limit) + 1 - len(head), 0))
        if len(data) > size:
            data += handle.read(max(limit + 1 - len(data), 0))
    if len(data) > limit:
        raise ReaderError(f"file too large (it grew past the limit of {limit / 1048576:.0f} MB while it was read)")
    if not data.strip():
        raise ReaderError("empty file")
    utf16 = data.startswith(UTF16_BOMS)
    nul = -1 if utf16 else data.find(b"\x00")
    if nul >= 0:        # past the head (is_probably_binary saw that): no text file holds a NUL byte
        raise ReaderError(f"binary file, not text (a NUL byte at byte {nul})")
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        shown = f"byte 0x{data[exc.start]:02x}" if exc.start < len(data) else "an incomplete character"
        raise ReaderError(f"not {'UTF-16' if utf16 else 'UTF-8'} text (undecodable {shown} at byte {exc.start}); "
                          "convert it to UTF-8 and ingest it again") from None
    if utf16 and "\x00" in text:
        raise ReaderError(f"binary file, not text (a NUL character at character {text.index(chr(0))})")
    return data, text


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size / 1048576:.1f} MB; the limit is {limit / 1048576:.0f} MB)"


def _check_reader_limit(path: Path, head: bytes, size: int, fmt: str) -> None:
    """Refuse a file bigger than its reader accepts before reading more than its head."""
    smallest = smallest_size_limit()
    if smallest is None or size <= smallest:
        return
    limit = size_limit(path, _sniffing_text(head), fmt)
    if limit is not None and size > limit[1]:
        name, most = limit
        raise ReaderError(f"file too large for the {name} reader ({size / 1048576:.1f} MB; its limit is "
                          f"{most / 1048576:.0f} MB)")


def _sniffing_text(head: bytes) -> str:
    """The head of a file decoded well enough to tell its format (a character cut at the end
    of the head, or any undecodable byte, becomes U+FFFD)."""
    if head.startswith(UTF16_BOMS):
        return head[:len(head) // 2 * 2].decode("utf-16", errors="replace")
    return head.decode("utf-8-sig", errors="replace")


def make_storable(record: DocumentRecord) -> None:
    """Make a record safe for the catalog, or raise ReaderError naming the field that is not.

    Text fields may hold what the catalog cannot store when a reader passed metadata through
    untouched (a JSON or YAML escape like "\\ud800" or "\\u0000" gives a lone surrogate or a NUL):
    those characters are replaced one for one (corpus.text.scrub). `extra` is stored as JSON, so
    a value JSON cannot hold (bytes from a YAML !!binary tag, a list holding itself) is refused."""
    for name in TEXT_FIELDS:
        value = getattr(record, name)
        if not (isinstance(value, str) or (value is None and name not in REQUIRED_TEXT_FIELDS)):
            raise ReaderError(f"the field {name!r} holds {_a_type(value)}, not text")
    for person in record.participants:
        if not isinstance(person.name, str) or not isinstance(person.as_printed, (str, type(None))):
            raise ReaderError(f"a participant's name is {_a_type(person.name)}, not text")
    for key, value in record.extra.items():
        try:
            json.dumps(value)
        except (TypeError, ValueError, RecursionError) as exc:
            raise ReaderError(f"the metadata field {scrub(str(key))!r} cannot be stored: "
                              f"{_unstorable_reason(value, exc)}") from None
    _scrub_strings(record)


# The DocumentRecord fields stored as text columns (the first three may not be None).
REQUIRED_TEXT_FIELDS = ("native_id", "title", "text")
TEXT_FIELDS = REQUIRED_TEXT_FIELDS + ("source", "doc_type", "place", "language", "original_language", "citation",
                                      "archive", "classification", "summary", "url", "default_speaker")


def _a_type(value) -> str:
    return "nothing" if value is None else f"a {type(value).__name__} value"


def _unstorable_reason(value, exc: Exception) -> str:
    if isinstance(exc, RecursionError):
        return "its value is nested too deeply"
    if isinstance(exc, ValueError):
        return "its value refers to itself"
    found = _first_non_json(value)
    if isinstance(found, (bytes, bytearray)):
        return "it holds binary data (a YAML !!binary value?); write it as text"
    return f"it holds a {type(found).__name__} value; write it as text"


def _first_non_json(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        for item in value:
            found = _first_non_json(item)
            if found is not None:
                return found
        return None
    return None if value is None or isinstance(value, (str, int, float, bool)) else value


def _scrub_strings(value):
    """`value` with every string in it scrubbed (dataclasses in place, lists and dicts copied)."""
    if isinstance(value, str):
        return scrub(value)
    if is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            setattr(value, item.name, _scrub_strings(getattr(value, item.name)))
        return value
    if isinstance(value, list):
        return [_scrub_strings(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_scrub_strings(v) for v in value)
    if isinstance(value, dict):
        return {_scrub_strings(k): _scrub_strings(v) for k, v in value.items()}
    return value


def prepare(record: DocumentRecord) -> None:
    """Fill in what the pipeline derives: passages with speakers."""
    if record.passages is None:
        record.passages = speakers.attribute(record)


def _plain(value):
    return value.__dict__ if is_dataclass(value) else str(value)


def record_hash(record: DocumentRecord) -> str:
    """A fingerprint of everything a reader produced: equal hashes mean nothing to update."""
    blob = json.dumps(record.__dict__, sort_keys=True, default=_plain)
    return hashlib.sha256(blob.encode()).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class OpenedFile:
    text: str
    file_hash: str


def open_document_file(path: Path, limit: int, fmt: str = "auto") -> OpenedFile | Problem:
    """The file's text and the hash of its bytes, or the Problem saying why it cannot be read."""
    if scrub(str(path)) != str(path):
        # Bytes that are not UTF-8 in a file name come back as lone surrogates, which the
        # catalog (and a terminal) cannot hold; the name is shown with U+FFFD in their place.
        return Problem(scrub(str(path)), "the file name is not valid UTF-8 or holds control characters; "
                                         "rename the file")
    try:
        data, text = read_file_bytes(path, limit, fmt)
    except ReaderError as exc:
        return Problem(str(path), str(exc))
    except OSError as exc:
        return Problem(str(path), f"cannot read the file: {exc.strerror or exc}")
    return OpenedFile(text, hashlib.sha256(data).hexdigest())


@dataclass
class ReadResult:
    """What reading one file's records gave; it travels back from a reading process."""
    reader_name: str = ""
    records: list[DocumentRecord] = field(default_factory=list)
    word_counts: list[int] = field(default_factory=list)     # count_tokens of each record's text
    bad: list[Problem] = field(default_factory=list)
    skipped: str | None = None          # why the file holds no document
    rejected: str | None = None         # why the whole file cannot be read


def read_records(path: Path, text: str, root: Path | None, options: IngestOptions) -> ReadResult:
    """Pick the file's reader and read its records, with speakers attributed: everything before
    the catalog, so that it can run in another process."""
    try:
        reader = pick_reader(path, text[:HEAD_CHARS], options.format)
        read_opts = ReadOptions(source=options.source, mapping=dict(options.mapping), root=root)
        records, bad = _read_records(reader, path, text, read_opts, root, options)
    except NotADocument as exc:
        return ReadResult(skipped=scrub(str(exc)))
    except ReaderError as exc:            # scrubbed: a reason may quote the bad value it found
        return ReadResult(rejected=scrub(str(exc)))
    except Exception as exc:  # a reader bug must not stop the batch
        return ReadResult(rejected=f"could not be read ({exc.__class__.__name__}: {exc})")
    return ReadResult(reader.NAME, records, [count_tokens(r.text) for r in records], bad)


def _read_records(reader, path: Path, text: str, read_opts: ReadOptions, root: Path | None,
                  options: IngestOptions) -> tuple[list[DocumentRecord], list[Problem]]:
    records, bad = [], []
    default_source = None
    for item in read_file(reader, path, text, read_opts):
        if isinstance(item, RejectedRecord):
            bad.append(Problem(f"{path} ({scrub(str(item.where))})", scrub(str(item.reason))))
            continue
        if options.source:
            item.source = clean_key(options.source)
        elif item.source:
            item.source = clean_key(item.source)
        else:
            default_source = default_source or folder_source_key(path, root)
            item.source = default_source
        try:
            make_storable(item)
        except ReaderError as exc:
            bad.append(Problem(f"{path} ({scrub(str(item.native_id))})", str(exc)))
            continue
        if not item.text.strip():
            bad.append(Problem(f"{path} ({item.native_id})", "no text"))
            continue
        try:
            prepare(item)
        except Exception as exc:
            bad.append(Problem(f"{path} ({item.native_id})",
                               f"speaker attribution failed ({exc.__class__.__name__}: {exc})"))
            continue
        records.append(item)
    return records, bad


MAX_READING_WORKERS = 4
MIN_FILES_FOR_WORKERS = 8     # below this, starting processes costs more than it saves


def reading_workers(files: int) -> int:
    """Processes to read files in while the main process writes the catalog: one per core (the
    writer waits on SQLite part of the time; on 2 cores, 2 readers beat 1 by about 15%), none
    on one core or for a few files."""
    if files < MIN_FILES_FOR_WORKERS:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:          # not on Linux
        cores = os.cpu_count() or 1
    return min(MAX_READING_WORKERS, cores) if cores > 1 else 0


class RecordReaders:
    """read_records in `workers` processes, a few files ahead of the catalog writer (or, with no
    workers, in this process when the result is asked for). Results come back in file order."""

    def __init__(self, workers: int):
        self.pool = ProcessPoolExecutor(workers, initializer=_die_with, initargs=(os.getpid(),)) \
            if workers > 0 else None
        self.ahead = 2 * workers

    def read(self, path: Path, text: str, root: Path | None, options: IngestOptions) -> "Future | _Later":
        if self.pool is not None:
            return self.pool.submit(read_records, path, text, root, options)
        return _Later(read_records, path, text, root, options)

    def __enter__(self) -> "RecordReaders":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _die_with(parent: int) -> None:
    """In a reading process: be killed when the ingest dies, even by kill -9. A forked reader
    holds copies of the ingest's open files, the index writer lock among them: an orphan would
    keep every later ingest refused as busy. (Linux; elsewhere a no-op.)"""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)       # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:          # the ingest died before the line above
        os._exit(1)


class _Later:
    """A call made when its result is first asked for (the Future of in-process reading)."""

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def result(self):
        return self.fn(*self.args)


# ---------------------------------------------------------------- the catalog side

class PersonCache:
    """Get-or-create persons by canonical name within one ingest."""

    def __init__(self, session: Session):
        self.session = session
        self.ids: dict[str, int] = {}

    def person_id(self, name: str, kind: str = "person", as_printed: str | None = None) -> int:
        if name in self.ids:
            return self.ids[name]
        person = self.session.scalar(select(Person).where(Person.name == name))
        if person is None:
            person = Person(name=name, kind=kind)
            self.session.add(person)
            self.session.flush()
        self._add_aliases(person, [name, as_printed, *people.known_aliases(name)])
        self.ids[name] = person.id
        return person.id

    def _add_aliases(self, person: Person, names: list[str | None]) -> None:
        have = set(self.session.scalars(select(PersonAlias.key).where(PersonAlias.person_id == person.id)))
        for alias in names:
            if not alias:
                continue
            key = people.alias_key(alias)
            if key and key not in have:
                have.add(key)
                self.session.add(PersonAlias(person_id=person.id, alias=alias, key=key))


class CatalogWriteError(CatalogError):
    """The catalog cannot be written (disk full, I/O error): the ingest stops; the files stored
    before the failure stay, each whole."""


@dataclass
class Batch:
    """Documents stored since on_batch was last called."""
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    words: int = 0

    @property
    def size(self) -> int:
        return self.words + len(self.removed)


def catalog_failure(exc: SQLAlchemyError) -> str:
    detail = str(getattr(exc, "orig", None) or exc).splitlines()[0]
    return (f"cannot write the catalog ({detail}); the ingest stopped: the files stored before "
            "the failure are kept, each whole; run the ingest again once the problem is fixed")


class Ingester:
    def __init__(self, catalog: Catalog, options: IngestOptions | None = None,
                 progress: Callable[[str], None] | None = None, workers: int | None = None,
                 on_batch: Callable[[list[str], list[str]], None] | None = None):
        """`workers`: processes reading files ahead of the catalog writer (None: reading_workers()
        decides, 0: read everything in this process). `on_batch(changed ids, removed ids)` is
        called after each batch of files is stored (see BATCH_MIN_WORDS) and at the end: the
        CLI brings the index up to date there, so that a killed ingest leaves the catalog and
        the index in step but for the last batch."""
        self.catalog = catalog
        self.options = options or IngestOptions()
        self.workers = workers
        self.progress = progress or (lambda _path: None)
        self.on_batch = on_batch
        self.report = IngestReport()
        self.sources: dict[str, int] = {}
        self._seq: int | None = None
        self._batch = Batch()
        self._stored_words = 0
        self._batch_seconds = 0.0

    # -- public

    def run(self, paths: Iterable[Path]) -> IngestReport:
        started = time.perf_counter()
        _folder_source_key.cache_clear()
        files = list(iter_files(paths, self.report))
        try:
            version = self._version()
            with RecordReaders(self.workers if self.workers is not None else reading_workers(len(files))) as readers:
                for path, root, opened, reading in self._read_ahead(files, readers):
                    self.progress(str(path))
                    self.report.files += 1
                    self._ingest_file(path, root, opened, reading, version)
                    if self._batch_full():
                        self._flush()
            self._flush()
            # The time spent reading and storing: on_batch's index updates are not part of it.
            self.report.seconds = time.perf_counter() - started - self._batch_seconds
            self._finish(version, [str(p) for p in paths])
        except SQLAlchemyError as exc:
            self._flush_after_failure()
            raise CatalogWriteError(catalog_failure(exc)) from exc
        return self.report

    def files_in(self, paths: Iterable[Path]) -> list[tuple[Path, Path | None]]:
        """The files a run over `paths` would read (for progress bars)."""
        return list(iter_files(paths, IngestReport()))

    # -- versions and batches

    def _version(self) -> int:
        """The corpus version this run gives what it changes: the next one, or the one an
        interrupted run had started (it stored files, then died before its run record), so that
        running an ingest again ends where one uninterrupted run would have."""
        with self.catalog.session() as session:
            state = session.get(CorpusState, 1)
            current = state.version if state else 0
            finished = session.scalar(select(func.max(IngestRun.corpus_version))) or 0
            self._stored_words = session.scalar(select(func.coalesce(func.sum(Document.token_count), 0)))
        self.report.resumed = current > finished
        return current if self.report.resumed else current + 1

    def _batch_full(self) -> bool:
        if self.on_batch is None or not self._batch.size:
            return False
        if not self._stored_words:
            return True          # the first documents of a corpus: searchable as soon as stored
        return self._batch.size >= max(BATCH_MIN_WORDS, BATCH_GROWTH * self._stored_words)

    def _flush(self) -> None:
        batch, self._batch = self._batch, Batch()
        self._stored_words += batch.words
        if self.on_batch is not None and (batch.changed or batch.removed):
            started = time.perf_counter()
            try:
                self.on_batch(batch.changed, batch.removed)
            finally:
                self._batch_seconds += time.perf_counter() - started

    def _flush_after_failure(self) -> None:
        """Index what was stored before a catalog failure, if the index can still be written."""
        try:
            self._flush()
        except Exception:          # the same disk, most likely: the next ingest catches up
            pass

    # -- one file

    def _read_ahead(self, files: list[tuple[Path, Path | None]], readers: "RecordReaders"):
        """(path, root, opened file, reading of its records) in file order. With reading
        processes, the records of the next few files are read while this process writes the
        catalog (but not those of a file the catalog already holds unchanged)."""
        pending: deque = deque()
        for path, root in files:
            opened = open_document_file(path, self.options.max_file_bytes, self.options.format)
            reading = None
            if isinstance(opened, OpenedFile) and not (readers.ahead and self._holds_unchanged(path, opened)):
                reading = readers.read(path, opened.text, root, self.options)
            pending.append((path, root, opened, reading))
            if len(pending) > readers.ahead:
                yield pending.popleft()
        while pending:
            yield pending.popleft()

    def _holds_unchanged(self, path: Path, opened: "OpenedFile") -> bool:
        return self._unchanged_documents(path, opened) is not None

    def _unchanged_documents(self, path: Path, opened: "OpenedFile") -> int | None:
        """How many documents the catalog holds from this file if it holds the file with the same
        bytes and options; None if the file is new or changed."""
        with self.catalog.session() as session:
            known = session.execute(select(SourceFile.id, SourceFile.file_hash, SourceFile.options_key)
                                    .where(SourceFile.path == str(path.resolve()))).first()
            if known is None or (known.file_hash, known.options_key) != (opened.file_hash, self.options.key()):
                return None
            return session.scalar(select(func.count()).select_from(Document).where(Document.file_id == known.id))

    def _ingest_file(self, path: Path, root: Path | None, opened: "OpenedFile | Problem",
                     reading: "Future | _Later | None", version: int) -> None:
        if isinstance(opened, Problem):
            self.report.rejected.append(opened)
            return
        # Asked again even when reading ahead asked already: the files before this one are stored now.
        unchanged = self._unchanged_documents(path, opened)
        if unchanged is not None:
            self.report.unchanged += unchanged
            return
        try:
            result = reading.result() if reading else read_records(path, opened.text, root, self.options)
        except BrokenProcessPool:
            raise
        except Exception as exc:     # the records could not come back from the reading process
            self.report.rejected.append(Problem(str(path), f"could not be read ({exc.__class__.__name__}: {exc})"))
            return
        if result.skipped:
            self.report.skipped.append(Problem(str(path), result.skipped))
            return
        if result.rejected:
            self.report.rejected.append(Problem(str(path), result.rejected))
            return
        self.report.rejected.extend(result.bad)
        if not result.records and not result.bad:
            self.report.rejected.append(Problem(str(path), "no documents found in the file"))
            return
        try:
            self._store(path, opened.file_hash, result, version)
        except CorpusError as exc:
            self.report.rejected.append(Problem(str(path), str(exc)))

    def _store(self, path: Path, file_hash: str, result: ReadResult, version: int) -> None:
        """Write one file's documents in one transaction."""
        report, reader_name, records = self.report, result.reader_name, result.records
        added, updated, removed, dups, unchanged, words_stored = [], [], [], [], 0, 0
        with self.catalog.session() as session, session.begin():
            persons = PersonCache(session)
            sfile = session.scalar(select(SourceFile).where(SourceFile.path == str(path.resolve())))
            if sfile is None:
                sfile = SourceFile(path=str(path.resolve()), file_hash=file_hash, size=path.stat().st_size,
                                   reader=reader_name, options_key=self.options.key())
                session.add(sfile)
                session.flush()
            else:
                sfile.file_hash, sfile.size, sfile.reader = file_hash, path.stat().st_size, reader_name
                sfile.options_key, sfile.ingested_at = self.options.key(), utcnow()
            seen_ids: set[str] = set()
            seen_hashes: dict[str, str] = {}
            for rec, words in zip(records, result.word_counts):
                doc_id = rec.doc_id
                if doc_id in seen_ids:
                    dups.append(Problem(f"{path} ({rec.native_id})", f"a second document with id {doc_id} "
                                        "in the same file; only the first is kept"))
                    continue
                seen_ids.add(doc_id)
                t_hash = text_hash(rec.text)
                other = seen_hashes.get(t_hash) or self._same_text_elsewhere(session, t_hash, doc_id)
                if other:
                    dups.append(Problem(f"{path} ({rec.native_id})", f"duplicate: same text as {other}, not stored again"))
                    continue
                seen_hashes[t_hash] = doc_id
                r_hash = record_hash(rec)
                doc = session.get(Document, doc_id)
                if doc is not None and doc.file_id not in (None, sfile.id) and doc.content_hash == t_hash:
                    dups.append(Problem(f"{path} ({rec.native_id})", f"duplicate: {doc_id} was already "
                                        f"ingested from {doc.file.path if doc.file else 'another file'}"))
                    continue
                if doc is not None and doc.extra.get("record_hash") == r_hash:
                    unchanged += 1
                    continue
                self._write_document(session, persons, doc, rec, words, t_hash, r_hash, sfile, version)
                (updated if doc is not None else added).append(doc_id)
                words_stored += words
            for stale in session.scalars(select(Document).where(Document.file_id == sfile.id)):
                if stale.id not in seen_ids:
                    removed.append(stale.id)
                    session.delete(stale)
            if added or updated or removed:
                _set_version(session, version)
        self._batch.changed += added + updated
        self._batch.removed += removed
        self._batch.words += words_stored
        report.added += added
        report.updated += updated
        report.removed += removed
        report.duplicates += dups
        report.unchanged += unchanged
        report.documents_read += len(records)
        report.tokens_read += sum(result.word_counts)

    def _same_text_elsewhere(self, session: Session, t_hash: str, doc_id: str) -> str | None:
        return session.scalar(select(Document.id).where(Document.content_hash == t_hash, Document.id != doc_id)
                              .limit(1))

    def _next_seq(self, session: Session) -> int:
        if self._seq is None:
            self._seq = session.scalar(select(func.coalesce(func.max(Document.seq), 0)))
        self._seq += 1
        return self._seq

    def _source_id(self, session: Session, key: str, reader_name: str, archive: str | None) -> int:
        if key in self.sources:
            return self.sources[key]
        source = session.scalar(select(Source).where(Source.key == key))
        if source is None:
            source = Source(key=key, name=key, reader=reader_name, archive=archive)
            session.add(source)
            session.flush()
        self.sources[key] = source.id
        return source.id

    def _write_document(self, session: Session, persons: PersonCache, doc: Document | None, rec: DocumentRecord,
                        words: int, t_hash: str, r_hash: str, sfile: SourceFile, version: int) -> None:
        fields = dict(
            source_id=self._source_id(session, rec.source, sfile.reader, rec.archive), native_id=rec.native_id,
            title=rec.title, doc_type=rec.doc_type, date_start=rec.date.start, date_end=rec.date.end,
            date_precision=rec.date.precision, date_text=rec.date.text, time_text=rec.date.time,
            place=rec.place, language=rec.language, original_language=rec.original_language,
            citation=rec.citation, archive=rec.archive, classification=rec.classification,
            summary=rec.summary, url=rec.url, text=rec.text, content_hash=t_hash,
            token_count=words, extra={**rec.extra, "record_hash": r_hash},
            file_id=sfile.id, updated_version=version,
        )
        if doc is None:
            doc = Document(id=rec.doc_id, added_version=version, seq=self._next_seq(session), **fields)
            session.add(doc)
        else:
            session.execute(delete(Passage).where(Passage.document_id == doc.id))
            session.execute(delete(Participant).where(Participant.document_id == doc.id))
            for key, value in fields.items():
                setattr(doc, key, value)
            # A new seq: the published index still names the old text by the old one until the
            # index of this batch is published, and a search must not read the new text there.
            doc.seq = self._next_seq(session)
        session.flush()
        self._write_people(session, persons, rec)

    def _write_people(self, session: Session, persons: PersonCache, rec: DocumentRecord) -> None:
        hints = rec.name_hints
        rows = []
        for pos, ref in enumerate(rec.participants):
            name = (people.canonical_name(ref.name, hints, on=rec.date.start) if ref.kind == "person"
                    else ref.name)
            rows.append(dict(document_id=rec.doc_id, position=pos, role=ref.role, as_printed=ref.as_printed,
                             post=ref.post, side=ref.side,
                             person_id=persons.person_id(name, ref.kind, ref.as_printed)))
        if rows:
            session.execute(Participant.__table__.insert(), rows)
        passage_rows = [dict(document_id=rec.doc_id, position=pos, start=p.start, end=p.end, kind=p.kind,
                             speaker_id=persons.person_id(p.speaker) if p.speaker else None)
                        for pos, p in enumerate(rec.passages or [])]
        if passage_rows:
            session.execute(Passage.__table__.insert(), passage_rows)

    # -- the run record

    def _finish(self, version: int, paths: list[str]) -> None:
        report = self.report
        with self.catalog.session() as session, session.begin():
            state = session.get(CorpusState, 1)
            if state is None:
                state = CorpusState(id=1, version=0)
                session.add(state)
            if report.changed:
                state.version = version
                state.updated_at = utcnow()
            report.corpus_version = state.version
            run = IngestRun(finished_at=utcnow(), corpus_version=state.version, paths=paths,
                            added=len(report.added), updated=len(report.updated), unchanged=report.unchanged,
                            removed=len(report.removed), duplicates=len(report.duplicates),
                            rejected=len(report.rejected),
                            report={k: v for k, v in report.to_json().items() if k.endswith("_list")})
            session.add(run)
            session.flush()
            report.run_id = run.id


def _set_version(session: Session, version: int) -> None:
    """The corpus version, set in the transaction of the first file that changes anything."""
    state = session.get(CorpusState, 1)
    if state is None:
        session.add(CorpusState(id=1, version=version))
    elif state.version != version:
        state.version, state.updated_at = version, utcnow()


def ingest(catalog: Catalog, paths: Iterable[Path], options: IngestOptions | None = None,
           progress: Callable[[str], None] | None = None) -> IngestReport:
    return Ingester(catalog, options, progress).run(list(paths))
