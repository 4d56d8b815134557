"""The parsed form of a query: what search/query.py produces and search/engine.py compiles.

A query is a text expression (words, phrases, prefixes combined with AND/OR/NOT) plus filters
(field:value) combined with AND at the top level. Words are already normalized (corpus.text
clean_inline, lower case) but not stemmed: the engine stems them in variants mode.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Word:
    text: str                       # one token as corpus.text.tokenize would give it ("u.s", "don't", "nuclear")


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]          # two or more tokens
    slop: int = 0                   # "a b"~N: up to N other words between/around, in any order (0: exact phrase)


@dataclass(frozen=True)
class Prefix:
    prefix: str                     # "blockad" for blockad*
    before: tuple[str, ...] = ()    # words it follows: non-nuc* is Prefix("nuc", ("non",)), a phrase


@dataclass(frozen=True)
class And:
    items: tuple                    # two or more nodes


@dataclass(frozen=True)
class Or:
    items: tuple


@dataclass(frozen=True)
class Not:
    item: object                    # only inside an And with at least one positive item


@dataclass(frozen=True)
class Filter:
    """field:value. field is one of FILTER_FIELDS; dates are already parsed to an inclusive range."""
    field: str                      # speaker participant source lang type year date
    value: str                      # as given (unquoted)
    start: date | None = None       # for year/date: the range (open ends allowed)
    end: date | None = None


FILTER_FIELDS = ("speaker", "participant", "source", "lang", "type", "year", "date")


@dataclass(frozen=True)
class ParsedQuery:
    text: object | None             # Word | Phrase | Prefix | And | Or | Not tree, None if only filters
    filters: tuple                  # Filter or Or-of-Filters (same field) nodes, AND-ed together
    source: str                     # the query as typed
