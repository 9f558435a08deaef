"""Damaged-store campaign: damage a coordinator's store in every way a disk, a copy or a person can,
run every command on it, and prove that each one answers in one line (or succeeds), never with a
traceback, and never writes into a damaged file.

Damage: an empty file, the file cut short at several points, bytes changed at random offsets
(seeded), whole pages overwritten, and another kind of file renamed into place (a PDF, a zip).
A store counts as damaged when an independent look (its header and size, SQLite's integrity check
on a copy) says so; then every command must name the damage and the newest sound backup, `backup
--list` must still list, and `restore` must set the damaged file aside byte for byte and restore.
A changed byte SQLite cannot notice (inside a value) may let a command succeed; it must still
never end in a traceback.

Run by tests/test_damage_campaign.py with a CI-sized setting; a longer run, each command in its own
process as a user would start it:
    .venv/bin/python tests/damage_campaign.py --random 60 --subprocess
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import random
import shutil
import sqlite3
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE = "nilai.sqlite3"
PASSPHRASE = "kata sandi kampanye 2018"
PAGE = 4096


@dataclass
class Template:
    root: Path
    coordinator: Path  # a sound coordinator store with one bundle imported and one backup taken
    bundle: Path  # a second assessor's bundle, not imported yet
    certs: Path
    passphrase_file: Path
    backup: Path


@dataclass
class Result:
    stores_damaged: int = 0  # stores the independent look finds damaged
    stores_unnoticed: int = 0  # bytes changed where SQLite cannot see it
    commands_run: int = 0
    refused_in_one_line: int = 0
    succeeded: int = 0
    tracebacks: int = 0
    failures: list[str] = field(default_factory=list)


def run_in_process(argv: list[str]) -> tuple[int, str, str]:
    """The command as `python -m app` runs it; an exception that escapes is printed as Python would."""
    from app.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # noqa: BLE001 - the campaign counts what a user would see
            traceback.print_exc()
            code = 1
    return code, out.getvalue(), err.getvalue()


def run_subprocess(argv: list[str]) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "app", *argv], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    return done.returncode, done.stdout, done.stderr


def build_template(root: Path) -> Template:
    """A demo round, one assessor's bundle imported, a backup, and another assessor's bundle to import."""
    root.mkdir(parents=True, exist_ok=True)
    passphrase_file = root / "pass.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    coordinator, assessors, certs = root / "coordinator", root / "assessors", root / "certs"

    def must(*argv: str | Path) -> str:
        code, out, err = run_in_process([str(a) for a in argv])
        assert code == 0, f"{argv}: {err}"
        return out

    must("--data-dir", coordinator, "demo", "--regions", "6", "--assessors", "2", "--assessor-dirs", assessors,
         "--passphrase-file", passphrase_file)
    certs.mkdir()
    dirs = sorted(p for p in assessors.iterdir() if p.is_dir())
    bundles = []
    for directory in dirs:
        must("--data-dir", directory, "identity", "export-cert", "--out", certs / f"{directory.name}.pem")
        bundles.append(root / f"{directory.name}.nilai")
        must("--data-dir", directory, "bundle", "export", "--out", bundles[-1], "--passphrase-file", passphrase_file)
    must("--data-dir", coordinator, "bundle", "import", bundles[0], "--trust-dir", certs)
    backup = Path(must("--data-dir", coordinator, "backup").split("backup written: ")[1].strip())
    return Template(root, coordinator, bundles[1], certs, passphrase_file, backup)


# -- the damage ---------------------------------------------------------------------------------------

Damage = Callable[[Path], None]


def truncate_to(size: int) -> Damage:
    def damage(path: Path) -> None:
        with open(path, "r+b") as handle:
            handle.truncate(size)
    return damage


def change_bytes(rng: random.Random, size: int, count: int) -> Damage:
    spots = [(rng.randrange(size), rng.randrange(256)) for _ in range(count)]

    def damage(path: Path) -> None:
        with open(path, "r+b") as handle:
            for offset, value in spots:
                handle.seek(offset)
                old = handle.read(1)
                handle.seek(offset)
                handle.write(bytes([value if bytes([value]) != old else (value + 1) % 256]))
    return damage


def overwrite_page(rng: random.Random, pages: int) -> Damage:
    page = rng.randrange(pages)
    noise = rng.randbytes(PAGE)

    def damage(path: Path) -> None:
        with open(path, "r+b") as handle:
            handle.seek(page * PAGE)
            handle.write(noise)
    return damage


def replace_with(source: bytes) -> Damage:
    def damage(path: Path) -> None:
        path.write_bytes(source)
    return damage


def a_pdf() -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Lembar penilaian — bukan basis data")
    page.save()
    return out.getvalue()


def damages(template: Template, seed: int, random_stores: int) -> list[tuple[str, Damage]]:
    rng = random.Random(seed)
    size = (template.coordinator / DATABASE).stat().st_size
    cases: list[tuple[str, Damage]] = [("empty", truncate_to(0))]
    for cut in (50, 100, PAGE, size // 2, size - PAGE, size - 1):
        cases.append((f"truncated at {cut}", truncate_to(cut)))
    for i in range(random_stores):
        count = rng.choice((1, 4, 16, 64))
        cases.append((f"{count} bytes changed (#{i})", change_bytes(rng, size, count)))
    for i in range(max(2, random_stores // 3)):
        cases.append((f"a page overwritten (#{i})", overwrite_page(rng, size // PAGE)))
    cases.append(("a PDF renamed", replace_with(a_pdf())))
    cases.append(("a zip (bundle) renamed", replace_with(template.bundle.read_bytes())))
    return cases


def damaged_independently(path: Path, scratch: Path) -> bool:
    """The campaign's own look, not the program's: size, header, SQLite's integrity check on a copy."""
    data = path.read_bytes()
    if len(data) < 100 or not data.startswith(b"SQLite format 3\x00"):
        return True
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if data[24:28] == data[92:96] and len(data) < int.from_bytes(data[28:32], "big") * page_size:
        return True
    copy = scratch / "oracle.sqlite3"
    for leftover in scratch.glob("oracle.sqlite3*"):
        leftover.unlink()
    copy.write_bytes(data)
    try:
        conn = sqlite3.connect(copy)
        conn.text_factory = bytes  # findings can quote damaged bytes
        try:
            return [r[0] for r in conn.execute("PRAGMA integrity_check")] != [b"ok"]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # SQLite's message can quote damaged bytes
        return True


# -- the commands -------------------------------------------------------------------------------------

def commands(template: Template, out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("round list", ["round", "list"]),
        ("bundle import", ["bundle", "import", str(template.bundle), "--trust-dir", str(template.certs)]),
        ("check", ["check"]),
        ("backup --list", ["backup", "--list"]),
        ("backup", ["backup"]),
        ("ranking", ["ranking", "--format", "csv", "--out", str(out / "ranking.csv")]),
        ("sheets export", ["sheets", "export", "--out", str(out / "sheets"), "--passphrase-file",
                           str(template.passphrase_file)]),
        ("demo", ["demo", "--regions", "4", "--assessors", "2"]),
        ("moderation list", ["moderation", "list"]),
        ("bundle conflicts", ["bundle", "conflicts"]),
        ("identity show", ["identity", "show"]),
        ("restore", ["restore", str(template.backup)]),
    ]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def judge(name: str, damaged: bool, code: int, out: str, err: str, data: Path, before: str,
          template: Template, result: Result, case: str) -> None:
    def fail(why: str) -> None:
        result.failures.append(f"{case} / {name}: {why} (exit {code}; stderr: {err.strip()[:300]!r})")

    if "Traceback" in err:
        result.tracebacks += 1
        fail("a traceback")
        return
    lines = err.strip().splitlines()
    if code != 0:
        result.refused_in_one_line += 1
        if name != "check" and len(lines) != 1:
            fail(f"{len(lines)} lines on stderr instead of one")
    else:
        result.succeeded += 1
    if not damaged:
        return
    store, sound = data / DATABASE, str(data / "backups" / template.backup.name)
    if name == "restore":
        set_aside = sorted((data / "backups").glob("*-damaged.sqlite3")) + sorted(
            (data / "backups").glob("*-before-restore.sqlite3"))
        if code != 0 or not set_aside:
            fail("the damaged store was not set aside and restored")
        elif set_aside[0].name.endswith("-damaged.sqlite3") and sha(set_aside[0]) != before:
            fail("the damaged file set aside differs from the damaged file")
        elif damaged_independently(store, data.parent):
            fail("the restored store is not sound")
        return
    if sha(store) != before:
        fail("the damaged file was written to")
    if name == "backup --list":
        if code != 0 or sound not in out or len(lines) != 1 or "damaged" not in lines[0]:
            fail("backup --list did not list, name the damage and the newest sound backup")
    elif name == "check":
        if code == 0 or sound not in out:
            fail("check did not report the damage with the newest sound backup")
    elif code == 0 or "damaged" not in err or sound not in err:
        fail("the damage or the newest sound backup was not named")


def run_campaign(root: Path, seed: int = 2018, random_stores: int = 6, subprocesses: bool = False,
                 log: Callable[[str], None] = lambda _: None) -> Result:
    run = run_subprocess if subprocesses else run_in_process
    template = build_template(root / "template")
    (root / "out").mkdir(exist_ok=True)
    result = Result()
    for case, damage in damages(template, seed, random_stores):
        probe = root / "probe"
        shutil.rmtree(probe, ignore_errors=True)
        shutil.copytree(template.coordinator, probe)
        damage(probe / DATABASE)
        damaged = damaged_independently(probe / DATABASE, root)
        result.stores_damaged += damaged
        result.stores_unnoticed += not damaged
        for name, argv in commands(template, root / "out"):
            work = root / "work" / "coordinator"
            shutil.rmtree(work.parent, ignore_errors=True)
            shutil.copytree(probe, work)
            before = sha(work / DATABASE)
            code, out, err = run(["--data-dir", str(work), *argv])
            result.commands_run += 1
            judge(name, damaged, code, out, err, work, before, template, result, case)
        log(f"{case}: {'damaged' if damaged else 'not noticeably damaged'}")
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--random", type=int, default=6, help="stores with bytes changed at random offsets")
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--subprocess", action="store_true", help="start every command as its own process")
    parser.add_argument("--dir", type=Path, help="work here (default: a temporary folder)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        result = run_campaign(args.dir or Path(scratch), args.seed, args.random, args.subprocess, print)
    print(f"stores damaged: {result.stores_damaged} (+{result.stores_unnoticed} changed where SQLite cannot see), "
          f"commands run: {result.commands_run}, refused in one line: {result.refused_in_one_line}, "
          f"succeeded: {result.succeeded}, tracebacks: {result.tracebacks}, failures: {len(result.failures)}")
    for failure in result.failures:
        print("FAIL", failure)
    return 1 if result.failures else 0


if __name__ == "__main__":
    sys.exit(main())
