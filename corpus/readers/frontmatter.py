"""The generic reader: any text file, with YAML front matter, a 'Key: value' header, or nothing.

Three shapes are read (see DESIGN.md, input format 5):

* YAML front matter between `---` lines at the very top (title, date, speakers, participants ...).
* A short header of known 'Key: value' lines followed by a blank line, e.g. the Miller Center
  speeches ('President: John F. Kennedy'): the whole text is then that person's speech.
* Plain text. The file name may still carry metadata: 'YYYY-MM-DD-slug' (Miller Center: date,
  title and document type from the slug) or '<ISO3>_<session>_<year>' (UN General Debate corpus:
  year, country, and the speaker from a Speakers_by_session.csv in an ancestor folder).

The helpers `split_metadata`, `filename_metadata`, `people_from_value` and `paragraph_text` are
also used by the tabular reader for the text files a table points to.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import yaml

from ..dates import parse_date
from ..errors import NotADocument, ReaderError
from ..people import canonical_name, strip_honorifics
from ..record import ROLES, DateInfo, DocumentRecord, PassageRecord, PersonRef
from ..text import clean_inline, normalize_text, paragraph_spans

NAME = "text"
EXTENSIONS = (".txt", ".md", ".markdown", "")

# Files this fallback reader must not swallow: structured formats whose own reader declined them
# (a malformed XML file is rejected by pick_reader, not ingested as "text").
NOT_PLAIN_TEXT = (".xml", ".tei", ".json", ".jsonl", ".ndjson", ".csv", ".tsv", ".html", ".htm",
                  ".pdf", ".doc", ".docx", ".odt", ".rtf", ".zip", ".gz", ".sqlite", ".db")

# Front matter fields that map onto DocumentRecord attributes (the rest go to record.extra).
TEXT_FIELDS = ("title", "source", "language", "original_language", "archive", "citation",
               "doc_type", "url", "summary", "classification", "place")
FIELD_ALIASES = {"type": "doc_type", "location": "place", "speaker": "speakers"}

# Keys recognised in a 'Key: value' header (lower case, spaces for underscores) -> field.
HEADER_KEYS = {
    "president": "president", "speaker": "speakers", "speakers": "speakers", "title": "title",
    "date": "date", "source": "source", "place": "place", "location": "place",
    "language": "language", "original language": "original_language", "type": "doc_type",
    "doc type": "doc_type", "document type": "doc_type", "citation": "citation",
    "archive": "archive", "url": "url", "summary": "summary", "classification": "classification",
    "id": "id", "participants": "participants",
}
HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,29}):[ \t]*(.*?)\s*$")
MAX_HEADER_LINES = 20

DATED_NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[-_ ]+(.+))?$")
UNGDC_NAME = re.compile(r"^([A-Z]{3})_(\d{1,3})_(\d{4})$")
TRAILING_YEAR = re.compile(r"(?:^|[-_ ])(\d{4})$")

# Slug words -> document type, first match wins (the Miller Center slugs carry the type).
SLUG_TYPES = (
    (("debate",), "debate"),
    (("press-conference", "news-conference", "press-briefing", "briefing"), "news-conference"),
    (("message", "messages", "veto"), "message"),
    (("proclamation",), "proclamation"),
    (("statement",), "statement"),
    (("letter",), "letter"),
    (("address", "speech", "remarks", "state-union", "inaugural", "fireside-chat", "chat",
      "farewell", "eulogy", "commencement", "toast", "talk"), "speech"),
)
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
               "of", "on", "or", "the", "to", "with", "vs"}
SLUG_WORD_FORMS = {"us": "U.S.", "un": "UN", "usa": "USA", "ussr": "USSR", "nato": "NATO",
                   "lbj": "LBJ", "fdr": "FDR", "jfk": "JFK", "covid": "COVID", "ii": "II",
                   "iii": "III", "iv": "IV", "dc": "D.C.", "gop": "GOP", "nasa": "NASA"}

# Q&A turn markers at the start of a line: 'Q.', 'THE PRESIDENT.', 'MR. NIXON:', 'AUDIENCE:'.
QUESTION_TURN = re.compile(r"^[ \t]*Q(?:[.:]|[ \t]{2,}|[ \t]+(?=Mr\.|Mrs\.|Ms\.))", re.M)
PRESIDENT_TURN = re.compile(r"^[ \t]*THE PRESIDENT[.:]", re.M | re.I)
CAPS_LABEL_TURN = re.compile(r"^[ \t]*([A-Z][A-Z.' -]{1,40}[A-Z.]):[ \t]", re.M)
# Interjections from the floor do not make a speech a dialogue.
CROWD_LABEL = re.compile(r"AUDIENCE|CROWD|APPLAUSE|LAUGHTER")


@dataclass
class Metadata:
    """Fields gathered from front matter, a header or the file name, before building the record."""
    fields: dict = field(default_factory=dict)      # record field name -> value (already typed)
    extra: dict = field(default_factory=dict)
    kind: str = "plain"                             # front-matter | header | plain


# --------------------------------------------------------------------------------------------
# Reader protocol

def sniff(path: Path, head: str) -> bool:
    """Any text file that is not in a structured format some other reader owns."""
    if path.suffix.lower() in NOT_PLAIN_TEXT:
        return False
    if "\x00" in head:
        return False
    stripped = head.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("<?xml", "<TEI", "<!DOCTYPE", "<html", "<HTML")):
        return False
    controls = sum(1 for ch in head[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return not head or controls / min(len(head), 8192) <= 0.05


def read(path: Path, text: str, options) -> Iterator[DocumentRecord]:
    if not text.strip():
        raise ReaderError("no text: the file is empty")
    _skip_if_read_by_a_table(path, options)
    meta, body = split_metadata(text)
    if not body.strip():
        raise ReaderError(no_text_reason(meta.kind))
    yield build_record(path, meta, body, options)


def no_text_reason(kind: str) -> str:
    return {"front-matter": "no text after the front matter",
            "header": "no text after the header"}.get(kind, "no text: the file is empty")


def _skip_if_read_by_a_table(path: Path, options) -> None:
    """A text named by a metadata table in the ingested folder is that table's row, not a document
    of its own (else a folder of texts + metadata.csv would give every text twice)."""
    from .tabular import covering_table        # tabular imports this module
    covered = covering_table(path, getattr(options, "root", None), getattr(options, "mapping", None))
    if covered:
        table, row = covered
        raise NotADocument(f"read as row {row} of the table {table.name}")


# --------------------------------------------------------------------------------------------
# Front matter and header

def split_metadata(raw: str) -> tuple[Metadata, str]:
    """Separate front matter or a 'Key: value' header from the body. Raises ReaderError."""
    raw = raw.lstrip("\ufeff")
    front = _split_front_matter(raw)
    if front is not None:
        yaml_text, body = front
        return _front_matter_fields(_load_yaml(yaml_text)), body
    header = _split_header(raw)
    if header is not None:
        return header
    return Metadata(), raw


def _split_front_matter(raw: str) -> tuple[str, str] | None:
    lines = raw.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1:])
    raise ReaderError("front matter is not closed: no second '---' line")


class _NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases (*name): a few lines of them expand exponentially (a YAML "billion laughs")."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise ReaderError(f"front matter uses a YAML alias (*), line {mark.line + 2}; write the value out")
        return super().compose_node(parent, index)


def _load_yaml(yaml_text: str) -> dict:
    try:
        data = yaml.load(yaml_text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 2}" if mark is not None else ""   # +1: 0-based, +1: the '---'
        raise ReaderError(f"front matter is not valid YAML: {exc.problem or exc.context}{where}") from None
    except yaml.YAMLError as exc:
        raise ReaderError(f"front matter is not valid YAML: {clean_inline(str(exc))}") from None
    except (ValueError, OverflowError) as exc:      # an impossible date YAML reads as one: 1962-13-45
        raise ReaderError(f"front matter holds a value YAML cannot read ({clean_inline(str(exc))}); "
                          "put it in quotes") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ReaderError("front matter must be a mapping of fields (title:, date: ...)")
    return data


def _front_matter_fields(data: dict) -> Metadata:
    meta = Metadata(kind="front-matter")
    for key, value in data.items():
        plain_key = re.sub(r"[\s-]+", "_", str(key).strip().lower())
        name = FIELD_ALIASES.get(plain_key, plain_key)
        if value is None:
            continue
        if name in TEXT_FIELDS:
            meta.fields[name] = _text_value(name, value)
        elif name == "id":
            meta.fields["id"] = _text_value("id", value)
        elif name == "date":
            meta.fields["date"] = parse_date(_date_text(value))
        elif name == "speakers":
            meta.fields["speakers"] = _name_list(value)
        elif name == "participants":
            meta.fields["participants"] = people_from_value(value)
        else:
            meta.extra[str(key)] = _plain_value(value)
    return meta


def _split_header(raw: str) -> tuple[Metadata, str] | None:
    """A block of known 'Key: value' lines at the very top, ended by a blank line."""
    lines = raw.splitlines(keepends=True)
    meta = Metadata(kind="header")
    for i, line in enumerate(lines[:MAX_HEADER_LINES + 1]):
        if not line.strip():
            return (meta, "".join(lines[i + 1:])) if meta.fields else None
        match = HEADER_LINE.match(line.rstrip("\r\n"))
        key = match and HEADER_KEYS.get(match.group(1).strip().lower().replace("_", " ").replace("-", " "))
        if not key or not match.group(2):
            return None
        _add_header_field(meta, key, match.group(2))
    return None


def _add_header_field(meta: Metadata, key: str, value: str) -> None:
    value = clean_inline(value)
    if key == "date":
        meta.fields["date"] = parse_date(value)
    elif key == "president":
        meta.fields["speakers"] = [value]
        meta.extra["president"] = value
    elif key == "speakers":
        meta.fields["speakers"] = _name_list(value)
    elif key == "participants":
        meta.fields["participants"] = people_from_value(value)
    else:
        meta.fields[key] = value


# --------------------------------------------------------------------------------------------
# Field values

def _text_value(name: str, value) -> str:
    if isinstance(value, (dict, list, tuple, set)):
        raise ReaderError(f"front matter field '{name}' must be text, not a {_kind(value)}")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return clean_inline(str(value))


def _date_text(value) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (dict, list, tuple, set)):
        raise ReaderError(f"front matter field 'date' must be one date, not a {_kind(value)}")
    return str(value)


def _kind(value) -> str:
    return "mapping" if isinstance(value, dict) else "list"


def _plain_value(value):
    """A YAML value made JSON-friendly for record.extra (dates become ISO text)."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain_value(v) for v in value]
    return value


def _name_list(value) -> list[str]:
    """'A; B' or ['A', 'B'] -> ['A', 'B'] (the speaker(s) of the whole text)."""
    items = value if isinstance(value, (list, tuple)) else str(value).split(";")
    names = []
    for item in items:
        if isinstance(item, dict):
            item = item.get("name", "")
        name = clean_inline(str(item))
        if name:
            names.append(name)
    return names


def people_from_value(value) -> list[PersonRef]:
    """Participants as a list of names, of {name, role, post, side} mappings, or 'A; B' text."""
    if isinstance(value, str):
        value = value.split(";")
    elif isinstance(value, dict):
        value = [value]
    elif not isinstance(value, (list, tuple)):
        value = [value]
    people = []
    for item in value:
        person = _person(item)
        if person is not None:
            people.append(person)
    return people


def _person(item) -> PersonRef | None:
    if isinstance(item, dict):
        as_printed = clean_inline(str(item.get("name") or ""))
        if not as_printed:
            raise ReaderError("a participant has no name (write '- name: ...')")
        role = clean_inline(str(item.get("role") or "participant")).lower()
        if role not in ROLES:
            raise ReaderError(f"participant role {role!r} is not one of: {', '.join(ROLES)}")
        return PersonRef(name=_display_name(as_printed), role=role, as_printed=as_printed,
                         post=_optional(item.get("post")), side=_optional(item.get("side")),
                         kind=clean_inline(str(item.get("kind") or "person")))
    as_printed = clean_inline(str(item))
    if not as_printed:
        return None
    return PersonRef(name=_display_name(as_printed), as_printed=as_printed)


def _display_name(as_printed: str) -> str:
    return strip_honorifics(as_printed) or as_printed


def _optional(value) -> str | None:
    return clean_inline(str(value)) or None if value is not None else None


# --------------------------------------------------------------------------------------------
# File names

def filename_metadata(stem: str, path: Path | None = None, root: Path | None = None) -> Metadata:
    """Metadata carried by a file name: 'YYYY-MM-DD-slug', '<ISO3>_<session>_<year>', '..._1962'."""
    dated = DATED_NAME.match(stem)
    if dated:
        return _dated_name_metadata(dated)
    ungdc = UNGDC_NAME.match(stem)
    if ungdc:
        return _ungdc_metadata(ungdc, path, root)
    year = TRAILING_YEAR.search(stem)
    if year and 1500 <= int(year.group(1)) <= 2100:
        return Metadata(fields={"date": parse_date(year.group(1))})
    return Metadata()


def _dated_name_metadata(match: re.Match) -> Metadata:
    year, month, day, slug = match.groups()
    meta = Metadata()
    try:
        meta.fields["date"] = parse_date(f"{year}-{month}-{day}")
    except ReaderError:
        return meta                       # '2020-99-99-x' is a name, not a date
    if slug:
        meta.fields["title"] = title_from_slug(slug)
        doc_type = doc_type_from_slug(slug)
        if doc_type:
            meta.fields["doc_type"] = doc_type
    return meta


def title_from_slug(slug: str) -> str:
    """'address-buildup-arms-cuba' -> 'Address Buildup Arms Cuba'; 'state-union-address' ->
    'State of the Union Address'."""
    words = [w for w in re.split(r"[-_ ]+", slug.lower()) if w]
    shown = []
    for i, word in enumerate(words):
        if word in SLUG_WORD_FORMS:
            shown.append(SLUG_WORD_FORMS[word])
        elif i and word in SMALL_WORDS:
            shown.append(word)
        else:
            shown.append(word[:1].upper() + word[1:])
    return re.sub(r"\bState Union\b", "State of the Union", " ".join(shown))


def doc_type_from_slug(slug: str) -> str | None:
    normalized = "-" + re.sub(r"[-_ ]+", "-", slug.lower()) + "-"
    for words, doc_type in SLUG_TYPES:
        if any(f"-{w}-" in normalized for w in words):
            return doc_type
    return None


def humanize_stem(stem: str) -> str:
    """'notes_on_cuba' -> 'Notes on Cuba'; a stem with capitals keeps them."""
    words = [w for w in re.split(r"[-_ ]+", stem) if w]
    if not words:
        return stem
    if stem == stem.lower():
        return title_from_slug(stem)
    return " ".join(words)


# UN General Debate corpus ---------------------------------------------------------------------

SPEAKERS_CSV = "Speakers_by_session.csv"


def _ungdc_metadata(match: re.Match, path: Path | None, root: Path | None) -> Metadata:
    iso, session, year = match.groups()
    meta = Metadata(fields={"date": parse_date(year), "doc_type": "speech"},
                    extra={"country": iso, "session": int(session)})
    row = _ungdc_speaker_row(path, root, year, iso)
    country = row.country if row else iso
    meta.fields["title"] = f"UN General Debate, session {int(session)} ({year}): {country}"
    if row:
        meta.extra["country_name"] = row.country
        names = _distinct(_table_name(n) for n in row.names)       # in the table's order
        meta.fields["speakers"] = names
        if len(names) == 1 and row.post:
            meta.extra["post"] = row.post
    return meta


# 'H.M.', 'H. M.', 'H.R.H.', 'H.E.': His Majesty, His Royal Highness, His Excellency -- a style, not a name.
STYLE = re.compile(r"^H\.\s?(?:R\.\s?)?[MHE]\.\s+")
REGNAL_NUMBER = re.compile(r"[IVX]{2,5}")


def _table_name(printed: str) -> str:
    """'Mr. Mohammad Ayub KHAN' -> 'Mohammad Ayub Khan': the table prints surnames in capitals.
    'H.M. King FREDERIK IX' -> 'Frederik IX': the style and the title go, the regnal number stays."""
    printed = STYLE.sub("", printed.strip())
    words = _display_name(printed).split()
    regnal = len(words) > 1 and REGNAL_NUMBER.fullmatch(printed.split()[-1].upper()) and \
        printed.split()[-1].isupper()
    return " ".join(w.upper() if regnal and i == len(words) - 1 else
                    w.capitalize() if w.isupper() and len(w) > 2 else w for i, w in enumerate(words))


def _distinct(names) -> list[str]:
    """Names without repeats ('Mr. GROMYKO ' and 'Mr. Gromyko' are one), first spelling kept."""
    seen, kept = set(), []
    for name in names:
        if name.lower() not in seen:
            seen.add(name.lower())
            kept.append(name)
    return kept


@dataclass
class _SpeakerRow:
    country: str
    names: list[str]
    post: str | None


def _ungdc_speaker_row(path: Path | None, root: Path | None, year: str, iso: str) -> _SpeakerRow | None:
    csv_path = _find_in_ancestors(path, root, SPEAKERS_CSV) if path else None
    if csv_path is None:
        return None
    return _load_speakers(str(csv_path), csv_path.stat().st_mtime_ns).get((year, iso))


def _find_in_ancestors(path: Path, root: Path | None, name: str, max_levels: int = 4) -> Path | None:
    """`name` in the file's folder or an ancestor, up to `root` (or `max_levels` up without one)."""
    folder = path.resolve().parent
    stop = root.resolve() if root is not None else None
    if stop is not None and stop.is_file():
        stop = stop.parent
    for level, candidate in enumerate([folder, *folder.parents]):
        if (candidate / name).is_file():
            return candidate / name
        if candidate == stop or (stop is None and level >= max_levels):
            return None
        if stop is not None and stop not in candidate.parents:
            return None
    return None


@lru_cache(maxsize=8)
def _load_speakers(csv_path: str, _mtime: int) -> dict[tuple[str, str], _SpeakerRow]:
    """Speakers_by_session.csv as {(year, ISO code): row}, read once per file version."""
    rows: dict[tuple[str, str], _SpeakerRow] = {}
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        for rec in csv.DictReader(handle):
            key = ((rec.get("Year") or "").strip(), (rec.get("ISO Code") or "").strip())
            name = _fix_ocr_honorific(clean_inline(rec.get("Name of Person Speaking")))
            if not all(key) or not name:
                continue
            row = rows.setdefault(key, _SpeakerRow(clean_inline(rec.get("Country")), [], None))
            row.names.append(name)
            row.post = row.post or clean_inline(rec.get("Post")) or None
    return rows


def _fix_ocr_honorific(name: str) -> str:
    """The table's OCR slips on 'Mr.' (SOURCE.md: 'Mir. GROMYKO')."""
    return re.sub(r"^Mir\.\s+", "Mr. ", name)


# --------------------------------------------------------------------------------------------
# Body text and the record

def lines_are_paragraphs(body: str) -> bool:
    """True when every line is a paragraph: almost no blank lines, or mostly long unwrapped lines."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    lines = [line for line in body.split("\n") if line.strip()]
    if len(lines) < 2:
        return False
    blank_breaks = len(re.findall(r"\n[ \t]*\n", body))
    if blank_breaks <= 0.1 * (len(lines) - 1):
        return True
    return sum(len(line) > 120 for line in lines) > 0.5 * len(lines)


def paragraph_text(body: str) -> str:
    return normalize_text(body, single_newline=lines_are_paragraphs(body))


def first_line_title(text: str) -> str | None:
    """The first paragraph, if it reads like a title: short, no final period, colon or comma."""
    first, _, rest = text.partition("\n\n")
    first = first.lstrip("# ").strip()
    if not rest or not first or len(first) > 100 or len(first.split()) > 14:
        return None
    if first[-1] in ".,;:" or not first[0].isalnum() and first[0] not in "\"'(":
        return None
    return first


def has_question_turns(text: str) -> bool:
    """Q&A or dialogue turn markers at line starts ('Q.', 'THE PRESIDENT.', 'MR. SCHWAB:')."""
    if len(QUESTION_TURN.findall(text)) >= 2:
        return True
    labels: dict[str, int] = {}
    for label in CAPS_LABEL_TURN.findall(text):
        if not CROWD_LABEL.search(label):
            labels[label] = labels.get(label, 0) + 1
    labels["THE PRESIDENT"] = max(labels.get("THE PRESIDENT", 0), len(PRESIDENT_TURN.findall(text)))
    repeated = [n for n in labels.values() if n >= 2]
    return len(repeated) >= 2 and sum(repeated) >= 4


def build_record(path: Path, meta: Metadata, body: str, options) -> DocumentRecord:
    name_meta = filename_metadata(file_stem(path), path, getattr(options, "root", None))
    fields = {**name_meta.fields, **meta.fields}
    extra = {**name_meta.extra, **meta.extra}
    text = paragraph_text(body)
    if not text:
        raise ReaderError(no_text_reason(meta.kind))
    speakers = _distinct(fields.get("speakers") or [])
    if len(speakers) > 1:
        extra["speakers"] = speakers
    record = DocumentRecord(
        native_id=fields.get("id") or file_stem(path),
        title=fields.get("title") or first_line_title(text) or humanize_stem(file_stem(path)),
        text=text,
        source=fields.get("source") or getattr(options, "source", None),
        doc_type=_doc_type(fields, meta, text, bool(speakers)),
        date=fields.get("date") or DateInfo(),
        default_speaker=speakers[0] if len(speakers) == 1 else None,
        participants=fields.get("participants") or speaker_people(speakers),
        extra=extra,
    )
    if len(speakers) > 1:
        record.passages = several_speakers_passages(body, text, speakers, record.date.start,
                                                    country_names(extra))
    for name in ("place", "original_language", "citation", "archive", "classification",
                 "summary", "url"):
        setattr(record, name, fields.get(name))
    if fields.get("language"):
        record.language = fields["language"]
    if is_archive_release(text):
        add_release_fields(record, fields)
    elif _INTERVIEWED.search(text[:6000]) and _SOURCE_SAID.search(text):
        _add_report_people(record, [text[s:e] for s, e in paragraph_spans(text)])   # a page without the stamp
    return record


# Several speakers of one text ------------------------------------------------------------------
#
# A UN General Debate file may hold two speeches (Speakers_by_session.csv lists two speakers for
# it): the verbatim record's paragraphs are one per line, and the second speech follows after a
# blank line, its paragraph numbers starting afresh ('32.' ... then '1.', or '114.' then '132.'),
# sometimes opening with the record's label 'Mr. JAWAD (Iraq):'. Where the text shows no such
# sign, the document keeps all its speakers (extra['speakers'], participants) and no paragraph is
# given to any one of them.

SPEAKER_LABEL = re.compile(r"^(?:\d{1,3}\.\s+)?(?P<label>[A-Z][^\n():]{1,60}?)\s*\([A-Z][^)\n]{1,40}\)\s*:")


def speaker_sections(body: str | None, text: str, speakers: list[str],
                     country: tuple[str, ...] = ()) -> list[tuple[int, str]] | None:
    """[(start offset in `text`, speaker)] where each listed speaker takes over, or None when the
    text gives no sign of it. `text` is `body` normalized (paragraph_text)."""
    starts = _block_starts(body, text) if body is not None else None
    if starts is not None and (len(starts) != len(speakers) or _numbering_runs_on(text, starts)
                               or not _blocks_signalled(body, text, speakers, country, starts)):
        starts = None
    labelled = _labelled_starts(text, speakers)
    if starts is None:
        if len({name for _, name in labelled}) == len(speakers):
            return labelled
        return _signalled_sections(body, text, speakers, country)
    sections = list(zip(starts, speakers))
    by_start = dict(labelled)
    return [(start, by_start.get(start, name)) for start, name in sections]


def _block_starts(body: str, text: str) -> list[int] | None:
    """Offsets in `text` of the blocks that blank lines separate in a one-line-per-paragraph body."""
    if not lines_are_paragraphs(body):
        return None
    blocks = [normalize_text(b, single_newline=True) for b in re.split(r"\n[ \t]*\n\s*", body.strip())]
    blocks = [b for b in blocks if b]
    if "\n\n".join(blocks) != text:
        return None
    starts, pos = [], 0
    for block in blocks:
        starts.append(pos)
        pos += len(block) + 2
    return starts


PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3})\.\s", re.M)


def _numbering_runs_on(text: str, starts: list[int]) -> bool:
    """True when the UN paragraph numbers go on across a blank line ('31.' then '32.'): one speech."""
    for previous, start in zip(starts, starts[1:]):
        before = PARAGRAPH_NUMBER.findall(text[previous:start])
        after = PARAGRAPH_NUMBER.search(text[start:start + 5000])
        if before and after and int(after.group(1)) == int(before[-1]) + 1:
            return True
    return False


# Signs that a second speech starts at a paragraph, where blank lines do not show it: the
# paragraph numbers start again at '1.' (2 points) or jump ('46.' then '164.'); the paragraph
# opens as General Debate speeches do (congratulating the President of the Assembly, thanking him
# for his welcome); it follows a blank line; or a paragraph soon after it refers to the first
# speaker in the third person ('The President of Pakistan, Mohammad Ayub Khan, in his address').
# A section needs 2 points and must be the only best place; otherwise no paragraph gets a speaker.
_NOT_SENTENCE_END = r"(?:[^.]|\b(?:Mr|Mrs|Dr|St)\.)"           # 'Mr.' ends no sentence
SPEECH_OPENING = re.compile(
    rf"\b(?:congratulat|felicitat)\w*\b{_NOT_SENTENCE_END}{{0,200}}?\b(?:President|election|elected)\b"
    rf"|\b(?:President|election|elected)\b{_NOT_SENTENCE_END}{{0,200}}?\b(?:congratulat|felicitat)\w*"
    rf"|\bthank\w*\b{_NOT_SENTENCE_END}{{0,150}}?\b(?:welcome|kind words|greetings?)\b", re.IGNORECASE)
REPORTING = (r"(?:said|stated|declared|told|spoke|address(?:ed)?|speech|statement|proposals?|emphasized"
             r"|urged|pointed out|set forth|explained|outlined|referred)")
_HEAD_TITLE = (r"(?:President|Prime Minister|Chairman of the Council of Ministers|Head of (?:State|Government)"
               r"|Foreign Minister|Minister (?:for|of) (?:Foreign|External) Affairs|King|Emperor)")
THIRD_PERSON_TITLE = re.compile(
    rf"\b(?:(?:[Mm]y|[Oo]ur) {_HEAD_TITLE}|[Tt]he {_HEAD_TITLE} of (?:(?:my|our) (?:country|Government)"
    rf"|(?:the )?(?P<country>[A-Z][\w.\-]+(?: (?:of )?[A-Z][\w.\-]+){{0,3}}))|[Tt]he head of (?:my|our) delegation)\b")
# Former names by which a speech calls the country of the table's ISO code.
COUNTRY_ALIASES = {"RUS": ("USSR", "U.S.S.R.", "Soviet Union", "Union of Soviet Socialist Republics"),
                   "COD": ("Congo", "Zaire"), "MMR": ("Burma",), "LKA": ("Ceylon",), "IRN": ("Iran",)}


def _signalled_sections(body: str | None, text: str, speakers: list[str],
                        country: tuple[str, ...] = ()) -> list[tuple[int, str]] | None:
    """Where the second of two speakers takes over, from the signs above, or None. `country`:
    the names of the speakers' country ('the President of Pakistan' is the first speaker).
    A paragraph whose number continues the run ('52.', '53.') never starts a speech."""
    if len(speakers) != 2:
        return None
    spans, scores = _sign_points(body, text, speakers, country)
    if not scores:
        return None
    best = max(scores)
    if best < 2 or scores.count(best) > 1:
        return None
    return [(0, speakers[0]), (spans[scores.index(best)][0], speakers[1])]


def _blocks_signalled(body: str, text: str, speakers: list[str], country: tuple[str, ...],
                      starts: list[int]) -> bool:
    """Whether every block after the first starts with 2 points of the signs above. The blank
    line is one of them, never enough alone: a speech may open with a quotation set apart by a
    blank line (ETH 1960: the message it reads, then 'The presence at this fifteenth session')."""
    spans, scores = _sign_points(body, text, speakers[:2], country)
    points = {span[0]: score for span, score in zip(spans, scores)}
    return all(points.get(start, 0) >= 2 for start in starts[1:])


def _sign_points(body: str | None, text: str, speakers: list[str],
                 country: tuple[str, ...]) -> tuple[list[tuple[int, int]], list[int]]:
    """(paragraph spans, each paragraph's points as the start of the second speech); no points
    for a text of fewer than 4 paragraphs."""
    spans = paragraph_spans(text)
    paras = [text[s:e] for s, e in spans]
    if len(paras) < 4:
        return spans, []
    scores = [0] * len(paras)
    numbers = _paragraph_numbers(paras)
    blocks = set(_block_starts(body, text) or []) if body is not None else set()
    for i in range(2, len(paras)):
        scores[i] += _numbering_break(numbers, paras, i)
        scores[i] += bool(SPEECH_OPENING.search(paras[i][:400]))
        scores[i] += spans[i][0] in blocks
    for r in range(2, len(paras)):
        if _refers_to(paras[r], speakers[0], country):
            for i in range(max(2, r - 4), r + 1):
                scores[i] += 1
            break
    for i in range(2, len(paras)):
        if _numbering_continues(numbers, i) or not _starts_paragraph(paras, i):
            scores[i] = 0
    return spans, scores


LOOSE_NUMBER = re.compile(r"^(\d{1,3})(?:[.,*:;]|o(?= ))?\s+(?=\S)")


def _paragraph_numbers(paras: list[str]) -> list[int | None]:
    """Each paragraph's printed number: '12.', or an OCR slip ('163,', '83*', '102 In') where it
    continues the run."""
    numbers: list[int | None] = []
    last = None
    for para in paras:
        strict, loose = PARAGRAPH_NUMBER.match(para), LOOSE_NUMBER.match(para)
        number = int(strict.group(1)) if strict else None
        if number is None and loose and last is not None and 0 < int(loose.group(1)) - last <= 2:
            number = int(loose.group(1))
        numbers.append(number)
        last = number if number is not None else last
    return numbers


def _numbering_continues(numbers: list[int | None], i: int) -> bool:
    before = [n for n in numbers[:i] if n is not None]
    return numbers[i] is not None and bool(before) and 0 < numbers[i] - before[-1] <= 2


def _starts_paragraph(paras: list[str], i: int) -> bool:
    """Not a line the OCR broke off mid-sentence ('from us for more than a century ...'), nor
    a quotation or list item after 'read as follows:'."""
    return bool(re.match(r"[A-Z0-9]", paras[i])) and bool(re.search(r"[.!?\"'”’)\]]\s*$", paras[i - 1]))


def _numbering_break(numbers: list[int | None], paras: list[str], i: int) -> int:
    """Points for a break in the paragraph numbers at paragraph i: 2 where they start again at
    1, or where an unnumbered paragraph (a speech's first, whose number went with the speaker's
    label) is followed by a number that does not continue the run ('46.', -, '164.'); 1 where
    the numbers jump."""
    if numbers[i] is None:
        if i + 1 >= len(numbers) or numbers[i + 1] is None or LOOSE_NUMBER.match(paras[i]):
            return 0
        here, step, unnumbered = numbers[i + 1], 2, True
    elif numbers[i - 1] is None:
        return 0                                       # counted at the unnumbered paragraph
    else:
        here, step, unnumbered = numbers[i], 1, False
    before = [n for n in numbers[:i] if n is not None]
    if not before:
        return 0
    if here <= 2 and before[-1] >= 5:
        return 2
    if abs(here - (before[-1] + step)) <= 1:
        return 0
    return 2 if unnumbered else 1


def _refers_to(para: str, first_speaker: str, country: tuple[str, ...] = ()) -> bool:
    """Whether the paragraph speaks of the first speaker in the third person."""
    surname = first_speaker.split()[-1]
    if len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b[^.]{{0,120}}?\b{REPORTING}\b", para):
        return True
    for match in THIRD_PERSON_TITLE.finditer(para):
        named = match.group("country")
        if named and not any(named.startswith(name) for name in country):
            continue                                   # the President of the Assembly, of another State
        if re.match(rf"[^.]{{0,160}}?\b{REPORTING}\b", para[match.end():]):
            return True
    return False


def _labelled_starts(text: str, speakers: list[str]) -> list[tuple[int, str]]:
    """Paragraphs opening with the record's label for a listed speaker: 'Mr. JAWAD (Iraq):'."""
    found = []
    for start, end in paragraph_spans(text):
        match = SPEAKER_LABEL.match(text[start:end])
        if not match:
            continue
        label = (strip_honorifics(match.group("label")) or match.group("label")).lower().split()
        named = [name for name in speakers if label and name.lower().split()[-1] == label[-1]]
        if len(named) == 1:
            found.append((start, named[0]))
    return found


def country_names(extra: dict) -> tuple[str, ...]:
    """The names a UN speech may call its own country by: the table's, and former names."""
    names = [extra.get("country_name") or "", *COUNTRY_ALIASES.get(extra.get("country") or "", ())]
    return tuple(name for name in names if name)


def speaker_names(value) -> list[str]:
    """'A; B' or ['A', 'B'] -> ['A', 'B'], each name once."""
    return _distinct(_name_list(value))


def several_speakers_passages(body: str | None, text: str, speakers: list[str], on,
                              country: tuple[str, ...] = ()) -> list[PassageRecord] | None:
    """Passages for a text with several listed speakers, or None when it shows no sections.
    Without the raw `body` (a table's text cell) only the record's labels can show them."""
    sections = speaker_sections(body, text, speakers, country)
    return _section_passages(text, sections, on) if sections else None


def _section_passages(text: str, sections: list[tuple[int, str]], on) -> list[PassageRecord]:
    """Every paragraph is the speech of the speaker whose section it lies in."""
    names = [(start, canonical_name(name, {}, on)) for start, name in sections]
    passages = []
    for s, e in paragraph_spans(text):
        speaker = None
        for start, name in names:
            if start <= s:
                speaker = name
        passages.append(PassageRecord(s, e, speaker, "text"))
    return passages


def speaker_people(speakers: list[str]) -> list[PersonRef]:
    """Several speakers of one whole text (a joint statement) are its authors."""
    if len(speakers) < 2:
        return []
    return [PersonRef(name=_display_name(s), role="author", as_printed=s) for s in speakers]


def _doc_type(fields: dict, meta: Metadata, text: str, has_speaker: bool) -> str | None:
    return infer_doc_type(meta.fields.get("doc_type"), fields.get("doc_type"), text,
                          has_speaker, speaker_header=meta.kind == "header")


def infer_doc_type(explicit: str | None, from_name: str | None, text: str, has_speaker: bool,
                   speaker_header: bool = False) -> str | None:
    """An explicit type wins; else the file-name type, where a speech (or a text with one
    speaker) that has Q&A turns is a transcript, and a 'President:' header makes a speech."""
    if explicit:
        return explicit
    if from_name in ("debate", "news-conference"):
        return from_name
    speech_like = from_name == "speech" or (from_name is None and has_speaker)
    if speech_like and has_question_turns(text):
        return "transcript"
    if from_name is None and has_speaker and speaker_header:
        return "speech"
    return from_name


def file_stem(path: Path) -> str:
    """The file name without a text extension ('x.txt' -> 'x'; '2020-08-08-press-conference' stays)."""
    name = path.name
    return name[: -len(path.suffix)] if path.suffix.lower() in EXTENSIONS and path.suffix else name


# Archive releases in OCR (the National Archives' JFK releases) ------------------------------------
#
# An OCR'd release page keeps its stamps ('2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY
# ASSASSINATION RECORDS ACT OF 1992', 'Photocopy from Gerald R. Ford Library'), the archive's
# Identification Form ('TITLE:', 'DATE: 12/10/1962', 'DOCUMENT TYPE: MEMORANDUM') and then the
# document. A 'MEMORANDUM FOR THE RECORD' (or 'FOR THE FILE') is the record of a meeting or talk:
# its body starts after that heading and the SUBJECT line, its date is the dateline printed above
# it ('10 December 1962'), and its writer is the official who signs it. The text is left as the
# OCR gave it: stamps and stray lines are told apart when speakers are given (corpus.speakers).

# The release stamp, also where OCR lost its first word ('2025 — UNDER THE PRESIDENT JOHN F. KENNEDY
# ASSASSINATION RECORDS ACT OF 1992').
_RELEASE_STAMP = re.compile(r"RELEASE UNDER THE PRESIDENT JOHN F\.? KENNEDY ASSASSINATION|JFK Assassination\s+System"
                            r"|\bUNDER THE PRESIDENT JOHN F\.? KENNEDY ASSASSINATION RECORDS ACT\b", re.IGNORECASE)
_FOR_THE_RECORD = re.compile(
    r"^\W{0,3}(?:\w{1,3}\W+)?MEMO\w{0,6}\s+(?:FOR\W+(?:T\s?[HIN]\s?E\W+)?(?:R\s?E\s?C\s?O\s?R\s?D|FILES?)"
    r"|OF\s+(?:THE\s+)?(?:CONVERSATION|MEETING|DISCUSSION))\b")              # a heading in capitals
# 'SUBJECT: Meeting with the President': a record of a meeting even where OCR lost the heading.
_MEETING_SUBJECT = re.compile(r"\b(?:meeting|conversation|discussion|talk|briefing|luncheon|call)\b", re.IGNORECASE)
_SUBJECT_LINE = re.compile(r"^\W{0,6}(?:\w{1,3}\W+)?S\s?U\s?B\s?[JIl1]\s?E\s?C\s?T\s*[:;.]\s*(?P<subject>.+)$",
                           re.IGNORECASE)                       # OCR: 'SUBIECT:', 'suBJECT:'

_FORM_FIELD = re.compile(r"^(?P<key>TITLE|DATE|FROM|DOCUMENT TYPE)[ \t]*:[ \t]*[=\-—]*[ \t]*(?P<value>\S.*)$",
                         re.IGNORECASE | re.MULTILINE)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<date>\d{{1,2}}\s+{_MONTH}\s*,?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},\s+\d{{4}})\b")
_SIGNED_NAME = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]+)(?:\s+[A-Z]\.)?\s+(?:(?:De|de|Del|Della|Di|Du|La|Le|Van|van|Von|von)\s+)?"
                          r"(?:Ma?c\s?)?[A-Z][A-Za-z']+$")
# A CIA component's office symbol after a case officer's signed name ('Alfonso Rodriguez SAS/SO',
# 'Louis De Santi SAS/CI/CP'): a signature as sure as a middle initial.
_OFFICE_SYMBOL = re.compile(r"\s+[A-Z]{2,5}(?:/[A-Z]{1,6}){1,3}$")
# An FBI report (a letterhead memorandum, an SAC's letter to the Director): what the Bureau's
# informants and sources told it ('MM T-1 advised that ...', 'MALONE stated that ...').
_FBI_LETTERHEAD = re.compile(r"\bloaned to you by the FBI\b|\bproperty\s+of\s+the\s+FBI\s+and\s+is\s+loaned\b|\bIn Reply,? Please Refer to\b", re.IGNORECASE)
_FBI_ADDRESS = re.compile(r"^\W{0,3}(?:TO:?\s+)?DIRECTOR,\s+FBI\b|^\W{0,3}(?:FROM:?\s+)?SAC,\s+[A-Z]{3,}", re.MULTILINE)
# An address run into one OCR line ('TO: DIRECTOR, FBI 4 FROM: SAC, MIAME (105-12062)', the form's
# 'FROM: SAC, MM TO: DIRECTOR, FBI').
_FBI_ADDRESS_LINE = re.compile(r"\bTO:?\s+DIRECTOR,\s+FBI\b[^\n]{0,40}?\bFROM:?\s+SAC,\s+[A-Z]{2,}"
                               r"|\bFROM:?\s+SAC,\s+[A-Z]{2,}[^\n]{0,40}?\bTO:?\s+DIRECTOR,\s+FBI\b")
_REPORT_OPENING = re.compile(r"^\W{0,3}(?:Re\s+[A-Z]|RE:|DIRECTOR,\s+FBI|SAC,\s)|\bFile N[oa][.,]", re.MULTILINE)


def is_archive_release(text: str) -> bool:
    return bool(_RELEASE_STAMP.search(text[:3000]))


def add_release_fields(record: DocumentRecord, fields: dict) -> None:
    """Date, title, type, body and writer of a memorandum for the record in an OCR release, where
    front matter did not give them; the US government's records take the US side."""
    text = record.text
    spans = paragraph_spans(text)
    paras = [text[s:e] for s, e in spans]
    form = {m.group("key").upper(): clean_inline(m.group("value")) for m in _FORM_FIELD.finditer(text[:6000])}
    record.extra.setdefault("home_side", "US")
    record.extra["archive_release"] = True            # read as a record, never as a transcript (corpus.speakers)
    _add_report_fields(record, fields, paras, spans)
    _add_report_people(record, paras)
    heading = next((i for i, para in enumerate(paras) if _FOR_THE_RECORD.match(para)), None)
    if heading is None:
        heading = next((i for i, para in enumerate(paras[:80]) if (m := _SUBJECT_LINE.match(para))
                        and _MEETING_SUBJECT.search(m.group("subject"))), None)
    if heading is None:
        heading = _addressed_memorandum(paras[:80])
    sections = memorandum_sections(text, _form_date(form.get("DATE")).start if _form_date(form.get("DATE")) else None)
    if len(sections) >= 2:
        record.extra["memoranda"] = sections            # a compilation: see memorandum_sections
        record.extra["for_the_record"] = True
    if heading is None:
        return
    body = heading + 1
    subject = None
    for i in range(max(0, heading - 4), min(len(paras), heading + 3)):
        match = _SUBJECT_LINE.match(paras[i])
        if match:
            subject = clean_inline(match.group("subject")).strip(" ;,.")
            body = max(body, i + 1)
    record.extra["for_the_record"] = True
    record.extra["body_span"] = [spans[body][0] if body < len(spans) else len(text), len(text)]
    if not fields.get("doc_type"):
        record.doc_type = "memorandum"
    if not fields.get("date"):
        record.date = _dateline_before(paras, heading) or _form_date(form.get("DATE")) or record.date
    if not fields.get("title") and (subject or form.get("TITLE")):
        record.title = subject or form["TITLE"]
    if not fields.get("participants"):
        record.participants = (_release_writer(paras[body:]) or _form_writer(form.get("FROM"), record.date.start)
                               or _initialled_writer(paras[body:], text, record.date.start))


# A memorandum addressed to an office ('MEMORANDUM FOR: Chief, Support Branch', then 'FROM :' and
# 'SUBJECT :' lines): its writer's account, numbered paragraphs of what he did and was told.
_ADDRESSED_MEMO = re.compile(r"^\W{0,3}MEMORANDUM\s+FOR\s*:")
_SUBJECT_FIELD = re.compile(r"\sSUBJECT\s*[:;.]\s")                  # 'FROM : ... SUBJECT : ...' run together


def _addressed_memorandum(paras: list[str]) -> int | None:
    """The heading of an addressed memorandum with a SUBJECT line within the next three paragraphs."""
    for i, para in enumerate(paras):
        if _ADDRESSED_MEMO.match(para) and any(_SUBJECT_LINE.match(p) or _SUBJECT_FIELD.search(p) for p in paras[i:i + 4]):
            return i
    return None


def _add_report_fields(record: DocumentRecord, fields: dict, paras: list[str], spans) -> None:
    """An FBI report in the release: marked `source_report` (its paragraphs report what sources said),
    a `letter` when an SAC writes to the Director, else a letterhead `memorandum`; its body starts
    after the address and reference lines ('SAC, NEW YORK', 'Re NYlet to Director', 'RE: ...')."""
    text = record.text
    addressed = len(_FBI_ADDRESS.findall(text[:8000])) >= 2 or bool(_FBI_ADDRESS_LINE.search(text[:8000]))
    if not (addressed or _FBI_LETTERHEAD.search(text)) or _FOR_THE_RECORD.search(text[:8000]):
        return
    record.extra["source_report"] = True
    if not fields.get("doc_type"):
        record.doc_type = "letter" if addressed else "memorandum"
    opening = [i for i, para in enumerate(paras[:len(paras) // 2]) if _REPORT_OPENING.search(para)]
    if opening and opening[-1] + 1 < len(spans):
        record.extra["body_span"] = [spans[opening[-1] + 1][0], len(text)]


# Contact and interview reports speak of their man as 'Subject' and 'Source' ('Subject described AZCUE
# as ...', 'Source said that ...'). 'Subject' is the person the SUBJECT line names ('SUBJECT : Jose Antonio
# CASAS Rodriguez 201-327702': a name with its surname in capitals); 'Source' is the person the report says
# was interviewed ('On 24 April 1962, Ignacio Pla Martinez, A-12003519, born ..., was interviewed.').
_PERSON_SUBJECT_LINE = re.compile(r"^\W{0,6}(?:\w{1,3}\W+)?[SB]\s?U\s?B\s?[JIl1]\s?E\s?C\s?T\s*[:;.]\s*(?P<subject>.+)$",
                                  re.IGNORECASE)
_NAME_WORDS = re.compile(r"^(?:(?:[A-Z][a-z]+|[A-Z]\.|de|del|la|y)\s+){0,3}(?:Ma?c)?[A-Z]{3,}(?:\s+(?:[A-Z][a-z]+|[A-Z]{3,})){0,2}$")
_INTERVIEWED = re.compile(r"\bOn\s[^,]{3,25},\s*(?P<name>[^,]{5,60}?),.{0,400}?\b[wv][ae]s\s+inter\w{4,8}\b", re.DOTALL)
_SOURCE_SAID = re.compile(r"\bSource\W{0,2}\s+(?:said|stated|advised|sald)\b")
_SUBJECT_SAID = re.compile(r"\bSubject\s+(?:said|stated|advised|described|believes|believed|indicated|feels|felt)\b"
                           r"|\b[Aa]ccording\s+to\s+Subject\b")
# A bureau's airtel ('FD-36', 'Reference Buairtel ...'): what its sources told it.
_AIRTEL = re.compile(r"\bFD-36\b|\bBu\s?airtel\b")


def _add_report_people(record: DocumentRecord, paras: list[str]) -> None:
    """`report_subject` and `report_source` (see above); an interview report, or an airtel, is read as a
    report of what its sources said (`source_report`)."""
    text = record.text
    subject = next((m.group("subject") for para in paras[:80] for line in para.splitlines()
                    if (m := _PERSON_SUBJECT_LINE.match(line.strip()))), None)
    name = _printed_person(subject, text) if subject else None
    if name:
        record.extra["report_subject"] = name
    opening = "\n\n".join(paras[:60])
    interviewed = _INTERVIEWED.search(opening)
    name = _printed_person(interviewed.group("name"), text, needs_capitals=False) if interviewed else None
    if name:
        record.extra["report_source"] = name
    speaks = len(_SUBJECT_SAID.findall(text)) >= 2 and record.extra.get("report_subject")
    if name or speaks or _AIRTEL.search(text[:8000]):
        record.extra["source_report"] = True


def _printed_person(printed: str, text: str, needs_capitals: bool = True) -> str | None:
    """'[Jose Antonlo CASAS Rodrigues) 201 {327702)' -> 'Jose Antonio Casas Rodriguez': the name without
    brackets and file numbers, each word the OCR misread once written as the text prints it often."""
    words = re.sub(r"[\[\](){}|\"“”'‘’_;:]", " ", printed)
    words = re.split(r"\s(?=\d)|\s-\s", words)[0].split()
    if not words or not 2 <= len(words) <= 5 or not all(re.fullmatch(r"[A-Za-z][A-Za-z.\-]*", w) for w in words):
        return None
    if needs_capitals and not _NAME_WORDS.match(" ".join(words)):
        return None
    if not needs_capitals and not all(w[:1].isupper() or w in ("de", "del", "la", "y") for w in words):
        return None
    return " ".join(_usual_spelling(w, text) for w in words)


def _usual_spelling(word: str, text: str) -> str:
    """'Rodrigues' printed once where the text prints 'RODRIGUEZ' often: the same word misread."""
    counts = {}
    for found in re.findall(rf"\b[A-Za-z]{{{len(word)}}}\b", text):
        counts[found.lower()] = counts.get(found.lower(), 0) + 1
    low = word.lower()
    if counts.get(low, 0) <= 1:
        near = [w for w, n in counts.items() if n >= 3 and sum(a != b for a, b in zip(w, low)) == 1]
        if len(near) == 1:
            low = near[0]
    return low.capitalize() if word.isupper() or word[1:].islower() or len(word) < 2 else word


def _signed_with_symbol(line: str) -> str | None:
    """'Alfonso Rodriguez SAS/SO' -> 'Alfonso Rodriguez': a person's name (not 'Deputy Chief') before an
    office symbol."""
    from ..people import parse_name
    symbol = _OFFICE_SYMBOL.search(line)
    name = line[:symbol.start()].strip() if symbol else ""
    return name if name and _SIGNED_NAME.match(name) and len(parse_name(name).core) >= 2 else None


def _dateline_before(paras: list[str], heading: int) -> DateInfo | None:
    """'10 December 1962' printed in the few paragraphs above the memorandum's heading."""
    for para in reversed(paras[max(0, heading - 6):heading + 1]):
        match = _DAY_MONTH_YEAR.search(para)
        if match and len(para.split()) <= 12:
            try:
                return parse_date(match.group("date"))
            except Exception:                          # an OCR'd date the parser cannot read
                continue
    return None


def _form_date(value: str | None) -> DateInfo | None:
    """The Identification Form's 'DATE: 12/10/1962' (month/day/year; '00/00/0000' is no date)."""
    match = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})$", (value or "").strip(" =-"))
    if not match or match.group(1) == "00":
        return None
    try:
        day = date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    return DateInfo(day, day, "day", value)


def _form_writer(value: str | None, on: date | None = None) -> list[PersonRef]:
    """The Identification Form's 'FROM: MCCONE, JOHN' when it names a person, or 'FROM: DCI'."""
    from ..people import is_office, office_holder
    if value and is_office(value.strip()) and on is not None:
        holder = office_holder(value.strip(), on)
        return [PersonRef(name=holder, role="author", as_printed=value, side="US")] if holder else []
    match = re.fullmatch(r"([A-Z][A-Za-z' ]+),\s*([A-Z][A-Za-z.]+(?:\s+[A-Z]\.?)?)", (value or "").strip())
    if not match:
        return []
    printed = f"{match.group(2)} {match.group(1)}".title()
    return [PersonRef(name=canonical_name(printed), role="author", as_printed=value, side="US")]


def _initialled_writer(body: list[str], text: str, on: date | None) -> list[PersonRef]:
    """The writer's initials at the foot ('JAM:mfb', 'JAM/') when they are the initials of the one
    person the record calls by an office it names ('DCI' -> John A. McCone, 'JAM')."""
    from ..people import office_holder, registry_person
    tail = " ".join(body[-10:])
    found = set()
    for office in re.findall(r"\b(DCI|Director of Central Intelligence|Secretary of State|Secretary of Defense"
                             r"|Attorney General)\b", text):
        holder = office_holder(office, on)
        person = registry_person(holder) if holder else None
        if person is None:
            continue
        initials = "".join(names[0][0] for names in person.forenames) + person.surnames[0][0]
        if re.search(rf"\b{initials.upper()}\s*[:/]", tail):
            found.add(holder)
    if len(found) != 1:
        return []
    return [PersonRef(name=found.pop(), role="author", as_printed=None, side="US")]


def _release_writer(body: list[str]) -> list[PersonRef]:
    """The signer: a name alone on one of the last lines, with a middle initial or known to the
    registry ('John A. McCone'; not 'July Celebrations')."""
    from ..people import names_registry_person
    for para in reversed(body[-12:]):
        name = clean_inline(para).strip(" .,")
        signed = _signed_with_symbol(name)
        if signed:
            return [PersonRef(name=canonical_name(signed), role="author", as_printed=clean_inline(para), side="US")]
        if _SIGNED_NAME.match(name) and (re.search(r"\s[A-Z]\.\s", name) or names_registry_person(name)):
            printed = name.title() if name.isupper() else name
            return [PersonRef(name=canonical_name(printed), role="author", as_printed=name, side="US")]
    return []


# Several memoranda in one release file --------------------------------------------------------
#
# A release file is often a compilation: one memorandum after another (a Director's memoranda for
# the record of a month, a covering note and the memorandum it covers, a letter). Each opens with
# a heading in capitals ('MEMORANDUM FOR THE RECORD', 'MEMORANDUM OF CONVERSATION WITH THE
# ATTORNEY GENERAL', 'ADDITIONAL NOTE IN MY MEMORANDUM OF DISCUSSION WITH THE PRESIDENT',
# 'MEMORANDUM FOR: General Carter', or 'MEMORANDUM' over a SUBJECT line), under a dateline, and
# closes with its writer's signature block ('JOHN A. McCONE / Director', 'Marshall S, Carter /
# Lieutenant General, USA / Acting Director') or the typist's line with the writer's initials
# ('JAM/mfb', 'JAM:mcm'). Each memorandum has its own date, writer and 'I'; whatever follows the
# close up to the next heading (copy lists, cover sheets, a transcript of remarks) is no part of
# it. `extra['memoranda']` lists them (offsets in the record text) where a file holds two or more.

_MEMO_HEADING = re.compile(
    r"\bMEMO\w{0,6}\s+(?:FOR\W+(?:T\s?[HIN]\s?E\W+)?(?:R\s?E\s?C\s?O\s?R\s?D|FILES?)\b|FOR\s*:"
    r"|OF\s+(?:THE\s+)?(?:CONVERSATION|MEETING|DISCUSSION)\b)")
_BARE_MEMO_HEADING = re.compile(r"^\W{0,3}MEMORANDUM\W{0,3}$")
# The typist's line: the writer's initials, then the typist's ('JAM/mfb', 'JAM:mcm', 'MSC:ji').
_TYPIST_LINE = re.compile(r"(?<![\w/])(?P<initials>[A-Z]{2,4})\s?[:/]\s?[a-z]{2,4}\b")
# An office or rank under a signed name ('Director', 'Lieutenant General, USA', 'Acting Director').
_SIGNATURE_OFFICE = re.compile(
    r"(?:\s*\|)?(?:\s+(?:(?:Lieutenant|Major|Brigadier)\s+General|General|Admiral),?\s+USA?F?N?)?"
    r"(?:\s+(?:Acting|Deputy)\s+)?(?:\s*Director(?:\s+of\s+Central\s+Intelligence)?)?\W*$")


def _memo_heading(paras: list[str], i: int) -> bool:
    """A memorandum's heading in capitals, at the head of a short paragraph (not running text)."""
    para = paras[i]
    match = _MEMO_HEADING.search(para)
    if match:                                   # under a dateline at most: '6 December 1963 MEMORANDUM ...'
        return len(para.split()) <= 40 and len(para[:match.start()].split()) <= 8
    return bool(_BARE_MEMO_HEADING.match(para)) and any(
        _SUBJECT_LINE.match(p) for p in paras[i + 1:i + 3])


def _signature_name(para: str) -> str | None:
    """The signed name of a signature block paragraph ('JOHN A. McCONE Director', 'Marshall S,
    Carter Lieutenant General, USA Acting Director', 'Copy to ... memo - JOHN A. McCONE |'): a
    name with a middle initial, or in capitals or over an office and known to the registry (not
    'Ambassador Thompson' alone in a list of those present)."""
    from ..people import names_registry_person
    line = re.sub(r"(?:\s+\d{1,2}\s?-\s?\d{4,5}\W*)+$", "", clean_inline(para)).strip(" .,|")   # a page stamp
    bare = _SIGNATURE_OFFICE.sub("", line).strip(" .,|")
    office = bare != line
    bare = re.split(r"\s[-–—]\s", bare)[-1].strip(" .,|")
    bare = re.sub(r"\b([A-Z]),(?=\s)", r"\1.", bare)              # OCR: 'Marshall S, Carter'
    if _signed_with_symbol(bare):
        return _signed_with_symbol(bare)                           # 'Louis De Santi SAS/CI/CP'
    if not _SIGNED_NAME.match(bare) or len(bare.split()) > 4:
        return None
    initial = bool(re.search(r"\s[A-Z]\.\s", bare))
    if initial or ((office or bare.isupper()) and names_registry_person(bare)):
        return bare.title() if bare.isupper() else bare
    return None


def memorandum_sections(text: str, on: date | None = None) -> list[dict]:
    """The memoranda of a compilation, in order: {'start', 'body', 'end', 'next', 'date', 'title',
    'writer'}; 'body'..'end' is the body up to and with its close, 'next' where the next begins."""
    spans = paragraph_spans(text)
    paras = [text[s:e] for s, e in spans]
    headings = [i for i in range(len(paras)) if _memo_heading(paras, i)]
    sections = []
    for n, heading in enumerate(headings):
        following = headings[n + 1] if n + 1 < len(headings) else len(paras)
        body, subject = heading + 1, None
        for i in range(heading, min(following, heading + 3)):
            match = _SUBJECT_LINE.match(paras[i]) or re.search(r"\bSUBJECT\s*:\s*(?P<subject>.+)$", paras[i])
            if match:
                subject, body = clean_inline(match.group("subject")).strip(" ;,."), i + 1
        close = _memo_close(paras, body, following)
        low = max(sections[-1]["close_index"] + 1 if sections else 0, heading - 4)
        day = _dateline_before(paras[low:heading + 1], heading - low) or _subject_date(subject)
        if day is None and sections and sections[-1]["date"]:
            day = parse_date(sections[-1]["date"])        # undated: the memoranda run in order
        writer = _memo_writer(paras[body:following], text, (day.start if day else None) or on)
        next_start = spans[following][0] if following < len(spans) else len(text)
        sections.append({
            "start": spans[heading][0], "body": spans[body][0] if body < len(spans) else len(text),
            "end": spans[close][1] if close is not None else next_start,
            "next": next_start,
            "date": day.start.isoformat() if day and day.start else None,
            "title": subject or clean_inline(paras[heading]),
            "writer": writer[0].name if writer else None, "close_index": close if close is not None else heading})
    for section in sections:
        del section["close_index"]
    return sections


def _subject_date(subject: str | None) -> DateInfo | None:
    """'Meeting at the White House 19 December 1963': the date a SUBJECT line gives."""
    match = _DAY_MONTH_YEAR.search(subject or "")
    try:
        return parse_date(match.group("date")) if match else None
    except Exception:                                  # an OCR'd date the parser cannot read
        return None


def _memo_close(paras: list[str], body: int, following: int) -> int | None:
    """The paragraph that closes a memorandum: its signature block or its typist's line."""
    for i in range(body, following):
        para = clean_inline(paras[i])
        if len(para.split()) <= 30 and _TYPIST_LINE.search(para):
            return i
        if i > body and _signature_name(para):
            return i
    return None


def _memo_writer(tail: list[str], text: str, on: date | None) -> list[PersonRef]:
    """The writer: the signer of the block that closes it, else the one office holder whose
    initials the typist's line gives."""
    for para in tail[:60]:
        name = _signature_name(para)
        if name:
            return [PersonRef(name=_signer_name(name, on), role="author", as_printed=name, side="US")]
    typist = [p for p in tail if _TYPIST_LINE.search(clean_inline(p)) and len(p.split()) <= 30]
    return _initialled_writer(typist[:1], text, on) if typist else []


def _signer_name(printed: str, on: date | None) -> str:
    """The signer's canonical name; a given name the OCR misread ('JQHN A. McCONE') is the
    registry's person of that surname when the initials agree."""
    from ..people import registry_person
    name = canonical_name(printed, {}, on)
    if registry_person(name) is not None:
        return name
    by_surname = canonical_name(printed.split()[-1], {}, on)
    person = registry_person(by_surname)
    if person is not None and by_surname[:1].upper() == printed.strip()[:1].upper():
        return by_surname
    return name
