"""Closing the window while a field that saves when it is left still has the cursor: what was typed is saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.report_page import ReportPage
from tests.ui.figure_helpers import click, editor, saved, type_in
from tests.ui.helpers import key


def test_a_year_typed_without_enter_is_saved_when_the_window_closes(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.go(w._step_index("report"), focus=True)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    report = w.session.report
    assert report is not None and report.id is not None and report.year == 2023
    page.year.setFocus()
    key(page.year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, "2024")
    assert page.year.text().startswith("2024")
    assert filled_store.load_report(report.id).year == 2023  # (the box takes its value on Enter or on leaving it)
    w.close()
    assert filled_store.load_report(report.id).year == 2024


def test_a_figure_typed_without_enter_is_saved_when_the_window_closes(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.go(w._step_index("figures"), focus=True)
    sheet = w.current_page().findChild(FigureSheet)
    assert sheet is not None
    report = w.session.report
    assert report is not None
    click(qtbot, sheet, "A.received")
    type_in(qtbot, "4321")
    assert editor(sheet) is QApplication.focusWidget()
    w.close()
    figure = saved(filled_store, report, "A.received")
    assert figure is not None and figure.value == 4321
