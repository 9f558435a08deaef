"""Smaller widgets on their own: the interview timer, the radar chart, the dialogs' rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.assessments.scoring import Mark
from app.models.domain import DelegateInfo
from app.ui.charts.summary_radar import RadarChart
from app.ui.interview.delegation_editor import DelegationDialog
from app.ui.interview.find_indicator_dialog import FindIndicatorDialog
from app.ui.interview.reopen_dialog import ReopenDialog
from app.ui.interview.timer import InterviewTimer, clock_text


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_timer_counts_pauses_and_warns_once_when_time_is_up(qtbot, english) -> None:
    clock = FakeClock()
    timer = InterviewTimer(clock=clock)
    qtbot.addWidget(timer)
    timer.set_limit(30)
    timer.start()
    clock.now += 125
    timer.refresh()
    assert timer.time.text() == "02:05 / 30:00"
    timer.pause()
    clock.now += 600  # paused: not counted
    timer.refresh()
    assert timer.elapsed() == 125
    assert timer.warning.isHidden()
    timer.start()
    with qtbot.waitSignal(timer.time_up):
        clock.now += 30 * 60
        timer.refresh()
    assert not timer.warning.isHidden()
    assert timer.warning.text() == "Time is up (+02:05)"
    warned = []
    timer.time_up.connect(lambda: warned.append(1))
    clock.now += 60
    timer.refresh()
    assert warned == []  # one warning per interview, not one per second
    timer.reset(40.0)
    assert timer.elapsed() == 40.0 and not timer.running and timer.warning.isHidden()


def test_clock_text() -> None:
    assert clock_text(0) == "00:00"
    assert clock_text(59.9) == "00:59"
    assert clock_text(3725) == "1:02:05"


@pytest.mark.parametrize("axes", [
    [("STR", 80.0), ("INF", 55.5), ("SUP", None), ("KAP", 10.0), ("LAY", 100.0)],
    [("A", 50.0), ("B", None)],
    [("A", None)],
    [],
])
def test_radar_chart_draws_any_number_of_dimensions(qtbot, axes) -> None:
    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.resize(300, 260)
    chart.set_values(axes)
    image = chart.grab().toImage()
    assert image.width() >= 300
    assert chart.values() == axes
    if axes:
        assert axes[0][0] in chart.accessibleDescription()


def test_find_indicator_filters_by_code_and_words(qtbot, small_instrument, english) -> None:
    dialog = FindIndicatorDialog(small_instrument, "en", {"A-1": Mark(3)})
    qtbot.addWidget(dialog)
    assert dialog.proxy.rowCount() == 4
    qtbot.keyClicks(dialog.search, "indicator b")
    assert dialog.proxy.rowCount() == 1
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen_code == "B-1"


def test_find_indicator_arrow_keys_move_through_hits(qtbot, small_instrument, english) -> None:
    dialog = FindIndicatorDialog(small_instrument, "en", {})
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "a-")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen_code == "A-2"


def test_delegation_dialog_keeps_filled_rows_only(qtbot, english) -> None:
    dialog = DelegationDialog("Kota Tangerang", [DelegateInfo("Arief R. Wismansyah", "Wali Kota")])
    qtbot.addWidget(dialog)
    dialog.add_row()
    dialog.add_row("", "Kepala Bappeda")
    assert dialog.delegates() == [DelegateInfo("Arief R. Wismansyah", "Wali Kota"), DelegateInfo("", "Kepala Bappeda")]
    dialog.table.setCurrentCell(0, 0)
    dialog.remove_current()
    assert dialog.delegates() == [DelegateInfo("", "Kepala Bappeda")]


def test_reopen_dialog_will_not_accept_a_blank_reason(qtbot, english) -> None:
    dialog = ReopenDialog("Kota Tangerang")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.reason, "Salah ketik tingkat")
    assert dialog.ok.isEnabled()
    dialog.accept()
    assert dialog.result() == 1 and dialog.reason_text() == "Salah ketik tingkat"


def test_the_export_dialogs_path_field_and_open_folder_button(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QDialog

    from app.ui.identity.passphrase_form import ERROR_STYLE
    from app.ui.widgets.output import OpenFolderButton, PathField, ResultLine

    dialog = QDialog()
    qtbot.addWidget(dialog)
    asked: list[tuple[object, str]] = []

    def pick(parent, shown: str):
        asked.append((parent, shown))
        return None if len(asked) > 1 else tmp_path / "hasil"

    field = PathField(str(tmp_path / "awal.nilai"), "Bundle file", pick, dialog,
                      adjust=lambda chosen: str(chosen) + ".nilai")
    qtbot.mouseClick(field.browse, Qt.MouseButton.LeftButton)
    assert asked == [(dialog, str(tmp_path / "awal.nilai"))]
    assert field.edit.text() == str(tmp_path / "hasil.nilai")
    qtbot.mouseClick(field.browse, Qt.MouseButton.LeftButton)  # cancelled: the path stays
    assert field.edit.text() == str(tmp_path / "hasil.nilai")
    field.setEnabled(False)
    assert not field.edit.isEnabled() and not field.browse.isEnabled()

    opened: list = []
    target: list = [None]
    button = OpenFolderButton(lambda: target[0], opened.append, dialog)
    dialog.show()
    assert not button.isVisible()
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # nothing written yet: nothing to open
    target[0] = tmp_path
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [tmp_path]

    line = ResultLine(dialog)
    line.say("No bundle was written", ok=False)
    assert line.text() == "No bundle was written" and line.styleSheet() == ERROR_STYLE


def test_throttled_saver_saves_while_typing_skips_unchanged_and_retries_a_failed_save(qtbot) -> None:
    from app.ui.widgets.throttled_saver import ThrottledSaver

    value = ["draft"]
    saved: list[str] = []
    accept = [True]

    def save(text: str) -> bool:
        if accept[0]:
            saved.append(text)
        return accept[0]

    saver = ThrottledSaver(lambda: value[0], save, interval_ms=50)
    saver.baseline("draft")
    saver.changed()
    saver.flush()
    assert saved == []  # the same text as stored: no save, no change-log entry
    value[0] = "draft 2"
    saver.changed()
    qtbot.waitUntil(lambda: saved == ["draft 2"], timeout=1000)  # no pause needed: the interval elapses
    accept[0] = False
    value[0] = "draft 3"
    saver.changed()
    saver.flush()
    assert saved == ["draft 2"] and saver.dirty  # the store refused it: still pending
    accept[0] = True
    saver.flush()
    assert saved == ["draft 2", "draft 3"] and not saver.dirty
