"""A full or read-only disk: a clear message, everything committed kept, no partial file left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fs_limits import fill, remount_read_only, small_filesystem

from app import assessments as A
from app.base.atomic import atomic_write
from app.rounds import create_round
from app.store import DiskFull, ReadOnlyStore, StoreError, open_store, settings
from app.store.integrity import check

ME = "Siti <1980>"


def _prepare(data_dir: Path, instrument) -> str:
    store = open_store(data_dir)
    try:
        me = settings.save_profile(store, "Siti", "1980", "Kominfo")
        with store.transaction() as session:
            round_id = create_round(session, name="Uji", instrument=instrument, region_codes=["3325"]).id
        version = A.start_assessment(store, round_id=round_id, region_code="3325", assessor_id=me.id)
        A.set_level(store, version, "A-1", 4, ME)
        A.set_note(store, version, "A-1", "sudah tersimpan", ME)
        return version
    finally:
        store.close()


def test_score_on_a_full_disk(tmp_path: Path, small_instrument) -> None:
    with small_filesystem(tmp_path / "fs", 4096) as fs:
        data_dir = fs / "data"
        version = _prepare(data_dir, small_instrument)
        store = open_store(data_dir)
        filler = fill(fs)
        with pytest.raises(DiskFull, match="disk .* is full.*Free some space"):
            for n in range(50):  # the WAL may absorb a few pages before the disk says no
                A.set_note(store, version, "A-2", f"catatan panjang {n} " + "x" * 200_000, ME)
        store.close()
        filler.unlink()
        store = open_store(data_dir)
        try:
            with store.transaction() as session:
                marks = A.marks_of(session, version)
            assert marks["A-1"].level == 4
            assert check(store).ok
        finally:
            store.close()


def test_atomic_write_on_a_full_disk_leaves_nothing(tmp_path: Path) -> None:
    with small_filesystem(tmp_path / "fs", 512) as fs:
        (fs / "sheet.pdf").write_bytes(b"old sheet")
        fill(fs, leave_bytes=4096)
        with pytest.raises(OSError):
            atomic_write(fs / "sheet.pdf", b"x" * 1_000_000)
        assert (fs / "sheet.pdf").read_bytes() == b"old sheet"
        assert sorted(p.name for p in fs.iterdir()) == ["filler.bin", "sheet.pdf"]


def test_read_only_location(tmp_path: Path, small_instrument) -> None:
    with small_filesystem(tmp_path / "fs", 4096) as fs:
        data_dir = fs / "data"
        version = _prepare(data_dir, small_instrument)
        remount_read_only(fs)
        with pytest.raises((ReadOnlyStore, StoreError)) as caught:
            store = open_store(data_dir)
            try:
                A.set_level(store, version, "A-1", 2, ME)
            finally:
                store.close()
        assert "read-only" in str(caught.value) or "cannot be written" in str(caught.value)
        with pytest.raises(OSError):
            atomic_write(fs / "bundle.nilai", b"data")
        assert not any(p.name.endswith(".part") for p in fs.iterdir())
    assert os.path.exists(tmp_path / "fs")
