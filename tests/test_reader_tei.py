"""The FRUS TEI reader: real excerpts in tests/data/tei, the four shared volumes, hostile XML."""
from __future__ import annotations

import functools
import re
import time
from datetime import date
from pathlib import Path

import pytest

from corpus.errors import ReaderError
from corpus.readers import ReadOptions, frus_tei
from corpus.record import DocumentRecord
from tests.conftest import DATA

TEI = DATA / "tei"


def read_all(path: Path, text: str | None = None) -> list:
    text = path.read_text(encoding="utf-8-sig") if text is None else text
    return list(frus_tei.read(path, text, ReadOptions()))


def by_id(path: Path) -> dict[str, DocumentRecord]:
    return {r.native_id: r for r in read_all(path)}


def people(record: DocumentRecord) -> list[tuple]:
    return [(p.as_printed, p.role, p.kind) for p in record.participants]


# --- real excerpts (no shared corpus needed) -----------------------------------------------------

@pytest.fixture(scope="module")
def russia() -> dict[str, DocumentRecord]:
    return by_id(TEI / "frus1918Russiav03-excerpt.xml")


def test_sniff():
    excerpt = TEI / "frus1918Russiav03-excerpt.xml"
    assert frus_tei.sniff(excerpt, excerpt.read_text()[:65536])
    assert not frus_tei.sniff(TEI / "not-tei.xml", (TEI / "not-tei.xml").read_text())


def test_telegram_from_the_secretary(russia):
    assert list(russia) == ["d1", "d2", "d3", "d28", "d275"]
    d1 = russia["d1"]
    assert d1.doc_id == "frus1918Russiav03:d1"
    assert d1.title == "The Secretary of State to the Ambassador in Russia (Francis)"
    assert d1.doc_type == "telegram"                                   # the "[Telegram]" source note
    assert (d1.date.start, d1.date.precision, d1.date.time) == (date(1917, 4, 3), "day", "6 p.m.")
    assert d1.date.text == "Washington, April 3, 1917, 6 p.m."
    assert d1.place == "Washington"
    assert d1.citation == "File No. 861.51/131"
    assert d1.archive is None                                          # not guessed
    assert people(d1) == [("Secretary of State", "author", "institution"),
                          ("Francis", "recipient", "person")]
    francis = d1.participants[1]
    assert (francis.name, francis.post) == ("David R. Francis", "Ambassador in Russia")  # persons list
    assert d1.name_hints["Francis"] == "David R. Francis"


def test_received_note_and_page_breaks(russia):
    d2 = russia["d2"]
    assert (d2.date.start, d2.date.time, d2.place) == (date(1917, 4, 6), "12 p.m.", "Petrograd")
    assert d2.extra["received"] == "April 8, 7.45 p.m."
    paragraphs = d2.text.split("\n\n")
    assert paragraphs[0] == "Petrograd, April 6, 1917, 12 p.m. [Received April 8, 7.45 p.m.]"
    assert paragraphs[1] == "1161. Your 1295. For Secretary of Treasury:"
    assert ("This loan in my judgment would be absolutely safe. Furthermore it is advisable from "
            "every viewpoint of policy.") in paragraphs[-2]                # <pb/> inside, one paragraph
    assert paragraphs[-1] == "Francis"                                  # the closer
    assert "Russia's total debt" in d2.text                             # apostrophe normalized
    assert [(p.name, p.role) for p in d2.participants] == [("David R. Francis", "author"),
                                                          ("Secretary of State", "recipient")]


def test_date_from_a_closing_paragraph(russia):
    d28 = russia["d28"]                                                 # no <dateline>: last <p>
    assert (d28.date.start, d28.place, d28.date.text) == (date(1917, 8, 3), "Washington",
                                                          "Washington, August 3, 1917.")
    assert d28.extra["date_from"] == "paragraph"
    assert people(d28)[0] == ("Reading", "author", "person")


def test_old_style_date_and_footnotes(russia):
    d275 = russia["d275"]
    assert d275.date.start == date(1917, 5, 15)                         # "May 2/15, 1917": New Style
    assert d275.date.text == "Petrograd, May 2/15, 1917."
    assert d275.extra["tei_when"] == "1917-05-02"                       # the file's @when disagrees
    assert d275.doc_type == "document"
    assert d275.text.endswith("[1] Not printed.\n\n[2] Russian Minister of Ways of Communication.")
    assert d275.text[d275.extra["footnotes_offset"]:].startswith("[1] Not printed.")
    assert "Nekrasov is that Mr. Stevens is to be given absolute control" in d275.text


def test_paris_minutes_excerpt():
    paris = by_id(TEI / "frus1919Parisv11-excerpt.xml")
    d5 = paris["d5"]
    assert d5.doc_type == "minutes"
    assert (d5.date.start, d5.date.text, d5.place) == (date(1919, 2, 5), "February 5, 1919", None)
    assert [(p.name, p.role) for p in d5.participants] == [
        ("Lansing", "present"), ("White", "present"), ("Herter", "present")]
    paragraphs = d5.text.split("\n\n")
    assert paragraphs[0] == "Present: Mr. Lansing, Mr. White, Mr. Herter"
    assert paragraphs[1].startswith("1. Mr. Herter read Memorandum prepared for Mr. Grew")
    assert "[18] See meeting of February 1, minute 8, p. 8." in paragraphs
    assert "the union of the Jugoslavs should be made. The recommendations" in d5.text  # note cut out
    d265 = paris["d265"]
    assert (d265.date.start, d265.extra["tei_when"]) == (date(1919, 6, 17), "1918-06-17")  # "1918 [1919]"


def test_attachment_is_text_but_not_metadata():
    [d2] = read_all(TEI / "frus1894Nicaragua-excerpt.xml")
    assert d2.doc_id == "frus1894Nicaragua:d2"
    assert d2.title == "No. 2. Mr. Gresham to Mr. Baker."
    assert (d2.date.start, d2.place) == (date(1894, 2, 1), "Washington")
    assert d2.date.text == "Department of State, Washington, February 1, 1894."
    assert [(p.name, p.role) for p in d2.participants] == [("Gresham", "author"), ("Baker", "recipient")]
    paragraphs = d2.text.split("\n\n")
    assert "[Inclosure in No. 2.]" in paragraphs and "Mr. Herbert to Mr. Gresham." in paragraphs
    assert "Navy Department, Washington, January 27, 1894." in paragraphs


# --- hostile and broken input ----------------------------------------------------------------------

def _refused_quickly(path: Path, text: str | None = None) -> str:
    started = time.perf_counter()
    with pytest.raises(ReaderError) as err:
        read_all(path, text)
    assert time.perf_counter() - started < 1.0
    return str(err.value)


def test_billion_laughs_is_refused_quickly():
    message = _refused_quickly(TEI / "billion-laughs.xml")
    assert message == "XML with a DTD (<!DOCTYPE>) is refused: DTDs and entities are not allowed"


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file://{path}">]>',
    '<!DOCTYPE TEI SYSTEM "file://{path}">',
])
def test_external_references_read_nothing(tmp_path, doctype):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    xml = ('<?xml version="1.0"?>' + doctype.format(path=secret) +
           '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="x"><text><body>'
           '<div type="document" xml:id="d1"><head>H</head><p>&amp; &secret;</p></div>'
           '</body></text></TEI>')
    message = _refused_quickly(tmp_path / "external.xml", xml)
    assert "DTD" in message and "TOP-SECRET-MARKER" not in message


def test_truncated_file_is_malformed_xml():
    message = _refused_quickly(TEI / "truncated.xml")
    assert re.fullmatch(r"malformed XML: no element found: line \d+, column \d+", message), message


def test_xml_that_is_not_tei():
    assert _refused_quickly(TEI / "not-tei.xml") == "not a TEI document (root element <html>)"


def test_tei_without_documents(tmp_path):
    xml = '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Preface</p></body></text></TEI>'
    assert _refused_quickly(tmp_path / "empty.xml", xml) == 'a TEI file with no <div type="document">'


def test_file_over_50_mb_is_refused_before_parsing(tmp_path):
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as handle:                     # sparse: no 51 MB written to disk
        handle.truncate(51 * 1024 * 1024)
    assert _refused_quickly(huge, "") == "file too large (51 MB; the limit is 50 MB)"


# --- the four shared volumes ---------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _volume(path: Path) -> dict[str, DocumentRecord]:
    return by_id(path)


@pytest.mark.parametrize("volume, count", [("frus1918Russiav03", 478), ("frus1919Parisv11", 409),
                                           ("frus1894Nicaragua", 138), ("frus1936v03", 586)])
def test_document_counts(shared_corpus, volume, count):
    docs = _volume(shared_corpus / "frus-tei-unreviewed" / f"{volume}.xml")
    assert len(docs) == count
    assert all(isinstance(d, DocumentRecord) and d.source == volume and d.text for d in docs.values())


def test_volume_russia(shared_corpus):
    docs = _volume(shared_corpus / "frus-tei-unreviewed" / "frus1918Russiav03.xml")
    d1 = docs["d1"]
    assert (d1.title, d1.date.start, d1.place) == (
        "The Secretary of State to the Ambassador in Russia (Francis)", date(1917, 4, 3), "Washington")
    assert [(p.name, p.role) for p in d1.participants] == [("Secretary of State", "author"),
                                                          ("David R. Francis", "recipient")]
    assert docs["d275"].date.start == date(1917, 5, 15)
    assert (docs["d292"].date.precision, docs["d292"].place) == ("undated", "Harbin")  # "Harbin, undated."
    assert docs["d188"].doc_type == "memcon"


def test_volume_paris(shared_corpus):
    docs = _volume(shared_corpus / "frus-tei-unreviewed" / "frus1919Parisv11.xml")
    assert (docs["d5"].date.start, docs["d5"].doc_type) == (date(1919, 2, 5), "minutes")
    assert [p.name for p in docs["d5"].participants] == ["Lansing", "White", "Herter"]
    d362 = docs["d362"]                                                 # "November 6 [8], 1919—1 p.m."
    assert (d362.date.start, d362.date.time, d362.place) == (date(1919, 11, 8), "1 p.m.", "Washington")
    assert d362.title == "The Secretary of State to the Commission to Negotiate Peace"
    assert docs["d246"].date.precision == "month"                        # "Paris, May 1919."
    assert sum(1 for d in docs.values() if any(p.role == "present" for p in d.participants)) >= 170


def test_volume_nicaragua(shared_corpus):
    docs = _volume(shared_corpus / "frus-tei-unreviewed" / "frus1894Nicaragua.xml")
    d1 = docs["d1"]
    assert d1.title == "No. 1. Mr. Seat to Mr. Gresham."
    assert [(p.name, p.role) for p in d1.participants] == [("Seat", "author"), ("Gresham", "recipient")]
    assert (d1.date.start, d1.place) == (date(1894, 1, 25), "Bluefields, Nicaragua")
    d27 = docs["d27"]                                                   # only a receipt date is printed
    assert (d27.date.precision, d27.place, d27.extra["received"]) == ("undated", "Managua", "April 1, 1894.")


def test_volume_1936(shared_corpus):
    docs = _volume(shared_corpus / "frus-tei-unreviewed" / "frus1936v03.xml")
    d1 = docs["d1"]
    assert (d1.title, d1.date.start, d1.place, d1.citation) == (
        "The Secretary of State to the Chargé in France (Marriner)", date(1936, 2, 13), "Washington",
        "711.90H/41")
    marriner = d1.participants[1]
    assert (marriner.name, marriner.role, marriner.post) == ("Marriner", "recipient", "Chargé in France")
    d490 = docs["d490"]                                                 # "Baghdad, February 17 [12], 1936."
    assert (d490.date.start, d490.place, d490.extra["tei_when"]) == (date(1936, 2, 12), "Baghdad", "1936-02-17")
    assert docs["d234"].doc_type == "memcon"
    assert docs["d67"].date.precision == "undated"                      # "Addis Ababa [undated]."
