"""Start-up: from process start to Nilai's first window drawn, and to its schedule shown with the window idle.

Run: ``.venv/bin/python -m benchmarks.bench_startup [--n 7] [--regions 116] [--importtime] [--no-xvfb]``

Each variant is a fresh process that quits at a point of its start (a hidden flag of ``nilai``); the
time is wall-clock from spawning the process to its exit, so interpreter start and shutdown count for
all. Variants run interleaved (one of each per round, the order rotating), after one warm-up round,
and the median of N rounds is printed with its ratio to the baseline:

* ``bare``: Python + PySide6 showing an empty 1280×720 QMainWindow, quitting after the first paint
  — the least any PySide6 program can do. The same source interpreter is the baseline for every
  Nilai variant run from source.
* ``bare frozen``: the same script frozen by the same PyInstaller (one folder, its stock PySide6
  hooks), built once into ``build/bench-bare/`` — the baseline of the frozen Nilai variants, since
  a frozen program pays its bootloader and unpacked imports whatever it does.
* ``first paint`` (``--quit-at-first-paint``): Nilai's first window drawn — menus and an empty
  schedule saying it is loading, before the store's libraries are imported. Target: ≤ 1.5× bare.
* ``main window`` (``--quit-after-paint``): the store open and the main window drawn once.
* ``ready`` (``--quit-when-ready``): the schedule shown and no background work left (the start-up
  data check and backup done) — when the assessor can work.

On a data directory holding the demo round (116 regions, this laptop's assessor with a full
schedule) — what an assessor opens each morning; the ``frozen`` variants run ``dist/nilai/nilai``
the same way when that folder exists. Under ``QT_QPA_PLATFORM=offscreen``, and again on a real X
server (Xvfb, started here) when the ``Xvfb`` binary exists.

``--importtime`` also runs Nilai once with ``python -X importtime`` and prints the heaviest
imports (cumulative ms), and which heavy libraries start-up imported before the first paint
although the first window does not need them.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.5

BARE = """
import sys
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitAfterPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QCoreApplication.quit)
            watched.removeEventFilter(self)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 720)
window.installEventFilter(QuitAfterPaint(window))
window.show()
sys.exit(app.exec())
"""

# Libraries the first window does not need; each should be imported only when its feature is used.
HEAVY = ("reportlab", "pyhanko", "pyhanko_certvalidator", "cryptography", "numpy", "krippendorff", "openpyxl",
         "alembic", "sqlalchemy.dialects.postgresql", "psycopg", "jsonschema", "yaml", "lxml", "PIL", "qrcode",
         "fontTools", "uharfbuzz", "aiohttp", "pydantic", "sqlmodel", "sqlalchemy")


# What each Nilai variant waits for before it quits.
POINTS = {"first paint": "--quit-at-first-paint", "main window": "--quit-after-paint", "ready": "--quit-when-ready"}


BARE_BUILD = ROOT / "build" / "bench-bare"


def frozen_bare() -> Path:
    """The bare window frozen like Nilai (PyInstaller, one folder); built when missing or stale."""
    import PyInstaller  # deferred: only the frozen comparison needs it
    import PySide6  # deferred: as above

    stamp = f"{PyInstaller.__version__} {PySide6.__version__} {hashlib.sha256(BARE.encode()).hexdigest()[:16]}"
    program = BARE_BUILD / "dist" / "bare" / "bare"
    stamp_file = BARE_BUILD / "stamp"
    if program.is_file() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return program
    BARE_BUILD.mkdir(parents=True, exist_ok=True)
    (BARE_BUILD / "bare.py").write_text(BARE)
    done = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--log-level", "ERROR",
                           "--name", "bare", "bare.py"], cwd=BARE_BUILD, capture_output=True, text=True)
    if done.returncode != 0 or not program.is_file():
        raise RuntimeError(f"freezing the bare window failed: {done.stderr.strip()[-500:]}")
    stamp_file.write_text(stamp)
    return program


def variants(data_dir: Path, frozen: Path | None) -> dict[str, list[str]]:
    found = {"bare": [sys.executable, "-c", BARE]}
    for point, flag in POINTS.items():
        found[point] = [sys.executable, "-m", "app", "--data-dir", str(data_dir), flag]
    if frozen is not None:
        found["bare frozen"] = [str(frozen_bare())]
        for point, flag in POINTS.items():
            found[f"{point} frozen"] = [str(frozen / "nilai"), "--data-dir", str(data_dir), flag]
    return found


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process)."""
    cpu = _children_cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv[:3])}… exited {done.returncode}: {done.stderr.strip()[-500:]}")
    return elapsed, _children_cpu() - cpu


Times = dict[str, list[tuple[float, float]]]


def measure(commands: dict[str, list[str]], env: dict[str, str], n: int) -> Times:
    names = list(commands)
    times: Times = {name: [] for name in names}
    for name in names:  # warm-up: disk cache, font cache, .pyc files
        run_once(commands[name], env)
    for round_ in range(n):
        order = names[round_ % len(names):] + names[:round_ % len(names)]
        for name in order:
            times[name].append(run_once(commands[name], env))
    return times


def report(title: str, times: Times) -> dict[str, float]:
    """Wall time is what the assessor waits; CPU time says the same with less noise on a busy machine."""
    wall = {name: statistics.median(w for w, _ in values) for name, values in times.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in times.items()}
    print(f"{title}: start to each point and exit, median of {len(times['bare'])} (interleaved)")
    print(f"  {'':18} {'wall':>8}  {'(min–max)':15} {'ratio':>6}   {'cpu':>7} {'ratio':>6}")
    ratios = {}
    for name in times:
        low, high = min(w for w, _ in times[name]), max(w for w, _ in times[name])
        base = "bare frozen" if name.endswith(" frozen") else "bare"  # frozen against frozen
        ratios[name] = wall[name] / wall[base]
        verdict = ("" if not name.startswith("first paint") else
                   "ok" if ratios[name] <= TARGET_RATIO else f"over {TARGET_RATIO}×")
        print(f"  {name:18} {wall[name]:7.3f}s  ({low:.2f}–{high:.2f})   {ratios[name]:5.2f}×   "
              f"{cpu[name]:6.3f}s {cpu[name] / cpu[base]:5.2f}×  {verdict}")
    return ratios


@contextlib.contextmanager
def xvfb() -> Iterator[str | None]:
    """A private X server for the duration; yields its DISPLAY, or None without Xvfb."""
    binary = shutil.which("Xvfb")
    if binary is None:
        yield None
        return
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen([binary, "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        yield f":{number}" if number else None
    finally:
        server.terminate()
        server.wait(timeout=10)


def make_data(directory: Path, regions: int) -> None:
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(directory), "demo", "--regions", str(regions)],
                          cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"nilai demo failed: {done.stderr.strip()}")


def importtime(data_dir: Path, env: dict[str, str], top: int = 25) -> None:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "app", "--data-dir", str(data_dir),
                           "--quit-at-first-paint"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    rows = []  # (cumulative µs, depth, module)
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if match:
            rows.append((int(match.group(2)), len(match.group(3)) // 2, match.group(4)))
    total = sum(c for c, depth, _ in rows if depth == 0)
    print(f"python -X importtime, nilai source up to the first paint: {total / 1000:.0f} ms of imports in all")
    print("  heaviest top-level imports (cumulative ms):")
    for cumulative, _depth, module in sorted((r for r in rows if r[1] == 0), reverse=True)[:top]:
        print(f"    {cumulative / 1000:7.1f}  {module}")
    loaded = {module: cumulative for cumulative, _depth, module in rows}
    print("  heavy libraries imported before the first paint (cumulative ms where first imported):")
    for name in HEAVY:
        if name in loaded:
            print(f"    {loaded[name] / 1000:7.1f}  {name}")
    missing = [name for name in HEAVY if name not in loaded]
    print(f"  not imported: {', '.join(missing) or '-'}")


def run(n: int, regions: int, frozen: Path | None, with_xvfb: bool = True, with_importtime: bool = False,
        ) -> dict[str, tuple[float, float]]:
    """Measure and print; {variant: (median wall seconds, ratio to bare)} under the offscreen platform."""
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("NILAI_", "QT_"))}
    with tempfile.TemporaryDirectory(prefix="nilai-bench-startup-") as tmp:
        data = Path(tmp) / "data"
        base_env |= {"NILAI_LOG_DIR": str(Path(tmp) / "logs"), "XDG_CONFIG_HOME": str(Path(tmp) / "config")}
        make_data(data, regions)
        commands = variants(data, frozen)
        times = measure(commands, base_env | {"QT_QPA_PLATFORM": "offscreen"}, n)
        ratios = report("offscreen", times)
        if with_xvfb:
            with xvfb() as display:
                if display is None:
                    print("(no Xvfb: install xvfb to measure on a real X server too)")
                else:
                    print()
                    env = base_env | {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
                    report(f"Xvfb {display}", measure(commands, env, n))
        if with_importtime:
            print()
            importtime(data, base_env | {"QT_QPA_PLATFORM": "offscreen"})
    return {name: (statistics.median(w for w, _ in values), ratios[name]) for name, values in times.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=7, help="rounds (default 7)")
    parser.add_argument("--regions", type=int, default=116, help="regions in the demo round (default 116)")
    parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "nilai", help="built folder (default dist/nilai)")
    parser.add_argument("--no-xvfb", action="store_true", help="only offscreen")
    parser.add_argument("--importtime", action="store_true", help="also print the start-up's import profile")
    args = parser.parse_args(argv)
    frozen = args.frozen if (args.frozen / "nilai").is_file() else None
    if frozen is None:
        print(f"(no frozen build at {args.frozen}: make dist to include it)")
    run(args.n, args.regions, frozen, not args.no_xvfb, args.importtime)
    return 0


if __name__ == "__main__":
    sys.exit(main())
