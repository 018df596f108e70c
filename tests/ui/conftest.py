"""Fixtures for the window tests: a store with one filled unit, and a MainWindow on a store."""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from tests import factories


def _give_back_none(name: str) -> None:
    """PySide6 6.12's QTest key functions drop one reference to None per call; after a few thousand
    simulated keys Python aborts (none_dealloc / bool_dealloc at exit). Put the reference back."""
    original = getattr(QTest, name)
    if getattr(original, "_fzdesk_fixed", False):
        return

    @functools.wraps(original)
    def call(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))

    call._fzdesk_fixed = True  # type: ignore[attr-defined]
    setattr(QTest, name, call)


for _name in ("keyClick", "keyClicks", "keyPress", "keyRelease", "keyEvent", "sendKeyEvent", "simulateEvent"):
    if hasattr(QTest, _name):
        _give_back_none(_name)


@pytest.fixture
def make_window(qtbot: QtBot) -> Iterator[Callable[[Store], MainWindow]]:
    windows: list[MainWindow] = []

    def make(store: Store) -> MainWindow:
        window = MainWindow(store)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # shortcuts only reach the active window
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield make
    for w in windows:
        if w.isVisible():
            w.close()


@pytest.fixture
def filled_store(store: Store) -> Store:
    """The store with one department unit and its filled 2023 and 2022 reports."""
    unit = factories.unit()
    store.save_unit(unit)
    store.create_report(factories.report(unit, 2022))
    store.create_report(factories.report(unit, 2023))
    return store


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot pass size hints to a top-level window: harmless."""
    for item in items:
        if item.path.parent.name == "ui":
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))
