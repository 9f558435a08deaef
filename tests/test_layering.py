"""Layering rules for app/, read from every module's imports (docs/architecture.md explains them).

(a) Qt only under app/ui/; (b) app/ui/ never reaches the database itself; (c) a package imports
only packages earlier in the data flow (LAYERS); (d) no import cycle between modules of app/;
(e) in the core, an import inside a function (of app or of a third-party library) says why it
is deferred. Each rule has a probe that plants a violation in a throw-away tree and checks the
rule reports it.
"""

from __future__ import annotations

import ast
import graphlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The data flow, written once: each package of app/ may import only itself and the packages before
# it. `app/__init__.py` (the version) counts as base; `app/__main__.py` comes last.
LAYERS = ("base", "models", "store", "regions", "instruments", "identity", "rounds", "assessments", "sheets",
          "bundles", "consolidation", "sync", "ui", "selftest", "cli", "__main__")

QT = {"PySide6", "shiboken6", "PyQt5", "PyQt6"}
DATABASE = {"sqlmodel", "sqlalchemy"}
DEFERRED = "# deferred:"
IMPORTED_NAME = re.compile(r"\w+( as \w+)?,(\s+#.*)?$")  # a line inside `from x import (...)`


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, e.g. "app.bundles.verify"
    where: str  # "app/bundles/verify.py:564", for messages
    target: str  # the module imported; `from app.x import y` is app.x.y when y is a module
    in_function: bool
    type_checking: bool  # under `if TYPE_CHECKING:`, never run
    commented: bool  # a `# deferred:` comment on the statement or on the comment lines just above it


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted((root / "app").rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _has_reason(lines: list[str], node: ast.stmt) -> bool:
    if any(DEFERRED in line for line in lines[node.lineno - 1:node.end_lineno]):
        return True
    above = node.lineno - 2  # the comment block just above, through a run of imports it covers
    while above >= 0:
        text = lines[above].strip()
        if text.startswith("#"):
            if DEFERRED in text:
                return True
        elif not (text.startswith(("from ", "import ", ")")) or IMPORTED_NAME.match(text)):
            return False
        above -= 1
    return False


def imports_of(path: Path, root: Path, modules: dict[str, Path]) -> Iterator[Import]:
    source = module_name(path, root)
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    where = path.relative_to(root).as_posix()
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]

    def visit(node: ast.AST, in_function: bool, type_checking: bool) -> Iterator[Import]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child.test):
                for stmt in child.body:
                    yield from visit_one(stmt, in_function, True)
                for stmt in child.orelse:
                    yield from visit_one(stmt, in_function, type_checking)
            else:
                yield from visit_one(child, in_function, type_checking)

    def visit_one(node: ast.AST, in_function: bool, type_checking: bool) -> Iterator[Import]:
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        for target in dict.fromkeys(targets):
            yield Import(source, f"{where}:{node.lineno}", target, in_function, type_checking,
                         _has_reason(lines, node))
        if not isinstance(node, (ast.Import, ast.ImportFrom, ast.expr)):
            inner = in_function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            yield from visit(node, inner, type_checking)

    yield from visit(ast.parse(text, filename=str(path)), False, False)


def all_imports(root: Path) -> list[Import]:
    modules = app_modules(root)
    return [imp for path in modules.values() for imp in imports_of(path, root, modules)]


def package_of(module: str) -> str:
    parts = module.split(".")
    return "base" if len(parts) == 1 else parts[1]


def in_ui(module: str) -> bool:
    return package_of(module) == "ui"


# --------------------------------------------------------------------------- the rules


def qt_outside_ui(root: Path) -> list[str]:
    return [f"{i.where} imports {i.target}" for i in all_imports(root)
            if not in_ui(i.source) and i.target.split(".")[0] in QT]


def ui_database_imports(root: Path) -> list[str]:
    return [f"{i.where} imports {i.target}" for i in all_imports(root)
            if in_ui(i.source) and (i.target.split(".")[0] in DATABASE
                                    or i.target == "app.models.tables" or i.target.startswith("app.models.tables."))]


def imports_against_the_flow(root: Path) -> list[str]:
    found = []
    for i in all_imports(root):
        if i.target.split(".")[0] != "app" or i.target == "app":
            continue
        mine, theirs = package_of(i.source), package_of(i.target)
        if mine not in LAYERS or theirs not in LAYERS:
            found.append(f"{i.where}: package {mine if mine not in LAYERS else theirs!r} is not in LAYERS")
        elif LAYERS.index(theirs) > LAYERS.index(mine):
            found.append(f"{i.where}: {mine} imports {i.target}, which comes later in the data flow")
    return found


def import_cycle(root: Path) -> list[str]:
    modules = app_modules(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for i in all_imports(root):
        if i.target in modules and i.target != i.source and not i.type_checking:
            graph[i.source].add(i.target)
    try:
        graphlib.TopologicalSorter(graph).prepare()
    except graphlib.CycleError as exc:
        return list(exc.args[1])  # the modules of one cycle, the first repeated at the end
    return []


def undeferred_function_imports(root: Path) -> list[str]:
    return [f"{i.where} imports {i.target} inside a function without a '{DEFERRED} <reason>' comment"
            for i in all_imports(root)
            if i.in_function and not in_ui(i.source) and i.target.split(".")[0] not in sys.stdlib_module_names
            and not i.commented]


# --------------------------------------------------------------------------- the rules hold in app/


def test_the_walk_sees_the_whole_package() -> None:
    modules = app_modules(ROOT)
    assert len(modules) > 100, "the walk found too few modules to mean anything"
    assert {package_of(name) for name in modules} == set(LAYERS), "LAYERS must name every package of app/"


def test_qt_only_under_ui() -> None:
    assert qt_outside_ui(ROOT) == []


def test_ui_never_imports_the_database_layer() -> None:
    assert ui_database_imports(ROOT) == []


def test_packages_import_only_earlier_packages() -> None:
    assert imports_against_the_flow(ROOT) == []


def test_no_import_cycles() -> None:
    assert import_cycle(ROOT) == []


def test_core_imports_inside_functions_say_why() -> None:
    assert undeferred_function_imports(ROOT) == []


# --------------------------------------------------------------------------- each rule can fail


def plant(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for directory in {p.parent for p in root.rglob("*.py")}:
        (directory / "__init__.py").touch()
    return root


def test_probe_qt_outside_ui(tmp_path: Path) -> None:
    root = plant(tmp_path, {
        "app/store/engine.py": "import os\nfrom PySide6.QtCore import QObject\n",
        "app/sheets/render.py": "def f():\n    import PySide6.QtWidgets as w\n",
        "app/ui/window.py": "from PySide6.QtWidgets import QWidget\n",
    })
    assert qt_outside_ui(root) == ["app/sheets/render.py:2 imports PySide6.QtWidgets",
                                   "app/store/engine.py:2 imports PySide6.QtCore"]


def test_probe_ui_importing_the_database(tmp_path: Path) -> None:
    root = plant(tmp_path, {
        "app/models/tables.py": "",
        "app/ui/jobs.py": "from sqlmodel import select\n\ndef f():\n    from app.models.tables import Score\n",
        "app/ui/view.py": "from ..models import tables\nimport sqlalchemy.orm\n",
        "app/ui/fine.py": "from app.models.domain import Text\n",
    })
    assert ui_database_imports(root) == ["app/ui/jobs.py:1 imports sqlmodel",
                                         "app/ui/jobs.py:4 imports app.models.tables",
                                         "app/ui/view.py:1 imports app.models.tables",
                                         "app/ui/view.py:2 imports sqlalchemy.orm"]


def test_probe_import_against_the_flow(tmp_path: Path) -> None:
    root = plant(tmp_path, {
        "app/rounds/schedule.py": "from app.bundles import export\nfrom app.instruments import catalogue\n",
        "app/bundles/export.py": "def f():\n    from app.cli import main\n",
        "app/instruments/catalogue.py": "",
        "app/cli/main.py": "from app.ui import window\n",
        "app/ui/window.py": "",
        "app/ranking/model.py": "",
        "app/store/x.py": "from app.ranking import model\n",
    })
    assert imports_against_the_flow(root) == [
        "app/bundles/export.py:2: bundles imports app.cli.main, which comes later in the data flow",
        "app/rounds/schedule.py:1: rounds imports app.bundles.export, which comes later in the data flow",
        "app/store/x.py:1: package 'ranking' is not in LAYERS",
    ]


def test_probe_import_cycle(tmp_path: Path) -> None:
    root = plant(tmp_path, {
        "app/store/__init__.py": "from app.store import migrations\n",
        "app/store/migrations.py": "def upgrade():\n    from app.store import Store\n",
        "app/identity/envelope.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from app.identity import x\n",
        "app/identity/__init__.py": "from app.identity import envelope\n",
    })
    assert sorted(set(import_cycle(root))) == ["app.store", "app.store.migrations"]
    (root / "app/store/migrations.py").write_text("from app.store.engine import Store\n", encoding="utf-8")
    (root / "app/store/engine.py").touch()
    assert import_cycle(root) == []  # and the TYPE_CHECKING import in identity never counted


@pytest.mark.parametrize(("body", "flagged"), [
    ("def f():\n    from app.store import open_store\n", True),
    ("def f():\n    import app.store\n", True),
    ("def f():\n    from app.sheets.render import render_sheet  # deferred: ReportLab, first sheet only\n", False),
    ("def f():\n    # deferred: pyHanko, first signature only\n    from app.sheets.signing import sign_pdf\n"
     "    from app.sheets.render import (\n        render_sheet,\n    )\n", False),
    ("def f():\n    # render the sheet\n    from app.sheets.render import render_sheet\n", True),
    ("def f():\n    from json import dumps\n", False),
    ("def f():\n    import yaml\n", True),
    ("def f():\n    from jsonschema import Draft202012Validator  # deferred: slow, bad files only\n", False),
])
def test_probe_function_level_imports(tmp_path: Path, body: str, flagged: bool) -> None:
    root = plant(tmp_path, {"app/bundles/export.py": body, "app/ui/view.py": "def f():\n    from app.store import x\n"})
    assert bool(undeferred_function_imports(root)) is flagged
