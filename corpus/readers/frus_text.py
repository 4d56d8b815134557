"""FRUS volume plain text: `N. Title` headings, datelines, PARTICIPANTS blocks, Source notes.

The format is the text export of a history.state.gov volume (FRUS 1961-63 vol. V is the one we
have): every document starts with a numbered heading whose footnote marker survives as the
word "Source" glued to the title (`255. Telegram From ... StateSource`), editorial notes are
headed `N. Editorial Note`, then come a dateline, header material (SUBJECT, PARTICIPANTS), the
body, a `* * *` separator, the `* Source: ...` note and the other footnotes. The volume's
back-of-book Index follows the last document; it is not part of any document, but it is the
only place where a surname printed in a document ("Mr. Semenov") gets its first names, so it is
parsed into per-document name hints.

Numbered paragraphs inside documents ("2. One of the principal factors...") look like headings;
they are told apart by the running document number: a heading must carry the next number and
end in "Source" (or be an editorial note).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..dates import parse_dateline
from ..errors import ReaderError
from ..people import canonical_name, office_holder, strip_honorifics
from ..record import DateInfo, DocumentRecord, PersonRef, RejectedRecord
from ..text import clean_inline
from . import ReadOptions

NAME = "frus-text"
EXTENSIONS = (".txt",)

_HEADING = re.compile(r"^(\d{1,4})\. (.+)$")
_SOURCE_HEADING = re.compile(r"^\d{1,4}\. .+Source$", re.M)
_EDITORIAL = "Editorial Note"
_SEPARATOR = "* * *"
_VOLUME_FILE = re.compile(r"frus_?(\d{4})_(\d{2})_volume_?(\d+)", re.I)


def sniff(path: Path, head: str) -> bool:
    """Several `N. TitleSource` heading lines near the top of the file."""
    return len(_SOURCE_HEADING.findall(head)) >= 3


# --------------------------------------------------------------------------- splitting

@dataclass
class _Line:
    text: str           # the line as printed (stripped of surrounding blanks)
    gap: int            # blank lines before it


@dataclass
class _Block:
    number: int
    heading: str                                # the heading text after "N. "
    lines: list[_Line] = field(default_factory=list)

    @property
    def is_editorial(self) -> bool:
        return self.heading.strip() == _EDITORIAL


def _heading(line: str, expected: int | None) -> tuple[int, str] | None:
    """(number, heading text) if the line is the next document heading."""
    m = _HEADING.match(line.strip())
    if not m:
        return None
    number, rest = int(m.group(1)), m.group(2).rstrip()
    if expected is not None and number != expected:
        return None
    if rest.endswith("Source") or rest == _EDITORIAL:
        return number, rest
    return None


def _split_volume(raw_lines: list[str]) -> tuple[list[_Block], int]:
    """Document blocks in order, and the line number where the back-of-book Index starts."""
    blocks: list[_Block] = []
    bounds: list[int] = []
    for i, line in enumerate(raw_lines):
        found = _heading(line, blocks[-1].number + 1 if blocks else None)
        if found:
            blocks.append(_Block(*found))
            bounds.append(i)
    index_at = len(raw_lines)
    if bounds:
        index_at = next((i for i in range(bounds[-1] + 1, len(raw_lines))
                         if raw_lines[i].strip() == "Index"), len(raw_lines))
    for k, block in enumerate(blocks):
        end = bounds[k + 1] if k + 1 < len(bounds) else index_at
        block.lines = _nonempty_lines(raw_lines[bounds[k] + 1:end])
    return blocks, index_at


def _nonempty_lines(raw_lines: list[str]) -> list[_Line]:
    out, gap = [], 0
    for line in raw_lines:
        if line.strip():
            out.append(_Line(line.strip(), gap))
            gap = 0
        else:
            gap += 1
    return out


# --------------------------------------------------------------------------- the Index

@dataclass
class _IndexPerson:
    surname: str
    full_name: str
    docs: set[int]


_SURNAME = r"(?:(?:de|van|von|du|la)\s)?[A-Z][\w'ʼ\-]+(?:\s(?:y\s)?[A-Z][\w'ʼ\-]+){0,2}"
_GIVEN = (r"(?:[A-Z][\w'ʼ\-]*\.?|[A-Z]\.(?:\s?[A-Z]\.)*)"
          r"(?:\s(?:[A-Z][\w'ʼ\-]*\.?|[A-Z]\.|de|von|van|y|du|la))*(?:,\s(?:Jr|Sr)\.)?")
_INDEX_PERSON = re.compile(rf"^(?P<surname>{_SURNAME}),\s(?P<given>{_GIVEN})(?:,\s+\d|,?\s*$|\s+\()")
_INDEX_HEAD = re.compile(r"^(.*?)(?:,?\s+\d+n?\s*\[Pg\.|\.\s+See\b|$)")
_DOC_REF = re.compile(r"Doc\. (\d+)")
# A page reference "343 [Pg. 343 includes portions of Doc. 140 and Doc. 141]", optionally a range
# "343 [...]-346 [...]": every document the pages touch is cited.
_PAGE_REF = re.compile(r"\d+n?\s*\[Pg\.[^\]]*\](?:\s*-\s*\d+n?\s*\[Pg\.[^\]]*\])?")
_NOT_PERSONS = {"Congress"}


def _cited_docs(entry: str) -> set[int]:
    docs: set[int] = set()
    for ref in _PAGE_REF.finditer(entry):
        numbers = [int(n) for n in _DOC_REF.findall(ref.group())]
        if numbers:
            docs.update(range(min(numbers), max(numbers) + 1))
    return docs


def _sort_key(head: str) -> str:
    return clean_inline(head).casefold()


def _longest_sorted_run(keys: list[str]) -> set[int]:
    """Positions of a longest non-decreasing subsequence of `keys` (patience sorting)."""
    tails: list[int] = []                  # position of the last element of the best run of length k+1
    previous: list[int | None] = [None] * len(keys)
    for pos, key in enumerate(keys):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if keys[tails[mid]] <= key:
                lo = mid + 1
            else:
                hi = mid
        previous[pos] = tails[lo - 1] if lo else None
        if lo == len(tails):
            tails.append(pos)
        else:
            tails[lo] = pos
    chosen, pos = set(), (tails[-1] if tails else None)
    while pos is not None:
        chosen.add(pos)
        pos = previous[pos]
    return chosen


def _index_groups(lines: list[_Line]) -> list[tuple[str, set[int]]]:
    """(main entry line, documents cited by it and by its subentries).

    The export lost the indentation of subentries ("Thompson, Llewellyn E., Jr., ..." is
    followed by "Dobryninʼs meetings with, ..."). Main entries are in alphabetical order and
    subentries restart the alphabet under each main entry, so the main entries are taken to be
    the longest alphabetical run through the index, plus every line shaped like a person
    ("Surname, Given names"); every other line is a subentry of the main entry above it."""
    keys = [_sort_key(_INDEX_HEAD.match(line.text).group(1)) for line in lines]
    mains = _longest_sorted_run(keys)
    groups: list[tuple[str, set[int]]] = []
    for pos, line in enumerate(lines):
        if pos in mains or _INDEX_PERSON.match(line.text) or not groups:
            groups.append((line.text, _cited_docs(line.text)))
        else:
            groups[-1][1].update(_cited_docs(line.text))
    return groups


def _index_person(entry: str, docs: set[int]) -> _IndexPerson | None:
    """A person entry 'Thompson, Llewellyn E., Jr., 27 [...]' -> Llewellyn E. Thompson, Jr."""
    m = _INDEX_PERSON.match(entry)
    if not m or m.group("surname") in _NOT_PERSONS:
        return None
    surname, given = m.group("surname"), m.group("given")
    suffix = ""
    if given.endswith((", Jr.", ", Sr.")):
        given, suffix = given[:-5], given[-5:]
    if surname.startswith(("de ", "van ", "von ")):
        full = f"{given} {surname}"
    elif given.endswith((" de", " von", " van")):            # "Zulueta, Philip de"
        given, particle = given.rsplit(" ", 1)
        surname, full = f"{particle} {surname}", f"{given} {particle} {surname}"
    else:
        full = f"{given} {surname}"
    full = clean_inline(strip_honorifics(full) or full)
    if full == surname:
        return None                                          # "Schetchikov, Gen.": no given name
    return _IndexPerson(clean_inline(surname), full + suffix, docs)


def parse_index(raw_lines: list[str]) -> list[_IndexPerson]:
    """Person entries of the back-of-book Index with the documents each one cites."""
    persons = []
    for entry, docs in _index_groups(_nonempty_lines(raw_lines)):
        person = _index_person(entry, docs)
        if person:
            persons.append(person)
    return persons


def _hint_keys(person: _IndexPerson) -> list[str]:
    """The surname, without its particle, and its other transliteration of a final -sky/-ski
    ("Mr. Smirnovski" in Doc. 380 is the index's Smirnovsky)."""
    keys = [person.surname]
    if person.surname.startswith(("de ", "van ", "von ")):
        keys.append(person.surname.split(" ", 1)[1])
    for a, b in (("sky", "ski"), ("ski", "sky")):
        if person.surname.endswith(a):
            keys.append(person.surname[:-len(a)] + b)
    return keys


class _NameHints:
    """surname -> full name, per document: index persons citing the document win; otherwise a
    surname that only one index person carries volume-wide."""

    def __init__(self, persons: list[_IndexPerson]):
        self.persons = persons
        by_surname: dict[str, set[str]] = {}
        for person in persons:
            for key in _hint_keys(person):
                by_surname.setdefault(key, set()).add(person.full_name)
        self.volume = {k: next(iter(v)) for k, v in by_surname.items() if len(v) == 1}
        for key, names in by_surname.items():
            dominant = self._dominant(key, names)
            if dominant:
                self.volume[key] = dominant

    def _dominant(self, key: str, names: set[str]) -> str | None:
        """The volume's Thompson (Llewellyn E., 103 documents), not John (1 document): a person
        whose index entry cites at least five times as many documents as the namesakes' together."""
        if len(names) < 2:
            return None
        counts = sorted(((len(p.docs), p.full_name) for p in self.persons if key in _hint_keys(p)),
                        reverse=True)
        top, others = counts[0][0], sum(n for n, _ in counts[1:])
        return counts[0][1] if top >= 5 * max(others, 1) else None

    def for_document(self, number: int) -> dict[str, str]:
        local: dict[str, set[str]] = {}
        for person in self.persons:
            if number in person.docs:
                for key in _hint_keys(person):
                    local.setdefault(key, set()).add(person.full_name)
        hints = dict(self.volume)
        for key, names in local.items():
            if len(names) == 1:
                hints[key] = next(iter(names))
        return hints


# --------------------------------------------------------------------------- titles and types

_DOC_TYPES = (  # first match wins; matched against the start of the title
    (r"Editorial Note", "editorial-note"),
    (r"Memorandum of (?:Telephone )?Conversations?\b", "memcon"),
    (r"Record of Telephone Conversation", "memcon"),
    (r"(?:Circular )?(?:Telegram|Airgram)\b", "telegram"),
    (r"Letter\b", "letter"),
    (r"(?:Special )?National Intelligence Estimate", "estimate"),
    (r"(?:Special Background )?Paper\b", "paper"),
    (r"Current Intelligence Weekly Review|Despatch\b", "report"),
    (r"(?:Summary )?Record of|Highlights\b|Notes on Discussion|Memorandum on the Substance of Discussion",
     "minutes"),
    (r"Transcript\b", "transcript"),
    (r"(?:Intelligence )?Memorandum\b", "memorandum"),
    (r".*Diary Entry", "note"),
)


def doc_type_for(title: str) -> str:
    for pattern, doc_type in _DOC_TYPES:
        if re.match(pattern, title):
            return doc_type
    return "document"


def _title_of(heading: str) -> str:
    title = heading[:-len("Source")] if heading.endswith("Source") else heading
    return clean_inline(title)


# --------------------------------------------------------------------------- Source note

_CLASSIFICATION = re.compile(
    r"(?:^|[.;:)\]]\s*|\s)"
    r"(Top Secret|Secret|Confidential|Limited Official Use|Official Use Only|Unclassified)"
    r"(?=\s*[;.]|\s*$)")
_NAME_TOKEN = r"(?:[A-Z]\.\s?|[A-Z][\w'ʼ\-]+)"
_DRAFTED = re.compile(rf"Drafted by (?:the [a-z]+, )?({_NAME_TOKEN}(?:\s?{_NAME_TOKEN})*)")


def classification_of(note: str) -> tuple[str | None, str | None]:
    """('Secret', 'Secret; Eyes Only.') from a Source note; the word must stand alone as a
    marking ("Secretaryʼs Memoranda ... Confidential." is Confidential). A note saying
    "No classification marking." gives (None, that sentence)."""
    m = _CLASSIFICATION.search(note)
    if not m:
        unmarked = re.search(r"No classification marking\.", note)
        return None, (unmarked.group() if unmarked else None)
    rest = note[m.start(1):]
    end = rest.find(".")
    text = rest[:end + 1] if end >= 0 else rest
    return m.group(1), clean_inline(text)


def archive_of(note: str) -> str | None:
    """The repository a Source note starts with ('Department of State', 'Kennedy Library')."""
    first = re.split(r"[,;]|\.(?:\s|$)", note, maxsplit=1)[0].strip()
    if 0 < len(first) <= 60 and not re.search(r"\d|:", first):
        return first
    return None


def drafter_of(note: str) -> str | None:
    m = _DRAFTED.search(note)
    if not m:
        return None
    return m.group(1).strip()


# --------------------------------------------------------------------------- header material

_SIDE_PREFIX = re.compile(
    r"^(?P<side>U\.S\.S\.R\.|U\.S\.|USSR|US|UK|United States|British|French|Soviet)"
    r"(?P<colon>:)?\s+(?P<rest>.+)$")
_SIDE_NAMES = {"U.S.S.R.": "USSR", "USSR": "USSR", "Soviet": "USSR", "U.S.": "US", "US": "US",
               "United States": "US", "UK": "UK", "British": "UK", "French": "France"}
_CODE_SIDES = {"U.S.S.R.", "USSR", "U.S.", "US", "UK"}
_COURTESY = re.compile(r"^(?:(?:Mr|Mrs|Messrs|Dr|M|Amb)\.|Miss|Sir|Lord|Cde\.)\s*")
_REF_CODE = re.compile(r"^[A-Z]{1,5}/[A-Z]{1,5}/\d+$")
_OFFICE_CODE = re.compile(r"^(?P<code>[A-Z][A-Z/]*)—(?P<rest>.+)$")
_FOOTNOTE_TAIL = re.compile(r"(?<=[A-Za-z.)\]”\"'ʼ])\d{1,2}$")
_NOT_NAMES = re.compile(r"^\(?(?:See attached|Listed on|Various members)", re.I)
_LIST_MEMBER = re.compile(r"^(?:Mr\.|Mrs\.|Miss|Dr\.|Secretary|Senator|Ambassador)\s+[A-Z]")


@dataclass
class _Header:
    dateline: str | None = None
    subject: str | None = None
    participants: list[tuple[str, str | None]] = field(default_factory=list)   # (entry, side label)
    has_block: bool = False
    body_start: int = 0                     # index into the block's lines


def _strip_footnote(value: str) -> str:
    return _FOOTNOTE_TAIL.sub("", value).rstrip()


def _is_caps_header(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters) and len(text) < 160


def _is_header_keyword(text: str) -> bool:
    return text.rstrip(":") in ("SUBJECT", "PARTICIPANTS") or text.startswith("PARTICIPANTS:")


def _parse_header(lines: list[_Line], dated: bool) -> _Header:
    header = _Header()
    i = 0
    if dated and lines:
        header.dateline = lines[0].text
        i = 1
    while i < len(lines):
        text = lines[i].text
        if text.rstrip(":") == "SUBJECT":
            header.subject = _strip_footnote(lines[i + 1].text) if i + 1 < len(lines) else None
            i += 2
        elif text.startswith("PARTICIPANTS"):
            header.has_block = True
            i = _read_participants(lines, i + 1, header)
        elif _REF_CODE.match(text):
            i += 1
        elif _is_caps_header(text) and i + 1 < len(lines) and (
                _is_header_keyword(lines[i + 1].text) or _REF_CODE.match(lines[i + 1].text)):
            i += 1                                  # conference header before SUBJECT
        else:
            break
    header.body_start = i
    return header


def _read_participants(lines: list[_Line], i: int, header: _Header) -> int:
    """Entries after PARTICIPANTS: one per line; a side group ("USSR Foreign Minister ...")
    may follow a wider gap; anything else after a wide gap is the body."""
    side = None
    first = True
    while i < len(lines):
        line = lines[i]
        m = _SIDE_PREFIX.match(line.text)
        if _is_header_keyword(line.text) or len(line.text) > 200:
            break
        if not first and line.gap >= 2 and not m:
            break
        if m:
            side = _SIDE_NAMES[m.group("side")]
        if not _NOT_NAMES.match(line.text):
            header.participants.append((line.text, side))
        first = False
        i += 1
    return i


# --------------------------------------------------------------------------- participants

# Words of a department's name that strip_honorifics leaves on the name:
# "Secretary of Agriculture Freeman", "Director of Central Intelligence McCone".
_DEPARTMENT_WORDS = {"Agriculture", "Interior", "Intelligence", "Commerce", "Defense", "Labor",
                     "Treasury", "Justice", "Health"}
# "the Embassy in the Soviet Union", "Ambassador to the Soviet Union" are American.
_USSR_HINTS = re.compile(r"Soviet(?! Union)|USSR|U\.S\.S\.R\.|Izvesti|Pravda|Aeroflot|TASS"
                         r"|Foreign Minister Gromyko|Chairman Khrushchev|Kremlin")
_UK_HINTS = re.compile(r"British|Prime Minister Macmillan|Foreign Office|Lord Home")
_FRANCE_HINTS = re.compile(r"French")
# State Department office symbols and other American posts.
_US_HINTS = re.compile(r"(?<![\w/])(?:EUR|SOV|ACDA|BNA|INR|CU|S/B|S/P|WE|ACDA/IR)(?![\w/])|White House|"
                       r"Department of State|American|Secretary of State|Under Secretary|Assistant Secretary"
                       r"|Chief of Protocol|Federal Aviation|Office of Aviation|^The (?:President|Secretary)"
                       r"|^(?:Acting )?Secretary [A-Z]"
                       r"|^[A-Z][A-Z/]*—")                  # "D—Mr. Akalovsky": an office symbol


def _side_from_text(text: str) -> str | None:
    for side, pattern in (("UK", _UK_HINTS), ("France", _FRANCE_HINTS), ("USSR", _USSR_HINTS),
                          ("US", _US_HINTS)):
        if pattern.search(text):
            return side
    return None


def _fix_commas(value: str) -> str:
    return re.sub(r",(?=[A-Za-z])", ", ", value)


def _split_name(name_part: str) -> tuple[str, str | None]:
    """('Gromyko', 'Foreign Minister') for 'Foreign Minister Gromyko'; courtesy titles are no post."""
    bare = clean_inline(strip_honorifics(name_part)) or name_part
    words = bare.split()
    while len(words) > 1 and words[0] in _DEPARTMENT_WORDS:
        words.pop(0)
    bare = " ".join(words)
    post = None
    if name_part.endswith(bare) and bare != name_part:
        post = _COURTESY.sub("", name_part[:-len(bare)].strip()).strip() or None
    return bare, post


def _same_surname(full: str, bare: str) -> bool:
    return full.split(",")[0].split()[-1] == bare.split()[-1]


def _resolve_person(name_part: str, hints: dict[str, str], on) -> tuple[str, str | None]:
    """(display name, post) for 'Foreign Minister Gromyko' / 'Mr. Semenov' / 'The Secretary'.

    A printed office decides before the index hints do: 'President Kennedy' is John F., even
    in a document the index also cites for Robert F. Kennedy."""
    name_part = _strip_footnote(name_part).strip()
    if name_part.isupper():
        name_part = name_part.title()                        # "N.S. KHRUSHCHEV"
    if not strip_honorifics(name_part) or re.match(r"^the ", name_part, re.I):
        holder = office_holder(name_part, on)               # "The Secretary", "The Under Secretary of State"
        if holder or not strip_honorifics(name_part):
            return holder or name_part, None
    bare, post = _split_name(name_part)
    if post:
        holder = office_holder(post, on)
        if holder and _same_surname(holder, bare):
            return holder, post
        unhinted = canonical_name(f"{post} {bare}", {}, on)
        forenames = unhinted.split()[:-len(bare.split())]
        if (unhinted != bare and _same_surname(unhinted, bare)
                and not set(forenames) & set(post.split())):   # not "Agriculture Freeman"
            return unhinted, post
    if re.match(r"^(?:Mrs\.|Miss)\s", name_part):           # "Mrs. Dobrynin" is not the Ambassador
        hints = {}
    return canonical_name(bare, hints, on) or bare, post


def _participant(entry: str, side: str | None, hints, on) -> list[PersonRef]:
    """One PARTICIPANTS line -> one PersonRef (or several for 'Mr. A and Mr. B (Commerce)')."""
    as_printed = clean_inline(entry)
    # "President Keita of MaliVarious members of their entourages" (Doc. 117): two lines glued.
    text = re.sub(r"(?<=[a-z])Various members of .*$", "", as_printed)
    m = _SIDE_PREFIX.match(text)
    if m and (m.group("side") in _CODE_SIDES or m.group("colon") or _COURTESY.match(m.group("rest"))
              or m.group("rest").startswith("The ")):
        text = m.group("rest")
    code_post = None
    cm = _OFFICE_CODE.match(text)
    if cm:
        code_post, text = cm.group("code"), cm.group("rest")
    if "—" in text:                                          # "Mr. Bundy—The White House"
        text, code_post = (part.strip() for part in text.split("—", 1))
    members = _list_members(text)
    if len(members) > 1:
        return [ref for member in members for ref in _participant(member, side, hints, on)]
    name_part, _, comma_post = text.partition(", ")
    comma_post = _fix_commas(comma_post.strip()) or None
    if comma_post and re.fullmatch(r"\([^()]+\)", comma_post):     # "Mr. Akalovsky, (Interpreting)"
        comma_post = comma_post[1:-1]
    paren = re.match(r"^(.*?),?\s*\(([^()]+)\)$", name_part)
    if paren and not comma_post:
        name_part, comma_post = paren.group(1), paren.group(2)
    entry_side = _side_from_text(as_printed)
    if comma_post and _SIDE_NAMES.get(comma_post.rstrip(".")):
        entry_side, comma_post = _SIDE_NAMES[comma_post.rstrip(".")], None
    name, title_post = _resolve_person(name_part, hints, on)
    return [PersonRef(name=name, role="participant", as_printed=as_printed, kind="person",
                      post=comma_post or title_post or code_post,
                      side=side or entry_side)]


def _list_members(text: str) -> list[str]:
    """'Stewart L. Udall, Ambassador Anatoli Dobrynin, Mrs. Dobrynin, Curtis Kamman' is a list;
    'Mr. Levchenko, Second Secretary, Soviet Embassy' is one person with a post."""
    text = re.sub(r"\s*\((?:State|Commerce|Defense|C\.I\.A\.|A\.E\.C\.|NASA)\)$", "", text)
    parts = [p.strip() for p in text.split(", ")]
    if len(parts) > 1 and any(_LIST_MEMBER.match(p) for p in parts[1:]):
        return [m for p in parts for m in _split_and(p)]
    return _split_and(text)


def _split_and(text: str) -> list[str]:
    left, sep, right = text.partition(" and ")
    if sep and _LIST_MEMBER.match(right) and _LIST_MEMBER.match(left):
        return [left, *_split_and(right)]
    return [text]


_INSTITUTION = re.compile(
    r"\b(?:Embassy|Department|Delegation|Posts|Agency|Council|Committee|Office|Mission)\b")
_PERSON_OF = re.compile(r"^([A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+) of (?:the )?(.+)$")


def _title_party(text: str, role: str, hints, on, with_side: bool = True) -> PersonRef:
    """'the Ambassador in the Soviet Union (Thompson)' / 'Secretary of State Rusk' /
    'the Embassy in the Soviet Union' -> a PersonRef."""
    text = re.sub(r",\s*at [A-Z]\w+$", "", text)                     # "..., at Paris"
    as_printed = clean_inline(text)
    side = (_side_from_text(as_printed) or "US") if with_side else None
    bare = re.sub(r"^the ", "", as_printed)
    paren = re.match(r"^(.*?)\s*\(([^()]+)\)$", bare)
    if paren:
        name = canonical_name(paren.group(2), hints) or paren.group(2)
        return PersonRef(name, role, as_printed, "person", clean_inline(paren.group(1)), side)
    person_of = _PERSON_OF.match(bare)
    if person_of and not _INSTITUTION.match(bare):
        name = canonical_name(person_of.group(1), hints) or person_of.group(1)
        return PersonRef(name, role, as_printed, "person", person_of.group(2), side)
    if _INSTITUTION.search(bare) or bare.startswith("All "):
        return PersonRef(bare, role, as_printed, "institution", None, side)
    name, post = _resolve_person(bare, hints, on)
    return PersonRef(name, role, as_printed, "person", post, side)


def _split_pair(text: str, word: str) -> tuple[str, str] | None:
    """Split 'A to B' / 'A and B' where A is one party: prefer a split right after '(Surname)'."""
    pieces = text.split(f" {word} ")
    if len(pieces) < 2:
        return None
    splits = [(f" {word} ".join(pieces[:k]), f" {word} ".join(pieces[k:])) for k in range(1, len(pieces))]
    for left, right in splits:
        if left.endswith(")"):
            return left, right
    return splits[0]


def _split_parties(text: str) -> list[str]:
    pair = _split_pair(text, "and")
    if pair and (pair[1].startswith(("the ", "Secretary", "Director", "President"))
                 or pair[0].endswith(")")):
        return [pair[0], pair[1]]
    return [text]


def title_participants(title: str, doc_type: str, hints, on) -> list[PersonRef]:
    """Author/recipient (telegrams, letters, memoranda, papers) or the two sides of a memcon
    from the document title."""
    if doc_type == "editorial-note":
        return []
    title = re.sub(r"\b(the|to)(?=[A-Z])", r"\1 ", title)       # "theDepartment", "toAll"
    m = re.search(r"\bBetween (.+)$", title)
    if m:
        pair = _split_pair(m.group(1), "and")
        parties = list(pair) if pair else [m.group(1)]
        return [_title_party(p, "participant", hints, on) for p in parties]
    m = re.search(r"\bFrom (.+)$", title)
    if m and doc_type != "minutes":
        pair = _split_pair(m.group(1), "to")
        author, recipient = pair if pair else (m.group(1), None)
        refs = [_title_party(a, "author", hints, on) for a in _split_parties(author)]
        if recipient:
            refs += [_title_party(r, "recipient", hints, on) for r in _split_parties(recipient)]
        return refs
    m = re.search(r"\b(?:Prepared (?:in|by)|by) (.+)$", title)
    if m and doc_type in ("memorandum", "paper", "transcript", "report"):
        return [_title_party(m.group(1), "author", hints, on, with_side=False)]
    m = re.match(r"Memorandum for (?!the )(.+)$", title)
    if m:
        return [_title_party(m.group(1), "recipient", hints, on)]
    return []


# --------------------------------------------------------------------------- documents

def _source_key(path: Path, options: ReadOptions) -> str | None:
    if options.source:
        return options.source
    m = _VOLUME_FILE.search(path.name)
    if m:
        return f"frus{m.group(1)}-{m.group(2)}v{int(m.group(3)):02d}"
    return None


def _dateline(header: _Header) -> tuple[str | None, DateInfo]:
    if not header.dateline:
        return None, DateInfo()
    printed = clean_inline(header.dateline)
    parsed = parse_dateline(printed.lstrip(">").strip())
    if parsed is None:
        return None, DateInfo(text=printed)
    place, info = parsed
    info.text = printed                             # as printed, final period and all
    return place, info


def _looks_like_dateline(line: _Line) -> bool:
    return bool(re.match(r"^>?[A-Z][\w .'ʼ-]*,\s", line.text)) and len(line.text) < 120


def _assemble_text(block: _Block, header: _Header) -> tuple[str, tuple[int, int], str | None]:
    """(normalized text, body span, Source note) from the block's lines."""
    paragraphs: list[str] = []
    body_first = body_last = None
    note = None
    in_notes = False
    for k, line in enumerate(block.lines):
        text = line.text
        if text == _SEPARATOR:
            in_notes = True
            continue
        if text.startswith("* Source:"):
            text = text[2:]
            note = note or clean_inline(text[len("Source:"):])
        cleaned = clean_inline(text)
        if not cleaned:
            continue
        paragraphs.append(cleaned)
        if not in_notes and k >= header.body_start:
            body_first = len(paragraphs) - 1 if body_first is None else body_first
            body_last = len(paragraphs) - 1
    offsets, pos = [], 0
    for para in paragraphs:
        offsets.append(pos)
        pos += len(para) + 2
    text = "\n\n".join(paragraphs)
    if body_first is None:
        span = (len(text), len(text))
    else:
        span = (offsets[body_first], offsets[body_last] + len(paragraphs[body_last]))
    return text, span, note


def _document(block: _Block, source: str | None, hints: dict[str, str]) -> DocumentRecord:
    title = _title_of(block.heading)
    doc_type = doc_type_for(title)
    dated = not block.is_editorial and bool(block.lines) and _looks_like_dateline(block.lines[0])
    header = _parse_header(block.lines, dated)
    place, date_info = _dateline(header)
    text, body_span, note = _assemble_text(block, header)
    if not text:
        raise ReaderError("document has no text after its heading")
    classification, marking = classification_of(note) if note else (None, None)
    on = date_info.start
    if header.participants:
        participants = [ref for entry, side in header.participants
                        for ref in _participant(entry, side, hints, on)]
    else:
        participants = title_participants(title, doc_type, hints, on)
    extra = {"doc_number": block.number, "body_span": body_span,
             "has_participants_block": header.has_block}
    if header.subject:
        extra["subject"] = clean_inline(header.subject)
    if marking:
        extra["classification_text"] = marking
    drafter = drafter_of(note) if note else None
    if drafter:
        extra["drafted_by"] = drafter
    return DocumentRecord(
        native_id=f"d{block.number}", title=title, text=text, source=source, doc_type=doc_type,
        date=date_info, place=place, language="English", original_language="English",
        citation=note, archive=archive_of(note) if note else None, classification=classification,
        participants=participants, name_hints=hints, extra=extra)


def read(path: Path, text: str, options: ReadOptions) -> Iterator[DocumentRecord | RejectedRecord]:
    """One record per numbered document; a document that cannot be read is a RejectedRecord
    ('d253') and the rest of the volume goes on."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks, index_at = _split_volume(raw_lines)
    if not blocks:
        raise ReaderError("no numbered FRUS document headings ('N. TitleSource') found")
    hints = _NameHints(parse_index(raw_lines[index_at + 1:]))
    source = _source_key(path, options)
    for block in blocks:
        try:
            yield _document(block, source, hints.for_document(block.number))
        except ReaderError as exc:
            yield RejectedRecord(where=f"d{block.number}", reason=str(exc))
