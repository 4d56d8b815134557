"""Read-only views of the catalog as plain dicts (what `corpus show` / `corpus stats` print)."""
from __future__ import annotations

from sqlalchemy import String, func, select
from sqlalchemy.orm import Session, selectinload

from .citation import cite, source_title
from .errors import NotFound
from .models import Document, Participant, Passage, Person, Source


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def document_json(session: Session, doc_id: str, with_text: bool = False) -> dict:
    """One document with its participants and passages; NotFound if the id is unknown."""
    doc = session.scalar(
        select(Document).where(Document.id == doc_id).options(
            selectinload(Document.source),
            selectinload(Document.participants).selectinload(Participant.person),
            selectinload(Document.passages).selectinload(Passage.speaker)))
    if doc is None:
        raise NotFound(f"no document with id {doc_id!r}; `corpus stats` lists the sources, "
                       "`corpus search` finds documents")
    extra = {k: v for k, v in (doc.extra or {}).items() if k != "record_hash"}
    out = {
        "id": doc.id, "source": doc.source.key, "title": doc.title, "cite": cite(doc.id, doc.title, doc.source.key),
        "source_title": source_title(doc.source.key), "doc_type": doc.doc_type,
        "date_start": _iso(doc.date_start), "date_end": _iso(doc.date_end),
        "date_precision": doc.date_precision, "date_text": doc.date_text, "time_text": doc.time_text,
        "place": doc.place, "language": doc.language, "original_language": doc.original_language,
        "citation": doc.citation, "archive": doc.archive, "classification": doc.classification,
        "summary": doc.summary, "url": doc.url,
        "participants": [{"name": p.person.name, "role": p.role, "as_printed": p.as_printed,
                          "kind": p.person.kind, "post": p.post, "side": p.side} for p in doc.participants],
        "passages": [{"start": p.start, "end": p.end, "speaker": p.speaker.name if p.speaker else None,
                      "kind": p.kind} for p in doc.passages],
        "token_count": doc.token_count, "extra": extra,
        "added_version": doc.added_version, "updated_version": doc.updated_version,
    }
    if with_text:
        out["text"] = doc.text
    return out


def stats_json(session: Session, corpus_version: int) -> dict:
    """Corpus totals: documents, tokens, by source, by year, speakers with passage counts."""
    documents, tokens = session.execute(
        select(func.count(Document.id), func.coalesce(func.sum(Document.token_count), 0))).one()
    by_source = session.execute(
        select(Source.key, func.count(Document.id), func.coalesce(func.sum(Document.token_count), 0))
        .join(Document, Document.source_id == Source.id).group_by(Source.key).order_by(Source.key)).all()
    year = func.substr(func.cast(Document.date_start, String), 1, 4)
    by_year = session.execute(
        select(year, func.count(Document.id)).where(Document.date_start.is_not(None))
        .group_by(year).order_by(year)).all()
    undated = session.scalar(select(func.count(Document.id)).where(Document.date_start.is_(None)))
    speakers = session.execute(
        select(Person.name, func.count(Passage.id), func.count(func.distinct(Passage.document_id)))
        .join(Passage, Passage.speaker_id == Person.id).group_by(Person.name)
        .order_by(func.count(Passage.id).desc(), Person.name)).all()
    return {
        "documents": documents, "tokens": int(tokens), "corpus_version": corpus_version,
        "by_source": {k: {"documents": n, "tokens": int(t)} for k, n, t in by_source},
        "by_year": {y: n for y, n in by_year}, "undated": undated,
        "speakers": [{"name": n, "passages": p, "documents": d} for n, p, d in speakers],
    }



def source_coverage(session: Session) -> list[dict]:
    """What each source covers, for the home and browse pages: its key, a readable title, how
    many documents (and how many of them undated), and the first and last date, by key."""
    rows = session.execute(
        select(Source.key, func.count(Document.id), func.min(Document.date_start), func.max(Document.date_end),
               func.max(Document.date_start), func.count(Document.id) - func.count(Document.date_start))
        .join(Document, Document.source_id == Source.id).group_by(Source.key).order_by(Source.key)).all()
    return [{"key": key, "title": source_title(key), "documents": count, "first": _iso(first),
             "last": _iso(max(d for d in (last_end, last_start) if d) if (last_end or last_start) else None),
             "undated": undated}
            for key, count, first, last_end, last_start, undated in rows]
