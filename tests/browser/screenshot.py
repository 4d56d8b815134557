"""Screenshot of the results page for the README, taken with the browser test tooling.

    python -m tests.browser.screenshot                       # seeds instance built in a temp dir
    python -m tests.browser.screenshot --instance instance --query '"Soviet missile bases"'

Builds an instance from the bundled seeds/ (unless --instance names one that exists), serves the
app on 127.0.0.1, searches in headless Debian Chromium as a person would (typing into the query
box), and saves a full-page PNG, 1280 CSS pixels wide, to docs/screenshot-results.png.
"""
from __future__ import annotations

import argparse
import logging
import tempfile
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .harness import browser_unavailable, build_seeds_instance, launch_chromium, serve

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "docs" / "screenshot-results.png"
DEFAULT_QUERY = "missile"


def with_param(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    params = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != name]
    return urlunsplit(parts._replace(query=urlencode(params + [(name, value)])))


def take(base_url: str, query: str, out: Path, per: int | None) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800}, base_url=base_url)
            page.goto("/")
            page.fill("#q", query)
            with page.expect_navigation():
                page.press("#q", "Enter")
            if per:   # fewer lines than a full page keep the picture readable in the README
                page.goto(with_param(page.url, "per", str(per)))
            page.wait_for_selector("tr.hit")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--instance", type=Path, help="an existing instance (default: seeds, built in a temp dir)")
    ap.add_argument("--query", default=DEFAULT_QUERY)
    ap.add_argument("--per", type=int, default=12, help="KWIC lines on the page (default 12)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    reason = browser_unavailable()
    if reason:
        raise SystemExit(reason)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)   # no line per request

    from web import create_app
    with tempfile.TemporaryDirectory(prefix="screenshot-") as tmp:
        instance = args.instance or build_seeds_instance(Path(tmp) / "instance")
        app = create_app({"INSTANCE": str(instance)})
        with serve(app) as base_url:
            take(base_url, args.query, args.out, args.per)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
