"""Every step's Alt+letter keys are its own: none is also a menu's, the switchers' or 上一步/下一步's."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QMenu
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.check_page import CheckPage
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.unit_page import UnitPage
from tests.ui.helpers import type_text

LEFT = Qt.MouseButton.LeftButton


def visible_mnemonics(w: MainWindow) -> list[tuple[str, str]]:
    """(letter, text) of every Alt+letter the user can press now: menus, buttons, labels with a buddy, group boxes."""
    texts = [m.title() for m in w.menuBar().findChildren(QMenu) if m.parent() is w.menuBar()
             and m.menuAction().isVisible()]
    texts += [b.text() for b in w.findChildren(QAbstractButton) if b.isVisible() and b.window() is w]
    texts += [lbl.text() for lbl in w.findChildren(QLabel) if lbl.isVisible() and lbl.buddy() is not None]
    texts += [g.title() for g in w.findChildren(QGroupBox) if g.isVisible() and g.isCheckable()]
    return [(m.group(1).upper(), t) for t in texts if (m := re.search(r"&(\w)", t.replace("&&", "")))]


def clashes(w: MainWindow) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for letter, text in visible_mnemonics(w):
        seen.setdefault(letter, []).append(text)
    return {k: v for k, v in seen.items() if len(v) > 1}


def click_step(qtbot: QtBot, w: MainWindow, row: int) -> None:
    item = w.step_list.item(row)
    w.step_list.scrollToItem(item)
    qtbot.mouseClick(w.step_list.viewport(), LEFT, pos=w.step_list.visualItemRect(item).center())
    assert w.current == row


def show_everything(qtbot: QtBot, w: MainWindow) -> None:
    """Selects what a step shows more buttons for: a block's first item, the first finding of 检查."""
    page = w.current_page()
    if isinstance(page, BlockPage) and page.items.count():
        qtbot.mouseClick(page.items.viewport(), LEFT, pos=page.items.visualItemRect(page.items.item(0)).center())
    if isinstance(page, CheckPage) and page.model.rowCount():
        index = page.model.index(0, 0)
        qtbot.mouseClick(page.view.viewport(), LEFT, pos=page.view.visualRect(index).center())
    if isinstance(page, CheckPage):  # what only some findings offer: a reason for a change, 这不是错误, 恢复
        for widget in (page.explanation_label, page.save_explanation, page.exception_button, page.restore_button,
                       page.dismiss_button, page.go_button):
            widget.show()


@pytest.mark.parametrize("row", range(12))
def test_no_two_visible_mnemonics_share_a_letter(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                                 qtbot: QtBot, row: int) -> None:
    w = make_window(filled_store)
    assert len(w.steps) == 12
    click_step(qtbot, w, row)
    show_everything(qtbot, w)
    assert len(visible_mnemonics(w)) >= 9  # the five menus, the two switchers, 上一步, 下一步
    assert clashes(w) == {}, w.steps[row].key


def test_alt_n_on_the_unit_page_goes_to_the_next_step(store: Store, make_window: Callable[[Store], MainWindow],
                                                     qtbot: QtBot) -> None:
    """The clerk types the unit's name and presses Alt+N (下一步): the next step opens at once."""
    w = make_window(store)
    page = w.current_page()
    assert isinstance(page, UnitPage)
    type_text(page.name, "沙河镇人民政府")
    type_text(page.organ1, "沙河镇人民政府")
    type_text(page.recipient, "某某县人民政府")
    QTest.keyClick(page.recipient, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: w.current == 1, timeout=3000)
    assert [u.name for u in store.units()] == ["沙河镇人民政府"]
    assert len(store.reports()) == 1


@pytest.mark.parametrize("key_", ["report", "responsibility", "measures", "shortcomings", "plans", "other"])
def test_every_button_of_the_report_and_block_pages_has_an_alt_key(
        key_: str, filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    click_step(qtbot, w, w._step_index(key_))
    show_everything(qtbot, w)
    page = w.current_page()
    buttons = [b.text() for b in page.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    without = [text for text in buttons if "&" not in text]
    assert without == []
    assert clashes(w) == {}
