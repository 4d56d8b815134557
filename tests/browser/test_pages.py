"""The real pages in headless Chromium, on the bundled seeds: every number on the page is checked
against the search engine on the same instance (see web_contract: ids and classes relied on)."""
from __future__ import annotations

import csv
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from search.engine import SearchRequest
from search.errors import SearchError

pytestmark = pytest.mark.browser

TOTALS = re.compile(r"([\d,]+)\s+hits?\s+in\s+([\d,]+)\s+documents?")


# ---------------------------------------------------------------- helpers

def submit_query(page, query: str, how: str = "enter") -> None:
    """Open the home page, type the query into #q and submit it as a person would."""
    page.goto("/")
    page.fill("#q", query)
    with page.expect_navigation():
        if how == "enter":
            page.press("#q", "Enter")
        else:
            page.click("#go")


def shown_totals(page) -> tuple[int, int]:
    text = page.inner_text("#totals")
    found = TOTALS.search(text)
    assert found, f"#totals does not read 'N hits in M documents': {text!r}"
    return int(found.group(1).replace(",", "")), int(found.group(2).replace(",", ""))


def url_params(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def hit_target(href: str) -> tuple[str, int]:
    """(document id, hit start) from an a.hit-link href: /doc/<id>?<params>#hit-<start>."""
    parts = urlsplit(href)
    assert parts.path.startswith("/doc/"), href
    assert re.fullmatch(r"hit-\d+", parts.fragment), href
    return unquote(parts.path[len("/doc/"):]), int(parts.fragment[len("hit-"):])


def shown_hits(page) -> list[tuple[str, int]]:
    return [hit_target(a.get_attribute("href")) for a in page.locator("tr.hit a.hit-link").all()]


def page_size(app) -> int:
    return app.config["PAGE_SIZE"]


def expected(engine, query: str, app, page_no: int = 1, **filters):
    size = page_size(app)
    return engine.search(SearchRequest(query=query, limit=size, offset=(page_no - 1) * size, **filters))


def assert_rows_match(page, result) -> None:
    """The table shows the engine's page, in order, each row linking to its exact hit."""
    assert shown_hits(page) == [(h.doc_id, h.start) for h in result.hits]
    matches = page.locator("tr.hit td.match").all_inner_texts()
    assert [m.strip() for m in matches] == [h.match for h in result.hits]


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(selector, """el => {
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
    }""")


# ---------------------------------------------------------------- search and results

def test_typing_a_query_and_pressing_enter_shows_kwic_lines(page, engine, app):
    result = expected(engine, "defeat", app)
    assert result.total_hits == 21 and result.total_documents == 17   # the seeds, as indexed

    submit_query(page, "defeat")

    assert urlsplit(page.url).path == "/search"
    assert url_params(page.url)["q"] == ["defeat"]
    assert shown_totals(page) == (21, 17)
    assert page.locator("table#kwic tr.hit").count() == 21
    assert_rows_match(page, result)
    first = page.locator("tr.hit").first
    for cell in ("td.date", "td.speaker", "td.left", "td.match", "td.right"):
        assert first.locator(cell).count() == 1, cell
    assert first.locator("td.left").evaluate("el => getComputedStyle(el).textAlign") in ("right", "end")
    assert page.locator("a#home").get_attribute("href") == "/"
    with page.expect_navigation():
        page.click("a#home")
    assert urlsplit(page.url).path == "/" and page.input_value("#q") == ""


def test_clicking_go_runs_a_phrase_query(page, engine, app):
    result = expected(engine, '"Soviet missile bases"', app)
    assert (result.total_hits, result.total_documents) == (11, 1)

    submit_query(page, '"Soviet missile bases"', how="click")

    assert shown_totals(page) == (11, 1)
    assert_rows_match(page, result)
    assert {m.strip().lower() for m in page.locator("td.match").all_inner_texts()} == {"soviet missile bases"}


def test_clicking_a_speaker_facet_adds_the_filter(page, engine, app):
    filtered = expected(engine, "defeat", app, speaker="Blas Roca")
    assert filtered.total_hits == 3

    submit_query(page, "defeat")
    value = page.locator('section.facet[data-facet="speaker"] a.facet-value', has_text="Blas Roca")
    assert value.count() == 1
    assert value.locator("span.count").inner_text().strip() == "3"
    with page.expect_navigation():
        value.click()

    params = url_params(page.url)
    assert params["q"] == ["defeat"] and params["speaker"] == ["Blas Roca"]
    assert params.get("page", ["1"]) == ["1"]
    assert shown_totals(page) == (filtered.total_hits, filtered.total_documents)
    assert_rows_match(page, filtered)
    assert {s.strip() for s in page.locator("tr.hit td.speaker").all_inner_texts()} == {"Blas Roca"}


def test_next_page_shows_the_next_hits(page, engine, app):
    first, second = expected(engine, "missile", app), expected(engine, "missile", app, page_no=2)
    pages = -(-first.total_hits // page_size(app))
    assert first.total_hits == 75 and pages > 2

    submit_query(page, "missile")
    assert_rows_match(page, first)
    assert f"page 1 of {pages}" in page.inner_text("nav#pager")
    with page.expect_navigation():
        page.click("nav#pager a#next-page")

    assert url_params(page.url)["page"] == ["2"]
    assert f"page 2 of {pages}" in page.inner_text("nav#pager")
    assert shown_totals(page) == (first.total_hits, first.total_documents)
    assert_rows_match(page, second)
    assert not set(shown_hits(page)) & {(h.doc_id, h.start) for h in first.hits}
    with page.expect_navigation():
        page.click("nav#pager a#prev-page")
    assert_rows_match(page, first)


# ---------------------------------------------------------------- document at its hit

def test_opening_a_hit_shows_the_document_at_that_hit(page, engine, app):
    query = '"Soviet missile bases"'
    submit_query(page, query)
    link = page.locator("tr.hit a.hit-link").first
    doc_id, start = hit_target(link.get_attribute("href"))
    starts = sorted(s for s, _ in engine.document_hits(SearchRequest(query=query), doc_id))
    assert start == starts[0] and len(starts) == 11

    with page.expect_navigation():
        link.click()

    assert urlsplit(page.url).fragment == f"hit-{start}"
    assert page.locator("article#document h1").inner_text().strip()
    marks = page.locator("mark.hit")
    assert marks.evaluate_all("els => els.map(e => e.id)") == [f"hit-{s}" for s in starts]
    assert {t.strip().lower() for t in marks.all_inner_texts()} == {"soviet missile bases"}
    assert in_viewport(page, f"#hit-{start}")

    page.click("a#next-hit")
    page.wait_for_function(f"location.hash === '#hit-{starts[1]}'")
    assert in_viewport(page, f"#hit-{starts[1]}")

    back = urlsplit(page.locator("a#back-to-results").get_attribute("href"))
    assert back.path == "/search" and parse_qs(back.query)["q"] == [query]


def test_document_passages_carry_speaker_labels(page, engine, app):
    submit_query(page, '"Soviet missile bases"')
    with page.expect_navigation():
        page.locator("tr.hit a.hit-link").first.click()
    labels = page.locator("div.passage span.speaker-label").all_text_contents()   # CSS upper-cases them
    assert "Blas Roca" in {label.strip() for label in labels}
    assert page.locator("dl#meta").count() == 1


# ---------------------------------------------------------------- browse

def test_browse_lists_sources_and_their_documents_by_date(page, engine):
    from corpus.citation import source_title
    from corpus.queries import stats_json

    with engine.catalog.session() as session:
        by_source = stats_json(session, engine.catalog.corpus_version(session))["by_source"]
    assert by_source["wilson"]["documents"] == 12

    page.goto("/")
    with page.expect_navigation():
        page.click('a[href="/browse"]')
    sources = page.locator("ul#sources li")
    shown = {li.locator("a").inner_text().strip(): li.locator("span.count").inner_text().strip()
             for li in sources.all()}
    assert shown == {source_title(key): f"{n['documents']:,}" for key, n in by_source.items()}

    with page.expect_navigation():
        page.locator("ul#sources a", has_text="Wilson Center Digital Archive").click()
    assert url_params(page.url)["source"] == ["wilson"]
    ids = page.locator("table#documents td a").all_inner_texts()
    assert len(ids) == 12 and all(i.startswith("wilson:") for i in ids)
    dates = [d for d in page.locator("table#documents td.date").all_inner_texts() if d.strip()]
    assert dates == sorted(dates)


# ---------------------------------------------------------------- export

def test_export_csv_has_the_header_block_and_every_hit(page, engine, app):
    every = engine.search(SearchRequest(query="missile", limit=1000))
    assert every.total_hits == len(every.hits) == 75
    submit_query(page, "missile")
    total_hits, _ = shown_totals(page)
    assert total_hits == 75 and page.locator("tr.hit").count() < total_hits   # more than one page

    with page.expect_download() as info:
        page.click("a#export-csv")
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))

    header = [r[0] for r in rows if r and r[0].startswith("# ")]   # "# key: value" rows come first
    assert rows[:len(header)] == [[h] for h in header]
    assert "# query: missile" in header
    version = engine.catalog.corpus_version()
    assert f"# corpus version: {version}" in header
    assert any(h.startswith("# exported: ") for h in header)
    columns, hits = rows[len(header)], rows[len(header) + 1:]
    assert {"doc_id", "match", "start"} <= set(columns)
    assert len(hits) == total_hits
    at = {name: columns.index(name) for name in ("doc_id", "match", "start")}
    assert [(r[at["doc_id"]], int(r[at["start"]])) for r in hits] == [(h.doc_id, h.start) for h in every.hits]
    assert {r[at["match"]].lower() for r in hits} == {"missile"}


# ---------------------------------------------------------------- errors and no JavaScript

def test_a_malformed_query_shows_the_message_with_status_400(page, engine, problems):
    query = '"Soviet missile'
    with pytest.raises(SearchError) as error:
        engine.search(SearchRequest(query=query))

    page.goto("/")
    page.fill("#q", query)
    with page.expect_response(lambda r: urlsplit(r.url).path == "/search") as response:
        page.press("#q", "Enter")
    page.wait_for_selector("p#query-error")

    assert response.value.status == 400
    assert str(error.value) in page.inner_text("p#query-error")
    assert page.input_value("#q") == query
    assert page.locator("tr.hit").count() == 0
    problems[:] = [p for p in problems if "status of 400" not in p]   # Chromium logs the 400


def test_the_pages_work_without_javascript(chromium, base_url, engine, app):
    context = chromium.new_context(base_url=base_url, java_script_enabled=False)
    try:
        page = context.new_page()
        submit_query(page, "defeat")
        assert shown_totals(page) == (21, 17)
        assert page.locator("tr.hit").count() == 21
        with page.expect_navigation():
            page.locator('section.facet[data-facet="speaker"] a.facet-value', has_text="Blas Roca").click()
        assert shown_totals(page)[0] == 3
        with page.expect_navigation():
            page.locator("tr.hit a.hit-link").first.click()
        assert page.locator("mark.hit").count() >= 1
    finally:
        context.close()
