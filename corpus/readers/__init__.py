"""One reader per input format. Each reader module exposes:

    NAME: str                                   # the --format name
    EXTENSIONS: tuple[str, ...]                 # file endings it may read (".xml"), lower case
    sniff(path: Path, head: str) -> bool        # True if this file is in its format (head = first 64 KB, decoded)
    read(path: Path, text: str, options: ReadOptions) -> Iterator[DocumentRecord | RejectedRecord]

`read` raises corpus.errors.ReaderError (one-line reason, no file name) when the whole
file is unreadable, and yields RejectedRecord for a single bad record in a multi-record file.
A reader may also set MAX_MB: files over that size are refused before they are read.

The ingest calls readers through read_file(), which turns input nested too deeply for Python's
recursion limit (JSON in 100,000 brackets, XML elements 100,000 deep) into a ReaderError.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import ReaderError
from ..record import RejectedRecord
from ..text import scrub

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


NESTED_TOO_DEEPLY = ("nested too deeply to read: brackets, braces or elements inside one another "
                     "thousands of levels deep")


def read_file(reader, path: Path, text: str, options: ReadOptions) -> list:
    """Every item `reader.read` gives for the file, or ReaderError; input nested past the
    recursion limit (which parsers and readers walk recursively) is one ReaderError, not a crash.
    Reasons are made one line: a reader may quote a column name or value holding a newline."""
    try:
        items = list(reader.read(path, text, options))
    except RecursionError:
        raise ReaderError(NESTED_TOO_DEEPLY) from None
    except ReaderError as exc:
        exc.args = (one_line(str(exc)),)
        raise
    for item in items:
        if isinstance(item, RejectedRecord):
            item.where, item.reason = one_line(item.where), one_line(item.reason)
    return items


def one_line(message: str) -> str:
    """The message on one line of printable text (whitespace runs, newlines included, made one
    space; controls and lone surrogates as corpus.text.scrub makes them)."""
    return " ".join(scrub(str(message)).split())


@lru_cache(maxsize=1)
def smallest_size_limit() -> int | None:
    """The smallest MAX_MB of any reader, in bytes (None: no reader has one); files up to this
    size need no sniffing for a size check."""
    limits = [getattr(load(name), "MAX_MB", None) for name in FORMATS]
    return min((int(mb * 1024 * 1024) for mb in limits if mb), default=None)


def size_limit(path: Path, head: str, fmt: str = "auto") -> tuple[str, int] | None:
    """(reader name, limit in bytes) when the reader that would read this file refuses files over
    a size (the TEI reader: 50 MB), so that a bigger file is refused before it is read; None when
    there is no such limit or no reader recognizes the file (reading it says why)."""
    try:
        reader = pick_reader(path, head, fmt)
    except ReaderError:
        return None
    megabytes = getattr(reader, "MAX_MB", None)
    return (reader.NAME, int(megabytes * 1024 * 1024)) if megabytes else None
