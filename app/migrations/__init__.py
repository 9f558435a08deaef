"""Schema migrations (Alembic), run on every open of a store.

Before any migration touches an existing SQLite database, a copy is taken with the online backup
API. A database stamped with a revision this program does not know was written by a newer Nilai
and is refused rather than opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from app.store import Store

HERE = Path(__file__).resolve().parent


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    return config


def head_revision() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"migration history must be linear, heads: {heads}"
    return heads[0]


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def upgrade(store: Store) -> str | None:
    """Bring the store to the newest schema; returns the backup path if one was taken."""
    from app.store import NewerSchema, backup_copy

    current = current_revision(store)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise NewerSchema(
            f"{store.label} was written by a newer version of Nilai (schema {current}). "
            "Install the newer Nilai to open it; this version has left it untouched."
        )
    backup = None
    if current is not None or _has_tables(store):
        path = backup_copy(store, f"before-migration-{head}")
        backup = str(path) if path else None
    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def _has_tables(store: Store) -> bool:
    from sqlalchemy import inspect

    return bool(inspect(store.engine).get_table_names())
