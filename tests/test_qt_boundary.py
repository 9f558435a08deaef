"""Qt lives only under app/ui/: every other module of the core must import without it."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        found += [f"{path.relative_to(APP.parent)}:{node.lineno} imports {n}" for n in names
                  if n.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    return found


def test_no_qt_outside_ui() -> None:
    modules = [p for p in APP.rglob("*.py") if "ui" not in p.relative_to(APP).parts[:1]]
    assert len(modules) > 10, "the walk found too few modules to mean anything"
    offenders = [hit for path in modules for hit in qt_imports(path)]
    assert offenders == []


def test_detector_sees_qt_imports(tmp_path: Path) -> None:
    # The rule must be able to fail: a module that imports Qt in any form is caught.
    sample = APP / "_qt_probe_for_test.py"
    sample.write_text("import os\nfrom PySide6.QtCore import QObject\nimport PySide6.QtWidgets as w\n", encoding="utf-8")
    try:
        assert len(qt_imports(sample)) == 2
    finally:
        sample.unlink()
