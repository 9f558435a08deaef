"""resources_dir() finds the shipped data in each way Nilai runs: from a source checkout (or an
editable install), from an installed wheel, and frozen by PyInstaller.

The module is copied into a made-up layout and loaded from there, so each case is the real code
looking at a real folder tree. installer/check_wheel.sh runs the installed wheel end to end.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import app.base.paths

REPOSITORY = Path(__file__).resolve().parent.parent


def paths_module_in(root: Path) -> ModuleType:
    """app/base/paths.py copied to root/app/base/ and loaded from there."""
    target = root / "app" / "base" / "paths.py"
    target.parent.mkdir(parents=True)
    shutil.copy(app.base.paths.__file__, target)
    spec = importlib.util.spec_from_file_location("nilai_paths_under_test", target)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_source_checkout_uses_the_top_level_resources() -> None:
    assert app.base.paths.resources_dir() == REPOSITORY / "resources"
    assert app.base.paths.installation() == "source"
    assert (app.base.paths.resources_dir() / "instruments" / "smart-city-readiness-2018.yaml").is_file()


def test_installed_wheel_uses_the_package_folder_not_a_stray_site_packages_one(tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    (site / "app" / "resources" / "fonts").mkdir(parents=True)
    (site / "resources").mkdir()  # another distribution's top-level folder
    paths = paths_module_in(site)
    assert paths.resources_dir() == site / "app" / "resources"
    assert paths.installation() == "installed"


def test_checkout_layout_without_package_folder_falls_back_to_top_level(tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    paths = paths_module_in(tmp_path)
    assert paths.resources_dir() == tmp_path / "resources"
    assert paths.installation() == "source"


def test_frozen_build_uses_the_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "app" / "resources").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    paths = paths_module_in(tmp_path / "site")
    assert paths.resources_dir() == tmp_path / "_internal" / "resources"
    assert paths.installation() == "frozen"
