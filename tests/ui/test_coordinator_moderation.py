"""The moderation panel refuses a level already in force, and logs moderations under the coordinator's own
identity — driven with qtbot on a small round (Ani and Budi on one panel; 3671 scored 4 by both)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_coordinator_window import small_round  # noqa: F401 - fixture

NIP = "197001012000031002"


@pytest.fixture
def view(qtbot, store, data_dir, runner, english, small_round):  # noqa: F811
    from app.identity import create_identity
    from app.store import settings
    from app.ui.coordinator.view import CoordinatorView

    settings.save_profile(store, "Ani", "198001012005011001", "Kota")  # the laptop's profile: an assessor's name
    create_identity(data_dir, "Rina Koordinator", NIP, "Kemenkominfo", "kata sandi yang panjang")
    view = CoordinatorView(store, runner, data_dir, "en")
    qtbot.addWidget(view)
    view.show()
    view.start()
    view.open_region("3671")
    view.detail_tab.select_indicator("S1")
    return view


def test_setting_the_level_already_in_force_is_refused_with_a_word(qtbot, view, store, small_round) -> None:  # noqa: F811
    from app.consolidation import list_moderations, moderation_history

    panel = view.detail_tab.moderation
    assert panel.level.currentData() == 4  # both assessors scored 4: the panel's level in force
    qtbot.keyClicks(panel.reason, "rapat pleno")
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert panel.problem.isVisibleTo(view)
    assert panel.problem.text() == "Level 4 is already in force (the panel's combined level): choose another level."
    assert list_moderations(store, small_round.round_id) == []
    assert moderation_history(store, small_round.round_id) == []

    panel.level.setCurrentIndex(panel.level.findData(2))
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert [(m.level, m.reason) for m in list_moderations(store, small_round.round_id)] == [(2, "rapat pleno")]

    view.detail_tab.select_indicator("S1")  # moderated to 2 now: 2 again would change nothing
    assert panel.level.currentData() == 2
    qtbot.keyClicks(panel.reason, "sekali lagi")
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert panel.problem.isVisibleTo(view) and "already moderated" in panel.problem.text()
    assert [(e.old_level, e.new_level) for e in moderation_history(store, small_round.round_id)] == [(None, 2)]


def test_moderations_are_logged_under_the_coordinators_own_identity(qtbot, view, store, small_round) -> None:  # noqa: F811
    from app.consolidation import list_moderations

    panel = view.detail_tab.moderation
    who = f"Rina Koordinator <{NIP}>"
    assert panel.coordinator.isVisibleTo(view)
    assert panel.coordinator.text() == f"Logged as the coordinator: {who}"
    panel.level.setCurrentIndex(panel.level.findData(3))
    qtbot.keyClicks(panel.reason, "bukti tidak lengkap")
    qtbot.mouseClick(panel.set_button, Qt.MouseButton.LeftButton)
    assert [m.actor for m in list_moderations(store, small_round.round_id)] == [who]  # not "Ani", the profile
    history = panel.history_model
    assert history.headerData(3, Qt.Orientation.Horizontal) == "Coordinator"
    assert history.index(0, 3).data() == "Rina Koordinator"
