"""Qt's own file dialog (Linux without a native one) in Chinese: the texts Qt's qtbase_zh_CN lacks come from
resources/qt/zh_CN_missing.json, through a translator installed when a file dialog is first opened; and the
dialogs opened big enough to read (ui/file_dialogs.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, Qt, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QHeaderView,
    QLabel,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui import import_dialog
from fzdesk.ui.autosave import Autosaver
from fzdesk.ui.pages.base import Session
from fzdesk.ui.pages.export_page import ExportPage
from fzdesk.ui.qt_texts import MissingQtTexts, complete_qt_translation, missing_texts
from tests.ui.modal import Modals, cancel

ENGLISH = ("Look in", "Files of type", "File name")


def without_mnemonic(labels: set[str]) -> set[str]:
    """Qt 6.9's dialog (PySide6 6.9, the bundle for glibc < 2.34) asks for "Look in:", which qtbase_zh_CN has as
    查找范围：; Qt 6.12 asks for "&Look in:", which it lacks and fzdesk adds as 查找范围(&L)：. Chinese either way."""
    return {label.replace("(&L)", "").replace("(&T)", "") for label in labels}


@pytest.fixture(autouse=True)
def qt_chinese(qapp: QApplication) -> Iterator[None]:
    """Qt's own Chinese, as fzdesk.app.make_app installs it."""
    translator = QTranslator()
    assert translator.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def looked_at(qtbot: QtBot, folder: Path, seen: dict[str, Any]) -> Any:
    """A step for Modals: goes to folder, notes the dialog's labels and the type shown for its subfolder, cancels."""

    def act(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(folder))
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        sub = folder / "2023年"
        qtbot.waitUntil(lambda: model.index(str(sub)).isValid() and bool(model.data(model.index(str(sub), 2))),
                        timeout=5000)  # (the folder is listed in the background)
        seen["labels"] = {label.text() for label in dialog.findChildren(QLabel) if label.isVisible()}
        view = dialog.findChild(QTreeView, "treeView")
        assert view is not None
        header = view.model()
        seen["columns"] = [header.headerData(c, Qt.Orientation.Horizontal) for c in range(header.columnCount())]
        seen["size"] = dialog.size()
        seen["dates"] = {view.header().sectionResizeMode(column) for column in (1, 2, 3)}  # size, type, date
        seen["type"] = model.data(model.index(str(sub), 2))
        cancel(dialog)

    return act


def test_choosing_last_year_s_file_the_dialog_speaks_chinese(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "2023年").mkdir()
    seen: dict[str, Any] = {}
    modals = Modals().then(QFileDialog, looked_at(qtbot, tmp_path, seen))
    modals.start()
    assert import_dialog.choose_import_file(None) is None  # the clerk looked, then cancelled
    assert not modals.errors, modals.errors
    assert {"查找范围：", "文件类型："} <= without_mnemonic(seen["labels"])
    assert not [text for text in seen["labels"] if text.replace("&", "").startswith(ENGLISH)]
    assert seen["type"] == "文件夹"
    assert "" not in seen["labels"] and len(seen["columns"]) == 4 and all(seen["columns"])  # Qt's other texts stay
    screen = QApplication.primaryScreen().availableGeometry()
    assert seen["size"].width() >= min(900, screen.width() * 9 // 10) > 620  # Qt opens it at ~620 x 420
    assert seen["dates"] == {QHeaderView.ResizeMode.ResizeToContents}  # not "7.…iB", "纯…档", "26 11 ··· 01:01"


def test_choosing_the_export_folder_the_dialog_speaks_chinese(qtbot: QtBot, filled_store: Store,
                                                              tmp_path: Path) -> None:
    (tmp_path / "2023年").mkdir()
    unit = filled_store.units()[0]
    summary = next(r for r in filled_store.reports() if r.year == 2023)
    page = ExportPage(Session(filled_store, Autosaver(), unit, filled_store.load_report(summary.id)))
    qtbot.addWidget(page)
    page.show()
    before = page.folder.text()
    seen: dict[str, Any] = {}
    modals = Modals().then(QFileDialog, looked_at(qtbot, tmp_path, seen))
    modals.start()
    page.browse()
    assert not modals.errors, modals.errors
    assert "查找范围：" in without_mnemonic(seen["labels"]) and seen["type"] == "文件夹"
    assert seen["size"].width() > 620 and seen["dates"] == {QHeaderView.ResizeMode.ResizeToContents}
    assert page.folder.text() == before  # cancelled: the folder chosen before stays


def test_installed_once_and_answers_only_for_its_texts(qapp: QApplication) -> None:
    complete_qt_translation()
    complete_qt_translation()
    [translator] = qapp.findChildren(MissingQtTexts)
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert translator.translate("QFileDialog", "&Open") is None  # the others: Qt's own Chinese, or English
    assert QCoreApplication.translate("QFileDialog", "Detail View") == "详情视图"  # (Qt's own)


def test_every_text_is_one_qt_s_chinese_lacks() -> None:
    """Once Qt's own translation has a text, the entry here is dropped (Qt's wording wins)."""
    qt_chinese = QTranslator()
    assert qt_chinese.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    texts = missing_texts()
    assert len(texts) == 4
    for (context, source, disambiguation), chinese in texts.items():
        assert qt_chinese.translate(context, source, disambiguation or None) == "", (context, source)
        assert chinese and not chinese.isascii()


def test_a_folder_chosen_in_the_dialog_becomes_the_export_folder(qtbot: QtBot, filled_store: Store,
                                                                  tmp_path: Path) -> None:
    target = tmp_path / "上报材料"
    target.mkdir()
    unit = filled_store.units()[0]
    summary = next(r for r in filled_store.reports() if r.year == 2023)
    page = ExportPage(Session(filled_store, Autosaver(), unit, filled_store.load_report(summary.id)))
    qtbot.addWidget(page)
    page.show()

    def choose(dialog: QFileDialog) -> None:
        dialog.setDirectory(str(target))
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert box is not None
        button = box.button(QDialogButtonBox.StandardButton.Open)  # 选择 in a folder dialog
        assert button is not None
        qtbot.waitUntil(lambda: dialog.directory().absolutePath() == str(target) and button.isEnabled(), timeout=5000)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    modals = Modals().then(QFileDialog, choose)
    modals.start()
    qtbot.mouseClick(page.browse_button, Qt.MouseButton.LeftButton)
    assert not modals.errors, modals.errors
    assert page.folder.text() == str(target)


def test_the_first_file_dialog_leaves_the_dialogs_open_their_alt_letters(qtbot: QtBot, qapp: QApplication) -> None:
    """QA (frozen build): 新建年度报告 → 从去年的报告文件开始 → 选择文件…: back in the dialog, its buttons read 确定 and
    取消, without (&O)/(&C). Installing the missing texts sends every widget a LanguageChange, and a button box then
    gives its standard buttons Qt's own words again, the Alt letters and any text of the program's own lost."""
    from fzdesk.ui.dialogs import NewReportDialog

    for old in qapp.findChildren(MissingQtTexts):  # as at the session's first file dialog
        qapp.removeTranslator(old)
        old.setParent(None)
    qtbot.wait(10)
    d = NewReportDialog("红旗街道办事处", set())
    qtbot.addWidget(d)
    d.show()
    box = d.findChild(QDialogButtonBox)
    assert box is not None
    own = box.addButton(QDialogButtonBox.StandardButton.Apply)
    own.setText("导入(&I)")
    before = sorted(b.text() for b in box.buttons())
    assert before == ["取消(&C)", "导入(&I)", "确定(&O)"]
    complete_qt_translation()
    qtbot.wait(50)  # (the file dialog's event loop: the LanguageChange is delivered)
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert sorted(b.text() for b in box.buttons()) == before
