"""Trusting several assessor certificates at once, and an import report and status line that agree:
real bundles of three assessors (the fixtures of test_coordinator_import), the tab driven with qtbot."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_coordinator_import import bundles, coordinator, outcomes  # noqa: F401 - fixtures

TRUSTED_EVERY = {"assessor0.nilai": "imported", "assessor1.nilai": "imported", "assessor2.nilai": "imported"}


def trusted_fingerprints(view) -> set[str]:
    from app.bundles.trust import list_trusted

    return {c.fingerprint for c in list_trusted(view.services.store)}


def test_certificates_are_trusted_together_and_the_status_says_what_the_report_shows(qtbot, coordinator,  # noqa: F811
                                                                                      bundles) -> None:  # noqa: F811
    from app.identity import load_identity

    view, tab = coordinator, coordinator.import_tab
    view.picked[:] = bundles.first
    qtbot.mouseClick(tab.choose_button, Qt.MouseButton.LeftButton)
    assert set(outcomes(view).values()) == {"rejected"} and tab.unknown_model.rowCount() == 3
    assert view.status.text() == ("3 bundle(s) in the report: 0 taken in, 0 already imported, 3 rejected"
                                  " — 3 waiting for your decision on a certificate")

    # one of three: the others stay listed, and the report still names every bundle
    tab.unknown.selectRow(0)
    first = tab.unknown_model.item(0)
    qtbot.mouseClick(tab.trust_button, Qt.MouseButton.LeftButton)
    assert len(outcomes(view)) == 3 and outcomes(view)[first.path.name] == "imported"
    assert tab.unknown_model.rowCount() == 2 and tab.unknown_box.isVisibleTo(view)
    assert view.status.text() == ("3 bundle(s) in the report: 1 taken in, 0 already imported, 2 rejected"
                                  " — 2 waiting for your decision on a certificate")

    # the other two at once, after checking their fingerprints
    qtbot.mouseClick(tab.select_all_button, Qt.MouseButton.LeftButton)
    assert tab.trust_button.isEnabled() and tab.trust_button.text().replace("&", "") == "Trust 2 and import"
    qtbot.mouseClick(tab.trust_button, Qt.MouseButton.LeftButton)
    assert outcomes(view) == TRUSTED_EVERY
    assert {load_identity(d).fingerprint for d in bundles.assessors} <= trusted_fingerprints(view)
    assert tab.unknown_model.rowCount() == 0 and not tab.unknown_box.isVisibleTo(view)
    assert view.status.text() == "3 bundle(s) in the report: 3 taken in, 0 already imported, 0 rejected"
    assert all(region.counted == 3 for region in view.session.consolidation.coverage)

    # the same bundles again: the report says "already imported", and so does the status
    tab.import_paths(bundles.first)
    assert set(outcomes(view).values()) == {"already_imported"}
    assert view.status.text() == "3 bundle(s) in the report: 0 taken in, 3 already imported, 0 rejected"


def test_rejecting_several_certificates_trusts_none_and_counts_them_rejected(qtbot, coordinator,  # noqa: F811
                                                                            bundles) -> None:  # noqa: F811
    view, tab = coordinator, coordinator.import_tab
    before = trusted_fingerprints(view)
    tab.import_paths(bundles.first[:2])
    tab.unknown.selectAll()
    qtbot.mouseClick(tab.reject_button, Qt.MouseButton.LeftButton)
    assert set(outcomes(view).values()) == {"certificate_rejected"}
    assert trusted_fingerprints(view) == before
    assert view.status.text().endswith("2 bundle(s) in the report: 0 taken in, 0 already imported, 2 rejected")


def test_import_report_headers_are_shown_whole(coordinator) -> None:  # noqa: F811
    tab = coordinator.import_tab
    header = tab.report.header()
    for column in range(3):
        text = tab.report_model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), text
