"""nilai identity … and nilai sheets export | verify, end to end (shared CLI.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from app import identity
from app.cli import main
from app.models.tables import Assessment, Assessor
from app.store import open_store, settings

PASS = "kata sandi penilai"
FIXTURES = Path(__file__).parent / "data" / "identity"
P12_PASSPHRASE = "fixture-p12-pass"
needs_pdfsig = pytest.mark.skipif(shutil.which("pdfsig") is None, reason="poppler's pdfsig is not installed")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def secret(tmp_path: Path, text: str, name: str = "pass.txt") -> str:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def demo_dir(tmp_path: Path, capsys) -> Path:
    data = tmp_path / "laptop"
    assert run(capsys, "--data-dir", str(data), "demo", "--regions", "4", "--assessors", "2")[0] == 0
    return data


@pytest.fixture
def with_identity(demo_dir: Path, tmp_path: Path, capsys) -> Path:
    code, out, err = run(capsys, "--data-dir", str(demo_dir), "identity", "create",
                         "--passphrase-file", secret(tmp_path, PASS))
    assert code == 0, err
    return demo_dir


def statuses(data_dir: Path) -> list[str]:
    store = open_store(data_dir)
    try:
        profile = settings.profile(store)
        with store.transaction() as session:
            rows = session.exec(select(Assessment).where(Assessment.assessor_id == profile.id))
            return sorted(row.status for row in rows)
    finally:
        store.close()


def nilai(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The real program, as a user runs it."""
    environment = {**os.environ, **(env or {})}
    environment.pop("NILAI_PASSPHRASE_FILE", None)
    return subprocess.run([sys.executable, "-m", "app.cli", *argv], capture_output=True, text=True, timeout=300,
                          env=environment, stdin=subprocess.DEVNULL, cwd=Path(__file__).parent.parent)


# --------------------------------------------------------------------------- identity


def test_identity_create_saves_profile_and_fingerprint(tmp_path, capsys):
    data = tmp_path / "fresh"
    code, out, err = run(capsys, "--data-dir", str(data), "identity", "create", "--name", "Ni Made Ayu",
                         "--nip", "198502022010012002", "--org", "Kominfo", "--passphrase-file",
                         secret(tmp_path, PASS), "--json")
    assert code == 0, err
    shown = json.loads(out)
    assert shown["name"] == "Ni Made Ayu" and shown["self_signed"] is True
    store = open_store(data)
    try:
        profile = settings.profile(store)
        assert (profile.name, profile.nip, profile.organisation) == ("Ni Made Ayu", "198502022010012002", "Kominfo")
        with store.transaction() as session:
            assert session.get(Assessor, profile.id).cert_fingerprint == shown["fingerprint"]
    finally:
        store.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "identity", "show")
    assert code == 0 and shown["fingerprint"] in out and "NIP:          198502022010012002" in out


def test_identity_create_takes_the_profile_and_refuses_a_second(with_identity, tmp_path, capsys):
    code, out, _ = run(capsys, "--data-dir", str(with_identity), "identity", "show", "--json")
    info = json.loads(out)
    store = open_store(with_identity)
    try:
        profile = settings.profile(store)
    finally:
        store.close()
    assert (info["name"], info["nip"]) == (profile.name, profile.nip)
    code, _, err = run(capsys, "--data-dir", str(with_identity), "identity", "create",
                       "--passphrase-file", secret(tmp_path, PASS))
    assert code == 1 and "already exists" in err and "--replace" in err


def test_identity_create_needs_a_long_enough_passphrase_and_no_argv_secret(tmp_path, capsys):
    data = tmp_path / "fresh"
    code, _, err = run(capsys, "--data-dir", str(data), "identity", "create", "--name", "Budi",
                       "--passphrase-file", secret(tmp_path, "short"))
    assert code == 1 and "at least 8 characters" in err
    with pytest.raises(SystemExit):  # no abbreviation of --passphrase-file takes a secret as a file name
        main(["--data-dir", str(data), "identity", "create", "--name", "Budi", "--passphrase", PASS])
    capsys.readouterr()
    result = nilai("--data-dir", str(data), "identity", "create", "--name", "Budi")
    assert result.returncode == 1 and "passphrase" in result.stderr and "Traceback" not in result.stderr


def test_identity_import_p12_keeps_its_passphrase_or_takes_a_new_one(tmp_path, capsys):
    p12 = str(FIXTURES / "leaf-ec.p12")
    data = tmp_path / "imported"
    code, _, err = run(capsys, "--data-dir", str(data), "identity", "import-p12", p12,
                       "--passphrase-file", secret(tmp_path, "not the passphrase"))
    assert code == 1 and "not correct" in err and not identity.has_identity(data)
    code, out, err = run(capsys, "--data-dir", str(data), "identity", "import-p12", p12,
                         "--passphrase-file", secret(tmp_path, P12_PASSPHRASE), "--json")
    assert code == 0, err
    assert json.loads(out)["key_passphrase"] == "pkcs12" and json.loads(out)["self_signed"] is False
    identity.unlock(data, P12_PASSPHRASE, throttle=identity.UnlockThrottle())
    other = tmp_path / "imported-new"
    code, out, err = run(capsys, "--data-dir", str(other), "identity", "import-p12", p12,
                         "--passphrase-file", secret(tmp_path, P12_PASSPHRASE),
                         "--new-passphrase-file", secret(tmp_path, PASS, "new.txt"))
    assert code == 0 and "encrypted with a new passphrase" in out
    identity.unlock(other, PASS, throttle=identity.UnlockThrottle())


def test_export_cert_and_change_passphrase(with_identity, tmp_path, capsys):
    out_file = tmp_path / "me.pem"
    code, out, _ = run(capsys, "--data-dir", str(with_identity), "identity", "export-cert", "--out", str(out_file))
    assert code == 0 and out_file.read_bytes().startswith(b"-----BEGIN CERTIFICATE-----")
    assert b"PRIVATE" not in out_file.read_bytes()
    code, _, err = run(capsys, "--data-dir", str(with_identity), "identity", "change-passphrase",
                       "--passphrase-file", secret(tmp_path, "wrong passphrase"),
                       "--new-passphrase-file", secret(tmp_path, "a new passphrase", "new.txt"))
    assert code == 1 and "not correct" in err
    code, out, err = run(capsys, "--data-dir", str(with_identity), "identity", "change-passphrase",
                         "--passphrase-file", secret(tmp_path, PASS),
                         "--new-passphrase-file", secret(tmp_path, "a new passphrase", "new.txt"))
    assert code == 0, err
    identity.unlock(with_identity, "a new passphrase", throttle=identity.UnlockThrottle())


def test_no_identity_is_a_clear_message(demo_dir, tmp_path, capsys):
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "sheets", "export", "--out", str(tmp_path / "o"),
                       "--passphrase-file", secret(tmp_path, PASS))
    assert code == 1 and "No assessor identity" in err


# --------------------------------------------------------------------------- sheets


def test_export_verify_end_to_end(with_identity, tmp_path):
    """The real program: export with progress on stderr, then verify, tamper, append, trust."""
    data, out = str(with_identity), tmp_path / "usb"
    result = nilai("--data-dir", data, "sheets", "export", "--out", str(out), "--passphrase-file",
                   secret(tmp_path, PASS))
    assert result.returncode == 0, result.stderr
    assert "4 of 4 sheets signed into" in result.stdout
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == ["[1/4", "[2/4", "[3/4", "[4/4"]
    assert progress[0] == "[1/4] Kabupaten Batang"
    sheets = sorted(out.glob("*.pdf"))
    assert len(sheets) == 4 and statuses(with_identity) == ["signed"] * 4

    cert = tmp_path / "me.pem"
    assert nilai("--data-dir", data, "identity", "export-cert", "--out", str(cert)).returncode == 0
    checked = nilai("sheets", "verify", *map(str, sheets), "--trust", str(cert), "--json")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    reports = json.loads(checked.stdout)
    assert all(r["valid"] and r["intact"] and r["covers_whole_file"] and r["trusted"] for r in reports)
    assert {r["nip"] for r in reports} == {identity.load_identity(with_identity).nip}
    assert all(r["fingerprint"] == identity.load_identity(with_identity).fingerprint for r in reports)
    assert all(r["signing_time"] for r in reports)

    changed = tmp_path / "changed.pdf"
    blob = bytearray(sheets[0].read_bytes())
    blob[blob.index(b"ReportLab") + 3] ^= 0x20
    changed.write_bytes(bytes(blob))
    appended = tmp_path / "appended.pdf"
    appended.write_bytes(sheets[1].read_bytes() + b"\n% added after signing\n")
    fake_update = tmp_path / "fake-update.pdf"
    fake_update.write_bytes(sheets[1].read_bytes() + b"\n%%EOF\n")
    bad = nilai("sheets", "verify", str(changed))
    assert bad.returncode == 1 and "INVALID" in bad.stdout and "intact:            NO" in bad.stdout
    late = nilai("sheets", "verify", str(appended))
    assert late.returncode == 1 and "covers whole file: NO" in late.stdout
    assert "bytes were added after signing" in late.stdout
    assert nilai("sheets", "verify", str(fake_update)).returncode == 1
    mixed = nilai("sheets", "verify", str(sheets[2]), str(appended))
    assert mixed.returncode == 1, "one bad file fails the run"


def test_export_starts_rendering_before_the_store_loads(with_identity, tmp_path, capsys, monkeypatch):
    """The render processes are started before main() loads the store's libraries (for an encrypted
    store's unlock), with the collector paused; after the batch, the collector is as it was."""
    import gc

    from app.cli import common

    real = common.unlock_when_asked
    seen: list[tuple[bool, bool]] = []

    def unlock_when_asked(args):
        renderer = args.started.renderer
        seen.append((renderer is not None and renderer.pool is not None, gc.isenabled()))
        return real(args)

    monkeypatch.setattr(common, "unlock_when_asked", unlock_when_asked)
    code, out, err = run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out",
                         str(tmp_path / "usb"), "--passphrase-file", secret(tmp_path, PASS))
    assert code == 0, err
    assert seen == [(True, False)], "render processes started, no collection while loading"
    assert statuses(with_identity) == ["signed"] * 4
    assert gc.isenabled() and gc.get_freeze_count() == 0


@needs_pdfsig
def test_pdfsig_agrees_with_the_exported_sheets(with_identity, tmp_path, capsys):
    out = tmp_path / "usb"
    assert run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out", str(out),
               "--passphrase-file", secret(tmp_path, PASS))[0] == 0
    sheets = sorted(out.glob("*.pdf"))
    assert len(sheets) == 4
    for sheet in sheets:
        report = subprocess.run(["pdfsig", str(sheet)], capture_output=True, text=True, timeout=60).stdout
        assert "Signature is Valid." in report and "Total document signed" in report, report
    changed = tmp_path / "changed.pdf"
    blob = bytearray(sheets[0].read_bytes())
    blob[blob.index(b"ReportLab") + 3] ^= 0x20
    changed.write_bytes(bytes(blob))
    report = subprocess.run(["pdfsig", str(changed)], capture_output=True, text=True, timeout=60).stdout
    assert "Signature Validation:" in report and "Signature is Valid." not in report, report
    assert run(capsys, "sheets", "verify", str(changed))[0] == 1


def test_verify_with_someone_elses_certificate_is_untrusted(with_identity, tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out", str(out),
               "--passphrase-file", secret(tmp_path, PASS))[0] == 0
    code, stdout, _ = run(capsys, "sheets", "verify", *map(str, out.glob("*.pdf")),
                          "--trust", str(FIXTURES / "ca.pem"))
    assert code == 3 and "trusted:           NO" in stdout
    code, stdout, _ = run(capsys, "sheets", "verify", *map(str, out.glob("*.pdf")))
    assert code == 0 and "not checked" in stdout


def test_wrong_passphrase_signs_nothing(with_identity, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out", str(out),
                            "--passphrase-file", secret(tmp_path, "salah kata sandi"))
    assert code == 1 and stdout == ""
    assert err.startswith("nilai: ") and "passphrase is not correct" in err and len(err.strip().splitlines()) == 1
    assert statuses(with_identity) == ["final"] * 4
    assert not out.exists() or not list(out.iterdir())
    assert not (with_identity / "sheets").exists()


def test_exporting_again_writes_nothing(with_identity, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["--data-dir", str(with_identity), "sheets", "export", "--out", str(out), "--passphrase-file",
            secret(tmp_path, PASS), "--json"]
    code, stdout, err = run(capsys, *args)
    assert code == 0 and len(json.loads(stdout)["signed"]) == 4
    assert "[" not in err, "--json keeps stderr quiet"
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    code, stdout, _ = run(capsys, *args)
    again = json.loads(stdout)
    assert code == 0 and again["signed"] == [] and again["already_signed"] == 4
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before
    code, stdout, _ = run(capsys, *args[:-1])
    assert code == 0 and "nothing to sign" in stdout and "4 already signed" in stdout


def test_export_by_day_and_language(with_identity, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out", str(out),
                            "--day", "2018-03-05", "--lang", "en", "--passphrase-file", secret(tmp_path, PASS),
                            "--json")
    assert code == 0, err
    result = json.loads(stdout)
    assert result["signed"] and all(Path(s["file"]).name.startswith("2018-03-05_") for s in result["signed"])
    code, _, err = run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out", str(out),
                       "--day", "5-3-2018", "--passphrase-file", secret(tmp_path, PASS))
    assert code == 1 and "YYYY-MM-DD" in err


def test_a_drawn_signature_alone_is_no_identity_and_survives_a_new_one(demo_dir, tmp_path, capsys):
    from app.sheets.export import signature_image_path

    picture = signature_image_path(demo_dir)
    picture.parent.mkdir(parents=True)
    picture.write_bytes(b"\x89PNG drawn earlier")
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "identity", "create",
                       "--passphrase-file", secret(tmp_path, PASS))
    assert code == 0, err
    assert identity.has_identity(demo_dir) and picture.read_bytes() == b"\x89PNG drawn earlier"
    code, _, err = run(capsys, "--data-dir", str(demo_dir), "identity", "create", "--replace",
                       "--passphrase-file", secret(tmp_path, PASS))
    assert code == 0, err
    assert picture.read_bytes() == b"\x89PNG drawn earlier"


def test_verify_with_another_assessors_certificate_is_one_line_per_problem(with_identity, tmp_path, capsys):
    """Another assessor's certificate as --trust: no validator traceback, and a changed sheet is reported as
    changed (trust means nothing for content that is not what was signed)."""
    out = tmp_path / "out"
    assert run(capsys, "--data-dir", str(with_identity), "sheets", "export", "--out", str(out),
               "--passphrase-file", secret(tmp_path, PASS))[0] == 0
    other_dir, other_cert = tmp_path / "other", tmp_path / "other.pem"
    assert run(capsys, "--data-dir", str(other_dir), "identity", "create", "--name", "Budi Lain", "--nip",
               "198001012010011002", "--org", "Dinas Kominfo", "--passphrase-file", secret(tmp_path, PASS))[0] == 0
    assert run(capsys, "--data-dir", str(other_dir), "identity", "export-cert", "--out", str(other_cert))[0] == 0
    sheet = sorted(out.glob("*.pdf"))[0]
    changed = tmp_path / "changed.pdf"
    blob = bytearray(sheet.read_bytes())
    blob[blob.index(b"ReportLab") + 3] ^= 0x20
    changed.write_bytes(bytes(blob))

    untrusted = nilai("sheets", "verify", str(sheet), "--trust", str(other_cert))
    assert untrusted.returncode == 3
    assert untrusted.stderr == "", untrusted.stderr  # was a 20-line traceback from the certificate validator
    assert f"{sheet}: valid, signer NOT trusted" in untrusted.stdout.splitlines()
    assert [line for line in untrusted.stdout.splitlines() if "problem:" in line] == [
        f"  problem: signer not trusted: fingerprint {identity.load_identity(with_identity).fingerprint}"]

    tampered = nilai("sheets", "verify", str(changed), "--trust", str(other_cert), "--json")
    assert tampered.returncode == 1 and tampered.stderr == "", tampered.stderr
    [report] = json.loads(tampered.stdout)
    assert report["problems"] == ["the signed content was changed"]
    assert not report["valid"] and not report["intact"]
