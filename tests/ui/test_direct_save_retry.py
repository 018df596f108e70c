"""The writes that used to go straight to the store now go through the window's saver: a 上年计划 mark, 无需修改
(the block page and the closing page), 印发日期, and a new unit (新建单位, or the first name typed on 单位信息). On a
full disk each is kept on screen, said once (保存失败, status bar 保存失败！), shown again on a report opened again,
and written when the disk has room. Driven as a clerk does: keys, clicks, the year switcher."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.checklist import PlanStatus
from fzdesk.domain.model import Block, Report, UnitType
from fzdesk.storage import checklist
from fzdesk.storage.store import Store
from fzdesk.ui.dialogs import NewUnitDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.closing_page import ClosingPage
from fzdesk.ui.pages.export_page import ExportPage
from fzdesk.ui.pages.unit_page import UnitPage
from tests import factories
from tests.ui.helpers import DISK_FULL, key, type_text
from tests.ui.test_items import open_block
from tests.ui.test_switching import in_dialog

pytestmark = pytest.mark.usefixtures("quick_retries")  # (tests/ui/conftest.py)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def two_years(store: Store) -> Store:
    """A unit with its filled 2023 report and the 2024 report started from it (titles and plan checklist)."""
    return factories.with_next_year(store)


def broken(monkeypatch: pytest.MonkeyPatch, owner: Any, *names: str) -> list[bool]:
    """Every call of owner's functions (Store methods, or a storage module's) fails as on a full disk until the
    returned flag is set."""
    fixed = [False]
    for name in names:
        real = getattr(owner, name)
        if isinstance(owner, type):
            def failing(self: Any, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
                if not fixed[0]:
                    raise sqlite3.OperationalError(DISK_FULL)
                return _real(self, *args, **kwargs)
        else:
            def failing(*args: Any, _real: Any = real, **kwargs: Any) -> Any:  # type: ignore[misc]
                if not fixed[0]:
                    raise sqlite3.OperationalError(DISK_FULL)
                return _real(*args, **kwargs)
        monkeypatch.setattr(owner, name, failing)
    return fixed


def wait_failed(qtbot: QtBot, w: MainWindow, messages: list[tuple[str, str]]) -> None:
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    assert messages[0][0] == "保存失败" and "磁盘已满" in messages[0][1]
    assert w.saved_label.text() == "保存失败！" and w.saver.pending
    qtbot.wait(400)  # retried (150 ms) and failed again: said once
    assert len(messages) == 1


def wait_saved(qtbot: QtBot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: not w.saver.pending, timeout=3000)
    assert w.saved_label.text().startswith("已保存")


def other_year_and_back(w: MainWindow) -> None:
    """The year switcher: the other year's report, then this one again (each opened afresh from the store)."""
    report = w.session.report
    assert report is not None
    key(w.year_combo, Qt.Key.Key_Down if w.year_combo.currentIndex() == 0 else Qt.Key.Key_Up)
    assert w.session.report is not None and w.session.report.year != report.year
    key(w.year_combo, Qt.Key.Key_Up if w.year_combo.currentIndex() == 1 else Qt.Key.Key_Down)
    assert w.session.report is not None and w.session.report.id == report.id and w.session.report is not report


def open_step(w: MainWindow, step: str) -> Any:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == step), focus=True)
    return w.current_page()


def stored_report(store: Store, w: MainWindow) -> Report:
    report = w.session.report
    assert report is not None and report.id is not None
    return store.load_report(report.id)


def test_a_plan_mark_on_a_full_disk_is_kept_shown_again_and_written_later(
        two_years: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(two_years)
    page = open_block(w, Block.MEASURES)
    assert page.checklist is not None and page.side_tabs is not None
    page.side_tabs.setCurrentIndex(1)
    sheet = page.checklist
    fixed = broken(monkeypatch, checklist, "update_plan_check")
    sheet.plans.setFocus()
    sheet.plans.setCurrentRow(0)
    key(sheet.plans, Qt.Key.Key_1)  # 已落实
    wait_failed(qtbot, w, messages)
    assert "【已落实】" in sheet.plans.item(0).text()  # the mark stays on screen
    assert page.side_tabs.tabText(1) == "安排落实（1项未标记）"
    report_id = w.session.report.id  # type: ignore[union-attr]
    assert all(c.status is PlanStatus.UNMARKED for c in checklist.plan_checks(two_years, report_id))
    other_year_and_back(w)
    page = open_block(w, Block.MEASURES)
    sheet = page.checklist
    assert sheet is not None and "【已落实】" in sheet.plans.item(0).text()  # the kept mark, not the stored one
    # and the checks count it as marked (they read the checklist from the store, with the kept marks on it)
    qtbot.waitUntil(lambda: [f.values["unmarked"] for f in w.checks.runner.result.findings
                             if f.rule == "structure.plans_unmarked"] == [1], timeout=5000)
    sheet.plans.setCurrentRow(1)
    sheet.plans.setFocus()
    key(sheet.plans, Qt.Key.Key_3)  # a second plan marked 未落实 while the disk is still full
    fixed[0] = True
    wait_saved(qtbot, w)
    assert [c.status for c in checklist.plan_checks(two_years, report_id)] == [PlanStatus.DONE,
                                                                              PlanStatus.NOT_DONE]
    assert "已全部标记" in sheet.summary.text()


def test_no_change_needed_on_a_full_disk_is_kept_shown_again_and_written_later(
        two_years: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(two_years)
    page = open_block(w, Block.RESPONSIBILITY)
    assert page.last_year_pane is not None
    page.last_year_pane.items.setCurrentRow(0)
    qtbot.mouseClick(page.last_year_pane.copy_one, LEFT)  # copied: 未更新
    row = page.items.currentRow()
    assert page.stale.isVisible() and "【未更新】" in page.items.item(row).text()
    fixed = broken(monkeypatch, Store, "update_item")
    qtbot.mouseClick(page.stale_ok, LEFT)  # 无需修改
    wait_failed(qtbot, w, messages)
    assert not page.stale.isVisible() and "【未更新】" not in page.items.item(row).text()
    assert stored_report(two_years, w).section(Block.RESPONSIBILITY).items[row].carried_over  # type: ignore[union-attr]
    other_year_and_back(w)
    page = open_block(w, Block.RESPONSIBILITY)
    page.items.setCurrentRow(row)
    assert not page.stale.isVisible() and "【未更新】" not in page.items.item(row).text()
    fixed[0] = True
    wait_saved(qtbot, w)
    assert not stored_report(two_years, w).section(Block.RESPONSIBILITY).items[row].carried_over  # type: ignore[union-attr]


def test_no_change_needed_on_the_closing_page_on_a_full_disk_is_kept(
        two_years: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)  # replace this year's?
    summary = next(s for s in two_years.reports() if s.year == 2023)
    closing_2023 = two_years.load_report(summary.id).section(Block.CLOSING).items[0]  # type: ignore[union-attr]
    assert closing_2023.id is not None
    two_years.update_item(closing_2023.id, paragraphs=["以上是本单位2023年度的情况。", "特此报告。"])
    w = make_window(two_years)
    closing = open_step(w, "closing")
    assert isinstance(closing, ClosingPage) and closing.last_year_pane is not None
    qtbot.mouseClick(closing.last_year_pane.copy_one, LEFT)
    assert closing.stale.isVisible()
    fixed = broken(monkeypatch, Store, "update_item")
    qtbot.mouseClick(closing.stale_ok, LEFT)  # 无需修改
    wait_failed(qtbot, w, messages)
    assert not closing.stale.isVisible()
    other_year_and_back(w)
    closing = open_step(w, "closing")
    assert isinstance(closing, ClosingPage) and not closing.stale.isVisible()
    fixed[0] = True
    wait_saved(qtbot, w)
    assert not stored_report(two_years, w).section(Block.CLOSING).items[0].carried_over  # type: ignore[union-attr]


def test_the_issue_date_on_a_full_disk_is_kept_shown_again_and_written_later(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(filled_store)
    page = open_step(w, "export")
    assert isinstance(page, ExportPage)
    qtbot.mouseClick(page.submitted, LEFT)  # 报送稿, with its 版记
    assert page.imprint.isChecked() and page.issued_same.isChecked()
    fixed = broken(monkeypatch, Store, "update_report")
    qtbot.mouseClick(page.issued_same, LEFT)  # 印发日期 of its own
    page.issued_on.setFocus()
    QTest.keyClick(page.issued_on, Qt.Key.Key_Up)  # the year part: one year on
    chosen = page.issued_on.date().toPython()
    wait_failed(qtbot, w, messages)
    assert stored_report(filled_store, w).issued_on is None
    other_year_and_back(w)
    page = open_step(w, "export")
    assert isinstance(page, ExportPage)
    assert not page.issued_same.isChecked() and page.issued_on.date().toPython() == chosen
    fixed[0] = True
    wait_saved(qtbot, w)
    assert stored_report(filled_store, w).issued_on == chosen


def test_a_new_unit_on_a_full_disk_is_kept_and_no_report_is_made_for_it_until_written(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(store)
    fixed = broken(monkeypatch, Store, "save_unit")
    errors: list[BaseException] = []

    def fill(d: object) -> None:
        assert isinstance(d, NewUnitDialog)
        type_text(d.name, "某某街道办事处")
        d.unit_type.setCurrentIndex(list(UnitType).index(UnitType.TOWNSHIP))
        d.accept()

    QTimer.singleShot(0, lambda: in_dialog(NewUnitDialog, fill, errors))
    qtbot.mouseClick(w.new_unit_button, LEFT)
    assert not errors, errors
    wait_failed(qtbot, w, messages)
    assert store.units() == []
    assert w.unit_combo.currentText() == "某某街道办事处" and not w.new_report_button.isEnabled()
    page = w.current_page()
    assert isinstance(page, UnitPage) and page.name.text() == "某某街道办事处"
    page.contact.setFocus()
    type_text(page.contact, "张三")  # the clerk goes on filling it in
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, title, text, *a, **k: told.append(title + text))
    w.next_button.click()  # on to 报告信息: no report for a unit that has no row yet
    assert told and "还没能保存" in told[0] and store.reports() == [] and w.session.report is None
    fixed[0] = True
    wait_saved(qtbot, w)
    [unit] = store.units()
    assert unit.name == "某某街道办事处" and unit.contact == "张三" and unit.unit_type is UnitType.TOWNSHIP
    assert w.session.unit is not None and w.session.unit.id == unit.id
    assert w.unit_combo.currentData() == unit.id and w.new_report_button.isEnabled()
    w.next_button.click()  # now this year's report is made
    assert [r.unit_id for r in store.reports()] == [unit.id] and w.session.report is not None


def test_a_units_first_name_typed_on_a_full_disk_is_kept_and_written_later(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = make_window(store)
    page = w.current_page()
    assert isinstance(page, UnitPage)
    fixed = broken(monkeypatch, Store, "save_unit")
    type_text(page.name, "沈丘县人民政府")
    wait_failed(qtbot, w, messages)
    assert store.units() == [] and w.unit_combo.currentText() == "沈丘县人民政府"
    type_text(page.recipient, "县委")
    QApplication.processEvents()
    fixed[0] = True
    wait_saved(qtbot, w)
    [unit] = store.units()
    assert unit.name == "沈丘县人民政府" and unit.recipient == "县委"
    assert w.unit_combo.currentData() == unit.id and w.unit_combo.count() == 1
    assert w.new_report_button.isEnabled()
