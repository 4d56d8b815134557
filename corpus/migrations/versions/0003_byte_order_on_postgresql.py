"""PostgreSQL: the columns the catalog sorts by (source keys, saved-query names, person names,
languages, document types) compare byte by byte (COLLATE "C"), as SQLite does. Under a database
locale such as en_US, PostgreSQL would sort "alpha" before "Zeta"; SQLite puts "Zeta" first. Nothing
changes on SQLite.

Revision ID: 0003_byte_order_on_postgresql
Revises: 0002_document_versions_index
Create Date: 2026-12-05
"""
from alembic import op
import sqlalchemy as sa


revision = '0003_byte_order_on_postgresql'
down_revision = '0002_document_versions_index'
branch_labels = None
depends_on = None

COLUMNS = [("source", "key", 120), ("saved_query", "name", 80), ("person", "name", 300),
           ("document", "language", 60), ("document", "doc_type", 40)]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.alter_column(table, column, type_=sa.String(length, collation="C"), existing_type=sa.String(length))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column, length in COLUMNS:
        op.alter_column(table, column, type_=sa.String(length), existing_type=sa.String(length, collation="C"))
