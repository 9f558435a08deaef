"""A bundle is called "already imported" only once it is checked completely (issue 13, item 4): a copy of an
imported bundle with a file missing, added or changed is rejected, whichever way the batch checks it."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.bundles.helpers import Rich, db_digest, export, file_sha, rewrite_zip, run_cli


def _evidence_name(bundle: Path) -> str:
    with zipfile.ZipFile(bundle) as archive:
        return next(n for n in archive.namelist() if n.startswith("evidence/"))


def _missing(rich: Rich, target: Path) -> Path:
    name = _evidence_name(rich.bundle)
    return rewrite_zip(rich.bundle, target, lambda n, data: None if n == name else data)


def _extra(rich: Rich, target: Path) -> Path:
    stowaway = b"#!/bin/sh\necho hello\n"
    return rewrite_zip(rich.bundle, target, add=[("evidence/" + file_sha(stowaway), stowaway)])


def _changed(rich: Rich, target: Path) -> Path:
    name = _evidence_name(rich.bundle)
    return rewrite_zip(rich.bundle, target, lambda n, data: data[:-1] + bytes([data[-1] ^ 1]) if n == name else data)


CASES = {
    "a file missing": (_missing, "missing from the bundle"),
    "an extra file": (_extra, "is in the bundle but not in the signed manifest"),
    "a file changed": (_changed, "was changed after signing"),
}


@pytest.fixture
def imported(rich: Rich, tmp_path: Path) -> Path:
    """A coordinator that has imported the rich bundle."""
    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    assert run_cli("--data-dir", coordinator, "bundle", "import", rich.bundle, "--trust-dir", rich.demo.certs) == 0
    return coordinator


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_damaged_copy_of_an_imported_bundle_is_not_already_imported(rich: Rich, imported: Path, tmp_path: Path,
                                                                      case: str, capsys) -> None:
    make, words = CASES[case]
    damaged = make(rich, tmp_path / "copy.nilai")
    before = db_digest(imported)
    report = tmp_path / "report.json"
    capsys.readouterr()
    assert run_cli("--data-dir", imported, "bundle", "import", damaged, "--trust-dir", rich.demo.certs,
                   "--report", report) == 1
    [bundle] = json.loads(report.read_text(encoding="utf-8"))["bundles"]
    assert (bundle["outcome"], bundle["error_kind"]) == ("rejected", "tampered"), bundle
    assert words in bundle["reason"]
    assert db_digest(imported) == before
    # The intact bundle is still a repeat.
    assert run_cli("--data-dir", imported, "bundle", "import", rich.bundle, "--trust-dir", rich.demo.certs,
                   "--report", report) == 0
    assert json.loads(report.read_text(encoding="utf-8"))["bundles"][0]["outcome"] == "already_imported"


@pytest.mark.parametrize("workers", [0, 1])
def test_checked_ahead_or_in_the_helper_process_too(rich: Rich, imported: Path, tmp_path: Path, workers: int) -> None:
    """Behind another bundle's commit (checked ahead, its receipt looked up later) and in the helper process."""
    from app.bundles.importer import import_bundles
    from app.bundles.trust import certs_from
    from app.store import open_store

    good = export(rich.demo, 1, tmp_path / "good.nilai", "--all")
    copies = [make(rich, tmp_path / f"copy-{i}.nilai") for i, (make, _words) in enumerate(CASES.values())]
    store = open_store(imported)
    try:
        report = import_bundles(store, [good, *copies, rich.bundle], extra_trust=certs_from([], rich.demo.certs),
                                workers=workers)
    finally:
        store.close()
    assert [(b.outcome, b.error_kind) for b in report.bundles] == [
        ("imported", ""), *[("rejected", "tampered")] * len(copies), ("already_imported", "")]
    for bundle, (_make, words) in zip(report.bundles[1:], CASES.values(), strict=False):
        assert words in bundle.reason


def test_a_repeat_is_reported_with_the_bundle_id_and_signer_of_its_first_import(rich: Rich, tmp_path: Path) -> None:
    coordinator = tmp_path / "coordinator"
    shutil.copytree(rich.demo.coordinator, coordinator)
    reports = [tmp_path / "first.json", tmp_path / "again.json"]
    for report in reports:
        assert run_cli("--data-dir", coordinator, "bundle", "import", rich.bundle, "--trust-dir", rich.demo.certs,
                       "--report", report) == 0
    first, again = (json.loads(report.read_text(encoding="utf-8"))["bundles"][0] for report in reports)
    assert (first["outcome"], again["outcome"]) == ("imported", "already_imported")
    assert first["bundle_id"] and first["fingerprint"]
    assert (again["bundle_id"], again["fingerprint"]) == (first["bundle_id"], first["fingerprint"])
