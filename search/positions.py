"""Where every word is: the corpus's word stream as NumPy arrays, for matching words, phrases,
prefixes and proximity, and for sorting KWIC lines by context, without walking Whoosh's posting
lists entry by entry in Python.

Built from the token store after every index update and published beside the index:

- `tokens`: every entry's word ids in index order (the same positions as Whoosh's), entries one
  after another with a 0 before each entry and after the last, so that a phrase never runs from
  one entry into the next;
- `postings`: the stream's positions grouped by word id (`offsets[w]:offsets[w+1]` are word w's,
  ascending), so a word's hits are one slice and a phrase's are the rarest word's positions
  checked against `tokens` at the other offsets — a gather, whatever the words' frequency;
- `entry_start`, `entry_dseq`, `entry_ustart`: where each entry begins in the stream, and which
  index entry it is (document seq and start offset, the keys the index's columns hold).

A build writes a new folder `positions-<generation>` and then points `positions.json` at it, so
a reader sees the old arrays or the new ones, never a mixture. The arrays describe one Whoosh
generation; a searcher on another generation does not use them (it falls back to Whoosh).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import generations
from .tokenstore import STORE_FILE

POINTER = "positions.json"
PREFIX = "positions-"
ARRAYS = ("tokens", "postings", "offsets", "entry_start", "entry_dseq", "entry_ustart", "rank")


@dataclass
class Positions:
    generation: int
    tokens: np.ndarray
    postings: np.ndarray
    offsets: np.ndarray
    entry_start: np.ndarray
    entry_dseq: np.ndarray
    entry_ustart: np.ndarray
    rank: np.ndarray              # word id -> place of the word in alphabetical order
    words: list[str]              # word id -> word ("" for id 0)

    def __post_init__(self):
        self.ids = {w: i for i, w in enumerate(self.words) if i}
        self._sorted_words: list[str] | None = None

    def frequency(self, word_id: int) -> int:
        return int(self.offsets[word_id + 1] - self.offsets[word_id])

    def occurrences(self, word_id: int) -> np.ndarray:
        """Stream positions of one word, ascending."""
        return self.postings[self.offsets[word_id]:self.offsets[word_id + 1]]

    def id_of(self, word: str) -> int:
        return self.ids.get(word, 0)

    def with_prefix(self, prefix: str) -> list[int]:
        """Ids of every word starting with `prefix`, in alphabetical order."""
        if self._sorted_words is None:
            order = np.argsort(self.rank[1:]) + 1
            self._sorted_words = [self.words[i] for i in order]
            self._sorted_ids = order
        lo = _bisect(self._sorted_words, prefix)
        hi = _bisect(self._sorted_words, prefix + "\U0010ffff")
        return [int(i) for i in self._sorted_ids[lo:hi]]

    def entry_of(self, positions: np.ndarray) -> np.ndarray:
        """The entry (index into entry_*) holding each stream position."""
        return np.searchsorted(self.entry_start, positions, side="right") - 1


def _bisect(words: list[str], key: str) -> int:
    lo, hi = 0, len(words)
    while lo < hi:
        mid = (lo + hi) // 2
        if words[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------- building

def publish(folder: Path, generation: int) -> Path:
    """Build the arrays for the index in `folder` (Whoosh generation `generation`) from its token
    store and make them the current ones."""
    folder = Path(folder)
    target = folder / f"{PREFIX}{generation}"
    building = folder / f"{PREFIX}{generation}.building"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    meta = _build(folder / STORE_FILE, building)
    if target.exists():
        shutil.rmtree(target)
    building.rename(target)
    pointer = folder / POINTER
    tmp = pointer.with_suffix(".tmp")
    tmp.write_text(json.dumps({"generation": generation, "folder": target.name, **meta}))
    tmp.replace(pointer)
    for old in folder.glob(f"{PREFIX}*"):
        if old.name != target.name:
            shutil.rmtree(old, ignore_errors=True)
    return target


def _build(store: Path, out: Path) -> dict:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        words = [""] * (conn.execute("SELECT coalesce(max(id), 0) FROM lexicon").fetchone()[0] + 1)
        for word_id, word in conn.execute("SELECT id, word FROM lexicon"):
            words[word_id] = word
        dseqs, ustarts, lengths, chunks = [], [], [], []
        for dseq, ustart, blob in conn.execute("SELECT dseq, ustart, ids FROM unit ORDER BY dseq, ustart"):
            ids = np.frombuffer(blob, dtype="<u4")
            ids = ids[ids != 0]
            dseqs.append(dseq)
            ustarts.append(ustart)
            lengths.append(len(ids))
            chunks.append(ids)
    finally:
        conn.close()
    lengths_arr = np.asarray(lengths, dtype=np.int64)
    # A 0 before each entry and one after the last.
    entry_start = np.cumsum(np.concatenate(([1], lengths_arr[:-1] + 1))) if lengths else np.zeros(0, np.int64)
    tokens = np.zeros(int(lengths_arr.sum()) + len(lengths) + 1, dtype=np.int32)
    for start, ids in zip(entry_start, chunks):
        tokens[start:start + len(ids)] = ids
    counts = np.bincount(tokens, minlength=len(words))
    counts[0] = 0
    offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    order = np.argsort(tokens, kind="stable").astype(np.int32)
    postings = order[len(tokens) - int(counts.sum()):]        # the zeros sort first: drop them
    rank = np.empty(len(words), dtype=np.int32)
    rank[np.array(sorted(range(len(words)), key=words.__getitem__), dtype=np.int64)] = np.arange(len(words))
    arrays = dict(tokens=tokens, postings=postings, offsets=offsets, entry_start=entry_start.astype(np.int64),
                  entry_dseq=np.asarray(dseqs, dtype=np.int64), entry_ustart=np.asarray(ustarts, dtype=np.int64),
                  rank=rank)
    for name, array in arrays.items():
        np.save(out / f"{name}.npy", array)
    (out / "words.json").write_text(json.dumps(words, ensure_ascii=False))
    return {"entries": len(lengths), "tokens": int(lengths_arr.sum()), "words": len(words) - 1}


# ---------------------------------------------------------------- reading

def current(folder: Path) -> dict | None:
    """The pointer to the published arrays, or None when there are none."""
    try:
        return json.loads((Path(folder) / POINTER).read_text())
    except (FileNotFoundError, ValueError):
        return None


def load(folder: Path) -> Positions | None:
    """The published arrays (memory-mapped), or None when there are none; IndexDamaged when
    they do not match the index manifest (truncated or overwritten)."""
    if not (Path(folder) / POINTER).exists():
        return None
    generations.verify_part(folder, generations.is_positions_file, "positions")
    pointer = current(folder)
    if pointer is None:
        return None
    where = Path(folder) / pointer["folder"]
    try:
        # Plain arrays over the mapped files: indexing a np.memmap costs more per call.
        arrays = {name: np.asarray(np.load(where / f"{name}.npy", mmap_mode="r")) for name in ARRAYS}
        words = json.loads((where / "words.json").read_text())
    except (OSError, ValueError):
        return None
    return Positions(generation=pointer["generation"], words=words, **arrays)
