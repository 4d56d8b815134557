"""Saved queries in headless Chromium (issue 6): run a search, save it from the results page,
ingest documents from the CLI on the same instance, reload /saved, see the new-hit badge, open
it, and find exactly the new hits (checked against a regex count over the catalog text and the
search engine). The instance is this module's own (seed record only, then the notes of
tests/test_saved.py), served like the other browser tests (harness.serve)."""
from __future__ import annotations


import pytest
from click.testing import CliRunner
from sqlalchemy import select

from corpus.db import Catalog
from corpus.ingest import ingest
from corpus.models import Document
from search.engine import SearchEngine, SearchRequest
from search.indexer import Indexer
from web.cli import cli

from ..conftest import SEED_FILE
from ..test_saved import brute_force, word_count
from .harness import serve
from .test_pages import shown_hits, shown_totals, url_params

pytestmark = pytest.mark.browser


@pytest.fixture
def instance(browser_ready, seed_instance):
    return seed_instance


@pytest.fixture
def saved_page(chromium, instance, problems):
    """A page on this test's own server over `instance`, failing on console errors (a CSP
    violation shows as one) and on requests leaving 127.0.0.1."""
    from web import create_app
    app = create_app({"INSTANCE": str(instance)})
    with serve(app) as base_url:
        context = chromium.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on("request", lambda req: req.url.startswith(base_url) or problems.append(f"outside request: {req.url}"))
        page.set_default_timeout(10_000)
        yield page
        context.close()
    assert not problems, problems


def test_save_a_search_ingest_from_the_cli_and_open_the_new_hits(saved_page, instance, notes):
    page = saved_page
    page.goto("/")
    page.fill("#q", "missile")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert shown_totals(page) == (11, 1)

    page.fill("#save-name", "missile watch")
    page.fill("#save-note", "San Cristobal sites")
    with page.expect_navigation():
        page.click("#save-button")
    assert page.url.endswith("/saved/missile%20watch")
    assert "Saved as 'missile watch': 11 hits in 1 document at corpus version 1." in page.inner_text("#notices")

    page.click("#nav-saved")
    row = page.locator('tr.saved[data-name="missile watch"]')
    assert row.locator("td.hits").inner_text().strip() == "11"
    assert row.locator(".new-badge").count() == 0
    assert row.locator(".no-new").inner_text() == "none new"

    result = CliRunner().invoke(cli, ["--instance", str(instance), "ingest", str(notes)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Saved queries: 1 re-counted, 1 with new hits (corpus version 2)." in result.output

    catalog = Catalog.for_instance(instance)
    try:
        hits, documents = brute_force(catalog, "missile", 1)
        with catalog.session() as s:
            new_texts = {d.id: d.text for d in s.scalars(select(Document).where(Document.added_version > 1))}
        engine = SearchEngine(catalog, instance)
        expected = engine.search(SearchRequest("missile", since_version=1, limit=100))
        engine.close()
    finally:
        catalog.dispose()
    assert (hits, documents) == (expected.total_hits, expected.total_documents) == (5, 2)

    page.reload()
    row = page.locator('tr.saved[data-name="missile watch"]')
    badge = row.locator("a.new-hits .new-badge")
    assert badge.is_visible()
    assert badge.inner_text() == f"{hits} new hits in {documents} documents"
    assert row.locator("td.hits").inner_text().strip() == "11"

    with page.expect_navigation():
        row.locator("a.new-hits").click()
    assert url_params(page.url) == {"q": ["missile"], "since": ["1"]}
    assert page.locator("#since-note").is_visible()
    assert shown_totals(page) == (hits, documents)
    shown = shown_hits(page)
    assert shown == [(h.doc_id, h.start) for h in expected.hits]
    assert {doc_id for doc_id, _ in shown} == {d for d, text in new_texts.items() if word_count(text, "missile")}
    matches = [m.strip().lower() for m in page.locator("tr.hit td.match").all_inner_texts()]
    assert matches == ["missile"] * hits
    for doc_id, start in shown:                                  # each line points at the word itself
        assert new_texts[doc_id][start:start + len("missile")].lower() == "missile"

    page.click("#nav-saved")
    with page.expect_navigation():
        page.locator('tr.saved[data-name="missile watch"] button.run').click()
    assert url_params(page.url) == {"q": ["missile"]}
    assert shown_totals(page) == (16, 3)
    page.click("#nav-saved")
    row = page.locator('tr.saved[data-name="missile watch"]')
    assert row.locator(".new-badge").count() == 0
    assert (row.locator("td.hits").inner_text().strip(), row.locator("td.version").inner_text().strip()) == ("16", "2")


def test_delete_asks_for_confirmation_in_the_browser(saved_page, instance):
    page = saved_page
    page.goto("/search?q=Cuba")
    page.fill("#save-name", "cuba")
    with page.expect_navigation():
        page.click("#save-button")
    page.goto("/saved")
    with page.expect_navigation():
        page.locator('tr.saved[data-name="cuba"] a.delete').click()
    assert page.locator("#delete-form").is_visible()
    page.goto("/saved")
    assert page.locator('tr.saved[data-name="cuba"]').count() == 1          # looking did not delete it
    page.goto("/saved/cuba/delete")
    with page.expect_navigation():
        page.click("#confirm-delete")
    assert page.url.endswith("/saved")
    assert page.locator("tr.saved").count() == 0
    assert "Deleted the saved query 'cuba'." in page.inner_text("#notices")
