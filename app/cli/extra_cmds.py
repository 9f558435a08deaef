"""Command groups of later parts (identity, sheets, bundles, ranking, backup), registered if present."""

from __future__ import annotations

import importlib

OPTIONAL = ("identity_cmds", "sheet_cmds", "bundle_cmds", "ranking_cmds", "maintenance_cmds", "selftest_cmds")


def modules() -> list:
    found = []
    for name in OPTIONAL:
        try:
            found.append(importlib.import_module(f"app.cli.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"app.cli.{name}":
                raise
    return found
