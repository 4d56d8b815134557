"""Wilson Center Digital Archive records, in the three shapes they reach a historian:

a) the Markdown/text export of one record (the seed): '# **November 2, 1962**', title,
   '### Citation:', Summary, Credits, Original Language, Contents, then the text after
   'Translation - English';
b) the scrape CSV (one record per row: record_id, title, original_publication_date, text_body ...);
   besides the catalog's people, a record's own participants lines ('Participants on the Kazakh side:
   President Nazarbayev, Foreign Minister Tokayev as notetaker, N.N., adviser') add who was there,
   and an office the title names before the paper's quoted title ('Economic Cooperation Division
   [Ministry of Foreign Affairs, Japan], 'Main Points ...'') is an author;
c) API JSON: a record with its transcripts/translations, or a transcript/translation asset (HTML).
   A collection record is not a document and is refused.

Every record gets source 'wilson' and its Digital Archive record id, so ids are `wilson:<id>`.
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..dates import parse_date, parse_dateline
from ..errors import DateError, NotADocument, ReaderError
from ..record import DateInfo, DocumentRecord, PersonRef, RejectedRecord
from ..text import clean_inline, normalize_paragraphs, normalize_text, split_paragraphs
from . import ReadOptions

NAME = "wilson"
EXTENSIONS = (".txt", ".md", ".csv", ".json")

SOURCE = "wilson"
SITE = "https://digitalarchive.wilsoncenter.org"
CSV_COLUMNS = {"document_url", "text_body", "record_id"}

_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*$")
_DATE_HEADING = re.compile(r"^#{1,6}\s*\*\*[^*\n]+\*\*\s*$", re.MULTILINE)
_CITATION_HEADING = re.compile(r"^#{1,6}\s*\**\s*Citation\s*:?", re.MULTILINE | re.IGNORECASE)
_CONTENT_MARKER = re.compile(r"^(Translation|Transcript)\s*[-–—]\s*(\w[\w ]*)$", re.IGNORECASE)
_RECORD_ID = re.compile(r"/document/(\d+)\b")
_CREDIT = re.compile(
    r"\b((?:contributed|transcribed|translated)(?:,?\s+(?:and\s+)?(?:contributed|transcribed|translated))*)"
    r"\s+by\s+(.+?)(?=,?\s+and\s+(?:contributed|transcribed|translated)\b|(?<![\s.][A-Z])\.(?:\s|$)|$)",
    re.IGNORECASE)

# Title words -> doc type, most specific first.
_TITLE_TYPES = (
    (r"summary of (?:a |the )?conversation", "summary-of-conversation"),
    (r"(?:memorandum|record|minutes|notes?) of (?:a |the )?(?:telephone )?conversation", "memcon"),
    # 'Main Points of the Chancellor's Talks with ...': a briefing paper written before the talk
    (r"\b(?:main|talking|speaking) points\b|\bbriefing (?:paper|notes?)\b", "paper"),
    (r"\bconversation\b|\bmeeting (?:with|between)\b|\btalks? (?:with|between)\b", "memcon"),
    (r"\bminutes\b", "minutes"),
    (r"\b(?:telegram|cable|cipher telegram|ciphered telegram)\b", "telegram"),
    (r"\bletter\b", "letter"),
    (r"\bspeech\b|\baddress (?:by|to|at)\b", "speech"),
    (r"\btranscript\b", "transcript"),
    (r"\bstatement\b|\bdeclaration\b|\bcommuniqu[ée]\b", "statement"),
    (r"\bmemorandum\b|\bmemo\b", "memorandum"),
    (r"\breport\b|\bbulletin\b|\binformation\b", "report"),
    (r"\bnote\b", "note"),
)
_INSTITUTION_WORDS = re.compile(
    r"\b(?:ministry|committee|association|bureau|division|department|embassy|party|council|"
    r"government|office|agency|union|organization|organisation|commission|foundation|archive)\b",
    re.IGNORECASE)
_HONORIFIC = re.compile(
    r"^(?:the\s+)?(?:cdes?\.|comrades?|messrs\.|mr\.|mrs\.|ms\.|me\.|dr\.|prof\.|prop\.|professor|"
    r"gen\.|general|col\.|colonel|lt\.|lieut\.|lieutenant|capt\.|captain|maj\.|major|adm\.|admiral|"
    r"rear-admiral|major-general|brigadier-general|lieutenant-colonel|lt\.\s*col\.|sir|lord|baron|"
    r"hon\.|honorable|honourable|ambassador|senator|chairman|president|premier|minister)\s+",
    re.IGNORECASE)


def sniff(path: Path, head: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md"):
        return _is_markdown_export(head)
    if suffix == ".csv":
        return _is_scrape_csv(head)
    if suffix == ".json":
        return _is_api_json(head)
    return False


def read(path: Path, text: str, options: ReadOptions) -> Iterator[DocumentRecord | RejectedRecord]:
    """Dispatch on the content, so that --format wilson works whatever the file is called."""
    if _is_api_json(text[:65536]):
        yield from _read_json(text)
    elif _is_scrape_csv(text[:65536]):
        yield from _read_csv(text)
    elif _is_markdown_export(text[:65536]):
        yield _read_markdown(text)
    else:
        raise ReaderError("not a Wilson Center record: expected the Markdown export ('# **date**' "
                          "heading and '### Citation:'), the scrape CSV (document_url, text_body, "
                          "record_id columns) or API JSON")


def _is_markdown_export(head: str) -> bool:
    return bool(_DATE_HEADING.search(head) and _CITATION_HEADING.search(head))


def _is_scrape_csv(head: str) -> bool:
    first_line = head.lstrip("\ufeff").split("\n", 1)[0]
    try:
        header = next(csv.reader([first_line]))
    except (csv.Error, StopIteration):
        return False
    return CSV_COLUMNS <= {h.strip() for h in header}


def _is_api_json(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")[:1]
    if start not in ("{", "["):
        return False
    keys = re.findall(r'"(\w+)"\s*:', head[:65536])
    found = set(keys)
    return bool(found & {"asset_id", "frontend_doc_date", "doc_date", "no_of_documents"}
                or {"slug", "short_description"} <= found)


# --- names -------------------------------------------------------------------------------------

def clean_person_name(as_printed: str) -> str:
    """A name without honorifics ('Cde. Blas Roca' -> 'Blas Roca'): the shared
    corpus.people.strip_honorifics first, then a small local rule for the older forms it may
    leave ('Honorable Robert Lansing', 'Rear-Admiral H. S. Knapp', the misprint 'Me. Lansing')."""
    from .. import people
    try:
        name = people.strip_honorifics(as_printed) or as_printed
    except NotImplementedError:
        name = as_printed
    return clean_inline(_strip_honorifics_locally(name)) or clean_inline(as_printed)


def _strip_honorifics_locally(as_printed: str) -> str:
    name = clean_inline(as_printed)
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    name = re.sub(r",\s*U\.\s*S\.\s*[NA]\.$", "", name)
    previous = None
    while previous != name:
        previous, name = name, _HONORIFIC.sub("", name, count=1)
    name = re.sub(r"\d+$", "", name).strip(" ,")
    if name.isupper():
        name = name.title()
    return name


def _inverted_name(listed: str, context: str = "") -> PersonRef:
    """'Nehru, Jawaharlal' -> Jawaharlal Nehru; 'Blair, Anthony Charles Lynton ("Tony")' -> Tony
    Blair; 'Kawase, Ikkan' -> Kawase Ikkan when the document writes it family name first;
    'Japan. Foreign Ministry' -> an institution."""
    printed = clean_inline(listed)
    if "," not in printed:
        kind = "institution" if (_INSTITUTION_WORDS.search(printed) or ". " in printed) else "person"
        return PersonRef(name=printed, as_printed=printed, kind=kind)
    family, given = (p.strip() for p in printed.split(",", 1))
    nickname = re.search(r'\(\s*"([^"]+)"\s*\)', given)
    given = nickname.group(1) if nickname else re.sub(r"\s*\([^)]*\)", "", given).strip()
    name = f"{given} {family}"
    folded = _fold(context)
    if _fold(f"{family} {given}") in folded and _fold(name) not in folded:
        name = f"{family} {given}"
    return PersonRef(name=name, as_printed=printed)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def _credits(citation: str | None) -> dict[str, str]:
    """'Contributed by James G. Hershberg and translated by Gary Goldberg.' ->
    {'contributed_by': 'James G. Hershberg', 'translated_by': 'Gary Goldberg'}."""
    found: dict[str, str] = {}
    for match in _CREDIT.finditer(citation or ""):
        person = clean_inline(match.group(2)).strip(" .,")
        for verb in re.findall(r"contributed|transcribed|translated", match.group(1), re.IGNORECASE):
            found.setdefault(f"{verb.lower()}_by", person)
    return found


def _archive_from_citation(citation: str | None) -> str | None:
    """The archive named after 'Wilson Center Digital Archive, ': 'RGANI, f. 5, op. 50' -> RGANI."""
    match = re.search(r"Digital Archive,\s*([^,]+)", citation or "")
    if not match:
        return None
    archive = clean_inline(match.group(1)).strip(" .")
    return archive if archive and not re.match(r"(?:contributed|translated)\b", archive, re.I) else None


def _doc_type_from_title(title: str) -> str:
    lowered = title.lower()
    for pattern, kind in _TITLE_TYPES:
        if re.search(pattern, lowered):
            return kind
    return "record"


# --- a) the Markdown export ---------------------------------------------------------------------

def _read_markdown(text: str) -> DocumentRecord:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    date_label, title, sections, body_lines = _markdown_parts(lines)
    marker, paragraphs = _translated_body(body_lines)
    if not paragraphs:
        raise ReaderError("the record has no text after its Contents heading")
    citation = clean_inline(" ".join(sections.get("citation", []))) or None
    url = _first_url(citation)
    native_id = _native_id(url, citation)
    original_language = clean_inline(" ".join(sections.get("original language", []))) or None
    date = parse_date(date_label)
    participants = _title_parties(title) + _present_people(paragraphs[:4])
    extra: dict = dict(_credits(citation))
    credits = clean_inline(" ".join(sections.get("credits", [])))
    if credits:
        extra["credits"] = credits
    return DocumentRecord(
        native_id=native_id, title=title, text=normalize_paragraphs(paragraphs), source=SOURCE,
        doc_type=_doc_type_from_title(title), date=date, place=_meeting_place(paragraphs[:4]),
        language=marker or "English", original_language=original_language, citation=citation,
        archive=_archive_from_citation(citation),
        summary=clean_inline(" ".join(sections.get("summary", []))) or None, url=url,
        participants=participants, extra=extra,
    )


def _markdown_parts(lines: list[str]):
    """(date heading, title, {section: lines}, lines after the Contents heading)."""
    date_label, title_lines, sections, current = None, [], {}, None
    for index, line in enumerate(lines):
        heading = _HEADING.match(line) if line.startswith("#") else None
        if heading:
            label = heading.group(2).strip("* ").rstrip(":").strip("* ").strip()
            if date_label is None:
                date_label, current = label, "__title__"
                continue
            current = label.lower()
            if current == "contents":
                return date_label, clean_inline(" ".join(title_lines)), sections, lines[index + 1:]
            sections.setdefault(current, [])
            continue
        if current == "__title__":
            title_lines.append(line)
        elif current:
            sections[current].append(line)
    raise ReaderError("the record has no '### Contents:' section")


def _translated_body(lines: list[str]) -> tuple[str | None, list[str]]:
    """The paragraphs after 'Translation - English' (up to a following 'Transcript - ...'), or
    the whole Contents when there is no such marker. Returns (language of the text, paragraphs)."""
    markers = [(i, _CONTENT_MARKER.match(line.strip())) for i, line in enumerate(lines)]
    markers = [(i, m) for i, m in markers if m]
    if not markers:
        return None, split_paragraphs("\n".join(lines))
    chosen = next(((i, m) for i, m in markers if m.group(1).lower() == "translation"), markers[0])
    start = chosen[0] + 1
    stop = next((i for i, _ in markers if i > chosen[0]), len(lines))
    return chosen[1].group(2).strip().title(), split_paragraphs("\n".join(lines[start:stop]))


def _first_url(citation: str | None) -> str | None:
    match = re.search(r"https?://\S+", citation or "")
    return match.group().rstrip(".,);") if match else None


def _native_id(url: str | None, citation: str | None) -> str:
    match = _RECORD_ID.search(url or "") or _RECORD_ID.search(citation or "")
    if match:
        return match.group(1)
    if url:
        return url.rstrip("/").rsplit("/", 1)[-1]
    raise ReaderError("no Digital Archive record id (no '/document/<id>' URL in the Citation)")


def _title_parties(title: str) -> list[PersonRef]:
    """'Summary of a Conversation between Cde. A. M. Rumyantsev, Editor-in-Chief of ..., and
    Cde. Blas Roca, Member of ...' -> two participants with their posts."""
    match = re.search(r"\b(?:conversation|meeting|talks?)\s+(?:between|with)\s+(.+)$", title,
                      re.IGNORECASE)
    if not match:
        return []
    parties = re.split(r",\s+and\s+", match.group(1), maxsplit=1)
    if len(parties) == 1:
        parties = re.split(r"\s+and\s+", match.group(1), maxsplit=1)
    people = []
    for party in parties:
        printed, _, post = (p.strip() for p in party.partition(", "))
        name = clean_person_name(printed)
        if name:
            people.append(PersonRef(name=name, role="participant", as_printed=printed,
                                    post=post.strip(" ,.") or None))
    return people


def _present_people(paragraphs: list[str]) -> list[PersonRef]:
    """'Cdes. Kremnev and Semenov, officials of the journal's editorial board, were present.'"""
    for paragraph in paragraphs:
        match = re.search(r"\s(?:were|was)\s+(?:also\s+)?present\b", paragraph)
        if not match:
            continue
        before = paragraph[: match.start()]
        starts = list(re.finditer(r"(?:(?<![A-Z])[a-z]{3,}|\d{4}|\))\.\s+", before))
        subject = before[starts[-1].end():] if starts else before
        printed, _, post = (p.strip(" ,") for p in subject.partition(", "))
        names = re.split(r",\s*|\s+and\s+", _HONORIFIC.sub("", printed))
        names = [clean_person_name(n) for n in names if n.strip()]
        if len(names) > 1 and post:
            post = re.sub(r"^(\w+?)s\b", r"\1", post)      # "officials of" -> "official of"
        return [PersonRef(name=n, role="present", as_printed=printed, post=post or None)
                for n in names if n]
    return []


def _meeting_place(paragraphs: list[str]) -> str | None:
    """'The conversation was held at a government villa in Prague on ...' -> 'Prague'."""
    for paragraph in paragraphs:
        match = re.search(r"\bheld\b[^.]*?\bin\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", paragraph)
        if match:
            return match.group(1)
    return None


# --- b) the scrape CSV --------------------------------------------------------------------------

def _read_csv(text: str) -> Iterator[DocumentRecord | RejectedRecord]:
    csv.field_size_limit(1 << 30)
    rows = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    missing = {"record_id", "title", "text_body"} - set(rows.fieldnames or [])
    if missing:
        raise ReaderError(f"the Wilson CSV lacks the column(s) {', '.join(sorted(missing))}")
    number = 0
    while True:
        number += 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ReaderError(f"malformed CSV at row {number}: {exc}") from None
        try:
            yield _csv_record(row)
        except (DateError, ReaderError) as exc:
            yield RejectedRecord(where=f"row {number}", reason=str(exc))


def _csv_record(row: dict) -> DocumentRecord:
    def value(key: str) -> str:
        return clean_inline(row.get(key) or "")

    native_id = value("record_id")
    if not native_id:
        raise ReaderError("no record_id")
    body = row.get("text_body") or ""
    text = normalize_text(body, single_newline=True)
    if not text:
        raise ReaderError("no text (text_body is empty)")
    title = value("title") or f"Wilson Center record {native_id}"
    date = parse_date(value("original_publication_date") or None)
    place, dateline = _letterhead_dateline(body)
    if dateline is not None and dateline.start != date.start:
        date = dateline                                # the record's own dateline, not the meeting's
    context = f"{title}\n{body[:5000]}"
    authors = [_inverted_name(a, context) for a in _json_list(row.get("authors"))]
    partners = [_inverted_name(a, context) for a in _json_list(row.get("document_contributors"))]
    for person in authors:
        person.role = "author"
    for person in partners:
        person.role = "participant"
        person.post = person.post or _post_in_title(person, title) or _post_in_title(person, body[:3000])
    _unnamed_title_post(partners, title)
    associated = [_inverted_name(a, context) for a in _json_list(row.get("associated_people_orgs"))]
    for drafter in _drafter(body):
        if not any(_same_surname(drafter, b) for b in authors + partners):
            fuller = [a for a in associated if a.kind == "person" and _same_surname(a, drafter)]
            drafter.name = fuller[0].name if len(fuller) == 1 else drafter.name   # 'Bitterlich, Joachim'
            authors.append(drafter)
    block = _participants_block(body, authors + partners)
    partners += block
    authors += [a for a in _issuing_office(title) if not any(_names_same_office(a, b) for b in authors)]
    recipients = _addressees(body) or _title_recipient(title)
    languages = _json_list(row.get("language"))
    citation = value("source") or None
    extra = {
        "has_participants_block": bool(block) or None,
        "subjects": _json_list(row.get("subjects_discussed")) or None,
        "associated_places": _json_list(row.get("associated_places")) or None,
        "associated_people_orgs": _json_list(row.get("associated_people_orgs")) or None,
        "donors": _json_list(row.get("donors")) or None,
        "credits": value("credits") or None,
        "original_upload_date": value("original_upload_date") or None,
        **_credits(citation),
    }
    return DocumentRecord(
        native_id=native_id, title=title, text=text, source=SOURCE,
        doc_type=_record_type(title, recipients), date=date, place=place or _place_in_letterhead(body, date),
        language="English", original_language=", ".join(languages) or None, citation=citation,
        archive="; ".join(_json_list(row.get("original_archive_title"))) or None,
        classification=value("original_classification") or None,
        summary=value("summary") or None, url=value("document_url") or None,
        participants=authors + recipients + partners, extra={k: v for k, v in extra.items() if v},
    )


def _record_type(title: str, recipients: list[PersonRef]) -> str:
    """The type the title gives; a petition addressed to someone ('To: Ushiba Nobuhiko') is a letter,
    one addressed to nobody a statement; a paper an office issued under a quoted title of its own
    ('Asian Affairs Bureau [Ministry of Foreign Affairs, Japan], 'The Chinese Communist Problem'') is a
    paper unless that title names another kind ('..., 'Record of Conversation ...'')."""
    kind = _doc_type_from_title(title)
    if kind == "record" and re.search(r"\bpetition\b", title, re.IGNORECASE):
        return "letter" if recipients else "statement"
    quoted = _ISSUING_OFFICE.match(clean_inline(title))
    if quoted:
        own = _doc_type_from_title(clean_inline(title)[quoted.end():])
        return "paper" if own == "record" else own
    return kind


# 'To: Ushiba Nobuhiko' / 'Vice Minister for Foreign Affairs' at the head of a letter or petition.
_ADDRESS_LINE = re.compile(r"^\s*To\s*:\s*(?P<who>\S.{1,80}?)\s*$")


def _addressees(body: str) -> list[PersonRef]:
    """The person a 'To:' line at the head of the text names, with the post on the line after it."""
    lines = [clean_inline(line) for line in body.splitlines()[:12]]
    for i, line in enumerate(lines):
        match = _ADDRESS_LINE.match(line)
        if not match:
            continue
        after = lines[i + 1] if i + 1 < len(lines) else ""
        post = after if after and ":" not in after and len(after) < 80 and after[:1].isupper() \
            and not _ADDRESS_LINE.match(after) and len(after.split()) <= 10 else None
        person = _inverted_name(match.group("who"))
        return [PersonRef(name=clean_person_name(person.name), role="recipient", as_printed=match.group("who"),
                          kind=person.kind, post=post)]
    return []


# 'Letter, Jawaharlal Nehru to All Provincial Premiers', 'Telegram from Mao Zedong to Stalin'.
_ADDRESSED_TITLE = re.compile(
    r"^(?:Letter|Telegram|Cable|Ciphered Telegram|Cipher Telegram|Message|Note|Memorandum)(?:,\s*|\s+from\s+)"
    r"(?P<sender>[^,]+?)\s+to\s+(?P<to>[A-Z][^,]{2,80}?)(?:,|\s+(?:on|regarding|concerning|about)\b|$)")


def _title_recipient(title: str) -> list[PersonRef]:
    match = _ADDRESSED_TITLE.match(clean_inline(title))
    if not match:
        return []
    to = match.group("to").strip()
    group = bool(re.match(r"(?:All|Each|Every|the|The)\s", to))                # 'All Provincial Premiers'
    kind = "institution" if group or _INSTITUTION_WORDS.search(to) else "person"
    return [PersonRef(name=clean_person_name(to) if kind == "person" else to, role="recipient", as_printed=to, kind=kind)]


def _json_list(cell: str | None) -> list[str]:
    """'["Nehru, Jawaharlal"]' -> ['Nehru, Jawaharlal']; a plain value -> [value]."""
    cell = (cell or "").strip()
    if not cell:
        return []
    if cell.startswith("["):
        try:
            values = json.loads(cell)
        except json.JSONDecodeError:
            values = [cell]
    else:
        values = [cell]
    return [clean_inline(str(v)) for v in values if clean_inline(str(v))]


def _letterhead_dateline(body: str) -> tuple[str | None, DateInfo | None]:
    """'MD J. Bitterlich        Bonn, 31 October 1997' at the head of a memorandum: its own place
    and date, which win over the publication date the archive gives (often the date of the talk
    the title names)."""
    for line in body.splitlines()[:4]:
        chunk = re.split(r"\s{3,}", line.strip())[-1]
        parsed = parse_dateline(chunk) if len(chunk) < 60 else None
        if parsed and parsed[0] and parsed[1].precision == "day":
            return parsed[0], parsed[1]
    return None, None


# A drafter's name in parentheses closing a German ministry memorandum: '(Bitterlich)'.
_CLOSING_NAME = re.compile(
    r"^(?P<open>\(\s*)?(?:(?:Dr|Prof|gez)\.\s*)?(?P<name>(?:[A-Z]\.\s?)*[A-Z][a-zà-ÿ'\-]+(?:\s[A-Z][a-zà-ÿ'\-]+)?)"
    r"\s*(?(open)\)|\.?)$")


def _drafter(body: str) -> list[PersonRef]:
    """The writer of a memorandum who signs with his name in parentheses on the last line before
    the notes ('(Bitterlich)'); the letterhead gives the fuller form ('MD J. Bitterlich')."""
    lines = [clean_inline(line) for line in body.splitlines() if clean_inline(line)]
    lines = [line for line in lines if not re.match(r"^\[\d{1,3}\]", line)]   # footnotes
    match = _CLOSING_NAME.match(lines[-1]) if lines else None
    if not match:
        return []
    name = match.group("name")
    head = re.split(r"\s{3,}", body.strip().splitlines()[0].strip())[0] if body.strip() else ""
    if not match.group("open") and not re.search(rf"\b{re.escape(name)}\b", head):
        return []                                      # a bare last word is a signature only if the letterhead has it
    fuller = re.search(rf"((?:[A-Z]\.\s?)+){re.escape(name)}\b", head)
    if fuller:
        name = f"{fuller.group(1).strip()} {name}"
    return [PersonRef(name=name, role="author", as_printed=match.group(0))]


# 'Participants on the Kazakh side: President Nazarbayev, Foreign Minister Tokayev as notetaker,
# N.N., adviser' / 'Participants on our side: The Chancellor, signee, interpreter (of the embassy)'.
_BLOCK_LINE = re.compile(r"^(?:Participants|Participating|Present|Also present|Attendees)"
                         r"(?:\s+(?:on|from)\s+(?:the\s+)?(?P<side>[\w\-]+(?:\s+[\w\-]+)?)\s+side)?\s*:\s*(?P<list>\S.*)$",
                         re.IGNORECASE)
# The writer of the record named by his part in the talk: 'signee', 'the undersigned'.
_WRITER_IN_BLOCK = re.compile(r"^(?:the\s+)?(?:signee|signatory|undersigned|writer|author|drafter)$", re.IGNORECASE)
# An entry that names nobody: 'N.N., adviser', 'interpreter (of the embassy)'.
_NOBODY = re.compile(r"^(?:N\.\s?N\.?|NN|[a-z].*)$")


def _participants_block(body: str, known: list[PersonRef]) -> list[PersonRef]:
    """The people a record's participants lines name besides the parties the catalog gives: 'Foreign
    Minister Tokayev as notetaker' -> Tokayev (Foreign Minister), on the side the line names;
    'signee' -> the writer of the record, who was there. Entries that name nobody ('N.N., adviser',
    'interpreter') and the parties already known by surname or by title ('The Chancellor') are left
    out."""
    found: list[PersonRef] = []
    for line in body.splitlines()[:12]:
        match = _BLOCK_LINE.match(clean_inline(line))
        if not match:
            continue
        side = _side_word((match.group("side") or "").split()[0]) if match.group("side") else None
        for entry in re.split(r",\s*|;\s*", match.group("list")):
            entry = re.sub(r"\s*\([^)]*\)\s*$|\s+as\s+[a-z][\w\- ]*$", "", entry.strip(" .")).strip()
            person = _block_person(entry, known + found, side)
            if person:
                found.append(person)
    return found


# German ministry ranks before a name in a participants line: 'MD Bitterlich', 'VLR I Hartmann', 'BM Kinkel'.
_RANK_ABBREVIATION = re.compile(r"^(?!(?:Dr|Mr|Mrs|Ms|Prof|St)\.)(?P<rank>(?:(?:[A-Z][A-Za-z]{1,3}|I{1,3})\.?\s+)*?(?:[A-Z]{2,4}|[A-Z][a-z]{1,3}\.)(?:\s+I{1,3})?)\s+"
                                r"(?=[A-Z][a-zà-ÿ'\-]{2,}$)")


def _block_person(entry: str, known: list[PersonRef], side: str | None) -> PersonRef | None:
    """One entry of a participants line: the writer ('signee'), nobody ('N.N., adviser'), a party the
    catalog has, or someone to add with the post printed before the name."""
    from ..people import parse_name
    writer = [p for p in known if p.role == "author" and p.kind == "person"]
    if _WRITER_IN_BLOCK.match(entry):
        return PersonRef(name=writer[0].name, role="participant", as_printed=entry) if len(writer) == 1 else None
    if not entry or _NOBODY.match(entry):
        return None
    rank = _RANK_ABBREVIATION.match(entry)
    parts = parse_name(entry[rank.end():] if rank else entry)
    post = rank.group("rank") if rank else parts.office.title() or None
    if not parts.core:                                   # 'The Chancellor': a party the title gives
        return None
    name = clean_person_name(" ".join(parts.core))
    surname = _fold(name).split()[-1:]
    for person in known:
        if person.kind == "person" and _fold(person.name).split()[-1:] == surname:
            if person.role == "author" and not any(p.role != "author" and p.name == person.name for p in known):
                return PersonRef(name=person.name, role="participant", as_printed=entry, post=post, side=side)
            return None                                  # 'President Nazarbayev': the catalog has him
    return PersonRef(name=name, role="participant", as_printed=entry, post=post, side=side or parts.side)


def _side_word(word: str) -> str | None:
    from ..people import side_word
    return side_word(word)


# 'Economic Cooperation Division [Ministry of Foreign Affairs, Japan], 'Main Points of ...'': the
# Digital Archive's title names the office that issued the paper before the paper's own title.
_ISSUING_OFFICE = re.compile(
    r"^(?P<office>(?:[A-Z][\w&\-]*\s+){1,6}(?:Division|Bureau|Section|Department|Office|Directorate|Secretariat"
    r"|Ministry|Committee|Commission|Embassy|Legation|Consulate))\s*\[(?P<parent>[^\]]{3,80})\],?\s*['‘\"“]")


def _issuing_office(title: str) -> list[PersonRef]:
    match = _ISSUING_OFFICE.match(clean_inline(title))
    if not match:
        return []
    office, parent = clean_inline(match.group("office")), clean_inline(match.group("parent"))
    from ..people import country_side
    country = next((country_side(w) for w in reversed(re.findall(r"[A-Z][a-z]+", parent)) if country_side(w)), None)
    return [PersonRef(name=f"{office}, {parent}", role="author", as_printed=office, kind="institution", side=country)]


def _names_same_office(a: PersonRef, b: PersonRef) -> bool:
    """'Asian Affairs Bureau, Ministry of Foreign Affairs, Japan' is the catalog's 'Japan. Foreign
    Ministry. Asian Affairs Bureau'."""
    return _fold(b.name or "").rstrip(". ").endswith(_fold(a.as_printed or ""))


def _same_surname(a: PersonRef, b: PersonRef) -> bool:
    return bool(a.name and b.name) and _fold(a.name).split()[-1] == _fold(b.name).split()[-1]


# Titles a record's title gives its parties: 'The Chancellor's [Helmut Kohl's] Meeting with
# British PM Blair', 'Prime Minister Sato'. Abbreviations are spelled out.
_TITLE_ABBREVIATIONS = {"pm": "Prime Minister", "fm": "Foreign Minister", "bk": "Chancellor"}
_PARTY_TITLE = (r"(?:Federal\s+)?Chancellor|Prime\s+Minister|PM|FM|Foreign\s+Minister|Premier|President"
                r"|Vice\s+President|Chairman|General\s+Secretary|Secretary\s+of\s+State|Secretary|King|Queen"
                r"|Ambassador|Minister")


def _post_in_title(person: PersonRef, title: str) -> str | None:
    """The title the record's title gives a party: 'The Chancellor's [Helmut Kohl's]' -> Chancellor;
    'British PM Blair' -> Prime Minister."""
    surname = (person.name or "").split()[-1] if person.name else ""
    if not surname:
        return None
    pattern = (rf"\b(?P<title>{_PARTY_TITLE})(?:['’]s)?\s+(?:\[[^\]]*?)?"
               rf"(?:[A-Z][\w.\-]*\s+){{0,3}}{re.escape(surname)}\b")
    match = re.search(pattern, title)
    if not match:
        return None
    found = re.sub(r"\s+", " ", match.group("title"))
    found = re.sub(r"^Federal ", "", found)
    return _TITLE_ABBREVIATIONS.get(found.lower(), found)


def _unnamed_title_post(partners: list[PersonRef], title: str) -> None:
    """'Conversation between the Federal Chancellor and Prime Minister Juncker': a title the record's
    title gives without a name belongs to the one party left without a post."""
    titles = {_TITLE_ABBREVIATIONS.get(m.group("title").lower(), re.sub(r"^Federal\s+", "", m.group("title")))
              for m in re.finditer(rf"\b(?P<title>{_PARTY_TITLE})(?:['’]s)?\b(?!\s+(?:\[|[A-Z][a-z]))", title)}
    taken = {p.post for p in partners if p.post}
    titles = {re.sub(r"\s+", " ", t) for t in titles} - taken
    left = [p for p in partners if not p.post and p.kind == "person"]
    if len(titles) == 1 and len(left) == 1:
        left[0].post = titles.pop()


def _place_in_letterhead(body: str, date: DateInfo) -> str | None:
    """'New Delhi, 1st April, 1949.' or '... Bonn, 31 October 1997' near the top, when its date
    is the document's date."""
    if date.start is None:
        return None
    for line in body.splitlines()[:8]:
        chunk = re.split(r"\s{3,}", line.strip())[-1]
        parsed = parse_dateline(chunk) if len(chunk) < 80 else None
        if parsed and parsed[0] and parsed[1].start == date.start:
            return parsed[0]
    return None


# --- c) API JSON --------------------------------------------------------------------------------

def _read_json(text: str) -> Iterator[DocumentRecord | RejectedRecord]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReaderError(f"malformed JSON: {exc}") from None
    if isinstance(data, dict):
        yield _json_record(data)
        return
    if not isinstance(data, list):
        raise ReaderError("not a Wilson Center API record (a JSON object or list was expected)")
    for number, item in enumerate(data, start=1):
        try:
            if not isinstance(item, dict):
                raise ReaderError("not a JSON object")
            yield _json_record(item)
        except (DateError, ReaderError) as exc:
            yield RejectedRecord(where=f"item {number}", reason=str(exc))


def _json_record(data: dict) -> DocumentRecord:
    if _is_collection(data):
        raise NotADocument("a Wilson Center collection record, not a document")
    if "asset_id" in data or ("filename" in data and ("html" in data or "raw" in data)):
        return _asset_record(data)
    if "title" in data:
        return _api_document(data)
    raise ReaderError("not a Wilson Center API record (no title, asset or collection fields)")


def _is_collection(data: dict) -> bool:
    model = str(data.get("model") or "").lower()
    return model == "collection" or (
        "slug" in data and "name" in data and "title" not in data and "asset_id" not in data)


def _asset_record(data: dict) -> DocumentRecord:
    """A transcript or translation asset: HTML text, no title or date of its own."""
    markup = data.get("html") if isinstance(data.get("html"), str) else data.get("raw")
    if not isinstance(markup, str) or not markup.strip():
        raise ReaderError("a Wilson Center asset with no HTML text (only a PDF or nothing)")
    paragraphs = html_paragraphs(markup)
    if not paragraphs:
        raise ReaderError("a Wilson Center asset whose HTML holds no text")
    kind = _asset_kind(data)
    language = _asset_language(data, paragraphs)
    text = normalize_paragraphs(paragraphs)
    url = data.get("url")
    return DocumentRecord(
        native_id=f"{kind}-{data.get('id') or data.get('asset_id')}",
        title=_title_from_text(text), text=text, source=SOURCE, doc_type="record",
        date=DateInfo(), language=language,
        original_language=language if kind == "transcript" else None,
        url=f"{SITE}{url}" if isinstance(url, str) and url.startswith("/") else url,
        extra={k: v for k, v in {
            "asset_kind": kind, "asset_id": data.get("asset_id"), "filename": data.get("filename"),
            "source_created_at": data.get("source_created_at"), "title_from": "first paragraph",
        }.items() if v},
    )


def _asset_kind(data: dict) -> str:
    where = f"{data.get('url') or ''} {data.get('filename') or ''}".lower()
    if "translation" in where or "language" in data:
        return "translation"
    if "media" in where or "path" in data:
        return "media"
    return "transcript"


def _asset_language(data: dict, paragraphs: list[str]) -> str | None:
    """A translation names its language; for a transcript the script tells the likely one."""
    language = data.get("language")
    if isinstance(language, dict) and isinstance(language.get("name"), str) and language["name"]:
        return language["name"]
    return _language_from_script(" ".join(paragraphs)[:5000])


def _language_from_script(text: str) -> str | None:
    """A guess from the writing system only (Cyrillic is taken as Russian, the Archive's usual
    case); None when the script does not say."""
    counts = {"cyrillic": 0, "latin": 0, "han": 0, "kana": 0, "hangul": 0}
    for char in text:
        if not char.isalpha():
            continue
        name = unicodedata.name(char, "")
        for script in ("CYRILLIC", "LATIN", "HANGUL"):
            if name.startswith(script):
                counts[script.lower()] += 1
        if name.startswith("CJK UNIFIED"):
            counts["han"] += 1
        elif name.startswith(("HIRAGANA", "KATAKANA")):
            counts["kana"] += 1
    script = max(counts, key=counts.get)
    if not counts[script]:
        return None
    if script == "han" and counts["kana"]:
        return "Japanese"
    return {"cyrillic": "Russian", "han": "Chinese", "kana": "Japanese",
            "hangul": "Korean"}.get(script)


def _title_from_text(text: str, limit: int = 100) -> str:
    first = text.split("\n\n", 1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _api_document(data: dict) -> DocumentRecord:
    """A full API record: title, description, doc_date, transcripts/translations with HTML."""
    title = clean_inline(str(data.get("title") or ""))
    native_id = str(data.get("id") or "").strip()
    if not native_id:
        raise ReaderError("a Wilson Center record without an id")
    paragraphs, language = _record_text(data)
    if not paragraphs:
        raise ReaderError("a Wilson Center record without text (its translations and transcripts "
                          "are not in the file)")
    date = parse_date(str(data.get("doc_date") or "") or None)
    if data.get("frontend_doc_date"):
        date.text = clean_inline(str(data["frontend_doc_date"]))
    def names(key: str) -> list[str]:
        return [clean_inline(str(x["name"])) for x in _dicts(data.get(key)) if x.get("name")]

    participants = [_role(_inverted_name(n, title), "author") for n in names("creators")]
    participants += [_role(_inverted_name(n, title), "participant") for n in names("contributors")]
    citation = clean_inline(str(data.get("source") or "")) or None
    return DocumentRecord(
        native_id=native_id, title=title, text=normalize_paragraphs(paragraphs), source=SOURCE,
        doc_type=_doc_type_from_title(title), date=date, language=language or "English",
        original_language=", ".join(names("languages")) or None, citation=citation,
        archive="; ".join(names("repositories")) or _archive_from_citation(citation),
        classification="; ".join(names("classifications")) or None,
        summary=clean_inline(str(data.get("description") or "")) or None,
        url=f"{SITE}/document/{native_id}", participants=participants,
        extra=dict(_credits(citation)),
    )


def _dicts(value) -> list[dict]:
    """The objects of a JSON list; a record with anything else where a list belongs gives none."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _role(person: PersonRef, role: str) -> PersonRef:
    person.role = role
    return person


def _record_text(data: dict) -> tuple[list[str], str | None]:
    """The English translation if the record carries one, else another translation, else the
    transcript in the original language."""
    translations = _dicts(data.get("translations"))
    translations.sort(key=lambda t: _asset_language(t, []) != "English")
    for asset in translations + _dicts(data.get("transcripts")):
        markup = asset.get("html") if isinstance(asset.get("html"), str) else asset.get("raw")
        if isinstance(markup, str) and markup.strip():
            paragraphs = html_paragraphs(markup)
            if paragraphs:
                return paragraphs, _asset_language(asset, paragraphs)
    return [], None


# --- HTML -> paragraphs --------------------------------------------------------------------------

class _ParagraphParser(HTMLParser):
    """Collects text, cutting paragraphs at block elements; style/script content is dropped.
    html.parser never resolves external entities or fetches anything."""

    BLOCKS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
              "table", "blockquote", "section", "article", "header", "footer", "pre", "hr",
              "dd", "dt", "dl", "body", "html", "center", "address"}
    HIDDEN = {"style", "script", "head", "title", "noscript", "template"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._buffer: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS:
            self._flush()
        elif tag == "td":
            self._buffer.append(" ")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data):
        if not self._hidden:
            self._buffer.append(data)

    def _flush(self):
        paragraph = clean_inline("".join(self._buffer))
        self._buffer = []
        if paragraph:
            self.paragraphs.append(paragraph)

    def close(self):
        super().close()
        self._flush()


def html_paragraphs(markup: str) -> list[str]:
    """The paragraphs of an HTML fragment or page; a DOCTYPE (with any internal subset) is
    dropped unread."""
    markup = re.sub(r"<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>", "", markup, flags=re.IGNORECASE | re.DOTALL)
    parser = _ParagraphParser()
    parser.feed(markup)
    parser.close()
    return parser.paragraphs
