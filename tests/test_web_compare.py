"""The comparison pages and their API (issue 5) through Flask's test client, on the bundled seeds.

Every number is checked against search.stats (or the search engine) on the same instance; the
values pinned here (14 hits of blockade, 'bases' first among the collocates of missile, ...) were
read from `corpus distribution|collocates|keywords --json` over the seeds.

Timeline points: one per query and per dated period that has words in the searched corpus (zeros
included), as web/views/compare.py documents."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from search.engine import SearchRequest
from search.stats import UNDATED_LABEL, collocates, compare, distribution, frequency_list, keywords
from web import create_app

KEYWORDS_A = "source:wilson date:1962-11-02"        # Blas Roca's speech in the seed
KEYWORDS_B = "source:frus1961-63v05"


@pytest.fixture(scope="module")
def client(corpus_index):
    _catalog, instance, _engine = corpus_index
    return create_app({"INSTANCE": str(instance), "TESTING": True}).test_client()


@pytest.fixture(scope="module")
def engine(corpus_index):
    return corpus_index[2]


def get(client, path: str, params=None, status: int = 200):
    url = path + ("?" + urlencode(params, doseq=True) if params else "")
    response = client.get(url)
    body = response.get_data(as_text=True)
    assert response.status_code == status, (url, response.status_code, body[:500])
    assert "Traceback" not in body
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    return response, body


def table_rows(body: str, table_id: str) -> list[list[str]]:
    """The body rows of a table as cell texts (tags stripped, entities decoded)."""
    found = re.search(rf'<table id="{table_id}"[^>]*>.*?<tbody>(.*?)</tbody>', body, re.S)
    assert found, f"no table#{table_id}"
    rows = re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)
    return [[html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
             for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in rows]


def number(text: str) -> float:
    return float(text.replace(",", ""))


def csv_body(response) -> tuple[list[str], list[str], list[list[str]]]:
    """(header block lines, column names, rows) of a comparison CSV."""
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    header = [r[0] for r in rows if r and r[0].startswith("# ")]
    rest = [r for r in rows if r and not r[0].startswith("# ")]
    return header, rest[0], rest[1:]


def links(body: str, css_class: str) -> list[str]:
    return [html.unescape(h) for h in re.findall(rf'<a class="{css_class}" href="([^"]+)"', body)]


# ---------------------------------------------------------------- hub and navigation

def test_compare_hub_is_in_the_header_and_offers_the_forms(client):
    _, home = get(client, "/")
    assert '<a id="nav-compare" href="/compare"' in home and 'id="home"' in home
    _, body = get(client, "/compare")
    actions = set(re.findall(r'<form id="[a-z-]+-form"[^>]*action="([^"]+)"', body))
    assert actions == {"/timeline", "/distribution", "/side-by-side", "/keywords", "/collocates", "/frequencies"}
    assert "<script>" not in body and " style=" not in body


# ---------------------------------------------------------------- timeline

def test_timeline_has_a_linked_point_per_query_and_period(client, engine):
    _, body = get(client, "/timeline", {"q": "blockade", "q2": "quarantine", "by": "year"})
    expected = compare(engine, [SearchRequest(query="blockade"), SearchRequest(query="quarantine")], "year",
                       all_values=True)
    periods = [r.value for r in expected.rows if r.value != UNDATED_LABEL]
    assert periods[:3] == ["1949", "1960", "1961"] and "1962" in periods

    svg = re.search(r'<svg id="timeline-chart".*?</svg>', body, re.S).group(0)
    assert "hits per million words" in svg and "legend" in svg
    assert all(f">{p}</text>" in svg for p in periods[:3])           # tick labels
    points = re.findall(r'<a class="timeline-point" href="([^"]+)" data-query="([^"]+)" data-period="([^"]+)" '
                        r'data-hits="(\d+)"', svg)
    assert len(points) == 2 * len(periods)
    assert {(q, p) for _h, q, p, _n in points} == {(q, p) for q in ("blockade", "quarantine") for p in periods}
    cells = {r.value: r.cells for r in expected.rows}
    for href, query, period, hits in points:
        target = urlsplit(html.unescape(href))
        params = parse_qs(target.query)
        assert target.path == "/search" and params["q"] == [query]
        assert params["from"] == [period] and params["to"] == [period]
        assert int(hits) == cells[period][0 if query == "blockade" else 1].hits
        found = engine.search(SearchRequest(query=query, date_from=period, date_to=period)).total_hits
        assert found == int(hits), (query, period)

    rows = table_rows(body, "timeline-table")
    assert [r[0] for r in rows] == periods + [UNDATED_LABEL]            # undated hits: table only
    by_period = {r[0]: r for r in rows}
    assert [number(c) for c in by_period["1962"][1:]] == [90345, 5, 55.34, 1, 11.07]
    assert [number(c) for c in by_period["1961"][2:]] == [3, 24.07, 0, 0]


def test_timeline_narrows_a_point_to_the_pages_own_date_filter(client, engine):
    _, body = get(client, "/timeline", {"q": "blockade", "by": "year", "from": "1962-11", "to": "1962-12"})
    points = re.findall(r'<a class="timeline-point" href="([^"]+)"[^>]*data-period="1962" data-hits="(\d+)"', body)
    assert len(points) == 1
    params = parse_qs(urlsplit(html.unescape(points[0][0])).query)
    assert params["from"] == ["1962-11"] and params["to"] == ["1962-12"]
    found = engine.search(SearchRequest(query="blockade", date_from="1962-11", date_to="1962-12")).total_hits
    assert found == int(points[0][1]) == 4


def test_timeline_csv_has_the_header_block_and_the_table_rows(client):
    params = {"q": "blockade", "q2": "quarantine", "by": "month"}
    _, body = get(client, "/timeline", params)
    csv_href = html.unescape(re.search(r'<a id="timeline-csv"[^>]*href="([^"]+)"', body).group(1))
    assert urlsplit(csv_href).path == "/timeline.csv" and parse_qs(urlsplit(csv_href).query) == {
        k: [v] for k, v in params.items()}
    response, _ = get(client, csv_href)
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    header, columns, rows = csv_body(response)
    assert header[:3] == ["# queries: blockade | quarantine", "# by: month", "# filters: none"]
    assert columns == ["month", "words", "hits blockade", "per million blockade", "hits quarantine",
                       "per million quarantine"]
    table = table_rows(body, "timeline-table")
    assert len(rows) == len(table) and [r[0] for r in rows] == [r[0] for r in table]
    by_month = {r[0]: r[2:5:2] for r in rows}            # hits of blockade, of quarantine
    assert by_month["1962-11"] == ["3", "0"] and by_month["1962-12"] == ["1", "1"]


# ---------------------------------------------------------------- distribution

def test_distribution_page_table_links_chart_and_csv(client, engine):
    expected = distribution(engine, SearchRequest(query="blockade"), "source")
    _, body = get(client, "/distribution", {"q": "blockade", "by": "source"})
    rows = table_rows(body, "distribution")
    assert [[r[0], int(number(r[1])), int(number(r[2])), int(number(r[3]))] for r in rows] == \
        [[r.value, r.hits, r.documents, r.tokens] for r in expected.rows]
    assert [number(r[4]) for r in rows] == [round(r.per_million, 2) for r in expected.rows]
    assert 'href="/search?q=blockade&amp;source=wilson"' in body
    chart = re.search(r'<svg id="distribution-chart".*?</svg>', body, re.S).group(0)
    assert chart.count('<rect class="bar') == len(expected.rows) and "hits per million words" in chart
    response, _ = get(client, "/distribution.csv", {"q": "blockade", "by": "source"})
    header, columns, csv_rows = csv_body(response)
    assert "# query: blockade" in header and columns == ["source", "hits", "documents", "words", "per million"]
    assert csv_rows == [[r.value, str(r.hits), str(r.documents), str(r.tokens), str(r.per_million)]
                        for r in expected.rows]


def test_api_distribution_equals_the_library(client, engine):
    response, _ = get(client, "/api/distribution", {"q": "blockade", "by": "year"})
    assert response.get_json() == distribution(engine, SearchRequest(query="blockade"), "year").to_json()
    assert response.get_json()["total_hits"] == 14
    response, _ = get(client, "/api/distribution", {"q": "blockade", "by": "month", "all": "1"})
    assert response.get_json() == distribution(engine, SearchRequest(query="blockade"), "month", True).to_json()


# ---------------------------------------------------------------- side by side

def test_side_by_side_of_two_queries(client, engine):
    expected = compare(engine, [SearchRequest(query="blockade"), SearchRequest(query="quarantine")], "source")
    _, body = get(client, "/side-by-side", {"q": "blockade", "q2": "quarantine", "by": "source"})
    rows = table_rows(body, "comparison")
    assert [[r[0]] + [int(number(c)) for c in (r[1], r[2], r[3], r[5], r[6])] for r in rows] == [
        [r.value, r.tokens, r.cells[0].hits, r.cells[0].documents, r.cells[1].hits, r.cells[1].documents]
        for r in expected.rows]
    assert rows[0][:3] == ["frus1961-63v05", "353,069", "10"]
    for box, query, total in (("concordance-a", "blockade", 14), ("concordance-b", "quarantine", 1)):
        side = re.search(rf'<div id="{box}".*?</table>', body, re.S).group(0)
        assert f"{total} hit" in side
        result = engine.search(SearchRequest(query=query, limit=25))
        shown = re.findall(r'<a class="hit-link" href="/doc/([^"?#]+)[^"#]*#hit-(\d+)">([^<]*)</a>', side)
        assert [(html.unescape(d), int(s), m) for d, s, m in shown] == \
            [(h.doc_id, h.start, h.match) for h in result.hits]
    response, _ = get(client, "/side-by-side.csv", {"q": "blockade", "q2": "quarantine", "by": "source"})
    _header, columns, csv_rows = csv_body(response)
    assert len(csv_rows) == len(rows) and columns[:3] == ["source", "words", "hits blockade"]


def test_side_by_side_of_one_query_over_two_subcorpora(client, engine):
    _, body = get(client, "/side-by-side", {"q": "missile", "a": "source:wilson", "b": KEYWORDS_B})
    rows = table_rows(body, "comparison")
    assert [(r[0], r[1], int(number(r[2])), int(number(r[4]))) for r in rows] == [
        ("A", "source:wilson", 11, 17956), ("B", KEYWORDS_B, 64, 353069)]
    wilson = engine.search(SearchRequest(query="missile source:wilson", limit=25))
    side = re.search(r'<div id="concordance-a".*?</table>', body, re.S).group(0)
    shown = re.findall(r'<a class="hit-link" href="/doc/([^"?#]+)', side)
    assert [html.unescape(d) for d in shown] == [h.doc_id for h in wilson.hits]
    assert re.search(r'<div id="concordance-b".*?64 hits', body, re.S)


def test_api_compare_equals_the_library(client, engine):
    response, _ = get(client, "/api/compare", {"q": ["blockade", "quarantine"], "by": "year"})
    requests = [SearchRequest(query="blockade"), SearchRequest(query="quarantine")]
    assert response.get_json() == compare(engine, requests, "year").to_json()
    response, _ = get(client, "/api/compare", {"q": "blockade", "q2": "quarantine", "by": "source"})
    assert response.get_json()["total_hits"] == [14, 1]


# ---------------------------------------------------------------- keywords

def test_keywords_page_lists_roca_words_with_links_and_csv(client, engine):
    expected = keywords(engine, KEYWORDS_A, KEYWORDS_B)
    _, body = get(client, "/keywords", {"a": KEYWORDS_A, "b": KEYWORDS_B})
    rows = table_rows(body, "keywords")
    words = [r[0] for r in rows]
    assert words == [r.word for r in expected.rows]
    assert {"socialism", "retreat", "defeat"} <= set(words)
    first = expected.rows[0]
    assert [number(c) for c in rows[0][1:]] == [first.freq_a, first.freq_b, round(first.per_million_a, 2),
                                                round(first.per_million_b, 2), round(first.log_likelihood, 2),
                                                round(first.log_ratio, 2), first.range_a, first.range_b]
    href = html.unescape(re.search(r'<a class="keyword" href="([^"]+)">socialism<', body).group(1))
    assert parse_qs(urlsplit(href).query)["q"] == [f"socialism {KEYWORDS_A}"]
    socialism = next(r for r in expected.rows if r.word == "socialism")
    assert engine.search(SearchRequest(query=f"socialism {KEYWORDS_A}")).total_hits == socialism.freq_a
    response, _ = get(client, "/keywords.csv", {"a": KEYWORDS_A, "b": KEYWORDS_B})
    header, columns, csv_rows = csv_body(response)
    assert header[0].startswith(f"# a: {KEYWORDS_A} (")
    assert columns[:3] == ["word", "freq_a", "freq_b"] and len(csv_rows) == len(rows)
    assert [r[0] for r in csv_rows] == words


def test_api_keywords_equals_the_library(client, engine):
    response, _ = get(client, "/api/keywords", {"a": KEYWORDS_A, "b": KEYWORDS_B, "min": 2, "limit": 10,
                                                "by": "log_ratio"})
    assert response.get_json() == keywords(engine, KEYWORDS_A, KEYWORDS_B, 2, 10, "log_ratio").to_json()


# ---------------------------------------------------------------- collocates

def test_collocates_page_sorts_links_and_csv(client, engine):
    expected = collocates(engine, SearchRequest(query="missile"), limit=30)
    _, body = get(client, "/collocates", {"q": "missile"})
    rows = table_rows(body, "collocates")
    assert rows[0][0] == "bases" and [r[0] for r in rows] == [r.word for r in expected.rows]
    assert [number(c) for c in rows[0][1:]] == [15, 50, 7.21, 3.85, 125.47, 11.94]
    sort_links = links(body, "sort-by current") + links(body, "sort-by")
    assert {parse_qs(urlsplit(h).query)["sort"][0] for h in sort_links} == {
        "log_dice", "mi", "t_score", "log_likelihood", "cooccurrences", "frequency"}
    by_mi = collocates(engine, SearchRequest(query="missile"), by="mi", limit=30)
    _, body_mi = get(client, "/collocates", {"q": "missile", "sort": "mi"})
    assert [r[0] for r in table_rows(body_mi, "collocates")] == [r.word for r in by_mi.rows]

    href = html.unescape(re.search(r'<a class="collocate" href="([^"]+)">bases<', body).group(1))
    assert parse_qs(urlsplit(href).query)["q"] == ['"missile bases"~5']
    assert engine.search(SearchRequest(query='"missile bases"~5')).total_hits == 15

    response, _ = get(client, "/collocates.csv", {"q": "missile"})
    header, columns, csv_rows = csv_body(response)
    assert "# window: 5 left, 5 right" in header
    assert columns == ["word", "cooccurrences", "frequency", "mi", "t_score", "log_likelihood", "log_dice"]
    assert len(csv_rows) == len(rows) and csv_rows[0] == ["bases", "15", "50", "7.2134", "3.8469", "125.4723",
                                                          "11.9411"]


def test_collocates_window_and_api(client, engine):
    expected = collocates(engine, SearchRequest(query="missile"), 3, 3, limit=30)
    _, body = get(client, "/collocates", {"q": "missile", "window": 3})
    assert [r[0] for r in table_rows(body, "collocates")] == [r.word for r in expected.rows]
    response, _ = get(client, "/api/collocates", {"q": "missile", "left": 0, "right": 4, "by": "log_likelihood"})
    assert response.get_json() == collocates(engine, SearchRequest(query="missile"), 0, 4, "log_likelihood",
                                             2, 30).to_json()


# ---------------------------------------------------------------- frequencies

def test_frequencies_page_csv_and_api(client, engine):
    expected = frequency_list(engine, "source:wilson", 1, 50)
    _, body = get(client, "/frequencies", {"filter": "source:wilson"})
    rows = table_rows(body, "frequencies")
    assert [(r[0], int(number(r[1])), int(number(r[3]))) for r in rows] == \
        [(r.word, r.frequency, r.range) for r in expected.rows]
    assert rows[0][:2] == ["the", "1,383"]
    response, _ = get(client, "/frequencies.csv", {"filter": "source:wilson"})
    header, columns, csv_rows = csv_body(response)
    assert "# sub-corpus: source:wilson" in header and len(csv_rows) == len(rows)
    response, _ = get(client, "/api/frequencies", {"filter": "source:wilson"})
    assert response.get_json() == expected.to_json()


def test_ngram_frequencies_page_links_csv_and_api(client, engine):
    expected = frequency_list(engine, "source:wilson", 1, 50, n=3)
    _, body = get(client, "/frequencies", {"filter": "source:wilson", "n": "3"})
    rows = table_rows(body, "frequencies")
    assert [(r[0], int(number(r[1]))) for r in rows] == [(r.word, r.frequency) for r in expected.rows]
    assert rows[0][:2] == ["the chinese communists", "23"]
    assert 'href="/search?q=%22the+chinese+communists%22+source:wilson"' in body
    assert '<option value="3" selected>3-grams</option>' in body and "<th scope=\"col\">3-gram</th>" in body
    response, _ = get(client, "/frequencies.csv", {"filter": "source:wilson", "n": "3"})
    header, columns, csv_rows = csv_body(response)
    assert "# n: 3" in header and columns[0] == "3-gram" and csv_rows[0][:2] == ["the chinese communists", "23"]
    response, _ = get(client, "/api/frequencies", {"filter": "source:wilson", "n": "3"})
    assert response.get_json() == expected.to_json()
    content = frequency_list(engine, "source:wilson", 1, 50, n=2, content=True)
    _, body = get(client, "/frequencies", {"filter": "source:wilson", "n": "2", "content": "1"})
    assert [r[0] for r in table_rows(body, "frequencies")] == [r.word for r in content.rows]
    assert 'id="frequencies-content" checked' in body
    response, _ = get(client, "/api/frequencies", {"filter": "source:wilson", "n": "2", "content": "1"})
    assert response.get_json() == content.to_json() and response.get_json()["content"] is True
    response, _ = get(client, "/frequencies.csv", {"filter": "source:wilson", "n": "2", "content": "1"})
    assert "# function words: left out" in csv_body(response)[0]


# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("path, params, message", [
    ("/timeline", {"q": '"unclosed'}, "unclosed quote"),
    ("/timeline", {"q": "blockade", "by": "colour"}, "by must be one of year, month, day"),
    ("/distribution", {"q": "blockade", "by": "colour"}, "by must be one of speaker"),
    ("/keywords", {"a": "blockade", "b": KEYWORDS_B}, "sub-corpus A takes filters only"),
    ("/keywords", {"a": "source:wilson"}, "give sub-corpus B as filters"),
    ("/collocates", {"q": "missile", "window": "99"}, "window must be between 1 and 20"),
    ("/collocates", {"q": "missile", "sort": "loudness"}, "sort must be one of"),
    ("/side-by-side", {"q": "blockade"}, "add a second query"),
    ("/side-by-side", {"q": "blockade", "a": "source:wilson"}, "give both sub-corpora"),
    ("/frequencies", {"filter": "missile"}, "takes filters only"),
    ("/frequencies", {"filter": "", "n": "4"}, "n must be one of 1, 2, 3"),
    ("/timeline", {"q": "blockade", "speaker": "\x01"}, "control character"),
])
def test_bad_input_shows_the_form_again_with_the_error(client, path, params, message):
    _, body = get(client, path, params, status=400)
    error = re.search(r'<p id="query-error">(.*?)</p>', body, re.S)
    assert error and message in html.unescape(error.group(1)), body[:2000]
    assert re.search(rf'<form id="[a-z-]+-form"[^>]*action="{path}"', body)


@pytest.mark.parametrize("path, params, message", [
    ("/api/distribution", {"q": '"unclosed', "by": "year"}, "unclosed quote"),
    ("/api/distribution", {"q": "blockade", "by": "colour"}, "by must be one of"),
    ("/api/compare", {"q": "blockade", "by": "year"}, "give two or more queries"),
    ("/api/keywords", {"a": "blockade", "b": KEYWORDS_B}, "takes filters only"),
    ("/api/collocates", {"q": "missile", "window": "0"}, "window must be between 1 and 20"),
    ("/api/frequencies", {"filter": "defeat"}, "takes filters only"),
])
def test_api_errors_are_json_with_400(client, path, params, message):
    response, _ = get(client, path, params, status=400)
    assert response.mimetype == "application/json" and message in response.get_json()["error"]


@pytest.mark.parametrize("path", ["/timeline.csv", "/distribution.csv", "/keywords.csv", "/collocates.csv"])
def test_csv_without_input_is_a_400_page(client, path):
    _, body = get(client, path, {"by": "year"} if path != "/keywords.csv" else {}, status=400)
    assert 'id="error-message"' in body


def test_csv_cells_cannot_run_as_formulas(client):
    response, _ = get(client, "/keywords.csv", {"a": "source:wilson", "b": KEYWORDS_B, "min": 1, "limit": 5000})
    _header, _columns, rows = csv_body(response)
    assert rows and all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row[:1])


def test_api_index_lists_the_comparison_endpoints(client):
    response, _ = get(client, "/api/")
    listed = " ".join(response.get_json()["comparison"])
    for name in ("distribution", "compare", "keywords", "collocates", "frequencies"):
        assert f"/api/{name}?" in listed
    json.dumps(response.get_json())
