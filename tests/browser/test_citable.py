"""Issue 14 in the browser: a speaker's passages from the search form, what the corpus covers,
how many documents a search with no hits went through, citations on the document page and in the
spreadsheet CSV, and a timeline whose every point can be clicked and every link answers."""
from __future__ import annotations

import csv
from urllib.parse import parse_qs, urlsplit

import pytest

from search.engine import SearchRequest

pytestmark = pytest.mark.browser


def test_a_speaker_alone_in_the_form_lists_that_speakers_passages(page, engine):
    expected = engine.search(SearchRequest(query="", speaker="Blas Roca", limit=25))
    assert (expected.kind, expected.total_hits) == ("passages", 17)
    page.goto("/")
    page.fill("input[name=speaker]", "Blas Roca")
    with page.expect_navigation():
        page.click("#go")
    assert parse_qs(urlsplit(page.url).query) == {"speaker": ["Blas Roca"]}
    assert page.inner_text("#totals") == "17 passages of Blas Roca in 1 document"
    rows = page.locator("table#passages tr.listed-passage")
    assert rows.count() == 17
    assert [t.strip() for t in page.locator("td.passage a.passage-link").all_inner_texts()] == \
        [h.match for h in expected.hits]
    with page.expect_navigation():
        rows.nth(1).locator("a.passage-link").click()
    assert urlsplit(page.url).fragment == f"hit-{expected.hits[1].start}"
    assert page.inner_text("#hit-nav .hit-count") == "hit 2 of 17"
    marked = page.locator(f"mark#hit-{expected.hits[1].start}").inner_text()
    assert marked.startswith("In the opinion of Cde. Blas Roca the recent events")


def test_the_home_page_says_what_the_corpus_covers(page):
    page.goto("/")
    rows = page.locator("table#coverage tbody tr")
    assert rows.count() == 2
    cells = [[c.strip() for c in rows.nth(i).locator("td").all_inner_texts()] for i in range(2)]
    assert cells == [["Foreign Relations of the United States, 1961-63, Volume V", "1960-12-01 – 1963-12-31",
                      "390 (135 undated)"],
                     ["Wilson Center Digital Archive", "1949-04-01 – 1997-10-31", "12"]]
    with page.expect_navigation():
        rows.nth(1).locator("a").click()
    assert page.inner_text("#browse-totals").startswith("12 documents from Wilson Center Digital Archive")


def test_a_search_with_no_hits_says_how_many_documents_lie_in_the_filters(page):
    page.goto("/search?q=zzqx&from=1962-10-16&to=1962-10-28")
    assert page.inner_text("#scope") == "8 documents lie within these filters."
    page.goto("/search?q=zzqx")
    assert page.inner_text("#scope") == "The whole corpus was searched: 402 documents."


def test_each_kwic_line_carries_its_citation_and_title(page, engine):
    hits = engine.search(SearchRequest(query="blockade", limit=25)).hits
    page.goto("/search?q=blockade")
    cites = page.locator("table#kwic tr.hit td.doc .cite").all_inner_texts()
    assert cites == [h.cite for h in hits]
    assert cites[0] == "FRUS 1961-63, vol. V, doc. 87"
    assert page.locator("table#kwic tr.hit td.doc .doc-title").first.inner_text() == "Memorandum of Conversation"
    wilson = page.locator("table#kwic tr.hit td.doc", has_text="wilson:300041").first
    assert wilson.locator(".doc-title").count() == 0          # a Wilson citation holds the title already
    assert wilson.locator(".cite").get_attribute("title").endswith("Wilson Center Digital Archive, record 300041")


def test_the_document_page_shows_how_to_cite_it(page):
    page.goto("/doc/frus1961-63v05:d85")
    assert page.inner_text("#cite") == "FRUS 1961-63, vol. V, doc. 85"
    assert page.inner_text("dd.meta-source") == "Foreign Relations of the United States, 1961-63, Volume V"


def test_the_spreadsheet_csv_has_columns_first_a_bom_and_citations(page, engine):
    every = engine.search(SearchRequest(query="quarantine", limit=1000))
    page.goto("/search?q=quarantine")
    with page.expect_download() as info:
        page.click("a#export-excel")
    raw = open(info.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbfn,doc_id,date,speaker,left,match,right,title,citation,start,end,link,cite\r\n")
    with open(info.value.path(), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert len(rows) == 1 + every.total_hits
    assert [(r[1], r[12]) for r in rows[1:]] == [(h.doc_id, h.cite) for h in every.hits]
    assert rows[1][12].startswith("FRUS 1961-63, vol. V, doc. ")


def _point_centre(page, locator) -> tuple[float, float]:
    box = locator.locator("circle.point").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def test_every_timeline_point_can_be_clicked_even_where_two_coincide(page):
    page.goto("/timeline?q=blockade&q2=quarantine&by=year")
    blockade = page.locator('a.timeline-point[data-query="blockade"][data-period="1960"]')
    quarantine = page.locator('a.timeline-point[data-query="quarantine"][data-period="1960"]')
    assert blockade.get_attribute("data-hits") == quarantine.get_attribute("data-hits") == "0"
    for point, query in ((blockade, "blockade"), (quarantine, "quarantine")):
        x, y = _point_centre(page, point)
        on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a').dataset.query", [x, y])
        assert on_top == query


def test_timeline_by_day_leaves_wide_dates_off_the_chart_and_every_link_answers(page):
    page.goto("/timeline?q=blockade&q2=quarantine&by=day&from=1962-10&to=1962-11")
    periods = page.locator("a.timeline-point").evaluate_all("els => els.map(a => a.dataset.period)")
    assert periods and not any(p.startswith("dated wider") for p in periods)
    svg = page.locator("#timeline-chart").bounding_box()
    labels = page.locator("#timeline-chart .axis-x text.tick-label")
    last = labels.nth(labels.count() - 1)
    assert last.inner_html() == "1962-11-29"
    box = last.bounding_box()
    assert box["x"] >= svg["x"] and box["y"] + box["height"] <= svg["y"] + svg["height"]
    hrefs = page.locator("main a[href]").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    statuses = page.evaluate("""async hrefs => Promise.all(hrefs.filter(h => h.startsWith('/'))
        .map(h => fetch(h).then(r => r.status)))""", hrefs)
    assert statuses and set(statuses) == {200}


def test_one_person_one_name_in_the_speaker_choices_and_facets(page, engine):
    page.goto("/")
    names = page.locator("datalist#speaker-list option").evaluate_all("els => els.map(o => o.value)")
    assert [n for n in names if "Harriman" in n] == ["W. Averell Harriman"]
    assert not {"Gwb", "Nat", "Both Mikoyan", "Ambassador-at-Large Averell Harriman"} & set(names)
    assert "George Ball" in names
    # the telephone transcript's GWB: turns are George Ball's, under his one name
    page.goto("/search?speaker=George+Ball&from=1963-11-05&to=1963-11-05")
    assert page.inner_text("#totals") == "9 passages of George Ball in 1 document"
    assert page.locator("td.passage a.passage-link").first.inner_text().startswith("GWB: No, not at all.")
    page.goto("/search?speaker=Harriman")
    facet = page.locator('section.facet[data-facet="speaker"] .value').all_inner_texts()
    assert facet == ["W. Averell Harriman"]
