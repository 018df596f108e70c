"""Run by tests/ui/test_autosave.py as its own process, to be killed: opens the window on the store in the folder
given, goes to 主要举措和成效 and types one Chinese character every KEY_MS ms into its editor, printing after each
key "typed <count> <monotonic time>" (flushed), until it is killed.

    python -m tests.ui.autosave_victim DATA_DIR
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from fzdesk.domain.model import Block
from fzdesk.pyside_fix import pin_singletons
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from tests.ui.helpers import send_text_key

KEY_MS = 50
TEXT = "依法行政水平持续提升全年开展法治培训"


def main() -> None:
    pin_singletons()
    app = QApplication(sys.argv)
    store = Store.open(Path(sys.argv[1]))
    window = MainWindow(store)
    window.resize(1366, 768)
    window.show()
    window.go(next(i for i, s in enumerate(window.steps) if s.block is Block.MEASURES))
    editor = window.current_page().text  # type: ignore[attr-defined]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    count = 0

    def key() -> None:
        nonlocal count
        ch = TEXT[count % len(TEXT)]
        send_text_key(editor, ch)
        count += 1
        print(f"typed {count} {time.monotonic():.4f}", flush=True)

    timer = QTimer()
    timer.timeout.connect(key)
    QTimer.singleShot(300, lambda: timer.start(KEY_MS))
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
