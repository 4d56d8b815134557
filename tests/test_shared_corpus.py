"""The whole shared corpus ingests: counts match the sources' own, only OCR may be rejected.

Slow tier (about a minute or two): `python -m pytest -m slow`.
"""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from corpus.db import Catalog
from corpus.ingest import ingest
from corpus.models import Document, Source

pytestmark = pytest.mark.slow

TEI_VOLUMES = {"frus1918Russiav03": 478, "frus1919Parisv11": 409, "frus1894Nicaragua": 138, "frus1936v03": 586}


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, request):
    from .conftest import shared_corpus_dir
    shared = shared_corpus_dir()
    if shared is None:
        pytest.skip("../shared/corpus is not present")
    catalog = Catalog.for_instance(tmp_path_factory.mktemp("shared-instance"))
    report = ingest(catalog, [shared])
    yield shared, catalog, report
    catalog.dispose()


def by_source(catalog) -> dict[str, int]:
    with catalog.session() as s:
        return dict(s.execute(select(Source.key, func.count(Document.id))
                              .join(Document, Document.source_id == Source.id).group_by(Source.key)).all())


def test_counts_match_the_sources(ingested):
    _, catalog, _ = ingested
    counts = by_source(catalog)
    assert counts["frus1961-63v05"] == 390
    for volume, n in TEI_VOLUMES.items():
        assert counts[volume] == n, volume
    assert counts["ungdc"] == 2386
    assert counts["miller-center-speeches"] >= 1000


def test_wilson_csv_records_all_arrive(ingested):
    _, catalog, _ = ingested
    with catalog.session() as s:
        csv_docs = s.scalar(select(func.count()).select_from(Document).where(
            Document.id.in_([f"wilson:{n}" for n in (300653, 300641, 300640, 300639, 300638, 300242, 300241,
                                                      300240, 300239, 300238, 300237)])))
    assert csv_docs == 11


def test_nothing_but_ocr_is_rejected(ingested):
    shared, _, report = ingested
    not_ocr = [p for p in report.rejected if "jfk-nara-2025-ocr-cuba" not in p.where]
    assert not_ocr == []
    assert report.documents_read > 6000
    assert report.throughput()["words_per_second"] > 0


def test_the_seed_is_there_once(ingested):
    _, catalog, report = ingested
    with catalog.session() as s:
        assert s.get(Document, "wilson:300041") is not None
