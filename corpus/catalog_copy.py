"""`corpus db copy`: a whole catalog from one database to another (SQLite <-> PostgreSQL).

Every catalog table is copied in foreign-key order, in batches ordered by primary key, through
SQLAlchemy Core (so dates, datetimes, booleans and JSON convert between the two databases). The
destination is made at the newest schema revision first and must be empty (or `replace=True`);
PostgreSQL sequences are moved past the copied ids; the rows of every table are counted on both
sides at the end.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from .db import (CatalogError, engine_for, first_line, lock_schema, missing_sqlite_file, prepare, safe_url,
                 schema_state)
from .models import Base

BATCH_ROWS = 1000
# Progress: (table, rows copied so far, rows in the table).
Progress = Callable[[str, int, int], None]


class CopyRefused(CatalogError):
    """The destination already holds a catalog (and --replace was not given), or is the source."""


@dataclass
class TableCount:
    table: str
    source: int
    destination: int

    @property
    def ok(self) -> bool:
        return self.source == self.destination


@dataclass
class CopyReport:
    source: str
    destination: str
    tables: list[TableCount] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def mismatched(self) -> list[TableCount]:
        return [t for t in self.tables if not t.ok]


def _same_database(a: str, b: str) -> bool:
    return make_url(a).render_as_string(hide_password=False) == make_url(b).render_as_string(hide_password=False)


def _rows_by_table(conn: Connection) -> dict[str, int]:
    present = set(inspect(conn).get_table_names())
    return {t.name: conn.scalar(select(func.count()).select_from(t))
            for t in Base.metadata.sorted_tables if t.name in present}


def _clear(conn: Connection) -> None:
    """--replace: drop the destination's catalog tables and its schema revision."""
    present = set(inspect(conn).get_table_names())
    Base.metadata.drop_all(conn, tables=[t for t in Base.metadata.sorted_tables if t.name in present])
    if "alembic_version" in present:
        conn.execute(text("DROP TABLE alembic_version"))


def _fix_sequences(conn: Connection) -> None:
    """PostgreSQL: rows inserted with explicit ids leave the id sequences behind; move each past its
    table's largest id so the next row gets a new one."""
    if conn.dialect.name != "postgresql":
        return
    for table in Base.metadata.sorted_tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{pk[0].name}'), "
            f"COALESCE(MAX({pk[0].name}), 1), MAX({pk[0].name}) IS NOT NULL) FROM {table.name}"))


def _copy_table(src: Connection, dst: Connection, table, progress: Progress | None) -> None:
    total = src.scalar(select(func.count()).select_from(table))
    done = 0
    if progress:
        progress(table.name, 0, total)
    rows = src.execution_options(stream_results=True, yield_per=BATCH_ROWS).execute(
        select(table).order_by(*table.primary_key.columns)).mappings()
    while batch := rows.fetchmany(BATCH_ROWS):
        dst.execute(table.insert(), [dict(row) for row in batch])
        done += len(batch)
        if progress:
            progress(table.name, done, total)


def copy_catalog(source_url: str, destination_url: str, replace: bool = False,
                 progress: Progress | None = None) -> CopyReport:
    """Copy every table of the catalog at `source_url` into `destination_url` (one transaction on the
    destination: a failed copy leaves it as it was)."""
    if _same_database(source_url, destination_url):
        raise CopyRefused("the source and the destination are the same database")
    source, destination = _open_source(source_url), engine_for(destination_url)
    report = CopyReport(safe_url(source_url), safe_url(destination_url))
    try:
        with source.connect() as src, destination.begin() as dst:
            lock_schema(dst)
            held = {name: n for name, n in _rows_by_table(dst).items() if n}
            if held and not replace:
                listed = ", ".join(f"{name} ({n:,})" for name, n in held.items())
                raise CopyRefused(f"the destination {report.destination} already holds a catalog ({listed}): "
                                  "copy into an empty database, or give --replace to overwrite it")
            if replace:
                _clear(dst)
            prepare(dst)
            if dst.dialect.name == "sqlite":
                dst.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
            for table in Base.metadata.sorted_tables:
                _copy_table(src, dst, table, progress)
            _fix_sequences(dst)
            copied = _rows_by_table(dst)
            report.tables = [TableCount(name, n, copied.get(name, 0)) for name, n in _rows_by_table(src).items()]
    except SQLAlchemyError as exc:
        raise CatalogError(f"the copy failed and the destination was left as it was: {first_line(exc)}") from exc
    finally:
        source.dispose()
        destination.dispose()
    return report


def _open_source(url: str) -> Engine:
    """The source must be a catalog at the newest revision (never created, stamped or changed here)."""
    if missing_sqlite_file(url):
        raise CatalogError(f"there is no catalog at {safe_url(url)} (no such SQLite file)")
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            state = schema_state(conn)
            if state.empty:
                raise CatalogError(f"there is no catalog at {safe_url(url)} (no catalog tables)")
            prepare(conn, writable=False)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise CatalogError(f"cannot read the catalog at {safe_url(url)}: {first_line(exc)}") from exc
    except CatalogError:
        engine.dispose()
        raise
    return engine

