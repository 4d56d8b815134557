"""The token stream kept beside the index: every entry's words as integer ids, for word and n-gram
frequency lists and keywords over any sub-corpus without re-reading the catalog's text.

One SQLite file in the index folder (crisis-tokens.sqlite) holds a lexicon (id -> lower-case word,
the same word forms the index holds) and, per index entry, its words as a packed array of 32-bit
ids. Id 0 marks a sentence or clause end (. ! ? ; : or a paragraph break, but not the period
of "Mr." or "U.S."; also a period between two words with no space, "bases.The"), so that n-grams
never run across one; a hyphen or dash between words is no end ("non-nuclear" is the bigram
"non nuclear"). Writing happens inside the indexer's
update, so the store always describes what the index holds.

Counting is done with NumPy over the concatenated ids of the selected entries: one sort of the
n-gram keys gives every frequency and document range at once.
"""
from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np

from corpus.text import TOKEN_RE

from . import generations
from .errors import IndexBusy, IndexMissing, IndexOutdated

STORE_FILE = "crisis-tokens.sqlite"
BREAK = 0
MAX_N = 3
_CHUNK = 900              # SQLite host-parameter limit, with room to spare

# Words whose following period does not end a sentence ("Mr. Khrushchev", "Cde. Blas Roca").
ABBREVIATIONS = frozenset("""
    mr mrs ms messrs dr st gen adm col lt maj capt cdr cmdr sgt amb sen rep gov pres prof rev hon
    cde no nos vol vols pp ch art sec dept corp inc ltd jr sr cf viz ca approx op cit ibid fig
""".split())

SCHEMA = """
CREATE TABLE IF NOT EXISTS lexicon (id INTEGER PRIMARY KEY, word TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS unit (dseq INTEGER NOT NULL, ustart INTEGER NOT NULL, doc TEXT NOT NULL,
                                 ids BLOB NOT NULL, PRIMARY KEY (dseq, ustart));
CREATE INDEX IF NOT EXISTS unit_doc ON unit (doc);
"""


def words_with_breaks(text: str) -> list[str | None]:
    """The text's lower-case words (corpus.text's tokenizer, as the index has them), with None
    wherever a sentence or clause ends between two words."""
    return split_words(text)[1]


def split_words(text: str) -> tuple[list[str], list[str | None]]:
    """One tokenization of `text` for everything indexing needs: its lower-case words (exactly
    the index's terms, in position order) and the same words with None at sentence and clause
    ends (what the store keeps)."""
    parts = _WORD_SPLIT.split(text)          # gap, word, gap, word, ..., gap
    words = list(map(str.lower, parts[1::2]))
    return words, _with_breaks(words, parts[2:-1:2])


# TOKEN_RE with its match captured: re.split then finds the same matches as TOKEN_RE.finditer.
_WORD_SPLIT = re.compile(f"({TOKEN_RE.pattern})", TOKEN_RE.flags)
_NO_BREAK, _BREAK, _BREAK_UNLESS_ABBREVIATION = 0, 1, 2


def _with_breaks(words: list[str], gaps: list[str]) -> list[str | None]:
    """`words` with None inserted where the gap between two words ends a sentence;
    gaps[i] is the text between words[i] and words[i + 1]."""
    if not words:
        return []
    out: list[str | None] = [words[0]]
    for prev_word, gap, word in zip(words, gaps, words[1:]):
        if gap != " ":
            kind = _gap_kind(gap)
            if kind == _BREAK or (kind == _BREAK_UNLESS_ABBREVIATION and not _abbreviation(prev_word)):
                out.append(None)
        out.append(word)
    return out


@lru_cache(maxsize=4096)
def _gap_kind(gap: str) -> int:
    """Whether the text between two words ends a sentence: always, never, or unless the word
    before it is an abbreviation (a single period: "Mr. Khrushchev", "J. F. Kennedy")."""
    if "\n\n" in gap or any(c in gap for c in "!?;:"):
        return _BREAK
    if "." not in gap:
        return _NO_BREAK
    if gap.startswith(".") and not gap[1:].strip():
        return _BREAK_UNLESS_ABBREVIATION
    return _BREAK


def _abbreviation(word: str) -> bool:
    return word in ABBREVIATIONS or len(word) == 1 or "." in word


@dataclass
class NgramCounts:
    """Frequencies and document ranges of the n-grams of a selection of entries."""
    keys: np.ndarray          # (k, n) word ids, one row per distinct n-gram
    frequency: np.ndarray     # (k,)
    range: np.ndarray         # (k,) documents holding it
    tokens: int               # words in the selection


class TokenStore:
    def __init__(self, folder: Path):
        self.path = Path(folder) / STORE_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None)
        # Write-ahead log: readers (the web's frequency lists) never wait for an ingest's writes.
        conn.execute("PRAGMA journal_mode=WAL")
        conn.executescript(SCHEMA)
        return conn

    # ------------------------------------------------------------ writing

    def writer(self) -> "StoreWriter":
        return StoreWriter(self.connect())

    # ------------------------------------------------------------ reading

    def generation(self) -> tuple:
        """Changes whenever the store is written (for caching what was counted from it)."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return (str(self.path), None)
        return (str(self.path), stat.st_mtime_ns, stat.st_size, stat.st_ino)

    @contextmanager
    def _reading(self):
        """A read-only connection; SQLite's own errors become the index errors callers handle."""
        if not self.path.exists():
            raise IndexOutdated("the index has no token table (it was built by an older version of "
                               "crisis-corpus); run `corpus reindex`")
        conn = None
        try:
            conn = sqlite3.connect(f"file:{self.path}?{generations.read_only_uri_mode(self.path)}", uri=True)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()     # "not a database"?
            generations.verify_part(self.path.parent, generations.is_token_store, "tokens")
            yield conn
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise IndexBusy("the token store is being written by an ingest; try again in a moment") from None
            raise IndexMissing(f"the token store cannot be read ({exc}); run `corpus check --repair`") from None
        except sqlite3.DatabaseError as exc:
            raise IndexMissing(f"the token store cannot be read ({exc}); run `corpus check --repair`") from None
        finally:
            if conn is not None:
                conn.close()

    def count(self, selection: dict[int, set[int] | None] | None, n: int) -> NgramCounts:
        """Count the n-grams (n = 1 for words) of the selected entries: `selection` maps a
        document seq to the entry starts chosen in it (None = all of its entries); None selects
        every entry of the store."""
        with self._reading() as conn:
            ids, docs = _gather(conn, selection)
        return _count(ids, docs, n)

    def words(self, ids: Iterable[int]) -> dict[int, str]:
        """Word id -> word."""
        return self._lookup("id", "word", sorted({int(i) for i in ids}))

    def ids_of(self, words: Iterable[str]) -> dict[str, int]:
        """Word -> id, for the words the store holds."""
        return self._lookup("word", "id", sorted(set(words)))

    def _lookup(self, key: str, value: str, keys: list) -> dict:
        out: dict = {}
        with self._reading() as conn:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i:i + _CHUNK]
                out.update(conn.execute(f"SELECT {key}, {value} FROM lexicon WHERE {key} IN "
                                        f"({','.join('?' * len(chunk))})", chunk))
        return out


class StoreWriter:
    """One transaction over the store: delete documents, add entries, then commit or roll back."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.conn.execute("BEGIN")
        self.lexicon: dict[str | None, int] = dict(conn.execute("SELECT word, id FROM lexicon"))
        self.next_id = len(self.lexicon) + 1
        self.lexicon[None] = BREAK
        self.new_words: list[tuple[int, str]] = []

    def delete_documents(self, doc_ids: Iterable[str]) -> None:
        self.conn.executemany("DELETE FROM unit WHERE doc = ?", ((d,) for d in doc_ids))

    def add(self, doc_id: str, dseq: int, ustart: int, text: str) -> None:
        self.add_stream(doc_id, dseq, ustart, words_with_breaks(text))

    def add_stream(self, doc_id: str, dseq: int, ustart: int, stream: list[str | None]) -> None:
        """Store one entry's words_with_breaks (already computed by the caller)."""
        if not stream:
            return
        lookup = self.lexicon.get
        ids = [lookup(w) for w in stream]
        if None in ids:
            ids = [self._new_id(w) if i is None else i for w, i in zip(stream, ids)]
        self.conn.execute("INSERT OR REPLACE INTO unit (dseq, ustart, doc, ids) VALUES (?, ?, ?, ?)",
                          (dseq, ustart, doc_id, np.array(ids, dtype="<u4").tobytes()))

    def _new_id(self, word: str) -> int:
        """The id of a word not in the lexicon yet (the same word twice in one entry gets one id)."""
        found = self.lexicon.get(word)
        if found is None:
            found = self.lexicon[word] = self.next_id
            self.next_id += 1
            self.new_words.append((found, word))
        return found

    def commit(self) -> None:
        self.conn.executemany("INSERT INTO lexicon (id, word) VALUES (?, ?)", self.new_words)
        self.conn.execute("COMMIT")
        # Everything into the main file, so that its checksum (the index manifest) covers it.
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    def rollback(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def _gather(conn: sqlite3.Connection, selection) -> tuple[np.ndarray, np.ndarray]:
    """The selected entries' ids concatenated (a break after each entry) and, for each id, the
    ordinal (0, 1, ...) of the document it comes from: non-decreasing, since entries are read in
    document order."""
    rows = list(_rows(conn, selection))
    if not rows:
        return np.zeros(0, dtype=np.uint32), np.zeros(0, dtype=np.int64)
    blobs = [blob for _dseq, _ustart, blob in rows]
    ids = np.frombuffer(BREAK_BYTES.join(blobs) + BREAK_BYTES, dtype="<u4").astype(np.uint32, copy=False)
    seqs = np.fromiter((dseq for dseq, _ustart, _blob in rows), dtype=np.int64, count=len(rows))
    ordinals = np.concatenate(([0], np.cumsum(seqs[1:] != seqs[:-1])))
    lengths = np.fromiter(map(len, blobs), dtype=np.int64, count=len(blobs)) // 4 + 1
    return ids, np.repeat(ordinals, lengths)


BREAK_BYTES = np.zeros(1, dtype="<u4").tobytes()


def _rows(conn: sqlite3.Connection, selection):
    if selection is None:
        yield from conn.execute("SELECT dseq, ustart, ids FROM unit ORDER BY dseq, ustart")
        return
    seqs = sorted(selection)
    for i in range(0, len(seqs), _CHUNK):
        chunk = seqs[i:i + _CHUNK]
        rows = conn.execute(f"SELECT dseq, ustart, ids FROM unit WHERE dseq IN ({','.join('?' * len(chunk))}) "
                            "ORDER BY dseq, ustart", chunk)
        for dseq, ustart, blob in rows:
            starts = selection[dseq]
            if starts is None or ustart in starts:
                yield dseq, ustart, blob


def _count(ids: np.ndarray, docs: np.ndarray, n: int) -> NgramCounts:
    if not 1 <= n <= MAX_N:
        raise ValueError(f"n must be 1 to {MAX_N}")
    words = ids != BREAK
    tokens = int(words.sum())
    documents = int(docs[-1]) + 1 if len(docs) else 0
    empty = NgramCounts(np.zeros((0, n), np.uint32), np.zeros(0, np.int64), np.zeros(0, np.int64), tokens)
    if len(ids) < n:
        return empty
    length = len(ids) - n + 1
    valid = np.ones(length, dtype=bool)
    for i in range(n):
        valid &= words[i:i + length]
    if not valid.any():
        return empty
    base = int(ids.max()) + 1
    if base ** n >= 2 ** 63:
        return _count_by_columns(ids, docs, n, length, valid, tokens)
    keys = ids[:length][valid].astype(np.int64)
    for i in range(1, n):
        keys *= base
        keys += ids[i:i + length][valid]
    unique_keys, frequency = _runs(np.sort(keys))
    range_ = _ranges(keys, docs[:length][valid], base ** n, documents)
    columns = []
    rest = unique_keys.copy()
    for _ in range(n):
        columns.append((rest % base).astype(np.uint32))
        rest //= base
    keys2d = np.stack(columns[::-1], axis=1)
    return NgramCounts(keys2d, frequency, range_, tokens)


def _runs(sorted_values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs."""
    starts = np.flatnonzero(np.concatenate(([True], sorted_values[1:] != sorted_values[:-1])))
    return sorted_values[starts], np.diff(np.append(starts, len(sorted_values))).astype(np.int64)


def _ranges(keys: np.ndarray, gram_docs: np.ndarray, key_space: int, documents: int) -> np.ndarray:
    """For each distinct key (in sorted order), the number of documents it occurs in.

    Sorting values, not indices, is what keeps this fast: each (key, document) pair is packed
    into one integer, so one sort brings equal pairs together. When the packed pairs of every
    document do not fit in 63 bits, documents are taken in groups that do."""
    group = max(1, (2 ** 63 - 1) // key_space)
    distinct = []
    for first in range(0, documents, group):
        lo, hi = np.searchsorted(gram_docs, [first, first + group])
        pairs = np.sort(keys[lo:hi] * min(group, documents) + (gram_docs[lo:hi] - first))
        once = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        distinct.append(once // min(group, documents))
    return _runs(np.sort(np.concatenate(distinct)) if len(distinct) > 1 else distinct[0])[1]


def _count_by_columns(ids, docs, n, length, valid, tokens) -> NgramCounts:
    """The same counts for a lexicon too large to pack n ids into one integer."""
    columns = [ids[i:i + length][valid] for i in range(n)]
    gram_docs = docs[:length][valid]
    order = np.lexsort((gram_docs, *reversed(columns)))
    columns = [c[order] for c in columns]
    gram_docs = gram_docs[order]
    new_gram = np.zeros(len(gram_docs), dtype=bool)
    new_gram[0] = True
    for c in columns:
        new_gram[1:] |= c[1:] != c[:-1]
    new_doc = new_gram.copy()
    new_doc[1:] |= gram_docs[1:] != gram_docs[:-1]
    starts = np.flatnonzero(new_gram)
    frequency = np.diff(np.append(starts, len(gram_docs))).astype(np.int64)
    range_ = np.add.reduceat(new_doc.astype(np.int64), starts)
    return NgramCounts(np.stack([c[starts] for c in columns], axis=1), frequency, range_, tokens)
