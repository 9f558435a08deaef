"""The sheet batch as a pipeline: rendering before the key is unlocked, writing beside signing."""

from __future__ import annotations

import pytest
from signing_demo import PASS, signing_demo
from sqlmodel import select

from app import identity
from app.identity import UnlockThrottle
from app.models.tables import Assessment
from app.sheets import keep
from app.sheets.batch import SheetBatch
from app.sheets.render_pool import SheetRenderer
from app.sheets.signing import verify_pdf
from app.store import settings


@pytest.fixture
def demo(store):
    return signing_demo(store)


def statuses(store) -> list[str]:
    profile = settings.profile(store)
    with store.transaction() as session:
        rows = session.exec(select(Assessment).where(Assessment.assessor_id == profile.id))
        return sorted(row.status for row in rows)


def test_sheets_render_in_worker_processes_before_the_key_is_unlocked(demo, tmp_path):
    renderer = SheetRenderer(2, "id")
    renderer.warm_up()
    with SheetBatch(demo, tmp_path / "out", renderer=renderer) as batch:
        batch.start()  # rendering begins: nothing is written yet, and nothing needs the key
        assert not (tmp_path / "out").exists() and statuses(demo) == ["final"] * 4
        unlocked = identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())
        result = batch.sign(unlocked)
    assert result.ok and len(result.signed) == 4 and statuses(demo) == ["signed"] * 4
    for sheet in result.signed:
        assert verify_pdf(sheet.file.read_bytes()).valid
        assert (demo.data_dir / sheet.stored_path).read_bytes() == sheet.file.read_bytes()


def test_a_batch_left_unsigned_writes_nothing(demo, tmp_path):
    """A wrong passphrase or a cancelled prompt after rendering began: no file, no change."""
    renderer = SheetRenderer(2, "id")
    renderer.warm_up()
    with SheetBatch(demo, tmp_path / "out", renderer=renderer) as batch:
        batch.start()
    assert renderer.pool is None, "the render processes are stopped"
    assert not (tmp_path / "out").exists() and not (demo.data_dir / "sheets").exists()
    assert statuses(demo) == ["final"] * 4


def _signing_fails_at(n: int, monkeypatch) -> list[str]:
    """The batch's n-th signature fails (the token pulled out); returns the versions it was asked to sign."""
    real = keep._sign
    calls: list[str] = []

    def failing(snap, *args, **kwargs):
        calls.append(snap.version_id)
        if len(calls) == n:
            raise RuntimeError("the token was pulled out")
        return real(snap, *args, **kwargs)

    monkeypatch.setattr("app.sheets.batch._sign", failing)
    return calls


def _batch(demo, tmp_path):
    unlocked = identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())
    with SheetBatch(demo, tmp_path / "out", workers=1) as batch:
        batch.check(unlocked)
        batch.start()
        return batch.sign(unlocked)


def test_a_sheet_failing_to_sign_keeps_the_one_written_before_it(demo, tmp_path, monkeypatch):
    """Sheet k is written on the writer thread while sheet k + 1 is signed; if signing k + 1 fails,
    sheet k is still recorded, and nothing of k + 1 is left."""
    calls = _signing_fails_at(3, monkeypatch)
    result = _batch(demo, tmp_path)
    assert result.failed_version_id == calls[2] and "the token was pulled out" in result.error
    assert "2 sheet(s) signed before it are kept" in result.error
    assert [s.version_id for s in result.signed] == calls[:2]
    assert statuses(demo) == ["final", "final", "signed", "signed"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(s.file.name for s in result.signed)


def test_written_sheets_are_recorded_a_few_at_a_time_and_only_once_durable(demo, tmp_path, monkeypatch):
    """Sheets are recorded RECORD_EVERY to a transaction; when a group is recorded, every sheet in it
    is already on disk (data directory and output folder) with the hash that is recorded."""
    import hashlib

    real = keep._record_many
    groups: list[list[str]] = []

    def checked(store, written, *, actor):
        for sheet in written:
            for path in (sheet.kept, sheet.exported):
                assert hashlib.sha256(path.read_bytes()).hexdigest() == sheet.sha256
        assert statuses(store).count("signed") == sum(len(g) for g in groups), "nothing recorded ahead"
        groups.append([sheet.snap.version_id for sheet in written])
        return real(store, written, actor=actor)

    monkeypatch.setattr("app.sheets.batch._record_many", checked)
    monkeypatch.setattr("app.sheets.batch.RECORD_EVERY", 3)
    unlocked = identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())
    done: list[int] = []
    with SheetBatch(demo, tmp_path / "out", workers=1) as batch:
        batch.check(unlocked)
        batch.start()
        result = batch.sign(unlocked, progress=lambda count, total, label: done.append(count))
    assert result.ok and [len(g) for g in groups] == [3, 1]
    assert [s.version_id for s in result.signed] == [v for g in groups for v in g]
    assert done == [1, 2, 3, 4], "progress counts each sheet once it is written"
    assert statuses(demo) == ["signed"] * 4


def test_written_sheets_not_yet_recorded_are_kept_when_the_next_fails(demo, tmp_path, monkeypatch):
    """Signing the fourth sheet fails with three written and not yet recorded: those three are
    recorded, nothing of the fourth is left."""
    calls = _signing_fails_at(4, monkeypatch)
    result = _batch(demo, tmp_path)
    assert result.failed_version_id == calls[3] and "3 sheet(s) signed before it are kept" in result.error
    assert [s.version_id for s in result.signed] == calls[:3]
    assert statuses(demo) == ["final", "signed", "signed", "signed"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(s.file.name for s in result.signed)


def test_a_crash_between_writing_and_recording_is_made_good_by_the_next_export(demo, tmp_path, monkeypatch):
    """The process dies after sheets were written, before they were recorded (here: an interrupt
    while recording, with the clean-up that a killed process would not run disabled): they are still
    'final', and the next export signs them again over the files left behind."""
    import hashlib

    def interrupted(store, written, *, actor):
        raise KeyboardInterrupt

    out = tmp_path / "out"
    unlocked = identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())
    with monkeypatch.context() as patch:
        patch.setattr("app.sheets.batch._record_many", interrupted)
        patch.setattr("app.sheets.batch._remove", lambda written: None)  # a killed process cleans nothing
        with pytest.raises(KeyboardInterrupt), SheetBatch(demo, out, workers=1) as batch:
            batch.check(unlocked)
            batch.start()
            batch.sign(unlocked)
    left = sorted(p.name for p in out.iterdir())
    assert len(left) == 4 and statuses(demo) == ["final"] * 4, "written, not recorded"

    with SheetBatch(demo, out, workers=1) as batch:
        batch.check(unlocked)
        batch.start()
        result = batch.sign(unlocked)
    assert result.ok and len(result.signed) == 4 and statuses(demo) == ["signed"] * 4
    assert sorted(p.name for p in out.iterdir()) == left, "the same names, written again"
    for sheet in result.signed:
        kept = (demo.data_dir / sheet.stored_path).read_bytes()
        assert hashlib.sha256(kept).hexdigest() == sheet.sha256 and sheet.file.read_bytes() == kept
        assert verify_pdf(kept).valid
