"""`make dist`: freeze Nilai with PyInstaller, pack the Linux archive, and smoke-test the result.

    .venv/bin/python installer/build.py [--skip-smoke] [--no-archive]

1. PyInstaller with installer/nilai.spec → dist/nilai/ (one folder).
2. dist/nilai-<version>-linux-x86_64.tar.gz holding nilai-<version>-linux-x86_64/ with the folder,
   nilai.desktop, nilai.png and install.sh (per-user install into ~/.local/share).
3. Folder and archive sizes, against the 120 MB budget for the archive.
4. The smoke test (installer/smoke.py): `nilai --version`, `nilai selftest`, `nilai selftest --gui`
   headless, failing on any unexpected stderr; then the archive is unpacked and install.sh run
   into a temporary home, and the installed copy must start too.

On Windows this script stops after step 1; the installer is made with Inno Setup (installer/README.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
NAME = "nilai"
ARCHIVE_BUDGET = 120 * 1000 * 1000  # bytes, compressed


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    assert match, "app/__init__.py has no __version__"
    return match.group(1)


def arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def freeze() -> Path:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(DIST), "--workpath", str(WORK), str(HERE / "nilai.spec")]
    print("$ " + " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    folder = DIST / NAME
    if sys.platform.startswith("linux"):
        strip_debug(folder)
    return folder


# Libraries a wheel vendors (auditwheel: "<name>-<8 hex>.so", or inside "<package>.libs/") are
# laid out in ways strip corrupts; they ship stripped already.
VENDORED = re.compile(r"-[0-9a-f]{8}\.so")


def strip_debug(folder: Path) -> None:
    """Remove debug information from the ELF files PyInstaller collected (libpython: 23 → 4 MB)."""
    if shutil.which("strip") is None:
        print("strip not found: the folder keeps its debug information", flush=True)
        return
    targets = []
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink() or VENDORED.search(path.name):
            continue
        if any(part.endswith(".libs") for part in path.relative_to(folder).parts):
            continue
        with open(path, "rb") as handle:
            if handle.read(4) == b"\x7fELF":
                targets.append(str(path))
    for start in range(0, len(targets), 200):
        subprocess.run(["strip", "--strip-debug", *targets[start:start + 200]], check=True)


def make_archive(folder: Path, ver: str) -> Path:
    base = f"{NAME}-{ver}-linux-{arch()}"
    archive = DIST / f"{base}.tar.gz"
    partial = archive.with_suffix(".part")

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"{base}/{NAME}", filter=normalise)  # symlinks stay symlinks
        tar.add(HERE / "nilai.desktop", arcname=f"{base}/nilai.desktop", filter=normalise)
        tar.add(ROOT / "resources" / "icons" / "nilai.png", arcname=f"{base}/nilai.png", filter=normalise)
        tar.add(HERE / "install.sh", arcname=f"{base}/install.sh", filter=normalise)
    partial.replace(archive)
    return archive


def check_install(archive: Path) -> list[str]:
    """Unpack the archive, run install.sh into a temporary home, start the installed copy."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="nilai-install-") as tmp:
        home = Path(tmp)
        with tarfile.open(archive) as tar:
            tar.extractall(home / "unpacked", filter="tar")
        (top,) = (home / "unpacked").iterdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "NILAI_"))}
        env["HOME"] = str(home)
        done = subprocess.run(["sh", str(top / "install.sh")], capture_output=True, text=True, env=env, timeout=120)
        if done.returncode != 0:
            return [f"install.sh failed ({done.returncode}): {done.stderr.strip()}"]
        installed = home / ".local" / "share" / "nilai-program" / NAME
        desktop = home / ".local" / "share" / "applications" / "nilai.desktop"
        if not desktop.is_file() or f'Exec="{installed}"' not in desktop.read_text(encoding="utf-8"):
            problems.append(f"install.sh did not write a desktop entry pointing at {installed}")
        done = subprocess.run([str(home / ".local" / "bin" / "nilai"), "--version"], capture_output=True, text=True,
                              env=env, timeout=60)
        if done.returncode != 0 or done.stdout.strip() != f"nilai {version()}":
            problems.append(f"the installed program did not start: {done.stdout.strip()} {done.stderr.strip()}")
        if shutil.which("desktop-file-validate"):
            check = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
            if check.returncode != 0 or check.stdout.strip():
                problems.append(f"desktop-file-validate: {check.stdout.strip()} {check.stderr.strip()}")
        done = subprocess.run(["sh", str(top / "install.sh"), "--uninstall"], capture_output=True, text=True,
                              env=env, timeout=60)
        if done.returncode != 0 or installed.exists() or desktop.exists():
            problems.append(f"install.sh --uninstall left the program behind: {done.stderr.strip()}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-smoke", action="store_true", help="do not run the smoke test")
    parser.add_argument("--no-archive", action="store_true", help="only build dist/nilai/")
    args = parser.parse_args(argv)
    ver = version()
    started = time.perf_counter()
    folder = freeze()
    timings = {"freeze": time.perf_counter() - started}
    print(f"folder   {folder}  {mb(folder_size(folder))}")
    status = 0
    archive = None
    if sys.platform.startswith("linux") and not args.no_archive:
        t = time.perf_counter()
        archive = make_archive(folder, ver)
        timings["archive"] = time.perf_counter() - t
        size = archive.stat().st_size
        verdict = "within" if size <= ARCHIVE_BUDGET else "OVER"
        print(f"archive  {archive}  {mb(size)} ({verdict} the {mb(ARCHIVE_BUDGET)} budget)")
        if size > ARCHIVE_BUDGET:
            status = 1
    if not args.skip_smoke:
        sys.path.insert(0, str(HERE))
        import smoke

        t = time.perf_counter()
        status |= smoke.main([str(folder)])
        if archive is not None:
            problems = check_install(archive)
            for problem in problems:
                print(f"install FAIL {problem}")
            if not problems:
                print("install ok   unpacked, install.sh, installed `nilai --version`, install.sh --uninstall")
            status |= 1 if problems else 0
        timings["smoke"] = time.perf_counter() - t
    timings["total"] = time.perf_counter() - started
    print("time     " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    print("dist: " + ("OK" if status == 0 else "FAILED"))
    return status


if __name__ == "__main__":
    sys.exit(main())
