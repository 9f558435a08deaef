"""The frozen build: packaging files that agree with each other, and (with NILAI_FROZEN_BUILD=dist/nilai)
the built folder itself, smoke-tested as `make dist` does.

The consistency tests always run: a name changed in the spec but not in the Windows installer
script would only show on the Windows build machine, much later.
"""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


smoke = _load("nilai_installer_smoke", INSTALLER / "smoke.py")


def spec_constants() -> dict[str, str]:
    """Module-level string constants of nilai.spec (it is Python, but only PyInstaller can run it)."""
    tree = ast.parse((INSTALLER / "nilai.spec").read_text(encoding="utf-8"))
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    found[target.id] = node.value.value
    return found


def iss_defines() -> dict[str, str]:
    text = (INSTALLER / "nilai.iss").read_text(encoding="utf-8")
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', text, re.M)) | {
        k: v.strip() for k, v in re.findall(r"^\s*#define\s+(\w+)\s+([^\"\n][^\n]*)$", text, re.M)}


def iss_setup() -> dict[str, str]:
    text = (INSTALLER / "nilai.iss").read_text(encoding="utf-8")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"^(\w+)=(.*)$", section, re.M))


def test_windows_installer_and_spec_agree_on_names_icon_and_version() -> None:
    spec, defines, setup = spec_constants(), iss_defines(), iss_setup()
    assert defines["AppName"] == spec["APP_NAME"] == "Nilai"
    assert defines["AppExeName"] == spec["NAME"] + ".exe"
    assert defines["CliExeName"] == spec["CLI_NAME"] + ".exe"
    assert defines["BuildDir"] == "..\\dist\\" + spec["NAME"]  # COLLECT(name=NAME) → dist/<NAME>
    assert defines["AppIcon"] == "..\\" + spec["ICON_ICO"].replace("/", "\\")
    assert (ROOT / spec["ICON_ICO"]).is_file()
    # The version: the spec reads app.__version__ and writes it as ProductVersion into nilai.exe;
    # the installer reads ProductVersion back from that very file.
    spec_text = (INSTALLER / "nilai.spec").read_text(encoding="utf-8")
    assert re.search(r'\(ROOT / "app" / "__init__.py"\)\.read_text', spec_text)
    assert 'StringStruct("ProductVersion", VERSION)' in spec_text
    assert defines["AppVersion"] == 'GetStringFileInfo(BuiltExe, "ProductVersion")'
    assert defines["BuiltExe"] == 'AddBackslash(SourcePath) + BuildDir + "\\" + AppExeName'
    assert setup["AppVersion"] == "{#AppVersion}"
    assert setup["SetupIconFile"] == "{#AppIcon}"
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] == "{localappdata}\\Programs\\{#AppName}"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExeName}"
    files = (INSTALLER / "nilai.iss").read_text(encoding="utf-8").split("[Files]", 1)[1]
    assert 'Source: "{#BuildDir}\\*"' in files and "recursesubdirs" in files


def test_readme_gives_the_same_commands_and_paths() -> None:
    readme = (INSTALLER / "README.md").read_text(encoding="utf-8")
    spec = spec_constants()
    for expected in ("pyinstaller --noconfirm installer\\nilai.spec", "iscc.exe\" installer\\nilai.iss",
                     "pip install -c constraints.txt -e .[test]", f"dist\\{spec['NAME']}\\",
                     f"{spec['NAME']}.exe", f"{spec['CLI_NAME']}.exe", "Python 3.11 x64",
                     "%LOCALAPPDATA%\\Programs\\Nilai", "make dist"):
        assert expected in readme, expected


def test_linux_archive_parts_agree() -> None:
    build = (INSTALLER / "build.py").read_text(encoding="utf-8")
    install = (INSTALLER / "install.sh").read_text(encoding="utf-8")
    assert f'NAME = "{spec_constants()["NAME"]}"' in build
    assert "target=$share/nilai-program" in install and '"nilai-program" / NAME' in build
    desktop = (INSTALLER / "nilai.desktop").read_text(encoding="utf-8")
    entry = dict(re.findall(r"^([\w\[\]]+)=(.*)$", desktop, re.M))
    assert entry["Type"] == "Application" and entry["Name"] == "Nilai" and entry["Icon"] == "nilai"
    assert entry["Exec"] == "nilai" and entry["Terminal"] == "false"
    assert (ROOT / "resources" / "icons" / "nilai.png").is_file()


def test_stderr_allow_list_is_explicit() -> None:
    assert smoke.unexpected_stderr("This plugin does not support propagateSizeHints()\n") == []
    assert smoke.unexpected_stderr("qt.qpa.plugin: Could not load the Qt platform plugin \"xcb\"\n") != []
    assert smoke.unexpected_stderr("DeprecationWarning: something\n") != []
    assert all(reason for _pattern, reason in smoke.ALLOWED_STDERR)


# -- the built folder (NILAI_FROZEN_BUILD=dist/nilai) -------------------------------------------

FROZEN = os.environ.get("NILAI_FROZEN_BUILD")
needs_build = pytest.mark.skipif(not FROZEN, reason="set NILAI_FROZEN_BUILD to a built folder (make dist → dist/nilai)")


@pytest.fixture(scope="module")
def folder() -> Path:
    assert FROZEN is not None
    path = Path(FROZEN).resolve()
    assert smoke.executable(path).is_file(), f"{path} is not a built Nilai folder"
    return path


@needs_build
@pytest.mark.slow
def test_frozen_selftest_passes_headless_with_clean_stderr(folder: Path) -> None:
    results = smoke.smoke(folder)
    assert [r.argv for r in results] == list(smoke.RUNS)
    for r in results:
        assert r.problems == [], f"nilai {' '.join(r.argv)}: {r.problems}\n{r.stdout}\n{r.stderr}"


@needs_build
def test_frozen_folder_carries_data_and_leaves_out_what_nilai_does_not_use(folder: Path) -> None:
    internal = folder / "_internal"
    for relative in ("resources/instruments/smart-city-readiness-2018.yaml",
                     "resources/instruments/smart-city-readiness-2018.xlsx", "resources/regions/regencies-2018.csv",
                     "resources/fonts/DejaVuSans.ttf", "resources/fonts/LICENSE-DejaVu.txt",
                     "resources/icons/nilai.svg", "app/store/migrations/env.py", "app/store/migrations/script.py.mako"):
        assert (internal / relative).is_file(), relative
    shipped = sorted(p.name for p in (internal / "app" / "migrations" / "versions").glob("*.py"))
    assert shipped == sorted(p.name for p in (ROOT / "app" / "migrations" / "versions").glob("*.py"))
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    for unwanted in ("psycopg", "psycopg_binary", "pytest", "_pytest", "hypothesis", "tkinter", "PySide6/Qt/translations",
                     "setuptools", "pkg_resources",
                     "PySide6/QtWebEngineCore", "PySide6/QtQml", "PySide6/QtNetwork", "PySide6/QtSql"):
        assert not any(n == unwanted or n.startswith(unwanted + ".") or n.startswith(unwanted + "/") for n in names), unwanted
    assert not [n for n in names if "/tests/" in f"/{n}/" and not n.startswith("resources/")]
    assert not [n for n in names if "libQt6Quick" in n or "libQt6WebEngine" in n or "libQt6Qml" in n]


@needs_build
def test_frozen_folder_carries_the_metadata_help_about_reads(folder: Path) -> None:
    def norm(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    shipped = {norm(p.name.split("-", 1)[0]) for p in (folder / "_internal").glob("*.dist-info")}
    tree = ast.parse((INSTALLER / "nilai.spec").read_text(encoding="utf-8"))
    (wanted,) = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == "ABOUT_DISTRIBUTIONS" for t in node.targets)]
    assert {norm(d) for d in wanted} <= shipped
