"""The PostgreSQL tier's second collection of the catalog test modules (tests/conftest.py): each
module of CATALOG_TEST_MODULES is imported a second time as `MODULE.py[postgresql]`, where every
instance folder's catalog is a fresh PostgreSQL database instead of INSTANCE/catalog.sqlite."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

from .pgcluster import Databases

# The catalog, ingest, saved-query and web tests: each module is collected twice, as itself (SQLite)
# and as `MODULE.py[postgresql]`, a second import of it whose every instance folder has its catalog
# in a fresh PostgreSQL database (marked `postgres`; `-m "not postgres"` leaves them out).
CATALOG_TEST_MODULES = {"test_cli.py", "test_ingest.py", "test_saved.py", "test_web.py", "test_web_saved.py",
                        "test_web_compare.py", "test_web_security.py"}
# Tests about SQLite itself (its file, its read-only mode): not run over PostgreSQL.
_READ_ONLY = "the read-only site opens an SQLite file with mode=ro"
SQLITE_ONLY = {
    "test_a_catalog_made_before_saved_queries_gets_the_new_tables": "drops tables from catalog.sqlite "
                                                                    "(tests/test_postgres.py upgrades old catalogs)",
    "test_saved_queries_survive_a_new_process_and_a_reindex": "the new process cannot see the test's database",
    "test_a_read_only_site_opens_the_catalog_read_only": _READ_ONLY,
    "test_a_read_only_site_refuses_every_write_and_changes_nothing": _READ_ONLY,
    "test_read_only_comes_from_the_environment_and_writes_no_secret_key": _READ_ONLY,
    "test_serve_read_only_serves_the_instance_as_it_is": _READ_ONLY,
}
_active: dict[str, Databases] = {}


def _instance_key(instance) -> str:
    return str(Path(instance).resolve())


def _portable_snapshot(instance: Path) -> dict:
    """test_web_security's snapshot() through SQLAlchemy: every catalog table's rows and the index files."""
    from sqlalchemy import inspect, text

    from corpus.db import Catalog
    catalog = Catalog.for_instance(instance)
    try:
        with catalog.engine.connect() as conn:
            data = {table: sorted(map(repr, conn.execute(text(f'SELECT * FROM "{table}"'))))
                    for table in sorted(inspect(conn).get_table_names())}
    finally:
        catalog.dispose()
    data["index files"] = sorted((str(p.relative_to(instance)), p.stat().st_size, p.stat().st_mtime_ns)
                                 for p in (instance / "index").rglob("*") if p.is_file() and
                                 not p.name.endswith("-shm"))
    return data


def _portable_history_count(instance: Path) -> int:
    from sqlalchemy import func, select

    from corpus.db import Catalog
    from corpus.models import QueryHistory
    catalog = Catalog.for_instance(instance)
    try:
        with catalog.session() as s:
            return s.scalar(select(func.count()).select_from(QueryHistory))
    finally:
        catalog.dispose()


class _ShutilCopyingCatalogs:
    """shutil for a test module over PostgreSQL: copying an instance folder also copies its catalog
    database, as copying the folder copies catalog.sqlite."""

    def __getattr__(self, name):
        return getattr(shutil, name)

    @staticmethod
    def copytree(src, dst, *args, **kwargs):
        result = shutil.copytree(src, dst, *args, **kwargs)
        if "databases" in _active:
            _active["databases"].copy(_instance_key(src), _instance_key(dst))
        return result


# What a module's own SQLite-reading helpers become over PostgreSQL.
PORTABLE_HELPERS = {
    "test_web_security.py": {"snapshot": _portable_snapshot, "history_count": _portable_history_count,
                             "shutil": _ShutilCopyingCatalogs()},
}


def _catalogs_on_postgresql(postgres_databases):
    """Every instance folder of the module gets its catalog in its own fresh PostgreSQL database:
    `corpus.db.default_url`, which Catalog.for_instance, the CLI and the web app all go through."""
    import corpus.db
    original = corpus.db.default_url
    corpus.db.default_url = lambda instance: postgres_databases.url_for(_instance_key(instance))
    _active["databases"] = postgres_databases
    yield
    _active.clear()
    corpus.db.default_url = original
    postgres_databases.drop_all()


class PostgresModule(pytest.Module):
    """A second import of a catalog test module, run over PostgreSQL."""

    def _getobj(self):
        name = f"tests.{self.path.stem}__postgresql"
        spec = importlib.util.spec_from_file_location(name, self.path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        module._catalogs_on_postgresql = pytest.fixture(scope="module", autouse=True)(_catalogs_on_postgresql)
        for attribute, replacement in PORTABLE_HELPERS.get(self.path.name, {}).items():
            setattr(module, attribute, replacement)
        self.config.pluginmanager.consider_module(module)
        return module

    def collect(self):
        for item in super().collect():
            why = SQLITE_ONLY.get(getattr(item, "originalname", None))
            if why:
                item.add_marker(pytest.mark.skip(reason=f"SQLite only: {why}"))
            yield item
