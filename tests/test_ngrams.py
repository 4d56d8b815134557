"""Word and n-gram frequency lists from the token store written at indexing (search/tokenstore.py)."""
from __future__ import annotations

import json
import re
from collections import Counter

import numpy as np
import pytest
from click.testing import CliRunner

from search.errors import IndexMissing, SearchError
from search.stats import frequency_list, per_million
from search.tokenstore import STORE_FILE, words_with_breaks


SEED_ID = "wilson:300041"


def test_sentence_and_clause_ends_break_the_word_stream():
    text = ("Cde. Blas Roca said: the U.S. will not retreat. Mr. Khrushchev agreed; J. F. Kennedy "
            "did not!\n\nA new paragraph (with a quote.) ends")
    assert words_with_breaks(text) == [
        "cde", "blas", "roca", "said", None, "the", "u.s", "will", "not", "retreat", None, "mr", "khrushchev",
        "agreed", None, "j", "f", "kennedy", "did", "not", None, "a", "new", "paragraph", "with", "a", "quote",
        None, "ends"]


def test_a_hyphen_joins_two_words_of_one_ngram_and_a_period_between_words_ends_a_sentence():
    assert words_with_breaks("non-nuclear powers, Soviet Union-and bases.The U.S.-Soviet talks") == [
        "non", "nuclear", "powers", "soviet", "union", "and", "bases", None, "the", "u.s", None, "soviet", "talks"]


def test_compounds_count_as_ngrams_of_their_parts(corpus_index, documents):
    """"non-nuclear" is the bigram "non nuclear": as often as the compound is written in the seeds."""
    engine = corpus_index[2]
    rows = {r.word: r for r in frequency_list(engine, "", min_freq=2, limit=1_000_000, n=2).rows}
    written = [m for d in documents for m in re.finditer(r"(?i)\bnon[-\s]nuclear\b", d[1])]
    assert rows["non nuclear"].frequency == len(written) == 5
    assert rows["cease fire"].frequency == sum(len(re.findall(r"(?i)\bcease[-\s]fire\b", d[1])) for d in documents)


def test_every_entry_holds_as_many_words_as_the_index_counted(corpus_index):
    """The store and the index tokenize alike: per entry, the store's words equal the index's
    word-count column."""
    engine = corpus_index[2]
    cols = engine.columns()
    expected = Counter()
    for d in engine.live_docnums():
        expected[(cols["dseq"][d], cols["ustart"][d])] += cols["utok"][d]
    import sqlite3
    with sqlite3.connect(engine.tokens().path) as conn:
        stored = Counter({(dseq, ustart): sum(1 for i in range(0, len(blob), 4) if blob[i:i + 4] != b"\0\0\0\0")
                          for dseq, ustart, blob in conn.execute("SELECT dseq, ustart, ids FROM unit")})
    assert stored == +expected
    assert sum(stored.values()) == frequency_list(engine, "", limit=1).tokens == 371_025


def _brute_force(documents, keep, n):
    """N-gram counts and document ranges of the entries `keep(doc_id, unit, speaker)` accepts, by a
    plain scan of the catalog text: split into sentence pieces, count runs of n words."""
    counts, ranges = Counter(), Counter()
    for doc_id, text, _start, _end, units, speakers in documents:
        seen = set()
        for unit in units:
            if not keep(doc_id, speakers.get(unit.passage_id)):
                continue
            stream = words_with_breaks(text[unit.start:unit.end])
            pieces = " ".join(w or "|" for w in stream).split("|")
            for piece in pieces:
                words = piece.split()
                grams = [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
                counts.update(grams)
                seen.update(grams)
        ranges.update(seen)
    return counts, ranges


@pytest.mark.parametrize("expression, keep, n", [
    ("source:wilson", lambda doc_id, speaker: doc_id.startswith("wilson:"), 2),
    ("source:wilson", lambda doc_id, speaker: doc_id.startswith("wilson:"), 3),
    ('speaker:"Nikita Khrushchev"', lambda doc_id, speaker: speaker == "Nikita Khrushchev", 2),
    ("", lambda doc_id, speaker: True, 3),
])
def test_ngram_lists_equal_a_brute_force_count(corpus_index, documents, expression, keep, n):
    result = frequency_list(corpus_index[2], expression, limit=25, n=n)
    counts, ranges = _brute_force(documents, keep, n)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
    assert [(r.word, r.frequency, r.range) for r in result.rows] == [(g, f, ranges[g]) for g, f in top]
    assert result.types == len(counts) and result.n == n
    assert result.rows[0].per_million == per_million(result.rows[0].frequency, result.tokens)


def test_seed_bigrams_and_trigrams(corpus_index, documents):
    """Pinned on the seed's text: "Cde. Blas Roca" 7 times (no break after "Cde."), "Soviet
    missile bases" 11 times."""
    text = next(text for doc_id, text, *_ in documents if doc_id == SEED_ID)
    assert len(re.findall(r"Cde\. Blas Roca", text)) == 7
    assert len(re.findall(r"(?i)soviet missile bases", text)) == 11
    engine = corpus_index[2]
    seed = "source:wilson date:1962-11"
    two = {r.word: r for r in frequency_list(engine, seed, limit=100_000, n=2).rows}
    three = {r.word: r for r in frequency_list(engine, seed, limit=100_000, n=3).rows}
    assert (two["cde blas"].frequency, two["cde blas"].range) == (7, 1)
    assert (three["cde blas roca"].frequency, three["soviet missile bases"].frequency) == (7, 11)
    # "... to become a second Congo. In giving unilateral consent ...": no 2-gram across the period.
    assert "congo in" not in two and "second congo" in two and "in giving" in two


def test_min_frequency_and_ties_at_the_limit(corpus_index):
    engine = corpus_index[2]
    rows = frequency_list(engine, "source:wilson", min_freq=5, limit=100_000, n=2).rows
    assert rows and min(r.frequency for r in rows) >= 5
    cut = frequency_list(engine, "source:wilson", min_freq=5, limit=7, n=2).rows
    assert [r.word for r in cut] == [r.word for r in rows[:7]]


def test_unknown_n_is_refused(corpus_index):
    with pytest.raises(SearchError, match=r"^n-grams of 4 words are not counted; choose 1 \(words\), 2 or 3$"):
        frequency_list(corpus_index[2], "", n=4)


def _small_instance(tmp_path, texts):
    from corpus.db import Catalog
    from corpus.ingest import ingest
    for name, body in texts.items():
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\nsource: {name}\n---\n{body}\n", encoding="utf-8")
    instance = tmp_path / "instance"
    catalog = Catalog.for_instance(instance)
    ingest(catalog, [tmp_path / f"{name}.md" for name in texts])
    return catalog, instance


def test_incremental_updates_keep_the_store_equal_to_a_rebuild(tmp_path):
    from corpus.ingest import ingest
    from search.engine import SearchEngine
    from search.indexer import Indexer
    catalog, instance = _small_instance(tmp_path, {"a": "The naval blockade holds. The naval blockade ends.",
                                                   "b": "A naval quarantine, not a naval blockade."})
    Indexer(catalog, instance).rebuild()
    engine = SearchEngine(catalog, instance)
    before = {r.word: (r.frequency, r.range) for r in frequency_list(engine, "", limit=100, n=2).rows}
    assert (before["naval blockade"], before["naval quarantine"]) == ((3, 2), (1, 1))
    engine.close()
    (tmp_path / "b.md").write_text("---\ntitle: b\nsource: b\n---\nNo naval blockade at all.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("---\ntitle: c\nsource: c\n---\nThe naval blockade again.\n", encoding="utf-8")
    report = ingest(catalog, [tmp_path / "b.md", tmp_path / "c.md"])
    Indexer(catalog, instance).update(report.added + report.updated, report.removed)
    engine = SearchEngine(catalog, instance)
    incremental = frequency_list(engine, "", limit=100, n=2)
    assert {r.word: (r.frequency, r.range) for r in incremental.rows}["naval blockade"] == (4, 3)
    assert "naval quarantine" not in {r.word for r in incremental.rows}
    engine.close()
    Indexer(catalog, instance).rebuild()
    engine = SearchEngine(catalog, instance)
    assert frequency_list(engine, "", limit=100, n=2) == incremental
    engine.close()


def test_an_index_without_the_store_asks_for_reindex(tmp_path):
    from search.engine import SearchEngine
    from search.indexer import Indexer, index_dir
    from web.cli import cli
    catalog, instance = _small_instance(tmp_path, {"a": "The naval blockade holds."})
    Indexer(catalog, instance).rebuild()
    (index_dir(instance) / STORE_FILE).unlink()
    Indexer(catalog, instance).update([], [])          # an update does not start a partial store
    assert not (index_dir(instance) / STORE_FILE).exists()
    engine = SearchEngine(catalog, instance)
    with pytest.raises(IndexMissing, match="run `corpus reindex`"):
        frequency_list(engine, "", n=2)
    engine.close()
    result = CliRunner().invoke(cli, ["--instance", str(instance), "frequencies", "--n", "2", "--json"])
    assert result.exit_code == 2
    assert json.loads(result.output) == {"error": "the index has no token table (it was built by an older "
                                                  "version of crisis-corpus); run `corpus reindex`"}
    assert CliRunner().invoke(cli, ["--instance", str(instance), "reindex"]).exit_code == 0
    result = CliRunner().invoke(cli, ["--instance", str(instance), "frequencies", "--n", "2"])
    assert result.exit_code == 0
    assert result.output.splitlines()[:3] == [
        "(all): 4 words, 3 different 2-grams, 1 document",
        "2-gram                                        freq  per million  range",
        "blockade holds                                   1    250,000.0      1"]


def test_cli_ngram_json_equals_the_library(corpus_index):
    from web.cli import cli
    catalog, instance, engine = corpus_index
    result = CliRunner().invoke(cli, ["--instance", str(instance), "frequencies", "--n", "3", "--filter",
                                      "source:wilson", "--limit", "5", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(json.dumps(
        frequency_list(engine, "source:wilson", limit=5, n=3).to_json()))
    bad = CliRunner().invoke(cli, ["--instance", str(instance), "frequencies", "--n", "4"])
    assert bad.exit_code == 2 and "'--n': 4 is not in the range 1<=x<=3" in bad.output


def test_check_reports_and_repairs_the_token_store(tmp_path):
    import sqlite3

    from search.check import check, repair
    from search.indexer import Indexer, index_dir
    from web.cli import cli
    catalog, instance = _small_instance(tmp_path, {"a": "The naval blockade holds.", "b": "A naval quarantine."})
    Indexer(catalog, instance).rebuild()
    store = index_dir(instance) / STORE_FILE
    with sqlite3.connect(store) as conn:
        conn.execute("DELETE FROM unit WHERE doc = 'b:b'")
    drift = check(catalog, instance)
    assert (drift.ok, drift.damaged, drift.no_token_store) == (False, ["b:b"], False)
    repair(catalog, instance, drift)
    assert check(catalog, instance).ok
    store.unlink()
    result = CliRunner().invoke(cli, ["--instance", str(instance), "check"])
    assert result.exit_code == 1
    assert "  The index's token store is missing or unreadable; --repair rebuilds it." in result.output
    result = CliRunner().invoke(cli, ["--instance", str(instance), "check", "--repair", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["ok_after"] is True
    assert store.exists() and check(catalog, instance).ok


@pytest.mark.parametrize("key_space", [50, 2 ** 61, 2 ** 62])
def test_document_ranges_when_key_and_document_do_not_fit_one_integer(key_space):
    """_ranges packs (n-gram, document) into one integer, in groups of documents when the key
    space is large; every grouping gives the brute-force ranges."""
    from search.tokenstore import _ranges
    rng = np.random.default_rng(7)
    docs = np.sort(rng.integers(0, 9, 400))
    keys = rng.integers(0, 50, 400).astype(np.int64)
    expected = Counter(k for k, _d in {(int(k), int(d)) for k, d in zip(keys, docs)})
    assert _ranges(keys, docs, key_space, 9).tolist() == [expected[k] for k in sorted(expected)]


def test_content_lists_leave_out_function_word_edges(corpus_index, documents):
    from search.stats import function_words
    stop = function_words()
    assert {"the", "of", "us", "would"} <= stop and "soviet" not in stop
    keep = lambda doc_id, speaker: doc_id.startswith("frus1961-63v05:")
    result = frequency_list(corpus_index[2], "source:frus1961-63v05", limit=15, n=3, content=True)
    counts, ranges = _brute_force(documents, keep, 3)
    content = {g: f for g, f in counts.items() if g.split()[0] not in stop and g.split()[-1] not in stop}
    top = sorted(content.items(), key=lambda kv: (-kv[1], kv[0]))[:15]
    assert [(r.word, r.frequency, r.range) for r in result.rows] == [(g, f, ranges[g]) for g, f in top]
    assert result.rows[0].word == "department of state" and result.content is True
    assert result.types == len(counts)


def test_cli_content_flag(corpus_index):
    from web.cli import cli
    instance = corpus_index[1]
    result = CliRunner().invoke(cli, ["--instance", str(instance), "frequencies", "--n", "2", "--content",
                                      "--filter", "source:frus1961-63v05", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert [line.split()[:2] for line in result.output.splitlines()[2:]] == [
        ["soviet", "union"], ["united", "states"], ["mr", "khrushchev"]]


def test_lists_are_read_while_an_ingest_writes_the_store(tmp_path):
    """The store is in write-ahead-log mode: an open write transaction does not block readers,
    who see the last committed state."""
    from search.engine import SearchEngine
    from search.indexer import Indexer, index_dir
    from search.tokenstore import TokenStore
    catalog, instance = _small_instance(tmp_path, {"a": "The naval blockade holds."})
    Indexer(catalog, instance).rebuild()
    writer = TokenStore(index_dir(instance)).writer()
    writer.delete_documents(["a:a"])
    try:
        engine = SearchEngine(catalog, instance)
        rows = frequency_list(engine, "", n=2).rows
        assert [(r.word, r.frequency) for r in rows] == [("blockade holds", 1), ("naval blockade", 1),
                                                         ("the naval", 1)]
        engine.close()
    finally:
        writer.rollback()


def test_a_damaged_store_is_a_clear_error_not_a_crash(tmp_path):
    from search.engine import SearchEngine
    from search.indexer import Indexer, index_dir
    from web import create_app
    from web.cli import cli
    catalog, instance = _small_instance(tmp_path, {"a": "The naval blockade holds."})
    Indexer(catalog, instance).rebuild()
    (index_dir(instance) / STORE_FILE).write_bytes(b"not a database" * 100)
    engine = SearchEngine(catalog, instance)
    with pytest.raises(IndexMissing, match=r"^the token store cannot be read \(file is not a database\); "
                                           r"run `corpus check --repair`$"):
        frequency_list(engine, "", n=2)
    engine.close()
    result = CliRunner().invoke(cli, ["--instance", str(instance), "frequencies", "--json"])
    assert result.exit_code == 2 and "run `corpus check --repair`" in json.loads(result.output)["error"]
    client = create_app({"INSTANCE": str(instance), "TESTING": True}).test_client()
    assert client.get("/frequencies?filter=&n=2").status_code == 503
    result = CliRunner().invoke(cli, ["--instance", str(instance), "check", "--repair", "--json"])
    assert result.exit_code == 0
    assert (json.loads(result.output)["no_token_store"], json.loads(result.output)["ok_after"]) == (True, True)
    assert client.get("/frequencies?filter=&n=2").status_code == 200


@pytest.mark.parametrize("n", [1, 2, 3])
def test_the_column_fallback_for_huge_lexicons_counts_the_same(n):
    """A lexicon too large to pack n ids into one integer is counted by a lexsort over columns;
    both ways give the same n-grams, frequencies and ranges on the same stream."""
    from search.tokenstore import _count, _count_by_columns
    rng = np.random.default_rng(11)
    ids = rng.integers(0, 30, 3000).astype(np.uint32)          # id 0: breaks, about 1 in 30
    docs = np.sort(rng.integers(0, 40, 3000))
    docs = np.unique(docs, return_inverse=True)[1].astype(np.int64)
    packed = _count(ids, docs, n)
    length = len(ids) - n + 1
    valid = np.ones(length, dtype=bool)
    for i in range(n):
        valid &= ids[i:i + length] != 0
    columns = _count_by_columns(ids, docs, n, length, valid, packed.tokens)
    assert len(packed.frequency) >= 29
    assert (packed.keys == columns.keys).all() and (packed.frequency == columns.frequency).all()
    assert (packed.range == columns.range).all()
    grams = Counter(tuple(int(x) for x in ids[i:i + n]) for i in range(length) if valid[i])
    assert dict(zip(map(tuple, packed.keys.tolist()), packed.frequency.tolist())) == grams
