"""Return for revision without the sync service: the coordinator returns an assessment with a comment
(`nilai round return`), the next round package carries it, `nilai round import` on the laptop takes
it in, the assessor reopens it (the comment is the new version's reason), finalizes, hands the bundle
in, and the coordinator's store shows the return answered."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlmodel import select

from app.base.ids import short_id
from tests.bundles.helpers import PASSPHRASE, Demo, current_versions, export, open_store_at, run_cli

COMMENT = "I2.3: tingkat 4 butuh bukti anggaran; lampirkan DPA 2018 atau turunkan tingkatnya"


def _setup(demo: Demo, tmp_path: Path) -> tuple[str, str]:
    """Assessor 0's bundle imported by the coordinator; (region code, assessor NIP) of one assessment."""
    from app.bundles.trust import cert_info
    from app.identity import create_identity

    create_identity(demo.coordinator, "Koordinator Nasional", "197501012000031001", "Kominfo", PASSPHRASE)
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", export(demo, 0, tmp_path / "a0.nilai"),
                   "--trust", demo.cert(0)) == 0
    region = current_versions(demo.assessors[0])[0][2]
    return region, cert_info(demo.cert(0)).nip


def _returns(data_dir: Path, capsys) -> list[dict]:
    capsys.readouterr()
    assert run_cli("--data-dir", data_dir, "round", "return", "--list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_return_travels_in_the_round_package_and_is_answered_by_the_revised_version(
        demo: Demo, tmp_path: Path, capsys) -> None:
    from app.assessments import finalize
    from app.assessments.returns import for_record, reopen_for_revision
    from app.models.tables import Assessment

    region, nip = _setup(demo, tmp_path)
    record, returned_version, _ = current_versions(demo.assessors[0])[0]
    assert run_cli("--data-dir", demo.coordinator, "round", "return", "--region", region, "--assessor", nip,
                   "--comment", COMMENT, "--actor", "Koordinator <197501012000031001>") == 0
    [made] = _returns(demo.coordinator, capsys)
    assert (made["record_id"], made["version_id"], made["state"], made["comment"]) == \
        (record, returned_version, "open", COMMENT)
    assert made["returned_by"] == "Koordinator <197501012000031001>"
    # the same assessment again while open: refused, one line, nothing added
    assert run_cli("--data-dir", demo.coordinator, "round", "return", "--region", region, "--assessor", nip,
                   "--comment", "lagi") == 1
    assert "already returned" in capsys.readouterr().err
    assert len(_returns(demo.coordinator, capsys)) == 1

    package = tmp_path / "ronde.nilairound"
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", package,
                   "--passphrase-file", demo.passphrase_file) == 0
    with zipfile.ZipFile(package) as archive:
        carried = json.loads(archive.read("package.json"))["returns"]
    assert [r["id"] for r in carried] == [made["id"]]
    for index in (0, 1):  # one package for everyone: each laptop keeps only its own assessor's returns
        assert run_cli("--data-dir", demo.assessors[index], "round", "import", package) == 0
    other = open_store_at(demo.assessors[1])
    try:
        from app.models.returns import RevisionReturn

        with other.transaction() as session:
            assert session.exec(select(RevisionReturn)).all() == []
    finally:
        other.close()

    store = open_store_at(demo.assessors[0])
    try:
        waiting = for_record(store, record)
        assert waiting is not None and waiting.state == "open" and waiting.comment == COMMENT
        new = reopen_for_revision(store, waiting.id, "penilai")
        assert reopen_for_revision(store, waiting.id, "penilai") == new  # twice: still one new version
        with store.transaction() as session:
            versions = session.exec(select(Assessment).where(Assessment.record_id == record)).all()
            assert len(versions) == 2
            assert session.get(Assessment, new).reopen_reason == COMMENT
        assert for_record(store, record).state == "revising"
        finalize(store, new, "penilai")
        assert for_record(store, record) is None  # answered on the laptop: the schedule shows it as finalized
    finally:
        store.close()

    assert run_cli("--data-dir", demo.coordinator, "bundle", "import",
                   export(demo, 0, tmp_path / "a0-revised.nilai", "--since-last")) == 0
    [answered] = _returns(demo.coordinator, capsys)
    assert answered["state"] == "answered" and answered["answered_by"] == new
    # the next package no longer lists it, and the laptop keeps its answered return as it is
    again = tmp_path / "ronde-2.nilairound"
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", again,
                   "--passphrase-file", demo.passphrase_file) == 0
    with zipfile.ZipFile(again) as archive:
        assert "returns" not in json.loads(archive.read("package.json"))
    assert run_cli("--data-dir", demo.assessors[0], "round", "import", again) == 0
    store = open_store_at(demo.assessors[0])
    try:
        from app.models.returns import RevisionReturn

        with store.transaction() as session:
            [kept] = session.exec(select(RevisionReturn)).all()
            assert kept.cancelled_at is None and kept.answered_version_id == new
    finally:
        store.close()


def test_withdrawn_return_leaves_the_laptop_with_the_next_package(demo: Demo, tmp_path: Path, capsys) -> None:
    from app.assessments.returns import for_record

    region, nip = _setup(demo, tmp_path)
    record = current_versions(demo.assessors[0])[0][0]
    assert run_cli("--data-dir", demo.coordinator, "round", "return", "--region", region, "--assessor", nip,
                   "--comment", COMMENT) == 0
    package = tmp_path / "p1.nilairound"
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", package,
                   "--passphrase-file", demo.passphrase_file) == 0
    assert run_cli("--data-dir", demo.assessors[0], "round", "import", package) == 0
    [made] = _returns(demo.coordinator, capsys)
    assert run_cli("--data-dir", demo.coordinator, "round", "return", "--cancel", short_id(made["id"])) == 0
    assert [r["state"] for r in _returns(demo.coordinator, capsys)] == ["cancelled"]
    assert run_cli("--data-dir", demo.coordinator, "round", "return", "--cancel", short_id(made["id"])) == 1
    assert "cancelled already" in capsys.readouterr().err
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", tmp_path / "p2.nilairound",
                   "--passphrase-file", demo.passphrase_file) == 0
    assert run_cli("--data-dir", demo.assessors[0], "round", "import", tmp_path / "p2.nilairound") == 0
    store = open_store_at(demo.assessors[0])
    try:
        assert for_record(store, record) is None
    finally:
        store.close()


@pytest.mark.parametrize(("args", "message"), [
    (["--region", "9999", "--assessor", "X", "--comment", "c"], "assessor 'X'"),
    (["--region", "9999", "--comment", "c"], "give --region CODE --assessor NIP --comment TEXT"),
    (["--cancel", "abc"], "at least the first 8 characters"),
])
def test_bad_return_requests_are_one_line_and_change_nothing(demo: Demo, tmp_path: Path, capsys, args, message) -> None:
    region, nip = _setup(demo, tmp_path)
    capsys.readouterr()
    assert run_cli("--data-dir", demo.coordinator, "round", "return", *args) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert run_cli("--data-dir", demo.coordinator, "round", "return", "--region", region, "--assessor", nip,
                   "--comment", "   ") == 1
    assert "give a comment" in capsys.readouterr().err
    assert _returns(demo.coordinator, capsys) == []


def test_laptop_take_in_keeps_newer_returns_reopens_relisted_and_sees_an_independent_revision(
        demo: Demo, tmp_path: Path) -> None:
    """A package written before a return was received does not withdraw it; a return listed again is open
    again; a version the assessor reopened and finalized on their own answers it too."""
    from datetime import UTC, datetime, timedelta

    from app import assessments
    from app.assessments.returns import for_record, take_in_store
    from app.store import settings

    record, version, region = current_versions(demo.assessors[0])[0]
    store = open_store_at(demo.assessors[0])
    try:
        with store.transaction() as session:
            profile = settings.get(session, settings.PROFILE)
            from app.models.tables import Assessment

            round_id = session.get(Assessment, version).round_id
        made = datetime(2018, 3, 8, 10, 0, tzinfo=UTC)
        item = {"id": "0193a1b2-0000-7000-8000-0000000000aa", "round_id": round_id, "record_id": record,
                "version_id": version, "assessor_id": profile, "region_code": region, "comment": COMMENT,
                "returned_by": "Koordinator", "returned_at": made.isoformat()}
        other = item | {"id": "0193a1b2-0000-7000-8000-0000000000bb", "assessor_id": "someone-else"}
        assert take_in_store(store, [item, other, {"id": "not a uuid"}]).added == 1  # the other two are ignored
        assert take_in_store(store, [], round_ids={round_id}, as_of=made - timedelta(hours=1)).withdrawn == 0
        assert for_record(store, record) is not None  # an older list leaves it open
        assert take_in_store(store, [], round_ids={round_id}).withdrawn == 1
        assert for_record(store, record) is None
        assert take_in_store(store, [item]).added == 1  # listed again by the coordinator: open again
        assert for_record(store, record).state == "open"

        new = assessments.reopen(store, version, "saya perbaiki sendiri", "penilai")  # not through the return
        assert for_record(store, record).state == "open"  # still to answer while the draft is open
        assessments.finalize(store, new, "penilai")
        assert for_record(store, record) is None  # a newer final version answers it
    finally:
        store.close()
