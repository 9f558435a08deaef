"""Bundles between encrypted stores (issue 13, lost laptop): sealed evidence goes out as its content,
and comes in sealed again; the bundle itself is the exported copy (encrypt it for the coordinator)."""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from app.store import cipher, sealed
from tests.bundles.helpers import Demo, Rich, run_cli


def _encrypt(data_dir: Path, passphrase_file: Path) -> None:
    assert run_cli("--data-dir", data_dir, "store", "encrypt", "--passphrase-file", passphrase_file) == 0
    cipher.forget()


def test_evidence_travels_between_encrypted_stores(rich: Rich, tmp_path: Path) -> None:
    root = tmp_path / "demo"
    shutil.copytree(rich.demo.root, root)
    demo = Demo(root, root / "coordinator", [root / "assessors" / p.name for p in rich.demo.assessors],
                root / "certs", root / "pass.txt")
    assessor, coordinator = demo.assessors[0], demo.coordinator
    photos = [p for p in (assessor / "evidence").rglob("*") if p.is_file()]
    assert len(photos) == 1 and not sealed.is_sealed(photos[0])
    content = photos[0].read_bytes()
    _encrypt(assessor, demo.passphrase_file)
    _encrypt(coordinator, demo.passphrase_file)
    assert sealed.is_sealed(photos[0]) and content not in photos[0].read_bytes()
    try:
        bundle = tmp_path / "sealed-evidence.nilai"
        assert run_cli("--data-dir", assessor, "bundle", "export", "--out", bundle,
                       "--passphrase-file", demo.passphrase_file, "--all") == 0  # checks the SHA-256 of the content
        cipher.forget()
        with zipfile.ZipFile(bundle) as archive:
            assert content in [archive.read(n) for n in archive.namelist() if n.startswith("evidence/")]
        os.environ["NILAI_PASSPHRASE_FILE"] = str(demo.passphrase_file)
        assert run_cli("--data-dir", coordinator, "bundle", "import", bundle, "--trust-dir", demo.certs) == 0
        cipher.forget()
        stored = coordinator / "evidence" / photos[0].parent.name / photos[0].name
        assert sealed.is_sealed(stored) and content not in stored.read_bytes()
        assert run_cli("--data-dir", coordinator, "check") == 0  # the sealed file's content matches its hash
    finally:
        os.environ.pop("NILAI_PASSPHRASE_FILE", None)
        cipher.forget()
        cipher.set_unlocker(None)
