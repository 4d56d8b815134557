"""The Wilson Center reader on the seed export, the scrape CSV and the API JSON fixtures."""
from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from corpus.errors import ReaderError
from corpus.readers import ReadOptions, wilson
from corpus.record import DocumentRecord, RejectedRecord
from tests.conftest import DATA, SEED_FILE, WILSON_CSV

API = DATA / "wilson-api"


def read_all(path: Path, text: str | None = None) -> list:
    text = path.read_text(encoding="utf-8") if text is None else text
    return list(wilson.read(path, text, ReadOptions()))


@pytest.fixture(scope="module")
def seed() -> DocumentRecord:
    [record] = read_all(SEED_FILE)
    return record


@pytest.fixture(scope="module")
def csv_records() -> dict[str, DocumentRecord]:
    return {r.native_id: r for r in read_all(WILSON_CSV)}


# --- a) the seed's Markdown export ------------------------------------------------------------

def test_sniff_recognizes_each_shape_and_nothing_else(tmp_path):
    head = lambda p: p.read_text(encoding="utf-8")[:65536]           # noqa: E731
    assert wilson.sniff(SEED_FILE, head(SEED_FILE))
    assert wilson.sniff(WILSON_CSV, head(WILSON_CSV))
    assert wilson.sniff(API / "transcript.json", head(API / "transcript.json"))
    assert wilson.sniff(API / "collection.json", head(API / "collection.json"))
    front_matter = tmp_path / "note.md"
    front_matter.write_text("---\ntitle: A speech\ndate: 1962-10-22\n---\n# Heading\n\nText.\n")
    assert not wilson.sniff(front_matter, front_matter.read_text())
    table = tmp_path / "metadata.csv"
    table.write_text("fileid,date,president\n1,1962-10-22,Kennedy\n")
    assert not wilson.sniff(table, table.read_text())


def test_seed_metadata(seed, gold):
    expected = gold["wilson:300041"]
    assert seed.doc_id == expected["id"] == "wilson:300041"
    assert seed.title == expected["title"]
    assert seed.doc_type == expected["doc_type"] == "summary-of-conversation"
    assert (seed.date.start, seed.date.end, seed.date.precision) == (date(1962, 11, 2), date(1962, 11, 2), "day")
    assert seed.date.text == expected["date_text"] == "November 2, 1962"
    assert seed.place == expected["place"] == "Prague"
    assert seed.original_language == "Russian" and seed.language == "English"
    assert expected["citation_contains"] in seed.citation
    assert seed.archive == "RGANI"
    assert expected["url_contains"] in seed.url
    assert seed.summary.startswith("Blas Roca explains that the Cuban Missile Crisis")
    assert seed.extra["translated_by"] == expected["translated_by"] == "Gary Goldberg"
    assert seed.extra["contributed_by"] == expected["contributed_by"] == "James G. Hershberg"


def test_seed_participants(seed, gold):
    got = [(p.name, p.role, p.as_printed) for p in seed.participants]
    assert got == [
        ("A. M. Rumyantsev", "participant", "Cde. A. M. Rumyantsev"),
        ("Blas Roca", "participant", "Cde. Blas Roca"),
        ("Kremnev", "present", "Cdes. Kremnev and Semenov"),
        ("Semenov", "present", "Cdes. Kremnev and Semenov"),
    ]
    by_key = {p["match_key"]: p for p in gold["wilson:300041"]["participants"]}
    for person in seed.participants:
        key = "Blas Roca" if person.name == "Blas Roca" else person.name.split()[-1]
        assert by_key[key]["role"] == person.role
        assert by_key[key]["as_printed"] == person.as_printed
    assert seed.participants[0].post == "Editor-in-Chief of the journal 'Problemy Mira i Sotsializma'"
    assert seed.participants[2].post == "official of the journal's editorial board"


def test_seed_text_is_the_translation_paragraph_by_paragraph(seed, gold):
    paragraphs = seed.text.split("\n\n")
    passages = gold["wilson:300041"]["passages"]
    assert len(paragraphs) == len(passages) == 19
    for paragraph, passage in zip(paragraphs, passages):
        assert paragraph.startswith(passage["starts_with"])
    assert paragraphs[0].startswith("Summary of a conversation between Cde. A. M. Rumyantsev")
    assert "Translation - English" not in seed.text and "Blavatnik" not in seed.text
    assert paragraphs[-1].endswith("sees the meaning of his life in this.")
    assert "\n" not in seed.text.replace("\n\n", "")


def test_markdown_without_contents_is_refused(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text("# **November 2, 1962**\n\nA title\n\n### Citation:\n\nSomething.\n")
    with pytest.raises(ReaderError, match="no '### Contents:' section"):
        read_all(broken)


def test_markdown_with_a_bad_date_heading_is_refused(tmp_path):
    text = SEED_FILE.read_text(encoding="utf-8").replace("# **November 2, 1962**", "# **Autumn of 1962**")
    with pytest.raises(ReaderError, match="not a date: 'Autumn of 1962'"):
        read_all(tmp_path / "seed.txt", text)


# --- b) the scrape CSV ----------------------------------------------------------------------------

def test_csv_gives_all_eleven_records(csv_records):
    assert sorted(csv_records) == sorted(["300653", "300641", "300640", "300639", "300638", "300242",
                                          "300241", "300240", "300239", "300238", "300237"])
    assert all(r.source == "wilson" for r in csv_records.values())


def test_csv_nehru_letter(csv_records):
    nehru = csv_records["300653"]
    assert nehru.doc_id == "wilson:300653"
    assert nehru.title == "Letter, Jawaharlal Nehru to All Provincial Premiers"
    assert nehru.doc_type == "letter"
    assert (nehru.date.start, nehru.date.precision, nehru.date.text) == (date(1949, 4, 1), "day", "April 1, 1949")
    # the catalog's author; the title 'Letter, A to B' gives the addressees
    assert [(p.name, p.role, p.as_printed, p.kind) for p in nehru.participants] == [
        ("Jawaharlal Nehru", "author", "Nehru, Jawaharlal", "person"),
        ("All Provincial Premiers", "recipient", "All Provincial Premiers", "institution")]
    assert nehru.classification == "Secret"
    assert (nehru.language, nehru.original_language) == ("English", "English")
    assert nehru.archive == "Nehru Memorial Museum and Library (NMML)"
    assert nehru.citation == "Nehru Memorial Museum and Library, File No. JNSG, vol. 21-1."
    assert nehru.place == "New Delhi"                                   # "New Delhi, 1st April, 1949."
    assert nehru.url == "https://digitalarchive.wilsoncenter.org/document/letter-jawaharlal-nehru-all-provincial-premiers"
    # text_body lines are paragraphs
    assert nehru.text.split("\n\n")[:4] == ["Secret.", "F.N.33.", "New Delhi, 1st April, 1949.", "My dear premier,"]


def test_csv_kohl_blair_conversation(csv_records):
    record = csv_records["300242"]
    assert record.doc_type == "memcon"
    assert (record.date.start, record.date.precision) == (date(1997, 10, 31), "day")
    # the drafter signs "(Bitterlich)" (Joachim Bitterlich among the associated people); the title gives the posts
    assert [(p.name, p.role, p.post) for p in record.participants] == [
        ("Joachim Bitterlich", "author", None), ("Helmut Kohl", "participant", "Chancellor"),
        ("Tony Blair", "participant", "Prime Minister")]
    assert (record.language, record.original_language) == ("English", "German")
    assert record.archive == "German Federal Archives (BArch)"
    assert record.extra["translated_by"] == "Stephan Kieninger"
    assert record.place == "Bonn"
    assert record.text.startswith("MD J. Bitterlich Bonn, 31 October 1997\n\nM e m o r a n d u m")


def test_csv_japanese_records(csv_records):
    statement = csv_records["300638"]                                  # "November 1967"
    assert (statement.date.start, statement.date.end, statement.date.precision) == (
        date(1967, 11, 1), date(1967, 11, 30), "month")
    assert statement.doc_type == "statement"
    # family name first, as the document itself writes it ("From: Kawase Ikkan")
    petition = csv_records["300639"]
    # 'To: Ushiba Nobuhiko' / 'Vice Minister for Foreign Affairs': a petition addressed to him, so a letter
    assert [(p.name, p.kind, p.role, p.post) for p in petition.participants] == [
        ("Kawase Ikkan", "person", "author", None),
        ("Japan-China Import-Export Association", "institution", "author", None),
        ("Ushiba Nobuhiko", "person", "recipient", "Vice Minister for Foreign Affairs")]
    assert petition.doc_type == "letter"
    # an office's paper under a quoted title of its own ('... Bureau [...], 'The Chinese Communist Problem'')
    assert csv_records["300640"].doc_type == "paper"
    ministry = csv_records["300641"]
    # the catalog's author, then the office the title names ('Economic Cooperation Division [Ministry of
    # Foreign Affairs, Japan], 'Main Points ...'')
    assert [(p.name, p.kind, p.role) for p in ministry.participants] == [
        ("Japan. Foreign Ministry", "institution", "author"),
        ("Economic Cooperation Division, Ministry of Foreign Affairs, Japan", "institution", "author")]
    # the catalog already names the bureau of 300640 ('Japan. Foreign Ministry. Asian Affairs Bureau')
    assert [p.name for p in csv_records["300640"].participants] == [
        "Japan. Foreign Ministry", "Japan. Foreign Ministry. Asian Affairs Bureau"]
    assert ministry.original_language == "Japanese"


def _rewrite_csv(changes: dict[int, dict[str, str]], extra_rows: list[dict] | None = None) -> str:
    rows = list(csv.DictReader(io.StringIO(WILSON_CSV.read_text(encoding="utf-8"), newline="")))
    for index, change in changes.items():
        rows[index].update(change)
    rows.extend(extra_rows or [])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_csv_bad_rows_are_rejected_and_the_rest_come_out(tmp_path):
    text = _rewrite_csv({1: {"text_body": "  \n "}, 2: {"original_publication_date": "sometime in 1967"}})
    records = read_all(tmp_path / "wilson_archive.csv", text)
    rejected = [r for r in records if isinstance(r, RejectedRecord)]
    assert rejected == [RejectedRecord(where="row 2", reason="no text (text_body is empty)"),
                        RejectedRecord(where="row 3", reason="not a date: 'sometime in 1967'")]
    assert len([r for r in records if isinstance(r, DocumentRecord)]) == 9


def test_csv_field_larger_than_the_csv_default_limit(tmp_path):
    rows = list(csv.DictReader(io.StringIO(WILSON_CSV.read_text(encoding="utf-8"), newline="")))
    big = dict(rows[0], record_id="999001", text_body="word " * 60000)        # 300,000 characters
    records = read_all(tmp_path / "big.csv", _rewrite_csv({}, [big]))
    assert len(records) == 12
    assert records[-1].native_id == "999001" and len(records[-1].text) > 131072


# --- c) API JSON --------------------------------------------------------------------------------

def test_api_transcript_becomes_one_document():
    [record] = read_all(API / "transcript.json")
    assert record.doc_id == "wilson:transcript-33548"
    assert record.language == record.original_language == "Russian"
    assert record.url == "https://digitalarchive.wilsoncenter.org/transcripts/33548.html"
    assert record.date.precision == "undated"
    paragraphs = record.text.split("\n\n")
    assert len(paragraphs) == 21
    assert paragraphs[0].startswith("По указанию министра иностранных дел СССР тов. Вышинского")
    assert paragraphs[-2:] == ["Посол СССР в Китае", "Н. Рощин"]
    assert ".cs366E2583" not in record.text                            # the <style> block is gone
    assert record.title.startswith("По указанию министра") and record.title.endswith("…")


def test_api_collection_is_not_a_document():
    with pytest.raises(ReaderError) as err:
        read_all(API / "collection.json")
    assert str(err.value) == "a Wilson Center collection record, not a document"


def test_api_list_rejects_the_collection_and_keeps_the_transcript(tmp_path):
    items = [json.loads((API / name).read_text(encoding="utf-8")) for name in ("collection.json", "transcript.json")]
    records = read_all(tmp_path / "records.json", json.dumps(items))
    assert records[0] == RejectedRecord(where="item 1", reason="a Wilson Center collection record, not a document")
    assert records[1].native_id == "transcript-33548"


def test_api_document_record_with_an_inline_translation(tmp_path):
    record = {
        "id": "111968", "uri": "/api/record/111968", "title": "Record of Conversation between Mao Zedong and Roshchin",
        "description": "Mao on the recognition of the PRC.", "doc_date": "19500101",
        "frontend_doc_date": "January 1, 1950", "slug": "x", "source": "AVP RF, f. 0100, op. 43, d. 43.",
        "languages": [{"id": "rus", "name": "Russian"}],
        "translations": [{"id": "1", "language": {"id": "eng", "name": "English"},
                          "html": "<p>On instructions of Cde. Vyshinsky I visited Mao Zedong.</p><p>Mao said…</p>"}],
    }
    [doc] = read_all(tmp_path / "record.json", json.dumps(record))
    assert (doc.doc_id, doc.doc_type, doc.date.start, doc.date.text) == (
        "wilson:111968", "memcon", date(1950, 1, 1), "January 1, 1950")
    assert (doc.language, doc.original_language) == ("English", "Russian")
    assert doc.text == "On instructions of Cde. Vyshinsky I visited Mao Zedong.\n\nMao said…"


def test_html_is_read_without_entities_or_fetching(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    markup = (f'<!DOCTYPE p [<!ENTITY e SYSTEM "file://{secret}">]>'
              '<style>p { color: red }</style><p>Before &e; after &amp; done</p><p>Second</p>')
    paragraphs = wilson.html_paragraphs(markup)
    assert paragraphs == ["Before &e; after & done", "Second"]
    assert "TOP-SECRET-MARKER" not in " ".join(paragraphs)


def test_malformed_json_and_unknown_content(tmp_path):
    with pytest.raises(ReaderError, match="^malformed JSON: "):
        read_all(tmp_path / "x.json", '{"asset_id": "1", "raw": ')
    with pytest.raises(ReaderError, match="^not a Wilson Center record"):
        read_all(tmp_path / "x.txt", "Just some text.\n")


# --- round 4 (issue 11): a memorandum's own dateline, a briefing paper, the parties' posts ----------

def _one_row_csv(title: str, body: str, published: str, contributors: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["document_url", "record_id", "title", "original_publication_date",
                                             "text_body", "document_contributors", "language"])
    writer.writeheader()
    writer.writerow({"document_url": "https://example.org/document/1", "record_id": "1", "title": title,
                     "original_publication_date": published, "text_body": body,
                     "document_contributors": contributors, "language": '["German"]'})
    return out.getvalue()


def test_the_memorandums_own_dateline_wins_over_the_talks_date(tmp_path):
    """The archive dates the record by the talk its title names (20 July); the memorandum's own
    letterhead says 'Bonn, 30 July 1997': that is the record's date and place."""
    body = ("VLR I Hartmann                       Bonn, 30 July 1997\nM e m o r a n d u m\n"
            "The Federal Chancellor said that he welcomed the visit.\n(Hartmann)")
    (record,) = read_all(tmp_path / "w.csv", _one_row_csv(
        "Conversation of Federal Chancellor Kohl with Prime Minister Blair on 20 July 1997", body,
        "July 20, 1997", '["Kohl, Helmut", "Blair, Anthony Charles Lynton (\\"Tony\\")"]'))
    assert (record.date.start, record.place, record.doc_type) == (date(1997, 7, 30), "Bonn", "memcon")
    assert [(p.name, p.role, p.post) for p in record.participants] == [
        ("Hartmann", "author", None), ("Helmut Kohl", "participant", "Chancellor"),
        ("Tony Blair", "participant", "Prime Minister")]


def test_main_points_of_a_talk_are_a_briefing_paper(tmp_path):
    (record,) = read_all(tmp_path / "w.csv", _one_row_csv(
        "Main Points of the Chancellor's [Helmut Kohl's] Talk with PM Blair", "1. Europe.\n2. Trade.",
        "July 20, 1997", '["Kohl, Helmut"]'))
    assert record.doc_type == "paper"
    assert wilson._doc_type_from_title("Memorandum of Conversation: Main Points") == "memcon"


# --- round 5 (issue 11): the third key's Wilson records, development material now ----------------

@pytest.fixture(scope="module")
def round5() -> dict[str, DocumentRecord]:
    return {r.native_id: r for r in read_all(DATA / "wilson" / "wilson_round5.csv")}


def test_a_two_sided_participants_block_adds_the_people_the_catalog_leaves_out(round5):
    """300239: 'Participants on the Kazakh side: President Nazarbayev, Foreign Minister Tokayev as
    notetaker, N.N., adviser' / 'Participants on our side: The Chancellor, signee, interpreter (of the
    embassy)'. Tokayev is added (on the Kazakh side), the signee is the writer Bitterlich, who was there;
    'N.N.', 'adviser', 'interpreter' name nobody, Nazarbayev and the Chancellor are the catalog's."""
    record = round5["300239"]
    assert [(p.name, p.role, p.post, p.side) for p in record.participants] == [
        ("Joachim Bitterlich", "author", None, None), ("Helmut Kohl", "participant", "Chancellor", None),
        ("Nursultan Abishuly Nazarbayev", "participant", "President", None),
        ("Tokayev", "participant", "Foreign Minister", "Kazakhstan"),
        ("Joachim Bitterlich", "participant", None, None)]
    assert record.extra["has_participants_block"] is True
    assert "has_participants_block" not in round5["300240"].extra       # no such lines: nothing added
    assert [p.name for p in round5["300240"].participants] == ["Blomeyer", "Helmut Kohl", "Leonid Danylovych Kuchma"]


def test_the_office_a_title_names_before_a_quoted_title_is_the_author(round5):
    paper = round5["300641"]
    assert paper.doc_type == "paper"
    office = paper.participants[-1]
    assert (office.name, office.as_printed, office.kind, office.role, office.side) == (
        "Economic Cooperation Division, Ministry of Foreign Affairs, Japan", "Economic Cooperation Division",
        "institution", "author", "Japan")
    assert wilson._issuing_office("The Chancellor's [Helmut Kohl's] Conversation with PM Blair") == []


def test_participants_entries_name_ranks_the_writer_and_nobody():
    from corpus.record import PersonRef
    known = [PersonRef("Joachim Bitterlich", "author", "MD J. Bitterlich"),
             PersonRef("Helmut Kohl", "participant", "Kohl", post="Chancellor")]
    entry = lambda printed: wilson._block_person(printed, known, None)        # noqa: E731
    assert (entry("MD Bitterlich").name, entry("MD Bitterlich").role) == ("Joachim Bitterlich", "participant")
    assert (entry("VLR I Hartmann").name, entry("VLR I Hartmann").post) == ("Hartmann", "VLR I")
    assert (entry("Dr. Neuer").name, entry("Dr. Neuer").post) == ("Neuer", None)
    tokayev = entry("Kazakh Foreign Minister Tokayev")
    assert (tokayev.name, tokayev.post, tokayev.side) == ("Tokayev", "Foreign Minister", "Kazakhstan")
    assert [entry(e) for e in ("The Chancellor", "N.N.", "adviser", "interpreter", "Chancellor Kohl")] == [None] * 5


def test_addressees_from_the_title_and_petitions_by_whom_they_address():
    [stalin] = wilson._title_recipient("Telegram from Mao Zedong to Stalin, regarding the Korean War")
    assert (stalin.name, stalin.role, stalin.kind) == ("Stalin", "recipient", "person")
    assert wilson._title_recipient("The Chancellor's [Helmut Kohl's] Conversation with PM Blair") == []
    assert wilson._record_type("Petition of the Residents of Bluefields", []) == "statement"
    assert wilson._record_type("Asian Affairs Bureau [Ministry of Foreign Affairs, Japan], 'Record of "
                               "Conversation between Foreign Minister Miki and Ambassador Chen'", []) == "memcon"
