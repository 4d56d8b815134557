"""Security headers, request limits and the guard in front of every write.

Every response (pages, errors, static files, JSON, CSV) carries the headers below. Every request
that can change something (POST, PUT, PATCH, DELETE: the saved-query and history forms, login and
logout) passes `guard_writes`, in this order:

1. read-only site (READ_ONLY, `corpus serve --read-only`, CORPUS_READ_ONLY=1): 403;
2. an `Authorization: Bearer TOKEN` header, when ADMIN_TOKEN is set, authenticates a script: a
   wrong token is 403, the right one skips the CSRF check (a browser cannot forge a header
   across sites, and no cookie is involved);
3. otherwise the per-session CSRF token (form field `csrf_token` or header `X-CSRF-Token`) must
   match the session's: 400;
4. with ADMIN_TOKEN set, the session must have logged in (/login) with that token: 403.

With ADMIN_TOKEN unset and the site writable, writes need only the CSRF token, as before.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import Flask, abort, current_app, request, session

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
ADMIN_SESSION_KEY = "admin"
LOGIN_ENDPOINTS = frozenset({"auth.login", "auth.logout"})   # reachable without being logged in

CSRF_REFUSED = ("The form was refused: its security token is missing or out of date (CSRF check). "
                "Reload the page and submit the form again.")
READ_ONLY_REFUSED = ("This site is read-only: saved queries and the search history cannot be changed here. "
                     "Use the command line (corpus saved ...) on the machine that holds the catalog.")
LOGIN_REQUIRED = ("Changing saved queries or the search history needs the admin token: log in at /login "
                  "(or send the header 'Authorization: Bearer TOKEN').")
WRONG_BEARER = "The admin token in the Authorization header is wrong."


# ---------------------------------------------------------------- CSRF

def csrf_token() -> str:
    """The session's CSRF token, made on first use (Flask's signed session cookie holds it)."""
    token = session.get(CSRF_FIELD)
    if not token:
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


def _csrf_ok() -> bool:
    expected = session.get(CSRF_FIELD)
    sent = request.headers.get(CSRF_HEADER) or request.form.get(CSRF_FIELD, "")
    # bytes: compare_digest refuses str with non-ASCII characters (a TypeError, so a 500)
    return bool(expected) and hmac.compare_digest(str(sent).encode("utf-8", "replace"),
                                                  str(expected).encode("utf-8", "replace"))


# ---------------------------------------------------------------- admin token and read-only mode

def admin_token() -> str:
    return str(current_app.config.get("ADMIN_TOKEN") or "")


def read_only() -> bool:
    return bool(current_app.config.get("READ_ONLY"))


def token_matches(candidate: str) -> bool:
    token = admin_token()
    return bool(token) and hmac.compare_digest(candidate.encode("utf-8", "replace"), token.encode("utf-8"))


def _token_mark(token: str) -> str:
    """What the session keeps after a login: a digest of the token, never the token, so changing
    ADMIN_TOKEN logs every session out."""
    return hashlib.sha256(b"crisis-corpus admin:" + token.encode("utf-8")).hexdigest()


def log_in() -> None:
    session[ADMIN_SESSION_KEY] = _token_mark(admin_token())


def log_out() -> None:
    session.pop(ADMIN_SESSION_KEY, None)


def logged_in() -> bool:
    token = admin_token()
    mark = session.get(ADMIN_SESSION_KEY)
    return bool(token) and isinstance(mark, str) and hmac.compare_digest(mark.encode("utf-8", "replace"),
                                                                         _token_mark(token).encode())


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def can_write() -> bool:
    """Whether this request may change saved queries and the history (the pages hide the forms
    otherwise)."""
    if read_only():
        return False
    if not admin_token():
        return True
    bearer = _bearer()
    return logged_in() or (bearer is not None and token_matches(bearer))


def guard_writes():
    """Refuse a write that the configuration or the CSRF check does not allow (see the module)."""
    if request.method not in WRITE_METHODS or request.routing_exception is not None:
        return None                  # not a write, or no such route (404/405 follow)
    if read_only():
        abort(403, description=READ_ONLY_REFUSED)
    bearer = _bearer() if admin_token() else None
    if bearer is not None:
        if not token_matches(bearer):
            abort(403, description=WRONG_BEARER)
        return None
    if not _csrf_ok():
        abort(400, description=CSRF_REFUSED)
    if admin_token() and not logged_in() and request.endpoint not in LOGIN_ENDPOINTS:
        abort(403, description=LOGIN_REQUIRED)
    return None


# ---------------------------------------------------------------- app wiring

def init_app(app: Flask) -> None:
    @app.before_request
    def limit_query_string():
        if len(request.query_string) > app.config["MAX_QUERY_STRING"]:
            abort(414)

    app.before_request(guard_writes)

    @app.after_request
    def headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        return response

    @app.context_processor
    def security_helpers():
        return {"csrf_token": csrf_token, "csrf_field": CSRF_FIELD, "can_write": can_write,
                "admin_required": bool(admin_token()), "logged_in": logged_in, "read_only": read_only()}
