"""The data folder deleted (or moved, or its stick pulled) while the clerk types: the window says what happened, in
Chinese, keeps the edits, and writes all the data back in place or into another folder on request."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import DB_NAME, Store
from fzdesk.ui.data_gone import ELSEWHERE, LATER, TITLE
from fzdesk.ui.main_window import MainWindow
from tests.ui.helpers import type_text
from tests.ui.modal import Modals
from tests.ui.test_items import open_block

pytestmark = pytest.mark.usefixtures("quick_retries")  # (tests/ui/conftest.py)


def stored_body(folder: Path, report_id: int, item_id: int) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{folder / DB_NAME}?mode=ro", uri=True)
    try:
        (body,) = conn.execute("SELECT body FROM items WHERE id = ?", (item_id,)).fetchone()
    finally:
        conn.close()
    return str(body)


def click(answer: str, seen: list[str]) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        seen.append(f"{box.windowTitle()}|{box.text()}")
        button = next(b for b in box.buttons() if b.text() == answer)
        QtBot.mouseClick(button, Qt.MouseButton.LeftButton)

    return act


def alt_key(key: Qt.Key, seen: list[str]) -> Callable[[QMessageBox], None]:
    """Answers with the button's Alt letter, as a keyboard-only clerk does."""
    def act(box: QMessageBox) -> None:
        seen.append(f"{box.windowTitle()}|{box.text()}")
        box.activateWindow()
        for _ in range(200):
            if box.isActiveWindow():
                break
            QTest.qWait(10)
        QTest.keyClick(box, key, Qt.KeyboardModifier.AltModifier)

    return act


def delete_folder_and_type(w: MainWindow, store: Store, modals: Modals, text: str) -> tuple[int, int]:
    page = open_block(w, Block.MEASURES)
    item = page.current_item()
    assert item is not None and item.id is not None and w.session.report is not None
    shutil.rmtree(store.folder)  # deleted in the file manager while the window is open
    modals.start()
    page.text.setFocus()
    type_text(page.text, text)
    assert w.session.report.id is not None
    return w.session.report.id, item.id


def test_a_deleted_data_folder_is_said_and_the_data_are_saved_back_in_place(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    folder = filled_store.folder
    seen: list[str] = []
    modals = Modals().then(QMessageBox, alt_key(Qt.Key.Key_B, seen))  # 重新保存到原来的位置(&B)
    report_id, item_id = delete_folder_and_type(w, filled_store, modals, "删除以后打的字")
    qtbot.waitUntil(lambda: modals.done, timeout=5000)
    assert not modals.errors, modals.errors
    [question] = seen
    assert question.startswith(TITLE + "|") and "不见了（数据文件夹可能被删除或移走" in question
    assert "修改都还在程序里" in question and "请把U盘插回去" in question and "重新建立全部数据" in question
    qtbot.waitUntil(lambda: not w.saver.pending, timeout=3000)
    assert "删除以后打的字" in stored_body(folder, report_id, item_id)
    assert w.saved_label.text().startswith("已保存")
    with pytest.raises(Exception, match="另一个正在运行的 fzdesk"):  # held again: no second program writes there
        Store.open(folder)


def test_later_keeps_the_edits_then_they_are_saved_into_another_folder(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot, tmp_path: Path,
        messages: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(filled_store)
    desktop = tmp_path / "桌面"
    desktop.mkdir()
    (desktop / "通知.docx").write_bytes(b"docx")  # a folder with other files: the data go into a folder of their own
    elsewhere = desktop / "fzdesk-data"
    seen: list[str] = []

    def pick(dialog: QFileDialog) -> None:
        # the clerk opens the folder and chooses it (选择 inside it): selecting its name in the folder above raced
        # with the dialog's background listing, which could clear the selection (1 run in 7 under load)
        dialog.setDirectory(str(desktop))
        qtbot.waitUntil(lambda: dialog.selectedFiles() == [str(desktop)], timeout=3000)
        dialog.accept()

    modals = Modals().then(QMessageBox, click(LATER, seen))
    report_id, item_id = delete_folder_and_type(w, filled_store, modals, "先不保存")
    qtbot.waitUntil(lambda: modals.done, timeout=5000)
    tries: list[None] = []
    present = Store.check_present

    def counted(store: Store) -> None:
        tries.append(None)
        present(store)

    monkeypatch.setattr(Store, "check_present", counted)
    qtbot.waitUntil(lambda: len(tries) >= 2, timeout=3000)  # retried twice meanwhile, still gone: not asked again
    assert len(seen) == 1 and w.saver.pending and w.saved_label.text() == "保存失败！"
    closing = Modals().then(QMessageBox, click(ELSEWHERE, seen)).then(QFileDialog, pick)
    closing.start()
    w.close()  # asks again before closing, and the data go into the chosen folder
    assert not closing.errors, closing.errors
    assert not w.isVisible() and not w.saver.pending
    assert "先不保存" in stored_body(elsewhere, report_id, item_id)
    assert [title for title, _ in messages] == ["数据已保存"]
    assert "复制回原来的数据文件夹" in messages[0][1]
    assert str(elsewhere) in w.folder_label.text()
    assert sorted(p.name for p in desktop.iterdir()) == ["fzdesk-data", "通知.docx"]
