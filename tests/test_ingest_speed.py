"""The faster ingest and indexing keep their results: one tokenization serves the index, the word
count and the token store; files read in worker processes give the same catalog and report as
files read in-process; an index built with term vectors (before they were dropped) still opens,
searches and takes updates."""
from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import select

from corpus.db import Catalog
from corpus.ingest import Ingester, reading_workers
from corpus.models import Document, Passage, Person, PersonAlias, SourceFile
from corpus.text import count_tokens, tokenize
from search import indexer as indexer_module
from search.engine import SearchEngine, SearchRequest
from search.indexer import Indexer, index_dir, open_index, writer_limit_mb
from search.schema import exact_analyzer
from search.tokenstore import split_words, words_with_breaks

TRICKY = [
    "Cde. Blas Roca said: the U.S. will not retreat. Mr. Khrushchev agreed; J. F. Kennedy did not!",
    "US and May 1962 stay; don't, IL-28s, a.b.c. and U.S.S.R.-Cuban talks ... end.\n\nNew paragraph?",
    "İstanbul ΟΔΟΣ Σ's ﬁne Straße naïve — “quoted” 'single' 12,000 3.5",
    "", "   ", "...", "one",
]


def _analyzed(text: str) -> list[tuple[str, int]]:
    return [(t.text, t.pos) for t in exact_analyzer()(text, positions=True)]


@pytest.mark.parametrize("text", TRICKY)
def test_one_tokenization_gives_the_analyzers_terms_and_positions(text):
    words, stream = split_words(text)
    assert _analyzed(text) == list(zip(words, range(len(words))))
    assert words == tokenize(text) and len(words) == count_tokens(text)
    assert [w for w in stream if w is not None] == words
    assert stream == words_with_breaks(text)


def _write_notes(folder, texts: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in texts.items():
        (folder / f"{name}.md").write_text(f"---\ntitle: {name}\ndate: 1962-10-{10 + len(name)}\nspeakers: "
                                           f"John F. Kennedy\n---\n{body}\n", encoding="utf-8")


NOTES = {f"note{i:02d}": f"Note {i}. The naval blockade of Cuba holds; Mr. Khrushchev writes again.\n\n"
                         f"KHRUSHCHEV: We shall not retreat from position {i}." for i in range(12)}


def _catalog_rows(catalog: Catalog) -> dict[str, list]:
    with catalog.session() as s:
        return {
            "documents": [(d.id, d.seq, d.source_id, d.text, d.token_count, d.content_hash, d.extra)
                          for d in s.scalars(select(Document).order_by(Document.seq))],
            "passages": [(p.id, p.document_id, p.position, p.start, p.end, p.kind, p.speaker_id)
                         for p in s.scalars(select(Passage).order_by(Passage.id))],
            "persons": [(p.id, p.name) for p in s.scalars(select(Person).order_by(Person.id))],
            "aliases": [(a.person_id, a.key) for a in s.scalars(select(PersonAlias).order_by(PersonAlias.id))],
            "files": [(f.path, f.file_hash, f.reader) for f in s.scalars(select(SourceFile).order_by(SourceFile.id))],
        }


def _report(report) -> dict:
    data = report.to_json()
    for key in ("seconds", "documents_per_second", "words_per_second", "run_id"):
        data.pop(key)
    return data


def _mixed_folder(tmp_path):
    folder = tmp_path / "in" / "notes"
    _write_notes(folder, NOTES)
    (folder / "README.md").write_text("About these notes.\n", encoding="utf-8")           # skipped
    (folder / "blob.md").write_bytes(b"\x00\x01binary")                                   # rejected
    (folder / "empty.md").write_text("  \n", encoding="utf-8")                            # rejected
    (folder / "zz-copy.md").write_text((folder / "note03.md").read_text(encoding="utf-8")
                                       .replace("title: note03", "title: copy"), encoding="utf-8")  # duplicate
    return folder


def test_reading_in_worker_processes_gives_the_same_catalog_and_report(tmp_path):
    folder = _mixed_folder(tmp_path)
    results = {}
    for workers in (0, 2):
        catalog = Catalog.for_instance(tmp_path / f"instance-{workers}")
        first = Ingester(catalog, workers=workers).run([folder, folder / "note01.md"])   # one file named twice
        again = Ingester(catalog, workers=workers).run([folder])
        results[workers] = (_report(first), _report(again), _catalog_rows(catalog))
        catalog.dispose()
    assert results[0] == results[2]
    first, again, rows = results[2]
    assert (first["added"], first["unchanged"], first["duplicates"], first["rejected"]) == (12, 1, 1, 2)
    assert (again["added"], again["unchanged"]) == (0, 12)
    assert [row[4] for row in rows["documents"]] == [count_tokens(row[3]) for row in rows["documents"]]


def test_a_few_files_are_read_in_process():
    assert reading_workers(3) == 0


def _index_terms(instance) -> dict[tuple[int, int], dict[str, list[int]]]:
    """Every entry (document seq, start) -> term -> positions, as the index holds them."""
    ix = open_index(instance, create=False)
    terms: dict[tuple[int, int], dict[str, list[int]]] = defaultdict(dict)
    with ix.reader() as reader:
        dseq, ustart = reader.column_reader("dseq"), reader.column_reader("ustart")
        for term in reader.lexicon("text"):
            matcher = reader.postings("text", term)
            while matcher.is_active():
                docnum = matcher.id()
                terms[(dseq[docnum], ustart[docnum])][term.decode()] = matcher.value_as("positions")
                matcher.next()
    return terms


def test_the_index_holds_the_analyzers_terms_and_positions(tmp_path):
    _write_notes(tmp_path / "notes", {"a": TRICKY[0], "b": TRICKY[1] + "\n\nJ. F. K. in the U.S.", "c": TRICKY[2]})
    instance = tmp_path / "instance"
    catalog = Catalog.for_instance(instance)
    Ingester(catalog).run([tmp_path / "notes"])
    Indexer(catalog, instance).rebuild()
    expected = {}
    with catalog.session() as s:
        for doc in s.scalars(select(Document)):
            for unit in indexer_module.units_of(doc):
                by_term = defaultdict(list)
                for term, pos in _analyzed(doc.text[unit.start:unit.end]):
                    by_term[term].append(pos)
                if by_term:
                    expected[(doc.seq, unit.start)] = dict(by_term)
    assert _index_terms(instance) == expected
    catalog.dispose()


def test_an_index_built_with_term_vectors_still_opens_searches_and_updates(tmp_path, monkeypatch):
    from whoosh import formats
    from search.schema import build_schema

    def schema_with_vectors():
        schema = build_schema()
        schema["text"].vector = formats.Frequency()
        return schema

    def build(name, schema):
        monkeypatch.setattr(indexer_module, "build_schema", schema)
        _write_notes(tmp_path / name / "notes", dict(list(NOTES.items())[:3]))
        catalog = Catalog.for_instance(tmp_path / name / "instance")
        Ingester(catalog).run([tmp_path / name / "notes"])
        Indexer(catalog, tmp_path / name / "instance").rebuild()
        return catalog, tmp_path / name / "instance"

    built = {"old": build("old", schema_with_vectors), "new": build("new", build_schema)}
    monkeypatch.setattr(indexer_module, "build_schema", build_schema)
    with open_index(built["old"][1], create=False).reader() as reader:
        assert reader.has_vector(0, "text")
    with open_index(built["new"][1], create=False).reader() as reader:
        assert not reader.has_vector(0, "text")
    totals = {}
    for name, (catalog, instance) in built.items():
        _write_notes(tmp_path / name / "more", {"later": "A later note: the naval blockade is lifted."})
        report = Ingester(catalog).run([tmp_path / name / "more"])
        Indexer(catalog, instance).update(report.added)
        engine = SearchEngine(catalog, instance)
        totals[name] = [engine.search(SearchRequest(query=q)).total_hits
                        for q in ('"naval blockade"', "khrushchev", "lifted", '"not retreat"')]
        engine.close()
        catalog.dispose()
    assert totals["old"] == totals["new"] == [4, 6, 1, 3]
    assert _index_terms(built["old"][1]) == _index_terms(built["new"][1])


def _machine_with(monkeypatch, gib: float) -> None:
    pages = {"SC_PAGE_SIZE": 4096, "SC_PHYS_PAGES": int(gib * 2 ** 30 / 4096)}
    monkeypatch.setattr(indexer_module.os, "sysconf", lambda name: pages[name])


@pytest.mark.parametrize("gib, limit", [(24, 8192), (32, 8192), (3, 1024), (0.5, 256)])
def test_the_writer_memory_limit_is_a_third_of_the_machine_within_bounds(monkeypatch, gib, limit):
    _machine_with(monkeypatch, gib)
    assert writer_limit_mb() == limit


def test_the_writer_memory_limit_can_be_set(monkeypatch):
    monkeypatch.setattr(indexer_module, "WRITER_LIMIT_MB", 64)
    assert writer_limit_mb() == 64
