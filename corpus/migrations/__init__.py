"""Alembic migrations of the catalog schema, run programmatically by corpus.db (no alembic.ini)."""
