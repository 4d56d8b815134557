"""Keyword-in-context lines built from match positions, never from Whoosh's highlighter.

An index position is the index of a token in corpus.text.tokenize(passage text). A KWIC line
maps it back onto the document text through the same tokenizer, so `start`/`end` are exact
character offsets and the context is word-aligned across passage boundaries.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from corpus.text import TOKEN_RE

_SPACES = re.compile(r"\s+")


@dataclass
class DocTokens:
    """Character spans of every token of one document text."""
    text: str
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> "DocTokens":
        starts, ends = [], []
        for m in TOKEN_RE.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        return cls(text, starts, ends)

    def token_index(self, char_offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, char_offset)

    def word(self, i: int) -> str:
        if 0 <= i < len(self.starts):
            return self.text[self.starts[i]:self.ends[i]].lower()
        return ""


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


def kwic_line(tokens: DocTokens, first: int, last: int, width: int) -> Line:
    """The line for the hit covering document tokens first..last (inclusive)."""
    text = tokens.text
    start, end = tokens.starts[first], tokens.ends[last]
    left_from = tokens.starts[max(0, first - width)] if width > 0 and first > 0 else start
    right_to = tokens.ends[min(len(tokens.ends) - 1, last + width)] if width > 0 else end
    return Line(left=flat(text[left_from:start]), match=flat(text[start:end]),
                right=flat(text[end:right_to]), start=start, end=end)


def context_key(tokens: DocTokens, first: int, last: int, sort: str) -> tuple[str, ...]:
    """Sort key for L1..L3 / R1..R3: the words at those distances left or right of the hit."""
    side, depth = sort[0].upper(), int(sort[1])
    if side == "L":
        return tuple(tokens.word(first - k) for k in range(1, depth + 1))
    return tuple(tokens.word(last + k) for k in range(1, depth + 1))
