"""文件 → 恢复备份… with a damaged backup: refused in Chinese, the data and the window stay as they were."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.storage import backup
from fzdesk.storage.migrations import SCHEMA_VERSION
from fzdesk.storage.store import Store
from fzdesk.ui.dialogs import BackupDialog
from fzdesk.ui.main_window import MainWindow
from tests.ui.modal import Modals
from tests.ui.test_report_delete import answer_yes


def restore(w: MainWindow, qtbot: QtBot, label: str) -> list[str]:
    """文件 → 恢复备份…: the backup labelled label clicked, Enter, and 是 to the question; the texts asked."""
    seen: list[str] = []

    def choose(d: BackupDialog) -> None:
        [item] = d.list.findItems(label, Qt.MatchFlag.MatchExactly)
        qtbot.mouseClick(d.list.viewport(), Qt.MouseButton.LeftButton, pos=d.list.visualItemRect(item).center())
        qtbot.keyClick(d.list, Qt.Key.Key_Return)

    modals = Modals().then(BackupDialog, choose).then(QMessageBox, answer_yes(qtbot, seen))
    modals.start()
    w.restore_action.trigger()
    assert not modals.errors, modals.errors
    return seen

def test_a_damaged_backup_is_refused_and_the_report_stays_on_screen(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow],
        messages: list[tuple[str, str]]) -> None:
    damaged = backup.copy_database(filled_store.conn, filled_store.backup_folder / "fzdesk-2024-01-02.sqlite")
    data = bytearray(damaged.read_bytes())
    for offset in range(4096, len(data), 4096):  # broken table pages, as a bad sector on a stick leaves them
        data[offset:offset + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    damaged.write_bytes(bytes(data))
    w = make_window(filled_store)
    assert w.session.report is not None
    shown = w.session.report.id
    before = filled_store.load_report(shown)
    seen = restore(w, qtbot, "2024年1月2日的备份")

    assert "确定把全部数据恢复到“2024年1月2日的备份”" in seen[-1]
    [(title, text)] = messages
    assert title == "恢复失败"
    assert "现有数据没有改动" in text and "这个备份文件已损坏" in text and "请选择另一个备份" in text
    assert filled_store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert filled_store.load_report(shown) == before
    assert w.session.report is not None and w.session.report.id == shown
    assert not list(filled_store.backup_folder.glob("before-restore-*"))  # nothing was replaced: nothing to keep


def test_a_backup_whose_upgrade_fails_is_refused_saying_why_and_the_data_stay(
        filled_store: Store, qtbot: QtBot, make_window: Callable[[Store], MainWindow],
        messages: list[tuple[str, str]]) -> None:
    older = backup.copy_database(filled_store.conn, filled_store.backup_folder / "fzdesk-2024-01-02.sqlite")
    conn = sqlite3.connect(older)  # as an older version left it; upgrading it again fails ("duplicate column")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.close()
    w = make_window(filled_store)
    assert w.session.report is not None and w.session.report.id is not None
    shown = w.session.report.id
    filled_store.update_report(shown, title="恢复之前改的标题")
    before = filled_store.load_report(shown)
    restore(w, qtbot, "2024年1月2日的备份")

    [(title, text)] = messages
    assert title == "恢复失败"
    assert "升级到本版本的数据格式" in text and "现有数据没有改动" in text and "请选择另一个" in text
    assert filled_store.load_report(shown) == before  # not the backup's, un-upgraded or half-upgraded
    assert not list(filled_store.backup_folder.glob("before-restore-*"))
    assert not list(filled_store.backup_folder.glob("restoring-*"))
