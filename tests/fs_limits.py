"""Real small and read-only filesystems for disk-full tests (tmpfs; needs root and mount)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


@contextlib.contextmanager
def small_filesystem(path: Path, size_kb: int) -> Iterator[Path]:
    if not can_mount():
        pytest.skip("mounting a small tmpfs needs root; run the suite as root (CI does)")
    path.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {result.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)


def fill(path: Path, leave_bytes: int = 0) -> Path:
    """Fill the filesystem holding ``path`` until only ``leave_bytes`` remain."""
    filler = path / "filler.bin"
    free = shutil.disk_usage(path).free - leave_bytes
    with open(filler, "wb") as handle:
        block = b"\0" * 65536
        while free > 0:
            try:
                handle.write(block[: min(len(block), free)])
                handle.flush()
            except OSError:
                break
            free -= len(block)
    return filler
