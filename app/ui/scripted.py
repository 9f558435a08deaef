"""A hidden hook for end-to-end tests and screenshots: NILAI_UI_SCRIPT=steps.json.

The steps drive the real window through the same paths an assessor uses (key presses go through
Qt's shortcut handling, text is typed into the focused field). Each finished step is reported on
stdout ("STEP n"), the end as "SCRIPT DONE", so a test can kill the program at a known point.

Steps (a JSON list of objects): {"wait": ms}, {"open": "<region code>"}, {"key": "Ctrl+Return"},
{"type": "text"}, {"focus": "note" | "outline"},
{"screenshot": "file.png", "of": "window" | "modal", "colors": 256},
{"attach": "path"}, {"print": "text"}, {"report": true} (prints "STATE {json}" of the open
interview), {"quit": true}.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.widgets import status as st

STEP_GAP_MS = 150


def palette_image(image: QImage, colours: int) -> QImage:
    """The image with its most frequent colours (status accents always kept), nearest-colour mapped."""
    import numpy as np  # deferred: numpy only for screenshots of a scripted run

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32, count=image.width() * image.height())
    values, counts = np.unique(pixels, return_counts=True)
    accents = [colour.rgb() for colour in (*st.ACCENTS.values(), st.WARNING)]
    common = [int(v) for v in values[np.argsort(counts)[::-1]] if int(v) not in accents]
    return image.convertToFormat(QImage.Format.Format_Indexed8, (accents + common)[:colours],
                                 Qt.ImageConversionFlag.ThresholdDither)


class ScriptDriver(QObject):
    def __init__(self, shell, path: str) -> None:
        super().__init__(shell)
        self.shell = shell
        self.steps = json.loads(Path(path).read_text(encoding="utf-8"))
        self.position = 0

    @property
    def window(self):
        return self.shell.window

    def start(self) -> None:
        self.window.raise_()
        self.window.activateWindow()
        QTimer.singleShot(600, self._next)

    def _next(self) -> None:
        if self.position >= len(self.steps):
            print("SCRIPT DONE", flush=True)
            return
        step = self.steps[self.position]
        self.position += 1
        delay = STEP_GAP_MS
        if "wait" in step:
            delay = int(step["wait"])
        else:
            self._do(step)
        print(f"STEP {self.position}", flush=True)
        QTimer.singleShot(delay, self._next)

    def _target(self) -> QWidget:
        return QApplication.activeModalWidget() or QApplication.focusWidget() or self.window

    def _do(self, step: dict) -> None:
        from PySide6.QtTest import QTest  # deferred: QtTest only for a scripted run

        if "open" in step:
            view = self.window.schedule
            entry = next(e for e in view.model.entries() if e.region.code == step["open"])
            view.select_slot(entry.slot_id)
            view.open_current()
        elif "key" in step:
            combination = QKeySequence(step["key"])[0]  # type: ignore[index]  # PySide6's stubs omit __getitem__
            target = self._target()
            # Later, so a dialog the key opens runs its loop without holding up the script.
            QTimer.singleShot(0, lambda: QTest.keyClick(target, combination.key(), combination.keyboardModifiers()))
        elif "type" in step:
            QTest.keyClicks(self._target(), step["type"])
        elif "focus" in step:
            widget = self.window.interview.panel.note if step["focus"] == "note" else self.window.interview.tree
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        elif "attach" in step:
            view = self.window.interview
            view.session.add_evidence(view.current_code, [Path(step["attach"])])
        elif "screenshot" in step:
            widget = QApplication.activeModalWidget() if step.get("of") == "modal" else self.window
            image = (widget or self.window).grab().toImage()
            if step.get("colors"):  # a palette image keeps documentation screenshots small
                image = palette_image(image, int(step["colors"]))
            image.save(step["screenshot"])
        elif "print" in step:
            print(step["print"], flush=True)
        elif "report" in step:
            view = self.window.interview
            marks = {code: [mark.level, mark.not_applicable] for code in view.outline.indicator_codes()
                     if (mark := view.outline.mark(code)).is_scored}
            print("STATE " + json.dumps({"version": view.version_id, "current": view.current_code, "marks": marks,
                                         "note": view.panel.note.toPlainText()}), flush=True)
        elif step.get("quit"):
            self.window.close()
        else:
            print(f"unknown script step {step}", file=sys.stderr, flush=True)
