"""Driving modal dialogs from a test: each step waits for its dialog to open, then acts on it as a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget


class Modals:
    """Steps run in order, each on the first visible top-level widget of its kind.

    The next step is armed before a step acts, so a step may open a nested modal dialog (which blocks it).
    A failing step is recorded in .errors and its dialog rejected, so the test never hangs.
    """

    def __init__(self) -> None:
        self.steps: list[tuple[type, Callable[[Any], None]]] = []
        self.errors: list[BaseException] = []

    def then(self, kind: type, act: Callable[[Any], None]) -> Modals:
        self.steps.append((kind, act))
        return self

    def start(self) -> None:
        QTimer.singleShot(0, self._poll)

    @property
    def done(self) -> bool:
        return not self.steps

    def _poll(self) -> None:
        if not self.steps:
            return
        kind, act = self.steps[0]
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found:
            QTimer.singleShot(10, self._poll)
            return
        self.steps.pop(0)
        QTimer.singleShot(10, self._poll)
        try:
            act(found[-1])
        except BaseException as exc:
            self.errors.append(exc)
            self.steps.clear()
            for w in QApplication.topLevelWidgets():
                if isinstance(w, kind) and w.isVisible():
                    w.reject()  # type: ignore[attr-defined]


def pick_file(path: Path) -> Callable[[QFileDialog], None]:
    """Selects the file in the file dialog, as a user clicks it in its folder, and clicks 打开."""

    def act(dialog: QFileDialog) -> None:
        dialog.selectFile(str(path))
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert box is not None
        button = box.button(QDialogButtonBox.StandardButton.Open)
        assert button is not None and button.isEnabled()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


def cancel(dialog: QWidget) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
