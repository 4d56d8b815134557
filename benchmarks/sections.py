"""Sections of BENCHMARKS.md that other benchmark scripts own.

`python -m benchmarks` regenerates BENCHMARKS.md from its own results; the load test writes its numbers
into the same file. Each such part sits between two marker comments, so the script that owns it can
replace it and `python -m benchmarks` can carry it over into the report it writes.
"""
from __future__ import annotations

import re

BEGIN = "<!-- section {name}: written by {owner}; the next run replaces it -->"
END = "<!-- end of section {name} -->"
_SECTION = re.compile(r"<!-- section (?P<name>[\w-]+): .*? -->\n.*?<!-- end of section (?P=name) -->\n?", re.S)


def wrap(name: str, owner: str, body: str) -> str:
    return f"{BEGIN.format(name=name, owner=owner)}\n{body.rstrip()}\n{END.format(name=name)}\n"


def sections(text: str) -> list[str]:
    """Every marked section of `text`, markers included, in order."""
    return [m.group(0).rstrip("\n") + "\n" for m in _SECTION.finditer(text)]


def replace(text: str, name: str, owner: str, body: str) -> str:
    """`text` with section `name` set to `body`: replaced where it stands, else appended at the end."""
    new = wrap(name, owner, body)
    for m in _SECTION.finditer(text):
        if m.group("name") == name:
            return text[:m.start()] + new + text[m.end():]
    return (text.rstrip("\n") + "\n\n" if text.strip() else "") + new


def carry_over(old: str, new: str) -> str:
    """The report `new` with the marked sections of the previous report `old` appended."""
    kept = sections(old)
    return new if not kept else new.rstrip("\n") + "\n\n" + "\n".join(kept)
