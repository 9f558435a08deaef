"""The coordinator's item models, checked with qtmodeltester and without any view; sorting and
filtering the ranking of all 514 regencies and cities (times are measured and printed, not asserted:
``.venv/bin/pytest tests/ui/test_coordinator_models.py -k 514 -s``)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.bundles import report as R
from app.bundles.trust import CertInfo
from app.consolidation import AssessmentRef, Consolidation, consolidate_data
from app.consolidation.data import RoundData, RoundMeta
from app.models.domain import AssessorInfo

DEFAULT_INSTRUMENT = "smart-city-readiness-2018"


def synthetic_round(regions: int = 514, per_region: int = 2, seed: int = 7, sizes: tuple[int, ...] = (75, 50),
                    rule: str = "mean") -> RoundData:
    """A round of ``regions`` real regions from the catalogue, each scored by ``per_region`` assessors."""
    from app import regions as catalogue
    from app.instruments import builtin_instruments

    rng = np.random.default_rng(seed)
    instrument = next(i for i in builtin_instruments() if i.id == DEFAULT_INSTRUMENT)
    infos = sorted(catalogue.regions(), key=lambda r: r.code)[:regions]
    assessors = {str(uuid.UUID(int=i + 1)): AssessorInfo(str(uuid.UUID(int=i + 1)), f"Penilai {i + 1:02d}",
                                                          f"1980010120050120{i:02d}", "Kominfo") for i in range(12)}
    ids = sorted(assessors)
    counted, panel, region_rows = [], {}, {}
    for index, region in enumerate(infos):
        seated = tuple(ids[(index * per_region + k) % len(ids)] for k in range(per_region))
        panel[region.code] = seated
        region_rows[region.code] = slice(len(counted), len(counted) + per_region)
        for assessor_id in seated:
            counted.append(AssessmentRef(str(uuid.uuid4()), str(uuid.uuid4()), region.code, assessor_id, "final",
                                         True, False, instrument.content_hash))
    codes = tuple(ind.code for ind in instrument.indicators())
    readiness = rng.uniform(1, 5, size=(len(infos), 1)).repeat(per_region, axis=0)
    levels = np.clip(np.rint(readiness + rng.normal(0, 0.7, size=(len(counted), len(codes)))), 1, 5)
    na = np.zeros(levels.shape, dtype=bool)
    levels.setflags(write=False)
    na.setflags(write=False)
    return RoundData(RoundMeta("synthetic-round", "Uji 514", "", rule, sizes), instrument, tuple(infos), assessors,
                     panel, tuple(counted), tuple(counted), codes, levels, na, region_rows)


def synthetic(regions: int = 514, **kwargs) -> Consolidation:
    return consolidate_data(synthetic_round(regions, **kwargs))


@pytest.fixture(scope="module")
def c514() -> Consolidation:
    return synthetic(514)


@pytest.fixture(scope="module")
def c40() -> Consolidation:
    return synthetic(40, sizes=(10, 5))


def column_texts(model, column: int, role=Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(row, column).data(role) for row in range(model.rowCount())]


# -- ranking --------------------------------------------------------------------------------------

def test_ranking_model_passes_the_model_tester_and_follows_the_consolidation(qapp, qtmodeltester, c40) -> None:
    from app.ui.coordinator import ranking_model as rm

    model = rm.RankingModel()
    qtmodeltester.check(model)
    model.set_consolidation(c40)
    qtmodeltester.check(model)
    assert model.rowCount() == 40
    assert model.columnCount() == rm.FIXED + 4 + 3 + 2 + 1  # 4 dimensions, assessors/spread/moderated, 2 cuts, ties
    assert [model.ranked(row).region.code for row in range(40)] == [r.region.code for r in c40.ranking]
    assert model.index(0, rm.REGION).data() == c40.ranking[0].region.name
    assert model.index(0, rm.REGION).data(rm.REGION_CODE_ROLE) == c40.ranking[0].region.code
    assert column_texts(model, rm.RANK, rm.POSITION_ROLE) == list(range(1, 41))
    top10 = model.shortlist_column(10)
    assert column_texts(model, top10).count("✓") == len(c40.cut(10).selected)
    assert model.headerData(top10, Qt.Orientation.Horizontal) == "Top 10"
    assert model.headerData(model.dimension_column("STR"), Qt.Orientation.Horizontal) == "STR"
    first = c40.ranking[0]
    assert model.index(0, model.dimension_column("INF")).data(rm.SORT_ROLE)[0] == round(first.dimensions[1].score, 6)
    flagged = model.kind_column(rm.SPREAD)
    for row in range(40):
        count = len(model.ranked(row).flagged_indicators)
        assert model.index(row, flagged).data() == (str(count) if count else "")
    model.set_consolidation(None)
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_sorting_the_ranking_keeps_persistent_indexes_and_unscored_regions_last(qapp, qtmodeltester, c40) -> None:
    from PySide6.QtCore import QPersistentModelIndex

    from app.ui.coordinator import ranking_model as rm

    model = rm.RankingModel()
    model.set_consolidation(c40)
    keep = QPersistentModelIndex(model.index(0, rm.REGION))
    name = keep.data()
    model.sort(rm.SCORE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    assert keep.data() == name and keep.row() == 39
    totals = [model.ranked(row).total for row in range(40)]
    assert totals == sorted(totals)
    model.sort(rm.REGION, Qt.SortOrder.AscendingOrder)
    names = column_texts(model, rm.REGION)
    assert names == sorted(names, key=str.casefold)
    model.sort(rm.RANK, Qt.SortOrder.AscendingOrder)
    assert model.sorted_by_rank()
    assert [model.ranked(row).position for row in range(40)] == list(range(1, 41))


def test_the_ranking_filter_matches_name_code_or_province(qapp, qtmodeltester, c40) -> None:
    from app.ui.coordinator import ranking_model as rm

    model = rm.RankingModel()
    model.set_consolidation(c40)
    proxy = rm.RankingFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    province = c40.ranking[3].region.province_name
    proxy.set_text(province.upper())
    expected = sum(1 for r in c40.ranking if province.casefold() in
                   f"{r.region.code} {r.region.name} {r.region.province_name}".casefold())
    assert proxy.rowCount() == expected > 0
    proxy.set_text(c40.ranking[5].region.code)
    assert proxy.index(0, rm.REGION).data() == c40.ranking[5].region.name
    proxy.set_text("")
    assert proxy.rowCount() == 40
    proxy.sort(rm.SCORE, Qt.SortOrder.DescendingOrder)  # passed on to the model
    assert model.sort_column == rm.SCORE and not proxy.sorted_by_rank()


def test_sort_and_filter_514_regions(qapp, c514) -> None:
    """Correctness is asserted; the times are measured and printed (run with -s to see them).

    Each operation is timed twice: the model/proxy work alone, and then the repaint of the visible
    rows of the real ranking view (with its cut-off lines) that follows it.
    """
    from app.ui.coordinator import ranking_model as rm
    from app.ui.coordinator.ranking_view import RankingTableView

    model = rm.RankingModel()
    started = time.perf_counter()
    model.set_consolidation(c514)
    timings = {"load 514 rows": (time.perf_counter() - started, 0.0)}
    proxy = rm.RankingFilterProxy()
    proxy.setSourceModel(model)
    view = RankingTableView()
    view.sizes = c514.shortlist_sizes
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.resize(1200, 700)
    view.show()
    qapp.processEvents()

    def timed(label: str, action, undo=None, repeat: int = 5) -> None:
        """Median of ``repeat`` runs (the machine may be busy with other work)."""
        works, paints = [], []
        for _ in range(repeat):
            if undo is not None:
                undo()
                view.viewport().repaint()
            started = time.perf_counter()
            action()
            middle = time.perf_counter()
            view.viewport().repaint()
            works.append(middle - started)
            paints.append(time.perf_counter() - middle)
        timings[label] = (sorted(works)[repeat // 2], sorted(paints)[repeat // 2])

    for label, column, order in (("sort by panel score desc", rm.SCORE, Qt.SortOrder.DescendingOrder),
                                 ("sort by region name", rm.REGION, Qt.SortOrder.AscendingOrder),
                                 ("sort by province", rm.PROVINCE, Qt.SortOrder.AscendingOrder),
                                 ("sort by STR score", model.dimension_column("STR"), Qt.SortOrder.DescendingOrder),
                                 ("sort by rank", rm.RANK, Qt.SortOrder.AscendingOrder)):
        timed(label, lambda column=column, order=order: view.sortByColumn(column, order))
        if column == rm.SCORE:
            totals = [proxy.index(row, 0).data(rm.RANKED_ROLE).total for row in range(proxy.rowCount())]
            assert totals == sorted(totals, reverse=True)
    assert [proxy.index(row, 0).data(rm.POSITION_ROLE) for row in range(514)] == list(range(1, 515))
    view.cuts_shown = True
    assert view.cut_rows() == {49: [1], 74: [0]}
    for needle in ("kota", "jawa tengah", "33", "zzz", ""):
        timed(f"filter {needle!r}", lambda needle=needle: proxy.set_text(needle),
              undo=lambda needle=needle: proxy.set_text("x" if not needle else ""))
        expected = sum(1 for r in c514.ranking if needle in
                       f"{r.region.code} {r.region.name} {r.region.province_name}".casefold())
        assert proxy.rowCount() == expected

    from app.ui.coordinator import coverage_model as cm

    coverage = cm.CoverageModel()
    coverage.set_consolidation(c514)
    coverage_proxy = cm.CoverageFilterProxy()
    coverage_proxy.setSourceModel(coverage)
    view.setModel(coverage_proxy)
    view.show()
    qapp.processEvents()
    timed("coverage: sort by 1st assessor", lambda: view.sortByColumn(cm.FIXED, Qt.SortOrder.AscendingOrder),
          undo=lambda: view.sortByColumn(cm.REGION, Qt.SortOrder.AscendingOrder))
    assert [coverage.index(r, cm.FIXED).data(cm.STATE_ROLE) for r in range(3)] == ["final"] * 3
    timed("coverage: incomplete only", lambda: coverage_proxy.set_incomplete_only(True),
          undo=lambda: coverage_proxy.set_incomplete_only(False))
    assert coverage_proxy.rowCount() == 0
    view.close()
    print("\ncoordinator ranking table, 514 regions (median of 5): model/proxy work + repaint of the visible rows")
    for label, (work, paint) in timings.items():
        print(f"  {label:<28} {work * 1000:6.1f} ms + {paint * 1000:6.1f} ms = {(work + paint) * 1000:6.1f} ms")


# -- coverage -------------------------------------------------------------------------------------

def test_coverage_model_and_its_filters(qapp, qtmodeltester, c40) -> None:
    from app.ui.coordinator import coverage_model as cm

    model = cm.CoverageModel()
    qtmodeltester.check(model)
    model.set_consolidation(c40)
    qtmodeltester.check(model)
    assert model.rowCount() == 40
    assert model.columnCount() == cm.FIXED + 12
    row = 0
    cov = model.region_coverage(row)
    states = {model.headerData(col, Qt.Orientation.Horizontal): model.index(row, col).data(cm.STATE_ROLE)
              for col in range(cm.FIXED, model.columnCount())}
    assert sorted(s for s in states.values() if s) == ["final", "final"]
    assert {a.name for a in cov.assessors} == {name for name, s in states.items() if s}
    assert model.index(row, cm.COUNTED).data() == "2/2"
    assert model.index(row, cm.FIXED).data(Qt.ItemDataRole.DecorationRole) is None or states
    proxy = cm.CoverageFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_incomplete_only(True)
    assert proxy.rowCount() == 0  # every synthetic region is complete
    proxy.set_incomplete_only(False)
    proxy.set_text(cov.region.name)
    assert proxy.rowCount() >= 1 and proxy.index(0, 0).data(cm.REGION_CODE_ROLE) == cov.region.code
    model.sort(cm.PROVINCE, Qt.SortOrder.DescendingOrder)
    proxy.set_text("")
    provinces = [model.region_coverage(r).region.province_name.casefold() for r in range(40)]
    assert provinces == sorted(provinces, reverse=True)


def test_state_icons_exist_for_every_state(qapp) -> None:
    from app.consolidation.coverage import STATE_ORDER
    from app.ui.coordinator.coverage_model import state_icon, state_text

    for state in STATE_ORDER:
        assert not state_icon(state).isNull()
        assert state_text(state)


# -- region detail --------------------------------------------------------------------------------

def test_region_detail_model(qapp, qtmodeltester, c40) -> None:
    from app.consolidation.detail import AssessorLevel, IndicatorDetail, RegionDetail
    from app.ui.coordinator import detail_model as dm

    panel = c40.panels[0]
    indicators = tuple(
        IndicatorDetail(p.code, p.dimension_code, f"Indikator {p.code}", 1, 5,
                        (AssessorLevel(2, False, "catatan", ("bukti.pdf",)), AssessorLevel(None, True, "", ())),
                        p.combined, 3 if i == 0 else None, 3 if i == 0 else p.used, 3, True, "rapat panel" if i == 0 else "")
        for i, p in enumerate(panel.indicators))
    assessors = tuple(c40.data.assessors[a] for a in panel.assessor_ids)
    detail = RegionDetail("r", panel.region, assessors, ("final", "signed"), indicators, panel.total, 1, ())
    model = dm.RegionDetailModel()
    qtmodeltester.check(model)
    model.set_detail(detail)
    qtmodeltester.check(model)
    assert model.rowCount() == 15 and model.columnCount() == 1 + 2 + 3
    assert model.headerData(1, Qt.Orientation.Horizontal) == assessors[0].name
    cell = model.index(0, model.assessor_column(0))
    assert cell.data() == "2 ✎ ⧉1"
    assert cell.data(dm.NOTE_ROLE) == "catatan" and cell.data(dm.EVIDENCE_ROLE) == ("bukti.pdf",)
    assert model.index(0, model.assessor_column(1)).data() == "n/a"
    assert model.index(0, model.in_force_column).data() == "3 (moderated)"
    assert model.index(0, model.in_force_column).data(Qt.ItemDataRole.ToolTipRole) == "Moderated: rapat panel"
    assert model.index(0, model.spread_column).data() == "⚠ 3"
    assert model.index(0, 0).data(dm.INDICATOR_CODE_ROLE) == panel.indicators[0].code
    assert model.row_of(panel.indicators[4].code) == 4


def test_moderation_history_model(qapp, qtmodeltester) -> None:
    from app.consolidation import ModerationEvent
    from app.ui.coordinator import detail_model as dm

    model = dm.ModerationHistoryModel()
    qtmodeltester.check(model)
    model.set_events([ModerationEvent(1, "3325", "STR-1", None, 4, "bukti baru", "Koordinator", "2018-03-08T02:00:00+00:00", "e1"),
                      ModerationEvent(2, "3325", "STR-1", 4, None, "dibatalkan", "Koordinator", "2018-03-08T03:00:00+00:00", "e2")])
    qtmodeltester.check(model)
    assert model.index(0, dm.CHANGE).data() == "4 → cleared"  # newest first
    assert model.index(1, dm.CHANGE).data() == "– → 4"
    assert model.index(1, dm.REASON).data() == "bukti baru"


# -- import ---------------------------------------------------------------------------------------

def test_import_report_tree_model(qapp, qtmodeltester, tmp_path: Path) -> None:
    from app.bundles.intake import ImportOutcome
    from app.ui.coordinator import import_models as im

    model = im.ImportReportModel()
    qtmodeltester.check(model)
    good = R.BundleReport(file="a.nilai", outcome=R.BUNDLE_IMPORTED, bundle_id="b1", assessor="Siti (1980)",
                          records=[R.RecordOutcome("r1", "v1", R.IMPORTED, "", "3325"),
                                   R.RecordOutcome("r2", "v2", R.CONFLICT, "two versions", "3671")])
    bad = R.BundleReport(file="b.nilai", outcome=R.BUNDLE_REJECTED, reason="not trusted", error_kind="untrusted")
    report = R.ImportReport(bundles=[good, bad])
    model.add(ImportOutcome(report, (tmp_path / "a.nilai", tmp_path / "b.nilai"), ()))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    top = model.index(0, 0)
    assert model.rowCount(top) == 2
    assert model.index(1, im.OUTCOME, top).data() == "conflict"
    assert model.index(1, im.OUTCOME, top).data(im.OUTCOME_ROLE) == R.CONFLICT
    assert model.parent(model.index(1, 0, top)) == top
    assert model.index(1, im.DETAIL).data() == "Not trusted: the assessor's certificate is listed below"
    assert model.index(1, im.DETAIL).data(Qt.ItemDataRole.ToolTipRole) == "not trusted"
    assert model.index(0, 0, top).data() == "3325 Kabupaten Batang"
    assert model.index(0, im.DETAIL).data() == "1 imported, 1 conflict"
    model.mark_certificate_rejected(tmp_path / "b.nilai")
    assert model.index(1, im.OUTCOME).data() == "certificate rejected"
    # importing the same file again replaces its row
    model.add(ImportOutcome(R.ImportReport(bundles=[R.BundleReport(file="b.nilai", outcome=R.BUNDLE_KNOWN)]),
                            (tmp_path / "b.nilai",), ()))
    assert model.rowCount() == 2 and model.index(1, im.OUTCOME).data() == "already imported"
    assert model.rowCount(model.index(0, 1)) == 0 and not model.parent(QModelIndex()).isValid()


def test_unknown_certificates_and_conflicts_models(qapp, qtmodeltester, tmp_path: Path) -> None:
    from datetime import datetime

    from app.bundles.conflict_views import ConflictView, VersionChoice
    from app.bundles.intake import UnknownCertificate
    from app.ui.coordinator import import_models as im

    unknown = im.UnknownCertificatesModel()
    qtmodeltester.check(unknown)
    info = CertInfo("ab" * 32, "PEM", "Siti Rahmawati", "198001012005012001", "Kominfo")
    unknown.add([UnknownCertificate(tmp_path / "a.nilai", info), UnknownCertificate(tmp_path / "a.nilai", info)])
    qtmodeltester.check(unknown)
    assert unknown.rowCount() == 1
    assert unknown.index(0, im.FINGERPRINT).data().startswith("abab abab ")
    assert unknown.index(0, im.NIP).data() == "198001012005012001"
    assert [i.path.name for i in unknown.remove_fingerprint(info.fingerprint)] == ["a.nilai"]
    assert unknown.rowCount() == 0

    conflicts = im.ConflictsModel()
    qtmodeltester.check(conflicts)
    choice = VersionChoice("v1", "version", "v1", "final", True, datetime(2018, 3, 5, 9), 50.0, {"A-1": 3})
    conflicts.set_conflicts([ConflictView("c1", "r1", "branch", "3325 Kabupaten Batang", "Siti", datetime(2018, 3, 6),
                                          (choice, choice))])
    qtmodeltester.check(conflicts)
    assert conflicts.index(0, im.REGION).data() == "3325 Kabupaten Batang"
    assert conflicts.index(0, im.VERSIONS).data() == "2"


def test_conflicts_keep_their_order_until_a_column_is_sorted(qapp, qtmodeltester) -> None:
    from datetime import datetime

    from app.bundles.conflict_views import ConflictView
    from app.ui.coordinator import import_models as im

    model = im.ConflictsModel()
    older = ConflictView("c1", "r1", "branch", "3671 Kota Tangerang", "Siti", datetime(2018, 3, 5), ())
    newer = ConflictView("c2", "r2", "same_version", "3325 Kabupaten Batang", "Budi", datetime(2018, 3, 6), ())
    model.set_conflicts([older, newer])
    assert [model.conflict(r).id for r in range(2)] == ["c1", "c2"]  # oldest first, as read
    model.sort(im.REGION, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model)
    assert [model.index(r, im.REGION).data() for r in range(2)] == ["3325 Kabupaten Batang", "3671 Kota Tangerang"]
    assert model.index(0, 0).data(im.CONFLICT_ROLE) is newer and model.conflict(0) is newer
    assert model.items() == [older, newer]  # the items themselves are not reordered
