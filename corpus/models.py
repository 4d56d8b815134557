"""The catalog: SQLAlchemy 2.x typed models. Portable SQL only: the same schema on SQLite and PostgreSQL.
A change here needs a migration in corpus/migrations/versions (the tests compare the two)."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import (JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def sorted_text(length: int) -> String:
    """A string column PostgreSQL compares byte by byte (COLLATE "C"), as SQLite does, whatever the
    database's locale: what the catalog sorts by lists in the same order on both."""
    return String(length).with_variant(String(length, collation="C"), "postgresql")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Source(Base):
    """One archive collection or input set (`wilson`, `frus1961-63v05`)."""
    __tablename__ = "source"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sorted_text(120), unique=True)
    name: Mapped[str | None] = mapped_column(String(300))
    reader: Mapped[str | None] = mapped_column(String(40))
    archive: Mapped[str | None] = mapped_column(String(300))
    licence: Mapped[str | None] = mapped_column(Text)
    documents: Mapped[list["Document"]] = relationship(back_populates="source")


class SourceFile(Base):
    """A file ingest has read: what makes re-ingest incremental and idempotent."""
    __tablename__ = "source_file"
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(1000), unique=True)
    file_hash: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    reader: Mapped[str] = mapped_column(String(40))
    options_key: Mapped[str] = mapped_column(String(64), default="")
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    documents: Mapped[list["Document"]] = relationship(back_populates="file")


class Document(Base):
    __tablename__ = "document"
    id: Mapped[str] = mapped_column(String(200), primary_key=True)     # "<source>:<native id>"
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    native_id: Mapped[str] = mapped_column(String(160))
    # A small integer for the document, stable while it exists: what the index counts documents by.
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(Text)
    doc_type: Mapped[str | None] = mapped_column(sorted_text(40), index=True)
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    date_precision: Mapped[str] = mapped_column(String(10), default="undated")
    date_text: Mapped[str | None] = mapped_column(Text)
    time_text: Mapped[str | None] = mapped_column(String(80))
    place: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(sorted_text(60))
    original_language: Mapped[str | None] = mapped_column(String(60))
    citation: Mapped[str | None] = mapped_column(Text)
    archive: Mapped[str | None] = mapped_column(String(300))
    classification: Mapped[str | None] = mapped_column(String(80))
    summary: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(1000))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    token_count: Mapped[int] = mapped_column(Integer, default=0)
    extra: Mapped[dict] = mapped_column(JSON, default=dict)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("source_file.id"), index=True)
    added_version: Mapped[int] = mapped_column(Integer, default=0, index=True)
    updated_version: Mapped[int] = mapped_column(Integer, default=0, index=True)

    source: Mapped[Source] = relationship(back_populates="documents")
    file: Mapped[SourceFile | None] = relationship(back_populates="documents")
    participants: Mapped[list["Participant"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Participant.position")
    passages: Mapped[list["Passage"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Passage.position")


class Person(Base):
    """A canonical person or institution; every way of writing the name is a PersonAlias."""
    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sorted_text(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    aliases: Mapped[list["PersonAlias"]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonAlias(Base):
    __tablename__ = "person_alias"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    key: Mapped[str] = mapped_column(String(300), index=True)
    person: Mapped[Person] = relationship(back_populates="aliases")
    __table_args__ = (UniqueConstraint("person_id", "key"),)


class Participant(Base):
    """A person named by a document, with a role (author, recipient, participant, present)."""
    __tablename__ = "participant"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    as_printed: Mapped[str | None] = mapped_column(String(300))
    post: Mapped[str | None] = mapped_column(String(300))
    side: Mapped[str | None] = mapped_column(String(60))
    document: Mapped[Document] = relationship(back_populates="participants")
    person: Mapped[Person] = relationship()


class Passage(Base):
    """A span [start, end) of a document's text with an optional speaker."""
    __tablename__ = "passage"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="text")
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    document: Mapped[Document] = relationship(back_populates="passages")
    speaker: Mapped[Person | None] = relationship()
    __table_args__ = (Index("ix_passage_doc_pos", "document_id", "position"),)


class IngestRun(Base):
    """What one `corpus ingest` saw and did."""
    __tablename__ = "ingest_run"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    corpus_version: Mapped[int] = mapped_column(Integer, default=0)
    paths: Mapped[list] = mapped_column(JSON, default=list)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    removed: Mapped[int] = mapped_column(Integer, default=0)
    duplicates: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    report: Mapped[dict] = mapped_column(JSON, default=dict)


class CorpusState(Base):
    """Single-row table holding the corpus version every ingest that changes something increments."""
    __tablename__ = "corpus_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class SavedQuery(Base):
    """A search kept under a name (issue 6): the request, its counts at the last run, and how many
    hits and documents are new since then (documents added or changed after `baseline_version`,
    as counted at `checked_version`)."""
    __tablename__ = "saved_query"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sorted_text(80), unique=True)
    note: Mapped[str] = mapped_column(Text, default="")
    query: Mapped[str] = mapped_column(Text)
    filters: Mapped[dict] = mapped_column(JSON, default=dict)    # speaker, participant, source, lang, type, date_from, date_to
    variants: Mapped[bool] = mapped_column(Boolean, default=False)
    sort: Mapped[str] = mapped_column(String(20), default="date")
    width: Mapped[int] = mapped_column(Integer, default=8)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime)
    baseline_version: Mapped[int] = mapped_column(Integer, default=0)
    hits: Mapped[int | None] = mapped_column(Integer)
    documents: Mapped[int | None] = mapped_column(Integer)
    new_hits: Mapped[int] = mapped_column(Integer, default=0)
    new_documents: Mapped[int] = mapped_column(Integer, default=0)
    checked_version: Mapped[int] = mapped_column(Integer, default=0)


class QueryHistory(Base):
    """One search run on the search page, with its totals; only the latest rows are kept."""
    __tablename__ = "query_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    run_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    query: Mapped[str] = mapped_column(Text)
    filters: Mapped[dict] = mapped_column(JSON, default=dict)
    variants: Mapped[bool] = mapped_column(Boolean, default=False)
    sort: Mapped[str] = mapped_column(String(20), default="date")
    width: Mapped[int] = mapped_column(Integer, default=8)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    documents: Mapped[int] = mapped_column(Integer, default=0)
