"""Alembic environment: corpus.db hands over an open connection in `config.attributes["connection"]`."""
from alembic import context

from corpus.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("the catalog migrations run through corpus.db (corpus db upgrade), not the alembic command")

context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
