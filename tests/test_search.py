"""Search on the bundled corpus, checked against a brute-force scan of the catalog's text."""
from __future__ import annotations

import re
import time
from datetime import date

import pytest

from search.engine import SearchEngine, SearchRequest, natural_key
from search.errors import SearchError

from .test_tokenizer import words_by_hand   # an independent tokenizer (a character scan)


def _words(text: str) -> list[str]:
    return [w for w, _start, _end in words_by_hand(text)]


def brute_force(documents, words, speaker=None, date_range=None):
    """Every occurrence of the word sequence inside one index unit, as (doc_id, start, end)."""
    words = [w.lower() for w in words]
    found = []
    for doc_id, text, start, end, units, speakers in documents:
        if date_range and not (start and start >= date_range[0] and end <= date_range[1]):
            continue
        for unit in units:
            if speaker and speakers.get(unit.passage_id) != speaker:
                continue
            toks = [(w, s + unit.start, e + unit.start) for w, s, e in words_by_hand(text[unit.start:unit.end])]
            for i in range(len(toks) - len(words) + 1):
                if all(toks[i + k][0] == w for k, w in enumerate(words)):
                    found.append((doc_id, toks[i][1], toks[i + len(words) - 1][2]))
    return found


def all_hits(engine, **kw):
    first = engine.search(SearchRequest(limit=1000, **kw))
    hits = list(first.hits)
    while len(hits) < first.total_hits:
        hits += engine.search(SearchRequest(limit=1000, offset=len(hits), **kw)).hits
    return first, hits


CASES = [
    ("defeat", ["defeat"], {}),
    ("blockade", ["blockade"], {}),
    ("us", ["us"], {}),
    ("may", ["may"], {}),
    ("a", ["a"], {}),
    ("Khrushchev's", ["khrushchev's"], {}),
    ('"Soviet missile bases"', ["soviet", "missile", "bases"], {}),
    ('"the President"', ["the", "president"], {}),
    ('"naval blockade"', ["naval", "blockade"], {}),
    ("Soviet", ["soviet"], {"date_from": "1962-10-16", "date_to": "1962-10-28"}),
    ("missiles", ["missiles"], {"date_from": "1962-10", "date_to": "1962-11"}),
    ("peace", ["peace"], {"speaker": "Andrei Gromyko"}),
    ("Cuba", ["cuba"], {"speaker": "John F. Kennedy"}),
    ("socialism", ["socialism"], {"speaker": "Blas Roca"}),
    ("nuclear", ["nuclear"], {}),                                  # also inside non-nuclear (issue 11)
    ("non-nuclear", ["non", "nuclear"], {}),
    ("IL-28", ["il", "28"], {}),
    ("U.S.", ["u.s"], {}),
    ("U.S.S.R.", ["u.s.s.r"], {}),
    ("s", ["s"], {}),                                              # never the S of U.S.
]


@pytest.mark.parametrize("query,words,filters", CASES, ids=[c[0] for c in CASES])
def test_counts_and_lines_equal_a_brute_force_scan(corpus_index, documents, query, words, filters):
    engine = corpus_index[2]
    date_range = None
    if "date_from" in filters:
        lo = {"1962-10-16": date(1962, 10, 16), "1962-10": date(1962, 10, 1)}[filters["date_from"]]
        hi = {"1962-10-28": date(1962, 10, 28), "1962-11": date(1962, 11, 30)}[filters["date_to"]]
        date_range = (lo, hi)
    expected = brute_force(documents, words, filters.get("speaker"), date_range)
    result, hits = all_hits(engine, query=query, **filters)
    assert result.total_hits == len(expected) > 0
    assert result.total_documents == len({e[0] for e in expected})
    assert sorted((h.doc_id, h.start, h.end) for h in hits) == sorted(expected)
    texts = {d[0]: d[1] for d in documents}
    flat = lambda s: re.sub(r"\s+", " ", s).strip()  # noqa: E731
    for h in hits:
        text = texts[h.doc_id]
        assert h.match == flat(text[h.start:h.end])
        assert flat(text[:h.start]).endswith(h.left)
        assert flat(text[h.end:]).startswith(h.right)
        assert len(_words(h.left)) <= 8 and len(_words(h.right)) <= 8


def test_facets_count_every_hit(corpus_index):
    result = corpus_index[2].search(SearchRequest(query="missile", limit=5))
    for name in ("speaker", "source", "language", "type", "year"):
        assert sum(result.facets[name].values()) == result.total_hits, name
    assert result.facets["source"]["frus1961-63v05"] > 0
    assert len(result.hits) == 5


def test_defeat_in_the_seed_is_blas_roca(corpus_index):
    result = corpus_index[2].search(SearchRequest(query="defeat", source="wilson", limit=50))
    seed_hits = [h for h in result.hits if h.doc_id == "wilson:300041"]
    assert len(seed_hits) == 3
    assert {h.speaker for h in seed_hits} == {"Blas Roca"}
    assert seed_hits[0].left == "Cuban problem ought to be viewed as a"
    assert seed_hits[0].match == "defeat"
    assert seed_hits[0].date == "1962-11-02"


def test_phrase_and_date_filters_on_the_seed(corpus_index):
    engine = corpus_index[2]
    phrase = engine.search(SearchRequest(query='"Soviet missile bases"', source="wilson"))
    assert phrase.total_documents == 1 and phrase.hits[0].match == "Soviet missile bases"
    october = engine.search(SearchRequest(query='"Soviet missile bases" date:1962-10'))
    assert "wilson:300041" not in {h.doc_id for h in october.hits}
    november = engine.search(SearchRequest(query='"Soviet missile bases" date:1962-11'))
    assert {h.doc_id for h in november.hits} == {"wilson:300041"}


def test_variants_widen_the_match(corpus_index):
    engine = corpus_index[2]
    exact = engine.search(SearchRequest(query="blockades"))
    variants = engine.search(SearchRequest(query="blockades", variants=True, limit=200))
    assert variants.total_hits > exact.total_hits
    assert {"blockade", "blockades"} <= {h.match.lower() for h in variants.hits}


def test_paging_reaches_the_last_hit(corpus_index, documents):
    engine = corpus_index[2]
    result = engine.search(SearchRequest(query="the", limit=1))
    assert result.total_hits == len(brute_force(documents, ["the"]))
    last = engine.search(SearchRequest(query="the", limit=10, offset=result.total_hits - 3))
    assert len(last.hits) == 3
    assert last.offset == result.total_hits - 3


def test_date_order_is_the_default(corpus_index):
    result = corpus_index[2].search(SearchRequest(query="blockade", limit=1000))
    dates = [h.date or "9999" for h in result.hits]
    assert dates == sorted(dates)


def test_left_context_sort(corpus_index):
    result = corpus_index[2].search(SearchRequest(query="blockade", sort="L1", limit=1000))
    firsts = [_words(h.left)[-1] if _words(h.left) else "" for h in result.hits]
    assert firsts == sorted(firsts)


def test_context_sort_ties_are_broken_by_the_next_word_outward(corpus_index):
    """Issue 14: lines with the same word at the sort position are ordered by the next word
    outward (L1 ties by L2, then L3; R1 by R2, then R3), then by date (undated last), document
    and place in the text."""
    engine = corpus_index[2]
    left = engine.search(SearchRequest(query="missile", sort="L1", limit=200, width=4))
    cuban = [(h.doc_id, h.start) for h in left.hits if _words(h.left)[-1] == "cuban"]
    assert cuban == [
        ("frus1961-63v05:d247", 566),      # beginning OF Cuban
        ("frus1961-63v05:d326", 30655),    # retreat IN the Cuban
        ("frus1961-63v05:d326", 8299),     # either INITIATED the Cuban
        ("frus1961-63v05:d264", 254),      # resolution OF the Cuban, 1962-11-09
        ("frus1961-63v05:d326", 6681),     # failure OF the Cuban, 1963-05-22
        ("frus1961-63v05:d347", 6216),     # wake OF the Cuban, 1963-08-09
        ("frus1961-63v05:d347", 18038),    # proponent OF the Cuban, 1963-08-09, later in the text
        ("frus1961-63v05:d265", 80),       # discussion ON the Cuban, 1962
        ("frus1961-63v05:d347", 171),      # following ON the Cuban, 1963
        ("frus1961-63v05:d347", 1928),     # respond TO the Cuban, dated
        ("frus1961-63v05:d276", 274),      # resolution TO the Cuban, undated
        ("frus1961-63v05:d247", 952),      # volume XI, Cuban
    ]
    right = engine.search(SearchRequest(query="missile", sort="R1", limit=200, width=4))
    bases = [(h.doc_id, h.start, " ".join(_words(h.right)[1:3])) for h in right.hits if _words(h.right)[0] == "bases"]
    assert [(b[0], b[2]) for b in bases] == [
        ("frus1961-63v05:d87", "at this"), ("frus1961-63v05:d95", "could come"),
        *[("wilson:300041", "in cuba")] * 9,
        ("wilson:300041", "since this"), ("frus1961-63v05:d270", "such as"),    # undated, but "such" < "were"
        ("wilson:300041", "were built")]
    assert [b[1] for b in bases[2:11]] == sorted(b[1] for b in bases[2:11])   # same words, same day: text order
    # the position arrays and the Whoosh path agree
    slow = SearchEngine(engine.catalog, engine.instance)
    slow.positions = lambda: None
    try:
        for sort in ("L1", "L2", "L3", "R1", "R2", "R3"):
            fast = engine.search(SearchRequest(query="missile", sort=sort, limit=200, width=5))
            assert fast.hits == slow.search(SearchRequest(query="missile", sort=sort, limit=200, width=5)).hits, sort
    finally:
        slow.close()


HOSTILE = {
    "*": "",
    "x" * 100_000: "",
    " OR ".join(f"ab{i}*" for i in range(1000)): "",
    "(" * 1000 + "cuba" + ")" * 1000: "",
    " ".join(f"w{i}" for i in range(5000)): "",
    "cu*": "",
}


@pytest.mark.parametrize("query", list(HOSTILE), ids=["star", "100KB token", "1000 prefixes", "deep nesting",
                                                       "5000 terms", "short prefix"])
def test_hostile_queries_are_refused_quickly(corpus_index, query):
    started = time.perf_counter()
    with pytest.raises(SearchError) as err:
        corpus_index[2].search(SearchRequest(query=query))
    assert time.perf_counter() - started < 1.0
    assert str(err.value) and "\n" not in str(err.value)


def test_bad_options_are_clear_errors(corpus_index):
    engine = corpus_index[2]
    with pytest.raises(SearchError, match="--from 'soon' is not a date"):
        engine.search(SearchRequest(query="cuba", date_from="soon"))
    with pytest.raises(SearchError, match="only filters"):
        engine.search(SearchRequest(query="source:wilson"))


def test_unknown_speaker_gives_no_hits_and_says_why(corpus_index):
    result = corpus_index[2].search(SearchRequest(query="cuba", speaker="Nobody Atall"))
    assert result.total_hits == 0
    assert result.warnings == ["no speaker matches 'Nobody Atall'"]


def test_the_time_limit_stops_a_long_search(corpus_index):
    catalog, instance, _ = corpus_index
    engine = SearchEngine(catalog, instance, time_limit=0.0)
    started = time.perf_counter()
    with pytest.raises(SearchError) as err:
        engine.search(SearchRequest(query="the"))
    engine.close()
    assert str(err.value) == ("the search took longer than 0 s; narrow it with a phrase, a date range or a speaker")
    assert time.perf_counter() - started < 1.0


def test_source_type_language_and_participant_filters(corpus_index, documents):
    engine = corpus_index[2]
    memcons = engine.search(SearchRequest(query="Cuba", type="memcon"))
    assert memcons.facets["type"] == {"memcon": memcons.total_hits}
    wilson = engine.search(SearchRequest(query="the source:wilson"))
    assert set(wilson.facets["source"]) == {"wilson"}
    english = engine.search(SearchRequest(query="Cuba", lang="english"))
    assert english.total_hits == engine.search(SearchRequest(query="Cuba")).total_hits
    with_gromyko = engine.search(SearchRequest(query="Cuba", participant="Gromyko", limit=200))
    assert "frus1961-63v05:d253" in {h.doc_id for h in with_gromyko.hits}
    assert "wilson:300041" not in {h.doc_id for h in with_gromyko.hits}


def test_relevance_and_document_order(corpus_index):
    engine = corpus_index[2]
    by_doc = engine.search(SearchRequest(query="blockade", sort="document", limit=100))
    ids = [h.doc_id for h in by_doc.hits]
    assert ids == sorted(ids, key=natural_key)
    assert ids.index("frus1961-63v05:d24") < ids.index("frus1961-63v05:d224")
    by_score = engine.search(SearchRequest(query="blockade", sort="relevance", limit=100))
    assert sorted((h.doc_id, h.start) for h in by_score.hits) == sorted((h.doc_id, h.start) for h in by_doc.hits)


def units_with(documents, word):
    """(doc_id, unit start) -> occurrences of a word, per index unit."""
    out = {}
    for doc_id, s, e in brute_force(documents, [word]):
        out.setdefault(doc_id, []).append(s)
    return out


def test_or_and_and_prefix_count_every_occurrence(corpus_index, documents):
    engine = corpus_index[2]
    either = engine.search(SearchRequest(query="blockade OR quarantine"))
    assert either.total_hits == len(brute_force(documents, ["blockade"])) + len(brute_force(documents, ["quarantine"]))
    prefix = engine.search(SearchRequest(query="blockad*"))
    expected = sum(len(brute_force(documents, [w])) for w in ("blockade", "blockaded", "blockades", "blockading"))
    assert prefix.total_hits == expected
    both = engine.search(SearchRequest(query="soviet missile", limit=1000))
    by_unit = {}
    for word in ("soviet", "missile"):
        for doc_id, text, _, _, units, _ in documents:
            for unit in units:
                n = _words(text[unit.start:unit.end]).count(word)
                by_unit.setdefault((doc_id, unit.start), []).append(n)
    assert both.total_hits == sum(sum(c) for c in by_unit.values() if len(c) == 2 and all(c))
    not_berlin = engine.search(SearchRequest(query="blockade NOT berlin", limit=1000))
    assert 0 < not_berlin.total_hits < either.total_hits
    unit_text = {}
    for doc_id, text, _, _, units, _ in documents:
        for unit in units:
            unit_text[(doc_id, unit.start, unit.end)] = text[unit.start:unit.end].lower()
    for hit in not_berlin.hits:
        [words] = [_words(t) for (d, a, b), t in unit_text.items() if d == hit.doc_id and a <= hit.start < b]
        assert "blockade" in words and "berlin" not in words


def test_speaker_filters_resolve_aliases(corpus_index):
    engine = corpus_index[2]
    by_alias = engine.search(SearchRequest(query="war speaker:Khrushchev"))
    by_name = engine.search(SearchRequest(query="war", speaker="Nikita Khrushchev"))
    assert by_alias.total_hits == by_name.total_hits > 0
    assert set(by_alias.facets["speaker"]) == {"Nikita Khrushchev"}


def test_archive_facet(corpus_index):
    result = corpus_index[2].search(SearchRequest(query="blockade"))
    assert sum(result.facets["archive"].values()) == result.total_hits
    assert result.facets["archive"].get("RGANI") == 3


def test_variants_apply_inside_phrases(corpus_index):
    engine = corpus_index[2]
    exact = engine.search(SearchRequest(query='"Soviet missile base"'))
    variants = engine.search(SearchRequest(query='"Soviet missile base"', variants=True, limit=50))
    plural = engine.search(SearchRequest(query='"Soviet missile bases"'))
    assert exact.total_hits < variants.total_hits
    assert variants.total_hits == exact.total_hits + plural.total_hits
    assert "Soviet missile bases" in {h.match for h in variants.hits}


@pytest.mark.parametrize("words", [["soviet", "missile", "bases"], ["the", "president"], ["of", "the"],
                                   ["the", "the"], ["missile", "nonexistentword"], ["cuba"] * 2])
def test_fast_phrase_matcher_agrees_with_whoosh(corpus_index, words):
    from whoosh import query as wq

    from search.phrase import FastPhrase
    searcher = corpus_index[2].searcher()

    def occurrences(query):
        m, found = query.matcher(searcher), []
        while m.is_active():
            found += [(m.id(), s.start, s.end) for s in m.spans()]
            m.next()
        return sorted(found)

    assert occurrences(FastPhrase("text", words)) == occurrences(wq.Phrase("text", words))
