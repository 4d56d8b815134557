"""Saved queries and the search history in the browser (issue 6).

Pages: /saved (the list: counts at the last run, corpus version then, a badge for new hits),
/saved/<name> (the permalink: the query, its counts and its first lines), /save (a form to save a
search given in the URL), /saved/<name>/delete (asks before deleting), /history (the latest
searches, each with a form to save it). JSON: /api/saved (as `corpus saved list --json`) and
/api/saved/<name> (as `corpus saved show --json`).

Nothing changes on a GET: saving, running (which moves the baseline), renaming, deleting and
clearing the history are POST forms carrying a per-session CSRF token; web/security.py refuses a
POST without the right token (400), any write on a read-only site (403), and, when an admin token
is configured, a write from a session that has not logged in (403). The search page records each
search in the history (a page turn or a reload of the same search updates the latest entry
instead of adding one), except on a read-only site and, with an admin token, for visitors who
have not logged in.
"""
from __future__ import annotations

import logging

from flask import Blueprint, flash, get_flashed_messages, redirect, render_template, request, url_for
from sqlalchemy.exc import SQLAlchemyError

from search.errors import IndexMissing, SavedQueryNotFound, SearchError
from search.saved import FILTER_KEYS, NAME_MAX, SavedQueries

from .. import services
from ..errors import FORBIDDEN_CHARACTERS, BadParameter, clean, error_response
from ..security import can_write
from . import FILTER_LABELS, SearchState, default_per_page, doc_url, search_state, state_url
from .api import json_response

log = logging.getLogger(__name__)

bp = Blueprint("saved", __name__)

PREVIEW_LINES = 10
HISTORY_SHOWN = 200
# SearchRequest filter name -> URL parameter
URL_PARAMS = {"speaker": "speaker", "participant": "participant", "source": "source", "lang": "lang",
              "type": "type", "date_from": "from", "date_to": "to"}


# ---------------------------------------------------------------- form checks

@bp.before_request
def check_post():
    """No field of a saved-query or history form may hold a NUL byte, another control character
    or a lone surrogate (the CSRF token and write permissions are checked by web/security.py
    before this runs)."""
    if request.method != "POST":
        return None
    for field, value in request.form.items(multi=True):
        if FORBIDDEN_CHARACTERS.search(field) or FORBIDDEN_CHARACTERS.search(value):
            raise BadParameter(f"the form field {clean(field)!r} contains a NUL byte, a control character "
                               "or a lone surrogate; remove it and try again")
    return None


@bp.app_context_processor
def helpers():
    return {"saved_name_max": NAME_MAX}


# ---------------------------------------------------------------- shared helpers

def saved_queries() -> SavedQueries:
    return SavedQueries(services().catalog, services().engine)


def state_of(entry) -> SearchState:
    """The search page state of a saved query or history entry."""
    return SearchState(q=entry.query, **{k: entry.filters.get(k) or "" for k in FILTER_KEYS},
                       variants=entry.variants, sort=entry.sort, width=entry.width, per=default_per_page())


def view_of(entry, version: int | None = None) -> dict:
    """What the templates show of a saved query: links and labels next to the stored values."""
    state = state_of(entry)
    return {
        "entry": entry, "state": state, "params": state.params(paging=False),
        "filters": [(FILTER_LABELS[URL_PARAMS[k]], v) for k, v in entry.filters.items() if v],
        "results_url": state_url(state, paging=False),
        "new_url": state_url(state, since=entry.baseline_version) if getattr(entry, "new_hits", 0) else None,
        "stale": version is not None and hasattr(entry, "checked_version") and entry.checked_version < version,
    }


def record_search(state: SearchState, result) -> None:
    """Add a search of the search page to the history (not the new-hits views of saved queries,
    and not when this visitor may not write: a read-only site, or an admin token and no login).
    A failure to write is logged, never shown: the history is a convenience."""
    if state.since is not None or not can_write():
        return
    try:
        SavedQueries(services().catalog).record(state.request(), result)
    except SQLAlchemyError:
        log.warning("could not record the search %r in the history", state.q, exc_info=True)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _notices() -> list[str]:
    return get_flashed_messages()


# ---------------------------------------------------------------- list, permalink, JSON

@bp.get("/saved")
def index():
    queries = saved_queries()
    version = queries.corpus_version()
    rows = [view_of(e, version) for e in queries.list()]
    return render_template("saved.html", rows=rows, version=version, notices=_notices())


@bp.get("/saved/<name>")
def show(name: str):
    queries = saved_queries()
    try:
        entry = queries.get(name)
    except SavedQueryNotFound as exc:
        return error_response(404, str(exc))
    if entry.name != name:
        return redirect(url_for("saved.show", name=entry.name), 301)
    version = queries.corpus_version()
    view = view_of(entry, version)
    preview, error = None, None
    try:
        preview = services().engine.search(entry.request(limit=PREVIEW_LINES))
    except IndexMissing:
        raise
    except SearchError as exc:
        error = str(exc)
    rows = [{"hit": h, "href": doc_url(view["state"], h.doc_id, h.start), "n": i}
            for i, h in enumerate(preview.hits if preview else [], 1)]
    return render_template("saved_show.html", view=view, entry=entry, version=version, preview=preview, rows=rows,
                           error=error, notices=_notices())


@bp.get("/api/saved")
def api_list():
    """Same JSON as `corpus saved list --json`."""
    queries = SavedQueries(services().catalog)
    return json_response({"corpus_version": queries.corpus_version(), "saved": [e.to_json() for e in queries.list()]})


@bp.get("/api/saved/<name>")
def api_show(name: str):
    """Same JSON as `corpus saved show NAME --json`."""
    try:
        return json_response(SavedQueries(services().catalog).get(name).to_json())
    except SavedQueryNotFound as exc:
        return error_response(404, str(exc))


# ---------------------------------------------------------------- saving

@bp.get("/save")
def new():
    """A form to save the search given in the URL (the same parameters as /search)."""
    state = search_state(request.args)
    return render_template("saved_new.html", state=state, name="", note="", error=None)


@bp.post("/saved")
def create():
    """Save the search in the form fields (q, filters, variants, sort, width) under `name`."""
    state = search_state(request.form)
    name, note = request.form.get("name", ""), request.form.get("note", "")
    try:
        entry = saved_queries().add(name, state.request(), note)
    except IndexMissing:
        raise
    except SearchError as exc:
        return render_template("saved_new.html", state=state, name=name, note=note, error=str(exc)), 400
    counts = "not run yet" if entry.hits is None else \
        f"{plural(entry.hits, 'hit')} in {plural(entry.documents, 'document')}"
    flash(f"Saved as {entry.name!r}: {counts} at corpus version {entry.baseline_version}.")
    return redirect(url_for("saved.show", name=entry.name), 303)


# ---------------------------------------------------------------- run, rename, delete

@bp.post("/saved/<name>/run")
def run(name: str):
    """Run the query: store its counts, move its baseline to the current corpus version (its
    new hits go back to 0), then show the results on the search page."""
    try:
        entry, _result = saved_queries().run(name, limit=0)
    except SavedQueryNotFound as exc:
        return error_response(404, str(exc))
    except IndexMissing:
        raise
    except SearchError as exc:
        return error_response(400, str(exc))
    return redirect(state_url(state_of(entry), paging=False), 303)


@bp.post("/saved/<name>/rename")
def rename(name: str):
    new_name = request.form.get("new_name", "")
    try:
        entry = saved_queries().rename(name, new_name)
    except SavedQueryNotFound as exc:
        return error_response(404, str(exc))
    except SearchError as exc:
        flash(f"Not renamed: {exc}")
        return redirect(url_for("saved.show", name=name), 303)
    flash(f"Renamed {name!r} to {entry.name!r}.")
    return redirect(url_for("saved.show", name=entry.name), 303)


@bp.get("/saved/<name>/delete")
def confirm_delete(name: str):
    """Asks before deleting: the POST form is on this page."""
    try:
        entry = saved_queries().get(name)
    except SavedQueryNotFound as exc:
        return error_response(404, str(exc))
    return render_template("saved_delete.html", view=view_of(entry), entry=entry)


@bp.post("/saved/<name>/delete")
def delete(name: str):
    try:
        stored = saved_queries().delete(name)
    except SavedQueryNotFound as exc:
        return error_response(404, str(exc))
    flash(f"Deleted the saved query {stored!r}.")
    return redirect(url_for("saved.index"), 303)


# ---------------------------------------------------------------- history

@bp.get("/history")
def history():
    entries = SavedQueries(services().catalog).history(HISTORY_SHOWN)
    return render_template("saved_history.html", rows=[view_of(e) for e in entries], notices=_notices())


@bp.post("/history/clear")
def clear_history():
    if request.form.get("confirm") != "yes":
        flash("Not cleared: tick the box to confirm.")
        return redirect(url_for("saved.history"), 303)
    count = SavedQueries(services().catalog).clear_history()
    flash(f"Cleared the history ({count:,} {'search' if count == 1 else 'searches'}).")
    return redirect(url_for("saved.history"), 303)
