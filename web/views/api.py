"""The JSON API, mirroring the CLI's --json output:
/api/search == `corpus search --json`, /api/doc/<id> == `corpus show --json`,
/api/stats == `corpus stats --json`. Errors are {"error": "..."} with 400 / 404 / 503."""
from __future__ import annotations

import json

from flask import Blueprint, Response, request

from corpus.errors import NotFound
from corpus.queries import document_json, stats_json
from search.engine import MAX_LIMIT
from search.errors import IndexMissing, SearchError

from .. import services
from ..errors import BadParameter, error_response
from . import search_state, int_param

bp = Blueprint("api", __name__, url_prefix="/api")

CLI_LIMIT = 20      # `corpus search` shows 20 lines unless told otherwise


def json_response(data) -> Response:
    """The JSON as the CLI prints it (keys in the same order, UTF-8 text unescaped)."""
    return Response(json.dumps(data, ensure_ascii=False, default=str), mimetype="application/json")


@bp.get("/search")
def search():
    """Parameters as on /search; paging either as the CLI's limit/offset (default 20, 0) or as the
    page's page/per."""
    state = search_state(request.args)
    if not state.q and not state.speaker:
        raise BadParameter("add a query: /api/search?q=blockade (or a speaker: /api/search?speaker=Blas+Roca)")
    if "limit" in request.args or "offset" in request.args or not ({"page", "per"} & set(request.args)):
        limit = int_param(request.args, "limit", CLI_LIMIT, 0, MAX_LIMIT)
        offset = int_param(request.args, "offset", 0, 0, 10 ** 9)
    else:
        limit, offset = state.per, state.offset
    try:
        result = services().engine.search(state.request(limit=limit, offset=offset))
    except IndexMissing:
        raise
    except SearchError as exc:
        return error_response(400, str(exc))
    return json_response(result.to_json())


@bp.get("/doc/<path:doc_id>")
def document(doc_id: str):
    """The document's metadata, participants and passages; text=1 adds the text (like --text)."""
    with_text = (request.args.get("text") or "").strip().lower() in ("1", "true", "yes", "on")
    with services().catalog.session() as session:
        try:
            return json_response(document_json(session, doc_id, with_text=with_text))
        except NotFound as exc:
            return error_response(404, str(exc))


@bp.get("/stats")
def stats():
    catalog = services().catalog
    with catalog.session() as session:
        return json_response(stats_json(session, catalog.corpus_version(session)))


# ---------------------------------------------------------------- comparison (issue 5)

@bp.get("/distribution")
def distribution():
    """Same JSON as `corpus distribution QUERY --by FACET [--all-values] --json`: q, by, filters, all=1."""
    from search.stats import distribution as distribution_of
    from .compare import facet_of, flag_of, run
    state = search_state(request.args)
    if not state.q:
        raise BadParameter("add a query: /api/distribution?q=blockade&by=year")
    by = facet_of(request.args, "source")
    return json_response(run(distribution_of, state.request(limit=0, offset=0), by,
                             flag_of(request.args, "all")).to_json())


@bp.get("/compare")
def compare():
    """Same JSON as `corpus compare Q1 Q2 ... --by FACET --json`: q repeated (or q, q2 ... q6), by, filters."""
    from .compare import comparison_of, facet_of, flag_of, queries_of
    state, queries = search_state(request.args), queries_of(request.args)
    if len(queries) < 2:
        raise BadParameter("give two or more queries: /api/compare?q=blockade&q=quarantine&by=source")
    by = facet_of(request.args, "source")
    return json_response(comparison_of(state, queries, by, flag_of(request.args, "all")).to_json())


@bp.get("/keywords")
def keywords():
    """Same JSON as `corpus keywords --a EXPR --b EXPR --json`: a, b, min, limit, by (or sort)."""
    from .compare import keywords_result
    return json_response(keywords_result(request.args).to_json())


@bp.get("/collocates")
def collocates():
    """Same JSON as `corpus collocates QUERY --json`: q, window, left, right, by (or sort), min, limit, filters."""
    from .compare import collocates_result
    return json_response(collocates_result(request.args).to_json())


@bp.get("/frequencies")
def frequencies():
    """Same JSON as `corpus frequencies --filter EXPR --json`: filter, n, content, min, limit."""
    from .compare import frequencies_result
    return json_response(frequencies_result(request.args).to_json())


@bp.get("/")
def endpoints():
    return json_response({"endpoints": {
        "/api/search?q=QUERY": "hits, totals and facets (same JSON as `corpus search --json`); filters speaker, "
                               "participant, source, lang, type, from, to; variants, sort, width, limit, offset",
        "/api/doc/ID": "one document (same JSON as `corpus show --json`); text=1 adds the text",
        "/api/stats": "corpus totals (same JSON as `corpus stats --json`)",
    }, "comparison": {
        "/api/distribution?q=QUERY&by=FACET": "hits, documents, words and per million per facet value (same JSON "
                                              "as `corpus distribution --json`); filters as on /api/search; all=1",
        "/api/compare?q=Q1&q=Q2&by=FACET": "two or more queries over one facet (same JSON as `corpus compare --json`)",
        "/api/keywords?a=FILTERS&b=FILTERS": "keywords of sub-corpus A against B (same JSON as `corpus keywords "
                                             "--json`); min, limit, by",
        "/api/collocates?q=QUERY": "collocates within a window (same JSON as `corpus collocates --json`); window, "
                                   "left, right, by, min, limit, filters",
        "/api/frequencies?filter=FILTERS": "word or n-gram frequency list (same JSON as `corpus frequencies --json`); n (1-3), content (1: without function words), min, limit",
    }})
