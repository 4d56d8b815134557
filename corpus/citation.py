"""Readable source titles and short citations, made from a source's key and a document's id.

A historian cites a FRUS document by volume and document number ("FRUS 1961-63, vol. V, doc. 85")
and a Wilson Center record by its title and record number; the catalog keeps the keys these come
from (`frus1961-63v05`, `frus1918Russiav03:d139`, `wilson:300041`), so both are derived here by
rule, for any volume, not from a list of the volumes we happen to hold.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# frus1961-63v05, frus1918Russiav03, frus1919Parisv11, frus1894Nicaragua, frus1936v03
_FRUS_KEY = re.compile(r"frus(?P<years>\d{4}(?:-\d{2,4})?)(?P<subject>[A-Za-z][A-Za-z-]*?)?(?:v(?P<volume>\d+))?$")
_DOC_NUMBER = re.compile(r"d(\d+)$")
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
          ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
WILSON_ARCHIVE = "Wilson Center Digital Archive"


@dataclass(frozen=True)
class FrusVolume:
    years: str              # "1961-63", "1918"
    subject: str | None     # "Russia", "Paris" (as the key spells it)
    volume: int | None

    @property
    def short(self) -> str:
        """FRUS 1961-63, vol. V · FRUS 1918, Russia, vol. III · FRUS 1894, Nicaragua"""
        return self._joined(f"FRUS {self.years}", "vol.")

    @property
    def title(self) -> str:
        """Foreign Relations of the United States, 1961-63, Volume V (and the subject, if any)."""
        return self._joined(f"Foreign Relations of the United States, {self.years}", "Volume")

    def _joined(self, series: str, volume_word: str) -> str:
        parts = [series]
        if self.subject:
            parts.append(_spaced(self.subject))
        if self.volume:
            parts.append(f"{volume_word} {roman(self.volume)}")
        return ", ".join(parts)


def frus_volume(source_key: str) -> FrusVolume | None:
    found = _FRUS_KEY.match(source_key or "")
    if not found:
        return None
    volume = int(found["volume"]) if found["volume"] else None
    return FrusVolume(found["years"], found["subject"] or None, volume)


def source_title(source_key: str) -> str:
    """A readable title for a source key (the key itself when no rule knows it)."""
    if (source_key or "").lower() == "wilson":
        return WILSON_ARCHIVE
    volume = frus_volume(source_key)
    return volume.title if volume else _readable(source_key)


def cite(doc_id: str, title: str | None, source_key: str | None) -> str:
    """The short citation of a document: FRUS volume and document number, a Wilson record's
    title and number, else the title and the source's readable title."""
    native = doc_id.split(":", 1)[1] if ":" in doc_id else doc_id
    volume = frus_volume(source_key or "")
    number = _DOC_NUMBER.match(native)
    if volume and number:
        return f"{volume.short}, doc. {number.group(1)}"
    if (source_key or "").lower() == "wilson":
        record = f", record {native}" if native.isdigit() else ""
        return f"“{title or native}”, {WILSON_ARCHIVE}{record}"
    where = source_title(source_key) if source_key else None
    return f"{title or doc_id}, {where}" if where and where != title else (title or doc_id)


def roman(number: int) -> str:
    out = []
    for letters, value in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _spaced(subject: str) -> str:
    """ChinaKorea -> China Korea; keeps a single word as it is."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", subject)


def _readable(key: str) -> str:
    """A folder-made key as words: presidential-news-conferences-debates -> Presidential news
    conferences debates (a key with capitals or spaces is kept as it is)."""
    if not key or key != key.lower() or " " in key:
        return key
    words = re.sub(r"[-_]+", " ", key).strip()
    return words[:1].upper() + words[1:]
