"""One sync at a time per data directory: the desktop's background sync, File ▸ Sync now and any
number of ``nilai sync`` in terminals share one lock file, ``<data dir>/sync/outbox.lock``.

The outbox's rows and its bundle files are only ever changed by the holder, so two syncs cannot
write two bundles for the same versions, send one bundle twice at once, or mark rows under each
other. The second one does not wait: it says so in one line and leaves everything as it was (the
one running sends what is queued). The lock is the operating system's (``filelock``: ``fcntl`` on
Linux and macOS, ``msvcrt`` on Windows), so a process that dies lets go of it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol, TypeVar

from filelock import FileLock
from filelock import Timeout as FileLockTimeout

LOCK_FILE = ("sync", "outbox.lock")


class SyncBusy(Exception):
    """Another sync of this data directory is running; ``str()`` is the one line to show."""


class _HasDataDir(Protocol):
    @property
    def data_dir(self) -> Any: ...


def lock_path(data_dir: Path | str) -> Path:
    return Path(data_dir).joinpath(*LOCK_FILE)


@contextmanager
def sync_lock(data_dir: Path | str) -> Iterator[None]:
    """Hold the data directory's sync lock, or raise :class:`SyncBusy` at once."""
    path = lock_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), timeout=0)
    try:
        lock.acquire()
    except FileLockTimeout as exc:
        raise SyncBusy("another sync is running on this laptop (the desktop's background sync or a nilai sync); "
                       "it sends what is queued, nothing to do") from exc
    try:
        yield
    finally:
        lock.release()


F = TypeVar("F", bound=Callable[..., Any])


def exclusive(fn: F) -> F:
    """Run ``fn(store, ...)`` holding the sync lock of ``store.data_dir``."""

    @functools.wraps(fn)
    def held(store: _HasDataDir, *args: Any, **kwargs: Any) -> Any:
        with sync_lock(store.data_dir):
            return fn(store, *args, **kwargs)

    return held  # type: ignore[return-value]
