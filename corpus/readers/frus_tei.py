"""FRUS TEI P5 volumes (Office of the Historian): one DocumentRecord per div[@type="document"].

The XML is parsed with defusedxml: a DTD, an entity declaration or an external reference makes
the whole file a ReaderError before anything is expanded or fetched, and files over 50 MB are
refused before parsing. Ids are `<volume id>:<div xml:id>` ("frus1918Russiav03:d1").

What a document gives (only from its own div, never from an attachment inside it):
- title: the head, footnotes removed; doc_type from the head and the source notes;
- date: the printed dateline parsed (an editor's correction in brackets and the New Style day of
  an Old Style pair win over `date/@when`, which the older conversions sometimes got wrong);
  `@when` only when the printed text has no date, then a date in the head (minutes), else undated;
- place: the dateline's placeName (its last line: "Legation of the United States,<lb/>Managua");
- citation: the source notes ("File No. 861.51/131"); bracketed ones ("[Telegram]") are kept in
  extra["source_notes"]. No archive is guessed;
- participants: persName/gloss type="from"/"to" in the head (author/recipient) and the
  "Present:" list of the Paris minutes (present);
- text: paragraphs, datelines, closers and list items, page breaks ignored, footnotes appended
  at the end ("[18] See meeting of February 1 ..."); extra["footnotes_offset"] is where they start.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from ..dates import parse_date, parse_dateline, search_date
from ..errors import DateError, ReaderError
from ..record import DateInfo, DocumentRecord, PersonRef, RejectedRecord
from ..text import clean_inline, normalize_paragraphs
from . import ReadOptions
from .wilson import clean_person_name

NAME = "frus-tei"
EXTENSIONS = (".xml",)

MAX_MB = 50
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
LINE_BREAK = "\u2028"          # stands for <lb/> while collecting inline text

# Elements that start and end a paragraph of the stored text.
_BLOCKS = {
    "p", "dateline", "closer", "opener", "salute", "signed", "item", "head", "list", "table",
    "quote", "lg", "l", "postscript", "byline", "ab", "trailer", "div", "attachment",
    "docDate", "address", "addrLine", "argument", "epigraph", "floatingText", "listBibl", "bibl",
}
_SKIP = {"figure", "graphic", "teiHeader", "fw"}
_TELEGRAM = re.compile(r"\b(?:telegram|cablegram|cable)\b", re.IGNORECASE)
_CLASSIFICATION = re.compile(r"^(?:strictly |personal and )?(top secret|secret|confidential)\.?$",
                             re.IGNORECASE)
_WORD = re.compile(r"\w")
_OPENING = set("[(“\"‘'")
_RECEIVED = re.compile(r"[\[(]\s*Received,?\s*(.*?)\s*[\])]", re.IGNORECASE | re.DOTALL)


def sniff(path: Path, head: str) -> bool:
    """A TEI file: a <TEI> root or the TEI namespace near the top."""
    return bool(re.search(r"<TEI[\s>]", head) or "http://www.tei-c.org/ns/1.0" in head[:4096])


def read(path: Path, text: str, options: ReadOptions) -> Iterator[DocumentRecord | RejectedRecord]:
    _check_size(path, text)
    root = _parse(text)
    ns = _namespace(root)
    volume = root.get(XML_ID) or _idno(root, ns) or options.source or path.stem
    hints = _person_index(root, ns)
    divs = [d for d in root.iter(f"{ns}div") if d.get("type") == "document"]
    if not divs:
        raise ReaderError('a TEI file with no <div type="document">')
    for div in divs:
        where = div.get(XML_ID) or f"document {div.get('n')}"
        try:
            yield _document(div, ns, volume, hints)
        except (DateError, ReaderError) as exc:
            yield RejectedRecord(where=where, reason=str(exc))


# --- safe parsing -------------------------------------------------------------------------------

def _check_size(path: Path, text: str) -> None:
    try:
        size = path.stat().st_size
    except OSError:
        size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_MB * 1024 * 1024:
        shown = f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
        raise ReaderError(f"file too large ({shown} MB; the limit is {MAX_MB} MB)")


def _parse(text: str) -> Element:
    """Parse with every DTD, entity and external reference forbidden."""
    try:
        root = fromstring(text.lstrip("\ufeff"), forbid_dtd=True, forbid_entities=True,
                          forbid_external=True)
    except DTDForbidden:
        raise ReaderError("XML with a DTD (<!DOCTYPE>) is refused: DTDs and entities are not "
                          "allowed") from None
    except EntitiesForbidden:
        raise ReaderError("XML entity declarations are refused (no entity expansion)") from None
    except ExternalReferenceForbidden:
        raise ReaderError("XML external references are refused (nothing outside the file is "
                          "read)") from None
    except ParseError as exc:
        raise ReaderError(f"malformed XML: {exc}") from None
    local = _local(root.tag)
    if local not in ("TEI", "TEI.2", "teiCorpus"):
        raise ReaderError(f"not a TEI document (root element <{local}>)")
    return root


def _namespace(root: Element) -> str:
    return root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _idno(root: Element, ns: str) -> str | None:
    for idno in root.iter(f"{ns}idno"):
        if idno.get("type") == "frus" and (idno.text or "").strip():
            return idno.text.strip()
    return None


# --- the volume's list of persons ----------------------------------------------------------------

def _person_index(root: Element, ns: str) -> dict[str, str]:
    """xml:id -> display name, from the volume's "List of Principal Persons" (front matter):
    'Francis, David R.' -> 'David R. Francis'."""
    index = {}
    for pers in root.iter(f"{ns}persName"):
        pid = pers.get(XML_ID)
        if pid:
            index[pid] = _inverted_name(clean_inline("".join(pers.itertext())))
    return index


def _inverted_name(listed: str) -> str:
    """'Francis, David R.' -> 'David R. Francis'; 'Goto, Shimpei, Baron' -> 'Shimpei Goto';
    'Graves, Maj. Gen. William S.' -> 'William S. Graves'."""
    parts = [p.strip() for p in listed.split(",") if p.strip()]
    if len(parts) < 2:
        return clean_person_name(listed)
    given = clean_person_name(parts[1])
    return f"{given} {parts[0]}" if given else parts[0]


# --- one document --------------------------------------------------------------------------------

def _document(div: Element, ns: str, volume: str, index: dict[str, str]) -> DocumentRecord:
    native_id = div.get(XML_ID) or f"d{div.get('n')}"
    head = div.find(f"{ns}head")
    title = _inline(head).replace(LINE_BREAK, " ") if head is not None else ""
    title = clean_inline(title) or f"Document {div.get('n') or native_id}"
    notes = [clean_inline(_inline(n)) for n in div.findall(f"{ns}note") if n.get("type") == "source"]
    citations = [n for n in notes if n and not n.startswith("[")]
    markers = [n.strip("[]. ") for n in notes if n.startswith("[")]
    paragraphs, footnotes = _render(div, ns, head)
    if not paragraphs and not footnotes:
        raise ReaderError("a document with no text")
    place, date, extra = _date_and_place(div, ns, title, paragraphs)
    text = normalize_paragraphs(paragraphs + footnotes)
    extra.update(doc_number=div.get("n"), source_notes=markers or None,
                 footnotes_offset=_offset_of(text, footnotes))
    classification = next((m.group(1).title() for m in map(_CLASSIFICATION.match, markers) if m),
                          None)
    translated = any("translation" in m.lower() for m in markers)
    return DocumentRecord(
        native_id=native_id, title=title, text=text, source=volume,
        doc_type=_doc_type(title, markers, citations), date=date, place=place,
        language="English", original_language=None if translated else "English",
        citation="; ".join(citations) or None, archive=None, classification=classification,
        participants=_participants(div, ns, head, title, index),
        name_hints=_surname_hints(index), extra={k: v for k, v in extra.items() if v is not None},
    )


def _doc_type(title: str, markers: list[str], citations: list[str]) -> str:
    lowered = title.lower()
    if re.search(r"memorandum\b.*?\bof (?:a |the )?conversations?\b|record of (?:a )?conversation",
                 lowered):
        return "memcon"
    if re.match(r"(?:minutes|notes on the meeting)\b", lowered):
        return "minutes"
    if _TELEGRAM.search(title) or any(_TELEGRAM.search(m) for m in markers) \
            or any(re.search(r":\s*telegram\b", c, re.IGNORECASE) for c in citations):
        return "telegram"
    if "stenographic report" in lowered:
        return "transcript"
    for word, kind in (("letter", "letter"), ("aide-m[ée]moire", "note"), ("note", "note"),
                       ("memorandum", "memorandum"), ("report", "report"),
                       ("statement", "statement"), ("press release", "statement"),
                       ("speech", "speech"), ("bulletin", "report")):
        if re.search(rf"\b{word}\b", lowered):
            return kind
    return "document"


def _offset_of(text: str, footnotes: list[str]) -> int | None:
    if not footnotes:
        return None
    first = clean_inline(footnotes[0])
    pos = text.rfind(first)
    return pos if pos >= 0 else None


# --- date and place -------------------------------------------------------------------------------

def _date_and_place(div: Element, ns: str, title: str, paragraphs: list[str]):
    """(place, DateInfo, extra) from the dateline, @when, the head or a dateline-like paragraph."""
    extra: dict = {}
    dateline = div.find(f"{ns}dateline")
    if dateline is None:
        dateline = div.find(f"{ns}closer/{ns}dateline")
    if dateline is None:
        return _date_without_dateline(title, paragraphs, extra)
    printed = clean_inline(_inline(dateline).replace(LINE_BREAK, " "))
    received = _RECEIVED.search(printed)
    extra["received"] = clean_inline(received.group(1)) if received else None
    when = _when(dateline, ns)
    parsed = parse_dateline(printed)
    place = _place_name(dateline, ns) or (parsed[0] if parsed else None)
    if parsed and (parsed[1].precision != "undated" or when is None):
        date = parsed[1]
        if when and date.start and when[:10] != date.start.isoformat():
            extra["tei_when"] = when
        return place, date, extra
    if when:
        date = parse_date(when)
        date.text = _RECEIVED.sub("", printed).strip() or when
        extra["date_from"] = "tei-when"
        return place, date, extra
    date = search_date(title) or DateInfo(text=_RECEIVED.sub("", printed).strip() or None)
    return place, date, extra


def _date_without_dateline(title: str, paragraphs: list[str], extra: dict):
    """Minutes carry the date in the head; some letters end with 'Washington, August 3, 1917.'"""
    for candidate in (paragraphs[-1:] + paragraphs[:1]):
        if len(candidate) < 100:
            parsed = parse_dateline(candidate)
            if parsed and parsed[1].start:
                extra["date_from"] = "paragraph"
                return parsed[0], parsed[1], extra
    found = search_date(title)
    if found:
        extra["date_from"] = "head"
        return None, found, extra
    return None, DateInfo(), extra


def _when(dateline: Element, ns: str) -> str | None:
    for node in dateline.iter(f"{ns}date"):
        when = node.get("when") or node.get("notBefore")
        if when:
            return when.strip()
    return None


def _place_name(dateline: Element, ns: str) -> str | None:
    """The last line of the placeName ("Legation of the United States,<lb/>Managua" -> Managua)."""
    node = dateline.find(f".//{ns}placeName")
    if node is None:
        return None
    lines = [clean_inline(part).strip(" ,.[]?") for part in _inline(node).split(LINE_BREAK)]
    lines = [line for line in lines if line]
    if not lines or lines[-1].lower() in ("circa", "undated"):
        return None
    return lines[-1]


# --- participants ---------------------------------------------------------------------------------

def _participants(div: Element, ns: str, head: Element | None, title: str,
                  index: dict[str, str]) -> list[PersonRef]:
    people: list[PersonRef] = []
    if head is not None:
        for node in head.iter():
            role = {"from": "author", "to": "recipient"}.get(node.get("type") or "")
            tag = _local(node.tag)
            if role and tag in ("persName", "gloss", "orgName"):
                people.append(_head_person(node, tag, role, title, index))
    for block in div.iter(f"{ns}list"):
        if block.get("type") == "participants":
            people.extend(_present(block, ns))
    return _unique(people)


def _head_person(node: Element, tag: str, role: str, title: str, index: dict[str, str]) -> PersonRef:
    printed = clean_inline(_inline(node).replace(LINE_BREAK, " "))
    if tag != "persName":
        return PersonRef(name=printed, role=role, as_printed=printed, kind="institution",
                         post=printed if tag == "gloss" else None)
    ref = (node.get("corresp") or "").lstrip("#")
    name = index.get(ref) or clean_person_name(printed)
    return PersonRef(name=name, role=role, as_printed=printed, post=_post_before(title, printed))


def _post_before(title: str, surname: str) -> str | None:
    """'The Ambassador in Russia (Francis) to ...' -> 'Ambassador in Russia' for 'Francis'."""
    pos = title.find(f"({surname})")
    if pos <= 0:
        return None
    before = re.split(r"\bto\b", title[:pos])[-1]
    before = re.sub(r"^\s*(?:the|The)\s+", "", before).strip(" ,")
    return before or None


def _present(block: Element, ns: str) -> list[PersonRef]:
    """'Present: Mr. Lansing, Mr. White ...' items of the Paris minutes -> role 'present'."""
    people = []
    for item in block.iter(f"{ns}item"):
        if item.find(f"{ns}list") is not None:
            continue
        printed = clean_inline(_inline(item).replace(LINE_BREAK, " "))
        for part in _present_names(printed):
            post = None
            bracket = re.search(r"\(([^)]*)\)|,\s*(Secretary)$", part)
            if bracket:
                post = bracket.group(1) or bracket.group(2)
                part = part[: bracket.start()].strip(" ,")
            name = clean_person_name(part)
            if name:
                people.append(PersonRef(name=name, role="present", as_printed=printed, post=post))
    return people


def _present_names(printed: str) -> list[str]:
    """'Stenographer:—Mr. Carlson' -> ['Mr. Carlson']; 'Later—Colonel House, Representatives of
    the American Federation of Labor, Mr. Gompers and others' -> ['Colonel House', 'Mr. Gompers']."""
    text = re.sub(r"^[A-Za-z ]+:\s*—?\s*|^Later\s*—\s*", "", printed)
    text = re.sub(r",\s*U\.\s*S\.\s*[NA]\.$", "", text)
    parts = re.split(r",\s+(?!Jr\b|Secretary$)|\s+and\s+", text)
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 5 and "others" not in p]


def _unique(people: list[PersonRef]) -> list[PersonRef]:
    seen, kept = set(), []
    for person in people:
        key = (person.name, person.role)
        if key not in seen:
            seen.add(key)
            kept.append(person)
    return kept


def _surname_hints(index: dict[str, str]) -> dict[str, str]:
    return {name.split()[-1]: name for name in index.values() if name and " " in name}


# --- text -----------------------------------------------------------------------------------------

def _inline(node: Element | None) -> str:
    """The text of an element with its footnotes left out; <lb/> becomes LINE_BREAK."""
    if node is None:
        return ""
    parts = [node.text or ""]
    for child in node:
        tag = _local(child.tag)
        if tag == "lb":
            parts.append(LINE_BREAK)
        elif tag not in ("note", "pb", *_SKIP):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _render(div: Element, ns: str, head: Element | None) -> tuple[list[str], list[str]]:
    """(paragraphs, footnotes) of a document div, its own head and source notes left out."""
    flow = _Flow()
    if head is not None:
        flow.collect_notes(head)
    for child in div:
        if child is head or (_local(child.tag) == "note" and child.get("type") == "source"):
            continue
        flow.walk(child)
    flow.flush()
    return flow.paragraphs, flow.footnotes


class _Flow:
    """Walks TEI elements and cuts the running text into paragraphs at block elements."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.footnotes: list[str] = []
        self._buffer: list[str] = []
        self._after_label = False       # "1." waits for the item it numbers

    def add(self, text: str | None) -> None:
        if text:
            self._buffer.append(text)
            if text.strip():
                self._after_label = False

    def flush(self) -> None:
        if self._after_label:
            return
        paragraph = clean_inline("".join(self._buffer).replace(LINE_BREAK, " "))
        self._buffer = []
        if not paragraph:
            return
        if not _WORD.search(paragraph):           # punctuation between two blocks: "[", "];", ","
            if all(c in _OPENING for c in paragraph.replace(" ", "")):
                self._buffer = [paragraph]        # opens the next paragraph
            elif self.paragraphs:
                self.paragraphs[-1] += paragraph  # closes the previous one
            return
        self.paragraphs.append(paragraph)

    def walk(self, node: Element) -> None:
        tag = _local(node.tag)
        if tag in _SKIP or tag == "pb":
            pass
        elif tag == "lb":
            self.add(" ")
        elif tag == "note":
            self._note(node)
        elif tag == "list" and node.get("type") == "participants":
            self._participants_block(node)
        elif tag == "label":
            self.add(node.text)
            for child in node:
                self.walk(child)
            self.add(" ")
            self._after_label = True
        elif tag == "row":
            self._row(node)
        elif tag in _BLOCKS:
            self.flush()
            self._children(node)
            self.flush()
        else:
            self._children(node)
        self.add(node.tail)

    def _children(self, node: Element) -> None:
        self.add(node.text)
        for child in node:
            self.walk(child)

    def _row(self, node: Element) -> None:
        """A table row is one paragraph, its non-empty cells joined by ' | '."""
        self.flush()
        cells = []
        for cell in node:
            inner = _Flow()
            inner.walk(cell)
            inner.flush()
            cells.append(" ".join(inner.paragraphs))
            self.footnotes.extend(inner.footnotes)
        self.add(" | ".join(c for c in cells if c))
        self.flush()

    def _note(self, node: Element) -> None:
        if node.get("type") == "source":          # an attachment's "[Inclosure in No. 2.]"
            self.flush()
            self._children(node)
            self.flush()
            return
        inner = _Flow()
        inner._children(node)
        inner.flush()
        body = " ".join(inner.paragraphs)
        if body:
            marker = node.get("n")
            self.footnotes.append(f"[{marker}] {body}" if marker else body)
        self.footnotes.extend(inner.footnotes)

    def collect_notes(self, node: Element) -> None:
        """Footnotes inside an element that is not itself part of the text (the head)."""
        for child in node.iter():
            if _local(child.tag) == "note" and child.get("type") != "source":
                self._note(child)

    def _participants_block(self, node: Element) -> None:
        """'Present:' + nested items -> one paragraph 'Present: Mr. Lansing, Mr. White'."""
        self.flush()
        for item in node:
            if _local(item.tag) != "item":
                continue
            lead = clean_inline(item.text)
            names = [clean_inline(_inline(sub).replace(LINE_BREAK, " "))
                     for sub in item.iter() if _local(sub.tag) == "item" and sub is not item]
            self.add(" ".join(filter(None, [lead, ", ".join(n for n in names if n)]))
                     or _inline(item))
            self.flush()
