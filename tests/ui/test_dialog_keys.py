"""Every dialog's buttons have Alt letters (加入例外(&A), 取消(&C)), none shared within a dialog; Esc cancels and
Enter never gives a destructive answer; a long question keeps its buttons on a 1024 x 768 screen at 28 pt; Qt's
own texts (message box answers, the editors' right-click menus) are Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLibraryInfo, QPoint, Qt, QTimer, QTranslator
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.ask import MessageBox, Role, ask
from fzdesk.ui.help import HelpDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages import export_page
from fzdesk.ui.pages.export_page import ExportPage
from fzdesk.ui.wording_dialog import ExceptionDialog
from tests import factories
from tests.ui.modal import Modals
from tests.ui.test_dialog_text_size import _dialogs, enlarge_to_the_largest
from tests.ui.test_export_page import NAME, page  # noqa: F401  # (page: the export step on a stick, a fixture)


def mnemonics(dialog: QWidget) -> tuple[list[str], dict[str, list[str]]]:
    """Buttons without an Alt letter, and letters that two of the dialog's buttons, labels or boxes share."""
    buttons = [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    texts = buttons + [lbl.text() for lbl in dialog.findChildren(QLabel) if lbl.isVisible() and lbl.buddy()]
    texts += [g.title() for g in dialog.findChildren(QGroupBox) if g.isVisible() and g.isCheckable()]
    seen: dict[str, list[str]] = {}
    for text in texts:
        if m := re.search(r"&(\w)", text.replace("&&", "")):
            seen.setdefault(m.group(1).upper(), []).append(text)
    return [t for t in buttons if "&" not in t.replace("&&", "")], {k: v for k, v in seen.items() if len(v) > 1}


DIALOGS = ["新建单位", "新建年度报告", "恢复备份", "历史版本", "用语词典", "这不是错误", "忽略", "移动数据", "导入"]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_button_of_the_dialog_has_its_own_alt_letter_and_esc_cancels(
        name: str, filled_store: Store, qtbot: QtBot, tmp_path: Path,
        make_window: Callable[[Store], MainWindow]) -> None:
    """加入例外, 取消, 关闭 and 恢复此版本 had no Alt letter."""
    w = make_window(filled_store)
    dialog = _dialogs(filled_store, w, tmp_path)[name]
    qtbot.addWidget(dialog)
    before = factories.dump(filled_store)
    dialog.show()
    qtbot.waitExposed(dialog)
    without, shared = mnemonics(dialog)
    assert without == [] and shared == {}, name
    cancel = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text() in ("取消(&C)", "关闭(&C)")]
    assert len(cancel) == 1, name  # Alt+C is 取消 (or 关闭) in every dialog
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible(), name
    assert factories.dump(filled_store) == before, name


def show_active(qtbot: QtBot, dialog: QDialog) -> None:
    """Shows the dialog as the active window (Alt letters reach only the active window)."""
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)


def test_help_closes_with_alt_c(qtbot: QtBot) -> None:
    dialog = HelpDialog("开头", "**开头**\n\n写明本年度的总体情况。")
    show_active(qtbot, dialog)
    assert mnemonics(dialog) == ([], {})
    QTest.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)  # (an Alt letter clicks after a short flash)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_alt_a_adds_the_exception_and_alt_c_cancels(qtbot: QtBot) -> None:
    dialog = ExceptionDialog("法制", "法制审核")
    show_active(qtbot, dialog)
    QTest.keyClick(dialog.phrase, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 加入例外(&A)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.phrase.text() == "法制审核"
    again = ExceptionDialog("法制", "法制审核")
    show_active(qtbot, again)
    QTest.keyClick(again.phrase, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # 取消(&C)
    qtbot.waitUntil(lambda: not again.isVisible(), timeout=2000)
    assert again.result() == QDialog.DialogCode.Rejected and not again.isVisible()


def answering(key: Qt.Key, seen: list[QMessageBox]) -> Callable[[QMessageBox], None]:
    def act(box: QMessageBox) -> None:
        seen.append(box)
        QTest.keyClick(box, key)

    return act


def test_enter_on_a_file_of_the_same_name_saves_under_a_new_name(page: ExportPage, tmp_path: Path,  # noqa: F811
                                                                qtbot: QtBot) -> None:
    """已有同名文件 had no default: Enter pressed 覆盖 (the first button) and the old file was gone."""
    stick = tmp_path / "KINGSTON"
    (stick / f"{NAME}.docx").write_bytes(b"old")
    seen: list[QMessageBox] = []
    modals = Modals().then(QMessageBox, answering(Qt.Key.Key_Return, seen),
                           lambda: any(b.windowTitle() == "已有同名文件" for b in QApplication.topLevelWidgets()
                                       if isinstance(b, QMessageBox) and b.isVisible()))
    modals.start()
    page.export_button.click()
    qtbot.waitUntil(lambda: modals.done, timeout=5000)
    assert modals.errors == []
    assert [b.windowTitle() for b in seen] == ["已有同名文件"]
    assert (stick / f"{NAME}.docx").read_bytes() == b"old"  # kept
    assert (stick / f"{NAME}(2).docx").exists()


def test_esc_on_a_file_of_the_same_name_writes_nothing(page: ExportPage, tmp_path: Path,  # noqa: F811
                                                      qtbot: QtBot) -> None:
    stick = tmp_path / "KINGSTON"
    (stick / f"{NAME}.docx").write_bytes(b"old")
    modals = Modals().then(QMessageBox, answering(Qt.Key.Key_Escape, []))
    modals.start()
    page.export_button.click()
    qtbot.waitUntil(lambda: modals.done, timeout=5000)
    assert {p.name for p in stick.iterdir()} == {f"{NAME}.docx"} and "已取消" in page.status.text()
    assert export_page.CANCEL == "cancel"


def test_a_destructive_answer_is_refused_as_the_default() -> None:
    with pytest.raises(ValueError, match="覆盖"):
        ask(None, QMessageBox.Icon.Question, "已有同名文件", "x",
            [("覆盖(&W)", Role.DestructiveRole), ("取消(&C)", Role.RejectRole)], default=0)


LONG = "检查发现40个错误还没有处理：\n\n" + "\n".join(
    f"· 第{i}条：“法制政府”应写作“法治政府”，在第三部分第{i}项" for i in range(40))


@pytest.mark.parametrize(("key", "expected"), [(Qt.Key.Key_Return, 2), (Qt.Key.Key_Escape, 2)])
def test_a_long_question_at_28_pt_scrolls_and_keeps_its_buttons_on_the_screen(
        key: Qt.Key, expected: int, filled_store: Store, qtbot: QtBot,
        make_window: Callable[[Store], MainWindow]) -> None:
    """The box was 4,178 px tall on a 768 px screen: 取消 and the other answers were below its edge."""
    w = make_window(filled_store)
    enlarge_to_the_largest(qtbot, w)
    looked: dict[str, object] = {}

    def look(box: QMessageBox) -> None:
        QTest.qWait(20)
        screen = box.screen().availableGeometry()
        looked["inside"] = screen.contains(box.frameGeometry())
        looked["buttons"] = [b.text() for b in box.buttons()
                             if screen.contains(b.mapToGlobal(b.rect().bottomRight())) and b.isVisible()]
        area = box.findChild(QScrollArea, "longText")
        looked["scrolls"] = area is not None and area.verticalScrollBar().maximum() > 0
        looked["sideways"] = area is not None and area.horizontalScrollBar().maximum() > 0
        if area is not None:  # the clerk scrolls to the end of the list
            area.verticalScrollBar().setValue(area.verticalScrollBar().maximum())
        QTest.keyClick(box, key)

    modals = Modals().then(MessageBox, look)
    modals.start()
    answer = ask(w, QMessageBox.Icon.Warning, "还有错误没有处理", LONG,
                 [("转到检查(&G)", Role.AcceptRole), ("仍然导出(&E)", Role.DestructiveRole),
                  ("取消(&C)", Role.RejectRole)])
    assert modals.errors == []
    assert sorted(looked.pop("buttons")) == sorted(["转到检查(&G)", "仍然导出(&E)", "取消(&C)"])  # type: ignore[call-overload]
    assert looked == {"inside": True, "scrolls": True, "sideways": False}
    assert answer == expected  # without a default, Enter is 取消 as Esc is


def test_a_short_question_is_left_as_qt_lays_it_out(qtbot: QtBot) -> None:
    modals = Modals().then(MessageBox, lambda box: (
        looked.append(box.findChild(QScrollArea, "longText") is None), QTest.keyClick(box, Qt.Key.Key_Escape)))
    looked: list[bool] = []
    modals.start()
    assert ask(None, QMessageBox.Icon.Question, "恢复示例文字", "把开头换成示例文字吗？",
               [("替换(&R)", Role.AcceptRole), ("取消(&C)", Role.RejectRole)], default=1) == 1
    assert looked == [True]


@pytest.fixture
def qt_chinese(qapp: QApplication) -> Iterator[None]:
    """Qt's own Chinese, as fzdesk.app.make_app installs it."""
    translator = QTranslator()
    assert translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def english(texts: list[str]) -> list[str]:
    """Texts with an English word, the key names of shortcuts (Ctrl+Z) aside."""
    return [t for t in texts if re.search(r"[A-Za-z]{2,}", re.sub(r"\t.*$", "", t))]


def context_menu_texts(qtbot: QtBot, editor: QWidget) -> list[str]:
    """Asks for the editor's context menu as a right-click does and reads it, then closes it."""
    texts: list[str] = []

    def read() -> None:
        menus = [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]
        if not menus:
            QTimer.singleShot(10, read)
            return
        texts.extend(a.text() for a in menus[-1].actions() if not a.isSeparator())
        menus[-1].close()

    QTimer.singleShot(10, read)
    target = editor.viewport() if isinstance(editor, QPlainTextEdit) else editor
    where = QPoint(10, 10)
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                                     target.mapToGlobal(where)))
    qtbot.waitUntil(lambda: bool(texts), timeout=3000)  # (some menus open and return at once, some wait)
    return texts


@pytest.mark.usefixtures("qt_chinese")
@pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")  # (offscreen menus)
def test_qt_s_own_texts_are_chinese(filled_store: Store, qtbot: QtBot, tmp_path: Path,
                                    make_window: Callable[[Store], MainWindow]) -> None:
    """A line edit's and a text editor's right-click menu, and the answers of Qt's own message boxes."""
    w = make_window(filled_store)
    dialog = _dialogs(filled_store, w, tmp_path)["新建单位"]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    name = dialog.findChild(QLineEdit)
    assert name is not None
    line_menu = context_menu_texts(qtbot, name)
    assert [t.split("\t")[0] for t in line_menu] == ["撤消(&U)", "重做(&R)", "剪切(&T)", "复制(&C)", "粘贴(&P)",
                                                     "删除", "全选"]
    dialog.close()
    QTest.keyClick(w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # 报告信息
    QTest.keyClick(w, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # 开头: its text editor
    editor = next(e for e in w.findChildren(QPlainTextEdit) if e.isVisible())
    text_menu = context_menu_texts(qtbot, editor)
    assert "全选\tCtrl+A" in text_menu and english(text_menu) == []
    box = QMessageBox()
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                           | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
                           | QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard)
    assert sorted(b.text() for b in box.buttons()) == sorted(["是(&Y)", "否(&N)", "确定", "取消", "保存", "丢弃"])
