"""Consolidation reads an encrypted store (SQLCipher) as it reads a plain one: its one big query goes
to the database driver directly (app/consolidation/levels_read.py), here sqlcipher3's."""

from __future__ import annotations

import os
from pathlib import Path

from app.consolidation import consolidate
from app.rounds.demo import build_demo
from app.store import cipher, encryption, open_store


def test_the_ranking_of_an_encrypted_store_is_the_plain_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    store = open_store(data_dir)
    round_id = build_demo(store, regions_count=10, assessors_count=4, seed=5).round_id
    plain = consolidate(store, round_id)
    store.close()
    key = os.urandom(32)
    try:
        encryption.convert(data_dir, key)
        assert cipher.is_encrypted_file(data_dir / "nilai.sqlite3")
        cipher.unlock(data_dir, key)
        store = open_store(data_dir)
        try:
            encrypted = consolidate(store, round_id)
        finally:
            store.close()
    finally:
        cipher.forget()
    assert [(r.region.code, r.rank, r.total) for r in encrypted.ranking] == \
        [(r.region.code, r.rank, r.total) for r in plain.ranking]
    assert encrypted.data.assessments == plain.data.assessments and encrypted.agreement == plain.agreement
