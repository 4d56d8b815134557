"""Saved queries (issue 6): the library, the search restriction behind "new hits", and every
`corpus saved …` / `history` / `export-saved` / `import-saved` command (exit code, output and
catalog state together).

Every instance starts from the seed record (wilson:300041, corpus version 1). "More documents"
are the bundled Wilson Center sample (seeds/wilson-center) and three small front-matter notes
written here, whose hits are counted independently of the index by a regex over the catalog
text of the documents the ingest added."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import func, or_, select

from corpus.db import Catalog
from corpus.ingest import ingest
from corpus.models import Document, QueryHistory, SavedQuery
from search.engine import SearchEngine, SearchRequest
from search.errors import SavedQueryError, SavedQueryNotFound
from search.indexer import Indexer
from search.saved import HISTORY_KEEP, SavedQueries, check_name
from web.cli import cli

from .conftest import ROOT, SEED_FILE, SEEDS

WILSON_DIR = SEEDS / "wilson-center"

def word_count(text: str, word: str) -> int:
    """Occurrences of `word` (a plain word) as a whole token: a run of word characters that may be
    joined by ' to more of them; hyphens and periods separate words ("anti-missile" holds "missile",
    issue 11); any case: an independent count that does not use the index."""
    pattern = rf"(?<!\w)(?<!\w'){re.escape(word)}(?!\w)(?!'\w)"
    return len(re.findall(pattern, text, re.IGNORECASE))


def brute_force(catalog: Catalog, word: str, after_version: int, source: str | None = None) -> tuple[int, int]:
    """(hits, documents) of `word` in the documents added or changed after `after_version`."""
    with catalog.session() as s:
        docs = s.scalars(select(Document).where(
            or_(Document.added_version > after_version, Document.updated_version > after_version))).all()
        counts = [word_count(d.text, word) for d in docs if source is None or d.source.key == source]
    return sum(counts), sum(1 for n in counts if n)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def instance(seed_instance):
    return seed_instance


@pytest.fixture
def catalog(instance):
    cat = Catalog.for_instance(instance)
    yield cat
    cat.dispose()


def run(runner, instance, *args, input=None):
    return runner.invoke(cli, ["--instance", str(instance), *map(str, args)], input=input,
                         catch_exceptions=False)


def run_json(runner, instance, *args):
    result = run(runner, instance, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def saved_rows(instance) -> dict[str, SavedQuery]:
    cat = Catalog.for_instance(instance)
    try:
        with cat.session() as s:
            return {row.name: row for row in s.scalars(select(SavedQuery))}
    finally:
        cat.dispose()


# ---------------------------------------------------------------- the search restriction

def test_since_version_restricts_search_facets_and_document_hits(instance, notes, catalog):
    ingest(catalog, [notes])                                     # version 2: note-a, note-b, note-c
    Indexer(catalog, instance).rebuild()
    engine = SearchEngine(catalog, instance)
    try:
        everything = engine.search(SearchRequest("missile", limit=100))
        new = engine.search(SearchRequest("missile", limit=100, since_version=1))
        assert (everything.total_hits, everything.total_documents) == (16, 3)
        assert (new.total_hits, new.total_documents) == brute_force(catalog, "missile", 1) == (5, 2)
        assert {h.doc_id for h in new.hits} == {"testing:note-a", "testing:note-b"}
        assert [h.match.lower() for h in new.hits] == ["missile"] * 5
        assert new.facets["source"] == {"testing": 5}
        assert engine.search(SearchRequest("missile", since_version=2)).total_hits == 0
        old_doc = SearchRequest("missile", since_version=1)
        assert engine.document_hits(old_doc, "wilson:300041") == []
        assert len(engine.document_hits(old_doc, "testing:note-a")) == 4
        assert len(engine.document_hits(SearchRequest("missile"), "wilson:300041")) == 11
    finally:
        engine.close()


# ---------------------------------------------------------------- save → ingest → list → run

def test_new_hits_after_ingest_match_a_brute_force_count_and_run_resets_them(runner, instance, notes, catalog):
    assert run(runner, instance, "saved", "add", "missile", "missile").output == \
        "Saved 'missile': 11 hits in 1 document at corpus version 1.\n"
    assert word_count(catalog.session().get(Document, "wilson:300041").text, "missile") == 11
    assert run(runner, instance, "saved", "add", "missiles", "missiles").exit_code == 0
    assert run(runner, instance, "saved", "add", "missile in wilson", "missile", "--source", "wilson").exit_code == 0

    ingested = run(runner, instance, "ingest", WILSON_DIR, notes)
    assert ingested.exit_code == 0, ingested.output
    assert "Saved queries: 3 re-counted, 2 with new hits (corpus version 2).\n" in ingested.output

    listed = {e["name"]: e for e in run_json(runner, instance, "saved", "list")["saved"]}
    for name, word, source in (("missile", "missile", None), ("missiles", "missiles", None),
                               ("missile in wilson", "missile", "wilson")):
        entry = listed[name]
        assert (entry["new_hits"], entry["new_documents"]) == brute_force(catalog, word, 1, source), name
        assert (entry["baseline_version"], entry["checked_version"]) == (1, 2)
    assert (listed["missile"]["new_hits"], listed["missile"]["new_documents"]) == (5, 2)
    assert (listed["missiles"]["new_hits"], listed["missiles"]["new_documents"]) == (3, 2)   # wilson:300238 2, note-a 1
    assert listed["missile in wilson"]["new_hits"] == 0
    assert (listed["missile"]["hits"], listed["missile"]["documents"]) == (11, 1)         # the last run's counts stay

    new = run_json(runner, instance, "saved", "run", "missile", "--new", "--limit", "50")
    assert new["new_only"] is True and new["saved"]["baseline_version"] == 1
    assert (new["result"]["total_hits"], new["result"]["total_documents"]) == (5, 2)
    assert {h["doc_id"] for h in new["result"]["hits"]} == {"testing:note-a", "testing:note-b"}

    ran = run_json(runner, instance, "saved", "run", "missile")
    assert (ran["saved"]["hits"], ran["saved"]["documents"]) == (16, 3)
    assert (ran["saved"]["new_hits"], ran["saved"]["new_documents"], ran["saved"]["baseline_version"]) == (0, 0, 2)
    assert ran["result"]["total_hits"] == 16 and len(ran["result"]["hits"]) == 16
    row = saved_rows(instance)["missile"]
    assert (row.hits, row.documents, row.new_hits, row.baseline_version, row.checked_version) == (16, 3, 0, 2, 2)
    assert saved_rows(instance)["missiles"].new_hits == 3                                 # the others keep theirs


def test_a_changed_document_counts_with_all_its_hits_and_an_unchanged_ingest_recounts_nothing(
        runner, instance, notes, catalog):
    run(runner, instance, "ingest", notes)                                               # version 2
    run(runner, instance, "saved", "add", "missile", "missile")                           # baseline 2
    again = run(runner, instance, "ingest", notes)
    assert "added 0" in again.output and "Saved queries" not in again.output            # nothing changed
    text = (notes / "b.md").read_text()
    (notes / "b.md").write_text(text.replace("within the month.", "within the month, missile by missile."))
    changed = run(runner, instance, "ingest", notes)
    assert "updated 1" in changed.output
    assert "Saved queries: 1 re-counted, 1 with new hits (corpus version 3)." in changed.output
    entry = run_json(runner, instance, "saved", "show", "missile")
    assert (entry["new_hits"], entry["new_documents"]) == brute_force(catalog, "missile", 2) == (3, 1)


def test_a_query_saved_before_anything_is_ingested_counts_everything_as_new(runner, tmp_path):
    empty = tmp_path / "empty"
    saved = run(runner, empty, "saved", "add", "early", "missile")
    assert (saved.exit_code, saved.output) == (0, "Saved 'early' at corpus version 0; not run (there is no index "
                                                  "yet): its hits are counted as new after the next ingest.\n")
    assert "    counts: not counted yet\n" in run(runner, empty, "saved", "show", "early").output
    ingested = run(runner, empty, "ingest", SEED_FILE)
    assert "Saved queries: 1 re-counted, 1 with new hits (corpus version 1)." in ingested.output
    entry = run_json(runner, empty, "saved", "show", "early")
    assert (entry["hits"], entry["last_run_at"], entry["new_hits"], entry["new_documents"]) == (None, None, 11, 1)


def test_ingest_json_carries_the_recount(runner, instance, notes):
    run(runner, instance, "saved", "add", "m", "missile")
    report = run_json(runner, instance, "ingest", notes)
    assert report["saved"] == {"recounted": 1, "with_new_hits": 1, "corpus_version": 2, "failed": []}
    empty = run_json(runner, instance, "ingest", notes)
    assert empty["saved"] is None


# ---------------------------------------------------------------- names and errors

@pytest.mark.parametrize("name, message", [
    ("", "a saved query needs a name (1–80 characters: letters, digits, spaces and - _ .)"),
    ("   ", "a saved query needs a name (1–80 characters: letters, digits, spaces and - _ .)"),
    ("x" * 81, "the name is 81 characters long; the limit is 80"),
    ("a/b", "the name 'a/b' contains '/'; use only letters, digits, spaces and - _ ."),
    ("<script>", "the name '<script>' contains '<'; use only letters, digits, spaces and - _ ."),
    ("tab\there", "the name 'tab\\there' contains '\\t'; use only letters, digits, spaces and - _ ."),
    ("..", "the name '..' must start with a letter or a digit"),
    ("-flag", "the name '-flag' must start with a letter or a digit"),
])
def test_bad_names_are_refused_with_exit_two_and_nothing_saved(runner, instance, name, message):
    result = run(runner, instance, "saved", "add", "--", name, "missile")
    assert result.exit_code == 2
    assert result.output == f"Error: {message}\n"
    assert saved_rows(instance) == {}


@pytest.mark.parametrize("name", ["x" * 80, "Kuba-Krise 1962", "v1.2_draft", "Überblick", "7 days"])
def test_good_names(name):
    assert check_name(f"  {name} ") == name


def test_duplicate_name_is_refused_also_when_only_the_case_differs(runner, instance):
    assert run(runner, instance, "saved", "add", "Blockade", "blockade").exit_code == 0
    for name in ("Blockade", "blockade", " BLOCKADE "):
        result = run(runner, instance, "saved", "add", name, "quarantine", "--json")
        assert result.exit_code == 2
        assert json.loads(result.output) == {"error": "a saved query called 'Blockade' already exists; choose "
                                                      "another name or delete it first"}
    assert [(r.name, r.query) for r in saved_rows(instance).values()] == [("Blockade", "blockade")]


def test_a_query_that_does_not_parse_or_run_is_not_saved(runner, instance):
    result = run(runner, instance, "saved", "add", "broken", '"unclosed')
    assert (result.exit_code, result.output) == (2, 'Error: unclosed quote: the phrase starting at character 0 '
                                                    'has no closing "\n')
    only_filters = run(runner, instance, "saved", "add", "filters", "source:wilson")
    assert only_filters.output == ("Error: the query has only filters; add a word or phrase to search for "
                                   "(or a speaker filter alone, to list that speaker's passages)\n")
    bad_date = run(runner, instance, "saved", "add", "dates", "missile", "--from", "soon")
    assert bad_date.output == "Error: --from 'soon' is not a date (use 1962-10-16, 1962-10 or 1962)\n"
    assert saved_rows(instance) == {}


def test_unknown_names_exit_one_with_the_same_message_everywhere(runner, instance):
    message = "no saved query called 'nope'; `corpus saved list` shows them"
    for args in (("show", "nope"), ("run", "nope"), ("run", "nope", "--new"), ("rename", "nope", "yes"),
                 ("delete", "nope", "--yes")):
        result = run(runner, instance, "saved", *args)
        assert (result.exit_code, result.output) == (1, f"Error: {message}\n"), args
    assert json.loads(run(runner, instance, "saved", "show", "nope", "--json").output) == {"error": message}


# ---------------------------------------------------------------- each command

def test_add_stores_every_field_and_show_prints_it(runner, instance):
    entry = run_json(runner, instance, "saved", "add", "Blas Roca on defeat", "defeat", "--speaker", "Blas Roca",
                     "--from", "1962-11", "--to", "1962-11", "--variants", "--sort", "L1", "--width", "5",
                     "--note", "speech of 2 November")
    assert entry["filters"] == {"speaker": "Blas Roca", "participant": None, "source": None, "lang": None,
                                "type": None, "date_from": "1962-11", "date_to": "1962-11"}
    assert (entry["variants"], entry["sort"], entry["width"], entry["note"]) == (True, "L1", 5,
                                                                                  "speech of 2 November")
    engine_count = SearchEngine(Catalog.for_instance(instance), instance).search(SearchRequest(
        "defeat", speaker="Blas Roca", date_from="1962-11", date_to="1962-11", variants=True, limit=0))
    assert (entry["hits"], entry["documents"]) == (engine_count.total_hits, engine_count.total_documents) == (3, 1)
    assert run_json(runner, instance, "saved", "show", "Blas Roca on defeat") == entry
    text = run(runner, instance, "saved", "show", "blas roca on defeat").output     # any case finds it
    assert "Blas Roca on defeat\n" in text
    assert "     query: defeat [speaker=Blas Roca, from=1962-11, to=1962-11] variants sort=L1 width=5\n" in text
    assert "      note: speech of 2 November\n" in text
    assert "    counts: 3 hits in 1 document at corpus version 1\n" in text
    assert " new since: none new (counted at corpus version 1)\n" in text


def test_list_text_and_json(runner, instance):
    assert run(runner, instance, "saved", "list").output == \
        "No saved queries yet; `corpus saved add NAME QUERY` keeps one.\n"
    assert run_json(runner, instance, "saved", "list") == {"corpus_version": 1, "saved": []}
    run(runner, instance, "saved", "add", "zeta", "Cuba")
    run(runner, instance, "saved", "add", "Alpha", "missile", "--source", "wilson")
    lines = run(runner, instance, "saved", "list").output.splitlines()
    assert lines[0].split() == ["name", "hits", "docs", "version", "new", "since", "query"]
    assert lines[1].split() == ["Alpha", "11", "1", "1", "none", "new", "missile", "[source=wilson]"]
    assert lines[2].split() == ["zeta", "26", "1", "1", "none", "new", "Cuba"]
    assert lines[3] == "Corpus version 1."
    data = run_json(runner, instance, "saved", "list")
    assert [e["name"] for e in data["saved"]] == ["Alpha", "zeta"]
    assert set(data["saved"][0]) >= {"name", "query", "filters", "hits", "documents", "baseline_version", "new_hits",
                                     "new_documents", "checked_version", "last_run_at"}


def test_run_prints_the_concordance_like_search(runner, instance):
    run(runner, instance, "saved", "add", "missile", "missile")
    result = run(runner, instance, "saved", "run", "missile", "--limit", "2")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0] == "missile: baseline now corpus version 1."
    assert re.fullmatch(r"11 hits in 1 document \(\d+ ms\)", lines[1])
    assert len(lines) == 5 and lines[2].startswith("1962-11-02  wilson:300041") and "[missile]" in lines[2]
    assert lines[4] == "Lines 1–2 of 11; --offset 2 for more."
    new = run(runner, instance, "saved", "run", "missile", "--new")
    assert new.output.splitlines()[0] == ("missile: only documents added or changed since corpus version 1 (the "
                                          "baseline stays; `corpus saved run` without --new resets it).")
    assert re.fullmatch(r"0 hits in 0 documents \(\d+ ms\)", new.output.splitlines()[1])


def test_rename(runner, instance):
    run(runner, instance, "saved", "add", "old name", "missile")
    run(runner, instance, "saved", "add", "other", "Cuba")
    assert run(runner, instance, "saved", "rename", "old name", "new-name").output == \
        "Renamed 'old name' to 'new-name'.\n"
    assert set(saved_rows(instance)) == {"new-name", "other"}
    taken = run(runner, instance, "saved", "rename", "new-name", "OTHER")
    assert (taken.exit_code, taken.output) == (2, "Error: a saved query called 'other' already exists; choose "
                                                  "another name or delete it first\n")
    bad = run(runner, instance, "saved", "rename", "new-name", "a|b")
    assert bad.exit_code == 2 and "contains '|'" in bad.output
    assert run(runner, instance, "saved", "rename", "new-name", "New-Name").exit_code == 0   # its own name, new case
    assert set(saved_rows(instance)) == {"New-Name", "other"}
    assert saved_rows(instance)["New-Name"].hits == 11


def test_delete_asks_first(runner, instance):
    run(runner, instance, "saved", "add", "keep me", "missile")
    refused = run(runner, instance, "saved", "delete", "keep me", input="n\n")
    assert refused.exit_code == 1
    assert "Delete the saved query 'keep me' (missile)? [y/N]: n\nNothing deleted.\n" == refused.output
    assert set(saved_rows(instance)) == {"keep me"}
    confirmed = run(runner, instance, "saved", "delete", "keep me", input="y\n")
    assert confirmed.exit_code == 0 and confirmed.output.endswith("Deleted 'keep me'.\n")
    assert saved_rows(instance) == {}
    run(runner, instance, "saved", "add", "gone", "missile")
    assert run(runner, instance, "saved", "delete", "GONE", "--yes").output == "Deleted 'gone'.\n"
    assert saved_rows(instance) == {}


def test_recount_command(runner, instance, notes, catalog):
    run(runner, instance, "saved", "add", "m", "missile")
    ingest(catalog, [notes])                  # through the library: no automatic recount
    Indexer(catalog, instance).rebuild()
    assert saved_rows(instance)["m"].new_hits == 0
    result = run(runner, instance, "saved", "recount")
    assert (result.exit_code, result.output) == (0, "Saved queries: 1 re-counted, 1 with new hits "
                                                    "(corpus version 2).\n")
    assert (saved_rows(instance)["m"].new_hits, saved_rows(instance)["m"].checked_version) == (5, 2)


# ---------------------------------------------------------------- history

def test_history_records_lists_dedups_prunes_and_clears(runner, instance, catalog):
    engine = SearchEngine(catalog, instance)
    queries = SavedQueries(catalog, engine)
    try:
        for query in ("missile", "missile", "Cuba"):
            request = SearchRequest(query, source="wilson" if query == "Cuba" else None)
            queries.record(request, engine.search(request))
    finally:
        engine.close()
    data = run_json(runner, instance, "history")["history"]
    assert [(h["query"], h["filters"]["source"], h["hits"], h["documents"]) for h in data] == \
        [("Cuba", "wilson", 26, 1), ("missile", None, 11, 1)]             # the repeat updated the latest row
    lines = run(runner, instance, "history").output.splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d +26 hits +1 docs  Cuba \[source=wilson\]", lines[0])
    with catalog.session() as s:
        s.add_all([QueryHistory(query=f"q{i}", filters={}, hits=0, documents=0) for i in range(HISTORY_KEEP + 5)])
        s.commit()
    queries.record(SearchRequest("last"), type("R", (), {"total_hits": 1, "total_documents": 1})())
    with catalog.session() as s:
        assert s.scalar(select(func.count()).select_from(QueryHistory)) == HISTORY_KEEP
    refused = run(runner, instance, "history", "--clear", input="n\n")
    assert refused.exit_code == 1 and len(queries.history()) == HISTORY_KEEP
    assert run(runner, instance, "history", "--clear", "--yes").output == f"Cleared {HISTORY_KEEP} history entries.\n"
    assert run(runner, instance, "history").output == "No searches in the history yet.\n"


# ---------------------------------------------------------------- persistence, reindex, old catalogs

def test_saved_queries_survive_a_new_process_and_a_reindex(runner, instance, notes):
    run(runner, instance, "saved", "add", "missile", "missile", "--note", "kept")
    run(runner, instance, "ingest", notes)
    before = run_json(runner, instance, "saved", "list")
    reindexed = run(runner, instance, "reindex")
    assert reindexed.exit_code == 0 and "Indexed 4 documents" in reindexed.output
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([sys.executable, "-c", "from web.cli import main; main()", "--instance", str(instance),
                           "saved", "list", "--json"], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == before
    assert before["saved"][0]["new_hits"] == 5 and before["saved"][0]["note"] == "kept"
    new = run_json(runner, instance, "saved", "run", "missile", "--new")          # the reindexed index answers
    assert new["result"]["total_hits"] == 5


def test_a_catalog_made_before_saved_queries_gets_the_new_tables(instance):
    db = sqlite3.connect(instance / "catalog.sqlite")
    db.execute("DROP TABLE saved_query")
    db.execute("DROP TABLE query_history")
    db.commit()
    db.close()
    catalog = Catalog.for_instance(instance)
    engine = SearchEngine(catalog, instance)
    try:
        saved = SavedQueries(catalog, engine).add("after upgrade", SearchRequest("missile"))
        assert (saved.hits, saved.baseline_version) == (11, 1)
        with catalog.session() as s:
            assert s.scalar(select(func.count()).select_from(Document)) == 1
    finally:
        engine.close()
        catalog.dispose()


def test_library_errors_are_its_own_exceptions(catalog, instance):
    queries = SavedQueries(catalog)
    with pytest.raises(SavedQueryNotFound, match=r"^no saved query called 'x'; `corpus saved list` shows them$"):
        queries.get("x")
    with pytest.raises(SavedQueryError, match="no search engine"):
        queries.add("x", SearchRequest("missile"))
    assert queries.list() == []


# ---------------------------------------------------------------- export / import

def test_export_then_import_into_a_fresh_instance(runner, instance, notes, tmp_path):
    run(runner, instance, "saved", "add", "missile", "missile", "--note", "chapter 3")
    run(runner, instance, "saved", "add", "roca", "defeat", "--speaker", "Blas Roca", "--sort", "R1", "--width", "3")
    SavedQueries(Catalog.for_instance(instance)).record(SearchRequest("Cuba"),
                                                        type("R", (), {"total_hits": 26, "total_documents": 1})())
    out = tmp_path / "saved.json"
    exported = run(runner, instance, "export-saved", out)
    assert exported.output == f"Exported 2 saved queries and 1 history entries to {out}.\n"
    data = json.loads(out.read_text())
    assert (data["format"], data["format_version"], data["corpus_version"]) == ("crisis-corpus saved queries", 1, 1)
    assert [e["name"] for e in data["saved"]] == ["missile", "roca"]
    assert "hits" not in data["saved"][0]
    assert json.loads(run(runner, instance, "export-saved").output)["saved"] == data["saved"]      # stdout

    other = tmp_path / "other"                                   # the seed and the notes: version 2 there
    run(runner, other, "ingest", SEED_FILE, notes)
    imported = run(runner, other, "import-saved", out)
    assert (imported.exit_code, imported.output) == (0, "Imported 2 new, 0 replaced, 0 skipped, 0 rejected; "
                                                         "1 history entries.\n")
    entries = {e["name"]: e for e in run_json(runner, other, "saved", "list")["saved"]}
    assert (entries["missile"]["hits"], entries["missile"]["documents"], entries["missile"]["baseline_version"]) == \
        (16, 3, 1)
    assert entries["missile"]["note"] == "chapter 3"
    assert (entries["roca"]["sort"], entries["roca"]["width"], entries["roca"]["filters"]["speaker"]) == \
        ("R1", 3, "Blas Roca")
    assert [h["query"] for h in run_json(runner, other, "history")["history"]] == ["Cuba"]

    again = run_json(runner, other, "import-saved", out)
    assert again["added"] == [] and [s["entry"] for s in again["skipped"]] == ["missile", "roca"]
    assert again["skipped"][0]["reason"] == ("a saved query called 'missile' already exists (import with --replace "
                                             "to overwrite it)")
    assert again["history_added"] == 0
    replaced = run_json(runner, other, "import-saved", out, "--replace")
    assert replaced["replaced"] == ["missile", "roca"]
    assert len(run_json(runner, other, "saved", "list")["saved"]) == 2


def test_import_rejects_bad_files_and_bad_entries_with_reasons(runner, instance, tmp_path):
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json")
    result = run(runner, instance, "import-saved", bad_json)
    assert result.exit_code == 1
    assert result.output == (f"Error: {bad_json}: not JSON (Expecting property name enclosed in double quotes: "
                             "line 1 column 2 (char 1))\n")
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps([{"name": "x"}]))
    assert run(runner, instance, "import-saved", wrong).output == (
        f"Error: {wrong}: not an export of saved queries (no \"format\": \"crisis-corpus saved queries\"); make one "
        "with `corpus export-saved`\n")
    entries = [
        {"name": "good", "query": "missile"},
        {"name": "a/b", "query": "missile"},
        {"name": "no sort", "query": "missile", "sort": "sideways"},
        {"name": "bad filter", "query": "missile", "filters": {"colour": "red"}},
        {"name": "bad query", "query": "\"open"},
        {"name": "good", "query": "Cuba"},
        "just text",
    ]
    mixed = tmp_path / "mixed.json"
    mixed.write_text(json.dumps({"format": "crisis-corpus saved queries", "format_version": 1, "saved": entries,
                                 "history": [{"query": "Cuba", "hits": 3, "documents": 1}, {"query": 5}]}))
    result = run(runner, instance, "import-saved", mixed)
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Imported 1 new, 0 replaced, 0 skipped, 6 rejected; 1 history entries.",
        "  rejected entry 2 ('a/b'): the name 'a/b' contains '/'; use only letters, digits, spaces and - _ .",
        "  rejected entry 3 ('no sort'): sort must be one of date, document, relevance, L1, L2, L3, R1, R2, R3 "
        "(got 'sideways')",
        "  rejected entry 4 ('bad filter'): unknown filter 'colour'; filters are speaker, participant, source, lang, "
        "type, date_from, date_to",
        "  rejected entry 5 ('bad query'): unclosed quote: the phrase starting at character 0 has no closing \"",
        "  rejected entry 6 ('good'): the name 'good' appears twice in the file",
        "  rejected entry 7: not an object with name, query, filters, ...",
    ]
    assert set(saved_rows(instance)) == {"good"}
    assert saved_rows(instance)["good"].hits == 11
