"""A second certificate for a known assessor: a bundle signed with a new key that carries the name and
NIP of an assessor trusted here is not "just another unknown certificate". The rejection names the
situation with both fingerprints; only an explicit renewal (CLI ``--renewal-of``, or the intake's
renew_and_import) trusts it, and the assessor's records stay under one assessor row."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from app.bundles import report as R
from app.bundles.errors import BundleError
from app.bundles.intake import import_files, renew_and_import, trust_and_import
from app.bundles.trust import REPLACED, cert_info
from tests.bundles.helpers import PASSPHRASE, Demo, export, open_store_at, resign_manifest, run_cli


def renew_identity(demo: Demo, index: int, tmp_path: Path) -> tuple[Path, str, str]:
    """The assessor makes a new key (same name and NIP); returns (new cert file, old fp, new fp)."""
    from app.identity import create_identity, export_certificate, load_identity

    old = cert_info(demo.cert(index)).fingerprint
    info = load_identity(demo.assessors[index])
    create_identity(demo.assessors[index], info.name, info.nip, info.organisation, PASSPHRASE, replace=True)
    new_cert = tmp_path / "renewed.pem"
    export_certificate(demo.assessors[index], new_cert)
    return new_cert, old, cert_info(new_cert).fingerprint


def assessors_with(data_dir: Path, nip: str) -> list[tuple[str, str]]:
    from app.models.tables import Assessment, Assessor

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            rows = session.exec(select(Assessor).where(Assessor.nip == nip)).all()
            owners = set(session.exec(select(Assessment.assessor_id)).all())
            assert owners <= {a.id for a in session.exec(select(Assessor)).all()}
            return [(r.id, r.cert_fingerprint or "") for r in rows]
    finally:
        store.close()


@pytest.fixture
def renewed(demo: Demo, tmp_path: Path):
    """Assessor 0's first bundle imported under the old key, then a bundle signed with the renewed key."""
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", demo.cert(0)) == 0
    first = export(demo, 0, tmp_path / "first.nilai")
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", first) == 0
    export(demo, 0, tmp_path / "before-renewal.nilai", "--all")  # old key, not imported yet
    new_cert, old_fp, new_fp = renew_identity(demo, 0, tmp_path)
    again = export(demo, 0, tmp_path / "again.nilai", "--all")
    return again, new_cert, old_fp, new_fp, cert_info(new_cert).nip


def test_the_import_names_a_renewal_or_impostor_with_both_fingerprints(demo: Demo, renewed, capsys) -> None:
    again, _new_cert, old_fp, new_fp, _nip = renewed
    capsys.readouterr()
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", again) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "renewal or an impostor" in err[0]
    assert old_fp[:16] in err[0] and new_fp in err[0] and "--renewal-of" in err[0]

    store = open_store_at(demo.coordinator)
    try:
        outcome = import_files(store, [again])
        assert [b.error_kind for b in outcome.report.bundles] == ["untrusted"]
        [unknown] = outcome.unknown
        assert unknown.info.fingerprint == new_fp
        assert unknown.known is not None and unknown.known.fingerprint == old_fp
        assert unknown.known.assessor_id is not None
        with pytest.raises(BundleError, match="accept this one as a renewal"):  # not the plain Trust
            trust_and_import(store, unknown.info, [again])
        assert new_fp not in {fp for _, fp in assessors_with(demo.coordinator, unknown.info.nip)}
    finally:
        store.close()


def test_accepting_the_renewal_links_the_new_key_to_the_same_assessor(demo: Demo, renewed, tmp_path: Path) -> None:
    from app.models.sync import TrustedCertificate

    again, _new_cert, old_fp, new_fp, nip = renewed
    [(assessor_id, _)] = assessors_with(demo.coordinator, nip)
    store = open_store_at(demo.coordinator)
    try:
        [unknown] = import_files(store, [again]).unknown
        outcome = renew_and_import(store, unknown.info, nip, [again])
        assert [b.outcome for b in outcome.report.bundles] == [R.BUNDLE_IMPORTED]
        with store.transaction() as session:
            old = session.get(TrustedCertificate, old_fp)
            assert old is not None and old.source.startswith(REPLACED)  # kept, marked replaced
            assert session.get(TrustedCertificate, new_fp).source == f"renewal of {old_fp[:16]}"
    finally:
        store.close()
    assert assessors_with(demo.coordinator, nip) == [(assessor_id, new_fp)]  # one assessor, the new key


def test_cli_renewal_of_and_bundles_signed_before_it_still_import(demo: Demo, renewed, tmp_path: Path, capsys) -> None:
    again, new_cert, old_fp, new_fp, nip = renewed
    [(assessor_id, _)] = assessors_with(demo.coordinator, nip)
    capsys.readouterr()
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", new_cert, "--renewal-of", "9" + nip[1:]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot renew" in err[0] and "Traceback" not in err[0]
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", new_cert, "--renewal-of", nip) == 0
    out = capsys.readouterr().out
    assert "renewal of" in out and old_fp in out and new_fp in out
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", again) == 0
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", tmp_path / "before-renewal.nilai") == 0
    assert assessors_with(demo.coordinator, nip) == [(assessor_id, new_fp)]


def test_a_certificate_of_someone_unknown_cannot_be_a_renewal(demo: Demo, capsys) -> None:
    nip = cert_info(demo.cert(1)).nip
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", demo.cert(1), "--renewal-of", nip) != 0
    assert "nilai bundle trust CERT.pem" in capsys.readouterr().err


def test_a_renewed_identity_with_a_new_assessor_id_stays_one_assessor(demo: Demo, renewed, tmp_path: Path,
                                                                      capsys) -> None:
    """Trusted in passing (--trust), the new key would have made a second assessor: refused until accepted."""
    import hashlib
    import json
    import uuid
    import zipfile

    again, new_cert, old_fp, new_fp, nip = renewed
    [(assessor_id, _)] = assessors_with(demo.coordinator, nip)

    fresh = str(uuid.uuid4()).encode("ascii")
    with zipfile.ZipFile(again) as archive:
        old_id = json.loads(archive.read("manifest.json"))["assessor"]["id"].encode("ascii")
        changed = {n: archive.read(n).replace(old_id, fresh) for n in archive.namelist() if n.startswith("records/")}

    def new_id(manifest: dict) -> None:  # the assessor's new data directory: a new assessor id throughout
        manifest["assessor"]["id"] = fresh.decode("ascii")
        for record in manifest["records"]:
            for file in record["files"]:
                if file["path"] in changed:
                    file["sha256"] = hashlib.sha256(changed[file["path"]]).hexdigest()
                    file["size"] = len(changed[file["path"]])

    other = resign_manifest(again, tmp_path / "new-id.nilai", new_id, demo.assessors[0],
                            change=lambda name, data: changed.get(name, data))
    capsys.readouterr()
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", other, "--trust", new_cert) == 1
    err = capsys.readouterr().err
    assert "renewal or an impostor" in err and old_fp[:16] in err and new_fp in err
    assert assessors_with(demo.coordinator, nip) == [(assessor_id, old_fp)]

    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", new_cert, "--renewal-of", nip) == 0
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", other) == 0
    assert assessors_with(demo.coordinator, nip) == [(assessor_id, new_fp)]
