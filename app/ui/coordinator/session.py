"""The coordinator view's shared state: which round, which rule, and the latest consolidation.

Every tab reads the same :class:`~app.consolidation.Consolidation`. The assessor severities are fitted
only while a tab that shows them is open, or the rule is ``adjusted`` (:meth:`want_severity`).
Recomputing (a new rule, a moderation, an import) runs on the task runner; a result that arrives after a newer request was
made is dropped, so the last request always wins. Writes (moderation) go through the runner too,
and are followed by a recomputation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.consolidation import Consolidation, moderate
from app.consolidation.official_rule import set_official_rule
from app.consolidation.severity.cache import SeverityCache
from app.rounds import RoundInfo, list_rounds
from app.ui.coordinator.computed import RoundView, compute_round, with_severity
from app.ui.coordinator.rule_names import rule_name
from app.ui.coordinator.services import CoordinatorServices


def error_text(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__


class CoordinatorSession(QObject):
    consolidated = Signal(object)  # Consolidation
    computing = Signal(bool)
    failed = Signal(str)
    message = Signal(str)  # a short notice for the status line
    moderated = Signal(str)  # region code whose moderation changed
    severity_ready = Signal()  # the latest view now has the severity fit (or its refusal)

    def __init__(self, services: CoordinatorServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.round_id: str | None = None
        self.rule: str | None = None  # None: the round's own rule
        self.consolidation: Consolidation | None = None
        self.view: RoundView | None = None  # the latest result: severities, official rule, refusal
        self.severity_wanted = False  # a tab showing the severities is open: fit them with every recompute
        self.cache = SeverityCache()  # the fit per round state: a moderation or another rule does not refit
        self._generation = 0
        self._pending = 0

    @property
    def runner(self):
        return self.services.runner

    @property
    def store(self):
        return self.services.store

    def rounds(self) -> list[RoundInfo]:
        return list_rounds(self.store)

    def set_round(self, round_id: str | None) -> None:
        self.round_id = round_id
        self.recompute()

    def set_rule(self, rule: str | None) -> None:
        if rule != self.rule:
            self.rule = rule
            self.recompute()

    def recompute(self) -> None:
        self._generation += 1
        generation = self._generation
        self._pending += 1
        self.computing.emit(True)
        self.runner.run(compute_round, self.store, self.round_id, self.rule, self.severity_wanted, self.cache,
                        label=self.tr("Consolidating"),
                        on_done=lambda result: self._done(generation, result),
                        on_error=lambda exc: self._error(generation, exc))

    def _settle(self) -> None:
        self._pending = max(0, self._pending - 1)
        if not self._pending:
            self.computing.emit(False)

    def _done(self, generation: int, result: RoundView) -> None:
        self._settle()
        if generation != self._generation:
            return  # a newer request is under way
        self.view, self.consolidation = result, result.consolidation
        if self.round_id is None:
            self.round_id = result.consolidation.round.id
        self.consolidated.emit(result.consolidation)

    def want_severity(self, wanted: bool) -> None:
        """A tab that shows the severities opened (True) or closed; fits them now if the view lacks them."""
        self.severity_wanted = wanted
        view = self.view
        if not wanted or view is None or view.fitted:
            return
        generation = self._generation
        self._pending += 1
        self.computing.emit(True)
        self.runner.run(with_severity, view, self.cache, label=self.tr("Estimating the assessor severities"),
                        on_done=lambda result: self._fitted(generation, result),
                        on_error=lambda exc: self._error(generation, exc))

    def _fitted(self, generation: int, result: RoundView) -> None:
        self._settle()
        if generation != self._generation or self.view is None or self.view.fitted:
            return  # a newer recompute is under way (it fits too, as the severities are wanted) or already did
        self.view = result
        self.severity_ready.emit()

    def make_official(self, on_done: Callable[[bool], None] | None = None) -> None:
        """Record the rule now shown as the round's official rule (who and when go to the change log)."""
        view = self.view
        if view is None or view.refused:
            return
        rule = view.consolidation.rule

        def done(changed: bool) -> None:
            self.message.emit(self.tr("Official rule of the round: %1 (recorded with your name and the time)")
                              .replace("%1", rule_name(rule)) if changed else self.tr("Nothing changed"))
            if on_done is not None:
                on_done(changed)
            self.recompute()

        self.runner.run(set_official_rule, self.store, view.consolidation.round.id, rule, self.services.who(), "",
                        self.cache, label=self.tr("Recording the official rule"), on_done=done,
                        on_error=lambda exc: self.failed.emit(error_text(exc)))

    def _error(self, generation: int, exc: BaseException) -> None:
        self._settle()
        if generation == self._generation:
            self.failed.emit(error_text(exc))

    def moderate(self, region_code: str, indicator_code: str, level: int | None, reason: str,
                 on_done: Callable[[Any], None] | None = None) -> None:
        """Set (a level) or clear (None) a moderation with its reason, then recompute the ranking."""
        c = self.consolidation
        if c is None:
            return
        actor = self.services.who()

        def done(changed: bool) -> None:
            if level is None:
                text = self.tr("%1 %2: moderation cleared").replace("%1", region_code).replace("%2", indicator_code)
            else:
                text = (self.tr("%1 %2: moderated to level %3").replace("%1", region_code)
                        .replace("%2", indicator_code).replace("%3", str(level)))
            self.message.emit(text if changed else self.tr("Nothing changed"))
            self.moderated.emit(region_code)
            if on_done is not None:
                on_done(changed)
            self.recompute()

        self.runner.run(moderate, self.store, c.round.id, region_code, indicator_code, level, reason, actor,
                        label=self.tr("Moderating"), on_done=done,
                        on_error=lambda exc: self.failed.emit(error_text(exc)))
