"""Index documents by the corpus versions that added and last changed them: what saved queries
count "new since the last run" by (`added_version > n OR updated_version > n`), which otherwise reads
every document on each recount.

Revision ID: 0002_document_versions_index
Revises: 0001_baseline
Create Date: 2026-12-05
"""
from alembic import op


revision = '0002_document_versions_index'
down_revision = '0001_baseline'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_added_version'), ['added_version'], unique=False)
        batch_op.create_index(batch_op.f('ix_document_updated_version'), ['updated_version'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('document', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_updated_version'))
        batch_op.drop_index(batch_op.f('ix_document_added_version'))
