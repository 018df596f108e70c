"""Fixtures for the window tests: a store with one filled unit, and a MainWindow on a store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Report
from fzdesk.pyside_fix import pin_singletons
from fzdesk.storage.store import Store
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.style import dialogs_follow
from tests import factories
from tests.exchange import samples
from tests.ui import modal
from tests.ui.figure_helpers import make_report, make_sheet

pin_singletons()  # PySide6 drops references to None/True/False: see fzdesk/pyside_fix.py


@pytest.fixture(autouse=True)
def _dialog_drivers_end_with_their_test() -> Iterator[None]:
    """See tests/ui/modal.py current_test."""
    modal.current_test[0] += 1
    yield
    modal.current_test[0] += 1


@pytest.fixture(autouse=True)
def _dialogs_at_the_default_text_size() -> Iterator[None]:
    """A window's text size reaches every dialog (style.dialogs_follow) through the application, which outlives the
    test: a later test's dialogs start at the application's own size again."""
    yield
    dialogs_follow(QApplication.font().pointSize())


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Store], MainWindow]]:
    windows: list[MainWindow] = []

    def make(store: Store) -> MainWindow:
        window = MainWindow(store)
        # a test that failed with an edit kept for a retry: closing would ask, and no one would answer (it hung)
        qtbot.addWidget(window, before_close_func=lambda w: w.saver.discard())
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts only reach the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        if window.session.report is not None:  # its first check runs in the worker thread after the first paint
            qtbot.waitUntil(lambda: window.checks.runner.checked, timeout=5000)
        windows.append(window)
        return window

    yield make
    for w in windows:
        if w.isVisible():
            w.close()


@pytest.fixture
def filled_store(store: Store) -> Store:
    """The store with one department unit and its filled 2023 and 2022 reports."""
    factories.two_years(store)
    return store


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot pass size hints to a top-level window: harmless."""
    for item in items:
        if item.path.parent.name == "ui":
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes, recorded (title, text) instead of shown."""
    shown: list[tuple[str, str]] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, title, text, *a, **k: shown.append((title, text)))
    return shown


@pytest.fixture
def county(tmp_path: Path) -> Path:
    path = tmp_path / "county.txt"
    path.write_text(samples.county_text(), encoding="utf-8")
    return path


@pytest.fixture
def report(store: Store) -> Report:
    """A report of today's catalogue with a few figures, for the figure sheet's tests (a module may have its own)."""
    return make_report(store)


@pytest.fixture
def sheet(qtbot: QtBot, store: Store, report: Report) -> FigureSheet:
    """The figure sheet on report, shown at 1366 x 768 in an active window."""
    return make_sheet(qtbot, store, report)


@pytest.fixture
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The window's saver tries a failed write again after 150 ms instead of 3 s (the save-failure tests)."""
    from fzdesk.ui import autosave

    monkeypatch.setattr(autosave, "RETRY_MS", 150)
