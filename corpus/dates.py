"""Document dates: free text -> an interval with a precision (see DateInfo). STUB: a helper implements it."""
from __future__ import annotations

from .errors import DateError
from .record import DateInfo


def parse_date(text: str | None) -> DateInfo:
    """Parse a date text into an interval.

    'November 2, 1962' / '2 November 1962' / '1962-11-02' -> day; 'October 1962' / '1962-10' -> month;
    '1962' -> year; None, '', 'undated', 'n.d.' -> undated (start=end=None).
    'November 15 and 17, 1962', '1962-10-16..1962-10-28' -> a range (precision day, start < end).
    The DateInfo keeps `text` as given. Raises DateError("not a date: '...'") for anything else.
    """
    raise NotImplementedError


def parse_dateline(line: str) -> tuple[str | None, DateInfo] | None:
    """A FRUS/TEI-style dateline -> (place, DateInfo with time), or None if the line is no dateline.

    'Moscow, October 20, 1962, 7 p.m.' -> ('Moscow', 1962-10-20 day, time '7 p.m.', text = the line
    without its final period). 'Washington, undated.' -> ('Washington', undated).
    """
    raise NotImplementedError
