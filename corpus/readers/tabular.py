"""Tables where each row is a document: CSV / TSV and JSON Lines (DESIGN.md, input format 6).

Columns map onto record fields through `--map field=column` (ReadOptions.mapping); unmapped
fields fall back to columns named like the field (case-insensitive; 'president' is a speaker,
'file' a text file). The text is a column, or a file named by a column, relative to the table
(the common research-data shape: a folder of texts plus metadata.csv).

One bad row is a RejectedRecord ('row N' / 'line N', reason); the other rows go on. CSV row
numbers count data rows from 1 (the header is not a row, blank rows are not counted); JSON Lines
use the line number. A row without an id column gets the stable id '<table stem>-<number>'.

The two transcript tables from the American Presidency Project (via the poldis R package) have
scraper artifacts this reader repairs: paragraphs joined with commas ('...ago,In view of'), and
in US_Debates.csv a 'participants' column holding page boilerplate, and for some debates the
opening of the transcript shifted into the 'participants' and 'moderator' columns. A debate row
with no list of its people takes the candidates its opening introduces (introduced_candidates).
"""
from __future__ import annotations

import csv
import io
import json
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..dates import parse_date
from ..errors import DateError, NotADocument, ReaderError
from ..people import strip_honorifics
from ..record import DateInfo, DocumentRecord, PersonRef, RejectedRecord
from ..text import clean_inline, decode_text, is_probably_binary
from . import frontmatter

NAME = "table"
EXTENSIONS = (".csv", ".tsv", ".jsonl", ".ndjson")
JSON_LINES = (".jsonl", ".ndjson")

FIELDS = ("id", "title", "date", "text", "text_file", "speaker", "participants", "source",
          "language", "original_language", "doc_type", "place", "citation", "archive", "url",
          "summary", "classification")
FIELD_ALIASES = {"type": "doc_type", "speakers": "speaker", "file": "text_file"}
# Column names each field is read from when --map does not name one (compared case-insensitively).
DEFAULT_COLUMNS = {
    "speaker": ("speaker", "speakers", "president"),
    "text_file": ("text_file", "file", "filename", "file_name", "path"),
    "doc_type": ("doc_type", "type"),
    "url": ("url", "link", "source_links"),
}
TEXT_FILE_VALUE = re.compile(r"^[^\n\r]{1,255}\.(?:txt|md|markdown|text)$", re.I)
MAX_TEXT_FILE_BYTES = 50 * 1024 * 1024
# The table's file name says what its rows are.
TABLE_NAME_TYPES = ((re.compile(r"news[-_ ]?conferences?|press[-_ ]?conferences?", re.I), "news-conference"),
                    (re.compile(r"debates?", re.I), "debate"))
TYPE_TITLES = {"news-conference": "News Conference", "debate": "Debate"}


class RowError(Exception):
    """One row cannot become a document; the message is the RejectedRecord reason."""


@dataclass
class Table:
    path: Path
    columns: list[str]
    rows: list                     # (where, number, {column: value}) or RejectedRecord
    columns_of: dict = field(default_factory=dict)   # field -> column
    doc_type: str | None = None    # from the table's file name
    app_scrape: bool = False       # an American Presidency Project transcript table

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def folder(self) -> Path:
        return self.path.resolve().parent


# --------------------------------------------------------------------------------------------
# Reader protocol

def sniff(path: Path, head: str) -> bool:
    return path.suffix.lower() in EXTENSIONS and "\x00" not in head


def read(path: Path, text: str, options) -> Iterator[DocumentRecord | RejectedRecord]:
    table = open_table(path, text, options)
    for item in table.rows:
        if isinstance(item, RejectedRecord):
            yield item
            continue
        where, number, row = item
        try:
            yield row_record(table, number, row, options)
        except RowError as exc:
            yield RejectedRecord(where=where, reason=str(exc))


def open_table(path: Path, text: str, options) -> Table:
    """The table's rows and column mapping, ready for row_record (rows are not yet documents)."""
    if not text.strip():
        raise ReaderError("no text: the file is empty")
    table = load_table(path, text)
    table.columns_of = resolve_columns(table.columns, getattr(options, "mapping", None) or {})
    table.doc_type = table_type(path.stem)
    table.app_scrape = table.doc_type is not None
    return table


def table_type(stem: str) -> str | None:
    for pattern, doc_type in TABLE_NAME_TYPES:
        if pattern.search(stem):
            return doc_type
    return None


# --------------------------------------------------------------------------------------------
# Loading rows

def load_table(path: Path, text: str) -> Table:
    if path.suffix.lower() in JSON_LINES:
        return _load_json_lines(path, text)
    return _load_csv(path, text)


def _load_csv(path: Path, text: str) -> Table:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(path, text))
    try:
        header = next(reader)
    except StopIteration:
        raise ReaderError("no text: the file is empty") from None
    except csv.Error as exc:
        raise ReaderError(f"the header is not valid CSV: {exc}") from None
    columns = _header_columns(header)
    rows = []
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            rows.append(RejectedRecord(f"row {number}", f"not valid CSV ({exc}); the rows after it were not read"))
            break                       # the reader cannot resynchronize after a broken quote
        if not any(c.strip() for c in cells):
            continue
        number += 1
        if len(cells) != len(columns):
            rows.append(RejectedRecord(f"row {number}", f"has {len(cells)} fields, the header has {len(columns)}"))
            continue
        rows.append((f"row {number}", number, dict(zip(columns, cells))))
    if not rows:
        raise ReaderError(f"no rows: the table has a header ({', '.join(columns)}) but no data")
    return Table(path, columns, rows)


def _delimiter(path: Path, text: str) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    first_line = text.split("\n", 1)[0]
    if "," not in first_line:
        for candidate in ("\t", ";", "|"):
            if candidate in first_line:
                return candidate
    return ","


def _header_columns(header: list[str]) -> list[str]:
    columns = [clean_inline(name) or f"column {i}" for i, name in enumerate(header, start=1)]
    seen = set()
    for name in columns:
        if name.lower() in seen:
            raise ReaderError(f"the header names column {name!r} twice")
        seen.add(name.lower())
    return columns


def _load_json_lines(path: Path, text: str) -> Table:
    columns: dict[str, None] = {}
    rows = []
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(RejectedRecord(where, f"not valid JSON: {exc.msg} (column {exc.colno})"))
            continue
        if not isinstance(value, dict):
            rows.append(RejectedRecord(where, f"not a JSON object: {type(value).__name__}"))
            continue
        columns.update((str(k), None) for k in value)
        rows.append((where, number, {str(k): v for k, v in value.items()}))
    if not rows:
        raise ReaderError("no text: the file is empty")
    return Table(path, list(columns), rows)


# --------------------------------------------------------------------------------------------
# Column mapping

def resolve_columns(columns: list[str], mapping: dict[str, str]) -> dict[str, str]:
    """field -> column, from --map first, then from columns named like the field."""
    chosen: dict[str, str] = {}
    for given_field, column in mapping.items():
        name = FIELD_ALIASES.get(given_field.strip().lower(), given_field.strip().lower())
        if name not in FIELDS:
            raise ReaderError(f"--map {given_field}={column}: unknown field {given_field!r} "
                              f"(fields: {', '.join(FIELDS)})")
        found = _find_column(columns, column)
        if found is None:
            raise ReaderError(f"--map {given_field}={column}: no column {column!r} "
                              f"(columns: {', '.join(columns)})")
        chosen[name] = found
    used = {c.lower() for c in chosen.values()}
    for name in FIELDS:
        if name in chosen:
            continue
        for candidate in DEFAULT_COLUMNS.get(name, (name,)):
            found = _find_column(columns, candidate)
            if found is not None and found.lower() not in used:
                chosen[name] = found
                used.add(found.lower())
                break
    if "text" not in chosen and "text_file" not in chosen:
        message = f"no text column: pass --map text=COLUMN (columns: {', '.join(columns)})"
        # Unasked, a table without texts is metadata (Speakers_by_session.csv): skipped, not rejected.
        raise ReaderError(message) if mapping else NotADocument(message)
    return chosen


def _find_column(columns: list[str], wanted: str) -> str | None:
    if wanted in columns:
        return wanted
    matches = [c for c in columns if c.lower() == wanted.strip().lower()]
    return matches[0] if len(matches) == 1 else None


# --------------------------------------------------------------------------------------------
# One row -> one record

def row_record(table: Table, number: int, row: dict, options) -> DocumentRecord:
    cell = _Cells(table, row)
    text_source = _row_text(table, cell)
    fallback = text_source.meta
    date = _row_date(table, cell) or fallback.fields.get("date") or DateInfo()
    speakers = frontmatter.speaker_names(cell("speaker")) or list(fallback.fields.get("speakers") or [])
    speaker = speakers[0] if len(speakers) == 1 else None         # several: see _several_speakers
    app = repair_app_row(row) if table.app_scrape else None
    text = _join_app_text(app, text_source.text) if app else text_source.text
    if not text:
        raise RowError(f"no text in column {table.columns_of.get('text')!r}")
    record = DocumentRecord(
        native_id=cell("id") or f"{table.stem}-{number}",
        title="",
        text=text,
        source=cell("source") or fallback.fields.get("source") or getattr(options, "source", None),
        doc_type=frontmatter.infer_doc_type(
            cell("doc_type") or table.doc_type, fallback.fields.get("doc_type"), text,
            bool(speakers), speaker_header=fallback.kind == "header"),
        date=date,
        default_speaker=speaker,
        participants=_row_participants(table, row, fallback) + (app.people if app else []),
        extra=_row_extra(table, row, number, app, fallback),
    )
    if record.doc_type == "debate" and not _candidates(record.participants):
        record.participants += introduced_candidates(text)
    if len(speakers) > 1:
        _several_speakers(record, speakers)
    record.title = (cell("title") or fallback.fields.get("title")
                    or _generated_title(table, record, number))
    for name in ("place", "original_language", "citation", "archive", "classification",
                 "summary", "url", "language"):
        value = cell(name) or fallback.fields.get(name)
        if value:
            setattr(record, name, value)
    return record


def _several_speakers(record: DocumentRecord, speakers: list[str]) -> None:
    """A row naming several speakers ('A; B'): all are the document's speakers; a paragraph is
    one speaker's only where the text marks who speaks ('Mr. JAWAD (Iraq):')."""
    record.extra["speakers"] = speakers
    record.participants = record.participants or frontmatter.speaker_people(speakers)
    record.passages = frontmatter.several_speakers_passages(None, record.text, speakers, record.date.start)


class _Cells:
    """Field -> the row's value for that field's column: one cleaned line, or raw ('' if none)."""

    def __init__(self, table: Table, row: dict):
        self.table, self.row = table, row

    def raw(self, name: str) -> str:
        column = self.table.columns_of.get(name)
        return _as_text(self.row.get(column)) if column else ""

    def __call__(self, name: str) -> str:
        return clean_inline(self.raw(name))


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _row_date(table: Table, cell) -> DateInfo | None:
    value = cell("date")
    if not value:
        return None
    try:
        return parse_date(value)
    except DateError as exc:
        raise RowError(f"column {table.columns_of['date']!r}: {exc}") from None


def _generated_title(table: Table, record: DocumentRecord, number: int) -> str:
    """'News Conference: John F. Kennedy, 1962-11-20' for a row with no title anywhere."""
    label = TYPE_TITLES.get(record.doc_type or "") or frontmatter.humanize_stem(table.stem)
    details = [d for d in (record.default_speaker, record.date.text) if d]
    return f"{label}: {', '.join(details)}" if details else f"{label}, row {number}"


def _row_participants(table: Table, row: dict, fallback) -> list[PersonRef]:
    column = table.columns_of.get("participants")
    value = row.get(column) if column else None
    if table.app_scrape and isinstance(value, str) and value.startswith(APP_PREFIX):
        return []                                  # boilerplate: repair_app_row reads it
    if isinstance(value, str):
        value = value.strip()
        if value.startswith("["):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                raise RowError(f"column {column!r}: not a JSON array of names") from None
    if not value:
        return list(fallback.fields.get("participants") or [])
    try:
        return frontmatter.people_from_value(value)
    except ReaderError as exc:
        raise RowError(f"column {column!r}: {exc}") from None


def _row_extra(table: Table, row: dict, number: int, app, fallback) -> dict:
    """Unmapped columns (kept as they are) and the row number, for the document page."""
    used = set(table.columns_of.values())
    if app:
        used |= {"participants", "moderator"}
    extra = dict(fallback.extra)
    for column, value in row.items():
        text = _as_text(value).strip()
        if column not in used and text:
            extra[column] = value if isinstance(value, (int, float, bool, list, dict)) else text
    extra["table_row"] = number
    if app:
        extra.update(app.extra)
    return extra


# Text: a column or a file ---------------------------------------------------------------------

@dataclass
class RowText:
    text: str
    meta: frontmatter.Metadata = field(default_factory=frontmatter.Metadata)


def _row_text(table: Table, cell) -> RowText:
    text_column = table.columns_of.get("text")
    file_column = table.columns_of.get("text_file")
    file_value = cell("text_file")
    text_value = cell.raw("text")
    if not file_value and TEXT_FILE_VALUE.match(text_value.strip()):
        file_value = text_value.strip()              # a text column naming a file
    if file_value:
        return _text_from_file(table, file_value)
    if text_value.strip():
        if table.app_scrape and "\n\n" not in text_value:
            return RowText(app_text(text_value))          # paragraphs joined by bare commas
        return RowText(frontmatter.paragraph_text(text_value))
    raise RowError(_no_text_reason(text_column, file_column))


def _no_text_reason(text_column: str | None, file_column: str | None) -> str:
    if text_column and file_column:
        return f"no text in column {text_column!r} and no file named in column {file_column!r}"
    if text_column:
        return f"no text in column {text_column!r}"
    return f"no file named in column {file_column!r}"


def _text_from_file(table: Table, value: str) -> RowText:
    try:        # a name too long, with a NUL or a lone surrogate, or a file that cannot be read
        path = _safe_text_path(table.folder, value)
        data = path.read_bytes()
    except (OSError, ValueError) as exc:
        raise RowError(f"text file {value[:200]!r} cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    if is_probably_binary(data):
        raise RowError(f"text file {value!r} is not text (binary data)")
    try:
        raw = decode_text(data)
    except UnicodeDecodeError:
        raise RowError(f"text file {value!r} is not UTF-8 or UTF-16 text") from None
    if not raw.strip():
        raise RowError(f"text file {value!r} is empty")
    try:
        meta, body = frontmatter.split_metadata(raw)
        name_meta = frontmatter.filename_metadata(frontmatter.file_stem(path), path, table.folder)
    except ReaderError as exc:
        raise RowError(f"text file {value!r}: {exc}") from None
    text = frontmatter.paragraph_text(body)
    if not text:
        raise RowError(f"text file {value!r} has no text after its header")
    merged = frontmatter.Metadata({**name_meta.fields, **meta.fields},
                                  {**name_meta.extra, **meta.extra}, meta.kind)
    merged.extra["text_file"] = value
    return RowText(text, merged)


def _safe_text_path(folder: Path, value: str) -> Path:
    """The file a row names, which must lie inside the table's folder."""
    if Path(value).is_absolute() or value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", value):
        raise RowError(f"text file {value!r} is outside the table's folder")
    path = (folder / value).resolve()
    if folder not in path.parents:
        raise RowError(f"text file {value!r} is outside the table's folder")
    if not path.is_file():
        raise RowError(f"text file {value!r} does not exist")
    if path.stat().st_size > MAX_TEXT_FILE_BYTES:
        raise RowError(f"text file {value!r} is too large ({path.stat().st_size // 2**20} MB)")
    return path


# --------------------------------------------------------------------------------------------
# American Presidency Project scrape repair (US_News_Conferences_1960_1980.csv, US_Debates.csv)

APP_PREFIX = "About\xa0Search,"
APP_BOILERPLATE = " Online by Gerhard Peters and John T. Woolley"
# The scraper joined paragraphs with a bare comma: ',' directly followed by a capital, '[' or '('.
APP_PARAGRAPH_BREAK = re.compile(r",(?=[A-Z\[(])")
SENTENCE_END_NEWLINE = re.compile(r"(?<=[.?!\"')\]])[ \t]*\n\s*")
LIST_LABEL = re.compile(r"^(PARTICIPANTS|Participants|CANDIDATES|Candidates|PANELISTS|Panelists|"
                        r"MODERATORS?|Moderators?|HOSTS?|Hosts?|SPONSORS?|Sponsors?)[ \t]*:(\s*)(.*)$", re.S)
# In the text column only these open a list ('MODERATOR: Vice President Gore?' is a turn).
TEXT_LIST_LABEL = re.compile(r"^(?:PARTICIPANTS|CANDIDATES|PANELISTS):", re.I)
MODERATED_BY = re.compile(r"^\[moderated by (.+?) of (.+)\]$")
NOTE_START = re.compile(r"^(?:NOTE|Note|APP Acknowledgement|Provided to the American Presidency Project)\b")
POST_PREFIX = re.compile(
    r"^(?:(?:Former|former|Fmr\.)\s+)?(?:(?:[A-Z][a-z]+|New York City|New York)\s+)?"
    r"(?:Vice[- ]President|President|Senator|Sen\.|Governor|Gov\.|Representative|Represenatative|"
    r"Rep\.|Congressman|Congresswoman|Mayor|mayor|Ambassador|Secretary of State|"
    r"Secretary of Housing and Urban Development|Speaker of the House|Businessman|Businesswoman|"
    r"Reverend|Rev\.)\s+")
NAME_SUFFIX = re.compile(r",\s+(?!(?:Jr|Sr|II|III|IV)\b).*$")


def app_paragraphs(cell: str) -> list[str]:
    """Paragraphs of an APP cell: split at comma joins and at newlines after a sentence end."""
    paragraphs = []
    for part in comma_paragraphs(cell):
        paragraphs.extend(_transcript_paragraphs(part))
    return paragraphs


def comma_paragraphs(cell: str) -> list[str]:
    """The cell split at the scraper's comma joins only, newlines kept (lists use them)."""
    parts = (p.strip().strip(",").strip() for p in APP_PARAGRAPH_BREAK.split(cell))
    return [p for p in parts if p]


def _transcript_paragraphs(part: str) -> list[str]:
    pieces = (clean_inline(piece).strip(",").strip() for piece in SENTENCE_END_NEWLINE.split(part))
    return [p for p in pieces if p]


def app_text(cell: str) -> str:
    return "\n\n".join(app_paragraphs(cell))


@dataclass
class AppRow:
    """What the boilerplate columns of one APP debate row really hold."""
    opening: list[str] = field(default_factory=list)   # transcript paragraphs shifted out of 'text'
    people: list[PersonRef] = field(default_factory=list)
    extra: dict = field(default_factory=dict)           # notes, sponsor


def repair_app_row(row: dict) -> AppRow | None:
    """Read the 'participants' and 'moderator' columns of an APP debate row (None if not one)."""
    head = row.get("participants")
    if not isinstance(head, str) or not head.startswith(APP_PREFIX):
        return None
    app = AppRow()
    head_paragraphs = comma_paragraphs(_cut_boilerplate(head[len(APP_PREFIX):], row.get("title") or ""))
    _read_block_paragraphs(head_paragraphs, app)
    _read_block_paragraphs(comma_paragraphs(str(row.get("moderator") or "")), app)
    return app


def _cut_boilerplate(head: str, title: str) -> str:
    """Drop ',<category>, <title> Online by Gerhard Peters ...' from the end of the cell."""
    end = head.find(APP_BOILERPLATE)
    if end < 0:
        return head
    head = head[:end]
    if title and head.endswith(title):
        head = head[: -len(title)].rstrip(", ")
        head = head.rsplit(",", 1)[0] if "," in head else ""
    return head


def _read_block_paragraphs(paragraphs: list[str], app: AppRow) -> None:
    """A people list first means the rest are notes; else transcript up to the first note."""
    if paragraphs and _read_people(paragraphs[0], app):
        _add_notes(app, paragraphs[1:])
        return
    for i, paragraph in enumerate(paragraphs):
        if NOTE_START.match(paragraph):
            _add_notes(app, paragraphs[i:])
            return
        app.opening.extend(_transcript_paragraphs(paragraph))


def _add_notes(app: AppRow, notes: list[str]) -> None:
    notes = [clean_inline(n) for n in notes if clean_inline(n)]
    if notes:
        app.extra.setdefault("notes", []).extend(notes)


def _read_people(paragraph: str, app: AppRow) -> bool:
    """'PARTICIPANTS:A (D) andB (R)', 'MODERATOR:X (CNN)', '[moderated by X of CBS News]'."""
    moderated = MODERATED_BY.match(paragraph)
    if moderated:
        app.people.append(_app_person(moderated.group(1), "Moderator"))
        return True
    labelled = LIST_LABEL.match(paragraph)
    if not labelled:
        return False
    label, space, content = labelled.groups()
    label = label.lower().rstrip("s")
    if label in ("moderator", "host", "sponsor") and space and not _looks_like_name_list(content):
        return False                                  # 'MODERATOR: Good evening ...' is a turn
    if label == "sponsor":
        app.extra["sponsor"] = clean_inline(content)
        return True
    post = {"moderator": "Moderator", "host": "Moderator", "panelist": "Panelist"}.get(label)
    content, moderated_by = _split_moderated_by(content)
    for item in _list_items(content):
        _add_listed_person(app, item, post)
    app.people.extend(_app_person(item, "Moderator") for item in moderated_by)
    return True


def _add_listed_person(app: AppRow, item: str, post: str | None) -> None:
    """One list item: a name ('Moderator: Wolf Blitzer' inside a participants list), or a note."""
    labelled = re.match(r"^(Moderators?|Host|Panelists?)\s*:\s*(.+)$", item, re.I)
    if labelled:
        item, post = labelled.group(2), "Panelist" if labelled.group(1).lower().startswith("panel") else "Moderator"
    if len(item.split()) > 8:                     # a sentence that leaked into the list
        _add_notes(app, [item])
        return
    app.people.append(_app_person(item, post))


def _looks_like_name_list(content: str) -> bool:
    """'Anderson Cooper, CNN host' is a list; 'Speaker Gingrich, since our last debate ...' is not."""
    first = re.split(r"[;\n(,]", content.strip(), maxsplit=1)[0].strip()
    words = first.split()
    if "?" in content or not 0 < len(words) <= 6 or not all(w[:1].isupper() or w in ("de", "van", "von", "da") for w in words):
        return False
    items = re.split(r"[;\n]", re.sub(r"\([^)]*\)", "", content))
    return all(len(item.split()) <= 8 for item in items)


def _split_moderated_by(content: str) -> tuple[str, list[str]]:
    """'...; and former Gov. Tommy Thompson. Moderated by Fox News Channel's Brit Hume and Chris Wallace.'"""
    match = re.search(r"\.\s+Moderated by (.+?)\.?$", content, re.S)
    if not match:
        return content, []
    names = [re.sub(r"^.*'s\s+", "", n).strip() for n in re.split(r"\s+and\s+", match.group(1))]
    return content[: match.start()], [n for n in names if n]


def _list_items(content: str) -> list[str]:
    items = []
    for part in re.split(r"[;\n]", content):
        for item in re.split(r"(?<=\))\s*and\s*(?=[A-Z])|\band(?=[A-Z])", part):
            item = re.sub(r"^\s*(?:and|with)\b[\s,]*|[\s,;:]+$|,\s*and$|\s+and$", "", item.strip()).strip(" ,;")
            item = re.sub(r"(?<![A-Z])(?<!\bJr)(?<!\bSr)\.$", "", item)
            if item and item.lower() not in ("and", "with"):
                items.append(item)
    return items


def _app_person(as_printed: str, post: str | None) -> PersonRef:
    """'Former Vice President Joe Biden (D)' -> Joe Biden; 'Bernard Shaw, CNN' -> Bernard Shaw."""
    as_printed = clean_inline(as_printed)
    name = re.sub(r"\s*\([^)]*\)\s*", " ", as_printed).strip(" :,")
    name = NAME_SUFFIX.sub("", name).strip(" :,")
    office = POST_PREFIX.match(name)
    if office:
        name = name[office.end():]
    name = strip_honorifics(name) or name
    return PersonRef(name=name, role="participant", as_printed=as_printed,
                     post=post or (office.group(0).strip() if office else None))


# A debate row with no list of its people: the moderator's opening names the candidates, by title
# and full name, in a sentence that welcomes or introduces them ('... when we welcome President
# Barack Obama and Governor Mitt Romney.', 'Welcome to the first of the 1996 Presidential debates
# between President Bill Clinton, the Democratic nominee, and Senator Bob Dole, ...'). A bare title
# and surname ('President Kennedy told the world') is a mention, not an introduction.
OPENING_PARAGRAPHS = 8
INTRODUCING = re.compile(r"\b(?:[Ww]elcome|between|[Cc]andidates?|nominees?|[Jj]oining|[Pp]articipants)\b")
CANDIDATE_TITLE = (r"(?:(?:Former|former) )?(?:Vice[- ]President|President|Senator|Governor|Congressman|"
                   r"Congresswoman|Representative|Ambassador|Mayor)")
CANDIDATE_NAME = (r"(?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.)){0,2} "
                  r"(?:Ma?c|O')?[A-Z][a-z\-]+(?!['’]s\b)")     # not a possessive: 'Bill Clinton's rival'
# 'President Bill Clinton', 'Jack Kemp, the republican nominee' ('independent candidate Ross Perot'
# is not taken: in a vice-presidential debate it is the running mate's principal).
INTRODUCED_CANDIDATE = re.compile(
    rf"\b{CANDIDATE_TITLE} (?P<titled>{CANDIDATE_NAME})\b"
    rf"|\b(?P<nominee>{CANDIDATE_NAME}), the [A-Za-z]+ (?:nominee|candidate)\b")
# A sentence ends at '.', '?' or '!' before a capital, but not after an initial or a short title.
OPENING_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bMrs)(?<!\b(?:Mr|Ms|Dr|Jr|Sr|St))"
                                  r"(?<!\b(?:Gov|Sen|Rep|Gen))[.?!][\"')]*\s+(?=[\"'(]?[A-Z])")


def _candidates(people: list[PersonRef]) -> list[PersonRef]:
    return [p for p in people if (p.post or "") not in ("Moderator", "Panelist")]


def introduced_candidates(text: str) -> list[PersonRef]:
    """The candidates a debate's opening introduces, each with the title it gives them as post."""
    found: list[PersonRef] = []
    for paragraph in text.split("\n\n")[:OPENING_PARAGRAPHS]:
        for sentence in OPENING_SENTENCE_END.split(paragraph):
            if not INTRODUCING.search(sentence):
                continue
            for match in INTRODUCED_CANDIDATE.finditer(sentence):
                printed = match.group() if match.group("titled") else match.group("nominee")
                person = _app_person(printed, None)
                if person.name not in {p.name for p in found}:
                    found.append(person)
    return found


def _join_app_text(app: AppRow, text: str) -> str:
    """Put a shifted transcript opening back in front of the text; drop a leading people list."""
    paragraphs = text.split("\n\n") if text else []
    if paragraphs and TEXT_LIST_LABEL.match(paragraphs[0]) and _read_people(paragraphs[0], app):
        paragraphs = paragraphs[1:]                   # 'PANELISTS:A (CNN);B (NBC)' 
    return "\n\n".join(app.opening + paragraphs)


# --------------------------------------------------------------------------------------------
# Text files that a table reads

def covering_table(path: Path, root: Path | None, mapping: dict[str, str] | None = None) -> tuple[Path, int] | None:
    """(table, row number) if a CSV/TSV table in the file's folder or an ancestor (up to `root`)
    names this text file in its file column: the table ingests it, so the file alone is skipped."""
    if root is None:
        return None
    target = path.resolve()
    stop = root.resolve()
    for folder in [target.parent, *target.parent.parents]:
        for table_path in _tables_in(str(folder), folder.stat().st_mtime_ns):
            rows = _text_files_named(str(table_path), table_path.stat().st_mtime_ns,
                                     tuple(sorted((mapping or {}).items())))
            if str(target) in rows:
                return table_path, rows[str(target)]
        if folder == stop or stop not in folder.parents:
            return None
    return None


@lru_cache(maxsize=256)
def _tables_in(folder: str, _mtime: int) -> list[Path]:
    """The CSV/TSV tables in a folder (cached: a folder of 1,000 texts is listed once)."""
    return sorted(Path(folder).glob("*.[ct]sv"))


@lru_cache(maxsize=64)
def _text_files_named(table_path: str, _mtime: int, mapping: tuple) -> dict[str, int]:
    """{resolved text file: row number} for the rows of a table with a file column."""
    path = Path(table_path)
    try:
        text = decode_text(path.read_bytes())
        with_header = text.split("\n", 1)[0]
        columns = _header_columns(next(csv.reader([with_header], delimiter=_delimiter(path, text))))
        column = resolve_columns(columns, dict(mapping)).get("text_file")
        if column is None:
            return {}
        table = _load_csv(path, text)
    except (ReaderError, UnicodeDecodeError, OSError, StopIteration, csv.Error):
        return {}
    named = {}
    for item in table.rows:
        if not isinstance(item, RejectedRecord) and item[2].get(column, "").strip():
            named[str((path.resolve().parent / item[2][column].strip()).resolve())] = item[1]
    return named
