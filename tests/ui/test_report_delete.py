"""Two reports of one year in the window: the year combo tells them apart, and 文件 → 删除这份报告… removes the
open one after asking, with a backup of the whole store made first."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from fzdesk.export.record_key import setting_key
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from tests import factories
from tests.ui import modal
from tests.ui.helpers import window_menus
from tests.ui.modal import Modals

LEFT = Qt.MouseButton.LeftButton


def _with_copy(store: Store) -> int:
    """The filled store plus a second 2023 report (as "两份都保留" leaves it); its id."""
    unit = store.units()[0]
    copy = store.create_report(factories.report(unit, 2023))
    store.conn.execute("UPDATE reports SET created='2024-11-25T10:00:00' WHERE id=?", (copy,))
    return copy


def _answer(button_text: str, seen: list[str], qtbot: QtBot, test: int | None = None) -> None:
    """Clicks the button of the message box that starts with button_text; "Enter" presses its default button.
    Stops waiting when the test ends."""
    test = modal.current_test[0] if test is None else test
    if modal.test_is_over(test):
        return
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    if not boxes:
        QTimer.singleShot(10, lambda: _answer(button_text, seen, qtbot, test))
        return
    box = boxes[0]
    seen.append(box.text())
    if button_text == "Enter":
        qtbot.keyClick(box, Qt.Key.Key_Return)
        return
    [button] = [b for b in box.findChildren(QPushButton) if b.text().replace("&", "").startswith(button_text)]
    qtbot.mouseClick(button, LEFT)


def answer_yes(qtbot: QtBot, seen: list[str]) -> Callable[[QMessageBox], None]:
    """A Modals step: notes the question and clicks its Yes (是)."""

    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        button = box.button(QMessageBox.StandardButton.Yes)
        assert button is not None
        qtbot.mouseClick(button, LEFT)

    return act


def _years(w: MainWindow) -> list[str]:
    return [w.year_combo.itemText(i) for i in range(w.year_combo.count())]


def test_year_combo_tells_the_copy_apart_and_opens_it(filled_store: Store, qtbot: QtBot,
                                                      make_window: Callable[[Store], MainWindow]) -> None:
    copy = _with_copy(filled_store)
    w = make_window(filled_store)
    assert _years(w) == ["2023年度", "2023年度（第2份，11月25日建）", "2022年度"]
    w.year_combo.setFocus()
    qtbot.keyClick(w.year_combo, Qt.Key.Key_Down)
    assert w.session.report is not None and w.session.report.id == copy
    assert w.year_combo.currentText() == "2023年度（第2份，11月25日建）"


def test_delete_the_copy_after_confirming_with_a_backup_first(filled_store: Store, qtbot: QtBot,
                                                               make_window: Callable[[Store], MainWindow]) -> None:
    copy = _with_copy(filled_store)
    filled_store.set_setting("last_report", copy)
    filled_store.set_setting(setting_key(copy), {"path": "x"})
    w = make_window(filled_store)
    assert w.session.report is not None and w.session.report.id == copy
    assert w.delete_report_action in window_menus(w)[0].actions()
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("删除", seen, qtbot))
    w.delete_report_action.trigger()
    assert "确定要删除“沈丘县人民政府办公室”的2023年度（第2份，11月25日建）报告吗？" in seen[0]
    assert "同一年度还有另外1份报告，不受影响" in seen[0] and "删除前会先把全部数据备份一份" in seen[0]
    assert [s.year for s in filled_store.reports()] == [2023, 2022]
    assert copy not in [s.id for s in filled_store.reports()]
    assert filled_store.setting(setting_key(copy)) is None
    assert _years(w) == ["2023年度", "2022年度"]
    assert w.session.report is not None and w.session.report.year == 2023 and w.session.report.id != copy
    [saved] = list(filled_store.backup_folder.glob(f"before-delete-report-{copy}-*.sqlite"))
    conn = sqlite3.connect(saved)
    try:
        assert conn.execute("SELECT COUNT(*) FROM reports WHERE id=?", (copy,)).fetchone()[0] == 1
    finally:
        conn.close()
    assert saved.name in w.statusBar().currentMessage()


def test_enter_cancels_and_deletes_nothing(filled_store: Store, qtbot: QtBot,
                                make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    before = [s.id for s in filled_store.reports()]
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("Enter", seen, qtbot))  # the default button is 取消
    w.delete_report_action.trigger()
    assert "确定要删除“沈丘县人民政府办公室”的2023年度报告吗？" in seen[0] and "另外" not in seen[0]
    assert [s.id for s in filled_store.reports()] == before
    assert not list(filled_store.backup_folder.glob("before-delete-report-*"))
    assert _years(w) == ["2023年度", "2022年度"]


def test_a_deleted_report_comes_back_through_restore_backup(filled_store: Store, qtbot: QtBot,
                                                            make_window: Callable[[Store], MainWindow]) -> None:
    """The delete question promises 文件 → 恢复备份… brings it back: the copy made before deleting is listed first
    (a morning's daily backup would lose the day's work) and restoring it gives the report back."""
    from fzdesk.storage import backup
    from fzdesk.ui.dialogs import BackupDialog

    backup.copy_database(filled_store.conn, filled_store.backup_folder / "fzdesk-2024-01-02.sqlite")
    w = make_window(filled_store)
    assert w.session.report is not None and w.session.report.year == 2023
    deleted = w.session.report.id
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("删除", seen, qtbot))
    w.delete_report_action.trigger()
    assert [s.year for s in filled_store.reports()] == [2022]

    listed: list[str] = []

    def choose(d: BackupDialog) -> None:
        listed.extend(d.list.item(i).text() for i in range(d.list.count()))
        qtbot.keyClick(d.list, Qt.Key.Key_Return)  # the newest is selected: Enter restores it

    modals = Modals().then(BackupDialog, choose).then(QMessageBox, answer_yes(qtbot, seen))
    modals.start()
    w.restore_action.trigger()
    assert not modals.errors, modals.errors
    assert "删除2023年度报告之前的数据" in listed[0] and "2024年1月2日的备份" in listed
    assert "确定把全部数据恢复到" in seen[-1] and "删除2023年度报告之前的数据" in seen[-1]
    assert [s.year for s in filled_store.reports()] == [2023, 2022]
    assert deleted in [s.id for s in filled_store.reports()]
    assert _years(w) == ["2023年度", "2022年度"]
    # the window shows the report that came back, not the one open after the deletion
    assert w.session.report is not None and w.session.report.id == deleted
    assert w.year_combo.currentText() == "2023年度"
