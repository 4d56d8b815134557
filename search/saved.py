"""Saved queries and the query history (issue 6), kept in the catalog.

A saved query is a search request under a name. Each run stores its hit and document counts and
the corpus version it ran at (the *baseline*). After an ingest, `recount()` counts, for every saved
query, the hits in documents added or changed after its baseline (cheap: the search is restricted
to those documents through `SearchRequest.since_version`), so the list can say "12 new hits in
3 documents" without anyone running the queries by hand. Running a query again moves its baseline
to the current corpus version and the new counts back to 0.

"New" therefore means: hits in documents whose `added_version` or `updated_version` is above the
baseline. A document re-ingested with changed text counts with all its hits; hits lost because a
document was removed are not subtracted (the counts of the last run stay as they were).

No Flask here: the CLI and the web both use `SavedQueries`, which returns plain dataclasses and
raises SavedQueryError / SavedQueryNotFound (one-line messages) or the SearchError of the query.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, func, or_, select
from sqlalchemy.exc import IntegrityError

from corpus.db import Catalog
from corpus.models import Document, QueryHistory, SavedQuery, utcnow

from .engine import MAX_WIDTH, SORTS, SearchEngine, SearchRequest, SearchResult, read_request, validate
from .errors import IndexMissing, SavedQueryError, SavedQueryNotFound, SearchError

FILTER_KEYS = ("speaker", "participant", "source", "lang", "type", "date_from", "date_to")
NAME_MAX = 80
NOTE_MAX = 2000
FILTER_MAX = 300
HISTORY_KEEP = 200
EXPORT_FORMAT = "crisis-corpus saved queries"
EXPORT_VERSION = 1
NAME_RULE = "1–80 characters: letters, digits, spaces and - _ ."
_NAME_CHARACTER = re.compile(r"[\w .\-]")


# ---------------------------------------------------------------- plain values

def _iso(moment: datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


def filters_of(request: SearchRequest) -> dict[str, str]:
    """The filters a request sets, by name (only those set)."""
    return {key: getattr(request, key) for key in FILTER_KEYS if getattr(request, key)}


def request_of(query: str, filters: dict, variants: bool, sort: str, width: int, limit: int = 20,
               offset: int = 0, since_version: int | None = None) -> SearchRequest:
    return SearchRequest(query=query, **{k: filters.get(k) or None for k in FILTER_KEYS}, variants=variants,
                         sort=sort, width=width, limit=limit, offset=offset, since_version=since_version)


@dataclass
class Saved:
    """One saved query as stored: the request, the counts at its last run, and what is new since."""
    name: str
    note: str
    query: str
    filters: dict[str, str]
    variants: bool
    sort: str
    width: int
    created_at: datetime
    last_run_at: datetime | None
    baseline_version: int
    hits: int | None
    documents: int | None
    new_hits: int
    new_documents: int
    checked_version: int

    def request(self, limit: int = 20, offset: int = 0) -> SearchRequest:
        return request_of(self.query, self.filters, self.variants, self.sort, self.width, limit, offset)

    def new_hits_request(self, limit: int = 20, offset: int = 0) -> SearchRequest:
        """The same search over the documents added or changed after the last run only."""
        return replace(self.request(limit, offset), since_version=self.baseline_version)

    def to_json(self) -> dict:
        return {
            "name": self.name, "note": self.note, "query": self.query,
            "filters": {key: self.filters.get(key) for key in FILTER_KEYS},
            "variants": self.variants, "sort": self.sort, "width": self.width,
            "created_at": _iso(self.created_at), "last_run_at": _iso(self.last_run_at),
            "baseline_version": self.baseline_version, "hits": self.hits, "documents": self.documents,
            "new_hits": self.new_hits, "new_documents": self.new_documents,
            "checked_version": self.checked_version,
        }


def _saved(row: SavedQuery) -> Saved:
    return Saved(name=row.name, note=row.note or "", query=row.query, filters=dict(row.filters or {}),
                 variants=bool(row.variants), sort=row.sort, width=row.width, created_at=row.created_at,
                 last_run_at=row.last_run_at, baseline_version=row.baseline_version, hits=row.hits,
                 documents=row.documents, new_hits=row.new_hits or 0, new_documents=row.new_documents or 0,
                 checked_version=row.checked_version or 0)


@dataclass
class HistoryEntry:
    id: int
    run_at: datetime
    query: str
    filters: dict[str, str]
    variants: bool
    sort: str
    width: int
    hits: int
    documents: int

    def request(self, limit: int = 20, offset: int = 0) -> SearchRequest:
        return request_of(self.query, self.filters, self.variants, self.sort, self.width, limit, offset)

    def to_json(self) -> dict:
        return {"id": self.id, "run_at": _iso(self.run_at), "query": self.query,
                "filters": {key: self.filters.get(key) for key in FILTER_KEYS}, "variants": self.variants,
                "sort": self.sort, "width": self.width, "hits": self.hits, "documents": self.documents}


def _history(row: QueryHistory) -> HistoryEntry:
    return HistoryEntry(id=row.id, run_at=row.run_at, query=row.query, filters=dict(row.filters or {}),
                        variants=bool(row.variants), sort=row.sort, width=row.width, hits=row.hits,
                        documents=row.documents)


@dataclass
class RecountReport:
    counted: int = 0
    with_new: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    corpus_version: int = 0

    def line(self) -> str:
        text = (f"Saved queries: {self.counted} re-counted, {self.with_new} with new hits"
                f" (corpus version {self.corpus_version}).")
        for name, message in self.failed:
            text += f"\n  {name}: not counted: {message}"
        return text

    def to_json(self) -> dict:
        return {"recounted": self.counted, "with_new_hits": self.with_new, "corpus_version": self.corpus_version,
                "failed": [{"name": n, "error": m} for n, m in self.failed]}


@dataclass
class ImportReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)      # duplicates left alone
    rejected: list[tuple[str, str]] = field(default_factory=list)     # invalid entries
    history_added: int = 0
    history_rejected: int = 0

    def to_json(self) -> dict:
        return {"added": self.added, "replaced": self.replaced,
                "skipped": [{"entry": e, "reason": r} for e, r in self.skipped],
                "rejected": [{"entry": e, "reason": r} for e, r in self.rejected],
                "history_added": self.history_added, "history_rejected": self.history_rejected}


# ---------------------------------------------------------------- checks

def check_name(name) -> str:
    """The name without surrounding spaces, or SavedQueryError saying what is wrong with it."""
    if not isinstance(name, str) or not name.strip():
        raise SavedQueryError(f"a saved query needs a name ({NAME_RULE})")
    name = name.strip()
    if len(name) > NAME_MAX:
        raise SavedQueryError(f"the name is {len(name)} characters long; the limit is {NAME_MAX}")
    for character in name:
        if not _NAME_CHARACTER.fullmatch(character):
            raise SavedQueryError(f"the name {name!r} contains {character!r}; use only letters, digits, "
                                  "spaces and - _ .")
    if not name[0].isalnum():
        raise SavedQueryError(f"the name {name!r} must start with a letter or a digit")
    return name


def check_request(request: SearchRequest) -> None:
    """What a saved query may hold: a query with a text part (or a speaker, whose passages it
    lists), filters that read, a known sort and width (SearchError with the same messages as a
    search)."""
    if not isinstance(request.query, str) or not (request.query.strip() or request.speaker):
        raise SavedQueryError("a saved query needs a query to search for (or a speaker whose passages it lists)")
    for key in FILTER_KEYS:
        value = getattr(request, key)
        if value is not None and not isinstance(value, str):
            raise SavedQueryError(f"the {key} filter must be text")
        if value and len(value) > FILTER_MAX:
            raise SavedQueryError(f"the {key} filter is {len(value)} characters long; the limit is {FILTER_MAX}")
    if not isinstance(request.variants, bool):
        raise SavedQueryError("variants must be true or false")
    if not isinstance(request.width, int) or isinstance(request.width, bool):
        raise SavedQueryError(f"width must be a whole number between 0 and {MAX_WIDTH}")
    read_request(request)
    validate(request)


def check_note(note) -> str:
    note = "" if note is None else note
    if not isinstance(note, str):
        raise SavedQueryError("the note must be text")
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise SavedQueryError(f"the note is {len(note)} characters long; the limit is {NOTE_MAX}")
    return note


def not_found(name: str) -> SavedQueryNotFound:
    return SavedQueryNotFound(f"no saved query called {name!r}; `corpus saved list` shows them")


def duplicate(name: str) -> SavedQueryError:
    return SavedQueryError(f"a saved query called {name!r} already exists; choose another name or delete it first")


# ---------------------------------------------------------------- the service

class SavedQueries:
    """Saved queries and history over one catalog; `engine` is needed only to run or count."""

    def __init__(self, catalog: Catalog, engine: SearchEngine | None = None):
        self.catalog = catalog
        self.engine = engine

    # -- reading

    def list(self) -> list[Saved]:
        with self.catalog.session() as s:
            rows = s.scalars(select(SavedQuery)).all()
        return sorted((_saved(r) for r in rows), key=lambda q: (q.name.casefold(), q.name))

    def get(self, name: str) -> Saved:
        with self.catalog.session() as s:
            return _saved(self._row(s, name))

    def corpus_version(self) -> int:
        return self.catalog.corpus_version()

    def _row(self, session, name: str) -> SavedQuery:
        """The saved query of that name: the exact name, else the one equal but for case."""
        name = name.strip() if isinstance(name, str) else ""
        row = session.scalar(select(SavedQuery).where(SavedQuery.name == name))
        if row is None:
            row = self._same_but_case(session, name)
        if row is None:
            raise not_found(name)
        return row

    @staticmethod
    def _same_but_case(session, name: str, other_than: int | None = None) -> SavedQuery | None:
        key = name.casefold()
        for row in session.scalars(select(SavedQuery)):
            if row.name.casefold() == key and row.id != other_than:
                return row
        return None

    # -- changing

    def add(self, name: str, request: SearchRequest, note: str = "") -> Saved:
        """Save a request under a new name and run it once to set its baseline (on an instance
        without an index yet it is kept "not run", its baseline the current corpus version)."""
        name, note = check_name(name), check_note(note)
        check_request(request)
        with self.catalog.session() as s:
            existing = self._same_but_case(s, name)
            if existing is not None:
                raise duplicate(existing.name)
        version, hits, documents = self._count_or_not(request)
        row = SavedQuery(name=name, note=note, query=request.query, filters=filters_of(request),
                         variants=request.variants, sort=request.sort, width=request.width, created_at=utcnow())
        _set_baseline(row, version, hits, documents)
        with self.catalog.session() as s:
            s.add(row)
            try:
                s.commit()
            except IntegrityError:
                raise duplicate(name) from None
        return _saved(row)

    def run(self, name: str, limit: int = 20, offset: int = 0) -> tuple[Saved, SearchResult]:
        """Run the query (one page of `limit` lines), store its counts and move its baseline to
        the current corpus version: its new-hit counts go back to 0."""
        saved = self.get(name)
        version = self.corpus_version()
        result = self._engine().search(saved.request(limit, offset))
        with self.catalog.session() as s:
            row = self._row(s, saved.name)
            _set_baseline(row, version, result.total_hits, result.total_documents)
            s.commit()
            return _saved(row), result

    def new_hits(self, name: str, limit: int = 20, offset: int = 0) -> tuple[Saved, SearchResult]:
        """The hits in documents added or changed since the last run; the baseline stays."""
        saved = self.get(name)
        return saved, self._engine().search(saved.new_hits_request(limit, offset))

    def new_hits_request(self, name: str, limit: int = 20, offset: int = 0) -> SearchRequest:
        return self.get(name).new_hits_request(limit, offset)

    def rename(self, old: str, new: str) -> Saved:
        new = check_name(new)
        with self.catalog.session() as s:
            row = self._row(s, old)
            existing = self._same_but_case(s, new, other_than=row.id)
            if existing is not None:
                raise duplicate(existing.name)
            row.name = new
            try:
                s.commit()
            except IntegrityError:
                raise duplicate(new) from None
            return _saved(row)

    def delete(self, name: str) -> str:
        """Delete the saved query; returns the name as it was stored."""
        with self.catalog.session() as s:
            row = self._row(s, name)
            stored = row.name
            s.delete(row)
            s.commit()
        return stored

    def recount(self) -> RecountReport:
        """Count, for every saved query, the hits and documents in documents added or changed
        after its baseline; store them with the corpus version they were counted at."""
        version = self.corpus_version()
        report = RecountReport(corpus_version=version)
        with self.catalog.session() as s:
            rows = s.scalars(select(SavedQuery).order_by(SavedQuery.name)).all()
            for row in rows:
                try:
                    row.new_hits, row.new_documents = self._count_new(s, row)
                except SearchError as exc:
                    report.failed.append((row.name, str(exc)))
                    continue
                row.checked_version = version
                report.counted += 1
                report.with_new += 1 if row.new_hits else 0
            s.commit()
        return report

    def _count_new(self, session, row: SavedQuery) -> tuple[int, int]:
        changed = session.scalar(select(func.count()).select_from(Document).where(
            or_(Document.added_version > row.baseline_version, Document.updated_version > row.baseline_version)))
        if not changed:
            return 0, 0
        request = request_of(row.query, row.filters or {}, row.variants, row.sort, row.width, limit=0,
                             since_version=row.baseline_version)
        return self._engine().count(request)

    # -- history

    def record(self, request: SearchRequest, result: SearchResult) -> None:
        """Add the search to the history; the same search as the latest entry (a page turn, a
        reload) only updates that entry's time and counts. Keeps the latest HISTORY_KEEP."""
        filters = filters_of(request)
        with self.catalog.session() as s:
            last = s.scalar(select(QueryHistory).order_by(QueryHistory.run_at.desc(), QueryHistory.id.desc())
                            .limit(1))
            same = last is not None and (last.query, dict(last.filters or {}), bool(last.variants), last.sort,
                                         last.width) == (request.query, filters, request.variants, request.sort,
                                                         request.width)
            if same:
                last.run_at = utcnow()
                last.hits, last.documents = result.total_hits, result.total_documents
            else:
                s.add(QueryHistory(run_at=utcnow(), query=request.query, filters=filters, variants=request.variants,
                                   sort=request.sort, width=request.width, hits=result.total_hits,
                                   documents=result.total_documents))
                s.flush()
                _prune_history(s)
            s.commit()

    def history(self, limit: int = HISTORY_KEEP) -> list[HistoryEntry]:
        """The latest searches, newest first."""
        with self.catalog.session() as s:
            rows = s.scalars(select(QueryHistory).order_by(QueryHistory.run_at.desc(), QueryHistory.id.desc())
                             .limit(limit)).all()
        return [_history(r) for r in rows]

    def history_entry(self, entry_id: int) -> HistoryEntry:
        with self.catalog.session() as s:
            row = s.get(QueryHistory, entry_id)
        if row is None:
            raise SavedQueryNotFound(f"no history entry {entry_id}; it may have been cleared")
        return _history(row)

    def clear_history(self) -> int:
        """Delete every history entry; returns how many there were."""
        with self.catalog.session() as s:
            count = s.scalar(select(func.count()).select_from(QueryHistory))
            s.execute(delete(QueryHistory))
            s.commit()
        return count

    # -- export / import

    def export(self) -> dict:
        """Every saved query (request, name, note) and the history, as JSON-able data. Counts and
        baselines are not exported: they mean something only on this instance's corpus."""
        saved = [{key: value for key, value in q.to_json().items()
                  if key in ("name", "note", "query", "filters", "variants", "sort", "width", "created_at")}
                 for q in self.list()]
        history = [{key: value for key, value in h.to_json().items() if key != "id"}
                   for h in reversed(self.history())]
        return {"format": EXPORT_FORMAT, "format_version": EXPORT_VERSION, "exported_at": _iso(utcnow()),
                "corpus_version": self.corpus_version(), "saved": saved, "history": history}

    def import_(self, data, replace: bool = False) -> ImportReport:
        """Add the saved queries (and history) of an export. An existing name is skipped (or, with
        `replace`, overwritten); an invalid entry is rejected with the reason; the rest goes on.
        Each imported query is counted on this corpus to set its baseline (left "not run" when
        there is no index yet)."""
        _check_export(data)
        report = ImportReport()
        seen: set[str] = set()
        for number, entry in enumerate(data.get("saved") or [], start=1):
            label = _entry_label(number, entry)
            try:
                name, request, note, created = _entry(entry)
                if name.casefold() in seen:
                    raise SavedQueryError(f"the name {name!r} appears twice in the file")
                seen.add(name.casefold())
                self._import_one(name, request, note, created, replace, report)
            except SavedQueryError as exc:
                report.rejected.append((label, str(exc)))
            except SearchError as exc:
                report.rejected.append((label, str(exc)))
        self._import_history(data.get("history") or [], report)
        return report

    def _import_one(self, name, request, note, created, replace_existing: bool, report: ImportReport) -> None:
        with self.catalog.session() as s:
            existing = self._same_but_case(s, name)
            if existing is not None and not replace_existing:
                report.skipped.append((name, f"a saved query called {existing.name!r} already exists "
                                             "(import with --replace to overwrite it)"))
                return
        version, hits, documents = self._count_or_not(request)
        with self.catalog.session() as s:
            row = self._same_but_case(s, name)
            if row is None:
                row = SavedQuery(name=name, created_at=created or utcnow())
                s.add(row)
                report.added.append(name)
            else:
                row.name = name
                report.replaced.append(name)
            row.note, row.query, row.filters = note, request.query, filters_of(request)
            row.variants, row.sort, row.width = request.variants, request.sort, request.width
            _set_baseline(row, version, hits, documents)
            s.commit()

    def _import_history(self, rows: list, report: ImportReport) -> None:
        with self.catalog.session() as s:
            have = {(h.run_at, h.query) for h in s.scalars(select(QueryHistory))}
            for entry in rows:
                try:
                    item = _history_entry(entry)
                except (SearchError, TypeError, ValueError):
                    report.history_rejected += 1
                    continue
                if (item.run_at, item.query) in have:
                    continue
                have.add((item.run_at, item.query))
                s.add(item)
                report.history_added += 1
            s.flush()
            _prune_history(s)
            s.commit()

    # -- counting

    def _engine(self) -> SearchEngine:
        if self.engine is None:
            raise SavedQueryError("no search engine given to SavedQueries: cannot run queries")
        return self.engine

    def _count(self, request: SearchRequest) -> tuple[int, int, int]:
        """(corpus version, hits, documents) of the request now."""
        version = self.corpus_version()
        return (version, *self._engine().count(replace(request, limit=0, offset=0, since_version=None)))

    def _count_or_not(self, request: SearchRequest) -> tuple[int, int | None, int | None]:
        try:
            return self._count(request)
        except IndexMissing:
            return self.corpus_version(), None, None


def _set_baseline(row: SavedQuery, version: int, hits: int | None, documents: int | None) -> None:
    row.baseline_version = version
    row.checked_version = version
    row.hits, row.documents = hits, documents
    row.new_hits = row.new_documents = 0
    row.last_run_at = utcnow() if hits is not None else None


def _prune_history(session) -> None:
    old = session.scalars(select(QueryHistory.id).order_by(QueryHistory.run_at.desc(), QueryHistory.id.desc())
                          .offset(HISTORY_KEEP)).all()
    if old:
        session.execute(delete(QueryHistory).where(QueryHistory.id.in_(old)))


# ---------------------------------------------------------------- reading an export

def load_export(path: Path | str) -> dict:
    """The JSON of an export file ('-' is not handled here); SavedQueryError naming the file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SavedQueryError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise SavedQueryError(f"{path}: not UTF-8 text; an export of saved queries is JSON") from None
    except OSError as exc:
        raise SavedQueryError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return parse_export(text, str(path))


def parse_export(text: str, where: str) -> dict:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise SavedQueryError(f"{where}: not JSON ({exc})") from None
    try:
        _check_export(data)
    except SavedQueryError as exc:
        raise SavedQueryError(f"{where}: {exc}") from None
    return data


def _check_export(data) -> None:
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise SavedQueryError(f"not an export of saved queries (no \"format\": \"{EXPORT_FORMAT}\"); "
                              "make one with `corpus export-saved`")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version > EXPORT_VERSION or version < 1:
        raise SavedQueryError(f"format_version {version!r} is not one this version of crisis-corpus reads "
                              f"(it reads {EXPORT_VERSION})")
    for key in ("saved", "history"):
        if data.get(key) is not None and not isinstance(data[key], list):
            raise SavedQueryError(f"\"{key}\" must be a list")


def _entry_label(number: int, entry) -> str:
    name = entry.get("name") if isinstance(entry, dict) else None
    return f"entry {number} ({name!r})" if isinstance(name, str) else f"entry {number}"


def _entry(entry) -> tuple[str, SearchRequest, str, datetime | None]:
    """(name, request, note, created_at) of one exported saved query, every field checked."""
    if not isinstance(entry, dict):
        raise SavedQueryError("not an object with name, query, filters, ...")
    unknown = set(entry) - {"name", "note", "query", "filters", "variants", "sort", "width", "created_at"}
    if unknown:
        raise SavedQueryError(f"unknown field {sorted(unknown)[0]!r}")
    name = check_name(entry.get("name"))
    request = _request_from(entry)
    return name, request, check_note(entry.get("note")), _time(entry.get("created_at"))


def _request_from(entry: dict) -> SearchRequest:
    query = entry.get("query")
    if not isinstance(query, str):
        raise SavedQueryError("\"query\" must be text")
    filters = entry.get("filters") or {}
    if not isinstance(filters, dict):
        raise SavedQueryError("\"filters\" must be an object")
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise SavedQueryError(f"unknown filter {sorted(unknown)[0]!r}; filters are {', '.join(FILTER_KEYS)}")
    variants = entry.get("variants", False)
    sort = entry.get("sort", "date")
    width = entry.get("width", 8)
    if not isinstance(sort, str) or sort not in SORTS:
        raise SavedQueryError(f"sort must be one of {', '.join(SORTS)} (got {sort!r})")
    request = request_of(query, filters, variants, sort, width)
    check_request(request)
    return request


def _time(value) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SavedQueryError(f"{value!r} is not a time (2024-05-01T10:00:00Z)")
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        raise SavedQueryError(f"{value!r} is not a time (2024-05-01T10:00:00Z)") from None


def _history_entry(entry) -> QueryHistory:
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    request = _request_from({k: entry.get(k) for k in ("query", "filters", "variants", "sort", "width")
                             if entry.get(k) is not None})
    hits, documents = entry.get("hits", 0), entry.get("documents", 0)
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (hits, documents)):
        raise ValueError("hits and documents must be counts")
    run_at = _time(entry.get("run_at")) or utcnow()
    return QueryHistory(run_at=run_at, query=request.query, filters=filters_of(request),
                        variants=request.variants, sort=request.sort, width=request.width, hits=hits,
                        documents=documents)
