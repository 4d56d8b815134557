"""Exceptions raised by the search package; the CLI and the web turn them into messages."""
from __future__ import annotations


class SearchError(Exception):
    """Base class: every message is one line that says what is wrong and what to do."""


class QuerySyntaxError(SearchError):
    """The query text cannot be parsed; `position` is the 0-based character offset."""

    def __init__(self, message: str, position: int):
        super().__init__(message)
        self.message = message
        self.position = position


class QueryTooComplex(SearchError):
    """The query goes past one of the limits (length, terms, nesting, prefix expansion, time).

    `limit` names the search.query.Limits field that refused it (None for limits enforced
    elsewhere, such as the search time); `position` is the character offset when one part of
    the query is to blame."""

    def __init__(self, message: str, limit: str | None = None, position: int | None = None):
        super().__init__(message)
        self.message = message
        self.limit = limit
        self.position = position


class IndexBusy(SearchError):
    """Another process holds the index writer lock."""


class IndexMissing(SearchError):
    """There is no index yet."""


class IndexOutdated(IndexMissing):
    """The index was built by an older version of crisis-corpus and must be rebuilt before use."""


class IndexBehind(SearchError):
    """The index names documents the catalog no longer holds in that form: an ingest changed or
    removed them and has not published the index that follows yet (or, with no ingest running,
    the two drifted apart: `corpus check --repair`)."""


class SavedQueryError(SearchError):
    """A saved-query operation cannot be done: a bad name, a duplicate, a bad import file."""


class SavedQueryNotFound(SavedQueryError):
    """No saved query has the name asked for."""
