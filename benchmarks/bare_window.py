"""The benchmark baseline: a bare PySide6 main window, frozen with the same Qt options as fzdesk.

With FZDESK_QUIT_WHEN_IDLE set it quits, like fzdesk, on the event loop's first turn after the window's first
paint, and writes that moment (time.perf_counter()) to $FZDESK_STARTUP_STAMP when it is set. It imports nothing
of fzdesk (its frozen bundle holds Qt and Python only), so it watches for the paint event itself.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitAfterFirstPaint(QObject):
    def __init__(self, app: QApplication, window: QMainWindow) -> None:
        super().__init__(window)
        self.app, self.window = app, window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: object) -> bool:
        if watched is self.window and isinstance(event, QPaintEvent):
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.stamp_and_quit)
        return False

    def stamp_and_quit(self) -> None:
        path = os.environ.get("FZDESK_STARTUP_STAMP")
        if path:
            with open(path, "w", encoding="ascii") as fh:
                fh.write(f"{time.perf_counter():.6f}\n")
        self.app.quit()


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    if os.environ.get("FZDESK_QUIT_WHEN_IDLE"):
        QuitAfterFirstPaint(app, window)
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
