"""Opening the catalog: engine, schema creation, sessions."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from .errors import CatalogError
from .models import Base, CorpusState

CATALOG_FILE = "catalog.sqlite"


def default_url(instance: Path) -> str:
    return f"sqlite:///{Path(instance).resolve() / CATALOG_FILE}"


def _sqlite_pragmas(dbapi_conn, _record):
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


class Catalog:
    """The catalog database: one engine and a session factory."""

    def __init__(self, url: str):
        self.url = url
        try:
            self.engine: Engine = create_engine(url)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            Base.metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise CatalogError(f"cannot open the catalog at {url}: {exc.__class__.__name__}: "
                               f"{str(exc).splitlines()[0]}") from exc
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def for_instance(cls, instance: Path, url: str | None = None) -> "Catalog":
        Path(instance).mkdir(parents=True, exist_ok=True)
        return cls(url or default_url(instance))

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
