"""The `corpus` command: exit codes, output and the resulting catalog state, together."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from corpus.db import Catalog
from corpus.models import Document
from web.cli import cli

from .conftest import SEED_FILE, SEEDS, WILSON_CSV


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def instance(tmp_path):
    return tmp_path / "instance"


def run(runner, instance, *args):
    return runner.invoke(cli, ["--instance", str(instance), *map(str, args)], catch_exceptions=False)


def documents_in(instance) -> int:
    cat = Catalog.for_instance(instance)
    try:
        with cat.session() as s:
            return s.scalar(select(func.count()).select_from(Document))
    finally:
        cat.dispose()


def test_ingest_json_reports_counts_and_exit_zero(runner, instance):
    result = run(runner, instance, "ingest", SEED_FILE, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert (report["added"], report["rejected"], report["corpus_version"]) == (1, 0, 1)
    assert report["added_ids"] == ["wilson:300041"]
    assert report["documents_per_second"] > 0 and report["words_per_second"] > 0
    assert documents_in(instance) == 1


def test_ingest_summary_names_each_rejected_file_and_exits_one(runner, instance, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "note.md").write_text("---\ntitle: Note\ndate: 1962-10-27\n---\nThe ships turned back.\n")
    result = run(runner, instance, "ingest", folder)
    assert result.exit_code == 1
    assert "added 1" in result.output and "rejected 1" in result.output
    assert f"  {folder / 'empty.txt'}: empty file" in result.output
    assert "documents/s" in result.output and "words/s" in result.output
    assert documents_in(instance) == 1


def test_reingest_prints_unchanged(runner, instance):
    run(runner, instance, "ingest", SEED_FILE)
    result = run(runner, instance, "ingest", SEED_FILE)
    assert result.exit_code == 0
    assert "added 0  updated 0  unchanged 1" in result.output
    assert "Corpus version 1." in result.output


def test_usage_errors_exit_two(runner, instance, tmp_path):
    missing = run(runner, instance, "ingest", tmp_path / "nope.txt")
    assert missing.exit_code == 2 and "does not exist" in missing.output
    bad_map = run(runner, instance, "ingest", WILSON_CSV, "--map", "text")
    assert bad_map.exit_code == 2
    assert "'text' is not FIELD=COLUMN (e.g. --map text=body)" in bad_map.output
    bad_format = run(runner, instance, "ingest", WILSON_CSV, "--format", "pdf")
    assert bad_format.exit_code == 2 and "'pdf' is not one of" in bad_format.output
    assert documents_in(instance) == 0


def test_show_json_has_the_documented_fields(runner, instance):
    run(runner, instance, "ingest", SEED_FILE)
    result = run(runner, instance, "show", "wilson:300041", "--json")
    assert result.exit_code == 0
    doc = json.loads(result.output)
    for key in ("id", "source", "title", "doc_type", "date_start", "date_end", "date_precision", "date_text",
                "place", "language", "original_language", "citation", "classification", "summary", "url",
                "participants", "passages", "token_count"):
        assert key in doc, key
    assert doc["id"] == "wilson:300041" and doc["source"] == "wilson"
    assert doc["place"] == "Prague"
    assert doc["passages"][0].keys() >= {"start", "end", "speaker"}


def test_show_prints_speaker_labels(runner, instance):
    run(runner, instance, "ingest", SEED_FILE)
    result = run(runner, instance, "show", "wilson:300041")
    assert result.exit_code == 0
    assert "[Blas Roca] In the opinion of Cde. Blas Roca the recent events" in result.output


def test_show_unknown_id(runner, instance):
    run(runner, instance, "ingest", SEED_FILE)
    result = run(runner, instance, "show", "wilson:1", "--json")
    assert result.exit_code == 1
    assert json.loads(result.output) == {"error": "no document with id 'wilson:1'; `corpus stats` lists the "
                                                  "sources, `corpus search` finds documents"}


def test_stats_over_the_bundled_seeds(runner, instance):
    result = run(runner, instance, "ingest", SEEDS, "--json")
    assert result.exit_code == 0, result.output
    stats = json.loads(run(runner, instance, "stats", "--json").output)
    assert stats["documents"] == 1 + 390 + 11
    assert stats["by_source"]["frus1961-63v05"]["documents"] == 390
    assert stats["by_source"]["wilson"]["documents"] == 12
    assert stats["by_year"]["1962"] == 83 + 1   # FRUS vol. V (83, SOURCE.md) and the seed
    assert sum(r["documents"] for r in stats["by_source"].values()) == stats["documents"]
    assert sum(r["tokens"] for r in stats["by_source"].values()) == stats["tokens"]
    top = {row["name"]: row for row in stats["speakers"]}
    assert top["Blas Roca"]["documents"] == 1
