"""The import preview says which of the unit's fields the file's 抄送 / 联系人 fill (a stored unit's empty ones only),
and 导入 fills them, never over what the clerk set. Driven from the menu (Ctrl+O) as a clerk would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Unit
from fzdesk.storage.store import Store
from fzdesk.ui.import_dialog import ImportDialog
from fzdesk.ui.main_window import MainWindow
from tests.exchange.test_unit_fills import CC, CONTACT, ORGAN, colophon_file
from tests.ui.modal import Modals, pick_file


def test_the_preview_says_what_it_fills_and_import_fills_only_that(
        store: Store, tmp_path: Path, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    store.save_unit(Unit(name=ORGAN, organs=[ORGAN], contact="王五 0394-1111111"))
    other = Unit(name="槐店回族镇人民政府", organs=["槐店回族镇人民政府"])
    store.save_unit(other)
    w = make_window(store)
    seen: dict[str, object] = {}

    def look_and_import(d: ImportDialog) -> None:
        seen["own"] = (d.unit.currentText(), d.unit_fills.isVisible(), d.unit_fills.text())
        d.unit.setCurrentIndex(d.unit.findText(other.name))  # another unit: its fields are not the file's
        seen["other"] = d.unit_fills.isVisible()
        d.unit.setCurrentIndex(d.unit.findText(ORGAN))
        d.next_year.setChecked(False)
        QTest.mouseClick(d.import_button, Qt.MouseButton.LeftButton)

    modals = Modals()
    modals.then(QFileDialog, pick_file(colophon_file(tmp_path))).then(ImportDialog, look_and_import)
    modals.start()
    QTest.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    assert seen["own"] == (ORGAN, True, f"将把文件末尾的常用抄送“{CC}”填入“{ORGAN}”的单位信息（这些栏目原来空着）。\n"
                                        f"“{ORGAN}”的单位信息中已填写的联系人（文件中为“{CONTACT}”）保持不变。")
    assert seen["other"] is False
    got = {u.name: (u.cc, u.contact) for u in store.units()}
    assert got == {ORGAN: (CC, "王五 0394-1111111"), other.name: ("", "")}
    assert [r.unit_name for r in store.reports()] == [ORGAN]
