"""What the browser tests and the screenshot script share: a seeds instance, the app served on
127.0.0.1 in a background thread, and Debian's Chromium driven by Playwright (no browser download).
"""
from __future__ import annotations

import importlib.util
import threading
from contextlib import contextmanager
from pathlib import Path

from werkzeug.serving import make_server

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium tries to reach Google's hosts at every start,
# which this machine's closed network refuses (and a test must make no outside request anyway).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


def browser_unavailable() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return "the playwright Python package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    return None


def build_seeds_instance(instance: Path) -> Path:
    """Ingest the bundled seeds/ into `instance` and build its index."""
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from search.indexer import Indexer
    from tests.conftest import SEEDS

    catalog = Catalog.for_instance(instance)
    try:
        ingest(catalog, [SEEDS])
        Indexer(catalog, instance).rebuild()
    finally:
        catalog.dispose()
    return instance


@contextmanager
def serve(app, host: str = "127.0.0.1", port: int = 0):
    """Serve `app` in a daemon thread; yields the base URL. Port 0 lets the OS pick a free one."""
    server = make_server(host, port, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="web-under-test", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def launch_chromium(playwright):
    """Debian's /usr/bin/chromium, headless, in a fresh profile."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True)
