"""The 数据 step at the largest text size on a 1024x768 screen: table, message and help on screen, no page scrolling."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from fzdesk.domain.figure_text import TYPING_HINT
from fzdesk.domain.model import FigureState
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import FONT_SETTING, MainWindow
from fzdesk.ui.pages.figures_page import FiguresPage
from fzdesk.ui.style import MAX_POINT_SIZE
from tests.ui.figure_helpers import click, editor, type_in


def figures_at(qtbot: QtBot, store: Store, make_window: Callable[[Store], MainWindow], size: int,
               width: int = 1024) -> tuple[MainWindow, FiguresPage]:
    store.set_setting(FONT_SETTING, size)
    w = make_window(store)
    w.resize(width, 768)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"), focus=True)
    page = w.current_page()
    assert isinstance(page, FiguresPage) and page.sheet is not None
    qtbot.waitUntil(lambda: page.sheet is not None and page.sheet.view.font().pointSize() == size)
    return w, page


def on_screen(w: MainWindow, widget: QWidget) -> bool:
    """The widget is shown whole inside the page's scroll area (nothing of it needs scrolling to)."""
    viewport = w.page_scroller.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))


def no_page_scrolling(w: MainWindow) -> bool:
    return (w.page_scroller.verticalScrollBar().maximum() == 0
            and w.page_scroller.horizontalScrollBar().maximum() == 0)


def test_a_refused_figure_at_28_pt_leaves_the_help_on_screen(qtbot: QtBot, filled_store: Store,
                                                           make_window: Callable[[Store], MainWindow]) -> None:
    """The standard hint after a refusal (four lines at 28 pt) pushed the help under the screen's edge."""
    w, page = figures_at(qtbot, filled_store, make_window, MAX_POINT_SIZE)
    sheet = page.sheet
    assert sheet is not None
    report = w.session.report
    assert report is not None and report.id is not None
    before = filled_store.load_report(report.id).figures["A.accepted"]
    click(qtbot, sheet, "A.accepted")
    QTest.keyClick(editor(sheet), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, "12a")
    QTest.keyClick(editor(sheet), Qt.Key.Key_Return)
    message = sheet.message
    qtbot.waitUntil(lambda: TYPING_HINT in message.text())
    qtbot.waitUntil(lambda: no_page_scrolling(w))
    for widget in (sheet.view, message, sheet.help_title, sheet.help_text):
        assert on_screen(w, widget), widget
    assert message.shown_lines()[0].startswith("“受理”：“12a”不是数字")  # what is wrong is always read first
    assert "受理（件" in sheet.help_title.shown_lines()[0] and sheet.help_text.shown_lines()
    assert sheet.view.height() >= 3 * sheet.view.rowHeight(sheet.model.index_of("A.accepted"))
    assert filled_store.load_report(report.id).figures["A.accepted"] == before  # nothing saved


@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)")  # the tip, offscreen
@pytest.mark.parametrize("width", [1024, 1366])
def test_a_long_paste_refusal_at_28_pt_is_cut_and_shown_whole_on_a_click(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow], width: int) -> None:
    """The longest message the sheet gives (a paste refused) takes the lines there are and ends in …; its whole text
    is the tooltip and comes up when the clerk clicks it."""
    w, page = figures_at(qtbot, filled_store, make_window, MAX_POINT_SIZE, width)
    sheet = page.sheet
    assert sheet is not None
    report = w.session.report
    assert report is not None and report.id is not None
    QApplication.clipboard().setText("12\r\n1.5\r\n7\r\n")
    click(qtbot, sheet, "A.received")
    QTest.keyClick(editor(sheet), Qt.Key.Key_Escape)
    QTest.keyClick(sheet.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    message = sheet.message
    qtbot.waitUntil(lambda: message.text().startswith("没有粘贴：第2行"))
    qtbot.waitUntil(lambda: no_page_scrolling(w))
    for widget in (sheet.view, message, sheet.help_title, sheet.help_text):
        assert on_screen(w, widget), widget
    lines = message.shown_lines()
    assert len(lines) >= 2 and lines[0].startswith("没有粘贴：第2行")
    if width == 1024:  # five lines and more at this width: cut, and said whole on demand
        assert message.is_elided() and lines[-1].endswith("…") and message.toolTip() == message.text()
        # three lines at most: the table keeps a heading and three figures in view
        assert len(lines) == 3
        assert sheet.view.viewport().height() >= 4 * sheet.view.rowHeight(sheet.model.index_of("A.received"))
        qtbot.mouseClick(message, Qt.MouseButton.LeftButton)
        assert QToolTip.isVisible()
        assert QToolTip.text() == message.text()
        QToolTip.hideText()
    saved = filled_store.load_report(report.id).figures
    assert "A.received" not in saved or saved["A.received"].state is FigureState.EMPTY  # nothing pasted


def test_the_help_says_everything_when_there_is_room(qtbot: QtBot, filled_store: Store,
                                                    make_window: Callable[[Store], MainWindow]) -> None:
    """At the usual text size on 1366x768 nothing under the table is cut (and there is no tooltip to hunt for)."""
    w, page = figures_at(qtbot, filled_store, make_window, 14, 1366)
    sheet = page.sheet
    assert sheet is not None
    click(qtbot, sheet, "A.accepted")
    QTest.keyClick(editor(sheet), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_in(qtbot, "12a")
    QTest.keyClick(editor(sheet), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: TYPING_HINT in sheet.message.text())
    qtbot.waitUntil(lambda: no_page_scrolling(w))
    for label in (sheet.message, sheet.help_title, sheet.help_text, sheet.legend):
        assert on_screen(w, label) and not label.is_elided(), label
        assert "".join(label.shown_lines()) == label.text().replace("\n", "")
    assert sheet.progress_label.text().startswith("已填 ")


def test_the_count_above_the_table_shortens_before_the_bar_widens_the_page(qtbot: QtBot, store: Store) -> None:
    """已填 5/100 becomes 5/100 when the bar would not fit; the sheet never asks for the long form's width."""
    from tests.ui.figure_helpers import make_report, make_sheet

    sheet = make_sheet(qtbot, store, make_report(store))
    font = sheet.font()
    font.setPointSize(MAX_POINT_SIZE)
    sheet.setFont(font)
    qtbot.waitUntil(lambda: sheet.view.font().pointSize() == MAX_POINT_SIZE)
    done, total = sheet.progress()
    sheet.resize(400, 768)  # narrower than the page can be: the sheet takes its least width
    qtbot.waitUntil(lambda: sheet.progress_label.text() == f"{done}/{total}")
    narrow = sheet.minimumSizeHint().width()
    assert sheet.progress_label.toolTip().startswith(f"共 {total} 项，已填 {done} 项")
    sheet.resize(1366, 768)
    qtbot.waitUntil(lambda: sheet.progress_label.text() == f"已填 {done}/{total}")
    assert sheet.minimumSizeHint().width() == narrow  # the text chosen does not widen the page
