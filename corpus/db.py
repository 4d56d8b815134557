"""Opening the catalog: engine, schema (Alembic migrations), sessions.

The catalog is SQLite (the embedded default, `INSTANCE/catalog.sqlite`) or PostgreSQL
(`postgresql+psycopg://...`). Its schema is versioned by the Alembic migrations in
corpus/migrations, run programmatically (no alembic.ini):

- an empty database is created at the newest revision (`create_all`, then stamped);
- a catalog made before migrations (catalog tables, no `alembic_version`) is stamped at the
  baseline revision, whose schema it has;
- an older SQLite catalog (the embedded default, one user's file) is upgraded when a command opens
  it, after a copy of the file is saved next to it (`catalog.sqlite.at-REVISION`): nobody else
  administers it, and an upgrade step on every new version would only be in the way. A read-only
  site cannot upgrade and says to run `corpus db upgrade`;
- an older PostgreSQL catalog is refused (`CatalogOutdated`) until `corpus db upgrade`: it is
  shared by several hosts, perhaps still running the old version, and backed up by whoever runs
  the server, so the upgrade is a step someone decides on.
"""
from __future__ import annotations

import functools
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .errors import CatalogError
from .models import Base, CorpusState

CATALOG_FILE = "catalog.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001_baseline"
CATALOG_TABLES = frozenset(Base.metadata.tables)
# Baseline tables a catalog from before migrations may lack: it predates saved queries (issue 6).
ADDED_BEFORE_BASELINE = ("saved_query", "query_history")


class CatalogOutdated(CatalogError):
    """The catalog's schema is older than this program's: `corpus db upgrade` brings it up to date."""


def default_url(instance: Path) -> str:
    return f"sqlite:///{Path(instance).resolve() / CATALOG_FILE}"


def safe_url(url: str) -> str:
    """The URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def open_engine(url: str) -> Engine:
    """An engine for the catalog URL: SQLite with its pragmas, PostgreSQL through psycopg 3
    (`postgresql://` URLs are read as `postgresql+psycopg://`)."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() == "postgresql":
        return create_engine(parsed, pool_pre_ping=True)
    engine = create_engine(parsed)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


# ---------------------------------------------------------------- migrations

def migration_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@functools.cache
def head_revision() -> str:
    return ScriptDirectory.from_config(migration_config()).get_current_head()


@functools.cache
def known_revisions() -> frozenset[str]:
    return frozenset(s.revision for s in ScriptDirectory.from_config(migration_config()).walk_revisions())


@dataclass
class SchemaState:
    revision: str | None        # what alembic_version holds; None: no alembic_version table
    catalog_tables: bool        # any catalog table exists
    missing: frozenset[str] = frozenset()   # catalog tables that do not exist

    @property
    def empty(self) -> bool:
        return self.revision is None and not self.catalog_tables

    @property
    def before_migrations(self) -> bool:
        return self.revision is None and self.catalog_tables


def schema_state(connection: Connection) -> SchemaState:
    revision = MigrationContext.configure(connection).get_current_revision()
    tables = set(inspect(connection).get_table_names())
    return SchemaState(revision, bool(tables & CATALOG_TABLES), CATALOG_TABLES - tables)


def lock_schema(connection: Connection) -> None:
    """One process at a time creates, stamps or upgrades a catalog (web workers starting together
    over an empty database, two commands opening an old one): PostgreSQL's advisory lock, SQLite's
    write lock; either ends with the transaction. Taken only on the way to a change, never for a
    catalog that is up to date (SQLite's lock would wait for a running ingest)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(1318206)"))
    elif connection.dialect.name == "sqlite" and not connection.connection.dbapi_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_schema(connection: Connection) -> None:
    """A new catalog at the newest revision: the models' tables, stamped at head."""
    Base.metadata.create_all(connection)
    command.stamp(migration_config(connection), "head")


def _stamp_baseline(connection: Connection) -> None:
    """A catalog from before migrations has the baseline schema, but for the tables of saved
    queries and history when it is older than those (issue 6): they are made, then it is stamped."""
    Base.metadata.create_all(connection, tables=[Base.metadata.tables[name] for name in ADDED_BEFORE_BASELINE])
    command.stamp(migration_config(connection), BASELINE)


def _known(revision: str) -> str:
    if revision not in known_revisions():
        raise CatalogError(f"the catalog is at schema revision {revision}, which this version of crisis-corpus "
                           f"does not know (made by a newer version?); its newest is {head_revision()}")
    return revision


def sqlite_backup(connection: Connection, revision: str) -> Path | None:
    """Before SQLite's automatic upgrade: a copy of the catalog file next to it
    (`catalog.sqlite.at-REVISION`), made with SQLite's backup API from what is committed."""
    database = connection.engine.url.database or ""
    if connection.dialect.name != "sqlite" or not database or database.startswith("file:") or database == ":memory:":
        return None
    source = Path(database)
    target = source.with_name(f"{source.name}.at-{revision}")
    with closing(sqlite3.connect(source)) as reader, closing(sqlite3.connect(target)) as copy:
        reader.backup(copy)
    return target


@dataclass
class UpgradeReport:
    before: str | None          # None: empty database or made before migrations
    after: str
    created: bool = False       # an empty database became a new catalog
    stamped_baseline: bool = False   # a catalog from before migrations was stamped at the baseline
    backup: Path | None = None  # SQLite: the copy made first

    def describe(self) -> str:
        if self.created:
            return f"Created a new catalog at revision {self.after}."
        lines = []
        if self.stamped_baseline:
            lines.append(f"The catalog was made before migrations: stamped at revision {BASELINE}.")
        start = BASELINE if self.stamped_baseline else self.before
        if start == self.after:
            lines.append(f"The catalog is up to date at revision {self.after}.")
        else:
            if self.backup:
                lines.append(f"Saved a copy of the catalog as {self.backup}.")
            lines.append(f"Upgraded the catalog from revision {start} to {self.after}.")
        return "\n".join(lines)


def _upgrade_locked(connection: Connection) -> UpgradeReport:
    """Create, stamp or upgrade the catalog to head; the caller holds lock_schema."""
    state = schema_state(connection)
    if state.empty:
        create_schema(connection)
        return UpgradeReport(None, head_revision(), created=True)
    if state.before_migrations:
        _stamp_baseline(connection)
    start = BASELINE if state.before_migrations else _known(state.revision)
    report = UpgradeReport(state.revision, head_revision(), stamped_baseline=state.before_migrations)
    if start != head_revision():
        report.backup = sqlite_backup(connection, start)
        command.upgrade(migration_config(connection), "head")
    return report


def outdated(revision: str) -> CatalogOutdated:
    return CatalogOutdated(f"the catalog's schema is out of date (revision {revision}, this version needs "
                           f"{head_revision()}): run `corpus db upgrade` (back up the catalog first)")


def prepare(connection: Connection, writable: bool = True, auto_upgrade: bool = False) -> str:
    """Make a usable catalog of the database and return its revision: create it when empty, stamp
    one made before migrations; upgrade an older one only with `auto_upgrade` (else
    CatalogOutdated: `corpus db upgrade`)."""
    state = schema_state(connection)
    if state.revision == head_revision():
        if writable and state.missing and state.missing <= set(ADDED_BEFORE_BASELINE):
            lock_schema(connection)         # saved-query tables dropped or never made: made again
            Base.metadata.create_all(connection, tables=[Base.metadata.tables[t] for t in ADDED_BEFORE_BASELINE])
        return state.revision
    if not writable:
        if state.empty:
            raise CatalogError("the catalog database is empty and opened read-only")
        revision = _known(BASELINE if state.before_migrations else state.revision)
        if revision != head_revision():
            raise outdated(revision)
        return revision
    lock_schema(connection)
    state = schema_state(connection)            # again: another process may have been first
    if state.revision not in (None, head_revision()) and not auto_upgrade:
        raise outdated(_known(state.revision))
    if state.before_migrations and not auto_upgrade and BASELINE != head_revision():
        raise outdated(BASELINE)
    return _upgrade_locked(connection).after


def upgrade(url: str) -> UpgradeReport:
    """`corpus db upgrade`: bring the catalog at `url` to the newest revision in place."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            lock_schema(conn)
            return _upgrade_locked(conn)
    except SQLAlchemyError as exc:
        raise CatalogError(f"cannot upgrade the catalog at {safe_url(url)}: {first_line(exc)}") from exc
    finally:
        engine.dispose()


def missing_sqlite_file(url: str) -> bool:
    """An SQLite URL naming a file that does not exist (opening it would make an empty one)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return False
    path = (parsed.database or "").removeprefix("file:")
    return not path or path == ":memory:" or not Path(path).is_file()


def current_revision(url: str) -> tuple[SchemaState, str]:
    """`corpus db current`: the database's schema state and the newest revision."""
    if missing_sqlite_file(url):
        raise CatalogError(f"there is no catalog at {safe_url(url)} (no such SQLite file)")
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return schema_state(conn), head_revision()
    except SQLAlchemyError as exc:
        raise CatalogError(f"cannot read the catalog at {safe_url(url)}: {first_line(exc)}") from exc
    finally:
        engine.dispose()


def first_line(exc: Exception) -> str:
    return f"{exc.__class__.__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def engine_for(url: str) -> Engine:
    try:
        return open_engine(url)
    except (ArgumentError, SQLAlchemyError, ImportError) as exc:
        raise CatalogError(f"cannot open the catalog at {safe_url(url)}: {first_line(exc)}") from exc


# ---------------------------------------------------------------- the catalog

def _read_only(url: str) -> bool:
    return url.startswith("sqlite") and "mode=ro" in url


class Catalog:
    """The catalog database: one engine and a session factory."""

    def __init__(self, url: str):
        self.url = url
        self.engine: Engine = engine_for(url)
        try:
            writable = not _read_only(url)
            with self.engine.begin() as conn:
                self.revision = prepare(conn, writable, auto_upgrade=writable and self.dialect == "sqlite")
        except CatalogError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise CatalogError(f"cannot open the catalog at {safe_url(url)}: {first_line(exc)}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def for_instance(cls, instance: Path, url: str | None = None) -> "Catalog":
        Path(instance).mkdir(parents=True, exist_ok=True)
        return cls(url or default_url(instance))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def session(self) -> Session:
        return self.sessions()

    def corpus_version(self, session: Session | None = None) -> int:
        own = session is None
        session = session or self.session()
        try:
            state = session.scalar(select(CorpusState).where(CorpusState.id == 1))
            return state.version if state else 0
        finally:
            if own:
                session.close()

    def dispose(self) -> None:
        self.engine.dispose()
