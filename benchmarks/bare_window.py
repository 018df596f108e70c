"""The benchmark baseline: a bare PySide6 main window, frozen with the same Qt options as fzdesk.

With FZDESK_QUIT_WHEN_IDLE=1 it quits as soon as the window is shown and the event loop is idle, like fzdesk.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    window.show()
    if os.environ.get("FZDESK_QUIT_WHEN_IDLE") == "1":
        QTimer.singleShot(0, app.quit)
    return int(app.exec())


if __name__ == "__main__":
    raise SystemExit(main())
