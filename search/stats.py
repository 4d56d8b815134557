"""Comparison statistics over search results. First: the distribution of a query's hits over a facet.

Token counts come from the index's per-entry token column (written at indexing time), so a
distribution reads integer columns and never re-reads document text.

Per million words of a facet value: hits / tokens × 1,000,000, where tokens are the words of the
entries that have that value and pass the request's filters.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date

from .engine import SearchEngine, SearchRequest
from .errors import SearchError

DISTRIBUTION_FACETS = ("speaker", "source", "archive", "language", "type", "year", "month", "day")
CHRONOLOGICAL = ("year", "month", "day")
NONE_LABEL = "(none)"
UNDATED_LABEL = "undated"


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


def distribution(engine: SearchEngine, request: SearchRequest, by: str, all_values: bool = False) -> Distribution:
    """Hits, documents with a hit, own token count and hits per million words for each value of
    a facet; with `all_values`, values the query misses are listed with zero hits."""
    if by not in DISTRIBUTION_FACETS:
        raise SearchError(f"cannot distribute by {by!r}; choose one of {', '.join(DISTRIBUTION_FACETS)}")
    matched = engine.match(request)
    key_of = _facet_key(engine, by)
    hits, docs = Counter(), defaultdict(set)
    dseq = engine.columns()["dseq"]
    for unit in matched.units:
        key = key_of(unit.docnum)
        hits[key] += unit.hits
        docs[key].add(dseq[unit.docnum])
    tokens = _tokens_by_value(engine, key_of, matched.allowed)
    labels = _labels(engine, by, set(tokens) | set(hits))
    keys = set(tokens) | set(hits) if all_values else set(hits)
    missing = UNDATED_LABEL if by in CHRONOLOGICAL else NONE_LABEL
    rows = [DistributionRow(labels.get(k, missing), hits[k], len(docs[k]), tokens.get(k, 0),
                            per_million(hits[k], tokens.get(k, 0))) for k in keys]
    if by in CHRONOLOGICAL:
        rows.sort(key=lambda r: (r.value == UNDATED_LABEL, r.value))
    else:
        rows.sort(key=lambda r: (-r.hits, r.value))
    return Distribution(query=request.query, by=by, total_hits=sum(hits.values()),
                        total_tokens=sum(tokens.values()), rows=rows, warnings=matched.warnings)


def _tokens_by_value(engine: SearchEngine, key_of, allowed) -> Counter:
    """Words per facet value over every live entry that passes the filters."""
    utok = engine.columns()["utok"]
    totals = Counter()
    for docnum in engine.live_docnums():
        if allowed is None or allowed(docnum):
            totals[key_of(docnum)] += utok[docnum]
    return totals


def _facet_key(engine: SearchEngine, by: str):
    cols = engine.columns()
    if by in CHRONOLOGICAL:
        dstart = cols["dstart"]
        width = {"year": 4, "month": 7, "day": 10}[by]
        cache: dict[int, str] = {}

        def chronological(docnum: int):
            ordinal = dstart[docnum]
            if not ordinal:
                return 0
            if ordinal not in cache:
                cache[ordinal] = date.fromordinal(ordinal).isoformat()[:width]
            return cache[ordinal]
        return chronological
    column = cols[{"speaker": "speaker", "source": "source", "archive": "archive", "language": "lang",
                   "type": "dtype"}[by]]
    return column.__getitem__


def _labels(engine: SearchEngine, by: str, keys) -> dict:
    if by in CHRONOLOGICAL:
        return {k: k for k in keys if k}
    ids = [k for k in keys if k]
    if by == "speaker":
        return engine.person_names(ids)
    if by == "source":
        return engine.source_keys(ids)
    facet = {"language": "lang", "type": "type", "archive": "archive"}[by]
    return engine.codes().names(facet)
