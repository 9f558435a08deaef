"""Write files that leave the program atomically: temp file beside the target, fsync, rename.

A reader (or a crash) sees either the old file or the complete new one, never a partial file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_open(target: str | os.PathLike[str], mode: int = 0o644) -> Iterator[IO[bytes]]:
    """Yield a binary file; on success it replaces ``target``, on any error it vanishes."""
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_path(target.parent)


def atomic_write(target: str | os.PathLike[str], data: bytes, mode: int = 0o644) -> None:
    with atomic_open(target, mode) as handle:
        handle.write(data)


def fsync_path(path: Path) -> None:
    """fsync a file, or a directory after a rename in it (the rename must reach the disk too, or a power
    cut can undo it); a file system that cannot is left as it is."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def replace_durably(partial: Path, target: Path) -> None:
    """Rename a finished file over ``target`` so that, after a crash, one or the other is whole."""
    fsync_path(partial)
    os.replace(partial, target)
    fsync_path(target.parent)
