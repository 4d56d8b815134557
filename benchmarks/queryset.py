"""The benchmark's query set: chosen from the ingested corpus itself with random.Random(42).

Kinds: single words, 2- and 3-word phrases, proximity ("a b"~5) and prefixes (blockad*), each
drawn from three frequency bands (common, middling, rare) of the corpus's own word and n-gram
frequency lists (search.stats.frequency_list). Every query is run in four variants: alone, with a
date range, with a speaker filter, and with both. The speaker is the person with the most index
entries; the date range is the five years around one of that speaker's dated entries, so that
the two filters together still select something.
"""
from __future__ import annotations

import bisect
import random
import re
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date

from search.engine import SearchEngine, SearchRequest
from search.stats import frequency_list

from .baselines import Entry, Filters, fts5_query

KINDS = ("word", "phrase2", "phrase3", "proximity", "prefix")
BANDS = ("common", "middling", "rare")
VARIANTS = ("alone", "date", "speaker", "date+speaker")
SLOP = 5
MAX_PREFIX_WORDS = 250        # the engine refuses a prefix matching more than 300 words
PLAIN_WORD = re.compile(r"[a-z]{2,}")
SEED = 42


@dataclass(frozen=True)
class BenchQuery:
    kind: str
    band: str
    words: tuple[str, ...]            # the word(s); for a prefix, the letters before the *
    frequency: int                    # of the word / n-gram / prefix words in the corpus
    slop: int = 0

    @property
    def text(self) -> str:
        """The query in the project's syntax."""
        if self.kind == "prefix":
            return f"{self.words[0]}*"
        if self.kind == "proximity":
            return f'"{" ".join(self.words)}"~{self.slop}'
        return f'"{" ".join(self.words)}"' if len(self.words) > 1 else self.words[0]

    @property
    def fts5(self) -> str:
        return fts5_query(self.kind, self.words, self.slop)


@dataclass(frozen=True)
class Variant:
    name: str
    date_from: str | None = None
    date_to: str | None = None
    speaker: str | None = None

    def request(self, query: str, **options) -> SearchRequest:
        return SearchRequest(query=query, date_from=self.date_from, date_to=self.date_to,
                             speaker=self.speaker, **options)


@dataclass
class QuerySet:
    queries: list[BenchQuery]
    variants: list[Variant]
    speaker_ids: frozenset[int]
    top_word: str

    def filters(self, variant: Variant) -> Filters:
        """The variant as the baselines apply it."""
        lo = date.fromisoformat(variant.date_from).toordinal() if variant.date_from else None
        hi = date.fromisoformat(variant.date_to).toordinal() if variant.date_to else None
        return Filters(self.speaker_ids if variant.speaker else None, lo, hi)

    def to_json(self) -> dict:
        return {"seed": SEED, "top_word": self.top_word, "speaker_ids": sorted(self.speaker_ids),
                "variants": [asdict(v) for v in self.variants],
                "queries": [{**asdict(q), "query": q.text, "fts5": q.fts5} for q in self.queries]}


def choose(engine: SearchEngine, entries: list[Entry], per_kind: int, speaker: tuple[str, frozenset[int]]
           ) -> QuerySet:
    """`per_kind` queries of every kind, spread over the bands; `speaker` is (name, person ids)."""
    rng = random.Random(SEED)
    vocabulary = _rows(engine, 1)
    words = _plain(vocabulary)
    grams = {2: _plain(_rows(engine, 2)), 3: _plain(_rows(engine, 3))}
    queries: list[BenchQuery] = []
    for kind in KINDS:
        for band, count in zip(BANDS, _split(per_kind)):
            queries.extend(_pick(kind, band, count, rng, words, grams, vocabulary))
    name, ids = speaker
    variants = _variants(entries, name, ids, rng)
    return QuerySet(queries, variants, ids, vocabulary[0][0])


def top_speaker(entries: list[Entry]) -> int:
    """The person id with the most index entries (0 when no entry has a speaker)."""
    counts = Counter(e.speaker for e in entries if e.speaker)
    return counts.most_common(1)[0][0] if counts else 0


def _rows(engine: SearchEngine, n: int) -> list[tuple[str, int]]:
    """(word or n-gram, frequency), most frequent first: every word; n-grams seen twice or more
    (at most the 300,000 most frequent)."""
    if n == 1:
        listing = frequency_list(engine, "", 1, 10 ** 9, n=1)
    else:
        listing = frequency_list(engine, "", 2, 300_000, n=n)
    return [(r.word, r.frequency) for r in listing.rows]


def _plain(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Rows made only of plain lower-case words (no digits, no inner punctuation)."""
    return [(g, f) for g, f in rows if all(PLAIN_WORD.fullmatch(w) for w in g.split())]


def _split(total: int) -> tuple[int, int, int]:
    """How many queries of each band: middling gets what does not divide evenly."""
    third = total // 3
    rest = total - 3 * third
    return third + (rest == 2), third + (rest >= 1), third


def _band(rows: list[tuple[str, int]], band: str) -> list[tuple[str, int]]:
    """Very common: the top 30; middling: ranks 1%..10% of the list; rare: the least frequent 20%."""
    if band == "common":
        return rows[:30]
    if band == "middling":
        return rows[max(30, len(rows) // 100):max(31, len(rows) // 10)]
    return rows[len(rows) * 4 // 5:] or rows[-1:]


def _pick(kind: str, band: str, count: int, rng: random.Random, words, grams, vocabulary) -> list[BenchQuery]:
    if count == 0:
        return []
    if kind == "word":
        pool = _band(words, band)
        return [BenchQuery(kind, band, (w,), f) for w, f in _sample(rng, pool, count)]
    if kind in ("phrase2", "phrase3"):
        pool = _band(grams[int(kind[-1])], band)
        return [BenchQuery(kind, band, tuple(g.split()), f) for g, f in _sample(rng, pool, count)]
    if kind == "proximity":
        pool = [(g, f) for g, f in _band(grams[2], band) if len(set(g.split())) == 2]
        return [BenchQuery(kind, band, tuple(g.split()), f, SLOP) for g, f in _sample(rng, pool, count)]
    return _prefixes(band, count, rng, words, vocabulary)


def _sample(rng: random.Random, pool: list, count: int) -> list:
    return rng.sample(pool, min(count, len(pool)))


def _prefixes(band: str, count: int, rng: random.Random, words, vocabulary) -> list[BenchQuery]:
    """Prefixes of words of the band: the word less its last three letters (at least three
    letters), when it expands to 2..MAX_PREFIX_WORDS words of the whole vocabulary."""
    frequency = dict(vocabulary)
    vocabulary = sorted(frequency)
    pool = [w for w, _ in _band(words, band) if len(w) >= 5]
    rng.shuffle(pool)
    out, seen = [], set()
    for word in pool:
        prefix = word[:max(3, len(word) - 3)]
        expansion = _expansion(vocabulary, prefix)
        if prefix in seen or not 2 <= len(expansion) <= MAX_PREFIX_WORDS:
            continue
        seen.add(prefix)
        out.append(BenchQuery("prefix", band, (prefix,), sum(frequency[w] for w in expansion)))
        if len(out) == count:
            break
    return out


def _expansion(vocabulary: list[str], prefix: str) -> list[str]:
    lo = bisect.bisect_left(vocabulary, prefix)
    hi = bisect.bisect_left(vocabulary, prefix + "\uffff")
    return vocabulary[lo:hi]


def _variants(entries: list[Entry], speaker: str | None, ids: frozenset[int], rng: random.Random) -> list[Variant]:
    """Alone, a five-year date range, the speaker, both."""
    spoken = [e for e in entries if e.speaker in ids and e.dstart] if ids else []
    dated = spoken or [e for e in entries if e.dstart]
    if dated:
        year = date.fromordinal(rng.choice(dated).dstart).year
        date_from, date_to = f"{year - 2}-01-01", f"{year + 2}-12-31"
    else:
        date_from = date_to = None
    return [Variant("alone"), Variant("date", date_from, date_to), Variant("speaker", speaker=speaker),
            Variant("date+speaker", date_from, date_to, speaker)]
