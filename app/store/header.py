"""Reading the first bytes of a store file without breaking SQLite's locks on it.

POSIX record locks belong to a process and a file, not to a descriptor: closing *any* descriptor of
the database file drops every lock this process's SQLite connections hold on it (see "How To
Corrupt An SQLite Database File", §2.2). Another process then believes it is the last one on the
file, checkpoints and deletes the WAL while this process still uses it, and the store ends up
"malformed". So the live database file (``nilai.sqlite3``) is read through one descriptor per file,
opened once and never closed while the process runs (SQLite itself keeps such descriptors for the
same reason). Other files (backups, files being converted) are opened and closed as usual: no
long-lived connection holds them.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from app.base.paths import DATABASE_FILE

_held: dict[tuple[int, int], int] = {}  # (device, inode) -> a descriptor kept open for the process's life
_lock = threading.Lock()


def read_start(path: Path, size: int) -> bytes:
    """The first ``size`` bytes of ``path``; FileNotFoundError when there is no such file."""
    path = Path(path)
    if path.name != DATABASE_FILE:
        with open(path, "rb") as handle:
            return handle.read(size)
    with _lock:
        fd = _descriptor(path)
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, size)


def _descriptor(path: Path) -> int:
    status = os.stat(path)
    fd = _held.get((status.st_dev, status.st_ino))
    if fd is not None:
        return fd
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
    opened = os.fstat(fd)  # the file may have been replaced between stat and open: key what was opened
    # never closed, even when a descriptor of that file is already held: closing it would drop the locks
    _held.setdefault((opened.st_dev, opened.st_ino), fd)
    return fd
