"""Text normalization and tokenizing shared by every reader, the catalog and the index.

Normalization is length-preserving per character where it can be (one apostrophe form
for another), so that character offsets into the stored text stay meaningful.
"""
from __future__ import annotations

import re
import unicodedata

# Apostrophe-like and quote-like characters folded to one canonical form each.
APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u2032\u0060\u00b4"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_TRANSLATE = {ord(c): "'" for c in APOSTROPHES} | {ord(c): '"' for c in DOUBLE_QUOTES}
# Characters that are never text: NUL and C0/C1 controls except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_INLINE_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+")
_BLANK_LINES = re.compile(r"\n\s*\n")

# A word (issue 11): letters and digits, split at hyphens and other dashes ("non-nuclear" is
# "non", "nuclear"; "IL-28" is "il", "28") and at a period between two words ("bases.The" is
# "bases", "the"), but kept whole across an inner apostrophe ("don't", "Khrushchev's"), a period
# between digits ("3.5") and in abbreviations of single letters and periods ("U.S.", "U.S.S.R.",
# "p.m.", "D.C.": tokens "u.s", "u.s.s.r", "p.m", "d.c"; the final period is not part of them).
# Characters that can never be part of a word (anything but \w, ' and .) end a word, so a text
# tokenizes as its runs of [\w'.] do, each on its own (search/kwic.py relies on this).
# (The look-ahead only makes the common case, a word that is no abbreviation, fail sooner.)
TOKEN_RE = re.compile(r"(?=[^\W\d_]\.[^\W\d_])[^\W\d_](?:\.[^\W\d_])+(?!\w)"    # U.S, U.S.S.R, p.m, D.C
                      r"|\w+(?:(?:'|(?<=\d)\.(?=\d))\w+)*",                   # words, don't, 3.5
                      re.UNICODE)
# Raised whenever a change makes TOKEN_RE give other tokens: an index records the version it was
# built with, and `corpus check` asks for `corpus reindex` when it is older (search/indexer.py).
TOKENIZER_VERSION = 2


def clean_inline(value: str | None) -> str:
    """Normalize one line of text: NFC, canonical quotes, no controls, folded spaces."""
    if not value:
        return ""
    value = unicodedata.normalize("NFC", value)
    value = _SURROGATE.sub("\ufffd", value)
    value = value.translate(_TRANSLATE)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub(" ", value)
    value = _INLINE_SPACE.sub(" ", value.replace("\n", " "))
    return value.strip()


def normalize_paragraphs(paragraphs) -> str:
    """Join paragraphs (each cleaned, empty ones dropped) with a blank line between them."""
    return "\n\n".join(p for p in (clean_inline(p) for p in paragraphs) if p)


def split_paragraphs(raw: str, single_newline: bool = False) -> list[str]:
    """Split raw text into paragraphs: at blank lines, or at every newline if `single_newline`."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    parts = raw.split("\n") if single_newline else _BLANK_LINES.split(raw)
    return [p for p in (clean_inline(p) for p in parts) if p]


def normalize_text(raw: str, single_newline: bool = False) -> str:
    """Normalize a whole raw text into the canonical stored form."""
    return "\n\n".join(split_paragraphs(raw, single_newline))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the paragraphs of a normalized text."""
    spans, pos = [], 0
    for para in text.split("\n\n"):
        if para:
            spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return spans


def tokenize(text: str) -> list[str]:
    """Lower-cased word tokens, the unit of every count in the project."""
    return [m.group().lower() for m in TOKEN_RE.finditer(text)]


def count_tokens(text: str) -> int:
    return sum(1 for _ in TOKEN_RE.finditer(text))


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def is_probably_binary(data: bytes) -> bool:
    """True for bytes that are not text: NULs, or many control bytes in the first 8 KB.

    UTF-16 text (with its byte order mark) has a NUL byte in every ASCII character, so it is
    judged by its decoded characters instead."""
    head = data[:8192]
    if head.startswith(UTF16_BOMS):
        return _mostly_controls(head[:len(head) // 2 * 2].decode("utf-16", errors="replace"))
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and controls / len(head) > 0.05


def _mostly_controls(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\x0c\r")
    return bool(text) and controls / len(text) > 0.05


# What the catalog cannot hold in a text column: NUL and the other C0/C1 controls (tab, newline
# and carriage return are kept) and lone surrogates, which UTF-8 cannot encode.
_UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def scrub(value: str) -> str:
    """The value with each control character made a space and each lone surrogate U+FFFD: one
    character for one, so offsets into a scrubbed text still hold."""
    if not _UNSTORABLE.search(value):
        return value
    return _UNSTORABLE.sub(lambda m: "\ufffd" if m.group() >= "\ud800" else " ", value)


def decode_text(data: bytes) -> str:
    """Decode file bytes as UTF-8 (with or without BOM), falling back to UTF-16 with a BOM.

    Raises UnicodeDecodeError when the bytes are not text in those encodings."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")
