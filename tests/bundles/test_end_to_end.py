"""DONE WHEN: three assessors with their own data directories export bundles; a coordinator imports
them in any order, twice, plus an edited newer version and a conflicting one; the result is exactly
one current version per record with the right history and one flagged conflict."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlmodel import select

from tests.bundles.helpers import (
    Demo,
    branch_bundles,
    current_versions,
    db_digest,
    export,
    open_store_at,
    reopen_edit_finalize,
    run_cli,
)


def _make_bundles(demo: Demo, tmp_path: Path) -> dict:
    out = tmp_path / "bundles"
    out.mkdir()
    first = [export(demo, i, out / f"assessor{i}.nilai") for i in range(3)]
    # Assessor 0 reopens one interview, corrects a level, finalizes and exports again (only what is new).
    record0, v1_0, _ = current_versions(demo.assessors[0])[0]
    v2_0 = reopen_edit_finalize(demo.assessors[0], v1_0)
    edited = export(demo, 0, out / "assessor0-edited.nilai")
    # Assessor 1 works on two copies of the laptop (a restored backup): two versions from one parent.
    branch = branch_bundles(demo, 1, out, tmp_path / "twin")
    return {"first": first, "edited": edited, "branch_a": branch.bundle_a, "branch_b": branch.bundle_b,
            "record0": record0, "v1_0": v1_0, "v2_0": v2_0, "record1": branch.record, "v1_1": branch.parent,
            "v2a": branch.a, "v2b": branch.b}


def _state(data_dir: Path) -> dict:
    from app.models.sync import RecordConflict
    from app.models.tables import Assessment

    store = open_store_at(data_dir)
    try:
        with store.transaction() as session:
            rows = session.exec(select(Assessment)).all()
            conflicts = session.exec(select(RecordConflict).where(RecordConflict.resolved_at == None)).all()  # noqa: E711
            records: dict[str, dict] = {}
            for a in rows:
                r = records.setdefault(a.record_id, {"versions": {}, "flagged": set()})
                r["versions"][a.version_id] = (a.is_current, a.previous_version_id, a.origin)
                r["flagged"].add(a.in_conflict)
            return {"records": records, "open_conflicts": [(c.record_id, c.kind) for c in conflicts]}
    finally:
        store.close()


def test_any_order_twice_with_an_edit_and_a_conflict(demo: Demo, tmp_path: Path) -> None:
    from app.store.changelog import verify_chain

    b = _make_bundles(demo, tmp_path)
    # The edited bundle carries only the new version: --since-last is the default.
    import zipfile

    with zipfile.ZipFile(b["edited"]) as z:
        manifest = json.loads(z.read("manifest.json"))
    assert [r["version_id"] for r in manifest["records"]] == [b["v2_0"]]
    assert manifest["records"][0]["previous_version_id"] == b["v1_0"]

    spare = tmp_path / "coordinator-spare"
    shutil.copytree(demo.coordinator, spare)

    # Newer before older, a branch before its parent, everything in one batch.
    order = [b["edited"], b["first"][2], b["branch_b"], b["first"][0], b["first"][1], b["branch_a"]]
    report_file = tmp_path / "report.json"
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", *order, "--trust-dir", demo.certs,
                   "--report", report_file) == 0
    report = json.loads(report_file.read_text(encoding="utf-8"))
    outcomes = {r["version_id"]: r["outcome"] for bundle in report["bundles"] for r in bundle["records"]}
    assert outcomes[b["v2_0"]] == "imported"
    assert outcomes[b["v1_0"]] == "already_superseded"
    assert outcomes[b["v2b"]] == "imported"
    assert outcomes[b["v1_1"]] == "already_superseded"
    assert outcomes[b["v2a"]] == "conflict"
    assert report["totals"] == {"imported": 18, "already_superseded": 2, "conflict": 1}
    assert report["rejected_bundles"] == 0

    # Twice: every bundle again, in another order, is a no-op that leaves the database untouched.
    before = db_digest(demo.coordinator)
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", *reversed(order),
                   "--report", report_file) == 0
    again = json.loads(report_file.read_text(encoding="utf-8"))
    assert {bundle["outcome"] for bundle in again["bundles"]} == {"already_imported"}
    assert db_digest(demo.coordinator) == before

    state = _state(demo.coordinator)
    records = state["records"]
    assert len(records) == 18  # 3 assessors x 6 regions, never a duplicate
    for record_id, r in records.items():
        assert sum(1 for current, _, _ in r["versions"].values() if current) == 1, record_id
    r0 = records[b["record0"]]["versions"]
    assert set(r0) == {b["v1_0"], b["v2_0"]}
    assert r0[b["v2_0"]] == (True, b["v1_0"], "import") and r0[b["v1_0"]][0] is False
    r1 = records[b["record1"]]
    assert set(r1["versions"]) == {b["v1_1"], b["v2a"], b["v2b"]}
    assert r1["flagged"] == {True}
    assert r1["versions"][b["v2a"]][1] == r1["versions"][b["v2b"]][1] == b["v1_1"]
    flagged = [rid for rid, r in records.items() if True in r["flagged"]]
    assert flagged == [b["record1"]]
    assert state["open_conflicts"] == [(b["record1"], "branch")]

    store = open_store_at(demo.coordinator)
    try:
        with store.transaction() as session:
            assert verify_chain(session) == []
    finally:
        store.close()

    # Another order into a fresh coordinator: the same versions, the same history, the same conflict.
    other = [b["first"][1], b["branch_a"], b["first"][0], b["edited"], b["branch_b"], b["first"][2], b["first"][0]]
    assert run_cli("--data-dir", spare, "bundle", "import", *other, "--trust-dir", demo.certs) == 0
    state2 = _state(spare)
    assert {rid: set(r["versions"]) for rid, r in state2["records"].items()} == \
        {rid: set(r["versions"]) for rid, r in records.items()}
    for rid, r in state2["records"].items():
        if rid != b["record1"]:
            assert r["versions"] == records[rid]["versions"]
    assert state2["open_conflicts"] == [(b["record1"], "branch")]
    # Here branch a arrived first and stays current until the coordinator decides.
    assert state2["records"][b["record1"]]["versions"][b["v2a"]][0] is True


def test_resolving_the_conflict_writes_the_reason_to_the_change_log(demo: Demo, tmp_path: Path) -> None:
    from app.bundles.conflicts import open_conflicts, resolution_chain, resolve_conflict
    from app.bundles.errors import ConflictError
    from app.store.changelog import chain_entries, verify_chain

    b = _make_bundles(demo, tmp_path)
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", *b["first"], b["edited"], b["branch_a"],
                   b["branch_b"], "--trust-dir", demo.certs) == 0
    store = open_store_at(demo.coordinator)
    try:
        conflicts = open_conflicts(store)
        assert [c.record_id for c in conflicts] == [b["record1"]]
        assert {b["v2a"], b["v2b"]} <= set(conflicts[0].candidates)
        with pytest.raises(ConflictError):
            resolve_conflict(store, b["record1"], b["v2b"], "   ", "Koordinator")
        with pytest.raises(ConflictError):
            resolve_conflict(store, b["record0"], b["v2_0"], "no conflict here", "Koordinator")
        chosen = resolve_conflict(store, b["record1"], b["v2b"], "panel agreed on the second reading", "Koordinator")
        assert chosen == b["v2b"]
        assert open_conflicts(store) == []
        with store.transaction() as session:
            entries = chain_entries(session, resolution_chain(b["record1"]))
            assert [(e.field, e.old, e.new, e.reason, e.actor) for e in entries] == [
                ("resolution", b["v2a"], b["v2b"], "panel agreed on the second reading", "Koordinator")]
            assert verify_chain(session) == []
    finally:
        store.close()
    state = _state(demo.coordinator)["records"][b["record1"]]
    assert state["flagged"] == {False}
    assert [v for v, (current, _, _) in state["versions"].items() if current] == [b["v2b"]]
