"""PostgreSQL specifics (issue 13): the test tier's own fixture, byte-order sorting under a real
locale, and several processes opening one new catalog at once. The catalog, ingest, saved-query and
web tests themselves run over PostgreSQL too (tests/conftest.py collects them a second time)."""
from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from alembic import command
from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url

from corpus.db import Catalog, engine_for, head_revision, migration_config
from corpus.models import SavedQuery

from .conftest import ROOT
from .pgcluster import ENV_URL

pytestmark = pytest.mark.postgres
NAMES = ["Zeta", "alpha", "Ärger", "beta"]          # SQLite (and Python) order: Zeta, alpha, beta, Ärger


def test_each_test_gets_a_fresh_empty_database(postgres_url, request):
    engine = engine_for(postgres_url)
    try:
        with engine.connect() as conn:
            assert conn.dialect.name == "postgresql"
            assert inspect(conn).get_table_names() == []
            assert conn.scalar(text("SELECT current_database()")) == make_url(postgres_url).database
    finally:
        engine.dispose()


def test_without_a_server_the_tier_skips_with_a_clear_message(tmp_path):
    env = {**os.environ, ENV_URL: "postgresql+psycopg://postgres@127.0.0.1:1/postgres",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "-m", "postgres",
                           "tests/test_postgres.py::test_each_test_gets_a_fresh_empty_database"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 skipped" in done.stdout
    assert ("PostgreSQL tier skipped: cannot connect to postgresql+psycopg://postgres@127.0.0.1:1/postgres: "
            in done.stdout)


def saved_names(url: str) -> list[str]:
    """Saved-query names in the database's order, as the recount and the stats order theirs."""
    catalog = Catalog(url)
    try:
        with catalog.session() as s:
            return list(s.scalars(select(SavedQuery.name).order_by(SavedQuery.name)))
    finally:
        catalog.dispose()


def test_names_sort_byte_by_byte_as_on_sqlite_under_an_icu_locale(postgres_databases, request):
    """In a database whose locale sorts "alpha" before "Zeta" (ICU en-US), names still sort in
    SQLite's order; taken back to the revision before byte order, they would not."""
    name = postgres_databases.name_of(request.node.nodeid)
    with postgres_databases.engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu "
                          "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"))
    postgres_databases.made.append(name)
    url = postgres_databases.admin_url.set(database=name).render_as_string(hide_password=False)
    catalog = Catalog(url)
    try:
        with catalog.session() as s:
            s.add_all(SavedQuery(name=n, query="missile") for n in NAMES)
            s.commit()
    finally:
        catalog.dispose()
    assert saved_names(url) == sorted(NAMES) == ["Zeta", "alpha", "beta", "Ärger"]

    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            command.downgrade(migration_config(conn), "0002_document_versions_index")
            locale_order = list(conn.scalars(text("SELECT name FROM saved_query ORDER BY name")))
            assert locale_order == ["alpha", "Ärger", "beta", "Zeta"]
            command.upgrade(migration_config(conn), "head")
    finally:
        engine.dispose()
    assert saved_names(url) == sorted(NAMES)


def test_workers_opening_one_new_catalog_at_once_all_get_it(postgres_url):
    """Web workers starting together over an empty database: one creates and stamps the catalog,
    the others wait for it (an advisory lock) and open it."""
    opened, failed = [], []

    def open_it():
        try:
            catalog = Catalog(postgres_url)
            opened.append(catalog.revision)
            catalog.dispose()
        except Exception as exc:     # noqa: BLE001 - collected and asserted below
            failed.append(repr(exc))

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failed == [] and opened == [head_revision()] * 4
    engine = engine_for(postgres_url)
    try:
        with engine.connect() as conn:
            assert list(conn.scalars(text("SELECT version_num FROM alembic_version"))) == [head_revision()]
    finally:
        engine.dispose()
