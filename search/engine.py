"""The search facade: a query in, plain dataclasses out (totals, facets, one page of KWIC lines).

How it stays fast: the text part of the query is matched on the position arrays published with
the index (search/positions.py, search/arraymatch.py): a word is one slice of positions, a
phrase the rarest word's positions checked against the word stream, so no query walks posting
lists in Python. Filters are boolean arrays over index entries, built from integer columns and
cached; facets, totals and the page order are NumPy counts and partial sorts over the matching
entries; context sorts read the neighbouring words from the stream. Document texts are read from
the catalog only for the lines shown. Relevance order, and any index whose arrays are missing or
out of date, go through Whoosh's matchers instead, with the same counts.
"""
from __future__ import annotations

import re
import time
from array import array
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from datetime import date
from pathlib import Path

import numpy as np
from sqlalchemy import func, or_, select
from whoosh import query as wq
from whoosh.query.spans import Span, SpanNear2, SpanOr

from corpus.citation import cite
from corpus.dates import parse_date
from corpus.db import Catalog
from corpus.errors import DateError
from corpus.models import Document, Participant, Passage, Person, PersonAlias, Source
from corpus.people import alias_key
from corpus.text import TOKENIZER_VERSION

from . import ast, positions as position_arrays
from .ast import ParsedQuery
from .arraymatch import ArrayMatcher, Spans, Unsupported
from whoosh import index as whoosh_index

from . import generations
from .errors import IndexBehind, IndexMissing, IndexOutdated, QueryTooComplex, SearchError
from .generations import IndexDamaged, damaged_message
from .indexer import Codes, index_dir, index_tokenizer, outdated_tokenizer_message
from .kwic import Line, around, around_occurrence, context_depth, context_key, kwic_line, passage_line
from .tokenstore import TokenStore
from .phrase import FastPhrase
from .query import parse
from .variants import Variants

SORTS = ("date", "document", "relevance", "L1", "L2", "L3", "R1", "R2", "R3")
MAX_PREFIX_EXPANSION = 300
MAX_CONTEXT_SORT_HITS = 50_000
MAX_LIMIT = 1000
MAX_WIDTH = 50
TIME_LIMIT_SECONDS = 10.0
# filter -> (index column, note when nothing matches)
FILTER_COLUMNS = {"lang": ("lang", "no document has lang {!r}"), "type": ("dtype", "no document has type {!r}"),
                  "source": ("source", "no source is called {!r}"), "speaker": ("speaker", "no speaker matches {!r}")}
INDEX_COLUMNS = ("dseq", "source", "speaker", "lang", "dtype", "archive", "dstart", "dend", "ustart", "pid",
                 "utok")
UNDATED = 10 ** 9
ONLY_FILTERS = ("the query has only filters; add a word or phrase to search for "
                "(or a speaker filter alone, to list that speaker's passages)")
ONLY_SPEAKER = ("a speaker filter alone lists that speaker's passages in a search, but there is nothing to "
                "count here; add a word or phrase")
EMPTY_QUERY = "the query is empty; give a word or phrase to search for, or a speaker to list that speaker's passages"
PASSAGE_WORDS = 60          # words of a passage shown in a listing of a speaker's passages
OUT_OF_STEP = "the index is out of step with the catalog; run `corpus check --repair` and search again"
CATCH_UP_SECONDS = 120.0    # how long a search waits for a running ingest to publish the index it stored


@dataclass
class SearchRequest:
    query: str
    speaker: str | None = None
    participant: str | None = None
    source: str | None = None
    lang: str | None = None
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    variants: bool = False
    sort: str = "date"
    width: int = 8
    limit: int = 20
    offset: int = 0
    # Only documents added or changed after this corpus version (the new hits of a saved query).
    since_version: int | None = None


@dataclass
class Hit:
    doc_id: str
    passage_id: int | None
    date: str | None
    speaker: str | None
    title: str
    citation: str | None
    left: str
    match: str
    right: str
    start: int
    end: int
    cite: str = ""          # short citation: "FRUS 1961-63, vol. V, doc. 85" (corpus/citation.py)


@dataclass
class SearchResult:
    query: str
    total_hits: int
    total_documents: int
    offset: int
    limit: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    sort: str = "date"
    variants: bool = False
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # "hits": KWIC lines of the words searched for; "passages": a speaker's passages (no words
    # searched for), each line a passage's opening in `match` ("…" in `right` when cut).
    kind: str = "hits"

    def to_json(self) -> dict:
        out = asdict(self)
        out["seconds"] = round(self.seconds, 4)
        return out


@dataclass(frozen=True)
class Scope:
    """The documents a request's filters leave to search, and whether it has any filters."""
    documents: int
    filtered: bool


@dataclass
class _Unit:
    """An index entry that matched, with how many hits it holds."""
    docnum: int
    hits: int
    score: float = 0.0


@dataclass
class Matched:
    """Every matching index entry (docnum) with its number of hits, in index order."""
    docnums: np.ndarray
    hits: np.ndarray
    allowed: object            # predicate on docnums, or None when the request has no filters
    text_query: object         # the Whoosh query; None when the position arrays matched
    warnings: list[str]
    scores: np.ndarray | None = None
    mask: np.ndarray | None = None       # which docnums pass the filters (None: no filters)
    spans: Spans | None = None           # position arrays: every hit, in stream order
    span_entries: np.ndarray | None = None   # the position arrays' entry of each hit
    passages: bool = False               # a listing of passages (no words: a speaker filter alone)

    @property
    def total_hits(self) -> int:
        return int(self.hits.sum())

    @property
    def units(self) -> list[_Unit]:
        scores = self.scores if self.scores is not None else np.zeros(len(self.docnums))
        return [_Unit(int(d), int(h), float(sc)) for d, h, sc in zip(self.docnums, self.hits, scores)]


class Columns:
    """Integer columns of the index loaded into arrays, indexed by Whoosh docnum."""

    def __init__(self, reader, names):
        self.data = {name: _load_column(reader, name) for name in names}

    def __getitem__(self, name: str) -> array:
        return self.data[name]

    def np(self, name: str) -> np.ndarray:
        """A column as a NumPy array (no copy)."""
        key = "_np_" + name
        if key not in self.data:
            self.data[key] = np.frombuffer(self.data[name], dtype=np.intc) if len(self.data[name]) else \
                np.zeros(0, dtype=np.intc)
        return self.data[key]


def _load_column(reader, name: str) -> array:
    out = array("i")
    for leaf, offset in reader.leaf_readers():
        count = leaf.doc_count_all()
        if not count:           # an empty index (published before anything was indexed) has no columns
            continue
        if len(out) < offset:
            out.extend([0] * (offset - len(out)))
        col = leaf.column_reader(name, translate=False)
        raw = getattr(col, "_dbfile", None)
        if raw is not None and hasattr(col, "_basepos"):
            part = array("i")
            part.frombytes(bytes(raw.get(col._basepos, col._count * 4)))
            if part.itemsize == 4 and array("i", [1]).tobytes()[0] == 1:
                part.byteswap()       # columns are big-endian on disk
            part.extend([col._default] * (count - len(part)))
        else:
            part = array("i", (col[i] for i in range(count)))
        out.extend(part[:count])
    return out


class SearchEngine:
    def __init__(self, catalog: Catalog, instance: Path, time_limit: float = TIME_LIMIT_SECONDS):
        self.catalog = catalog
        self.instance = Path(instance)
        self.time_limit = time_limit
        self._ix = None
        self._searcher = None
        self._folder: Path | None = None
        self._pins = 0
        self._columns: Columns | None = None
        self._codes: Codes | None = None
        self._variants: Variants | None = None
        self._positions = None
        self._masks: dict = {}
        self._tokenizer_checked = False

    # -- index access

    def searcher(self):
        """The searcher of the published index. The engine reads one generation folder until
        another is published (checked on every call, one readlink): then it opens that one, so
        a search never mixes files of two generations. An index of an older tokenizer is
        refused (IndexOutdated) once opened, on every call until another is published."""
        if self._pins and self._searcher is not None:
            return self._searcher                   # pinned: the generation the operation began on
        published = generations.current(self.instance)
        if self._searcher is None or published != self._folder:
            self._open(published)
        elif published.parent.name != generations.VERSIONS_DIR and not self._searcher.up_to_date():
            self._open(published)                   # a folder from before generations, updated in place
        if not self._tokenizer_checked:
            self._check_tokenizer()
        return self._searcher

    @contextmanager
    def pinned(self):
        """Read one generation for everything inside: an operation that asks the engine several
        times (a search, then its facets; two queries compared) must not count entry numbers of one
        generation against the columns of the next, published meanwhile."""
        self.searcher()
        self._pins += 1
        try:
            yield self
        finally:
            self._pins -= 1

    def _check_tokenizer(self) -> None:
        """Refuse an index whose words were split by an older tokenizer: its counts would be
        wrong (`nuclear` would miss `non-nuclear`), and queries are split the new way. Read from
        the generation the engine opened, not from the link (another may be published meanwhile)."""
        version = index_tokenizer(self._folder)
        if version < TOKENIZER_VERSION and self._searcher.doc_count_all():
            raise IndexOutdated(outdated_tokenizer_message(version))
        self._tokenizer_checked = True

    def folder(self) -> Path:
        """The generation folder the engine reads."""
        self.searcher()
        return self._folder

    def _open(self, folder: Path | None) -> None:
        if folder is not None:
            generations.verify_part(folder, generations.is_core_file, "core")
        if folder is None or not whoosh_index.exists_in(str(folder)):
            raise IndexMissing(f"there is no index in {index_dir(self.instance)}; run `corpus reindex` to build it")
        try:
            ix = whoosh_index.open_dir(str(folder))
            searcher = ix.searcher()
        except Exception as exc:         # files of an index without a manifest, damaged
            raise IndexDamaged(damaged_message(f"it cannot be opened: {exc.__class__.__name__}: {exc}")) from None
        self.close()
        self._ix, self._searcher, self._folder = ix, searcher, folder
        self._forget()

    def _forget(self) -> None:
        """Drop everything read from the previous searcher."""
        self._columns = None
        self._codes = None
        self._variants = None
        self._positions = None
        self._masks = {}
        self._tokenizer_checked = False

    def columns(self) -> Columns:
        searcher = self.searcher()
        if self._columns is None:
            missing = [n for n in INDEX_COLUMNS if n not in searcher.schema]
            if missing:
                raise IndexOutdated("the index was built by an older version of crisis-corpus (no "
                                   f"{', '.join(missing)}); run `corpus reindex`")
            self._columns = Columns(searcher.reader(), INDEX_COLUMNS)
        return self._columns

    def positions(self):
        """The position arrays of the searcher's index generation, each entry mapped to its
        docnum; None when there are none for this generation (Whoosh then matches alone)."""
        searcher = self.searcher()
        if self._positions is None:
            self._positions = self._load_positions(searcher) or False
        return self._positions or None

    def _load_positions(self, searcher):
        pos = position_arrays.load(self._folder)
        if pos is None or pos.generation != searcher.reader().generation():
            return None
        cols = self.columns()
        live = np.asarray(self.live_docnums(), dtype=np.int64)
        keys = (cols.np("dseq")[live].astype(np.int64) << 32) | cols.np("ustart")[live]
        order = np.argsort(keys)
        keys = keys[order]
        wanted = (np.asarray(pos.entry_dseq) << 32) | np.asarray(pos.entry_ustart)
        at = np.minimum(np.searchsorted(keys, wanted), max(len(keys) - 1, 0))
        if len(wanted) and (not len(keys) or not np.array_equal(keys[at], wanted)):
            return None
        pos.docnum = live[order][at] if len(wanted) else np.zeros(0, dtype=np.int64)
        return pos

    def tokens(self) -> TokenStore:
        """The token store beside the index (word ids per entry, for frequency lists)."""
        return TokenStore(self.folder())

    def codes(self) -> Codes:
        if self._codes is None:
            self._codes = Codes(self.folder() / "codes.json")
        return self._codes

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    # -- the facade

    def caught_up(self, call):
        """`call()`, again on the next published index when the one read names documents an
        ingest has changed or removed since (IndexBehind): a running ingest stores a batch in
        the catalog, then publishes its index, and a search in between waits for that index
        rather than show text that is no longer there. With no ingest running it is drift."""
        for _ in range(3):
            try:
                with self.pinned():
                    return call()
            except IndexBehind:
                if self._pins or not self._wait_for_publish():
                    raise                           # a pinned caller restarts on the new one itself
                self._open(generations.current(self.instance))
        with self.pinned():
            return call()

    def _wait_for_publish(self) -> bool:
        """Wait for another generation than the one read; False if none comes (no writer, or too long)."""
        deadline = time.monotonic() + CATCH_UP_SECONDS
        while time.monotonic() < deadline:
            if generations.current(self.instance) != self._folder:
                return True
            if not generations.lock_held_elsewhere(self.instance):
                return generations.current(self.instance) != self._folder
            time.sleep(0.05)
        return False

    def search(self, request: SearchRequest) -> SearchResult:
        return self.caught_up(lambda: self._search(request))

    def _search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        _check_request(request)
        matched = self.match(request, started, passages=True)
        result = self._summarize(request, matched)
        result.hits = self._page(request, matched)
        result.seconds = time.perf_counter() - started
        return result

    def documents_in_scope(self, request: SearchRequest) -> Scope:
        """How many documents the request's filters (its options and the query's own filters)
        leave to search, whatever the words: what a search with no hits had to look through."""
        return self.caught_up(lambda: self._documents_in_scope(request))

    def _documents_in_scope(self, request: SearchRequest) -> Scope:
        filters = read_request(request).filters
        mask = self._filter_mask(filters, self.searcher(), [])
        live = np.asarray(self.live_docnums(), dtype=np.int64)
        if mask is not None:
            live = live[mask[live]]
        return Scope(int(np.unique(self.columns().np("dseq")[live]).size), bool(filters))

    def count(self, request: SearchRequest) -> tuple[int, int]:
        """(hits, documents) of the request: its totals without facets or a KWIC page."""
        return self.caught_up(lambda: self._count(request))

    def _count(self, request: SearchRequest) -> tuple[int, int]:
        validate(request)
        matched = self.match(request, passages=True)
        dseq = self.columns().np("dseq")
        return matched.total_hits, int(np.unique(dseq[matched.docnums]).size)

    def match(self, request: SearchRequest, started: float | None = None, only=None,
              passages: bool = False) -> Matched:
        """Every matching index entry with its hit count, and the filter the request applies
        (for statistics over the same selection as search()); `only` restricts the entries.
        With `passages`, a request with no words but a speaker filter matches that speaker's
        passages, each as one hit (statistics need words, so they leave it off)."""
        started = started or time.perf_counter()
        reading = read_request(request)
        if reading.lists_passages and not passages:
            raise SearchError(ONLY_SPEAKER)
        parsed, filters = reading.parsed, reading.filters
        searcher = self.searcher()
        warnings: list[str] = []
        mask = self._filter_mask(filters, searcher, warnings)
        if only is not None:
            mask = self._and_mask(mask, np.asarray(sorted(only), dtype=np.int64))
        if request.since_version is not None:
            mask = self._and_mask(mask, self._changed_since(request.since_version))
        allowed = None if mask is None else (lambda d, m=mask: bool(m[d]))
        if reading.lists_passages:
            return self._match_passages(mask, warnings)
        if request.sort != "relevance":
            matched = self._match_arrays(parsed.text, request.variants, mask, allowed, warnings)
            if matched is not None:
                self._check_deadline(started)
                matched.mask = mask
                return matched
        text_query = self._top_query(parsed.text, request.variants, searcher)
        count = _count_by_frequency if _terms_only(parsed.text) else _count_by_spans
        units = self._match(text_query, searcher, allowed, started, request.sort == "relevance", count)
        return Matched(np.array([u.docnum for u in units], dtype=np.int64),
                       np.array([u.hits for u in units], dtype=np.int64), allowed, text_query, warnings,
                       scores=np.array([u.score for u in units], dtype=np.float64), mask=mask)

    def _match_passages(self, mask: np.ndarray, warnings: list[str]) -> Matched:
        """Every passage the filters keep (a speaker's passages), each counted as one hit."""
        live = np.asarray(self.live_docnums(), dtype=np.int64)
        docnums = np.sort(live[mask[live]])
        return Matched(docnums, np.ones(len(docnums), dtype=np.int64), lambda d, m=mask: bool(m[d]), None,
                       warnings, mask=mask, passages=True)

    def _match_arrays(self, node, variants: bool, mask, allowed, warnings) -> Matched | None:
        """The match on the position arrays; None when there are none or the query needs Whoosh."""
        pos = self.positions()
        if pos is None:
            return None
        try:
            spans = ArrayMatcher(pos, self._forms, MAX_PREFIX_EXPANSION).spans(node, variants)
        except Unsupported:
            return None
        entries = pos.entry_of(spans.start)
        if mask is not None:
            keep = mask[pos.docnum[entries]]
            spans, entries = spans.take(keep), entries[keep]
        firsts = np.flatnonzero(np.concatenate(([True], entries[1:] != entries[:-1]))) if len(entries) else \
            np.zeros(0, dtype=np.int64)
        hits = np.diff(np.append(firsts, len(entries)))
        return Matched(pos.docnum[entries[firsts]], hits, allowed, None, warnings, spans=spans,
                       span_entries=entries)

    def _changed_since(self, version: int) -> np.ndarray:
        """Docnums whose document was added or changed after `version`."""
        if version < 0:
            raise SearchError(f"since must be a corpus version, 0 or more (got {version})")
        with self.catalog.session() as s:
            seqs = list(s.scalars(select(Document.seq).where(
                or_(Document.added_version > version, Document.updated_version > version))))
        live = np.asarray(self.live_docnums(), dtype=np.int64)
        return live[np.isin(self.columns().np("dseq")[live], seqs)]

    def _and_mask(self, mask, docnums: np.ndarray) -> np.ndarray:
        chosen = np.zeros(self.searcher().reader().doc_count_all(), dtype=bool)
        chosen[docnums] = True
        return chosen if mask is None else (mask & chosen)

    def participants_by_document(self) -> dict[int, tuple[int, ...]]:
        """Document seq -> ids of its participants (cached with the columns)."""
        cols = self.columns()
        if "_participants" not in cols.data:
            table: dict[int, set[int]] = defaultdict(set)
            with self.catalog.session() as s:
                for seq, person_id in s.execute(select(Document.seq, Participant.person_id)
                                                .join(Participant, Participant.document_id == Document.id)):
                    table[seq].add(person_id)
            cols.data["_participants"] = {seq: tuple(sorted(ids)) for seq, ids in table.items()}
        return cols.data["_participants"]

    def live_docnums(self) -> list[int]:
        """Every index entry not deleted (cached with the columns)."""
        cols = self.columns()
        if "_live" not in cols.data:
            cols.data["_live"] = array("i", self.searcher().reader().all_doc_ids())
        return cols.data["_live"]

    def document_hits(self, request: SearchRequest, doc_id: str) -> list[tuple[int, int]]:
        """Character spans of every hit of the request's query inside one document, in text order
        (for marking hits in the document view). Filters apply as in search()."""
        return self.caught_up(lambda: self._document_hits(request, doc_id))

    def _document_hits(self, request: SearchRequest, doc_id: str) -> list[tuple[int, int]]:
        in_doc = set(self.searcher().docs_for_query(wq.Term("doc", doc_id)))
        if not in_doc:
            return []
        matched = self.match(request, only=in_doc, passages=True)
        if matched.passages:
            return self._passage_spans(matched.docnums)
        spans = self.hit_spans(matched, matched.docnums)
        cols = self.columns()
        docs = self._documents({cols["dseq"][d] for d in spans})
        out = []
        for d, unit_spans in spans.items():
            doc = docs[cols["dseq"][d]]
            for span in unit_spans:
                hit = around(doc.text, cols["ustart"][d], span.start, span.end, 0)
                out.append((hit.first[0], hit.last[1]))
        return sorted(out)

    def _passage_spans(self, docnums: np.ndarray) -> list[tuple[int, int]]:
        """Character spans of listed passages (a speaker's passages, marked in the document view)."""
        pids = [int(self.columns()["pid"][d]) for d in docnums.tolist()]
        with self.catalog.session() as s:
            return sorted((start, end) for start, end in s.execute(
                select(Passage.start, Passage.end).where(Passage.id.in_(pids))))

    def hit_spans(self, matched: Matched, docnums) -> dict[int, list]:
        """Token spans (positions inside the entry) of the hits in the given matched entries."""
        if matched.spans is None:
            return self._spans_for(matched.text_query, self.searcher(), docnums)
        pos = self.positions()
        wanted = np.isin(pos.docnum[matched.span_entries], np.asarray(list(docnums), dtype=np.int64))
        out: dict[int, list] = defaultdict(list)
        for entry, start, end in zip(matched.span_entries[wanted].tolist(), matched.spans.start[wanted].tolist(),
                                     matched.spans.end[wanted].tolist()):
            base = int(pos.entry_start[entry])
            out[int(pos.docnum[entry])].append(Span(start - base, end - base))
        return dict(out)

    # -- compiling the parsed query

    def _top_query(self, node, variants: bool, searcher):
        """The whole text query; a lone exact phrase takes the faster phrase matcher."""
        if isinstance(node, ast.Phrase) and not node.slop and not variants:
            return FastPhrase("text", list(node.words))
        return self._compile(node, variants, searcher)

    def _compile(self, node, variants: bool, searcher):
        if isinstance(node, ast.Word):
            return self._word(node.text, variants, searcher)
        if isinstance(node, ast.Phrase):
            if variants:
                parts = [_FormsOr([wq.Term("text", f) for f in self._forms(w)]) for w in node.words]
            else:
                parts = [wq.Term("text", w) for w in node.words]
            if node.slop:
                return SpanNear2(parts, slop=node.slop + 1, ordered=False)
            if variants:
                return SpanNear2(parts, slop=1, ordered=True, mindist=1)
            return wq.Phrase("text", list(node.words))
        if isinstance(node, ast.Prefix):
            expanded = self._expand_prefix(node.prefix, searcher)
            if not node.before or expanded is wq.NullQuery:
                return expanded
            # non-nuc*: "non" then any of the expanded words, at consecutive positions.
            before = [_FormsOr([wq.Term("text", f) for f in (self._forms(w) if variants else [w])])
                      for w in node.before]
            return SpanNear2([*before, _FormsOr(expanded.subqueries)], slop=1, ordered=True, mindist=1)
        if isinstance(node, ast.And):
            positive = [self._compile(i, variants, searcher) for i in node.items if not isinstance(i, ast.Not)]
            negative = [self._compile(i.item, variants, searcher) for i in node.items if isinstance(i, ast.Not)]
            query = positive[0] if len(positive) == 1 else wq.And(positive)
            return wq.AndNot(query, wq.Or(negative)) if negative else query
        if isinstance(node, ast.Or):
            return wq.Or([self._compile(i, variants, searcher) for i in node.items])
        if isinstance(node, ast.Not):
            raise SearchError("a query cannot be only NOT …; add a word to search for")
        raise SearchError(f"cannot search for {node!r}")

    def _forms(self, word: str) -> list[str]:
        return self.variants().forms(word) or [word]

    def _word(self, word: str, variants: bool, searcher):
        if not variants:
            return wq.Term("text", word)
        forms = self._forms(word)
        return wq.Term("text", forms[0]) if len(forms) == 1 else wq.Or([wq.Term("text", f) for f in forms])

    def variants(self) -> Variants:
        if self._variants is None:
            self._variants = Variants(self.folder())
        return self._variants

    def _expand_prefix(self, prefix: str, searcher):
        words = []
        for word in searcher.reader().expand_prefix("text", prefix):
            words.append(word.decode("utf-8") if isinstance(word, bytes) else word)
            if len(words) > MAX_PREFIX_EXPANSION:
                raise QueryTooComplex(f"{prefix}* matches more than {MAX_PREFIX_EXPANSION} different words; "
                                      "make the prefix longer")
        if not words:
            return wq.NullQuery
        return wq.Or([wq.Term("text", w) for w in words])

    # -- filters: one boolean per index entry, computed from the columns and cached

    def _filter_predicate(self, filters, searcher, warnings):
        mask = self._filter_mask(filters, searcher, warnings)
        return None if mask is None else (lambda d, m=mask: bool(m[d]))

    def _filter_mask(self, filters, searcher, warnings) -> np.ndarray | None:
        """Which docnums pass every filter (None when there are none)."""
        mask = None
        for node in filters:
            part = self._cached_mask(node, searcher, warnings)
            mask = part if mask is None else (mask & part)
        return mask

    def _cached_mask(self, node, searcher, warnings) -> np.ndarray:
        key = repr(node)
        if key not in self._masks:
            found: list[str] = []
            self._masks[key] = (self._mask(node, searcher, found), found)
            if len(self._masks) > 256:
                self._masks.pop(next(iter(self._masks)))
        mask, notes = self._masks[key]
        warnings.extend(notes)
        return mask

    def _mask(self, node, searcher, warnings) -> np.ndarray:
        if isinstance(node, ast.Or):
            out = self._mask(node.items[0], searcher, warnings)
            for item in node.items[1:]:
                out = out | self._mask(item, searcher, warnings)
            return out
        cols = self.columns()
        name = node.field
        if name in ("date", "year"):
            lo = node.start.toordinal() if node.start else 1
            hi = node.end.toordinal() if node.end else UNDATED
            dstart, dend = cols.np("dstart"), cols.np("dend")
            return (dstart != 0) & (dstart >= lo) & (dend <= hi)
        if name in FILTER_COLUMNS:
            column_name, nothing = FILTER_COLUMNS[name]
            wanted = self._filter_values(name, node.value)
            if not wanted:
                warnings.append(nothing.format(node.value))
            return np.isin(cols.np(column_name), np.array(sorted(wanted), dtype=np.int64))
        if name == "participant":
            ids = self._person_ids(node.value)
            if not ids:
                warnings.append(f"no participant matches {node.value!r}")
            mask = np.zeros(searcher.reader().doc_count_all(), dtype=bool)
            for pid in ids:
                mask[list(searcher.docs_for_query(wq.Term("participants", f"p{pid}")))] = True
            return mask
        raise SearchError(f"unknown filter {name}:")

    def _filter_values(self, name: str, value: str) -> set[int]:
        """The column values a lang/type/source/speaker filter accepts."""
        if name == "source":
            return self._source_ids(value)
        if name == "speaker":
            return self._person_ids(value)
        facet = "lang" if name == "lang" else "type"
        return {code for label, code in self.codes().values.get(facet, {}).items() if label.lower() == value.lower()}

    def _source_ids(self, key: str) -> set[int]:
        with self.catalog.session() as s:
            return set(s.scalars(select(Source.id).where(func.lower(Source.key) == key.lower())))

    def _person_ids(self, value: str) -> set[int]:
        """Persons a speaker/participant filter means: any alias or the name itself, case-insensitive."""
        key = alias_key(value)
        with self.catalog.session() as s:
            ids = set(s.scalars(select(PersonAlias.person_id).where(PersonAlias.key == key)))
            ids |= set(s.scalars(select(Person.id).where(Person.name == value)))
        return ids

    # -- matching

    def _check_deadline(self, started: float) -> None:
        if time.perf_counter() > started + self.time_limit:
            raise QueryTooComplex(f"the search took longer than {self.time_limit:g} s; "
                                  "narrow it with a phrase, a date range or a speaker")

    def _match(self, text_query, searcher, allowed, started: float, want_score: bool, count) -> list[_Unit]:
        units: list[_Unit] = []
        matcher = text_query.matcher(searcher)
        deadline = started + self.time_limit
        n = 0
        while matcher.is_active():
            docnum = matcher.id()
            if allowed is None or allowed(docnum):
                hits = count(matcher)
                if hits:
                    units.append(_Unit(docnum, hits, matcher.score() if want_score else 0.0))
            n += 1
            if n % 2000 == 0 and time.perf_counter() > deadline:
                self._check_deadline(started)
            matcher.next()
        return units

    # -- totals and facets

    def _summarize(self, request: SearchRequest, matched: Matched) -> SearchResult:
        cols = self.columns()
        order = np.argsort(matched.docnums, kind="stable")     # facet ties: first entry in index order
        docnums, hits = matched.docnums[order], matched.hits[order]
        counted = {name: _tally(cols.np(column)[docnums], hits)
                   for name, column in (("speaker", "speaker"), ("source", "source"), ("language", "lang"),
                                        ("type", "dtype"), ("archive", "archive"))}
        facets = {
            "speaker": self._named(counted["speaker"], self.person_names),
            "source": self._named(counted["source"], self.source_keys),
            "language": self._named(counted["language"], lambda ids: self.codes().names("lang")),
            "type": self._named(counted["type"], lambda ids: self.codes().names("type")),
            "archive": self._named(counted["archive"], lambda ids: self.codes().names("archive")),
        }
        facets.update(_date_facets(cols.np("dstart")[docnums], hits))
        return SearchResult(query=request.query, total_hits=matched.total_hits,
                            total_documents=int(np.unique(cols.np("dseq")[docnums]).size),
                            offset=request.offset, limit=request.limit, hits=[], facets=facets,
                            sort=request.sort, variants=request.variants, warnings=matched.warnings,
                            kind="passages" if matched.passages else "hits")

    @staticmethod
    def _named(counted: list[tuple[int, int]], names_for) -> dict[str, int]:
        names = names_for([k for k, _ in counted if k])
        out = {}
        for key, count in counted:
            label = (names.get(key) if key else None) or "(none)"
            out[label] = out.get(label, 0) + count
        return out

    def cite(self, doc: Document) -> str:
        """The document's short citation (corpus/citation.py), from its id, title and source."""
        return cite(doc.id, doc.title, self.source_keys([doc.source_id]).get(doc.source_id))

    def person_names(self, ids) -> dict[int, str]:
        names = self._names("_person_names", select(Person.id, Person.name))
        return {i: names[i] for i in ids if i in names}

    def source_keys(self, ids) -> dict[int, str]:
        keys = self._names("_source_keys", select(Source.id, Source.key))
        return {i: keys[i] for i in ids if i in keys}

    def _names(self, key: str, statement) -> dict[int, str]:
        """Every person's name or source's key by id, read once per index generation (an
        ingest that adds people also changes the index)."""
        cols = self.columns()
        if key not in cols.data:
            with self.catalog.session() as s:
                cols.data[key] = dict(s.execute(statement).all())
        return cols.data[key]

    # -- ordering and the page

    def _page(self, request: SearchRequest, matched: Matched) -> list[Hit]:
        if not len(matched.docnums) or request.limit == 0:
            return []
        if matched.passages:
            return self._passage_page(request, matched)
        context = request.sort in ("L1", "L2", "L3", "R1", "R2", "R3")
        if matched.spans is not None:
            page = (self._array_context_page if context else self._array_page)(request, matched)
            return self._render(page, request.width)
        units = matched.units
        if context:
            return self._context_sorted_page(request, units, matched.text_query, self.searcher())
        ordered = self._order_units(request.sort, units)
        wanted, skip = [], request.offset
        for u in ordered:
            if skip >= u.hits:
                skip -= u.hits
                continue
            wanted.append((u, skip))
            need = request.limit - sum(u2.hits - s for u2, s in wanted)
            skip = 0
            if need <= 0:
                break
        spans = self._spans_for(matched.text_query, self.searcher(), [u.docnum for u, _ in wanted])
        hits: list[tuple[int, object]] = []
        for u, first in wanted:
            for span in spans[u.docnum][first:]:
                hits.append((u.docnum, span))
        return self._render(hits[:request.limit], request.width)

    def _passage_page(self, request: SearchRequest, matched: Matched) -> list[Hit]:
        """A page of listed passages in document order, or else in date order (a passage has no
        context words to sort by, and every passage is as relevant as the next)."""
        keys = self._entry_keys("document" if request.sort == "document" else "date", matched.docnums)
        chosen = np.argsort(keys, kind="stable")[request.offset:request.offset + request.limit]
        docnums = matched.docnums[chosen].tolist()
        cols = self.columns()
        docs = self._documents({cols["dseq"][d] for d in docnums})
        speakers = self.person_names({cols["speaker"][d] for d in docnums if cols["speaker"][d]})
        with self.catalog.session() as s:
            ends = dict(s.execute(select(Passage.id, Passage.end).where(
                Passage.id.in_([cols["pid"][d] for d in docnums]))).all())
        lines = []
        for d in docnums:
            doc, start = docs[cols["dseq"][d]], cols["ustart"][d]
            line = passage_line(doc.text, start, ends.get(cols["pid"][d], start), PASSAGE_WORDS)
            lines.append(self._hit(doc, d, speakers, line))
        return lines

    def _entry_keys(self, sort: str, docnums: np.ndarray) -> np.ndarray:
        """Sort key of entries (given in index order) for date or document order; ties keep
        index order, which is the text order inside a document."""
        cols = self.columns()
        if sort == "document":
            primary = self._document_rank()[cols.np("dseq")[docnums]]
        else:
            dstart = cols.np("dstart")[docnums].astype(np.int64)
            primary = np.where(dstart == 0, UNDATED, dstart)
        return (primary << 26) | np.arange(len(docnums), dtype=np.int64)

    def _array_page(self, request: SearchRequest, matched: Matched) -> list[tuple[int, Span]]:
        """The page's hits in date or document order, from the position arrays: only the first
        offset+limit entries in that order are sorted."""
        keys = self._entry_keys(request.sort, matched.docnums)
        need = request.offset + request.limit
        if len(keys) > 4 * need:
            chosen = np.argpartition(keys, need)[:need]
            chosen = chosen[np.argsort(keys[chosen])]
        else:
            chosen = np.argsort(keys)
        firsts = np.concatenate(([0], np.cumsum(matched.hits)[:-1]))
        runs = [np.arange(firsts[i], firsts[i] + matched.hits[i]) for i in chosen.tolist()]
        picked = np.concatenate(runs)[request.offset:need] if runs else np.zeros(0, dtype=np.int64)
        return self._span_list(matched, picked)

    def _array_context_page(self, request: SearchRequest, matched: Matched) -> list[tuple[int, Span]]:
        """The page in the order of the words left or right of each hit (then date, document,
        place in the text), with every hit's context words read from the position arrays."""
        pos = self.positions()
        cols = self.columns()
        ranks = _context_ranks(pos, matched.spans, matched.span_entries, request.sort)
        bits = max(1, int(len(pos.words)).bit_length())
        if bits * len(ranks) <= 62:               # the context words as one sortable number
            combined = np.zeros(len(matched.spans), dtype=np.int64)
            for rank in ranks:
                combined = (combined << bits) | rank
            ranks = [combined]
        need = request.offset + request.limit
        candidates = np.arange(len(matched.spans))
        if len(ranks) == 1 and len(candidates) > 4 * need:
            # Only hits whose context sorts at or before the need-th one can be on the page.
            cut = np.partition(ranks[0], need - 1)[need - 1]
            candidates = np.flatnonzero(ranks[0] <= cut)
        docnums = pos.docnum[matched.span_entries[candidates]]
        dstart = cols.np("dstart")[docnums].astype(np.int64)
        keys = [matched.spans.start[candidates], self._document_rank()[cols.np("dseq")[docnums]],
                np.where(dstart == 0, UNDATED, dstart)]
        keys += [rank[candidates] for rank in reversed(ranks)]
        order = candidates[np.lexsort(keys)]
        return self._span_list(matched, order[request.offset:need])

    def _span_list(self, matched: Matched, picked: np.ndarray) -> list[tuple[int, Span, tuple[str, int]]]:
        """(docnum, span inside the entry, (first word, which occurrence of it in the entry))."""
        pos = self.positions()
        out = []
        for i in picked.tolist():
            entry = int(matched.span_entries[i])
            base, start = int(pos.entry_start[entry]), int(matched.spans.start[i])
            word = int(pos.tokens[start])
            nth = int(np.count_nonzero(pos.tokens[base:start] == word))
            out.append((int(pos.docnum[entry]), Span(start - base, int(matched.spans.end[i]) - base),
                        (pos.words[word], nth)))
        return out

    def _document_rank(self) -> np.ndarray:
        """Document seq -> place of its id in reading order (cached with the columns)."""
        cols = self.columns()
        if "_doc_rank" not in cols.data:
            with self.catalog.session() as s:
                rows = s.execute(select(Document.seq, Document.id)).all()
            rank = np.zeros(max((seq for seq, _ in rows), default=0) + 1, dtype=np.int64)
            for place, (seq, _doc_id) in enumerate(sorted(rows, key=lambda r: natural_key(r[1]))):
                rank[seq] = place
            cols.data["_doc_rank"] = rank
        return cols.data["_doc_rank"]

    def _order_units(self, sort: str, units: list[_Unit]) -> list[_Unit]:
        cols = self.columns()
        dseq, dstart, ustart = cols["dseq"], cols["dstart"], cols["ustart"]
        if sort == "relevance":
            return sorted(units, key=lambda u: (-u.score, dseq[u.docnum], ustart[u.docnum]))
        if sort == "document":
            ids = {seq: natural_key(doc_id) for seq, doc_id in self._doc_ids({dseq[u.docnum] for u in units}).items()}
            return sorted(units, key=lambda u: (ids.get(dseq[u.docnum], ()), ustart[u.docnum]))
        return sorted(units, key=lambda u: (dstart[u.docnum] or UNDATED, dseq[u.docnum], ustart[u.docnum]))

    def _doc_ids(self, seqs) -> dict[int, str]:
        with self.catalog.session() as s:
            return dict(s.execute(select(Document.seq, Document.id).where(Document.seq.in_(list(seqs)))).all())

    def _spans_for(self, text_query, searcher, docnums) -> dict[int, list]:
        """The match spans (token positions) of the given entries, by docnum (Whoosh path)."""
        out = {}
        matcher = text_query.matcher(searcher)
        for docnum in sorted(set(int(d) for d in docnums)):
            if not matcher.is_active():
                break
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                out[docnum] = sorted(_spans(matcher), key=lambda s: (s.start, s.end))
        return out

    def _context_sorted_page(self, request, units, text_query, searcher) -> list[Hit]:
        total = sum(u.hits for u in units)
        if total > MAX_CONTEXT_SORT_HITS:
            raise QueryTooComplex(f"sorting by context ({request.sort}) works on up to {MAX_CONTEXT_SORT_HITS:,} "
                                  f"hits and this query has {total:,}; narrow it or sort by date")
        cols = self.columns()
        spans = self._spans_for(text_query, searcher, [u.docnum for u in units])
        docs = self._documents({cols["dseq"][d] for d in spans})
        keyed = []
        for d, unit_spans in spans.items():
            doc = docs[cols["dseq"][d]]
            for span in unit_spans:
                hit = around(doc.text, cols["ustart"][d], span.start, span.end, context_depth(request.sort))
                keyed.append((context_key(doc.text, hit, request.sort), doc.date_start or date.max,
                              natural_key(doc.id), hit.first[0], d, span))
        keyed.sort(key=lambda k: k[:4])
        page = [(d, span) for *_, d, span in keyed[request.offset:request.offset + request.limit]]
        return self._render(page, request.width, docs)

    def _documents(self, seqs) -> dict[int, Document]:
        """The catalog's documents behind index entries. An ingest gives a changed document a new
        seq, so an entry whose seq is gone was indexed from text the catalog no longer holds."""
        seqs = set(seqs)
        with self.catalog.session() as s:
            docs = {d.seq: d for d in s.scalars(select(Document).where(Document.seq.in_(list(seqs))))}
        if len(docs) < len(seqs):
            raise IndexBehind(OUT_OF_STEP)
        return docs

    def _render(self, hits, width: int, docs=None) -> list[Hit]:
        """KWIC lines for (docnum, span) pairs, or (docnum, span, (word, nth)) where the position
        arrays tell which occurrence of its first word the hit starts at."""
        cols = self.columns()
        docs = docs or self._documents({cols["dseq"][h[0]] for h in hits})
        speakers = self.person_names({cols["speaker"][h[0]] for h in hits if cols["speaker"][h[0]]})
        lines = []
        for d, span, *where in hits:
            doc = docs.get(cols["dseq"][d])
            try:
                found = around_occurrence(doc.text, cols["ustart"][d], *where[0], span.end - span.start + 1,
                                          width) if where else None
                line = kwic_line(doc.text, found or around(doc.text, cols["ustart"][d], span.start, span.end, width))
            except IndexError:
                raise IndexBehind(OUT_OF_STEP) from None
            lines.append(self._hit(doc, d, speakers, line))
        return lines

    def _hit(self, doc: Document, docnum: int, speakers: dict[int, str], line: Line) -> Hit:
        """The Hit of one KWIC line (or listed passage) of index entry `docnum` in `doc`."""
        cols = self.columns()
        return Hit(doc_id=doc.id, passage_id=cols["pid"][docnum] or None,
                   date=doc.date_start.isoformat() if doc.date_start else None,
                   speaker=speakers.get(cols["speaker"][docnum]), title=doc.title, citation=doc.citation,
                   cite=self.cite(doc), left=line.left, match=line.match, right=line.right,
                   start=line.start, end=line.end)


class _FormsOr(SpanOr):
    """SpanOr that can estimate its size, as AND/OR ask of their parts to order them."""

    def estimate_size(self, ixreader) -> int:
        return sum(q.estimate_size(ixreader) for q in self.subqs)


def _tally(values: np.ndarray, hits: np.ndarray) -> list[tuple[int, int]]:
    """(value, hits) pairs for small non-negative integer values, most hits first; ties in order
    of first appearance."""
    if not len(values):
        return []
    totals = np.bincount(values, weights=hits).astype(np.int64)
    first = np.full(len(totals), len(values), dtype=np.int64)
    np.minimum.at(first, values, np.arange(len(values)))
    present = np.flatnonzero(first < len(values))
    order = np.lexsort((first[present], -totals[present]))
    return [(int(v), int(totals[v])) for v in present[order]]


@lru_cache(maxsize=100_000)
def _day_labels(ordinal: int) -> tuple[str, str, str]:
    day = date.fromordinal(ordinal)
    return str(day.year), f"{day.year:04d}-{day.month:02d}", day.isoformat()


def _date_facets(dstart: np.ndarray, hits: np.ndarray) -> dict[str, dict[str, int]]:
    """Hits by year (and by month and day when they all fall in one year, or one month)."""
    dated = dstart != 0
    by = {"year": Counter(), "month": Counter(), "day": Counter()}
    if dated.any():
        first = int(dstart[dated].min())
        per_day = np.bincount(dstart[dated] - first, weights=hits[dated]).astype(np.int64)
        for offset in np.flatnonzero(per_day).tolist():
            count = int(per_day[offset])
            year, month, day = _day_labels(first + offset)
            by["year"][year] += count
            by["month"][month] += count
            by["day"][day] += count
    undated = int(hits[~dated].sum())
    if undated:
        by["year"]["undated"] += undated
    facets = {"year": dict(sorted(by["year"].items()))}
    if len(set(by["year"]) - {"undated"}) == 1:
        facets["month"] = dict(sorted(by["month"].items()))
        if len(by["month"]) == 1:
            facets["day"] = dict(sorted(by["day"].items()))
    return facets


def _context_ranks(pos, spans: Spans, entries: np.ndarray, sort: str) -> list[np.ndarray]:
    """For L1..L3 / R1..R3: the alphabetical rank of the word at that distance left or right of
    each hit and of the next words outward (as kwic.context_key: L1 ties by L2, then L3), read from
    the stream. Context runs on across passages of the same document, as KWIC lines do; past the
    document's edge the word is "" (rank 0, first)."""
    depth, step = context_depth(sort), (1 if sort[0] == "R" else -1)
    tokens, last = pos.tokens, len(pos.tokens) - 1
    dseq = pos.entry_dseq[entries]
    at = (spans.end if step == 1 else spans.start).astype(np.int64)
    stopped = np.zeros(len(at), dtype=bool)
    ranks = []
    for _ in range(depth):
        at = np.clip(at + step, 0, last)
        word = tokens[at]
        gaps = np.flatnonzero((word == 0) & ~stopped)
        if len(gaps):
            beyond = np.clip(at[gaps] + step, 0, last)
            same_doc = pos.entry_dseq[np.clip(pos.entry_of(beyond), 0, None)] == dseq[gaps]
            cross = gaps[same_doc & (tokens[beyond] != 0)]
            at[cross] = np.clip(at[cross] + step, 0, last)
            word = tokens[at]
        stopped |= word == 0
        ranks.append(np.where(stopped, 0, pos.rank[word]))
    return ranks[int(sort[1]) - 1:]


def natural_key(doc_id: str) -> tuple:
    """Document ids in reading order: frus1961-63v05:d2 before frus1961-63v05:d10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", doc_id))


def _terms_only(node) -> bool:
    """True when every positive leaf is a word or prefix: hits are then term frequencies."""
    if isinstance(node, ast.Word) or (isinstance(node, ast.Prefix) and not node.before):
        return True
    if isinstance(node, (ast.Phrase, ast.Prefix)):
        return False
    if isinstance(node, ast.Not):
        return True
    return all(_terms_only(item) for item in node.items)


def _count_by_frequency(matcher) -> int:
    """Occurrences in the current entry from stored frequencies, without decoding positions."""
    return int(round(_positive(matcher).weight()))


def _count_by_spans(matcher) -> int:
    return len(_spans(matcher))


def _positive(matcher):
    """For A AND NOT B the matcher of A; otherwise the matcher itself."""
    return getattr(matcher, "a", matcher) if type(matcher).__name__ == "AndNotMatcher" else matcher


def _spans(matcher) -> list:
    """Spans of the current entry; for A AND NOT B, those of A."""
    try:
        return matcher.spans()
    except Exception:
        inner = getattr(matcher, "a", None) or getattr(matcher, "child", None)
        return _spans(inner) if inner is not None else []


@dataclass(frozen=True)
class Reading:
    """What a request asks for: its parsed query, every filter (the query's and the options'),
    and whether it lists a speaker's passages (no words, a speaker filter) instead of hits."""
    parsed: ParsedQuery
    filters: list
    lists_passages: bool


def read_request(request: SearchRequest) -> Reading:
    """The request read once for search, counts, the document view and saved queries. An empty
    query with a speaker option lists that speaker's passages; filters alone without a speaker
    are refused (SearchError)."""
    if not (request.query or "").strip():
        if not request.speaker:
            raise SearchError(EMPTY_QUERY)
        parsed = ParsedQuery(text=None, filters=(), source="")
    else:
        parsed = parse(request.query)
    filters = list(parsed.filters) + _option_filters(request)
    if parsed.text is None and not _names_a_speaker(filters):
        raise SearchError(ONLY_FILTERS)
    return Reading(parsed, filters, parsed.text is None)


def _names_a_speaker(filters) -> bool:
    """True when one of the (AND-ed) filters is a speaker filter, or an OR of speaker filters."""
    def speaker_only(node) -> bool:
        if isinstance(node, ast.Or):
            return all(speaker_only(item) for item in node.items)
        return isinstance(node, ast.Filter) and node.field == "speaker"
    return any(speaker_only(node) for node in filters)


def validate(request: SearchRequest) -> None:
    """Refuse a request whose options are out of range or whose filter options do not parse
    (the checks search() makes before any work), with the same one-line messages."""
    _check_request(request)
    _option_filters(request)


def _check_request(request: SearchRequest) -> None:
    if request.sort not in SORTS:
        raise SearchError(f"unknown sort {request.sort!r}; choose one of {', '.join(SORTS)}")
    if not 0 <= request.limit <= MAX_LIMIT:
        raise SearchError(f"limit must be between 0 and {MAX_LIMIT} (got {request.limit})")
    if request.offset < 0:
        raise SearchError(f"offset must be 0 or more (got {request.offset})")
    if not 0 <= request.width <= MAX_WIDTH:
        raise SearchError(f"width must be between 0 and {MAX_WIDTH} words (got {request.width})")


def _option_filters(request: SearchRequest) -> list:
    """The CLI/web filter options as Filter nodes, AND-ed with the query's own."""
    out = []
    for name, value in (("speaker", request.speaker), ("participant", request.participant),
                        ("source", request.source), ("lang", request.lang), ("type", request.type)):
        if value:
            out.append(ast.Filter(name, value))
    if request.date_from or request.date_to:
        start = _date_bound(request.date_from, "from", first=True)
        end = _date_bound(request.date_to, "to", first=False)
        if start and end and start > end:
            raise SearchError(f"--from {request.date_from} is after --to {request.date_to}")
        out.append(ast.Filter("date", f"{request.date_from or ''}..{request.date_to or ''}", start, end))
    return out


def _date_bound(value: str | None, name: str, first: bool) -> date | None:
    if not value:
        return None
    try:
        info = parse_date(value)
    except DateError:
        raise SearchError(f"--{name} {value!r} is not a date (use 1962-10-16, 1962-10 or 1962)") from None
    bound = info.start if first else info.end
    if bound is None:
        raise SearchError(f"--{name} {value!r} is not a date (use 1962-10-16, 1962-10 or 1962)")
    return bound
