"""Driving modal dialogs from a test: each step waits for its dialog to open, then acts on it as a user would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QWidget

#: Bumped by tests/ui/conftest.py at the start and end of every test: a driver still waiting for a dialog when its
#: test ended stops, instead of acting on a later test's dialog of the same kind (a flaky failure seen in CI).
current_test = [0]


def test_is_over(started_in: int) -> bool:
    return current_test[0] != started_in


class Modals:
    """Steps run in order, each on the first visible top-level widget of its kind.

    The next step is armed before a step acts, so a step may open a nested modal dialog (which blocks it).
    A failing step is recorded in .errors and its dialog rejected, so the test never hangs.
    """

    def __init__(self) -> None:
        self.steps: list[tuple[type, Callable[[Any], None], Callable[[], bool]]] = []
        self.errors: list[BaseException] = []
        self._test = current_test[0]

    def then(self, kind: type, act: Callable[[Any], None], when: Callable[[], bool] = lambda: True) -> Modals:
        """Adds a step: act on the dialog of kind once it is visible and when() holds."""
        self.steps.append((kind, act, when))
        return self

    def start(self) -> None:
        QTimer.singleShot(0, self._poll)

    @property
    def done(self) -> bool:
        return not self.steps

    def _poll(self) -> None:
        if not self.steps or test_is_over(self._test):
            return
        kind, act, when = self.steps[0]
        found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not found or not when():
            QTimer.singleShot(10, self._poll)
            return
        self.steps.pop(0)
        QTimer.singleShot(10, self._poll)
        try:
            act(found[-1])
        except BaseException as exc:
            self.errors.append(exc)
            self.steps.clear()
            self._close_all()

    def _close_all(self, polls: int = 300) -> None:
        """After a failure: every open dialog is rejected (innermost first), so the test ends instead of hanging;
        for 3 s more, also a dialog that opens after the last one closed (a question asked again once its answer's
        dialog was rejected had the test wait for ever)."""
        open_dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
        if open_dialogs:
            open_dialogs[-1].reject()
        if polls and not test_is_over(self._test):
            QTimer.singleShot(10, lambda: self._close_all(polls - 1))


def pick_file(path: Path) -> Callable[[QFileDialog], None]:
    """Goes to the file's folder, selects the file there and clicks 打开, as a user does."""

    def act(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(path.parent))
        if not any(path.name.endswith(ext) for ext in (".docx", ".json", ".txt")):
            dialog.selectNameFilter("所有文件 (*)")  # the user shows all files to find another kind
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert box is not None
        button = box.button(QDialogButtonBox.StandardButton.Open)
        assert button is not None
        for _ in range(200):  # the folder is listed in the background, which may clear an early selection
            dialog.selectFile(path.name)
            QTest.qWait(10)
            if button.isEnabled() and dialog.selectedFiles() == [str(path)]:
                break
        assert button.isEnabled(), f"打开 stays disabled for {path}"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


def cancel(dialog: QWidget) -> None:
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
