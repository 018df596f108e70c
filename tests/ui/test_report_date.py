"""成文日期 typed as clerks write dates: 2025/1/3, 2025.1.3, 2025-1-3, 2025 1 3 and 2025年1月3日."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.report_page import ReportPage
from tests.ui.helpers import key, send_text_key


def report_page(w: MainWindow) -> ReportPage:
    w.go(w._step_index("report"))
    page = w.current_page()
    assert isinstance(page, ReportPage)
    return page


def stored_date(w: MainWindow, store: Store) -> dt.date | None:
    """The open report's 成文日期 as saved."""
    w.saver.flush()
    report = w.session.report
    assert report is not None and report.id is not None
    return store.load_report(report.id).date


def type_keys(text: str) -> None:
    """Types text into the widget with the keyboard focus, one key event per character."""
    for ch in text:
        target = QApplication.focusWidget()
        assert target is not None
        send_text_key(target, ch)


@pytest.mark.parametrize("typed", ["2025/1/3", "2025.1.3", "2025-1-3", "2025 1 3", "2025年1月3日", "2025／1／3",
                                   "2025．1．3"])
def test_a_date_typed_with_any_separator(typed: str, filled_store: Store, qtbot: QtBot,
                                         make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    page = report_page(w)
    key(page.organ2, Qt.Key.Key_Tab)  # Tab from 第二署名机关 into the date: its year is selected
    assert QApplication.focusWidget() is page.date
    type_keys(typed)
    key(page.date, Qt.Key.Key_Tab)
    assert page.date.text() == "2025年1月3日"
    assert stored_date(w, filled_store) == dt.date(2025, 1, 3)


def test_the_whole_date_selected_and_typed_again(filled_store: Store, qtbot: QtBot,
                                                 make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    page = report_page(w)
    key(page.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys("2025.2.8")
    key(page.date, Qt.Key.Key_Tab)
    assert page.date.text() == "2025年2月8日"
    assert stored_date(w, filled_store) == dt.date(2025, 2, 8)
