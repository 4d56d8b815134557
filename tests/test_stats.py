"""Distribution of hits over facets, checked against a brute-force count of the catalog's text."""
from __future__ import annotations

import json
import math
from collections import Counter, defaultdict

import pytest
from click.testing import CliRunner

from corpus.text import count_tokens
from search.engine import SearchRequest
from search.errors import SearchError
from search.stats import distribution, per_million
from web.cli import cli

from .test_search import brute_force
from .test_tokenizer import words_by_hand


def _words(text: str) -> list[str]:
    """The text's words by the hand-written scan (not corpus.text's tokenizer)."""
    return [w for w, _start, _end in words_by_hand(text)]


def year_of(documents):
    """The year a document's whole date lies in (as a date filter would place it)."""
    def year(start, end):
        if not start:
            return "undated"
        return str(start.year) if start.year == (end or start).year else "dated wider than one year"
    return {d[0]: year(d[2], d[3]) for d in documents}


@pytest.mark.parametrize("query,words", [("blockade", ["blockade"]), ('"Soviet Union"', ["soviet", "union"]),
                                         ("missile", ["missile"])])
def test_distribution_by_year_equals_a_brute_force_count(corpus_index, documents, query, words):
    engine = corpus_index[2]
    result = distribution(engine, SearchRequest(query=query), "year", all_values=True)
    years = year_of(documents)
    expected_hits, expected_docs, tokens = Counter(), defaultdict(set), Counter()
    for doc_id, start, end in brute_force(documents, words):
        expected_hits[years[doc_id]] += 1
        expected_docs[years[doc_id]].add(doc_id)
    for doc_id, text, *_ in documents:
        tokens[years[doc_id]] += count_tokens(text)
    rows = {r.value: r for r in result.rows}
    assert set(rows) == set(tokens)
    for year, row in rows.items():
        assert (row.hits, row.documents, row.tokens) == (expected_hits[year], len(expected_docs[year]), tokens[year])
        assert row.per_million == per_million(row.hits, row.tokens)
        assert row.per_million == round(row.hits / row.tokens * 1e6, 3)
    assert result.total_hits == sum(expected_hits.values())
    assert result.total_tokens == sum(tokens.values())
    assert [r.value for r in result.rows] == sorted(y for y in tokens if y[0].isdigit()) + ["undated"]


def test_distribution_by_speaker_in_the_seed(corpus_index, documents):
    result = distribution(corpus_index[2], SearchRequest(query="retreat", source="wilson"), "speaker")
    assert [(r.value, r.hits, r.documents) for r in result.rows] == [("Blas Roca", 3, 1)]
    seed = next(d for d in documents if d[0] == "wilson:300041")
    _, text, _, _, units, speakers = seed
    roca_tokens = sum(count_tokens(text[u.start:u.end]) for u in units if speakers.get(u.passage_id) == "Blas Roca")
    assert result.rows[0].tokens == roca_tokens
    assert result.rows[0].per_million == per_million(3, roca_tokens)


def test_filters_restrict_the_token_base(corpus_index):
    engine = corpus_index[2]
    everything = distribution(engine, SearchRequest(query="Cuba"), "source")
    in_1962 = distribution(engine, SearchRequest(query="Cuba", date_from="1962", date_to="1962"), "source")
    frus_all = {r.value: r for r in everything.rows}["frus1961-63v05"]
    frus_1962 = {r.value: r for r in in_1962.rows}["frus1961-63v05"]
    assert frus_1962.tokens < frus_all.tokens and frus_1962.hits <= frus_all.hits


def test_unknown_facet_is_an_error(corpus_index):
    with pytest.raises(SearchError, match="cannot distribute by 'colour'"):
        distribution(corpus_index[2], SearchRequest(query="Cuba"), "colour")


def test_distribution_cli_json(corpus_index):
    _, instance, _ = corpus_index
    result = CliRunner().invoke(cli, ["--instance", str(instance), "distribution", "missile", "--by", "year",
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) >= {"query", "by", "total_hits", "total_tokens", "rows"}
    assert set(data["rows"][0]) == {"value", "hits", "documents", "tokens", "per_million"}
    assert data["total_hits"] == sum(r["hits"] for r in data["rows"])
    bad = CliRunner().invoke(cli, ["--instance", str(instance), "distribution", "*", "--by", "year", "--json"])
    assert bad.exit_code == 2 and "error" in json.loads(bad.output)


def test_association_measures_match_values_worked_by_hand():
    # O = 5 co-occurrences, node 10 hits × window 5 = 50 slots, collocate frequency 20, N = 10,000:
    # E = 50 × 20 / 10,000 = 0.1; MI = log2(5 / 0.1) = log2(50); t = (5 − 0.1) / √5;
    # logDice = 14 + log2(2 × 5 / (10 + 20)); G² over the table (5, 45 / 15, 9,935) with expected
    # (0.1, 49.9 / 19.9, 9,930.1) = 2 × (5 ln 50 + 45 ln(45/49.9) + 15 ln(15/19.9) + 9935 ln(9935/9930.1)).
    from search.stats import association
    m = association(5, 50, 20, 10_000, 10)
    assert m["mi"] == pytest.approx(5.6439, abs=1e-4)
    assert m["t_score"] == pytest.approx(2.1913, abs=1e-4)
    assert m["log_dice"] == pytest.approx(12.4150, abs=1e-4)
    assert m["log_likelihood"] == pytest.approx(31.140, abs=0.01)


def test_association_in_a_corpus_smaller_than_the_windows_keeps_the_table_whole():
    # 5 hits × 10 window words = 50 slots in a corpus of 49 tokens, 'the' 7 times, 4 of them near a hit:
    # the slots are capped at 49 − 7 + 4 = 46, so E = 46 × 7 / 49 = 6.571 and MI = log2(4 / 6.571).
    from search.stats import association
    m = association(4, 50, 7, 49, 5)
    assert m["mi"] == pytest.approx(math.log2(4 / (46 * 7 / 49)), abs=1e-4)
    assert m["t_score"] == pytest.approx((4 - 46 * 7 / 49) / math.sqrt(4), abs=1e-3)
    assert m["log_dice"] == pytest.approx(14 + math.log2(8 / 12), abs=1e-4)


def test_collocates_of_a_small_corpus_answer_on_the_cli_and_the_site(tmp_path):
    from tests.conftest import DATA
    from web import create_app
    instance = tmp_path / "instance"
    runner = CliRunner()
    assert runner.invoke(cli, ["--instance", str(instance), "ingest", str(DATA / "notes")]).exit_code == 0
    result = runner.invoke(cli, ["--instance", str(instance), "collocates", "missile", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["rows"]
    assert [(r["word"], r["cooccurrences"], r["frequency"]) for r in rows] == [("the", 4, 7), ("missile", 2, 5)]
    client = create_app({"INSTANCE": str(instance), "TESTING": True}).test_client()
    page = client.get("/collocates?q=missile")
    assert page.status_code == 200 and "13.41" in page.get_data(as_text=True)


def window_cooccurrences(documents, node, collocate, width=5):
    """Brute force: tokens of `collocate` within `width` words of some `node` occurrence (a token
    in two windows counts once)."""
    total = 0
    for doc_id, text, _, _, units, _ in documents:
        tokens = _words(text)
        in_window = set()
        for i, tok in enumerate(tokens):
            if tok == node:
                in_window |= set(range(max(0, i - width), i)) | set(range(i + 1, i + 1 + width))
        total += sum(1 for j in in_window if j < len(tokens) and tokens[j] == collocate)
    return total


@pytest.mark.parametrize("node,collocate", [("missile", "bases"), ("blockade", "cuba"), ("missile", "the"),
                                           ("missile", "missile")])
def test_collocate_counts_equal_a_brute_force_window_scan(corpus_index, documents, node, collocate):
    from search.stats import collocates
    result = collocates(corpus_index[2], SearchRequest(query=node), 5, 5, by="cooccurrences", limit=1000)
    rows = {r.word: r for r in result.rows}
    assert rows[collocate].cooccurrences == window_cooccurrences(documents, node, collocate)
    assert rows[collocate].frequency == len(brute_force(documents, [collocate]))
    assert result.corpus_tokens == sum(count_tokens(d[1]) for d in documents)
    counts = [r.cooccurrences for r in result.rows]
    assert counts == sorted(counts, reverse=True)


def test_collocate_frequencies_inside_a_filter_count_only_the_filtered_text(corpus_index, documents):
    """Inside source:wilson a collocate's frequency is its count in the Wilson documents (token
    store), not in the whole corpus."""
    from search.stats import collocates
    result = collocates(corpus_index[2], SearchRequest(query="missile", source="wilson"), 5, 5,
                        by="cooccurrences", limit=1000)
    wilson = Counter(w for doc_id, text, *_ in documents if doc_id.startswith("wilson:") for w in _words(text))
    rows = {r.word: r for r in result.rows}
    assert rows["bases"].frequency == wilson["bases"] == 11
    assert rows["the"].frequency == wilson["the"]
    assert result.corpus_tokens == sum(wilson.values())


def test_collocates_cli_json_and_errors(corpus_index):
    _, instance, _ = corpus_index
    result = CliRunner().invoke(cli, ["--instance", str(instance), "collocates", "missile", "--window", "5",
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["rows"][0]) == {"word", "cooccurrences", "frequency", "mi", "t_score", "log_likelihood",
                                    "log_dice"}
    assert data["rows"][0]["word"] == "bases"
    bad = CliRunner().invoke(cli, ["--instance", str(instance), "collocates", "missile", "--left", "0",
                                   "--right", "0", "--json"])
    assert bad.exit_code == 2
    assert json.loads(bad.output) == {"error": "the window is 0–20 words on each side, and not 0 on both"}


def test_keyness_formulas_match_values_worked_by_hand():
    from search.stats import log_likelihood, log_ratio
    # a=10 in A (c=1,000 words), b=5 in B (d=2,000): E1 = 1000×15/3000 = 5, E2 = 10;
    # LL = 2(10 ln(10/5) + 5 ln(5/10)) = 10 ln 2; Log Ratio = log2((10/1000)/(5/2000)) = 2.
    assert log_likelihood(10, 5, 1000, 2000) == pytest.approx(10 * math.log(2))
    assert log_ratio(10, 5, 1000, 2000) == pytest.approx(2.0)
    # A zero in B counts as 0.5: log2((3/1000)/(0.5/2000)) = log2(12).
    assert log_ratio(3, 0, 1000, 2000) == pytest.approx(math.log2(12))
    assert log_likelihood(3, 0, 1000, 2000) == pytest.approx(2 * 3 * math.log(3 / 1))


def test_seed_keywords_against_frus_volume_five(corpus_index, documents):
    from search.stats import keywords
    result = keywords(corpus_index[2], "source:wilson date:1962-11-02", "source:frus1961-63v05", limit=40)
    words = [r.word for r in result.rows]
    assert {"retreat", "defeat", "socialism"} <= set(words)
    seed = next(d for d in documents if d[0] == "wilson:300041")
    frus = [d for d in documents if d[0].startswith("frus1961-63v05:")]
    c, d = count_tokens(seed[1]), sum(count_tokens(doc[1]) for doc in frus)
    assert (result.tokens_a, result.tokens_b, result.documents_a, result.documents_b) == (c, d, 1, 390)
    row = next(r for r in result.rows if r.word == "socialism")
    a = len([h for h in brute_force(documents, ["socialism"]) if h[0] == "wilson:300041"])
    b = len([h for h in brute_force(documents, ["socialism"]) if h[0].startswith("frus1961-63v05:")])
    assert (row.freq_a, row.freq_b) == (a, b) == (4, 9)
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    assert row.log_likelihood == pytest.approx(2 * (a * math.log(a / e1) + b * math.log(b / e2)), abs=1e-3)
    assert row.log_likelihood == pytest.approx(29.37, abs=0.01)   # 29.31 before issue 11
    assert row.log_ratio == pytest.approx(math.log2((a / c) / (b / d)), abs=1e-3)
    assert row.log_ratio == pytest.approx(7.00, abs=0.01)
    assert row.range_a == 1 and row.range_b == len({h[0] for h in brute_force(documents, ["socialism"])
                                                    if h[0].startswith("frus")})


def test_keywords_cli_json_and_errors(corpus_index):
    _, instance, _ = corpus_index
    result = CliRunner().invoke(cli, ["--instance", str(instance), "keywords", "--a", "source:wilson", "--b",
                                      "source:frus1961-63v05", "--json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output)["rows"][0]
    assert set(row) == {"word", "freq_a", "freq_b", "per_million_a", "per_million_b", "log_likelihood",
                        "log_ratio", "range_a", "range_b"}
    bad = CliRunner().invoke(cli, ["--instance", str(instance), "keywords", "--a", "blockade", "--b",
                                   "source:wilson", "--json"])
    assert bad.exit_code == 2
    assert json.loads(bad.output)["error"].startswith("--a takes filters only")


def test_frequency_list_equals_a_brute_force_count(corpus_index, documents):
    from search.stats import frequency_list
    result = frequency_list(corpus_index[2], "source:wilson", limit=20)
    counts, ranges = Counter(), Counter()
    for doc_id, text, *_ in documents:
        if doc_id.startswith("wilson:"):
            words = _words(text)
            counts.update(words)
            ranges.update(set(words))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:20]
    assert [(r.word, r.frequency, r.range) for r in result.rows] == [(w, f, ranges[w]) for w, f in top]
    assert result.tokens == sum(counts.values()) and result.types == len(counts)
    assert result.rows[0].per_million == per_million(result.rows[0].frequency, result.tokens)
    everything = frequency_list(corpus_index[2], "", limit=1)
    assert everything.documents == len(documents)


def test_compare_two_queries_by_source(corpus_index):
    from search.stats import compare
    engine = corpus_index[2]
    result = compare(engine, [SearchRequest(query="blockade"), SearchRequest(query="quarantine")], "source")
    single = {q: {r.value: r for r in distribution(engine, SearchRequest(query=q), "source").rows}
              for q in ("blockade", "quarantine")}
    assert result.queries == ["blockade", "quarantine"]
    assert result.total_hits == [sum(r.hits for r in single[q].values()) for q in ("blockade", "quarantine")]
    for row in result.rows:
        for q, cell in zip(("blockade", "quarantine"), row.cells):
            expected = single[q].get(row.value)
            assert cell.hits == (expected.hits if expected else 0)
            assert cell.per_million == (expected.per_million if expected else 0.0)
    with pytest.raises(SearchError, match="two or more queries"):
        compare(engine, [SearchRequest(query="blockade")], "source")


def test_entries_without_words_do_not_break_word_counts(tmp_path):
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from search.engine import SearchEngine
    from search.indexer import Indexer
    from search.stats import frequency_list, keywords
    for name, body in (("a", "The blockade holds.\n\n* * *\n\nThe blockade ends."), ("b", "Quarantine, not war.")):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: {name}\nsource: {name}\n---\n{body}\n", encoding="utf-8")
    instance = tmp_path / "instance"
    catalog = Catalog.for_instance(instance)
    ingest(catalog, [tmp_path / "a.md", tmp_path / "b.md"])
    Indexer(catalog, instance).rebuild()
    engine = SearchEngine(catalog, instance)
    result = keywords(engine, "source:a", "source:b", min_freq=1)
    assert {r.word: r.freq_a for r in result.rows}["blockade"] == 2
    assert frequency_list(engine, "source:a").tokens == 6
    engine.close()


def test_day_distribution_keeps_wider_dates_apart(corpus_index):
    """A document dated to a month (or to 'November 15 and 17') is not counted on one day: each
    day's hits are what a date filter for that day finds."""
    engine = corpus_index[2]
    result = distribution(engine, SearchRequest(query="the"), "day")
    rows = {r.value: r for r in result.rows}
    assert "dated wider than one day" in rows
    for day in ("1962-11-15", "1962-11-02", "1963-01-05"):
        if day in rows:
            found = engine.search(SearchRequest(query="the", date_from=day, date_to=day, limit=0)).total_hits
            assert rows[day].hits == found



def test_distribution_by_participant(corpus_index, documents):
    from sqlalchemy import select

    from corpus.models import Document, Participant, Person
    catalog, _, engine = corpus_index
    result = distribution(engine, SearchRequest(query="peace"), "participant")
    rows = {r.value: r for r in result.rows}
    with catalog.session() as s:
        gromyko_docs = set(s.scalars(select(Document.id).join(Participant).join(Person)
                                     .where(Person.name == "Andrei Gromyko")))
    hits = [h for h in brute_force(documents, ["peace"]) if h[0] in gromyko_docs]
    tokens = sum(count_tokens(d[1]) for d in documents if d[0] in gromyko_docs)
    gromyko = rows["Andrei Gromyko"]
    assert (gromyko.hits, gromyko.documents, gromyko.tokens) == (len(hits), len({h[0] for h in hits}), tokens)
    assert sum(r.hits for r in result.rows) >= result.total_hits     # a hit counts once per participant


def test_compare_one_query_over_two_subcorpora_cli(corpus_index):
    _, instance, engine = corpus_index
    result = CliRunner().invoke(cli, ["--instance", str(instance), "compare", "missile", "--a", "source:wilson",
                                      "--b", "source:frus1961-63v05", "--by", "year", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    wilson = engine.search(SearchRequest(query="missile", source="wilson", limit=0)).total_hits
    frus = engine.search(SearchRequest(query="missile", source="frus1961-63v05", limit=0)).total_hits
    assert data["total_hits"] == [wilson, frus] == [11, 64]     # missile-carrying etc. (issue 11)
    row_1962 = next(r for r in data["rows"] if r["value"] == "1962")
    assert row_1962["cells"][0]["per_million"] == per_million(row_1962["cells"][0]["hits"],
                                                              row_1962["cells"][0]["tokens"])
    bad = CliRunner().invoke(cli, ["--instance", str(instance), "compare", "missile", "cuba", "--a", "source:wilson",
                                   "--b", "source:frus1961-63v05", "--by", "year", "--json"])
    assert bad.exit_code == 2
    assert json.loads(bad.output) == {"error": "--a and --b go together, with exactly one query"}
