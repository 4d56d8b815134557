"""Word variants: every indexed word form grouped by its stem, kept next to the index.

`blockade` in variants mode means every form in the index whose Snowball stem is `blockad`
(blockade, blockades, blockaded, blockading). The table is updated by the indexer after each
commit from the index's own word list, so it never misses a form the index holds.
"""
from __future__ import annotations

import json
from pathlib import Path

from .schema import stem

STEMS_FILE = "crisis-stems.json"


class Variants:
    def __init__(self, folder: Path):
        self.path = Path(folder) / STEMS_FILE
        data = json.loads(self.path.read_text()) if self.path.exists() else {}
        self.by_stem: dict[str, list[str]] = data

    def forms(self, word: str) -> list[str]:
        """Indexed forms sharing the word's stem (the word itself first if it is indexed)."""
        forms = self.by_stem.get(stem(word), [])
        return sorted(forms, key=lambda f: (f != word, f))

    def update_from(self, reader) -> None:
        """Add every word of the index's `text` field that the table does not know yet."""
        known = {w for forms in self.by_stem.values() for w in forms}
        for term in reader.lexicon("text"):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            if word not in known:
                self.by_stem.setdefault(stem(word), []).append(word)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.by_stem, ensure_ascii=False))
        tmp.replace(self.path)
