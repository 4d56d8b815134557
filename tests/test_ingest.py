"""The ingest pipeline on real documents: catalog contents, idempotence, changes, bad input."""
from __future__ import annotations

import shutil
from datetime import date

import pytest
from sqlalchemy import func, select

from corpus.db import Catalog
from corpus.ingest import IngestOptions, Ingester, ingest
from corpus.models import Document, IngestRun, Passage, Person, PersonAlias, SourceFile
from corpus.queries import document_json

from .conftest import FRUS_V05_TEXT, SEED_FILE, WILSON_CSV


@pytest.fixture
def catalog(tmp_path):
    cat = Catalog.for_instance(tmp_path / "instance")
    yield cat
    cat.dispose()


def count(catalog, model, *where) -> int:
    with catalog.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def speech_file(folder, name="speech.md", body="We shall not retreat.\n\nThe blockade stands."):
    """A small front-matter document; its id is the file stem, its source `speeches`."""
    path = folder / name
    path.write_text(f"---\ntitle: Test speech\ndate: 1962-10-22\nsource: speeches\nspeakers: John F. Kennedy\n"
                    f"---\n{body}\n", encoding="utf-8")
    return path


def test_seed_document_comes_out_as_the_wilson_record(catalog):
    report = ingest(catalog, [SEED_FILE])
    assert report.added == ["wilson:300041"] and not report.rejected
    with catalog.session() as s:
        doc = document_json(s, "wilson:300041", with_text=True)
    assert (doc["date_start"], doc["date_end"], doc["date_precision"]) == ("1962-11-02", "1962-11-02", "day")
    assert doc["date_text"] == "November 2, 1962"
    assert doc["original_language"] == "Russian"
    assert "RGANI, f. 5, op. 50, d. 413" in doc["citation"]
    assert doc["summary"].startswith("Blas Roca explains that the Cuban Missile Crisis")
    names = {p["name"] for p in doc["participants"]}
    assert {"Blas Roca", "Kremnev", "Semenov"} <= names
    assert any("Rumyantsev" in n for n in names)
    roles = {p["name"]: p["role"] for p in doc["participants"]}
    assert roles["Kremnev"] == roles["Semenov"] == "present"
    speakers = {p["speaker"] for p in doc["passages"]}
    assert "Blas Roca" in speakers
    assert not any(sp and ("Rumyantsev" in sp or sp in ("Kremnev", "Semenov")) for sp in speakers)
    text = doc["text"]
    defeat = [p for p in doc["passages"] if "ought to be viewed as a defeat" in text[p["start"]:p["end"]]]
    assert [p["speaker"] for p in defeat] == ["Blas Roca"]
    assert doc["token_count"] > 1000


def test_passages_cover_real_spans_of_the_text(catalog):
    ingest(catalog, [SEED_FILE])
    with catalog.session() as s:
        doc = document_json(s, "wilson:300041", with_text=True)
    spans = [(p["start"], p["end"]) for p in doc["passages"]]
    assert spans == sorted(spans)
    assert all(0 <= a < b <= len(doc["text"]) for a, b in spans)
    first = doc["text"][spans[0][0]:spans[0][1]]
    assert first.startswith("Summary of a conversation between Cde. A. M. Rumyantsev")


def test_reingesting_unchanged_files_changes_nothing(catalog):
    first = ingest(catalog, [SEED_FILE, WILSON_CSV])
    assert len(first.added) == 12 and first.corpus_version == 1
    with catalog.session() as s:
        passages_before = s.scalar(select(func.count()).select_from(Passage))
    second = ingest(catalog, [SEED_FILE, WILSON_CSV])
    assert (second.added, second.updated, second.removed, second.unchanged) == ([], [], [], 12)
    assert second.corpus_version == 1
    assert count(catalog, Document) == 12
    assert count(catalog, Passage) == passages_before
    assert count(catalog, IngestRun) == 2


def test_a_changed_file_replaces_its_documents(catalog, tmp_path):
    path = speech_file(tmp_path)
    ingest(catalog, [path])
    path.write_text(path.read_text().replace("The blockade stands.", "The quarantine stands.\n\nGood night."))
    report = ingest(catalog, [path])
    assert report.updated == ["speeches:speech"] and report.added == []
    doc_id = report.updated[0]
    with catalog.session() as s:
        doc = s.get(Document, doc_id)
        assert "quarantine" in doc.text and "blockade" not in doc.text
        assert len(doc.passages) == 3
        assert doc.added_version == 1 and doc.updated_version == 2
    assert report.corpus_version == 2


def test_rows_gone_from_a_table_are_removed(catalog, tmp_path):
    table = tmp_path / "memos.csv"
    table.write_text("id,date,title,text\nm1,1962-10-27,First,Missiles in Cuba.\nm2,1962-10-28,Second,"
                     "Withdrawal agreed.\n", encoding="utf-8")
    opts = IngestOptions(source="memos")
    assert ingest(catalog, [table], opts).added == ["memos:m1", "memos:m2"]
    table.write_text("id,date,title,text\nm1,1962-10-27,First,Missiles in Cuba.\n", encoding="utf-8")
    report = ingest(catalog, [table], opts)
    assert report.removed == ["memos:m2"] and report.unchanged == 1
    assert count(catalog, Document) == 1


def test_the_same_text_under_two_files_is_stored_once(catalog, tmp_path):
    a = speech_file(tmp_path, "a.md")
    b = tmp_path / "copy"
    b.mkdir()
    shutil.copy(a, b / "b.md")
    report = ingest(catalog, [a, b / "b.md"])
    assert report.added == ["speeches:a"]
    assert [d.reason for d in report.duplicates] == ["duplicate: same text as speeches:a, not stored again"]
    assert count(catalog, Document) == 1


def test_the_same_file_in_two_places_is_a_duplicate(catalog, tmp_path):
    copy = tmp_path / "seed-copy.txt"
    shutil.copy(SEED_FILE, copy)
    ingest(catalog, [SEED_FILE])
    report = ingest(catalog, [copy])
    assert report.added == [] and len(report.duplicates) == 1
    assert report.duplicates[0].reason.startswith("duplicate: wilson:300041 was already ingested from ")
    assert count(catalog, Document) == 1


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.md": (b"  \n\n \n", "empty file"),
    "scan.txt": (b"%PDF-1.4\x00\x00\x01\x02binary", "binary file, not text"),
    "latin1.txt": ("Caf\u00e9 Habana".encode("latin-1"),
                   "not UTF-8 text (undecodable byte 0xe9 at byte 3); convert it to UTF-8 and ingest it again"),
    "badyaml.md": (b"---\ntitle: [unclosed\n---\nBody text.\n", None),
    "baddate.md": (b"---\ntitle: A memo\ndate: the day after the blockade\n---\nBody text.\n",
                   "not a date: 'the day after the blockade'"),
}


def test_bad_input_is_rejected_per_file_and_the_rest_goes_on(catalog, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, (data, _) in BAD_INPUTS.items():
        (folder / name).write_bytes(data)
    speech_file(folder, "good.md")
    report = ingest(catalog, [folder])
    reasons = {p.where.rsplit("/", 1)[-1]: p.reason for p in report.rejected}
    assert set(reasons) == set(BAD_INPUTS)
    for name, (_, reason) in BAD_INPUTS.items():
        if reason:
            assert reasons[name] == reason, name
    assert reasons["badyaml.md"].startswith("front matter is not valid YAML")
    assert len(report.added) == 1 and count(catalog, Document) == 1


def test_malformed_xml_is_rejected_with_its_position(catalog, tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="v"><text><body>'
                   '<div type="document" xml:id="d1"><p>Unclosed</div></body></text></TEI>', encoding="utf-8")
    report = ingest(catalog, [bad], IngestOptions(format="frus-tei"))
    assert len(report.rejected) == 1
    assert report.rejected[0].reason.startswith("malformed XML")
    assert "line 1" in report.rejected[0].reason
    assert count(catalog, Document) == 0


def test_a_huge_file_is_refused_before_it_is_read(catalog, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000, encoding="utf-8")
    report = ingest(catalog, [big], IngestOptions(max_file_bytes=1024 * 1024))
    assert report.rejected[0].reason == "file too large (1.4 MB; the limit is 1 MB)"


def test_an_interrupted_file_leaves_nothing_half_written(catalog, monkeypatch):
    calls = {"n": 0}
    original = Ingester._write_people

    def failing(self, session, persons, rec):
        calls["n"] += 1
        if calls["n"] == 100:
            raise RuntimeError("disk full")
        return original(self, session, persons, rec)

    monkeypatch.setattr(Ingester, "_write_people", failing)
    with pytest.raises(RuntimeError):
        ingest(catalog, [FRUS_V05_TEXT])
    assert count(catalog, Document) == 0
    assert count(catalog, Passage) == 0
    assert count(catalog, SourceFile) == 0
    monkeypatch.setattr(Ingester, "_write_people", original)
    report = ingest(catalog, [FRUS_V05_TEXT])
    assert len(report.added) == 390


def test_people_are_one_person_under_their_aliases(catalog, tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for i, name in enumerate(["Khrushchev", "Chairman Khrushchev", "N. S. Khrushchev", "Cde. Khrushchev"]):
        (folder / f"l{i}.md").write_text(
            f"---\ntitle: Letter {i}\ndate: 1962-10-{20 + i}\nparticipants:\n  - name: {name}\n"
            f"    role: author\n---\nLetter number {i} about the missiles.\n", encoding="utf-8")
    ingest(catalog, [folder])
    with catalog.session() as s:
        persons = s.scalars(select(Person.name)).all()
        assert persons == ["Nikita Khrushchev"]
        aliases = set(s.scalars(select(PersonAlias.alias)))
    assert {"Khrushchev", "Chairman Khrushchev", "N. S. Khrushchev", "Cde. Khrushchev"} <= aliases


def test_seed_semenov_is_not_the_deputy_foreign_minister(catalog):
    ingest(catalog, [SEED_FILE, FRUS_V05_TEXT])
    with catalog.session() as s:
        seed = document_json(s, "wilson:300041")
        d253 = document_json(s, "frus1961-63v05:d253")
    seed_semenov = [p["name"] for p in seed["participants"] if "Semenov" in p["name"]]
    frus_semenov = [p["name"] for p in d253["participants"] if "Semenov" in p["name"]]
    assert seed_semenov == ["Semenov"]
    assert len(frus_semenov) == 1 and frus_semenov[0] != "Semenov" and "Vladimir" in frus_semenov[0]


def test_frus_volume_dates_and_counts(catalog):
    report = ingest(catalog, [FRUS_V05_TEXT])
    assert len(report.added) == 390 and not report.rejected
    with catalog.session() as s:
        d255 = s.get(Document, "frus1961-63v05:d255")
        assert (d255.date_start, d255.place, d255.time_text) == (date(1962, 10, 20), "Moscow", "7 p.m.")
        october = s.scalar(select(func.count()).select_from(Document).where(
            Document.date_start >= date(1962, 10, 1), Document.date_end <= date(1962, 10, 31)))
    assert october == 16   # SOURCE.md: 16 of the simple datelines fall in October 1962
