"""A save that fails (disk full, the stick pulled or write-protected) is kept and tried again until it works; the
window says so once, and asks before closing with edits that could not be saved (nothing is lost silently)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import DataGone, Store
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.main_window import MainWindow
from tests.ui.helpers import DISK_FULL, type_text
from tests.ui.modal import Modals
from tests.ui.test_items import open_block

pytestmark = pytest.mark.usefixtures("quick_retries")  # (tests/ui/conftest.py)


def test_a_failed_write_is_kept_and_tried_again_until_it_works(qtbot: QtBot) -> None:
    saver = Autosaver(delay_ms=10, max_wait_ms=10)
    outcomes: Iterator[bool] = iter([False, False, True])
    written: list[str] = []
    failures: list[str] = []
    saved: list[int] = []
    saver.failed.connect(failures.append)
    saver.saved.connect(lambda: saved.append(1))

    def write() -> None:
        if not next(outcomes):
            raise OSError(DISK_FULL)
        written.append("正文")

    saver.schedule("item:1:body", write)
    qtbot.waitUntil(lambda: written == ["正文"], timeout=3000)
    assert failures == [f"磁盘已满（{DISK_FULL}）"]  # said once, not at every try, in words a clerk can act on
    assert saved == [1] and not saver.pending and not saver.failing


def test_a_newer_edit_replaces_the_write_that_failed(qtbot: QtBot) -> None:
    saver = Autosaver(delay_ms=10, max_wait_ms=10)
    written: list[str] = []

    def fails() -> None:
        raise OSError(DISK_FULL)

    saver.schedule("item:1:body", fails)
    saver.flush()
    assert saver.pending and saver.failing
    saver.schedule("item:1:body", lambda: written.append("新的正文"))
    saver.flush()
    assert written == ["新的正文"] and not saver.pending and not saver.failing


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def broken_disk(monkeypatch: pytest.MonkeyPatch, store: Store) -> list[bool]:
    """Makes every item save fail until the returned flag is set."""
    fixed = [False]
    update = Store.update_item

    def update_item(self: Store, *args: Any, **kwargs: Any) -> None:
        if not fixed[0]:
            raise sqlite3.OperationalError(DISK_FULL)
        update(self, *args, **kwargs)

    monkeypatch.setattr(Store, "update_item", update_item)
    return fixed


def body_of(store: Store, w: MainWindow, item_id: int) -> str:
    assert w.session.report is not None and w.session.report.id is not None
    section = store.load_report(w.session.report.id).section(Block.MEASURES)
    assert section is not None
    return next(i.text for i in section.items if i.id == item_id)


def type_on_a_full_disk(w: MainWindow, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                        messages: list[tuple[str, str]], text: str) -> tuple[int, str, list[bool]]:
    """Types text into 主要举措和成效's first item while every item save fails, until 保存失败 is said; the
    item's id, its stored text from before, and the flag that lets saves succeed again."""
    page = open_block(w, Block.MEASURES)
    item = page.current_item()
    assert item is not None and item.id is not None
    before = body_of(store, w, item.id)
    fixed = broken_disk(monkeypatch, store)
    page.text.setFocus()
    type_text(page.text, text)
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    return item.id, before, fixed


def test_typing_on_a_full_disk_is_saved_once_there_is_room(window: MainWindow, filled_store: Store, qtbot: QtBot,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             messages: list[tuple[str, str]]) -> None:
    w = window
    item_id, _, fixed = type_on_a_full_disk(w, filled_store, qtbot, monkeypatch, messages, "又新增一段")
    assert [title for title, _ in messages] == ["保存失败"]
    assert "自动重试" in messages[0][1] and f"原因：磁盘已满（{DISK_FULL}）" in messages[0][1]
    assert w.saved_label.text() == "保存失败！"
    qtbot.wait(400)  # tried again meanwhile, still failing: no second message box
    assert len(messages) == 1 and "又新增一段" not in body_of(filled_store, w, item_id)
    fixed[0] = True  # the clerk freed some space
    qtbot.waitUntil(lambda: "又新增一段" in body_of(filled_store, w, item_id), timeout=3000)
    assert w.saved_label.text().startswith("已保存")


def close_answering(qtbot: QtBot, w: MainWindow, answer: str) -> list[str]:
    """Closes the window and clicks answer in the question about unsaved edits; returns the question's text."""
    seen: list[str] = []

    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text() == answer)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    modals = Modals().then(QMessageBox, act)
    modals.start()
    w.close()
    assert not modals.errors, modals.errors
    return seen


def test_closing_with_edits_not_saved_asks_and_a_retry_saves_them(window: MainWindow, filled_store: Store,
                                                                  qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                  messages: list[tuple[str, str]]) -> None:
    w = window
    item_id, _, fixed = type_on_a_full_disk(w, filled_store, qtbot, monkeypatch, messages, "最后一句")
    [question] = close_answering(qtbot, w, "取消(&C)")
    assert "关闭程序会丢失这些修改" in question and DISK_FULL in question
    assert w.isVisible()  # still open, the edit still waiting
    fixed[0] = True
    close_answering(qtbot, w, "重试(&R)")
    assert not w.isVisible()
    assert "最后一句" in body_of(filled_store, w, item_id)


def test_closing_anyway_loses_only_the_edits_that_could_not_be_saved(window: MainWindow, filled_store: Store,
                                                                    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                    messages: list[tuple[str, str]]) -> None:
    w = window
    item_id, before, _ = type_on_a_full_disk(w, filled_store, qtbot, monkeypatch, messages, "存不上")
    [question] = close_answering(qtbot, w, "仍然关闭（丢失这些修改）(&Q)")
    assert "关闭程序会丢失这些修改" in question
    assert not w.isVisible() and not w.saver.pending
    assert body_of(filled_store, w, item_id) == before
    assert QApplication.activeModalWidget() is None


def test_a_new_kind_of_trouble_is_said_again(qtbot: QtBot, tmp_path: Path) -> None:
    """The disk was full, then the stick was pulled: that asks for something else, so it is said too (a retry
    failing the same way is not)."""
    saver = Autosaver(delay_ms=10, max_wait_ms=10)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    troubles: list[Exception] = [OSError(DISK_FULL), OSError(DISK_FULL), DataGone(tmp_path / "fzdesk.sqlite")]

    def write() -> None:
        raise troubles.pop(0)

    for _ in range(3):
        saver.schedule("item:1:body", write)
        saver.flush()
    assert len(failures) == 2 and failures[0].startswith("磁盘已满") and "不见了" in failures[1]
    assert isinstance(saver.last_exception, DataGone) and saver.pending
