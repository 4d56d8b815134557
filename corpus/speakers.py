"""Split a document into passages and attribute speakers.

Four kinds of document, four rules:

- transcripts, news conferences and debates: split at speaker-turn markers ("THE PRESIDENT.",
  "Q.", "MR. NIXON:", "SENATOR KENNEDY:"); each turn is one passage (kind 'turn');
- speeches (a default speaker): every paragraph is the speaker's;
- records of conversation (memcons, summaries, minutes, telegrams reporting talks): a paragraph
  is given to the person whose words or views it reports when the text says so ("Khrushchev
  said...", "The President replied...", "In the opinion of Cde. Blas Roca...", "I personally,
  said Cde. Blas Roca, ..."); a paragraph reporting two speakers as main clauses, framing by the
  note-taker, headings and signatures stay unattributed;
- everything else: plain paragraphs with no speaker (a letter's paragraphs are its author's).

The guiding rule is to leave a passage unattributed rather than guess.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .people import (alias_key, canonical_name, country_side, foreign_minister_at, forename_keys, monarch_at,
                     is_foreign_minister_title, is_office, keyed_hints,
                     names_registry_person, office_holder, parse_name, resolve_person, side_word,
                     surname_keys, titles_held)
from .lexicon import common_words, mostly_capitals, recased
from .record import DocumentRecord, PassageRecord, PersonRef
from .text import clean_inline, paragraph_spans, tokenize

TURN_DOC_TYPES = {"transcript", "news-conference", "debate", "interview", "hearing"}
CONVERSATION_DOC_TYPES = {"memcon", "summary-of-conversation", "minutes", "record", "telegram",
                          "conversation", "meeting"}
# Documents whose whole text is the default speaker's (a speech, a presidential message).
WHOLE_TEXT_DOC_TYPES = {"speech", "statement", "address", "message", "remarks", "proclamation",
                        "broadcast", "lecture", "sermon", ""}
_CONVERSATION_TITLE = re.compile(r"\b(?:conversations?|talks?|meetings?|minutes|discussions?|interview)\b",
                                 re.IGNORECASE)


def attribute(record: DocumentRecord) -> list[PassageRecord]:
    """Passages covering the record's text, each with a speaker name or None.

    Uses record.doc_type, participants, date, default_speaker and name_hints. Speaker names are
    canonical (corpus.people.canonical_name), so the same person gets the same name everywhere.
    Passages the reader already made (the sections of a UN file holding two speeches, see
    corpus.readers.frontmatter.speaker_sections) are the record's: they are returned as they are,
    as ingest stores them."""
    if record.passages is not None:
        return list(record.passages)
    text = record.text or ""
    if not text.strip():
        return []
    # A memorandum for the record is no transcript, whatever its 'SUBJECT:', 'NOTE:' and 'ACTION:'
    # lines look like (the reader marks it: corpus.readers.frontmatter.add_release_fields).
    report = bool((record.extra or {}).get("source_report"))      # an FBI report of what sources said
    memorandum = bool((record.extra or {}).get("for_the_record")) or report or is_labelled_release(record)
    # An archive release is a record, never a transcript: its form fields ('DISTR.', 'SOURCE:',
    # 'REPORT NO.') repeat like labels.
    release = bool((record.extra or {}).get("archive_release"))
    if (record.doc_type or "").lower() in TURN_DOC_TYPES or (
            not memorandum and not release and turns_dominate(text)):
        return turn_passages(record)
    spans = paragraph_spans(text)
    doc_type = (record.doc_type or "").lower()
    if record.default_speaker and doc_type in WHOLE_TEXT_DOC_TYPES:
        speaker = canonical_name(record.default_speaker, record.name_hints, record.date.start)
        return [PassageRecord(s, e, speaker, "text") for s, e in spans]
    if (memorandum or release) and (report or doc_type in ("memorandum", "memcon", "document", "")):
        return release_passages(record, spans)        # a memorandum in an OCR'd archive release
    if doc_type in CONVERSATION_DOC_TYPES or (record.extra or {}).get("records_conversation") or (
            doc_type in ("memorandum", "report", "note", "document", "")
            and (_CONVERSATION_TITLE.search(record.title or "") or (record.extra or {}).get("for_the_record"))):
        enclosed = _enclosed_memoranda(record, spans)
        if enclosed:
            return _with_enclosed_memoranda(record, spans, enclosed)
        return Conversation(record).passages(spans)
    return _plain_passages(record, spans)


# An enclosed memorandum by someone other than the covering despatch's writer: '[Enclosure]', then
# 'Memorandum by the Counselor of Embassy in France (Marriner)'. Its 'I' is that man.
_ENCLOSED_BY = re.compile(r"^(?:Memorandum|Record|Notes?|Minutes)\b[^()\n]{0,160}?\bby\b[^()\n]{0,160}?"
                          r"\((?P<surname>(?:Ma?c)?[A-Z][\w'’\-]+)\)")


def _enclosed_memoranda(record: DocumentRecord, spans) -> list[tuple[int, str]]:
    """Where each enclosed memorandum by another writer starts, with that writer's name (as its
    signature prints it: 'Theodore Marriner' for '(Marriner)')."""
    text = record.text
    author = next((r.name for r in record.participants if r.role == "author" and r.name), "") or ""
    marks = [i for i, (s, e) in enumerate(spans) if _INCLOSURE.match(text[s:e].strip())]
    found = []
    for n, i in enumerate(marks):
        title = _ENCLOSED_BY.match(text[spans[i + 1][0]:spans[i + 1][1]].strip()) if i + 1 < len(spans) else None
        if not title or alias_key(title.group("surname")) in alias_key(author).split():
            continue
        surname = title.group("surname")
        end = marks[n + 1] if n + 1 < len(marks) else len(spans)
        signed = [text[s:e].strip() for s, e in spans[i + 2:end]
                  if _looks_like_signature(text[s:e].strip()) and text[s:e].strip().split()[-1] == surname]
        found.append((spans[i][0], signed[-1] if signed else surname))
    return found


def _with_enclosed_memoranda(record: DocumentRecord, spans, enclosed: list[tuple[int, str]]) -> list[PassageRecord]:
    """The covering despatch read as itself, each enclosed memorandum with its own writer."""
    from dataclasses import replace
    starts = [start for start, _ in enclosed] + [len(record.text) + 1]
    out = Conversation(record).passages([(s, e) for s, e in spans if s < starts[0]])
    for (start, writer), end in zip(enclosed, starts[1:]):
        section = replace(record, extra={**(record.extra or {}), "author": writer}, passages=None)
        out += Conversation(section).passages([(s, e) for s, e in spans if start <= s < end])
    return out


# ============================================================================================
# Turns: transcripts, news conferences, debates
# ============================================================================================

# Role labels: a turn by someone the transcript does not name. Unnamed questions ('Q.',
# 'Reporter:') go to one role person, QUESTIONER, so that all questions can be found together;
# 'THE MODERATOR.' is the debate's moderator when the row or the text names them, else MODERATOR.
QUESTIONER = "Questioner"
MODERATOR = "Moderator"
_QUESTIONER_LABELS = {"q", "question", "questioner", "reporter", "a reporter", "the reporter",
                      "audience member", "press", "speaker unidentified", "unidentified speaker"}
# '[Speaker unidentified]: Thank you very much, Mr. President.' at a paragraph start.
_UNIDENTIFIED_LABEL = re.compile(r"(?:^|(?<=\n\n))\[(?P<label>Speaker unidentified|Unidentified speaker)\]:(?=\s)",
                                 re.IGNORECASE)
_MODERATOR_LABELS = {"moderator", "the moderator"}
_ROLE_LABELS = _QUESTIONER_LABELS | _MODERATOR_LABELS | {
    "audience", "participant", "voice", "voices", "unidentified", "panelist"}
_CAPS = r"(?:Ma?c[A-Z][A-Z'\-]+|[A-Z][A-Z'\-]+|[A-Z]\.)"
_HONOR = r"(?:(?:MR|MRS|MS|DR|SEN|GOV|REP|GEN|ADM|AMB|MESSRS|Mr|Mrs|Ms|Dr)\.|MISS|Miss)"
_CAPS_LABEL = rf"(?:(?:THE|The)[.,]? )?(?:{_HONOR} )?(?:{_CAPS} ){{0,3}}{_CAPS}"   # 'The PRESIDENT', 'THE, PRESIDENT'
# A title and surname in mixed case: 'Mr. Lehrer.', 'Senator Dole.', and the abbreviated titles
# 'Gov. Romney.', 'Sen. McCain.', 'Rep. Paul.'.
_MIXED_TITLE = (r"(?:The (?:Vice )?President|The Moderator|(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Adm|Amb)\. "
                r"[A-Z][A-Za-z'\-]+"
                r"|(?:President|Senator|Governor|Secretary|Ambassador|General|Vice President|Chairman)"
                r" [A-Z][A-Za-z'\-]+(?: [A-Z][a-z'\-]+)?)")
# A mixed-case bare label: 'Bush:', 'Jim Lehrer.', 'McCain:', "O'Brien:".
_BARE_NAME = r"(?:Ma?c|O')?[A-Z][a-z]+(?: (?:Ma?c|O')?[A-Z][a-z]+)?"
_ROLE = r"(?:Q|QUESTION|Question|REPORTER|Reporter|MODERATOR|Moderator|AUDIENCE MEMBER|Audience Member)"
# Where a turn may start: text start, a paragraph break, the comma that joins paragraphs in the
# APP scrape ("...ago,In view"), a closing bracket ("[4.] Q."), or an ALL-CAPS heading run.
_BOUNDARY = r"(?:^|\n\n|(?<=[,.;?!\]\"')\-])\s?|(?<=[A-Z]{3}) )"
# After the label: a separator ('.', ':', ';', or ',' / nothing for a label the text also
# prints with a separator), a doubled period ('THE MODERATOR..'), a footnote digit
# ('PRESIDENT ECHEVERRIA.1'), or an item number ('THE PRESIDENT [1.] This past week'). At a
# paragraph start, dashes mark a turn resumed after an interruption: 'THE PRESIDENT-- in the
# field of ...' (a weak separator: the label must also be printed with a strong one) and
# 'Q.---which stipulates ...' (a question taken up again).
_TURN_RE = re.compile(
    rf"{_BOUNDARY}(?P<label>{_CAPS_LABEL}, [A-Z][A-Z0-9'\",.\- ]{{0,80}}[A-Z\"](?=:)|{_ROLE}|{_CAPS_LABEL}"
    rf"|{_MIXED_TITLE}|{_BARE_NAME})"
    rf"(?:(?: \[[a-z ]{{1,20}}\])?(?P<sep>[.:;,])(?:\.?\d{{0,2}}(?=\s|$)|(?P<cont>-{{2,3}})(?=[a-z]))"
    rf"|(?P<dash>-{{2,3}})(?= [a-z])|(?= \[\d{{1,3}}\.\] [A-Z])|(?P<bare> )(?=[A-Z][a-z]))")
_STRONG_SEPS = (".", ":", ";")
# A named questioner at a paragraph start: 'Q. Marvin L. Arrowsmith, Associated Press:', 'Q. Frank van
# der Linden, Nashville Banner:',
# 'Merriman Smith, United Press International:', 'Q. Mrs. McClendon:', 'HELEN THOMAS (United
# Press International).'
_TURN_NAME_WORD = r"(?:Ma?c[A-Z][A-Za-z'\-]+|[A-Z][A-Za-z'\-]+|[A-Z]\.)"
# An outlet may carry its place in parentheses: 'Portland (Maine) Press Herald'.
_AFFILIATION = (r"[A-Z][A-Za-z.&'\-]*(?: (?:[A-Z][A-Za-z.&'\-]*|\([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*)?\)"
                r"|of|and|the|for|&|[a-z]{3,})){0,7}")   # 'United features' as printed
_NAMED_RE = re.compile(
    rf"(?:^|(?<=\n\n))(?:\[\d{{1,3}}[.\-]?\] ?)?(?P<label>(?:Q[.,]? )?(?:(?:Mr|Mrs|Ms|Miss|Dr)\.? )?"
    rf"{_TURN_NAME_WORD}(?: (?:(?:van der|van|von|de|du|da|di|del|de la|le|la) )?{_TURN_NAME_WORD}){{0,3}}(?:,? Jr\.)?"
    rf"(?:, {_AFFILIATION}| \({_AFFILIATION}\)| \[{_AFFILIATION}\])?)"
    rf"(?P<sep>:|(?<=[)\]])\.|\.(?= [A-Z])|\.(?=-{{2,3}}[a-z]))(?=\s|-)")   # 'Q. Mr. Roberts.--do you feel'
_NOT_TURN_NAME_WORDS = {"president", "vice", "secretary", "senator", "governor", "chairman", "general",
                        "sir", "ambassador", "speaker", "the", "united", "states", "note", "question",
                        "questions", "moderator", "reporter", "congressman", "mayor", "panelist", "audience",
                        "member", "new", "york", "times", "post", "news", "press", "associated",
                        "international", "my", "our", "to", "dear", "fellow", "fellow-citizens",
                        "countrymen", "citizens", "ladies", "gentlemen", "friends", "members"}
# ('THE PRESIDENT [reading].', 'THE PRESIDENT [1.] This past week ...')
_TITLE_WORD_LABEL = re.compile(
    rf"^(?:THE\.? )?(?:{_HONOR}|(?:SENATOR|GOVERNOR|SECRETARY|GENERAL|AMBASSADOR|PRESIDENT|VICE PRESIDENT"
    r"|CHAIRMAN|PRIME MINISTER|MINISTER|CONGRESSMAN|CONGRESSWOMAN|REPRESENTATIVE|ADMIRAL|JUDGE|JUSTICE|MAYOR"
    r"|REVEREND|FATHER|PROFESSOR|SEN\.|GOV\.|REP\.|MODERATOR|UNDER SECRETARY|ATTORNEY GENERAL)) ")
_NOT_LABELS = {"u.s", "u.n", "s.s.r", "d.c", "u.s.s.r", "n.a.t.o", "i", "a", "ok", "no", "yes", "p.m", "a.m",
               "mr", "mrs", "dr", "the", "well", "now", "thank you", "good evening", "good morning"}


@dataclass
class Turn:
    start: int          # where the turn starts (its label, or an item number '[4.]' before it)
    end: int            # where the turn's text ends (before the next turn)
    label: str          # the label as printed: 'THE PRESIDENT', 'Q', 'MR. NIXON'


@dataclass
class _Candidate:
    start: int
    end: int
    label: str
    kind: str           # role | caps | titled | bare | named
    sep: str            # '.', ':', ';' (strong), ',' or '' (weak)
    at_paragraph_start: bool


_INNER_LABEL_START = re.compile(r"(?<=\S) (?=(?:THE|MR\.|MRS\.|MS\.|DR\.|SENATOR|GOVERNOR|SECRETARY|GENERAL"
                                r"|AMBASSADOR) )")


def _is_comma_join(text: str, start: int) -> bool:
    """'...ago,In view': a comma with no space before a capital joins two scraped paragraphs."""
    return start > 1 and text[start - 1] == "," and not text[start - 2].isspace()


@lru_cache(maxsize=4096)
def _label_kind(label: str, sep: str, at_paragraph_start: bool) -> str | None:
    """'role', 'caps', 'titled' or 'bare' for a plausible turn label, None for anything else."""
    plain = label.strip()
    low = _label_key(plain)
    name = plain.split(", ")[0]                       # 'MR. MOYERS, HOST AND EXECUTIVE EDITOR, ...'
    if (re.search(r"'[Ss]\b", name) or re.search(r"(?:^|\s)(?!Q\b)[A-Z]\.?$", name)
            or re.search(r"\bOF\b", name) and not re.match(r"(?:THE )?SECRETARY OF\b", name)):
        return None                     # "GENERAL TAYLOR'S REPORT", 'GOVERNOR OF ALABAMA', 'Dr. J. Willis'
    if low in _ROLE_LABELS:
        return "role"
    if low in ("the president", "the vice president"):
        return "caps"                                   # 'The PRESIDENT.'
    if ", " in plain and plain.isupper():
        return "caps"                                   # 'HOWARD K. SMITH, MODERATOR:'
    if low in _NOT_LABELS or len(plain.split()) > 5:
        return None
    letters = re.sub(r"[^A-Za-z]", "", plain)
    capitals = re.sub(r"\bMa?c(?=[A-Z]{2})", lambda m: m.group().upper(), plain)   # 'SECRETARY McNAMARA'
    if capitals.upper() == capitals or re.fullmatch(rf"{_HONOR}\s+{_CAPS}", plain):
        words = [w for w in re.split(r"\s+", plain) if len(w.strip(".")) > 1]
        if not words or len(letters) < 2:
            return None
        return "caps"
    if re.fullmatch(_MIXED_TITLE, plain):
        return "titled" if at_paragraph_start and sep in _STRONG_SEPS else None
    if sep in (":", ".") and at_paragraph_start and re.fullmatch(_BARE_NAME, plain):
        return "bare"                                   # 'Bush:', 'Jim Lehrer.' (see _kept_candidates)
    return None


def find_turns(text: str) -> list[Turn]:
    """Speaker turns in a transcript, in order, covering the text from the first marker on.

    A marker is an ALL-CAPS label ('THE PRESIDENT.', 'MR. NIXON:', 'SENATOR KENNEDY:',
    'WELKER:', 'MR. NIXON;'), a role ('Q.', 'Reporter:'), a named questioner at a paragraph start
    ('Q. Marvin L. Arrowsmith, Associated Press:') or, at a paragraph start, a titled label in
    mixed case ('The President:', 'Mr. RATHER.', 'President Gorbachev.'). Labels that are not
    role labels and carry no honorific must recur in the text to count, so that a heading such as
    'IRAN:' or a sentence such as 'Thank you.' is not taken for a speaker. A label the text prints
    with a separator also counts where the separator is a comma or missing ('THE PRESIDENT, No.',
    'THE PRESIDENT Well, ...')."""
    named = _named_candidates(text)
    taken = [(c.start, c.end) for c in named]
    candidates = named + [c for c in _label_candidates(text)
                          if not any(s <= c.start < e for s, e in taken)]
    candidates.sort(key=lambda c: c.start)
    kept = _kept_candidates(candidates)
    kept = sorted(kept + _introductions(text, kept), key=lambda c: c.start)
    turns = []
    for i, candidate in enumerate(kept):
        end = kept[i + 1].start if i + 1 < len(kept) else len(text)
        turns.append(Turn(candidate.start, _trim_end(text, candidate.start, end), candidate.label))
    return turns


def _label_candidates(text: str) -> list[_Candidate]:
    candidates = []
    for match in _TURN_RE.finditer(text):
        label = match.group("label").strip()
        start = match.start("label") + len(match.group("label")) - len(match.group("label").lstrip())
        inner = _INNER_LABEL_START.search(label)
        if inner and label.isupper():                  # 'OPENING STATEMENT THE PRESIDENT.': a heading run
            label, start = label[inner.start():], start + inner.start()
        sep = match.group("sep") or ("" if match.group("bare") else "--" if match.group("dash") else ".")
        tail_q = re.search(r"(?<= )Q\.?$", label) if label.isupper() else None
        if tail_q:                                     # 'QUESTIONS Q. Mr. Secretary, ...'
            sep = "." if label.endswith(".") else sep
            label, start = "Q", start + tail_q.start()
        if _inside_brackets(text, start):
            continue                                   # '[Dan Rather, CBS News]
        following = text[match.end():match.end() + 100].split("\n\n")[0].strip()
        if label.isupper() and following.upper() == following and (
                not following or re.search(r"[A-Z]{3}", following)):
            continue                                   # 'IRAN: SANCTIONS, ...', 'ECONOMY.': headings
        at_paragraph_start = start == 0 or text[max(0, start - 2):start] == "\n\n" or (
            text[start - 1] == "," and _is_comma_join(text, start))
        if (match.group("dash") or match.group("cont")) and not at_paragraph_start:
            continue                                   # 'Government---': a broken-off sentence
        number = re.search(r"\[\d{1,3}[.\-]?\]\.? ?$", text[max(0, start - 8):start])
        if number:
            start -= len(number.group())                # '[4.] Q. Mr. President, ...' starts at '[4.]'
        if sep == "." and match.group("sep") is None and not match.group("bare") and not tail_q and \
                not _TITLE_WORD_LABEL.match(label + " "):
            continue                                   # 'VIET-NAM [2.] We are ...': a heading, not a label
        kind = _label_kind(label, sep, at_paragraph_start)
        if kind in ("titled", "bare") and not text[match.end():match.end() + 200].split("\n\n")[0].strip():
            continue                                   # 'Senator Dole.' alone: the moderator calling on him
        if kind:
            candidates.append(_Candidate(start, match.end(), label, kind, sep, at_paragraph_start))
    candidates += [_Candidate(m.start(), m.end(), m.group("label"), "role", ":", True)
                   for m in _UNIDENTIFIED_LABEL.finditer(text)]
    return sorted(candidates, key=lambda c: c.start)


# 'Moderator Bob Schieffer. Good evening', 'Republican Presidential Nominee W. Mitt Romney. Thank
# you': a speaker's first turn, labelled with title and full name, whose surname other labels carry.
_INTRODUCTION_RE = re.compile(
    r"(?:^|(?<=\n\n))(?P<label>(?:[A-Z][A-Za-z'\-]*\.? ){1,6}(?:Ma?c|O')?[A-Z][a-z'\-]*[a-z])(?P<sep>[.:])(?= +\S)")
_INTRODUCING_WORDS = {"republican", "democratic", "presidential", "vice-presidential", "nominee", "candidate",
                      "former", "independent", "host", "anchor", "correspondent", "incumbent"}


def _introductions(text: str, kept: list[_Candidate]) -> list[_Candidate]:
    """Self-introducing labels: at a paragraph start, titles and a full name whose surname is
    the surname of a recurring label ('SCHIEFFER:', 'Governor Romney.'); the label kept is the
    name ('Bob Schieffer', 'W. Mitt Romney')."""
    surnames = {_label_key(c.label).split()[-1] for c in kept if c.kind != "role"}
    found = []
    for match in _INTRODUCTION_RE.finditer(text):
        if any(c.start <= match.start() < max(c.end, c.start + 1) for c in kept):
            continue
        words = match.group("label").split()
        name: list[str] = []
        for word in reversed(words):
            if word.strip(".").lower() in _NOT_TURN_NAME_WORDS | _INTRODUCING_WORDS:
                break
            if not re.fullmatch(r"[A-Z]\.|(?:Ma?c|O')?[A-Z][a-z\-]+", word):
                name = []                              # "I'm Carole Simpson." is a sentence
                break
            name.insert(0, word)
        if len(name) >= 2 and name[-1].lower() in surnames:
            found.append(_Candidate(match.start(), match.end(), " ".join(name), "named", match.group("sep"), True))
    return found


def _inside_brackets(text: str, start: int) -> bool:
    opened = text.rfind("[", max(0, start - 120), start)
    return opened >= 0 and "]" not in text[opened:start] and "\n\n" not in text[opened:start]


def _named_candidates(text: str) -> list[_Candidate]:
    """Named questioners: 'Q. Marvin L. Arrowsmith, Associated Press:' at a paragraph start."""
    candidates = []
    for match in _NAMED_RE.finditer(text):
        label = match.group("label")
        person = _questioner_name(label)
        words = [w.strip(".").lower() for w in person.split()]
        honorific = re.match(r"^(?:Mr|Mrs|Ms|Miss|Dr)\.? ", person)
        if (_NOT_TURN_NAME_WORDS & set(words) or len(words) < 2
                or (not honorific and len([w for w in words if len(w) > 1]) < 2)):
            continue
        if not (honorific or label.startswith("Q") or person != label or re.search(r" [A-Z]\. ", person)):
            continue                                   # 'Fiscal Year From:': no Q., title, initial or affiliation
        if match.group("sep") == "." and not (label.endswith(("]", ")")) or _caps_full_name(label)
                                               or label.startswith("Q") and text.startswith("--", match.end())):
            continue                                   # '.' only after '[Associated Press]', 'EUGENE C. PATTERSON'
                                                       # or before a question taken up again ('Q. Mr. Roberts.--do')
        candidates.append(_Candidate(match.start(), match.end(), label, "named", match.group("sep"), True))
    return candidates


def _caps_full_name(label: str) -> bool:
    """'EUGENE C. PATTERSON': a name in capitals with a middle initial, a questioner's label even once."""
    return bool(re.fullmatch(r"[A-Z][A-Z'\-]+ (?:[A-Z]\. )+(?:Ma?c)?[A-Z][A-Z'\-]+", label))


def _questioner_name(label: str) -> str:
    """'Q. Marvin L. Arrowsmith, Associated Press' -> 'Marvin L. Arrowsmith'."""
    name = re.sub(r"^Q[.,]? ", "", label.strip())
    name = re.sub(r" [(\[].*[)\]]$", "", name)
    return re.sub(r",(?! Jr\.).*$", "", name).strip()


@lru_cache(maxsize=4096)
def _label_key(label: str) -> str:
    """'THE. MODERATOR' -> 'the moderator', 'THE PRESIDENT-' -> 'the president'."""
    key = re.sub(r"\s+", " ", label.strip().lower()).rstrip(".-")
    key = re.sub(r"^t?h?e+\.? (?=(?:vice )?president$)", "the ", key)   # OCR: 'TEE PRESIDENT'
    return re.sub(r"^the[.,]? ", "the ", key)


def _kept_candidates(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates that are turns: strong ones by their kind, then weak ones (',' or no
    separator) whose label the text also prints with a strong separator."""
    counts: dict[str, int] = {}
    for c in candidates:
        if c.sep in _STRONG_SEPS:
            counts[_label_key(c.label) + c.sep] = counts.get(_label_key(c.label) + c.sep, 0) + 1
    strong = [c for c in candidates if c.sep in _STRONG_SEPS and _keep_label(c, counts)]
    titled_style = _mostly_titled(strong)
    if titled_style:                                   # 'Ms. Ridings.' once, among 'Mr. Newman.' turns
        strong = [c for c in candidates if c.sep in _STRONG_SEPS and (
            _keep_label(c, counts) or c.kind == "titled" and c.at_paragraph_start)]
    surnames = {_label_key(c.label).split()[-1] for c in strong if c.kind in ("titled", "caps")}
    strong += [c for c in candidates if (c.kind == "bare" and c.sep == "." or c.kind == "titled")
               and c.at_paragraph_start and " " in c.label and _label_key(c.label).split()[-1] in surnames
               and c not in strong]             # 'Jim Lehrer.', 'Senator Bob Dole.' once: a known surname
    known = {_label_key(c.label) for c in strong}
    weak = [c for c in candidates if c.sep not in _STRONG_SEPS and c.kind in ("caps", "role")
            and (c.label.isupper() or c.kind == "role") and _label_key(c.label) in known]
    return sorted(strong + weak, key=lambda c: c.start)


def _mostly_titled(kept: list[_Candidate]) -> bool:
    labelled = [c for c in kept if c.kind != "role"]
    return len(labelled) >= 10 and sum(c.kind == "titled" for c in labelled) >= 0.6 * len(labelled)


def _keep_label(candidate: _Candidate, counts) -> bool:
    label, kind, sep = candidate.label, candidate.kind, candidate.sep
    recurrences = counts.get(_label_key(label) + sep, 0)
    if kind in ("role", "named"):
        return True
    if kind == "caps":
        return bool(_TITLE_WORD_LABEL.match(label + " ")) and len(label.split()) > 1 or (
            recurrences >= 2 or is_office(label) or ", " in label or _label_key(label) == "the president")
    if kind == "titled":
        return recurrences >= 2
    return sep == ":" and recurrences >= 3       # mixed-case 'Bush:' in later debates


def _trim_end(text: str, start: int, end: int) -> int:
    """Back off the separators between two turns: spaces, paragraph breaks, the join comma."""
    while end > start and text[end - 1] in " ,\n":
        end -= 1
    return end


def turns_dominate(text: str) -> bool:
    """True for a text made of speaker turns (a transcript that no doc_type announced)."""
    turns = find_turns(text)
    if len(turns) < 4:
        return False
    labels = {_label_key(t.label) for t in turns}
    covered = sum(t.end - t.start for t in turns)
    return len(labels) >= 2 and covered >= 0.6 * len(text.strip())


def turn_passages(record: DocumentRecord) -> list[PassageRecord]:
    """Passages of a transcript (kind 'turn'): a turn is one passage, split where an editorial
    bracket ('[Laughter]') or an inserted subject heading interrupts it; the speaker's text after
    the interruption is still theirs. Text before the first turn, and text outside the body
    (header lines, Source note), get no speaker."""
    text = record.text
    body_start, body_end = _body_range(record)
    turns = [t for t in find_turns(text) if body_start <= t.start < body_end]
    if not turns:
        return _plain_passages(record, paragraph_spans(text))
    resolve = _TurnSpeakers(record, turns)
    passages = []
    lead_end = _trim_end(text, 0, turns[0].start)
    for s, e in paragraph_spans(text[:lead_end]) + [sp for sp in paragraph_spans(text) if sp[0] >= body_end]:
        kind = _frame_kind(record, s, e) or ("heading" if _looks_like_heading(text[s:e]) else
                                             _paragraph_kind(text[s:e], 1, 3, None))
        passages.append(PassageRecord(s, e, None, kind))
    for turn in turns:
        end = _trim_end(text, turn.start, min(turn.end, body_end))
        passages.extend(_turn_pieces(text, turn.start, end, resolve(turn.label)))
    passages.sort(key=lambda p: p.start)
    return passages


def _turn_pieces(text: str, start: int, end: int, speaker: str | None) -> list[PassageRecord]:
    """One turn's passages: its paragraphs joined, except editorial brackets and headings."""
    pieces: list[PassageRecord] = []
    for i, (s, e) in enumerate(paragraph_spans(text[start:end])):
        para = text[start + s:start + e]
        kind = None if i == 0 else _interruption_kind(para)
        if kind:
            pieces.append(PassageRecord(start + s, start + e, None, kind))
        elif pieces and pieces[-1].kind == "turn":
            pieces[-1].end = start + e
        else:
            pieces.append(PassageRecord(start + s, start + e, speaker, "turn"))
    return pieces


def _interruption_kind(para: str) -> str | None:
    """'editorial' for '[Laughter]', 'heading' for an inserted subject heading ('TAX ACTIONS',
    'Closing Statements'), None for the speaker's own text."""
    stripped = para.strip()
    if stripped.startswith("[") and stripped.endswith("]"):
        return "editorial"
    words = stripped.split()
    if stripped.isupper() and len(words) <= 14 and (not re.search(r"[?!]$", stripped)) and (
            not stripped.endswith(".") or len(words) > 3):
        return "heading"
    if (len(words) <= 6 and not _SENTENCE_END.search(stripped) and not stripped.endswith(("-", ","))
            and all(w[:1].isupper() or w in ("of", "the", "and", "on", "in", "for", "to", "a") for w in words)):
        return "heading"
    return None


class _TurnSpeakers:
    """Label -> canonical speaker for one transcript, consistent across its labels."""

    def __init__(self, record: DocumentRecord, turns: list[Turn]):
        self.on = record.date.start
        self.text = record.text
        self.hints = dict(record.name_hints or {})
        self.default = (canonical_name(record.default_speaker, self.hints, self.on)
                        if record.default_speaker else None)
        for ref in record.participants:
            if ref.kind == "person" and ref.name:
                for key in surname_keys(canonical_name(ref.name, self.hints, self.on)):
                    self.hints.setdefault(key, ref.name)
        self.participants = list(record.participants)
        self.labels = {t.label for t in turns}
        self.turns = turns
        self.moderator = self._moderator(record, turns)
        self.names = {label: self._resolve(label) for label in self.labels}
        self._unify_surnames()
        self._listed_forms()

    def __call__(self, label: str) -> str | None:
        return self.names.get(label)

    def _resolve(self, label: str) -> str | None:
        words = label.split()
        half = len(words) // 2
        if len(words) % 2 == 0 and words[:half] == words[half:]:
            label = " ".join(words[:half])             # 'SECRETARY FOWLER SECRETARY FOWLER'
        low = _label_key(label)
        if low in _QUESTIONER_LABELS:
            return QUESTIONER
        if low in _MODERATOR_LABELS:
            return self.moderator
        if low in _ROLE_LABELS:
            return None
        initialled = self._by_initials(label)
        if initialled:
            return initialled
        label = _questioner_name(label) if (label.startswith("Q") and " " in label) or ", " in label \
            or label.endswith((")", "]")) else label
        if re.fullmatch(r"t?h?e+\.? president", low):  # misprints: 'TEE PRESIDENT', 'HE PRESIDENT'
            low, label = "the president", "THE PRESIDENT"
        parts = parse_name(label)
        surname_only = re.match(r"^(?:mr|mrs|ms|miss|dr)\.? \S+$", low)      # 'MR. CHANCELLOR' is a man
        if is_office(low) and not surname_only and not (parts.core and resolve_person(label)):
            return office_holder(low, self.on) or (self._president() if "president" == low.replace("the ", "")
                                                   else None)
        if not parts.core and surname_only:
            return canonical_name(label.split()[-1].capitalize(), self.hints, self.on)
        if not parts.core:
            office = parts.office or low
            if office in ("president", "the president"):
                return self._president()
            return office_holder(office, self.on)
        return canonical_name(label, self.hints, self.on)

    def _by_initials(self, label: str) -> str | None:
        """A label of two to four capitals ('GWB:', 'JFK:') is the one listed participant whose given
        name and surname start with its first and last letters (George W. Ball); not a participant's
        own surname ('BALL:')."""
        if not re.fullmatch(r"[A-Z]{2,4}", label):
            return None
        names = {canonical_name(ref.name, self.hints, self.on) for ref in self.participants
                 if ref.kind == "person" and ref.name}
        if any(alias_key(label) in surname_keys(name) for name in names):
            return None
        found = {name for name in names if len(name.split()) > 1
                 and alias_key(name)[:1] == label[0].lower() and alias_key(name.split()[-1])[:1] == label[-1].lower()}
        return found.pop() if len(found) == 1 else None

    def _president(self) -> str | None:
        """The President on the record's date: the registry's, the row's speaker, the debate's
        own president (a participant listed as President, a 'PRESIDENT OBAMA:' label), or else
        the 'President X' the transcript names most often (not a former president) -- a
        president the speakers only mention ('President Mubarak') is never the one who speaks."""
        holder = office_holder("The President", self.on)
        if holder or self.default:
            return holder or self.default
        own = self._speaking_president()
        if own or self.on is None:
            return own
        former = set()
        for years_back in range(1, 13):
            try:
                past = office_holder("The President", self.on.replace(year=self.on.year - years_back))
            except ValueError:                          # 29 February
                past = None
            if past:
                former |= surname_keys(past)
        mentions: dict[str, int] = {}
        for surname in re.findall(r"\bPresident ([A-Z][a-z]+)\b", self.text):
            if alias_key(surname) not in former:
                mentions[surname] = mentions.get(surname, 0) + 1
        if not mentions:
            return None
        best = max(mentions, key=mentions.get)
        return canonical_name(best, self.hints, self.on)

    def _speaking_president(self) -> str | None:
        """The president among the transcript's own speakers: the one participant whose post is
        President, the one 'President X' label, or the 'President X' the text names most often
        among the surnames its labels and participants carry, or else the one named just before
        the President's turns ('... and to President Clinton. The President. Thank you')."""
        listed = {ref.name for ref in self.participants if ref.kind == "person" and ref.name
                  and re.match(r"(?:the )?president\b", (ref.post or "").strip(), re.IGNORECASE)}
        if len(listed) == 1:
            return canonical_name(next(iter(listed)), self.hints, self.on)
        labelled = {alias_key(m.group(1)): m.group(1) for label in self.labels
                    if (m := re.fullmatch(r"(?:the )?president ((?:ma?c)?[a-z'\-]+)", _label_key(label)))}
        if len(labelled) == 1:
            return canonical_name(next(iter(labelled.values())).capitalize(), self.hints, self.on)
        speakers = {alias_key(_label_key(label).split()[-1]) for label in self.labels}
        speakers |= {key for ref in self.participants if ref.name for key in surname_keys(ref.name)}
        mentions: dict[str, int] = {}
        for surname in re.findall(r"(?<!vice )\bPresident ([A-Z][a-z]+)\b", self.text, re.IGNORECASE):
            if alias_key(surname) in speakers:
                mentions[surname.capitalize()] = mentions.get(surname.capitalize(), 0) + 1
        if not mentions:
            mentions = self._named_before_president_turns()
        if not mentions:
            return None
        return canonical_name(max(mentions, key=mentions.get), self.hints, self.on)

    def _named_before_president_turns(self) -> dict[str, int]:
        mentions: dict[str, int] = {}
        for turn in self.turns:
            if re.fullmatch(r"t?h?e+\.? president", _label_key(turn.label)):
                before = self.text[max(0, turn.start - 200):turn.start]
                for surname in re.findall(r"\bPresident ([A-Z][a-z]+)\b", before):
                    mentions[surname] = mentions.get(surname, 0) + 1
        return mentions

    def _moderator(self, record: DocumentRecord, turns: list[Turn]) -> str:
        """The moderator's name: the one participant listed as moderator, or the name the
        moderator gives in their first turn ('I am Edwin Newman, moderator'), else MODERATOR."""
        listed = {ref.name for ref in record.participants if ref.name and (ref.post or "").lower() == "moderator"}
        if len(listed) == 1:
            return canonical_name(next(iter(listed)), self.hints, self.on)
        first = next((t for t in turns if _label_key(t.label) in _MODERATOR_LABELS), None)
        if first is not None:
            said = re.search(r"\bI(?:'m| am) ((?:[A-Z][a-z]+\.? ){1,3}[A-Z][a-z]+)\b",
                             record.text[first.start:min(first.end, first.start + 400)])
            if said and not ({w.lower() for w in said.group(1).split()} & _NOT_TURN_NAME_WORDS):
                return canonical_name(said.group(1), self.hints, self.on)
        return MODERATOR

    def _unify_surnames(self) -> None:
        """'MR. KENNEDY' and 'SENATOR KENNEDY' in one debate are one man: a label that stayed a
        bare surname takes the full name another label printing the same surname resolved to
        ('MRS. JOHNSON' does not become the President whose label is 'THE PRESIDENT')."""
        full_by_key: dict[str, set[str]] = {}
        for label, name in self.names.items():
            if name and len(name.split()) > 1:
                printed = alias_key(label)
                for key in surname_keys(name):
                    if key and re.search(rf"\b{re.escape(key)}\b", printed):   # not 'THE PRESIDENT' -> Johnson
                        full_by_key.setdefault(key, set()).add(name)
        for label, name in self.names.items():
            if name and len(name.split()) == 1 and name not in (QUESTIONER, MODERATOR):
                full = full_by_key.get(alias_key(name), set())
                if len(full) == 1:
                    self.names[label] = next(iter(full))

    def _listed_forms(self) -> None:
        """A speaker who is a listed participant is named as the list names them: 'W. Mitt Romney.'
        (a self-introducing label) is the participant 'Mitt Romney', so that the document's
        participants and its speakers are one person; the forenames must not disagree."""
        listed = [canonical_name(ref.name, self.hints, self.on) for ref in self.participants
                  if ref.kind == "person" and ref.name and len(ref.name.split()) > 1]
        for label, name in self.names.items():
            if not name or name in (QUESTIONER, MODERATOR) or name in listed:
                continue
            same = [full for full in listed if _same_person_forms(name, full)]
            if len(same) == 1:
                self.names[label] = same[0]


def _same_person_forms(name: str, listed: str) -> bool:
    """'W. Mitt Romney' and 'Mitt Romney': the same surname, and the shorter name's forenames
    are among the longer one's ('John B. Anderson', 'John Anderson'; not 'Bob Dole', 'Elizabeth Dole')."""
    a, b = name.split(), listed.split()
    if len(a) < 2 or alias_key(a[-1]) != alias_key(b[-1]):
        return False
    short, long = sorted((a[:-1], b[:-1]), key=len)
    return {alias_key(w) for w in short} <= {alias_key(w) for w in long}


# ============================================================================================
# Plain documents and letters
# ============================================================================================

def _plain_passages(record: DocumentRecord, spans) -> list[PassageRecord]:
    author = _letter_author(record)
    declarer = _Declarations(record) if not author and (record.doc_type or "").lower() in _REPORTS_TO_THE_DEPARTMENT else None
    passages = []
    body = _body_spans(record, spans)
    for i, (s, e) in enumerate(spans):
        para = record.text[s:e]
        kind = _frame_kind(record, s, e) or _paragraph_kind(para, _index_in(body, s), len(body), record.title)
        speaker = author if author and kind == "text" else None
        if declarer and kind == "text":
            speaker = declarer.speaker(para)
        passages.append(PassageRecord(s, e, speaker, kind))
    return passages


_REPORTS_TO_THE_DEPARTMENT = {"despatch", "instruction"}
# The writer of a despatch or an instruction stating something to his reader in the present: 'I
# wish to emphasize that', 'I beg to state that', 'I venture to suggest that', 'I must point out'.
_WRITERS_DECLARATION = re.compile(
    r"\bI\s+(?:wish|desire|must|beg|venture|would like|should like)\s+(?:\w+ly\s+)?(?:to\s+)?"
    r"(?:emphasi[sz]e|stress|point out|state|add|say|remark|observe|repeat|call (?:\w+ )?attention|suggest|mention"
    r"|explain|make (?:it )?clear)\b")


class _Declarations:
    """A despatch or instruction that reports no interview keeps its paragraphs unattributed, but for
    the one where its writer declares something to the reader ('I wish to emphasize that ...') and
    nobody else is reported speaking: that paragraph is the writer's."""

    def __init__(self, record: DocumentRecord):
        self.conversation = Conversation(record)
        self.state: dict = {"he": None}

    def speaker(self, para: str) -> str | None:
        found, refs = self.conversation.paragraph(para, self.state)
        author = self.conversation.author
        if not author or not _WRITERS_DECLARATION.search(para) or refs - {author, AUTHOR}:
            return None
        return author


def _letter_author(record: DocumentRecord) -> str | None:
    if (record.doc_type or "").lower() != "letter":
        return None
    for ref in record.participants:
        if ref.role == "author" and ref.kind == "person" and ref.name:
            return _person_name(ref.name, record)
    return None


def _person_name(name: str, record: DocumentRecord) -> str | None:
    """A participant's canonical name; a bare title ('The Secretary') through office_holder."""
    parts = parse_name(name)
    if parts.core:
        return canonical_name(name, record.name_hints, record.date.start)
    holder = office_holder(parts.title_text or name, record.date.start)
    return canonical_name(holder) if holder else None


# ============================================================================================
# Paragraph kinds
# ============================================================================================

# Page stamps of an archive release, as OCR keeps them: 'Photocopy from Gerald R. Ford Library',
# '2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION RECORDS ACT', 'NW 52879 DocId:32112782
# Page 1', a record number '178-10004-10053', the markdown export's '## Page 2' and code fences.
_ARCHIVE_STAMP = re.compile(
    r"\b(?:Photocopy|[A-Z][a-z]{2,}\s+R\.\s+Ford\s+Library|Ford\s+Library|ASSASSINATION\s+RECORDS\s+ACT"
    r"|DocId\s*:?\s*\d+|Identification\s+F\w+rm)\b|^\W{0,4}\d{3}-\d{5}-\d{5}\W{0,4}$|^#{1,3}\s|^[`'‘’]{3}",
    re.IGNORECASE)
_NUMBERED_HEADING = re.compile(r"^(?:[IVX]+|\d{1,2}|[A-Z])\.\s+[^.!?]{1,70}$")
_SENTENCE_END = re.compile(r"[.!?:;\"')\]]$")


def _body_range(record: DocumentRecord) -> tuple[int, int]:
    """The body of the text: readers that keep header lines (dateline, SUBJECT, PARTICIPANTS)
    and the Source note in the text say where the body is (extra['body_span'])."""
    span = (record.extra or {}).get("body_span")
    if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(x, int) for x in span):
        return span[0], span[1]
    return _header_end(record), len(record.text)


_HEADER_LINE = re.compile(
    r"^(?:SUBJECT|PARTICIPANTS|PRESENT|Subject|Participants|Present)\s*:?$|^[A-Z]{2,}/[A-Z]{2,}/\d+$")


def _header_end(record: DocumentRecord) -> int:
    """Where leading header lines end, for readers that give no body span: a dateline,
    SUBJECT/PARTICIPANTS and the participant lines themselves."""
    printed = frozenset(alias_key(p.as_printed) for p in record.participants if p.as_printed)
    return _header_end_of(record.text, printed)


# Searches of a whole text for one word, once per word and text: a long release asks them of the
# same words many times.
@lru_cache(maxsize=2048)
def _printed_in_lower_case(word: str, text: str) -> bool:
    return bool(re.search(rf"\b{re.escape(word)}\b", text))


@lru_cache(maxsize=2048)
def _printed_after_title(word: str, text: str) -> bool:
    return bool(re.search(rf"(?:\b{_HONORIFIC}\s+|(?<![\w.])[A-Z]\.\s?)(?:[A-Z]\.\s?)*{re.escape(word)}\b(?!['’]s\b)", text))


@lru_cache(maxsize=64)
def _header_end_of(text: str, printed: frozenset[str]) -> int:
    """_header_end, once per text: every passage of a long release asks for it."""
    from .dates import parse_dateline
    end = 0
    for s, e in paragraph_spans(text)[:40]:
        para = text[s:e]
        if _HEADER_LINE.match(para) or alias_key(para) in printed or (s == 0 and _is_dateline(para, parse_dateline)):
            end = e
        elif end and len(para.split()) <= 6 and not _SENTENCE_END.search(para) and s < 2000 and _HEADER_LINE.match(
                text[:s].rstrip().rsplit("\n\n", 1)[-1]):
            end = e                                   # the SUBJECT line's own text
        else:
            break
    return end


def _is_dateline(para: str, parse_dateline) -> bool:
    try:
        return parse_dateline(para) is not None and len(para.split()) <= 12
    except Exception:                                  # a date parser error means: not a dateline
        return False


def _body_spans(record: DocumentRecord, spans) -> list[tuple[int, int]]:
    start, end = _body_range(record)
    return [(s, e) for s, e in spans if s >= start and e <= end]


def _index_in(body: list[tuple[int, int]], start: int) -> int:
    """Position of the paragraph starting at `start` among the body paragraphs."""
    for i, (s, _) in enumerate(body):
        if s >= start:
            return i
    return len(body)


def _frame_kind(record: DocumentRecord, s: int, e: int) -> str | None:
    """'header' before the body, 'note' after it (Source note, footnotes), None inside."""
    start, end = _body_range(record)
    if e <= start:
        return "header"
    if s >= end:
        return "note"
    return None


def _looks_like_heading(para: str) -> bool:
    words = para.split()
    if _NUMBERED_HEADING.match(para) and len(words) <= 9:
        return True
    if para.isupper() and len(words) <= 12 and not (len(words) >= 6 and _SPEECH_IN_CAPITALS.search(para)):
        return True                                    # not 'BRAZIL. HE SAID THAT A GROUP OF ...' in a cable
    if not _SENTENCE_END.search(para) and len(words) <= 8 and all(w[:1].isupper() or len(w) <= 3
                                                                    for w in words):
        return True
    return False


def _repeats_title(para: str, title: str | None) -> bool:
    """The first paragraph of a record often repeats its title (the seed's translated title)."""
    if not title:
        return False
    para_tokens, title_tokens = tokenize(para), set(tokenize(title))
    if len(para_tokens) < 3:
        return False
    shared = sum(1 for t in para_tokens if t in title_tokens)
    return shared / len(para_tokens) >= 0.6 and not _SENTENCE_END.search(para.rstrip("]"))


def _looks_like_signature(para: str) -> bool:
    """A closing name: 'NE Halaby', 'Dean Rusk2', 'Llewellyn E. Thompson5', 'Rusk'."""
    words = para.split()
    if not 0 < len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return False
    return not para.endswith((".", "?", "!", ":")) or bool(re.search(r"\b[A-Z]\.$", para))


def _paragraph_kind(para: str, index: int, count: int, title: str | None) -> str:
    stripped = para.strip()
    if stripped.startswith("[") and stripped.rstrip(".").endswith("]"):
        return "editorial"
    if re.match(r"^\[\d{1,3}\]\s", stripped):
        return "note"                                  # a footnote kept in the text: '[49] Henry P. Davison, ...'
    if _ARCHIVE_STAMP.search(stripped):
        return "note"                                  # an archive's page stamp in an OCR'd release
    if index == 0 and _repeats_title(stripped, title):
        return "heading"
    if index == count - 1 and count > 1 and _looks_like_signature(stripped):
        return "signature"
    if _looks_like_heading(stripped):
        return "heading"
    return "text"


# ============================================================================================
# Conversations: memoranda, summaries, minutes, telegrams
# ============================================================================================

# Verbs of speech and of stated views, as they follow a speaker in a record of conversation.
SPEECH_VERBS = frozenset("""
said says stated states replied replies answered answers responded responds rejoined retorted
remarked remarks observed observes noted notes commented comments added adds continued continues
asked asks inquired inquires enquired wondered wonders queried questioned suggested suggests
proposed proposes agreed agrees disagreed concurred objected argued argues contended contends
insisted insists maintained maintains asserted asserts affirmed declared declares announced
explained explains emphasized emphasizes emphasised stressed stresses underlined underscored
recalled recalls reminded mentioned mentions referred refers raised indicated indicates
advocated advocates affirms repeats addresses thanks reports describes informs underlines underscores
confirms requests announces acknowledges admits urges tells advises recommends outlines reaffirms
acknowledged admitted confessed conceded confirmed denied reiterated reiterates repeated warned warns
cautioned assured assures promised pledged complained complains protested demanded requested
urged invited thanked congratulated hoped hopes felt feels thought thinks believed believes
considered considers holds interjected interrupted intervened countered told informed advised
described characterized predicted speculated estimated recommended outlined reported expressed
expresses voiced regretted regrets welcomed welcomes reacted conveyed disclaimed specified
elaborated clarified doubted doubts feared fears summarized concluded concludes recounted recounts
praised praises criticized criticised criticizes criticises condemned condemns denounced denounces
gathered discussed discusses talked talks
""".split())
# Verbs of belief: an absent person's beliefs are always relayed by someone present.
BELIEF_VERBS = frozenset("""
felt feels thought thinks believed believes considered considers hoped hopes wished wishes feared
fears doubted doubts regretted regrets holds wondered wonders gathered
""".split())
SPEECH_BASE = frozenset("""
say state reply answer respond add continue ask inquire suggest propose agree disagree object
argue contend insist maintain assert declare announce explain emphasize stress recall remind
mention refer raise indicate acknowledge admit confess concede confirm deny reiterate repeat warn assure
promise protest demand request urge thank express voice regret welcome comment note observe
remark point conclude reaffirm recommend describe tell inform advise outline
""".split())
_SPEECH_PHRASES = re.compile(
    r"^(?:pointed out|points out|went on|goes on|set forth|summed up|brought up"
    r"|(?:spoke|speaks)(?! (?:with|to) [^,;.]{0,60}?\b(?:by|over|on) (?:the )?(?:long[ -]distance )?(?:telephone|phone)\b)"
    r"|opened (?:(?:the )?(?:conversation|discussion|meeting|talk)|by)|began by|begins by|closed by"
    r"|made (?:the|a|this|his|her) (?:point|statement|remark|comment|observation|suggestion|proposal|plea)"
    r"|(?:makes|made) (?:a |an |the |his |her |their |most |very |more |many |several )*(?:\w+ )?(?:complaints?|protests?|representations|inquir(?:y|ies)|requests?)\b"
    r"|offered (?:no |a |the |his |my |some )?(?:comments?|remarks?|observations?|explanations?)\b[^.;]{0,80}?\b(?:than|except|but) to (?:say|state|remark)"
    r"|made (?:it )?clear|(?:gave|desired|wished|wanted) (?:me|us|him|her|them) (?:\w+ly )?to understand|gave (?:assurances|an assurance|his assurance|an account"
    r"|(?:his|her|their|an|the) (?:opinion|views?|assessment|reply|answer|account))"
    r"|(?:was|is) of the (?:opinion|view)|took the (?:position|view|line)|held the view"
    r"|(?:was|is) convinced|laid before|expressed"
    r"|show(?:ed|s) (?:\w+ ){0,2}?(?:sympathy|understanding|appreciation)\b"   # 'The Chancellor showed sympathy for the thought'
    r"|started (?:(?:the )?(?:conversation|discussion|meeting|talk)|by)|read (?:aloud|out|from)"
    r"|related (?!to\b)(?:\w+ ){0,5}?(?:anecdote|story|incident|account|conversation|experience)s?|rehearsed"
    r"|read(?= (?:to (?:[\w.'’]+ ){1,4})?(?:[\w.'’]+ ){0,3}?(?:memorand\w*|letters?|telegrams?|notes?|statements?|reports?"
    r"|messages?|communications?|texts?|drafts?|papers?|extracts?|passages?|despatch\w*|dispatch\w*|cables?"
    r"|resolutions?|the following)\b)"
    r"|(?:called|invited|drew|directed) (?:\w+ ){0,2}?attention|brought (?:up|before|to (?:the|their|his) attention)"
    r"|gave (?:\w+ ){0,3}?(?:a |an |the )?(?:brief |short |full |detailed |general )?(?:outline|account|summary"
    r"|explanation|description|review|report|résumé))\b")
_VERB_ALT = "|".join(sorted(SPEECH_VERBS))
_PREPOSITIONS = frozenset("""
by to with from for of about toward towards on at than between against into upon among via
through under over without within behind beside besides despite during regarding concerning
""".split())
_ELIGIBLE_BEFORE = frozenset("""
and but or then so yet when while as after before since because although though if whereupon
however also that where whereas once until unless thereupon thus nevertheless nonetheless
""".split())
_SCAN_STOPS = frozenset("that which who whom whose when where while because since if whether "
                        "although though unless until why how what".split())
_AUX = frozenset("had has have".split())
# 'The Egyptian Minister called to inquire', 'came in this afternoon to ask me': the purpose of a
# visit, not words spoken.
_VISIT_PURPOSE = re.compile(r"\b(?:called|came|come|comes|went|telephoned|visited|sent)\b(?:\s+[\w,']+){0,6}?\s+to\s+$")
# 'Mr. Blake is sometimes obliged to request': what he must do, not what he said.
_OBLIGED_TO = re.compile(r"\b(?:obliged|compelled|forced|required|able|unable|has|have|had)\s+to\s+$")
# 'The Secretary desired me to point out': the words are the one bidden to say them.
_BIDDING = re.compile(r"\b(?:desired|wished|wanted|instructed|directed|authorized|authorised)\s+(?:me|him|her|us|them)\s+to\s+$")
_SUBORDINATE_OPENER = re.compile(
    r"^(?:When|While|Whilst|As|After|Although|Though|Since|Because|Before|Once|Until|Unless|Whereas|If"
    r"|Even though|In response to|In reply to|Replying to|Responding to|Following|Upon|On hearing)\b")
_DOCUMENT_SUBJECT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Tt]heir) (?:report|memorandum|letter|note|aide-m[eé]moire"
    r"|statement|paper|message|telegram|text|communiqu[eé]|document|draft|reply)\s+"
    r"(?:\w+ly\s+)?(?:made|said|says|stated|states|contained|contains|read|reads|noted|notes|listed"
    r"|lists|included|includes|set forth|declared|proposed|proposes)\b")
_FRAMING = re.compile(
    r"(?:^(?:\(?\w{1,3}[.)]\s+)?(?:The|This|That|Our|Their|His|Her|A|An|Both|Throughout)\b[^.]{0,80}?"
    r"\b(?:conversation|meeting|talk|talks|discussion|discussions|luncheon|lunch|dinner|call|interview"
    r"|session|exchange)s?\b[^.]{0,40}?\b(?:was|were|is|then|had|has|ended|began|lasted|turned|switched"
    r"|closed|took|concluded|continued|adjourned|opened)\b"
    r"|\b(?:ended|concluded|adjourned|closed|began|broke up) at \d"
    r"|^The following (?:topics|subjects|points|matters|questions|items)"
    r"|^There (?:was|were) (?:no|little|some|much|general) (?:response|reply|answer|comment|objection|reaction|reference"
    r"|mention|suggestion)s?\b"
    r"|^It was (?:\w+ )?(?:agreed|decided|understood|noted|arranged|concluded)\b)", re.IGNORECASE)
_INSTITUTION_SPEAKS = re.compile(
    r"(?:^|[.;]\s+)(?:(?:[IVX]+|\d{1,2})\.\s+)?(?:[A-Z][^.;,\"]{0,60},\s+)?(?:[Tt]he\s+)?"
    r"(?:Department|Embassy|Government|Ministry|Kremlin|Soviets|Sovs"
    r"|Moscow|Washington|Foreign Office|White House|State Department|Commissioners|Commission|Council"
    r"|Committee|Conference|Delegation|Delegates|Ministers|Ambassadors|Members|Participants|Allies)"
    r"\s+(?:present\s+)?(?:\w+ly\s+)?(?:saw no objection|(?:was|were) of the (?:opinion|view)|"
    + _VERB_ALT + r"|wishes|wished|instructs|instructed|rejected|accepted|approved|decided|directed|desired"
    r"|authorized|authorised)\b")
# A paragraph that introduces the text of a document: what follows is the document, nobody's speech.
_INTRODUCES_DOCUMENT = re.compile(
    r"\b(?:memorand\w*|letter|telegram|note|text|report|message|communication|resolution|draft|declaration"
    r"|despatch|dispatch|cable|paper|extract|reasons|recommendations)\b[^.]{0,200}?"
    r"(?:\bas follows\b[^.]*|\bthe following\b[^.]*|:)\s*[.:]?\s*$", re.IGNORECASE)
# A paragraph whose subject is the meeting as a body: 'The Commissioners were not in a position to reply'.
_COLLECTIVE_OPENS = re.compile(
    r"^(?:(?:[IVX]+|\d{1,2})\.\s+)?(?:[A-Z][^.;,\"]{0,60},\s+)?(?:The|the)\s+(?:Commissioners|Committee|Commission"
    r"|Council|Conference|Delegation|Delegates|meeting|Members|Participants)\b")
# A paragraph that opens a list of the speaker's points ('... the arguments against the deal are:
# 1. The Soviets ...') and the items that go on with it ('2. Some of the wheat ...').
_OPENS_A_LIST = re.compile(r":\s*$|:\s+\(?(?:1|a|i)[.)]\s")
_LIST_ITEM = re.compile(r"^\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s")
# An item of an agenda or of the minutes: '5. Memorandum No. 396 was read', '[7.] The question', 'IV. '
_AGENDA_ITEM = re.compile(r"^(?:[IVX]+\.|\d{1,2}\.|\[\d{1,2}\.?\]|\d{1,2}\s*\[sic\]\.)\s")
# 'I have just been informed by', 'we were told by': the man who follows spoke (the writer's report of him).
_INFORMED_BY = (r"(?:I|[Ww]e)\s+(?:have\s+|had\s+|was\s+|were\s+)?(?:just\s+|today\s+|also\s+)?(?:been\s+)?"
                r"(?:informed|told|advised|assured)\s+by\s+")
_TOLD_BY = re.compile(rf"^\W{{0,4}}(?:\d{{1,3}}\.\s+)?{_INFORMED_BY}(?=\S[^.;]{{0,60}}?\s+that\b)")
_MONARCH_TITLE_WORDS = frozenset({"Emperor", "King", "Shah"})
_MONARCH_SPEAKS = re.compile(r"\s+(?:then\s+|also\s+|\w+ly\s+)?(?:said|stated|told|replied|asked|remarked|observed|added"
                             r"|declared|answered|inquired|expressed|spoke|went on)\b")
_TITLE_MENTION = re.compile(
    r"(?:\b[Tt]he\s+|^\s*)(?:(?:Soviet|American|British|US|U\.S\.|Cuban|French|German|Acting|Federal)\s+)?"
    r"(?P<title>Vice President|President|Under Secretary|Secretary of State|Secretary of Defense|Secretary|Ambassador"
    r"|Prime Minister|First Deputy Foreign Minister|Deputy Foreign Minister|Foreign Minister|Chairman"
    r"|Premier|General|Minister|Chancellor|Attorney General|Charg[eé](?: d'Affaires)?|Governor|Senator"
    r"|Director|Administrator|Admiral|Marshal|Secretary-General|Secretary General|Counsel+or|Emperor|King|Shah"
    r"|High Commissioner)\b")
_HONORIFIC = (r"(?:(?:Mr|Mrs|Ms|Dr|Cde|Cdes|Gen|Sen|Gov|Amb|Adm|Col|Lt|Capt|St|Maj|Lieut|Prof|Comdr|Messrs|MM)\."
              r"|Comrade|Ambassador|General|Colonel|Major|Captain|Lieutenant|Commander|Professor|Judge"
              r"|Chairman|President|Premier|Minister|Foreign Minister|Prime Minister|Secretary|Senator|Governor"
              r"|Marshal|Admiral|Sir|Lord|Deputy|Under Secretary|Vice President|Madame|Mme\.|Monsieur|Herr"
              r"|Baron|Count|Viscount|Marquis|Se[ñn]or|Signor|M\.(?=\s+(?:(?:de|du|de la|van|von)\s+)?[A-Z][a-z]))")
_NAME_WORD = r"[A-Z](?:[\w\-]|'(?!s\b))*"            # 'O'Donnell', not the possessive in 'Ball's'
_NAMED_MENTION = re.compile(
    rf"\b(?P<hon>{_HONORIFIC}(?:\s+{_HONORIFIC})*)\s+(?P<name>(?:[A-Z]\.\s?)*(?:(?:de|du|de la|van|von)\s+)?{_NAME_WORD}"
    rf"(?:\s+(?:[A-Z]\.\s?)*{_NAME_WORD})?)")          # 'Captain John R. McKone', not 'Captain John R'
# 'The French official', 'the Japanese Ambassador': a person named by nationality and a noun.
_NATIONAL_MENTION = re.compile(
    r"\b[Tt]he\s+(?P<nation>[A-Z][a-z]+)\s+(?P<noun>official|diplomat|representative|delegate|envoy|visitor"
    r"|spokesman|statesman|Ambassador|Minister|Foreign Minister|Prime Minister|Charg[eé](?: d'Affaires)?"
    r"|Counselor|Counsellor|Consul|Delegate|Representative)\b")
# A sentence opening with a bare capitalized word and a speech verb: 'Beck agreed, ...'.
_BARE_SUBJECT = re.compile(
    r"^\s*(?:\(?[IVX\d]{1,4}[.)]\s+)?(?P<name>[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+)?)\s+"
    r"(?:(?:then|also|again|once more|finally|further)\s+|\w+ly\s+)*(?:" + _VERB_ALT
    + r"|opened|began|went on|pointed out|made (?:the|a) (?:point|statement))\b")
# A sentence opening with a bare capitalized word and any verb ('Soheily was unwilling to be led'): a
# subject when the record prints that word as a man's name elsewhere (Conversation._printed_as_person).
_BARE_OPENING = re.compile(r"^\s*(?P<name>(?:Ma?c)?[A-Z][a-z'\-]+)\s+(?=(?:then|also|again|\w+ly)?\s*[a-z]{2,}\b)")
# 'Ihad also discussed': the OCR ran 'I' into its verb.
_RUN_ON_I = re.compile(r"I(?:have|had|was|am|did|do|would|will|could|should|told|said|asked|also|then)$")
_HINTED_WORD = re.compile(r"(?<![\w.'’\-])[A-Z][a-zà-ÿ'\-]{2,}\b(?!['’\-]\w)")
_NOT_NAMES = frozenset("""
It This That These Those They There Here We He She I You Both All Everyone Everybody Nobody None
Others Some Most Many Each Neither Either One Another Such What Who Which When Where Why How However
Therefore Thus Then Also Later Finally Meanwhile Subsequently Accordingly Moreover Furthermore Department
Embassy Government Soviets Sovs Americans Russians British French Germans Chinese Cubans Moscow
Washington Paris London Peiping Peking Havana Bonn Congress Senate Press Pravda Izvestia Tass Radio
Secretary President Ambassador Minister Chairman General Premier Mr Mrs Dr Office Department Ministry
Treasury Government Embassy Legation Consulate Cabinet Council Commission Committee Conference League
Parliament House Bank Company Party Army Navy Admiralty Staff Union States Nations Republic Kingdom
Foreign War State Duma Soviet Delegation Mission Agency Service
""".split())
# Someone the record does not name: 'A member of the British delegation ... stated', 'an official of
# the Foreign Office said', 'One of the delegates remarked'.
_UNNAMED_PERSON = re.compile(
    r"\b(?:(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?:high|senior|responsible|prominent|well-informed|[A-Z][a-z]+)\s+){0,2}"
    r"(?:member|official|delegate|representative|diplomat|spokesman|officer|informant|colleague|observer|source)\b"
    r"|(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]everal|[Ss]ome)\s+(?:(?:high|senior|[A-Z][a-z]+)\s+){0,2}"
    r"(?:members|officials|delegates|representatives|diplomats|officers|soldiers|policemen|men)\b)"
    r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w\-]*\s+){0,4}[A-Z][\w\-]*)?")
# Capitalized words running on into an organisation's name: a name before them is part of it.
_ORGANISATION_GOES_ON = re.compile(
    r"^(?:\s+(?:[A-Z][\w.&'\-]*|of|and|&))*?\s+(?:Bank|Company|Co\.|Corporation|Corp\.|Inc\.|Trust|Association"
    r"|Institute|University|College|Foundation|Airlines|Railroad|Railway|Industries|Motors|Mills)\b")
# 'the latter stated', not 'the former Ambassador' nor 'the latter part'.
_LATTER_FORMER = re.compile(r"\b[Tt]he\s+(?P<which>latter|former)\b(?!\s+[A-Z])"
                            r"(?!\s+(?:one|ones|case|part|half|view|position|proposal|point|course|alternative)\b)")
_PRONOUN = re.compile(r"\b(?P<p>He|he|She|she|I|We|we)\b")
# A surname shortened to its initial ('N. said', 'President N confirmed'); not 'I', not the article 'A'.
_INITIAL_NAME = re.compile(r"(?<![\w.'’])(?P<initial>[B-HJ-Z])\.?(?=\s+[a-z]{2,})")
_QUOTED = re.compile(r"\"[^\"]{0,2000}?\"")
_SENTENCE_SPLIT = re.compile(r"[.!?]+\d{0,2}[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|;\s+")
# Words after which a period does not end a sentence (besides a single capital: an initial).
_ABBREVIATIONS = frozenset("""
Mr Mrs Ms Dr St Cde Cdes Gen Sen Gov No vs Lt Col Adm Capt Amb Mme Rep Maj Lieut Prof Comdr Messrs MM Pres
""".split())
_LAST_WORD = re.compile(r"\b(\w+)$")
_WORD = re.compile(r"[A-Za-z][\w'\-]*|[,;:()]")

# Speaker references inside one sentence, before resolution.
UNKNOWN, AUTHOR, WE, DOCUMENT, ABSENT = "?unknown", "?author", "?we", "?document", "?absent"


@dataclass
class Member:
    """A person present at the conversation (from the participants list, the author)."""
    name: str
    surnames: set[str]
    forenames: set[str]
    titles: set[str] = field(default_factory=set)
    side: str | None = None
    sir: set[str] = field(default_factory=set)     # 'david' for a member printed 'Sir David ...'
    bare_titles: set[str] = field(default_factory=set)   # printed as a bare title: 'The Secretary'


@dataclass
class Mention:
    start: int
    end: int
    ref: str              # a canonical name, or one of UNKNOWN/AUTHOR/WE/ABSENT, or 'he'
    eligible: bool = True  # in subject position (not after a preposition or verb)
    named: bool = False    # a name or title (not a pronoun)


@dataclass
class Attribution:
    ref: str
    kind: str             # main | inverted | opinion | relayed
    start: int


class Conversation:
    """Attribution for one record of conversation."""

    def __init__(self, record: DocumentRecord):
        self.record = record
        self.on: date | None = record.date.start
        self.hints = record.name_hints or {}
        self.spellings = _spelling_variants(record.text or "")
        self.members = self._members()
        # People a reader found only in the text ('The Egyptian Minister called on Mr. Sayre') do
        # not make a cast: others the text names may have been there too.
        from_text = set((record.extra or {}).get("participants_from_text") or ())
        self.has_cast = any(r.kind == "person" and r.role in ("participant", "present")
                            and r.name not in from_text for r in record.participants)
        self.call_record = bool(from_text)             # the writer and the caller(s) the text names
        # A PARTICIPANTS block lists everyone present: a person it does not name who 'said'
        # something is being quoted second-hand. A cast taken from a title may be incomplete.
        self.cast_complete = bool((record.extra or {}).get("has_participants_block"))
        self.author = self._author()
        self.home_side = self._side(self.author) or (
            "US" if (record.source or "").lower().startswith("frus") else None) or (
            (record.extra or {}).get("home_side"))      # a reader's word: a US government record
        self._add_text_titles()
        self._surname_re = self._build_surname_re()
        self.seen: set[str] = set()                    # who has spoken so far in this document
        self.interlocutor = self._interlocutor()       # 'in a personal interview ... with Lord Kimberley'
        self.office_holders = self._office_holders()   # 'the Minister for Foreign Affairs (Dr. Tevfik Rüştu Aras)'
        self.last_subject: Mention | None = None
        self.last_mentions: list[Mention] = []

    # --- the cast ------------------------------------------------------------------------

    def _members(self) -> list[Member]:
        members: dict[str, Member] = {}
        talkers, talker_titles = [], set()
        if (self.record.doc_type or "").lower() in _REPORT_TYPES and not any(
                r.role in ("participant", "present") for r in self.record.participants):
            talkers, talker_titles = _reported_talkers(self.record)
        footnoted = [PersonRef(name=name, role="mentioned", as_printed=name, post=post)
                     for name, post in (self.record.extra or {}).get("footnoted_posts") or ()]
        for ref in [*self.record.participants, *_visitors(self.record.text), *talkers, *footnoted]:
            if ref.kind != "person":
                continue
            unnamed = _unnamed_visitor(ref)            # 'the Chargé d'Affaires of Iran': a post, no name
            name = unnamed or (_person_name(ref.name, self.record) if ref.name else None) or (
                _person_name(ref.as_printed, self.record) if ref.as_printed else None)
            if not name:
                continue
            member = members.get(name) or Member(name, set() if unnamed else set(surname_keys(name)),
                                                 set() if unnamed else set(forename_keys(name)),
                                                 side=ref.side or _side_of_post(ref.post))
            for printed in (ref.as_printed, ref.name):
                if printed and not any(ref is t for t in talkers):   # 'with President Eisenhower': a past office
                    parts = parse_name(printed)
                    if not parts.core:
                        member.bare_titles |= _title_keys(parts.office)
                    member.titles |= _title_keys(parts.office)
                    if "sir" in parts.titles and parts.core:
                        member.sir.add(alias_key(parts.core[0]))
            if not any(ref is t for t in talkers):        # the text's word for him decides: 'the Marshal'
                member.titles |= _title_keys(ref.post)
                member.titles |= titles_held(name, self.on)
            members[name] = member
        named = {m.name for r in talkers for m in members.values()
                 if r.as_printed and alias_key(parse_name(r.as_printed).core[-1]) in m.surnames}
        if talker_titles and len(named) == 1:
            # 'The Marshal sent for me' ... 'In the course of our conversation Graziani': the one
            # person the writer talked with, called once by his title and once by his name.
            members[named.pop()].titles |= {k for t in talker_titles for k in _title_keys(t)}
        return list(members.values())

    def _author(self) -> str | None:
        extra = self.record.extra or {}
        for key in ("drafted_by", "author", "signed_by"):
            value = extra.get(key)
            if isinstance(value, str) and value.strip():
                return self._member_by_name(value) or canonical_name(value, self.hints, self.on)
        for ref in self.record.participants:
            if ref.role == "author" and ref.kind == "person" and ref.name:
                return _person_name(ref.name, self.record)
        return self._inferred_author()

    def _inferred_author(self) -> str | None:
        """A first-person FRUS memorandum is written by the one American at the conversation."""
        if not (self.record.source or "").lower().startswith("frus"):
            return None
        if not re.search(r"(?:^|\n\n|\. )I (?!\.)", self.record.text):
            return None
        americans = [m for m in self.members if m.side == "US" or (
            m.side is None and not re.search(r"\b(?:Soviet|USSR|British|Cuban|French|German)\b",
                                             " ".join(m.titles)))]
        return americans[0].name if len(americans) == 1 and len(self.members) > 1 else None

    def _member_by_name(self, printed: str) -> str | None:
        core = parse_name(printed).core
        if not core:
            return None
        key = alias_key(core[-1])
        found = [m.name for m in self.members if key in m.surnames]
        return found[0] if len(found) == 1 else None

    def _add_text_titles(self) -> None:
        """'General Schetchikov' in the text makes 'the General' mean Schetchikov."""
        for member in self.members:
            forenames = "|".join(re.escape(f) for f in sorted(member.forenames, key=len, reverse=True))
            between = rf"(?:[A-Z]\. ?|(?i:{forenames}) ){{0,3}}" if forenames else r"(?:[A-Z]\. ?){0,3}"
            for surname in member.surnames:
                pattern = rf"\b({_HONORIFIC}) {between}(?i:{_surname_pattern(surname)})\b"
                for match in re.finditer(pattern, self.record.text):
                    member.titles |= _title_keys(match.group(1))

    def _build_surname_re(self):
        words = {s for m in self.members for s in m.surnames if s}
        words = sorted((w for w in words if w), key=len, reverse=True)
        if not words:
            return None
        return re.compile(rf"\b(?:{'|'.join(_surname_pattern(w) for w in words)})\b(?!['\-]\w)", re.IGNORECASE)

    def _interlocutor(self) -> str | None:
        """The one person the opening of the record says the writer met ('in a personal interview
        at the foreign office with Lord Kimberley', 'I called on Lord Kimberley'), whom the text
        then calls by style or office: 'his lordship', 'his excellency', 'the Minister for
        Foreign Affairs'."""
        paragraphs = [self.record.text[s:e] for s, e in _body_spans(self.record, paragraph_spans(self.record.text))]
        opening = " ".join([p for p in paragraphs[:4] if not _ACKNOWLEDGMENT.match(p)][:2])
        met = [*_MET_WITH.finditer(opening), *_GRANTED_INTERVIEW.finditer(opening)]
        found = {self._by_name(re.sub(rf"^(?:the\s+)?{_PEERAGE}\s+of\s+", "Lord ", m.group("who"))) for m in met}
        found |= {self._host_monarch(m.group("title")) for m in _AUDIENCE_OF_MONARCH.finditer(opening)}
        found |= {self._by_name(name) for name, post in (self.record.extra or {}).get("footnoted_posts") or ()
                  if re.search(rf"\b[Tt]he\s+{re.escape(post)}\b[^.;]{{0,100}}?\b(?:informs|informed|tells|told)\s+me\b",
                               opening)}          # 'The head of the British delegation[93] ... informs me as follows'
        found = {n for n in found if n and not n.startswith("?") and n != self.author}
        return found.pop() if len(found) == 1 else None

    def _office_holders(self) -> dict[str, str]:
        """Title key -> the one man the record itself names as holding that office, in the forms
        FRUS prints: 'the Minister for Foreign Affairs (Dr. Tevfik Rüştu Aras)', 'Dr. Tevfik Rüstü
        Aras, Minister for Foreign Affairs', 'Mr. Gharib, Chief of the Press Bureau'. Only a record
        with no cast uses it (a cast says who holds an office)."""
        if self.has_cast:
            return {}
        body = self.record.text[:(self.record.extra or {}).get("footnotes_offset") or len(self.record.text)]
        found: dict[str, set[str]] = {}
        for pattern in _OFFICE_THEN_NAME, _NAME_THEN_OFFICE:
            for match in pattern.finditer(body):
                name = self._by_name(match.group("name"))
                if not name or name.startswith("?") or name == self.author:
                    continue
                for key in _title_keys(match.group("office")):
                    found.setdefault(key, set()).add(name)
        return {key: names.pop() for key, names in found.items() if len(names) == 1}

    def _styled(self, style: str, before: str) -> str | None:
        """Whom 'his lordship' (or 'his excellency', 'the Minister for Foreign Affairs') means: a
        lord the same sentence has just named ('What Lord John Russell wrote ... when his lordship
        so expressed it'), else the person the writer met."""
        if style.lower() == "lordship":
            lords = list(re.finditer(rf"\bLord\s+(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}", before))
            if lords:
                lord = self._by_name(lords[-1].group())
                return lord if lord == self.interlocutor or lord.startswith("?") else f"{ABSENT}:{lord}"
        if self.has_cast and style.lower() not in ("lordship", "excellency"):
            return None                                # an office: a listed cast says who holds it
        if self.interlocutor is None and style.lower() == "excellency" and not self.has_cast:
            return self._styled_by_name()
        if self.interlocutor is None and style.lower() not in ("lordship", "excellency"):
            holders = {self.office_holders[k] for k in _title_keys(style) if k in self.office_holders}
            return holders.pop() if len(holders) == 1 else None
        return self.interlocutor

    def _host_foreign_minister(self, title: str) -> str | None:
        """'The Minister for Foreign Affairs told me' in a report from a capital that does not name
        him: the foreign minister of that country on the date (corpus.people.foreign_minister_at)."""
        if self.has_cast or (self.record.doc_type or "").lower() not in ("telegram", "despatch", "memcon") \
                or not is_foreign_minister_title(title):
            return None
        holder = foreign_minister_at(self.record.place, self.on)
        return canonical_name(holder, self.hints, self.on) if holder else None

    def _printed_holder(self, title: str) -> str | None:
        """'The Under Secretary called my attention' where the record printed 'Dr. Ahmad Matine Daftary,
        Under Secretary of the Iranian Ministry of Justice' (Conversation._office_holders)."""
        holders = {self.office_holders[k] for k in _title_keys(title) if k in self.office_holders}
        return holders.pop() if len(holders) == 1 else None

    def _host_monarch(self, title: str) -> str | None:
        """'The Emperor said' in a report from a capital: that country's monarch on the date
        (corpus.people.monarch_at), unless the record's cast says otherwise."""
        if self.has_cast or (self.record.doc_type or "").lower() not in ("telegram", "despatch", "memcon"):
            return None
        holder = monarch_at(self.record.place, self.on, title)
        return canonical_name(holder, self.hints, self.on) if holder else None

    def _styled_by_name(self) -> str | None:
        """'at the request of His Excellency A. Soheily, Under Secretary ..., I called upon him' ...
        'His Excellency said': in a report with no cast, the style means the one man the record
        itself names with it."""
        body = self.record.text[:(self.record.extra or {}).get("footnotes_offset") or len(self.record.text)]
        named = {self._by_name(m.group("name")) for m in _STYLE_AND_NAME.finditer(body)}
        named = {n for n in named if n and not n.startswith("?") and n != self.author}
        return named.pop() if len(named) == 1 else None

    # --- resolving what the text calls people ---------------------------------------------

    def _by_surname(self, printed: str) -> str | None:
        key = alias_key(printed)
        found = [m.name for m in self.members if key in m.surnames]
        return found[0] if len(found) == 1 else (UNKNOWN if found else None)

    def _by_title(self, title: str) -> str:
        keys = _title_keys(title)
        bare = [m.name for m in self.members if keys & m.bare_titles]
        if len(bare) == 1:
            return bare[0]                             # printed 'The President' in PARTICIPANTS
        found = [m.name for m in self.members if keys & m.titles]
        if len(found) > 1 and self.home_side:
            found = [n for n in found if self._side(n) == self.home_side] or found
        if len(found) == 1:
            return found[0]
        if found:
            return UNKNOWN
        if self.has_cast:
            return f"{UNKNOWN}:{title.lower()}"       # a title nobody present is known to hold
        head = title.lower()
        if self.home_side == "US" and (self.record.doc_type or "") != "telegram" and head in (
                "president", "secretary", "secretary of state", "vice president", "attorney general",
                "director of central intelligence", "secretary of defense"):
            holder = office_holder(f"the {head}", self.on)     # a US record of a conversation
            if holder:
                return holder
        if head == "director" and self.home_side == "US" and _INTELLIGENCE_RECORD.search(self.record.text[:20000]):
            return office_holder("DCI", self.on) or UNKNOWN      # 'the Director' in a CIA record: the DCI
        holders = {self.office_holders[k] for k in keys if k in self.office_holders}
        if len(holders) == 1:
            return holders.pop()                       # the record says who holds it: 'the Minister' is Aras
        return UNKNOWN

    def _by_nationality(self, nation: str, noun: str) -> str | None:
        """'The French official', 'the Japanese diplomat': the one member of that side. A title
        ('the French Ambassador') is the one member of that side holding it; a side nobody present
        is on ('the Rumanian Foreign Minister') is someone else; otherwise the title alone decides."""
        side = side_word(nation)
        if not side:
            return None
        same_side = [m for m in self.members if m.side == side]
        if not noun[:1].isupper():
            if not same_side and side != self.home_side:
                # 'The French official' in an American's record of his call on M. Chauvel: the one
                # person there whose side the record does not give
                same_side = [m for m in self.members if m.side is None and m.name != self.author]
            return same_side[0].name if len(same_side) == 1 else UNKNOWN
        titled = [m.name for m in same_side if _title_keys(noun) & m.titles]
        if len(titled) == 1:
            return titled[0]
        if not same_side and any(m.side for m in self.members):
            return f"{ABSENT}:{nation} {noun}"        # 'the Rumanian Foreign Minister': nobody present
        return None                                    # left to the title alone

    def _by_initial(self, sentence: str, match: re.Match) -> str | None:
        """A record that shortens a surname to its initial ('N. said that ...', 'Pres. N is ready'):
        the one member whose surname begins with it, where the initial opens the sentence or a clause
        ('In response to questions from BK, N explains') or follows a title, as a surname would."""
        before = sentence[:match.start()]
        if before.strip() and not re.search(r"(?:\b(?:Pres\.|President|Premier|Chairman|Chancellor|Minister)|,)\s+$", before) \
                and not _OPENING_PHRASE.match(before):    # 'In a discussion about lines of communication K expressed'
            return None
        letter = match.group("initial").lower()
        found = [m.name for m in self.members if any(s[:1] == letter for s in m.surnames)]
        return found[0] if len(found) == 1 else None

    def _is_name_word(self, word: str) -> bool:
        """'Beck' in 'Beck agreed' is a name: not a common word, never written in lower case in
        this document."""
        words = word.split()
        return not any(w in _NOT_NAMES or _RUN_ON_I.match(w) for w in words) \
            and not _printed_in_lower_case(words[0].lower(), self.record.text)

    def _hinted_surnames(self, sentence: str):
        """Surnames printed alone that the volume's footnotes name ('Spencer, the political adviser
        to the Emperor, called on me' with '[6] John H. Spencer, an American citizen')."""
        keyed = keyed_hints(self.hints)
        for match in _HINTED_WORD.finditer(sentence):
            if alias_key(match.group()) in keyed and self._is_name_word(match.group()):
                yield match

    def _printed_as_person(self, word: str) -> bool:
        """'Soheily observed', 'Soheily was unwilling': a bare surname the record itself prints as a
        man's, after a title or an initial ('Mr. Soheily', 'His Excellency A. Soheily')."""
        return len(word.split()) == 1 and _printed_after_title(word, self.record.text)

    def _by_name(self, printed: str) -> str:
        """A named person who is not matched to a member by surname: absent, or a speaker when
        the record has no participants list."""
        name = canonical_name(printed, self.hints, self.on)
        name = " ".join(self.spellings.get(word, word) for word in name.split(" "))   # 'Kimberly' -> 'Kimberley'
        member = [m.name for m in self.members if alias_key(name) == alias_key(m.name)]
        if member:
            return member[0]
        core = parse_name(printed).core
        if core and len(core) == 1:                    # "Mr. Spencer's": the member 'John H. Spencer'
            by_surname = [m.name for m in self.members if alias_key(core[0]) in m.surnames]
            if len(by_surname) == 1:
                return by_surname[0]
            earlier = {n for n in self.seen if not n.startswith("?") and alias_key(n).split()[-1:] == [alias_key(core[0])]}
            if len(earlier) == 1:
                return earlier.pop()                   # 'the Secretary' (Cordell Hull) ... 'Mr. Hull'
        return f"{ABSENT}:{name}" if self.has_cast else name

    # --- mentions in a sentence -----------------------------------------------------------

    def mentions(self, sentence: str) -> list[Mention]:
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []

        def add(start, end, ref, named=True):
            if any(s <= start < e or s < end <= e for s, e in taken):
                return
            taken.append((start, end))
            found.append(Mention(start, end, ref, _eligible(sentence, start), named))

        for match in _STYLED_MENTION.finditer(sentence):
            ref = self._styled(match.group("style") or match.group("office"), sentence[:match.start()])
            if ref is None and match.group("office") and _eligible(sentence, match.start()):
                ref = self._host_foreign_minister(match.group("office"))   # the subject, not 'by the Minister'
            if ref:
                add(match.start(), match.end(), ref)
        for match in _NATIONAL_MENTION.finditer(sentence):
            corrected = re.match(r"\s*\[(?P<noun>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\]", sentence[match.end():])
            noun = corrected.group("noun") if corrected else match.group("noun")   # 'Minister [Ambassador]'
            ref = self._by_nationality(match.group("nation"), noun)
            if ref:
                add(match.start(), match.end() + (corrected.end() if corrected else 0), ref)
        for start, end, title in _abbreviated_titles(sentence):
            add(start, end, self._by_title(title))          # 'BK affirmed', 'PM agrees'
        for match in _UNNAMED_PERSON.finditer(sentence):
            add(match.start(), match.end(), f"{UNKNOWN}:{match.group().lower()}")   # 'A member of the British delegation'
        for match in _TITLE_MENTION.finditer(sentence):
            if re.match(r"\s+[A-Z][a-z]", sentence[match.end():]):
                continue                                     # "President Kennedy": a name follows
            ref = self._by_title(match.group("title"))
            if ref == UNKNOWN and _eligible(sentence, match.start()):
                ref = self._host_foreign_minister(match.group("title")) or self._printed_holder(match.group("title")) or ref
            if match.group("title") in _MONARCH_TITLE_WORDS:
                if ref.startswith(UNKNOWN) and _eligible(sentence, match.start()) and _MONARCH_SPEAKS.match(
                        sentence[match.end():]):
                    ref = self._host_monarch(match.group("title")) or ref        # 'The Emperor said'
                if ref.startswith("?"):
                    continue                                 # 'the ruler there is the Shah, who says': spoken of
            add(match.start(), match.end(), ref)
        for match in re.finditer(r"\bSir\s+(?P<given>[A-Z][a-z]+)\b", sentence):
            given = alias_key(match.group("given"))
            hits = ([m.name for m in self.members if given in m.sir]
                    or [m.name for m in self.members if given in m.forenames])
            if len(hits) == 1:
                add(match.start(), match.end(), hits[0])
        if self._surname_re:
            for match in self._surname_re.finditer(sentence):
                if not match.group()[:1].isupper():
                    continue
                start = _extend_back(sentence, match.start())
                ref = self._by_surname(match.group()) or (
                    None if self.has_cast else self._by_name(match.group()))
                if ref:
                    add(start, match.end(), ref)
        for match in _NAMED_MENTION.finditer(sentence):
            if _ORGANISATION_GOES_ON.match(sentence[match.end():]):
                continue                                     # 'President First Nat City Bank Moore': a bank
            add(match.start(), match.end(), self._by_name(match.group()))
        for match in _INITIAL_NAME.finditer(sentence):
            ref = self._by_initial(sentence, match)
            if ref:
                add(match.start(), match.end(), ref)        # 'N. said that', 'President N confirmed'
        for match in _registry_mentions(sentence):
            add(match[0], match[1], self._by_name(match[2]))
        for match in self._hinted_surnames(sentence):
            add(match.start(), match.end(), self._by_name(match.group()))
        bare = _BARE_SUBJECT.match(sentence) or _BARE_OPENING.match(sentence)
        if bare and self._is_name_word(bare.group("name")) and (
                bare.re is _BARE_SUBJECT or self._printed_as_person(bare.group("name"))):
            name = bare.group("name")
            known = self.has_cast or names_registry_person(name) or alias_key(name) in keyed_hints(self.hints) \
                or self._printed_as_person(name)
            add(bare.start("name"), bare.end("name"),
                self._by_surname(name) or (self._by_name(name) if known else f"{UNKNOWN}:{name}"))
        for match in _LATTER_FORMER.finditer(sentence):
            named = sorted((m for m in found if m.named and m.end <= match.start() and not m.ref.startswith("?")),
                           key=lambda m: m.start)
            if len(named) >= 2:                              # 'between Madariaga and Aloisi, the latter stated'
                add(match.start(), match.end(), named[-1 if match.group("which") == "latter" else -2].ref)
        for match in _PRONOUN.finditer(sentence):
            word = match.group("p")
            ref = "he" if word.lower() in ("he", "she") else AUTHOR if word == "I" else WE
            add(match.start(), match.end(), ref, named=False)
        found.sort(key=lambda m: m.start)
        return found

    # --- attributions in a sentence -------------------------------------------------------

    def sentence_attributions(self, sentence: str) -> tuple[list[Attribution], bool]:
        """The attributions that govern a sentence: the first main clause and any clause
        coordinated with it ('He asked whether ... and I said ...'); an inverted attribution
        ('..., said Cde. Blas Roca, ...') alone. Also whether the sentence binds 'I' to its
        inverted speaker ('I personally, said Cde. Blas Roca, have ...')."""
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), sentence)
        mentions = self.mentions(masked)
        opener_end = _opener_end(masked)
        self.last_subject = None
        found: list[Attribution] = []
        document = _DOCUMENT_SUBJECT.search(masked)
        if document:
            found.append(Attribution(DOCUMENT, "main", document.start()))
        for i, mention in enumerate(mentions):
            if mention.start < opener_end:
                continue
            kind = self._attribution_kind(masked, mention, mentions[i + 1:])
            if kind:
                found.append(Attribution(mention.ref, kind, mention.start))
        self.last_subject = _subject(masked, mentions, opener_end)
        self.last_mentions = mentions
        found = _pronoun_of_the_opener(found, mentions, opener_end, self.last_subject)
        found = [a for a in found if not (a.ref == AUTHOR and _ANSWER_BY_INSTRUCTION.match(masked[a.start:]))]
        told_by = _TOLD_BY.search(masked)
        agent = next((m for m in mentions if told_by and m.start == told_by.end() and m.named), None)
        if agent and opener_end <= told_by.start():
            found = [a for a in found if a.start >= told_by.start() and a.ref != AUTHOR]
            found.insert(0, Attribution(agent.ref, "main", agent.start))   # 'I have been informed by Soheily that'
        if _WRITERS_CERTAINTY.match(masked) and not any(a.start == 0 for a in found):
            found.insert(0, Attribution(AUTHOR, "belief", 0))   # 'There is no doubt in my mind that ...'
        found = _pronoun_of_the_occasion(masked, found, mentions)
        if not found:
            return [], False
        inverted = [a for a in found if a.kind == "inverted"]
        if inverted:
            return inverted[:1], bool(re.search(r"\bI\b", masked[:inverted[0].start]))
        found.sort(key=lambda a: a.start)
        first, rest = found[0], found[1:]
        coordinated = [a for a in rest if a.kind == "relative" or a.kind not in ("relayed", "belief") and re.search(
            r"(?:\band|\bbut|\bwhereupon|,)\s+(?:then\s+)?$", masked[:a.start])]
        return [first, *coordinated], False

    def _attribution_kind(self, sentence: str, mention: Mention, later: list[Mention]) -> str | None:
        before = sentence[:mention.start]
        after = sentence[mention.end:]
        if re.fullmatch(r"\W{0,3}(?:When|As|After|Once)\s+", before) and re.match(
                r"\s+(?:then\s+|again\s+|also\s+)?(?:asked|inquired|enquired|questioned)\b", after):
            return None                                 # 'When I asked to what causes ...': the answer's occasion
        if re.search(r"\b(?:opinion|view|views|judgment|judgement) of\s+$|\b[Aa]ccording to\s+$", before):
            return "opinion"
        if re.fullmatch(r"\W{0,3}It (?:appears|appeared|seems|seemed) that\s+", before):
            return "relayed"                            # 'It appears that Horvat requested payment': the account's content
        if re.match(r"^['’]s\s+(?:opinion|view|views|judgment)\b", after) and re.search(r"\b[Ii]n\s+$", before):
            return "opinion"
        if re.search(rf"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:{_VERB_ALT})\s+(?:\w+\s+){{0,3}}?by\s+$", before):
            return "main"                               # "This was answered by Mr. Ball"
        if re.search(rf",\s+(?:{_VERB_ALT}|went on)\s+$", before) and re.match(r"^\s*[,.;]|^\s*$", after):
            return "inverted"
        if mention.named and (not mention.eligible or not after.startswith(",")) and re.match(
                rf"^(?:\s+(?:to-?\s?day|today|yesterday|this (?:morning|afternoon|evening)))?,?\s+who"
                rf"(?:,[^,;:\"()]{{3,160}},)?\s+(?:then\s+|also\s+|\w+ly\s+)?(?:{_VERB_ALT})\b", after):
            return "relative"                           # 'I informed Mr. Ghods, who said': Ghods speaks too;
                                                        # 'I encountered Eden who, obviously moved, said to me'
        if not mention.eligible or re.match(r"^['’]s\b", after) or re.search(r"s['’]$", sentence[:mention.end]):
            return None
        if _CONJECTURE.search(before):
            return None                                 # 'I trust that he will not indicate': the writer's guess
        if re.search(r"\b(?:[Ww]hat|all|[Ee]verything|[Aa]nything|[Nn]othing)(?:\s+that)?\s+$", before):
            return None                                 # 'the purport of all that he said': what was said, not the words
        if mention.ref == AUTHOR and re.fullmatch(r"\s*(?:[A-Z][a-z]+ )+and\s+", before):
            kind = self._scan_for_verb(sentence, mention, later)
            return "compound" if kind == "main" else kind   # 'Haldane and I advised Grey
        if mention.named and re.match(r"^,\s+(?:\w+\s+){0,3}(?:" + "|".join(("continued", "said", "added",
                                      "went on", "stated", "noted", "observed", "explained", "insisted",
                                      "emphasized", "stressed", "replied", "remarked", "asserted",
                                      "declared", "recalled")) + r")\s*[,.;]", after):
            return None                                 # "Mr. X, the President continued," - X is an object
        return self._scan_for_verb(sentence, mention, later)

    def _scan_for_verb(self, sentence: str, mention: Mention, later: list[Mention]) -> str | None:
        compound = re.match(r"^\s+and\s+(?:the\s+)?(?:[A-Z][\w.'\-]*\s+){0,3}?[A-Z][\w'\-]+", sentence[mention.end:])
        start = mention.end + (compound.end() if compound else 0)
        appositive = re.match(r"^,\s+(?:who|whom|whose)\b[^,;:()]{0,120},", sentence[start:]) or _participle(sentence[start:])
        start += appositive.end() if appositive else 0  # 'General Harbord, who was accompanied by ..., informed'
        perfect = False
        for count, word in enumerate(_WORD.finditer(sentence, start)):
            if count > 14:
                return _distant_coordinated_verb(sentence, word.start(), later)
            pos = word.start()
            if any(m.start == pos and m.eligible for m in later):
                return None                              # another subject begins
            if any(m.start <= pos < m.end for m in later):
                continue                                 # inside an object mention
            token = word.group()
            low = token.lower()
            if low in (";", ":") or low in _SCAN_STOPS:
                return self._coordinated_predicate(sentence[pos:], later, pos)
            if low in _AUX:
                perfect = True
                continue
            rest = sentence[pos:]
            if re.search(r"\b(?:the|a|an|this|that|these|those|his|her|its|their|our|any|such)\s+$|\w['’]s\s+$",
                         sentence[start:pos]):   # "the Chargé's remarks": a noun
                continue                                 # 'the proposed loan': an adjective, not a verb
            if token[:1].isupper():
                continue                                 # 'the United States': a name, not a verb
            is_speech = low in SPEECH_VERBS or _SPEECH_PHRASES.match(rest.lower()) or (
                low in SPEECH_BASE and re.search(r"\b(?:to|did|would|could|might|will|does|do)\s+(?:not\s+)?$",
                                                 sentence[start:pos]) and not _VISIT_PURPOSE.search(sentence[start:pos])
                and not _OBLIGED_TO.search(sentence[start:pos]))
            if is_speech and re.match(r"(?:asked|requested)\s+to\s+(?:see|visit|meet|go|be|have|call|come|travel|tour|inspect)\b", rest):
                continue                                 # 'Moore asked to see "best plant behind Urals"': a wish to go
            if is_speech and _BIDDING.search(sentence[start:pos]):
                return None                              # 'The Secretary desired me to point out': my words
            if not is_speech:
                if _is_speech_gerund(low) and re.search(r"(?:\bby|,)\s*$", sentence[start:pos]):
                    return "main"                        # 'responded by saying', ', saying that'
                continue
            if re.search(r"\b(?:am|was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", sentence[start:pos]):
                return None                              # passive: "I was asked to dinner"
            if re.match(r"^\w+\s+(?:Cde|Mr|Mrs|Dr|Ambassador|the|Comrade)\b", rest) and re.search(
                    r",\s*$", sentence[start:pos]):
                return None                              # ", said Cde. X": the verb is X's
            if compound:
                return "compound"
            if perfect and not re.match(r"\w+\s+(?:\w+ly\s+)?(?:to\s+)?(?:me|us)\b", rest) and not (
                    mention.ref == AUTHOR and re.match(r"(?:told|informed|assured|advised)\s+(?:him|her|them)\b", rest)):
                return "relayed"                         # not 'Mr. Mayorga has informed me that', 'I have told him'
            return "belief" if low in BELIEF_VERBS or re.match(r"(?:was|is) (?:of|convinced)", rest.lower()) else "main"
        return None

    @staticmethod
    def _coordinated_predicate(rest: str, later: list[Mention], offset: int = 0) -> str | None:
        """'He appeared surprised when I told him ..., and contended that ...': a speech verb
        coordinated with the subject's own predicate after a subordinate clause. Without the comma
        ('He seemed disappointed that my statement was limited to ... and said that'), only when the
        clause between names nobody who could be the one saying it."""
        match = re.search(r",\s+and\s+(?:then\s+|also\s+)?([a-z]+)\b", rest)
        if match and match.group(1) in SPEECH_VERBS:
            return "main"
        match = re.search(r"\s+and\s+(?:then\s+|also\s+)?([a-z]+)\b", rest)
        if match and match.group(1) in SPEECH_VERBS and not re.search(r"[,;]", rest[:match.start()]) \
                and not any(offset <= m.start < offset + match.start() for m in later):
            return "main"
        return None

    # --- paragraphs ---------------------------------------------------------------------------

    def paragraph(self, para: str, state: dict) -> tuple[str | None, set]:
        """The speaker of a paragraph (or None) and the references to speakers found in it.

        `state['he']` carries the last third-person speaker across paragraphs (for 'He said')."""
        refs: list[str] = []
        i_binding = None
        running = state.get("he")
        touched = False                                # did this paragraph name its own subject?
        answered = set()                               # unlisted speakers a listed one answers here
        asked: dict[str, int] = {}                     # speaker -> length of his questions here
        for sentence in _sentences(para):
            attributions, binds_i = self.sentence_attributions(sentence)
            for ref, length in _questions(sentence, attributions):
                asked[ref] = asked.get(ref, 0) + length
            if _ANSWERS_WHAT_WAS_SAID.match(sentence) and any(not a.ref.startswith("?") for a in attributions):
                answered |= {r for r in refs if r.startswith(ABSENT)}   # 'To this Mr. Lansing replied'
            subject = self.last_subject
            touched = touched or bool(attributions) or bool(subject and subject.named)
            if not refs and subject and subject.named and (
                    subject.ref in self.seen or any(m.name == subject.ref for m in self.members)):
                running = subject.ref              # 'The President then returned to Laos. He ...'
            elif not attributions and (subject is None or subject.ref == AUTHOR):   # 'I ... discuss with the Minister'
                addressed = _addressed_person(sentence, self.last_mentions) or (
                    self._talked_with(sentence) if not refs and running is None else None)
                if addressed and addressed in {m.name for m in self.members}:
                    running, touched = addressed, True   # 'The Commissioners asked Colonel Olds ... He'
            joint = False                              # 'He and Curzon both told me': 'He' stays who he was
            for attribution in attributions:
                if attribution.ref == WE and _JOINT_TALK.match(sentence, attribution.start):
                    continue                          # 'We discussed at length how far ...': both, no one's words
                if attribution.kind == "relayed" or (
                        attribution.kind == "belief" and attribution.ref.startswith(ABSENT)):
                    continue                          # 'Mr. Khrushchev felt that ...' as relayed
                if attribution.kind == "belief" and self.call_record and attribution.ref not in (
                        {m.name for m in self.members} | {AUTHOR, "he", WE}):
                    continue                          # the record of a call: 'the Secretary felt' is relayed
                if binds_i and not attribution.ref.startswith("?") and attribution.ref != "he":
                    i_binding = attribution.ref
                resolved = self._resolve_ref(attribution.ref, running, i_binding)
                if attribution.ref in asked:
                    asked[resolved] = asked.pop(attribution.ref)
                refs.append(resolved)
                self.seen.add(resolved)
                if attribution.kind == "compound":
                    refs.append(UNKNOWN + "+")
                    joint = attribution.ref == "he"
                elif joint:
                    continue
                if resolved == DOCUMENT or resolved.startswith((UNKNOWN + ":", ABSENT + ":")):
                    running = None                    # 'A member of the British delegation ... stated': 'He' is him
                elif not resolved.startswith("?") and resolved != self.author:
                    running = resolved
        state["he"] = running if touched else None     # 'He' reaches back one paragraph, no further
        state["document"] = bool(refs) and refs[-1] == DOCUMENT
        speakers = {r for r in refs if r != DOCUMENT and not (
            self.cast_complete and r.startswith(ABSENT) and r not in answered)}
        if WE in speakers and self.author in speakers:
            speakers.discard(WE)                       # 'I said ... we replied': one side
        answerer = _answerer(speakers, asked, refs, len(para), self.author)
        if answerer:
            return answerer, set(refs)
        if len(speakers) == 1:
            only = speakers.pop()
            return (None if only.startswith("?") else only), set(refs)
        return None, set(refs)

    def _talked_with(self, sentence: str) -> str | None:
        """The one person a sentence says the writer met ('Called on Flandin today.', 'Was with
        Suvich this afternoon.'): the 'He' of what follows."""
        match = _TALKED_WITH.search(sentence)
        if not match:
            return self._met_by_post(sentence)
        if match.group("d") or _NOT_YET_TALKED.search(sentence[:match.start()]):
            return None
        printed = next((match.group(g) for g in "abcef" if match.group(g)), None)
        core = parse_name(printed).core if printed else []
        found = self._by_surname(core[-1]) if core else None
        return found if found and not found.startswith("?") else None

    def _met_by_post(self, sentence: str) -> str | None:
        """'I have now had opportunity to discuss with the Argentine Minister[54] ...': the one member
        the writer says he talked with, named by his post."""
        met = {m.ref for m in self.last_mentions if m.named and not m.ref.startswith("?")
               and m.ref in {member.name for member in self.members} and _MET_BEFORE.search(sentence[:m.start])}
        return met.pop() if len(met) == 1 else None

    def _resolve_ref(self, ref: str, running: str | None, i_binding: str | None) -> str:
        if ref == "he":
            # 'he' with no one named before it, in the record of an interview with one man: that man
            return running or self.interlocutor or UNKNOWN
        if ref == AUTHOR:
            return i_binding or self.author or AUTHOR
        if ref == WE:
            # 'we' in an American's reported words is that American speaking; next to a foreign
            # speaker it is the author's side answering.
            if running and self._side(running) and self._side(running) == self.home_side:
                return running
            return WE
        return ref

    def _side(self, name: str | None) -> str | None:
        for member in self.members:
            if member.name == name:
                return member.side
        return None

    def passages(self, spans) -> list[PassageRecord]:
        text = self.record.text
        state: dict = {"he": None}
        previous: str | None = None          # the speaker a continuation paragraph may inherit
        in_list = False                      # inside a numbered list the previous speaker opened
        closed = False                       # past the writer's close: inclosures are others' words
        letter_writer: str | None = None     # an inclosed letter's writer: 'Mr. Seat to Mr. Braida.'
        last_para = ""
        out = []
        body = _body_spans(self.record, spans)
        for s, e in spans:
            para = text[s:e]
            kind = _frame_kind(self.record, s, e) or _paragraph_kind(
                para, _index_in(body, s), len(body), self.record.title)
            if kind != "text":
                out.append(PassageRecord(s, e, None, kind))
                previous, state["he"] = None, None
                continue
            heading = _INCLOSED_LETTER_HEAD.match(para) if closed else None
            if heading:
                letter_writer = self._by_name(heading.group("writer"))
                out.append(PassageRecord(s, e, None, "text"))
                previous, state["he"] = None, None
                continue
            speaker, refs = self.paragraph(para, state)
            if para.lstrip().startswith(('"', "“")) and _INTRODUCES_DOCUMENT.search(last_para):
                speaker = None                         # '... a message to the Shah in the following sense:' / '"The Secretary ...'
            if letter_writer and speaker is not None:
                # the inclosed letter's 'I' is its writer (unless the cast leaves him unnamed); what he
                # reports others said is nobody's here
                his = speaker == self.author and not letter_writer.startswith("?")
                speaker = letter_writer if his else None
            in_list = bool(previous and _LIST_ITEM.match(para) and (in_list or _OPENS_A_LIST.search(last_para)))
            last_para = para
            if speaker is None and not refs and previous and self._continues(para, previous, in_list):
                speaker = previous
                if previous != self.author:
                    state["he"] = previous     # 'He saw a real problem ...' goes on: '... he proposed'
            closed = closed or bool(_COMPLIMENTARY_CLOSE.match(para) or _INCLOSURE.match(para))
            if speaker is None and not closed and self._writers_own(para, refs):
                speaker = self.author
            if speaker == self.author and _WRITER_ANNOUNCES.search(para):
                speaker = None                         # 'I wish to make the following comment on ...:'
            out.append(PassageRecord(s, e, speaker, "text"))
            previous = None if state.get("document") or _INTRODUCES_DOCUMENT.search(para) else speaker
        return out

    def _writers_own(self, para: str, refs: set) -> bool:
        """In a despatch that reports an interview (not a record of conversation), a paragraph in
        the writer's own first person with nobody else speaking in it is the writer's ('This I
        assume to mean ...', 'I am satisfied Great Britain has no ... designs'), as a letter's
        paragraphs are its author's; not the complimentary close ('I have, etc.') nor the opening
        that reports the call."""
        if not self.author or (self.record.doc_type or "").lower() in CONVERSATION_DOC_TYPES:
            return False
        own = _DESPATCH_FORMULA.sub("", para)       # 'I have the honor to', 'I had the honor by my dispatch ... to lay'
        if refs - {self.author, AUTHOR, DOCUMENT} or not re.search(r"\bI\b", own):
            return False
        if _COMPLIMENTARY_CLOSE.match(para) or _MET_WITH.search(para) or _SOMEONE_ELSE_SAID.search(para):
            return False
        if re.match(rf"^\W{{0,3}}{_HONORIFIC}\s+[A-Z]", para):
            return False                               # 'Mr. Mayorga has since been relieved ...': about him
        verbs = [m.group("verb").lower() for m in _FIRST_PERSON_VERB.finditer(own)]
        return not verbs or any(v not in _ERRAND_VERBS for v in verbs)

    def _continues(self, para: str, previous: str, in_list: bool = False) -> bool:
        """A paragraph with no speech verb continues the previous speaker's argument unless it
        is framing, a fragment, an institution's statement, or brings in another member of the
        conversation."""
        if len(para.split()) < 8 or _FRAMING.search(para) or _INSTITUTION_SPEAKS.search(para):
            return False
        if _WRITERS_CONCLUSION.match(para):
            return False                               # 'It is clear from the above that ...'
        if _WRITERS_REQUEST.match(para):
            return False                               # 'Please furnish the Department ...': the writer asks
        if _OFFICE_INFORMS.search(para):
            return False                               # 'the Consulate-General informs me that ...': an office's report

        if _COLLECTIVE_OPENS.match(para):
            return False                               # 'The Commissioners were not in a position to ...'
        if _TOPIC_HEADING.match(para):
            return False                               # '5. Questions regarding the description of real estate ...'
        if re.match(r"^[IVX]+\.\s", para) or (
                self.record.doc_type in ("minutes", "telegram", "despatch") and not in_list and _AGENDA_ITEM.match(para)):
            return False                               # a new item of the minutes' agenda or of the writer's
                                                       # report (in a memcon, '2. The US and the USSR must ...'
                                                       # is a speaker's point)
        masked = _QUOTED.sub(lambda m: " " * len(m.group()), para)
        first = (_sentences(masked) or [""])[0]
        subject = _subject(first, self.mentions(first), _opener_end(first))
        if subject is not None and subject.named:
            return False                               # 'Mr. Stevens is not only ...': about him, not his words
        for mention in self.mentions(masked):
            if mention.ref.startswith(ABSENT):
                continue
            if mention.ref == AUTHOR and self.author == previous:
                continue
            if mention.ref in ("he", WE):
                continue
            if mention.ref != previous:
                return False
        return True


# --- helpers for conversations --------------------------------------------------------------

def _spelling_variants(text: str) -> dict[str, str]:
    """One name printed two ways in one document, a letter dropped inside it ('Lord Kimberly' and
    'Lord Kimberley'), is one man: the shorter spelling -> the longer, a dropped letter being the
    commoner misprint. Not the last letter (a plural, 'State' and 'States')."""
    words = set(re.findall(r"\b[A-Z][a-z]{4,}\b", text))
    return {word[:i] + word[i + 1:]: word for word in words for i in range(1, len(word) - 1)
            if word[:i] + word[i + 1:] in words}


def _title_keys(title: str | None) -> set[str]:
    """Comparable title keys: 'Soviet Ambassador' -> {'ambassador'}; 'Secretary of State' ->
    {'secretary of state', 'secretary'}; 'Second Secretary, Soviet Embassy' -> {'second secretary'}."""
    if not title:
        return set()
    head = title.split(",")[0]
    words = [w for w in alias_key(head).split() if w not in {"us", "u", "s", "ussr", "soviet", "british",
                                                             "american", "cuban", "french", "german", "the",
                                                             "acting", "uk", "mr", "mrs", "cde", "sir"}
             and not side_word(w)]                      # "Japanese Ambassador" -> "ambassador"
    if not words:
        return set()
    keys = {" ".join(words)}
    for i, word in enumerate(words):
        if word in ("of", "in", "to", "at", "for"):
            keys.add(" ".join(words[:i]))
            break
    keys.discard("")
    if any(key.startswith("charge d") for key in keys):
        keys.add("charge")                             # 'the Chargé' is the Chargé d'Affaires
    if keys & {"secretary general", "secretary-general"}:
        keys = {"secretary general"}
    return keys


# An office and its holder as the record prints them (see Conversation._office_holders).
_OFFICE = (r"(?:Minister|Foreign Minister|Prime Minister|Under Secretary|Undersecretary|Assistant Secretary|Secretary"
           r"|Ambassador|Charg[eé] d'Affaires|Counsel+or|Chief|Director|President|Premier|Governor|Commissioner"
           r"|Chairman)(?:\s+(?:of|for|to|in|at)\s+(?:the\s+)?[A-Z][\w'\-]*(?:\s+(?:of\s+|for\s+|the\s+)*[A-Z][\w'\-]*){0,4})?")
_HOLDER = rf"(?:{_HONORIFIC}\s+)?(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+(?:de\s+|von\s+)?{_NAME_WORD}){{0,3}}"
_OFFICE_THEN_NAME = re.compile(rf"\b(?P<office>{_OFFICE})\s+\((?P<name>{_HOLDER})\)")
_NAME_THEN_OFFICE = re.compile(rf"(?P<name>{_HONORIFIC}\s+(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}),\s+"
                               rf"(?:the\s+)?(?:(?!Under\b|Assistant\b|Foreign\b|Prime\b)[A-Z][a-z]+\s+)?(?P<office>{_OFFICE})(?=[\s,.;:)])")
_VISITOR_NAME = rf"{_HONORIFIC}\s+(?:[A-Z]\.\s?)*{_NAME_WORD}"
_VISITOR = re.compile(
    rf"(?P<names>{_VISITOR_NAME}(?:(?:,\s+|\s+and\s+){_VISITOR_NAME})*)(?:,\s+who\b[^,.;]{{0,80}},)?\s+"
    r"(?:then\s+|at this time\s+|later\s+|also\s+)?(?:entered\b|came in\b|joined the (?:meeting|conversation|discussion)"
    r"|appeared (?:before|at) the\b|was (?:called|invited|asked|summoned) (?:in|into|to)\b|withdrew\s*[,.;(]"
    r"|left the (?:meeting|room|conference)|informed the (?:Commissioners|Committee|Commission|meeting|Council|Conference))")


def _visitors(text: str) -> list[PersonRef]:
    """People the record says came into the meeting or addressed it ('Mr. Strauss appeared before
    the Commissioners', 'Major Tyler and Mr. Dominian entered the meeting', 'General Harbord, who
    was accompanied by General McCoy, informed the Commissioners'): present, though not listed."""
    found = []
    for match in _VISITOR.finditer(text):
        for name in re.finditer(_VISITOR_NAME, match.group("names")):
            found.append(PersonRef(clean_inline(name.group()), "present", name.group()))
    return found


# A report by telegram or despatch names the people its writer talked with, or whose talk it
# relates, by formulas of its own: the terse telegraphic first person ('Was with Suvich this
# afternoon', 'Saw Flandin today', 'Called on the Minister'), 'I saw X', 'in a conversation
# between A and B', 'In my conversation with X', 'In the course of our conversation X ...', 'X
# sent for me'. They are the record's cast, as a memorandum's participants are.
_TALKER = rf"(?:{_HONORIFIC}\s+)?(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+(?:de\s+)?{_NAME_WORD}){{0,2}}\b(?!['’]s\b)"  # 'Dr. Tevfik Rüstü Aras'
_CLAUSE_START = r"(?:^|(?<=[.;:]\s)|(?<=\d\.\s)|(?<=\n))"
_TALKED_WITH = re.compile(
    rf"{_CLAUSE_START}(?:I\s+)?(?:[Ww]as|[Ww]ere)\s+with\s+(?P<a>{_TALKER})"
    rf"|(?:\bI\s+|{_CLAUSE_START})(?:\w+ly\s+|today\s+|yesterday\s+|again\s+|also\s+)?"
    rf"(?:[Ss]aw|[Cc]alled (?:on|upon)|[Vv]isited|[Mm]et(?: with)?|[Ll]unched with|[Dd]ined with|[Tt]alked (?:with|to)"
    rf"|[Ss]poke (?:with|to)|[Hh]ad (?:a |an |another )?(?:\w+ )?(?:talk|conversation|interview|audience) with"
    rf"|(?:[Hh]ave |[Hh]ad )?had (?:full |several |long |frequent |many |two |three )?(?:talks|conversations|interviews|conferences) with)"
    rf"\s+(?P<b>{_TALKER})"
    rf"|\b(?:conversation|talk|interview|audience|discussion|conference|meeting)s?\b[^.;:\"]{{0,60}}?\b(?:with|between)\s+"
    rf"(?P<c>{_TALKER})(?:\s+and\s+(?P<d>{_TALKER}))?"
    rf"|\b(?:In|During)\s+(?:the course of\s+)?(?:our|my|this|that|the)\s+(?:\w+\s+)?(?:conversation|talk|interview"
    rf"|audience)s?,?\s+(?P<e>{_TALKER})(?=\s+(?:also\s+|then\s+|\w+ly\s+)*[a-z]{{3,}})"
    rf"|(?:\b[Tt]he\s+(?P<title>(?:[A-Z][a-z]+\s+){{0,2}}[A-Z][a-z]+)|(?P<f>{_TALKER})(?:,\s+(?:the|an?|his)\s+[^,;:.()]{{3,80}},)?)"
    r"\s+(?:\w+ly\s+|then\s+|also\s+)*"   # 'Spencer, the political adviser to the Emperor, called on me'
    r"(?:sent for me|called on me|called upon me|came to see me|received me|asked me to call"
    r"|called (?:this (?:morning|afternoon|evening)|to-?day|yesterday)(?=[.;]))\b"   # 'Baron Megata called this morning.'
    # an interview given to the press: 'interviews granted to the Universal Service ... by Ambassador Long',
    # 'an interview granted to its correspondent by the American Ambassador to Rome, Breckinridge Long'
    rf"|\binterviews?\s+(?:granted|given|accorded)\s+(?:to\s+[^.;:]{{0,80}}?\s+)?by\s+(?:the\s+[^,.;:]{{0,60}},\s+)?(?P<i>{_TALKER})"
    rf"|\binterviews?\s+(?:of|with)\s+(?P<j>{_HONORIFIC}\s+{_TALKER})"
    # the writer told something by a man: 'I have just been informed by Soheily that'
    rf"|\b{_INFORMED_BY}(?P<k>{_TALKER})(?=\s+that\b)"
    # the sender's report of a talk he did not hold himself: 'Wilson saw Bargeton this afternoon who said'
    rf"|{_CLAUSE_START}(?P<g>{_TALKER})\s+(?:\w+ly\s+|today\s+|yesterday\s+|again\s+|also\s+)?"
    rf"(?:saw|called (?:on|upon)|visited|talked (?:with|to))\s+(?P<h>{_TALKER})(?=[\s,])")


_REPORT_TYPES = {"telegram", "despatch", "memcon", "letter"}


def _reported_talkers(record: DocumentRecord) -> tuple[list[PersonRef], set[str]]:
    """The people a report without a participants list says its writer talked with or whose
    conversation it relates (see _TALKED_WITH), and the bare titles ('The Marshal sent for me')
    of those it names only so. A name must be one: no common word, title or place."""
    text = record.text[:(record.extra or {}).get("footnotes_offset") or len(record.text)]
    names: dict[str, PersonRef] = {}
    titles: set[str] = set()
    for match in _TALKED_WITH.finditer(text):
        if _NOT_YET_TALKED.search(text[max(0, match.start() - 40):match.start()]):
            continue                                  # 'you have come to Moscow to talk ... with Khrushchev'
        if match.group("title"):
            title = parse_name(match.group("title"))
            if not title.core and title.titles and not any(side_word(w) for w in match.group("title").split()):
                titles.add(match.group("title"))
            continue
        for group in "abcdefghijk":
            printed = match.group(group)
            if printed and _is_talker_name(printed, text):
                names.setdefault(alias_key(printed), PersonRef(clean_inline(printed), "present", printed))
    return _fullest_forms(list(names.values())), titles


def _fullest_forms(refs: list[PersonRef]) -> list[PersonRef]:
    """'Ambassador Long' and 'Breckinridge Long' in one report are one man: a surname alone gives way
    to the one fuller name that ends with it."""
    cores = [parse_name(r.name).core for r in refs]
    kept = []
    for ref, core in zip(refs, cores):
        fuller = [c for c in cores if len(c) > 1 and core and len(core) == 1 and alias_key(c[-1]) == alias_key(core[0])]
        if len(fuller) != 1:
            kept.append(ref)
    return kept


# A talk the writer is to have, or the addressee's: 'to talk with', 'your conversation with'.
# Someone else's talks, told in passing, are not the report's ('his conversations with President
# Eisenhower', 'de Chambrun's conversation with Mussolini').
# ('may' in lower case only: 'On May 6 I called on Soheily' is past.)
_NOT_YET_TALKED = re.compile(r"\b(?:to|your|you|will|would|should|shall|(?-i:may)|might|next|future|forthcoming|proposed"
                             r"|possible|his|her|their|its)\s+(?:\w+\s+)?$|\w['’]s\s+(?:\w+\s+)?$", re.IGNORECASE)
_CALENDAR_WORDS = frozenset("""January February March April May June July August September October November
December Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split())


_COLLECTIVE_WORDS = frozenset("Allied Allies Western Eastern Communist Communists Bloc Great".split())
# Places that no nationality word in corpus.people names as such ('between Germany and the other Locarno
# Powers'): never a talker.
_PLACE_NAMES = frozenset("""Germany England Britain Scotland Wales Abyssinia Manchukuo Manchuria Prussia Bavaria
Europe Asia Africa America Balkans Scandinavia Geneva Locarno Lausanne Montreux Straits Rhineland""".split())


def _is_talker_name(printed: str, text: str) -> bool:
    """A person's name: no place, people, party or acronym ('Great Britain', 'Belgians', 'Chinese
    Communist', 'CPSU', 'Sino-Soviet'), no month, no common word, never written in lower case."""
    parts = parse_name(printed)
    if not parts.core:
        return False
    for word in printed.split():
        pieces = word.split("-")
        if word in _COLLECTIVE_WORDS or word in _PLACE_NAMES or re.fullmatch(r"[A-Z]{2,}", word) or any(
                side_word(p) or side_word(p.rstrip("s")) or country_side(p) for p in pieces):
            return False
    for word in parts.core:
        if word in _NOT_NAMES or word in _CALENDAR_WORDS or side_word(word) or is_office(word) or not parse_name(word).core \
                or re.search(rf"\b{re.escape(word.lower())}\b", text):
            return False
    return True


def _unnamed_visitor(ref: PersonRef) -> str | None:
    """A participant the record names only by post and nation ('The Turkish Ambassador called on
    me'): a member called by that post, so that 'the Ambassador said' has someone to resolve to."""
    post = clean_inline(ref.post or "")
    if ref.role != "participant" or not post or alias_key(post) != alias_key(ref.name or post):
        return None
    return post if (_side_of_post(post) or ref.side) and _title_keys(post) else None


def _side_of_post(post: str | None) -> str | None:
    """'French Ambassador' -> 'France' (a nationality word in the post)."""
    return next((side_word(w) for w in re.findall(r"[A-Z][a-z]+", post or "") if side_word(w)), None)


_INCLOSURE = re.compile(r"^\[?(?:Sub)?(?:Inclosure|Enclosure|Annex|Attachment)\b", re.IGNORECASE)
_COMPLIMENTARY_CLOSE = re.compile(r"^(?:I (?:am|have)|Accept|I avail)\b[^.]{0,60}?\betc\b", re.IGNORECASE)
# A person called by style or by office instead of by name: see Conversation._styled.
_STYLED_MENTION = re.compile(r"\b(?:[Hh]is|[Hh]er)\s+(?P<style>[Ll]ordship|[Ee]xcellency)\b"
                             r"|\b[Tt]he\s+(?P<office>[Mm]inister (?:for|of) [Ff]oreign [Aa]ffairs|[Ff]oreign [Ss]ecretary"
                             r"|Secretary of State for Foreign Affairs)\b")
# 'His Excellency A. Soheily', 'His Excellency Señor Madriz': the style with the man's name.
_STYLE_AND_NAME = re.compile(rf"\b[Hh](?:is|er)\s+[Ee]xcellency,?\s+(?P<name>(?:{_HONORIFIC}\s+)?(?:[A-Z]\.\s?)*"
                             rf"{_NAME_WORD}(?:\s+(?:de\s+|von\s+)?{_NAME_WORD})?)")
# A peer by his title: 'the Earl of Kimberley' is Lord Kimberley (so styled in the same despatch).
_PEERAGE = r"(?:Earl|Marquis|Marquess|Viscount)"
_MET_WITH = re.compile(
    rf"\b(?:(?:interview|conversation|talk|audience|conference)\b[^.;]{{0,80}}?\bwith|called (?:on|upon)|waited (?:on|upon)"
    rf"|I (?:saw|visited))\s+"
    rf"(?P<who>{_HONORIFIC}\s+(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}|(?:the\s+)?{_PEERAGE}\s+of\s+{_NAME_WORD})")
_WRITERS_REQUEST = re.compile(r"^\W{0,4}(?:\d{1,3}\.\s+)?(?:Please|Kindly|I (?:should|would) (?:like|appreciate))\b")
_JOINT_TALK = re.compile(r"[Ww]e\s+(?:\w+ly\s+|then\s+|also\s+)?(?:discussed|talked|conversed)\b")
# What the writer says he did with the man named next: 'discuss with', 'a conversation with', 'I saw'.
_MET_BEFORE = re.compile(r"\bI\b[^.;]{0,60}?(?:\b(?:discuss|talk|speak|confer)\w*\s+with"
                         r"|\b(?:conversation|interview|talk|audience|meeting)s?\s+with|\b(?:saw|met|visited|called on|called upon))\s+$")
# The heading of a letter a despatch incloses: 'Mr. Seat to Mr. Braida.', 'From Jose Vita to President Zelaya.'.
_INCLOSED_LETTER_HEAD = re.compile(
    rf"^(?:From\s+)?(?P<writer>(?:{_HONORIFIC}\s+)?(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})\s+to\s+"
    rf"(?:(?:the\s+)?{_HONORIFIC}\s+)?(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}}\.?$")
# The writer's announcement to the Department of what follows: 'I wish to make the following comment on
# several points ...:' (not 'I asked him if he would allow me to suggest to him the following ...:').
_WRITER_ANNOUNCES = re.compile(r"^(?![\s\S]*\b(?:him|her|them)\b)[\s\S]*\bI\b[^.;]{0,80}?\bthe following\b[^.;]{0,160}:\s*$")
# 'My private audience of the Emperor was a unique experience': the monarch of the day (Conversation._host_monarch).
_AUDIENCE_OF_MONARCH = re.compile(r"\baudience\s+(?:of|with)\s+(?:the|His Majesty the)\s+(?P<title>Emperor|King|Shah)\b")
# 'When Lord Kimberly returned to London ..., he promptly accorded me an interview': the one who
# granted it, the sentence's subject.
_GRANTED_INTERVIEW = re.compile(
    rf"(?P<who>{_HONORIFIC}\s+(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD})?)\b[^.;]{{0,120}}?\b(?:he|she)?\s*"
    r"(?:\w+ly\s+)?(?:accorded|granted|gave)\s+me\s+(?:an?\s+)?(?:\w+\s+)?(?:interview|audience)\b")
# A despatch's acknowledgments before its report: 'Sir: On the 9th instant I had the honor to receive
# your instruction ...', 'With the foregoing papers I also beg to acknowledge ...'.
_ACKNOWLEDGMENT = re.compile(r"^(?:Sir:\s+)?(?:[^.;]{0,60}?\bI (?:had|have) the hono(?:u)?r to (?:receive|acknowledge)"
                             r"|[^.;]{0,60}?\bI (?:also )?beg to acknowledge|I have received your)\b")
# The writer of a despatch telling his errands, not his views: 'I received a reply from his
# lordship, inviting me to call upon him ..., and at once went there'; 'the interview I had just held'.
_DESPATCH_FORMULA = re.compile(r"\bI (?:now |also |further )?ha(?:ve|d) the hono(?:u)?r\b[^.;:]{0,80}?\bto \w+"
                               r"|\bI (?:also )?beg (?:leave )?to (?:acknowledge|inclose|enclose|transmit|forward|report)\b")
_FIRST_PERSON_VERB = re.compile(r"\bI\s+(?:(?:at once|then|also|just|thereupon|immediately|\w+ly)\s+)*"
                                r"(?:(?:had|have|has)\s+(?:(?:just|already|\w+ly)\s+)*)?(?P<verb>[a-z]+)\b")
# Someone else's words in a paragraph, wherever they stand ('(and he added that ...)', 'has been
# privately advised by M. Godard ... to be extremely careful'): not the writer's alone.
_SOMEONE_ELSE_SAID = re.compile(
    rf"\b(?:[Hh]e|[Ss]he)\s+(?:\w+ly\s+|also\s+|further\s+)?(?:{_VERB_ALT})\b"
    r"|\b(?:was|were|been|being)\s+(?:\w+ly\s+)?(?:advised|told|informed|warned|assured|cautioned)\s+by\s+"
    rf"(?:the\s+)?(?:{_HONORIFIC}\s+)?[A-Z]")
_ERRAND_VERBS = frozenset("""
received receive went go called call sent send inclose enclose inclosed enclosed transmitted transmit
forwarded forward held arrived left returned met waited
""".split())
# A numbered topic heading too long to look like one ('5. Questions regarding the description of real
# estate in the former Soviet Union (in Russia) in connection with the move from Bonn to Berlin', '4.
# Demand of the Russian Orthodox Church for ... in the Third Reich:'): no sentence ends in it; a
# speaker's numbered point ('2. The US and the USSR must ...') ends with a full stop.
_TOPIC_HEADING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[a-z])[.)]\s+[A-Z][^.!?;]{0,240}?[\w)]:?$")
# 'It is clear from the above that ...': the writer's own conclusion, no one's continued argument.
_WRITERS_CONCLUSION = re.compile(r"^It (?:is|was|seems|seemed|appears|appeared) (?:\w+ )?(?:clear|evident|apparent|obvious)\b"
                                 r"|^(?:Thus|Hence|So|From this|From the above),? it (?:will|may|can) be (?:seen|perceived|observed"
                                 r"|noted|understood|gathered)\b|^It will be (?:seen|perceived|observed|noted)\b")
# What an office told the writer: 'the Consulate-General informs me that this line ... considers'.
_OFFICE_INFORMS = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][\w\-]+\s+){0,3}?(?:Consulate(?:[\- ]General)?|Legation|Embassy|Department|Foreign Office"
    r"|Ministry|Government|Company|Line|Office|Bureau|Mission|Agency)\s+(?:\w+ly\s+)?(?:informs|informed|reports"
    r"|reported|advises|advised|tells|told|writes|wrote|assures|assured)\s+(?:me|us)\b")
# 'I trust that he will not ...', 'I gathered that the Government ...': the writer's conjecture.
_CONJECTURE = re.compile(r"\bI\s+(?:\w+ly\s+)?(?:trust|hope|think|believe|assume|suppose|expect|doubt|fear|gather|gathered"
                         r"|imagine|presume)\s+(?:that\s+)?$")
# 'In conversation yesterday with the Iranian Chargé he took pains to emphasize', 'In reply to my
# inquiry of Mr. Ghods, he reiterated': the one person the occasion names is the pronoun's.
_OCCASION = re.compile(r"^\s*(?:In|During)\s+(?:the course of\s+)?(?:(?:a|an|my|his|our|the)\s+)?(?:\w+\s+)?"
                       r"(?:conversation|talk|call|visit|interview|reply|response|answer)\b")


# 'I replied in the sense of the Department's telegram No. 19': the writer says only that he answered
# as instructed; the words are the instruction's, not a turn of the talk he reports.
_ANSWER_BY_INSTRUCTION = re.compile(
    r"I\s+(?:\w+ly\s+|then\s+|again\s+)?(?:replied|answered|responded|spoke|said so)\s+(?:to him\s+)?"
    r"(?:in the sense of|in accordance with|along the lines of|in the terms of|as instructed (?:in|by))\s+"
    r"(?:the|your|my|its|his)\b[^,;:]*?\b(?:telegram|instruction|despatch|dispatch|cable|note|letter)s?\b[^,;:]*[.]?\s*$")


# A reply to what was just said in the same paragraph: whoever said it was there, listed or not
# ('Mr. Margolin concluded by stating ... To this Mr. Lansing replied ...': two speakers).
_ANSWERS_WHAT_WAS_SAID = re.compile(r"^\s*(?:To (?:this|that|these)|In (?:reply|answer|response) to (?:this|that|these))\b")
# The writer's own conclusion, put impersonally: 'There is no doubt in my mind that Great Britain ...'.
_WRITERS_CERTAINTY = re.compile(r"^\s*(?:There (?:is|was|can be) (?:no|little) doubt in my mind|I (?:have|had) no doubt"
                                r"|I am (?:quite |fully |entirely )?(?:satisfied|persuaded|confident) that)\b")


def _pronoun_of_the_occasion(sentence: str, found: list, mentions: list) -> list:
    if not found or found[0].ref != "he" or not _OCCASION.match(sentence):
        return found
    named = [m for m in mentions if m.start < found[0].start and m.named
             and (not m.ref.startswith("?") or m.ref.startswith(ABSENT))]
    if len(named) != 1:
        return found                                  # 'with the Czechoslovak Minister, he told me': not someone earlier
    return [Attribution(named[0].ref, found[0].kind, found[0].start), *found[1:]]


def _pronoun_of_the_opener(found: list, mentions: list, opener_end: int, subject) -> list:
    """'As Mr. Yoshizawa rose to leave, he said ...': the pronoun subject of the main clause after
    an opening subordinate clause is the one person that clause names as its subject."""
    if not opener_end or subject is None or subject.ref != "he":
        return found
    named = [m for m in mentions if m.start < opener_end and m.named]
    if len(named) != 1 or not named[0].eligible or named[0].ref.startswith("?"):
        return found
    return [Attribution(named[0].ref, a.kind, a.start) if a.start == subject.start and a.ref == "he" else a
            for a in found]


# Abbreviated titles of the parties in a ministry's record ('BK' is the Bundeskanzler, the
# Federal Chancellor; 'PM' the Prime Minister): written alone, with no name after them.
# A record of the intelligence community, where 'the Director' is the Director of Central Intelligence.
_INTELLIGENCE_RECORD = re.compile(r"\bDCI\b|\bDirector of Central Intelligence\b")
# 'DCI' is the Director of Central Intelligence in CIA records.
_ABBREVIATED_TITLES = {"BK": "Chancellor", "PM": "Prime Minister", "FM": "Foreign Minister",
                       "DCI": "Director of Central Intelligence"}
_ABBREVIATED_TITLE = re.compile(r"\b(?:[Tt]he\s+)?(?P<abbr>BK|PM|FM|DCI)\b(?!['’.\-]\w|\s+[A-Z][a-z])")


def _abbreviated_titles(sentence: str):
    """(start, end, title) of each abbreviated title: 'BK affirmed that ...' -> 'Chancellor'."""
    for match in _ABBREVIATED_TITLE.finditer(sentence):
        yield match.start(), match.end(), _ABBREVIATED_TITLES[match.group("abbr")]


def _participle(rest: str) -> re.Match | None:
    """', referring to the presence of the two armed ships ... at Bluefields,' between a subject and
    its verb ('his lordship, referring to ..., said', 'M. Kieffer then, reverting to ..., promised',
    'Mr. Kieffer, while expressing the opinion that ..., agreed'); not a speech gerund (', saying that')."""
    match = re.match(r"^(?:\s+(?:then|also|\w+ly))?,\s+(?P<when>while\s+|when\s+|after\s+|before\s+)?(?P<ing>[a-z]+ing)\b"
                     r"[^,;:()]{0,160},(?=\s+[a-z])", rest)
    return match if match and (match.group("when") or not _is_speech_gerund(match.group("ing"))) else None


def _distant_coordinated_verb(sentence: str, pos: int, later: list) -> str | None:
    """'I got in touch with Mr. Weber of the ... Division ... today in connection with ... and
    asked him whether': a verb of speech joined by 'and' to a long predicate of the same subject,
    with no other subject and no subordinate clause before it."""
    match = re.search(r"\band\s+(?:then\s+|also\s+)?(?P<verb>[a-z]+)\s+(?:him|her|them|me|us|if|whether)\b", sentence[pos:])
    if not match or match.group("verb") not in SPEECH_VERBS:
        return None
    end = pos + match.start()
    if any(m.eligible and m.named and pos <= m.start < end for m in later):
        return None
    if re.search(r"\b(?:who|which|that|when|while|because|if|whether|where)\b|[;:]", sentence[pos:end]):
        return None
    return "main"


def _is_speech_gerund(word: str) -> bool:
    """'saying', 'noting', 'stating', 'asserting': the -ing form of a verb of speech."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    return stem in SPEECH_BASE or stem + "e" in SPEECH_BASE


def _surname_pattern(key: str) -> str:
    """A regex for a surname key that tolerates the printed punctuation ('ormsby gore' ~ 'Ormsby-Gore')."""
    parts = [re.escape(p) for p in key.split()]
    return r"[\s\-]+".join(parts)


_EXTEND_TOKEN = re.compile(
    rf"(?:{_HONORIFIC}|[A-Z]\.|[A-Z][a-z]+|(?<=[A-Za-z] )(?:de|van|von|der|da|di|du|del|le|la|ter))\s+$")


def _extend_back(sentence: str, start: int) -> int:
    """Move a surname match back over honorifics and forenames: 'Cde. Blas Roca', 'Mr. Gromyko'."""
    for _ in range(4):
        match = _EXTEND_TOKEN.search(sentence[:start])
        if not match:
            break
        word = match.group().strip()
        if word in ("The", "In", "At", "As", "If", "When", "Then", "But", "And", "After", "Before", "To",
                    "Both", "Although", "While", "Since", "According", "However", "Throughout", "Toward"):
            break
        start = match.start()
    return start


def _eligible(sentence: str, start: int) -> bool:
    """Whether a mention at `start` can be a subject: at the sentence start, after punctuation
    or a conjunction, not after a preposition or a verb."""
    before = re.sub(r"(?<=[,;:.)])\d{1,2}$", "", sentence[:start].rstrip())   # footnote: "tests,2 Mr. X"
    if _inside_parenthesis(before):
        return False                                   # '... appeared before them (present Mr. Lansing, ...)'
    if not before or before[-1] in ",;:(—–-\"'":
        return True
    last = re.search(r"(\w+)$", before)
    if not last or re.search(r"[^\W\d]\d{1,2}$", last.group(1)):
        return True                                    # "... Gromyko1 the Secretary said"
    word = last.group(1).lower()
    if re.search(r"(?:^|,\s+)(?:[Tt]he|[Aa]n?)\s+[a-z][^,;:()]{2,60},\s+(?:an?|the)$", before) and re.match(
            r"[^,;:()]{2,60},\s+(?:\w+ly\s+|then\s+|also\s+)?[a-z]+", sentence[start:]):
        return True                                    # 'the official who brought it, a Captain Alessandrini, told me'
    if word in _PREPOSITIONS:
        return False
    if _OPENING_PHRASE.match(re.split(r"[:;]\s+", before)[-1]):
        return True                                    # 'During a call from X this afternoon I conveyed';
                                                       # '... as follows: At about 3 o'clock two officers arrived'
    if re.fullmatch(r"\s*(?:This|That|These|Those)(?:\s+too|\s+also)?", before) and not re.match(r"I\b", sentence[start:]):
        return True                                    # the object put first: 'This the Ambassador promised to do'
                                                       # (not 'These I answered quite frankly': no words given)
    if _SUBORDINATE_OPENER.match(before) and not re.search(r"[,;:]", before) and re.match(
            r"I\s+(?:\w+ly\s+|then\s+|also\s+)*[a-z]+ed\b", sentence[start:]):
        return True                                    # 'As our interview had lasted an hour and we were not
                                                       # getting anywhere I asked him': no comma before the main clause
    if re.fullmatch(r"\s*(?:To|In (?:reply|answer|response) to)\s+(?:this|that|these|which|my \w+|(?:a|an|the|his|her|my)"
                    r"\s+(?:further\s+|second\s+|later\s+|last\s+|above\s+)?(?:question|query|inquiry|remark|suggestion|request))", before):
        return True                                    # 'To this his lordship replied', 'To a further question Sir Sidney replied'
    if re.search(r"\b(?:interview|conversation|talk|audience|speech|address|conference)\b[^.;]{0,80}?\b(?:in|during|at)\s+which$",
                 before) and re.match(r"(?:he|she)\b", sentence[start:]):
        return True                                    # 'has granted an interview ... in which he said he was convinced'
    if re.fullmatch(r"\s*(?:Much\s+)?[Tt]o\s+(?:my|our|his|their)\s+(?:great\s+)?(?:surprise|regret|astonishment|relief)", before):
        return True                                    # 'Much to our surprise the German Chargé informed us'
    if re.fullmatch(r"\s*(?:Yesterday|Today|To-day|Tonight|Later|Afterwards?|Subsequently|Thereafter|Then|Meanwhile)", before):
        return True                                    # 'Yesterday I saw Mr. Gharib again ... and asked him'
    return word in _ELIGIBLE_BEFORE or word in ("both", "finally", "then")


# A sentence that opens with a prepositional phrase and no comma before its subject: 'In this
# connection Mr. Spencer said', 'In departing Mr. Broadmead promised', 'During a call from the
# British Ambassador this afternoon I conveyed'.
_OPENING_PHRASE = re.compile(r"^\s*(?:In|At|On|During|Throughout|After|Before|Upon|Following|Later|Subsequently)\s+[^,;:\"()]{1,90}$")


def _addressed_person(sentence: str, mentions: list[Mention]) -> str | None:
    """The one person a sentence without a speaking subject asks or tells something ('The
    Commissioners requested Colonel Olds to inform them ...'): the 'He' of the next sentence.
    None when the sentence also has a pronoun or names anyone else."""
    if any(not m.named for m in mentions):
        return None
    named = [m for m in mentions if not m.ref.startswith("?")]
    if len(named) != 1 or len(mentions) != 1:
        return None
    if not re.search(r"\b(?:asked|requested|invited|questioned|told|urged|called (?:up)?on)\s+$",
                     sentence[:named[0].start]):
        return None
    return named[0].ref


def _inside_parenthesis(before: str) -> bool:
    """Whether text ends inside a parenthesis opened after the sentence began (a parenthesis
    that opens the sentence, '(Mr. Lansing was called from the meeting.)', is a sentence itself)."""
    depth, opened_at = 0, None
    for i, ch in enumerate(before):
        if ch == "(":
            depth += 1
            opened_at = i if depth == 1 else opened_at
        elif ch == ")" and depth:
            depth -= 1
    return depth > 0 and opened_at is not None and bool(before[:opened_at].strip())


def _subject(sentence: str, mentions: list[Mention], opener_end: int) -> Mention | None:
    """The grammatical subject of a sentence, if a mention: the first eligible mention within
    the first words after any opening subordinate clause."""
    for mention in mentions:
        if mention.start < opener_end or not mention.eligible:
            continue
        lead = sentence[opener_end:mention.start]
        if len(re.findall(r"\w+", lead)) <= 6:
            return mention
        return None
    return None


def _opener_end(sentence: str) -> int:
    """End of a sentence-initial subordinate clause ('When Dobrynin asked why..., ')."""
    if not _SUBORDINATE_OPENER.match(sentence):
        return 0
    depth = 0
    for i, ch in enumerate(sentence):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            return i
    return 0


_QUESTION_VERBS = frozenset("asked inquired enquired queried wondered".split())
_FIRST_SPEECH_VERB = re.compile(rf"\b(?:{_VERB_ALT})\b")


def _questions(sentence: str, attributions: list[Attribution]) -> list[tuple[str, int]]:
    """(reference, length) of each question a sentence reports ('Marriner asked him if he thought
    that ...'): the words from its asker to the next attribution or the sentence's end."""
    found = []
    ordered = sorted(attributions, key=lambda a: a.start)
    for i, attribution in enumerate(ordered):
        verb = _FIRST_SPEECH_VERB.search(sentence, attribution.start)
        end = ordered[i + 1].start if i + 1 < len(ordered) else len(sentence)
        if verb and verb.start() < end and verb.group() in _QUESTION_VERBS:
            found.append((attribution.ref, end - attribution.start))
    return found


def _answerer(speakers: set[str], asked: dict[str, int], refs: list[str], length: int, writer: str | None) -> str | None:
    """The one who answers a question at length: 'Marriner asked him if ... and Léger said that ...
    He said ... He seemed to feel ...' is Léger's paragraph, the question being a small part of it.
    The asker must speak first and do nothing but ask, in a sixth of the paragraph at most. The
    writer's own question makes a paragraph of two speakers ('I asked A-1 about ... A-1 stated')."""
    named = {s for s in speakers if not s.startswith("?")}
    if len(named) != 2 or len(speakers) != 2 or writer in named:
        return None
    asker = next(r for r in refs if r in named)
    if asker not in asked or asked[asker] * 6 > length or refs.count(asker) != 1:
        return None
    answerer = (named - {asker}).pop()
    return None if answerer in asked else answerer


def _sentences(para: str) -> list[str]:
    parts, last, pos = [], 0, 0
    while match := _SENTENCE_SPLIT.search(para, pos):
        if match.group()[0] != ";" and _after_abbreviation(para, match.start()):
            pos = match.start() + 1                    # 'N. Y.?] September': may end one mark later
            continue
        parts.append(para[last:match.end()])
        last = pos = match.end()
    parts.append(para[last:])
    return [p for p in parts if p.strip()]


def _after_abbreviation(para: str, end: int) -> bool:
    """Whether the punctuation at `end` follows an initial or an abbreviation ('Mr.', 'Lieut.')."""
    word = _LAST_WORD.search(para[max(0, end - 8):end])
    if not word:
        return False
    word = word.group(1)
    return (len(word) == 1 and word.isupper()) or word in _ABBREVIATIONS


_REGISTRY_WORD = re.compile(r"\b[A-Z][a-zà-ÿ'\-]+(?:\s+[A-Z][a-zà-ÿ'\-]+)?\b")


def _registry_mentions(sentence: str):
    """Registry people named without an honorific ('Khrushchev', 'Fidel Castro'); a common word
    before the surname is no given name ('Both Mikoyan and Khrushchev stressed')."""
    for match in _REGISTRY_WORD.finditer(sentence):
        start, words = match.start(), match.group()
        first, _, rest = words.partition(" ")
        if rest and first in _NOT_NAMES:
            start, words = match.start() + len(first) + 1, rest
        if names_registry_person(words):
            yield start, match.end(), words


# ============================================================================================
# Memoranda in OCR'd archive releases (the National Archives' JFK releases)
# ============================================================================================
#
# corpus.readers.frontmatter marks a memorandum for the record in a release (extra['for_the_record'])
# and, in a file that compiles several memoranda, lists each one with its own date and writer
# (extra['memoranda']): 'I' is that memorandum's writer, 'the President' the President on its date.
# The OCR keeps the page furniture ('13-00000', 'c GS') as paragraphs of their own, and a page
# break or a stray blank line cuts a sentence into pieces ('... in the Johnson Adminis-' /
# 'tration.'): a piece that carries on a sentence is the speaker's of the piece before.

# OCR slips that change who speaks, each the length of the word it stands for: 'MeCone' for
# 'McCone' (c read as e), 'T pointed out' for 'I pointed out' at a sentence start.
_OCR_MC = re.compile(r"\b(?:Me|He|Mo|Hc)(?=[A-Z][a-z]{2,}\b)")
_OCR_FIRST_PERSON = re.compile(r"(?:^|(?<=[.;:]\s))(\W{0,3})T(?=\s+[a-z]+(?:ed|told|said|felt|thought|took|gave|made)\b)")
_OCR_HONORIFIC = re.compile(r"\b((?:Mr|Mrs|Dr|Gen|Adm|Amb)\.)['‘’\"`,](?=\s+[A-Z])")
_OCR_HONORIFIC_COMMA = re.compile(r"\b(Mr|Mrs|Dr)[,;](?=\s+(?:Ma?c)?[A-Z][a-z])")
_OCR_PARTICLE_QUOTE = re.compile(r"(?<=[a-z]{3}ed) [\"“”'‘’](out|on|up|forth|over)\b")
# The writer's comment inside a paragraph of a source's account ('coment:', 'COMMENT:').
_WRITERS_COMMENT = re.compile(r"(?<=\S)\s+\(?(?:[Cc]o(?:m|mm|nm)ent|COMMENT|Field [Cc]omment)\s*:")
# A person a report brings in with 'One' before his name, the surname in capitals.
_ONE_NAMED = re.compile(r"^\W{0,4}One\s+\W?(?P<name>(?:[A-Z][a-z]+\s+){1,3}(?:Ma?c)?[A-Z]{3,}(?:\s+[A-Z][a-z]+){0,2})\b")
# OCR slips around a report's 'Subject': a stray quote before it, a stop for its last letter.
_OCR_STRAY_QUOTE = re.compile(r"['‘’]\s(?=(?:[SB]ubject|Source)\b)")
_OCR_SUBJECT_STOP = re.compile(r"\b[SB]ubjec\.(?=\s+[a-z])")
# A stop the OCR read as a comma, before a sentence's opening phrase ('..., In this connection he asked').
_OCR_COMMA_STOP = re.compile(r"(?<=[a-z]), (?=(?:In this connection|In addition|However|Later|Thereafter|Subsequently),? )")
# OCR's readings of 'said' before 'that' ('satd that', 'sald that').
_OCR_SAID = re.compile(r"\b(?:satd|sald|seid|saio)(?=\s+that\b)")
# A contact report's words for its man's account (besides the speech verbs).
_MANS_ACCOUNT = re.compile(r"^[\s\-]+(?:[^.;,]{0,60}?\s+and\s+)?(?:also\s+|further\s+|\w+ly\s+)?(?:alleges|alleged|assesses|assessed|suspects|suspected"
                           r"|sus-\s+pects|cited|cites|volunteered|appended|related|identified|obtained\s+the\s+impres\w*"
                           r"|(?:is|was)\s+(?:\w+ly\s+)?convinced|believes?|believed|feels|felt|thinks|thought)\b")
# The writer of a contact report in a main clause of his own ('However, we cannot be sure', 'We are
# listing them below'), beside his man's account.
_WRITER_STATES = re.compile(r"(?:^|[.;:]\s+|,\s+(?:but\s+|and\s+)?(?:[Hh]owever,?\s+)?|\b(?:but|and)\s+)\W?(?:[Ww]e|I)\s+"
                            r"(?:\w+\s+){0,2}?(?:are|were|have|had|do|did|can|cannot|could|will|would|feel|believe|think"
                            r"|propose|suggest|plan|intend)\b")
# The writer's own act in a main clause ('I assigned the case ...', 'I then returned to my office').
_WRITER_ACTS = re.compile(r"(?:^|[.;:]\s+|,\s+)\W?I\s+(?:then\s+|also\s+|immediately\s+|next\s+)?(?!said|stated|told|asked|replied"
                          r"|answered|explained|advised|added|remarked|suggested|pointed|noted|agreed|felt|thought)(?:[a-z]{3,}ed|left|made|gave"
                          r"|took|sent|went|brought|paid|kept|put)\b")
# The agent of a passive set off by a comma: 'referred to me by the SAS Security Officer, Mr. Ladner'.
_PASSIVE_AGENT_APPOSED = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Za-z/]+\s+){0,4}[A-Za-z/]+,\s+$")
_OFFICE_REASONS = re.compile(r"^\W{0,4}(?:Inasmuch as|In view of|In light of|Accordingly|Therefore|For this reason)\b")
_OCR_IS = re.compile(r"(?:(?<=\b[Hh]e )|(?<=\b[Ss]he )|(?<=\b[Ii]t )|(?<=\bwho )|(?<=\bwhich ))ts\b")
_SPEECH_IN_CAPITALS = re.compile(r"\b(?:SAID|STATED|TOLD|ADVISED|ASKED|REPLIED|REMARKED|CLAIMED|ADDED|DECLARED"
                                 r"|EXPLAINED|REPORTED|COMMENTED|INDICATED|REVEALED|ALLEGED|CONFIRMED|DESCRIBED)\b")
_CAPITALS_NAME = re.compile(r"(?<![a-z]-)\b(?:Ma?c)?[A-Z]{3,}\b")      # not "anti-CASTRO"
# A page stamp or a stray OCR line: no word of three letters that ends a sentence or goes on.
_LETTER_WORD = re.compile(r"[A-Za-z]{3,}")
_FRAGMENT_END = re.compile(r"[.!?:;\"')\]]\W{0,3}$")


def _ocr_repaired(para: str) -> str:
    """The paragraph with the OCR slips above and surnames printed in capitals ('McCONE stated',
    'CARTER') written as names, so that the rules of conversation read them; same length."""
    para = _OCR_MC.sub(_mc_name, para)
    para = _OCR_HONORIFIC.sub(lambda m: m.group(1) + " ", para)      # "Dr.' Killian": a stray quote
    para = _OCR_HONORIFIC_COMMA.sub(lambda m: m.group(1) + ".", para)  # 'Mr, McCone said'
    para = _OCR_PARTICLE_QUOTE.sub(lambda m: f" {m.group(1)} ", para)   # 'pointed "out that': a stray quote
    para = _OCR_FIRST_PERSON.sub(lambda m: m.group(1) + "I", para)
    para = _OCR_ITEM_I.sub(lambda m: m.group(1) + "I".ljust(len(m.group(2))), para)
    para = _repaired_report_verbs(para)
    para = _OCR_IS.sub("is", para)                                      # 'he ts currently reported'
    para = _OCR_SAID.sub("said", para)                                  # 'satd that'
    para = _OCR_COMMA_STOP.sub(". ", para)                              # 'to him, In this connection he asked'
    para = _OCR_STRAY_QUOTE.sub("  ", para)                             # "According to ' Bubject"
    para = _OCR_SUBJECT_STOP.sub("Subject", para)                       # 'Subjec. appended'
    letters = re.findall(r"[A-Za-z]", para)
    if letters and sum(c.isupper() for c in letters) < 0.5 * len(letters):
        para = _CAPITALS_NAME.sub(_capitals_as_name, para)
    elif mostly_capitals(para) and _SPEECH_IN_CAPITALS.search(para):
        # a cable in capitals ('LOMBARDO TOLD ROMERO HE WANTED'): read as a report prints it,
        # surnames in capitals ('LOMBARDO told ROMERO he wanted')
        para = recased(para, keep=lambda word: names_registry_person(_mc_title(word)))
    return para


def _mc_name(match: re.Match) -> str:
    """'MeCone', 'HeCone' -> 'McCone' where that is a name the registry knows."""
    end = re.match(r"[A-Za-z]+", match.string[match.end():])
    word = "Mc" + (end.group() if end else "")
    return "Mc" if names_registry_person(word) else match.group()


def _capitals_as_name(match: re.Match) -> str:
    word = match.group()
    prefix = re.match(r"Ma?c", word)
    shown = (prefix.group() + word[prefix.end():].capitalize()) if prefix else word.capitalize()
    return shown if names_registry_person(shown) and not is_office(word) else word


def _is_stray_line(para: str) -> bool:
    """'13-00000', 'c GS', 'H |', 'Yate. 14-0000': page furniture, not a piece of the text."""
    words = _LETTER_WORD.findall(para)
    return len(words) < 2 and not (words and _FRAGMENT_END.search(para) and para.rstrip()[-1:] in ".!?")


# The typist's line alone: the writer's initials and the typist's ('JAM/ji (taped)', 'JAM:mcm').
_TYPIST_ALONE = re.compile(r"^\W{0,3}[A-Z]{2,4}\s?[:/]\s?[a-z]{2,4}\b\W*(?:\(?\w+\)?\W*)?$")
_CLEAN_WORD = re.compile(r"^(?:[A-Za-z][a-z'\-]*|[$\d][\d,.$%]*)[.,;:!?)]?$")


_DCI_APPOSITIVE = re.compile(r"\bMr\.\s+(?P<name>(?:Ma?c)?[A-Z][A-Za-z']+),\s+the\s+Direct\w{1,3}\s+of\s+Central\s+Intelligence")
# A numbered item of a memorandum for the record that opens with the writer's act and no subject:
# '1. Reviewed the Checklist.', '5. Briefly reviewed the final report ...', '4. Reported to the
# President ...': the writer is its subject ('I' is put in for the reading).
_WRITERS_ACT = re.compile(
    r"^(\W{0,4}(?:\d{1,3}\s+)?(?:\d{1,2}|[a-h])[.,]\s*\W{0,3})(?=(?:(?:Briefly|Also|Then|Later|Again|Next)\s+)?(?:Reviewed|Reported"
    r"|Explained|Discussed|Introduced|Advised|Stated|Told|Informed|Briefed|Raised|Suggested|Urged|Recommended|Noted"
    r"|Pointed|Emphasized|Mentioned|Described|Outlined|Requested|Asked|Showed|Gave|Presented|Called|Expressed"
    r"|Referred|Commented|Observed|Remarked|Proposed|Handed|reviewed|reported|explained|discussed)\b)")
# OCR's readings of 'I' after an item number or at a sentence start: 'fi advised', 'LI offered',
# 'Gi expect', 'ff: noted', '[i advised', 'i pointed out' (each kept at its length).
_OCR_ITEM_I = re.compile(r"(^\W{0,4}(?:\d{1,2}[.,]\s*)?\W{0,3})(fi|ff:|Gi|LI|Ll|Il|i|l|1)(?=\s+[a-z]+(?:ed|ect|eel|elt|ink|old|aid|ave|ish)\b)")
_SOMEONE_TITLED = re.compile(r"\b(?:Mr|Mrs|Dr|Gen|General|Secretary|Ambassador|Senator|Admiral|Governor)\b")


_CUT_CLAUSE = re.compile(r"(?:\w[\-~—]|\b(?:that|the|of|to|and|a|an|by|with|for|which|who|whom|Vice|Mr\.))\W{0,2}$")


def _opens_mid_sentence(para: str) -> bool:
    """'in his mission to Pakistan. ...': a paragraph that opens in lower case goes on with a sentence."""
    opening = re.sub(r"^[\W\d_]{0,6}", "", para)
    if re.match(r"^[a-z]\W+[A-Z]{2,}\b", opening):
        return False                                   # 'a MALONE advised': a stray letter of OCR debris
    return bool(opening) and opening[:1].islower()


def _garbled(para: str) -> bool:
    """OCR noise ('— Lom) hemes te ma" mM'): fewer than three in four of its words are clean."""
    tokens = [t for t in para.split() if re.search(r"\w", t)]
    return not tokens or sum(bool(_CLEAN_WORD.match(t)) for t in tokens) < 0.75 * len(tokens)


# Sources named by code in intelligence reports. A CIA cryptonym with its number ('AMBANG-1', by OCR
# 'AMBANG-]', 'AMBANG-!', 'AMBANG-1]', 'AMBANG-I!'), its short form once the text uses it ('A-1',
# 'A-]': the one cryptonym of that letter and number), and an FBI informant's symbol (office letters,
# 'T-', number: 'MM T-1', by OCR 'MK T-1') are each a person, named as printed with the OCR undone.
_OCR_ONE = r"[\]\}\)!|lI]"
_CRYPTONYM = re.compile(rf"(?<![\w/\-])(?P<word>[A-Z]{{5,8}})\s?-(?P<num>\d{{1,2}}(?!\d)|{_OCR_ONE})(?:[\]!])?(?![A-Za-z0-9\-])")
_CRYPTONYM_SHORT = re.compile(rf"(?<![\w/\-])(?P<letter>[A-Z])-(?P<num>\d(?!\d)|{_OCR_ONE})(?:[\]!])?(?![A-Za-z0-9\-])")
_INFORMANT_CODE = re.compile(r"(?<![\w/\-])(?P<office>[A-Z]{2})\s?T\s?-\s?(?P<num>\d{1,2})(?!\d)")
# A surname printed in capitals, as FBI reports print every name ('MALONE advised that KLEBERG told
# him ...') at a sentence's opening: a run of capitalized words; not an acronym (fewer than five letters
# or two vowels: 'JURE', 'NPIC', 'MAGV'), nor one the text spells out in parentheses ('(FPCC)').
_CAPITALS_RUN = re.compile(r"(?<![\w'’])(?<!\w-)(?P<run>(?:Ma?c)?[A-Z]{4,}(?:\s+(?:Ma?c)?[A-Z]{2,}){0,2})(?![\w'’\-])")
# Where a surname in capitals opens a sentence: after OCR debris ('a MALONE advised', '| MALONE'),
# a date ('On April 10, 1963,') or an adverb; not in a list of bodies ('MAGV nor CIA maintained').
# Also 'According to TEPEDINO,' and OCR brackets round the name ('; | (ZEPEDING] thereupon'). An
# analyst's chronology of a source's statements opens each entry with its date ('6 April 1964:', 'J 8
# April 1964:' with OCR debris), often then a participle ('Confronted with the above inconsistencies,').
_DATED_ENTRY = (r"(?:[A-Z]\s)?(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September"
                r"|October|November|December)\s+\d{4}:\s*")
_DATED_ENTRY_OPENING = re.compile(rf"^\W{{0,4}}{_DATED_ENTRY}")
_SENTENCE_OPENING = re.compile(rf"\W{{0,4}}(?:[a-z]\W{{1,3}})?(?:{_DATED_ENTRY})?"
                               r"(?:(?:On|In|During|At|Later|Also|After)\s[^,;]{1,40},\s*)?"
                               r"(?:[A-Z][a-z]+ed\s+(?:with|by|about)\s[^,;]{1,60},\s*)?"
                               r"(?:\w+ly,?\s+)?(?:[Aa]ccording\s+to\s+)?[\[({|\-]?")   # OCR: ', -NOSENKO prepared'
# A clause of its own inside a sentence: 'ROBLEJO telephonically contacted BETANCOURT, during which
# conversation ROBLEJO indicated he ...'.
_CLAUSE_OPENING = re.compile(r",\s+(?:during|at|in)\s+which\s+(?:conversation|meeting|call|interview|time)\s+$")
_LISTED_WITH = re.compile(r"^,?\s+(?:and|or|nor)\s+[A-Z]{2,}\b")
# 'Subject expressed confidence': an informant or contact report's subject person, whom it does not name.
_REPORT_SUBJECT = re.compile(r"(?<![\w:])[SB]ubject(?!\s*:)\b")
# A report verb right after 'Source' or 'Subject': he is its subject, whatever OCR debris comes before.
_REPORT_VERB_FOLLOWS = re.compile(r"\s+(?:further\s+|also\s+)?(?:advised|stated|said|informed|related|described"
                                   r"|believes|feels|added|indicated|reported)\s")
# 'Source said that ...', 'This source advised': the person whose account the report gives (not 'a
# previous source reported', 'Source:' as a heading).
_REPORT_SOURCE = re.compile(r"(?<![\w:])(?:(?:[Tt]his|[Tt]he)\s+source|Source)(?!\s*:)\b")
# A pluperfect speech verb and then, coordinated, a plain past one: the record's own talk.
_EARLIER_THEN_STATED = re.compile(rf"^\s+had\s+(?:\w+ly\s+)?\w+ed\b[^;:]{{0,200}}?,\s+and\s+(?:then\s+|also\s+)?"
                                  rf"(?:stated|said|added|explained|reported|indicated)\s+that\b")
# How an FBI report gives what a named source told (besides the speech verbs): 'related', 'confided'.
_SOURCE_TELLS = re.compile(r"^[\])}|]?\s+(?:also\s+|further\s+|thereupon\s+|then\s+|later\s+)?(?:related|confided)\b")
# Report verbs the OCR misspelled ('igformed', 'ddvieed', 'expreased', 'ebated', 'ciated'), read
# after a source's name or code; 'briefed' is the case officer's telling (read as 'advised').
_REPORT_VERBS = ("advised", "stated", "informed", "explained", "expressed", "related", "furnished",
                 "said", "added", "indicated", "reported", "claimed", "revealed", "alleged", "confirmed")
_AFTER_SOURCE = re.compile(r"(?:[A-Z]{4,}|[A-Z]-\S{1,2}|T-\d{1,2}|\b[Hh]e|\bI|,)\s+(?:further\s+|also\s+)?(?P<verb>[a-z@]{4,10})\b(?P<rest>\s+\w+)?")

# A paragraph that introduces a document quoted over the paragraphs after it ('decided upon a Public
# statement which reads as follows:').
_INTRODUCES_QUOTATION = re.compile(
    r"\b(?:statement|declaration|communiqu\w+|announcement|resolution|memorand\w*|letter|telegram|note|text|report"
    r"|message|cable|release)\b[^.]{0,200}?(?:\bas follows\b|\bthe following\b|\breads?\b)[^.]{0,40}:\s*$", re.IGNORECASE)

# The writer going to the meeting ('the undersigned went to New York', 'I had a short session at the
# FBI office'): the frame of a contact report, not its writer's talk.
_WRITER_GOES = re.compile(r"\b(?:I|[Tt]he undersigned|[Ww]e)\s+(?:\w+ly\s+|then\s+|also\s+)*(?:went|travell?ed|flew|drove"
                          r"|arrived|met(?:\s+with)?|had\s+(?:a|an)\s+(?:\w+\s+)?(?:session|meeting|talk|conversation"
                          r"|interview))\b")


def _closes_quotation(para: str) -> bool:
    """A paragraph that ends a quotation: a closing mark at its end ('ANTONIO SILIO, Secretary "')."""
    body = para.strip()
    return bool(re.search(r"[\"”]\W{0,2}$", body)) and (body.count('"') + body.count("”")) % 2 == (
        0 if re.match(r"^\W{0,3}[\"“]", body) else 1)


def _code_number(num: str) -> str:
    return num if num.isdigit() else "1"              # ']', '!', 'l', 'I': a 1 the OCR misread


def _near(a: str, b: str, most: int) -> bool:
    """Same length, at most `most` letters off (two letters swapped count as one)."""
    if len(a) != len(b) or a == b:
        return False
    cost, i = 0, 0
    while i < len(a):
        if a[i] != b[i]:
            swapped = i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i]
            cost, i = cost + 1, i + (2 if swapped else 1)
        else:
            i += 1
    return cost <= most


def _one_letter_dropped(short: str, word: str) -> bool:
    """'EPEDINO' for 'TEPEDINO': the OCR lost one letter of the word."""
    return len(word) == len(short) + 1 and any(word[:i] + word[i + 1:] == short for i in range(len(word)))


def _report_verb(word: str, rest: str) -> str | None:
    """The report verb an OCR'd word stands for: one letter off, or two before 'that'."""
    if word in _REPORT_VERBS:
        return None
    most = 2 if rest.strip() in ("that", "Ghat", "thet", "chat") and len(word) >= 6 else 1
    found = [v for v in _REPORT_VERBS if _near(word, v, most)]
    return found[0] if len(found) == 1 and len(word) >= 5 else None


def _repaired_report_verbs(para: str) -> str:
    """'MM T-2 ... ddvieed that', 'MALONE ebated that', 'I briefed Subject': same length."""
    def fix(match: re.Match) -> str:
        word = match.group("verb")
        if word == "briefed":
            new = "advised"
        else:
            new = _report_verb(word, match.group("rest") or "")
        if not new:
            return match.group()
        start = match.start("verb") - match.start()
        return match.group()[:start] + new + match.group()[start + len(word):]
    return _AFTER_SOURCE.sub(fix, para)


# A person's full name in capitals: given names, then one or two surnames ('JORGE RAUL ROBLEJO LORIE').
_FULL_NAME_CAPITALS = re.compile(r"(?<![\w'’\-])[A-Z]{3,}(?:[ \t]+[\"“]?[A-Z]{3,}){1,3}(?![\w'’\-])")


class _CodeNames:
    """The cryptonyms, informant codes and capitalized surnames of one release file, with their
    OCR variants mapped to the form the file prints most."""

    def __init__(self, text: str):
        self.cryptonyms = Counter(f"{m.group('word')}-{_code_number(m.group('num'))}" for m in _CRYPTONYM.finditer(text))
        self.offices = Counter(m.group("office") for m in _INFORMANT_CODE.finditer(text))
        self.capitals = Counter(w for w in re.findall(r"(?<![\w'’\-])[A-Z]{4,}(?![\w'’\-])", text))
        self.abbreviations = set(re.findall(r"\(([A-Z]{2,})\)", text))
        self.text = text
        self._full_names: dict[str, str | None] = {}

    def cryptonym(self, word: str, num: str) -> str:
        return f"{word}-{_code_number(num)}"

    def short_form(self, letter: str, num: str) -> str | None:
        found = [c for c in self.cryptonyms if c[0] == letter and c.endswith("-" + _code_number(num))]
        return found[0] if len(found) == 1 else None

    def informant(self, office: str, num: str) -> str:
        if self.offices[office] * 2 <= max(self.offices.values(), default=0):
            office = next((o for o, _ in self.offices.most_common() if _near(office, o, 1)), office)
        return f"{office} T-{num}"

    def surname(self, word: str) -> str:
        """'HALOUE' once in a file that prints 'MALONE' often: the same name misread."""
        if self.capitals[word] <= 1:
            most = 1 if len(word) < 6 else 2
            near = [w for w, n in self.capitals.most_common() if (n >= 3 or n == 2 and len(word) >= 8) and (
                _near(word, w, most) or (len(word) >= 6 and _one_letter_dropped(word, w)))]
            if len(near) == 1:
                word = near[0]
        return word

    def full_name(self, word: str) -> str | None:
        """'SERGIO OSWALDO "BETANCOURT COLLAZO' for 'BETANCOURT': the one full name in capitals the file
        prints with that surname last, or before a second (a Spanish mother's) surname."""
        if word not in self._full_names:               # each surname once: a long release names many often
            self._full_names[word] = self._find_full_name(word)
        return self._full_names[word]

    def _find_full_name(self, word: str) -> str | None:
        found = set()
        for match in _FULL_NAME_CAPITALS.finditer(self.text):
            words = re.sub(r"[\"“”]", " ", match.group()).split()
            while words and (words[0].lower() in common_words() or words[0].capitalize() in _CALENDAR_WORDS):
                words = words[1:]                      # 'ON 12 FEBRUARY VICENTE LOMBARDO TOLEDANO' in a cable
            if any(w.lower() in common_words() for w in words):
                continue                               # 'ROMERO REMARKED THAT LOMBARDO': a cable's sentence
            if word in words[1:] and words.index(word, 1) >= len(words) - 2 and all(
                    self.is_name(w) or self.is_forename(w, i, words) for i, w in enumerate(words)):
                found.add(" ".join(words))
        found = {f for f in found if not any(o != f and o.startswith(f + " ") for o in found)}
        return found.pop() if len(found) == 1 else None   # 'VICENTE LOMBARDO' within 'VICENTE LOMBARDO TOLEDANO'

    def is_name(self, word: str) -> bool:
        return not (word in self.abbreviations or word.capitalize() in _NOT_NAMES or is_office(word)
                    or len(word) < 5 or len(re.findall(r"[AEIOUY]", word)) < 2 or word.lower() in _CODE_NAME_STOPS)

    def is_forename(self, word: str, index: int, words: list[str]) -> bool:
        """'JOHN' in 'JOHN CASSERLY': a short given name before a surname the run ends with."""
        return index < len(words) - 1 and self.is_name(words[-1]) and bool(re.search(r"[AEIOUY]", word)) and not (
            word in self.abbreviations or word.lower() in _CODE_NAME_STOPS or is_office(word))


def _mc_title(word: str) -> str:
    prefix = re.match(r"Ma?c(?=[A-Z])", word)
    return prefix.group() + word[prefix.end():].capitalize() if prefix else word.capitalize()


# A newspaper or broadcast as the subject that reports ('This article stated that', 'In this article it
# was stated', 'Miami radio news broadcasts announced').
_PRESS_SUBJECT = re.compile(
    r"\b(?:[Tt]his|[Tt]he|[Tt]hat)\s+(?:[\w\"]+\s+){0,2}?(?:article|issue|newspaper|editorial|column|story|headline"
    r"|broadcasts?|newscasts?)\b[^.;]{0,80}?\b(?:stated|said|says|states|reported|reports|announced|claimed|went on)\b"
    r"|\b(?:radio|news)\s+(?:news\s+)?broadcasts?\s+(?:announced|reported|stated|said)\b"
    r"|\b[Ii]n\s+(?:this|the)\s+(?:article|broadcast|editorial|column)\s+it\s+was\b")


# Capitalized words that are not surnames where reports print them at a sentence's start.
_CODE_NAME_STOPS = frozenset("""
note subject secret confidential memorandum the this that these page copy file cuba cuban miami
washington york havana director bureau office council committee president government attachment
distribution enclosure reference
""".split())


# A surname in capitals that ends a paragraph as the subject of a new clause ('... and BETANCOURT').
_ENDING_SUBJECT = re.compile(r"(?:^|[.;]\s+|\b(?:and|but)\s+)(?P<name>(?:Ma?c)?[A-Z]{4,})\W{0,2}$")


class _MemorandumConversation(Conversation):
    """One memorandum of a release: OCR slips repaired before the rules of conversation read it."""

    held_he: str | None = None                         # whom 'He' meant before a stray line or a fragment
    last_source: str | None = None                     # the last person other than the writer who spoke
    last_voice: str | None = None                      # who speaks in the last sentence so far
    last_para: str = ""

    def __init__(self, record: DocumentRecord):
        self.codes = _CodeNames(record.text or "")
        super().__init__(record)

    def mentions(self, sentence: str) -> list[Mention]:
        """Also the sources an intelligence report names by code or by a surname in capitals."""
        found = super().mentions(sentence)
        added: list[Mention] = []
        for start, end, ref in self._code_mentions(sentence):
            found = [m for m in found if not (m.start < end and start < m.end)]   # the code is the whole name
            added.append(Mention(start, end, ref, _eligible(sentence, start), True))
        for start, end, ref in self._subject_mentions(sentence):
            found = [m for m in found if not (m.start < end and start < m.end and m.ref.startswith(UNKNOWN))]
            if not any(m.start < end and start < m.end for m in found + added):   # ('Source' read as a surname)
                eligible = _eligible(sentence, start) or bool(_REPORT_VERB_FOLLOWS.match(sentence[end:])
                                                              or _MANS_ACCOUNT.match(sentence[end:]))
                added.append(Mention(start, end, ref, eligible, ref != "he"))   # 'piwe 7 ana Source stated'
        taken = [(m.start, m.end) for m in found + added]
        for start, end, ref in self._capital_mentions(sentence):
            if not any(s < end and start < e for s, e in taken):
                added.append(Mention(start, end, ref, True, True))
        return sorted(found + added, key=lambda m: m.start)

    def _code_mentions(self, sentence: str):
        for match in _CRYPTONYM.finditer(sentence):
            yield match.start(), match.end(), self.codes.cryptonym(match.group("word"), match.group("num"))
        for match in _CRYPTONYM_SHORT.finditer(sentence):
            name = self.codes.short_form(match.group("letter"), match.group("num"))
            if name:
                yield match.start(), match.end(), name
        for match in _INFORMANT_CODE.finditer(sentence):
            yield match.start(), match.end(), self.codes.informant(match.group("office"), match.group("num"))
    def _attribution_kind(self, sentence: str, mention: Mention, later: list[Mention]) -> str | None:
        """Also the reports' formulas: 'MM T-1, a former Cuban business executive, who has furnished
        reliable information in the past, advised that'; 'made it exceedingly clear', 'gave me to
        believe', 'gave me the following addresses'; and not 'KLEBERG informed him', words told to
        someone other than the writer (relayed by the one they were told to)."""
        after = sentence[mention.end:]
        if mention.eligible and mention.named and not mention.ref.startswith("?") and re.match(
                r"^\s+(?:\w+ly\s+)?(?:told|informed|advised|assured)\s+(?:him|her)\b", after):
            return "relayed"
        if mention.named and _PASSIVE_AGENT_APPOSED.search(sentence[:mention.start]):
            return None                                # 'was referred to me by the SAS Security Officer, Mr.
                                                       # George Iadner, and visited me': the agent, apposed
        kind = super()._attribution_kind(sentence, mention, later)
        if kind == "relayed" and _EARLIER_THEN_STATED.match(after):
            kind = "main"                              # 'Mr. Foley had questioned DCI concerning ..., and
                                                       # stated that': he spoke at the meeting recorded
        if not kind and self._reports_man(mention.ref):
            kind = self._report_formula(after, mention.eligible)
        if not kind and mention.eligible and mention.named and (self.record.extra or {}).get("source_report") \
                and _SOURCE_TELLS.match(after):
            kind = "main"                              # 'BETANCOURT related he met ...', 'X thereupon confided'

        if kind or not mention.eligible or mention.ref.startswith("?"):
            return kind
        if re.match(r"^\s+(?:\w+ly\s+)?(?:made\s+it\s+(?:\w+ly\s+)?clear|gave\s+(?:me|us)\s+(?:to\s+(?:believe|understand)"
                    r"|the\s+following))\b", after):
            return "main"
        appositive = re.match(rf"^(?:\s*\([^()]{{1,40}}\))?,\s[^;:\"]{{0,400}}?,[\s'‘’|]{{1,5}}(?:\w+ly\s+)?"
                              rf"(?:{'|'.join(_REPORT_VERBS)})\s+(?:on\s+[^;]{{3,30}}?,\s+|in\s+(?:a\s+)?(?:private|confidential)\s+[^;]{{3,90}}?\s+)?that\b", after)
        # 'JOHN CASSERLY (protect identity), correspondent for ..., advised on July 11, 1965, that'
        if appositive and not any(m.eligible and m.named and mention.end < m.start < mention.end + appositive.end()
                                  for m in later):
            return "main"
        return None

    def _writers_clause(self, other: str | None, para: str) -> bool:
        """A paragraph where the writer acts ('I selected the following:') or, beside a contact report's
        man, states something ('We are listing them below'): not a piece of the other's account."""
        repaired = _ocr_repaired(para)
        return other != self.author and bool(_WRITER_ACTS.search(repaired) or (
            self._reports_man(other) and _WRITER_STATES.search(repaired)))

    def _reports_man(self, ref: str) -> bool:
        extra = self.record.extra or {}
        return bool(ref) and ref in (extra.get("report_subject"), extra.get("report_source"))

    @staticmethod
    def _report_formula(after: str, eligible: bool) -> str | None:
        """How contact reports give their man's account: 'Subject alleges that', 'Subject assesses him
        as', 'Subject sus- pects that', 'Subject obtained the impression that'."""
        return "main" if eligible and _MANS_ACCOUNT.match(after) else None

    def _writers_own(self, para: str, refs: set) -> bool:
        """Not the writer's account of going to the meeting ('the undersigned went to New York ...,
        I had a short session at the FBI office ... and we then met with the informant'): framing."""
        para = _CRYPTONYM.sub(lambda m: " " * len(m.group()), para)          # the 'I' of 'AMBANG-I' is no writer
        first = (_sentences(_ocr_repaired(para)) or [""])[0]
        return super()._writers_own(para, refs) and not _WRITER_GOES.search(first)

    def _subject_mentions(self, sentence: str):
        """'Subject' is the person the report's SUBJECT line names, 'Source' the one it says was
        interviewed (corpus.readers.frontmatter: `report_subject`, `report_source`); a report that
        names no interviewee means by 'This source' or 'Source' the last person whose words it gave
        ('JOHN CASSERLY ... advised ...; This source advised ...'), else 'he'."""
        extra = self.record.extra or {}
        for match in _REPORT_SUBJECT.finditer(sentence):
            if not re.match(r"['’]s\b", sentence[match.end():]):
                yield match.start(), match.end(), extra.get("report_subject") or f"{UNKNOWN}:subject"
        for match in _REPORT_SOURCE.finditer(sentence):
            if not re.match(r"['’]s\b", sentence[match.end():]):
                yield match.start(), match.end(), extra.get("report_source") or self.last_source or "he"

    def _capital_mentions(self, sentence: str):
        letters = re.findall(r"[A-Za-z]", sentence)
        if not letters or sum(c.isupper() for c in letters) >= 0.5 * len(letters):
            return                                     # a heading or a line in capitals
        one = _ONE_NAMED.match(sentence)               # 'One Eduardo Tomas TORRES Ramos said that'
        if one:
            name = " ".join(_mc_title(w) if w.isupper() else w for w in one.group("name").split())
            yield one.start("name"), one.end("name"), self._by_name(name)
        for match in _CAPITALS_RUN.finditer(sentence):
            words = match.group("run").split()
            opens = _SENTENCE_OPENING.fullmatch(sentence[:match.start()]) or _CLAUSE_OPENING.search(sentence[:match.start()])
            if not opens or not all(
                    self.codes.is_name(w) or self.codes.is_forename(w, i, words) for i, w in enumerate(words)
                    if len(w) >= 4) or _LISTED_WITH.match(sentence[match.end():]):
                continue                               # 'MAGV nor CIA', 'the JURE', 'Operation MONGOOSE'

            words[-1] = self.codes.surname(words[-1])
            words = (self.codes.full_name(words[0]) or words[0]).split() if len(words) == 1 else words
            name = " ".join(_mc_title(w) for w in words)
            yield match.start(), match.end(), self._by_name(name)

    def sentence_attributions(self, sentence: str) -> tuple[list[Attribution], bool]:
        """A newspaper or broadcast that reports ('This article stated that ... CASTRO told Cubans'):
        the press's words, a document's content, nobody's speech at the meeting. An entry of an
        analyst's chronology ('February 1964: After his defection ..., NOSENKO prepared ...') is read
        without its date, so that the clause after it opens the sentence."""
        press = _PRESS_SUBJECT.search(sentence)
        if press and press.start() < 60:
            self.last_subject = None
            return [Attribution(DOCUMENT, "main", press.start())], False
        dated = _DATED_ENTRY_OPENING.match(sentence)
        if dated and dated.end() < len(sentence):
            found, binds_i = self.sentence_attributions(sentence[dated.end():])
            if self.last_subject and self.last_subject.named and not self.last_subject.ref.startswith("?"):
                self.seen.add(self.last_subject.ref)   # the entry's subject: the 'He' of what follows
            return [Attribution(a.ref, a.kind, a.start + dated.end()) for a in found], binds_i
        return super().sentence_attributions(sentence)

    def paragraph(self, para: str, state: dict) -> tuple[str | None, set]:
        """Also: 'He' at the opening of the paragraphs of a memorandum ('1. He indicated ...',
        '2. He stated ...') is still the one person last spoken of, across the page stamps and
        sentence pieces between them that name nobody; and a piece that ends the writer's
        sentence before someone else speaks ('in his mission to Pakistan. The President
        expressed ...') holds two speakers."""
        repaired = _ocr_repaired(para)
        if state.get("he") is None and self.held_he:
            state["he"] = self.held_he
        mid_sentence = _opens_mid_sentence(repaired) or (
            bool(self.last_para) and not _FRAGMENT_END.search(self.last_para.rstrip())
            and not re.match(r"^\W{0,3}\d{1,2}[.,]\s", repaired))
        dangling = self._dangling_subject(repaired) if mid_sentence else None
        carried = dangling or (self.last_voice if mid_sentence else None)
        # '... KLEBERG told him that Vice~' / 'President JOHNSON stated that ...': a clause cut by the
        # page goes on, as a line in lower case does
        goes_on = _opens_mid_sentence(repaired) or bool(mid_sentence and _CUT_CLAUSE.search(self.last_para))
        self.last_para = repaired
        writers_act = bool(_WRITERS_ACT.match(repaired))
        speaker, refs = super().paragraph(_WRITERS_ACT.sub(r"\1I ", repaired, count=1), state)
        if writers_act and speaker is None and self.author and not refs - {AUTHOR, self.author}:
            speaker, refs = self.author, refs | {self.author}
        if goes_on and speaker and speaker != carried and self._opens_with_attribution(repaired):
            speaker = None                             # 'in this regard he asked ...': the line goes on
                                                       # with a sentence whose subject is above
        named = any(m.named and not m.ref.startswith("?") for m in self.mentions(repaired))
        if state.get("he"):
            self.held_he = state["he"]
        elif refs or named:
            self.held_he = None
        voice = self._last_voice(repaired, state)
        if speaker and not speaker.startswith("?") and speaker != self.author:
            self.last_source = speaker
            if _WRITERS_COMMENT.search(repaired) or (self._reports_man(speaker) and _WRITER_STATES.search(repaired)) or (
                    _WRITER_ACTS.search(repaired)):
                speaker = None                         # '... Source said that ... Comment: A previous source
                                                       # reported that ...': the writer's note joins him;
                                                       # 'we do not have ..., Subject indicated': both speak;
                                                       # 'I assigned the case ..., he reported that': both act
        if carried and speaker and carried != speaker and self._first_sentence_unattributed(repaired):
            speaker = None
        if dangling and speaker is None and not refs - {dangling}:
            speaker, refs = dangling, refs | {dangling}   # '... and BETANCOURT' / "'indicated to ROBLEJO ..."
        self.last_voice = voice or (carried if not refs else None)
        return speaker, refs

    def _dangling_subject(self, para: str) -> str | None:
        """The person named at the very end of the last paragraph ('Almost immediately, the topic was
        changed and BETANCOURT') when this one opens with his speech verb ("'indicated to ROBLEJO he
        had to leave"): the page cut the sentence between its subject and its verb."""
        if not re.match(rf"^\W{{0,3}}(?:also\s+|further\s+|then\s+)?(?:{_VERB_ALT}|related|confided)\b", para):
            return None
        end = _ENDING_SUBJECT.search(self.last_para.rstrip())
        if not end or not self.codes.is_name(end.group("name")):
            return None
        word = self.codes.surname(end.group("name"))
        return self._by_name(" ".join(_mc_title(w) for w in (self.codes.full_name(word) or word).split()))

    def _by_title(self, title: str) -> str:
        """'the DCI' of an undated record: the person the record itself calls the Director of
        Central Intelligence ('Mr. McCone, the Director of Central Intelligence')."""
        found = super()._by_title(title)
        if found == UNKNOWN and alias_key(title) in ("director of central intelligence", "director"):
            named = {canonical_name(m.group("name"), self.hints, self.on)
                     for m in _DCI_APPOSITIVE.finditer(_ocr_repaired(self.record.text[:60000]))}
            return named.pop() if len(named) == 1 else found
        return found

    def _continues(self, para: str, previous: str, in_list: bool = False) -> bool:
        """Not where the OCR hid the person a title names ('Mr, .Pace .asked'), nor in noise, nor
        the office's own reasoning ('Inasmuch as RIVERO is reported to be ..., no further action')."""
        repaired = _ocr_repaired(para)
        if _OFFICE_REASONS.match(repaired) or self._writers_clause(previous, para):
            return False                               # 'We are listing them below': the writer, not his man
        titled = [m.start() for m in _SOMEONE_TITLED.finditer(repaired)]
        read = [(m.start, m.end) for m in self.mentions(repaired)]
        if _garbled(repaired) or any(not any(s <= t < e for s, e in read) for t in titled):
            return False
        return super()._continues(para, previous, in_list)

    def _opens_with_attribution(self, para: str) -> bool:
        sentences = _sentences(para)
        found = self.sentence_attributions(sentences[0])[0] if sentences else []
        return any(a.start < 25 and not self._reports_man(a.ref) for a in found)   # 'result of this contact
                                                                                # Subject obtained': named

    def _first_sentence_unattributed(self, para: str) -> bool:
        sentences = _sentences(para)
        return len(sentences) > 1 and not self.sentence_attributions(sentences[0])[0]

    def _last_voice(self, para: str, state: dict) -> str | None:
        """Who speaks in the paragraph's last attributed sentence (the writer for 'I')."""
        voice = None
        for sentence in _sentences(para):
            attributions, _ = self.sentence_attributions(sentence)
            for attribution in attributions:
                ref = attribution.ref
                ref = self.author if ref == AUTHOR else (state.get("he") or self.held_he) if ref == "he" else ref
                voice = ref if ref and not ref.startswith("?") else None
        return voice

    def passages(self, spans) -> list[PassageRecord]:
        out = super().passages(spans)
        text = self.record.text
        last: PassageRecord | None = None              # the last piece of text before this one
        quoting = False                                # inside a document the report quotes
        for passage in out:
            para = text[passage.start:passage.end]
            if passage.kind == "text" and (quoting or self._opens_quoted_document(last, para)):
                passage.speaker = None                 # 'a Public statement which reads as follows:' "The Council ...
                quoting = not _closes_quotation(para)
                last = passage
                continue
            if passage.kind == "text" and _is_stray_line(para):
                passage.kind, passage.speaker = "note", None
                continue
            if passage.kind == "text" and _TYPIST_ALONE.match(para):
                passage.kind, passage.speaker = "signature", None   # 'JAM/ji (taped)'
                continue
            if passage.kind != "text":
                continue
            if passage.speaker is None and last is not None and last.speaker and self._carries_on(
                    text[last.start:last.end], para) and not self._writers_clause(last.speaker, para):
                passage.speaker = last.speaker         # (not 'them. We are listing them below': the writer)
            last = passage
        labelled_lines(self, out)                      # a log of calls, an interrogation report
        return out

    def _opens_quoted_document(self, last: PassageRecord | None, para: str) -> bool:
        """The first paragraph of a document quoted over several paragraphs (each opens with a
        quotation mark, the last closes it) after the paragraph that introduces it."""
        return bool(last and re.match(r"^\W{0,3}[\"“]", para) and not _closes_quotation(para)
                    and _INTRODUCES_QUOTATION.search(self.record.text[last.start:last.end].rstrip(" :.;\n") + ":"))

    def _carries_on(self, before: str, para: str) -> bool:
        """Whether `para` is a piece of the sentence `before` began ('in thie matter and expressed
        great surprise ...' after 'I told him that Mr. Donovan had been told to do absolutely
        nothing'): it opens in lower case, or `before` stops mid-sentence, and it names nobody."""
        opening = re.sub(r"^[\W\d_]{0,6}", "", para)
        if not opening or _LIST_ITEM.match(para) or re.match(r"^\d{1,2}[.,]\s", para) or _garbled(para):
            return False
        if not (opening[:1].islower() or not _FRAGMENT_END.search(before.rstrip())):
            return False
        repaired = _ocr_repaired(para)
        if _SOMEONE_TITLED.search(repaired):
            return False                               # 'Mr, .Pace .asked': a person the OCR hid
        return not any(m.named or m.ref == "he" for m in self.mentions(repaired)) and not any(
            m.named for sentence in _sentences(repaired)[1:] for m in self.mentions(sentence))


def release_passages(record: DocumentRecord, spans) -> list[PassageRecord]:
    """Passages of a memorandum in an OCR'd release; in a compilation, each memorandum read as
    its own record (its date, its writer, its body) and the text between them given to nobody."""
    sections = (record.extra or {}).get("memoranda") or []
    if not sections:
        return _MemorandumConversation(record).passages(spans)
    out: list[PassageRecord] = []
    for s, e in spans:
        if s < sections[0]["start"]:
            out.append(PassageRecord(s, e, None, "header"))
    for section in sections:
        inner = [(s, e) for s, e in spans if section["start"] <= s < section["next"]]
        if inner:
            out.extend(_MemorandumConversation(_section_record(record, section)).passages(inner))
    return out


def _section_record(record: DocumentRecord, section: dict) -> DocumentRecord:
    """One memorandum of a compilation as a record: its own date, writer, title and body."""
    from dataclasses import replace
    from .dates import parse_date
    writer = [PersonRef(name=section["writer"], role="author", side="US")] if section.get("writer") else []
    extra = {key: value for key, value in (record.extra or {}).items() if key != "memoranda"}
    extra["body_span"] = [section["body"], section["end"]]
    day = parse_date(section["date"]) if section.get("date") else record.date
    return replace(record, participants=writer, date=day, title=section.get("title") or record.title,
                   extra=extra, passages=None)


def is_labelled_release(record: DocumentRecord) -> bool:
    """A record of an OCR'd archive release made of lines under printed labels ('LLAGOSTERA :',
    'NOSENKO:', 'Question:'): a log of intercepted calls or an interrogation report, read paragraph
    by paragraph as a memorandum (release_passages), never as a transcript of turns."""
    return bool((record.extra or {}).get("archive_release")) and _line_labels(record.text or "").layout


# --- Logs of calls and interrogation reports: lines under printed labels ---------------------------
# A log of intercepted calls prints each line under its speaker's label ('LLAGOSTERA : Says no.',
# 'Jorge ROJAS : Asks his wife ...', 'Cachita : Said yes'), or names the caller in parentheses ('CALLER
# (COTY) Asks ...'); an interrogation report quotes its exchanges ('Question: Which is the truth?',
# 'NOSENKO: After the death of STALIN ...'). In a record, unlike a transcript, each paragraph is its
# own passage: a labelled line is its label's person's, and so are the paragraphs that finish its
# sentence; an unnamed label ('CALLER :', "CONCEPCION's wife :") gives no speaker, an interrogator's
# ('Question:') gives Questioner as a transcript's 'Q.' does, and a
# paragraph where the OCR ran two speakers' lines together gives none either.
_LINE_LABEL = r"(?P<label>(?:[A-Z][a-z]+\s+)?(?:Ma?c)?[A-Z][A-Za-z\-]*[A-Za-z](?:['’]s(?:\s+[a-z]+)?)?)\s?:(?=\s|$)"
_OPENING_LABEL = re.compile(r"^\W{0,3}" + _LINE_LABEL)
_INNER_LABEL = re.compile(r"(?<=[.?!\"'~)]\s)" + _LINE_LABEL)
_CALLER_NAMED = re.compile(r"^\W{0,3}(?P<label>CALLER|Caller)\s+\((?P<inner>[^()\n]{1,40})\)")
_LABEL_NAME = re.compile(r"(?:[A-Z][a-z]+\s+)?(?:Ma?c)?[A-Z][A-Za-z\-]*[A-Za-z]")
# Labels of people the record does not name: the caller, the interrogator and his questions.
_UNNAMED_LABELS = frozenset("""
caller callers question questions q questioner interrogator interviewer answer voice operator unidentified
unknown female male woman man interpreter translator speaker
""".split())
# Field names and headings that look like labels ('SUBJECT :', 'VIA :', 'Comment:').
# Of those, an interrogator's or interviewer's: the speaker is Questioner, as for a transcript's 'Q.'.
_INTERROGATOR_LABELS = frozenset("question questions q questioner interrogator interviewer".split())
_FIELD_LABELS = frozenset("""
from to via attention attn date dated ref reference references re note notes comment comments item items
file files cc distribution action info information classification title page pages enclosure enclosures
attachment attachments summary background memorandum memo origin unit ext precedence routing secret
confidential approved release document documents control number copy copies office name signature remarks
purpose place time hour hours present participants agenda result results conclusion conclusions
recommendation recommendations requirement requirements target targets case station headquarters report
reports sender addressee tel telephone phone address street city country nationality born citizenship
occupation description traces indices identity identification dispatch cable telegram attachments also
january february march april may june july august september october november december monday tuesday
wednesday thursday friday saturday sunday the and but for in on at by with subject subjects source sources
agency originator they we he she it you were was
""".split())
_LOG_HEADING = re.compile(r"^\W{0,3}(?:ITEM|Item|PAGE|Page|HOUR|Hour)\b|\b\d{3,4}\s+hours\b")
_LABELLED_LAYOUT_LINES = 4                             # labelled lines that make a record a log


def _line_label_key(label: str) -> str:
    return re.sub(r"['’]s\b.*$", "", label).split()[-1].upper()


class _LineLabels:
    """The printed labels of one record's lines: which are people's, and the fullest form of each."""

    def __init__(self, text: str):
        found = []
        for para in (text[s:e] for s, e in paragraph_spans(text)):
            opening = _OPENING_LABEL.match(para)
            if opening:
                found.append((opening.group("label"), True))
            found += [(m.group("label"), False) for m in _INNER_LABEL.finditer(para)]
        self.counts = Counter(_line_label_key(label) for label, _ in found if not self._excluded(label))
        self.forms: dict[str, str] = {}
        for label, _ in found:
            key = _line_label_key(label)
            if not self._excluded(label) and not re.search(r"['’]s\b", label) and (
                    len(label.split()) > len(self.forms.get(key, "").split())):
                self.forms[key] = label
        opening_keys = [_line_label_key(label) for label, at_start in found if at_start and self.is_label(label)]
        self.layout = len(opening_keys) >= _LABELLED_LAYOUT_LINES and len(set(opening_keys)) >= 2

    @staticmethod
    def _excluded(label: str) -> bool:
        words = [w.lower() for w in re.sub(r"['’]s\b.*$", "", label).split()]
        return not words or any(w in _FIELD_LABELS for w in words)

    def is_label(self, label: str) -> bool:
        """A label of a line: a role, someone's relative, or a name printed as a label twice or more."""
        if self._excluded(label):
            return False
        key = _line_label_key(label)
        return key.lower() in _UNNAMED_LABELS or bool(re.search(r"['’]s\b", label)) or self.counts[key] >= 2

    def person(self, label: str) -> str | None:
        """The name a label gives ('Jorge Rojas' for 'ROJAS'), None for an unnamed one."""
        if _line_label_key(label).lower() in _INTERROGATOR_LABELS:
            return QUESTIONER                          # as an unnamed 'Q.' of a transcript
        if re.search(r"['’]s\b", label) or _line_label_key(label).lower() in _UNNAMED_LABELS:
            return None
        form = self.forms.get(_line_label_key(label), label)
        return " ".join(_mc_title(w) if w.isupper() else w for w in form.split())

    def of_paragraph(self, para: str) -> list[str | None] | None:
        """The persons (None for unnamed) of the labels in a paragraph that opens with one, [] for a
        paragraph with labels only inside it, None for a paragraph with no label."""
        caller = _CALLER_NAMED.match(para)
        opening = _OPENING_LABEL.match(para)
        inner = [m.group("label") for m in _INNER_LABEL.finditer(para) if self.is_label(m.group("label"))]
        if caller:
            named = caller.group("inner").strip()
            first = (named if _LABEL_NAME.fullmatch(named) and not self._excluded(named)
                     and named.lower() not in _UNNAMED_LABELS else None)
            return [first and self.person(named)] + [self.person(label) for label in inner]
        if opening and self.is_label(opening.group("label")):
            return [self.person(opening.group("label"))] + [self.person(label) for label in inner]
        return [] if inner else None


def labelled_lines(conversation: "_MemorandumConversation", out: list[PassageRecord]) -> None:
    """Give the lines of a log or an interrogation report their labels' speakers (in place)."""
    text = conversation.record.text
    labels = _line_labels(text)
    if not labels.layout:
        return
    speaker: str | None = None
    line_open = False                                  # the last line stopped mid-sentence
    for passage in out:
        para = text[passage.start:passage.end]
        if passage.kind == "note":
            continue                                   # a page stamp ('13-00000') inside a line
        if passage.kind != "text":
            speaker, line_open = None, False           # 'ITEM 275 Page 4', a bare label alone
            continue
        persons = labels.of_paragraph(para)
        if persons:
            one = len(set(persons)) == 1
            passage.speaker = _label_speaker(conversation, persons[0]) if one and persons[0] else None
            speaker, line_open = passage.speaker, one and not _FRAGMENT_END.search(para.rstrip())
            if speaker == QUESTIONER:
                speaker, line_open = None, False        # what follows a question is most often its answer
        elif persons == []:
            passage.speaker, speaker, line_open = None, None, False   # 'calls. LLAGOSTERA : Says ...'
        elif (line_open or (speaker and re.match(r"^\W{0,3}[a-z]", para))) and not _LOG_HEADING.search(para):
            passage.speaker = speaker                  # 'the radio.' after 'Asks LLAGOSTERA if he is listening to the'
            line_open = not _FRAGMENT_END.search(para.rstrip())
        else:
            speaker, line_open = None, False


@lru_cache(maxsize=8)
def _line_labels(text: str) -> _LineLabels:
    """One reading of a text's labels, for all the memoranda of a compilation."""
    return _LineLabels(text)


def _label_speaker(conversation: "_MemorandumConversation", name: str) -> str:
    """The label's person as the record's other rules name him ('NOSENKO' as in 'NOSENKO said')."""
    if name == QUESTIONER:
        return name
    found = conversation._by_name(name)
    return found.split(":", 1)[1] if found.startswith(ABSENT + ":") else found
