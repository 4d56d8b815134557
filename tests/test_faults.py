"""Ingest and index under faults (issue 12): kill -9 at random points, failing disk writes,
searches during an ingest or a reindex, two ingests at once, damaged index files.

The kill tests run the real CLI in a subprocess over a copy of tests/data and kill its process
group (the ingest and its reading processes) at seeded random moments; the seed is printed.
tests/test_faults_slow.py runs the same check at 50+ points over a larger corpus.
"""
from __future__ import annotations

import errno
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import DATA, ROOT, SEED_FILE

BUSY = ("Error: the index is busy: another `corpus ingest` or `corpus reindex` is writing it; "
        "try again when it has finished")
QUERIES = ("missile", '"soviet union"', "khrush*", "blockade OR quarantine", "president NOT cuba")
# Small batches, so that a kill lands between many index publications.
SMALL_BATCHES = "import corpus.ingest as ingest; ingest.BATCH_MIN_WORDS = 3000; ingest.BATCH_GROWTH = 0.0"


# ---------------------------------------------------------------- helpers

def cli(instance: Path, *args) -> "click.testing.Result":
    from web.cli import cli as corpus_cli
    return CliRunner().invoke(corpus_cli, ["--instance", str(instance), *map(str, args)])


def start_cli(instance: Path, *args, setup: str = SMALL_BATCHES) -> subprocess.Popen:
    """`corpus --instance INSTANCE ARGS` in its own process group, running this checkout's code."""
    code = f"{setup}\nfrom web.cli import main\nmain()"
    return subprocess.Popen([sys.executable, "-c", code, "--instance", str(instance), *map(str, args)],
                            cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def kill_group(proc: subprocess.Popen) -> None:
    """kill -9 the process and the reading processes it started."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate(timeout=60)


def run_killed(instance: Path, corpus: Path, delay: float, setup: str = SMALL_BATCHES) -> bool:
    """Start an ingest and kill it after `delay` seconds; True if it was killed, False if it
    had already finished."""
    proc = start_cli(instance, "ingest", corpus, "--json", setup=setup)
    try:
        proc.wait(timeout=delay)
        proc.communicate(timeout=60)
        return False
    except subprocess.TimeoutExpired:
        kill_group(proc)
        return True


def integrity(instance: Path) -> str:
    with sqlite3.connect(instance / "catalog.sqlite") as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


def catalog_rows(instance: Path) -> dict:
    """Everything about the stored documents that a clean ingest decides, by document id."""
    path = instance / "catalog.sqlite"
    if not path.exists():
        return {"documents": {}, "version": 0, "counts": {}}
    conn = sqlite3.connect(path)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "document" not in tables:
            return {"documents": {}, "version": 0, "counts": {}}
        documents = {row[0]: row[1:] for row in conn.execute(
            "SELECT d.id, d.content_hash, json_extract(d.extra, '$.record_hash'), d.seq, d.added_version, "
            "d.updated_version, d.token_count, "
            "(SELECT count(*) FROM passage p WHERE p.document_id = d.id), "
            "(SELECT group_concat(p.id || ':' || p.start || ':' || coalesce(p.speaker_id, 0)) FROM passage p "
            " WHERE p.document_id = d.id), "
            "(SELECT count(*) FROM participant q WHERE q.document_id = d.id) FROM document d")}
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("document", "passage", "participant", "person", "person_alias", "source")}
        version = (conn.execute("SELECT version FROM corpus_state WHERE id = 1").fetchone() or [0])[0]
    finally:
        conn.close()
    return {"documents": documents, "version": version, "counts": counts}


def search_results(instance: Path) -> dict:
    """Totals and the first page (date order) of a few queries, as the engine answers them."""
    from corpus.db import Catalog
    from search.engine import SearchEngine, SearchRequest
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    try:
        out = {}
        for query in QUERIES:
            result = engine.search(SearchRequest(query=query, limit=15))
            out[query] = (result.total_hits, result.total_documents,
                          [(h.doc_id, h.passage_id, h.left, h.match, h.right) for h in result.hits])
        return out
    finally:
        engine.close()
        catalog.dispose()


def drift(instance: Path) -> dict:
    result = cli(instance, "check", "--json")
    return json.loads(result.output)


def snapshot(instance: Path) -> dict:
    return {"catalog": catalog_rows(instance), "search": search_results(instance)}


def assert_consistent_prefix(instance: Path, clean: dict) -> None:
    """After a kill: the catalog is sound, holds whole documents only (each as the clean run
    stored it), the index is searchable and holds no more than the catalog; `check --repair`
    brings them in step."""
    rows = catalog_rows(instance)
    if not rows["documents"]:
        return
    assert integrity(instance) == "ok"
    for doc_id, row in rows["documents"].items():
        assert row == clean["catalog"]["documents"][doc_id], doc_id      # whole: same passages, participants
    found = drift(instance)
    assert not (found["damaged"] or found["damaged_files"] or found["no_index"] or found["no_token_store"]
                or found["stale_positions"] or found["extra"]), found
    assert set(found["missing"]) | set(found["stale"]) <= set(rows["documents"])
    for query, (hits, documents, _page) in search_results(instance).items():
        assert hits <= clean["search"][query][0] and documents <= clean["search"][query][1], query
    repaired = json.loads(cli(instance, "check", "--repair", "--json").output)
    assert repaired["ok_after"] is True, repaired


def kill_and_converge(instance: Path, corpus: Path, clean: dict, delay: float) -> bool:
    killed = run_killed(instance, corpus, delay)
    assert_consistent_prefix(instance, clean)
    again = cli(instance, "ingest", corpus, "--json")
    assert again.exit_code == 1, again.output        # tests/data holds four files no reader takes
    assert snapshot(instance) == clean
    assert drift(instance)["ok"] is True
    return killed


@pytest.fixture(scope="module")
def corpus_copy(tmp_path_factory) -> Path:
    """tests/data copied (absolute paths are part of what the catalog stores)."""
    folder = tmp_path_factory.mktemp("faults-corpus") / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory, corpus_copy) -> tuple[dict, float]:
    """The result of one uninterrupted ingest through the CLI, and how long it took."""
    instance = tmp_path_factory.mktemp("faults-clean") / "instance"
    started = time.monotonic()
    proc = start_cli(instance, "ingest", corpus_copy, "--json")
    out, err = proc.communicate(timeout=300)
    seconds = time.monotonic() - started
    assert proc.returncode == 1, err
    expected = documents_stored_in_process(tmp_path_factory.mktemp("faults-count") / "instance", corpus_copy)
    assert expected > 100          # tests/data grows with every reader's samples
    assert json.loads(out)["added"] == expected
    clean = snapshot(instance)
    assert len(clean["catalog"]["documents"]) == expected
    return clean, seconds


def documents_stored_in_process(instance: Path, folder: Path) -> int:
    """How many documents an ingest of `folder` stores, counted by ingesting it in this process
    (no CLI, no index): what every CLI run below must end with."""
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from corpus.models import Document
    from sqlalchemy import func, select
    catalog = Catalog.for_instance(instance)
    try:
        ingest(catalog, [folder])
        with catalog.session() as s:
            return s.scalar(select(func.count(Document.id)))
    finally:
        catalog.dispose()


# ---------------------------------------------------------------- kill -9

def test_a_killed_ingest_leaves_a_searchable_consistent_prefix_and_a_rerun_converges(tmp_path, corpus_copy,
                                                                                     clean_run):
    clean, seconds = clean_run
    seed = int(os.environ.get("CORPUS_FAULT_SEED", random.randrange(10 ** 6)))
    print(f"kill seed {seed} (CORPUS_FAULT_SEED={seed} repeats it); a clean ingest takes {seconds:.1f} s")
    rng = random.Random(seed)
    # Early (during start-up or the first batch), somewhere in the middle, and late.
    for n, delay in enumerate([rng.uniform(0.8, 1.5), rng.uniform(0.3, 0.7) * seconds,
                               rng.uniform(0.7, 0.95) * seconds]):
        print(f"kill {n}: after {delay:.2f} s")
        kill_and_converge(tmp_path / f"instance{n}", corpus_copy, clean, delay)


def test_reading_processes_die_with_a_killed_ingest_and_free_the_writer_lock(tmp_path, corpus_copy, clean_run):
    """kill -9 of the ingest process alone (as the OOM killer does): its reading processes,
    which hold a copy of its writer lock, die with it, so the next ingest is not refused."""
    clean, _seconds = clean_run
    instance = tmp_path / "instance"
    proc = start_cli(instance, "ingest", corpus_copy, "--json")
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    deadline = time.monotonic() + 60
    while not (children.exists() and children.read_text().split()) and time.monotonic() < deadline:
        time.sleep(0.02)
    readers = [int(pid) for pid in children.read_text().split()]
    assert len(readers) >= 1
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=60)
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() and "Z" not in _state(pid) for pid in readers) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in readers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)] == []
    again = cli(instance, "ingest", corpus_copy, "--json")
    assert again.exit_code == 1 and json.loads(again.output)["added"] + json.loads(again.output)["unchanged"] == len(clean["catalog"]["documents"])
    assert snapshot(instance) == clean


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"


def test_a_first_ingest_is_searchable_from_its_first_batch(tmp_path, corpus_copy):
    """Each batch is published as soon as it is stored: with the index updates held back after
    the first one (a kill there), the first file's documents are already searchable."""
    instance = tmp_path / "instance"
    setup = SMALL_BATCHES + ("\nimport os, time\nfrom search.indexer import Indexer\n_update = Indexer.update\n"
                             "def slow(self, *a, **k):\n    n = _update(self, *a, **k)\n"
                             "    open(os.environ['PUBLISHED'], 'a').write('x')\n    time.sleep(600)\n    return n\n"
                             "Indexer.update = slow")
    flag = tmp_path / "published"
    code = f"{setup}\nfrom web.cli import main\nmain()"
    proc = subprocess.Popen([sys.executable, "-c", code, "--instance", str(instance), "ingest", str(corpus_copy)],
                            cwd=ROOT, start_new_session=True, env={**os.environ, "PUBLISHED": str(flag)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        kill_group(proc)
    assert flag.exists()
    stored = catalog_rows(instance)["documents"]
    assert len(stored) >= 1
    found = drift(instance)
    assert (found["catalog_documents"], found["index_documents"], found["ok"]) == (len(stored), len(stored), True)
    result = cli(instance, "search", "the", "--json")
    assert result.exit_code == 0 and json.loads(result.output)["total_documents"] == len(stored)


# ---------------------------------------------------------------- failing disk writes

class FailingConnection(sqlite3.Connection):
    """An SQLite connection whose writes of documents fail as a full or broken disk makes them
    fail: at the INSERT, or at the COMMIT of a transaction that wrote one."""
    fail_on: str = ""            # "insert" or "commit"
    error = "database or disk is full"
    wrote_document = False

    def cursor(self, *args, **kwargs):
        return super().cursor(FailingCursor)

    def commit(self):
        if FailingConnection.fail_on == "commit" and self.wrote_document:
            self.rollback()
            raise sqlite3.OperationalError(FailingConnection.error)
        return super().commit()

    def rollback(self):
        self.wrote_document = False
        return super().rollback()


class FailingCursor(sqlite3.Cursor):
    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith("INSERT INTO DOCUMENT"):
            if FailingConnection.fail_on == "insert":
                raise sqlite3.OperationalError(FailingConnection.error)
            self.connection.wrote_document = True
        return super().execute(sql, *args)


@pytest.fixture
def base(tmp_path) -> Path:
    """An instance holding the seed record, ingested and indexed through the CLI."""
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", SEED_FILE).exit_code == 0
    return instance


def published_state(instance: Path) -> tuple:
    return (os.readlink(instance / "index"), catalog_rows(instance), search_results(instance))


@pytest.mark.parametrize("step, error", [("insert", "database or disk is full"), ("commit", "disk I/O error")])
def test_a_failing_catalog_write_keeps_the_previous_state_and_exits_one(base, tmp_path, monkeypatch, step, error):
    import sqlalchemy

    import corpus.db
    before = published_state(base)
    real_create_engine = sqlalchemy.create_engine
    monkeypatch.setattr(corpus.db, "create_engine",
                        lambda url: real_create_engine(url, connect_args={"factory": FailingConnection}))
    monkeypatch.setattr(FailingConnection, "fail_on", step)
    monkeypatch.setattr(FailingConnection, "error", error)
    result = cli(base, "ingest", DATA / "notes")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        f"Error: cannot write the catalog ({error}); the ingest stopped: the files stored before the failure "
        "are kept, each whole; run the ingest again once the problem is fixed")
    monkeypatch.setattr(FailingConnection, "fail_on", "")
    assert published_state(base) == before and integrity(base) == "ok" and drift(base)["ok"] is True
    assert cli(base, "ingest", DATA / "notes").exit_code == 0
    assert len(catalog_rows(base)["documents"]) == 4 and drift(base)["ok"] is True


def _fail_whoosh(monkeypatch):
    from whoosh.filedb.structfile import StructFile

    def write(self, *args):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(StructFile, "write", write)


def _fail_token_store(monkeypatch):
    from search.tokenstore import StoreWriter
    real = StoreWriter.commit

    def commit(self):
        self.conn.execute("ROLLBACK")
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(StoreWriter, "commit", commit)
    return real


def _fail_positions(monkeypatch):
    import search.positions

    def save(*_args, **_kwargs):
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(search.positions.np, "save", save)


def _fail_publish(monkeypatch):
    real = Path.rename

    def rename(self, target):
        if str(self).endswith(".building"):
            raise OSError(errno.EIO, "Input/output error")
        return real(self, target)
    monkeypatch.setattr(Path, "rename", rename)


@pytest.mark.parametrize("where, reason", [(_fail_whoosh, "No space left on device"),
                                           (_fail_token_store, "database or disk is full"),
                                           (_fail_positions, "Input/output error"),
                                           (_fail_publish, "Input/output error")],
                         ids=["whoosh-segment", "token-store", "position-arrays", "publish"])
def test_a_failing_index_write_leaves_the_published_index_and_exits_one(base, monkeypatch, where, reason):
    link, _rows, results = published_state(base)
    with monkeypatch.context() as patched:
        where(patched)
        result = cli(base, "ingest", DATA / "notes")
        assert result.exit_code == 1
        last = result.output.splitlines()[-1]
        assert last.startswith(f"Error: cannot write the index in {(base / 'index.versions').resolve()}/")
        assert last.endswith(f".building ({reason}); the published index is unchanged: free some space, then "
                             "run `corpus check --repair`")
    # The catalog stored the batch (the three notes), the index is the one published before.
    assert (os.readlink(base / "index"), search_results(base)) == (link, results)
    assert not list((base / "index.versions").glob("*.building"))
    assert integrity(base) == "ok"
    found = drift(base)
    assert (found["catalog_documents"], found["index_documents"], len(found["missing"])) == (4, 1, 3)
    assert json.loads(cli(base, "check", "--repair", "--json").output)["ok_after"] is True
    assert cli(base, "ingest", DATA / "notes").exit_code == 0
    assert len(catalog_rows(base)["documents"]) == 4 and drift(base)["ok"] is True


def test_a_failing_reindex_leaves_the_published_index_and_exits_one(base, monkeypatch):
    link, rows, results = published_state(base)
    with monkeypatch.context() as patched:
        _fail_whoosh(patched)
        result = cli(base, "reindex")
    assert result.exit_code == 1
    assert result.output.splitlines()[-1].endswith(".building (No space left on device); the published index "
                                                   "is unchanged: free some space, then run `corpus check --repair`")
    assert published_state(base) == (link, rows, results) and drift(base)["ok"] is True


# ---------------------------------------------------------------- searches while the index changes

def hammer(instance: Path, stop: threading.Event, seen: list, errors: list, pages: bool = False) -> None:
    """Search as a web worker does (one engine kept open) until `stop`; record every total (and
    with `pages` the KWIC lines of the first page)."""
    from corpus.db import Catalog
    from search.engine import SearchEngine, SearchRequest
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    try:
        while not stop.is_set():
            try:
                result = engine.search(SearchRequest(query="missile", limit=5 if not pages else 15))
                seen.append((result.total_hits, result.total_documents) + (
                    ([(h.doc_id, h.passage_id, h.left, h.match, h.right) for h in result.hits],) if pages else ()))
            except Exception as exc:         # any error at all fails the test
                errors.append(repr(exc))
    finally:
        engine.close()
        catalog.dispose()


def searched_during(instance: Path, *args) -> list:
    stop, seen, errors = threading.Event(), [], []
    threads = [threading.Thread(target=hammer, args=(instance, stop, seen, errors)) for _ in range(2)]
    for thread in threads:
        thread.start()
    while len(seen) < 4 and not errors:
        time.sleep(0.01)
    before = len(seen)
    proc = start_cli(instance, *args, setup="")
    out, err = proc.communicate(timeout=300)
    during = len(seen) - before
    time.sleep(0.3)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == [] and proc.returncode in (0, 1), (errors, err)
    assert during > 10          # searches ran all the while
    return seen


def test_searches_during_an_ingest_and_a_reindex_see_the_old_or_the_new_corpus(tmp_path):
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", DATA / "notes").exit_code == 0
    old = search_results(instance)["missile"][:2]
    seen = searched_during(instance, "ingest", DATA / "generic")
    new = search_results(instance)["missile"][:2]
    assert old != new and set(seen) <= {old, new} and seen[-1] == new, (old, new, set(seen))
    assert len(set(os.listdir(instance / "index.versions"))) >= 2
    seen = searched_during(instance, "reindex")
    assert set(seen) == {new} and search_results(instance)["missile"][:2] == new


# An ingest that takes its time between storing a batch in the catalog and publishing its index.
SLOW_PUBLISH = ("import time, search.generations as g\n_publish = g.publish\n"
                "def publish(*args, **kwargs):\n    time.sleep(1.5)\n    return _publish(*args, **kwargs)\n"
                "g.publish = publish")


def test_searches_while_an_ingest_changes_a_document_see_its_old_or_its_new_text(tmp_path):
    notes = tmp_path / "notes"
    shutil.copytree(DATA / "notes", notes)
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", notes).exit_code == 0
    old = search_results(instance)["missile"]
    a = notes / "a.md"
    a.write_text(a.read_text().replace("No missiles were moved; the missile count stays at three.",
                                       "Two more missile trailers and a missile crate arrived."))
    stop, seen, errors = threading.Event(), [], []
    threads = [threading.Thread(target=hammer, args=(instance, stop, seen, errors, True)) for _ in range(2)]
    for thread in threads:
        thread.start()
    proc = start_cli(instance, "ingest", notes, setup=SLOW_PUBLISH)
    out, err = proc.communicate(timeout=300)
    time.sleep(0.3)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    new = search_results(instance)["missile"]
    assert proc.returncode == 0, err
    assert errors == [] and len(seen) > 10, errors
    assert old[:2] == (5, 2) and new[:2] == (6, 2)
    assert all(page in (old, new) for page in seen) and seen[-1] == new, [p for p in seen if p not in (old, new)]


def test_a_search_on_an_index_behind_the_catalog_with_no_ingest_running_says_so(tmp_path):
    from corpus.db import Catalog
    from search.engine import SearchEngine, SearchRequest
    from search.errors import IndexBehind
    notes = tmp_path / "notes"
    shutil.copytree(DATA / "notes", notes)
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", notes).exit_code == 0
    (notes / "a.md").write_text((notes / "a.md").read_text().replace("ready", "not ready"))
    # the catalog takes the change, the index is not brought up to date (as after a kill -9)
    proc = start_cli(instance, "ingest", notes, setup=("import corpus.ingest as ingest\n"
                                                      "ingest.Ingester._flush = lambda self: None"))
    assert proc.wait(timeout=120) == 0, proc.communicate()
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    try:
        with pytest.raises(IndexBehind) as caught:
            engine.search(SearchRequest(query="missile", limit=5))
    finally:
        engine.close()
        catalog.dispose()
    assert str(caught.value) == ("the index is out of step with the catalog; run `corpus check --repair` "
                                 "and search again")
    assert cli(instance, "check", "--repair").exit_code == 0
    total, documents, page = search_results(instance)["missile"]
    assert (total, documents) == (5, 2)
    assert page[0][2:] == ("The", "missile", "sites near San Cristobal are not ready. A"), page


def test_a_statistic_reads_one_index_generation_while_the_next_is_published(tmp_path, monkeypatch):
    from corpus.db import Catalog
    from search.engine import SearchEngine, SearchRequest
    from search.stats import distribution
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", DATA / "notes").exit_code == 0
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    request = SearchRequest(query="missile")
    try:
        before = distribution(engine, request, "year")
        match, published = SearchEngine.match, []

        def match_then_publish(self, *args, **kwargs):
            matched = match(self, *args, **kwargs)
            if not published:       # another generation goes live between the match and the counts
                published.append(cli(instance, "ingest", DATA / "generic").exit_code)
            return matched
        monkeypatch.setattr(SearchEngine, "match", match_then_publish)
        during = distribution(engine, request, "year")
        monkeypatch.undo()
        after = distribution(engine, request, "year")
    finally:
        engine.close()
        catalog.dispose()
    assert published == [0]
    assert during == before and (before.total_hits, before.total_tokens) == (5, 49)
    assert after.total_hits > before.total_hits and after.total_tokens > before.total_tokens


# ---------------------------------------------------------------- two ingests at once

def test_a_second_ingest_while_one_runs_is_refused_as_busy_and_nothing_is_lost(tmp_path, corpus_copy, clean_run):
    clean, _seconds = clean_run
    instance = tmp_path / "instance"
    # The first ingest holds the writer lock; its index updates are slowed down so that it
    # still holds it when the second one starts.
    proc = start_cli(instance, "ingest", corpus_copy, "--json",
                     setup="import time\nfrom search.indexer import Indexer\n_update = Indexer.update\n"
                           "Indexer.update = lambda self, *a, **k: (time.sleep(0.5), _update(self, *a, **k))[1]")
    from corpus.db import Catalog
    from search.indexer import Indexer
    catalog = Catalog.for_instance(instance)
    deadline = time.monotonic() + 60
    while not Indexer(catalog, instance).busy() and time.monotonic() < deadline:
        time.sleep(0.02)
    second = cli(instance, "ingest", SEED_FILE)
    reindex = cli(instance, "reindex")
    repair = cli(instance, "check", "--repair")
    out, err = proc.communicate(timeout=300)
    catalog.dispose()
    assert second.exit_code == 1 and second.output.splitlines() == [BUSY]
    assert reindex.exit_code == 1 and reindex.output.splitlines() == [BUSY]
    assert proc.returncode == 1 and json.loads(out)["added"] == len(clean["catalog"]["documents"]), err
    assert snapshot(instance) == clean
    assert repair.exit_code in (0, 1) and (repair.exit_code == 0 or BUSY in repair.output)
    assert cli(instance, "ingest", SEED_FILE).exit_code == 0
    assert len(catalog_rows(instance)["documents"]) == len(clean["catalog"]["documents"]) + 1
    assert drift(instance)["ok"] is True


# ---------------------------------------------------------------- damaged index files

def _published(instance: Path) -> Path:
    return (instance / "index").resolve()


def truncate_segment(instance: Path) -> str:
    segment = next(_published(instance).glob("*.seg"))
    with open(segment, "r+b") as handle:
        handle.truncate(segment.stat().st_size // 2)
    return segment.name


def garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 64] = bytes((b + 97) % 256 for b in data[middle:middle + 64])
    path.write_bytes(bytes(data))


def garble_token_store(instance: Path) -> str:
    garble(_published(instance) / "crisis-tokens.sqlite")
    return "crisis-tokens.sqlite"


def garble_positions(instance: Path) -> str:
    arrays = next(_published(instance).glob("positions-*"))
    garble(arrays / "tokens.npy")
    return f"{arrays.name}/tokens.npy"


def garble_meta(instance: Path) -> str:
    (_published(instance) / "crisis-meta.json").write_text('{"corpus_version": 1, "docu')
    return "crisis-meta.json"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> tuple[Path, dict]:
    instance = tmp_path_factory.mktemp("faults-damage") / "instance"
    assert cli(instance, "ingest", DATA / "notes", DATA / "generic").exit_code == 0
    return instance, search_results(instance)


@pytest.mark.parametrize("damage", [truncate_segment, garble_token_store, garble_positions, garble_meta],
                         ids=["truncated-segment", "garbled-token-store", "garbled-position-arrays", "garbled-meta"])
def test_a_damaged_index_file_is_detected_reported_and_rebuilt_by_reindex(indexed, tmp_path, damage):
    from web import create_app
    source, results = indexed
    instance = tmp_path / "instance"
    shutil.copytree(source, instance, symlinks=True)
    damaged = damage(instance)
    # The command that reads the file exits 2 with the message (the token store is read by
    # the frequency lists, not by searches).
    store = damaged == "crisis-tokens.sqlite"
    command = ["frequencies", "--n", "2"] if store else ["search", "missile"]
    result = cli(instance, *command)
    assert result.exit_code == 2
    message = result.output.splitlines()[-1]
    assert message.startswith(f"Error: the index is damaged ({damaged} ")
    assert message.endswith("); run `corpus reindex` to rebuild it from the catalog")
    page = "/api/frequencies?n=2" if store else "/api/search?q=missile"
    response = create_app({"INSTANCE": str(instance), "TESTING": True}).test_client().get(page)
    assert response.status_code == 503 and response.get_json()["error"]
    check = cli(instance, "check")
    assert check.exit_code == 1
    assert any(line.startswith(f"  Damaged index file: {damaged} ") for line in check.output.splitlines())
    assert json.loads(cli(instance, "check", "--json").output)["damaged_files"]
    rebuilt = cli(instance, "reindex")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert search_results(instance) == results and drift(instance)["ok"] is True
    assert cli(instance, *command).exit_code == 0


def test_old_generations_are_removed_once_no_search_can_still_be_reading_them(tmp_path, monkeypatch):
    from search import generations
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", DATA / "notes" / "a.md").exit_code == 0
    assert cli(instance, "ingest", DATA / "notes" / "b.md").exit_code == 0
    kept = sorted(os.listdir(instance / "index.versions"))
    assert len(kept) == 3 and os.readlink(instance / "index") == f"index.versions/{kept[-1]}"
    monkeypatch.setattr(generations, "KEEP_SECONDS", 0.0)
    assert cli(instance, "ingest", DATA / "notes" / "c.md").exit_code == 0
    assert os.listdir(instance / "index.versions") == [os.readlink(instance / "index").split("/")[-1]]


def test_an_index_folder_from_before_generations_is_read_then_moved_aside(tmp_path):
    """An instance whose index/ is a plain folder (written by an earlier version) is searched as
    it is; the next write publishes a generation and moves the old folder away."""
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", DATA / "notes" / "a.md").exit_code == 0
    published = _published(instance)
    (instance / "index").unlink()
    shutil.copytree(published, instance / "index")
    shutil.rmtree(instance / "index.versions")
    before = search_results(instance)
    assert not (instance / "index").is_symlink() and drift(instance)["ok"] is True
    assert cli(instance, "ingest", DATA / "notes" / "b.md").exit_code == 0
    assert (instance / "index").is_symlink() and drift(instance)["ok"] is True
    assert search_results(instance)["missile"][0] > before["missile"][0]


def test_files_over_the_full_check_size_are_checked_by_their_edges_when_opened(tmp_path, monkeypatch):
    """A search checks big files by size and first and last MiB (a whole checksum of a large
    index at every open would cost seconds); `corpus check` reads every byte. (Here "big" is
    anything, and the edges are 4 KiB.)"""
    from search import generations
    monkeypatch.setattr(generations, "VERIFY_FULL_BYTES", 0)
    monkeypatch.setattr(generations, "EDGE_BYTES", 4096)
    instance = tmp_path / "instance"
    assert cli(instance, "ingest", DATA / "generic").exit_code == 0
    segment = next(_published(instance).glob("*.seg"))
    assert segment.stat().st_size > 3 * 4096
    garble(segment)                                     # the middle: not read when opening
    assert generations.problems(_published(instance), full=False) == []
    assert drift(instance)["damaged_files"] == [f"{segment.name} does not match its checksum"]
    data = bytearray(segment.read_bytes())
    data[-10:] = bytes(10)                              # the end: read when opening
    segment.write_bytes(bytes(data))
    result = cli(instance, "search", "zzzz")
    assert result.exit_code == 2 and result.output.splitlines()[-1] == (
        f"Error: the index is damaged ({segment.name} does not match its checksum); run `corpus reindex` to "
        "rebuild it from the catalog")
