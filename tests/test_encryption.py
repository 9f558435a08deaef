"""Encryption at rest (issue 13, lost laptop): nothing typed is readable from the files of an
encrypted store, a wrong passphrase changes nothing, and a conversion cut short leaves a usable store."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlmodel import select

from app import assessments as A
from app import identity
from app.cli import main
from app.identity import WrongPassphrase, storekey
from app.identity.throttle import UnlockThrottle
from app.models.tables import Score
from app.store import cipher, encryption, open_store, sealed
from app.store.backup import list_backups, restore, take_backup
from app.store.integrity import check

PASS = "kata sandi penilai 2018"
WRONG = "kata sandi yang salah"
ME = "Siti Rahmawati <198001012005012001>"
NAME = "Siti Rahmawati"  # the assessor, named in the store
NOTE = "Kepala Bappeda Hartono Wibisono belum menyiapkan rencana induk"  # a note about a named official
EVIDENCE = "Berita acara wawancara: Bupati Sutrisno menandatangani"


@pytest.fixture(autouse=True)
def _forget_keys():
    yield
    cipher.forget()
    cipher.set_unlocker(None)


@pytest.fixture
def secrets_files(tmp_path: Path) -> tuple[Path, Path]:
    right, wrong = tmp_path / "pass.txt", tmp_path / "wrong.txt"
    right.write_text(PASS + "\n", encoding="utf-8")
    wrong.write_text(WRONG + "\n", encoding="utf-8")
    return right, wrong


@pytest.fixture
def typed(store, scoring_round, tmp_path: Path) -> str:
    """A plain store with a level, a note, an evidence file and a backup; closed. Returns the version id."""
    round_id, assessor = scoring_round
    version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=assessor.id)
    A.set_level(store, version, "A-1", 4, ME)
    A.set_note(store, version, "A-1", NOTE, ME)
    photo = tmp_path / "berita-acara.txt"
    photo.write_text(EVIDENCE, encoding="utf-8")
    A.add_evidence(store, version, "A-1", photo, ME)
    take_backup(store, "manual")
    store.close()
    return version


def run(capsys, data_dir: Path, *argv: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    old = dict(os.environ)
    os.environ.update(env or {})
    try:
        code = main(["--data-dir", str(data_dir), *argv])
    finally:
        os.environ.clear()
        os.environ.update(old)
        cipher.forget()  # every command starts as a new process would: locked
    out, err = capsys.readouterr()
    return code, out, err


def files_of(data_dir: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data_dir)): p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file()}


def digest_of(data_dir: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files_of(data_dir).items()}


def secrets_in(data: bytes) -> list[str]:
    return [s for s in (NOTE, NAME, EVIDENCE, "Hartono") if s.encode("utf-8") in data]


def unlocked_store(data_dir: Path):
    cipher.unlock(data_dir, storekey.unwrap(data_dir, PASS))
    return open_store(data_dir)


def note_of(store, version: str) -> str | None:
    with store.transaction() as session:
        row = session.exec(select(Score).where(Score.version_id == version, Score.indicator_code == "A-1")).one()
        return row.note


def dump(data_dir: Path) -> dict[str, list]:
    """Every row of every table (plain stores only)."""
    conn = sqlite3.connect(data_dir / "nilai.sqlite3")
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"'))) for t in tables}
    finally:
        conn.close()


def test_files_of_an_encrypted_store_hold_nothing_typed(capsys, data_dir, typed, secrets_files) -> None:
    before = files_of(data_dir)
    assert secrets_in(before["nilai.sqlite3"]) and any(secrets_in(d) for n, d in before.items() if "evidence" in n)
    code, out, err = run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(secrets_files[0]))
    assert code == 0, err
    assert "the database, 1 backups, 1 evidence files" in out
    after = files_of(data_dir)
    assert set(after) == set(before) | {"store.key"}
    assert {name: secrets_in(data) for name, data in after.items() if secrets_in(data)} == {}

    # Working on it: the write-ahead log, a new backup and new evidence are encrypted too.
    store = unlocked_store(data_dir)
    try:
        A.set_note(store, typed, "A-1", NOTE + " dan Hartono", ME)
        wal = Path(f"{data_dir / 'nilai.sqlite3'}-wal")
        assert wal.stat().st_size > 0 and not secrets_in(wal.read_bytes())
        assert note_of(store, typed) == NOTE + " dan Hartono"
        backup = take_backup(store, "manual")
        assert backup is not None and not secrets_in(backup.read_bytes())
        photo = data_dir.parent / "foto.txt"
        photo.write_text(EVIDENCE + " lagi", encoding="utf-8")
        info = A.add_evidence(store, typed, "A-2", photo, ME)
        assert sealed.is_sealed(data_dir / info.stored_path)
        assert not secrets_in((data_dir / info.stored_path).read_bytes())
        assert sealed.read(data_dir / info.stored_path) == (EVIDENCE + " lagi").encode()
        viewed = sealed.viewable(data_dir / info.stored_path, "foto.txt")  # for the desktop's viewer
        assert viewed.name == "foto.txt" and viewed.read_text(encoding="utf-8") == EVIDENCE + " lagi"
        assert not str(viewed).startswith(str(data_dir)) and (viewed.parent.parent.stat().st_mode & 0o077) == 0
        assert check(store).ok  # evidence hashes are checked on the unsealed content
    finally:
        store.close()
    assert not any(secrets_in(d) for d in files_of(data_dir).values())


def test_wrong_passphrase_changes_nothing(capsys, data_dir, typed, secrets_files) -> None:
    right, wrong = secrets_files
    assert run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(right))[0] == 0
    before = digest_of(data_dir)
    for argv in (("round", "list"), ("check",), ("backup",), ("store", "decrypt", "--passphrase-file", str(wrong))):
        code, out, err = run(capsys, data_dir, *argv, env={"NILAI_PASSPHRASE_FILE": str(wrong)})
        assert code == 1 and out == ""
        assert err.strip().splitlines() == ["nilai: The passphrase is not correct for this encrypted store. "
                                            "Nothing was changed."]
        assert digest_of(data_dir) == before
    code, _, err = run(capsys, data_dir, "round", "list")  # no passphrase at all: one line, nothing opened
    assert code == 1 and len(err.strip().splitlines()) == 1 and "passphrase" in err
    assert digest_of(data_dir) == before


def test_plain_store_is_refused_a_wrong_passphrase_for_the_identity(capsys, data_dir, typed, secrets_files) -> None:
    identity.create_identity(data_dir, NAME, "198001012005012001", "Kominfo", PASS)
    before = digest_of(data_dir)
    code, _, err = run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(secrets_files[1]))
    assert code == 1 and "not correct" in err
    assert digest_of(data_dir) == before  # no store.key, nothing converted


def test_encrypt_then_decrypt_round_trips_every_table(capsys, data_dir, typed, secrets_files) -> None:
    before, evidence_before = dump(data_dir), {n: d for n, d in files_of(data_dir).items() if n.startswith("evidence")}
    assert run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(secrets_files[0]))[0] == 0
    code, out, _ = run(capsys, data_dir, "check", env={"NILAI_PASSPHRASE_FILE": str(secrets_files[0])})
    assert code == 0 and "ok: no problems found" in out and "1 evidence files" in out
    code, out, _ = run(capsys, data_dir, "store", "status")
    assert code == 0 and out.strip() == "store: encrypted"
    code, out, err = run(capsys, data_dir, "store", "decrypt", "--passphrase-file", str(secrets_files[0]))
    assert code == 0, err
    assert not (data_dir / "store.key").exists()
    assert dump(data_dir) == before
    assert {n: d for n, d in files_of(data_dir).items() if n.startswith("evidence")} == evidence_before
    assert all(b.path.read_bytes().startswith(b"SQLite format 3\x00") for b in list_backups(data_dir))
    assert run(capsys, data_dir, "round", "list")[0] == 0  # plain again: no passphrase asked


@pytest.mark.parametrize("step", ["evidence", "backup", "copied nilai.sqlite3"])
def test_a_failure_between_steps_leaves_a_usable_store(capsys, monkeypatch, data_dir, typed, secrets_files, step):
    def fail(name: str) -> None:
        if name.startswith(step):
            raise RuntimeError(f"injected failure at {name}")

    monkeypatch.setattr(encryption, "crash_point", fail)
    with pytest.raises(RuntimeError, match="injected"):
        main(["--data-dir", str(data_dir), "store", "encrypt", "--passphrase-file", str(secrets_files[0])])
    cipher.forget()
    store = unlocked_store(data_dir)
    try:
        assert note_of(store, typed) == NOTE
        assert check(store).ok
    finally:
        store.close()
    cipher.forget()
    monkeypatch.setattr(encryption, "crash_point", lambda name: None)
    assert run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(secrets_files[0]))[0] == 0
    assert encryption.plain_files(data_dir) == []
    assert not any(secrets_in(d) for d in files_of(data_dir).values())


def test_killed_encrypt_leaves_a_usable_store(data_dir, typed, secrets_files, tmp_path) -> None:
    """A real `nilai store encrypt` killed at spread-out moments; each time the store opens and reads."""
    import shutil

    env = {**os.environ, "NILAI_DATA_DIR": str(data_dir)}
    command = [sys.executable, "-m", "app.cli", "store", "encrypt", "--passphrase-file", str(secrets_files[0])]
    pristine = tmp_path / "pristine"
    shutil.copytree(data_dir, pristine)
    shutil.copytree(data_dir, tmp_path / "timing")
    started = time.perf_counter()
    subprocess.run(command, env={**env, "NILAI_DATA_DIR": str(tmp_path / "timing")}, check=True,
                   capture_output=True)
    whole = time.perf_counter() - started  # how long one whole run takes here, now
    states = set()
    for fraction in (0.4, 0.7, 0.8, 0.9, 0.95, 1.2):
        shutil.rmtree(data_dir)
        shutil.copytree(pristine, data_dir)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait()
        states.add((cipher.wants_encryption(data_dir), len(encryption.plain_files(data_dir))))
        cipher.forget()
        store = unlocked_store(data_dir) if cipher.wants_encryption(data_dir) else open_store(data_dir)
        try:
            assert note_of(store, typed) == NOTE
            assert check(store).ok
        finally:
            store.close()
        cipher.forget()
    print("states after the kills (store.key written, files still plain):", sorted(states))
    assert len(states) >= 2, states  # the kills fell at different points of the conversion


def test_change_passphrase_rewraps_the_same_data_key(capsys, data_dir, typed, secrets_files) -> None:
    identity.create_identity(data_dir, NAME, "198001012005012001", "Kominfo", PASS)
    assert run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(secrets_files[0]))[0] == 0
    key = storekey.unwrap(data_dir, PASS)
    identity.change_passphrase(data_dir, PASS, "kata sandi baru 2019", throttle=UnlockThrottle())
    assert storekey.unwrap(data_dir, "kata sandi baru 2019") == key
    with pytest.raises(WrongPassphrase):
        storekey.unwrap(data_dir, PASS)


def test_restore_keeps_the_store_encrypted(capsys, data_dir, typed, secrets_files) -> None:
    assert run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(secrets_files[0]))[0] == 0
    backup = list_backups(data_dir)[0].path
    cipher.unlock(data_dir, storekey.unwrap(data_dir, PASS))
    aside = restore(data_dir, backup)
    assert aside is not None and cipher.is_encrypted_file(aside)
    assert cipher.is_encrypted_file(data_dir / "nilai.sqlite3")
    store = open_store(data_dir)
    try:
        assert check(store).ok
    finally:
        store.close()


def test_a_damaged_encrypted_store_is_one_line(capfd, data_dir, typed, secrets_files) -> None:
    assert main(["--data-dir", str(data_dir), "store", "encrypt", "--passphrase-file", str(secrets_files[0])]) == 0
    cipher.forget()
    database = data_dir / "nilai.sqlite3"
    raw = bytearray(database.read_bytes())
    raw[8192:8200] = b"\x00" * 8  # inside a page: its HMAC no longer matches
    database.write_bytes(bytes(raw))
    capfd.readouterr()
    os.environ["NILAI_PASSPHRASE_FILE"] = str(secrets_files[0])
    try:
        code = main(["--data-dir", str(data_dir), "round", "list"])
    finally:
        del os.environ["NILAI_PASSPHRASE_FILE"]
    out, err = capfd.readouterr()
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "is damaged (an encrypted page" in err, err  # SQLCipher's own log stays quiet
    assert "nilai restore" in err  # names the newest sound (encrypted) backup


def test_a_new_store_key_needs_a_long_enough_passphrase(capsys, data_dir, typed, tmp_path) -> None:
    short = tmp_path / "short.txt"
    short.write_text("pendek\n", encoding="utf-8")
    before = digest_of(data_dir)
    code, _, err = run(capsys, data_dir, "store", "encrypt", "--passphrase-file", str(short))
    assert code == 1 and "at least 8 characters" in err
    assert digest_of(data_dir) == before


def test_a_database_server_is_not_encrypted_here(capsys, data_dir, secrets_files) -> None:
    code = main(["--data-dir", str(data_dir), "--database-url", "postgresql+psycopg://nilai@localhost/nilai",
                 "store", "encrypt", "--passphrase-file", str(secrets_files[0])])
    err = capsys.readouterr().err
    assert code == 1 and "a database server keeps its data encrypted on its own disks" in err
    assert list(data_dir.iterdir()) == []


def test_a_key_wrapped_at_a_lower_cost_is_rewrapped_on_unlock(data_dir, monkeypatch) -> None:
    import json

    from app.identity import keyfile

    key = storekey.create(data_dir, PASS)
    written = json.loads((data_dir / "store.key").read_text(encoding="utf-8"))["kdf"]
    cost = keyfile.current_cost()  # the test suite's cheap cost (tests/conftest.py)
    assert (written["n"], written["r"], written["p"]) == (cost.n, cost.r, cost.p)
    raised = keyfile.ScryptCost(cost.n * 2, cost.r, cost.p)
    monkeypatch.setattr(keyfile, "current_cost", lambda: raised)  # the cost was raised since
    assert storekey.unwrap(data_dir, PASS) == key
    assert json.loads((data_dir / "store.key").read_text(encoding="utf-8"))["kdf"]["n"] == raised.n
    assert storekey.unwrap(data_dir, PASS) == key
    before = (data_dir / "store.key").read_bytes()
    with pytest.raises(WrongPassphrase):
        storekey.unwrap(data_dir, WRONG)
    assert (data_dir / "store.key").read_bytes() == before


def test_a_cost_rewrap_never_undoes_a_passphrase_change_made_meanwhile(data_dir, monkeypatch) -> None:
    """Process A unlocks a key of an older cost while process B changes the passphrase: A's re-wrap
    (under the old passphrase) must not overwrite B's file, or the new passphrase would stop working."""
    from app.identity import keyfile

    key = storekey.create(data_dir, PASS)
    cost = keyfile.current_cost()
    monkeypatch.setattr(keyfile, "current_cost", lambda: keyfile.ScryptCost(cost.n * 2, cost.r, cost.p))
    real_open = storekey._open

    def open_then_passphrase_changes(data_dir_, document, passphrase):
        opened = real_open(data_dir_, document, passphrase)
        monkeypatch.setattr(storekey, "_open", real_open)
        storekey.rewrap(data_dir_, PASS, "kata sandi baru 2019")  # "process B", between A's read and write
        return opened

    monkeypatch.setattr(storekey, "_open", open_then_passphrase_changes)
    assert storekey.unwrap(data_dir, PASS) == key
    assert storekey.unwrap(data_dir, "kata sandi baru 2019") == key
    with pytest.raises(WrongPassphrase):
        storekey.unwrap(data_dir, PASS)
