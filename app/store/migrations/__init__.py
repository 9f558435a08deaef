"""Schema migrations (Alembic), run on every open of a store.

Before any migration touches an existing SQLite database, a copy is taken with the online backup
API. A database stamped with a revision this program does not know was written by a newer Nilai
and is refused rather than opened.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filelock import FileLock
from filelock import Timeout as FileLockTimeout
from sqlalchemy import inspect, text
from sqlalchemy.exc import OperationalError

from app.store.engine import Store, backup_copy
from app.store.errors import NewerSchema, StoreLocked
from app.store.limits import MIGRATION_LOCK_KEY, WRITE_WAIT_SECONDS

if TYPE_CHECKING:
    from alembic.config import Config

HERE = Path(__file__).resolve().parent
VERSIONS = HERE / "versions"

# Alembic costs ~130 ms to import and its script directory more to read; a store that is already
# at the newest schema (every start but the first after an update) needs neither. The head is read
# from the migration files themselves, the stored revision with one query.


def __getattr__(name: str) -> Any:
    # Alembic's names as attributes of this module, imported on first use.
    if name == "command":
        from alembic import command  # deferred: Alembic (~130 ms), on first use

        return command
    if name == "Config":
        from alembic.config import Config  # deferred: Alembic (~130 ms), on first use

        return Config
    if name == "MigrationContext":
        from alembic.runtime.migration import MigrationContext  # deferred: Alembic (~130 ms), on first use

        return MigrationContext
    if name == "ScriptDirectory":
        from alembic.script import ScriptDirectory  # deferred: Alembic (~130 ms), on first use

        return ScriptDirectory
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def alembic_config() -> Config:
    from alembic.config import Config  # deferred: Alembic, only when a migration runs

    config = Config()
    config.set_main_option("script_location", str(HERE))
    return config


# ``revision = '…'`` and ``down_revision = … | None`` as Alembic's generator writes them, at a line's start.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(None|'[^'\n]*'|\"[^\"\n]*\")\s*$",
                            re.MULTILINE)


@functools.cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from versions/*.py without importing them (or Alembic).

    Every store open asks for the head; a pattern over the two assignment lines costs ~0.1 ms a file where
    parsing each file's syntax tree cost ~4 ms (a batch of sheets or an import opens the store at start).
    The selftest and tests/test_store_migration_graph.py hold the result to Alembic's own reading.
    """
    graph: dict[str, str | None] = {}
    for path in sorted(VERSIONS.glob("*.py")):
        values = {name: ast.literal_eval(value)
                  for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8"))}
        if "revision" in values:
            down = values.get("down_revision")
            assert down is None or isinstance(down, str), f"{path.name}: merge revisions are not used here"
            graph[values["revision"]] = down
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    heads = sorted(set(graph) - {down for down in graph.values() if down})
    assert len(heads) == 1, f"migration history must be linear, heads: {heads}"
    return heads[0]


def alembic_head_revision() -> str:
    """The head as Alembic itself sees it (imports Alembic); must equal :func:`head_revision`."""
    from alembic.script import ScriptDirectory  # deferred: Alembic, only for this check

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1, f"migration history must be linear, heads: {heads}"
    return heads[0]


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert len(rows) <= 1, f"the store has several schema heads: {rows}"
    return rows[0] if rows else None


def known_revisions() -> set[str]:
    return set(_revision_graph())


def upgrade(store: Store) -> str | None:
    """Bring the store to the newest schema; returns the backup path if one was taken."""
    head = head_revision()
    if current_revision(store) == head:
        return None
    with _migration_lock(store):
        return _upgrade_locked(store, head)


@contextlib.contextmanager
def _migration_lock(store: Store) -> Iterator[None]:
    """One process migrates at a time; the others wait, then find the schema already new.

    PostgreSQL: an advisory lock held by a connection of its own. SQLite: a lock file beside the
    database (SQLite's own lock cannot be held across Alembic's connections).
    """
    waited = (f"Another Nilai has been preparing {store.label} for over {WRITE_WAIT_SECONDS} s; "
              "nothing was changed here. Try again in a moment.")
    path = store.sqlite_path
    if path is not None:
        lock = FileLock(str(path) + ".migration-lock", timeout=WRITE_WAIT_SECONDS)
        try:
            with lock:
                yield
        except FileLockTimeout as exc:
            raise StoreLocked(waited) from exc
        return
    with store.engine.connect() as conn:
        try:
            conn.execute(text(f"SET lock_timeout = '{WRITE_WAIT_SECONDS}s'"))
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        except OperationalError as exc:
            raise StoreLocked(waited) from exc
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            conn.commit()


def _upgrade_locked(store: Store, head: str) -> str | None:
    current = current_revision(store)  # again: another process may have migrated while this one waited
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
    from alembic import command  # deferred: Alembic, only when a migration runs

    config = alembic_config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return backup


def _has_tables(store: Store) -> bool:
    return bool(inspect(store.engine).get_table_names())
