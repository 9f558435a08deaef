"""Signed sheet export: render, sign, keep, mark signed; checked by Nilai and by poppler's pdfsig."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from signing_demo import PASS, signing_demo
from sqlmodel import select

from app import identity
from app.assessments import reopen
from app.base.ids import short_id
from app.identity import UnlockThrottle
from app.models.tables import Assessment, Assessor
from app.rounds.demo import build_demo
from app.sheets.export import (
    export_sheets,
    load_trusted,
    sign_one,
    signature_image_path,
    trust_certificate,
    verify_files,
)
from app.sheets.scope import SheetExportError, link_identity, plan_export
from app.sheets.signing import verify_pdf
from app.store import settings

needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")


@pytest.fixture
def demo(store):
    return signing_demo(store)


@pytest.fixture
def unlocked(demo):
    return identity.unlock(demo.data_dir, PASS, throttle=UnlockThrottle())


def mine(store) -> list[Assessment]:
    profile = settings.profile(store)
    with store.transaction() as session:
        return list(session.exec(select(Assessment).where(Assessment.assessor_id == profile.id)))


def pdfsig(path: Path) -> str:
    result = subprocess.run(["pdfsig", "-nocert", str(path)], capture_output=True, text=True, timeout=60)
    return result.stdout + result.stderr


def signed_ranges(data: bytes) -> list[int]:
    return list(PdfFileReader(io.BytesIO(data)).embedded_regular_signatures[0].byte_range)


def flip_in_signed_range(data: bytes) -> bytes:
    """Change one letter of the producer string, which lies inside the first signed range."""
    where = data.index(b"ReportLab") + 3
    start, length = signed_ranges(data)[:2]
    assert start <= where < start + length
    changed = bytearray(data)
    changed[where] ^= 0x20
    return bytes(changed)


# --------------------------------------------------------------------------- export


def test_export_signs_every_finalized_assessment(demo, unlocked, tmp_path):
    out = tmp_path / "usb"
    seen: list[tuple[int, int, str]] = []
    result = export_sheets(demo, out, unlocked, progress=lambda d, t, label: seen.append((d, t, label)))
    assert result.ok and result.total == 4 and len(result.signed) == 4
    assert [d for d, _, _ in seen] == [1, 2, 3, 4] and all(t == 4 for _, t, _ in seen)
    assert all(label.startswith(("Kabupaten ", "Kota ")) for _, _, label in seen)
    rows = {row.version_id: row for row in mine(demo)}
    for sheet in result.signed:
        row = rows[sheet.version_id]
        assert row.status == "signed" and row.signed_at is not None
        data = sheet.file.read_bytes()
        assert hashlib.sha256(data).hexdigest() == row.sheet_sha256 == sheet.sha256
        assert row.sheet_path == f"sheets/{row.record_id}/{row.version_id}.pdf" == sheet.stored_path
        assert (demo.data_dir / row.sheet_path).read_bytes() == data
        check = verify_pdf(data, trusted=[unlocked.certificate])
        assert check.valid and check.trusted, check.problems
        assert check.nip == unlocked.info.nip and check.fingerprint == unlocked.fingerprint
        assert check.reason == "Penilaian Gerakan Menuju 100 Smart City"
        assert check.location and check.location.startswith("Ruang ")
    assert sorted(p.name for p in out.iterdir()) == sorted(s.file.name for s in result.signed)


def test_file_names_are_readable(demo, unlocked, tmp_path):
    result = export_sheets(demo, tmp_path / "out", unlocked)
    names = [s.file.name for s in result.signed]
    assert names == sorted(names), "interview order"
    pattern = re.compile(r"^2018-03-0[5-7]_\d{4}_\d{4}_[a-z0-9-]+_v[0-9a-f]{8}\.pdf$")
    assert all(pattern.match(name) for name in names), names
    batang = next(s for s in result.signed if s.region_code == "3325")
    assert batang.file.name == f"2018-03-05_0800_3325_kabupaten-batang_v{short_id(batang.version_id)}.pdf"


def test_exporting_again_writes_nothing_new(demo, unlocked, tmp_path):
    out = tmp_path / "out"
    export_sheets(demo, out, unlocked)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = export_sheets(demo, out, unlocked)
    assert again.ok and again.total == 0 and again.signed == [] and again.already_signed == 4
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_only_finalized_current_assessments_of_the_profile(store, tmp_path):
    build_demo(store, regions_count=12, assessors_count=2)  # the profile's last day: one draft
    profile = settings.profile(store)
    info = identity.create_identity(store.data_dir, profile.name, profile.nip, profile.organisation, PASS)
    link_identity(store, info)
    me = identity.unlock(store.data_dir, PASS, throttle=UnlockThrottle())
    plan = plan_export(store)
    assert plan.not_finalized == 1 and plan.to_sign == 8 and len(plan.days) == 3
    result = export_sheets(store, tmp_path / "out", me, day=plan.days[0])
    assert len(result.signed) == 4 and result.not_finalized == 0
    others = [row for row in _all(store) if row.assessor_id != profile.id]
    assert others and all(row.status == "final" for row in others), "another assessor's work is not signed"
    result = export_sheets(store, tmp_path / "out", me)
    assert len(result.signed) == 4 and result.already_signed == 4 and result.not_finalized == 1
    statuses = sorted(row.status for row in mine(store))
    assert statuses == ["draft"] + ["signed"] * 8


def _all(store) -> list[Assessment]:
    with store.transaction() as session:
        return list(session.exec(select(Assessment)))


def test_worker_processes_give_the_same_result(demo, unlocked, tmp_path):
    result = export_sheets(demo, tmp_path / "out", unlocked, workers=2)
    assert result.ok and len(result.signed) == 4
    for sheet in result.signed:
        assert verify_pdf(sheet.file.read_bytes()).valid


def test_cancel_keeps_what_was_signed(demo, unlocked, tmp_path):
    done: list[int] = []
    result = export_sheets(demo, tmp_path / "out", unlocked, progress=lambda d, t, label: done.append(d),
                           cancel=lambda: len(done) >= 2)
    assert result.cancelled and not result.ok and len(result.signed) == 2
    assert sorted(row.status for row in mine(demo)) == ["final", "final", "signed", "signed"]
    assert len(list((tmp_path / "out").iterdir())) == 2


def test_a_failing_sheet_stops_cleanly(demo, unlocked, tmp_path, monkeypatch):
    """Recording the written sheets together fails (the disk is full), so they are recorded one at a
    time, and that fails at the third: the two before it stay signed, nothing of the rest is left."""
    from app.sheets import keep as sheet_export

    real = sheet_export.mark_signed
    calls: list[str] = []

    def flaky(store, version_id, *args):
        calls.append(version_id)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(store, version_id, *args)

    def full(store, sheets, actor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sheet_export, "mark_signed", flaky)
    monkeypatch.setattr(sheet_export, "mark_signed_many", full)
    out = tmp_path / "out"
    result = export_sheets(demo, out, unlocked)
    assert len(result.signed) == 2 and result.failed_version_id == calls[2]
    assert "the disk is full" in result.error and "2 sheet(s) signed before it are kept" in result.error
    assert sorted(row.status for row in mine(demo)) == ["final", "final", "signed", "signed"]
    assert sorted(p.name for p in out.iterdir()) == sorted(s.file.name for s in result.signed)
    kept = sorted(p for p in (demo.data_dir / "sheets").rglob("*") if p.is_file())
    assert len(kept) == 2 and not any(".part" in p.name for p in kept)


def test_disk_full_on_the_usb_stick(demo, unlocked, tmp_path):
    from fs_limits import small_filesystem

    with small_filesystem(tmp_path / "usb", 256) as usb:  # room for about two sheets
        result = export_sheets(demo, usb, unlocked)
        assert result.error and "the disk is full" in result.error
        assert 1 <= len(result.signed) < 4
        names = sorted(p.name for p in usb.iterdir())
        assert names == sorted(s.file.name for s in result.signed), "no partial file left behind"
        signed = [row for row in mine(demo) if row.status == "signed"]
        assert len(signed) == len(result.signed)
        for row in signed:
            assert hashlib.sha256((demo.data_dir / row.sheet_path).read_bytes()).hexdigest() == row.sheet_sha256
        failed = next(row for row in mine(demo) if row.version_id == result.failed_version_id)
        assert failed.status == "final" and not (demo.data_dir / "sheets" / failed.record_id).exists()


def test_output_folder_that_cannot_be_made(demo, unlocked, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(SheetExportError, match="cannot be used"):
        export_sheets(demo, blocker / "out", unlocked)
    assert all(row.status == "final" for row in mine(demo))


def test_identity_of_another_assessor_cannot_sign(demo, tmp_path):
    other = tmp_path / "other"
    identity.create_identity(other, "Budi Hasibuan", "197501012000011001", "ITB", PASS)
    budi = identity.unlock(other, PASS, throttle=UnlockThrottle())
    with pytest.raises(SheetExportError, match="NIP 197501012000011001"):
        export_sheets(demo, tmp_path / "out", budi)
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_bad_day_and_unknown_round(demo, unlocked, tmp_path):
    with pytest.raises(SheetExportError, match="YYYY-MM-DD"):
        export_sheets(demo, tmp_path, unlocked, day="5 Maret")
    from app.rounds import RoundError

    with pytest.raises(RoundError):
        export_sheets(demo, tmp_path, unlocked, round_id="no-such-round")


def test_drawn_signature_is_used_when_present(demo, unlocked, tmp_path):
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(10, 80), (80, 20), (150, 70), (290, 30)], fill=(10, 30, 120, 255), width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    signature_image_path(demo.data_dir).write_bytes(buffer.getvalue())
    result = export_sheets(demo, tmp_path / "out", unlocked)
    data = result.signed[0].file.read_bytes()
    hole = signed_ranges(data)[1]  # where the signature value sits, inside the incremental update
    update = data[data.rindex(b"%%EOF", 0, hole) :]
    assert b"/Subtype /Image" in update, "the drawn signature is in the signature's appearance"
    assert verify_pdf(data).valid


# --------------------------------------------------------------------------- one sheet


def test_sign_one(demo, unlocked):
    first = mine(demo)[0]
    sheet = sign_one(demo, first.version_id, unlocked, "en")
    assert sheet.file is None and sheet.stored_path == f"sheets/{first.record_id}/{first.version_id}.pdf"
    data = (demo.data_dir / sheet.stored_path).read_bytes()
    check = verify_pdf(data)
    assert check.valid and check.reason == "Assessment, Gerakan Menuju 100 Smart City"
    assert hashlib.sha256(data).hexdigest() == sheet.sha256
    with pytest.raises(SheetExportError, match="already signed"):
        sign_one(demo, first.version_id, unlocked)


def test_sign_one_refuses_a_draft(demo, unlocked):
    first = mine(demo)[0]
    profile = settings.profile(demo)
    draft = reopen(demo, first.version_id, "typo in a note", f"{profile.name} <{profile.nip}>")
    with pytest.raises(SheetExportError, match="finalized"):
        sign_one(demo, draft, unlocked)
    with pytest.raises(SheetExportError, match="finalized"):
        sign_one(demo, first.version_id, unlocked)  # no longer the current version
    assert not (demo.data_dir / "sheets").exists()


def test_sign_one_refuses_another_assessors_assessment(demo, unlocked):
    profile = settings.profile(demo)
    theirs = next(row for row in _all(demo) if row.assessor_id != profile.id)
    with pytest.raises(SheetExportError, match="Only this laptop's assessor"):
        sign_one(demo, theirs.version_id, unlocked)


# --------------------------------------------------------------------------- verification


@needs_pdfsig
def test_pdfsig_says_every_exported_sheet_is_valid(demo, unlocked, tmp_path):
    result = export_sheets(demo, tmp_path / "out", unlocked)
    for sheet in result.signed:
        report = pdfsig(sheet.file)
        assert "Signature Validation: Signature is Valid." in report, report
        assert "Total document signed" in report, report
        assert f"Signer Certificate Common Name: {unlocked.info.name}" in report, report


def test_changed_byte_and_appended_bytes(demo, unlocked, tmp_path):
    sheet = export_sheets(demo, tmp_path / "out", unlocked).signed[0]
    data = sheet.file.read_bytes()
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(flip_in_signed_range(data))
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + b"\n% added later\n")
    results = dict(verify_files([sheet.file, changed, appended, tmp_path / "missing.pdf"], [unlocked.certificate]))
    assert results[sheet.file].valid and results[sheet.file].trusted
    assert not results[changed].intact and not results[changed].valid and not results[changed].trusted
    assert results[appended].intact and not results[appended].covers_whole_file
    assert "bytes were added after signing" in results[appended].problems
    assert results[tmp_path / "missing.pdf"].problems[0].startswith("could not read the file")


@needs_pdfsig
def test_pdfsig_rejects_a_changed_byte_and_sees_appended_bytes(demo, unlocked, tmp_path):
    sheet = export_sheets(demo, tmp_path / "out", unlocked).signed[0]
    data = sheet.file.read_bytes()
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(flip_in_signed_range(data))
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(data + b"\n% added later\n")
    report = pdfsig(changed)
    assert "Signature Validation:" in report and "Signature is Valid." not in report, report
    report = pdfsig(appended)
    assert "Signature is Valid." in report and "Total document signed" not in report, report


def test_trust_by_exported_certificate_and_trusted_folder(demo, unlocked, tmp_path):
    sheet = export_sheets(demo, tmp_path / "out", unlocked).signed[0]
    cert = identity.export_certificate(demo.data_dir, tmp_path / "assessor.pem")
    (_, untrusted), = verify_files([sheet.file], [])
    assert untrusted.valid and not untrusted.trusted
    (_, trusted), = verify_files([sheet.file], [cert])
    assert trusted.trusted
    coordinator = tmp_path / "coordinator"
    assert load_trusted(coordinator) == []
    kept = trust_certificate(coordinator, trusted.certificate_pem)
    assert kept.name == f"{unlocked.fingerprint}.pem"
    assert trust_certificate(coordinator, cert.read_bytes()) == kept
    (_, again), = verify_files([sheet.file], load_trusted(coordinator))
    assert again.trusted


def test_link_identity_creates_the_profile_and_keeps_the_fingerprint(store):
    assert settings.profile(store) is None
    info = identity.create_identity(store.data_dir, "Ni Made Ayu", "198502022010012002", "Kominfo", PASS)
    profile = link_identity(store, info)
    assert (profile.name, profile.nip) == ("Ni Made Ayu", "198502022010012002")
    with store.transaction() as session:
        assert session.get(Assessor, profile.id).cert_fingerprint == info.fingerprint
    assert settings.profile(store) == profile


def test_sheet_dates_follow_the_slot(demo, unlocked, tmp_path):
    result = export_sheets(demo, tmp_path / "out", unlocked, day=dt.date(2018, 3, 6))
    assert result.signed and all(s.file.name.startswith("2018-03-06_") for s in result.signed)


def test_render_processes_that_cannot_start_fall_back_to_this_process(demo, tmp_path):
    """A main module that cannot be imported again (a frozen build without freeze_support, a
    script that breaks when re-run) kills the worker processes: the batch still signs everything."""
    import os
    import sys

    script = tmp_path / "export_script.py"
    script.write_text(
        "import sys\n"
        "if __name__ == '__mp_main__':\n"
        "    raise RuntimeError('this main module cannot be imported again')\n"
        "from app import identity\n"
        "from app.identity import UnlockThrottle\n"
        "from app.sheets.export import export_sheets\n"
        "from app.store import open_store\n"
        "store = open_store(sys.argv[1])\n"
        "unlocked = identity.unlock(store.data_dir, sys.argv[3], throttle=UnlockThrottle())\n"
        "result = export_sheets(store, sys.argv[2], unlocked, workers=2)\n"
        "print(len(result.signed), result.error)\n",
        encoding="utf-8",
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, str(script), str(demo.data_dir), str(tmp_path / "out"), PASS],
                          capture_output=True, text=True, timeout=300, env=env, cwd=root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["4", "None"], done.stdout + done.stderr
    assert "rendering in this process instead" in done.stderr
    assert sorted(row.status for row in mine(demo)) == ["signed"] * 4
