"""Whether a SQLite store file is sound, read from the file alone: header and size, SQLite's
integrity check, the tables and columns the models need.

Its own module because the backups (is this backup sound?) and :mod:`app.store.damage` (which
names the newest sound backup) both use it.
"""


from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlmodel import SQLModel

import app.models.moderation
import app.models.sync
import app.models.tables  # noqa: F401 - each registers its tables on the metadata
from app.store import cipher
from app.store.header import read_start
from app.store.migrations import head_revision

HEADER = b"SQLite format 3\x00"
# What a file that is not a database most likely is, by its first bytes.
_LOOKALIKES = ((b"%PDF", "a PDF document"), (b"PK\x03\x04", "a zip archive"), (b"\x89PNG", "a PNG image"),
               (b"\xff\xd8\xff", "a JPEG image"), (b"{", "a JSON file"))


def file_damage(path: Path) -> str | None:
    """Why the file at ``path`` cannot be a sound SQLite database, read from its size and header alone."""
    size = path.stat().st_size
    if size == 0:
        return "the file is empty (0 bytes)"
    header = read_start(path, 100)  # not open()/close(): that would drop this process's locks on the file
    if cipher.is_encrypted_file(path):  # its header is encrypted: SQLCipher's checks read it
        return None if size % 512 == 0 else f"the file is cut short ({size:,} bytes, not a whole number of pages)"
    if not header.startswith(HEADER):
        kind = next((name for magic, name in _LOOKALIKES if header.startswith(magic)), None)
        return f"the file is {kind}, not a database" if kind else "the file is not a SQLite database"
    if len(header) < 100:
        return f"the file is cut short ({size} bytes, not even a whole header)"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "the file's header is damaged (impossible page size)"
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        return None  # a checkpoint cut off by a crash leaves the file short; SQLite completes it from the WAL
    # The page count in the header is only trusted when SQLite marked it valid for this change.
    if header[24:28] == header[92:96]:
        expected = int.from_bytes(header[28:32], "big") * page_size
        if size < expected:
            return f"the file is cut short ({size:,} of {expected:,} bytes)"
    if size % page_size:
        return f"the file is cut short ({size:,} bytes, not a whole number of pages)"
    return None


def check_problem(rows: list[str]) -> str | None:
    """The first finding of ``PRAGMA integrity_check``, or None when it says ok."""
    if rows == ["ok"]:
        return None
    if not rows:
        return "the integrity check returned nothing"
    first = rows[0].replace("*** in database main ***", "")
    return " ".join(first.split())  # one line: SQLite's findings can span several


def integrity_problem(path: Path, *, immutable: bool = False) -> str | None:
    """SQLite's integrity check of the file at ``path``: its first finding, None when it says ok.

    Its own connection, reading only; findings can quote damaged bytes, so text is decoded leniently.
    ``immutable`` (for backups, never written) reads without leaving -wal/-shm files beside the file.
    """
    try:
        conn = cipher.connect(path, read_only=True, immutable=immutable)
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            return check_problem([row[0] for row in conn.execute("PRAGMA integrity_check")])
        finally:
            conn.close()
    except UnicodeDecodeError:  # SQLite's own message quotes damaged bytes
        return "the integrity check stops at bytes that are not text"
    except cipher.DatabaseError as exc:
        if "unable to open" in str(exc):  # a folder it may not write (WAL needs its -shm): no verdict
            return None
        if cipher.is_encrypted_file(path):  # SQLCipher checks each page's HMAC before SQLite reads it
            return "an encrypted page no longer passes its authentication check (changed or damaged bytes)"
        return str(exc)


def schema_problem(path: Path) -> str | None:
    """A table or column of the models missing from a store at the newest schema: its schema text was
    changed (a changed byte there passes the integrity check, then every query of that table fails).

    None when the store is sound or not at the newest schema (its migration adds what is missing).
    """
    try:
        conn = cipher.connect(path, read_only=True)
        conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'").fetchone():
                return None
            if [row[0] for row in conn.execute("SELECT version_num FROM alembic_version")] != [head_revision()]:
                return None
            for name, table in SQLModel.metadata.tables.items():
                present = {row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", (name,))}
                if not present:
                    return f"its schema no longer has the table {name}"
                missing = sorted(column.name for column in table.columns if column.name not in present)
                if missing:
                    return f"its schema no longer has the column {name}.{missing[0]}"
            return None
        finally:
            conn.close()
    except (sqlite3.DatabaseError, cipher.sqlcipher.DatabaseError, UnicodeDecodeError) as exc:
        return None if "unable to open" in str(exc) else str(exc)


def diagnose(path: Path) -> str | None:
    """Why the store file is damaged (header, size, SQLite's integrity check, the tables and columns
    the models need), None when it is sound.

    Reads only: used after an unexpected database error, to tell damage from a bug.
    """
    if not path.exists():
        return None
    return file_damage(path) or integrity_problem(path) or schema_problem(path)
