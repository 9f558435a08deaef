"""Damaged and forged bundles are each rejected with a specific message and leave the coordinator's
database byte-for-byte unchanged (the SQLite file is hashed after the store is closed)."""

from __future__ import annotations

import json
import shutil
import stat
import struct
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.bundles.helpers import (
    Rich,
    db_digest,
    export,
    file_sha,
    open_store_at,
    resign_manifest,
    rewrite_zip,
    run_cli,
)


def _names(bundle: Path, prefix: str) -> list[str]:
    with zipfile.ZipFile(bundle) as z:
        return sorted(n for n in z.namelist() if n.startswith(prefix))


def _flip(data: bytes, at: float = 0.5) -> bytes:
    i = int(len(data) * at)
    return data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1:]


def _flip_in(prefix: str):
    def make(rich: Rich, target: Path) -> Path:
        name = _names(rich.bundle, prefix)[0]
        return rewrite_zip(rich.bundle, target, lambda n, d: _flip(d) if n == name else d)
    return make


def _swap_sheets(rich: Rich, target: Path) -> Path:
    a, b = _names(rich.bundle, "sheets/")[:2]
    with zipfile.ZipFile(rich.bundle) as z:
        data = {a: z.read(a), b: z.read(b)}
    return rewrite_zip(rich.bundle, target, lambda n, d: data[b] if n == a else data[a] if n == b else d)


def _swap_sheets_resigned(rich: Rich, target: Path) -> Path:
    """The assessor's own key re-signs a manifest whose sheets were swapped: the records still disagree."""
    a, b = _names(rich.bundle, "sheets/")[:2]
    with zipfile.ZipFile(rich.bundle) as z:
        data = {a: z.read(a), b: z.read(b)}
    swapped = {a: data[b], b: data[a]}

    def edit(manifest: dict) -> None:
        for record in manifest["records"]:
            for f in record["files"]:
                if f["path"] in swapped:
                    f["sha256"], f["size"] = file_sha(swapped[f["path"]]), len(swapped[f["path"]])

    return resign_manifest(rich.bundle, target, edit, rich.demo.assessors[0],
                           change=lambda n, d: swapped.get(n, d))


def _forged_other_key(rich: Rich, target: Path) -> Path:
    def edit(manifest: dict) -> None:
        manifest["records"][0]["status"] = manifest["records"][0]["status"]  # the same text, another signer
    return resign_manifest(rich.bundle, target, edit, rich.demo.assessors[1])


def _forged_outsider(rich: Rich, target: Path) -> Path:
    return resign_manifest(rich.bundle, target, lambda m: m["assessor"].update(nip=""), rich.outsider,
                           replace_cert=True)


def _zip_slip(path: str):
    def make(rich: Rich, target: Path) -> Path:
        return rewrite_zip(rich.bundle, target, add=[(path, b"owned")])
    return make


def _symlink(rich: Rich, target: Path) -> Path:
    info = zipfile.ZipInfo("evidence/" + "0" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return rewrite_zip(rich.bundle, target, add=[(info, b"/etc/passwd")])


def _duplicate(rich: Rich, target: Path) -> Path:
    name = _names(rich.bundle, "records/")[0]
    with zipfile.ZipFile(rich.bundle) as z:
        data = z.read(name)
    return rewrite_zip(rich.bundle, target, add=[(name, data)])


def _oversized(rich: Rich, target: Path) -> Path:
    """A record whose central-directory entry claims almost 4 GiB (checked before reading)."""
    name = _names(rich.bundle, "records/")[0].encode()
    data = bytearray(rich.bundle.read_bytes())
    pos = 0
    while True:
        pos = data.index(b"PK\x01\x02", pos)
        (name_len,) = struct.unpack_from("<H", data, pos + 28)
        if data[pos + 46:pos + 46 + name_len] == name:
            struct.pack_into("<I", data, pos + 24, 0xFFFF0000)
            break
        pos += 4
    target.write_bytes(bytes(data))
    return target


def _zip_bomb(rich: Rich, target: Path) -> Path:
    zeros = bytes(40 << 20)
    return rewrite_zip(rich.bundle, target, add=[("evidence/" + file_sha(zeros), zeros)])


def _truncated(rich: Rich, target: Path) -> Path:
    data = rich.bundle.read_bytes()
    target.write_bytes(data[: len(data) * 3 // 5])
    return target


def _not_a_zip(rich: Rich, target: Path) -> Path:
    target.write_bytes(b"%PDF-1.7 this is not a bundle" * 10)
    return target


def _extra_file(rich: Rich, target: Path) -> Path:
    name = _names(rich.bundle, "records/")[0]
    with zipfile.ZipFile(rich.bundle) as z:
        data = z.read(name)
    return rewrite_zip(rich.bundle, target, add=[(f"records/{uuid.uuid4()}.json", data)])


def _missing_evidence(rich: Rich, target: Path) -> Path:
    name = _names(rich.bundle, "evidence/")[0]
    return rewrite_zip(rich.bundle, target, lambda n, d: None if n == name else d)


def _record_edited_resigned(rich: Rich, target: Path, edit: Callable[[dict], None]) -> Path:
    """A record file changed by ``edit``, its manifest entry updated and re-signed by the assessor."""
    from app.bundles.format import canonical_json

    name = _names(rich.bundle, "records/")[0]
    with zipfile.ZipFile(rich.bundle) as z:
        record = json.loads(z.read(name))
    edit(record)
    data = canonical_json(record)

    def edit_manifest(manifest: dict) -> None:
        for r in manifest["records"]:
            for f in r["files"]:
                if f["path"] == name:
                    f["sha256"], f["size"] = file_sha(data), len(data)

    return resign_manifest(rich.bundle, target, edit_manifest, rich.demo.assessors[0],
                           change=lambda n, d: data if n == name else d)


def _score_changed_resigned(rich: Rich, target: Path) -> Path:
    """A trusted assessor's tool lifts a level without a change-log entry and re-signs: the replay gives it away."""
    def lift(record: dict) -> None:
        score = next(s for s in record["scores"] if s["level"] is not None)
        score["level"] = 1 if score["level"] != 1 else 2
    return _record_edited_resigned(rich, target, lift)


def _note_changed_resigned(rich: Rich, target: Path) -> Path:
    def rewrite(record: dict) -> None:
        record["scores"][0]["note"] += " (ditambahkan kemudian)"
    return _record_edited_resigned(rich, target, rewrite)


def _chain_edited_resigned(rich: Rich, target: Path) -> Path:
    """The assessor re-signs after editing an old change-log entry: the hash chain gives it away."""
    def reattribute(record: dict) -> None:
        record["change_log"][1]["actor"] = "orang lain"
    return _record_edited_resigned(rich, target, reattribute)


def _newer_format(rich: Rich, target: Path) -> Path:
    return resign_manifest(rich.bundle, target, lambda m: m.update(format_version=2), rich.demo.assessors[0])


def _signature_byte(rich: Rich, target: Path) -> Path:
    return rewrite_zip(rich.bundle, target, lambda n, d: _flip(d, 0.9) if n == "manifest.sig" else d)


def _unusable_key(rich: Rich, target: Path) -> Path:
    """certificate.pem still parses, but its key algorithm (id-ecPublicKey) is damaged into an unknown one."""
    import base64

    def change(name: str, data: bytes) -> bytes:
        if name != "certificate.pem":
            return data
        body = b"".join(line for line in data.splitlines() if not line.startswith(b"-----"))
        der = base64.b64decode(body)
        ec_public_key = bytes.fromhex("06072a8648ce3d0201")
        assert ec_public_key in der
        der = der.replace(ec_public_key, ec_public_key[:-1] + b"\x00", 1)
        lines = [base64.b64encode(der)[i:i + 64] for i in range(0, len(base64.b64encode(der)), 64)]
        return b"-----BEGIN CERTIFICATE-----\n" + b"\n".join(lines) + b"\n-----END CERTIFICATE-----\n"

    return rewrite_zip(rich.bundle, target, change)


CASES = {
    "record byte": (_flip_in("records/"), "tampered", "was changed after signing"),
    "evidence byte": (_flip_in("evidence/"), "tampered", "was changed after signing"),
    "sheet byte": (_flip_in("sheets/"), "tampered", "was changed after signing"),
    "instrument byte": (_flip_in("instruments/"), "tampered", "was changed after signing"),
    "manifest byte": (_flip_in("manifest.json"), "signature", "manifest signature is not valid"),
    "signature byte": (_signature_byte, "signature", "manifest signature is not valid"),
    "certificate with an unusable key": (_unusable_key, "signature", "holds a key this Nilai cannot use"),
    "swapped sheet": (_swap_sheets, "tampered", "was changed after signing"),
    "swapped sheet, re-signed": (_swap_sheets_resigned, "tampered", "swapped sheet"),
    "forged manifest (another key)": (_forged_other_key, "signature", "signed with another key (forged)"),
    "forged manifest (unknown certificate)": (_forged_outsider, "untrusted", "is not trusted here"),
    "zip-slip ..": (_zip_slip("../../evil.sh"), "unsafe", "zip-slip"),
    "zip-slip absolute": (_zip_slip("/tmp/evil.sh"), "unsafe", "absolute path"),
    "zip-slip backslash": (_zip_slip("evidence\\..\\..\\evil.sh"), "unsafe", "backslash"),
    "symlink entry": (_symlink, "unsafe", "symbolic link"),
    "duplicate name": (_duplicate, "unsafe", "appears twice"),
    "oversized entry": (_oversized, "unsafe", "oversized entry"),
    "zip bomb": (_zip_bomb, "unsafe", "zip bomb"),
    "truncated file": (_truncated, "damaged", "damaged or truncated"),
    "not a zip": (_not_a_zip, "damaged", "not a readable bundle"),
    "extra file": (_extra_file, "tampered", "not in the signed manifest"),
    "missing file": (_missing_evidence, "tampered", "missing from the bundle"),
    "change log edited, re-signed": (_chain_edited_resigned, "record", "hash chain is broken"),
    "score changed without a log entry, re-signed": (_score_changed_resigned, "record",
                                                      "changed without a change-log entry"),
    "note changed without a log entry, re-signed": (_note_changed_resigned, "record",
                                                     "changed without a change-log entry"),
    "newer format version": (_newer_format, "format", "newer than this Nilai reads"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_tampered_bundle_is_rejected_and_the_database_is_unchanged(rich: Rich, case: str, capsys) -> None:
    make, kind, words = CASES[case]
    bad = make(rich, rich.work / f"bad-{case.replace(' ', '-').replace('/', '-')}.nilai")
    before = db_digest(rich.demo.coordinator)
    evidence_before = sorted(p.name for p in (rich.demo.coordinator / "evidence").rglob("*")) \
        if (rich.demo.coordinator / "evidence").exists() else []
    report = rich.work / "report.json"
    capsys.readouterr()
    code = run_cli("--data-dir", rich.demo.coordinator, "bundle", "import", bad, "--trust-dir", rich.demo.certs,
                   "--report", report)
    err = capsys.readouterr().err
    assert code == 1
    assert words in err, err
    bundle = json.loads(report.read_text(encoding="utf-8"))["bundles"][0]
    assert (bundle["outcome"], bundle["error_kind"]) == ("rejected", kind), bundle["reason"]
    assert db_digest(rich.demo.coordinator) == before
    evidence_after = sorted(p.name for p in (rich.demo.coordinator / "evidence").rglob("*")) \
        if (rich.demo.coordinator / "evidence").exists() else []
    assert evidence_after == evidence_before
    assert not list(rich.demo.root.parent.rglob("evil.sh"))


def test_the_untouched_rich_bundle_imports(rich: Rich, tmp_path: Path) -> None:
    """The control: the same bundle, unmodified, verifies and imports (with its sheets and evidence)."""
    from sqlmodel import select

    from app.models.tables import Assessment, Evidence

    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    assert run_cli("--data-dir", coordinator, "bundle", "verify", rich.bundle, "--trust-dir", rich.demo.certs) == 0
    assert run_cli("--data-dir", coordinator, "bundle", "import", rich.bundle, "--trust-dir", rich.demo.certs) == 0
    store = open_store_at(coordinator)
    try:
        with store.transaction() as session:
            signed = session.exec(select(Assessment).where(Assessment.status == "signed")).all()
            assert len(signed) == 2
            for a in signed:
                assert (coordinator / a.sheet_path).is_file()
                assert file_sha((coordinator / a.sheet_path).read_bytes()) == a.sheet_sha256
            evidence = session.exec(select(Evidence)).all()
            assert evidence and all((coordinator / e.stored_path).is_file() for e in evidence)
    finally:
        store.close()


def test_one_bad_bundle_in_a_batch_is_rejected_and_the_rest_import(rich: Rich, tmp_path: Path, capsys) -> None:
    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    good = export(rich.demo, 1, tmp_path / "good.nilai")
    bad = _truncated(rich, tmp_path / "bad.nilai")
    report = tmp_path / "report.json"
    capsys.readouterr()
    code = run_cli("--data-dir", coordinator, "bundle", "import", bad, rich.bundle, good, "--trust-dir",
                   rich.demo.certs, "--report", report)
    assert code == 1
    assert "1 of 3 bundle(s) rejected" in capsys.readouterr().err
    outcomes = [(b["file"], b["outcome"]) for b in json.loads(report.read_text(encoding="utf-8"))["bundles"]]
    assert outcomes == [("bad.nilai", "rejected"), ("rich.nilai", "imported"), ("good.nilai", "imported")]
