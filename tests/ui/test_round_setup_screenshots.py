"""Screenshots of the round-setup workspace for docs/screenshots, in Indonesian and English, taken on
the round of the issue: 116 candidates, 12 assessors from six provinces, 3 days, 3 panels:

    NILAI_SCREENSHOTS=docs/screenshots .venv/bin/python -m pytest tests/ui/test_round_setup_screenshots.py

Skipped otherwise. The same run checks what the pictures show: nobody is seated on a candidate of
their own province, and a slot moved onto such a panel is named.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.regions import regions
from app.rounds import setup
from app.rounds.planning import store_io
from app.rounds.setup import ScheduleLayout
from tests.ui.test_coordinator_screenshots import OUT, SIZE, save

pytestmark = pytest.mark.skipif(not OUT, reason="set NILAI_SCREENSHOTS=<folder> to take the round-setup screenshots")

ASSESSORS = [("Prof. Dr. Sari Wulandari", "197203041998032001", "Universitas Diponegoro", "academic", "33"),
             ("Dr. Budi Santoso", "196911121995121001", "Institut Teknologi Bandung", "academic", "32"),
             ("Rina Marlina, M.Kom.", "198005172006042002", "Kementerian Komunikasi dan Digital", "government", "31"),
             ("Agus Salim", "197709092003121003", "Bappenas", "government", "35"),
             ("Dewi Anggraini", "198202022008012004", "Kementerian Dalam Negeri", "government", "36"),
             ("Hendra Gunawan", "", "Asosiasi Pengusaha TIK", "practitioner", "51"),
             ("Ir. Yusuf Hakim", "196507071990031005", "Universitas Gadjah Mada", "academic", "34"),
             ("Lestari Putri", "198811202012122006", "Kementerian PPN", "government", "31"),
             ("Made Wirawan", "", "Smart City Nusantara", "practitioner", "51"),
             ("Fajar Nugroho", "199001012015031007", "Badan Siber dan Sandi Negara", "government", "32"),
             ("Siti Rahmawati", "", "Universitas Indonesia", "academic", "32"),
             ("Teguh Prasetyo", "", "Telkom Indonesia", "practitioner", "35")]


def build_round(store) -> str:
    round_id = setup.new_round(store, name="Gerakan Menuju 100 Smart City 2026 — Tahap II",
                               instrument_id="smart-city-readiness-2018", stage="Wawancara",
                               starts_on=date(2026, 3, 3), ends_on=date(2026, 3, 5), shortlist_sizes=(75, 50))
    pool = [r for r in regions() if r.province_code in {"31", "32", "33", "34", "35", "36", "51", "63", "73", "64"}]
    step = len(pool) / 116
    setup.add_candidates(store, round_id, [pool[int(i * step)].code for i in range(116)], "interview")
    for name, nip, organisation, role, province in ASSESSORS:
        setup.add_assessor(store, round_id, name=name, nip=nip, organisation=organisation, role=role,
                           province_code=province,
                           conflicts={"6303": "pernah menjabat sebagai kepala dinas"} if name == "Agus Salim" else None)
    setup.save_schedule_layout(store, round_id, ScheduleLayout(days=(date(2026, 3, 3), date(2026, 3, 4),
                                                                     date(2026, 3, 5)), panels=3, panel_size=3,
                                                               rooms=("Ruang Garuda", "Ruang Merak", "Ruang Elang")))
    return round_id


def shoot(qtbot, store, data_dir, runner, lang: str) -> None:
    from app.ui import i18n
    from app.ui.coordinator.services import CoordinatorServices
    from app.ui.coordinator.window import CoordinatorWindow

    i18n.install(lang)
    try:
        window = CoordinatorWindow(CoordinatorServices(store, runner, data_dir, lang))
        qtbot.addWidget(window)
        window.resize(*SIZE)
        window.show()
        window.view.start()
        view, ws = window.view, window.view.setup_tab
        view.tabs.setCurrentWidget(ws)
        ws.new_round()
        save(window, f"setup-new-round-{lang}.png")

        round_id = build_round(store)
        view.start()
        view.set_round(round_id)
        view.tabs.setCurrentWidget(ws)
        ws.show_step(0)
        save(window, f"setup-round-{lang}.png")
        ws.show_step(1)
        ws.candidates_page.search.setText("banjar")
        dialog = ws.candidates_page.paste_dialog("6303\nKota Banjar\nBanjar\nKab. Semarang\nAtlantis")
        dialog.resize(760, 460)
        dialog.show()
        save(dialog, f"setup-paste-{lang}.png")
        dialog.close()
        save(window, f"setup-candidates-{lang}.png")
        ws.show_step(2)
        ws.assessors_page.view.selectRow(3)
        save(window, f"setup-assessors-{lang}.png")

        ws.show_step(3)
        page = ws.schedule_page
        page.generate()
        slots = store_io.round_slots(store, round_id)
        assert len(slots) == 116
        home = {a.id: a.province_code for a in setup.round_assessors(store, round_id)}
        assert all(home[i] != s.region_code[:2] for s in slots for i in s.assessor_ids)
        # a Jawa Tengah candidate moved onto the panel of the assessor from Jawa Tengah
        sari = next(a.id for a in setup.round_assessors(store, round_id) if a.province_code == "33")
        target, index = next((t, i) for t in page.slots if sari in t.assessor_ids
                             for i, s in enumerate(page.slots) if s.region_code.startswith("33") and s.day == t.day)
        from app.ui.setup.slot_grid import column_of

        page.move_slot(index, target.day, target.start, column_of(target, page.model.rooms()))
        assert any(p.kind == "conflict" for p in page.problems)
        page.grid.scrollTo(page.grid.currentIndex(), page.grid.ScrollHint.PositionAtCenter)
        save(window, f"setup-schedule-{lang}.png")
        ws.ctx.history.undo()
        assert page.problems == []
        ws.show_step(4)
        save(window, f"setup-handout-{lang}.png")
        window.hide()
    finally:
        i18n.install("en")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_round_setup_screenshots(qtbot, store, data_dir, runner, lang) -> None:
    shoot(qtbot, store, data_dir, runner, lang)
