"""Shared fixtures: paths to the bundled seeds, the gold answer key, the optional shared corpus, and
the PostgreSQL tier: a server, and every test of CATALOG_TEST_MODULES collected a second time over
PostgreSQL (tests/pgtier.py)."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from .pgcluster import ENV_URL, Cluster, Databases, Unavailable
from .pgtier import CATALOG_TEST_MODULES, PostgresModule

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


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    """A real instance over the bundled seeds, ingested and indexed (about 10 s, once per module):
    (catalog, instance folder, search engine)."""
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from search.engine import SearchEngine
    from search.indexer import Indexer
    instance = tmp_path_factory.mktemp("search-instance")
    catalog = Catalog.for_instance(instance)
    ingest(catalog, [SEEDS])
    Indexer(catalog, instance).rebuild()
    engine = SearchEngine(catalog, instance)
    yield catalog, instance, engine
    engine.close()
    catalog.dispose()


@pytest.fixture(scope="module")
def documents(corpus_index):
    """Every document as (id, text, date_start, date_end, index units, {passage id: speaker})."""
    from sqlalchemy import select
    from sqlalchemy.orm import selectinload

    from corpus.models import Document, Passage
    from search.indexer import units_of
    with corpus_index[0].session() as s:
        docs = s.scalars(select(Document).options(
            selectinload(Document.passages).selectinload(Passage.speaker))).all()
        return [(d.id, d.text, d.date_start, d.date_end, units_of(d),
                 {p.id: (p.speaker.name if p.speaker else None) for p in d.passages}) for d in docs]


@pytest.fixture
def seed_instance(tmp_path) -> Path:
    """A fresh instance holding only the seed record (corpus version 1), ingested and indexed."""
    from corpus.db import Catalog
    from corpus.ingest import ingest
    from search.indexer import Indexer
    path = tmp_path / "instance"
    catalog = Catalog.for_instance(path)
    ingest(catalog, [SEED_FILE])
    Indexer(catalog, path).rebuild()
    catalog.dispose()
    return path


@pytest.fixture
def notes(tmp_path) -> Path:
    """A folder of three short notes to ingest after the seed (tests/data/notes): "missile" four
    times in two of them, not at all in the third."""
    folder = tmp_path / "notes"
    shutil.copytree(DATA / "notes", folder)
    return folder


# ---------------------------------------------------------------- the PostgreSQL tier

_skipped_tier: list[str] = []


@pytest.fixture(scope="session")
def postgres_databases():
    """Databases on a PostgreSQL server: CORPUS_TEST_POSTGRES_URL, or a throwaway cluster started
    here when initdb is installed (stopped at the end); else every PostgreSQL test skips."""
    url, cluster = os.environ.get(ENV_URL), None
    try:
        if not url:
            cluster = Cluster()
            url = cluster.start()
        databases = Databases(url)
        databases.check()
    except Unavailable as exc:
        if cluster:
            cluster.stop()
        _skipped_tier.append(str(exc))
        pytest.skip(f"PostgreSQL tier skipped: {exc}")
    yield databases
    databases.drop_all()
    databases.dispose()
    if cluster:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_databases, request) -> str:
    """A fresh, empty PostgreSQL database for this test."""
    return postgres_databases.url_for(request.node.nodeid)


@pytest.hookimpl(trylast=True)
def pytest_collect_file(file_path: Path, parent):
    if file_path.name in CATALOG_TEST_MODULES and file_path.parent == Path(__file__).parent:
        name = f"{file_path.name}[postgresql]"
        module = PostgresModule.from_parent(parent, path=file_path, name=name,
                                            nodeid=f"{parent.nodeid}/{name}" if parent.nodeid else name)
        module.add_marker(pytest.mark.postgres)
        return module
    return None


def pytest_terminal_summary(terminalreporter):
    if _skipped_tier:
        terminalreporter.write_line(f"PostgreSQL tier skipped: {_skipped_tier[0]}", yellow=True)
