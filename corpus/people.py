"""Names, honorifics, aliases and office holders. STUB: a helper implements it."""
from __future__ import annotations

from datetime import date


def strip_honorifics(as_printed: str) -> str:
    """'Cde. Blas Roca' -> 'Blas Roca'; 'USSR Foreign Minister Gromyko1' -> 'Gromyko';
    'Chairman Khrushchev' -> 'Khrushchev'; 'MR. NIXON' -> 'Nixon'."""
    raise NotImplementedError


def canonical_name(name: str, hints: dict[str, str] | None = None) -> str:
    """The canonical display name for a name as printed (honorifics stripped first).

    Known figures resolve through the shipped registry (corpus/data/people.json):
    'Khrushchev', 'N. S. Khrushchev', 'Cde. Khrushchev' -> 'Nikita Khrushchev'.
    `hints` (surname -> full name, e.g. from a FRUS volume index) resolve the rest.
    A name that nothing resolves comes back cleaned but otherwise unchanged."""
    raise NotImplementedError


def alias_key(name: str) -> str:
    """A matching key for a name: lower case, accents and punctuation folded."""
    raise NotImplementedError


def known_aliases(canonical: str) -> list[str]:
    """Aliases the registry knows for a canonical name (may be empty)."""
    raise NotImplementedError


def office_holder(title: str, on: date | None) -> str | None:
    """Who held an office on a date: ('The President', 1962-10-18) -> 'John F. Kennedy';
    ('The President', 1963-11-26) -> 'Lyndon B. Johnson'; ('the Secretary', ...) -> the Secretary
    of State. None when the title or date does not determine one person."""
    raise NotImplementedError
