"""The program's log: a rotating file in the platform's log directory (NILAI_LOG_DIR overrides)."""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from app.base.paths import log_dir

LOG_FILE = "nilai.log"
_configured: Path | None = None


def log_path() -> Path:
    directory = Path(os.environ.get("NILAI_LOG_DIR") or log_dir())
    return directory / LOG_FILE


def setup(level: int = logging.INFO, max_bytes: int = 1_000_000) -> Path | None:
    """Send the `app` loggers to a rotating file (1 MB × 5); returns the file, or None if unwritable."""
    global _configured
    if _configured is not None:
        return _configured
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=5, encoding="utf-8")
    except OSError:
        return None  # logging must never stop the program from starting
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("app")
    root.addHandler(handler)
    root.setLevel(level)
    _configured = path
    return path
