"""Comparison statistics over search results. First: the distribution of a query's hits over a facet.

Token counts come from the index's per-entry token column (written at indexing time), so a
distribution reads integer columns and never re-reads document text.

Per million words of a facet value: hits / tokens × 1,000,000, where tokens are the words of the
entries that have that value and pass the request's filters.
"""
from __future__ import annotations


import math
import copy
from collections import Counter, OrderedDict, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache, wraps
from pathlib import Path

import numpy as np

from .engine import SearchEngine, SearchRequest
from .errors import SearchError
from .tokenstore import NgramCounts

DISTRIBUTION_FACETS = ("speaker", "participant", "source", "archive", "language", "type", "year", "month", "day")
CHRONOLOGICAL = ("year", "month", "day")
NONE_LABEL = "(none)"
UNDATED_LABEL = "undated"
SPANS = "spans"     # key of entries whose date is wider than one period of the distribution
SPANS_LABEL = "dated wider than one {by}"
_SPANS_LABELS = frozenset(SPANS_LABEL.format(by=by) for by in CHRONOLOGICAL)


def is_spans_label(value: str) -> bool:
    """True for the row of hits whose document date is wider than one period (no single period
    holds them, so they have no place on a timeline and no date filter)."""
    return value in _SPANS_LABELS


@dataclass
class DistributionRow:
    value: str
    hits: int
    documents: int
    tokens: int
    per_million: float


@dataclass
class Distribution:
    query: str
    by: str
    total_hits: int
    total_tokens: int
    rows: list[DistributionRow]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def per_million(hits: int, tokens: int) -> float:
    return round(hits / tokens * 1_000_000, 3) if tokens else 0.0


def _one_generation(function):
    """Run a statistic on one index generation (SearchEngine.caught_up): its several reads of
    entries and columns never straddle an index published meanwhile."""
    @wraps(function)
    def on_one_generation(engine: SearchEngine, *args, **kwargs):
        return engine.caught_up(lambda: function(engine, *args, **kwargs))
    return on_one_generation


@_one_generation
def distribution(engine: SearchEngine, request: SearchRequest, by: str, all_values: bool = False) -> Distribution:
    """Hits, documents with a hit, own token count and hits per million words for each value of
    a facet; with `all_values`, values the query misses are listed with zero hits."""
    if by not in DISTRIBUTION_FACETS:
        raise SearchError(f"cannot distribute by {by!r}; choose one of {', '.join(DISTRIBUTION_FACETS)}")
    matched = engine.match(request)
    if by == "participant":
        hits, docs, tokens = _counts_by_participant(engine, matched)
    else:
        hits, docs, tokens = _counts_by_key(engine, matched, by)
    labels = _labels(engine, by, set(tokens) | set(hits))
    keys = set(tokens) | set(hits) if all_values else set(hits)
    missing = UNDATED_LABEL if by in CHRONOLOGICAL else NONE_LABEL
    rows = [DistributionRow(labels.get(k, missing), hits[k], docs[k], tokens.get(k, 0),
                            per_million(hits[k], tokens.get(k, 0))) for k in keys]
    if by in CHRONOLOGICAL:
        rows.sort(key=lambda r: (not r.value[:1].isdigit(), r.value == UNDATED_LABEL, r.value))
    else:
        rows.sort(key=lambda r: (-r.hits, r.value))
    multi = by == "participant"    # a hit counts under each participant of its document
    return Distribution(query=request.query, by=by,
                        total_hits=sum(u.hits for u in matched.units) if multi else sum(hits.values()),
                        total_tokens=_tokens_total(engine, matched.allowed) if multi else sum(tokens.values()),
                        rows=rows, warnings=matched.warnings)


def _counts_by_participant(engine: SearchEngine, matched) -> tuple[Counter, Counter, Counter]:
    """Hits, documents and words per participant: a document counts under each of its participants."""
    keys_of = _facet_keys(engine, "participant")
    hits, docs = Counter(), defaultdict(set)
    dseq = engine.columns()["dseq"]
    for unit in matched.units:
        for key in keys_of(unit.docnum):
            hits[key] += unit.hits
            docs[key].add(dseq[unit.docnum])
    return hits, Counter({k: len(v) for k, v in docs.items()}), _tokens_by_value(engine, keys_of, matched.allowed)


def _counts_by_key(engine: SearchEngine, matched, by: str) -> tuple[Counter, Counter, Counter]:
    """Hits, documents and words per value of a one-valued facet, counted over columns at once."""
    codes, keys = _key_codes(engine, by)
    cols = engine.columns()
    chosen = codes[matched.docnums]
    hits = np.bincount(chosen, weights=matched.hits) if len(chosen) else np.zeros(0)
    pairs = np.unique((chosen.astype(np.int64) << 32) | cols.np("dseq")[matched.docnums])
    docs = np.bincount((pairs >> 32).astype(np.int64)) if len(pairs) else np.zeros(0)
    live = np.asarray(engine.live_docnums(), dtype=np.int64)
    if matched.mask is not None:
        live = live[matched.mask[live]]
    words = np.bincount(codes[live], weights=cols.np("utok")[live]) if len(live) else np.zeros(0)

    def counter(values) -> Counter:
        return Counter({keys(code): int(values[code]) for code in np.flatnonzero(values).tolist()})
    return counter(hits), counter(docs), counter(words)


def _key_codes(engine: SearchEngine, by: str):
    """Per docnum, a small integer standing for the entry's facet value, and code -> value
    (cached with the index's columns)."""
    cols = engine.columns()
    cache = f"_codes_{by}"
    if cache not in cols.data:
        if by in CHRONOLOGICAL:
            key_of = _facet_key(engine, by)
            values: dict = {}
            codes = np.fromiter((values.setdefault(key_of(d), len(values)) for d in range(len(cols["dseq"]))),
                                dtype=np.int64, count=len(cols["dseq"]))
            names = list(values)
            cols.data[cache] = (codes, names.__getitem__)
        else:
            column = {"speaker": "speaker", "source": "source", "archive": "archive", "language": "lang",
                      "type": "dtype"}[by]
            cols.data[cache] = (cols.np(column).astype(np.int64), int)
    return cols.data[cache]


def _tokens_by_value(engine: SearchEngine, keys_of, allowed) -> Counter:
    """Words per facet value over every live entry that passes the filters."""
    utok = engine.columns()["utok"]
    totals = Counter()
    for docnum in engine.live_docnums():
        if allowed is None or allowed(docnum):
            for key in keys_of(docnum):
                totals[key] += utok[docnum]
    return totals


def _tokens_total(engine: SearchEngine, allowed) -> int:
    """Words in the searched corpus: every live entry passing the filters."""
    return sum(_tokens_by_value(engine, lambda _docnum: (0,), allowed).values())


def _facet_keys(engine: SearchEngine, by: str):
    """docnum -> the facet values of that index entry (several for participants)."""
    if by == "participant":
        dseq = engine.columns()["dseq"]
        people = engine.participants_by_document()
        return lambda docnum: people.get(dseq[docnum]) or (0,)
    key_of = _facet_key(engine, by)
    return lambda docnum: (key_of(docnum),)


def _facet_key(engine: SearchEngine, by: str):
    cols = engine.columns()
    if by in CHRONOLOGICAL:
        dstart, dend = cols["dstart"], cols["dend"]
        width = {"year": 4, "month": 7, "day": 10}[by]
        cache: dict[int, str] = {}

        def period(ordinal: int) -> str:
            if ordinal not in cache:
                cache[ordinal] = date.fromordinal(ordinal).isoformat()[:width]
            return cache[ordinal]

        def chronological(docnum: int):
            """The period holding the document's whole date, as a date filter for it would;
            a date spanning two periods (November 15 and 17; a month, by day) goes to SPANS."""
            if not dstart[docnum]:
                return 0
            first = period(dstart[docnum])
            return first if period(dend[docnum] or dstart[docnum]) == first else SPANS
        return chronological
    column = cols[{"speaker": "speaker", "source": "source", "archive": "archive", "language": "lang",
                   "type": "dtype"}[by]]
    return column.__getitem__


def _labels(engine: SearchEngine, by: str, keys) -> dict:
    if by in CHRONOLOGICAL:
        return {k: (SPANS_LABEL.format(by=by) if k == SPANS else k) for k in keys if k}
    ids = [k for k in keys if k]
    if by in ("speaker", "participant"):
        return engine.person_names(ids)
    if by == "source":
        return engine.source_keys(ids)
    facet = {"language": "lang", "type": "type", "archive": "archive"}[by]
    return engine.codes().names(facet)


# ---------------------------------------------------------------- collocates

COLLOCATE_MEASURES = ("log_dice", "mi", "t_score", "log_likelihood", "cooccurrences", "frequency")
MAX_COLLOCATION_HITS = 50_000


@dataclass
class CollocateRow:
    word: str
    cooccurrences: int
    frequency: int
    mi: float
    t_score: float
    log_likelihood: float
    log_dice: float


@dataclass
class Collocates:
    query: str
    window_left: int
    window_right: int
    node_frequency: int
    corpus_tokens: int
    by: str
    rows: list[CollocateRow]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def association(cooc: int, node_slots: int, freq: int, tokens: int, node_freq: int) -> dict[str, float]:
    """The association measures of one collocate.

    With O = co-occurrences, slots = node frequency × window size, f = the collocate's frequency and
    N = corpus tokens (expected E = slots × f / N): MI = log2(O / E), t-score = (O − E) / √O and
    log-likelihood (Dunning's G² over the 2×2 table) are NLTK's BigramAssocMeasures pmi,
    student_t and likelihood_ratio with marginals (O, (slots, f), N) — Manning & Schütze 5.3;
    logDice = 14 + log2(2·O / (f(node) + f)) (Rychlý 2008)."""
    from nltk.metrics import BigramAssocMeasures as measures
    # In a small corpus the windows can hold more slots than the corpus has tokens outside the
    # collocate's other occurrences; the 2×2 table would get a negative cell (and a log of it).
    node_slots = max(cooc, min(node_slots, tokens - freq + cooc))
    marginals = (cooc, (node_slots, freq), tokens)
    return {
        "mi": round(measures.pmi(*marginals), 4),
        "t_score": round(measures.student_t(*marginals), 4),
        "log_likelihood": round(measures.likelihood_ratio(*marginals), 4),
        "log_dice": round(14 + math.log2(2 * cooc / (node_freq + freq)), 4),
    }


@_one_generation
def collocates(engine: SearchEngine, request: SearchRequest, left: int = 5, right: int = 5,
               by: str = "log_dice", min_cooccurrences: int = 2, limit: int = 50) -> Collocates:
    """Words co-occurring with the query's hits within `left`/`right` words, with their measures."""
    if by not in COLLOCATE_MEASURES:
        raise SearchError(f"cannot sort collocates by {by!r}; choose one of {', '.join(COLLOCATE_MEASURES)}")
    if not (0 <= left <= 20 and 0 <= right <= 20 and left + right > 0):
        raise SearchError("the window is 0–20 words on each side, and not 0 on both")
    return engine.caught_up(lambda: _collocates(engine, request, left, right, by, min_cooccurrences, limit))


def _collocates(engine: SearchEngine, request: SearchRequest, left: int, right: int, by: str,
                min_cooccurrences: int, limit: int) -> Collocates:
    matched = engine.match(request)
    node_freq = sum(u.hits for u in matched.units)
    if node_freq > MAX_COLLOCATION_HITS:
        raise SearchError(f"collocates work on up to {MAX_COLLOCATION_HITS:,} hits and this query has "
                          f"{node_freq:,}; narrow it with a phrase, a date range or a speaker")
    cooc = _window_counts(engine, matched, left, right)
    tokens = _tokens_total(engine, matched.allowed)
    candidates = [w for w, n in cooc.items() if n >= min_cooccurrences]
    freqs = _frequencies(engine, candidates, matched.allowed)
    slots = node_freq * (left + right)
    # A window can reach past the filtered entries (a neighbouring passage by another speaker):
    # a word is never counted as rarer than its co-occurrences.
    rows = [CollocateRow(word=w, cooccurrences=cooc[w], frequency=max(freqs[w], cooc[w]),
                         **association(cooc[w], slots, max(freqs[w], cooc[w]), tokens, node_freq))
            for w in candidates if freqs.get(w)]
    rows.sort(key=lambda r: (-getattr(r, by), r.word))
    return Collocates(query=request.query, window_left=left, window_right=right, node_frequency=node_freq,
                      corpus_tokens=tokens, by=by, rows=rows[:limit], warnings=matched.warnings)


def _window_counts(engine: SearchEngine, matched, left: int, right: int) -> Counter:
    """How many tokens of each word stand within the window of some hit (the hit's own words
    excluded). A token inside two overlapping windows counts once, so a word never co-occurs
    more often than it occurs."""
    from .kwic import around
    cols = engine.columns()
    spans = engine.hit_spans(matched, matched.docnums)
    docs = engine._documents({cols["dseq"][d] for d in spans})
    counts = Counter()
    seen: set[tuple[int, int]] = set()
    for docnum, unit_spans in spans.items():
        doc = docs[cols["dseq"][docnum]]
        for span in unit_spans:
            hit = around(doc.text, cols["ustart"][docnum], span.start, span.end, max(left, right))
            window = hit.left[len(hit.left) - left:] if left else []
            window += hit.right[:right]
            for a, b in window:
                if (doc.seq, a) not in seen:
                    seen.add((doc.seq, a))
                    counts[doc.text[a:b].lower()] += 1
    return counts


def _frequencies(engine: SearchEngine, words: list[str], allowed) -> dict[str, int]:
    """Each word's frequency in the searched corpus: from the index's term statistics, or inside
    a filter from the token store's counts over the filtered entries."""
    if allowed is None:
        reader = engine.searcher().reader()
        return {w: int(reader.frequency("text", w)) for w in words}
    selection, _ = _selection(engine, allowed)
    counts = engine.tokens().count(selection, 1)
    by_id = dict(zip(counts.keys[:, 0].tolist(), counts.frequency.tolist()))
    ids = engine.tokens().ids_of(words)
    return {w: by_id.get(ids.get(w, -1), 0) for w in words}


# ---------------------------------------------------------------- keywords

KEYWORD_SORTS = ("log_likelihood", "log_ratio", "freq_a")


@dataclass
class KeywordRow:
    word: str
    freq_a: int
    freq_b: int
    per_million_a: float
    per_million_b: float
    log_likelihood: float
    log_ratio: float
    range_a: int
    range_b: int


@dataclass
class Keywords:
    a: str
    b: str
    tokens_a: int
    tokens_b: int
    documents_a: int
    documents_b: int
    rows: list[KeywordRow]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """Rayson & Garside (2000): a, b = the word's frequency in A and B; c, d = their sizes.
    E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), LL = 2(a ln(a/E1) + b ln(b/E2)), zero terms left out."""
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie (2014): log2 of the ratio of relative frequencies, a zero frequency counted as 0.5."""
    return math.log2(((a or 0.5) / c) / ((b or 0.5) / d))


@_one_generation
def keywords(engine: SearchEngine, a: str, b: str, min_freq: int = 3, limit: int = 50,
             by: str = "log_likelihood") -> Keywords:
    """Words over-used in sub-corpus A against sub-corpus B, both given as filter expressions
    (`speaker:"John F. Kennedy"`, `source:wilson date:1962`). Word counts come from the token
    store written at indexing (search/tokenstore.py)."""
    if by not in KEYWORD_SORTS:
        raise SearchError(f"cannot sort keywords by {by!r}; choose one of {', '.join(KEYWORD_SORTS)}")
    warnings: list[str] = []
    counts_a, docs_a = _subcorpus_counts(engine, a, "--a", warnings)
    counts_b, docs_b = _subcorpus_counts(engine, b, "--b", warnings)
    tokens_a, tokens_b = counts_a.tokens, counts_b.tokens
    if not tokens_a or not tokens_b:
        raise SearchError(f"sub-corpus {'A' if not tokens_a else 'B'} is empty; check its filters")
    in_b = {int(k): (int(f), int(r)) for k, f, r in zip(counts_b.keys[:, 0], counts_b.frequency, counts_b.range)}
    candidates = []
    for key, fa, ra in zip(counts_a.keys[:, 0].tolist(), counts_a.frequency.tolist(), counts_a.range.tolist()):
        fb, rb = in_b.get(key, (0, 0))
        if fa >= min_freq and fa / tokens_a > fb / tokens_b:
            candidates.append((key, fa, fb, ra, rb))
    rows = [(key, fa, fb, ra, rb, round(log_likelihood(fa, fb, tokens_a, tokens_b), 4),
             round(log_ratio(fa, fb, tokens_a, tokens_b), 4)) for key, fa, fb, ra, rb in candidates]
    column = {"log_likelihood": 5, "log_ratio": 6, "freq_a": 1}[by]
    rows.sort(key=lambda r: -r[column])
    if len(rows) > limit:
        # Ties are ordered by word, so keep every row tied with the limit-th until words are known.
        floor = rows[limit - 1][column]
        rows = [r for r in rows if r[column] >= floor]
    words = engine.tokens().words(r[0] for r in rows)
    out = [KeywordRow(words[key], fa, fb, per_million(fa, tokens_a), per_million(fb, tokens_b), ll, lr, ra, rb)
           for key, fa, fb, ra, rb, ll, lr in rows]
    out.sort(key=lambda r: (-getattr(r, by), r.word))
    return Keywords(a=a, b=b, tokens_a=tokens_a, tokens_b=tokens_b, documents_a=docs_a, documents_b=docs_b,
                    rows=out[:limit], warnings=warnings)


def _subcorpus_counts(engine: SearchEngine, expression: str, name: str, warnings: list[str],
                      allow_empty: bool = False, n: int = 1) -> tuple[NgramCounts, int]:
    """N-gram (n = 1: word) frequencies and document ranges of a filter-defined sub-corpus, with
    the number of its documents."""
    from .query import parse
    if allow_empty and not expression.strip():
        allowed = None
    else:
        parsed = parse(expression)
        if parsed.text is not None or not parsed.filters:
            raise SearchError(f"{name} takes filters only (e.g. speaker:\"Blas Roca\" or source:wilson "
                              f"date:1962), not words: {expression!r}")
        allowed = engine._filter_predicate(list(parsed.filters), engine.searcher(), warnings)
    selection, documents = _selection(engine, allowed)
    return engine.tokens().count(selection, n), documents


def _selection(engine: SearchEngine, allowed) -> tuple[dict[int, set[int]] | None, int]:
    """The entries passing `allowed`, as document seq -> entry starts (None: every entry), and
    how many documents they come from."""
    cols = engine.columns()
    dseq, ustart = cols["dseq"], cols["ustart"]
    live = engine.live_docnums()
    if allowed is None:
        return None, len({dseq[d] for d in live})
    chosen: dict[int, set[int]] = defaultdict(set)
    for d in live:
        if allowed(d):
            chosen[dseq[d]].add(ustart[d])
    return chosen, len(chosen)


# ---------------------------------------------------------------- frequency lists

NGRAM_SIZES = (1, 2, 3)


@dataclass
class FrequencyRow:
    word: str             # a word, or an n-gram's words joined by single spaces
    frequency: int
    per_million: float
    range: int


@dataclass
class FrequencyList:
    subcorpus: str
    n: int
    content: bool
    tokens: int
    documents: int
    types: int
    rows: list[FrequencyRow]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@_one_generation
def frequency_list(engine: SearchEngine, expression: str = "", min_freq: int = 1, limit: int = 100,
                   n: int = 1, content: bool = False) -> FrequencyList:
    """Word (n = 1) or n-gram (n = 2, 3) frequencies of a sub-corpus given by filters (the whole
    corpus when empty), with per million words and document range, most frequent first.
    N-grams are runs of n words inside one entry and one sentence or clause (search/tokenstore.py);
    per million is per million words of the sub-corpus, as for single words. With `content`,
    rows beginning or ending with a function word (search/data/function_words.txt) are left out;
    `types` still counts every distinct word or n-gram."""
    if n not in NGRAM_SIZES:
        raise SearchError(f"n-grams of {n} words are not counted; choose 1 (words), 2 or 3")
    key = (engine.tokens().generation(), expression, min_freq, limit, n, content)
    if key in _FREQUENCY_CACHE:
        _FREQUENCY_CACHE.move_to_end(key)
        return copy.deepcopy(_FREQUENCY_CACHE[key])
    result = _frequency_list(engine, expression, min_freq, limit, n, content)
    _FREQUENCY_CACHE[key] = copy.deepcopy(result)
    while len(_FREQUENCY_CACHE) > FREQUENCY_CACHE_SIZE:
        _FREQUENCY_CACHE.popitem(last=False)
    return result


# Recent frequency lists by (token store generation, arguments): a list over the whole corpus
# takes seconds to count and is the one asked for most.
FREQUENCY_CACHE_SIZE = 32
_FREQUENCY_CACHE: OrderedDict = OrderedDict()


def _frequency_list(engine: SearchEngine, expression: str, min_freq: int, limit: int, n: int,
                    content: bool) -> FrequencyList:
    warnings: list[str] = []
    counts, documents = _subcorpus_counts(engine, expression, "the sub-corpus", warnings, allow_empty=True, n=n)
    eligible = counts.frequency >= min_freq
    if content:
        stop = np.fromiter(engine.tokens().ids_of(function_words()).values(), dtype=np.int64)
        eligible &= ~(np.isin(counts.keys[:, 0], stop) | np.isin(counts.keys[:, -1], stop))
    keep = np.flatnonzero(eligible)
    if len(keep) > limit:
        # Everything at least as frequent as the limit-th row (ties are ordered by words below).
        threshold = np.partition(counts.frequency[keep], len(keep) - limit)[len(keep) - limit]
        keep = keep[counts.frequency[keep] >= threshold]
    words = engine.tokens().words(np.unique(counts.keys[keep]).tolist())
    rows = [FrequencyRow(" ".join(words[int(k)] for k in counts.keys[i]), int(counts.frequency[i]),
                         per_million(int(counts.frequency[i]), counts.tokens), int(counts.range[i])) for i in keep]
    rows.sort(key=lambda r: (-r.frequency, r.word))
    return FrequencyList(subcorpus=expression or "(all)", n=n, content=content, tokens=counts.tokens,
                         documents=documents, types=len(counts.frequency), rows=rows[:limit], warnings=warnings)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The shipped list of English function words (search/data/function_words.txt)."""
    text = (Path(__file__).parent / "data" / "function_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# ---------------------------------------------------------------- side by side

@dataclass
class ComparisonCell:
    hits: int
    documents: int
    per_million: float
    tokens: int = 0          # the words this query searched for this value (differs across sub-corpora)


@dataclass
class ComparisonRow:
    value: str
    tokens: int
    cells: list[ComparisonCell]


@dataclass
class Comparison:
    queries: list[str]
    by: str
    total_hits: list[int]
    total_tokens: int
    rows: list[ComparisonRow]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return asdict(self)


@_one_generation
def compare(engine: SearchEngine, requests: list[SearchRequest], by: str, all_values: bool = False) -> Comparison:
    """Two or more queries over the same facet (`blockade` against `quarantine` by source): each
    value's words, and per query its hits, documents and hits per million words. The requests
    share their filters' word base only if they share their filters."""
    if len(requests) < 2:
        raise SearchError("compare needs two or more queries")
    parts = [distribution(engine, r, by, all_values=True) for r in requests]
    values: dict[str, int] = {}
    for part in parts:
        for row in part.rows:
            values[row.value] = max(values.get(row.value, 0), row.tokens)
    by_value = [{row.value: row for row in part.rows} for part in parts]
    rows = []
    for value, tokens in values.items():
        cells = []
        for table in by_value:
            row = table.get(value)
            cells.append(ComparisonCell(row.hits, row.documents, row.per_million, row.tokens) if row
                         else ComparisonCell(0, 0, 0.0, 0))
        if all_values or any(c.hits for c in cells):
            rows.append(ComparisonRow(value, tokens, cells))
    if by in CHRONOLOGICAL:
        rows.sort(key=lambda r: (not r.value[:1].isdigit(), r.value == UNDATED_LABEL, r.value))
    else:
        rows.sort(key=lambda r: (-sum(c.hits for c in r.cells), r.value))
    return Comparison(queries=[r.query for r in requests], by=by, total_hits=[p.total_hits for p in parts],
                      total_tokens=max(p.total_tokens for p in parts), rows=rows,
                      warnings=[w for p in parts for w in p.warnings])
