"""corpus.dates on real date texts: FRUS vol. V datelines, the FRUS TEI volumes, the Wilson seed/CSV."""
from __future__ import annotations

import re
from datetime import date

import pytest

from corpus.dates import parse_date, parse_dateline, search_date
from corpus.errors import DateError, ReaderError
from tests.conftest import FRUS_V05_TEXT

D = date


@pytest.mark.parametrize("text, start, end, precision", [
    ("November 2, 1962", D(1962, 11, 2), D(1962, 11, 2), "day"),          # the seed's heading
    ("2 November 1962", D(1962, 11, 2), D(1962, 11, 2), "day"),           # the seed's body
    ("Nov. 2, 1962", D(1962, 11, 2), D(1962, 11, 2), "day"),
    ("Sept. 5, 1962", D(1962, 9, 5), D(1962, 9, 5), "day"),
    ("1962-11-02", D(1962, 11, 2), D(1962, 11, 2), "day"),
    ("1st April, 1949", D(1949, 4, 1), D(1949, 4, 1), "day"),             # Nehru letter
    ("April 1, 1949", D(1949, 4, 1), D(1949, 4, 1), "day"),               # Wilson CSV
    ("October 1962", D(1962, 10, 1), D(1962, 10, 31), "month"),
    ("November 1967", D(1967, 11, 1), D(1967, 11, 30), "month"),          # Wilson CSV row 5
    ("February 1964", D(1964, 2, 1), D(1964, 2, 29), "month"),            # leap year
    ("1962-10", D(1962, 10, 1), D(1962, 10, 31), "month"),
    ("1962", D(1962, 1, 1), D(1962, 12, 31), "year"),
    ("November 15 and 17, 1962", D(1962, 11, 15), D(1962, 11, 17), "day"),  # FRUS v05 d266
    ("October 16-28, 1962", D(1962, 10, 16), D(1962, 10, 28), "day"),
    ("October 16–November 2, 1962", D(1962, 10, 16), D(1962, 11, 2), "day"),
    ("1962-10-16..1962-10-28", D(1962, 10, 16), D(1962, 10, 28), "day"),
    ("1962-10..1962-12", D(1962, 10, 1), D(1962, 12, 31), "month"),
    ("1917-04-03T18:00:00", D(1917, 4, 3), D(1917, 4, 3), "day"),         # TEI date/@when
    ("1894-02-01", D(1894, 2, 1), D(1894, 2, 1), "day"),
    ("[April 3, 1917]", D(1917, 4, 3), D(1917, 4, 3), "day"),             # supplied by the editors
    ("Wednesday, February 5, 1919", D(1919, 2, 5), D(1919, 2, 5), "day"),  # Paris minutes head
    ("May 2/15, 1917", D(1917, 5, 15), D(1917, 5, 15), "day"),            # Old/New Style: New
    ("17 June, 1918 [1919]", D(1919, 6, 17), D(1919, 6, 17), "day"),      # editors' correction
    ("November 6 [8], 1919", D(1919, 11, 8), D(1919, 11, 8), "day"),
    ("19500101", D(1950, 1, 1), D(1950, 1, 1), "day"),                    # Wilson API doc_date
])
def test_parse_date_shapes(text, start, end, precision):
    info = parse_date(text)
    assert (info.start, info.end, info.precision) == (start, end, precision)
    assert info.text == text


@pytest.mark.parametrize("text", [None, "", "   ", "undated", "Undated", "n.d.", "[undated]"])
def test_undated(text):
    info = parse_date(text)
    assert info.precision == "undated"
    assert info.start is None and info.end is None


def test_iso_datetime_keeps_the_time():
    assert parse_date("1917-04-03T18:00:00").time == "18:00"
    assert parse_date("1894-02-01").time is None


@pytest.mark.parametrize("text", ["tomorrow", "February 30, 1962", "1962-13-01", "Moscow, October 20, 1962",
                                  "1962-10-28..1962-10-16", "the week after the crisis"])
def test_not_a_date(text):
    with pytest.raises(DateError) as err:
        parse_date(text)
    assert str(err.value) == f"not a date: '{text}'"
    assert isinstance(err.value, ReaderError)      # the pipeline reports it like any bad input


# --- datelines ---------------------------------------------------------------------------------

V05 = [  # one real dateline of every shape printed after the "N. Title...Source" headings
    ("Washington, December 1, 1960.", "Washington", D(1960, 12, 1), D(1960, 12, 1), "day", None),
    ("Moscow, January 21, 1961, 4 p.m.", "Moscow", D(1961, 1, 21), D(1961, 1, 21), "day", "4 p.m."),
    ("Washington, January 23, 1961, 5:57 p.m.", "Washington", D(1961, 1, 23), D(1961, 1, 23), "day",
     "5:57 p.m."),
    ("Washington, January 30, 1961, 9:15 a.m.", "Washington", D(1961, 1, 30), D(1961, 1, 30), "day",
     "9:15 a.m."),
    ("Washington, February 3, 1961, 4:30-5:10 p.m.", "Washington", D(1961, 2, 3), D(1961, 2, 3),
     "day", "4:30-5:10 p.m."),
    ("Washington, undated.", "Washington", None, None, "undated", None),
    ("Moscow, November 15, 1961 noon.", "Moscow", D(1961, 11, 15), D(1961, 11, 15), "day", "noon"),
    ("Washington, April 28, 1962, 11 a.m.-12:15 p.m.", "Washington", D(1962, 4, 28), D(1962, 4, 28),
     "day", "11 a.m.-12:15 p.m."),
    ("Moscow, May 18, 1962, noon.", "Moscow", D(1962, 5, 18), D(1962, 5, 18), "day", "noon"),
    ("Moscow, October 20, 1962, 7 p.m.", "Moscow", D(1962, 10, 20), D(1962, 10, 20), "day", "7 p.m."),
    ("Washington, October 18, 1962, 5 p.m.", "Washington", D(1962, 10, 18), D(1962, 10, 18), "day",
     "5 p.m."),
    ("Washington, November 15 and 17, 1962.", "Washington", D(1962, 11, 15), D(1962, 11, 17), "day",
     None),
    (">Washington, March 18, 1963.", "Washington", D(1963, 3, 18), D(1963, 3, 18), "day", None),
]

TEI = [  # printed datelines of the FRUS TEI volumes
    ("Petrograd, April 6, 1917, 12 p.m.[Received April 8, 7.45 p.m.]", "Petrograd", D(1917, 4, 6),
     D(1917, 4, 6), "day", "12 p.m."),
    ("Petrograd, May 2/15, 1917.[Received July 2.]", "Petrograd", D(1917, 5, 15), D(1917, 5, 15),
     "day", None),
    ("Moscow, January 7, 1918, 12 noon.[Received January 9, 5.20 p.m.]", "Moscow", D(1918, 1, 7),
     D(1918, 1, 7), "day", "12 noon"),
    ("Petrograd, May 11, 1917, midnight.[Received May 13, 7 a.m.]", "Petrograd", D(1917, 5, 11),
     D(1917, 5, 11), "day", "midnight"),
    ("Washington September 7, 1918, 2 p.m.", "Washington", D(1918, 9, 7), D(1918, 9, 7), "day", "2 p.m."),
    ("October 7, 1918.", None, D(1918, 10, 7), D(1918, 10, 7), "day", None),
    ("Harbin, undated.[Received September 17, 1917, 4.30 p.m.]", "Harbin", None, None, "undated", None),
    ("Washington, January 20, 1919—6 p.m.", "Washington", D(1919, 1, 20), D(1919, 1, 20), "day", "6 p.m."),
    ("[Paris,] January 21, 1919.", "Paris", D(1919, 1, 21), D(1919, 1, 21), "day", None),
    ("Paris, 14 January, 1919.", "Paris", D(1919, 1, 14), D(1919, 1, 14), "day", None),
    ("Paris, 17 June, 1918 [1919].", "Paris", D(1919, 6, 17), D(1919, 6, 17), "day", None),
    ("Washington, November 6 [8], 1919—1 p.m.[Received November 9—3:58 a.m.]", "Washington",
     D(1919, 11, 8), D(1919, 11, 8), "day", "1 p.m."),
    ("Washington, Monday [December 8, 1919], 8:15 a.m.", "Washington", D(1919, 12, 8), D(1919, 12, 8),
     "day", "8:15 a.m."),
    ("[Undated—Circa July 1, 1919.]", None, D(1919, 7, 1), D(1919, 7, 1), "day", None),
    ("Paris, May 1919.", "Paris", D(1919, 5, 1), D(1919, 5, 31), "month", None),
    ("Washington, December 8, 1919—12 noon.", "Washington", D(1919, 12, 8), D(1919, 12, 8), "day",
     "12 noon"),
    ("London, September 9, 1919—3:25 p.m.[Received 7:10 p.m.]", "London", D(1919, 9, 9), D(1919, 9, 9),
     "day", "3:25 p.m."),
    ("Green Wood Gate, Ashdown Forrest,Withyham, Sussex.August 8, 1919.",
     "Green Wood Gate, Ashdown Forrest,Withyham, Sussex", D(1919, 8, 8), D(1919, 8, 8), "day", None),
    ("Legation of the United States,Managua, February 9, 1894. (Received March 5.)",
     "Legation of the United States,Managua", D(1894, 2, 9), D(1894, 2, 9), "day", None),
    ("Washington, September 1, 1936 [—5 p.m.]", "Washington", D(1936, 9, 1), D(1936, 9, 1), "day",
     "5 p.m."),
    ("Baghdad, February 17 [12], 1936.", "Baghdad", D(1936, 2, 12), D(1936, 2, 12), "day", None),
    ("Addis Ababa [undated].[Received April 30, 1936—2 p.m.]", "Addis Ababa", None, None, "undated", None),
    ("Paris [undated.]", "Paris", None, None, "undated", None),
    ("Addis Ababa, June 5, 1936—9 a.m.[Received June 7—6:30 p.m.Telegram in two sections.]",
     "Addis Ababa", D(1936, 6, 5), D(1936, 6, 5), "day", "9 a.m."),
]


@pytest.mark.parametrize("line, place, start, end, precision, time", V05 + TEI)
def test_parse_dateline_shapes(line, place, start, end, precision, time):
    got_place, info = parse_dateline(line)
    assert got_place == place
    assert (info.start, info.end, info.precision, info.time) == (start, end, precision, time)


def test_dateline_text_is_the_line_as_printed_without_the_receipt_note():
    assert parse_dateline("Moscow, October 20, 1962, 7 p.m.")[1].text == "Moscow, October 20, 1962, 7 p.m."
    assert parse_dateline("Washington, undated.")[1].text == "Washington, undated."
    assert parse_dateline(">Washington, March 18, 1963.")[1].text == ">Washington, March 18, 1963."
    received = parse_dateline("Petrograd, April 6, 1917, 12 p.m.[Received April 8, 7.45 p.m.]")[1]
    assert received.text == "Petrograd, April 6, 1917, 12 p.m."


@pytest.mark.parametrize("line", [
    "On October 20, 1962, the President met Gromyko.",
    "The conversation was held at a government villa in Prague on 2 November 1962.",
    "The meeting began at noon.",
    "1528. Eyes only Secretary.",
    "",
])
def test_sentences_are_no_datelines(line):
    assert parse_dateline(line) is None


def test_gold_datelines(gold):
    """Every FRUS dateline of the answer key parses to the hand-checked place, dates and time."""
    checked = 0
    for doc in gold.values():
        if not doc["id"].startswith("frus") or not doc["date_text"]:
            continue
        place, info = parse_dateline(doc["date_text"])
        assert place == doc["place"], doc["id"]
        assert info.start == (D.fromisoformat(doc["date_start"]) if doc["date_start"] else None)
        assert info.end == (D.fromisoformat(doc["date_end"]) if doc["date_end"] else None)
        assert (info.precision, info.time, info.text) == (
            doc["date_precision"], doc["time_text"], doc["date_text"]), doc["id"]
        checked += 1
    assert checked >= 20


def test_every_v05_dateline_parses():
    """All 260 lines after a 'N. Title...Source' heading of the bundled FRUS vol. V are datelines."""
    lines = FRUS_V05_TEXT.read_text(encoding="utf-8").split("\n")
    parsed = []
    for number, line in enumerate(lines):
        if re.match(r"^\d+\. .*Source\s*$", line):
            following = next(l for l in lines[number + 1:] if l.strip())
            parsed.append(parse_dateline(following))
    assert len(parsed) == 260
    assert all(result is not None and result[0] for result in parsed)
    assert sum(1 for _, info in parsed if info.precision == "undated") == 5


def test_search_date_in_a_heading():
    info = search_date("Minutes of the Daily Meetings of the Commissioners Plenipotentiary, "
                       "Wednesday, February 5, 1919")
    assert (info.start, info.precision, info.text) == (D(1919, 2, 5), "day", "February 5, 1919")
    assert search_date("Memorandum by Dr. Isaiah Bowman") is None
