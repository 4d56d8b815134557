"""The document page (/doc/<id>): metadata, the full text as passages with speaker labels, and
every hit of the current query marked.

The text comes from the catalog and is cut into pieces at the passage boundaries and the hit
offsets from engine.document_hits; the template escapes every piece, so a long document costs one
pass over its text (no highlighter, no size cut-off) and nothing in it can become markup.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urlsplit

from flask import Blueprint, abort, render_template, request
from sqlalchemy import Integer, String, bindparam, case, func, literal, select, union_all

from corpus.errors import NotFound
from corpus.models import Document, Passage
from corpus.queries import document_json
from search.engine import Hit
from search.errors import IndexMissing, SearchError

from .. import services
from . import SearchState, clip, search_state, state_url

bp = Blueprint("documents", __name__)

PASSAGE_REACH = 5000       # characters of a passage shown at most on each side of its hit
PARAGRAPH_REACH = 2500     # how far to look for the paragraph around a hit no passage covers
UNION_LIMIT = 400          # selects per query (SQLite allows 500 in one compound select)

META_FIELDS = (("place", "Place"), ("source", "Source"), ("doc_type", "Type"), ("archive", "Archive"),
               ("citation", "Citation"), ("classification", "Classification"), ("language", "Language"),
               ("original_language", "Original language"), ("summary", "Summary"))


@dataclass
class Piece:
    text: str
    hit: int | None = None           # the hit's start offset when this piece opens a hit
    marked: bool = False             # inside a hit (a continuation when hit is None)
    speaker: str | None = None       # who speaks at a hit (its passage's speaker), shown at the hit


@dataclass
class Block:
    start: int
    end: int
    speaker: str | None
    kind: str | None
    repeated: bool = False           # same speaker as the block before
    pieces: list[Piece] = field(default_factory=list)


@bp.get("/doc/<path:doc_id>")
def show(doc_id: str):
    state = search_state(request.args)
    with services().catalog.session() as session:
        try:
            doc = document_json(session, doc_id, with_text=True)
        except NotFound:
            abort(404, f"There is no document with the id {clip(doc_id, 120)!r}.")
    hits, note = document_hits(state, doc_id)
    blocks = build_blocks(doc["text"], doc["passages"], hits)
    return render_template("document.html", doc=doc, state=state, blocks=blocks, hits=sorted({s for s, _ in hits}),
                           note=note, meta=_meta(doc), url=_safe_url(doc.get("url")),
                           back=state_url(state) if state.q or state.speaker else None)


def document_hits(state: SearchState, doc_id: str) -> tuple[list[tuple[int, int]], str | None]:
    """The (start, end) of every hit of the current query in this document, and a note for the
    reader when the query cannot be used (the document is still shown)."""
    if not state.q and not state.speaker:
        return [], None
    try:
        return services().engine.document_hits(state.request(), doc_id), None
    except IndexMissing:
        return [], "The search index is not built, so hits cannot be marked."
    except SearchError as exc:
        return [], f"The hits of this query cannot be marked: {exc}"


def build_blocks(text: str, passages: list[dict], hits: list[tuple[int, int]]) -> list[Block]:
    """The text as blocks (one per passage; text no passage covers becomes a block of its own),
    each cut into plain and marked pieces at the hit offsets."""
    blocks = _passage_blocks(text, passages)
    spans = _non_overlapping(hits)
    begins = [begin for begin, _, _ in spans]
    finishes = [finish for _, finish, _ in spans]
    for block in blocks:
        inside = spans[bisect_left(finishes, block.start):bisect_left(begins, block.end)]
        block.pieces = _cut(text, block, [s for s in inside if s[1] > block.start or s[0] >= block.start])
    return blocks


def _passage_blocks(text: str, passages: list[dict]) -> list[Block]:
    blocks: list[Block] = []
    position = 0
    previous = None
    for p in sorted(passages, key=lambda p: (p["start"], p["end"])):
        start, end = max(p["start"], position), min(p["end"], len(text))
        if start > position and text[position:start].strip():
            blocks.append(Block(position, start, None, None))
            previous = None
        if end <= start:
            continue
        blocks.append(Block(start, end, p["speaker"], p["kind"],
                            repeated=p["speaker"] is not None and p["speaker"] == previous))
        previous = p["speaker"]
        position = end
    if text[position:].strip() or not blocks:
        blocks.append(Block(position, len(text), None, None))
    return blocks


def _non_overlapping(hits: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """(from, to, hit start) per hit start (the longest hit there) with overlaps trimmed, so marks
    never nest and every anchor id is unique; a hit inside the one before keeps an empty span,
    which still carries its anchor."""
    longest: dict[int, int] = {}
    for start, end in hits:
        longest[start] = max(end, longest.get(start, end))
    out = []
    reached = 0
    for start, end in sorted(longest.items()):
        begin = max(start, reached)
        out.append((begin, max(begin, end), start))
        reached = max(reached, end)
    return out


def _cut(text: str, block: Block, spans) -> list[Piece]:
    """The block's text as pieces; a hit that began in an earlier block continues unanchored."""
    pieces: list[Piece] = []
    position = block.start
    for begin, finish, hit in spans:
        piece_from, piece_to = max(begin, block.start), min(finish, block.end)
        if piece_from > position:
            pieces.append(Piece(text[position:piece_from]))
        opens = begin >= block.start
        pieces.append(Piece(text[piece_from:piece_to], hit=hit if opens else None, marked=True,
                            speaker=block.speaker if opens else None))
        position = max(position, piece_to)
    if position < block.end:
        pieces.append(Piece(text[position:block.end]))
    return pieces


def _meta(doc: dict) -> list[tuple[str, str]]:
    return [(label, doc[key]) for key, label in META_FIELDS if doc.get(key)]


def _safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links."""
    if not url:
        return None
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


# ---------------------------------------------------------------- the passage of each KWIC line

@dataclass
class HitPassage:
    """The passage that holds a KWIC line's hit, cut around the hit for marking it."""
    before: str
    match: str
    after: str
    speaker: str | None
    cut_before: bool = False         # the passage goes on before `before` (a very long passage)
    cut_after: bool = False


def hit_passages(hits: list[Hit]) -> list[HitPassage]:
    """The passage of every hit of a page, read with one catalog query (a compound select with
    one arm per line) however many lines the page has. A hit in text no passage covers gets its
    paragraph. Very long passages are cut PASSAGE_REACH characters either side of the hit."""
    found: dict[int, tuple] = {}
    with services().catalog.session() as session:
        for first in range(0, len(hits), UNION_LIMIT):
            chunk = hits[first:first + UNION_LIMIT]
            statement = _passages_statement(tuple(bool(hit.passage_id) for hit in chunk))
            params = {}
            for line, hit in enumerate(chunk):
                params.update(_passage_params(line, hit))
            for line, *rest in session.execute(statement, params).all():
                found[first + line] = tuple(rest)
    return [_hit_passage(hit, found.get(line)) for line, hit in enumerate(hits)]


def _passage_params(line: int, hit: Hit) -> dict:
    if hit.passage_id:
        return {f"n{line}": line, f"p{line}": hit.passage_id,
                f"lo{line}": hit.start - PASSAGE_REACH, f"hi{line}": hit.end + PASSAGE_REACH}
    low = max(0, hit.start - PARAGRAPH_REACH)
    return {f"n{line}": line, f"d{line}": hit.doc_id, f"lo{line}": low, f"hi{line}": hit.end + PARAGRAPH_REACH}


@lru_cache(maxsize=64)
def _passages_statement(in_passage: tuple[bool, ...]):
    """The compound select for a page whose lines are (True) or are not (False) in a passage.
    Built once per shape and reused with new parameters: building the expression costs more than
    running it."""
    arms = [_passage_select(line) if inside else _paragraph_select(line) for line, inside in enumerate(in_passage)]
    return arms[0] if len(arms) == 1 else union_all(*arms)


def _passage_select(line: int):
    """(line, offset of the text read, where the passage starts and ends, the text) for a hit in
    a passage, the text cut to the hit's reach."""
    lo, hi = bindparam(f"lo{line}", type_=Integer), bindparam(f"hi{line}", type_=Integer)
    low = case((Passage.start > lo, Passage.start), else_=lo)
    high = case((Passage.end < hi, Passage.end), else_=hi)
    return (select(bindparam(f"n{line}", type_=Integer).label("line"), low.label("low"),
                   Passage.start.label("first"), Passage.end.label("last"),
                   func.substr(Document.text, low + 1, high - low).label("text"))
            .select_from(Passage).join(Document, Document.id == Passage.document_id)
            .where(Passage.id == bindparam(f"p{line}", type_=Integer)))


def _paragraph_select(line: int):
    """The same for a hit outside every passage: a stretch around it and the document's length."""
    lo, hi = bindparam(f"lo{line}", type_=Integer), bindparam(f"hi{line}", type_=Integer)
    return (select(bindparam(f"n{line}", type_=Integer).label("line"), lo.label("low"),
                   literal(0, Integer).label("first"), func.length(Document.text).label("last"),
                   func.substr(Document.text, lo + 1, hi - lo).label("text"))
            .where(Document.id == bindparam(f"d{line}", type_=String)))


def _hit_passage(hit: Hit, row) -> HitPassage:
    if row is None or not row[3]:            # the document changed since the search: show the line
        return HitPassage(hit.left + " ", hit.match, " " + hit.right, hit.speaker, True, True)
    low, first, last, text = row
    text = text or ""
    at, to, high = hit.start - low, hit.end - low, low + len(text)
    if hit.passage_id:
        return HitPassage(text[:at], text[at:to], text[to:], hit.speaker, low > first, high < last)
    begin = text.rfind("\n\n", 0, at)
    end = text.find("\n\n", to)
    return HitPassage(text[begin + 2 if begin >= 0 else 0:at], text[at:to], text[to:end if end >= 0 else len(text)],
                      hit.speaker, begin < 0 and low > 0, end < 0 and high < last)
