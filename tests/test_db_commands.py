"""The catalog database (issue 13): `--database-url`, schema migrations (`corpus db current`,
`corpus db upgrade`) and `corpus db copy`, on SQLite and on PostgreSQL (the `postgres` tier).

Each catalog holds the seed record and three notes (tests/data/notes) and a saved query; what it
holds is read back through the ordinary commands (`stats`, `show`, `saved list`) and compared."""
from __future__ import annotations

import json

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect, text

from corpus import catalog_copy
from corpus.db import BASELINE, Catalog, CatalogOutdated, engine_for, head_revision, migration_config
from corpus.models import Base
from web import read_only_url
from web.cli import cli

from .conftest import SEED_FILE

HEAD = "0003_byte_order_on_postgresql"
OUTDATED = (f"Error: the catalog's schema is out of date (revision {BASELINE}, this version needs {HEAD}): "
            "run `corpus db upgrade` (back up the catalog first)\n")
TABLES = ["corpus_state", "ingest_run", "person", "query_history", "saved_query", "source", "source_file",
          "document", "person_alias", "participant", "passage"]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def catalog_url(request, tmp_path) -> str:
    """A URL for a catalog that does not exist yet: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def runner():
    return CliRunner()


def corpus(runner, instance, url, *args):
    return runner.invoke(cli, ["--instance", str(instance), "--database-url", url, *map(str, args)],
                         catch_exceptions=False)


def corpus_json(runner, instance, url, *args):
    result = corpus(runner, instance, url, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def populate(runner, instance, url, notes) -> None:
    for path in (SEED_FILE, notes):
        assert corpus(runner, instance, url, "ingest", path).exit_code == 0
    added = corpus(runner, instance, url, "saved", "add", "missile", "missile", "--note", "kept")
    assert added.exit_code == 0, added.output


def contents(runner, instance, url) -> dict:
    """What the catalog holds, through the commands a user runs."""
    saved = corpus_json(runner, instance, url, "saved", "list")
    for entry in saved["saved"]:
        entry.pop("id", None)
    return {"stats": corpus_json(runner, instance, url, "stats"),
            "show": corpus_json(runner, instance, url, "show", "wilson:300041", "--text"),
            "saved": saved}


def indexes_of_document(url: str) -> set[str]:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return {ix["name"] for ix in inspect(conn).get_indexes("document")}
    finally:
        engine.dispose()


def to_baseline(url: str, before_migrations: bool) -> None:
    """Take a catalog back to the baseline schema (the real downgrade of every later migration);
    with `before_migrations`, also drop alembic_version, as in a catalog from issues 1-12."""
    engine = engine_for(url)
    try:
        with engine.begin() as conn:
            command.downgrade(migration_config(conn), BASELINE)
            if before_migrations:
                conn.execute(text("DROP TABLE alembic_version"))
    finally:
        engine.dispose()


# ---------------------------------------------------------------- options and schema

def test_help_names_both_database_options(runner):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0 and "--database-url, --db-url URL" in result.output
    assert "CORPUS_DATABASE_URL" in result.output


def test_the_option_its_old_name_and_the_environment_select_one_catalog(runner, tmp_path, catalog_url):
    instance = tmp_path / "instance"
    assert corpus(runner, instance, catalog_url, "ingest", SEED_FILE).exit_code == 0
    by_old_name = runner.invoke(cli, ["--instance", str(instance), "--db-url", catalog_url, "stats", "--json"])
    by_env = runner.invoke(cli, ["--instance", str(instance), "stats", "--json"],
                           env={"CORPUS_DATABASE_URL": catalog_url})
    assert json.loads(by_old_name.output)["documents"] == json.loads(by_env.output)["documents"] == 1
    assert not (instance / "catalog.sqlite").exists()      # the default catalog was never made


def test_the_migrations_make_the_schema_the_models_describe(catalog_url):
    engine = engine_for(catalog_url)
    try:
        with engine.begin() as conn:
            command.upgrade(migration_config(conn), "head")
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()
    catalog = Catalog(catalog_url)                  # a migrated catalog opens as it is
    try:
        assert catalog.revision == head_revision() == HEAD
    finally:
        catalog.dispose()


def test_a_new_catalog_is_created_at_the_newest_revision(runner, tmp_path, catalog_url):
    instance = tmp_path / "instance"
    assert corpus(runner, instance, catalog_url, "stats").exit_code == 0
    current = corpus(runner, instance, catalog_url, "db", "current")
    assert current.exit_code == 0
    assert current.output.splitlines()[1] == f"Revision: {HEAD} (the newest)"
    assert {"ix_document_added_version", "ix_document_updated_version"} <= indexes_of_document(catalog_url)


# ---------------------------------------------------------------- upgrades

@pytest.mark.parametrize("before_migrations", [False, True], ids=["at-baseline", "before-migrations"])
def test_upgrading_an_old_catalog_keeps_its_documents_and_saved_queries(runner, tmp_path, notes, catalog_url,
                                                                        before_migrations):
    instance = tmp_path / "instance"
    populate(runner, instance, catalog_url, notes)
    before = contents(runner, instance, catalog_url)
    to_baseline(catalog_url, before_migrations)
    assert "ix_document_updated_version" not in indexes_of_document(catalog_url)

    current = corpus(runner, instance, catalog_url, "db", "current")
    assert current.output.splitlines()[1] == (
        f"Revision: none (made before migrations); run `corpus db upgrade` to reach {HEAD}" if before_migrations
        else f"Revision: {BASELINE} (out of date: run `corpus db upgrade` to reach {HEAD})")
    backup = tmp_path / f"catalog.sqlite.at-{BASELINE}"
    if catalog_url.startswith("postgresql"):          # a shared server's catalog is never upgraded unasked
        refused = corpus(runner, instance, catalog_url, "stats")
        assert (refused.exit_code, refused.output) == (1, OUTDATED)

    upgraded = corpus(runner, instance, catalog_url, "db", "upgrade")
    assert upgraded.exit_code == 0
    stamped = [f"The catalog was made before migrations: stamped at revision {BASELINE}."] if before_migrations else []
    saved = [f"Saved a copy of the catalog as {backup}."] if catalog_url.startswith("sqlite") else []
    assert upgraded.output.splitlines() == [f"Catalog: {catalog_url}", *stamped, *saved,
                                            f"Upgraded the catalog from revision {BASELINE} to {HEAD}."]
    assert {"ix_document_added_version", "ix_document_updated_version"} <= indexes_of_document(catalog_url)
    assert contents(runner, instance, catalog_url) == before
    assert before["stats"]["documents"] == 4 and before["saved"]["saved"][0]["note"] == "kept"
    again = corpus(runner, instance, catalog_url, "db", "upgrade")
    assert again.output.splitlines()[1:] == [f"The catalog is up to date at revision {HEAD}."]


def test_an_old_sqlite_catalog_is_upgraded_when_opened_after_a_copy_is_saved(runner, tmp_path, notes):
    instance = tmp_path / "instance"
    url = f"sqlite:///{tmp_path / 'catalog.sqlite'}"
    populate(runner, instance, url, notes)
    before = contents(runner, instance, url)
    to_baseline(url, before_migrations=True)
    with pytest.raises(CatalogOutdated) as refused:           # a read-only site cannot upgrade it
        Catalog(read_only_url(url))
    assert f"{refused.value}\n" == OUTDATED.removeprefix("Error: ")

    assert contents(runner, instance, url) == before         # `saved list` opened it: upgraded
    current = corpus(runner, instance, url, "db", "current")
    assert current.output.splitlines()[1] == f"Revision: {HEAD} (the newest)"
    assert "ix_document_updated_version" in indexes_of_document(url)
    backup = f"sqlite:///{tmp_path / f'catalog.sqlite.at-{BASELINE}'}"
    assert "ix_document_updated_version" not in indexes_of_document(backup)
    assert row_counts(backup) == row_counts(url)
    old = corpus(runner, instance, backup, "db", "current")
    assert old.output.splitlines()[1] == f"Revision: none (made before migrations); run `corpus db upgrade` to reach {HEAD}"


def test_current_and_upgrade_name_a_missing_sqlite_catalog(runner, tmp_path):
    url = f"sqlite:///{tmp_path / 'nothing.sqlite'}"
    result = corpus(runner, tmp_path / "instance", url, "db", "current")
    assert (result.exit_code, result.output) == (1, f"Error: there is no catalog at {url} (no such SQLite file)\n")
    made = corpus(runner, tmp_path / "instance", url, "db", "upgrade")
    assert made.exit_code == 0 and made.output.splitlines()[1] == f"Created a new catalog at revision {HEAD}."


# ---------------------------------------------------------------- copies

def copy(runner, *args):
    return runner.invoke(cli, ["db", "copy", *map(str, args)], catch_exceptions=False)


def count_lines(counts: dict[str, int]) -> list[str]:
    width = max(map(len, TABLES))
    return [f"{'table':<{width}}  {'source':>10}  {'copied':>10}",
            *(f"{t:<{width}}  {counts[t]:>10,}  {counts[t]:>10,}" for t in TABLES)]


def row_counts(url: str) -> dict[str, int]:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return {t: conn.scalar(text(f"SELECT count(*) FROM {t}")) for t in TABLES}
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_copy_sqlite_to_postgresql_and_back_keeps_everything(runner, tmp_path, notes, postgres_url):
    instance = tmp_path / "instance"
    sqlite_url = f"sqlite:///{tmp_path / 'first.sqlite'}"
    populate(runner, instance, sqlite_url, notes)
    original = contents(runner, instance, sqlite_url)
    counts = row_counts(sqlite_url)
    assert counts["document"] == 4 and counts["saved_query"] == 1 and counts["passage"] > 0

    there = copy(runner, sqlite_url, postgres_url)
    assert there.exit_code == 0, there.output
    lines = there.stdout.splitlines()
    assert lines[0] == f"Copied {sqlite_url} -> {postgres_url}"
    assert lines[1:] == [*count_lines(counts), "All 11 tables match."]
    assert f"  passage: {counts['passage']:,} rows" in there.stderr          # progress, per table
    assert contents(runner, instance, postgres_url) == original

    # The sequences were moved past the copied ids: new rows get new ids on PostgreSQL.
    added = corpus(runner, instance, postgres_url, "saved", "add", "cuba", "Cuba")
    assert added.exit_code == 0, added.output
    assert [e["name"] for e in corpus_json(runner, instance, postgres_url, "saved", "list")["saved"]] == \
        ["cuba", "missile"]
    assert corpus(runner, instance, postgres_url, "ingest", SEED_FILE.parent / "wilson-center").exit_code == 0

    back_url = f"sqlite:///{tmp_path / 'back.sqlite'}"
    back = copy(runner, postgres_url, back_url)
    assert back.exit_code == 0, back.output
    assert back.stdout.splitlines()[1:] == [*count_lines(row_counts(postgres_url)), "All 11 tables match."]
    assert contents(runner, instance, back_url) == contents(runner, instance, postgres_url)
    assert row_counts(back_url) == row_counts(postgres_url) != counts


def test_copy_refuses_a_destination_holding_a_catalog_unless_replace(runner, tmp_path, notes, catalog_url):
    instance = tmp_path / "instance"
    source = f"sqlite:///{tmp_path / 'source.sqlite'}"
    populate(runner, instance, source, notes)
    assert corpus(runner, tmp_path / "other", catalog_url, "ingest", SEED_FILE).exit_code == 0
    refused = copy(runner, source, catalog_url)
    assert refused.exit_code == 1
    assert refused.output.startswith(f"Error: the destination {catalog_url} already holds a catalog (corpus_state (1), ")
    assert refused.output.endswith("copy into an empty database, or give --replace to overwrite it\n")
    assert row_counts(catalog_url)["document"] == 1                       # left as it was
    replaced = copy(runner, source, catalog_url, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert row_counts(catalog_url) == row_counts(source)
    assert contents(runner, instance, catalog_url) == contents(runner, instance, source)


def test_copy_exits_one_when_a_table_comes_out_short(runner, tmp_path, notes, monkeypatch):
    instance = tmp_path / "instance"
    source, target = f"sqlite:///{tmp_path / 'source.sqlite'}", f"sqlite:///{tmp_path / 'target.sqlite'}"
    populate(runner, instance, source, notes)
    copy_table = catalog_copy._copy_table

    def losing_passages(src, dst, table, progress):
        if table.name != "passage":
            copy_table(src, dst, table, progress)

    monkeypatch.setattr(catalog_copy, "_copy_table", losing_passages)
    result = copy(runner, source, target)
    assert result.exit_code == 1
    passages = row_counts(source)["passage"]
    assert f"{'passage':<13}  {passages:>10,}  {0:>10,}  MISMATCH" in result.stdout.splitlines()
    assert result.stderr.splitlines()[-1] == "Error: row counts differ in passage: the copy is incomplete."


def test_copy_names_a_missing_source_and_refuses_one_database_as_both(runner, tmp_path):
    missing = f"sqlite:///{tmp_path / 'missing.sqlite'}"
    result = copy(runner, missing, f"sqlite:///{tmp_path / 'target.sqlite'}")
    assert (result.exit_code, result.output) == (1, f"Error: there is no catalog at {missing} (no such SQLite file)\n")
    assert not (tmp_path / "target.sqlite").exists() and not (tmp_path / "missing.sqlite").exists()
    same = copy(runner, missing, missing)
    assert same.output == "Error: the source and the destination are the same database\n"
