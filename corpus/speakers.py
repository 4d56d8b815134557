"""Split a document into passages and attribute speakers. STUB: a helper implements it."""
from __future__ import annotations

from .record import DocumentRecord, PassageRecord


def attribute(record: DocumentRecord) -> list[PassageRecord]:
    """Passages covering the record's text, each with a speaker name or None.

    Uses record.doc_type, participants, date, default_speaker and name_hints. Speaker names are
    canonical (corpus.people.canonical_name), so the same person gets the same name everywhere."""
    raise NotImplementedError
