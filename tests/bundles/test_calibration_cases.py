"""Calibration cases end to end: the coordinator adds a fictional region, the round package carries it,
every assessor scores it, bundles bring the scores back; the case is never ranked but its levels move
the severity fit, the per-assessor comparison says who sat high and low, and a bundle naming a
calibration case the round does not declare is refused."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import numpy as np
from sqlmodel import select

from tests.bundles.helpers import PASSPHRASE, Demo, db_digest, export, open_store_at, run_cli


def _round_id(data_dir: Path) -> str:
    from app.models.tables import Round

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            return session.exec(select(Round.id)).one()
    finally:
        store.close()


def _package(demo: Demo, out: Path, *extra: str) -> Path:
    from app.identity import create_identity

    if not (demo.coordinator / "identity").exists():
        create_identity(demo.coordinator, "Koordinator Nasional", "197501012000031001", "Kominfo", PASSPHRASE)
    assert run_cli("--data-dir", demo.coordinator, "round", "export", "--out", out,
                   "--passphrase-file", demo.passphrase_file, *extra) == 0
    return out


def _score_case(data_dir: Path, round_id: str, code: str, harsh: bool) -> dict[str, int]:
    """The assessor scores the calibration case: the lowest level that needs no note nor evidence when
    harsh, otherwise the highest such level; returns the levels given."""
    from app import assessments
    from app.instruments import catalogue
    from app.models.tables import Round
    from app.store import settings

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            assessor_id = settings.get(session, settings.PROFILE)
            instrument = catalogue.load_instrument(session, session.get(Round, round_id).instrument_hash)
        version = assessments.start_assessment(store, round_id=round_id, region_code=code, assessor_id=assessor_id)
        given = {}
        for indicator in instrument.indicators():
            free = [lv.level for lv in indicator.levels if not lv.requires_note and not lv.requires_evidence]
            given[indicator.code] = min(free) if harsh else max(free)
            assessments.set_level(store, version, indicator.code, given[indicator.code], "penilai")
        assessments.finalize(store, version, "penilai")
        return given
    finally:
        store.close()


def test_a_calibration_case_travels_is_never_ranked_and_moves_the_severity_fit(demo: Demo, tmp_path: Path,
                                                                              capsys) -> None:
    from app.bundles.package_calibration import calibration_feedback
    from app.consolidation import load_round_data
    from app.consolidation.calibration import calibration_view
    from app.consolidation.severity import fit_severity, observations
    from app.store import settings

    pristine = tmp_path / "pristine"  # the coordinator before the case was declared
    shutil.copytree(demo.coordinator, pristine)
    assert run_cli("--data-dir", demo.coordinator, "round", "calibration", "add", "--name", "Kota Contoh") == 0
    assert run_cli("--data-dir", demo.coordinator, "round", "calibration", "add", "--name", "Kota Contoh") == 1
    capsys.readouterr()
    assert run_cli("--data-dir", demo.coordinator, "round", "calibration", "list", "--json") == 0
    cases = json.loads(capsys.readouterr().out)
    assert [(c["code"], c["name"], c["kind"]) for c in cases] == [("K001", "Kota Contoh", "kalibrasi")]

    package = _package(demo, tmp_path / "ronde.nilairound")
    round_id = _round_id(demo.coordinator)
    given = []
    for index, laptop in enumerate(demo.assessors):
        assert run_cli("--data-dir", laptop, "round", "import", package) == 0
        given.append(_score_case(laptop, round_id, "K001", harsh=index == 0))
    bundles = [export(demo, i, tmp_path / f"b{i}.nilai") for i in range(len(demo.assessors))]
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", *bundles, "--trust-dir", demo.certs) == 0

    store = open_store_at(demo.coordinator)
    try:
        data = load_round_data(store)
    finally:
        store.close()
    assessor_ids = []
    for laptop in demo.assessors:
        s = open_store_at(laptop)
        try:
            with s.transaction() as session:
                assessor_ids.append(settings.get(session, settings.PROFILE))
        finally:
            s.close()
    # Never ranked: the case is not among the round's regions, but its three assessments are counted.
    assert "K001" not in {r.code for r in data.regions}
    assert [r.code for r in data.calibration] == ["K001"]
    assert len(data.region_assessors("K001")) == 3

    # The severity fit includes the case: without it the harsh assessor looks less severe.
    obs = observations(data)
    assert "K001" in obs.candidate_ids
    keep = np.array([obs.candidate_ids[c] != "K001" for c in obs.candidate.tolist()])
    from app.consolidation.severity.data import Observations

    without = Observations(obs.candidate[keep], obs.assessor[keep], obs.indicator[keep], obs.level[keep],
                           obs.normalised[keep], obs.candidate_ids, obs.assessor_ids, obs.indicator_codes, obs.spans)
    harsh = assessor_ids[0]
    with_case = fit_severity(obs).severities()[harsh]
    assert with_case > fit_severity(without).severities().get(harsh, -1e9) + 0.5

    # Per assessor: the harsh one sits low on every indicator where the others gave a higher level.
    view = calibration_view(data)
    median = view.medians["K001"]
    assert median == {code: float(np.median([g[code] for g in given])) for code in given[0]}
    mine = next(a for a in view.assessors if a.assessor_id == harsh)
    expected_low = tuple(code for code in data.indicator_codes if given[1][code] - given[0][code] >= 1)
    assert expected_low and mine.low == expected_low and mine.high == ()
    assert [a.assessor_id for a in view.sits_low("K001")] == [harsh]

    # Feedback: the next package carries the medians; each assessor sees their levels beside them.
    package2 = _package(demo, tmp_path / "ronde2.nilairound", "--calibration-feedback")
    assert run_cli("--data-dir", demo.assessors[0], "round", "import", package2) == 0
    laptop = open_store_at(demo.assessors[0])
    try:
        feedback = calibration_feedback(laptop, round_id, harsh)
    finally:
        laptop.close()
    assert [(f.code, f.assessors) for f in feedback] == [("K001", 3)]
    assert {line.indicator_code: (line.my_level, line.median) for line in feedback[0].lines} == {
        code: (given[0][code], median[code]) for code in given[0]}

    # Hostile: the same bundle at a coordinator whose round never declared K001 is refused, nothing changes.
    before = db_digest(pristine)
    capsys.readouterr()
    run_cli("--data-dir", pristine, "bundle", "import", bundles[0], "--trust-dir", demo.certs, "--json")
    said = capsys.readouterr()
    assert "calibration case K001 is not declared in its round here" in said.out + said.err
    assert db_digest(pristine) == before


def _resigned(demo: Demo, package: Path, target: Path, edit) -> Path:
    """The package with package.json edited and signed again with the coordinator's own key."""
    from app.bundles.round_package import _package_json
    from app.identity import sign_bytes
    from tests.bundles.helpers import rewrite_zip, unlock_dir

    with zipfile.ZipFile(package) as z:
        data = json.loads(z.read("package.json"))
    edit(data)
    raw = _package_json(data)
    signature = sign_bytes(unlock_dir(demo.coordinator), raw)
    return rewrite_zip(package, target, lambda n, d: raw if n == "package.json" else signature if n == "package.sig"
                       else d)


def test_a_package_that_misdeclares_a_calibration_case_is_refused(demo: Demo, tmp_path: Path, capsys) -> None:
    assert run_cli("--data-dir", demo.coordinator, "round", "calibration", "add", "--name", "Kota Contoh") == 0
    package = _package(demo, tmp_path / "ronde.nilairound")
    with_case = json.loads(zipfile.ZipFile(package).read("package.json"))
    assert [c["code"] for c in with_case["calibration_cases"]] == ["K001"] and "K001" not in with_case["candidates"]
    laptop = demo.assessors[1]
    before = db_digest(laptop)
    edits = {
        "a case among the candidates": lambda d: d["candidates"].append("K001"),
        "a slot on an undeclared case": lambda d: (d["calibration_cases"].clear(),
                                                   d["slots"][0].__setitem__("region_code", "K002")),
        "a repeated case": lambda d: d["calibration_cases"].append(dict(d["calibration_cases"][0])),
    }
    for number, (what, edit) in enumerate(edits.items()):
        hostile = _resigned(demo, package, tmp_path / f"hostile{number}.nilairound", edit)
        capsys.readouterr()
        assert run_cli("--data-dir", laptop, "round", "import", hostile) == 1, what
        assert "calibration case" in capsys.readouterr().err, what
        assert db_digest(laptop) == before, what
    assert run_cli("--data-dir", laptop, "round", "import", package) == 0  # the genuine one is taken in
