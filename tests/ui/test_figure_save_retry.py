"""A figure that cannot be saved (the disk full, the stick write-protected or pulled) is never lost: the sheet keeps
showing it, marked as not saved, the write is kept and tried again with the text's, the clerk is told once, 已保存
follows when it worked, and closing the window asks first. Driven as a clerk does: click, type, Enter."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fzdesk.domain.model import FigureState, Report
from fzdesk.storage.store import DataGone, Store
from fzdesk.ui import autosave
from fzdesk.ui.data_gone import LATER, TITLE
from fzdesk.ui.elided_label import ElidedLabel
from fzdesk.ui.figure_model import COL_VALUE
from fzdesk.ui.figure_sheet import FigureSheet
from fzdesk.ui.main_window import MainWindow
from fzdesk.ui.pages.figures_page import FiguresPage
from tests.ui.figure_helpers import click, editor, saved, shown, type_in
from tests.ui.helpers import DISK_FULL, key
from tests.ui.modal import Modals

CTRL = Qt.KeyboardModifier.ControlModifier


pytestmark = pytest.mark.usefixtures("quick_retries")  # (tests/ui/conftest.py)


@pytest.fixture
def window(filled_store: Store, make_window: Callable[[Store], MainWindow]) -> MainWindow:
    return make_window(filled_store)


def broken_figures(monkeypatch: pytest.MonkeyPatch, trouble: Callable[[Store], Exception]) -> list[bool]:
    """Every figure write fails with trouble until the returned flag is set."""
    fixed = [False]
    real = Store.set_figure

    def set_figure(self: Store, *args: Any, **kwargs: Any) -> None:
        if not fixed[0]:
            raise trouble(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "set_figure", set_figure)
    return fixed


def open_sheet(w: MainWindow) -> FigureSheet:
    w.go(next(i for i, s in enumerate(w.steps) if s.key == "figures"), focus=True)
    page = w.current_page()
    assert isinstance(page, FiguresPage)
    return page.sheet


def first_figure(sheet: FigureSheet) -> str:
    indicator = sheet.model.indicator(sheet.view.neighbour(sheet.model.index(0, 0), 1))
    assert indicator is not None
    return indicator.code


def stored(store: Store, report: Report | None, code: str) -> Decimal | None:
    assert report is not None
    figure = saved(store, report, code)
    return figure.value if figure is not None and figure.state is FigureState.NUMBER else None


def under_sheet(sheet: FigureSheet) -> str:
    """Every line shown under the table (the messages, the help), as the clerk reads them."""
    return "\n".join(label.text() for label in sheet.findChildren(ElidedLabel) if label.isVisible())


def type_and_enter(qtbot: QtBot, sheet: FigureSheet, code: str, text: str) -> None:
    click(qtbot, sheet, code)
    type_in(qtbot, text)
    QTest.keyClick(editor(sheet), Qt.Key.Key_Return)
    QApplication.processEvents()


def looks_unsaved(sheet: FigureSheet, code: str) -> bool:
    index = sheet.model.index_of(code, COL_VALUE)
    return (index.data(Qt.ItemDataRole.BackgroundRole) is not None  # the warning tint, and words for it:
            and "没有保存" in str(index.data(Qt.ItemDataRole.ToolTipRole))
            and "没有保存" in str(index.data(Qt.ItemDataRole.AccessibleTextRole)))  # (a screen reader's too)


def test_a_figure_typed_on_a_full_disk_stays_and_is_saved_once_there_is_room(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = window
    sheet = open_sheet(w)
    code = first_figure(sheet)
    before = stored(filled_store, w.session.report, code)
    fixed = broken_figures(monkeypatch, lambda _s: sqlite3.OperationalError(DISK_FULL))
    type_and_enter(qtbot, sheet, code, "4321")
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    assert shown(sheet, code) == "4,321" or shown(sheet, code) == "4321"  # what the clerk typed, not the old one
    assert looks_unsaved(sheet, code)
    assert [title for title, _ in messages] == ["保存失败"] and f"磁盘已满（{DISK_FULL}）" in messages[0][1]
    assert w.saved_label.text() == "保存失败！"
    # the Enter moved on to the next figure: the words under the sheet stay, and stay while the clerk goes on
    assert sheet.view.currentIndex() != sheet.model.index_of(code, COL_VALUE)
    said = under_sheet(sheet)
    assert "没有保存" in said and "磁盘已满" in said and "检查磁盘空间" in said
    QTest.keyClick(sheet.view, Qt.Key.Key_Down)
    assert "没有保存" in under_sheet(sheet)
    qtbot.wait(400)  # tried again meanwhile, still failing: said once only
    assert len(messages) == 1 and stored(filled_store, w.session.report, code) == before
    fixed[0] = True  # the clerk freed some space
    qtbot.waitUntil(lambda: stored(filled_store, w.session.report, code) == 4321, timeout=3000)
    assert w.saved_label.text().startswith("已保存")
    assert not looks_unsaved(sheet, code) and "没有保存" not in under_sheet(sheet)
    assert not w.saver.pending


def close_answering(qtbot: QtBot, w: MainWindow, answer: str) -> list[str]:
    seen: list[str] = []

    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == answer), Qt.MouseButton.LeftButton)

    modals = Modals().then(QMessageBox, act)
    modals.start()
    w.close()
    assert not modals.errors, modals.errors
    return seen


def test_closing_with_a_figure_not_saved_asks_and_a_retry_saves_it(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    w = window
    sheet = open_sheet(w)
    code = first_figure(sheet)
    report = w.session.report
    fixed = broken_figures(monkeypatch, lambda _s: sqlite3.OperationalError(DISK_FULL))
    type_and_enter(qtbot, sheet, code, "555")
    [question] = close_answering(qtbot, w, "取消(&C)")
    assert "关闭程序会丢失这些修改" in question and DISK_FULL in question
    assert w.isVisible() and shown(sheet, code) == "555"
    fixed[0] = True
    close_answering(qtbot, w, "重试(&R)")
    assert not w.isVisible()
    assert stored(filled_store, report, code) == 555


def test_a_pulled_stick_asks_as_for_text_and_the_figure_lands_when_it_is_back(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    w = window
    sheet = open_sheet(w)
    code = first_figure(sheet)
    seen: list[str] = []

    def later(box: QMessageBox) -> None:
        seen.append(f"{box.windowTitle()}|{box.text()}")
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == LATER), Qt.MouseButton.LeftButton)

    modals = Modals().then(QMessageBox, later)
    modals.start()
    fixed = broken_figures(monkeypatch, lambda s: DataGone(s.path))
    type_and_enter(qtbot, sheet, code, "66")  # DataGone no longer escapes from Qt's setData
    qtbot.waitUntil(lambda: modals.done, timeout=5000)
    assert not modals.errors, modals.errors
    [question] = seen
    assert question.startswith(TITLE + "|") and "修改都还在程序里" in question
    assert shown(sheet, code) == "66" and looks_unsaved(sheet, code) and "没有保存" in under_sheet(sheet)
    assert "不见了" in under_sheet(sheet) and "请插回去" in under_sheet(sheet)  # not "check the disk space"
    assert w.saved_label.text() == "保存失败！"
    fixed[0] = True  # the stick plugged in again
    qtbot.waitUntil(lambda: stored(filled_store, w.session.report, code) == 66, timeout=3000)
    assert w.saved_label.text().startswith("已保存") and not looks_unsaved(sheet, code)


PASTED = ("A.received", "A.accepted", "A.rejected")


def test_a_paste_that_fails_part_way_stores_nothing_shows_all_and_lands_whole(
        qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    real = store.set_figure
    calls: list[str] = []
    fixed = [False]

    def failing_third(report_id: int, figure: Any) -> None:
        calls.append(figure.code)
        if not fixed[0] and len(calls) % 3 == 0:  # the first two written inside the transaction, then the disk fills
            raise sqlite3.OperationalError(DISK_FULL)
        real(report_id, figure)

    monkeypatch.setattr(store, "set_figure", failing_third)
    before = [stored(store, report, c) for c in PASTED]
    QApplication.clipboard().setText("12\r\n34\r\n56\r\n")
    click(qtbot, sheet, PASTED[0])
    qtbot.keyClick(editor(sheet), Qt.Key.Key_V, CTRL)
    assert calls[:3] == list(PASTED)
    assert [stored(store, report, c) for c in PASTED] == before  # one transaction: none of it written
    assert [shown(sheet, c) for c in PASTED] == ["12", "34", "56"]  # all of the paste on screen ...
    assert all(looks_unsaved(sheet, c) for c in PASTED)  # ... and all of it marked: no half state
    assert "没有保存" in under_sheet(sheet) and "已保存" not in sheet.message.text()
    fixed[0] = True
    qtbot.waitUntil(lambda: [stored(store, report, c) for c in PASTED] == [12, 34, 56], timeout=3000)
    assert not any(looks_unsaved(sheet, c) for c in PASTED) and "没有保存" not in under_sheet(sheet)
    assert sheet.message.text() == "刚才没能保存的数现在都已保存。"  # the paste's "还没能保存" put right
    # the paste is one undo step, undone in the database too
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)
    assert [stored(store, report, c) for c in PASTED] == before
    assert [shown(sheet, c) for c in PASTED] == ["" if b is None else str(b) for b in before]


def test_undo_and_a_choice_on_a_full_disk_stay_on_screen_and_land_later(
        qtbot: QtBot, sheet: FigureSheet, store: Store, report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    code = "A.accepted"
    type_and_enter(qtbot, sheet, code, "90")
    assert stored(store, report, code) == 90
    fixed = broken_figures(monkeypatch, lambda _s: sqlite3.OperationalError(DISK_FULL))
    sheet.view.setFocus()
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)  # back to 88: shown at once, kept for the retry
    assert shown(sheet, code) == "88" and looks_unsaved(sheet, code)
    assert stored(store, report, code) == 90
    assert "没有保存" in under_sheet(sheet)
    QTest.keyClick(sheet.view, Qt.Key.Key_Y, CTRL)  # redo: 90 again, the database still says 90
    assert shown(sheet, code) == "90"
    click(qtbot, sheet, "A.received", COL_VALUE)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_B, CTRL)  # 不涉及
    assert shown(sheet, "A.received") == "不涉及" and looks_unsaved(sheet, "A.received")
    fixed[0] = True
    qtbot.waitUntil(lambda: not sheet.model.unsaved_codes(), timeout=3000)
    assert stored(store, report, code) == 90
    figure = saved(store, report, "A.received")
    assert figure is not None and figure.state is FigureState.NA
    QTest.keyClick(sheet.view, Qt.Key.Key_Z, CTRL)  # undo works on what is stored now
    assert stored(store, report, "A.received") == report.figures["A.received"].value


def test_a_figure_not_saved_is_still_shown_after_switching_years_and_lands_later(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    """The sheet is built anew for each report, from the store: a figure kept for a retry is shown (and marked) on
    the new sheet too, not the stored value it will replace."""
    w = window
    sheet = open_sheet(w)
    code = first_figure(sheet)
    report_id = w.session.report.id if w.session.report else None
    fixed = broken_figures(monkeypatch, lambda _s: sqlite3.OperationalError(DISK_FULL))
    type_and_enter(qtbot, sheet, code, "707")
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    key(w.year_combo, Qt.Key.Key_Down)  # to 2022
    qtbot.waitUntil(lambda: w.year_combo.currentText() == "2022年度", timeout=3000)
    key(w.year_combo, Qt.Key.Key_Up)  # and back
    qtbot.waitUntil(lambda: w.session.report is not None and w.session.report.id == report_id, timeout=3000)
    sheet = open_sheet(w)
    assert shown(sheet, code) == "707" and looks_unsaved(sheet, code) and "没有保存" in under_sheet(sheet)
    assert len(messages) == 1  # the same trouble: not said again
    fixed[0] = True
    qtbot.waitUntil(lambda: stored(filled_store, w.session.report, code) == 707, timeout=3000)
    assert not looks_unsaved(sheet, code) and w.saved_label.text().startswith("已保存")


def test_a_figure_kept_lands_after_its_sheet_is_gone(
        filled_store: Store, window: MainWindow, qtbot: QtBot,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    """Another year opened while a figure waits: its sheet is deleted, the write still lands (and is not retried
    for ever because the sheet it would have told is gone)."""
    w = window
    sheet = open_sheet(w)
    code = first_figure(sheet)
    report = w.session.report
    fixed = broken_figures(monkeypatch, lambda _s: sqlite3.OperationalError(DISK_FULL))
    type_and_enter(qtbot, sheet, code, "808")
    qtbot.waitUntil(lambda: bool(messages), timeout=3000)
    key(w.year_combo, Qt.Key.Key_Down)  # to 2022: the 2023 sheet is deleted
    qtbot.waitUntil(lambda: w.year_combo.currentText() == "2022年度", timeout=3000)
    qtbot.wait(50)
    fixed[0] = True
    qtbot.waitUntil(lambda: stored(filled_store, report, code) == 808, timeout=3000)
    qtbot.waitUntil(lambda: not w.saver.pending, timeout=3000)
    assert w.saved_label.text().startswith("已保存") and len(messages) == 1


def test_write_now_says_a_failure_on_the_next_turn_and_not_once_it_worked(qtbot: QtBot) -> None:
    """A figure is written inside the item view's commit of its cell: 保存失败 (a message box with its own event loop)
    waits for the event loop, and is not said at all if a retry worked meanwhile."""
    saver = autosave.Autosaver(delay_ms=10, max_wait_ms=10)
    failures: list[str] = []
    saver.failed.connect(failures.append)
    outcomes = [False, True]

    def write() -> None:
        if not outcomes.pop(0):
            raise sqlite3.OperationalError(DISK_FULL)

    assert not saver.write_now("figures:1", write)
    assert failures == [] and saver.pending and saver.failing  # kept, not said yet
    qtbot.waitUntil(lambda: bool(failures), timeout=1000)
    assert failures == [f"磁盘已满（{DISK_FULL}）"]
    outcomes[:] = [False, True]
    saver.discard()
    failures.clear()
    assert not saver.write_now("figures:1", write)
    assert saver.write_now("figures:1", write)  # the next figure's Enter: it worked
    qtbot.wait(50)
    assert failures == [] and not saver.pending
