"""Shared fixtures: paths to the bundled seeds, the gold answer key, and the optional shared corpus."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SEED_FILE = SEEDS / "000_69afbe5e438d342f.txt"
FRUS_V05_TEXT = SEEDS / "frus1961-63v05" / "frus_1961_63_volume5_clean.txt"
WILSON_CSV = SEEDS / "wilson-center" / "wilson_archive.csv"


def shared_corpus_dir() -> Path | None:
    """../shared/corpus next to the checkout (or $CORPUS_SHARED), if it exists."""
    base = Path(os.environ.get("CORPUS_SHARED", ROOT.parent / "shared"))
    corpus = base / "corpus"
    return corpus if corpus.is_dir() else None


@pytest.fixture
def shared_corpus() -> Path:
    """The larger shared corpora; tests that need them skip cleanly without them."""
    path = shared_corpus_dir()
    if path is None:
        pytest.skip("../shared/corpus is not present")
    return path


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    """The hand-checked answer key (seed + 23 FRUS vol. V documents), by document id."""
    docs = json.loads((DATA / "gold_frus_v05_and_seed.json").read_text(encoding="utf-8"))
    return {d["id"]: d for d in docs}
