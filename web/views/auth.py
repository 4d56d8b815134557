"""Logging in with the admin token (/login, /logout), for sites that set ADMIN_TOKEN
(CORPUS_ADMIN_TOKEN): the token typed into the form is checked in constant time and a digest of
it is kept in the signed session cookie, which then may change saved queries and the history.
Scripts send the header `Authorization: Bearer TOKEN` instead (see web/security.py)."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, redirect, render_template, request, session, url_for

from ..errors import error_response
from ..security import CSRF_FIELD, admin_token, log_in, log_out, logged_in, read_only, token_matches

bp = Blueprint("auth", __name__)

WRONG_TOKEN = "That is not the admin token."
NO_TOKEN = "This site has no admin token configured: there is nothing to log in to."


@bp.get("/login")
def login_form():
    return render_template("login.html", configured=bool(admin_token()), already_in=logged_in(),
                           next_url=_local(request.args.get("next")), error=None)


@bp.post("/login")
def login():
    if not admin_token():
        return error_response(400, NO_TOKEN)
    next_url = _local(request.form.get("next"))
    if not token_matches(request.form.get("token", "")):
        return render_template("login.html", configured=True, already_in=False, next_url=next_url,
                               error=WRONG_TOKEN), 403
    session.pop(CSRF_FIELD, None)          # a fresh CSRF token for the logged-in session
    log_in()
    flash("Logged in: you can save, run, rename and delete saved queries." if not read_only()
          else "Logged in, but this site is read-only.")
    return redirect(next_url or url_for("saved.index"), 303)


@bp.post("/logout")
def logout():
    log_out()
    return redirect(url_for("search.index"), 303)


def _local(url: str | None) -> str | None:
    """Only a path on this site is followed after logging in (no open redirect)."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    return url
