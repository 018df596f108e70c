"""Run in a fresh interpreter by test_stick_pulled.py: the window of a program started from a USB stick; the stick
is pulled while the clerk types. Prints what the clerk was told, one line each, then PENDING and STATUS."""

from __future__ import annotations

import importlib.abc
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path


class Pulled(importlib.abc.MetaPathFinder):
    """The program's own files went with the stick: no module not loaded yet can be loaded."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        raise ImportError(f"{fullname}: 程序所在的U盘已拔出")


def main(folder: Path) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    resources = folder / "resources"  # the bundle's resources/, on the stick too
    shutil.copytree(Path(__file__).resolve().parents[2] / "resources", resources)
    os.environ["FZDESK_RESOURCES"] = str(resources)
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QPlainTextEdit, QTextEdit

    from fzdesk import portable
    from fzdesk.storage.store import Store
    from fzdesk.ui.stick_ready import NEEDED_WHEN_PULLED
    from tests import factories

    def wait_until(condition: Callable[[], bool], timeout_ms: int) -> None:
        """Runs the event loop until condition holds (or timeout_ms: the parent test then says what was missing)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while not condition() and time.monotonic() < deadline:
            QTest.qWait(20)

    app = QApplication([])
    portable.executable_dir = lambda: folder / "fzdesk"  # type: ignore[assignment]  # the bundle on a stick
    portable.is_removable = lambda path: True  # type: ignore[assignment]
    store = Store.open(folder / "fzdesk-data", daily_backup=False)
    unit = factories.unit()
    store.save_unit(unit)
    store.create_report(factories.report(unit))
    from fzdesk.ui.main_window import MainWindow

    window = MainWindow(store)
    window.resize(1024, 700)
    window.show()
    window.go(next(i for i, s in enumerate(window.steps) if s.key == "opening"))
    runner = window.checks.runner

    def settled() -> bool:
        """The window painted, its after-first-paint work (the modules a pulled stick needs) and first check done."""
        engine = sys.modules.get("fzdesk.checks.engine")
        return (engine is not None and not getattr(engine.__spec__, "_initializing", False) and runner.checked
                and all(name in sys.modules for name in NEEDED_WHEN_PULLED))

    wait_until(settled, 30_000)
    page = window.current_page()
    editor = next(e for e in [*page.findChildren(QPlainTextEdit), *page.findChildren(QTextEdit)]
                  if e.isVisible() and not e.isReadOnly())

    sys.meta_path.insert(0, Pulled())
    shutil.rmtree(resources)
    shutil.rmtree(store.folder)
    told: list[str] = []

    def answer() -> None:
        box = app.activeModalWidget()
        if isinstance(box, QMessageBox):
            told.append(f"{box.windowTitle()}|{box.text()[:40]}")
            later = [b for b in box.buttons() if "稍后" in b.text()]
            (later[0].click() if later else box.reject())

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(30)
    editor.setFocus()
    before = runner.result
    QTest.keyClicks(editor, "abc")
    # the autosave's failure said, and the full check that starts 1.5 s after typing (FULL_DELAY_MS) run and shown
    wait_until(lambda: any(line.startswith("数据文件不见了|") for line in told) and runner.result is not before,
               30_000)
    app.processEvents()
    for line in told:
        print(line.replace("\n", " "))
    print("PENDING", window.saver.pending)
    print("STATUS", window.statusBar().currentMessage() or "-")
    window.saver.discard()
    window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
