"""Smoke test of a frozen build: run its `nilai selftest` (and `--gui`) headless, as a user would.

Fails on a non-zero exit, on a step that did not pass, and on any line on stderr that is not on the
allow-list below: a frozen build that prints warnings (a missing Qt plugin, a font not found, a
deprecation) is broken or about to be, even when it still exits 0. Each run gets its own data,
config, cache and log directories under a temporary directory, so the builder's own Nilai data is
never touched.

    python installer/smoke.py dist/nilai          # what `make dist` runs after building
    NILAI_FROZEN_BUILD=dist/nilai pytest tests/test_frozen_build.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Lines a healthy build may print on stderr, each with the reason it is harmless. Nothing else.
ALLOWED_STDERR: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^This plugin does not support propagateSizeHints\(\)$"),
     "Qt's offscreen platform has no window manager to pass size hints to (qt.qpa.offscreen)"),
)

RUNS: tuple[tuple[str, ...], ...] = (("--version",), ("selftest",), ("selftest", "--gui"))
TIMEOUT_S = 240
# The sync service (uvicorn, Starlette, httpx, prometheus_client) and the bundle steps must have run.
FROZEN_STEPS = ("bundle-import", "sync-service")


@dataclass
class SmokeResult:
    argv: tuple[str, ...]
    returncode: int
    seconds: float
    stdout: str
    stderr: str
    problems: list[str]


def executable(folder: Path) -> Path:
    """The console executable of a build folder (on Windows the windowed one has no stdout)."""
    if sys.platform == "win32":
        return folder / "nilai-cli.exe"
    return folder / "nilai"


def unexpected_stderr(text: str) -> list[str]:
    return [line for line in text.splitlines()
            if line.strip() and not any(pattern.match(line) for pattern, _reason in ALLOWED_STDERR)]


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NILAI_", "PYTHON", "QT_", "XDG_"))}
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "NILAI_LOG_DIR": str(home / "logs"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    })
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    return env


def run_one(exe: Path, argv: tuple[str, ...], home: Path) -> SmokeResult:
    args = list(argv)
    if argv[0] == "selftest":
        args += ["--data-dir", str(home / f"selftest-{len(list(home.glob('selftest-*')))}")]
    start = time.perf_counter()
    try:
        done = subprocess.run([str(exe), *args], capture_output=True, text=True, env=clean_env(home),
                              timeout=TIMEOUT_S, cwd=home)
    except subprocess.TimeoutExpired as exc:
        return SmokeResult(argv, -1, TIMEOUT_S, str(exc.stdout or ""), str(exc.stderr or ""),
                           [f"did not finish within {TIMEOUT_S} s"])
    seconds = time.perf_counter() - start
    problems = []
    if done.returncode != 0:
        problems.append(f"exit status {done.returncode}")
    problems += [f"unexpected stderr: {line}" for line in unexpected_stderr(done.stderr)]
    if argv[0] == "selftest":
        last = done.stdout.strip().splitlines()[-1:] or [""]
        if not last[0].startswith("selftest passed"):
            problems.append(f"no 'selftest passed' line (last line: {last[0]!r})")
        if "--gui" in argv and not re.search(r"^ok +gui ", done.stdout, re.M):
            problems.append("the gui step did not run")
        for step in FROZEN_STEPS:  # steps that skip themselves when their libraries are missing from the build
            if not re.search(rf"^ok +{step} ", done.stdout, re.M):
                problems.append(f"the {step} step did not run (its libraries are missing from the build?)")
    return SmokeResult(argv, done.returncode, seconds, done.stdout, done.stderr, problems)


def smoke(folder: Path, runs: tuple[tuple[str, ...], ...] = RUNS) -> list[SmokeResult]:
    exe = executable(folder.resolve())
    if not exe.is_file():
        raise FileNotFoundError(f"no executable {exe}: build first (make dist)")
    with tempfile.TemporaryDirectory(prefix="nilai-smoke-") as tmp:
        return [run_one(exe, argv, Path(tmp)) for argv in runs]


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "dist/nilai")
    results = smoke(folder)
    failed = False
    for r in results:
        status = "FAIL" if r.problems else "ok"
        print(f"smoke {status:4} nilai {' '.join(r.argv):16} {r.seconds:6.1f} s")
        if r.problems:
            failed = True
            for problem in r.problems:
                print(f"      {problem}")
            print("      --- stdout ---\n" + r.stdout.rstrip() + "\n      --- stderr ---\n" + r.stderr.rstrip())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
