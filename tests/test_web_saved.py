"""Saved queries and history in the browser pages (issue 6), through Flask's test client: every
route, the CSRF refusal, nothing changed by a GET, the new-hit badge and its link after an ingest
from the CLI, and persistence across a new app and a `corpus reindex`.

Each test gets a fresh instance holding the seed record (corpus version 1); "more documents" are
the front-matter notes of tests/test_saved.py, whose hits are counted there by a regex over the
catalog text."""
from __future__ import annotations

import csv
import html
import io
import json
import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from click.testing import CliRunner

from corpus.db import Catalog
from corpus.ingest import ingest
from search.indexer import Indexer
from search.saved import SavedQueries
from web import create_app
from web.cli import cli

from .conftest import SEED_FILE
from .test_saved import brute_force

CSRF_REFUSED = ("The form was refused: its security token is missing or out of date (CSRF check). "
                "Reload the page and submit the form again.")


@pytest.fixture
def instance(seed_instance):
    return seed_instance


@pytest.fixture
def app(instance):
    return create_app({"INSTANCE": str(instance), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


def cli_run(instance, *args):
    result = CliRunner().invoke(cli, ["--instance", str(instance), *map(str, args)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def saved_state(instance) -> dict:
    """Everything saved-query related in the catalog (the export without its time stamp, and the counts)."""
    catalog = Catalog.for_instance(instance)
    try:
        queries = SavedQueries(catalog)
        data = queries.export()
        data.pop("exported_at")
        data["counts"] = [q.to_json() for q in queries.list()]
        return data
    finally:
        catalog.dispose()


def get(client, path: str, status: int = 200):
    response = client.get(path)
    body = response.get_data(as_text=True)
    assert response.status_code == status, (path, response.status_code, body[:400])
    assert "Traceback" not in body
    return body


def token_of(body: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', body)
    assert found, "no CSRF token in the page"
    return found.group(1)


def form_fields(body: str, form_selector: str) -> dict[str, str]:
    """The name → value pairs of the inputs of the first <form ... id/class=...> matching."""
    found = re.search(rf'<form {form_selector}[^>]*>(.*?)</form>', body, re.S)
    assert found, f"no form {form_selector}"
    return {html.unescape(n): html.unescape(v) for n, v in
            re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', found.group(1))}


def saved_rows(body: str) -> dict[str, str]:
    found = re.search(r'<table id="saved".*?<tbody>(.*?)</tbody>', body, re.S)
    assert found, "no table#saved"
    return {html.unescape(n): row for n, row in
            re.findall(r'<tr class="saved" data-name="([^"]+)">(.*?)</tr>', found.group(1), re.S)}


def cell(row: str, css: str) -> str:
    found = re.search(rf'<td class="{css}">(.*?)</td>', row, re.S)
    assert found, css
    return html.unescape(re.sub(r"<[^>]+>", " ", found.group(1))).split()


def save(client, name: str, note: str = "", **state) -> object:
    """Save from the results page as a person would: open the search, post its form."""
    body = get(client, "/search?" + urlencode(state))
    fields = form_fields(body, 'id="save-search"')
    return client.post("/saved", data={**fields, "name": name, "note": note})


# ---------------------------------------------------------------- saving from the results page

def test_results_page_offers_a_save_form_with_the_whole_state(client):
    body = get(client, "/search?" + urlencode({"q": "missile", "source": "wilson", "from": "1962", "variants": "1",
                                               "sort": "L1", "width": "5", "page": "1"}))
    fields = form_fields(body, 'id="save-search"')
    assert set(fields) == {"csrf_token", "q", "source", "from", "variants", "sort", "width"}
    assert (fields["q"], fields["source"], fields["from"], fields["variants"], fields["sort"], fields["width"]) == \
        ("missile", "wilson", "1962", "1", "L1", "5")
    assert re.search(r'<form id="save-search" class="save-search" method="post" action="/saved">', body)
    assert '<input id="save-name" name="name" required maxlength="80"' in body


def test_saving_stores_the_search_and_shows_its_permalink(client, instance):
    response = save(client, "Blas Roca on defeat", "speech", q="defeat", speaker="Blas Roca", sort="R1")
    assert response.status_code == 303
    assert response.headers["Location"] == "/saved/Blas%20Roca%20on%20defeat"
    body = get(client, response.headers["Location"])
    assert "Saved as &#39;Blas Roca on defeat&#39;: 3 hits in 1 document at corpus version 1." in body
    assert '<h1 id="saved-name">Blas Roca on defeat</h1>' in body
    assert re.search(r'<span class="hits">3</span> hits in <span class="documents">1</span> document', body)
    assert len(re.findall(r'<tr class="hit[^"]*">', body)) == 3                       # its current lines
    entry = json.loads(get(client, "/api/saved/Blas%20Roca%20on%20defeat"))
    assert (entry["query"], entry["filters"]["speaker"], entry["sort"], entry["note"]) == \
        ("defeat", "Blas Roca", "R1", "speech")
    assert entry == json.loads(cli_run(instance, "saved", "show", "Blas Roca on defeat", "--json"))
    assert json.loads(get(client, "/api/saved")) == json.loads(cli_run(instance, "saved", "list", "--json"))


@pytest.mark.parametrize("name, message", [
    ("a/b", "the name &#39;a/b&#39; contains &#39;/&#39;; use only letters, digits, spaces and - _ ."),
    ("x" * 81, "the name is 81 characters long; the limit is 80"),
    ("", "a saved query needs a name (1–80 characters: letters, digits, spaces and - _ .)"),
])
def test_bad_names_show_the_form_again_with_the_message(client, instance, name, message):
    response = save(client, name, q="missile")
    body = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'<p id="save-error">{message}</p>' in body
    assert 'id="save-search"' in body and 'name="q" value="missile"' in body           # the search is kept
    assert saved_state(instance)["saved"] == []


def test_a_duplicate_name_is_refused(client, instance):
    assert save(client, "watch", q="missile").status_code == 303
    response = save(client, "Watch", q="Cuba")
    assert response.status_code == 400
    assert ("<p id=\"save-error\">a saved query called &#39;watch&#39; already exists; choose another name or "
            "delete it first</p>") in response.get_data(as_text=True)
    assert [e["query"] for e in saved_state(instance)["saved"]] == ["missile"]


# ---------------------------------------------------------------- CSRF and GET

def test_posts_without_the_right_token_are_refused(client, app, instance):
    assert save(client, "watch", q="missile").status_code == 303
    before = saved_state(instance)
    token = token_of(get(client, "/saved"))
    stranger = app.test_client()
    stranger_token = token_of(get(stranger, "/saved"))
    attempts = [
        ("/saved", {"q": "Cuba", "name": "sneaky"}),
        ("/saved", {"q": "Cuba", "name": "sneaky", "csrf_token": "forged"}),
        ("/saved", {"q": "Cuba", "name": "sneaky", "csrf_token": stranger_token}),
        ("/saved/watch/run", {}),
        ("/saved/watch/rename", {"new_name": "renamed", "csrf_token": token + "x"}),
        ("/saved/watch/delete", {"csrf_token": ""}),
        ("/history/clear", {"confirm": "yes"}),
    ]
    for path, data in attempts:
        response = client.post(path, data=data)
        body = response.get_data(as_text=True)
        assert response.status_code == 400, path
        assert f'<p id="error-message">{CSRF_REFUSED}</p>' in body, path
    fresh = app.test_client()                               # no session at all
    assert fresh.post("/saved/watch/delete", data={"csrf_token": token}).status_code == 400
    assert saved_state(instance) == before


def test_nothing_changes_on_a_get(client, instance):
    assert save(client, "watch", q="missile").status_code == 303
    get(client, "/search?q=Cuba")                           # the search itself goes into the history
    before = saved_state(instance)
    for path in ("/saved", "/saved/watch", "/saved/watch/delete", "/history", "/api/saved", "/api/saved/watch",
                 "/save?q=blockade&name=x", "/saved?name=x&q=y"):
        get(client, path)
    for path in ("/saved/watch/run", "/saved/watch/rename", "/history/clear"):
        assert client.get(path).status_code == 405
    assert saved_state(instance) == before


def test_control_characters_in_a_form_are_refused(client, instance):
    body = get(client, "/search?q=missile")
    fields = form_fields(body, 'id="save-search"')
    response = client.post("/saved", data={**fields, "name": "ok", "note": "bad\x00note"})
    assert response.status_code == 400
    assert "the form field &#39;note&#39; contains a NUL byte" in response.get_data(as_text=True)
    assert saved_state(instance)["saved"] == []


# ---------------------------------------------------------------- the list, new hits, run

def test_list_shows_counts_and_after_an_ingest_a_badge_linking_to_exactly_the_new_hits(client, instance, notes):
    assert save(client, "missile", q="missile").status_code == 303
    assert save(client, "quarantine", q="quarantine").status_code == 303
    rows = saved_rows(get(client, "/saved"))
    assert list(rows) == ["missile", "quarantine"]
    assert (cell(rows["missile"], "num hits"), cell(rows["missile"], "num documents"),
            cell(rows["missile"], "num version"), cell(rows["missile"], "new")) == (["11"], ["1"], ["1"],
                                                                                     ["none", "new"])
    assert '<a class="permalink" href="/saved/missile">missile</a>' in rows["missile"]

    assert "Saved queries: 2 re-counted, 2 with new hits (corpus version 2)." in cli_run(instance, "ingest", notes)
    body = get(client, "/saved")
    rows = saved_rows(body)
    catalog = Catalog.for_instance(instance)
    hits, documents = brute_force(catalog, "missile", 1)
    assert (hits, documents) == (5, 2)
    badge = re.search(r'<a class="new-hits" href="([^"]+)"><span class="new-badge">([^<]+)</span></a>',
                      rows["missile"])
    assert badge.group(2) == f"{hits} new hits in {documents} documents"
    assert cell(rows["missile"], "num hits") == ["11"]                  # the last run's count stays
    assert '<b id="corpus-version">2</b>' in body
    link = html.unescape(badge.group(1))
    assert urlsplit(link).path == "/search" and parse_qs(urlsplit(link).query) == {"q": ["missile"], "since": ["1"]}

    new_page = get(client, link)
    assert '<p id="totals">5 hits in 2 documents</p>' in new_page
    shown = re.findall(r'<a class="hit-link" href="/doc/([^?"]+)\?[^"]*since=1[^"]*#hit-\d+">([^<]+)</a>', new_page)
    assert sorted(shown) == sorted([("testing:note-a", "missile"), ("testing:note-a", "Missile"),
                                    ("testing:note-a", "missile"), ("testing:note-a", "missile"),
                                    ("testing:note-b", "missile")])
    assert 'id="since-note"' in new_page and 'id="save-search"' not in new_page
    assert 'href="/search?q=missile" id="all-hits"' in new_page or 'id="all-hits" href="/search?q=missile"' in new_page
    qbadge = re.search(r'<span class="new-badge">([^<]+)</span>', rows["quarantine"])
    assert qbadge.group(1) == "%d new hit in %d document" % brute_force(catalog, "quarantine", 1)
    catalog.dispose()

    token = token_of(body)
    ran = client.post("/saved/missile/run", data={"csrf_token": token})
    assert ran.status_code == 303 and ran.headers["Location"] == "/search?q=missile"
    rows = saved_rows(get(client, "/saved"))
    assert (cell(rows["missile"], "num hits"), cell(rows["missile"], "num documents"),
            cell(rows["missile"], "num version"), cell(rows["missile"], "new")) == (["16"], ["3"], ["2"],
                                                                                     ["none", "new"])
    assert 'class="new-badge"' in rows["quarantine"]                    # only the one run was reset


def test_new_hits_state_is_checked_and_carried_into_the_export(client, instance, notes):
    cli_run(instance, "ingest", notes)
    for bad in ("-1", "abc", "1.5"):
        body = get(client, f"/search?q=missile&since={bad}", status=400)
        assert 'id="query-error"' in body and "since must be" in body
    response = client.get("/export.csv?q=missile&since=1")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert ["# since: only documents added or changed after corpus version 1"] in rows
    assert len([r for r in rows if r and r[0].isdigit()]) == 5
    api = json.loads(get(client, "/api/search?q=missile&since=1"))
    assert (api["total_hits"], api["total_documents"]) == (5, 2)


# ---------------------------------------------------------------- rename and delete

def test_rename_and_delete(client, instance):
    assert save(client, "first", q="missile").status_code == 303
    assert save(client, "second", q="Cuba").status_code == 303
    page = get(client, "/saved/first")
    token = token_of(page)
    assert re.search(r'<form id="rename" class="rename-form" method="post" action="/saved/first/rename">', page)
    renamed = client.post("/saved/first/rename", data={"csrf_token": token, "new_name": "missile watch"})
    assert (renamed.status_code, renamed.headers["Location"]) == (303, "/saved/missile%20watch")
    assert "Renamed &#39;first&#39; to &#39;missile watch&#39;." in get(client, "/saved/missile%20watch")
    assert "no saved query called &#39;first&#39;" in get(client, "/saved/first", status=404)
    taken = client.post("/saved/missile%20watch/rename", data={"csrf_token": token, "new_name": "second"})
    assert taken.headers["Location"] == "/saved/missile%20watch"
    assert ("Not renamed: a saved query called &#39;second&#39; already exists; choose another name or delete it "
            "first") in get(client, "/saved/missile%20watch")

    confirm = get(client, "/saved/missile%20watch/delete")
    assert re.search(r'<form id="delete-form" method="post" action="/saved/missile%20watch/delete">', confirm)
    assert [e["name"] for e in saved_state(instance)["saved"]] == ["missile watch", "second"]   # asked, not done
    deleted = client.post("/saved/missile%20watch/delete", data={"csrf_token": token})
    assert (deleted.status_code, deleted.headers["Location"]) == (303, "/saved")
    assert "Deleted the saved query &#39;missile watch&#39;." in get(client, "/saved")
    assert [e["name"] for e in saved_state(instance)["saved"]] == ["second"]
    assert client.post("/saved/nope/delete", data={"csrf_token": token}).status_code == 404
    assert json.loads(get(client, "/api/saved/nope", status=404)) == {
        "error": "no saved query called 'nope'; `corpus saved list` shows them"}


def test_a_name_in_another_case_redirects_to_the_permalink(client):
    save(client, "Missile Watch", q="missile")
    response = client.get("/saved/missile%20watch")
    assert (response.status_code, response.headers["Location"]) == (301, "/saved/Missile%20Watch")


# ---------------------------------------------------------------- history

def test_history_records_searches_and_saves_one(client, instance):
    get(client, "/search?q=missile")
    get(client, "/search?q=missile&page=2&per=5")            # a page turn of the same search
    get(client, "/search?q=Cuba&source=wilson")
    get(client, "/search?q=%22unclosed", status=400)          # errors are not searches
    get(client, "/api/search?q=blockade")                    # nor are API calls
    body = get(client, "/history")
    rows = re.findall(r'<tr class="history-entry" data-id="(\d+)">(.*?)</tr>', body, re.S)
    assert [(cell(r, "num hits"), re.search(r"<code>([^<]+)</code>", r).group(1)) for _id, r in rows] == \
        [(["26"], "Cuba"), (["11"], "missile")]
    fields = form_fields(rows[0][1], 'class="save-history"')
    assert {k: v for k, v in fields.items() if k != "csrf_token"} == {"q": "Cuba", "source": "wilson"}
    response = client.post("/saved", data={**fields, "name": "from history"})
    assert response.status_code == 303
    entry = json.loads(get(client, "/api/saved/from%20history"))
    assert (entry["query"], entry["filters"]["source"], entry["hits"]) == ("Cuba", "wilson", 26)

    token = token_of(body)
    unconfirmed = client.post("/history/clear", data={"csrf_token": token})
    assert unconfirmed.status_code == 303
    assert "Not cleared: tick the box to confirm." in get(client, "/history")
    assert len(saved_state(instance)["history"]) == 2
    cleared = client.post("/history/clear", data={"csrf_token": token, "confirm": "yes"})
    assert cleared.status_code == 303
    after = get(client, "/history")
    assert "Cleared the history (2 searches)." in after and 'id="no-history"' in after
    assert saved_state(instance)["history"] == [] and len(saved_state(instance)["saved"]) == 1


def test_save_page_from_a_url(client):
    body = get(client, "/save?q=blockade&source=wilson")
    fields = form_fields(body, 'id="save-search"')
    assert {k: v for k, v in fields.items() if k != "csrf_token"} == {"q": "blockade", "source": "wilson"}
    assert "Nothing to save" in get(client, "/save")


# ---------------------------------------------------------------- persistence

def test_saved_queries_survive_a_new_app_and_a_reindex(client, instance, notes):
    save(client, "missile", "kept", q="missile")
    cli_run(instance, "ingest", notes)
    before = saved_state(instance)
    assert "Indexed 4 documents" in cli_run(instance, "reindex")
    restarted = create_app({"INSTANCE": str(instance), "TESTING": True}).test_client()
    rows = saved_rows(get(restarted, "/saved"))
    assert re.search(r'<span class="new-badge">5 new hits in 2 documents</span>', rows["missile"])
    page = get(restarted, "/saved/missile")
    assert '<p id="totals">16 hits in 3 documents</p>' in page                # the rebuilt index answers
    assert saved_state(instance) == before


def test_saved_pages_have_no_inline_script_or_style(client):
    save(client, "watch", q="missile")
    get(client, "/search?q=missile")
    for path in ("/saved", "/saved/watch", "/saved/watch/delete", "/history", "/save?q=x", "/search?q=missile"):
        body = get(client, path)
        assert " style=" not in body and "<style" not in body, path
        assert re.findall(r"<script[^>]*>", body) == ['<script src="/static/app.js" defer>'], path
        assert '<a id="nav-saved" href="/saved"' in body and '<a id="nav-history" href="/history"' in body
