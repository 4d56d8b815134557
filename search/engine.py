"""The search facade: a query in, plain dataclasses out (totals, facets, one page of KWIC lines).

How it stays fast: the text part of the query is matched on Whoosh's posting lists (phrases
by positions), and everything else — filters, facets, date order, document counts — is read
from integer columns per matching index entry, so no query scans the whole corpus and no
stored field is read. Document texts are read from the catalog only for the page shown.
"""
from __future__ import annotations

import re
import time
from array import array
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, or_, select
from whoosh import query as wq
from whoosh.query.spans import SpanNear2, SpanOr

from corpus.dates import parse_date
from corpus.db import Catalog
from corpus.errors import DateError
from corpus.models import Document, Participant, Person, PersonAlias, Source
from corpus.people import alias_key

from . import ast
from .errors import IndexMissing, QueryTooComplex, SearchError
from .indexer import Codes, index_dir, open_index
from .kwic import around, context_key, kwic_line
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
OUT_OF_STEP = "the index is out of step with the catalog; run `corpus check --repair` and search again"          # undated entries sort after every date


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

    def to_json(self) -> dict:
        out = asdict(self)
        out["seconds"] = round(self.seconds, 4)
        return out


@dataclass
class _Unit:
    """An index entry that matched, with how many hits it holds."""
    docnum: int
    hits: int
    score: float = 0.0


@dataclass
class Matched:
    units: list[_Unit]
    allowed: object            # predicate on docnums, or None when the request has no filters
    text_query: object
    warnings: list[str]


class Columns:
    """Integer columns of the index loaded into arrays, indexed by Whoosh docnum."""

    def __init__(self, reader, names):
        self.data = {name: _load_column(reader, name) for name in names}

    def __getitem__(self, name: str) -> array:
        return self.data[name]


def _load_column(reader, name: str) -> array:
    out = array("i")
    for leaf, offset in reader.leaf_readers():
        count = leaf.doc_count_all()
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
        self._columns: Columns | None = None
        self._codes: Codes | None = None
        self._variants: Variants | None = None

    # -- index access

    def searcher(self):
        if self._ix is None:
            self._ix = open_index(self.instance, create=False)
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        elif not self._searcher.up_to_date():
            self._searcher = self._searcher.refresh()
            self._columns = None
            self._codes = None
            self._variants = None
        return self._searcher

    def columns(self) -> Columns:
        searcher = self.searcher()
        if self._columns is None:
            missing = [n for n in INDEX_COLUMNS if n not in searcher.schema]
            if missing:
                raise IndexMissing("the index was built by an older version of crisis-corpus (no "
                                   f"{', '.join(missing)}); run `corpus reindex`")
            self._columns = Columns(searcher.reader(), INDEX_COLUMNS)
        return self._columns

    def tokens(self) -> TokenStore:
        """The token store beside the index (word ids per entry, for frequency lists)."""
        return TokenStore(index_dir(self.instance))

    def codes(self) -> Codes:
        if self._codes is None:
            self._codes = Codes(index_dir(self.instance) / "codes.json")
        return self._codes

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    # -- the facade

    def search(self, request: SearchRequest) -> SearchResult:
        started = time.perf_counter()
        _check_request(request)
        matched = self.match(request, started)
        result = self._summarize(request, matched.units, matched.warnings)
        result.hits = self._page(request, matched.units, matched.text_query, self.searcher(), started)
        result.seconds = time.perf_counter() - started
        return result

    def count(self, request: SearchRequest) -> tuple[int, int]:
        """(hits, documents) of the request: its totals without facets or a KWIC page."""
        validate(request)
        units = self.match(request).units
        dseq = self.columns()["dseq"]
        return sum(u.hits for u in units), len({dseq[u.docnum] for u in units})

    def match(self, request: SearchRequest, started: float | None = None, only: set[int] | None = None) -> "Matched":
        """Every matching index entry with its hit count, and the filter the request applies
        (for statistics over the same selection as search()); `only` restricts the entries."""
        started = started or time.perf_counter()
        parsed = parse(request.query)
        filters = list(parsed.filters) + _option_filters(request)
        if parsed.text is None:
            raise SearchError("the query has only filters; add a word or phrase to search for")
        searcher = self.searcher()
        warnings: list[str] = []
        text_query = self._top_query(parsed.text, request.variants, searcher)
        allowed = self._filter_predicate(filters, searcher, warnings)
        if only is not None:
            allowed = only.__contains__ if allowed is None else (lambda d, f=allowed: d in only and f(d))
        if request.since_version is not None:
            newer = self._changed_since(request.since_version)
            allowed = newer if allowed is None else (lambda d, f=allowed: newer(d) and f(d))
        count = _count_by_frequency if _terms_only(parsed.text) else _count_by_spans
        units = self._match(text_query, searcher, allowed, started, request.sort == "relevance", count)
        return Matched(units, allowed, text_query, warnings)

    def _changed_since(self, version: int):
        """Predicate on docnums: the entry's document was added or changed after `version`."""
        if version < 0:
            raise SearchError(f"since must be a corpus version, 0 or more (got {version})")
        with self.catalog.session() as s:
            seqs = set(s.scalars(select(Document.seq).where(
                or_(Document.added_version > version, Document.updated_version > version))))
        dseq = self.columns()["dseq"]
        return lambda d: dseq[d] in seqs

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
        if parse(request.query).text is None:
            return []
        in_doc = set(self.searcher().docs_for_query(wq.Term("doc", doc_id)))
        if not in_doc:
            return []
        matched = self.match(request, only=in_doc)
        spans = self._spans_for(matched.text_query, self.searcher(), [u.docnum for u in matched.units])
        cols = self.columns()
        docs = self._documents({cols["dseq"][d] for d in spans})
        out = []
        for d, unit_spans in spans.items():
            doc = docs[cols["dseq"][d]]
            for span in unit_spans:
                hit = around(doc.text, cols["ustart"][d], span.start, span.end, 0)
                out.append((hit.first[0], hit.last[1]))
        return sorted(out)

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
                parts = [SpanOr([wq.Term("text", f) for f in self._forms(w)]) for w in node.words]
            else:
                parts = [wq.Term("text", w) for w in node.words]
            if node.slop:
                return SpanNear2(parts, slop=node.slop + 1, ordered=False)
            if variants:
                return SpanNear2(parts, slop=1, ordered=True, mindist=1)
            return wq.Phrase("text", list(node.words))
        if isinstance(node, ast.Prefix):
            return self._expand_prefix(node.prefix, searcher)
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
            self._variants = Variants(index_dir(self.instance))
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

    # -- filters: evaluated per matching entry from columns (and small posting sets)

    def _filter_predicate(self, filters, searcher, warnings):
        checks = [self._filter_check(f, searcher, warnings) for f in filters]
        if not checks:
            return None
        return lambda docnum: all(check(docnum) for check in checks)

    def _filter_check(self, node, searcher, warnings):
        if isinstance(node, ast.Or):
            parts = [self._filter_check(f, searcher, warnings) for f in node.items]
            return lambda d: any(p(d) for p in parts)
        cols = self.columns()
        name = node.field
        if name in ("date", "year"):
            lo = node.start.toordinal() if node.start else 1
            hi = node.end.toordinal() if node.end else UNDATED
            dstart, dend = cols["dstart"], cols["dend"]
            return lambda d: dstart[d] != 0 and dstart[d] >= lo and dend[d] <= hi
        if name in FILTER_COLUMNS:
            column_name, nothing = FILTER_COLUMNS[name]
            wanted = self._filter_values(name, node.value)
            if not wanted:
                warnings.append(nothing.format(node.value))
            column = cols[column_name]
            return lambda d: column[d] in wanted
        if name == "participant":
            ids = self._person_ids(node.value)
            if not ids:
                warnings.append(f"no participant matches {node.value!r}")
            docs = set()
            for pid in ids:
                docs.update(searcher.docs_for_query(wq.Term("participants", f"p{pid}")))
            return docs.__contains__
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
                raise QueryTooComplex(f"the search took longer than {self.time_limit:g} s; "
                                      "narrow it with a phrase, a date range or a speaker")
            matcher.next()
        return units

    # -- totals and facets

    def _summarize(self, request: SearchRequest, units: list[_Unit], warnings: list[str]) -> SearchResult:
        cols = self.columns()
        dseq, source, speaker, lang, dtype, archive, dstart = (
            cols[n] for n in ("dseq", "source", "speaker", "lang", "dtype", "archive", "dstart"))
        counters = {name: Counter() for name in ("speaker", "source", "language", "type", "archive", "year",
                                                 "month", "day")}
        documents = set()
        total = 0
        for u in units:
            d, h = u.docnum, u.hits
            total += h
            documents.add(dseq[d])
            counters["speaker"][speaker[d]] += h
            counters["source"][source[d]] += h
            counters["language"][lang[d]] += h
            counters["type"][dtype[d]] += h
            counters["archive"][archive[d]] += h
            if dstart[d]:
                day = date.fromordinal(dstart[d])
                counters["year"][day.year] += h
                counters["month"][day.strftime("%Y-%m")] += h
                counters["day"][day.isoformat()] += h
            else:
                counters["year"]["undated"] += h
        facets = {
            "speaker": self._named(counters["speaker"], self.person_names),
            "source": self._named(counters["source"], self.source_keys),
            "language": self._named(counters["language"], lambda ids: self.codes().names("lang")),
            "type": self._named(counters["type"], lambda ids: self.codes().names("type")),
            "archive": self._named(counters["archive"], lambda ids: self.codes().names("archive")),
            "year": {str(k): v for k, v in sorted(counters["year"].items(), key=lambda kv: str(kv[0]))},
        }
        years = set(counters["year"]) - {"undated"}
        if len(years) == 1:
            facets["month"] = dict(sorted(counters["month"].items()))
            if len(counters["month"]) == 1:
                facets["day"] = dict(sorted(counters["day"].items()))
        return SearchResult(query=request.query, total_hits=total, total_documents=len(documents),
                            offset=request.offset, limit=request.limit, hits=[], facets=facets,
                            sort=request.sort, variants=request.variants, warnings=warnings)

    @staticmethod
    def _named(counter: Counter, names_for) -> dict[str, int]:
        names = names_for([k for k in counter if k])
        out = {}
        for key, count in counter.most_common():
            label = names.get(key) if key else None
            out[label or "(none)"] = out.get(label or "(none)", 0) + count
        return out

    def person_names(self, ids) -> dict[int, str]:
        with self.catalog.session() as s:
            return dict(s.execute(select(Person.id, Person.name).where(Person.id.in_(list(ids)))).all())

    def source_keys(self, ids) -> dict[int, str]:
        with self.catalog.session() as s:
            return dict(s.execute(select(Source.id, Source.key).where(Source.id.in_(list(ids)))).all())

    # -- ordering and the page

    def _page(self, request, units, text_query, searcher, started) -> list[Hit]:
        if not units or request.limit == 0:
            return []
        if request.sort in ("L1", "L2", "L3", "R1", "R2", "R3"):
            return self._context_sorted_page(request, units, text_query, searcher)
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
        spans = self._spans_for(text_query, searcher, [u.docnum for u, _ in wanted])
        hits: list[tuple[int, object]] = []
        for u, first in wanted:
            for span in spans[u.docnum][first:]:
                hits.append((u.docnum, span))
        return self._render(hits[:request.limit], request.width)

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
        """The match spans (token positions) of the given entries, by docnum."""
        out = {}
        matcher = text_query.matcher(searcher)
        for docnum in sorted(set(docnums)):
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
                hit = around(doc.text, cols["ustart"][d], span.start, span.end, 3)
                keyed.append((context_key(doc.text, hit, request.sort), doc.date_start or date.max,
                              natural_key(doc.id), hit.first[0], d, span))
        keyed.sort(key=lambda k: k[:4])
        page = [(d, span) for *_, d, span in keyed[request.offset:request.offset + request.limit]]
        return self._render(page, request.width, docs)

    def _documents(self, seqs) -> dict[int, Document]:
        with self.catalog.session() as s:
            return {d.seq: d for d in s.scalars(select(Document).where(Document.seq.in_(list(seqs))))}

    def _render(self, hits, width: int, docs=None) -> list[Hit]:
        cols = self.columns()
        docs = docs or self._documents({cols["dseq"][d] for d, _ in hits})
        speakers = self.person_names({cols["speaker"][d] for d, _ in hits if cols["speaker"][d]})
        lines = []
        for d, span in hits:
            doc = docs.get(cols["dseq"][d])
            try:
                line = kwic_line(doc.text, around(doc.text, cols["ustart"][d], span.start, span.end, width))
            except (AttributeError, IndexError):
                raise SearchError(OUT_OF_STEP) from None
            lines.append(Hit(doc_id=doc.id, passage_id=cols["pid"][d] or None,
                             date=doc.date_start.isoformat() if doc.date_start else None,
                             speaker=speakers.get(cols["speaker"][d]), title=doc.title, citation=doc.citation,
                             left=line.left, match=line.match, right=line.right, start=line.start, end=line.end))
        return lines


def natural_key(doc_id: str) -> tuple:
    """Document ids in reading order: frus1961-63v05:d2 before frus1961-63v05:d10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", doc_id))


def _terms_only(node) -> bool:
    """True when every positive leaf is a word or prefix: hits are then term frequencies."""
    if isinstance(node, (ast.Word, ast.Prefix)):
        return True
    if isinstance(node, ast.Phrase):
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
