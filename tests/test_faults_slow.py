"""kill -9 of `corpus ingest` at 52 seeded random points (the slow tier of tests/test_faults.py).

Kills come in chains: an ingest is killed, the state it leaves is checked (a sound catalog of
whole documents, an index that opens, holds no more than the catalog and is in step with it
but for the last batch), then the ingest is started again and killed again, as an impatient
user would; each chain ends with an ingest left to finish, whose result must be exactly that
of one uninterrupted ingest. CORPUS_FAULT_SEED=N repeats a run.
"""
from __future__ import annotations

import csv
import json
import os
import random
import shutil
import time

import pytest

from tests.conftest import DATA, SEEDS, shared_corpus_dir
from tests.test_faults import (SMALL_BATCHES, catalog_rows, cli, drift, integrity, run_killed, search_results,
                               snapshot, start_cli)

pytestmark = pytest.mark.slow


def clean_ingest(instance, corpus, setup: str = SMALL_BATCHES) -> tuple[dict, float, int]:
    started = time.monotonic()
    proc = start_cli(instance, "ingest", corpus, "--json", setup=setup)
    out, err = proc.communicate(timeout=1200)
    assert proc.returncode in (0, 1), err
    return snapshot(instance), time.monotonic() - started, proc.returncode


def check_after_kill(instance, clean: dict, adding: bool) -> None:
    """What a kill may leave: whole documents as the clean run stores them (or, for documents a
    changed file replaces, as they were before), a catalog SQLite finds sound, an index that
    opens and drifts from the catalog only by documents not yet indexed."""
    rows = catalog_rows(instance)
    if not rows["documents"]:
        return
    assert integrity(instance) == "ok"
    if adding:
        for doc_id, row in rows["documents"].items():
            assert row == clean["catalog"]["documents"][doc_id], doc_id
    found = drift(instance)
    assert not (found["damaged"] or found["damaged_files"] or found["no_index"] or found["no_token_store"]
                or found["stale_positions"]), found
    assert set(found["missing"]) | set(found["stale"]) <= set(rows["documents"])
    if adding:
        assert not found["extra"]
        for query, (hits, documents, _page) in search_results(instance).items():
            assert hits <= clean["search"][query][0] and documents <= clean["search"][query][1], query


def kill_chains(base, corpus, clean: dict, seconds: float, expected_exit: int, kills: int, chain: int,
                rng: random.Random, tmp_path, adding: bool = True, setup: str = SMALL_BATCHES) -> int:
    """Chains of up to `chain` ingests, each killed at a random moment, until `kills` of them were
    really killed (an ingest may finish first: it is checked all the same); returns the number
    of ingests started."""
    killed = started = 0
    while killed < kills:
        instance = tmp_path / f"chain{started}"
        if base is not None:
            shutil.copytree(base, instance, symlinks=True)
        for _ in range(chain):
            if killed >= kills:
                break
            assert started < 3 * kills, "the ingests keep finishing before the kill"
            delay = rng.uniform(0.3, seconds)
            hit = run_killed(instance, corpus, delay, setup)
            print(f"run {started}: {'killed' if hit else 'finished'} after {delay:.2f} s")
            killed, started = killed + hit, started + 1
            check_after_kill(instance, clean, adding)
        if rng.random() < 0.5:          # sometimes repaired before the last run, sometimes caught up by it
            assert json.loads(cli(instance, "check", "--repair", "--json").output)["ok_after"] is True
        again = cli(instance, "ingest", corpus, "--json")
        assert again.exit_code == expected_exit, again.output
        assert snapshot(instance) == clean
        assert drift(instance)["ok"] is True
        shutil.rmtree(instance)
    return started


@pytest.fixture
def seed() -> int:
    value = int(os.environ.get("CORPUS_FAULT_SEED", random.randrange(10 ** 6)))
    print(f"kill seed {value} (CORPUS_FAULT_SEED={value} repeats it)")
    return value


def test_forty_kills_of_a_first_ingest_of_the_test_data(tmp_path, seed):
    corpus = tmp_path / "data"
    shutil.copytree(DATA, corpus)
    clean, seconds, code = clean_ingest(tmp_path / "clean", corpus)
    print(f"a clean ingest takes {seconds:.1f} s")
    kill_chains(None, corpus, clean, seconds, code, kills=40, chain=4, rng=random.Random(seed), tmp_path=tmp_path)


def test_kills_of_a_first_ingest_of_the_seeds_and_the_shared_corpus(tmp_path, seed):
    """The bundled seeds (a FRUS volume of 390 documents is one file: one transaction), the test
    data and, when ../shared/corpus is there, its 116 OCR'd JFK records."""
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA, corpus / "data")
    shutil.copytree(SEEDS, corpus / "seeds")
    shared = shared_corpus_dir()
    if shared is not None:
        shutil.copytree(shared / "jfk-nara-2025-ocr-cuba", corpus / "jfk")
    batches = "import corpus.ingest as ingest; ingest.BATCH_MIN_WORDS = 100_000; ingest.BATCH_GROWTH = 0.5"
    clean, seconds, code = clean_ingest(tmp_path / "clean", corpus, batches)
    print(f"a clean ingest takes {seconds:.1f} s")
    kill_chains(None, corpus, clean, seconds, code, kills=6, chain=2, rng=random.Random(seed + 1),
                tmp_path=tmp_path, setup=batches)


def test_kills_of_an_ingest_that_changes_and_removes_documents(tmp_path, seed):
    """An ingest over an indexed corpus whose files changed: notes rewritten, a table row gone."""
    corpus = tmp_path / "data"
    shutil.copytree(DATA, corpus)
    base = tmp_path / "base"
    clean_ingest(base, corpus)
    for note in sorted((corpus / "notes").glob("*.md")) + sorted((corpus / "generic").glob("*.txt")):
        note.write_text(note.read_text(encoding="utf-8") + "\n\nA missile base was added later.\n",
                        encoding="utf-8")
    table = corpus / "tabular" / "US_Debates_excerpt.csv"
    with open(table, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    with open(table, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows[:-1])
    reference = tmp_path / "reference"
    shutil.copytree(base, reference, symlinks=True)
    clean, seconds, code = clean_ingest(reference, corpus)
    assert clean != snapshot(base)
    print(f"the updating ingest takes {seconds:.1f} s")
    kill_chains(base, corpus, clean, seconds, code, kills=6, chain=3, rng=random.Random(seed + 2),
                tmp_path=tmp_path, adding=False)
