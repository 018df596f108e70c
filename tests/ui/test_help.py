"""F1 explains the page that is open: its buttons by the names they carry, with the keys they really have."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from fzdesk.exchange.new_year import start_new_year
from fzdesk.storage.store import Store
from fzdesk.ui.help import HelpDialog
from fzdesk.ui.main_window import MainWindow
from tests import factories
from tests.ui.modal import Modals

#: “上年内容”（Alt+J …, **上年内容**（Alt+J …: a name and the Alt key the help gives for it
NAMED_KEY = re.compile(r"(?:“([^”]+?)(?:…)?”|\*\*([^*]+)\*\*)（Alt\+(\w)")


def press_f1(w: MainWindow, qtbot: QtBot) -> str:
    """Presses F1 and returns the help shown (the dialog is closed with Esc, as a clerk would)."""
    shown: list[str] = []

    def read(d: HelpDialog) -> None:
        shown.append(d.windowTitle() + "\n" + d.browser.toPlainText())
        QTest.keyClick(d, Qt.Key.Key_Escape)

    w.activateWindow()  # (a closed dialog gives it back on a desktop; offscreen it must be asked)
    qtbot.waitUntil(w.isActiveWindow)
    modals = Modals().then(HelpDialog, read)
    modals.start()
    QTest.keyClick(w, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    return shown[0]


def buttons_of(w: MainWindow) -> dict[str, str]:
    """The current page's buttons: name as shown (without “(&X)” and “…”) -> its Alt letter ('' without one)."""
    out: dict[str, str] = {}
    for button in w.current_page().findChildren(QAbstractButton):
        text = button.text()
        letter = re.search(r"\(&(\w)\)", text)
        name = re.sub(r"\(&\w\)", "", text).replace("…", "").strip()
        if name:
            out[name] = letter.group(1).upper() if letter else ""
    return out


def keys_agree(help_text: str, buttons: dict[str, str]) -> None:
    """Every “name”（Alt+X） in the help that names a button of the page gives that button's own letter."""
    for m in NAMED_KEY.finditer(help_text):
        name = (m.group(1) or m.group(2)).strip()
        if name in buttons:
            assert buttons[name] == m.group(3).upper(), (name, buttons[name], m.group(3))


def open_step(w: MainWindow, key: str) -> None:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == key), focus=True)


def new_year_window(store: Store, make_window: Callable[[Store], MainWindow]) -> tuple[MainWindow, int]:
    """The window on 2026's report, started from 2025's with its text copied (the pane and 未更新 are shown)."""
    unit = factories.unit()
    store.save_unit(unit)
    last = store.create_report(factories.report(unit, 2025))
    new = start_new_year(store, last, copy_text=True)
    w = make_window(store)
    w.open_report(new)
    return w, new


def test_f1_on_a_block_of_the_new_year_explains_last_years_pane_and_the_unreviewed_mark(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w, new = new_year_window(store, make_window)
    open_step(w, "measures")
    text = press_f1(w, qtbot)
    assert text.startswith("帮助 - 二、主要举措和成效")
    buttons = buttons_of(w)
    for name in ("添加条目", "删除条目", "上移", "下移", "恢复默认标题", "本部分前移", "本部分后移", "上年内容",
                 "复制到本年", "全部复制", "撤销复制", "无需修改"):
        assert name in buttons, name  # (the page still has it)
        assert name in text, name  # and F1 says what it does
    assert "安排落实" in text and "未更新" in text
    assert "没有“未更新”的条目时，这一步显示“已完成”" in text  # the rule progress.block_progress applies
    keys_agree(text, buttons)
    assert store.load_report(new).year == 2026  # F1 changed nothing


def test_f1_on_the_opening_and_the_first_two_steps_matches_their_pages(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w, _ = new_year_window(store, make_window)
    open_step(w, "opening")
    text = press_f1(w, qtbot)
    buttons = buttons_of(w)
    for name in ("上年内容", "复制到本年", "无需修改", "恢复示例文字"):
        assert name in buttons and name in text, name
    keys_agree(text, buttons)

    open_step(w, "report")
    text = press_f1(w, qtbot)
    assert "还需填写" in text and "暂不填写" in text and "成文日期不带过来" in text
    keys_agree(text, buttons_of(w))
    open_step(w, "unit")
    text = press_f1(w, qtbot)
    assert "还需填写" in text
    # the general part names the keys the window has
    for keys in ("Ctrl+L", "Alt+P", "Alt+N", "Ctrl+PgUp", "Ctrl+PgDn", "F1", "Alt+Q", "Alt+E"):
        assert keys in text, keys
    assert w.back_button.text() == "上一步(&P)" and w.next_button.text() == "下一步(&N)"
