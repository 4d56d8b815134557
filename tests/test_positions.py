"""The position arrays (search/positions.py) and the engine's matching on them (search/arraymatch.py):
the same answers as Whoosh's matchers, published with every index update, and a clean fallback."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from corpus.models import Document
from corpus.text import tokenize
from search import positions
from search.engine import SearchEngine, SearchRequest
from search.errors import SearchError
from search.indexer import Indexer, index_dir
from search.kwic import around, around_occurrence

QUERIES = ["missile", "the", "Cuba", "us", '"Soviet Union"', '"naval blockade"', '"Soviet missile bases"', '"in the"',
           "blockad*", "quarant*", '"missile bases"~5', '"Cuba Khrushchev"~3', "missile AND Cuba",
           "missile OR blockade", "Cuba NOT missile", '"Soviet Union" AND missile', '"Soviet Union" OR Cuba',
           "(missile OR rocket) AND Cuba", '"United Nations" NOT "Security Council"', "year:1962 Cuba",
           "source:wilson missile", "speaker:Khrushchev war", "type:memcon peace", "nosuchwordatall",
           # issue 11: hyphens and periods between words split them; abbreviations stay whole
           "nuclear", "non-nuclear", "non-nuc*", "IL-28", "cease-fire AND Cuba", '"U.S.-Soviet relations"',
           "U.S.", "U.S.S.R.", "u.s.*", "p.m.", "3.5", "sino-soviet OR Sino-American", '"non-nuclear"~2']
OPTIONS = [{}, {"variants": True}, {"date_from": "1962-10-16", "date_to": "1962-10-28"}, {"speaker": "Khrushchev"}]
SORTS = [("date", 0), ("document", 7), ("R1", 0), ("L2", 5), ("R3", 3)]


def _whoosh_only(engine: SearchEngine) -> SearchEngine:
    """An engine on the same instance that never uses the position arrays."""
    slow = SearchEngine(engine.catalog, engine.instance)
    slow.positions = lambda: None
    return slow


def _answer(engine: SearchEngine, request: SearchRequest) -> dict:
    try:
        out = engine.search(request).to_json()
    except SearchError as exc:
        return {"error": str(exc)}
    out.pop("seconds")
    return out


def test_the_stream_holds_every_entry_in_index_order(corpus_index, documents):
    catalog, instance, engine = corpus_index
    pos = engine.positions()
    with catalog.session() as s:
        seq = dict(s.execute(select(Document.id, Document.seq)).all())
    where = {(int(d), int(u)): (int(a)) for d, u, a in zip(pos.entry_dseq, pos.entry_ustart, pos.entry_start)}
    checked = 0
    for doc_id, text, _start, _end, units, _speakers in documents:
        for unit in units:
            words = tokenize(text[unit.start:unit.end])
            if not words:
                continue
            start = where[(seq[doc_id], unit.start)]
            stream = [pos.words[i] for i in pos.tokens[start:start + len(words) + 1]]
            assert stream == words + [""], (doc_id, unit.start)
            checked += len(words)
    # 367,502 before hyphens and periods between words split them (issue 11); the hand-written scan
    # of tests/test_tokenizer.py counts 371,025 words in the same entries.
    assert checked == len(pos.postings) == 371_025
    assert json.loads((index_dir(instance) / positions.POINTER).read_text())["tokens"] == 371_025


@pytest.mark.parametrize("query", QUERIES)
def test_the_arrays_answer_exactly_as_whoosh(corpus_index, query):
    """Totals, documents, every facet (with its order), warnings and the KWIC page, for each
    sort and filter option."""
    engine = corpus_index[2]
    slow = _whoosh_only(engine)
    for options in OPTIONS:
        assert engine.match(SearchRequest(query=query, **options)).spans is not None
        for sort, offset in SORTS:
            request = SearchRequest(query=query, sort=sort, offset=offset, limit=20, width=5, **options)
            assert _answer(engine, request) == _answer(slow, request), (query, options, sort)
    slow.close()


def test_pinned_counts_on_the_seed_corpus(corpus_index):
    engine = corpus_index[2]
    counts = {q: (r.total_hits, r.total_documents) for q in
              ['"Soviet missile bases"', '"missile bases"~5', "blockad*", '"naval blockade"', "the"]
              for r in [engine.search(SearchRequest(query=q, limit=1))]}
    assert counts == {'"Soviet missile bases"': (11, 1), '"missile bases"~5': (15, 5), "blockad*": (15, 8),
                      '"naval blockade"': (2, 2), "the": (23_734, 388)}
    near = engine.search(SearchRequest(query='"missile bases"~5', sort="R1", limit=3))
    assert [(h.doc_id, h.match) for h in near.hits] == [
        ("frus1961-63v05:d87", "missile bases"), ("frus1961-63v05:d95", "missile bases"),
        ("frus1961-63v05:d143", "missile, submarine, or air bases")]


def test_context_sort_is_read_from_the_stream_and_matches_the_text(corpus_index):
    """R1 over all 23,734 hits of "the": the page equals a sort of every hit by the next words
    of the text itself."""
    engine = corpus_index[2]
    page = engine.search(SearchRequest(query="the", sort="R1", limit=50, offset=1000, width=3))
    following = [(tokenize(h.right) or [""])[0] for h in page.hits]
    assert following == sorted(following) and len(set(following)) > 1
    assert page.total_hits == 23_734 and len(page.hits) == 50


def test_variants_phrase_inside_and_sorts_by_relevance(corpus_index):
    """Whoosh had no size estimate for a variants phrase inside AND/OR (a traceback before)."""
    engine = corpus_index[2]
    ranked = engine.search(SearchRequest(query='"Soviet Union" AND missile', variants=True, sort="relevance"))
    dated = engine.search(SearchRequest(query='"Soviet Union" AND missile', variants=True))
    assert ranked.total_hits == dated.total_hits == 78


@pytest.mark.parametrize("text, word, nth, length", [
    ("The U.S. and the U.S.S.R. met; the U.S. said no.", "u.s", 1, 1),
    ("Don't say don't; say do not. Don't!", "don't", 2, 1),
    ("Soviet-Union is one word, but the Soviet Union is two: Soviet Union.", "soviet", 1, 2),
    ("naval blockade, naval-blockade, NAVAL BLOCKADE", "naval", 1, 2),
    # hits inside compounds (tokenizer version 2 splits at hyphens and at a period between words)
    ("non-nuclear powers and nuclear powers: non-nuclear", "nuclear", 2, 1),
    ("The U.S. says U.S.-Soviet; the u.s. S s", "s", 0, 1),
    ("Don't; don't-care, don't", "don't", 1, 1),
    ("3.5 and 5 and 3.5.5 and 5.", "5", 1, 1),
])
def test_a_hit_found_by_its_word_gives_the_same_kwic_as_tokenizing(text, word, nth, length):
    tokens = tokenize(text)
    first = [i for i, t in enumerate(tokens) if t == word][nth]
    assert around_occurrence(text, 0, word, nth, length, 3) == around(text, 0, first, first + length - 1, 3)


def test_arrays_follow_each_update_and_the_engine_falls_back_without_them(tmp_path):
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from web.cli import cli
    (tmp_path / "a.md").write_text("---\ntitle: a\nsource: notes\n---\nThe naval blockade holds.\n", encoding="utf-8")
    instance = tmp_path / "instance"
    catalog = Catalog.for_instance(instance)
    ingest(catalog, [tmp_path / "a.md"])
    Indexer(catalog, instance).rebuild()
    folder = index_dir(instance)
    first = positions.current(folder)
    (tmp_path / "b.md").write_text("---\ntitle: b\nsource: notes\n---\nA naval blockade, again.\n", encoding="utf-8")
    report = ingest(catalog, [tmp_path / "b.md"])
    Indexer(catalog, instance).update(report.added, [])
    second = positions.current(folder)
    assert second["generation"] > first["generation"]
    assert sorted(p.name for p in folder.glob("positions-*")) == [second["folder"]]
    engine = SearchEngine(catalog, instance)
    request = SearchRequest(query='"naval blockade"')
    assert engine.match(request).spans is not None
    assert (engine.search(request).total_hits, engine.search(request).total_documents) == (2, 2)
    engine.close()

    (folder / positions.POINTER).unlink()
    engine = SearchEngine(catalog, instance)
    assert engine.positions() is None and engine.match(request).spans is None
    assert engine.search(request).total_hits == 2
    engine.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["--instance", str(instance), "check"])
    assert result.exit_code == 1
    assert ("  The position arrays (fast phrase search) are missing or out of date; searches use the slower "
            "index meanwhile; --repair rebuilds them.") in result.output.splitlines()
    result = runner.invoke(cli, ["--instance", str(instance), "check", "--repair", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["stale_positions"] is True and json.loads(result.output)["ok_after"] is True
    engine = SearchEngine(catalog, instance)
    assert engine.match(request).spans is not None
    engine.close()
    catalog.dispose()


def test_arrays_of_another_generation_are_not_used(corpus_index, monkeypatch):
    engine = corpus_index[2]
    pos = engine.positions()
    assert pos.generation == engine.searcher().reader().generation()
    stale = positions.Positions(**{name: getattr(pos, name) for name in positions.ARRAYS},
                                generation=pos.generation + 1, words=pos.words)
    monkeypatch.setattr(positions, "load", lambda folder: stale)
    other = SearchEngine(engine.catalog, engine.instance)
    assert other.positions() is None
    assert other.search(SearchRequest(query='"naval blockade"')).total_hits == 2
    other.close()
