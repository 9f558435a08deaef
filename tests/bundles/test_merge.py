"""Merge rules of the import, one at a time, through the API."""

from __future__ import annotations

import json
import shutil
import sqlite3
import uuid
import zipfile
from pathlib import Path

import pytest
from sqlmodel import select

from tests.bundles.helpers import (
    Demo,
    current_versions,
    db_digest,
    db_file,
    edit_with_history,
    export,
    file_sha,
    open_store_at,
    reopen_edit_finalize,
    resign_manifest,
    run_cli,
)


def _import(demo: Demo, *bundles: Path, data_dir: Path | None = None, workers: int = 0):
    from app.bundles.importer import import_bundles
    from app.bundles.trust import certs_from

    store = open_store_at(data_dir or demo.coordinator)
    try:
        return import_bundles(store, list(bundles), extra_trust=certs_from(directory=demo.certs), workers=workers)
    finally:
        store.close()


def _outcomes(report) -> dict[str, str]:
    return {r.version_id: r.outcome for b in report.bundles for r in b.records}


def test_fast_forward_over_a_gap_then_the_gap_arrives(demo: Demo, tmp_path: Path) -> None:
    b1 = export(demo, 0, tmp_path / "v1.nilai")
    _, v1, _ = current_versions(demo.assessors[0])[0]
    v2 = reopen_edit_finalize(demo.assessors[0], v1, choice=0)
    b2 = export(demo, 0, tmp_path / "v2.nilai")
    v3 = reopen_edit_finalize(demo.assessors[0], v2, choice=1, reason="panel minta koreksi")
    b3 = export(demo, 0, tmp_path / "v3.nilai")
    report = _import(demo, b1, b3, b2)
    outcomes = _outcomes(report)
    assert (outcomes[v1], outcomes[v3], outcomes[v2]) == ("imported", "fast_forwarded", "already_superseded")
    detail = next(r.detail for b in report.bundles for r in b.records if r.version_id == v3)
    assert "1 version(s) in between not received yet" in detail
    current = [v for _, v, _ in current_versions(demo.coordinator)]
    assert v3 in current and v1 not in current and v2 not in current


def test_same_version_with_different_content_is_kept_as_a_variant(demo: Demo, tmp_path: Path) -> None:
    from app.bundles.conflicts import open_conflicts, resolve_conflict
    from app.bundles.format import canonical_json
    from app.models.sync import VersionVariant
    from app.models.tables import Score

    good = export(demo, 0, tmp_path / "good.nilai")
    with zipfile.ZipFile(good) as z:
        name = sorted(n for n in z.namelist() if n.startswith("records/"))[0]
        record = json.loads(z.read(name))
    version_id = record["assessment"]["version_id"]
    first = record["scores"][0]
    edit_with_history(record, first["indicator_code"], level=1 if first["level"] != 1 else 2,
                      note="diubah setelah ekspor")
    data = canonical_json(record)

    def edit(manifest: dict) -> None:
        manifest["bundle_id"] = str(uuid.uuid4())
        for r in manifest["records"]:
            for f in r["files"]:
                if f["path"] == name:
                    f["sha256"], f["size"] = file_sha(data), len(data)

    other = resign_manifest(good, tmp_path / "other.nilai", edit, demo.assessors[0],
                            change=lambda n, d: data if n == name else d)
    report = _import(demo, good, other)
    assert _outcomes(report)[version_id] == "conflict"
    assert sum(1 for b in report.bundles for r in b.records if r.outcome == "already_present") == 5
    conflicts = open_conflicts(demo_store := open_store_at(demo.coordinator))
    try:
        assert [c.kind for c in conflicts] == ["same_version"]
        variant_id = conflicts[0].variant_id
        assert variant_id in conflicts[0].candidates
        chosen = resolve_conflict(demo_store, conflicts[0].record_id, variant_id, "the later export is right", "Koord")
        assert chosen == version_id
        with demo_store.transaction() as session:
            score = session.get(Score, (version_id, record["scores"][0]["indicator_code"]))
            assert (score.level, score.note) == (record["scores"][0]["level"], "diubah setelah ekspor")
            kept = session.exec(select(VersionVariant).where(VersionVariant.version_id == version_id)).all()
            assert len(kept) == 1 and "diubah setelah ekspor" not in kept[0].record_json
        assert open_conflicts(demo_store) == []
    finally:
        demo_store.close()


def test_an_assessor_known_with_another_certificate_is_refused(demo: Demo, tmp_path: Path) -> None:
    from app.identity import create_identity, load_identity

    first = export(demo, 0, tmp_path / "first.nilai")
    assert _import(demo, first).bundles[0].outcome == "imported"
    info = load_identity(demo.assessors[0])
    create_identity(demo.assessors[0], info.name, info.nip, info.organisation, "kata sandi rahasia 2018", replace=True)
    from app.identity import export_certificate

    export_certificate(demo.assessors[0], demo.cert(0))  # the coordinator would even trust the new certificate
    again = export(demo, 0, tmp_path / "again.nilai", "--all")
    before = db_digest(demo.coordinator)
    report = _import(demo, again)
    assert report.bundles[0].outcome == "rejected" and report.bundles[0].error_kind == "refused"
    assert "is known here with certificate" in report.bundles[0].reason
    assert db_digest(demo.coordinator) == before


def test_a_record_of_another_assessor_here_is_refused(demo: Demo, tmp_path: Path) -> None:
    from app.models.tables import Assessment, Assessor

    first = export(demo, 0, tmp_path / "first.nilai")
    _import(demo, first)
    record_id, version_id, _ = current_versions(demo.assessors[0])[0]
    store = open_store_at(demo.coordinator)
    try:
        with store.transaction() as session:
            other = session.exec(select(Assessor).where(Assessor.cert_fingerprint == None)).first()  # noqa: E711
            row = session.get(Assessment, version_id)
            row.assessor_id = other.id
            session.add(row)
    finally:
        store.close()
    reopen_edit_finalize(demo.assessors[0], version_id)
    newer = export(demo, 0, tmp_path / "newer.nilai")
    report = _import(demo, newer)
    assert report.bundles[0].outcome == "rejected"
    assert "belongs to another assessor here" in report.bundles[0].reason


def test_an_empty_store_learns_round_assessor_and_instrument_from_bundles(demo: Demo, tmp_path: Path) -> None:
    from app.models.tables import Assessor, Candidate, Round

    fresh = tmp_path / "fresh-coordinator"
    report = _import(demo, *(export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)), data_dir=fresh)
    assert [b.outcome for b in report.bundles] == ["imported"] * 3
    assert any("was not in this store: created from the bundle" in n for n in report.bundles[0].notes)
    store = open_store_at(fresh)
    try:
        with store.transaction() as session:
            assert len(session.exec(select(Round)).all()) == 1
            assert len(session.exec(select(Candidate)).all()) == 6
            assessors = session.exec(select(Assessor)).all()
            assert len(assessors) == 3 and all(a.cert_fingerprint for a in assessors)
    finally:
        store.close()


def test_a_bundle_for_a_round_with_another_instrument_is_rejected(demo: Demo, tmp_path: Path) -> None:
    from app.instruments import builtin_instruments
    from app.instruments.catalogue import store_instrument
    from app.models.tables import Round

    store = open_store_at(demo.coordinator)
    try:
        with store.transaction() as session:
            round_ = session.exec(select(Round)).one()
            other = next(i for i in builtin_instruments() if i.content_hash != round_.instrument_hash)
            store_instrument(session, other)
            round_.instrument_hash = other.content_hash
            session.add(round_)
    finally:
        store.close()
    before = db_digest(demo.coordinator)
    report = _import(demo, export(demo, 0, tmp_path / "a.nilai"))
    assert (report.bundles[0].outcome, report.bundles[0].error_kind) == ("rejected", "instrument")
    assert "the definitions differ" in report.bundles[0].reason
    assert db_digest(demo.coordinator) == before


def test_a_failure_while_writing_leaves_the_store_as_it_was(demo: Demo, tmp_path: Path, monkeypatch) -> None:
    from app.bundles import bulk
    from app.store import DiskFull

    bundle = export(demo, 0, tmp_path / "a.nilai")
    before = db_digest(demo.coordinator)
    real, real_tuples = bulk.insert_rows, bulk.insert_tuples
    calls = []

    def failing(connection, model, rows, sqlite, bulk):
        calls.append(model.__name__)
        return real(connection, model, rows, sqlite, bulk)

    def failing_tuples(connection, model, columns, rows, sqlite, bulk):  # (scores and change-log rows)
        calls.append(model.__name__)
        if model.__name__ == "ChangeLogEntry":
            raise DiskFull("The disk is full; nothing of the last change was written.")
        return real_tuples(connection, model, columns, rows, sqlite, bulk)

    monkeypatch.setattr(bulk, "insert_rows", failing)
    monkeypatch.setattr(bulk, "insert_tuples", failing_tuples)
    with pytest.raises(DiskFull):
        _import(demo, bundle)
    assert "Assessment" in calls  # rows were already inserted when it failed
    assert db_digest(demo.coordinator) == before
    monkeypatch.undo()
    assert _import(demo, bundle).bundles[0].outcome == "imported"


def test_bulk_rows_are_stored_exactly_as_the_orm_stores_them(demo: Demo, tmp_path: Path) -> None:
    from app.models.tables import Assessment

    _import(demo, export(demo, 0, tmp_path / "a.nilai"))
    _, version_id, _ = current_versions(demo.assessors[0])[0]
    query = ("SELECT a.created_at, a.finalized_at, a.is_current, a.in_conflict, s.updated_at, s.not_applicable "
             "FROM assessment a JOIN score s ON s.version_id = a.version_id WHERE a.version_id = ? "
             "ORDER BY s.indicator_code")
    rows = {}
    for name, data_dir in (("orm", demo.assessors[0]), ("bulk", demo.coordinator)):
        connection = sqlite3.connect(db_file(data_dir))
        rows[name] = connection.execute(query, (version_id,)).fetchall()
        connection.close()
    assert rows["bulk"] == rows["orm"] and rows["bulk"]
    store = open_store_at(demo.coordinator)
    try:
        with store.transaction() as session:
            imported = session.get(Assessment, version_id)
            assert imported.created_at.tzinfo is not None and imported.origin == "import"
    finally:
        store.close()


def test_the_helper_process_gives_the_same_result(demo: Demo, tmp_path: Path) -> None:
    bundles = [export(demo, i, tmp_path / f"{i}.nilai") for i in range(3)]
    broken = tmp_path / "broken.nilai"
    broken.write_bytes(bundles[0].read_bytes()[:5000])
    spare = tmp_path / "spare"
    shutil.copytree(demo.coordinator, spare)
    batch = [bundles[0], broken, bundles[1], bundles[0], bundles[2]]
    here = _import(demo, *batch, workers=0)
    helped = _import(demo, *batch, data_dir=spare, workers=1)
    summary = [(b.outcome, b.error_kind, b.counts) for b in here.bundles]
    assert summary == [(b.outcome, b.error_kind, b.counts) for b in helped.bundles]
    assert [b.outcome for b in here.bundles] == ["imported", "rejected", "imported", "already_imported", "imported"]
    assert current_versions(demo.coordinator) == current_versions(spare)


def test_cli_trust_list_conflicts_and_resolve(demo: Demo, tmp_path: Path, capsys) -> None:
    bundle = export(demo, 2, tmp_path / "c.nilai")
    capsys.readouterr()
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", bundle) == 1
    err = capsys.readouterr().err
    assert "is not trusted here" in err and "nilai bundle trust" in err
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", demo.cert(2)) == 0
    assert "trusted:" in capsys.readouterr().out
    assert run_cli("--data-dir", demo.coordinator, "bundle", "trust", "--json") == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", bundle, "--json") == 0
    assert json.loads(capsys.readouterr().out)["totals"] == {"imported": 6}
    assert run_cli("--data-dir", demo.coordinator, "bundle", "conflicts") == 0
    assert "no open conflicts" in capsys.readouterr().out
    assert run_cli("--data-dir", demo.coordinator, "bundle", "resolve", str(uuid.uuid4()), str(uuid.uuid4()),
                   "--reason", "x") == 1
    assert "has no open conflict" in capsys.readouterr().err
