"""Under the ranking's rule selector: which rule is official (and who chose it), the button that makes
the rule shown official, and — when the adjusted rule is refused for the round — the refusal with its
reason (which panels and assessors form unlinked groups), in words as well as in red."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.coordinator.computed import IslandView, RoundView
from app.ui.coordinator.detail_model import local_time
from app.ui.coordinator.rule_names import rule_name
from app.ui.coordinator.session import CoordinatorSession

REFUSAL_STYLE = "color: #b03a2e; background: #fdecea; border: 1px solid #d64541; border-radius: 3px; padding: 6px;"
NAMES_SHOWN = 4  # assessors named per group


class OfficialRulePanel(QWidget):
    def __init__(self, session: CoordinatorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.official = QLabel(self)
        self.official.setTextFormat(Qt.TextFormat.RichText)
        self.official.setWordWrap(True)
        self.official.setAccessibleName(self.tr("Official rule"))
        self.make_official = QPushButton(self.tr("&Make this rule official"), self)
        self.make_official.setToolTip(self.tr("The shortlist is made, and exported, with the official rule; the "
                                              "choice is recorded in the round's change log with your name and "
                                              "the time"))
        self.make_official.clicked.connect(lambda: self.session.make_official())
        self.refusal = QLabel(self)
        self.refusal.setWordWrap(True)
        self.refusal.setTextFormat(Qt.TextFormat.RichText)
        self.refusal.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refusal.setStyleSheet(REFUSAL_STYLE)
        self.refusal.setAccessibleName(self.tr("Why the adjusted ranking is refused"))
        self.refusal.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.official, 1)
        row.addWidget(self.make_official)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.refusal)

    def show_view(self, view: RoundView) -> None:
        shown = view.consolidation.rule
        official = rule_name(view.official)
        if view.history:
            last = view.history[-1]
            text = (self.tr("Official rule: <b>%1</b> — chosen by %2 on %3").replace("%1", html.escape(official))
                    .replace("%2", html.escape(last.actor.split(" <")[0])).replace("%3", local_time(last.at)))
        else:
            text = self.tr("Official rule: <b>%1</b> (the round's setting)").replace("%1", html.escape(official))
        if view.refused:
            text += " · " + self.tr("the exports use the official rule")
        elif shown is not view.official:
            text += " · " + (self.tr("the ranking below uses <b>%1</b>: make it official to export it")
                             .replace("%1", html.escape(rule_name(shown))))
        self.official.setText(text)
        self.make_official.setEnabled(not view.refused and shown is not view.official)
        self.refusal.setVisible(view.refused)
        self.refusal.setText(refusal_html(view) if view.refused else "")


def refusal_html(view: RoundView) -> str:
    """Why the adjustment is refused: the unlinked groups by panel, assessors and regions, and what to do."""
    if not view.islands:
        return "⚠ " + QCoreApplication.translate("AdjustmentRefusal", "<b>Adjusted for assessor severity is refused for this round:</b> %1") \
            .replace("%1", html.escape(view.refusal))
    groups = "".join(f"<br>• {_island(number, island)}" for number, island in enumerate(view.islands, 1))
    return ("⚠ " + QCoreApplication.translate("AdjustmentRefusal", "<b>Adjusted for assessor severity is refused for this round.</b> Its assessors form "
                       "%1 groups that scored no region in common, so their severities cannot be compared:")
            .replace("%1", str(len(view.islands)))
            + groups + "<br>"
            + QCoreApplication.translate("AdjustmentRefusal", "Link the panels (rotate assessors between panels, or have every assessor score a "
                  "calibration case), or rank with the mean, median or trimmed mean. No ranking is shown "
                  "for this rule and nothing is exported with it."))


def _island(number: int, island: IslandView) -> str:
    names = ", ".join(island.assessors[:NAMES_SHOWN])
    if len(island.assessors) > NAMES_SHOWN:
        names += " " + QCoreApplication.translate("AdjustmentRefusal", "and %1 more").replace("%1", str(len(island.assessors) - NAMES_SHOWN))
    panels = ", ".join(island.panels) or QCoreApplication.translate("AdjustmentRefusal", "no panel in the schedule")
    return html.escape(QCoreApplication.translate("AdjustmentRefusal", "Group %1: %2 — %3 (%4 regions)").replace("%1", str(number)).replace("%2", panels)
                       .replace("%3", names).replace("%4", str(island.regions)))
