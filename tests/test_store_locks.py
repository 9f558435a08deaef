"""Nilai's own reads of the live database file must not drop this process's SQLite locks on it.

POSIX record locks belong to the process: closing any descriptor of the file drops them all. Then
another process that closes its connection believes it is the last one, checkpoints and deletes the
WAL under the first process's feet, and the store ends up "malformed" (this happened with four
`nilai moderation set` at once). The check: a process holds a connection (its WAL in use), does what
Nilai does while a store is open (header reads, the soundness and integrity checks, a backup), then
another real process opens and closes the store: the WAL must still be there.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

CHILD = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM sqlite_master').fetchall(); c.close()")


def _header(store) -> None:
    from app.store import cipher

    cipher.is_encrypted_file(store.sqlite_path)


def _soundness(store) -> None:
    from app.store.damage import file_damage, integrity_problem

    assert file_damage(store.sqlite_path) is None
    assert integrity_problem(store.sqlite_path) is None


def _backup(store) -> None:
    from app.store.backup import take_backup

    take_backup(store, "manual")


def _reopen(store) -> None:
    from app.store import open_store

    open_store(store.data_dir, verify=True).close()  # a second store on the same file in this process


@pytest.mark.parametrize("while_open", [_header, _soundness, _backup, _reopen], ids=lambda f: f.__name__.strip("_"))
def test_another_process_closing_the_store_leaves_our_wal_alone(tmp_path: Path,
                                                                  while_open: Callable[[object], None]) -> None:
    from app.store import open_store

    store = open_store(tmp_path / "data")
    try:
        with store.transaction(write=True) as session:  # the pooled connection stays open: its WAL in use
            session.exec(text("CREATE TABLE IF NOT EXISTS note (x)"))
            session.exec(text("INSERT INTO note VALUES (1)"))
        assert store.sqlite_path is not None
        wal = Path(f"{store.sqlite_path}-wal")
        assert wal.exists()
        while_open(store)
        subprocess.run([sys.executable, "-c", CHILD, str(store.sqlite_path)], check=True, timeout=60)
        assert wal.exists(), "another process thought it was alone on the store and deleted our WAL"
        with store.transaction(write=True) as session:  # and the store goes on, sound
            session.exec(text("INSERT INTO note VALUES (2)"))
        with store.transaction() as session:
            assert session.exec(text("SELECT count(*) FROM note")).one()[0] == 2
    finally:
        store.close()
