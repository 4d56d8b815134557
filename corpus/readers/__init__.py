"""One reader per input format. Each reader module exposes:

    NAME: str                                   # the --format name
    EXTENSIONS: tuple[str, ...]                 # file endings it may read (".xml"), lower case
    sniff(path: Path, head: str) -> bool        # True if this file is in its format (head = first 64 KB, decoded)
    read(path: Path, text: str, options: ReadOptions) -> Iterator[DocumentRecord | RejectedRecord]

`read` raises corpus.errors.ReaderError (one-line reason, no file name) when the whole
file is unreadable, and yields RejectedRecord for a single bad record in a multi-record file.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ReaderError

# --format name -> module; the order is the order --format auto tries them in.
FORMATS = {"wilson": "wilson", "frus-tei": "frus_tei", "frus-text": "frus_text",
           "table": "tabular", "text": "frontmatter"}


@dataclass
class ReadOptions:
    source: str | None = None                       # --source KEY (None: the reader or the folder decides)
    mapping: dict[str, str] = field(default_factory=dict)   # --map field=column for tabular input
    root: Path | None = None                        # the folder the user named, if any


def format_names() -> list[str]:
    return list(FORMATS)


def load(fmt: str):
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}")


def pick_reader(path: Path, head: str, fmt: str = "auto"):
    """The reader module for a file: forced by `fmt`, or the first whose sniff() accepts it."""
    if fmt != "auto":
        if fmt not in FORMATS:
            raise ReaderError(f"unknown format {fmt!r}; choose one of: auto, {', '.join(FORMATS)}")
        return load(fmt)
    suffix = path.suffix.lower()
    for name in FORMATS:
        mod = load(name)
        if suffix in mod.EXTENSIONS and mod.sniff(path, head):
            return mod
    raise ReaderError(f"no reader recognizes a {suffix or 'extension-less'} file like this; "
                      f"pass --format ({', '.join(FORMATS)})")
