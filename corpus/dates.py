"""Document dates: free text -> an interval with a precision (see DateInfo).

Two entry points: `parse_date` for a field that should hold nothing but a date, and
`parse_dateline` for a FRUS/TEI dateline ("Moscow, October 20, 1962, 7 p.m."), which also
yields the place and the time. `search_date` finds the first date inside a longer text
(a heading such as "Minutes of the Daily Meetings ..., Wednesday, February 5, 1919").

Printed quirks handled, all of them found in the FRUS volumes:
- editors' corrections in brackets win over the misprint: "17 June, 1918 [1919]" is 1919-06-17,
  "November 6 [8], 1919" is 1919-11-08;
- Old Style/New Style pairs take the New Style (Gregorian) day: "May 2/15, 1917" is 1917-05-15;
- supplied dates in brackets and weekdays: "[April 3, 1917]", "Monday [December 8, 1919]";
- the telegram receipt note is not the document date: "[Received April 8, 7.45 p.m.]".
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from .errors import DateError
from .record import DateInfo

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
          r"|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
          r"(?![a-z])")
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_DASH = r"(?:-|–|—|to)"
_ORD = r"(?:st|nd|rd|th)?"
# An editor's correction in brackets after a day or a year: "6 [8]", "1918 [1919]".
_DAY_CORR = r"(?:\s*\[(?P<dc>\d{1,2})\])?"
_YEAR_CORR = r"(?:\s*\[(?P<yc>\d{4})\])?"

# Month-day-year, with an Old Style pair, a correction, a day range or a month-day range,
# and an optional full second date ("October 16, 1962 - November 2, 1962").
_MDY = re.compile(
    rf"(?<![\w])(?P<m>{_MONTH})\s*(?P<d>\d{{1,2}}){_ORD}(?:/(?P<ns>\d{{1,2}}))?{_DAY_CORR}"
    rf"(?:\s*(?:{_DASH}|and|&)\s*(?P<dr>\d{{1,2}}){_ORD}(?!\d)"
    rf"|\s*{_DASH}\s*(?P<m2>{_MONTH})\s*(?P<d2>\d{{1,2}}){_ORD})?"
    rf",?\s*(?P<y>\d{{4}}){_YEAR_CORR}(?!\d)"
    rf"(?:\s*{_DASH}\s*(?P<m3>{_MONTH})\s*(?P<d3>\d{{1,2}}){_ORD},?\s*(?P<y3>\d{{4}})(?!\d))?",
    re.IGNORECASE)
# Day-month-year: "2 November 1962", "17 June, 1918 [1919]", "16-28 October 1962", "1st April, 1949".
_DMY = re.compile(
    rf"(?<![\w/])(?P<d>\d{{1,2}}){_ORD}{_DAY_CORR}"
    rf"(?:\s*(?:{_DASH}|and|&)\s*(?P<dr>\d{{1,2}}){_ORD})?"
    rf"\s+(?:of\s+)?(?P<m>{_MONTH}),?\s*(?P<y>\d{{4}}){_YEAR_CORR}(?!\d)",
    re.IGNORECASE)
# Month and year: "October 1962", "May, 1919".
_MY = re.compile(rf"(?<![\w])(?P<m>{_MONTH}),?\s+(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)
# ISO 8601 date or date-time: "1962-11-02", "1962-10", "1917-04-03T18:00:00".
_ISO = re.compile(
    r"(?<![\d-])(?P<y>\d{4})-(?P<mo>\d{2})(?:-(?P<d>\d{2}))?"
    r"(?:[T ](?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d-])")
_PATTERNS = (_MDY, _DMY, _ISO, _MY)

_UNDATED = re.compile(r"^(?:undated|n\.\s?d\.?|no date|s\.\s?d\.?|date unknown|unknown|unk\.?)$",
                      re.IGNORECASE)
_UNDATED_WORD = re.compile(r"\bundated\b", re.IGNORECASE)
_CIRCA = re.compile(r"^(?:circa|ca\.|c\.|about|approximately)\s+", re.IGNORECASE)
_RECEIVED = re.compile(r"\s*[\[(]\s*Received\b.*$", re.IGNORECASE | re.DOTALL)

# A time of day as printed: "7 p.m.", "4:30-5:10 p.m.", "11 a.m.-12:15 p.m.", "12 noon", "9.30 hours".
_CLOCK = (r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.\s?m\.?|[ap]m\b|noon|midnight|hours?|h\b)?"
          r"|noon|midnight)")
_TIME = re.compile(rf"^{_CLOCK}(?:\s*{_DASH}\s*{_CLOCK})?$", re.IGNORECASE)

# A dateline's place is a short name, never a sentence: few words, and lower-case words only
# where names have them ("Legation of the United States", "San Juan del Norte", "at Sea").
_MAX_PLACE_WORDS = 12
_PLACE_PARTICLES = {"of", "the", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos",
                    "am", "an", "der", "den", "en", "y", "e", "at", "on", "upon", "sur", "near",
                    "and", "in"}


def parse_date(text: str | None) -> DateInfo:
    """Parse a date text into an interval.

    'November 2, 1962' / '2 November 1962' / 'Nov. 2, 1962' / '1962-11-02' -> day;
    'October 1962' / '1962-10' -> month (first to last day); '1962' -> year (Jan 1 to Dec 31);
    None, '', 'undated', 'n.d.' -> undated (start=end=None).
    'November 15 and 17, 1962', 'October 16-28, 1962', '1962-10-16..1962-10-28' -> a range
    (precision day, start < end). '1917-04-03T18:00:00' -> day, time '18:00'.
    The DateInfo keeps `text` as given. Raises DateError("not a date: '...'") for anything else.
    """
    if text is None or not str(text).strip():
        return DateInfo(text=None)
    original = str(text).strip()
    core = _strip_decoration(original)
    if _UNDATED.match(core):
        return DateInfo(text=original)
    info = _parse_iso_interval(core) or _parse_whole(core)
    if info is None:
        raise DateError(f"not a date: '{original}'")
    info.text = original
    return info


def parse_dateline(line: str) -> tuple[str | None, DateInfo] | None:
    """A FRUS/TEI-style dateline -> (place, DateInfo with time), or None if the line is no dateline.

    'Moscow, October 20, 1962, 7 p.m.' -> ('Moscow', 1962-10-20 day, time '7 p.m.').
    'Washington, undated.' -> ('Washington', undated). A receipt note ('[Received April 8, 7.45
    p.m.]') is not part of the document date and is dropped. `DateInfo.text` is the dateline as
    printed (whitespace folded, receipt note removed, nothing else touched): the FRUS answer key
    records it with its final period and even a stray '>'.
    A line whose remainder after the date is not a time ('On October 20, 1962, the President met')
    is no dateline.
    """
    if not line or not line.strip():
        return None
    printed = _RECEIVED.sub("", " ".join(line.split())).strip()
    line = re.sub(r"^[^\w\[(“\"]+", "", printed)              # stray markup: ">Washington, ..."
    found = _first_date(line)
    if found is None:
        return _undated_dateline(line, printed)
    info, start, end = found
    place = _clean_place(line[:start])
    time = _clean_time(line[end:])
    if place is False or time is False:
        return None
    info.text, info.time = printed, time or info.time
    return place, info


def search_date(text: str | None) -> DateInfo | None:
    """The first date with a year (a day or a month) inside a longer text, or None. `text` of
    the result is the date phrase as printed."""
    if not text:
        return None
    found = _first_date(" ".join(text.split()))
    return found[0] if found else None


# --- whole-string parsing -------------------------------------------------------------------

def _strip_decoration(text: str) -> str:
    """Remove what surrounds a date without changing it: brackets, a weekday, 'circa', a final
    period."""
    core = " ".join(text.split())
    core = re.sub(r"^\[(.*)\]\.?$", r"\1", core)
    core = re.sub(r"^\((.*)\)\.?$", r"\1", core)
    core = _CIRCA.sub("", core)
    core = re.sub(rf"^{_WEEKDAY},?\s+", "", core, flags=re.IGNORECASE)
    core = re.sub(r"^\[(.*)\]$", r"\1", core)
    return core.rstrip(" .,;")


def _parse_whole(core: str) -> DateInfo | None:
    if re.fullmatch(r"\d{4}", core):
        year = int(core)
        return DateInfo(date(year, 1, 1), date(year, 12, 31), "year")
    if re.fullmatch(r"\d{8}", core):                      # Wilson API doc_date: YYYYMMDD
        core = f"{core[:4]}-{core[4:6]}-{core[6:]}"
    for pattern in _PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            return _from_match(pattern, match, core)
    return None


def _parse_iso_interval(core: str) -> DateInfo | None:
    """'1962-10-16..1962-10-28' (or '1962-10..1962-12'): an interval from two ISO dates."""
    parts = re.split(r"\s*\.\.\s*|\s*/\s*(?=\d{4})", core)
    if len(parts) != 2 or not all(re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", p) for p in parts):
        return None
    first, last = (_parse_whole(p) for p in parts)
    if first is None or last is None:
        raise DateError(f"not a date: '{core}'")
    if last.end < first.start:
        raise DateError(f"not a date: '{core}'")
    coarser = max(first.precision, last.precision, key=("day", "month", "year").index)
    return DateInfo(first.start, last.end, coarser)


# --- matching ---------------------------------------------------------------------------------

def _first_date(text: str) -> tuple[DateInfo, int, int] | None:
    """The earliest (and at the same start, longest) date phrase in `text` that is a real date:
    (info, start, end)."""
    candidates = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            try:
                info = _from_match(pattern, match, match.group())
            except DateError:
                continue
            info.text = match.group()
            candidates.append((match.start(), -match.end(), info))
            break
    if not candidates:
        return None
    start, neg_end, info = min(candidates, key=lambda c: (c[0], c[1]))
    return info, start, -neg_end


def _from_match(pattern: re.Pattern, match: re.Match, printed: str) -> DateInfo:
    """Turn a pattern match into a DateInfo; raises DateError for impossible dates."""
    g = match.groupdict()
    try:
        if pattern is _ISO:
            return _iso_info(g)
        year = int(g.get("yc") or g["y"])
        month = _month(g["m"])
        if pattern is _MY:
            return _month_info(year, month)
        return _day_info(g, year, month)
    except ValueError as exc:
        raise DateError(f"not a date: '{printed}'") from exc


def _iso_info(g: dict) -> DateInfo:
    year, month = int(g["y"]), int(g["mo"])
    if g["d"] is None:
        return _month_info(year, month)
    day = date(year, month, int(g["d"]))
    time = f"{g['hh']}:{g['mm']}" if g.get("hh") and (g["hh"], g["mm"]) != ("00", "00") else None
    return DateInfo(day, day, "day", time=time)


def _month_info(year: int, month: int) -> DateInfo:
    last = calendar.monthrange(year, month)[1]
    return DateInfo(date(year, month, 1), date(year, month, last), "month")


def _day_info(g: dict, year: int, month: int) -> DateInfo:
    day = int(g.get("dc") or g["d"])
    start = date(year, month, day)
    if g.get("ns"):                                       # Old Style / New Style: keep New Style
        start = _new_style(start, int(g["ns"]))
    end = start
    if g.get("dr"):
        end = date(year, month, int(g["dr"]))
    elif g.get("m2"):
        end = date(year, _month(g["m2"]), int(g["d2"]))
    elif g.get("m3"):
        end = date(int(g["y3"]), _month(g["m3"]), int(g["d3"]))
    if end < start:
        raise ValueError("range ends before it starts")
    return DateInfo(start, end, "day")


def _new_style(old: date, new_day: int) -> date:
    """'May 2/15, 1917': the second day is the Gregorian one, possibly in the next month."""
    if new_day >= old.day:
        return old.replace(day=new_day)
    year, month = (old.year + 1, 1) if old.month == 12 else (old.year, old.month + 1)
    return date(year, month, new_day)


def _month(word: str) -> int:
    return _MONTHS[word.lower()[:3]]


# --- dateline parts ----------------------------------------------------------------------------

def _undated_dateline(line: str, printed: str) -> tuple[str | None, DateInfo] | None:
    match = _UNDATED_WORD.search(line)
    if not match:
        return None
    place = _clean_place(line[:match.start()])
    if place is False or _clean_time(line[match.end():]) is False:
        return None
    return place, DateInfo(text=printed)


def _clean_place(raw: str) -> str | None | bool:
    """The place before the date: brackets, weekday, 'Undated—Circa' removed. False when the
    text before the date is too long to be a place (then the line is no dateline)."""
    place = re.sub(rf"\b{_WEEKDAY}\b", "", raw, flags=re.IGNORECASE)
    place = re.sub(r"\b(?:undated|circa|ca\.)", "", place, flags=re.IGNORECASE)
    place = place.replace("[", "").replace("]", "")
    place = place.strip(" ,;:—–-\u00a0")
    place = re.sub(r"(?<=[a-z]{2})\.$", "", place)          # "Sussex.August 8, 1919"
    if not place:
        return None
    words = place.split()
    running_text = [w for w in words if w[0].islower() and w.strip(",.") not in _PLACE_PARTICLES]
    if len(words) > _MAX_PLACE_WORDS or len(running_text) > 1:
        return False
    return place


def _clean_time(raw: str) -> str | None | bool:
    """The time after the date ('7 p.m.', 'noon'), None when there is none, False when what
    follows the date is not a time."""
    rest = raw.strip()
    rest = re.sub(r"^[\s,;—–\-\[\]]+", "", rest)
    rest = rest.strip(" ]")
    rest = re.sub(r"^at\s+", "", rest, flags=re.IGNORECASE)
    if rest.endswith(".") and not re.search(r"[ap]\.\s?m\.$", rest, re.IGNORECASE):
        rest = rest[:-1].rstrip(" ]")
    rest = rest.strip()
    if not rest:
        return None
    return rest if _TIME.match(rest) else False
