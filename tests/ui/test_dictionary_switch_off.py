"""工具 → 本单位用语词典…: a shipped entry switched off for the unit (mouse and keyboard), the finding leaving the
检查 step and the editor's marks, the paragraph re-check not finding it again, and switched on again."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fzdesk.checks.wording_book import OFF_LABEL
from fzdesk.storage.store import Store
from fzdesk.ui.check_runner import PARAGRAPH_DELAY_MS
from fzdesk.ui.dictionary_dialog import DictionaryDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from tests.ui.helpers import type_at_end
from tests.ui.test_checks_ui import measures_page
from tests.ui.test_dictionary_dialog import OFFSCREEN, click_class, open_dictionary, rules, user_file

LEFT = Qt.MouseButton.LeftButton
ENTRY = "截止目前 → 截至目前"


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def marks_at(w: MainWindow, page: BlockPage, occurrence: int) -> list[str]:
    """The editor's marks at the given occurrence of 截止目前 in the measures item."""
    text = page.text.toPlainText()
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.index("截止目前", pos + 1)
    block = page.text.document().findBlock(pos)
    highlighter = next(h for h in w.checks.highlighters if h.editor is page.text)
    return highlighter.messages_at(block, pos - block.position() + 1)


def click_shipped(qtbot: QtBot, dialog: DictionaryDialog, text: str) -> None:
    row = dialog.shipped_texts().index(text)
    item = dialog.shipped.item(row)
    dialog.shipped.scrollToItem(item)
    qtbot.mouseClick(dialog.shipped.viewport(), LEFT, pos=dialog.shipped.visualItemRect(item).center())


def space_on(dialog: DictionaryDialog, qtbot: QtBot, row: int, then: str) -> None:
    """The list, the entry (Down from the first), Space on its check box; waits until the list shows `then`."""
    dialog.shipped.setFocus()
    dialog.shipped.setCurrentRow(0)
    for _ in range(row):
        QTest.keyClick(dialog.shipped, Qt.Key.Key_Down)
    QTest.keyClick(dialog.shipped, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: then in dialog.shipped_texts())


def switched_off(store: Store) -> list[object]:
    data = json.loads(user_file(store).read_text(encoding="utf-8"))
    return [e for e in data["entries"] if e.get("disabled")]


@OFFSCREEN
def test_a_shipped_entry_switched_off_and_on_again(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "截止目前，已完成。")
    qtbot.waitUntil(lambda: bool(marks_at(w, page, 0)), timeout=PARAGRAPH_DELAY_MS + 2000)
    assert "截至目前" in marks_at(w, page, 0)[0]
    assert "wording.terms" in rules(w)

    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "错别字")
    assert "可为本单位停用" in dialog.shipped_label.text()
    click_shipped(qtbot, dialog, ENTRY)
    assert dialog.switch_button.isEnabled() and dialog.switch_button.text() == "停用选中的(&O)"
    qtbot.mouseClick(dialog.switch_button, LEFT)
    # the list says it is the program's own and switched off for this unit; it stays chosen
    assert ENTRY + OFF_LABEL in dialog.shipped_texts() and "程序自带，本单位已停用" in OFF_LABEL
    row = dialog.shipped_texts().index(ENTRY + OFF_LABEL)
    assert dialog.shipped.item(row).checkState() == Qt.CheckState.Unchecked
    assert dialog.switch_button.text() == "重新启用选中的(&O)"
    assert "已停用程序自带的“截止目前”" in dialog.message.text() and "已重新检查" in dialog.message.text()
    assert dialog.user_texts() == []
    assert switched_off(filled_store) == [{"wrong": "截止目前", "disabled": True}]
    # gone from the 检查 step and from the editor's marks at once
    assert "wording.terms" not in rules(w)
    assert marks_at(w, page, 0) == []

    # the paragraph re-check while typing uses the same wording: a new 截止目前 is not marked either
    page.text.setFocus()
    type_at_end(page.text, "截止目前，正在推进法制政府建设。")
    qtbot.waitUntil(lambda: any("法治政府" in m for m in _marks_of(w, page, "法制政府")),
                    timeout=PARAGRAPH_DELAY_MS + 2000)  # the re-check has run (it marks the other slip)
    assert marks_at(w, page, 1) == [] and marks_at(w, page, 0) == []
    assert "wording.terms" not in rules(w)

    # closed with Escape and opened again: still off
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "错别字")
    assert ENTRY + OFF_LABEL in dialog.shipped_texts()
    # a dialog made anew (the next start of the program) reads it from user.json
    fresh = DictionaryDialog(filled_store.folder, lambda: None)
    fresh.choose("terms")
    assert ENTRY + OFF_LABEL in fresh.shipped_texts()
    fresh.deleteLater()

    # switched on again from the keyboard: the list, the entry, Space on its check box
    row = dialog.shipped_texts().index(ENTRY + OFF_LABEL)
    space_on(dialog, qtbot, row, ENTRY)
    assert dialog.shipped.item(row).checkState() == Qt.CheckState.Checked
    assert "已重新启用" in dialog.message.text()
    assert switched_off(filled_store) == []
    assert "wording.terms" in rules(w)
    assert marks_at(w, page, 0) and marks_at(w, page, 1)


def _marks_of(w: MainWindow, page: BlockPage, word: str) -> list[str]:
    text = page.text.toPlainText()
    pos = text.rindex(word)
    block = page.text.document().findBlock(pos)
    highlighter = next(h for h in w.checks.highlighters if h.editor is page.text)
    return highlighter.messages_at(block, pos - block.position() + 1)


@OFFSCREEN
def test_a_broken_user_file_switches_nothing(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    path = user_file(filled_store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": "fzdesk-wording", "entries": [{"wrong": "截止目前", "disabled": 1}]}',
                    encoding="utf-8")
    dialog = open_dictionary(window, qtbot)
    click_class(qtbot, dialog, "错别字")
    assert dialog.problem.isVisible() and "disabled 应为 true 或 false" in dialog.problem.text()
    click_shipped(qtbot, dialog, ENTRY)
    assert not dialog.switch_button.isEnabled()
    row = dialog.shipped_texts().index(ENTRY)
    assert not dialog.shipped.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    assert "disabled\": 1" in path.read_text(encoding="utf-8")
