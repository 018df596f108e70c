"""报告信息 at the largest text size in a 1024 x 768 window: labels above their fields, no sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFormLayout
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.report_page import ReportPage
from fzdesk.ui.style import DEFAULT_POINT_SIZE, MAX_POINT_SIZE
from tests.ui.helpers import type_text


def test_the_largest_text_needs_no_sideways_scrolling_and_typing_still_saves(
        qtbot: QtBot, filled_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    w.resize(1024, 768)
    w.go(1, focus=True)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    assert page.form.rowWrapPolicy() is QFormLayout.RowWrapPolicy.DontWrapRows  # side by side at the default size
    larger = next(a for a in w.findChildren(QAction) if a.text() == "放大文字(&I)")
    while w.point_size < MAX_POINT_SIZE:
        larger.trigger()  # 视图 → 放大文字 (Ctrl++)
    assert page.form.rowWrapPolicy() is QFormLayout.RowWrapPolicy.WrapAllRows
    label = page.form.labelForField(page.recipient)
    assert label is not None

    def label_above_its_field() -> None:  # the page laid out again (a fixed 20 ms wait could end before it was)
        assert label.geometry().bottom() < page.recipient.geometry().top()

    qtbot.waitUntil(label_above_its_field, timeout=2000)
    scroller = w.page_scroller
    assert page.minimumSizeHint().width() <= scroller.viewport().width(), page.minimumSizeHint()
    assert not scroller.horizontalScrollBar().isVisible()  # (was 840 px in a 740 px view: a sideways scroll bar)
    QTest.keyClick(w, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # 主送机关(&R), still reached by its key
    assert page.recipient.hasFocus()
    page.recipient.selectAll()
    type_text(page.recipient, "沈丘县委、县政府")
    w.saver.flush()
    report = w.session.report
    assert report is not None and report.id is not None
    assert filled_store.load_report(report.id).recipient == "沈丘县委、县政府"
    next(a for a in w.findChildren(QAction) if a.text() == "默认大小(&D)").trigger()
    assert w.point_size == DEFAULT_POINT_SIZE
    assert page.form.rowWrapPolicy() is QFormLayout.RowWrapPolicy.DontWrapRows
