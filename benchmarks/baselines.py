"""The two baselines the engine is measured against, built from the same index entries.

- SQLite FTS5 over an external-content table with one row per index entry.
- Brute force: every entry text in memory, one compiled regular expression per query.

Both see exactly what the index sees: the entries of search.indexer.units_of(doc), in the
engine's date order (undated last, then document seq, then offset), so "the first 50 hits" mean
the same thing everywhere. Filters follow the engine: a speaker filter keeps entries whose
speaker is one of the persons the name resolves to; a date filter keeps an entry when its
document is dated (dstart != 0) and dstart >= from and dend <= to (ordinals).
"""
from __future__ import annotations

import bisect
import heapq
import re
import sqlite3
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterator

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from corpus.db import Catalog
from corpus.models import Document, Person, PersonAlias
from corpus.people import alias_key
from corpus.text import TOKEN_RE, count_tokens
from search.indexer import units_of

UNDATED = 10 ** 9          # undated entries sort after every date, as in the engine
PAGE = 50                  # KWIC lines per page, for every contender
CONTEXT_CHARS = 60         # brute force KWIC context each side
LOAD_BATCH = 500


# ---------------------------------------------------------------- entries


@dataclass(slots=True)
class Entry:
    """One index entry: its text and what a filter or a facet needs."""
    text: str
    doc_id: str
    seq: int
    offset: int        # start of the entry in its document's text
    source: str
    speaker: int       # person id, 0 for none
    dstart: int        # date ordinals, 0 when undated
    dend: int
    tokens: int

    @property
    def year(self) -> int:
        return date.fromordinal(self.dstart).year if self.dstart else 0


@dataclass
class Entries:
    items: list[Entry]
    doc_texts: dict[str, str]          # document id -> text (KWIC context across entries)
    seconds: float


def load_entries(catalog: Catalog) -> Entries:
    """Every index entry of the catalog, in the engine's date order."""
    started = time.perf_counter()
    items: list[Entry] = []
    texts: dict[str, str] = {}
    with catalog.session() as s:
        seqs = list(s.scalars(select(Document.seq).order_by(Document.seq)))
    for first in range(0, len(seqs), LOAD_BATCH):
        batch = seqs[first:first + LOAD_BATCH]
        with catalog.session() as s:
            docs = s.scalars(select(Document).where(Document.seq.in_(batch)).options(
                selectinload(Document.passages), selectinload(Document.source))).all()
            for doc in docs:
                texts[doc.id] = doc.text
                items.extend(_entries_of(doc))
    items.sort(key=lambda e: (e.dstart or UNDATED, e.seq, e.offset))
    return Entries(items, texts, time.perf_counter() - started)


def _entries_of(doc: Document) -> Iterator[Entry]:
    dstart = doc.date_start.toordinal() if doc.date_start else 0
    dend = doc.date_end.toordinal() if doc.date_end else 0
    for unit in units_of(doc):
        text = doc.text[unit.start:unit.end]
        yield Entry(text, doc.id, doc.seq, unit.start, doc.source.key, unit.speaker_id, dstart, dend,
                    count_tokens(text))


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    """A request's speaker and date filters in the form both baselines apply."""
    speaker_ids: frozenset[int] | None = None      # None: no speaker filter
    date_from: int | None = None                   # ordinals; None: no date filter
    date_to: int | None = None

    def keeps(self, entry: Entry) -> bool:
        if self.speaker_ids is not None and entry.speaker not in self.speaker_ids:
            return False
        if self.date_from is not None or self.date_to is not None:
            lo, hi = self.date_from or 1, self.date_to or UNDATED
            return entry.dstart != 0 and entry.dstart >= lo and entry.dend <= hi
        return True


def person_ids(catalog: Catalog, name: str) -> frozenset[int]:
    """The persons a speaker filter means, resolved as search.engine does: any alias with the same
    alias key, or the canonical name itself."""
    key = alias_key(name)
    with catalog.session() as s:
        ids = set(s.scalars(select(PersonAlias.person_id).where(PersonAlias.key == key)))
        ids |= set(s.scalars(select(Person.id).where(Person.name == name)))
    return frozenset(ids)


# ---------------------------------------------------------------- regular expressions


# Whole tokens of corpus.text.TOKEN_RE, written out as look-arounds rather than by tokenizing: a
# token stands between non-word characters and is not glued to a neighbour by an inner
# apostrophe (don't), a period between digits (3.5) or, for single letters, a period to another
# single letter (U.S.S.R.). Hyphens, dashes and other periods separate tokens.
_LETTER = r"[^\W\d_]"
# A single letter that starts a token (not glued to a word before it), followed by a period.
_OPEN_LETTER_DOT = rf"(?<!\w)(?<!\w'){_LETTER}\."
_ABBREVIATION = re.compile(rf"{_LETTER}(?:\.{_LETTER})+")


def _starts(word: str) -> str:
    """Look-behinds, placed after `word`'s literal, that make sure it starts a token."""
    w = re.escape(word)
    checks = rf"(?<!\w)(?<!\w')"
    if word[:1].isdigit():
        checks += r"(?<!\d\.)"
    if re.match(rf"{_LETTER}(?:$|['.])", word):
        checks += rf"(?<!{_OPEN_LETTER_DOT})"      # not the S of U.S.
    return rf"(?<={checks}{w})"


def _ends(token_shape: str, last: str = "") -> str:
    """Look-aheads after a token of the given shape ("abbreviation" or "word", whose last character
    is `last`) that make sure it ends there."""
    if token_shape == "abbreviation":
        return rf"(?!\w)(?!\.{_LETTER}(?!\w))"
    checks = r"(?!\w)(?!'\w)"
    if last.isdigit():
        checks += r"(?!\.\d)"
    return checks


def _literal(word: str) -> str:
    """A whole-token literal: the word first (the regex engine finds literals fastest), then
    look-behinds that make sure it starts a token and look-aheads that it ends there."""
    single = len(word) == 1 and bool(re.match(_LETTER, word))
    shape = "abbreviation" if _ABBREVIATION.fullmatch(word) else "word"
    ends = _ends(shape, word[-1:]) + (_ends("abbreviation") if single else "")
    return re.escape(word) + _starts(word) + ends


def word_regex(word: str) -> re.Pattern:
    return re.compile(_literal(word), re.IGNORECASE)


def phrase_regex(words) -> re.Pattern:
    """Consecutive whole tokens: any non-word characters between them, so "Soviet Union-and" holds
    the phrase "soviet union" and "non-nuclear" is the phrase "non nuclear"."""
    return re.compile(r"\W+".join(_literal(w) for w in words), re.IGNORECASE)


def prefix_regex(prefix: str) -> re.Pattern:
    """Whole tokens starting with `prefix`: abbreviations (u.s* -> U.S., U.S.S.R.) or words."""
    head = re.escape(prefix) + _starts(prefix)
    if re.fullmatch(rf"{_LETTER}(?:\.{_LETTER})*\.?", prefix) and "." in prefix:
        tail = rf"{_LETTER}(?:\.{_LETTER})*" if prefix.endswith(".") else rf"(?:\.{_LETTER})*"
        return re.compile(head + tail + _ends("abbreviation"), re.IGNORECASE)
    # A word: more word characters, apostrophes and digit periods; it cannot end in ' or . .
    tail = r"\w*(?:(?:'|(?<=\d)\.(?=\d))\w+)*(?<!['.])"
    return re.compile(head + tail + r"(?!\w)(?!'\w)(?!(?<=\d)\.\d)", re.IGNORECASE)


def regex_spans(pattern: re.Pattern, text: str, overlapping: bool = False) -> Iterator[tuple[int, int]]:
    """(start, end) of every match; `overlapping` restarts one character after each match start
    (a phrase such as "very very" matches twice in "very very very", as token positions do)."""
    if not overlapping:
        for m in pattern.finditer(text):
            yield m.span()
        return
    m = pattern.search(text)
    while m:
        yield m.span()
        m = pattern.search(text, m.start() + 1)


def proximity_pairs(tokens: list[str], a: str, b: str, slop: int) -> list[tuple[int, int]]:
    """Token position spans (first, last) of every pair (i: a, j: b) with 1 <= |i - j| <= slop + 1,
    the hits of "a b"~slop; sorted."""
    where_b = [j for j, t in enumerate(tokens) if t == b]
    out = []
    for i, t in enumerate(tokens):
        if t != a:
            continue
        lo = bisect.bisect_left(where_b, i - slop - 1)
        hi = bisect.bisect_right(where_b, i + slop + 1)
        out.extend((min(i, j), max(i, j)) for j in where_b[lo:hi] if j != i)
    return sorted(set(out))


# ---------------------------------------------------------------- brute force


@dataclass
class KwicLine:
    doc_id: str
    start: int          # character offsets in the document's text
    end: int
    left: str
    match: str
    right: str


@dataclass
class BruteResult:
    hits: int
    lines: list[KwicLine] = field(default_factory=list)


class BruteForce:
    """Every entry in memory; each query scans the entries that pass the filters."""

    def __init__(self, entries: Entries):
        started = time.perf_counter()
        self.entries = entries.items
        self.doc_texts = entries.doc_texts
        self.tokens = sum(e.tokens for e in self.entries)
        self.seconds = time.perf_counter() - started + entries.seconds

    def selected(self, filters: Filters) -> list[Entry]:
        if filters == Filters():
            return self.entries
        return [e for e in self.entries if filters.keeps(e)]

    def search(self, kind: str, words: tuple[str, ...], slop: int, filters: Filters) -> BruteResult:
        """Count every hit and cut KWIC lines for the first PAGE, in date order."""
        spans_of = self.matcher(kind, words, slop)
        result = BruteResult(0)
        for entry in self.selected(filters):
            spans = spans_of(entry.text)
            if not spans:
                continue
            result.hits += len(spans)
            for start, end in spans[:PAGE - len(result.lines)]:
                result.lines.append(self._line(entry, start, end))
        return result

    def matcher(self, kind: str, words: tuple[str, ...], slop: int = 0):
        """entry text -> sorted (start, end) character spans of the hits in it."""
        if kind == "proximity":
            return self._proximity_matcher(words, slop)
        if kind == "prefix":
            pattern, overlapping = prefix_regex(words[0]), False
        elif len(words) == 1:
            pattern, overlapping = word_regex(words[0]), False
        else:
            pattern, overlapping = phrase_regex(words), words[0] in words[1:]
        return lambda text: list(regex_spans(pattern, text, overlapping))

    @staticmethod
    def _proximity_matcher(words: tuple[str, ...], slop: int):
        a, b = words
        has_a, has_b = word_regex(a), word_regex(b)

        def spans(text: str) -> list[tuple[int, int]]:
            if not (has_a.search(text) and has_b.search(text)):
                return []
            found = list(TOKEN_RE.finditer(text))
            pairs = proximity_pairs([m.group().lower() for m in found], a, b, slop)
            return [(found[i].start(), found[j].end()) for i, j in pairs]
        return spans

    def _line(self, entry: Entry, start: int, end: int) -> KwicLine:
        text = self.doc_texts[entry.doc_id]
        s, e = entry.offset + start, entry.offset + end
        return KwicLine(entry.doc_id, s, e, _flat(text[max(0, s - CONTEXT_CHARS):s]), _flat(text[s:e]),
                        _flat(text[e:e + CONTEXT_CHARS]))

    def context_sorted(self, word: str, depth: int = 2) -> tuple[int, list[KwicLine]]:
        """Every hit of `word` keyed by the next word, then the one after (then date, document,
        offset); returns (hits, the PAGE smallest as lines). Only the page is kept in memory."""
        pattern = word_regex(word)
        hits = [0]

        def keyed():
            for i, entry in enumerate(self.entries):
                text = self.doc_texts[entry.doc_id]
                for start, end in regex_spans(pattern, entry.text):
                    hits[0] += 1
                    yield (_next_words(text, entry.offset + end, depth), entry.dstart or UNDATED, entry.seq,
                           entry.offset + start, i, end - start)
        page = heapq.nsmallest(PAGE, keyed())
        lines = [self._line(self.entries[i], at - self.entries[i].offset, at - self.entries[i].offset + length)
                 for *_, at, i, length in page]
        return hits[0], lines

    def distribution_by_year(self, kind: str, words: tuple[str, ...], slop: int = 0) -> dict[str, dict]:
        """Hits and own tokens per year, keyed as search.stats labels them (a date spanning two
        years: "dated wider than one year"; no date: "undated")."""
        spans_of = self.matcher(kind, words, slop)
        rows: dict[str, dict] = {}
        for entry in self.entries:
            key = _year_label(entry)
            row = rows.setdefault(key, {"hits": 0, "tokens": 0})
            row["tokens"] += entry.tokens
            row["hits"] += len(spans_of(entry.text))
        return {k: v for k, v in rows.items() if v["hits"]}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _next_words(text: str, pos: int, depth: int) -> tuple[str, ...]:
    out = []
    for m in TOKEN_RE.finditer(text, pos):
        out.append(m.group().lower())
        if len(out) == depth:
            break
    return tuple(out + [""] * (depth - len(out)))


def _year_label(entry: Entry) -> str:
    if not entry.dstart:
        return "undated"
    first = date.fromordinal(entry.dstart).year
    last = date.fromordinal(entry.dend or entry.dstart).year
    return str(first) if first == last else "dated wider than one year"


# ---------------------------------------------------------------- SQLite FTS5


@dataclass
class FtsResult:
    rows: int                              # matching entries (FTS5 counts rows, not occurrences)
    facets: dict[str, dict]
    page: list[tuple[str, str]]            # (document id, snippet)


class Fts5:
    """FTS5 over an external-content table `entry`, rowids in the engine's date order (so ORDER BY
    rowid is date order and FTS5 can stop after the page)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.db: sqlite3.Connection | None = None
        self.seconds = 0.0

    def build(self, entries: Entries) -> None:
        started = time.perf_counter()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        db = sqlite3.connect(self.path)
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE entry(body TEXT, doc TEXT, source TEXT, speaker INTEGER, dstart INTEGER, "
                   "dend INTEGER, year INTEGER)")
        db.executemany("INSERT INTO entry(rowid, body, doc, source, speaker, dstart, dend, year) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       ((i, e.text, e.doc_id, e.source, e.speaker, e.dstart, e.dend, e.year)
                        for i, e in enumerate(entries.items, start=1)))
        db.execute("CREATE VIRTUAL TABLE fts USING fts5(body, content='entry', content_rowid='rowid', "
                   "tokenize='unicode61')")
        db.execute("INSERT INTO fts(fts) VALUES('rebuild')")
        db.commit()
        self.db = db
        self.seconds = time.perf_counter() - started + entries.seconds

    def sizes(self) -> dict[str, int]:
        index_bytes = self.db.execute("SELECT sum(length(block)) FROM fts_data").fetchone()[0] or 0
        return {"file_bytes": self.path.stat().st_size, "fts_index_bytes": index_bytes}

    def search(self, match: str, filters: Filters) -> FtsResult:
        where, params = _sql_filters(filters)
        grouped = self.db.execute(
            "SELECT e.source, e.year, e.speaker, count(*) FROM fts JOIN entry e ON e.rowid = fts.rowid "
            f"WHERE fts MATCH ?{where} GROUP BY 1, 2, 3", (match, *params)).fetchall()
        facets: dict[str, dict] = {"source": {}, "year": {}, "speaker": {}}
        for source, year, speaker, n in grouped:
            for name, value in (("source", source), ("year", year or "undated"), ("speaker", speaker)):
                facets[name][value] = facets[name].get(value, 0) + n
        page = self.db.execute(
            "SELECT e.doc, snippet(fts, 0, '[', ']', '…', 16) FROM fts JOIN entry e ON e.rowid = fts.rowid "
            f"WHERE fts MATCH ?{where} ORDER BY fts.rowid LIMIT {PAGE}", (match, *params)).fetchall()
        return FtsResult(sum(n for *_, n in grouped), facets, page)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def _sql_filters(filters: Filters) -> tuple[str, list]:
    where, params = "", []
    if filters.speaker_ids is not None:
        ids = sorted(filters.speaker_ids)
        where += f" AND e.speaker IN ({', '.join('?' * len(ids))})" if ids else " AND 0"
        params += ids
    if filters.date_from is not None or filters.date_to is not None:
        where += " AND e.dstart != 0 AND e.dstart >= ? AND e.dend <= ?"
        params += [filters.date_from or 1, filters.date_to or UNDATED]
    return where, params


def fts5_query(kind: str, words: tuple[str, ...], slop: int = 0) -> str:
    """The FTS5 MATCH string of a benchmark query. NEAR's number is the count of tokens allowed
    between the two words, which is what "a b"~slop allows (positions at most slop + 1 apart)."""
    quoted = " ".join(f'"{w}"' for w in words)
    if kind == "prefix":
        return f"{words[0]}*"
    if kind == "proximity":
        return f"NEAR({quoted}, {slop})"
    return f'"{" ".join(words)}"' if len(words) > 1 else quoted
