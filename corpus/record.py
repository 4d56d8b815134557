"""The normalized record every reader returns; the ingest pipeline does the rest."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Document types used across readers (free text is allowed, these are the common ones).
DOC_TYPES = (
    "memcon", "summary-of-conversation", "telegram", "letter", "memorandum", "editorial-note",
    "estimate", "paper", "report", "note", "despatch", "instruction", "speech", "transcript",
    "news-conference", "debate", "minutes", "statement", "record", "document",
)

ROLES = ("author", "recipient", "participant", "present")


@dataclass
class DateInfo:
    """A document date as an interval with a precision, plus the text it came from."""
    start: date | None = None
    end: date | None = None
    precision: str = "undated"          # day | month | year | undated
    text: str | None = None             # the original date text, as printed
    time: str | None = None             # time of day as printed ("7 p.m."), if any


@dataclass
class PersonRef:
    """A person (or institution) named by a document, as the reader found it."""
    name: str                           # display name, honorifics removed ("Andrei Gromyko")
    role: str = "participant"           # one of ROLES
    as_printed: str | None = None       # as the document prints it ("USSR Foreign Minister Gromyko1")
    kind: str = "person"                # person | institution
    post: str | None = None             # "Foreign Minister", "Ambassador"
    side: str | None = None             # "US", "USSR", "Cuba" ...


@dataclass
class PassageRecord:
    """A span of the document text [start, end) with an optional speaker name."""
    start: int
    end: int
    speaker: str | None = None
    kind: str = "text"                  # text | heading | header | editorial | signature | note | turn


@dataclass
class DocumentRecord:
    """One document, normalized. `text` is already normalized (corpus.text.normalize_*)."""
    native_id: str                      # id within its source ("300041", "d255")
    title: str
    text: str
    source: str | None = None           # source key; the pipeline fills it from --source/folder if None
    doc_type: str | None = None
    date: DateInfo = field(default_factory=DateInfo)
    place: str | None = None
    language: str | None = "English"    # language of the text as stored
    original_language: str | None = None
    citation: str | None = None         # archive citation
    archive: str | None = None          # archive / repository name
    classification: str | None = None   # "Secret"
    summary: str | None = None
    url: str | None = None
    participants: list[PersonRef] = field(default_factory=list)
    # Passages: a reader may set them; otherwise corpus.speakers splits and attributes them.
    passages: list[PassageRecord] | None = None
    # For speeches: the whole text is this person's.
    default_speaker: str | None = None
    # Names the reader knows for this document's context (surname -> full name), e.g. from a
    # FRUS volume index; used to resolve "Mr. Semenov" to "Vladimir S. Semenov".
    name_hints: dict[str, str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)   # anything else worth keeping (subject, signed_by ...)

    @property
    def doc_id(self) -> str:
        return f"{self.source}:{self.native_id}"


@dataclass
class RejectedRecord:
    """A record inside a multi-record file that could not be read (e.g. one CSV row)."""
    where: str                          # "row 12", "d45"
    reason: str
