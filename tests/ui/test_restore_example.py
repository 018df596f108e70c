"""恢复示例文字… on 开头 and 结尾: the same button, asking before it replaces the clerk's text, saved at once, Ctrl+Z
takes it back."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.base import opening_example
from fzdesk.ui.pages.closing_page import DEFAULT_CLOSING, ClosingPage
from fzdesk.ui.pages.text_page import RESTORE_EXAMPLE, OneTextPage, OpeningPage
from tests.ui.helpers import key, replace_text
from tests.ui.modal import Modals

LEFT = Qt.MouseButton.LeftButton
PAGES: dict[str, tuple[type[OneTextPage], Block]] = {"opening": (OpeningPage, Block.OPENING),
                                                     "closing": (ClosingPage, Block.CLOSING)}


def open_step(w: MainWindow, qtbot: QtBot, key_: str) -> tuple[OneTextPage, QPlainTextEdit]:
    """Clicks the step in the step list, as the clerk does."""
    row = next(i for i, s in enumerate(w.steps) if s.key == key_)
    item = w.step_list.item(row)
    assert item is not None
    w.step_list.scrollToItem(item)
    qtbot.mouseClick(w.step_list.viewport(), LEFT, pos=w.step_list.visualItemRect(item).center())
    page = w.current_page()
    assert isinstance(page, PAGES[key_][0])
    editor = page.editor if isinstance(page, OpeningPage) else page.closing  # type: ignore[attr-defined]
    return page, editor


def stored(store: Store, w: MainWindow, block: Block) -> list[str]:
    report = w.session.report
    assert report is not None and report.id is not None
    section = store.load_report(report.id).section(block)
    assert section is not None
    return section.items[0].paragraphs


def example_of(w: MainWindow, key_: str) -> str:
    return opening_example(w.session) if key_ == "opening" else DEFAULT_CLOSING


def answer(label: str) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        assert "现在的文字会被替换" in box.text() and "Ctrl+Z" in box.text()
        assert box.defaultButton().text() == "取消(&C)"  # Enter keeps the clerk's text
        button = next(b for b in box.buttons() if b.text() == label)
        QTest.mouseClick(button, LEFT)

    return act


@pytest.mark.parametrize("key_", ["opening", "closing"])
def test_both_pages_have_the_same_button(key_: str, filled_store: Store, qtbot: QtBot,
                                         make_window: Callable[[Store], MainWindow]) -> None:
    """开头 had no way back to the example while 结尾 had 恢复为“特此报告。”, which replaced the text unasked."""
    w = make_window(filled_store)
    page, _ = open_step(w, qtbot, key_)
    assert page.default.text() == RESTORE_EXAMPLE and page.default.isVisible()  # type: ignore[attr-defined]


@pytest.mark.parametrize("key_", ["opening", "closing"])
def test_cancel_keeps_the_clerk_s_text(key_: str, filled_store: Store, qtbot: QtBot,
                                       make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    page, editor = open_step(w, qtbot, key_)
    replace_text(editor, "本单位自己写的一段。")
    w.saver.flush()
    modals = Modals().then(QMessageBox, answer("取消(&C)"))
    modals.start()
    qtbot.mouseClick(page.default, LEFT)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: modals.done, timeout=3000)
    assert modals.errors == []
    assert editor.toPlainText() == "本单位自己写的一段。"
    assert stored(filled_store, w, PAGES[key_][1]) == ["本单位自己写的一段。"]


@pytest.mark.parametrize("key_", ["opening", "closing"])
def test_replacing_is_saved_at_once_and_ctrl_z_takes_it_back(key_: str, filled_store: Store, qtbot: QtBot,
                                                             make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    page, editor = open_step(w, qtbot, key_)
    replace_text(editor, "本单位自己写的一段。")
    w.saver.flush()
    modals = Modals().then(QMessageBox, answer("替换(&R)"))
    modals.start()
    qtbot.mouseClick(page.default, LEFT)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: modals.done, timeout=3000)
    assert modals.errors == []
    example = example_of(w, key_)
    assert example and editor.toPlainText() == example
    assert stored(filled_store, w, PAGES[key_][1]) == [p for p in example.split("\n") if p.strip()]  # no wait
    key(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the clerk clicks into the text, Ctrl+Z
    assert editor.toPlainText() == "本单位自己写的一段。"
    w.saver.flush()
    assert stored(filled_store, w, PAGES[key_][1]) == ["本单位自己写的一段。"]


@pytest.mark.parametrize("key_", ["opening", "closing"])
def test_an_empty_text_gets_the_example_without_a_question(key_: str, filled_store: Store, qtbot: QtBot,
                                                           make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    page, editor = open_step(w, qtbot, key_)
    replace_text(editor, "")
    w.saver.flush()
    qtbot.mouseClick(page.default, LEFT)  # type: ignore[attr-defined]  # (a question would block here)
    assert editor.toPlainText() == example_of(w, key_)
    assert stored(filled_store, w, PAGES[key_][1]) != []
