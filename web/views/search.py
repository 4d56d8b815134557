"""The search page (/ and /search): query form, totals, KWIC concordance, facets, pager; and the
CSV export of every hit of the same search (/export.csv)."""
from __future__ import annotations

import csv
import io
import math
from datetime import datetime, timezone

from flask import Blueprint, Response, current_app, render_template, request, stream_with_context
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from corpus.models import Document, Passage, Person, Source
from corpus.queries import source_coverage
from search.engine import MAX_LIMIT, Scope, SearchResult
from search.errors import IndexMissing, QuerySyntaxError, QueryTooComplex, SearchError

from .. import services
from ..errors import BadParameter, clean
from . import (FILTER_PARAMS, PER_PAGE_CHOICES, SORT_LABELS, WIDTHS, SearchState, default_per_page, doc_url,
               page_jump, search_state, state_url)
from .documents import hit_passages
from .saved import record_search

bp = Blueprint("search", __name__)

# Facet name in SearchResult.facets -> (heading, URL parameter it sets; "date" sets from and to).
FACETS = {
    "speaker": ("Speaker", "speaker"), "source": ("Source", "source"), "language": ("Language", "lang"),
    "type": ("Document type", "type"), "year": ("Year", "date"), "month": ("Month", "date"),
    "day": ("Day", "date"), "archive": ("Archive", None),
}
NO_VALUE = {"(none)", "undated", ""}
FACET_SHOWN = 12          # values shown before the "more" fold
SPEAKER_CHOICES = 300     # speakers offered in the filter's suggestion list


@bp.get("/")
@bp.get("/search")
def index():
    state = search_state(request.args)
    if not state.q and not state.speaker:
        return render_search(state)
    try:
        result = services().engine.search(state.request())
    except IndexMissing:
        raise
    except SearchError as exc:
        return render_search(state, error=exc), 400
    record_search(state, result)
    scope = services().engine.documents_in_scope(state.request()) if not result.total_hits else None
    return render_search(state, result=result, scope=scope)


def render_search(state: SearchState, result: SearchResult | None = None, error: Exception | None = None,
                  scope: Scope | None = None):
    return render_template(
        "search.html", scope=scope, state=state,
        result=result, error=str(error) if error else None,
        error_at=_error_position(state.q, error), pager=_pager(state, result) if result else None,
        facets=_facets(state, result) if result else [], rows=_rows(state, result) if result else [],
        choices=corpus_choices(), widths=WIDTHS, sorts=SORT_LABELS, per_choices=_per_choices(state),
        intro=None if result or state.q or error else corpus_intro())


def render_search_error(message: str):
    """The search form again with a parameter error next to it (HTTP 400)."""
    return render_search(lenient_state(request.args), error=BadParameter(message)), 400


def lenient_state(args) -> SearchState:
    """The state with every parameter that can be read, cleaned of forbidden characters; the rest
    at its default (for showing the form again after a parameter error)."""
    fields = {}
    for param, value in args.items():
        value = clean(value)
        trial = MultiDict({param: value})
        try:
            one = search_state(trial)
        except BadParameter:
            continue
        attr = FILTER_PARAMS.get(param, param)
        if attr in SearchState.__dataclass_fields__:
            fields[attr] = getattr(one, attr)
    return SearchState(per=default_per_page(), **fields)


def _error_position(query: str, error: Exception | None):
    """(before, after) around the character a syntax error points at, for showing where it is."""
    position = getattr(error, "position", None)
    if not isinstance(error, (QuerySyntaxError, QueryTooComplex)) or position is None:
        return None
    if not 0 <= position <= len(query) or len(query) > 300:
        return None
    return query[:position], query[position:]


def _per_choices(state: SearchState) -> list[int]:
    return sorted(set(PER_PAGE_CHOICES) | {state.per, default_per_page()})


# ---------------------------------------------------------------- results

def _rows(state: SearchState, result: SearchResult) -> list[dict]:
    """The KWIC lines, each with the passage it opens to (all read in one catalog query)."""
    passages = hit_passages(result.hits) if result.kind == "hits" else [None] * len(result.hits)
    return [{"hit": hit, "href": doc_url(state, hit.doc_id, hit.start), "n": result.offset + i + 1,
             "passage": passage} for i, (hit, passage) in enumerate(zip(result.hits, passages))]


def _pager(state: SearchState, result: SearchResult) -> dict:
    pages = max(1, math.ceil(result.total_hits / state.per))
    page = state.page
    return {
        "page": page, "pages": pages,
        "first": state_url(state, page=1) if page > 1 else None,
        "prev": state_url(state, page=min(page - 1, pages)) if page > 1 else None,
        "next": state_url(state, page=page + 1) if page < pages else None,
        "last": state_url(state, page=pages) if page < pages else None,
        "from": result.offset + 1 if result.hits else 0,
        "to": result.offset + len(result.hits),
        "past_end": page > pages,
        "jump": page_jump(state) if pages > 1 or page > pages else None,
    }


def _facets(state: SearchState, result: SearchResult) -> list[dict]:
    sections = []
    for name, values in result.facets.items():
        heading, param = FACETS.get(name, (name.title(), None))
        if not values:
            continue
        items = [{"label": value, "count": count, "href": _facet_href(state, param, value)}
                 for value, count in values.items()]
        if name not in ("year", "month", "day"):
            items.sort(key=lambda item: (-item["count"], item["label"]))
        sections.append({"name": name, "heading": heading, "shown": items[:FACET_SHOWN],
                         "more": items[FACET_SHOWN:]})
    return sections


def _facet_href(state: SearchState, param: str | None, value: str) -> str | None:
    """The current URL plus this facet value as a filter (page reset); None when the value
    cannot be filtered on (no speaker, undated, archives)."""
    if param is None or value in NO_VALUE:
        return None
    if param == "date":
        return state_url(state, **{"from": value, "to": value})
    return state_url(state, **{param: value})


def active_filters(state: SearchState) -> list[dict]:
    """The filters in force, each with a link that removes it."""
    return [{"label": label, "value": value, "remove": state_url(state, **{param: None})}
            for param, label, value in state.filters()]


CLOSING_MARKS = ",.;:!?)]}'\"’”%"
OPENING_MARKS = "([{‘“"
STRAIGHT_QUOTES = "'\""


@bp.app_template_filter("glues_right")
def glues_right(right: str) -> bool:
    """Whether the right context starts with a mark that sits against the hit ("missile, and",
    "missile-carrying", "Khrushchev's"), so the line shows no gap there."""
    first = right[:1]
    if not first:
        return False
    if first == "-":
        return right[1:2] not in ("", " ", "-")
    return first in CLOSING_MARKS


@bp.app_template_filter("glues_left")
def glues_left(left: str) -> bool:
    """The same before the hit: an opening bracket or quote, or the first part of a compound
    ("(missile", "anti-missile")."""
    last, before = left[-1:], left[-2:-1]
    if not last:
        return False
    if last == "-":
        return before not in ("", " ", "-")
    if last in STRAIGHT_QUOTES:         # opening only when it stands apart ("the Soviets' missile")
        return before in ("", " ")
    return last in OPENING_MARKS


# ---------------------------------------------------------------- corpus-wide choices

_choices_cache: dict[tuple[str, int], dict] = {}


def corpus_choices() -> dict:
    """Suggestions for the filter boxes (sources, languages, types, speakers), cached per corpus
    version so a page does not query the catalog for them each time."""
    catalog = services().catalog
    with catalog.session() as session:
        key = (catalog.url, catalog.corpus_version(session))
        if key not in _choices_cache:
            _choices_cache.clear()
            _choices_cache[key] = _read_choices(session)
    return _choices_cache[key]


def _read_choices(session) -> dict:
    def distinct(column):
        return [v for v in session.scalars(select(column).where(column.is_not(None)).distinct().order_by(column)) if v]

    speakers = session.scalars(
        select(Person.name).join(Passage, Passage.speaker_id == Person.id).group_by(Person.name)
        .order_by(func.count(Passage.id).desc()).limit(SPEAKER_CHOICES)).all()
    return {"source": distinct(Source.key), "lang": distinct(Document.language),
            "type": distinct(Document.doc_type), "speaker": sorted(speakers)}


def corpus_intro() -> dict:
    """What the empty search page shows: the size of the corpus and its sources."""
    with services().catalog.session() as session:
        documents, tokens = session.execute(
            select(func.count(Document.id), func.coalesce(func.sum(Document.token_count), 0))).one()
        sources = source_coverage(session)
    return {"documents": documents, "tokens": int(tokens), "sources": sources}


@bp.app_context_processor
def helpers():
    return {"state_url": state_url, "active_filters": active_filters}


# ---------------------------------------------------------------- CSV export

CSV_COLUMNS = ("n", "doc_id", "date", "speaker", "left", "match", "right", "title", "citation", "start", "end",
               "link", "cite")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value) -> str:
    """A cell a spreadsheet will not run as a formula: text starting with = + - @ (or tab/CR)
    gets a leading apostrophe."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


@bp.get("/export.csv")
def export():
    """Every hit of the search (up to EXPORT_MAX_HITS) as CSV, streamed page by page.

    Layout: a header block of one-cell rows "# key: value" (query, filters, options, corpus
    version, time, totals, and a note when the export was cut), then the column names, then one
    row per hit in the search's order. With excel=1 the header block is left out and the file
    starts with a byte order mark, so a spreadsheet opens it as UTF-8 with the columns on row 1."""
    state = search_state(request.args)
    if not state.q and not state.speaker:
        raise BadParameter("nothing to export: add a query (q=...) or a speaker (speaker=...)")
    excel = _excel_option(request.args.get("excel"))
    cap = int(current_app.config.get("EXPORT_MAX_HITS", 100_000))
    engine = services().engine
    batch = min(MAX_LIMIT, cap) if cap > 0 else 0
    try:
        first = engine.search(state.request(limit=batch, offset=0))
    except IndexMissing:
        raise
    except SearchError as exc:
        raise BadParameter(str(exc)) from None
    with services().catalog.session() as session:
        version = services().catalog.corpus_version(session)
    wanted = min(first.total_hits, cap)
    header = _csv_header(state, first, version, wanted)
    name = (f"concordance-{_slug(state.q)}.csv" if state.q else f"passages-{_slug(state.speaker)}.csv")

    @stream_with_context
    def rows():
        yield "\ufeff" + _csv_line([CSV_COLUMNS]) if excel else _csv_line(header) + _csv_line([CSV_COLUMNS])
        result, done = first, 0
        while True:
            lines = []
            for hit in result.hits[:wanted - done]:
                done += 1
                lines.append([neutralize(v) for v in _csv_row(state, done, hit)])
            yield _csv_line(lines)
            if done >= wanted or not result.hits:
                break
            result = engine.search(state.request(limit=min(batch, wanted - done), offset=done))

    return Response(rows(), mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"})


def _csv_header(state: SearchState, result: SearchResult, version: int, wanted: int) -> list[list[str]]:
    filters = "; ".join(f"{label}={value}" for _p, label, value in state.filters()) or "none"
    rows = [
        ("query", state.q), ("filters", filters),
        ("options", f"variants={'on' if state.variants else 'off'}; sort={state.sort}; width={state.width}"),
        ("corpus version", str(version)),
        ("exported", datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")),
        (result.kind, f"{result.total_hits} in {result.total_documents} documents"),
    ]
    if state.since is not None:
        rows.insert(3, ("since", f"only documents added or changed after corpus version {state.since}"))
    if wanted < result.total_hits:
        rows.append(("cut", f"only the first {wanted} of {result.total_hits} {result.kind} are exported "
                            "(EXPORT_MAX_HITS); narrow the search for the rest"))
    return [[neutralize(f"# {key}: {value}")] for key, value in rows]


def _csv_row(state: SearchState, n: int, hit) -> list:
    link = request.host_url.rstrip("/") + doc_url(state.with_changes(page=None, per=None), hit.doc_id, hit.start)
    return [n, hit.doc_id, hit.date, hit.speaker, hit.left, hit.match, hit.right, hit.title, hit.citation,
            hit.start, hit.end, link, hit.cite]


def _excel_option(value: str | None) -> bool:
    if value in (None, "", "0"):
        return False
    if value == "1":
        return True
    raise BadParameter(f"excel must be 1 or 0 (got {value!r})")


def _csv_line(rows) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def _slug(text: str) -> str:
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(part for part in slug.split("-") if part)[:40] or "query"
