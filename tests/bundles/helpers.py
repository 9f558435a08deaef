"""Helpers for bundle tests: run the CLI, hash a database, rewrite and re-sign bundles."""

from __future__ import annotations

import hashlib
import io
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

PASSPHRASE = "kata sandi rahasia 2018"


@dataclass
class Demo:
    root: Path
    coordinator: Path
    assessors: list[Path]
    certs: Path  # one PEM per assessor
    passphrase_file: Path

    def cert(self, index: int) -> Path:
        return self.certs / f"{self.assessors[index].name}.pem"


def run_cli(*args: str | Path) -> int:
    from app.cli import main

    return main([str(a) for a in args])


def unlock_dir(directory: Path):
    from app.identity import unlock

    return unlock(directory, PASSPHRASE)


def export(demo: Demo, index: int, out: Path, *extra: str | Path) -> Path:
    assert run_cli("--data-dir", demo.assessors[index], "bundle", "export", "--out", out,
                   "--passphrase-file", demo.passphrase_file, *extra) == 0
    return out


def db_file(data_dir: Path) -> Path:
    from app.base.paths import DATABASE_FILE

    return data_dir / DATABASE_FILE


def db_digest(data_dir: Path) -> str:
    """SHA-256 of the SQLite file (and of its WAL, if a connection left one): byte-for-byte state."""
    digest = hashlib.sha256(db_file(data_dir).read_bytes())
    wal = db_file(data_dir).with_name(db_file(data_dir).name + "-wal")
    if wal.exists():
        digest.update(b"wal:" + wal.read_bytes())
    return digest.hexdigest()


def open_coordinator(demo: Demo):
    from app.store import open_store

    return open_store(demo.coordinator)


def rewrite_zip(source: Path, target: Path, change: Callable[[str, bytes], bytes | None] | None = None,
                add: list[tuple[zipfile.ZipInfo | str, bytes]] | None = None) -> Path:
    """Copy a zip entry by entry; ``change(name, data)`` returns new bytes, or None to drop the entry."""
    with zipfile.ZipFile(source) as src:
        entries = [(info, src.read(info.filename)) for info in src.infolist()]
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are written on purpose in some tests
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as dst:
            for info, data in entries:
                new = change(info.filename, data) if change else data
                if new is not None:
                    dst.writestr(info, new)
            for info, data in add or []:
                dst.writestr(info, data)
    target.write_bytes(buffer.getvalue())
    return target


def resign_manifest(source: Path, target: Path, edit: Callable[[dict], None], signer_dir: Path,
                    replace_cert: bool = False, change: Callable[[str, bytes], bytes | None] | None = None) -> Path:
    """Edit the manifest and sign it again with the identity in ``signer_dir`` (a forger, or the assessor)."""
    import json

    from app.bundles.format import manifest_json
    from app.identity import sign_bytes

    unlocked = unlock_dir(signer_dir)
    with zipfile.ZipFile(source) as src:
        manifest = json.loads(src.read("manifest.json"))
    edit(manifest)
    if replace_cert:
        manifest["assessor"]["certificate"] = unlocked.info.cert_pem
        manifest["assessor"]["fingerprint"] = unlocked.fingerprint
    raw = manifest_json(manifest)
    signature = sign_bytes(unlocked, raw)

    def apply(name: str, data: bytes) -> bytes | None:
        if name == "manifest.json":
            return raw
        if name == "manifest.sig":
            return signature
        if name == "certificate.pem" and replace_cert:
            return unlocked.info.cert_pem.encode("ascii")
        return change(name, data) if change else data

    return rewrite_zip(source, target, apply)


def file_sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_store_at(data_dir: Path):
    from app.store import open_store

    return open_store(data_dir)


def current_versions(data_dir: Path) -> list[tuple[str, str, str]]:
    """(record id, version id, region code) of every current version in a store, sorted by region."""
    from sqlmodel import select

    from app.models.tables import Assessment

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            rows = session.exec(select(Assessment).where(Assessment.is_current == True)).all()  # noqa: E712
            return sorted(((a.record_id, a.version_id, a.region_code) for a in rows), key=lambda t: t[2])
    finally:
        store.close()


def reopen_edit_finalize(data_dir: Path, version_id: str, choice: int = 0, reason: str = "salah ketik") -> str:
    """The assessor reopens a version, changes one level (the ``choice``-th possible change), finalizes."""
    from app import assessments
    from app.instruments.catalogue import load_instrument

    store = open_store_at(data_dir)
    try:
        actor = "penilai"
        new = assessments.reopen(store, version_id, reason, actor)
        with store.transaction() as session:
            from app.assessments import get_version, marks_of

            row = get_version(session, new)
            instrument = load_instrument(session, row.instrument_hash)
            marks = marks_of(session, new)
        options = []
        for indicator in instrument.indicators():
            mark = marks.get(indicator.code)
            for level in indicator.levels:
                if mark is not None and level.level != mark.level and not level.requires_note \
                        and not level.requires_evidence:
                    options.append((indicator.code, level.level))
        code, level = options[choice]
        assessments.set_level(store, new, code, level, actor)
        assessments.finalize(store, new, actor)
        return new
    finally:
        store.close()


def edit_with_history(record: dict, indicator_code: str, *, level: int | None = None, note: str | None = None) -> None:
    """Change a record's score the way Nilai would have (another history of the same version): the edits
    enter the change log before the version was finalized, and the chain from there is hashed anew."""
    import uuid

    from app.bundles.manifest import entry_hash_of

    score = next(s for s in record["scores"] if s["indicator_code"] == indicator_code)
    version_id = record["assessment"]["version_id"]
    log = record["change_log"]
    at = next(i for i in range(len(log) - 1, -1, -1) if log[i]["field"] == "status" and log[i]["new"] == "final")
    added = []
    for field, old, new in (("level", score["level"], level), ("note", score["note"], note)):
        if new is None:
            continue
        added.append({**log[at], "id": str(uuid.uuid4()), "field": field, "indicator_code": indicator_code,
                      "old": "" if old is None else str(old), "new": str(new), "reason": "", "kind": "edit",
                      "undoes": None, "version_id": version_id})
        score[field] = new
    log[at:at] = added
    for position in range(at, len(log)):
        entry = log[position]
        entry["position"] = position
        entry["prev_hash"] = log[position - 1]["entry_hash"]
        entry["entry_hash"] = entry_hash_of(entry, entry["prev_hash"])


@dataclass
class Branch:
    """Two versions of one record from one parent, each in a bundle: what a restored backup leads to."""

    record: str
    parent: str
    a: str
    b: str
    bundle_a: Path
    bundle_b: Path


def branch_bundles(demo: Demo, index: int, out: Path, twin: Path) -> Branch:
    """Assessor ``index`` works on two copies of the laptop (``twin`` the copy) and exports from both."""
    import shutil

    shutil.copytree(demo.assessors[index], twin)
    record, parent, _ = current_versions(demo.assessors[index])[0]
    a = reopen_edit_finalize(demo.assessors[index], parent, choice=0)
    b = reopen_edit_finalize(twin, parent, choice=1, reason="catatan panel")
    bundle_a = export(demo, index, out / f"assessor{index}-a.nilai")
    assert run_cli("--data-dir", twin, "bundle", "export", "--out", out / f"assessor{index}-b.nilai",
                   "--passphrase-file", demo.passphrase_file) == 0
    return Branch(record, parent, a, b, bundle_a, out / f"assessor{index}-b.nilai")


@dataclass
class Rich:
    demo: Demo
    bundle: Path  # assessor 0: signed sheets, evidence, final versions
    outsider: Path  # a data directory with an identity nobody trusts
    work: Path


def make_rich(demo_template: Demo, root: Path) -> Rich:
    """A copy of the demo whose assessor 0 has evidence and signed sheets, its bundle exported, and a
    coordinator that already holds assessor 2's bundle (the database is not empty)."""
    import shutil

    from app import assessments
    from app.assessments import marks_of
    from app.identity import create_identity
    from app.sheets import export as sheet_export

    shutil.copytree(demo_template.root, root / "demo")
    demo = Demo(root / "demo", root / "demo" / "coordinator",
                [root / "demo" / "assessors" / p.name for p in demo_template.assessors], root / "demo" / "certs",
                root / "demo" / "pass.txt")
    assessor = demo.assessors[0]
    versions = current_versions(assessor)
    store = open_store_at(assessor)
    try:
        # One version gets evidence (a reopened, finalized version), two get signed sheets.
        new = assessments.reopen(store, versions[0][1], "lampiran bukti", "penilai")
        photo = root / "foto-ruang-server.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 64)
        with store.transaction() as session:
            code = sorted(marks_of(session, new))[0]
        assessments.add_evidence(store, new, code, photo, "penilai")
        assessments.finalize(store, new, "penilai")
        unlocked = unlock_dir(assessor)
        for version_id in (versions[1][1], versions[2][1]):
            sheet_export.sign_one(store, version_id, unlocked)
    finally:
        store.close()
    work = root / "work"
    work.mkdir()
    bundle = export(demo, 0, work / "rich.nilai")
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", export(demo, 2, work / "other.nilai"),
                   "--trust-dir", demo.certs) == 0
    outsider = root / "outsider"
    outsider.mkdir()
    create_identity(outsider, "Penyusup", "199001012020011001", "Tidak Dikenal", PASSPHRASE)
    return Rich(demo, bundle, outsider, work)
