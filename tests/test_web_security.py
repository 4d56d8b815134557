"""Web security (issue 12): escaping everywhere, CSRF on every write and no state change on a GET,
security headers on every response, cookies, size limits, generic error pages, CSV defused, the
admin token and the read-only site.

The instance holds the seed record and two hostile documents whose title, text, speaker,
participant, source key, language, type, archive and citation are markup, attribute break-outs
and template syntax; a saved query and a history entry carry the same in their note, query and
filters. Pages are parsed with html.parser, so a string that broke out of its text or attribute
would show up as a real tag or attribute; the same strings must be found in the page as text.
The routes walked come from the app's url_map, so a new route is covered without editing this
file (and a new route argument fails the walk until it gets a value here)."""
from __future__ import annotations

import csv
import hashlib
import html
import io
import re
import shutil
import sqlite3
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from corpus.db import Catalog
from corpus.errors import CatalogError
from corpus.ingest import ingest
from search.engine import SearchEngine, SearchRequest
from search.indexer import Indexer
from search.saved import SavedQueries
from web import create_app, read_only_url, services
from web.cli import cli
from web.security import (CSRF_REFUSED, LOGIN_REQUIRED, READ_ONLY_REFUSED, WRITE_METHODS, WRONG_BEARER)
from web.views.auth import WRONG_TOKEN

from .conftest import SEED_FILE

SCRIPT = '<script>alert("t")</script>'
BREAKOUT = '"><img src=x onerror=alert(1)>'
TEMPLATE = "{{7*7}}"
TITLE = f"{SCRIPT} {BREAKOUT} {TEMPLATE}"
SOURCE_KEY = "<script>src<-script>"            # what the reader makes of the source '<script>src</script>'
SPEAKER = "<script>alert </script> {{7*7}}"    # what the speaker normaliser makes of the front matter's
EVIL_1 = f"{SOURCE_KEY}:evil-1"
EVIL_2 = f"{SOURCE_KEY}:evil-2"
NOTE = f"{SCRIPT} note {BREAKOUT} {TEMPLATE}"
SAVED_NAME = "evil one"
TOKEN = "correct horse battery staple 12"

HOSTILE_SPEECH = textwrap.dedent("""\
    ---
    id: evil-1
    title: '<script>alert("t")</script> "><img src=x onerror=alert(1)> {{7*7}}'
    date: 1962-10-30
    source: '<script>src</script>'
    language: '"><img src=x onerror=alert(3)>'
    type: speech
    speaker: '<script>alert("s")</script> {{7*7}}'
    participants: ['"><img src=x onerror=alert(4)>']
    archive: '<script>alert("a")</script>'
    citation: '=HYPERLINK("http://evil.example") {{7*7}}'
    url: 'javascript:alert(2)'
    ---

    The zeppelinium text <script>alert("x")</script> and "><img src=x onerror=alert(5)> and {{7*7}} zeppelinium.

    -2+3 zeppelinium @SUM(A1) <b>bold</b>.
    """)
HOSTILE_NOTE = textwrap.dedent("""\
    ---
    id: evil-2
    title: '"><svg onload=alert(6)> {{config}}'
    date: 1962-10-31
    source: '<script>src</script>'
    type: '<b>{{7*7}}</b>'
    ---

    +zeppelinium =1+1 <iframe src="javascript:alert(7)"></iframe> zeppelinium.
    """)

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin",
                    "X-Frame-Options": "DENY"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?")       # a negative number is a number, not a formula


# ---------------------------------------------------------------- fixtures

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The instance (seed + hostile documents, a hostile saved query and history entry), built once."""
    root = tmp_path_factory.mktemp("web-security")
    extra = root / "extra"
    extra.mkdir()
    (extra / "speech.md").write_text(HOSTILE_SPEECH, encoding="utf-8")
    (extra / "note.md").write_text(HOSTILE_NOTE, encoding="utf-8")
    path = root / "instance"
    catalog = Catalog.for_instance(path)
    report = ingest(catalog, [SEED_FILE, extra])
    assert sorted(report.added) == sorted(["wilson:300041", EVIL_1, EVIL_2]), report
    Indexer(catalog, path).rebuild()
    engine = SearchEngine(catalog, path)
    queries = SavedQueries(catalog, engine)
    hostile = SearchRequest(query=f'zeppelinium OR "{SCRIPT}"', speaker=SPEAKER, source=SOURCE_KEY,
                            type=TITLE[:100], lang=BREAKOUT)
    queries.add(SAVED_NAME, SearchRequest(query="zeppelinium", speaker=SPEAKER, source=SOURCE_KEY), NOTE)
    queries.record(hostile, engine.search(SearchRequest(query="zeppelinium")))
    engine.close()
    catalog.dispose()
    return path


@pytest.fixture
def instance(built, tmp_path) -> Path:
    """A private copy of the built instance, so a test that writes cannot disturb another."""
    copy = tmp_path / "instance"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture(scope="module")
def app(built):
    """The site over the shared instance, for tests that only read (not TESTING: as in production)."""
    return create_app({"INSTANCE": str(built)})


@pytest.fixture
def client(app):
    return app.test_client()


def make_client(instance: Path, **config):
    return create_app({"INSTANCE": str(instance), **config}).test_client()


# ---------------------------------------------------------------- helpers

class Page(HTMLParser):
    """Every tag with its attributes, and every piece of text and attribute value (unescaped)."""

    def __init__(self, body: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.texts: list[str] = []
        self.feed(body)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.texts += [value for _name, value in attrs if value]

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.texts.append(data)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


def assert_no_injected_markup(body: str, where: str) -> Page:
    """Only the page's own tags: the one script (app.js), no img/svg/iframe, no on* attribute and
    no javascript: link."""
    page = Page(body)
    scripts = [attrs.get("src") for tag, attrs in page.tags if tag == "script"]
    assert scripts == ["/static/app.js"], (where, scripts)
    foreign = [tag for tag, _attrs in page.tags if tag in ("img", "iframe", "object", "embed")]
    assert foreign == [], (where, foreign)
    handlers = [(tag, name) for tag, attrs in page.tags for name in attrs if name.lower().startswith("on")]
    assert handlers == [], (where, handlers)
    links = [attrs.get("href", "") for _tag, attrs in page.tags]
    assert not [href for href in links if href.strip().lower().startswith("javascript:")], where
    return page


def assert_security_headers(response, where: str) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (where, name, response.headers.get(name))
    csp = response.headers.get("Content-Security-Policy", "")
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp, where
    assert "object-src 'none'" in csp and "base-uri 'none'" in csp, where


def snapshot(instance: Path) -> dict:
    """Every table of the catalog (rows as text, sorted) and the index folder's files (size, mtime;
    not SQLite's -shm files, the shared memory any reader of a WAL database touches)."""
    conn = sqlite3.connect(f"file:{instance / 'catalog.sqlite'}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        data = {table: sorted(map(repr, conn.execute(f'SELECT * FROM "{table}"'))) for table in tables}
    finally:
        conn.close()
    data["index files"] = sorted((str(p.relative_to(instance)), p.stat().st_size, p.stat().st_mtime_ns)
                                 for p in (instance / "index").rglob("*") if p.is_file() and
                                 not p.name.endswith("-shm"))
    return data


def csrf(client) -> str:
    """The session's CSRF token as a visitor gets it: from the login form or the save form. A
    read-only site renders no form, so there it is put into the session directly."""
    for path in ("/login", "/save?q=zeppelinium"):
        found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(as_text=True))
        if found:
            return found.group(1)
    with client.session_transaction() as session:
        session["csrf_token"] = "a token the session holds"
    return "a token the session holds"


def body_of(response) -> str:
    """The response body with HTML character references decoded (for comparing messages)."""
    return html.unescape(response.get_data(as_text=True))


def url(path: str, **params) -> str:
    return path + ("?" + urlencode(params) if params else "")


def saved_names(instance: Path) -> list[str]:
    catalog = Catalog.for_instance(instance)
    try:
        return sorted(entry.name for entry in SavedQueries(catalog).list())
    finally:
        catalog.dispose()


def history_count(instance: Path) -> int:
    conn = sqlite3.connect(f"file:{instance / 'catalog.sqlite'}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM query_history").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------- 1. escaping everywhere

HOSTILE_QUERY = f'zeppelinium OR "{SCRIPT}" {BREAKOUT}'
# (page, a string it must show as text)
ESCAPING_PAGES = [
    (url("/search", q="zeppelinium"), SCRIPT),                                  # KWIC contexts
    (url("/search", q="zeppelinium", sort="L1"), BREAKOUT),
    (url("/search", q="zeppelinium", speaker=SPEAKER), SPEAKER),                # facet + filter echo
    (url("/search", q="zeppelinium", source=SOURCE_KEY, lang=BREAKOUT[:50]), BREAKOUT[:50]),
    (url("/search", q=HOSTILE_QUERY), HOSTILE_QUERY),                           # query echo
    (url("/search", q=f"{TEMPLATE} ("), f"{TEMPLATE} ("),                       # syntax error echo
    (url("/search", q="zeppelinium", width="<script>"), "<script>"),            # parameter error echo
    (url(f"/doc/{EVIL_1}", q="zeppelinium"), TITLE),
    (url(f"/doc/{EVIL_1}", q=HOSTILE_QUERY), SPEAKER),
    (url(f"/doc/{EVIL_2}"), '"><svg onload=alert(6)> {{config}}'),
    ("/browse", SOURCE_KEY),
    (url("/browse", source=SOURCE_KEY), TITLE),
    (url("/browse", source=SCRIPT), SCRIPT[:30]),                               # unknown source echo
    (url("/timeline", q="zeppelinium", q2=HOSTILE_QUERY), HOSTILE_QUERY),
    (url("/distribution", q="zeppelinium", by="speaker"), SPEAKER),
    (url("/distribution", q="zeppelinium", by="language"), '"><img src=x onerror=alert(3)>'),
    (url("/distribution", q="zeppelinium", by="source"), SOURCE_KEY),
    (url("/distribution", q="zeppelinium", by="type"), "<b>{{7*7}}</b>"),
    (url("/side-by-side", q="zeppelinium", q2=HOSTILE_QUERY), SCRIPT),
    (url("/keywords", a=f'source:"{SOURCE_KEY}"', b="source:wilson"), "zeppelinium"),
    (url("/keywords", a=f"speaker:{BREAKOUT}", b="source:wilson"), BREAKOUT),
    (url("/collocates", q="zeppelinium"), "zeppelinium"),
    (url("/frequencies", filter=f'source:"{SOURCE_KEY}"'), f'source:"{SOURCE_KEY}"'),
    ("/saved", NOTE),
    (f"/saved/{quote(SAVED_NAME)}", SPEAKER),
    (f"/saved/{quote(SAVED_NAME)}/delete", SOURCE_KEY),
    (url("/save", q=HOSTILE_QUERY, speaker=SPEAKER), HOSTILE_QUERY),
    ("/history", BREAKOUT),
    (url(f"/saved/{quote(BREAKOUT)}"), BREAKOUT),                               # 404 naming the name
    (url(f"/doc/{SCRIPT}"), SCRIPT),                                            # 404 naming the id
    (url("/browse", year=BREAKOUT), BREAKOUT[:20]),                              # 400 naming the value
    ("/login", "admin token"),
]


@pytest.mark.parametrize("path, shown", ESCAPING_PAGES, ids=[p for p, _ in ESCAPING_PAGES])
def test_hostile_text_is_shown_as_text_on_every_page(client, path, shown):
    response = client.get(path)
    body = response.get_data(as_text=True)
    assert response.status_code in (200, 400, 404), (path, response.status_code, body[:300])
    assert response.mimetype == "text/html"
    page = assert_no_injected_markup(body, path)
    assert shown in page.text, (path, shown)


def test_hostile_text_is_really_in_the_pages(client):
    """The escaping test above is not vacuous: the documents and saved query hold the markup."""
    with client.application.app_context():
        with services().catalog.session() as session:
            title, = session.execute(text("SELECT title FROM document WHERE id = :id"), {"id": EVIL_1}).one()
    assert title == TITLE
    body = client.get(url(f"/doc/{EVIL_1}", q="zeppelinium")).get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;" in body and TEMPLATE in body
    assert '<dd class="meta-url">javascript:alert(2)</dd>' in body        # shown, not a link


def test_a_hostile_saved_query_name_is_refused_and_echoed_as_text(instance):
    client = make_client(instance)
    token = csrf(client)
    response = client.post("/saved", data={"csrf_token": token, "q": "zeppelinium", "name": BREAKOUT, "note": NOTE})
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    page = assert_no_injected_markup(body, "POST /saved")
    assert BREAKOUT in page.text and NOTE in page.text
    assert saved_names(instance) == [SAVED_NAME]


def test_json_and_csv_are_never_served_as_html(client):
    for path in (url("/api/search", q="zeppelinium"), url(f"/api/doc/{EVIL_1}"), "/api/saved",
                 url("/api/search", q=HOSTILE_QUERY + " ("), url(f"/api/doc/{SCRIPT}")):
        response = client.get(path)
        assert response.mimetype == "application/json", path
        assert_security_headers(response, path)
    for path in (url("/export.csv", q="zeppelinium"), url("/timeline.csv", q="zeppelinium")):
        response = client.get(path)
        assert response.mimetype == "text/csv" and response.headers["Content-Disposition"].startswith("attachment;")
        assert_security_headers(response, path)


# ---------------------------------------------------------------- CSV export defused

CSV_EXPORTS = [
    url("/export.csv", q="zeppelinium"),
    url("/export.csv", q="zeppelinium", sort="L1"),
    url("/timeline.csv", q="zeppelinium", q2="=1+1"),
    url("/distribution.csv", q="zeppelinium", by="speaker"),
    url("/side-by-side.csv", q="zeppelinium", q2="@SUM"),
    url("/keywords.csv", a=f'source:"{SOURCE_KEY}"', b="source:wilson", min=1),
    url("/collocates.csv", q="zeppelinium", min=1),
    url("/frequencies.csv", filter=f'source:"{SOURCE_KEY}"'),
]


@pytest.mark.parametrize("path", CSV_EXPORTS)
def test_no_csv_cell_can_run_as_a_formula(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.get_data(as_text=True)[:300])
    cells = [value for row in csv.reader(io.StringIO(response.get_data(as_text=True))) for value in row]
    assert cells
    assert [v for v in cells if v.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(v)] == []


def test_the_export_defuses_the_cells_that_would_be_formulas(client, app):
    """The hostile cells exist (citation =HYPERLINK, the query, contexts) and come out with a quote."""
    with app.app_context():
        raw = services().engine.search(SearchRequest(query="zeppelinium", limit=100))
    raw_cells = {str(v) for hit in raw.hits for v in (hit.citation, hit.left, hit.right, hit.title) if v}
    formulas = {v for v in raw_cells if v.startswith(FORMULA_STARTS)}
    assert '=HYPERLINK("http://evil.example") {{7*7}}' in formulas
    body = client.get(url("/export.csv", q="+zeppelinium")).get_data(as_text=True)
    cells = {value for row in csv.reader(io.StringIO(body)) for value in row}
    assert {"'" + v for v in formulas} <= cells
    assert "'# query: +zeppelinium" not in cells and "# query: +zeppelinium" in cells


# ---------------------------------------------------------------- 2. CSRF on every write, nothing on a GET

def write_rules(app):
    return [rule for rule in app.url_map.iter_rules() if set(rule.methods) & WRITE_METHODS]


ROUTE_VALUES = {"name": SAVED_NAME, "doc_id": EVIL_1, "filename": "style.css"}


def path_of(rule) -> str:
    missing = set(rule.arguments) - set(ROUTE_VALUES)
    assert not missing, f"{rule.rule}: give the route argument(s) {sorted(missing)} a value in ROUTE_VALUES"
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(rf"<(?:[^:<>]+:)?{name}>", quote(ROUTE_VALUES[name]), path)
    return path


def test_the_write_routes_are_the_known_forms(app):
    assert sorted((r.endpoint, path_of(r)) for r in write_rules(app)) == [
        ("auth.login", "/login"), ("auth.logout", "/logout"), ("saved.clear_history", "/history/clear"),
        ("saved.create", "/saved"), ("saved.delete", "/saved/evil%20one/delete"),
        ("saved.rename", "/saved/evil%20one/rename"), ("saved.run", "/saved/evil%20one/run")]


FORM = {"q": "zeppelinium", "name": "sneaky", "new_name": "renamed", "confirm": "yes", "token": TOKEN}


def test_every_write_without_the_right_csrf_token_is_refused_and_changes_nothing(instance):
    client = make_client(instance)
    token = csrf(client)
    stranger = csrf(make_client(instance))
    assert stranger != token
    before = snapshot(instance)
    app = client.application
    for rule in write_rules(app):
        path = path_of(rule)
        for method in sorted(set(rule.methods) & WRITE_METHODS):
            for sent in ({}, {"csrf_token": ""}, {"csrf_token": "forged"}, {"csrf_token": stranger},
                         {"csrf_token": token + "x"}, {"csrf_token": "été"}):
                response = client.open(path, method=method, data={**FORM, **sent})
                assert response.status_code == 400, (method, path, sent, response.status_code)
                assert CSRF_REFUSED in body_of(response)
                assert_security_headers(response, path)
            for value in (stranger, "été"):
                header = client.open(path, method=method, data=FORM, headers={"X-CSRF-Token": value})
                assert header.status_code == 400, (method, path, value)
    assert snapshot(instance) == before


def test_the_right_token_as_a_field_or_a_header_is_accepted(instance):
    """The control for the test above: the same posts with the session's token do their work."""
    client = make_client(instance)
    token = csrf(client)
    assert client.post(f"/saved/{quote(SAVED_NAME)}/rename", data={"csrf_token": token, "new_name": "renamed"}
                       ).status_code == 303
    assert saved_names(instance) == ["renamed"]
    response = client.post("/history/clear", data={"confirm": "yes"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 303 and history_count(instance) == 0


def test_other_methods_on_the_write_routes_are_405(client, app):
    for rule in write_rules(app):
        for method in ("PUT", "PATCH", "DELETE"):
            if method not in rule.methods:
                response = client.open(path_of(rule), method=method)
                assert response.status_code == 405, (method, rule.rule)
                assert_security_headers(response, rule.rule)


# Parameters for the GET walk: the search state and each comparison page's own.
WALK_PARAMS = {"q": "zeppelinium", "q2": "missile", "a": f'source:"{SOURCE_KEY}"', "b": "source:wilson",
               "filter": "year:1962", "min": "1"}
WALK_OVERRIDES = {"compare.distribution_page": {"by": "speaker"}, "api.distribution": {"by": "speaker"},
                  "compare.distribution_csv": {"by": "speaker"}}


def get_rules(app):
    return [rule for rule in app.url_map.iter_rules() if "GET" in rule.methods]


def walk_gets(client, app) -> dict[str, int]:
    """GET every route with the parameters above; endpoint -> status. Checks the headers, that no
    page is a server error or shows a traceback, and that pages hold no inline script or style."""
    statuses = {}
    for rule in get_rules(app):
        path = path_of(rule) + "?" + urlencode({**WALK_PARAMS, **WALK_OVERRIDES.get(rule.endpoint, {})})
        response = client.get(path)
        body = response.get_data(as_text=True)
        assert response.status_code < 500 and "Traceback" not in body, (path, response.status_code, body[:300])
        assert_security_headers(response, path)
        if response.mimetype == "text/html":                  # the CSP allows no inline script or style
            page = assert_no_injected_markup(body, path)
            inline = [tag for tag, attrs in page.tags if tag == "style" or "style" in attrs]
            assert inline == [], (path, inline)
        statuses[rule.endpoint] = response.status_code
    return statuses


def test_no_get_changes_the_catalog_the_saved_queries_or_the_index(instance):
    """Every GET route, walked twice (the second time with a session): nothing changes but the
    history, and that only on the search page."""
    client = make_client(instance)
    app = client.application
    before = snapshot(instance)
    statuses = walk_gets(client, app)
    statuses.update(walk_gets(client, app))
    assert len(statuses) >= 30 and sum(s == 200 for s in statuses.values()) >= 30, statuses
    after = snapshot(instance)
    history = after.pop("query_history"), before.pop("query_history")
    assert after == before
    assert len(history[0]) == len(history[1]) + 1            # the one search of the walk (recorded once)


def test_only_the_search_page_records_history(instance):
    client = make_client(instance)
    for rule in get_rules(client.application):
        if rule.endpoint == "search.index":
            continue
        count = history_count(instance)
        client.get(path_of(rule) + "?" + urlencode({**WALK_PARAMS, "q": f"unique-{rule.endpoint}"}))
        assert history_count(instance) == count, rule.endpoint
    client.get("/search?q=zeppelinium")
    assert history_count(instance) == count + 1


# ---------------------------------------------------------------- 3. headers, cookies, limits, errors

ERROR_CASES = [
    ("GET", "/nowhere", None, 404, "There is no page at this address."),
    ("POST", "/search", {"q": "x"}, 405, "This address does not accept that kind of request."),
    ("GET", "/search?q=" + "a" * 9000, None, 414, "The address is too long"),
    ("GET", "/search?q=x%00", None, 400, "contains a NUL byte"),
    ("GET", "/static/nope.css", None, 404, "There is no page at this address."),
    ("GET", "/api/nowhere", None, 404, "There is no page at this address."),
]


@pytest.mark.parametrize("method, path, data, status, message", ERROR_CASES, ids=[c[1][:30] for c in ERROR_CASES])
def test_error_pages_are_generic_with_the_headers(client, app, method, path, data, status, message):
    response = client.open(path, method=method, data=data)
    body = response.get_data(as_text=True)
    assert response.status_code == status and message in body
    assert_security_headers(response, path)
    assert_nothing_internal(body, app)


def assert_nothing_internal(body: str, app) -> None:
    for leak in ("Traceback", 'File "', "site-packages", "werkzeug", app.config["INSTANCE"],
                 str(Path(__file__).resolve().parents[1])):
        assert leak not in body, leak


def test_static_files_carry_the_headers(client):
    for name, mimetype in (("style.css", "text/css"), ("app.js", "text/javascript"), ("favicon.svg", "image/svg+xml")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and response.mimetype == mimetype
        assert_security_headers(response, name)


def test_a_server_error_shows_no_detail(app, monkeypatch):
    """An exception whose message holds a path and SQL is logged, never shown."""
    from sqlalchemy.exc import OperationalError

    from web.views import browse

    def broken(*_args):
        raise OperationalError(f"SELECT secret FROM {app.config['INSTANCE']}/catalog.sqlite", {}, Exception("disk"))

    monkeypatch.setattr(browse, "_sources", broken)
    response = app.test_client().get("/browse")
    body = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Something went wrong on the server; the problem has been logged." in body
    assert "SELECT" not in body and "OperationalError" not in body
    assert_nothing_internal(body, app)
    assert_security_headers(response, "/browse 500")


def test_a_body_over_the_limit_is_413_and_saves_nothing(instance):
    client = make_client(instance)
    token = csrf(client)
    before = snapshot(instance)
    response = client.post("/saved", data={"csrf_token": token, "q": "zeppelinium", "name": "big",
                                           "note": "x" * (65 * 1024)})
    body = response.get_data(as_text=True)
    assert response.status_code == 413 and "The request is too large." in body
    assert_security_headers(response, "413")
    assert snapshot(instance) == before
    small = client.post("/saved", data={"csrf_token": token, "q": "zeppelinium", "name": "small", "note": "x" * 100})
    assert small.status_code == 303 and "small" in saved_names(instance)


def test_the_session_cookie_is_httponly_and_samesite(instance):
    client = make_client(instance)
    response = client.get("/saved")
    cookies = response.headers.getlist("Set-Cookie")
    assert len(cookies) == 1, cookies
    parts = [p.strip().lower() for p in cookies[0].split(";")]
    assert parts[0].startswith("session=")
    assert "httponly" in parts and "samesite=lax" in parts and "path=/" in parts


# ---------------------------------------------------------------- 4. admin token

def test_with_an_admin_token_visitors_cannot_write(instance):
    client = make_client(instance, ADMIN_TOKEN=TOKEN)
    before = snapshot(instance)
    token = csrf(client)
    for rule in write_rules(client.application):
        if rule.endpoint.startswith("auth."):
            continue
        response = client.post(path_of(rule), data={**FORM, "csrf_token": token})
        assert response.status_code == 403, rule.rule
        assert LOGIN_REQUIRED in body_of(response)
        assert 'id="login-link" href="/login"' in body_of(response)
    body = client.get("/search?q=zeppelinium").get_data(as_text=True)
    assert 'id="save-search"' not in body and 'id="nav-login" href="/login"' in body
    saved = client.get("/saved").get_data(as_text=True)
    assert "run-form" not in saved and 'class="open"' in saved
    assert 'id="login-link"' in client.get(url("/save", q="zeppelinium")).get_data(as_text=True)
    assert snapshot(instance) == before                       # not even the history


def test_logging_in_with_the_token_allows_writes_until_logout(instance):
    client = make_client(instance, ADMIN_TOKEN=TOKEN)
    token = csrf(client)
    wrong = client.post("/login", data={"csrf_token": token, "token": TOKEN + "x"})
    assert wrong.status_code == 403 and WRONG_TOKEN in body_of(wrong)
    assert client.post("/login", data={"token": TOKEN}).status_code == 400           # login needs CSRF too
    response = client.post("/login", data={"csrf_token": token, "token": TOKEN, "next": "//evil.example/x"})
    assert response.status_code == 303 and response.headers["Location"] == "/saved"
    token = csrf(client)                                       # a fresh token after logging in
    saved = client.post("/saved", data={"csrf_token": token, "q": "zeppelinium", "name": "mine"})
    assert saved.status_code == 303 and saved_names(instance) == [SAVED_NAME, "mine"]
    body = client.get("/search?q=zeppelinium").get_data(as_text=True)
    assert 'id="save-search"' in body and 'id="nav-logout"' in body
    assert client.post("/logout", data={"csrf_token": token}).status_code == 303
    refused = client.post("/saved", data={"csrf_token": csrf(client), "q": "zeppelinium", "name": "again"})
    assert refused.status_code == 403 and saved_names(instance) == [SAVED_NAME, "mine"]


def test_changing_the_token_logs_every_session_out(instance):
    client = make_client(instance, ADMIN_TOKEN=TOKEN)
    client.post("/login", data={"csrf_token": csrf(client), "token": TOKEN})
    client.application.config["ADMIN_TOKEN"] = "another token"
    response = client.post("/saved", data={"csrf_token": csrf(client), "q": "zeppelinium", "name": "late"})
    assert response.status_code == 403 and saved_names(instance) == [SAVED_NAME]


def test_scripts_write_with_the_bearer_header(instance):
    client = make_client(instance, ADMIN_TOKEN=TOKEN)
    ok = client.post("/saved", data={"q": "zeppelinium", "name": "scripted"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 303 and "scripted" in saved_names(instance)
    for wrong in (f"{TOKEN}!", "été"):
        bad = client.post("/saved", data={"q": "zeppelinium", "name": "forged"},
                          headers={"Authorization": f"Bearer {wrong}"})
        assert bad.status_code == 403 and WRONG_BEARER in body_of(bad)
    assert "forged" not in saved_names(instance)


def test_without_an_admin_token_the_bearer_header_does_not_replace_csrf(instance):
    client = make_client(instance)
    response = client.post("/saved", data={"q": "zeppelinium", "name": "x"}, headers={"Authorization": "Bearer anything"})
    assert response.status_code == 400 and saved_names(instance) == [SAVED_NAME]
    note = client.get("/login").get_data(as_text=True)
    assert "This site has no admin token configured" in note and 'id="nav-login"' not in note


def test_the_admin_token_comes_from_the_environment(instance, monkeypatch):
    monkeypatch.setenv("CORPUS_ADMIN_TOKEN", TOKEN)
    client = make_client(instance)
    response = client.post("/saved", data={"csrf_token": csrf(client), "q": "zeppelinium", "name": "envy"})
    assert response.status_code == 403 and LOGIN_REQUIRED in body_of(response)


# ---------------------------------------------------------------- 4. read-only site

def test_a_read_only_site_opens_the_catalog_read_only(instance):
    client = make_client(instance, READ_ONLY=True)
    with client.application.app_context():
        catalog = services().catalog
        assert catalog.url == f"sqlite:///file:{quote(str(instance / 'catalog.sqlite'), safe='/:')}?mode=ro&uri=true"
        with pytest.raises(Exception, match="attempt to write a readonly database"):
            with catalog.engine.begin() as conn:
                conn.execute(text("DELETE FROM saved_query"))
    assert saved_names(instance) == [SAVED_NAME]


def test_a_read_only_site_refuses_every_write_and_changes_nothing(instance):
    digest = hashlib.sha256((instance / "catalog.sqlite").read_bytes()).hexdigest()
    before = snapshot(instance)
    client = make_client(instance, READ_ONLY=True)
    token = csrf(client)
    for rule in write_rules(client.application):
        response = client.post(path_of(rule), data={**FORM, "csrf_token": token})
        assert response.status_code == 403, rule.rule
        assert READ_ONLY_REFUSED in body_of(response)
    statuses = walk_gets(client, client.application)
    assert statuses["search.index"] == 200 and statuses["saved.index"] == 200
    body = client.get("/search?q=zeppelinium").get_data(as_text=True)
    assert 'id="save-search"' not in body and 'id="nav-login"' not in body
    assert "This site is read-only" in client.get(f"/saved/{quote(SAVED_NAME)}/delete").get_data(as_text=True)
    assert snapshot(instance) == before
    assert hashlib.sha256((instance / "catalog.sqlite").read_bytes()).hexdigest() == digest


def test_read_only_comes_from_the_environment_and_writes_no_secret_key(instance, monkeypatch):
    (instance / "secret_key").unlink()
    monkeypatch.setenv("CORPUS_READ_ONLY", "1")
    client = make_client(instance)
    assert client.post("/saved", data={"csrf_token": csrf(client)}).status_code == 403
    assert not (instance / "secret_key").exists()


def test_read_only_needs_an_existing_instance(tmp_path):
    with pytest.raises(CatalogError, match="cannot serve .*missing read-only: the folder does not exist"):
        create_app({"INSTANCE": str(tmp_path / "missing"), "READ_ONLY": True})
    with pytest.raises(CatalogError, match="cannot open the catalog"):
        (tmp_path / "empty").mkdir()
        create_app({"INSTANCE": str(tmp_path / "empty"), "READ_ONLY": True})
    assert not (tmp_path / "empty" / "catalog.sqlite").exists()
    result = CliRunner().invoke(cli, ["--instance", str(tmp_path / "missing"), "serve", "--read-only"])
    assert result.exit_code == 1
    assert "Error: cannot serve" in result.output and "the folder does not exist" in result.output


def test_read_only_urls():
    assert read_only_url("sqlite:////data/my corpus/catalog.sqlite") == \
        "sqlite:///file:/data/my%20corpus/catalog.sqlite?mode=ro&uri=true"
    assert read_only_url("sqlite:///file:/x.db?cache=shared") == "sqlite:///file:/x.db?cache=shared&mode=ro&uri=true"
    assert read_only_url("postgresql://reader@host/corpus") == "postgresql://reader@host/corpus"
    with pytest.raises(CatalogError, match="give a plain SQLite file path"):
        read_only_url("sqlite:///:memory:")


def _key_of(folder: str, start, keys) -> None:
    from web import _secret_key
    start.wait()
    keys.put(_secret_key(Path(folder)))


def test_workers_starting_together_share_one_secret_key(tmp_path):
    """gunicorn starts its workers at once on a new instance: all must sign sessions alike."""
    import multiprocessing
    context = multiprocessing.get_context("fork")
    start, keys = context.Barrier(8), context.Queue()
    workers = [context.Process(target=_key_of, args=(str(tmp_path), start, keys)) for _ in range(8)]
    for worker in workers:
        worker.start()
    found = [keys.get(timeout=30) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    assert len(set(found)) == 1 and len(found[0]) == 64
    assert (tmp_path / "secret_key").read_text() == found[0]
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_login_follows_a_local_next_address_only(instance):
    client = make_client(instance, ADMIN_TOKEN=TOKEN)
    form = client.get("/login?next=/history").get_data(as_text=True)
    assert '<input type="hidden" name="next" value="/history">' in form
    response = client.post("/login", data={"csrf_token": csrf(client), "token": TOKEN, "next": "/history"})
    assert response.headers["Location"] == "/history"
    for bad in ("https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)"):
        response = client.post("/login", data={"csrf_token": csrf(client), "token": TOKEN, "next": bad})
        assert response.headers["Location"] == "/saved", bad


def test_serve_read_only_serves_the_instance_as_it_is(instance, monkeypatch):
    import flask
    started = {}

    def fake_run(app, **options):
        started.update(options, read_only=app.config["READ_ONLY"], url=app.extensions["crisis"].catalog.url)

    monkeypatch.setattr(flask.Flask, "run", fake_run)
    before = snapshot(instance)
    result = CliRunner().invoke(cli, ["--instance", str(instance), "serve", "--read-only", "--port", "5099"])
    assert result.exit_code == 0, result.output
    assert result.output == "Serving crisis-corpus read-only on http://127.0.0.1:5099/ (Ctrl-C to stop)\n"
    assert started["read_only"] is True and started["url"].endswith("catalog.sqlite?mode=ro&uri=true")
    assert started["host"] == "127.0.0.1" and started["port"] == 5099
    assert snapshot(instance) == before
