"""The 数据 step's page: it always holds the figure sheet, and the step's state follows what is saved there."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fzdesk import resources
from fzdesk.domain.model import FigureState
from fzdesk.domain.progress import Progress
from fzdesk.storage.store import Store
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.figures_page import FiguresPage


def test_the_page_holds_the_sheet_and_the_step_follows_it(qtbot: QtBot, filled_store: Store,
                                                          make_window: Callable[[Store], MainWindow]) -> None:
    """Every figure marked 不涉及 in one go (a block from the first figure to the last, Ctrl+B): the step is done."""
    w = make_window(filled_store)
    row = next(i for i, s in enumerate(w.steps) if s.key == "figures")
    w.go(row, focus=True)
    page = w.current_page()
    assert isinstance(page, FiguresPage) and isinstance(page.sheet, FigureSheet)
    assert page.first_focus() is page.sheet and page.sheet.isVisible()
    sheet, view = page.sheet, page.sheet.view
    report = w.session.report
    assert report is not None and report.id is not None
    total = len([i for i in resources.catalogue().indicators if i.since <= report.catalogue_version])
    assert page.progress() == sheet.progress() == (5, total)
    assert w.state_of("figures") is Progress.PARTIAL
    view.setFocus()
    view.setCurrentIndex(view.neighbour(sheet.model.index(0, 0), 1))
    QTest.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.state_of("figures") is Progress.DONE)
    assert page.progress() == (total, total)
    assert "已完成" in w.step_list.item(row).text()
    figures = filled_store.load_report(report.id).figures
    assert sum(1 for f in figures.values() if f.state is FigureState.NA) == total
