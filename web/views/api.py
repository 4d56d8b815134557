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
    if not state.q:
        raise BadParameter("add a query: /api/search?q=blockade")
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


@bp.get("/")
def endpoints():
    return json_response({"endpoints": {
        "/api/search?q=QUERY": "hits, totals and facets (same JSON as `corpus search --json`); filters speaker, "
                               "participant, source, lang, type, from, to; variants, sort, width, limit, offset",
        "/api/doc/ID": "one document (same JSON as `corpus show --json`); text=1 adds the text",
        "/api/stats": "corpus totals (same JSON as `corpus stats --json`)",
    }})
