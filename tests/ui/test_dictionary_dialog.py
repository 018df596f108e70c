"""工具 → 本单位用语词典… driven as a clerk would: choose a class, type an entry, see the 检查 step follow it."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding
from fzdesk.storage.store import Store
from fzdesk.ui import style
from fzdesk.ui.dictionary_dialog import DictionaryDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.wording_dialog import ExceptionDialog
from tests.test_patience import held, pretend_windows
from tests.ui.helpers import type_at_end, type_text, window_menus
from tests.ui.test_checks_ui import check_page, measures_page, select, shown, when_open

LEFT = Qt.MouseButton.LeftButton
# the dialog is a second top-level window: the offscreen platform cannot raise it (harmless there)
OFFSCREEN = pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)")


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def user_file(store: Store) -> Path:
    return store.folder / "wording" / "user.json"


def rules(w: MainWindow) -> list[str]:
    return [f.rule for f in check_page(w).findings() if isinstance(f, Finding)]


def open_dictionary(w: MainWindow, qtbot: QtBot) -> DictionaryDialog:
    menu = next(m for m in window_menus(w) if m.title().startswith("工具"))
    action = next(a for a in menu.actions() if "本单位用语词典" in a.text())
    assert not [a for a in menu.actions() if "添加本单位的固定用语" in a.text()]  # one place for the dictionary
    action.trigger()
    dialogs = [d for d in w.findChildren(DictionaryDialog) if d.isVisible()]
    assert len(dialogs) == 1
    qtbot.waitExposed(dialogs[0])
    return dialogs[0]


def click_class(qtbot: QtBot, dialog: DictionaryDialog, name: str) -> None:
    row = next(i for i in range(dialog.classes.count()) if name in dialog.classes.item(i).text())
    item = dialog.classes.item(row)
    dialog.classes.scrollToItem(item)
    qtbot.mouseClick(dialog.classes.viewport(), LEFT, pos=dialog.classes.visualItemRect(item).center())
    assert dialog.title.text() in name or name in dialog.title.text()


def click_user_entry(qtbot: QtBot, dialog: DictionaryDialog, text: str) -> None:
    row = dialog.user_texts().index(text)
    item = dialog.user.item(row)
    qtbot.mouseClick(dialog.user.viewport(), LEFT, pos=dialog.user.visualItemRect(item).center())


@OFFSCREEN
def test_the_classes_with_the_shipped_entries_greyed(window: MainWindow, qtbot: QtBot) -> None:
    dialog = open_dictionary(window, qtbot)
    names = [dialog.classes.item(i).text() for i in range(dialog.classes.count())]
    assert names[0] == "1. 法制与法治" and names[9] == "10. 报告结构" and names[10] == "不算错误的词语（例外）"
    assert "法治" in dialog.explanation.text()
    assert "法制政府 → 法治政府" in dialog.shipped_texts()
    # wrong→right entries and list words can be switched off for the unit (checked: in use); Latin words and
    # exceptions cannot
    assert all(dialog.shipped.item(i).checkState() == Qt.CheckState.Checked for i in range(dialog.shipped.count()))
    assert dialog.switch_button.isVisible() and not dialog.switch_button.isEnabled()
    assert not dialog.sections.isVisible()  # one list only
    click_class(qtbot, dialog, "报告结构")
    assert dialog.sections.isVisible() and dialog.sections.count() == 5
    assert "原因" in dialog.shipped_texts() and not dialog.second.isVisible()
    assert all(dialog.shipped.item(i).checkState() == Qt.CheckState.Checked for i in range(dialog.shipped.count()))
    assert dialog.switch_button.isVisible() and "可为本单位停用" in dialog.shipped_label.text()
    dialog.sections.setFocus()
    QTest.keyClick(dialog.sections, Qt.Key.Key_Down)
    assert "下一步" in dialog.shipped_texts()
    click_class(qtbot, dialog, "复制粘贴的痕迹")
    assert "APP" in dialog.shipped_texts() and not dialog.switch_button.isVisible()
    assert all(dialog.shipped.item(i).flags() == Qt.ItemFlag.NoItemFlags for i in range(dialog.shipped.count()))
    click_class(qtbot, dialog, "不算错误的词语")
    assert "法制审核（“法制”不提示）" in dialog.shipped_texts()
    assert all(dialog.shipped.item(i).flags() == Qt.ItemFlag.NoItemFlags for i in range(dialog.shipped.count()))
    assert not dialog.switch_button.isVisible() and dialog.shipped_label.text() == "程序自带（不可修改）"
    assert not dialog.edit_button.isEnabled() and not dialog.remove_button.isEnabled()


@OFFSCREEN
def test_a_term_added_changed_and_removed_is_checked_at_once(window: MainWindow, filled_store: Store,
                                                             qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "沈邱县人民政府。")
    assert "wording.terms" not in rules(w)
    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "错别字")
    type_text(dialog.first, "沈邱县")
    type_text(dialog.second, "沈丘县")
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert dialog.user_texts() == ["沈邱县 → 沈丘县"]
    assert "已添加“沈邱县”应为“沈丘县”" in dialog.message.text() and "已重新检查" in dialog.message.text()
    data = json.loads(user_file(filled_store).read_text(encoding="utf-8"))
    assert data["entries"] == [{"wrong": "沈邱县", "right": "沈丘县", "class": "terms"}]
    # the text typed before the dialog was saved, and the finding is there without waiting
    assert "沈邱县" in filled_store.load_report(w.session.report.id).section(  # type: ignore[union-attr, arg-type]
        page.block).items[0].text
    cp = check_page(w)
    assert "沈丘县" in shown(cp, "wording.terms").message

    click_user_entry(qtbot, dialog, "沈邱县 → 沈丘县")
    assert dialog.first.text() == "沈邱县" and dialog.edit_button.isEnabled()
    dialog.second.selectAll()
    type_text(dialog.second, "沈丘县人民政府")
    qtbot.mouseClick(dialog.edit_button, LEFT)
    assert dialog.user_texts() == ["沈邱县 → 沈丘县人民政府"]
    assert "沈丘县人民政府" in shown(check_page(w), "wording.terms").message

    click_user_entry(qtbot, dialog, "沈邱县 → 沈丘县人民政府")
    QTest.keyClick(dialog.user, Qt.Key.Key_Delete)
    assert dialog.user_texts() == [] and "已删除“沈邱县”" in dialog.message.text()
    assert json.loads(user_file(filled_store).read_text(encoding="utf-8"))["entries"] == []
    assert "wording.terms" not in rules(w)


@OFFSCREEN
def test_an_exception_silences_a_finding_and_removing_it_brings_it_back(window: MainWindow, filled_store: Store,
                                                                        qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "落实法制建设工作。")
    assert "wording.fazhi" in rules(w)
    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "例外")
    type_text(dialog.first, "法制建设工作")
    QTest.keyClick(dialog.first, Qt.Key.Key_Return)  # Enter adds
    assert dialog.user_texts() == ["法制建设工作"]
    assert "wording.fazhi" not in rules(w)
    click_user_entry(qtbot, dialog, "法制建设工作")
    qtbot.mouseClick(dialog.remove_button, LEFT)
    assert "wording.fazhi" in rules(w)


@OFFSCREEN
def test_a_word_of_a_moved_list_makes_a_finding_appear(window: MainWindow, filled_store: Store,
                                                      qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "全年开展培训约十余次。")
    assert "wording.near_over" not in rules(w)
    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "含糊的数量")
    assert dialog.sections.currentText().startswith("表示“不到”")
    type_text(dialog.first, "约")
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert json.loads(user_file(filled_store).read_text(encoding="utf-8"))["lists"] == {"near": ["约"]}
    assert "约十余" in shown(check_page(w), "wording.near_over").message


@OFFSCREEN
@pytest.mark.parametrize(("cls", "first", "second", "says"), [
    ("错别字", "", "", "请填写错误写法"),
    ("错别字", "沈邱县", "", "请填写正确写法"),
    ("错别字", "帐", "账", "只有一个字"),
    ("错别字", "截止目前", "截至目前", "内置的“错别字”里已有"),
    ("法制与法治", "法治政府", "法制政府", "正确写法"),
    ("错别字", "沈邱县→", "沈丘县", "分别填在两栏"),
    ("报告结构", "的", "", "几乎每段文字都有"),
    ("复制粘贴的痕迹", "中文", "", "不是英文词"),
    ("例外", "依法行政", "", "没有任何会被提示的写法"),
])
@OFFSCREEN
def test_bad_input_is_refused_with_a_clear_message(window: MainWindow, filled_store: Store, qtbot: QtBot,
                                                   cls: str, first: str, second: str, says: str) -> None:
    dialog = open_dictionary(window, qtbot)
    click_class(qtbot, dialog, cls)
    type_text(dialog.first, first)
    if second:
        type_text(dialog.second, second)
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert says in dialog.message.text() and dialog.message.objectName() == "error"
    assert dialog.user_texts() == []
    assert dialog.first.text() == first.strip()  # what was typed stays, to be corrected
    assert not user_file(filled_store).exists()


@OFFSCREEN
def test_a_pair_typed_in_one_field_is_taken_apart(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    dialog = open_dictionary(window, qtbot)
    click_class(qtbot, dialog, "正式用语")
    type_text(dialog.first, "法治带头人→推进法治建设第一责任人")
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert dialog.user_texts() == ["法治带头人 → 推进法治建设第一责任人"]


BROKEN = '{"format": "fzdesk-wording", "entries": [{"wrong": "沈邱县", '


@OFFSCREEN
def test_a_broken_user_file_is_reported_and_kept(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    path = user_file(filled_store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BROKEN, encoding="utf-8")
    dialog = open_dictionary(window, qtbot)
    click_class(qtbot, dialog, "错别字")
    assert dialog.problem.isVisible() and "无法读取" in dialog.problem.text() and "user.json" in dialog.problem.text()
    assert not dialog.add_button.isEnabled() and not dialog.first.isEnabled()
    assert path.read_text(encoding="utf-8") == BROKEN
    qtbot.mouseClick(dialog.aside_button, LEFT)
    kept = [p for p in path.parent.iterdir() if p.name.startswith("user.json.损坏-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == BROKEN
    assert not dialog.problem.isVisible() and dialog.add_button.isEnabled() and "改名为" in dialog.message.text()
    type_text(dialog.first, "沈邱县")
    type_text(dialog.second, "沈丘县")
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert json.loads(path.read_text(encoding="utf-8"))["entries"][0]["wrong"] == "沈邱县"


@OFFSCREEN
def test_not_an_error_with_a_broken_user_file_says_so(window: MainWindow, filled_store: Store, qtbot: QtBot) -> None:
    w = window
    page = measures_page(w)
    type_at_end(page.text, "落实法制建设工作。")
    cp = check_page(w)
    select(cp, shown(cp, "wording.fazhi"))
    path = user_file(filled_store)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(BROKEN, encoding="utf-8")
    said: list[str] = []

    def warned(box: QMessageBox) -> None:
        said.append(box.text())

    when_open(ExceptionDialog, lambda d: (d.accept(), when_open(QMessageBox, warned)))
    cp.exception_button.click()
    assert said and "无法读取" in said[0] and "本单位用语词典" in said[0]
    assert path.read_text(encoding="utf-8") == BROKEN
    assert "wording.fazhi" in rules(w)


@OFFSCREEN
def test_an_exception_added_from_a_finding_shows_in_the_open_dictionary(window: MainWindow, filled_store: Store,
                                                                       qtbot: QtBot) -> None:
    w = window
    dialog = open_dictionary(w, qtbot)
    click_class(qtbot, dialog, "例外")
    page = measures_page(w)
    type_at_end(page.text, "落实法制建设工作。")
    cp = check_page(w)
    select(cp, shown(cp, "wording.fazhi"))
    when_open(ExceptionDialog, lambda d: d.accept())
    cp.exception_button.click()
    assert dialog.user_texts() and dialog.user_texts()[0].startswith("法制建设")
    type_text(dialog.first, "法制副校长")
    qtbot.mouseClick(dialog.add_button, LEFT)  # the dialog read the file again: nothing is lost
    data = json.loads(user_file(filled_store).read_text(encoding="utf-8"))
    assert len(data["exceptions"]) == 2 and "法制副校长" in data["exceptions"]


@OFFSCREEN
def test_a_user_file_an_antivirus_holds_for_good_is_said_and_kept(window: MainWindow, filled_store: Store,
                                                                   qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
                                                                   ) -> None:
    """Windows faked: after about two seconds of retries the clerk reads the usual message; the file is as it was."""
    dialog = open_dictionary(window, qtbot)
    click_class(qtbot, dialog, "错别字")
    type_text(dialog.first, "沈邱县")
    type_text(dialog.second, "沈丘县")
    qtbot.mouseClick(dialog.add_button, LEFT)
    before = user_file(filled_store).read_bytes()
    pauses = pretend_windows(monkeypatch)
    tries = []

    def scanned(src: object, dst: object) -> None:
        tries.append(dst)
        raise held(32)

    monkeypatch.setattr(os, "replace", scanned)
    type_text(dialog.first, "槐店回族镇政府")
    type_text(dialog.second, "槐店回族镇人民政府")
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert len(tries) == 6 and len(pauses) == 5
    said = dialog.message.text()
    assert said.startswith("无法保存用语文件：") and "请检查数据文件夹是否可写" in said
    assert dialog.message.objectName() == "error"
    assert dialog.user_texts() == ["沈邱县 → 沈丘县"]
    assert user_file(filled_store).read_bytes() == before
    assert sorted(p.name for p in user_file(filled_store).parent.iterdir()) == ["user.json"]


@OFFSCREEN
def test_the_message_follows_the_text_size_in_red_and_in_green(window: MainWindow, qtbot: QtBot) -> None:
    """A style sheet coloured the message: it kept the size the dialog had when it opened, under 放大文字."""
    dialog = open_dictionary(window, qtbot)
    assert not dialog.remove()  # nothing chosen: the one message this can be said with before any change
    assert dialog.message.text().startswith("请先在“本单位添加”里选中")
    window.set_point_size(window.point_size + 4)  # the open dialog gets the size at once (style.dialogs_follow)
    assert dialog.message.font().pointSize() == dialog.explanation.font().pointSize() == window.point_size
    colour = dialog.message.palette().color(dialog.message.foregroundRole()).name()
    assert colour == style.ERROR_COLOUR and dialog.message.objectName() == "error"
    dialog._say("已保存。", error=False)
    assert dialog.message.palette().color(dialog.message.foregroundRole()).name() == style.DONE_COLOUR
    assert dialog.message.font().pointSize() == window.point_size
