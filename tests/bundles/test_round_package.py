"""Round packages (coordinator → assessors): signed, schedule updates never touch scores, instrument
changes under existing scores are refused."""

from __future__ import annotations

import hashlib
import zipfile
from datetime import time
from pathlib import Path

import pytest
from sqlmodel import select

from tests.bundles.helpers import PASSPHRASE, Demo, db_digest, open_store_at, rewrite_zip, run_cli


def _coordinator_identity(demo: Demo) -> None:
    from app.identity import create_identity

    create_identity(demo.coordinator, "Koordinator Nasional", "197501012000031001", "Kominfo", PASSPHRASE)


def _export(demo: Demo, out: Path) -> Path:
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", out,
                   "--passphrase-file", demo.passphrase_file) == 0
    return out


def _scores_digest(data_dir: Path) -> str:
    from app.models.tables import Assessment, Score

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            rows = session.exec(select(Score).order_by(Score.version_id, Score.indicator_code)).all()
            versions = session.exec(select(Assessment).order_by(Assessment.version_id)).all()
            text = repr([(s.version_id, s.indicator_code, s.level, s.note) for s in rows])
            text += repr([(a.version_id, a.status, a.is_current, a.slot_id) for a in versions])
            return hashlib.sha256(text.encode()).hexdigest()
    finally:
        store.close()


def _slots(data_dir: Path) -> dict[str, tuple]:
    from app.models.tables import InterviewSlot

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            return {s.id: (s.region_code, s.day, s.start) for s in session.exec(select(InterviewSlot))}
    finally:
        store.close()


def test_a_new_laptop_finds_its_interviews_waiting(demo: Demo, tmp_path: Path, capsys) -> None:
    from app.models.tables import Assessor
    from app.store import settings

    _coordinator_identity(demo)
    package = _export(demo, tmp_path / "ronde.nilairound")
    store = open_store_at(demo.coordinator)
    try:
        with store.transaction() as session:
            someone = session.exec(select(Assessor).order_by(Assessor.name)).first()
            name, nip, org, assessor_id = someone.name, someone.nip, someone.organisation, someone.id
    finally:
        store.close()
    laptop = tmp_path / "laptop"
    store = open_store_at(laptop)
    try:
        settings.save_profile(store, name, nip, org)  # the assessor typed their own details on first start
    finally:
        store.close()
    capsys.readouterr()
    assert run_cli("--data-dir", laptop, "round", "import", package, "--json") == 0
    out = capsys.readouterr().out
    assert '"outcome": "created"' in out and '"my_slots": 6' in out
    assert _slots(laptop) == _slots(demo.coordinator)
    store = open_store_at(laptop)
    try:
        assert settings.profile(store).id == assessor_id
    finally:
        store.close()


def test_newer_package_updates_the_schedule_and_never_the_scores(demo: Demo, tmp_path: Path, capsys) -> None:
    from app.models.tables import InterviewSlot

    _coordinator_identity(demo)
    laptop = demo.assessors[1]
    scores = _scores_digest(laptop)
    v1 = _export(demo, tmp_path / "v1.nilairound")
    assert run_cli("--data-dir", laptop, "round", "import", v1) == 0
    assert _scores_digest(laptop) == scores
    # The coordinator moves one interview to the afternoon and sends version 2.
    store = open_store_at(demo.coordinator)
    try:
        with store.transaction() as session:
            slot = session.exec(select(InterviewSlot).order_by(InterviewSlot.id)).first()
            slot.start = time(15, 30)
            session.add(slot)
            moved = slot.id
    finally:
        store.close()
    v2 = _export(demo, tmp_path / "v2.nilairound")
    capsys.readouterr()
    assert run_cli("--data-dir", laptop, "round", "import", v2) == 0
    assert "~1" in capsys.readouterr().out
    assert _slots(laptop)[moved][2] == time(15, 30)
    assert _scores_digest(laptop) == scores
    # An older package arriving late changes nothing at all.
    before = db_digest(laptop)
    assert run_cli("--data-dir", laptop, "round", "import", v1) == 0
    assert "nothing changed" in capsys.readouterr().out
    assert db_digest(laptop) == before


def test_a_different_instrument_is_refused_once_scores_exist(demo: Demo, tmp_path: Path, capsys) -> None:
    from app.instruments import builtin_instruments
    from app.instruments.catalogue import store_instrument
    from app.models.tables import Round

    _coordinator_identity(demo)
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
    package = _export(demo, tmp_path / "changed.nilairound")
    laptop = demo.assessors[0]
    before = db_digest(laptop)
    capsys.readouterr()
    assert run_cli("--data-dir", laptop, "round", "import", package) == 1
    err = capsys.readouterr().err
    assert "refused" in err and other.id in err and "already scored under" in err
    assert db_digest(laptop) == before


def test_tampered_or_foreign_packages_are_refused(demo: Demo, tmp_path: Path, capsys) -> None:
    from app.identity import create_identity

    _coordinator_identity(demo)
    package = _export(demo, tmp_path / "ronde.nilairound")
    laptop = demo.assessors[2]
    tampered = rewrite_zip(package, tmp_path / "tampered.nilairound",
                           lambda n, d: d.replace(b'"minutes": 30', b'"minutes": 45', 1) if n == "package.json" else d)
    before = db_digest(laptop)
    capsys.readouterr()
    assert run_cli("--data-dir", laptop, "round", "import", tampered) == 1
    assert "signature is not valid" in capsys.readouterr().err
    assert db_digest(laptop) == before
    assert run_cli("--data-dir", laptop, "round", "import", package) == 0
    # Someone else signs a "newer" package of the same round: refused, the first signer is remembered.
    impostor = tmp_path / "impostor"
    create_identity(impostor, "Bukan Koordinator", "199001012020011001", "Lain", PASSPHRASE)
    (demo.coordinator / "identity").rename(tmp_path / "real-identity")
    (impostor / "identity").rename(demo.coordinator / "identity")
    forged = _export(demo, tmp_path / "forged.nilairound")
    capsys.readouterr()
    assert run_cli("--data-dir", laptop, "round", "import", forged) == 1
    assert "earlier packages of round" in capsys.readouterr().err
    with zipfile.ZipFile(forged) as z:
        assert set(z.namelist()) == {"package.json", "package.sig"}


def test_package_follows_its_schema(demo: Demo, tmp_path: Path) -> None:
    import json

    from jsonschema import Draft202012Validator

    from app.bundles.schema import docs_dir

    _coordinator_identity(demo)
    package = _export(demo, tmp_path / "ronde.nilairound")
    schema = json.loads((docs_dir() / "round-package.schema.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(package) as z:
        Draft202012Validator(schema).validate(json.loads(z.read("package.json")))


@pytest.mark.parametrize("name", ["package.json"])
def test_not_a_package(tmp_path: Path, name: str, capsys) -> None:
    bogus = tmp_path / "bogus.nilairound"
    with zipfile.ZipFile(bogus, "w") as z:
        z.writestr(name, b"{}")
        z.writestr("../evil", b"x")
    assert run_cli("--data-dir", tmp_path / "d", "round", "import", bogus) == 1
    assert "zip-slip" in capsys.readouterr().err
