"""The index follows the catalog: ingest updates it, reindex rebuilds it, check finds drift."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest
from click.testing import CliRunner
from whoosh import index as whoosh_index

from corpus.db import CATALOG_FILE
from web.cli import cli

from .conftest import SEED_FILE


@pytest.fixture
def instance(tmp_path):
    return tmp_path / "instance"


def corpus(instance, *args):
    return CliRunner().invoke(cli, ["--instance", str(instance), *map(str, args)], catch_exceptions=False)


def search_json(instance, *args):
    result = corpus(instance, "search", *args, "--json")
    return result.exit_code, json.loads(result.output)


def memo(folder, name, body, date="1962-10-27"):
    path = folder / name
    path.write_text(f"---\ntitle: {name}\ndate: {date}\nsource: memos\n---\n{body}\n", encoding="utf-8")
    return path


def test_ingest_keeps_the_index_in_step(instance, tmp_path):
    a = memo(tmp_path, "a.md", "The quarantine line holds.")
    first = corpus(instance, "ingest", a)
    assert first.exit_code == 0 and "Index: 1 documents indexed" in first.output
    assert search_json(instance, "quarantine")[1]["total_hits"] == 1
    a.write_text(a.read_text().replace("quarantine", "blockade"))
    corpus(instance, "ingest", a)
    assert search_json(instance, "quarantine")[1]["total_hits"] == 0
    assert search_json(instance, "blockade")[1]["total_hits"] == 1
    table = tmp_path / "t.csv"
    table.write_text("id,title,text\nr1,One,Missiles leave Cuba.\nr2,Two,Missiles stay.\n")
    corpus(instance, "ingest", table, "--source", "rows")
    assert search_json(instance, "missiles")[1]["total_documents"] == 2
    table.write_text("id,title,text\nr1,One,Missiles leave Cuba.\n")
    corpus(instance, "ingest", table, "--source", "rows")
    assert search_json(instance, "missiles")[1]["total_documents"] == 1
    check = corpus(instance, "check", "--json")
    assert check.exit_code == 0 and json.loads(check.output)["ok"] is True


def test_check_finds_drift_and_repair_fixes_it(instance):
    corpus(instance, "ingest", SEED_FILE)
    ix = whoosh_index.open_dir(str(instance / "index"))
    writer = ix.writer()
    writer.delete_by_term("doc", "wilson:300041")
    writer.commit()
    drift = corpus(instance, "check", "--json")
    assert drift.exit_code == 1
    assert json.loads(drift.output)["missing"] == ["wilson:300041"]
    assert "1 missing from the index: wilson:300041" in corpus(instance, "check").output
    repaired = corpus(instance, "check", "--repair", "--json")
    assert repaired.exit_code == 0 and json.loads(repaired.output)["ok_after"] is True
    assert search_json(instance, "defeat")[1]["total_hits"] == 3


def test_reindex_rebuilds_from_the_catalog(instance):
    corpus(instance, "ingest", SEED_FILE)
    before = search_json(instance, "blockade")[1]["total_hits"]
    result = corpus(instance, "reindex")
    assert result.exit_code == 0 and result.output.startswith("Indexed 1 documents (")
    assert search_json(instance, "blockade")[1]["total_hits"] == before == 3


def test_a_second_writer_is_told_the_index_is_busy(instance, tmp_path):
    corpus(instance, "ingest", SEED_FILE)
    ix = whoosh_index.open_dir(str(instance / "index"))
    writer = ix.writer()
    try:
        busy = corpus(instance, "ingest", memo(tmp_path, "b.md", "Another memo."))
        assert busy.exit_code == 1
        assert ("the index is busy: another `corpus ingest` or `corpus reindex` is writing it; "
                "try again when it has finished") in busy.output
        assert corpus(instance, "reindex").exit_code == 1
    finally:
        writer.cancel()
    assert corpus(instance, "ingest", memo(tmp_path, "b.md", "Another memo.")).exit_code == 0


def test_search_cli_json_and_errors(instance):
    corpus(instance, "ingest", SEED_FILE)
    code, out = search_json(instance, "defeat", "--from", "1962-01-01", "--to", "1962-12-31", "--width", "5",
                            "--limit", "3", "--offset", "0", "--sort", "date")
    assert code == 0
    assert out["total_hits"] == 3 and out["total_documents"] == 1 and len(out["hits"]) == 3
    hit = out["hits"][0]
    assert hit["doc_id"] == "wilson:300041" and hit["speaker"] == "Blas Roca"
    assert hit["left"] == "to be viewed as a" and hit["match"] == "defeat"
    assert out["facets"]["speaker"] == {"Blas Roca": 3}
    bad = corpus(instance, "search", "*", "--json")
    assert bad.exit_code == 2 and "error" in json.loads(bad.output)
    plain = corpus(instance, "search", '"missile bases', "--json")
    assert plain.exit_code == 2 and json.loads(plain.output)["error"].startswith("unclosed quote")


def test_search_prints_aligned_lines(instance):
    corpus(instance, "ingest", SEED_FILE)
    out = corpus(instance, "search", "retreat", "--width", "3").output
    assert out.splitlines()[0].startswith("3 hits in 1 document (")
    assert "1962-11-02  wilson:300041" in out and "[retreat]" in out


def _build_with_the_old_tokenizer(instance, tmp_path, monkeypatch):
    """An index as crisis-corpus built it before issue 11: hyphenated words kept whole, and no
    tokenizer version in its metadata."""
    import re

    import search.tokenstore as tokenstore
    old = re.compile(r"(\w+(?:['\-.]\w+)*)")
    with monkeypatch.context() as patch:
        patch.setattr(tokenstore, "_WORD_SPLIT", old)
        corpus(instance, "ingest", memo(tmp_path, "a.md", "A non-nuclear power and a nuclear one."))
    from search import generations
    folder = generations.current(instance)
    meta = folder / "crisis-meta.json"
    stamped = json.loads(meta.read_text())
    assert stamped.pop("tokenizer") == 2
    # Replaced (a new file, as the indexer writes it) and recorded in the generation's manifest,
    # as a generation written without the stamp would be: the index is old, not damaged.
    meta.with_suffix(".tmp").write_text(json.dumps(stamped))
    meta.with_suffix(".tmp").replace(meta)
    manifest = generations.read_manifest(folder)
    generations.write_manifest(folder, manifest, {k: v for k, v in manifest.items()
                                                  if k not in ("format", "published_at", "files")})
    assert generations.problems(folder, full=True) == []
    # The catalog's word count as the old tokenizer made it: "non-nuclear" was one word.
    with closing(sqlite3.connect(instance / CATALOG_FILE)) as conn, conn:
        assert conn.execute("UPDATE document SET token_count = token_count - 1").rowcount == 1


def test_an_index_of_an_older_tokenizer_is_reported_refused_and_rebuilt(instance, tmp_path, monkeypatch):
    from web import create_app
    _build_with_the_old_tokenizer(instance, tmp_path, monkeypatch)
    check = corpus(instance, "check", "--json")
    report = json.loads(check.output)
    assert check.exit_code == 1 and report["ok"] is False and report["old_tokenizer"] == 1
    assert report["notes"] == ["The index was built with an older tokenizer (version 1; this version of "
                               "crisis-corpus splits words at hyphens and periods, version 2), so searches and "
                               "counts would miss words; run `corpus reindex` (or `corpus check --repair`)."]
    # Searching fails with that message (exit status 2), never with a wrong count or a traceback.
    refused = corpus(instance, "search", "nuclear", "--json")
    assert refused.exit_code == 2
    assert json.loads(refused.output)["error"].startswith("the index was built with an older tokenizer")
    text = corpus(instance, "check")
    assert text.exit_code == 1 and f"  {report['notes'][0]}\n" in text.output
    web = create_app({"INSTANCE": str(instance), "TESTING": True}).test_client()
    api = web.get("/api/search?q=nuclear")
    assert api.status_code == 503 and api.get_json()["error"] == report["notes"][0]
    page = web.get("/search?q=nuclear")
    assert page.status_code == 503 and "older tokenizer (version 1;" in page.get_data(as_text=True)
    # An ingest updates the index but cannot make it current: it stays refused.
    corpus(instance, "ingest", memo(tmp_path, "b.md", "Pre-atomic thinking."))
    assert json.loads(corpus(instance, "check", "--json").output)["old_tokenizer"] == 1
    assert json.loads(corpus(instance, "stats", "--json").output)["tokens"] == 7 + 3
    repaired = corpus(instance, "check", "--repair", "--json")
    assert repaired.exit_code == 0 and json.loads(repaired.output)["ok_after"] is True
    # The rebuild recounted the words of the document ingested under the old tokenizer.
    assert json.loads(corpus(instance, "stats", "--json").output)["tokens"] == 8 + 3
    code, found = search_json(instance, "nuclear")
    assert code == 0 and found["total_hits"] == 2
    assert [(h["left"], h["match"]) for h in found["hits"]] == [("A non-", "nuclear"),
                                                                ("A non-nuclear power and a", "nuclear")]
    assert search_json(instance, "atomic")[1]["total_hits"] == 1


def test_reindex_stamps_the_current_tokenizer(instance, tmp_path, monkeypatch):
    _build_with_the_old_tokenizer(instance, tmp_path, monkeypatch)
    assert corpus(instance, "reindex").exit_code == 0
    assert json.loads((instance / "index" / "crisis-meta.json").read_text())["tokenizer"] == 2
    assert corpus(instance, "check").exit_code == 0
    assert search_json(instance, "nuclear")[1]["total_hits"] == 2
