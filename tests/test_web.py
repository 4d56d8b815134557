"""The web front end through Flask's test client, on a real instance built from the bundled seeds
(plus one hostile front-matter document: markup in its text and title, formulas in its cells).

Expected numbers were read from `corpus search --json` / the engine on the same documents and are
cross-checked against the engine in the tests themselves."""
from __future__ import annotations

import csv
import html
import io
import json
import math
import re
import textwrap

import pytest
from werkzeug.datastructures import MultiDict

from corpus.db import Catalog
from corpus.ingest import ingest
from corpus.queries import document_json, stats_json
from search.engine import SearchEngine, SearchRequest
from search.indexer import Indexer
from web import create_app
from web.errors import FORBIDDEN_CHARACTERS, BadParameter
from web.views import search_state
from web.views.documents import build_blocks
from web.views.search import neutralize

from .conftest import SEEDS

HOSTILE_ID = "testing:hostile-1"
HOSTILE = textwrap.dedent("""\
    ---
    id: hostile-1
    title: '=HYPERLINK("http://evil.example/x","click me") <script>alert(1)</script>'
    date: 1962-10-30
    source: testing
    language: English
    type: note
    citation: '@SUM(A1:A2) cited'
    url: 'javascript:alert(2)'
    ---

    The zeppelinium paragraph: <script>alert(1)</script> should show as text.

    +1 zeppelinium -2 and <b>bold</b> & "quotes" zeppelinium.
    """)


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    """A real catalog and index: the bundled seeds and the hostile document (built once)."""
    root = tmp_path_factory.mktemp("web-instance")
    extra = root / "extra"
    extra.mkdir()
    (extra / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    path = root / "instance"
    catalog = Catalog.for_instance(path)
    ingest(catalog, [SEEDS, extra])
    Indexer(catalog, path).rebuild()
    catalog.dispose()
    return path


@pytest.fixture(scope="module")
def app(instance):
    return create_app({"INSTANCE": str(instance), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="module")
def engine(instance):
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    yield engine
    engine.close()
    catalog.dispose()


# ---------------------------------------------------------------- small HTML helpers

def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code, response.data[:300])
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def kwic_rows(body: str) -> list[dict]:
    rows = []
    for row in re.findall(r'<tr class="hit[^"]*">(.*?)</tr>', body, re.S):
        cells = dict(re.findall(r'<td class="(\w+)">(.*?)</td>', row, re.S))
        link = re.search(r'<a class="hit-link" href="([^"]+)">', row)
        rows.append({name: text_of(value) for name, value in cells.items()}
                    | {"href": html.unescape(link.group(1))})
    return rows


def element_text(body: str, pattern: str) -> str:
    match = re.search(pattern, body, re.S)
    assert match, pattern
    return text_of(match.group(1))


def facet_links(body: str, facet: str) -> dict[str, tuple[str, str]]:
    section = re.search(rf'<section class="facet" data-facet="{facet}">(.*?)</section>', body, re.S).group(1)
    return {text_of(value): (html.unescape(href), count) for href, value, count in re.findall(
        r'<a class="facet-value" href="([^"]+)"><span class="value">(.*?)</span> <span class="count">(.*?)</span>',
        section, re.S)}


def marks(body: str) -> list[tuple[str, str]]:
    return [(hit_id, html.unescape(text)) for hit_id, text in
            re.findall(r'<mark class="hit" id="(hit-\d+)">(.*?)</mark>', body, re.S)]


def href_of(body: str, element_id: str) -> str | None:
    match = re.search(rf'<a id="{element_id}"[^>]*? href="([^"]*)"', body)
    return html.unescape(match.group(1)) if match else None


# ---------------------------------------------------------------- the search page

def test_home_page_has_the_form_and_the_corpus_size(client):
    body = page(client, "/")
    for needle in ('<a id="home" href="/">', 'href="/search"', 'href="/browse"', '<main id="main">',
                   '<form id="search-form"', 'action="/search"', 'id="q" name="q"', '<details id="syntax-help"',
                   'name="speaker"', 'name="source"', 'name="lang"', 'name="type"', 'name="from"', 'name="to"',
                   'name="variants" type="checkbox" value="1"', '<select name="width"', '<select name="sort"',
                   '<button id="go" type="submit">'):
        assert needle in body, needle
    assert "403 documents" in body          # 390 FRUS + 12 Wilson + the hostile document
    assert page(client, "/search") == body


def test_search_shows_totals_and_the_kwic_concordance(client, engine):
    body = page(client, "/search?q=defeat")
    expected = engine.search(SearchRequest("defeat", limit=0))
    assert (expected.total_hits, expected.total_documents) == (21, 17)
    assert element_text(body, r'<p id="totals">(.*?)</p>') == "21 hits in 17 documents"
    rows = kwic_rows(body)
    assert len(rows) == 21
    blas = [r for r in rows if r["href"].startswith("/doc/wilson:300041?")]
    assert [r["href"] for r in blas] == ["/doc/wilson:300041?q=defeat#hit-859", "/doc/wilson:300041?q=defeat#hit-3848",
                                         "/doc/wilson:300041?q=defeat#hit-6550"]
    first = blas[0]
    assert first["left"] == "Cuban problem ought to be viewed as a"
    assert first["match"] == "defeat"
    assert first["right"].startswith(". Blas Roca thinks")
    assert (first["date"], first["speaker"]) == ("1962-11-02", "Blas Roca")
    assert rows[0]["date"] == "1949-04-01" and rows[0]["speaker"] == "Jawaharlal Nehru"   # sorted by date
    assert href_of(body, "export-csv") == "/export.csv?q=defeat"


def test_facet_counts_cover_all_hits_and_links_add_the_filter(client):
    body = page(client, "/search?q=defeat&per=5")
    assert len(kwic_rows(body)) == 5
    speakers = facet_links(body, "speaker")
    assert speakers["Blas Roca"] == ("/search?q=defeat&speaker=Blas+Roca&per=5", "3")
    assert "(none)" not in speakers                 # no filter for "no speaker": shown, not linked
    assert facet_links(body, "source")["frus1961-63v05"] == ("/search?q=defeat&source=frus1961-63v05&per=5", "16")
    assert facet_links(body, "year")["1962"] == ("/search?q=defeat&from=1962&to=1962&per=5", "10")
    filtered = page(client, speakers["Blas Roca"][0])
    assert element_text(filtered, r'<p id="totals">(.*?)</p>') == "3 hits in 1 document"
    assert {r["speaker"] for r in kwic_rows(filtered)} == {"Blas Roca"}
    assert 'class="filter-remove" href="/search?q=defeat&amp;per=5"' in filtered


@pytest.mark.parametrize("facet", ["speaker", "source", "language", "type", "year"])
def test_every_facet_link_finds_as_many_hits_as_it_counts(client, facet):
    links = facet_links(page(client, "/search?q=defeat"), facet)
    assert links
    for value, (href, count) in links.items():
        totals = element_text(page(client, href), r'<p id="totals">(.*?)</p>')
        assert totals.startswith(f"{count} hit"), (facet, value, totals)


def test_facet_link_from_page_two_resets_the_page(client):
    body = page(client, "/search?q=soviet&page=2")
    href = facet_links(body, "source")["wilson"][0]
    assert href == "/search?q=soviet&source=wilson"


def test_paging_reaches_every_hit(client, engine):
    total = engine.search(SearchRequest("soviet", limit=0)).total_hits
    assert total == 3628
    pages = math.ceil(total / 25)
    first = page(client, "/search?q=soviet")
    assert f"page 1 of {pages}" in first
    assert href_of(first, "prev-page") is None
    assert href_of(first, "next-page") == "/search?q=soviet&page=2"
    second = page(client, "/search?q=soviet&page=2")
    assert f"page 2 of {pages}" in second
    assert href_of(second, "prev-page") == "/search?q=soviet"
    rows1, rows2 = kwic_rows(first), kwic_rows(second)
    assert len(rows1) == len(rows2) == 25
    assert not {r["href"] for r in rows1} & {r["href"] for r in rows2}
    assert [r["n"] for r in rows2][:2] == ["26", "27"]
    last = page(client, f"/search?q=soviet&page={pages}")
    assert len(kwic_rows(last)) == total - (pages - 1) * 25
    assert href_of(last, "next-page") is None
    beyond = page(client, f"/search?q=soviet&page={pages + 1}")
    assert not kwic_rows(beyond) and f"the last page is" in beyond


def test_the_url_carries_the_whole_state(client):
    body = page(client, "/search?q=defeat&sort=L1&width=3&variants=1&from=1962&to=1962-12&per=10")
    assert 'name="variants" type="checkbox" value="1" checked' in body
    assert '<option value="3" selected>3 words</option>' in body
    assert '<option value="L1" selected>' in body
    assert 'name="from" value="1962"' in body and 'name="to" value="1962-12"' in body
    rows = kwic_rows(body)
    assert rows and all(r["href"].split("#")[0].endswith("?q=defeat&from=1962&to=1962-12&variants=1&sort=L1&width=3&per=10")
                        for r in rows)
    assert all(len(r["left"].split()) <= 3 for r in rows)
    assert [r["left"].split()[-1].lower() for r in rows] == sorted(r["left"].split()[-1].lower() for r in rows)


@pytest.mark.parametrize("args", [
    {"q": '"Soviet missile bases" AND speaker:"Blas Roca"', "sort": "R1", "page": "3"},
    {"q": "Ğörüş ąę 中文 & #frag + a/b? c=d; 'x' (y) [z] %20 ~!", "speaker": "Tevfik Rüştü Aras"},
    {"q": "missile", "from": "1962-10", "to": "1962-10-28", "variants": "1", "width": "3", "per": "25"},
])
def test_links_carry_the_state_exactly_as_url_for_writes_it(app, args):
    """state_url builds query strings itself (url_for per link was a tenth of a results page's
    time); its links must be the ones url_for writes, quoting included."""
    from flask import url_for
    from web.views import state_url
    with app.test_request_context("/search"):
        state = search_state(MultiDict(args))
        for changes, endpoint, route, anchor in [
                ({}, "search.index", None, None), ({"speaker": "Dean Rusk"}, "search.index", None, None),
                ({"page": 2}, "search.index", None, None), ({}, "api.search", None, None),
                ({}, "documents.show", {"doc_id": "frus1961-63v05:d1"}, "hit-1234"),
                ({}, "documents.show", {"doc_id": "wilson:1 1/2 ä"}, "a b#c")]:
            expected = url_for(endpoint, _anchor=anchor, **(route or {}),
                               **state.with_changes(**changes).params())
            assert state_url(state, endpoint, route=route, anchor=anchor, **changes) == expected


def test_no_hits_and_warnings(client):
    body = page(client, "/search?q=zzzyqx")
    assert element_text(body, r'<p id="totals">(.*?)</p>') == "0 hits in 0 documents"
    assert "Nothing found" in body and 'id="export-csv"' not in body
    body = page(client, "/search?q=defeat&speaker=Nobody+Here")
    assert "no speaker matches &#39;Nobody Here&#39;" in body


# ---------------------------------------------------------------- errors on the search page

def test_malformed_query_is_shown_next_to_the_box_with_400(client):
    body = page(client, "/search?q=%22unclosed", status=400)
    assert element_text(body, r'<p id="query-error">(.*?)</p>') == \
        'unclosed quote: the phrase starting at character 0 has no closing "'
    assert '<form id="search-form"' in body and 'value="&#34;unclosed"' in body
    response = client.get("/api/search?q=%22unclosed")
    assert response.status_code == 400
    assert response.get_json() == {"error": 'unclosed quote: the phrase starting at character 0 has no closing "'}


@pytest.mark.parametrize("query, message", [
    ("q=defeat&width=99", "width must be between 0 and 50 (got 99)"),
    ("q=defeat&page=0", "page must be between 1 and 1000000 (got 0)"),
    ("q=defeat&per=500", "per must be between 1 and 200 (got 500)"),
    ("q=defeat&width=abc", "width must be a whole number between 0 and 50 (got 'abc')"),
    ("q=defeat&sort=sideways", "sort must be one of date, document, relevance, L1, L2, L3, R1, R2, R3 (got 'sideways')"),
    ("q=defeat&variants=maybe", "variants must be 1 or 0 (got 'maybe')"),
    ("q=defeat&from=1962-13-45", "--from '1962-13-45' is not a date (use 1962-10-16, 1962-10 or 1962)"),
    ("q=de%00feat", "the value of the parameter 'q' contains a NUL byte, a control character or a lone surrogate; "
                    "remove it and try again"),
    ("q=source:wilson", "the query has only filters; add a word or phrase to search for "
                        "(or a speaker filter alone, to list that speaker's passages)"),
])
def test_bad_parameters_are_400_with_a_message(client, query, message):
    body = page(client, f"/search?{query}", status=400)
    assert element_text(body, r'<p id="query-error">(.*?)</p>') == message
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400 and response.get_json() == {"error": message}


def test_nul_in_any_parameter_anywhere_is_400(client):
    assert client.get("/browse?source=wil%00son").status_code == 400
    assert client.get("/doc/wilson:300041?q=%01x").status_code == 400
    assert FORBIDDEN_CHARACTERS.search("lone \ud800 surrogate")
    with pytest.raises(BadParameter):
        search_state(MultiDict({"width": "٣"}))        # an Arabic-Indic digit is not a width


def test_undecodable_percent_escapes_are_plain_text(client):
    response = client.get("/api/search?q=%ED%A0%80")   # a UTF-8 encoded lone surrogate
    assert response.status_code == 200 and response.get_json()["total_hits"] == 0


def test_oversized_query_string_is_414(client):
    response = client.get("/search?q=" + "a" * 9000)
    assert response.status_code == 414
    assert "The address is too long" in response.get_data(as_text=True)
    assert client.get("/api/search?q=" + "a" * 9000).get_json() == {
        "error": "The address is too long: shorten the query or remove some filters."}


def test_over_long_query_is_400_not_a_hang(client):
    body = page(client, "/search?q=" + "a+" * 599 + "a", status=400)
    assert element_text(body, r'<p id="query-error">(.*?)</p>') == \
        "the query is 1199 characters long; the limit is 1000"


def test_wrong_method_is_405(client):
    response = client.post("/search", data={"q": "defeat"})
    assert response.status_code == 405 and "GET" in response.headers["Allow"]
    assert client.post("/api/search").get_json() == {"error": "This address does not accept that kind of request."}


# ---------------------------------------------------------------- the document page

def test_document_page_marks_every_hit_and_labels_speakers(client, app):
    body = page(client, "/doc/wilson:300041?q=defeat")
    assert marks(body) == [("hit-859", "defeat"), ("hit-3848", "defeat"), ("hit-6550", "defeat")]
    assert body.count('<mark class="hit"') == 3
    assert '<span class="speaker-label">Blas Roca</span>' in body
    assert href_of(body, "back-to-results") == "/search?q=defeat"
    assert href_of(body, "next-hit") == "#hit-859" and href_of(body, "prev-hit") == "#hit-6550"
    meta = element_text(body, r'<dl id="meta" class="meta">(.*?)</dl>')
    for value in ("November 2, 1962", "Prague", "RGANI", "Russian", "summary-of-conversation",
                  "Aleksei Rumyantsev", "Member of the Secretariat", "Wilson Center Digital Archive"):
        assert value in meta, value
    with app.app_context():
        from web import services
        with services().catalog.session() as session:
            doc = document_json(session, "wilson:300041", with_text=True)
    spans = [(int(a), int(b)) for a, b in re.findall(r'data-start="(\d+)" data-end="(\d+)"', body)]
    assert spans == [(p["start"], p["end"]) for p in doc["passages"]]
    labelled = re.findall(r'data-start="(\d+)" data-end="\d+">\s*<span class="speaker-label">(.*?)</span>', body)
    assert labelled == [(str(p["start"]), p["speaker"]) for p in doc["passages"] if p["speaker"]]


def test_document_hits_respect_the_filters_in_the_url(client):
    body = page(client, "/doc/wilson:300041?q=defeat&speaker=Nikita+Khrushchev")
    assert marks(body) == []
    assert "no hits of" in body
    assert href_of(body, "back-to-results") == "/search?q=defeat&speaker=Nikita+Khrushchev"


def test_long_document_is_rendered_in_full_with_every_hit_marked(client, engine):
    body = page(client, "/doc/frus1961-63v05:d87?q=%22peace+treaty%22")
    expected = engine.document_hits(SearchRequest('"peace treaty"'), "frus1961-63v05:d87")
    found = marks(body)
    assert len(found) == len(expected) == 49
    assert [h for h, _ in found] == [f"hit-{start}" for start, _ in expected]
    assert found[-1] == ("hit-54951", "peace treaty")
    assert sum(start > 32 * 1024 for start, _ in expected) == 41
    assert {text.lower() for _, text in found} == {"peace treaty"}
    assert "Berlin is much more" in body      # text from past 50,000 characters


def test_document_without_a_query_has_no_marks(client):
    body = page(client, "/doc/wilson:300041")
    assert marks(body) == [] and 'id="back-to-results"' not in body and 'id="next-hit"' not in body
    assert '<span class="speaker-label">Blas Roca</span>' in body


def test_a_bad_query_still_shows_the_document(client):
    body = page(client, "/doc/wilson:300041?q=%22unclosed")
    assert "The hits of this query cannot be marked: unclosed quote" in body and marks(body) == []


def test_unknown_document_is_404(client):
    body = page(client, "/doc/nope", status=404)
    assert "There is no document with the id &#39;nope&#39;." in body
    response = client.get("/api/doc/nope")
    assert response.status_code == 404
    assert response.get_json() == {"error": "no document with id 'nope'; `corpus stats` lists the sources, "
                                            "`corpus search` finds documents"}


def test_marks_are_cut_at_passage_ends_and_never_nest():
    text = "alpha beta\n\ngamma delta"
    passages = [{"start": 0, "end": 10, "speaker": "A", "kind": "text"},
                {"start": 12, "end": 23, "speaker": "A", "kind": "text"}]
    blocks = build_blocks(text, passages, [(6, 17), (13, 15), (18, 23), (18, 20)])
    pieces = [[(p.text, p.hit, p.marked) for p in b.pieces] for b in blocks]
    assert pieces == [[("alpha ", None, False), ("beta", 6, True)],
                      [("gamma", None, True), ("", 13, True), (" ", None, False), ("delta", 18, True)]]
    assert blocks[1].repeated


# ---------------------------------------------------------------- escaping

def test_markup_in_documents_is_shown_as_text(client):
    body = page(client, f"/doc/{HOSTILE_ID}?q=zeppelinium")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<script>alert" not in body and "<b>bold</b>" not in body
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &#34;quotes&#34;" in body
    assert [text for _, text in marks(body)] == ["zeppelinium"] * 3
    assert 'href="javascript:' not in body and "javascript:alert(2)" in body     # shown, not linked
    results = page(client, "/search?q=zeppelinium")
    assert "<script>alert" not in results and "&lt;script&gt;alert(1)&lt;/script&gt;" in results


def test_markup_in_the_query_is_escaped(client):
    for url in ("/search?q=%3Cscript%3Ealert(1)%3C/script%3E", "/search?q=%22%3Cscript%3Ealert(1)",
                "/doc/wilson:300041?q=%3Cscript%3Ealert(1)%3C/script%3E",
                "/search?q=defeat&speaker=%3Cscript%3Ealert(1)%3C/script%3E"):
        response = client.get(url)
        body = response.get_data(as_text=True)
        assert response.status_code in (200, 400) and "<script>alert" not in body, url
        assert "&lt;script&gt;alert(1)" in body, url


# ---------------------------------------------------------------- browse

def test_browse_lists_sources_and_documents_by_date(client):
    body = page(client, "/browse")
    sources = re.search(r'<ul id="sources">(.*?)</ul>', body, re.S).group(1)
    listed = re.findall(r'<a href="([^"]+)"><span class="value">(.*?)</span>.*?<span class="count">(.*?)</span>',
                        sources, re.S)
    assert listed == [("/browse?source=frus1961-63v05", "Foreign Relations of the United States, 1961-63, Volume V",
                       "390"), ("/browse?source=testing", "Testing", "1"),
                      ("/browse?source=wilson", "Wilson Center Digital Archive", "12")]
    ranges = re.findall(r'<span class="source-range">(.*?)</span>', sources)
    assert ranges[0] == "1960-12-01 – 1963-12-31 · 135 undated"
    assert ranges[2] == "1949-04-01 – 1997-10-31"
    rows = re.findall(r'<td class="date">(.*?)</td>\s*<td class="id"><a href="([^"]+)">', body)
    assert len(rows) == 25
    assert rows[0] == ("1949-04-01", "/doc/wilson:300653")
    assert [d for d, _ in rows] == sorted(d for d, _ in rows)
    assert "page 1 of 17" in body and href_of(body, "next-page") == "/browse?page=2"
    wilson = page(client, "/browse?source=wilson")
    assert len(re.findall(r'<td class="id">', wilson)) == 12
    assert "12 documents from <b>Wilson Center Digital Archive</b>" in wilson
    undated = page(client, "/browse?year=undated&page=2")
    assert "135 documents" in undated and "page 2 of 6" in undated
    assert "85 documents" in page(client, "/browse?year=1962")     # 84 seeds + the hostile document


def test_browse_refuses_unknown_values(client):
    assert "there is no source called &#39;nowhere&#39;" in page(client, "/browse?source=nowhere", status=400)
    assert "year must be a four-digit year" in page(client, "/browse?year=62", status=400)
    assert "page must be a whole number" in page(client, "/browse?page=x", status=400)


# ---------------------------------------------------------------- the JSON API

def strip_seconds(data: dict) -> dict:
    return {k: v for k, v in data.items() if k != "seconds"}


def test_api_search_is_the_cli_json(client, engine):
    response = client.get("/api/search?q=defeat")
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    expected = json.loads(json.dumps(engine.search(SearchRequest("defeat")).to_json()))
    assert strip_seconds(data) == strip_seconds(expected)
    assert list(data) == list(expected)                   # the CLI's key order, not sorted
    assert (data["total_hits"], data["total_documents"], len(data["hits"]), data["limit"]) == (21, 17, 20, 20)
    paged = client.get("/api/search?q=defeat&speaker=Blas+Roca&limit=2&offset=1&width=3").get_json()
    expected = engine.search(SearchRequest("defeat", speaker="Blas Roca", limit=2, offset=1, width=3)).to_json()
    assert strip_seconds(paged) == strip_seconds(json.loads(json.dumps(expected)))
    assert [h["start"] for h in paged["hits"]] == [3848, 6550]
    by_page = client.get("/api/search?q=defeat&page=2&per=5").get_json()
    assert (by_page["offset"], by_page["limit"]) == (5, 5)


def test_api_doc_is_the_cli_json(client, app):
    data = client.get("/api/doc/wilson:300041").get_json()
    with app.app_context():
        from web import services
        with services().catalog.session() as session:
            expected = document_json(session, "wilson:300041")
            with_text = document_json(session, "wilson:300041", with_text=True)
    assert data == json.loads(json.dumps(expected))
    assert "text" not in data and data["place"] == "Prague"
    assert client.get("/api/doc/wilson:300041?text=1").get_json()["text"] == with_text["text"]


def test_api_stats_is_the_cli_json(client, app):
    data = client.get("/api/stats").get_json()
    with app.app_context():
        from web import services
        catalog = services().catalog
        with catalog.session() as session:
            expected = stats_json(session, catalog.corpus_version(session))
    assert data == json.loads(json.dumps(expected))
    assert data["documents"] == 403 and data["by_source"]["wilson"]["documents"] == 12


def test_api_errors_are_json(client):
    for url, status in (("/api/search", 400), ("/api/nothing-here", 404), ("/api/search?q=defeat&limit=5000", 400),
                        ("/api/search?q=blo%2A%2A", 400)):
        response = client.get(url)
        assert response.status_code == status, url
        assert response.mimetype == "application/json" and set(response.get_json()) == {"error"}, url
    assert client.get("/api/search").get_json() == {
        "error": "add a query: /api/search?q=blockade (or a speaker: /api/search?speaker=Blas+Roca)"}
    assert set(client.get("/api/").get_json()["endpoints"]) == {"/api/search?q=QUERY", "/api/doc/ID", "/api/stats"}
    assert client.get("/api/search?q=defeat&limit=5000").get_json() == {
        "error": "limit must be between 0 and 1000 (got 5000)"}


# ---------------------------------------------------------------- CSV export

def read_csv(response):
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    header = [r[0] for r in rows if r and r[0].startswith("# ")]
    columns = rows[len(header)]
    return header, columns, rows[len(header) + 1:]


def test_export_has_the_header_block_and_every_hit(client, app):
    header, columns, rows = read_csv(client.get("/export.csv?q=defeat&speaker=Blas+Roca"))
    with app.app_context():
        from web import services
        version = services().catalog.corpus_version()
    assert header[:4] == ["# query: defeat", "# filters: speaker=Blas Roca",
                          "# options: variants=off; sort=date; width=8", f"# corpus version: {version}"]
    assert re.fullmatch(r"# exported: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", header[4])
    assert header[5] == "# hits: 3 in 1 documents"
    assert columns == ["n", "doc_id", "date", "speaker", "left", "match", "right", "title", "citation", "start",
                       "end", "link", "cite"]
    assert [(r[1], r[4], r[5], r[9]) for r in rows][0] == (
        "wilson:300041", "Cuban problem ought to be viewed as a", "defeat", "859")
    assert rows[0][11] == "http://localhost/doc/wilson:300041?q=defeat&speaker=Blas+Roca#hit-859"
    assert rows[0][12] == ("“Summary of a Conversation between Cde. A. M. Rumyantsev, Editor-in-Chief of the journal "
                           "'Problemy Mira i Sotsializma', and Cde. Blas Roca, Member of the Secretariat of the "
                           "National Leadership of the United Revolutionary Organizations”, Wilson Center Digital "
                           "Archive, record 300041")
    assert len(rows) == 3


def test_export_pages_through_every_hit(client, engine):
    total = engine.search(SearchRequest("soviet", limit=0)).total_hits
    header, _columns, rows = read_csv(client.get("/export.csv?q=soviet&page=3&per=10"))
    assert header[5] == "# hits: 3628 in 356 documents"
    assert len(rows) == total == 3628
    assert [int(r[0]) for r in rows] == list(range(1, total + 1))
    assert len({(r[1], r[9]) for r in rows}) == total        # no hit twice across the engine's pages


def test_export_is_cut_at_the_configured_maximum(instance):
    small = create_app({"INSTANCE": str(instance), "TESTING": True, "EXPORT_MAX_HITS": 1500})
    header, _columns, rows = read_csv(small.test_client().get("/export.csv?q=soviet"))
    assert len(rows) == 1500
    assert header[-1] == ("# cut: only the first 1500 of 3628 hits are exported (EXPORT_MAX_HITS); "
                          "narrow the search for the rest")


def test_export_neutralizes_formulas(client):
    _header, _columns, rows = read_csv(client.get("/export.csv?q=zeppelinium"))
    assert len(rows) == 3
    assert rows[0][7] == "'=HYPERLINK(\"http://evil.example/x\",\"click me\") <script>alert(1)</script>"
    assert rows[0][8] == "'@SUM(A1:A2) cited"
    assert rows[1][6].startswith("'-2 and")
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row
    assert [neutralize(v) for v in ("+1", "\tx", "plain", 7, None)] == ["'+1", "'\tx", "plain", "7", ""]


def test_export_errors(client):
    assert client.get("/export.csv?q=%22unclosed").status_code == 400
    body = page(client, "/export.csv", status=400)
    assert "nothing to export: add a query (q=...) or a speaker (speaker=...)" in body
    assert "excel must be 1 or 0 (got &#39;yes&#39;)" in page(client, "/export.csv?q=defeat&excel=yes", status=400)


# ---------------------------------------------------------------- headers, static files, robustness

URLS = ["/", "/search?q=defeat", "/search?q=%22unclosed", "/doc/wilson:300041?q=defeat", "/doc/nope", "/browse",
        "/api/search?q=defeat", "/api/doc/wilson:300041", "/api/stats", "/api/nope", "/export.csv?q=defeat",
        "/static/style.css", "/static/app.js", "/nowhere", "/search?q=x%00"]


@pytest.mark.parametrize("url", URLS)
def test_security_headers_and_no_traceback(client, url):
    response = client.get(url)
    assert response.status_code < 500
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    body = response.get_data(as_text=True)
    assert "Traceback" not in body and 'File "' not in body
    if response.mimetype == "text/html":
        assert "style=" not in body and "<style" not in body
        assert re.findall(r"<script[^>]*>", body) == ['<script src="/static/app.js" defer>']


def test_static_files_are_served(client):
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.mimetype == "text/css" and b"table.kwic td.left" in css.data
    assert client.get("/static/app.js").mimetype in ("text/javascript", "application/javascript")


def test_an_instance_without_an_index_answers_503(tmp_path):
    empty = create_app({"INSTANCE": str(tmp_path / "empty"), "TESTING": True}).test_client()
    assert "0 documents" in page(empty, "/")
    body = page(empty, "/search?q=defeat", status=503)
    assert "The search index has not been built yet" in body
    assert empty.get("/api/search?q=defeat").get_json()["error"].startswith("The search index has not been built")
    assert page(empty, "/browse").count("<tr>") == 1          # the header row only


def test_an_unexpected_error_is_a_plain_500(app, monkeypatch):
    from web.views import browse

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(browse, "_sources", broken)
    client = app.test_client()
    response = client.get("/browse")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Something went wrong on the server" in body and "boom" not in body and "Traceback" not in body
