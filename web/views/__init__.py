"""What the views share: the search state read from the URL (one parser for search, export, the
document page and the API) and the one helper that builds links from it (facets, pager, KWIC,
back-to-results, export).

The whole state lives in the URL: q, speaker, participant, source, lang, type, from, to,
variants, sort, width, page, per, and since (only documents added or changed after that corpus
version: the new-hits links of saved queries). Only values that differ from the defaults are
written back, so links stay short and a bookmark reproduces the page.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import quote, urlencode

from flask import current_app, g, url_for
from werkzeug.datastructures import MultiDict

from search.engine import MAX_LIMIT, MAX_WIDTH, SORTS, SearchRequest

from ..errors import BadParameter

DEFAULT_WIDTH = 8
DEFAULT_SORT = "date"
MAX_PER_PAGE = 200
MAX_PAGE = 1_000_000
MAX_FILTER_LENGTH = 300
WIDTHS = (0, 3, 5, 8, 10, 12, 15, 20, 30, 50)
PER_PAGE_CHOICES = (10, 25, 50, 100, 200)
SORT_LABELS = {
    "date": "date", "document": "document", "relevance": "relevance",
    "L1": "1st word left", "L2": "2nd word left", "L3": "3rd word left",
    "R1": "1st word right", "R2": "2nd word right", "R3": "3rd word right",
}

# URL parameter -> SearchState attribute, in the order they are written into links.
FILTER_PARAMS = {"speaker": "speaker", "participant": "participant", "source": "source",
                 "lang": "lang", "type": "type", "from": "date_from", "to": "date_to"}
FILTER_LABELS = {"speaker": "speaker", "participant": "participant", "source": "source",
                 "lang": "language", "type": "type", "from": "from", "to": "to"}
TRUE_WORDS = {"1", "on", "true", "yes"}
FALSE_WORDS = {"", "0", "off", "false", "no"}


@dataclass(frozen=True)
class SearchState:
    q: str = ""
    speaker: str = ""
    participant: str = ""
    source: str = ""
    lang: str = ""
    type: str = ""
    date_from: str = ""
    date_to: str = ""
    variants: bool = False
    sort: str = DEFAULT_SORT
    width: int = DEFAULT_WIDTH
    page: int = 1
    per: int = 25
    since: int | None = None        # only documents added or changed after this corpus version (saved queries)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per

    def request(self, limit: int | None = None, offset: int | None = None) -> SearchRequest:
        """The engine request for this state (one page of it unless limit/offset say otherwise)."""
        return SearchRequest(
            query=self.q, speaker=self.speaker or None, participant=self.participant or None,
            source=self.source or None, lang=self.lang or None, type=self.type or None,
            date_from=self.date_from or None, date_to=self.date_to or None, variants=self.variants,
            sort=self.sort, width=self.width,
            limit=self.per if limit is None else limit, offset=self.offset if offset is None else offset,
            since_version=self.since)

    def params(self, paging: bool = True) -> dict[str, str]:
        """The URL parameters of this state that differ from the defaults, in a stable order."""
        out: dict[str, str] = {}
        if self.q:
            out["q"] = self.q
        for param, attr in FILTER_PARAMS.items():
            if getattr(self, attr):
                out[param] = getattr(self, attr)
        if self.variants:
            out["variants"] = "1"
        if self.sort != DEFAULT_SORT:
            out["sort"] = self.sort
        if self.width != DEFAULT_WIDTH:
            out["width"] = str(self.width)
        if paging and self.page != 1:
            out["page"] = str(self.page)
        if paging and self.per != default_per_page():
            out["per"] = str(self.per)
        if self.since is not None:
            out["since"] = str(self.since)
        return out

    def filters(self) -> list[tuple[str, str, str]]:
        """The active filters as (parameter, label, value)."""
        return [(param, FILTER_LABELS[param], getattr(self, attr))
                for param, attr in FILTER_PARAMS.items() if getattr(self, attr)]

    def with_changes(self, **changes) -> "SearchState":
        """A copy with some URL parameters changed (names as in the URL: from, to, page, ...);
        any filter change resets the page to 1."""
        fields = {}
        for param, value in changes.items():
            attr = FILTER_PARAMS.get(param, param)
            fields[attr] = value if value is not None else _default(attr)
        if any(p != "page" for p in changes) and "page" not in changes:
            fields["page"] = 1
        return replace(self, **fields)


def _default(attr: str):
    return default_per_page() if attr == "per" else SearchState.__dataclass_fields__[attr].default


def default_per_page() -> int:
    return int(current_app.config.get("PAGE_SIZE", 25))


def search_state(args: MultiDict) -> SearchState:
    """Read and check the search state from URL parameters; BadParameter for anything malformed."""
    return SearchState(
        q=_text(args, "q", limit=None),
        **{attr: _text(args, param) for param, attr in FILTER_PARAMS.items()},
        variants=_flag(args, "variants"),
        sort=_choice(args, "sort", SORTS, DEFAULT_SORT),
        width=_int(args, "width", DEFAULT_WIDTH, 0, MAX_WIDTH),
        page=_int(args, "page", 1, 1, MAX_PAGE),
        per=_int(args, "per", default_per_page(), 1, min(MAX_PER_PAGE, MAX_LIMIT)),
        since=_int(args, "since", -1, 0, 10 ** 9) if (args.get("since") or "").strip() else None,
    )


def state_url(state: SearchState, endpoint: str = "search.index", *, route: dict | None = None,
              anchor: str | None = None, paging: bool = True, **changes) -> str:
    """The one builder of links that carry the search state: facets, pager, KWIC lines, the
    document's back link, the export link. `changes` use URL parameter names (None restores the
    default); `route` holds the endpoint's own arguments (doc_id)."""
    target = state.with_changes(**changes) if changes else state
    url = _endpoint_path(endpoint, route)
    query = urlencode(list(target.params(paging=paging).items()), safe=QUERY_SAFE)
    if query:
        url = f"{url}?{query}"
    if anchor is not None:
        url = f"{url}#{quote(anchor, safe=ANCHOR_SAFE)}"
    return url


QUERY_SAFE = "!$'()*,/:;?@"             # what url_for (Werkzeug) leaves unquoted in a query string
ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"       # ... and in an anchor


def _endpoint_path(endpoint: str, route: dict | None) -> str:
    """url_for without a query, kept for the request: a results page builds about a hundred links
    to a handful of paths, and url_for costs more than the rest of building a link."""
    paths = g.setdefault("endpoint_paths", {})
    key = (endpoint, tuple(sorted((route or {}).items())))
    if key not in paths:
        paths[key] = url_for(endpoint, **(route or {}))
    return paths[key]


def page_jump(state: SearchState, endpoint: str = "search.index") -> dict:
    """The pager's jump-to-page form (a plain GET form, no script): where it goes and the state's
    other parameters as hidden fields, so only the page number changes."""
    return {"action": url_for(endpoint),
            "hidden": [(key, value) for key, value in state.params().items() if key != "page"]}


def doc_url(state: SearchState, doc_id: str, start: int | None = None) -> str:
    """A link to a document that keeps the query (so its hits are marked), at one hit if given."""
    return state_url(state, "documents.show", route={"doc_id": doc_id},
                     anchor=f"hit-{start}" if start is not None else None)


# ---------------------------------------------------------------- parameter parsing

def _first(args: MultiDict, name: str) -> str | None:
    value = args.get(name)
    return None if value is None else value


def _text(args: MultiDict, name: str, limit: int | None = MAX_FILTER_LENGTH) -> str:
    value = (_first(args, name) or "").strip()
    if limit is not None and len(value) > limit:
        raise BadParameter(f"the {name} filter is {len(value)} characters long; the limit is {limit}")
    return value


def _flag(args: MultiDict, name: str) -> bool:
    values = [v.strip().lower() for v in args.getlist(name)]
    if any(v in TRUE_WORDS for v in values):
        return True
    if all(v in FALSE_WORDS for v in values):
        return False
    raise BadParameter(f"{name} must be 1 or 0 (got {clip(values[0])!r})")


def _choice(args: MultiDict, name: str, choices, default: str) -> str:
    value = (_first(args, name) or "").strip()
    if not value:
        return default
    for choice in choices:
        if value.lower() == choice.lower():
            return choice
    raise BadParameter(f"{name} must be one of {', '.join(choices)} (got {clip(value)!r})")


def _int(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    value = (_first(args, name) or "").strip()
    if not value:
        return default
    if not (value.isascii() and value.isdigit()) or len(value) > 9:
        raise BadParameter(f"{name} must be a whole number between {low} and {high} (got {clip(value)!r})")
    number = int(value)
    if not low <= number <= high:
        raise BadParameter(f"{name} must be between {low} and {high} (got {number})")
    return number


def int_param(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    """A checked integer URL parameter (for the views' own parameters: browse paging, API limit)."""
    return _int(args, name, default, low, high)


def clip(value: str, length: int = 40) -> str:
    return value if len(value) <= length else value[:length] + "…"
