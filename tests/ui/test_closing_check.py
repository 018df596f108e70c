"""结尾与附件 is 已完成 only once the clerk ticked 已核对结尾和附件说明: stored at once, kept over a restart, never
passed on to a new year's or an imported report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QListWidgetItem, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import Block
from fzdesk.domain.progress import Progress
from fzdesk.exchange.apply import ExistingYear, apply_import
from fzdesk.exchange.importer import open_import
from fzdesk.exchange.new_year import start_new_year
from fzdesk.storage.store import Store
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.closing_page import UNCHECKED_NOTE, ClosingPage
from fzdesk.ui.style import state_icon
from tests import factories
from tests.ui.helpers import key, select_all_and_delete, type_text

LEFT = Qt.MouseButton.LeftButton
ALT = Qt.KeyboardModifier.AltModifier


def row_item(w: MainWindow, key_: str) -> QListWidgetItem:
    item = w.step_list.item(next(i for i, s in enumerate(w.steps) if s.key == key_))
    assert item is not None
    return item


def shown_state(w: MainWindow) -> str:
    """The state line of 结尾与附件 in the step list (without a problem count)."""
    title, state = row_item(w, "closing").text().split("\n")
    assert title == "结尾与附件"
    return state.split(" · ")[0]


def icon_image(item_or_state: QListWidgetItem | str) -> QImage:
    icon = state_icon(item_or_state) if isinstance(item_or_state, str) else item_or_state.icon()
    return icon.pixmap(16, 16).toImage()


def open_closing(w: MainWindow, qtbot: QtBot) -> ClosingPage:
    """Clicks 结尾与附件 in the step list, as the clerk does."""
    item = row_item(w, "closing")
    w.step_list.scrollToItem(item)
    qtbot.mouseClick(w.step_list.viewport(), LEFT, pos=w.step_list.visualItemRect(item).center())
    page = w.current_page()
    assert isinstance(page, ClosingPage)
    return page


def tick(qtbot: QtBot, page: ClosingPage) -> None:
    qtbot.mouseClick(page.checked, LEFT, pos=QPoint(8, page.checked.height() // 2))


def only_report(store: Store) -> int:
    [summary] = store.reports()
    return summary.id


def test_a_new_report_is_in_progress_until_ticked_and_stays_ticked_after_a_restart(
        data_dir: Path, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    store = Store.open(data_dir)
    store.save_unit(factories.unit())
    w = make_window(store)
    assert w.steps[w.current].key == "unit" and w.session.report is None
    page = open_closing(w, qtbot)  # makes this year's report from the outline, 特此报告。 filled in
    rid = only_report(store)
    assert page.closing.toPlainText() == "特此报告。"
    assert shown_state(w) == "进行中"  # opening the step is not looking at it
    assert icon_image(row_item(w, "closing")) == icon_image("进行中")
    assert not page.checked.isChecked() and page.checked_note.text() == UNCHECKED_NOTE
    assert store.closing_checked(rid) == ""

    tick(qtbot, page)
    assert shown_state(w) == "已完成" and w.state_of("closing") is Progress.DONE
    assert icon_image(row_item(w, "closing")) == icon_image("已完成")
    at = store.closing_checked(rid)
    assert at and page.checked_note.text().startswith("已于") and "核对" in page.checked_note.text()
    type_text(page.attachments, "主要数据表")  # the clerk's own edits on the page keep the tick
    type_text(page.closing, "\n")
    assert shown_state(w) == "已完成"
    w.close()  # pending saves flushed
    store.close()

    store2 = Store.open(data_dir)
    assert store2.closing_checked(rid) == at
    w2 = make_window(store2)
    assert w2.session.report is not None and w2.session.report.id == rid
    assert shown_state(w2) == "已完成"  # before the page was ever opened in this run
    assert icon_image(row_item(w2, "closing")) == icon_image("已完成")
    page2 = open_closing(w2, qtbot)
    assert page2.checked.isChecked() and page2.attachments.toPlainText() == "主要数据表"
    tick(qtbot, page2)  # unticked again
    assert shown_state(w2) == "进行中" and store2.closing_checked(rid) == ""
    assert page2.checked_note.text() == UNCHECKED_NOTE


def test_the_mnemonic_ticks_after_the_text_typed_just_before_is_saved(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    page = open_closing(w, qtbot)
    rid = w.session.report.id if w.session.report else None
    assert rid is not None and not page.checked.isChecked()
    select_all_and_delete(page.closing)
    type_text(page.closing, "特此报告，请审阅。")
    key(page.closing, Qt.Key.Key_Y, ALT)  # 已核对结尾和附件说明(&Y), the cursor still in the closing
    qtbot.waitUntil(page.checked.isChecked, timeout=2000)  # (a mnemonic's click is animated: 100 ms)
    assert shown_state(w) == "已完成"
    assert filled_store.closing_checked(rid) != ""
    closing = filled_store.load_report(rid).section(Block.CLOSING)
    assert closing is not None and closing.items[0].paragraphs == ["特此报告，请审阅。"]  # saved with the tick


def test_a_ticked_step_without_a_closing_text_is_empty_again(
        filled_store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    w = make_window(filled_store)
    page = open_closing(w, qtbot)
    tick(qtbot, page)
    assert shown_state(w) == "已完成"
    select_all_and_delete(page.closing)
    assert shown_state(w) == "空" and icon_image(row_item(w, "closing")) == icon_image("空")
    type_text(page.closing, "特此报告。")  # typed by the clerk, on the page: the tick still holds
    assert shown_state(w) == "已完成"


def test_a_new_year_from_a_ticked_report_starts_unticked(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    unit = factories.unit()
    store.save_unit(unit)
    last = factories.report(unit, 2023)
    last_id = store.create_report(last)
    store.set_closing_checked(last_id, True)
    new_id = start_new_year(store, last_id)
    assert store.closing_checked(new_id) == "" and store.closing_checked(last_id) != ""
    w = make_window(store)
    assert w.session.report is not None and w.session.report.year == 2024
    assert shown_state(w) == "进行中"
    page = open_closing(w, qtbot)
    assert not page.checked.isChecked()


def test_an_import_in_place_of_a_ticked_report_starts_unticked(
        store: Store, county: Path, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    first = apply_import(store, open_import(county))
    store.set_closing_checked(first, True)
    again = apply_import(store, open_import(county), existing=ExistingYear.REPLACE)
    assert [s.id for s in store.reports()] == [again]
    assert store.closing_checked(again) == ""  # even when SQLite gave it the deleted report's id
    w = make_window(store)
    assert shown_state(w) == "进行中"
    assert not open_closing(w, qtbot).checked.isChecked()


def test_last_years_closing_copied_in_keeps_the_step_in_progress_until_reviewed(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    unit = factories.unit()
    store.save_unit(unit)
    last = factories.report(unit, 2023)
    last_id = store.create_report(last)
    closing = last.section(Block.CLOSING)
    assert closing is not None and closing.items[0].id is not None
    start_new_year(store, last_id)
    store.update_item(closing.items[0].id, paragraphs=["以上是本单位2023年度的情况。", "特此报告。"])
    w = make_window(store)
    page = open_closing(w, qtbot)
    tick(qtbot, page)
    assert shown_state(w) == "已完成" and page.last_year_pane is not None
    qtbot.mouseClick(page.last_year_pane.copy_one, LEFT)  # 复制到本年: last year's words, not yet reviewed
    assert page.stale.isVisible() and page.checked.isChecked()
    assert shown_state(w) == "进行中"
    qtbot.mouseClick(page.stale_ok, LEFT)  # 无需修改
    assert not page.stale.isVisible() and shown_state(w) == "已完成"


def test_the_attachment_example_names_the_reports_own_year(
        store: Store, make_window: Callable[[Store], MainWindow], qtbot: QtBot) -> None:
    """A fixed “2023年度…” example in a 2026 report reads as a line to copy: the example follows the report's year."""
    from PySide6.QtWidgets import QLabel

    unit = factories.unit()
    store.save_unit(unit)
    rid = store.create_report(factories.report(unit, 2026))
    w = make_window(store)
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "closing"), focus=True)
    page = w.current_page()
    assert isinstance(page, ClosingPage)
    (label,) = [lb for lb in page.findChildren(QLabel) if lb.buddy() is page.attachments]
    assert "例如“2026年度法治政府建设主要数据表”" in label.text()
    assert "2023" not in label.text()
    key(w, Qt.Key.Key_A, ALT)  # 附件(&A): into the attachments
    type_text(page.attachments, "2026年度法治政府建设主要数据表")
    w.saver.flush()
    assert store.load_report(rid).attachments == ["2026年度法治政府建设主要数据表"]
