"""Export (assessor side): what goes in, the private key never, atomic writes, encryption, the schemas."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from app.sheets import export as sheet_export
from tests.bundles.helpers import (
    PASSPHRASE,
    Demo,
    current_versions,
    export,
    open_store_at,
    reopen_edit_finalize,
    run_cli,
    unlock_dir,
)


def _entries(bundle: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(bundle) as z:
        return {name: z.read(name) for name in z.namelist()}


def test_bundle_layout_and_the_private_key_never_goes_in(demo: Demo, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization

    bundle = export(demo, 0, tmp_path / "a.nilai")
    entries = _entries(bundle)
    assert {"manifest.json", "manifest.sig", "certificate.pem"} <= set(entries)
    assert sum(1 for n in entries if n.startswith("records/")) == 6
    assert sum(1 for n in entries if n.startswith("instruments/")) == 1
    key_pem = (demo.assessors[0] / "identity" / "key.pem").read_bytes()
    unlocked = unlock_dir(demo.assessors[0])
    der = unlocked.private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                             serialization.NoEncryption())
    raw_scalar = unlocked.private_key.private_numbers().private_value.to_bytes(32, "big")
    blob = bundle.read_bytes() + b"".join(entries.values())
    for secret in (b"PRIVATE KEY", key_pem, der, raw_scalar, der.hex().encode(), PASSPHRASE.encode()):
        assert secret not in blob
    manifest = json.loads(entries["manifest.json"])
    assert manifest["assessor"]["certificate"].encode() == entries["certificate.pem"]
    assert all(r["status"] == "final" and r["signed"] is False for r in manifest["records"])


def test_since_last_is_the_default_and_all_exports_everything_again(demo: Demo, tmp_path: Path, capsys) -> None:
    export(demo, 0, tmp_path / "first.nilai")
    capsys.readouterr()
    assert run_cli("--data-dir", demo.assessors[0], "bundle", "export", "--out", tmp_path / "second.nilai",
                   "--passphrase-file", demo.passphrase_file) == 1
    assert "nothing new to export" in capsys.readouterr().err
    assert not (tmp_path / "second.nilai").exists()
    export(demo, 0, tmp_path / "all.nilai", "--all")
    assert sum(1 for n in _entries(tmp_path / "all.nilai") if n.startswith("records/")) == 6
    _, version, _ = current_versions(demo.assessors[0])[0]
    new = reopen_edit_finalize(demo.assessors[0], version)
    export(demo, 0, tmp_path / "since.nilai", "--since-last")
    manifest = json.loads(_entries(tmp_path / "since.nilai")["manifest.json"])
    assert [r["version_id"] for r in manifest["records"]] == [new]


def test_a_signed_version_goes_out_again_with_its_sheet(demo: Demo, tmp_path: Path) -> None:
    export(demo, 0, tmp_path / "final.nilai")
    _, version, _ = current_versions(demo.assessors[0])[0]
    store = open_store_at(demo.assessors[0])
    try:
        sheet_export.sign_one(store, version, unlock_dir(demo.assessors[0]))
    finally:
        store.close()
    export(demo, 0, tmp_path / "signed.nilai")
    entries = _entries(tmp_path / "signed.nilai")
    manifest = json.loads(entries["manifest.json"])
    assert [(r["version_id"], r["status"], r["signed"]) for r in manifest["records"]] == [(version, "signed", True)]
    assert f"sheets/{version}.pdf" in entries
    # The coordinator that had the final version takes the signature in as an update.
    report = tmp_path / "report.json"
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", tmp_path / "final.nilai",
                   tmp_path / "signed.nilai", "--trust-dir", demo.certs, "--report", report) == 0
    outcomes = [r["outcome"] for b in json.loads(report.read_text())["bundles"] for r in b["records"]]
    assert outcomes.count("updated") == 1 and outcomes.count("imported") == 6
    # ...and an old final export arriving after the signed one changes nothing.
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", tmp_path / "final.nilai") == 0


def test_a_failed_export_leaves_no_file(demo: Demo, tmp_path: Path, monkeypatch, capsys) -> None:
    import app.bundles.export

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(app.bundles.export, "sign_bytes", broken)
    out = tmp_path / "a.nilai"
    out.write_bytes(b"previous bundle")
    assert run_cli("--data-dir", demo.assessors[0], "bundle", "export", "--out", out, "--passphrase-file",
                   demo.passphrase_file) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert out.read_bytes() == b"previous bundle"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.nilai", "demo"]
    monkeypatch.undo()
    export(demo, 0, out)  # nothing was recorded as exported: everything still goes out
    assert sum(1 for n in _entries(out) if n.startswith("records/")) == 6


def test_wrong_passphrase_and_missing_folder(demo: Demo, tmp_path: Path, capsys) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase")
    assert run_cli("--data-dir", demo.assessors[0], "bundle", "export", "--out", tmp_path / "a.nilai",
                   "--passphrase-file", wrong) == 1
    assert "passphrase" in capsys.readouterr().err.lower()
    assert run_cli("--data-dir", demo.assessors[0], "bundle", "export", "--out", tmp_path / "no" / "a.nilai",
                   "--passphrase-file", demo.passphrase_file) == 1
    assert "does not exist" in capsys.readouterr().err


def test_encrypted_for_the_coordinator(demo: Demo, tmp_path: Path, capsys) -> None:
    from app.identity import create_identity, export_certificate

    create_identity(demo.coordinator, "Koordinator", "197501012000031001", "Kominfo", PASSPHRASE)
    cert = export_certificate(demo.coordinator, tmp_path / "coordinator.pem")
    bundle = export(demo, 0, tmp_path / "sealed.nilai", "--to", cert)
    entries = _entries(bundle)
    assert set(entries) == {"manifest.json", "manifest.sig", "certificate.pem", "payload.enc"}
    outer = json.loads(entries["manifest.json"])
    assert outer["encrypted"] is True and "records" not in outer and "rounds" not in outer
    plain = export(demo, 0, tmp_path / "plain.nilai", "--all")
    for version_id in (r["version_id"] for r in json.loads(_entries(plain)["manifest.json"])["records"]):
        assert version_id.encode() not in bundle.read_bytes()

    # Without the coordinator's identity unlocked, nothing can be read.
    other = tmp_path / "elsewhere"
    assert run_cli("--data-dir", other, "bundle", "import", bundle, "--trust-dir", demo.certs) == 1
    assert "encrypted for the certificate" in capsys.readouterr().err
    # An assessor's own data directory is the wrong recipient.
    assert run_cli("--data-dir", demo.assessors[1], "bundle", "verify", bundle, "--trust-dir", demo.certs,
                   "--passphrase-file", demo.passphrase_file) == 1
    assert "encrypted for another certificate" in capsys.readouterr().err
    report = tmp_path / "report.json"
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", bundle, "--trust-dir", demo.certs,
                   "--passphrase-file", demo.passphrase_file, "--report", report) == 0
    result = json.loads(report.read_text())["bundles"][0]
    assert result["encrypted"] is True and result["counts"] == {"imported": 6}
    # Known by its outer manifest: a fast no-op that needs no passphrase.
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", bundle, "--report", report) == 0
    assert json.loads(report.read_text())["bundles"][0]["outcome"] == "already_imported"


def test_exported_files_follow_the_published_schemas(demo: Demo, tmp_path: Path) -> None:
    from jsonschema import Draft202012Validator

    from app.bundles.schema import SCHEMAS, docs_dir, schema_text

    for name, schema in SCHEMAS.items():
        assert (docs_dir() / name).read_text(encoding="utf-8") == schema_text(schema), \
            f"docs/schemas/{name} is stale: run python -m app.bundles.schema"
    manifest_schema = Draft202012Validator(json.loads((docs_dir() / "bundle-manifest.schema.json").read_text()))
    record_schema = Draft202012Validator(json.loads((docs_dir() / "bundle-record.schema.json").read_text()))
    _, version, _ = current_versions(demo.assessors[0])[0]
    reopen_edit_finalize(demo.assessors[0], version)
    for i in range(3):
        entries = _entries(export(demo, i, tmp_path / f"{i}.nilai", "--all"))
        manifest_schema.validate(json.loads(entries["manifest.json"]))
        for name, data in entries.items():
            if name.startswith("records/"):
                record_schema.validate(json.loads(data))
