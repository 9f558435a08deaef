"""Where the shipped instruments and their JSON schema live.

Its own module because both :mod:`app.instruments` and :mod:`app.instruments.validation` (which the
former imports) need the schema's path.
"""

from __future__ import annotations

from pathlib import Path

from app.base import paths

__all__ = ["instruments_dir", "schema_path"]


def instruments_dir() -> Path:
    # Looked up through the module at each call, so a test (or the frozen build) can move resources.
    return paths.resources_dir() / "instruments"


def schema_path() -> Path:
    return instruments_dir() / "schema.json"
