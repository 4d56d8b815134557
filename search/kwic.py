"""Keyword-in-context lines built from match positions, never from Whoosh's highlighter.

An index position is the index of a token in corpus.text.tokenize(passage text). A KWIC line
maps it back onto the document text through the same tokenizer, so `start`/`end` are exact
character offsets and the context is word-aligned across passage boundaries.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from corpus.text import TOKEN_RE

_SPACES = re.compile(r"\s+")


@dataclass
class Around:
    """Token spans around one hit: `width` tokens each side (fewer at the edges of the text)."""
    left: list[tuple[int, int]]
    first: tuple[int, int]
    last: tuple[int, int]
    right: list[tuple[int, int]]


def around(text: str, unit_start: int, first: int, last: int, width: int) -> Around:
    """The hit covering tokens first..last of the index unit starting at `unit_start`, with its
    context, found by tokenizing only near the hit (documents can be megabytes long)."""
    forward = []
    for m in TOKEN_RE.finditer(text, unit_start):
        forward.append(m.span())
        if len(forward) > last + width:
            break
    before = forward[max(0, first - width):first]
    missing = width - len(before)
    if missing > 0 and unit_start > 0:
        before = _tokens_before(text, unit_start, missing) + before
    return Around(before, forward[first], forward[last], forward[last + 1:last + 1 + width])


def around_occurrence(text: str, unit_start: int, word: str, nth: int, length: int, width: int) -> Around | None:
    """The same as around() for a hit whose first word is the `nth` (from 0) occurrence of `word`
    in the unit: found by searching for that word alone, so a hit deep inside a long unit costs
    no tokenizing of the text before it. None when the text does not agree (the caller then
    uses around())."""
    found = next(islice(_token_occurrences(text, unit_start, word), nth, None), None)
    if found is None:
        return None
    forward = [m.span() for m in islice(TOKEN_RE.finditer(text, found), length + width)]
    if len(forward) < length:
        return None
    return Around(_tokens_before(text, found, width) if width else [], forward[0], forward[length - 1],
                  forward[length:length + width])


def _token_occurrences(text: str, start: int, word: str):
    """Start offsets, from `start` on, of the tokens of TOKEN_RE that are `word` (lower case).

    A token always stands between two non-word characters, but such a stretch is not always a
    token ("s" in "U.S.", "t" in "don't", "5" in "3.5"): each candidate is checked by tokenizing
    the run of word characters, apostrophes and periods around it, which is how TOKEN_RE splits
    any text (nuclear in "non-nuclear" is a token; the run is just "nuclear")."""
    for m in _word_pattern(word).finditer(text, start):
        run_start = _run_start(text, m.start())
        if run_start == m.start() and not _RUN_CHAR.match(text, m.end()):
            if m.group().lower() == word:   # the run is the word alone: the common case
                yield m.start()
            continue
        run_end = _RUN.match(text, m.start()).end()
        if any(t.start() == m.start() and t.group().lower() == word
               for t in TOKEN_RE.finditer(text, run_start, run_end)):
            yield m.start()


@lru_cache(maxsize=4096)
def _word_pattern(word: str) -> re.Pattern:
    """`word` between two non-word characters: a candidate token (see _token_occurrences)."""
    return re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.IGNORECASE)


_RUN = re.compile(r"[\w'.]*")
_RUN_CHAR = re.compile(r"[\w'.]")


def _run_start(text: str, pos: int) -> int:
    """Where the run of word characters, apostrophes and periods holding `pos` begins."""
    while pos > 0 and _RUN_CHAR.match(text, pos - 1):
        pos -= 1
    return pos


def _tokens_before(text: str, end: int, count: int) -> list[tuple[int, int]]:
    """The last `count` token spans that end at or before `end`."""
    step = 16 * (count + 1)
    while True:
        # Start the window at the beginning of a run of [\w'.]: tokenizing from inside one could
        # cut a token in two ("U.S." read from the "S").
        start = _run_start(text, max(0, end - step))
        spans = [m.span() for m in TOKEN_RE.finditer(text, start, end)]
        if len(spans) >= count or start == 0:
            return spans[-count:] if count else []
        step *= 4


@dataclass
class Line:
    left: str
    match: str
    right: str
    start: int
    end: int


def flat(text: str) -> str:
    """Context as one line: paragraph breaks and runs of white space become one space."""
    return _SPACES.sub(" ", text).strip()


def kwic_line(text: str, hit: Around) -> Line:
    """The line for a hit: left context, the match, right context, and the match's offsets."""
    start, end = hit.first[0], hit.last[1]
    left_from = hit.left[0][0] if hit.left else start
    right_to = hit.right[-1][1] if hit.right else end
    return Line(left=flat(text[left_from:start]), match=flat(text[start:end]),
                right=flat(text[end:right_to]), start=start, end=end)


SORT_WORDS = 3      # a context sort orders by the word at its position and the next two outward


def context_depth(sort: str) -> int:
    """How many words away from the hit a context sort reads: L2 reads L2, L3 and L4."""
    return int(sort[1]) + SORT_WORDS - 1


def context_key(text: str, hit: Around, sort: str) -> tuple[str, ...]:
    """Sort key for L1..L3 / R1..R3: the word at that distance left or right of the hit, then the
    next words outward, so lines with the same word there are ordered by the word beyond it (L1
    ties by L2, then L3). The `hit` must have been built with a width of context_depth(sort)."""
    position = int(sort[1])
    if sort[0].upper() == "L":
        spans = list(reversed(hit.left))[:context_depth(sort)]
    else:
        spans = hit.right[:context_depth(sort)]
    words = [text[a:b].lower() for a, b in spans]
    words += [""] * (context_depth(sort) - len(words))
    return tuple(words[position - 1:])


def passage_line(text: str, start: int, end: int, words: int) -> Line:
    """A listed passage as a line: the opening of text[start:end], up to `words` tokens, in
    `match`, and "…" in `right` when the passage goes on past it."""
    spans = [m.span() for m in islice(TOKEN_RE.finditer(text, start, end), words + 1)]
    stop = end if len(spans) <= words else spans[words - 1][1]
    return Line(left="", match=flat(text[start:stop]), right="…" if stop < end else "", start=start, end=stop)
