"""A stateless web tier over one published index (issue 13): every generation carries a version
stamp that the site shows (the X-Corpus-Index header), serving never writes under the index
folders, a copied index (cp -a of `index` and `index.versions`) works where it is copied, and two
separate server processes (`corpus serve --workers 2`) over one instance both serve a generation
published by a third process, with every response a 200 throughout."""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from click.testing import CliRunner

from search import generations
from web import INDEX_HEADER, create_app
from web.cli import cli as corpus_cli

from .conftest import ROOT

SEED_ID = "wilson:300041"
# The seed record alone, then with tests/data/notes (three notes, two of them about missiles).
SEED_STAMP = "generation=1; corpus-version=1; documents=1"
NOTES_STAMP = "generation=2; corpus-version=2; documents=4"
MISSILE_BEFORE = (11, 1)                        # (hits, documents) of "missile" over the seed
MISSILE_AFTER = (16, 3)                        # ... after the notes are ingested
START_SECONDS = 90                              # for a server to answer its first request
RUN_SECONDS = 120                               # for the whole two-server run


def corpus(instance: Path, *args):
    return CliRunner().invoke(corpus_cli, ["--instance", str(instance), *map(str, args)])


def missile(client_get) -> tuple[int, int]:
    data = client_get("/api/search?q=missile&limit=0")
    return data["total_hits"], data["total_documents"]


# ---------------------------------------------------------------- the version stamp

def test_each_published_generation_carries_a_version_stamp_the_site_shows(seed_instance, notes):
    first = generations.current(seed_instance)
    assert first.name == "000001" and os.readlink(seed_instance / "index") == "index.versions/000001"
    stamp = generations.stamp(first)
    assert {k: stamp[k] for k in ("generation", "corpus_version", "documents")} == \
        {"generation": 1, "corpus_version": 1, "documents": 1}
    client = create_app({"INSTANCE": str(seed_instance), "TESTING": True}).test_client()
    response = client.get("/api/search?q=missile&limit=0")
    assert response.status_code == 200 and response.headers[INDEX_HEADER] == SEED_STAMP
    assert (response.get_json()["total_hits"], response.get_json()["total_documents"]) == MISSILE_BEFORE

    result = corpus(seed_instance, "ingest", notes)
    assert result.exit_code == 0, result.output
    second = generations.current(seed_instance)
    assert second.name == "000002"
    manifest = generations.read_manifest(second)
    assert (manifest["generation"], manifest["corpus_version"], manifest["documents"]) == (2, 2, 4)
    assert manifest["published_at"] >= generations.read_manifest(first)["published_at"]
    response = client.get("/search?q=missile")                  # the same app, no restart
    assert response.status_code == 200 and response.headers[INDEX_HEADER] == NOTES_STAMP
    assert missile(lambda p: client.get(p).get_json()) == MISSILE_AFTER


def test_a_published_token_store_is_read_without_writing_beside_it(seed_instance):
    from search.tokenstore import TokenStore
    folder = generations.current(seed_instance)
    store = TokenStore(folder)
    assert generations.read_only_uri_mode(store.path) == "mode=ro&immutable=1"
    before = index_files(seed_instance)
    assert store.ids_of(["blockade", "zeppelinium"]).keys() == {"blockade"}
    assert store.count(None, 2).tokens > 0
    assert index_files(seed_instance) == before
    assert generations.read_only_uri_mode(seed_instance / "index.versions" / "000002.building" / "x") == "mode=ro"
    assert generations.read_only_uri_mode(seed_instance / "index" / "crisis-tokens.sqlite") == "mode=ro"


def test_the_writer_lock_probe_opens_nothing_for_writing_and_still_sees_a_writer(seed_instance, monkeypatch):
    """Searches ask whether an ingest is running (to wait for its index): on a read-only copy
    of the index that must not need write access, nor make a lock file where none is."""
    opened = []
    real_open = os.open

    def recording_open(path, flags, *args):
        opened.append((Path(path).name, flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", recording_open)
    assert generations.lock_held_elsewhere(seed_instance) is False
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom search.generations import writer_lock\n"
                               f"with writer_lock({str(seed_instance)!r}):\n print('held', flush=True)\n"
                               " sys.stdin.readline()"], cwd=ROOT, env=child_env(), stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        assert generations.lock_held_elsewhere(seed_instance) is True
    finally:
        holder.communicate("done\n", timeout=30)
    assert generations.lock_held_elsewhere(seed_instance) is False
    assert opened == [(generations.LOCK_FILE, 0)] * 3
    (seed_instance / generations.LOCK_FILE).unlink()             # a copied index has no lock file
    assert generations.lock_held_elsewhere(seed_instance) is False
    assert not (seed_instance / generations.LOCK_FILE).exists()


def test_serve_names_its_production_server_and_refuses_debug_with_it(seed_instance):
    result = corpus(seed_instance, "serve", "--workers", "2", "--debug")
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == \
        "Error: --debug runs the development server: leave out --workers and --gunicorn"
    result = corpus(seed_instance, "serve", "--help")
    assert result.exit_code == 0
    assert "corpus serve --workers 4          # gunicorn: 4 processes × 4 threads on 127.0.0.1:5000" in result.output
    assert "--worker-class gthread --timeout 120 'web:create_app()'" in result.output


# ---------------------------------------------------------------- serving writes nothing

def index_files(instance: Path) -> dict:
    """Every name under the index folders with its size and mtime (the tests run as root, so
    permissions prove nothing), the link's target and the writer lock file."""
    found = {"index ->": os.readlink(instance / "index")}
    for root, dirs, files in os.walk(instance / generations.VERSIONS_DIR):
        for name in dirs + files:
            path = Path(root) / name
            stat = path.lstat()
            found[str(path.relative_to(instance))] = (stat.st_size, stat.st_mtime_ns)
    lock = instance / generations.LOCK_FILE
    found["index.lock"] = (lock.stat().st_size, lock.stat().st_mtime_ns) if lock.exists() else None
    return found


# Every kind of request: searches (sorted by context, prefixes, phrases: the position arrays),
# the comparison pages and their CSV (frequency lists and collocates: the token store), documents,
# exports, the API, saved queries and history.
REQUESTS = [
    "/", "/search?q=missile", "/search?q=missile&sort=L1", "/search?q=missile&sort=R1&page=1",
    "/search?q=missil%2A", "/search?q=%22missile+sites%22", "/search?q=missile&variants=1",
    "/search?q=missile&from=1962-10-01&to=1962-11-30&source=testing", "/export.csv?q=missile",
    f"/doc/{quote(SEED_ID)}?q=missile", "/doc/testing:note-a?q=missile", "/browse", "/compare",
    "/timeline?q=missile&q2=quarantine&by=month", "/distribution?q=missile&by=source",
    "/side-by-side?q=missile&q2=quarantine", "/keywords?a=source:testing&b=source:wilson",
    "/collocates?q=missile", "/frequencies?filter=year:1962&n=1", "/frequencies?filter=year:1962&n=2",
    "/timeline.csv?q=missile&by=month", "/distribution.csv?q=missile&by=source",
    "/side-by-side.csv?q=missile&q2=quarantine", "/keywords.csv?a=source:testing&b=source:wilson",
    "/collocates.csv?q=missile", "/frequencies.csv?filter=year:1962", "/api/", "/api/search?q=missile",
    f"/api/doc/{quote(SEED_ID)}?text=1", "/api/stats", "/api/distribution?q=missile&by=year",
    "/api/compare?q=missile&q=quarantine&by=source", "/api/keywords?a=source:testing&b=source:wilson",
    "/api/collocates?q=missile", "/api/frequencies?filter=year:1962", "/saved", "/api/saved",
    "/save?q=missile", "/history", "/login", "/saved/watch", "/api/saved/watch", "/saved/watch/delete",
]


def csrf_of(client) -> str:
    page = client.get("/save?q=missile").get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_serving_every_kind_of_request_changes_nothing_under_the_index(seed_instance, notes):
    assert corpus(seed_instance, "ingest", notes).exit_code == 0
    before = index_files(seed_instance)
    client = create_app({"INSTANCE": str(seed_instance), "TESTING": True}).test_client()
    token = csrf_of(client)
    saved = client.post("/saved", data={"name": "watch", "q": "missile", "csrf_token": token})
    assert saved.status_code in (302, 303), saved.get_data(as_text=True)[:300]
    statuses = {}
    for _round in range(3):
        for path in REQUESTS:
            response = client.get(path)
            statuses[path] = response.status_code
            assert response.headers[INDEX_HEADER] == NOTES_STAMP, path
        ran = client.post("/saved/watch/run", data={"csrf_token": token})
        assert ran.status_code in (302, 303)
    assert {p: s for p, s in statuses.items() if s != 200} == {}
    frequencies = client.get("/api/frequencies?filter=year:1962").get_json()
    assert "missile" in json.dumps(frequencies)                  # the token store was read
    assert index_files(seed_instance) == before


def copy_index(src: Path, dst: Path) -> None:
    """What the README's deployment notes do to bring a new generation to a web host: copy the
    generation folders first (cp -a, as rsync -a would), then move the link in one rename."""
    dst.mkdir(exist_ok=True)
    (dst / "index.versions").mkdir(exist_ok=True)
    subprocess.run(["cp", "-a", f"{src / 'index.versions'}/.", str(dst / "index.versions")], check=True)
    os.symlink(os.readlink(src / "index"), dst / "index.new")
    subprocess.run(["mv", "-T", str(dst / "index.new"), str(dst / "index")], check=True)


def test_a_copied_index_is_served_and_its_next_version_picked_up_writing_nothing(seed_instance, notes, tmp_path):
    """A web host with its own copy of the index and the indexer's catalog (standing in for the
    shared PostgreSQL database): read-only, it serves the copy; the indexer publishes a new
    generation, which is copied over; the same app serves it, and nothing in the copy changed."""
    web_host = tmp_path / "web-host"
    copy_index(seed_instance, web_host)
    assert os.readlink(web_host / "index") == "index.versions/000001"
    app = create_app({"INSTANCE": str(web_host), "DATABASE_URL": f"sqlite:///{seed_instance / 'catalog.sqlite'}",
                      "TESTING": True, "READ_ONLY": True})
    client = app.test_client()
    assert missile(lambda p: client.get(p).get_json()) == MISSILE_BEFORE
    assert client.get("/api/stats").headers[INDEX_HEADER] == SEED_STAMP

    assert corpus(seed_instance, "ingest", notes).exit_code == 0          # the indexer
    copy_index(seed_instance, web_host)
    before = index_files(web_host)
    assert before["index ->"] == "index.versions/000002" and before["index.lock"] is None
    for path in [p for p in REQUESTS if "watch" not in p]:               # no saved query in this catalog
        response = client.get(path)
        assert response.status_code == 200 and response.headers[INDEX_HEADER] == NOTES_STAMP, path
    assert missile(lambda p: client.get(p).get_json()) == MISSILE_AFTER
    assert index_files(web_host) == before
    assert sorted(p.name for p in web_host.iterdir()) == ["index", "index.versions"]    # no lock, no key


# ---------------------------------------------------------------- two servers, one index

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def child_env(database_url: str | None = None) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    for name in ("CORPUS_DATABASE_URL", "CORPUS_INSTANCE", "CORPUS_READ_ONLY", "CORPUS_ADMIN_TOKEN"):
        env.pop(name, None)
    if database_url:
        env["CORPUS_DATABASE_URL"] = database_url
    return env


def get(port: int, path: str, timeout: float = 60) -> tuple[int, dict, bytes]:
    """One request on a new connection (so that the server's workers take turns)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        conn.close()


class Served:
    """`corpus serve --workers 2` over the instance, in its own process group."""

    def __init__(self, instance: Path, log: Path, database_url: str | None):
        self.port = free_port()
        self.log = log
        with log.open("w") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", "from web.cli import main; main()", "--instance", str(instance), "serve",
                 "--workers", "2", "--threads", "2", "--port", str(self.port)],
                cwd=ROOT, env=child_env(database_url), stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log.read_text()
            try:
                if get(self.port, "/api/stats", timeout=5)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        pytest.fail(f"the server did not answer in {START_SECONDS} s: {self.log.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)          # the group this test started, by id
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


LOOP = ["/api/search?q=missile&limit=0", "/search?q=missile&sort=L1", "/frequencies?filter=year:1962",
        f"/doc/{quote(SEED_ID)}?q=missile", "/collocates?q=missile", "/api/search?q=missile&limit=0",
        "/export.csv?q=missile", "/api/stats"]


def client_loop(port: int, stop: threading.Event, seen: list) -> None:
    """Requests back to back until `stop`; each as (path, status, index header, missile totals)."""
    turn = 0
    while not stop.is_set():
        path = LOOP[turn % len(LOOP)]
        turn += 1
        try:
            status, headers, body = get(port, path)
        except (OSError, http.client.HTTPException) as exc:
            seen.append((path, f"{type(exc).__name__}: {exc}", None, None))
            continue
        totals = None
        if path.startswith("/api/search") and status == 200:
            data = json.loads(body)
            totals = (data["total_hits"], data["total_documents"])
        seen.append((path, status, headers.get(INDEX_HEADER), totals))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def catalog_url(request) -> str | None:
    """None: the catalog in the instance folder (SQLite); else a fresh PostgreSQL database, the
    catalog of a deployment with several web hosts."""
    return None if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture
def served_instance(tmp_path, catalog_url) -> Path:
    """The seed record, ingested and indexed (generation 1, corpus version 1), its catalog at catalog_url."""
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from search.indexer import Indexer
    from .conftest import SEED_FILE
    path = tmp_path / "instance"
    catalog = Catalog.for_instance(path, catalog_url)
    ingest(catalog, [SEED_FILE])
    Indexer(catalog, path).rebuild()
    catalog.dispose()
    return path


def test_two_servers_serve_a_newly_published_index_without_a_failed_request(served_instance, catalog_url, notes,
                                                                            tmp_path):
    """Two `corpus serve --workers 2` processes over one instance (and, in the PostgreSQL run,
    one catalog database, as on several web hosts); a third process ingests the notes."""
    seed_instance = served_instance
    servers = [Served(seed_instance, tmp_path / f"server-{n}.log", catalog_url) for n in (1, 2)]
    stop = threading.Event()
    seen = {server.port: [] for server in servers}
    loops = [threading.Thread(target=client_loop, args=(s.port, stop, seen[s.port]), daemon=True) for s in servers]
    try:
        for server in servers:
            server.wait_ready()
        for loop in loops:
            loop.start()
        deadline = time.monotonic() + RUN_SECONDS
        while min(sum(1 for r in rows if r[3]) for rows in seen.values()) < 2:        # old totals on both
            assert time.monotonic() < deadline
            time.sleep(0.1)
        ingest = subprocess.run([sys.executable, "-c", "from web.cli import main; main()", "--instance",
                                 str(seed_instance), "ingest", str(notes)], cwd=ROOT, env=child_env(catalog_url),
                                capture_output=True, text=True, timeout=RUN_SECONDS)
        assert ingest.returncode == 0, ingest.stdout + ingest.stderr
        published = time.monotonic()
        while not all(sum(1 for r in rows if r[3] == MISSILE_AFTER) >= 2 for rows in seen.values()):
            assert time.monotonic() < deadline, {port: rows[-3:] for port, rows in seen.items()}
            time.sleep(0.1)
        caught_up = time.monotonic() - published
    finally:
        stop.set()
        for loop in loops:
            loop.join(timeout=RUN_SECONDS)
        for server in servers:
            server.stop()
    print(f"requests per server: {[len(rows) for rows in seen.values()]}; both served the new index "
          f"{caught_up:.2f} s after `corpus ingest` exited (0: already before)")
    for port, rows in seen.items():
        assert [r for r in rows if r[1] != 200] == [], port
        totals = [r[3] for r in rows if r[3]]
        switch = totals.index(MISSILE_AFTER)
        assert switch >= 2 and set(totals[:switch]) == {MISSILE_BEFORE} and set(totals[switch:]) == {MISSILE_AFTER}
        stamps = [r[2] for r in rows]
        assert stamps[0] == SEED_STAMP and stamps[-1] == NOTES_STAMP and set(stamps) == {SEED_STAMP, NOTES_STAMP}
        assert stamps == sorted(stamps, key=(SEED_STAMP, NOTES_STAMP).index)    # never back to the old one
