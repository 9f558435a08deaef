"""Where Nilai keeps its data: platformdirs by default, --data-dir or NILAI_DATA_DIR to override."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "Nilai"
APP_AUTHOR = "Nilai"
DATABASE_FILE = "nilai.sqlite3"


def default_data_dir() -> Path:
    import platformdirs  # deferred: ~10 ms, only when no data directory is given

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data directory, created if missing: explicit argument, then NILAI_DATA_DIR, then the platform's."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get("NILAI_DATA_DIR"):
        path = Path(os.environ["NILAI_DATA_DIR"])
    else:
        path = default_data_dir()
    path = path.expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    import platformdirs  # deferred: ~10 ms, only when no data directory is given

    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def resources_dir() -> Path:
    """The shipped resources (instruments, region catalogue, fonts, translations, icons).

    Frozen (PyInstaller): ``_internal/resources/``, where installer/nilai.spec puts them.
    Installed wheel: ``app/resources/`` inside the package, where setup.py maps them.
    Source checkout or editable install: ``resources/`` at the top of the repository. The package's
    own folder is asked first so that a stray top-level ``resources/`` in site-packages, left there
    by some other distribution, is never taken for ours.
    """
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    packaged = _packaged_resources()
    if packaged.is_dir():
        return packaged
    return packaged.parents[1] / "resources"


def installation() -> str:
    """How this copy of Nilai runs: "frozen", "installed" (from a wheel) or "source" (checkout, editable)."""
    if getattr(sys, "frozen", False):
        return "frozen"
    return "installed" if _packaged_resources().is_dir() else "source"


def _packaged_resources() -> Path:
    return Path(__file__).resolve().parents[1] / "resources"
