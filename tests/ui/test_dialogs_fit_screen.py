"""移动数据 and 历史版本 on a small screen and at the largest text size: every line readable, every button on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from fzdesk.app import BASE_POINT_SIZE
from fzdesk.datamove import plan_move
from fzdesk.paths import DB_NAME, DataLocation, DataSource
from fzdesk.storage.store import Store
from fzdesk.ui.data_folder import MoveDataDialog
from fzdesk.ui.history_dialog import HistoryDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.style import MAX_POINT_SIZE


def screen_of(w: QWidget) -> QRect:
    screen = w.screen()
    assert screen is not None
    return screen.availableGeometry()


def show(qtbot: QtBot, dialog: QWidget) -> None:
    """Shows the dialog as exec() would, active, and checks that it lies on the screen."""
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert screen_of(dialog).contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen_of(dialog))


def unreadable(dialog: QWidget) -> list[str]:
    """Wrapped labels shorter than their text needs at their width, and buttons narrower than their text."""
    cut = [lbl.text()[:20] for lbl in dialog.findChildren(QLabel)
           if lbl.isVisible() and lbl.wordWrap() and lbl.height() < lbl.heightForWidth(lbl.width())]
    cut += [b.text()[:20] for b in dialog.findChildren(QAbstractButton)
            if b.isVisible() and b.width() < b.sizeHint().width()]
    return cut


@pytest.fixture
def program_font(qapp: QApplication) -> Iterator[None]:
    """The program's text size (fzdesk.app.make_app gives it the application), not the tests' default."""
    before = QFont(qapp.font())
    font = QFont(before)
    font.setPointSize(BASE_POINT_SIZE)
    qapp.setFont(font)
    yield
    qapp.setFont(before)


@pytest.mark.usefixtures("program_font")
def test_move_dialog_shows_every_line_on_a_small_screen(store: Store, tmp_path: Path, qtbot: QtBot) -> None:
    """Qt narrowed the dialog to 2/3 of a 1024 px screen without making it taller: "移动之后" and "请不要拔出U盘"
    were cut off, and so was the end of the checkbox that replaces the data already there."""
    target = tmp_path / "stick" / "fzdesk-data"
    target.mkdir(parents=True)
    (target / "notes.txt").write_text("x", encoding="utf-8")
    plan = plan_move(store.folder, target)
    dialog = MoveDataDialog(plan, DataLocation(store.folder, DataSource.USER), DataLocation(target,
                                                                                           DataSource.PORTABLE))
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    assert unreadable(dialog) == []
    assert dialog.replace_box is not None and dialog.replace_box.hasFocus()
    QTest.keyClick(dialog.replace_box, Qt.Key.Key_Space)  # ticked from the keyboard, 移动 can be pressed
    assert dialog.move_button.isEnabled()
    QTest.keyClick(dialog.replace_box, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.replace
    assert (target / "notes.txt").exists() and not (target / DB_NAME).exists()  # the dialog itself moves nothing


def test_history_at_the_largest_text_size_fits_the_screen(filled_store: Store, qtbot: QtBot,
                                                          make_window: Callable[[Store], MainWindow]) -> None:
    """At 28 pt the dialog was 2220 x 1144 px (at least 1723 px wide): 恢复此版本 and 关闭 were off the screen."""
    w = make_window(filled_store)
    report = w.session.report
    assert report is not None and report.id is not None
    filled_store.update_report(report.id, title="2023年度法治政府建设情况的报告（初稿）")
    filled_store.update_report(report.id, title="2023年度法治政府建设情况的报告")
    w.set_point_size(MAX_POINT_SIZE)
    w.go(3)
    dialog = HistoryDialog(filled_store, report.id, "report", "title", "报告标题", w.current_page())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    assert dialog.font().pointSize() == MAX_POINT_SIZE
    least, screen = dialog.minimumSizeHint(), screen_of(dialog)  # (the tests' screen is 800 x 800)
    assert least.width() <= 1024 - 40 and least.height() <= 768 - 80  # fits the smallest screen fzdesk is made for
    assert dialog.width() <= max(screen.width() * 9 // 10, least.width()) and dialog.height() < screen.height()
    assert unreadable(dialog) == []
    assert dialog.versions.hasFocus() and dialog.versions.currentRow() == 1
    QTest.keyClick(dialog.versions, Qt.Key.Key_Return)  # Enter restores the chosen version, as the window does
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.preview.toPlainText() == (dialog.chosen_value or "（空）")  # the version shown is the one chosen
    assert filled_store.load_report(report.id).title == "2023年度法治政府建设情况的报告"  # the caller restores


def test_the_import_preview_fits_the_screen_with_its_buttons(qtbot: QtBot, filled_store: Store,
                                                             county: Path) -> None:
    """It opened at 1180 x 720: on a 1024 x 768 screen 导入 and 取消 were past the right edge."""
    from fzdesk.exchange.importer import open_import
    from fzdesk.ui.import_dialog import ImportDialog

    dialog = ImportDialog(filled_store, open_import(county), unit=filled_store.units()[0])
    qtbot.addWidget(dialog)
    show(qtbot, dialog)  # (checks that the dialog lies on the screen)
    screen = screen_of(dialog)
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    for button in (dialog.import_button, box.button(QDialogButtonBox.StandardButton.Cancel)):
        assert button is not None and button.isVisible()
        corner = button.mapToGlobal(button.rect().bottomRight())
        assert screen.contains(corner), (button.text(), corner, screen)
    assert dialog.minimumSizeHint().width() <= 1024 * 9 // 10


@pytest.mark.usefixtures("program_font")
@pytest.mark.parametrize("point_size", [BASE_POINT_SIZE + 2, 20])
def test_new_report_does_not_scroll_where_the_screen_has_room(qtbot: QtBot, point_size: int) -> None:
    """QA (frozen build, 1366x768, the window's 14 pt): 新建年度报告 showed a scroll bar for its last 4 px (45 px at
    20 pt) with the screen's lower third free: the body was measured before its layouts were set up, shorter than
    it is once shown."""
    from PySide6.QtWidgets import QScrollArea

    from fzdesk.ui import style
    from fzdesk.ui.dialogs import NewReportDialog

    style.dialogs_follow(point_size)
    dialog = NewReportDialog("红旗街道办事处", set())
    qtbot.addWidget(dialog)
    show(qtbot, dialog)
    body = dialog.findChild(QScrollArea)
    assert body is not None
    room = screen_of(dialog).height() * 9 // 10
    if dialog.frameGeometry().height() < room:
        assert not body.verticalScrollBar().isVisible(), (point_size, body.verticalScrollBar().maximum())
    assert not unreadable(dialog)


@pytest.mark.usefixtures("program_font")
def test_new_report_grows_when_its_text_grows_where_the_screen_has_room(qtbot: QtBot) -> None:
    """QA (frozen build, 1366x768): choosing a year whose last year is in the program makes the texts longer
    (从本程序中的…年度报告开始 and what it does); the dialog, sized once when shown, then scrolled and cut 选择文件(B)…
    at its bottom with the screen's lower part free."""
    from PySide6.QtWidgets import QScrollArea

    from fzdesk.ui.dialogs import NewReportDialog

    dialog = NewReportDialog("红旗街道办事处", {2023})
    qtbot.addWidget(dialog)
    dialog.year.setValue(2030)  # no 2029 report: the short texts
    show(qtbot, dialog)
    body = dialog.findChild(QScrollArea)
    assert body is not None and not body.verticalScrollBar().isVisible()
    before = dialog.height()
    dialog.year.setValue(2024)  # 2023 is in the program: 从本程序中的2023年度报告开始, and its long note
    assert dialog.last_year.isChecked()
    qtbot.waitUntil(lambda: dialog.height() > before)
    qtbot.waitUntil(lambda: not body.verticalScrollBar().isVisible())
    assert dialog.frameGeometry().bottom() <= screen_of(dialog).bottom()
