"""Matching a parsed query on the position arrays (search/positions.py): every hit of the query
as a span of stream positions, computed with NumPy instead of walking posting lists in Python.

The counts are the ones Whoosh's matchers give, so either path answers the same: a word or a
prefix hits at each occurrence; an exact phrase at each run of its words (the rarest word's
positions, checked against the stream at the other offsets); `"a b"~k` at each pair of the two
words at most k+1 words apart, in either order; AND / OR / NOT select entries and keep the hits
of their positive parts there, spans counted once when the query has a phrase (Whoosh counts
span sets) and once per part otherwise (Whoosh adds term frequencies). Anything else raises
Unsupported and the engine uses Whoosh.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import ast
from .errors import QueryTooComplex
from .positions import Positions


class Unsupported(Exception):
    """The query needs Whoosh's matchers (relevance scores, proximity of 3+ words…)."""


@dataclass
class Spans:
    """Hits as stream positions of their first and last word, ordered by (start, end)."""
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.start)

    def take(self, keep) -> "Spans":
        return Spans(self.start[keep], self.end[keep])


EMPTY = Spans(np.zeros(0, np.int64), np.zeros(0, np.int64))


class ArrayMatcher:
    def __init__(self, positions: Positions, forms: Callable[[str], list[str]], max_prefix: int):
        self.pos = positions
        self.forms = forms
        self.max_prefix = max_prefix

    def spans(self, node, variants: bool) -> Spans:
        return self._spans(node, variants, dedup=_has_phrase(node))

    # -- leaves

    def _spans(self, node, variants: bool, dedup: bool) -> Spans:
        if isinstance(node, ast.Word):
            return self._occurrences(self._ids(node.text, variants))
        if isinstance(node, ast.Prefix):
            if node.before:                     # non-nuc*: the phrase "non" + a word starting with nuc
                return self._phrase([self._ids(w, variants) for w in node.before] + [self._prefix_ids(node.prefix)])
            return self._occurrences(self._prefix_ids(node.prefix))
        if isinstance(node, ast.Phrase):
            slots = [self._ids(w, variants) for w in node.words]
            if not node.slop:
                return self._phrase(slots)
            return self._near(slots, node.slop + 1)
        if isinstance(node, ast.And):
            return self._and(node, variants, dedup)
        if isinstance(node, ast.Or):
            return _merge([self._spans(i, variants, dedup) for i in node.items], dedup)
        raise Unsupported(repr(node))

    def _ids(self, word: str, variants: bool) -> np.ndarray:
        words = self.forms(word) if variants else [word]
        ids = [self.pos.id_of(w) for w in words]
        return np.array([i for i in ids if i], dtype=np.int64)

    def _prefix_ids(self, prefix: str) -> np.ndarray:
        ids = self.pos.with_prefix(prefix)
        if len(ids) > self.max_prefix:
            raise QueryTooComplex(f"{prefix}* matches more than {self.max_prefix} different words; "
                                  "make the prefix longer")
        return np.array(ids, dtype=np.int64)

    def _occurrences(self, ids: np.ndarray) -> Spans:
        parts = [self.pos.occurrences(i) for i in ids]
        if not parts:
            return EMPTY
        starts = parts[0].astype(np.int64) if len(parts) == 1 else np.sort(np.concatenate(parts)).astype(np.int64)
        return Spans(starts, starts)

    def _phrase(self, slots: list[np.ndarray]) -> Spans:
        if any(len(s) == 0 for s in slots):
            return EMPTY
        frequency = [sum(self.pos.frequency(i) for i in s) for s in slots]
        lead = int(np.argmin(frequency))
        starts = self._occurrences(slots[lead]).start - lead
        tokens = self.pos.tokens
        for k, ids in enumerate(slots):
            if k == lead or not len(starts):
                continue
            found = tokens[starts + k]
            starts = starts[found == ids[0] if len(ids) == 1 else np.isin(found, ids)]
        return Spans(starts, starts + (len(slots) - 1))

    def _near(self, slots: list[np.ndarray], distance: int) -> Spans:
        """`"a b"~k`: each pair of positions of a and b with 1 <= |i - j| <= distance, inside one entry."""
        if len(slots) != 2 or np.intersect1d(slots[0], slots[1]).size:
            raise Unsupported("proximity of more than two different words")
        a, b = self._occurrences(slots[0]).start, self._occurrences(slots[1]).start
        if not len(a) or not len(b):
            return EMPTY
        if len(b) > len(a):
            a, b = b, a                          # walk the rarer word: b
        lo = np.searchsorted(a, b - distance, side="left")
        hi = np.searchsorted(a, b + distance, side="right")
        counts = hi - lo
        if not counts.sum():
            return EMPTY
        own = np.repeat(b, counts)
        index = np.repeat(lo - np.concatenate(([0], np.cumsum(counts)[:-1])), counts) + np.arange(counts.sum())
        other = a[index]
        same_entry = self.pos.entry_of(own) == self.pos.entry_of(other)
        own, other = own[same_entry], other[same_entry]
        start, end = np.minimum(own, other), np.maximum(own, other)
        order = np.lexsort((end, start))
        return Spans(start[order], end[order])

    # -- combinations

    def _and(self, node: ast.And, variants: bool, dedup: bool) -> Spans:
        positive = [i for i in node.items if not isinstance(i, ast.Not)]
        negative = [i.item for i in node.items if isinstance(i, ast.Not)]
        if not positive:
            raise Unsupported("only NOT")
        parts = [self._spans(i, variants, dedup) for i in positive]
        entries = None
        for part in parts:
            here = np.unique(self.pos.entry_of(part.start))
            entries = here if entries is None else np.intersect1d(entries, here, assume_unique=True)
        for item in negative:
            excluded = np.unique(self.pos.entry_of(self._spans(item, variants, dedup).start))
            entries = np.setdiff1d(entries, excluded, assume_unique=True)
        kept = [p.take(np.isin(self.pos.entry_of(p.start), entries)) for p in parts]
        return _merge(kept, dedup)


def _merge(parts: list[Spans], dedup: bool) -> Spans:
    parts = [p for p in parts if len(p)]
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    start = np.concatenate([p.start for p in parts])
    end = np.concatenate([p.end for p in parts])
    order = np.lexsort((end, start))
    start, end = start[order], end[order]
    if dedup:
        keep = np.ones(len(start), dtype=bool)
        keep[1:] = (start[1:] != start[:-1]) | (end[1:] != end[:-1])
        start, end = start[keep], end[keep]
    return Spans(start, end)


def _has_phrase(node) -> bool:
    """True when a positive part of the query is a phrase: hits are then counted as distinct spans."""
    if isinstance(node, ast.Phrase) or (isinstance(node, ast.Prefix) and node.before):
        return True
    if isinstance(node, ast.Not):
        return False
    return any(_has_phrase(i) for i in getattr(node, "items", ()))
