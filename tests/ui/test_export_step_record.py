"""The 导出 step's state in the window follows the record of the report's last export: one made by `fzdesk export`
shows 已完成 as the window's own does, a failed one leaves 空, and a report that replaces an exported one in an
import (and gets its id back from SQLite) starts at 空."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fzdesk.cli import main
from fzdesk.domain.progress import Progress
from fzdesk.exchange.apply import apply_import
from fzdesk.exchange.importer import open_import
from fzdesk.export.record import record_export
from fzdesk.export.record_key import setting_key
from fzdesk.storage.store import Store
from fzdesk.ui.import_dialog import ImportDialog
from fzdesk.ui.main_window import MainWindow
from tests import factories
from tests.ui.modal import Modals, pick_file

LEFT = Qt.MouseButton.LeftButton


def export_step_text(w: MainWindow) -> str:
    """The 导出 row of the step list as the clerk reads it: "导出", then its state on the second line."""
    row = next(i for i, step in enumerate(w.steps) if step.key == "export")
    item = w.step_list.item(row)
    assert item is not None
    return item.text()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder (not held by this process, so that the command can take it) with the 2022 and 2023 reports."""
    return factories.two_years_folder(tmp_path / "data")


def test_a_report_exported_on_the_command_line_shows_the_step_complete(
        data: Path, tmp_path: Path, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    out = tmp_path / "usb"
    out.mkdir()
    assert main(["--data", str(data), "export", "--year", "2023", "--out", str(out)]) == 0
    with Store.open(data) as store:
        w = make_window(store)
        assert w.session.report is not None and w.session.report.year == 2023
        assert export_step_text(w).splitlines() == ["导出", "已导出"]
        assert w.state_of("export") is Progress.DONE
        w.year_combo.setFocus()  # the 2022 report was not exported
        qtbot.keyClick(w.year_combo, Qt.Key.Key_Down)
        assert w.session.report.year == 2022  # type: ignore[union-attr]
        assert export_step_text(w).splitlines() == ["导出", "未导出"]
        w.close()


def test_a_failed_command_line_export_leaves_the_step_empty(
        data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        make_window: Callable[[Store], MainWindow]) -> None:
    assert main(["--data", str(data), "export", "--year", "2023", "--out", str(tmp_path / "gone")]) == 2
    assert "找不到目标文件夹" in capsys.readouterr().err
    with Store.open(data) as store:
        w = make_window(store)
        assert w.session.report is not None and w.session.report.year == 2023
        assert store.setting(setting_key(w.session.report.id or 0)) is None
        assert export_step_text(w).splitlines() == ["导出", "未导出"]
        w.close()


def test_an_import_that_replaces_an_exported_report_starts_the_step_empty(
        store: Store, county: Path, qtbot: QtBot, make_window: Callable[[Store], MainWindow]) -> None:
    old = apply_import(store, open_import(county))
    record_export(store, store.load_report(old), store.units()[0], "0" * 64, ["E:/报告.docx"])  # as 导出 leaves it
    w = make_window(store)
    assert w.session.report is not None and w.session.report.id == old
    assert export_step_text(w).splitlines() == ["导出", "已导出"]

    def replace(d: ImportDialog) -> None:
        assert "已经有2023年度的报告" in d.existing_label.text()
        QTest.mouseClick(d.replace, LEFT, pos=QPoint(8, d.replace.height() // 2))
        d.next_year.setChecked(False)
        QTest.mouseClick(d.import_button, LEFT)

    modals = Modals().then(QFileDialog, pick_file(county)).then(ImportDialog, replace)
    modals.start()
    w.activateWindow()  # a shortcut goes to the active window only (another test's window may still hold it)
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    QTest.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: modals.done)
    assert not modals.errors, modals.errors
    [summary] = store.reports()
    assert summary.id == old  # SQLite gave the new report the deleted one's id
    assert w.session.report is not None and w.session.report.id == old
    assert store.setting(setting_key(old)) is None
    assert export_step_text(w).splitlines() == ["导出", "未导出"]
    assert w.state_of("export") is Progress.EMPTY
