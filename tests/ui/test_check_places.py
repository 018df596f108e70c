"""What 检查 and 导出 say about where a problem is: an outline title left without body (jumps to the item, counted
at export), a dismissed figure error named by family and indicator (never its code), 开头 without items."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fzdesk.checks.findings import Finding
from fzdesk.domain.model import Block, FigureState, FigureValue, Item
from fzdesk.storage.store import Store
from fzdesk.ui.check_page import CheckPage
from fzdesk.ui.check_runner import FULL_DELAY_MS
from fzdesk.ui.dismiss_dialog import DismissDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.block_page import BlockPage
from fzdesk.ui.pages.export_page import ExportPage
from tests.ui.helpers import type_text
from tests.ui.test_checks_ui import when_open

TITLE = "依法化解矛盾纠纷"


def go(w: MainWindow, key: str) -> None:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == key))


def check_page(w: MainWindow) -> CheckPage:
    go(w, "check")
    page = w.current_page()
    assert isinstance(page, CheckPage)
    return page


def listed(page: CheckPage, rule: str) -> list[Finding]:
    return [f for f in page.findings() if isinstance(f, Finding) and f.rule == rule]


def report_id(store: Store) -> int:
    return next(s.id for s in store.reports() if s.year == 2023)


@pytest.fixture
def untitled_store(filled_store: Store) -> Store:
    """The 2023 report with one more outline title in block 二 that the clerk has not written yet."""
    section = filled_store.load_report(report_id(filled_store)).section(Block.MEASURES)
    assert section is not None and section.id is not None
    filled_store.add_item(section.id, len(section.items), Item(TITLE, []))
    return filled_store


def test_a_title_without_body_is_listed_jumped_to_and_counted_at_export(
        untitled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(untitled_store)
    page = check_page(w)
    [found] = listed(page, "structure.empty_item")
    assert found.message == f"条目“{TITLE}”还没有正文：请补写，或删除这一条。"
    index = page.index_of_key(found.key)
    assert index.parent().data().startswith("二、主要举措和成效")  # grouped under the step as the step list names it
    section = untitled_store.load_report(report_id(untitled_store)).section(Block.MEASURES)
    assert section is not None
    position = len(section.items) - 1
    assert index.siblingAtColumn(1).data() == f"第{position + 1}项"
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    assert f"位置：二、主要举措和成效 · 第{position + 1}项" in page.detail.text()
    QTest.keyClick(page.view, Qt.Key.Key_Return)  # Enter jumps to the item, cursor in its body
    block = w.current_page()
    assert isinstance(block, BlockPage) and block.items.currentRow() == position
    assert QApplication.focusWidget() is block.text

    go(w, "export")
    export = w.current_page()
    assert isinstance(export, ExportPage)
    assert "还有1个警告" in export.checks_summary.text()

    go(w, Block.MEASURES.value)
    assert block.items.currentRow() == position
    block.text.setFocus()
    type_text(block.text, "全年调解纠纷120件。")
    qtbot.waitUntil(lambda: not [f for f in w.checks.runner.result.findings if f.rule == "structure.empty_item"],
                    timeout=FULL_DELAY_MS + 4000)
    saved = untitled_store.load_report(report_id(untitled_store)).section(Block.MEASURES)
    assert saved is not None and saved.items[position].paragraphs == ["全年调解纠纷120件。"]
    assert not listed(check_page(w), "structure.empty_item")


@pytest.fixture
def balance_store(filled_store: Store) -> Store:
    """A 行政复议 sum that does not add up: an error at 受理 (A.accepted)."""
    rid = report_id(filled_store)
    filled_store.set_figure(rid, FigureValue("A.open", FigureState.NUMBER, Decimal(10)))
    filled_store.set_figure(rid, FigureValue("A.carried_in", FigureState.NUMBER, Decimal(0)))
    return filled_store


def test_a_dismissed_figure_error_is_placed_by_family_and_name_never_by_code(
        balance_store: Store, make_window: Callable[[Store], MainWindow]) -> None:
    w = make_window(balance_store)
    page = check_page(w)
    [error] = listed(page, "A.balance")
    page.view.setFocus()
    page.view.setCurrentIndex(page.index_of_key(error.key))
    assert "位置：数据 · 行政复议 · 受理" in page.detail.text()

    def give_a_reason(dialog: DismissDialog) -> None:
        type_text(dialog.reason, "一件年底结案的计入了次年")
        dialog.ok.click()

    when_open(DismissDialog, give_a_reason)
    page.dismiss_button.click()
    assert [d.reason for d in balance_store.load_report(report_id(balance_store)).dismissals] == [
        "一件年底结案的计入了次年"]
    [dismissed] = listed(page, "A.balance")
    assert dismissed.dismissed
    index = page.index_of_key(dismissed.key)
    page.view.setCurrentIndex(index)
    assert index.siblingAtColumn(1).data() == "数据 · 行政复议 · 受理"
    assert "位置：数据 · 行政复议 · 受理" in page.detail.text()
    assert "A." not in page.detail.text() and "A." not in index.siblingAtColumn(1).data()

    go(w, "export")
    export = w.current_page()
    assert isinstance(export, ExportPage)
    shown = export.dismissed.item(0).text()
    assert "（数据 · 行政复议 · 受理）" in shown and "A.accepted" not in shown


def test_a_finding_in_the_opening_names_no_item(filled_store: Store,
                                               make_window: Callable[[Store], MainWindow]) -> None:
    rid = report_id(filled_store)
    opening = filled_store.load_report(rid).section(Block.OPENING)
    assert opening is not None and opening.items[0].id is not None
    text = "2020年，在县委、县政府的坚强领导下，我办推进法治政府建设。"
    filled_store.update_item(opening.items[0].id, paragraphs=[text])
    w = make_window(filled_store)
    page = check_page(w)
    [stale] = listed(page, "years.stale")
    assert stale.message == "开头写的是2020年，本报告是2023年度：是否沿用了旧报告的文字？"
    index = page.index_of_key(stale.key)
    assert index.parent().data().startswith("开头") and index.siblingAtColumn(1).data() == "第1段"
    page.view.setFocus()
    page.view.setCurrentIndex(index)
    assert "位置：开头 · 第1段" in page.detail.text() and "第1项" not in page.detail.text()
