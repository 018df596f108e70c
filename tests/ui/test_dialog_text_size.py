"""放大文字 reaches every dialog and message box, and each still fits a 1024 x 768 screen at the largest size."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.style import MAX_POINT_SIZE
from tests.ui.modal import Modals

SMALL_SCREEN = (1024, 768 - 30)  # the smallest screen fzdesk is made for, less a title bar


def cut_text(dialog: QWidget) -> list[str]:
    """Wrapped labels shorter than their text needs, and buttons with text narrower than it."""
    cut = [lbl.text()[:20] for lbl in dialog.findChildren(QLabel)
           if lbl.isVisible() and lbl.wordWrap() and lbl.height() < lbl.heightForWidth(lbl.width())]
    cut += [b.text()[:20] for b in dialog.findChildren(QAbstractButton)
            if b.isVisible() and b.text() and b.width() < b.sizeHint().width()]
    return cut


def enlarge_to_the_largest(qtbot: QtBot, w: MainWindow) -> None:
    """视图 → 放大文字 (Ctrl++) until the size stops growing, as a clerk does."""
    for _ in range(MAX_POINT_SIZE):
        QTest.keyClick(w, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert w.point_size == MAX_POINT_SIZE


class Seen:
    """What a dialog looked like when it opened: its text size, its size, whether any text was cut."""

    def __init__(self) -> None:
        self.found: dict[str, tuple[int, int, int, list[str]]] = {}

    def look_and_escape(self, name: str) -> Callable[[QDialog], None]:
        def act(dialog: QDialog) -> None:
            QTest.qWait(20)  # (the scrolling body lays out its text once it has its width)
            least = dialog.minimumSizeHint()  # (the tests' screen is 800 x 800: the least size tells the fit)
            screen = dialog.screen().availableGeometry()
            assert screen.contains(dialog.geometry()), (name, dialog.geometry())
            self.found[name] = (dialog.font().pointSize(), least.width(), least.height(), cut_text(dialog))
            QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes every dialog

        return act


def test_the_dialogs_of_the_menus_follow_the_largest_text_size(filled_store: Store, qtbot: QtBot,
                                                               make_window: Callable[[Store], MainWindow]) -> None:
    """Only 历史版本 grew with 放大文字; 新建单位, 新建年度报告, 删除这份报告, 恢复备份, 帮助, 关于 and the file dialog
    stayed at 12 pt."""
    w = make_window(filled_store)
    enlarge_to_the_largest(qtbot, w)
    reports_before = [(s.id, s.title) for u in filled_store.units() for s in filled_store.reports(u.id)]
    seen = Seen()
    opened = [("新建单位", QDialog, w.new_unit), ("新建年度报告", QDialog, w.new_report),
              ("删除这份报告", QMessageBox, w.delete_report), ("恢复备份", QDialog, w.restore_backup),
              ("帮助", QDialog, w.show_help), ("关于", QMessageBox, w._about),
              ("导入", QFileDialog, w.import_report)]
    for name, kind, open_it in opened:
        modals = Modals().then(kind, seen.look_and_escape(name))
        modals.start()
        open_it()
        qtbot.waitUntil(lambda m=modals: m.done, timeout=5000)  # type: ignore[misc]
        assert modals.errors == []
    assert set(seen.found) == {name for name, _, _ in opened}
    for name, (size, width, height, cut) in seen.found.items():
        assert size == MAX_POINT_SIZE, name
        assert width <= SMALL_SCREEN[0] and height <= SMALL_SCREEN[1], (name, width, height)
        assert cut == [], (name, cut)
    after = [(s.id, s.title) for u in filled_store.units() for s in filled_store.reports(u.id)]
    assert after == reports_before  # Esc changed nothing


def test_a_dialog_follows_a_smaller_text_size_too(filled_store: Store, qtbot: QtBot,
                                                  make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    QTest.keyClick(w, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    seen = Seen()
    modals = Modals().then(QMessageBox, seen.look_and_escape("关于"))
    modals.start()
    w._about()
    qtbot.waitUntil(lambda: modals.done, timeout=5000)
    assert seen.found["关于"][0] == w.point_size == 13
    assert filled_store.setting("editor_point_size") == 13


def _dialogs(store: Store, parent: QWidget, folder: Path) -> dict[str, QDialog]:
    from fzdesk.checks.findings import Category, Finding, Location, Severity
    from fzdesk.datamove import plan_move
    from fzdesk.domain.model import Block
    from fzdesk.exchange.importer import open_import
    from fzdesk.paths import DataLocation, DataSource
    from fzdesk.ui.data_folder import MoveDataDialog
    from fzdesk.ui.dialogs import BackupDialog, NewReportDialog, NewUnitDialog
    from fzdesk.ui.dictionary_dialog import DictionaryDialog
    from fzdesk.ui.dismiss_dialog import DismissDialog
    from fzdesk.ui.history_dialog import HistoryDialog
    from fzdesk.ui.import_dialog import ImportDialog
    from fzdesk.ui.wording_dialog import ExceptionDialog
    from tests.exchange import samples

    report = store.reports(store.units()[0].id)[0]
    store.update_report(report.id, title="2023年度法治政府建设情况的报告（初稿）")
    store.update_report(report.id, title="2023年度法治政府建设情况的报告")
    target = folder / "stick" / "fzdesk-data"
    target.mkdir(parents=True)
    (target / "notes.txt").write_text("x", encoding="utf-8")
    county = folder / "county.txt"
    county.write_text(samples.county_text(), encoding="utf-8")
    where = Location(Block.MEASURES.value, item_index=0, paragraph=0, start=0, end=2)
    finding = Finding("wording.fazhi", Category.WORDING, Severity.ERROR, "“法制政府”应写作“法治政府”", where,
                      excerpt="推进法制政府建设")
    return {
        "新建单位": NewUnitDialog(parent),
        "新建年度报告": NewReportDialog("沈丘县人民政府办公室", {2022, 2023}, parent),
        "恢复备份": BackupDialog(store.backup_folder, parent),
        "历史版本": HistoryDialog(store, report.id, "report", "title", "报告标题", parent),
        "用语词典": DictionaryDialog(store.folder, lambda: None, parent),
        "这不是错误": ExceptionDialog("法制", "法制审核", parent),
        "忽略": DismissDialog(finding, parent),
        "移动数据": MoveDataDialog(plan_move(store.folder, target), DataLocation(store.folder, DataSource.USER),
                                DataLocation(target, DataSource.PORTABLE), parent),
        "导入": ImportDialog(store, open_import(county), unit=store.units()[0], parent=parent),
    }


def test_every_dialog_of_the_program_fits_a_small_screen_at_the_largest_size(
        filled_store: Store, qtbot: QtBot, tmp_path: Path, make_window: Callable[[Store], MainWindow]) -> None:
    """At 28 pt 新建单位 needed 1169 px, 移动数据 1552 px, 导入 1278 px, the dictionary 1122 px; 新建年度报告 and
    移动数据 ran past the screen's lower edge, their buttons with them; 恢复备份 and 这不是错误 cut their text."""
    w = make_window(filled_store)
    enlarge_to_the_largest(qtbot, w)
    for name, dialog in _dialogs(filled_store, w, tmp_path).items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.font().pointSize() == MAX_POINT_SIZE, name
        least = dialog.minimumSizeHint()
        assert least.width() <= SMALL_SCREEN[0] and least.height() <= SMALL_SCREEN[1], (name, least)
        screen = dialog.screen().availableGeometry()  # (the tests' screen: 800 x 800; 历史版本, 导入 need more)
        if least.width() > screen.width():
            dialog.close()
            continue

        def nothing_cut(dialog: QDialog = dialog, name: str = name) -> None:
            assert cut_text(dialog) == [], name

        # (the scrolling body lays out its text once it has its width: waited for, not a fixed 20 ms)
        qtbot.waitUntil(nothing_cut, timeout=2000)
        assert screen.contains(dialog.geometry()), (name, dialog.geometry())
        assert dialog.frameGeometry().height() <= screen.height(), name
        answers = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons() if b.isVisible()]
        assert answers, name
        for button in answers:  # 确定, 取消, 关闭, ...: on the screen, never scrolled away with the text
            assert screen.contains(button.mapToGlobal(button.rect().bottomRight())), (name, button.text())
        dialog.close()


@pytest.mark.parametrize("name", ["新建单位", "新建年度报告", "移动数据"])
def test_esc_closes_the_dialog_and_changes_nothing(name: str, filled_store: Store, qtbot: QtBot, tmp_path: Path,
                                                   make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(filled_store)
    units = filled_store.units()
    dialog = _dialogs(filled_store, w, tmp_path)[name]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert filled_store.units() == units
