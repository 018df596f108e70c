"""At the largest text size on a small screen the import dialog's options and the dictionary's class names wrap in
their columns instead of scrolling sideways, and the open 用语词典 follows a later change of the text size."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QScrollArea
from pytestqt.qtbot import QtBot

from fzdesk.exchange.importer import open_import
from fzdesk.storage.store import Store
from fzdesk.ui.import_dialog import ImportDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.style import MAX_POINT_SIZE
from tests import factories
from tests.ui.helpers import type_text
from tests.ui.test_dialog_text_size import enlarge_to_the_largest
from tests.ui.test_dictionary_dialog import OFFSCREEN, click_class, open_dictionary, user_file

LEFT = Qt.MouseButton.LeftButton


def options_column(dialog: ImportDialog) -> QScrollArea:
    return next(area for area in dialog.findChildren(QScrollArea) if area.isAncestorOf(dialog.replace))


def test_the_import_options_wrap_in_their_column_at_the_largest_size(
        filled_store: Store, county: Path, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    """"替换原有的报告（原报告被删除）" was twice as wide as its column: the column scrolled sideways."""
    w = make_window(filled_store)
    enlarge_to_the_largest(qtbot, w)
    dialog = ImportDialog(filled_store, open_import(county), parent=w)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.replace.isVisible()  # the store has the file's unit's 2023 report: 替换 / 两份都保留 are asked
    column = options_column(dialog)
    line = dialog.replace.fontMetrics().height()
    # laid out at its width (a fixed 20 ms wait could end before): the long option wrapped onto a second line
    qtbot.waitUntil(lambda: dialog.replace.height() >= 2 * line, timeout=2000)
    assert dialog.font().pointSize() == MAX_POINT_SIZE
    assert column.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    room = column.viewport().width()
    options: list[QAbstractButton] = [dialog.replace, dialog.keep_both, dialog.next_year, dialog.copy_text]
    for option in options:
        assert option.mapTo(column.viewport(), QPoint(option.width(), 0)).x() <= room, option.text()
        assert option.height() >= option.heightForWidth(option.width()), option.text()  # no line cut off
    before = factories.dump(filled_store)
    column.ensureWidgetVisible(dialog.replace)
    # the clerk clicks the option's second line, at its end: it is chosen
    qtbot.mouseClick(dialog.replace, LEFT, pos=QPoint(dialog.replace.width() - 4, dialog.replace.height() - line // 2))
    assert dialog.replace.isChecked() and not dialog.keep_both.isChecked()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and factories.dump(filled_store) == before  # Esc: nothing replaced


@OFFSCREEN
def test_the_dictionary_s_long_class_names_wrap_at_the_largest_size(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    enlarge_to_the_largest(qtbot, w)
    dialog = open_dictionary(w, qtbot)
    classes = dialog.classes
    assert dialog.font().pointSize() == MAX_POINT_SIZE
    qtbot.waitUntil(lambda: classes.horizontalScrollBar().maximum() == 0, timeout=2000)
    row = next(i for i in range(classes.count()) if "过期文件" in classes.item(i).text())
    rect = classes.visualItemRect(classes.item(row))
    assert rect.right() <= classes.viewport().width()  # not cut at "4. 过期文件和旧"
    assert rect.height() >= 2 * classes.fontMetrics().height()  # the rest of the name on a second line
    qtbot.mouseClick(classes.viewport(), LEFT, pos=QPoint(rect.left() + 8, rect.bottom() - 4))
    assert dialog.title.text() in classes.item(row).text()
    click_class(qtbot, dialog, "不算错误的词语")  # its entries are long too: they wrap in their list
    shipped = dialog.shipped
    qtbot.waitUntil(lambda: shipped.horizontalScrollBar().maximum() == 0, timeout=2000)
    first = shipped.visualItemRect(shipped.item(0))
    assert first.right() <= shipped.viewport().width() and first.height() >= 2 * shipped.fontMetrics().height()


@OFFSCREEN
def test_the_open_dictionary_follows_a_later_text_size(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    """The modeless 用语词典 stayed at the size it was opened with when the clerk pressed Ctrl++ afterwards."""
    w = make_window(filled_store)
    dialog = open_dictionary(w, qtbot)
    small = dialog.font().pointSize()
    assert small == w.point_size
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=2000)
    enlarge_to_the_largest(qtbot, w)
    assert dialog.font().pointSize() == MAX_POINT_SIZE > small
    assert dialog.first.font().pointSize() == MAX_POINT_SIZE  # the fields and lists with it
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)
    classes = dialog.classes
    assert classes.maximumWidth() >= 9 * classes.fontMetrics().horizontalAdvance("字")  # measured again
    # and it still works: an entry typed at the new size is saved
    row = next(i for i in range(classes.count()) if "错别字" in classes.item(i).text())
    classes.setCurrentRow(row)
    type_text(dialog.first, "沈邱县")
    type_text(dialog.second, "沈丘县")
    qtbot.mouseClick(dialog.add_button, LEFT)
    data = json.loads(user_file(filled_store).read_text(encoding="utf-8"))
    assert data["entries"] == [{"wrong": "沈邱县", "right": "沈丘县", "class": "terms"}]
    QTest.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # 默认大小: back down with the window
    assert dialog.font().pointSize() == w.point_size < MAX_POINT_SIZE

