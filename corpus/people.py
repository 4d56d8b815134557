"""Names, honorifics, aliases and office holders.

A name as printed ("USSR Foreign Minister Gromyko1", "Cde. A. M. Rumyantsev", "MR. NIXON") is
split into titles and a core name; the core is resolved against the shipped registry
(corpus/data/people.json) and the document's own hints. The registry is deliberately
conservative: a bare surname is merged with a registry person only where the registry says
that surname, on that date, safely means that person ("Khrushchev"), so that "Semenov" of a
Soviet journal never becomes Deputy Foreign Minister Vladimir S. Semenov by accident.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from .text import clean_inline

REGISTRY_FILE = Path(__file__).with_name("data") / "people.json"

# Words that are titles, honorifics, offices or side labels, never names. Multi-word offices
# ("Foreign Minister", "Secretary of State") are runs of these words.
TITLE_WORDS = frozenset("""
mr mrs ms miss messrs mme mlle madame monsieur herr frau senor señor sr sra dr cde cdes comrade
comrades tov sir dame lord lady ambassador amb ambassadors senator sen senators chairman chairwoman
president presidents premier secretary secretaries minister ministers deputy first second third
acting general gen generals marshal prime vice governor gov the of state defense defence foreign
under undersecretary assistant attorney chief justice judge admiral adm colonel col captain capt
commander cmdr lieutenant lt major maj brigadier sergeant sgt representative rep congressman
congresswoman professor prof father rev reverend pope cardinal king queen prince princess emperor
shah chancellor mayor generalissimo secretary-general editor-in-chief editor member interpreter
interpreting adviser advisor special executive press spokesman delegate head leader official
aide director administrator counselor counsellor charge chargé d'affaires at large for political
economic affairs party central committee council presidium supreme national security majority
minority embassy in to and former late new acting-secretary mssrs asst sec
us u.s. usa u.s.a. ussr u.s.s.r. uk u.k. soviet soviets american british cuban french german
west east polish chinese indian italian canadian un u.n. united states nations republic
lieut comdr baron baroness count countess viscount marquis signor mm. doctor honorable hon.
japanese spanish belgian russian mexican dutch greek turkish austrian hungarian rumanian roumanian
serbian swiss swedish norwegian danish portuguese brazilian chilean argentine colombian nicaraguan
salvadoran honduran guatemalan panamanian haitian venezuelan peruvian bolivian paraguayan uruguayan
ecuadoran siamese persian egyptian ethiopian iraqi afghan latvian estonian lithuanian finnish
czechoslovak yugoslav bulgarian albanian irish australian liberian
kazakh ukrainian
""".split())
# Title words that are also plausible surnames when they stand alone ("KING:", a debate moderator).
_NAMEY_TITLES = frozenset({"king", "major", "prince", "queen", "judge", "lord", "justice", "young"})
# Honorifics that carry no office: they do not narrow down who is meant.
_PLAIN_HONORIFICS = frozenset("""
mr mrs ms miss messrs mme mlle madame monsieur herr frau senor señor sr sra dr cde cdes comrade
comrades tov sir dame lord lady the late former new and mssrs signor baron baroness count countess
viscount marquis mm. doctor honorable hon.
""".split())
_SIDE_WORDS = {
    "us": "US", "u.s.": "US", "usa": "US", "u.s.a.": "US", "american": "US",
    "ussr": "USSR", "u.s.s.r.": "USSR", "soviet": "USSR", "soviets": "USSR",
    "uk": "UK", "u.k.": "UK", "british": "UK", "cuban": "Cuba", "french": "France",
    "german": "West Germany", "polish": "Poland", "chinese": "China", "indian": "India",
    "japanese": "Japan", "italian": "Italy", "spanish": "Spain", "belgian": "Belgium", "russian": "Russia",
    "mexican": "Mexico", "dutch": "Netherlands", "greek": "Greece", "turkish": "Turkey", "austrian": "Austria",
    "hungarian": "Hungary", "rumanian": "Romania", "roumanian": "Romania", "serbian": "Serbia",
    "swiss": "Switzerland", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "portuguese": "Portugal", "brazilian": "Brazil", "chilean": "Chile", "argentine": "Argentina",
    "colombian": "Colombia", "nicaraguan": "Nicaragua", "canadian": "Canada",
    "salvadoran": "El Salvador", "honduran": "Honduras", "guatemalan": "Guatemala", "panamanian": "Panama",
    "haitian": "Haiti", "venezuelan": "Venezuela", "peruvian": "Peru", "bolivian": "Bolivia",
    "paraguayan": "Paraguay", "uruguayan": "Uruguay", "ecuadoran": "Ecuador", "siamese": "Siam",
    "persian": "Persia", "egyptian": "Egypt", "ethiopian": "Ethiopia", "iraqi": "Iraq", "afghan": "Afghanistan",
    "latvian": "Latvia", "estonian": "Estonia", "lithuanian": "Lithuania", "finnish": "Finland",
    "czechoslovak": "Czechoslovakia", "yugoslav": "Yugoslavia", "bulgarian": "Bulgaria", "albanian": "Albania",
    "irish": "Ireland", "australian": "Australia", "liberian": "Liberia", "iranian": "Iran",
    "saudi": "Saudi Arabia", "syrian": "Syria", "lebanese": "Lebanon", "iraqian": "Iraq",
    "kazakh": "Kazakhstan", "ukrainian": "Ukraine",
}
_FOOTNOTE_DIGITS = re.compile(r"(?<=[^\W\d_])\d{1,2}$")
_OFFICE_SYMBOL_PREFIX = re.compile(r"^[A-Z/]{1,8}\s*[—–]\s*")
_DASH_POSTFIX = re.compile(r"\s*[—–]\s*[A-Z][\w/ .,-]{0,60}$")
_INITIALS_RUN = re.compile(r"\b((?:[A-Z]\.){2,})(?=\s|$)")
_ALL_CAPS = re.compile(r"^[^a-z]*[A-Z][^a-z]*$")
_CAPS_WITH_MC = re.compile(r"^Ma?c[A-Z][A-Z'-]+$")


# --- keys and display ----------------------------------------------------------------------

@lru_cache(maxsize=65536)
def alias_key(name: str) -> str:
    """A matching key for a name: lower case, accents and punctuation folded.

    'N. S. Khrushchev' -> 'n s khrushchev'; 'Dorticós' -> 'dorticos';
    'Ormsby-Gore' -> 'ormsby gore'; "O'Donnell" -> 'odonnell'."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", clean_inline(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("ł", "l").replace("ø", "o").replace("ß", "ss")
    text = re.sub(r"['\u2019\u02bc`]", "", text)
    text = re.sub(r"[^\w]+|_", " ", text)
    return " ".join(text.split())


def _smart_case(token: str) -> str:
    """'NIXON' -> 'Nixon', 'MCNAMARA' -> 'McNamara' (registry spelling wins), "O'MALLEY" -> "O'Malley"."""
    known = _registry().spelling.get(alias_key(token))
    if known:
        return known
    if len(token) <= 2 and token.endswith("."):
        return token
    parts = re.split(r"([-'])", token.lower())
    out = "".join(p[:1].upper() + p[1:] if p not in "-'" else p for p in parts)
    if re.match(r"^Mc[a-z]", out):
        out = "Mc" + out[2:3].upper() + out[3:]
    return out


def _display(tokens: list[str]) -> str:
    """Tokens as a display name; an ALL-CAPS transcript label ('MR. McGEE') is case-folded."""
    text = " ".join(tokens)
    shouting = all(_ALL_CAPS.match(t) or _CAPS_WITH_MC.match(t) or not re.search(r"[A-Za-z]", t)
                   for t in tokens)
    if shouting and len(re.sub(r"[^A-Z]", "", text)) > 2:
        return " ".join(_smart_case(t) for t in tokens)
    return text


# --- parsing a name as printed -------------------------------------------------------------

@dataclass
class NameParts:
    """A printed name split into what it is made of."""
    core: list[str] = field(default_factory=list)     # the name tokens ("A.", "M.", "Rumyantsev")
    titles: list[str] = field(default_factory=list)   # title words, lower case ("foreign", "minister")
    side: str | None = None                           # "US", "USSR", ... from a side label
    title_text: str = ""                              # the title as printed ("The Secretary")

    @property
    def office(self) -> str:
        """The office part of the titles: 'foreign minister' from 'USSR Foreign Minister'."""
        words = [w for w in self.titles if w not in _PLAIN_HONORIFICS and w not in _SIDE_WORDS]
        return " ".join(words)


def _tokens(text: str) -> list[str]:
    text = _INITIALS_RUN.sub(_spread_initials, text)
    return [t for t in re.split(r"\s+", text.strip()) if t]


def _spread_initials(match: re.Match) -> str:
    """'M.A.M.' -> 'M. A. M.'; side labels such as 'U.S.S.R.' stay whole."""
    run = match.group(1)
    if run.lower() in _SIDE_WORDS or run.lower() in TITLE_WORDS:
        return run
    return " ".join(f"{c}." for c in run.replace(".", ""))


# A title joined to a qualifier by hyphens is a title too: 'Ambassador-at-Large', 'Secretary-designate',
# 'President-elect'.
_TITLE_QUALIFIERS = frozenset("at-large designate elect".split())


def _is_title_word(token: str) -> bool:
    low = token.lower().rstrip(".:,")
    if low in TITLE_WORDS or token.lower().rstrip(":,") in TITLE_WORDS:
        return True
    head, _, qualifier = low.partition("-")
    return head in TITLE_WORDS and qualifier in _TITLE_QUALIFIERS


def _looks_like_forenames(text: str) -> bool:
    """'John F.', 'N. S.', 'Vladimir S.': the given names of an index-style 'Surname, Given'."""
    tokens = _tokens(text)
    return (0 < len(tokens) <= 3 and not any(_is_title_word(t) for t in tokens)
            and all(re.match(r"^[A-ZÀ-Ý][\w'.-]*$", t) for t in tokens))


def parse_name(as_printed: str) -> NameParts:
    """Split a printed name into titles, side label and core name tokens."""
    text = clean_inline(as_printed)
    text = _OFFICE_SYMBOL_PREFIX.sub("", text)                       # "D—Mr. Akalovsky"
    text = _DASH_POSTFIX.sub("", text)                               # "Mr. Tyler—EUR"
    text = re.sub(r"^([A-Za-z.]+):\s*", r"\1 ", text)                 # "USSR: Mr. Khrushchev"
    text = text.rstrip(" :;.,") if not re.search(r"\b[A-Z]\.$", text) else text.rstrip(" :;,")
    text = re.sub(r"^(?:the\s+)?White House\s+", "", text, flags=re.IGNORECASE)
    text = _take_parenthesis(text)
    text = _take_comma(text)
    tokens = [_FOOTNOTE_DIGITS.sub("", t) for t in _tokens(text)]
    tokens = _french_honorific([t for t in tokens if t])
    parts = NameParts()
    lead = 0
    while lead < len(tokens) and _is_title_word(tokens[lead]):
        lead += 1
    if lead == len(tokens) and len(tokens) == 1 and tokens[0].lower().rstrip(".") in _NAMEY_TITLES:
        lead = 0                                                      # "KING" the moderator
    parts.core = _drop_of_place(tokens[lead:])
    title_tokens = tokens[:lead]
    for tok in title_tokens:
        word = tok.lower().rstrip(":,")
        word = word if word in TITLE_WORDS else word.rstrip(".")
        if word in _SIDE_WORDS and parts.side is None:
            parts.side = _SIDE_WORDS[word]
        parts.titles.append(word)
    shown = [t for t in title_tokens if t.lower().rstrip(":,.") not in _SIDE_WORDS
             and t.lower().rstrip(":,") not in _SIDE_WORDS]
    parts.title_text = _display(shown) if shown else ""
    return parts


def _french_honorific(tokens: list[str]) -> list[str]:
    """'M. Chauvel' is Monsieur Chauvel, not an initial: a lone 'M.' before a surname (no further
    initials), or before a particle and a surname ('M. de Martel'), becomes the title word 'mm.'
    ('M. N. Patrick' keeps its initials)."""
    if len(tokens) == 2 and tokens[0] == "M." and not _is_initial(tokens[1]) and tokens[1][:1].isupper():
        return ["MM.", tokens[1]]
    if len(tokens) == 3 and tokens[0] == "M." and tokens[1] in ("de", "du", "van", "von") and tokens[2][:1].isupper():
        return ["MM.", *tokens[1:]]
    return tokens


def side_word(word: str) -> str | None:
    """The side a nationality word names: 'French' -> 'France', 'Japanese' -> 'Japan'."""
    return _SIDE_WORDS.get(word.lower())


def country_side(word: str) -> str | None:
    """The side a country's own name names, as in 'the Ambassador of Turkey': 'Turkey' -> 'Turkey'.
    Kept apart from side_word: 'the Ambassador in France' is an American post."""
    word = word.strip()
    return word if word in _COUNTRIES else None


_COUNTRIES = frozenset(_SIDE_WORDS.values()) - {"US", "USSR", "UK"}


_NOBILITY = frozenset("earl duke prince princess marquess count countess baron baroness king queen".split())


def _drop_of_place(core: list[str]) -> list[str]:
    """'Sukarno of Indonesia' -> 'Sukarno'; 'Earl of Home' stays whole."""
    if "of" in core[1:]:
        i = core.index("of", 1)
        rest = [t for t in core[i + 1:] if t.lower() != "the"]
        if rest and all(t[:1].isupper() for t in rest) and core[0].lower() not in _NOBILITY:
            return core[:i]
    return core


def _take_parenthesis(text: str) -> str:
    """'the Ambassador in the Soviet Union (Thompson)' -> 'the Ambassador ... Thompson';
    'Mr. Akalovsky (Interpreting)' -> 'Mr. Akalovsky'."""
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*(.*)$", text)
    if not match:
        return text
    outer, inner, rest = match.groups()
    outer_tokens = _tokens(outer)
    outer_is_title = (not outer_tokens or outer_tokens[0].lower() == "the"
                      or all(_is_title_word(t) or t[:1].islower() for t in outer_tokens))
    if outer_is_title and inner.strip():
        return " ".join([t for t in outer_tokens if _is_title_word(t)] + [inner])
    return f"{outer} {rest}".strip()


def _take_comma(text: str) -> str:
    """'Khrushchev, N. S.' -> 'N. S. Khrushchev'; 'Mr. Levchenko, Second Secretary' -> 'Mr. Levchenko'."""
    if "," not in text:
        return text
    head, tail = text.split(",", 1)
    tail = tail.strip()
    if "," not in tail and _looks_like_forenames(tail) and len(_tokens(head)) == 1:
        return f"{tail} {head}"
    return head


def strip_honorifics(as_printed: str) -> str:
    """'Cde. Blas Roca' -> 'Blas Roca'; 'USSR Foreign Minister Gromyko1' -> 'Gromyko';
    'Chairman Khrushchev' -> 'Khrushchev'; 'MR. NIXON' -> 'Nixon'.

    A title with no name ('The Secretary', 'US The President') gives ''."""
    return _display(parse_name(as_printed).core)


# --- the registry --------------------------------------------------------------------------

@dataclass(frozen=True)
class Person:
    name: str
    forenames: tuple[tuple[str, ...], ...]
    surnames: tuple[str, ...]
    side: str | None
    default: object                      # None | True | (from, to)
    aliases: tuple[str, ...]
    posts: tuple[tuple[str, date, date], ...]   # (title key, from, to), from offices and own posts


@dataclass(frozen=True)
class Office:
    name: str
    titles: tuple[str, ...]
    side: str | None
    holders: tuple[tuple[str, date, date], ...]


class Registry:
    """Indexes over people.json, built once."""

    def __init__(self, data: dict):
        self.offices = [self._office(o) for o in data["offices"]]
        self.office_by_alias: dict[str, list[Office]] = {}
        for raw, office in zip(data["offices"], self.offices):
            for alias in [raw["office"], *raw["aliases"]]:
                self.office_by_alias.setdefault(_office_key(alias), []).append(office)
        posts: dict[str, list] = {}
        for office in self.offices:
            for holder, start, end in office.holders:
                for title in office.titles:
                    posts.setdefault(holder, []).append((alias_key(title), start, end))
        self.people: dict[str, Person] = {}
        self.by_alias: dict[str, list[Person]] = {}
        self.by_surname: dict[str, list[Person]] = {}
        self.spelling: dict[str, str] = {}
        for raw in data["people"]:
            person = self._person(raw, posts.get(raw["name"], []))
            self.people[person.name] = person
            for key in dict.fromkeys(alias_key(a) for a in (person.name, *person.aliases)):
                self.by_alias.setdefault(key, []).append(person)
            for key in dict.fromkeys(alias_key(s) for s in person.surnames):
                self.by_surname.setdefault(key, []).append(person)
            for surname in person.surnames:
                for token in surname.split():
                    self.spelling.setdefault(alias_key(token), token)
            for variants in person.forenames:
                for v in variants:
                    if len(v) > 2:
                        self.spelling.setdefault(alias_key(v), v)
        self.surname_lengths = sorted({len(k.split()) for k in self.by_surname}, reverse=True)

    @staticmethod
    def _office(raw: dict) -> Office:
        holders = tuple((h["name"], _day(h["from"]), _day(h["to"])) for h in raw["holders"])
        return Office(raw["office"], tuple(raw.get("titles", ())), raw.get("side"), holders)

    @staticmethod
    def _person(raw: dict, office_posts: list) -> Person:
        default = raw.get("surname_default")
        if isinstance(default, dict):
            default = (_day(default["from"]), _day(default["to"]))
        own = [(alias_key(p["title"]), _day(p["from"]), _day(p["to"])) for p in raw.get("posts", ())]
        return Person(raw["name"], tuple(tuple(f) for f in raw.get("forenames", ())),
                      tuple(raw["surnames"]), raw.get("side"), default,
                      tuple(raw.get("aliases", ())), tuple(office_posts + own))


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _office_key(title: str) -> str:
    key = alias_key(title)
    return key[4:] if key.startswith("the ") else key


# Holders of the US offices the older FRUS volumes name by title alone ("The Secretary of State to
# the Ambassador in Russia" in 1918 is Lansing; "Mr. Gresham" writing in 1894 is the Secretary).
# They are office holders only (not registry people): their names resolve through the volume.
_EARLIER_HOLDERS = {
    "Secretary of State": [
        ("Hamilton Fish", "1869-03-17", "1877-03-12"), ("William M. Evarts", "1877-03-12", "1881-03-07"),
        ("James G. Blaine", "1881-03-07", "1881-12-19"),
        ("Frederick T. Frelinghuysen", "1881-12-19", "1885-03-06"),
        ("Thomas F. Bayard", "1885-03-07", "1889-03-06"), ("James G. Blaine", "1889-03-07", "1892-06-04"),
        ("John W. Foster", "1892-06-29", "1893-02-23"), ("Walter Q. Gresham", "1893-03-07", "1895-05-28"),
        ("Richard Olney", "1895-06-10", "1897-03-05"), ("John Sherman", "1897-03-06", "1898-04-27"),
        ("William R. Day", "1898-04-28", "1898-09-16"), ("John Hay", "1898-09-30", "1905-07-01"),
        ("Elihu Root", "1905-07-19", "1909-01-27"), ("Robert Bacon", "1909-01-27", "1909-03-05"),
        ("Philander C. Knox", "1909-03-06", "1913-03-05"),
        ("William Jennings Bryan", "1913-03-05", "1915-06-09"),
        ("Robert Lansing", "1915-06-24", "1920-02-13"), ("Bainbridge Colby", "1920-03-23", "1921-03-04"),
        ("Charles Evans Hughes", "1921-03-05", "1925-03-04"), ("Frank B. Kellogg", "1925-03-05", "1929-03-28"),
        ("Henry L. Stimson", "1929-03-28", "1933-03-04"), ("Cordell Hull", "1933-03-04", "1944-11-30"),
    ],
    "President of the United States": [
        ("Ulysses S. Grant", "1869-03-04", "1877-03-04"), ("Rutherford B. Hayes", "1877-03-04", "1881-03-04"),
        ("James A. Garfield", "1881-03-04", "1881-09-19"), ("Chester A. Arthur", "1881-09-19", "1885-03-04"),
        ("Grover Cleveland", "1885-03-04", "1889-03-04"), ("Benjamin Harrison", "1889-03-04", "1893-03-04"),
        ("Grover Cleveland", "1893-03-04", "1897-03-04"), ("William McKinley", "1897-03-04", "1901-09-14"),
        ("Theodore Roosevelt", "1901-09-14", "1909-03-04"), ("William Howard Taft", "1909-03-04", "1913-03-04"),
        ("Woodrow Wilson", "1913-03-04", "1921-03-04"), ("Warren G. Harding", "1921-03-04", "1923-08-02"),
        ("Calvin Coolidge", "1923-08-02", "1929-03-04"), ("Herbert Hoover", "1929-03-04", "1933-03-04"),
    ],
    "Under Secretary of State": [
        ("Frank L. Polk", "1919-07-01", "1920-06-15"), ("William Phillips", "1933-03-06", "1936-08-24"),
        ("Sumner Welles", "1937-05-21", "1943-09-30"),
    ],
}


@lru_cache(maxsize=1)
def _registry() -> Registry:
    data = json.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    for office in data["offices"]:
        earlier = [{"name": n, "from": f, "to": t} for n, f, t in _EARLIER_HOLDERS.get(office["office"], ())]
        office["holders"] = earlier + office["holders"]
    return Registry(data)


def registry_person(name: str) -> Person | None:
    """The registry entry whose canonical name is `name`, if any."""
    return _registry().people.get(name)


# --- matching a core name against the registry ---------------------------------------------

def _is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÀ-Ý][a-z]?\.?", token)) and (token.endswith(".") or len(token) == 1)


def _forename_fit(prefix: list[str], forenames: tuple[tuple[str, ...], ...]) -> int | None:
    """How many forename positions `prefix` skips to fit the person's forenames in order
    (None: it does not fit). 'N. S.' fits (Nikita, Sergeyevich) with 0; 'Averell' fits
    (William, Averell) with 1; 'John' does not fit (Llewellyn, Edward). A middle initial the
    registry does not record ('Alexander A. Akalovsky') fits with a penalty of 1."""
    pos, skipped = 0, 0
    for i, token in enumerate(prefix):
        key = alias_key(token)
        while pos < len(forenames):
            variants = forenames[pos]
            keys = {alias_key(v) for v in variants}
            initials = {alias_key(v)[:1] for v in variants if v}
            if key in keys or (_is_initial(token) and key in initials) or (
                    _is_initial(token) and any(k.startswith(key) for k in keys if len(key) > 1)):
                pos += 1
                break
            pos += 1
            skipped += 1
        else:
            unrecorded_middle = (len(forenames) == 1 and i > 0 and _is_initial(token)
                                 and all(_is_initial(t) for t in prefix[i:]))
            if not unrecorded_middle:
                return None
            return skipped + 1
    return skipped


def _split_surname(core: list[str]) -> list[tuple[list[str], list[Person]]]:
    """Ways to read `core` as forenames + a registry surname (longest surname first)."""
    reg = _registry()
    keys = [alias_key(t) for t in core]
    found = []
    for n in reg.surname_lengths:
        if n > len(core):
            continue
        people = reg.by_surname.get(" ".join(keys[-n:]))
        if people:
            found.append((core[:-n], people))
    return found


def _match_full(core: list[str]) -> Person | None:
    """A registry person named in full: an alias, or forenames that fit + a surname."""
    reg = _registry()
    hits = reg.by_alias.get(alias_key(" ".join(core)), [])
    if len(hits) == 1:
        return hits[0]
    for prefix, people in _split_surname(core):
        if not prefix:
            continue
        fits = [(s, p) for p in people if (s := _forename_fit(prefix, p.forenames)) is not None]
        if fits:
            best = min(s for s, _ in fits)
            winners = [p for s, p in fits if s == best]
            return winners[0] if len(winners) == 1 else None
    return None


def _bare_surname_people(core: list[str]) -> list[Person]:
    for prefix, people in _split_surname(core):
        if not prefix:
            return people
    return []


def _holds(person: Person, office: str, on: date | None) -> bool:
    """Whether the person held an office called `office` ('senator', 'foreign minister', 'minister')
    on the date (at any time when `on` is None)."""
    for title, start, end in person.posts:
        if (title == office or title.endswith(" " + office)) and (on is None or start <= on <= end):
            return True
    return False


def _default_applies(person: Person, on: date | None) -> bool:
    if person.default is True:
        return True
    if isinstance(person.default, tuple):
        return on is not None and person.default[0] <= on <= person.default[1]
    return False


def _resolve_bare(core: list[str], parts: NameParts, on: date | None) -> Person | None:
    """A bare surname: narrowed by the printed office and side, else the registry's default."""
    people = _bare_surname_people(core)
    if not people:
        return None
    if parts.side:
        same_side = [p for p in people if p.side == parts.side]
        people = same_side or people
    office = parts.office
    if office:
        holders = [p for p in people if _holds(p, office, on)]
        if len(holders) == 1:
            return holders[0]
        if len(holders) > 1:
            people = holders
    defaults = [p for p in people if _default_applies(p, on)]
    return defaults[0] if len(defaults) == 1 else None


_HINT_CACHE: dict[int, tuple[dict, dict, int]] = {}


def keyed_hints(hints: dict[str, str]) -> dict[str, str]:
    """The hints by alias key. A FRUS volume hands the same index to all its 390 documents, so
    the keyed form is cached per dict object (and rebuilt if that dict changed size)."""
    cached = _HINT_CACHE.get(id(hints))
    if cached is not None and cached[0] is hints and cached[2] == len(hints):
        return cached[1]
    keyed = {alias_key(k): v for k, v in hints.items() if k and v}
    if len(_HINT_CACHE) > 32:
        _HINT_CACHE.clear()
    _HINT_CACHE[id(hints)] = (hints, keyed, len(hints))
    return keyed


def _hint_for(core: list[str], hints: dict[str, str] | None) -> str | None:
    """The full name a document's hints give for a printed core name ('Semenov' -> 'Vladimir S. Semenov')."""
    if not hints:
        return None
    keyed = keyed_hints(hints)
    full = keyed.get(alias_key(" ".join(core)))
    if full:
        return full
    if len(core) > 1 and all(_is_initial(t) for t in core[:-1]):
        full = keyed.get(alias_key(core[-1]))
        if full:
            initials = [alias_key(t)[:1] for t in _tokens(full)[:-1]]
            if [alias_key(t)[:1] for t in core[:-1]] == initials[:len(core) - 1]:
                return full
    full = keyed.get(alias_key(core[-1])) if len(core) > 1 else None
    if full:
        tokens = _tokens(full)
        while len(tokens) > len(core) and _is_initial(tokens[0]):
            tokens = tokens[1:]                       # 'Averell Harriman' is 'W. Averell Harriman'
        if alias_key(" ".join(tokens)) == alias_key(" ".join(core)):
            return full
    return None


def resolve_person(name: str, hints: dict[str, str] | None = None, on: date | None = None) -> Person | None:
    """The registry person a printed name means, or None when nothing says so safely."""
    parts = parse_name(name)
    core = parts.core
    if not core:
        return None
    office_words = [w for w in parts.titles if w not in _SIDE_WORDS]
    with_title = _registry().by_alias.get(alias_key(" ".join(office_words + core)), [])
    if office_words and len(with_title) == 1:
        return with_title[0]                          # 'Lord Home', 'Marshal Tito'
    person = _match_full(core)
    if person:
        return person
    hinted = _hint_for(core, hints)
    if hinted:
        return _match_full(parse_name(hinted).core)
    return _resolve_bare(core, parts, on)


def canonical_name(name: str, hints: dict[str, str] | None = None, on: date | None = None) -> str:
    """The canonical display name for a name as printed (honorifics stripped first).

    Known figures resolve through the shipped registry (corpus/data/people.json):
    'Khrushchev', 'N. S. Khrushchev', 'Cde. Khrushchev' -> 'Nikita Khrushchev'.
    `hints` (surname -> full name, e.g. from a FRUS volume index) resolve the rest.
    `on` (the document date) lets a printed office pick the right holder ('Senator Kennedy' in
    1960 is John F. Kennedy) and date-limited surname defaults apply.
    A name that nothing resolves comes back cleaned but otherwise unchanged; a bare title
    ('The Secretary') comes back as the title."""
    parts = parse_name(name)
    if not parts.core:
        return parts.title_text or clean_inline(name)
    person = resolve_person(name, hints, on)
    if person:
        return person.name
    hinted = _hint_for(parts.core, hints)
    if hinted:
        return _display(parse_name(hinted).core) or clean_inline(hinted)
    return _display(parts.core)


def known_aliases(canonical: str) -> list[str]:
    """Aliases the registry knows for a canonical name (may be empty): spelled-out and
    initialled forms, surname variants and the registry's own aliases."""
    person = registry_person(canonical)
    if person is None:
        return []
    forms: list[str] = list(person.aliases)
    firsts = person.forenames[0] if person.forenames else ()
    for surname in person.surnames:
        for first in firsts:
            if not _is_initial(first):
                forms.append(f"{first} {surname}")
        if len(person.forenames) >= 2 and firsts:
            initials = " ".join(f"{alias_key(v[0])[:1].upper()}." for v in person.forenames)
            forms.append(f"{initials} {surname}")
            for first in firsts:
                if not _is_initial(first):
                    middle = [v for v in person.forenames[1] if not _is_initial(v)]
                    forms.append(f"{first} {alias_key(person.forenames[1][0])[:1].upper()}. {surname}")
                    forms.extend(f"{first} {m} {surname}" for m in middle[:1])
        if person.default is not None:
            forms.append(surname)
    seen, out = {alias_key(canonical)}, []
    for form in forms:
        key = alias_key(form)
        if key and key not in seen:
            seen.add(key)
            out.append(form)
    return out


def office_holder(title: str, on: date | None) -> str | None:
    """Who held an office on a date: ('The President', 1962-10-18) -> 'John F. Kennedy';
    ('The President', 1963-11-26) -> 'Lyndon B. Johnson'; ('the Secretary', ...) -> the Secretary
    of State. None when the title or date does not determine one person (an unknown title, no
    date, a gap, or a handover day such as 1963-11-22)."""
    if on is None or not title:
        return None
    offices = _registry().office_by_alias.get(_office_key(title), [])
    holders = {name for office in offices for name, start, end in office.holders if start <= on <= end}
    return holders.pop() if len(holders) == 1 else None


# Chiefs of foreign missions in Washington (ambassador or minister), for records of conversation
# that name a caller only by post ("The British Ambassador called this morning"). Standard
# diplomatic lists; where only the month of arrival or departure is known the dates stop short of
# it, so that a handover month answers None rather than a guess.
_ENVOYS_IN_WASHINGTON = {
    "UK": [("Esme Howard", "1924-03-01", "1930-02-28"), ("Ronald Lindsay", "1930-04-01", "1939-08-15"),
           ("Lord Lothian", "1939-09-01", "1940-12-12"), ("Lord Halifax", "1941-02-01", "1946-04-30")],
    "France": [("Paul Claudel", "1927-03-01", "1933-03-31"), ("André de Laboulaye", "1933-06-01", "1937-01-31")],
    "Germany": [("Hans Luther", "1933-05-01", "1937-03-31"), ("Hans-Heinrich Dieckhoff", "1937-06-01", "1938-11-18")],
    "Italy": [("Giacomo de Martino", "1925-01-01", "1932-05-31"), ("Augusto Rosso", "1933-01-01", "1936-07-31"),
              ("Fulvio Suvich", "1936-10-15", "1938-08-31")],
    "Japan": [("Katsuji Debuchi", "1928-09-01", "1934-03-31"), ("Hiroshi Saito", "1934-05-01", "1938-10-31")],
    "China": [("Alfred Sao-ke Sze", "1933-03-01", "1937-05-31"), ("Hu Shih", "1938-10-15", "1942-08-31")],
    "USSR": [("Alexander Troyanovsky", "1934-01-01", "1938-05-31"), ("Constantine Oumansky", "1939-07-01", "1941-10-31")],
    "Argentina": [("Felipe A. Espil", "1931-06-01", "1943-06-30")],
    "Turkey": [("Mehmet Munir Ertegun", "1934-04-01", "1944-11-10")],
    "Mexico": [("Francisco Castillo Nájera", "1935-04-01", "1945-08-31")],
}


def envoy_in_washington(post: str, on: date | None) -> str | None:
    """The head of a country's mission in Washington on a date: ('British Ambassador', 1936-03-05)
    -> 'Ronald Lindsay'; ('Ambassador of Turkey', 1936-04-24) -> 'Mehmet Munir Ertegun'. Only an
    ambassador or minister (not a counselor or a chargé, not a foreign minister); None for an
    unknown country or date."""
    if on is None or not post or not re.fullmatch(
            r"(?:[A-Z][a-z]+\s+)?(?:Ambassador|Minister)(?:\s+of\s+(?:the\s+)?[A-Z][a-z]+)?", post.strip()):
        return None
    words = re.findall(r"[A-Z][a-z]+", post)
    side = next((side_word(w) for w in words if side_word(w)), None) or next(
        (country_side(w) for w in words if country_side(w)), None)
    side = "Germany" if side == "West Germany" else side
    holders = [name for name, start, end in _ENVOYS_IN_WASHINGTON.get(side or "", ())
               if _day(start) <= on <= _day(end)]
    return holders[0] if len(holders) == 1 else None


# Foreign ministers (the head of a country's foreign office), for a report from a capital that names
# him only by office ("the Minister for Foreign Affairs told me"). Standard lists, New Style dates;
# only holders whose dates are well established.
_FOREIGN_MINISTERS = {
    "Turkey": [("Tevfik Rüştü Aras", "1925-03-04", "1938-11-11")],
    "Italy": [("Benito Mussolini", "1932-07-20", "1936-06-08"), ("Galeazzo Ciano", "1936-06-10", "1943-02-05")],
    "UK": [("Lord Rosebery", "1892-08-18", "1894-03-10"), ("Lord Kimberley", "1894-03-11", "1895-06-21"),
           ("Arthur J. Balfour", "1916-12-11", "1919-10-23"), ("John Simon", "1931-11-05", "1935-06-06"),
           ("Samuel Hoare", "1935-06-08", "1935-12-18"), ("Anthony Eden", "1935-12-22", "1938-02-20")],
    "France": [("Alexandre Ribot", "1917-03-21", "1917-10-22"), ("Stephen Pichon", "1917-11-17", "1920-01-19"),
               ("Pierre Laval", "1934-10-14", "1936-01-23"), ("Pierre-Étienne Flandin", "1936-01-25", "1936-06-03"),
               ("Yvon Delbos", "1936-06-05", "1938-03-12")],
    "Germany": [("Konstantin von Neurath", "1932-06-03", "1938-02-03")],
    "Argentina": [("Carlos Saavedra Lamas", "1932-02-20", "1938-02-19")],
    "Japan": [("Kosai Uchida", "1918-09-29", "1923-09-01"), ("Koki Hirota", "1933-09-15", "1936-03-08"),
              ("Hachiro Arita", "1936-04-03", "1937-02-01")],
    "Russia": [("Pavel Milyukov", "1917-03-16", "1917-05-17"), ("Mikhail Tereshchenko", "1917-05-19", "1917-11-06"),
               ("Leon Trotsky", "1917-11-09", "1918-03-12"), ("Georgy Chicherin", "1918-03-14", "1930-07-20")],
}
# Monarchs a mission's report calls by title alone ('The Emperor said', 'the King received me').
_MONARCHS = {
    "Ethiopia": [("Emperor", "Haile Selassie", "1930-04-02", "1974-09-12")],
    "Italy": [("King", "Victor Emmanuel III", "1900-07-29", "1946-05-09")],
    "UK": [("Queen", "Queen Victoria", "1837-06-20", "1901-01-22"), ("King", "George V", "1910-05-06", "1936-01-20"),
           ("King", "Edward VIII", "1936-01-20", "1936-12-11"), ("King", "George VI", "1936-12-11", "1952-02-06")],
    "Japan": [("Emperor", "Hirohito", "1926-12-25", "1989-01-07")],
    "Russia": [("Emperor", "Nicholas II", "1894-11-01", "1917-03-15")],
    "Germany": [("Emperor", "Wilhelm II", "1888-06-15", "1918-11-28")],
    "Egypt": [("King", "Fuad I", "1922-03-15", "1936-04-28"), ("King", "Farouk", "1936-04-28", "1952-07-26")],
    "Iran": [("Shah", "Reza Shah Pahlavi", "1925-12-15", "1941-09-16")],
    "Afghanistan": [("King", "Mohammed Zahir Shah", "1933-11-08", "1973-07-17")],
    "Belgium": [("King", "Leopold III", "1934-02-23", "1951-07-16")],
}
_MONARCH_TITLE_KEYS = {"emperor": "Emperor", "king": "King", "queen": "Queen", "shah": "Shah", "tsar": "Emperor",
                   "czar": "Emperor", "kaiser": "Emperor"}
# Capitals and other seats of government a mission reports from -> the country whose officials it meets.
_SEATS = {
    "ankara": "Turkey", "angora": "Turkey", "istanbul": "Turkey", "rome": "Italy", "london": "UK",
    "paris": "France", "berlin": "Germany", "tokyo": "Japan", "petrograd": "Russia", "moscow": "Russia",
    "vologda": "Russia", "buenos aires": "Argentina", "addis ababa": "Ethiopia", "cairo": "Egypt",
    "teheran": "Iran", "tehran": "Iran", "kabul": "Afghanistan", "brussels": "Belgium",
    "st. petersburg": "Russia",
}
_FOREIGN_MINISTER_TITLES = frozenset({"minister for foreign affairs", "minister of foreign affairs", "foreign minister",
                                      "foreign secretary", "secretary of state for foreign affairs",
                                      "people's commissar for foreign affairs", "commissar for foreign affairs"})


def is_foreign_minister_title(title: str) -> bool:
    """'the Minister for Foreign Affairs', 'Foreign Minister', 'the Foreign Secretary'."""
    key = re.sub(r"^the ", "", clean_inline(title).lower().replace("’", "'"))
    return key in _FOREIGN_MINISTER_TITLES


def _seat_country(place: str) -> str:
    """'Ankara' -> 'Turkey'; '' for a place that is no known seat of government."""
    return _SEATS.get(alias_key(place.split(",")[-1]), "")


def foreign_minister_at(place: str | None, on: date | None) -> str | None:
    """The foreign minister of the country whose capital a report is sent from, on its date:
    ('Ankara', 1936-04-22) -> 'Tevfik Rüştü Aras'; ('Rome', 1936-07-01) -> 'Galeazzo Ciano'. None for
    an unknown place or date, or a day between holders."""
    if on is None or not place:
        return None
    holders = [name for name, start, end in _FOREIGN_MINISTERS.get(_seat_country(place), ())
               if _day(start) <= on <= _day(end)]
    return holders[0] if len(holders) == 1 else None


def monarch_at(place: str | None, on: date | None, title: str) -> str | None:
    """The monarch a report from a capital means by 'the Emperor', 'the King' or 'the Shah' on its
    date: ('Addis Ababa', 1936-05-01, 'Emperor') -> 'Haile Selassie'. None for another title, an
    unknown place or date."""
    wanted = _MONARCH_TITLE_KEYS.get(clean_inline(title).lower().removeprefix("the "))
    if on is None or not place or not wanted:
        return None
    holders = [name for held, name, start, end in _MONARCHS.get(_seat_country(place), ())
               if held == wanted and _day(start) <= on <= _day(end)]
    return holders[0] if len(holders) == 1 else None


def names_registry_person(words: str) -> bool:
    """Whether `words` name someone in the registry in full or by a registry surname
    ('Fidel Castro', 'Khrushchev', 'Semenov'), however ambiguous."""
    core = _tokens(words)
    return bool(core) and bool(_match_full(core) or _bare_surname_people(core[-1:]))


def is_office(title: str) -> bool:
    """Whether the registry knows `title` as the name of an office ('DCI', 'the Secretary')."""
    return bool(_registry().office_by_alias.get(_office_key(title)))


def titles_held(name: str, on: date | None) -> set[str]:
    """Title keys ('president', 'secretary', 'chairman') of the registry offices and posts the
    person held on the date (all of them when `on` is None)."""
    person = registry_person(name)
    if person is None:
        return set()
    return {title for title, start, end in person.posts if on is None or start <= on <= end}


def surname_keys(name: str) -> set[str]:
    """Keys by which a canonical name may be mentioned on its own: the registry's surname
    variants, else the last token ('Blas Roca' -> {'blas roca'}, 'John Guthrie' -> {'guthrie'})."""
    person = registry_person(name)
    if person is not None:
        return {alias_key(s) for s in person.surnames}
    tokens = [t for t in _tokens(name) if not _is_initial(t)]
    return {alias_key(tokens[-1])} if tokens else set()


def forename_keys(name: str) -> set[str]:
    """Keys of the given names ('David Ormsby Gore' -> {'david', 'william'}), for 'Sir David'."""
    person = registry_person(name)
    if person is not None:
        return {alias_key(v) for variants in person.forenames for v in variants if not _is_initial(v)}
    tokens = [t for t in _tokens(name) if not _is_initial(t)]
    return {alias_key(tokens[0])} if len(tokens) > 1 else set()
