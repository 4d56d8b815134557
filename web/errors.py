"""Error pages: every failure is a short message in a page (or {"error": ...} under /api/),
never a traceback and never Flask's default HTML.

Parameter checks happen here too, before any view runs: a NUL byte, another control character or
a lone surrogate in any URL parameter is refused with 400 and a message naming the parameter.
"""
from __future__ import annotations

import logging
import re

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from search.errors import IndexBusy, IndexMissing, IndexOutdated
from search.generations import IndexDamaged

log = logging.getLogger(__name__)

# NUL, C0/C1 controls (tab, newline and carriage return are allowed) and lone surrogates.
FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")

MESSAGES = {
    400: "The request could not be understood.",
    403: "This is not allowed here.",
    404: "There is no page at this address.",
    405: "This address does not accept that kind of request.",
    413: "The request is too large.",
    414: "The address is too long: shorten the query or remove some filters.",
    500: "Something went wrong on the server; the problem has been logged.",
    503: "The search index is not available yet.",
}

TITLES = {400: "Bad request", 403: "Not allowed", 404: "Not found", 405: "Method not allowed", 413: "Request too large",
          414: "Address too long", 500: "Server error", 503: "Not available"}


class BadParameter(ValueError):
    """A URL parameter is malformed or out of range; str(err) is a one-line message for the user."""


def wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/api"


def error_response(status: int, message: str | None = None):
    """The error as {"error": ...} under /api/, as the error page elsewhere."""
    message = message or MESSAGES.get(status, "The request failed.")
    if wants_json():
        return jsonify(error=message), status
    return render_template("error.html", status=status, title=TITLES.get(status, "Error"),
                           message=message), status


def check_parameters() -> None:
    """Refuse parameters holding characters no query or filter can contain."""
    for name, value in request.args.items(multi=True):
        for text, what in ((name, "name"), (value, "value")):
            if FORBIDDEN_CHARACTERS.search(text):
                label = clean(name) or "?"
                raise BadParameter(f"the {what} of the parameter {label!r} contains a NUL byte, a control "
                                   "character or a lone surrogate; remove it and try again")


def clean(text: str | None) -> str:
    """The text without forbidden characters, for echoing back safely."""
    return FORBIDDEN_CHARACTERS.sub("", text or "")


def init_app(app: Flask) -> None:
    app.before_request(check_parameters)

    @app.errorhandler(BadParameter)
    def bad_parameter(exc: BadParameter):
        if not wants_json() and request.endpoint == "search.index":
            from .views.search import render_search_error
            return render_search_error(str(exc))
        return error_response(400, str(exc))

    @app.errorhandler(IndexBusy)
    def index_busy(exc: IndexBusy):
        return error_response(503, str(exc)[:1].upper() + str(exc)[1:] + ".")

    @app.errorhandler(IndexOutdated)
    def index_outdated(exc: IndexOutdated):
        return error_response(503, str(exc)[:1].upper() + str(exc)[1:] + ".")

    @app.errorhandler(IndexDamaged)
    def index_damaged(exc: IndexDamaged):
        return error_response(503, str(exc)[:1].upper() + str(exc)[1:] + ".")

    @app.errorhandler(IndexMissing)
    def index_missing(_exc: IndexMissing):
        return error_response(503, "The search index has not been built yet; run `corpus reindex` "
                                   "(or start the site with `corpus serve`, which builds it).")

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        custom = exc.description and exc.description != type(exc).description
        response = app.make_response(error_response(status, exc.description if custom else None))
        allow = exc.get_response().headers.get("Allow") if status == 405 else None
        if allow:
            response.headers["Allow"] = allow
        return response

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unhandled error on %s", request.path)
        return error_response(500)
