"""FRUS TEI P5 volumes (Office of the Historian): one DocumentRecord per div[@type="document"].

The XML is parsed with defusedxml: a DTD, an entity declaration or an external reference makes
the whole file a ReaderError before anything is expanded or fetched, and files over 50 MB are
refused before parsing. Ids are `<volume id>:<div xml:id>` ("frus1918Russiav03:d1").

What a document gives (from its own div, never from an attachment inside it; only the year a
minutes head leaves out and the name hints come from the rest of the volume):
- title: the head, footnotes removed; doc_type from the head and the source notes ("Memorandum by
  ... of a Conversation With ..." is a memcon, and so is a memorandum whose text opens with a call
  or a conversation: "The Egyptian Minister called to inquire", "I sent for the Iranian Chargé";
  a head "A to B" that is not a telegram is a memorandum when its text is captioned "Memorandum",
  a note when one side is a foreign diplomat, unless it opens 'My dear Mr. Ambassador:' (a personal
  letter), a despatch from an American mission to the Department, an instruction the other way
  ("your dispatch of May 30"), else a letter; a head naming two offices and no person ("The British
  Embassy to the Department of State") or an editors' line "[... paraphrase ... was left at the
  Department ...]" is a diplomatic memorandum (a note is signed by an envoy or the Secretary); a
  head of bare names ("Mr. Gresham to Mr. Baker") is settled by the whole volume: the Department's letters to a man who sends it despatches are
  instructions, to a foreign envoy who sends notes notes); a despatch whose opening reports an
  interview ("in a personal interview ... with Lord Kimberley") is marked
  extra["records_conversation"], so that its paragraphs get speakers;
- date: the printed dateline parsed (an editor's correction in brackets and the New Style day of
  an Old Style pair win over `date/@when`, which the older conversions sometimes got wrong);
  `@when` only when the printed text has no date, then a date in the head (minutes: a bracketed
  correction wins, a head without a year takes the previous document's year if the weekday
  agrees; "dated July 25" in a head is the date of a document it cites), else undated;
- place: the dateline's placeName (its last line: "Legation of the United States,<lb/>Managua");
- citation: the source notes ("File No. 861.51/131"); bracketed ones ("[Telegram]") are kept in
  extra["source_notes"]. No archive is guessed;
- participants: persName/gloss type="from"/"to" in the head (author/recipient; not the parties of a
  telegram a memorandum's head cites, nor names in the head's footnote; an office no rule resolves,
  "The Acting Secretary of State", is the man who signs; a surname the head misprints or the OCR
  misreads, "Mr. Gresliam", is the Secretary of the date or the man who signs), persNames without
  a type in a memcon head (the writer: author; the people talked with: participant; the side from
  the post, "French Ambassador" -> France) and the "Present:" list of the Paris minutes (present;
  extra["has_participants_block"]); in a memcon, the callers the text names ("The Italian
  Ambassador called", "Mr. John H. Spencer ... called today"), listed in
  extra["participants_from_text"], an envoy named by post taking the name a footnote of the
  volume gives that post ("The Italian Ambassador[87]" / "Augusto Rosso."), the name a record of
  his call gives him, or, in Washington, his country's envoy on the date (people.envoy_in_washington);
- name_hints: surname -> full name for the whole volume, from the list of persons and the full
  names printed in heads and "Present:" lists, where the surname means one person;
- text: paragraphs, datelines, closers and list items, page breaks ignored, a marginal heading
  (seg type="margin") a paragraph of its own before the paragraph it labels, footnotes appended
  at the end ("[18] See meeting of February 1 ..."); extra["footnotes_offset"] is where they start.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date as Date
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import fromstring

from ..dates import parse_date, parse_dateline, search_date
from ..errors import DateError, ReaderError
from ..record import DateInfo, DocumentRecord, PersonRef, RejectedRecord
from ..text import clean_inline, normalize_paragraphs
from . import ReadOptions
from ..people import (TITLE_WORDS, alias_key, country_side, envoy_in_washington, office_holder, parse_name,
                      side_word)
from .wilson import clean_person_name
from ..lexicon import common_words

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
    surnames = _volume_hints(divs, ns, hints)
    titles = _person_titles(root, ns, hints)
    named = _VolumeNames(divs, ns)
    surnames = named.hints(surnames)
    year = None                     # the last year seen: minutes heads may print no year
    results: list[DocumentRecord | RejectedRecord] = []
    for number, div in enumerate(divs):
        where = div.get(XML_ID) or f"document {div.get('n')}"
        try:
            record = _document(div, ns, volume, hints, year, surnames,
                               named.titles(number, titles, _place_of(div, ns)),
                               named.document_hints(number, surnames), named.footnoted_posts(number))
        except (DateError, ReaderError) as exc:
            results.append(RejectedRecord(where=where, reason=str(exc)))
            continue
        year = record.date.start.year if record.date.start else year
        results.append(record)
    _settle_correspondence([r for r in results if isinstance(r, DocumentRecord)])
    yield from results


def _settle_correspondence(records: list[DocumentRecord]) -> None:
    """What the whole volume shows about who writes to whom settles a head that says only 'Mr.
    Gresham to Mr. Baker': a man who sends the Department despatches (or receives its instructions)
    is an envoy abroad, so the Department's letters to him are instructions and his letters to the
    Department despatches; a foreign envoy who sends notes receives notes. 'The Department' is the
    Secretary of State and whoever writes from the 'Department of State, Washington' heading."""
    def surname(record: DocumentRecord, role: str) -> str | None:
        person = next((p for p in record.participants if p.role == role), None)
        core = parse_name(person.name or "").core if person else []
        return alias_key(core[-1]) if core else None

    def from_department(record: DocumentRecord) -> bool:
        return bool(re.match(r"\W*Department of State\b", record.text[:200])) or any(
            p.role == "author" and p.post == "Secretary of State" for p in record.participants)

    department = {surname(r, "author") for r in records if from_department(r) and r.doc_type != "telegram"}
    envoys, legations = set(), set()
    for r in records:
        author, recipient = surname(r, "author"), surname(r, "recipient")
        if r.doc_type == "despatch":
            envoys.add(author)
        elif r.doc_type == "instruction":
            envoys.add(recipient)
        elif r.doc_type == "note":
            legations.add(recipient if author in department else author)
    envoys.discard(None), legations.discard(None), department.discard(None)
    for r in records:
        if r.doc_type != "letter" or _personal_letter(r.text.split("\n\n")[:5]) or any(
                p.role == "recipient" and p.post and p.post != "Secretary of State" for p in r.participants):
            continue                    # 'My dear Mr. Ambassador:', or a head that names the posts itself
        author, recipient = surname(r, "author"), surname(r, "recipient")
        if from_department(r) and recipient in envoys - department:
            r.doc_type = "instruction"
        elif from_department(r) and recipient in legations - department:
            r.doc_type = "note"
        elif recipient in department and (author in envoys or _from_us_mission(r.text.split("\n\n")[:3])):
            r.doc_type = "despatch"
            if _reports_interview(r.text.split("\n\n")):
                r.extra["records_conversation"] = True


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


def _person_titles(root: Element, ns: str, index: dict[str, str]) -> dict[str, str]:
    """Title key -> name from the descriptions of the list of persons ('Hull, Cordell, Secretary
    of State.' -> 'secretary of state': 'Cordell Hull'; 'Ertegün, Mehmet Münir, Turkish
    Ambassador.' -> 'turkish ambassador'), kept only where one person holds the title."""
    found: dict[str, set[str]] = {}
    for item in root.iter(f"{ns}item"):
        pers = next((p for p in item.iter(f"{ns}persName") if p.get(XML_ID)), None)
        if pers is None or pers.get(XML_ID) not in index:
            continue
        listed = clean_inline("".join(pers.itertext()))
        described = clean_inline(_inline(item).replace(LINE_BREAK, " "))
        described = described[described.find(listed) + len(listed):] if listed in described else ""
        for phrase in re.split(r"[;,.]\s+|\s+(?:and|until|after)\s+(?=[A-Z\d])|\.$", described):
            key = _title_key(phrase)
            if key:
                found.setdefault(key, set()).add(index[pers.get(XML_ID)])
    return {key: names.pop() for key, names in found.items() if len(names) == 1}


def _title_key(phrase: str) -> str | None:
    """'the Secretary of State' -> 'secretary of state'; None for anything that is no title."""
    key = alias_key(re.sub(r"^\W*(?:the|The)\s+|\W+$", "", phrase.strip()))
    if not key or len(key.split()) > 8 or not re.search(
            r"\b(?:secretary|ambassador|minister|charge|counselor|counsellor|consul|chief|president"
            r"|director|adviser|chairman|envoy|delegate|attache)\b", key):
        return None
    return key


def _inverted_name(listed: str) -> str:
    """'Francis, David R.' -> 'David R. Francis'; 'Goto, Shimpei, Baron' -> 'Shimpei Goto';
    'Graves, Maj. Gen. William S.' -> 'William S. Graves'."""
    parts = [p.strip() for p in listed.split(",") if p.strip()]
    if len(parts) < 2:
        return clean_person_name(listed)
    given = clean_person_name(parts[1])
    return f"{given} {parts[0]}" if given else parts[0]


# --- one document --------------------------------------------------------------------------------

def _document(div: Element, ns: str, volume: str, index: dict[str, str], year: int | None = None,
              surnames: dict[str, str] | None = None, titles: dict[str, str] | None = None,
              own_hints: dict[str, str] | None = None, footnoted_posts: list[list[str]] | None = None) -> DocumentRecord:
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
    place, date, extra = _date_and_place(div, ns, title, paragraphs, year)
    text = normalize_paragraphs(paragraphs + footnotes)
    participants = _participants(div, ns, head, title, index, date.start, titles or {})
    participants = _signed_office(participants, _signer(div, ns, index, surnames or {},
                                                        _acting_secretary(participants, date.start)))
    doc_type = _doc_type(title, markers, citations, participants, paragraphs, date.start, place)
    if doc_type == "memorandum" and _records_conversation(paragraphs):
        doc_type = "memcon"             # 'Memorandum by the Chief of the Division (Murray)': '... called on me'
    if doc_type == "despatch" and (_reports_interview(paragraphs) or _encloses_talk(paragraphs)):
        extra["records_conversation"] = True     # 'To-day, in a personal interview ... with Lord Kimberley'
    if doc_type == "memcon":
        callers = [p for p in _callers(paragraphs, titles or {}, date.start, place)
                   if alias_key(p.name) not in {alias_key(q.name) for q in participants}]
        participants = _unique(participants + callers)
        extra["participants_from_text"] = [p.name for p in callers] or None
    extra["footnoted_posts"] = footnoted_posts or None
    extra.update(doc_number=div.get("n"), source_notes=markers or None,
                 footnotes_offset=_offset_of(text, footnotes),
                 has_participants_block=_has_participants_list(div, ns) or None)
    classification = next((m.group(1).title() for m in map(_CLASSIFICATION.match, markers) if m),
                          None)
    translated = any("translation" in m.lower() for m in markers)
    return DocumentRecord(
        native_id=native_id, title=title, text=text, source=volume,
        doc_type=doc_type, date=date, place=place,
        language="English", original_language=None if translated else "English",
        citation="; ".join(citations) or None, archive=None, classification=classification,
        participants=participants,
        name_hints=own_hints or (_surname_hints(index) if surnames is None else surnames), extra={k: v for k, v in extra.items() if v is not None},
    )


_MEMCON_TITLE = re.compile(
    r"(?:memorandum|record|minutes|notes?|summary)\b[^.]{0,160}?\b(?:of|on) (?:a |the |his |her |their )?"
    r"(?:(?:telephone|telephonic|informal|private)\s+)?(?:conversations?|interviews?|talks?)\b"
    r"|^(?:conversation|interview|talk)s?\b[^.]{0,120}\b(?:with|between)\b")


_ABBREVIATION_DOT = re.compile(r"(?<=\b(?:mr|dr|st|jr))\.|(?<=\bmrs)\.|(?<=\bmessrs)\.|(?<=\b[a-z])\.(?=\s)")


def _doc_type(title: str, markers: list[str], citations: list[str], participants: list[PersonRef] = (),
              paragraphs: list[str] = (), on: Date | None = None, place: str | None = None) -> str:
    """The kind of document from its head ('Memorandum by the Secretary of State of a Conversation'
    is a memcon), its source notes ('[Telegram]') and, for a head 'A to B', who wrote to whom."""
    lowered = title.lower()
    if _MEMCON_TITLE.search(_ABBREVIATION_DOT.sub("", lowered)):      # 'by Mr. Eugene H. Dooman, ... of a Conversation'
        return "memcon"
    if re.match(r"(?:minutes|notes on the meeting)\b", lowered):
        return "minutes"
    if _TELEGRAM.search(title) or any(_TELEGRAM.search(m) for m in markers) \
            or any(re.search(r":\s*telegram\b", c, re.IGNORECASE) for c in citations):
        return "telegram"
    if "stenographic report" in lowered:
        return "transcript"
    if (_MISSION_TO_DEPARTMENT.search(title) and any(_MEMORANDUM_LINE.match(p) for p in paragraphs[:4])) \
            or (_split_to(title)[1] and _captioned_memorandum(paragraphs)) \
            or _between_offices(title) or any(_LEFT_AT_THE_DEPARTMENT.match(p) for p in paragraphs[:2]) \
            or any(re.match(r"aide-m[ée]moire\b", m, re.IGNORECASE) for m in markers):
        return "memorandum"             # 'The British Chargé (Barclay) to the Secretary of State': 'No. 980', 'Memorandum'; '[Aide-Mémoire]'
    for word, kind in (("letter", "letter"), ("aide-m[ée]moire", "note"), ("note", "note"),
                       ("memorandum", "memorandum"), ("report", "report"),
                       ("statement", "statement"), ("press release", "statement"),
                       ("speech", "speech"), ("bulletin", "report")):
        if re.search(rf"\b{word}\b", lowered):
            return kind
    return _correspondence_type(title, participants, paragraphs, on, place) or "document"


_MISSION_TO_DEPARTMENT = re.compile(r"\b(?:Embassy|Legation|Delegation|Government|Foreign Office)\s+to\s+the\s+"
                                    r"(?:Department of State|Secretary of State|American (?:Embassy|Legation))\b")
_MEMORANDUM_LINE = re.compile(r"^(?:\[?(?:Translation|Paraphrase)\]?\s*)?(?:Memorandum|MEMORANDUM|Pro Memoria"
                              r"|PRO MEMORIA|Aide-M[ée]moire|AIDE-M[ÉE]MOIRE)\b[^.]{0,80}$")


# A head naming no person on either side, one office of a government to another ('The British
# Embassy to the Department of State', 'The Department of State to the Japanese Embassy'): an
# unsigned communication in the third person, a diplomatic memorandum or aide-mémoire (a note is
# signed, and its head names the envoy or the Secretary who signs it).
_OFFICE = (r"(?:[Tt]he\s+)?(?:[A-Z][a-z]+\s+)?(?:Embassy|Legation|Foreign Office|Ministry (?:of|for) Foreign Affairs"
           r"|Department of State|Department|Government)")
_BETWEEN_OFFICES = re.compile(rf"^{_OFFICE}\s+to\s+{_OFFICE}\.?$")
# The editors' line before the text: '[A copy of the following paraphrase of a telegram was left at
# the Department of State on July 26, 1918:]' - a paraphrase or memorandum handed over, not a note.
_LEFT_AT_THE_DEPARTMENT = re.compile(
    r"^\[[^\]]{0,80}?\b(?:paraphrase|memorandum|aide-m[ée]moire)\b[^\]]{0,120}?\b(?:left (?:at|with)|handed (?:to|in at)"
    r"|delivered (?:to|at)|presented (?:to|at)|given to)\s+(?:the\s+)?(?:Department|Secretary|Under Secretary)\b", re.IGNORECASE)


def _between_offices(title: str) -> bool:
    """'The British Embassy to the Department of State': two offices, no person, one of them foreign
    and the other American or the reverse (two American offices write letters)."""
    if not _BETWEEN_OFFICES.match(title.strip()):
        return False
    sides = [_party_side(part) for part in _split_to(title)]
    return "US" in sides and any(side not in (None, "US") for side in sides)


def _captioned_memorandum(paragraphs: list[str]) -> bool:
    """A diplomatic memorandum: its text opens with the caption 'Memorandum', after at most a
    dateline and a number line ('No. 980'), and goes on in the third person, not with a salutation
    ('Memorandum' / 'Dear Mr. Secretary: Will you ...' is a letter)."""
    for i, para in enumerate(paragraphs[:3]):
        if _MEMORANDUM_LINE.match(para):
            following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
            return not re.match(r"(?:My\s+)?(?:[Dd]ear|Sir|Excellency|Mr\. Secretary)\b[^:]{0,40}:", following)
        if len(para.split()) > 12:
            return False
    return False


_DIPLOMAT = r"(?:Ambassador|Minister|Charg[ée](?: d'Affaires)?|Legation|Embassy|Consul(?: General)?|Envoy)"
_US_MISSION = re.compile(rf"\b{_DIPLOMAT}\b[^()]{{0,40}}?\b(?:in|at|to)\s+[A-Z]")


def _correspondence_type(title: str, participants: list[PersonRef], paragraphs: list[str],
                         on: Date | None = None, place: str | None = None) -> str | None:
    """A head 'A to B' that is not a telegram: a note between a government and a foreign
    diplomat ('The Secretary of State to the French Ambassador (Jusserand)'), a despatch from an
    American mission abroad to the Department ('The Ambassador in France (Sharp) to the Secretary of
    State', numbered 'No. 123'), an instruction from the Department to a mission ('The Secretary of
    State to the Minister in Nicaragua (Baker)'), else a letter."""
    roles = {p.role for p in participants if p.role in ("author", "recipient")}
    sender, receiver = _split_to(title)
    if roles != {"author", "recipient"} and not receiver:
        return None
    sides = [_party_side(part) for part in (sender, receiver)]
    if any(side not in (None, "US") for side in sides):
        # a note goes between governments; two officials of one government write letters, and so
        # does a diplomat who writes 'My dear Mr. Polk:' ... 'I am [etc.]' instead of 'Sir:' or 'Excellency:'
        return "letter" if sides[0] == sides[1] or _personal_letter(paragraphs) else "note"
    numbered = any(re.match(r"^\[?No\.\s*\d+\b(?!:)", p) and len(p.split()) <= 10 for p in paragraphs[:3])
    secretary = _secretary_party(sender, receiver, participants, on)
    if _US_MISSION.search(sender) and (numbered or re.search(r"Secretary of State|Department", receiver)):
        return "despatch"
    if re.search(r"Secretary of State|Department of State", sender) and _US_MISSION.search(receiver):
        return "instruction"            # the Department to a mission abroad, not by telegram
    if secretary == "recipient" and (numbered or _from_us_mission(paragraphs)):
        return "despatch"               # 'Mr. Baker to Mr. Gresham', 'No. 123', 'Legation of the United States
    if secretary == "author" and numbered:
        return "instruction"            # 'Mr. Gresham to Mr. Baker', 'No. 45'
    opening = " ".join(paragraphs[:6])
    if secretary == "author" and _CITES_DESPATCHES.search(opening):
        return "instruction"            # 'I have received your dispatch of May 30': to a mission abroad
    if secretary == "recipient" and _CITES_INSTRUCTIONS.search(opening):
        return "despatch"               # 'In reply to your instruction No. 12'
    if secretary and _foreign_legation_text(paragraphs, place, secretary):
        return "note"                   # to or from a foreign legation in Washington
    return "letter"


_PERSONAL_SALUTATION = re.compile(r"^(?:My\s+)?[Dd]ear\s+[^:]{1,60}:")
_CALLS_ITSELF_A_NOTE = re.compile(r"\b(?:my|your|our)\s+(?:\w+\s+)?notes?\s+(?:of|No\.|dated)\b")


def _personal_letter(paragraphs: list[str]) -> bool:
    """A personal letter between an official and a foreign diplomat: it opens 'My dear Mr.
    Ambassador:' (a formal note opens 'Sir:', 'Excellency:' or in the third person), unless the
    exchange calls itself notes ('With reference to my note of December 3', 'your personal note of
    November 29th')."""
    opening = next((p for p in paragraphs[:4] if _PERSONAL_SALUTATION.match(p)), None)
    return opening is not None and not any(_CALLS_ITSELF_A_NOTE.search(p) for p in paragraphs)


# The Secretary answering a mission's despatches, a mission answering the Department's instructions.
_CITES_DESPATCHES = re.compile(r"\b(?:your|yours)\b[^.;]{0,40}?\b(?:dispatch|despatch)(?:es)?\b|\bmy instructions? (?:of|No\.)",
                               re.IGNORECASE)
_CITES_INSTRUCTIONS = re.compile(r"\byour (?:instructions?|telegraphic instructions?) (?:of|No\.)", re.IGNORECASE)


def _party_side(party: str) -> str | None:
    """'the French Ambassador (Jusserand)' -> 'France'; 'The Ambassador in France (Sharp)' -> 'US'."""
    for match in re.finditer(rf"\b([A-Z][a-z]+)\s+(?:{_DIPLOMAT}|Government|Delegation|Foreign Office"
                             rf"|Minister for Foreign Affairs)\b", party):
        side = side_word(match.group(1))
        if side:
            return side
    if re.search(r"Secretary of State|Department of State|President\b|Under Secretary|Division of", party) \
            or _US_MISSION.search(party):
        return "US"
    return None


def _secretary_party(sender: str, receiver: str, participants: list[PersonRef], on: Date | None) -> str | None:
    """Which side of 'Mr. Gresham to Mr. Baker' is the Secretary of State on the date."""
    holder = office_holder("Secretary of State", on)
    if not holder:
        return None
    surname = alias_key(holder.split()[-1])
    for part, role in ((sender, "author"), (receiver, "recipient")):
        if re.search(rf"\b{re.escape(surname)}\b", alias_key(part)):
            return role
    for person in participants:
        if person.role in ("author", "recipient") and person.name == holder:
            return person.role
    return None


def _from_us_mission(paragraphs: list[str]) -> bool:
    return bool(re.search(r"\b(?:Legation|Embassy|Consulate(?: General)?) of the United States\b"
                          r"|\b(?:United States|American) (?:Legation|Embassy|Consulate)\b", " ".join(paragraphs[:3])))


def _abroad(place: str | None) -> bool:
    return bool(place) and not re.search(r"\bWashington\b", place)


def _foreign_legation_text(paragraphs: list[str], place: str | None, secretary: str) -> bool:
    """A note from a foreign legation is written in Washington and signs with the envoy's style;
    one to it addresses the envoy ('Sir: I have the honor to acknowledge the receipt of your note')."""
    opening = " ".join(paragraphs[:4])
    closing = " ".join(paragraphs[-4:])
    if re.search(r"\bLegation of (?:the )?(?!United States)[A-Z]|\b[A-Z][a-z]+ Legation\b", opening) \
            and not re.search(r"\b(?:American|United States) Legation\b", opening):
        return True
    if secretary == "recipient" and not _abroad(place) and re.search(
            r"\bEnvoy Extraordinary\b|\bMinister Plenipotentiary\b", closing):
        return True
    return secretary == "author" and bool(re.search(r"\byour (?:note|communication) of\b", opening))


def _foreign_diplomat(party: str) -> bool:
    """'the French Ambassador (Jusserand)', 'the Japanese Minister for Foreign Affairs (Hirota)'."""
    for match in re.finditer(rf"\b([A-Z][a-z]+)\s+(?:{_DIPLOMAT}|Government|Delegation|Foreign Office"
                             rf"|Minister for Foreign Affairs)\b", party):
        side = side_word(match.group(1))
        if side and side != "US":
            return True
    return False


# --- a memorandum that records a conversation ------------------------------------------------------

_VISIT = re.compile(
    r"\b(?:called (?:on|upon|to see) me|called (?:at|on) the (?:Department|Secretary|Under Secretary)"
    r"|(?:called|came in|came to see me)(?: again)? (?:today|to-day|this morning|this afternoon|yesterday|at my request)"
    r"|came (?:in )?to see me|came in to see me|(?:came|called) (?:to|at) my office|visited me|telephoned (?:me|to me)"
    r"|I (?:called on|telephoned|got in touch with)"
    r"|(?:in|during) (?:the course of )?(?:a|an|our|my|the|his|her) (?:\w+ )?(?:conversation|interview|talk|call)"
    r"|I (?:had|held) (?:a|an) (?:\w+ )?(?:conversation|interview|talk)|I (?:saw|received|talked with|spoke with))\b")
# One person named as the subject of the opening: 'The Egyptian Minister', 'The Ambassador of
# Turkey', "The Chargé d'Affaires of Iran", 'Mr. John H. Spencer, an American citizen who ...,'.
_ONE_PERSON = (r"(?:(?<![\w,] )(?:The|the)\s+(?:[A-Z][\w'’]+\s+){0,3}(?:Ambassador|Minister|Charg[ée] d['’]Affaires|Charg[ée]"
               r"|Counsel+or|Secretary|Consul(?: General)?|Attach[ée]|Envoy|Delegate|Representative)"
               r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)?"
               r"|(?:(?:Mr|Mrs|Dr|M)\.|Senator|Representative|Congressman|Rabbi|Bishop|Judge|Governor)\s+"
               r"(?:[A-Z][\w'’\-]*\.?\s+){0,3}[A-Z][\w'’\-]+(?:\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?)"
               r"(?:,[^,;]{1,120},)?")
# How a record of a conversation opens (a policy paper or a covering note has none of these):
# a caller ('The Egyptian Minister called to inquire', 'The Italian Ambassador told me', 'Mr. X,
# Secretary of the Turkish Embassy, in calling today'), the writer seeking someone out ('I sent
# for the Iranian Chargé', 'I went to see', 'I had luncheon today with', 'I put in a long
# distance call for'), or the occasion named ('During a call from the British Ambassador', 'In
# conversation yesterday afternoon with', '... on a call to my office').
_ENCOUNTER = re.compile(
    rf"{_ONE_PERSON}\s+(?:\w+ly\s+)?(?:(?:called|came in|came to see|visited|telephoned)\b(?!\s+here\b)|in calling\b"
    r"|(?:told|handed|informed|gave|showed|read to) me\b)"
    r"|\bI\s+(?:\w+ly\s+)?(?:sent for|went to see|went to call on|called on|called upon|saw|received|talked (?:with|to)"
    r"|got in touch with"
    r"|spoke (?:with|to)|telephoned|put in a (?:long[ -]distance |telephone )?call"
    r"|had (?:a |an )?(?:\w+ )?(?:luncheon|lunch|dinner|breakfast|talk|conversation|interview) (?:\w+ )?with)\b"
    r"|\bI\s+(?:\w+ly\s+)?(?:told|informed) (?:him\b|her\b|the [A-Z]|(?:Mr|Mrs|Dr|M)\.)"
    r"|\b(?:[Dd]uring|[Ii]n)\s+(?:the course of\s+)?(?:(?:a|an|my|our|his|her|the)\s+)?(?:\w+\s+)?"
    r"(?:call|visit|conversation|talk|interview)\s+(?:\w+\s+){0,3}?(?:from|with|of|by)\s+(?:the\s+)?[A-Z]"
    r"|\bon a call (?:to|on) (?:me|my office)\b")
_TOLD = re.compile(r"\b(?:I|he|she|He|She|who|and|[A-Z][a-z]+) (?:then |also |again |\w+ly )?(?:said|told|replied|asked"
                   r"|answered|stated|remarked|observed|inquired|added|pointed out|explained|suggested|reminded"
                   r"|expressed|informed|promised|assured|admitted|requested|thanked)\b")


def _records_conversation(paragraphs: list[str]) -> bool:
    """A memorandum that is a record of a conversation: it opens with a visit, a call or a
    conversation ('The Turkish Ambassador called on me today and said ...', 'I sent for the
    Iranian Chargé d'Affaires', 'During a call from the British Ambassador', 'The Italian
    Ambassador told me that') and reports at least once who said what ('I told him that ...',
    'He replied ...'). A paper arguing a policy, a covering note on an attached report, or a
    summary of many calls ('Various ministers have called here') has no such opening."""
    body = [p for p in paragraphs if len(p.split()) > 6]
    if not body:
        return False
    opening = " ".join(body[:2])
    reports = sum(len(_TOLD.findall(p)) for p in body)
    if _VISIT.search(opening) and reports >= 2 and any(re.search(r"\b(?:I|me)\b", p) for p in body):
        return True
    return bool(_ENCOUNTER.search(body[0])) and reports >= 1


# Not the passive 'it can truthfully be said that': someone's words, not the writer's turn of phrase.
_REPORTED_SPEECH = re.compile(r"\b(?<!be )(?<!been )(?<!is )(?<!was )(?:said|stated|replied|told|repeated|reminded"
                              r"|answered|asked|remarked|observed|informs me|informed me|tells me|assures me)\b")


def _reports_interview(paragraphs: list[str]) -> bool:
    """A despatch whose opening reports an interview or a call ('To-day, in a personal interview at
    the foreign office with Lord Kimberley, his lordship ... said', 'yesterday, by appointment, I
    called on Lord Kimberley') and what was said in it: its paragraphs have speakers, as a
    memorandum of conversation's do, though it stays a despatch."""
    body = [p for p in paragraphs if len(p.split()) > 6 and not _DATELINE_PARAGRAPH.match(p)]
    # The interview may come after the despatch's acknowledgments ('Sir: On the 9th instant I had the
    # honor to receive your instruction ...', 'With the foregoing papers I also beg to acknowledge ...').
    # A passage quoted from an earlier despatch ('In my official dispatch dated July 27, the following
    # paragraph occurs:' / 'I had a talk with Dr. Madriz ...') is no interview of this one.
    kept = [i for i, p in enumerate(body[:4]) if not _ACKNOWLEDGMENT.match(p)][:2]
    opening = [body[i] for i in kept if not (i and _QUOTES_FOLLOWING.search(body[i - 1]))]
    if opening and _INTERVIEW.search(" ".join(opening)) and any(_REPORTED_SPEECH.search(p) for p in body[:6]):
        return True
    # later, the writer's own words in the conversation he names: 'In this unofficial conversation I stated',
    # or at the ministry he names: 'I pointed out orally at the Foreign Office that'
    return any((_INTERVIEW.search(p) and _WRITER_SAID.search(p)) or _WRITER_SAID_ORALLY.search(p) for p in body[:12])


_WRITER_SAID = re.compile(r"\bI (?:then |also |further |\w+ly )?(?:stated|said|told|replied|answered|remarked|observed"
                          r"|pointed out|explained|informed|expressed|suggested|repeated|emphasized|stressed)\b")

_QUOTES_FOLLOWING = re.compile(r"\bthe following (?:paragraph|passage|extract|sentence|statement)s?\b[^.]{0,40}:\s*$")
_WRITER_SAID_ORALLY = re.compile(
    r"\bI (?:then |also |further |\w+ly )?(?:stated|said|pointed out|explained|remarked|observed|replied|made it clear)"
    r"(?: to \w+)? (?:orally|verbally|personally|in person|at the (?:Foreign Office|Foreign Ministry|Ministry|Palace))\b")

# A despatch's dateline with the Department's note of receipt: 'Teheran, May 15, 1936. [Received June 10.]',
# 'Legation of the United States, Managua, March 8, 1894. (Received April 4, 1894.)'.
_DATELINE_PARAGRAPH = re.compile(r"^[A-Z][\w .,'\-]{0,60},\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th|d)?,?\s+\d{4}"
                                 r"|\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4})\.?\s*(?:\[[^\]]{0,60}\]\.?|\([^)]{0,60}\)\.?)?$")
# An enclosure that records talk: 'Memorandum by the American Ambassador (MacMurray) of a Conversation
# With the Turkish Minister ...', 'Translations of Reports in the Italian Press of Interviews of Ambassador Long'.
_TALK_ENCLOSURE_TITLE = re.compile(
    r"^(?:[\w.,()'\-]+\s+){0,12}?(?:memorandum|record|minutes|notes?|summary|reports?|accounts?|translations?)\b"
    r"[^.]{0,160}?\b(?:of|on) (?:a |an |the |his |her |their )?(?:(?:telephone|telephonic|informal|private)\s+)?"
    r"(?:conversations?|interviews?|talks?)\b", re.IGNORECASE)
_ENCLOSURE_MARK = re.compile(r"^\[(?:Sub)?(?:Inclosure|Enclosure)s?\b[^\]]{0,60}\]$", re.IGNORECASE)


def _encloses_talk(paragraphs: list[str]) -> bool:
    """A despatch whose enclosure is a record of talk, by its title (a memorandum of a conversation
    the writer held, press reports of interviews someone gave): its paragraphs have speakers."""
    marks = [i for i, p in enumerate(paragraphs) if _ENCLOSURE_MARK.match(p.strip())]
    for n, i in enumerate(marks):
        if i + 1 < len(paragraphs) and _TALK_ENCLOSURE_TITLE.search(paragraphs[i + 1]):
            return True
        enclosed = paragraphs[i + 1:marks[n + 1] if n + 1 < len(marks) else len(paragraphs)]
        if _records_conversation([p for p in enclosed if not _DATELINE_PARAGRAPH.match(p)]):
            return True                 # 'Memorandum by the Counselor of Embassy': 'M. Chauvel ... came to see me'
    return False


_ACKNOWLEDGMENT = re.compile(r"^(?:Sir:\s+)?(?:[^.;]{0,60}?\bI (?:had|have) the hono(?:u)?r to (?:receive|acknowledge)"
                             r"|[^.;]{0,60}?\bI (?:also )?beg to acknowledge|I have received your)\b")


_INTERVIEW = re.compile(
    r"\b(?:[Ii]n|[Dd]uring) (?:the course of )?(?:a|an|our|my|the|his|her|this|that) (?:\w+ )?(?:interview|conversation|talk"
    r"|audience)\b|\b(?:accorded|granted|gave) me (?:an? )?(?:\w+ )?(?:interview|audience)\b"
    r"|\bI (?:\w+ly )?(?:called (?:today |yesterday )?(?:on|upon)|waited (?:on|upon)|met (?:with )?(?:Dr|Mr|M|Señor|Senor)\.? [A-Z]\w*"
    r"|had (?:a|an) (?:\w+ )?(?:interview|conversation|talk|audience|conference)"
    r"|(?:have |had )?had (?:full |long |two |three )?(?:interviews|conversations|talks|conferences) with)\b"
    r"|\b(?:called|came) (?:on|upon|to see) me\b"
    r"|\breceived (?:Mr|Dr|M|Señor|Senor)\.? [A-Z][\w'\-]+,[^.;]{0,80}?\bby appointment\b"   # '... received Mr. Marriner, Counselor of Embassy, ... by appointment'
    # 'a report of the interview I had just held with the Earl of Kimberley'; 'a reply from his
    # lordship, inviting me to call upon him at the foreign office'
    r"|\b(?:the|an?) (?:\w+ )?interview (?:which )?I (?:had |have )?(?:just |to-day |today |yesterday )?(?:had|held)\b"
    r"|\b(?:invited|inviting|asked|asking|requested|requesting) me to call (?:on|upon|at)\b"
    # 'the Minister wished to see me', 'the Minister ... asked me to call this morning', 'sent for me'
    r"|\b(?:wished|wanted|desired|asked|requested) (?:to see me|me to (?:call|come)\b)|\b(?:sent for|received) me\b")


_CALLER_POST = (r"(?:[A-Z][a-z]+\s+){1,2}(?:Ambassador|Minister|Chargé d'Affaires|Charge d'Affaires|Counselor of Embassy"
                r"|Counselor|Counsellor|Consul General|Consul|Secretary of (?:Embassy|Legation)|Military Attaché"
                r"|Naval Attaché|Delegate|Minister for Foreign Affairs|Foreign Minister)")
# 'the Ambassador of Turkey', "the Chargé d'Affaires of Iran", 'the Counselor of the Italian Embassy'
_POST_OF = (r"(?:Ambassador|Minister|Charg[ée] d'Affaires|Counsel+or|Consul General|Consul|(?:First |Second |Third )?Secretary)"
            r"\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s+(?:Embassy|Legation)|[A-Z][a-z]+)")
_CALLER_NAME = (r"(?:(?:Mr|Mrs|Dr|M)\.|Señor|Senor|Sir|Baron|Count|Prince|General|Admiral|Colonel|Dr|Senator"
                r"|Representative|Congressman|Rabbi|Bishop|Judge|Governor)"
                r"\s+(?:[A-Z]\.\s?)*[A-Z][\w\-']+(?:\s+(?:de\s+)?[A-Z][\w\-']+)?")
_VISIT_VERB = r"(?:\w+ly\s+)?(?:called|came|telephoned|visited|lunched|dined|spoke|said|told|handed|left|stated|asked)\b"
_CALLERS = (
    re.compile(rf"\b[Tt]he (?P<post>{_CALLER_POST}|{_POST_OF})(?:,\s+(?P<name>{_CALLER_NAME}),)?\s+(?:\w+\s+)?{_VISIT_VERB}"),
    re.compile(rf"(?P<name>{_CALLER_NAME}),\s+(?:the\s+)?(?P<post>{_CALLER_POST}|{_POST_OF})(?:\s+(?:in|at|to)\s+[A-Z][a-z]+)?,"
               rf"\s+(?:\w+\s+)?(?:{_VISIT_VERB}|in calling\b)"),
)
# A visitor named with a description instead of a post: 'Mr. John H. Spencer, an American citizen
# who ..., called today'; 'Mr. Philip Broadmead of the British Embassy called on me'.
_NAMED_CALLER = re.compile(r"(?P<name>(?:(?:Mr|Mrs|Dr|M)\.|Señor|Senor|Sir|Senator|Representative|Congressman|Rabbi"
                           r"|Bishop|Judge|Governor)\s+(?:[A-Z][\w\-']*\.?\s+){0,3}[A-Z][\w\-']+)"
                           rf"(?:,\s+[^,;]{{1,140}},|\s+of\s+the\s+[A-Z][a-z]+\s+(?:Embassy|Legation)"
                           rf"|\s+of\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?"
                           rf"\s+(?:\w+\s+)?(?:(?:\w+ly\s+)?(?:called|came|telephoned|visited|told me|handed me)\b|in calling\b)")
# The one the visitor called on: 'The Egyptian Minister called on Mr. Sayre today'.
_CALLED_ON = re.compile(rf"\b(?:called (?:today |yesterday |again )?(?:on|upon)|came to see|visited)\s+(?P<name>{_CALLER_NAME})")
# An envoy the first paragraph names: 'During a call from the British Ambassador', 'I sent for the
# Iranian Chargé d'Affaires', 'who accompanied the Argentine Ambassador on a call to my office'.
_OPENING_ENVOY = re.compile(rf"\b[Tt]he (?P<post>(?:[A-Z][a-z]+\s+)(?:Ambassador|Minister|Charg[ée] d'Affaires|Counsel+or)\b"
                            rf"|{_POST_OF})")


def _callers(paragraphs: list[str], titles: dict[str, str], on: Date | None = None,
             place: str | None = None) -> list[PersonRef]:
    """Who the memorandum's writer talked with, when only the text says so: 'The Japanese
    Ambassador, Mr. Yoshizawa, called' -> participant Yoshizawa (Japanese Ambassador); 'The
    Turkish Ambassador called on me' -> the Turkish Ambassador, named from the volume's list of
    persons or its footnotes when one person there holds that post, else, in Washington, the
    envoy of that country to the United States on the date; 'Mr. X, an American citizen who
    ..., called' -> X; 'called on Mr. Sayre' -> Sayre; an envoy the first paragraph names ('During
    a call from the British Ambassador')."""
    found = []
    body = [p for p in paragraphs if len(p.split()) > 6]
    opening = []
    for para in paragraphs[:3]:
        opening.append(para)
        if para.rstrip().endswith(":"):
            break                                   # what follows is a document read or quoted
    opening = " ".join(opening)

    def envoy(post: str, printed: str | None = None) -> PersonRef:
        name = clean_person_name(printed) if printed else (
            _titled_name(post, titles) or (envoy_in_washington(post, on) if _in_washington(place) else None))
        return PersonRef(name=name or post, role="participant", as_printed=printed or post,
                         post=post, side=_side_of(post, printed or "") or _country_of(post))

    for pattern in _CALLERS:
        for match in pattern.finditer(opening):
            found.append(envoy(clean_inline(match.group("post")), match.group("name")))
    first = body[0] if body else ""
    for pattern in (_NAMED_CALLER, _CALLED_ON):
        for match in pattern.finditer(first):
            printed = clean_inline(match.group("name"))
            if not any(alias_key(clean_person_name(printed)) == alias_key(p.name) for p in found):
                found.append(PersonRef(name=clean_person_name(printed), role="participant", as_printed=printed))
    for match in _OPENING_ENVOY.finditer(first):
        post = clean_inline(match.group("post"))
        known = {_envoy_key(p.post or "") or alias_key(p.post or "") for p in found}
        if (_side_of(post, "") or _country_of(post)) and (_envoy_key(post) or alias_key(post)) not in known:
            found.append(envoy(post))
    return _unique(found)


def _in_washington(place: str | None) -> bool:
    return bool(place) and bool(re.search(r"\bWashington\b", place))


def _country_of(post: str) -> str | None:
    """'Ambassador of Turkey' -> 'Turkey'."""
    country = re.search(r"\bof\s+(?:the\s+)?([A-Z][a-z]+)\b", post or "")
    return country_side(country.group(1)) if country else None


def _titled_name(post: str, titles: dict[str, str]) -> str | None:
    """The person holding a post by the volume's titles: 'Egyptian Minister' by its key, 'Ambassador
    of Turkey' by its nation and office ('Turkish Ambassador')."""
    name = titles.get(_title_key(post) or "")
    if name:
        return name
    wanted = _envoy_key(post)
    if wanted in titles:
        return titles[wanted]                          # a footnoted envoy ('Italy|ambassador')
    found = {n for key, n in titles.items() if wanted and "|" not in key and _envoy_key(key) == wanted}
    return found.pop() if len(found) == 1 else None


_ENVOY_NOUN = re.compile(r"\b(ambassador|minister|charg[ée](?: d['’]affaires)?|counsel+or|consul(?: general)?"
                         r"|secretary|attach[ée]|envoy|delegate|representative)\b", re.IGNORECASE)


def _envoy_key(post: str) -> str | None:
    """'Turkish Ambassador' and 'Ambassador of Turkey' -> 'Turkey|ambassador'; None without a
    nation or an office."""
    noun = _ENVOY_NOUN.search(post or "")
    if not noun:
        return None
    country = re.search(r"\bof\s+(?:the\s+)?([A-Z][a-z]+)\b", post[noun.end():])
    side = (country_side(country.group(1)) if country else None) or next(
        (side_word(w) for w in re.findall(r"[A-Za-z][a-z]+", post) if side_word(w)), None)
    if not side or side == "US":
        return None
    office = alias_key(noun.group(1)).split()[0]
    return f"{side}|{'charge' if office.startswith('charg') else office.replace('counsellor', 'counselor')}"


_FOOTNOTE_PERSON = re.compile(
    r"^(?:(?:Sir|Jonkheer|Baron|Count|Marquis|Prince|Dr\.|Señor|Senor)\s+)?"
    r"(?P<name>[A-Z][\w'’\-]*\.?(?:\s+(?:[A-Z][\w'’\-]*\.?|de|di|da|del|von|van|y|la|le)){1,6}"
    r"|[A-Z][a-z]+(?:-[A-Za-z][a-z]+){2,})"
    r"(?:,\s+(?P<post>[^.]{3,120}))?\.?$")
_FOOTNOTED_TITLE = re.compile(
    r"\b[Tt]he\s+(?P<title>(?:[A-Z][\w'’]+\s+){1,3}?(?:Ambassador|Minister|Charg[ée] d['’]Affaires|Charg[ée]|Counsel+or"
    r"|Consul(?: General)?|Envoy|Delegate|Representative|Commissioner)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)?"
    r"|(?:Ambassador|Minister|Charg[ée] d['’]Affaires|Counsel+or)\s+of\s+(?:the\s+)?[A-Z][\w'’]+)[\s,]*$")
_FOOTNOTED_HEAD = re.compile(r"\b[Tt]he\s+(?P<title>(?:head|chief|chairman|leader|spokesman)\s+of\s+[^,;:.()\[\]]{3,120}?)[\s,]*$")
_FOOTNOTED_SURNAME = re.compile(
    r"\b(?:Mr|Mrs|Dr|Judge|Sir|Senator|Ambassador|Minister|General|Admiral|Colonel|Captain|Professor|Señor|M)\.?"
    r"\s+(?P<surname>[A-Z][\w'’\-]+)[\s,]*$")

# 'Madariaga[77] pointed out' with '[77] Salvador de Madariaga, Spanish permanent delegate ...': the
# surname alone, which the footnote's name must end with.
_FOOTNOTED_BARE_SURNAME = re.compile(r"(?:^|[\s(])(?P<surname>[A-Z][^\W\d_A-Z][\w'’\-]+)[\s,]*$")


class _VolumeNames:
    """Names for people the text calls by title or surname, for the whole volume: those the
    editors give in footnotes ('The Egyptian Minister[1]' with note '[1] Mohamed Amine Youssef.';
    'Mr. Sayre[2]' with '[2] Francis B. Sayre, Assistant Secretary of State.') and the name a
    record of a call gives its visitor (_name_the_visitor). A document that calls the same man by
    the same title without a footnote means him too. So does a surname footnoted where it is printed
    alone ('Madariaga[77]' with '[77] Salvador de Madariaga, ...'), since the editors name a man at
    his first mention only, unless the volume prints that surname after another given name ('Mr.
    Hugh Wilson' beside '[19] Edwin C. Wilson'). Where the volume names several
    holders of one title (an ambassador replaced during the year), a document takes the one named
    last on or before its date, else the first named after it (volume order where undated)."""

    def __init__(self, divs: list[Element], ns: str):
        self._by_title: dict[str, list[tuple[tuple, str]]] = {}
        self._by_surname: dict[str, set[str]] = {}
        self._by_bare_surname: dict[str, dict[str, str]] = {}
        self._own_surnames: list[dict[str, str]] = [{} for _ in divs]   # per document: 'Madariaga' -> his name
        self._own_posts: list[list[list[str]]] = [[] for _ in divs]    # per document: [name, post]
        self._order = [_document_order(div, ns, number) for number, div in enumerate(divs)]
        for number, div in enumerate(divs):
            for before, body in _annotated_phrases(div, ns):
                person = _FOOTNOTE_PERSON.match(body)
                name = clean_person_name(person.group("name")) if person else None
                if not name:
                    continue
                titled = _FOOTNOTED_TITLE.search(before)
                key = _envoy_key(titled.group("title")) if titled else None
                if key:
                    self._by_title.setdefault(key, []).append((self._order[number], name, _place_of(div, ns)))
                post = titled or _FOOTNOTED_HEAD.search(before)
                if post and [name, post.group("title")] not in self._own_posts[number]:
                    self._own_posts[number].append([name, post.group("title")])
                named, bare = _FOOTNOTED_SURNAME.search(before), _footnoted_bare_surname(before, name)
                if named and alias_key(name).endswith(alias_key(named.group("surname"))):
                    self._by_surname.setdefault(named.group("surname"), set()).add(name)
                elif bare:
                    self._by_bare_surname.setdefault(bare, {}).setdefault(alias_key(name), name)   # 'José Maria' = 'José María'
                if bare:
                    self._own_surnames[number][bare] = name
            self._name_the_visitor(div, ns, number)
        self._divs = divs

    def _name_the_visitor(self, div: Element, ns: str, number: int) -> None:
        """A record of a call by a visitor it introduces by post alone ('I went to see the Iranian
        Chargé d'Affaires') that then calls him by name ('Mr. Ghods then recounted', 'I pointed out
        to Mr. Ghods'): the name is the post's, here and in the volume's other records."""
        head = div.find(f"{ns}head")
        title = clean_inline(_inline(head).replace(LINE_BREAK, " ")) if head is not None else ""
        if not title.lower().startswith(("memorandum", "record", "notes")):
            return
        paragraphs = _render(div, ns, head)[0]
        if not _records_conversation(paragraphs):
            return
        callers = _callers(paragraphs, {})
        unnamed = {_envoy_key(p.post or "") for p in callers if p.name == p.post}
        unnamed.discard(None)
        named = " ".join(p.name for p in callers if p.name != p.post)    # 'called on Mr. Sayre': not the visitor
        name = _interlocutor(paragraphs, f"{title} {named}") if len(unnamed) == 1 else None
        if name:
            self._by_title.setdefault(unnamed.pop(), []).append((self._order[number], name, _place_of(div, ns)))

    def footnoted_posts(self, number: int) -> list[list[str]]:
        """[name, post] for each man document `number` names by post with a footnote giving his name
        ('The British Minister[86]' with '[86] Sir Sidney Barton.'; 'The head of the British delegation
        at the recent meetings of the Experts Committees[93]' with '[93] F. C. Starling, ...'): the
        post's holder, whom 'Sir Sidney' and 'the British Minister' mean in the text (corpus.speakers)."""
        return self._own_posts[number]

    def document_hints(self, number: int, surnames: dict[str, str]) -> dict[str, str]:
        """The volume's hints with the names document `number`'s own footnotes give bare surnames
        ('Madariaga[77] pointed out' with '[77] Salvador de Madariaga, ...'), which hold there even
        where the volume has two men of that surname (Hugh R. and Edwin C. Wilson)."""
        own = self._own_surnames[number]
        return {**surnames, **own} if own else surnames

    def titles(self, number: int, volume_titles: dict[str, str], place: str | None = None) -> dict[str, str]:
        """The volume's titles with the footnoted envoys for document `number` ('Egypt|minister'):
        only those footnoted in documents written where this one was (the Egyptian Minister of a
        Washington memorandum is the one in Washington, not the one a telegram from Cairo names)."""
        if not self._by_title:
            return volume_titles
        found = dict(volume_titles)
        day, _ = self._order[number]
        for key, named in self._by_title.items():
            named = sorted((order, name) for order, name, where in named if where == place)
            if not named:
                continue
            earlier = [name for (when, n), name in named if (when <= day if day != "9999" else n <= number)]
            found[key] = earlier[-1] if earlier else named[0][1]
        return found

    def hints(self, surnames: dict[str, str]) -> dict[str, str]:
        """The volume's surname hints with the footnoted full names ('Sayre' -> 'Francis B. Sayre')
        of surnames the volume gives no other name for."""
        extra = {s: next(iter(names)) for s, names in self._by_surname.items()
                 if len(names) == 1 and s not in surnames}
        bare = {s: next(iter(names.values())) for s, names in self._by_bare_surname.items()
                if len(names) == 1 and s not in surnames and s not in extra}
        if bare:
            forenames = _forenames_printed(self._divs, set(bare))
            extra |= {s: name for s, name in bare.items()
                      if not forenames.get(s, set()) - {alias_key(word) for word in parse_name(name).core}}
        return {**surnames, **extra} if extra else surnames


def _place_of(div: Element, ns: str) -> str | None:
    dateline = _own_dateline(div, ns)
    return _place_name(dateline, ns) if dateline is not None else None


def _document_order(div: Element, ns: str, number: int) -> tuple:
    """(date of the dateline's @when, place in the volume): dated documents in date order."""
    dateline = _own_dateline(div, ns)
    when = _when(dateline, ns) if dateline is not None else None
    return ((when or "")[:10] if when and re.match(r"\d{4}-\d{2}-\d{2}", when) else "9999", number)


_SPEECH_AFTER = (r"(?:then\s+|also\s+|again\s+|\w+ly\s+|,\s+before leaving,\s+)?(?:said|stated|told|asked|replied"
                 r"|recounted|explained|remarked|observed|inquired|added|suggested|expressed|informed|went on to say)\b")
_TALKED_WITH = (
    # 'Mr. Ghods then recounted', 'Rossi Longhi asked if', 'Mr. Ghods told me'
    re.compile(rf"(?:^|[.;]\s+)(?:(?:Mr|Mrs|M)\.\s+)?(?P<name>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?)\s+{_SPEECH_AFTER}"),
    # 'I pointed out to Mr. Ghods', 'I questioned Mr. Ghods', 'my inquiry of Mr. Ghods'
    re.compile(r"\b(?:I\s+(?:\w+ly\s+)?(?:told|asked|questioned|informed|reminded|assured|(?:pointed out|explained|emphasized"
               r"|said|repeated|suggested|mentioned) to)|my (?:inquiry|question|request) (?:of|to))\s+(?:Mr|Mrs|M)\.\s+"
               r"(?P<name>[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?)"),
)


def _interlocutor(paragraphs: list[str], title: str) -> str | None:
    """The one person a record of a conversation shows talking with the writer: named as the
    subject of a verb of speech or as the one the writer speaks to, at least twice, and at least
    twice as often as anyone else; not the writer named in the head."""
    counts: dict[str, int] = {}
    for para in paragraphs:
        for pattern in _TALKED_WITH:
            for match in pattern.finditer(para):
                name = match.group("name")
                if name.split()[0] in ("He", "She", "I", "We", "They", "The", "It", "This", "Asked", "After") \
                        or re.search(rf"\b{re.escape(name)}\b", title):
                    continue
                counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


def _footnoted_bare_surname(before: str, name: str) -> str | None:
    """'Madariaga' for 'Madariaga[77]' with '[77] Salvador de Madariaga, ...': a surname printed
    alone that the footnote's name ends with."""
    bare = _FOOTNOTED_BARE_SURNAME.search(before)
    if bare and name and alias_key(name).split()[-1:] == [alias_key(bare.group("surname"))]:
        return bare.group("surname")
    return None


_PRINTED_FORENAME = re.compile(r"\b(?P<first>[A-Z][a-z]+)\s+(?:[A-Z]\.\s+)*(?P<surname>[A-Z][\w'’\-]+)")


def _forenames_printed(divs: list[Element], surnames: set[str]) -> dict[str, set[str]]:
    """The given names the volume prints before each of `surnames` ('Hugh Wilson'), leaving out
    titles and common words ('Mr. Wilson', 'When Wilson'): a second given name is a second man."""
    common = common_words()
    found: dict[str, set[str]] = {}
    for div in divs:
        for match in _PRINTED_FORENAME.finditer(" ".join(div.itertext())):
            surname, first = match.group("surname"), match.group("first")
            if surname in surnames and first.lower() not in common and first.lower() not in TITLE_WORDS:
                found.setdefault(surname, set()).add(alias_key(first))
    return found


def _annotated_phrases(div: Element, ns: str) -> Iterator[tuple[str, str]]:
    """(the words before a footnote mark, the footnote's text) for each footnote of a paragraph or
    of a numbered item ('(1) ... Bruce[76] pointed out')."""
    for para in (e for e in div.iter() if e.tag in (f"{ns}p", f"{ns}item")):
        before = para.text or ""
        for child in para:
            if _local(child.tag) == "note" and child.get("type") != "source":
                yield clean_inline(before.replace(LINE_BREAK, " "))[-120:], clean_inline(
                    _inline(child).replace(LINE_BREAK, " "))
            elif _local(child.tag) != "note":
                before += _inline(child)
            before += child.tail or ""


def _offset_of(text: str, footnotes: list[str]) -> int | None:
    if not footnotes:
        return None
    first = clean_inline(footnotes[0])
    pos = text.rfind(first)
    return pos if pos >= 0 else None


# --- date and place -------------------------------------------------------------------------------

def _date_and_place(div: Element, ns: str, title: str, paragraphs: list[str], year: int | None = None):
    """(place, DateInfo, extra) from the dateline, @when, the head or a dateline-like paragraph."""
    extra: dict = {}
    dateline = _own_dateline(div, ns)
    if dateline is None:
        return _date_without_dateline(title, paragraphs, extra, year)
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


def _own_dateline(div: Element, ns: str) -> Element | None:
    """The document's dateline: a child of the div, or inside its opener or closer ('<opener><seg>No.
    575</seg><dateline>'), never one of an attachment (a nested div or attachment)."""
    for path in ("dateline", "opener/dateline", "closer/dateline"):
        found = div.find("/".join(ns + step for step in path.split("/")))
        if found is not None:
            return found
    return None


def _date_without_dateline(title: str, paragraphs: list[str], extra: dict, year: int | None = None):
    """Minutes carry the date in the head; some letters end with 'Washington, August 3, 1917.'"""
    for candidate in (paragraphs[-1:] + paragraphs[:1]):
        if len(candidate) < 100:
            parsed = parse_dateline(candidate)
            if parsed and parsed[1].start:
                extra["date_from"] = "paragraph"
                return parsed[0], parsed[1], extra
    found = _head_date(title, year)
    if found:
        extra["date_from"] = "head"
        return None, found, extra
    return None, DateInfo(), extra


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December")
_DAY_OF_MONTH = rf"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?"
_CORRECTED_DAY = re.compile(rf"{_DAY_OF_MONTH}\s*\[\s*({_DAY_OF_MONTH})\s*\]")
_YEARLESS_DAY = re.compile(
    rf"(?:(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
    rf"(?P<month>{_MONTHS})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*\d{{4}})")


# 'dated July 25' in a head is the date of a document the head refers to, not of this one.
_ANOTHER_DOCUMENTS_DATE = re.compile(rf"\bdated\s+{_DAY_OF_MONTH}(?:,?\s+\d{{4}})?")


def _head_date(title: str, year: int | None) -> DateInfo | None:
    """The date in a head: an editor's correction in brackets wins ('Thursday, March 20th
    [Wednesday, March 19th], 1919' is March 19); a head without a year ('Friday, September 26th')
    takes the year of the document before it when the printed weekday agrees."""
    title = _ANOTHER_DOCUMENTS_DATE.sub("", title)      # '... telegram from Mr. Balfour ..., dated July 25'
    corrected = _CORRECTED_DAY.sub(r"\1", title)
    found = search_date(corrected)
    if found or year is None:
        return found
    match = _YEARLESS_DAY.search(corrected)
    if not match:
        return None
    try:
        day = Date(year, _MONTHS.split("|").index(match.group("month")) + 1, int(match.group("day")))
    except ValueError:
        return None
    if match.group("weekday") and day.strftime("%A") != match.group("weekday"):
        return None
    return DateInfo(day, day, "day", match.group(0))


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

def _participants(div: Element, ns: str, head: Element | None, title: str, index: dict[str, str],
                  on: Date | None = None, titles: dict[str, str] | None = None) -> list[PersonRef]:
    """Author and recipient (persName/gloss type from/to in the head), the people a head names
    without a type ('Memorandum by the Counselor of Embassy (Dooman) of a Conversation With the
    Japanese Ambassador (Yoshizawa)': author Dooman, participant Yoshizawa), the same read from
    the head's words when it has no markup, and the 'Present:' list. An office named alone ('the
    Secretary of State') is the person who held it on the date."""
    people: list[PersonRef] = []
    if head is not None:
        in_notes = {id(n) for note in head.iter(f"{ns}note") for n in note.iter()}
        for node in head.iter():
            tag = _local(node.tag)
            if tag not in ("persName", "gloss", "orgName") or id(node) in in_notes:
                continue                # a name in the head's footnote is not a party ('Mr. Balfour's telegram')
            role = {"from": "author", "to": "recipient"}.get(node.get("type") or "")
            printed = clean_inline(_inline(node).replace(LINE_BREAK, " "))
            if role and _party_of_cited_document(title, printed):
                continue                # 'Memorandum ... in regard to telegram from Mr. Balfour to Lord Reading'
            if role is None and tag == "persName":
                role = _untyped_role(title, printed)
            if role:
                people.append(_head_person(node, tag, role, title, index))
    people += [p for p in _head_parties(title) if p.role not in {q.role for q in people}
               and alias_key(p.as_printed or "") not in {alias_key(q.as_printed or "") for q in people}]
    people = [_holder_of(p, on, titles or {}, title) for p in people]
    for block in div.iter(f"{ns}list"):
        if block.get("type") == "participants":
            people.extend(_present(block, ns))
    return _unique(people)


_US_OFFICE = re.compile(r"^(?:the\s+)?(?:Acting\s+)?(?:Secretary of State|Under Secretary of State|President"
                        r"(?: of the United States)?)$", re.IGNORECASE)


def _holder_of(person: PersonRef, on: Date | None, titles: dict[str, str], title: str = "") -> PersonRef:
    """'Secretary of State' as author or recipient -> the person: the volume's list of persons
    when one person there holds the title, else who held the office on the date (Lansing in 1918,
    Hull in 1936). An acting holder is only known from the volume."""
    printed = clean_inline(person.as_printed or person.name or "")
    if person.role not in ("author", "recipient"):
        return person
    if not _US_OFFICE.match(printed):
        return _secretary_by_surname(person, on, title)
    key = _title_key(printed)
    holder = titles.get(key) if key else None
    if holder is None and not re.match(r"(?:the\s+)?acting\b", printed, re.IGNORECASE):
        holder = office_holder(printed, on)
    if not holder:
        return person
    return PersonRef(name=holder, role=person.role, as_printed=person.as_printed, kind="person",
                     post=re.sub(r"^(?:the|The)\s+", "", printed), side="US")


# Letters that OCR of an old printed page reads as two ('h' as 'li', 'm' as 'rn'), and back.
_OCR_SPLITS = (("li", "h"), ("rn", "m"), ("cl", "d"), ("vv", "w"))


def _same_surname(printed: str, surname: str) -> bool:
    """'Gresham' is 'Gresham', and so is the misprint 'Greaham': one letter changed, added or left
    out in a surname of five letters or more, with the same first letter; and so is the OCR reading
    'Gresliam', where one printed letter was read as two ('h' as 'li', 'm' as 'rn'). Only used
    against one person, the holder of the office on the date or the man who signs, so a near miss
    cannot pick between two people."""
    a, b = alias_key(printed), alias_key(surname)
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[:1] != b[:1]:
        return False
    readings = {a} | {a.replace(pair, letter) for pair, letter in _OCR_SPLITS if pair in a[1:]}
    return any(abs(len(x) - len(b)) <= 1 and _edit_distance(x, b) <= 1 for x in readings)


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _secretary_by_surname(person: PersonRef, on: Date | None, title: str = "") -> PersonRef:
    """'Mr. Gresham' writing in 1894 is Walter Q. Gresham, the Secretary of State; 'President
    Wilson' in 1919 is Woodrow Wilson."""
    core = parse_name(person.name or "").core
    if len(core) != 1 or person.post:
        return person
    printed = re.escape(person.as_printed or core[0])
    offices = ["Secretary of State"] + (["President"] if re.search(rf"\bPresident\s+{printed}\b", title) else [])
    for office in offices:
        holder = office_holder(office, on)
        if holder and _same_surname(core[0], holder.split()[-1]):
            return PersonRef(name=holder, role=person.role, as_printed=person.as_printed, kind=person.kind,
                             post=office, side="US")
    return person


def _signer(div: Element, ns: str, index: dict[str, str], surnames: dict[str, str] | None = None,
            holders: list[str] = ()) -> str | None:
    """The name the document itself is signed with (its own closer, not an attachment's): 'Frank L.
    Polk'; 'R. W[alton] M[oore]' with the editors' completion -> 'R. Walton Moore'; a telegram's
    bare 'Polk' -> the volume's full name for that surname, or the one of `holders` (the men who may
    have signed, _acting_secretary) whose surname it is."""
    for signed in div.findall(f"{ns}closer/{ns}signed"):
        pers = signed.find(f".//{ns}persName")
        ref = (pers.get("corresp") or "").lstrip("#") if pers is not None else ""
        if ref in index:
            return index[ref]
        printed = clean_inline(_inline(signed).replace(LINE_BREAK, " "))
        printed = re.sub(r"\[([a-z]+)\]", r"\1", printed)      # 'W[alton]' -> 'Walton'
        printed = re.sub(r"[\[\]]", "", printed).strip(" .,")
        if re.fullmatch(r"(?:[A-Z][\w'’\-]*\.?\s+){1,4}[A-Z][\w'’\-]+", printed):
            return clean_person_name(printed)
        if re.fullmatch(r"[A-Z][a-z'’\-]+", printed):
            known = (surnames or {}).get(printed) or next(
                (h for h in holders if alias_key(parse_name(h).core[-1]) == alias_key(printed)), None)
            if known:
                return known
    return None


def _acting_secretary(people: list[PersonRef], on: Date | None) -> list[str]:
    """Whom a bare surname signing 'The Acting Secretary of State to ...' may be: the Under Secretary of
    State of the day (corpus.people.office_holder), who acted for the Secretary ('Phillips')."""
    if not any(p.role == "author" and alias_key(p.name or "") == "acting secretary of state" for p in people):
        return []
    under = office_holder("Under Secretary of State", on)
    return [under] if under else []


def _signed_office(people: list[PersonRef], signer: str | None) -> list[PersonRef]:
    """An author the head names by an office no rule resolves ('The Acting Secretary of State', whose
    holder changed from week to week) is the person who signs the document."""
    if not signer:
        return people
    return [PersonRef(name=signer, role=p.role, as_printed=p.as_printed, kind="person", post=p.post, side="US")
            if p.role == "author" and p.kind == "institution" and _US_OFFICE.match(clean_inline(p.name or ""))
            else _signed_name(p, signer) for p in people]


def _signed_name(person: PersonRef, signer: str) -> PersonRef:
    """An author whose surname the head misprints ('Mr. Bakor to Mr. Gresham', OCR 'Mr. Gresliam')
    is the man who signs 'Lewis Baker.': the signature's spelling (and fuller name) wins. A head
    that prints the surname right keeps its own form."""
    core, signed = parse_name(person.name or "").core, parse_name(signer).core
    if person.role != "author" or person.kind != "person" or len(core) != 1 or not signed \
            or alias_key(core[0]) == alias_key(signed[-1]) or not _same_surname(core[0], signed[-1]):
        return person
    return PersonRef(name=signer, role=person.role, as_printed=person.as_printed, kind=person.kind,
                     post=person.post, side=person.side)


_PARTY = r"(?:[Tt]he\s+)?(?P<post>[A-Z][^()]{2,90}?)\s+\((?P<name>[^()]{2,60})\)"
_BY_AUTHOR = re.compile(
    rf"^(?:Memorandum|Minutes|Notes?|Record|Statement|Report|Letter|Aide-M[ée]moire)\b[^()]*?\bby\s+(?:{_PARTY}"
    r"|(?:the\s+)?(?P<office>(?:Acting\s+)?(?:Secretary of State|Under Secretary of State|President))\b"
    r"|(?P<named>(?:Mr\.|Mrs\.|Dr\.|Colonel|General|Admiral|Secretary|Senator|Professor|Sir|M\.)\s+[A-Z][\w.\-' ]{1,40}?))"
    r"(?=\s+(?:of|on|to|regarding|concerning|with)\b|[,;\]]|$)")
# 'Memorandum of Mr. Miles of the Division of Near Eastern Affairs': 'of' a named person is 'by' him.
_OF_AUTHOR = re.compile(
    r"^(?:Memorandum|Notes?|Record)\s+of\s+(?P<named>(?:Mr\.|Mrs\.|Dr\.|Colonel|General|Admiral|Senator|Professor|Sir)"
    r"\s+[A-Z][\w.\-' ]{1,40}?)(?=\s+(?:of|on|to|regarding|concerning|with)\b|[,;\]]|$)")
_WITH_PARTY = re.compile(rf"\b(?:[Ww]ith|[Bb]etween|and)\s+{_PARTY}")


def _head_parties(title: str) -> list[PersonRef]:
    """People a head names in its words alone (older conversions carry no persName markup):
    'Memorandum by the Chief of the Division of Near Eastern Affairs (Murray)' -> author Murray;
    'Memorandum by Dr. Isaiah Bowman' -> author; 'Memorandum by the Secretary of State' -> author
    (resolved later); '... Conversation With the Japanese Ambassador (Yoshizawa)' -> participant;
    'Mr. Gresham to Mr. Baker' and 'The Ambassador in France (Sharp) to the Secretary of State'
    -> author and recipient."""
    title = re.sub(r"\s*\[([^\]]*)\]\s*", r" \1 ", title).strip()     # 'Memorandum [by the Secretary of State]'
    found: list[PersonRef] = []
    by = _BY_AUTHOR.search(title) or _OF_AUTHOR.search(title)
    if by:
        found.append(_party(by, "author"))
        for match in _WITH_PARTY.finditer(title, by.end()):
            found.append(_party(match, "participant"))
        return found
    sender, receiver = _split_to(title)
    if receiver:
        for part, role in ((sender, "author"), (receiver, "recipient")):
            match = re.fullmatch(rf"\s*{_PARTY}\s*", part) or re.fullmatch(
                r"\s*(?:the\s+)?(?P<named>(?:(?:Mr|Mrs|Dr|Messrs)\.|Señor|Senor|Sir|Baron|Count|Colonel|General"
                r"|Admiral|President|Secretary|Senator|M\.)\s+[A-Z][\w.\-' ]{1,40}?)\.?\s*", part) or re.fullmatch(
                r"\s*(?:the\s+)?(?P<office>(?:Acting\s+)?(?:Secretary of State|Under Secretary of State|President))\.?\s*", part)
            if match:
                found.append(_party(match, role))
    return found


def _split_to(title: str) -> tuple[str, str]:
    parts = re.split(r"\s+to\s+(?=the\s+[A-Z]|(?:Mr|Mrs|Dr|Messrs|M)\.\s|(?:President|Colonel|General|Senator|Señor"
                     r"|Senor|Sir|Baron|Count|Secretary|Ambassador|Minister|His|Her)\b)", title, maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else (title, "")


def _party(match: re.Match, role: str) -> PersonRef:
    groups = match.groupdict()
    if groups.get("office"):
        office = groups["office"]
        return PersonRef(name=office, role=role, as_printed=office, kind="institution", post=office)
    if groups.get("named"):
        printed = groups["named"].strip(" .,")
        return PersonRef(name=clean_person_name(printed), role=role, as_printed=printed)
    printed, post = groups["name"].strip(), groups["post"].strip(" ,")
    return PersonRef(name=clean_person_name(printed), role=role, as_printed=printed, post=post,
                     side=_side_of(post, printed))


def _has_participants_list(div: Element, ns: str) -> bool:
    return any(block.get("type") == "participants" for block in div.iter(f"{ns}list"))


_CITED_DOCUMENT = re.compile(r"\b(?:telegrams?|letters?|notes?|despatch(?:es)?|dispatch(?:es)?|cablegrams?|messages?)"
                             r"\s+(?:\w+\s+)?from\b[^()]{0,80}$", re.IGNORECASE)


def _party_of_cited_document(title: str, printed: str) -> bool:
    """A from/to name in a memorandum's head that belongs to the document it is about."""
    pos = title.find(printed)
    return pos > 0 and re.match(r"(?:memorandum|notes?|record)\b", title, re.IGNORECASE) is not None \
        and bool(_CITED_DOCUMENT.search(title[:pos]))


def _untyped_role(title: str, printed: str) -> str | None:
    """A persName without a type in the head: the writer of a memorandum ('Memorandum by ... (X)')
    is its author, a person the conversation was with is a participant."""
    pos = title.find(printed)
    if pos < 0 or not printed:
        return None
    before = title[:pos].lower()
    writer = [m.end() for m in re.finditer(r"\bby\b", before)]
    talked_with = [m.end() for m in re.finditer(
        r"\b(?:with|between|and|conversations?|interviews?|talks?|meetings?)\b", before)]
    if writer and (not talked_with or writer[-1] > talked_with[-1]):
        return "author"                  # 'Memorandum of Conversation, by the Chief of the Division (Moffat)'
    if not talked_with and re.match(r"(?:memorandum|notes?|record)\s+of\s+(?:the\s+|mr\.\s+)?(?!conversation|a\s)", before):
        return "author"                  # 'Memorandum of the Counselor for the Department of State (Polk)'
    return "participant" if talked_with else None


def _head_person(node: Element, tag: str, role: str, title: str, index: dict[str, str]) -> PersonRef:
    printed = clean_inline(_inline(node).replace(LINE_BREAK, " "))
    if tag != "persName":
        return PersonRef(name=printed, role=role, as_printed=printed, kind="institution",
                         post=printed if tag == "gloss" else None)
    ref = (node.get("corresp") or "").lstrip("#")
    name = index.get(ref) or clean_person_name(printed)
    post = _post_before(title, printed)
    return PersonRef(name=name, role=role, as_printed=printed, post=post, side=_side_of(post, printed))


def _post_before(title: str, surname: str) -> str | None:
    """'The Ambassador in Russia (Francis) to ...' -> 'Ambassador in Russia' for 'Francis';
    '... of a Conversation With the French Ambassador (Laboulaye)' -> 'French Ambassador'."""
    pos = title.find(f"({surname})")
    if pos <= 0:
        return None
    sender, receiver = _split_to(title[:pos])
    before = re.split(r"\b(?:with|With|by|between|and)\b|[,;]", receiver or sender)[-1]
    before = re.sub(r"^\s*(?:(?:Memorandum|Notes?|Record)\s+of\s+)?(?:the|The)\s+", "", before).strip(" ,")
    return before or None


def _side_of(post: str | None, printed: str) -> str | None:
    """'French Ambassador' -> 'France'; an 'American' post -> 'US'; None when nothing says."""
    for text in (post, printed):
        if text:
            side = parse_name(text).side or next(
                (side_word(w) for w in re.findall(r"[A-Z][a-z]+", text) if side_word(w)), None)
            if side:
                return side
    return None


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
    return _unambiguous_surnames(index.values())


def _volume_hints(divs: list[Element], ns: str, index: dict[str, str]) -> dict[str, str]:
    """Surname -> full name for the whole volume: the list of persons, then the full names the
    heads and 'Present:' lists print anywhere in it ('Honorable Robert Lansing' makes every
    'Mr. Lansing' of the minutes Robert Lansing). A surname printed with different first
    initials ('John Foster Dulles', 'A. W. Dulles') gets no hint. One dict for all documents."""
    names = list(index.values())
    for div in divs:
        head = div.find(f"{ns}head")
        for node in head.iter(f"{ns}persName") if head is not None else ():
            ref = (node.get("corresp") or "").lstrip("#")
            names.append(index.get(ref) or clean_person_name(clean_inline(_inline(node).replace(LINE_BREAK, " "))))
        for block in div.iter(f"{ns}list"):
            if block.get("type") == "participants":
                names.extend(p.name for p in _present(block, ns))
    return _unambiguous_surnames(names)


def _unambiguous_surnames(names) -> dict[str, str]:
    """Surname -> the longest full name printed for it, unless the forms disagree in their first
    initial (two people); a bare surname or a title alone gives nothing."""
    forms: dict[str, set[str]] = {}
    for name in names:
        tokens = [t for t in parse_name(name or "").core if t.rstrip(".,") not in ("Jr", "Sr", "II", "III", "IV")]
        if len(tokens) > 1 and tokens[-1][:1].isupper():
            forms.setdefault(tokens[-1], set()).add(" ".join(tokens))
    hints = {}
    for surname, full in forms.items():
        if len({n[:1] for n in full}) == 1:           # one first initial: one person
            hints[surname] = max(full, key=lambda n: (len(n), n))
    return hints


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
        self._margins: list[str] = []   # marginal headings of the paragraph being collected

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
        self.paragraphs.extend(self._margins)     # a margin heading goes before its paragraph
        self._margins = []
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
        elif tag == "seg" and node.get("type") == "margin":
            heading = clean_inline(_inline(node).replace(LINE_BREAK, " "))
            if heading:
                self._margins.append(heading)      # 'Peace Treaty': a subject heading, not text
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
