"""工具 → 本单位用语词典…: a shipped word of a list (含糊的数量: 近) switched off for the unit with Space and with
the button, greyed and labelled, stored in user.json, its finding leaving the 检查 step, and switched on again."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from fzdesk.checks.wording_book import OFF_LABEL
from fzdesk.storage.store import Store
from fzdesk.ui.dictionary_dialog import DictionaryDialog
from fzdesk.ui.main_window import MainWindow
from tests.ui.helpers import type_at_end
from tests.ui.test_checks_ui import measures_page
from tests.ui.test_dictionary_dialog import OFFSCREEN, click_class, open_dictionary, rules, user_file
from tests.ui.test_dictionary_switch_off import click_shipped, space_on

LEFT = Qt.MouseButton.LeftButton
RULE = "wording.near_over"


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def lists_disabled(store: Store) -> object:
    return json.loads(user_file(store).read_text(encoding="utf-8")).get("lists_disabled")


def state(dialog: DictionaryDialog, text: str) -> tuple[Qt.CheckState, str]:
    item = dialog.shipped.item(dialog.shipped_texts().index(text))
    return item.checkState(), item.foreground().color().name()


@OFFSCREEN
def test_a_list_word_switched_off_and_on_with_space_and_the_button(window: MainWindow, filled_store: Store,
                                                                  qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "召开专题会议近十余次。")
    assert RULE in rules(w)  # the 检查 step, opened, checks at once: 近 and 余 around one number
    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "含糊的数量")
    assert dialog.sections.currentText().startswith("表示“不到”的约数说法")
    assert "可为本单位停用" in dialog.shipped_label.text() and dialog.switch_button.isVisible()
    assert dialog.shipped_texts()[:2] == ["近", "将近"]
    assert state(dialog, "近")[0] == Qt.CheckState.Checked

    # Space on its check box: off, greyed and labelled, stored, the finding gone
    space_on(dialog, qtbot, 0, "近" + OFF_LABEL)
    checked, colour = state(dialog, "近" + OFF_LABEL)
    assert checked == Qt.CheckState.Unchecked and colour == "#8a8a8a"
    assert state(dialog, "将近") == (Qt.CheckState.Checked, dialog.shipped.item(1).foreground().color().name())
    assert dialog.message.text() == ("已停用程序自带的词语“近”（表示“不到”的约数说法），本单位的报告不再按它提示。"
                                     "已保存，已重新检查。")
    assert dialog.switch_button.text() == "重新启用选中的(&O)"
    assert lists_disabled(filled_store) == {"near": ["近"]}
    assert dialog.user_texts() == []  # listed once, among the shipped words
    assert RULE not in rules(w)

    # Space again: in use again, the finding back
    space_on(dialog, qtbot, 0, "近")
    assert state(dialog, "近")[0] == Qt.CheckState.Checked
    assert "已重新启用程序自带的词语“近”" in dialog.message.text()
    assert lists_disabled(filled_store) is None
    assert RULE in rules(w)

    # the button, the mouse: chosen, 停用选中的, then 重新启用选中的
    click_shipped(qtbot, dialog, "近")
    assert dialog.switch_button.isEnabled() and dialog.switch_button.text() == "停用选中的(&O)"
    qtbot.mouseClick(dialog.switch_button, LEFT)
    assert "近" + OFF_LABEL in dialog.shipped_texts() and state(dialog, "近" + OFF_LABEL)[0] == Qt.CheckState.Unchecked
    assert dialog.switch_button.text() == "重新启用选中的(&O)"  # it stays chosen
    assert lists_disabled(filled_store) == {"near": ["近"]}
    assert RULE not in rules(w)
    # a dialog made anew (the next start of the program) reads it from user.json
    fresh = DictionaryDialog(filled_store.folder, lambda: None)
    fresh.choose("quantities", "near")
    assert "近" + OFF_LABEL in fresh.shipped_texts()
    fresh.deleteLater()
    # the other list of the class is untouched
    dialog.sections.setFocus()
    QTest.keyClick(dialog.sections, Qt.Key.Key_Down)
    assert "余" in dialog.shipped_texts() and not any(OFF_LABEL in t for t in dialog.shipped_texts())
    QTest.keyClick(dialog.sections, Qt.Key.Key_Up)
    click_shipped(qtbot, dialog, "近" + OFF_LABEL)
    qtbot.mouseClick(dialog.switch_button, LEFT)
    assert "近" in dialog.shipped_texts() and state(dialog, "近")[0] == Qt.CheckState.Checked
    assert lists_disabled(filled_store) is None
    assert RULE in rules(w)


@OFFSCREEN
def test_a_broken_user_file_switches_no_list_word(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    path = user_file(filled_store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"format": "fzdesk-wording", "lists_disabled": ["近"]}', encoding="utf-8")
    dialog = open_dictionary(window, qtbot)
    click_class(qtbot, dialog, "含糊的数量")
    assert dialog.problem.isVisible() and "lists_disabled 应为“词表名: 停用的词语列表”" in dialog.problem.text()
    assert not dialog.shipped.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert not dialog.switch_button.isEnabled()
    assert path.read_text(encoding="utf-8") == '{"format": "fzdesk-wording", "lists_disabled": ["近"]}'
