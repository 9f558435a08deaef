"""Partial uploads on the service's disk (app.sync.upload_store), with a clock the test moves."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from app.sync.upload_store import UploadStore


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_expiry_counts_from_the_last_chunk_and_removes_only_what_expired(tmp_path: Path) -> None:
    clock = Clock()
    store = UploadStore(tmp_path, timedelta(hours=24), clock)
    idle = store.create("a" * 64, 100, "0" * 64)
    busy = store.create("a" * 64, 200, "1" * 64)
    other = store.create("b" * 64, 50, "2" * 64)
    assert store.reserved_bytes("a" * 64) == 300 and store.reserved_bytes("b" * 64) == 50
    clock.now += 23 * 3600
    busy = store.accepted(busy, 10)  # a chunk came: kept 24 h from now
    assert busy.expires == clock.now + 24 * 3600
    clock.now += 2 * 3600
    gone = store.expire(busy={other.id})  # a chunk of `other` being written: left alone this time
    assert [u.id for u in gone] == [idle.id]
    assert store.get(idle.id) is None and not store.part(idle).exists()
    assert store.get(busy.id) is not None and store.get(other.id) is not None
    assert store.reserved_bytes("a" * 64) == 200


def test_a_finished_upload_keeps_its_answer_until_it_expires_and_leftovers_go(tmp_path: Path) -> None:
    clock = Clock()
    store = UploadStore(tmp_path, timedelta(hours=1), clock)
    upload = store.create("a" * 64, 10, "0" * 64)
    done = store.finish(store.accepted(upload, 10), 200, {"outcome": "taken_in"})
    assert not store.part(done).exists() and store.get(done.id).answer == {"status": 200, "body": {"outcome": "taken_in"}}
    assert store.reserved_bytes("a" * 64) == 0  # a finished upload no longer counts against its sender
    lost = store.create("a" * 64, 10, "1" * 64)
    store.part(lost).unlink()  # its bytes went to an import the service did not live to answer
    stray = tmp_path / ("f" * 32 + ".part")
    stray.write_bytes(b"x")  # bytes without a record (a crash between the two)
    assert {u.id for u in store.expire()} == {lost.id}
    assert not stray.exists() and store.get(done.id) is not None
    clock.now += 3601
    assert [u.id for u in store.expire()] == [done.id]
    assert not list(tmp_path.iterdir())


def test_an_upload_id_that_is_not_one_is_not_looked_up(tmp_path: Path) -> None:
    store = UploadStore(tmp_path)
    (tmp_path.parent / "secret.json").write_text("{}")
    assert store.get("../secret") is None and store.get("") is None
