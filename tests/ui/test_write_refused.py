"""A structural write the disk refuses (add, delete or move an item, the blocks' order, the 已核对 tick, a new or a
deleted report): the clerk is told in Chinese what was not done and what to do, and the window and the data stay as
they were; once the disk has room again the same click works."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.storage.store import DataGone, Store
from fzdesk.ui.dialogs import NewReportDialog
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.closing_page import UNCHECKED_NOTE
from fzdesk.ui.pages.report_page import ReportPage
from tests import factories
from tests.ui.helpers import DISK_FULL, key
from tests.ui.test_closing_check import open_closing
from tests.ui.test_items import CTRL_SHIFT, list_texts, open_block, stored_titles
from tests.ui.test_report_delete import _answer, _with_copy, _years

ALT = Qt.KeyboardModifier.AltModifier
LEFT = Qt.MouseButton.LeftButton


def refuse(monkeypatch: pytest.MonkeyPatch, store: Store, method: str, error: Exception | None = None) -> None:
    """store.method raises what a full disk gives (or error) until the test undoes it. `_touch` (the report's edit
    time, the last statement of an item's or the order's transaction) fails after the other rows were written:
    the test sees the transaction roll back."""

    def full(*_a: Any, **_k: Any) -> None:
        raise error or sqlite3.OperationalError(DISK_FULL)

    monkeypatch.setattr(store, method, full)


def said(messages: list[tuple[str, str]], title: str) -> str:
    [(shown_title, text)] = messages
    assert shown_title == title
    assert "这一步没有做，数据没有因此改动" in text
    assert "磁盘空间是否已满、U盘是否插好、是否设了写保护，然后再试一次" in text
    assert "原因：磁盘已满（database or disk is full）" in text
    return text


def items_with_full_disk(w: MainWindow, store: Store, block: Block, row: int,
                         monkeypatch: pytest.MonkeyPatch) -> tuple[Any, int, list[str], list[str]]:
    """block's page with row current, and the disk full inside the store's next structural write: the page,
    the report's id, the list's texts and the stored titles as they were."""
    rid = w.session.report.id  # type: ignore[union-attr]
    assert rid is not None
    page = open_block(w, block)
    texts, stored = list_texts(page), stored_titles(store, rid, block)
    page.items.setCurrentRow(row)
    page.items.setFocus()
    refuse(monkeypatch, store, "_touch")  # rows written inside the transaction, then the disk is full
    return page, rid, texts, stored


def test_an_item_not_added_leaves_the_list_and_the_data_and_adds_once_there_is_room(
        filled_store: Store, make_window: Callable[[Store], MainWindow], messages: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(filled_store)
    page, rid, texts, stored = items_with_full_disk(w, filled_store, Block.PLANS, 0, monkeypatch)
    key(page.items, Qt.Key.Key_N, CTRL_SHIFT)  # 添加条目
    said(messages, "没能添加条目")
    assert list_texts(page) == texts and page.items.currentRow() == 0
    assert len(page.section.items) == len(texts)
    assert stored_titles(filled_store, rid, Block.PLANS) == stored
    monkeypatch.undo()  # the disk has room again
    page.items.setFocus()
    key(page.items, Qt.Key.Key_N, CTRL_SHIFT)
    assert page.items.count() == len(texts) + 1 and page.items.currentRow() == 1
    assert stored_titles(filled_store, rid, Block.PLANS) == [stored[0], "", *stored[1:]]
    assert len(messages) == 1


def test_an_item_not_deleted_stays(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                   messages: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)  # 确定删除
    w = make_window(filled_store)
    page, rid, texts, stored = items_with_full_disk(w, filled_store, Block.PLANS, 1, monkeypatch)
    key(page.items, Qt.Key.Key_Delete, CTRL_SHIFT)  # 删除条目
    said(messages, "没能删除条目")
    assert list_texts(page) == texts and page.items.currentRow() == 1
    assert page.title.text() == stored[1]
    assert stored_titles(filled_store, rid, Block.PLANS) == stored


def test_an_item_not_moved_keeps_its_place(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                           messages: list[tuple[str, str]], qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(filled_store)
    page, rid, texts, stored = items_with_full_disk(w, filled_store, Block.MEASURES, 1, monkeypatch)
    qtbot.mouseClick(page.down, LEFT)  # 下移
    said(messages, "没能移动条目")
    assert list_texts(page) == texts and page.items.currentRow() == 1
    assert [i.title for i in page.section.items] == stored
    assert stored_titles(filled_store, rid, Block.MEASURES) == stored


def test_the_blocks_order_not_stored_stays_as_stored(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                                     messages: list[tuple[str, str]],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    w.go(1)
    page = w.current_page()
    assert isinstance(page, ReportPage)
    order = [page.order.item(i).text() for i in range(page.order.count())]
    steps = [s.title for s in w.steps]
    stored = [s.block for s in filled_store.load_report(rid).sections]
    page.order.setCurrentRow(0)
    refuse(monkeypatch, filled_store, "_touch")
    key(page.order, Qt.Key.Key_Down, ALT)  # 下移
    said(messages, "没能调整顺序")
    assert [page.order.item(i).text() for i in range(page.order.count())] == order
    assert page.order.currentRow() == 0
    assert [s.title for s in w.steps] == steps
    assert [s.block for s in w.session.report.sections] == stored  # type: ignore[union-attr]
    assert [s.block for s in filled_store.load_report(rid).sections] == stored


def test_a_tick_not_stored_goes_back(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                     messages: list[tuple[str, str]], qtbot: QtBot,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(filled_store)
    rid = w.session.report.id  # type: ignore[union-attr]
    page = open_closing(w, qtbot)
    assert not page.checked.isChecked()
    refuse(monkeypatch, filled_store, "set_closing_checked")
    qtbot.mouseClick(page.checked, LEFT, pos=QPoint(8, page.checked.height() // 2))  # 已核对
    said(messages, "没能记下“已核对”")
    assert not page.checked.isChecked() and page.checked_note.text() == UNCHECKED_NOTE
    assert filled_store.closing_checked(rid) == ""
    monkeypatch.undo()
    qtbot.mouseClick(page.checked, LEFT, pos=QPoint(8, page.checked.height() // 2))
    assert page.checked.isChecked() and filled_store.closing_checked(rid) != ""


def test_a_report_not_deleted_stays_listed_and_open(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                                    messages: list[tuple[str, str]], qtbot: QtBot,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    copy = _with_copy(filled_store)
    filled_store.set_setting("last_report", copy)
    w = make_window(filled_store)
    years = _years(w)
    reports = [s.id for s in filled_store.reports()]
    refuse(monkeypatch, filled_store, "delete_report")
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _answer("删除", seen, qtbot))
    w.delete_report_action.trigger()
    assert seen and "确定要删除" in seen[0]
    said(messages, "没能删除报告")
    assert _years(w) == years
    assert w.session.report is not None and w.session.report.id == copy
    assert [s.id for s in filled_store.reports()] == reports


def test_a_report_not_created_leaves_the_unit_without_one(store: Store, make_window: Callable[[Store], MainWindow],
                                                          messages: list[tuple[str, str]],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    store.save_unit(factories.unit())
    w = make_window(store)
    assert w.session.report is None
    refuse(monkeypatch, store, "create_report")
    w.go(1)  # 报告信息: this year's report is made on the way
    [(title, _)] = messages
    assert title.startswith("没能新建") and title.endswith("年度的报告")
    said(messages, title)
    assert w.session.report is None and w.steps[w.current].key == "unit"
    assert w.year_combo.count() == 0 or not any("年度" in w.year_combo.itemText(i)
                                               for i in range(w.year_combo.count()))
    assert store.reports() == []
    monkeypatch.undo()
    w.go(1)
    assert w.session.report is not None and len(store.reports()) == 1


def test_the_data_file_gone_asks_to_save_the_data_back_instead(
        filled_store: Store, make_window: Callable[[Store], MainWindow], messages: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[DataGone] = []
    monkeypatch.setattr("fzdesk.ui.data_gone.offer_save_back", lambda _w, error: asked.append(error) or False)
    w = make_window(filled_store)
    page = open_block(w, Block.PLANS)
    texts = list_texts(page)
    page.items.setFocus()
    refuse(monkeypatch, filled_store, "add_item", DataGone(filled_store.path))
    key(page.items, Qt.Key.Key_N, CTRL_SHIFT)
    assert len(asked) == 1 and messages == []
    assert "没能添加条目" in w.statusBar().currentMessage()
    assert list_texts(page) == texts


def test_a_setting_not_kept_is_said_in_the_status_bar(filled_store: Store, make_window: Callable[[Store], MainWindow],
                                                      messages: list[tuple[str, str]],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    w = make_window(filled_store)
    size = w.point_size
    refuse(monkeypatch, filled_store, "set_setting")
    w.set_point_size(size + 2, announce=False)
    assert w.point_size == size + 2  # the window uses it all the same
    assert "这项设置没能保存" in w.statusBar().currentMessage() and "磁盘已满" in w.statusBar().currentMessage()
    assert messages == []


def test_an_opening_not_made_is_shown_read_only_and_made_next_time(
        filled_store: Store, make_window: Callable[[Store], MainWindow], messages: list[tuple[str, str]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    rid = filled_store.reports()[0].id
    opening = filled_store.load_report(rid).section(Block.OPENING)
    assert opening is not None and opening.items
    for item in opening.items:  # a report without its opening item (an old or an imported one)
        filled_store.delete_item(item.id)  # type: ignore[arg-type]
    refuse(monkeypatch, filled_store, "add_item")
    w = make_window(filled_store)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "opening"))
    page = w.current_page()
    said(messages, "没能建立这一段")
    assert page.editor.isReadOnly()  # type: ignore[attr-defined]
    assert filled_store.load_report(rid).section(Block.OPENING).items == []  # type: ignore[union-attr]
    monkeypatch.undo()
    w.open_report(rid)  # opened again (another year and back): made now
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "opening"))
    assert not w.current_page().editor.isReadOnly()  # type: ignore[attr-defined]
    assert len(filled_store.load_report(rid).section(Block.OPENING).items) == 1  # type: ignore[union-attr]


def test_the_pc_data_notice_not_remembered_is_shown_all_the_same(
        store: Store, make_window: Callable[[Store], MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    from fzdesk.ui import pc_data

    w = make_window(store)
    monkeypatch.setattr(pc_data, "pc_data_to_bring", lambda _w: store.folder.parent / "pc")
    refuse(monkeypatch, store, "set_setting")
    assert pc_data.announce_pc_data(w)  # (it raised out of the after-first-paint call before)
    assert "这台电脑上已有 fzdesk 数据" in w.statusBar().currentMessage()
    assert store.setting(pc_data.NOTICE_SETTING) is None  # so it is shown again next time


def test_a_new_empty_report_not_created_leaves_the_year_list(
        store: Store, qtbot: QtBot, messages: list[tuple[str, str]], make_window: Callable[[Store], MainWindow],
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.ui.modal import Modals
    from tests.ui.test_new_report import click, press_ok, run, set_year, unit_with

    unit_with(store, 2022)
    w = make_window(store)
    years, before = _years(w), factories.dump(store)
    refuse(monkeypatch, store, "_insert_section")  # after the report's row was written

    def choose(d: Any) -> None:
        set_year(d, 2030)  # no 2029 report: 空白报告
        click(d.empty)
        press_ok(d)

    run(w, qtbot, Modals().then(NewReportDialog, choose))
    said(messages, "没能新建2030年度的报告")
    assert _years(w) == years and w.session.report is not None and w.session.report.year == 2022
    assert factories.dump(store) == before
