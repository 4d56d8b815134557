"""The web front end: `create_app` builds the Flask app over one instance folder."""
from __future__ import annotations

import os
import queue
import secrets
import threading
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app

from corpus.db import Catalog
from search.engine import SearchEngine

DEFAULT_INSTANCE = Path(os.environ.get("CORPUS_INSTANCE", "instance"))


class EnginePool:
    """Search engines shared by the request threads. An engine (open searcher, loaded columns)
    serves one request at a time, since refreshing a Whoosh searcher closes the old one under any
    thread still using it; the threaded server starts a thread per request, so engines are kept
    here rather than per thread, and made only when all are busy (up to `size`)."""

    def __init__(self, catalog: Catalog, instance: Path, size: int = 4):
        self.catalog, self.instance, self.size = catalog, instance, size
        self._idle: queue.LifoQueue[SearchEngine] = queue.LifoQueue()
        self._made = 0
        self._lock = threading.Lock()

    @contextmanager
    def lease(self):
        engine = self._take()
        try:
            yield engine
        finally:
            self._idle.put(engine)

    def _take(self) -> SearchEngine:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._made < self.size:
                self._made += 1
                return SearchEngine(self.catalog, self.instance)
        return self._idle.get()

    def search(self, request):
        with self.lease() as engine:
            return engine.search(request)

    def count(self, request):
        with self.lease() as engine:
            return engine.count(request)

    def document_hits(self, request, doc_id: str):
        with self.lease() as engine:
            return engine.document_hits(request, doc_id)


class Services:
    """What every request needs: the catalog and the search engines."""

    def __init__(self, instance: Path, db_url: str | None = None, engines: int = 4):
        self.instance = Path(instance)
        self.catalog = Catalog.for_instance(self.instance, db_url)
        self.engine = EnginePool(self.catalog, self.instance, engines)


def services() -> Services:
    return current_app.extensions["crisis"]


def _secret_key(instance: Path) -> str:
    """A secret key kept in the instance folder, made on first start (never a built-in default)."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(config: dict | None = None) -> Flask:
    config = dict(config or {})
    instance = Path(config.pop("INSTANCE", None) or DEFAULT_INSTANCE).resolve()
    instance.mkdir(parents=True, exist_ok=True)
    app = Flask(__name__, instance_path=str(instance), instance_relative_config=True)
    app.config.from_mapping(
        INSTANCE=str(instance),
        DATABASE_URL=os.environ.get("CORPUS_DATABASE_URL"),
        MAX_CONTENT_LENGTH=64 * 1024,
        MAX_QUERY_STRING=8 * 1024,
        EXPORT_MAX_HITS=100_000,
        PAGE_SIZE=25,
        SESSION_COOKIE_SAMESITE="Lax",      # the session holds the CSRF token of the saved-query forms
    )
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(config)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance)
    app.extensions["crisis"] = Services(instance, app.config.get("DATABASE_URL"))

    from . import errors, security
    from .views import api, browse, compare, documents, saved, search
    security.init_app(app)
    errors.init_app(app)
    for module in (search, documents, browse, compare, api, saved):
        app.register_blueprint(module.bp)
    return app
