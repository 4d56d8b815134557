"""Common English words, to read text printed wholly in capitals.

Cables and intelligence reports are often typed in capitals ('LOMBARDO TOLD ROMERO HE WANTED THE
PRESIDENT TO KNOW'). The rules of conversation tell names from other words by their case, so such
a paragraph is first given the case an FBI report would print: the common words in lower case, the
rest (surnames, places, OCR debris) left in capitals ('LOMBARDO told ROMERO he wanted the president
to know'). The common words are those printed in lower case twice or more in the bundled seeds
(data/common_words.txt; rebuild with `python -m corpus.lexicon seeds`)."""
from __future__ import annotations

import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("data") / "common_words.txt"
_LOWER_WORD = re.compile(r"(?<![A-Za-z'’\-])[a-z]+(?![A-Za-z'’\-])")
_CAPS_WORD = re.compile(r"(?<![A-Za-z'’])[A-Z]+(?:['’][A-Z]+)?(?![A-Za-z'’])")
_SENTENCE_START = re.compile(r"(?:^|(?<![,;])[.!?]\W{0,2}\s+)\W{0,3}$")      # not after OCR's ',.'"


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    lines = WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def mostly_capitals(text: str, share: float = 0.8) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) >= share * len(letters)


def recased(text: str, keep=lambda word: False) -> str:
    """A paragraph in capitals with its common words in lower case (the first of a sentence
    capitalized); words `keep` names stay in capitals. Same length as the text."""
    words = common_words()

    def one(match: re.Match) -> str:
        word = match.group()
        low = word.lower()
        if low not in words or len(word) == 1 and low not in ("a", "i") or keep(word):
            return word
        if low == "i" or _SENTENCE_START.search(text[:match.start()]):
            return low[0].upper() + low[1:]
        return low

    return _CAPS_WORD.sub(one, text)


def build(folder: Path) -> list[str]:
    """Words printed in lower case twice or more in the files under a folder."""
    counts: Counter[str] = Counter()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        counts.update(_LOWER_WORD.findall(path.read_text(encoding="utf-8", errors="replace")))
    return sorted(w for w, n in counts.items() if n >= 2)


if __name__ == "__main__":            # python -m corpus.lexicon seeds > corpus/data/common_words.txt
    print("# Printed in lower case twice or more in the bundled seeds: python -m corpus.lexicon seeds")
    print("\n".join(build(Path(sys.argv[1] if len(sys.argv) > 1 else "seeds"))))
