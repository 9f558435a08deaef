"""The coordinator's intake and conflict views, without Qt: a bundle from an assessor not trusted yet is
rejected and its certificate named; trusting it imports the bundle; two competing versions of one
record are shown side by side with their levels and totals."""

from __future__ import annotations

from pathlib import Path

from app.bundles import report as R
from app.bundles.conflict_views import open_conflict_views
from app.bundles.intake import import_files, trust_and_import
from app.bundles.trust import cert_info, list_trusted
from tests.bundles.helpers import Demo, branch_bundles, export, open_coordinator, run_cli


def test_an_untrusted_bundle_names_its_certificate_and_trusting_it_imports_it(demo: Demo, tmp_path: Path) -> None:
    bundle = export(demo, 0, tmp_path / "assessor0.nilai")
    expected = cert_info(next(demo.certs.glob(f"{demo.assessors[0].name}.pem")))
    store = open_coordinator(demo)
    try:
        steps: list[tuple[int, int]] = []
        outcome = import_files(store, [str(bundle)], progress=lambda done, total: steps.append((done, total)))
        assert steps == [(0, 1), (1, 1)]
        assert outcome.paths == (bundle,)
        assert [(b.outcome, b.error_kind) for b in outcome.report.bundles] == [(R.BUNDLE_REJECTED, "untrusted")]
        assert [(u.path, u.info.fingerprint) for u in outcome.unknown] == [(bundle, expected.fingerprint)]
        assert outcome.unknown[0].info.source == f"coordinator window: {bundle.name}"
        assert expected.fingerprint not in {c.fingerprint for c in list_trusted(store)}

        again = trust_and_import(store, outcome.unknown[0].info, outcome.paths)
        assert [b.outcome for b in again.report.bundles] == [R.BUNDLE_IMPORTED]
        assert again.unknown == ()
        assert expected.fingerprint in {c.fingerprint for c in list_trusted(store)}
    finally:
        store.close()


def test_a_conflict_shows_both_versions_with_their_levels_and_totals(demo: Demo, tmp_path: Path) -> None:
    out = tmp_path / "bundles"
    out.mkdir()
    first = export(demo, 1, out / "assessor1.nilai")
    branch = branch_bundles(demo, 1, out, tmp_path / "twin")
    record, v1, v2a, v2b = branch.record, branch.parent, branch.a, branch.b
    assert run_cli("--data-dir", demo.coordinator, "bundle", "import", first, branch.bundle_a, branch.bundle_b,
                   "--trust-dir", demo.certs) == 0
    store = open_coordinator(demo)
    try:
        views = open_conflict_views(store)
    finally:
        store.close()
    assert [(v.record_id, v.kind) for v in views] == [(record, "branch")]
    view = views[0]
    region_code = view.region.split()[0]
    assert region_code.isdigit() and len(view.region) > len(region_code)  # code and catalogue name
    assert view.assessor.endswith(")") and "(" in view.assessor
    choices = {c.id: c for c in view.choices}
    assert {v1, v2a, v2b} <= set(choices)
    assert [c.id for c in view.choices if c.current] == [v2a]  # the first one in stays current
    assert all(c.kind == "version" and c.total is not None and c.levels for c in choices.values())
    assert choices[v2a].levels != choices[v2b].levels  # the two readings differ
