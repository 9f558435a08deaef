"""Saving free text while it is typed, with the loss on a crash bounded in time.

A debounce (save after a pause) never saves someone who types steadily. This throttle saves at most
once per interval while the text keeps changing, and at once on :meth:`flush` (focus out, another
indicator, a level change, closing): whatever was typed more than one interval ago is in the store,
however fast or long the typing. A value equal to the last one saved is not saved again, so an
unchanged field adds nothing to the change log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

SAVE_INTERVAL_MS = 300


class ThrottledSaver(QObject):
    """Calls ``save(current())`` at most every ``interval_ms`` while :meth:`changed` is being called.

    ``save`` may return ``False`` when the value did not reach the store; it is then tried again at
    the next change or flush.
    """

    def __init__(self, current: Callable[[], Any], save: Callable[[Any], object],
                 interval_ms: int = SAVE_INTERVAL_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current, self._save = current, save
        self._saved: Any = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def dirty(self) -> bool:
        """Something typed has not been saved yet."""
        return self._dirty

    def baseline(self, value: Any) -> None:
        """``value`` is what the store holds now (a field was just filled from it)."""
        self._timer.stop()
        self._dirty = False
        self._saved = value

    def changed(self) -> None:
        self._dirty = True
        if not self._timer.isActive():  # a running timer already covers this change: throttle, not debounce
            self._timer.start()

    def flush(self) -> None:
        """Save a pending change now."""
        self._timer.stop()
        if not self._dirty:
            return
        self._dirty = False
        value = self._current()
        if value == self._saved:
            return
        if self._save(value) is False:
            self._dirty = True
            return
        self._saved = value

    def discard(self) -> None:
        """Forget a pending change (the field is about to show something else)."""
        self._timer.stop()
        self._dirty = False
