"""Alembic environment: always run on a connection handed in by app.store.migrations.upgrade."""

from alembic import context
from sqlmodel import SQLModel

import app.models.moderation  # noqa: F401  (consolidation: moderated levels)
import app.models.quarantine  # noqa: F401  (the sync service's quarantine)
import app.models.returns  # noqa: F401  (returns for revision, issued round packages)
import app.models.sync  # noqa: F401  (bundle receipts, trust list, conflicts)
import app.models.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through app.store.migrations
    raise RuntimeError("run migrations through app.store.migrations.upgrade()")

context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
