"""A damaged store is refused in one line naming the newest sound backup, never taken for a new store,
never written to, and `restore` works on it (issue 13, item 6). CLI tests start `python -m app`."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.base.paths import DATABASE_FILE
from app.store import CorruptStore, open_store, settings
from app.store.backup import restore, take_backup

ROOT = Path(__file__).resolve().parent.parent


def nilai(data_dir: Path, *argv: str | Path) -> tuple[int, str, str]:
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), *map(str, argv)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    return done.returncode, done.stdout, done.stderr


def store_with_backup(data_dir: Path) -> Path:
    """A store holding a marker setting, and a sound backup of it."""
    store = open_store(data_dir)
    try:
        settings.write(store, "marker", "sebelum kerusakan")
        backup = take_backup(store, "manual")
    finally:
        store.close()
    assert backup is not None
    return backup


def break_the_schema_page(path: Path) -> None:
    """Page 1 holds the schema; an impossible b-tree page type there makes every read 'malformed'."""
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 8)


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# -- the core -----------------------------------------------------------------------------------------

def test_an_empty_file_is_damage_not_a_new_store(tmp_path: Path) -> None:
    backup = store_with_backup(tmp_path)
    (tmp_path / DATABASE_FILE).write_bytes(b"")
    with pytest.raises(CorruptStore, match=r"empty \(0 bytes\)") as caught:
        open_store(tmp_path)
    assert caught.value.backup == backup and f"nilai restore {backup}" in str(caught.value)
    assert (tmp_path / DATABASE_FILE).stat().st_size == 0  # nothing was written into it


@pytest.mark.parametrize("keep", [60, 4096, 0.5, -1])
def test_a_file_cut_short_is_refused_untouched(tmp_path: Path, keep: float) -> None:
    store_with_backup(tmp_path)
    path = tmp_path / DATABASE_FILE
    size = path.stat().st_size
    cut = int(size * keep) if isinstance(keep, float) else (size + keep if keep < 0 else keep)
    with open(path, "r+b") as handle:
        handle.truncate(cut)
    before = path.read_bytes()
    with pytest.raises(CorruptStore, match="cut short"):
        open_store(tmp_path)
    assert path.read_bytes() == before


def test_another_kind_of_file_is_named(tmp_path: Path) -> None:
    store_with_backup(tmp_path)
    (tmp_path / DATABASE_FILE).write_bytes(b"%PDF-1.7\n" + b"\x00" * 5000)
    with pytest.raises(CorruptStore, match="a PDF document, not a database"):
        open_store(tmp_path)


def test_damage_in_the_middle_is_found_before_any_write_when_verifying(tmp_path: Path) -> None:
    store_with_backup(tmp_path)
    path = tmp_path / DATABASE_FILE
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'setting'").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:  # the settings table's page is noise now; the schema page is intact
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    store = open_store(tmp_path)  # the cheap checks pass ...
    store.close()
    before = path.read_bytes()
    with pytest.raises(CorruptStore, match="damaged"):
        open_store(tmp_path, verify=True)  # ... the integrity check does not
    assert path.read_bytes() == before


def test_a_value_that_is_not_utf8_is_damage_naming_the_backup(tmp_path: Path) -> None:
    backup = store_with_backup(tmp_path)
    conn = sqlite3.connect(tmp_path / DATABASE_FILE)
    conn.execute("UPDATE setting SET value = CAST(X'C3FFFE41' AS TEXT) WHERE key = 'marker'")
    conn.commit()
    conn.close()
    store = open_store(tmp_path)
    try:
        with pytest.raises(CorruptStore, match="Could not decode to UTF-8") as caught:
            settings.read(store, "marker")
    finally:
        store.close()
    assert caught.value.backup == backup and "\n" not in str(caught.value)


def test_a_schema_whose_damage_sqlite_quotes_as_bytes_is_damage(tmp_path: Path) -> None:
    """SQLite's message quotes the damaged name, bytes that are not UTF-8: still one clear error."""
    backup = store_with_backup(tmp_path)
    conn = sqlite3.connect(tmp_path / DATABASE_FILE)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET name = CAST(X'73AE74' AS TEXT), "
                 "sql = CAST(X'435245415445205441424C4520AE287829' AS TEXT) WHERE name = 'setting'")
    conn.commit()
    conn.close()
    with pytest.raises(CorruptStore, match="schema is unreadable") as caught:
        open_store(tmp_path)
    assert caught.value.backup == backup


def test_a_changed_byte_in_the_schema_text_is_damage_when_verifying(tmp_path: Path) -> None:
    """A column renamed by one changed byte passes SQLite's integrity check; every query of it would fail."""
    backup = store_with_backup(tmp_path)
    conn = sqlite3.connect(tmp_path / DATABASE_FILE)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, 'value', 'valuf') WHERE name = 'setting'")
    conn.commit()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with pytest.raises(CorruptStore, match=r"no longer has the column setting\.value") as caught:
        open_store(tmp_path, verify=True)
    assert caught.value.backup == backup


def test_a_new_store_appears_whole(tmp_path: Path) -> None:
    store = open_store(tmp_path / "fresh")
    store.close()
    files = sorted(p.name for p in (tmp_path / "fresh").iterdir())
    assert files == [DATABASE_FILE]  # no temporary file left beside it
    conn = sqlite3.connect(tmp_path / "fresh" / DATABASE_FILE)
    assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    conn.close()


def test_restore_sets_a_damaged_store_aside_byte_for_byte(tmp_path: Path) -> None:
    backup = store_with_backup(tmp_path)
    path = tmp_path / DATABASE_FILE
    break_the_schema_page(path)
    damaged = path.read_bytes()
    aside = restore(tmp_path, backup)
    assert aside is not None and aside.read_bytes() == damaged and aside.name.endswith("-damaged.sqlite3")
    store = open_store(tmp_path, verify=True)
    try:
        assert settings.read(store, "marker") == "sebelum kerusakan"
    finally:
        store.close()


# -- the command line ---------------------------------------------------------------------------------

def test_cli_restore_backup_list_and_check_on_a_malformed_store(tmp_path: Path) -> None:
    backup = store_with_backup(tmp_path)
    break_the_schema_page(tmp_path / DATABASE_FILE)
    code, out, err = nilai(tmp_path, "backup", "--list")
    assert code == 0 and str(backup) in out
    assert "damaged" in one_line(err) and str(backup) in err
    code, out, err = nilai(tmp_path, "check")
    assert code == 1 and "PROBLEM database" in out and f"nilai restore {backup}" in out and not err
    code, out, err = nilai(tmp_path, "restore", backup)
    assert code == 0, err
    assert "-damaged.sqlite3" in out
    code, out, err = nilai(tmp_path, "check")
    assert code == 0 and "ok" in out


def test_cli_empty_store_is_refused_and_stays_empty(tmp_path: Path) -> None:
    backup = store_with_backup(tmp_path)
    (tmp_path / DATABASE_FILE).write_bytes(b"")
    for argv in (["round", "list"], ["demo", "--regions", "4", "--assessors", "2"]):
        code, _, err = nilai(tmp_path, *argv)
        line = one_line(err)
        assert code == 1 and "is damaged (the file is empty (0 bytes))" in line and str(backup) in line
    code, out, _ = nilai(tmp_path, "check")
    assert code == 1 and "ok: no problems found" not in out
    assert (tmp_path / DATABASE_FILE).stat().st_size == 0
