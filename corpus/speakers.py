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
from dataclasses import dataclass, field
from datetime import date

from .people import (alias_key, canonical_name, forename_keys, is_office, keyed_hints,
                     names_registry_person, office_holder, parse_name, resolve_person, surname_keys,
                     titles_held)
from .record import DocumentRecord, PassageRecord
from .text import paragraph_spans, tokenize

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
    canonical (corpus.people.canonical_name), so the same person gets the same name everywhere."""
    text = record.text or ""
    if not text.strip():
        return []
    if (record.doc_type or "").lower() in TURN_DOC_TYPES or turns_dominate(text):
        return turn_passages(record)
    spans = paragraph_spans(text)
    doc_type = (record.doc_type or "").lower()
    if record.default_speaker and doc_type in WHOLE_TEXT_DOC_TYPES:
        speaker = canonical_name(record.default_speaker, record.name_hints, record.date.start)
        return [PassageRecord(s, e, speaker, "text") for s, e in spans]
    if doc_type in CONVERSATION_DOC_TYPES or (
            doc_type in ("memorandum", "report", "note", "document", "")
            and _CONVERSATION_TITLE.search(record.title or "")):
        return Conversation(record).passages(spans)
    return _plain_passages(record, spans)


# ============================================================================================
# Turns: transcripts, news conferences, debates
# ============================================================================================

# Role labels: a turn by someone the transcript does not name.
_ROLE_LABELS = {"q", "question", "questioner", "reporter", "moderator", "the moderator", "audience",
                "audience member", "participant", "voice", "voices", "a reporter", "unidentified",
                "press", "panelist", "the reporter"}
_CAPS = r"(?:Ma?c[A-Z][A-Z'\-]+|[A-Z][A-Z'\-]+|[A-Z]\.)"
_HONOR = r"(?:MR|MRS|MS|DR|SEN|GOV|REP|GEN|ADM|AMB|MESSRS|Mr|Mrs|Ms|Dr)\."
_CAPS_LABEL = rf"(?:THE\.? )?(?:{_HONOR} )?(?:{_CAPS} ){{0,3}}{_CAPS}"
_MIXED_TITLE = (r"(?:The (?:Vice )?President|The Moderator|(?:Mr|Mrs|Ms|Dr)\. [A-Z][A-Za-z'\-]+"
                r"|(?:President|Senator|Governor|Secretary|Ambassador|General|Vice President|Chairman)"
                r" [A-Z][A-Za-z'\-]+)")
_ROLE = r"(?:Q|QUESTION|Question|REPORTER|Reporter|MODERATOR|Moderator|AUDIENCE MEMBER|Audience Member)"
# Where a turn may start: text start, a paragraph break, the comma that joins paragraphs in the
# APP scrape ("...ago,In view"), a closing bracket ("[4.] Q."), or an ALL-CAPS heading run.
_BOUNDARY = r"(?:^|\n\n|(?<=[,.;?!\]\"')])\s?|(?<=[A-Z]{3}) )"
_TURN_RE = re.compile(
    rf"{_BOUNDARY}(?P<label>{_CAPS_LABEL}, (?:MODERATOR|PANELIST|QUESTIONER)|{_ROLE}|{_CAPS_LABEL}|{_MIXED_TITLE}"
    rf"|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    rf"(?:(?: \[[a-z ]{{1,20}}\])?(?P<sep>[.:])(?=\s|$)|(?= \[\d{{1,3}}\.\] [A-Z]))")
# ('THE PRESIDENT [reading].', 'THE PRESIDENT [1.] This past week ...')
_TITLE_WORD_LABEL = re.compile(
    rf"^(?:THE\.? )?(?:{_HONOR}|(?:SENATOR|GOVERNOR|SECRETARY|GENERAL|AMBASSADOR|PRESIDENT|VICE PRESIDENT"
    r"|CHAIRMAN|PRIME MINISTER|MINISTER|CONGRESSMAN|CONGRESSWOMAN|REPRESENTATIVE|ADMIRAL|JUDGE|JUSTICE|MAYOR"
    r"|REVEREND|FATHER|PROFESSOR|SEN\.|GOV\.|REP\.|MODERATOR)) ")
_NOT_LABELS = {"u.s", "u.n", "s.s.r", "d.c", "u.s.s.r", "n.a.t.o", "i", "a", "ok", "no", "yes", "p.m", "a.m",
               "mr", "mrs", "dr", "the", "well", "now", "thank you", "good evening", "good morning"}


@dataclass
class Turn:
    start: int          # where the turn starts (its label, or an item number '[4.]' before it)
    end: int            # where the turn's text ends (before the next turn)
    label: str          # the label as printed: 'THE PRESIDENT', 'Q', 'MR. NIXON'


_INNER_LABEL_START = re.compile(r"(?<=\S) (?=(?:THE|MR\.|MRS\.|MS\.|DR\.|SENATOR|GOVERNOR|SECRETARY|GENERAL"
                                r"|AMBASSADOR) )")


def _is_comma_join(text: str, start: int) -> bool:
    """'...ago,In view': a comma with no space before a capital joins two scraped paragraphs."""
    return start > 1 and text[start - 1] == "," and not text[start - 2].isspace()


def _label_kind(label: str, sep: str, at_paragraph_start: bool) -> str | None:
    """'role', 'caps', 'titled' or 'bare' for a plausible turn label, None for anything else."""
    plain = label.strip()
    low = re.sub(r"\s+", " ", plain.lower()).rstrip(".")
    if low in _ROLE_LABELS:
        return "role"
    if re.search(r", (?:moderator|panelist|questioner)$", low):
        return "caps"                                   # 'HOWARD K. SMITH, MODERATOR:'
    if low in _NOT_LABELS or len(plain.split()) > 5:
        return None
    letters = re.sub(r"[^A-Za-z]", "", plain)
    if plain.upper() == plain or re.fullmatch(rf"{_HONOR}\s+{_CAPS}", plain):
        words = [w for w in re.split(r"\s+", plain) if len(w.strip(".")) > 1]
        if not words or len(letters) < 2:
            return None
        return "caps"
    if re.fullmatch(_MIXED_TITLE, plain):
        return "titled" if at_paragraph_start else None
    if sep == ":" and at_paragraph_start and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", plain):
        return "bare"
    return None


def find_turns(text: str) -> list[Turn]:
    """Speaker turns in a transcript, in order, covering the text from the first marker on.

    A marker is an ALL-CAPS label ('THE PRESIDENT.', 'MR. NIXON:', 'SENATOR KENNEDY:',
    'WELKER:'), a role ('Q.', 'Reporter:') or, at a paragraph start, a titled label in mixed case
    ('The President:', 'Mr. RATHER.', 'President Gorbachev.'). Labels that are not role labels and
    carry no honorific must recur in the text to count, so that a heading such as 'IRAN:' or a
    sentence such as 'Thank you.' is not taken for a speaker."""
    candidates = []
    for match in _TURN_RE.finditer(text):
        label = match.group("label")
        start = match.start("label")
        inner = _INNER_LABEL_START.search(label)
        if inner and label.isupper():                  # 'OPENING STATEMENT THE PRESIDENT.': a heading run
            label, start = label[inner.start():], start + inner.start()
        following = text[match.end():match.end() + 100].split("\n\n")[0].strip()
        if label.isupper() and following.upper() == following and (
                not following or re.search(r"[A-Z]{3}", following)):
            continue                                   # 'IRAN: SANCTIONS, ...', 'ECONOMY.': headings
        at_paragraph_start = start == 0 or text[max(0, start - 2):start] == "\n\n" or (
            text[start - 1] == "," and _is_comma_join(text, start))
        sep = match.group("sep") or "."
        number = re.search(r"\[\d{1,3}[.\-]\] ?$", text[max(0, start - 7):start])
        if number:
            start -= len(number.group())                # '[4.] Q. Mr. President, ...' starts at '[4.]'
        if match.group("sep") is None and not _TITLE_WORD_LABEL.match(label + " "):
            continue                                   # 'VIET-NAM [2.] We are ...': a heading, not a label
        kind = _label_kind(label, sep, at_paragraph_start)
        if kind:
            candidates.append((start, match.end(), label, kind, sep))
    counts: dict[str, int] = {}
    for _, _, label, _, sep in candidates:
        counts[_label_key(label) + sep] = counts.get(_label_key(label) + sep, 0) + 1
    kept = [c for c in candidates if _keep_label(c, counts)]
    turns = []
    for i, (start, _, label, _, _) in enumerate(kept):
        end = kept[i + 1][0] if i + 1 < len(kept) else len(text)
        turns.append(Turn(start, _trim_end(text, start, end), label))
    return turns


def _label_key(label: str) -> str:
    return re.sub(r"\s+", " ", label.strip().lower())


def _keep_label(candidate, counts) -> bool:
    start, _, label, kind, sep = candidate
    key = _label_key(label)
    recurrences = counts.get(key + sep, 0)
    if kind == "role":
        return True
    if kind == "caps":
        return bool(_TITLE_WORD_LABEL.match(label + " ")) and len(label.split()) > 1 or (
            recurrences >= 2 or is_office(label) or ", " in label)
    if kind == "titled":
        return recurrences >= 2
    return recurrences >= 3                      # mixed-case 'Bush:' in later debates


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
    """One passage per turn (kind 'turn'); text before the first turn, editorial brackets
    between turns and text outside the body (header lines, Source note) get no speaker."""
    text = record.text
    body_start, body_end = _body_range(record)
    turns = [t for t in find_turns(text) if body_start <= t.start < body_end]
    if not turns:
        return _plain_passages(record, paragraph_spans(text))
    resolve = _TurnSpeakers(record, {t.label for t in turns})
    passages = []
    lead_end = _trim_end(text, 0, turns[0].start)
    for s, e in paragraph_spans(text[:lead_end]) + [sp for sp in paragraph_spans(text) if sp[0] >= body_end]:
        kind = _frame_kind(record, s, e) or ("heading" if _looks_like_heading(text[s:e]) else
                                             _paragraph_kind(text[s:e], 1, 3, None))
        passages.append(PassageRecord(s, e, None, kind))
    for turn in turns:
        end = min(turn.end, body_end)
        for s, e in paragraph_spans(text[turn.start:end]):
            if (text[turn.start + s] == "[" and text[turn.start + e - 1] == "]") and s > 0:
                end = _trim_end(text, turn.start, turn.start + s)   # an editorial bracket ends the turn
                break
        passages.append(PassageRecord(turn.start, _trim_end(text, turn.start, end), resolve(turn.label), "turn"))
        rest_end = _trim_end(text, turn.start, min(turn.end, body_end))
        if end < rest_end:
            for s, e in paragraph_spans(text[end:rest_end]):
                para = text[end + s:end + e]
                kind = "editorial" if para.startswith("[") and para.endswith("]") else "text"
                passages.append(PassageRecord(end + s, end + e, None, kind))
    passages.sort(key=lambda p: p.start)
    return passages


class _TurnSpeakers:
    """Label -> canonical speaker for one transcript, consistent across its labels."""

    def __init__(self, record: DocumentRecord, labels: set[str]):
        self.on = record.date.start
        self.hints = dict(record.name_hints or {})
        self.default = (canonical_name(record.default_speaker, self.hints, self.on)
                        if record.default_speaker else None)
        for ref in record.participants:
            if ref.kind == "person" and ref.name:
                for key in surname_keys(canonical_name(ref.name, self.hints, self.on)):
                    self.hints.setdefault(key, ref.name)
        self.names = {label: self._resolve(label) for label in labels}
        self._unify_surnames()

    def __call__(self, label: str) -> str | None:
        return self.names.get(label)

    def _resolve(self, label: str) -> str | None:
        words = label.split()
        half = len(words) // 2
        if len(words) % 2 == 0 and words[:half] == words[half:]:
            label = " ".join(words[:half])             # 'SECRETARY FOWLER SECRETARY FOWLER'
        low = re.sub(r"\s+", " ", label.lower()).rstrip(".")
        if low in _ROLE_LABELS:
            return None
        label = re.sub(r", (?:MODERATOR|PANELIST|QUESTIONER)$", "", label)
        if re.fullmatch(r"t?h?e+\.? president", low):  # misprints: 'TEE PRESIDENT', 'HE PRESIDENT'
            low, label = "the president", "THE PRESIDENT"
        parts = parse_name(label)
        if is_office(low) and not (parts.core and resolve_person(label)):
            return office_holder(low, self.on) or (self.default if "president" == low.replace("the ", "") else None)
        if not parts.core:
            office = parts.office or low
            if office in ("president", "the president"):
                return office_holder("The President", self.on) or self.default
            return office_holder(office, self.on)
        return canonical_name(label, self.hints, self.on)

    def _unify_surnames(self) -> None:
        """'MR. KENNEDY' and 'SENATOR KENNEDY' in one debate are one man: a label that stayed a
        bare surname takes the full name another label of the same surname resolved to."""
        full_by_key: dict[str, set[str]] = {}
        for name in self.names.values():
            if name and len(name.split()) > 1:
                for key in surname_keys(name):
                    full_by_key.setdefault(key, set()).add(name)
        for label, name in self.names.items():
            if name and len(name.split()) == 1:
                full = full_by_key.get(alias_key(name), set())
                if len(full) == 1:
                    self.names[label] = next(iter(full))


# ============================================================================================
# Plain documents and letters
# ============================================================================================

def _plain_passages(record: DocumentRecord, spans) -> list[PassageRecord]:
    author = _letter_author(record)
    passages = []
    body = _body_spans(record, spans)
    for i, (s, e) in enumerate(spans):
        para = record.text[s:e]
        kind = _frame_kind(record, s, e) or _paragraph_kind(para, _index_in(body, s), len(body), record.title)
        speaker = author if author and kind == "text" else None
        passages.append(PassageRecord(s, e, speaker, kind))
    return passages


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
    from .dates import parse_dateline
    printed = {alias_key(p.as_printed) for p in record.participants if p.as_printed}
    end = 0
    for s, e in paragraph_spans(record.text)[:40]:
        para = record.text[s:e]
        if _HEADER_LINE.match(para) or alias_key(para) in printed or (s == 0 and _is_dateline(para, parse_dateline)):
            end = e
        elif end and len(para.split()) <= 6 and not _SENTENCE_END.search(para) and s < 2000 and _HEADER_LINE.match(
                record.text[:s].rstrip().rsplit("\n\n", 1)[-1]):
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
    if para.isupper() and len(words) <= 12:
        return True
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
acknowledged admitted conceded confirmed denied reiterated reiterates repeated warned warns
cautioned assured assures promised pledged complained complains protested demanded requested
urged invited thanked congratulated hoped hopes felt feels thought thinks believed believes
considered considers holds interjected interrupted intervened countered told informed advised
described characterized predicted speculated estimated recommended outlined reported expressed
expresses voiced regretted regrets welcomed welcomes reacted conveyed disclaimed specified
elaborated clarified doubted doubts feared fears summarized concluded concludes
""".split())
# Verbs of belief: an absent person's beliefs are always relayed by someone present.
BELIEF_VERBS = frozenset("""
felt feels thought thinks believed believes considered considers hoped hopes wished wishes feared
fears doubted doubts regretted regrets holds wondered wonders
""".split())
SPEECH_BASE = frozenset("""
say state reply answer respond add continue ask inquire suggest propose agree disagree object
argue contend insist maintain assert declare announce explain emphasize stress recall remind
mention refer raise indicate acknowledge admit concede confirm deny reiterate repeat warn assure
promise protest demand request urge thank express voice regret welcome comment note observe
remark point conclude reaffirm recommend describe tell inform advise outline
""".split())
_SPEECH_PHRASES = re.compile(
    r"^(?:pointed out|points out|went on|goes on|set forth|summed up|brought up|spoke|speaks"
    r"|opened (?:(?:the )?(?:conversation|discussion|meeting|talk)|by)|began by|begins by|closed by"
    r"|made (?:the|a|this|his|her) (?:point|statement|remark|comment|observation|suggestion|proposal|plea)"
    r"|made (?:it )?clear|gave (?:assurances|an assurance|his assurance|an account"
    r"|(?:his|her|their|an|the) (?:opinion|views?|assessment|reply|answer|account))"
    r"|(?:was|is) of the (?:opinion|view)|took the (?:position|view|line)|held the view"
    r"|(?:was|is) convinced|laid before|expressed)\b")
_VERB_ALT = "|".join(sorted(SPEECH_VERBS))
_PREPOSITIONS = frozenset("""
by to with from for of about toward towards on at than between against into upon among via
through under over without within behind beside besides despite during regarding concerning
""".split())
_ELIGIBLE_BEFORE = frozenset("""
and but or then so yet when while as after before since because although though if whereupon
however also that where whereas once until unless thereupon thus
""".split())
_SCAN_STOPS = frozenset("that which who whom whose when where while because since if whether "
                        "although though unless until why how what".split())
_AUX = frozenset("had has have".split())
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
    r"|^It was (?:\w+ )?(?:agreed|decided|understood|noted|arranged|concluded)\b)", re.IGNORECASE)
_INSTITUTION_SPEAKS = re.compile(
    r"(?:^|[.;]\s+)(?:[IVX]+\.\s+)?(?:The\s+)?(?:Department|Embassy|Government|Ministry|Kremlin|Soviets|Sovs"
    r"|Moscow|Washington|Foreign Office|White House|State Department|Commissioners|Commission|Council"
    r"|Committee|Conference|Delegation|Delegates|Ministers|Ambassadors|Members|Participants|Allies)"
    r"\s+(?:\w+ly\s+)?(?:saw no objection|"
    + _VERB_ALT + r"|wishes|wished|instructs|instructed|rejected|accepted)\b")
_TITLE_MENTION = re.compile(
    r"(?:\b[Tt]he\s+|^\s*)(?:(?:Soviet|American|British|US|U\.S\.|Cuban|French|German|Acting)\s+)?"
    r"(?P<title>Vice President|President|Under Secretary|Secretary of State|Secretary|Ambassador"
    r"|Prime Minister|First Deputy Foreign Minister|Deputy Foreign Minister|Foreign Minister|Chairman"
    r"|Premier|General|Minister|Chancellor|Attorney General|Charg[eé](?: d'Affaires)?|Governor|Senator"
    r"|Director|Administrator|Admiral|Marshal|Secretary-General|Secretary General)\b")
_HONORIFIC = (r"(?:(?:Mr|Mrs|Ms|Dr|Cde|Cdes|Gen|Sen|Gov|Amb|Adm|Col|Lt|Capt|St)\.|Comrade|Ambassador|General"
              r"|Chairman|President|Premier|Minister|Foreign Minister|Prime Minister|Secretary|Senator|Governor"
              r"|Marshal|Admiral|Sir|Lord|Deputy|Under Secretary|Vice President|Madame|Mme\.)")
_NAME_WORD = r"[A-Z](?:[\w\-]|'(?!s\b))*"            # 'O'Donnell', not the possessive in 'Ball's'
_NAMED_MENTION = re.compile(
    rf"\b(?P<hon>{_HONORIFIC}(?:\s+{_HONORIFIC})*)\s+(?P<name>(?:[A-Z]\.\s?)*{_NAME_WORD}(?:\s+{_NAME_WORD})?)")
# A sentence opening with a bare capitalized word and a speech verb: 'Beck agreed, ...'.
_BARE_SUBJECT = re.compile(
    r"^\s*(?:[IVX\d]{1,4}\.\s+)?(?P<name>[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+)?)\s+"
    r"(?:(?:then|also|again|once more|finally|further)\s+|\w+ly\s+)*(?:" + _VERB_ALT
    + r"|opened|began|went on|pointed out|made (?:the|a) (?:point|statement))\b")
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
_PRONOUN = re.compile(r"\b(?P<p>He|he|She|she|I|We|we)\b")
_QUOTED = re.compile(r"\"[^\"]{0,2000}?\"")
_SENTENCE_SPLIT = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bCde)(?<!\bCdes)(?<!\bGen)(?<!\bSen)"
    r"(?<!\bGov)(?<!\bNo)(?<!\bvs)(?<!\bLt)(?<!\bCol)(?<!\bAdm)(?<!\bCapt)(?<!\bAmb)(?<!\bMme)(?<!\bRep)"
    r"[.!?]+\d{0,2}[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|;\s+")
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
        self.members = self._members()
        self.has_cast = any(r.kind == "person" and r.role in ("participant", "present")
                            for r in record.participants)
        # A PARTICIPANTS block lists everyone present: a person it does not name who 'said'
        # something is being quoted second-hand. A cast taken from a title may be incomplete.
        self.cast_complete = bool((record.extra or {}).get("has_participants_block"))
        self.author = self._author()
        self.home_side = self._side(self.author) or (
            "US" if (record.source or "").lower().startswith("frus") else None)
        self._add_text_titles()
        self._surname_re = self._build_surname_re()
        self.seen: set[str] = set()                    # who has spoken so far in this document

    # --- the cast ------------------------------------------------------------------------

    def _members(self) -> list[Member]:
        members: dict[str, Member] = {}
        for ref in self.record.participants:
            if ref.kind != "person":
                continue
            name = (_person_name(ref.name, self.record) if ref.name else None) or (
                _person_name(ref.as_printed, self.record) if ref.as_printed else None)
            if not name:
                continue
            member = members.get(name) or Member(name, set(surname_keys(name)), set(forename_keys(name)),
                                                 side=ref.side)
            for printed in (ref.as_printed, ref.name):
                if printed:
                    parts = parse_name(printed)
                    if not parts.core:
                        member.bare_titles |= _title_keys(parts.office)
                    member.titles |= _title_keys(parts.office)
                    if "sir" in parts.titles and parts.core:
                        member.sir.add(alias_key(parts.core[0]))
            member.titles |= _title_keys(ref.post)
            member.titles |= titles_held(name, self.on)
            members[name] = member
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
                "president", "secretary", "secretary of state", "vice president", "attorney general"):
            holder = office_holder(f"the {head}", self.on)     # a US record of a conversation
            if holder:
                return holder
        return UNKNOWN

    def _is_name_word(self, word: str) -> bool:
        """'Beck' in 'Beck agreed' is a name: not a common word, never written in lower case in
        this document."""
        words = word.split()
        return not any(w in _NOT_NAMES for w in words) and not re.search(
            rf"\b{re.escape(words[0].lower())}\b", self.record.text)

    def _by_name(self, printed: str) -> str:
        """A named person who is not matched to a member by surname: absent, or a speaker when
        the record has no participants list."""
        name = canonical_name(printed, self.hints, self.on)
        member = [m.name for m in self.members if alias_key(name) == alias_key(m.name)]
        if member:
            return member[0]
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

        for match in _TITLE_MENTION.finditer(sentence):
            if re.match(r"\s+[A-Z][a-z]", sentence[match.end():]):
                continue                                     # "President Kennedy": a name follows
            add(match.start(), match.end(), self._by_title(match.group("title")))
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
            add(match.start(), match.end(), self._by_name(match.group()))
        for match in _registry_mentions(sentence):
            add(match[0], match[1], self._by_name(match[2]))
        bare = _BARE_SUBJECT.match(sentence)
        if bare and self._is_name_word(bare.group("name")):
            name = bare.group("name")
            known = self.has_cast or names_registry_person(name) or alias_key(name) in keyed_hints(self.hints)
            add(bare.start("name"), bare.end("name"),
                self._by_surname(name) or (self._by_name(name) if known else f"{UNKNOWN}:{name}"))
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
        if not found:
            return [], False
        inverted = [a for a in found if a.kind == "inverted"]
        if inverted:
            return inverted[:1], bool(re.search(r"\bI\b", masked[:inverted[0].start]))
        found.sort(key=lambda a: a.start)
        first, rest = found[0], found[1:]
        coordinated = [a for a in rest if a.kind not in ("relayed", "belief") and re.search(
            r"(?:\band|\bbut|\bwhereupon|,)\s+(?:then\s+)?$", masked[:a.start])]
        return [first, *coordinated], False

    def _attribution_kind(self, sentence: str, mention: Mention, later: list[Mention]) -> str | None:
        before = sentence[:mention.start]
        after = sentence[mention.end:]
        if re.search(r"\b(?:opinion|view|views|judgment|judgement) of\s+$|\b[Aa]ccording to\s+$", before):
            return "opinion"
        if re.match(r"^['’]s\s+(?:opinion|view|views|judgment)\b", after) and re.search(r"\b[Ii]n\s+$", before):
            return "opinion"
        if re.search(rf"\b(?:was|were|is|are)\s+(?:\w+ly\s+)?(?:{_VERB_ALT})\s+(?:\w+\s+){{0,3}}?by\s+$", before):
            return "main"                               # "This was answered by Mr. Ball"
        if re.search(rf",\s+(?:{_VERB_ALT}|went on)\s+$", before) and re.match(r"^\s*[,.;]|^\s*$", after):
            return "inverted"
        if not mention.eligible or re.match(r"^['’]s\b", after):
            return None
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
        perfect = False
        for count, word in enumerate(_WORD.finditer(sentence, start)):
            if count > 14:
                return None
            pos = word.start()
            if any(m.start == pos and m.eligible for m in later):
                return None                              # another subject begins
            if any(m.start <= pos < m.end for m in later):
                continue                                 # inside an object mention
            token = word.group()
            low = token.lower()
            if low in (";", ":") or low in _SCAN_STOPS:
                return self._coordinated_predicate(sentence[pos:], later)
            if low in _AUX:
                perfect = True
                continue
            rest = sentence[pos:]
            is_speech = low in SPEECH_VERBS or _SPEECH_PHRASES.match(rest.lower()) or (
                low in SPEECH_BASE and re.search(r"\b(?:to|did|would|could|might|will|does|do)\s+(?:not\s+)?$",
                                                 sentence[start:pos]))
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
            if perfect:
                return "relayed"
            return "belief" if low in BELIEF_VERBS or re.match(r"(?:was|is) (?:of|convinced)", rest.lower()) else "main"
        return None

    @staticmethod
    def _coordinated_predicate(rest: str, later: list[Mention]) -> str | None:
        """'He appeared surprised when I told him ..., and contended that ...': a speech verb
        coordinated with the subject's own predicate after a subordinate clause."""
        match = re.search(r",\s+and\s+(?:then\s+|also\s+)?([a-z]+)\b", rest)
        if match and match.group(1) in SPEECH_VERBS:
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
        for sentence in _sentences(para):
            attributions, binds_i = self.sentence_attributions(sentence)
            subject = self.last_subject
            touched = touched or bool(attributions) or bool(subject and subject.named)
            if not refs and subject and subject.named and (
                    subject.ref in self.seen or any(m.name == subject.ref for m in self.members)):
                running = subject.ref              # 'The President then returned to Laos. He ...'
            for attribution in attributions:
                if attribution.kind == "relayed" or (
                        attribution.kind == "belief" and attribution.ref.startswith(ABSENT)):
                    continue                          # 'Mr. Khrushchev felt that ...' as relayed
                if binds_i and not attribution.ref.startswith("?") and attribution.ref != "he":
                    i_binding = attribution.ref
                resolved = self._resolve_ref(attribution.ref, running, i_binding)
                refs.append(resolved)
                self.seen.add(resolved)
                if attribution.kind == "compound":
                    refs.append(UNKNOWN + "+")
                if resolved == DOCUMENT:
                    running = None
                elif not resolved.startswith("?") and resolved != self.author:
                    running = resolved
        state["he"] = running if touched else None     # 'He' reaches back one paragraph, no further
        state["document"] = bool(refs) and refs[-1] == DOCUMENT
        speakers = {r for r in refs if r != DOCUMENT and not (self.cast_complete and r.startswith(ABSENT))}
        if WE in speakers and self.author in speakers:
            speakers.discard(WE)                       # 'I said ... we replied': one side
        if len(speakers) == 1:
            only = speakers.pop()
            return (None if only.startswith("?") else only), set(refs)
        return None, set(refs)

    def _resolve_ref(self, ref: str, running: str | None, i_binding: str | None) -> str:
        if ref == "he":
            return running or UNKNOWN
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
            speaker, refs = self.paragraph(para, state)
            if speaker is None and not refs and previous and self._continues(para, previous):
                speaker = previous
            out.append(PassageRecord(s, e, speaker, "text"))
            previous = None if state.get("document") else speaker
        return out

    def _continues(self, para: str, previous: str) -> bool:
        """A paragraph with no speech verb continues the previous speaker's argument unless it
        is framing, a fragment, an institution's statement, or brings in another member of the
        conversation."""
        if len(para.split()) < 8 or _FRAMING.search(para) or _INSTITUTION_SPEAKS.search(para):
            return False
        if re.match(r"^[IVX]+\.\s", para):
            return False                               # a new item of the minutes' agenda
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

def _title_keys(title: str | None) -> set[str]:
    """Comparable title keys: 'Soviet Ambassador' -> {'ambassador'}; 'Secretary of State' ->
    {'secretary of state', 'secretary'}; 'Second Secretary, Soviet Embassy' -> {'second secretary'}."""
    if not title:
        return set()
    head = title.split(",")[0]
    words = [w for w in alias_key(head).split() if w not in {"us", "u", "s", "ussr", "soviet", "british",
                                                             "american", "cuban", "french", "german", "the",
                                                             "acting", "uk", "mr", "mrs", "cde", "sir"}]
    if not words:
        return set()
    keys = {" ".join(words)}
    for i, word in enumerate(words):
        if word in ("of", "in", "to", "at", "for"):
            keys.add(" ".join(words[:i]))
            break
    keys.discard("")
    if keys & {"secretary general", "secretary-general"}:
        keys = {"secretary general"}
    return keys


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
    if not before or before[-1] in ",;:(—–-\"'":
        return True
    last = re.search(r"(\w+)$", before)
    if not last or re.search(r"[^\W\d]\d{1,2}$", last.group(1)):
        return True                                    # "... Gromyko1 the Secretary said"
    word = last.group(1).lower()
    if word in _PREPOSITIONS:
        return False
    return word in _ELIGIBLE_BEFORE or word in ("both", "finally", "then")


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


def _sentences(para: str) -> list[str]:
    parts, last = [], 0
    for match in _SENTENCE_SPLIT.finditer(para):
        parts.append(para[last:match.end()])
        last = match.end()
    parts.append(para[last:])
    return [p for p in parts if p.strip()]


_REGISTRY_WORD = re.compile(r"\b[A-Z][a-zà-ÿ'\-]+(?:\s+[A-Z][a-zà-ÿ'\-]+)?\b")


def _registry_mentions(sentence: str):
    """Registry people named without an honorific ('Khrushchev', 'Fidel Castro')."""
    for match in _REGISTRY_WORD.finditer(sentence):
        if names_registry_person(match.group()):
            yield match.start(), match.end(), match.group()
