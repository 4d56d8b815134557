"""The web front end: `create_app` builds the Flask app over one instance folder."""
from __future__ import annotations

import os
import queue
import secrets
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from flask import Flask, current_app

from corpus.db import Catalog, default_url
from corpus.errors import CatalogError
from search import generations
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

    def documents_in_scope(self, request):
        with self.lease() as engine:
            return engine.documents_in_scope(request)

    def document_hits(self, request, doc_id: str):
        with self.lease() as engine:
            return engine.document_hits(request, doc_id)


class Services:
    """What every request needs: the catalog and the search engines. A read-only site opens an
    SQLite catalog through a `mode=ro` URI, so not even a bug could write to it."""

    def __init__(self, instance: Path, db_url: str | None = None, engines: int = 4, read_only: bool = False):
        self.instance = Path(instance)
        if read_only:
            self.catalog = Catalog(read_only_url(db_url or default_url(self.instance)))
        else:
            self.catalog = Catalog.for_instance(self.instance, db_url)
        self.engine = EnginePool(self.catalog, self.instance, engines)


def read_only_url(url: str) -> str:
    """The SQLite URL opened read-only (`sqlite:///file:PATH?mode=ro&uri=true`); other databases
    are returned as they are (the site still refuses every write, but cannot make the database
    itself read-only: use a database user that may only read)."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or "mode=ro" in url:
        return url
    path = url[len(prefix):]
    if path.startswith("file:"):
        return url + ("&" if "?" in url else "?") + "mode=ro&uri=true"
    if not path or path == ":memory:" or "?" in path:
        raise CatalogError(f"cannot open the catalog read-only at {url}: give a plain SQLite file path")
    return f"{prefix}file:{quote(path, safe='/:')}?mode=ro&uri=true"


def env_flag(name: str) -> bool:
    return (os.environ.get(name) or "").strip().lower() in ("1", "true", "yes", "on")


def services() -> Services:
    return current_app.extensions["crisis"]


def _secret_key(instance: Path, read_only: bool = False) -> str:
    """A secret key kept in the instance folder, made on first start (never a built-in default).
    A read-only site writes nothing: without a key file it uses a random key for this process
    (its sessions only hold CSRF tokens, and every write is refused anyway)."""
    path = instance / "secret_key"
    if read_only and not path.exists():
        return secrets.token_hex(32)
    if not path.exists():
        _create_once(path, secrets.token_hex(32))
    return path.read_text().strip()


def _create_once(path: Path, content: str) -> None:
    """Write the file unless it exists, atomically: several server processes starting at once
    (gunicorn workers) must all end up with the same key, so the key is written to a private
    file and hard-linked into place; the link fails if another process got there first."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(content)
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        tmp.unlink(missing_ok=True)


def create_app(config: dict | None = None) -> Flask:
    config = dict(config or {})
    instance = Path(config.pop("INSTANCE", None) or DEFAULT_INSTANCE).resolve()
    app = Flask(__name__, instance_path=str(instance), instance_relative_config=True)
    app.config.from_mapping(
        INSTANCE=str(instance),
        DATABASE_URL=os.environ.get("CORPUS_DATABASE_URL"),
        ADMIN_TOKEN=os.environ.get("CORPUS_ADMIN_TOKEN") or None,   # set: writes need a login or the header
        READ_ONLY=env_flag("CORPUS_READ_ONLY"),                     # catalog opened mode=ro, writes 403
        MAX_CONTENT_LENGTH=64 * 1024,
        MAX_QUERY_STRING=8 * 1024,
        EXPORT_MAX_HITS=100_000,
        PAGE_SIZE=25,
        SESSION_COOKIE_SAMESITE="Lax",      # the session holds the CSRF token of the saved-query forms
    )
    app.config.from_pyfile("config.py", silent=True)
    app.config.update(config)
    read_only = bool(app.config.get("READ_ONLY"))
    if not read_only:
        instance.mkdir(parents=True, exist_ok=True)
    elif not instance.is_dir():
        raise CatalogError(f"cannot serve {instance} read-only: the folder does not exist")
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _secret_key(instance, read_only)
    app.extensions["crisis"] = Services(instance, app.config.get("DATABASE_URL"), read_only=read_only)

    from . import errors, security
    from .views import api, auth, browse, compare, documents, saved, search
    security.init_app(app)
    errors.init_app(app)
    for module in (search, documents, browse, compare, api, saved, auth):
        app.register_blueprint(module.bp)
    app.after_request(index_version_header)
    return app


INDEX_HEADER = "X-Corpus-Index"


def index_version_header(response):
    """Which index the site serves, on every response (`curl -sI URL | grep -i x-corpus-index`):
    the generation published when the response was made, e.g. `generation=42; corpus-version=17;
    documents=403`. Every worker reads the published link on each search, so after a publish
    all of them show the new generation without a restart."""
    folder = generations.current(services().instance)
    response.headers[INDEX_HEADER] = generations.stamp_text(generations.stamp(folder))
    return response
