"""Fixtures for the browser tests: one seeds instance, the real app on a free local port, and
headless Debian Chromium. Everything skips cleanly (with the reason) when Playwright or
/usr/bin/chromium is missing; `.ci/run` installs both and sets CORPUS_REQUIRE_BROWSER=1, which
turns that skip into a failure, so CI cannot go green without having run them."""
from __future__ import annotations

import os

import pytest

from .harness import browser_unavailable, build_seeds_instance, launch_chromium, serve


@pytest.fixture(scope="session")
def browser_ready() -> None:
    reason = browser_unavailable()
    if reason and os.environ.get("CORPUS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"CORPUS_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    if reason:
        pytest.skip(reason)


@pytest.fixture(scope="session")
def seeds_instance(browser_ready, tmp_path_factory):
    """An instance folder holding the bundled seeds, ingested and indexed (about 12 s)."""
    return build_seeds_instance(tmp_path_factory.mktemp("web-seeds"))


@pytest.fixture(scope="session")
def app(seeds_instance):
    from web import create_app
    return create_app({"INSTANCE": str(seeds_instance)})


@pytest.fixture(scope="session")
def base_url(app):
    with serve(app) as url:
        yield url


@pytest.fixture(scope="session")
def engine(seeds_instance):
    """The search engine on the same instance, for the values the pages must show."""
    from corpus.db import Catalog
    from search.engine import SearchEngine

    catalog = Catalog.for_instance(seeds_instance)
    engine = SearchEngine(catalog, seeds_instance)
    yield engine
    engine.close()
    catalog.dispose()


@pytest.fixture(scope="session")
def chromium(browser_ready):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


@pytest.fixture
def problems() -> list[str]:
    """What went wrong in the page's console or network; a test may remove what it expects."""
    return []


@pytest.fixture
def page(chromium, base_url, problems):
    """A fresh page (own context) with the base URL set; fails the test on console errors,
    uncaught script errors (a CSP violation shows as one) or any request off 127.0.0.1."""
    context = chromium.new_context(base_url=base_url, viewport={"width": 1280, "height": 900},
                                   accept_downloads=True)
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and problems.append(f"console: {msg.text}"))
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("request", lambda req: req.url.startswith(base_url) or req.url.startswith("data:")
            or problems.append(f"outside request: {req.url}"))
    page.set_default_timeout(10_000)
    yield page
    context.close()
    assert not problems, problems
